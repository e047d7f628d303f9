"""The names written on the offline map (geo/outputs/webmap/mapnames.py): countries, seas, rivers, cities."""

from __future__ import annotations

import re

import pytest

from geo.outputs.webmap.basemap import region_box
from geo.outputs.webmap.mapnames import NAME_KINDS, map_names

STOPS = [(39.03, 125.75), (51.88, 128.33), (43.12, 131.9)]  # Pyongyang, Vostochny, Vladivostok
ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0641-\u0652\u0670\u0671 \-'’.()]+$")


@pytest.mark.parametrize(
    ("lang", "country", "sea", "city"),
    [("en", "Russia", "Sea of Japan", "Seoul"), ("ar", "روسيا", "بحر اليابان", "سيول")],
)
def test_names_around_the_route_in_the_pages_language(gazetteer, lang, country, sea, city) -> None:  # noqa: ANN001
    names = map_names(gazetteer, region_box(STOPS), STOPS, lang=lang)
    texts = {n["k"]: [m["t"] for m in names if m["k"] == n["k"]] for n in names}
    assert set(texts) <= set(NAME_KINDS)
    assert country in texts["country"] and sea in texts["sea"] and city in texts["city"]
    assert texts.get("river"), "the rivers the gazetteer knows are named"
    if lang == "ar":
        assert all(ARABIC_ONLY.match(n["t"]) for n in names), "no Uyghur or Latin name on an Arabic page"
    assert len([n for n in names if n["k"] == "city"]) <= 24 + 3 * len(STOPS)


def test_no_city_named_twice_where_a_stop_is(gazetteer) -> None:  # noqa: ANN001
    names = map_names(gazetteer, region_box(STOPS), STOPS, lang="en")
    cities = [n["t"] for n in names if n["k"] == "city"]
    assert "Pyongyang" not in cities and "Vladivostok" not in cities
    assert len(cities) == len(set(cities))
    assert any(n["z"] >= 6 for n in names if n["k"] == "city"), "towns near the stops show at a stop's zoom"


def test_no_region_no_names(gazetteer) -> None:  # noqa: ANN001
    assert map_names(gazetteer, None, [], lang="en") == []
