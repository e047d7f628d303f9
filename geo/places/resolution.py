"""Resolution: decide which mentions are places, and which place each names.

Every candidate of a mention gets a score, the sum of named terms (see
:class:`Weights`): how the name matched, the place's prominence (population,
capital, type), the trigger noun and preposition before it, the countries
and regions the same article names, closeness to the article's other places,
and penalties for names that are common words, that stand where a person's
name stands, or whose phonetic key many places share. Mentions of one name
in one article share one reading (one sense per discourse). A mention is a
place when its best score reaches :attr:`Weights.threshold`.

Relative mentions resolve through their anchor (:mod:`geo.places.relative`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from geo.model import Mention, Place, Resolution
from geo.places.gazetteer import Gazetteer
from geo.places.lexicon import PROCLITICS
from geo.places.phonetic import arabic_key
from geo.places.relative import direction_name, offset_point, uncertainty_km
from geo.text.folding import fold_text, name_key, tokens

__all__ = ["Weights", "Resolver", "resolve_mentions", "haversine_km"]

_FACILITY_TRIGGERS = {
    "port": {"port", "naval_base"},
    "airport": {"airport"},
    "base": {"naval_base", "military_base", "spaceport", "airport"},
    "spaceport": {"spaceport"},
    "plant": {"aircraft_plant", "defence_plant", "plant", "shipyard"},
    "station": {"rail_station", "station", "border_crossing"},
    "crossing": {"border_crossing", "rail_station"},
    "shipyard": {"shipyard", "naval_base"},
}
_SHORT_PHONETIC = 5
_HEAD_NAMES = {
    "port": "Port",
    "airport": "Airport",
    "base": "Base",
    "spaceport": "Spaceport",
    "plant": "Plant",
    "station": "Station",
    "crossing": "Crossing",
    "island": "Island",
    "shipyard": "Shipyard",
    "water": "Waters",
}


@dataclass(frozen=True, slots=True)
class Weights:
    """The terms of a candidate's score; a mention is a place at ``threshold``."""

    exact: float = 2.0
    clitic: float = 1.5
    phonetic_base: float = 0.5
    phonetic_per_class: float = 0.15
    phonetic_max: float = 2.0
    capital: float = 1.0
    country: float = 4.5
    region: float = 2.5
    facility: float = 2.5
    trigger_match: float = 1.5
    trigger_city: float = 1.0
    trigger_near: float = 0.3
    cue: float = 0.75
    in_named_country: float = 0.75
    in_minor_country: float = 0.35
    foreign: float = 0.75
    in_named_region: float = 0.75
    explicit_parent: float = 2.0
    near_300km: float = 0.75
    near_1000km: float = 0.4
    common_from: float = 3.0
    common_slope: float = 2.0
    common_famous_factor: float = 0.4
    capitalised_factor: float = 0.5
    person_exact: float = 1.5
    person_phonetic: float = 2.0
    short_edge: float = 1.5
    ambiguity_slope: float = 0.3
    ambiguity_max: float = 2.0
    small_population: int = 10_000
    small_without_context: float = 1.0
    alternate_name: float = 0.75
    threshold: float = 4.25


@dataclass(frozen=True, slots=True)
class _MentionFacts:
    key: str
    zipf: float
    short_edge: bool
    phonetic_length: int
    word_cue: bool


def _is_main_name(place: Place, mention: Mention, key: str) -> bool:
    """True when the mention (folded ``key``) spells the place's display name (English or Arabic)."""
    return key in (name_key(place.name), name_key(place.name_ar or "")) or (
        mention.match == "clitic" and name_key(place.name_ar or "").endswith(key)
    )


def _word_cue(mention: Mention) -> bool:
    """A preposition of place written as a word («في», "in"), not a proclitic glued to the name."""
    return bool(mention.cue) and mention.cue not in PROCLITICS


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


@dataclass(frozen=True, slots=True)
class _Scored:
    row: int
    score: float
    reasons: tuple[str, ...]


@dataclass(slots=True)
class _Context:
    countries: set[str]
    main_countries: set[str]
    regions: set[tuple[str, str]]
    anchors: list[tuple[str, float, float]]
    parents: dict[int, tuple[set[str], set[tuple[str, str]]]] = field(default_factory=dict)
    language: str | None = None


def _uncertainty(place: Place) -> float:
    if place.place_type == "city":
        return round(3.0 + 0.002 * math.sqrt(max(place.population, 0)), 1)
    return {"facility": 2.0, "island": 15.0, "region": 150.0, "country": 500.0, "water": 200.0}.get(
        place.place_type, 10.0
    )


class Resolver:
    """Scores and chooses places for the mentions of one article at a time.

    Parameters
    ----------
    gazetteer:
        The loaded gazetteer.
    weights:
        Score terms (defaults are the tuned ones).
    """

    def __init__(self, gazetteer: Gazetteer, *, weights: Weights | None = None) -> None:
        self.gazetteer = gazetteer
        self.weights = weights or Weights()

    def resolve(self, mentions: list[Mention], *, language: str | None = None) -> list[Resolution]:
        """Resolve the mentions of one article.

        Parameters
        ----------
        mentions:
            All mentions of one article, including ``adjective`` and
            ``relative`` ones.
        language:
            The article's language: how common a Latin word is depends on it.

        Returns
        -------
        list of Resolution
            One per mention judged to be a place, in text order.
        """
        plain = [m for m in mentions if m.match not in ("adjective", "relative")]
        context = self._context(mentions)
        context.language = language
        groups: dict[str, list[Mention]] = defaultdict(list)
        for mention in plain:
            groups[name_key(mention.text)].append(mention)
        first = {key: self._best_of_group(group, context) for key, group in groups.items()}
        context.anchors = [
            (key, place.lat, place.lon)
            for key, best in first.items()
            if best is not None and best.score >= self.weights.threshold
            for place in [self.gazetteer.place(best.row)]
            if place.place_type in ("city", "facility", "island")
        ]
        context.parents = self._explicit_parents(plain)
        chosen = {key: self._best_of_group(group, context, key=key) for key, group in groups.items()}
        out: list[Resolution] = []
        for key, group in groups.items():
            best = chosen[key]
            if best is None or best.score < self.weights.threshold:
                continue
            place = self.gazetteer.place(best.row)
            for mention in group:
                out.append(
                    Resolution(
                        mention=mention,
                        place=place,
                        confidence=self._confidence(best.score),
                        uncertainty_km=_uncertainty(place),
                        reason="; ".join(best.reasons),
                    )
                )
        by_anchor = {(r.mention.start, r.mention.end): r for r in out}
        for mention in mentions:
            if mention.match == "relative":
                resolution = self._relative(mention, by_anchor)
                if resolution is not None:
                    out.append(resolution)
        return sorted(out, key=lambda r: (r.mention.start, r.mention.end))

    # -- context ----------------------------------------------------------

    def _context(self, mentions: list[Mention]) -> _Context:
        counts: dict[str, int] = defaultdict(int)
        regions: set[tuple[str, str]] = set()
        for mention in mentions:
            for row in mention.candidates:
                ptype = self.gazetteer.place_type(row)
                if ptype == "country":
                    code = self.gazetteer.country(row)
                    if code:
                        counts[code] += 1
                elif ptype == "region" and mention.match in ("exact", "clitic", "latin"):
                    place = self.gazetteer.place(row)
                    if place.country and place.admin1:
                        regions.add((place.country, place.admin1))
        ranked = sorted(counts, key=lambda c: (-counts[c], c))
        return _Context(countries=set(counts), main_countries=set(ranked[:2]), regions=regions, anchors=[])

    def _explicit_parents(self, plain: list[Mention]) -> dict[int, tuple[set[str], set[tuple[str, str]]]]:
        """Countries and regions written right after a name: "Alexandria, Virginia"."""
        parents: dict[int, tuple[set[str], set[tuple[str, str]]]] = {}
        ordered = sorted(plain, key=lambda m: m.start)
        for here, nxt in zip(ordered, ordered[1:], strict=False):
            if not 0 < nxt.start - here.end <= 3:
                continue
            countries: set[str] = set()
            regions: set[tuple[str, str]] = set()
            for row in nxt.candidates:
                ptype = self.gazetteer.place_type(row)
                if ptype == "country" and self.gazetteer.country(row):
                    countries.add(self.gazetteer.country(row) or "")
                elif ptype == "region":
                    place = self.gazetteer.place(row)
                    if place.country and place.admin1:
                        regions.add((place.country, place.admin1))
            if countries or regions:
                parents[here.start] = (countries, regions)
        return parents

    # -- scoring ----------------------------------------------------------

    def _best_of_group(self, group: list[Mention], context: _Context, *, key: str = "") -> _Scored | None:
        best: _Scored | None = None
        for mention in group:
            facts = self._facts(mention, context)
            for row in mention.candidates:
                scored = self._score(mention, facts, row, context, key=key)
                if best is None or scored.score > best.score:
                    best = scored
        return best

    def _facts(self, mention: Mention, context: _Context) -> _MentionFacts:
        """What scoring needs from the mention's text, worked out once for all its candidates."""
        words = tokens(fold_text(mention.text))
        key = name_key(mention.text)
        return _MentionFacts(
            key=key,
            zipf=self.gazetteer.zipf(key, language=context.language) if len(words) == 1 else 0.0,
            short_edge=len(words) > 1 and (len(words[0].text) <= 2 or len(words[-1].text) <= 2),
            phonetic_length=len(arabic_key(mention.text)) if mention.match == "phonetic" else 0,
            word_cue=_word_cue(mention),
        )

    def _score(self, mention: Mention, facts: _MentionFacts, row: int, context: _Context, *, key: str) -> _Scored:
        w = self.weights
        place = self.gazetteer.place(row)
        reasons: list[str] = []
        score = 0.0
        if mention.match == "phonetic":
            length = facts.phonetic_length
            if length < _SHORT_PHONETIC and not (mention.trigger or facts.word_cue):
                return _Scored(row=row, score=-math.inf, reasons=("short phonetic key without context",))
            base = min(w.phonetic_max, w.phonetic_base + w.phonetic_per_class * length)
            reasons.append(f"sounds like {place.name} ({length} consonants)")
            if len(mention.candidates) > 1:
                score -= min(w.ambiguity_max, w.ambiguity_slope * math.log2(len(mention.candidates)))
        elif mention.match == "clitic":
            base = w.clitic
            reasons.append("name after a proclitic")
        else:
            base = w.exact
            reasons.append("exact name")
        score += base
        famous = False
        if place.place_type == "city":
            prominence = math.log10(place.population + 1) / 2
            score += prominence
            famous = place.population >= 1_000_000
            if place.population < w.small_population * 20 and not _is_main_name(place, mention, facts.key):
                score -= w.alternate_name
                reasons.append("matches one of its alternate names only")
            if place.population < w.small_population and not (mention.trigger or mention.cue):
                score -= w.small_without_context
                reasons.append("a small place named without a preposition or trigger noun")
            if place.feature == "capital":
                score += w.capital
                famous = True
                reasons.append("capital")
            reasons.append(f"population {place.population:,}")
        elif place.place_type == "country":
            score += w.country
            famous = True
        elif place.place_type == "region":
            score += w.region
        else:
            score += w.facility
            reasons.append(place.feature or place.place_type)
        zipf = facts.zipf
        if zipf > w.common_from:
            # A city's own name, introduced as a place («في حلب», «محافظ إدلب»): its frequency is its fame.
            notable = (
                place.population >= 100_000
                and _is_main_name(place, mention, facts.key)
                and bool(mention.trigger or facts.word_cue)
                and not mention.person
            )
            widely_known = (
                place.place_type == "country" or place.feature == "capital" or ((famous or notable) and zipf < 5.0)
            )
            factor = w.common_famous_factor if widely_known else 1.0
            if mention.match == "latin" and not mention.initial:
                factor *= w.capitalised_factor  # a capital letter mid-sentence marks a name
            score -= (zipf - w.common_from) * w.common_slope * factor
            reasons.append(f"also a common word (Zipf {zipf:.1f})")
        if facts.short_edge:
            score -= w.short_edge
        if mention.trigger:
            score += self._trigger_bonus(mention.trigger, place)
            reasons.append(f"after a '{mention.trigger}' noun")
        if facts.word_cue:
            score += w.cue
        if place.place_type != "country" and place.country in context.countries:
            major = place.country in context.main_countries
            score += w.in_named_country if major else w.in_minor_country
            reasons.append(f"in a country the article names ({place.country})")
        elif context.countries and place.place_type in ("city", "island") and not famous:
            score -= w.foreign
            reasons.append("in a country the article does not name")
        in_region = place.country and place.admin1 and (place.country, place.admin1) in context.regions
        if in_region and place.place_type != "region":
            score += w.in_named_region
            reasons.append("in a region the article names")
        parent = context.parents.get(mention.start)
        if parent is not None and place.place_type not in ("country", "region"):
            countries, regions = parent
            if place.country in countries or (place.country, place.admin1) in regions:
                score += w.explicit_parent
                reasons.append("its country or region is written next to it")
        known = place.feature == "capital" or place.place_type == "country"
        if mention.person and not known and not mention.cue and place.place_type in ("city", "facility", "island"):
            score -= w.person_phonetic if mention.match == "phonetic" else w.person_exact
            reasons.append("stands where a person's name stands")
        if context.anchors and place.place_type in ("city", "facility", "island"):
            near = min(
                (haversine_km(place.lat, place.lon, lat, lon) for k, lat, lon in context.anchors if k != key),
                default=math.inf,
            )
            if near < 300:
                score += w.near_300km
                reasons.append("near the article's other places")
            elif near < 1000:
                score += w.near_1000km
        return _Scored(row=row, score=score, reasons=tuple(reasons))

    def _trigger_bonus(self, trigger: str, place: Place) -> float:
        w = self.weights
        if trigger == "city":
            return w.trigger_city if place.place_type == "city" else 0.0
        if trigger == "region":
            return w.trigger_match if place.place_type == "region" else 0.0
        if trigger in ("island", "water"):
            return w.trigger_match if place.place_type == trigger else 0.0
        wanted = _FACILITY_TRIGGERS.get(trigger, set())
        if place.place_type == "facility" and place.feature in wanted:
            return w.trigger_match
        if place.place_type == "city":
            return w.trigger_near
        return 0.0

    def _confidence(self, score: float) -> float:
        return round(1.0 / (1.0 + math.exp(-(score - self.weights.threshold))), 3)

    # -- relative locations -----------------------------------------------

    def _relative(self, mention: Mention, by_span: dict[tuple[int, int], Resolution]) -> Resolution | None:
        anchor_res = None
        for (_start, end), resolution in by_span.items():
            if end == mention.end:
                anchor_res = resolution
                break
        if anchor_res is None or mention.distance_km is None or mention.bearing_deg is None:
            return None
        for resolution in by_span.values():
            gap = mention.start - resolution.mention.end
            if 0 <= gap <= 2 and resolution.place.place_type in ("city", "facility", "island"):
                return None  # "Bakhmut, 10 km east of Chasiv Yar": the phrase describes a named place
        anchor = anchor_res.place
        lat, lon = offset_point(
            anchor.lat, anchor.lon, distance_km=mention.distance_km, bearing_deg=mention.bearing_deg
        )
        head = _HEAD_NAMES.get(mention.trigger or "", "Place")
        direction = direction_name(mention.bearing_deg)
        distance = f"{mention.distance_km:g}"
        place = Place(
            id=f"relative:{anchor.id}:{distance}km:{mention.bearing_deg:g}",
            name=f"{head} {distance} km {direction} of {anchor.name}",
            name_ar=None,
            lat=round(lat, 6),
            lon=round(lon, 6),
            place_type="relative",
            feature=mention.trigger or "relative",
            country=anchor.country,
            source=f"{distance} km at bearing {mention.bearing_deg:g}° from {anchor.name} (geodesic, WGS84)",
        )
        return Resolution(
            mention=mention,
            place=place,
            confidence=round(anchor_res.confidence * 0.9, 3),
            uncertainty_km=uncertainty_km(mention.distance_km, anchor_uncertainty_km=anchor_res.uncertainty_km),
            anchor=anchor,
            reason=f"{distance} km {direction} of {anchor.name}, as the text says",
        )


def resolve_mentions(
    mentions: list[Mention], gazetteer: Gazetteer, *, weights: Weights | None = None
) -> list[Resolution]:
    """Resolve the mentions of one article (see :class:`Resolver`)."""
    return Resolver(gazetteer, weights=weights).resolve(mentions)
