"""The presenter's online geocoder setting: the service, its server and user agent, and the geocoder they give.

Off by default. :class:`GeocoderChoice` is what the sidebar's "Online
geocoder" setting holds; :func:`geocoder_for` turns it into a geocoder through
:func:`~geo.places.geocoders.options.geocoder_from_options` (the offline one
when off), so the presenter accepts and refuses exactly what ``geo build
--geocoder`` does, with the same one-line :class:`~geo.errors.InputError`;
:func:`choose_geocoder` falls back to the offline geocoder, and says why, when
the options are bad.
:func:`pipeline_geocoder` is what a story build passes to
:class:`~geo.pipeline.Pipeline` (``None`` when offline);
:func:`offline_members` and :func:`online_members` split a chain;
:func:`online_answers` asks the online members of a chain about a name, through
their rate limiter and the chain's cache, for the place search;
:func:`lookup_text` says in one line, in the interface language, how a build's
look-ups went.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geopy.exc import GeocoderServiceError
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from geo.errors import InputError
from geo.places.geocoders import (
    ONLINE_KINDS,
    ChainedGeocoder,
    GeocodeCacheError,
    OfflineGeocoder,
    geocoder_from_options,
    geocoder_name,
)
from geo.places.geocoders.chain import online_members
from geo.places.geocoders.options import DEFAULT_TIMEOUT_SECONDS
from geo.places.lookup import LookupRecord, lookup_counts
from geo.presenter.translations import tr

__all__ = [
    "OFF",
    "SERVICES",
    "GeocoderChoice",
    "OnlineSearchError",
    "choose_geocoder",
    "geocoder_for",
    "is_online",
    "lookup_text",
    "offline_members",
    "online_answers",
    "online_members",
    "pipeline_geocoder",
    "service_text",
]

#: The setting's value when no online service is asked (the default).
OFF = "off"
#: What the setting offers: off, then every online service.
SERVICES: tuple[str, ...] = (OFF, *ONLINE_KINDS)
_SERVICE_NAMES = {"nominatim": "Nominatim", "photon": "Photon", "pelias": "Pelias"}


class OnlineSearchError(InputError):
    """The online geocoder failed to answer a place search (one-line message); nothing changes."""


@dataclass(frozen=True, slots=True)
class GeocoderChoice:
    """The sidebar's online geocoder setting.

    Attributes
    ----------
    service:
        :data:`OFF` (the default) or one of ``nominatim``, ``photon``, ``pelias``.
    url:
        A self-hosted server's address; blank for the service's public server.
    user_agent:
        A User-Agent naming the application; required by the public servers.
    """

    service: str = OFF
    url: str = ""
    user_agent: str = ""

    @property
    def on(self) -> bool:
        """Whether an online service is asked for."""
        return bool(self.service) and self.service != OFF


def choose_geocoder(choice: GeocoderChoice, *, make: Callable[[GeocoderChoice], Geocoder]) -> tuple[Geocoder, str]:
    """The geocoder a setting asks for and ``""``; for bad options, the offline one and why, in one line.

    Parameters
    ----------
    choice:
        The setting (its url and user agent are stripped; when it is off, they are ignored).
    make:
        Makes the geocoder of a setting: :func:`geocoder_for`, or a cached
        wrapper of it (so that every request to one server goes through one
        rate limiter); raises :class:`~geo.errors.InputError` for bad options.
    """
    if not choice.on:
        return make(GeocoderChoice()), ""
    try:
        return make(GeocoderChoice(choice.service, choice.url.strip(), choice.user_agent.strip())), ""
    except InputError as exc:
        return make(GeocoderChoice()), " ".join(str(exc).split())


def geocoder_for(
    choice: GeocoderChoice,
    *,
    gazetteer: Any = None,
    cache_path: str | Path | None = None,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    proxies: Any = DEFAULT_SENTINEL,
) -> Geocoder:
    """The geocoder a setting asks for: the offline one when it is off, else offline then online.

    Parameters
    ----------
    choice:
        The setting; when it is off, its url and user agent are ignored.
    gazetteer:
        The offline geocoder's gazetteer (loaded on first use when ``None``).
    cache_path, timeout, proxies:
        As :func:`~geo.places.geocoders.options.geocoder_from_options` takes them.

    Raises
    ------
    InputError
        With one line, for the options ``geo build`` refuses (a public server
        without a user agent, Pelias without a url, a url that is not http(s)…).
    """
    if not choice.on:
        return OfflineGeocoder(gazetteer)
    return geocoder_from_options(
        choice.service,
        url=choice.url.strip() or None,
        user_agent=choice.user_agent.strip() or None,
        cache_path=cache_path,
        timeout=timeout,
        gazetteer=gazetteer,
        proxies=proxies,
    )


def offline_members(geocoder: Any) -> tuple[Any, ...]:
    """The offline geocoders of a chain; anything that is not a chain is taken for an offline geocoder."""
    if not isinstance(geocoder, ChainedGeocoder):
        return (geocoder,)
    return tuple(g for g in geocoder.geocoders if isinstance(g, OfflineGeocoder))



def is_online(geocoder: Any) -> bool:
    """Whether ``geocoder`` asks an online service about what the gazetteer lacks."""
    return bool(online_members(geocoder))


def pipeline_geocoder(geocoder: Any) -> Geocoder | None:
    """What a story build passes to :class:`~geo.pipeline.Pipeline`: the chain when online, else ``None``."""
    return geocoder if is_online(geocoder) else None


def online_answers(geocoder: Any, query: str, *, limit: int) -> list[tuple[Location, str]]:
    """The online members' answers to ``query``, with the name of the service that gave each.

    Each member is asked through its rate limiter and the chain's cache; the
    first that answers wins. A chain without online members asks nobody.

    Raises
    ------
    OnlineSearchError
        With one line, when a service failed (time-out, server error, malformed
        answer, unusable cache) and none answered.
    """
    cache = geocoder.cache if isinstance(geocoder, ChainedGeocoder) else None
    failures = []
    for member in online_members(geocoder):
        service = geocoder_name(member)
        try:
            found = ChainedGeocoder([member], cache=cache).geocode(
                query, exactly_one=False, limit=limit, addressdetails=True, namedetails=True
            )
        except (GeocoderServiceError, GeocodeCacheError) as exc:
            failures.append(f"{type(exc).__name__}: {' '.join(str(exc).split())}")
            continue
        if found:
            return [(location, service) for location in list(found)[:limit]]
    if failures:
        raise OnlineSearchError(f"the online geocoder failed: {'; '.join(failures)}")
    return []


def service_text(service: str, *, lang: str = "en") -> str:
    """A service as the setting shows it: "Off" in words, else the service's own name."""
    return _SERVICE_NAMES.get(service, service) if service != OFF else tr(lang, "geocoder_off")


def lookup_text(records: Iterable[LookupRecord], *, lang: str = "en") -> str:
    """One line on a build's online look-ups (in English, :func:`~geo.places.lookup.lookup_summary`'s)."""
    total, placed, failed = lookup_counts(records)
    return tr(lang, "lookups", total=total, placed=placed, failed=failed)
