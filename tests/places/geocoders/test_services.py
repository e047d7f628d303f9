"""The services' plain constants, and the package's names imported from their modules on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

import geo.places.geocoders as geocoders
from geo.places.geocoders import options, services
from tests.conftest import ROOT


def test_the_constants_are_the_ones_the_geocoders_use():
    assert services.ONLINE_KINDS == ("nominatim", "photon", "pelias")
    assert set(services.PUBLIC_SERVERS) < set(services.ONLINE_KINDS)  # Pelias has no public server
    assert geocoders.ONLINE_KINDS is services.ONLINE_KINDS
    assert options.DEFAULT_TIMEOUT_SECONDS == geocoders.DEFAULT_TIMEOUT_SECONDS == services.DEFAULT_TIMEOUT_SECONDS


@pytest.mark.parametrize("name", geocoders.__all__)
def test_every_exported_name_is_there(name):
    assert getattr(geocoders, name) is not None
    assert name in vars(geocoders)  # kept once imported


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'Bing'"):
        geocoders.Bing  # noqa: B018 - the access is the test
    with pytest.raises(ImportError):
        from geo.places.geocoders import Bing  # noqa: F401


def test_the_constants_import_neither_geopy_nor_the_gazetteer():
    code = (
        "import sys; from geo.places.geocoders import ONLINE_KINDS, DEFAULT_TIMEOUT_SECONDS; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('geopy', 'requests', 'numpy') "
        "or m.startswith('geo.places.gazetteer')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"
