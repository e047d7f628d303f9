"""The traveller: the titled name the corpus mentions most."""

from __future__ import annotations

import pytest

from geo.model import Article
from geo.places.gazetteer import Gazetteer
from geo.story.traveller import find_traveller, traveller_keys


def _articles(*texts: str) -> list[Article]:
    return [Article(name=f"{i}.txt", text=t) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (
            ["وصل الرئيس التركي رجب طيب أردوغان إلى الدوحة، واستقبله الأمير تميم.", "وقال أردوغان إن الزيارة مهمة."],
            "رجب طيب أردوغان",
        ),
        (
            ["Le président Emmanuel Macron est arrivé à Alger. Macron a rencontré le président Tebboune."],
            "Emmanuel Macron",
        ),
        (
            [
                "Le président de la République Emmanuel Macron a quitté Rabat. Le chef de l'État a parlé. "
                "Le roi Mohammed VI l'a reçu. La visite d'État de Macron est finie."
            ],
            "Emmanuel Macron",
        ),
        (
            ["Pope Francis landed in Baghdad. Francis then met President Barham Salih.", "Francis flew to Najaf."],
            "Francis",
        ),
    ],
)
def test_the_most_mentioned_titled_name(gazetteer: Gazetteer, texts: list[str], name: str) -> None:
    person = find_traveller(_articles(*texts), gazetteer)
    assert person is not None and person.name == name
    assert traveller_keys(person)


def test_no_titled_name_no_traveller(gazetteer: Gazetteer) -> None:
    assert find_traveller(_articles("وصلت السفينة إلى الميناء."), gazetteer) is None
    assert traveller_keys(None) == frozenset()
