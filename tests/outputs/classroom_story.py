"""Two small story documents for the classroom files' tests: one told in Arabic, one in English."""

from __future__ import annotations

from geo.model import Role
from geo.story.document import ArticleDoc, Quote, StopDoc, StoryDoc

__all__ = ["arabic_doc", "english_doc"]


def _quote(article: str, text: str, sentence: str, role: Role) -> Quote:
    start = max(sentence.find(text), 0)
    return Quote(article=article, text=text, start=start, end=start + len(text), sentence=sentence, role=role)


def arabic_doc() -> StoryDoc:
    """Three stops of a made-up Arabic tour: Tunis → Algiers (a capital quoted first as its government) → Rabat."""
    articles = [
        ArticleDoc(name="001_aa.txt", title="جولة مغاربية", source="صحيفة الساحل", published="2024-03-02"),
        ArticleDoc(name="002_bb.txt", source="وكالة الأنباء", published="2024-03-05", url="https://example.org/2"),
    ]
    stops = [
        StopDoc(seq=1, id="t", name="Tunis", name_ar="تونس", lat=36.8, lon=10.18, place_type="city",
                date_start="2024-03-01", date_certainty="exact", role=Role.DEPARTURE,
                quotes=[_quote("001_aa.txt", "تونس", "غادر الوزير تونس صباح الجمعة متجها غربا.", Role.DEPARTURE)]),
        StopDoc(seq=2, id="a", name="Algiers", name_ar="الجزائر", lat=36.75, lon=3.06, place_type="city",
                date_start="2024-03-02", date_end="2024-03-03", date_certainty="approximate", role=Role.VISIT,
                quotes=[_quote("002_bb.txt", "الجزائر", "وقالت الجزائر إنها ترحب بالحوار.", Role.GOVERNMENT),
                        _quote("001_aa.txt", "الجزائر", "ووصل الوزير إلى الجزائر مساء السبت.", Role.VISIT)]),
        StopDoc(seq=3, id="r", name="Rabat", name_ar="الرباط", lat=34.02, lon=-6.84, place_type="city",
                role=Role.PLAN, quotes=[_quote("002_bb.txt", "الرباط", "ويزور الوزير الرباط لاحقا.", Role.PLAN)]),
    ]  # fmt: skip
    return StoryDoc(title="جولة الوزير المغاربية", traveller="الوزير سمير", articles=articles, stops=stops)


def english_doc() -> StoryDoc:
    """Two stops of a made-up English trip: Lisbon → Porto."""
    articles = [ArticleDoc(name="en_1.txt", title="A week up the coast", source="Coastal Daily", language="en",
                           published="2022-06-10", url="https://example.org/coast")]  # fmt: skip
    stops = [
        StopDoc(seq=1, id="l", name="Lisbon", name_ar="لشبونة", lat=38.72, lon=-9.14, place_type="city",
                date_start="2022-06-08", date_certainty="exact", role=Role.DEPARTURE,
                quotes=[_quote("en_1.txt", "Lisbon", "The cyclist left Lisbon on Wednesday.", Role.DEPARTURE)]),
        StopDoc(seq=2, id="p", name="Porto", lat=41.15, lon=-8.61, place_type="city", date_start="2022-06-09",
                date_certainty="exact", role=Role.VISIT,
                quotes=[_quote("en_1.txt", "Porto", "She rode into Porto a day later.", Role.VISIT)]),
    ]  # fmt: skip
    return StoryDoc(title="Along the coast", traveller="the cyclist", articles=articles, stops=stops)
