"""Roles: stops and context, with dates anchored to the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.dates.expressions import find_dates
from geo.model import Article
from geo.pipeline import Pipeline
from geo.places.gazetteer import Gazetteer
from geo.story.roles import assign_roles
from geo.text.folding import name_key
from geo.text.sentences import split_sentences

PUBLISHED = dt.date(2024, 5, 8)  # a Wednesday
MONDAY, TUESDAY = dt.date(2024, 5, 6), dt.date(2024, 5, 7)


def _roles(gazetteer: Gazetteer, text: str, *, name: str = "t.txt", language: str = "ar", traveller=frozenset()):  # noqa: ANN001, ANN202
    article = Article(name=name, text=text, sentences=split_sentences(text), language=language, published=PUBLISHED)
    result = Pipeline(gazetteer).process(article)
    zipf = gazetteer.zipf
    dates = find_dates(article, anchor=PUBLISHED, frequencies=zipf)
    roles = assign_roles(
        article, result.resolutions, dates, published=PUBLISHED, traveller_keys=traveller, frequencies=zipf
    )
    return {r.resolution.mention.text: r for r in roles}


@pytest.mark.parametrize(
    ("text", "surface", "role", "stop", "date"),
    [
        ("وغادر الرئيس دمشق يوم الأحد في زيارة رسمية.", "دمشق", "departure", True, dt.date(2024, 5, 5)),
        ("وصل الوفد إلى مدينة حلب اليوم الأربعاء.", "حلب", "visit", True, PUBLISHED),
        ("دمشق: وصل الوفد إلى حلب أمس.", "دمشق", "dateline", False, None),
        ("وقالت موسكو إن المحادثات مستمرة.", "موسكو", "government", False, None),
        ("وكان الرئيس قد زار حلب عام 2010.", "حلب", "historical", False, None),
        ("وسيزور الرئيس مدينة حلب يوم الخميس المقبل.", "حلب", "plan", True, dt.date(2024, 5, 9)),
        ("وأعلنت روسيا دعمها للاتفاق.", "روسيا", "country", False, None),
        ("The president arrived in Kazan on Tuesday for talks.", "Kazan", "visit", True, dt.date(2024, 5, 7)),
        ("MOSCOW, May 8 (Reuters) - The minister landed in Kazan.", "MOSCOW", "dateline", False, None),
        ("Le président s'est rendu à Oran lundi.", "Oran", "visit", True, dt.date(2024, 5, 6)),
        (
            "The president arrived in Nairobi yesterday and will fly to Kampala on Friday.",
            "Nairobi",
            "visit",
            True,
            dt.date(2024, 5, 7),
        ),
        (
            "The president arrived in Nairobi yesterday and will fly to Kampala on Friday.",
            "Kampala",
            "plan",
            True,
            dt.date(2024, 5, 10),
        ),
        ("وصل الوفد إلى مدينة حلب يوم الخميس المقبل.", "حلب", "plan", True, dt.date(2024, 5, 9)),  # after publication
    ],
)
def test_roles(gazetteer: Gazetteer, text: str, surface: str, role: str, stop: bool, date: dt.date | None) -> None:
    language = "en" if text[0] in "MT" else ("fr" if text.startswith("Le") else "ar")
    found = _roles(gazetteer, text, language=language)
    decided = found[surface]
    assert (decided.role, decided.stop) == (role, stop), decided.why
    assert decided.first == date
    assert decided.why


def test_an_undated_stop_takes_the_lead_event_date(gazetteer: Gazetteer) -> None:
    text = "وصل الرئيس إلى مدينة حلب يوم الاثنين. وقال محافظ إدلب الذي رافق الرئيس في الزيارة إن الوضع مستقر."
    found = _roles(gazetteer, text, traveller=frozenset({"الرييس"}))
    assert found["حلب"].first == dt.date(2024, 5, 6) and found["حلب"].certainty == "exact"
    idlib = found["إدلب"]
    assert idlib.stop and idlib.certainty == "approximate" and idlib.first == dt.date(2024, 5, 6)


def test_sites_of_a_related_report_are_undated_stops(gazetteer: Gazetteer) -> None:
    found = _roles(gazetteer, "رصدت الصور ميناء على بعد 50 كيلومترا شمال غرب بيروت.", name="t.txt#2")
    relative = next(r for r in found.values() if r.resolution.place.place_type == "relative")
    assert relative.role == "related report" and relative.stop and relative.first is None
    assert found["بيروت"].stop is False


def test_a_hash_in_a_file_name_is_not_an_embedded_story(gazetteer: Gazetteer) -> None:
    found = _roles(gazetteer, "وصل الوفد إلى مدينة حلب اليوم الأربعاء.", name="news#draft.txt")
    assert found["حلب"].role == "visit" and found["حلب"].stop


def test_last_year_is_history_even_near_new_year(gazetteer: Gazetteer) -> None:
    text = "The minister visited Kazan last year."
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language="en")
    published = dt.date(2024, 1, 2)
    result = Pipeline(gazetteer).process(article)
    dates = find_dates(article, anchor=published, frequencies=gazetteer.zipf)
    roles = assign_roles(article, result.resolutions, dates, published=published, frequencies=gazetteer.zipf)
    assert [r.role for r in roles if r.resolution.mention.text == "Kazan"] == ["historical"]


def test_a_plan_dated_before_its_place_keeps_that_date(gazetteer: Gazetteer) -> None:
    found = _roles(gazetteer, "ومن المقرر أن يتوجه الرئيس غدا الخميس إلى مدينة حلب.")
    assert (found["حلب"].role, found["حلب"].first) == ("plan", dt.date(2024, 5, 9))


# --- how a stop takes its date: its own clause, the event told before it, the lead, the publication date ----------

DATED = [
    pytest.param(
        "وصل الرئيس إلى مدينة حلب يوم الاثنين. ثم زار الرئيس مدينة إدلب.",
        "ar", "إدلب", (dt.date(2024, 5, 6), "approximate"),
        id="ar-the-event-told-before-it",
    ),
    pytest.param(
        "وصل الرئيس إلى مدينة حلب، حيث سيلتقي المحافظ غدا.",
        "ar", "حلب", (PUBLISHED, "approximate"),
        id="ar-a-plan-of-another-clause-is-not-the-visits-date",
    ),
    pytest.param(
        "زار الرئيس مدينة إدلب.",
        "ar", "إدلب", (PUBLISHED, "approximate"),
        id="ar-no-date-in-the-text-the-publication-date",
    ),
    pytest.param(
        "وصل الرئيس إلى مدينة حلب أمس، حيث قال مسؤولون إنه سيزور المصانع. ثم زار الرئيس مدينة إدلب.",
        "ar", "إدلب", (dt.date(2024, 5, 7), "approximate"),
        id="ar-an-event-whose-own-clause-is-past",
    ),
    pytest.param(
        "The president arrived in Kazan on Monday. The president then toured Kazan and met students in Yelabuga.",
        "en", "Yelabuga", (dt.date(2024, 5, 6), "approximate"),
        id="en-the-event-told-before-it",
    ),
    pytest.param(
        "Le président est arrivé lundi à Oran. Le président a visité Tlemcen et rencontré des étudiants.",
        "fr", "Tlemcen", (dt.date(2024, 5, 6), "approximate"),
        id="fr-the-event-told-before-it",
    ),
    pytest.param(
        "The president arrived in Kazan on Monday, after touring a plant in Yelabuga.",
        "en", "Kazan", (dt.date(2024, 5, 6), "exact"),
        id="en-a-date-of-its-own-clause",
    ),
    pytest.param(
        "The president arrived on Monday in Kazan and will meet the governor on Friday.",
        "en", "Kazan", (dt.date(2024, 5, 6), "exact"),
        id="en-a-past-date-before-a-coordinated-plan",
    ),
    pytest.param(
        "Le président est arrivé mardi à Oran, où il doit rencontrer le wali jeudi.",
        "fr", "Oran", (dt.date(2024, 5, 7), "exact"),
        id="fr-ou-opens-the-clause-of-the-plan",
    ),
    pytest.param(
        "The president arrived in Kazan on Monday, after touring a plant in Yelabuga.",
        "en", "Yelabuga", (dt.date(2024, 5, 6), "approximate"),
        id="en-a-date-of-another-clause-is-approximate",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "surface", "expected"), DATED)
def test_how_a_stop_takes_its_date(
    gazetteer: Gazetteer, text: str, language: str, surface: str, expected: tuple[dt.date, str]
) -> None:
    decided = _roles(gazetteer, text, language=language, traveller=frozenset({"الرييس", "president"}))
    role = decided[surface]
    assert role.stop, role.why
    assert (role.first, role.last, role.certainty) == (expected[0], expected[0], expected[1]), role.why


def _language(text: str) -> str:
    if any("\u0600" <= c <= "\u06ff" for c in text):
        return "ar"
    return "fr" if any(w in text.split() for w in ("Le", "La", "Les", "Il", "Elle", "Une")) else "en"


@pytest.mark.parametrize(
    ("text", "surface", "role", "stop"),
    [
        # A destination still ahead is a plan, not a stop, until the text says the traveller arrived.
        ("غادر الرئيس مدينة حلب متوجها إلى دمشق.", "دمشق", "plan", False),
        ("غادر الرئيس مدينة حلب متوجها إلى دمشق.", "حلب", "departure", True),
        ("Le président a quitté Oran en direction d'Alger.", "Alger", "plan", False),
        ("The prime minister left Nairobi for Kampala on Tuesday.", "Kampala", "plan", False),
        ("The president was on his way to Kampala.", "Kampala", "plan", False),
        ("ودّع الرئيس مضيفيه قبل السفر إلى مدريد.", "مدريد", "plan", False),
        ("Une cérémonie d'adieu a eu lieu avant de s'envoler pour Madrid.", "Madrid", "plan", False),
        ("A farewell ceremony was held before his flight to Madrid.", "Madrid", "plan", False),
        # ... but a stop when the article tells the arrival in its country.
        ("غادر الرئيس دمشق متوجها إلى بيروت. ووصل الرئيس مساء أمس إلى لبنان.", "بيروت", "visit", True),
        ("Le président a quitté Dakar en direction de Bamako. Il est arrivé mardi au Mali.", "Bamako", "visit", True),
        ("The president left Nairobi heading to Kampala. He arrived in Uganda on Tuesday.", "Kampala", "visit", True),
        # A time zone, an anchor, an office or a post is not where the traveller is.
        ("وصل الوفد إلى حلب في الساعة العاشرة بتوقيت القاهرة.", "القاهرة", "mentioned", False),
        ("Le président est arrivé à Oran à 10 heures, heure de Paris.", "Paris", "mentioned", False),
        ("The president landed in Kazan at 10 a.m. Moscow time.", "Moscow", "mentioned", False),
        ("وصل الرئيس إلى قاعدة عسكرية قرب حمص.", "حمص", "mentioned", False),
        ("Le président a visité un camp militaire près de Lyon.", "Lyon", "mentioned", False),
        ("The president visited a military camp near Lyon.", "Lyon", "mentioned", False),
        ("زار الرئيس سدا على بعد 30 كيلومترا شمال مدينة حلب.", "حلب", "mentioned", False),
        ("Le président a visité un barrage situé à 200 km au nord de Lyon.", "Lyon", "mentioned", False),
        ("The president toured a dam some 200 km north of Kazan.", "Kazan", "mentioned", False),
        ("واستقبله السفير الفرنسي في دمشق.", "دمشق", "mentioned", False),
        ("Il a été accueilli par l'ambassadeur de France à Damas.", "Damas", "mentioned", False),
        ("He was greeted by the French ambassador in Damascus.", "Damascus", "mentioned", False),
        ("He met the Mayor of Kazan on Tuesday.", "Kazan", "mentioned", False),
        # Someone else's "from" is their origin; the traveller's "from" is a place left that day.
        ("التقى الرئيس وفدا من مدينة حلب.", "حلب", "mentioned", False),
        ("Le président a rencontré des délégués venus depuis Lyon.", "Lyon", "mentioned", False),
        ("The president met students from Lyon.", "Lyon", "mentioned", False),
        ("وصل الرئيس إلى مطار بيروت بطائرة مروحية عسكرية تابعة للجيش من مدينة حلب.", "حلب", "departure", True),
        ("Le président est arrivé à Oran en hélicoptère depuis Alger.", "Alger", "departure", True),
        ("The president arrived in Kazan by helicopter from Samara.", "Samara", "departure", True),
        # Signing, praying, meeting at a capital is being there, not its government.
        ("وجرى توقيع الاتفاق في دمشق يوم الاثنين.", "دمشق", "visit", True),
        ("Les deux dirigeants ont signé l'accord à Ottawa lundi.", "Ottawa", "visit", True),
        ("The two leaders signed the accord in Ottawa on Monday.", "Ottawa", "visit", True),
        ("The president prayed in Damascus on Monday.", "Damascus", "visit", True),
        # What is done at the place after it, in the future, makes it a plan.
        ("وأرسلت الرئاسة سيارات الرئيس إلى مدينة حلب حيث سيقضي الرئيس عطلته بعد زيارة قصيرة.", "حلب", "plan", True),
        ("Le matériel a été envoyé à Nice, où le roi passera ses vacances après une visite.", "Nice", "plan", True),
        # A date "since" is no event's day: the visit is not history.
        ("وصل الرئيس إلى مدينة حلب في أول زيارة منذ عام 2010.", "حلب", "visit", True),
        ("Le président est arrivé à Lyon, sa première visite depuis 2011.", "Lyon", "visit", True),
        ("The president arrived in Kazan, his first visit since 2011.", "Kazan", "visit", True),
        # The date nearest the place decides history ("after his visit to X in 2014").
        ("وسيزور الرئيس مدينة حمص غدا، بعد زيارته مدينة حلب في عام 2015.", "حلب", "historical", False),
        ("Il visitera Lyon demain, dix ans après sa visite à Lille en 2014.", "Lille", "historical", False),
        ("He will visit Kazan tomorrow, ten years after his visit to Samara in 2014.", "Samara", "historical", False),
    ],
)
def test_presence_roles(gazetteer: Gazetteer, text: str, surface: str, role: str, stop: bool) -> None:
    decided = _roles(gazetteer, text, language=_language(text))[surface]
    assert (decided.role, decided.stop) == (role, stop), decided.why


@pytest.mark.parametrize(
    ("text", "traveller", "surface", "date"),
    [
        # A caption or a headline: the traveller named at the place on a date, with no verb.
        ("الرئيس سعيد في مدريد يوم الثلاثاء.", "سعيد", "مدريد", dt.date(2024, 5, 7)),
        ("Le président Ramaphosa à Madrid, le 7 mai 2024.", "Ramaphosa", "Madrid", dt.date(2024, 5, 7)),
        ("President Ramaphosa and King Felipe in Madrid on Tuesday.", "Ramaphosa", "Madrid", dt.date(2024, 5, 7)),
        # The verb before the traveller's name and the place after it (verb-subject-object).
        ("غادر رئيس الوزراء الكندي جاستن ترودو بيروت صباح اليوم.", "جاستن ترودو", "بيروت", PUBLISHED),
    ],
)
def test_the_traveller_named_at_a_capital_is_there(
    gazetteer: Gazetteer, text: str, traveller: str, surface: str, date: dt.date
) -> None:
    keys = frozenset(name_key(w) for w in traveller.split())
    decided = _roles(gazetteer, text, language=_language(text), traveller=keys)[surface]
    assert decided.stop and decided.first == date, decided.why


@pytest.mark.parametrize(
    ("text", "surface", "earlier"),
    [
        ("وصل الرئيس إلى دمشق بعد زيارته مدينة حلب.", "حلب", True),
        ("وصل الرئيس إلى دمشق بعد زيارته مدينة حلب.", "دمشق", False),
        ("Le président est arrivé à Oran après avoir visité Tlemcen.", "Tlemcen", True),
        ("The president flew from Samara to Kazan on Monday.", "Samara", True),
        ("The president flew from Samara to Kazan on Monday.", "Kazan", False),
        ("عاد الرئيس من مدينة حلب يوم الاثنين.", "حلب", True),
    ],
)
def test_earlier_legs_are_marked(gazetteer: Gazetteer, text: str, surface: str, earlier: bool) -> None:
    decided = _roles(gazetteer, text, language=_language(text))[surface]
    assert decided.stop and decided.earlier is earlier, decided.why


@pytest.mark.parametrize(
    ("text", "surface", "date"),
    [
        # The lead event is read in the clause of its date: a plan later in the sentence does not hide it.
        ("وصل الرئيس إلى لبنان يوم الاثنين، حيث سيلتقي الوزراء. وزار الرئيس مدينة صيدا.", "صيدا", dt.date(2024, 5, 6)),
        ("The president arrived in Morocco on Monday. He then toured Fez.", "Fez", dt.date(2024, 5, 6)),
        ("Le président est arrivé au Maroc lundi. Il a ensuite visité Fès.", "Fès", dt.date(2024, 5, 6)),
        # ... and the lead event's day is not stretched to the publication date.
        ("The president arrived in Morocco yesterday. He then toured Fez.", "Fez", dt.date(2024, 5, 7)),
    ],
)
def test_an_undated_stop_takes_the_lead_event_day(gazetteer: Gazetteer, text: str, surface: str, date: dt.date) -> None:
    decided = _roles(gazetteer, text, language=_language(text))[surface]
    assert (decided.first, decided.last, decided.certainty) == (date, date, "approximate"), decided.why


@pytest.mark.parametrize(
    ("text", "capitals"),
    [
        ("وصل الرئيس إلى أوسلو يوم الاثنين وسط قلق في باريس وبرلين.", ["باريس", "برلين"]),
        ("Le président est arrivé à Oslo lundi, sur fond d'inquiétude à Bruxelles et Washington.", ["Bruxelles"]),
        ("The president arrived in Oslo on Monday, amid worries in Brussels and Washington.", ["Brussels"]),
    ],
)
def test_capitals_named_together_are_governments(gazetteer: Gazetteer, text: str, capitals: list[str]) -> None:
    found = _roles(gazetteer, text, language=_language(text))
    assert [found[c].role for c in capitals] == ["government"] * len(capitals)
    assert next(r for r in found.values() if r.resolution.place.name == "Oslo").stop


@pytest.mark.parametrize(
    ("text", "traveller", "capitals"),
    [
        ("زار رئيس الوزراء الكندي جاستن ترودو باريس وبرلين يوم الاثنين.", {"جاستن", "ترودو"}, ["باريس", "برلين"]),
        (
            "زارت المستشارة الألمانية السابقة أنغيلا ميركل أوسلو وستوكهولم يوم الاثنين.",
            {"انغيلا", "ميركل"},
            ["أوسلو", "ستوكهولم"],
        ),
        ("La chancelière a visité lundi matin Oslo et Stockholm.", set(), ["Oslo", "Stockholm"]),
    ],
)
def test_capitals_a_visit_word_governs_together_are_visits(
    gazetteer: Gazetteer, text: str, traveller: set[str], capitals: list[str]
) -> None:  # the verb governs the second capital too, however far from it the title puts it
    found = _roles(gazetteer, text, language=_language(text), traveller=frozenset(traveller))
    assert [(found[c].role, found[c].stop) for c in capitals] == [("visit", True)] * len(capitals)


@pytest.mark.parametrize(
    ("text", "traveller", "capital"),
    [
        ("زار الرئيس الفرنسي إيمانويل ماكرون، أمس الاثنين، الرباط.", {"ايمانويل", "ماكرون"}, "الرباط"),
        ("زارت رئيسة الوزراء الإيطالية، يوم الاثنين، باريس.", set(), "باريس"),
        ("La Première ministre italienne a visité, lundi matin, Paris.", set(), "Paris"),
    ],
)
def test_a_date_between_the_movement_word_and_the_place_is_no_distance(
    gazetteer: Gazetteer, text: str, traveller: set[str], capital: str
) -> None:  # a capital with no movement word near it would stand for its government
    decided = _roles(gazetteer, text, language=_language(text), traveller=frozenset(traveller))[capital]
    assert (decided.role, decided.stop, decided.first) == ("visit", True, MONDAY), decided.why


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On his way home, the president made a brief stopover in Kazan on Monday.", "Kazan"),
        ("The minister's trip to Kazan on Monday was short.", "Kazan"),
        ("The senator rallied supporters in Kazan on Monday.", "Kazan"),
        ("La ministre arrivera lundi à Oran pour deux jours.", "Oran"),
        ("Le président a séjourné lundi à Oran.", "Oran"),
        ("La ministre s'est envolée lundi pour Oran, où elle a été reçue par le wali.", "Oran"),
        ("وقضى الرئيس يوم الاثنين في مدينة صفاقس.", "صفاقس"),
        ("وبدأ الرئيس يوم الاثنين رحلته إلى قازان.", "قازان"),
    ],
)
def test_stopovers_trips_and_stays_are_movement(gazetteer: Gazetteer, text: str, place: str) -> None:
    decided = _roles(gazetteer, text, language=_language(text))[place]
    assert decided.role in ("visit", "plan") and decided.stop, decided.why


def test_two_cities_visited_together_stay_visits(gazetteer: Gazetteer) -> None:
    found = _roles(gazetteer, "The two leaders met in Oslo and Stockholm on Monday.", language="en")
    assert found["Oslo"].stop and found["Stockholm"].stop  # a movement word right before them


@pytest.mark.parametrize(
    ("text", "surface", "date", "earlier"),
    [
        # «غداة», "au lendemain de": the leg is the day before its sentence's date (Tuesday 7 May → Monday 6 May).
        ("وصل الرئيس إلى دمشق يوم الثلاثاء غداة زيارته لمدينة حلب.", "حلب", MONDAY, True),
        ("Au lendemain de sa visite à Tlemcen, le président est arrivé mardi à Oran.", "Tlemcen", MONDAY, True),
        ("Au lendemain de sa visite à Tlemcen, le président est arrivé mardi à Oran.", "Oran", TUESDAY, False),
        # "the day of" is no "day after"
        ("The president arrived in Kazan on Tuesday, the day of his visit to Samara.", "Samara", TUESDAY, False),
    ],
)
def test_a_leg_the_day_before(gazetteer: Gazetteer, text: str, surface: str, date: dt.date, earlier: bool) -> None:
    decided = _roles(gazetteer, text, language=_language(text))[surface]
    assert decided.stop and decided.first == date and decided.earlier is earlier, decided.why


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Le président, venu de Tunis, sa précédente étape, est arrivé à Oran lundi.", "Tunis"),
        ("ووصل الرئيس إلى دمشق يوم الاثنين قادما من بيروت، المحطة السابقة من جولته.", "بيروت"),
        ("The president reached Kazan on Monday from Samara, the previous stop of his tour.", "Samara"),
    ],
)
def test_the_previous_stage_is_an_undated_earlier_leg(gazetteer: Gazetteer, text: str, surface: str) -> None:
    decided = _roles(gazetteer, text, language=_language(text))[surface]
    assert decided.stop and decided.earlier and decided.first is None and decided.certainty == "unknown", decided.why


@pytest.mark.parametrize(
    ("text", "surface", "stop"),
    [
        # A year after "since" is a starting point: it makes nothing history.
        ("The president arrived in Kazan, the first leader to come since the flood of 1998.", "Kazan", True),
        ("وصل الرئيس إلى حلب في أول زيارة منذ اندلاع الحرب عام 2011.", "حلب", True),
        ("Le président est arrivé à Oran, une première depuis la fin de la guerre en 1962.", "Oran", True),
        ("The president visited Kazan in 1998.", "Kazan", False),
    ],
)
def test_a_year_after_since_is_no_history(gazetteer: Gazetteer, text: str, surface: str, stop: bool) -> None:
    decided = _roles(gazetteer, text, language=_language(text))[surface]
    assert decided.stop is stop, decided.why


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # The day of an announcement is no event of the journey: the stop takes the publication date.
        ("Le président est arrivé à Oran. Il avait annoncé hier soir son déplacement.", "Oran"),
        ("The president has arrived in Kazan. He had announced yesterday his visit.", "Kazan"),
        ("وصل الرئيس إلى مدينة حلب. وكان قد أعلن أمس زيارته.", "حلب"),
    ],
)
def test_an_announced_movement_does_not_date_the_stop(gazetteer: Gazetteer, text: str, surface: str) -> None:
    decided = _roles(gazetteer, text, language=_language(text))[surface]
    assert decided.stop and decided.first == PUBLISHED, decided.why


@pytest.mark.parametrize(
    ("text", "surface", "later", "earlier"),
    [
        ("The president spoke at Samara on Monday shortly before arriving in Kazan.", "Kazan", True, False),
        ("ألقى الرئيس كلمة في حلب يوم الاثنين قبل أن يصل دمشق.", "دمشق", True, False),
        ("Le président a visité Tlemcen lundi avant de visiter Oran.", "Oran", True, False),
        # French "de" after a noun is "of", not where the traveller came from
        ("La ministre s'est rendue lundi dans la cathédrale de Tlemcen.", "Tlemcen", False, False),
        ("La ministre est arrivée lundi à Oran, venant de Tlemcen.", "Tlemcen", False, True),
    ],
)
def test_legs_after_before_and_from(gazetteer: Gazetteer, text: str, surface: str, later: bool, earlier: bool) -> None:
    decided = _roles(gazetteer, text, language=_language(text))[surface]
    assert decided.stop and (decided.later, decided.earlier) == (later, earlier), decided.why


@pytest.mark.parametrize(
    ("text", "surface", "role", "stop"),
    [
        ("Le prince héritier a été reçu lundi soir à l'Élysée pour un dîner de travail.", "Élysée", "visit", True),
        ("The chancellor was received at the Kremlin on Monday.", "Kremlin", "visit", True),
        ("واستقبل العاهل الرئيس الضيف في قصر اليمامة يوم الاثنين.", "قصر اليمامة", "visit", True),
        # after a word of place but with no sign the traveller is there: the capital stands for its government
        ("Les négociations se poursuivent à l'Élysée, selon la presse.", "Élysée", "government", False),
        ("Officials in the Kremlin said the talks had been useful.", "Kremlin", "government", False),
    ],
)
def test_a_seat_of_power_visited_or_speaking(
    gazetteer: Gazetteer, text: str, surface: str, role: str, stop: bool
) -> None:
    decided = _roles(gazetteer, text, language=_language(text))[surface]
    assert (decided.role, decided.stop) == (role, stop)


@pytest.mark.parametrize(
    ("text", "surface", "role", "stop", "earlier"),
    [
        # a speech given at a place is presence
        ("وقال الرئيس في كلمة ألقاها على مسرح المدينة في حلب إن البلدين صديقان.", "حلب", "visit", True, False),
        ("خاطب الرئيس أمس الطلاب في مدينة حلب.", "حلب", "visit", True, False),
        ("The president delivered a speech at the opera house in Kazan on Monday.", "Kazan", "visit", True, False),
        ("Le président a prononcé un discours à Oran lundi.", "Oran", "visit", True, False),
        # the plane that carried him from X: an earlier leg, like «قادما من X» and "flew in from X"
        ("وصل الرئيس إلى حلب أمس، وكانت طائرة خاصة أقلته من دمشق.", "دمشق", "departure", True, True),
        ("The president arrived in Kazan on Monday, having flown in from Samara.", "Samara", "visit", True, True),
        ("Le président est arrivé lundi à Oran, en provenance de Tlemcen.", "Tlemcen", "visit", True, True),
        # an adverb after the movement word does not hide where the flight left from
        ("The president flew directly from Samara to Kazan on Monday.", "Samara", "visit", True, True),
        ("Le président est parti directement de Tlemcen pour Oran lundi.", "Tlemcen", "departure", True, False),
    ],
)
def test_speeches_and_origins(
    gazetteer: Gazetteer, text: str, surface: str, role: str, stop: bool, earlier: bool
) -> None:
    decided = _roles(gazetteer, text, language=_language(text))[surface]
    assert (decided.role, decided.stop, decided.earlier) == (role, stop, earlier), decided.why


@pytest.mark.parametrize(
    ("text", "surface", "role", "stop"),
    [
        # a tour's programme is a plan until the text tells the arrival
        ("وصل الرئيس إلى حلب أمس في مستهل جولة تستمر ثلاثة أيام وتشمل أيضا مدينة اللاذقية.", "اللاذقية", "plan", False),
        ("He landed in Kazan on Monday for a tour that includes Samara.", "Samara", "plan", False),
        ("Il est arrivé lundi à Oran pour une tournée qui comprend Tlemcen.", "Tlemcen", "plan", False),
        # taking the plane from an airport is a departure; signing somewhere is presence
        ("استقل الرئيس الطائرة من مطار القاهرة الدولي يوم السبت.", "مطار القاهرة الدولي", "departure", True),
        ("وقعا الاتفاق في مدينة حلب يوم الاثنين.", "حلب", "visit", True),
        ("The two leaders signed the deal in Kazan on Monday.", "Kazan", "visit", True),
        ("Le président quittera Oran samedi pour Tlemcen.", "Tlemcen", "plan", True),
    ],
)
def test_programmes_departures_and_signings(
    gazetteer: Gazetteer, text: str, surface: str, role: str, stop: bool
) -> None:
    decided = _roles(gazetteer, text, language=_language(text))[surface]
    assert (decided.role, decided.stop) == (role, stop), decided.why


#: text, language, place, stop: a day and a place fronted before the subject tell an earlier leg
FRONTED = [
    ("Le ministre achevait mardi sa tournée. Samedi à Lyon, il avait visité une usine de trains.", "fr", "Lyon", True),
    ("Dimanche dans la ville portuaire de Marseille, elle avait parlé aux dockers.", "fr", "Marseille", True),
    ("The minister ends his tour on Tuesday. On Saturday in Leeds, he spoke to students.", "en", "Leeds", True),
    ("Samedi à Lyon, les syndicats ont manifesté contre la réforme.", "fr", "Lyon", False),  # not the subject
    ("Samedi, la pluie est tombée à Lyon, il faisait froid.", "fr", "Lyon", False),  # the place is not fronted
]


@pytest.mark.parametrize(("text", "language", "surface", "stop"), FRONTED)
def test_a_fronted_day_and_place_are_an_earlier_leg(gazetteer, text, language, surface, stop):
    role = _roles(gazetteer, text, language=language)[surface]
    assert role.stop is stop, role.why
    if stop:
        assert role.first is not None and role.first < PUBLISHED


#: text, language, place, stop: a span that holds the publication day ("this year") is not history
THIS_YEAR = [
    ("زار الوزير مدينة حلب هذا العام والتقى المحافظ.", "ar", "حلب", True),
    ("The minister visited Aleppo this year and met the governor.", "en", "Aleppo", True),
    ("Le ministre a visité Alep en 2019 et rencontré le gouverneur.", "fr", "Alep", False),  # a year long past
]


@pytest.mark.parametrize(("text", "language", "surface", "stop"), THIS_YEAR)
def test_a_span_holding_the_publication_day_is_not_history(gazetteer, text, language, surface, stop):
    role = _roles(gazetteer, text, language=language)[surface]
    assert role.stop is stop, role.why
    if stop:  # "this year" says the event is recent, not its day
        assert role.first is not None and (role.last or role.first) - role.first < dt.timedelta(days=7)
