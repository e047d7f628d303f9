"""The words a reader of the map sees for a stop, an article and the journey: roles, certainty, labels."""

from __future__ import annotations

from geo.dates.wording import date_range_text
from geo.model import Certainty, Role
from geo.story.document import ArticleDoc, StopDoc, date_bounds
from geo.story.happened import source_label

__all__ = ["role_text", "certainty_text", "stop_label", "caption_text", "article_label", "journey_span"]

#: Every role in words.
_ROLE_TEXT: dict[Role, str] = {
    Role.DEPARTURE: "departure",
    Role.VISIT: "visit",
    Role.PLAN: "plan (announced)",
    Role.DATELINE: "dateline: where an article was filed",
    Role.GOVERNMENT: "named for its government",
    Role.HISTORICAL: "an earlier visit or event",
    Role.RELATED_REPORT: "site of a related report",
    Role.MENTIONED: "mentioned",
    Role.COUNTRY: "country",
    Role.REGION: "region",
    Role.WATER: "water",
}
_CERTAINTY_TEXT: dict[Certainty, str] = {
    Certainty.EXACT: "exact date",
    Certainty.APPROXIMATE: "approximate date",
}


def role_text(role: Role) -> str:
    """What a role means, in words (``plan`` → ``plan (announced)``)."""
    return _ROLE_TEXT[role]


def certainty_text(stop: StopDoc) -> str:
    """How sure the stop's date is, in words (or why it has none)."""
    if stop.date_start is None:
        return "not dated by the articles; placed by the order of the story"
    return _CERTAINTY_TEXT.get(stop.date_certainty, "uncertain date")


def stop_label(stop: StopDoc, total: int) -> str:
    """``Stop 2 of 6: Aleppo, 2–3 May 2024``: what a screen reader says of a stop."""
    return f"Stop {stop.seq} of {total}: {stop.name}, {date_range_text(stop.date_start, stop.date_end)}"


def caption_text(stop: StopDoc) -> str:
    """The stop's caption without its leading ``role:`` (the popup shows the role already)."""
    prefix = f"{stop.role}: "
    return stop.caption[len(prefix) :] if stop.caption.startswith(prefix) else stop.caption


def article_label(article: ArticleDoc | None, name: str) -> str:
    """An article's title, else its outlet, else its url's host, else "article" (never a file name)."""
    if article is None:
        return "article"
    label = source_label(index=0, source=article.source, url=article.url)
    return article.title or label.replace("article 1", "article")


def journey_span(stops: list[StopDoc]) -> str:
    """The journey's first to last day in words, or ``undated``."""
    bounds = date_bounds(stops)
    return date_range_text(*bounds) if bounds else "undated"
