"""Seats of power: each row names a capital, and a seat is read as a mention of it."""

from __future__ import annotations

import pytest

from geo.model import Article, Span
from geo.places.gazetteer import Gazetteer
from geo.places.recognition import Recognizer
from geo.places.seats import load_seats, seat_starts
from geo.text.folding import name_key


def test_every_seat_names_a_capital_with_its_source(gazetteer: Gazetteer) -> None:
    seats = load_seats()
    assert seats
    for seat in set(seats.values()):
        row = gazetteer.row_of(seat.city)
        assert row is not None, seat.id
        assert gazetteer.place(row).feature == "capital", seat.id
        assert seat.source, seat.id


def test_every_name_starts_with_a_listed_word() -> None:
    starts = seat_starts()
    assert all(any(key.startswith(s) for s in starts) for key in load_seats())


@pytest.mark.parametrize(
    ("text", "language", "surface", "city"),
    [
        ("Le prince a été reçu jeudi soir à l'Élysée pour un dîner de travail.", "fr", "Élysée", "Paris"),
        ("The chancellor was received at the Kremlin on Tuesday.", "en", "Kremlin", "Moscow"),
        ("واستقبل العاهل ضيفه في قصر اليمامة مساء الاثنين.", "ar", "قصر اليمامة", "Riyadh"),
        ("وأعلن البيت الأبيض أن الرئيس سيسافر غدا.", "ar", "البيت الأبيض", "Washington"),
        ("وصل الوفد بالإليزيه ظهرا.", "ar", "إليزيه", "Paris"),  # a proclitic on the seat (the article restored)
    ],
)
def test_a_seat_is_a_mention_of_its_capital(
    gazetteer: Gazetteer, text: str, language: str, surface: str, city: str
) -> None:
    article = Article(name="t.txt", text=text, sentences=(Span(0, len(text)),), language=language)
    found = {m.text: m for m in Recognizer(gazetteer).find(article)}
    assert [gazetteer.place(r).name for r in found[surface].candidates] == [city]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("He painted a white house by the sea.", "en"),  # not capitalised: no seat
        ("Il a visité le kremlin de Novgorod.", "fr"),
    ],
)
def test_a_lowercase_common_noun_is_no_seat(gazetteer: Gazetteer, text: str, language: str) -> None:
    article = Article(name="t.txt", text=text, sentences=(Span(0, len(text)),), language=language)
    keys = {name_key(m.text) for m in Recognizer(gazetteer).find(article)}
    assert not keys & {"whitehouse", "kremlin"}
