"""The word table: made once beside the index under its fingerprint, then read back as it was made."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from geo.places.word_table import frequent_words, load_word_table, table_fingerprint
from geo.text.folding import name_key


def _index(tmp_path: Path) -> Path:
    index = tmp_path / "index"
    index.mkdir()
    (index / "meta.json").write_text('{"fingerprint": "one"}', encoding="utf-8")
    return index


def test_a_table_is_made_once_then_read_back(tmp_path: Path) -> None:
    index, asked = _index(tmp_path), []

    def work(word: str) -> bytes:
        asked.append(word)
        return word.encode()[:2] if len(word) > 3 else b""

    words = ("مدينة", "في", "سافر")
    made = load_word_table(index, fingerprint="a", work=work, words=lambda: words)
    read = load_word_table(index, fingerprint="a", work=work, words=lambda: words)
    assert asked == list(words)  # worked out when made, not when read again
    kept = [[w.encode()[:2] if len(w) > 3 else b""] for w in words]
    for table in (made, read):
        assert [table.get(w) for w in (*words, "بعد")] == [*kept, None]


def test_a_new_fingerprint_makes_a_new_table_and_the_oldest_go(tmp_path: Path) -> None:
    index = _index(tmp_path)
    for age, fingerprint in enumerate("abc"):
        load_word_table(index, fingerprint=fingerprint, work=lambda w: b"1", words=lambda: ["في"])
        os.utime(index / f"words-{fingerprint}.marisa", (1000 + age, 1000 + age))
    table = load_word_table(index, fingerprint="d", work=lambda w: b"2", words=lambda: ["في"])
    assert table.get("في") == [b"2"]
    assert sorted(p.name for p in index.glob("words-*")) == ["words-b.marisa", "words-c.marisa", "words-d.marisa"]


def test_a_table_that_cannot_be_kept_lives_in_memory(tmp_path: Path) -> None:
    missing = tmp_path / "file"
    missing.write_text("not a folder", encoding="utf-8")
    table = load_word_table(missing, fingerprint="a", work=lambda w: b"1", words=lambda: ["في"])
    assert table is not None and table.get("في") == [b"1"]


def test_a_read_only_folder_has_no_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index, asked = _index(tmp_path), []
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert load_word_table(index, fingerprint="a", work=asked.append, words=lambda: ["في"]) is None
    assert asked == []  # (no word worked out: each is, when met)


@pytest.mark.parametrize(
    ("change", "same"),
    [
        (lambda index: None, True),
        (lambda index: (index / "meta.json").write_text('{"fingerprint": "two"}', encoding="utf-8"), False),
    ],
)
def test_the_fingerprint_follows_the_index_and_the_settings(tmp_path: Path, change, same: bool) -> None:
    index = _index(tmp_path)
    before = table_fingerprint(index, settings="{}")
    change(index)
    assert (table_fingerprint(index, settings="{}") == before) is same
    assert table_fingerprint(index, settings='{"common_zipf": 3}') != before


def test_frequent_words_are_folded_arabic_words_each_once() -> None:
    words = frequent_words(2000)
    assert {name_key("في"), name_key("الرئيس"), name_key("إلى")} <= set(words)  # folded: «الرييس», «الي»
    assert len(set(words)) == len(words)
    assert all("\u0620" <= w[:1] <= "\u064a" for w in words)


def test_no_fingerprint_where_an_input_cannot_be_read(tmp_path: Path) -> None:
    assert table_fingerprint(tmp_path, settings="{}") is None  # (no meta.json: no table is kept)
