"""Which words may belong to one name: the gaps that join two words, a name inside a longer hashtag, and the
words written before each writing of a word, for the recognizer (:mod:`geo.places.recognition`).

Example
-------
>>> from geo.text.folding import tokens
>>> text = "Saint-Denis, U.S."
>>> w = tokens(text)
>>> joins(w[0], w[1], text, max_chars=3), joins(w[1], w[2], text, max_chars=3), joins(w[2], w[3], text, max_chars=3)
(True, False, True)
"""

from __future__ import annotations

from geo.text.folding import Token

__all__ = ["JOIN_CHARS", "Joins", "WordsBefore", "inside_longer_hashtag", "joins"]

#: A name's words may be joined by these (spaces, hyphens, apostrophes).
JOIN_CHARS = frozenset(" \u00a0-\u2010\u2011\u2013'\u2019\u02bc")


def joins(a: Token, b: Token, text: str, *, max_chars: int) -> bool:
    """Whether two words may belong to one name: a short gap of spaces, hyphens or apostrophes, the
    underscore of a hashtag (#شرم_الشيخ), or the dot between initials ("U.S.")."""
    gap = text[a.end : b.start]
    if len(gap) > max_chars:
        return False
    if all(c in JOIN_CHARS or c == "_" for c in gap):
        return True
    return gap == "." and len(a.text) == len(b.text) == 1


class Joins:
    """Whether word ``j`` and the next may belong to one name (:func:`joins`), worked out when first asked."""

    __slots__ = ("_known", "_max_chars", "_text", "_words")

    def __init__(self, words: list[Token], text: str, *, max_chars: int) -> None:
        self._words, self._text, self._max_chars = words, text, max_chars
        self._known: list[bool | None] = [None] * len(words)

    def __getitem__(self, j: int) -> bool:
        known = self._known[j]
        if known is None:
            words = self._words
            if j + 1 >= len(words):
                known = False
            elif self._text[words[j].end : words[j + 1].start] == " ":
                known = True  # the usual gap, one space
            else:
                known = joins(words[j], words[j + 1], self._text, max_chars=self._max_chars)
            self._known[j] = known
        return known


class WordsBefore:
    """Which words stand right before each writing of a word (the surname check asks)."""

    __slots__ = ("_texts", "_words")

    def __init__(self, words: list[Token]) -> None:
        self._words = words
        self._texts: list[str] | None = None

    def elsewhere(self, word: str, before: str) -> bool:
        """Tell whether the article also writes ``word`` right after a word other than ``before``."""
        if self._texts is None:
            self._texts = [token.text for token in self._words]
        texts, k = self._texts, -1
        while True:
            try:
                k = texts.index(word, k + 1)
            except ValueError:
                return False
            if k and texts[k - 1] != before:
                return True


def inside_longer_hashtag(text: str, words: list[Token], first_word: int, last_word: int) -> bool:
    """Tell whether the name of words ``first_word``..``last_word`` is only part of a hashtag (#سيول_تونس,
    #ParisAttacks): the tag is about something else."""
    first, last = words[first_word], words[last_word]
    if text.find("#", 0, first.start) < 0:
        return False  # (the cheap test first: no hashtag before it)
    k = first.start
    while k > 0 and (text[k - 1] == "_" or text[k - 1].isalnum()):
        k -= 1
    if k == 0 or text[k - 1] != "#":
        return False
    end = last.end
    return k < first.start or (end < len(text) and (text[end] == "_" or text[end].isalnum()))
