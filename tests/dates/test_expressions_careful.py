"""Dates a careful reader gives: days counted from the sentence's event, future weekdays forward, the text's own
weekday over the page's stamp (split from ``test_expressions.py``, which finds the expressions themselves)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.model import WordFrequencies
from tests.dates.expected import E, found

FRI = dt.date(2025, 6, 13)  # a Friday
WED = dt.date(2024, 3, 6)  # a Wednesday
SUN = dt.date(2024, 5, 19)  # a Sunday

# Dates a careful reader gives: days counted from the sentence's event, future weekdays forward,
# the text's own weekday over the page's stamp.
CAREFUL = [
    # --- days counted from the event told before them -------------------------------------
    pytest.param(
        "وصل الوزير إلى نواكشوط يوم الأحد، وفي اليوم التالي زار مدينة أطار.",
        "ar", WED,
        [E("يوم الأحد", "2024-03-03", kind="weekday"), E("في اليوم التالي", "2024-03-04", kind="event_day")],
        id="ar-the-next-day",
    ),
    pytest.param(
        "التقى المبعوث الرئيس في 2 مارس 2024، وكان قد وصل في اليوم السابق.",
        "ar", WED,
        [E("2 مارس 2024", "2024-03-02"), E("في اليوم السابق", "2024-03-01", kind="event_day")],
        id="ar-the-previous-day",
    ),
    pytest.param(
        "Le ministre est arrivé mardi à Dakar. La veille, il avait fait escale à Bamako.",
        "fr", FRI,
        [E("mardi", "2025-06-10", kind="weekday"), E("La veille", "2025-06-09", kind="event_day")],
        id="fr-la-veille",
    ),
    pytest.param(
        "Le ministre est arrivé lundi à Tunis. Le lendemain, il a vu le président; le surlendemain, il est parti.",
        "fr", FRI,
        [
            E("lundi", "2025-06-09", kind="weekday"),
            E("Le lendemain", "2025-06-10", kind="event_day"),
            E("le surlendemain", "2025-06-12", kind="event_day"),
        ],
        id="fr-lendemain-chained",
    ),
    pytest.param(
        "The envoy reached Lusaka on 3 June 2025. The following day, Wednesday, he flew to Harare.",
        "en", FRI,
        [E("3 June 2025", "2025-06-03"), E("The following day, Wednesday", "2025-06-04", kind="event_day")],
        id="en-the-following-day-checked-by-its-weekday",
    ),
    pytest.param(
        "The envoy landed in Lusaka yesterday and, earlier in the day, had met the mayor.",
        "en", FRI,
        [E("yesterday", "2025-06-12", kind="relative"), E("earlier in the day", "2025-06-12", kind="event_day")],
        id="en-earlier-in-the-day",
    ),
    pytest.param(
        "The next day, the envoy flew to Harare.",
        "en", FRI, [E("The next day", None, kind="event_day", certainty="unknown")],
        id="en-no-earlier-day-to-count-from",
    ),
    pytest.param(
        "Le ministre est arrivé lundi, à la veille du sommet.",
        "fr", FRI, [E("lundi", "2025-06-09", kind="weekday")],
        id="fr-the-eve-of-a-named-event-is-not-counted",
    ),
    # --- future weekdays go forward --------------------------------------------------------
    pytest.param(
        "وصل الرئيس إلى القاهرة يوم الثلاثاء، على أن يعود إلى الرياض يوم الخميس.",
        "ar", WED,
        [E("يوم الثلاثاء", "2024-03-05", kind="weekday"), E("يوم الخميس", "2024-03-07", kind="weekday")],
        id="ar-ala-an-yaud-is-a-plan",
    ),
    pytest.param(
        "ومن المقرر أن يلتقي الرئيس نظيره السبت في القصر.",
        "ar", WED, [E("السبت", "2024-03-09", kind="weekday")],
        id="ar-min-al-muqarrar-an",
    ),
    pytest.param(
        "وصل الرئيس إلى باريس الثلاثاء وسيتوجه إلى نورماندي الخميس.",
        "ar", WED,
        [E("الثلاثاء", "2024-03-05", kind="weekday"), E("الخميس", "2024-03-07", kind="weekday")],
        id="ar-past-then-coordinated-future",
    ),
    pytest.param(
        "سيزور الرئيس المعرض يوم الأحد.",
        "ar", SUN, [E("يوم الأحد", "2024-05-19", kind="weekday")],
        id="ar-future-weekday-of-publication-is-today",
    ),
    pytest.param(
        "He arrived in Ottawa on Tuesday and will travel to Normandy on Thursday.",
        "en", WED,
        [E("Tuesday", "2024-03-05", kind="weekday"), E("Thursday", "2024-03-07", kind="weekday")],
        id="en-past-then-coordinated-future",
    ),
    pytest.param(
        "On Saturday, the prime minister will travel to Normandy.",
        "en", WED, [E("Saturday", "2024-03-09", kind="weekday")],
        id="en-fronted-weekday-of-a-plan",
    ),
    pytest.param(
        "Il est arrivé mardi à Lima et se rendra jeudi à Cusco.",
        "fr", WED,
        [E("mardi", "2024-03-05", kind="weekday"), E("jeudi", "2024-03-07", kind="weekday")],
        id="fr-past-then-coordinated-future",
    ),
    pytest.param(
        "Le président doit se rendre samedi à Brest.",
        "fr", WED, [E("samedi", "2024-03-09", kind="weekday")],
        id="fr-doit-is-due-to",
    ),
    pytest.param(
        "Le président est attendu samedi à Brest.",
        "fr", WED, [E("samedi", "2024-03-09", kind="weekday")],
        id="fr-est-attendu-is-expected",
    ),
    pytest.param(
        "The president is expected in Brest on Saturday.",
        "en", WED, [E("Saturday", "2024-03-09", kind="weekday")],
        id="en-is-expected-in",
    ),
    pytest.param(
        "Le pape est arrivé samedi à Brest pour une visite très attendue.",
        "fr", WED, [E("samedi", "2024-03-02", kind="weekday")],
        id="fr-long-awaited-is-no-plan",
    ),
    pytest.param(
        "Il est prévu que le président se rende samedi à Brest.",
        "fr", WED, [E("samedi", "2024-03-09", kind="weekday")],
        id="fr-prevu-que",
    ),
    # --- a plan told after the day does not reach back to it -------------------------------
    pytest.param(
        "وصل الرئيس إلى الرياض ظهر الاثنين في زيارة رسمية من المقرر أن يلتقي فيها الملك.",
        "ar", dt.date(2024, 3, 5), [E("الاثنين", "2024-03-04", kind="weekday")],
        id="ar-a-plan-word-opens-the-next-clause",
    ),
    pytest.param(
        "The president arrived in Riyadh on Monday on a visit during which he is expected to meet the king.",
        "en", dt.date(2024, 3, 5), [E("Monday", "2024-03-04", kind="weekday")],
        id="en-during-which-opens-a-clause",
    ),
    pytest.param(
        "Le président est arrivé lundi à Riyad pour une visite au cours de laquelle il doit voir le roi.",
        "fr", dt.date(2024, 3, 5), [E("lundi", "2024-03-04", kind="weekday")],
        id="fr-au-cours-de-laquelle-opens-a-clause",
    ),
    pytest.param(
        "La ministre est arrivée mercredi soir à Lomé, première étape d'une tournée qui la mènera au Bénin.",
        "fr", dt.date(2024, 3, 7), [E("mercredi", "2024-03-06", kind="weekday")],
        id="fr-qui-opens-a-relative-clause",
    ),
    pytest.param(
        "The envoy landed in Lima on Tuesday for talks which will continue in Quito.",
        "en", dt.date(2024, 3, 7), [E("Tuesday", "2024-03-05", kind="weekday")],
        id="en-which-opens-a-relative-clause",
    ),
    pytest.param(
        "On Tuesday the envoy met the mayor, who will travel to Quito next.",
        "en", dt.date(2024, 3, 7), [E("Tuesday", "2024-03-05", kind="weekday")],
        id="en-who-opens-a-relative-clause",
    ),
    # --- the text's own weekday over the page's stamp ---------------------------------------
    pytest.param(
        "افتتح الرئيس السد اليوم الأحد، بعد أن وصل أمس إلى المدينة.",
        "ar", dt.date(2024, 5, 20),
        [E("اليوم الأحد", "2024-05-19", kind="relative"), E("أمس", "2024-05-18", kind="relative")],
        id="ar-today-sunday-on-a-page-stamped-monday",
    ),
    pytest.param(
        "أعلن المتحدث أمس الثلاثاء أن الرئيس يعتزم زيارة البلاد يوم غد الأربعاء.",
        "ar", WED,
        [
            E("أمس الثلاثاء", "2024-03-05", kind="relative"),
            E("يوم غد الأربعاء", "2024-03-06", kind="relative", certainty="approximate"),
        ],
        id="ar-tomorrow-quoted-from-yesterday",
    ),
    pytest.param(
        "Aujourd'hui dimanche, le président a inauguré le barrage.",
        "fr", dt.date(2024, 5, 20),
        [E("Aujourd'hui dimanche", "2024-05-19", kind="relative")],
        id="fr-today-sunday-on-a-page-stamped-monday",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "anchor", "expected"), CAREFUL)
def test_dates_a_careful_reader_gives(
    text: str, language: str, anchor: dt.date | None, expected: list[tuple], frequencies: WordFrequencies
) -> None:
    assert found(text, language, anchor, frequencies) == expected

