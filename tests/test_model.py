"""The model's closed vocabularies: str-valued enums, so story.json and every output spell their values."""

from __future__ import annotations

import json

import pytest

from geo.model import Certainty, PlaceType, Published, PublishedSource, Trigger

#: every trigger hint and the place type it names
TRIGGER_TYPES = [
    (Trigger.CITY, PlaceType.CITY),
    (Trigger.REGION, PlaceType.REGION),
    (Trigger.ISLAND, PlaceType.ISLAND),
    (Trigger.WATER, PlaceType.WATER),
    (Trigger.PORT, PlaceType.FACILITY),
    (Trigger.AIRPORT, PlaceType.FACILITY),
    (Trigger.BASE, PlaceType.FACILITY),
    (Trigger.SPACEPORT, PlaceType.FACILITY),
    (Trigger.PLANT, PlaceType.FACILITY),
    (Trigger.STATION, PlaceType.FACILITY),
    (Trigger.CROSSING, PlaceType.FACILITY),
    (Trigger.SHIPYARD, PlaceType.FACILITY),
]


@pytest.mark.parametrize(("trigger", "place_type"), TRIGGER_TYPES)
def test_the_place_type_a_trigger_noun_names(trigger: Trigger, place_type: PlaceType) -> None:
    assert trigger.place_type is place_type


def test_every_trigger_has_a_place_type() -> None:
    assert {t for t, _ in TRIGGER_TYPES} == set(Trigger)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Trigger.PORT, '"port"'),
        (PublishedSource.FRONT_MATTER, '"front_matter"'),
        (PublishedSource.UNKNOWN, '"unknown"'),
        (Certainty.APPROXIMATE, '"approximate"'),
    ],
)
def test_values_are_spelled_as_strings(value: str, text: str) -> None:
    assert json.dumps(value) == text
    assert f"{value}" == str(value) == json.loads(text)


def test_an_unknown_publication_date() -> None:
    unknown = Published.unknown()
    assert unknown == Published(None, PublishedSource.UNKNOWN, Certainty.UNKNOWN, "")
    assert (unknown.source, unknown.certainty) == ("unknown", "unknown")
