"""Recognition: find the spans of an article that name places in the gazetteer.

The article is folded (:mod:`geo.text.folding`) and cut into words. From each
word the longest run of up to six words whose joined key is a gazetteer name
wins, so spacing and hyphen variants meet (one word, two words, hyphens).
Arabic words are also tried with their proclitics stripped, but only a
remainder that is a known name counts. Words left unmatched are tried by
their consonant key (:mod:`geo.places.phonetic`) against places that GeoNames
knows only by Latin names. Latin-script names count only when capitalised.

Each mention records the trigger noun before it («ميناء» → ``port``) and the
preposition of place that introduces it; resolution weighs both.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import NamedTuple

from geo.model import Article, MatchKind, Mention, PlaceType, Trigger
from geo.places.arabic_nouns import without_arabic_words
from geo.places.gazetteer import ADJECTIVE, Gazetteer, NameHit
from geo.places.lexicon import Lexicon, load_lexicon
from geo.places.memo import GazetteerMemo
from geo.places.phonetic import latin_spellings
from geo.places.phonetic_runs import swallows_a_name
from geo.places.seats import load_seats, seat_locatives
from geo.places.starts import Start, Word, WordStarts, arabic_word
from geo.places.tags import post_tags, split_hashtags
from geo.places.word_joins import Joins as _Joins
from geo.places.word_joins import WordsBefore as _WordsBefore
from geo.places.word_joins import inside_longer_hashtag
from geo.settings import ProminenceSettings, RecognitionSettings
from geo.text.folding import Folded, Token, extend_over_marks, fold, tokens

__all__ = ["Recognizer", "is_arabic_token", "is_latin_token"]

_INITIAL = re.compile(r"[.!?:\n][\s\"'«“(]*$")
_PUNCT = re.compile(r"[\n.,;:!?،؛؟()\[\]\"«»“”]")
_CLAUSE_END = re.compile(r"[\n.,;:!?،؛؟()\[\]\"«»]")  # ends the look-back for a trigger noun or a preposition


class _Match(NamedTuple):
    """A run of words that names places: its first and last word, proclitic characters stripped, the places,
    how it matched (a named tuple: made many times a word)."""

    first: int
    last: int
    stripped: int
    hits: tuple[NameHit, ...]
    kind: MatchKind


def is_arabic_token(token: Token) -> bool:
    """A word that starts with an Arabic letter."""
    return "\u0620" <= token.text[:1] <= "\u064a"  # [\u0620-\u064a], without a regex call


def is_latin_token(token: Token) -> bool:
    """A word that starts with a Latin (ASCII) letter."""
    first = token.text[:1]
    return first.isascii() and first.isalpha()


class Recognizer:
    """Finds place mentions with one gazetteer and lexicon.

    Parameters
    ----------
    gazetteer:
        A loaded :class:`~geo.places.gazetteer.Gazetteer`.
    lexicon:
        Trigger nouns and prepositions (default :func:`~geo.places.lexicon.load_lexicon`).
    settings:
        Name lengths, frequency limits and look-backs (default :class:`~geo.settings.RecognitionSettings`).
    prominence:
        When a city is famous (default :class:`~geo.settings.ProminenceSettings`).
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        lexicon: Lexicon | None = None,
        settings: RecognitionSettings | None = None,
        prominence: ProminenceSettings | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon or load_lexicon()
        self.settings = settings or RecognitionSettings()
        self.prominence = prominence or ProminenceSettings()
        self._seat_rows: dict[str, int | None] = {}  # a seat's city id → its row (looked up once)
        self._memo = GazetteerMemo(gazetteer)  # each name key, prefix and row asked of the gazetteer once
        self._starts = WordStarts(gazetteer, self._memo, settings=self.settings)  # what each word may start

    # -- scanning ---------------------------------------------------------

    def find(self, article: Article) -> list[Mention]:
        """Every place mention in ``article``, in text order.

        Parameters
        ----------
        article:
            The article; its furniture spans are skipped.

        Returns
        -------
        list of Mention
        """
        folded = fold(article.text)
        words = split_hashtags(article.text, folded, tokens(folded.text))
        if not words:
            return []
        skip = self._furniture_mask(article, folded, words)
        before = _WordsBefore(words)
        text = folded.text
        joinable = _Joins(words, text, max_chars=self.settings.max_join_chars)
        known, starts = self._starts.known, self._starts.of
        mentions: list[Mention] = []
        i = 0
        while i < len(words):
            if skip[i] or (word := known.get(words[i].text) or starts(words[i].text)).idle:
                i += 1  # furniture (never worked out), or no name of any kind starts at this word
                continue
            seat = self._seat(article, folded, words, joinable, i, word.seat) if word.seat else None
            match = seat or (self._exact(article, folded, words, joinable, skip, i, word) if word.exact else None)
            if match is None and word.latin and article.text[folded.offsets[words[i].start]].isupper():
                match = self._transliterated(words, joinable, skip, i)
            if match is None and word.g_variant is not None:
                match = _Match(i, i, word.g_variant[0], word.g_variant[1], MatchKind.PHONETIC)  # needs context
            if match is None and word.phonetic:
                match = self._phonetic_run(words, joinable, skip, i, word.phonetic)
            if match is None or self._generic_noun(words, match) or self._function_word(words, match):
                i += 1
                continue
            if not seat and (
                self._institution(words, match)
                or self._first_name(article, folded, words, match, before)
                or self._named_facility(article, folded, words, match)
                or self._in_country_name(folded, words, match, mentions)
            ):
                i = match.last + 1
                continue
            mention = self._mention(article, folded, words, match)
            if inside_longer_hashtag(text, words, match.first, match.last):
                mention = replace(mention, match=MatchKind.ADJECTIVE)  # a tag's word: a context hint only
            mentions.append(mention)
            i = match.last + 1
        fame, settings, lex = self.prominence.famous_population, self.settings, self.lexicon
        checked = without_arabic_words(
            article.text, mentions, gazetteer=self.gazetteer, settings=settings, famous_population=fame, lexicon=lex
        )
        return post_tags(article.text, checked)

    def _generic_noun(self, words: list[Token], match: _Match) -> bool:
        """A lone trigger noun («الجزيرة», «المدينة», "Island") names no particular place."""
        if match.first != match.last:
            return False
        form = words[match.first].text[match.stripped :]
        return self.lexicon.trigger(form) is not None

    def _institution(self, words: list[Token], match: _Match) -> bool:
        """«البيت الأبيض», "White House", "Kremlin": a government; "Xinhua", «واس»: a news agency. Never places."""
        key = "".join(w.text for w in words[match.first : match.last + 1])[match.stripped :]
        return key in self.lexicon.institutions or key in self.lexicon.outlets

    def _in_country_name(self, folded: Folded, words: list[Token], match: _Match, mentions: list[Mention]) -> bool:
        """A town's name right after a country's, joined by a space or hyphen, is the end of the country's
        longer name («بروناي دار السلام», "Brunei Darussalam", "Congo-Brazzaville"), not a mention."""
        if not mentions or match.stripped or mentions[-1].match == MatchKind.ADJECTIVE:
            return False
        before = mentions[-1]
        if before.trigger is not None:
            return False  # «العاصمة السعودية الرياض»: the capital's noun, then its country's adjective, then it
        if not before.candidates or any(self._memo.row(r)[0] != PlaceType.COUNTRY for r in before.candidates):
            return False
        previous = words[match.first - 1] if match.first else None
        if previous is None or folded.text[previous.end : words[match.first].start] not in (" ", "-"):
            return False
        if folded.original_span(previous.start, previous.end)[1] != before.end:
            return False  # the country's mention does not end on the word just before
        return all(self._memo.row(h.row)[0] == PlaceType.CITY for h in match.hits)

    def _function_word(self, words: list[Token], match: _Match) -> bool:
        """A very common word («إلى», «بين») whose namesakes are all small places is no mention."""
        if match.first != match.last or match.kind == MatchKind.PHONETIC:
            return False
        if words[match.first].text in self.lexicon.dialect:
            return True  # «وين» (where), not Vienna
        if self.gazetteer.zipf(words[match.first].text) < self.settings.function_word_zipf:
            return False
        return all(
            self._memo.row(h.row)[0] == PlaceType.CITY and self._memo.row(h.row)[1] < self.prominence.famous_population
            for h in match.hits
        )

    def _furniture_mask(self, article: Article, folded: Folded, words: list[Token]) -> list[bool]:
        """For each word, whether it lies in the article's furniture (the last span starting at or before it)."""
        mask = [False] * len(words)
        spans = article.furniture
        if not spans:
            return mask
        starts = [s.start for s in spans]
        at = [folded.offsets[word.start] for word in words]  # each word's original offset, rising
        if starts != sorted(starts):  # (not as :func:`~geo.text.furniture.find_furniture` gives them) each word asked
            return [(k := bisect.bisect_right(starts, pos) - 1) >= 0 and pos < spans[k].end for pos in at]
        for k, span in enumerate(spans):
            end = min(span.end, starts[k + 1]) if k + 1 < len(spans) else span.end  # a later span governs after
            first, last = bisect.bisect_left(at, span.start), bisect.bisect_left(at, end)
            mask[first:last] = [True] * max(0, last - first)
        return mask

    def _exact(
        self,
        article: Article,
        folded: Folded,
        words: list[Token],
        joinable: _Joins,
        skip: list[bool],
        i: int,
        word: Word,
    ) -> _Match | None:
        """The longest run of words from word ``i`` whose joined key, from one of the forms of ``word`` that
        begin a name, is a name."""
        first = words[i]
        lowercase = False
        if word.latin:
            # Lowercase Latin words name no place, but may be a nationality ("le président ukrainien").
            lowercase = not article.text[folded.offsets[first.start]].isupper()
            if lowercase and article.language != "fr":
                return None  # only French writes nationalities in lowercase
        best: _Match | None = None
        kind = MatchKind.LATIN if word.latin else MatchKind.EXACT
        for stripped, form, hits in word.exact:
            key, j = form, i
            while True:
                if hits and (best is None or j > best.last):
                    best = _Match(i, j, stripped, hits, MatchKind.CLITIC if stripped else kind)
                if j + 1 >= len(words) or not joinable[j] or skip[j + 1] or j - i + 1 >= self.settings.max_words:
                    break
                j += 1
                nxt = words[j].text
                if not self._memo.has_prefix(key + nxt[:2]):
                    break  # (the cheap test first: a name and two letters, asked again and again across articles)
                key += nxt
                if len(nxt) > 2 and not self._memo.has_prefix(key):
                    break
                hits = self._memo.lookup(key)
        if best is not None and lowercase:
            hits = tuple(h for h in best.hits if h.flags & ADJECTIVE)
            best = _Match(best.first, best.last, best.stripped, hits, best.kind) if hits else None
        return best

    def _transliterated(self, words: list[Token], joinable: _Joins, skip: list[bool], i: int) -> _Match | None:
        """A capitalised Latin name in another transliteration of the same sounds ("Abou Dhabi", "Djeddah"):
        the longest run of words one of whose :func:`latin_spellings` is a gazetteer name."""
        best: _Match | None = None
        key, j = words[i].text, i
        while is_latin_token(words[i]):
            for variant in latin_spellings(key):
                hits = self._memo.lookup(variant)
                if hits:
                    best = _Match(i, j, 0, tuple(hits), MatchKind.LATIN)
                    break
            if j + 1 >= len(words) or not joinable[j] or skip[j + 1] or j - i + 1 >= self.settings.max_words:
                return best
            j += 1
            key += words[j].text
        return None

    def _seat(
        self,
        article: Article,
        folded: Folded,
        words: list[Token],
        joinable: _Joins,
        i: int,
        forms: tuple[tuple[int, str], ...],
    ) -> _Match | None:
        """A seat of power («الإليزيه», "the Kremlin", «قصر اليمامة»): a mention of its capital, whose role
        (visited, or standing for the government) the roles decide (:mod:`geo.places.seats`)."""
        first = words[i]
        forms = tuple((s, form) for s, form in forms if self._as_place(folded, words, i, s))
        best: _Match | None = None
        for stripped, form in forms:
            key, j = form, i
            while True:
                seat = load_seats().get(key)
                capitalised = any(  # "a white house" is no seat
                    not is_latin_token(w) or article.text[folded.offsets[w.start]].isupper() for w in words[i : j + 1]
                )
                if seat is not None and capitalised and (best is None or j > best.last):
                    if seat.city not in self._seat_rows:
                        self._seat_rows[seat.city] = self.gazetteer.row_of(seat.city)
                    row = self._seat_rows[seat.city]
                    if row is not None:
                        kind = MatchKind.CLITIC if stripped else self._kind(first)
                        best = _Match(i, j, stripped, (NameHit(row, 0),), kind)
                if j + 1 >= len(words) or not joinable[j] or j - i + 1 >= self.settings.max_words:
                    break
                j += 1
                key += words[j].text
        return best

    @staticmethod
    def _as_place(folded: Folded, words: list[Token], i: int, stripped: int) -> bool:
        """Tell whether a seat at word ``i`` follows a word of place (a proclitic «ب» of its own counts; "the",
        "l'" may stand between): "received at the Kremlin" is a place, "the Kremlin said" a government."""
        locatives, articles = seat_locatives()
        if stripped and words[i].text[:stripped].removesuffix("ال") in locatives:
            return True
        k = i - 1
        while (
            k >= 0 and words[k].text in articles and not _PUNCT.search(folded.text[words[k].end : words[k + 1].start])
        ):
            k -= 1
        return (
            k >= 0 and words[k].text in locatives and not _PUNCT.search(folded.text[words[k].end : words[k + 1].start])
        )

    @staticmethod
    def _kind(token: Token) -> MatchKind:
        return MatchKind.LATIN if is_latin_token(token) else MatchKind.EXACT

    def _phonetic_run(
        self, words: list[Token], joinable: _Joins, skip: list[bool], i: int, starts: tuple[Start, ...]
    ) -> _Match | None:
        """:meth:`_phonetic`'s run, unless a later word of it begins a name as written («غريق السويس»)."""
        match = self._phonetic(words, joinable, skip, i, starts)
        later = words[match.first + 1 : match.last + 1] if match else []
        known, starts = self._starts.known, self._starts.of
        return None if swallows_a_name(later, known=known, starts=starts, is_country=self._is_country) else match

    def _is_country(self, row: int) -> bool:
        """Whether gazetteer row ``row`` is a country."""
        return self._memo.row(row)[0] == PlaceType.COUNTRY

    def _phonetic(
        self, words: list[Token], joinable: _Joins, skip: list[bool], i: int, starts: tuple[Start, ...]
    ) -> _Match | None:
        """The longest run of Arabic words from word ``i`` whose consonant key, from one of ``starts``, names a
        place (:meth:`WordStarts.keys <geo.places.starts.WordStarts.keys>`)."""
        best: _Match | None = None
        for stripped, form, hits in starts:
            text, j = form, i
            while True:
                if hits and (best is None or j > best.last):
                    best = _Match(i, j, stripped, hits, MatchKind.PHONETIC)
                nxt = j + 1
                if (
                    nxt >= len(words)
                    or not joinable[j]
                    or skip[nxt]
                    or nxt - i + 1 > self.settings.phonetic_words
                    or not is_arabic_token(words[nxt])
                ):
                    break
                j = nxt
                text += words[j].text
                reachable, hits = self._starts.keys(text)
                if not reachable:
                    break  # no phonetic key starts so: no longer run can match either
        return best

    # -- context ----------------------------------------------------------

    def _context(
        self, words: list[Token], i: int, stripped: int, folded_text: str
    ) -> tuple[Trigger | None, str | None]:
        """Trigger noun's hint and preposition before word ``i``."""
        trigger: Trigger | None = None
        cue: str | None = None
        if stripped:
            prefix = words[i].text[:stripped]
            if prefix.rstrip("ال").endswith(("ب", "ل")) or prefix in ("ب", "ل", "وب", "فب", "ول", "فل"):
                cue = prefix
        k = i - 1
        steps = 0
        while k >= 0 and steps < self.settings.lookback_words:
            if _CLAUSE_END.search(folded_text, words[k].end, words[k + 1].start):
                break
            word = words[k].text
            if cue is None and steps == 0:
                cue = self.lexicon.cue(word)
            if trigger is None:
                trigger = self.lexicon.trigger(word)
                if trigger is not None:
                    if cue is None and k > 0 and words[k - 1].text in self.lexicon.prepositions:
                        cue = words[k - 1].text
                    break
            k -= 1
            steps += 1
        return trigger, cue

    def _person(self, words: list[Token], match: _Match, folded_text: str) -> bool:
        """True when the match stands where a person's name stands."""
        after = match.last + 1
        if (
            after < len(words)
            and not _PUNCT.search(folded_text, words[match.last].end, words[after].start)
            and words[after].text in self.lexicon.speech
        ):
            return True
        k = match.first - 1
        step = 0
        while step < self.settings.title_lookback_words:
            if k < 0 or _PUNCT.search(folded_text, words[k].end, words[k + 1].start):
                return False
            word = words[k].text
            if self._adjective(word):
                k -= 1  # «الرئيس الروسي فلان»: a nationality adjective does not count
                continue
            title, speech, place = self.lexicon.person_marks(word)
            if title or (step == 0 and speech):
                return True
            if place:
                return False  # («الرئيس غادرت تل أبيب», "the president visited X": the verb's object, not a name)
            k -= 1
            step += 1
        return False

    def _adjective(self, key: str) -> bool:
        """Whether some place's modifier has the key ``key`` (:meth:`GazetteerMemo.adjective
        <geo.places.memo.GazetteerMemo.adjective>`), told by what the word starts when the scan has worked that
        out: the first of its exact forms is the word as written, with its places, when a key begins so."""
        word = self._starts.known.get(key)
        if word is None or not (word.latin or arabic_word(key)):
            return self._memo.adjective(key)
        first = word.exact[0] if word.exact else None
        return first is not None and first[0] == 0 and any(hit.flags & ADJECTIVE for hit in first[2])

    def _first_name(
        self, article: Article, folded: Folded, words: list[Token], match: _Match, before: _WordsBefore
    ) -> bool:
        """A one-word name right before a surname is a first name ("Victoria Nuland", «فلاديمير بوتين»).

        The next word must follow on the same line after one space (capitalised, in Latin script), and be
        no notable place (a country, a region, a city of ``notable_population``), no trigger noun
        ("Airport") and no institution. It is a surname when it is rare (``surname_max_zipf``), or when the
        article also writes it alone, as news writes a surname after the full name ("Vladimir Poutine …
        M. Poutine"), and it is no very common word (``reused_surname_max_zipf``). A country is never
        a first name.
        """
        after = match.last + 1
        if match.first != match.last or match.stripped or after >= len(words) or match.kind == MatchKind.PHONETIC:
            return False
        first, nxt = words[match.first], words[after]
        latin = is_latin_token(first)
        if (is_latin_token(nxt) != latin) or folded.text[first.end : nxt.start] != " ":
            return False
        if latin and not article.text[folded.offsets[nxt.start]].isupper():
            return False
        reused = before.elsewhere(nxt.text, first.text)  # the article also writes the surname after another word
        rare = not (latin or reused) and self.gazetteer.zipf(nxt.text) < self.settings.surname_max_zipf
        pair = rare and self._foreign_pair(folded, words, match)  # (asked of a rare word only: see below)
        if not (latin or reused or pair):
            return False  # (the cheap test first: an Arabic first name needs its surname reused, or a rare one)
        if any(self._memo.row(h.row)[0] == PlaceType.COUNTRY for h in match.hits) or not self._plain(nxt):
            return False
        zipf = self.gazetteer.zipf(nxt.text)
        if (latin or pair) and zipf < self.settings.surname_max_zipf:
            return True
        return zipf < self.settings.reused_surname_max_zipf and reused

    def _foreign_pair(self, folded: Folded, words: list[Token], match: _Match) -> bool:
        """An Arabic town's name with no cue before it (no preposition, no trigger noun) and a word after it
        that starts no place name: two words of a foreign person's name («ايسي شيما»), the first a small town's
        namesake. Neither takes the Arabic article. The caller asks that the second be rare (``surname_max_zipf``)."""
        if any(self._memo.row(h.row)[1] >= self.prominence.notable_population for h in match.hits):
            return False
        nxt = words[match.last + 1].text
        if words[match.first].text.startswith("ال") or nxt.startswith("ال"):
            return False  # «الجهراء …»: a foreign given name and surname take no Arabic article
        if any(hits for _, _, hits in (self._starts.known.get(nxt) or self._starts.of(nxt)).exact):
            return False  # «ايسي وروما»: the next word names a place
        return self._context(words, match.first, 0, folded.text) == (None, None)

    def _plain(self, word: Token) -> bool:
        """No trigger noun ("Airport"), no institution and no notable place (a country, a region, a city of
        ``notable_population``): a word that may be a surname."""
        if self.lexicon.trigger(word.text) is not None or word.text in self.lexicon.institutions:
            return False
        return not any(
            self._memo.row(hit.row)[0] != PlaceType.CITY
            or self._memo.row(hit.row)[1] >= self.prominence.notable_population
            for hit in self._memo.lookup(word.text)
        )

    def _named_facility(self, article: Article, folded: Folded, words: list[Token], match: _Match) -> bool:
        """A place's name ending a person's name that names a site ("José Martí airport", "Rafic Hariri
        airport"): a capitalised word that is no place stands before it and a site's trigger noun after it."""
        before, after = match.first - 1, match.last + 1
        if match.first != match.last or before < 0 or after >= len(words) or not is_latin_token(words[before]):
            return False
        trigger = self.lexicon.trigger(words[after].text)
        if trigger is None or trigger.place_type != PlaceType.FACILITY:
            return False
        prev = words[before]
        if (
            folded.text[prev.end : words[match.first].start] != " "
            or folded.text[words[match.last].end : words[after].start] != " "
        ):
            return False
        if not article.text[folded.offsets[prev.start]].isupper():
            return False
        known = (prev.text in self.lexicon.titles or prev.text in self.lexicon.prepositions
                 or self.lexicon.trigger(prev.text) is not None)  # fmt: skip
        return not known and not any(
            self._memo.row(hit.row)[0] != PlaceType.CITY
            or self._memo.row(hit.row)[1] >= self.prominence.notable_population
            for hit in self._memo.lookup(prev.text)
        )

    def _mention(self, article: Article, folded: Folded, words: list[Token], match: _Match) -> Mention:
        start_folded = words[match.first].start + match.stripped
        start, end = folded.original_span(start_folded, words[match.last].end)
        end = extend_over_marks(article.text, end)
        trigger, cue = self._context(words, match.first, match.stripped, folded.text)
        person = self._person(words, match, folded.text)
        initial = (
            is_latin_token(words[match.first]) and _INITIAL.search(article.text[max(0, start - 3) : start]) is not None
        )
        if start < 3 and is_latin_token(words[match.first]):
            initial = not article.text[:start].strip(" \t\"'«“(")
        adjective = all(h.flags & ADJECTIVE for h in match.hits)
        rows = []
        for hit in match.hits:
            if hit.row not in rows and (adjective or not hit.flags & ADJECTIVE):
                rows.append(hit.row)
        return Mention(
            article=article.name,
            start=start,
            end=end,
            text=article.text[start:end],
            sentence=article.sentence_index(start),
            match=MatchKind.ADJECTIVE if adjective else match.kind,
            candidates=tuple(rows),
            trigger=trigger,
            cue=cue,
            person=person,
            initial=initial,
        )
