"""Runs of Arabic words matched by their consonant key that swallow a name written as it is.

Recognition tries a word that names no place as written by its consonant key (:mod:`geo.places.phonetic`),
and the longest run of words whose joined key names a place wins. A common word before a place's name
may so join it into a run that spells some far-off place's key: «غريق السويس» (the drowned man of
Suez), «فاجعة الناصرية» (the Nasiriyah disaster), «بعون الخليل». When a later word of the run
begins a name as written, with the Arabic article or a country's, the run is no name: the place's own
name is read from its word. A foreign name's words carry no Arabic article («فرانكفورت أم ماين»).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from geo.places.starts import Word
from geo.text.folding import Token
from geo.text.memory import Memory

__all__ = ["swallows_a_name"]


def swallows_a_name(
    later: Sequence[Token],
    *,
    known: Memory[str, Word],
    starts: Callable[[str], Word],
    is_country: Callable[[int], bool],
) -> bool:
    """Tell whether a later word of a run matched by its consonant key begins a name as written.

    Parameters
    ----------
    later:
        The run's words after its first.
    known:
        What the common words may start, worked out once (:attr:`WordStarts.known
        <geo.places.starts.WordStarts.known>`).
    starts:
        What any word may start (:meth:`WordStarts.of <geo.places.starts.WordStarts.of>`).
    is_country:
        Whether a gazetteer row is a country.

    Returns
    -------
    bool
        ``True`` when one of ``later`` begins a gazetteer name as written (:attr:`Word.exact
        <geo.places.starts.Word.exact>`) and is an Arabic name, with the article («السويس»), or a
        country's («مصر»). A foreign name's own later word is neither: «فرانكفورت أم ماين»
        (Frankfurt am Main) stays one name though «ماين» alone may name something else.

    Examples
    --------
    «غريق السويس»: «السويس» is a name as written, so the run is none.
    """
    for word in later:
        exact = (known.get(word.text) or starts(word.text)).exact
        if exact and (word.text.startswith("ال") or any(is_country(hit.row) for start in exact for hit in start[2])):
            return True
    return False
