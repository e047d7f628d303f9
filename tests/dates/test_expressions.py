"""Finding date expressions in an article or a text: Arabic, French, English, anchored to the publication date."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from geo.dates.expressions import TimeExpr, anchor_weekdays, find_dates, find_dates_in_text, find_line_dates
from geo.model import Span, WordFrequencies
from geo.settings import DateSettings
from tests.dates.expected import D, E, article, found

MON = dt.date(2024, 3, 4)  # a Monday
SAT = dt.date(2022, 11, 19)  # a Saturday
FRI = dt.date(2025, 6, 13)  # a Friday



CASES = [
    # --- Arabic: relative days and weekdays -------------------------------------------------
    pytest.param(
        "وصل رئيس الوزراء إلى الرباط يوم أمس الجمعة في زيارة رسمية.",
        "ar", SAT, [E("يوم أمس الجمعة", "2022-11-18", kind="relative")],
        id="ar-yesterday-friday-checked",
    ),
    pytest.param(
        "وصل الوفد التجاري إلى داكار يوم أمس الخميس.",
        "ar", SAT, [E("يوم أمس الخميس", "2022-11-17", kind="relative", certainty="approximate")],
        id="ar-yesterday-a-day-off-its-weekday-takes-the-weekday",
    ),
    pytest.param(
        "يزور الرئيس البرازيلي نيودلهي اليوم السبت في أول جولة آسيوية له.",
        "ar", SAT, [E("اليوم السبت", "2022-11-19", kind="relative")],
        id="ar-today-weekday",
    ),
    pytest.param(
        "افتتح الوزير المعرض اليوم الأحد 20 نوفمبر 2022 في الدوحة.",
        "ar", D("2022-11-20"), [E("اليوم الأحد 20 نوفمبر 2022", "2022-11-20")],
        id="ar-today-weekday-date",
    ),
    pytest.param(
        "وصل ولي العهد إلى جدة اليوم الجمعة 13يونيو2025، قادماً من القاهرة.",
        "ar", FRI, [E("اليوم الجمعة 13يونيو2025", "2025-06-13")],
        id="ar-glued-date",
    ),
    pytest.param(
        "سيزور وزير الخارجية طوكيو يوم الأحد لإجراء محادثات حول التجارة.",
        "ar", MON, [E("يوم الأحد", "2024-03-10", kind="weekday")],
        id="ar-future-tense-next-sunday",
    ),
    pytest.param(
        "التقى الرئيس نظيره التركي في أنقرة يوم الاثنين.",
        "ar", MON, [E("يوم الاثنين", "2024-03-04", kind="weekday")],
        id="ar-weekday-equals-publication-day",
    ),
    pytest.param(
        "وغادر الوفد مدينة كراتشي يوم الخميس متجها إلى لاهور.",
        "ar", MON, [E("يوم الخميس", "2024-02-29", kind="weekday")],
        id="ar-past-weekday-leap-day",
    ),
    pytest.param(
        "وعقد الجانبان جولتين من المحادثات الإثنين والثلاثاء في نيروبي.",
        "ar", FRI,
        [E("الإثنين", "2025-06-09", kind="weekday"), E("الثلاثاء", "2025-06-10", kind="weekday")],
        id="ar-hamza-weekday-and-clitic",
    ),
    pytest.param(
        "وقارن المحللون بين الاثنين، ثم عقدت جولتا المحادثات بين الأحد والاثنين.",
        "ar", MON,
        [E("الأحد", "2024-03-03", kind="weekday"), E("الاثنين", "2024-03-04", kind="weekday")],
        id="ar-al-ithnayn-the-two-is-not-monday",
    ),
    pytest.param(
        "وقال المتحدث الخميس إن الوزير سيزور الهند قريبا.",
        "ar", MON, [E("الخميس", "2024-02-29", kind="weekday")],
        id="ar-weekday-of-saying-before-future-clause",
    ),
    pytest.param(
        "هبطت طائرة الرئيس في نيامي البارحة.",
        "ar", FRI, [E("البارحة", "2025-06-12", kind="relative")],
        id="ar-albariha",
    ),
    pytest.param(
        "وصلت البعثة الأممية إلى الخرطوم أول أمس ثم توجهت إلى بورتسودان أمس.",
        "ar", FRI,
        [E("أول أمس", "2025-06-11", kind="relative"), E("أمس", "2025-06-12", kind="relative")],
        id="ar-day-before-yesterday-and-yesterday",
    ),
    pytest.param(
        "وكان الوزير قد زار المدينة أمس الأول.",
        "ar", FRI, [E("أمس الأول", "2025-06-11", kind="relative")],
        id="ar-ams-al-awwal",
    ),
    pytest.param(
        "يصل الرئيس التونسي إلى روما غداً، وتبدأ الجولة الأوروبية بعد غد.",
        "ar", FRI,
        [E("غداً", "2025-06-14", kind="relative"), E("بعد غد", "2025-06-15", kind="relative")],
        id="ar-tomorrow-with-tanween-and-after-tomorrow",
    ),
    pytest.param(
        "وقال المتحدث باسم الوزارة اليوم إن الرحلة تسير وفق الخطة.",
        "ar", MON, [E("اليوم", "2024-03-04", kind="relative")],
        id="ar-today-adverb",
    ),
    pytest.param(
        "وتوجه الوفد إلى أسوان، وكان ذلك اليوم طويلا.",
        "ar", MON, [],
        id="ar-alyawm-noun-not-a-date",
    ),
    # --- Arabic: absolute dates, months, years ------------------------------------------------
    pytest.param(
        "وصل الوفد إلى بيروت في 13 أيلول 2023 في زيارة تستمر يومين.",
        "ar", MON, [E("13 أيلول 2023", "2023-09-13")],
        id="ar-levantine-month",
    ),
    pytest.param(
        "عقدت القمة في 5 تشرين الأول 2022 في عمان.",
        "ar", MON, [E("5 تشرين الأول 2022", "2022-10-05")],
        id="ar-levantine-two-word-month",
    ),
    pytest.param(
        "زار الملك ميناء العقبة في كانون الثاني 2021.",
        "ar", MON, [E("كانون الثاني 2021", "2021-01-01", "2021-01-31", kind="month")],
        id="ar-levantine-month-year",
    ),
    pytest.param(
        "افتتح الميناء الجديد في ٢٠ مارس ٢٠٢٤ بحضور الوزير.",
        "ar", MON, [E("٢٠ مارس ٢٠٢٤", "2024-03-20")],
        id="ar-arabic-indic-digits",
    ),
    pytest.param(
        "انطلقت القافلة من نواكشوط بتاريخ 7/3/2024 نحو الحدود.",
        "ar", MON, [E("7/3/2024", "2024-03-07")],
        id="ar-numeric-day-first",
    ),
    pytest.param(
        "القاهرة-مصر-4-3-2024",
        "ar", MON, [E("4-3-2024", "2024-03-04")],
        id="ar-dateline-numeric",
    ),
    pytest.param(
        "وصل المبعوث إلى جيبوتي في 2024-02-28 قادما من عدن.",
        "ar", MON, [E("2024-02-28", "2024-02-28")],
        id="ar-iso-date",
    ),
    pytest.param(
        "عاد الوزير إلى الرياض في 28 فبراير بعد جولة خليجية.",
        "ar", MON, [E("28 فبراير", "2024-02-28")],
        id="ar-date-without-year",
    ),
    pytest.param(
        "وصل الوفد إلى مسقط يوم الخميس 13 سبتمبر 2023.",
        "ar", MON, [E("يوم الخميس 13 سبتمبر 2023", "2023-09-13", certainty="approximate")],
        id="ar-weekday-contradicts-calendar-date",
    ),
    pytest.param(
        "والتقى الزعيمان في هافانا في يوليو 2000.",
        "ar", MON, [E("يوليو 2000", "2000-07-01", "2000-07-31", kind="month")],
        id="ar-month-year",
    ),
    pytest.param(
        "زار الرئيس كينيا في يناير الماضي وسيعود إليها في سبتمبر المقبل.",
        "ar", MON,
        [
            E("يناير الماضي", "2024-01-01", "2024-01-31", kind="month"),
            E("سبتمبر المقبل", "2024-09-01", "2024-09-30", kind="month"),
        ],
        id="ar-month-last-and-next",
    ),
    pytest.param(
        "زار الرئيس الجزائر عام 2019 والتقى نظيره هناك.",
        "ar", MON, [E("عام 2019", "2019-01-01", "2019-12-31", kind="year")],
        id="ar-past-year",
    ),
    pytest.param(
        "لم يغادر الزعيم بلاده منذ عام 2014 إلا مرتين.",
        "ar", MON, [E("عام 2014", "2014-01-01", "2014-12-31", kind="year")],
        id="ar-year-since",
    ),
    pytest.param(
        "أمضى المستكشف 18 شهراً في القطب وقطع 2000 كيلومتر، ويبلغ طول سفينته 459 قدما وعمرها 100 عام.",
        "ar", MON, [],
        id="ar-quantities-are-not-years",
    ),
    pytest.param(
        "وتعهد الرئيس الأسبوع الماضي بتعزيز التعاون، وسيعقد اجتماعا الأسبوع المقبل.",
        "ar", MON,
        [
            E("الأسبوع الماضي", "2024-02-26", "2024-03-03", kind="range", certainty="approximate"),
            E("الأسبوع المقبل", "2024-03-05", "2024-03-11", kind="range", certainty="approximate"),
        ],
        id="ar-last-and-next-week",
    ),
    pytest.param(
        "وكانت الزيارة الأولى العام الماضي.",
        "ar", MON, [E("العام الماضي", "2023-01-01", "2023-12-31", kind="year")],
        id="ar-last-year",
    ),
    # --- "earlier this week": from the period's start to the day before the anchor --------
    pytest.param(
        "افتتح الوزير المعرض في وقت سابق من هذا الأسبوع.",
        "ar", FRI, [E("في وقت سابق من هذا الأسبوع", "2025-06-09", "2025-06-12", kind="range", certainty="approximate")],
        id="ar-earlier-this-week",
    ),
    pytest.param(
        "وقّع الطرفان الاتفاق في وقت سابق من الشهر الجاري.",
        "ar", FRI,
        [E("في وقت سابق من الشهر الجاري", "2025-06-01", "2025-06-12", kind="range", certainty="approximate")],
        id="ar-earlier-this-month-marker-after",
    ),
    pytest.param(
        "The minister toured the harbour earlier this week.",
        "en", FRI, [E("earlier this week", "2025-06-09", "2025-06-12", kind="range", certainty="approximate")],
        id="en-earlier-this-week",
    ),
    pytest.param(
        "Earlier in the week, the minister toured the harbour.",
        "en", MON, [E("Earlier in the week", "2024-03-04", "2024-03-04", kind="range", certainty="approximate")],
        id="en-earlier-in-the-week-on-its-first-day",
    ),
    pytest.param(
        "The minister toured the harbour earlier last week.",
        "en", FRI, [E("earlier last week", "2025-06-06", "2025-06-12", kind="range", certainty="approximate")],
        id="en-earlier-last-week-is-last-week",
    ),
    pytest.param(
        "Le ministre a visité le port plus tôt cette année.",
        "fr", FRI, [E("plus tôt cette année", "2025-01-01", "2025-06-12", kind="range", certainty="approximate")],
        id="fr-earlier-this-year",
    ),
    pytest.param(
        "The minister toured the harbour earlier in 2019.",
        "en", FRI, [E("2019", "2019-01-01", "2019-12-31", kind="year")],
        id="en-earlier-before-a-year-is-the-year",
    ),
    pytest.param(
        "وسيزور الوزير البلاد في أكتوبر.",
        "ar", MON, [E("أكتوبر", "2024-10-01", "2024-10-31", kind="month", certainty="approximate")],
        id="ar-month-alone-future",
    ),
    pytest.param(
        "عقدت القمة من 13 إلى 15 سبتمبر 2023 في نيودلهي.",
        "ar", MON, [E("13 إلى 15 سبتمبر 2023", "2023-09-13", "2023-09-15", kind="range")],
        id="ar-day-range",
    ),
    pytest.param(
        "وصل الرئيس إلى أبوجا يوم أمس الجمعة، بعد زيارة إلى أكرا في 3 مارس 2024.",
        "ar", None,
        [E("يوم أمس الجمعة", None, kind="relative", certainty="unknown"), E("3 مارس 2024", "2024-03-03")],
        id="ar-no-anchor",
    ),
    pytest.param(
        "يتفقد الرئيس المصانع والموانئ في جولة تشمل عدة مدن ساحلية.",
        "ar", MON, [],
        id="ar-no-date-at-all",
    ),
    # --- French -------------------------------------------------------------------------------
    pytest.param(
        "Le président est arrivé hier, dimanche, à Dakar.",
        "fr", MON, [E("hier, dimanche", "2024-03-03", kind="relative")],
        id="fr-hier-dimanche",
    ),
    pytest.param(
        "Le ministre se rendra à Rabat dimanche pour une visite de deux jours.",
        "fr", MON, [E("dimanche", "2024-03-10", kind="weekday")],
        id="fr-futur-simple",
    ),
    pytest.param(
        "Le ministre va visiter Tunis mardi.",
        "fr", MON, [E("mardi", "2024-03-05", kind="weekday")],
        id="fr-va-infinitive",
    ),
    pytest.param(
        "Il a rencontré son homologue mardi dernier à Alger.",
        "fr", MON, [E("mardi dernier", "2024-02-27", kind="weekday")],
        id="fr-mardi-dernier",
    ),
    pytest.param(
        "La délégation est arrivée le 1er mars à Abidjan.",
        "fr", MON, [E("1er mars", "2024-03-01")],
        id="fr-premier-mars",
    ),
    pytest.param(
        "Le sommet s'est tenu le 13 septembre 2023 à Lomé, et il avait visité le pays en 2019.",
        "fr", MON,
        [E("13 septembre 2023", "2023-09-13"), E("2019", "2019-01-01", "2019-12-31", kind="year")],
        id="fr-date-and-year",
    ),
    pytest.param(
        "La mission vers Mars a été annoncée en mai dernier.",
        "fr", MON, [E("mai dernier", "2023-05-01", "2023-05-31", kind="month")],
        id="fr-mars-planet-not-a-month",
    ),
    pytest.param(
        "Aujourd'hui lundi, le ministre a inauguré le port de Cotonou.",
        "fr", MON, [E("Aujourd'hui lundi", "2024-03-04", kind="relative")],
        id="fr-aujourdhui-lundi",
    ),
    pytest.param(
        "Il a quitté Bamako avant-hier et arrivera à Niamey après-demain.",
        "fr", MON,
        [E("avant-hier", "2024-03-02", kind="relative"), E("après-demain", "2024-03-06", kind="relative")],
        id="fr-avant-hier-apres-demain",
    ),
    pytest.param(
        "Le navire mesure 140 mètres et a coûté 2000 euros.",
        "fr", MON, [],
        id="fr-quantities",
    ),
    # --- English ------------------------------------------------------------------------------
    pytest.param(
        "The president toured the shipyard yesterday, Sunday.",
        "en", MON, [E("yesterday, Sunday", "2024-03-03", kind="relative")],
        id="en-yesterday-sunday",
    ),
    pytest.param(
        "The minister will visit Nairobi on Friday.",
        "en", MON, [E("Friday", "2024-03-08", kind="weekday")],
        id="en-future-friday",
    ),
    pytest.param(
        "The minister visited Nairobi on Friday.",
        "en", MON, [E("Friday", "2024-03-01", kind="weekday")],
        id="en-past-friday",
    ),
    pytest.param(
        "The leaders met on 12th, September 2023 at the spaceport.",
        "en", MON, [E("12th, September 2023", "2023-09-12")],
        id="en-ordinal-comma-month",
    ),
    pytest.param(
        "The envoy landed in Accra on September 13, 2023.",
        "en", MON, [E("September 13, 2023", "2023-09-13")],
        id="en-month-day-year",
    ),
    pytest.param(
        "The meeting was held on Monday, March 4, 2024 in Manila.",
        "en", MON, [E("Monday, March 4, 2024", "2024-03-04")],
        id="en-weekday-date-checked",
    ),
    pytest.param(
        "She flew to Lima on 03/04/2024.",
        "en", MON, [E("03/04/2024", "2024-04-03", certainty="approximate")],
        id="en-ambiguous-numeric",
    ),
    pytest.param(
        "He toured the region in May and met the governor last Monday.",
        "en", MON,
        [
            E("May", "2023-05-01", "2023-05-31", kind="month", certainty="approximate"),
            E("last Monday", "2024-02-26", kind="weekday"),
        ],
        id="en-month-alone-past-and-last-monday",
    ),
    pytest.param(
        "The frigate is 459 feet long, carries 2000 sailors and may be ready soon.",
        "en", MON, [],
        id="en-quantities",
    ),
    pytest.param(
        "The delegation will leave the day after tomorrow and return next week.",
        "en", MON,
        [
            E("the day after tomorrow", "2024-03-06", kind="relative"),
            E("next week", "2024-03-05", "2024-03-11", kind="range", certainty="approximate"),
        ],
        id="en-day-after-tomorrow-next-week",
    ),
    pytest.param(
        "It was the last week of the campaign when the envoy arrived.",
        "en", MON, [],
        id="en-last-week-of-is-not-last-week",
    ),
    pytest.param(
        "The first visit was in 2019, the second last year.",
        "en", MON,
        [
            E("2019", "2019-01-01", "2019-12-31", kind="year"),
            E("last year", "2023-01-01", "2023-12-31", kind="year"),
        ],
        id="en-year-and-last-year",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "anchor", "expected"), CASES)
def test_find_dates(
    text: str, language: str, anchor: dt.date | None, expected: list[tuple], frequencies: WordFrequencies
) -> None:
    assert found(text, language, anchor, frequencies) == expected



def test_furniture_is_skipped(frequencies: WordFrequencies) -> None:
    text = "وصل الوفد يوم أمس الجمعة.\nنشر بتاريخ 2022-11-19"
    furniture = (Span(text.index("نشر"), len(text)),)
    exprs = find_dates(article(text, furniture=furniture), anchor=SAT, frequencies=frequencies)
    assert [e.text for e in exprs] == ["يوم أمس الجمعة"]


def test_offsets_point_into_text_with_marks_and_invisible_characters(frequencies: WordFrequencies) -> None:
    text = "\u200fوصل الوفد غداً\u200f إلى الرباط، يوم الأَربعاء."
    exprs = find_dates_in_text(text, anchor=SAT, frequencies=frequencies)
    assert [e.text for e in exprs] == ["غداً", "يوم الأَربعاء"]
    assert all(text[e.start : e.end] == e.text for e in exprs)
    assert isinstance(exprs[0], TimeExpr)


def test_the_tense_of_a_weekday_needs_word_frequencies_to_tell_a_name_from_a_verb(
    frequencies: WordFrequencies,
) -> None:
    text = "وصل الرئيس إلى سيدي بوزيد يوم الأحد."  # «سيدي» is a name, not سـ + a verb
    assert [e.first for e in find_dates(article(text), anchor=MON, frequencies=frequencies)] == [D("2024-03-03")]
    assert [e.first for e in find_dates(article(text), anchor=MON, frequencies=None)] == [D("2024-03-10")]


@pytest.mark.parametrize(
    ("text", "weekdays"),
    [
        pytest.param("غادر الرئيس روسيا اليوم الأحد.", [6], id="today-sunday"),
        pytest.param("زار الرئيس المصنع أمس الجمعة.", [5], id="yesterday-friday-means-saturday"),
        pytest.param("زار الرئيس المصنع يوم الجمعة.", [], id="weekday-alone-says-nothing"),
    ],
)
def test_anchor_weekdays(text: str, weekdays: list[int]) -> None:
    assert [day for _, day in anchor_weekdays(article(text))] == weekdays


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("الخرطوم 14 فبراير 2021\nوصل الوفد في اليوم التالي 15 فبراير 2021، ثم عاد", "ar", id="two-lines"),
        pytest.param("زار الرئيس المدينة في\nاليوم التالي، 3 مايو\n2020", "ar", id="a-date-over-a-newline"),
        pytest.param("أمضى الوزير\nالأحد 3 مايو 2020 في الرباط", "ar", id="a-weekday-opens-a-line"),
        pytest.param("Il est parti la semaine dernière\nde 2019, le 2 mars 2019", "fr", id="a-period-before-de"),
        pytest.param("Posted 2 May 2022\r\n\r\nOn Monday 2 May 2022 the team met", "en", id="crlf"),
    ],
)
def test_a_line_reads_as_it_reads_alone(text: str, language: str) -> None:
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for start, end in lines:
        alone = find_dates_in_text(text[start:end], language=language, frequencies=None, remember=False)
        assert find_line_dates(text, start=start, end=end, language=language, settings=DateSettings()) == alone
