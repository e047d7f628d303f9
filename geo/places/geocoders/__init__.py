"""Geopy geocoders: one over the offline gazetteer, optional online fallbacks, a cache and a chain.

* :mod:`~geo.places.geocoders.offline` — :class:`OfflineGeocoder`, geopy's
  ``geocode`` and ``reverse`` over the compiled gazetteer; never opens a socket.
* :mod:`~geo.places.geocoders.online` — Nominatim, Photon or Pelias
  (:func:`make_online_geocoder`), each behind geopy's rate limiter
  (:class:`ThrottledGeocoder`).
* :mod:`~geo.places.geocoders.cache` — :class:`GeocodeCache`, every online
  answer (negative ones too) in an SQLite file.
* :mod:`~geo.places.geocoders.chain` — :class:`ChainedGeocoder`, offline first,
  then online, with per-query failure records.
* :mod:`~geo.places.geocoders.options` — :func:`geocoder_from_options`, the
  geocoder the command line's or the presenter's options ask for.

Online services are OFF by default.

Example
-------
>>> from geo.places.geocoders import OfflineGeocoder
>>> location = OfflineGeocoder().geocode("بالقاهرة")  # doctest: +SKIP
>>> location.address, location.raw["match"]  # doctest: +SKIP
('Cairo, EG', 'clitic')
"""

from __future__ import annotations

from geo.places.geocoders.base import geocoder_name
from geo.places.geocoders.cache import GeocodeCache, GeocodeCacheError, default_cache_path
from geo.places.geocoders.chain import ChainedGeocoder
from geo.places.geocoders.offline import MIN_PHONETIC_CLASSES, OfflineGeocoder
from geo.places.geocoders.online import ONLINE_KINDS, ThrottledGeocoder, make_online_geocoder
from geo.places.geocoders.options import geocoder_from_options

__all__ = [
    "OfflineGeocoder",
    "ThrottledGeocoder",
    "ChainedGeocoder",
    "GeocodeCache",
    "GeocodeCacheError",
    "ONLINE_KINDS",
    "MIN_PHONETIC_CLASSES",
    "default_cache_path",
    "geocoder_name",
    "make_online_geocoder",
    "geocoder_from_options",
]
