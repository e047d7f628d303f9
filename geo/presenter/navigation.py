"""Where the presenter is in the story: the stop index, the buttons and keys, and autoplay.

:class:`Nav` is a small immutable state: index 0 is the title view (the whole
route), indexes ``1..total`` are the stops. :func:`nav_next`, :func:`nav_prev`,
:func:`nav_go`, :func:`toggle_play` and :func:`autoplay_tick` each return a new
state; :func:`nav_press` is what a button or key (:class:`NavAction`) does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from geo.presenter.translations import tr

__all__ = [
    "Nav",
    "NavAction",
    "autoplay_tick",
    "nav_go",
    "nav_next",
    "nav_prev",
    "nav_press",
    "nav_resize",
    "progress_text",
    "toggle_play",
]


@dataclass(frozen=True, slots=True)
class Nav:
    """Where the presenter is: ``index`` 0 is the title view, ``1..total`` the stops.

    ``playing`` is autoplay; ``last_tick`` the time (seconds) of the last
    autoplay step or of pressing Play.
    """

    index: int = 0
    total: int = 0
    playing: bool = False
    last_tick: float = 0.0


class NavAction(StrEnum):
    """What a navigation button, timeline dot or key asks for."""

    NEXT = "next"
    PREV = "prev"
    GO = "go"
    PLAY = "play"


def nav_go(nav: Nav, index: int) -> Nav:
    """Go to ``index``, clamped to ``0..total``."""
    return replace(nav, index=max(0, min(int(index), nav.total)))


def nav_next(nav: Nav) -> Nav:
    """The next stop (stays on the last one)."""
    return nav_go(nav, nav.index + 1)


def nav_prev(nav: Nav) -> Nav:
    """The previous stop, or the title view from stop 1 (stays on the title view)."""
    return nav_go(nav, nav.index - 1)


def nav_resize(nav: Nav, total: int) -> Nav:
    """The state for a story of ``total`` stops (after an edit): index clamped, autoplay off when empty."""
    total = max(0, int(total))
    return Nav(index=min(nav.index, total), total=total, playing=nav.playing and total > 0, last_tick=nav.last_tick)


def toggle_play(nav: Nav, *, now: float) -> Nav:
    """Start or stop autoplay; starting on the last stop starts again from the title view."""
    if nav.playing:
        return replace(nav, playing=False)
    if nav.total == 0:
        return nav
    index = 0 if nav.index >= nav.total else nav.index
    return replace(nav, index=index, playing=True, last_tick=now)


def nav_press(nav: Nav, action: NavAction, *, index: int = 0, now: float = 0.0) -> Nav:
    """What pressing a button or key does: Play toggles autoplay; moving by hand stops it.

    Parameters
    ----------
    nav:
        The state before the press.
    action:
        :attr:`NavAction.GO` goes to ``index``; the others need no index.
    index:
        The stop (or 0, the title view) that :attr:`NavAction.GO` goes to.
    now:
        The time of the press (seconds), for :func:`toggle_play`.
    """
    action = NavAction(action)
    if action is NavAction.PLAY:
        return toggle_play(nav, now=now)
    if action is NavAction.NEXT:
        moved = nav_next(nav)
    elif action is NavAction.PREV:
        moved = nav_prev(nav)
    else:
        moved = nav_go(nav, index)
    return replace(moved, playing=False)


def autoplay_tick(nav: Nav, *, now: float, delay: float) -> Nav:
    """One autoplay step: the next stop once ``delay`` seconds have passed since the last step.

    Autoplay stops on the last stop. The state is returned unchanged when not
    playing or when the delay has not yet passed.
    """
    if not nav.playing:
        return nav
    if nav.index >= nav.total:
        return replace(nav, playing=False)
    if now - nav.last_tick < delay:
        return nav
    index = nav.index + 1
    return replace(nav, index=index, playing=index < nav.total, last_tick=now)


def progress_text(nav: Nav, *, lang: str = "en") -> str:
    """``"3 / 6"`` on a stop, the title-view label on index 0."""
    if nav.index == 0:
        return tr(lang, "progress_title", total=nav.total)
    return tr(lang, "progress", index=nav.index, total=nav.total)
