"""A geopy geocoder over the offline gazetteer: it never opens a socket.

:class:`OfflineGeocoder` answers ``geocode`` and ``reverse`` the way any
:class:`geopy.geocoders.base.Geocoder` does (a :class:`geopy.location.Location`,
a list of them with ``exactly_one=False``, ``None`` when nothing is found),
from the compiled gazetteer alone.

Example
-------
>>> from geo.places.geocoders import OfflineGeocoder
>>> location = OfflineGeocoder().geocode("بالقاهرة")  # doctest: +SKIP
>>> location.address, location.raw["match"]  # doctest: +SKIP
('Cairo, EG', 'clitic')
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from geopy.exc import GeocoderQueryError
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from geo.model import MatchKind, PlaceType
from geo.places.gazetteer import ADJECTIVE, LATIN, PRIMARY, load_gazetteer
from geo.places.geocoders.base import coerce_point, init_without_network
from geo.places.lexicon import clitic_forms
from geo.places.phonetic import arabic_key, phonetic_key
from geo.settings import LookupSettings, RecognitionSettings
from geo.text.folding import gemination_key, is_arabic, name_key

if TYPE_CHECKING:
    from geo.model import Place
    from geo.places.gazetteer import Gazetteer

__all__ = ["OfflineGeocoder"]

_MATCH_RANK = {MatchKind.EXACT: 0, MatchKind.CLITIC: 1, MatchKind.PHONETIC: 2}


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


def _type_rank(place: Place, *, capital_min_population: int) -> int:
    """Place type prior: country, then capital (of some size), then other cities, then the rest.

    A capital of fewer than ``capital_min_population`` people (Hamilton,
    Bermuda) does not outrank a larger namesake (Hamilton, Ontario).
    """
    if place.place_type == PlaceType.COUNTRY:
        return 0
    if place.place_type == PlaceType.CITY:
        major_capital = place.feature == "capital" and place.population >= capital_min_population
        return 1 if major_capital else 2
    return 3


def _address(place: Place, language: str | None) -> str:
    name = place.name_ar if language == "ar" and place.name_ar else place.name
    if place.country and place.place_type != PlaceType.COUNTRY:
        return f"{name}, {place.country}"
    return name


def _raw(place: Place, match: str) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "name_ar": place.name_ar,
        "place_type": str(place.place_type),  # raw answers hold plain JSON values, as geopy's online ones do
        "feature": place.feature,
        "country": place.country,
        "admin1": place.admin1,
        "population": place.population,
        "source": place.source,
        "match": str(match),
    }


class OfflineGeocoder(Geocoder):
    """Geocode place names with the offline gazetteer, following geopy's conventions.

    Parameters
    ----------
    gazetteer:
        A loaded :class:`~geo.places.gazetteer.Gazetteer`; when ``None`` it is loaded
        with :func:`~geo.places.gazetteer.load_gazetteer` on first use.
    timeout:
        Accepted for geopy compatibility; no request is ever made.
    recognition:
        Its ``min_phonetic_key``: the fewest consonant classes of a key looked
        up phonetically (default :class:`~geo.settings.RecognitionSettings`).
    settings:
        Its ``capital_min_population``: how populous a capital must be to
        outrank its namesakes (default :class:`~geo.settings.LookupSettings`).

    Notes
    -----
    A query is folded with :func:`~geo.text.folding.name_key`. Candidates come
    from three kinds of match, best first: the exact key; for Arabic, the key
    with proclitics stripped (:func:`~geo.places.lexicon.clitic_forms`: «بالقاهرة» →
    «القاهرة»); and the consonant key (:func:`~geo.places.phonetic.phonetic_key`) when
    it has at least ``min_phonetic_key`` classes, which finds Latin-only
    GeoNames places from an Arabic transliteration. Within a kind, countries
    come first, then capitals, then other cities by population, then
    regions, facilities, islands and waters; then population decides.

    ``Location.address`` is ``"Name, CC"`` (a country's is its name alone);
    ``Location.raw`` holds the place's fields (``id``, ``name``, ``name_ar``,
    ``place_type``, ``feature``, ``country``, ``admin1``, ``population``,
    ``source``) and ``match`` (``exact``, ``clitic`` or ``phonetic``).
    """

    name = "offline"

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        timeout: float | None = None,
        recognition: RecognitionSettings | None = None,
        settings: LookupSettings | None = None,
    ) -> None:
        init_without_network(self, timeout=timeout)
        self.min_phonetic_key = (recognition or RecognitionSettings()).min_phonetic_key
        self.capital_min_population = (settings or LookupSettings()).capital_min_population
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
                name_ar = self.gazetteer.own_arabic(hit.row)
                if not name_ar or name_key(name_ar) != key:
                    continue
            found.setdefault(hit.row, match)

    def _doubled_otherwise(self, query: str, key: str) -> frozenset[int]:
        """The places whose every name of key ``key`` written with harakat doubles other letters than ``query``
        does («عمّان»: Oman, «عُمان»); none when ``query`` is written bare (see
        :func:`~geo.text.folding.gemination_key`)."""
        doubled = gemination_key(query)
        if doubled is None:
            return frozenset()
        return frozenset(row for row, written in self.gazetteer.written_doubling(key).items() if doubled not in written)

    def _phonetic_hits(self, key: str, found: dict[int, str]) -> None:
        if len(key) >= self.min_phonetic_key:
            for hit in self.gazetteer.lookup_phonetic(key):
                found.setdefault(hit.row, MatchKind.PHONETIC)

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
        self._hits(key, MatchKind.EXACT, found)
        forms = [form for _, form in clitic_forms(key)] if is_arabic(key) else []
        for form in forms:
            self._hits(form, MatchKind.CLITIC, found)
        self._phonetic_hits(phonetic_key(query), found)
        for form in forms:
            self._phonetic_hits(arabic_key(form), found)

        countries = _as_upper_set(country_codes)
        types = _as_set(place_types)
        ranked: list[tuple[tuple[int, int, int, int], Place, str]] = []
        otherwise = self._doubled_otherwise(query, key)  # «عمّان» is not Oman («عُمان»)
        for row, match in found.items():
            if row in otherwise:
                continue
            place = self.gazetteer.place(row)
            if countries is not None and (place.country or "") not in countries:
                continue
            if types is not None and place.place_type not in types and place.feature not in types:
                continue
            rank = _type_rank(place, capital_min_population=self.capital_min_population)
            order = (_MATCH_RANK[match], rank, -place.population, row)
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
        place_types: Sequence[str] = (PlaceType.CITY,),
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
        point = coerce_point(query)
        types = (place_types,) if isinstance(place_types, str) else tuple(place_types)
        row, distance = self.gazetteer.nearest(point.latitude, point.longitude, types=types)
        place = self.gazetteer.place(row)
        raw = _raw(place, "nearest")
        raw["distance_km"] = round(distance, 3)
        location = Location(_address(place, language), (place.lat, place.lon), raw)
        return location if exactly_one else [location]
