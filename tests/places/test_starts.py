"""What a word may start: its forms that begin a name, a seat, a /g/ respelling, a consonant key; a word
that starts nothing is idle. Each answer is the gazetteer's, worked out once per word."""

from __future__ import annotations

import pytest

from geo.places.gazetteer import Gazetteer, NameHit
from geo.places.memo import GazetteerMemo
from geo.places.starts import Word, WordStarts, arabic_word, latin_word
from geo.settings import RecognitionSettings
from geo.text.folding import name_key


def _starts(gazetteer: Gazetteer, *, size: int = 1024) -> WordStarts:
    return WordStarts(gazetteer, GazetteerMemo(gazetteer), settings=RecognitionSettings(), size=size, table=False)


@pytest.mark.parametrize(
    ("written", "idle"),
    [
        ("ذلك", True),  # a common word that begins no name and has no rare consonant key
        ("كبيرة", True),  # common: not read as ك + «بيرة»
        ("2024", True),  # digits: no name starts so
        ("القاهرة", False),  # a name
        ("بالقاهرة", False),  # a name behind proclitics
        ("الكرملين", False),  # a seat of power
        ("Kremlin", False),  # a Latin word is never idle: its capital may make it a name
    ],
)
def test_a_word_that_starts_nothing_is_idle(gazetteer: Gazetteer, written: str, idle: bool) -> None:
    starts = _starts(gazetteer)
    assert [starts.of(name_key(written)).idle for _ in range(2)] == [idle, idle]  # worked out, then remembered


@pytest.mark.parametrize(
    ("written", "stripped", "form", "names"),
    [
        ("القاهرة", 0, "القاهره", True),
        ("بالقاهرة", 3, "القاهره", True),  # «بال»: the article kept on the name
        ("وموسكو", 1, "موسكو", True),
        ("مصنع", 0, "مصنع", False),  # begins a longer name, names none alone
    ],
)
def test_the_forms_that_begin_a_name(gazetteer: Gazetteer, written: str, stripped: int, form: str, names: bool) -> None:
    starts = _starts(gazetteer).of(name_key(written)).exact
    found = {(k, f): hits for k, f, hits in starts}
    assert (stripped, form) in found
    assert found[stripped, form] == tuple(gazetteer.lookup(form))
    assert bool(found[stripped, form]) == names
    assert all(gazetteer.has_prefix(f) for _, f, _ in starts)


def test_a_common_word_is_not_stripped_into_a_rarer_one(gazetteer: Gazetteer) -> None:
    assert (1, "بيره") not in [(k, f) for k, f, _ in _starts(gazetteer).of(name_key("كبيرة")).exact]


@pytest.mark.parametrize(
    ("written", "form", "kept"),
    [
        ("الخرطوم", "خرطوم", True),  # GeoNames writes Khartoum (2 million) without the article news writes
        ("والخرطوم", "خرطوم", True),  # (a rare word: every form, as before)
        ("السلام", "سلام", False),  # peace: the bare word names no populous place
    ],
)
def test_a_frequent_word_with_the_article_reads_as_a_populous_place(
    gazetteer: Gazetteer, written: str, form: str, kept: bool
) -> None:
    forms = [f for k, f, hits in _starts(gazetteer).of(name_key(written)).exact if hits]
    assert (form in forms) == kept


@pytest.mark.parametrize(("written", "seat"), [("الكرملين", "الكرملين"), ("بالإليزيه", "الاليزيه"), ("القاهرة", None)])
def test_the_forms_that_begin_a_seat(gazetteer: Gazetteer, written: str, seat: str | None) -> None:
    forms = [form for _, form in _starts(gazetteer).of(name_key(written)).seat]
    assert forms == ([seat] if seat else [])


@pytest.mark.parametrize(("written", "city"), [("بوغور", "Bogor"), ("أنغارا", None), ("القاهرة", None)])
def test_a_g_respelling_names_a_city_by_its_own_arabic_name(
    gazetteer: Gazetteer, written: str, city: str | None
) -> None:
    starts = _starts(gazetteer)
    found = starts.of(name_key(written)).g_variant
    assert (found and gazetteer.place(found[1][0].row).name) == city


@pytest.mark.parametrize(
    ("written", "names"),
    [("كومسومولسك", True), ("أنغارا", False), ("بيت", None)],  # None: too short to be tried at all
)
def test_the_consonant_keys_a_word_starts(gazetteer: Gazetteer, written: str, names: bool | None) -> None:
    starts = _starts(gazetteer)
    found = starts.of(name_key(written)).phonetic
    if names is None:
        assert found == ()
        return
    assert found and bool(found[0][2]) == names
    assert all(starts.keys(form) == (True, hits) for _, form, hits in found)


def test_a_small_memory_still_answers_right(gazetteer: Gazetteer) -> None:
    words = [name_key(w) for w in ("القاهرة", "ذلك", "بوغور", "القاهرة", "كومسومولسك")]
    small, large = _starts(gazetteer, size=1), _starts(gazetteer)
    assert [small.of(w) for w in words] == [large.of(w) for w in words]


@pytest.mark.parametrize(
    ("word", "arabic", "latin"), [("قطر", True, False), ("qatar", False, True), ("2024", False, False)]
)
def test_the_script_of_a_word(word: str, arabic: bool, latin: bool) -> None:
    assert (arabic_word(word), latin_word(word)) == (arabic, latin)


def test_the_word_table_answers_as_the_words_are_worked_out(gazetteer: Gazetteer) -> None:
    from geo.places.word_table import frequent_words

    table = WordStarts(gazetteer, GazetteerMemo(gazetteer), settings=RecognitionSettings())
    worked = _starts(gazetteer, size=1 << 16)
    assert worked._table is None and table._table is not None
    words = frequent_words(3000)
    answers = [table.of(w) for w in words]
    assert answers == [worked._worked_out(w) for w in words]
    assert sum(not a.idle for a in answers) > 100  # busy words too: names, seats, consonant keys
    assert all(isinstance(h.row, int) for a in answers for _, _, hits in a.exact for h in hits)


@pytest.mark.parametrize(
    "word",
    [
        Word(True, False, (), (), None, ()),
        Word(False, False, ((0, "القاهره", (NameHit(7, 5),)), (1, "اهره", ())), ((2, "الكرملين"),), None, ()),
        Word(False, False, (), (), (1, (NameHit(3, 1), NameHit(4, 1))), ((0, "بوغور", (NameHit(9, 16),)),)),
    ],
)
def test_a_word_reads_back_from_the_table_as_it_was_kept(word: Word) -> None:
    from geo.places.starts import _decoded, _encoded

    again = _decoded(_encoded(word))
    assert again == word
    assert all(type(h) is NameHit for _, _, hits in (*again.exact, *again.phonetic) for h in hits)
    assert again.g_variant is None or all(type(h) is NameHit for h in again.g_variant[1])


@pytest.mark.parametrize("population", [100_000, 1_000_000, 0])
def test_the_g_names_are_the_towns_own_name_keys_respelt(
    gazetteer: Gazetteer, population: int, tmp_path, monkeypatch  # noqa: ANN001
) -> None:
    from geo.places import starts

    one_g = str.maketrans(dict.fromkeys("غجقك", "ك"))
    rows = [row for found in gazetteer.towns_by_country(population).values() for row in found]
    expected = frozenset(name_key(gazetteer.own_arabic(row) or "").translate(one_g) for row in rows)
    assert starts._read_g_names(gazetteer, population) == expected
    monkeypatch.setenv("GEOSTORY_CACHE_DIR", str(tmp_path))
    starts._g_names.cache_clear()
    assert starts._g_names(gazetteer, population) == expected  # worked out, kept compiled
    starts._g_names.cache_clear()
    assert starts._g_names(gazetteer, population) == expected  # loaded
    assert [copy.name.split(".")[0] for copy in tmp_path.iterdir()] == [f"g-names-{population}"]
    starts._g_names.cache_clear()
