"""A chain of geocoders: the first answer wins, each failure is recorded, online answers are cached.

:class:`ChainedGeocoder` tries its geocoders in order (typically the offline
one, then an online one), records each service's failure per query and goes
on, and remembers the online answers in a
:class:`~geo.places.geocoders.cache.GeocodeCache`. A cached answer that
cannot be read back is set aside (recorded like a failure, under the name
``cache``): the service is asked again and its answer replaces the entry.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from typing import Any

from geopy.exc import GeocoderQueryError, GeocoderServiceError
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo.places.geocoders.base import canonical_json, coerce_point, geocoder_name, init_without_network
from geo.places.geocoders.cache import CorruptCacheEntry, GeocodeCache
from geo.places.geocoders.offline import OfflineGeocoder

__all__ = ["CACHE_NAME", "ChainedGeocoder", "online_members"]

#: The name under which a set-aside cache entry is recorded in :attr:`ChainedGeocoder.errors`.
CACHE_NAME = "cache"

_Failures = list[tuple[str, GeocoderServiceError]]


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


def online_members(geocoder: Any) -> tuple[Geocoder, ...]:
    """The online geocoders of a chain (none for the offline geocoder or anything that is not a chain)."""
    if not isinstance(geocoder, ChainedGeocoder):
        return ()
    return tuple(g for g in geocoder.geocoders if not isinstance(g, OfflineGeocoder))


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
        some geocoder failed on, like geopandas' per-row failures; a cached
        answer set aside as corrupt is recorded under :data:`CACHE_NAME`.
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
        init_without_network(self)
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
            try:
                hit = self.cache.get(name, query, key_params)  # type: ignore[union-attr]
            except CorruptCacheEntry as exc:  # set aside: asked again, and the answer replaces it
                self.last_errors.append((CACHE_NAME, f"{type(exc).__name__}: {exc}"))
                hit = None
            if hit is not None:
                return hit
        answer = _as_list(getattr(geocoder, method)(query, **kw))
        if cached:
            self.cache.put(name, query, key_params, answer)  # type: ignore[union-attr]
        return answer

    def _run(self, method: str, query: Any, kwargs: dict[str, Any]) -> Location | list[Location] | None:
        exactly_one = bool(kwargs.get("exactly_one", True))
        record = query if isinstance(query, str) else canonical_json(query)
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
        point = coerce_point(query)
        return self._run("reverse", f"{point.latitude:.7f},{point.longitude:.7f}", kwargs)
