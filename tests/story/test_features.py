"""Gathering resolutions into one feature per place; the story's title."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.model import Certainty, Mention, Place, Resolution, Role, Stop
from geo.story.features import gather_features, story_title


def _res(article: str, start: int, place: Place, *, uncertainty: float = 5.0, confidence: float = 0.8) -> Resolution:
    mention = Mention(article=article, start=start, end=start + 3, text="abc", sentence=0, match="exact", candidates=())
    return Resolution(mention=mention, place=place, confidence=confidence, uncertainty_km=uncertainty)


CAIRO = Place(id="geonames:1", name="Cairo", lat=30.0, lon=31.2, place_type="city")
ALEPPO = Place(id="geonames:2", name="Aleppo", lat=36.2, lon=37.1, place_type="city")


def test_one_feature_per_place_in_first_mention_order() -> None:
    features = gather_features(
        [_res("b.txt", 5, CAIRO), _res("a.txt", 50, ALEPPO), _res("a.txt", 10, CAIRO, uncertainty=2.0)]
    )
    assert [f.place.name for f in features] == ["Cairo", "Aleppo"]
    cairo = features[0]
    assert [(r.mention.article, r.mention.start) for r in cairo.resolutions] == [("a.txt", 10), ("b.txt", 5)]
    assert cairo.uncertainty_km == 2.0


def test_order_does_not_depend_on_input_order() -> None:
    items = [_res("b.txt", 5, CAIRO), _res("a.txt", 50, ALEPPO), _res("a.txt", 10, CAIRO)]
    assert gather_features(items) == gather_features(list(reversed(items)))


def test_feature_confidence_is_the_best_of_its_mentions() -> None:
    features = gather_features([_res("a.txt", 1, CAIRO, confidence=0.6), _res("a.txt", 9, CAIRO, confidence=0.9)])
    assert features[0].confidence == 0.9


def test_no_resolutions_no_features() -> None:
    assert gather_features([]) == ()


def _stop(seq: int, place: Place, day: int | None) -> Stop:
    date = dt.date(2024, 5, day) if day else None
    return Stop(seq=seq, place=place, date_start=date, date_end=date, certainty=Certainty.EXACT, role=Role.VISIT,
                evidence=())  # fmt: skip


CAIRO_AR = Place(id="geonames:1", name="Cairo", name_ar="القاهرة", lat=30.0, lon=31.2, place_type="city")


@pytest.mark.parametrize(
    ("traveller", "stops", "lang", "title"),
    [
        ("Ada Lovelace", (_stop(1, CAIRO, 3), _stop(2, ALEPPO, 5)), "en", "Ada Lovelace: Cairo – Aleppo, May 2024"),
        ("سمير", (_stop(1, CAIRO_AR, 3), _stop(2, ALEPPO, 5)), "ar", "سمير: القاهرة – Aleppo، مايو 2024"),
        (None, (_stop(1, CAIRO_AR, 3),), "ar", "رحلة: القاهرة، مايو 2024"),
        (None, (_stop(1, CAIRO, None),), "fr", "A journey: Cairo"),
        ("سمير", (), "ar", "سمير: أماكن في الأخبار"),
        (None, (), "en", "Places in the news"),
    ],
)
def test_the_title_speaks_the_story_language(traveller: str | None, stops: tuple, lang: str, title: str) -> None:
    assert story_title(traveller, stops, lang=lang) == title
