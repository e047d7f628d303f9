"""Navigation without Streamlit: the stop index, the buttons and keys, autoplay."""

from __future__ import annotations

import pytest

from geo.presenter.navigation import (
    Nav,
    NavAction,
    autoplay_tick,
    nav_go,
    nav_next,
    nav_press,
    nav_prev,
    nav_resize,
    progress_text,
    toggle_play,
)


@pytest.mark.parametrize(
    ("start", "action", "expected"),
    [
        (0, nav_next, 1),
        (1, nav_next, 2),
        (4, nav_next, 4),  # stays on the last stop
        (0, nav_prev, 0),  # stays on the title view
        (1, nav_prev, 0),
        (3, nav_prev, 2),
        (2, lambda n: nav_go(n, 9), 4),
        (2, lambda n: nav_go(n, -3), 0),
        (2, lambda n: nav_go(n, 0), 0),
    ],
)
def test_navigation(start: int, action, expected: int) -> None:  # noqa: ANN001
    assert action(Nav(index=start, total=4)).index == expected


@pytest.mark.parametrize(
    ("nav", "now", "delay", "index", "playing"),
    [
        (Nav(index=0, total=3, playing=False, last_tick=0), 100, 5, 0, False),  # paused: nothing moves
        (Nav(index=0, total=3, playing=True, last_tick=98), 100, 5, 0, True),  # too early
        (Nav(index=0, total=3, playing=True, last_tick=95), 100, 5, 1, True),  # a tick
        (Nav(index=2, total=3, playing=True, last_tick=90), 100, 5, 3, False),  # last stop: autoplay ends
        (Nav(index=3, total=3, playing=True, last_tick=90), 100, 5, 3, False),
    ],
)
def test_autoplay_ticks(nav: Nav, now: float, delay: float, index: int, playing: bool) -> None:
    moved = autoplay_tick(nav, now=now, delay=delay)
    assert (moved.index, moved.playing) == (index, playing)
    if moved.index != nav.index:
        assert moved.last_tick == now


def test_toggle_play_starts_stops_and_restarts_from_the_end() -> None:
    nav = toggle_play(Nav(index=1, total=3), now=10.0)
    assert (nav.playing, nav.index, nav.last_tick) == (True, 1, 10.0)
    assert not toggle_play(nav, now=11.0).playing
    assert toggle_play(Nav(index=3, total=3), now=1.0).index == 0
    assert not toggle_play(Nav(index=0, total=0), now=1.0).playing  # nothing to play


@pytest.mark.parametrize(
    ("action", "index", "expected"),
    [
        (NavAction.NEXT, 0, Nav(index=3, total=4, playing=False, last_tick=5.0)),
        (NavAction.PREV, 0, Nav(index=1, total=4, playing=False, last_tick=5.0)),
        (NavAction.GO, 0, Nav(index=0, total=4, playing=False, last_tick=5.0)),
        (NavAction.GO, 4, Nav(index=4, total=4, playing=False, last_tick=5.0)),
        ("next", 0, Nav(index=3, total=4, playing=False, last_tick=5.0)),  # as a plain string too
        (NavAction.PLAY, 0, Nav(index=2, total=4, playing=False, last_tick=5.0)),  # Play toggles autoplay off
    ],
)
def test_a_press_moves_and_stops_autoplay_unless_it_is_play(action: NavAction, index: int, expected: Nav) -> None:
    playing = Nav(index=2, total=4, playing=True, last_tick=5.0)
    assert nav_press(playing, action, index=index, now=9.0) == expected
    assert nav_press(Nav(index=2, total=4), NavAction.PLAY, now=9.0) == Nav(2, 4, playing=True, last_tick=9.0)
    with pytest.raises(ValueError):
        nav_press(playing, "jump")


def test_resize_and_progress_text() -> None:
    nav = nav_resize(Nav(index=5, total=6, playing=True), 3)
    assert (nav.index, nav.total, nav.playing) == (3, 3, True)
    assert not nav_resize(nav, 0).playing
    assert progress_text(Nav(index=3, total=6)) == "3 / 6"
    assert progress_text(Nav(index=0, total=6)) == "Title · 6 stops"
    assert progress_text(Nav(index=0, total=6), lang="ar") == "العنوان · 6 محطات"
