"""Gather the resolutions of a whole corpus into one feature per place."""

from __future__ import annotations

from collections import defaultdict

from geo.model import PlaceFeature, Resolution

__all__ = ["gather_features"]


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
