"""Reading data files into a :class:`~povertydata.catalog.Dataset`, validating as it goes.

Every file is read as UTF-8 JSON (duplicate keys refused), structured strictly by the one
cattrs converter, and checked: ids, references, offsets and quotes, periods, the region
tree, the checks. Damage raises :class:`~povertydata.DataError` naming the file, the
record and the field; :func:`problems` collects every problem instead of stopping at the
first.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from povertydata._convert import StructureError, converter, describe, field_path
from povertydata._dataset import Dataset
from povertydata._figure import Figure
from povertydata._records import Records, _Index
from povertydata._relations import validate as validate_relations
from povertydata._schema import CATEGORY_KEY, LANGUAGE, REGION_ID, REPORT_ID, SCHEMA_REFS
from povertydata.errors import DataError, ParseError
from povertydata.model import (
    FIGURE_FIELDS,
    FIGURE_SECTIONS,
    REGION_LEVELS,
    SECTIONS,
    Category,
    Check,
    Erratum,
    Exclusion,
    Region,
    Report,
    Span,
)
from povertydata.sources import seed_bytes, seed_names, seed_sha256

__all__ = ["DataFiles", "build", "folder_files", "package_files", "problems"]

_SLUG = re.compile(REPORT_ID)  # a report id, and what follows <report-id>/ in a record id
_REGION_ID = re.compile(REGION_ID)
_CATEGORY_KEY = re.compile(CATEGORY_KEY)
_LANGUAGE = re.compile(LANGUAGE)
_CODE = re.compile(r"[1-9][0-9]{5}")  # GB/T 2260
_PERIOD_END = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
#: The administrative levels, top down.
_LEVEL_ORDER = tuple(REGION_LEVELS)
#: JSON deeper than this is no data file of ours (a record is five levels down).
_MAX_DEPTH = 32
#: Report-file sections that are not record kinds: drafts still to be completed.
PROVISIONAL = "provisional"


@attrs.frozen
class DataFiles:
    """The files of one data folder, as bytes, each with the name errors give it.

    Attributes:
        reports: ``(name, bytes)`` of each report file.
        regions: ``(name, bytes)`` of ``regions.json``, or ``None`` for none.
        categories: ``(name, bytes)`` of ``categories.json``, or ``None`` for none.
        seeds: Source texts found in the folder's ``seeds/``: ``(file name, name, bytes)``.
        own_seeds: Whether the folder has a ``seeds/`` folder: its reports then cite the texts
            there and nowhere else; without one they cite the texts shipped with the package.

    """

    reports: tuple[tuple[str, bytes], ...]
    regions: tuple[str, bytes] | None = None
    categories: tuple[str, bytes] | None = None
    seeds: tuple[tuple[str, str, bytes], ...] = ()
    own_seeds: bool = False


def package_files() -> DataFiles:
    """The data files shipped with the package.

    Raises:
        DataError: for a file or folder missing from the installation.

    """
    root = resources.files("povertydata").joinpath("data")

    def read(name: str) -> tuple[str, bytes]:
        try:
            return f"data/{name}", root.joinpath(name).read_bytes()
        except OSError as error:
            raise DataError(f"data/{name}", None, f"cannot be read: {error.strerror or error}") from None

    try:
        names = sorted(p.name for p in root.joinpath("reports").iterdir() if p.name.endswith(".json"))
    except OSError as error:
        raise DataError("data/reports", None, f"cannot be read: {error.strerror or error}") from None
    return DataFiles(
        reports=tuple(read(f"reports/{name}") for name in names),
        regions=read("regions.json"),
        categories=read("categories.json"),
    )


def folder_files(path: str | Path, *, alone: bool) -> DataFiles:
    """The data files of a folder laid out like the package data.

    ``reports/*.json`` must be there, with at least one report; ``regions.json`` and
    ``categories.json`` must be there too when the folder is read ``alone`` (without the
    package data), and are optional otherwise; ``seeds/*.txt`` are optional.

    Raises:
        DataError: for a missing or unreadable file or folder.

    """
    folder = Path(path)

    def read(p: Path) -> tuple[str, bytes]:
        try:
            return str(p), p.read_bytes()
        except OSError as error:
            raise DataError(str(p), None, f"cannot be read: {error.strerror or error}") from None

    if not folder.is_dir():
        raise DataError(str(folder), None, "no such folder")
    reports = folder / "reports"
    if not reports.is_dir():
        raise DataError(str(reports), None, "a data folder needs a reports/ folder with the report files")
    files = sorted(p for p in reports.glob("*.json") if p.is_file())
    if not files:
        raise DataError(str(reports), None, "no report files (*.json) in the reports/ folder")
    optional = {}
    for name in ("regions.json", "categories.json"):
        p = folder / name
        if p.exists() or alone:
            optional[name] = read(p)
    seeds = folder / "seeds"
    found = sorted(p for p in seeds.glob("*.txt") if p.is_file()) if seeds.is_dir() else []
    return DataFiles(
        reports=tuple(read(p) for p in files),
        regions=optional.get("regions.json"),
        categories=optional.get("categories.json"),
        seeds=tuple((p.name, *read(p)) for p in found),
        own_seeds=seeds.is_dir(),
    )


def build(*parts: DataFiles) -> Dataset:
    """Read, check and join the data files of ``parts`` into one Dataset.

    Raises:
        DataError: for the first problem found, naming the file, the record and the field.

    """
    dataset = _Build(collect=False).run(parts)
    assert dataset is not None  # without collecting, any problem has raised
    return dataset


def problems(*parts: DataFiles) -> list[DataError]:
    """Every problem :func:`build` would find in ``parts`` (empty if they load)."""
    builder = _Build(collect=True)
    builder.run(parts)
    return builder.problems


# -- reading JSON ----------------------------------------------------------------------


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given twice (the last one wins in ``json``)."""

    __slots__ = ("twice",)

    twice: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> _Object:
    out = _Object(pairs)
    out.twice = [key for i, (key, _) in enumerate(pairs) if any(k == key for k, _ in pairs[:i])]
    return out


def _walk(data: Any) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value of a JSON tree with its path, without recursion (the depth is checked first)."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, node = stack.pop()
        yield path, node
        if isinstance(node, dict):
            stack.extend(((*path, k), v) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(node))))


def _depth_exceeds(data: Any, limit: int) -> bool:
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return False


# -- the build ---------------------------------------------------------------------------


class _Build:
    """One pass over the files of some data folders, reporting each problem as it is found."""

    def __init__(self, *, collect: bool) -> None:
        self.collect = collect
        self.problems: list[DataError] = []

    def fail(self, file: str, record: str | None, reason: str, field: str | None = None) -> None:
        error = DataError(file, record, reason, field)
        if not self.collect:
            raise error
        self.problems.append(error)

    def structured(self, label: str, record: str | None, raw: Any, cls: type, under: tuple[str | int, ...] = ()) -> Any:
        """``raw`` structured as ``cls``, or ``None`` after reporting every problem in it."""
        try:
            return converter.structure(raw, cls)
        except StructureError as error:
            for path, reason in error.problems:
                self.fail(label, record, reason, field_path((*under, *path)))
            return None

    def read_json(self, label: str, data: bytes, kind: str, top: Iterable[str]) -> dict[str, Any] | None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            self.fail(label, None, f"not UTF-8 text ({error.reason} at byte {error.start})")
            return None
        try:
            parsed = json.loads(text, object_pairs_hook=_pairs)
        except RecursionError:
            self.fail(label, None, "not valid JSON: nested too deeply")
            return None
        except ValueError as error:  # JSONDecodeError, and ints too long to read
            self.fail(label, None, f"not valid JSON: {error}")
            return None
        if not isinstance(parsed, dict):
            self.fail(label, None, f"the top level must be an object, the {kind} file's")
            return None
        if _depth_exceeds(parsed, _MAX_DEPTH):
            self.fail(label, None, f"not a {kind} file: nested more than {_MAX_DEPTH} levels deep")
            return None
        for path, node in _walk(parsed):
            for key in getattr(node, "twice", ()):
                record, field = _locate(parsed, (*path, key))
                self.fail(label, record, f"the key {key!r} is given twice in one object", field)
        allowed = set(top)
        for key in parsed:
            if key not in allowed and key != "$schema":
                self.fail(label, None, f"unknown section; a {kind} file has {', '.join(sorted(allowed))}", key)
        ref = SCHEMA_REFS[kind]
        if parsed.get("$schema") != ref:
            got = "missing" if "$schema" not in parsed else f"not {describe(parsed['$schema'])}"
            self.fail(label, None, f"a {kind} file names its JSON Schema as {ref!r} ({got}); "
                      "'povertydata data fmt' writes it", "$schema")  # fmt: skip
        return parsed

    def items(self, label: str, data: dict[str, Any], key: str, required: bool = False) -> list[Any]:
        if key not in data:
            if required:
                self.fail(label, None, "missing", key)
            return []
        items = data[key]
        if not isinstance(items, list):
            self.fail(label, None, f"must be a list, not {describe(items)}", key)
            return []
        return items

    # -- the whole run -----------------------------------------------------------------

    def run(self, parts: Iterable[DataFiles]) -> Dataset | None:
        self.regions: dict[str, Region] = {}
        self.region_origin: dict[str, str] = {}
        self.categories: dict[str, Category] = {}
        self.category_origin: dict[str, str] = {}
        self.reports: list[Report] = []
        self.sections: dict[str, list[Any]] = {key: [] for key in SECTIONS}
        self.origin: dict[str, str] = {}  # report id -> its file
        self.files: dict[int, str] = {}  # id() of a record -> its file
        self.names: dict[int, str] = {}  # id() of a record -> what errors call it
        self.names_next = ""
        # Ids (and keys) of what did not structure: reported once, with no reference errors to them.
        self.broken: set[str] = set()
        self.texts: dict[str, str] = {}  # report id -> its source text
        self.seeds: dict[str, tuple[str, str]] = {}  # seed name -> (report file, text) of a folder's seed
        parts = list(parts)
        for part in parts:
            if part.regions is not None:
                self.read_regions(*part.regions)
            if part.categories is not None:
                self.read_categories(*part.categories)
        self.check_region_tree()
        for part in parts:
            folder_seeds = {name: (label, data) for name, label, data in part.seeds}
            for label, data in part.reports:
                self.read_report(label, data, folder_seeds if part.own_seeds else None)
        self.cross_check()
        if not self.problems:
            # Every reference resolves: the rules of parts and wholes can be read.
            origin = {
                item.id: self.label_of(item) for key in SECTIONS if key != "exclusions" for item in self.sections[key]
            }
            try:
                validate_relations(self.sections, origin)
            except DataError as error:
                self.fail(error.file, error.record, error.reason, error.field)
        dataset = self.dataset()
        self.check_checks(dataset)
        if self.problems:
            return None
        from povertydata.sources import _remember

        for name, (label, text) in self.seeds.items():
            _remember(name, text, label)
        return dataset

    def dataset(self) -> Dataset:
        children: dict[str, list[str]] = {}
        for region in self.regions.values():
            if region.parent is not None:
                children.setdefault(region.parent, []).append(region.id)
        s = self.sections
        index = _Index({k: tuple(v) for k, v in children.items()}, {p.id: p.category for p in s["programs"]})
        return Dataset(
            reports=Records(self.reports, index),
            regions=Records(self.regions.values(), index),
            categories=Records(self.categories.values(), index),
            programs=Records(s["programs"], index),
            funds=Records(s["funds"], index),
            cohorts=Records(s["cohorts"], index),
            indicators=Records(s["indicators"], index),
            errata=Records(s["errata"], index),
            checks=Records(s["checks"], index),
            exclusions=tuple(s["exclusions"]),
        )

    # -- regions and categories --------------------------------------------------------

    def read_regions(self, label: str, data: bytes) -> None:
        parsed = self.read_json(label, data, "regions", ("regions",))
        if parsed is None:
            return
        seen: set[str] = set()
        for i, raw in enumerate(self.items(label, parsed, "regions", required=True)):
            rid = _name_of(raw, "id", f"regions[{i}]")
            region = self.structured(label, rid, raw, Region)
            if region is None:
                self.broken.add(rid)
                continue
            if not _REGION_ID.fullmatch(region.id):
                self.fail(label, rid, "a region id is a code or a slug of letters, digits and hyphens", "id")
            if region.code is not None and region.code != region.id:
                self.fail(label, rid, f"a region with a code has it as its id, not {region.code!r}", "code")
            elif region.code is None and _CODE.fullmatch(region.id):
                self.fail(label, rid, "a region whose id is a code has it as its code, not null", "code")
            if region.id in seen:
                self.fail(label, rid, "duplicate region id in this file", "id")
                continue
            seen.add(region.id)
            known = self.regions.get(region.id)
            if known is not None and known != region:
                self.fail(label, rid, f"clashes with the region of that id in {self.region_origin[region.id]}", "id")
                continue
            self.regions[region.id] = region
            self.region_origin.setdefault(region.id, label)

    def check_region_tree(self) -> None:
        for region in self.regions.values():
            label = self.region_origin[region.id]
            if region.parent is None:
                continue
            parent = self.regions.get(region.parent)
            if parent is None:
                if region.parent not in self.broken:
                    self.fail(label, region.id, f"parent {region.parent!r} is not a region", "parent")
                continue
            seen = {region.id}
            above: Region | None = parent
            while above is not None:
                if above.id in seen:
                    self.fail(label, region.id, f"the parents of {region.id!r} come back to it: a cycle", "parent")
                    break
                seen.add(above.id)
                above = self.regions.get(above.parent) if above.parent is not None else None
            else:
                if _LEVEL_ORDER.index(parent.level) >= _LEVEL_ORDER.index(region.level):
                    self.fail(label, region.id, f"a {region.level} cannot be under a {parent.level}", "level")
                elif region.code is not None and parent.code is not None:
                    prefix = parent.code
                    while prefix.endswith("00"):
                        prefix = prefix[:-2]
                    if not region.code.startswith(prefix) or region.code == parent.code:
                        self.fail(label, region.id, f"the code of a region in {parent.id} begins with {prefix} "
                                  "(GB/T 2260)", "code")  # fmt: skip

    def read_categories(self, label: str, data: bytes) -> None:
        parsed = self.read_json(label, data, "categories", ("categories",))
        if parsed is None:
            return
        seen: set[str] = set()
        for i, raw in enumerate(self.items(label, parsed, "categories", required=True)):
            key = _name_of(raw, "key", f"categories[{i}]")
            category = self.structured(label, key, raw, Category)
            if category is None:
                self.broken.add(key)
                continue
            if not _CATEGORY_KEY.fullmatch(category.key):
                self.fail(label, key, "a category key is lowercase words joined by underscores", "key")
            if category.key in seen:
                self.fail(label, key, "duplicate category key in this file", "key")
                continue
            seen.add(category.key)
            known = self.categories.get(category.key)
            if known is not None and known != category:
                self.fail(label, key, f"clashes with the category of that key in {self.category_origin[category.key]}",
                          "key")  # fmt: skip
                continue
            self.categories[category.key] = category
            self.category_origin.setdefault(category.key, label)

    # -- reports -----------------------------------------------------------------------

    def read_report(self, label: str, data: bytes, folder_seeds: dict[str, tuple[str, bytes]] | None) -> None:
        parsed = self.read_json(label, data, "report", ("report", *SECTIONS, PROVISIONAL))
        if parsed is None:
            return
        if "report" not in parsed:
            self.fail(label, None, "missing", "report")
            return
        raw_header = parsed["report"]
        rid = _name_of(raw_header, "id", "report")
        report = self.structured(label, rid, raw_header, Report)
        if report is None:
            if not isinstance(raw_header, dict) or not isinstance(raw_header.get("id"), str):
                return
            report_id, seed, text = raw_header["id"], "?", None  # go on, to report the records' problems too
        else:
            report_id, seed = report.id, report.seed
            text = self.check_report(label, report, folder_seeds)
        for key, cls in SECTIONS.items():
            for i, raw in enumerate(self.items(label, parsed, key)):
                record = self.read_record(label, (report_id, seed), key, i, raw, cls, text)
                if record is not None:
                    self.sections[key].append(record)
                    self.files[id(record)] = label
                    self.names[id(record)] = self.names_next
        for i, raw in enumerate(self.items(label, parsed, PROVISIONAL)):
            name = _name_of(raw, "id", f"{PROVISIONAL}[{i}]")
            self.fail(label, name, "a provisional record is left: give it its section (funds, cohorts, indicators "
                      "or exclusions) and the fields that section requires, then run 'povertydata data settle'; "
                      "or delete it", "section")  # fmt: skip

    def check_report(self, label: str, report: Report, folder_seeds: dict[str, tuple[str, bytes]] | None) -> str | None:
        if not _SLUG.fullmatch(report.id):
            self.fail(label, report.id, "a report id is lowercase letters and digits joined by hyphens", "id")
        elif Path(label).stem != report.id:
            self.fail(label, report.id, f"the file of report {report.id!r} is named {report.id}.json", "id")
        if any(r.id == report.id for r in self.reports):
            self.fail(label, report.id, "duplicate report id", "id")
            return None
        self.reports.append(report)
        self.origin[report.id] = label
        self.check_period(label, report.id, report.period)
        if report.published is not None and report.published > dt.date.today():
            self.fail(label, report.id, f"{report.published} is a day still to come", "published")
        if not _LANGUAGE.fullmatch(report.language):
            self.fail(
                label, report.id, f"a language is a BCP 47 tag (zh, zh-Hant), not {report.language!r}", "language"
            )
        if report.region not in self.regions and report.region not in self.broken:
            self.fail(label, report.id, f"region {report.region!r} is not a region", "region")
        if folder_seeds is not None and report.seed in folder_seeds:
            seed_label, data = folder_seeds[report.seed]
        elif folder_seeds is None and report.seed in seed_names():
            seed_label, data = f"data/seeds/{report.seed}", seed_bytes(report.seed)
        else:
            where = "in the folder's seeds/" if folder_seeds is not None else "shipped with the package"
            self.fail(label, report.id, f"no source text {report.seed!r} {where}", "seed")
            return None
        digest = seed_sha256(data)
        if digest != report.seed_sha256:
            self.fail(label, report.id, f"the source text {seed_label} has changed: its SHA-256 is {digest}, not the "
                      f"{report.seed_sha256} the report pins; its offsets may no longer hold", "seed_sha256")  # fmt: skip
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            self.fail(label, report.id, f"the source text {seed_label} is not UTF-8 text ({error.reason} at byte "
                      f"{error.start})", "seed")  # fmt: skip
            return None
        if folder_seeds is not None:
            self.seeds[report.seed] = (label, text)
        self.texts[report.id] = text
        return text

    def check_period(self, label: str, record: str, period: str | None) -> None:
        reason = _period_problem(period)
        if reason is not None:
            self.fail(label, record, reason, "period")

    def read_record(
        self, label: str, source: tuple[str, str], key: str, index: int, raw: Any, cls: type, text: str | None
    ) -> Any:
        report = source[0]
        # An exclusion has no id: its place in the file names it.
        rid = f"{key}[{index}]" if key == "exclusions" else _name_of(raw, "id", f"{key}[{index}]")
        self.names_next = rid
        if not isinstance(raw, dict):
            self.fail(label, rid, f"a record must be an object, not {describe(raw)}")
            return None
        item = dict(raw)
        if key == "exclusions":
            self.not_anchored(label, rid, item, "")
        if "report" in raw:
            self.fail(label, rid, "is implied by the file: leave it out", "report")
            item.pop("report")
        if "report" in attrs.fields_dict(cls):
            item["report"] = report
        raw_spans = raw.get("spans")
        if isinstance(raw_spans, list):
            item["spans"] = [self.span_item(label, rid, i, s, source) for i, s in enumerate(raw_spans)]
        record = self.structured(label, rid, item, cls)
        if record is None:
            if isinstance(raw.get("id"), str):
                self.broken.add(raw["id"])
            return None
        if isinstance(record, Exclusion):
            self.check_quote(label, rid, record, text, "")
            return record
        self.check_id(label, rid, record.id, report)
        self.check_period(label, rid, getattr(record, "period", None))
        allowed = FIGURE_FIELDS.get(cls, ())
        spans: tuple[Any, ...] = getattr(record, "spans", ())
        if hasattr(record, "spans") and not spans and not allowed:
            self.fail(label, rid, "a record cites where the report says it: give at least one span", "spans")
        for i, span in enumerate(spans):
            in_place = self.check_quote(label, rid, span, text, f"spans[{i}].")
            if span.field is not None and span.field not in allowed:
                what = f"a figure field of {key} ({', '.join(allowed)})" if allowed else "null for " + key
                self.fail(label, rid, f"must be {what}, not {span.field!r}", f"spans[{i}].field")
            elif span.field is not None and getattr(record, span.field) is None:
                self.fail(label, rid, f"cites {span.field!r}, which the record leaves null", f"spans[{i}].field")
            if span.field is None and (span.added or span.override is not None):
                name = "added" if span.added else "override"
                self.fail(label, rid, "only a span that cites a figure says how it reads", f"spans[{i}].{name}")
            elif in_place and span.field in allowed and getattr(record, span.field) is not None:
                self.check_reading(label, rid, i, span, getattr(record, span.field))
        for field in allowed:
            if getattr(record, field) is not None and not any(s.field == field for s in spans):
                self.fail(label, rid, "the figure has no span that cites it", field)
        seen: set[tuple[int, int, str | None]] = set()
        for i, span in enumerate(spans):
            if (span.start, span.end, span.field) in seen:
                self.fail(label, rid, "the same span is given twice", f"spans[{i}]")
            seen.add((span.start, span.end, span.field))
        return record

    def check_reading(self, label: str, rid: str, i: int, span: Span, figure: Figure) -> None:
        """The figure is ``parse(quote)`` with the span's declared additions, or an override says why not."""
        from povertydata.figures import parse

        at = f"spans[{i}]"
        text = self.texts.get(span.report)
        if text is not None:
            before, after = text[span.start - 1 : span.start], text[span.end : span.end + 1]
            if span.quote[0] in _NUMERAL_CHARS and before in _NUMERAL_CHARS:
                self.fail(label, rid, f"the quote begins inside a number ({before}{span.quote}…): a quote holds "
                          "the whole figure", f"{at}.start")  # fmt: skip
                return
            if span.quote[-1] in _NUMERAL_CHARS and after in _NUMERAL_CHARS:
                self.fail(label, rid, f"the quote ends inside a number (…{span.quote}{after}): a quote holds "
                          "the whole figure", f"{at}.end")  # fmt: skip
                return
        try:
            parsed = parse(span.quote)
        except ParseError as error:
            if span.override is None:
                self.fail(label, rid, f"quote {span.quote!r} does not parse ({error.reason}); a figure read "
                          "otherwise needs an override that says why", f"{at}.quote")  # fmt: skip
            elif span.added:
                self.fail(label, rid, "the quote does not parse, so there is nothing to add to: the override "
                          "covers the whole figure", f"{at}.added")  # fmt: skip
            return
        differ = [name for name in _FIGURE_ATTRIBUTES if getattr(parsed, name) != getattr(figure, name)]
        covered = set()
        for name in span.added:
            if name not in differ:
                self.fail(label, rid, f"{name!r} is declared as added, but parse({span.quote!r}) gives it already "
                          f"({getattr(parsed, name)!r}): drop it", f"{at}.added")  # fmt: skip
            elif not _is_addition(name, parsed, figure):
                self.fail(label, rid, f"{name} {getattr(figure, name)!r} is no addition to parse({span.quote!r}), "
                          f"which gives {getattr(parsed, name)!r}: that needs an override", f"{at}.added")  # fmt: skip
            else:
                covered.add(name)
        rest = [name for name in differ if name not in covered]
        if rest and span.override is None:
            name = rest[0]
            self.fail(label, rid, f"{name} {getattr(figure, name)!r} differs from parse({span.quote!r}), which "
                      f"gives {getattr(parsed, name)!r}; if the text states it outside the quote, name it in "
                      f"{at}.added, else give {at}.override with the reason", f"{span.field}.{name}")  # fmt: skip
        elif not rest and span.override is not None:
            self.fail(label, rid, f"the override is stale: parse({span.quote!r}) with the declared additions is "
                      "the figure; drop it", f"{at}.override")  # fmt: skip

    def span_item(self, label: str, rid: str, index: int, raw: Any, source: tuple[str, str]) -> Any:
        if not isinstance(raw, dict):
            return raw  # the converter says what is wrong with it
        for implied in ("report", "seed"):
            if implied in raw:
                self.fail(label, rid, "is implied by the file: leave it out", f"spans[{index}].{implied}")
        item = {**raw, "report": source[0], "seed": source[1]}
        self.not_anchored(label, rid, item, f"spans[{index}].")
        return item

    def not_anchored(self, label: str, rid: str, item: dict[str, Any], at: str) -> None:
        """A quote written with an occurrence and no offsets says what to run; the rest is refused as usual."""
        if "occurrence" in item:
            self.fail(label, rid, "a quote to anchor: 'povertydata data anchor' writes its offsets in place of this",
                      f"{at}occurrence")  # fmt: skip
            item.pop("occurrence")

    def check_id(self, label: str, rid: str, record_id: str, report: str) -> None:
        prefix, slash, slug = record_id.partition("/")
        if prefix != report or not slash or not _SLUG.fullmatch(slug):
            self.fail(label, rid, f"a record id is {report}/ and a slug of lowercase words joined by hyphens", "id")

    def check_quote(self, label: str, rid: str, span: Any, text: str | None, at: str) -> bool:
        """Whether the quote stands at its offsets of the text (reporting why not)."""
        if span.end <= span.start:
            self.fail(label, rid, f"end {span.end} is not after start {span.start}", f"{at}end")
        elif text is None:
            return False
        elif span.end > len(text):
            self.fail(label, rid, f"end {span.end} is past the end of the source text ({len(text)})", f"{at}end")
        elif text[span.start : span.end] != span.quote:
            found = text[span.start : span.end]
            self.fail(label, rid, f"quote {span.quote!r} is not at [{span.start}, {span.end}) of the source text, "
                      f"which has {found!r} there", f"{at}quote")  # fmt: skip
        else:
            return True
        return False

    # -- across records ----------------------------------------------------------------

    def cross_check(self) -> None:
        s = self.sections
        first: dict[str, str] = {}
        for key in SECTIONS:
            if key == "exclusions":
                continue
            for item in s[key]:
                if item.id in first:
                    self.fail(self.label_of(item), item.id, f"duplicate id (also in {first[item.id]})", "id")
                first.setdefault(item.id, self.label_of(item))
        programs = {p.id: p for p in s["programs"]}
        errata = {e.id: e for e in s["errata"]}
        for key in ("programs", *FIGURE_SECTIONS):
            for item in s[key]:
                label = self.label_of(item)
                if item.region not in self.regions and item.region not in self.broken:
                    self.fail(label, item.id, f"region {item.region!r} is not a region", "region")
                if key == "programs":
                    if item.category not in self.categories and item.category not in self.broken:
                        self.fail(label, item.id, f"category {item.category!r} is not a category", "category")
                elif item.program is not None and item.program not in self.broken:
                    program = programs.get(item.program)
                    if program is None or program.report != item.report:
                        self.fail(label, item.id, f"program {item.program!r} is not a programme of this report",
                                  "program")  # fmt: skip
        by_id = {x.id: x for key in FIGURE_SECTIONS for x in s[key]}
        # part_of names records of figures of the same report; the part/whole rules beyond
        # that (no self reference, no cycle, units that agree) belong with the relations code.
        for key in FIGURE_SECTIONS:
            for item in s[key]:
                for i, whole in enumerate(item.part_of):
                    if whole in item.part_of[:i]:
                        self.fail(self.label_of(item), item.id, f"part_of names {whole!r} twice", f"part_of[{i}]")
                    other = by_id.get(whole)
                    if whole not in self.broken and (other is None or other.report != item.report):
                        self.fail(self.label_of(item), item.id,
                                  f"part_of {whole!r} is not a record of figures of its report", f"part_of[{i}]")  # fmt: skip
        for c in s["checks"]:
            self.check_references(c, by_id, errata)
        self.check_exclusions()

    def label_of(self, item: Any) -> str:
        return self.files.get(id(item)) or self.origin.get(item.report, "?")

    def check_references(self, c: Check, by_id: dict[str, Any], errata: dict[str, Erratum]) -> None:
        label = self.label_of(c)
        if c.erratum is not None and c.erratum not in self.broken:
            erratum = errata.get(c.erratum)
            if erratum is None or erratum.report != c.report:
                self.fail(label, c.id, f"erratum {c.erratum!r} is not an erratum of this report", "erratum")
        if c.tolerance < 0 or c.tolerance.is_signed():
            self.fail(label, c.id, f"must not be negative, not {c.tolerance}", "tolerance")
        least = 2 if c.kind in ("share", "ratio", "difference") else 1
        if len(c.operands) < least or (c.kind in ("share", "ratio") and len(c.operands) != 2):
            takes = "exactly two operands" if c.kind in ("share", "ratio") else ("at least two operands" if least == 2
                                                                                 else "at least one operand")  # fmt: skip
            self.fail(label, c.id, f"a check of kind {c.kind!r} takes {takes}", "operands")
            return
        refs = [(f"operands[{i}]", ref) for i, ref in enumerate(c.operands)] + [("result", c.result)]
        used: set[str] = set()
        for field, ref in refs:
            if ref in used:
                self.fail(label, c.id, f"reference {ref!r} is used twice in one check", field)
            used.add(ref)
            rid, hash_, name = ref.partition("#")
            if rid in self.broken:
                continue
            record = by_id.get(rid)
            if record is None or record.report != c.report:
                self.fail(label, c.id, f"reference {ref!r} is not a record with figures of this report", field)
                continue
            fields = FIGURE_FIELDS[type(record)]
            present = [f for f in fields if getattr(record, f) is not None]
            if hash_ and name not in fields:
                self.fail(label, c.id, f"reference {ref!r}: {name!r} is not a figure field of {rid} "
                          f"({', '.join(fields)})", field)  # fmt: skip
                continue
            if not hash_ and len(present) != 1:
                self.fail(label, c.id, f"reference {ref!r} has several figures: name one as {rid}#field", field)
                continue
            figure = getattr(record, name if hash_ else present[0])
            if figure is None or figure.value is None:
                self.fail(label, c.id, f"reference {ref!r} does not name a figure with a single value", field)
            elif field == "operands[1]" and c.kind in ("share", "ratio") and figure.value == 0:
                self.fail(label, c.id, f"a {c.kind} over {ref!r}, which is zero, divides by zero", field)

    def check_exclusions(self) -> None:
        cited: dict[str, list[tuple[int, int]]] = {}
        for key in FIGURE_SECTIONS:
            for item in self.sections[key]:
                cited.setdefault(item.report, []).extend((s.start, s.end) for s in item.spans if s.field is not None)
        seen: dict[str, list[tuple[int, int]]] = {}
        for ex in self.sections["exclusions"]:
            label = self.label_of(ex)
            where = self.names[id(ex)]
            earlier = seen.setdefault(ex.report, [])
            if (ex.start, ex.end) in earlier:
                self.fail(label, where, "the same text is excluded twice", "start")
            elif any(a < ex.end and ex.start < b for a, b in earlier):
                a, b = next((a, b) for a, b in earlier if a < ex.end and ex.start < b)
                self.fail(label, where, f"overlaps the exclusion at [{a}, {b})", "start")
            earlier.append((ex.start, ex.end))
            for start, end in cited.get(ex.report, ()):
                if start < ex.end and ex.start < end:
                    self.fail(label, where, f"excludes text a figure cites at [{start}, {end})", "start")
                    break

    def check_checks(self, dataset: Dataset) -> None:
        """Every check that does not hold names the erratum that explains it."""
        from povertydata.checks import evaluate

        for c in dataset.checks:
            try:
                result = evaluate(c, dataset.resolve)
            except (LookupError, ArithmeticError):
                continue  # a reference that does not resolve is reported already
            if not result.holds and c.erratum is None:
                self.fail(self.label_of(c), c.id, f"the check does not hold ({result.explanation}) and names no "
                          "erratum that says why", "erratum")  # fmt: skip


# -- helpers -------------------------------------------------------------------------------


def _name_of(raw: Any, key: str, fallback: str) -> str:
    """What errors call a record: its id (or key) where it has a readable one, else its place."""
    got = raw.get(key) if isinstance(raw, dict) else None
    return got if isinstance(got, str) and got.strip() else fallback


def _locate(data: dict[str, Any], path: tuple[str | int, ...]) -> tuple[str | None, str | None]:
    """The record and the field a path into a data file falls in."""
    if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int) and isinstance(data.get(path[0]), list):
        key, index = path[0], path[1]
        raw = data[key][index]
        place = f"{key}[{index}]"
        name = place if key == "exclusions" else _name_of(raw, "key" if key == "categories" else "id", place)
        return name, field_path(path[2:])
    if len(path) >= 1 and path[0] == "report":
        return _name_of(data.get("report"), "id", "report"), field_path(path[1:])
    return None, field_path(path)


_FIGURE_ATTRIBUTES = tuple(a.name for a in attrs.fields(Figure))
# What a number is written with: a quote that starts or ends next to one of these cuts it.
_NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９.〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟")


def _is_addition(name: str, parsed: Figure, figure: Figure) -> bool:
    """Whether the record's ``name`` adds to what ``parse`` read, rather than changing it."""
    if name == "unit":
        return parsed.unit == "number"  # a bare number the text gives a unit around it
    if name == "qualifier":
        return parsed.qualifier == "exact"
    if name == "per":
        return set(parsed.per) < set(figure.per)
    return parsed.classifier is None


def _period_problem(period: str | None) -> str | None:
    """Why a period is not an ISO 8601 year, month, day or an interval of them in order, or None."""
    if period is None:
        return None
    bounds = []
    for part in period.split("/"):
        m = _PERIOD_END.fullmatch(part)
        if m is None or period.count("/") > 1:
            return f"{period!r} is not an ISO 8601 year, month, day or interval of them"
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        try:
            bounds.append(dt.date(year, month, day))
        except ValueError:
            return f"{period!r} names no day of the calendar ({part})"
    if len(bounds) == 2 and not bounds[0] < bounds[1]:
        return f"{period!r} ends before it begins"
    return None
