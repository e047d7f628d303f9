"""The word table: what each word of a frequency list starts, worked out once and kept beside the gazetteer index.

The recognizer works out what a word may start the first time it meets the word (:mod:`geo.places.starts`):
its proclitic forms, their frequencies, their consonant keys, a dozen questions of the index, 10-30 µs a
word. A stream of news meets a hundred words an article for the first time, and most of them are among
the language's commonest. This module keeps the answers for the most common Arabic words (``_WORDS`` of
wordfreq's list, folded) in one more file of the index folder, a trie of bytes memory-mapped like the
index's names, so a word met for the first time costs one look-up there.

The answers depend on the index, on the code that works them out and on the recognition settings; the
file is named for a fingerprint of all three and of the interpreter (:func:`table_fingerprint`), made again
when any of them changes (a folder keeps its few newest tables). Each answer is opaque bytes here: the
caller encodes and decodes them.
"""

from __future__ import annotations

import hashlib
import importlib
import math
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import marisa_trie

from geo.atomic import write_bytes_atomic
from geo.errors import OutputError
from geo.places.seats import SEAT_WORDS_FILE, SEATS_FILE
from geo.text.compiled_data import code_stamp
from geo.text.folding import name_key

__all__ = ["frequent_words", "load_word_table", "table_fingerprint"]

_WORDS = 400000  # how many of wordfreq's most common Arabic words the table holds (~330,000 once folded; ~9 s to make)
_PREFIX = "words-"  # a table's file name: this, its fingerprint, ".marisa"
_KEPT = 3  # the most tables an index folder keeps (the newest: a few checkouts may share it)
#: The code whose answers the table keeps (with the index's own fingerprint and the seats' files).
_CODE_MODULES = (
    "geo.places.word_table",
    "geo.places.starts",
    "geo.places.lexicon",
    "geo.places.seats",
    "geo.places.phonetic",
    "geo.places.memo",
    "geo.places.gazetteer",
    "geo.text.folding",
    "geo.model",
)


def table_fingerprint(index: Path, *, settings: str) -> str | None:
    """A fingerprint of what a table's answers depend on.

    Parameters
    ----------
    index:
        The gazetteer's index folder (its ``meta.json`` holds the index's own fingerprint).
    settings:
        The settings the answers were worked out with, serialised (JSON).

    Returns
    -------
    str or None
        Hex digits; ``None`` when an input cannot be read (an installation without the sources: no table is
        kept then, as one could not tell when its answers went stale).
    """
    for module in _CODE_MODULES:
        importlib.import_module(module)  # (loaded already where a reader asks: code_stamp reads imported modules)
    code = code_stamp(*_CODE_MODULES)  # the sources, read once a process
    if code is None:
        return None
    digest = hashlib.sha256(f"{settings}\n{code}".encode())
    digest.update(sys.version.encode())  # (the answers' bytes are the interpreter's: marshal's format may change)
    for path in (Path(index) / "meta.json", SEATS_FILE, SEAT_WORDS_FILE):
        try:
            digest.update(path.read_bytes())
        except OSError:
            return None
    return digest.hexdigest()[:32]


def frequent_words(count: int = _WORDS) -> list[str]:
    """wordfreq's ``count`` most common Arabic words, folded (:func:`~geo.text.folding.name_key`), each once,
    those starting with an Arabic letter only."""
    from wordfreq import top_n_list  # (only when a table is made: the import reads wordfreq's data)

    seen: dict[str, None] = {}
    for word in top_n_list("ar", count):
        key = name_key(word)
        if "\u0620" <= key[:1] <= "\u064a":
            seen.setdefault(key)
    return list(seen)


def load_word_table(
    index: Path,
    *,
    fingerprint: str,
    work: Callable[[str], bytes],
    words: Callable[[], Iterable[str]] = frequent_words,
) -> marisa_trie.BytesTrie | None:
    """The table of ``index`` for ``fingerprint``, made (and kept there) when it has none.

    Parameters
    ----------
    index:
        The gazetteer's index folder, where the table is kept.
    fingerprint:
        :func:`table_fingerprint` of what the answers depend on.
    work:
        Works out one word's answer, as bytes.
    words:
        The words the table holds (called only when it is made).

    Returns
    -------
    marisa_trie.BytesTrie or None
        ``table.get(word)`` is ``[answer]``, or ``None`` for a word it does not hold. ``None`` when the
        folder holds no such table and none can be written there (a read-only installation: each word is
        then worked out as it is met, not every word of the list at every start).
    """
    path = Path(index) / f"{_PREFIX}{fingerprint}.marisa"
    if path.is_file():
        table = marisa_trie.BytesTrie()
        try:
            return table.mmap(str(path))
        except RuntimeError:  # (marisa's error for a file it cannot map: made again below)
            pass
    if not os.access(path.parent, os.W_OK):
        return None
    table = marisa_trie.BytesTrie([(word, work(word)) for word in words()])
    try:
        write_bytes_atomic(path, table.tobytes())
    except OutputError:
        return table  # (written by nobody: it lives as long as the process)
    _forget_old(path.parent)
    return table


def _forget_old(index: Path) -> None:
    """Remove all but the ``_KEPT`` newest tables of ``index`` (checkouts of other code may share the folder)."""
    tables = sorted(index.glob(f"{_PREFIX}*.marisa"), key=_age)
    for old in tables[_KEPT:]:
        old.unlink(missing_ok=True)


def _age(path: Path) -> float:
    """How long ago ``path`` was written (``inf``: it is gone)."""
    try:
        return -path.stat().st_mtime
    except OSError:
        return math.inf
