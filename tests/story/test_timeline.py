"""Stops from mention roles: best-supported dates, plans, merging, order."""

from __future__ import annotations

import datetime as dt

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
