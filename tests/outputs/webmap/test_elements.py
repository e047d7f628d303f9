"""The map's folium elements (geo/outputs/webmap/elements.py): story text rendered once, never as a template."""

from __future__ import annotations

from tests.outputs.webmap.story_page import JINJA, TEMPLATE_LITERAL, stop_popup


def test_template_syntax_in_articles_stays_text(page: str) -> None:
    # folium re-renders macro output as a Jinja template: article text must not be evaluated.
    aleppo = stop_popup(page, 2)
    assert JINJA in aleppo and TEMPLATE_LITERAL in aleppo
    assert f"&lt;b&gt;{JINJA}&lt;/b&gt;" in page  # a source, in the panel's list of articles


def test_the_panel_comes_first_and_the_map_script_last(page: str) -> None:
    body = page.split('<body class="sm-page">', 1)[1]
    assert body.lstrip().startswith('<aside class="sm-panel"')  # a reader meets the title and stops first
    script = body.rsplit("<script>", 1)[1]
    assert "StoryMap.init({" in script and script.endswith("</script>\n</body>\n</html>")
