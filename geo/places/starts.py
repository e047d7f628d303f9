"""What a word may start: the recognizer's first test of each word, worked out once per word.

Most words of an article start no place's name. Whether one may depends on the word alone: the spellings
of it, with and without proclitics, that begin a gazetteer key; the seat of power it may begin; a
respelling of its /g/ that names a city; its consonant keys that begin a stored key. :class:`WordStarts`
works these out the first time a word is met and remembers them (:mod:`geo.places.memo`), so the
recognizer passes a word that starts nothing (:attr:`Word.idle`) with one dictionary look-up, and
looks further only from the words that may start a name. The commonest Arabic words' answers are worked
out once for all and kept beside the index (:mod:`geo.places.word_table`): a word met for the first time
is one look-up there, most of the time.
"""

from __future__ import annotations

import itertools
import marshal
import re
from functools import lru_cache, partial
from typing import NamedTuple

from marisa_trie import BytesTrie

from geo.model import PlaceType
from geo.places.gazetteer import Gazetteer, NameHit
from geo.places.lexicon import PROCLITICS, clitic_forms
from geo.places.memo import GazetteerMemo
from geo.places.phonetic import arabic_keys
from geo.places.seats import seat_starts
from geo.places.word_table import load_word_table, table_fingerprint
from geo.settings import RecognitionSettings
from geo.text.compiled_data import code_stamp, compiled
from geo.text.folding import fold_text, name_key
from geo.text.memory import SIZE, Memory

__all__ = ["Start", "Word", "WordStarts", "arabic_word", "latin_word"]

#: A way a word may start a name: the characters of proclitics stripped, the form left, the places it names.
Start = tuple[int, str, tuple[NameHit, ...]]

_G_LETTERS = "غجقك"  # the letters Arabic news writes a foreign /g/ with
_ONE_G = str.maketrans(dict.fromkeys(_G_LETTERS, "ك"))  # each of them written as one
_NO_G = str.maketrans("", "", _G_LETTERS)  # each of them left out
_G_RE = re.compile(f"[{_G_LETTERS}]")  # one of them
_NOT_IN_KEY = re.compile(r"[^\w\n]|_")  # what name_key drops (all but letters and digits), but a line break


def arabic_word(word: str) -> bool:
    """A folded word that starts with an Arabic letter."""
    return "\u0620" <= word[:1] <= "\u064a"  # [\u0620-\u064a], without a regex call


def latin_word(word: str) -> bool:
    """A folded word that starts with a Latin (ASCII) letter."""
    first = word[:1]
    return first.isascii() and first.isalpha()


class Word(NamedTuple):
    """What one word may start (:meth:`WordStarts.of`).

    Attributes
    ----------
    idle:
        No name of any kind can start at the word (never so for a Latin word, whose capital letter may make
        it a transliterated name).
    latin:
        The word starts with a Latin (ASCII) letter (:func:`latin_word`).
    exact:
        The forms of the word that begin a gazetteer key, with the places each names: a Latin word as
        written; an Arabic one also with its proclitics stripped, but a common word only when the remainder
        is at least as common (بالقاهرة yes, كبيرة → ك + بيرة no).
    seat:
        ``(characters stripped, form)`` of the forms that begin a seat of power's name.
    g_variant:
        ``(characters stripped, the cities)`` of a rare Arabic word respelt with another letter for /g/
        (:meth:`WordStarts.g_variant`), or ``None``; never for a word one of whose forms names a place (its
        exact match comes first).
    phonetic:
        The forms of a rare Arabic word some consonant key of which begins a stored key, with the places
        the form's keys name (:meth:`WordStarts.keys`). A word shorter than ``min_phonetic_word``, as
        common as ``common_zipf`` or one of whose forms names a place starts none; nor does a form left by
        stripping proclitics that is that common.
    """

    idle: bool
    latin: bool
    exact: tuple[Start, ...]
    seat: tuple[tuple[int, str], ...]
    g_variant: tuple[int, tuple[NameHit, ...]] | None
    phonetic: tuple[Start, ...]


class WordStarts:
    """The ways each word may start a name, worked out once per word.

    Parameters
    ----------
    gazetteer:
        The loaded gazetteer.
    memo:
        The gazetteer's remembered answers (shared with the recognizer).
    settings:
        Frequency limits, key lengths and populations (:class:`~geo.settings.RecognitionSettings`).
    size:
        How many answers each memory keeps before it starts afresh.
    table:
        Read the common words' answers from the index's word table (:mod:`geo.places.word_table`), made
        the first time it is wanted, when ``settings`` are the defaults (the table kept is for those).
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        memo: GazetteerMemo,
        *,
        settings: RecognitionSettings,
        size: int = SIZE,
        table: bool = True,
    ) -> None:
        self.gazetteer = gazetteer
        self.memo = memo
        self.settings = settings
        self.size = size
        self._table = self._word_table() if table and settings == RecognitionSettings() else None
        self._words: Memory[str, Word] = Memory(self._word, size=size)
        self.known = self._words  # what the words met so far start (read-only: :meth:`of` fills it)
        self._keys: Memory[str, tuple[bool, tuple[NameHit, ...]]] = Memory(self._key_hits, size=size)
        self._populous: Memory[tuple[str, int], tuple[NameHit, ...]] = Memory(self._sift, size=size)

    def of(self, word: str) -> Word:
        """What the folded ``word`` may start (see :class:`Word`), worked out the first time it is asked."""
        return self._words[word]

    def _word_table(self) -> BytesTrie | None:
        """The index's word table for these settings (see :mod:`geo.places.word_table`), its answers worked
        out, when it is made, with memories of their own (this reader's stay as a first reading leaves them)."""
        index = self.gazetteer.directory
        fingerprint = table_fingerprint(index, settings=self.settings.model_dump_json())
        if fingerprint is None:
            return None  # (what the answers depend on cannot be read: each word is worked out as it is met)
        gazetteer, settings = self.gazetteer, self.settings

        def work(word: str) -> bytes:
            return _encoded(fresh._worked_out(word))

        fresh = WordStarts(gazetteer, GazetteerMemo(gazetteer), settings=settings, size=self.size, table=False)
        return load_word_table(index, fingerprint=fingerprint, work=work)

    def _word(self, word: str) -> Word:
        """:meth:`of`, read from the word table or worked out."""
        if self._table is not None:
            found = self._table.get(word)
            if found is not None:
                return _decoded(found[0]) if found[0] else _IDLE  # (most words of the table start nothing)
        return self._worked_out(word)

    def _worked_out(self, word: str) -> Word:
        """:meth:`of`, worked out."""
        seat = _seat_forms(word) if word in _seat_words() else ()  # (most words begin no seat in any form)
        first = word[:1]
        if first.isascii() and first.isalpha():  # (latin_word and arabic_word, without a call each)
            memo = self.memo
            exact = ((0, word, memo.lookup(word)),) if memo.has_prefix(word) else ()
            return Word(False, True, exact, seat, None, ())
        if not "\u0620" <= first <= "\u064a":
            return Word(not seat, False, (), seat, None, ())
        zipf = self.gazetteer.zipf(word)
        exact = self._exact_starts(word, zipf)
        if zipf >= self.settings.common_zipf or any(start[2] for start in exact):
            # (a word that names a place as it stands is never read by its sounds or respelt)
            return Word(not (seat or exact), False, exact, seat, None, ())
        g_variant = self.g_variant(word)
        phonetic = self._phonetic_starts(word)
        return Word(not (seat or exact or g_variant or phonetic), False, exact, seat, g_variant, phonetic)

    def _exact_starts(self, word: str, whole: float) -> tuple[Start, ...]:
        """:attr:`Word.exact` of an Arabic word of frequency ``whole``."""
        memo = self.memo
        has_prefix, lookup = memo.has_prefix, memo.lookup
        starts = [(0, word, lookup(word))] if has_prefix(word) else []
        forms = clitic_forms(word)
        if not forms:
            return tuple(starts)
        if whole < self.settings.common_zipf:  # a rare word: every form
            starts.extend((stripped, form, lookup(form)) for stripped, form in forms if has_prefix(form))
        else:  # a common word: only the forms at least as common (asked second: most forms begin no key)
            zipf = self.gazetteer.zipf
            starts.extend(
                (stripped, form, lookup(form))
                for stripped, form in forms
                if has_prefix(form) and (zipf(form) >= whole or self._article_form(word, stripped, form))
            )
        return tuple(starts)

    def _article_form(self, word: str, stripped: int, form: str) -> bool:
        """A frequent word that is the article and the name of a populous place (``article_form_population``):
        news writes the city with the article GeoNames leaves out («الخرطوم», GeoNames' «خرطوم»), so the word
        is frequent as the city's name, and the bare name rare, as Arabic never writes it."""
        if word[:stripped] != "ال":
            return False
        least, population = self.settings.article_form_population, self.gazetteer.population
        return any(population(hit.row) >= least for hit in self.memo.lookup(form))

    def g_variant(self, word: str) -> tuple[int, tuple[NameHit, ...]] | None:
        """A rare Arabic word respelt with another letter for /g/ that spells a city's own Arabic name.

        Egyptian writing has «ج», the Gulf «ق» or «غ», GeoNames' Arabic names often «ك»: «بوغور» is GeoNames'
        «بوكور» (Bogor). The word is looked up with each other letter in those places; only a city of
        ``g_variant_population`` whose own Arabic name it then spells counts (not an alternate name:
        «أنغارا», the Angara, is no «أنكارا»). The word's frequency is not looked at here.

        Returns
        -------
        tuple or None
            ``(characters stripped, the cities)`` of the first form and respelling that names some.
        """
        if _G_RE.search(word) is None:
            return None  # (no letter for /g/ in the word, so none in any form of it: the usual case)
        settings = self.settings
        for stripped, form in [(0, word), *clitic_forms(word, min_rest=settings.min_phonetic_word)]:
            if not 0 < len(form) - len(form.translate(_NO_G)) <= settings.g_letters:
                continue  # no letter for /g/, or too many to try
            if form.translate(_ONE_G) not in _g_names(self.gazetteer, settings.g_variant_population):
                continue  # no respelling of it is a large city's own name
            slots = [k for k, c in enumerate(form) if c in _G_LETTERS]
            for letters in itertools.product(_G_LETTERS, repeat=len(slots)):
                variant = list(form)
                for k, letter in zip(slots, letters, strict=True):
                    variant[k] = letter
                hits = self._own_cities("".join(variant))
                if hits:
                    return stripped, hits
        return None

    def _own_cities(self, key: str) -> tuple[NameHit, ...]:
        """The cities of ``g_variant_population`` whose own Arabic name has the key ``key``."""
        memo, least = self.memo, self.settings.g_variant_population
        return tuple(
            h
            for h in memo.lookup(key)
            if memo.row(h.row)[0] == PlaceType.CITY
            and memo.row(h.row)[1] >= least
            and name_key(self.gazetteer.own_arabic(h.row) or "") == key  # its own Arabic name
        )

    def _phonetic_starts(self, word: str) -> tuple[Start, ...]:
        """:attr:`Word.phonetic` of an Arabic word less common than ``common_zipf``."""
        settings, zipf = self.settings, self.gazetteer.zipf
        if len(word) < settings.min_phonetic_word:
            return ()
        starts: list[Start] = []
        for stripped, form in [(0, word), *clitic_forms(word, min_rest=settings.min_phonetic_word)]:
            if stripped and zipf(form) >= settings.common_zipf:
                continue
            reachable, hits = self.keys(form)
            if reachable:
                starts.append((stripped, form, hits))
        return tuple(starts)

    def keys(self, text: str) -> tuple[bool, tuple[NameHit, ...]]:
        """Whether some consonant key of the Arabic ``text`` begins a stored key, and the places its keys name.

        The usual key is read as before; another reading of the spelling (:func:`arabic_keys`) is
        tried only when the usual one names nothing, needs a full-length key and a place of
        ``reading_population``.
        """
        return self._keys[text]

    def _key_hits(self, text: str) -> tuple[bool, tuple[NameHit, ...]]:
        """:meth:`keys`, worked out."""
        settings, memo = self.settings, self.memo
        key, *others = arabic_keys(text, limit=settings.key_readings)
        reachable = memo.has_prefix("#" + key)
        hits: tuple[NameHit, ...] = ()
        if reachable and key and len(key) >= settings.min_phonetic_key - 1:
            # Short keys are common: only large places are worth the risk.
            hits = self._places(key, settings.short_key_population if len(key) < settings.min_phonetic_key else 0)
        shortest = settings.min_phonetic_key
        for other in others:  # the other readings, each asked only while no place is found
            if hits:
                break
            if reachable and len(other) < shortest:
                continue  # (it could neither make the text reachable nor name a place)
            if memo.has_prefix("#" + other):
                reachable = True
                if len(other) >= shortest:
                    hits = self._places(other, settings.reading_population)
        return reachable, hits

    def _places(self, key: str, least: int) -> tuple[NameHit, ...]:
        """The places of consonant key ``key`` with at least ``least`` people (remembered: words share keys)."""
        return self._populous[key, least]

    def _sift(self, question: tuple[str, int]) -> tuple[NameHit, ...]:
        """:meth:`_places`, worked out."""
        key, least = question
        if not least:
            return self.memo.lookup("#" + key)
        return tuple(self.gazetteer.lookup_populous("#" + key, least))  # (every population read at once)


_IDLE = Word(True, False, (), (), None, ())  # an Arabic word that starts nothing (the table's empty answer)
_new_hit = partial(tuple.__new__, NameHit)  # a NameHit from a (row, flags) pair, without a call of Python code


def _plain(starts: tuple[Start, ...]) -> tuple[tuple[int, str, tuple[tuple[int, int], ...]], ...]:
    """Starts with their places as plain tuples (what :mod:`marshal` writes)."""
    return tuple((stripped, form, tuple(map(tuple, hits))) for stripped, form, hits in starts)


def _hits(starts: tuple[tuple[int, str, tuple[tuple[int, int], ...]], ...]) -> tuple[Start, ...]:
    """:func:`_plain`'s starts with their places as :class:`NameHit` again."""
    if not starts:
        return ()
    return tuple([(stripped, form, tuple(map(_new_hit, hits))) for stripped, form, hits in starts])


def _encoded(word: Word) -> bytes:
    """An Arabic word's :class:`Word` as the word table keeps it: nothing for an idle word."""
    if word.idle:
        return b""
    g_variant = None if word.g_variant is None else (word.g_variant[0], tuple(map(tuple, word.g_variant[1])))
    return marshal.dumps((_plain(word.exact), word.seat, g_variant, _plain(word.phonetic)))


def _decoded(data: bytes) -> Word:
    """:func:`_encoded`'s :class:`Word` again."""
    if not data:
        return _IDLE
    exact, seat, g_variant, phonetic = marshal.loads(data)
    if g_variant is not None:
        g_variant = (g_variant[0], tuple(map(_new_hit, g_variant[1])))
    return Word(False, False, _hits(exact), seat, g_variant, _hits(phonetic))


@lru_cache(maxsize=4)
def _g_names(gazetteer: Gazetteer, population: int) -> frozenset[str]:
    """The own Arabic names (name keys) of the cities of ``population``, each letter for /g/ written as one.

    Worked out once for an index, a population and the code that works them out, and kept compiled
    (:func:`geo.text.compiled_data.compiled`): a fresh process loads them, it does not read 6,000 towns again.
    """
    code = code_stamp(__name__, fold_text.__module__, Gazetteer.__module__)  # this, the folding, the index's reading
    stamp = code and f"{gazetteer.fingerprint}\n{population}\n{code}"
    return compiled(f"g-names-{population}", stamp=stamp, build=lambda: _read_g_names(gazetteer, population))


def _read_g_names(gazetteer: Gazetteer, population: int) -> frozenset[str]:
    """:func:`_g_names`, worked out from the index."""
    names = gazetteer.arabic_names(row for found in gazetteer.towns_by_country(population).values() for row in found)
    # name_key of every name at once, one line each: folded in one call (folding keeps a line break, and makes
    # none), respelt with a replacement per letter, all but letters and digits dropped in one more call
    folded = fold_text("\n".join(names))
    for letter in _G_LETTERS[:-1]:
        folded = folded.replace(letter, _G_LETTERS[-1])
    return frozenset(_NOT_IN_KEY.sub("", folded).split("\n"))


@lru_cache(maxsize=1)
def _seat_words() -> frozenset[str]:
    """Every word that may begin a seat of power's name as written or after proclitics (a few more too): a
    seat's first word, with each proclitic before it, and with a proclitic ending in «ال»/«لل» for its article."""
    words = set(seat_starts())
    for start in seat_starts():
        for clitic in PROCLITICS:
            words.add(clitic + start)
            if start.startswith("ال") and clitic.endswith(("ال", "لل")):
                words.add(clitic + start[2:])
    return frozenset(words)


def _seat_forms(word: str) -> tuple[tuple[int, str], ...]:
    """The forms of ``word`` (as written, or with proclitics stripped) that begin a seat of power's name."""
    if word not in _seat_words():
        return ()  # (the cheap test first: most words begin no seat in any form)
    starts = seat_starts()
    forms = [(0, word)] if word in starts else []
    for k, form in clitic_forms(word):
        if form in starts:
            forms.append((k, form))
    return tuple(forms)
