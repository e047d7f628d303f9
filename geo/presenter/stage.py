"""The presentation mode's page: a layout that fits the screen, the page's key handler, the map's legend.

:func:`stage_css` sizes the Present view to the browser window (no
scrolling at 1366×768 and up; on a phone the stop's card comes before a
shorter map) and hides Streamlit's toolbar; :func:`keys_script` is the
page's one key handler (←, →, Space, Home press the navigation buttons
whatever was clicked last; the map frame hands its keys here, see
:mod:`geo.presenter.mapjs`); :func:`legend_html` explains the map's marks.
"""

from __future__ import annotations

import html
import json

from geo.presenter.translations import tr

__all__ = ["NAV_KEYS", "keys_script", "legend_html", "stage_css"]

#: Key (``KeyboardEvent.key``) -> the navigation button (its Streamlit key) it presses.
NAV_KEYS: dict[str, str] = {
    "ArrowRight": "nav-next",
    "ArrowLeft": "nav-prev",
    "Home": "nav-first",
    " ": "nav-play",
    "Spacebar": "nav-play",
}

#: The Present view fits the window: the stage (map and card) takes what the rest leaves.
_CSS = """<style>
:root{--gs-stage:calc(100vh - 19.6rem)}
[data-testid="stToolbarActions"],[data-testid="stDecoration"],[data-testid="stAppDeployButton"],
.stDeployButton,[data-testid="stMainMenu"],[data-testid="stStatusWidget"]{display:none!important}
header[data-testid="stHeader"]{height:2.4rem;min-height:2.4rem;background:transparent}
[data-testid="stMainBlockContainer"]{padding:2.2rem 1.4rem .3rem 1.4rem!important;max-width:100%!important}
[data-testid="stMainBlockContainer"]>div>[data-testid="stVerticalBlock"]{gap:.35rem}
[data-testid="stHeading"] h1{font-size:1.45rem;line-height:1.25;padding:0 0 .1rem 0;margin:0}
.st-key-gs-present,.st-key-gs-top{gap:.4rem}
.st-key-gs-nav{gap:.4rem;align-items:center}
.st-key-gs-nav button{min-height:2.1rem;padding:.1rem .75rem;white-space:nowrap}
.st-key-gs-nav .gs-progress{margin:0 .4rem}
.st-key-gs-present [data-testid="stProgress"]>div{height:.3rem}
.st-key-gs-map iframe{height:var(--gs-stage)!important;display:block}
.st-key-gs-side{height:var(--gs-stage);gap:.3rem;flex-wrap:nowrap}
.st-key-gs-card{flex:1 1 auto;min-height:0;overflow-y:auto;padding-inline-end:.3rem}
.st-key-gs-side>:last-child{margin-top:auto}
.gs-legend{font-size:.8rem;color:#333;display:flex;flex-wrap:wrap;gap:.15rem .8rem;align-items:center;
border-top:1px solid #ddd;padding-top:.25rem;line-height:1.3}
.gs-legend b{font-weight:600;margin-inline-end:.2rem}
.gs-legend span{display:inline-flex;align-items:center;gap:.3rem;white-space:nowrap}
.gs-k{display:inline-block;box-sizing:border-box;width:1rem;height:1rem;border-radius:50%;
border:2px solid #fff;background:#0b4f8a;box-shadow:0 0 0 1px #0b4f8a}
.gs-k-approx{border-style:dashed;background:#3d7cc0}
.gs-k-undated{background:#fff;border:2px dashed #0b4f8a;box-shadow:none}
.gs-k-line{width:1.3rem;height:0;border-radius:0;border:0;border-top:4px dashed #0b4f8a;box-shadow:none}
.gs-k-done{width:1.3rem;height:0;border-radius:0;border:0;border-top:5px solid #d9480f;box-shadow:none}
.gs-k-ring{background:none;border:3px solid #d9480f;box-shadow:none}
.gs-k-plan{background:none;border:3px dashed #d9480f;box-shadow:none}
.gs-k-circle{border:1.5px dashed #0b4f8a;background:rgba(11,79,138,.08);box-shadow:none}
.st-key-gs-present .gs-strip{height:2.3rem;margin:.7rem 4rem 0 4rem}
.st-key-gs-present .gs-tick{font-size:.78rem;line-height:1.15}
@media (max-width:640px){
:root{--gs-stage:auto}
[data-testid="stMainBlockContainer"]{padding:2.4rem .6rem .3rem .6rem!important}
[data-testid="stHeading"] h1{font-size:1.1rem}
[data-testid="stTabs"] div:has(>[data-testid="stTab"]){flex-wrap:wrap;row-gap:.1rem;overflow:visible}
[data-testid="stTab"] p{font-size:.85rem}
.st-key-gs-nav button{padding:.1rem .5rem;min-height:2rem}
.st-key-gs-nav .gs-progress{font-size:1.1rem}
.st-key-gs-stage [data-testid="stColumn"]:has(.st-key-gs-side){order:-1}
.st-key-gs-side{height:auto}
.st-key-gs-card{max-height:30vh;flex:none}
.st-key-gs-side .gs-legend{display:none}
.st-key-gs-card .gs-card{font-size:1rem}
.st-key-gs-card .gs-card h2{font-size:1.35rem}
.st-key-gs-card .gs-card .gs-ar{font-size:1.2rem}
.st-key-gs-card .gs-card .gs-date{font-size:1.1rem}
.st-key-gs-card .gs-card h3{font-size:1.05rem;margin:.2rem 0;padding:0}
.st-key-gs-map iframe{height:36vh!important}
.st-key-gs-present .gs-strip{margin:.7rem 1rem 0 1rem}
.st-key-gs-present .gs-tick .gs-when{display:none}
}
</style>"""

#: The page's key handler: presses the navigation buttons (installed once per page).
_KEYS_JS = """<script>
(function () {
  if (window.__gsKey) { return; }
  var buttons = %s;
  window.__gsKey = function (key) {
    var name = buttons[key];
    var button = name && document.querySelector(".st-key-" + name + " button");
    if (!button || button.disabled || !button.offsetParent) { return false; }  // not shown: another tab is open
    button.click();
    return true;
  };
  function typing(t) {
    var tag = t && t.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) { return true; }
    if (tag === "INPUT" && ["radio", "checkbox", "button", "submit"].indexOf(t.type) < 0) { return true; }
    return !!(t && t.closest && t.closest('[role="slider"], [role="grid"], [data-testid="stDataFrame"]'));
  }
  window.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || !buttons[e.key] || typing(e.target)) { return; }
    if (window.__gsKey(e.key)) { e.preventDefault(); e.stopImmediatePropagation(); }
  }, true);
  window.addEventListener("keyup", function (e) {  // a focused button would take Space's keyup as a click
    if ((e.key === " " || e.key === "Spacebar") && !typing(e.target)) { e.preventDefault(); }
  }, true);
})();
</script>"""


def stage_css() -> str:
    """The presentation mode's style sheet (see the module's docstring)."""
    return _CSS


def keys_script() -> str:
    """The page's key handler as a ``<script>`` (for ``st.html(..., unsafe_allow_javascript=True)``)."""
    return _KEYS_JS % json.dumps(NAV_KEYS)


def legend_html(*, lang: str = "en") -> str:
    """The legend of the map's marks in ``lang``: stops by date certainty, the route, progress, plans, circles."""
    keys = [
        ("gs-k", "key_exact"),
        ("gs-k gs-k-approx", "key_approximate"),
        ("gs-k gs-k-undated", "key_undated"),
        ("gs-k gs-k-line", "key_route"),
        ("gs-k gs-k-done", "key_travelled"),
        ("gs-k gs-k-ring", "key_current"),
        ("gs-k gs-k-plan", "key_plan"),
        ("gs-k gs-k-circle", "key_circle"),
    ]
    items = "".join(
        f'<span><i class="{css}" aria-hidden="true"></i>{html.escape(tr(lang, key))}</span>' for css, key in keys
    )
    return f'<div class="gs-legend" role="note"><b>{html.escape(tr(lang, "legend"))}</b>{items}</div>'
