"""Presence cues: the words around a place, read in Arabic, French and English."""

from __future__ import annotations

import pytest

from geo.places.lexicon import Movement, load_lexicon
from geo.story.presence import MovementCue, Origin, PlaceWords, is_dateline
from geo.text.folding import fold, name_key, tokens


def _read(text: str, *, skip: tuple[str, ...] = ()) -> PlaceWords:
    folded = fold(text)
    return PlaceWords(tokens(folded.text), folded.text, load_lexicon(), skip=frozenset(name_key(w) for w in skip))


def _at(words: PlaceWords, place: str) -> int:
    """The index of the word holding the first word of ``place`` (a proclitic's word included)."""
    key = name_key(place.split()[0])
    return next(k for k, w in enumerate(words.words) if w.text == key or w.text.endswith(key))


def _movement(words: PlaceWords) -> tuple[MovementCue, ...]:
    lexicon = words.lexicon
    return tuple((k, *kind) for k, w in enumerate(words.words) if (kind := lexicon.movement_kind(w.text)))


@pytest.mark.parametrize(
    ("text", "place", "skip", "window", "near"),
    [
        # The traveller's own name between the verb and the place does not count (verb-subject-object).
        ("غادر الرئيس يون سوك يول مدينة حلب", "حلب", ("يون", "سوك", "يول"), 4, True),
        ("غادر الرئيس يون سوك يول مدينة حلب", "حلب", (), 4, False),
        # One-letter elisions do not count either.
        ("Le ministre est arrivé à l'instant à l'aéroport de Lyon", "aéroport", (), 4, True),
        ("The minister arrived on a rainy morning in the old port of Lyon", "Lyon", (), 4, False),
    ],
)
def test_near_skips_the_travellers_name_and_elisions(
    text: str, place: str, skip: tuple[str, ...], window: int, near: bool
) -> None:
    words = _read(text, skip=skip)
    assert bool(words.near(_movement(words), _at(words, place), window)) is near


@pytest.mark.parametrize(
    ("skip_at", "near"),
    [
        ((), False),  # five words between the verb (word 2) and the place (word 8)
        ((4, 5, 6), True),  # «يوم الاثنين الماضي» skipped where it stands: two words count
        ((0, 1), False),  # the same words skipped elsewhere: all five still count
    ],
)
def test_the_words_of_a_date_are_skipped_where_they_stand(skip_at: tuple[int, ...], near: bool) -> None:
    folded = fold("يوم الاثنين زار الرئيس يوم الاثنين الماضي عاصمة دمشق")
    words = PlaceWords(tokens(folded.text), folded.text, load_lexicon(), skip_at=frozenset(skip_at))
    assert bool(words.near(_movement(words), _at(words, "دمشق"), 4)) is near


@pytest.mark.parametrize(
    ("text", "place", "onward"),
    [
        ("غادر الوزير مدينة حلب متوجها إلى دمشق", "دمشق", True),  # a heading participle
        ("غادر الوزير مدينة حلب متوجها إلى دمشق", "حلب", False),  # the place left
        ("وغادر الوزير حمص إلى مدينة اللاذقية", "اللاذقية", True),  # a departure, then "to"
        ("ووصل الوزير إلى مدينة اللاذقية", "اللاذقية", False),  # an arrival, then "to"
        ("وأقيمت مراسم الوداع قبل السفر إلى بيروت", "بيروت", True),  # "before" travelling to
        ("La ministre a quitté Lyon en direction de Lille", "Lille", True),
        ("La ministre est en route pour Lille", "Lille", True),
        ("La ministre est arrivée à Lille", "Lille", False),
        ("The minister left Nairobi for Kampala", "Kampala", True),
        ("The minister was on his way to Kampala", "Kampala", True),
        ("Before leaving Nairobi the minister met students", "Nairobi", False),  # "before leaving X": leaves from X
        ("The minister flew to Kampala", "Kampala", False),
    ],
)
def test_onward_destinations(text: str, place: str, onward: bool) -> None:
    words = _read(text)
    assert words.onward(_at(words, place), 0, _movement(words), cue=None, window=4) is onward


@pytest.mark.parametrize(
    ("text", "place", "origin"),
    [
        ("التقى الوزير وفدا من مدينة حلب", "حلب", Origin.FROM),  # past the trigger noun
        ("وصل الوزير إلى مدينة حلب", "حلب", None),
        ("des étudiants venus depuis Lille", "Lille", Origin.FROM),
        ("des étudiants de la ville de Lille", "Lille", Origin.FROM_OR_OF),  # "de" before the trigger noun
        ("la ministre est arrivée à Lille", "Lille", None),
        ("students from Lyon", "Lyon", Origin.FROM),
        ("students in Lyon", "Lyon", None),
    ],
)
def test_origin_is_read_past_a_trigger_noun(text: str, place: str, origin: Origin | None) -> None:
    words = _read(text)
    assert words.origin(_at(words, place), 0, lookback=4) == origin


@pytest.mark.parametrize(
    ("text", "place", "governs"),
    [
        ("عاد الرئيس من مدينة حلب", "حلب", True),  # only a title between verb and "from"
        ("التقى الرئيس وفدا من مدينة حلب", "حلب", False),  # a noun takes the "from"
        ("The minister returned from Lyon", "Lyon", True),
        ("The minister met students from Lyon", "Lyon", False),
        ("La ministre a rencontré des délégués depuis Lille", "Lille", False),
        ("La ministre est arrivée en hélicoptère depuis Lille", "Lille", True),  # an arrival governs from afar
        # an adverb between the movement word and its "from" leaves the place governed
        ("The minister flew directly from Lyon", "Lyon", True),
        ("The minister then travelled straight from Kazan", "Kazan", True),
        ("عاد الرئيس مباشرة من مدينة حلب", "حلب", True),
        ("The minister met local students from Lyon", "Lyon", False),  # a noun still takes the "from"
    ],
)
def test_which_movement_word_governs_from(text: str, place: str, governs: bool) -> None:
    words = _read(text)
    movement = _movement(words)[0]
    assert words.governs_from(movement, _at(words, place), 0, lookback=4) is governs


@pytest.mark.parametrize(
    ("text", "place", "why"),
    [
        ("هبطت الطائرة في قاعدة عسكرية قرب مدينة حمص", "حمص", "anchor"),
        ("وصل الوفد في الساعة العاشرة بتوقيت القاهرة", "القاهرة", "time-zone"),
        ("وزار الوزير سدا على بعد 30 كيلومترا شمال حلب", "حلب", "distance"),
        ("واستقبله السفير الفرنسي في دمشق", "دمشق", "posted"),
        ("وزار الوزير مدينة حلب", "حلب", ""),
        ("La ministre a visité un camp près de Lyon", "Lyon", "anchor"),
        ("La ministre est arrivée à 10 heures, heure de Paris", "Paris", "time-zone"),
        ("Elle a rencontré le maire de Lyon", "Lyon", "office"),
        ("Il est midi à Tunis", "Tunis", ""),  # the hour where she is, not a time zone
        ("The minister landed at 10 a.m. Moscow time", "Moscow", "time-zone"),
        ("He met the governor of Homs", "Homs", "office"),
        ("He was greeted by the French ambassador in Damascus", "Damascus", "posted"),
        ("The envoy arrived in Damascus", "Damascus", ""),  # the envoy is there
        ("The minister toured a dam some 200 km north of Kazan", "Kazan", "distance"),
    ],
)
def test_asides(text: str, place: str, why: str) -> None:
    words = _read(text)
    first = _at(words, place)
    found = words.aside(first, first + len(place.split()) - 1, 0, len(words.words), window=5)
    assert (why in found) if why else found == ""


@pytest.mark.parametrize(
    ("text", "verb", "earlier"),
    [
        ("وصل الوزير إلى دمشق بعد زيارته مدينة حلب", "زيارته", True),
        ("وصل الوزير إلى دمشق", "وصل", False),
        ("La ministre est arrivée à Oran après avoir visité Tlemcen", "visité", True),
        ("The minister arrived in Kazan after visiting Samara", "visiting", True),
        ("The minister visited Samara", "visited", False),
    ],
)
def test_a_movement_after_after_is_an_earlier_leg(text: str, verb: str, earlier: bool) -> None:
    words = _read(text)
    assert words.earlier(_at(words, verb), 0) is earlier


@pytest.mark.parametrize(
    ("text", "place", "vehicle"),
    [
        ("استقل الوزير الطائرة من مطار حلب", "حلب", True),
        ("Il a pris l'avion depuis Lille", "Lille", True),
        ("He took the plane from Kazan", "Kazan", True),
        ("He met students from Kazan", "Kazan", False),
    ],
)
def test_a_vehicle_before_from(text: str, place: str, vehicle: bool) -> None:
    words = _read(text)
    assert words.vehicle_before(_at(words, place), 0, window=8) is vehicle


@pytest.mark.parametrize(
    ("text", "place", "locative"),
    [
        ("الرئيس سعيد في مدريد يوم الثلاثاء", "مدريد", True),
        ("Le président Ramaphosa à Madrid, le 7 mai", "Madrid", True),
        ("President Ramaphosa in Madrid on Tuesday", "Madrid", True),
        ("President Ramaphosa to Madrid on Tuesday", "Madrid", False),
    ],
)
def test_prepositions_of_being_at(text: str, place: str, locative: bool) -> None:
    words = _read(text)
    assert words.locative(_at(words, place), 0, cue=None) is locative


@pytest.mark.parametrize(
    ("text", "place", "bracketed"),
    [
        ("The minister arrived in the capital (Lima) on Tuesday", "Lima", True),
        ("The minister arrived in Cusco (Peru) on Tuesday", "Peru", True),
        ("The minister arrived in Lima on Tuesday", "Lima", False),
    ],
)
def test_a_name_alone_in_brackets(text: str, place: str, bracketed: bool) -> None:
    words = _read(text)
    first = _at(words, place)
    assert words.bracketed(first, first) is bracketed


@pytest.mark.parametrize(
    ("text", "place", "opens"),
    [
        ("أرسلت السيارات إلى مدينة حلب حيث سيقضي عطلته", "حلب", True),
        ("The cars were sent to Malaga, where he will rest", "Malaga", True),
        ("Le matériel est parti pour Nice, où il passera ses vacances", "Nice", True),
        ("The cars were sent to Malaga on Monday", "Malaga", False),
    ],
)
def test_a_where_clause_after_the_place(text: str, place: str, opens: bool) -> None:
    words = _read(text)
    assert words.opens_where(_at(words, place), len(words.words)) is opens


@pytest.mark.parametrize(
    ("text", "place", "other", "together"),
    [
        ("قلق في واشنطن وبروكسل", "واشنطن", "بروكسل", True),  # the conjunction glued to the name
        ("inquiétude à Bruxelles et Washington", "Bruxelles", "Washington", True),
        ("worries in Brussels and Washington", "Washington", "Brussels", True),
        ("worries in Brussels, then talks in Washington", "Brussels", "Washington", False),
    ],
)
def test_names_joined_by_and(text: str, place: str, other: str, together: bool) -> None:
    words = _read(text)
    first, second = _at(words, place), _at(words, other)
    assert words.coordinated(first, first, frozenset({(second, second)})) is together


@pytest.mark.parametrize(
    ("text", "verb", "later"),
    [
        ("ألقى الوزير كلمة في حلب قبل أن يصل إلى دمشق", "يصل", True),
        ("La ministre a visité Tlemcen avant de visiter Oran", "visiter", True),
        ("The minister spoke at Samara shortly before arriving in Kazan", "arriving", True),
        ("The minister toured Samara before leaving Kazan", "leaving", False),  # he leaves from where he is
        ("The minister arrived in Kazan after visiting Samara", "visiting", False),
    ],
)
def test_a_movement_after_before_is_a_later_leg(text: str, verb: str, later: bool) -> None:
    words = _read(text)
    k = _at(words, verb)
    kind = words.lexicon.movement_kind(words.words[k].text)
    assert kind is not None
    assert words.told_later((k, kind[0], kind[1]), 0) is later


@pytest.mark.parametrize(
    ("text", "verb", "before"),
    [
        ("وصل الوزير إلى دمشق غداة زيارته مدينة حلب", "زيارته", True),
        ("La ministre est arrivée à Oran au lendemain de sa visite à Tlemcen", "visite", True),
        ("La ministre est arrivée à Oran après sa visite à Tlemcen", "visite", False),
        ("On the day of his visit to Kazan the minister spoke", "visit", False),  # "the day of" is that day
    ],
)
def test_a_movement_after_the_day_after_is_the_day_before(text: str, verb: str, before: bool) -> None:
    words = _read(text)
    assert words.day_before((_at(words, verb), Movement.MOVEMENT, False), 0) is before


@pytest.mark.parametrize(
    ("text", "place", "previous"),
    [
        ("Le ministre, venu de Tunis, sa précédente étape, est à Oran", "Tunis", True),
        ("وصل الوزير قادما من بيروت، المحطة السابقة من جولته", "بيروت", True),
        ("The minister came from Samara, the previous stop of the tour", "Samara", True),
        ("The minister came from Samara, where she met the governor", "Samara", False),
        ("The minister came from Samara. The previous talks failed", "Samara", False),  # another sentence
    ],
)
def test_a_place_called_the_previous_stage(text: str, place: str, previous: bool) -> None:
    words = _read(text)
    assert words.previous_stage(_at(words, place), len(words.words)) is previous


@pytest.mark.parametrize(
    ("text", "word", "group", "found"),
    [
        ("the first president to visit since the bombing of the city in 1945", "1945", "since", True),
        ("أول زيارة لرئيس منذ اندلاع الثورة عام 1959", "1959", "since", True),
        ("la première visite depuis la révolution de 1959", "1959", "since", True),
        ("the president visited the city in 1945", "1945", "since", False),
        ("since the war, the city was rebuilt in 1945", "1945", "since", False),  # a comma ends the reach
        ("Le président avait annoncé hier soir son déplacement", "déplacement", "speech", True),
        ("وكان الرئيس قد أعلن أمس زيارته", "زيارته", "speech", True),
        ("The president announced his visit", "visit", "speech", True),
        ("The president arrived yesterday for his visit", "visit", "speech", False),
    ],
)
def test_a_word_of_a_group_a_few_words_before(text: str, word: str, group: str, found: bool) -> None:
    words = _read(text)
    assert words.told_after(_at(words, word), getattr(words.lexicon, group), window=8) is found


@pytest.mark.parametrize(
    ("text", "verb", "place", "right_after"),
    [
        ("La ministre est venue de Lyon", "venue", "Lyon", True),
        ("La ministre s'est rendue dans la cathédrale de Lyon", "rendue", "Lyon", False),
        ("عاد الرئيس من مدينة حلب", "عاد", "حلب", True),
        ("The minister returned from Kazan", "returned", "Kazan", True),
        ("La ministre est venue directement de Lyon", "venue", "Lyon", True),
        ("The minister returned immediately from Kazan", "returned", "Kazan", True),
        ("La ministre est venue voir la cathédrale de Lyon", "venue", "Lyon", False),
    ],
)
def test_a_from_right_after_its_movement_word(text: str, verb: str, place: str, right_after: bool) -> None:
    words = _read(text)
    movement = (_at(words, verb), Movement.MOVEMENT, False)
    assert words.from_right_after(movement, _at(words, place), 0, lookback=4) is right_after


@pytest.mark.parametrize(
    ("text", "name", "dateline"),
    [
        ("حلب، سوريا (CNN) – وصل الوزير إلى المدينة.", "حلب", True),
        ("KAZAN, Russia (AP) — The minister landed on Monday.", "KAZAN", True),
        ("ORAN, Algérie — Le ministre est arrivé lundi.", "ORAN", True),
        ("MOSCOW, May 8 (Reuters) - The minister landed in Kazan.", "MOSCOW", True),
        ("وصل الوزير إلى حلب، ثم توجه إلى حمص.", "حلب", False),  # not at the start of its line
        ("Kazan, Samara and Perm are on the list of the tour.", "Kazan", False),
    ],
)
def test_a_dateline_with_its_country(text: str, name: str, dateline: bool) -> None:
    start = text.index(name)
    found = is_dateline(text, start, start + len(name), after_chars=40, before_chars=80)
    assert found == dateline


@pytest.mark.parametrize(
    ("text", "skip", "window", "within"),
    [
        # from the first word to the last: the words between count unless one letter long or the traveller's
        ("left the old harbour town", (), 4, True),
        ("left the old harbour town", (), 3, False),
        ("left Jo Ann Smith town", ("Jo", "Ann", "Smith"), 1, True),
        ("left l d x town", (), 1, True),
        ("left l d x town", (), 0, False),
    ],
)
def test_words_within_a_window(text: str, skip: tuple[str, ...], window: int, within: bool) -> None:
    words = _read(text, skip=skip)
    assert words.within(0, len(words.words) - 1, window) is within
