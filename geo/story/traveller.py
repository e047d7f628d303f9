"""The traveller: the person a corpus is about.

Names are read where news introduces people, after a title («الزعيم»،
«الرئيس»، "President", "le président"), skipping the nationality adjectives
and further titles between («الرئيس الروسي فلان»). The traveller is the
introduced name whose first word occurs most often in the whole corpus.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from geo.model import Article
from geo.places.gazetteer import Gazetteer
from geo.places.lexicon import Lexicon, load_lexicon
from geo.settings import TravellerSettings
from geo.text.folding import Token, fold, tokens

__all__ = ["Person", "find_traveller", "traveller_keys"]

@dataclass(frozen=True, slots=True)
class Person:
    """A person's name as written, and the folded words that stand for them."""

    name: str
    keys: frozenset[str]
    mentions: int


_SENTENCE_END = ".!?:;،؛\n"
_NAME_BREAK = '.,:;،؛()"«»\n'


class _NameReader:
    """Reads the names introduced by a title in one article."""

    def __init__(
        self, article: Article, gazetteer: Gazetteer, lexicon: Lexicon, settings: TravellerSettings
    ) -> None:
        self.article = article
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.settings = settings
        self.folded = fold(article.text)
        self.words = tokens(self.folded.text)

    def names(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each name as written, with its folded words, in text order."""
        found: list[tuple[str, tuple[str, ...]]] = []
        for i, word in enumerate(self.words):
            if word.text not in self.lexicon.titles:
                continue
            j = self._past_title(i)
            if j < len(self.words) and self._gap_has(j, _SENTENCE_END):
                continue  # the sentence ended: no name follows this title
            parts = self._name_words(j)
            if parts:
                start, end = self.folded.original_span(self.words[parts[0]].start, self.words[parts[-1]].end)
                found.append((self.article.text[start:end], tuple(self.words[k].text for k in parts)))
        return found

    def _gap_has(self, j: int, chars: str) -> bool:
        """True when the text between word ``j - 1`` and word ``j`` holds one of ``chars``."""
        gap = self.folded.text[self.words[j - 1].end : self.words[j].start]
        return any(c in gap for c in chars)

    def _past_title(self, i: int) -> int:
        """The first word after the title at ``i`` and what qualifies it («الرئيس الروسي», "de la République")."""
        words, lexicon = self.words, self.lexicon
        j = i + 1
        while j < len(words) and j - i <= self.settings.max_skip_words and not self._gap_has(j, _SENTENCE_END):
            word = words[j]
            lower = self._is_initial_lower(word)
            # «إلى» folds to «الي»: not an adjective; "président de la République X" reads on
            if word.text in lexicon.prepositions and not lower:
                break
            if not (word.text in lexicon.titles or word.text.startswith("ال") or lower):
                break
            j += 1
        return j

    def _name_words(self, j: int) -> list[int]:
        """The indices of the name's words from ``j`` on (empty when no name stands there)."""
        parts: list[int] = []
        while j < len(self.words) and len(parts) < self.settings.max_name_words:
            if parts and self._gap_has(j, _NAME_BREAK):
                break
            if not self._can_be_name(self.words[j]):
                break
            parts.append(j)
            j += 1
        return parts

    def _can_be_name(self, word: Token) -> bool:
        """A capitalised Latin word, or an Arabic word that is not too common, a title, a preposition or a verb."""
        key, lexicon = word.text, self.lexicon
        latin = key[:1].isascii()
        if latin and not self.article.text[self.folded.offsets[word.start]].isupper():
            return False  # Latin names are capitalised
        if key.isdigit() or (not latin and self.gazetteer.zipf(key) > self.settings.name_max_zipf):
            return False
        if key in lexicon.titles or key in lexicon.prepositions or key in lexicon.speech:
            return False
        return lexicon.movement_kind(key) is None

    def _is_initial_lower(self, word: Token) -> bool:
        """A lowercase Latin word after a title ("le président français") is no name."""
        char = self.article.text[self.folded.offsets[word.start]]
        return char.isascii() and char.isalpha() and char.islower()


def find_traveller(
    articles: list[Article] | tuple[Article, ...],
    gazetteer: Gazetteer,
    *,
    lexicon: Lexicon | None = None,
    settings: TravellerSettings | None = None,
) -> Person | None:
    """The person the corpus is about, or ``None`` when no titled name is found.

    Parameters
    ----------
    articles:
        The corpus.
    gazetteer:
        For word frequencies (common words are not names).
    lexicon:
        Word lists (default :func:`~geo.places.lexicon.load_lexicon`).
    settings:
        Name lengths and limits (default :class:`~geo.settings.TravellerSettings`).
    """
    lexicon = lexicon or load_lexicon()
    settings = settings or TravellerSettings()
    spellings: dict[tuple[str, ...], Counter[str]] = {}
    for article in articles:
        for text, parts in _NameReader(article, gazetteer, lexicon, settings).names():
            spellings.setdefault(parts, Counter())[text] += 1
    if not spellings:
        return None
    wanted = {part for parts in spellings for part in parts}
    counts: Counter[str] = Counter()
    for article in articles:
        for word in tokens(fold(article.text).text):
            if word.text in wanted:
                counts[word.text] += 1

    def weight(parts: tuple[str, ...]) -> tuple[int, int, int]:
        return max(counts[p] for p in parts), sum(spellings[parts].values()), len(parts)

    parts = max(sorted(spellings), key=weight)
    name = max(sorted(spellings[parts]), key=lambda s: (spellings[parts][s], len(s)))
    best = max(parts, key=lambda p: (counts[p], len(p)))
    return Person(name=name, keys=frozenset({best}), mentions=counts[best])


def traveller_keys(person: Person | None) -> frozenset[str]:
    """Folded words that stand for the traveller (empty when unknown)."""
    return person.keys if person is not None else frozenset()
