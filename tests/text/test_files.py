"""Tests of :mod:`geo.text.files`: names that cannot be decoded, files that are not regular."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

from geo.errors import InputError, SkippedInputWarning
from geo.text.files import name_decodes, open_regular, shown_name, with_readable_names


def _undecodable(folder: Path, raw: bytes) -> Path:
    """A file whose name is the bytes ``raw`` (not valid UTF-8), made through the bytes interface."""
    path = os.path.join(os.fsencode(folder), raw)
    with open(path, "wb") as handle:
        handle.write("وصل إلى دمشق.".encode())
    return Path(os.fsdecode(path))


@pytest.mark.parametrize(
    ("raw", "shown"),
    [(b"caf\xe9.txt", "caf\\xe9.txt"), (b"\xff\xfe.md", "\\xff\\xfe.md"), (b"\xd8\xa3\xff.txt", "أ\\xff.txt")],
)
def test_an_undecodable_name_is_shown_by_its_bytes(tmp_path: Path, raw: bytes, shown: str) -> None:
    path = _undecodable(tmp_path, raw)
    assert not name_decodes(path)
    assert shown_name(path) == shown


@pytest.mark.parametrize("name", ["a.txt", "مقال.txt", "\x1b]0;title\x07.txt", "\u202egnp.txt"])
def test_a_decodable_name_is_kept_as_it_is(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("x", encoding="utf-8")
    assert name_decodes(path) and shown_name(path) == name


def test_undecodable_names_are_skipped_one_warning_each(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("x", encoding="utf-8")
    bad = _undecodable(tmp_path, b"bad\xff.txt")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert with_readable_names([bad, good]) == [good]
    assert [(w.category, str(w.message)) for w in caught] == [
        (SkippedInputWarning, "bad\\xff.txt: skipped, its file name is not valid UTF-8")
    ]


def test_a_regular_file_opens(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc")
    fd = open_regular(path)
    try:
        assert os.read(fd, 10) == b"abc"
    finally:
        os.close(fd)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: os.mkfifo(p), "not a regular file"),  # opened it would wait for a writer
        (lambda p: p.mkdir(), "not a regular file"),
        (lambda p: None, "no such file or folder"),
        (lambda p: p.symlink_to(p.parent / "nowhere"), "no such file or folder"),
    ],
)
def test_anything_else_is_refused_without_waiting(tmp_path: Path, make, message: str) -> None:  # noqa: ANN001
    path = tmp_path / "a.txt"
    make(path)
    with pytest.raises(InputError, match=message):
        open_regular(path)
