"""Tests of :mod:`geo.story.fitting`: a tiny story-labelled set, knobs searched, journeys held out whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import geo.settings as settings_module
from geo.cli import main
from geo.errors import InputError
from geo.pipeline import Pipeline
from geo.places.gazetteer import Gazetteer
from geo.settings import Settings
from geo.settings_files import load_settings, settings_table
from geo.story.fitting import (
    StoryScorer,
    Tally,
    cross_validate,
    evaluate,
    fitted_story_settings,
    journey_folds,
    knob_grid,
    read_once,
    read_story_set,
    save_fitted,
    with_value,
)

LISBON = {"lat": 38.7223, "lon": -9.1393, "tolerance_km": 25, "date": "2024-05-05"}
#: One article a language, each its own journey: an arrival 27 days before publication, which the
#: hand-set ``roles.historical_days`` (21) reads as history; the gold says it is the journey.
ARTICLES = {
    "en": "The prime minister arrived in Lisbon on 5 May 2024 for talks with the Portuguese president.\n"
    "He met business leaders in the city the same day.\n",
    "fr": "Le président est arrivé à Lisbonne le 5 mai 2024 pour des entretiens avec son homologue portugais.\n"
    "Il a rencontré des chefs d'entreprise dans la ville le même jour.\n",
    "ar": "وصل الرئيس إلى لشبونة يوم 5 مايو 2024 لإجراء محادثات مع نظيره البرتغالي.\n"
    "والتقى رجال أعمال في المدينة في اليوم نفسه.\n",
}
KNOBS = ("roles.historical_days", "roles.place_window")


def _labelled_set(folder: Path) -> Path:
    (folder / "texts").mkdir(parents=True)
    gold = []
    for lang, text in ARTICLES.items():
        front = f"---\nlanguage: {lang}\npublished: 2024-06-01\n---\n"
        (folder / "texts" / f"{lang}.txt").write_text(front + text, encoding="utf-8")
        gold.append({"file": f"{lang}.txt", "trip": f"trip_{lang}", "language": lang, "stops": [LISBON]})
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("value", "grid"),
    [
        (4, (2, 3, 4, 5, 6)),
        (1, (0, 1, 2, 3)),
        (21, (11, 16, 21, 26, 31)),
        (60.0, (30.0, 45.0, 60.0, 90.0, 120.0)),
        (True, ()),
    ],
)
def test_the_grid_lies_around_the_current_value(value: object, grid: tuple) -> None:
    assert knob_grid(value) == grid


def test_folds_never_split_a_journey_and_use_every_fold() -> None:
    trips = [f"trip{i % 7}" for i in range(30)]
    folds = journey_folds(trips, 5)
    assert set(folds) == set(trips)
    assert set(folds.values()) == set(range(5))
    assert journey_folds(list(reversed(trips)), 5) == folds  # deterministic, whatever the order


def test_the_fit_moves_a_knob_the_gold_asks_for_and_wins_held_out(tmp_path: Path, gazetteer: Gazetteer) -> None:
    pipeline = Pipeline(gazetteer)
    read = read_once(read_story_set([_labelled_set(tmp_path / "set")]), pipeline)
    scorer = StoryScorer(pipeline)
    assert evaluate(read, Settings(), scorer=scorer)["en"] == Tally(found=0, gold=1, system=0, dated=0)
    report = cross_validate(read, start=Settings(), knobs=KNOBS, folds=3, scorer=scorer)
    assert report.changed == {"roles.historical_days": (21, 31)}
    assert set(report.after) == {"ar", "en", "fr"} and report.wins
    for lang in ("ar", "en", "fr"):
        assert report.before[lang].recall == 0.0 and report.after[lang].dated_right == 1.0


def test_the_written_file_holds_the_moved_knobs_and_loads_back(tmp_path: Path, gazetteer: Gazetteer) -> None:
    pipeline = Pipeline(gazetteer)
    data = _labelled_set(tmp_path / "set")
    read = read_once(read_story_set([data]), pipeline)
    report = cross_validate(read, start=Settings(), knobs=KNOBS, folds=3, scorer=StoryScorer(pipeline))
    fitted = fitted_story_settings(report, data=[data], today=__import__("datetime").date(2024, 6, 2))
    path = save_fitted(fitted, changed=report.changed, path=tmp_path / "fitted.json")
    written = json.loads(path.read_text(encoding="utf-8"))
    assert set(written) == {"source", "roles"} and written["roles"] == {"historical_days": 31}
    assert "3 journeys" in written["source"] and "2024-06-02" in written["source"]
    loaded = load_settings(path)
    assert loaded.roles.historical_days == 31 and loaded.roles.place_window == Settings().roles.place_window


def test_shipped_fitted_values_are_the_defaults_and_say_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "fitted.json"
    path.write_text(json.dumps({"source": "a test fit", "roles": {"place_window": 6}}), encoding="utf-8")
    monkeypatch.setattr(settings_module, "FITTED_PATH", path)
    settings_module.fitted_defaults.cache_clear()
    try:
        assert Settings().roles.place_window == 6 and "a test fit" in Settings().source
        assert with_value(Settings(), "roles.place_window", 3).roles.place_window == 3
        (row,) = [r for r in settings_table() if r[0] == "roles.place_window"]
        assert row[1] == 6 and "fitted" in row[3] and "by hand: 4" in row[3]
        path.write_text(json.dumps({"source": "x", "roles": {"no_such_knob": 1}}), encoding="utf-8")
        settings_module.fitted_defaults.cache_clear()
        with pytest.raises(InputError, match="roles.no_such_knob"):
            Settings()
    finally:
        settings_module.fitted_defaults.cache_clear()


@pytest.mark.parametrize(
    ("gold", "message"),
    [
        (None, "needs gold.json and texts/"),
        ({"file": "a.txt"}, "must be a list"),
        ([{"file": "a.txt", "trip": "t"}], "a list 'stops'"),
        ([{"file": "absent.txt", "trip": "t", "stops": []}], "no text"),
        ([{"file": "a.txt", "trip": "t", "stops": [{"lat": "north"}]}], "numbers 'lat' and 'lon'"),
        ([{"file": "a.txt", "trip": "t", "stops": [{**LISBON, "date": "5 May"}]}], "not a day"),
    ],
)
def test_bad_labelled_folders_are_one_line_input_errors(tmp_path: Path, gold: object, message: str) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(ARTICLES["en"], encoding="utf-8")
    if gold is not None:
        (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_story_set([tmp_path])


def test_the_command_fits_and_refuses_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _labelled_set(tmp_path / "set")
    out = tmp_path / "fitted.json"
    assert main(["fit-story", str(data), "--out", str(out), "--folds", "3", "--knobs", ",".join(KNOBS)]) == 0
    assert "beat the starting ones" in capsys.readouterr().out
    assert load_settings(out).roles.historical_days == 31
    assert main(["fit-story", str(data), "--out", str(out), "--knobs", "roles.no_such_knob"]) == 2
    assert main(["fit-story", str(tmp_path), "--out", str(out)]) == 2
    assert capsys.readouterr().err.count("\n") == 2
