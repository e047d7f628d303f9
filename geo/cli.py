"""The command line: ``python -m geo places|build|render|settings|index|archive``.

Every failure the package raises on purpose is reported as one line on
standard error with a non-zero exit status; no traceback.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import GeoStoryError, InputError

if TYPE_CHECKING:
    from geopy.geocoders.base import Geocoder

    from geo.model import Article
    from geo.pipeline import ArticleResult
    from geo.places.kind_names import KindName
    from geo.settings import Settings
    from geo.story.document import StoryDoc

__all__ = ["main", "build_parser", "printable"]

EXIT_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m geo``."""
    parser = argparse.ArgumentParser(prog="python -m geo", description="Offline geoparser for news about journeys.")
    sub = parser.add_subparsers(dest="command", required=True)
    places = sub.add_parser("places", help="list every place mention of an article or a folder of articles")
    places.add_argument("path", type=Path, help="an article file or a folder of articles")
    places.add_argument("--json", action="store_true", help="print JSON instead of a table")
    places.add_argument("--all", action="store_true", help="also list mentions judged not to be places")
    places.add_argument("--settings", type=Path, help="a settings file (JSON or YAML; see `geo settings`)")
    build = sub.add_parser("build", help="build the story of a folder of articles")
    build.add_argument("path", type=Path, help="a folder of articles (or one article file)")
    build.add_argument("--out", type=Path, required=True, help="output folder")
    build.add_argument("--cdn", action="store_true", help="story.html loads its libraries from a CDN (lighter)")
    build.add_argument("--settings", type=Path, help="a settings file (JSON or YAML; see `geo settings`)")
    _add_geocoder_options(build)
    render = sub.add_parser("render", help="write the outputs of an (edited) story.json, without re-reading articles")
    render.add_argument("story", type=Path, help="a story.json written by build")
    render.add_argument("--out", type=Path, required=True, help="output folder")
    render.add_argument("--cdn", action="store_true", help="story.html loads its libraries from a CDN (lighter)")
    settings = sub.add_parser("settings", help="list every deciding number with its reason and source")
    settings.add_argument("--settings", type=Path, help="a settings file to show instead of the defaults")
    settings.add_argument("--write", type=Path, metavar="FILE", help="write them as a JSON settings file to edit")
    fit = sub.add_parser("fit", help="fit the resolver's weights on labelled JSON-lines documents")
    fit.add_argument("data", type=Path, nargs="+", help="JSON lines: text, lang, gold spans with lat/lon")
    fit.add_argument("--out", type=Path, required=True, help="the settings file to write")
    fit.add_argument("--settings", type=Path, help="the settings to start from (default: the built-in ones)")
    fit.add_argument("--folds", type=int, default=5, help="cross-validation folds, whole groups left out (5)")
    fit.add_argument("--within-km", type=float, default=161.0, help="a candidate this close to gold is right (161)")
    fit.add_argument("--l2", type=float, default=1.0, help="pull towards the starting weights (1.0)")
    _add_archive(sub)
    _add_fit_story(sub)
    index = sub.add_parser("index", help="compile the gazetteer index (done automatically when needed)")
    index.add_argument("--rebuild", action="store_true", help="compile even when the index is current")
    return parser


def _add_archive(sub: argparse._SubParsersAction) -> None:
    """``archive``: a news archive in, every journey out (on a Dask cluster)."""
    archive = sub.add_parser("archive", help="find every journey in a news archive and write each one's story")
    archive.add_argument("source", help="a folder tree, a .jsonl or .parquet file of articles, or a glob of them")
    archive.add_argument("--out", type=Path, required=True, help="output folder (journeys, index.html, cache)")
    archive.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="a running Dask scheduler (default: local)")
    archive.add_argument(
        "--workers", type=int, help="local worker processes (default: one per core; 0: this process only)"
    )
    archive.add_argument("--cdn", action="store_true", help="the journeys' story.html load libraries from a CDN")
    archive.add_argument("--settings", type=Path, help="a settings file (JSON or YAML; see `geo settings`)")


def _cmd_archive(args: argparse.Namespace) -> int:
    from geo.archive.run import run_archive

    report = run_archive(
        Path(args.source),
        out=args.out,
        settings=_settings(args),
        scheduler=args.scheduler,
        workers=args.workers,
        cdn=args.cdn,
    )
    print(_one_line(report.line(args.out)))
    return 0


def _add_fit_story(sub: argparse._SubParsersAction) -> None:
    """``fit-story``: the story stage's knobs fitted on story-labelled folders, journeys held out whole."""
    fit = sub.add_parser("fit-story", help="fit the story stage's knobs on folders of gold.json + texts/")
    fit.add_argument("data", type=Path, nargs="+", help="folders holding gold.json and texts/ (the dev set's layout)")
    fit.add_argument("--out", type=Path, required=True, help="the settings file to write (the knobs the fit moved)")
    fit.add_argument("--settings", type=Path, help="the settings to start from (default: the shipped ones)")
    fit.add_argument("--folds", type=int, default=5, help="cross-validation folds, whole journeys left out (5)")
    fit.add_argument("--passes", type=int, default=2, help="coordinate-descent passes over the knobs (2)")
    fit.add_argument("--min-gain", type=float, default=0.001, help="the least objective gain that moves a knob")
    fit.add_argument("--knobs", help="comma-separated section.field names to search (default: the story knobs)")


def _add_geocoder_options(build: argparse.ArgumentParser) -> None:
    """``build``'s online geocoder options (off unless ``--geocoder`` is given).

    The services are plain constants: building the parser (``--help``) imports
    neither geopy nor the gazetteer. The values are checked by
    :func:`~geo.places.geocoders.options.geocoder_from_options`, which refuses
    each of them without ``--geocoder``.
    """
    from geo.places.geocoders.services import DEFAULT_TIMEOUT_SECONDS, ONLINE_KINDS

    online = build.add_argument_group("online geocoder (off by default; only for names the gazetteer cannot place)")
    online.add_argument("--geocoder", choices=ONLINE_KINDS, help="the service to ask")
    online.add_argument("--geocoder-url", metavar="URL", help="your own server (default: the public one)")
    online.add_argument(
        "--user-agent", metavar="UA", help="names your application (required unless the server is self-hosted)"
    )
    online.add_argument("--geocoder-cache", metavar="PATH", type=Path, help="the answers' SQLite cache")
    online.add_argument(
        "--geocoder-timeout", metavar="SECONDS", type=float, help=f"per request (default {DEFAULT_TIMEOUT_SECONDS:g})"
    )


def _mention_rows(results: list[ArticleResult], *, include_all: bool) -> list[dict]:
    rows = []
    for result in results:
        resolved = {(r.mention.start, r.mention.end, r.mention.match): r for r in result.resolutions}
        for mention in result.mentions:
            res = resolved.get((mention.start, mention.end, mention.match))
            if res is None and not include_all:
                continue
            rows.append(
                {
                    "article": mention.article,
                    "start": mention.start,
                    "end": mention.end,
                    "text": mention.text,
                    "match": mention.match,
                    "place": res.place.name if res else None,
                    "place_id": res.place.id if res else None,
                    "lat": round(res.place.lat, 6) if res else None,
                    "lon": round(res.place.lon, 6) if res else None,
                    "place_type": res.place.place_type if res else None,
                    "confidence": res.confidence if res else 0.0,
                    "reason": res.reason if res else "not judged a place",
                }
            )
    return rows


def _kind_name_row(article: str, name: KindName) -> dict:
    """A place a kind noun names («شارع X») that the gazetteer does not hold: listed, never placed."""
    return {
        "article": article,
        "start": name.start,
        "end": name.end,
        "text": name.text,
        "match": name.text,
        "place": None,
        "place_id": None,
        "lat": None,
        "lon": None,
        "place_type": None,
        "confidence": 0.0,
        "reason": f"a place named by its kind ({name.kind}); not in the gazetteer, so not placed",
    }


def _cmd_places(args: argparse.Namespace) -> int:
    from geo.pipeline import Pipeline

    settings = _settings(args)
    articles = _read_articles(args.path, settings=settings)
    pipeline = Pipeline(settings=settings)
    results = [pipeline.process(a) for a in articles]
    rows = _mention_rows(results, include_all=args.all)
    rows += [_kind_name_row(r.article.name, name) for r in results for name in pipeline.kind_names(r)]
    rows.sort(key=lambda row: (row["article"], row["start"]))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    print("article\tstart\ttext\tplace\tlat\tlon\ttype\tconfidence")
    for row in rows:
        coords = (f"{row['lat']:.4f}", f"{row['lon']:.4f}") if row["place"] else ("", "")
        cells = (row["article"], row["start"], row["text"], row["place"] or "-", *coords, row["place_type"] or "-")
        print("\t".join(_one_line(str(cell)) for cell in cells) + f"\t{row['confidence']:.2f}")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from geo.outputs.transaction import OUTPUT_NAMES, check_out, write_output_set
    from geo.pipeline import Pipeline
    from geo.story.document import save_story, story_to_doc

    check_out(args.out, inputs=[args.path], names=OUTPUT_NAMES)
    settings = _settings(args)
    geocoder = _geocoder(args, settings=settings)
    articles = _read_articles(args.path, settings=settings)
    pipeline = Pipeline(settings=settings, geocoder=geocoder)
    _settle()
    story, _ = pipeline.run(articles)
    _settle()
    doc = story_to_doc(story)
    _check_writable(doc, source="the story")

    def write(folder: Path) -> None:
        save_story(doc, folder / "story.json")
        _write_outputs(doc, folder, cdn=args.cdn)

    write_output_set(args.out, write, names=OUTPUT_NAMES)
    if geocoder is not None:
        from geo.places.lookup import lookup_summary

        print(lookup_summary(pipeline.lookups), file=sys.stderr)
    print(_one_line(f"{_summary(doc)} from {_count(len(articles), 'article')} -> {args.out}"))
    return 0


def _read_articles(path: Path, *, settings: Settings) -> list[Article]:
    """The articles at ``path``; each file skipped for its name is one warning line on standard error."""
    import warnings

    from geo.errors import SkippedInputWarning
    from geo.pipeline import read_articles

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SkippedInputWarning)
        articles = read_articles(path, settings=settings.text, limits=settings.limits)
    for warning in caught:
        if issubclass(warning.category, SkippedInputWarning):
            print(f"warning: {_one_line(str(warning.message))}", file=sys.stderr)
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return articles


def _count(number: int, noun: str) -> str:
    """``1 stop``, ``2 stops``."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _summary(doc: StoryDoc) -> str:
    return f"{_count(len(doc.stops), 'stop')}, {_count(len(doc.places), 'other place')}"


def _check_writable(doc: StoryDoc, *, source: str) -> None:
    """Refuse, before anything is written, a story whose text cannot be written as UTF-8 (a lone surrogate)."""
    where = _unwritable(doc.model_dump(mode="json", by_alias=True), "")
    if where is not None:
        raise InputError(f"{source}: the text at {where} holds a character that cannot be written (a lone surrogate)")


def _unwritable(value: object, where: str) -> str | None:
    """The place in ``value`` of the first text that does not encode as UTF-8, or ``None``."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return where or "the top"
        return None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = _unwritable(item, f"{where}.{key}" if where else str(key))
        if found is not None:
            return found
    return None


def _geocoder(args: argparse.Namespace, *, settings: Settings) -> Geocoder | None:
    """The online geocoder ``build``'s options ask for, or ``None`` (InputError for bad options)."""
    options = {"url": args.geocoder_url, "user_agent": args.user_agent, "cache_path": args.geocoder_cache}
    if args.geocoder is None and args.geocoder_timeout is None and not any(options.values()):
        return None  # offline, no option to refuse: neither geopy nor the HTTP client is imported
    from geo.places.geocoders.options import geocoder_from_options

    geocoder = geocoder_from_options(args.geocoder, timeout=args.geocoder_timeout, settings=settings, **options)
    return geocoder if args.geocoder else None


def _settle() -> None:
    """Leave what the command has made so far (the libraries a step imported, the gazetteer, the story) out of
    the garbage collections to come until it ends (:func:`main` gives them back): a full collection walks
    every object of every imported module, over 0.2 s of a build for nothing to free."""
    gc.freeze()


def _write_outputs(doc: StoryDoc, out: Path, *, cdn: bool) -> None:
    """Every output of a story document: GeoJSON, the self-contained map, the standard exports."""
    from geo.outputs.exports import write_exports
    from geo.outputs.geojson import write_geojson
    from geo.outputs.webmap import write_map

    write_geojson(doc, out / "story.geojson")
    write_map(doc, out / "story.html", cdn=cdn)
    _settle()
    write_exports(doc, out, between=_settle)


def _cmd_render(args: argparse.Namespace) -> int:
    from geo.outputs.transaction import OUTPUT_NAMES, check_out, write_output_set
    from geo.story.document import load_story

    names = tuple(name for name in OUTPUT_NAMES if name != "story.json")
    check_out(args.out, reads=[args.story], names=names)
    doc = load_story(args.story)
    _check_writable(doc, source=args.story.name)
    write_output_set(args.out, lambda folder: _write_outputs(doc, folder, cdn=args.cdn), names=names)
    print(_one_line(f"{_summary(doc)} -> {args.out}"))
    return 0


def _settings(args: argparse.Namespace) -> Settings:
    """The settings file given with ``--settings``, else the defaults."""
    from geo.settings import Settings
    from geo.settings_files import load_settings

    return load_settings(args.settings) if args.settings else Settings()


def _cmd_settings(args: argparse.Namespace) -> int:
    from geo.settings_files import save_settings, settings_table

    settings = _settings(args)
    if args.write:
        save_settings(settings, path=args.write)
        print(f"settings written to {args.write}")
        return 0
    for name, value, why, source in settings_table(settings):
        print(f"{name} = {value!r}\t{why}\t[{source}]")
    return 0


def _cmd_fit(args: argparse.Namespace) -> int:
    import datetime as dt

    from geo.pipeline import Pipeline
    from geo.places.fitting import cases_from_documents, fit_report, fitted_settings, read_labelled
    from geo.settings_files import save_settings

    if args.folds < 2 or not (args.within_km > 0 and args.l2 >= 0):
        raise InputError("--folds must be at least 2, --within-km positive and --l2 not negative")
    base = _settings(args)
    pipeline = Pipeline(settings=base)
    cases = cases_from_documents(read_labelled(args.data), pipeline, within_km=args.within_km)
    if not cases:
        raise InputError("the labelled data gives no name with candidates to fit on")
    report = fit_report(cases, start=base.resolution, folds=args.folds, l2=args.l2)
    save_settings(fitted_settings(report, base=base, data=args.data, today=dt.date.today()), path=args.out)
    print(f"{report.cases} names in {report.groups} groups; held-out by group: {report.summary()}")
    print(f"settings written to {args.out}")
    return 0


def _cmd_fit_story(args: argparse.Namespace) -> int:
    import datetime as dt

    from geo.pipeline import Pipeline
    from geo.story.fitting import (
        STORY_KNOBS,
        StoryScorer,
        cross_validate,
        fitted_story_settings,
        read_once,
        read_story_set,
        save_fitted,
        with_value,
    )

    if args.folds < 2 or args.passes < 1 or args.min_gain < 0:
        raise InputError("--folds must be at least 2, --passes at least 1 and --min-gain not negative")
    base = _settings(args)
    knobs = tuple(k.strip() for k in args.knobs.split(",") if k.strip()) if args.knobs else STORY_KNOBS
    for knob in knobs:
        with_value(base, knob, _knob_value(base, knob))  # refuses a name that is no setting
    pipeline = Pipeline(settings=base)
    read = read_once(read_story_set(args.data), pipeline)
    if not read:
        raise InputError("the labelled folders hold no article")
    report = cross_validate(read, start=base, knobs=knobs, folds=args.folds, passes=args.passes,
                            min_gain=args.min_gain, scorer=StoryScorer(pipeline),
                            progress=lambda line: print(_one_line(line), file=sys.stderr))  # fmt: skip
    fitted = fitted_story_settings(report, data=args.data, today=dt.date.today())
    save_fitted(fitted, changed=report.changed, path=args.out)
    print(f"{report.articles} articles in {report.journeys} journeys; held out by journey: {report.summary()}")
    verdict = "beat" if report.wins else "did not beat"
    print(f"the fitted settings {verdict} the starting ones held out; written to {args.out}")
    return 0


def _knob_value(settings: Settings, name: str) -> object:
    section = getattr(settings, name.partition(".")[0], None)
    return getattr(section, name.partition(".")[2], None)


def _cmd_index(args: argparse.Namespace) -> int:
    from geo.places.gazetteer import Gazetteer, ensure_index
    from geo.places.memo import GazetteerMemo
    from geo.places.starts import WordStarts
    from geo.settings import RecognitionSettings

    directory = ensure_index(rebuild=args.rebuild)
    gazetteer = Gazetteer(directory)
    print(f"gazetteer index: {len(gazetteer):,} places in {directory}")
    # the word table of the default settings, made now when it is missing (else by the first reading)
    WordStarts(gazetteer, GazetteerMemo(gazetteer), settings=RecognitionSettings())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    handlers = {
        "places": _cmd_places,
        "build": _cmd_build,
        "render": _cmd_render,
        "settings": _cmd_settings,
        "fit": _cmd_fit,
        "fit-story": _cmd_fit_story,
        "index": _cmd_index,
        "archive": _cmd_archive,
    }
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        return handlers[args.command](args)
    except GeoStoryError as exc:
        print(f"error: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:  # a path the system refuses (too long, no permission…)
        if isinstance(exc, BrokenPipeError):  # `… | head`: the reader left, nothing to report
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        print(f"error: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        gc.unfreeze()  # what a command left out of the collections (:func:`_settle`) is collected again


#: Shown escaped: C0 and C1 controls, DEL, line and paragraph separators, bidi embeddings, overrides
#: and isolates, lone surrogates (an undecodable file name). Arabic's own marks (LRM, RLM, ALM) stay.
_SPACES = re.compile("[ \t\n]+")
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: every control or direction-changing character escaped.

    ``ESC`` becomes ``\\x1b`` (so no escape sequence retitles or clears the terminal),
    U+202E becomes ``\\u202e``, an undecodable byte of a file name ``\\udcff``.
    """
    return _UNSAFE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def _one_line(text: str) -> str:
    """``text`` on one line (runs of spaces, tabs and line feeds as one space), :func:`printable`."""
    return printable(_SPACES.sub(" ", text).strip())
