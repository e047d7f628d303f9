"""The pieces of date expressions and their grouping into one expression."""

from __future__ import annotations

import pytest

from geo.dates.atoms import Piece, day_exists, find_groups, groups_within
from geo.dates.clauses import scanned_text


def _groups(text: str, language: str = "ar") -> list[tuple[str, tuple[Piece | None, ...]]]:
    scanned = scanned_text(text, language)
    found = []
    for group in find_groups(scanned):
        start, end = scanned.folded.original_span(group.start, group.end)
        parts = tuple(a.kind if a else None for a in (group.relative, group.weekday, group.main))
        found.append((text[start:end], parts))
    return found


GROUPS = [
    pytest.param(
        "وصل الوفد اليوم الجمعة 15 سبتمبر 2023 إلى الرباط.",
        "ar",
        [("اليوم الجمعة 15 سبتمبر 2023", (Piece.RELATIVE, Piece.WEEKDAY, Piece.DATE))],
        id="relative-weekday-date-one-expression",
    ),
    pytest.param(
        "The meeting was held on Monday, March 4, 2024.",
        "en",
        [("Monday, March 4, 2024", (None, Piece.WEEKDAY, Piece.DATE))],
        id="weekday-and-date",
    ),
    pytest.param(
        "وتعهد الرئيس الأسبوع الماضي بزيارة في يوليو 2000.",
        "ar",
        [("الأسبوع الماضي", (None, None, Piece.PERIOD)), ("يوليو 2000", (None, None, Piece.MONTH))],
        id="period-and-month-stand-alone",
    ),
    pytest.param("أمضى المستكشف 18 شهراً وقطع 2000 كيلومتر.", "ar", [], id="quantities-are-not-pieces"),
    pytest.param("وكان ذلك اليوم طويلا على الوفد.", "ar", [], id="the-day-noun-is-left-out"),
    pytest.param(
        "وفي اليوم التالي توجه الوفد إلى أسوان.",
        "ar",
        [("في اليوم التالي", (Piece.EVENT_DAY, None, None))],
        id="ar-event-day",
    ),
    pytest.param(
        "Le lendemain, mardi, il a visité Naples.",
        "fr",
        [("Le lendemain, mardi", (Piece.EVENT_DAY, Piece.WEEKDAY, None))],
        id="fr-event-day-with-its-weekday",
    ),
    pytest.param("La veille de sa visite, le port était fermé.", "fr", [], id="fr-eve-of-a-named-event"),
    pytest.param("Au lendemain du sommet, le ministre est rentré.", "fr", [], id="fr-day-after-a-named-event"),
    pytest.param("The next day of talks was cancelled.", "en", [], id="en-next-day-of-a-named-event"),
    pytest.param(
        "The following morning the envoy flew on.",
        "en",
        [("The following morning", (Piece.EVENT_DAY, None, None))],
        id="en-event-day",
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), GROUPS)
def test_find_groups(text: str, language: str, expected: list) -> None:
    assert _groups(text, language) == expected


@pytest.mark.parametrize(
    ("year", "month", "day", "exists"),
    [(2024, 2, 29, True), (2023, 2, 29, False), (None, 2, 29, True), (None, 4, 31, False)],
)
def test_day_exists(year: int | None, month: int, day: int, exists: bool) -> None:
    assert day_exists(year, month, day) is exists


def test_selection_keeps_the_longest_atoms_that_do_not_overlap() -> None:
    import random

    from geo.dates.atoms import Atom, _select

    rng = random.Random(7)
    fields = Atom.__dataclass_fields__
    for _ in range(50):
        atoms = []
        for _ in range(rng.randrange(1, 40)):
            start = rng.randrange(0, 200)
            values = {name: None for name in fields}
            values.update(start=start, end=start + rng.randrange(1, 15))
            atoms.append(Atom(**values))
        brute: list[Atom] = []
        for atom in sorted(atoms, key=lambda a: (a.start - a.end, a.start)):
            if all(atom.end <= c.start or atom.start >= c.end for c in brute):
                brute.append(atom)
        assert _select(atoms) == sorted(brute, key=lambda a: a.start)


def test_the_groups_of_a_scanned_text_are_found_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import geo.dates.atoms as atoms

    calls: list[str] = []
    find = atoms._find_groups
    monkeypatch.setattr(atoms, "_find_groups", lambda scanned: calls.append(scanned.text) or find(scanned))
    scanned = scanned_text("وصل الوزير يوم الأحد 3 مارس 2024 وغادر أمس.", "ar")
    first = find_groups(scanned)
    first.clear()  # a caller's list is its own
    assert find_groups(scanned) == find_groups(scanned) != []
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("text", "line", "read"),
    [
        pytest.param("وصل في 3 مايو 2020\nثم عاد", 0, True, id="a-line-apart"),
        pytest.param("وصل في 3 مايو\n2020 ثم عاد", 0, False, id="a-date-runs-over-the-newline"),
        pytest.param("قال الوزير\nالأحد إن الوفد وصل", 1, False, id="a-weekday-opens-the-line"),
    ],
)
def test_a_lines_expressions_come_from_the_whole_scan_when_they_can(text: str, line: int, read: bool) -> None:
    scanned = scanned_text(text, "ar")
    start = 0 if line == 0 else scanned.folded.text.index("\n") + 1
    end = scanned.folded.text.find("\n", start)
    end = len(scanned.folded.text) if end < 0 else end
    found = groups_within(scanned, start=start, end=end)
    assert (found is not None) == read
    if found is not None:
        assert [g for g in find_groups(scanned) if start <= g.start < end] == found
