"""Arabic common nouns spelled like a foreign town: «السيول» (the torrents) is not Seoul.

Arabic writes no capitals, so a word that spells a foreign city's name may be the word. Two signs tell
the noun from the name, both from how Arabic treats names from outside the Arabic-speaking world:

- such a name does not take the article: «السيول», «للسيول», «والسيول» (ال, لل after a proclitic) is
  the definite noun, unless the place's own Arabic name begins with the article («البندقية», Venice);
- the word glued to a proclitic whose definite form (ال + word) is itself a frequent word
  (``noun_definite_zipf``) is the indefinite noun («أمطار وسيول», rain and torrents) unless the
  article names the town's country («وسيول» in a story that names Korea is Seoul); so is a common
  word (``bare_common_zipf``) that spells a lesser foreign town, even after a preposition («من
  كورونا»: the virus, not Corona, California), unless the article names its country or a place
  noun introduces it («مدينة كورونا»).

A name whose form with the article is a name itself («بالإليزيه»: the Élysée) stays a name.

Two more signs hold for a bare word, glued to nothing (:func:`without_bare_nouns`), when it is itself
common (``recognition.common_zipf``):

- a foreign town whose name, with the article, is a frequent word («السيول», the torrents) is the
  indefinite noun when it heads a noun phrase («سيول الأردن», «سيول #طقس_اليوم», «سيول وأمطار») or
  the text writes it as a noun elsewhere («السيول», «بالسيول», «#سيول_تونس»), unless the text names the
  town's country (its name or its nationality adjective) or a trigger noun introduces it («مدينة سيول»):
  news about Seoul names Korea, news about floods need not. A capital's name alone after a verb («غادر
  الوزير سيول صباح اليوم»), before a day or a period («في سيول الشهر الماضي»), or a destination before a
  clause («وصل إلى سيول والتقى نظيره») is left to the scores;
- a frequent word that is a whole hashtag («#كورونا») is the post's topic, not a lesser foreign town
  (Corona, California), whatever else the post names;
- a frequent word that is, with the article, the name of the same place («عقبة», an obstacle; «العقبة»,
  Aqaba; «رياض», gardens or a man's name; «الرياض», Riyadh) is the word: the writer of the name
  writes its article.

Towns of countries where Arabic is spoken (GeoNames' country languages) are left alone: their names
take the article in Arabic («المنصورة», «الزرقاء»), with or without it in the gazetteer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache, lru_cache

import yaml

from geo.model import MatchKind, Mention, Place, PlaceType
from geo.places.family_names import without_family_names, word_before
from geo.places.gazetteer import ADJECTIVE, Gazetteer
from geo.places.gazetteer_sources import DATA_DIR, arabic_speaking
from geo.places.kind_names import load_kind_words
from geo.places.lexicon import Lexicon, load_lexicon
from geo.places.seats import load_seats
from geo.settings import RecognitionSettings
from geo.text.compiled_data import load_yaml
from geo.text.folding import fold_text, is_arabic, name_key

__all__ = [
    "is_arabic_noun",
    "without_arabic_words",
    "without_bare_nouns",
    "without_definite_nouns",
]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Marks of writing direction a post may put around a tag («\u2067#طقس_اليوم\u2069»).
_BIDI = "\u200e\u200f\u2066\u2067\u2068\u2069"
#: The next word after a name, on the same line.
_NEXT_WORD = re.compile(r"[ \u00a0]+(\S+)")
#: The article and the proclitic groups that end in it («لل» is ل + ال).
_ARTICLE_ENDS = ("ال", "لل")


def _foreign_town(place: Place) -> bool:
    """A town outside the Arabic-speaking countries whose Arabic name has no article (Seoul «سئول»)."""
    return (
        place.place_type == PlaceType.CITY
        and place.country not in arabic_speaking()
        and not name_key(place.name_ar or "").startswith("ال")  # «البندقية»: the name has the article
    )


def without_arabic_words(
    text: str,
    mentions: list[Mention],
    *,
    gazetteer: Gazetteer,
    settings: RecognitionSettings,
    famous_population: int,
    lexicon: Lexicon | None = None,
) -> list[Mention]:
    """The mentions less the Arabic words read as places: definite nouns (:func:`without_definite_nouns`), given
    names before a family's (:func:`~geo.places.family_names.without_family_names`) and bare common words
    (:func:`without_bare_nouns`).

    Parameters
    ----------
    text:
        The article's text.
    mentions:
        Its mentions, in text order.
    gazetteer:
        The gazetteer the mentions were found with.
    settings:
        ``common_zipf`` and ``family_name_max_zipf`` (:class:`~geo.settings.RecognitionSettings`).
    famous_population:
        ``prominence.famous_population``: a lesser foreign town is no common word's whole hashtag («#كورونا»).
    lexicon:
        Prepositions and movement words (default :func:`~geo.places.lexicon.load_lexicon`).

    Returns
    -------
    list of Mention
        The mentions kept, some with fewer candidates.
    """
    mentions = without_definite_nouns(text, mentions, gazetteer=gazetteer, common_zipf=settings.common_zipf)
    family = settings.family_name_max_zipf
    mentions = without_family_names(text, mentions, gazetteer=gazetteer, max_zipf=family, lexicon=lexicon)
    common = settings.common_zipf
    return without_bare_nouns(
        text, mentions, gazetteer=gazetteer, common_zipf=common, famous_population=famous_population, lexicon=lexicon
    )


def without_definite_nouns(
    text: str, mentions: list[Mention], *, gazetteer: Gazetteer, common_zipf: float = math.inf
) -> list[Mention]:
    """The mentions less the foreign towns read into a definite noun («والسيول», «للسيول»).

    Parameters
    ----------
    text:
        The article's text.
    mentions:
        Its mentions, in text order.
    gazetteer:
        The gazetteer the mentions were found with.
    common_zipf:
        A word at least this frequent (Arabic Zipf) with the article and without it is a common noun, whatever
        the town's country («بالأمان», in safety: not Amman; «بالخرطوم» is Khartoum, «خرطوم» alone is rare).

    Returns
    -------
    list of Mention
        A mention glued to a prefix that ends in the article keeps only its candidates that are not
        foreign towns (no towns at all when the definite form is a common noun); one left with none is
        dropped. A name whose written form with the article is a name itself («بالإليزيه»: «الإليزيه», the
        Élysée, a seat of power in Paris) is kept as it is.
    """
    out: list[Mention] = []
    for mention in mentions:
        if mention.match == MatchKind.CLITIC and _after_article(text, mention.start):
            definite = "ال" + name_key(mention.text)
            if not (definite in load_seats() or gazetteer.lookup(definite)):
                word = _common_both_ways(gazetteer, name_key(mention.text), common_zipf=common_zipf)
                rows = tuple(
                    row
                    for row in mention.candidates
                    if gazetteer.place_type(row) != PlaceType.CITY or not (word or _foreign_town(gazetteer.place(row)))
                )
                if not rows:
                    continue
                mention = replace(mention, candidates=rows)
        out.append(mention)
    return out


def _common_both_ways(gazetteer: Gazetteer, key: str, *, common_zipf: float) -> bool:
    """Whether a word is common with the article and without it («بالأمان»: «الأمان», safety, and «أمان»),
    so its definite form is the noun whatever the town's country. A name the article is part of is frequent
    with it only («الخرطوم»: «خرطوم» alone is rare), and stays a name («بالخرطوم», in Khartoum)."""
    zipf = gazetteer.zipf
    return zipf("ال" + key, language="ar") >= common_zipf and zipf(key, language="ar") >= common_zipf


def without_bare_nouns(
    text: str,
    mentions: list[Mention],
    *,
    gazetteer: Gazetteer,
    common_zipf: float,
    famous_population: int = 0,
    lexicon: Lexicon | None = None,
) -> list[Mention]:
    """The mentions less the places a bare common word was read as (see the module's second list).

    Parameters
    ----------
    text:
        The article's text.
    mentions:
        Its mentions, in text order.
    gazetteer:
        The gazetteer the mentions were found with.
    common_zipf:
        A word (or its definite form) at least this frequent (Zipf, Arabic) is a common word.
    famous_population:
        A foreign town this populous (or a capital) may be tagged by a common word; ``0``: tags are not read.
    lexicon:
        Destination prepositions and movement words (default :func:`~geo.places.lexicon.load_lexicon`).

    Returns
    -------
    list of Mention
        A one-word Arabic mention matched as written, with no trigger noun before it, keeps only the
        candidates its common word does not rule out; one left with none is dropped.

    Examples
    --------
    «حذر الخبراء من سيول جارفة» (experts warned of sweeping torrents): no Seoul; «وصل الرئيس الكوري إلى سيول»
    (the Korean president reached Seoul): Seoul, its country's adjective is written.
    """
    named = cache(lambda: _countries_named(mentions, gazetteer))  # (worked out for a foreign town only)
    starts = {mention.start for mention in mentions}
    out: list[Mention] = []
    for mention in mentions:
        key = name_key(mention.text) if mention.match == MatchKind.EXACT and mention.trigger is None else ""
        if not _bare_arabic(mention.text, key):  # (the cheap tests first: no key is folded for the rest)
            out.append(mention)
            continue
        rows = mention.candidates
        definite = "ال" + key
        common = gazetteer.zipf(key, language="ar") >= common_zipf
        if common:
            written = {hit.row for hit in gazetteer.lookup(definite) if not hit.flags & ADJECTIVE}
            rows = tuple(row for row in rows if row not in written)  # «عقبة»: Aqaba is «العقبة»
        if famous_population and common and _topic_tag(text, mention):
            rows = tuple(row for row in rows if not _lesser_foreign_town(gazetteer.place(row), famous_population))
        if gazetteer.zipf(definite, language="ar") >= common_zipf and definite not in load_seats():
            rows = _named_towns(
                text, mention, rows=rows, gazetteer=gazetteer, starts=starts, lexicon=lexicon, named=named
            )
        if rows:
            out.append(mention if rows == mention.candidates else replace(mention, candidates=rows))
    return out


def _named_towns(
    text: str,
    mention: Mention,
    *,
    rows: tuple[int, ...],
    gazetteer: Gazetteer,
    starts: set[int],
    lexicon: Lexicon | None,
    named: Callable[[], set[str]],
) -> tuple[int, ...]:
    """``rows`` less the foreign towns of countries the text does not name (``named()``), when the word reads as a
    noun (:func:`_reads_as_noun`); the cheap test first: a foreign town among the rows."""
    if not any(_foreign_row(gazetteer, row=row) for row in rows) or not _reads_as_noun(text, mention, starts, lexicon):
        return rows
    countries = named()
    return tuple(
        row for row in rows if not (_foreign_row(gazetteer, row=row) and gazetteer.place(row).country not in countries)
    )


def _reads_as_noun(text: str, mention: Mention, starts: set[int], lexicon: Lexicon | None) -> bool:
    """Whether the word heads a noun phrase, or the text writes it elsewhere as a noun.

    It heads a phrase when the next word, on the same line, has the article and is no day, period or
    period marker («سيول الأردن», «سيول الأمطار»; not «سيول الأسبوع الماضي»), is a hashtag («سيول #طقس_اليوم»),
    begins a place's name (the genitive: «سيول جدة»), is a word glued to «و» that names no place («سيول
    وأمطار», unless a destination preposition or a movement word comes before the name: «وصل إلى سيول
    والتقى») or an indefinite feminine word, the adjective a plural noun takes («سيول جارفة»). It is a
    noun elsewhere when the text also writes it with the article («السيول», «بالسيول») or as the first
    word of a longer hashtag («#سيول_تونس»); «وسيول» alone says nothing («بين طوكيو وسيول»). A
    capital's name that stands alone («غادر الوزير سيول صباح اليوم») is neither: the object of a movement
    verb as often as not.
    """
    word = text[mention.start : mention.end]
    nxt = _NEXT_WORD.match(text, mention.end)
    if nxt is not None:
        following, at = nxt.group(1).strip(_BIDI), nxt.start(1)
        if following.startswith("#") or at in starts or name_key(following) in load_kind_words().kinds:
            return True  # (a kind noun in a construct: «سيول طريق المطار», «سيول وادي النخيل»)
        if fold_text(following).startswith("ال") and name_key(following) not in _time_words():
            return True  # (not a day nor a period: «وصل إلى سيول الأحد», «زار سيول الأسبوع الماضي»)
        if following.startswith("و") and not any(at < start < nxt.end(1) for start in starts):
            return not _reached(text, mention, lexicon)  # (a clause goes on: «وصل إلى سيول والتقى نظيره»)
        if following.endswith("ة") and len(following) > 3:
            return True  # an indefinite adjective agrees with the plural noun («سيول جارفة», «سيول مدمرة»)
    return _written_as_noun(text, word)


def _reached(text: str, mention: Mention, lexicon: Lexicon | None) -> bool:
    """Whether a destination preposition («إلى», «نحو») or a movement word («غادر», «زار») stands right
    before the mention: the place a movement goes to, whatever «و» word follows it."""
    lexicon = lexicon or load_lexicon()
    if mention.cue is not None and mention.cue in lexicon.destination:
        return True
    return lexicon.movement_kind(word_before(text, mention.start)) is not None


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """The one-word Arabic names of days (weekdays, «اليوم», «الأمس»), periods («الأسبوع», «العام») and
    their markers («الماضي», «المقبل») of ``data/lexicon/dates.yaml``, folded."""
    data = load_yaml(DATA_DIR / "lexicon" / "dates.yaml", loader=_LOADER)
    lists = [*data["weekdays"]["ar"].values(), *data["relative_days"]["ar"].values()]
    lists += [period["ar"] for period in data["periods"].values()]
    lists += [data[group]["ar"] for group in ("past_markers", "next_markers", "this_markers", "year_nouns")]
    return frozenset(name_key(str(word)) for words in lists for word in words if " " not in str(word))


def _written_as_noun(text: str, word: str) -> bool:
    """The text writes ``word`` with the article («السيول», «بالسيول») or heading a longer hashtag; a proclitic
    alone («وسيول») says nothing: «و» joins a town to a list of towns as well as a noun to a noun."""
    if f"#{word}_" in text:
        return True
    if f"ال{word}" not in text and f"لل{word}" not in text:
        return False  # (the cheap test first: the article never stands before it)
    at = text.find(word, 2)
    while at >= 0:
        end = at + len(word)
        if not (end < len(text) and _word_char(text[end])) and _article_before(text, at=at):
            return True
        at = text.find(word, at + 1)
    return False


def _word_char(char: str) -> bool:
    """A character of a word as a pattern's ``\\w`` reads it: a letter, a digit or «_»."""
    return char.isalnum() or char == "_"


def _article_before(text: str, *, at: int) -> bool:
    """Whether the article (``ال``, ``لل``, or ``ال`` after one of «و», «ب», «ف», «ك») ends right before ``at``
    and begins a word: no letter, digit, «_» or «#» before it."""

    def begins(k: int) -> bool:
        return k == 0 or not (_word_char(text[k - 1]) or text[k - 1] == "#")

    two = text[at - 2 : at]
    if two in _ARTICLE_ENDS and begins(at - 2):
        return True
    return two == "ال" and at >= 3 and text[at - 3] in "وبفك" and begins(at - 3)


def _topic_tag(text: str, mention: Mention) -> bool:
    """Whether the mention is a whole hashtag («#كورونا»): a common word tagged so is the post's topic."""
    end = mention.end
    return text[mention.start - 1 : mention.start] == "#" and not (
        end < len(text) and (text[end] == "_" or text[end].isalnum())
    )


def _lesser_foreign_town(place: Place, famous_population: int) -> bool:
    """A foreign town (:func:`_foreign_town`) that is no capital and has fewer than ``famous_population``."""
    return _foreign_town(place) and place.feature != "capital" and place.population < famous_population


def _bare_arabic(text: str, key: str) -> bool:
    """One Arabic word without the article."""
    return bool(key) and " " not in text.strip() and is_arabic(text) and not key.startswith("ال")


def _foreign_row(gazetteer: Gazetteer, *, row: int) -> bool:
    """Whether gazetteer row ``row`` is a foreign town (:func:`_foreign_town`), its type asked first: no place is
    made for the rest."""
    return gazetteer.place_type(row) == PlaceType.CITY and _foreign_town(gazetteer.place(row))


def _countries_named(mentions: list[Mention], gazetteer: Gazetteer) -> set[str]:
    """The countries the mentions may name: by the country's name or its nationality adjective."""
    named: set[str] = set()
    for mention in mentions:
        adjectives = (
            {hit.row for hit in gazetteer.lookup(name_key(mention.text)) if hit.flags & ADJECTIVE}
            if mention.match == MatchKind.ADJECTIVE
            else set()
        )  # (a name inside a longer hashtag is an adjective mention too: «#سيول_تونس» names no Korea)
        for row in mention.candidates:
            if row in adjectives or gazetteer.place_type(row) == PlaceType.COUNTRY:
                code = gazetteer.country(row)
                if code:
                    named.add(code)
    return named


def _after_article(text: str, start: int) -> bool:
    """True when the letters glued before ``start`` end in the article («وال», «بال», «لل»)."""
    k = start
    while k > 0 and is_arabic(text[k - 1]):
        k -= 1
    return fold_text(text[k:start]).endswith(_ARTICLE_ENDS)


def is_arabic_noun(
    mention: Mention,
    place: Place,
    *,
    zipf: Callable[[str], float],
    country_named: bool,
    definite_zipf: float,
    famous: bool = True,
    common_zipf: float = math.inf,
) -> bool:
    """Tell whether an Arabic word read as a foreign town is the indefinite noun instead («وسيول»).

    Parameters
    ----------
    mention:
        The mention.
    place:
        The candidate place.
    zipf:
        The Arabic frequency (Zipf) of a folded lookup key.
    country_named:
        Whether the article names the place's country.
    definite_zipf:
        A word glued to a proclitic («وسيول») whose definite form is at least this frequent is the
        indefinite noun; a bare one («غادر الوزير سيول») is left to the scores, the object of a
        movement verb as often as not.
    famous:
        Whether the place is widely known (a capital, a big city).
    common_zipf:
        A lesser town whose name is a word at least this frequent is the word («كورونا», the virus,
        not Corona, California), whatever the preposition before it («من كورونا»).

    Returns
    -------
    bool
        ``True`` when the word is the noun, not the town.

    Examples
    --------
    «أمطار وسيول جارفة» (rain and torrents) in a story that names no Korea: the noun; «وصل إلى
    سيول» in a story that names Korea: Seoul.
    """
    if mention.match not in (MatchKind.EXACT, MatchKind.CLITIC) or country_named or not is_arabic(mention.text):
        return False
    word = name_key(mention.text)
    if mention.trigger is not None or " " in mention.text.strip() or not _foreign_town(place):
        return False
    glued = mention.match == MatchKind.CLITIC  # «وسيول», «بسيول»: a proclitic on the indefinite noun
    return (glued and zipf("ال" + word) >= definite_zipf) or (not famous and zipf(word) >= common_zipf)
