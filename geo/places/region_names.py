"""Towns named like their first-level region: most often the region's seat.

A province, governorate or state is commonly named after its seat: «محافظة العقبة» (Aqaba Governorate)
has its seat at Aqaba, "Qom Province" at Qom. GeoNames' cities500 table, as bundled, carries no feature
code (no PPLA), but it carries each town's first-level region code (``admin1``), and the curated region
table (``data/gazetteer/regions_*.csv``) carries each region's names with the same code. A town whose name
is one of its own region's names less a single head word («محافظة», "Governorate", "Province") is read as
that region's namesake: a town the news names as a regional centre. Resolution weighs it after a
preposition of place or a trigger noun (:attr:`~geo.settings.ResolutionSettings.region_namesake`).
"""

from __future__ import annotations

from functools import lru_cache

from geo.model import Place, PlaceType
from geo.places.gazetteer_sources import iter_regions
from geo.text.folding import name_key

__all__ = ["is_region_namesake", "region_name_words", "shares_name"]


def _words(name: str) -> tuple[str, ...]:
    """The name's words as lookup keys (spaces and hyphens split words)."""
    return tuple(key for key in (name_key(w) for w in name.replace("-", " ").split()) if key)


@lru_cache(maxsize=1)
def region_name_words() -> dict[tuple[str, str], tuple[tuple[str, ...], ...]]:
    """``(country, admin1) →`` the words of each name of that first-level region (read once a process).

    Returns
    -------
    dict
        Keyed by ISO country code and first-level code, as the cities' ``admin1``.
    """
    table: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for rec in iter_regions():
        if rec.country and rec.admin1:
            names = table.setdefault((rec.country, rec.admin1), [])
            names.extend(words for words in (_words(name) for name, _ in rec.names) if words)
    return {code: tuple(names) for code, names in table.items()}


def shares_name(town: tuple[str, ...], region: tuple[str, ...]) -> bool:
    """Whether ``region``'s words are ``town``'s with one head word before or after them.

    Parameters
    ----------
    town:
        The town name's words (lookup keys).
    region:
        One name of the region, its words.

    Returns
    -------
    bool
        ``True`` for ``("العقبه",)`` and ``("محافظه", "العقبه")``, or ``("qom",)`` and ``("qom", "province")``.
    """
    if not town or len(region) != len(town) + 1:
        return False
    return region[1:] == town or region[:-1] == town


@lru_cache(maxsize=4096)
def is_region_namesake(place: Place) -> bool:
    """Whether a town is named like its own first-level region (see the module's docstring).

    Parameters
    ----------
    place:
        A gazetteer place.

    Returns
    -------
    bool
        ``False`` for anything but a town with a region code, and for a country's capital (the seat of more
        than its region: resolution's capital term already counts it).
    """
    if place.place_type != PlaceType.CITY or place.feature == "capital" or not place.country or not place.admin1:
        return False
    regions = region_name_words().get((place.country, place.admin1), ())
    towns = [words for words in (_words(n) for n in (place.name, place.name_ar or "")) if words]
    return any(shares_name(town, region) for town in towns for region in regions)
