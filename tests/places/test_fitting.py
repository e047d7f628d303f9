"""Tests of :mod:`geo.places.fitting`: labelled data in, weights fitted, scores held out by group."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.cli import main
from geo.errors import InputError
from geo.pipeline import Pipeline
from geo.places.fitting import (
    Candidate,
    MentionCase,
    cases_from_documents,
    fit_report,
    fit_weights,
    read_labelled,
)
from geo.places.gazetteer import Gazetteer
from geo.settings import ResolutionSettings
from geo.settings_files import load_settings

CAIRO = {"start": 27, "end": 32, "text": "Cairo", "lat": 30.0444, "lon": 31.2357}
DOC = {"doc_id": "trip/1", "lang": "en", "text": "The president then flew to Cairo on Monday.", "gold": [CAIRO]}


@pytest.mark.parametrize(
    ("line", "message"),
    [("{not json", "not a JSON line"), ('{"text": "x"}', "needs 'text' and a list 'gold'"), ("[1]", "needs")],
)
def test_bad_labelled_lines_are_one_line_input_errors(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(read_labelled([path]))


def test_a_gold_place_makes_a_case_with_its_right_candidate(gazetteer: Gazetteer) -> None:
    (case,) = cases_from_documents([DOC], Pipeline(gazetteer), within_km=161)
    assert case.is_place and case.group == "trip" and case.language == "en"
    assert any(c.right for c in case.candidates)
    assert all("exact" in c.features for c in case.candidates)


def test_a_name_the_gold_does_not_mark_is_a_case_of_no_place(gazetteer: Gazetteer) -> None:
    (case,) = cases_from_documents([{**DOC, "gold": []}], Pipeline(gazetteer), within_km=161)
    assert not case.is_place and not any(c.right for c in case.candidates)


def _cases(n: int) -> list[MentionCase]:
    """Names whose right candidate is the capital: the data says capitals deserve more."""
    right = Candidate(features={"exact": 1.0, "capital": 1.0}, offset=0.0, right=True)
    wrong = Candidate(features={"exact": 1.0}, offset=1.5, right=False)
    return [MentionCase(f"g{i % 7}", "en", (right, wrong), is_place=True) for i in range(n)]


def test_the_fit_moves_a_weight_the_way_the_data_says_and_the_prior_holds_it() -> None:
    start = ResolutionSettings(capital=0.0)
    loose = fit_weights(_cases(200), start=start, l2=0.1)
    tight = fit_weights(_cases(200), start=start, l2=1e6)
    assert loose.capital > 1.0
    assert abs(tight.capital) < 0.01


def test_the_report_holds_groups_out_and_scores_by_language() -> None:
    report = fit_report(_cases(70), start=ResolutionSettings(capital=0.0), folds=3, l2=0.1)
    assert report.groups == 7 and report.cases == 70
    assert report.after["en"].f1 >= report.before["en"].f1
    assert "en: F1" in report.summary()


def test_geo_fit_writes_settings_with_their_provenance(tmp_path: Path, gazetteer: Gazetteer) -> None:
    data = tmp_path / "labelled.jsonl"
    docs = [{**DOC, "doc_id": f"trip{i}/1"} for i in range(4)]
    data.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    assert main(["fit", str(data), "--out", str(tmp_path / "s.json"), "--folds", "2"]) == 0
    settings = load_settings(tmp_path / "s.json")
    assert "labelled.jsonl" in settings.source and "held-out by group" in settings.source


@pytest.mark.parametrize("options", [["--folds", "1"], ["--within-km", "0"], ["--l2", "-1"]])
def test_geo_fit_refuses_bad_options(tmp_path: Path, options: list[str]) -> None:
    data = tmp_path / "labelled.jsonl"
    data.write_text(json.dumps(DOC), encoding="utf-8")
    assert main(["fit", str(data), "--out", str(tmp_path / "s.json"), *options]) == 2
    assert not (tmp_path / "s.json").exists()
