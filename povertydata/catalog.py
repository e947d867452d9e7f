"""The catalog: the canonical records shipped with the package, loaded, checked and queried.

    >>> import povertydata as pv
    >>> ds = pv.load()
    >>> golmud = ds.funds.where(region="632801")
    >>> golmud.get("golmud-2017/city-poverty-fund-2017").amount
    Figure(Decimal('18000000'), unit='CNY')

The data files (one per report, plus regions and programme categories) are read with
``importlib.resources``, so they load from a wheel or a zip as well as from a checkout, and
structured by the one cattrs converter. Damaged data raises :class:`~povertydata.DataError`
naming the file and the record.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

import attrs
import cattrs

from povertydata._convert import converter
from povertydata._figure import Figure
from povertydata.checks import CheckResult, Operand, evaluate
from povertydata.errors import DataError
from povertydata.model import (
    Category,
    Check,
    Erratum,
    Exclusion,
    Fund,
    HouseholdCohort,
    Indicator,
    Program,
    Record,
    Region,
    Report,
    Span,
    period_years,
)
from povertydata.sources import seed_names, seed_text

__all__ = ["CitedFigure", "Dataset", "Records", "check", "load", "load_dir"]

T = TypeVar("T")

#: Section of a report file -> record class.
SECTIONS: dict[str, type] = {
    "programs": Program,
    "funds": Fund,
    "cohorts": HouseholdCohort,
    "indicators": Indicator,
    "errata": Erratum,
    "checks": Check,
    "exclusions": Exclusion,
}
#: Record class -> the fields that hold figures.
FIGURE_FIELDS: dict[type, tuple[str, ...]] = {
    Fund: ("amount",),
    HouseholdCohort: ("households", "persons"),
    Indicator: ("value",),
}


@attrs.frozen
class CitedFigure:
    """One cited figure of the dataset: the record, the field, the figure and its span."""

    record: Record
    field: str
    figure: Figure
    span: Span


class _Index:
    """What filters need to know beyond a record: the region tree and programme categories."""

    __slots__ = ("_within", "categories", "children")

    def __init__(self, children: dict[str, tuple[str, ...]], categories: dict[str, str]) -> None:
        self.children = children
        self.categories = categories  # programme id -> category key
        self._within: dict[str, frozenset[str]] = {}

    def within(self, region: str) -> frozenset[str]:
        """The region and every region below it."""
        found = self._within.get(region)
        if found is None:
            below = {region}
            for child in self.children.get(region, ()):
                below |= self.within(child)
            found = self._within[region] = frozenset(below)
        return found


def _field_equals(name: str, wanted: object) -> Callable[[Any], bool]:
    return lambda r: bool(getattr(r, name, None) == wanted)


class Records(Sequence[T], Generic[T]):
    """A sequence of records of one kind, with look-up by id and filtering.

    >>> import povertydata as pv
    >>> len(pv.load().cohorts.where(report="qianjiang-2015")) > 0
    True
    """

    __slots__ = ("_by_id", "_index", "_items")

    def __init__(self, items: Iterable[T], index: _Index) -> None:
        self._items = tuple(items)
        self._index = index
        self._by_id = {getattr(r, "id", None): r for r in self._items}

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> Records[T]: ...
    def __getitem__(self, i: int | slice) -> T | Records[T]:
        if isinstance(i, slice):
            return Records(self._items[i], self._index)
        return self._items[i]

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        kind = type(self._items[0]).__name__ if self._items else "record"
        return f"<Records: {len(self._items)} {kind}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Records) and self._items == other._items

    def __hash__(self) -> int:
        return hash(self._items)

    def get(self, id: str) -> T:
        """The record with this id.

        Raises:
            KeyError: if there is none, naming the id.

        """
        try:
            return self._by_id[id]
        except KeyError:
            raise KeyError(f"no record with id {id!r}") from None

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the records, in order."""
        return tuple(str(getattr(r, "id", "")) for r in self._items)

    def where(
        self,
        *,
        report: str | None = None,
        region: str | None = None,
        program: str | None = None,
        category: str | None = None,
        period: str | None = None,
        **fields: object,
    ) -> Records[T]:
        """The records that match every filter given.

        Args:
            report: A report id.
            region: A region id; a region includes its children (Haixi includes Golmud).
            program: A programme id.
            category: A programme category key; a record matches through its programme.
            period: An ISO 8601 year or interval; records whose period overlaps it.
            **fields: Any other field and the value it must equal (``status="relocated"``).

        """
        tests: list[Callable[[Any], bool]] = []
        if report is not None:
            tests.append(lambda r: getattr(r, "report", getattr(r, "id", None)) == report)
        if region is not None:
            inside = self._index.within(region)
            tests.append(lambda r: getattr(r, "region", getattr(r, "id", None)) in inside)
        if program is not None:
            tests.append(lambda r: (r.id if isinstance(r, Program) else getattr(r, "program", None)) == program)
        if category is not None:
            cats = self._index.categories
            tests.append(
                lambda r: (
                    (r.category if isinstance(r, Program) else cats.get(getattr(r, "program", None) or "")) == category
                )
            )
        if period is not None:
            years = period_years(period)
            assert years is not None
            lo, hi = years

            def overlaps(r: Any) -> bool:
                got = period_years(getattr(r, "period", None))
                return got is not None and got[0] <= hi and got[1] >= lo

            tests.append(overlaps)
        for name, wanted in fields.items():
            tests.append(_field_equals(name, wanted))
        return Records((r for r in self._items if all(t(r) for t in tests)), self._index)


@attrs.frozen(eq=False)
class Dataset:
    """Every canonical record, typed. Get one with :func:`load`."""

    reports: Records[Report]
    regions: Records[Region]
    categories: Records[Category]
    programs: Records[Program]
    funds: Records[Fund]
    cohorts: Records[HouseholdCohort]
    indicators: Records[Indicator]
    errata: Records[Erratum]
    checks: Records[Check]
    exclusions: tuple[Exclusion, ...]

    def __getitem__(self, id: str) -> Any:
        """Any record by its id (reports, regions, programmes, funds, cohorts …)."""
        for records in (self.funds, self.cohorts, self.indicators, self.programs, self.errata, self.checks,
                        self.reports, self.regions):  # fmt: skip
            try:
                return records.get(id)
            except KeyError:
                continue
        raise KeyError(f"no record with id {id!r}")

    def records(self) -> Iterator[Record]:
        """Every record that carries figures: funds, then cohorts, then indicators."""
        yield from self.funds
        yield from self.cohorts
        yield from self.indicators

    def figures(self) -> Iterator[CitedFigure]:
        """Every cited figure: one item per figure field and span that cites it."""
        for record in self.records():
            for field in FIGURE_FIELDS[type(record)]:
                figure = getattr(record, field)
                if figure is None:
                    continue
                for span in record.spans:
                    if span.field == field:
                        yield CitedFigure(record, field, figure, span)

    def resolve(self, ref: str) -> Operand:
        """Turn a check reference (``id`` or ``id#field``) into its value and spans.

        Raises:
            KeyError: for an unknown record or field, or a figure with no single value.

        """
        rid, _, field = ref.partition("#")
        record = self[rid]
        fields = FIGURE_FIELDS.get(type(record))
        if fields is None:
            raise KeyError(f"{ref!r} is not a record with figures")
        if not field:
            present = [f for f in fields if getattr(record, f) is not None]
            if len(present) != 1:
                raise KeyError(f"{ref!r} has several figures: name one as {rid}#field")
            field = present[0]
        if field not in fields:
            raise KeyError(f"{ref!r}: no figure field {field!r}")
        figure: Figure | None = getattr(record, field)
        if figure is None or figure.value is None:
            raise KeyError(f"{ref!r} has no single value")
        return Operand(ref, figure.value, figure, tuple(s for s in record.spans if s.field == field))

    def check(self) -> list[CheckResult]:
        """Evaluate every declared check, in order."""
        return [evaluate(c, self.resolve) for c in self.checks]

    # The exports are a layer above; they are imported when asked for.

    def table(self, kind: str) -> list[dict[str, Any]]:
        """One flat row per record of ``kind`` (``"funds"``, ``"cohorts"`` …), decimals as exact strings."""
        from povertydata.exports import table

        return table(self, kind)

    def to_arrow(self, kind: str, *, exact: bool = True) -> Any:
        """One Arrow table of ``kind``: decimal columns, units and provenance as columns.

        Needs ``pip install 'povertydata[arrow]'``; ``exact=False`` gives float columns.
        """
        from povertydata.exports import to_arrow

        return to_arrow(self, kind, exact=exact)

    def to_frame(self, kind: str, engine: str = "pandas", *, exact: bool = True) -> Any:
        """A pandas or polars DataFrame of ``kind``, exact by default (through :meth:`to_arrow`)."""
        from povertydata.exports import to_frame

        return to_frame(self, kind, engine, exact=exact)

    def export(self, folder: str | Path, fmt: str = "csv") -> list[Path]:
        """Write every table to ``folder`` as ``csv``, ``json``, ``datapackage`` or ``parquet``."""
        from povertydata.exports import write

        return write(self, folder, fmt)


def check() -> list[CheckResult]:
    """Evaluate every check declared in the bundled data (``load().check()``).

    >>> results = check()
    >>> all(r.holds or r.erratum for r in results)
    True
    """
    return load().check()


# --------------------------------------------------------------------------- loading


def _read_json(label: str, text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(label, None, f"not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise DataError(label, None, "the top level must be an object")
    return data


def _say(error: BaseException, type_: type | None) -> str:
    # Our hooks raise with a message that says what is wrong; keep it rather than cattrs' generic one.
    from cattrs.v import format_exception

    return str(error) if isinstance(error, (TypeError, ValueError)) and str(error) else format_exception(error, type_)


def _structure(label: str, record_id: str | None, data: Any, cls: type[T]) -> T:
    try:
        return converter.structure(data, cls)
    except cattrs.BaseValidationError as error:
        messages = "; ".join(cattrs.transform_error(error, format_exception=_say))
        raise DataError(label, record_id, messages) from None
    except (ValueError, TypeError, KeyError) as error:
        raise DataError(label, record_id, str(error)) from None


def _section(label: str, data: dict[str, Any], key: str) -> list[Any]:
    items = data.get(key, [])
    if not isinstance(items, list):
        raise DataError(label, None, f"{key!r} must be a list")
    return items


def _report_records(label: str, data: dict[str, Any]) -> tuple[Report, dict[str, list[Any]]]:
    unknown = set(data) - {"report", *SECTIONS}
    if unknown:
        raise DataError(label, None, f"unknown sections {sorted(unknown)}")
    report = _structure(label, None, data.get("report"), Report)
    if report.seed not in seed_names():
        raise DataError(label, report.id, f"no source text {report.seed!r}")
    text = seed_text(report.seed)
    out: dict[str, list[Any]] = {}
    for key, cls in SECTIONS.items():
        records = []
        for raw in _section(label, data, key):
            if not isinstance(raw, dict):
                raise DataError(label, None, f"a {key} entry is not an object: {raw!r}")
            rid = raw.get("id")
            item = {**raw, "report": report.id}
            if "spans" in raw:
                if not isinstance(raw["spans"], list):
                    raise DataError(label, rid, "spans must be a list")
                item["spans"] = [{**s, "report": report.id, "seed": report.seed} if isinstance(s, dict) else s
                                 for s in raw["spans"]]  # fmt: skip
            record: Any = _structure(label, rid, item, cls)
            quoted = list(getattr(record, "spans", ()))
            if isinstance(record, Exclusion):
                quoted = [record]
            for span in quoted:
                if text[span.start : span.end] != span.quote:
                    raise DataError(
                        label, rid, f"quote {span.quote!r} is not at [{span.start}, {span.end}) of {report.seed}"
                    )
            records.append(record)
        out[key] = records
    return report, out


def _build(
    regions_file: tuple[str, str], categories_file: tuple[str, str], report_files: Iterable[tuple[str, str]]
) -> Dataset:
    label, text = regions_file
    regions = [_structure(label, r.get("id") if isinstance(r, dict) else None, r, Region)
               for r in _section(label, _read_json(label, text), "regions")]  # fmt: skip
    label, text = categories_file
    categories = [_structure(label, c.get("key") if isinstance(c, dict) else None, c, Category)
                  for c in _section(label, _read_json(label, text), "categories")]  # fmt: skip
    reports: list[Report] = []
    sections: dict[str, list[Any]] = {key: [] for key in SECTIONS}
    origin: dict[str, str] = {}
    for label, text in report_files:
        report, records = _report_records(label, _read_json(label, text))
        reports.append(report)
        origin[report.id] = label
        for key, items in records.items():
            sections[key].extend(items)
            for item in items:
                origin[getattr(item, "id", "")] = label
    _cross_check(regions, categories, reports, sections, origin)
    children: dict[str, list[str]] = {}
    for region in regions:
        if region.parent is not None:
            children.setdefault(region.parent, []).append(region.id)
    index = _Index({k: tuple(v) for k, v in children.items()}, {p.id: p.category for p in sections["programs"]})
    return Dataset(
        reports=Records(reports, index),
        regions=Records(regions, index),
        categories=Records(categories, index),
        programs=Records(sections["programs"], index),
        funds=Records(sections["funds"], index),
        cohorts=Records(sections["cohorts"], index),
        indicators=Records(sections["indicators"], index),
        errata=Records(sections["errata"], index),
        checks=Records(sections["checks"], index),
        exclusions=tuple(sections["exclusions"]),
    )


def _cross_check(
    regions: list[Region],
    categories: list[Category],
    reports: list[Report],
    sections: dict[str, list[Any]],
    origin: dict[str, str],
) -> None:
    """Every reference points at something that exists; every id is unique."""
    region_ids = {r.id for r in regions}
    for r in regions:
        if r.parent is not None and r.parent not in region_ids:
            raise DataError("regions.json", r.id, f"parent {r.parent!r} is not a region")
    seen: set[str] = set()
    for item in [*reports, *(x for key in SECTIONS if key != "exclusions" for x in sections[key])]:
        if item.id in seen:
            raise DataError(origin.get(item.id, "?"), item.id, "duplicate id")
        seen.add(item.id)
    program_ids = {p.id for p in sections["programs"]}
    category_keys = {c.key for c in categories}
    errata_ids = {e.id for e in sections["errata"]}
    for report in reports:
        if report.region not in region_ids:
            raise DataError(origin[report.id], report.id, f"region {report.region!r} is not a region")
    for key in ("programs", "funds", "cohorts", "indicators"):
        for item in sections[key]:
            label = origin[item.id]
            if item.region not in region_ids:
                raise DataError(label, item.id, f"region {item.region!r} is not a region")
            if key == "programs" and item.category not in category_keys:
                raise DataError(label, item.id, f"category {item.category!r} is not a category")
            if key != "programs" and item.program is not None and item.program not in program_ids:
                raise DataError(label, item.id, f"program {item.program!r} is not a programme")
            allowed = FIGURE_FIELDS.get(type(item), ())
            for span in item.spans:
                if span.field is not None and span.field not in allowed:
                    raise DataError(label, item.id, f"span field {span.field!r} is not a figure field of {key}")
            for field in allowed:
                if getattr(item, field) is not None and not any(s.field == field for s in item.spans):
                    raise DataError(label, item.id, f"figure {field!r} has no span")
    by_id = {x.id: x for key in ("funds", "cohorts", "indicators") for x in sections[key]}
    for c in sections["checks"]:
        label = origin[c.id]
        if c.erratum is not None and c.erratum not in errata_ids:
            raise DataError(label, c.id, f"erratum {c.erratum!r} is not an erratum")
        if len(c.operands) < (2 if c.kind in ("share", "ratio", "difference") else 1):
            raise DataError(label, c.id, f"a {c.kind} check needs more operands")
        if c.kind in ("share", "ratio") and len(c.operands) != 2:
            raise DataError(label, c.id, f"a {c.kind} check takes exactly two operands")
        for ref in [*c.operands, c.result]:
            rid, _, field = ref.partition("#")
            record = by_id.get(rid)
            if record is None:
                raise DataError(label, c.id, f"reference {ref!r} is not a record with figures")
            fields = [f for f in FIGURE_FIELDS[type(record)] if getattr(record, f) is not None]
            figure = (
                getattr(record, field, None) if field else (getattr(record, fields[0]) if len(fields) == 1 else None)
            )
            if figure is None or figure.value is None:
                raise DataError(label, c.id, f"reference {ref!r} does not name one figure with a single value")


def _package_files() -> tuple[tuple[str, str], tuple[str, str], list[tuple[str, str]]]:
    root = resources.files("povertydata").joinpath("data")
    reports = sorted((p for p in root.joinpath("reports").iterdir() if p.name.endswith(".json")), key=lambda p: p.name)
    return (
        ("data/regions.json", root.joinpath("regions.json").read_text(encoding="utf-8")),
        ("data/categories.json", root.joinpath("categories.json").read_text(encoding="utf-8")),
        [(f"data/reports/{p.name}", p.read_text(encoding="utf-8")) for p in reports],
    )


@functools.cache
def load() -> Dataset:
    """Load every canonical record shipped with the package (cached after the first call).

    Raises:
        DataError: if the package data is damaged, naming the file and the record.

    """
    return _build(*_package_files())


def load_dir(path: str | Path) -> Dataset:
    """Load records from a folder laid out like the package data.

    The folder holds ``regions.json``, ``categories.json`` and ``reports/*.json``; the
    reports cite the source texts shipped with the package. Useful for extending or
    correcting the data locally before proposing a change.

    Raises:
        DataError: for damaged data, naming the file and the record.

    """
    folder = Path(path)

    def read(p: Path) -> tuple[str, str]:
        try:
            return str(p), p.read_text(encoding="utf-8")
        except OSError as error:
            raise DataError(str(p), None, f"cannot be read: {error.strerror}") from None

    return _build(
        read(folder / "regions.json"),
        read(folder / "categories.json"),
        [read(p) for p in sorted((folder / "reports").glob("*.json"))],
    )
