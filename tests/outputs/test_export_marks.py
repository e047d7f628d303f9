"""Every caption of every export carries ``lang``/``dir`` marks that match its script (issue 10, item 5).

The walker reads each piece of HTML an export holds (KML balloons and the
document's description, StoryMapJS headlines and texts), follows the marks
down the element tree, and checks every run of text: Arabic letters must sit
under ``lang="ar" dir="rtl"``, Latin letters under a left-to-right mark that
is not Arabic (an unmarked balloon reads left to right). A marked element is
judged whole: it must hold letters of the script its mark says (an English
name inside an Arabic sentence is fine, and so is an Arabic sentence that
opens with a Latin acronym), and text with letters of one script only must
be marked for it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from geo.outputs.kml import KML_NS, story_kml
from geo.outputs.storymapjs import story_storymap
from tests.outputs.classroom_story import arabic_doc, english_doc
from tests.outputs.hostile_story import hostile_doc

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_VOID = {"br", "img", "hr", "meta", "input", "wbr"}


class _Marks(HTMLParser):
    """The text of each marked element (its own, not that of marked elements inside it), with its marks.

    A sentence is judged whole: an English name inside an Arabic sentence is fine.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scopes: list[list] = [["", None, "ltr"]]  # text, lang, dir
        self.stack: list[int] = [0]  # the scope of each open element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        found = dict(attrs)
        current = self.scopes[self.stack[-1]]
        if found.get("lang") or found.get("dir"):
            self.scopes.append(["", found.get("lang") or current[1], found.get("dir") or current[2]])
            self.stack.append(len(self.scopes) - 1)
        else:
            self.stack.append(self.stack[-1])

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.scopes[self.stack[-1]][0] += data


def _mismatches(html_text: str) -> list[str]:
    parser = _Marks()
    parser.feed(html_text)
    bad = []
    for text, lang, direction in parser.scopes:
        arabic, latin = bool(_ARABIC.search(text)), bool(_LATIN.search(text))
        marked_arabic = lang == "ar" and direction == "rtl"
        if arabic and not latin and not marked_arabic:
            bad.append(f"Arabic under lang={lang} dir={direction}: {text!r}")
        elif latin and not arabic and (direction != "ltr" or lang == "ar"):
            bad.append(f"Latin under lang={lang} dir={direction}: {text!r}")
        elif arabic and latin and not marked_arabic and (direction != "ltr" or lang == "ar"):
            bad.append(f"Mixed text under a mixed mark lang={lang} dir={direction}: {text!r}")
    return bad


def _kml_captions(doc) -> list[str]:  # noqa: ANN001 - a StoryDoc
    root = ET.fromstring(story_kml(doc).encode("utf-8"))
    return [el.text or "" for el in root.iter(f"{{{KML_NS}}}description")]


def _storymap_captions(doc) -> list[str]:  # noqa: ANN001 - a StoryDoc
    slides = story_storymap(doc)["storymap"]["slides"]
    return [s["text"][key] for s in slides for key in ("headline", "text")] + [s.get("date", "") for s in slides]


DOCS = {"arabic": arabic_doc, "english": english_doc, "hostile": hostile_doc}


@pytest.mark.parametrize("export", [_kml_captions, _storymap_captions], ids=["kml", "storymapjs"])
@pytest.mark.parametrize("story", sorted(DOCS))
def test_every_caption_is_marked_with_its_script(export, story: str) -> None:  # noqa: ANN001
    captions = export(DOCS[story]())
    assert captions
    bad = [m for caption in captions for m in _mismatches(caption)]
    assert not bad, bad


@pytest.mark.parametrize(
    ("html_text", "ok"),
    [
        ('<p lang="ar" dir="rtl">يصل إلى حلب</p>', True),
        ("<p>يصل إلى حلب</p>", False),  # Arabic left unmarked
        ('<p lang="ar" dir="rtl">Arrives in Aleppo</p>', False),  # English marked Arabic
        ('<div lang="en" dir="ltr"><b>Date:</b> 1 May</div>', True),
        ("<p>2. Aleppo</p>", True),  # an unmarked balloon reads left to right
        ('<p lang="ar" dir="rtl">KnAAZ زار الزعيم المصنع</p>', True),  # Arabic opening with a Latin acronym
        ('<p lang="en" dir="rtl">«بوتين» met Kim at the cosmodrome</p>', False),  # English marked right to left
    ],
)
def test_the_walker_itself(html_text: str, ok: bool) -> None:
    assert (not _mismatches(html_text)) is ok
