"""Readings: content keys change with content and reader version; a traveller's key is the same in both scripts."""

from __future__ import annotations

import pickle

import pytest

from geo.archive.reading import Digest, content_key, read_batch, reader_version, traveller_key
from geo.model import Article
from geo.settings import Settings
from geo.story.traveller import Person

TEXT = "وصل الرئيس عمر الفاروقي إلى القاهرة يوم الأحد 3 مارس 2024 في زيارة رسمية."


def test_content_key() -> None:
    a = Article(name="a.txt", text=TEXT)
    assert content_key(a, version="1") == content_key(Article(name="a.txt", text=TEXT), version="1")
    assert content_key(a, version="1") != content_key(a, version="2")
    assert content_key(a, version="1") != content_key(Article(name="a.txt", text=TEXT + "."), version="1")
    assert reader_version("{}") != reader_version('{"x": 1}')


@pytest.mark.parametrize("changed", ["index_fingerprint", "_reader_digest"])
def test_a_new_gazetteer_or_new_reading_code_is_a_new_reader_version(monkeypatch, changed: str) -> None:  # noqa: ANN001
    import geo.archive.reading as reading

    before = reading.reader_version("{}")
    reading.reader_version.cache_clear()
    monkeypatch.setattr(reading, changed, lambda: "something else")
    try:
        assert reading.reader_version("{}") != before  # cached readings of the old index or code are read again
    finally:
        reading.reader_version.cache_clear()


def test_traveller_key_across_scripts() -> None:
    both = Person(name="بوتين", keys=frozenset({"بوتين", "putin"}), mentions=1)
    assert traveller_key(both) == traveller_key(Person(name="Putin", keys=frozenset({"putin"}), mentions=1))
    assert traveller_key(None) is None


def test_read_batch_reads_and_fails_alone() -> None:
    good = Article(name="good.txt", text=TEXT)
    bad = Article(name="bad.txt", text="x" * 10, sentences=((5, 2),))  # a malformed sentence span
    out = read_batch([("k1", good), ("k2", bad)], Settings().model_dump_json())
    assert [row[0] for row in out] == ["k1", "k2"]
    reading = pickle.loads(out[0][1])
    assert reading.article == good
    assert Digest.from_json(out[0][2]).name == "good.txt"
