"""Tests of :mod:`geo.outputs.transaction`: OUT holds one complete build, old or new, and the user's files stay."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.cli import main
from geo.errors import InputError, OutputConflictError, OutputError
from geo.outputs import transaction
from geo.outputs.transaction import MANIFEST_NAME, OUTPUT_NAMES, check_out, read_manifest, write_output_set
from tests.conftest import ROOT


def _writer(tag: str, names: tuple[str, ...] = OUTPUT_NAMES):  # noqa: ANN202
    """A stand-in for the outputs: each file says which build wrote it."""

    def write(folder: Path) -> None:
        for name in names:
            (folder / name).write_text(f"{tag} {name}\n", encoding="utf-8")

    return write


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _siblings(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def _consistent(out: Path) -> dict[str, str]:
    """The manifest of ``out``, after checking every file it lists is there with its digest."""
    manifest = read_manifest(out)
    assert sorted(manifest) == sorted(OUTPUT_NAMES)
    for name, digest in manifest.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
    return manifest


def test_a_fresh_folder_gets_the_outputs_and_a_manifest(tmp_path: Path) -> None:
    out = write_output_set(tmp_path / "a" / "out", _writer("new"))
    assert sorted(p.name for p in out.iterdir()) == sorted([*OUTPUT_NAMES, MANIFEST_NAME])
    data = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert data["tool"] == "geostory" and data["version"]
    assert _consistent(out) == data["files"]
    assert _siblings(out) == []


def test_a_rebuild_keeps_the_users_files_as_they_were(tmp_path: Path) -> None:
    out = write_output_set(tmp_path / "out", _writer("old"))
    notes = out / "notes.txt"
    notes.write_text("mine\n", encoding="utf-8")
    (out / "pictures").mkdir()
    (out / "pictures" / "a.png").write_bytes(b"\x89PNG")
    (out / "link").symlink_to("notes.txt")
    before = notes.stat()
    write_output_set(out, _writer("new"))
    after = notes.stat()
    assert (after.st_ino, after.st_mtime_ns, notes.read_text(encoding="utf-8")) == (
        before.st_ino,
        before.st_mtime_ns,
        "mine\n",
    )
    assert (out / "pictures" / "a.png").read_bytes() == b"\x89PNG"
    assert os.readlink(out / "link") == "notes.txt"
    assert (out / "story.html").read_text(encoding="utf-8") == "new story.html\n"
    assert _siblings(out) == []


@pytest.mark.parametrize(
    ("prepare", "named"),
    [
        pytest.param(
            lambda out: (out / "story.html").write_text("my page", encoding="utf-8"), "story.html", id="no manifest"
        ),
        pytest.param(
            lambda out: (
                write_output_set(out, _writer("old")),
                (out / "stops.csv").write_text("edited", encoding="utf-8"),
            ),
            "stops.csv",
            id="changed since",
        ),
        pytest.param(
            lambda out: (out / MANIFEST_NAME).write_text('{"files": {}}', encoding="utf-8"),
            MANIFEST_NAME,
            id="not our manifest",
        ),
        pytest.param(lambda out: (out / "story.kml").symlink_to("/etc/hostname"), "story.kml", id="a link"),
    ],
)
def test_a_file_the_tool_did_not_write_is_refused_and_nothing_changes(tmp_path: Path, prepare, named: str) -> None:  # noqa: ANN001
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    prepare(out)
    before = _snapshot(out)
    with pytest.raises(OutputConflictError, match=named.replace(".", r"\.")):
        write_output_set(out, _writer("new"))
    with pytest.raises(OutputConflictError):
        check_out(out, inputs=[])
    assert _snapshot(out) == before and _siblings(out) == []


@pytest.mark.parametrize(
    "failure", [OutputError("disk full"), OSError(28, "No space left on device"), KeyboardInterrupt()]
)
def test_a_failure_mid_way_leaves_the_old_build(tmp_path: Path, failure: BaseException) -> None:
    out = write_output_set(tmp_path / "out", _writer("old"))
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    before = _snapshot(out)

    def write(folder: Path) -> None:
        (folder / "story.json").write_text("new", encoding="utf-8")
        raise failure

    with pytest.raises((OutputError, KeyboardInterrupt)):
        write_output_set(out, write)
    assert _snapshot(out) == before and _siblings(out) == []


def test_a_failure_on_a_fresh_folder_creates_nothing(tmp_path: Path) -> None:
    def write(folder: Path) -> None:
        (folder / "story.json").write_text("new", encoding="utf-8")
        raise OutputError("disk full")

    with pytest.raises(OutputError):
        write_output_set(tmp_path / "out", write)
    assert list(tmp_path.iterdir()) == []


def test_an_unexpected_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="unexpected"):
        write_output_set(tmp_path / "out", lambda folder: (folder / "other.txt").write_text("x", encoding="utf-8"))
    assert list(tmp_path.iterdir()) == []


def test_outputs_of_an_older_build_not_written_again_are_dropped(tmp_path: Path) -> None:
    out = write_output_set(tmp_path / "out", _writer("build"))
    render = tuple(n for n in OUTPUT_NAMES if n != "story.json")
    write_output_set(out, _writer("render", render), names=render)
    assert not (out / "story.json").exists()
    assert sorted(read_manifest(out)) == sorted(render)


def test_the_next_start_cleans_what_a_killed_run_left(tmp_path: Path) -> None:
    out = write_output_set(tmp_path / "out", _writer("old"))
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    staged = tmp_path / ".out.geo-tmp-0123abcd"  # a run killed while writing (links of the user's files in it)
    staged.mkdir()
    (staged / "story.json").write_text("half", encoding="utf-8")
    os.link(out / "notes.txt", staged / "notes.txt")
    swapped = tmp_path / ".out.geo-tmp-4567cdef"  # a run killed right after the swap, before it cleaned
    swapped.mkdir()
    (swapped / "late.txt").write_text("made during the swap", encoding="utf-8")
    (out / ".story.gpkg.ab12cd34").mkdir()  # an older version's GeoPackage work folder
    (out / ".story.json.x1y2z3w4").write_text("half", encoding="utf-8")
    unrelated = tmp_path / ".out.geo-tmp-notours"
    unrelated.mkdir()
    write_output_set(out, _writer("new"))
    assert _siblings(out) == [".out.geo-tmp-notours"]
    assert sorted(p.name for p in out.iterdir()) == sorted([*OUTPUT_NAMES, MANIFEST_NAME, "late.txt", "notes.txt"])
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_without_an_exchange_two_renames_and_the_recovery_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transaction, "_exchange", lambda first, second: False)
    out = write_output_set(tmp_path / "out", _writer("old"))
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    write_output_set(out, _writer("new"))
    assert (out / "story.json").read_text(encoding="utf-8") == "new story.json\n"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine" and _siblings(out) == []
    os.rename(out, tmp_path / ".out.geo-old-89abcdef")  # killed between the two renames: OUT is missing
    write_output_set(out, _writer("newer"))
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine" and _siblings(out) == []
    assert (out / "story.json").read_text(encoding="utf-8") == "newer story.json\n"


def test_the_exchange_swaps_two_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x").write_text("a", encoding="utf-8")
    if not transaction._exchange(tmp_path / "a", tmp_path / "b"):
        pytest.skip("no renameat2 on this system")
    assert (tmp_path / "b" / "x").read_text(encoding="utf-8") == "a" and not (tmp_path / "a" / "x").exists()


def test_a_link_to_a_folder_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    write_output_set(tmp_path / "link", _writer("new"))
    assert (tmp_path / "link").is_symlink() and (real / "story.json").exists()


@pytest.mark.parametrize(
    ("given", "out", "kind"),
    [
        ("in/a.txt", "in", "inputs"),
        ("in/a.txt", "in/sub", "inputs"),
        ("in/a.txt", ".", "inputs"),
        ("in", "in", "inputs"),
        ("in", "in/sub/deeper", "inputs"),
        ("in", ".", "inputs"),
        ("in/story.json", "in", "reads"),
        ("in/story.json", ".", "reads"),
    ],
)
def test_out_must_not_touch_a_folder_holding_an_input(tmp_path: Path, given: str, out: str, kind: str) -> None:
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "story.json"):
        (tmp_path / "in" / name).write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="--out"):
        check_out(tmp_path / out, **{kind: [tmp_path / given]})
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["a.txt", "story.json"]


@pytest.mark.parametrize(
    ("given", "out", "kind"),
    [("in/a.txt", "out", "inputs"), ("in", "out/deeper", "inputs"), ("in/story.json", "in/site", "reads")],
)
def test_an_out_clear_of_the_inputs_is_fine(tmp_path: Path, given: str, out: str, kind: str) -> None:
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "story.json"):
        (tmp_path / "in" / name).write_text("x", encoding="utf-8")
    assert check_out(tmp_path / out, **{kind: [tmp_path / given]}) == (tmp_path / out).resolve()


def test_checking_the_folder_cleans_what_a_killed_run_left(tmp_path: Path) -> None:
    out = write_output_set(tmp_path / "out", _writer("old"))
    (tmp_path / ".out.geo-tmp-0123abcd").mkdir()
    (out / ".story.gpkg.ab12cd34").mkdir()
    check_out(out, inputs=[])
    assert _siblings(out) == [] and not (out / ".story.gpkg.ab12cd34").exists()


def test_an_out_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not a folder"):
        check_out(tmp_path / "file", inputs=[tmp_path / "in"])


# --- a real build, killed ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory, gazetteer) -> dict[str, object]:  # noqa: ANN001
    """An old build (three of the bundled articles) and the manifest of the new one (all of them)."""
    root = tmp_path_factory.mktemp("builds")
    few = root / "few"
    few.mkdir()
    for path in sorted((ROOT / "data" / "articles").iterdir())[:3]:
        shutil.copy(path, few / path.name)
    assert main(["build", str(few), "--out", str(root / "old")]) == 0
    assert main(["build", str(ROOT / "data" / "articles"), "--out", str(root / "new")]) == 0
    return {"old": root / "old", "manifests": [read_manifest(root / "old"), read_manifest(root / "new")]}


@pytest.mark.parametrize("delay", [0.0, 0.25, 0.6, 0.85])
def test_a_build_killed_at_any_moment_leaves_one_complete_build(tmp_path: Path, builds, delay: float) -> None:  # noqa: ANN001
    out = tmp_path / "out"
    shutil.copytree(builds["old"], out)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    argv = [sys.executable, "-m", "geo", "build", str(ROOT / "data" / "articles"), "--out", str(out)]
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while process.poll() is None and not _siblings(out) and time.monotonic() < deadline:
            time.sleep(0.001)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    assert _consistent(out) in builds["manifests"]  # old or new, every file of the same one
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert main(["build", str(ROOT / "data" / "articles"), "--out", str(out)]) == 0  # the next run
    assert _consistent(out) == builds["manifests"][1] and _siblings(out) == []
    assert sorted(p.name for p in out.iterdir()) == sorted([*OUTPUT_NAMES, MANIFEST_NAME, "notes.txt"])
