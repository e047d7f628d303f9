"""Towns named like their first-level region: the name's words, the table, the places."""

from __future__ import annotations

import pytest

from geo.model import Place, PlaceType
from geo.places.gazetteer import Gazetteer
from geo.places.region_names import is_region_namesake, region_name_words, shares_name


@pytest.mark.parametrize(
    ("town", "region", "expected"),
    [
        (("العقبه",), ("محافظه", "العقبه"), True),  # the head word first
        (("qom",), ("qom", "province"), True),  # the head word last
        (("al", "hasakah"), ("al", "hasakah", "governorate"), True),  # a town of two words
        (("qom",), ("qom",), False),  # no head word: the same name, not a namesake
        (("qom",), ("qom", "razavi", "province"), False),  # more than one word more
        (("kerman",), ("kermanshah", "province"), False),  # a longer word is another name
        ((), ("province",), False),  # no name
    ],
)
def test_shares_name(town: tuple[str, ...], region: tuple[str, ...], expected: bool) -> None:
    assert shares_name(town, region) is expected


def test_the_table_is_keyed_by_country_and_region_code() -> None:
    table = region_name_words()
    assert table
    assert all(len(country) == 2 and code and names for (country, code), names in table.items())


@pytest.mark.parametrize(
    ("place_id", "expected"),
    [
        ("geonames:250774", True),  # Aqaba, seat of «محافظة العقبة» (JO-21)
        ("geonames:248382", True),  # Ma'an, seat of «محافظة معان» (JO-19)
        ("geonames:2988507", False),  # Paris, named by "Paris Region", is a capital: its own term counts it
        ("geonames:5128581", True),  # New York City: named like its state, though not its seat (names, not seats)
        ("geonames:2996944", False),  # Lyon: its region is Auvergne-Rhône-Alpes
    ],
)
def test_towns_of_the_gazetteer(gazetteer: Gazetteer, place_id: str, expected: bool) -> None:
    row = gazetteer.row_of(place_id)
    assert row is not None
    assert is_region_namesake(gazetteer.place(row)) is expected


@pytest.mark.parametrize(
    ("place_type", "country", "admin1"),
    [(PlaceType.REGION, "JO", "21"), (PlaceType.CITY, None, "21"), (PlaceType.CITY, "JO", None)],
)
def test_only_a_town_with_a_region_code(place_type: PlaceType, country: str | None, admin1: str | None) -> None:
    place = Place(
        id="x", name="Aqaba", lat=0.0, lon=0.0, place_type=place_type, name_ar="العقبة", country=country, admin1=admin1
    )
    assert not is_region_namesake(place)
