"""The presenter app in Streamlit's AppTest (no browser: components are not rendered, the widget tree is read);
the online geocoder setting against the scripted server on 127.0.0.1 (no test reaches the network)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from streamlit.testing.v1 import AppTest

from geo.model import Role
from geo.presenter.cards import story_title
from geo.presenter.downloads import story_bytes
from geo.presenter.editing import STOP_ROLES, remove_stop, role_options
from geo.presenter.geocoding import OFF
from geo.presenter.navigation import Nav
from geo.presenter.translations import date_text, role_text, tr
from tests.conftest import ROOT
from tests.places.loopback import serving

#: an article naming a port the gazetteer does not know («ميناء زمزوم»); the scripted server knows it
PORT_TEXT = "وصل الرئيس إلى ميناء زمزوم يوم الأحد 3 سبتمبر 2023 ثم توجه إلى دمشق."
ZAMZUM_ID = "online:nominatim:node/4242"


@pytest.fixture
def app(gazetteer) -> AppTest:  # noqa: ANN001 - the session gazetteer compiles the index once
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    return at


def _html(at: AppTest) -> str:
    return "\n".join(str(h.value) for h in at.get("html"))


def _open(at: AppTest, tab: str, *, lang: str = "en") -> AppTest:
    """Open the tab ``tab`` (a key of the strings): only the open tab is laid out, besides Present."""
    at.session_state[f"tab-{lang}"] = tr(lang, tab)
    return at.run()


def _card(at: AppTest) -> str:
    return next(str(h.value) for h in at.get("html") if 'class="gs-card' in str(h.value))


def test_opens_on_the_bundled_story_in_the_title_view(app: AppTest) -> None:
    doc = app.session_state["doc"]
    assert len(doc.stops) >= 5
    assert app.session_state["nav"] == Nav(index=0, total=len(doc.stops))
    assert app.title[0].value == story_title(doc, lang="en")  # its places and month in English
    assert "gs-title" in _card(app) and "Whole route" in _card(app)
    assert app.button(key="nav-prev").disabled and not app.button(key="nav-next").disabled
    assert not app.error


def test_next_twice_shows_stop_two_then_previous(app: AppTest) -> None:
    doc = app.session_state["doc"]
    app.button(key="nav-next").click().run()
    app.button(key="nav-next").click().run()
    assert app.session_state["nav"].index == 2
    card = _card(app)
    assert f"Stop 2 of {len(doc.stops)}" in card
    assert doc.stops[1].name in card and (doc.stops[1].name_ar or "") in card
    assert date_text(doc.stops[1].date_start, doc.stops[1].date_end) in card
    assert f"2 / {len(doc.stops)}" in _html(app)
    app.button(key="nav-prev").click().run()
    assert app.session_state["nav"].index == 1 and "Stop 1 of" in _card(app)


def test_autoplay_toggles_and_a_tick_advances(app: AppTest) -> None:
    app.button(key="nav-play").click().run()
    nav = app.session_state["nav"]
    assert nav.playing and nav.index == 0
    assert app.button(key="nav-play").label == tr("en", "pause")
    app.session_state["nav"] = Nav(index=nav.index, total=nav.total, playing=True, last_tick=0.0)  # delay passed
    app.run()
    assert app.session_state["nav"].index == 1 and app.session_state["nav"].playing
    assert "Stop 1 of" in _card(app)
    app.button(key="nav-play").click().run()
    assert not app.session_state["nav"].playing
    app.run()
    assert app.session_state["nav"].index == 1  # paused: no tick


def test_editing_a_stop_date_changes_the_card(app: AppTest) -> None:
    app.button(key="nav-next").click().run()
    app.button(key="nav-next").click().run()
    _open(app, "tab_edit")
    new = dt.date(2023, 9, 14)
    start = next(w for w in app.date_input if w.label == "Start date")
    end = next(w for w in app.date_input if w.label == "End date")
    start.set_value(new)
    end.set_value(None)
    next(b for b in app.button if b.label == "Apply to this stop").click()
    app.run()
    assert not app.exception
    assert app.session_state["doc"].stops[1].date_start == new
    assert "14 September 2023" in _card(app)
    assert any("updated" in s.value for s in app.success)


def test_an_impossible_date_range_is_refused_and_nothing_changes(app: AppTest) -> None:
    before = app.session_state["doc"]
    _open(app, "tab_edit")
    start = next(w for w in app.date_input if w.label == "Start date")
    end = next(w for w in app.date_input if w.label == "End date")
    start.set_value(dt.date(2023, 9, 20))
    end.set_value(dt.date(2023, 9, 1))
    next(b for b in app.button if b.label == "Apply to this stop").click()
    app.run()
    assert app.session_state["doc"] == before
    assert any("not applied" in e.value and "before" in e.value for e in app.error)


def test_a_binary_upload_shows_an_error_and_keeps_the_story(app: AppTest) -> None:
    before = app.session_state["doc"]
    _open(app, "tab_files")
    uploader = next(u for u in app.file_uploader if u.accept_multiple_files)
    uploader.set_value([("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "text/plain")])
    app.run()
    assert any("cannot be used" in e.value for e in app.error)
    app.button(key="build").click().run()
    assert not app.exception
    assert app.session_state["doc"] == before
    assert any("photo.txt" in e.value for e in app.error)


def test_a_bad_story_json_is_refused_and_a_good_one_loads(app: AppTest) -> None:
    before = app.session_state["doc"]
    loader = next(u for u in app.file_uploader if not u.accept_multiple_files)
    loader.set_value(("story.json", b'{"schema": "geostory/story", "version": 7}', "application/json"))
    app.run()
    assert app.session_state["doc"] == before
    assert any("not a valid story" in e.value for e in app.error)
    smaller = remove_stop(before, 1)
    loader = next(u for u in app.file_uploader if not u.accept_multiple_files)
    loader.set_value(("mine.json", story_bytes(smaller), "application/json"))
    app.run()
    assert app.session_state["doc"] == smaller and app.session_state["nav"].index == 0


def test_arabic_interface_is_right_to_left(app: AppTest) -> None:
    app.radio(key="lang").set_value("ar").run()
    assert not app.exception
    assert "direction: rtl" in _html(app)
    assert tr("ar", "title_view") in _card(app)
    assert app.button(key="nav-next").label == tr("ar", "next")


def test_the_reading_table_lists_every_place(app: AppTest) -> None:
    doc = _open(app, "tab_read").session_state["doc"]
    frame = next(d.value for d in app.dataframe if "Why" in d.value.columns)
    assert {"Place", "Role", "Why"} <= set(frame.columns)
    assert set(frame["Place"]) == {s.name for s in doc.stops} | {pl.name for pl in doc.places}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_stops_table_offers_the_stop_roles_in_the_interface_language(app: AppTest, lang: str) -> None:
    app.radio(key="lang").set_value(lang).run()
    doc = _open(app, "tab_edit", lang=lang).session_state["doc"]
    editor = next(d for d in app.dataframe if d.proto.editing_mode)  # the table of stops is the editable one
    role = json.loads(editor.proto.columns)["role"]
    assert role["type_config"]["type"] == "selectbox" and role["default"] == Role.VISIT
    offered = role["type_config"]["options"]
    assert offered == [{"value": r, "label": role_text(r, lang=lang)} for r in role_options(doc)]
    assert [o["value"] for o in offered][: len(STOP_ROLES)] == list(STOP_ROLES)


# ----------------------------------------------------------------------------- the online geocoder setting


def _geocoder_expander(at: AppTest):  # noqa: ANN202
    return next(e for e in at.sidebar.expander if e.label == tr("en", "geocoder"))


def test_the_online_geocoder_is_off_by_default(app: AppTest) -> None:
    _open(app, "tab_edit")
    assert not _geocoder_expander(app).proto.expanded
    assert app.selectbox(key="geocoder-service").value == OFF
    assert app.text_input(key="geocoder-url").disabled and app.text_input(key="geocoder-agent").disabled
    assert any(t.label == tr("en", "search_place") for t in app.text_input)  # the search is offline
    assert not app.error and not app.info


def test_bad_geocoder_options_show_one_line_and_keep_the_story(app: AppTest) -> None:
    before = _open(app, "tab_edit").session_state["doc"]
    app.selectbox(key="geocoder-service").set_value("nominatim").run()  # the public server, without a user agent
    assert not app.exception
    (error,) = [e.value for e in app.error]
    assert error.startswith(tr("en", "geocoder_error", message="")) and "user agent" in error and "\n" not in error
    assert app.session_state["doc"] == before
    assert any(t.label == tr("en", "search_place") for t in app.text_input)  # still offline


def test_a_build_places_an_unknown_name_with_the_online_geocoder(app: AppTest, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # the answers' cache
    for proxy in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(proxy, raising=False)  # 127.0.0.1 directly
    with serving() as server:
        app.selectbox(key="geocoder-service").set_value("nominatim").run()
        app.text_input(key="geocoder-url").set_value(server.url("ok")).run()  # self-hosted: no user agent needed
        assert not app.error
        assert any(
            t.label == tr("en", "search_place_online", service="Nominatim") for t in _open(app, "tab_edit").text_input
        )
        _open(app, "tab_files")
        uploader = next(u for u in app.file_uploader if u.accept_multiple_files)
        uploader.set_value([("port.txt", PORT_TEXT.encode(), "text/plain")])
        app.run()
        app.button(key="build").click().run()
        assert not app.exception and not app.error
        assert ZAMZUM_ID in {s.id for s in app.session_state["doc"].stops}
        assert [i.value for i in app.info] == ["online geocoder: 1 names looked up, 1 placed, 0 failed"]
        assert server.counts[("ok", "زمزوم")] == 1 and server.counts[("ok", "دمشق")] == 0
    assert (tmp_path / "geostory" / "geocode.sqlite").is_file()


#: Latin words the Arabic interface may show: key names, file names, formats, services, product names.
LATIN_ALLOWED = {
    "Home", "Space", "story", "json", "html", "csv", "gpkg", "kml", "geojson", "pptx", "pdf", "GeoJSON", "GPKG", "KML",
    "CSV", "PDF", "PPTX", "StoryMapJS", "Google", "Earth", "Nominatim", "Pelias", "Photon", "CARTO", "OpenStreetMap",
    "GeoPackage", "JSON", "PowerPoint", "English", "Language",
    "https", "host", "port", "path", "myapp", "you", "example", "org", "txt", "None",
}  # fmt: skip


def _ui_texts(at: AppTest) -> list[str]:
    """Every text of the interface: labels, helps, placeholders, captions, titles, the cards (markup removed)."""
    import re

    texts = []
    for kind in ("button", "selectbox", "text_input", "text_area", "toggle", "slider", "radio", "download_button",
                 "file_uploader", "date_input", "expander", "tab"):  # fmt: skip
        for element in at.get(kind):
            texts += [str(getattr(element, attr, "") or "") for attr in ("label", "help", "placeholder")]
    for kind in ("caption", "subheader", "title", "markdown", "info", "warning", "success"):
        texts += [str(element.value) for element in at.get(kind)]
    for element in at.get("html"):
        body = re.sub(r"<(script|style)\b.*?</\1>", " ", str(element.value), flags=re.S)
        texts.append(re.sub(r"<[^>]+>|&\w+;", " ", body))
    return texts


def test_the_arabic_interface_shows_no_english_word(gazetteer) -> None:  # noqa: ANN001
    import re

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = "ar"
    at.run()
    at.button(key="nav-next").click().run()
    assert not at.exception, at.exception
    doc = at.session_state["doc"]
    data = " ".join(
        [s.name for s in doc.stops]
        + [p.name for p in doc.places]
        + [" ".join(filter(None, (a.name, a.title, a.url, str(a.source or "")))) for a in doc.articles]
    )
    allowed = LATIN_ALLOWED | set(re.findall(r"[A-Za-z]+", data))
    english = {word for text in _ui_texts(at) for word in re.findall(r"[A-Za-z]{3,}", text) if word not in allowed}
    assert not english, sorted(english)
    assert "سبتمبر 2023" in at.title[0].value and "بيونغيانغ" in at.title[0].value
    assert "كلمة انتقال" in _card(at)  # how the story was read, in Arabic
