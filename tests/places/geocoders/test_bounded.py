"""The online chain degrades on hostile answers (geo/places/geocoders/bounded.py, online.py, cache.py).

A hostile server on 127.0.0.1 answers each mode with a malformed, huge, nested or dripping answer: every one
is a geopy error, the chain records it and the offline geocoder answers last. No timing is asserted: the
dripping server counts the bytes it managed to send before the client hung up.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import geopy.exc
import pytest
from geopy.location import Location

from geo.places.geocoders import ChainedGeocoder, GeocodeCache, OfflineGeocoder
from geo.places.geocoders.bounded import BoundedRequestsAdapter
from tests.places.loopback import online, serving

_NAME = "Atlantis Station"
_BIG = 3_000_000  # over the cap the tests set (1 MB)

#: mode → the body the server sends (Nominatim's /search)
_BODIES: dict[str, bytes] = {
    "foo": json.dumps([{"foo": 1}]).encode(),
    "ints": json.dumps([1, 2, 3]).encode(),
    "nan": json.dumps([{"lat": "NaN", "lon": "2", "display_name": "x"}]).encode(),
    "pole": json.dumps([{"lat": "999", "lon": "2", "display_name": "x"}]).encode(),
    "string": json.dumps("just text").encode(),
    "nested": b"[" * 200_000 + b"]" * 200_000,
    "html": b"<html><body>not json</body></html>",
    "huge": b'[{"lat": "1", "lon": "2", "display_name": "' + b"x" * _BIG + b'"}]',
}


class _Hostile(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format, *args):  # noqa: A002 - silence the default stderr log
        pass

    def do_GET(self):  # noqa: N802 - http.server's naming
        mode = self.path.strip("/").split("/")[0]
        try:
            if mode == "drip":
                self._drip()
                return
            body = _BODIES[mode]
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            if mode != "huge":  # the huge one hides its length: the cap must hold while reading
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client hung up

    def _drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        for _ in range(1000):
            self.wfile.write(b" ")
            self.wfile.flush()
            with self.server.lock:
                self.server.dripped += 1
            time.sleep(0.05)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Hostile)
        self.lock = threading.Lock()
        self.dripped = 0

    def domain(self, mode: str) -> str:
        return f"127.0.0.1:{self.server_address[1]}/{mode}"


@pytest.fixture(scope="module")
def hostile() -> Iterator[_Server]:
    with serving(_Server()) as srv:
        yield srv


def _geocoder(srv: _Server, mode: str, *, timeout: float = 2.0):
    return online(srv, mode, timeout=timeout, max_answer_bytes=1_000_000)  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", sorted(_BODIES))
def test_a_hostile_answer_is_a_geopy_error(hostile, mode):
    with pytest.raises(geopy.exc.GeocoderServiceError):
        _geocoder(hostile, mode).geocode(_NAME)


@pytest.mark.parametrize("mode", sorted(_BODIES))
def test_the_chain_moves_on_to_the_offline_geocoder(hostile, mode, tmp_path):
    class Offline(OfflineGeocoder):  # stands last in the chain; no gazetteer needed
        name = "offline"

        def __init__(self) -> None:
            pass

        def geocode(self, query, **kwargs):
            return Location("Offline answer", (1.0, 2.0), {})

    cache = GeocodeCache(tmp_path / "c.sqlite")
    chain = ChainedGeocoder([_geocoder(hostile, mode), Offline()], cache=cache)
    assert chain.geocode(_NAME).address == "Offline answer"
    ((name, error),) = chain.errors[_NAME]
    assert name.startswith("nominatim:") and "Error" in error.split(":")[0]
    assert len(cache) == 0  # nothing of a refused answer is cached


def test_a_dripping_server_does_not_outlast_the_deadline(hostile):
    with pytest.raises(geopy.exc.GeocoderTimedOut):
        _geocoder(hostile, "drip", timeout=0.5).geocode(_NAME)
    time.sleep(0.3)  # the worker notices the deadline at its next byte and hangs up
    sent = hostile.dripped
    time.sleep(0.3)
    assert sent < 1000 and hostile.dripped - sent <= 2  # the client stopped reading long before the end


def test_the_size_cap_is_the_adapters():
    assert BoundedRequestsAdapter(max_bytes=123, proxies={}, ssl_context=None).max_bytes == 123


def test_a_corrupt_cache_file_is_set_aside(tmp_path):
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not an SQLite database at all" * 100)
    cache = GeocodeCache(path)
    assert cache.get("svc", "x") is None  # opened: a fresh file
    cache.put("svc", "x", {}, [Location("A", (1.0, 2.0), {})])
    assert cache.get("svc", "x") == [Location("A", (1.0, 2.0), {})]
    (aside,) = cache.set_aside
    assert aside.parent == tmp_path and aside.name.startswith("c.sqlite.corrupt-")
    assert aside.read_bytes().startswith(b"this is not")


def test_a_cache_damaged_in_use_is_set_aside(tmp_path):
    path = tmp_path / "c.sqlite"
    cache = GeocodeCache(path)
    cache.put("svc", "x", {}, [])
    cache.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page overwritten
    path.write_bytes(bytes(data))
    try:
        first = cache.get("svc", "x")
    except Exception as exc:  # noqa: BLE001 - damage found while reading: one cache error, then a fresh file
        assert type(exc).__name__ == "GeocodeCacheError"
        first = cache.get("svc", "x")
    assert first is None and cache.set_aside
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM lookups").fetchone() == (0,)
