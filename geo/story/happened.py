"""What happened at a stop: the sentence that shows the traveller there, a headline, and where it was read.

:func:`presence_evidence` picks, among a stop's mention roles, the one whose
sentence puts the traveller at the place in the stop's role (an arrival, a
visit, a departure, a plan), dated in the stop's range when one is; a mention
that only uses the place for its government, a dateline, a past event or a
passing mention never leads (those roles are not stops). :func:`event_headline`
tells the event in a few words from the role and the place ("Arrives in
Tunis", «يصل إلى تونس»), and :func:`source_label` names an
article by outlet, title and date, never by its file name.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from geo.model import MentionRole, Role, Stop
from geo.places.lexicon import Movement, load_lexicon
from geo.text.folding import fold_text, tokens

__all__ = [
    "HEADLINE_LANGUAGES",
    "event_headline",
    "presence_evidence",
    "source_label",
    "story_language",
    "tells_arrival",
]

#: The headline of each stop role, per language: ``{place}`` is the place's name in that language.
_HEADLINES: dict[str, dict[str, str]] = {
    "en": {
        Movement.ARRIVAL: "Arrives in {place}",
        Role.VISIT: "Visits {place}",
        Role.DEPARTURE: "Leaves {place}",
        Role.PLAN: "Expected in {place}",
        Role.RELATED_REPORT: "Related report: {place}",
    },
    "fr": {
        Movement.ARRIVAL: "Arrive à {place}",
        Role.VISIT: "Visite {place}",
        Role.DEPARTURE: "Quitte {place}",
        Role.PLAN: "Attendu à {place}",
        Role.RELATED_REPORT: "Reportage lié : {place}",
    },
    "ar": {
        Movement.ARRIVAL: "يصل إلى {place}",
        Role.VISIT: "يزور {place}",
        Role.DEPARTURE: "يغادر {place}",
        Role.PLAN: "يُنتظر في {place}",
        Role.RELATED_REPORT: "تقرير ذو صلة: {place}",
    },
}
#: The languages a headline is written in.
HEADLINE_LANGUAGES: tuple[str, ...] = tuple(_HEADLINES)


def event_headline(role: Role, place: str, *, lang: str = "en", arrival: bool = False) -> str:
    """The event of a stop in a few words: "Visits Paris", «يغادر جدة», "Arrive à Rome".

    Parameters
    ----------
    role:
        The stop's role (a context role reads as a visit: the traveller is there).
    place:
        The place's name in ``lang``.
    lang:
        ``"en"``, ``"fr"`` or ``"ar"`` (any other: English).
    arrival:
        True when the evidence sentence tells an arrival (a visit that starts with one).
    """
    table = _HEADLINES.get(lang, _HEADLINES["en"])
    key: str = Movement.ARRIVAL if arrival and role == Role.VISIT else role
    return table.get(key, table[Role.VISIT]).format(place=place)


def story_language(languages: Iterable[str]) -> str:
    """The language a story is told in: the one most of its articles are written in, among those headlines
    are written in (the first article's on a tie); English when none is."""
    counts = Counter(lang for lang in languages if lang in _HEADLINES)
    if not counts:
        return "en"
    best = max(counts.values())
    return next(lang for lang in counts if counts[lang] == best)


def tells_arrival(sentence: str, mention: str) -> bool:
    """True when an arrival word («وصل», "arrived", "atterri") stands before the place in its sentence."""
    at = sentence.find(mention) if mention else -1
    lexicon = load_lexicon()
    for word in tokens(fold_text(sentence[: at if at >= 0 else len(sentence)])):
        kind = lexicon.movement_kind(word.text)
        if kind is not None and kind[0] == Movement.ARRIVAL and not kind[1]:
            return True
    return False


def presence_evidence(stop: Stop) -> MentionRole | None:
    """The mention role whose sentence shows the traveller at the stop, or ``None`` when none does.

    Preferred in order: a stop role (never a dateline, government, past or
    passing mention), the stop's own role, dated within the stop's dates, an
    article of its own rather than a "read also" block (``FILE#N``), then the
    first in corpus order.
    """
    present = [r for r in stop.evidence if r.stop and r.role in Role.stops()]
    if not present:
        return None

    def rank(item: tuple[int, MentionRole]) -> tuple[bool, bool, bool, int]:
        index, role = item
        return (role.role == stop.role, _within(role, stop), "#" not in role.resolution.mention.article, -index)

    return max(enumerate(present), key=rank)[1]


def _within(role: MentionRole, stop: Stop) -> bool:
    """True when the mention is dated and its date falls in the stop's range."""
    if role.first is None or stop.date_start is None:
        return False
    return stop.date_start <= role.first <= (stop.date_end or stop.date_start)


def source_label(
    *,
    index: int,
    source: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
) -> str:
    """An article named for a reader: "Outlet · Title · 2024-05-01" (never its file name).

    Without an outlet, the url's host stands for it; without either, "article N" (``index`` is 0-based).
    """
    outlet = source or (urlsplit(url).hostname if url else None) or f"article {index + 1}"
    parts = [outlet.removeprefix("www.")]
    if title:
        parts.append(title)
    if published is not None:
        parts.append(published.isoformat())
    return " · ".join(parts)
