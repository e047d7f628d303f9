"""The SQLite cache of online answers: round trips, one transaction a write, errors in one class."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from geopy.location import Location

from geo.places.geocoders import CorruptCacheEntry, GeocodeCache, GeocodeCacheError, default_cache_path


def test_cache_round_trip(tmp_path):
    cache = GeocodeCache(tmp_path / "sub" / "c.sqlite")
    assert cache.get("svc", "Somewhere") is None
    loc = Location("Somewhere, XX", (1.25, -2.5), {"id": 7, "names": ["a", "ب"]})
    cache.put("svc", "Somewhere", {"exactly_one": True}, [loc])
    assert cache.get("svc", "Somewhere", {"exactly_one": True}) == [loc]
    assert cache.get("svc", "Somewhere", {"exactly_one": False}) is None
    assert cache.get("other", "Somewhere", {"exactly_one": True}) is None
    cache.put("svc", "Nowhere", {}, [])
    assert cache.get("svc", "Nowhere", {}) == []
    # a new answer replaces the old one entirely
    two = [Location("A", (1, 1), {}), Location("B", (2, 2), {})]
    cache.put("svc", "Somewhere", {"exactly_one": True}, two)
    assert cache.get("svc", "Somewhere", {"exactly_one": True}) == two
    cache.put("svc", "Somewhere", {"exactly_one": True}, two[:1])
    assert cache.get("svc", "Somewhere", {"exactly_one": True}) == two[:1]
    assert len(cache) == 2
    cache.clear()
    assert len(cache) == 0


def test_cache_write_is_one_transaction(tmp_path):
    path = tmp_path / "c.sqlite"
    cache = GeocodeCache(path)
    old = [Location("Old", (1, 1), {"v": 1})]
    cache.put("svc", "q", {}, old)
    with sqlite3.connect(path) as other:  # make the second row of the next write fail
        other.execute(
            "CREATE TRIGGER boom BEFORE INSERT ON locations WHEN NEW.address = 'boom' "
            "BEGIN SELECT RAISE(ABORT, 'boom'); END"
        )
    with pytest.raises(GeocodeCacheError, match="boom"):
        cache.put("svc", "q", {}, [Location("New", (2, 2), {}), Location("boom", (3, 3), {})])
    assert cache.get("svc", "q", {}) == old  # nothing of the failed write is left
    cache.put("svc", "other", {}, [])  # and the cache is still usable
    assert cache.get("svc", "other", {}) == []


def test_cache_errors_are_translated(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = GeocodeCache(blocker / "c.sqlite")
    with pytest.raises(GeocodeCacheError) as info:
        cache.get("svc", "x")
    assert isinstance(info.value.__cause__, OSError | sqlite3.Error)


def test_default_cache_path(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_path() == tmp_path / "geostory" / "geocode.sqlite"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_path() == Path.home() / ".cache" / "geostory" / "geocode.sqlite"


#: a stored location's columns after a damage or a hand edit: (address, lat, lon, raw)
CORRUPT_ROWS = [
    ("A", 1.0, 2.0, "{not json"),
    ("A", 1.0, 2.0, "[" * 100_000),  # too deep to decode
    ("A", "north", 2.0, "{}"),
    ("A", 1.0, b"\x01", "{}"),
    ("A", 95.0, 2.0, "{}"),  # beyond a pole
    ("A", 1.0, 200.0, "{}"),
    ("A", "1e999", 2.0, "{}"),  # read as infinity
    (b"A", 1.0, 2.0, "{}"),
    ("A", 1.0, 2.0, b"{}"),
]


@pytest.mark.parametrize("row", CORRUPT_ROWS)
def test_a_corrupt_entry_is_one_error_of_the_cache(tmp_path, row):
    path = tmp_path / "c.sqlite"
    cache = GeocodeCache(path)
    key = cache.key("svc", "Somewhere", {})
    cache.put("svc", "Somewhere", {}, [Location("A", (1.0, 2.0), {})])
    cache.put("svc", "Elsewhere", {}, [Location("B", (3.0, 4.0), {})])
    with sqlite3.connect(path) as other:
        other.execute("UPDATE locations SET address = ?, lat = ?, lon = ?, raw = ? "
                      "WHERE geocoder = ? AND query = ? AND params = ?", (*row, *key))  # fmt: skip
    with pytest.raises(CorruptCacheEntry, match="corrupt entry for 'Somewhere'") as info:
        cache.get("svc", "Somewhere", {})
    assert isinstance(info.value, GeocodeCacheError) and "\n" not in str(info.value)
    assert cache.get("svc", "Elsewhere", {}) == [Location("B", (3.0, 4.0), {})]  # the others are untouched
    cache.put("svc", "Somewhere", {}, [Location("C", (5.0, 6.0), {})])  # a new answer replaces it
    assert cache.get("svc", "Somewhere", {}) == [Location("C", (5.0, 6.0), {})]
