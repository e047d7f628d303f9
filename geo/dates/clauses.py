"""A text folded for the date scanner, and the clauses it is cut into.

The scanner matches folded text (:func:`geo.text.folding.fold`) and maps its
spans back to the text as written. The tense of a date is read in its
clause: a clause runs between strong punctuation (and quotation marks) and
the words that open a reported clause («إن/أن», "that", "que") or an eve
("ahead of", «عشية»), so in «قال الكرملين الخميس إن لافروف سيزور…»
Thursday belongs to the clause of saying. :func:`clause_bounds` gives the
clause of a span of a text to other stages (a stop's date is its clause's).
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from geo.dates.date_words import load_dates_lexicon
from geo.dates.patterns import WordStarts, date_patterns
from geo.text.folding import Folded, fold, fold_text

__all__ = [
    "ScannedText",
    "clause_bounds",
    "clause_scan",
    "last_word",
    "relative_clause_after",
    "scan_text",
    "scanned_clause_text",
    "scanned_text",
]


@dataclass(frozen=True, slots=True)
class ScannedText:
    """A text being scanned: as written, folded, its language and its clause boundaries.

    The clause boundaries are found on first use, and what the date scanner finds in the text
    (:func:`geo.dates.atoms.find_groups`) is kept in :attr:`memo`, so every stage that asks about
    one article's text shares one scan.

    Attributes
    ----------
    text:
        The text as written.
    folded:
        Its folded form and the offset map back to ``text``.
    language:
        ``"ar"``, ``"fr"`` or ``"en"``.
    memo:
        Results computed from the text, by name (filled on first use).
    """

    text: str
    folded: Folded
    language: str
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def break_starts(self) -> tuple[int, ...]:
        """The folded starts of the clause breaks, in text order."""
        return self._breaks()[0]

    @property
    def break_ends(self) -> tuple[int, ...]:
        """The folded ends of the clause breaks, in the order of :attr:`break_starts`."""
        return self._breaks()[1]

    def _breaks(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The clause breaks, found once (from the words' starts when the date scanner has found them)."""
        found = self.memo.get("breaks")
        if found is None:
            found = self.memo["breaks"] = _find_breaks(self.text, self.folded, self.memo.get("starts"))
        return found

    def word_starts(self) -> WordStarts:
        """Where each date pattern and clause-break word may start, and where runs of digits start (found once:
        :meth:`~geo.dates.patterns.Patterns.starts_in`)."""
        found = self.memo.get("starts")
        if found is None:
            found = self.memo["starts"] = date_patterns().starts_in(self.folded.text)
        return found

    def char(self, index: int) -> str:
        """The original character behind folded position ``index``."""
        return self.text[self.folded.offsets[index]]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The folded span of the clause around the folded span ``[start, end)``."""
        i = bisect.bisect_right(self.break_ends, start)
        clause_start = self.break_ends[i - 1] if i else 0
        j = bisect.bisect_left(self.break_starts, end)
        clause_end = self.break_starts[j] if j < len(self.break_starts) else len(self.folded.text)
        return clause_start, clause_end

    def clause_text(self, start: int, end: int) -> str:
        """The clause around the folded span ``[start, end)``, as written."""
        clause_start, clause_end = self.clause(start, end)
        offsets = self.folded.offsets
        return self.text[offsets[clause_start] : offsets[clause_end]]

    def opening_words(self, start: int, end: int) -> list[str]:
        """The folded words of the break that opens the clause around the original span ``[start, end)``, and the
        word right before that break («… بعد أن زار»: «أن» and «بعد»; "after"); empty at the text's first clause."""
        i = bisect.bisect_right(self.break_ends, self.folded_span(start, end)[0])
        if not i:
            return []
        folded = self.folded.text
        return [
            *folded[self.break_starts[i - 1] : self.break_ends[i - 1]].split(),
            *last_word(folded, self.break_starts[i - 1]),
        ]

    def folded_span(self, start: int, end: int) -> tuple[int, int]:
        """The folded span that covers the original span ``[start, end)`` (never reversed)."""
        offsets = self.folded.offsets
        folded_start = bisect.bisect_left(offsets, start, 0, len(offsets) - 1)
        return folded_start, max(folded_start, bisect.bisect_left(offsets, end, 0, len(offsets) - 1))


#: How many texts' scans are kept (the last articles read: every stage of an article shares its scan).
_KEPT_SCANS = 32
#: The scans :func:`scanned_text` made last, by text and language, oldest first.
_ARTICLES: OrderedDict[tuple[str, str], ScannedText] = OrderedDict()


def last_word(text: str, end: int) -> list[str]:
    """The last word of ``text[:end]``, as ``text[:end].split()[-1:]`` gives it, found walking back from ``end``.

    Parameters
    ----------
    text:
        Any text.
    end:
        Where to look back from.

    Returns
    -------
    list of str
        The word, or nothing when only white space stands before ``end``. The work does not grow with ``end``
        (a caller asking at every clause of an article stays linear).
    """
    k = end
    while k and text[k - 1].isspace():
        k -= 1
    j = k
    while j and not text[j - 1].isspace():
        j -= 1
    return [text[j:k]] if k > j else []


def _find_breaks(text: str, folded: Folded, starts: WordStarts | None) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The folded spans of the clause breaks of ``text``, in text order (starts, ends); ``starts``: where the
    break words may start, when already found (else one scan of the folded text)."""
    patterns = date_patterns()
    if starts is None:
        breaks = [(m.start(), m.end()) for m in patterns.clause_break.finditer(folded.text)]
    else:
        breaks = patterns.clause_breaks(folded.text, starts)
    offsets = folded.offsets
    for m in patterns.written_break.finditer(text):  # "où", not "ou": told apart only as written
        start = bisect.bisect_left(offsets, m.start(), 0, len(offsets) - 1)
        breaks.append((start, bisect.bisect_left(offsets, m.end(), 0, len(offsets) - 1)))
    breaks.sort()
    return tuple(s for s, _ in breaks), tuple(e for _, e in breaks)


def scan_text(text: str, language: str) -> ScannedText:
    """Fold ``text`` for the scanner, kept in no cache (a line of an article, asked about once).

    Parameters
    ----------
    text:
        The text as written.
    language:
        ``"ar"``, ``"fr"`` or ``"en"``.

    Returns
    -------
    ScannedText
    """
    return ScannedText(text, fold.__wrapped__(text), language)  # not fold's cache: it holds the article


def scanned_text(text: str, language: str) -> ScannedText:
    """Fold ``text`` for the scanner (kept for the last texts: an article's stages share its scan).

    Parameters
    ----------
    text:
        The text as written.
    language:
        ``"ar"``, ``"fr"`` or ``"en"``.

    Returns
    -------
    ScannedText
    """
    key = (text, language)
    scanned = _ARTICLES.pop(key, None)
    if scanned is None:
        scanned = ScannedText(text, fold(text), language)
    _ARTICLES[key] = scanned  # the newest last
    with suppress(KeyError):  # another thread (a presenter's session) may have emptied it meanwhile
        while len(_ARTICLES) > _KEPT_SCANS:
            _ARTICLES.popitem(last=False)
    return scanned


def clause_scan(text: str, language: str) -> ScannedText:
    """The scan to read the tense of a clause of ``text`` in: the text's own when it is an article already scanned
    (:func:`scanned_text`: its clauses found once for every stage), else :func:`scanned_clause_text`'s.

    Parameters
    ----------
    text:
        The text as written.
    language:
        ``"ar"``, ``"fr"`` or ``"en"``.

    Returns
    -------
    ScannedText
    """
    known = _ARTICLES.get((text, language))
    return known if known is not None else scanned_clause_text(text, language)


@lru_cache(maxsize=32)
def scanned_clause_text(text: str, language: str) -> ScannedText:
    """Fold ``text`` to read the tense of a clause of it (cached apart from :func:`scanned_text`).

    The tense is asked of many pieces of an article (a sentence up to a place); kept in a cache of
    their own, they do not push the articles out of :func:`scanned_text`'s.

    Parameters
    ----------
    text:
        The text as written.
    language:
        ``"ar"``, ``"fr"`` or ``"en"``.

    Returns
    -------
    ScannedText
    """
    return ScannedText(text, fold(text), language)


def clause_bounds(text: str, *, start: int, end: int, language: str) -> tuple[int, int]:
    """The span of ``text`` of the clause around ``[start, end)`` (a date, a place).

    Parameters
    ----------
    text:
        The whole text (an article: cached by :func:`scanned_text`).
    start, end:
        A span of ``text``.
    language:
        ``"ar"``, ``"fr"`` or ``"en"``.

    Returns
    -------
    tuple of int
        Offsets into ``text``: the clause runs between strong punctuation and
        the words that open a clause («إن/أن», "that", "que", "ahead of").
    """
    scanned = scanned_text(text, language)
    clause_start, clause_end = scanned.clause(*scanned.folded_span(start, end))
    offsets = scanned.folded.offsets
    return offsets[clause_start], offsets[clause_end]


def relative_clause_after(text: str, *, end: int, language: str) -> tuple[int, int] | None:
    """The clause a relative pronoun opens right after ``end`` (a place), as offsets of ``text``.

    "à Paris, qu'il doit rallier lundi": the clause is about Paris (its
    object), so its Monday is when the traveller reaches Paris. A comma, and
    nothing but punctuation, stands between ``end`` and the pronoun
    (``relative_pronouns`` of ``data/lexicon/dates.yaml``): "il a dit à
    Paris que …" is a reported clause.

    Parameters
    ----------
    text:
        The whole text.
    end:
        The end of a place's span in ``text``.
    language:
        ``"ar"``, ``"fr"`` or ``"en"``.

    Returns
    -------
    tuple of int or None
        The clause's span, or ``None`` when no relative clause opens there.
    """
    scanned = scanned_text(text, language)
    at = scanned.folded_span(end, end)[0]
    i = bisect.bisect_left(scanned.break_starts, at)
    if i == len(scanned.break_starts):
        return None
    gap = scanned.folded.text[at : scanned.break_starts[i]]
    if any(ch.isalnum() for ch in gap) or not any(ch in ",،" for ch in gap):
        return None
    folded = scanned.folded.text
    pronoun = fold_text(folded[scanned.break_starts[i] : scanned.break_ends[i]]).strip().replace("’", "'")
    if pronoun not in load_dates_lexicon().relative_pronouns:
        return None
    clause_start, clause_end = scanned.clause(scanned.break_ends[i], scanned.break_ends[i])
    offsets = scanned.folded.offsets
    return offsets[clause_start], offsets[clause_end]
