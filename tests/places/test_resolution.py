"""Resolution: which mentions are places, and which place each names."""

from __future__ import annotations

import pytest

from geo.model import Article
from geo.pipeline import Pipeline
from geo.places.gazetteer import Gazetteer
from geo.places.resolution import haversine_km
from geo.settings import ResolutionSettings, Settings
from geo.text.sentences import split_sentences


def _resolve(gazetteer: Gazetteer, text: str) -> dict[str, tuple[str, str | None, float, float]]:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text))
    result = Pipeline(gazetteer).process(article)
    return {r.mention.text: (r.place.name, r.place.country, r.place.lat, r.place.lon) for r in result.resolutions}


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("وصل الرئيس المصري إلى القاهرة قادما من الرياض.", "القاهرة", "EG"),
        ("وصل الرئيس المصري إلى القاهرة قادما من الرياض.", "الرياض", "SA"),
        ("زار وزير الخارجية الأردني عمان ثم دمشق.", "عمان", "JO"),  # the capital, not the country Oman
        ("وصل الوفد الروسي إلى موسكو.", "موسكو", "RU"),  # not Moscow, Idaho
        ("The delegation travelled from Paris to Dakar.", "Dakar", "SN"),
        ("Le président est arrivé à Alger puis à Oran.", "Oran", "DZ"),
        ("The talks were held in Alexandria, Egypt.", "Alexandria", "EG"),
        ("Selon l'Élysée, M. Macron regagnera Paris samedi soir.", "Paris", "FR"),
        ("وكان الرئيس قد وصل إلى برزيميشل البولندية بالقطار", "برزيميشل", "PL"),
    ],
)
def test_picks_the_prominent_and_contextual_place(gazetteer: Gazetteer, text: str, surface: str, country: str) -> None:
    found = _resolve(gazetteer, text)
    assert found[surface][1] == country


@pytest.mark.parametrize(
    ("text", "not_places"),
    [
        ("قال المتحدث إن الجديد في الأمر هو المدينة نفسها.", {"الجديد", "المدينة", "إن"}),
        ("وقال جوزيف إن الزيارة كانت ناجحة بين البلدين.", {"جوزيف", "الزيارة", "بين"}),
        ("والتقى الرئيس فلاديمير بوتين بالصحفيين يوم الأحد.", {"فلاديمير", "الأحد"}),
        ("Il a dit que la visite était un succès.", {"Il a", "Il"}),
    ],
)
def test_common_words_and_names_of_people_are_not_places(gazetteer: Gazetteer, text: str, not_places: set[str]) -> None:
    assert not (set(_resolve(gazetteer, text)) & not_places)


def test_country_context_breaks_ties(gazetteer: Gazetteer) -> None:
    """Two towns share a name; the country written next to it decides."""
    assert _resolve(gazetteer, "The minister visited Alexandria last week.")["Alexandria"][1] == "EG"
    assert _resolve(gazetteer, "The minister visited Alexandria, Romania, last week.")["Alexandria"][1] == "RO"


def test_relative_location_is_offset_from_its_anchor(gazetteer: Gazetteer) -> None:
    text = "أظهرت صور ميناء على بعد 50 كيلومترا شمال غرب بيروت."
    article = Article(name="t.txt", text=text, sentences=split_sentences(text))
    result = Pipeline(gazetteer).process(article)
    relative = [r for r in result.resolutions if r.place.place_type == "relative"]
    assert len(relative) == 1
    rel = relative[0]
    assert rel.anchor is not None and rel.anchor.name == "Beirut"
    assert haversine_km(rel.anchor.lat, rel.anchor.lon, rel.place.lat, rel.place.lon) == pytest.approx(50, rel=0.01)
    assert rel.place.lat > rel.anchor.lat and rel.place.lon < rel.anchor.lon
    assert rel.uncertainty_km >= 7.5
    assert rel.place.name.startswith("Port 50 km north-west of Beirut")


def test_confidence_rises_with_the_score(gazetteer: Gazetteer) -> None:
    article = Article(name="t.txt", text="وصل إلى مدينة حلب ثم إلى دمشق.")
    article = Article(name="t.txt", text=article.text, sentences=split_sentences(article.text))
    result = Pipeline(gazetteer).process(article)
    assert all(0.5 <= r.confidence <= 1.0 for r in result.resolutions)
    strict = Pipeline(gazetteer, settings=Settings(resolution=ResolutionSettings(threshold=20.0))).process(article)
    assert strict.resolutions == ()


def test_a_title_marks_one_mention_not_every_mention_of_the_name(gazetteer: Gazetteer) -> None:
    found = _resolve(gazetteer, "زار الرئيس القاهرة اليوم. وفي القاهرة التقى الوزراء.")
    assert found["القاهرة"][1] == "EG"


@pytest.mark.parametrize(("text", "surface", "country"), [("Le président est à Nice, en France.", "Nice", "FR")])
def test_french_frequencies_for_french_articles(gazetteer: Gazetteer, text: str, surface: str, country: str) -> None:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language="fr")
    result = Pipeline(gazetteer).process(article)
    assert {r.mention.text: r.place.country for r in result.resolutions}.get(surface) == country
