"""State nouns: «المملكة», «السلطنة» read as the one country of that kind the article's other names point to."""

from __future__ import annotations

import pytest

from geo.model import Article
from geo.pipeline import Pipeline
from geo.places.gazetteer import Gazetteer
from geo.places.recognition import Recognizer
from geo.places.state_nouns import load_state_nouns, state_nouns
from geo.text.sentences import split_sentences


def _article(text: str) -> Article:
    return Article(name="t.txt", text=text, sentences=split_sentences(text), language="ar")


def test_every_noun_names_countries_of_the_gazetteer(gazetteer: Gazetteer) -> None:
    nouns = load_state_nouns()
    assert nouns
    for noun, countries in nouns.items():
        assert countries, noun
        assert all(gazetteer.country_row(c) is not None for c in countries), noun


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("وصل الوزير إلى الرياض، وأشاد بدور المملكة في المنطقة.", {"المملكة": "SA"}),
        ("زار الوفد مدينة الرباط، وقال إن للمملكة دورا كبيرا.", {"للمملكة": "MA"}),
        ("التقى الوزير نظيره في عمّان، ثم غادر المملكه مساء.", {"المملكه": "JO"}),
        ("وصل الوفد إلى مسقط في أول زيارة للسلطنة.", {"للسلطنة": "OM"}),
        # no kingdom named, or two named as much: not read
        ("أشاد الوزير بدور المملكة في المنطقة.", {}),
        ("زار الوزير الرباط ثم الرياض، وأشاد بدور المملكة.", {}),
        # a name that holds the noun is left to that name
        ("وصل الرئيس إلى المملكة العربية السعودية.", {}),
    ],
)
def test_a_state_noun_is_the_country_the_article_points_to(
    gazetteer: Gazetteer, text: str, read: dict[str, str]
) -> None:
    article = _article(text)
    before = Recognizer(gazetteer).find(article)
    mentions = state_nouns(article, mentions=before, gazetteer=gazetteer)
    added = {m.text: gazetteer.place(m.candidates[0]).country for m in mentions if m not in before}
    assert added == read
    assert [(m.start, m.end) for m in mentions] == sorted((m.start, m.end) for m in mentions)


def test_the_kingdom_places_a_site_named_after_a_person(gazetteer: Gazetteer) -> None:
    text = "وصل الرئيس إلى المملكة اليوم في زيارة رسمية، حيث كان في استقباله بمطار الملك خالد الدولي ولي العهد."
    resolutions = Pipeline(gazetteer).process(_article(text)).resolutions
    placed = {r.mention.text: r.place for r in resolutions}
    assert placed["المملكة"].country == "SA"
    assert placed["مطار الملك خالد الدولي"].feature == "airport"
