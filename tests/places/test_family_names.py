"""A town's name right before a family nisba («ال…ي») is a given name, not the town."""

from __future__ import annotations

from dataclasses import replace

import pytest

from geo.model import Article, MatchKind, Mention
from geo.pipeline import Pipeline
from geo.places.family_names import without_family_names, word_before
from geo.places.gazetteer import Gazetteer
from geo.text.sentences import split_sentences


def _places(gazetteer: Gazetteer, text: str) -> dict[str, str]:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language="ar")
    return {r.mention.text: r.place.name for r in Pipeline(gazetteer).process(article).resolutions}


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        ("حضر الحفل سالم براك السبيعي مع أسرته", "براك", False),  # a rare family nisba: a person
        ("فاز اللاعب خالد براك الحارثي بالسباق", "براك", False),
        ("زار الوزير معرض دمشق الدولي", "دمشق", True),  # «الدولي»: a common adjective of the fair
        ("وصل الوفد إلى القاهرة الكبرى", "القاهرة", True),  # a name with the article is never read so
        ("أعلنت مصر الرسمية الحداد", "مصر", True),  # a country is never a given name
        ("وصل إلى بيروت الحريري قادما من باريس", "بيروت", True),  # a preposition before it: the place
        ("توجه إلى مسقط البوسعيدي للقاء نظيره", "مسقط", True),
        ("غادر بيروت الحريري متوجها إلى باريس", "بيروت", True),  # a movement word before it
    ],
)
def test_a_town_before_a_family_nisba_is_a_given_name(
    gazetteer: Gazetteer, text: str, surface: str, kept: bool
) -> None:
    assert (surface in _places(gazetteer, text)) is kept


def _mention(text: str, surface: str, match: MatchKind = MatchKind.EXACT) -> Mention:
    start = text.index(surface)
    return Mention(
        article="t", start=start, end=start + len(surface), text=surface, sentence=0, match=match,
        candidates=(0,),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "surface", "match", "kept"),
    [
        ("الأستاذ براك السبيعي", "براك", MatchKind.EXACT, False),
        ("الأستاذ براك السبيعي", "براك", MatchKind.PHONETIC, True),  # only a name matched as written
        ("الأستاذ #براك السبيعي", "براك", MatchKind.EXACT, True),  # a hashtag is left alone
        ("الأستاذ براك", "براك", MatchKind.EXACT, True),  # no word after it
        ("الأستاذ براك العربي", "براك", MatchKind.EXACT, True),  # a common adjective
    ],
)
def test_what_is_read_as_a_family_name(
    gazetteer: Gazetteer, text: str, surface: str, match: MatchKind, kept: bool
) -> None:
    rows = [h.row for h in gazetteer.lookup("براك")]
    mention = replace(_mention(text, surface, match), candidates=tuple(rows))
    got = without_family_names(text, [mention], gazetteer=gazetteer, max_zipf=4.2)
    assert bool(got) is kept


@pytest.mark.parametrize(
    ("text", "start", "word"),
    [
        ("وصل إلى بيروت", 8, "الي"),  # folded
        ("بيروت", 0, ""),  # nothing before it
        ("وصل\nبيروت", 4, ""),  # another line
    ],
)
def test_word_before(text: str, start: int, word: str) -> None:
    assert word_before(text, start) == word
