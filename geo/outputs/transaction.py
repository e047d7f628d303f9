"""Writing a set of outputs as one transaction: OUT always holds one complete build, old or new.

A build (or a render) writes every output into a fresh sibling folder
``.OUT.geo-tmp-XXXXXXXX`` on the same filesystem, records what it wrote in
``.geostory-manifest.json`` (file names and SHA-256, tool version), carries the
user's own files over by hard link, and then switches the folder into place:

- on Linux with one ``renameat2(RENAME_EXCHANGE)``, so OUT is never missing
  nor mixed whatever kills the process;
- elsewhere with two renames (OUT to ``.OUT.geo-old-XXXXXXXX``, the new folder
  to OUT); a run killed between them leaves OUT missing, and the next start
  renames the old folder back (the recovery rule).

Never touched: a file in OUT that no manifest lists (a user's ``notes.txt``
is carried over as the same file, by hard link; a user's ``story.html`` is
refused with one line naming it), nor a folder holding an input. The next
start cleans what a killed run left: sibling temporary folders (any user
file found there and missing from OUT is moved back first) and stale
``.story.gpkg.XXXXXXXX`` work folders. Everything under one lock on OUT's
parent folder (``flock``), so two runs into the same OUT take turns.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import json
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from geo import __version__
from geo.errors import InputError, OutputConflictError, OutputError

__all__ = ["MANIFEST_NAME", "OUTPUT_NAMES", "check_out", "read_manifest", "write_output_set"]

#: The file listing what the tool wrote in OUT.
MANIFEST_NAME = ".geostory-manifest.json"
#: Every file a build writes (a render writes all but ``story.json``).
OUTPUT_NAMES = (
    "story.json",
    "story.geojson",
    "story.html",
    "story.gpkg",
    "story.kml",
    "storymap.json",
    "stops.csv",
    "story.pptx",
    "story.pdf",
)
_TOOL = "geostory"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_STALE_WORK = re.compile(r"^\.(" + "|".join(re.escape(n) for n in OUTPUT_NAMES) + r")\.[A-Za-z0-9_]{8}$")


def _sibling_pattern(out: Path) -> re.Pattern[str]:
    """The names of the temporary siblings of ``out`` (``.OUT.geo-tmp-X`` and ``.OUT.geo-old-X``)."""
    return re.compile(r"^\." + re.escape(out.name) + r"\.geo-(tmp|old)-[0-9a-f]{8}$")


# --- what is ours ----------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(out: Path) -> dict[str, str]:
    """The files the tool wrote in ``out`` with their SHA-256 (empty when there is no manifest).

    Raises
    ------
    OutputConflictError
        When ``out`` holds a ``.geostory-manifest.json`` that is not one of ours.
    """
    path = Path(out) / MANIFEST_NAME
    if not path.exists() and not path.is_symlink():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() and not path.is_symlink() else None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        data = None
    files = data.get("files") if isinstance(data, dict) and data.get("tool") == _TOOL else None
    if not isinstance(files, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        raise OutputConflictError(f"{path} is not a geostory manifest; move it away or choose another --out")
    return {name: digest for name, digest in files.items() if name in OUTPUT_NAMES}


def _check_ours(out: Path, names: Sequence[str]) -> dict[str, str]:
    """Refuse when a file the run would replace was not written by the tool (or was changed since)."""
    manifest = read_manifest(out)
    for name in names:
        path = out / name
        if not path.exists() and not path.is_symlink():
            continue
        if name not in manifest:
            raise OutputConflictError(
                f"{path} was not written by geostory (no manifest lists it); move it away or choose another --out"
            )
        if path.is_symlink() or not path.is_file() or _sha256(path) != manifest[name]:
            raise OutputConflictError(
                f"{path} was changed since geostory wrote it; move it away or choose another --out"
            )
    return manifest


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_out(
    out: Path, *, inputs: Sequence[Path] = (), reads: Sequence[Path] = (), names: Sequence[str] = OUTPUT_NAMES
) -> Path:
    """Refuse an output folder that would touch an input or a file the tool did not write.

    Parameters
    ----------
    out:
        The output folder (``--out``).
    inputs:
        The articles the run reads (files or folders): the folder holding each (a folder
        input: itself) must neither be ``out``, nor hold it, nor lie inside it.
    reads:
        Other files the run reads (a render's ``story.json``): ``out`` must not hold them.
    names:
        The files the run writes.

    Returns
    -------
    Path
        ``out``, resolved (a symbolic link to a folder: the folder); what a killed run
        left next to it and inside it is cleaned first.

    Raises
    ------
    InputError
        When ``out`` touches an input so, or is not a folder.
    OutputConflictError
        When ``out`` holds a file of ``names`` no manifest lists, or changed since.
    """
    target = Path(out).resolve()
    for given in [*inputs, *reads]:
        path = Path(given).resolve()
        if not path.exists():
            continue  # nothing to protect; the reader says it is missing
        holder = path if path.is_dir() else path.parent
        if _inside(holder, target) or (given not in reads and _inside(target, holder)):
            raise InputError(f"--out {out} must not be, hold or lie inside the folder of an input ({given})")
    if target.parent.is_dir():
        try:
            with _locked(target.parent):
                _recover(target)
        except OSError as exc:
            raise OutputError(f"cannot clean what a killed run left next to {out}: {exc.strerror or exc}") from exc
    if target.exists() and not target.is_dir():
        raise InputError(f"--out {out} is not a folder")
    if target.is_dir():
        _check_ours(target, names)
    return target


# --- the switch --------------------------------------------------------------------------------


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2``); ``False`` where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2  # the C library the interpreter runs on
    except (OSError, AttributeError, TypeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _switch(staging: Path, out: Path) -> Path | None:
    """Put ``staging`` in ``out``'s place; returns where the previous ``out`` now is (``None``: there was none)."""
    if not out.exists():
        os.rename(staging, out)
        return None
    if _exchange(staging, out):
        return staging
    old = out.parent / f".{out.name}.geo-old-{secrets.token_hex(4)}"
    os.rename(out, old)  # killed here: OUT is missing, the next start renames `old` back
    os.rename(staging, out)
    return old


def _carry(source: Path, target: Path) -> None:
    """Recreate the user's entry ``source`` at ``target``: files by hard link (else a copy), folders entry by entry."""
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
    elif source.is_dir():
        target.mkdir(mode=stat.S_IMODE(source.stat().st_mode))
        for child in sorted(source.iterdir()):
            _carry(child, target / child.name)
        shutil.copystat(source, target)
    else:
        try:
            os.link(source, target, follow_symlinks=False)
        except OSError:  # no hard links here (or not allowed): a copy keeps the content
            shutil.copy2(source, target, follow_symlinks=False)


def _foreign(folder: Path, ours: set[str]) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name not in ours and p.name != MANIFEST_NAME)


def _rescue(leftover: Path, out: Path) -> None:
    """Move back into ``out`` any user entry of ``leftover`` that ``out`` lacks, then delete ``leftover``."""
    if out.is_dir():
        for entry in _foreign(leftover, set(OUTPUT_NAMES)):
            if not (out / entry.name).exists() and not (out / entry.name).is_symlink():
                os.rename(entry, out / entry.name)
    shutil.rmtree(leftover)


def _recover(out: Path) -> None:
    """Clean what a killed run left next to and inside ``out`` (see the module's rules)."""
    pattern = _sibling_pattern(out)
    leftovers = sorted(p for p in out.parent.iterdir() if pattern.match(p.name) and p.is_dir() and not p.is_symlink())
    olds = [p for p in leftovers if ".geo-old-" in p.name]
    if olds and not out.exists():
        os.rename(olds[0], out)  # killed between the two renames: the old build comes back
        leftovers.remove(olds[0])
    for leftover in leftovers:
        _rescue(leftover, out)
    if out.is_dir():
        for stale in out.iterdir():
            if _STALE_WORK.match(stale.name) and not stale.is_symlink():
                shutil.rmtree(stale) if stale.is_dir() else stale.unlink()


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (released by the system if the process dies)."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        with contextlib.suppress(OSError, ImportError):  # a system or filesystem without locks: no lock
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _sync(folder: Path) -> None:
    """Flush ``folder``'s files and the folder itself to the disk."""
    for path in folder.iterdir():
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    _sync_folder(folder)


def _write_manifest(staging: Path) -> dict[str, str]:
    files = {p.name: _sha256(p) for p in sorted(staging.iterdir()) if p.name in OUTPUT_NAMES and p.is_file()}
    text = json.dumps({"tool": _TOOL, "version": __version__, "files": files}, indent=1, sort_keys=True) + "\n"
    (staging / MANIFEST_NAME).write_text(text, encoding="utf-8")
    return files


def _stage(out: Path, write: Callable[[Path], object], names: Sequence[str]) -> Path:
    """Write the outputs and the manifest into a fresh sibling of ``out``, then carry the user's files over."""
    staging = out.parent / f".{out.name}.geo-tmp-{secrets.token_hex(4)}"
    staging.mkdir(mode=0o777)
    try:
        write(staging)
        unexpected = [p.name for p in staging.iterdir() if p.name not in names]
        if unexpected:
            raise OutputError(f"the outputs wrote unexpected files: {', '.join(sorted(unexpected))}")
        _write_manifest(staging)
        if out.is_dir():
            shutil.copymode(out, staging)
            for entry in _foreign(out, set(read_manifest(out)) | set(names)):
                _carry(entry, staging / entry.name)
        _sync(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def write_output_set(out: Path, write: Callable[[Path], object], *, names: Sequence[str] = OUTPUT_NAMES) -> Path:
    """Write a set of outputs into ``out`` as one transaction.

    Parameters
    ----------
    out:
        The output folder; created (with its parents) when missing.
    write:
        Called with an empty folder, writes the outputs there (only files of ``names``).
    names:
        The files ``write`` writes; files of an earlier manifest not among them are
        dropped (they belonged to an older build), every other entry of ``out`` is kept.

    Returns
    -------
    Path
        ``out``, resolved.

    Raises
    ------
    OutputConflictError
        When ``out`` holds a file of ``names`` the tool did not write (nothing is written).
    OutputError
        When a file or the switch fails: ``out`` stays as it was.
    """
    out = Path(out).resolve()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with _locked(out.parent):
            _recover(out)
            if out.exists() and not out.is_dir():
                raise OutputError(f"{out} is not a folder")
            if out.is_dir():
                _check_ours(out, names)
            staging = _stage(out, write, names)
            try:
                previous = _switch(staging, out)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            if previous is not None:
                _rescue(previous, out)
            with contextlib.suppress(OSError):
                _sync_folder(out.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return out


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
