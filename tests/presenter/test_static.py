"""The map's pinned files written to the app's static folder, joined, and loaded from there."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from geo.presenter.static import FRAME_PREFIX, SUBFOLDER, publish_bundle


def _data(kind: str, text: bytes) -> str:
    return f"data:{kind};base64,{base64.b64encode(text).decode()}"


@pytest.mark.parametrize(
    ("kind", "suffix", "joiner"),
    [("text/javascript", ".js", b"\n;\n"), ("text/css", ".css", b"\n")],
)
def test_data_urls_become_one_static_file(tmp_path: Path, kind: str, suffix: str, joiner: bytes) -> None:
    parts = [b"/* first pinned file */", b"/* second */"]
    ((name, url),) = publish_bundle([(f"part{i}", _data(kind, p)) for i, p in enumerate(parts)], folder=tmp_path)
    assert name == "part0"  # the bundle goes by its first file's name
    assert url.startswith(f"{FRAME_PREFIX}{SUBFOLDER}/") and url.endswith(suffix)
    written = tmp_path / SUBFOLDER / url.rsplit("/", 1)[1]
    assert written.read_bytes() == joiner.join(parts)  # in load order
    again = publish_bundle([(f"part{i}", _data(kind, p)) for i, p in enumerate(parts)], folder=tmp_path)
    assert again == [("part0", url)]  # the same file name again


@pytest.mark.parametrize("url", ["https://example.org/x.js", "data:image/png;base64,AAAA", "data:,plain"])
def test_other_urls_are_left_alone_in_their_place(tmp_path: Path, url: str) -> None:
    assert publish_bundle([("x", url)], folder=tmp_path) == [("x", url)]
    assert not (tmp_path / SUBFOLDER).exists()
    before, after = ("a", _data("text/javascript", b"a()")), ("b", _data("text/javascript", b"b()"))
    out = publish_bundle([before, ("x", url), after], folder=tmp_path)
    assert [n for n, _ in out] == ["a", "x", "b"] and out[0][1] != out[2][1]  # the order of loading is kept
