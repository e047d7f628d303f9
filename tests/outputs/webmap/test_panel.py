"""The reading panel and its data (geo/outputs/webmap/panel.py): the story data cannot close its script."""

from __future__ import annotations

import re

from tests.outputs.webmap.story_page import CLOSE_SCRIPT, PWN_SCRIPT, fixture_doc, json_block, parse


def test_story_json_cannot_close_its_script(page: str) -> None:
    assert CLOSE_SCRIPT not in page and "<script>alert(1)" not in page
    assert PWN_SCRIPT not in page
    parsed = parse(page)
    kinds = [a.get("type") or a.get("src") or "inline" for a, _ in parsed.scripts]
    assert kinds == ["inline"] * 4 + ["application/json"] * 3 + ["inline"], kinds  # story, region, world
    data = json_block(page, "story-data")
    assert data["title"] == fixture_doc().title
    assert [s["seq"] for s in data["stops"]] == [1, 2, 3, 4]
    raw = re.search(r'<script type="application/json" id="story-data">(.*?)</script>', page, re.S)
    assert raw and not re.search(r"[<>&]", raw.group(1))
