"""Edits of the story: the table of stops, single edits, the gazetteer search; invalid edits change nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.model import Certainty, PlaceType
from geo.presenter.editing import (
    CERTAINTIES,
    STOP_COLUMNS,
    EditError,
    add_stop,
    apply_rows,
    edit_stop,
    move_stop,
    remove_stop,
    search_places,
    stop_rows,
    story_hash,
)
from geo.story.document import StoryDoc

D = dt.date


class _Location:
    def __init__(self, name: str, lat: float, lon: float, place_type: str = "city") -> None:
        self.address = f"{name}, RU"
        self.latitude, self.longitude = lat, lon
        self.raw = {"id": f"g-{name}", "name": name, "name_ar": "فلاديفوستوك", "place_type": place_type}


class _Geocoder:
    def geocode(self, query: str, *, exactly_one: bool = True, limit: int | None = None) -> list[_Location]:
        return [_Location("Vladivostok", 43.1, 131.9)] if "vlad" in query.lower() else []


def _rows(doc: StoryDoc) -> list[dict]:
    return stop_rows(doc)


def _change(rows: list[dict], index: int, **fields: object) -> list[dict]:
    rows[index] = {**rows[index], **fields}
    return rows


@pytest.mark.parametrize(
    ("edit", "names", "check"),
    [
        (lambda r: _change(r, 1, date_start="2023-09-20"), ["Pyongyang", "Vostochny", "Khabarovsk", "Shipyard"],
         lambda d: d.stops[1].date_start == D(2023, 9, 20)),
        (lambda r: _change(r, 3, date_start=D(2023, 9, 17), date_certainty="unknown"), None,
         lambda d: d.stops[3].date_start == D(2023, 9, 17) and d.stops[3].date_certainty == "exact"),
        (lambda r: _change(r, 2, date_start=None, date_end=None), None,
         lambda d: d.stops[2].date_start is None and d.stops[2].date_certainty == "unknown"),
        (lambda r: _change(r, 0, order=10), ["Vostochny", "Khabarovsk", "Shipyard", "Pyongyang"],
         lambda d: d.stops[3].quotes and d.stops[3].seq == 4),
        (lambda r: r[:1] + r[2:], ["Pyongyang", "Khabarovsk", "Shipyard"],
         lambda d: [s.seq for s in d.stops] == [1, 2, 3]),
        (lambda r: [*r, {"name": "Vladivostok", "order": None}],
         ["Pyongyang", "Vostochny", "Khabarovsk", "Shipyard", "Vladivostok"],
         lambda d: d.stops[4].lat == 43.1 and d.stops[4].name_ar == "فلاديفوستوك"),
        (lambda r: [*r, {"name": "Here", "lat": 10, "lon": 20, "date_start": "2023-09-18"}], None,
         lambda d: (d.stops[4].lat, d.stops[4].date_certainty) == (10.0, "exact")),
        (lambda r: _change(r, 0, caption="Left by train"), None, lambda d: d.stops[0].caption == "Left by train"),
    ],
)  # fmt: skip
def test_apply_rows(doc: StoryDoc, edit, names, check) -> None:  # noqa: ANN001
    edited = apply_rows(doc, edit(_rows(doc)), geocode=lambda name: (search_places(_Geocoder(), name) or [None])[0])
    if names is not None:
        assert [s.name for s in edited.stops] == names
    assert check(edited)
    assert [s.seq for s in edited.stops] == list(range(1, len(edited.stops) + 1))
    assert doc.stops[1].date_start == D(2023, 9, 13)  # the original is unchanged


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda r: _change(r, 1, date_start="13/09/2023"), "not a date"),
        (lambda r: _change(r, 1, date_start="2023-02-30"), "not a date"),
        (lambda r: _change(r, 2, date_start="2023-09-16", date_end="2023-09-15"), "before date_start"),
        (lambda r: _change(r, 2, date_start=None, date_end="2023-09-15"), "date_end without date_start"),
        (lambda r: _change(r, 1, lat=123.0), "lat"),
        (lambda r: _change(r, 1, date_certainty="sure"), "certainty must be one of exact, approximate, unknown"),
        (lambda r: [*r, {"name": "Atlantis"}], "needs a place"),
    ],
)
def test_invalid_edits_are_rejected(doc: StoryDoc, edit, message: str) -> None:  # noqa: ANN001
    with pytest.raises(EditError, match=message):
        apply_rows(doc, edit(_rows(doc)), geocode=lambda name: None)


def test_single_edits(doc: StoryDoc) -> None:
    edited = edit_stop(doc, 2, date_start=D(2023, 9, 14), date_end=None, caption="Rocket site")
    assert (edited.stops[1].date_start, edited.stops[1].caption) == (D(2023, 9, 14), "Rocket site")
    with pytest.raises(EditError, match="before"):
        edit_stop(doc, 2, date_start=D(2023, 9, 14), date_end=D(2023, 9, 1))
    with pytest.raises(EditError, match="no stop 9"):
        edit_stop(doc, 9, date_start=None)
    choice = search_places(_Geocoder(), "Vladivostok")[0]
    moved = move_stop(doc, 2, choice)
    assert (moved.stops[1].name, moved.stops[1].lat, moved.stops[1].date_start) == ("Vladivostok", 43.1, D(2023, 9, 13))
    added = add_stop(doc, choice, after=1)
    assert [s.name for s in added.stops][:3] == ["Pyongyang", "Vladivostok", "Vostochny"]
    assert (added.stops[1].role, added.stops[1].date_certainty) == ("visit", "unknown")
    assert [s.name for s in remove_stop(doc, 1).stops] == ["Vostochny", "Khabarovsk", "Shipyard"]
    assert search_places(_Geocoder(), "  ") == []


@pytest.mark.parametrize(
    ("raw_type", "place_type"),
    [("island", PlaceType.ISLAND), ("water", PlaceType.WATER), ("spaceport", PlaceType.CITY), (None, PlaceType.CITY)],
)
def test_search_places_keeps_known_place_types(raw_type: str | None, place_type: PlaceType) -> None:
    class Geocoder:
        def geocode(self, query: str, *, exactly_one: bool = True, limit: int | None = None) -> list[_Location]:
            return [_Location("Vladivostok", 43.1, 131.9, place_type=raw_type)]  # type: ignore[arg-type]

    choice = search_places(Geocoder(), "Vladivostok")[0]
    assert choice.place_type is place_type
    assert choice.label == f"Vladivostok, RU · فلاديفوستوك ({place_type})"


def test_table_columns_and_fingerprint(doc: StoryDoc) -> None:
    assert list(stop_rows(doc)[0]) == list(STOP_COLUMNS)
    assert CERTAINTIES == (Certainty.EXACT, Certainty.APPROXIMATE, Certainty.UNKNOWN)
    edited = edit_stop(doc, 2, date_start=D(2023, 9, 14))
    assert story_hash(doc) == story_hash(doc.model_copy()) != story_hash(edited)
    assert len(story_hash(doc)) == 16
