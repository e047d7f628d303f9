"""The recognizer's memory of the gazetteer: the same answers as the gazetteer, each worked out once, bounded."""

from __future__ import annotations

import pytest

from geo.places.gazetteer import ADJECTIVE, Gazetteer
from geo.places.memo import GazetteerMemo
from geo.text.folding import name_key


@pytest.mark.parametrize("written", ["القاهرة", "Lisbonne", "Ouagadougou", "قرطاج", "zzqx", "ال", "الروسي", "French"])
def test_the_memory_answers_as_the_gazetteer(gazetteer: Gazetteer, written: str) -> None:
    memo = GazetteerMemo(gazetteer)
    key = name_key(written)
    for _ in range(2):  # asked, then remembered
        assert memo.has_prefix(key) == gazetteer.has_prefix(key)
        assert memo.lookup(key) == tuple(gazetteer.lookup(key))
        for hit in memo.lookup(key):
            assert memo.row(hit.row) == (gazetteer.place_type(hit.row), gazetteer.population(hit.row))
        assert memo.adjective(key) == any(hit.flags & ADJECTIVE for hit in gazetteer.lookup(key))


def test_a_small_memory_still_answers_right(gazetteer: Gazetteer) -> None:
    memo = GazetteerMemo(gazetteer, size=1)
    keys = [name_key(w) for w in ("Paris", "Tunis", "Paris", "Alger")]
    assert [memo.lookup(k) for k in keys] == [tuple(gazetteer.lookup(k)) for k in keys]
