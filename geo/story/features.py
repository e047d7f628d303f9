"""Gather the resolutions of a whole corpus into one feature per place, and title the story."""

from __future__ import annotations

from collections import defaultdict

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


def story_title(traveller: str | None, stops: tuple[Stop, ...]) -> str:
    """A title from the traveller and the route: "NAME: A – B, Month YYYY"."""
    dated = [s for s in stops if s.date_start is not None]
    route = dated or list(stops)
    if not route:
        return f"{traveller}: places in the news" if traveller else "Places in the news"
    span = route[0].place.name if len(route) == 1 else f"{route[0].place.name} – {route[-1].place.name}"
    when = f", {dated[0].date_start:%B %Y}" if dated else ""
    return f"{traveller}: {span}{when}" if traveller else f"A journey: {span}{when}"
