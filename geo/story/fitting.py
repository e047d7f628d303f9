"""Fitting the story stage's numbers on story-labelled articles, with cross-validation that leaves whole journeys out.

Labelled data is a folder in the development set's layout: ``gold.json`` (a list, one object an
article: ``file``, ``trip``, ``language``, ``stops`` with ``lat``, ``lon``, ``tolerance_km`` and
``date`` — a day, an inclusive ``[first, last]`` or ``null``) and ``texts/`` (the article files).

Every article is read **once** up to its resolutions (:meth:`~geo.pipeline.Pipeline.process`);
for each candidate setting only the story stage runs again (publication date, dates, traveller,
roles, stops), on each article alone, exactly as ``geo build`` runs it on a folder of one article.
A story is scored like the team's scorer: a gold stop is found by the nearest system stop within
its tolerance (each stop used once), the stop's date is right when it is the gold day, lies within
the gold range, or is not claimed exact when the gold has none. Counts add up over articles into
recall, precision and dated-right; the **objective** is the mean of F1(stops) and dated-right.

The search is coordinate descent over a list of knobs (:data:`STORY_KNOBS`, dotted settings
names): each knob in turn tries the values of a small grid around its current value
(:func:`knob_grid`) and keeps one only when it raises the objective by more than
:data:`MIN_GAIN`, ties keeping the value it had; a few passes, in a fixed order, so the search is
deterministic. :func:`cross_validate` fits on all journeys but one fold's and scores the held-out
fold, by language, for the starting and the fitted settings, then fits the final values on every
journey. ``python -m geo fit-story DIR … --out FILE`` runs it and writes the settings with their
provenance (:func:`fitted_story_settings`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import InputError
from geo.model import Article, Certainty, Story
from geo.settings import Settings

__all__ = [
    "MIN_GAIN",
    "STORY_KNOBS",
    "GoldStop",
    "LabelledArticle",
    "ReadArticle",
    "StoryFitReport",
    "StoryScorer",
    "Tally",
    "cross_validate",
    "evaluate",
    "fitted_story_settings",
    "journey_folds",
    "knob_grid",
    "read_story_set",
    "save_fitted",
    "read_once",
    "score_story",
    "search",
    "with_value",
]

#: The numbers that decide roles, stops and their dates, searched in this order.
STORY_KNOBS: tuple[str, ...] = (
    "roles.historical_days",
    "roles.movement_window",
    "roles.place_window",
    "roles.lead_span_days",
    "roles.origin_window",
    "roles.anchor_window",
    "roles.announced_window",
    "roles.since_window",
    "roles.onward_window",
    "roles.dateline_after_chars",
    "roles.dateline_before_chars",
    "timeline.merge_km",
    "timeline.window_span_days",
    "timeline.fold_km",
    "timeline.stay_days",
    "timeline.airport_km",
    "timeline.same_town_km",
    "dates.near_days",
    "dates.grace_days",
    "dates.weekday_slack_days",
    "dates.coordinated_future_words",
    "traveller.mover_weight",
    "traveller.max_skip_words",
)
#: A new value must raise the objective by more than this to replace the current one: ties keep it, and so
#: does a gain below one stop in a thousand gold stops (noise, on sets of about a hundred).
MIN_GAIN = 0.001
_DEFAULT_TOLERANCE_KM = 25.0
#: Up to this, an integer knob (a window in words, a span in days) moves by ones and twos; above, by shares.
_SMALL_INT = 10


@dataclass(frozen=True, slots=True)
class GoldStop:
    """A stop of the gold: its point, how far a system stop may lie, its day or range (``None``: unknown)."""

    lat: float
    lon: float
    tolerance_km: float
    date: tuple[dt.date, dt.date] | None


@dataclass(frozen=True, slots=True)
class LabelledArticle:
    """One labelled article: its file, journey, language and gold stops."""

    path: Path
    trip: str
    language: str
    stops: tuple[GoldStop, ...]


@dataclass(frozen=True, slots=True)
class ReadArticle:
    """A labelled article read up to its resolutions (the part no story knob changes)."""

    labelled: LabelledArticle
    articles: tuple[Article, ...]
    results: tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts of a scored set: gold stops found, gold stops, system stops, found stops dated right."""

    found: int = 0
    gold: int = 0
    system: int = 0
    dated: int = 0

    def plus(self, other: Tally) -> Tally:
        return Tally(self.found + other.found, self.gold + other.gold, self.system + other.system,
                     self.dated + other.dated)  # fmt: skip

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.found / self.system if self.system else 0.0

    @property
    def dated_right(self) -> float:
        return self.dated / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def objective(self) -> float:
        """The mean of F1(stops) and dated-right: finding the right stops and giving them the right day."""
        return (self.f1 + self.dated_right) / 2

    def line(self) -> str:
        return f"R {self.recall:.2f} P {self.precision:.2f} D {self.dated_right:.2f} ({self.gold} stops)"


@dataclass(frozen=True, slots=True)
class StoryFitReport:
    """What a fit found: the fitted settings, the held-out tallies before and after by language, the changes."""

    fitted: Settings
    before: dict[str, Tally] = field(default_factory=dict)
    after: dict[str, Tally] = field(default_factory=dict)
    changed: dict[str, tuple[object, object]] = field(default_factory=dict)
    articles: int = 0
    journeys: int = 0
    folds: int = 0

    def total(self, which: dict[str, Tally]) -> Tally:
        out = Tally()
        for tally in which.values():
            out = out.plus(tally)
        return out

    def summary(self) -> str:
        """One part a language and one for all: held-out recall, precision, dated-right before -> after."""
        parts = [f"{lang}: {self.before[lang].line()} -> {self.after[lang].line()}" for lang in sorted(self.after)]
        parts.append(f"all: {self.total(self.before).line()} -> {self.total(self.after).line()}")
        return "; ".join(parts)

    @property
    def wins(self) -> bool:
        """The fitted settings beat the starting ones held out (the objective over every language)."""
        return self.total(self.after).objective > self.total(self.before).objective


def _day(value: object, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(f"{where}: {value!r} is not a day YYYY-MM-DD") from exc


def _gold_stop(stop: object, where: str) -> GoldStop:
    if not isinstance(stop, dict) or not all(isinstance(stop.get(k), int | float) for k in ("lat", "lon")):
        raise InputError(f"{where}: a stop needs numbers 'lat' and 'lon'")
    date = stop.get("date")
    if date is None:
        span = None
    elif isinstance(date, list) and len(date) == 2:
        span = (_day(date[0], where), _day(date[1], where))
    else:
        span = (_day(date, where), _day(date, where))
    tolerance = stop.get("tolerance_km", _DEFAULT_TOLERANCE_KM)
    if not isinstance(tolerance, int | float) or not tolerance > 0:
        raise InputError(f"{where}: tolerance_km must be a positive number")
    return GoldStop(float(stop["lat"]), float(stop["lon"]), float(tolerance), span)


def read_story_set(folders: Sequence[Path]) -> list[LabelledArticle]:
    """The labelled articles of folders holding ``gold.json`` and ``texts/``.

    Raises
    ------
    InputError
        When a folder lacks them, ``gold.json`` is not a list of articles, or a text is missing.
    """
    labelled: list[LabelledArticle] = []
    for folder in folders:
        folder = Path(folder)
        gold_path, texts = folder / "gold.json", folder / "texts"
        if not gold_path.is_file() or not texts.is_dir():
            raise InputError(f"{folder}: a story-labelled folder needs gold.json and texts/")
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeError, json.JSONDecodeError, RecursionError) as exc:
            raise InputError(f"cannot read {gold_path}: {exc}") from exc
        if not isinstance(gold, list):
            raise InputError(f"{gold_path}: must be a list, one object an article")
        for number, item in enumerate(gold):
            where = f"{gold_path}[{number}]"
            if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("file", "trip")):
                raise InputError(f"{where}: an article needs 'file', 'trip' and a list 'stops'")
            if not isinstance(item.get("stops"), list):
                raise InputError(f"{where}: an article needs 'file', 'trip' and a list 'stops'")
            path = texts / item["file"]
            if not path.is_file():
                raise InputError(f"{where}: no text {path}")
            stops = tuple(_gold_stop(s, where) for s in item["stops"])
            labelled.append(LabelledArticle(path, item["trip"], str(item.get("language") or "ar"), stops))
    return labelled


def read_once(labelled: Sequence[LabelledArticle], pipeline: object) -> list[ReadArticle]:
    """Each article read and resolved once by ``pipeline`` (a :class:`~geo.pipeline.Pipeline`)."""
    from geo.pipeline import read_articles

    settings = pipeline.settings
    read: list[ReadArticle] = []
    for item in labelled:
        articles = tuple(read_articles(item.path, settings=settings.text, limits=settings.limits))
        read.append(ReadArticle(item, articles, tuple(pipeline.process(a) for a in articles)))
    return read


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def _date_right(gold: tuple[dt.date, dt.date] | None, start: dt.date | None, end: dt.date | None,
                certainty: Certainty) -> bool:  # fmt: skip
    if gold is None:
        return start is None or certainty != Certainty.EXACT
    if start is None:
        return False
    return gold[0] <= start <= (end or start) <= gold[1]


def score_story(story: Story, gold: Sequence[GoldStop]) -> Tally:
    """A story's stops against the gold: nearest pairs within tolerance first, each stop used once."""
    stops = story.stops
    pairs = sorted(
        (d, g, s)
        for g, stop in enumerate(gold)
        for s, mine in enumerate(stops)
        if (d := _haversine_km(stop.lat, stop.lon, round(mine.place.lat, 6), round(mine.place.lon, 6)))
        <= stop.tolerance_km
    )
    used_gold: set[int] = set()
    used_stop: set[int] = set()
    dated = 0
    for _, g, s in pairs:
        if g in used_gold or s in used_stop:
            continue
        used_gold.add(g)
        used_stop.add(s)
        mine = stops[s]
        dated += _date_right(gold[g].date, mine.date_start, mine.date_end, mine.certainty)
    return Tally(found=len(used_gold), gold=len(gold), system=len(stops), dated=dated)


#: The story stage's steps that depend only on their inputs and the dates' and traveller's settings: kept per
#: input while knobs of later steps are tried (the story stage runs unchanged, through ``Pipeline.run``).
_MEMOIZED = ("publication_date", "find_dates", "find_traveller")


def _frozen(value: object) -> object:
    """A hashable key part: articles by identity, lists as tuples, settings sections by value."""
    if isinstance(value, Article):
        return ("article", id(value))
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    try:
        hash(value)
    except TypeError:
        return ("id", id(value))
    return value


class StoryScorer:
    """The story stage of one pipeline on read articles, each article's tally kept per settings tried."""

    def __init__(self, pipeline: object) -> None:
        self.pipeline = pipeline
        self.memo: dict[tuple[str, Settings], Tally] = {}
        self.steps: dict[tuple, object] = {}

    def tally(self, item: ReadArticle, settings: Settings) -> Tally:
        key = (str(item.labelled.path), settings.model_copy(update={"source": ""}))
        if key not in self.memo:
            self.memo[key] = score_story(self._story(item, settings), item.labelled.stops)
        return self.memo[key]

    def _step(self, name: str, function: Callable) -> Callable:
        def remembered(*args: object, **kwargs: object) -> object:
            key = (name, _frozen(args), _frozen(sorted(kwargs.items())))
            if key not in self.steps:
                self.steps[key] = function(*args, **kwargs)
            return self.steps[key]

        return remembered

    def _story(self, item: ReadArticle, settings: Settings) -> Story:
        import geo.pipeline as flow

        cached = dict(zip((id(a) for a in item.articles), item.results, strict=True))
        pipeline = self.pipeline
        pipeline.settings = settings
        originals = {name: getattr(flow, name) for name in _MEMOIZED}
        pipeline.process = lambda article: cached[id(article)]
        try:
            for name, function in originals.items():
                setattr(flow, name, self._step(name, function))
            story, _ = pipeline.run(list(item.articles))
        finally:
            del pipeline.process
            for name, function in originals.items():
                setattr(flow, name, function)
        return story


def evaluate(read: Sequence[ReadArticle], settings: Settings, *, scorer: StoryScorer) -> dict[str, Tally]:
    """The tallies of ``settings`` on ``read``, by language (each article built alone)."""
    out: dict[str, Tally] = {}
    for item in read:
        lang = item.labelled.language
        out[lang] = out.get(lang, Tally()).plus(scorer.tally(item, settings))
    return out


def _overall(by_language: dict[str, Tally]) -> Tally:
    total = Tally()
    for tally in by_language.values():
        total = total.plus(tally)
    return total


def with_value(settings: Settings, name: str, value: object) -> Settings:
    """``settings`` with the dotted field ``name`` (``"roles.place_window"``) set to ``value``, validated.

    Raises
    ------
    InputError
        When ``name`` is not a field of a section.
    """
    section_name, _, field_name = name.partition(".")
    section = getattr(settings, section_name, None)
    if section is None or field_name not in type(section).model_fields:
        raise InputError(f"no setting {name!r} (a knob is section.field, e.g. roles.place_window)")
    updated = type(section).model_validate({**section.model_dump(), field_name: value})
    return settings.model_copy(update={section_name: updated})


def _value(settings: Settings, name: str) -> object:
    section_name, _, field_name = name.partition(".")
    return getattr(getattr(settings, section_name), field_name)


def knob_grid(value: object) -> tuple[object, ...]:
    """The values tried around ``value``: small integers ±1 and ±2, larger ones ±25 % and ±50 %, floats ×½, ×¾,
    ×1½, ×2; never negative, in increasing order (the value itself included)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ()
    if isinstance(value, int):
        steps = {1, 2} if value <= _SMALL_INT else {round(value * 0.25), round(value * 0.5)}
        grid = {value} | {value + s for s in steps} | {value - s for s in steps}
        return tuple(sorted(v for v in grid if v >= 0))
    return tuple(sorted({round(value * f, 4) for f in (0.5, 0.75, 1.0, 1.5, 2.0)}))


def _try(settings: Settings, name: str, value: object) -> Settings | None:
    try:
        return with_value(settings, name, value)
    except ValueError:  # the field's limits refuse it (pydantic's ValidationError is a ValueError)
        return None


def search(
    read: Sequence[ReadArticle],
    *,
    start: Settings,
    knobs: Sequence[str],
    scorer: StoryScorer,
    passes: int = 2,
    min_gain: float = MIN_GAIN,
    progress: Callable[[str], None] | None = None,
) -> Settings:
    """Coordinate descent from ``start`` over ``knobs`` on ``read`` (see the module); deterministic."""
    best = start
    best_score = _overall(evaluate(read, best, scorer=scorer)).objective
    for _ in range(passes):
        moved = False
        for name in knobs:
            current = _value(best, name)
            for value in knob_grid(current):
                candidate = None if value == current else _try(best, name, value)
                if candidate is None:
                    continue
                score = _overall(evaluate(read, candidate, scorer=scorer)).objective
                if score > best_score + min_gain:
                    best, best_score, moved = candidate, score, True
                    if progress:
                        progress(f"{name} {current} -> {value}: objective {score:.4f}")
        if not moved:
            break
    return best


def journey_folds(trips: Sequence[str], folds: int) -> dict[str, int]:
    """Each journey's fold: journeys sorted by a hash of their name, dealt round-robin (a journey is never split)."""
    order = sorted(set(trips), key=lambda t: (hashlib.sha1(t.encode()).hexdigest(), t))
    return {trip: i % folds for i, trip in enumerate(order)}


def _changes(start: Settings, fitted: Settings, knobs: Sequence[str]) -> dict[str, tuple[object, object]]:
    return {n: (_value(start, n), _value(fitted, n)) for n in knobs if _value(start, n) != _value(fitted, n)}


def cross_validate(
    read: Sequence[ReadArticle],
    *,
    start: Settings,
    knobs: Sequence[str] = STORY_KNOBS,
    folds: int = 5,
    passes: int = 2,
    min_gain: float = MIN_GAIN,
    scorer: StoryScorer,
    progress: Callable[[str], None] | None = None,
) -> StoryFitReport:
    """Held-out tallies by language of ``start`` and of settings fitted without the held-out journeys,
    then the settings fitted on every journey."""
    fold_of = journey_folds([r.labelled.trip for r in read], folds)
    before: dict[str, Tally] = {}
    after: dict[str, Tally] = {}
    for fold in range(folds):
        held = [r for r in read if fold_of[r.labelled.trip] == fold]
        kept = [r for r in read if fold_of[r.labelled.trip] != fold]
        if not held or not kept:
            continue
        fitted = search(kept, start=start, knobs=knobs, scorer=scorer, passes=passes, min_gain=min_gain)
        for target, settings in ((before, start), (after, fitted)):
            for lang, tally in evaluate(held, settings, scorer=scorer).items():
                target[lang] = target.get(lang, Tally()).plus(tally)
        if progress:
            progress(f"fold {fold + 1}/{folds}: {len(held)} held out, changed {_changes(start, fitted, knobs)}")
    final = search(read, start=start, knobs=knobs, scorer=scorer, passes=passes, min_gain=min_gain,
                   progress=progress)  # fmt: skip
    return StoryFitReport(
        fitted=final,
        before=before,
        after=after,
        changed=_changes(start, final, knobs),
        articles=len(read),
        journeys=len(fold_of),
        folds=folds,
    )


def fitted_story_settings(report: StoryFitReport, *, data: Sequence[Path], today: dt.date) -> Settings:
    """The fitted settings, their ``source`` saying what they were fitted on and how they did held out."""
    names = ", ".join(Path(p).name for p in data)
    changed = ", ".join(f"{n} {a}->{b}" for n, (a, b) in report.changed.items()) or "none"
    source = (
        f"story knobs fitted on {names} ({report.articles} articles, {report.journeys} journeys) on "
        f"{today.isoformat()} by coordinate descent on mean(F1 stops, dated-right); {report.folds}-fold by journey "
        f"held out, start -> fitted: {report.summary()}; changed: {changed}"
    )
    return report.fitted.model_copy(update={"source": source})


def save_fitted(settings: Settings, *, changed: dict[str, tuple[object, object]], path: Path) -> Path:
    """Write the knobs the fit moved, and the provenance, as a settings file (atomically).

    Only the moved knobs are written: every other field keeps the value the code gives it, so a default
    changed in the code later is not overridden by a stale copy. The file loads with
    :func:`~geo.settings_files.load_settings`; as ``data/settings/fitted.json`` it is the shipped defaults.
    """
    from geo.atomic import write_text_atomic

    data: dict[str, object] = {"source": settings.source}
    for name in changed:
        section, _, field_name = name.partition(".")
        data.setdefault(section, {})[field_name] = _value(settings, name)  # type: ignore[union-attr]
    return write_text_atomic(Path(path), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
