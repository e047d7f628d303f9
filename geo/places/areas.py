"""A country or its capital, when a Latin name could be either: "Mexico" is the country, "Monaco" the town.

GeoNames lists a country's name among the alternate names of its capital ("Mexico" for Mexico City,
"Guatemala" for Guatemala City, "Kuwait" for Kuwait City), and a capital's population and the country
its own name seems to name would let it win. English and French news write the capital's full name
when they mean it ("Mexico City", "la ville de Guatemala"), so a Latin-script name that spells the
country's own name, read as one of that country's towns through an alternate name, is the country.
The country is an area: a context place, never a stop.

The other way round, a city-state's capital bears the country's own name as its own ("Monaco",
"Singapore", "Luxembourg"): a visit there is a visit to the town, so such a name reads as the capital.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from geo.model import MatchKind, Mention, Place, PlaceType
from geo.text.folding import name_key

__all__ = ["country_or_capital"]


class _Scored(Protocol):
    row: int


class _Group(Protocol):
    """A name's mentions and scored candidates (:class:`geo.places.resolution.NameGroup`)."""

    mentions: tuple[Mention, ...]
    scored: tuple[_Scored, ...]

    @property
    def best(self) -> _Scored | None: ...


def country_or_capital(group: _Group, *, place: Callable[[int], Place]) -> int | None:
    """The row a Latin name should read as instead of its best-scored candidate, or ``None``.

    The country whose own name it spells, when the best reading is one of its towns named by an
    alternate name; the capital whose own name it is, when the best reading is that capital's country.

    Parameters
    ----------
    group:
        The mentions of one name and every candidate's score.
    place:
        The gazetteer's place of a row.

    Returns
    -------
    int or None
        The country's or the capital's row, to be read instead of the best candidate.

    Examples
    --------
    "Migrants left Mexico": Mexico (the country), not Mexico City. "Monaco" stays the town of Monaco,
    whose own name it is.
    """
    best = group.best
    if best is None or group.mentions[0].match != MatchKind.LATIN:
        return None
    chosen = place(best.row)
    key = name_key(group.mentions[0].text)
    if chosen.place_type == PlaceType.COUNTRY:
        wanted = PlaceType.CITY  # a city-state: the capital of its own name
    elif chosen.place_type == PlaceType.CITY and name_key(chosen.name) != key:
        wanted = PlaceType.COUNTRY  # "Mexico" for Mexico City: the country of that name
    else:
        return None
    for candidate in group.scored:
        other = place(candidate.row)
        same = other.country == chosen.country and other.place_type == wanted and name_key(other.name) == key
        if same and (wanted == PlaceType.COUNTRY or other.feature == "capital"):
            return candidate.row
    return None
