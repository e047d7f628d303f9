"""What the geocoders of this package share: geopy's set-up without a network, points, names, keys.

Every geocoder here is a :class:`geopy.geocoders.base.Geocoder`. The ones that
make no request themselves (the offline one, the throttle around an online
one, the chain) get an HTTP adapter that refuses every request, so they never
open a socket, look up proxies or warn about a missing user agent.
"""

from __future__ import annotations

import json
import math
from typing import Any

from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderUnavailable
from geopy.geocoders.base import Geocoder
from geopy.point import Point

__all__ = [
    "NoNetworkAdapter",
    "canonical_json",
    "coerce_point",
    "geocoder_name",
    "init_without_network",
    "on_the_globe",
]

_OFFLINE_USER_AGENT = "geostory-offline-geocoder"


class NoNetworkAdapter(BaseSyncAdapter):
    """A geopy adapter that refuses every request: the HTTP client of geocoders that make none."""

    def __init__(self, *, proxies: Any = None, ssl_context: Any = None) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)

    def get_json(self, url: str, *, timeout: Any, headers: Any) -> Any:
        """Refuse: raise :class:`geopy.exc.GeocoderUnavailable`."""
        raise GeocoderUnavailable(f"the offline geocoder makes no HTTP requests (asked for {url})")

    def get_text(self, url: str, *, timeout: Any, headers: Any) -> str:
        """Refuse: raise :class:`geopy.exc.GeocoderUnavailable`."""
        raise GeocoderUnavailable(f"the offline geocoder makes no HTTP requests (asked for {url})")


def init_without_network(geocoder: Geocoder, *, timeout: float | None = None) -> None:
    """geopy's base set-up with an adapter that refuses every request.

    The base class only stores settings and builds the adapter: no HTTP
    client, proxy lookup or user-agent warning.
    """
    Geocoder.__init__(
        geocoder,
        scheme="https",
        timeout=timeout,
        proxies={},
        user_agent=_OFFLINE_USER_AGENT,
        adapter_factory=NoNetworkAdapter,
    )


def coerce_point(query: Any) -> Point:
    """A :class:`~geopy.point.Point` from ``"lat, lon"``, ``(lat, lon)`` or a Point.

    Raises
    ------
    ValueError
        When ``query`` is not a finite coordinate pair.
    """
    if isinstance(query, Point):
        return query
    if query is None or isinstance(query, bool | int | float):
        raise ValueError("Must be a coordinate pair or Point")
    try:
        point = Point(query)
    except (TypeError, ValueError) as exc:
        raise ValueError("Must be a coordinate pair or Point") from exc
    if not (math.isfinite(point.latitude) and math.isfinite(point.longitude)):
        raise ValueError("Must be a coordinate pair or Point")
    return point


def on_the_globe(lat: Any, lon: Any) -> bool:
    """True for a finite latitude within ±90° and longitude within ±180° (numbers only)."""
    numbers = all(isinstance(v, float | int) for v in (lat, lon))
    return numbers and math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180


def geocoder_name(geocoder: Any) -> str:
    """A stable name for a geocoder: its ``name`` attribute, else ``class:domain``."""
    name = getattr(geocoder, "name", None)
    if isinstance(name, str) and name:
        return name
    base = type(geocoder).__name__.lower()
    domain = getattr(geocoder, "domain", None)
    return f"{base}:{domain}" if domain else base


def canonical_json(value: Any) -> str:
    """One JSON text per value (sorted keys, no spaces): a cache key part or a stored ``raw``."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
