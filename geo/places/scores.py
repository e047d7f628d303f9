"""A candidate's score as a sum of named terms, and the partial sums resolution reuses.

:mod:`geo.places.resolution` scores every candidate of a name twice an article: once to find the
article's likely places, once knowing how near each candidate lies to them. Most terms (how the
name matched, the place's prominence, cues, the countries the article names) are the same both
times: a :class:`Partial` holds them and their sum, and the article's places add the rest in the
same order, so the score is the very same float as adding every term from the start.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from geo.model import Mention, Place

__all__ = ["NameGroup", "Partial", "ScoredCandidate", "Term", "finish", "first_best"]


@dataclass(frozen=True, slots=True)
class ScoredCandidate:
    """One candidate place of a mention, its score, the reasons and the score's features.

    ``features`` pairs each :class:`~geo.settings.ResolutionSettings` field the score
    depends on linearly with its factor: the score is the sum of field × factor, plus the
    terms no single field scales.
    """

    row: int
    score: float
    reasons: tuple[str, ...]
    features: tuple[tuple[str, float], ...] = ()


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
    and after the nearness to the article's other places (``anchor`` last).
    """

    row: int
    place: Place
    blocked: ScoredCandidate | None
    head: tuple[Term, ...]
    base: float
    person: tuple[Term, ...]
    anchor: tuple[Term, ...]


def first_best(found: list[tuple[Partial, ...]]) -> tuple[int, float] | None:
    """The row and score of a name's best candidate before the article's places are known (no parents, no nearness)."""
    best: tuple[int, float] | None = None
    for partials in found:
        for p in partials:
            score = -math.inf if p.blocked is not None else p.base
            for term in (*p.person, *p.anchor):
                score += term.delta
            if best is None or score > best[1]:
                best = (p.row, score)
    return best


def finish(partial: Partial, *, tail: list[Term]) -> ScoredCandidate:
    """A candidate's score, reasons and features: ``partial``'s head, then the ``tail`` terms, added in order."""
    score = partial.base
    for term in tail:
        score += term.delta
    terms = (*partial.head, *tail)
    reasons = tuple(t.reason for t in terms if t.reason)
    return ScoredCandidate(partial.row, score, reasons, tuple((t.weight, t.x) for t in terms if t.weight))
