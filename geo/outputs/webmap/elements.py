"""The folium elements of the story map: the page, the map, the route, popups and the reading controls.

Elements that carry story text render it exactly once (never through a
second Jinja pass, see :class:`_Literal`); the page replaces every script
or style link that an element declares with the pinned asset, inline or
from jsDelivr (:mod:`geo.outputs.webmap.assets`); element ids are numbered
in tree order (:func:`number_elements`), so the same story gives the same
bytes.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import OrderedDict
from typing import Any

import folium
from branca.element import CssLink, Element, Figure, JavascriptLink, MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import AntPath
from folium.template import Template

from geo.errors import OutputError
from geo.outputs.webmap.assets import ASSETS, JSDELIVR, PINNED, cdn_tag, data_url, inline_tag

__all__ = [
    "StoryFigure",
    "StoryMap",
    "RoutePath",
    "StoryControls",
    "SafePopup",
    "Attribution",
    "TextMarker",
    "TextDivIcon",
    "number_elements",
]


class _OwnLinks:
    """A class attribute listing our own assets as ``data:`` URLs, read on first use (no I/O at import).

    streamlit-folium collects ``default_js`` / ``default_css`` of every
    :class:`~folium.elements.JSCSSMixin` and loads them by URL; a ``data:``
    URL lets it load our files too. :func:`~geo.outputs.webmap.render_map` inlines them instead.
    """

    def __init__(self, *links: tuple[str, str | None]) -> None:
        self._links = links  # (name, fixed URL or None for one of our own files)

    def __get__(self, obj: object, owner: type | None = None) -> list[tuple[str, str]]:
        return [(name, url if url is not None else data_url(name)) for name, url in self._links]


class _Raw(Element):
    """Literal HTML in the page (never run through a template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Raw"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


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


class TextMarker(folium.Marker, _Literal):
    """A marker whose options (its title: a place name) are rendered once."""


class TextDivIcon(folium.DivIcon, _Literal):
    """A ``DivIcon`` whose HTML (the stop's number and label) is rendered once."""


class StoryFigure(Figure):
    """The page: ``lang``, a UTF-8 meta, an escaped title, the map script inside ``<body>``.

    On render, each script or style link that folium elements declare is
    replaced by the inline text of the pinned local file (or, with
    ``cdn=True`` for third-party packages, by a jsDelivr link with its
    integrity hash).
    """

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="{{ this.lang|e }}" dir="ltr">\n'
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

    def __init__(self, *, title: str, cdn: bool, lang: str = "en") -> None:
        super().__init__(title=title)
        self._name = "StoryFigure"
        self.cdn = cdn
        self.lang = lang  # the story's language; the frame stays left to right, the panel and popups carry dir
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
                asset = ASSETS.get(name)
                if asset is None:
                    raise OutputError(f"the story map uses an asset outside its pinned list: {child.url}")
                child = _Raw(cdn_tag(name) if self.cdn and asset.package else inline_tag(name))
            resolved[name] = child
        self.header._children = resolved


class StoryMap(folium.Map):
    """A folium map that loads only Leaflet (1.9.3): no jQuery, Bootstrap, Font Awesome or awesome-markers.

    Its viewport meta lets readers zoom the page (folium's forbids it).
    """

    default_js = [("leaflet", f"{JSDELIVR}/leaflet@{PINNED['leaflet']}/dist/leaflet.js")]
    default_css = [("leaflet_css", f"{JSDELIVR}/leaflet@{PINNED['leaflet']}/dist/leaflet.css")]
    label = "Map of the journey"  # the map region's name for screen readers (set in the page's language)

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <meta name="viewport" content="width=device-width, initial-scale=1">
        {% endmacro %}

        {% macro html(this, kwargs) %}
            <div class="folium-map sm-map" id={{ this.get_name()|tojson }} role="region"
                 aria-label="{{ this.label|e }}"></div>
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

    default_js = [("antpath", ASSETS["antpath"].cdn_url or "")]


class SafePopup(_Literal):
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


class Attribution(_Literal):
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
        ("topojson_client", ASSETS["topojson_client"].cdn_url),
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


def number_elements(root: Element) -> None:
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
