"""Names the gazetteer cannot place, found by general cues: a trigger noun before them, or (Latin script)
a preposition of place; never common words, persons, acronyms, institutions or names already placed."""

from __future__ import annotations

import pytest

from geo.model import Article, Span
from geo.pipeline import Pipeline
from geo.places.gazetteer import Gazetteer
from geo.places.unplaced import UnplacedName, find_unplaced
from geo.settings import LookupSettings


@pytest.fixture(scope="module")
def pipeline(gazetteer: Gazetteer) -> Pipeline:
    return Pipeline(gazetteer)


def _unplaced(
    pipeline: Pipeline, text: str, language: str = "ar", lookup: LookupSettings | None = None, **kw: tuple[Span, ...]
) -> list[UnplacedName]:
    article = Article(name="t.txt", text=text, sentences=(Span(0, len(text)),), language=language, **kw)
    result = pipeline.process(article)
    return find_unplaced(
        article,
        mentions=result.mentions,
        resolutions=result.resolutions,
        frequencies=pipeline.gazetteer.zipf,
        lookup=lookup,
    )


#: text, language, the names found (as written), the trigger hint of the first
FOUND = [
    ("وصل الرئيس إلى ميناء زمزوم يوم الأحد.", "ar", ["زمزوم"], "port"),
    ("هبطت الطائرة في مطار الصخير الدولي.", "ar", ["الصخير"], "airport"),  # ends at the common word
    ("ثم زار بمدينة زمزوريك المجاورة.", "ar", ["زمزوريك"], "city"),  # a proclitic on the trigger noun
    ("They sailed into the port of Vlqzmarsk at dawn.", "en", ["Vlqzmarsk"], "port"),  # a function word between
    ("Il a atterri à l'aéroport de Vlqzmarsk.", "fr", ["Vlqzmarsk"], "airport"),
    ("The minister flew to Vlqzmarsk on Monday.", "en", ["Vlqzmarsk"], None),  # a preposition of place
    ("The convoy reached Upper Vlqzmarsk-Dobra late.", "en", ["Upper Vlqzmarsk-Dobra"], None),  # several words
    ("Le ministre est arrivé à Vlqzmarsk puis à Zqorbinsk.", "fr", ["Vlqzmarsk", "Zqorbinsk"], None),
]


@pytest.mark.parametrize(("text", "language", "names", "trigger"), FOUND)
def test_finds_unplaced_names(pipeline, text, language, names, trigger):
    found = _unplaced(pipeline, text, language)
    assert [n.text for n in found] == names
    assert found[0].trigger == trigger
    assert all(text[n.start : n.end] == n.text and n.query == " ".join(n.text.split()) for n in found)


#: text, language: nothing to ask about
NOTHING = [
    ("وصل الرئيس إلى ميناء طرطوس يوم الأحد.", "ar"),  # placed by the gazetteer
    ("أطلقت كوريا برامجها الفضائية والأقمار الصناعية.", "ar"),  # «والأقمار» is «الأقمار», a common word
    ("نقلت البيانات إلى قاعدة بيانات جديدة.", "ar"),  # a common word after the trigger noun
    ("The minister flew to Nairobi on Monday.", "en"),  # placed
    ("The summit opens in January in the capital.", "en"),  # common words
    ("He spoke to President Zqorbin about it.", "en"),  # a person's title
    ("Zqorbin said the talks went well, according to Vlqzmarsk.", "en"),  # a source, not a place
    ("The convoy reached Dobra late.", "en"),  # a gazetteer name resolution turned down
    ("The request went to NATO and to the Kremlin.", "en"),  # an acronym; an institution
    ("The Port Vlqzmarsk authority met.", "en"),  # a capitalised trigger is part of a name: no cue
    ("The president flew to 2024 summits.", "en"),  # a number
    ("Le président de Zqorbin a parlé.", "fr"),  # a title before it
    ("وقال زمزوم إن الميناء مغلق.", "ar"),  # no trigger noun before it
]


@pytest.mark.parametrize(("text", "language"), NOTHING)
def test_finds_nothing_to_ask(pipeline, text, language):
    assert _unplaced(pipeline, text, language) == []


def test_a_person_named_elsewhere_is_not_a_place(pipeline):
    text = "President Zqorbin arrived. Later the delegation flew to Zqorbin for talks."
    assert _unplaced(pipeline, text, "en") == []


def test_furniture_is_skipped(pipeline):
    text = "The minister flew to Vlqzmarsk.\nShare: fly to Zqorbinsk now"
    start = text.index("Share")
    found = _unplaced(pipeline, text, "en", furniture=(Span(start, len(text)),))
    assert [n.text for n in found] == ["Vlqzmarsk"]


def test_every_span_of_a_name_is_listed(pipeline):
    text = "وصل إلى ميناء زمزوم ثم غادر ميناء زمزوم."
    found = _unplaced(pipeline, text)
    assert [(n.text, n.start) for n in found] == [("زمزوم", 14), ("زمزوم", text.rindex("زمزوم"))]


#: text, language, the function words allowed between a trigger noun and its name, the names found
CONNECTORS = [
    ("They sailed into the port of Vlqzmarsk at dawn.", "en", 0, []),
    ("They sailed into the port of Vlqzmarsk at dawn.", "en", 1, ["Vlqzmarsk"]),
    ("Il a atterri à l'aéroport de la Vlqzmarsk.", "fr", 1, []),
    ("Il a atterri à l'aéroport de la Vlqzmarsk.", "fr", 2, ["Vlqzmarsk"]),
    ("وصل الرئيس إلى ميناء زمزوم يوم الأحد.", "ar", 0, ["زمزوم"]),  # right after the trigger: none needed
]


@pytest.mark.parametrize(("text", "language", "connectors", "names"), CONNECTORS)
def test_the_settings_say_how_far_a_trigger_reaches(pipeline, text, language, connectors, names):
    found = _unplaced(pipeline, text, language, LookupSettings(max_connectors=connectors))
    assert [n.text for n in found] == names
