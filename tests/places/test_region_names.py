"""Towns named like their first-level region: a region's name less a head word, the table, the places."""

from __future__ import annotations

import pytest

from geo.model import Place, PlaceType
from geo.places.gazetteer import Gazetteer
from geo.places.region_names import is_region_namesake, less_a_head_word, region_town_keys


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("محافظة العقبة", ("العقبه", "محافظه")),  # the head word first: the town is what follows it
        ("Qom Province", ("province", "qom")),  # the head word last: the town is what comes before it
        ("Al-Hasakah Governorate", ("hasakahgovernorate", "alhasakah")),  # hyphens split words
        ("Qom", ()),  # one word: no head word to take off
    ],
)
def test_less_a_head_word(name: str, keys: tuple[str, ...]) -> None:
    assert less_a_head_word(name) == keys


def test_the_table_is_keyed_by_country_and_region_code() -> None:
    table = region_town_keys()
    assert table
    assert all(len(country) == 2 and code for country, code in table)


@pytest.mark.parametrize(
    ("place_id", "key", "expected"),
    [
        ("geonames:250774", "العقبه", True),  # Aqaba, named as «محافظة العقبة» (JO-21) is
        ("geonames:250774", "aqaba", True),  # ... and as "Aqaba Governorate"
        ("geonames:248382", "معان", True),  # Ma'an, «محافظة معان» (JO-19)
        ("geonames:5128581", "newyork", True),  # New York City: named like its state, though not its seat
        ("geonames:2996944", "lyon", False),  # Lyon: its region is Auvergne-Rhône-Alpes
        ("geonames:2988507", "paris", False),  # Paris ("Paris Region") is a capital: its own term counts it
        ("geonames:1273294", "newdelhi", False),  # Delhi matched by another of its names
    ],
)
def test_towns_of_the_gazetteer(gazetteer: Gazetteer, place_id: str, key: str, expected: bool) -> None:
    row = gazetteer.row_of(place_id)
    assert row is not None
    assert is_region_namesake(gazetteer.place(row), key) is expected


@pytest.mark.parametrize(
    ("place_type", "country", "admin1"),
    [(PlaceType.REGION, "JO", "21"), (PlaceType.CITY, None, "21"), (PlaceType.CITY, "JO", None)],
)
def test_only_a_town_with_a_region_code(place_type: PlaceType, country: str | None, admin1: str | None) -> None:
    place = Place(
        id="x", name="Aqaba", lat=0.0, lon=0.0, place_type=place_type, name_ar="العقبة", country=country, admin1=admin1
    )
    assert not is_region_namesake(place, "العقبه")
