"""Fitting the resolver's weights on labelled text, with cross-validation that leaves whole groups out.

Labelled documents are JSON lines in the format of the public corpora the project is checked on
(``../shared/eval/public``): ``text``, ``lang``, ``gold`` (character spans ``{start, end, lat,
lon}``) and a group (``event``, else the part of ``doc_id`` before ``/``, else ``doc_id``): a
journey, an event, an outlet — documents of one group are never split between fitting and checking.

Every document is read by the pipeline's recogniser and scored by
:meth:`~geo.places.resolution.Resolver.score_names`, whose scores are a sum of
:class:`~geo.settings.ResolutionSettings` fields times features, plus terms no single field scales.
A candidate is *right* when its mention overlaps a gold span with a point and the candidate lies
within ``within_km`` of that point; every candidate of a mention that overlaps no gold span is
*wrong* (the name is no place there); a mention of a gold span none of whose candidates is near the
point says nothing about the weights and is left out. The model is the resolver's own confidence,
P(right) = σ(score − threshold), fitted by Newton's method with an L2 pull (``l2``) towards the
starting values, so that a weight the data says little about stays where it was.

:func:`fit_report` checks by k-fold over groups: the decisions of the starting and the fitted
weights on the held-out groups, as precision and recall of "placed within ``within_km``" per
language. ``python -m geo fit DATA.jsonl … --out FILE`` runs it and writes the fitted settings
with their provenance in ``Settings.source``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from geo.errors import InputError
from geo.model import Article
from geo.settings import ResolutionSettings, Settings
from geo.text.sentences import split_sentences

__all__ = [
    "Candidate",
    "FitReport",
    "LanguageScore",
    "MentionCase",
    "cases_from_documents",
    "fit_report",
    "fit_weights",
    "fitted_settings",
    "read_labelled",
]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One candidate place of a name: its features, the rest of its score, and whether it is right."""

    features: dict[str, float]
    offset: float
    right: bool


@dataclass(frozen=True, slots=True)
class MentionCase:
    """One name of one document: its candidates and whether the gold says it is a place."""

    group: str
    language: str
    candidates: tuple[Candidate, ...]
    is_place: bool


@dataclass(frozen=True, slots=True)
class LanguageScore:
    """Decisions on held-out groups: names placed right, placed wrong or placed when no place, missed."""

    right: int = 0
    wrong: int = 0
    missed: int = 0

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 0.0

    @property
    def recall(self) -> float:
        return self.right / (self.right + self.missed) if self.right + self.missed else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def plus(self, other: LanguageScore) -> LanguageScore:
        return LanguageScore(self.right + other.right, self.wrong + other.wrong, self.missed + other.missed)


@dataclass(frozen=True, slots=True)
class FitReport:
    """What a fit found: the fitted weights and the held-out scores before and after, by language."""

    fitted: ResolutionSettings
    before: dict[str, LanguageScore] = field(default_factory=dict)
    after: dict[str, LanguageScore] = field(default_factory=dict)
    cases: int = 0
    groups: int = 0

    def summary(self) -> str:
        """One line a language: held-out F1 before → after."""
        parts = [
            f"{lang}: F1 {self.before[lang].f1:.3f} -> {self.after[lang].f1:.3f} "
            f"(P {self.after[lang].precision:.3f}, R {self.after[lang].recall:.3f})"
            for lang in sorted(self.after)
        ]
        return "; ".join(parts)


def read_labelled(paths: Sequence[Path]) -> Iterator[dict]:
    """The documents of JSON-lines files, each checked to hold ``text`` and a list ``gold``.

    Raises
    ------
    InputError
        When a file cannot be read or a line is not such a document.
    """
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeError) as exc:
            raise InputError(f"cannot read labelled data {path}: {exc}") from exc
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                raise InputError(f"{path}:{number}: not a JSON line ({exc})") from exc
            if not isinstance(doc, dict) or not isinstance(doc.get("text"), str) or not isinstance(doc.get("gold"), list):  # noqa: E501
                raise InputError(f"{path}:{number}: a labelled document needs 'text' and a list 'gold'")
            yield doc


def _group_of(doc: dict) -> str:
    if doc.get("event"):
        return str(doc["event"])
    return str(doc.get("doc_id", "")).split("/", 1)[0] or hashlib.sha1(doc["text"].encode()).hexdigest()[:8]


def _gold_points(doc: dict) -> list[tuple[int, int, float | None, float | None]]:
    points = []
    for item in doc["gold"]:
        try:
            start, end = int(item["start"]), int(item["end"])
        except (KeyError, TypeError, ValueError):
            continue
        lat, lon = item.get("lat"), item.get("lon")
        ok = isinstance(lat, int | float) and isinstance(lon, int | float) and math.isfinite(lat + lon)
        points.append((start, end, float(lat) if ok else None, float(lon) if ok else None))
    return points


def cases_from_documents(docs: Iterable[dict], pipeline: object, *, within_km: float) -> list[MentionCase]:
    """Every name the reader finds in the documents, with its candidates labelled from the gold.

    ``pipeline`` is a :class:`~geo.pipeline.Pipeline` (its recogniser, resolver and gazetteer).
    """
    from geo.places.distances import haversine_km
    from geo.places.relative import find_relative

    cases: list[MentionCase] = []
    for doc in docs:
        text, language = doc["text"], str(doc.get("lang") or "ar")
        article = Article(name=str(doc.get("doc_id", "doc")), text=text, sentences=split_sentences(text),
                          language=language)  # fmt: skip
        mentions = pipeline.recognizer.find(article)
        mentions.extend(find_relative(article, mentions, settings=pipeline.settings.relative))
        gold = _gold_points(doc)
        for group in pipeline.resolver.score_names(mentions, language=language):
            spans = [g for g in gold if any(m.start < g[1] and g[0] < m.end for m in group.mentions)]
            points = [(lat, lon) for _, _, lat, lon in spans if lat is not None and lon is not None]
            candidates = []
            for scored in group.scored:
                place = pipeline.gazetteer.place(scored.row)
                right = any(haversine_km(place.lat, place.lon, lat, lon) <= within_km for lat, lon in points)
                linear = sum(getattr(pipeline.resolver.settings, name) * x for name, x in scored.features)
                features: dict[str, float] = {}
                for name, x in scored.features:
                    features[name] = features.get(name, 0.0) + x
                if math.isfinite(scored.score):
                    candidates.append(Candidate(features=features, offset=scored.score - linear, right=right))
            if not candidates or (spans and not points):
                continue
            if points and not any(c.right for c in candidates):
                continue  # the right place is not among the candidates: nothing to learn about the weights
            cases.append(MentionCase(_group_of(doc), language, tuple(candidates), is_place=bool(points)))
    return cases


def _names(cases: Sequence[MentionCase]) -> list[str]:
    """The weights the cases depend on, in the settings' declaration order."""
    seen = {name for case in cases for c in case.candidates for name in c.features}
    return [name for name in ResolutionSettings.model_fields if name in seen]


def _matrix(cases: Sequence[MentionCase], names: list[str]) -> tuple[np.ndarray, ...]:
    """Features, offsets, labels and weights of every candidate; each name weighs one in all."""
    rows = [c for case in cases for c in case.candidates]
    x = np.array([[c.features.get(n, 0.0) for n in names] for c in rows], dtype=float).reshape(len(rows), len(names))
    offset = np.array([c.offset for c in rows], dtype=float)
    y = np.array([1.0 if c.right else 0.0 for c in rows], dtype=float)
    weight = np.array([1.0 / len(case.candidates) for case in cases for _ in case.candidates], dtype=float)
    return x, offset, y, weight


def fit_weights(
    cases: Sequence[MentionCase], *, start: ResolutionSettings, l2: float = 1.0, iterations: int = 50
) -> ResolutionSettings:
    """Fitted weights and threshold: Newton's method on the L2-pulled logistic loss (see the module)."""
    names = _names(cases)
    if not cases or not names:
        return start
    x, offset, y, weight = _matrix(cases, names)
    design = np.hstack([x, -np.ones((len(y), 1))])  # the last parameter is the threshold
    prior = np.array([getattr(start, n) for n in names] + [start.threshold], dtype=float)
    theta = prior.copy()
    for _ in range(iterations):
        z = offset + design @ theta
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
        gradient = design.T @ (weight * (p - y)) + l2 * (theta - prior)
        hessian = design.T @ (design * (weight * p * (1 - p))[:, None]) + l2 * np.eye(len(theta))
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if float(np.max(np.abs(step))) < 1e-9:
            break
    values = {n: round(float(v), 4) for n, v in zip(names, theta[:-1], strict=True)}
    values["threshold"] = round(float(theta[-1]), 4)
    for name, value in list(values.items()):
        if isinstance(getattr(start, name), int):
            values[name] = round(value)
    return start.model_copy(update=values)


def _decide(cases: Sequence[MentionCase], weights: ResolutionSettings) -> dict[str, LanguageScore]:
    """Each held-out name's decision with ``weights``: its best candidate if it reaches the threshold."""
    scores: dict[str, LanguageScore] = {}
    for case in cases:
        value, best = max(
            ((c.offset + sum(getattr(weights, n) * v for n, v in c.features.items()), c) for c in case.candidates),
            key=lambda scored: scored[0],
        )
        placed = value >= weights.threshold
        outcome = LanguageScore(
            right=int(placed and best.right),
            wrong=int(placed and not best.right),
            missed=int(case.is_place and not (placed and best.right)),
        )
        scores[case.language] = scores.get(case.language, LanguageScore()).plus(outcome)
    return scores


def _fold_of(group: str, folds: int) -> int:
    return int(hashlib.sha1(group.encode()).hexdigest(), 16) % folds


def fit_report(
    cases: Sequence[MentionCase], *, start: ResolutionSettings, folds: int = 5, l2: float = 1.0
) -> FitReport:
    """Cross-validated scores by language (groups left out whole), and the weights fitted on every case."""
    before: dict[str, LanguageScore] = {}
    after: dict[str, LanguageScore] = {}
    for fold in range(folds):
        held = [c for c in cases if _fold_of(c.group, folds) == fold]
        kept = [c for c in cases if _fold_of(c.group, folds) != fold]
        if not held or not kept:
            continue
        fitted = fit_weights(kept, start=start, l2=l2)
        for lang, score in _decide(held, start).items():
            before[lang] = before.get(lang, LanguageScore()).plus(score)
        for lang, score in _decide(held, fitted).items():
            after[lang] = after.get(lang, LanguageScore()).plus(score)
    return FitReport(
        fitted=fit_weights(cases, start=start, l2=l2),
        before=before,
        after=after,
        cases=len(cases),
        groups=len({c.group for c in cases}),
    )


def fitted_settings(report: FitReport, *, base: Settings, data: Sequence[Path], today: dt.date) -> Settings:
    """``base`` with the fitted resolution weights, its ``source`` saying what they were fitted on."""
    names = ", ".join(Path(p).name for p in data)
    source = (
        f"resolution weights fitted on {names} ({report.cases} names, {report.groups} groups) on {today.isoformat()}"
        f"; held-out by group: {report.summary()}"
    )
    return base.model_copy(update={"resolution": report.fitted, "source": source})
