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


def _corpus(*texts: tuple[str, str]) -> list[Article]:
    return [Article(name=f"{i}.txt", text=t, language=lang) for i, (lang, t) in enumerate(texts)]


# (case, articles as (language, text), the traveller's main form)
MOVERS = [
    (
        "a word of an airport's name is no traveller",
        [
            (
                "ar",
                "وصل الرئيس المصري عبد الفتاح السيسي إلى مطار الملك خالد الدولي في الرياض، وكان في استقباله ولي العهد.",
            )
        ],
        "عبد الفتاح السيسي",
    ),
    (
        "the airport after the name does not make the name a place",
        [
            ("ar", "حطت طائرة الرئيس الروسي فلاديمير بوتين في مطار الملك خالد الدولي بالرياض."),
            ("ar", "وصل بوتين إلى الرياض قادما من أبوظبي."),
        ],
        "فلاديمير بوتين",
    ),
    (
        "the host of a reception verb is not the mover (ar)",
        [("ar", "استقبل الملك سلمان الرئيس الفرنسي إيمانويل ماكرون في قصر اليمامة بالرياض.")],
        "إيمانويل ماكرون",
    ),
    (
        "the host who receives him is not the mover (ar)",
        [
            (
                "ar",
                "وصل ولي العهد السعودي الأمير محمد بن سلمان إلى أثينا. "
                "وكان في استقباله رئيس الوزراء كيرياكوس ميتسوتاكيس.",
            )
        ],
        "محمد بن سلمان",
    ),
    (
        "a companion is not the mover (ar)",
        [
            (
                "ar",
                "وصل رئيس الوزراء الهندي ناريندرا مودي وزوجته إلى أبوظبي. ويرافقه وزير الخارجية سوبرامانيام جايشانكار.",
            )
        ],
        "ناريندرا مودي",
    ),
    (
        "the agent of a passive reception is the host (fr)",
        [
            (
                "fr",
                "Le président brésilien Luiz Inácio Lula da Silva est arrivé à Pékin. "
                "Il a été accueilli par le président Xi Jinping.",
            )
        ],
        "Luiz Inácio Lula",
    ),
    (
        "the king who welcomes is the host (fr)",
        [
            ("fr", "Le roi Mohammed VI a accueilli le président Emmanuel Macron à l'aéroport de Rabat-Salé."),
            ("fr", "Macron est ensuite arrivé à Marrakech."),
        ],
        "Emmanuel Macron",
    ),
    (
        "a spouse and a counterpart are not the mover (fr)",
        [
            (
                "fr",
                "Le président Emmanuel Macron, accompagné de son épouse Brigitte Macron, est arrivé à Dakar. "
                "Son homologue Macky Sall l'a accueilli.",
            )
        ],
        "Emmanuel Macron",
    ),
    (
        "the host of 'welcomed' is not the mover (en)",
        [
            ("en", "President Joe Biden welcomed Prime Minister Narendra Modi at the White House."),
            ("en", "Modi arrived in Washington on Wednesday."),
            ("en", "Modi later flew to Cairo."),
        ],
        "Narendra Modi",
    ),
    (
        "the one who receives him in a relative clause is the host (en)",
        [
            (
                "en",
                "Prime Minister Narendra Modi arrived in Cairo, where he was received by President Abdel Fattah "
                "al-Sisi. Modi visited the Al-Hakim Mosque.",
            )
        ],
        "Narendra Modi",
    ),
    (
        "a wife is a companion (en)",
        [
            ("en", "Prime Minister Justin Trudeau arrived in New Delhi, accompanied by his wife Sophie Grégoire."),
            ("en", "Trudeau then visited Amritsar."),
        ],
        "Justin Trudeau",
    ),
    (
        "an airport's name after the landing is no traveller (en)",
        [
            ("en", "Pope Francis landed at Queen Alia International Airport in Amman."),
            ("en", "Francis then travelled to Bethlehem."),
        ],
        "Francis",
    ),
    (
        "the host who invites is not the mover, named more though he is (fr)",
        [
            (
                "fr",
                "Le chancelier Olaf Scholz est attendu à Accra. Sur invitation du président de la République, "
                "Monsieur Kwame Boakye, Olaf Scholz effectue une visite de travail. Le président Kwame Boakye "
                "donnera un dîner. Le président Kwame Boakye parlera ensuite.",
            )
        ],
        "Olaf Scholz",
    ),
    (
        "the host who invites is not the mover (en)",
        [
            (
                "en",
                "At the invitation of President Kwame Boakye, Chancellor Olaf Scholz is expected in Accra. "
                "President Kwame Boakye will give a dinner. President Kwame Boakye will then speak.",
            )
        ],
        "Olaf Scholz",
    ),
    (
        "the host who invites is not the mover (ar)",
        [
            (
                "ar",
                "بدعوة من الرئيس الغاني كوامي بواكي، يبدأ المستشار الألماني أولاف شولتس جولته في أكرا. "
                "وأقام الرئيس كوامي بواكي مأدبة عشاء. وتحدث الرئيس كوامي بواكي عن الزيارة.",
            )
        ],
        "أولاف شولتس",
    ),
    (
        "a capitalised word before a title is part of it, not a name (en)",
        [
            (
                "en",
                "Prime Minister Mark Carney would be leaving for Paris. The Foreign Secretary said the Prime "
                "Minister will meet the Emir of Qatar Tamim Al Thani. The Prime Minister will also see the "
                "Prime Minister of Belgium. The Prime Minister will then speak.",
            )
        ],
        "Mark Carney",
    ),
    (
        "'foulera le sol' and 'effectue une visite' are movement (fr)",
        [
            (
                "fr",
                "La présidente Ursula Weber recevra le président Kofi Mensah. Kofi Mensah foulera le sol allemand "
                "mardi. Le président Kofi Mensah effectue une visite. La présidente Ursula Weber parlera. "
                "La présidente Ursula Weber dînera.",
            )
        ],
        "Kofi Mensah",
    ),
    (
        "'that' before a name is a conjunction, not a determiner",
        [("en", "Officials said that Mensah arrived in Accra on Monday. They added that Mensah left for Lome.")],
        "Mensah",
    ),
]


@pytest.mark.parametrize(("case", "texts", "name"), MOVERS, ids=[m[0] for m in MOVERS])
def test_the_traveller_is_the_one_who_moves(gazetteer: Gazetteer, case: str, texts, name: str) -> None:  # noqa: ANN001
    person = find_traveller(_corpus(*texts), gazetteer)
    assert person is not None, case
    assert person.name == name, case


# (articles, Arabic form, Latin form): both forms kept when the articles write both
BOTH_SCRIPTS = [
    (
        [
            ("ar", "وصل الرئيس الفرنسي إيمانويل ماكرون إلى بكين مساء الأربعاء."),
            ("fr", "Le président Emmanuel Macron est arrivé à Pékin mercredi soir. Macron a visité Canton."),
        ],
        "إيمانويل ماكرون",
        "Emmanuel Macron",
    ),
    (
        [
            ("ar", "وصل الرئيس الروسي فلاديمير بوتين إلى الرياض."),
            ("en", "Russian President Vladimir Putin arrived in Riyadh on Monday. Putin then flew to Abu Dhabi."),
        ],
        "فلاديمير بوتين",
        "Vladimir Putin",
    ),
    ([("en", "Chinese President Xi Jinping arrived in Rome. Xi then travelled to Palermo.")], None, "Xi Jinping"),
    ([("ar", "وصل الرئيس السوري بشار الأسد إلى أبوظبي.")], "بشار الأسد", None),
]


@pytest.mark.parametrize(("texts", "arabic", "latin"), BOTH_SCRIPTS)
def test_both_script_forms_are_kept(gazetteer: Gazetteer, texts, arabic: str | None, latin: str | None) -> None:  # noqa: ANN001
    person = find_traveller(_corpus(*texts), gazetteer)
    assert person is not None
    assert (person.name_ar, person.name_latin) == (arabic, latin)
    assert len(traveller_keys(person)) == len(person.names)


@pytest.mark.parametrize(
    ("texts", "places", "name"),
    [
        # «أون» is a word of a place's name there, and of the traveller's name here
        (
            ["وصل الزعيم سون يانغ أون إلى مدينة ريو أون باي.", "وزار سون يانغ أون مصنعا في ريو أون باي."],
            ["ريو أون باي"],
            "سون يانغ أون",
        ),
        (
            ["The envoy Mara Del Rio arrived in Puerto Del Sol.", "Mara Del Rio then visited a school."],
            ["Puerto Del Sol"],
            "Mara Del Rio",
        ),
        # a name inside a place's name, where the place is written, is not the traveller
        (["هبطت طائرة الوزير في مطار الملك خالد، ثم وصل الوزير إلى الرياض."], ["مطار الملك خالد", "الرياض"], None),
    ],
)
def test_place_words_are_read_where_the_place_is_named(
    gazetteer: Gazetteer, texts: list[str], places: list[str], name: str | None
) -> None:
    person = find_traveller(_articles(*texts), gazetteer, places=places)
    assert (person.name if person else None) == name


# (case, articles as (language, text), the traveller's main form or None): words that stand where a name would
NOT_NAMES = [
    ("an indefinite accusative after the verb is no name (ar)", [("ar", "زار عددا من المصانع في المدينة أمس.")], None),
    ("'as a guest' is no name (ar)", [("ar", "حل ضيفا على المهرجان في دورته الجديدة.")], None),
    (
        "a preposition glued to a country is a place word (ar)",
        [("ar", "وأوضح المتحدث أن رحلة لروسيا ستكون قصيرة.")],
        None,
    ),
    (
        "a common word that spells a preposition and a place is the word («كريم» is no «ك» + «ريم») (ar)",
        [("ar", "وصل الرئيس كريم حداد إلى لاهاي. وزار كريم حداد المحكمة.")],
        "كريم حداد",
    ),
    (
        "a name after its title still wins over an accusative (ar)",
        [("ar", "زار الرئيس الكيني وليام روتو عددا من المصانع. ووصل روتو إلى نيروبي مساء.")],
        "وليام روتو",
    ),
    (
        "a name written like a place word after a preposition stays a name (ar)",
        [("ar", "وصل الرئيس البرازيلي لولا إلى بكين. وزار لولا المدينة المحرمة.")],
        "لولا",
    ),
    (
        "a capitalised noun after 'the' is no name (en)",
        [("en", "Crowds gathered before the Festival began. The Festival opened in the main square.")],
        None,
    ),
    ("a verb after a visit noun, named once, is no one (ar)", [("ar", "بدأت زيارة تستمر يومين للوفد.")], None),
    (
        "a kind noun opens a place's name, not a person's (ar)",
        [("ar", "ويزور الرئيس الكيني وليام روتو مسجد الحسن الثاني. وزار مسجد الحسن الثاني وفد آخر.")],
        "وليام روتو",
    ),
    (
        "a time adverb between the verb and its subject (ar)",
        [("ar", "وصل منذ قليل الرئيس الكيني وليام روتو إلى أكرا، وكان الرئيس نانا أكوفو أدو أكوفو في استقباله.")],
        "وليام روتو",
    ),
    (
        "a particle of the host's name is no candidate (ar)",
        [("ar", "غادر الرئيس وليام روتو إلى نيروبي. وحضر الأمير خالد بن محمد بن زايد بن سلطان الوداع.")],
        "وليام روتو",
    ),
    (
        "a title with a preposition and no article is no name, nor is a nationality (ar)",
        [("ar", "زار الملك فيليبي أكرا أمس. وهذه أول زيارة لعاهل مغربي إلى غانا. وزار الملك فيليبي مدرسة.")],
        "فيليبي",
    ),
    (
        "'and his companions' is no one (ar)",
        [("ar", "مر موكب الملك ومرافقيه في الشارع. وتحدث الملك ومرافقيه عن الشارع.")],
        None,
    ),
    ("a mosque visited is no traveller (ar)", [("ar", "ويزور الوفد مسجد الحسن الثاني ويعود إليه.")], None),
    (
        "a style with no title after it qualifies a thing (en)",
        [("en", "The parade went down Royal Street on Sunday. Shops line Royal Street.")],
        None,
    ),
    (
        "a style introduces a name through a title (en)",
        [("en", "Crown Prince Ahmed Saleh arrived in Paris. His Royal Highness Prince Ahmed Saleh then left.")],
        "Ahmed Saleh",
    ),
    (
        "what a title is of is no name (en)",
        [("en", "The Minister of Industry spoke on Monday. The Secretary of the Treasury agreed.")],
        None,
    ),
    (
        "what a title is of is no name (fr)",
        [("fr", "Le ministre de l'Intérieur a parlé lundi. Le ministre de l'Intérieur a conclu.")],
        None,
    ),
    (
        "an imperfect of a movement verb is no name (ar)",
        [("ar", "الرئيسة تصل إلى أكرا غدا. الرئيسة تصل مساء.")],
        None,
    ),
    (
        "an imperfect of a speech verb is no name (ar)",
        [("ar", "الرئيس يعلن موعد الانتخابات. الرئيس يعلن الحداد.")],
        None,
    ),
    (
        "a name that starts as an imperfect does stays a name (ar)",
        [("ar", "وصل الرئيس يوسف تميم إلى أكرا. وزار يوسف تميم المدينة.")],
        "يوسف تميم",
    ),
]


@pytest.mark.parametrize(("case", "texts", "name"), NOT_NAMES, ids=[m[0] for m in NOT_NAMES])
def test_words_that_are_no_name(gazetteer: Gazetteer, case: str, texts, name: str | None) -> None:  # noqa: ANN001
    person = find_traveller(_corpus(*texts), gazetteer)
    assert (person.name if person else None) == name, case
