"""The readings cache: what this run saw, its digests and failures, pruning the rest."""

from __future__ import annotations

from pathlib import Path

from geo.archive.cache import ReadingCache
from geo.archive.reading import Digest


def test_cache_round_trip(tmp_path: Path) -> None:
    digest = Digest("a.txt", "LDR", ("Leader",), "2024-01-01", (("visit", "EG", "2024-01-01"),))
    cache = ReadingCache(tmp_path / "c.sqlite")
    assert not cache.see("k1", "a.txt")
    cache.put([("k1", "a.txt", b"blob", digest.to_json()), ("k2", "b.txt", None, "bad bytes")])
    cache.see("k2", "b.txt")
    assert list(cache.digests()) == [("k1", digest)]
    assert list(cache.failures()) == [("b.txt", "bad bytes")]
    assert cache.blob("k1") == b"blob"
    cache.close()
    again = ReadingCache(tmp_path / "c.sqlite")
    assert again.see("k1", "a.txt")
    assert again.prune() == 1  # k2 was not seen in this run
    again.close()


def test_journeys_told(tmp_path: Path) -> None:
    cache = ReadingCache(tmp_path / "c.sqlite")
    assert cache.told("2024-01-01_leader") is None
    cache.tell("2024-01-01_leader", "d1", stops=3)
    cache.tell("2024-02-01_other", "d2", stops=0)
    assert cache.told("2024-01-01_leader") == ("d1", 3)
    cache.forget_told({"2024-02-01_other"})
    assert cache.told("2024-01-01_leader") is None
    assert cache.told("2024-02-01_other") == ("d2", 0)
    cache.close()
