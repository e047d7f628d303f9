"""Fixtures of the place tests: the offline geocoder, a scripted geocoding server on 127.0.0.1
(see :mod:`tests.places.loopback`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from geo.places.geocoders import OfflineGeocoder
from tests.places.loopback import ScriptedServer, serving


@pytest.fixture(scope="module")
def offline(gazetteer) -> OfflineGeocoder:  # noqa: ANN001 - the session's gazetteer
    """The offline geocoder over the session's gazetteer."""
    return OfflineGeocoder(gazetteer)


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedServer]:
    """A loopback geocoding server for the tests of one module."""
    with serving() as srv:
        yield srv
