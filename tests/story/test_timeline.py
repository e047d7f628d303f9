"""Stops from mention roles: best-supported dates, plans, merging, order."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.model import Mention, MentionRole, Place, Resolution
from geo.story.timeline import build_stops, journey_window

D = dt.date


def _place(pid: str, lat: float, lon: float, place_type: str = "city") -> Place:
    return Place(id=pid, name=pid.title(), lat=lat, lon=lon, place_type=place_type)  # type: ignore[arg-type]


ALEPPO, DAMASCUS, HOMS = _place("aleppo", 36.20, 37.13), _place("damascus", 33.51, 36.29), _place("homs", 34.73, 36.71)
CITADEL = _place("citadel", 36.199, 37.163, "facility")  # inside Aleppo
SYRIA = _place("syria", 35.0, 38.0, "country")


def _role(place: Place, role: str, first=None, last=None, certainty="unknown", *, article="a.txt", start=0, stop=True):  # noqa: ANN001, ANN202
    mention = Mention(article=article, start=start, end=start + 3, text="x", sentence=0, match="exact", candidates=())
    res = Resolution(mention=mention, place=place, confidence=0.9)
    return MentionRole(res, role, stop, first, last or first, certainty, why=role)


def test_stops_are_ordered_by_date_and_numbered() -> None:
    stops = build_stops(
        [
            _role(DAMASCUS, "visit", D(2024, 5, 3), certainty="exact", start=50),
            _role(ALEPPO, "departure", D(2024, 5, 1), certainty="exact", start=10),
            _role(HOMS, "visit", None, start=90),
        ],
        published={"a.txt": D(2024, 5, 4)},
    )
    assert [(s.seq, s.place.id) for s in stops] == [(1, "aleppo"), (2, "damascus"), (3, "homs")]
    assert stops[2].date_start is None and "narrative order" in stops[2].why


def test_the_date_most_mentions_give_wins_over_approximate_ones() -> None:
    stops = build_stops(
        [
            _role(ALEPPO, "visit", D(2024, 5, 2), D(2024, 5, 4), "approximate", start=1),
            _role(ALEPPO, "visit", D(2024, 5, 2), certainty="exact", start=2, article="b.txt"),
            _role(ALEPPO, "visit", D(2024, 5, 2), certainty="exact", start=3, article="c.txt"),
            _role(ALEPPO, "visit", D(2024, 5, 3), certainty="exact", start=4, article="d.txt"),
        ],
        published={},
    )
    assert (stops[0].date_start, stops[0].date_end, stops[0].certainty) == (D(2024, 5, 2), D(2024, 5, 2), "exact")
    assert len(stops[0].evidence) == 4


def test_a_plan_within_the_journey_becomes_an_approximate_stop() -> None:
    roles = [
        _role(ALEPPO, "departure", D(2024, 5, 1), certainty="exact"),
        _role(SYRIA, "country", D(2024, 5, 6), certainty="exact", stop=False, start=9),
        _role(HOMS, "plan", article="b.txt"),
    ]
    stops = build_stops(roles, published={"a.txt": D(2024, 5, 2), "b.txt": D(2024, 5, 3)})
    homs = next(s for s in stops if s.place.id == "homs")
    assert (homs.date_start, homs.date_end, homs.certainty, homs.role) == (
        D(2024, 5, 3),
        D(2024, 5, 6),
        "approximate",
        "plan",
    )
    assert journey_window(roles).first == D(2024, 5, 1) and journey_window(roles).last == D(2024, 5, 6)


def test_a_plan_after_the_journey_or_undated_stays_context() -> None:
    roles = [_role(ALEPPO, "visit", D(2024, 5, 1), certainty="exact"), _role(HOMS, "plan", article="b.txt")]
    assert [s.place.id for s in build_stops(roles, published={"b.txt": D(2024, 6, 1)})] == ["aleppo"]
    assert [s.place.id for s in build_stops(roles, published={})] == ["aleppo"]


def test_a_site_inside_a_city_on_the_same_day_merges_into_it() -> None:
    roles = [
        _role(ALEPPO, "visit", D(2024, 5, 1), certainty="exact", start=1),
        _role(ALEPPO, "visit", D(2024, 5, 1), certainty="exact", start=2, article="b.txt"),
        _role(CITADEL, "visit", D(2024, 5, 1), certainty="exact", start=3),
    ]
    stops = build_stops(roles, published={})
    assert len(stops) == 1 and stops[0].place.id == "aleppo" and [p.id for p in stops[0].also] == ["citadel"]


def test_same_place_on_different_days_does_not_merge_with_a_neighbour() -> None:
    roles = [
        _role(ALEPPO, "visit", D(2024, 5, 1), certainty="exact", start=1),
        _role(CITADEL, "visit", D(2024, 5, 9), certainty="exact", start=3),
    ]
    assert len(build_stops(roles, published={})) == 2


def test_context_roles_make_no_stops() -> None:
    roles = [_role(DAMASCUS, "government", stop=False), _role(SYRIA, "country", stop=False)]
    assert build_stops(roles, published={}) == ()


def _said(  # noqa: PLR0913
    place: Place,
    role: str,
    day: D | None,
    *,
    text: str = "x",
    article: str = "a.txt",
    start: int = 0,
    sentence: int = 0,
    certainty: str = "exact",
    stop: bool = True,
    earlier: bool = False,
    later: bool = False,
) -> MentionRole:
    """A mention role with its surface form, sentence and earlier- or later-leg flag."""
    mention = Mention(
        article=article, start=start, end=start + len(text), text=text, sentence=sentence, match="exact", candidates=()
    )
    res = Resolution(mention=mention, place=place, confidence=0.9)
    certainty = certainty if day else "unknown"
    return MentionRole(res, role, stop, day, day, certainty, why=role, earlier=earlier, later=later)  # type: ignore[arg-type]


def _site(pid: str, name: str, lat: float, lon: float, *, feature: str = "", country: str = "XX") -> Place:
    return Place(id=pid, name=name, lat=lat, lon=lon, place_type="facility", feature=feature, country=country)  # type: ignore[arg-type]


def _town(pid: str, name: str, lat: float, lon: float, *, name_ar: str | None = None) -> Place:
    return Place(id=pid, name=name, name_ar=name_ar, lat=lat, lon=lon, place_type="city", country="XX")  # type: ignore[arg-type]


CITY = _town("city", "Ardmore", 30.00, 40.00, name_ar="أردمور")
AIRPORT_NAMED = _site("airport1", "Rivers International Airport", 30.00, 40.45, feature="airport")  # ~43 km east
AIRPORT_NEAR = _site("airport2", "Queen Field", 30.00, 40.30, feature="airport")  # ~29 km east
AIRPORT_FAR = _site("airport3", "Hill Field", 30.00, 40.50, feature="airport")  # ~48 km east
PALACE_FAR = _site("palace", "Summer Palace", 30.00, 40.50)  # ~48 km east, another town's palace


@pytest.mark.parametrize(
    ("site", "text", "folds"),
    [
        (AIRPORT_NAMED, "مطار أردمور الدولي", True),  # Arabic: the airport named after the city
        (AIRPORT_NAMED, "l'aéroport d'Ardmore", True),  # French
        (AIRPORT_NAMED, "Ardmore airport", True),  # English
        (AIRPORT_NEAR, "Queen Field", True),  # an airport close enough to be the city's
        (AIRPORT_FAR, "Hill Field", False),  # an airport farther out may serve another city
        (PALACE_FAR, "Summer Palace", False),  # a site of another town
    ],
)
def test_an_airport_of_the_city_folds_into_its_stop(site: Place, text: str, folds: bool) -> None:
    roles = [
        _said(CITY, "visit", D(2024, 5, 6), text="Ardmore", start=1),
        _said(site, "visit", D(2024, 5, 6), text=text, start=50, certainty="approximate"),
    ]
    stops = build_stops(roles, published={})
    assert (len(stops) == 1) is folds
    if folds:
        assert stops[0].place.id == "city" and [p.id for p in stops[0].also] == [site.id]


def test_a_site_named_after_the_city_on_another_day_of_the_stay_stretches_it() -> None:
    roles = [
        _said(CITY, "visit", D(2024, 5, 3), text="Ardmore", start=1, certainty="approximate"),
        _said(AIRPORT_NAMED, "departure", D(2024, 5, 5), text="Ardmore airport", start=50, certainty="approximate"),
    ]
    (stop,) = build_stops(roles, published={})
    assert (stop.date_start, stop.date_end, stop.certainty) == (D(2024, 5, 3), D(2024, 5, 5), "approximate")


def test_an_exact_city_day_is_kept_over_a_less_sure_site_day() -> None:
    roles = [
        _said(CITY, "visit", D(2024, 5, 3), text="Ardmore", start=1),
        _said(AIRPORT_NAMED, "visit", D(2024, 5, 2), text="Ardmore airport", start=50, certainty="approximate"),
    ]
    (stop,) = build_stops(roles, published={})
    assert (stop.date_start, stop.date_end, stop.certainty) == (D(2024, 5, 3), D(2024, 5, 3), "exact")


@pytest.mark.parametrize(
    ("other", "merged"),
    [
        (_town("town", "Beitown", 29.93, 40.00), False),  # ~8 km: a neighbouring town stays a stop
        (_town("east", "East Ardmore", 29.97, 40.03), True),  # a district named after the city
        (_town("quarter", "Old Quarter", 30.01, 40.01), True),  # ~1.5 km: one place
    ],
)
def test_two_towns_close_by_stay_two_stops(other: Place, merged: bool) -> None:
    roles = [
        _said(CITY, "visit", D(2024, 5, 6), text="Ardmore", start=1),
        _said(other, "visit", D(2024, 5, 6), text=other.name, start=50),
    ]
    assert (len(build_stops(roles, published={})) == 1) is merged


def test_a_plan_told_on_the_journeys_last_day_stays_a_plan() -> None:
    roles = [
        _said(ALEPPO, "visit", D(2024, 5, 6), start=1),
        _said(HOMS, "plan", None, start=50),  # «ثم يتوجه إلى حمص», said on 6 May
    ]
    assert [s.place.id for s in build_stops(roles, published={"a.txt": D(2024, 5, 6)})] == ["aleppo"]


def test_a_month_long_date_does_not_stretch_the_journey() -> None:
    roles = [
        _said(ALEPPO, "visit", D(2024, 5, 6), start=1),
        MentionRole(_said(SYRIA, "country", None).resolution, "country", False, D(2024, 5, 1), D(2024, 5, 31)),  # type: ignore[arg-type]
        _said(HOMS, "plan", None, start=50),
    ]
    assert journey_window(roles, span_days=7).last == D(2024, 5, 6)
    assert journey_window(roles).last == D(2024, 5, 31)
    assert [s.place.id for s in build_stops(roles, published={"a.txt": D(2024, 5, 6)})] == ["aleppo"]


@pytest.mark.parametrize(
    ("roles", "order"),
    [
        (  # "spoke to the troops at Aleppo shortly before arriving in Damascus": Damascus after Aleppo
            [
                _said(DAMASCUS, "visit", D(2024, 5, 6), start=1, sentence=0),
                _said(ALEPPO, "visit", D(2024, 5, 6), start=60, sentence=2),
                _said(DAMASCUS, "visit", D(2024, 5, 6), start=90, sentence=2, later=True),
            ],
            ["aleppo", "damascus"],
        ),
        (  # «قبل أن يصل إلى حلب» with nothing else in its sentence: the narrative order stands
            [
                _said(DAMASCUS, "visit", D(2024, 5, 6), start=1, sentence=0),
                _said(ALEPPO, "visit", D(2024, 5, 6), start=60, sentence=2, later=True),
            ],
            ["damascus", "aleppo"],
        ),
    ],
)
def test_a_place_reached_before_comes_after_its_sentence(roles: list[MentionRole], order: list[str]) -> None:
    assert [s.place.id for s in build_stops(roles, published={})] == order


FAR_FIELD = _site("field", "Coast Field", 31.00, 40.00, feature="airport")  # ~111 km north: not the city's airport


@pytest.mark.parametrize(
    ("airport_role", "order"),
    [
        ("visit", ["field", "city"]),  # "visited the old city … the plane landed at Coast Field": landing first
        ("departure", ["city", "field"]),  # "took off from Coast Field" ends the day
    ],
)
def test_a_landing_opens_its_day(airport_role: str, order: list[str]) -> None:
    roles = [
        _said(CITY, "visit", D(2024, 5, 6), start=1, sentence=0),
        _said(FAR_FIELD, airport_role, D(2024, 5, 6), start=90, sentence=3, certainty="approximate"),
    ]
    assert [s.place.id for s in build_stops(roles, published={})] == order


@pytest.mark.parametrize(
    ("roles", "order"),
    [
        (  # «ووصل إلى بيروت قادما من حلب»: Aleppo, the place he came from, first on the day
            [
                _said(DAMASCUS, "visit", D(2024, 5, 6), start=1, sentence=0),
                _said(ALEPPO, "visit", D(2024, 5, 6), start=60, sentence=0, earlier=True),
            ],
            ["aleppo", "damascus"],
        ),
        (  # "after visiting Homs" in another sentence of the article: Homs first
            [
                _said(DAMASCUS, "visit", D(2024, 5, 6), start=1, sentence=0),
                _said(HOMS, "visit", D(2024, 5, 6), start=90, sentence=2, earlier=True),
            ],
            ["homs", "damascus"],
        ),
        (  # "before leaving Aleppo for Damascus", Damascus confirmed elsewhere: Aleppo first
            [
                _said(DAMASCUS, "visit", D(2024, 5, 6), start=1, sentence=0),
                _said(ALEPPO, "departure", D(2024, 5, 6), start=60, sentence=3),
                _said(DAMASCUS, "plan", None, start=80, sentence=3, stop=False),
            ],
            ["aleppo", "damascus"],
        ),
        (  # "took off from Aleppo" in its own sentence says nothing of the day's earlier visit
            [
                _said(DAMASCUS, "visit", D(2024, 5, 6), start=1, sentence=0),
                _said(ALEPPO, "departure", D(2024, 5, 6), start=60, sentence=3, certainty="approximate"),
            ],
            ["damascus", "aleppo"],
        ),
    ],
)
def test_same_day_order_follows_the_earlier_legs(roles: list[MentionRole], order: list[str]) -> None:
    assert [s.place.id for s in build_stops(roles, published={})] == order
