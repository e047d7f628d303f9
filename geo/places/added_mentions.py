"""Mentions a later reading adds to the recognizer's: each added one replaces the mentions its span overlaps.

Readings after recognition (:mod:`geo.places.abbreviations`, :mod:`geo.places.state_nouns`) find names the
recognizer read otherwise or not at all ("Ga." after a town, «المملكة»); what they find wins over what it
overlaps, and the mentions stay in text order.
"""

from __future__ import annotations

from geo.model import Mention

__all__ = ["with_added"]


def with_added(mentions: list[Mention], *, added: list[Mention]) -> list[Mention]:
    """``mentions`` with ``added`` in text order, less every mention an added one overlaps.

    Parameters
    ----------
    mentions:
        The mentions found so far.
    added:
        The mentions to add (they do not overlap one another).

    Returns
    -------
    list of Mention
        ``mentions`` itself when nothing is added, else a new list sorted by start and end.
    """
    if not added:
        return mentions
    spans = [(m.start, m.end) for m in added]
    kept = [m for m in mentions if not any(m.start < end and start < m.end for start, end in spans)]
    return sorted([*kept, *added], key=lambda m: (m.start, m.end))
