"""Arabic family names: a town's name right before «ال…ي» of a family is part of a person's name.

Arabic writes no capitals, so «سالم براك السبيعي» (a made-up man: Salim son of Barrak, of the Subaie family) reads
«براك» as well as Prague's alternate name. The family name gives it away: a definite relative adjective
(«ال…ي», the nisba) that is no place and no common adjective (its Arabic Zipf frequency below
``recognition.family_name_max_zipf``: «السبيعي», «الحارثي», «الكثيري» are rarer than «الدولي», «العربي»,
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
from geo.places.lexicon import Lexicon, load_lexicon
from geo.text.folding import is_arabic, name_key

__all__ = ["without_family_names", "word_before"]

#: The next word after a name, on the same line, one space or two away.
_NEXT_WORD = re.compile(r"[ \u00a0]{1,2}(\w+)")
#: The last word before a position, on the same line.
_PREVIOUS_WORD = re.compile(r"(\S+)[ \u00a0]+$")
#: How far back (characters) the word before a name is looked for: longer than any Arabic word.
_LOOK_BACK = 40
#: The shortest family nisba, letters with its article («العنزي»).
_MIN_NISBA = 5


def without_family_names(
    text: str, mentions: list[Mention], *, gazetteer: Gazetteer, max_zipf: float, lexicon: Lexicon | None = None
) -> list[Mention]:
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
    lexicon:
        Prepositions of place and movement words (default :func:`~geo.places.lexicon.load_lexicon`): a name after
        one is the place («وصل إلى بيروت الحريري»: Hariri reached Beirut).

    Returns
    -------
    list of Mention
        Every mention but those read as a given name: a bare one-word Arabic name with no trigger, no
        preposition and no movement word before it, followed by a family nisba, loses its towns; one left with
        no candidate is dropped.

    Examples
    --------
    «حضر الحفل سالم براك السبيعي»: no Prague. «معرض دمشق الدولي» (the Damascus International Fair): Damascus.
    """
    lexicon = lexicon or load_lexicon()
    out: list[Mention] = []
    for mention in mentions:
        if _before_family_name(text, mention, gazetteer, max_zipf=max_zipf) and not _reached(text, mention, lexicon):
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


def word_before(text: str, start: int) -> str:
    """The folded word right before ``start`` on the same line («وصل إلى بيروت» at «بيروت»: «الي»), or ``""``."""
    before = _PREVIOUS_WORD.search(text[max(0, start - _LOOK_BACK) : start])
    return name_key(before.group(1)) if before is not None else ""


def _reached(text: str, mention: Mention, lexicon: Lexicon) -> bool:
    """Whether a preposition of place (``mention.cue``: «إلى», «في») or a movement word («غادر», «زار») stands
    right before the mention: a place's slot, not a person's."""
    return mention.cue is not None or lexicon.movement_kind(word_before(text, mention.start)) is not None
