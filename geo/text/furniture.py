"""Page furniture: the share widgets, bylines, link lists and footers around an article.

The phrases and patterns live in ``data/furniture.yaml`` (see its header for the
matching rules); they are read once, on first use. Matching is line by line, on a
folded copy of each line (accents, Arabic short vowels, hamza seats, tatweel and
invisible marks dropped), and every span points into the original text.

Three kinds of furniture:

* ``line``: a whole line (or, for an embedded post's signature, the end of one);
* ``tail``: a marker line after some article text, and everything after it;
* ``read_also``: a marker line that starts an embedded, separate article. The block
  after it (up to the next marker or the tail) is an article when it holds at least
  two prose sentences and 200 characters of them; otherwise the marker and its
  block are furniture.

Furniture stays in the text: spans only tell place recognition what to skip.
Publication-date lines ("تاريخ النشر: ...", "Publié le ...") are furniture too, so no
place is read from them, while the dating stage still finds their dates in the text.
Embedded articles are not furniture: :func:`split_embedded` gives their ranges, and
:func:`find_furniture` marks only their marker line.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from geo.errors import GeoStoryError
from geo.model import Span
from geo.settings import TextSettings
from geo.text.compiled_data import code_stamp, compiled, is_shipped, load_yaml
from geo.text.sentences import line_spans, split_sentences

__all__ = ["FURNITURE_PATH", "find_furniture", "split_embedded"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader when built: the same data, ~8x faster

#: The phrase lists.
FURNITURE_PATH = Path(__file__).resolve().parents[2] / "data" / "furniture.yaml"

_SENTENCE_END = re.compile(r"[.!?؟…۔][\"'”’»›)\]]*\Z")

#: Bullets and brackets allowed around a marker or phrase (the text is folded: "…" is "...").
_LEAD = r"[\s\-–—•·*#>»›|\[(]*"
_TRAIL = r"[\s:.!\-–—|»›<«\])*]*"
_INLINE_SEPARATOR = r"\s*[:\-–—|»›.]+\s*\S.*"

_GROUPS = ("read_also", "tail", "line")
_DROP_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
_LETTER_FOLD = str.maketrans({"ٱ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي", "ـ": None})

LineKind = Literal["blank", "text", "line", "read_also", "tail"]


@dataclass(frozen=True, slots=True)
class _Rules:
    """Compiled furniture rules."""

    read_also: re.Pattern[str]
    read_also_inline: re.Pattern[str]
    tail: re.Pattern[str]
    line: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of a text, classified.

    ``start``/``end`` bound its visible content (``start == end`` for a blank line);
    ``cut`` is the furniture span of a ``line`` line (the whole content or a part).
    """

    start: int
    end: int
    kind: LineKind
    cut: Span | None = None


@dataclass(frozen=True, slots=True)
class _Layout:
    """Furniture spans and article ranges of one text."""

    furniture: tuple[Span, ...]
    ranges: tuple[tuple[int, int], ...]


def find_furniture(text: str, *, settings: TextSettings | None = None) -> tuple[Span, ...]:
    """Return the spans of page furniture in ``text``.

    Parameters
    ----------
    text:
        An article's text.
    settings:
        What counts as article text (default :class:`~geo.settings.TextSettings`).

    Returns
    -------
    tuple of Span
        Sorted, non-overlapping spans: furniture lines (or parts of lines), read-also
        markers (with their block when it is no article) and the tail block.
    """
    return _layout_of(text, settings or TextSettings()).furniture


def split_embedded(text: str, *, settings: TextSettings | None = None) -> list[tuple[int, int]]:
    """Return the ranges of the main article and of each embedded read-also article.

    Parameters
    ----------
    text:
        A page's text.
    settings:
        What counts as article text (default :class:`~geo.settings.TextSettings`).

    Returns
    -------
    list of tuple of int
        ``(start, end)`` ranges into ``text``, the main article first. The main one
        starts at 0 (so its offsets are the text's) and ends before the first embedded
        article's marker line, or at the end of the text when there is none; an
        embedded one runs from its first line after the marker to its last non-blank
        line before the next marker or the tail block.
    """
    return list(_layout_of(text, settings or TextSettings()).ranges)


@functools.lru_cache(maxsize=4)
def _layout_of(text: str, settings: TextSettings) -> _Layout:
    """:func:`_layout`, remembered for the last few texts: a page's main article is the page itself when
    nothing is embedded, so :func:`split_embedded` and then :func:`find_furniture` ask about the same text."""
    return _layout(text, settings)


def _layout(text: str, settings: TextSettings) -> _Layout:
    """Classify the lines of ``text`` and cut it into furniture and articles."""
    rules = _rules()
    lines = [_classify(text, start, end, rules) for start, end in line_spans(text)]
    tail_at = _tail_index(text, lines, settings)
    spans: list[Span] = [line.cut for line in lines[:tail_at] if line.cut is not None]
    spans += [Span(line.start, line.end) for line in lines[:tail_at] if line.kind == "tail"]
    marker_spans, embedded, main_end = _read_also_blocks(text, lines[:tail_at], settings)
    spans += marker_spans
    if tail_at < len(lines):
        tail_end = _last_end(lines[tail_at:]) or lines[tail_at].end
        spans.append(Span(lines[tail_at].start, tail_end))
    main = (0, len(text) if main_end is None else main_end)
    return _Layout(furniture=_merge(spans), ranges=(main, *embedded))


def _read_also_blocks(
    text: str, lines: list[_Line], settings: TextSettings
) -> tuple[list[Span], list[tuple[int, int]], int | None]:
    """Sort the read-also blocks of ``lines`` (the text before the tail) into articles and furniture.

    Returns the furniture spans (markers, and blocks that are no article), the ranges of
    the embedded articles, and where the main article ends (``None`` when nothing is embedded).
    """
    spans: list[Span] = []
    embedded: list[tuple[int, int]] = []
    main_end: int | None = None
    markers = [i for i, line in enumerate(lines) if line.kind == "read_also"]
    for n, at in enumerate(markers):
        stop = markers[n + 1] if n + 1 < len(markers) else len(lines)
        block = [line for line in lines[at + 1 : stop] if line.kind != "blank"]
        marker = lines[at]
        if not _has_lead(text, lines[:at], settings):
            spans.append(Span(marker.start, marker.end))
        elif block and _is_prose(text, block, settings):
            spans.append(Span(marker.start, marker.end))
            embedded.append((block[0].start, block[-1].end))
            if main_end is None:
                main_end = _last_end(lines[:at])
        else:
            spans.append(Span(marker.start, block[-1].end if block else marker.end))
    return spans, embedded, main_end


def _classify(text: str, start: int, end: int, rules: _Rules) -> _Line:
    """Classify the line ``text[start:end]``."""
    folded, index = _fold_with_index(text[start:end])
    lo = len(folded) - len(folded.lstrip())
    hi = len(folded.rstrip())
    if lo >= hi:
        return _Line(start, start, "blank")
    content = folded[lo:hi]
    first, last = start + index[lo], _past_marks(text, start + index[hi - 1] + 1, end)
    if rules.tail.fullmatch(content):
        return _Line(first, last, "tail")
    if rules.read_also.fullmatch(content):
        return _Line(first, last, "read_also")
    if rules.read_also_inline.fullmatch(content):
        return _Line(first, last, "line", Span(first, last))
    for pattern in rules.line:
        match = pattern.fullmatch(content)
        if match is not None:
            cut = _part_span(match, text, folded, index, (start, end), lo) or Span(first, last)
            return _Line(first, last, "line", cut)
    return _Line(first, last, "text")


def _past_marks(text: str, pos: int, end: int) -> int:
    """Move ``pos`` past the marks that folding dropped (tanween, short vowels, tatweel)."""
    while pos < end and not text[pos].isspace() and not _fold_char(text[pos]):
        pos += 1
    return pos


def _part_span(
    match: re.Match[str], text: str, folded: str, index: Sequence[int], bounds: tuple[int, int], lo: int
) -> Span | None:
    """Map a match's ``part`` group back to the original text (``None`` when there is none)."""
    if "part" not in match.re.groupindex or match.group("part") is None:
        return None
    a, b = lo + match.start("part"), lo + match.end("part")
    while a < b and folded[a].isspace():
        a += 1
    while b > a and folded[b - 1].isspace():
        b -= 1
    if a >= b:
        return None
    start, end = bounds
    return Span(start + index[a], _past_marks(text, start + index[b - 1] + 1, end))


def _tail_index(text: str, lines: list[_Line], settings: TextSettings) -> int:
    """Index of the first tail marker that follows some article text (``len(lines)`` when none)."""
    for i, line in enumerate(lines):
        if line.kind == "tail" and _has_lead(text, lines[:i], settings):
            return i
    return len(lines)


def _has_lead(text: str, lines: Iterable[_Line], settings: TextSettings) -> bool:
    """Tell whether some text line among ``lines`` looks like article text."""
    least = settings.min_lead_words
    return any(line.kind == "text" and len(text[line.start : line.end].split()) >= least for line in lines)


def _is_prose(text: str, block: list[_Line], settings: TextSettings) -> bool:
    """Tell whether a read-also block reads as an article rather than a list of links."""
    count = chars = 0
    for line in block:
        if line.kind != "text":
            continue
        for span in split_sentences(text[line.start : line.end]):
            sentence = text[line.start + span.start : line.start + span.end]
            if len(sentence.split()) >= settings.min_prose_words and _SENTENCE_END.search(sentence):
                count += 1
                chars += len(sentence)
    return count >= settings.min_prose_sentences and chars >= settings.min_prose_chars


def _last_end(lines: list[_Line]) -> int:
    """End of the last non-blank line (0 when all are blank)."""
    return next((line.end for line in reversed(lines) if line.kind != "blank"), 0)


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    """Sort spans and merge the overlapping ones."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            if span.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, span.end)
            continue
        merged.append(span)
    return tuple(merged)


# --- folding ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """Fold one character: compatibility decomposition, marks dropped, Arabic letter variants merged."""
    decomposed = unicodedata.normalize("NFKD", ch)
    kept = "".join(part for part in decomposed if unicodedata.category(part) not in _DROP_CATEGORIES)
    return kept.translate(_LETTER_FOLD)


class _FoldTable(dict[int, str]):
    """A :meth:`str.translate` table that folds every character (filled as characters come)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


class _UnevenTable(dict[int, "str | None"]):
    """A :meth:`str.translate` table keeping only the characters that do not fold to one character."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        kept = self[code] = None if len(_fold_char(ch)) == 1 else ch
        return kept


_FOLD_TABLE = _FoldTable()
_UNEVEN_TABLE = _UnevenTable()


def _fold(text: str) -> str:
    """Fold ``text`` (see :func:`_fold_char`)."""
    return text if text.isascii() else text.translate(_FOLD_TABLE)


def _fold_with_index(text: str) -> tuple[str, Sequence[int]]:
    """Fold ``text``; also return, for each folded character, the offset of its source character."""
    folded = _fold(text)
    uneven = set(text.translate(_UNEVEN_TABLE)) if not text.isascii() else set()
    if not uneven:
        return folded, range(len(text))
    index: list[int] = []
    previous = 0
    for i, ch in enumerate(text):
        if ch in uneven:
            index.extend(range(previous, i))
            index.extend([i] * len(_fold_char(ch)))
            previous = i + 1
    index.extend(range(previous, len(text)))
    return folded, index


# --- rules -----------------------------------------------------------------------------------


@functools.cache
def _rules() -> _Rules:
    """The rules of :data:`FURNITURE_PATH`, compiled once."""
    return _load_rules(FURNITURE_PATH)


def _load_rules(path: Path) -> _Rules:
    """Read and compile the furniture rules of ``path``.

    The shipped file's expressions (folded, their phrases joined) are worked out once and kept compiled
    (:func:`geo.text.compiled_data.compiled`, again when the file or this code changes): a fresh process only
    compiles them.
    """
    if is_shipped(path):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GeoStoryError(f"cannot read the furniture rules {path}: {exc}".replace("\n", " ")) from exc
        code = code_stamp(__name__)
        sources = compiled("furniture-rules", stamp=code and f"{code}\n{text}", build=lambda: _sources(path))
    else:
        sources = _sources(path)
    try:
        return _Rules(
            read_also=_compile(sources["read_also"]),
            read_also_inline=_compile(sources["read_also_inline"]),
            tail=_compile(sources["tail"]),
            line=tuple(map(_compile, sources["line"])),
        )
    except re.error as exc:
        raise GeoStoryError(f"furniture rules {path}: bad pattern {exc.pattern!r}: {exc}") from exc


def _sources(path: Path) -> dict[str, Any]:
    """The furniture rules of ``path`` as the sources of their expressions, checked (:func:`_load_rules`)."""
    try:
        raw = load_yaml(path, loader=_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise GeoStoryError(f"cannot read the furniture rules {path}: {exc}".replace("\n", " ")) from exc
    if not isinstance(raw, dict):
        raise GeoStoryError(f"furniture rules {path}: expected a mapping of groups {_GROUPS}")
    groups = {name: _group(raw, name, path) for name in _GROUPS}
    read_also = _phrase_alternation(groups["read_also"][0])
    tail = _join([_phrase_alternation(groups["tail"][0]), *map(_fold, groups["tail"][1])])
    return {
        "read_also": _LEAD + read_also + _TRAIL,
        "read_also_inline": _LEAD + read_also + _INLINE_SEPARATOR,
        "tail": _LEAD + tail + _TRAIL,
        "line": [_LEAD + _phrase_alternation(groups["line"][0]) + _TRAIL, *map(_fold, groups["line"][1])],
    }


def _group(raw: dict[str, Any], name: str, path: Path) -> tuple[list[str], list[str]]:
    """Return the phrases and patterns of group ``name``, checked."""
    group = raw.get(name) or {}
    if not isinstance(group, dict):
        raise GeoStoryError(f"furniture rules {path}: group {name!r} must be a mapping")
    lists: list[list[str]] = []
    for key in ("phrases", "patterns"):
        items = group.get(key) or []
        if not isinstance(items, list) or not all(isinstance(item, str) and item.strip() for item in items):
            raise GeoStoryError(f"furniture rules {path}: {name}.{key} must be a list of non-empty strings")
        lists.append(items)
    return lists[0], lists[1]


def _phrase_alternation(phrases: list[str]) -> str:
    """One regular expression matching any of ``phrases`` (folded, spaces flexible)."""
    bodies = {r"\s+".join(re.escape(token) for token in _fold(phrase).split()) for phrase in phrases}
    if not bodies:
        return _join([])
    # Longest first, so that "Share this article" wins over "Share". A phrase has no "|" of its own: the
    # alternatives need no group each (the same expression, a quarter shorter to compile).
    return "(?:" + "|".join(sorted(bodies, key=lambda body: (-len(body), body))) + ")"


def _join(alternatives: list[str]) -> str:
    """Join regular expressions into one non-capturing alternation (one that never matches when empty)."""
    if not alternatives:
        return "(?!)"
    return "(?:" + "|".join(f"(?:{alternative})" for alternative in alternatives) + ")"


def _compile(pattern: str) -> re.Pattern[str]:
    """Compile a folded pattern, ignoring case."""
    return re.compile(pattern, re.IGNORECASE)
