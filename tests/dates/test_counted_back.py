"""Time counted back from publication: read in the article's language, resolved against the anchor, and an
earlier visit told that way is history, not a stop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geo.dates.anchoring import Kind
from geo.dates.counted_back import counted_back
from geo.dates.expressions import find_dates
from geo.model import Article, Certainty, Role, Span
from geo.pipeline import Pipeline
from geo.places.gazetteer import Gazetteer
from geo.text.reading import read_article_file

ANCHOR = dt.date(2021, 3, 10)


@pytest.mark.parametrize(
    ("text", "language", "said", "first", "last", "kind"),
    [
        (
            "Three years ago the minister toured the dam.",
            "en",
            "Three years ago",
            "2018-01-01",
            "2018-12-31",
            Kind.YEAR,
        ),
        ("She opened the bridge a year ago.", "en", "a year ago", "2020-01-01", "2020-12-31", Kind.YEAR),
        ("The envoy landed 2 days ago.", "en", "2 days ago", "2021-03-08", "2021-03-08", Kind.RELATIVE),
        ("They met six weeks ago in the capital.", "en", "six weeks ago", "2021-01-24", "2021-01-30", Kind.RANGE),
        (
            "Il y a trois mois, le ministre était à Oran.",
            "fr",
            "Il y a trois mois",
            "2020-12-01",
            "2020-12-31",
            Kind.MONTH,
        ),
        ("Il y a un an, elle visitait le port.", "fr", "Il y a un an", "2020-01-01", "2020-12-31", Kind.YEAR),
        ("افتتح الوزير الجسر قبل عامين.", "ar", "قبل عامين", "2019-01-01", "2019-12-31", Kind.YEAR),
        ("وقبل خمس سنوات زار الوفد الميناء.", "ar", "وقبل خمس سنوات", "2016-01-01", "2016-12-31", Kind.YEAR),
        ("زار الأمير المدينة قبل 14 عاماً.", "ar", "قبل 14 عاماً", "2007-01-01", "2007-12-31", Kind.YEAR),
        ("التقيا قبل شهرين في العاصمة.", "ar", "قبل شهرين", "2021-01-01", "2021-01-31", Kind.MONTH),
        ("عاد الوفد قبل يومين.", "ar", "قبل يومين", "2021-03-08", "2021-03-08", Kind.RELATIVE),
        ("وصل السفير قبل عام، وما زال هناك.", "ar", "قبل عام", "2020-01-01", "2020-12-31", Kind.YEAR),
        ("بني المسجد قبل 20 سنة.", "ar", "قبل 20 سنة", "2001-01-01", "2001-12-31", Kind.YEAR),  # «سنة» after a count
        ("زارها قبل عشرين سنة.", "ar", "قبل عشرين سنة", "2001-01-01", "2001-12-31", Kind.YEAR),
        ("Elle a quitté Dakar il y a deux ans.", "fr", "il y a deux ans", "2019-01-01", "2019-12-31", Kind.YEAR),
        ("Il y a dix jours lors du sommet, il a parlé.", "fr", "Il y a dix jours", "2021-02-28", "2021-02-28",
         Kind.RELATIVE),  # fmt: skip
    ],
)
def test_a_count_back_is_resolved_against_the_anchor(
    text: str, language: str, said: str, first: str, last: str, kind: Kind
) -> None:
    [(start, end, resolved)] = counted_back(text, language=language, anchor=ANCHOR)
    assert text[start:end] == said
    assert (resolved.first, resolved.last) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    assert resolved.kind == kind
    assert resolved.certainty == (Certainty.EXACT if kind == Kind.RELATIVE else Certainty.APPROXIMATE)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("أول زيارة له منذ عامين.", "ar"),  # since, not ago
        ("وقع الاتفاق قبل عام 2010.", "ar"),  # before a year
        ("وصل قبل عامين من الانتخابات.", "ar"),  # before another event
        ("The talks ended two years before the war.", "en"),
        ("Il y a deux ans de travail devant nous.", "en"),  # another language's words
        ("Three years ago the minister toured the dam.", "ar"),
        ("Il y a trois jours fériés en mai.", "fr"),  # "there are", not "ago": a word of the phrase follows
        ("The vault held 123456 years ago of dust.", "en"),  # no count of five digits or more
        ("It was " + "9" * 5000 + " years ago.", "en"),  # nor a number too long to be an int
    ],
)
def test_what_counts_from_another_point_is_not_read(text: str, language: str) -> None:
    assert counted_back(text, language=language, anchor=ANCHOR) == []


def test_with_no_anchor_it_is_unknown_and_a_hazy_anchor_makes_a_day_approximate() -> None:
    [(_, _, unknown)] = counted_back("They left 3 days ago.", language="en", anchor=None)
    assert (unknown.first, unknown.certainty) == (None, Certainty.UNKNOWN)
    [(_, _, hazy)] = counted_back(
        "They left 3 days ago.", language="en", anchor=ANCHOR, anchor_certainty=Certainty.APPROXIMATE
    )
    assert hazy.certainty == Certainty.APPROXIMATE


def test_find_dates_adds_them_in_text_order_where_no_other_expression_is() -> None:
    text = "On Monday the delegation arrived. Two years ago it had toured the plant. Last week it met donors."
    article = Article(name="t.txt", text=text, sentences=(Span(0, len(text)),), language="en")
    found = find_dates(article, anchor=ANCHOR, frequencies=None)
    assert [e.text for e in found] == ["Monday", "Two years ago", "Last week"]
    assert all(text[e.start : e.end] == e.text for e in found)


@pytest.mark.parametrize(
    ("text", "language", "earlier", "now"),
    [
        ("Two years ago, the governor visited Lisbon. On Tuesday he arrived in Madrid.", "en", "Lisbon", "Madrid"),
        (
            "Il y a trois ans, le ministre s'était rendu à Dakar. Mardi, il est arrivé à Bamako.",
            "fr",
            "Dakar",
            "Bamako",
        ),
        ("وكان الرئيس قد زار القاهرة قبل عامين. ووصل الرئيس يوم الثلاثاء إلى الرباط.", "ar", "القاهرة", "الرباط"),
    ],
)
def test_a_visit_counted_back_years_is_history_not_a_stop(
    gazetteer: Gazetteer, tmp_path: Path, text: str, language: str, earlier: str, now: str
) -> None:
    path = tmp_path / "t.txt"
    path.write_text(f"---\nlanguage: {language}\npublished: {ANCHOR.isoformat()}\n---\n{text}\n", encoding="utf-8")
    story, _ = Pipeline(gazetteer).run(read_article_file(path))
    roles = {r.resolution.mention.text: r.role for r in story.roles}
    assert roles[earlier] == Role.HISTORICAL
    stops = [s.evidence[0].resolution.mention.text for s in story.stops]
    assert now in stops
    assert earlier not in stops


def test_a_word_that_carries_its_count_twice_is_refused(tmp_path: Path) -> None:
    from geo.dates.counted_back import load_back_words
    from geo.errors import IndexBuildError

    words = tmp_path / "dates.yaml"
    words.write_text(
        "counted_back:\n  ar:\n    before: [قبل]\n    units: {year: [سنة]}\n    duals: {year: [عامين]}\n"
        "    alone: {year: [عامين]}\n",
        encoding="utf-8",
    )
    with pytest.raises(IndexBuildError, match="two of counted_back"):
        load_back_words(words)
