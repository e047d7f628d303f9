"""The presentation mode in Debian chromium, network off: it fits the screen, keys and clicks navigate, edits stay put.

At 1366×768, 1440×900 and 1920×1080 the Present view does not scroll; at 390×844 the
stop's card and the map are both in view. The card tells the event, never
the program's reasoning. A marker click opens its stop; the keys work after
the language switch and after a click on the map; the editor keeps its tab
and its stop after an edit, which can be undone. In Arabic no English word of
the interface (Streamlit's upload words included) is left, and the map's
names are Arabic. No console error offline.
Screenshots go to ``artifacts/presenter-WxH.png`` (the README's are copies).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.test_app_browser import ARTIFACTS, AppPage, browser, server  # noqa: F401 - fixtures

if TYPE_CHECKING:
    from playwright.sync_api import Page

#: Phrases of the program's reasoning that a card's visible text must never show.
REASONING = ("movement word", "dated by", "right before it", "dateline", "the article's date")


@pytest.fixture
def sized(server: str, browser, request) -> Iterator[AppPage]:  # noqa: ANN001, F811
    page = AppPage(browser, server, size=request.param)
    try:
        yield page
    finally:
        page.close()


def _scroll(page) -> tuple[int, int]:  # noqa: ANN001 - playwright Page
    """The main area's scroll height and client height."""
    return tuple(page.evaluate("(() => { const m = document.querySelector('[data-testid=stMain]');"
                               " return [m.scrollHeight, m.clientHeight]; })()"))  # fmt: skip


def _in_view(page, selector: str) -> bool:  # noqa: ANN001
    box = page.locator(selector).first.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 120) <= height


@pytest.mark.parametrize("sized", [(1366, 768), (1440, 900), (1920, 1080), (390, 844)], indirect=True, ids=str)
def test_the_present_view_fits_and_tells_the_event(sized: AppPage) -> None:
    page = sized.page
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    sized.open()
    sized.click_nav("Next", 1)
    page.wait_for_timeout(2000)  # the flight
    card = page.locator(".gs-card").first
    visible = card.evaluate(
        "c => [...c.childNodes].filter(n => n.tagName !== 'DETAILS').map(n => n.innerText).join(' ')"
    )
    assert visible.strip() and not any(phrase in visible.lower() for phrase in REASONING), visible
    assert "Pyongyang" in visible
    assert (
        page.locator('[data-testid="stAppDeployButton"]').count() == 0
        or not page.locator('[data-testid="stAppDeployButton"]').first.is_visible()
    )
    if width >= 1000:
        scroll_height, client_height = _scroll(page)
        assert scroll_height <= client_height + 1, f"the Present view scrolls by {scroll_height - client_height} px"
        for part in (".st-key-gs-nav", ".st-key-gs-map iframe", ".gs-card", ".gs-progress", ".gs-strip", ".gs-legend"):
            assert _in_view(page, part), part
    else:
        assert _in_view(page, ".gs-card") and _in_view(page, ".st-key-gs-map iframe")
        assert page.get_by_role("tab", name="Articles and files").is_visible()
        tab = page.get_by_role("tab", name="Articles and files").bounding_box()
        assert tab["x"] >= 0 and tab["x"] + tab["width"] <= width
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"presenter-{width}x{height}.png"))
    assert sized.console == [] and sized.errors == [] and sized.outside == []


@pytest.fixture
def desk(server: str, browser) -> Iterator[AppPage]:  # noqa: ANN001, F811
    page = AppPage(browser, server, size=(1366, 768))
    try:
        yield page
    finally:
        page.close()


def test_a_marker_click_opens_its_stop_and_the_map_keeps_no_key(desk: AppPage) -> None:
    desk.open()
    desk.page.wait_for_timeout(800)
    desk.map_frame().locator(".sm-stop", has_text=re.compile(r"^\s*3")).first.click()
    desk.wait_index(3)
    desk.page.wait_for_timeout(1800)
    desk.map_frame().locator(".leaflet-container").click(position={"x": 60, "y": 300})  # focus in the map frame
    desk.page.keyboard.press("ArrowRight")
    desk.wait_index(4)
    desk.page.keyboard.press("Home")
    desk.wait_index(0)
    assert desk.map_inits() == 1 and desk.console == [] and desk.errors == []


def _open_in_arabic(desk: AppPage) -> Page:
    """Open the presenter, switch the interface to Arabic from the sidebar, wait for it; the page."""
    page = desk.page
    desk.open()
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    page.get_by_text("العربية").click()
    page.get_by_role("button", name=re.compile("التالي")).wait_for(timeout=20_000)
    return page


def test_keys_work_after_the_language_switch(desk: AppPage) -> None:
    page = _open_in_arabic(desk)
    page.keyboard.press("ArrowRight")
    desk.wait_index(1)
    page.keyboard.press("ArrowRight")
    desk.wait_index(2)
    page.keyboard.press("Home")
    desk.wait_index(0)
    assert page.get_by_role("button", name=re.compile("التالي")).is_visible()  # still in Arabic
    page.keyboard.press("Space")
    page.get_by_role("button", name=re.compile("إيقاف")).wait_for(timeout=20_000)
    desk.wait_index(1)  # autoplay moves on by itself (6 s a stop)
    page.keyboard.press("Space")
    page.get_by_role("button", name=re.compile("تشغيل")).wait_for(timeout=20_000)
    assert desk.console == [] and desk.errors == []


def test_the_editor_keeps_its_tab_and_stop_and_undoes(desk: AppPage) -> None:
    page = desk.page
    desk.open()
    desk.click_nav("Next", 1)
    desk.click_nav("Next", 2)
    page.get_by_role("tab", name="Review and edit").click()
    for label in ("day, Start date", "day, End date"):  # 13 -> 14 September
        day = page.get_by_role("spinbutton", name=label)
        day.click()
        day.press("ArrowUp")
        day.press("Escape")
    page.get_by_role("button", name="Apply to this stop").click()
    page.get_by_text("The story was updated.").first.wait_for(timeout=20_000)
    assert page.get_by_role("tab", name="Review and edit").get_attribute("aria-selected") == "true"
    picked = page.locator(".st-key-edit-seq").evaluate(
        "e => e.innerText + ' ' + [...e.querySelectorAll('input')].map(i => i.value).join(' ')"
    )
    assert "2. Vostochny Cosmodrome" in picked, picked
    assert page.get_by_role("spinbutton", name="day, Start date").inner_text() == "14"
    page.get_by_role("button", name=re.compile("Undo")).click()
    page.wait_for_function(
        "document.querySelector('[aria-label=\"day, Start date\"]')?.innerText === '13'", timeout=20_000
    )
    assert page.get_by_role("tab", name="Review and edit").get_attribute("aria-selected") == "true"
    page.get_by_role("button", name=re.compile("Redo")).click()
    page.wait_for_function(
        "document.querySelector('[aria-label=\"day, Start date\"]')?.innerText === '14'", timeout=20_000
    )
    assert page.get_by_role("tab", name="Review and edit").get_attribute("aria-selected") == "true"
    desk.shot("app-editor.png")
    assert desk.console == [] and desk.errors == []


#: Visible text with Latin letters and no Arabic one, outside the map frame and the tables (Streamlit's icons are
#: ligatures, not words; text set to size 0 is replaced by its translation).
_LATIN_ONLY = """() => {
  const out = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const el = walker.currentNode.parentElement;
    if (!text || !/[A-Za-z]{2,}/.test(text) || /[\\u0600-\\u06ff]/.test(text) || !el) continue;
    if (el.closest('script, style, iframe, [data-testid=stDataFrame], [data-testid=stIconMaterial]')) continue;
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === 'hidden' || parseFloat(style.fontSize) === 0) continue;
    out.add(text);
  }
  return [...out];
}"""
#: Latin text an Arabic page may show: the language switch, file formats, and the places' English names beside
#: their Arabic ones (a stop without an Arabic name keeps its English one).
_NAMES = (
    "English",
    "GeoJSON",
    "GeoPackage",
    "StoryMapJS JSON",
    "Pyongyang",
    "Vostochny Cosmodrome",
    "Komsomolsk-on-Amur",
    "Khabarovsk",
    "Vladivostok",
    "Shipyard 60 km south-west of Pyongyang Capital City",
)


def test_the_arabic_interface_is_whole(desk: AppPage) -> None:
    page = _open_in_arabic(desk)
    shown: set[str] = set()
    for tab in range(4):
        page.get_by_role("tab").nth(tab).click()
        page.wait_for_timeout(1500)
        shown.update(page.evaluate(_LATIN_ONLY))
    assert not shown - set(_NAMES), sorted(shown - set(_NAMES))  # no "Upload", "200MB per file", "Skip to…"
    uploader = page.locator(".st-key-article-upload [data-testid=stFileUploaderDropzoneInstructions] span").first
    assert "ميغابايت" in uploader.evaluate("el => getComputedStyle(el, '::after').content")
    page.get_by_role("tab").nth(0).click()
    countries = desk.map_frame().locator(".sm-name-country")
    countries.first.wait_for(state="attached", timeout=20_000)
    names = countries.evaluate_all("els => els.map(el => el.textContent)")
    assert names and all(re.search("[\u0600-\u06ff]", text) for text in names), names  # the map in Arabic too
    assert desk.console == [] and desk.errors == [] and desk.outside == []


def test_a_machine_with_no_network_still_gets_the_outlines_rivers_and_lakes(server: str, browser) -> None:  # noqa: ANN001, F811
    page = AppPage(browser, server, size=(1366, 768))
    page.context.add_init_script("Object.defineProperty(Navigator.prototype, 'onLine', {get: () => false});")
    fetched: list[str] = []
    page.page.on("requestfinished", lambda request: fetched.append(request.url))
    try:
        page.open()
        page.page.wait_for_timeout(1500)
        outlines = [u for u in fetched if "/app/static/geostory/" in u and u.endswith(".json")]
        assert len(outlines) == 2, outlines  # the world, and the region's coasts, rivers and lakes: from the app
        assert page.console == [] and page.errors == [] and page.outside == []
    finally:
        page.close()
