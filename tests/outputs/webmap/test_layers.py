"""The map's layers (geo/outputs/webmap/layers.py): a numbered marker per stop, in order, by date certainty."""

from __future__ import annotations

import re

from tests.outputs.webmap.story_page import div_icons


def test_every_stop_has_a_numbered_marker(page: str) -> None:
    icons = div_icons(page)
    numbers = [int(re.search(r'class="sm-pin-n" aria-hidden="true">(\d+)<', h).group(1)) for h in icons]
    assert numbers == [1, 2, 3, 4]
    assert "Stop 4 of 4: Palmyra, date unknown" in icons[3]
    assert len(re.findall(r"var marker_\w+ = L\.marker\(", page)) == 4
    assert re.findall(r'class="sm-stop-btn[^"]*" data-seq="(\d+)"', page) == ["1", "2", "3", "4"]
    assert re.findall(r'"className": "sm-stop sm-stop-(\w+)"', page) == ["exact", "approximate", "exact", "unknown"]
