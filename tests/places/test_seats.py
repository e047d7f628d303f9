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
        ("وصل الضيف إلى البيت الأبيض صباحا.", "ar", "البيت الأبيض", "Washington"),
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
        # standing for the government, not after a word of place: no place at all
        ("The Kremlin said the talks had been useful.", "en"),
        ("Selon le Kremlin, les deux dirigeants parleront du climat.", "fr"),
        ("وقال المتحدث باسم الكرملين إن الرئيس سيزور المنطقة.", "ar"),
        ("A statement from the White House followed.", "en"),
    ],
)
def test_a_seat_standing_for_its_government_or_a_common_noun_is_no_place(
    gazetteer: Gazetteer, text: str, language: str
) -> None:
    article = Article(name="t.txt", text=text, sentences=(Span(0, len(text)),), language=language)
    keys = {name_key(m.text) for m in Recognizer(gazetteer).find(article)}
    assert not keys & {"whitehouse", "kremlin", "الكرملين"}
