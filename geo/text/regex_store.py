"""Regular expressions compiled once for all processes: the regex engine's program of each kept under ``data/regex``.

Python compiles a pattern in two steps: its parser and code generator
(pure Python, slow on the long alternations of the word lists: tens of
milliseconds a process) turn the text into a program of integers, and the
engine (``_sre``) builds the pattern object from that program at once.
:func:`compile_pattern` keeps the program of every pattern it compiles in
an append-only file (``data/regex`` or ``$GEOSTORY_REGEX_DIR``), keyed by a
digest of the pattern's text and flags, so a later process builds the same
pattern object straight from it: equal to what :func:`re.compile` gives (the
same text, flags and program), matching the same. The file's name carries
the interpreter's exact version and the engine's magic number, so another Python
never reads it; a record cut short (a process stopped while writing) ends
the reading there; a file grown past :data:`MAX_BYTES` (word lists edited
many times) is started afresh. Where the folder cannot be written, the
patterns are compiled as usual.
"""

from __future__ import annotations

import _sre
import array
import contextlib
import hashlib
import marshal
import os
import re
import sys
import threading
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["MAX_BYTES", "compile_pattern", "regex_dir", "store_path"]

#: A store grown past this many bytes is started afresh at its next new pattern.
MAX_BYTES = 8 * 1024 * 1024
_FORMAT = 1
#: The array type of the engine's code units (``_sre.CODESIZE`` bytes each).
_CODE = "I" if _sre.CODESIZE == 4 else "H"
_LOCK = threading.Lock()
#: The programs read or made by this process, by key; ``None`` until the store is first read.
_PROGRAMS: dict[bytes, tuple[Any, ...]] | None = None


def regex_dir() -> Path:
    """Where the store lives: ``$GEOSTORY_REGEX_DIR``, else ``data/regex`` of the project."""
    override = os.environ.get("GEOSTORY_REGEX_DIR")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "data" / "regex"


def store_path() -> Path:
    """The store of this interpreter and regex engine (``programs.cpython-311.30b07f0.20221023.v1.marshal``: its
    cache tag, exact version, the engine's magic number and the store's format)."""
    tag = sys.implementation.cache_tag
    return regex_dir() / f"programs.{tag}.{sys.hexversion:x}.{_sre.MAGIC}.v{_FORMAT}.marshal"


def _key(pattern: str, flags: int) -> bytes:
    digest = hashlib.blake2b(pattern.encode("utf-8", "surrogatepass"), digest_size=20)
    digest.update(flags.to_bytes(4, "little"))
    return digest.digest()


def _read(path: Path) -> dict[bytes, tuple[Any, ...]]:
    """Every whole record of the store at ``path`` (none when it is missing or unreadable): each record is its
    length (4 bytes, little-endian) and the marshalled key and program."""
    programs: dict[bytes, tuple[Any, ...]] = {}
    try:
        data = memoryview(path.read_bytes())
    except OSError:
        return programs
    at = 0
    while at + 4 <= len(data):
        end = at + 4 + int.from_bytes(data[at : at + 4], "little")
        if end > len(data):
            break  # cut short
        try:
            key, program = marshal.loads(data[at + 4 : end])
        except (EOFError, ValueError, TypeError):
            break
        programs[key] = program
        at = end
    return programs


def _append(path: Path, key: bytes, program: tuple[Any, ...]) -> None:
    """Add one record to the store (in one write, so processes writing at once never mix their records)."""
    body = marshal.dumps((key, program))
    record = len(body).to_bytes(4, "little") + body
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            if path.stat().st_size > MAX_BYTES:
                path.unlink()
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, record)
        finally:
            os.close(fd)


def _program(pattern: str, flags: int) -> tuple[Any, ...]:
    """What the engine builds ``pattern`` from: flags, program, groups and their names, as :mod:`re` makes them."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    names = dict(parsed.state.groupdict)
    by_index: list[str | None] = [None] * parsed.state.groups
    for name, index in names.items():
        by_index[index] = name
    program = array.array(_CODE, code).tobytes()  # kept as bytes: read back at once
    return (int(flags | parsed.state.flags), program, parsed.state.groups - 1, names, tuple(by_index))


def _built(pattern: str, program: tuple[Any, ...]) -> re.Pattern[str]:
    """The engine's pattern object of ``pattern`` from its stored program."""
    flags, code, groups, names, by_index = program
    return _sre.compile(pattern, flags, array.array(_CODE, code).tolist(), groups, names, by_index)  # type: ignore[no-any-return]


def compile_pattern(pattern: str, *, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, built from the stored program when an earlier process compiled it.

    Parameters
    ----------
    pattern:
        The regular expression.
    flags:
        :mod:`re` flags (``re.IGNORECASE``...).

    Raises
    ------
    re.error
        When ``pattern`` is not a regular expression (as :func:`re.compile`).
    """
    global _PROGRAMS
    flags = int(flags)
    key = _key(pattern, flags)
    with _LOCK:
        if _PROGRAMS is None:
            _PROGRAMS = _read(store_path())
        program = _PROGRAMS.get(key)
    if program is not None:
        try:
            return _built(pattern, program)
        except (RuntimeError, TypeError, ValueError):  # a record this engine refuses: compiled afresh below
            pass
    program = _program(pattern, flags)
    compiled = _built(pattern, program)
    with _LOCK:
        _PROGRAMS = _PROGRAMS if _PROGRAMS is not None else {}
        _PROGRAMS[key] = program
        _append(store_path(), key, program)
    return compiled
