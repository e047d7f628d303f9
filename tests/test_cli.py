"""The command line: output formats, one-line errors, nothing half-written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli import main
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


def test_build_writes_geojson(corpus: Path, tmp_path: Path, gazetteer) -> None:  # noqa: ANN001
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out)]) == 0
    data = json.loads((out / "story.geojson").read_text(encoding="utf-8"))
    names = {f["properties"]["name"] for f in data["features"]}
    assert {"Aleppo", "Damascus", "Nairobi", "Kampala"} <= names
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left


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
    path = setup(tmp_path)
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
