"""Names a kind noun introduces: «حي X», «شارع X», «جسر X», «مستشفى X» name a place the gazetteer may not hold.

Arabic news and posts name the small places of a story (districts, streets, roads, bridges, valleys,
dams, hospitals, schools, camps) with a common noun of their kind and the name after it, joined as
one phrase («منطقة أم الرمال», «جسر النخيل», «مستشفى الرحمة»), or as one hashtag
(«#معهد_القلب»). The noun says the words after it are a name even when the gazetteer does not know
them, so the noun and its name are one toponym.

How many words the name takes: the first word after the noun, and more while the word before opens a
longer name («أم», «أبو», «عبد», «بني»: ``name_openers`` of ``data/lexicon/kinds.yaml``) or while the
words are glued into the noun's hashtag, up to ``recognition.kind_name_words``; a name stops at
punctuation, a number, a word of ``name_stops`` (a preposition, a demonstrative, a verb of being, a
date word), a word glued to a proclitic (the next item of a list, a preposition's object), an
indefinite relative adjective («مستشفى ميداني») and a word too common to be a name
(``recognition.kind_name_zipf``) unless the writer glued it into the noun's hashtag («#جامعة_دمشق»).
A kind noun with the article takes a name only as a definite adjective agreeing with it («المعهد القومي»,
«المنطقة الشرقية»): the indefinite word after it is a verb or a predicate («المطار يستقبل», «الميناء توقّف»).

A kind noun inside a longer hashtag («#سيول_منطقة_النخيل») is left alone: the tag names an event,
not the place. A name some resolution already placed is not repeated. Such a name has no
coordinates: it is recognised, never placed, and never a stop (see :class:`KindName`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from geo.places.gazetteer_sources import DATA_DIR
from geo.places.lexicon import _read, clitic_forms
from geo.settings import RecognitionSettings
from geo.text.folding import Token, fold, is_arabic, name_key, tokens

__all__ = ["KIND_FILE", "KindName", "KindWords", "find_kind_names", "load_kind_words"]

KIND_FILE = DATA_DIR / "lexicon" / "kinds.yaml"
#: A proclitic glued to the article («بال», «وال», «لل»): the word is governed, not part of a name.
_GLUED_ARTICLE = ("بال", "وال", "فال", "كال", "لل")
#: The endings of an Arabic relative adjective, folded («عسكري», «ميدانيه»).
_NISBA = ("ي", "يه")


@dataclass(frozen=True, slots=True)
class KindWords:
    """The folded word lists of ``kinds.yaml``: kind nouns, words that open a longer name, ordinals, words that
    end a name."""

    kinds: frozenset[str]
    openers: frozenset[str]
    ordinals: frozenset[str]
    stops: frozenset[str]


@dataclass(frozen=True, slots=True)
class KindName:
    """A toponym a kind noun introduces: the noun and its name, unplaced.

    Attributes
    ----------
    start, end:
        Character offsets into the article's text, from the kind noun (after its proclitics) to the
        name's last letter.
    text:
        The toponym as written.
    kind:
        The kind noun, folded («شارع»).
    """

    start: int
    end: int
    text: str
    kind: str


@cache
def load_kind_words(path: Path = KIND_FILE) -> KindWords:
    """Load and fold the lists of ``kinds.yaml`` once.

    Raises
    ------
    IndexBuildError
        When the file cannot be read.
    """
    raw = _read(path)

    def group(name: str) -> frozenset[str]:
        return frozenset(name_key(str(w)) for words in (raw.get(name) or {}).values() for w in words)

    return KindWords(
        kinds=group("kinds"), openers=group("name_openers"), ordinals=group("name_ordinals"), stops=group("name_stops")
    )


def _kind_of(word: str, kinds: frozenset[str]) -> tuple[int, str] | None:
    """The kind noun a folded word is, after proclitics («بمنطقة» → (1, «منطقه»)), or ``None``."""
    if word in kinds:
        return 0, word
    for stripped, form in clitic_forms(word, min_rest=2):
        if form in kinds:
            return stripped, form
    return None


def _tag_start(text: str, k: int) -> int | None:
    """Where the hashtag holding offset ``k`` begins (the ``#``), or ``None`` outside a tag."""
    while k > 0 and (text[k - 1] == "_" or text[k - 1].isalnum()):
        k -= 1
    return k - 1 if k > 0 and text[k - 1] == "#" else None


def find_kind_names(
    text: str,
    *,
    taken: Sequence[tuple[int, int]],
    zipf: Callable[[str], float],
    settings: RecognitionSettings | None = None,
    words: KindWords | None = None,
) -> list[KindName]:
    """The toponyms kind nouns introduce in ``text`` that no span of ``taken`` overlaps.

    Parameters
    ----------
    text:
        The article's text.
    taken:
        Spans already read as places (resolved mentions): a kind name overlapping one is left out.
    zipf:
        The Arabic frequency (Zipf) of a folded word.
    settings:
        How long and how rare a name is (default :class:`~geo.settings.RecognitionSettings`).
    words:
        The word lists (default :func:`load_kind_words`).

    Returns
    -------
    list of KindName
        In text order.

    Examples
    --------
    «أغلقت الشرطة شارع الزهور بعد الأمطار» → «شارع الزهور»; «#سيول_حي_النخيل» → nothing (the noun is
    inside a longer tag).
    """
    settings = settings or RecognitionSettings()
    words = words or load_kind_words()
    folded = fold(text)
    toks = tokens(folded.text)
    out: list[KindName] = []
    i = 0
    while i < len(toks) - 1:
        found = _name_at(text, folded.offsets, toks, i, zipf=zipf, settings=settings, words=words)
        if found is None:
            i += 1
            continue
        name, last = found
        if not any(name.start < e and s < name.end for s, e in taken):
            out.append(name)
        i = last + 1
    return out


def _name_at(
    text: str,
    offsets: Sequence[int],
    toks: list[Token],
    i: int,
    *,
    zipf: Callable[[str], float],
    settings: RecognitionSettings,
    words: KindWords,
) -> tuple[KindName, int] | None:
    """The kind name whose noun is word ``i`` and the index of its last word, or ``None``."""
    word = toks[i]
    if not is_arabic(word.text[0]):
        return None
    kind = _kind_of(word.text, words.kinds)
    if kind is None:
        return None
    start = offsets[word.start + kind[0]]
    tag = _tag_start(text, offsets[word.start])
    if tag is not None and tag + 1 != offsets[word.start]:
        return None  # a kind noun inside a longer hashtag: the tag names an event
    last = i
    while last + 1 < len(toks) and last - i < settings.kind_name_words:
        nxt = toks[last + 1]
        gap = text[offsets[toks[last].end - 1] + 1 : offsets[nxt.start]]
        glued = gap == "_"
        if not (glued or gap in (" ", " #", "  ")) or (tag is not None and not glued):
            break
        if not _name_word(nxt.text, first=last == i, tagged=tag is not None, zipf=zipf, settings=settings, words=words):
            break
        if last == i and _definite(word.text, kind[0]) and not (glued or nxt.text.startswith("ال")):
            break  # «المطار يستقبل», «الميناء توقّف»: a definite noun's name agrees with it («المعهد القومي»)
        definite = nxt.text.startswith("ال") and toks[last].text.startswith("ال")  # «القلب القومي»
        if last > i and not glued and toks[last].text not in words.openers and not definite:
            break
        last += 1
    if last == i:
        return None
    end = offsets[toks[last].end - 1] + 1
    return KindName(start=start, end=end, text=text[start:end], kind=kind[1]), last


def _definite(word: str, stripped: int) -> bool:
    """Whether the kind noun of a folded word carries the article («المستشفى», «بالمستشفى», «للمستشفى»)."""
    return word[:stripped].endswith(("ال", "لل"))


def _name_word(word: str, *, first: bool, tagged: bool, zipf: Callable[[str], float],
               settings: RecognitionSettings, words: KindWords) -> bool:  # fmt: skip
    """Whether a folded word may be part of a name after a kind noun."""
    if not is_arabic(word[0]) or word in words.stops or word in words.kinds:
        return False
    if any(zipf(form) > zipf(word) for stripped, form in clitic_forms(word, min_rest=3) if stripped <= 1):
        return False  # «وزوجتي», «بفيروس»: a proclitic on a word, no name in a construct
    if word.startswith(_GLUED_ARTICLE):
        return False  # «بالأرطاوية», «للفرز»: a preposition on a definite word
    if first and not word.startswith("ال") and word.endswith(_NISBA):
        return False  # «مستشفى ميداني», «جسر جوي»: an indefinite adjective of the noun
    named = word in words.openers or word in words.ordinals  # «أم», «الملك», «الرابع»: common, yet names
    return tagged or named or zipf(word) <= settings.kind_name_zipf
