"""A country or its capital: "Mexico" is the country, "Monaco" the town (a city-state's capital)."""

from __future__ import annotations

import pytest

from geo.model import Article, PlaceType
from geo.pipeline import Pipeline
from geo.places.gazetteer import Gazetteer
from geo.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "language", "surface", "place_type", "country"),
    [
        ("Thousands of migrants crossed from Mexico into Texas last year.", "en", "Mexico", PlaceType.COUNTRY, "MX"),
        ("The mayor of Mexico City opened the new metro line.", "en", "Mexico City", PlaceType.CITY, "MX"),
        ("Le président est arrivé dimanche à Monaco pour une visite d'État.", "fr", "Monaco", PlaceType.CITY, "MC"),
        ("The minister flew to Singapore on Monday for the summit.", "en", "Singapore", PlaceType.CITY, "SG"),
        ("Les exportations du Mexique vers l'Europe ont augmenté.", "fr", "Mexique", PlaceType.COUNTRY, "MX"),
        ("عبر آلاف المهاجرين من المكسيك إلى تكساس العام الماضي.", "ar", "المكسيك", PlaceType.COUNTRY, "MX"),
    ],
)
def test_a_country_or_its_capital(
    gazetteer: Gazetteer, text: str, language: str, surface: str, place_type: PlaceType, country: str
) -> None:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language=language)
    found = {r.mention.text: r.place for r in Pipeline(gazetteer).process(article).resolutions}
    assert (found[surface].place_type, found[surface].country) == (place_type, country)
