"""The geocoder a user's options ask for: the offline one alone, or it and one online service.

:func:`geocoder_from_options` is what the command line (``geo build DIR --out
OUT --geocoder nominatim …``) and the presenter's settings call, so both accept
and refuse the same options, with the same one-line
:class:`~geo.errors.InputError`.

A server counts as self-hosted only when its host is ``localhost`` or a
loopback, private or link-local address: every other host, whatever its name,
gets the public servers' treatment (a request a second at most, and a user
agent naming the application), since nothing says its owner allows more.
"""

from __future__ import annotations

import ipaddress
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder

from geo.errors import InputError
from geo.places.geocoders.cache import GeocodeCache, default_cache_path
from geo.places.geocoders.chain import ChainedGeocoder
from geo.places.geocoders.offline import OfflineGeocoder
from geo.places.geocoders.online import make_online_geocoder
from geo.places.geocoders.services import DEFAULT_TIMEOUT_SECONDS, ONLINE_KINDS, PUBLIC_SERVERS
from geo.settings import LimitsSettings

if TYPE_CHECKING:
    from geo.places.gazetteer import Gazetteer
    from geo.settings import Settings

__all__ = [
    "DEFAULT_TIMEOUT_SECONDS",
    "PUBLIC_DELAY_SECONDS",
    "PUBLIC_SERVERS",
    "SELF_HOSTED_DELAY_SECONDS",
    "geocoder_from_options",
    "is_local_host",
]

#: Least seconds between two requests to a public server: Nominatim's usage policy allows one a second.
PUBLIC_DELAY_SECONDS = 1.0
#: ... to a self-hosted server (on this machine or its network): its owner sets the limits, so only a breath.
SELF_HOSTED_DELAY_SECONDS = 0.05
#: The user agent sent to a self-hosted server when none is given (its owner knows who calls).
SELF_HOSTED_USER_AGENT = "geostory (self-hosted geocoder)"


def is_local_host(host: str) -> bool:
    """Whether ``host`` is this machine or its network: ``localhost``, a loopback, private or link-local address.

    A name other than ``localhost`` is never local, whatever it resolves to
    (nothing is resolved here): the safe side is the public server's.
    """
    host = host.strip().lower().rstrip(".")
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local


def _server(url: str) -> tuple[str, str, str]:
    """``(scheme, host, domain)`` of a server's address; the domain is the host with its port and path prefix.

    The host is in lower case without a trailing dot, so that
    ``https://Nominatim.OpenStreetMap.org.`` is the public server.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port, host = None, ""
    if parts.scheme not in ("http", "https") or not host or parts.query or parts.fragment:
        raise InputError(
            f"the geocoder url must be an http or https address like https://host[:port][/path], not {url!r}"
        )
    if parts.username is not None or parts.password is not None:
        raise InputError("the geocoder url must not hold a user name or password")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return parts.scheme, host, netloc + parts.path.rstrip("/")


def _checked_cache(cache_path: str | Path | None) -> Path:
    path = Path(cache_path) if cache_path is not None else default_cache_path()
    if path.is_dir():
        raise InputError(f"the geocoder cache must be a file, not the folder {path}")
    return path


def _checked_timeout(timeout: float | None) -> float:
    """The seconds to wait for an answer (the default for ``None``); a one-line InputError unless positive."""
    if timeout is None:
        return DEFAULT_TIMEOUT_SECONDS
    try:
        seconds = float(timeout)
    except (TypeError, ValueError):
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise InputError(f"the geocoder timeout must be a positive number of seconds, not {timeout!r}")
    return seconds


def geocoder_from_options(
    service: str | None,
    *,
    url: str | None = None,
    user_agent: str | None = None,
    cache_path: str | Path | None = None,
    timeout: float | None = None,
    gazetteer: Gazetteer | None = None,
    settings: Settings | None = None,
    proxies: Any = DEFAULT_SENTINEL,
) -> Geocoder:
    """The geocoder the options ask for: offline alone unless an online service is named.

    Parameters
    ----------
    service:
        ``"nominatim"``, ``"photon"`` or ``"pelias"``; ``None`` (the default everywhere) keeps everything offline.
    url:
        Another server's address (``https://host[:port][/path]``); ``None``: the public one (Pelias has none).
    user_agent:
        A User-Agent naming your application; required by every server but a self-hosted one
        (:func:`is_local_host`), as Nominatim's usage policy asks.
    cache_path:
        The SQLite file of the online answers (default
        :func:`~geo.places.geocoders.cache.default_cache_path`); not opened
        before the first look-up.
    timeout:
        Seconds to wait for each answer (default :data:`DEFAULT_TIMEOUT_SECONDS`).
    gazetteer:
        The offline geocoder's gazetteer (loaded on first use when ``None``).
    settings:
        The offline geocoder's ``recognition`` and ``lookup`` sections (default: the defaults).
    proxies:
        geopy's ``proxies`` (default: the system's).

    Returns
    -------
    geopy.geocoders.base.Geocoder
        An :class:`~geo.places.geocoders.offline.OfflineGeocoder`, or a
        :class:`~geo.places.geocoders.chain.ChainedGeocoder` of it and the
        throttled online service, with a cache. Requests to a server that is
        not self-hosted are at least :data:`PUBLIC_DELAY_SECONDS` apart.

    Raises
    ------
    InputError
        With one line, when the service is unknown, a server that is not self-hosted lacks a user agent,
        Pelias lacks a url, the url, timeout or cache path is unusable, or options are given without a service.
    """
    sections = {"recognition": settings.recognition, "settings": settings.lookup} if settings is not None else {}
    offline = OfflineGeocoder(gazetteer, **sections)
    if not service:
        if url or user_agent or cache_path is not None or timeout is not None:
            raise InputError(
                f"a geocoder url, user agent, cache or timeout needs an online geocoder ({', '.join(ONLINE_KINDS)})"
            )
        return offline
    limits, seconds = settings.limits if settings is not None else None, _checked_timeout(timeout)
    online = _online(service, url=url, user_agent=user_agent, timeout=seconds, proxies=proxies, limits=limits)
    return ChainedGeocoder([offline, online], cache=GeocodeCache(_checked_cache(cache_path)))


def _online(
    service: str, *, url: str | None, user_agent: str | None, timeout: float, proxies: Any, limits: Any
) -> Geocoder:
    """The throttled online geocoder of :func:`geocoder_from_options`, or a one-line InputError."""
    kind = service.strip().lower()
    if kind not in ONLINE_KINDS:
        raise InputError(f"unknown geocoder {service!r}: choose one of {', '.join(ONLINE_KINDS)}")
    if url:
        scheme, host, domain = _server(url)
    else:
        scheme, host = "https", PUBLIC_SERVERS.get(kind, "")
        domain = host
    if not domain:
        raise InputError(f"the {kind} geocoder has no public server: give the url of yours")
    local = is_local_host(host)
    agent = (user_agent or "").strip()
    if not local and not agent:
        raise InputError(_no_user_agent(kind, host))
    try:
        return make_online_geocoder(
            kind,
            user_agent=agent or SELF_HOSTED_USER_AGENT,
            domain=domain,
            scheme=scheme,
            min_delay_seconds=SELF_HOSTED_DELAY_SECONDS if local else PUBLIC_DELAY_SECONDS,
            timeout=timeout,
            # a server on this machine or network is reached directly, never through the system's proxy
            proxies={} if local and proxies is DEFAULT_SENTINEL else proxies,
            max_answer_bytes=(limits or LimitsSettings()).max_answer_bytes,
        )
    except ValueError as exc:  # geopy refuses a sample user agent ("my-application") for the public server
        raise InputError(f"the {kind} geocoder cannot be used: {' '.join(str(exc).split())}") from exc


def _no_user_agent(kind: str, host: str) -> str:
    """Why a user agent is needed: the public server's usage policy, or a server that is not self-hosted."""
    example = "e.g. 'myapp/1.0 (you@example.org)'"
    if host in PUBLIC_SERVERS.values():
        return (
            f"the public {kind} server's usage policy asks for a user agent naming your application, {example}: "
            "give one (--user-agent), or the url of your own server"
        )
    return (
        f"the {kind} server at {host} is not on this machine or its network: give a user agent naming your "
        f"application, {example} (--user-agent)"
    )
