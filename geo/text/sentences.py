"""Sentence spans of an article's text.

A sentence ends at a line break, or at ``.``, ``!``, ``?``, ``؟``, ``…`` (a run
of them counts as one end) followed by white space, by the end of the line or,
as Arabic often omits the space (``قال.وأضاف``), directly by an Arabic letter.
Closing quotes and brackets after the end stay with the sentence. The Arabic
semicolon ``؛`` joins clauses and never ends a sentence.

A full stop does not end a sentence

* inside a number (``3.5``, ``2023.09.16``): no space or Arabic letter follows it;
* after a single letter (initials such as ``J. K.``, ``U.S.``, ``د.``), unless
  the letter follows a number (the era mark in ``2023م.``);
* after a common abbreviation (``Mr.``, ``Dr.``, ``Mme.``, ``Gen.``...);
* when the next word starts with a lower-case letter (``approx. five``);
* when a letter or a digit follows it directly in Latin text (``www.site.com``).

Spans are trimmed of white space and invisible format characters, and a span
without any letter or digit (a lone dash, stray dots) is dropped.

:func:`break_long_lines` bounds the length of a line before any stage reads
it: a line longer than the limit is broken at its last sentence end (else its
last white space) within the limit, that one space becoming a line break, so
offsets and length stay as they were; a stretch of the limit's length without
white space cannot be broken and is refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from geo.errors import InputError
from geo.model import Span

__all__ = ["break_long_lines", "split_sentences", "line_spans"]

#: Line breaks, as :meth:`str.splitlines` knows them.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")

#: A run of sentence-ending punctuation (``؛`` is deliberately absent).
_TERMINATORS = re.compile(r"[.!?؟…۔]+")

#: Characters that close a quotation or a bracket and stay with the sentence before them.
_CLOSERS = frozenset("\"'”’»›)]}」』")

#: Punctuation whose sentence end holds even before a lower-case word.
_STRONG = frozenset("!?؟")

#: Abbreviations (compared case-insensitively, without the final dot) that do not end a sentence.
# fmt: off
_ABBREVIATIONS = frozenset({
    # English
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "maj", "sgt", "capt", "adm",
    "cmdr", "gov", "sen", "rep", "pres", "rev", "hon", "mt", "ft", "vs", "e.g", "i.e", "inc", "ltd",
    "corp", "co", "bros", "dept", "approx", "fig", "vol", "ca", "ave", "blvd",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    # French
    "mme", "mmes", "mlle", "mlles", "pr", "ste", "cf", "env", "av", "gal", "cdt", "mgr",
})
# fmt: on


def line_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` range of every line of ``text``, without its line break.

    Parameters
    ----------
    text:
        Any text; ``\\r\\n``, ``\\r``, ``\\n`` and the other Unicode line breaks end a line.

    Returns
    -------
    list of tuple of int
        One range per line, in order; a text ending with a line break ends with an empty line.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


#: A sentence end followed by one white space character (group 1): where a long line is best broken.
_SENTENCE_GAP = re.compile(r"[.!?؟…۔][\"'”’»›)\]}」』]*(\s)")
#: White space inside a line.
_INNER_SPACE = re.compile(r"[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def break_long_lines(text: str, *, max_chars: int, source: str = "article") -> str:
    """``text`` with every line longer than ``max_chars`` broken into lines of at most ``max_chars``.

    Each break replaces one white space character by ``\\n`` (offsets do not move): the one after the last
    sentence end within the limit, else the last white space within it. Work is linear in ``len(text)``.

    Parameters
    ----------
    text:
        An article's text.
    max_chars:
        The longest line kept.
    source:
        The article's name, for the error message.

    Raises
    ------
    InputError
        When a line holds ``max_chars`` characters without white space.
    """
    breaks: list[int] = []
    for number, (start, end) in enumerate(line_spans(text), start=1):
        begin = start
        while end - begin > max_chars:
            stop = begin + max_chars + 1  # a space right after the limit still makes a line of max_chars
            at = _last_start(_SENTENCE_GAP, text, begin, stop, group=1)
            at = at if at is not None else _last_start(_INNER_SPACE, text, begin + 1, stop, group=0)
            if at is None:
                raise InputError(
                    f"{source}: line {number} runs over {max_chars:,} characters without a space to break it at"
                )
            breaks.append(at)
            begin = at + 1
    if not breaks:
        return text
    chars = list(text)
    for at in breaks:
        chars[at] = "\n"
    return "".join(chars)


def _last_start(pattern: re.Pattern[str], text: str, begin: int, stop: int, *, group: int) -> int | None:
    """Where ``group`` of the last match of ``pattern`` in ``text[begin:stop]`` starts (one pass over it)."""
    last = None
    for match in pattern.finditer(text, begin, stop):
        last = match
    return None if last is None else last.start(group)


def split_sentences(text: str) -> tuple[Span, ...]:
    """Split ``text`` into sentence spans.

    Parameters
    ----------
    text:
        An article's text, in its original characters.

    Returns
    -------
    tuple of Span
        Ordered, non-overlapping, non-empty spans, each trimmed of surrounding white space,
        so that ``text[span.start:span.end]`` is one sentence.
    """
    spans: list[Span] = []
    for start, end in line_spans(text):
        for piece_start, piece_end in _split_line(text, start, end):
            span = _trim(text, piece_start, piece_end)
            if span is not None:
                spans.append(span)
    return tuple(spans)


def _split_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield the untrimmed sentence ranges of the line ``text[start:end]``."""
    begin = start
    for match in _TERMINATORS.finditer(text, start, end):
        stop = _sentence_end(text, match.start(), match.end(), end)
        if stop is not None:
            yield begin, stop
            begin = stop
    yield begin, end


def _sentence_end(text: str, i: int, j: int, end: int) -> int | None:
    """Return where the sentence ends when the terminator run ``text[i:j]`` ends one, else ``None``."""
    run = text[i:j]
    if run == "." and _protected_dot(text, i):
        return None
    k = j
    while k < end and text[k] in _CLOSERS:
        k += 1
    if k >= end:
        return k
    following = text[k]
    if following.isspace():
        if _STRONG.isdisjoint(run) and _next_word_is_lowercase(text, k, end):
            return None
        return k
    if _is_arabic_letter(following):
        return k
    return None


def _protected_dot(text: str, i: int) -> bool:
    """Tell whether the single full stop at ``i`` belongs to an initial or an abbreviation.

    (A full stop inside a number, as in ``3.5``, is followed by a digit: it never ends a sentence.)
    """
    word = _word_before(text, i)
    if not word:
        return False
    last = word.rsplit(".", 1)[-1]
    if sum(ch.isalpha() for ch in last) == 1 and not _follows_number(text, i - len(word)):
        return True
    return word.casefold() in _ABBREVIATIONS


_WORD_BEFORE_LIMIT = 24  # abbreviations are short: look no further back (keeps long inputs linear)


def _word_before(text: str, i: int) -> str:
    """Return the letters (with inner dots, as in ``U.S``) right before offset ``i``."""
    k = i
    floor = max(0, i - _WORD_BEFORE_LIMIT)
    while k > floor:
        ch = text[k - 1]
        if _is_word_char(ch) or (ch == "." and k >= 2 and _is_word_char(text[k - 2])):
            k -= 1
        else:
            break
    return text[k:i].lstrip(".")


def _is_word_char(ch: str) -> bool:
    """Letters and the combining marks (Arabic short vowels) that sit on them."""
    return ch.isalpha() or unicodedata.category(ch) == "Mn"


def _follows_number(text: str, k: int) -> bool:
    """Tell whether a digit, possibly followed by one space, ends just before offset ``k``."""
    if k > 0 and text[k - 1] == " ":
        k -= 1
    return k > 0 and text[k - 1].isdigit()


def _next_word_is_lowercase(text: str, k: int, end: int) -> bool:
    """Tell whether the first non-space character at or after ``k`` is a lower-case letter."""
    while k < end and text[k].isspace():
        k += 1
    return k < end and text[k].islower()


def _is_arabic_letter(ch: str) -> bool:
    """Tell whether ``ch`` is a letter of the Arabic script."""
    code = ord(ch)
    in_block = 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0x08A0 <= code <= 0x08FF
    in_forms = 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF
    return (in_block or in_forms) and ch.isalpha()


def _trim(text: str, start: int, end: int) -> Span | None:
    """Trim white space and invisible marks; return ``None`` when no letter or digit is left."""
    while start < end and _is_blank(text[start]):
        start += 1
    while end > start and _is_blank(text[end - 1]):
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return Span(start, end)


def _is_blank(ch: str) -> bool:
    """White space, or an invisible format character (direction marks, zero-width joiners, BOM)."""
    return ch.isspace() or unicodedata.category(ch) == "Cf"
