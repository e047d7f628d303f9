"""A geopy geocoder over the offline gazetteer, with optional online fallbacks.

:class:`OfflineGeocoder` answers ``geocode`` and ``reverse`` the way any
:class:`geopy.geocoders.base.Geocoder` does (a :class:`geopy.location.Location`,
a list of them with ``exactly_one=False``, ``None`` when nothing is found),
from the compiled gazetteer alone: it never opens a socket.

Online services are OFF by default. For names the gazetteer lacks, a
:class:`ChainedGeocoder` tries the offline geocoder and then Nominatim, Photon
or Pelias (:func:`make_online_geocoder`, each throttled by geopy's
:class:`~geopy.extra.rate_limiter.RateLimiter`), records each service's
failure per query and keeps going, and remembers online answers, negative
ones too, in a :class:`GeocodeCache` (SQLite). :func:`geocoder_from_settings`
builds the one or the other from settings.

Example
-------
>>> from geo.places.geocoders import OfflineGeocoder
>>> location = OfflineGeocoder().geocode("بالقاهرة")  # doctest: +SKIP
>>> location.address, location.raw["match"]  # doctest: +SKIP
('Cairo, EG', 'clitic')
"""

from __future__ import annotations

import functools
import inspect
import json
import math
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geopy.adapters import BaseSyncAdapter, RequestsAdapter
from geopy.exc import GeocoderQueryError, GeocoderServiceError, GeocoderUnavailable
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim, Pelias, Photon
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.errors import OutputError
from geo.places.gazetteer import ADJECTIVE, LATIN, PRIMARY, load_gazetteer
from geo.places.lexicon import clitic_forms
from geo.places.phonetic import arabic_key, phonetic_key
from geo.text.folding import is_arabic, name_key

if TYPE_CHECKING:
    from geo.model import Place
    from geo.places.gazetteer import Gazetteer

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
    "geocoder_from_settings",
]

#: The online services :func:`make_online_geocoder` knows.
ONLINE_KINDS: tuple[str, ...] = ("nominatim", "photon", "pelias")

#: A phonetic key must have at least this many consonant classes to be looked up.
MIN_PHONETIC_CLASSES = 5

_MATCH_RANK = {"exact": 0, "clitic": 1, "phonetic": 2}
_Params = Mapping[str, Any] | None
_Failures = list[tuple[str, GeocoderServiceError]]
_OFFLINE_USER_AGENT = "geostory-offline-geocoder"


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed whole, or rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class GeocodeCacheError(OutputError):
    """The geocode cache file cannot be opened, read or written."""


class _NoNetworkAdapter(BaseSyncAdapter):
    """A geopy adapter that refuses every request: the offline geocoder's HTTP client."""

    def __init__(self, *, proxies: Any = None, ssl_context: Any = None) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)

    def get_json(self, url: str, *, timeout: Any, headers: Any) -> Any:
        raise GeocoderUnavailable(f"the offline geocoder makes no HTTP requests (asked for {url})")

    def get_text(self, url: str, *, timeout: Any, headers: Any) -> str:
        raise GeocoderUnavailable(f"the offline geocoder makes no HTTP requests (asked for {url})")


# --------------------------------------------------------------------------- offline


def _as_upper_set(values: str | Iterable[str] | None) -> frozenset[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    out = frozenset(v.strip().upper() for v in values if v and v.strip())
    return out or None


def _as_set(values: str | Iterable[str] | None) -> frozenset[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    out = frozenset(v.strip() for v in values if v and v.strip())
    return out or None


def _check_limit(limit: int | None) -> int | None:
    if limit is None:
        return None
    limit = int(limit)
    if limit < 1:
        raise ValueError("Limit cannot be less than 1")
    return limit


_CAPITAL_MIN_POPULATION = 100_000


def _type_rank(place: Place) -> int:
    """Place type prior: country, then capital (of some size), then other cities, then the rest.

    A capital of fewer than 100,000 people (Hamilton, Bermuda) does not
    outrank a larger namesake (Hamilton, Ontario).
    """
    if place.place_type == "country":
        return 0
    if place.place_type == "city":
        major_capital = place.feature == "capital" and place.population >= _CAPITAL_MIN_POPULATION
        return 1 if major_capital else 2
    return 3


def _address(place: Place, language: str | None) -> str:
    name = place.name_ar if language == "ar" and place.name_ar else place.name
    if place.country and place.place_type != "country":
        return f"{name}, {place.country}"
    return name


def _raw(place: Place, match: str) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "name_ar": place.name_ar,
        "place_type": place.place_type,
        "feature": place.feature,
        "country": place.country,
        "admin1": place.admin1,
        "population": place.population,
        "source": place.source,
        "match": match,
    }


def _coerce_point(query: Any) -> Point:
    """A :class:`~geopy.point.Point` from ``"lat, lon"``, ``(lat, lon)`` or a Point."""
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


def _init_without_network(geocoder: Geocoder, *, timeout: float | None = None) -> None:
    """geopy's base set-up with an adapter that refuses every request (the base class only
    stores settings and builds the adapter): no HTTP client, proxy lookup or user-agent warning."""
    Geocoder.__init__(
        geocoder,
        scheme="https",
        timeout=timeout,
        proxies={},
        user_agent=_OFFLINE_USER_AGENT,
        adapter_factory=_NoNetworkAdapter,
    )


class OfflineGeocoder(Geocoder):
    """Geocode place names with the offline gazetteer, following geopy's conventions.

    Parameters
    ----------
    gazetteer:
        A loaded :class:`~geo.places.gazetteer.Gazetteer`; when ``None`` it is loaded
        with :func:`~geo.places.gazetteer.load_gazetteer` on first use.
    timeout:
        Accepted for geopy compatibility; no request is ever made.

    Notes
    -----
    A query is folded with :func:`~geo.text.folding.name_key`. Candidates come
    from three kinds of match, best first: the exact key; for Arabic, the key
    with proclitics stripped (:func:`~geo.places.lexicon.clitic_forms`: «بالقاهرة» →
    «القاهرة»); and the consonant key (:func:`~geo.places.phonetic.phonetic_key`) when
    it has at least :data:`MIN_PHONETIC_CLASSES` classes, which finds Latin-only
    GeoNames places from an Arabic transliteration. Within a kind, countries
    come first, then capitals, then other cities by population, then
    regions, facilities, islands and waters; then population decides.

    ``Location.address`` is ``"Name, CC"`` (a country's is its name alone);
    ``Location.raw`` holds the place's fields (``id``, ``name``, ``name_ar``,
    ``place_type``, ``feature``, ``country``, ``admin1``, ``population``,
    ``source``) and ``match`` (``exact``, ``clitic`` or ``phonetic``).
    """

    name = "offline"

    def __init__(self, gazetteer: Gazetteer | None = None, *, timeout: float | None = None) -> None:
        _init_without_network(self, timeout=timeout)
        self._gazetteer = gazetteer
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        loaded = "loaded" if self._gazetteer is not None else "lazy"
        return f"{type(self).__name__}(gazetteer={loaded})"

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer, loaded on first access."""
        if self._gazetteer is None:
            with self._lock:
                if self._gazetteer is None:
                    self._gazetteer = load_gazetteer()
        return self._gazetteer

    def _hits(self, key: str, match: str, found: dict[int, str]) -> None:
        for hit in self.gazetteer.lookup(key):
            if hit.flags & ADJECTIVE and not hit.flags & (PRIMARY | LATIN):
                # A nisba («الروسية») hints at a country but does not name it, unless
                # the country's Arabic name is its own nisba («جيبوتي», «مالي»).
                name_ar = self.gazetteer.place(hit.row).name_ar
                if not name_ar or name_key(name_ar) != key:
                    continue
            found.setdefault(hit.row, match)

    def _phonetic_hits(self, key: str, found: dict[int, str]) -> None:
        if len(key) >= MIN_PHONETIC_CLASSES:
            for hit in self.gazetteer.lookup_phonetic(key):
                found.setdefault(hit.row, "phonetic")

    def candidates(
        self,
        query: str,
        *,
        country_codes: str | Iterable[str] | None = None,
        place_types: str | Iterable[str] | None = None,
    ) -> list[tuple[Place, str]]:
        """Every place ``query`` may name, best first, with its match kind.

        Parameters
        ----------
        query:
            A place name in any script.
        country_codes:
            Keep only places of these ISO alpha-2 countries.
        place_types:
            Keep only places whose ``place_type`` or ``feature`` is one of these
            (``"city"``, ``"country"``, ``"capital"``, ``"airport"``…).

        Returns
        -------
        list of (Place, str)
            Places and how they matched (``exact``, ``clitic``, ``phonetic``).

        Raises
        ------
        geopy.exc.GeocoderQueryError
            When ``query`` is not a string or is blank.
        """
        if not isinstance(query, str):
            raise GeocoderQueryError(f"the offline geocoder takes a string query, not {type(query).__name__}")
        key = name_key(query)
        if not key:
            raise GeocoderQueryError("empty query: give a place name")
        found: dict[int, str] = {}
        self._hits(key, "exact", found)
        forms = [form for _, form in clitic_forms(key)] if is_arabic(key) else []
        for form in forms:
            self._hits(form, "clitic", found)
        self._phonetic_hits(phonetic_key(query), found)
        for form in forms:
            self._phonetic_hits(arabic_key(form), found)

        countries = _as_upper_set(country_codes)
        types = _as_set(place_types)
        ranked: list[tuple[tuple[int, int, int, int], Place, str]] = []
        for row, match in found.items():
            place = self.gazetteer.place(row)
            if countries is not None and (place.country or "") not in countries:
                continue
            if types is not None and place.place_type not in types and place.feature not in types:
                continue
            order = (_MATCH_RANK[match], _type_rank(place), -place.population, row)
            ranked.append((order, place, match))
        ranked.sort(key=lambda item: item[0])
        return [(place, match) for _, place, match in ranked]

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        country_codes: str | Iterable[str] | None = None,
        place_types: str | Iterable[str] | None = None,
        language: str | None = None,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        """Return the place(s) a name stands for.

        Parameters
        ----------
        query:
            A place name in Arabic, English, French or another Latin spelling.
        exactly_one:
            Return the best :class:`~geopy.location.Location` (default) or a
            list of them, best first.
        limit:
            Most results returned when ``exactly_one`` is false (all when ``None``).
        country_codes:
            ISO alpha-2 code(s) to restrict the results to.
        place_types:
            Place type(s) or feature(s) to restrict the results to.
        language:
            ``"ar"`` puts the Arabic name, when known, in ``Location.address``.
        timeout:
            Ignored (no request is made); accepted like every geopy geocoder.

        Returns
        -------
        geopy.location.Location, list of Location or None
            ``None`` when nothing is found (an empty list is never returned).

        Raises
        ------
        geopy.exc.GeocoderQueryError
            When ``query`` is blank or not a string.
        ValueError
            When ``limit`` is less than 1.
        """
        limit = _check_limit(limit)
        found = self.candidates(query, country_codes=country_codes, place_types=place_types)
        if not found:
            return None
        locations = [
            Location(_address(place, language), (place.lat, place.lon), _raw(place, match))
            for place, match in (found[:1] if exactly_one else found[:limit])
        ]
        return locations[0] if exactly_one else locations

    def reverse(
        self,
        query: Any,
        *,
        exactly_one: bool = True,
        place_types: Sequence[str] = ("city",),
        language: str | None = None,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> Location | list[Location]:
        """Return the nearest gazetteer place to a point.

        Parameters
        ----------
        query:
            ``"lat, lon"``, ``(lat, lon)`` or a :class:`geopy.point.Point`.
        exactly_one:
            Return a Location (default) or a one-element list.
        place_types:
            Place types to search among (default: cities).
        language:
            ``"ar"`` puts the Arabic name, when known, in ``Location.address``.
        timeout:
            Ignored; accepted like every geopy geocoder.

        Returns
        -------
        geopy.location.Location or list of Location
            ``raw["distance_km"]`` is the great-circle distance to the place.

        Raises
        ------
        ValueError
            When ``query`` is not a valid coordinate pair.
        """
        point = _coerce_point(query)
        types = (place_types,) if isinstance(place_types, str) else tuple(place_types)
        row, distance = self.gazetteer.nearest(point.latitude, point.longitude, types=types)
        place = self.gazetteer.place(row)
        raw = _raw(place, "nearest")
        raw["distance_km"] = round(distance, 3)
        location = Location(_address(place, language), (place.lat, place.lon), raw)
        return location if exactly_one else [location]


# --------------------------------------------------------------------------- online


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
            adapter_factory=_NoNetworkAdapter,
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
        return getattr(self.wrapped, method)(query, **kwargs)

    def geocode(self, query: Any, **kwargs: Any) -> Any:
        """The wrapped geocoder's ``geocode``, throttled."""
        return self.limiter("geocode", query, kwargs)

    def reverse(self, query: Any, **kwargs: Any) -> Any:
        """The wrapped geocoder's ``reverse``, throttled."""
        return self.limiter("reverse", query, kwargs)


def _http_adapter_factory() -> Callable[..., Any] | None:
    """geopy's requests adapter, without urllib3's blocking Retry-After waits.

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
    return functools.partial(RequestsAdapter, max_retries=retry)


def geocoder_name(geocoder: Any) -> str:
    """A stable name for a geocoder: its ``name`` attribute, else ``class:domain``."""
    name = getattr(geocoder, "name", None)
    if isinstance(name, str) and name:
        return name
    base = type(geocoder).__name__.lower()
    domain = getattr(geocoder, "domain", None)
    return f"{base}:{domain}" if domain else base


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
) -> ThrottledGeocoder:
    """Build a throttled online geocoder.

    Parameters
    ----------
    kind:
        ``"nominatim"`` (OpenStreetMap's public server unless ``domain`` names a
        self-hosted one), ``"photon"`` or ``"pelias"`` (``domain`` required).
    user_agent:
        A real User-Agent naming your application (Nominatim's usage policy).
    domain:
        Host (and optional port and path prefix) of the service.
    scheme:
        ``"https"`` or ``"http"``.
    min_delay_seconds:
        Least time between two requests (the public Nominatim allows 1 per second).
    timeout:
        Seconds to wait for an answer before :class:`geopy.exc.GeocoderTimedOut`.
    proxies:
        geopy's ``proxies`` (default: the system's; ``{}`` for none).
    max_retries:
        Retries on service errors before giving up.
    clock, sleep:
        Injected into the rate limiter (see :class:`ThrottledGeocoder`).
    adapter_factory:
        geopy's HTTP adapter factory (default: requests without urllib3's
        Retry-After sleeps, see :func:`_http_adapter_factory`).

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
    kind = kind.strip().lower()
    if kind not in ONLINE_KINDS:
        raise ValueError(f"unknown online geocoder {kind!r}: choose one of {', '.join(ONLINE_KINDS)}")
    if not user_agent or not user_agent.strip():
        raise ValueError(
            f"the {kind} geocoder needs a user agent naming your application "
            "(e.g. 'geostory/1.0 (you@example.org)'); online geocoding is off until one is given"
        )
    common: dict[str, Any] = {
        "user_agent": user_agent.strip(),
        "scheme": scheme,
        "timeout": timeout,
        "proxies": proxies,
        "adapter_factory": adapter_factory or _http_adapter_factory(),
    }
    if kind == "nominatim":
        geocoder: Geocoder = Nominatim(domain=domain, **common) if domain else Nominatim(**common)
    elif kind == "photon":
        geocoder = Photon(domain=domain, **common) if domain else Photon(**common)
    else:
        if not domain:
            raise ValueError("the pelias geocoder needs the domain of a Pelias server")
        geocoder = Pelias(domain, **common)
    return ThrottledGeocoder(
        geocoder,
        name=f"{kind}:{geocoder.domain}",  # type: ignore[attr-defined]
        min_delay_seconds=min_delay_seconds,
        max_retries=max_retries,
        clock=clock,
        sleep=sleep,
    )


# --------------------------------------------------------------------------- cache


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/geostory/geocode.sqlite``, else ``~/.cache/geostory/geocode.sqlite``."""
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "geostory" / "geocode.sqlite"


_SCHEMA = """
CREATE TABLE IF NOT EXISTS lookups (
    geocoder TEXT NOT NULL,
    query TEXT NOT NULL,
    params TEXT NOT NULL,
    found INTEGER NOT NULL,
    stored_at REAL NOT NULL,
    PRIMARY KEY (geocoder, query, params)
);
CREATE TABLE IF NOT EXISTS locations (
    geocoder TEXT NOT NULL,
    query TEXT NOT NULL,
    params TEXT NOT NULL,
    rank INTEGER NOT NULL,
    address TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    raw TEXT NOT NULL,
    PRIMARY KEY (geocoder, query, params, rank)
);
"""
_KEY = "geocoder = ? AND query = ? AND params = ?"
_SQL_HAS = f"SELECT 1 FROM lookups WHERE {_KEY}"
_SQL_LOCATIONS = f"SELECT address, lat, lon, raw FROM locations WHERE {_KEY} ORDER BY rank"
_SQL_FORGET = f"DELETE FROM locations WHERE {_KEY}"
# Columns in table order: (geocoder, query, params, found, stored_at) and
# (geocoder, query, params, rank, address, lat, lon, raw).
_SQL_PUT_LOOKUP = "INSERT OR REPLACE INTO lookups VALUES (?, ?, ?, ?, ?)"
_SQL_PUT_LOCATION = "INSERT INTO locations VALUES (?, ?, ?, ?, ?, ?, ?, ?)"


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))


class GeocodeCache:
    """A persistent cache of geocoder answers in an SQLite file.

    Entries are keyed by (geocoder name, query, parameters) and hold the
    answer's locations (address, latitude, longitude and ``raw`` as JSON),
    or nothing for a negative answer, which is remembered too. Each write
    replaces an entry in one transaction. The file is opened on first use.

    Parameters
    ----------
    path:
        The SQLite file (default :func:`default_cache_path`); its folder is
        created when needed.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.path)!r})"

    def __enter__(self) -> GeocodeCache:
        return self

    def __exit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        self.close()

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        """The open connection, under the lock; sqlite errors become GeocodeCacheError."""
        with self._lock:
            try:
                if self._conn is None:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    conn = sqlite3.connect(str(self.path), timeout=30.0, check_same_thread=False)
                    conn.isolation_level = None  # transactions are explicit
                    conn.executescript(_SCHEMA)
                    self._conn = conn
                yield self._conn
            except (sqlite3.Error, OSError) as exc:
                raise GeocodeCacheError(f"cannot use the geocode cache {self.path}: {exc}") from exc

    def close(self) -> None:
        """Close the file (it reopens on next use)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    @staticmethod
    def key(geocoder: str, query: Any, params: _Params = None) -> tuple[str, str, str]:
        """The (geocoder, query, params) key of an entry, as stored."""
        text = query if isinstance(query, str) else _canonical(query)
        return geocoder, text, _canonical(dict(params or {}))

    def get(self, geocoder: str, query: Any, params: _Params = None) -> list[Location] | None:
        """The cached answer: ``None`` when not cached, ``[]`` for a cached negative answer.

        Parameters
        ----------
        geocoder, query, params:
            The entry's key (see :meth:`key`).

        Returns
        -------
        list of Location or None
        """
        key = self.key(geocoder, query, params)
        with self._db() as conn:
            if conn.execute(_SQL_HAS, key).fetchone() is None:
                return None
            rows = conn.execute(_SQL_LOCATIONS, key).fetchall()
        return [Location(address, (lat, lon), json.loads(raw)) for address, lat, lon, raw in rows]

    def put(
        self,
        geocoder: str,
        query: Any,
        params: _Params,
        locations: Sequence[Location],
    ) -> None:
        """Store an answer (an empty ``locations`` stores a negative one), replacing any older one."""
        key = self.key(geocoder, query, params)
        rows = [
            (*key, rank, loc.address or "", float(loc.latitude), float(loc.longitude), _canonical(loc.raw))
            for rank, loc in enumerate(locations)
        ]
        with self._db() as conn, _transaction(conn):
            conn.execute(_SQL_FORGET, key)
            conn.execute(_SQL_PUT_LOOKUP, (*key, len(rows), time.time()))
            conn.executemany(_SQL_PUT_LOCATION, rows)

    def clear(self) -> None:
        """Forget every entry."""
        with self._db() as conn, _transaction(conn):
            conn.execute("DELETE FROM locations")
            conn.execute("DELETE FROM lookups")

    def __len__(self) -> int:
        with self._db() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM lookups").fetchone()[0])


# --------------------------------------------------------------------------- chain


def _accepted_kwargs(geocoder: Any, method: str, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """The subset of ``kwargs`` the geocoder's ``method`` accepts (all if it takes ``**kwargs``)."""
    target = getattr(getattr(geocoder, "wrapped", geocoder), method)
    try:
        parameters = inspect.signature(target).parameters.values()
    except (TypeError, ValueError):
        return dict(kwargs)
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return dict(kwargs)
    names = {p.name for p in parameters}
    return {k: v for k, v in kwargs.items() if k in names}


def _as_list(answer: Any) -> list[Location]:
    if answer is None:
        return []
    if isinstance(answer, Location):
        return [answer]
    return list(answer)


def _from_list(locations: list[Location], exactly_one: bool) -> Location | list[Location] | None:
    if not locations:
        return None
    return locations[0] if exactly_one else locations


def _all_failed(method: str, query: Any, errors: _Failures) -> GeocoderServiceError:
    """The error raised when every geocoder failed: the last one's class, every message."""
    last = errors[-1][1]
    summary = "; ".join(f"{name}: {exc}" for name, exc in errors)
    message = f"every geocoder failed to {method} {query!r}: {summary}"
    try:
        return type(last)(message)
    except TypeError:
        return GeocoderServiceError(message)


class ChainedGeocoder(Geocoder):
    """Try geocoders in order and return the first answer.

    Parameters
    ----------
    geocoders:
        Typically an :class:`OfflineGeocoder` then online ones.
    cache:
        Where online answers (positive and negative) are remembered; the
        offline geocoder is never cached (the gazetteer may change).

    Attributes
    ----------
    errors:
        ``{query: [(geocoder name, error message), ...]}`` for every query
        some geocoder failed on, like geopandas' per-row failures.
    last_errors:
        The ``(geocoder name, error message)`` pairs of the latest query.

    Notes
    -----
    A geocoder that fails with a :class:`geopy.exc.GeocoderServiceError`
    (time-out, unavailable, rate limit, parse error…) is recorded and the
    next is tried. Only when every geocoder failed and none answered is an
    error raised: of the last failure's class, ``from`` the last failure.
    Keyword arguments a geocoder's method does not accept (``place_types``
    for Nominatim, ``country_codes`` for Photon) are dropped for it.
    """

    name = "chain"

    def __init__(self, geocoders: Sequence[Geocoder], *, cache: GeocodeCache | None = None) -> None:
        _init_without_network(self)
        if not geocoders:
            raise ValueError("a geocoder chain needs at least one geocoder")
        self.geocoders: tuple[Geocoder, ...] = tuple(geocoders)
        self.cache = cache
        self.errors: dict[str, list[tuple[str, str]]] = {}
        self.last_errors: list[tuple[str, str]] = []

    def __repr__(self) -> str:
        names = ", ".join(geocoder_name(g) for g in self.geocoders)
        return f"{type(self).__name__}([{names}], cache={self.cache!r})"

    def _ask(self, geocoder: Geocoder, method: str, query: Any, kwargs: dict[str, Any]) -> list[Location]:
        """One geocoder's answer as a list, through the cache when it is an online one."""
        kw = _accepted_kwargs(geocoder, method, kwargs)
        cached = self.cache is not None and not isinstance(geocoder, OfflineGeocoder)
        key_params = {k: v for k, v in kw.items() if k != "timeout"}
        if method != "geocode":
            key_params["_method"] = method
        name = geocoder_name(geocoder)
        if cached:
            hit = self.cache.get(name, query, key_params)  # type: ignore[union-attr]
            if hit is not None:
                return hit
        answer = _as_list(getattr(geocoder, method)(query, **kw))
        if cached:
            self.cache.put(name, query, key_params, answer)  # type: ignore[union-attr]
        return answer

    def _run(self, method: str, query: Any, kwargs: dict[str, Any]) -> Location | list[Location] | None:
        exactly_one = bool(kwargs.get("exactly_one", True))
        record = query if isinstance(query, str) else _canonical(query)
        failures: _Failures = []
        self.last_errors = []
        try:
            for geocoder in self.geocoders:
                name = geocoder_name(geocoder)
                try:
                    answer = self._ask(geocoder, method, query, kwargs)
                except GeocoderServiceError as exc:
                    failures.append((name, exc))
                    self.last_errors.append((name, f"{type(exc).__name__}: {exc}"))
                    continue
                if answer:
                    return _from_list(answer, exactly_one)
        finally:
            if self.last_errors:
                self.errors.setdefault(record, []).extend(self.last_errors)
        if failures and len(failures) == len(self.geocoders):
            raise _all_failed(method, query, failures) from failures[-1][1]
        return None

    def geocode(self, query: Any, **kwargs: Any) -> Location | list[Location] | None:
        """Geocode with each geocoder in turn; the first answer wins.

        Parameters
        ----------
        query:
            The place name.
        **kwargs:
            geopy keyword arguments (``exactly_one``, ``limit``,
            ``country_codes``, ``language``, ``timeout``…), passed to each
            geocoder that accepts them.

        Returns
        -------
        geopy.location.Location, list of Location or None

        Raises
        ------
        geopy.exc.GeocoderQueryError
            When ``query`` is blank.
        geopy.exc.GeocoderServiceError
            When every geocoder failed (the last failure's class).
        """
        if query is None or (isinstance(query, str) and not query.strip()):
            raise GeocoderQueryError("empty query: give a place name")
        return self._run("geocode", query.strip() if isinstance(query, str) else query, kwargs)

    def reverse(self, query: Any, **kwargs: Any) -> Location | list[Location] | None:
        """Reverse-geocode with each geocoder in turn (see :meth:`geocode`).

        Raises
        ------
        ValueError
            When ``query`` is not a valid coordinate pair.
        """
        point = _coerce_point(query)
        return self._run("reverse", f"{point.latitude:.7f},{point.longitude:.7f}", kwargs)


# --------------------------------------------------------------------------- settings


def geocoder_from_settings(
    *,
    online: Sequence[str] = (),
    user_agent: str | None = None,
    domain: str | Mapping[str, str] | None = None,
    cache_path: str | os.PathLike[str] | None = None,
    gazetteer: Gazetteer | None = None,
) -> Geocoder:
    """The geocoder the settings ask for: offline alone unless online services are named.

    Parameters
    ----------
    online:
        Online services to fall back on, in order (``"nominatim"``,
        ``"photon"``, ``"pelias"``); empty (the default) keeps everything offline.
    user_agent:
        Required as soon as ``online`` is not empty.
    domain:
        A domain for every online service, or ``{kind: domain}``.
    cache_path:
        The SQLite file of the online answers (default :func:`default_cache_path`).
    gazetteer:
        The gazetteer of the offline geocoder (loaded lazily when ``None``).

    Returns
    -------
    geopy.geocoders.base.Geocoder
        An :class:`OfflineGeocoder`, or a :class:`ChainedGeocoder` of it and
        the online ones with a :class:`GeocodeCache`.

    Raises
    ------
    ValueError
        When an online service is asked for without a user agent, is unknown,
        or (Pelias) lacks a domain.
    """
    offline = OfflineGeocoder(gazetteer)
    kinds = [online] if isinstance(online, str) else list(online)
    if not kinds:
        return offline
    if not user_agent or not user_agent.strip():
        raise ValueError(
            f"online geocoding ({', '.join(kinds)}) needs a user agent naming your application, "
            "e.g. user_agent='geostory/1.0 (you@example.org)'"
        )
    online_geocoders: list[Geocoder] = []
    for kind in kinds:
        where = domain.get(kind) if isinstance(domain, Mapping) else domain
        online_geocoders.append(make_online_geocoder(kind, user_agent=user_agent, domain=where))
    return ChainedGeocoder([offline, *online_geocoders], cache=GeocodeCache(cache_path))
