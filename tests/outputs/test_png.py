"""The still maps' PNG encoder (geo/outputs/png.py): what Pillow reads back is what went in."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from geo.outputs.png import png_bytes


def _picture(height: int, width: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, size=(height, width, 3), dtype=np.uint8)


@pytest.mark.parametrize(
    ("height", "width", "dpi", "level"),
    [(1, 1, 72, 1), (3, 5, 110, 1), (40, 17, 300, 9), (8, 8, 110, 0)],
)
def test_pillow_reads_back_the_same_pixels_and_resolution(height: int, width: int, dpi: int, level: int) -> None:
    pixels = _picture(height, width, seed=height * width)
    image = Image.open(io.BytesIO(png_bytes(pixels, dpi=dpi, level=level)))
    assert image.mode == "RGB" and image.size == (width, height)
    assert np.array_equal(np.asarray(image), pixels)
    assert image.info["dpi"] == pytest.approx((dpi, dpi), abs=0.01)


def test_a_view_of_an_rgba_buffer_is_encoded_as_its_rgb() -> None:
    rgba = _picture(6, 4, seed=1).repeat(2, axis=2)[..., :4]
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(png_bytes(rgba[..., :3], dpi=96)))), rgba[..., :3])


def test_the_same_pixels_give_the_same_bytes_with_no_text_chunk() -> None:
    pixels = _picture(10, 10, seed=2)
    data = png_bytes(pixels, dpi=110)
    assert data == png_bytes(pixels.copy(), dpi=110)
    assert b"tEXt" not in data and b"tIME" not in data and b"iTXt" not in data


@pytest.mark.parametrize(
    ("shape", "dtype"),
    [((2, 2, 4), np.uint8), ((2, 2), np.uint8), ((2, 2, 3), np.float64)],
)
def test_only_rgb_bytes_are_taken(shape: tuple[int, ...], dtype: type) -> None:
    with pytest.raises(ValueError):
        png_bytes(np.zeros(shape, dtype=dtype), dpi=110)
