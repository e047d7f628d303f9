"""Arabic family names: a town's name right before «ال…ي» of a family is part of a person's name.

Arabic writes no capitals, so «أحمد براك الفضلي» (a man: Ahmad son of Barrak, of the Fadhli family) reads
«براك» as well as Prague's alternate name. The family name gives it away: a definite relative adjective
(«ال…ي», the nisba) that is no place and no common adjective (its Arabic Zipf frequency below
``recognition.family_name_max_zipf``: «الفضلي», «المطيري», «العتيبي» are rarer than «الدولي», «العربي»,
«الشرقي», which may follow a town's name: «معرض دمشق الدولي»). Towns' names are grammatically feminine
(«القاهرة الكبرى», «بيروت الغربية»), so a masculine nisba right after one is no adjective of it.

Only a bare one-word Arabic name (no article, no proclitic) with no trigger noun before it is read so;
a country, and a name in a hashtag, are left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from geo.model import MatchKind, Mention, PlaceType
from geo.places.gazetteer import Gazetteer
from geo.text.folding import is_arabic, name_key

__all__ = ["without_family_names"]

#: The next word after a name, on the same line, one space or two away.
_NEXT_WORD = re.compile(r"[ \u00a0]{1,2}(\w+)")
#: The shortest family nisba, letters with its article («العنزي»).
_MIN_NISBA = 5


def without_family_names(text: str, mentions: list[Mention], *, gazetteer: Gazetteer, max_zipf: float) -> list[Mention]:
    """The mentions less the towns read into a person's name before a family name.

    Parameters
    ----------
    text:
        The article's text.
    mentions:
        Its mentions, in text order.
    gazetteer:
        The gazetteer the mentions were found with.
    max_zipf:
        A nisba at least this frequent (Arabic Zipf) is a common adjective, not a family's name.

    Returns
    -------
    list of Mention
        Every mention but those read as a given name: a bare one-word Arabic name with no trigger, followed by
        a family nisba, loses its towns; one left with no candidate is dropped.

    Examples
    --------
    «المتوفى أحمد براك الفضلي»: no Prague. «معرض دمشق الدولي» (the Damascus International Fair): Damascus.
    """
    out: list[Mention] = []
    for mention in mentions:
        if _before_family_name(text, mention, gazetteer, max_zipf=max_zipf):
            rows = tuple(row for row in mention.candidates if gazetteer.place_type(row) != PlaceType.CITY)
            if not rows:
                continue
            mention = replace(mention, candidates=rows)
        out.append(mention)
    return out


def _before_family_name(text: str, mention: Mention, gazetteer: Gazetteer, *, max_zipf: float) -> bool:
    """Whether a bare Arabic name with no trigger stands right before a family nisba."""
    word = text[mention.start : mention.end]
    if mention.match != MatchKind.EXACT or mention.trigger is not None or not is_arabic(word) or " " in word:
        return False
    if name_key(word).startswith("ال") or (mention.start and text[mention.start - 1] in "#_"):
        return False
    nxt = _NEXT_WORD.match(text, mention.end)
    if nxt is None:
        return False
    family = name_key(nxt.group(1))
    return (
        family.startswith("ال")
        and family.endswith("ي")
        and len(family) >= _MIN_NISBA
        and gazetteer.zipf(family, language="ar") < max_zipf
        and not gazetteer.lookup(family)
    )
