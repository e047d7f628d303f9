"""Seats of power: a capital's palace or office named by its own name («الإليزيه», "the Kremlin").

News names a head of state's seat in two ways: as the place a visitor is received ("dîner de travail à
l'Élysée", "was received at the Kremlin", «استقبله في قصر اليمامة»), and as a stand-in for the government
("the Kremlin said", «أعلن البيت الأبيض»). Both name the capital the seat is in. The small table
``data/gazetteer/seats_of_power.csv`` maps each seat's names (Arabic, English, French) to the GeoNames id of
its city, with the source of that general knowledge on each row; recognition reads a seat as a mention of
its city, and the roles tell the visit from the stand-in (:mod:`geo.story.roles`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from geo.errors import IndexBuildError
from geo.places.gazetteer_sources import DATA_DIR, read_csv
from geo.text.folding import fold_text, name_key, tokens

__all__ = ["SEATS_FILE", "SEAT_WORDS_FILE", "Seat", "load_seats", "seat_locatives", "seat_starts"]

SEATS_FILE = DATA_DIR / "gazetteer" / "seats_of_power.csv"
SEAT_WORDS_FILE = DATA_DIR / "lexicon" / "seats.yaml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader when built: the same data, faster


@dataclass(frozen=True, slots=True)
class Seat:
    """One seat of power: its identifier, the GeoNames id of its city and the row's source."""

    id: str
    city: str  # "geonames:2988507"
    source: str


@lru_cache(maxsize=4)
def load_seats(path: Path = SEATS_FILE) -> dict[str, Seat]:
    """Every name key of the seats of power (:func:`~geo.text.folding.name_key`) → its :class:`Seat`.

    Parameters
    ----------
    path:
        The CSV table (columns ``id, city, names, source``; names separated by ``|``).

    Returns
    -------
    dict of str to Seat

    Raises
    ------
    IndexBuildError
        When the table cannot be read or a row has no city.
    """
    rows = read_csv(path)
    seats: dict[str, Seat] = {}
    for row in rows:
        city = (row.get("city") or "").strip()
        if not city:
            raise IndexBuildError(f"{path.name}: row {row.get('id')} names no city")
        seat = Seat(id=(row.get("id") or "").strip(), city=city, source=(row.get("source") or "").strip())
        for name in (row.get("names") or "").split("|"):
            key = name_key(name)
            if key:
                seats[key] = seat
    return seats


@lru_cache(maxsize=4)
def seat_starts(path: Path = SEATS_FILE) -> frozenset[str]:
    """The folded first words of the seats' names (a word that starts none is never tried)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    starts = set()
    for row in rows:
        for name in (row.get("names") or "").split("|"):
            words = tokens(fold_text(name))
            if words:
                starts.add(words[0].text)
    return frozenset(starts)


@lru_cache(maxsize=4)
def seat_locatives(path: Path = SEAT_WORDS_FILE) -> tuple[frozenset[str], frozenset[str]]:
    """The folded words after which a seat names a place («في», "at", "à"; a proclitic «ب» too), and the
    articles that may stand between ("the", "l'") (``data/lexicon/seats.yaml``)."""
    with path.open(encoding="utf-8") as handle:
        table = yaml.load(handle, Loader=_LOADER) or {}
    words = frozenset(name_key(str(w)) for ws in (table.get("locatives") or {}).values() for w in ws or ())
    return words, frozenset(name_key(str(w)) for w in table.get("articles") or ())
