"""Added mentions replace the ones they overlap, in text order."""

from __future__ import annotations

import pytest

from geo.model import MatchKind, Mention
from geo.places.added_mentions import with_added


def _m(start: int, end: int) -> Mention:
    return Mention("a.txt", start, end, "x" * (end - start), 0, MatchKind.EXACT, (1,))


@pytest.mark.parametrize(
    ("mentions", "added", "expected"),
    [
        ([(0, 5), (10, 15)], [], [(0, 5), (10, 15)]),  # nothing added: the same list
        ([(0, 5), (10, 15)], [(6, 8)], [(0, 5), (6, 8), (10, 15)]),  # between: kept in text order
        ([(0, 5), (10, 15)], [(12, 20)], [(0, 5), (12, 20)]),  # overlapping: replaced
        ([(0, 5), (10, 15)], [(5, 10)], [(0, 5), (5, 10), (10, 15)]),  # touching is no overlap
        ([(0, 20)], [(3, 4), (8, 9)], [(3, 4), (8, 9)]),  # one mention over two added ones
    ],
)
def test_added_mentions_replace_what_they_overlap(
    mentions: list[tuple[int, int]], added: list[tuple[int, int]], expected: list[tuple[int, int]]
) -> None:
    before = [_m(*span) for span in mentions]
    result = with_added(before, added=[_m(*span) for span in added])
    assert [(m.start, m.end) for m in result] == expected
    assert (result is before) is (not added)
