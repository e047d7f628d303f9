"""The still maps' Agg canvas: matplotlib's, except that each text is laid out once, however many maps draw it.

A story's maps draw the same texts again and again (the stops' numbers and
names, the countries' names, the credit), and matplotlib's Agg renderer lays
each one out afresh every time (FreeType and its text layout: shaping,
kerning, fallback fonts). The renderer here remembers the layout of each
text in each font, size and resolution, and matplotlib places and renders
its glyphs from it exactly as before: the same pixels, about a tenth less of
the maps' drawing. Everything else is matplotlib's own.
"""

from __future__ import annotations

from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg

__all__ = ["LayoutCanvas"]


def _key(value: Any) -> Any:
    """A layout option as part of a key (a list of language runs as a tuple)."""
    return tuple(_key(v) for v in value) if isinstance(value, list | tuple) else value


class _RememberingFont:
    """A prepared FreeType font that passes everything through, except that each text's layout is remembered."""

    __slots__ = ("_font", "_size", "_layouts")

    def __init__(self, font: Any, size: tuple[float, float], layouts: dict[tuple[Any, ...], Any]) -> None:
        self._font = font
        self._size = size
        self._layouts = layouts

    def __getattr__(self, name: str) -> Any:
        return getattr(self._font, name)

    def _layout(self, text: str, **options: Any) -> Any:
        key = (self._font, self._size, text, tuple((name, _key(v)) for name, v in sorted(options.items())))
        items = self._layouts.get(key)
        if items is None:
            items = self._layouts[key] = self._font._layout(text, **options)
        return items


class _Renderer(RendererAgg):  # type: ignore[misc]
    """Agg's renderer with a memory of text layouts (its own: one figure's texts)."""

    def __init__(self, width: int, height: int, dpi: float) -> None:
        super().__init__(width, height, dpi)
        self._layouts: dict[tuple[Any, ...], Any] = {}

    def _prepare_font(self, font_prop: Any) -> Any:
        font = super()._prepare_font(font_prop)
        return _RememberingFont(font, (font_prop.get_size_in_points(), self.dpi), self._layouts)


class LayoutCanvas(FigureCanvasAgg):  # type: ignore[misc]
    """A :class:`~matplotlib.backends.backend_agg.FigureCanvasAgg` whose renderer lays each text out once (a new
    renderer, as Agg makes one, when the figure's size or resolution changes)."""

    def get_renderer(self) -> RendererAgg:
        width, height = self.get_width_height(physical=True)
        size = (width, height, self.figure.dpi)
        if not isinstance(getattr(self, "renderer", None), _Renderer) or self._renderer_size != size:
            self.renderer = _Renderer(width, height, self.figure.dpi)
            self._renderer_size = size
        return self.renderer
