"""A place named by a whole hashtag (#معان, #Beirut): the tag marks the word as a name.

Posts and some news pages tag the places they are about; a tag that is the name and nothing else
(not #سيول_الأردن, whose place is only part of the tag: see :mod:`geo.places.recognition`) says the
writer means the place, as a preposition of place does. Such a mention gets ``#`` as its cue when it
has no other, which resolution counts like a preposition written as a word; Arabic, which writes no
capitals, has few other signs in a post of a few words («#البترا #معان»).
"""

from __future__ import annotations

from dataclasses import replace

from geo.model import MatchKind, Mention

__all__ = ["HASHTAG_CUE", "hashtag_cues"]

#: The cue of a mention that is a whole hashtag.
HASHTAG_CUE = "#"


def _whole_tag(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is preceded by ``#`` and ends the tag."""
    return start > 0 and text[start - 1] == "#" and (end >= len(text) or not (text[end] == "_" or text[end].isalnum()))


def hashtag_cues(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, each whole hashtag with no cue nor trigger given ``#`` as its cue.

    Parameters
    ----------
    text:
        The article's text.
    mentions:
        Its mentions.

    Returns
    -------
    list of Mention
        The same mentions in the same order; a name that is a whole tag («#معان», "#Beirut") has the
        cue :data:`HASHTAG_CUE`.
    """
    return [
        replace(m, cue=HASHTAG_CUE)
        if m.cue is None and m.trigger is None and m.match != MatchKind.ADJECTIVE and _whole_tag(text, m.start, m.end)
        else m
        for m in mentions
    ]
