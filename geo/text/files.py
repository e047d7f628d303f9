"""Input file names and kinds: which names can be read and shown, which files are regular.

A file name is bytes: one that is not valid UTF-8 comes back from the system
with surrogates in it; :func:`shown_name` shows its bytes as ``\\xNN``, and
:func:`with_readable_names` skips such a file of a folder with a
:class:`~geo.errors.SkippedInputWarning`. :func:`open_regular` opens a
file without waiting on it, refusing FIFOs, devices and sockets.
"""

from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path

from geo.errors import InputError, SkippedInputWarning

__all__ = ["name_decodes", "open_regular", "shown_name", "with_readable_names"]


def shown_name(path: Path) -> str:
    """``path``'s name as it can be shown: an undecodable byte as ``\\xNN``."""
    return os.fsencode(path.name).decode("utf-8", errors="backslashreplace")


def name_decodes(path: Path) -> bool:
    """Tell whether ``path``'s name is valid UTF-8 (the system hands back undecodable bytes as surrogates)."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def with_readable_names(files: list[Path]) -> list[Path]:
    """The files whose names decode; each other one is skipped with a :class:`SkippedInputWarning`."""
    for file in files:
        if not name_decodes(file):
            warnings.warn(f"{shown_name(file)}: skipped, its file name is not valid UTF-8", SkippedInputWarning, 2)
    return [file for file in files if name_decodes(file)]


def open_regular(file: Path) -> int:
    """Open ``file`` for reading, refusing anything but a regular file without waiting on it (a FIFO)."""
    try:
        if not stat.S_ISREG(os.stat(file).st_mode):
            raise InputError(f"{file}: not a regular file")
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK)  # replaced by a FIFO meanwhile: no wait either
    except FileNotFoundError as exc:
        raise InputError(f"{file}: no such file or folder") from exc
    except OSError as exc:
        raise InputError(f"{file}: cannot be read ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InputError(f"{file}: not a regular file")
    return fd
