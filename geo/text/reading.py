"""Reading articles: bytes → text → front matter → HTML stripping → :class:`~geo.model.Article`.

A corpus is a folder of ``.txt``, ``.md``, ``.html`` and ``.htm`` files. Each file is
decoded (UTF-8, UTF-8 with BOM, UTF-16 with or without BOM, Windows-1256), its
optional YAML front matter read, its HTML (if any) stripped to text, and its text
cut into the main article and the "read also" articles embedded in the page
(:func:`geo.text.furniture.split_embedded`). The article text keeps its original
characters (invisible marks, tatweel...): a later stage folds them with an offset map.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from geo.errors import EncodingError, FrontMatterError, InputError
from geo.model import Article
from geo.settings import LimitsSettings, TextSettings
from geo.text.files import name_decodes, open_regular, shown_name, with_readable_names
from geo.text.furniture import find_furniture, split_embedded
from geo.text.sentences import break_long_lines, split_sentences

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "FRONT_MATTER_KEYS",
    "LANGUAGES",
    "read_corpus",
    "read_article_file",
    "decode_bytes",
    "parse_front_matter",
    "html_to_text",
    "detect_language",
]

#: File name endings read as articles (compared case-insensitively).
ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm")
#: Files larger than this are refused (the default of :attr:`LimitsSettings.max_article_bytes`).
DEFAULT_MAX_BYTES: int = LimitsSettings.model_fields["max_article_bytes"].default
#: Front matter fields kept (others are ignored).
FRONT_MATTER_KEYS: tuple[str, ...] = ("title", "url", "source", "published", "language")
#: Languages an article may have.
LANGUAGES: tuple[str, ...] = ("ar", "fr", "en")

_HTML_SUFFIXES = frozenset({".html", ".htm"})
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Share of control characters above which a text is taken for binary data.
_MAX_CONTROL_SHARE = 0.05
#: In UTF-16 without BOM, NULs sit in one byte column: the other may hold this share of them at most.
_MAX_STRAY_NUL_SHARE = 0.05
#: Decoded as Windows-1256, non-Arabic non-ASCII letters may be this share of the Arabic letters at most.
_MAX_FOREIGN_LETTER_SHARE = 0.1
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_WORD = re.compile(r"[^\W\d_]+")

_FRENCH_WORDS = frozenset({"le", "la", "les", "des", "est", "une", "dans", "du", "au"})
_ENGLISH_WORDS = frozenset({"the", "and", "of", "to", "in", "is", "was", "with"})

_SKIP_TAGS = frozenset({"script", "style", "noscript", "nav", "footer", "aside", "form", "template", "svg"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section"}
    | {"ul", "ol", "table", "blockquote", "header", "main", "figure", "figcaption", "pre", "hr"}
    | {"dl", "dt", "dd", "address"}
)
_CELL_TAGS = frozenset({"td", "th"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_INLINE_SPACE = re.compile(r"[ \t\r\f]{2,}")
_HTML_START = ("<!doctype html", "<html")


# --- corpus and files ------------------------------------------------------------------------


def read_corpus(
    directory: str | Path,
    *,
    max_bytes: int | None = None,
    settings: TextSettings | None = None,
    limits: LimitsSettings | None = None,
) -> list[Article]:
    """Read every article file directly in ``directory``.

    Parameters
    ----------
    directory:
        A folder holding ``.txt``, ``.md``, ``.html`` or ``.htm`` files; files whose name
        starts with a dot and sub-folders are skipped.
    max_bytes:
        Largest file size accepted (default ``limits.max_article_bytes``).
    settings:
        What counts as article text among the page furniture (default :class:`~geo.settings.TextSettings`).
    limits:
        The size limits (default :class:`~geo.settings.LimitsSettings`).

    Returns
    -------
    list of Article
        The articles of the files sorted by name, each file's embedded articles
        (``FILE#2``...) right after its main one.

    Raises
    ------
    InputError
        When the folder is missing or holds no article file, or a file cannot be read.
    """
    folder = Path(directory)
    if not folder.exists():
        raise InputError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    files = sorted(
        (path for path in folder.iterdir() if _is_article_file(path)),
        key=lambda path: path.name,
    )
    files = with_readable_names(files)
    if not files:
        raise InputError(f"{folder}: holds no article ({', '.join(ARTICLE_SUFFIXES)} file)")
    return [
        article
        for path in files
        for article in read_article_file(path, max_bytes=max_bytes, settings=settings, limits=limits)
    ]


def read_article_file(
    path: str | Path,
    *,
    max_bytes: int | None = None,
    settings: TextSettings | None = None,
    limits: LimitsSettings | None = None,
) -> list[Article]:
    """Read one article file.

    Parameters
    ----------
    path:
        The file; ``.html``/``.htm`` files (and text that starts like an HTML page) are
        stripped to text, other files are read as plain text (Markdown stays as written).
    max_bytes:
        Largest file size accepted (default ``limits.max_article_bytes``).
    settings:
        What counts as article text among the page furniture (default :class:`~geo.settings.TextSettings`).
    limits:
        The size limits (default :class:`~geo.settings.LimitsSettings`): a line longer than
        ``max_line_chars`` is broken at a sentence end or a space (:func:`~geo.text.sentences.break_long_lines`).

    Returns
    -------
    list of Article
        The article named by the file name, then one ``FILE#2``, ``FILE#3``... per embedded
        "read also" article, whose text is that story only and which inherits the file's
        front matter fields except ``title``.

    Raises
    ------
    InputError
        When the file is missing, too large, empty, binary, without text or with a line that cannot be broken;
        :class:`~geo.errors.EncodingError` when it does not decode,
        :class:`~geo.errors.FrontMatterError` when its front matter is wrong.
    """
    file = Path(path)
    if not name_decodes(file):
        raise InputError(f"{shown_name(file)}: the file name is not valid UTF-8; rename the file")
    limits = limits or LimitsSettings()
    data = _read_bytes(file, limits.max_article_bytes if max_bytes is None else max_bytes)
    text = decode_bytes(data, source=file.name)
    fields, body, _ = parse_front_matter(text, source=file.name)
    if file.suffix.lower() in _HTML_SUFFIXES or _looks_like_html(body):
        body, html_title = _parse_html(body)
        fields.setdefault("title", html_title)
    if not body.strip():
        raise InputError(f"{file.name}: no article text")
    body = break_long_lines(body, max_chars=limits.max_line_chars, source=file.name)
    settings = settings or TextSettings()
    articles = []
    for number, (start, end) in enumerate(split_embedded(body, settings=settings), start=1):
        name = file.name if number == 1 else f"{file.name}#{number}"
        title = fields.get("title") if number == 1 else None
        articles.append(_make_article(name, body[start:end], fields, title=title, path=file, settings=settings))
    return articles


def _is_article_file(path: Path) -> bool:
    """Tell whether ``path`` is a visible file with an article suffix."""
    return path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith(".") and path.is_file()


def _read_bytes(file: Path, max_bytes: int) -> bytes:
    """Read ``file``, refusing missing, special and over-large files."""
    try:
        with os.fdopen(open_regular(file), "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise InputError(f"{file.name}: {size} bytes, over the limit of {max_bytes} bytes")
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{file}: cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise InputError(f"{file.name}: {len(data)} bytes, over the limit of {max_bytes} bytes")
    return data


def _make_article(
    name: str, text: str, fields: dict[str, Any], *, title: str | None, path: Path, settings: TextSettings
) -> Article:
    """Build one article from its text and the file's front matter fields."""
    return Article(
        name=name,
        text=text,
        sentences=split_sentences(text),
        furniture=find_furniture(text, settings=settings),
        language=fields.get("language") or detect_language(text),
        title=title,
        url=fields.get("url"),
        source=fields.get("source"),
        published=fields.get("published"),
        path=str(path),
    )


# --- decoding --------------------------------------------------------------------------------


def decode_bytes(data: bytes, *, source: str | None = None) -> str:
    """Decode an article's bytes.

    Rules, in order: a BOM names the encoding (UTF-8, UTF-16 LE/BE); NUL bytes must sit
    in one byte column (UTF-16 without BOM, LE or BE), else the data is binary; then
    strict UTF-8; then Windows-1256, kept only when the result reads as Arabic or ASCII
    text (so Latin-1 text is refused). Text that is mostly control characters is binary.

    Parameters
    ----------
    data:
        The file's bytes.
    source:
        The file name, for error messages.

    Returns
    -------
    str
        The text, without its BOM.

    Raises
    ------
    InputError
        When the data is empty, white space only, or binary.
    EncodingError
        When it decodes in none of the supported encodings.
    """
    where = f"{source}: " if source else ""
    if not data:
        raise InputError(f"{where}empty file")
    text = _decode(data, where)
    if not text.strip():
        raise InputError(f"{where}empty file (white space only)")
    return text


def _decode(data: bytes, where: str) -> str:
    """Pick the encoding of ``data`` and decode it."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _check_not_binary(_strict(data[len(bom) :], codec, where), where)
    if b"\x00" in data:
        codec = _utf16_codec(data)
        if codec is None:
            raise InputError(f"{where}looks binary (NUL bytes outside a UTF-16 pattern)")
        return _check_not_binary(_strict(data, codec, where), where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_cp1256(data, where)
    return _check_not_binary(text, where)


def _strict(data: bytes, codec: str, where: str) -> str:
    """Decode strictly, translating the failure into :class:`EncodingError`."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"{where}not valid {codec} ({exc.reason} at byte {exc.start})") from exc


def _utf16_codec(data: bytes) -> str | None:
    """Return the UTF-16 codec whose NUL-byte pattern ``data`` shows, or ``None``."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd and even <= odd * _MAX_STRAY_NUL_SHARE:
        return "utf-16-le"
    if even and odd <= even * _MAX_STRAY_NUL_SHARE:
        return "utf-16-be"
    return None


def _decode_cp1256(data: bytes, where: str) -> str:
    """Decode as Windows-1256, refusing results that do not read as Arabic or ASCII text."""
    text = _check_not_binary(_strict(data, "cp1256", where), where)
    if not _reads_as_arabic_or_ascii(text):
        raise EncodingError(f"{where}not UTF-8, UTF-16 or Windows-1256 (Arabic) text")
    return text


def _check_not_binary(text: str, where: str) -> str:
    """Return ``text`` unless control characters make up much of it."""
    controls = sum(1 for ch in text if (ch < " " and ch not in _TEXT_CONTROLS) or ch == "\x7f")
    if controls > len(text) * _MAX_CONTROL_SHARE:
        raise InputError(f"{where}looks binary ({controls} of {len(text)} characters are control characters)")
    return text


def _reads_as_arabic_or_ascii(text: str) -> bool:
    """Tell whether the non-ASCII letters of ``text`` are Arabic, and no word mixes Arabic and Latin."""
    arabic = foreign = 0
    for ch in text:
        if ch >= "\x80" and ch.isalpha():
            if _is_arabic_letter(ch):
                arabic += 1
            else:
                foreign += 1
    if foreign > arabic * _MAX_FOREIGN_LETTER_SHARE:
        return False
    words = _WORD.findall(text)
    arabic_words = [word for word in words if any(_is_arabic_letter(ch) for ch in word)]
    mixed = sum(1 for word in arabic_words if any(not _is_arabic_letter(ch) for ch in word))
    return mixed * 20 <= len(arabic_words)


def _is_arabic_letter(ch: str) -> bool:
    """Tell whether ``ch`` is a letter of the Arabic script."""
    code = ord(ch)
    in_block = 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0x08A0 <= code <= 0x08FF
    in_forms = 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF
    return (in_block or in_forms) and ch.isalpha()


# --- front matter ----------------------------------------------------------------------------


def parse_front_matter(text: str, *, source: str | None = None) -> tuple[dict[str, Any], str, int]:
    """Split optional YAML front matter from the body.

    Front matter opens with a first line ``---`` and closes with a line ``---`` (or ``...``).

    Parameters
    ----------
    text:
        The decoded file.
    source:
        The file name, for error messages.

    Returns
    -------
    tuple
        ``(fields, body, offset)``: the known fields (``title``, ``url``, ``source`` and
        ``language`` as strings, ``published`` as a :class:`datetime.date`; empty ones left
        out, unknown keys ignored), the body, and the offset of the body in ``text``.

    Raises
    ------
    FrontMatterError
        When the front matter is not closed, not valid YAML, not a mapping, or has a
        field of the wrong type.
    """
    where = source or "article"
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return {}, text, 0
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if close is None:
        raise FrontMatterError(f"{where}: front matter opened by '---' is never closed")
    raw = _load_yaml("".join(lines[1:close]), where)
    offset = sum(len(line) for line in lines[: close + 1])
    return _front_matter_fields(raw, where), text[offset:], offset


def _load_yaml(source_text: str, where: str) -> dict[Any, Any]:
    """Parse the front matter YAML into a mapping."""
    try:
        raw = yaml.safe_load(source_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 2}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or "malformed YAML"
        raise FrontMatterError(f"{where}: front matter is not valid YAML ({line}{problem})") from exc
    except ValueError as exc:  # an impossible timestamp such as 2023-13-45
        raise FrontMatterError(f"{where}: front matter has an impossible date ({exc})") from exc
    except RecursionError as exc:
        raise FrontMatterError(f"{where}: front matter is nested too deeply") from exc
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise FrontMatterError(f"{where}: front matter must be a mapping of fields, not {type(raw).__name__}")
    return raw


def _front_matter_fields(raw: dict[Any, Any], where: str) -> dict[str, Any]:
    """Keep the known fields, checked and converted."""
    fields: dict[str, Any] = {}
    for key, value in raw.items():
        name = str(key).strip().lower()
        if name not in FRONT_MATTER_KEYS or value is None:
            continue
        if name == "published":
            fields[name] = _date_field(value, where)
        elif name == "language":
            fields[name] = _language_field(value, where)
        else:
            text = _text_field(name, value, where)
            if text:
                fields[name] = text
    return fields


def _text_field(name: str, value: Any, where: str) -> str:
    """A string field (numbers are taken as text)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise FrontMatterError(f"{where}: front matter field {name!r} must be text, not {type(value).__name__}")
    return str(value).strip()


def _date_field(value: Any, where: str) -> dt.date:
    """``published`` as a date: a YAML date or datetime, or an ISO string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError as exc:
            raise FrontMatterError(f"{where}: front matter 'published' is not an ISO date: {text!r}") from exc
    raise FrontMatterError(f"{where}: front matter 'published' must be a date, not {type(value).__name__}")


def _language_field(value: Any, where: str) -> str:
    """``language`` as one of :data:`LANGUAGES` (a region subtag such as ``ar-EG`` is dropped)."""
    if not isinstance(value, str):
        raise FrontMatterError(f"{where}: front matter 'language' must be text, not {type(value).__name__}")
    code = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    if code not in LANGUAGES:
        raise FrontMatterError(f"{where}: front matter 'language' is {value!r}, expected one of {', '.join(LANGUAGES)}")
    return code


# --- HTML ------------------------------------------------------------------------------------


class _TextExtractor(HTMLParser):
    """Collect the visible text and the ``<title>`` of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip = 0
        self._pre = 0
        self._in_title = False
        self._title_seen = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a skipped element or the title; break lines at blocks."""
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "title" and not self._title_seen:
            self._in_title = True
        self._separate(tag)
        if tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closing element (``<br/>``) only breaks the line."""
        self._separate(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close a skipped element, the title or a ``<pre>``; break lines at blocks."""
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "title" and self._in_title:
            self._in_title = False
            self._title_seen = True
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)
        self._separate(tag)

    def handle_data(self, data: str) -> None:
        """Keep text outside skipped elements, its white space collapsed outside ``<pre>``."""
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip:
            self.parts.append(data if self._pre else _HTML_SPACE.sub(" ", data))

    def _separate(self, tag: str) -> None:
        """Break the line at block elements, put a space between table cells."""
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in _CELL_TAGS:
            self.parts.append(" ")  # doubled spaces collapse in _tidy_lines


def html_to_text(html: str) -> str:
    """Strip an HTML page to its text.

    Scripts, styles, navigation, footers, asides and forms are dropped; block elements
    (paragraphs, divisions, list items, headings, table rows, ``<br>``...) become line
    breaks; entities are unescaped; lines are stripped and runs of blank lines collapse
    to one.

    Parameters
    ----------
    html:
        The page.

    Returns
    -------
    str
        The text.
    """
    return _parse_html(html)[0]


def _parse_html(html: str) -> tuple[str, str | None]:
    """Return the text of an HTML page and its ``<title>`` (``None`` when absent or empty)."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser asserts on some malformed markup
        raise InputError(f"the HTML cannot be parsed ({exc or 'malformed markup'})") from exc
    title = _HTML_SPACE.sub(" ", "".join(parser.title_parts)).strip() or None
    return _tidy_lines("".join(parser.parts)), title


def _tidy_lines(text: str) -> str:
    """Collapse runs of spaces, strip every line and collapse runs of blank lines to one."""
    lines: list[str] = []
    for raw in text.split("\n"):
        line = _INLINE_SPACE.sub(" ", raw).strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip()


def _looks_like_html(text: str) -> bool:
    """Tell whether ``text`` starts like an HTML page."""
    return text.lstrip()[:20].lower().startswith(_HTML_START)


# --- language --------------------------------------------------------------------------------


def detect_language(text: str) -> str:
    """Guess the language of ``text``.

    Parameters
    ----------
    text:
        Any text.

    Returns
    -------
    str
        ``"ar"`` when Arabic letters make up most of the letters; else ``"fr"`` when very
        common French function words outnumber the English ones; else ``"en"``.
    """
    letters = arabic = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            arabic += _is_arabic_letter(ch)
    if letters and arabic * 2 > letters:
        return "ar"
    words = [word.lower() for word in _WORD.findall(text)]
    french = sum(word in _FRENCH_WORDS for word in words)
    english = sum(word in _ENGLISH_WORDS for word in words)
    return "fr" if french > english else "en"
