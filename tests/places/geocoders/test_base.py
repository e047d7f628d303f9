"""Tests of :mod:`geo.places.geocoders.base`: points, names and cache keys shared by the geocoders."""

from __future__ import annotations

import pytest
from geopy.exc import GeocoderUnavailable
from geopy.point import Point

from geo.places.geocoders.base import NoNetworkAdapter, canonical_json, coerce_point, geocoder_name


@pytest.mark.parametrize(
    ("query", "expected"),
    [("33.5, 36.3", (33.5, 36.3)), ((33.5, 36.3), (33.5, 36.3)), (Point(1, 2), (1, 2))],
)
def test_coerce_point_reads_coordinate_pairs(query: object, expected: tuple[float, float]) -> None:
    point = coerce_point(query)
    assert (point.latitude, point.longitude) == pytest.approx(expected)


@pytest.mark.parametrize("query", [None, True, 3, 2.5, "nowhere", ("nan", "1"), ("inf", 0)])
def test_coerce_point_refuses_what_is_not_a_finite_pair(query: object) -> None:
    with pytest.raises(ValueError, match="coordinate pair"):
        coerce_point(query)


class _Named:
    name = "photon:photon.example"


class _Domained:
    domain = "nominatim.example"


@pytest.mark.parametrize(
    ("geocoder", "name"),
    [(_Named(), "photon:photon.example"), (_Domained(), "_domained:nominatim.example"), (object(), "object")],
)
def test_geocoder_name(geocoder: object, name: str) -> None:
    assert geocoder_name(geocoder) == name


@pytest.mark.parametrize(
    ("value", "text"),
    [({"b": 1, "a": "ع"}, '{"a":"ع","b":1}'), ([1, "x"], '[1,"x"]'), (None, "null")],
)
def test_canonical_json_is_one_text_per_value(value: object, text: str) -> None:
    assert canonical_json(value) == text


def test_the_no_network_adapter_refuses_every_request() -> None:
    adapter = NoNetworkAdapter()
    with pytest.raises(GeocoderUnavailable):
        adapter.get_json("https://example.org", timeout=1, headers={})
    with pytest.raises(GeocoderUnavailable):
        adapter.get_text("https://example.org", timeout=1, headers={})
