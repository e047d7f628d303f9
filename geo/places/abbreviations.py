"""Abbreviated regions after a town: "Portland, Ore.", "Richmond, Va.", "Palo Alto, CA", "Kingston, Ont.".

English-language news writes a town's state or province right after it, abbreviated in the
newsroom's style ("Calif.", "N.Y.", "W.Va.") or as the postal code ("CA", "NY"). Those short
forms are no names the gazetteer may look for anywhere in a text ("La" is a French article,
"Mass" a service, "IN" a word in a headline), so they are read only where that style puts
them: right after a place name and a comma. :func:`abbreviated_regions` returns a mention of
the region for each, which tells the resolver the town's region (its written parent: Springfield,
Ill. is not Springfield, Mass.). The table ``data/gazetteer/region_abbreviations.csv`` maps each
form to a first-level region of ``regions_*.csv``, with its source on each row. A dotted form is
read in any Latin-script article; a bare two-letter code only in English ones.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from geo.errors import IndexBuildError
from geo.model import Article, MatchKind, Mention
from geo.places.added_mentions import with_added
from geo.places.gazetteer import Gazetteer
from geo.places.gazetteer_sources import GAZETTEER_DIR, read_csv
from geo.text.folding import is_arabic

__all__ = ["ABBREVIATIONS_FILE", "abbreviated_regions", "load_abbreviations"]

ABBREVIATIONS_FILE = GAZETTEER_DIR / "region_abbreviations.csv"
#: A comma and at most one space, then a form; the form ends at no letter (a dotted form may end its sentence).
_AFTER = ", ?(?P<form>{forms})(?![A-Za-z])"


@lru_cache(maxsize=4)
def load_abbreviations(path: Path = ABBREVIATIONS_FILE) -> dict[str, str]:
    """Every abbreviated form of the table → the region it stands for (``"Calif." → "US-CA"``).

    Parameters
    ----------
    path:
        The CSV table (columns ``region, abbreviation, source``).

    Raises
    ------
    IndexBuildError
        When the table cannot be read, a row lacks a field or a form names two regions.
    """
    rows = read_csv(path)
    forms: dict[str, str] = {}
    for number, row in enumerate(rows, start=2):
        region, form = (row.get("region") or "").strip(), (row.get("abbreviation") or "").strip()
        if not region or not form or not (row.get("source") or "").strip():
            raise IndexBuildError(f"{path.name}, line {number}: a region, a form and a source are needed")
        if forms.setdefault(form, region) != region:
            raise IndexBuildError(f"{path.name}, line {number}: {form!r} names two regions")
    return forms


@lru_cache(maxsize=4)
def _pattern(path: Path, *, postal: bool) -> re.Pattern[str]:
    """The forms of ``path`` after a comma, longest first; the bare two-letter codes only when ``postal``."""
    forms = [f for f in load_abbreviations(path) if postal or "." in f]
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(_AFTER.format(forms=alternation))


@lru_cache(maxsize=512)
def _region_row(gazetteer: Gazetteer, region: str) -> int | None:
    """The index row of region ``region`` (``US-CA``), found once: finding it scans the index (~5 ms)."""
    return gazetteer.row_of(f"region:{region}")


def abbreviated_regions(
    article: Article, *, mentions: list[Mention], gazetteer: Gazetteer, path: Path = ABBREVIATIONS_FILE
) -> list[Mention]:
    """``mentions`` with a mention of the region for each abbreviated form written right after a place name.

    Parameters
    ----------
    article:
        The article the mentions were found in.
    mentions:
        Its mentions, in text order (a mention the form's span overlaps is replaced by the region's).
    gazetteer:
        Where the regions' rows are found (a form whose region it lacks is not read).
    path:
        The table of forms (default ``data/gazetteer/region_abbreviations.csv``).

    Returns
    -------
    list of Mention
        The mentions, in text order, with the regions' added.
    """
    forms = load_abbreviations(path)
    pattern = _pattern(path, postal=article.language == "en")
    text = article.text
    added: list[Mention] = []
    for mention in mentions:
        if not mention.candidates or is_arabic(mention.text):
            continue
        found = pattern.match(text, mention.end)
        row = _region_row(gazetteer, forms[found["form"]]) if found else None
        if found is None or row is None:
            continue
        start, end = found.span("form")
        added.append(Mention(mention.article, start, end, text[start:end], mention.sentence, MatchKind.EXACT, (row,)))
    return with_added(mentions, added=added)
