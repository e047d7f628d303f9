"""A story document with hostile text in quotes, captions and names, shared by the tests of the exports."""

from __future__ import annotations

from geo.model import Role
from geo.story.document import ArticleDoc, PlaceDoc, Quote, StopDoc, StoryDoc

__all__ = ["SCRIPT", "IMG", "FORMULA", "HOSTILE", "hostile_doc"]

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
FORMULA = "=cmd|' /C calc'!A0"
HOSTILE = f"وصل إلى حلب {SCRIPT} & \"quoted\" 'single' {IMG}"


def _quote(article: str, text: str, sentence: str, *, url: str | None = None, source: str | None = None) -> Quote:
    start = max(sentence.find(text), 0)
    return Quote(article=article, text=text, start=start, end=start + len(text), sentence=sentence, role=Role.VISIT,
                 why="a movement word right before it", url=url, source=source)  # fmt: skip


def hostile_doc() -> StoryDoc:
    """Three stops (the last undated), two context places; hostile text in quotes, captions and names."""
    stops = [
        StopDoc(seq=1, id="geonames:170063", name="Aleppo", name_ar="حلب", lat=36.2021234567, lon=37.1342987654,
                place_type="city", date_start="2024-05-01", date_certainty="exact", role=Role.VISIT,
                caption=FORMULA, quotes=[_quote("a1.txt", "حلب", HOSTILE, url="javascript:alert(1)", source="عنب بلدي"),
                                         _quote("b2.txt", "Aleppo", f"He reached Aleppo {IMG}.",
                                                url="https://example.org/a?x=1&y=2", source="Reuters")]),
        StopDoc(seq=2, id="geonames:276781", name="Beirut", name_ar="بيروت", lat=33.88863, lon=35.49548,
                place_type="city", date_start="2024-05-02", date_end="2024-05-04", date_certainty="approximate",
                role=Role.PLAN, caption="@SUM(A1)", quotes=[_quote("a1.txt", "بيروت", "ثم بيروت & " + SCRIPT)]),
        StopDoc(seq=3, id="geonames:2530335", name="+Tangier", lat=35.76727, lon=-5.79975, place_type="city",
                role=Role.VISIT, caption="-2+3 \x0b form feed\x0c",
                quotes=[_quote("=evil.txt", "Tangier", "Tangier.")]),
    ]  # fmt: skip
    places = [
        PlaceDoc(id="country:SY", name="Syria", name_ar="سوريا", lat=35.0, lon=38.0, place_type="country",
                 roles=[Role.COUNTRY], quotes=[_quote("a1.txt", "سوريا", f"سوريا {SCRIPT}")]),
        PlaceDoc(id="water:med", name="Mediterranean <Sea> & co", lat=34.0, lon=18.0, place_type="water",
                 roles=[Role.DATELINE, Role.MENTIONED]),
    ]  # fmt: skip
    articles = [ArticleDoc(name="a1.txt", title=f"عنوان {SCRIPT}"), ArticleDoc(name="b2.txt", language="en")]
    return StoryDoc(title=f"The journey {SCRIPT}", traveller="Ahmad & <co>", articles=articles, stops=stops,
                    places=places)  # fmt: skip
