"""The story map in a real browser (Debian's chromium through Playwright), with the network off.

Each page is opened from ``file://``; every request that is not ``file:`` or
``data:`` is aborted, and a test fails if the page made any request other
than tiles (which the page asks for only once the reader ticks the street
map), logged a console error, raised, opened a dialog, or ran article text
(``window.__pwned``). Screenshots go to
``artifacts/`` (git-ignored).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from geo.outputs.webmap import write_map
from geo.outputs.words import word
from geo.story.document import StoryDoc
from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import ROOT
from tests.outputs.webmap.story_page import fixture_doc

ARTIFACTS = ROOT / "artifacts"
TILE_HOST = re.compile(r"^[a-d]\.basemaps\.cartocdn\.com$")
READY = "document.body.dataset.ready === '1'"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
)


class OfflinePage:
    """A browser page with the network off that records what the page tried to do."""

    def __init__(self, browser, *, width: int = 1280, height: int = 800) -> None:  # noqa: ANN001 - playwright Browser
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.finished: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("requestfinished", lambda request: self.finished.append(request.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("dialog", self._dialog)

    def _route(self, route) -> None:  # noqa: ANN001 - playwright Route
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _console(self, message) -> None:  # noqa: ANN001 - playwright ConsoleMessage
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource") and where in self.blocked:
            return  # a tile we aborted: the offline case the page is built for
        self.errors.append(f"console: {message.text} ({where})")

    def _dialog(self, dialog) -> None:  # noqa: ANN001 - playwright Dialog
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path) -> None:
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function(READY, timeout=15_000)

    def live(self) -> str:
        return self.page.locator("#sm-live").inner_text()

    def assert_clean(self) -> None:
        assert self.page.evaluate("typeof window.__pwned") == "undefined", "article text ran as script"
        assert not self.dialogs, self.dialogs
        assert not self.errors, self.errors
        others = [u for u in self.blocked if not TILE_HOST.match(urlsplit(u).hostname or "")]
        assert not others, f"requests other than tiles: {others}"
        assert all(u.startswith(("file:", "data:")) for u in self.finished), self.finished

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def story_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_map(fixture_doc(), tmp_path_factory.mktemp("map") / "story.html", lang="en")


@pytest.fixture
def offline(browser) -> Iterator[OfflinePage]:  # noqa: ANN001
    page = OfflinePage(browser)
    yield page
    page.close()


def _shot(page, name: str) -> None:  # noqa: ANN001 - playwright Page
    ARTIFACTS.mkdir(exist_ok=True)
    page.wait_for_timeout(700)  # let popup fades and map animations finish
    page.screenshot(path=str(ARTIFACTS / name))


def test_overview_draws_every_stop_and_the_route(offline: OfflinePage, story_html: Path) -> None:
    offline.open(story_html)
    page = offline.page
    assert page.title() == fixture_doc().title
    markers = page.locator(".leaflet-marker-icon.sm-stop")
    assert markers.count() == 4
    assert [markers.nth(i).locator(".sm-pin-n").inner_text() for i in range(4)] == ["1", "2", "3", "4"]
    assert page.locator("path.leaflet-ant-path").count() >= 1  # the marching route
    route = page.locator("path.leaflet-ant-path").first.get_attribute("d") or ""
    assert route.count("M") == 2, f"two legs (the undated stop has none): {route}"
    assert page.locator("path.sm-uncertainty").count() == 1
    assert page.locator(".leaflet-sm-basemap-pane canvas").count() == 1  # offline country outlines
    assert page.locator("path.sm-context").count() == 0  # the context layer starts off
    assert page.locator(".sm-stops button").count() == 4
    assert page.locator("#sm-live").get_attribute("aria-live") == "polite"
    assert page.locator("#sm-overview").get_attribute("aria-current") == "true"
    _shot(page, "browser-overview.png")
    offline.assert_clean()


def test_clicking_a_marker_opens_its_popup(offline: OfflinePage, story_html: Path) -> None:
    offline.open(story_html)
    page = offline.page
    page.locator(".leaflet-marker-icon.sm-stop-approximate").click()
    popup = page.locator(".leaflet-popup-content .sm-pop-stop[data-seq='2']")
    popup.wait_for()
    popup.locator("details.sm-pop-how > summary").click()  # the quotes sit under "How the story was read"
    text = popup.inner_text()
    assert "2–3 May 2024" in text and "approximate date" in text
    assert popup.locator(".sm-pop-ar[lang='ar'][dir='rtl']").inner_text() == "حلب"
    assert "<script>window.__pwned=1</script>" in text  # shown as text, never run
    assert popup.locator("img, script").count() == 0
    assert popup.locator("blockquote[lang='ar'][dir='rtl']").count() >= 1
    assert "Stop 2 of 4: Aleppo, 2–3 May 2024" in offline.live()
    _shot(page, "browser-popup.png")
    offline.assert_clean()


def test_keyboard_moves_from_stop_to_stop(offline: OfflinePage, story_html: Path) -> None:
    offline.open(story_html)
    page = offline.page
    page.locator(".leaflet-marker-icon.sm-stop").first.click()
    page.locator(".sm-pop-stop[data-seq='1']").wait_for()
    page.keyboard.press("ArrowRight")
    page.locator(".leaflet-popup-content .sm-pop-stop[data-seq='2']").wait_for()
    page.wait_for_function("document.getElementById('sm-live').textContent.startsWith('Stop 2 of 4')")
    assert offline.live() == "Stop 2 of 4: Aleppo, 2–3 May 2024."
    assert page.locator(".sm-stop-btn[data-seq='2']").get_attribute("aria-current") == "step"
    assert page.locator(".leaflet-marker-icon.sm-stop-current").inner_text().startswith("2")
    _shot(page, "browser-stop2.png")
    page.keyboard.press("ArrowRight")
    page.locator(".leaflet-popup-content .sm-pop-stop[data-seq='3']").wait_for()
    page.wait_for_function("document.getElementById('sm-live').textContent.startsWith('Stop 3 of 4')")
    assert offline.live() == "Stop 3 of 4: 40 km east of Beirut, 5 May 2024."
    assert page.locator("#sm-slider").input_value() == "3"
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('.leaflet-popup')", timeout=3_000)  # after its fade-out
    offline.assert_clean()


def test_time_player_draws_the_route_stop_by_stop(offline: OfflinePage, story_html: Path) -> None:
    offline.open(story_html)
    page = offline.page
    page.select_option("#sm-speed", "4")
    page.locator("#sm-play").click()
    page.wait_for_function("document.getElementById('sm-live').textContent.startsWith('Stop 1 of 4')")
    assert page.locator("#sm-slider").input_value() == "1"
    assert page.locator(".leaflet-marker-icon.sm-stop-future").count() == 3
    assert page.locator("#sm-play").inner_text().endswith("Pause")
    page.wait_for_function("document.getElementById('sm-slider').value === '2'", timeout=5_000)
    page.wait_for_function("document.getElementById('sm-live').textContent.startsWith('Stop 2 of 4')")
    page.wait_for_function("document.getElementById('sm-slider').value === '4'", timeout=10_000)
    page.wait_for_function("document.querySelector('#sm-play').textContent.includes('Play')", timeout=5_000)
    assert page.locator(".leaflet-marker-icon.sm-stop-future").count() == 0
    # Space on the page (not on a button) plays again from the first stop.
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("Space")
    page.wait_for_function("document.getElementById('sm-slider').value === '1'", timeout=5_000)
    page.keyboard.press("Space")  # and pauses
    page.wait_for_function("document.getElementById('sm-live').textContent.startsWith('Paused')")
    _shot(page, "browser-player.png")
    offline.assert_clean()


def test_list_and_context_layer(offline: OfflinePage, story_html: Path) -> None:
    offline.open(story_html)
    page = offline.page
    page.locator(".sm-stop-btn[data-seq='4']").click()
    page.locator(".leaflet-popup-content .sm-pop-stop[data-seq='4']").wait_for()
    assert "date unknown" in page.locator(".leaflet-popup-content").inner_text()
    page.wait_for_function("document.getElementById('sm-live').textContent.startsWith('Stop 4 of 4')")
    page.keyboard.press("Escape")
    page.locator(".leaflet-control-layers").hover()
    page.get_by_label("Other places named (context)").check()
    assert page.locator("path.sm-context").count() == 1
    offline.assert_clean()


def test_bundled_story_offline(browser, tmp_path: Path, gazetteer) -> None:  # noqa: ANN001
    from geo.pipeline import Pipeline, read_articles
    from geo.story.document import story_to_doc

    story, _ = Pipeline(gazetteer).run(read_articles(ROOT / "data" / "articles"))
    doc: StoryDoc = story_to_doc(story)
    path = write_map(doc, tmp_path / "story.html")
    offline = OfflinePage(browser, width=1280, height=800)
    try:
        offline.open(path)
        assert offline.page.locator(".leaflet-marker-icon.sm-stop").count() == 6
        assert offline.page.locator("path.leaflet-ant-path").count() >= 1
        offline.page.wait_for_timeout(300)
        _shot(offline.page, "bundled-story.png")
        offline.assert_clean()
    finally:
        offline.close()


SIZES = [(1366, 768), (1440, 900), (390, 844)]
SCREENSHOTS = ROOT / "docs" / "screenshots"
_OFFLINE_MACHINE = "Object.defineProperty(Navigator.prototype, 'onLine', {get: () => false});"
_VISIBLE_NAMES = """() => {
  const box = document.querySelector('.sm-map').getBoundingClientRect();
  const inView = (r) => r.width > 0 && r.left >= box.left && r.right <= box.right && r.top >= 0
    && r.bottom <= Math.min(box.bottom, window.innerHeight);
  const out = {};
  for (const el of document.querySelectorAll('.sm-name:not(.sm-hidden)')) {
    const kind = [...el.classList].find((c) => c.startsWith('sm-name-')).slice(8);
    if (inView(el.firstChild.getBoundingClientRect())) (out[kind] = out[kind] || []).push(el.textContent);
  }
  out.stops = [...document.querySelectorAll('.sm-stop-label:not(.sm-hidden)')]
    .filter((el) => inView(el.getBoundingClientRect())).map((el) => el.textContent);
  return out;
}"""


@pytest.fixture(scope="module")
def bundled_html(tmp_path_factory: pytest.TempPathFactory, gazetteer) -> Path:  # noqa: ANN001
    from geo.pipeline import Pipeline, read_articles
    from geo.story.document import story_to_doc

    story, _ = Pipeline(gazetteer).run(read_articles(ROOT / "data" / "articles"))
    return write_map(story_to_doc(story), tmp_path_factory.mktemp("bundled") / "story.html", gazetteer=gazetteer)


def _in_viewport(page, selector: str) -> bool:  # noqa: ANN001 - playwright Page
    box = page.locator(selector).first.bounding_box()
    size = page.viewport_size
    return (
        bool(box)
        and box["y"] >= -1
        and box["y"] + box["height"] <= size["height"] + 1
        and box["x"] >= -1
        and (box["x"] + box["width"] <= size["width"] + 1)
    )


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_offline_map_has_names_and_asks_nothing(browser, bundled_html: Path, width: int, height: int) -> None:  # noqa: ANN001
    offline = OfflinePage(browser, width=width, height=height)
    offline.page.add_init_script(_OFFLINE_MACHINE)  # a machine without a network: the page asks for no tile
    try:
        offline.open(bundled_html)
        page = offline.page
        page.wait_for_timeout(1000)
        names = page.evaluate(_VISIBLE_NAMES)
        assert names.get("country") and names.get("stops"), names
        assert names.get("sea") or names.get("river"), names
        if width > 760:
            assert names.get("city"), names
        assert page.locator(".leaflet-tile").count() == 0
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"story-{width}x{height}.png"))
        if width <= 760:  # a phone: tap a stop low in the list; the map and its card come into view together
            page.mouse.wheel(0, 900)
            page.wait_for_timeout(400)  # the scroll ends before the tap, as a thumb does
            page.locator(".sm-stop-btn[data-seq='5']").click()
            page.locator(".leaflet-popup-content .sm-pop-stop[data-seq='5']").wait_for()
            page.wait_for_timeout(1500)
            assert _in_viewport(page, ".sm-map")
            assert _in_viewport(page, ".leaflet-popup-content-wrapper"), (
                page.locator(".leaflet-popup-content-wrapper").bounding_box(),
                page.viewport_size,
            )
            popup = page.locator(".leaflet-popup-content-wrapper").bounding_box()
            assert popup["width"] <= width
        else:
            page.locator(".sm-stop-btn[data-seq='2']").click()
            page.locator(".leaflet-popup-content .sm-pop-stop[data-seq='2']").wait_for()
            page.wait_for_timeout(1500)
            assert page.evaluate(_VISIBLE_NAMES).get("stops"), "the stop's own label at its zoom"
            page.screenshot(path=str(ARTIFACTS / f"story-{width}x{height}-stop2.png"))
        assert not offline.blocked, f"offline, the page asked for {offline.blocked}"
        offline.assert_clean()
    finally:
        offline.close()


def test_with_a_network_that_does_not_answer_no_request_and_no_console_error(browser, bundled_html: Path) -> None:  # noqa: ANN001
    offline = OfflinePage(browser)  # navigator.onLine stays true: only the aborted routes say there is no network
    try:
        offline.open(bundled_html)
        offline.page.wait_for_timeout(800)
        assert offline.blocked == [], offline.blocked
        assert offline.page.locator(".leaflet-tile").count() == 0
        offline.assert_clean()
        # The street map is offered in the layer control; ticked, it asks for tiles (the reader asked).
        offline.page.locator(".leaflet-control-layers").hover()
        name = offline.page.evaluate("JSON.parse(document.getElementById('story-data').textContent).tiles.name")
        assert name in {word("en", "layer_tiles"), word("ar", "layer_tiles")}
        label = offline.page.locator(".leaflet-control-layers-overlays label", has_text=name)
        label.locator("input").check()
        offline.page.wait_for_timeout(500)
        assert offline.blocked and all(TILE_HOST.match(urlsplit(u).hostname or "") for u in offline.blocked)
    finally:
        offline.close()
