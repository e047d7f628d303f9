"""The interface strings: complete in English and Arabic, every role and certainty in words."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest

from geo.model import Certainty, Role
from geo.presenter.translations import (
    LANGUAGES,
    STRINGS,
    UPLOADERS,
    certainty_text,
    date_text,
    is_rtl,
    role_text,
    rtl_css,
    stop_name,
    tr,
)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_translations_are_complete() -> None:
    assert set(STRINGS) == set(LANGUAGES) == {"en", "ar"}
    assert set(STRINGS["en"]) == set(STRINGS["ar"])
    arabic = re.compile("[\u0600-\u06ff]")
    for key, english in STRINGS["en"].items():
        arabic_text = STRINGS["ar"][key]
        assert english.strip() and arabic_text.strip(), key
        assert _fields(english) == _fields(arabic_text), key
        if arabic.search(english) is None and key not in {"progress", "kind_context", "dl_geojson", "dl_gpkg",
                                                         "dl_storymap", "upload_kinds_json"}:  # fmt: skip
            assert arabic.search(arabic_text), f"{key} is not translated"
    assert tr("ar", "stop_of", seq=2, total=6) == "المحطة 2 من 6"
    assert tr("xx", "next") == tr("en", "next")
    assert is_rtl("ar") and not is_rtl("en") and "rtl" in rtl_css()
    assert role_text(Role.GOVERNMENT, lang="ar") == "ذُكر للدلالة على حكومته"


def test_every_role_and_certainty_has_words_in_both_languages() -> None:
    for lang in LANGUAGES:
        for role in Role:
            assert f"role_{role}" in STRINGS[lang], (lang, role)
        for certainty in Certainty:
            assert certainty_text(certainty, lang=lang) == STRINGS[lang][f"certainty_{certainty}"]
    assert all(role_text(role, lang="ar") != role for role in Role)  # none falls back to the bare value
    assert role_text(Role.RELATED_REPORT) == role_text(Role("related report")) == "site of a related report"
    assert certainty_text(Certainty.APPROXIMATE, lang="ar") == "تاريخ تقريبي"


def test_dates_in_words() -> None:
    assert date_text(dt.date(2023, 9, 15), dt.date(2023, 9, 17)) == "15–17 September 2023"
    assert date_text(None, None, lang="ar") == "تاريخ غير معروف"


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("story-upload", "حتى 300 ميغابايت للملف • JSON"),
        ("article-upload", "حتى 300 ميغابايت للملف • TXT و MD و HTML"),
    ],
)
def test_the_arabic_page_writes_the_uploaders_words_in_arabic(key: str, words: str) -> None:
    from tests.conftest import ROOT

    css = rtl_css(upload_mb=300)
    assert f'.st-key-{key} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: "{words}";' in css
    assert 'content: "اختر ملفات"' in css and "font-size: 0;" in css
    assert f'key="{key}"' in (ROOT / "app.py").read_text(encoding="utf-8")  # the app's uploader has that key
    assert set(UPLOADERS) == {"story-upload", "article-upload"}


@pytest.mark.parametrize(
    ("name_ar", "lang", "expected"),
    [("بيونغيانغ", "ar", "بيونغيانغ"), ("بيونغيانغ", "en", "Pyongyang"), (None, "ar", "Pyongyang")],
)
def test_stop_name_in_the_interface_language(name_ar: str | None, lang: str, expected: str) -> None:
    from geo.story.document import StopDoc

    stop = StopDoc(seq=1, id="p", name="Pyongyang", name_ar=name_ar, lat=39.0, lon=125.7, place_type="city")
    assert stop_name(stop, lang=lang) == expected
