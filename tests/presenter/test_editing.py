"""Edits of the story: the table of stops, single edits, the place search (the gazetteer's, then an online
geocoder's on 127.0.0.1); invalid edits change nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.errors import InputError
from geo.model import Certainty, PlaceType, Role
from geo.places.geocoders import ChainedGeocoder, GeocodeCache, OfflineGeocoder
from geo.presenter.editing import (
    CERTAINTIES,
    STOP_COLUMNS,
    STOP_ROLES,
    EditError,
    add_stop,
    apply_rows,
    edit_stop,
    move_stop,
    remove_stop,
    role_options,
    search_places,
    stop_rows,
    story_hash,
)
from geo.presenter.geocoding import OnlineSearchError
from geo.story.document import StoryDoc, load_story, save_story
from tests.places.loopback import online

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
        (lambda r: _change(r, 1, role="plan"), None, lambda d: d.stops[1].role is Role.PLAN),
        (lambda r: _change(r, 0, role=None), None, lambda d: d.stops[0].role is Role.DEPARTURE),
        (lambda r: [*r, {"name": "Here", "lat": 10, "lon": 20, "role": None}], None,
         lambda d: d.stops[4].role is Role.VISIT),
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
        (lambda r: _change(r, 1, role="meeting"), "row 2 role must be one of departure, visit, plan, related report"),
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


@pytest.mark.parametrize("role", STOP_ROLES)
def test_the_role_chosen_in_the_table_round_trips(doc: StoryDoc, role: Role, tmp_path) -> None:  # noqa: ANN001
    rows = _change(_rows(doc), 1, role=str(role))  # the table's choice arrives as the role's value
    edited = apply_rows(doc, rows)
    assert edited.stops[1].role is role and stop_rows(edited)[1]["role"] is role
    assert load_story(save_story(edited, tmp_path / "story.json")).stops[1].role is role
    single = edit_stop(doc, 2, date_start=doc.stops[1].date_start, role=str(role))
    assert single.stops[1].role is role
    assert apply_rows(edited, stop_rows(edited)) == edited  # an untouched table changes nothing


@pytest.mark.parametrize(
    ("role", "shown", "hint"),
    [
        ("meeting", "meeting", ""),
        ("Visit", "Visit", ""),
        ("زيارة", "زيارة", ""),  # the table shows the interface's words but sends the role's value
        (3, "3", ""),
        (Role.DATELINE, "dateline", "; to leave the place as context, remove the stop"),
        (Role.MENTIONED, "mentioned", "; to leave the place as context, remove the stop"),
    ],
)
def test_a_role_that_is_not_a_stop_role_is_an_edit_error(doc: StoryDoc, role: object, shown: str, hint: str) -> None:
    edits = {
        "row 2": lambda: apply_rows(doc, _change(_rows(doc), 1, role=role)),
        "stop 2": lambda: edit_stop(doc, 2, date_start=doc.stops[1].date_start, role=role),  # type: ignore[arg-type]
    }
    for where, edit in edits.items():
        with pytest.raises(EditError) as info:
            edit()
        expected = f"{where} role must be one of departure, visit, plan, related report, not {shown!r}{hint}"
        assert str(info.value) == expected


def test_a_stop_keeps_a_context_role_it_already_has(doc: StoryDoc) -> None:
    data = doc.model_dump()
    data["stops"][1]["role"] = Role.DATELINE  # a story.json edited by hand may give a stop any Role
    odd = StoryDoc.model_validate(data)
    assert role_options(doc) == STOP_ROLES == (Role.DEPARTURE, Role.VISIT, Role.PLAN, Role.RELATED_REPORT)
    assert role_options(odd) == (*STOP_ROLES, Role.DATELINE)  # so the table can show it
    assert apply_rows(odd, stop_rows(odd)).stops[1].role is Role.DATELINE
    assert apply_rows(odd, _change(stop_rows(odd), 1, role="visit")).stops[1].role is Role.VISIT


# ----------------------------------------------------------------------------- the online geocoder in the search


def _chain(server, mode: str, gazetteer, tmp_path) -> ChainedGeocoder:  # noqa: ANN001
    return ChainedGeocoder(
        [OfflineGeocoder(gazetteer), online(server, mode)], cache=GeocodeCache(tmp_path / "geocode.sqlite")
    )


def test_search_falls_back_to_the_online_geocoder(server, gazetteer, doc: StoryDoc, tmp_path) -> None:  # noqa: ANN001
    chain = _chain(server, "ok", gazetteer, tmp_path)
    asked = server.counts[("ok", "زمزوم")]
    (choice,) = search_places(chain, " زمزوم ")
    assert choice.id == "online:nominatim:node/4242"  # OpenStreetMap's id: stable across searches and builds
    assert (choice.name, choice.name_ar, choice.place_type) == ("Zamzum", "زمزوم", PlaceType.CITY)
    assert (choice.lat, choice.lon) == (12.5, 43.25) and choice.uncertainty_km >= 10
    assert choice.label.endswith("(city · Nominatim)")
    assert server.counts[("ok", "زمزوم")] == asked + 1
    assert search_places(chain, "زمزوم") == [choice]
    assert server.counts[("ok", "زمزوم")] == asked + 1  # the second time the cache answers
    moved = move_stop(doc, 2, choice)
    assert (moved.stops[1].id, moved.stops[1].uncertainty_km) == (choice.id, choice.uncertainty_km)
    assert moved.stops[1].date_start == doc.stops[1].date_start


def test_search_asks_online_only_for_what_the_gazetteer_lacks(server, gazetteer, tmp_path) -> None:  # noqa: ANN001
    offline = search_places(OfflineGeocoder(gazetteer), "دمشق")
    assert offline and all(not c.id.startswith("online:") for c in offline)
    assert search_places(_chain(server, "ok", gazetteer, tmp_path), "دمشق") == offline
    assert server.counts[("ok", "دمشق")] == 0
    assert search_places(OfflineGeocoder(gazetteer), "زمزوم") == []  # off: nobody is asked
    assert search_places(_chain(server, "ok", gazetteer, tmp_path), "Qzxlvbrt") == []


def test_a_failing_online_search_is_one_line(server, gazetteer, tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(OnlineSearchError, match="GeocoderServiceError") as info:
        search_places(_chain(server, "e500", gazetteer, tmp_path), "زمزوم")
    assert "\n" not in str(info.value)
    assert isinstance(info.value, InputError)  # the presenter shows it as one line and changes nothing
