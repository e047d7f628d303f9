"""Benchmarks of the story map page (geo/outputs/webmap/): size, render time, first render in Chromium.

Run: ``.venv/bin/python bench/bench_map.py``. Prints its figures; asserts nothing.
The browser figure needs Debian's chromium at /usr/bin/chromium and Playwright.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import median_seconds  # noqa: E402
from geo.outputs.exports import write_exports  # noqa: E402
from geo.outputs.geojson import write_geojson  # noqa: E402
from geo.outputs.webmap import render_map, write_map  # noqa: E402
from geo.outputs.webmap.basemap import region_box  # noqa: E402
from geo.outputs.webmap.water import region_water  # noqa: E402
from geo.pipeline import Pipeline, read_articles  # noqa: E402
from geo.story.document import load_story, save_story, story_to_doc  # noqa: E402
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

__all__: list[str] = []


def _story_json(folder: Path) -> Path:
    story, _ = Pipeline().run(read_articles(ROOT / "data" / "articles"))
    return save_story(story_to_doc(story), folder / "story.json")


def bench_size_and_render(folder: Path) -> Path:
    story_json = _story_json(folder)
    doc = load_story(story_json)
    render_map(doc)  # warm: asset files read once per process, as in a server or a CLI run
    full = write_map(doc, folder / "story.html")
    light = write_map(doc, folder / "story-cdn.html", cdn=True)
    print(f"story.html            {full.stat().st_size / 1e3:8.1f} kB self-contained (budget <= 1500 kB)")
    print(f"story.html --cdn      {light.stat().st_size / 1e3:8.1f} kB (Leaflet, ant path, outlines from jsDelivr)")
    water = json.dumps(region_water(region_box([(s.lat, s.lon) for s in doc.stops])), separators=(",", ":"))
    print(f"  of which water      {len(water) / 1e3:8.1f} kB (1:50m rivers and lakes around the route)")
    seconds = median_seconds(lambda: write_map(load_story(story_json), folder / "story.html"), 5)
    print(f"story.json -> html    {seconds * 1000:8.1f} ms (load, render, atomic write; median of 5)")

    def all_outputs() -> None:
        doc = load_story(story_json)
        write_geojson(doc, folder / "story.geojson")
        write_map(doc, folder / "story.html")
        write_exports(doc, folder)

    all_outputs()  # warm the GDAL driver and asset caches once
    seconds = median_seconds(all_outputs, 5)
    print(f"story.json -> all     {seconds * 1000:8.1f} ms (GeoJSON, HTML, GPKG, KML, StoryMapJS, CSV; goal <= 500 ms)")
    return full


def bench_first_render(page_path: Path) -> None:
    if not CHROMIUM.exists():
        print("first render          skipped: no /usr/bin/chromium")
        return
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("first render          skipped: playwright is not installed")
        return

    def offline(route) -> None:  # noqa: ANN001 - playwright Route
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(3):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.route("**/*", offline)
            page.goto(page_path.as_uri())
            page.wait_for_function("document.body.dataset.ready === '1'", timeout=30_000)
            times.append(page.evaluate("performance.getEntriesByName('storymap-ready')[0].startTime"))
            context.close()
        browser.close()
    print(
        f"first render          {statistics.median(times):8.0f} ms headless Chromium, navigation to ready (median of 3)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = bench_size_and_render(Path(tmp))
        bench_first_render(page)


if __name__ == "__main__":
    main()
