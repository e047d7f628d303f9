"""What happened at a stop: the presence sentence, the headline per role and language, the source's name."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from geo.model import Article, Certainty, MatchKind, Mention, MentionRole, Place, PlaceType, Resolution, Role, Stop
from geo.pipeline import Pipeline
from geo.places.gazetteer import Gazetteer
from geo.story.happened import HEADLINE_LANGUAGES, event_headline, presence_evidence, source_label, tells_arrival
from geo.text.sentences import split_sentences

_PLACE = Place(id="geonames:1", name="Riyadh", lat=24.69, lon=46.72, place_type=PlaceType.CITY, name_ar="الرياض")
_DAY = dt.date(2024, 5, 8)


def _role(role: Role, *, stop: bool = True, first: dt.date | None = _DAY, article: str = "a.txt", at: int = 0):  # noqa: ANN202
    mention = Mention(
        article=article, start=at, end=at + 6, text="Riyadh", sentence=0, match=MatchKind.EXACT, candidates=()
    )
    resolution = Resolution(mention=mention, place=_PLACE, confidence=0.9)
    return MentionRole(resolution=resolution, role=role, stop=stop, first=first, last=first, why=str(role))


def _stop(*evidence: MentionRole, role: Role = Role.VISIT, start: dt.date | None = _DAY) -> Stop:
    return Stop(
        seq=1, place=_PLACE, date_start=start, date_end=start, certainty=Certainty.EXACT, role=role, evidence=evidence
    )


# (case, the stop's evidence, the stop's role, the index of the evidence expected, or None)
EVIDENCE = [
    (
        "a dateline never leads, though it comes first",
        [_role(Role.DATELINE, stop=False), _role(Role.VISIT, at=40)],
        Role.VISIT,
        1,
    ),
    (
        "the place used for its government never leads",
        [_role(Role.GOVERNMENT, stop=False), _role(Role.MENTIONED, stop=False), _role(Role.VISIT, at=90)],
        Role.VISIT,
        2,
    ),
    ("a past visit never leads", [_role(Role.HISTORICAL, stop=False, first=dt.date(2019, 1, 1))], Role.VISIT, None),
    ("the stop's own role leads", [_role(Role.PLAN, at=1), _role(Role.DEPARTURE, at=50)], Role.DEPARTURE, 1),
    ("a sentence dated in the stop leads", [_role(Role.VISIT, first=None), _role(Role.VISIT, at=70)], Role.VISIT, 1),
    (
        "an article of its own leads a 'read also' block",
        [_role(Role.VISIT, article="a.txt#2"), _role(Role.VISIT, article="b.txt")],
        Role.VISIT,
        1,
    ),
    ("then the first in corpus order", [_role(Role.VISIT, at=10), _role(Role.VISIT, at=20)], Role.VISIT, 0),
    ("no evidence, no sentence", [], Role.VISIT, None),
]


@pytest.mark.parametrize(("case", "evidence", "role", "expected"), EVIDENCE, ids=[e[0] for e in EVIDENCE])
def test_the_evidence_is_the_presence_sentence(case: str, evidence, role: Role, expected: int | None) -> None:  # noqa: ANN001
    chosen = presence_evidence(_stop(*evidence, role=role))
    assert chosen is (evidence[expected] if expected is not None else None), case


# (language, article text, the stop's place in the gazetteer's English, words only its presence sentence has)
CORPORA = [
    (
        "ar",
        "موسكو (رويترز) - أكد الكرملين أن الاتصالات مستمرة. "
        "وصل الرئيس الروسي فلاديمير بوتين إلى الرياض يوم الأربعاء في زيارة رسمية. "
        "وقال بوتين إن العلاقات جيدة.",
        "Riyadh",
        "وصل الرئيس",
    ),
    (
        "fr",
        "Les relations avec Pékin se sont tendues ces derniers mois. "
        "Le président Emmanuel Macron est arrivé à Pékin mercredi pour une visite d'État.",
        "Beijing",
        "est arrivé",
    ),
    (
        "en",
        "OTTAWA (Reuters) - The talks were friendly, officials said. "
        "Prime Minister Justin Trudeau arrived in New Delhi on Saturday for a week-long visit.",
        "New Delhi",
        "arrived in",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place", "words"), CORPORA, ids=[c[0] for c in CORPORA])
def test_a_built_stop_keeps_its_presence_sentence(
    gazetteer: Gazetteer, lang: str, text: str, place: str, words: str
) -> None:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language=lang, published=_DAY)
    story, _ = Pipeline(gazetteer).run([article])
    stop = next(s for s in story.stops if s.place.name == place)
    assert stop.happened is not None
    assert words in article.sentence_text(stop.happened.resolution.mention.sentence)
    assert stop.happened.role not in (Role.DATELINE, Role.GOVERNMENT)


# (role, language, arrival told, headline)
HEADLINES = [
    (Role.VISIT, "en", True, "Arrives in Riyadh"),
    (Role.VISIT, "en", False, "Visits Riyadh"),
    (Role.DEPARTURE, "en", False, "Leaves Riyadh"),
    (Role.DEPARTURE, "en", True, "Leaves Riyadh"),  # an arrival word tells a visit, not a departure
    (Role.PLAN, "en", False, "Expected in Riyadh"),
    (Role.RELATED_REPORT, "en", False, "Related report: Riyadh"),
    (Role.VISIT, "fr", True, "Arrive à Riyad"),
    (Role.VISIT, "fr", False, "Visite Riyad"),
    (Role.DEPARTURE, "fr", False, "Quitte Riyad"),
    (Role.PLAN, "fr", False, "Attendu à Riyad"),
    (Role.VISIT, "ar", True, "يصل إلى الرياض"),
    (Role.VISIT, "ar", False, "يزور الرياض"),
    (Role.DEPARTURE, "ar", False, "يغادر الرياض"),
    (Role.PLAN, "ar", False, "يُنتظر في الرياض"),
    (Role.MENTIONED, "en", False, "Visits Riyadh"),  # a context role reads as a visit
    (Role.VISIT, "de", False, "Visits Riyadh"),  # a language without headlines: English
]


@pytest.mark.parametrize(("role", "lang", "arrival", "expected"), HEADLINES)
def test_the_headline_per_role_and_language(role: Role, lang: str, arrival: bool, expected: str) -> None:
    place = {"ar": "الرياض", "fr": "Riyad"}.get(lang, "Riyadh")
    assert event_headline(role, place, lang=lang, arrival=arrival) == expected


def test_every_language_has_every_stop_role() -> None:
    for lang in HEADLINE_LANGUAGES:
        for role in Role.stops():
            assert "Riyadh" in event_headline(role, "Riyadh", lang=lang)


# (sentence, the place's words, an arrival is told before it)
ARRIVALS = [
    ("وصل الرئيس إلى الرياض مساء الأحد.", "الرياض", True),
    ("غادر الرئيس الرياض متوجها إلى أبوظبي.", "الرياض", False),
    ("Le président est arrivé à Rabat dimanche.", "Rabat", True),
    ("Le président a quitté Rabat dimanche.", "Rabat", False),
    ("The prime minister arrived in Cairo on Sunday.", "Cairo", True),
    ("The prime minister toured Cairo's old city.", "Cairo", False),
    ("In Cairo, where he arrived on Sunday, he met the president.", "Cairo", False),  # the word comes after
]


@pytest.mark.parametrize(("sentence", "mention", "expected"), ARRIVALS)
def test_an_arrival_is_told_before_the_place(sentence: str, mention: str, expected: bool) -> None:
    assert tells_arrival(sentence, mention) is expected


# (keyword arguments, the label): never a file name, never "unknown source"
SOURCES = [
    ({"index": 0, "source": "Al Ahram", "title": "The visit", "published": _DAY}, "Al Ahram · The visit · 2024-05-08"),
    ({"index": 0, "url": "https://www.lemonde.fr/a/b.html"}, "lemonde.fr"),
    ({"index": 0, "url": "https://news.example.org/x", "title": "Arrival"}, "news.example.org · Arrival"),
    ({"index": 2}, "article 3"),
    ({"index": 0, "title": "وصول الرئيس"}, "article 1 · وصول الرئيس"),
    ({"index": 4, "url": "not a url"}, "article 5"),
]


@pytest.mark.parametrize(("kwargs", "expected"), SOURCES)
def test_a_source_is_named_for_a_reader(kwargs: dict, expected: str) -> None:
    label = source_label(**kwargs)
    assert label == expected
    assert ".txt" not in label and "unknown" not in label


def test_a_replaced_stop_keeps_its_evidence() -> None:
    role = _role(Role.VISIT)
    stop = replace(_stop(role), happened=presence_evidence(_stop(role)))
    assert stop.happened is role
