"""The command line: output formats, one-line errors, nothing half-written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli import main, printable
from geo.errors import OutputError
from tests.conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, cwd=ROOT, check=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("وصل الرئيس إلى مدينة حلب ثم توجه إلى دمشق.", encoding="utf-8")
    (folder / "b.md").write_text(
        "---\nlanguage: en\n---\nThe minister flew from Nairobi to Kampala.\n", encoding="utf-8"
    )
    return folder


def test_places_table(corpus: Path, capsys: pytest.CaptureFixture[str], gazetteer) -> None:  # noqa: ANN001
    assert main(["places", str(corpus)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[:4] == ["article", "start", "text", "place"]
    places = {line.split("\t")[3] for line in lines[1:]}
    assert {"Aleppo", "Damascus", "Nairobi", "Kampala"} <= places


def test_places_json(corpus: Path, capsys: pytest.CaptureFixture[str], gazetteer) -> None:  # noqa: ANN001
    assert main(["places", str(corpus / "a.txt"), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    aleppo = next(r for r in rows if r["place"] == "Aleppo")
    assert aleppo["article"] == "a.txt" and aleppo["text"] == "حلب"
    assert 0 < aleppo["confidence"] <= 1 and aleppo["place_type"] == "city"
    assert "وصل الرئيس إلى مدينة حلب".index("حلب") == aleppo["start"]


def test_places_all_lists_rejected_mentions(corpus: Path, capsys: pytest.CaptureFixture[str], gazetteer) -> None:  # noqa: ANN001
    (corpus / "c.txt").write_text("وقال الرئيس فلاديمير إن الاجتماع في حلب كان مهما.", encoding="utf-8")
    assert main(["places", str(corpus / "c.txt"), "--json", "--all"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert any(r["place"] is None for r in rows)


def test_places_lists_names_a_kind_noun_gives(corpus: Path, capsys: pytest.CaptureFixture[str], gazetteer) -> None:  # noqa: ANN001
    text = "وتفقد الوزير جسر الزهيرات الجديد ثم عاد إلى حلب مساء."
    (corpus / "d.txt").write_text(text, encoding="utf-8")
    assert main(["places", str(corpus / "d.txt"), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    named = next(r for r in rows if r["text"].startswith("جسر"))
    assert named["place"] is None and named["lat"] is None and "not placed" in named["reason"]
    assert named["start"] == text.index("جسر")
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)


def test_build_writes_geojson(corpus: Path, tmp_path: Path, gazetteer) -> None:  # noqa: ANN001
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out)]) == 0
    data = json.loads((out / "story.geojson").read_text(encoding="utf-8"))
    names = {f["properties"]["name"] for f in data["features"]}
    assert {"Aleppo", "Damascus", "Nairobi", "Kampala"} <= names
    hidden = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert hidden == [".geostory-manifest.json"]  # and no temporary file left
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing", "no such"),
        (lambda d: (d / "empty").mkdir() or d / "empty", "no article"),
        (lambda d: (d / "bin.txt").write_bytes(b"\x00\x01\x02\xff" * 50) and d / "bin.txt", "binary"),
        (
            lambda d: (d / "bad.md").write_text("---\ntitle: [\n---\nنص", encoding="utf-8") and d / "bad.md",
            "front matter",
        ),
    ],
)
def test_bad_input_is_one_line_and_non_zero(tmp_path: Path, setup, message: str) -> None:  # noqa: ANN001
    (tmp_path / "in").mkdir()
    path = setup(tmp_path / "in")
    out = tmp_path / "out"
    result = _run("build", str(path), "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error:")
    assert message in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_usage_errors_exit_non_zero() -> None:
    result = _run("build")
    assert result.returncode != 0 and "usage" in result.stderr


def test_a_closed_pipe_is_not_an_error(corpus: Path) -> None:
    """`places … | head -1`: more output than a pipe holds, and the reader leaves."""
    (corpus / "long.txt").write_text("وصل إلى دمشق ثم حلب.\n" * 5000, encoding="utf-8")
    script = f"import subprocess, sys; p = subprocess.Popen([sys.executable, '-m', 'geo', 'places', r'{corpus}'], stdout=subprocess.PIPE, stderr=subprocess.PIPE); p.stdout.readline(); p.stdout.close(); err = p.stderr.read().decode(); sys.exit(p.wait() * 10 + ('Traceback' in err))"  # noqa: E501
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=False, capture_output=True)
    assert result.returncode == 0


def test_out_must_not_be_the_articles_folder(corpus: Path) -> None:
    result = _run("build", str(corpus), "--out", str(corpus))
    assert result.returncode == 2 and "--out" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--geocoder-timeout", "5"], "needs an online geocoder"),  # not silently ignored
        (["--geocoder-cache", "c.sqlite"], "needs an online geocoder"),
        (["--user-agent", "geostory-tests/1.0"], "needs an online geocoder"),
        (["--geocoder", "nominatim", "--geocoder-timeout", "0"], "positive number of seconds"),
        (["--geocoder", "nominatim", "--geocoder-timeout", "-2.5"], "positive number of seconds"),
        (["--geocoder", "nominatim", "--geocoder-timeout", "nan"], "positive number of seconds"),
        (["--geocoder", "nominatim", "--geocoder-timeout", "inf"], "positive number of seconds"),
        (["--geocoder", "nominatim", "--geocoder-url", "https://nominatim.openstreetmap.org."], "user agent"),
        (["--geocoder", "photon", "--geocoder-url", "https://u@photon.komoot.io"], "user name or password"),
    ],
)
def test_bad_geocoder_options_are_one_line(corpus: Path, tmp_path: Path, capsys, options, message) -> None:  # noqa: ANN001
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), *options]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert not out.exists()


#: what building the parser may import of the geocoders: the package and its plain constants
PARSER_IMPORTS = {"geo.places.geocoders", "geo.places.geocoders.services"}


@pytest.mark.parametrize("command", [["--help"], ["build", "--help"], ["settings"]])
def test_the_parser_imports_no_geocoder(command: list[str]) -> None:
    """Building the parser (every command, ``--help`` too) imports neither geopy, requests nor the gazetteer."""
    argv = [sys.executable, "-X", "importtime", "-m", "geo", *command]
    result = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    heavy = {m for m in imported if m.split(".")[0] in ("geopy", "requests", "urllib3", "numpy")}
    heavy |= {m for m in imported if m.startswith(("geo.places.gazetteer", "geo.places.geocoders"))}
    assert heavy - PARSER_IMPORTS == set()
    assert "geo.cli" in imported  # the import log was read


# --- issue 11: never touch what is not ours; one transaction; names shown safely ----------------


def _one_error_line(err: str, *words: str) -> None:
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    for word in words:
        assert word in err


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built(corpus: Path, tmp_path: Path, gazetteer) -> Path:  # noqa: ANN001
    """A folder holding a good build of ``corpus``."""
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize("out", [".", "sub", "sub/deeper"])
def test_build_of_one_file_never_writes_beside_it(corpus: Path, capsys, out: str) -> None:  # noqa: ANN001
    (corpus / "story.html").write_text("<p>my own page</p>", encoding="utf-8")
    before = _snapshot(corpus)
    assert main(["build", str(corpus / "a.txt"), "--out", str(corpus / out)]) == 2
    _one_error_line(capsys.readouterr().err, "--out")
    assert _snapshot(corpus) == before and sorted(p.name for p in corpus.iterdir()) == ["a.txt", "b.md", "story.html"]


@pytest.mark.parametrize("out", [".", "..", "sub"])
def test_build_of_a_folder_never_writes_in_or_around_it(corpus: Path, capsys, out: str) -> None:  # noqa: ANN001
    before = _snapshot(corpus.parent)
    assert main(["build", str(corpus), "--out", str(corpus / out)]) == 2
    _one_error_line(capsys.readouterr().err, "--out")
    assert _snapshot(corpus.parent) == before and not (corpus / "sub").exists()


def test_render_never_writes_where_its_story_is(built: Path, capsys) -> None:  # noqa: ANN001
    before = _snapshot(built)
    assert main(["render", str(built / "story.json"), "--out", str(built)]) == 2
    _one_error_line(capsys.readouterr().err, "--out")
    assert _snapshot(built) == before


def test_a_users_own_output_file_is_refused_by_name(corpus: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "out"
    out.mkdir()
    (out / "story.html").write_text("<p>my own page</p>", encoding="utf-8")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(out)]) == 2
    _one_error_line(capsys.readouterr().err, "story.html", "not written by geostory")
    assert _snapshot(out) == {"notes.txt": b"mine", "story.html": b"<p>my own page</p>"}


def test_a_rebuild_keeps_the_users_files(corpus: Path, built: Path) -> None:
    (built / "notes.txt").write_text("mine", encoding="utf-8")
    inode = (built / "notes.txt").stat().st_ino
    assert main(["build", str(corpus), "--out", str(built)]) == 0
    assert (built / "notes.txt").read_text(encoding="utf-8") == "mine" and (built / "notes.txt").stat().st_ino == inode


@pytest.mark.parametrize(
    "failure",
    [OutputError("cannot write story.kml"), OSError(28, "No space left on device")],
    ids=["an error", "a full disk"],
)
def test_a_failure_mid_way_leaves_the_old_build(corpus: Path, built: Path, capsys, monkeypatch, failure) -> None:  # noqa: ANN001
    (corpus / "c.txt").write_text("The minister flew from Kampala to Kigali.", encoding="utf-8")
    before = _snapshot(built)

    def broken(*args: object, **kwargs: object) -> None:
        raise failure

    monkeypatch.setattr("geo.outputs.exports.write_kml", broken)
    assert main(["build", str(corpus), "--out", str(built)]) == 2
    _one_error_line(capsys.readouterr().err)
    assert _snapshot(built) == before
    assert [p.name for p in built.parent.iterdir() if p.name.startswith(".")] == []


def _edited(built: Path, tmp_path: Path, edit) -> Path:  # noqa: ANN001
    data = json.loads((built / "story.json").read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "edited" / "story.json"
    path.parent.mkdir()
    path.write_text(json.dumps(data), encoding="ascii")  # lone surrogates, NaN: as JSON spells them
    return path


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda d: d.update(title="\ud800 alone"), ["title", "lone surrogate"]),
        (lambda d: d["stops"][0].update(caption="x\udcff"), ["stops.0.caption", "lone surrogate"]),
        (lambda d: d["stops"][0].update(lat=float("nan")), ["stops.0.lat", "not a number"]),
        (lambda d: d["places"].append({**d["stops"][0], "lon": float("inf")}), ["lon", "not a number"]),
    ],
)
def test_a_story_that_cannot_be_written_fails_before_anything_is(
    built: Path, tmp_path: Path, capsys, edit, words
) -> None:  # noqa: ANN001
    story = _edited(built, tmp_path, edit)
    before = _snapshot(built)
    for out in (built, tmp_path / "fresh"):
        assert main(["render", str(story), "--out", str(out)]) == 2
        _one_error_line(capsys.readouterr().err, *words)
    assert _snapshot(built) == before and not (tmp_path / "fresh").exists()


def test_a_fifo_is_not_a_regular_file_and_nothing_waits_on_it(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    fifo = tmp_path / "in" / "a.txt"
    os.mkfifo(fifo)
    argv = [sys.executable, "-m", "geo", "build", str(fifo), "--out", str(tmp_path / "out")]
    result = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, check=False, timeout=60)
    assert result.returncode == 2
    _one_error_line(result.stderr, "not a regular file")
    assert not (tmp_path / "out").exists()


def _bytes_name(folder: Path, raw: bytes, text: str) -> Path:
    path = os.path.join(os.fsencode(folder), raw)
    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8"))
    return Path(os.fsdecode(path))


def test_an_undecodable_name_is_skipped_with_one_warning(corpus: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    _bytes_name(corpus, b"\x1b[2Jbad\xff.txt", "The minister flew from Kampala to Kigali.")
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert err == "warning: \\x1b[2Jbad\\xff.txt: skipped, its file name is not valid UTF-8\n"
    articles = json.loads((out / "story.json").read_text(encoding="utf-8"))["articles"]
    assert sorted(a["name"] for a in articles) == ["a.txt", "b.md"]


def test_an_undecodable_name_alone_is_refused_by_its_escaped_name(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    (tmp_path / "in").mkdir()
    bad = _bytes_name(tmp_path / "in", b"bad\xff.txt", "The minister flew from Kampala to Kigali.")
    assert main(["build", str(bad), "--out", str(tmp_path / "out")]) == 2
    _one_error_line(capsys.readouterr().err, "bad\\xff.txt", "not valid UTF-8")
    assert not (tmp_path / "out").exists()


HOSTILE_NAMES = ["\x1b]0;pwned\x07.txt", "\x1b[2J.txt", "\u202etxt.exe.txt", "a\x9bb\x7f.txt", "line\rfeed.txt"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_control_characters_of_a_name_are_escaped_in_errors(tmp_path: Path, capsys, name: str) -> None:  # noqa: ANN001
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(b"\x00\x01\x02\xff" * 50)
    assert main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    _one_error_line(err, "binary")
    assert not set(err[:-1]) & {"\x1b", "\x07", "\u202e", "\x9b", "\x7f", "\r"}


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_control_characters_are_escaped_in_the_table_and_the_summary(tmp_path: Path, capsys, name: str) -> None:  # noqa: ANN001
    folder = tmp_path / f"in{name}"
    folder.mkdir()
    (folder / name).write_text("وصل الرئيس إلى مدينة حلب.", encoding="utf-8")
    assert main(["places", str(folder)]) == 0
    table = capsys.readouterr().out
    assert main(["build", str(folder / name), "--out", str(tmp_path / f"out{name}")]) == 0
    summary = capsys.readouterr().out
    for printed in (table, summary):
        assert not set(printed) & {"\x1b", "\x07", "\u202e", "\x9b", "\x7f", "\r"}
    escaped = {"\x1b": "\\x1b", "\u202e": "\\u202e", "\x9b": "\\x9b", "\r": "\\x0d"}
    shown = next(code for char, code in escaped.items() if char in name)
    assert shown in table.splitlines()[1] and shown in summary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\x1b[31mb", "a\\x1b[31mb"),
        ("\u202eabc\u2066", "\\u202eabc\\u2066"),
        ("x\x85y\x9f", "x\\x85y\\x9f"),
        ("del\x7f", "del\\x7f"),
        ("bad\udcff", "bad\\udcff"),
        ("سافر\u200fإلى\u061cحلب", "سافر\u200fإلى\u061cحلب"),  # Arabic's own direction marks stay
    ],
)
def test_printable_escapes_controls_and_overrides(text: str, expected: str) -> None:
    assert printable(text) == expected


@pytest.mark.parametrize(
    ("text", "noun"), [("وصل الرئيس إلى مدينة حلب.", "stop"), ("وصل الرئيس إلى مدينة حلب ثم توجه إلى دمشق.", "stops")]
)
def test_the_summary_counts_in_the_singular_and_the_plural(
    tmp_path: Path, capsys, text: str, noun: str, gazetteer
) -> None:  # noqa: ANN001
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    assert main(["build", str(tmp_path / "in" / "a.txt"), "--out", str(tmp_path / "out")]) == 0
    summary = capsys.readouterr().out
    assert summary.split(",")[0].split()[1] == noun and " from 1 article -> " in summary


def test_a_build_leaves_the_garbage_collector_as_it_found_it(built: Path) -> None:
    """The build settles what it made out of the collections as it goes (``gc.freeze``); :func:`main` gives it
    all back when the command ends, so a process that runs builds in turn (the tests, the app) frees it."""
    import gc

    assert gc.get_freeze_count() == 0



def test_index_prepares_the_word_table_too(tmp_path: Path, capsys, monkeypatch, gazetteer) -> None:  # noqa: ANN001
    import shutil

    import wordfreq

    from geo.places.word_table import table_fingerprint
    from geo.settings import RecognitionSettings

    index = tmp_path / "index"  # a copy of the index without its word table
    shutil.copytree(gazetteer.directory, index, ignore=shutil.ignore_patterns("words-*"))
    monkeypatch.setenv("GEOSTORY_INDEX_DIR", str(index))
    monkeypatch.setattr(wordfreq, "top_n_list", lambda lang, n: ["في", "موسكو", "الرئيس"])  # a short list: fast
    assert main(["index"]) == 0
    assert "gazetteer index:" in capsys.readouterr().out
    fingerprint = table_fingerprint(index, settings=RecognitionSettings().model_dump_json())
    assert [p.name for p in index.glob("words-*")] == [f"words-{fingerprint}.marisa"]
