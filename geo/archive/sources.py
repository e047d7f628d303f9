"""The articles of an archive, one at a time: a folder tree, a JSON-lines or Parquet file, or a glob of them.

Articles stream (nothing holds the whole archive); each is an
:class:`~geo.model.Article` or a :class:`Failed` naming what could not be read,
so that a bad file fails alone and is counted, never dropped.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from geo.errors import GeoStoryError, InputError
from geo.model import Article
from geo.settings import Settings
from geo.text.furniture import find_furniture
from geo.text.reading import ARTICLE_SUFFIXES, LANGUAGES, detect_language, read_article_file
from geo.text.sentences import break_long_lines, split_sentences

__all__ = ["RECORD_SUFFIXES", "Failed", "article_from_record", "iter_articles"]

#: Files of article records (one article a line or a row).
RECORD_SUFFIXES: tuple[str, ...] = (".jsonl", ".parquet")


@dataclass(frozen=True, slots=True)
class Failed:
    """An article that could not be read, and why."""

    name: str
    error: str


def iter_articles(source: str | Path, *, settings: Settings) -> Iterator[Article | Failed]:
    """Every article of ``source``, in a stable order (paths sorted, records in file order).

    Parameters
    ----------
    source:
        A folder (read recursively: article files and record files), a ``.jsonl`` or
        ``.parquet`` file of records, or a glob pattern of such files and folders.
    settings:
        The text and limits sections decide what an article's text is.

    Raises
    ------
    InputError
        When ``source`` names nothing.
    """
    source = Path(source)
    for path in _paths(source):
        shown = path.relative_to(source).as_posix() if source.is_dir() else path.name if source.is_file() else str(path)
        for item in _articles_of(path, settings=settings):
            if isinstance(item, Article):  # a folder tree may hold two files of one name: the path tells them apart
                item = replace(item, name=shown + item.name[len(path.name) :], path=None)
            yield item


def _paths(source: Path) -> list[Path]:
    """The files ``source`` names (folders walked), sorted by path."""
    if source.is_dir():
        files = [p for p in source.rglob("*") if _readable(p)]
        return sorted(files, key=lambda p: p.as_posix())
    if source.is_file():
        return [source]
    matches = sorted(glob.glob(str(source), recursive=True))
    if not matches:
        raise InputError(f"no such file, folder or pattern: {source}")
    found: list[Path] = []
    for match in matches:
        path = Path(match)
        found.extend(_paths(path) if path.is_dir() else [path] if _readable(path) else [])
    return sorted(set(found), key=lambda p: p.as_posix())


def _readable(path: Path) -> bool:
    """A visible article or record file (hidden files and folders are skipped)."""
    suffix = path.suffix.lower()
    hidden = any(part.startswith(".") for part in path.parts if part not in (".", ".."))
    return not hidden and suffix in (*ARTICLE_SUFFIXES, *RECORD_SUFFIXES) and path.is_file()


def _articles_of(path: Path, *, settings: Settings) -> Iterator[Article | Failed]:
    """The articles of one file; a file that cannot be read is one :class:`Failed`."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl(path, settings=settings)
    elif suffix == ".parquet":
        yield from _parquet(path, settings=settings)
    else:
        try:
            yield from read_article_file(path, settings=settings.text, limits=settings.limits)
        except GeoStoryError as exc:
            yield Failed(name=str(path), error=str(exc))


def _jsonl(path: Path, *, settings: Settings) -> Iterator[Article | Failed]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            name = f"{path.name}:{number}"
            try:
                record = json.loads(line)
                yield article_from_record(record, name=name, settings=settings)
            except (GeoStoryError, ValueError, TypeError) as exc:
                yield Failed(name=name, error=str(exc))


def _parquet(path: Path, *, settings: Settings) -> Iterator[Article | Failed]:
    import pyarrow.parquet as pq  # only for Parquet sources

    number = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            number += 1
            name = f"{path.name}:{number}"
            try:
                yield article_from_record(record, name=name, settings=settings)
            except (GeoStoryError, ValueError, TypeError) as exc:
                yield Failed(name=name, error=str(exc))


def article_from_record(record: Any, *, name: str, settings: Settings) -> Article:
    """An article from a record: ``text`` (required), ``published``, ``url``, ``source``, ``language``, ``title``.

    Raises
    ------
    InputError
        When the record is not an object, has no text, too long a text or an unknown language.
    ValueError
        When ``published`` is not an ISO date.
    """
    if not isinstance(record, dict):
        raise InputError(f"{name}: a record must be an object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{name}: no article text")
    if len(text.encode("utf-8", errors="replace")) > settings.limits.max_article_bytes:
        raise InputError(f"{name}: over the limit of {settings.limits.max_article_bytes} bytes")
    text = break_long_lines(text, max_chars=settings.limits.max_line_chars, source=name)
    language = _field(record, "language") or detect_language(text)
    language = language.split("-")[0].lower()
    if language not in LANGUAGES:
        raise InputError(f"{name}: language {language!r}, expected one of {', '.join(LANGUAGES)}")
    published = _field(record, "published")
    return Article(
        name=name,
        text=text,
        sentences=split_sentences(text),
        furniture=find_furniture(text, settings=settings.text),
        language=language,
        title=_field(record, "title"),
        url=_field(record, "url"),
        source=_field(record, "source"),
        published=dt.date.fromisoformat(published[:10]) if published else None,
    )


def _field(record: dict[str, Any], key: str) -> str | None:
    """A text field of a record (``None`` when missing or empty); dates and numbers as text."""
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
