"""Agreements as data: the record types and the YAML loader that validates them.

An agreement file describes who declared and who accepted a ceasefire, when
it runs (in a named time zone), what it prohibits (acts, target codes of the
claim spec, areas, weapon categories), the conditions attached to it, and
where the facts come from. Where the parties' texts differ, `versions` holds
one override per party; each version is assessed on its own. The format is
documented in docs/agreements.md; every problem found on load raises
`AgreementError` naming the file, the key path (with its line) and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from ..config import Settings, load_settings
from ..errors import AgreementError, InputError
from ..model import TARGET_CODES, WEAPON_CATEGORIES
from ..safeload import load_yaml

__all__ = [
    "ACTS",
    "STATUSES",
    "CONDITION_KINDS",
    "Source",
    "Window",
    "Polygon",
    "Scope",
    "Condition",
    "AgreementVersion",
    "Agreement",
    "BUNDLED_DIR",
    "load_agreements",
    "load_agreement_file",
    "parse_agreement",
]

BUNDLED_DIR = Path(__file__).parent / "agreements"
# Prohibited acts. A strike claim can show the first three; the vessel clause
# of the Black Sea understanding is kept as data but no claim can show it.
ACTS: tuple[str, ...] = ("hostilities", "strike", "use_of_force", "military_use_of_vessels")
OBSERVABLE_ACTS: frozenset[str] = frozenset({"hostilities", "strike", "use_of_force"})
# bilateral: both sides accepted; unilateral: one side declared; proposed: put
# forward, not accepted by all; draft: a text under discussion (for simulate).
STATUSES: tuple[str, ...] = ("bilateral", "unilateral", "proposed", "draft")
CONDITION_KINDS: tuple[str, ...] = ("entry_into_force", "release_on_violation")
PARTY_CODES: tuple[str, ...] = ("UA", "RU")
_AREA_CODE = re.compile(r"^(?:(?:UA|RU)(?:-[A-Z0-9]{1,3})?|SEA-[A-Z]+)$")
_TOP_KEYS = {
    "id", "name", "status", "parties", "declared_by", "accepted_by", "proposed_by", "binds",
    "description", "window", "scope", "conditions", "versions", "sources",
}
_VERSION_KEYS = {"window", "scope", "conditions", "binds", "note"}
_SCOPE_KEYS = {"acts", "targets", "facilities", "areas", "weapons"}


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None = None
    date: date | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class Window:
    """[start, end) in UTC; `end` None means open-ended. `timezone` is the
    zone the text was written in, kept for display."""

    start: datetime
    end: datetime | None
    timezone: str

    def relation(self, lo: datetime, hi: datetime) -> str:
        """How the interval [lo, hi) sits against the window: inside, outside
        or partial."""
        if hi <= self.start or (self.end is not None and lo >= self.end):
            return "outside"
        if lo >= self.start and (self.end is None or hi <= self.end):
            return "inside"
        return "partial"

    def local(self, moment: datetime | None) -> str:
        if moment is None:
            return "open-ended"
        return moment.astimezone(ZoneInfo(self.timezone)).strftime("%Y-%m-%d %H:%M") + f" ({self.timezone})"


_ALWAYS = Window(start=datetime(1970, 1, 1, tzinfo=UTC), end=None, timezone="UTC")


@dataclass(frozen=True)
class Polygon:
    name: str
    coordinates: tuple[tuple[float, float], ...]  # (lon, lat) ring, GeoJSON order

    def contains(self, lon: float, lat: float) -> bool:
        # Ray casting: enough for the coarse areas agreements name, no shapely import per claim.
        inside = False
        ring = self.coordinates
        j = len(ring) - 1
        for i in range(len(ring)):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
        return inside


@dataclass(frozen=True)
class Scope:
    """What the agreement prohibits. `targets`, `regions`/`polygons` and
    `weapons` set to None mean "all"."""

    acts: tuple[str, ...] = ("hostilities",)
    targets: tuple[str, ...] | None = None
    facilities: tuple[str, ...] = ()  # the text's own list, for readers
    regions: tuple[str, ...] | None = None
    polygons: tuple[Polygon, ...] = ()
    weapons: tuple[str, ...] | None = None

    @property
    def restricts_area(self) -> bool:
        return self.regions is not None or bool(self.polygons)


@dataclass(frozen=True)
class Condition:
    """`entry_into_force`: the agreement binds only once `met_on` (None = not
    met). `release_on_violation`: a violation by one side (at `basis` level or
    stronger) frees the other side from the next day on."""

    kind: str
    text: str
    met_on: date | None = None
    basis: str = "corroborated"


@dataclass(frozen=True)
class AgreementVersion:
    party: str | None  # "RU", "UA", or None when the parties share one text
    window: Window
    scope: Scope
    conditions: tuple[Condition, ...]
    binds: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Agreement:
    id: str
    name: str
    status: str
    parties: tuple[str, ...]
    declared_by: tuple[str, ...]
    accepted_by: tuple[str, ...]
    versions: tuple[AgreementVersion, ...]
    proposed_by: str | None = None
    description: str = ""
    sources: tuple[Source, ...] = ()
    path: str | None = field(default=None, compare=False)

    def version(self, party: str | None) -> AgreementVersion:
        for v in self.versions:
            if v.party == party:
                return v
        raise AgreementError(
            f"agreement {self.id!r} has no version {party!r}",
            source=self.path,
            location="versions",
            hint="versions: " + ", ".join(str(v.party) for v in self.versions),
        )


class _Reader:
    """Walks one parsed file, turning problems into AgreementError with the
    key path and the line where it is written."""

    def __init__(self, source: str, text: str) -> None:
        self.source = source
        try:
            self.root_node = yaml.compose(text)
        except yaml.YAMLError as exc:
            raise AgreementError(f"not valid YAML: {exc}", source=source, hint="fix the YAML syntax") from exc

    def line(self, path: tuple[str, ...]) -> int | None:
        node = self.root_node
        for part in path:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == part), None)
            elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
                node = node.value[int(part)]
            else:
                node = None
            if node is None:
                return None
        return node.start_mark.line + 1 if node is not None else None

    def fail(self, path: tuple[str, ...], problem: str, hint: str) -> AgreementError:
        key = ".".join(path) or "(top level)"
        line = self.line(path)
        where = f"line {line}, key {key}" if line else f"key {key}"
        return AgreementError(problem, source=self.source, location=where, hint=hint)


def _as_list(r: _Reader, value: Any, path: tuple[str, ...], allowed: Iterable[str] | None) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise r.fail(path, "expected a list of strings", "write it as [A, B] or a YAML list")
    if allowed is not None:
        allowed = tuple(allowed)
        for i, v in enumerate(value):
            if v not in allowed:
                raise r.fail(path + (str(i),), f"unknown value {v!r}", "allowed: " + ", ".join(allowed))
    return tuple(value)


def _moment(r: _Reader, value: Any, zone: ZoneInfo, path: tuple[str, ...]) -> datetime:
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time(0))
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise r.fail(path, f"not a date or time: {value!r}", "write YYYY-MM-DDTHH:MM in quotes") from None
    else:
        raise r.fail(path, f"not a date or time: {value!r}", "write YYYY-MM-DDTHH:MM in quotes")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)  # local time of the window's zone
    return moment.astimezone(UTC)


def _window(r: _Reader, raw: Any, path: tuple[str, ...]) -> Window:
    if not isinstance(raw, Mapping):
        raise r.fail(path, "window must be a mapping", "give start, end and timezone")
    extra = set(raw) - {"start", "end", "timezone"}
    if extra:
        raise r.fail(path + (sorted(extra)[0],), "unknown key", "window keys: start, end, timezone")
    zone_name = raw.get("timezone")
    if not isinstance(zone_name, str):
        raise r.fail(path + ("timezone",), "timezone is required", "an IANA zone such as Europe/Moscow")
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise r.fail(path + ("timezone",), f"unknown time zone {zone_name!r}", "use an IANA name") from None
    if "start" not in raw:
        raise r.fail(path + ("start",), "start is required", "when the agreement takes effect, local time")
    start = _moment(r, raw["start"], zone, path + ("start",))
    end = _moment(r, raw["end"], zone, path + ("end",)) if raw.get("end") is not None else None
    if end is not None and end <= start:
        raise r.fail(path + ("end",), "end is not after start", "check the dates and the time zone")
    return Window(start=start, end=end, timezone=zone_name)


def _polygons(r: _Reader, raw: Any, path: tuple[str, ...]) -> tuple[Polygon, ...]:
    if not isinstance(raw, list):
        raise r.fail(path, "polygons must be a list", "each item: {name, coordinates: [[lon, lat], ...]}")
    out = []
    for i, item in enumerate(raw):
        p = path + (str(i),)
        coords = item.get("coordinates") if isinstance(item, Mapping) else None
        ok = isinstance(coords, list) and len(coords) >= 3 and all(
            isinstance(c, list) and len(c) == 2 and all(isinstance(x, int | float) for x in c) for c in coords
        )
        if not ok:
            raise r.fail(p, "a polygon needs at least 3 [lon, lat] points", "coordinates: [[lon, lat], ...]")
        if any(not (-180 <= lon <= 180 and -90 <= lat <= 90) for lon, lat in coords):
            raise r.fail(p, "a point is outside lon -180..180 / lat -90..90", "points are [lon, lat]")
        out.append(Polygon(str(item.get("name") or f"polygon {i}"), tuple((float(a), float(b)) for a, b in coords)))
    return tuple(out)


def _scope(r: _Reader, raw: Any, path: tuple[str, ...], base: Scope | None = None) -> Scope:
    if not isinstance(raw, Mapping):
        raise r.fail(path, "scope must be a mapping", "keys: " + ", ".join(sorted(_SCOPE_KEYS)))
    extra = set(raw) - _SCOPE_KEYS
    if extra:
        raise r.fail(path + (sorted(extra)[0],), "unknown key", "scope keys: " + ", ".join(sorted(_SCOPE_KEYS)))
    s = base or Scope()
    values: dict[str, Any] = {
        "acts": s.acts, "targets": s.targets, "facilities": s.facilities,
        "regions": s.regions, "polygons": s.polygons, "weapons": s.weapons,
    }

    def all_or(key: str, allowed: Iterable[str] | None) -> tuple[str, ...] | None:
        value = raw[key]
        return None if value == "all" else _as_list(r, value, path + (key,), allowed)

    if "acts" in raw:
        values["acts"] = _as_list(r, raw["acts"], path + ("acts",), ACTS)
    if "targets" in raw:
        values["targets"] = all_or("targets", TARGET_CODES)
    if "facilities" in raw:
        values["facilities"] = _as_list(r, raw["facilities"], path + ("facilities",), None)
    if "weapons" in raw:
        values["weapons"] = all_or("weapons", WEAPON_CATEGORIES)
    if "areas" in raw:
        areas = raw["areas"]
        if areas == "all":
            values["regions"], values["polygons"] = None, ()
        elif isinstance(areas, Mapping) and set(areas) <= {"regions", "polygons"} and areas:
            regions = _as_list(r, areas.get("regions", []), path + ("areas", "regions"), None)
            for i, code in enumerate(regions):
                if not _AREA_CODE.match(code):
                    raise r.fail(path + ("areas", "regions", str(i)), f"not a region code: {code!r}",
                                 "use ISO 3166-2 (UA-59, RU-KRS), a country (UA, RU) or SEA-*")
            values["regions"] = regions
            values["polygons"] = _polygons(r, areas.get("polygons", []), path + ("areas", "polygons"))
        else:
            raise r.fail(path + ("areas",), "areas must be 'all' or {regions, polygons}", "see docs/agreements.md")
    return Scope(**values)


def _conditions(r: _Reader, raw: Any, path: tuple[str, ...]) -> tuple[Condition, ...]:
    if not isinstance(raw, list):
        raise r.fail(path, "conditions must be a list", "each item: {kind, text, ...}")
    out = []
    for i, item in enumerate(raw):
        p = path + (str(i),)
        if not isinstance(item, Mapping):
            raise r.fail(p, "a condition must be a mapping", "keys: kind, text, met_on, basis")
        extra = set(item) - {"kind", "text", "met_on", "basis"}
        if extra:
            raise r.fail(p + (sorted(extra)[0],), "unknown key", "condition keys: kind, text, met_on, basis")
        kind = item.get("kind")
        if kind not in CONDITION_KINDS:
            raise r.fail(p + ("kind",), f"unknown condition kind {kind!r}", "kinds: " + ", ".join(CONDITION_KINDS))
        met_on = item.get("met_on")
        if met_on is not None and not isinstance(met_on, date):
            raise r.fail(p + ("met_on",), "met_on must be a date", "YYYY-MM-DD, or leave it out while unmet")
        basis = item.get("basis", "corroborated")
        if basis not in ("alleged", "corroborated"):
            raise r.fail(p + ("basis",), f"unknown basis {basis!r}", "alleged or corroborated")
        out.append(Condition(kind=kind, text=str(item.get("text") or ""), met_on=met_on, basis=basis))
    return tuple(out)


def parse_agreement(data: Any, *, source: str, text: str | None = None) -> Agreement:
    """Validate parsed YAML into an `Agreement`; `text` gives line numbers."""
    r = _Reader(source, text if text is not None else yaml.safe_dump(data))
    if not isinstance(data, Mapping):
        raise r.fail((), "an agreement file must be a mapping", "see docs/agreements.md")
    extra = set(data) - _TOP_KEYS
    if extra:
        raise r.fail((sorted(extra)[0],), "unknown key", "known keys: " + ", ".join(sorted(_TOP_KEYS)))
    for key in ("id", "name", "status", "parties", "window", "scope"):
        if key == "window" and data.get("status") == "draft":
            continue  # a draft without a window is simulated over whatever period is asked
        if key not in data:
            raise r.fail((key,), f"{key} is required", "see docs/agreements.md for the format")
    if not isinstance(data["id"], str) or not re.match(r"^[a-z0-9][a-z0-9-]*$", data["id"]):
        raise r.fail(("id",), f"bad id {data['id']!r}", "lower-case letters, digits and hyphens")
    status = data["status"]
    if status not in STATUSES:
        raise r.fail(("status",), f"unknown status {status!r}", "statuses: " + ", ".join(STATUSES))
    parties = _as_list(r, data["parties"], ("parties",), PARTY_CODES)
    declared = _as_list(r, data.get("declared_by", []), ("declared_by",), parties)
    accepted = _as_list(r, data.get("accepted_by", []), ("accepted_by",), parties)
    if status == "unilateral" and not declared:
        raise r.fail(("declared_by",), "a unilateral agreement needs declared_by", "the party that declared it")
    if "binds" in data:
        binds = _as_list(r, data["binds"], ("binds",), parties)
    elif status == "unilateral":
        binds = declared
    else:
        binds = parties
    window = _window(r, data["window"], ("window",)) if "window" in data else _ALWAYS
    scope = _scope(r, data["scope"], ("scope",))
    conditions = _conditions(r, data.get("conditions", []), ("conditions",))
    versions: list[AgreementVersion] = []
    raw_versions = data.get("versions") or {}
    if not isinstance(raw_versions, Mapping):
        raise r.fail(("versions",), "versions must map a party to its overrides", "versions: {RU: {...}, UA: {...}}")
    for party, raw in raw_versions.items():
        p = ("versions", str(party))
        if party not in parties:
            raise r.fail(p, f"version for unknown party {party!r}", "versions are keyed by a party code")
        raw = raw or {}
        extra = set(raw) - _VERSION_KEYS if isinstance(raw, Mapping) else {"?"}
        if extra:
            raise r.fail(p, "unknown key in version", "version keys: " + ", ".join(sorted(_VERSION_KEYS)))
        versions.append(AgreementVersion(
            party=party,
            window=_window(r, raw["window"], p + ("window",)) if "window" in raw else window,
            scope=_scope(r, raw["scope"], p + ("scope",), base=scope) if "scope" in raw else scope,
            conditions=_conditions(r, raw["conditions"], p + ("conditions",)) if "conditions" in raw else conditions,
            binds=_as_list(r, raw["binds"], p + ("binds",), parties) if "binds" in raw else binds,
            note=str(raw.get("note") or ""),
        ))
    if not versions:
        versions.append(AgreementVersion(None, window, scope, conditions, binds))
    sources = []
    for i, s in enumerate(data.get("sources") or []):
        if not isinstance(s, Mapping) or not s.get("title"):
            raise r.fail(("sources", str(i)), "a source needs a title", "title, url, date, publisher")
        sources.append(Source(str(s["title"]), s.get("url"), s.get("date"), s.get("publisher")))
    return Agreement(
        id=data["id"], name=str(data["name"]), status=status, parties=parties, declared_by=declared,
        accepted_by=accepted, versions=tuple(versions), proposed_by=data.get("proposed_by"),
        description=str(data.get("description") or "").strip(), sources=tuple(sources), path=source,
    )


def load_agreement_file(path: str | Path) -> Agreement:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AgreementError(f"cannot read agreement file: {exc.strerror}", source=str(path),
                             hint="check the path") from exc
    try:
        data = load_yaml(text, source=str(path))  # no aliases, bounded size and nesting
    except InputError as exc:
        raise AgreementError(exc.message, source=str(path), location=exc.location, hint=exc.hint) from None
    return parse_agreement(data, source=str(path), text=text)


def load_agreements(paths: Iterable[str | Path] | None = None, *, settings: Settings | None = None) -> list[Agreement]:
    """The bundled agreements plus those in `Settings.agreements_dir`, or the
    given files/folders only. Two files with one id are an error."""
    if paths is None:
        settings = settings or load_settings()
        roots: list[Path] = [BUNDLED_DIR]
        if settings.agreements_dir:
            roots.append(Path(settings.agreements_dir))
    else:
        roots = [Path(p) for p in paths]
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            files += sorted(root.glob("*.yaml")) + sorted(root.glob("*.yml"))
        elif root.exists():
            files.append(root)
        else:
            raise AgreementError("no such agreement file or folder", source=str(root), hint="check the path")
    out: dict[str, Agreement] = {}
    for f in files:
        agreement = load_agreement_file(f)
        if agreement.id in out:
            raise AgreementError(f"duplicate agreement id {agreement.id!r}", source=str(f), location="id",
                                 hint=f"already defined in {out[agreement.id].path}")
        out[agreement.id] = agreement
    return list(out.values())
