"""Benchmark the presenter in headless chromium: ``streamlit run`` to the first painted map, and Next round trips.

Run ``.venv/bin/python bench/bench_app.py [--runs N] [--clicks N]``. Each run
starts the app on a free port (network off in the browser), waits for the
map's first stop marker inside the streamlit-folium frame, then clicks Next
and times click → card updated. Prints medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.test_app_browser import COUNT_MAPS, free_port, start_app, stop_app  # noqa: E402


def one_run(browser, clicks: int) -> tuple[float, list[float], int]:  # noqa: ANN001 - playwright Browser
    """Seconds from ``streamlit run`` to the painted map, Next round trips (s), and maps created."""
    started = time.perf_counter()
    port = free_port()
    process = start_app(port)
    url = f"http://127.0.0.1:{port}"
    try:
        context = browser.new_context(viewport={"width": 1600, "height": 1000})
        context.add_init_script(COUNT_MAPS)
        page = context.new_page()
        page.route(
            "**/*", lambda route: route.continue_() if route.request.url.startswith((url, "data:")) else route.abort()
        )
        page.goto(url)
        frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        frame.locator(".leaflet-container .sm-stop").first.wait_for(timeout=90_000)
        first_map = time.perf_counter() - started
        trips = []
        for index in range(1, clicks + 1):
            t0 = time.perf_counter()
            page.get_by_role("button", name="Next").click()
            page.wait_for_selector(f'.gs-card[data-seq="{index}"]', timeout=30_000)
            trips.append(time.perf_counter() - t0)
        maps = int(page.evaluate("window.__mapInits || 0"))
        context.close()
        return first_map, trips, maps
    finally:
        stop_app(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clicks", type=int, default=5)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"needs {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    from geo.places.gazetteer import load_gazetteer

    load_gazetteer()  # compile the index first if needed: not part of the app's start-up
    firsts, trips, maps = [], [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for _ in range(args.runs):
                first, run_trips, count = one_run(browser, args.clicks)
                firsts.append(first)
                trips.extend(run_trips)
                maps.append(count)
        finally:
            browser.close()
    print(f"streamlit run -> first painted map: median {statistics.median(firsts):.2f} s over {len(firsts)} runs")
    print(
        f"Next click -> card updated:        median {statistics.median(trips) * 1000:.0f} ms over {len(trips)} clicks"
    )
    print(f"maps created per session:          {maps} (1 = never re-mounted)")


if __name__ == "__main__":
    main()
