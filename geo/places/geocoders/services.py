"""The online geocoding services this package knows, and their public servers: plain constants.

This module imports nothing, so that the command line can offer the services
(``geo build --geocoder {nominatim,photon,pelias}``) and ``python -m geo
--help`` can run without importing geopy, requests or the gazetteer.
"""

from __future__ import annotations

__all__ = ["DEFAULT_TIMEOUT_SECONDS", "ONLINE_KINDS", "PUBLIC_SERVERS"]

#: The online services :func:`~geo.places.geocoders.online.make_online_geocoder` knows.
ONLINE_KINDS: tuple[str, ...] = ("nominatim", "photon", "pelias")
#: The public servers of the services that have one (Pelias has none without an API key).
PUBLIC_SERVERS: dict[str, str] = {"nominatim": "nominatim.openstreetmap.org", "photon": "photon.komoot.io"}
#: Seconds to wait for an answer: the public Nominatim answers in well under one; ten covers a slow day.
DEFAULT_TIMEOUT_SECONDS = 10.0
