"""The geocoder the options ask for: offline by default, one online service with a cache, one-line refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from geopy.geocoders.base import Geocoder

from geo.errors import InputError
from geo.places.geocoders import ChainedGeocoder, OfflineGeocoder, geocoder_from_options
from geo.places.geocoders.options import PUBLIC_DELAY_SECONDS, SELF_HOSTED_DELAY_SECONDS
from tests.places.loopback import USER_AGENT


def test_options_default_is_offline_only(gazetteer):
    geocoder = geocoder_from_options(None, gazetteer=gazetteer)
    assert type(geocoder) is OfflineGeocoder
    assert isinstance(geocoder, Geocoder)


@pytest.mark.parametrize(
    ("service", "url", "name", "scheme", "delay"),
    [
        ("nominatim", None, "nominatim:nominatim.openstreetmap.org", "https", PUBLIC_DELAY_SECONDS),
        ("photon", None, "photon:photon.komoot.io", "https", PUBLIC_DELAY_SECONDS),
        ("pelias", "https://pelias.example.org", "pelias:pelias.example.org", "https", SELF_HOSTED_DELAY_SECONDS),
        (
            "nominatim",
            "http://127.0.0.1:8080/nominatim/",
            "nominatim:127.0.0.1:8080/nominatim",
            "http",
            SELF_HOSTED_DELAY_SECONDS,
        ),
        # the public server named by its address is still the public server
        ("nominatim", "https://nominatim.openstreetmap.org", "nominatim:nominatim.openstreetmap.org", "https", 1.0),
    ],
)
def test_options_with_an_online_service(gazetteer, tmp_path, service, url, name, scheme, delay):
    geocoder = geocoder_from_options(
        service, url=url, user_agent=USER_AGENT, cache_path=tmp_path / "c.sqlite", gazetteer=gazetteer
    )
    assert isinstance(geocoder, ChainedGeocoder)
    assert [g.name for g in geocoder.geocoders] == ["offline", name]
    assert geocoder.cache.path == tmp_path / "c.sqlite"
    assert not (tmp_path / "c.sqlite").exists()  # nothing opened before first use
    throttled = geocoder.geocoders[1]
    assert throttled.wrapped.headers["User-Agent"] == USER_AGENT
    assert throttled.wrapped.scheme == scheme
    assert throttled.limiter.min_delay_seconds == delay


def test_self_hosted_server_needs_no_user_agent_and_cache_defaults(gazetteer, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    geocoder = geocoder_from_options("nominatim", url="http://127.0.0.1:9/", gazetteer=gazetteer)
    assert geocoder.geocoders[1].wrapped.headers["User-Agent"].startswith("geostory")
    assert geocoder.cache.path == tmp_path / "geostory" / "geocode.sqlite"


@pytest.mark.parametrize(
    ("service", "options", "message"),
    [
        ("nominatim", {}, "user agent"),
        ("nominatim", {"user_agent": "  "}, "user agent"),
        ("photon", {}, "user agent"),
        ("nominatim", {"url": "https://nominatim.openstreetmap.org/"}, "user agent"),
        ("bing", {"user_agent": USER_AGENT}, "unknown geocoder"),
        ("pelias", {"user_agent": USER_AGENT}, "no public server"),
        ("nominatim", {"user_agent": "my-application"}, "user_agent"),  # geopy refuses its sample user agent
        ("nominatim", {"url": "ftp://example.org"}, "http or https"),
        ("nominatim", {"url": "127.0.0.1:8080"}, "http or https"),
        (None, {"url": "http://127.0.0.1:8080"}, "needs an online geocoder"),
        (None, {"user_agent": USER_AGENT}, "needs an online geocoder"),
        ("nominatim", {"user_agent": USER_AGENT, "cache_path": Path(".")}, "must be a file"),
    ],
)
def test_options_errors_are_one_line(gazetteer, service, options, message):
    with pytest.raises(InputError, match=message) as info:
        geocoder_from_options(service, gazetteer=gazetteer, **options)
    assert "\n" not in str(info.value)
