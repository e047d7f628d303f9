"""Online geocoders (Nominatim, Photon, Pelias), each behind one rate limiter.

:func:`make_online_geocoder` builds geopy's client of a service and wraps it in
a :class:`ThrottledGeocoder`: geopy's
:class:`~geopy.extra.rate_limiter.RateLimiter` (with an injectable clock, for
tests) keeps requests at least ``min_delay_seconds`` apart, errors reach the
caller as :class:`geopy.exc.GeocoderServiceError`, and a malformed answer is
one too (:class:`geopy.exc.GeocoderParseError`: a missing or mistyped field, a
point off the globe, JSON nested too deeply), never a ``KeyError``. Its HTTP
client (:class:`~geo.places.geocoders.bounded.BoundedRequestsAdapter`) gives
each call one deadline and caps the answer's size.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any

from geopy.adapters import RequestsAdapter
from geopy.exc import GeocoderParseError, GeocoderServiceError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim, Pelias, Photon
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from geo.places.geocoders.base import NoNetworkAdapter, geocoder_name
from geo.places.geocoders.bounded import DEFAULT_MAX_ANSWER_BYTES, BoundedRequestsAdapter
from geo.places.geocoders.services import ONLINE_KINDS

__all__ = ["ThrottledGeocoder", "make_online_geocoder"]


class _HookedRateLimiter(RateLimiter):
    """geopy's RateLimiter with its ``_clock``/``_sleep`` hooks bound to injected callables."""

    def __init__(
        self,
        func: Callable[..., Any],
        *,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(func, **kwargs)
        self._injected_clock = clock
        self._injected_sleep = sleep

    def _clock(self) -> float:
        if self._injected_clock is None:
            return super()._clock()
        return self._injected_clock()

    def _sleep(self, seconds: float) -> None:
        if self._injected_sleep is None:
            super()._sleep(seconds)
        else:
            self._injected_sleep(seconds)


class ThrottledGeocoder(Geocoder):
    """An online geopy geocoder behind one :class:`~geopy.extra.rate_limiter.RateLimiter`.

    ``geocode`` and ``reverse`` share one limiter, so the service never sees
    two requests closer than ``min_delay_seconds``. Errors are not swallowed:
    they reach the caller (a :class:`ChainedGeocoder` records them).

    Parameters
    ----------
    geocoder:
        The online geocoder (``Nominatim``, ``Photon``, ``Pelias``…).
    name:
        Its name in error records and cache keys (default: :func:`geocoder_name`).
    min_delay_seconds:
        Least time between two requests.
    max_retries:
        Retries on :class:`geopy.exc.GeocoderServiceError` (0: fail at once).
    clock, sleep:
        Replace the limiter's clock and sleep (for tests: a fake clock that
        records the delays instead of sleeping).
    """

    def __init__(
        self,
        geocoder: Geocoder,
        *,
        name: str | None = None,
        min_delay_seconds: float = 1.0,
        max_retries: int = 0,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        super().__init__(
            scheme=geocoder.scheme,
            timeout=geocoder.timeout,
            proxies={},
            user_agent=geocoder.headers.get("User-Agent"),
            adapter_factory=NoNetworkAdapter,
        )
        self.wrapped = geocoder
        self.name = name or geocoder_name(geocoder)
        self.limiter = _HookedRateLimiter(
            self._dispatch,
            clock=clock,
            sleep=sleep,
            min_delay_seconds=min_delay_seconds,
            max_retries=max_retries,
            error_wait_seconds=max(5.0, min_delay_seconds),
            swallow_exceptions=False,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r}, min_delay_seconds={self.limiter.min_delay_seconds})"

    def __enter__(self) -> ThrottledGeocoder:
        self.wrapped.__enter__()
        return self

    def __exit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        self.wrapped.__exit__(exc_type, exc_val, exc_tb)

    def _dispatch(self, method: str, query: Any, kwargs: dict[str, Any]) -> Any:
        """One request; an answer geopy cannot read (a missing field, a wrong type) is a parse error."""
        try:
            answer = getattr(self.wrapped, method)(query, **kwargs)
        except GeocoderServiceError:
            raise
        except (KeyError, IndexError, TypeError, AttributeError, ValueError, OverflowError, RecursionError) as exc:
            raise GeocoderParseError(f"malformed answer from {self.name}: {type(exc).__name__}: {exc}") from exc
        return _checked(answer)

    def geocode(self, query: Any, **kwargs: Any) -> Any:
        """The wrapped geocoder's ``geocode``, throttled."""
        return self.limiter("geocode", query, kwargs)

    def reverse(self, query: Any, **kwargs: Any) -> Any:
        """The wrapped geocoder's ``reverse``, throttled."""
        return self.limiter("reverse", query, kwargs)


def _checked(answer: Any) -> Any:
    """The answer, when each of its locations has a point; else a parse error."""
    locations = answer if isinstance(answer, list) else [answer] if answer is not None else []
    for location in locations:
        if not isinstance(location, Location):
            raise GeocoderParseError(f"malformed answer: {type(location).__name__} instead of a location")
        point = location.point
        lat, lon = (point.latitude, point.longitude) if point is not None else (math.nan, math.nan)
        # geopy reads a missing latitude and longitude as (0, 0), a point in the open sea.
        if not (math.isfinite(lat) and math.isfinite(lon)) or (lat, lon) == (0.0, 0.0):
            raise GeocoderParseError(f"malformed answer: no usable point for {location.address!r}")
    return answer


def _http_adapter_factory(max_bytes: int = DEFAULT_MAX_ANSWER_BYTES) -> Callable[..., Any] | None:
    """The bounded requests adapter (one deadline a call, answers up to ``max_bytes``), without urllib3's
    blocking Retry-After waits.

    With geopy's defaults urllib3 retries a 429/503 carrying ``Retry-After``
    twice, sleeping as long as the server asks, before geopy sees it (a
    ``Retry-After: 7`` costs 14 s). Here only connection failures are retried;
    a rate limit reaches the caller at once as
    :class:`geopy.exc.GeocoderRateLimited` (with its ``retry_after``) and a
    read time-out as :class:`geopy.exc.GeocoderTimedOut`. ``None`` (geopy's
    default urllib adapter, which never retries) when requests is missing.
    """
    if not RequestsAdapter.is_available:
        return None
    from urllib3.util.retry import Retry

    retry = Retry(total=2, connect=2, read=False, respect_retry_after_header=False)
    return functools.partial(BoundedRequestsAdapter, max_retries=retry, max_bytes=max_bytes)


def make_online_geocoder(
    kind: str,
    *,
    user_agent: str,
    domain: str | None = None,
    scheme: str = "https",
    min_delay_seconds: float = 1.0,
    timeout: float | None = 10.0,
    proxies: Any = DEFAULT_SENTINEL,
    max_retries: int = 0,
    clock: Callable[[], float] | None = None,
    sleep: Callable[[float], None] | None = None,
    adapter_factory: Callable[..., Any] | None = None,
    max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
) -> ThrottledGeocoder:
    """Build a throttled online geocoder.

    Parameters
    ----------
    kind:
        ``"nominatim"``, ``"photon"`` (their public servers unless ``domain``
        names a self-hosted one) or ``"pelias"`` (``domain`` required).
    user_agent:
        A real User-Agent naming your application (Nominatim's usage policy).
    domain, scheme:
        Host (with optional port and path prefix), and ``"https"`` or ``"http"``.
    min_delay_seconds, max_retries:
        Least time between two requests (the public Nominatim allows one a
        second), and retries on service errors.
    timeout, proxies, adapter_factory:
        geopy's: seconds before :class:`geopy.exc.GeocoderTimedOut` (the call's deadline); proxies (default:
        the system's, ``{}`` for none); the HTTP adapter (default: :func:`_http_adapter_factory`).
    max_answer_bytes:
        The default adapter's cap on an answer (a larger one is a parse error).
    clock, sleep:
        Injected into the rate limiter (see :class:`ThrottledGeocoder`).

    Returns
    -------
    ThrottledGeocoder
        Named ``"kind:domain"``.

    Raises
    ------
    ValueError
        Unknown ``kind``, missing ``user_agent``, or Pelias without ``domain``
        (geopy's :class:`~geopy.exc.ConfigurationError` is a ValueError too).
    """
    kind = _checked_kind(kind, user_agent)
    adapter = adapter_factory or _http_adapter_factory(max_answer_bytes)
    common = {"user_agent": user_agent.strip(), "scheme": scheme, "timeout": timeout, "proxies": proxies}
    geocoder = _client(kind, domain, {**common, "adapter_factory": adapter})
    return ThrottledGeocoder(
        geocoder,
        name=f"{kind}:{geocoder.domain}",  # type: ignore[attr-defined]
        min_delay_seconds=min_delay_seconds,
        max_retries=max_retries,
        clock=clock,
        sleep=sleep,
    )


def _checked_kind(kind: str, user_agent: str) -> str:
    """The service's name, lower case, once it and the user agent are known to be usable."""
    kind = kind.strip().lower()
    if kind not in ONLINE_KINDS:
        raise ValueError(f"unknown online geocoder {kind!r}: choose one of {', '.join(ONLINE_KINDS)}")
    if not user_agent or not user_agent.strip():
        raise ValueError(
            f"the {kind} geocoder needs a user agent naming your application "
            "(e.g. 'geostory/1.0 (you@example.org)'); online geocoding is off until one is given"
        )
    return kind


def _client(kind: str, domain: str | None, common: dict[str, Any]) -> Geocoder:
    """geopy's client of one service, at ``domain`` or at the service's public server."""
    if kind == "nominatim":
        return Nominatim(domain=domain, **common) if domain else Nominatim(**common)
    if kind == "photon":
        return Photon(domain=domain, **common) if domain else Photon(**common)
    if not domain:
        raise ValueError("the pelias geocoder needs the domain of a Pelias server")
    return Pelias(domain, **common)
