"""The future tense: does a sentence, or the clause around a span, speak of the future?

A weekday or a date without a year is placed after the publication date
when its clause is in the future tense («سيزور الوزير طوكيو يوم الأحد»), and a
plan is not taken for the day of writing. Arabic, French and English rules
(see :func:`sentence_is_future`); the words live in ``data/lexicon/dates.yaml``.

The Arabic prefix سـ makes a future verb of an imperfect («سيزور», «ستعقد»)
but also begins nouns and names («سيارة», «سيول»). Word frequencies tell
them apart: سـ + word is a verb when the word without سـ is clearly more
frequent than with it («يزور» ≫ «سيزور», but «يول» ≯ «سيول»). They are
passed in as ``frequencies`` (a :class:`~geo.model.WordFrequencies`, such as
:meth:`geo.places.gazetteer.Gazetteer.zipf`), never looked for on disk.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from geo.dates.clauses import ScannedText, clause_scan
from geo.dates.date_words import load_dates_lexicon
from geo.dates.patterns import date_patterns
from geo.model import WordFrequencies
from geo.settings import DateSettings
from geo.text.folding import fold_text, is_arabic, name_key

__all__ = ["clause_is_future", "clause_is_future_up_to", "future_at", "sentence_is_future"]

_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_WORD = re.compile(r"[^\W\d_]+")
_FOLDED_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LETTERS = re.compile(r"[^\W\d_]")
#: What a break phrase may hold between its letters (spaces, apostrophes, hyphens).
_BETWEEN_LETTERS = re.compile(r"[\s'’\-\u2010\u2011]+")
#: A word (as ``_WORD`` finds them) that starts with «س», or with «و» or «ف» and then «س».
_SIN_WORD = re.compile(r"(?<![^\W\d_])[وف]?س[^\W\d_]*")
_COMMA = re.compile(r"[,،]")
#: How far before a clause's «أن» a plan word is looked for, in characters (no plan phrase is longer).
_OPENER_CHARS = 40


@lru_cache(maxsize=16384)
def _has_future_prefix(word: str) -> bool:
    """Tell whether an Arabic word starts with a future prefix (سيـ، ستـ، سنـ، سأ) and is not a listed noun."""
    lex = load_dates_lexicon()
    return word.startswith(lex.future_prefixes) and fold_text(word) not in lex.not_verbs


def _is_future_verb(word: str, frequencies: WordFrequencies | None, settings: DateSettings) -> bool:
    """Tell whether an Arabic word (marks removed, conjunction stripped) is سـ + an imperfect verb.

    Without ``frequencies`` every word long enough with a future prefix, and
    not a listed noun, counts as a verb.
    """
    if len(word) < settings.future_verb_min_letters or not _has_future_prefix(word):
        return False
    if frequencies is None:
        return True
    without = frequencies(name_key(word[1:]), language="ar")
    return without >= frequencies(name_key(word), language="ar") + settings.future_prefix_margin


def _arabic_future(text: str, frequencies: WordFrequencies | None, settings: DateSettings) -> bool:
    """An Arabic future prefix on a verb of ``text`` («سيزور», «وستعقد», «سأدعم»)."""
    for match in _SIN_WORD.finditer(_ARABIC_MARKS.sub("", text)):  # the words that start with س, «وس» or «فس»
        word = match.group()
        if word[0] in "وف" and len(word) > settings.future_verb_min_letters:
            word = word[1:]
        if word[0] == "س" and _is_future_verb(word, frequencies, settings):
            return True
    return False


def _french_future(text: str, folded: str, settings: DateSettings) -> bool:
    """A French futur simple (3rd person, lowercase, not a listed noun) or "va + infinitive" (``folded``: the
    text folded)."""
    if folded != folded.upper():  # a futur's ending («ra», «ront») folds to letters with a case: none, no futur
        for match in _WORD.finditer(text):
            word = match.group()
            if len(word) >= settings.french_future_min_letters and word.islower() and _french_future_verb(word):
                return True
    return date_patterns().aller.search(folded) is not None


@lru_cache(maxsize=16384)
def _french_future_verb(word: str) -> bool:
    """Tell whether a lowercase word has a futur simple ending and is not a listed noun."""
    lex = load_dates_lexicon()
    folded = fold_text(word)
    return folded.endswith(lex.french_endings) and folded not in lex.not_verbs


def sentence_is_future(
    text: str,
    *,
    language: str,
    frequencies: WordFrequencies | None,
    settings: DateSettings | None = None,
) -> bool:
    """Tell whether a sentence (or clause) speaks of the future.

    Arabic rules always apply (they only match Arabic script): future words
    («سوف», «لن», «من المقرر», «المقبل») and the prefix سـ on an imperfect verb
    («سيزور», «ستعقد», «سأدعم»; nouns such as «سيارة», «سيول» are not verbs).
    French rules apply unless ``language`` is ``"en"``: "prochain", "prévu",
    a futur simple ("visitera", "se rendront") or "va/vont + infinitive".
    English rules apply unless ``language`` is ``"fr"``: "will", "shall",
    "'ll", "going to", "is expected to", "next" (not "next to").

    Parameters
    ----------
    text:
        The sentence or clause, as written.
    language:
        ``"ar"``, ``"fr"`` or ``"en"``.
    frequencies:
        Zipf frequencies of folded words (:meth:`geo.places.gazetteer.Gazetteer.zipf`):
        سـ + word is a verb when ``frequencies(word) >= frequencies(سـ + word) +``
        :attr:`~geo.settings.DateSettings.future_prefix_margin`. ``None``: no
        frequencies, so every سـ-prefixed word of at least
        :attr:`~geo.settings.DateSettings.future_verb_min_letters` letters that
        the lexicon does not list as a noun counts as a future verb.
    settings:
        The date settings (default :class:`~geo.settings.DateSettings`).

    Returns
    -------
    bool
    """
    return _is_future(text, fold_text(text), language, frequencies, settings or DateSettings())


def _is_future(
    text: str, whole: str, language: str, frequencies: WordFrequencies | None, settings: DateSettings
) -> bool:
    """:func:`sentence_is_future` of ``text``, folded as ``whole``: told once per clause (the stages ask about one
    clause of an article for several of its places and dates), unless ``frequencies`` cannot be a key."""
    try:
        return _told_future(text, whole, language, frequencies, settings)
    except TypeError:  # frequencies that cannot be hashed
        return _tell_future(text, whole, language, frequencies, settings)


@lru_cache(maxsize=4096)
def _told_future(
    text: str, whole: str, language: str, frequencies: WordFrequencies | None, settings: DateSettings
) -> bool:
    """:func:`_tell_future`, remembered for the last clauses."""
    return _tell_future(text, whole, language, frequencies, settings)


def _tell_future(
    text: str, whole: str, language: str, frequencies: WordFrequencies | None, settings: DateSettings
) -> bool:
    """:func:`sentence_is_future` of ``text``, folded as ``whole`` (the rules, each time)."""
    patterns = date_patterns()
    folded = patterns.future_not.sub(" ", whole)
    languages = ["ar"] + (["fr"] if language != "en" else []) + (["en"] if language != "fr" else [])
    if any(lang in patterns.future_words and patterns.future_words[lang].search(folded) for lang in languages):
        return True
    if is_arabic(text) and _arabic_future(text, frequencies, settings):
        return True
    return "fr" in languages and _french_future(text, whole, settings)


def _opened_for_later(scanned: ScannedText, clause_start: int, start: int) -> bool:
    """Tell whether the clause speaks of what comes later by the words that open it.

    A clause opened by «أن», "que" or "that" right after a plan word («على
    أن», «من المقرر أن», "il est prévu que"); or by "on the eve of", "ahead
    of", «عشية», "à la veille de" (the day named after them is ahead). A
    fronted eve phrase ("On the eve of the summit, he met …") reaches only
    to its first comma: ``start``, the folded start of the span asked
    about, must come before it.
    """
    i = bisect.bisect_left(scanned.break_ends, clause_start)
    if i == len(scanned.break_ends) or scanned.break_ends[i] != clause_start:
        return False
    folded = scanned.folded.text
    break_start = scanned.break_starts[i]
    if not folded[break_start].isalpha():
        return False
    patterns = date_patterns()
    if patterns.eve.match(folded, break_start):
        before = scanned.break_ends[i - 1] if i else 0
        fronted = not _LETTERS.search(folded, before, break_start)
        return not fronted or not _COMMA.search(folded, clause_start, start)
    lo = max(0, break_start - _OPENER_CHARS)
    return patterns.future_opener.search(folded, lo, break_start) is not None


def _starts_future(
    scanned: ScannedText, word: re.Match[str], frequencies: WordFrequencies | None, settings: DateSettings
) -> bool:
    """Tell whether a sign of the future starts at a folded word («وسيتوجه», "will", "is expected to", "se")."""
    patterns = date_patterns()
    folded = scanned.folded.text
    if any(p.match(folded, word.start()) for p in patterns.future_words.values()):
        return True
    if patterns.aller.match(folded, word.start()):
        return True
    offsets = scanned.folded.offsets
    written = scanned.text[offsets[word.start()] : offsets[word.end()]]
    return sentence_is_future(written, language=scanned.language, frequencies=frequencies, settings=settings)


def _lead_in_start(scanned: ScannedText, end: int, clause_end: int) -> int:
    """Where a plan word that opens the next clause begins, else ``clause_end``.

    «وصل … الاثنين في زيارة من المقرر أن يلتقي …»: «من المقرر» belongs to the
    clause its «أن» opens, not to Monday's.
    """
    folded = scanned.folded.text
    if clause_end >= len(folded) or not folded[clause_end].isalpha():
        return clause_end
    lo = max(end, clause_end - _OPENER_CHARS)
    lead_in = date_patterns().future_opener.search(folded, lo, clause_end)
    return lead_in.start() if lead_in else clause_end


def _coordinated_end(
    scanned: ScannedText, start: int, end: int, frequencies: WordFrequencies | None, settings: DateSettings
) -> int:
    """Where a new predicate joined by "and"/«و» and put in the future begins in ``[start, end)`` (else ``end``).

    "arrived on Tuesday and will travel on Thursday", «وصل الثلاثاء
    وسيتوجه الخميس»: the future belongs to the second predicate, not to
    Tuesday. A coordinator counts when a future sign follows it within
    :attr:`~geo.settings.DateSettings.coordinated_future_words` words; an
    Arabic و/ف glued to the future verb is one.
    """
    coordinator = date_patterns().coordinator
    words = list(_FOLDED_WORD.finditer(scanned.folded.text, start, end))
    for k, word in enumerate(words):
        if coordinator.fullmatch(word.group()):
            following = words[k + 1 : k + 2 + settings.coordinated_future_words]
            if any(_starts_future(scanned, w, frequencies, settings) for w in following):
                return word.start()
        elif word.group()[0] in "وف" and _starts_future(scanned, word, frequencies, settings):
            return word.start()
    return end


def future_at(
    scanned: ScannedText, *, start: int, end: int, frequencies: WordFrequencies | None, settings: DateSettings
) -> bool:
    """Tell whether the clause around the folded span ``[start, end)`` of ``scanned`` is in the future tense.

    The clause is in the future when it holds a sign of the future, or when
    it is opened by «أن», "que" or "that" after a plan word («على أن يعود …
    الخميس», «من المقرر أن يزور …»), or by "on the eve of", "ahead of"
    ("ahead of Monday's talks"). A sign after the span counts unless a
    coordinator starts a new predicate before it ("arrived on Tuesday and
    will travel on Thursday": Tuesday is past), and a plan word that opens the
    next clause belongs to that clause.
    """
    clause_start, clause_end = scanned.clause(start, end)
    if _opened_for_later(scanned, clause_start, start):
        return True
    stop = _coordinated_end(scanned, end, _lead_in_start(scanned, end, clause_end), frequencies, settings)
    offsets = scanned.folded.offsets
    clause = scanned.text[offsets[clause_start] : offsets[stop]]
    return sentence_is_future(clause, language=scanned.language, frequencies=frequencies, settings=settings)


def clause_is_future(
    text: str,
    *,
    start: int,
    end: int,
    language: str,
    frequencies: WordFrequencies | None,
    settings: DateSettings | None = None,
) -> bool:
    """Tell whether the clause of ``text`` around ``[start, end)`` is in the future tense.

    The clause runs between strong punctuation (and quotation marks) and words
    that open a reported clause («إن/أن», "that", "que").

    Parameters
    ----------
    text:
        The whole text.
    start, end:
        A span of ``text`` (an expression).
    language:
        ``"ar"``, ``"fr"`` or ``"en"``.
    frequencies, settings:
        As for :func:`sentence_is_future`.

    Returns
    -------
    bool
    """
    scanned = clause_scan(text, language)
    folded_start, folded_end = scanned.folded_span(start, end)
    settings = settings or DateSettings()
    return future_at(scanned, start=folded_start, end=folded_end, frequencies=frequencies, settings=settings)


def clause_is_future_up_to(
    text: str,
    *,
    sentence_start: int,
    start: int,
    end: int,
    language: str,
    frequencies: WordFrequencies | None,
    settings: DateSettings | None = None,
) -> bool:
    """Tell whether the clause holding ``[start, end)`` (a place), read from its sentence's start up to ``end``, is
    in the future tense: what ``clause_is_future(text[sentence_start:end], …)`` tells, from the article's own scan.

    The piece of the sentence is not folded and scanned anew: its clause breaks before the place are the article's
    (:func:`~geo.dates.clauses.clause_scan`), unless the piece could break otherwise (a word runs on over its start,
    a break runs over it, or the place could end a break phrase), where the piece is read alone.

    Parameters
    ----------
    text:
        The whole text (an article).
    sentence_start:
        Where the sentence begins, at or before ``start``.
    start, end:
        The place's span of ``text``.
    language, frequencies, settings:
        As for :func:`clause_is_future`.

    Returns
    -------
    bool
    """
    settings = settings or DateSettings()
    scanned = clause_scan(text, language)
    found = _clause_up_to(scanned, sentence_start, start, end) if sentence_start <= start < end else None
    if found is None:
        piece = text[sentence_start:end]
        return clause_is_future(
            piece,
            start=start - sentence_start,
            end=end - sentence_start,
            language=language,
            frequencies=frequencies,
            settings=settings,
        )
    clause_start, opened = found
    if opened:
        return True
    offsets = scanned.folded.offsets
    folded_end = scanned.folded_span(start, end)[1]
    clause = text[offsets[clause_start] if clause_start < folded_end else end : end]
    return _is_future(clause, scanned.folded.text[clause_start:folded_end], language, frequencies, settings)


def _clause_up_to(scanned: ScannedText, sentence_start: int, start: int, end: int) -> tuple[int, bool] | None:
    """The folded start of the clause of ``[start, end)`` in the piece of the text from ``sentence_start`` to
    ``end``, and whether the words that open it put it in the future (:func:`_opened_for_later`); ``None`` when
    the piece's own breaks before ``start`` could differ from the article's."""
    text, folded, offsets = scanned.text, scanned.folded.text, scanned.folded.offsets
    first = bisect.bisect_left(offsets, sentence_start, 0, len(offsets) - 1)
    folded_start, folded_end = scanned.folded_span(start, end)
    if (first and folded[first - 1].isalnum()) or (sentence_start and text[sentence_start - 1].isalnum()):
        return None  # a word runs on over the piece's start: its own scan starts a word there
    if _may_end_a_break(folded[folded_start:folded_end], text[start:end]):
        return None
    starts, ends = scanned.break_starts, scanned.break_ends
    lo = bisect.bisect_left(starts, first)
    if lo and ends[lo - 1] > first:
        return None  # a break runs over the piece's start
    hi = bisect.bisect_right(ends, folded_start)
    if hi <= lo:
        return first, False
    clause_start = ends[hi - 1]
    break_start = starts[hi - 1]
    if not folded[break_start].isalpha():
        return clause_start, False
    patterns = date_patterns()
    if patterns.eve.match(folded, break_start):
        before = ends[hi - 2] if hi - 2 >= lo else first
        fronted = not _LETTERS.search(folded, before, break_start)
        return clause_start, not fronted or not _COMMA.search(folded, clause_start, folded_start)
    opener = patterns.future_opener.search(folded, max(first, break_start - _OPENER_CHARS), break_start)
    return clause_start, opener is not None


@lru_cache(maxsize=4096)
def _may_end_a_break(folded: str, written: str) -> bool:
    """Tell whether a break phrase could hold the whole of a place (folded, and as written): its letters are
    a piece of a break phrase's («ahead of», "où"). Then a break could end with it, in a piece cut after it."""
    folded_letters = _BETWEEN_LETTERS.sub("", folded)
    written_letters = _BETWEEN_LETTERS.sub("", written.lower())
    if not folded_letters or not written_letters:
        return True
    folded_phrases, written_phrases = _break_letters()
    return folded_letters in folded_phrases or written_letters in written_phrases


@lru_cache(maxsize=1)
def _break_letters() -> tuple[str, str]:
    """The letters of the clause-break phrases, folded ones and those matched as written (lowercase), each
    phrase's apart from the next (a newline between: no place's letters hold one)."""
    lex = load_dates_lexicon()
    folded = "\n".join(_BETWEEN_LETTERS.sub("", w) for w in (*lex.clause_breaks, *lex.eve_words))
    written = "\n".join(_BETWEEN_LETTERS.sub("", w.lower()) for w in lex.clause_breaks_as_written)
    return folded, written
