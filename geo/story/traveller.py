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
from geo.text.folding import Folded, Token, fold, tokens

__all__ = ["Person", "find_traveller", "traveller_keys"]

_MAX_NAME_WORDS = 3
_NAME_MAX_ZIPF = 5.3
_MAX_SKIP = 4  # words between a title and the name («الرئيس الروسي», "de la République")


@dataclass(frozen=True, slots=True)
class Person:
    """A person's name as written, and the folded words that stand for them."""

    name: str
    keys: frozenset[str]
    mentions: int


def _names_in(article: Article, gazetteer: Gazetteer, lexicon: Lexicon) -> list[tuple[str, tuple[str, ...]]]:
    folded = fold(article.text)
    words = tokens(folded.text)
    found: list[tuple[str, tuple[str, ...]]] = []
    for i, word in enumerate(words):
        if word.text not in lexicon.titles:
            continue
        j = i + 1
        while (
            j < len(words)
            and j - i <= _MAX_SKIP
            and not any(c in folded.text[words[j - 1].end : words[j].start] for c in ".!?:;،؛\n")
            # «إلى» folds to «الي»: not an adjective; "président de la République X" reads on
            and (words[j].text not in lexicon.prepositions or _is_initial_lower(article, folded, words[j]))
            and (
                words[j].text in lexicon.titles
                or words[j].text.startswith("ال")
                or _is_initial_lower(article, folded, words[j])
            )
        ):
            j += 1
        if j < len(words) and any(c in folded.text[words[j - 1].end : words[j].start] for c in ".!?:;،؛\n"):
            continue  # the sentence ended: no name follows this title
        parts: list[int] = []
        while j < len(words) and len(parts) < _MAX_NAME_WORDS:
            key = words[j].text
            gap = folded.text[words[j - 1].end : words[j].start] if parts else " "
            if parts and ("\n" in gap or any(c in gap for c in '.,:;،؛()"«»')):
                break
            latin = key[:1].isascii()
            if latin and not article.text[folded.offsets[words[j].start]].isupper():
                break  # Latin names are capitalised
            if key.isdigit() or (not latin and gazetteer.zipf(key) > _NAME_MAX_ZIPF) or key in lexicon.titles:
                break
            if key in lexicon.prepositions:
                break
            if lexicon.movement_kind(key) is not None or key in lexicon.speech:
                break
            parts.append(j)
            j += 1
        if parts:
            start, end = folded.original_span(words[parts[0]].start, words[parts[-1]].end)
            found.append((article.text[start:end], tuple(words[k].text for k in parts)))
    return found


def _is_initial_lower(article: Article, folded: Folded, word: Token) -> bool:
    """A lowercase Latin word after a title ("le président français") is no name."""
    char = article.text[folded.offsets[word.start]]
    return char.isascii() and char.isalpha() and char.islower()


def find_traveller(
    articles: list[Article] | tuple[Article, ...], gazetteer: Gazetteer, *, lexicon: Lexicon | None = None
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
    """
    lexicon = lexicon or load_lexicon()
    spellings: dict[tuple[str, ...], Counter[str]] = {}
    for article in articles:
        for text, parts in _names_in(article, gazetteer, lexicon):
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
