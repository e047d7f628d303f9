"""Memory for the recognizer's hot loop: what it asks the gazetteer, and what it works out per word, once.

News repeats its words, and every word of an article is asked about (does a name start with it? which
names is it? how large is that place?). The gazetteer answers from a memory-mapped trie and arrays, a few
microseconds a question; :class:`GazetteerMemo` keeps each answer, :func:`remembered` anything else worked
out from a word. Each memory holds at most ``size`` answers, then starts afresh, so a long run (an archive)
stays bounded. Nothing is remembered that a later answer could change: the gazetteer is read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from geo.model import PlaceType
from geo.places.gazetteer import ADJECTIVE, Gazetteer, NameHit

__all__ = ["GazetteerMemo", "remembered"]

SIZE = 262144  # answers a memory keeps before it starts afresh (a few MB; a year of news has ~10^5 word forms)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def remembered(memory: dict[K, V], key: K, work: Callable[[K], V], *, size: int = SIZE) -> V:
    """``work(key)``, worked out once per ``key`` and kept in ``memory`` (emptied when it holds ``size`` answers).

    Parameters
    ----------
    memory:
        The dictionary of the answers so far.
    key:
        The question.
    work:
        Works out the answer to a question not yet asked.
    size:
        How many answers ``memory`` keeps before it starts afresh.

    Returns
    -------
    The answer.
    """
    if key in memory:
        return memory[key]
    if len(memory) >= size:
        memory.clear()
    answer = memory[key] = work(key)
    return answer


class GazetteerMemo:
    """A gazetteer's answers to the recognizer's questions, each asked of the trie or the arrays once.

    Parameters
    ----------
    gazetteer:
        The loaded gazetteer.
    size:
        How many answers each memory keeps before it starts afresh.
    """

    def __init__(self, gazetteer: Gazetteer, *, size: int = SIZE) -> None:
        self.gazetteer = gazetteer
        self.size = size
        self._prefixes: dict[str, bool] = {}
        self._names: dict[str, tuple[NameHit, ...]] = {}
        self._rows: dict[int, tuple[PlaceType, int]] = {}
        self._adjectives: dict[str, bool] = {}

    def has_prefix(self, key: str) -> bool:
        """:meth:`Gazetteer.has_prefix <geo.places.gazetteer.Gazetteer.has_prefix>`, remembered."""
        known = self._prefixes.get(key)  # the hottest questions: answered here, not through remembered()
        if known is None:
            if len(self._prefixes) >= self.size:
                self._prefixes.clear()
            known = self._prefixes[key] = self.gazetteer.has_prefix(key)
        return known

    def lookup(self, key: str) -> tuple[NameHit, ...]:
        """:meth:`Gazetteer.lookup <geo.places.gazetteer.Gazetteer.lookup>` as a tuple, remembered."""
        known = self._names.get(key)
        if known is None:
            if len(self._names) >= self.size:
                self._names.clear()
            known = self._names[key] = tuple(self.gazetteer.lookup(key))
        return known

    def adjective(self, key: str) -> bool:
        """Whether some place's modifier («الروسي», "Russian") has the key ``key``, remembered."""
        known = self._adjectives.get(key)
        if known is None:
            if len(self._adjectives) >= self.size:
                self._adjectives.clear()
            known = self._adjectives[key] = any(hit.flags & ADJECTIVE for hit in self.lookup(key))
        return known

    def row(self, row: int) -> tuple[PlaceType, int]:
        """The place type and population of gazetteer row ``row``, remembered."""
        known = self._rows.get(row)
        if known is None:
            if len(self._rows) >= self.size:
                self._rows.clear()
            known = self._rows[row] = (self.gazetteer.place_type(row), self.gazetteer.population(row))
        return known
