"""Memory for the recognizer's hot loop: what it asks the gazetteer, and what it works out per word, once.

News repeats its words, and every word of an article is asked about (does a name start with it? which
names is it? how large is that place?). The gazetteer answers from a memory-mapped trie and arrays, a few
microseconds a question; :class:`GazetteerMemo` keeps each answer in a :class:`~geo.text.memory.Memory`,
which holds at most ``size`` answers, then starts afresh, so a long run (an archive) stays bounded.
Nothing is remembered that a later answer could change: the gazetteer is read-only.
"""

from __future__ import annotations

from geo.model import PlaceType
from geo.places.gazetteer import ADJECTIVE, Gazetteer, NameHit
from geo.text.memory import SIZE, Memory

__all__ = ["GazetteerMemo"]


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
        self._prefixes: Memory[str, bool] = Memory(gazetteer.has_prefix, size=size)
        self._names: Memory[str, tuple[NameHit, ...]] = Memory(lambda key: tuple(gazetteer.lookup(key)), size=size)
        self._rows: Memory[int, tuple[PlaceType, int]] = Memory(
            lambda row: (gazetteer.place_type(row), gazetteer.population(row)), size=size
        )
        self._adjectives: Memory[str, bool] = Memory(
            lambda key: any(hit.flags & ADJECTIVE for hit in self._names[key]), size=size
        )

    def has_prefix(self, key: str) -> bool:
        """:meth:`Gazetteer.has_prefix <geo.places.gazetteer.Gazetteer.has_prefix>`, remembered."""
        return self._prefixes[key]

    def lookup(self, key: str) -> tuple[NameHit, ...]:
        """:meth:`Gazetteer.lookup <geo.places.gazetteer.Gazetteer.lookup>` as a tuple, remembered."""
        return self._names[key]

    def adjective(self, key: str) -> bool:
        """Whether some place's modifier («الروسي», "Russian") has the key ``key``, remembered."""
        return self._adjectives[key]

    def row(self, row: int) -> tuple[PlaceType, int]:
        """The place type and population of gazetteer row ``row``, remembered."""
        return self._rows[row]
