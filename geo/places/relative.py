"""Relative locations: "60 km south-west of X", «على بعد 60 كيلومترا جنوب غرب X».

:func:`find_relative` reads the distance, unit and compass direction before
a mention and returns a new ``relative`` mention that keeps the anchor's
candidates; :func:`offset_point` walks the geodesic from the resolved anchor
(WGS84, with :mod:`geographiclib` as :mod:`geopy.distance` uses it), and :func:`uncertainty_km` sizes the circle the
place should lie in.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache
from itertools import repeat

import yaml
from geographiclib.geodesic import Geodesic

from geo.model import POINT_TYPES, Article, MatchKind, Mention, Place, PlaceType, Resolution, Trigger
from geo.places.gazetteer_sources import DATA_DIR
from geo.places.lexicon import RELATIVE_HEADS, Lexicon, clitic_forms, load_lexicon
from geo.settings import RelativeSettings, ResolutionSettings
from geo.text.folding import fold, name_key

__all__ = [
    "find_relative",
    "resolve_relative",
    "offset_point",
    "uncertainty_km",
    "BEARINGS",
    "direction_name",
    "landmark_name",
]

LANDMARKS_FILE = DATA_DIR / "lexicon" / "landmarks.yaml"

#: Compass bearings in degrees of the eight directions.
BEARINGS = {"N": 0.0, "NE": 45.0, "E": 90.0, "SE": 135.0, "S": 180.0, "SW": 225.0, "W": 270.0, "NW": 315.0}

#: Trigger nouns that are not taken as the head of a relative place («مدينة», "region").
_NOT_HEADS = frozenset({Trigger.CITY, Trigger.REGION})
_UNITS = {
    "km": 1.0, "kilometre": 1.0, "kilometres": 1.0, "kilometer": 1.0, "kilometers": 1.0,
    "mile": 1.609344, "miles": 1.609344, "mi": 1.609344,
    "كيلومترا": 1.0, "كيلومترات": 1.0, "كيلومتر": 1.0, "كيلو": 1.0, "كلم": 1.0, "كم": 1.0,
    "ميلا": 1.609344, "اميال": 1.609344, "ميل": 1.609344,
}  # fmt: skip

_AR_DIR = {"شمال": "N", "جنوب": "S", "شرق": "E", "غرب": "W"}
_EN_DIR = {"north": "N", "south": "S", "east": "E", "west": "W"}
_FR_DIR = {"nord": "N", "sud": "S", "est": "E", "ouest": "W"}

_NUM = r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d{1,6}(?:[.,]\d{1,3})?)(?![\d])"
_AR_UNIT = r"(?P<unit>كيلومترا|كيلومترات|كيلومتر|كيلو|كلم|كم|ميلا|اميال|ميل)"
_AR_D = r"(?:ال)?(?P<d1>شمال|جنوب|شرق|غرب)(?:ي|يه)?(?:[ -]+(?:ال)?(?P<d2>شرق|غرب)(?:ي|يه)?)?"
_AR = re.compile(
    r"(?:(?:علي|عل)\s+(?:بعد|مسافه)\s+)?(?:(?:حوالي|نحو|قرابه|زهاء|اكثر\s+من|اقل\s+من|مسافه)\s+)?"
    + _NUM
    + r"\s*"
    + _AR_UNIT
    + r"\s+(?:(?:الي|في)\s+)?"
    + _AR_D
    + r"(?:\s+(?:من|ل))?\s+"
)
_EN_D = r"(?P<d1>north|south|east|west)(?:ern)?(?:[- ]?(?P<d2>east|west)(?:ern)?)?"
_EN = re.compile(
    r"(?:(?:about|some|around|roughly|nearly|approximately|almost|over|under|more\s+than|less\s+than)\s+)?"
    + _NUM
    + r"\s*-?\s*(?P<unit>km|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)\b"
    r"(?:\s*\([^)]{0,20}\))?\s+(?:to\s+the\s+|due\s+)?" + _EN_D + r"\s+of\s+(?:the\s+)?"
)
_FR_D = r"(?P<d1>nord|sud|est|ouest)(?:[- ](?P<d2>est|ouest))?"
_FR = re.compile(
    r"(?:a\s+)?(?:(?:environ|quelque|pres\s+de|plus\s+de|moins\s+de)\s+)?"
    + _NUM
    + r"\s*(?P<unit>km|kilometres|kilometre)\b\s+(?:au|a\s+l'|a\s+l)\s*"
    + _FR_D
    + r"\s+(?:de\s+|d'|du\s+|des\s+)"
)
#: A number and a unit: every distance phrase holds one (the number starts a run of digits; a cheap scan).
_CORE = re.compile(r"\d(?<![\d.,]\d)[\d.,]*\s*-?\s*(?:كيلو|كلم|كم|ميل|اميال|km|kilomet|mi)")
#: The most words a phrase has before its number («على بعد أكثر من», "a plus de").
_PREFIX_WORDS = 4
_DIR_NAMES = {"N": "north", "NE": "north-east", "E": "east", "SE": "south-east",
              "S": "south", "SW": "south-west", "W": "west", "NW": "north-west"}  # fmt: skip


def _number(text: str) -> float:
    """A stated number: "1,500" is fifteen hundred, "2,5" and "2.5" two and a half."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        return float(text.replace(",", ""))
    return float(text.replace(",", "."))


def direction_name(bearing: float) -> str:
    """English name of a compass bearing (one of the eight directions)."""
    code = min(BEARINGS, key=lambda k: abs((BEARINGS[k] - bearing + 180) % 360 - 180))
    return _DIR_NAMES[code]


def _bearing(d1: str, d2: str | None) -> float | None:
    table = _AR_DIR | _EN_DIR | _FR_DIR
    first = table.get(d1)
    if first is None:
        return None
    code = first
    if d2:
        second = table.get(d2)
        if second in ("E", "W") and first in ("N", "S"):
            code = first + second
    return BEARINGS.get(code)


def find_relative(
    article: Article, mentions: list[Mention], *, settings: RelativeSettings | None = None
) -> list[Mention]:
    """Relative-location mentions anchored on existing mentions of ``article``.

    Parameters
    ----------
    article:
        The article the mentions come from.
    mentions:
        Its mentions, in text order.
    settings:
        The largest distance, the gap to the anchor, the head-noun look-back.

    Returns
    -------
    list of Mention
        New mentions of kind ``relative`` spanning from the distance phrase
        to the end of the anchor's name, with the anchor's candidates,
        ``distance_km``, ``bearing_deg`` and the head noun before the phrase
        (e.g. ``shipyard``) as ``trigger``.
    """
    if not mentions:
        return []
    folded = fold(article.text)
    settings = settings or RelativeSettings()
    starts = {m.start: m for m in mentions if m.match != MatchKind.ADJECTIVE}
    lexicon = load_lexicon()
    found: list[Mention] = []
    for pattern, phrase_starts in zip((_AR, _EN, _FR), repeat(_phrase_starts(folded.text))):
        for match in _matches(pattern, folded.text, phrase_starts):
            bearing = _bearing(match.group("d1"), match.group("d2"))
            unit = _UNITS.get(match.group("unit"))
            if bearing is None or unit is None:
                continue
            distance = _number(match.group("num")) * unit
            if not (math.isfinite(distance) and 0 < distance <= settings.max_distance_km):
                continue
            anchor = _anchor_after(folded.offsets, match.end(), starts, folded.text, max_gap=settings.max_gap_chars)
            if anchor is None:
                continue
            start = folded.offsets[match.start()]
            head = _head_noun(article.text[:start], lexicon, words=settings.head_noun_words)
            if head is None:  # "the Ravensbrück camp (90 km north of Berlin)": the place is the landmark
                start = _landmark_start(article.text, start, words=settings.head_noun_words)
            found.append(
                replace(
                    anchor,
                    start=start,
                    end=anchor.end,
                    text=article.text[start : anchor.end],
                    match=MatchKind.RELATIVE,
                    trigger=head,
                    cue=None,
                    person=False,
                    distance_km=round(distance, 3),
                    bearing_deg=bearing,
                )
            )
    return sorted(found, key=lambda m: m.start)


def _phrase_starts(text: str) -> list[int]:
    """Where a distance phrase can start: at a number followed by a unit, or up to ``_PREFIX_WORDS`` words
    before it ("more than", «على بعد حوالي»). A phrase holds its number and unit: none starts elsewhere."""
    starts: set[int] = set()
    for core in _CORE.finditer(text):
        at = k = core.start()
        for _ in range(_PREFIX_WORDS):
            while k and text[k - 1].isspace():
                k -= 1
            while k and not text[k - 1].isspace():
                k -= 1
        starts.update(range(k, at + 1))
    return sorted(starts)


def _matches(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern that can start only at ``starts`` (in text order)."""
    found = []
    end = 0
    for at in starts:
        if at >= end:
            match = pattern.match(text, at)
            if match is not None:
                found.append(match)
                end = max(match.end(), at + 1)
    return found


def _anchor_after(
    offsets: tuple[int, ...], end: int, starts: dict[int, Mention], text: str, *, max_gap: int
) -> Mention | None:
    limit = min(len(text), end + max_gap)
    for pos in range(end, limit):
        original = offsets[pos] if pos < len(offsets) - 1 else None
        if original is not None and original in starts:
            return starts[original]
        if text[pos] in ".,;:!?،؛؟\n":
            return None
    return None


@lru_cache(maxsize=1)
def _landmark_nouns() -> frozenset[str]:
    """The folded nouns that head a landmark's name (``data/lexicon/landmarks.yaml``)."""
    with LANDMARKS_FILE.open(encoding="utf-8") as handle:
        table = yaml.safe_load(handle) or {}
    return frozenset(name_key(str(word)) for words in table.values() for word in words or ())


def _landmark_start(text: str, start: int, *, words: int) -> int:
    """Where a landmark's own name begins, when a distance phrase at ``start`` follows it in brackets or after
    a comma ("camp de concentration de Natzweiler (à 50 km …", «سد الخليفة، على بعد …»): the landmark noun
    nearest before it in its clause, within ``words`` words; ``start`` itself when there is none."""
    gap = re.search(r"\s*[(,،]\s*$", text[:start])
    if gap is None:
        return start
    clause = re.split(r"[.!?؟\n;:،,()]", text[: gap.start()])[-1]
    base = gap.start() - len(clause)
    spans = [m for m in re.finditer(r"[^\s'’]+", clause)][-words:]
    nouns = _landmark_nouns()
    for k in range(len(spans) - 1, -1, -1):
        key = name_key(spans[k].group())
        if key in nouns or any(form in nouns for _, form in clitic_forms(key, min_rest=2)):
            while k and spans[k - 1].group()[:1].isupper():  # "the Natzweiler memorial": the name before its noun
                k -= 1
            return base + spans[k].start()
    return start


def landmark_name(text: str) -> str | None:
    """The landmark's own words at the start of a relative mention's ``text`` (``None`` when it starts with
    the distance): "camp de concentration de Natzweiler (à 50 km au sud-ouest de Strasbourg" → its first part."""
    folded = fold(text)
    for pattern in (_AR, _EN, _FR):
        found = pattern.search(folded.text)
        if found is not None and found.start() > 0:
            name = text[: folded.offsets[found.start()]].rstrip(" (,،")
            return name or None
    return None


def _head_noun(before: str, lexicon: Lexicon, *, words: int) -> Trigger | None:
    """The nearest trigger noun among the last ``words`` words of the same sentence before a relative phrase.

    City and region nouns do not count (:data:`_NOT_HEADS`).
    """
    sentence = re.split(r"[.!?؟\n]", before)[-1]
    for word in reversed(sentence.split()[-words:]):
        hint = lexicon.trigger(name_key(word))
        if hint is not None and hint not in _NOT_HEADS:
            return hint
    return None


#: WGS84 in kilometres, as geopy's ``geodesic`` sets it up (so a distance in km walks it as geopy walked it);
#: geographiclib directly, as ``geopy.distance`` would import every geocoder of geopy on the way.
_WGS84_KM = Geodesic(6378.137, 1 / 298.257223563)


def _wrapped_longitude(lon: float) -> float:
    """A longitude in [-180, 180], wrapped as geopy's ``Point`` wraps it."""
    if abs(lon) <= 180:
        return lon
    modulo = math.fmod(lon, 360.0) or 0.0
    return modulo + 360.0 if modulo < -180 else modulo - 360.0 if modulo >= 180 else modulo


def offset_point(lat: float, lon: float, *, distance_km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``distance_km`` from ``(lat, lon)`` at ``bearing_deg`` along the geodesic (WGS84)."""
    found = _WGS84_KM.Direct(
        float(lat), _wrapped_longitude(float(lon)), bearing_deg, distance_km, Geodesic.LATITUDE | Geodesic.LONGITUDE
    )
    return float(found["lat2"]), _wrapped_longitude(float(found["lon2"]))


def uncertainty_km(
    distance_km: float, *, anchor_uncertainty_km: float = 0.0, settings: RelativeSettings | None = None
) -> float:
    """The radius a relative place should lie within.

    A stated distance is rounded by the writer and a compass direction
    covers ±22.5°, so the radius grows with the distance: a share of it
    (``share_of_distance``, at least ``min_km``), plus the anchor's own uncertainty.
    """
    settings = settings or RelativeSettings()
    return round(max(settings.min_km, settings.share_of_distance * distance_km) + anchor_uncertainty_km, 1)


def resolve_relative(
    mention: Mention,
    by_span: dict[tuple[int, int], Resolution],
    *,
    settings: ResolutionSettings,
    relative: RelativeSettings,
) -> Resolution | None:
    """The point a relative mention describes ("60 km south-west of X"), from its anchor's resolution.

    Parameters
    ----------
    mention:
        A relative mention (``distance_km`` and ``bearing_deg`` set) ending with its anchor's name.
    by_span:
        The article's resolutions by ``(start, end)``; the anchor is the one ending where the mention ends.
    settings, relative:
        ``described_gap_chars`` and ``relative_confidence``; the uncertainty's numbers.

    Returns
    -------
    Resolution or None
        ``None`` without a placed anchor, or when the phrase only describes a named place right before it
        ("Bakhmut, 10 km east of Chasiv Yar").
    """
    anchor_res = next((r for (_start, end), r in by_span.items() if end == mention.end), None)
    if anchor_res is None or mention.distance_km is None or mention.bearing_deg is None:
        return None
    for resolution in by_span.values():
        gap = mention.start - resolution.mention.end
        if 0 <= gap <= settings.described_gap_chars and resolution.place.place_type in POINT_TYPES:
            return None
    anchor = anchor_res.place
    lat, lon = offset_point(anchor.lat, anchor.lon, distance_km=mention.distance_km, bearing_deg=mention.bearing_deg)
    head = RELATIVE_HEADS.get(mention.trigger, "Place") if mention.trigger else "Place"
    direction = direction_name(mention.bearing_deg)
    distance = f"{mention.distance_km:g}"
    landmark = landmark_name(mention.text)  # "camp de concentration de Natzweiler (à 50 km …": its own name
    place = Place(
        id=f"relative:{anchor.id}:{distance}km:{mention.bearing_deg:g}",
        name=landmark or f"{head} {distance} km {direction} of {anchor.name}",
        name_ar=None,
        lat=round(lat, 6),
        lon=round(lon, 6),
        place_type=PlaceType.RELATIVE,
        feature=str(mention.trigger or "relative"),
        country=anchor.country,
        source=f"{distance} km at bearing {mention.bearing_deg:g}° from {anchor.name} (geodesic, WGS84)",
    )
    return Resolution(
        mention=mention,
        place=place,
        confidence=round(anchor_res.confidence * settings.relative_confidence, 3),
        uncertainty_km=uncertainty_km(
            mention.distance_km, anchor_uncertainty_km=anchor_res.uncertainty_km, settings=relative
        ),
        anchor=anchor,
        reason=f"{distance} km {direction} of {anchor.name}, as the text says",
    )
