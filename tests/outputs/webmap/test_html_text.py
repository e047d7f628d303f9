"""Article text in the page's HTML (geo/outputs/webmap/html_text.py): escaped once, Arabic marked right to left."""

from __future__ import annotations

import pytest

from geo.outputs.webmap.html_text import escape, mixed, text_attrs, text_direction
from tests.outputs.webmap.story_page import stop_popup


def test_arabic_is_marked_rtl(page: str) -> None:
    assert page.startswith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')
    assert "<title>رحلة الرئيس: Damascus – Aleppo &lt;/script&gt;" in page
    for name in ("دمشق", "حلب", "تدمر"):
        assert f'<span class="sm-li-ar" lang="ar" dir="rtl">{name}</span>' in page
    damascus = stop_popup(page, 1)
    assert '<span class="sm-pop-ar" lang="ar" dir="rtl">دمشق</span>' in damascus
    assert '<blockquote lang="ar" dir="rtl">' in damascus
    assert '«<span lang="ar" dir="rtl">يوم الأربعاء</span>»' in damascus  # Arabic runs inside English captions
    assert '<span class="sm-q-article" lang="ar" dir="rtl">زيارة إلى الشمال</span>' in damascus


@pytest.mark.parametrize(
    ("text", "lang", "attrs"),
    [
        ("وصل إلى حلب", None, ' lang="ar" dir="rtl"'),
        ("KnAAZ زار الزعيم المصنع", "ar", ' lang="ar" dir="rtl"'),  # Arabic that opens with a Latin acronym
        ("«بوتين» met Kim at the cosmodrome on Wednesday", "en", ' lang="en" dir="ltr"'),  # opens with Arabic
        ("In Aleppo, known as حلب", "en", ' lang="en" dir="ltr"'),  # Latin letters dominate
        ("In Aleppo (حلب)", "ar", ' lang="ar" dir="rtl"'),  # an Arabic article with Arabic letters: Arabic
        ("The summit in Aleppo", "ar", ' dir="ltr"'),  # no Arabic letter: never marked Arabic
        ("قمة حلب", "en", ' lang="ar" dir="rtl"'),  # no Latin letter in an "English" article: Arabic
        ("Reuters: حلب", None, ' dir="ltr"'),  # no article: the script with more letters
        ("عنب بلدي Enab", None, ' lang="ar" dir="rtl"'),
        ("کابل", "fa", ' lang="fa" dir="rtl"'),  # another right-to-left language keeps its code
        ("In Aleppo", "fr", ' lang="fr" dir="ltr"'),
        ("In Aleppo", None, ' dir="ltr"'),
        ("2023", "ar", ' lang="ar" dir="rtl"'),  # no letter: the article's language
        ("2023", None, ' dir="auto"'),
        ("", None, ' dir="auto"'),
    ],
)
def test_text_attrs(text: str, lang: str | None, attrs: str) -> None:
    assert text_attrs(text, lang) == attrs
    code, way = text_direction(text, lang)
    assert attrs == (f' lang="{code}" dir="{way}"' if code else f' dir="{way}"')


def test_mixed_wraps_arabic_runs_and_escapes_the_rest() -> None:
    assert mixed("dated by «يوم الأربعاء» <b>") == (
        'dated by «<span lang="ar" dir="rtl">يوم الأربعاء</span>» &lt;b&gt;'
    )
    assert escape('"<&>') == "&quot;&lt;&amp;&gt;"
