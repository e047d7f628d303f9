"""A candidate's score as a sum of named terms: partial sums give the very same floats as adding every term."""

from __future__ import annotations

import math

import pytest

from geo.model import MatchKind, Mention, Place, PlaceType
from geo.places.scores import (
    Partial,
    ScoredCandidate,
    Term,
    added,
    article_context,
    explicit_parents,
    finish,
    first_best,
    glued_cue,
    in_list_with,
    listed_names,
)

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


_PLACES = {
    1: Place(id="c:eg", name="Egypt", lat=27.0, lon=30.0, place_type=PlaceType.COUNTRY, country="EG"),
    2: Place(id="c:fr", name="France", lat=46.0, lon=2.0, place_type=PlaceType.COUNTRY, country="FR"),
    3: Place(id="r:va", name="Virginia", lat=37.5, lon=-78.8, place_type=PlaceType.REGION, country="US", admin1="VA"),
    4: _TOWN,
}


def _mention(start: int, text: str, match: MatchKind, *candidates: int) -> Mention:
    return Mention("t.txt", start, start + len(text), text, 0, match, candidates)


def test_the_article_names_its_countries_most_named_first() -> None:
    mentions = [
        _mention(0, "France", MatchKind.LATIN, 2),
        _mention(10, "Egypt", MatchKind.LATIN, 1),
        _mention(20, "Egypt", MatchKind.LATIN, 1),
        _mention(30, "Virginia", MatchKind.LATIN, 3),
        _mention(40, "Vrgn", MatchKind.PHONETIC, 3, 4),  # a phonetic match names no region
    ]
    context = article_context(mentions, place=_PLACES.__getitem__, main_countries=1)
    assert context.countries == {"EG", "FR"} and context.main_countries == {"EG"}
    assert context.regions == {("US", "VA")}
    assert article_context(mentions[3:], place=_PLACES.__getitem__, main_countries=1).countries == set()


@pytest.mark.parametrize(
    ("gap", "parents"),
    [
        (2, {0: (set(), {("US", "VA")}), 20: ({"EG"}, set())}),  # "Town, Virginia", "Town, Egypt"
        (1, {}),  # the comma and the space are too far
    ],
)
def test_a_parent_is_the_country_or_region_written_right_after(gap: int, parents: dict) -> None:
    plain = [
        _mention(0, "Town", MatchKind.LATIN, 4),
        _mention(6, "Virginia", MatchKind.LATIN, 3),
        _mention(20, "Town", MatchKind.LATIN, 4),
        _mention(26, "Egypt", MatchKind.LATIN, 1),
    ]
    assert explicit_parents(plain, place=_PLACES.__getitem__, gap_chars=gap) == parents


_CITY = Place(id="t:2", name="City", lat=30.0, lon=31.0, place_type=PlaceType.CITY, country="EG", population=500_000)
_EG_TOWN = Place(id="t:3", name="Village", lat=30.0, lon=31.0, place_type=PlaceType.CITY, country="EG", population=5000)


@pytest.mark.parametrize(
    ("match", "cue", "place", "glued"),
    [
        (MatchKind.CLITIC, "ل", _PLACES[1], True),  # «لمصر»: a country
        (MatchKind.CLITIC, "بال", _CITY, True),  # a notable town
        (MatchKind.CLITIC, "ب", _EG_TOWN, False),  # a lesser town: the split is a guess («وبلانيت»)
        (MatchKind.PHONETIC, "ب", _PLACES[1], False),  # a phonetic match («بلومبرج»)
        (MatchKind.CLITIC, None, _PLACES[1], False),  # «و»: no preposition
        (MatchKind.EXACT, "في", _PLACES[1], False),  # a preposition written apart counts as such
    ],
)
def test_a_glued_preposition_is_a_cue_when_the_split_is_sure(
    match: MatchKind, cue: str | None, place: Place, glued: bool
) -> None:
    mention = Mention("t.txt", 1, 4, "مصر", 0, match, (1,), cue=cue)
    assert glued_cue(mention, place, notable=100_000) is glued


@pytest.mark.parametrize(
    ("second", "gap", "placed", "listed"),
    [
        (MatchKind.CLITIC, 2, True, {7: "Egypt"}),  # «مصر وسوريا»
        (MatchKind.CLITIC, 4, True, {}),  # too far
        (MatchKind.EXACT, 2, True, {}),  # a name as written: no conjunction in the gap
        (MatchKind.CLITIC, 2, False, {}),  # the name before is no place
    ],
)
def test_a_name_joined_to_a_place_is_listed(second: MatchKind, gap: int, placed: bool, listed: dict) -> None:
    first = _mention(0, "Egypt", MatchKind.LATIN, 1)
    plain = [_mention(5 + gap, "سوريا", second, 2), first]
    found = listed_names(plain, placed=lambda m: _PLACES[1] if placed and m is first else None, gap_chars=3)
    assert {start: place.name for start, place in found.items()} == listed


@pytest.mark.parametrize(
    ("place", "before", "listed"),
    [
        (_PLACES[2], _PLACES[1], True),  # countries
        (_CITY, _EG_TOWN, True),  # towns of one country
        (_TOWN, _EG_TOWN, False),  # a town of another country
        (_CITY, _PLACES[1], False),  # a town after a country: no list
        (_PLACES[1], _CITY, False),  # a country after a town
        (_CITY, None, False),
    ],
)
def test_a_list_is_of_countries_or_of_places_of_one_country(place: Place, before: Place | None, listed: bool) -> None:
    assert in_list_with(place, before) is listed
