"""The map's pinned files written to the app's static folder and loaded from there."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from geo.presenter.static import FRAME_PREFIX, SUBFOLDER, publish


@pytest.mark.parametrize(
    ("kind", "suffix"),
    [("text/javascript", ".js"), ("text/css", ".css")],
)
def test_data_url_becomes_a_static_file(tmp_path: Path, kind: str, suffix: str) -> None:
    data = b"/* a pinned file */"
    url = publish(f"data:{kind};base64,{base64.b64encode(data).decode()}", folder=tmp_path)
    assert url.startswith(f"{FRAME_PREFIX}{SUBFOLDER}/") and url.endswith(suffix)
    written = tmp_path / SUBFOLDER / url.rsplit("/", 1)[1]
    assert written.read_bytes() == data
    assert publish(f"data:{kind};base64,{base64.b64encode(data).decode()}", folder=tmp_path) == url  # same name


@pytest.mark.parametrize("url", ["https://example.org/x.js", "data:image/png;base64,AAAA", "data:,plain"])
def test_other_urls_are_left_alone(tmp_path: Path, url: str) -> None:
    assert publish(url, folder=tmp_path) == url
    assert not (tmp_path / SUBFOLDER).exists()
