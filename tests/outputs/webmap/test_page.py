"""The story map page (geo/outputs/webmap/page.py): determinism, an empty story, the bundled story's size."""

from __future__ import annotations

import re
from pathlib import Path

from geo.outputs.webmap import render_map, write_map
from geo.story.document import StoryDoc
from tests.conftest import ROOT
from tests.outputs.webmap.story_page import div_icons, fixture_doc


def test_same_story_same_bytes(tmp_path: Path, page: str) -> None:
    assert render_map(fixture_doc(), lang="en") == page
    a = write_map(fixture_doc(), tmp_path / "a" / "story.html", lang="en").read_bytes()
    b = write_map(fixture_doc(), tmp_path / "b" / "story.html", lang="en").read_bytes()
    assert a == b == page.encode("utf-8")
    assert not re.search(r"_[0-9a-f]{32}\b", page), "a random folium id is left in the page"


def test_empty_story_renders() -> None:
    page = render_map(StoryDoc(title="Nothing yet"))
    assert "<title>Nothing yet</title>" in page and "var marker_" not in page
    assert 'id="sm-region"' not in page  # no route, no region


def test_bundled_story_fits_in_budget(gazetteer) -> None:  # noqa: ANN001 - conftest fixture
    from geo.pipeline import Pipeline, read_articles
    from geo.story.document import story_to_doc

    story, _ = Pipeline(gazetteer).run(read_articles(ROOT / "data" / "articles"))
    doc = story_to_doc(story)
    page = render_map(doc)
    assert len(page.encode("utf-8")) <= 1_500_000
    assert len(div_icons(page)) == len(doc.stops) == 6
