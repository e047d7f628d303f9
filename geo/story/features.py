"""Gather the resolutions of a whole corpus into one feature per place, and title the story."""

from __future__ import annotations

from collections import defaultdict

from geo.dates.wording import MONTHS
from geo.model import PlaceFeature, Resolution, Stop

__all__ = ["gather_features", "story_title"]


def gather_features(resolutions: list[Resolution]) -> tuple[PlaceFeature, ...]:
    """One :class:`~geo.model.PlaceFeature` per distinct place, in a stable order.

    Parameters
    ----------
    resolutions:
        Resolutions from any number of articles.

    Returns
    -------
    tuple of PlaceFeature
        Ordered by the first article and offset that mention each place;
        each feature's resolutions are ordered by article and offset. The
        feature's uncertainty is the smallest of its resolutions'.
    """
    by_place: dict[str, list[Resolution]] = defaultdict(list)
    for resolution in resolutions:
        by_place[resolution.place.id].append(resolution)
    features = []
    for group in by_place.values():
        group.sort(key=lambda r: (r.mention.article, r.mention.start, r.mention.end))
        features.append(
            PlaceFeature(
                place=group[0].place,
                resolutions=tuple(group),
                uncertainty_km=min(r.uncertainty_km for r in group),
            )
        )
    features.sort(key=lambda f: (f.resolutions[0].mention.article, f.resolutions[0].mention.start, f.place.id))
    return tuple(features)


#: The words of a story's title, per language (any other language: English).
_TITLE_WORDS: dict[str, dict[str, str]] = {
    "en": {"none": "Places in the news", "alone": "{who}: places in the news", "journey": "A journey", "comma": ", "},
    "ar": {"none": "أماكن في الأخبار", "alone": "{who}: أماكن في الأخبار", "journey": "رحلة", "comma": "، "},
}


def story_title(traveller: str | None, stops: tuple[Stop, ...], *, lang: str = "en") -> str:
    """A title from the traveller and the route in the story's language: "NAME: A – B, Month YYYY"
    («NAME: A – B، سبتمبر 2023» in Arabic, with the places' Arabic names where the gazetteer has them)."""
    words = _TITLE_WORDS.get(lang, _TITLE_WORDS["en"])
    dated = [s for s in stops if s.date_start is not None]
    route = dated or list(stops)
    if not route:
        return words["alone"].format(who=traveller) if traveller else words["none"]
    names = [(s.place.name_ar or s.place.name) if lang == "ar" else s.place.name for s in (route[0], route[-1])]
    span = names[0] if len(route) == 1 else f"{names[0]} – {names[1]}"
    first = dated[0].date_start if dated else None
    when = f"{words['comma']}{MONTHS.get(lang, MONTHS['en'])[first.month - 1]} {first.year}" if first else ""
    return f"{traveller or words['journey']}: {span}{when}"
