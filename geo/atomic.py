"""Atomic file writing: a reader never sees half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from geo.errors import OutputError

__all__ = ["write_bytes_atomic", "write_text_atomic"]


def write_text_atomic(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8, line ends as given) to ``path`` through a temporary file renamed into place.

    Raises
    ------
    OutputError
        When the text cannot be encoded (a lone surrogate), the folder created or the file written.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeError as exc:
        raise OutputError(f"cannot write {path}: {exc}") from exc
    return write_bytes_atomic(path, data)


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file renamed into place (binary files: slides, PDF).

    Raises
    ------
    OutputError
        When the folder cannot be created or the file written.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc}") from exc
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
