"""Text folding for matching, with a map back to the original characters.

Arabic: alef and hamza forms, ya and alef maqsura, ta marbuta, diacritics,
tatweel and Persian letter forms are folded to one spelling; Latin: case and
accents are folded. Invisible marks (RLM/LRM, zero-width, BOM, soft hyphen)
are dropped. Arabic-Indic and Persian digits become ASCII digits.

Every folded character remembers the offset of the original character it
came from, so a match in folded text maps back to an exact span of the
article (:class:`Folded`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from itertools import accumulate
from typing import NamedTuple

__all__ = [
    "extend_over_marks",
    "Folded",
    "Token",
    "fold",
    "fold_text",
    "tokens",
    "name_key",
    "gemination_key",
    "is_arabic",
    "ARABIC_LETTERS",
]

ARABIC_LETTERS = re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF]")

# Characters removed outright: invisible direction marks, zero-width
# characters, BOM, soft hyphen, tatweel and the Arabic diacritics.
_DROP = (
    {0x00AD, 0x061C, 0x0640, 0xFEFF, 0x0670}
    | set(range(0x200B, 0x2010))
    | set(range(0x202A, 0x202F))
    | set(range(0x2066, 0x206A))
    | set(range(0x064B, 0x0660))
    | set(range(0x06D6, 0x06EE))
)

_ARABIC_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ۍ": "ي",
    "ئ": "ي",
    "ة": "ه",
    "ۀ": "ه",
    "ہ": "ه",
    "ھ": "ه",
    "ؤ": "و",
    "ک": "ك",
    "ڪ": "ك",
    "گ": "ك",
    "ڤ": "ف",
    "ڥ": "ف",
    "پ": "ب",
    "چ": "ج",
    "ژ": "ز",
    "ٹ": "ت",
    "ڈ": "د",
    "ڑ": "ر",
    "ں": "ن",
    "ۃ": "ه",
}
_ARABIC_MAP["\u066b"] = "."  # Arabic decimal separator
_ARABIC_MAP["\u066c"] = ","  # Arabic thousands separator
for _i in range(10):
    _ARABIC_MAP[chr(0x0660 + _i)] = str(_i)
    _ARABIC_MAP[chr(0x06F0 + _i)] = str(_i)

# Latin letters that do not decompose under NFD.
_LATIN_SPECIAL = {
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ŀ": "l",
    "ʻ": "",
    "ʼ": "",
    "ʿ": "",
    "ʾ": "",
}


@cache
def fold_char(char: str) -> str:
    """Fold one character to its matching form ('' when it is dropped).

    Parameters
    ----------
    char:
        A single character.

    Returns
    -------
    str
        Zero, one or more characters.
    """
    code = ord(char)
    if code in _DROP:
        return ""
    mapped = _ARABIC_MAP.get(char)
    if mapped is not None:
        return mapped
    if code < 0x80:
        return char.lower()
    if 0x0600 <= code <= 0x06FF:
        return char
    lower = char.lower()
    special = _LATIN_SPECIAL.get(lower)
    if special is not None:
        return special
    decomposed = unicodedata.normalize("NFKD", lower)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and, for each folded character, its offset in the original.

    Attributes
    ----------
    text:
        The folded text.
    offsets:
        ``offsets[i]`` is the original offset of ``text[i]``; one extra
        entry at the end holds the original length.
    """

    text: str
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span ``[start, end)`` back to the original text.

        Parameters
        ----------
        start, end:
            Offsets into :attr:`text`, ``start < end``.

        Returns
        -------
        tuple of int
            ``(original_start, original_end)``.
        """
        return self.offsets[start], self.offsets[end - 1] + 1


@lru_cache(maxsize=8)
def fold(text: str) -> Folded:
    """Fold ``text`` for matching and keep the offset map.

    Cached for the last few texts: every stage of the pipeline reads the same
    article folded (recognition, relative locations, roles, people, dates).

    Parameters
    ----------
    text:
        Original text.

    Returns
    -------
    Folded
        The folded text with one original offset per folded character.
    """
    table = {ord(c): fold_char(c) for c in set(_unplain().findall(text))}  # (the others fold to themselves)
    if all(len(v) <= 1 for v in table.values()):
        # Fast path: every character folds to at most one character.
        dropped = sorted(chr(k) for k, v in table.items() if not v)
        changed = [(chr(k), v) for k, v in table.items() if v != chr(k)]
        if any(table.get(ord(v), v) != v for _, v in changed if v):
            folded_text = text.translate({k: (v or None) for k, v in table.items()})  # a fold's output folds again
        else:
            folded_text = text
            for char, folded in changed:  # one C scan a changed character: faster than translate() on Arabic
                folded_text = folded_text.replace(char, folded)
        kept: list[int] = []
        start = 0
        if dropped:  # the kept offsets, a run of them at a time (between runs of dropped characters)
            for run in re.finditer("[" + re.escape("".join(dropped)) + "]+", text):
                kept.extend(range(start, run.start()))
                start = run.end()
        kept.extend(range(start, len(text) + 1))
        return Folded(folded_text, tuple(kept))
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        if not folded:
            continue
        out.append(folded)
        offsets.extend([index] * len(folded))
    offsets.append(len(text))
    return Folded("".join(out), tuple(offsets))


@cache
def _unplain() -> re.Pattern[str]:
    """A character that may fold to something else: all but ASCII other than capitals and the Arabic block's
    letters and signs that fold to themselves (each of those is its own :func:`fold_char`; a text's other
    characters, a few, are folded one by one)."""
    arabic = "".join(chr(c) for c in range(0x0600, 0x0700) if c not in _DROP and chr(c) not in _ARABIC_MAP)
    return re.compile("[^\x00-\x40\x5b-\x7f" + re.escape(arabic) + "]")


class _FoldTable(dict):
    """``str.translate``'s table for :func:`fold_char`, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_text(text: str) -> str:
    """Return only the folded form of ``text`` (no offset map)."""
    return text.translate(_FOLD_TABLE)


class Token(NamedTuple):
    """A word of folded text: ``text`` spans ``[start, end)`` of the folded string."""

    text: str
    start: int
    end: int


_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_WORDS_AND_GAPS = re.compile(r"([^\W_]+)", re.UNICODE)  # split: gap, word, gap, …, word, gap
_new_token = partial(tuple.__new__, Token)  # a Token from its fields, without a call of Python code


def tokens(folded: str) -> list[Token]:
    """Split folded text into words (letters and digits; all else separates).

    Parameters
    ----------
    folded:
        Text already passed through :func:`fold`.

    Returns
    -------
    list of Token
        A fresh list; the words of the last texts are kept (every stage splits the same article).
    """
    return list(_tokens(folded))


@lru_cache(maxsize=64)
def _tokens(folded: str) -> tuple[Token, ...]:
    """The words of ``folded`` (see :func:`tokens`), cut in one pass of the regular expression."""
    parts = _WORDS_AND_GAPS.split(folded)
    ends = list(accumulate(map(len, parts)))  # ends[2k]: where word k starts; ends[2k + 1]: where it ends
    return tuple(map(_new_token, zip(parts[1::2], ends[0:-1:2], ends[1::2], strict=True)))


def name_key(name: str) -> str:
    """The lookup key of a name: folded words joined with no separator.

    Joining without spaces makes one name written as one word, two words or
    with hyphens («أبو ظبي», «أبوظبي», "Abu-Dhabi") share one key.
    """
    return "".join(_WORD.findall(fold_text(name)))


#: The harakat, tanwin and sukun but the shadda (U+064B–U+0650, U+0652).
_VOWEL_MARKS = re.compile(r"[\u064b-\u0650\u0652]")
#: A shadda on the letter after a word's article: the article's «ل» assimilated to a sun letter («الرَّقة»).
_ARTICLE_SHADDA = re.compile(r"(^|[\s\-])([\u0627\u0671]\u0644[\u0621-\u064a])\u0651")
_SHADDA = re.compile(r"([\u0620-\u064a\u066e-\u06d3])\u0651+")


def gemination_key(name: str) -> str | None:
    """The lookup key of a name written with harakat, each letter a shadda doubles written twice.

    A shadda marks a doubled consonant: «عمّان» (Amman) is «عممان», «عُمان» (Oman) «عمان». Writers who
    write any diacritic write the shadda first, so a name written with harakat and no shadda says its
    letters are single; a name written with none says nothing (``None``). The shadda the article puts
    on a sun letter («الرَّقة») belongs to the article, not to the name, and is left out.

    Parameters
    ----------
    name:
        A name as written.

    Returns
    -------
    str or None
        :func:`name_key` of the name with its shadda letters doubled; ``None`` when it carries no harakat.
    """
    if not any(0x064B <= ord(c) <= 0x0652 for c in name):
        return None
    bare = _ARTICLE_SHADDA.sub(r"\1\2", _VOWEL_MARKS.sub("", name))
    return name_key(_SHADDA.sub(r"\1\1", bare))


def is_arabic(text: str) -> bool:
    """True when ``text`` contains at least one Arabic letter."""
    return ARABIC_LETTERS.search(text) is not None


def extend_over_marks(text: str, end: int) -> int:
    """Move a span's end past the diacritics and tatweel that follow it in ``text``.

    A folded match ends at its last kept letter; the marks written on that
    letter belong to the word («موسكوً» keeps its tanween).
    """
    while end < len(text) and ord(text[end]) in _MARKS:
        end += 1
    return end


_MARKS = frozenset(range(0x064B, 0x0660)) | {0x0670, 0x0640} | frozenset(range(0x06D6, 0x06EE))
