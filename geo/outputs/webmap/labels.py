"""The words a reader of the map sees for a stop, an article and the journey: roles, certainty, labels,
in the page's language (:mod:`~geo.outputs.words`)."""

from __future__ import annotations

from geo.dates.wording import date_range_text
from geo.model import Certainty, Role
from geo.outputs.words import word
from geo.story.document import ArticleDoc, StopDoc, date_bounds
from geo.story.happened import source_label

__all__ = [
    "role_text",
    "certainty_text",
    "stop_label",
    "caption_text",
    "article_label",
    "journey_span",
    "count_text",
]


def role_text(role: Role, *, lang: str = "en") -> str:
    """What a role means, in words (``plan`` → ``plan (announced)``)."""
    return word(lang, f"role_{role}")


def certainty_text(stop: StopDoc, *, lang: str = "en") -> str:
    """How sure the stop's date is, in words (or why it has none)."""
    if stop.date_start is None:
        return word(lang, "cert_none")
    if stop.date_certainty in (Certainty.EXACT, Certainty.APPROXIMATE):
        return word(lang, f"cert_{stop.date_certainty}")
    return word(lang, "cert_other")


def count_text(count: int, *, what: str, lang: str = "en") -> str:
    """``3 stops``, «3 محطات», ``1 article`` (``what``: ``stop`` or ``article``)."""
    return word(lang, f"{what}_count") if count == 1 else word(lang, f"{what}s_count", count=count)


def stop_label(stop: StopDoc, total: int, *, lang: str = "en") -> str:
    """``Stop 2 of 6: Aleppo, 2–3 May 2024``: what a screen reader says of a stop."""
    name = (stop.name_ar or stop.name) if lang == "ar" else stop.name
    date = date_range_text(stop.date_start, stop.date_end, lang=lang, unknown=word(lang, "date_unknown"))
    return word(lang, "stop_label", seq=stop.seq, total=total, name=name, date=date)


def caption_text(stop: StopDoc) -> str:
    """The stop's caption without its leading ``role:`` (the popup shows the role already)."""
    prefix = f"{stop.role}: "
    return stop.caption[len(prefix) :] if stop.caption.startswith(prefix) else stop.caption


def article_label(article: ArticleDoc | None, index: int) -> str:
    """An article's title, else its outlet, else its url's host, else "article N" as the captions name it
    (``index`` 0-based; never a file name)."""
    if article is None:
        return source_label(index=index)
    return article.title or source_label(index=index, source=article.source, url=article.url)


def journey_span(stops: list[StopDoc], *, lang: str = "en") -> str:
    """The journey's first to last day in words, or ``undated``."""
    bounds = date_bounds(stops)
    return date_range_text(*bounds, lang=lang) if bounds else word(lang, "dates_unknown")
