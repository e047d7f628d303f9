"""Journeys: one traveller's articles split by time gaps and by a return home; slugs unique and ASCII."""

from __future__ import annotations

import pytest

from geo.archive.journeys import alike, find_journeys, home_country, slug
from geo.archive.reading import Digest
from geo.settings import ArchiveSettings


def _d(
    name: str, traveller: str | None, published: str | None, *stops: tuple[str, str, str | None]
) -> tuple[str, Digest]:
    return f"k-{name}", Digest(name, traveller, ("Leader Omar",) if traveller else (), published, tuple(stops))


CASES = [
    ("one trip", [_d("a", "LDR", "2024-01-01"), _d("b", "LDR", "2024-01-05")], [("a", "b")]),
    ("weeks apart", [_d("a", "LDR", "2024-01-01"), _d("b", "LDR", "2024-03-01")], [("a",), ("b",)]),
    ("two travellers", [_d("a", "LDR", "2024-01-01"), _d("b", "XYZ", "2024-01-02")], [("a",), ("b",)]),
    (
        "back home, then away again",
        [
            _d("a", "LDR", "2024-01-01", ("departure", "EG", "2024-01-01"), ("visit", "FR", "2024-01-02")),
            _d("b", "LDR", "2024-01-03", ("visit", "EG", "2024-01-03")),
            _d("c", "LDR", "2024-01-06", ("departure", "EG", "2024-01-06"), ("visit", "IT", "2024-01-06")),
        ],
        [("a", "b"), ("c",)],
    ),
    ("undated joins the last", [_d("a", "LDR", "2024-01-01"), _d("z", "LDR", None)], [("a", "z")]),
    (
        "the host's article joins the visit",
        [
            _d("a", "LDR", "2024-01-01", ("visit", "FR", "2024-01-01")),
            _d("b", "LDR", "2024-01-02", ("visit", "FR", "2024-01-02")),
            _d("h", "HST", "2024-01-02", ("visit", "FR", "2024-01-02")),
        ],
        [("a", "b", "h")],
    ),
    (
        "another leader elsewhere stays apart",
        [
            _d("a", "LDR", "2024-01-01", ("visit", "FR", "2024-01-01")),
            _d("b", "LDR", "2024-01-02", ("visit", "FR", "2024-01-02")),
            _d("o", "OTH", "2024-01-02", ("visit", "JP", "2024-01-02")),
        ],
        [("a", "b"), ("o",)],
    ),
    (
        "no traveller, weeks later",
        [
            _d("a", "LDR", "2024-01-01", ("visit", "FR", "2024-01-01")),
            _d("b", "LDR", "2024-01-02", ("visit", "FR", "2024-01-02")),
            _d("h", "HST", "2024-01-20", ("visit", "FR", "2024-01-20")),
        ],
        [("a", "b"), ("h",)],
    ),
]


@pytest.mark.parametrize(("case", "digests", "expected"), CASES, ids=[c[0] for c in CASES])
def test_journeys(case: str, digests: list, expected: list) -> None:
    journeys, left = find_journeys(digests, settings=ArchiveSettings())
    assert [j.articles for j in journeys] == expected
    assert left == []
    assert len({j.slug for j in journeys}) == len(journeys)


def _named(name: str, published: str, sounds: tuple[str, ...]) -> tuple[str, Digest]:
    return f"k-{name}", Digest(name, sounds[0], (), published, (), sounds)


def test_one_traveller_across_scripts() -> None:
    """Sounds of any word of the names join: «بشار الأسد» (BSR, SD), "Bachar el-Assad" (BSR), "Assad" (SD)."""
    digests = [
        _named("ar", "2024-01-01", ("BSR", "BSRSD", "SD")),
        _named("fr", "2024-01-02", ("BSR",)),
        _named("en", "2024-01-02", ("SD",)),
        _named("ke", "2024-01-02", ("SRLZ",)),
        _named("ke2", "2024-01-03", ("SRLS",)),
    ]
    journeys, _ = find_journeys(digests, settings=ArchiveSettings())
    assert sorted(j.articles for j in journeys) == [("ar", "en", "fr"), ("ke", "ke2")]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("FRNS", "FRNKS", True),
        ("BNDKT", "BNDKTS", True),
        ("SRLS", "SRLS", True),
        ("BDN", "BTN", False),
        ("BM", "BN", False),
    ],
)
def test_alike(a: str, b: str, expected: bool) -> None:
    assert alike(a, b, fuzzy_length=4) is expected


def test_articles_in_no_journey_say_why() -> None:
    journeys, left = find_journeys([_d("a", None, "2024-01-01"), _d("b", "LDR", None)], settings=ArchiveSettings())
    assert journeys == []
    assert [(u.name, u.reason) for u in left] == [("a", "no traveller found"), ("b", "no publication date")]


def test_home_is_where_departures_start() -> None:
    digests = [
        _d("a", "L", "2024-01-01", ("departure", "EG", None), ("departure", "EG", None), ("departure", "SA", None))
    ]
    assert home_country(d for _, d in digests) == "EG"


@pytest.mark.parametrize(
    ("names", "fallback", "expected"),
    [
        (("فلاديمير بوتين", "Vladimir Putin"), "BTN", "vladimir-putin"),
        (("فلاديمير بوتين",), "BTN", "btn"),
        ((), "", "traveller"),
    ],
)
def test_slug(names: tuple, fallback: str, expected: str) -> None:
    assert slug(names, fallback=fallback) == expected


def _news(name: str, published: str, *stops: tuple[str, str, str | None], named: tuple[str, ...] = ()) -> tuple:
    """An article with no traveller: the stops it gives and the countries it names."""
    return f"k-{name}", Digest(name, None, (), published, tuple(stops), (), named or tuple(c for _, c, _ in stops))


VISIT = [
    _d("a", "LDR", "2024-01-01", ("visit", "FR", "2024-01-01")),
    _d("b", "LDR", "2024-01-02", ("visit", "FR", "2024-01-02")),
]

LOOSE_CASES = [
    ("a visit with no traveller named joins", [_news("n", "2024-01-02", ("visit", "FR", "2024-01-02"))], ["n"], []),
    ("news that only names the country stays out", [_news("n", "2024-01-02", named=("FR",))], [], ["n"]),
    (
        "the country's news of another day stays out",
        [_news("n", "2024-01-03", ("visit", "FR", "2024-01-03"))],
        [],
        ["n"],
    ),
    (
        "what joins never stretches the journey",
        [
            _news("n1", "2024-01-04", ("visit", "FR", "2024-01-02")),
            _news("n2", "2024-01-05", ("visit", "FR", "2024-01-02")),
            _news("n3", "2024-01-07", ("visit", "FR", "2024-01-02")),
            _news("n4", "2024-01-09", ("visit", "FR", "2024-01-02")),
        ],
        ["n1", "n2"],
        ["n3", "n4"],
    ),
]


@pytest.mark.parametrize(("case", "news", "joined", "out"), LOOSE_CASES, ids=[c[0] for c in LOOSE_CASES])
def test_articles_with_no_traveller(case: str, news: list, joined: list, out: list) -> None:
    journeys, left = find_journeys([*VISIT, *news], settings=ArchiveSettings())
    assert [j.articles for j in journeys] == [("a", "b", *joined)]
    assert [u.name for u in left] == out
    assert {u.reason for u in left} <= {"no traveller found"}
