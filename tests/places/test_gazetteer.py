"""The compiled gazetteer index: contents, lookups, fast loading and rebuilds."""

from __future__ import annotations

import json
import time

import pytest

from geo.errors import IndexBuildError
from geo.model import Article
from geo.pipeline import Pipeline
from geo.places.gazetteer import ADJECTIVE, ARABIC, LATIN, PHONETIC, Gazetteer, ensure_index
from geo.places.phonetic import latin_key
from geo.text.folding import name_key
from geo.text.sentences import split_sentences


def _names(gazetteer: Gazetteer, key: str) -> set[tuple[str, str | None]]:
    return {(gazetteer.place(h.row).name, gazetteer.place(h.row).country) for h in gazetteer.lookup(key)}


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [
        ("القاهرة", "Cairo", "EG"),
        ("دمشق", "Damascus", "SY"),
        ("باريس", "Paris", "FR"),
        ("Paris", "Paris", "FR"),
        ("Londres", "London", "GB"),
        ("Saint-Pétersbourg", "Saint Petersburg", "RU"),
        ("نيويورك", "New York City", "US"),
    ],
)
def test_city_names_in_several_scripts(gazetteer: Gazetteer, name: str, expected: str, country: str) -> None:
    assert (expected, country) in _names(gazetteer, name_key(name))


@pytest.mark.parametrize(
    ("name", "country"),
    [("مصر", "EG"), ("روسيا", "RU"), ("Allemagne", "DE"), ("Germany", "DE"), ("اليابان", "JP"), ("Россия", None)],
)
def test_country_names_from_cldr(gazetteer: Gazetteer, name: str, country: str | None) -> None:
    hits = [h for h in gazetteer.lookup(name_key(name)) if gazetteer.place_type(h.row) == "country"]
    if country is None:
        assert hits == []  # Cyrillic names are not indexed: articles are Arabic, French or English
    else:
        assert {gazetteer.country(h.row) for h in hits} == {country}


@pytest.mark.parametrize(("adjective", "country"), [("الروسية", "RU"), ("المصري", "EG"), ("الياباني", "JP")])
def test_arabic_relative_adjectives_point_to_their_country(gazetteer: Gazetteer, adjective: str, country: str) -> None:
    hits = gazetteer.lookup(name_key(adjective))
    assert any(h.flags & ADJECTIVE and gazetteer.country(h.row) == country for h in hits)


def test_flags_say_which_script_a_name_is_in(gazetteer: Gazetteer) -> None:
    arabic = gazetteer.lookup(name_key("بغداد"))
    latin = gazetteer.lookup(name_key("Baghdad"))
    assert any(h.flags & ARABIC for h in arabic)
    assert any(h.flags & LATIN for h in latin)


def test_phonetic_keys_of_latin_only_places(gazetteer: Gazetteer) -> None:
    """A town GeoNames knows only by Latin names is reachable by its consonant key."""
    hits = gazetteer.lookup_phonetic(latin_key("Komsomolsk-na-Amure"))
    assert hits and all(h.flags & PHONETIC for h in hits)


@pytest.mark.parametrize("least", [0, 1, 5000, 100_000, 10**9])
def test_a_key_s_populous_places(gazetteer: Gazetteer, least: int) -> None:
    """Only the places of at least ``least`` people, in the order of a plain look-up."""
    for key in ("#" + latin_key("Komsomolsk-na-Amure"), name_key("القاهرة"), "#KRBN", "zzqx"):
        expected = [h for h in gazetteer.lookup(key) if gazetteer.population(h.row) >= least]
        assert gazetteer.lookup_populous(key, least) == expected


def test_common_words_carry_their_frequency(gazetteer: Gazetteer) -> None:
    assert gazetteer.zipf(name_key("الذي")) > 5
    assert gazetteer.zipf(name_key("the")) > 6
    assert gazetteer.zipf(name_key("Xyzzyqx")) == 0.0


def test_capitals_are_marked(gazetteer: Gazetteer) -> None:
    capitals = {gazetteer.place(h.row).feature for h in gazetteer.lookup(name_key("عمان"))}
    assert "capital" in capitals


def test_place_rows_round_trip(gazetteer: Gazetteer) -> None:
    row = gazetteer.country_row("FR")
    assert row is not None
    place = gazetteer.place(row)
    assert place.id == "country:FR" and place.place_type == "country"
    assert gazetteer.row_of("country:FR") == row
    with pytest.raises(IndexError):
        gazetteer.place(len(gazetteer))


def test_arabic_names_are_the_places_own(gazetteer: Gazetteer) -> None:
    rows = [h.row for key in ("القاهرة", "Paris", "Londres") for h in gazetteer.lookup(name_key(key))][:40]
    rows.append(rows[0])  # a row asked twice is read twice
    assert gazetteer.arabic_names(rows) == [gazetteer.own_arabic(row) or "" for row in rows]
    assert gazetteer.arabic_names([]) == []


@pytest.mark.parametrize(
    ("place_id", "shown", "own"),
    [
        ("geonames:250441", "عمان", "ئاممان"),  # Amman: GeoNames' first Arabic-script name is Uyghur
        ("geonames:524901", "موسكو", "ماسکو"),  # Moscow: ... Persian
        ("geonames:703448", "كييف", "كىيېۋ"),  # Kyiv
        ("geonames:360630", "القاهرة", "القاهرة"),  # Cairo: the first is the Arabic one already
        ("country:JO", "الأردن", "الأردن"),  # a country: CLDR's Arabic name, both
    ],
)
def test_readers_see_the_arabic_display_name_the_reading_keeps_its_own(
    gazetteer: Gazetteer, place_id: str, shown: str, own: str
) -> None:
    row = gazetteer.row_of(place_id)
    assert row is not None
    assert gazetteer.place(row).name_ar == shown
    assert gazetteer.own_arabic(row) == own


def test_arabic_names_refuse_a_damaged_line(gazetteer: Gazetteer, monkeypatch) -> None:  # noqa: ANN001
    row = gazetteer.country_row("FR")
    assert row is not None
    text = bytearray(gazetteer._text)
    start = text.index(b"\t", gazetteer._offsets.item(row)) + 1  # the line's name: a tab written into it
    text[start] = ord("\t")
    monkeypatch.setattr(gazetteer, "_text", bytes(text))
    with pytest.raises(IndexBuildError, match="damaged"):
        gazetteer.arabic_names([row])


@pytest.mark.parametrize(("lat", "lon", "name"), [(48.857, 2.352, "Paris"), (30.05, 31.24, "Cairo")])
def test_nearest(gazetteer: Gazetteer, lat: float, lon: float, name: str) -> None:
    row, distance = gazetteer.nearest(lat, lon, min_population=1_000_000)
    assert gazetteer.place(row).name == name and distance < 5
    row, distance = gazetteer.nearest(lat, lon)  # the nearest of all: may be a quarter of it
    assert distance < 5


def test_index_loads_fast(gazetteer: Gazetteer) -> None:
    """Loading is memory-mapping; a generous bound that only a regression breaks."""
    start = time.perf_counter()
    again = Gazetteer(gazetteer.directory)
    assert len(again) == len(gazetteer)
    assert time.perf_counter() - start < 1.0


def test_index_is_rebuilt_when_an_input_changes(gazetteer: Gazetteer, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """A stale fingerprint triggers a rebuild; a current one does not."""
    target = tmp_path / "index"
    import shutil

    shutil.copytree(gazetteer.directory, target)
    meta = json.loads((target / "meta.json").read_text())
    assert ensure_index(target) == target  # current: nothing rebuilt
    assert json.loads((target / "meta.json").read_text()) == meta
    calls = []
    monkeypatch.setattr("geo.places.gazetteer.compile_index", lambda d: calls.append(d) or d)
    meta["fingerprint"] = "stale"
    (target / "meta.json").write_text(json.dumps(meta))
    ensure_index(target)
    assert calls == [target]


@pytest.mark.parametrize(
    ("box", "types", "first"),
    [
        ((29.0, 30.0, 31.0, 32.5), ("city",), "Cairo"),  # the most populous first
        ((30.0, 170.0, 60.0, 250.0), ("water",), None),  # a box across the antimeridian answers too
        ((20.0, 100.0, 60.0, 150.0), ("country",), "China"),
    ],
)
def test_places_in_a_box_by_population(gazetteer: Gazetteer, box: tuple, types: tuple, first: str | None) -> None:
    found = gazetteer.places_in_box(*box, types=types, limit=5)
    assert 0 < len(found) <= 5
    assert all(p.place_type in types for p in found)
    assert [p.population for p in found] == sorted((p.population for p in found), reverse=True)
    if first:
        assert found[0].name == first
    south, west, north, east = box
    assert all(south <= p.lat <= north and (p.lon - west) % 360 <= east - west for p in found)
    assert gazetteer.places_in_box(*box, types=types, limit=5, min_population=10**12) == []


@pytest.mark.parametrize(
    ("text", "language", "acronym"),
    [
        ("She holds a BA in history and now teaches in Leeds.", "en", "BA"),
        ("Il a obtenu son BA avant de partir pour Lyon.", "fr", "BA"),
        ("He flew BA from Heathrow to Madrid last week.", "en", "BA"),
    ],
)
def test_a_two_letter_alias_of_a_town_is_not_an_acronym(
    gazetteer: Gazetteer, text: str, language: str, acronym: str
) -> None:
    """ "Ba", an old name of Bath, must not turn every "BA" (a degree, an airline) into Bath."""
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language=language)
    assert acronym not in {r.mention.text for r in Pipeline(gazetteer).process(article).resolutions}


def test_names_are_the_places_names_read_alone(gazetteer: Gazetteer) -> None:
    rows = [*range(0, len(gazetteer), 997), len(gazetteer) - 1]
    rows += list(gazetteer.towns_by_country(20_000).get("US", ()))[:50]
    assert gazetteer.names(rows) == [gazetteer.place(row).name for row in rows]
    assert gazetteer.names([]) == []


@pytest.mark.parametrize(
    ("key", "place_id", "doubled"),
    [
        ("عمان", "geonames:250441", frozenset({"عممان"})),  # Amman: «عمّان», «عَمّان»
        ("عمان", "country:OM", frozenset({"عمان"})),  # Oman: CLDR's «عُمان»
        ("القاهره", "geonames:360630", None),  # Cairo: its names are written bare
    ],
)
def test_names_written_with_harakat_keep_their_doubled_letters(
    gazetteer: Gazetteer, key: str, place_id: str, doubled: frozenset[str] | None
) -> None:
    assert gazetteer.written_doubling(key).get(gazetteer.row_of(place_id)) == doubled
