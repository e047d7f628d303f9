"""The scanner's regular expressions (they run on folded text): alternations of words, numeric dates, cues."""

from __future__ import annotations

import re

import pytest

from geo.dates.patterns import ATOM_PATTERNS, _first_word, alternation, date_patterns, first_chars
from geo.text.folding import fold


def test_an_alternation_tries_the_longest_word_first() -> None:
    assert re.match(alternation(["امس", "اول امس"]), "اول امس").group() == "اول امس"


def test_a_bounded_alternation_matches_whole_words_only() -> None:
    pattern = re.compile(alternation(["will", "'ll"], bounded=True))
    assert pattern.search("willing") is None
    assert pattern.search("they'll come").group() == "'ll"


def test_an_empty_alternation_never_matches() -> None:
    assert re.search(alternation([]), "anything") is None


@pytest.mark.parametrize(
    ("name", "text", "groups"),
    [
        pytest.param("ymd", "2023-09-13", {"y": "2023", "m": "09", "d": "13"}, id="iso"),
        pytest.param("dmy", "24 . 04 . 2019", {"d": "24", "m": "04", "y": "2019"}, id="dotted-day-first"),
        pytest.param("mdy", "september 13, 2023", {"mn": "september", "d": "13", "y": "2023"}, id="month-first"),
        pytest.param("year", "منذ عام 2014", {"cue": "منذ", "noun": "عام", "y": "2014"}, id="year-with-cue"),
    ],
)
def test_patterns_capture_the_fields_of_a_date(name: str, text: str, groups: dict[str, str]) -> None:
    match = getattr(date_patterns(), name).search(text)
    assert match is not None and {key: match[key] for key in groups} == groups


def test_a_mixed_separator_is_not_a_numeric_date() -> None:
    assert date_patterns().dmy.search("13-09/2023") is None


def _plain_alternation(words: list[str], *, bounded: bool) -> str:
    """The alternation as written without its look-ahead and hoisted boundary (each word bounded alone)."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        pattern = re.escape(word).replace(r"\ ", r"\s+").replace("'", r"['’]\s*")
        if bounded:
            start = "" if word[0] in "'’" else r"(?<![^\W_])"
            pattern = start + pattern + ("" if word[-1] in "'’" else r"(?![^\W\d_])")
        parts.append(pattern)
    return "(?:" + "|".join(parts) + ")"


@pytest.mark.parametrize(
    ("words", "bounded", "text"),
    [
        pytest.param(["after", "then", "on the eve of"], True, "thenceforth, after all, then on  the eve of", id="en"),
        pytest.param(["que", "qu'", "lorsque"], True, "lorsqu'il a dit que qu'elle quelque", id="fr-apostrophe"),
        pytest.param(["ثم", "أن", "بأن"], True, "قال بأن الوفد ثم أنهى ثمن", id="ar"),
        pytest.param(["will", "'ll"], True, "we'll see, William will", id="leading-apostrophe"),
        pytest.param(["next", "prochain"], False, "annexe prochaine next", id="unbounded"),
    ],
)
def test_an_alternation_matches_what_the_plain_alternation_matches(words: list[str], bounded: bool, text: str) -> None:
    fast = re.compile(alternation(words, bounded=bounded))
    plain = re.compile(_plain_alternation(words, bounded=bounded))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [bool(fast.match(text, i)) for i in range(len(text))] == [
        bool(plain.match(text, i)) for i in range(len(text))
    ]


@pytest.mark.parametrize(
    ("words", "first"),
    [
        pytest.param(["ab", "cd", "a b"], "ac", id="letters"),
        pytest.param([" x", "'ll"], r"'’\s", id="space-and-apostrophe"),
        pytest.param(["-x", "y"], None, id="optional-hyphen"),
    ],
)
def test_the_first_characters_of_an_alternation(words: list[str], first: str | None) -> None:
    assert first_chars(words) == first


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("وصل الوفد صباح الثلاثاء 12 مارس 2024 إلى المدينة، وغادرها في اليوم التالي", id="arabic"),
        pytest.param("وفي 3-4 نيسان الماضي، ولعام 2019 كله، ثم بعد غد الخميس", id="arabic-conjunctions"),
        pytest.param("Il arrive avant-hier, avanthier ou après-demain, la semaine prochaine", id="french-glued"),
        pytest.param("On March 3rd, 2021 and theweek after, since 1998; next Monday, 2024-02-29", id="english"),
        pytest.param("في15سبتمبر2023 عند 10:30 و 13/09/2023 أو 1.2.2023", id="digits-glued-to-words"),
        pytest.param("", id="empty"),
    ],
)
def test_atom_matches_finds_what_finditer_finds(text: str) -> None:
    patterns = date_patterns()
    folded = fold(text).text
    found = patterns.atom_matches(folded, patterns.starts_in(folded))
    for name in ATOM_PATTERNS:
        expected = [(m.span(), m.groupdict()) for m in getattr(patterns, name).finditer(folded)]
        assert [(m.span(), m.groupdict()) for m in found[name]] == expected, name
    assert any(found.values()) or not text


def test_a_date_word_must_start_with_a_letter() -> None:
    with pytest.raises(ValueError, match="start with a letter"):
        _first_word("'ll")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("قال إنه سيزور القاهرة، ثم حيث التقى. بينما «كان» هناك: 10:30", id="arabic"),
        pytest.param("He said that, on the\neve of the talks, in the run-up to it; then", id="english-over-a-newline"),
        pytest.param("Il a dit qu'il partira, puis à la veille des élections...", id="french"),
    ],
)
def test_clause_breaks_from_the_word_starts_are_finditers(text: str) -> None:
    patterns = date_patterns()
    folded = fold(text).text
    expected = [m.span() for m in patterns.clause_break.finditer(folded)]
    assert patterns.clause_breaks(folded, patterns.starts_in(folded)) == expected
    assert expected


def _plain(patterns: object) -> dict[str, object]:
    """A :class:`~geo.dates.patterns.Patterns` as comparable data: each expression as its source and flags."""

    def plain(value: object) -> object:
        if isinstance(value, re.Pattern):
            return (value.pattern, value.flags)
        if isinstance(value, dict):
            return {key: (plain(item), type(item)) for key, item in value.items()}
        return value

    starts = patterns.starts
    fields = {name: plain(getattr(patterns, name)) for name in patterns.__dataclass_fields__ if name != "starts"}
    return {**fields, "starts": (starts.words, starts.glued, starts.glued_words, plain(starts.scan), starts.known)}


def test_the_kept_sources_compile_to_the_worked_out_patterns(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from geo.dates import patterns

    monkeypatch.setenv("GEOSTORY_CACHE_DIR", str(tmp_path))
    try:
        patterns.date_patterns.cache_clear()
        worked_out = _plain(patterns.date_patterns())  # no copy yet: worked out from the word lists, kept
        assert "date-patterns" in {copy.name.split(".")[0] for copy in tmp_path.iterdir()}
        patterns.date_patterns.cache_clear()
        monkeypatch.setattr(patterns, "_sources", lambda: pytest.fail("worked out again"))
        assert _plain(patterns.date_patterns()) == worked_out  # loaded
    finally:
        patterns.date_patterns.cache_clear()
