"""Tests of :mod:`geo.text.reading`: decoding, front matter, HTML, language, corpus reading."""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from geo.errors import EncodingError, FrontMatterError, InputError
from geo.text.reading import (
    decode_bytes,
    detect_language,
    html_to_text,
    parse_front_matter,
    read_article_file,
    read_corpus,
)

ARABIC = "زار الزعيم الكوري الشمالي مدينة فلاديفوستوك. وقال إن الزيارة ناجحة؟\n"
ARABIC_PROSE = (
    "أظهرت صور جديدة التقطتها أقمار اصطناعية ما يعتقد أن تكون أكبر سفينة حربية يجري بناؤها في الحوض.\n"
    "وقال محللون إن السفينة قد تحمل صواريخ جديدة، وإن بناءها يستغرق سنوات عدة قبل أن تدخل الخدمة.\n"
    "ويرى خبراء أن العلاقات الوثيقة مع الحلفاء قد تساعد على تطوير هذه السفن في السنوات المقبلة.\n"
)


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


# --- decoding ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(ARABIC.encode("utf-8"), ARABIC, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + ARABIC.encode("utf-8"), ARABIC, id="utf-8-bom"),
        pytest.param(ARABIC.encode("utf-16"), ARABIC, id="utf-16-bom-native"),
        pytest.param(codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), ARABIC, id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), ARABIC, id="utf-16-be-bom"),
        pytest.param(ARABIC.encode("utf-16-le"), ARABIC, id="utf-16-le-no-bom"),
        pytest.param(ARABIC.encode("utf-16-be"), ARABIC, id="utf-16-be-no-bom"),
        pytest.param(ARABIC.encode("cp1256"), ARABIC, id="windows-1256"),
        pytest.param("Café à Séoul.".encode(), "Café à Séoul.", id="utf-8-french"),
        pytest.param("“Quoted” text – done.".encode("cp1256"), "“Quoted” text – done.", id="cp1256-punctuation"),
    ],
)
def test_decode_bytes(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", InputError, "binary", id="png"),
        pytest.param(bytes(range(1, 32)) * 4, InputError, "binary", id="control-characters"),
        pytest.param(b"ab\x00", InputError, "binary", id="odd-length-nul"),
        pytest.param(b"", InputError, "empty", id="empty"),
        pytest.param(b" \r\n\t \n", InputError, "empty", id="whitespace"),
        pytest.param(" \n ".encode("utf-16"), InputError, "empty", id="utf-16-whitespace"),
        pytest.param(
            "Le président a visité la région côtière où l'été est très chaud.".encode("latin-1"),
            EncodingError,
            "Windows-1256",
            id="latin-1-refused",
        ),
        pytest.param(codecs.BOM_UTF8 + b"\xff\xfe abc", EncodingError, "utf-8", id="bad-utf-8-after-bom"),
    ],
)
def test_decode_bytes_errors(data: bytes, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        decode_bytes(data, source="x.txt")


def test_binary_file_error_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "photo.txt", b"\x00\x01\x02\x03\xff\x00\x00\x10")
    with pytest.raises(InputError, match=r"^photo\.txt: looks binary"):
        read_article_file(path)


def test_too_large_file_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", ARABIC * 10)
    with pytest.raises(InputError, match="over the limit of 100 bytes"):
        read_article_file(path, max_bytes=100)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article_file(tmp_path / "absent.txt")


# --- front matter ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fields", "body"),
    [
        pytest.param("No front matter.\n", {}, "No front matter.\n", id="none"),
        pytest.param(
            "---\ntitle: Kim in Russia\nurl: https://example.com/a\nsource: Agency\nlanguage: EN\n---\nBody.\n",
            {"title": "Kim in Russia", "url": "https://example.com/a", "source": "Agency", "language": "en"},
            "Body.\n",
            id="text-fields",
        ),
        pytest.param("---\npublished: 2023-09-16\n---\nB", {"published": dt.date(2023, 9, 16)}, "B", id="yaml-date"),
        pytest.param(
            "---\npublished: 2023-09-16 04:02:09\n---\nB",
            {"published": dt.date(2023, 9, 16)},
            "B",
            id="datetime",
        ),
        pytest.param(
            "---\npublished: '2023-09-16T04:02:09+03:00'\n---\nB",
            {"published": dt.date(2023, 9, 16)},
            "B",
            id="iso-string",
        ),
        pytest.param("---\nauthor: X\ntags: [a, b]\nlanguage: ar-EG\n---\nB", {"language": "ar"}, "B", id="unknown"),
        pytest.param("---\n---\nB", {}, "B", id="empty"),
        pytest.param("---\r\ntitle: T\r\n...\r\nB", {"title": "T"}, "B", id="crlf-dots-close"),
    ],
)
def test_parse_front_matter(text: str, fields: dict[str, object], body: str) -> None:
    parsed, parsed_body, offset = parse_front_matter(text)
    assert parsed == fields
    assert parsed_body == body
    assert text[offset:] == body


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("---\ntitle: [unclosed\n---\nB", "not valid YAML", id="malformed-yaml"),
        pytest.param("---\npublished: 2023-13-45\n---\nB", "impossible date", id="impossible-date"),
        pytest.param("---\npublished: last tuesday\n---\nB", "not an ISO date", id="bad-date-string"),
        pytest.param("---\npublished: 2023\n---\nB", "must be a date", id="date-wrong-type"),
        pytest.param("---\ntitle: [a, b]\n---\nB", "must be text", id="title-list"),
        pytest.param("---\nlanguage: de\n---\nB", "expected one of ar, fr, en", id="language"),
        pytest.param("---\n- a\n- b\n---\nB", "must be a mapping", id="not-mapping"),
        pytest.param("---\ntitle: T\nB", "never closed", id="unclosed"),
    ],
)
def test_front_matter_errors(text: str, message: str) -> None:
    with pytest.raises(FrontMatterError, match=message) as info:
        parse_front_matter(text, source="story.md")
    assert str(info.value).startswith("story.md: ")
    assert "\n" not in str(info.value)


# --- HTML --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param(
            "<p>Kim &amp; Putin</p><script>var x = '<p>hidden</p>';</script><p>met&nbsp;today.</p>",
            "Kim & Putin\n\nmet\u00a0today.",
            id="script-and-entities",
        ),
        pytest.param(
            "<style>p {color: red}</style><nav>Home | World</nav><h1>Title</h1><div>One<br>Two</div>",
            "Title\n\nOne\nTwo",
            id="style-nav-blocks",
        ),
        pytest.param(
            "<ul><li>a</li><li>b</li></ul><footer>© site</footer><aside>ad</aside><form>q</form>",
            "a\n\nb",
            id="list-footer-aside-form",
        ),
        pytest.param(
            "<p>\n  many    spaces\n\n</p>\n\n\n<p>x &#1605;&#x0635;&#1585;</p>",
            "many spaces\n\nx مصر",
            id="spaces",
        ),
        pytest.param("<table><tr><td>a</td><td>b</td></tr></table>", "a b", id="table-cells"),
    ],
)
def test_html_to_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


def test_html_file_takes_its_title_and_front_matter_wins(tmp_path: Path) -> None:
    page = "<html><head><title> Kim  visits </title></head><body><p>وصل كيم إلى موسكو.</p></body></html>"
    plain = read_article_file(_write(tmp_path, "a.html", page))[0]
    assert (plain.title, plain.text, plain.language) == ("Kim visits", "وصل كيم إلى موسكو.", "ar")
    with_fm = read_article_file(_write(tmp_path, "b.htm", f"---\ntitle: Given\n---\n{page}"))[0]
    assert with_fm.title == "Given"


def test_markdown_file_keeps_original_characters(tmp_path: Path) -> None:
    text = "# زيارة\u200f كيـــم\n\nوصل كيم إلى موسكو. ثم غادر.\n"
    path = _write(tmp_path, "story.md", f"---\nsource: Agency\npublished: 2023-09-12\n---\n{text}")
    [article] = read_article_file(path)
    assert article.text == text
    assert (article.name, article.source, article.published) == ("story.md", "Agency", dt.date(2023, 9, 12))
    assert [article.sentence_text(i) for i in range(len(article.sentences))] == [
        "# زيارة\u200f كيـــم",
        "وصل كيم إلى موسكو.",
        "ثم غادر.",
    ]


# --- language ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param(ARABIC, "ar", id="arabic"),
        pytest.param(ARABIC + "Kim Jong Un visited the plant with the minister.", "ar", id="arabic-with-english"),
        pytest.param("Le président est dans la ville avec les ministres des pays.", "fr", id="french"),
        pytest.param("The president was in the city with the ministers of the countries.", "en", id="english"),
        pytest.param("Vladivostok, Komsomolsk", "en", id="no-function-words"),
        pytest.param("", "en", id="empty"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


# --- corpus and embedded articles --------------------------------------------------------------


def test_read_corpus_reads_article_files_sorted_by_name(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt", "Second article text.")
    _write(tmp_path, "a.md", "First article text.")
    _write(tmp_path, "c.HTML", "<p>Third article text.</p>")
    _write(tmp_path, "notes.json", "{}")
    _write(tmp_path, ".hidden.txt", "Hidden.")
    (tmp_path / "sub.txt").mkdir()
    articles = read_corpus(tmp_path)
    assert [(a.name, a.text) for a in articles] == [
        ("a.md", "First article text."),
        ("b.txt", "Second article text."),
        ("c.HTML", "Third article text."),
    ]
    assert articles[1].path == str(tmp_path / "b.txt")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda root: root / "missing", "no such folder", id="missing"),
        pytest.param(lambda root: root, "holds no article", id="empty-folder"),
        pytest.param(lambda root: _write(root, "file.txt", "Text."), "not a folder", id="not-a-folder"),
    ],
)
def test_read_corpus_errors(tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_corpus(make(tmp_path))


def test_embedded_read_also_article_becomes_file_2(tmp_path: Path) -> None:
    main = f"وصل الزعيم الكوري الشمالي إلى مدينة في شرق روسيا على متن قطار خاص يوم الثلاثاء.\n{ARABIC}"
    headline = "كوريا الشمالية تصنع أكبر سفينة حربية"
    front = "---\ntitle: Main title\nsource: Agency\npublished: 2023-09-12\nlanguage: ar\n---\n"
    path = _write(tmp_path, "004.txt", f"{front}{main}شارك\nإقرأ أيضاً:\n{headline}\n{ARABIC_PROSE}")
    first, second = read_article_file(path)
    assert first.name == "004.txt"
    assert first.title == "Main title"
    assert "سفينة" not in first.text
    assert first.text[first.furniture[-1].start : first.furniture[-1].end] == "شارك"
    assert second.name == "004.txt#2"
    assert (second.title, second.source, second.published, second.language) == (
        None,
        "Agency",
        dt.date(2023, 9, 12),
        "ar",
    )
    assert second.text.startswith(headline)
    span = second.sentences[2]
    assert (
        second.text[span.start : span.end]
        == "وقال محللون إن السفينة قد تحمل صواريخ جديدة، وإن بناءها يستغرق سنوات عدة قبل أن تدخل الخدمة."
    )
    assert second.sentence_index(span.start) == 2


def test_short_read_also_block_stays_in_the_main_article_as_furniture(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.txt", f"{ARABIC_PROSE}اقرأ أيضا\nعنوان أول\nعنوان ثان\n")
    [article] = read_article_file(path)
    assert article.text[article.furniture[-1].start : article.furniture[-1].end] == "اقرأ أيضا\nعنوان أول\nعنوان ثان"


def test_malformed_html_is_an_input_error() -> None:
    from geo.errors import InputError
    from geo.text.reading import html_to_text

    with pytest.raises(InputError):
        html_to_text("<p>نص</p><![foo[ x ]]>")


def test_deeply_nested_front_matter_is_a_front_matter_error() -> None:
    from geo.errors import FrontMatterError
    from geo.text.reading import parse_front_matter

    with pytest.raises(FrontMatterError):
        parse_front_matter("---\ntitle: " + "[" * 5000 + "\n---\nنص\n")
