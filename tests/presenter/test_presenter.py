"""The presenter's logic without Streamlit: navigation, autoplay, views, edits, uploads, translations."""

from __future__ import annotations

import datetime as dt
import json
import re
import string

import pytest

from geo.presenter import logic as p
from geo.story.document import Quote, StopDoc, StoryDoc

D = dt.date


def _stop(seq: int, name: str, start: dt.date | None, end: dt.date | None = None, **extra: object) -> StopDoc:
    return StopDoc(
        seq=seq,
        id=f"id-{name}",
        name=name,
        name_ar=extra.pop("name_ar", None),
        lat=extra.pop("lat", 40.0 + seq),
        lon=extra.pop("lon", 125.0 + seq),
        place_type="city",
        date_start=start,
        date_end=end,
        date_certainty="exact" if start else "unknown",
        role=(role := str(extra.pop("role", "visit"))),
        caption=extra.pop("caption", f"{role}: caption {name}"),
        quotes=extra.pop("quotes", []),
    )


@pytest.fixture
def doc() -> StoryDoc:
    quote = Quote(
        article="a.txt",
        text="<b>Pyongyang</b>",
        start=0,
        end=5,
        sentence="Left <b>Pyongyang</b> {{ 7*7 }} on Sunday",
        role="departure",
        why="a movement word",
        url="https://example.org/a",
        source="Agency",
    )
    return StoryDoc(
        title="Trip",
        traveller="Kim",
        stops=[
            _stop(1, "Pyongyang", D(2023, 9, 10), name_ar="بيونغيانغ", role="departure", quotes=[quote]),
            _stop(2, "Vostochny", D(2023, 9, 13)),
            _stop(3, "Khabarovsk", D(2023, 9, 15), D(2023, 9, 16)),
            _stop(4, "Shipyard", None),
        ],
    )


class _Location:
    def __init__(self, name: str, lat: float, lon: float, place_type: str = "city") -> None:
        self.address = f"{name}, RU"
        self.latitude, self.longitude = lat, lon
        self.raw = {"id": f"g-{name}", "name": name, "name_ar": "فلاديفوستوك", "place_type": place_type}


class _Geocoder:
    def geocode(self, query: str, *, exactly_one: bool = True, limit: int | None = None) -> list[_Location]:
        return [_Location("Vladivostok", 43.1, 131.9)] if "vlad" in query.lower() else []


# --------------------------------------------------------------------------- navigation


@pytest.mark.parametrize(
    ("start", "action", "expected"),
    [
        (0, p.nav_next, 1),
        (1, p.nav_next, 2),
        (4, p.nav_next, 4),  # stays on the last stop
        (0, p.nav_prev, 0),  # stays on the title view
        (1, p.nav_prev, 0),
        (3, p.nav_prev, 2),
        (2, lambda n: p.nav_go(n, 9), 4),
        (2, lambda n: p.nav_go(n, -3), 0),
        (2, lambda n: p.nav_go(n, 0), 0),
    ],
)
def test_navigation(start: int, action, expected: int) -> None:  # noqa: ANN001
    assert action(p.Nav(index=start, total=4)).index == expected


@pytest.mark.parametrize(
    ("nav", "now", "delay", "index", "playing"),
    [
        (p.Nav(index=0, total=3, playing=False, last_tick=0), 100, 5, 0, False),  # paused: nothing moves
        (p.Nav(index=0, total=3, playing=True, last_tick=98), 100, 5, 0, True),  # too early
        (p.Nav(index=0, total=3, playing=True, last_tick=95), 100, 5, 1, True),  # a tick
        (p.Nav(index=2, total=3, playing=True, last_tick=90), 100, 5, 3, False),  # last stop: autoplay ends
        (p.Nav(index=3, total=3, playing=True, last_tick=90), 100, 5, 3, False),
    ],
)
def test_autoplay_ticks(nav: p.Nav, now: float, delay: float, index: int, playing: bool) -> None:
    moved = p.autoplay_tick(nav, now, delay)
    assert (moved.index, moved.playing) == (index, playing)
    if moved.index != nav.index:
        assert moved.last_tick == now


def test_toggle_play_starts_stops_and_restarts_from_the_end() -> None:
    nav = p.toggle_play(p.Nav(index=1, total=3), now=10.0)
    assert (nav.playing, nav.index, nav.last_tick) == (True, 1, 10.0)
    assert not p.toggle_play(nav, now=11.0).playing
    assert p.toggle_play(p.Nav(index=3, total=3), now=1.0).index == 0
    assert not p.toggle_play(p.Nav(index=0, total=0), now=1.0).playing  # nothing to play


def test_resize_and_progress_text() -> None:
    nav = p.nav_resize(p.Nav(index=5, total=6, playing=True), 3)
    assert (nav.index, nav.total, nav.playing) == (3, 3, True)
    assert not p.nav_resize(nav, 0).playing
    assert p.progress_text(p.Nav(index=3, total=6)) == "3 / 6"
    assert p.progress_text(p.Nav(index=0, total=6)) == "Title · 6 stops"


# --------------------------------------------------------------------------- views


def test_views_and_card(doc: StoryDoc) -> None:
    overview = p.overview_view(doc)
    assert 41 < overview.center[0] < 44 and 126 < overview.center[1] < 129
    assert 2 <= overview.zoom <= 7
    assert p.stop_view(doc.stops[1]).center == (42.0, 127.0)
    card = p.stop_card(doc, 1, "en")
    assert (card.heading, card.name, card.name_ar, card.date) == (
        "Stop 1 of 4",
        "Pyongyang",
        "بيونغيانغ",
        "10 September 2023",
    )
    assert card.role == "departure" and card.caption == "caption Pyongyang"
    assert card.quotes[0].source == "Agency" and card.quotes[0].url == "https://example.org/a"
    assert p.stop_card(doc, 3, "en").date == "15–16 September 2023"
    assert p.stop_card(doc, 4, "en").date == "date unknown"
    assert p.stop_card(doc, 4, "ar").date == "تاريخ غير معروف"
    assert p.stop_card(doc, 1, "ar").date == "10 سبتمبر 2023"
    with pytest.raises(IndexError):
        p.stop_card(doc, 5)


def test_card_html_escapes_story_text(doc: StoryDoc) -> None:
    text = p.card_html(p.stop_card(doc, 1), "en")
    assert "<b>" not in text and "&lt;b&gt;Pyongyang&lt;/b&gt;" in text
    assert "<mark>&lt;b&gt;Pyongyang&lt;/b&gt;</mark>" in text
    assert "{{ 7*7 }}" in text  # shown as written, never evaluated
    assert 'class="gs-date">10 September 2023<' in text
    assert "<b>" not in p.title_html(doc.model_copy(update={"title": "<b>x</b>"}))


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [
        (((0.0, 0.0), (0.1, 0.1)), 7),  # tiny: capped
        (((-60.0, -170.0), (75.0, 170.0)), 2),  # the world
        (((39.0, 125.0), (52.0, 138.0)), 5),
    ],
)
def test_fit_zoom(bounds, expected: int) -> None:  # noqa: ANN001
    assert p.fit_zoom(bounds, 900, 620) == expected


def test_timeline_and_reading_rows(doc: StoryDoc) -> None:
    items = p.timeline(doc)
    assert [(i.seq, i.position) for i in items] == [(1, 0.0), (2, 0.5), (3, 0.8333)]
    strip = p.timeline_html(items, current=2)
    assert strip.count("gs-dot") == 3 and "gs-now" in strip
    rows = p.reading_rows(doc)
    assert rows[0]["Place"] == "Pyongyang" and rows[0]["Role"] == "departure" and rows[0]["Why"] == "a movement word"
    assert [r["On the route"] for r in rows] == ["stop 1", "stop 2", "stop 3", "stop 4"]
    assert p.reading_rows(doc, "ar")[0]["الدور"] == "انطلاق"


# --------------------------------------------------------------------------- edits


def _rows(doc: StoryDoc) -> list[dict]:
    return p.stop_rows(doc)


def _change(rows: list[dict], index: int, **fields: object) -> list[dict]:
    rows[index] = {**rows[index], **fields}
    return rows


@pytest.mark.parametrize(
    ("edit", "names", "check"),
    [
        (lambda r: _change(r, 1, date_start="2023-09-20"), ["Pyongyang", "Vostochny", "Khabarovsk", "Shipyard"],
         lambda d: d.stops[1].date_start == D(2023, 9, 20)),
        (lambda r: _change(r, 3, date_start=D(2023, 9, 17), date_certainty="unknown"), None,
         lambda d: d.stops[3].date_start == D(2023, 9, 17) and d.stops[3].date_certainty == "exact"),
        (lambda r: _change(r, 2, date_start=None, date_end=None), None,
         lambda d: d.stops[2].date_start is None and d.stops[2].date_certainty == "unknown"),
        (lambda r: _change(r, 0, order=10), ["Vostochny", "Khabarovsk", "Shipyard", "Pyongyang"],
         lambda d: d.stops[3].quotes and d.stops[3].seq == 4),
        (lambda r: r[:1] + r[2:], ["Pyongyang", "Khabarovsk", "Shipyard"],
         lambda d: [s.seq for s in d.stops] == [1, 2, 3]),
        (lambda r: [*r, {"name": "Vladivostok", "order": None}],
         ["Pyongyang", "Vostochny", "Khabarovsk", "Shipyard", "Vladivostok"],
         lambda d: d.stops[4].lat == 43.1 and d.stops[4].name_ar == "فلاديفوستوك"),
        (lambda r: [*r, {"name": "Here", "lat": 10, "lon": 20, "date_start": "2023-09-18"}], None,
         lambda d: (d.stops[4].lat, d.stops[4].date_certainty) == (10.0, "exact")),
        (lambda r: _change(r, 0, caption="Left by train"), None, lambda d: d.stops[0].caption == "Left by train"),
    ],
)  # fmt: skip
def test_apply_rows(doc: StoryDoc, edit, names, check) -> None:  # noqa: ANN001
    edited = p.apply_rows(doc, edit(_rows(doc)), geocode=lambda name: (p.search_places(_Geocoder(), name) or [None])[0])
    if names is not None:
        assert [s.name for s in edited.stops] == names
    assert check(edited)
    assert [s.seq for s in edited.stops] == list(range(1, len(edited.stops) + 1))
    assert doc.stops[1].date_start == D(2023, 9, 13)  # the original is unchanged


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda r: _change(r, 1, date_start="13/09/2023"), "not a date"),
        (lambda r: _change(r, 1, date_start="2023-02-30"), "not a date"),
        (lambda r: _change(r, 2, date_start="2023-09-16", date_end="2023-09-15"), "before date_start"),
        (lambda r: _change(r, 2, date_start=None, date_end="2023-09-15"), "date_end without date_start"),
        (lambda r: _change(r, 1, lat=123.0), "lat"),
        (lambda r: _change(r, 1, date_certainty="sure"), "certainty"),
        (lambda r: [*r, {"name": "Atlantis"}], "needs a place"),
    ],
)
def test_invalid_edits_are_rejected(doc: StoryDoc, edit, message: str) -> None:  # noqa: ANN001
    with pytest.raises(p.EditError, match=message):
        p.apply_rows(doc, edit(_rows(doc)), geocode=lambda name: None)


def test_single_edits(doc: StoryDoc) -> None:
    edited = p.edit_stop(doc, 2, date_start=D(2023, 9, 14), date_end=None, caption="Rocket site")
    assert (edited.stops[1].date_start, edited.stops[1].caption) == (D(2023, 9, 14), "Rocket site")
    with pytest.raises(p.EditError, match="before"):
        p.edit_stop(doc, 2, date_start=D(2023, 9, 14), date_end=D(2023, 9, 1))
    with pytest.raises(p.EditError, match="no stop 9"):
        p.edit_stop(doc, 9, date_start=None)
    choice = p.search_places(_Geocoder(), "Vladivostok")[0]
    moved = p.move_stop(doc, 2, choice)
    assert (moved.stops[1].name, moved.stops[1].lat, moved.stops[1].date_start) == ("Vladivostok", 43.1, D(2023, 9, 13))
    added = p.add_stop(doc, choice, after=1)
    assert [s.name for s in added.stops][:3] == ["Pyongyang", "Vladivostok", "Vostochny"]
    assert [s.name for s in p.remove_stop(doc, 1).stops] == ["Vostochny", "Khabarovsk", "Shipyard"]
    assert p.search_places(_Geocoder(), "  ") == []


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.pdf", b"text", "not an article file"),
        ("a.txt", b"", "empty"),
        ("a.txt", b"   \n", "empty"),
        ("a.txt", b"\x00\x01\x02\x03\xff\xfe\x00\x00" * 50, "binary|not UTF-8|not valid"),
        ("a.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary|not UTF-8|not valid"),
        ("a.md", b"x" * 2001, "over the limit"),
    ],
)
def test_bad_uploads(name: str, data: bytes, message: str) -> None:
    with pytest.raises(p.UploadError, match=message):
        p.check_upload(name, data, max_bytes=2000)


def test_good_uploads_are_read_like_files() -> None:
    assert p.check_upload("a.txt", "زار الرئيس موسكو".encode("cp1256")) == "زار الرئيس موسكو"
    articles = p.read_uploads([("../../etc/a.txt", "زار الرئيس موسكو".encode())], "Pasted text about Kazan.")
    assert [a.name for a in articles] == ["a.txt", "pasted.txt"]
    with pytest.raises(p.UploadError, match="no article"):
        p.read_uploads([], "  ")
    assert p.MAX_UPLOAD_BYTES == 5_000_000


def test_story_json_round_trip_and_errors(doc: StoryDoc) -> None:
    data = p.story_bytes(doc)
    assert p.story_from_bytes(data) == doc
    assert p.story_hash(p.story_from_bytes(data)) == p.story_hash(doc)
    for bad, message in [
        (b"not json", "cannot read"),
        (b"", "empty"),
        (json.dumps({"schema": "geostory/story", "version": 1, "stops": [{"seq": 2}]}).encode(), "not a valid story"),
        (b"\xff\xfe\x00", "cannot read"),
    ]:
        with pytest.raises(p.UploadError, match=message):
            p.story_from_bytes(bad)


def test_exports_are_listed_and_made(doc: StoryDoc) -> None:
    files = {f.file_name: f for f in p.export_files(doc)}
    assert set(files) == {"story.html", "story.geojson", "story.gpkg", "story.kml", "storymap.json", "stops.csv"}
    assert json.loads(files["story.geojson"].make())["type"] == "FeatureCollection"
    assert files["stops.csv"].make().startswith(b"seq")
    assert files["story.gpkg"].make()[:16] == b"SQLite format 3\x00"
    assert all(f.label in p.STRINGS["en"] for f in files.values())


# --------------------------------------------------------------------------- translations


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_translations_are_complete() -> None:
    assert set(p.STRINGS) == set(p.LANGUAGES) == {"en", "ar"}
    assert set(p.STRINGS["en"]) == set(p.STRINGS["ar"])
    arabic = re.compile("[\u0600-\u06ff]")
    for key, english in p.STRINGS["en"].items():
        arabic_text = p.STRINGS["ar"][key]
        assert english.strip() and arabic_text.strip(), key
        assert _fields(english) == _fields(arabic_text), key
        if arabic.search(english) is None and key not in {"progress", "kind_context", "dl_geojson", "dl_gpkg",
                                                         "dl_storymap"}:  # fmt: skip
            assert arabic.search(arabic_text), f"{key} is not translated"
    assert p.tr("ar", "stop_of", seq=2, total=6) == "المحطة 2 من 6"
    assert p.tr("xx", "next") == p.tr("en", "next")
    assert p.is_rtl("ar") and not p.is_rtl("en") and "rtl" in p.rtl_css()
    assert p.role_text("government", "ar") == "ذُكر للدلالة على حكومته" and p.role_text("odd") == "odd"


def test_map_for_app_loads_nothing_from_the_network(doc: StoryDoc) -> None:
    m = p.map_for_app(doc)
    links = [
        url for element in p._walk(m) for attr in ("default_js", "default_css") for _, url in getattr(element, attr, [])
    ]
    assert links and all(url.startswith("data:") for url in links)
    layer = p.progress_layer(doc, 3)
    assert len(layer._children) == 3  # two legs travelled and the ring on the current stop
    assert len(p.progress_layer(doc, 0)._children) == 0
