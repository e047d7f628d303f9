"""``story.html``: the reader-facing story map, one self-contained HTML file.

The map renders from a :class:`~geo.story.document.StoryDoc` with folium, and is
read with our own ``assets/js/storymap.js``: an overview of the whole route
first, then ← / → from stop to stop (the map flies there and opens the
stop's popup), Space to play or pause a time player that draws the route
stop by stop, and a list of the stops beside the map with a live region
for screen readers.

What the page holds:

- numbered stop markers (``DivIcon``, no icon font or image), each with a
  popup: the date or range (or "date unknown") and its certainty, the place
  in Arabic and English, the role and caption, and the articles' own words
  with their source and link;
- uncertainty circles for relative and approximate places;
- the route, each leg a great circle densified with ``pyproj.Geod.npts``,
  drawn as a marching ant path in date order;
- the other places the articles name (datelines, governments, past
  visits…), in a context layer that is off by default;
- a legend, the list of sources, and the data attributions;
- an offline basemap: Natural Earth country outlines (``world-atlas``),
  converted in the browser with ``topojson-client``, drawn below the
  online tiles, which simply fail without a network.

By default every script and style sheet is inlined from ``assets/`` (the
pinned npm packages in ``assets/node_modules`` and our own files), so the
page makes no request but for tiles; ``cdn=True`` loads the third-party
packages from jsDelivr at the pinned versions (with subresource integrity)
instead. Article text is data: it is escaped once wherever it reaches the
HTML, and passed to scripts only as JSON with ``<``, ``>`` and ``&``
escaped. Element ids are numbered in tree order, so the same story gives
byte-identical HTML.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import itertools
import json
import os
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
from branca.element import CssLink, Element, Figure, JavascriptLink, MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import AntPath
from folium.template import Template

from geo.dates.wording import date_range_text, day_text
from geo.errors import OutputError
from geo.outputs.atomic import write_text_atomic
from geo.outputs.links import safe_url
from geo.story.document import ArticleDoc, PlaceDoc, Quote, StopDoc, StoryDoc, date_bounds, dated_stops

__all__ = [
    "PINNED",
    "stop_zoom",
    "route_legs",
    "assets_dir",
    "build_map",
    "render_map",
    "write_map",
    "StoryMap",
    "RoutePath",
    "StoryControls",
]

#: The front-end packages the map uses, at the versions pinned in ``assets/package.json``.
PINNED: dict[str, str] = {
    "leaflet": "1.9.3",
    "leaflet-ant-path": "1.1.2",
    "topojson-client": "3.1.0",
    "world-atlas": "2.0.2",
}

_JSDELIVR = "https://cdn.jsdelivr.net/npm"
_NPM_CI = "run `npm ci --prefix assets`"

# Tiles: CARTO's light basemap of OpenStreetMap data; drawn over the offline outlines when online.
_TILES = "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png"
_TILES_ATTR = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors '
    '&copy; <a href="https://carto.com/attributions">CARTO</a>'
)
_DATA_ATTR = (
    '<a href="https://www.geonames.org/">GeoNames</a> '
    '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>) · '
    '<a href="https://www.naturalearthdata.com/">Natural Earth</a>'
)

_ROUTE_COLOR = "#0b4f8a"
_CONTEXT_COLOR = "#6b7280"
_LEG_STEP_M = 25_000.0  # one intermediate great-circle point every 25 km
_LEG_MAX_POINTS = 128
_QUOTES_SHOWN = 2  # quotes shown in a popup before a "more" disclosure
_SENTENCE_MAX = 320  # characters of a quote's sentence shown around the place name

_AREA_TYPES = frozenset({"country", "region", "water"})
_AREA_ROLES = frozenset({"country", "region", "water", "mentioned"})
_RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi"})
_ROLE_TEXT = {
    "departure": "departure",
    "visit": "visit",
    "plan": "plan (announced)",
    "dateline": "dateline: where an article was filed",
    "government": "named for its government",
    "historical": "an earlier visit or event",
    "related report": "site of a related report",
    "mentioned": "mentioned",
}
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_RUN = re.compile(rf"[{_ARABIC}]+(?:[\s\d«»\"'().,:;!?\u060c\u061b\u061f\u0640-]*[{_ARABIC}]+)*")
_HAS_ARABIC = re.compile(rf"[{_ARABIC}]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SOURCE_MAP = re.compile(r"\n?\s*(?://[#@] sourceMappingURL=[^\n]*|/\*[#@] sourceMappingURL=[^*]*\*/)\s*$")


# --------------------------------------------------------------------------- assets


@dataclass(frozen=True)
class _Asset:
    """A script or style sheet of the page: where it lives locally and on jsDelivr."""

    path: str  # relative to the assets folder
    kind: str  # "js", "css" or "json"
    package: str | None = None  # npm package (pinned); None for our own files
    cdn_path: str = ""  # path inside the package on jsDelivr

    @property
    def cdn_url(self) -> str | None:
        if self.package is None:
            return None
        return f"{_JSDELIVR}/{self.package}@{PINNED[self.package]}/{self.cdn_path}"


_ASSETS: dict[str, _Asset] = {
    "leaflet": _Asset("node_modules/leaflet/dist/leaflet.js", "js", "leaflet", "dist/leaflet.js"),
    "leaflet_css": _Asset("node_modules/leaflet/dist/leaflet.css", "css", "leaflet", "dist/leaflet.css"),
    "antpath": _Asset(
        "node_modules/leaflet-ant-path/dist/leaflet-ant-path.js", "js", "leaflet-ant-path", "dist/leaflet-ant-path.js"
    ),
    "topojson_client": _Asset(
        "node_modules/topojson-client/dist/topojson-client.min.js",
        "js",
        "topojson-client",
        "dist/topojson-client.min.js",
    ),
    "world_atlas": _Asset("node_modules/world-atlas/countries-110m.json", "json", "world-atlas", "countries-110m.json"),
    "storymap": _Asset("js/storymap.js", "js"),
    "storymap_css": _Asset("css/storymap.css", "css"),
}


def assets_dir() -> Path:
    """The front-end assets folder (``$GEOSTORY_ASSETS_DIR``, else ``assets/`` of the project)."""
    override = os.environ.get("GEOSTORY_ASSETS_DIR")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "assets"


def _missing(asset: _Asset, path: Path) -> OutputError:
    if asset.package is None:
        return OutputError(f"the story map's own asset {path} is missing: the package is incomplete")
    return OutputError(f"front-end package {asset.package} is missing ({path}): {_NPM_CI}")


@functools.cache
def _checked_package(package: str, root: Path) -> None:
    """Raise unless ``node_modules/<package>`` is installed at the pinned version."""
    manifest = root / "node_modules" / package / "package.json"
    try:
        version = json.loads(manifest.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError) as exc:
        raise OutputError(f"front-end package {package} is missing ({manifest}): {_NPM_CI}") from exc
    if version != PINNED[package]:
        raise OutputError(f"front-end package {package} is {version}, the map needs {PINNED[package]}: {_NPM_CI}")


@functools.cache
def _asset_bytes(name: str, root: Path) -> bytes:
    asset = _ASSETS[name]
    if asset.package is not None:
        _checked_package(asset.package, root)
    path = root / asset.path
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _missing(asset, path) from exc


def _asset_text(name: str) -> str:
    try:
        return _asset_bytes(name, assets_dir()).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise OutputError(f"front-end asset {_ASSETS[name].path} is not UTF-8: {_NPM_CI}") from exc


def _integrity(name: str) -> str:
    """The subresource-integrity hash of an asset, as jsDelivr serves the npm file unchanged."""
    return "sha384-" + base64.b64encode(hashlib.sha384(_asset_bytes(name, assets_dir())).digest()).decode("ascii")


def _data_url(name: str) -> str:
    mime = {"js": "text/javascript", "css": "text/css", "json": "application/json"}[_ASSETS[name].kind]
    return f"data:{mime};base64," + base64.b64encode(_asset_bytes(name, assets_dir())).decode("ascii")


@functools.cache
def _leaflet_image(file: str, root: Path) -> str:
    path = root / "node_modules" / "leaflet" / "dist" / "images" / file
    try:
        return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
    except OSError as exc:
        raise OutputError(f"front-end package leaflet is incomplete ({path}): {_NPM_CI}") from exc


def _script_safe(text: str, *, closing: str) -> str:
    """Text that cannot end its ``<script>`` / ``<style>`` element early."""
    text = re.sub(rf"</({closing})", r"<\\/\1", text, flags=re.IGNORECASE)
    return text.replace("<!--", "<\\!--")


def _inline_tag(name: str) -> str:
    """The ``<script>`` or ``<style>`` element holding an asset's own text."""
    asset = _ASSETS[name]
    text = _SOURCE_MAP.sub("", _asset_text(name)).strip()
    if asset.kind == "css":
        if name == "leaflet_css":  # relative image URLs would break once inlined: embed the images
            root = assets_dir()
            text = re.sub(r"url\(images/([\w.-]+\.png)\)", lambda m: f"url({_leaflet_image(m[1], root)})", text)
        return f"<style>\n{_script_safe(text, closing='style')}\n</style>"
    return f"<script>\n{_script_safe(text, closing='script')}\n</script>"


def _cdn_tag(name: str) -> str:
    """The ``<script src>`` or ``<link>`` element loading an asset from jsDelivr, with its integrity hash."""
    asset = _ASSETS[name]
    url, sri = html.escape(asset.cdn_url or ""), _integrity(name)
    if asset.kind == "css":
        return f'<link rel="stylesheet" href="{url}" integrity="{sri}" crossorigin="anonymous">'
    return f'<script src="{url}" integrity="{sri}" crossorigin="anonymous"></script>'


def _json_for_html(data: Any) -> str:
    """JSON text safe inside an HTML ``<script>`` element: ``<``, ``>`` and ``&`` as ``\\u`` escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _escape_json_text(text)


def _escape_json_text(text: str) -> str:
    # In JSON these characters only occur inside strings, where the \u escapes mean the same.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class _OwnLinks:
    """A class attribute listing our own assets as ``data:`` URLs, read on first use (no I/O at import).

    streamlit-folium collects ``default_js`` / ``default_css`` of every
    :class:`~folium.elements.JSCSSMixin` and loads them by URL; a ``data:``
    URL lets it load our files too. :func:`render_map` inlines them instead.
    """

    def __init__(self, *links: tuple[str, str | None]) -> None:
        self._links = links  # (name, fixed URL or None for one of our own files)

    def __get__(self, obj: object, owner: type | None = None) -> list[tuple[str, str]]:
        return [(name, url if url is not None else _data_url(name)) for name, url in self._links]


class _Raw(Element):
    """Literal HTML in the page (never run through a template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Raw"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


# --------------------------------------------------------------------------- folium elements


class _Literal(MacroElement):
    """Render the header/html/script macros into the page as literal text.

    ``MacroElement.render`` wraps each rendered macro in ``Element(text)``,
    which compiles the text as a Jinja template and renders it again: any
    ``{{ … }}`` in article text would be evaluated in Python at render time
    (server-side template injection). Elements that carry story text
    inherit from this class (after the folium class, before
    ``MacroElement``), so the text is rendered exactly once.
    """

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise OutputError(f"{self._name} must be rendered inside a page")
        module = self._template.module
        for part in ("header", "html", "script"):
            macro = getattr(module, part, None)
            if macro is not None:
                getattr(figure, part).add_child(_Raw(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class _Marker(folium.Marker, _Literal):
    """A marker whose options (its title: a place name) are rendered once."""


class _DivIcon(folium.DivIcon, _Literal):
    """A ``DivIcon`` whose HTML (the stop's number and label) is rendered once."""


class _StoryFigure(Figure):
    """The page: ``lang``, a UTF-8 meta, an escaped title, the map script inside ``<body>``.

    On render, each script or style link that folium elements declare is
    replaced by the inline text of the pinned local file (or, with
    ``cdn=True`` for third-party packages, by a jsDelivr link with its
    integrity hash).
    """

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="en" dir="ltr">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        "<title>{{ this.title|e }}</title>\n"
        "{{ this.header.render(**kwargs) }}\n"
        "</head>\n"
        '<body class="sm-page">\n'
        "{{ this.html.render(**kwargs) }}\n"
        "<script>\n"
        "{{ this.script.render(**kwargs) }}\n"
        "</script>\n"
        "</body>\n"
        "</html>\n"
    )

    def __init__(self, *, title: str, cdn: bool) -> None:
        super().__init__(title=title)
        self._name = "StoryFigure"
        self.cdn = cdn
        self.header._children.pop("meta_http", None)  # replaced by <meta charset> in the template

    def render(self, **kwargs: Any) -> str:
        for child in self._children.values():
            child.render(**kwargs)
        self._resolve_links()
        return self._template.render(this=self, kwargs=kwargs)

    def _resolve_links(self) -> None:
        resolved: OrderedDict[str, Element] = OrderedDict()
        for name, child in self.header._children.items():
            if isinstance(child, (JavascriptLink, CssLink)):
                asset = _ASSETS.get(name)
                if asset is None:
                    raise OutputError(f"the story map uses an asset outside its pinned list: {child.url}")
                child = _Raw(_cdn_tag(name) if self.cdn and asset.package else _inline_tag(name))
            resolved[name] = child
        self.header._children = resolved


class StoryMap(folium.Map):
    """A folium map that loads only Leaflet (1.9.3): no jQuery, Bootstrap, Font Awesome or awesome-markers.

    Its viewport meta lets readers zoom the page (folium's forbids it).
    """

    default_js = [("leaflet", f"{_JSDELIVR}/leaflet@{PINNED['leaflet']}/dist/leaflet.js")]
    default_css = [("leaflet_css", f"{_JSDELIVR}/leaflet@{PINNED['leaflet']}/dist/leaflet.css")]

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <meta name="viewport" content="width=device-width, initial-scale=1">
        {% endmacro %}

        {% macro html(this, kwargs) %}
            <div class="folium-map sm-map" id={{ this.get_name()|tojson }} role="region"
                 aria-label="Map of the journey"></div>
        {% endmacro %}

        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.map(
                {{ this.get_name()|tojson }},
                {
                    center: {{ this.location|tojson }},
                    crs: L.CRS.{{ this.crs }},
                    ...{{ this.options|tojavascript }}
                }
            );
            {%- if this.control_scale %}
            L.control.scale({ imperial: false }).addTo({{ this.get_name() }});
            {%- endif %}
        {% endmacro %}
        """
    )


class RoutePath(AntPath):
    """The route as a marching ant path, with leaflet-ant-path pinned to 1.1.2 (the npm file itself)."""

    default_js = [("antpath", _ASSETS["antpath"].cdn_url or "")]


class _SafePopup(_Literal):
    """A popup whose HTML (already escaped by us) reaches Leaflet as a JSON string.

    folium's ``Popup`` puts its HTML inside a JavaScript template literal
    handed to jQuery: ``${…}`` in article text would run, and it needs
    jQuery. This one needs neither.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.bindPopup({{ this.content|tojavascript }}, {{ this.options|tojavascript }});
        {% endmacro %}
        """
    )

    def __init__(self, content: str, **options: Any) -> None:
        super().__init__()
        self._name = "Popup"
        self.content = content
        self.options = options


class _Attribution(_Literal):
    """Attributions of the data (GeoNames, Natural Earth), whatever layers are shown."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojavascript }});
        {% endmacro %}
        """
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text = text


class StoryControls(JSCSSMixin, _Literal):
    """The reading panel (title, time player, list of stops, legend, sources) and ``storymap.js``.

    Its html goes first in ``<body>``; the story data for the script is a
    JSON block; its script hands the folium layers to ``StoryMap.init``.
    """

    default_js = _OwnLinks(
        ("topojson_client", _ASSETS["topojson_client"].cdn_url),
        ("storymap", None),
    )
    default_css = _OwnLinks(("storymap_css", None))

    _template = Template(
        """
        {% macro html(this, kwargs) %}{{ this.panel }}{% endmacro %}

        {% macro script(this, kwargs) %}
            StoryMap.init({
                map: {{ this._parent.get_name() }},
                route: {{ this.route.get_name() if this.route else "null" }},
                markers: [{% for m in this.markers %}{{ m.get_name() }}{{ ", " if not loop.last }}{% endfor %}],
                control: {{ this.control.get_name() }},
            });
        {% endmacro %}
        """
    )

    def __init__(self, panel: str, *, route: Element | None, markers: list[Element], control: Element) -> None:
        super().__init__()
        self._name = "StoryControls"
        self.panel = panel
        self.route = route
        self.markers = markers
        self.control = control

    def render(self, **kwargs: Any) -> None:
        super().render(**kwargs)
        # The panel comes first in the document: a reader meets the title and the stops before the map.
        self.get_root().html._children.move_to_end(self.get_name(), last=False)


# --------------------------------------------------------------------------- text and HTML


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _is_rtl(lang: str | None) -> bool:
    return (lang or "").split("-")[0].lower() in _RTL_LANGS


def _text_attrs(text: str, lang: str | None = None) -> str:
    """``lang``/``dir`` attributes for article text: Arabic when its article is, or Arabic letters dominate."""
    arabic = len(_HAS_ARABIC.findall(text))
    if arabic and (_is_rtl(lang) or arabic >= len(_LATIN.findall(text))):
        return ' lang="ar" dir="rtl"'
    if lang and not _is_rtl(lang):
        return f' lang="{_e(lang)}" dir="ltr"'
    return ' dir="auto"'


def _mixed(text: str) -> str:
    """Escaped text whose Arabic runs are wrapped in ``<span lang="ar" dir="rtl">``."""
    out, last = [], 0
    for match in _ARABIC_RUN.finditer(text):
        out.append(_e(text[last : match.start()]))
        out.append(f'<span lang="ar" dir="rtl">{_e(match.group())}</span>')
        last = match.end()
    out.append(_e(text[last:]))
    return "".join(out)


def _certainty_text(stop: StopDoc) -> str:
    if stop.date_start is None:
        return "not dated by the articles; placed by the order of the story"
    return {"exact": "exact date", "approximate": "approximate date"}.get(stop.date_certainty, "uncertain date")


def _stop_label(stop: StopDoc, total: int) -> str:
    return f"Stop {stop.seq} of {total}: {stop.name}, {date_range_text(stop.date_start, stop.date_end)}"


def _caption_text(stop: StopDoc) -> str:
    prefix = f"{stop.role}: "
    return stop.caption[len(prefix) :] if stop.caption.startswith(prefix) else stop.caption


def _excerpt(quote: Quote) -> tuple[str, str, str]:
    """The quote's sentence split around the place name: (before, name, after), trimmed to a readable length."""
    sentence = quote.sentence or quote.text
    at = sentence.find(quote.text) if quote.text else -1
    if at < 0:
        before, mark, after = sentence, "", ""
    else:
        before, mark, after = sentence[:at], quote.text, sentence[at + len(quote.text) :]
    room = max(0, _SENTENCE_MAX - len(mark))
    if len(before) + len(after) > room:
        keep_before = min(len(before), room // 2)
        keep_after = min(len(after), room - keep_before)
        keep_before = min(len(before), room - keep_after)
        if keep_before < len(before):
            before = "… " + before[len(before) - keep_before :].lstrip()
        if keep_after < len(after):
            after = after[:keep_after].rstrip() + " …"
    return before, mark, after


def _article_label(article: ArticleDoc | None, name: str) -> str:
    if article is None:
        return name
    return article.title or name


def _quote_html(quote: Quote, articles: dict[str, ArticleDoc]) -> str:
    article = articles.get(quote.article)
    lang = article.language if article else None
    before, mark, after = _excerpt(quote)
    text_attrs = _text_attrs(before + mark + after, lang)
    piece = _e if "rtl" in text_attrs else _mixed  # Arabic names inside a Latin-script quote keep their direction
    body = piece(before) + (f"<mark>{piece(mark)}</mark>" if mark else "") + piece(after)
    source = quote.source or (article.source if article else None)
    cite = [f'<span class="sm-q-source"{_text_attrs(source)}>{_e(source)}</span>' if source else "unknown source"]
    label = _article_label(article, quote.article)
    cite.append(f'<span class="sm-q-article"{_text_attrs(label)}>{_e(label)}</span>')
    if article is not None and article.published is not None:
        cite.append(f'<time datetime="{article.published.isoformat()}">{_e(day_text(article.published))}</time>')
    url = safe_url(quote.url or (article.url if article else None))
    if url:
        cite.append(f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">read the article</a>')
    role = f'<span class="sm-q-role">{_e(quote.role)}</span>: {_mixed(quote.why)}' if quote.role else ""
    return (
        f'<li class="sm-quote"><blockquote{text_attrs}>{body}</blockquote>'
        f'<p class="sm-q-cite">{" · ".join(cite)}</p>' + (f'<p class="sm-q-why">{role}</p>' if role else "") + "</li>"
    )


def _quotes_html(quotes: list[Quote], articles: dict[str, ArticleDoc]) -> str:
    if not quotes:
        return '<p class="sm-pop-none">No quote recorded.</p>'
    items = [_quote_html(q, articles) for q in quotes]
    out = [f'<h3 class="sm-pop-h">In the articles ({len(items)})</h3>']
    out.append(f'<ol class="sm-quotes">{"".join(items[:_QUOTES_SHOWN])}</ol>')
    if len(items) > _QUOTES_SHOWN:
        more = len(items) - _QUOTES_SHOWN
        out.append(
            f"<details><summary>{more} more quote{'s' if more > 1 else ''}</summary>"
            f'<ol class="sm-quotes" start="{_QUOTES_SHOWN + 1}">{"".join(items[_QUOTES_SHOWN:])}</ol></details>'
        )
    return "".join(out)


def _names_html(item: StopDoc | PlaceDoc) -> str:
    arabic = f'<span class="sm-pop-ar" lang="ar" dir="rtl">{_e(item.name_ar)}</span>' if item.name_ar else ""
    return f'<h2 class="sm-pop-title">{arabic}<span class="sm-pop-en" dir="auto">{_e(item.name)}</span></h2>'


def _where_text(item: StopDoc | PlaceDoc) -> str:
    text = item.place_type
    if item.uncertainty_km >= 1:
        text += f" · within about {item.uncertainty_km:.0f} km"
    return text


def _stop_popup(stop: StopDoc, total: int, articles: dict[str, ArticleDoc]) -> str:
    date_text = date_range_text(stop.date_start, stop.date_end)
    when = (
        f'<time datetime="{stop.date_start.isoformat()}">{_e(date_text)}</time>' if stop.date_start else _e(date_text)
    )
    caption = _caption_text(stop)
    parts = [
        f'<div class="sm-pop sm-pop-stop" lang="en" dir="ltr" data-seq="{stop.seq}">',
        f'<p class="sm-pop-kicker">Stop {stop.seq} of {total}</p>',
        _names_html(stop),
        f'<p class="sm-pop-date sm-cert-{_e(stop.date_certainty)}">{when}'
        f' <span class="sm-pop-cert">({_e(_certainty_text(stop))})</span></p>',
        f'<p class="sm-pop-role"><strong>{_e(_ROLE_TEXT.get(stop.role, stop.role))}</strong>'
        + (f" — {_mixed(caption)}" if caption else "")
        + "</p>",
    ]
    if stop.also:
        parts.append(f'<p class="sm-pop-also">Also here: {_mixed(", ".join(stop.also))}</p>')
    parts.append(f'<p class="sm-pop-where">{_e(_where_text(stop))}</p>')
    parts.append(_quotes_html(stop.quotes, articles))
    parts.append("</div>")
    return "".join(parts)


def _context_popup(place: PlaceDoc, articles: dict[str, ArticleDoc]) -> str:
    roles = ", ".join(_ROLE_TEXT.get(r, r) for r in place.roles) or "mentioned"
    return "".join(
        [
            '<div class="sm-pop sm-pop-context" lang="en" dir="ltr">',
            '<p class="sm-pop-kicker">Also named in the articles</p>',
            _names_html(place),
            f'<p class="sm-pop-role"><strong>{_e(roles)}</strong></p>',
            f'<p class="sm-pop-where">{_e(_where_text(place))}</p>',
            _quotes_html(place.quotes, articles),
            "</div>",
        ]
    )


# --------------------------------------------------------------------------- geometry


@functools.cache
def _geod() -> Any:
    from pyproj import Geod

    return Geod(ellps="WGS84")


def _unwrap(lon: float, ref: float) -> float:
    """``lon`` shifted by whole turns to lie within 180° of ``ref`` (routes across the antimeridian)."""
    return lon + 360.0 * round((ref - lon) / 360.0)


def _route_order(stops: list[StopDoc]) -> list[StopDoc]:
    """The dated stops in route order, ``seq`` (an edited story.json may change it; undated stops have no leg)."""
    return sorted(dated_stops(stops), key=lambda s: s.seq)


def _display_lons(stops: list[StopDoc]) -> dict[int, float]:
    """Longitude to draw each stop at: along the route, continuous across the antimeridian."""
    lons = {s.seq: s.lon for s in stops}
    prev: float | None = None
    for stop in _route_order(stops):
        lon = stop.lon if prev is None else _unwrap(stop.lon, prev)
        lons[stop.seq] = prev = lon
    return lons


def route_legs(stops: list[StopDoc]) -> list[dict[str, Any]]:
    """The legs between the dated stops in route order: ``{"from", "to", "path"}``, each path a great
    circle of ``[lat, lon]`` points, continuous across the antimeridian."""
    return _legs(stops, _display_lons(stops))


def _legs(stops: list[StopDoc], lons: dict[int, float]) -> list[dict[str, Any]]:
    """The route's legs: ``{"from", "to", "path"}``, each path a great circle of ``[lat, lon]`` points."""
    geod = _geod()
    route = _route_order(stops)
    legs = []
    for a, b in itertools.pairwise(route):
        a_lon, b_lon = lons[a.seq], lons[b.seq]
        _, _, metres = geod.inv(a.lon, a.lat, b.lon, b.lat)
        if metres < 1_000:  # the same place again: nothing to draw
            continue
        count = min(_LEG_MAX_POINTS, int(metres // _LEG_STEP_M))
        path = [[round(a.lat, 5), round(a_lon, 5)]]
        prev = a_lon
        for lon, lat in geod.npts(a.lon, a.lat, b.lon, b.lat, count) if count else []:
            prev = _unwrap(lon, prev)
            path.append([round(lat, 5), round(prev, 5)])
        path.append([round(b.lat, 5), round(b_lon, 5)])
        legs.append({"from": a.seq, "to": b.seq, "path": path})
    return legs


def stop_zoom(uncertainty_km: float) -> int:
    """The zoom to fly to for a stop: closer for precise places, wider for vague ones."""
    for limit, zoom in ((40.0, 7), (120.0, 6), (300.0, 5)):
        if uncertainty_km <= limit:
            return zoom
    return 4


def _needs_circle(stop: StopDoc) -> bool:
    return stop.place_type == "relative" or stop.place_type in _AREA_TYPES or stop.uncertainty_km >= 20


def _is_context(place: PlaceDoc) -> bool:
    """Places drawn in the context layer: points, or areas with a telling role (not just "a country")."""
    return place.place_type not in _AREA_TYPES or bool(set(place.roles) - _AREA_ROLES)


def _bounds(points: list[tuple[float, float]]) -> list[list[float]]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


# --------------------------------------------------------------------------- the panel


def _journey_span(stops: list[StopDoc]) -> str:
    bounds = date_bounds(stops)
    return date_range_text(*bounds) if bounds else "undated"


def _stop_item(stop: StopDoc) -> str:
    date_text = date_range_text(stop.date_start, stop.date_end)
    approx = " (approx.)" if stop.date_start and stop.date_certainty != "exact" else ""
    arabic = f' <span class="sm-li-ar" lang="ar" dir="rtl">{_e(stop.name_ar)}</span>' if stop.name_ar else ""
    state = "dated" if stop.date_start else "undated"
    return (
        f'<li><button type="button" class="sm-stop-btn sm-li-{state}" data-seq="{stop.seq}">'
        f'<span class="sm-li-n sm-cert-{_e(stop.date_certainty)}" aria-hidden="true">{stop.seq}</span>'
        f'<span class="sm-li-text"><span class="sm-li-name" dir="auto">{_e(stop.name)}</span>{arabic}'
        f'<span class="sm-li-date">{_e(date_text + approx)} · {_e(_ROLE_TEXT.get(stop.role, stop.role))}</span>'
        "</span></button></li>"
    )


def _sources_html(articles: list[ArticleDoc]) -> str:
    items = []
    for article in articles:
        label = _article_label(article, article.name)
        url = safe_url(article.url)
        title = f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">{_e(label)}</a>' if url else _e(label)
        meta = [f"<span{_text_attrs(article.source)}>{_e(article.source)}</span>"] if article.source else []
        if article.published:
            meta.append(f'<time datetime="{article.published.isoformat()}">{_e(day_text(article.published))}</time>')
        items.append(
            f"<li><span{_text_attrs(label)}>{title}</span>" + (f" — {' · '.join(meta)}" if meta else "") + "</li>"
        )
    return (
        '<details class="sm-sources"><summary>Sources '
        f"({len(articles)} article{'s' if len(articles) != 1 else ''})</summary>"
        f"<ul>{''.join(items)}</ul></details>"
    )


_LEGEND = (
    '<section class="sm-legend" aria-labelledby="sm-legend-h"><h2 id="sm-legend-h">Legend</h2><ul>'
    '<li><span class="sm-key sm-key-exact" aria-hidden="true">1</span> stop, exact date</li>'
    '<li><span class="sm-key sm-key-approximate" aria-hidden="true">2</span> stop, approximate date</li>'
    '<li><span class="sm-key sm-key-unknown" aria-hidden="true">3</span> stop without a date (no route leg)</li>'
    '<li><span class="sm-key-line" aria-hidden="true"></span> route in date order, along great circles</li>'
    '<li><span class="sm-key-circle" aria-hidden="true"></span> how far a vague or relative place may be</li>'
    '<li><span class="sm-key-context" aria-hidden="true"></span> other places the articles name '
    "(layer “Other places named”, off at first)</li>"
    "</ul>"
    '<label class="sm-animate"><input type="checkbox" id="sm-animate" checked> Animate the route</label>'
    "</section>"
)


def _panel_html(doc: StoryDoc, data: dict[str, Any], *, cdn: bool) -> str:
    total = len(doc.stops)
    subtitle = [f"{total} stop{'s' if total != 1 else ''}", _journey_span(doc.stops)]
    if doc.traveller:
        subtitle.insert(0, _mixed(doc.traveller))
    last_label = _e(_stop_label(doc.stops[-1], total)) if doc.stops else "No stops"
    player = (
        '<section class="sm-player" aria-label="Time player">'
        '<button type="button" id="sm-play" class="sm-btn"'
        + (" disabled" if total < 1 else "")
        + '><span class="sm-play-icon" aria-hidden="true">▶</span> <span class="sm-play-text">Play</span></button>'
        '<label class="sm-speed">Speed <select id="sm-speed">'
        '<option value="0.5">0.5×</option><option value="1" selected>1×</option>'
        '<option value="2">2×</option><option value="4">4×</option></select></label>'
        '<label class="sm-slider-label" for="sm-slider">Date</label>'
        f'<input type="range" id="sm-slider" min="1" max="{max(total, 1)}" step="1" value="{max(total, 1)}"'
        f' aria-valuetext="{last_label}"' + (" disabled" if total < 1 else "") + ">"
        f'<output id="sm-when" for="sm-slider">Whole route · {_e(_journey_span(doc.stops))}</output>'
        "</section>"
    )
    stops = (
        '<nav class="sm-nav" aria-labelledby="sm-stops-h"><h2 id="sm-stops-h">Stops</h2>'
        '<button type="button" id="sm-overview" class="sm-btn sm-btn-quiet" aria-current="true">Whole route</button>'
        f'<ol class="sm-stops">{"".join(_stop_item(s) for s in doc.stops)}</ol></nav>'
    )
    blocks = [f'<script type="application/json" id="story-data">{_json_for_html(data)}</script>']
    if not cdn:
        countries = _escape_json_text(_asset_text("world_atlas").strip())
        blocks.append(f'<script type="application/json" id="sm-countries">{countries}</script>')
    return (
        '<aside class="sm-panel" aria-labelledby="sm-title">'
        f'<header class="sm-head"><h1 id="sm-title" dir="auto">{_mixed(doc.title or "Story map")}</h1>'
        f'<p class="sm-sub">{" · ".join(subtitle)}</p>'
        '<p class="sm-help" id="sm-help"><kbd>←</kbd> <kbd>→</kbd> move from stop to stop, '
        "<kbd>Space</kbd> plays or pauses, <kbd>Home</kbd> / <kbd>End</kbd> first and last stop, "
        "<kbd>Esc</kbd> closes a popup.</p></header>"
        + player
        + '<p id="sm-live" class="sm-live" role="status" aria-live="polite" aria-atomic="true">'
        + f"Whole route: {total} stop{'s' if total != 1 else ''}.</p>"
        + stops
        + _LEGEND
        + _sources_html(doc.articles)
        + "</aside>"
        + "".join(blocks)
    )


# --------------------------------------------------------------------------- the map


def _story_data(doc: StoryDoc, lons: dict[int, float], legs: list[dict[str, Any]], *, cdn: bool) -> dict[str, Any]:
    total = len(doc.stops)
    basemap: dict[str, Any] = {"inline": "sm-countries"}
    if cdn:
        basemap = {"url": _ASSETS["world_atlas"].cdn_url, "integrity": _integrity("world_atlas")}
    return {
        "title": doc.title,
        "span": _journey_span(doc.stops),
        "stops": [
            {
                "seq": s.seq,
                "name": s.name,
                "nameAr": s.name_ar,
                "lat": s.lat,
                "lon": round(lons[s.seq], 6),
                "date": date_range_text(s.date_start, s.date_end),
                "dated": s.date_start is not None,
                "certainty": s.date_certainty,
                "zoom": stop_zoom(s.uncertainty_km),
                "label": _stop_label(s, total),
            }
            for s in doc.stops
        ],
        "legs": legs,
        "basemap": basemap,
    }


def _numbered(root: Element) -> None:
    """Give every element of the tree a stable id, in tree order (folium's are random).

    The id is a hash of the element's position, shaped like folium's own
    hexadecimal ids: short numbers would collide with the renaming that
    streamlit-folium applies to variable names.
    """
    counter = itertools.count(1)

    def walk(element: Element) -> None:
        element._id = hashlib.sha256(f"geostory-element-{next(counter)}".encode()).hexdigest()[:16]
        for child in element._children.values():
            walk(child)

    walk(root)


def build_map(doc: StoryDoc, *, cdn: bool = False) -> StoryMap:
    """The story's folium map, inside its page (call ``get_root().render()`` for the HTML).

    Parameters
    ----------
    doc:
        The story document.
    cdn:
        Load the third-party packages from jsDelivr instead of inlining them.

    Returns
    -------
    StoryMap
        The map; its element ids are numbered deterministically.
    """
    root = assets_dir()
    for package in PINNED:  # fail early, with one clear message, when the front-end packages are not installed
        _checked_package(package, root)
    total = len(doc.stops)
    articles = {a.name: a for a in doc.articles}
    lons = _display_lons(doc.stops)
    legs = _legs(doc.stops, lons)
    points = [(s.lat, lons[s.seq]) for s in doc.stops] + [(p[0], p[1]) for leg in legs for p in leg["path"]]

    m = StoryMap(location=None, tiles=None, zoom_start=2, control_scale=True, world_copy_jump=False)
    figure = _StoryFigure(title=doc.title or "Story map", cdn=cdn)
    figure.add_child(m)
    # The overview first, before any layer is added: no tile is fetched for another view.
    m.fit_bounds(_bounds(points) if points else [[-60.0, -170.0], [75.0, 170.0]], padding=(40, 40), max_zoom=7)

    folium.TileLayer(
        tiles=_TILES,
        attr=_TILES_ATTR,
        name="Street map (online tiles)",
        overlay=True,
        control=True,
        show=True,
        subdomains="abcd",
        max_zoom=19,
    ).add_to(m)

    circles = folium.FeatureGroup(name="How far a place may be", show=True)
    for stop in doc.stops:
        if _needs_circle(stop) and stop.uncertainty_km > 0:
            folium.Circle(
                location=[stop.lat, lons[stop.seq]],
                radius=stop.uncertainty_km * 1000.0,
                color=_ROUTE_COLOR,
                weight=1.5,
                dash_array="4 6",
                fill=True,
                fill_color=_ROUTE_COLOR,
                fill_opacity=0.07,
                interactive=False,
                class_name="sm-uncertainty",
            ).add_to(circles)
    circles.add_to(m)

    route = None
    if legs:
        route = RoutePath(
            [leg["path"] for leg in legs],
            color=_ROUTE_COLOR,
            pulse_color="#ffffff",
            weight=4,
            opacity=0.9,
            delay=900,
            dash_array=[12, 24],
            interactive=False,
        )
        route_layer = folium.FeatureGroup(name="Route", show=True)
        route.add_to(route_layer)
        route_layer.add_to(m)

    context = folium.FeatureGroup(name="Other places named (context)", show=False)
    for place in doc.places:
        if not _is_context(place):
            continue
        marker = folium.CircleMarker(
            location=[place.lat, place.lon],
            radius=5,
            color="#ffffff",
            weight=1.5,
            fill=True,
            fill_color=_CONTEXT_COLOR,
            fill_opacity=0.75,
            class_name="sm-context",
        )
        marker.add_child(_SafePopup(_context_popup(place, articles), maxWidth=340, minWidth=220, maxHeight=360))
        marker.add_to(context)
    context.add_to(m)

    stops_layer = folium.FeatureGroup(name="Stops", show=True)
    markers = []
    for stop in doc.stops:
        label = _stop_label(stop, total)
        kind = stop.date_certainty if stop.date_start else "unknown"
        icon = _DivIcon(
            html=f'<span class="sm-pin-n" aria-hidden="true">{stop.seq}</span><span class="sm-sr">{_e(label)}</span>',
            icon_size=(30, 30),
            icon_anchor=(15, 15),
            popup_anchor=(0, -12),
            class_name=f"sm-stop sm-stop-{kind}",
        )
        marker = _Marker(
            location=[stop.lat, lons[stop.seq]],
            icon=icon,
            title=f"{stop.seq}. {stop.name}",
            keyboard=True,
            rise_on_hover=True,
            z_index_offset=(2000 if stop.date_start else 1000) + stop.seq,
        )
        marker.add_child(
            _SafePopup(
                _stop_popup(stop, total, articles),
                maxWidth=360,
                minWidth=240,
                maxHeight=380,
                autoPanPadding=[24, 24],
                className="sm-popup",
            )
        )
        marker.add_to(stops_layer)
        markers.append(marker)
    stops_layer.add_to(m)

    m.add_child(_Attribution(_DATA_ATTR))
    control = folium.LayerControl(position="topright", collapsed=True)
    control.add_to(m)

    data = _story_data(doc, lons, legs, cdn=cdn)
    m.add_child(StoryControls(_panel_html(doc, data, cdn=cdn), route=route, markers=markers, control=control))
    _numbered(figure)
    return m


def render_map(doc: StoryDoc, *, cdn: bool = False) -> str:
    """The story map as one HTML page.

    Parameters
    ----------
    doc:
        The story document.
    cdn:
        ``False`` (default): every script and style is inlined, the page
        needs no network (but for tiles). ``True``: Leaflet, leaflet-ant-path,
        topojson-client and the world outlines load from jsDelivr at the
        pinned versions; our own script and style stay inline.

    Returns
    -------
    str
        The HTML text; the same story gives the same text.

    Raises
    ------
    OutputError
        When a front-end asset is missing or not at its pinned version.
    """
    return build_map(doc, cdn=cdn).get_root().render()


def write_map(doc: StoryDoc, path: Path, *, cdn: bool = False) -> Path:
    """Write :func:`render_map` to ``path`` atomically (UTF-8); returns the path.

    Raises
    ------
    OutputError
        When an asset is missing or the file cannot be written.
    """
    return write_text_atomic(Path(path), render_map(doc, cdn=cdn))
