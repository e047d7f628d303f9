"""Names the gazetteer cannot place: the spans of an article worth asking an online geocoder about.

Recognition only finds names the gazetteer knows. Two general cues say that a
span names a place even when the gazetteer does not know it:

* a trigger noun right before it (``data/lexicon/triggers.yaml``: «مدينة»,
  «ميناء», «مطار», «قاعدة», "port of", "aéroport de"), in any script; the
  trigger is in lower case where the script has case (a capitalised "Port" is
  part of a name), and a few function words may stand between ("of the", "de");
* in Latin script, a capitalised name right after a preposition of place
  ("in", "to", "à", "en") that the gazetteer does not know (a name it knows
  and resolution turned down stays down).

A name is never a common word (its Zipf frequency, as the gazetteer's
:meth:`~geo.places.gazetteer.Gazetteer.zipf` gives it), a person's (a title in
or before it, a verb of speech after it), an institution («الكرملين»), an
acronym, a number, or a span that overlaps a place already resolved (or a
person's name or nationality adjective recognition found).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from geo.model import Article, MatchKind, Mention, Resolution, Trigger, WordFrequencies
from geo.places.lexicon import Lexicon, clitic_forms, load_lexicon
from geo.places.recognition import is_arabic_token, is_latin_token
from geo.settings import LookupSettings, RecognitionSettings
from geo.text.folding import Folded, fold, tokens

__all__ = ["UnplacedName", "find_unplaced"]

_NAME_GAP = re.compile(r"[ \u00a0\-\u2010\u2011'\u2019]{1,3}")  # inside a name: a space, a hyphen, an apostrophe
_CONNECTOR_GAP = re.compile(r"[ \u00a0'\u2019]{1,3}")  # between a trigger noun and its name
_NOT_A_NAME = (MatchKind.ADJECTIVE, MatchKind.RELATIVE)


@dataclass(frozen=True, slots=True)
class UnplacedName:
    """A span that names a place the gazetteer could not place.

    Attributes
    ----------
    start, end:
        Character offsets into the article's text.
    text:
        The name as written.
    sentence:
        Index of the sentence holding it.
    trigger:
        The type hint of the trigger noun before it («ميناء» → ``port``), or ``None``.
    cue:
        The preposition of place before it, or ``None``.
    """

    start: int
    end: int
    text: str
    sentence: int
    trigger: Trigger | None = None
    cue: str | None = None

    @property
    def query(self) -> str:
        """What to ask a geocoder: the name with its spacing made plain."""
        return " ".join(self.text.split())




class _Reader:
    """One article's words, what already covers them, and the cues around them."""

    def __init__(
        self,
        article: Article,
        mentions: Sequence[Mention],
        resolutions: Sequence[Resolution],
        *,
        frequencies: WordFrequencies,
        lexicon: Lexicon,
        settings: RecognitionSettings,
        max_connectors: int,
    ) -> None:
        self.article = article
        self.folded: Folded = fold(article.text)
        self.words = tokens(self.folded.text)
        self.frequencies = frequencies
        self.lexicon = lexicon
        self.settings = settings
        self.max_connectors = max_connectors
        self.language = article.language if article.language in ("fr", "en") else None
        self.taken = [(r.mention.start, r.mention.end) for r in resolutions]
        self.taken += [(m.start, m.end) for m in mentions if m.person or m.match in _NOT_A_NAME]
        self.known = {(m.start, m.end) for m in mentions}
        self.furniture = sorted((s.start, s.end) for s in article.furniture)
        self.persons = self._person_words(mentions)

    # -- words --------------------------------------------------------------

    def start(self, k: int) -> int:
        return self.folded.offsets[self.words[k].start]

    def end(self, k: int) -> int:
        return self.folded.offsets[self.words[k].end - 1] + 1

    def gap(self, k: int) -> str:
        """The folded text between word ``k`` and the next one."""
        return self.folded.text[self.words[k].end : self.words[k + 1].start]

    def capitalised(self, k: int) -> bool:
        return self.article.text[self.start(k)].isupper()

    def zipf(self, k: int) -> float:
        """How common word ``k`` is; an Arabic word is as common as its commonest clitic-free form
        («والأقمار» as «الأقمار»)."""
        word = self.words[k]
        if is_latin_token(word):
            return self.frequencies(word.text, language=self.language)
        forms = [word.text, *(form for _, form in clitic_forms(word.text))] if is_arabic_token(word) else [word.text]
        return max(self.frequencies(form) for form in forms)

    def in_furniture(self, k: int) -> bool:
        pos = self.start(k)
        i = bisect.bisect_right(self.furniture, (pos, float("inf"))) - 1
        return i >= 0 and pos < self.furniture[i][1]

    def is_cue_word(self, k: int) -> bool:
        word = self.words[k].text
        return word in self.lexicon.prepositions or self.lexicon.trigger(word) is not None

    def _person_words(self, mentions: Sequence[Mention]) -> frozenset[str]:
        """Words of the article's persons: rare words after a title or a verb of speech («وقال»),
        or before one ("Zelensky said"), and the words of mentions recognition marked as persons."""
        found = {w.text for m in mentions if m.person for w in tokens(fold(m.text).text)}
        lookahead = self.settings.title_lookback_words + 1
        for k, word in enumerate(self.words):
            if word.text in self.lexicon.speech and k > 0 and self.zipf(k - 1) < self.settings.common_zipf:
                found.add(self.words[k - 1].text)
            if word.text not in self.lexicon.titles and word.text not in self.lexicon.speech:
                continue
            for j in range(k + 1, min(k + 1 + lookahead, len(self.words))):
                if self.is_cue_word(j) or not _NAME_GAP.fullmatch(self.gap(j - 1)):
                    break
                if self.zipf(j) < self.settings.common_zipf:
                    found.add(self.words[j].text)
        return frozenset(found)

    # -- names --------------------------------------------------------------

    def name_after(self, k: int) -> int | None:
        """The last word of the name that starts at word ``k``, or ``None`` when none does."""
        latin = is_latin_token(self.words[k])
        if not (latin or is_arabic_token(self.words[k])) or (latin and not self.capitalised(k)):
            return None
        last = k
        while last - k + 1 < self.settings.max_words and last + 1 < len(self.words):
            nxt = last + 1
            same_script = is_latin_token(self.words[nxt]) == latin
            if not _NAME_GAP.fullmatch(self.gap(last)) or self.is_cue_word(nxt) or not same_script:
                break
            if latin and not self.capitalised(nxt):
                break
            if not latin and self.zipf(nxt) >= self.settings.common_zipf:
                break  # «قاعدة حميميم الجوية»: an Arabic name ends at its first common word
            last = nxt
        return last

    def acceptable(self, first: int, last: int) -> bool:
        """Is words ``first..last`` a name worth asking about (not common, not a person, not known)?"""
        keys = [w.text for w in self.words[first : last + 1]]
        text = self.article.text[self.start(first) : self.end(last)]
        if any(key.isdigit() or key in self.lexicon.titles or key in self.persons for key in keys):
            return False
        if self.is_cue_word(first):
            return False
        if "".join(keys) in self.lexicon.institutions or (text.isupper() and len(text) > 1):
            return False  # «الكرملين», "NATO"
        if min(self.zipf(k) for k in range(first, last + 1)) >= self.settings.common_zipf:
            return False
        if self.zipf(first) >= self.settings.function_word_zipf:
            return False
        after = last + 1
        return not (after < len(self.words) and self.words[after].text in self.lexicon.speech)

    def titled(self, k: int) -> bool:
        """A person's title within a few words before word ``k`` ("President", «الرئيس»)."""
        lo = max(0, k - self.settings.title_lookback_words)
        return any(self.words[j].text in self.lexicon.titles for j in range(lo, k))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _after_trigger(reader: _Reader, k: int) -> int | None:
    """The first word of the name a trigger noun at word ``k`` introduces (``None`` when none)."""
    j = k + 1
    for _ in range(reader.max_connectors + 1):
        if j >= len(reader.words) or not _CONNECTOR_GAP.fullmatch(reader.gap(j - 1)):
            return None
        connector = is_latin_token(reader.words[j]) and not reader.capitalised(j)
        if not connector or reader.zipf(j) < reader.settings.function_word_zipf:
            return j
        j += 1
    return None


def _cued(reader: _Reader, k: int) -> tuple[int, Trigger | None, str | None] | None:
    """``(first word of a name, trigger, cue)`` when word ``k`` introduces a name."""
    word = reader.words[k]
    trigger = reader.lexicon.trigger(word.text)
    if trigger is not None and not (is_latin_token(word) and reader.capitalised(k)):
        first = _after_trigger(reader, k)
        if first is None:
            return None
        cue = reader.words[k - 1].text if k > 0 and reader.words[k - 1].text in reader.lexicon.prepositions else None
        return first, trigger, cue
    if _latin_preposition(reader, k):
        return k + 1, None, word.text
    return None


def _latin_preposition(reader: _Reader, k: int) -> bool:
    """Word ``k`` is a Latin preposition of place right before a word, and not "according to"."""
    word = reader.words[k]
    if word.text not in reader.lexicon.prepositions or not is_latin_token(word) or k + 1 >= len(reader.words):
        return False
    if k > 0 and reader.words[k - 1].text in reader.lexicon.speech:
        return False  # "according to Reuters": a source, not a place
    return _CONNECTOR_GAP.fullmatch(reader.gap(k)) is not None and not reader.titled(k + 1)


def find_unplaced(
    article: Article,
    *,
    mentions: Sequence[Mention],
    resolutions: Sequence[Resolution],
    frequencies: WordFrequencies,
    lexicon: Lexicon | None = None,
    settings: RecognitionSettings | None = None,
    lookup: LookupSettings | None = None,
) -> list[UnplacedName]:
    """The names of ``article`` that a trigger noun or a preposition marks as places, but nothing placed.

    Parameters
    ----------
    article:
        The article; its furniture is skipped.
    mentions, resolutions:
        What recognition found in it and what resolution placed.
    frequencies:
        How common a word is (the gazetteer's ``zipf``): common words are never names here.
    lexicon:
        Trigger nouns, prepositions, titles (default :func:`~geo.places.lexicon.load_lexicon`).
    settings:
        The recognition settings: the longest name, how common a word may be, how far back a title counts.
    lookup:
        The look-up settings: how many function words may stand between a trigger noun and its name.

    Returns
    -------
    list of UnplacedName
        In text order, one per span (a name written twice is listed twice).
    """
    reader = _Reader(
        article,
        mentions,
        resolutions,
        frequencies=frequencies,
        lexicon=lexicon or load_lexicon(),
        settings=settings or RecognitionSettings(),
        max_connectors=(lookup or LookupSettings()).max_connectors,
    )
    found: dict[int, UnplacedName] = {}
    for k in range(len(reader.words)):
        cued = None if reader.in_furniture(k) else _cued(reader, k)
        if cued is None or cued[0] in found:
            continue
        first, trigger, cue = cued
        last = reader.name_after(first)
        if last is None or not reader.acceptable(first, last):
            continue
        start, end = reader.start(first), reader.end(last)
        if _overlaps(reader.taken, reader.start(k), end) or (trigger is None and (start, end) in reader.known):
            continue  # placed, a person's, an adjective; or, with no trigger noun, a name resolution turned down
        text = article.text[start:end]
        found[first] = UnplacedName(start, end, text, article.sentence_index(start), trigger, cue)
    return sorted(found.values(), key=lambda name: name.start)
