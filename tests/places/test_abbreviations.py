"""Abbreviated regions after a town: read where news style puts them, and they tell the town's region."""

from __future__ import annotations

import pytest

from geo.model import Article, Span
from geo.pipeline import Pipeline
from geo.places.abbreviations import abbreviated_regions, load_abbreviations
from geo.places.gazetteer import Gazetteer
from geo.places.recognition import Recognizer


def _article(text: str, language: str) -> Article:
    return Article(name="t.txt", text=text, sentences=(Span(0, len(text)),), language=language)


def test_every_form_names_a_region_of_the_gazetteer(gazetteer: Gazetteer) -> None:
    forms = load_abbreviations()
    assert forms
    for form, region in forms.items():
        assert gazetteer.row_of(f"region:{region}") is not None, form


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        ("The senator spoke at a rally in Fresno, Calif., on Monday evening.", "en", {"Calif.": "US-CA"}),
        ("Flooding closed the main road out of Charleston, W.Va. on Sunday.", "en", {"W.Va.": "US-WV"}),
        ("The company opened its new warehouse in Reno, NV last week.", "en", {"NV": "US-NV"}),
        ("Two teachers from Kingston, Ont. won the national prize.", "en", {"Ont.": "CA-ON"}),
        ("Le sénateur a tenu un meeting à Austin, Tex. samedi.", "fr", {"Tex.": "US-TX"}),
        # a bare code only in English; a dotted form only after a place and a comma
        ("Le groupe a joué à Marseille, IN pour une soirée.", "fr", {}),
        ("La délégation est arrivée à Lyon. La réunion a commencé.", "fr", {}),
        ("Pope celebrates Mass. Thousands attend in Rome.", "en", {}),
        ("He met workers in Denver, Colorado and in Boise, IDAHO.", "en", {}),
    ],
)
def test_a_form_after_a_place_and_a_comma_is_a_mention_of_its_region(
    gazetteer: Gazetteer, text: str, language: str, read: dict[str, str]
) -> None:
    article = _article(text, language)
    mentions = abbreviated_regions(article, mentions=Recognizer(gazetteer).find(article), gazetteer=gazetteer)
    added = {m.text: gazetteer.place(m.candidates[0]).id for m in mentions if m.text in load_abbreviations()}
    assert added == {form: f"region:{region}" for form, region in read.items()}
    assert [(m.start, m.end) for m in mentions] == sorted((m.start, m.end) for m in mentions)
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "town", "state"),
    [
        ("The governor toured a battery plant in Springfield, Ill., on Friday.", "Springfield", "IL"),
        ("Volunteers gathered at the old courthouse in Birmingham, Ala. before noon.", "Birmingham", "AL"),
        ("The memorial service was held at the cemetery of Arlington, Va. on Saturday.", "Arlington", "VA"),
        ("Students marched across the campus in Athens, Ga., after the vote.", "Athens", "GA"),
        ("The storm knocked out power in Columbia, Mo. overnight.", "Columbia", "MO"),
    ],
)
def test_the_town_is_placed_in_its_abbreviated_region(gazetteer: Gazetteer, text: str, town: str, state: str) -> None:
    article = _article(text, "en")
    resolutions = Pipeline(gazetteer).process(article).resolutions
    placed = next(r.place for r in resolutions if r.mention.text == town)
    assert (placed.country, placed.admin1) == ("US", state)
