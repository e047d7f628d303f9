"""The story the presenter's tests share: four stops (the last undated), one quote with markup in it; and the
scripted geocoding server on 127.0.0.1 of the place tests (:mod:`tests.places.loopback`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from geo.model import Certainty, PlaceType, Role
from geo.story.document import Quote, StopDoc, StoryDoc
from tests.places.loopback import ScriptedServer, serving

D = dt.date


def _stop(seq: int, name: str, start: dt.date | None, end: dt.date | None = None, **extra: object) -> StopDoc:
    return StopDoc(
        seq=seq,
        id=f"id-{name}",
        name=name,
        name_ar=extra.pop("name_ar", None),
        lat=extra.pop("lat", 40.0 + seq),
        lon=extra.pop("lon", 125.0 + seq),
        place_type=PlaceType.CITY,
        date_start=start,
        date_end=end,
        date_certainty=Certainty.EXACT if start else Certainty.UNKNOWN,
        role=(role := Role(extra.pop("role", Role.VISIT))),
        caption=extra.pop("caption", f"{role}: caption {name}"),
        quotes=extra.pop("quotes", []),
    )


@pytest.fixture
def doc() -> StoryDoc:
    quote = Quote(
        article="a.txt",
        text="<b>Pyongyang</b>",
        start=0,
        end=5,
        sentence="Left <b>Pyongyang</b> {{ 7*7 }} on Sunday",
        role=Role.DEPARTURE,
        why="a movement word",
        url="https://example.org/a",
        source="Agency",
    )
    return StoryDoc(
        title="Trip",
        traveller="Kim",
        stops=[
            _stop(1, "Pyongyang", D(2023, 9, 10), name_ar="بيونغيانغ", role=Role.DEPARTURE, quotes=[quote]),
            _stop(2, "Vostochny", D(2023, 9, 13)),
            _stop(3, "Khabarovsk", D(2023, 9, 15), D(2023, 9, 16)),
            _stop(4, "Shipyard", None),
        ],
    )


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedServer]:
    """A loopback geocoding server for the tests of one module."""
    with serving() as srv:
        yield srv
