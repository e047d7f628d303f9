"""Tests of :mod:`geo.atomic`: a reader never sees half a file, and a failure is one :class:`OutputError`."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from geo.atomic import write_text_atomic
from geo.errors import OutputError


@pytest.mark.parametrize("text", ["", "plain", "عربي\nسطر ثان", "x" * 100_000])
def test_writes_the_text_as_utf8_with_unix_newlines(tmp_path: Path, text: str) -> None:
    path = write_text_atomic(tmp_path / "deep" / "out.txt", text)
    assert path.read_bytes() == text.encode("utf-8")


def test_replaces_an_existing_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_the_file_has_ordinary_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        path = write_text_atomic(tmp_path / "out.txt", "x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize(
    "make_target",
    [
        pytest.param(lambda root: root / "file.txt" / "nested.txt", id="a file in the way"),
        pytest.param(lambda root: root, id="a folder in the way"),
    ],
)
def test_a_path_that_cannot_be_written_is_an_output_error(tmp_path: Path, make_target) -> None:  # noqa: ANN001
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError):
        write_text_atomic(make_target(tmp_path), "new")
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "x"


def test_text_that_cannot_be_encoded_is_an_output_error_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        write_text_atomic(tmp_path / "out.txt", "lone surrogate \ud800")
    assert list(tmp_path.iterdir()) == []
