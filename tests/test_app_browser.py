"""The presenter end to end: ``streamlit run app.py`` in headless Debian chromium (Playwright), network off.

A fixture starts the app on a free port of 127.0.0.1 (bounded wait, always
stopped). Every request that is not to the app or a ``data:``/``blob:`` URL
is aborted: the map must draw offline (it asks for no tile unless told to). An init
script wraps ``L.map`` in every frame and counts the maps created, to prove
that the story map is mounted once and not re-created between stops.
Screenshots go to ``artifacts/`` (git-ignored).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
TILE_HOST = re.compile(r"^https://[a-d]\.basemaps\.cartocdn\.com/")
START_TIMEOUT_S = 90

#: Counts ``L.map(...)`` calls of every frame in ``window.top.__mapInits``.
COUNT_MAPS = """
(() => {
  let real;
  Object.defineProperty(window, "L", {
    configurable: true,
    get() { return real; },
    set(value) {
      real = value;
      if (value && typeof value.map === "function" && !value.map.__counted) {
        const original = value.map;
        const counted = function () {
          try { window.top.__mapInits = (window.top.__mapInits || 0) + 1; } catch (e) {}
          return original.apply(this, arguments);
        };
        counted.__counted = true;
        value.map = counted;
      }
    },
  });
})();
"""

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(port: int) -> subprocess.Popen:
    """``streamlit run app.py`` on ``port``; returns once the app answers its health check."""
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
        "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited: {process.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    stop_app(process)
    raise RuntimeError(f"streamlit did not answer within {START_TIMEOUT_S} s")


def stop_app(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


@pytest.fixture(scope="module")
def server(gazetteer) -> Iterator[str]:  # noqa: ANN001 - compiles the index before the app needs it
    port = free_port()
    process = start_app(port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_app(process)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class AppPage:
    """A page of the app with the network off, counting map initialisations and console errors."""

    def __init__(self, browser, url: str, *, size: tuple[int, int] = (1600, 1000)) -> None:  # noqa: ANN001
        self.context = browser.new_context(viewport={"width": size[0], "height": size[1]})
        self.context.add_init_script(COUNT_MAPS)
        self.page = self.context.new_page()
        self.url = url
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.console: list[str] = []
        self.page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)

    def _route(self, route) -> None:  # noqa: ANN001 - playwright Route
        url = route.request.url
        if url.startswith((self.url, "data:", "blob:", "about:")):
            route.continue_()
            return
        if not TILE_HOST.match(url):
            self.outside.append(url)
        route.abort()

    def open(self) -> None:
        self.page.goto(self.url)
        self.page.wait_for_selector(".gs-progress", timeout=60_000)
        self.map_frame().locator(".leaflet-container .sm-stop").first.wait_for(timeout=60_000)

    def map_frame(self):  # noqa: ANN201 - playwright FrameLocator
        return self.page.frame_locator('iframe[title="streamlit_folium.st_folium"]')

    def map_inits(self) -> int:
        return int(self.page.evaluate("window.__mapInits || 0"))

    def click_nav(self, label: str, index: int) -> None:
        self.page.get_by_role("button", name=label).click()
        self.wait_index(index)

    def wait_index(self, index: int) -> None:
        """Wait until both the progress bar and the card show stop ``index`` (Streamlit replaces them in turn)."""
        self.page.wait_for_selector(f'.gs-progress[data-index="{index}"]', timeout=20_000)
        self.page.wait_for_function(
            f"[...document.querySelectorAll('.gs-card')].length === 1"
            f" && document.querySelector('.gs-card').dataset.seq === '{index}'",
            timeout=20_000,
        )

    def card(self) -> tuple[str, str]:
        card = self.page.locator(".gs-card").first
        return card.locator(".gs-name").inner_text(), card.locator(".gs-date").inner_text()

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.wait_for_timeout(800)  # let the map finish its move
        self.page.screenshot(path=str(ARTIFACTS / name))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def app_page(server: str, browser) -> Iterator[AppPage]:  # noqa: ANN001
    page = AppPage(browser, server)
    try:
        yield page
    finally:
        page.close()


def test_next_moves_the_map_without_remounting_it(app_page: AppPage) -> None:
    app_page.open()
    app_page.shot("app-title.png")
    assert app_page.map_inits() == 1
    assert "whole route" in app_page.page.locator(".gs-card").first.inner_text().lower()
    app_page.click_nav("Next", 1)
    app_page.click_nav("Next", 2)
    name, date = app_page.card()
    assert name == "Vostochny Cosmodrome" and date == "13 September 2023"
    assert "2 / 6" in app_page.page.locator(".gs-progress").inner_text()
    zoom = app_page.map_frame().locator(".leaflet-control-zoom-in")
    assert zoom.is_visible()
    app_page.shot("app-stop2.png")
    app_page.click_nav("Previous", 1)
    assert app_page.card()[0] == "Pyongyang"
    app_page.page.keyboard.press("ArrowRight")  # the button's keyboard shortcut
    app_page.wait_index(2)
    assert app_page.map_inits() == 1, "the map was re-created between stops"
    assert app_page.outside == [], "the app asked the network for something other than tiles"
    assert app_page.errors == []


def test_editing_a_date_in_the_ui_changes_the_card_and_popup(app_page: AppPage) -> None:
    page = app_page.page
    app_page.open()
    app_page.click_nav("Next", 1)
    app_page.click_nav("Next", 2)
    page.get_by_role("tab", name="Review and edit").click()
    for label in ("day, Start date", "day, End date"):  # the date fields' day segments: 13 -> 14 September
        day = page.get_by_role("spinbutton", name=label)
        day.click()
        day.press("ArrowUp")
        day.press("Escape")
    app_page.shot("app-edit-form.png")
    page.get_by_role("button", name="Apply to this stop").click()
    page.get_by_text("The story was updated.").first.wait_for(timeout=20_000)
    page.get_by_role("tab", name="Present").click()
    page.wait_for_function(
        "document.querySelector('.gs-card .gs-date')?.innerText === '14 September 2023'", timeout=20_000
    )
    assert app_page.card() == ("Vostochny Cosmodrome", "14 September 2023")
    app_page.shot("app-edited.png")
    # ... and the map's popup for that stop follows the edit (read from the popup bound to stop 2's marker; the
    # map's new script reaches its frame after the card, so wait for it)
    map_frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    stop2_popup = """() => {
          for (const key of Object.keys(window)) {
            const layer = window[key];
            try {
              const popup = layer && typeof layer.getPopup === "function" && layer.getPopup();
              const html = popup && String(popup.getContent());
              if (html && html.includes('data-seq="2"') && html.includes("14 September 2023")) return html;
            } catch (e) {}
          }
          return null;
        }"""
    popup_html = map_frame.wait_for_function(stop2_popup, timeout=20_000).json_value()
    assert popup_html is not None and "14 September 2023" in popup_html
    assert app_page.errors == []


def test_arabic_interface(app_page: AppPage) -> None:
    page = app_page.page
    app_page.open()
    page.locator('[data-testid="stExpandSidebarButton"]').click()  # the sidebar starts collapsed
    page.get_by_text("العربية").click()
    page.get_by_role("button", name=re.compile("التالي")).wait_for(timeout=20_000)
    page.get_by_role("button", name=re.compile("التالي")).click()
    app_page.wait_index(1)
    direction = page.evaluate("getComputedStyle(document.querySelector('[data-testid=stMain]')).direction")
    assert direction == "rtl"
    assert "10 سبتمبر 2023" in app_page.card()[1]
    app_page.shot("app-arabic.png")
