"""Bounded memories for the reader's hot loops: what is worked out per word, kept, and read back at dict speed.

News repeats its words, and the reader asks the same questions of each word again and again (which
proclitics does it carry? does a name start with it? is it a movement verb?). A :class:`Memory` is a
``dict`` that works out a missing answer once (``__missing__``), so a question asked before costs one
C-level look-up and no Python call. Each memory holds at most ``size`` answers, then starts afresh, so a
long run (an archive, a presenter's session) stays bounded. Only pure functions of the key are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["SIZE", "Memory"]

SIZE = 262144  # answers a memory keeps before it starts afresh (a few MB; a year of news has ~10^5 word forms)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memory(dict, Generic[K, V]):  # type: ignore[type-arg]
    """``memory[key]`` is ``work(key)``, worked out the first time ``key`` is asked and kept.

    Parameters
    ----------
    work:
        Works out the answer to a question not yet asked (a pure function of the key).
    size:
        How many answers the memory keeps before it starts afresh.

    Examples
    --------
    >>> lengths = Memory(len, size=2)
    >>> lengths["abc"], lengths["abc"], len(lengths)
    (3, 3, 1)
    """

    __slots__ = ("size", "work")

    def __init__(self, work: Callable[[K], V], *, size: int = SIZE) -> None:
        super().__init__()
        self.work = work
        self.size = size

    def __missing__(self, key: K) -> V:
        if len(self) >= self.size:
            self.clear()
        answer = self[key] = self.work(key)
        return answer
