"""Resolution: decide which mentions are places, and which place each names.

Every candidate of a mention gets a score, the sum of named terms (see
:class:`~geo.settings.ResolutionSettings`): how the name matched, the place's prominence (population,
capital, type), the trigger noun and preposition before it, the countries
and regions the same article names, closeness to the article's other places,
and penalties for names that are common words, that stand where a person's
name stands, or whose phonetic key many places share. Mentions of one name
in one article share one reading (one sense per discourse). A mention is a
place when its best score reaches its ``threshold``. Each term is one small
method returning ``(delta, reason)`` items, added in a fixed order. The terms
the article's other places leave alone are worked out once an article (and
those of a name's own, once a resolver), and the two passes add the rest on
(:class:`~geo.places.scores.Partial`).

Relative mentions resolve through their anchor (:mod:`geo.places.relative`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import lru_cache

from geo.model import AREA_TYPES, POINT_TYPES, MatchKind, Mention, Place, PlaceType, Resolution, Trigger
from geo.places.arabic_nouns import is_arabic_noun
from geo.places.areas import country_or_capital
from geo.places.distances import nearest_each_km, place_uncertainty_km
from geo.places.gazetteer import ADJECTIVE, Gazetteer
from geo.places.lexicon import FACILITY_FEATURES, PROCLITICS
from geo.places.phonetic import arabic_key
from geo.places.region_names import is_region_namesake
from geo.places.relative import resolve_relative
from geo.places.scores import (
    ArticleContext,
    MentionFacts,
    NameGroup,
    Near,
    Own,
    OwnTerms,
    Partial,
    ScoredCandidate,
    Term,
    added,
    article_context,
    explicit_parents,
    finish,
    first_best,
    glued_country,
    glued_cue,
    in_list_with,
    listed_names,
)
from geo.settings import ProminenceSettings, RelativeSettings, ResolutionSettings, UncertaintySettings
from geo.text.folding import fold_text, gemination_key, is_arabic, name_key

__all__ = ["NameGroup", "Resolver", "ScoredCandidate"]

#: Matches that may be a common Arabic word rather than a town's name.
_WORDLIKE = (MatchKind.EXACT, MatchKind.CLITIC)
#: How many mention facts a resolver keeps before it starts afresh (a bound on memory over an archive).
_KNOWN_FACTS = 65536
#: How many names (with their cues) a resolver keeps the candidates' own terms of.
_KNOWN_NAMES = 16384
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a]")
_WORD = re.compile(r"[^\W_]+")  # a word of folded text, as :mod:`geo.text.folding` splits them


#: The lookup key of a place's English name (worked out once per place).
_english_key = lru_cache(maxsize=65536)(name_key)


def _is_main_name(place: Place, mention: Mention, key: str) -> bool:
    """True when the mention (folded ``key``) spells one of the place's main names: its English one, or any of its
    Arabic ones (Arabic text matched as written or after a proclitic). GeoNames' Arabic-script names carry no
    language and no rank: none is more the place's own than another (the Arabic display name is chosen for
    readers, :mod:`geo.places.display_names`; the first of them, as main name alone, read less well)."""
    if mention.match in _WORDLIKE and is_arabic(mention.text):
        return True
    return key == _english_key(place.name)


#: :func:`~geo.text.folding.gemination_key` of a mention's text (a few distinct texts an article).
_gemination = lru_cache(maxsize=4096)(gemination_key)


def _word_cue(mention: Mention) -> bool:
    """A preposition of place written as a word («في», "in"), not a proclitic glued to the name."""
    return bool(mention.cue) and mention.cue not in PROCLITICS


class Resolver:
    """Scores and chooses places for the mentions of one article at a time.

    Parameters
    ----------
    gazetteer:
        The loaded gazetteer.
    settings:
        The score terms and threshold (default: :class:`~geo.settings.ResolutionSettings`).
    uncertainty:
        The uncertainty radii by place type.
    relative:
        How a relative location's uncertainty grows with its distance.
    prominence:
        When a city is famous or notable.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        settings: ResolutionSettings | None = None,
        uncertainty: UncertaintySettings | None = None,
        relative: RelativeSettings | None = None,
        prominence: ProminenceSettings | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.settings = settings or ResolutionSettings()
        self.uncertainty = uncertainty or UncertaintySettings()
        self.relative = relative or RelativeSettings()
        self.prominence = prominence or ProminenceSettings()
        self._known_facts: dict[tuple[str, MatchKind, str | None, str | None], MentionFacts] = {}
        self._known_terms: dict[tuple[object, ...], Own] = {}

    def resolve(self, mentions: list[Mention], *, language: str | None = None) -> list[Resolution]:
        """Resolve the mentions of one article.

        Parameters
        ----------
        mentions:
            All mentions of one article, including ``adjective`` and
            ``relative`` ones.
        language:
            The article's language: how common a Latin word is depends on it.

        Returns
        -------
        list of Resolution
            One per mention judged to be a place, in text order.
        """
        groups = self.score_names(mentions, language=language)
        out: list[Resolution] = []
        for group in groups:
            best = group.best
            if best is None or best.score < self.settings.threshold:
                continue
            other = country_or_capital(group, place=self.gazetteer.place)
            place = self.gazetteer.place(best.row if other is None else other)
            confidence, reason = self._confidence(best.score), "; ".join(best.reasons)
            km = place_uncertainty_km(place, settings=self.uncertainty)
            out += [Resolution(mention, place, confidence, km, reason=reason) for mention in group.mentions]
        by_anchor = {(r.mention.start, r.mention.end): r for r in out}
        for mention in mentions:
            if mention.match == MatchKind.RELATIVE:
                resolution = resolve_relative(mention, by_anchor, settings=self.settings, relative=self.relative)
            elif mention.match == MatchKind.ADJECTIVE:
                resolution = self._adjective(mention)
            else:
                continue
            if resolution is not None:
                out.append(resolution)
        return sorted(out, key=lambda r: (r.mention.start, r.mention.end))

    def score_names(self, mentions: list[Mention], *, language: str | None = None) -> list[NameGroup]:
        """Every candidate of every named place mention of one article, scored in context.

        Mentions are grouped by name (one sense per discourse). A first pass finds the
        article's likely places; the second scores each candidate knowing how near it is
        to them. :meth:`resolve` keeps each group's best candidate at the threshold;
        :mod:`geo.places.fitting` learns the weights from the features.
        """
        s = self.settings
        plain = [m for m in mentions if m.match not in (MatchKind.ADJECTIVE, MatchKind.RELATIVE)]
        context = article_context(mentions, place=self.gazetteer.place, main_countries=s.main_countries)
        context.anchor_ends = {m.end for m in mentions if m.match == MatchKind.RELATIVE}
        context.language = language
        groups: dict[str, list[Mention]] = defaultdict(list)
        keys: dict[str, str] = {}  # an article repeats its names
        for mention in plain:
            key = keys.get(mention.text)
            groups[key if key is not None else keys.setdefault(mention.text, name_key(mention.text))].append(mention)
        found = {key: self._partials(group, context) for key, group in groups.items()}
        first = {key: first_best(partials) for key, partials in found.items()}  # no anchors yet
        context.anchors = [
            (key, place.lat, place.lon)
            for key, best in first.items()
            if best is not None and best[1] >= self.settings.threshold
            for place in [self.gazetteer.place(best[0])]
            if place.place_type in POINT_TYPES
        ]
        context.parents = explicit_parents(plain, place=self.gazetteer.place, gap_chars=self.settings.parent_gap_chars)
        placed = {k: self.gazetteer.place(b[0]) for k, b in first.items() if b is not None and b[1] >= s.threshold}
        context.listed = listed_names(plain, placed=lambda m: placed.get(keys[m.text]), gap_chars=s.list_gap_chars)
        near = self._nearness(found, context)
        return [self._group(key, group, found[key], context, near=near) for key, group in groups.items()]

    def _partials(self, group: list[Mention], context: ArticleContext) -> list[tuple[Partial, ...]]:
        """Each mention's candidates, scored as far as the article's other places leave them (see :class:`Partial`):
        once per spelling and cues of the name (its mentions often repeat one)."""
        known: dict[tuple[object, ...], tuple[Partial, ...]] = {}
        out = []
        for m in group:
            alike = (m.text, m.match, m.trigger, m.cue, m.person, m.initial, m.candidates, m.end in context.anchor_ends)
            partials = known.get(alike)
            if partials is None:
                facts, own = self._facts(m, context), self._own(m, context.language)
                alone, anchored = self._alone_as_word(m, facts, context), alike[-1]
                partials = known[alike] = tuple(
                    self._partial(m, facts, r, context, own=own, alone=alone, anchored=anchored) for r in m.candidates
                )
            out.append(partials)
        return out

    def _group(
        self, key: str, group: list[Mention], found: list[tuple[Partial, ...]], context: ArticleContext, *, near: Near
    ) -> NameGroup:
        """Score every candidate of the mentions of one name, near the article's other places (``near``)."""
        done: dict[int, tuple[ScoredCandidate, ...]] = {}  # by the partials of mentions with no parent written
        scored: list[ScoredCandidate] = []
        for mention, partials in zip(group, found, strict=True):
            parent = context.parents.get(mention.start)
            before = context.listed.get(mention.start)
            if parent is None and before is None and id(partials) in done:
                scored.extend(done[id(partials)])
                continue
            these = []
            for p in partials:
                if p.blocked is not None:
                    these.append(p.blocked)
                    continue
                written = self._parent_terms(parent, p.place) if parent is not None else ()
                listed = [Term(self.settings.listed, "listed after a place", "listed", 1.0)]
                listed = listed if in_list_with(p.place, before) else []
                these.append(finish(p, tail=[*written, *listed, *p.person, *near[key, p.row], *p.anchor]))
            if parent is None and before is None:
                done[id(partials)] = tuple(these)
            scored.extend(these)
        return NameGroup(key=key, mentions=tuple(group), scored=tuple(scored))

    # -- scoring ----------------------------------------------------------

    def _facts(self, mention: Mention, context: ArticleContext) -> MentionFacts:
        """What scoring needs from the mention's text, worked out once per name, match, cue and language."""
        memo = (mention.text, mention.match, mention.cue, context.language)
        facts = self._known_facts.get(memo)
        if facts is None:
            if len(self._known_facts) >= _KNOWN_FACTS:
                self._known_facts.clear()
            facts = self._known_facts[memo] = self._work_out_facts(mention, context)
        return facts

    def _work_out_facts(self, mention: Mention, context: ArticleContext) -> MentionFacts:
        """What scoring needs from the mention's text (see :meth:`_facts`)."""
        words = _WORD.findall(fold_text(mention.text))  # the words as :func:`~geo.text.folding.tokens` splits them
        key = "".join(words)  # the name's key (:func:`~geo.text.folding.name_key`)
        return MentionFacts(
            key=key,
            zipf=self.gazetteer.zipf(key, language=context.language) if len(words) == 1 else 0.0,
            short_edge=len(words) > 1 and any(self._particle(w, context) for w in (words[0], words[-1])),
            phonetic_length=len(arabic_key(mention.text)) if mention.match == MatchKind.PHONETIC else 0,
            word_cue=_word_cue(mention),
        )

    def _particle(self, word: str, context: ArticleContext) -> bool:
        """A short, common word at a name's edge: more likely a particle the match took in than part of the name."""
        return len(word) <= self.settings.short_edge_letters and (
            self.gazetteer.zipf(word, language=context.language) >= self.settings.short_edge_zipf
        )

    def _partial(
        self,
        mention: Mention,
        facts: MentionFacts,
        row: int,
        context: ArticleContext,
        *,
        own: Own,
        alone: bool | None,
        anchored: bool,
    ) -> Partial:
        """The candidate's terms up to the article's other places (``own``: the name's, see :meth:`_own_terms`;
        ``alone``: see :meth:`_alone_as_word`; ``anchored``: a distance is measured from the mention)."""
        place = self.gazetteer.place(row)
        mine = own.get(row, False)  # False: not yet worked out (None: it cannot be the place)
        if mine is False:
            if len(own) >= _KNOWN_FACTS:
                own.clear()
            mine = own[row] = self._own_terms(mention, facts, place)
        if mine is None:
            return Partial.barred(row, place, reason="short phonetic key without context")
        if self._doubled_otherwise(mention, facts, row):
            return Partial.barred(row, place, reason="its name is written with other doubled letters (shadda)")
        if (alone is not None and self._bare_common_word(place, context, definite=alone)) or (
            mention.match in _WORDLIKE and self._arabic_noun(mention, place, context)
        ):
            return Partial.barred(row, place, reason="a common word, with no cue to read it as a town")
        head, summed, person, famous = mine
        kind = (place.place_type, place.country, place.admin1, famous)  # all the named countries' terms ask of it
        named = context.terms.get(kind)
        if named is None:
            named = context.terms[kind] = tuple(self._context_terms(place, context, famous=famous))
        anchor = tuple(self._anchor_terms(mention, place, context)) if anchored else ()
        base = added(named, start=summed) if named else summed
        return Partial.of(row, place, head=(*head, *named) if named else head, base=base, person=person, anchor=anchor)

    def _doubled_otherwise(self, mention: Mention, facts: MentionFacts, row: int) -> bool:
        """Whether a name written with harakat («عمّان») doubles other letters than every name of the place
        written with them (Oman's «عُمان»): a shadda, or its absence from a vocalised name, tells the two
        apart. A name written bare, or a place whose names of that key are all bare, tells nothing."""
        doubled = _gemination(mention.text)
        if doubled is None:
            return False
        written = self.gazetteer.written_doubling(facts.key).get(row)
        return written is not None and doubled not in written

    def _own(self, mention: Mention, language: str | None) -> Own:
        """The terms of each candidate no other place of the article changes, for a name with these cues (filled as
        candidates are met: see :meth:`_own_terms`), kept by the resolver: news repeats names."""
        m = mention
        memo = (m.text, m.match, m.trigger, m.cue, m.person, m.initial, len(m.candidates), language)
        own = self._known_terms.get(memo)
        if own is None:
            if len(self._known_terms) >= _KNOWN_NAMES:  # then it starts afresh
                self._known_terms.clear()
            own = self._known_terms[memo] = {}
        return own

    def _own_terms(self, mention: Mention, facts: MentionFacts, place: Place) -> OwnTerms | None:
        """The terms no other place of the article changes (match, prominence, common word, cues; the person's),
        and whether the place is famous (``None``: see :meth:`_match_terms`)."""
        match = self._match_terms(mention, facts, place)
        if match is None:
            return None
        famous = self._is_famous(place)
        main = _is_main_name(place, mention, facts.key)
        head = (*match, *self._prominence_terms(mention, place, main=main),
                *self._common_word_terms(mention, facts, place, famous=famous, main=main),
                *self._cue_terms(mention, facts, place))  # fmt: skip
        return head, added(head), tuple(self._person_terms(mention, place)), famous

    def _alone_as_word(self, mention: Mention, facts: MentionFacts, context: ArticleContext) -> bool | None:
        """Whether an Arabic name common as a word (``bare_common_zipf``) stands alone (``None``: not such a
        name; else whether it has the article «ال»): then a lesser town it spells is the word (see
        :meth:`_bare_common_word`).

        Alone: no trigger noun, no preposition of place, no distance measured from it, and the article names
        countries («كورونا تعطل الدراسة» is the virus, not Corona, California)."""
        alone = (
            facts.zipf >= self.settings.bare_common_zipf
            and mention.match in (MatchKind.EXACT, MatchKind.CLITIC)
            and not (mention.trigger or mention.cue)
            and mention.end not in context.anchor_ends  # "40 km west of X": a distance is measured from a place
            and bool(context.countries)
            and is_arabic(mention.text)
        )
        return fold_text(mention.text).startswith("ال") if alone else None

    def _bare_common_word(self, place: Place, context: ArticleContext, *, definite: bool | None) -> bool:
        """A name alone as a word (``definite`` not ``None``, see :meth:`_alone_as_word`) is the word, not a town of
        a country the article does not name. A country's or region's name is its own fame and is not held back, nor
        is a capital, nor a widely known town named with the article, as Arabic names many («غادر الرياض»)."""
        return (
            definite is not None
            and place.place_type == PlaceType.CITY
            and place.country not in context.countries
            and place.feature != "capital"  # «غادر ترودو بيروت»: a capital is the object of a movement verb
            and not (definite and self._is_famous(place))
        )

    def _arabic_noun(self, mention: Mention, place: Place, context: ArticleContext) -> bool:
        """«السيول», «سيول جارفة»: an Arabic noun spelled like a foreign town (:mod:`geo.places.arabic_nouns`); a town
        of ``noun_cue_population`` after a preposition of place written as a word is as famous («إلى قم»)."""
        if mention.match not in _WORDLIKE or place.country in context.countries:
            return False  # never the noun (asked first: most candidates are these)
        s = self.settings
        cued = _word_cue(mention) and place.population >= s.noun_cue_population
        return is_arabic_noun(
            mention, place, zipf=lambda key: self.gazetteer.zipf(key, language="ar"), country_named=False,
            definite_zipf=s.noun_definite_zipf, famous=cued or self._is_famous(place), common_zipf=s.bare_common_zipf,
        )  # fmt: skip

    def _is_famous(self, place: Place) -> bool:
        """Widely known: a country, a capital, or a city of ``famous_population``."""
        if place.place_type == PlaceType.CITY:
            return place.population >= self.prominence.famous_population or place.feature == "capital"
        return place.place_type == PlaceType.COUNTRY

    def _match_terms(self, mention: Mention, facts: MentionFacts, place: Place) -> list[Term] | None:
        """How the name matched (``None``: a phonetic key too short to mean anything without context)."""
        s = self.settings
        if mention.match == MatchKind.PHONETIC:
            length = facts.phonetic_length
            if length < s.short_phonetic and not (mention.trigger or facts.word_cue):
                return None
            terms, base, tail = self._phonetic_terms(len(mention.candidates), length)
            reason = f"sounds like {place.name} ({length} consonants)"
            if base == s.phonetic_max:
                return [*terms, Term(base, reason)]
            return [*terms, Term(base, reason, "phonetic_base", 1.0), *tail]
        if mention.match == MatchKind.CLITIC:
            return [Term(s.clitic, "name after a proclitic", "clitic", 1.0)]
        return [Term(s.exact, "exact name", "exact", 1.0)]

    @lru_cache(maxsize=1024)  # noqa: B019 - a few resolvers a process; a few candidate counts and key lengths
    def _phonetic_terms(self, candidates: int, length: int) -> tuple[tuple[Term, ...], float, tuple[Term, ...]]:
        """A phonetic match's terms but its reason: how ambiguous its key is, its base, the per-class feature."""
        s, terms = self.settings, []
        if candidates > 1:
            doublings = math.log2(candidates)
            capped = s.ambiguity_slope * doublings >= s.ambiguity_max
            weight, x = ("", 0.0) if capped else ("ambiguity_slope", -doublings)
            terms.append(Term(-min(s.ambiguity_max, s.ambiguity_slope * doublings), None, weight, x))
        base = min(s.phonetic_max, s.phonetic_base + s.phonetic_per_class * length)
        return tuple(terms), base, (Term(0.0, None, "phonetic_per_class", length),)

    def _prominence_terms(self, mention: Mention, place: Place, *, main: bool) -> list[Term]:
        """The prior of the place's kind: population (the population prior) and capital for cities (``main``: the
        mention spells the place's main name, see :func:`_is_main_name`)."""
        s = self.settings
        if place.place_type == PlaceType.COUNTRY or place.feature == "continent":
            return [Term(s.country, None, "country", 1.0)]  # a continent's name, like a country's, is little else
        if place.place_type == PlaceType.REGION:
            return [Term(s.region, None, "region", 1.0)]
        if place.place_type != PlaceType.CITY:
            return [Term(s.facility, place.feature or place.place_type, "facility", 1.0)]
        decades = math.log10(place.population + 1)
        terms = [Term(decades * s.population_prior_per_decade, None, "population_prior_per_decade", decades)]
        if place.population < s.alternate_name_population and not main:
            terms.append(Term(-s.alternate_name, "matches one of its alternate names only", "alternate_name", -1.0))
        if place.population < s.small_population and not (mention.trigger or mention.cue):
            reason = "a small place named without a preposition or trigger noun"
            terms.append(Term(-s.small_without_context, reason, "small_without_context", -1.0))
        if place.feature == "capital":
            terms.append(Term(s.capital, "capital", "capital", 1.0))
        terms.append(Term(0.0, f"population {place.population:,}"))
        return terms

    def _common_word_terms(
        self, mention: Mention, facts: MentionFacts, place: Place, *, famous: bool, main: bool
    ) -> list[Term]:
        """A name that is also a common word of the article's language loses by how common it is (``main``: the
        mention spells the place's main name)."""
        s = self.settings
        zipf = facts.zipf
        if zipf <= s.common_from:
            return []
        if mention.match == MatchKind.LATIN and place.place_type in AREA_TYPES and zipf < s.widely_known_max_zipf:
            return []
        # "Florida", "the Atlantic": a capitalised name of a country, region or sea is that place
        # A city's own name, introduced as a place («في حلب», «بحائل», «محافظ إدلب»): its frequency is its fame.
        notable = (
            place.population >= (known := self.prominence.notable_population)
            and main
            and bool(mention.trigger or facts.word_cue or glued_cue(mention, place, notable=known))
            and not mention.person
        )
        widely_known = (
            place.place_type in (PlaceType.COUNTRY, PlaceType.REGION)  # a state's or province's name is its fame
            or place.feature == "capital"
            or ((famous or notable) and zipf < self._widely_known_max(mention))
        )
        factor = s.common_famous_factor if widely_known else 1.0
        if mention.match == MatchKind.LATIN and not mention.initial:
            factor *= s.capitalised_factor  # a capital letter mid-sentence marks a name
        delta = -((zipf - s.common_from) * s.common_slope * factor)
        return [Term(delta, f"also a common word (Zipf {zipf:.1f})", "common_slope", -(zipf - s.common_from) * factor)]

    def _widely_known_max(self, mention: Mention) -> float:
        """The Zipf above which even a famous place's name is first a word (higher for Arabic script)."""
        arabic = mention.match != MatchKind.LATIN and _ARABIC_LETTER.match(mention.text) is not None
        return self.settings.widely_known_max_zipf_arabic if arabic else self.settings.widely_known_max_zipf

    def _cue_terms(self, mention: Mention, facts: MentionFacts, place: Place) -> list[Term]:
        """The words around the name: a one-letter edge word, a trigger noun, a preposition of place."""
        terms: list[Term] = []
        if facts.short_edge:
            terms.append(Term(-self.settings.short_edge, None, "short_edge", -1.0))
        if mention.trigger:
            weight = self._trigger_weight(mention.trigger, place)
            bonus = getattr(self.settings, weight) if weight else 0.0
            terms.append(Term(bonus, f"after a '{mention.trigger}' noun", weight, 1.0 if weight else 0.0))
        if facts.word_cue:
            terms.append(Term(self.settings.cue, None, "cue", 1.0))
        elif glued_cue(mention, place, notable=self.prominence.notable_population):
            terms.append(Term(self.settings.glued_cue, "after a glued preposition", "glued_cue", 1.0))
        elif glued_country(mention, place):
            terms.append(Term(self.settings.glued_country, "a country after a glued conjunction", "glued_country", 1.0))
        if (mention.trigger or facts.word_cue) and is_region_namesake(place, facts.key):
            terms.append(Term(self.settings.region_namesake, "named like its region", "region_namesake", 1.0))
        return terms

    def _context_terms(self, place: Place, context: ArticleContext, *, famous: bool) -> list[Term]:
        """The countries and regions the article names."""
        s = self.settings
        terms: list[Term] = []
        if place.place_type != PlaceType.COUNTRY and place.country in context.countries:
            major = place.country in context.main_countries
            weight = "in_named_country" if major else "in_minor_country"
            terms.append(Term(getattr(s, weight), f"in a country the article names ({place.country})", weight, 1.0))
        elif context.countries and place.place_type in (PlaceType.CITY, PlaceType.ISLAND) and not famous:
            terms.append(Term(-s.foreign, "in a country the article does not name", "foreign", -1.0))
        in_region = place.country and place.admin1 and (place.country, place.admin1) in context.regions
        if in_region and place.place_type != PlaceType.REGION:
            terms.append(Term(s.in_named_region, "in a region the article names", "in_named_region", 1.0))
        return terms

    def _parent_terms(self, parent: tuple[set[str], set[tuple[str, str]]] | None, place: Place) -> list[Term]:
        """A country or region written right after the name (``parent``, see :meth:`_explicit_parents`)."""
        if parent is not None and place.place_type not in (PlaceType.COUNTRY, PlaceType.REGION):
            countries, regions = parent
            if place.country in countries or (place.country, place.admin1) in regions:
                reason = "its country or region is written next to it"
                return [Term(self.settings.explicit_parent, reason, "explicit_parent", 1.0)]
        return []

    def _person_terms(self, mention: Mention, place: Place) -> list[Term]:
        """A name standing where a person's name stands is less likely a lesser place."""
        s = self.settings
        known = place.feature == "capital" or place.place_type == PlaceType.COUNTRY
        if mention.person and not known and not mention.cue and place.place_type in POINT_TYPES:
            weight = "person_phonetic" if mention.match == MatchKind.PHONETIC else "person_exact"
            return [Term(-getattr(s, weight), "stands where a person's name stands", weight, -1.0)]
        return []

    def _proximity_terms(self, km: float) -> list[Term]:
        """Closeness to the article's other places (``km``: to the nearest of other names, see :meth:`_nearness`)."""
        s = self.settings
        if km < s.near_km:
            return [Term(s.near, "near the article's other places", "near", 1.0)]
        if km < s.same_area_km:
            return [Term(s.same_area, None, "same_area", 1.0)]
        return []

    def _nearness(self, found: dict[str, list[tuple[Partial, ...]]], context: ArticleContext) -> Near:
        """The proximity terms of each name's candidates that may be the place (see :meth:`_proximity_terms`):
        towns and sites, measured to the article's places of other names, all at once."""
        wanted = {(key, p.row): p.place for key, each in found.items() for ps in each for p in ps if p.blocked is None}
        near: Near = dict.fromkeys(wanted, [])
        points = {name: place for name, place in wanted.items() if place.place_type in POINT_TYPES}
        if not context.anchors or not points:
            return near
        group = {key: i for i, key in enumerate(found)}
        kms = nearest_each_km(
            [(place.lat, place.lon) for place in points.values()],
            points=[(lat, lon) for _, lat, lon in context.anchors],
            within=self.settings.same_area_km,
            apart=([group[key] for key, _ in points], [group[key] for key, _, _ in context.anchors]),
        )
        near.update(zip(points, map(self._proximity_terms, kms), strict=True))
        return near

    def _anchor_terms(self, mention: Mention, place: Place, context: ArticleContext) -> list[Term]:
        """The anchor of a distance ("40 km south-west of X") is a town or site, not a country or region."""
        if mention.end not in context.anchor_ends or place.place_type in POINT_TYPES:
            return []
        if not any(self.gazetteer.place_type(row) in POINT_TYPES for row in mention.candidates):
            return []  # only areas bear the name (a capital that is also a province): the area it is
        s = self.settings
        return [Term(-s.area_anchor, "a distance is measured from a town, not an area", "area_anchor", -1.0)]

    def _trigger_weight(self, trigger: Trigger, place: Place) -> str:
        """Which bonus a place gets for the trigger noun before its name ("" for none).

        A city, region, island or water noun (:attr:`~geo.model.Trigger.place_type`) wants that
        place type; a facility noun wants a facility of its features, and a city is near it.
        """
        wanted = trigger.place_type
        if wanted != PlaceType.FACILITY:
            if place.place_type != wanted:
                return ""
            return "trigger_city" if wanted == PlaceType.CITY else "trigger_match"
        if place.place_type == PlaceType.FACILITY and place.feature in FACILITY_FEATURES[trigger]:
            return "trigger_match"
        if place.place_type == PlaceType.CITY:
            return "trigger_near"
        return ""

    def _confidence(self, score: float) -> float:
        return round(1.0 / (1.0 + math.exp(-(score - self.settings.threshold))), 3)

    def _adjective(self, mention: Mention) -> Resolution | None:
        """A Latin nationality or continent adjective ("Turkish", "African"): its area, a context place.

        Only a word the gazetteer knows as an adjective alone (not a hashtag's place word, not an Arabic
        nisba, which is also a common adjective); the area types make it a context place, never a stop.
        """
        confidence = self.settings.adjective_confidence
        if mention.match != MatchKind.ADJECTIVE or not confidence or is_arabic(mention.text):
            return None
        adjective_rows = {h.row for h in self.gazetteer.lookup(name_key(mention.text)) if h.flags & ADJECTIVE}
        rows = [r for r in mention.candidates if r in adjective_rows]
        if not rows or len(rows) < len(mention.candidates):
            return None
        place = max((self.gazetteer.place(r) for r in rows), key=lambda p: p.population)
        km = place_uncertainty_km(place, settings=self.uncertainty)
        if place.place_type in (PlaceType.COUNTRY, PlaceType.REGION):
            return Resolution(mention, place, confidence, km, reason="a nationality or continent adjective")
        return None
