"""Reading data files into a :class:`~povertydata.catalog.Dataset`, validating as it goes.

Every file is structured by the one cattrs converter; every reference, id and quote is
checked; damage raises :class:`~povertydata.DataError` naming the file and the record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources
from typing import Any, TypeVar

import cattrs

from povertydata._convert import converter
from povertydata._dataset import Dataset
from povertydata._records import Records, _Index
from povertydata._relations import validate as validate_relations
from povertydata.errors import DataError
from povertydata.model import FIGURE_FIELDS, SECTIONS, Category, Exclusion, Region, Report
from povertydata.sources import seed_names, seed_text

__all__ = ["build", "package_files"]

T = TypeVar("T")


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


def build(
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
    validate_relations(sections, origin)
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
    for key in ("funds", "cohorts", "indicators"):
        for item in sections[key]:
            for whole in item.part_of:
                other = by_id.get(whole)
                if other is None or other.report != item.report:
                    raise DataError(
                        origin[item.id], item.id, f"part_of {whole!r} is not a record of figures of its report"
                    )
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


def package_files() -> tuple[tuple[str, str], tuple[str, str], list[tuple[str, str]]]:
    root = resources.files("povertydata").joinpath("data")
    reports = sorted((p for p in root.joinpath("reports").iterdir() if p.name.endswith(".json")), key=lambda p: p.name)
    return (
        ("data/regions.json", root.joinpath("regions.json").read_text(encoding="utf-8")),
        ("data/categories.json", root.joinpath("categories.json").read_text(encoding="utf-8")),
        [(f"data/reports/{p.name}", p.read_text(encoding="utf-8")) for p in reports],
    )
