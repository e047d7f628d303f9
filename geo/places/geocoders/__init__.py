"""Geopy geocoders: one over the offline gazetteer, optional online fallbacks, a cache and a chain.

* :mod:`~geo.places.geocoders.offline` — :class:`OfflineGeocoder`, geopy's
  ``geocode`` and ``reverse`` over the compiled gazetteer; never opens a socket.
* :mod:`~geo.places.geocoders.online` — Nominatim, Photon or Pelias
  (:func:`make_online_geocoder`), each behind geopy's rate limiter
  (:class:`ThrottledGeocoder`).
* :mod:`~geo.places.geocoders.services` — the services' names and public
  servers, plain constants.
* :mod:`~geo.places.geocoders.cache` — :class:`GeocodeCache`, every online
  answer (negative ones too) in an SQLite file.
* :mod:`~geo.places.geocoders.chain` — :class:`ChainedGeocoder`, offline first,
  then online, with per-query failure records.
* :mod:`~geo.places.geocoders.options` — :func:`geocoder_from_options`, the
  geocoder the command line's or the presenter's options ask for.

Online services are OFF by default. The names below are imported from their
modules on first use: importing this package, or its plain constants
(:data:`ONLINE_KINDS`), imports neither geopy nor the gazetteer. See
:mod:`geo.places.geocoders.offline` for an example.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from geo.places.geocoders.services import DEFAULT_TIMEOUT_SECONDS, ONLINE_KINDS

if TYPE_CHECKING:
    from geo.places.geocoders.base import geocoder_name
    from geo.places.geocoders.cache import CorruptCacheEntry, GeocodeCache, GeocodeCacheError, default_cache_path
    from geo.places.geocoders.chain import ChainedGeocoder
    from geo.places.geocoders.offline import OfflineGeocoder
    from geo.places.geocoders.online import ThrottledGeocoder, make_online_geocoder
    from geo.places.geocoders.options import geocoder_from_options

__all__ = [
    "OfflineGeocoder",
    "ThrottledGeocoder",
    "ChainedGeocoder",
    "GeocodeCache",
    "GeocodeCacheError",
    "CorruptCacheEntry",
    "DEFAULT_TIMEOUT_SECONDS",
    "ONLINE_KINDS",
    "default_cache_path",
    "geocoder_name",
    "make_online_geocoder",
    "geocoder_from_options",
]

#: The module of each name imported on first use.
_HOMES: dict[str, str] = {
    "geocoder_name": "base",
    "CorruptCacheEntry": "cache",
    "GeocodeCache": "cache",
    "GeocodeCacheError": "cache",
    "default_cache_path": "cache",
    "ChainedGeocoder": "chain",
    "OfflineGeocoder": "offline",
    "ThrottledGeocoder": "online",
    "make_online_geocoder": "online",
    "geocoder_from_options": "options",
}


def __getattr__(name: str) -> Any:
    """Import an exported name from its module on first use (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
