"""Movement words met in running text: which folded words say the traveller moves, each word worked out once.

The traveller's names and the roles of places are read by asking every word of an article whether it is a
movement word (:meth:`~geo.places.lexicon.Lexicon.movement_kind`). Most words cannot be one, and a cheap test
says so: the lexicon strips only proclitics and a future prefix from the front of a word (restoring the article
after «لل»), so a movement word is always at the end of the word as written, with or without its article. A word
whose ending is no movement word's ending is none; only the few others are asked of the lexicon. The answer for
each word is remembered (news repeats words).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from threading import Lock

from geo.places.lexicon import Lexicon, Movement

__all__ = ["MovementWords", "movement_words"]

#: Words whose answer a :class:`MovementWords` keeps; then it starts afresh (memory stays bounded).
_KNOWN_WORDS = 131072
#: The article the lexicon restores after a proclitic («للزيارة» read as «الزيارة»).
_ARTICLE = "ال"


@dataclass(frozen=True, slots=True)
class MovementWords:
    """The movement words of one lexicon, tested by their endings first.

    Attributes
    ----------
    lexicon:
        The word lists.
    endings:
        Every movement word, and every one that starts with the article also without it.
    lengths:
        The lengths of the endings, by their last two letters (one letter for an ending that short).
    """

    lexicon: Lexicon
    endings: frozenset[str]
    lengths: dict[str, tuple[int, ...]]
    _known: dict[str, tuple[Movement, bool] | None] = field(default_factory=dict, init=False, repr=False, compare=False)
    _movers: dict[str, tuple[Movement, bool]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _lock: Lock = field(default_factory=Lock, init=False, repr=False, compare=False)  # readers may share it

    @classmethod
    def of(cls, lexicon: Lexicon) -> MovementWords:
        """The movement words of ``lexicon``."""
        endings = {*lexicon.movement, *(w[len(_ARTICLE) :] for w in lexicon.movement if w.startswith(_ARTICLE))}
        endings.discard("")
        lengths: dict[str, set[int]] = {}
        for ending in endings:
            lengths.setdefault(ending[-2:], set()).add(len(ending))
        return cls(lexicon, frozenset(endings), {k: tuple(sorted(v)) for k, v in lengths.items()})

    def may_be(self, key: str) -> bool:
        """Tell whether the folded word ``key`` ends as a movement word does (``False``: it is none)."""
        sizes = self.lengths.get(key[-2:], ())
        return any(key[-n:] in self.endings for n in sizes) or key[-1:] in self.endings

    def kind(self, key: str) -> tuple[Movement, bool] | None:
        """``(Movement, future)`` when the folded word ``key`` is a movement word, as the lexicon says."""
        with self._lock:
            if key not in self._known:
                if len(self._known) >= _KNOWN_WORDS:
                    self._forget()
                self._learn({key})
            return self._known[key]

    def kinds(self, keys: set[str]) -> dict[str, tuple[Movement, bool]]:
        """The movement words among the folded words ``keys``, with their ``(Movement, future)``."""
        with self._lock:
            new = keys.difference(self._known)  # the words met for the first time
            if new and len(self._known) + len(new) > _KNOWN_WORDS:
                self._forget()
                new = set(keys)
            if new:
                self._learn(new)
            movers = self._movers
            return {key: movers[key] for key in keys.intersection(movers)}

    def _forget(self) -> None:
        """Start afresh (what is remembered stays bounded)."""
        self._known.clear()
        self._movers.clear()

    def _learn(self, new: set[str]) -> None:
        """Work out and remember the kinds of words not met before (most end as no movement word does)."""
        self._known.update(dict.fromkeys(new))
        lengths, endings = self.lengths, self.endings
        for key in [key for key in new if key[-2:] in lengths or key[-1:] in endings]:
            kind = self._known[key] = self.lexicon.movement_kind(key) if self.may_be(key) else None
            if kind is not None:
                self._movers[key] = kind


_BY_LEXICON: dict[int, MovementWords] = {}


def movement_words(lexicon: Lexicon) -> MovementWords:
    """The :class:`MovementWords` of ``lexicon``, made once per lexicon.

    Parameters
    ----------
    lexicon:
        The word lists.

    Returns
    -------
    MovementWords
    """
    found = _BY_LEXICON.get(id(lexicon))
    if found is None or found.lexicon is not lexicon:
        if len(_BY_LEXICON) >= 8:  # a few lexicons in one process at most (tests build their own)
            _BY_LEXICON.clear()
        found = _BY_LEXICON[id(lexicon)] = MovementWords.of(lexicon)
    return found
