"""The geocoder the options ask for: offline by default, one online service with a cache, one-line refusals."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from geopy.geocoders.base import Geocoder

from geo.errors import InputError
from geo.places.geocoders import DEFAULT_TIMEOUT_SECONDS, ChainedGeocoder, OfflineGeocoder, geocoder_from_options
from geo.places.geocoders.options import PUBLIC_DELAY_SECONDS, SELF_HOSTED_DELAY_SECONDS, is_local_host
from geo.settings import LookupSettings, RecognitionSettings, Settings
from tests.places.loopback import PROXY_VARIABLES, USER_AGENT, serving


def test_options_default_is_offline_only(gazetteer):
    geocoder = geocoder_from_options(None, gazetteer=gazetteer)
    assert type(geocoder) is OfflineGeocoder
    assert isinstance(geocoder, Geocoder)


@pytest.mark.parametrize(
    ("service", "url", "name", "scheme", "delay"),
    [
        ("nominatim", None, "nominatim:nominatim.openstreetmap.org", "https", PUBLIC_DELAY_SECONDS),
        ("photon", None, "photon:photon.komoot.io", "https", PUBLIC_DELAY_SECONDS),
        # a server elsewhere on the internet is treated like a public one, whatever its name
        ("pelias", "https://pelias.example.org", "pelias:pelias.example.org", "https", PUBLIC_DELAY_SECONDS),
        ("nominatim", "https://8.8.8.8/n", "nominatim:8.8.8.8/n", "https", PUBLIC_DELAY_SECONDS),
        ("nominatim", "http://127.0.0.1.nip.io", "nominatim:127.0.0.1.nip.io", "http", PUBLIC_DELAY_SECONDS),
        # this machine or its network: self-hosted
        ("nominatim", "http://127.0.0.1:8080/nominatim/", "nominatim:127.0.0.1:8080/nominatim", "http",
         SELF_HOSTED_DELAY_SECONDS),
        ("photon", "http://LocalHost.:2322/", "photon:localhost:2322", "http", SELF_HOSTED_DELAY_SECONDS),
        ("photon", "http://[::1]:2322/photon", "photon:[::1]:2322/photon", "http", SELF_HOSTED_DELAY_SECONDS),
        ("pelias", "http://192.168.1.20/v1/", "pelias:192.168.1.20/v1", "http", SELF_HOSTED_DELAY_SECONDS),
        ("pelias", "http://10.0.0.5:4000", "pelias:10.0.0.5:4000", "http", SELF_HOSTED_DELAY_SECONDS),
        ("pelias", "http://169.254.10.1", "pelias:169.254.10.1", "http", SELF_HOSTED_DELAY_SECONDS),
        # the public server named by its address is still the public server: any case, a trailing dot, a port
        ("nominatim", "https://nominatim.openstreetmap.org", "nominatim:nominatim.openstreetmap.org", "https", 1.0),
        ("nominatim", "https://nominatim.openstreetmap.org.", "nominatim:nominatim.openstreetmap.org", "https", 1.0),
        ("nominatim", "https://Nominatim.OpenStreetMap.ORG:443/", "nominatim:nominatim.openstreetmap.org:443",
         "https", 1.0),
    ],
)  # fmt: skip
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


#: host, whether it is this machine or its network
HOSTS = [
    ("localhost", True),
    ("LOCALHOST.", True),
    ("127.0.0.1", True),
    ("127.8.9.10", True),
    ("::1", True),
    ("::ffff:127.0.0.1", True),
    ("10.1.2.3", True),
    ("172.16.0.1", True),
    ("192.168.0.10", True),
    ("169.254.1.1", True),  # link-local
    ("fe80::1", True),
    ("fd12:3456::1", True),  # IPv6 unique local
    ("nominatim.openstreetmap.org", False),
    ("nominatim.openstreetmap.org.", False),
    ("8.8.8.8", False),
    ("2001:4860::8888", False),
    ("localhost.example.org", False),  # a name is never trusted to resolve locally
    ("127.0.0.1.nip.io", False),
    ("my-nominatim", False),
    ("0x7f000001", False),  # a spelling some resolvers read as 127.0.0.1: the safe side
    ("", False),
]


@pytest.mark.parametrize(("host", "local"), HOSTS)
def test_is_local_host(host, local):
    assert is_local_host(host) is local


@pytest.mark.parametrize(
    ("service", "options", "message"),
    [
        ("nominatim", {}, "user agent"),
        ("nominatim", {"user_agent": "  "}, "user agent"),
        ("photon", {}, "user agent"),
        ("nominatim", {"url": "https://nominatim.openstreetmap.org/"}, "user agent"),
        ("nominatim", {"url": "https://nominatim.openstreetmap.org."}, "public nominatim server's usage policy"),
        ("nominatim", {"url": "https://NOMINATIM.openstreetmap.org:443"}, "public nominatim server's usage policy"),
        ("pelias", {"url": "https://pelias.example.org"}, "not on this machine or its network"),
        ("photon", {"url": "http://127.0.0.1.nip.io"}, "user agent"),
        ("nominatim", {"url": "https://x@nominatim.openstreetmap.org", "user_agent": USER_AGENT}, "user name"),
        ("nominatim", {"url": "http://me:secret@127.0.0.1:8080"}, "user name or password"),
        ("nominatim", {"url": "http://127.0.0.1:99999", "user_agent": USER_AGENT}, "http or https"),
        ("nominatim", {"url": "http://:8080/", "user_agent": USER_AGENT}, "http or https"),
        (None, {"timeout": 5.0}, "needs an online geocoder"),
        ("nominatim", {"user_agent": USER_AGENT, "timeout": 0}, "positive number of seconds"),
        ("nominatim", {"user_agent": USER_AGENT, "timeout": -1.0}, "positive number of seconds"),
        ("nominatim", {"user_agent": USER_AGENT, "timeout": float("nan")}, "positive number of seconds"),
        ("nominatim", {"user_agent": USER_AGENT, "timeout": float("inf")}, "positive number of seconds"),
        ("nominatim", {"user_agent": USER_AGENT, "timeout": "soon"}, "positive number of seconds"),
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


def test_a_timeout_is_passed_on(gazetteer, tmp_path):
    geocoder = geocoder_from_options(
        "nominatim", user_agent=USER_AGENT, timeout=2.5, cache_path=tmp_path / "c", gazetteer=gazetteer
    )
    assert geocoder.geocoders[1].wrapped.timeout == 2.5
    default = geocoder_from_options("nominatim", user_agent=USER_AGENT, cache_path=tmp_path / "c", gazetteer=gazetteer)
    assert default.geocoders[1].wrapped.timeout == DEFAULT_TIMEOUT_SECONDS


def test_the_offline_geocoder_takes_its_settings(gazetteer):
    settings = Settings(
        recognition=RecognitionSettings(min_phonetic_key=7), lookup=LookupSettings(capital_min_population=1)
    )
    offline = geocoder_from_options(None, gazetteer=gazetteer, settings=settings)
    assert (offline.min_phonetic_key, offline.capital_min_population) == (7, 1)
    assert (OfflineGeocoder(gazetteer).min_phonetic_key, OfflineGeocoder(gazetteer).capital_min_population) == (
        Settings().recognition.min_phonetic_key,
        Settings().lookup.capital_min_population,
    )


def test_the_loopback_server_is_reached_past_the_system_proxies(monkeypatch, gazetteer, tmp_path):
    for name in PROXY_VARIABLES:  # a proxy nobody answers at: a request sent to it fails
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    with serving() as server:
        assert not {name for name in PROXY_VARIABLES if name in os.environ}
        geocoder = geocoder_from_options(
            "nominatim", url=server.url("ok"), timeout=2.0, cache_path=tmp_path / "c", gazetteer=gazetteer
        )
        location = geocoder.geocode("Cache Town")
    assert (location.latitude, location.longitude) == (-5.125, 40.5) and geocoder.last_errors == []
    assert os.environ["HTTP_PROXY"] == "http://127.0.0.1:9"  # the variables come back when the server stops
