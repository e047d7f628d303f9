"""Online look-up of the names the gazetteer cannot place: new places for roles, stops and every output.

When a geocoder is given (``geo build DIR --out OUT --geocoder nominatim``),
:func:`place_unplaced` asks it about each name of an article that
:func:`~geo.places.unplaced.find_unplaced` marks as a place nobody placed (a
trigger noun or a preposition of place before it), once per name, and turns
each answer into a :class:`~geo.model.Place` (id ``online:<service>:<id>``)
and a :class:`~geo.model.Resolution` of a new ``online`` mention, so that the
rest of the pipeline handles it like any other place. Only the online members
of a :class:`~geo.places.geocoders.chain.ChainedGeocoder` are asked (the
gazetteer already had its say), through their rate limiter and cache.

A failure (time-out, server error, malformed answer, unusable cache) never
stops a build: it is recorded (:class:`LookupRecord`) and the name stays
unplaced; a corrupt cache entry is set aside and the service asked again
(recorded in the record's ``note``). :func:`lookup_summary` says in one line
how it went.

An answer is untrusted text from the network: its names are stripped of
control and bidirectional formatting characters and cut to
:data:`MAX_NAME_CHARS`; its feature and its OpenStreetMap or Pelias id are
kept only when they look like one (else the id is the rounded point); an
answer without a point on the globe is a failure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from geopy.exc import GeocoderServiceError
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo.model import Article, MatchKind, Mention, Place, PlaceType, Resolution, Trigger, WordFrequencies
from geo.places.distances import haversine_km, place_uncertainty_km
from geo.places.geocoders import ChainedGeocoder, GeocodeCacheError, OfflineGeocoder, geocoder_name
from geo.places.geocoders.base import on_the_globe
from geo.places.geocoders.chain import CACHE_NAME, online_members
from geo.places.lexicon import Lexicon
from geo.places.unplaced import UnplacedName, find_unplaced
from geo.settings import LookupSettings, RecognitionSettings, UncertaintySettings
from geo.text.folding import is_arabic, name_key

__all__ = [
    "MAX_FEATURE_CHARS",
    "MAX_NAME_CHARS",
    "LookupOutcome",
    "LookupRecord",
    "LookupResult",
    "lookup_counts",
    "lookup_summary",
    "place_from_location",
    "place_unplaced",
]


class LookupOutcome(StrEnum):
    """What one look-up gave: a place, no answer, or a failure."""

    PLACED = "placed"
    NOT_FOUND = "not found"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class LookupRecord:
    """One name of one article asked about, and what came of it.

    ``error`` says why a look-up failed; ``note`` what went wrong on the way
    without failing it (a corrupt cache entry set aside).
    """

    article: str
    query: str
    outcome: LookupOutcome
    place_id: str | None = None
    error: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class LookupResult:
    """An article's mentions and resolutions with the online ones added, and the look-ups made."""

    mentions: tuple[Mention, ...]
    resolutions: tuple[Resolution, ...]
    records: tuple[LookupRecord, ...]


# -------------------------------------------------------------------------- answers to places

#: OpenStreetMap types (Nominatim ``type``/``addresstype``, Photon ``osm_value``/``type``) and Pelias layers.
_TYPE_OF_VALUE: dict[str, PlaceType] = {
    **dict.fromkeys(("country", "dependency"), PlaceType.COUNTRY),
    **dict.fromkeys(
        ("state", "region", "province", "county", "macroregion", "macrocounty", "state_district"), PlaceType.REGION
    ),
    **dict.fromkeys(
        ("city", "town", "village", "hamlet", "suburb", "locality", "localadmin", "borough", "neighbourhood",
         "municipality", "quarter", "isolated_dwelling", "district"),
        PlaceType.CITY,
    ),  # fmt: skip
    **dict.fromkeys(("island", "islet", "archipelago"), PlaceType.ISLAND),
    **dict.fromkeys(
        ("sea", "ocean", "bay", "strait", "water", "river", "lake", "marinearea", "canal"), PlaceType.WATER
    ),
    **dict.fromkeys(("aerodrome", "airport", "station", "harbour", "port", "venue", "address"), PlaceType.FACILITY),
}
#: OpenStreetMap classes (Nominatim ``class``, Photon ``osm_key``) whose type is not in the table above.
_TYPE_OF_CLASS: dict[str, PlaceType] = {
    "boundary": PlaceType.REGION,
    "waterway": PlaceType.WATER,
    **dict.fromkeys(
        ("aeroway", "railway", "military", "man_made", "amenity", "building", "industrial", "landuse", "highway",
         "tourism", "historic", "office", "leisure"),
        PlaceType.FACILITY,
    ),  # fmt: skip
}
_OSM_TYPES = {"n": "node", "w": "way", "r": "relation", "node": "node", "way": "way", "relation": "relation"}

#: The longest name kept from an answer (the longest place names run to a few dozen characters).
MAX_NAME_CHARS = 200
#: The longest feature kept from an answer (OpenStreetMap's values are single words: "isolated_dwelling").
MAX_FEATURE_CHARS = 40
_OSM_ID = re.compile(r"[0-9]{1,20}")
_GID = re.compile(r"[A-Za-z0-9:._/-]{1,100}")  # Pelias: "whosonfirst:locality:101"
_FEATURE = re.compile(rf"[a-z0-9_:.-]{{1,{MAX_FEATURE_CHARS}}}")
_COUNTRY = re.compile(r"[A-Za-z]{2}")
#: Bidirectional formatting characters (marks, embeddings, overrides, isolates): dropped from names.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: C0 and C1 controls, DEL, line and paragraph separators: a space in names.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _clean(value: Any) -> str:
    """An answer's name as plain one-line text of at most :data:`MAX_NAME_CHARS` (``""`` when not text)."""
    if not isinstance(value, str):
        return ""
    text = " ".join(_CONTROL.sub(" ", _BIDI.sub("", value)).split())
    return text[:MAX_NAME_CHARS].rstrip()


def _properties(raw: Any) -> dict[str, Any]:
    """The answer's fields: a GeoJSON feature's properties (Photon, Pelias), else the record itself (Nominatim)."""
    if not isinstance(raw, Mapping):
        return {}
    props = raw.get("properties")
    return dict(props) if isinstance(props, Mapping) else dict(raw)


def _stable_id(props: Mapping[str, Any], lat: float, lon: float) -> str:
    """OpenStreetMap's ``type/id``, else Pelias' ``gid``, else the point to four decimals (about 10 m)."""
    osm_type = _OSM_TYPES.get(str(props.get("osm_type", "")).lower())
    osm_id = props.get("osm_id")
    if osm_type and isinstance(osm_id, int | str) and not isinstance(osm_id, bool) and _OSM_ID.fullmatch(str(osm_id)):
        return f"{osm_type}/{osm_id}"
    gid = props.get("gid")
    if isinstance(gid, str) and _GID.fullmatch(gid.strip()):
        return gid.strip()
    return f"{lat:.4f},{lon:.4f}"


def _answer_type(props: Mapping[str, Any], trigger: Trigger | None) -> tuple[PlaceType, str]:
    """The place type and finer feature: from the answer's type or class, else the trigger noun, else a city."""
    values = [props.get(k) for k in ("addresstype", "type", "osm_value", "layer")]
    for value in values:
        if isinstance(value, str) and value.lower() in _TYPE_OF_VALUE:
            return _TYPE_OF_VALUE[value.lower()], value.lower()
    feature = next((v.lower() for v in values if isinstance(v, str) and _FEATURE.fullmatch(v.lower())), "")
    for key in ("class", "category", "osm_key"):
        value = props.get(key)
        if isinstance(value, str) and value.lower() in _TYPE_OF_CLASS:
            return _TYPE_OF_CLASS[value.lower()], feature or value.lower()
    if trigger is not None:
        return trigger.place_type, str(trigger)
    return PlaceType.CITY, feature


def _country(props: Mapping[str, Any]) -> str | None:
    address = props.get("address")
    candidates = [
        props.get("country_code"),
        props.get("countrycode"),
        address.get("country_code") if isinstance(address, Mapping) else None,
    ]
    code = next((c for c in candidates if isinstance(c, str) and _COUNTRY.fullmatch(c.strip())), None)
    return code.strip().upper() if code else None


def _names(props: Mapping[str, Any], location: Location, query: str) -> tuple[str, str | None]:
    """``(name, Arabic name)``: English or the local name first; the Arabic one, or the query when it is Arabic.

    Each is cleaned (:func:`_clean`); the query is the article's own text.
    """
    details = props.get("namedetails")
    details = details if isinstance(details, Mapping) else {}
    head = (location.address if isinstance(location.address, str) else "").split(",")[0]
    latin = (_clean(n) for n in (details.get("name:en"), props.get("name"), details.get("name"), head))
    name = next((n for n in latin if n), query)
    arabic = _clean(details.get("name:ar"))
    if arabic:
        return name, arabic
    return name, query if is_arabic(query) else (name if is_arabic(name) else None)


def _bbox_km(raw: Any, props: Mapping[str, Any]) -> float | None:
    """Half the diagonal of the answer's bounding box, in km (``None`` without one)."""
    box: Any = props.get("boundingbox")  # Nominatim: south, north, west, east
    order = (0, 2, 1, 3)
    if box is None:
        box, order = props.get("extent"), (3, 0, 1, 2)  # Photon: west, north, east, south
    if box is None and isinstance(raw, Mapping):
        box, order = raw.get("bbox"), (1, 0, 3, 2)  # Pelias (GeoJSON): west, south, east, north
    try:
        south, west, north, east = (float(box[i]) for i in order)  # type: ignore[index]
    except (TypeError, ValueError, IndexError, KeyError):
        return None
    if not all(on_the_globe(lat, lon) for lat, lon in ((south, west), (north, east))):
        return None
    return round(haversine_km(south, west, north, east) / 2, 1)



def place_from_location(
    location: Location,
    *,
    service: str,
    query: str,
    trigger: Trigger | None = None,
    uncertainty: UncertaintySettings | None = None,
) -> tuple[Place, float]:
    """A place of an online geocoder's answer, and how far from its point it may lie (km).

    Parameters
    ----------
    location:
        The answer (its ``raw`` as Nominatim, Photon or Pelias gives it).
    service:
        The geocoder's name (``"nominatim:nominatim.openstreetmap.org"``); its
        first part names the id's service.
    query:
        The name asked about.
    trigger:
        The trigger noun's hint before the name, when the answer gives no type.
    uncertainty:
        The uncertainty of each type, when the answer gives no larger bounding box.

    Returns
    -------
    tuple of (Place, float)
        The place (id ``online:<service>:<osm_type/osm_id | gid | lat,lon>``) and
        its uncertainty: half its bounding box's diagonal, at least its type's.

    Raises
    ------
    ValueError
        When the answer's point is not on the globe (not finite, or beyond ±90° or ±180°).
    """
    props = _properties(location.raw)
    lat, lon = round(float(location.latitude), 6), round(float(location.longitude), 6)
    if not on_the_globe(lat, lon):
        raise ValueError(f"malformed answer: no point on the globe ({lat}, {lon})")
    place_type, feature = _answer_type(props, trigger)
    name, name_ar = _names(props, location, query)
    place = Place(
        id=f"online:{service.split(':')[0]}:{_stable_id(props, lat, lon)}",
        name=name,
        name_ar=name_ar,
        lat=lat,
        lon=lon,
        place_type=place_type,
        feature=feature,
        country=_country(props),
        source=f"online geocoder {service}, asked «{query}»",
    )
    least = place_uncertainty_km(place, settings=uncertainty or UncertaintySettings())
    return place, max(least, _bbox_km(location.raw, props) or 0.0)


# -------------------------------------------------------------------------- look-ups


def _online_part(geocoder: Geocoder) -> ChainedGeocoder | None:
    """What to ask: a chain's online members (with its cache), or the geocoder itself unless it is offline."""
    if isinstance(geocoder, OfflineGeocoder):
        return None
    if isinstance(geocoder, ChainedGeocoder):
        online = online_members(geocoder)
        return ChainedGeocoder(list(online), cache=geocoder.cache) if online else None
    return ChainedGeocoder([geocoder])  # a chain drops the keywords a geocoder does not take


def _service(chain: ChainedGeocoder) -> str:
    return ", ".join(geocoder_name(g) for g in chain.geocoders)


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"


def _ask(
    geocoder: ChainedGeocoder, *, article: str, name: UnplacedName, service: str, uncertainty: UncertaintySettings
) -> tuple[tuple[Place, float] | None, LookupRecord]:
    """One look-up: the place of the answer and its uncertainty (``None`` for none), and its record."""
    placed, error = None, ""
    try:
        answer = geocoder.geocode(name.query, exactly_one=True, addressdetails=True, namedetails=True)
    except (GeocoderServiceError, GeocodeCacheError) as exc:
        answer, error = None, _one_line(exc)
    if isinstance(answer, Location):
        try:
            placed = place_from_location(
                answer, service=service, query=name.query, trigger=name.trigger, uncertainty=uncertainty
            )
        except ValueError as exc:  # no point on the globe
            error = _one_line(exc)
    note = "; ".join(" ".join(message.split()) for who, message in geocoder.last_errors if who == CACHE_NAME)
    outcome = LookupOutcome.FAILED if error else LookupOutcome.PLACED if placed else LookupOutcome.NOT_FOUND
    record = LookupRecord(article, name.query, outcome, placed[0].id if placed else None, error, note)
    return placed, record


def _mention(article: Article, name: UnplacedName) -> Mention:
    return Mention(
        article=article.name,
        start=name.start,
        end=name.end,
        text=name.text,
        sentence=name.sentence,
        match=MatchKind.ONLINE,
        candidates=(),
        trigger=name.trigger,
        cue=name.cue,
    )


def _look_up(
    article: Article,
    *,
    names: Iterable[UnplacedName],
    geocoder: ChainedGeocoder,
    settings: LookupSettings,
    uncertainty: UncertaintySettings,
) -> tuple[list[Mention], list[Resolution], list[LookupRecord]]:
    """Ask about each distinct name once; every span of a placed name becomes a resolved mention."""
    service = _service(geocoder)
    answers: dict[str, tuple[Place, float] | None] = {}
    mentions: list[Mention] = []
    resolutions: list[Resolution] = []
    records: list[LookupRecord] = []
    for name in names:
        key = name_key(name.query)
        if key not in answers:
            answers[key], record = _ask(
                geocoder, article=article.name, name=name, service=service, uncertainty=uncertainty
            )
            records.append(record)
        placed = answers[key]
        if placed is None:
            continue
        mention = _mention(article, name)
        reason = f"not in the gazetteer; placed by {service} («{name.query}»)"
        mentions.append(mention)
        resolutions.append(Resolution(mention, placed[0], settings.confidence, placed[1], reason=reason))
    return mentions, resolutions, records


def place_unplaced(
    article: Article,
    *,
    mentions: Sequence[Mention],
    resolutions: Sequence[Resolution],
    geocoder: Geocoder,
    frequencies: WordFrequencies,
    lexicon: Lexicon | None = None,
    recognition: RecognitionSettings | None = None,
    settings: LookupSettings | None = None,
    uncertainty: UncertaintySettings | None = None,
) -> LookupResult:
    """Ask an online geocoder about the names of an article nothing placed, and place those it knows.

    Parameters
    ----------
    article:
        The article.
    mentions, resolutions:
        What recognition found and resolution placed (neither is changed).
    geocoder:
        A geopy geocoder; of a :class:`~geo.places.geocoders.chain.ChainedGeocoder`
        only the online members are asked (with the chain's cache).
    frequencies:
        How common a word is (the gazetteer's ``zipf``): common words are never asked about.
    lexicon, recognition:
        Word lists and recognition settings for :func:`~geo.places.unplaced.find_unplaced`.
    settings:
        Look-up settings (the confidence of an online answer; how many function words may stand
        between a trigger noun and its name).
    uncertainty:
        The uncertainty of each place type, when an answer gives no larger bounding box.

    Returns
    -------
    LookupResult
        The mentions and resolutions, with one ``online`` mention and resolution
        per span of a placed name, in text order; and one record per name asked about.
    """
    online = _online_part(geocoder)
    if online is None:
        return LookupResult(tuple(mentions), tuple(resolutions), ())
    settings = settings or LookupSettings()
    names = find_unplaced(
        article,
        mentions=mentions,
        resolutions=resolutions,
        frequencies=frequencies,
        lexicon=lexicon,
        settings=recognition,
        lookup=settings,
    )
    new_mentions, new_resolutions, records = _look_up(
        article, names=names, geocoder=online, settings=settings, uncertainty=uncertainty or UncertaintySettings()
    )
    return LookupResult(
        mentions=tuple(sorted([*mentions, *new_mentions], key=lambda m: (m.start, m.end))),
        resolutions=tuple(sorted([*resolutions, *new_resolutions], key=lambda r: (r.mention.start, r.mention.end))),
        records=tuple(records),
    )


def lookup_counts(records: Iterable[LookupRecord]) -> tuple[int, int, int]:
    """How many names were looked up, placed and failed."""
    records = list(records)
    placed = sum(r.outcome == LookupOutcome.PLACED for r in records)
    failed = sum(r.outcome == LookupOutcome.FAILED for r in records)
    return len(records), placed, failed


def lookup_summary(records: Iterable[LookupRecord]) -> str:
    """One line: ``online geocoder: N names looked up, M placed, K failed`` (and any notes, counted)."""
    records = list(records)
    total, placed, failed = lookup_counts(records)
    line = f"online geocoder: {total} names looked up, {placed} placed, {failed} failed"
    noted = sum(bool(r.note) for r in records)
    return f"{line} ({noted} with a corrupt cache entry set aside)" if noted else line
