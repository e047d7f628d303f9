"""The geocoder a user's options ask for: the offline one alone, or it and one online service.

:func:`geocoder_from_options` is what the command line (``geo build DIR --out
OUT --geocoder nominatim …``) and the presenter's settings call, so both accept
and refuse the same options, with the same one-line
:class:`~geo.errors.InputError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder

from geo.errors import InputError
from geo.places.geocoders.cache import GeocodeCache, default_cache_path
from geo.places.geocoders.chain import ChainedGeocoder
from geo.places.geocoders.offline import OfflineGeocoder
from geo.places.geocoders.online import ONLINE_KINDS, make_online_geocoder

if TYPE_CHECKING:
    from geo.places.gazetteer import Gazetteer

__all__ = [
    "DEFAULT_TIMEOUT_SECONDS",
    "PUBLIC_DELAY_SECONDS",
    "PUBLIC_SERVERS",
    "SELF_HOSTED_DELAY_SECONDS",
    "geocoder_from_options",
]

#: The public servers of the services that have one (Pelias has none without an API key).
PUBLIC_SERVERS: dict[str, str] = {"nominatim": "nominatim.openstreetmap.org", "photon": "photon.komoot.io"}
#: Least seconds between two requests to a public server: Nominatim's usage policy allows one a second.
PUBLIC_DELAY_SECONDS = 1.0
#: ... to a self-hosted server: its owner sets the limits, so only a breath between requests.
SELF_HOSTED_DELAY_SECONDS = 0.05
#: Seconds to wait for an answer: the public Nominatim answers in well under one; ten covers a slow day.
DEFAULT_TIMEOUT_SECONDS = 10.0
#: The user agent sent to a self-hosted server when none is given (its owner knows who calls).
SELF_HOSTED_USER_AGENT = "geostory (self-hosted geocoder)"


def _server(url: str) -> tuple[str, str]:
    """``(scheme, domain)`` of a server's address; the domain keeps its port and path prefix."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise InputError(
            f"the geocoder url must be an http or https address like https://host[:port][/path], not {url!r}"
        )
    return parts.scheme, parts.netloc + parts.path.rstrip("/")


def _checked_cache(cache_path: str | Path | None) -> Path:
    path = Path(cache_path) if cache_path is not None else default_cache_path()
    if path.is_dir():
        raise InputError(f"the geocoder cache must be a file, not the folder {path}")
    return path


def geocoder_from_options(
    service: str | None,
    *,
    url: str | None = None,
    user_agent: str | None = None,
    cache_path: str | Path | None = None,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    gazetteer: Gazetteer | None = None,
    proxies: Any = DEFAULT_SENTINEL,
) -> Geocoder:
    """The geocoder the options ask for: offline alone unless an online service is named.

    Parameters
    ----------
    service:
        ``"nominatim"``, ``"photon"`` or ``"pelias"``; ``None`` (the default
        everywhere) keeps everything offline.
    url:
        The address of a self-hosted server (``https://host[:port][/path]``);
        ``None`` uses the service's public server (Pelias has none).
    user_agent:
        A User-Agent naming your application; required by a public server
        (Nominatim's usage policy), optional for a self-hosted one.
    cache_path:
        The SQLite file of the online answers (default
        :func:`~geo.places.geocoders.cache.default_cache_path`); not opened
        before the first look-up.
    timeout:
        Seconds to wait for each answer.
    gazetteer:
        The offline geocoder's gazetteer (loaded on first use when ``None``).
    proxies:
        geopy's ``proxies`` (default: the system's).

    Returns
    -------
    geopy.geocoders.base.Geocoder
        An :class:`~geo.places.geocoders.offline.OfflineGeocoder`, or a
        :class:`~geo.places.geocoders.chain.ChainedGeocoder` of it and the
        throttled online service, with a
        :class:`~geo.places.geocoders.cache.GeocodeCache`. Requests to a public
        server are at least :data:`PUBLIC_DELAY_SECONDS` apart.

    Raises
    ------
    InputError
        With one line, when the service is unknown, a public server lacks a
        user agent, Pelias lacks a url, the url or the cache path is unusable,
        or options are given without a service.
    """
    offline = OfflineGeocoder(gazetteer)
    if not service:
        if url or user_agent or cache_path is not None:
            raise InputError(
                f"a geocoder url, user agent or cache needs an online geocoder ({', '.join(ONLINE_KINDS)})"
            )
        return offline
    online = _online(service, url=url, user_agent=user_agent, timeout=timeout, proxies=proxies)
    return ChainedGeocoder([offline, online], cache=GeocodeCache(_checked_cache(cache_path)))


def _online(service: str, *, url: str | None, user_agent: str | None, timeout: float, proxies: Any) -> Geocoder:
    """The throttled online geocoder of :func:`geocoder_from_options`, or a one-line InputError."""
    kind = service.strip().lower()
    if kind not in ONLINE_KINDS:
        raise InputError(f"unknown geocoder {service!r}: choose one of {', '.join(ONLINE_KINDS)}")
    scheme, domain = _server(url) if url else ("https", PUBLIC_SERVERS.get(kind, ""))
    if not domain:
        raise InputError(f"the {kind} geocoder has no public server: give the url of yours")
    public = domain.split("/")[0].split(":")[0].lower() in PUBLIC_SERVERS.values()
    agent = (user_agent or "").strip()
    if public and not agent:
        raise InputError(
            f"the public {kind} server's usage policy asks for a user agent naming your application, "
            "e.g. 'myapp/1.0 (you@example.org)': give one (--user-agent), or the url of your own server"
        )
    try:
        return make_online_geocoder(
            kind,
            user_agent=agent or SELF_HOSTED_USER_AGENT,
            domain=domain,
            scheme=scheme,
            min_delay_seconds=PUBLIC_DELAY_SECONDS if public else SELF_HOSTED_DELAY_SECONDS,
            timeout=timeout,
            proxies=proxies,
        )
    except ValueError as exc:  # geopy refuses a sample user agent ("my-application") for the public server
        raise InputError(f"the {kind} geocoder cannot be used: {' '.join(str(exc).split())}") from exc
