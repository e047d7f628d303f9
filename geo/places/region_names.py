"""Towns named like their first-level region: most often the region's seat.

A province, governorate or state is commonly named after its seat: «محافظة العقبة» (Aqaba Governorate)
has its seat at Aqaba, "Qom Province" at Qom. GeoNames' cities500 table, as bundled, carries no feature
code (no PPLA), but it carries each town's first-level region code (``admin1``), and the curated region
table (``data/gazetteer/regions_*.csv``) carries each region's names with the same code. A town named by
one of its own region's names less a single head word («محافظة», "Governorate", "Province") is read as
that region's namesake: a town the news names as a regional centre. The name is the one the mention spells
(a town matched by another of its names or by its sound is not). Resolution weighs it after a preposition
of place or a trigger noun (:attr:`~geo.settings.ResolutionSettings.region_namesake`).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from geo.model import Place, PlaceType
from geo.places.gazetteer_sources import GAZETTEER_DIR, iter_regions
from geo.text.compiled_data import code_stamp, compiled
from geo.text.folding import name_key

__all__ = ["is_region_namesake", "less_a_head_word", "region_town_keys"]


def _words(name: str) -> tuple[str, ...]:
    """The name's words as lookup keys (spaces and hyphens split words)."""
    return tuple(key for key in (name_key(w) for w in name.replace("-", " ").split()) if key)


def less_a_head_word(name: str) -> tuple[str, ...]:
    """The lookup keys of a region's name less one head word before or after it («محافظة العقبة» → «العقبه»;
    "Qom Province" → "qom", "province"): the names of a town named like the region.

    Parameters
    ----------
    name:
        One name of the region.

    Returns
    -------
    tuple of str
        Empty for a one-word name (no head word to take off).
    """
    words = _words(name)
    return ("".join(words[1:]), "".join(words[:-1])) if len(words) > 1 else ()


@lru_cache(maxsize=1)
def region_town_keys() -> dict[tuple[str, str], frozenset[str]]:
    """``(country, admin1) →`` the keys a town named like that first-level region spells: worked out once for the
    region tables and the code that reads them, and kept compiled (:func:`geo.text.compiled_data.compiled`), so a
    fresh process does not parse the tables again (~0.1 s) at its first place after a preposition.

    Returns
    -------
    dict
        Keyed by ISO country code and first-level code, as the cities' ``admin1``.
    """
    code = code_stamp(__name__, iter_regions.__module__, name_key.__module__)
    tables = sorted(GAZETTEER_DIR.glob("regions_*.csv"))
    stamp = code and "\n".join([code, *(f"{p.name} {hashlib.sha256(p.read_bytes()).hexdigest()}" for p in tables)])
    return compiled("region-town-keys", stamp=stamp, build=_region_town_keys)


def _region_town_keys() -> dict[tuple[str, str], frozenset[str]]:
    """:func:`region_town_keys`, worked out from the region tables."""
    table: dict[tuple[str, str], set[str]] = {}
    for rec in iter_regions():
        if rec.country and rec.admin1:
            table.setdefault((rec.country, rec.admin1), set()).update(
                key for name, _ in rec.names for key in less_a_head_word(name)
            )
    return {code: frozenset(keys) for code, keys in table.items()}


def is_region_namesake(place: Place, key: str) -> bool:
    """Whether the name a mention spells (its lookup ``key``) names the town's own first-level region less a head
    word (see the module's docstring).

    Parameters
    ----------
    place:
        A gazetteer place.
    key:
        The mention's lookup key (:func:`~geo.text.folding.name_key`): the name as written, so a town matched by
        another of its names («New Delhi» of Delhi) or by its sound is no namesake.

    Returns
    -------
    bool
        ``False`` for anything but a town with a region code, and for a country's capital (the seat of more
        than its region: resolution's capital term already counts it).
    """
    if place.place_type != PlaceType.CITY or place.feature == "capital" or not place.country or not place.admin1:
        return False
    return key in region_town_keys().get((place.country, place.admin1), ())
