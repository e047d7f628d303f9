"""A country named by the kind of state it is: «المملكة» (the Kingdom), «السلطنة» (the Sultanate).

Arabic news names the country it is about by its kind of state once the country is known: «وصل الرئيس
إلى المملكة», «حرص المملكة على …», «زيارته للسلطنة». :func:`state_nouns` reads such a noun as a
mention of the one country of that kind the article's other names point to: the kingdom whose name, capital,
regions or sites the article's mentions may be (Saudi Arabia when its airport, Riyadh or its name are there;
Morocco when Rabat is; a town, which many places share a name with, tells nothing). With no such country,
or two equally, the noun is not read. The table ``data/gazetteer/state_nouns.csv`` lists each noun, the states
whose official name begins with it, and its
source. The noun counts where the country's name would (the countries an article names place its towns and
sites); whether it is a stop is for the roles to say (a country never is).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from geo.errors import IndexBuildError
from geo.model import Article, MatchKind, Mention, Place, PlaceType
from geo.places.added_mentions import with_added
from geo.places.gazetteer import Gazetteer
from geo.places.gazetteer_sources import GAZETTEER_DIR, read_csv

__all__ = ["STATE_NOUNS_FILE", "load_state_nouns", "state_nouns"]

STATE_NOUNS_FILE = GAZETTEER_DIR / "state_nouns.csv"
#: The proclitics and article of a definite noun («للمملكة», «بالمملكة», «والمملكة»).
_CLITICS = r"(?:[وف]?(?:بال|كال|لل|ال))"


@lru_cache(maxsize=4)
def load_state_nouns(path: Path = STATE_NOUNS_FILE) -> dict[str, tuple[str, ...]]:
    """Every noun of the table (without its «ال») → the countries (ISO alpha-2) whose name begins with it.

    Raises
    ------
    IndexBuildError
        When the table cannot be read or a row lacks a field.
    """
    rows = read_csv(path)
    nouns: dict[str, tuple[str, ...]] = {}
    for number, row in enumerate(rows, start=2):
        noun = (row.get("noun") or "").strip().removeprefix("ال")
        countries = tuple(c.strip().upper() for c in (row.get("countries") or "").split("|") if c.strip())
        if not noun or not countries or not (row.get("source") or "").strip():
            raise IndexBuildError(f"{path.name}, line {number}: a noun, its countries and a source are needed")
        nouns[noun] = countries
    return nouns


@lru_cache(maxsize=4)
def _forms(path: Path) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """A state noun with its proclitics, a word of its own, and each written form's countries (a final «ة»
    written «ه» too)."""
    forms: dict[str, tuple[str, ...]] = {}
    for noun, countries in load_state_nouns(path).items():
        forms[noun] = countries
        if noun.endswith("ة"):
            forms[noun[:-1] + "ه"] = countries
    nouns = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<![\w\u0640]){_CLITICS}(?P<noun>{nouns})(?![\w\u0640])"), forms


def state_nouns(
    article: Article, *, mentions: list[Mention], gazetteer: Gazetteer, path: Path = STATE_NOUNS_FILE
) -> list[Mention]:
    """``mentions`` with a mention of its country for each state noun the article's names settle.

    Parameters
    ----------
    article:
        The article the mentions were found in.
    mentions:
        Its mentions, in text order (a noun a mention already covers, «المملكة العربية السعودية», is left to it).
    gazetteer:
        Where the countries of the other mentions' candidates are read, and the country's row.
    path:
        The table of nouns (default ``data/gazetteer/state_nouns.csv``).

    Returns
    -------
    list of Mention
        The mentions, in text order, with the nouns' added.
    """
    pattern, forms = _forms(path)
    found = list(pattern.finditer(article.text))
    if not found:
        return mentions
    named: Counter[str] = Counter()
    for mention in mentions:  # once for each country a capital, a country or a site it may be is in (not a town:
        named.update({c for row in mention.candidates if (c := _telling(gazetteer.place(row)))})  # homonyms abound)
    starts = [s.start for s in article.sentences]
    added: list[Mention] = []
    for match in found:
        start, end = match.span()
        if any(m.start < end and start < m.end and (m.start < start or end < m.end) for m in mentions):
            continue  # a longer name holds the noun («المملكة العربية السعودية»)
        ranked = sorted(((named[c], c) for c in forms[match["noun"]] if named[c]), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
            continue
        row = gazetteer.country_row(ranked[0][1])
        if row is not None:
            sentence = max(bisect.bisect_right(starts, start) - 1, 0)
            added.append(Mention(article.name, start, end, article.text[start:end], sentence, MatchKind.EXACT, (row,)))
    return with_added(mentions, added=added)


def _telling(place: Place) -> str | None:
    """The country of a place that tells which country an article is about: a country, a capital, a region or a
    site (``None`` for a town: a name many towns share tells little)."""
    if place.place_type == PlaceType.CITY and place.feature != "capital":
        return None
    return place.country
