"""What the educator uploads: articles (files or pasted text) and a ``story.json``, vetted before use.

:func:`check_upload` vets one uploaded article (type, size, empty, binary,
encoding); :func:`read_uploads` reads uploads and pasted text exactly as the
command line reads files, with the same limits (:class:`~geo.settings.LimitsSettings`: file size, line
length); :func:`story_from_bytes` loads a ``story.json`` with :func:`~geo.story.document.load_story`'s checks
and limits (size, stops). A file that cannot be used
raises :class:`UploadError` with a one-line message, and the current story is
kept.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from geo.errors import GeoStoryError, InputError
from geo.model import Article
from geo.settings import LimitsSettings
from geo.story.document import StoryDoc, load_story
from geo.text.reading import DEFAULT_MAX_BYTES, decode_bytes, read_article_file

__all__ = [
    "ARTICLE_TYPES",
    "MAX_UPLOAD_BYTES",
    "UploadError",
    "check_upload",
    "read_uploads",
    "reading_deadline",
    "story_from_bytes",
]

#: Largest article or story file accepted (bytes), the same limit as the command line.
MAX_UPLOAD_BYTES = DEFAULT_MAX_BYTES
#: Article file types the uploader accepts (without the dot).
ARTICLE_TYPES = ("txt", "md", "html", "htm")

_SAFE_NAME = re.compile(r"[^\w.\-]+", re.UNICODE)


class UploadError(InputError):
    """An uploaded file that cannot be used (one-line message); the story is unchanged."""


def _safe_name(name: str, fallback: str) -> str:
    """A file name safe to write in a temporary folder: no folders, only word characters, dots and dashes."""
    base = Path(str(name or "")).name
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    stem = _SAFE_NAME.sub("_", stem).strip("._")[:80] or fallback
    return f"{stem}{suffix}"


def check_upload(name: str, data: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES) -> str:
    """Vet an uploaded article: its type, size, emptiness and encoding; returns its text.

    Raises
    ------
    UploadError
        With a one-line message naming the file (wrong type, empty, over
        ``max_bytes``, binary, or not UTF-8/UTF-16/Windows-1256 text).
    """
    shown = Path(str(name or "upload")).name or "upload"
    suffix = Path(shown).suffix.lower().lstrip(".")
    if suffix not in ARTICLE_TYPES:
        raise UploadError(f"{shown}: not an article file (.{', .'.join(ARTICLE_TYPES)})")
    if len(data) > max_bytes:
        raise UploadError(f"{shown}: {len(data):,} bytes, over the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise UploadError(f"{shown}: empty file")
    try:
        return decode_bytes(data, source=shown)
    except GeoStoryError as exc:
        raise UploadError(str(exc)) from exc


def read_uploads(
    files: Sequence[tuple[str, bytes]],
    pasted: str = "",
    *,
    progress: Callable[[str], None] | None = None,
    max_bytes: int | None = None,
    limits: LimitsSettings | None = None,
) -> list[Article]:
    """The articles of uploaded files and pasted text, read exactly as the command line reads files.

    Every file is checked (:func:`check_upload`) before any is read; they are
    written to a private temporary folder and read with
    :func:`~geo.text.reading.read_article_file`.

    Parameters
    ----------
    files:
        ``(file name, bytes)`` pairs.
    pasted:
        Text pasted by the user (an article of its own, ``pasted.txt``).
    progress:
        Called with each file's name before it is checked.
    max_bytes:
        Largest file accepted (default ``limits.max_article_bytes``).
    limits:
        The command line's limits (default :class:`~geo.settings.LimitsSettings`).

    Raises
    ------
    UploadError
        When there is nothing to read or a file cannot be used.
    """
    limits = limits or LimitsSettings()
    max_bytes = limits.max_article_bytes if max_bytes is None else max_bytes
    items = list(files)
    if pasted and pasted.strip():
        items.append(("pasted.txt", pasted.encode("utf-8")))
    if not items:
        raise UploadError("no article: upload a file or paste some text")
    for name, data in items:
        if progress is not None:
            progress(Path(str(name)).name)
        check_upload(name, data, max_bytes=max_bytes)
    articles: list[Article] = []
    with tempfile.TemporaryDirectory(prefix="geostory-upload-") as tmp:
        seen: set[str] = set()
        for number, (name, data) in enumerate(items, start=1):
            safe = _safe_name(name, f"article{number}")
            if safe.lower() in seen:
                safe = f"{number:03d}_{safe}"
            seen.add(safe.lower())
            path = Path(tmp) / safe
            path.write_bytes(data)
            try:
                articles.extend(read_article_file(path, max_bytes=max_bytes, limits=limits))
            except GeoStoryError as exc:
                raise UploadError(str(exc)) from exc
    return articles


def reading_deadline(
    total: int,
    *,
    seconds: float,
    on_step: Callable[[int, float], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Callable[[int], None]:
    """A ``progress`` callback for :meth:`~geo.pipeline.Pipeline.run` that stops the reading after ``seconds``.

    Each call reports ``(articles read, seconds left)`` to ``on_step`` (the presenter's progress bar says
    it), then raises when the time is up: the reading stops between two articles, never silently.

    Raises
    ------
    UploadError
        From the callback, when ``seconds`` have passed since the deadline was made.
    """
    start = clock()

    def step(done: int) -> None:
        left = seconds - (clock() - start)
        if on_step is not None:
            on_step(done, max(left, 0.0))
        if left <= 0 and done < total:
            raise UploadError(
                f"reading stopped after {seconds:g} s with {done} of {total} articles read: upload fewer or smaller"
                " articles, or use the command line (python -m geo build), which has no deadline"
            )

    return step


def story_from_bytes(
    data: bytes, *, name: str = "story.json", max_bytes: int | None = None, limits: LimitsSettings | None = None
) -> StoryDoc:
    """A ``story.json`` upload, validated exactly as :func:`~geo.story.document.load_story` validates a file.

    ``max_bytes`` defaults to ``limits.max_story_bytes`` (``limits``: :class:`~geo.settings.LimitsSettings`).

    Raises
    ------
    UploadError
        When it is too large, not JSON or not a valid story (one line).
    """
    shown = _safe_name(name, "story") or "story.json"
    limits = limits or LimitsSettings()
    max_bytes = limits.max_story_bytes if max_bytes is None else max_bytes
    if len(data) > max_bytes:
        raise UploadError(f"{shown}: {len(data):,} bytes, over the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise UploadError(f"{shown}: empty file")
    with tempfile.TemporaryDirectory(prefix="geostory-story-") as tmp:
        path = Path(tmp) / shown
        path.write_bytes(data)
        try:
            return load_story(path, limits=limits)
        except GeoStoryError as exc:
            raise UploadError(str(exc)) from exc

