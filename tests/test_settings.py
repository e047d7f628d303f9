"""Tests of :mod:`geo.settings`: documented fields, files in and out, errors at the boundary, and reach."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.cli import main
from geo.errors import InputError
from geo.model import Article
from geo.pipeline import Pipeline
from geo.settings import ResolutionSettings, Settings
from geo.settings_files import load_settings, save_settings, settings_table
from geo.text.sentences import split_sentences


def test_every_field_says_why_and_where_its_value_comes_from() -> None:
    rows = settings_table()
    assert len(rows) > 60
    for name, _value, why, source in rows:
        assert why.strip(), f"{name} has no reason"
        assert source.strip(), f"{name} has no source"


def test_settings_are_frozen() -> None:
    with pytest.raises(ValueError):
        Settings().resolution.threshold = 1.0  # type: ignore[misc]


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_saved_file_loads_back_equal(tmp_path: Path, suffix: str) -> None:
    changed = Settings(source="a test", resolution=ResolutionSettings(threshold=3.5))
    path = save_settings(changed, path=tmp_path / "s.json")
    if suffix == ".yaml":
        yaml_path = tmp_path / "s.yaml"
        yaml_path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")  # JSON is YAML
        path = yaml_path
    assert load_settings(path) == changed


def test_fields_left_out_keep_their_defaults(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"roles": {"historical_days": 30}}), encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.roles.historical_days == 30
    assert loaded.resolution == ResolutionSettings()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"resolution": {"threshold": "high"}}', "resolution.threshold"),
        ('{"resolutio": {}}', "resolutio"),
        ('{"roles": {"historical_days": -1}}', "roles.historical_days"),
        ("[1, 2]", "must hold an object"),
        ("{not json", "not valid"),
        ("[" * 100_000, "not valid"),
    ],
)
def test_bad_files_are_one_line_input_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "s.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_settings(path)
    assert message in str(info.value)


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read settings"):
        load_settings(tmp_path / "absent.json")


def _article(text: str) -> Article:
    return Article(name="a.txt", text=text, sentences=tuple(split_sentences(text)), language="en")


def test_the_pipeline_uses_the_settings_it_is_given(gazetteer: object) -> None:
    article = _article("The president arrived in Cairo on Monday.")
    default = Pipeline(gazetteer).process(article)
    strict = Pipeline(gazetteer, settings=Settings(resolution=ResolutionSettings(threshold=50.0))).process(article)
    assert [r.place.name for r in default.resolutions] == ["Cairo"]
    assert strict.resolutions == ()


def test_build_reads_a_settings_file(tmp_path: Path, gazetteer: object, capsys: pytest.CaptureFixture[str]) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text("The president arrived in Cairo on Monday.\n", encoding="utf-8")
    settings = tmp_path / "s.json"
    settings.write_text(json.dumps({"resolution": {"threshold": 50.0}}), encoding="utf-8")
    assert main(["build", str(articles), "--out", str(tmp_path / "out"), "--settings", str(settings)]) == 0
    assert json.loads((tmp_path / "out" / "story.json").read_text(encoding="utf-8"))["stops"] == []


def test_the_settings_command_lists_and_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings"]) == 0
    listing = capsys.readouterr().out
    assert "resolution.population_prior_per_decade = 0.5" in listing
    assert main(["settings", "--write", str(tmp_path / "s.json")]) == 0
    assert load_settings(tmp_path / "s.json") == Settings()


@pytest.mark.parametrize("years", [(2000, 1999), (1850, 2000), (1990, 2200)])
def test_plausible_years_are_in_order_within_what_the_patterns_read(tmp_path: Path, years: tuple[int, int]) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"dates": {"plausible_years": list(years)}}), encoding="utf-8")
    with pytest.raises(InputError, match="plausible_years"):
        load_settings(path)
