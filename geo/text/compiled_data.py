"""Data worked out once and kept compiled on disk: the project's YAML files, tables derived from the gazetteer.

Parsing a YAML word list costs a few milliseconds in every process that reads it (``dates.yaml`` alone ~3 ms
with libyaml), and a table derived from the gazetteer some more, for data that changes only when its inputs
do. :func:`compiled` keeps a value, the first time it is worked out, as :mod:`marshal` bytes in a git-ignored
folder (``data/cache``, or ``$GEOSTORY_CACHE_DIR``) under a name carrying the SHA-256 of a *stamp*: whatever
the value is worked out from (a file's text, an index's fingerprint, the code that derives it), this format's
version and Python's. The next process loads that copy instead (well under a millisecond); when the stamp
changes the value is worked out again and all but the newest few copies of that name are removed.
:func:`load_yaml` reads a YAML file so, the file's text its stamp; only the files of the project's ``data`` folder
get a copy (any other file, a test's or a user's, is parsed each time). Where the folder cannot be written, where a
copy is damaged, or where the value holds something marshal cannot keep (a date), the value is worked out as before:
the same. A copy is trusted as the checkout's own files are (marshal is not made for bytes from elsewhere): point
``$GEOSTORY_CACHE_DIR`` only at a folder no one else writes.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

from geo.atomic import write_bytes_atomic
from geo.errors import OutputError

__all__ = ["DATA_DIR", "cache_dir", "code_stamp", "compiled", "is_shipped", "load_yaml"]

#: The project's data folder: the YAML files under it get a compiled copy.
DATA_DIR = Path(__file__).resolve().parents[2] / "data"

_FORMAT = 1
_KEPT = 3  # the copies of one name a folder keeps (the newest)
_SUFFIX = ".marshal"
_VERSION = f"compiled-data {_FORMAT}; python {sys.version_info[0]}.{sys.version_info[1]}; marshal {marshal.version}"

T = TypeVar("T")


def cache_dir() -> Path:
    """Where the compiled copies live: ``$GEOSTORY_CACHE_DIR``, else ``data/cache`` of the project."""
    override = os.environ.get("GEOSTORY_CACHE_DIR")
    return Path(override) if override else DATA_DIR / "cache"


def is_shipped(path: str | Path) -> bool:
    """Whether ``path`` is one of the project's own data files (under :data:`DATA_DIR`): what gets a copy."""
    return Path(path).resolve().is_relative_to(DATA_DIR)


def code_stamp(*modules: str) -> str | None:
    """The SHA-256 of the source files of the (imported) ``modules``: the code a kept value is worked out by,
    for its stamp; ``None`` when one has no readable source file (the value is then worked out each time).

    Each file is read once a process, at the first stamp that names it (soon after its import): a long-lived
    process whose checkout changes on disk keeps stamping with the code it runs, not the new files'."""
    digests = [_source_digest(module) for module in modules]
    if None in digests:
        return None
    return hashlib.sha256("\n".join(str(d) for d in digests).encode()).hexdigest()


@lru_cache(maxsize=64)
def _source_digest(module: str) -> str | None:
    """The SHA-256 of an imported module's source file, read once a process (``None``: none readable)."""
    file = getattr(sys.modules.get(module), "__file__", None)
    if not file:
        return None
    try:
        return hashlib.sha256(Path(file).read_bytes()).hexdigest()
    except OSError:
        return None


def compiled(name: str, *, stamp: str | None, build: Callable[[], T], folder: Path | None = None) -> T:
    """The value ``build()`` works out, kept compiled: worked out once for each ``stamp``.

    Parameters
    ----------
    name:
        The value's name in its copy's file name (letters, digits, ``-`` and ``_``); one name a kind of value.
    stamp:
        Everything the value is worked out from, as text: a value is worked out again when it changes;
        ``None`` when that cannot be told (a :func:`code_stamp` without source): worked out, not kept.
    build:
        Works the value out (plain data: strings, numbers, lists, dicts, sets and the like).
    folder:
        Where the copies are kept (default :func:`cache_dir`).

    Returns
    -------
    Any
        A fresh copy of the value at each call (a caller may change it).
    """
    if stamp is None:
        return build()
    digest = hashlib.sha256(f"{_VERSION}\n{stamp}".encode()).hexdigest()
    head = f"{digest}\n".encode()
    copy = (folder or cache_dir()) / f"{name}.{digest[:24]}{_SUFFIX}"
    try:
        blob = copy.read_bytes()
        if blob.startswith(head):
            return marshal.loads(memoryview(blob)[len(head) :])
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no copy yet, or an unreadable or damaged one: worked out again (and written again below)
    value = build()
    _keep(value, head, copy, name)
    return value


def load_yaml(path: str | Path, *, loader: type, folder: Path | None = None) -> Any:
    """The data of the YAML file ``path``, as ``yaml.load(text, Loader=loader)`` gives it.

    Parameters
    ----------
    path:
        The YAML file (read as UTF-8 text, as :meth:`pathlib.Path.read_text` reads it).
    loader:
        The PyYAML loader class (``yaml.CSafeLoader``, ``yaml.SafeLoader``).
    folder:
        Where the compiled copies are kept; default :func:`cache_dir` for a file under :data:`DATA_DIR`, none
        (parsed each time) for any other file.

    Returns
    -------
    Any
        A fresh copy of the file's data at each call.

    Raises
    ------
    OSError, UnicodeDecodeError, yaml.YAMLError
        As reading and parsing the file raise them.
    """
    source = Path(path)
    text = source.read_text(encoding="utf-8")
    if folder is None:
        if not is_shipped(source):
            return yaml.load(text, Loader=loader)
        folder = cache_dir()
    name = f"yaml-{source.parent.name}-{source.stem}".replace(".", "_")
    stamp = f"{loader.__module__}.{loader.__qualname__}\n{text}"
    return compiled(name, stamp=stamp, build=lambda: yaml.load(text, Loader=loader), folder=folder)


def _keep(value: Any, head: bytes, copy: Path, name: str) -> None:
    """Write ``value``'s compiled copy, removing all but the newest few copies of ``name``; nothing when it cannot
    be kept."""
    try:
        blob = head + marshal.dumps(value)
    except ValueError:
        return  # a value marshal cannot keep (a date): worked out each time
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(copy, blob)
        copies = sorted(copy.parent.glob(f"{name}.*{_SUFFIX}"), key=lambda p: (p.stat().st_mtime_ns, p.name))
        for old in copies[:-_KEPT]:  # the newest few stay: checkouts of two versions sharing the folder
            old.unlink(missing_ok=True)  # do not remove each other's copy at every start
    except (OSError, OutputError):
        pass  # a folder that cannot be written: worked out each time, the same value
