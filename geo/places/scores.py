"""A candidate's score as a sum of named terms, and the partial sums resolution reuses.

:mod:`geo.places.resolution` scores every candidate of a name twice an article: once to find the
article's likely places, once knowing how near each candidate lies to them. Most terms (how the
name matched, the place's prominence, cues, the countries the article names) are the same both
times: a :class:`Partial` holds them and their sum, and the article's places add the rest in the
same order, so the score is the very same float as adding every term from the start. What the
terms depend on is here too: a mention's facts, the article's context (the countries and regions it
names, the parents written after names).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from geo.model import MatchKind, Mention, Place, PlaceType
from geo.places.lexicon import PROCLITICS

#: Matches that spell a region's name (a phonetic or adjective match does not name the region itself).
_NAMED = (MatchKind.EXACT, MatchKind.CLITIC, MatchKind.LATIN)

__all__ = [
    "ArticleContext",
    "MentionFacts",
    "NameGroup",
    "Near",
    "Own",
    "OwnTerms",
    "Partial",
    "ScoredCandidate",
    "Term",
    "added",
    "article_context",
    "explicit_parents",
    "finish",
    "first_best",
    "glued_country",
    "glued_cue",
    "in_list_with",
    "listed_names",
]


class ScoredCandidate(NamedTuple):
    """One candidate place of a mention, its score and the terms it is the sum of (in order).

    ``reasons`` are the terms' reasons; ``features`` pairs each :class:`~geo.settings.ResolutionSettings`
    field the score depends on linearly with its factor: the score is the sum of field × factor, plus the
    terms no single field scales. Both are worked out when asked for (most candidates are never shown).
    """

    row: int
    score: float
    terms: tuple[Term, ...] = ()

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the candidate scores what it does, in the order of its terms."""
        return tuple(t.reason for t in self.terms if t.reason)

    @property
    def features(self) -> tuple[tuple[str, float], ...]:
        """``(ResolutionSettings field, factor)`` of each term one field scales."""
        return tuple((t.weight, t.x) for t in self.terms if t.weight)


@dataclass(frozen=True, slots=True)
class NameGroup:
    """The mentions of one name in an article (one sense per discourse) and every candidate's score."""

    key: str
    mentions: tuple[Mention, ...]
    scored: tuple[ScoredCandidate, ...]

    @property
    def best(self) -> ScoredCandidate | None:
        """The highest score (the first of equals, in mention and candidate order)."""
        best: ScoredCandidate | None = None
        for candidate in self.scored:
            if best is None or candidate.score > best.score:
                best = candidate
        return best


class Term(NamedTuple):
    """One term of a score: what it adds (negative for a penalty) and the reason shown, if any.

    ``weight`` names the :class:`~geo.settings.ResolutionSettings` field the term is
    proportional to and ``x`` its factor (``delta == weight × x``), which is how
    :mod:`geo.places.fitting` sees a score; ``""`` for a term no single field scales.
    """

    delta: float
    reason: str | None = None
    weight: str = ""
    x: float = 0.0


class Partial(NamedTuple):
    """A candidate's score as far as it does not depend on the article's other places (worked out once an article).

    ``blocked`` is the whole score of a candidate that cannot be the place; otherwise ``head`` (how it
    matched, its prominence, cues, the countries and regions the article names) sums to ``base`` in
    order, and ``person`` and ``anchor`` come after the parent written next to it (``person`` first)
    and after the nearness to the article's other places (``anchor`` last). ``alone`` is the score
    before the article's places are known: ``base``, then ``person`` and ``anchor`` added.
    """

    row: int
    place: Place
    blocked: ScoredCandidate | None
    head: tuple[Term, ...]
    base: float
    person: tuple[Term, ...]
    anchor: tuple[Term, ...]
    alone: float

    @classmethod
    def of(
        cls,
        row: int,
        place: Place,
        *,
        head: tuple[Term, ...],
        base: float,
        person: tuple[Term, ...],
        anchor: tuple[Term, ...],
    ) -> Partial:
        """The partial score of a candidate that may be the place (``base``: the sum of ``head``, in order)."""
        alone = added(anchor, start=added(person, start=base)) if person or anchor else base
        return cls(row, place, None, head, base, person, anchor, alone)

    @classmethod
    def barred(cls, row: int, place: Place, *, reason: str) -> Partial:
        """The partial score of a candidate that cannot be the place, and why."""
        blocked = ScoredCandidate(row, -math.inf, (Term(-math.inf, reason),))
        return cls(row, place, blocked, (), 0.0, (), (), -math.inf)


def first_best(found: list[tuple[Partial, ...]]) -> tuple[int, float] | None:
    """The row and score of a name's best candidate before the article's places are known (no parents, no nearness)."""
    best: tuple[int, float] | None = None
    for partials in found:
        for p in partials:
            if best is None or p.alone > best[1]:
                best = (p.row, p.alone)
    return best


def finish(partial: Partial, *, tail: list[Term]) -> ScoredCandidate:
    """A candidate's score and terms: ``partial``'s head, then the ``tail`` terms, added in order."""
    if not tail:
        return ScoredCandidate(partial.row, partial.base, partial.head)
    return ScoredCandidate(partial.row, added(tail, start=partial.base), (*partial.head, *tail))


def added(terms: tuple[Term, ...] | list[Term], *, start: float = 0.0) -> float:
    """``start`` with the terms' deltas added one by one, in order (a score is always added up this way)."""
    for term in terms:
        start += term.delta
    return start


class MentionFacts(NamedTuple):
    """What scoring needs from a mention's text: its key, how common it is as a word, a one-letter edge word,
    the length of its consonant key, a preposition written as a word."""

    key: str
    zipf: float
    short_edge: bool
    phonetic_length: int
    word_cue: bool


@dataclass(slots=True)
class ArticleContext:
    """What an article says around its names: the countries and regions it names (the most named first), its
    likely places (``anchors``: name key, point), parents written after names, its language, where distances
    are measured from; the terms of the named countries of each kind of place, once worked out."""

    countries: set[str]
    main_countries: set[str]
    regions: set[tuple[str, str]]
    anchors: list[tuple[str, float, float]]
    parents: dict[int, tuple[set[str], set[tuple[str, str]]]] = field(default_factory=dict)
    language: str | None = None
    anchor_ends: set[int] = field(default_factory=set)
    listed: dict[int, Place] = field(default_factory=dict)
    terms: dict[tuple[object, ...], tuple[Term, ...]] = field(default_factory=dict)  # the named countries' terms


#: A candidate's terms no other place of the article changes: its head and their sum, its person's terms, whether
#: it is famous.
OwnTerms = tuple[tuple[Term, ...], float, tuple[Term, ...], bool]
#: The :data:`OwnTerms` of each candidate row of a name with its cues (``None``: it cannot be the place).
Own = dict[int, OwnTerms | None]
#: The proximity terms of each name's candidates (by name key and row).
Near = dict[tuple[str, int], list[Term]]


def article_context(mentions: list[Mention], *, place: Callable[[int], Place], main_countries: int) -> ArticleContext:
    """The countries an article's names may be (counted once a mention, the ``main_countries`` most counted first)
    and the regions its names spell, from every candidate's place (``place``: the gazetteer's)."""
    counts: dict[str, int] = defaultdict(int)
    regions: set[tuple[str, str]] = set()
    for mention in mentions:
        named = mention.match in _NAMED
        for row in mention.candidates:
            there = place(row)
            if there.place_type == PlaceType.COUNTRY:
                if there.country:
                    counts[there.country] += 1
            elif there.place_type == PlaceType.REGION and named and there.country and there.admin1:
                regions.add((there.country, there.admin1))
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    return ArticleContext(
        countries=set(counts), main_countries=set(ranked[:main_countries]), regions=regions, anchors=[]
    )


def glued_cue(mention: Mention, place: Place, *, notable: int) -> bool:
    """A preposition glued to the name («لعمّان», «بلبنان»): a cue as one written apart, when the split is sure.
    Glued letters also begin foreign words («بلومبرج», «وبلانيت»), so only a name matched as written after its
    proclitic counts (not a phonetic match), and of towns only one of ``notable`` population."""
    if mention.match != MatchKind.CLITIC or not mention.cue or mention.cue not in PROCLITICS:
        return False
    return place.place_type != PlaceType.CITY or place.population >= notable


def glued_country(mention: Mention, place: Place) -> bool:
    """A country's name glued to a conjunction («ومصر», "and Egypt"): matched as written after a proclitic that is
    no preposition (as in :func:`listed_names`). A country's name is little but the country: the split is sure."""
    return mention.match == MatchKind.CLITIC and mention.cue is None and place.place_type == PlaceType.COUNTRY


def listed_names(
    plain: list[Mention], *, placed: Callable[[Mention], Place | None], gap_chars: int
) -> dict[int, Place]:
    """The names a conjunction glued to them («وسوريا») joins to a place (``placed``) named at most ``gap_chars``
    before («مصر وسوريا», "Egypt and Syria"), by start, with that place: a list of places names places. A name
    after a preposition is not one (its cue counts), nor a name matched as written (no conjunction)."""
    ordered = sorted(plain, key=lambda m: m.start)
    out: dict[int, Place] = {}
    for here, nxt in zip(ordered, ordered[1:], strict=False):
        if nxt.match == MatchKind.CLITIC and nxt.cue is None and 0 < nxt.start - here.end <= gap_chars:
            before = placed(here)
            if before is not None:
                out[nxt.start] = before
    return out


def in_list_with(place: Place, before: Place | None) -> bool:
    """Whether ``place`` is of a list with the place ``before`` it: countries, or places of one country."""
    if before is None:
        return False
    if place.place_type == PlaceType.COUNTRY:
        return before.place_type == PlaceType.COUNTRY
    return place.country is not None and place.country == before.country and before.place_type != PlaceType.COUNTRY


def explicit_parents(
    plain: list[Mention], *, place: Callable[[int], Place], gap_chars: int
) -> dict[int, tuple[set[str], set[tuple[str, str]]]]:
    """Countries and regions written right after a name, at most ``gap_chars`` on: "Alexandria, Virginia"
    (by the name's start)."""
    parents: dict[int, tuple[set[str], set[tuple[str, str]]]] = {}
    ordered = sorted(plain, key=lambda m: m.start)
    for here, nxt in zip(ordered, ordered[1:], strict=False):
        if not 0 < nxt.start - here.end <= gap_chars:
            continue
        countries: set[str] = set()
        regions: set[tuple[str, str]] = set()
        for row in nxt.candidates:
            there = place(row)
            if there.place_type == PlaceType.COUNTRY and there.country:
                countries.add(there.country)
            elif there.place_type == PlaceType.REGION and there.country and there.admin1:
                regions.add((there.country, there.admin1))
        if countries or regions:
            parents[here.start] = (countries, regions)
    return parents
