"""Roles: stops and context, with dates anchored to the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.dates.expressions import find_dates
from geo.model import Article
from geo.pipeline import Pipeline
from geo.places.gazetteer import Gazetteer
from geo.story.roles import assign_roles
from geo.text.sentences import split_sentences

PUBLISHED = dt.date(2024, 5, 8)  # a Wednesday


def _roles(gazetteer: Gazetteer, text: str, *, name: str = "t.txt", language: str = "ar", traveller=frozenset()):  # noqa: ANN001, ANN202
    article = Article(name=name, text=text, sentences=split_sentences(text), language=language, published=PUBLISHED)
    result = Pipeline(gazetteer).process(article)
    zipf = gazetteer.zipf
    dates = find_dates(article, anchor=PUBLISHED, frequencies=zipf)
    roles = assign_roles(
        article, result.resolutions, dates, published=PUBLISHED, traveller_keys=traveller, frequencies=zipf
    )
    return {r.resolution.mention.text: r for r in roles}


@pytest.mark.parametrize(
    ("text", "surface", "role", "stop", "date"),
    [
        ("وغادر الرئيس دمشق يوم الأحد في زيارة رسمية.", "دمشق", "departure", True, dt.date(2024, 5, 5)),
        ("وصل الوفد إلى مدينة حلب اليوم الأربعاء.", "حلب", "visit", True, PUBLISHED),
        ("دمشق: وصل الوفد إلى حلب أمس.", "دمشق", "dateline", False, None),
        ("وقالت موسكو إن المحادثات مستمرة.", "موسكو", "government", False, None),
        ("وكان الرئيس قد زار حلب عام 2010.", "حلب", "historical", False, None),
        ("وسيزور الرئيس مدينة حلب يوم الخميس المقبل.", "حلب", "plan", True, dt.date(2024, 5, 9)),
        ("وأعلنت روسيا دعمها للاتفاق.", "روسيا", "country", False, None),
        ("The president arrived in Kazan on Tuesday for talks.", "Kazan", "visit", True, dt.date(2024, 5, 7)),
        ("MOSCOW, May 8 (Reuters) - The minister landed in Kazan.", "MOSCOW", "dateline", False, None),
        ("Le président s'est rendu à Oran lundi.", "Oran", "visit", True, dt.date(2024, 5, 6)),
        (
            "The president arrived in Nairobi yesterday and will fly to Kampala on Friday.",
            "Nairobi",
            "visit",
            True,
            dt.date(2024, 5, 7),
        ),
        (
            "The president arrived in Nairobi yesterday and will fly to Kampala on Friday.",
            "Kampala",
            "plan",
            True,
            dt.date(2024, 5, 10),
        ),
        ("وصل الوفد إلى مدينة حلب يوم الخميس المقبل.", "حلب", "plan", True, dt.date(2024, 5, 9)),  # after publication
    ],
)
def test_roles(gazetteer: Gazetteer, text: str, surface: str, role: str, stop: bool, date: dt.date | None) -> None:
    language = "en" if text[0] in "MT" else ("fr" if text.startswith("Le") else "ar")
    found = _roles(gazetteer, text, language=language)
    decided = found[surface]
    assert (decided.role, decided.stop) == (role, stop), decided.why
    assert decided.first == date
    assert decided.why


def test_an_undated_stop_takes_the_lead_event_date(gazetteer: Gazetteer) -> None:
    text = "وصل الرئيس إلى مدينة حلب يوم الاثنين. وقال محافظ إدلب الذي رافق الرئيس في الزيارة إن الوضع مستقر."
    found = _roles(gazetteer, text, traveller=frozenset({"الرييس"}))
    assert found["حلب"].first == dt.date(2024, 5, 6) and found["حلب"].certainty == "exact"
    idlib = found["إدلب"]
    assert idlib.stop and idlib.certainty == "approximate" and idlib.first == dt.date(2024, 5, 6)


def test_sites_of_a_related_report_are_undated_stops(gazetteer: Gazetteer) -> None:
    found = _roles(gazetteer, "رصدت الصور ميناء على بعد 50 كيلومترا شمال غرب بيروت.", name="t.txt#2")
    relative = next(r for r in found.values() if r.resolution.place.place_type == "relative")
    assert relative.role == "related report" and relative.stop and relative.first is None
    assert found["بيروت"].stop is False


def test_a_hash_in_a_file_name_is_not_an_embedded_story(gazetteer: Gazetteer) -> None:
    found = _roles(gazetteer, "وصل الوفد إلى مدينة حلب اليوم الأربعاء.", name="news#draft.txt")
    assert found["حلب"].role == "visit" and found["حلب"].stop


def test_last_year_is_history_even_near_new_year(gazetteer: Gazetteer) -> None:
    text = "The minister visited Kazan last year."
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language="en")
    published = dt.date(2024, 1, 2)
    result = Pipeline(gazetteer).process(article)
    dates = find_dates(article, anchor=published, frequencies=gazetteer.zipf)
    roles = assign_roles(article, result.resolutions, dates, published=published, frequencies=gazetteer.zipf)
    assert [r.role for r in roles if r.resolution.mention.text == "Kazan"] == ["historical"]


def test_a_plan_dated_before_its_place_keeps_that_date(gazetteer: Gazetteer) -> None:
    found = _roles(gazetteer, "ومن المقرر أن يتوجه الرئيس غدا الخميس إلى مدينة حلب.")
    assert (found["حلب"].role, found["حلب"].first) == ("plan", dt.date(2024, 5, 9))


# --- how a stop takes its date: its own clause, the event told before it, the lead, the publication date ----------

DATED = [
    pytest.param(
        "وصل الرئيس إلى مدينة حلب يوم الاثنين. ثم زار الرئيس مدينة إدلب.",
        "ar", "إدلب", (dt.date(2024, 5, 6), "approximate"),
        id="ar-the-event-told-before-it",
    ),
    pytest.param(
        "وصل الرئيس إلى مدينة حلب، حيث سيلتقي المحافظ غدا.",
        "ar", "حلب", (PUBLISHED, "approximate"),
        id="ar-a-plan-of-another-clause-is-not-the-visits-date",
    ),
    pytest.param(
        "زار الرئيس مدينة إدلب.",
        "ar", "إدلب", (PUBLISHED, "approximate"),
        id="ar-no-date-in-the-text-the-publication-date",
    ),
    pytest.param(
        "وصل الرئيس إلى مدينة حلب أمس، حيث قال مسؤولون إنه سيزور المصانع. ثم زار الرئيس مدينة إدلب.",
        "ar", "إدلب", (dt.date(2024, 5, 7), "approximate"),
        id="ar-an-event-whose-own-clause-is-past",
    ),
    pytest.param(
        "The president arrived in Kazan on Monday. The president then toured Kazan and met students in Yelabuga.",
        "en", "Yelabuga", (dt.date(2024, 5, 6), "approximate"),
        id="en-the-event-told-before-it",
    ),
    pytest.param(
        "Le président est arrivé lundi à Oran. Le président a visité Tlemcen et rencontré des étudiants.",
        "fr", "Tlemcen", (dt.date(2024, 5, 6), "approximate"),
        id="fr-the-event-told-before-it",
    ),
    pytest.param(
        "The president arrived in Kazan on Monday, after touring a plant in Yelabuga.",
        "en", "Kazan", (dt.date(2024, 5, 6), "exact"),
        id="en-a-date-of-its-own-clause",
    ),
    pytest.param(
        "The president arrived on Monday in Kazan and will meet the governor on Friday.",
        "en", "Kazan", (dt.date(2024, 5, 6), "exact"),
        id="en-a-past-date-before-a-coordinated-plan",
    ),
    pytest.param(
        "Le président est arrivé mardi à Oran, où il doit rencontrer le wali jeudi.",
        "fr", "Oran", (dt.date(2024, 5, 7), "exact"),
        id="fr-ou-opens-the-clause-of-the-plan",
    ),
    pytest.param(
        "The president arrived in Kazan on Monday, after touring a plant in Yelabuga.",
        "en", "Yelabuga", (dt.date(2024, 5, 6), "approximate"),
        id="en-a-date-of-another-clause-is-approximate",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "surface", "expected"), DATED)
def test_how_a_stop_takes_its_date(
    gazetteer: Gazetteer, text: str, language: str, surface: str, expected: tuple[dt.date, str]
) -> None:
    decided = _roles(gazetteer, text, language=language, traveller=frozenset({"الرييس", "president"}))
    role = decided[surface]
    assert role.stop, role.why
    assert (role.first, role.last, role.certainty) == (expected[0], expected[0], expected[1]), role.why
