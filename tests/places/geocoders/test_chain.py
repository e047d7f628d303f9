"""The chain: offline first, then online; failures recorded per query; online answers cached."""

from __future__ import annotations

import sqlite3

import geopy.exc
import pytest
from geopy.location import Location

from geo.places.geocoders import ChainedGeocoder, GeocodeCache
from geo.places.geocoders.chain import CACHE_NAME
from tests.places.loopback import FAILURES, KNOWN, online


@pytest.mark.parametrize("query", [*KNOWN, "Nothing Here At All"])
def test_scripted_names_are_unknown_offline(offline, query):
    # the chain tests need names only the loopback server knows
    assert offline.geocode(query) is None


@pytest.mark.parametrize(("mode", "error"), FAILURES)
def test_chain_records_failure_and_falls_through(server, offline, mode, error):
    chain = ChainedGeocoder([offline, online(server, mode), online(server, "ok")])
    location = chain.geocode("Xq Fallback Place")
    assert isinstance(location, Location)
    assert (location.latitude, location.longitude) == (1.5, 2.5)
    assert location.address == "Xq Fallback Place, Nowhere"
    name = f"nominatim:{server.domain(mode)}"
    assert len(chain.last_errors) == 1
    assert chain.last_errors[0][0] == name
    assert chain.last_errors[0][1].startswith(error.__name__ + ":")
    assert chain.errors["Xq Fallback Place"] == chain.last_errors


def test_chain_raises_the_last_error_when_every_geocoder_failed(server):
    first, last = online(server, "e500"), online(server, "e429")
    chain = ChainedGeocoder([first, last])
    with pytest.raises(geopy.exc.GeocoderRateLimited) as info:
        chain.geocode("all fail")
    assert isinstance(info.value.__cause__, geopy.exc.GeocoderRateLimited)
    assert [name for name, _ in chain.last_errors] == [first.name, last.name]
    assert "e500" in str(info.value) and "e429" in str(info.value)


def test_chain_returns_none_when_one_answered_nothing(server, offline):
    chain = ChainedGeocoder([offline, online(server, "e500")])
    assert chain.geocode("Xqzzyvillezz") is None  # the offline one answered: no error raised
    assert len(chain.last_errors) == 1


def test_chain_stops_at_the_offline_answer(server, offline):
    chain = ChainedGeocoder([offline, online(server, "ok")])
    location = chain.geocode("القاهرة")
    assert location.raw["country"] == "EG"
    assert server.counts[("ok", "القاهرة")] == 0
    assert chain.last_errors == []


def test_chain_blank_query(offline):
    with pytest.raises(geopy.exc.GeocoderQueryError):
        ChainedGeocoder([offline]).geocode("  ")


def test_chain_drops_keywords_a_geocoder_does_not_take(server, offline):
    chain = ChainedGeocoder([offline, online(server, "ok")])
    found = chain.geocode("Atlantis Station", place_types=["city"], exactly_one=False, limit=2)
    assert [loc.address for loc in found] == ["Atlantis Station, Nowhere"]


def test_good_answer_then_cache(server, offline, tmp_path):
    path = tmp_path / "geocode.sqlite"
    chain = ChainedGeocoder([offline, online(server, "ok")], cache=GeocodeCache(path))
    first = chain.geocode("Cache Town")
    assert (first.latitude, first.longitude) == (-5.125, 40.5)
    second = chain.geocode("Cache Town")
    assert second == first
    assert server.counts[("ok", "Cache Town")] == 1
    # negative answers are cached too
    assert chain.geocode("Nothing Here At All") is None
    assert chain.geocode("Nothing Here At All") is None
    assert server.counts[("ok", "Nothing Here At All")] == 1
    # the cache outlives the process: a new chain over the same file asks nobody
    chain.cache.close()
    again = ChainedGeocoder([offline, online(server, "ok")], cache=GeocodeCache(path))
    assert again.geocode("Cache Town") == first
    assert server.counts[("ok", "Cache Town")] == 1
    # other parameters are another entry
    assert again.geocode("Cache Town", exactly_one=False) == [first]
    assert server.counts[("ok", "Cache Town")] == 2
    # the offline geocoder's answers are never cached
    assert again.geocode("Ankara").raw["country"] == "TR"
    assert {row[0] for row in sqlite3.connect(path).execute("SELECT geocoder FROM lookups")} == {
        f"nominatim:{server.domain('ok')}"
    }


def test_a_corrupt_cache_entry_is_set_aside_and_asked_again(server, offline, tmp_path):
    path = tmp_path / "geocode.sqlite"
    chain = ChainedGeocoder([offline, online(server, "ok")], cache=GeocodeCache(path))
    first = chain.geocode("Atlantis Station")
    asked = server.counts[("ok", "Atlantis Station")]
    with sqlite3.connect(path) as other:
        other.execute("UPDATE locations SET raw = '{damaged'")
    again = chain.geocode("Atlantis Station")
    assert again == first and server.counts[("ok", "Atlantis Station")] == asked + 1
    ((who, message),) = chain.last_errors
    assert who == CACHE_NAME and message.startswith("CorruptCacheEntry: corrupt entry for 'Atlantis Station'")
    assert chain.errors["Atlantis Station"] == chain.last_errors
    assert chain.geocode("Atlantis Station") == first  # the new answer replaced the entry
    assert server.counts[("ok", "Atlantis Station")] == asked + 1 and chain.last_errors == []
