"""Post tags: a whole hashtag marks a place's name; an @handle is an account, never a place."""

from __future__ import annotations

import pytest

from geo.model import Article, MatchKind, Mention
from geo.pipeline import Pipeline
from geo.places.gazetteer import Gazetteer
from geo.places.tags import HASHTAG_CUE, post_tags
from geo.text.sentences import split_sentences


def _mention(text: str, surface: str) -> Mention:
    start = text.index(surface)
    return Mention(
        article="t", start=start, end=start + len(surface), text=surface, sentence=0, match=MatchKind.EXACT,
        candidates=(1,),
    )  # fmt: skip


def _places(gazetteer: Gazetteer, text: str, language: str) -> set[str]:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language=language)
    return {r.mention.text for r in Pipeline(gazetteer).process(article).resolutions}


@pytest.mark.parametrize(
    ("text", "surface", "cue"),
    [
        ("أمطار غزيرة مساء اليوم #معان", "معان", HASHTAG_CUE),
        ("Heavy rain tonight #Lyon", "Lyon", HASHTAG_CUE),
        ("Fortes pluies ce soir #Lyon.", "Lyon", HASHTAG_CUE),  # punctuation ends the tag
        ("أمطار غزيرة مساء اليوم في معان", "معان", None),  # no tag: nothing added
    ],
)
def test_a_whole_hashtag_is_a_cue(text: str, surface: str, cue: str | None) -> None:
    (out,) = post_tags(text, [_mention(text, surface)])
    assert out.cue == cue


@pytest.mark.parametrize(
    "text",
    ["RT @Radio_Lyon: heavy rain tonight", "عاجل من @سفارة_الأردن_لندن: تعليق الرحلات", "écrire à @Lyon_Info ce soir"],
)
def test_a_name_inside_a_handle_is_dropped(text: str) -> None:
    surface = "Lyon" if "Lyon" in text else "الأردن"
    assert post_tags(text, [_mention(text, surface)]) == []


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("أمطار غزيرة وتحذيرات للسكان مساء الخميس #نجران", "ar", "نجران"),
        ("Storm warning for the coast tonight #Marseille", "en", "Marseille"),
        ("Alerte orange aux orages ce soir #Marseille", "fr", "Marseille"),
    ],
)
def test_a_tagged_place_is_found(gazetteer: Gazetteer, text: str, language: str, surface: str) -> None:
    assert surface in _places(gazetteer, text, language)
