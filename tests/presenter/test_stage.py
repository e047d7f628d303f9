"""The presentation mode's page: the fitting style sheet, the key handler, the legend in both languages."""

from __future__ import annotations

import pytest

from geo.presenter.stage import NAV_KEYS, keys_script, legend_html, stage_css


def test_style_sheet_hides_the_toolbar_and_sizes_the_stage() -> None:
    sheet = stage_css()
    assert '[data-testid="stAppDeployButton"]' in sheet and "display:none" in sheet
    assert "--gs-stage:calc(100vh" in sheet and ".st-key-gs-map iframe{height:var(--gs-stage)" in sheet
    assert "@media (max-width:640px)" in sheet  # phones: the card before a shorter map


def test_key_handler_presses_the_navigation_buttons() -> None:
    script = keys_script()
    assert script.startswith("<script>") and script.endswith("</script>")
    for key, button in NAV_KEYS.items():
        assert f'"{key}": "{button}"' in script
    assert "window.__gsKey" in script and "stopImmediatePropagation" in script


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", ["Map key", "approximate date", "plan"]), ("ar", ["دليل الخريطة", "تقريبي", "خطة"])],
)
def test_legend(lang: str, words: list[str]) -> None:
    legend = legend_html(lang=lang)
    assert legend.count("<i class=") == 8
    assert all(word in legend for word in words)
