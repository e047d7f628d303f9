"""The tags of social posts: a whole hashtag marks a place's name (#معان); an @handle is an account.

Posts and some news pages tag the places they are about; a tag that is the name and nothing else
(not #سيول_تونس, whose place is only part of the tag: see :mod:`geo.places.recognition`) says the
writer means the place, as a preposition of place does. Such a mention gets ``#`` as its cue when it
has no other, which resolution counts like a preposition written as a word; Arabic, which writes no
capitals, has few other signs in a post of a few words («#البترا #معان»).

A name inside an @handle (@AJA_Egypt, «@سفارة_الكويت_لبنان») is part of an account's name, which
names whoever runs it, not a place: such a mention is dropped.

A Latin hashtag in CamelCase (#ParisAttacks) is read as its words, so the names in it can be found.
"""

from __future__ import annotations

from dataclasses import replace

from geo.model import MatchKind, Mention
from geo.text.folding import Folded, Token

__all__ = ["HASHTAG_CUE", "post_tags", "split_hashtags"]

#: The cue of a mention that is a whole hashtag.
HASHTAG_CUE = "#"


def _whole_tag(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is preceded by ``#`` and ends the tag."""
    return start > 0 and text[start - 1] == "#" and (end >= len(text) or not (text[end] == "_" or text[end].isalnum()))


def _in_handle(text: str, start: int) -> bool:
    """True when ``start`` is inside an @handle (letters, digits and ``_`` after ``@``)."""
    k = start
    while k > 0 and (text[k - 1] == "_" or text[k - 1].isalnum()):
        k -= 1
    return k > 0 and text[k - 1] == "@"


def post_tags(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions less those inside an @handle, each whole hashtag with no cue nor trigger given ``#``
    as its cue.

    Parameters
    ----------
    text:
        The article's text.
    mentions:
        Its mentions.

    Returns
    -------
    list of Mention
        The mentions not in a handle, in order; a name that is a whole tag («#معان», "#Beirut") has
        the cue :data:`HASHTAG_CUE`.
    """
    if "#" not in text and "@" not in text:
        return list(mentions)  # (the cheap test first: no tag, no handle)
    return [
        replace(m, cue=HASHTAG_CUE)
        if m.cue is None and m.trigger is None and m.match != MatchKind.ADJECTIVE and _whole_tag(text, m.start, m.end)
        else m
        for m in mentions
        if not _in_handle(text, m.start)
    ]


def split_hashtags(text: str, folded: Folded, words: list[Token]) -> list[Token]:
    """Cut a Latin hashtag written in CamelCase into its words ("#ParisAttacks" → Paris, Attacks).

    ``words`` are tokens of ``folded`` (the folded form of ``text``, whose case tells the words apart).
    """
    if "#" not in folded.text:
        return list(words)  # (the cheap test first: most articles have no hashtag)
    out: list[Token] = []
    for word in words:
        first = word.text[:1]
        if word.start == 0 or folded.text[word.start - 1] != "#" or not (first.isascii() and first.isalpha()):
            out.append(word)
            continue
        start = word.start
        for k in range(word.start + 1, word.end):
            here, before = text[folded.offsets[k]], text[folded.offsets[k - 1]]
            if here.isupper() and before.islower():
                out.append(Token(folded.text[start:k], start, k))
                start = k
        out.append(Token(folded.text[start : word.end], start, word.end))
    return out
