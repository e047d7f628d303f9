"""Relative locations: distance and bearing read from text, walked with geopy."""

from __future__ import annotations

import pytest
from geopy.distance import geodesic

from geo.model import Article, Mention
from geo.places.relative import (
    _AR,
    _EN,
    _FR,
    BEARINGS,
    _matches,
    _phrase_starts,
    direction_name,
    find_relative,
    landmark_name,
    offset_point,
    uncertainty_km,
)
from geo.text.folding import fold


def _article_with_anchor(text: str, anchor: str) -> tuple[Article, list[Mention]]:
    start = text.index(anchor)
    article = Article(name="a.txt", text=text)
    mention = Mention(
        article="a.txt", start=start, end=start + len(anchor), text=anchor, sentence=0, match="exact", candidates=(7,)
    )
    return article, [mention]


@pytest.mark.parametrize(
    ("text", "anchor", "km", "bearing"),
    [
        ("يقع الموقع على بعد حوالي 40 كيلومترا شمال شرق مدينة حلب.", "حلب", 40, 45),
        ("انفجار على بُعد 12 كلم جنوب دمشق", "دمشق", 12, 180),
        ("قاعدة على مسافة 150 كم إلى الغرب من بغداد", "بغداد", 150, 270),
        ("منشأة على بعد 30 كيلومترا جنوب غربي العاصمة طهران", "طهران", 30, 225),
        ("قرية تبعد ٢٥ كم شمالي الموصل", "الموصل", 25, 0),
        ("a plant about 60 km south-west of Kharkiv", "Kharkiv", 60, 225),
        ("a base 100 miles north of Seattle", "Seattle", 160.934, 0),
        ("the village, some 15 kilometres (9 miles) to the east of Kherson", "Kherson", 15, 90),
        ("à environ 20 km au nord-ouest de Lyon", "Lyon", 20, 315),
        ("un site à 35 kilomètres au sud de Marseille", "Marseille", 35, 180),
    ],
)
def test_find_relative_reads_distance_and_bearing(text: str, anchor: str, km: float, bearing: float) -> None:
    article, mentions = _article_with_anchor(text, anchor)
    found = find_relative(article, mentions)
    assert len(found) == 1
    rel = found[0]
    assert rel.match == "relative"
    assert rel.distance_km == pytest.approx(km, abs=0.01)
    assert rel.bearing_deg == bearing
    assert rel.candidates == (7,)
    assert rel.end == mentions[0].end
    assert article.text[rel.start : rel.end] == rel.text


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("وصل إلى حلب بعد 40 دقيقة", "حلب"),  # minutes, not a distance
        ("قطع 40 كيلومترا. ثم وصل إلى حلب", "حلب"),  # the sentence ends before the anchor
        ("he drove 60 km and then south of Kharkiv", "Kharkiv"),
    ],
)
def test_find_relative_ignores_non_relative_text(text: str, anchor: str) -> None:
    article, mentions = _article_with_anchor(text, anchor)
    assert find_relative(article, mentions) == []


def test_head_noun_names_the_relative_place() -> None:
    article, mentions = _article_with_anchor("رصدت الصور ميناء صغيرا على بعد 20 كم شمال اللاذقية", "اللاذقية")
    assert find_relative(article, mentions)[0].trigger == "port"


@pytest.mark.parametrize(
    ("lat", "lon", "km", "bearing"), [(33.5, 36.3, 60, 225), (55.75, 37.62, 100, 0), (-33.9, 18.4, 5, 90)]
)
def test_offset_point_walks_the_geodesic(lat: float, lon: float, km: float, bearing: float) -> None:
    dest = offset_point(lat, lon, distance_km=km, bearing_deg=bearing)
    assert geodesic((lat, lon), dest).km == pytest.approx(km, rel=1e-6)
    if bearing == 0:
        assert dest[0] > lat and dest[1] == pytest.approx(lon)
    if bearing == 225:
        assert dest[0] < lat and dest[1] < lon


@pytest.mark.parametrize(("bearing", "name"), [(0, "north"), (225, "south-west"), (315, "north-west"), (100, "east")])
def test_direction_name(bearing: float, name: str) -> None:
    assert direction_name(bearing) == name
    assert set(BEARINGS) == {"N", "NE", "E", "SE", "S", "SW", "W", "NW"}


def test_uncertainty_grows_with_distance_and_anchor() -> None:
    assert uncertainty_km(5) == 2.0
    assert uncertainty_km(100) == 15.0
    assert uncertainty_km(100, anchor_uncertainty_km=10) == 25.0


@pytest.mark.parametrize(
    ("text", "anchor", "km"),
    [
        ("a depot 1,500 km north of Moscow", "Moscow", 1500.0),  # thousands separator
        ("a depot 2.5 km north of Moscow", "Moscow", 2.5),
        ("مخزن على بعد ٢٫٥ كم شرق القاهرة", "القاهرة", 2.5),  # Arabic decimal separator
    ],
)
def test_numbers_are_read_whole(text: str, anchor: str, km: float) -> None:
    article, mentions = _article_with_anchor(text, anchor)
    found = find_relative(article, mentions)
    assert [m.distance_km for m in found] == [pytest.approx(km)]
    assert found[0].text[0].isdigit() or found[0].text.startswith(("مخزن", "على"))


@pytest.mark.parametrize("text", ["9" * 400 + " km north of Cairo", "30000 km north of Cairo", "0 km north of Cairo"])
def test_impossible_distances_are_ignored(text: str) -> None:
    article, mentions = _article_with_anchor(text, "Cairo")
    assert find_relative(article, mentions) == []


@pytest.mark.parametrize(
    ("text", "anchor", "name"),
    [
        ("Il a visité le camp de Vorlagau (à 180 km à l'ouest de Leipzig) samedi.", "Leipzig", "camp de Vorlagau"),
        ("They toured the Kestrin memorial, 40 km north of Bonn, on Monday.", "Bonn", "Kestrin memorial"),
        ("وزار الرئيس سد النهرين، على بعد 30 كلم شمال الموصل.", "الموصل", "سد النهرين"),
        ("وافتتح ملعب المدينة الوطني (على بعد 12 كلم جنوب حمص) أمس.", "حمص", "ملعب المدينة الوطني"),
        ("a site 25 km east of Homs", "Homs", None),  # no bracket or comma: the distance locates "a site"
        ("He spoke, 25 km east of Homs, to the crowd.", "Homs", None),  # no landmark noun before the comma
    ],
)
def test_a_landmark_before_its_distance_names_the_relative_place(text: str, anchor: str, name: str | None) -> None:
    article, mentions = _article_with_anchor(text, anchor)
    found = find_relative(article, mentions)
    assert len(found) == 1
    assert landmark_name(found[0].text) == name


@pytest.mark.parametrize(
    ("lat", "lon", "km", "bearing"),
    [(33.5, 36.3, 60.0, 225.0), (0.0, 179.9, 500.0, 90.0), (-45.0, -190.0, 12.5, 315.0), (89.9, 10.0, 100.0, 0.0)],
)
def test_offset_point_is_geopys_point(lat: float, lon: float, km: float, bearing: float) -> None:
    dest = geodesic(kilometers=km).destination((lat, lon), bearing)
    assert offset_point(lat, lon, distance_km=km, bearing_deg=bearing) == (dest.latitude, dest.longitude)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("تقع القاعدة على بعد أكثر من 45 كيلومترا شمال غرب المدينة", id="arabic-four-words-before"),
        pytest.param("The dam, some 1,200 km north-east of the capital, and 3.5 miles west of it", id="english"),
        pytest.param("à environ 12 km au sud de Nantes ; 7 km, 8km à l'est de Tours", id="french"),
        pytest.param("في عام 2020 قطع 30 كم\nجنوب النهر", id="a-newline-in-the-phrase"),
    ],
)
def test_phrases_are_looked_for_only_where_they_can_start(text: str) -> None:
    folded = fold(text).text
    starts = _phrase_starts(folded)
    for pattern in (_AR, _EN, _FR):
        expected = [m.span() for m in pattern.finditer(folded)]
        assert [m.span() for m in _matches(pattern, folded, starts)] == expected
