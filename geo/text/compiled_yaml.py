"""The project's YAML data files (word lists, rules) read through a compiled copy: parsed once, not every process.

Parsing YAML costs a few milliseconds a file in every process that reads it (``dates.yaml`` alone ~3 ms with
libyaml), for data that changes only when the file does. :func:`load_yaml` keeps, after a file's first parse,
its data as :mod:`marshal` bytes in a git-ignored folder (``data/cache``, or ``$GEOSTORY_CACHE_DIR``) under a
name carrying the SHA-256 of the file's text, the loader, this format's version and Python's; the next process
loads that copy instead (well under a millisecond). A changed file is parsed again at its first use, and its
older copies are removed then. Only the files of the project's ``data`` folder get a copy (any other file, a
test's or a user's, is parsed each time); where the folder cannot be written, where a copy is damaged, or
where the data holds a value marshal cannot keep (a date), the file is parsed as before: the same data.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from geo.atomic import write_bytes_atomic
from geo.errors import OutputError

__all__ = ["DATA_DIR", "cache_dir", "load_yaml"]

#: The project's data folder: the files under it get a compiled copy.
DATA_DIR = Path(__file__).resolve().parents[2] / "data"

_FORMAT = 1
_SUFFIX = ".yaml.marshal"
_VERSION = f"compiled-yaml {_FORMAT}; python {sys.version_info[0]}.{sys.version_info[1]}; marshal {marshal.version}"


def cache_dir() -> Path:
    """Where the compiled copies live: ``$GEOSTORY_CACHE_DIR``, else ``data/cache`` of the project."""
    override = os.environ.get("GEOSTORY_CACHE_DIR")
    return Path(override) if override else DATA_DIR / "cache"


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
        A fresh copy of the file's data at each call (a caller may change it).

    Raises
    ------
    OSError, UnicodeDecodeError, yaml.YAMLError
        As reading and parsing the file raise them.
    """
    source = Path(path)
    text = source.read_text(encoding="utf-8")
    if folder is None:
        if not source.resolve().is_relative_to(DATA_DIR):
            return yaml.load(text, Loader=loader)
        folder = cache_dir()
    stamp = hashlib.sha256(f"{_VERSION}; {loader.__module__}.{loader.__qualname__}\n{text}".encode()).hexdigest()
    head = f"{stamp}\n".encode()
    name = f"{source.parent.name}-{source.stem}".replace(".", "_")  # the file's copies: NAME.STAMP.yaml.marshal
    copy = folder / f"{name}.{stamp[:24]}{_SUFFIX}"
    try:
        blob = copy.read_bytes()
        if blob.startswith(head):
            return marshal.loads(memoryview(blob)[len(head) :])
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no copy yet, or an unreadable or damaged one: parsed again (and written again below)
    data = yaml.load(text, Loader=loader)
    _keep(data, head, copy)
    return data


def _keep(data: Any, head: bytes, copy: Path) -> None:
    """Write ``data``'s compiled copy, removing the file's older copies; nothing when it cannot be kept."""
    try:
        blob = head + marshal.dumps(data)
    except ValueError:
        return  # a value marshal cannot keep (a date): the file is parsed each time
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(copy, blob)
        for old in copy.parent.glob(f"{copy.name.split('.', 1)[0]}.*{_SUFFIX}"):
            if old.name != copy.name:
                old.unlink(missing_ok=True)
    except (OSError, OutputError):
        pass  # a folder that cannot be written: parsed each time, the same data
