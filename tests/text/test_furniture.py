"""Tests of :mod:`geo.text.furniture` and its phrase lists in ``data/furniture.yaml``."""

from __future__ import annotations

import importlib

import pytest

from geo.text import furniture
from geo.text.furniture import find_furniture, split_embedded

LEAD_AR = "وصل الزعيم الكوري الشمالي إلى مدينة في شرق روسيا على متن قطار خاص يوم الثلاثاء."
LEAD_EN = "The North Korean leader arrived in a city in eastern Russia aboard a special train on Tuesday."
LEAD_FR = "Le dirigeant nord-coréen est arrivé dans une ville de l'est de la Russie à bord d'un train spécial."
EMBEDDED_AR = (
    "أظهرت صور جديدة التقطتها أقمار اصطناعية ما يعتقد أن تكون أكبر سفينة حربية يجري بناؤها في الحوض.\n"
    "وقال محللون إن السفينة قد تحمل صواريخ جديدة، وإن بناءها يستغرق سنوات عدة قبل أن تدخل الخدمة.\n"
    "ويرى خبراء أن العلاقات الوثيقة مع الحلفاء قد تساعد على تطوير هذه السفن في السنوات المقبلة.\n"
)


def _furniture_texts(text: str) -> list[str]:
    return [text[span.start : span.end] for span in find_furniture(text)]


@pytest.mark.parametrize(
    "line",
    [
        "شارك",
        "Partager",
        "Share",
        "Tweet",
        "Facebook Twitter WhatsApp",
        "شارك | فيسبوك | تويتر",
        "https://platform.twitter.com/widgets.js",
        "اظهر المزيد",
        "أظهر المزيد",
        "إغلاق",
        "مادة إعلانية",
        "Advertisement",
        "Publicité",
        "كلمات دلالية: روسيا كوريا",
        "Tags: Russia, Korea",
        "Mots-clés : Russie, Corée",
        "تابعوا آخر الأخبار عبر Google News",
        "0 comment",
        "by newsdesk",
        "Par Jean Dupont",
        "الكاتب:محمد",
        "الموقع : www.example.com",
        "نشر الخبر اول مرة بتاريخ : 2023-09-16 04:02:09",
        "تاريخ النشر: 12th, September 2023 GMT",
        "Publié le 13/09/2023 à 10h30",
        "Updated: September 15, 2023",
        "2023-09-15",
        "13 septembre 2023",
        "(أ ف ب)",
        "رويترز - وكالات",
        "© 2023 جميع الحقوق محفوظة",
        "الرئيسية » أخبار العالم",
        "إقرأ أيضاً: كوريا الشمالية تصنع أكبر سفينة حربية",
    ],
)
def test_furniture_lines(line: str) -> None:
    text = f"{LEAD_AR}\n{line}\n{LEAD_AR}"
    assert _furniture_texts(text) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "شارك آلاف المحتجين في مسيرة في وسط العاصمة.",
        "وقال حاكم الإقليم، الذي انضم إلى الوفد، بعد ذلك على تيليجرام إن الزيارة ناجحة.",
        "نشر الجيش 3 آلاف جندي قرب الحدود يوم 13 سبتمبر 2023.",
        "Published in 2019, the report said the port would grow.",
        "Par ailleurs, la Russie a reçu 12 délégations en 2023.",
        "Follow the money, the minister told reporters in Vladivostok.",
        "The share of exports to Russia rose by 5 percent.",
        "موسكو",
    ],
)
def test_prose_is_not_furniture(line: str) -> None:
    text = f"{LEAD_AR}\n{line}\n{LEAD_AR}"
    assert find_furniture(text) == ()


def test_tweet_signature_is_furniture_but_the_tweet_text_stays() -> None:
    line = "Kim a visité l'usine. pic.twitter.com/AbC123— Jane Doe (@janedoe) September 15, 2023"
    text = f"{LEAD_EN}\n{line}"
    assert _furniture_texts(text) == ["pic.twitter.com/AbC123— Jane Doe (@janedoe) September 15, 2023"]


@pytest.mark.parametrize(
    ("lead", "marker", "footer"),
    [
        (LEAD_AR, "مقالات ذات صلة", "قمة بين الزعيمين\nزر الذهاب إلى الأعلى\nإغلاق"),
        (LEAD_AR, "أخبار ذات صلة:", "عنوان أول\nعنوان ثان"),
        (LEAD_EN, "You may also like", "Another headline\n\nLeave a Comment"),
        (LEAD_EN, "Related articles", "Kim leaves Russia\nPutin visits"),
        (LEAD_FR, "Sur le même sujet", "Kim quitte la Russie"),
        (LEAD_FR, "Articles similaires", "Un autre titre"),
    ],
)
def test_tail_block_runs_to_the_end(lead: str, marker: str, footer: str) -> None:
    text = f"{lead}\n\n{marker}\n{footer}\n"
    assert _furniture_texts(text) == [f"{marker}\n{footer}"]


def test_tail_marker_before_any_article_text_is_only_a_line() -> None:
    text = f"Related articles\n{LEAD_EN}\n{LEAD_EN}"
    assert _furniture_texts(text) == ["Related articles"]
    assert split_embedded(text) == [(0, len(text))]


@pytest.mark.parametrize(
    "marker",
    [
        "إقرأ أيضاً:",
        "اقرأ أيضا",
        "اقرأ ايضاً",
        "إقرأ أيضا:",
        "Lire aussi :",
        "À lire aussi",
        "Read also",
        "Read more",
    ],
)
def test_read_also_block_with_prose_is_an_embedded_article(marker: str) -> None:
    headline = "كوريا الشمالية تصنع أكبر سفينة حربية"
    text = f"{LEAD_AR}\n{LEAD_AR}\nكلمات دلالية: روسيا\n{marker}\n{headline}\n{EMBEDDED_AR}"
    ranges = split_embedded(text)
    assert len(ranges) == 2
    (main_start, main_end), (start, end) = ranges
    assert (main_start, text[main_start:main_end]) == (0, f"{LEAD_AR}\n{LEAD_AR}\nكلمات دلالية: روسيا")
    assert text[start:end] == f"{headline}\n{EMBEDDED_AR}".rstrip()
    assert _furniture_texts(text) == ["كلمات دلالية: روسيا", marker]


def test_read_also_block_ends_at_the_tail() -> None:
    text = f"{LEAD_AR}\nاقرأ أيضا\n{EMBEDDED_AR}\nمقالات ذات صلة\nعنوان"
    ranges = split_embedded(text)
    assert [text[start:end] for start, end in ranges[1:]] == [EMBEDDED_AR.rstrip()]
    assert _furniture_texts(text)[-1] == "مقالات ذات صلة\nعنوان"


def test_read_also_marker_before_any_article_text_is_only_a_line() -> None:
    text = f"Read also\n{LEAD_EN}\n{LEAD_EN}\n{LEAD_EN}"
    assert split_embedded(text) == [(0, len(text))]
    assert _furniture_texts(text) == ["Read also"]


def test_short_read_also_block_is_furniture() -> None:
    text = f"{LEAD_AR}\nاقرأ أيضا:\nكوريا الشمالية تصنع أكبر سفينة حربية\nبوتين يستقبل كيم"
    assert split_embedded(text) == [(0, len(text))]
    assert _furniture_texts(text) == ["اقرأ أيضا:\nكوريا الشمالية تصنع أكبر سفينة حربية\nبوتين يستقبل كيم"]


def test_spans_are_sorted_and_disjoint() -> None:
    text = "\n".join([LEAD_AR, "شارك", "Tweet", LEAD_EN, "0 comment", "by desk", LEAD_FR, "You may also like", "x"])
    spans = find_furniture(text)
    assert len(spans) == 5
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_rules_are_loaded_lazily_once() -> None:
    module = importlib.reload(furniture)
    assert module._rules.cache_info().currsize == 0
    module.find_furniture(LEAD_EN)
    module.find_furniture(LEAD_AR)
    assert module._rules.cache_info().currsize == 1
    assert module._rules.cache_info().misses == 1


def test_a_page_s_layout_is_worked_out_once_for_its_split_and_its_furniture() -> None:
    page = LEAD_EN + "\nShare this article\n"
    furniture._layout_of.cache_clear()
    ranges = furniture.split_embedded(page)
    assert furniture.find_furniture(page[ranges[0][0] : ranges[0][1]]) == furniture.find_furniture(page)
    info = furniture._layout_of.cache_info()
    assert (info.misses, info.hits) == (1, 2)


def test_the_shipped_rules_sources_are_worked_out_once_and_kept(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    worked_out = furniture._load_rules(furniture.FURNITURE_PATH)
    monkeypatch.setenv("GEOSTORY_CACHE_DIR", str(tmp_path))
    assert furniture._load_rules(furniture.FURNITURE_PATH) == worked_out  # no copy yet: worked out, kept
    assert "furniture-rules" in {copy.name.split(".")[0] for copy in tmp_path.iterdir()}
    monkeypatch.setattr(furniture, "_sources", lambda path: pytest.fail("worked out again"))
    assert furniture._load_rules(furniture.FURNITURE_PATH) == worked_out
