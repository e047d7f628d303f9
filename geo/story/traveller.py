"""The traveller: the person a corpus is about, the one who travels.

Names are read where news introduces people, after a title («الزعيم»،
«الرئيس»، "President", "le président"), skipping the nationality adjectives
and further titles between («الرئيس الروسي فلان»), and where news makes
someone the subject of a movement or visit word: after the verb in Arabic
(«وصل الرئيس X إلى»، «يزور X»، «زيارة X»), before it in French and English
("X arrived in", "X s'est rendu à", "Macron's visit"), after the noun and
"of" ("the visit of X", «la visite de X»). The traveller is the name that
moves most often, then the one named most often; the host of a reception
verb («استقبل»، "welcomed"), someone's companion («وزوجته»، "his wife") and
a word of a place name («مطار الملك خالد», a place the article names) are
never read as the traveller. When the articles write the name in both
scripts, both forms are kept (the Arabic one and the Latin one), matched by
their consonant skeletons (:mod:`geo.places.phonetic`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from geo.model import Article
from geo.places.gazetteer import ADJECTIVE, Gazetteer
from geo.places.kind_names import load_kind_words
from geo.places.lexicon import Lexicon, clitic_forms, load_lexicon
from geo.settings import TravellerSettings
from geo.story.movement import MovementWords, movement_words
from geo.story.name_tally import Found, NameTally, other_script
from geo.story.people_words import (
    PEOPLE_FILE,
    PeopleWords,
    is_arabic_verb,
    lexicon_verb_stems,
    load_people_words,
    time_words,
)
from geo.text.folding import Token, fold, fold_text, is_arabic, tokens

__all__ = ["PEOPLE_FILE", "Person", "PeopleWords", "find_traveller", "load_people_words", "traveller_keys"]


@dataclass(frozen=True, slots=True)
class Person:
    """A person's name as written, the folded words that stand for them, and their forms in each script.

    Attributes
    ----------
    name:
        The name as the corpus writes it most (its main form).
    keys:
        Folded words that stand for the person in any article (one per script written).
    mentions:
        How often the main key word occurs in the corpus.
    names:
        Every form kept, the main one first: at most one Arabic and one Latin-script form.
    """

    name: str
    keys: frozenset[str]
    mentions: int
    names: tuple[str, ...] = field(default=())

    @property
    def name_ar(self) -> str | None:
        """The Arabic form when an article gives one."""
        return next((n for n in self.names or (self.name,) if is_arabic(n)), None)

    @property
    def name_latin(self) -> str | None:
        """The Latin-script form when an article gives one."""
        return next((n for n in self.names or (self.name,) if not is_arabic(n)), None)


_SENTENCE_END = ".!?:;،؛\n"
#: Arabic diacritics and tatweel written after a word's last letter.
_MARKS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640"
#: An Arabic word with the article, or a preposition and the article («الوفد», «للمملكة», «بالعاصمة»):
#: never a bare name standing as the subject of a verb.
_ARTICLE_OR_PREPOSITION = re.compile(r"^[وف]?(?:ال|لل|بال|كال)")
#: Arabic one-letter proclitics («لكينيا», «بجدة», «وموسكو»): a place's name with one is still a place word.
_PROCLITICS = "وفبلك"
#: The one-letter prepositions an Arabic place name takes («لروسيا», «بموسكو», «كباريس»).
_PLACE_PROCLITICS = "بلك"
_NAME_BREAK = '.,:;،؛()"«»\n'


@cache
def _char_set(chars: str) -> frozenset[str]:
    """The characters of ``chars``, as a set."""
    return frozenset(chars)


class _NameReader:
    """Reads the names introduced by a title, and the movers, in one article."""

    def __init__(self, article: Article, corpus: _Corpus) -> None:
        self.article = article
        self.corpus = corpus
        self.gazetteer, self.lexicon, self.settings = corpus.gazetteer, corpus.lexicon, corpus.settings
        self.people, self.titles, self.moving = corpus.people, corpus.titles, corpus.moving
        self.folded = fold(article.text)
        self.words = tokens(self.folded.text)
        self.texts = [word.text for word in self.words]
        self.places = corpus.places.starts(self.words, self.texts)

    def read(self) -> Found:
        """Every titled name and every mover name, as written, with its folded words, in text order."""
        found = Found()
        texts = self.texts
        hosting = self.people.hosting  # a reception or a meeting: its subject is the host, not the mover
        movers = {key for key in self.moving.kinds(set(texts)) if not self.lexicon.is_one_of(key, hosting)}
        movers.update(self.people.moving.intersection(texts))  # "X est attendu", "X foulera le sol"
        cues = movers | self.titles.intersection(texts)
        agent = self.people.agent
        agents = [] if agent.isdisjoint(texts) else self._agents()
        for i in sorted({*(i for i, key in enumerate(texts) if key in cues), *(j - 1 for j in agents)}):
            key = texts[i]
            if key in self.titles and not self._names_a_place(i):
                j = self._past_title(i)
                if j < len(self.words) and self._gap_has(j, _SENTENCE_END):
                    continue  # the sentence ended: no name follows this title
                if not (self._title_complement(j) or self._bare_style(i, j)):
                    self._keep(found.titled, self._name_words(j))
            if key in movers:
                self._keep(found.movers, self._subject_of(i))
            elif i + 1 < len(texts) and texts[i + 1] in agent and self._received(i):
                self._keep(found.movers, self._name_before(i))  # "X was welcomed by Y", «X reçu par Y»
        for i in (i for i, key in enumerate(texts) if key in self.people.invitation):
            self._keep(found.hosts, self._invited_by(i))
        return found

    def _invited_by(self, i: int) -> list[int]:
        """The name of the host after the invitation word at ``i`` («بدعوة من الملك X», "at the invitation of
        President X", «sur invitation du Président de la République, Monsieur X»), past the titles, styles,
        qualifying words and places between (at most ``max_host_skip_words``); empty when the sentence ends."""
        j = i + 1
        while j < len(self.words) and j - i <= self.settings.max_host_skip_words:
            if self._gap_has(j, _SENTENCE_END):
                return []
            word = self.words[j]
            if not (
                word.text in self.titles
                or word.text in self.people.of_subject
                or word.text in self.lexicon.prepositions
                or word.text.startswith("ال")
                or self._is_initial_lower(word)
                or word.start in self.places
            ):
                return self._name_words(j)
            j += 1
        return []

    def _agents(self) -> list[int]:
        """The indices of the agent's "by" words after a first word ("welcomed by", «reçu par»)."""
        agent = self.people.agent
        return [j for j, key in enumerate(self.texts) if j and key in agent]

    def _keep(self, into: list[tuple[str, tuple[str, ...]]], parts: list[int]) -> None:
        """Add the name of words ``parts`` unless it is someone's companion or a place's name."""
        if not parts or self._companion_before(parts[0]) or self._trigger_after(parts[-1]):
            return
        start, end = self.folded.original_span(self.words[parts[0]].start, self.words[parts[-1]].end)
        into.append((self.article.text[start:end], tuple(self.words[k].text for k in parts)))

    def _received(self, i: int) -> bool:
        """A reception word with its agent after it ("welcomed by", «reçu par»): its subject is the visitor."""
        j = i + 1
        return (
            j < len(self.words)
            and self.words[i].text[:1].isascii()
            and self.words[j].text in self.people.agent
            and self.lexicon.is_one_of(self.words[i].text, self.people.hosting)
        )

    def _subject_of(self, i: int) -> list[int]:
        """The words of the subject of the movement word at ``i`` (empty when none is written next to it)."""
        word = self.words[i]
        if not word.text[:1].isascii():  # Arabic: verb (or noun), then the subject («وصل الرئيس X», «زيارة X»)
            j = self._past_adverbials(i + 1)
            if j < len(self.words) and self._gap_has(j, _NAME_BREAK):
                return []
            if j < len(self.words) and self.words[j].text in self.titles:
                return self._name_words(self._past_title(j))
            if j < len(self.words) and (_ARTICLE_OR_PREPOSITION.match(self.words[j].text) or self._feminine(j)):
                return []  # an untitled subject is a bare name, not «الوفد», «للمملكة», «زيارة رسمية»
            return self._name_words(j)
        j = i + 1  # "the visit of X", «la visite de X»
        if j < len(self.words) and self.words[j].text in self.people.of_subject and not self._gap_has(j, _NAME_BREAK):
            return self._name_words(self._past_title(j))
        return self._name_before(i)

    def _past_adverbials(self, j: int) -> int:
        """The first word from ``j`` on that is no adverb of time between a verb and its subject («وصل منذ قليل
        الرئيس X», «وصل اليوم الرئيس X»), at most ``max_skip_words`` skipped."""
        start, adverbials = j, self.people.adverbials
        while j < len(self.words) and j - start < self.settings.max_skip_words and not self._gap_has(j, _NAME_BREAK):
            if not (self.words[j].text in adverbials or self.words[j].text in time_words()):
                break
            j += 1
        return j

    def _feminine(self, j: int) -> bool:
        """An Arabic word written with ta marbuta («رسمية», «جميلة»): after a visit noun, its adjective."""
        end = self.folded.original_span(self.words[j].start, self.words[j].end)[1]
        return self.article.text[:end].rstrip(_MARKS).endswith("ة")

    def _name_before(self, i: int) -> list[int]:
        """The capitalised name right before word ``i`` and its auxiliaries ("Macron s'est rendu")."""
        k = i - 1
        while k >= 0 and self.words[k].text in self.people.auxiliaries and not self._gap_has(k + 1, _NAME_BREAK):
            k -= 1
        if k > 0 and self.words[k].text in self.people.relatives and self._gap_has(k, ","):
            k -= 1  # "X, who arrived", «X, qui voyage»
        elif k < 0 or self._gap_has(k + 1, _NAME_BREAK):
            return []
        parts: list[int] = []
        while k >= 0 and self._counted(parts) < self.settings.max_name_words:
            if not (self._can_be_name(self.words[k]) or (parts and self._particle(k))):
                break
            parts.insert(0, k)
            if self._gap_has(k, _NAME_BREAK):
                break
            k -= 1
        while parts and self._particle(parts[0]):
            parts.pop(0)  # a name starts with a name word ("da" alone is no name)
        if parts and self._determiner_before(parts[0]):
            return []  # "before the Mass began": a thing, not a person
        return parts

    def _determiner_before(self, k: int) -> bool:
        """A determiner right before word ``k`` ("the Mass", «la Messe»)."""
        return k > 0 and not self._gap_has(k, _NAME_BREAK) and self.words[k - 1].text in self.people.determiners

    def _particle(self, k: int) -> bool:
        """A particle inside a name («عبد الفتاح», "Lula da Silva", "bin Salman") with a name word after it."""
        if self.words[k].text not in self.people.particles or k + 1 >= len(self.words):
            return False
        return not self._gap_has(k + 1, _NAME_BREAK) and self._can_be_name(self.words[k + 1])

    def _before_particle(self, k: int) -> bool:
        """A common word written as a name before a particle («محمد بن سلمان», «علي بن حسين»): a given name."""
        key = self.words[k].text
        if key in self.titles or key in self.lexicon.prepositions or key in time_words():
            return False
        if self.words[k].start in self.places:
            return False
        return k + 1 < len(self.words) and not self._gap_has(k + 1, _NAME_BREAK) and self._particle(k + 1)

    def _counted(self, parts: list[int]) -> int:
        """The words of a name that count towards its length (particles do not)."""
        return sum(1 for k in parts if self.words[k].text not in self.people.particles)

    def _gap_has(self, j: int, chars: str) -> bool:
        """True when the text between word ``j - 1`` and word ``j`` holds one of ``chars``."""
        if j <= 0 or j >= len(self.words):
            return True
        gap = self.folded.text[self.words[j - 1].end : self.words[j].start]
        return not _char_set(chars).isdisjoint(gap)

    def _names_a_place(self, i: int) -> bool:
        """A title inside a place's name: after a trigger noun («مطار الملك خالد», "Prince Sultan Air Base")."""
        return i > 0 and not self._gap_has(i, _NAME_BREAK) and self.lexicon.trigger(self.words[i - 1].text) is not None

    def _trigger_after(self, k: int) -> bool:
        """A trigger noun right after a Latin-script name makes it a place's name ("King Khalid International
        Airport"); Arabic writes the trigger first («مطار الملك خالد», read by :meth:`_names_a_place`)."""
        if not self.words[k].text[:1].isascii():
            return False
        for j in (k + 1, k + 2):
            if j >= len(self.words) or self._gap_has(j, _NAME_BREAK):
                return False
            if self.lexicon.trigger(self.words[j].text) is not None:
                return True
            if not self._is_capitalised(self.words[j]):
                return False  # "Modi in Port Louis": a word between that is no name word ends the name
        return False

    def _is_capitalised(self, word: Token) -> bool:
        """A word written with a capital first letter."""
        return self.article.text[self.folded.offsets[word.start]].isupper()

    def _companion_before(self, k: int) -> bool:
        """A companion word just before a name (or the title before it): «وزوجته سارة», "his wife Jill"."""
        j = k - 1
        while j >= 0 and self.words[j].text in self.titles:
            j -= 1
        return any(
            j - d >= 0 and self.lexicon.is_one_of(self.words[j - d].text, self.people.companions) for d in (0, 1)
        )

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
            place = self._titled_place(j)  # "the Emir of Qatar X"
            if not (word.text in self.titles or word.text.startswith("ال") or lower or place):
                break
            j += 1
        return j

    def _bare_style(self, i: int, j: int) -> bool:
        """A Latin-script style («Sa Majesté», "His Holiness", "Royal", "Crown") with no title between it and word
        ``j``: a style introduces a name through a title ("Crown Prince X", "His Holiness Pope X"); alone it
        qualifies a thing ("Royal Street", "the Holy Father")."""
        words = self.words
        if not words[i].text[:1].isascii() or words[i].text not in self.people.styles:
            return False
        return not any(words[k].text in self.lexicon.titles for k in range(i + 1, j))

    def _title_complement(self, j: int) -> bool:
        """A Latin-script word right after "of" ("Minister of Industry", «ministre de l'Intérieur»): what the title
        is of, not the name (a place there is skipped: "the Emir of Qatar X")."""
        if j >= len(self.words) or not self.words[j].text[:1].isascii():
            return False
        k = j - 1
        if k > 0 and self.words[k].text in self.people.determiners and not self._gap_has(k + 1, _NAME_BREAK):
            k -= 1  # "of the", «de l'»
        return k > 0 and self.words[k].text in self.people.of_subject and not self._gap_has(k + 1, _NAME_BREAK)

    def _titled_place(self, j: int) -> bool:
        """A Latin-script place right after "of" or a title ("the Emir of Qatar X", "Qatar Prime Minister"): it
        qualifies the title; after another word ("of the Swiss Confederation") it starts a name of its own."""
        word = self.words[j]
        if not (word.text[:1].isascii() and word.start in self.places) or self._gap_has(j, _NAME_BREAK):
            return False
        before = self.words[j - 1].text
        return before in self.people.of_subject or before in self.titles
    def _name_words(self, j: int) -> list[int]:
        """The indices of the name's words from ``j`` on (empty when no name stands there)."""
        parts: list[int] = []
        counted = 0  # the words that count towards its length (particles do not)
        while j < len(self.words) and counted < self.settings.max_name_words:
            if parts and self._gap_has(j, _NAME_BREAK):
                break
            if self._title_modifier(j):  # "Prime Minister X", "Foreign Secretary X": the title goes on
                return [] if parts else self._name_words(self._past_title(j + 1))
            if not (self._can_be_name(self.words[j]) or self._particle(j) or self._before_particle(j)):
                break
            parts.append(j)
            counted += self.words[j].text not in self.people.particles
            j += 1
        return parts

    def _title_modifier(self, j: int) -> bool:
        """A capitalised Latin word right before a title ("Prime Minister", "Foreign Secretary", "Vice President"):
        part of the title, not a name."""
        word, k = self.words[j], j + 1
        return (
            word.text[:1].isascii()
            and k < len(self.words)
            and self.words[k].text in self.titles
            and self._is_capitalised(word)
            and self._is_capitalised(self.words[k])
            and not self._gap_has(k, _NAME_BREAK)
        )

    def _can_be_name(self, word: Token) -> bool:
        """A capitalised Latin word, or an Arabic word, that is not common, a title, a preposition, a verb,
        a date word, a companion or a place the article names."""
        key = word.text
        latin = key[:1].isascii()
        if latin and (len(key) < 2 or not self.article.text[self.folded.offsets[word.start]].isupper()):
            return False  # Latin names are capitalised
        if word.start in self.places:
            return False
        language = self.article.language if latin and self.article.language in ("fr", "en") else None
        return self.corpus.name_word(key, language)

    def _is_initial_lower(self, word: Token) -> bool:
        """A lowercase Latin word after a title ("le président français") is no name."""
        char = self.article.text[self.folded.offsets[word.start]]
        return char.isascii() and char.isalpha() and char.islower()


@dataclass(frozen=True, slots=True)
class _Corpus:
    """What the reading of every article of a corpus shares: the word lists, the place names it resolves, and
    what is known of each word."""

    gazetteer: Gazetteer
    lexicon: Lexicon
    settings: TravellerSettings
    places: _PlaceNames
    people: PeopleWords
    titles: frozenset[str]
    moving: MovementWords
    verbs: frozenset[str] = frozenset()
    name_words: dict[tuple[str, str | None], bool] = field(default_factory=dict, repr=False)

    def name_word(self, key: str, language: str | None) -> bool:
        """Tell whether the folded word ``key`` may stand in a name wherever it is written: not common (in
        ``language``), not a number, a title, a preposition, a verb of speech or movement, a date word or a
        companion (asked once per word)."""
        found = self.name_words.get((key, language))
        if found is None:
            lexicon = self.lexicon
            found = self.name_words[key, language] = not (  # (the cheap tests first)
                key.isdigit()
                or key in self.titles
                or key in lexicon.prepositions
                or key in lexicon.speech
                or key in time_words()
                or key in self.people.moving
                or self.gazetteer.zipf(key, language=language) > self.settings.name_max_zipf
                or lexicon.is_one_of(key, self.people.companions)
                or self.moving.kind(key) is not None
                or (not key[:1].isascii() and (is_arabic_verb(key, self.verbs) or self._arabic_no_name(key)))
            )
        return found

    def _arabic_no_name(self, key: str) -> bool:
        """An Arabic word that is no name: a title with a proclitic or without its article («لعاهل», «كرئيس»), a
        trigger or kind noun («مطار X», «مسجد X»: Arabic writes it first), a place's adjective («سعودي»), a
        preposition glued to a populous place, an indefinite accusative."""
        lexicon = self.lexicon
        forms = [key, *(form for _, form in clitic_forms(key, min_rest=2))]
        if any(form in self.titles or "ال" + form in self.titles for form in forms):
            return True
        if lexicon.trigger(key) is not None or lexicon.is_one_of(key, load_kind_words().kinds):
            return True
        if any(hit.flags & ADJECTIVE for hit in self.gazetteer.lookup(key)):
            return True  # «سعودي», «الروسي»: a place's adjective qualifies a name, it is none
        return self._glued_place(key) or self._accusative(key)

    def _accusative(self, key: str) -> bool:
        """An Arabic indefinite accusative of a common word («ضيفا», «عددا», «وفدا»): the stem without its final
        «ا» is common, and clearly more common than the word."""
        if len(key) < 3 or not key.endswith("ا"):
            return False
        stem, settings = self.gazetteer.zipf(key[:-1]), self.settings
        margin = stem - self.gazetteer.zipf(key)
        return stem >= settings.accusative_stem_zipf and margin > settings.accusative_stem_margin

    def _glued_place(self, key: str) -> bool:
        """An Arabic preposition glued to a populous place («لروسيا», «بالصين»): a place word, not a name; unless
        the whole word is the commoner word («كريم», a name, is no «ك» + «ريم», an alternate name of Rome)."""
        if key[:1] not in _PLACE_PROCLITICS or len(key) < 4:
            return False
        rest = key[1:]
        bare = (rest, rest[2:]) if rest.startswith("ال") else (rest,)
        least, zipf = self.settings.glued_place_population, self.gazetteer.zipf
        return any(
            self.gazetteer.lookup_populous(word, least) and zipf(word) > zipf(key) for word in bare if len(word) > 2
        )


@dataclass(frozen=True, slots=True)
class _PlaceNames:
    """The words of the place names the articles resolve, by their first word (with a proclitic or without)."""

    by_first: dict[str, list[tuple[str, ...]]]
    firsts: frozenset[str]

    @classmethod
    def of(cls, places: Iterable[str]) -> _PlaceNames:
        """The place names of the mention texts ``places``, each text folded once."""
        names = {tuple(t.text for t in tokens(fold_text(text))) for text in set(places)} - {()}
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for name in names:
            by_first.setdefault(name[0], []).append(name)
        return cls(by_first, frozenset({*by_first, *(p + first for p in _PROCLITICS for first in by_first)}))

    def starts(self, words: list[Token], texts: list[str]) -> frozenset[int]:
        """The starts of the words that stand inside a place's name where the article writes it (a one-letter
        proclitic on its first word allowed: «بموسكو»); ``texts`` are the words' texts."""
        found: set[int] = set()
        firsts = self.firsts.intersection(texts)
        for i in [i for i, key in enumerate(texts) if key in firsts] if firsts else ():
            key = words[i].text
            bare = key[1:] if key[:1] in _PROCLITICS else None
            for first in (key, bare):
                for place in self.by_first.get(first, ()) if first else ():
                    if tuple(texts[i + 1 : i + len(place)]) == place[1:]:
                        found.update(w.start for w in words[i : i + len(place)])
        return frozenset(found)


def find_traveller(
    articles: list[Article] | tuple[Article, ...],
    gazetteer: Gazetteer,
    *,
    lexicon: Lexicon | None = None,
    settings: TravellerSettings | None = None,
    places: Iterable[str] = (),
) -> Person | None:
    """The person the corpus is about, or ``None`` when no name is introduced or moves.

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
    places:
        The texts of the place mentions the articles resolve: where a text names one, its words are no
        person's name («مطار الملك خالد»), though the same word may be one elsewhere in the text.
    """
    lexicon = lexicon or load_lexicon()
    settings = settings or TravellerSettings()
    people = load_people_words()
    corpus = _Corpus(
        gazetteer,
        lexicon,
        settings,
        _PlaceNames.of(places),
        people,
        lexicon.titles | people.styles,
        movement_words(lexicon),
        lexicon_verb_stems(lexicon),
        _known_name_words(gazetteer, lexicon=lexicon, settings=settings),
    )
    tally = NameTally()
    for article in articles:
        reader = _NameReader(article, corpus)
        tally.add(reader.read())
        tally.counts.update(reader.texts)  # every word: only the name words' counts are asked for
    if not tally.spellings:
        return None
    wanted = {part for parts in tally.spellings for part in parts if part not in people.particles}  # «بن»: no name
    wanted = {part for part in wanted if not tally.hosts[part] or tally.movers[part]}  # the host who invites
    if not wanted:
        return None
    best = max(sorted(wanted), key=lambda w: tally.score(w, settings))
    if not (tally.titled[best] or tally.score(best, settings)[0]):
        return None  # named once as a mover and never introduced: «زيارة تستمر يومين» names no one
    names = [tally.form(best)]
    keys = {best}
    other = other_script(tally, best, settings)
    if other is not None:
        names.append(tally.form(other))
        keys.add(other)
    return Person(name=names[0], keys=frozenset(keys), mentions=tally.counts[best], names=tuple(names))


#: The word lists and settings each remembered answer of :meth:`_Corpus.name_word` holds for, newest first.
_NAME_WORDS: list[tuple[Gazetteer, Lexicon, TravellerSettings, dict[tuple[str, str | None], bool]]] = []
#: How many corpora's word lists keep their answers, and how many answers each keeps before it starts afresh.
_NAME_WORD_LISTS, _KNOWN_NAME_WORDS = 4, 65536


def _known_name_words(
    gazetteer: Gazetteer, *, lexicon: Lexicon, settings: TravellerSettings
) -> dict[tuple[str, str | None], bool]:
    """The answers of :meth:`_Corpus.name_word` for these word lists, shared by every corpus read with them (news
    repeats words: a stream of stories asks of each once). The answer is the word's and the lists' alone (the
    places a corpus names are asked apart, by :meth:`_NameReader._can_be_name`)."""
    for known_gazetteer, known_lexicon, known_settings, known in _NAME_WORDS:
        if known_gazetteer is gazetteer and known_lexicon is lexicon and known_settings is settings:
            if len(known) >= _KNOWN_NAME_WORDS:
                known.clear()
            return known
    known = {}
    _NAME_WORDS.insert(0, (gazetteer, lexicon, settings, known))
    del _NAME_WORDS[_NAME_WORD_LISTS:]
    return known


def traveller_keys(person: Person | None) -> frozenset[str]:
    """Folded words that stand for the traveller (empty when unknown)."""
    return person.keys if person is not None else frozenset()
