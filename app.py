"""The story map presenter for educators: ``streamlit run app.py``.

It opens on the bundled corpus (``data/articles``): a title view with the
whole route, then one stop at a time (Next / Previous, the → / ← keys,
autoplay), the map flying to the stop with the route travelled so far, and
the stop's card beside it. Educators can read their own articles, fix the
story (places, dates, captions, order), save and load ``story.json``, and
download every output. The interface is in English and Arabic.

This file only lays the page out; the decisions live in :mod:`geo.presenter` (navigation, cards, map
view, editing, uploads, downloads, translations).
"""

from __future__ import annotations

import copy
import datetime as dt
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.errors import GeoStoryError
from geo.model import Role
from geo.pipeline import Pipeline, read_articles
from geo.places.gazetteer import Gazetteer, load_gazetteer
from geo.presenter.cards import (
    card_html,
    css,
    reading_rows,
    stop_card,
    story_title,
    timeline,
    timeline_html,
    title_html,
    undated_names,
)
from geo.presenter.downloads import export_files, story_bytes
from geo.presenter.editing import (
    CERTAINTIES,
    STOP_COLUMNS,
    PlaceChoice,
    add_stop,
    apply_rows,
    edit_stop,
    move_stop,
    remove_stop,
    role_options,
    search_places,
    stop_rows,
    story_hash,
)
from geo.presenter.geocoding import (
    OFF,
    SERVICES,
    GeocoderChoice,
    choose_geocoder,
    geocoder_for,
    is_online,
    lookup_text,
    pipeline_geocoder,
    service_text,
)
from geo.presenter.history import History, record, redo, undo
from geo.presenter.mapview import progress_layer, shared_map, stop_at, view_at
from geo.presenter.navigation import Nav, NavAction, autoplay_tick, nav_press, nav_resize, progress_text
from geo.presenter.reasons import reason_text
from geo.presenter.stage import keys_script, legend_html, stage_css
from geo.presenter.translations import LANGUAGES, certainty_text, date_text, is_rtl, role_text, rtl_css, stop_name, tr
from geo.presenter.uploads import ARTICLE_TYPES, check_upload, read_uploads, reading_deadline, story_from_bytes
from geo.story.document import StoryDoc, story_to_doc

if TYPE_CHECKING:
    from geopy.geocoders.base import Geocoder

__all__ = ["CORPUS", "MAP_HEIGHT", "main"]

CORPUS = Path(__file__).resolve().parent / "data" / "articles"
STATIC = Path(__file__).resolve().parent / "static"  # served at /app/static (server.enableStaticServing)
MAP_HEIGHT = 560  # the frame's height before the page's style sheet sizes it to the window
_DATE_MIN, _DATE_MAX = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


@st.cache_resource(show_spinner="Loading the gazetteer…")
def _gazetteer() -> Gazetteer:
    return load_gazetteer()


@st.cache_resource
def _geocoder_of(service: str, url: str, user_agent: str) -> Geocoder:
    """The geocoder of one setting, shared by every session: one rate limiter per server (InputError if bad)."""
    return geocoder_for(GeocoderChoice(service, url, user_agent), gazetteer=_gazetteer())


@st.cache_data(show_spinner="Reading the bundled articles…")
def _corpus_story(folder: str) -> str:
    """The bundled story as JSON text (cached across sessions)."""
    story, _ = Pipeline(_gazetteer()).run(read_articles(Path(folder)))
    return story_to_doc(story).model_dump_json(by_alias=True)


def _lang() -> str:
    return st.session_state.get("lang", "en")


def _t(key: str, **fields: object) -> str:
    return tr(_lang(), key, **fields)


def _doc() -> StoryDoc:
    return st.session_state["doc"]


def _nav() -> Nav:
    return st.session_state["nav"]


def _active_geocoder() -> tuple[Geocoder, str]:
    """The geocoder of the sidebar's setting and ``""``, or the offline one and why the options are bad."""
    state = st.session_state
    choice = GeocoderChoice(
        state.get("geocoder-service", OFF), state.get("geocoder-url", ""), state.get("geocoder-agent", "")
    )
    return choose_geocoder(choice, make=lambda c: _geocoder_of(c.service, c.url, c.user_agent))


def _geocoder() -> Geocoder:
    """The geocoder in use: offline, unless the setting turns a (well-configured) online service on."""
    return _active_geocoder()[0]


def _flash(kind: str, message: str) -> None:
    st.session_state.setdefault("flash", []).append((kind, message))


def _set_doc(doc: StoryDoc, *, reset: bool = False) -> None:
    """Make ``doc`` the current story; the navigation follows (back to the title view when ``reset``)."""
    st.session_state["doc"] = doc
    nav = st.session_state.get("nav", Nav())
    st.session_state["nav"] = Nav(total=len(doc.stops)) if reset else nav_resize(nav, len(doc.stops))


def _init_state() -> bool:
    """Load the bundled story on a session's first run; ``False`` when it cannot be read."""
    if "doc" in st.session_state:
        return True
    try:
        doc = StoryDoc.model_validate_json(_corpus_story(str(CORPUS)))
    except GeoStoryError as exc:
        st.error(_t("corpus_error", message=str(exc)))
        return False
    _set_doc(doc, reset=True)
    st.session_state.setdefault("editor_version", 0)
    return True


def _on_nav(action: NavAction, index: int = 0) -> None:
    st.session_state["nav"] = nav_press(_nav(), action, index=index, now=time.time())


def _on_story_upload() -> None:
    upload = st.session_state.get("story-upload")
    if upload is None:
        return
    try:
        doc = story_from_bytes(upload.getvalue(), name=upload.name)
    except GeoStoryError as exc:
        _flash("error", _t("upload_error", message=str(exc)))
        return
    _set_doc(doc, reset=True)
    _flash("success", _t("loaded", title=doc.title or upload.name))


def _apply(edit: Any) -> None:
    """Run ``edit()`` (returning a new story); on error keep the story and say why. The edit can be undone."""
    before = _doc()
    try:
        doc = edit()
    except GeoStoryError as exc:
        _flash("error", _t("edit_error", message=str(exc)))
        return
    st.session_state["history"] = record(st.session_state.get("history", History()), before)
    _set_doc(doc)
    _flash("success", _t("edited"))


def _on_history(step: Any) -> None:
    """Undo or redo (``step`` is :func:`undo` or :func:`redo`)."""
    history, doc = step(st.session_state.get("history", History()), _doc())
    st.session_state["history"] = history
    _set_doc(doc)
    st.session_state["editor_version"] = st.session_state.get("editor_version", 0) + 1


def _on_map_click() -> None:
    """A stop's marker was clicked on the map: open that stop."""
    clicked = (st.session_state.get("story-map") or {}).get("last_object_clicked") or {}
    seq = stop_at(_doc(), clicked.get("lat", 999.0), clicked.get("lng", 999.0)) if clicked else 0
    if seq:
        _on_nav(NavAction.GO, seq)


def _first_place(name: str) -> PlaceChoice | None:
    found = search_places(_geocoder(), name, limit=1)
    return found[0] if found else None


def _geocoder_setting() -> None:
    """The "Online geocoder" setting: collapsed and off by default; bad options say why and change nothing."""
    with st.expander(_t("geocoder"), expanded=False):
        st.caption(_t("geocoder_help"))
        service = st.selectbox(
            _t("geocoder_service"),
            SERVICES,
            format_func=partial(service_text, lang=_lang()),  # the language bound now: AppTest formats later
            key="geocoder-service",
        )
        off = service == OFF
        st.text_input(_t("geocoder_url"), key="geocoder-url", placeholder="https://host[:port][/path]", disabled=off)
        agent = "myapp/1.0 (you@example.org)"
        st.text_input(_t("geocoder_agent"), key="geocoder-agent", placeholder=agent, disabled=off)
        geocoder, error = _active_geocoder()
        if error:
            st.error(_t("geocoder_error", message=error))
        elif is_online(geocoder):
            st.caption(_t("geocoder_on", service=service_text(service, lang=_lang())))


def _sidebar() -> None:
    with st.sidebar:
        st.radio(
            "Language · اللغة",
            list(LANGUAGES),
            format_func=LANGUAGES.get,
            key="lang",
            horizontal=True,
        )
        st.slider(_t("delay"), min_value=2, max_value=30, value=6, key="delay")
        st.caption(_t("shortcuts"))
        st.toggle(_t("tiles"), key="tiles", help=_t("tiles_help"))
        _geocoder_setting()
        st.divider()
        st.subheader(_t("story_json"))
        doc = _doc()
        st.download_button(
            _t("save_story"),
            data=partial(story_bytes, doc),  # made when downloaded, not on every rerun
            file_name="story.json",
            mime="application/json",
            key="save-story",
            on_click="ignore",
        )
        st.file_uploader(_t("load_story"), type=["json"], key="story-upload", on_change=_on_story_upload)
        st.button(
            _t("bundled"),
            key="bundled",
            on_click=lambda: _set_doc(StoryDoc.model_validate_json(_corpus_story(str(CORPUS))), reset=True),
        )
        st.divider()
        st.subheader(_t("downloads"))
        for export in export_files(doc):
            st.download_button(
                _t(export.label),
                data=export.make,
                file_name=export.file_name,
                mime=export.mime,
                key=f"dl-{export.file_name}",
                on_click="ignore",
            )


def _controls(doc: StoryDoc, nav: Nav) -> None:
    """The navigation bar: title view, previous, next, play, where we are, and one button per stop.

    The keys (→, ←, Space, Home) press these buttons through the page's key handler (:mod:`geo.presenter.stage`).
    """
    bar = st.container(horizontal=True, key="gs-nav", vertical_alignment="center", gap=None)
    buttons = [  # (key, label, action, disabled)
        ("nav-first", _t("first"), NavAction.GO, False),
        ("nav-prev", _t("prev"), NavAction.PREV, nav.index == 0),
        ("nav-next", _t("next"), NavAction.NEXT, nav.index >= nav.total),
        ("nav-play", _t("pause") if nav.playing else _t("play"), NavAction.PLAY, nav.total == 0),
    ]
    for key, label, action, disabled in buttons:
        kind = "primary" if key == "nav-next" else "secondary"
        bar.button(label, key=key, on_click=_on_nav, args=(action, 0), disabled=disabled, type=kind)
    bar.html(
        f'<div class="gs-progress" data-index="{nav.index}">{progress_text(nav, lang=_lang())}</div>', width="content"
    )
    current = doc.stops[nav.index - 1].seq if nav.index else 0
    for stop in doc.stops:
        bar.button(
            f"{stop.seq}",
            key=f"tl-{stop.seq}",
            on_click=_on_nav,
            args=(NavAction.GO, stop.seq),
            help=f"{stop_name(stop, lang=_lang())} · {date_text(stop.date_start, stop.date_end, lang=_lang())}",
            type="primary" if stop.seq == current else "secondary",
        )
    st.progress(nav.index / nav.total if nav.total else 0.0)


def _story_map(doc: StoryDoc) -> Any:  # noqa: ANN401 - folium.Map
    """The story's map, built once per story, tile setting and language for all sessions (raises GeoStoryError)."""
    tiles = bool(st.session_state.get("tiles"))
    return shared_map(doc, key=story_hash(doc), static=STATIC, tiles=tiles, lang=_lang())


def _map(doc: StoryDoc, nav: Nav) -> None:
    """The story map: built once per story, then only its centre, zoom and progress layer change."""
    try:
        story_map = _story_map(doc)
    except GeoStoryError as exc:
        st.error(_t("map_error", message=str(exc)))
        return
    view = view_at(doc, nav.index)  # the title view's centre: the frame fits the whole route to its real size
    # streamlit-folium renames the elements of the map it is given: hand it a copy, so that the
    # script (and so the component's identity) is the same on every run and the map is not re-mounted.
    st_folium(
        copy.deepcopy(story_map),
        key="story-map",
        center=view.center,
        zoom=view.zoom,
        returned_objects=["last_object_clicked"],
        on_change=_on_map_click,
        feature_group_to_add=progress_layer(doc, nav.index),
        height=MAP_HEIGHT,
        use_container_width=True,
    )


def _timeline(doc: StoryDoc, nav: Nav) -> None:
    """The timeline strip under the map: the stops placed by date (the stop buttons are in the navigation bar)."""
    items = timeline(doc, lang=_lang())
    if not items:
        return
    current = doc.stops[nav.index - 1].seq if nav.index else 0
    st.html(timeline_html(items, current=current, lang=_lang()))
    undated = undated_names(doc, lang=_lang())
    if undated:
        st.caption(_t("undated", names=", ".join(undated)))


@st.fragment
def _present(_: StoryDoc) -> None:
    """The Present view, sized to the window: navigation, map and card side by side, timeline.

    A fragment: Next, a key or a marker click re-runs only this view (an edit or autoplay re-runs the page).
    """
    doc, nav = _doc(), _nav()
    if st.session_state.get("autoplay-armed", False) != nav.playing:  # Play or Pause: the page's timer follows
        st.rerun(scope="app")
    with st.container(key="gs-present", gap=None):
        top = st.container(key="gs-top", gap=None)  # the navigation bar's place: filled after the card
        left, right = st.container(key="gs-stage").columns([3, 2], gap="medium")
        with right, st.container(key="gs-side", gap=None):  # the card first: it reaches the page before the rest
            with st.container(key="gs-card", border=False):
                if nav.index == 0:
                    st.html(title_html(doc, lang=_lang()))
                else:
                    st.html(card_html(stop_card(doc, nav.index, lang=_lang()), lang=_lang()))
            st.html(legend_html(lang=_lang()))
        with top:
            _controls(doc, nav)
        with left, st.container(key="gs-map"):
            _map(doc, nav)
        _timeline(doc, nav)


def _table(doc: StoryDoc) -> None:
    st.caption(_t("table_help"))
    frame = pd.DataFrame(stop_rows(doc), columns=list(STOP_COLUMNS))
    for column in ("date_start", "date_end"):
        if column in frame:
            frame[column] = pd.to_datetime(frame[column]).dt.date
    version = st.session_state.get("editor_version", 0)
    edited = st.data_editor(
        frame,
        key=f"stops-editor-{story_hash(doc)}-{version}",
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "order": st.column_config.NumberColumn(_t("col_order"), min_value=0, step=1, width="small"),
            "name": st.column_config.TextColumn(_t("col_place")),
            "name_ar": st.column_config.TextColumn(_t("col_place_ar")),
            "date_start": st.column_config.DateColumn(_t("col_start"), format="YYYY-MM-DD"),
            "date_end": st.column_config.DateColumn(_t("col_end"), format="YYYY-MM-DD"),
            "date_certainty": st.column_config.SelectboxColumn(
                _t("col_certainty"),
                options=[str(c) for c in CERTAINTIES],
                format_func=partial(certainty_text, lang=_lang()),
            ),
            "role": st.column_config.SelectboxColumn(
                _t("col_role"),
                options=[str(r) for r in role_options(doc)],
                format_func=partial(role_text, lang=_lang()),
                default=str(Role.VISIT),
            ),
            "caption": st.column_config.TextColumn(_t("col_caption"), width="large"),
            "lat": st.column_config.NumberColumn(_t("col_lat"), format="%.4f"),
            "lon": st.column_config.NumberColumn(_t("col_lon"), format="%.4f"),
            "id": None,
        },
    )
    cols = st.columns(2)
    if cols[0].button(_t("apply_table"), key="apply-table", type="primary"):
        rows = edited.to_dict("records") if isinstance(edited, pd.DataFrame) else list(edited)
        _apply(lambda: apply_rows(doc, rows, geocode=_first_place))
        st.session_state["editor_version"] = version + 1
        st.rerun()
    if cols[1].button(_t("discard"), key="discard-table"):
        st.session_state["editor_version"] = version + 1
        st.rerun()


def _stop_editor(doc: StoryDoc) -> None:
    st.subheader(_t("edit_stop"))
    if not doc.stops:
        st.info(_t("no_stops"))
        return
    seqs = [s.seq for s in doc.stops]
    st.session_state["edit-seq"] = min(max(_nav().index, 1), len(seqs))  # follows the presenter's current stop
    seq = st.selectbox(
        _t("which_stop"),
        seqs,
        format_func=lambda n: f"{n}. {stop_name(doc.stops[n - 1], lang=_lang())}",
        key="edit-seq",
        on_change=lambda: _on_nav(NavAction.GO, int(st.session_state["edit-seq"])),  # and it follows the editor
    )
    stop = doc.stops[seq - 1]
    suffix = f"{story_hash(doc)}-{seq}"
    with st.form(key=f"stop-form-{suffix}"):
        cols = st.columns(2)
        start = cols[0].date_input(
            _t("start_date"), value=stop.date_start, min_value=_DATE_MIN, max_value=_DATE_MAX, format="YYYY-MM-DD"
        )
        end = cols[1].date_input(
            _t("end_date"), value=stop.date_end, min_value=_DATE_MIN, max_value=_DATE_MAX, format="YYYY-MM-DD"
        )
        shown = reason_text(stop.caption, lang=_lang())
        caption = st.text_area(_t("caption"), value=shown)
        caption = stop.caption if caption == shown else caption  # unchanged: keep the reader's own words
        if st.form_submit_button(_t("apply_stop"), type="primary"):
            _apply(lambda: edit_stop(doc, seq, date_start=start, date_end=end, caption=caption))
            st.rerun()
    if st.button(_t("remove_stop"), key=f"remove-{suffix}"):
        _apply(lambda: remove_stop(doc, seq))
        st.rerun()
    geocoder = _geocoder()
    online = is_online(geocoder)
    service = service_text(st.session_state.get("geocoder-service", OFF), lang=_lang())
    label = _t("search_place_online", service=service) if online else _t("search_place")
    query = st.text_input(label, placeholder=_t("search_hint"), key=f"search-{suffix}")
    if query.strip():
        try:
            choices = search_places(geocoder, query)
        except GeoStoryError as exc:
            st.warning(_t("search_error", message=str(exc)))
            return
        if not choices:
            st.warning(_t("no_match_online" if online else "no_match"))
            return
        choice = st.selectbox(_t("choose_place"), choices, format_func=lambda c: c.label, key=f"choice-{suffix}")
        cols = st.columns(2)
        if cols[0].button(_t("move_here"), key=f"move-{suffix}"):
            _apply(lambda: move_stop(doc, seq, choice))
            st.rerun()
        if cols[1].button(_t("add_after"), key=f"add-{suffix}"):
            _apply(lambda: add_stop(doc, choice, after=seq))
            st.rerun()


def _edit(doc: StoryDoc) -> None:
    history = st.session_state.get("history", History())
    bar = st.container(horizontal=True, key="gs-history")
    bar.button(_t("undo"), key="undo", on_click=_on_history, args=(undo,), disabled=not history.can_undo)
    bar.button(_t("redo"), key="redo", on_click=_on_history, args=(redo,), disabled=not history.can_redo)
    _table(doc)
    st.divider()
    _stop_editor(doc)


def _reading(doc: StoryDoc) -> None:
    st.caption(_t("read_help"))
    st.dataframe(pd.DataFrame(reading_rows(doc, lang=_lang())), hide_index=True, width="stretch")


def _build(files: list[Any], pasted: str) -> None:
    """Read uploaded articles into a new story, with visible progress; on error keep the current story."""
    with st.status(_t("building"), expanded=True) as status:
        bar = st.progress(0.0)
        total = len(files) + (1 if pasted.strip() else 0)
        done = [0]

        def checking(name: str) -> None:
            done[0] += 1
            bar.progress(min(done[0] / max(total, 1), 1.0) * 0.3, text=_t("checking", name=name))

        try:
            articles = read_uploads([(f.name, f.getvalue()) for f in files], pasted, progress=checking)
            bar.progress(0.4, text=_t("reading", count=len(articles)))
            pipeline = Pipeline(_gazetteer(), geocoder=pipeline_geocoder(_geocoder()))

            def reading(done: int, left: float) -> None:
                text = _t("reading_step", done=done, count=len(articles), seconds=round(left))
                bar.progress(0.4 + 0.4 * done / max(len(articles), 1), text=text)

            limit = pipeline.settings.limits.upload_seconds
            story, _ = pipeline.run(articles, progress=reading_deadline(len(articles), seconds=limit, on_step=reading))
            bar.progress(0.8, text=_t("drawing"))
            doc = story_to_doc(story)
            _story_map(doc)  # fail here, not later, when the map cannot be drawn (and keep the map)
        except GeoStoryError as exc:
            status.update(label=_t("upload_error", message=str(exc)), state="error")
            _flash("error", _t("upload_error", message=str(exc)))
            return
        bar.progress(1.0)
        status.update(label=_t("built", count=len(doc.stops)), state="complete", expanded=False)
    _set_doc(doc, reset=True)
    _flash("success", _t("built", count=len(doc.stops)))
    if pipeline.geocoder is not None:
        _flash("info", lookup_text(pipeline.lookups, lang=_lang()))
    st.rerun()


def _files() -> None:
    files = st.file_uploader(
        _t("articles_upload"), type=list(ARTICLE_TYPES), accept_multiple_files=True, key="article-upload"
    )
    for upload in files or []:
        try:
            check_upload(upload.name, upload.getvalue())
        except GeoStoryError as exc:
            st.error(_t("upload_error", message=str(exc)))
    pasted = st.text_area(_t("paste"), key="pasted", height=160)
    if st.button(_t("build"), key="build", type="primary"):
        if not files and not pasted.strip():
            st.warning(_t("nothing_to_build"))
        else:
            _build(list(files or []), pasted)


def _flashes() -> None:
    show = {"error": st.error, "info": st.info}
    for kind, message in st.session_state.pop("flash", []):
        show.get(kind, st.success)(message)


def _autoplay() -> None:
    """While playing, a fragment re-runs every ``delay`` seconds and moves to the next stop."""
    nav = _nav()
    delay = float(st.session_state.get("delay", 6))

    def tick() -> None:
        current = _nav()
        moved = autoplay_tick(current, now=time.time(), delay=delay)
        if moved != current:
            st.session_state["nav"] = moved
            st.rerun(scope="app")

    st.fragment(tick, run_every=delay if nav.playing else None)()


def main() -> None:
    """Lay out the page."""
    st.set_page_config(
        page_title="Story map presenter", page_icon="🗺️", layout="wide", initial_sidebar_state="collapsed"
    )
    st.html(css() + stage_css())
    st.html(keys_script(), unsafe_allow_javascript=True)
    if is_rtl(_lang()):
        st.html(rtl_css(upload_mb=st.get_option("server.maxUploadSize")))
    if not _init_state():
        return
    doc = _doc()
    st.session_state["autoplay-armed"] = _nav().playing  # the page's timer (_autoplay) is set for this state
    st.title(story_title(doc, lang=_lang()), anchor=False)
    _flashes()
    tabs = st.tabs(
        [_t("tab_present"), _t("tab_edit"), _t("tab_read"), _t("tab_files")],
        key=f"tab-{_lang()}",
        on_change="rerun",  # only the open tab is laid out (the map's tab always: it is never re-mounted)
    )
    for tab, lay_out in zip(tabs, (_present, _edit, _reading, lambda _: _files()), strict=True):
        if tab is tabs[0] or tab.open:
            with tab:
                lay_out(doc)
    _sidebar()  # last: the stop's card reaches the page first (the sidebar's values are read from the state)
    _autoplay()


if __name__ == "__main__":
    main()
