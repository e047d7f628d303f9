"""Benchmark the presenter in headless chromium, beside an older commit: first painted map and Next -> new card.

Run ``.venv/bin/python bench/bench_presenter.py [--base COMMIT | --now-only] [--clicks N] [--runs N]``.
The older commit (default: the one before the presentation mode) is checked
out in a temporary git worktree (its data index and front-end packages
linked from this one) and both apps are measured in the same run, one
after the other, network off in the browser:

- first painted map: ``page.goto`` -> the first stop marker drawn in the map
  frame (the server already up);
- Next -> card: in the page, from the click on Next to the new stop's card
  in the document (a MutationObserver; median of ``--clicks`` clicks per
  run, going back to the title view after five);
- bytes the page received over the websocket and HTTP (the map's assets
  were re-sent inline with every rerun before).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

BASE = "949f7d4"  # main before the presentation mode (issue 10, items 2, 4-6)
LINKED = ("data/index", "assets/node_modules")  # not in git: linked into the old worktree


def _start(app_root: Path, port: int) -> subprocess.Popen:
    from tests.test_app_browser import START_TIMEOUT_S

    command = [sys.executable, "-m", "streamlit", "run", str(app_root / "app.py"), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]  # fmt: skip
    process = subprocess.Popen(command, cwd=app_root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONPATH": str(app_root)})  # fmt: skip
    import urllib.request

    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("the app did not start")


#: In the page: click Next, resolve with the milliseconds until the card of stop ``seq`` is in the document.
_CLICK_TO_CARD = """seq => new Promise((resolve, reject) => {
  const next = [...document.querySelectorAll("button")].find(b => b.innerText.trim().startsWith("Next"));
  const found = () => document.querySelector(`.gs-card[data-seq="${seq}"]`);
  if (!next || found()) { reject(new Error("no Next button, or the card is already there")); return; }
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (found()) { observer.disconnect(); resolve(performance.now() - t0); }
  });
  observer.observe(document.body, {childList: true, subtree: true, attributes: true});
  setTimeout(() => { observer.disconnect(); reject(new Error("no card")); }, 30000);
  next.click();
})"""


def _measure(browser, url: str, clicks: int) -> tuple[float, list[float], int]:  # noqa: ANN001
    """Seconds to the first painted map, Next -> card round trips (s), bytes received."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    received = [0]
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith((url, "data:")) else r.abort())
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.__setitem__(0, received[0] + len(f))))
    t0 = time.perf_counter()
    page.goto(url)
    page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(".sm-stop").first.wait_for(timeout=90_000)
    first = time.perf_counter() - t0
    trips = []
    index = 0
    for _ in range(clicks):
        if index >= 5:  # the bundled story has 6 stops: back to the title view after 5
            page.get_by_role("button", name="Title view").click()
            page.wait_for_selector('.gs-card[data-seq="0"]', timeout=30_000)
            index = 0
        index += 1
        trips.append(page.evaluate(_CLICK_TO_CARD, index) / 1000.0)
        page.wait_for_timeout(600)  # the rerun done
    context.close()
    return first, trips, received[0]


def _bench(browser, app_root: Path, runs: int, clicks: int) -> tuple[list[float], list[float], list[int]]:  # noqa: ANN001
    from tests.test_app_browser import free_port, stop_app

    firsts, trips, sizes = [], [], []
    port = free_port()
    process = _start(app_root, port)
    try:
        _measure(browser, f"http://127.0.0.1:{port}", 1)  # warm the caches (the corpus story, the gazetteer)
        for _ in range(runs):
            first, run_trips, size = _measure(browser, f"http://127.0.0.1:{port}", clicks)
            firsts.append(first)
            trips += run_trips
            sizes.append(size)
    finally:
        stop_app(process)
    return firsts, trips, sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default=BASE, help="the older commit to compare with")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clicks", type=int, default=10)
    parser.add_argument("--now-only", action="store_true", help="measure this tree only (no older worktree)")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"needs {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    if args.now_only:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                _print({"now": _bench(browser, ROOT, args.runs, args.clicks)})
            finally:
                browser.close()
        return
    with tempfile.TemporaryDirectory(prefix="bench-presenter-") as tmp:
        old = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), args.base],
                       check=True, capture_output=True)  # fmt: skip
        try:
            for link in LINKED:
                (old / link).parent.mkdir(parents=True, exist_ok=True)
                if not (old / link).exists():
                    (old / link).symlink_to((ROOT / link).resolve())
            results = {}
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                try:
                    for name, root in ((f"before ({args.base})", old), ("now", ROOT)):
                        results[name] = _bench(browser, root, args.runs, args.clicks)
                finally:
                    browser.close()
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], check=False)
    _print(results)


def _print(results: dict[str, tuple[list[float], list[float], list[int]]]) -> None:
    print(f"{'':<22}{'first painted map':>20}{'Next -> card':>16}{'received / page':>18}")
    for name, (firsts, trips, sizes) in results.items():
        print(
            f"{name:<22}{statistics.median(firsts):>18.2f} s{statistics.median(trips) * 1000:>13.0f} ms"
            f"{statistics.median(sizes) / 1024:>15.0f} kB   ({len(firsts)} page loads, {len(trips)} clicks)"
        )


if __name__ == "__main__":
    main()
