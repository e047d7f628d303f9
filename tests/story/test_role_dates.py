"""Role dates: the date a stop takes, from its own clause to the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.dates.expressions import find_dates
from geo.model import Article, Certainty
from geo.pipeline import Pipeline
from geo.places.gazetteer import Gazetteer
from geo.story.roles import assign_roles
from geo.text.sentences import split_sentences

PUBLISHED = dt.date(2024, 5, 8)  # a Wednesday


def _stop(gazetteer: Gazetteer, text: str, surface: str, language: str):  # noqa: ANN202
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language=language, published=PUBLISHED)
    result = Pipeline(gazetteer).process(article)
    dates = find_dates(article, anchor=PUBLISHED, frequencies=gazetteer.zipf)
    roles = assign_roles(article, result.resolutions, dates, published=PUBLISHED, frequencies=gazetteer.zipf)
    return next(r for r in roles if r.resolution.mention.text == surface)


@pytest.mark.parametrize(
    ("text", "language", "surface", "date", "exact"),
    [
        # the stop's own clause
        ("وصل الرئيس إلى مدينة حلب يوم الاثنين.", "ar", "حلب", dt.date(2024, 5, 6), True),
        ("The president arrived in Kazan on Tuesday.", "en", "Kazan", dt.date(2024, 5, 7), True),
        ("Le président s'est rendu à Oran lundi.", "fr", "Oran", dt.date(2024, 5, 6), True),
        # no date in its sentence: the event told before it (approximate)
        (
            "The president arrived in Kazan on Tuesday. He then visited the city of Perm.",
            "en",
            "Perm",
            dt.date(2024, 5, 7),
            False,
        ),
        # an earlier leg's clause, opened by "après avoir" / "avant de", dates that leg, not the stop before it
        (
            "La ministre s'est rendue mardi à Oran, après avoir visité Tlemcen lundi.",
            "fr",
            "Oran",
            dt.date(2024, 5, 7),
            True,
        ),
        (
            "La ministre s'est rendue mardi à Oran, après avoir visité Tlemcen lundi.",
            "fr",
            "Tlemcen",
            dt.date(2024, 5, 6),
            False,
        ),
        (
            "Le ministre est arrivé lundi à Sfax, avant de rejoindre Gabès mardi.",
            "fr",
            "Sfax",
            dt.date(2024, 5, 6),
            True,
        ),
        # no date at all: the publication date (approximate)
        ("Le président s'est rendu à Oran.", "fr", "Oran", PUBLISHED, False),
    ],
)
def test_a_stop_takes_the_date_of_its_clause_or_an_earlier_event(
    gazetteer: Gazetteer, text: str, language: str, surface: str, date: dt.date, exact: bool
) -> None:
    stop = _stop(gazetteer, text, surface, language)
    assert stop.stop
    assert stop.first == date
    assert (stop.certainty != Certainty.APPROXIMATE) == exact
