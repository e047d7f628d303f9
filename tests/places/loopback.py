"""A scripted geocoding server on 127.0.0.1 for the online geocoders' tests: no test reaches the network.

The first part of a request's path is the server's mode (``ok``, ``e500``,
``e429``, ``garbage``, ``malformed``, ``slow``); the rest is the service's
endpoint (Nominatim's ``search``, Photon's ``api``, Pelias' ``v1/search``).
In ``ok`` mode the server knows the names of :data:`KNOWN` and nothing else.
Every request is counted by ``(mode, query)``.

While the server runs, the proxy variables (``HTTP_PROXY``, ``https_proxy``,
``ALL_PROXY``…) are unset and ``NO_PROXY`` names the loopback, so that a
geocoder built with the system's proxies (``geo build --geocoder-url``,
:func:`~geo.places.geocoders.geocoder_from_options`) still talks to
127.0.0.1 directly: geopy reads the proxy variables itself and ignores
``NO_PROXY``.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import geopy.exc
import pytest

from geo.places.geocoders import ThrottledGeocoder, make_online_geocoder

__all__ = [
    "FAILURES",
    "KNOWN",
    "NOMINATIM_EXTRA",
    "PROXY_VARIABLES",
    "USER_AGENT",
    "ScriptedServer",
    "online",
    "serving",
    "without_proxies",
]

USER_AGENT = "geostory-tests/1.0 (tests@example.org)"

#: The variables that send requests through a proxy (urllib and requests read either case).
PROXY_VARIABLES = tuple(
    case(name) for name in ("http_proxy", "https_proxy", "all_proxy") for case in (str.lower, str.upper)
)

#: answers of the "ok" mode, by query: latitude, longitude, display name
KNOWN = {
    "Atlantis Station": (10.5, 20.25, "Atlantis Station, Nowhere"),
    "Cache Town": (-5.125, 40.5, "Cache Town, Nowhere"),
    "Xq Fallback Place": (1.5, 2.5, "Xq Fallback Place, Nowhere"),
    "زمزوم": (12.5, 43.25, "زمزوم, Nowhere"),
    "Vlqzmarsk": (-3.75, 29.5, "Vlqzmarsk, Nowhere"),
}

#: more of Nominatim's fields for some names: OpenStreetMap's id, class and type, names, country, box
NOMINATIM_EXTRA: dict[str, dict[str, Any]] = {
    "زمزوم": {
        "osm_type": "node",
        "osm_id": 4242,
        "class": "place",
        "type": "town",
        "boundingbox": ["12.4", "12.6", "43.15", "43.35"],
        "address": {"country_code": "ye"},
        "namedetails": {"name": "زمزوم", "name:en": "Zamzum", "name:ar": "زمزوم"},
    },
    "Vlqzmarsk": {"osm_type": "relation", "osm_id": 77, "class": "boundary", "type": "administrative"},
}


#: modes that fail, and what geopy (or the throttle, for an answer without a point) raises for each
FAILURES = [
    ("e500", geopy.exc.GeocoderServiceError),
    ("e429", geopy.exc.GeocoderRateLimited),
    ("garbage", geopy.exc.GeocoderParseError),
    ("malformed", geopy.exc.GeocoderParseError),
    ("slow", geopy.exc.GeocoderTimedOut),
]


class _Handler(BaseHTTPRequestHandler):
    server: ScriptedServer

    def log_message(self, format, *args):  # noqa: A002 - silence the default stderr log
        pass

    def _send(self, status: int, body: str, headers: dict[str, str] | None = None) -> None:
        data = body.encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # the client gave up (time-out test)

    def do_GET(self):  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        mode, _, endpoint = url.path.strip("/").partition("/")
        query = parse_qs(url.query).get("q", parse_qs(url.query).get("text", [""]))[0]
        with self.server.lock:
            self.server.counts[(mode, query)] += 1
        if mode == "e500":
            self._send(500, "internal error")
        elif mode == "e429":
            self._send(429, "slow down", {"Retry-After": "7"})
        elif mode == "garbage":
            self._send(200, "{this is not json")
        elif mode == "malformed":  # JSON, but no point in it
            self._send(200, json.dumps([{"place_id": 1, "display_name": query}]))
        elif mode == "slow":
            time.sleep(1.5)
            self._send(200, "[]")
        elif mode == "ok":
            self._send(200, json.dumps(self._answer(endpoint, query)))
        else:
            self._send(404, "no such mode")

    @staticmethod
    def _answer(endpoint: str, query: str):
        hit = KNOWN.get(query)
        if endpoint == "search":  # Nominatim
            if hit is None:
                return []
            lat, lon, name = hit
            record = {"place_id": 1, "lat": str(lat), "lon": str(lon), "display_name": name}
            return [{**record, **NOMINATIM_EXTRA.get(query, {})}]
        features = []  # Photon (/api) and Pelias (/v1/search) answer GeoJSON
        if hit is not None:
            lat, lon, name = hit
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {"name": name, "label": name},
                }
            )
        return {"type": "FeatureCollection", "features": features}


_S = TypeVar("_S", bound=ThreadingHTTPServer)


class ScriptedServer(ThreadingHTTPServer):
    """The loopback server; :attr:`counts` holds the requests by ``(mode, query)``."""

    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.counts: Counter[tuple[str, str]] = Counter()
        self.lock = threading.Lock()

    def domain(self, mode: str) -> str:
        """The domain (host, port, path prefix) of one mode, as geopy takes it."""
        return f"127.0.0.1:{self.server_address[1]}/{mode}"

    def url(self, mode: str) -> str:
        """The address of one mode, as ``--geocoder-url`` takes it."""
        return f"http://{self.domain(mode)}"


@contextmanager
def without_proxies() -> Iterator[pytest.MonkeyPatch]:
    """No proxy variable, and ``NO_PROXY`` naming the loopback, until the block ends."""
    with pytest.MonkeyPatch.context() as patch:
        for name in PROXY_VARIABLES:
            patch.delenv(name, raising=False)
        for name in ("no_proxy", "NO_PROXY"):
            patch.setenv(name, "127.0.0.1,localhost,::1")
        yield patch


@contextmanager
def serving(srv: _S | None = None) -> Iterator[_S | ScriptedServer]:
    """``srv`` (default: a :class:`ScriptedServer`) running, shut down on exit; no request goes through a proxy
    meanwhile (:func:`without_proxies`)."""
    srv = srv if srv is not None else ScriptedServer()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        with without_proxies():
            yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)


def online(server: ScriptedServer, mode: str, kind: str = "nominatim", **kwargs: Any) -> ThrottledGeocoder:
    """A throttled geocoder of ``kind`` at one mode of the server (no delay, a short time-out, no proxy)."""
    options = {"min_delay_seconds": 0.0, "timeout": 0.5, "proxies": {}, "scheme": "http"}
    options.update(kwargs)
    return make_online_geocoder(kind, user_agent=USER_AGENT, domain=server.domain(mode), **options)
