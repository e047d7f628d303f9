"""Edits of the story document: a stop's place, dates, caption and role, the order, added and removed stops.

:func:`stop_rows` / :func:`apply_rows` round-trip the table of stops (order,
dates, caption, added and removed rows); :func:`edit_stop`,
:func:`move_stop`, :func:`add_stop` and :func:`remove_stop` make one change;
:func:`search_places` finds the places a stop may move to (the gazetteer's,
else an online geocoder's when one is on);
:func:`role_options` are the roles the table offers a stop. Every
edit returns a new, validated document with ``seq`` renumbered 1..n, or
raises :class:`EditError` with a one-line message and changes nothing.
:func:`story_hash` fingerprints a story's content, which every edit changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from geo.errors import InputError
from geo.model import PLACE_TYPES, Certainty, Place, PlaceType, Role
from geo.places.distances import place_uncertainty_km
from geo.places.lookup import place_from_location
from geo.presenter.geocoding import offline_members, online_answers, service_text
from geo.settings import UncertaintySettings
from geo.story.document import StoryDoc

__all__ = [
    "CERTAINTIES",
    "STOP_COLUMNS",
    "STOP_ROLES",
    "EditError",
    "PlaceChoice",
    "add_stop",
    "apply_rows",
    "edit_stop",
    "move_stop",
    "remove_stop",
    "role_options",
    "search_places",
    "stop_rows",
    "story_hash",
]

#: The certainties a stop's date may have, as the table of stops offers them.
CERTAINTIES: tuple[Certainty, ...] = tuple(Certainty)
#: The roles an edit may give a stop: the traveller is (or will be) there. The context roles
#: (dateline, government, …) say the traveller is not; to make a stop context, remove it.
STOP_ROLES: tuple[Role, ...] = Role.stops()


class EditError(InputError):
    """An edit of the story that would make it invalid (one-line message); the story is unchanged."""


def _one_line(exc: ValidationError) -> str:
    """The first validation error on one line: ``where: message``."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def _rebuilt(doc: StoryDoc, stops: Sequence[Mapping[str, Any]]) -> StoryDoc:
    """A validated copy of ``doc`` with ``stops`` (field dicts), renumbered 1..n in the given order."""
    data = doc.model_dump(by_alias=True)
    data["stops"] = [{**stop, "seq": n} for n, stop in enumerate(stops, start=1)]
    try:
        return StoryDoc.model_validate(data)
    except ValidationError as exc:
        raise EditError(_one_line(exc)) from exc


def _missing(value: Any) -> bool:
    """Whether a table cell is empty (``None``, NaN, blank text, pandas' ``NaT`` or ``NA``)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    return type(value).__name__ in {"NaTType", "NAType"}


def _as_date(value: Any, what: str) -> dt.date | None:
    """A date from a table cell (date, datetime, Timestamp, ISO text) or ``None`` when empty."""
    if _missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise EditError(f"{what}: {text!r} is not a date (YYYY-MM-DD)") from None


def _as_float(value: Any, what: str) -> float | None:
    """A finite number from a table cell, or ``None`` when empty."""
    if _missing(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise EditError(f"{what}: {value!r} is not a number") from None
    if not math.isfinite(number):
        raise EditError(f"{what}: {value!r} is not a number")
    return number


def _certainty(value: Any, start: dt.date | None, before: str) -> Certainty:
    """The certainty of an edited stop: unknown without a date; a newly dated stop becomes exact."""
    if start is None:
        return Certainty.UNKNOWN
    chosen = before if _missing(value) else str(value)
    if chosen not in CERTAINTIES:
        raise EditError(f"certainty must be one of {', '.join(CERTAINTIES)}, not {chosen!r}")
    return Certainty.EXACT if chosen == Certainty.UNKNOWN else Certainty(chosen)


def _role(value: Any, before: Role, what: str) -> Role:
    """The role of an edited stop: one of :data:`STOP_ROLES`, or the role it had (empty keeps it)."""
    if _missing(value):
        return before
    chosen = str(value).strip()
    if chosen == before:
        return before
    if chosen not in STOP_ROLES:
        hint = "; to leave the place as context, remove the stop" if chosen in tuple(Role) else ""
        raise EditError(f"{what} role must be one of {', '.join(STOP_ROLES)}, not {chosen!r}{hint}")
    return Role(chosen)


def role_options(doc: StoryDoc) -> tuple[Role, ...]:
    """The roles the table of stops offers: :data:`STOP_ROLES`, then any other role a stop of ``doc`` has."""
    kept = [s.role for s in doc.stops if s.role not in STOP_ROLES]
    return STOP_ROLES + tuple(dict.fromkeys(kept))


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """A place the educator may move a stop to: the gazetteer's or an online geocoder's, with its uncertainty."""

    id: str
    name: str
    name_ar: str | None
    lat: float
    lon: float
    place_type: PlaceType
    label: str
    uncertainty_km: float = 0.0


def _choice(place: Place, *, label: str, uncertainty_km: float) -> PlaceChoice:
    """A place offered to the educator, with the label shown for it."""
    return PlaceChoice(
        id=place.id,
        name=place.name,
        name_ar=place.name_ar,
        lat=place.lat,
        lon=place.lon,
        place_type=place.place_type,
        label=label,
        uncertainty_km=uncertainty_km,
    )


def _offline_choice(location: Any) -> PlaceChoice:
    """A place of the offline gazetteer's answer (its ``raw`` holds the place's fields)."""
    raw = dict(getattr(location, "raw", {}) or {})
    place_type = PlaceType(raw["place_type"]) if raw.get("place_type") in PLACE_TYPES else PlaceType.CITY
    name_ar = raw.get("name_ar") or None
    label = f"{location.address} · {name_ar}" if name_ar else str(location.address)
    place = Place(
        id=str(raw.get("id") or f"{location.latitude:.4f},{location.longitude:.4f}"),
        name=str(raw.get("name") or location.address),
        name_ar=name_ar,
        lat=round(float(location.latitude), 6),
        lon=round(float(location.longitude), 6),
        place_type=place_type,
        population=int(raw.get("population") or 0),
    )
    uncertainty = place_uncertainty_km(place, settings=UncertaintySettings())
    return _choice(place, label=f"{label} ({place_type})", uncertainty_km=uncertainty)


def _online_choice(location: Any, service: str, query: str) -> PlaceChoice:
    """A place of an online geocoder's answer, with its stable ``online:…`` id and its uncertainty."""
    place, uncertainty = place_from_location(location, service=service, query=query)
    label = f"{place.name} · {place.name_ar}" if place.name_ar else place.name  # cleaned: the answer is untrusted
    service_label = service_text(service.split(":")[0])
    return _choice(place, label=f"{label} ({place.place_type} · {service_label})", uncertainty_km=uncertainty)


def search_places(geocoder: Any, query: str, *, limit: int = 8) -> list[PlaceChoice]:
    """Places named ``query``: the offline gazetteer's, best first, else the online geocoder's.

    Parameters
    ----------
    geocoder:
        An :class:`~geo.places.geocoders.OfflineGeocoder` (anything with geopy's
        ``geocode``), or a :class:`~geo.places.geocoders.ChainedGeocoder` of it and
        an online service (:func:`~geo.presenter.geocoding.geocoder_for`): the online
        service is asked only when the gazetteer has no place of that name, and its
        answers get stable ``online:<service>:<id>`` ids.
    query:
        A place name; blank queries find nothing.
    limit:
        Most places returned.

    Raises
    ------
    geo.presenter.geocoding.OnlineSearchError
        When the gazetteer has no such place and the online service failed (one line).
    """
    query = (query or "").strip()
    if not query:
        return []
    offline = offline_members(geocoder)
    choices = [_offline_choice(loc) for g in offline for loc in g.geocode(query, exactly_one=False, limit=limit) or []]
    if choices:
        return choices[:limit]
    found: dict[str, PlaceChoice] = {}
    for location, service in online_answers(geocoder, query, limit=limit):
        choice = _online_choice(location, service, query)
        found.setdefault(choice.id, choice)
    return list(found.values())


def _place_fields(choice: PlaceChoice) -> dict[str, Any]:
    """The fields of a stop that say where it is, from a gazetteer place."""
    return {
        "id": choice.id,
        "name": choice.name,
        "name_ar": choice.name_ar,
        "lat": choice.lat,
        "lon": choice.lon,
        "place_type": choice.place_type,
        "uncertainty_km": choice.uncertainty_km,
    }


def _stop_dicts(doc: StoryDoc) -> list[dict[str, Any]]:
    """The story's stops as field dicts, to edit and then :func:`_rebuilt`."""
    return [s.model_dump() for s in doc.stops]


def _check_seq(doc: StoryDoc, seq: int) -> None:
    """Raise :class:`EditError` unless the story has a stop ``seq``."""
    if not 1 <= seq <= len(doc.stops):
        raise EditError(f"there is no stop {seq}")


def move_stop(doc: StoryDoc, seq: int, choice: PlaceChoice) -> StoryDoc:
    """Move stop ``seq`` to the gazetteer place ``choice`` (dates, caption and quotes are kept)."""
    _check_seq(doc, seq)
    stops = _stop_dicts(doc)
    stops[seq - 1].update(_place_fields(choice))
    return _rebuilt(doc, stops)


def add_stop(doc: StoryDoc, choice: PlaceChoice, *, after: int | None = None) -> StoryDoc:
    """A new stop at ``choice``, after stop ``after`` (at the end when ``None``), without a date."""
    stops = _stop_dicts(doc)
    position = len(stops) if after is None else max(0, min(int(after), len(stops)))
    stops.insert(position, {**_place_fields(choice), "role": Role.VISIT, "caption": "", "seq": position + 1})
    return _rebuilt(doc, stops)


def remove_stop(doc: StoryDoc, seq: int) -> StoryDoc:
    """The story without stop ``seq``; the others are renumbered."""
    _check_seq(doc, seq)
    stops = _stop_dicts(doc)
    del stops[seq - 1]
    return _rebuilt(doc, stops)


def edit_stop(
    doc: StoryDoc,
    seq: int,
    *,
    date_start: Any = None,
    date_end: Any = None,
    caption: str | None = None,
    role: Role | str | None = None,
    certainty: str | None = None,
) -> StoryDoc:
    """Set the dates (``None`` clears them), and optionally the caption, role and certainty, of stop ``seq``.

    A ``role`` is one of :data:`STOP_ROLES` (or the stop's own role); ``None`` or blank keeps it.

    Raises
    ------
    EditError
        When a date is not a date, ends before it starts, the role is not a stop's
        role, or the stop does not exist.
    """
    _check_seq(doc, seq)
    stops = _stop_dicts(doc)
    stop = stops[seq - 1]
    start = _as_date(date_start, f"stop {seq} start date")
    end = _as_date(date_end, f"stop {seq} end date")
    stop["date_start"], stop["date_end"] = start, end
    stop["date_certainty"] = _certainty(certainty, start, stop["date_certainty"])
    if caption is not None:
        stop["caption"] = caption.strip()
    stop["role"] = _role(role, stop["role"], f"stop {seq}")
    return _rebuilt(doc, stops)


#: The table columns of :func:`stop_rows`, in order.
STOP_COLUMNS = (
    "order", "name", "name_ar", "date_start", "date_end", "date_certainty", "role", "caption", "lat", "lon", "id",
)  # fmt: skip


def stop_rows(doc: StoryDoc) -> list[dict[str, Any]]:
    """The stops as table rows for editing: ``order`` (= seq), place, dates, certainty, role, caption, lat, lon, id."""
    return [
        {
            "order": s.seq,
            "name": s.name,
            "name_ar": s.name_ar or "",
            "date_start": s.date_start,
            "date_end": s.date_end,
            "date_certainty": s.date_certainty,
            "role": s.role,
            "caption": s.caption,
            "lat": s.lat,
            "lon": s.lon,
            "id": s.id,
        }
        for s in doc.stops
    ]


def apply_rows(
    doc: StoryDoc,
    rows: Sequence[Mapping[str, Any]],
    *,
    geocode: Callable[[str], PlaceChoice | None] | None = None,
) -> StoryDoc:
    """The story with its stops replaced by the edited table ``rows`` (as from :func:`stop_rows`).

    Rows are sorted by ``order`` (rows without one keep their position) and
    renumbered 1..n. A row whose ``id`` is a stop of ``doc`` keeps that stop's
    quotes and other fields; a new row needs a place: ``lat`` and ``lon``, or
    a ``name`` that ``geocode`` finds. Removed rows are removed stops. A
    ``role`` is one of :data:`STOP_ROLES` (or the stop's own role; empty keeps it).

    Raises
    ------
    EditError
        When a date, number, role or place is invalid; ``doc`` is unchanged.
    """
    known = {s.id: s for s in doc.stops}
    used: set[str] = set()
    keyed = []
    for position, row in enumerate(rows):
        order = _as_float(row.get("order"), f"row {position + 1} order")
        keyed.append(((order if order is not None else position + 1, position), row))
    stops = []
    for (_, position), row in sorted(keyed, key=lambda item: item[0]):
        where = f"row {position + 1}"
        row_id = None if _missing(row.get("id")) else str(row.get("id"))
        base = known.get(row_id) if row_id and row_id not in used else None
        if base is not None:
            used.add(base.id)
            stop = base.model_dump()
        else:
            stop = _new_row_place(row, where, geocode)
        stop["role"] = _role(row.get("role"), stop["role"], where)
        for field in ("name", "name_ar", "caption"):
            if field in row and not (field == "name" and _missing(row[field])):
                stop[field] = None if field == "name_ar" and _missing(row[field]) else str(row[field] or "").strip()
        for field in ("lat", "lon"):
            value = _as_float(row.get(field), f"{where} {field}")
            if value is not None:
                stop[field] = value
        start = _as_date(row.get("date_start"), f"{where} start date")
        stop["date_start"] = start
        stop["date_end"] = _as_date(row.get("date_end"), f"{where} end date")
        before = stop.get("date_certainty", Certainty.UNKNOWN)
        stop["date_certainty"] = _certainty(row.get("date_certainty"), start, before)
        stops.append(stop)
    return _rebuilt(doc, stops)


def _new_row_place(
    row: Mapping[str, Any], where: str, geocode: Callable[[str], PlaceChoice | None] | None
) -> dict[str, Any]:
    """The fields of a stop added as a table row: at its latitude and longitude, or at the place its name finds."""
    name = "" if _missing(row.get("name")) else str(row.get("name")).strip()
    lat, lon = _as_float(row.get("lat"), f"{where} lat"), _as_float(row.get("lon"), f"{where} lon")
    if lat is not None and lon is not None:
        fields = {
            "id": f"manual:{lat:.4f},{lon:.4f}",
            "name": name or f"{lat:.4f}, {lon:.4f}",
            "lat": lat,
            "lon": lon,
            "place_type": PlaceType.CITY,
        }
    else:
        choice = geocode(name) if geocode and name else None
        if choice is None:
            raise EditError(f"{where}: a new stop needs a place the gazetteer knows, or a latitude and longitude")
        fields = _place_fields(choice)
    return {**fields, "role": Role.VISIT, "caption": "", "date_certainty": Certainty.UNKNOWN, "quotes": [], "also": []}


def story_hash(doc: StoryDoc) -> str:
    """A short fingerprint of the story's content (the map is cached per fingerprint)."""
    text = json.dumps(doc.model_dump(mode="json", by_alias=True), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
