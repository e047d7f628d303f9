"""The regex store (geo/text/regex_store.py): patterns built from stored programs are the patterns re.compile makes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import geo.text.regex_store as store
from geo.text.regex_store import compile_pattern, store_path

#: Patterns written for these tests: groups by name and number, look-arounds, Arabic letters, flags.
PATTERNS = [
    (r"(?P<day>\d{1,2})\s*(?P<s>[-/.])\s*(?P<month>\d{1,2})(?P=s)(?P<year>\d{4})(?!\d)", 0),
    (r"(?<![^\W_])(?:[وف]?(?:بال|ال)?)(?:رحلة|زيارة)(?![^\W\d_])", 0),
    (r"\b(?:visited|toured|arrived\s+in)\b", re.IGNORECASE),
    (r"(?i:Mr)\.?\s+(\w+)|(\d+)", 0),
    (r"[^\W\d_]{2,}(?:er|ir|re)\b", re.IGNORECASE | re.MULTILINE),
    (r"\w+", re.ASCII),
    (r"(?!)", 0),
]
#: Texts to match them against.
TEXTS = [
    "Le 3-4-2021 il a visité Paris",
    "وصل الرئيس في زيارة إلى القاهرة",
    "He VISITED Oslo, Mr. Hansen",
    "partir venir",
]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store of its own in ``tmp_path``, not yet read by this process."""
    monkeypatch.setenv("GEOSTORY_REGEX_DIR", str(tmp_path / "regex"))
    monkeypatch.setattr(store, "_PROGRAMS", None)
    return tmp_path / "regex"


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new process: the store is read again from its file."""
    monkeypatch.setattr(store, "_PROGRAMS", None)


def _same(made: re.Pattern[str], pattern: str, flags: int) -> None:
    expected = re.compile(pattern, flags)
    assert made == expected  # the same text, flags and engine program
    assert (made.flags, made.groups, made.groupindex) == (expected.flags, expected.groups, expected.groupindex)
    for text in TEXTS:
        assert [m.span() for m in made.finditer(text)] == [m.span() for m in expected.finditer(text)]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_first_and_later_processes_get_the_pattern_re_compile_makes(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, flags: int
) -> None:
    _same(compile_pattern(pattern, flags=flags), pattern, flags)
    assert store_path().is_file()
    _forget(monkeypatch)
    _same(compile_pattern(pattern, flags=flags), pattern, flags)


def test_later_processes_compile_nothing(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for pattern, flags in PATTERNS:
        compile_pattern(pattern, flags=flags)
    _forget(monkeypatch)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(store, "_program", refuse)
    for pattern, flags in PATTERNS:
        _same(compile_pattern(pattern, flags=flags), pattern, flags)


def test_a_record_cut_short_ends_the_reading(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (first, first_flags), (second, second_flags) = PATTERNS[0], PATTERNS[1]
    compile_pattern(first, flags=first_flags)
    compile_pattern(second, flags=second_flags)
    path = store_path()
    path.write_bytes(path.read_bytes()[:-5])
    _forget(monkeypatch)
    assert len(store._read(path)) == 1
    _same(compile_pattern(second, flags=second_flags), second, second_flags)  # compiled afresh, appended again
    _forget(monkeypatch)
    assert len(store._read(path)) == 1  # what follows the cut is not read: the store holds the first only


@pytest.mark.parametrize("garbage", [b"", b"\x01", b"\xff\xff\xff\x7f", b"\x03\x00\x00\x00abc"])
def test_a_damaged_store_is_read_as_far_as_it_is_whole(fresh: Path, monkeypatch: pytest.MonkeyPatch,
                                                        garbage: bytes) -> None:  # fmt: skip
    fresh.mkdir(parents=True)
    store_path().write_bytes(garbage)
    pattern, flags = PATTERNS[2]
    _same(compile_pattern(pattern, flags=flags), pattern, flags)


def test_a_program_the_engine_refuses_is_compiled_afresh(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern, flags = PATTERNS[0]
    compile_pattern(pattern, flags=flags)
    _forget(monkeypatch)
    programs = store._read(store_path())
    key = next(iter(programs))
    monkeypatch.setattr(store, "_PROGRAMS", {key: (programs[key][0], b"\xff\xff\x00\x00", *programs[key][2:])})
    _same(compile_pattern(pattern, flags=flags), pattern, flags)


def test_a_store_grown_too_big_starts_afresh(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "MAX_BYTES", 10)
    compile_pattern(PATTERNS[0][0], flags=PATTERNS[0][1])
    compile_pattern(PATTERNS[1][0], flags=PATTERNS[1][1])
    assert len(store._read(store_path())) == 1


def test_an_unwritable_folder_still_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("GEOSTORY_REGEX_DIR", str(blocker / "regex"))
    monkeypatch.setattr(store, "_PROGRAMS", None)
    pattern, flags = PATTERNS[3]
    _same(compile_pattern(pattern, flags=flags), pattern, flags)


@pytest.mark.parametrize("pattern", ["(?P<a>x", "[z-a]", "*"])
def test_a_bad_pattern_is_refused_as_re_refuses_it(fresh: Path, pattern: str) -> None:
    with pytest.raises(re.error):
        compile_pattern(pattern)
    assert not store_path().exists()


def test_the_store_is_named_for_this_interpreter_and_engine(fresh: Path) -> None:
    import _sre
    import sys

    assert store_path().parent == fresh
    assert sys.implementation.cache_tag in store_path().name and str(_sre.MAGIC) in store_path().name
