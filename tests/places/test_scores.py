"""A candidate's score as a sum of named terms: partial sums give the very same floats as adding every term."""

from __future__ import annotations

import math

import pytest

from geo.model import Place, PlaceType
from geo.places.scores import Partial, ScoredCandidate, Term, added, finish, first_best

_TOWN = Place(id="t:1", name="Town", lat=30.0, lon=31.0, place_type=PlaceType.CITY, population=5000)


def _added(terms: list[Term]) -> float:
    score = 0.0
    for term in terms:
        score += term.delta
    return score


#: head, person, anchor, the tail added once the article's places are known (parent, person, nearness, anchor)
CASES = [
    ([Term(1.5, "exact name", "exact", 1.0), Term(0.1), Term(0.7)], [], [], [Term(0.3)]),
    ([Term(0.1), Term(0.2)], [Term(-0.3, "a person", "person_exact", -1.0)], [Term(-1.1)], [Term(0.4), Term(-0.3)]),
    ([Term(1e16), Term(1.0), Term(-1e16)], [], [Term(0.1)], []),  # the order of adding matters: it is kept
]


@pytest.mark.parametrize(("head", "person", "anchor", "tail"), CASES)
def test_partial_sums_are_the_sums_of_every_term(head, person, anchor, tail) -> None:
    partial = Partial.of(7, _TOWN, head=tuple(head), base=added(head), person=tuple(person), anchor=tuple(anchor))
    assert partial.base == _added(head)
    assert partial.alone == _added([*head, *person, *anchor])
    scored = finish(partial, tail=tail)
    assert scored.score == _added([*head, *tail])
    assert scored.terms == (*head, *tail)


def test_reasons_and_features_come_from_the_terms() -> None:
    scored = ScoredCandidate(3, 1.0, (Term(1.5, "exact name", "exact", 1.0), Term(-0.5, None, "foreign", -1.0)))
    assert scored.reasons == ("exact name",)
    assert scored.features == (("exact", 1.0), ("foreign", -1.0))


def test_a_barred_candidate_scores_minus_infinity_with_its_reason() -> None:
    partial = Partial.barred(4, _TOWN, reason="a common word")
    assert partial.blocked is not None and partial.alone == -math.inf
    assert partial.blocked.score == -math.inf and partial.blocked.reasons == ("a common word",)
    assert partial.blocked.features == ()


def test_the_first_best_is_the_first_of_equals() -> None:
    a = Partial.of(1, _TOWN, head=(Term(1.0),), base=1.0, person=(), anchor=())
    b = Partial.of(2, _TOWN, head=(Term(2.0),), base=2.0, person=(), anchor=())
    c = Partial.of(3, _TOWN, head=(Term(2.0),), base=2.0, person=(), anchor=())
    barred = Partial.barred(9, _TOWN, reason="x")
    assert first_best([(barred, a), (b,), (c,)]) == (2, 2.0)
    assert first_best([(barred,)]) == (9, -math.inf)
    assert first_best([]) is None
