"""Recognition on short texts of other journeys: what is found, where, and what is not."""

from __future__ import annotations

import bisect

import pytest

from geo.model import Article, Span
from geo.places.gazetteer import Gazetteer
from geo.places.recognition import Recognizer
from geo.text.folding import fold, tokens
from geo.text.sentences import split_sentences


def _find(gazetteer: Gazetteer, text: str, **kw):  # noqa: ANN202
    article = Article(name="t.txt", text=text, sentences=(Span(0, len(text)),), **kw)
    return Recognizer(gazetteer).find(article)


def _surfaces(gazetteer: Gazetteer, text: str) -> list[str]:
    return [m.text for m in _find(gazetteer, text)]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("وصل الرئيس إلى الإسكندرية صباح اليوم", "الإسكندرية"),
        ("ثم توجه إلى أربيل", "أربيل"),
        ("والتقى الوفد بطهران", "طهران"),  # ب glued: only the name is the mention
        ("وصل وفد للقاهرة", "قاهرة"),  # لل + name: looked up with the article restored
        ("زار وبغداد", "بغداد"),
        ("The president flew to Nairobi on Monday.", "Nairobi"),
        ("Le Premier ministre s'est rendu à Marseille.", "Marseille"),
        ("a summit in Rostov-on-Don", "Rostov-on-Don"),  # hyphenated multi-word name
        ("وصل إلى أبو ظبي", "أبو ظبي"),  # two words
        ("وصل إلى أبوظبي", "أبوظبي"),  # one word
    ],
)
def test_finds_names(gazetteer: Gazetteer, text: str, surface: str) -> None:
    assert surface in _surfaces(gazetteer, text)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("زار الوفد مدينة نوفوروسيسك الساحلية", "نوفوروسيسك"),  # GeoNames has no Arabic name
        ("توقف القطار في ستاري أوسكول", "ستاري أوسكول"),
    ],
)
def test_finds_transliterations_by_sound(gazetteer: Gazetteer, text: str, surface: str) -> None:
    mentions = [m for m in _find(gazetteer, text) if m.text == surface]
    assert mentions and mentions[0].match == "phonetic"


def test_offsets_point_into_the_original_text(gazetteer: Gazetteer) -> None:
    text = "\u200fوصـل الوفـد إلى بغـداد\u200f أمس"
    mention = next(m for m in _find(gazetteer, text) if "بغ" in m.text)
    assert text[mention.start : mention.end] == mention.text == "بغـداد"


def test_lowercase_latin_words_are_not_names(gazetteer: Gazetteer) -> None:
    assert "paris" not in _surfaces(gazetteer, "plaster of paris is a material")


def test_furniture_is_skipped(gazetteer: Gazetteer) -> None:
    text = "وصل إلى دمشق.\nاقرأ أيضا: بغداد"
    cut = text.index("اقرأ")
    article = Article(name="t.txt", text=text, sentences=(Span(0, len(text)),), furniture=(Span(cut, len(text)),))
    surfaces = [m.text for m in Recognizer(gazetteer).find(article)]
    assert "دمشق" in surfaces and "بغداد" not in surfaces


@pytest.mark.parametrize(
    ("text", "surface", "trigger", "cue"),
    [
        ("رست السفينة في ميناء صغير قرب بانياس", "بانياس", "port", "قرب"),
        ("هبطت الطائرة في مطار صغير قرب حمص", "حمص", "airport", "قرب"),
        ("وصل إلى مدينة حلب", "حلب", "city", "الي"),
        ("the ship reached the port of Aden", "Aden", "port", None),
    ],
)
def test_trigger_nouns_and_prepositions(gazetteer: Gazetteer, text: str, surface: str, trigger: str, cue) -> None:  # noqa: ANN001
    mention = next(m for m in _find(gazetteer, text) if m.text == surface)
    assert mention.trigger == trigger
    assert mention.cue == cue


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("قال الرئيس فلاديمير إن الاجتماع مهم", "فلاديمير"),  # after a title
        ("وقال جوزيف إن الوضع صعب", "جوزيف"),  # after a verb of speech
        ("President Lincoln arrived", "Lincoln"),
    ],
)
def test_person_context_is_marked(gazetteer: Gazetteer, text: str, surface: str) -> None:
    mention = next(m for m in _find(gazetteer, text) if m.text == surface)
    assert mention.person


def test_adjectives_are_hints_not_places(gazetteer: Gazetteer) -> None:
    mentions = _find(gazetteer, "قالت الحكومة الروسية")
    assert [m.match for m in mentions if m.text == "الروسية"] == ["adjective"]


@pytest.mark.parametrize(
    ("text", "surface", "initial"),
    [("Nice est une ville.", "Nice", True), ("Il est à Nice.", "Nice", False), ("«Paris, disait-il", "Paris", True)],
)
def test_sentence_initial_latin_names_are_marked(gazetteer: Gazetteer, text: str, surface: str, initial: bool) -> None:
    mention = next(m for m in _find(gazetteer, text) if m.text == surface)
    assert mention.initial is initial


def test_a_mention_keeps_the_marks_written_on_its_last_letter(gazetteer: Gazetteer) -> None:
    mention = next(m for m in _find(gazetteer, "وصل إلى دمشقَ اليوم") if m.text.startswith("دمشق"))
    assert mention.text == "دمشقَ"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a seat of power («البيت الأبيض», "Kremlin") is read as its capital: see test_seats.py
        ("The Pentagon said the exercise was over.", "Pentagon"),
        ("وقال البنتاغون إن المناورات انتهت.", "البنتاغون"),
        ("Selon le Pentagone, la rencontre aura lieu.", "Pentagone"),
    ],
)
def test_institutions_are_never_places(gazetteer: Gazetteer, text: str, surface: str) -> None:
    assert surface not in _surfaces(gazetteer, text)


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("The envoy Victoria Nuland met officials in Kyiv.", "Victoria", "Kyiv"),
        ("La ministre Florence Parly est arrivée à Niamey.", "Florence", "Niamey"),
        ("Talks with Alexandre Loukachenko in Minsk went on.", "Alexandre", "Minsk"),
        ("He flew to Florence Airport on Monday.", None, "Florence"),  # a trigger noun, not a surname
        ("Crowds filled the Victoria Falls town.", None, "Victoria Falls"),  # a name of its own
        ("Then he travelled to Paris Saint-Denis.", None, "Paris"),  # the next word is a place
    ],
)
def test_a_first_name_before_a_surname_is_no_place(
    gazetteer: Gazetteer, text: str, absent: str | None, present: str
) -> None:
    surfaces = _surfaces(gazetteer, text)
    assert present in surfaces
    if absent is not None:
        assert absent not in surfaces


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("The minister Sergei Lavrov arrived in Ankara. Lavrov then spoke.", "Sergei", "Ankara"),  # surname reused
        ("Le chef Vladimir Poutine est arrivé à Téhéran. Poutine a parlé.", "Vladimir", "Téhéran"),
        ("وصل فلاديمير بوتين إلى طهران. وقال بوتين إن الزيارة مهمة", "فلاديمير", "طهران"),
    ],
)
def test_a_first_name_before_a_surname_the_article_reuses_is_no_place(
    gazetteer: Gazetteer, text: str, absent: str, present: str
) -> None:
    surfaces = _surfaces(gazetteer, text)
    assert present in surfaces and absent not in surfaces


@pytest.mark.parametrize(
    ("text", "surface", "found"),
    [
        # a small town's namesake with no cue, then a rare word that names no place: a foreign person's name
        ("وشارك كومو تاريكي في الاجتماع.", "كومو", False),
        ("وتحدث ايسي كوماتو عن الخطة.", "ايسي", False),
        # after a preposition, before a common word or an adjective, or with the article: the town
        ("وصل الوفد إلى لوكا أمس.", "لوكا", True),
        ("وزار الوزير كومو الإيطالية.", "كومو", True),
        ("وزار الوزير كومو أمس.", "كومو", True),
    ],
)
def test_a_small_towns_namesake_before_a_rare_word_is_a_first_name(
    gazetteer: Gazetteer, text: str, surface: str, found: bool
) -> None:
    assert (surface in _surfaces(gazetteer, text)) is found


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The premier told Xinhua that talks went well.", "Xinhua"),
        ("Le ministre a confié à l'agence Xinhua son optimisme.", "Xinhua"),
        ("وقالت وكالة واس إن الملك وصل.", "واس"),
        ("ونقلت وكالة وام عن الرئيس قوله", "وام"),
    ],
)
def test_news_agencies_are_never_places(gazetteer: Gazetteer, text: str, surface: str) -> None:
    assert surface not in _surfaces(gazetteer, text)


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("The king left the Sultanate of Brunei Darussalam for Tokyo.", "Darussalam", "Tokyo"),
        ("غادر الوفد سلطنة بروناي دار السلام متوجها إلى طوكيو", "دار السلام", "طوكيو"),
        ("Le ministre a quitté le Congo-Brazzaville pour Luanda.", "Brazzaville", "Luanda"),
    ],
)
def test_a_town_ending_a_country_long_name_is_no_mention(
    gazetteer: Gazetteer, text: str, absent: str, present: str
) -> None:
    surfaces = _surfaces(gazetteer, text)
    assert present in surfaces and absent not in surfaces


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("She landed at the José Martí airport in Havana.", "Martí", "Havana"),
        ("Il a atterri à l'aéroport Simón Bolívar de Caracas.", None, "Caracas"),
        ("He landed at the Rafic Hariri airport in Beirut.", "Hariri", "Beirut"),
    ],
)
def test_a_place_ending_a_person_named_site_is_no_mention(
    gazetteer: Gazetteer, text: str, absent: str | None, present: str
) -> None:
    surfaces = _surfaces(gazetteer, text)
    assert present in surfaces and (absent is None or absent not in surfaces)


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("أمطار غزيرة في #رأس_الخيمة اليوم", "رأس_الخيمة", "exact"),  # the whole tag is the name
        ("تضامن واسع مع #سيول_تونس", "تونس", "adjective"),  # part of a longer tag: a hint only
        ("Messages poured in under #ParisAttacks last night.", "Paris", "adjective"),  # CamelCase cut
        ("Floods hit #Houston again.", "Houston", "latin"),
    ],
)
def test_hashtags_are_read_word_by_word(gazetteer: Gazetteer, text: str, surface: str, kind: str) -> None:
    found = {m.text: m.match for m in _find(gazetteer, text)}
    assert found.get(surface) == kind


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        ("Le président syrien est arrivé à Abou Dhabi vendredi.", "Abou Dhabi", "Abu Dhabi"),  # ou / u
        ("The delegation reached Djeddah on Sunday.", "Djeddah", "Jeddah"),  # dj / j
        ("The U.S. envoy flew on.", "U.S", "United States"),  # dotted initials
    ],
)
def test_transliterations_and_initials(gazetteer: Gazetteer, text: str, surface: str, place: str) -> None:
    mention = next(m for m in _find(gazetteer, text) if m.text == surface)
    assert place in {gazetteer.place(row).name for row in mention.candidates}


def test_a_capital_after_its_country_adjective_stays_a_mention(gazetteer: Gazetteer) -> None:
    assert "الرياض" in _surfaces(gazetteer, "وصل الرئيس إلى العاصمة السعودية الرياض ظهر الاثنين")


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        ("وصل الموكب إلى القصر الرئاسي في مدينة بوغور المجاورة.", "بوغور", "Bogor"),  # GeoNames: «بوكور»
        ("ثم توجه الوفد إلى شيكاقو.", "شيكاقو", "Chicago"),  # GeoNames: «شيكاجو»
    ],
)
def test_a_foreign_g_spelt_with_another_letter(gazetteer: Gazetteer, text: str, surface: str, place: str) -> None:
    found = {m.text: m for m in _find(gazetteer, text)}
    assert surface in found
    assert place in {gazetteer.place(r).name for r in found[surface].candidates}


def test_a_g_variant_of_an_alternate_name_is_no_mention(gazetteer: Gazetteer) -> None:
    # «أنكارا» is only an alternate Arabic name of Ankara: the Angara rocket is not read as it
    assert "أنغارا" not in _surfaces(gazetteer, "وأطلق صاروخ أنغارا من القاعدة.")


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("وكانت طائرة الرئيس الأميركي غادرت تل أبيب متجهة إلى عمان.", "ar", "تل أبيب"),
        ("The president visited Tel Aviv before flying on.", "en", "Tel Aviv"),
        ("Le président a quitté Tel-Aviv dans la soirée.", "fr", "Tel-Aviv"),
    ],
)
def test_a_name_after_a_title_and_a_movement_verb_is_no_person(
    gazetteer: Gazetteer, text: str, language: str, surface: str
) -> None:
    found = {m.text: m for m in _find(gazetteer, text, language=language)}
    assert not found[surface].person


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 9)],  # the first words
        [(5, 12), (20, 24)],  # two spans, a word cut by one
        [(5, 30), (10, 12)],  # a span inside another: the later one governs from its start
        [(10, 12), (5, 30)],  # out of order: read as given, each word asked on its own
        [(8, 8), (8, 15)],  # two spans starting together
    ],
)
def test_the_words_in_the_furniture_are_those_its_spans_cover(
    gazetteer: Gazetteer, spans: list[tuple[int, int]]
) -> None:
    text = "Paris et Lyon puis Nice et Brest"
    article = Article(name="t.txt", text=text, furniture=tuple(Span(a, b) for a, b in spans))
    folded = fold(text)
    words = tokens(folded.text)
    starts = [a for a, _ in spans]
    expected = [  # each word: the span found by bisection among the starts, the word before its end
        (k := bisect.bisect_right(starts, word.start) - 1) >= 0 and word.start < spans[k][1] for word in words
    ]
    assert Recognizer(gazetteer)._furniture_mask(article, folded, words) == expected


def test_a_words_starts_tell_whether_it_is_a_places_modifier(gazetteer: Gazetteer) -> None:
    text = (
        "استقبل الرئيس الروسي فلاديمير بوتين نظيره الكوري الشمالي في موسكو، وقال الوزير الفرنسي إن الوفد "
        "الأمريكي غادر بكين. Le président ukrainien et the Russian minister met in Paris; 2023 ١٢ #قمة_بكين"
    )
    recognizer = Recognizer(gazetteer)
    recognizer.find(Article(name="t.txt", text=text, sentences=(Span(0, len(text)),), language="ar"))
    asked = [token.text for token in tokens(fold(text).text)]
    assert any(recognizer._memo.adjective(word) for word in asked)  # (some words are modifiers)
    assert [recognizer._adjective(word) for word in asked] == [recognizer._memo.adjective(word) for word in asked]


@pytest.mark.parametrize(
    ("text", "surface", "found"),
    [
        ("وين اللي كانو يقولون إن الأمطار انتهت", "وين", False),  # «وين» (where) is a dialect word, not Vienna
        ("وصل الوزير إلى فيينا مساء الأحد", "فيينا", True),
    ],
)
def test_a_dialect_function_word_is_no_name(gazetteer: Gazetteer, text: str, surface: str, found: bool) -> None:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text))
    assert any(m.text == surface for m in Recognizer(gazetteer).find(article)) is found
