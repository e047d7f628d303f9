"""A whole archive run in this process: journeys written, lists complete, a re-run reads only what changed."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from geo.archive.run import run_archive
from geo.errors import InputError
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive") / "news"
    shutil.copytree(BUNDLED, folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    return folder


def test_run_and_rerun(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_archive(archive, out=out, workers=0, progress=None)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert first.journeys == len(summary["journeys"]) >= 1
    accounted = {a for j in summary["journeys"] for a in j["articles"]}
    accounted |= {u["name"] for u in summary["no_journey"]} | {f["name"] for f in summary["failed"]}
    assert summary["articles"] == first.articles == len(accounted)
    assert any("broken" in f["name"] for f in summary["failed"])
    for journey in summary["journeys"]:
        assert (out / "journeys" / journey["journey"] / "story.html").is_file()
    assert "<script src=" not in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "journeys.parquet").stat().st_size > 0
    before = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and "readings" not in p.name}
    (archive / "new.txt").write_text("خبر قصير عن الطقس في المدينة اليوم دون أي رحلة.", encoding="utf-8")
    again = run_archive(archive, out=out, workers=0, progress=None)
    assert (again.read, again.cached) == (1, first.articles - 1)
    assert first.kept == 0 and again.kept >= first.journeys  # unchanged journeys are not told again
    after = {p: p.read_bytes() for p in before}
    assert [
        p.name for p in before if before[p] != after[p] and p.name != "summary.json" and p.name != "index.html"
    ] == []


def test_a_changed_journey_is_told_again(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_archive(archive, out=out, workers=0, progress=None)
    story = next((out / "journeys").glob("*/story.json"))
    written = story.read_bytes()
    shutil.rmtree(story.parent)  # removed by hand: its journey is told again, the others are kept
    again = run_archive(archive, out=out, workers=0, progress=None)
    assert story.read_bytes() == written
    third = run_archive(archive, out=out, workers=0, progress=None)
    assert first.kept == 0 and third.kept == again.kept + 1


def test_out_inside_the_archive_is_refused(archive: Path) -> None:
    with pytest.raises(InputError, match="outside"):
        run_archive(archive, out=archive / "out", workers=0, progress=None)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "lines"), [(io.StringIO, 1), (_Terminal, 1)])
def test_progress(archive: Path, tmp_path: Path, stream: type, lines: int) -> None:
    """A bar redrawn in place on a terminal (done / met, rate); one summary line otherwise."""
    out = stream()
    run_archive(archive, out=tmp_path / "out", workers=0, progress=out)
    text = out.getvalue()
    assert text.count("\n") == lines and "articles/s" in text
    assert ("\r" in text) is (stream is _Terminal)
