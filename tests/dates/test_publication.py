"""Publication dates: front matter, date lines of the text, url, corpus inference."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.dates.publication import infer_from_corpus, publication_date
from geo.model import Article, Certainty, Published, PublishedSource, WordFrequencies
from geo.settings import DateSettings

HEADLINE_AR = "وزير الخارجية يصل إلى نواكشوط في جولة إفريقية"
BODY_AR = "وصل وزير الخارجية إلى نواكشوط في مستهل جولة تشمل عدة دول في غرب إفريقيا، والتقى نظيره الموريتاني."
HEADLINE_FR = "Le ministre entame une tournée en Afrique de l'Ouest"
BODY_FR = "Le ministre des Affaires étrangères est arrivé à Nouakchott au début d'une tournée régionale."
HEADLINE_EN = "Foreign minister begins West Africa tour"
BODY_EN = "The foreign minister arrived in Nouakchott at the start of a regional tour."


def _article(text: str, *, language: str = "ar", url: str | None = None, published: dt.date | None = None) -> Article:
    return Article(name="a.txt", text=text, language=language, url=url, published=published)


def D(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


DATE_LINES = [
    pytest.param(f"{HEADLINE_AR}\n2023-09-16 04:02:09\n{BODY_AR}", "ar", "2023-09-16", "exact", id="iso-datetime-line"),
    pytest.param(
        f"{BODY_AR}\nالكاتب: محرر\nنشر الخبر اول مرة بتاريخ : 2023-09-16\nجميع الحقوق محفوظة",
        "ar", "2023-09-16", "exact", id="ar-first-published-on-label-at-bottom",
    ),
    pytest.param(
        f"{HEADLINE_AR}\n\n2023-09-15\n\n{BODY_AR}",
        "ar", "2023-09-15", "exact", id="bare-date-under-headline",
    ),
    pytest.param(f"{HEADLINE_AR}\n13-9-2023\n{BODY_AR}", "ar", "2023-09-13", "exact", id="numeric-dash-line"),
    pytest.param(
        f"أخبار العالم\n\n{HEADLINE_AR}\n\nنواكشوط-موريتانيا-13-9-2023\n\n{BODY_AR}",
        "ar", "2023-09-13", "exact", id="ar-dateline-place-country-date",
    ),
    pytest.param(
        f"{HEADLINE_AR}\nتاريخ النشر: 12th, September 2023 GMT\n{BODY_AR}",
        "ar", "2023-09-12", "exact", id="ar-label-english-ordinal",
    ),
    pytest.param(
        f"{HEADLINE_AR}\nالأربعاء 24 . 04 . 2019\n{BODY_AR}",
        "ar", "2019-04-24", "exact", id="ar-weekday-dotted",
    ),
    pytest.param(f"{HEADLINE_FR}\n24/04/2019 11h:00 CET\n{BODY_FR}", "fr", "2019-04-24", "exact", id="slash-time-zone"),
    pytest.param(
        f"{HEADLINE_FR}\nPublié le 3 mars 2024 à 10h\n{BODY_FR}",
        "fr", "2024-03-03", "exact", id="fr-publie-le",
    ),
    pytest.param(f"{HEADLINE_EN}\nPublished: March 3, 2024\n{BODY_EN}", "en", "2024-03-03", "exact", id="en-published"),
    pytest.param(f"{HEADLINE_EN}\nUpdated 3 March 2024\n{BODY_EN}", "en", "2024-03-03", "approximate", id="en-updated"),
    pytest.param(f"{HEADLINE_AR}\nنُشر في: 15 سبتمبر 2023\n{BODY_AR}", "ar", "2023-09-15", "exact", id="ar-nushira-fi"),
    pytest.param(f"{HEADLINE_AR}\n15 أيلول 2023\n{BODY_AR}", "ar", "2023-09-15", "exact", id="ar-levantine-month"),
    pytest.param(
        f"{HEADLINE_FR}\nPARIS, 3 mars 2024 (AFP) - {BODY_FR}", "fr", "2024-03-03", "exact", id="fr-dateline-in-lead",
    ),
    pytest.param(
        f"{HEADLINE_EN}\nPublished\n4 March 2024\n{BODY_EN}", "en", "2024-03-04", "exact", id="en-label-on-line-above",
    ),
    pytest.param(
        f"نواكشوط 28 أبريل 2017 / {BODY_AR}", "ar", "2017-04-28", "exact", id="ar-dateline-with-a-slash",
    ),
    pytest.param(
        f"نواكشوط، الاثنين 4 سبتمبر، 2023\n{BODY_AR}", "ar", "2023-09-04", "exact", id="ar-comma-before-the-year",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "date", "certainty"), DATE_LINES)
def test_date_lines_of_the_text(
    text: str, language: str, date: str, certainty: str, frequencies: WordFrequencies
) -> None:
    published = publication_date(_article(text, language=language), frequencies=frequencies)
    assert (published.date, published.source, published.certainty) == (D(date), "text", certainty)
    assert published.evidence and published.evidence in " ".join(text.split())


def test_a_publication_label_beats_an_earlier_update_line(frequencies: WordFrequencies) -> None:
    text = f"{HEADLINE_EN}\nUpdated 5 March 2024\nPublished 3 March 2024\n{BODY_EN}"
    assert publication_date(_article(text, language="en"), frequencies=frequencies).date == D("2024-03-03")


def test_a_date_line_at_the_top_beats_an_update_line(frequencies: WordFrequencies) -> None:
    text = f"{HEADLINE_EN}\n3 March 2024\nUpdated 5 March 2024\n{BODY_EN}"
    published = publication_date(_article(text, language="en"), frequencies=frequencies)
    assert (published.date, published.certainty) == (D("2024-03-03"), "exact")


def test_a_labelled_line_beats_a_date_line_at_the_top(frequencies: WordFrequencies) -> None:
    text = f"{HEADLINE_AR}\n2023-09-10\n{BODY_AR}\nتاريخ النشر: 2023-09-12"
    assert publication_date(_article(text), frequencies=frequencies).date == D("2023-09-12")


def test_a_sentence_that_only_uses_the_verb_publish_is_not_a_label(frequencies: WordFrequencies) -> None:
    text = f"{HEADLINE_AR}\n{BODY_AR} ونشر الجيش صورا للسفينة في 13 سبتمبر 2023 تظهر حجمها الكبير وسط الميناء."
    published = publication_date(_article(text), frequencies=frequencies)
    assert (published.date, published.certainty) == (D("2023-09-13"), "approximate")
    assert published.evidence.startswith("latest date in the text")


def test_the_latest_date_of_the_text_leaves_out_plans(frequencies: WordFrequencies) -> None:
    text = (
        f"{HEADLINE_AR}\nزار الوزير داكار في 2 مارس 2024، ثم أبيدجان في 4 مارس 2024. "
        "وستعقد القمة المقبلة في 20 أكتوبر 2024 في أكرا."
    )
    published = publication_date(_article(text), frequencies=frequencies)
    assert (published.date, published.source, published.certainty) == (D("2024-03-04"), "text", "approximate")


def test_front_matter_comes_first(frequencies: WordFrequencies) -> None:
    text = f"{HEADLINE_EN}\nPublished: March 3, 2024\n{BODY_EN}"
    article = _article(text, language="en", url="https://news.example/2024/03/01/tour", published=D("2024-03-02"))
    expected = Published(D("2024-03-02"), PublishedSource.FRONT_MATTER, Certainty.EXACT, "2024-03-02")
    assert publication_date(article, frequencies=frequencies) == expected


URLS = [
    pytest.param("https://news.example/world/2023/09/16/minister-tour", "2023-09-16", "2023/09/16", id="y-m-d-path"),
    pytest.param("https://news.example/20240619/minister-tour.html", "2024-06-19", "20240619", id="compact-path"),
    pytest.param("https://news.example/world/minister-tour-20240619-ab12", "2024-06-19", "20240619", id="compact-slug"),
    pytest.param("https://news.example/2024-06-19/minister-tour", "2024-06-19", "2024-06-19", id="iso"),
    pytest.param("https://news.example/28/09/2023/minister-tour/113/", "2023-09-28", "/28/09/2023/", id="day-first"),
]


@pytest.mark.parametrize(("url", "date", "fragment"), URLS)
def test_url_dates(url: str, date: str, fragment: str, frequencies: WordFrequencies) -> None:
    published = publication_date(_article(f"{HEADLINE_AR}\n{BODY_AR}", url=url), frequencies=frequencies)
    assert published == Published(D(date), "url", "exact", fragment)


def test_text_date_line_beats_the_url(frequencies: WordFrequencies) -> None:
    article = _article(f"{HEADLINE_AR}\n2023-09-15\n{BODY_AR}", url="https://news.example/2023/09/14/x")
    published = publication_date(article, frequencies=frequencies)
    assert (published.date, published.source) == (D("2023-09-15"), "text")


# The page's banner or crawl date loses to the article's own date; the url is the fallback.
OWN_DATE = [
    pytest.param(
        f"الإثنين: 23/12/2024 بتوقيت المدينة\n{HEADLINE_AR}\nوصل الوزير إلى نواكشوط اليوم الجمعة.",
        "ar", "https://news.example/2009/05/08/tour", ("2009-05-08", "url"),
        id="ar-banner-date-contradicted-by-today-friday",
    ),
    pytest.param(
        f"Monday 23 December 2024\n{HEADLINE_EN}\nThe minister arrived in Nouakchott on Friday, he said today, Friday.",
        "en", None, (None, "unknown"),
        id="en-banner-date-contradicted-and-nothing-else",
    ),
    pytest.param(
        f"{HEADLINE_FR}\nLe ministre est arrivé aujourd'hui vendredi à Nouakchott.",
        "fr", "https://news.example/2024/03/05/tour", (None, "unknown"),
        id="fr-url-contradicted-by-the-text",
    ),
    pytest.param(
        f"Saturday 9 March 2024\n{HEADLINE_EN}\nThe minister arrived in Nouakchott today, Friday.",
        "en", None, ("2024-03-09", "text"),
        id="en-a-day-off-is-a-stamp-not-a-banner",
    ),
    pytest.param(
        f"{HEADLINE_EN}\nUpdated 5 March 2024\n{BODY_EN}",
        "en", "https://news.example/2024/03/03/tour", ("2024-03-03", "url"),
        id="en-the-url-before-an-update-line",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "url", "expected"), OWN_DATE)
def test_the_articles_own_date_beats_the_pages(
    text: str, language: str, url: str | None, expected: tuple[str | None, str], frequencies: WordFrequencies
) -> None:
    published = publication_date(_article(text, language=language, url=url), frequencies=frequencies)
    assert (published.date, published.source) == (D(expected[0]) if expected[0] else None, expected[1])


def test_url_without_a_valid_date_is_ignored(frequencies: WordFrequencies) -> None:
    article = _article(f"{HEADLINE_AR}\n{BODY_AR}", url="https://news.example/article/123456789/20241345")
    assert publication_date(article, frequencies=frequencies) == Published(None, "unknown", "unknown", "")


def test_unknown_when_nothing_dates_the_article(frequencies: WordFrequencies) -> None:
    article = _article(f"{HEADLINE_AR}\n{BODY_AR} وغادر الوزير اليوم الأحد.")
    assert publication_date(article, frequencies=frequencies) == Published(None, "unknown", "unknown", "")


SETTINGS = [
    pytest.param(
        f"{HEADLINE_EN}\n{BODY_EN}\n{BODY_EN}\n3 March 2024\n{BODY_EN}",
        DateSettings(top_lines=3),
        None,
        id="a-date-line-below-the-top-lines",
    ),
    pytest.param(
        f"{HEADLINE_EN}\nFiled by our correspondent in the capital 3 March 2024\n{BODY_EN}",
        DateSettings(date_line_words=8),
        "2024-03-03",
        id="a-wordier-date-line",
    ),
    pytest.param(
        f"{HEADLINE_EN}\nPublished: March 3, 2024\n{BODY_EN}",
        DateSettings(label_line_words=0, date_line_words=0),
        None,
        id="a-labelled-line-longer-than-allowed",
    ),
    pytest.param(
        f"{HEADLINE_FR}\nPublié le 3 mars 2024 à 10h\n{BODY_FR}",
        DateSettings(label_gap_words=0, date_line_words=0),
        None,
        id="a-label-too-far-from-its-date",
    ),
    pytest.param(
        f"{HEADLINE_FR}\nPARIS, 3 mars 2024 (AFP) - {BODY_FR}",
        DateSettings(dateline_chars=3),
        None,
        id="a-dateline-date-too-far-into-the-line",
    ),
]


@pytest.mark.parametrize(("text", "settings", "date"), SETTINGS)
def test_date_settings_decide_which_lines_date_an_article(
    text: str, settings: DateSettings, date: str | None, frequencies: WordFrequencies
) -> None:
    article = _article(text, language="fr" if "Publié" in text or "PARIS" in text else "en")
    default = publication_date(article, frequencies=frequencies)
    published = publication_date(article, frequencies=frequencies, settings=settings)
    if date is None:
        assert default.certainty == Certainty.EXACT and published.certainty != Certainty.EXACT
    else:
        assert default.certainty != Certainty.EXACT and (published.date, published.certainty) == (D(date), "exact")


# --- the corpus -------------------------------------------------------------------------------


def _corpus(frequencies: WordFrequencies) -> tuple[list[Article], dict[str, Published]]:
    articles = [
        Article(name="a.txt", text=f"{HEADLINE_AR}\n2023-09-14\n{BODY_AR}"),
        Article(name="b.txt", text=f"{HEADLINE_AR}\nتاريخ النشر: 16 سبتمبر 2023\n{BODY_AR}"),
        Article(name="c.txt", text=f"{HEADLINE_AR}\nوغادر الوزير نواكشوط اليوم الثلاثاء متجها إلى داكار."),
        Article(name="d.txt", text=f"{HEADLINE_AR}\nوزار الوزير ميناء المدينة أمس الأحد."),
        Article(name="e.txt", text=f"{HEADLINE_AR}\n{BODY_AR}"),
    ]
    return articles, {a.name: publication_date(a, frequencies=frequencies) for a in articles}


@pytest.mark.parametrize(
    ("name", "date"),
    [
        pytest.param("c.txt", "2023-09-19", id="today-tuesday-first-on-or-after-floor"),
        pytest.param("d.txt", "2023-09-18", id="yesterday-sunday-means-a-monday"),
        pytest.param("e.txt", "2023-09-16", id="no-cue-the-floor-itself"),
    ],
)
def test_infer_from_corpus(name: str, date: str, frequencies: WordFrequencies) -> None:
    articles, published = _corpus(frequencies)
    assert published[name].date is None
    inferred = infer_from_corpus(published, articles)[name]
    assert (inferred.date, inferred.source, inferred.certainty) == (D(date), "corpus", "approximate")
    assert "b.txt" in inferred.evidence


def test_infer_from_corpus_never_overwrites_a_known_date(frequencies: WordFrequencies) -> None:
    articles, published = _corpus(frequencies)
    inferred = infer_from_corpus(published, articles)
    assert inferred["a.txt"] == published["a.txt"]
    assert inferred["b.txt"] == published["b.txt"]
    assert inferred is not published


def test_infer_from_corpus_uses_the_floor_on_the_same_weekday(frequencies: WordFrequencies) -> None:
    articles = [
        Article(name="a.txt", text=f"{HEADLINE_AR}\n2023-09-16\n{BODY_AR}"),  # a Saturday
        Article(name="b.txt", text="وغادر الوزير المدينة اليوم السبت."),
    ]
    published = {a.name: publication_date(a, frequencies=frequencies) for a in articles}
    assert infer_from_corpus(published, articles)["b.txt"].date == D("2023-09-16")


def test_infer_from_corpus_leaves_unknown_without_any_dated_article(frequencies: WordFrequencies) -> None:
    articles = [Article(name="x.txt", text="وغادر الوزير المدينة اليوم الأحد."), Article(name="y.txt", text=BODY_AR)]
    published = {a.name: publication_date(a, frequencies=frequencies) for a in articles}
    inferred = infer_from_corpus(published, articles)
    assert all(p == Published(None, "unknown", "unknown", "") for p in inferred.values())


_BESIDE = [  # a line and a date in it: the letter words of the line around the date
    "Published: 16 September 2023",
    "Update 2023-09-16 10:00 and more words after it",
    "الأربعاء 24 . 04 . 2019",
    "abc2023-09-16def ghi",  # a date glued to words: each cut word counts once on its side
]


@pytest.mark.parametrize("line", _BESIDE)
def test_words_beside_a_date_match_the_rest_of_the_line(line: str) -> None:
    import re

    from geo.dates.publication import _full_dates, _Line

    for expr in _full_dates(line, "en", DateSettings()):
        rest = line[: expr.start] + " " + line[expr.end :]
        assert _Line.of(0, line, ()).words_beside(expr) == len(re.findall(r"[^\W\d_]+", rest))


def test_the_label_of_a_date_is_read_near_it_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import geo.dates.publication as publication

    seen: list[int] = []
    label_before = publication._label_before

    def spy(prefix: str, settings: DateSettings) -> object:
        seen.append(len(prefix))
        return label_before(prefix, settings)

    monkeypatch.setattr(publication, "_label_before", spy)
    line = " ".join(f"{day}/05/2024" for day in range(1, 29)) * 40  # one line of 1,120 dates and no word
    published = publication_date(_article(line, language="en"), frequencies=None)
    assert published.date is not None and len(seen) >= 1000
    assert max(seen) <= publication._LABEL_WINDOW_CHARS  # the work per date does not grow with the line
