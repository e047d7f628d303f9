"""The still maps' canvas (geo/outputs/agg_canvas.py): each text laid out once, the same pixels as Agg's own."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from geo.outputs.agg_canvas import LayoutCanvas

#: Texts written for these tests: Latin, Arabic, digits, a long label, as the maps draw them.
TEXTS = [
    ("Natural Earth", 6, "normal"),
    ("3", 8, "bold"),
    ("وصل الرئيس إلى المدينة", 9, "normal"),
    ("Komsomolsk-on-Amur …", 10, "bold"),
    ("الجزائر", 8.5, "normal"),
    ("الجزائر", 12, "normal"),  # the same text in another size: laid out again
    ("3", 8, "normal"),  # and in another weight
]


def _figure(canvas_type: type, *, shift: float = 0.0) -> Figure:
    figure = Figure(figsize=(3.0, 2.0), dpi=110, facecolor="#dbe8f2")
    canvas_type(figure)
    for k, (text, size, weight) in enumerate(TEXTS):
        figure.text(0.05 + shift + 0.013 * k, 0.05 + 0.12 * k, text, fontsize=size, fontweight=weight,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "alpha": 0.75} if k % 2 else None)  # fmt: skip
    return figure


def _pixels(figure: Figure) -> np.ndarray:
    figure.canvas.draw()
    return np.asarray(figure.canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("shift", [0.0, 0.0137, 0.31])
def test_the_same_pixels_as_agg_the_first_time_and_again(shift: float) -> None:
    expected = _pixels(_figure(FigureCanvasAgg, shift=shift))
    figure = _figure(LayoutCanvas, shift=shift)
    assert np.array_equal(_pixels(figure), expected)
    assert np.array_equal(_pixels(figure), expected)  # from the remembered layouts


def test_texts_moved_between_draws_are_drawn_where_they_now_stand() -> None:
    figure = _figure(LayoutCanvas)
    _pixels(figure)
    for text in figure.texts:
        text.set_x(text.get_position()[0] + 0.2)
    assert np.array_equal(_pixels(figure), _pixels(_figure(FigureCanvasAgg, shift=0.2)))


def test_each_text_is_laid_out_once() -> None:
    figure = _figure(LayoutCanvas)
    _pixels(figure)
    renderer = figure.canvas.get_renderer()
    laid_out = len(renderer._layouts)
    assert laid_out >= len(TEXTS)
    _pixels(figure)
    assert figure.canvas.get_renderer() is renderer and len(renderer._layouts) == laid_out


def test_a_new_size_gets_a_new_renderer() -> None:
    figure = _figure(LayoutCanvas)
    first = figure.canvas.get_renderer()
    figure.set_dpi(72)
    assert figure.canvas.get_renderer() is not first
