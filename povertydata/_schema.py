"""JSON Schemas of the data files, generated from the model.

They ship in the package (``povertydata/data/schema/``), and every data folder keeps a
copy in its ``schema/`` folder, so that the ``$schema`` each data file names resolves in
the repository, in an installed wheel and in a folder of one's own, and an editor checks
the file while a person types. ``povertydata data fmt`` writes them with the data files:

    python -m povertydata data fmt povertydata/data     # data files and schemas, canonical

The schema says everything about a file that a JSON Schema can say (types, patterns,
vocabularies, which fields go together); the loader checks the rest (offsets against the
text, references, periods in order, the region tree, the figures against their quotes).
Tests compare the package's copies with what this module generates, so the published
schema cannot drift from the classes that read the data, and hold the loader and the
schema to the same verdict on every kind of damage the schema can express.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from povertydata._convert import DECIMAL_PATTERN
from povertydata._figure import QUALIFIERS, UNITS, Figure
from povertydata.model import (
    FIGURE_FIELDS,
    SPAN_ADDITIONS,
    Category,
    Check,
    Erratum,
    Exclusion,
    Fund,
    HouseholdCohort,
    Indicator,
    Program,
    Region,
    Report,
    Span,
)
from povertydata.units import PER_UNITS

__all__ = [
    "CATEGORY_KEY",
    "LANGUAGE",
    "RECORD_ID",
    "REGION_ID",
    "REPORT_ID",
    "SCHEMA_REFS",
    "SEED_NAME",
    "schemas",
    "text",
]

#: What each kind of data file names as its ``$schema``: a path relative to the file, into
#: the ``schema/`` folder of the data folder it is in.
SCHEMA_REFS = {
    "report": "../schema/report.schema.json",
    "regions": "schema/regions.schema.json",
    "categories": "schema/categories.schema.json",
}

#: A report id: lowercase letters and digits joined by hyphens (``golmud-2017``).
REPORT_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
#: A record id: its report's id, a slash and a slug of the same letters (``golmud-2017/x-y``).
RECORD_ID = rf"{REPORT_ID}/{REPORT_ID}"
#: A region id: its six-digit code, or a slug of letters, digits and hyphens (``CN``).
REGION_ID = r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
#: A programme category key: lowercase words joined by underscores.
CATEGORY_KEY = r"[a-z]+(?:_[a-z]+)*"
#: The language of a report's text: a BCP 47 tag (``zh``, ``zh-Hant``).
LANGUAGE = r"[a-z]{2,3}(?:-[A-Za-z0-9]+)*"
#: The file name of a source text, in ``seeds/``.
SEED_NAME = r"[A-Za-z0-9][A-Za-z0-9_.-]*\.txt"

_YEAR, _MONTH, _DAY = "[0-9]{4}", "(?:0[1-9]|1[0-2])", "(?:0[1-9]|[12][0-9]|3[01])"
_END = f"{_YEAR}(?:-{_MONTH}(?:-{_DAY})?)?"
_PERIOD = {"type": "string", "pattern": f"^{_END}(?:/{_END})?$",
           "description": "an ISO 8601 year, month or day, or an interval of them"}  # fmt: skip
_DATE = {"type": "string", "pattern": f"^{_YEAR}-{_MONTH}-{_DAY}$", "description": "an ISO 8601 date"}
_TEXT = {"type": "string", "pattern": r"\S", "description": "text, not blank"}
_DECIMAL = {"type": "string", "pattern": f"^{DECIMAL_PATTERN}$", "description": "an exact decimal, as a string"}
_FIGURE_FIELD_NAMES = sorted({f for fields in FIGURE_FIELDS.values() for f in fields})
_PATTERNS = {  # fields whose strings follow a pattern of their own
    "id": RECORD_ID, "program": RECORD_ID, "erratum": RECORD_ID, "part_of": RECORD_ID,
    "region": REGION_ID, "parent": REGION_ID, "seed": SEED_NAME, "category": CATEGORY_KEY,
    "operands": rf"{RECORD_ID}(?:#(?:{'|'.join(_FIGURE_FIELD_NAMES)}))?",
    "language": LANGUAGE,
}  # fmt: skip
_OWN_PATTERNS = {(Report, "id"): REPORT_ID, (Region, "id"): REGION_ID, (Category, "key"): CATEGORY_KEY,
                 (Check, "result"): _PATTERNS["operands"]}  # fmt: skip
# Filled in by the loader from the report the file is about, so the files leave them out.
_IMPLIED = {Span: {"report", "seed"}, Report: set(), Region: set(), Category: set()}


def _string(pattern: str) -> dict[str, Any]:
    return {"type": "string", "pattern": f"^{pattern}$"}


def _figure(units: frozenset[str] | None = None) -> dict[str, Any]:
    """A figure in base units: a value, or low and high for a range, in ``units`` if given."""
    return {
        "type": "object",
        "description": "a figure in base units: a value, or low and high for a range",
        "additionalProperties": False,
        "properties": {
            "value": _DECIMAL,
            "low": _DECIMAL,
            "high": _DECIMAL,
            "unit": {"enum": sorted(units or UNITS)},
            "qualifier": {"enum": sorted(QUALIFIERS)},
            "per": {"type": "array", "items": {"enum": sorted(PER_UNITS)}, "uniqueItems": True},
            "classifier": {"anyOf": [_TEXT, {"type": "null"}]},
            "terms": {"type": "array", "items": _DECIMAL},
            "when": {"anyOf": [_TEXT, {"type": "null"}]},
        },
        "dependentRequired": {"low": ["high"], "high": ["low"]},
        "not": {"required": ["value", "low"]},
    }


def _enum_of(attribute: attrs.Attribute[Any]) -> list[str] | None:
    validator = attribute.validator
    for candidate in (validator, getattr(validator, "validator", None)):
        options = getattr(candidate, "options", None)
        if options is not None:
            return sorted(options)
    return None


def _pattern_of(attribute: attrs.Attribute[Any]) -> str | None:
    validator = attribute.validator
    for candidate in (validator, getattr(validator, "validator", None)):
        pattern = getattr(candidate, "pattern", None)
        if pattern is not None:
            return str(pattern.pattern)
    return None


def _units_of(attribute: attrs.Attribute[Any]) -> frozenset[str] | None:
    # The model's unit validator keeps the units a field allows in its closure.
    if attribute.validator is None or not inspect.isfunction(attribute.validator):
        return None
    allowed = inspect.getclosurevars(attribute.validator).nonlocals.get("allowed")
    return allowed if isinstance(allowed, frozenset) else None


def _type(hint: Any, attribute: attrs.Attribute[Any], cls: type) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return {"anyOf": [_type(args[0], attribute, cls), {"type": "null"}]}
    if origin is typing.Literal:
        return {"enum": sorted(typing.get_args(hint))}
    if origin is tuple:
        items = _type(typing.get_args(hint)[0], attribute, cls)
        if attribute.name == "added":
            items = {"enum": list(SPAN_ADDITIONS)}
        unique = attribute.name in ("added", "part_of")
        return {"type": "array", "items": items, **({"uniqueItems": True} if unique else {})}
    if hint is str:
        enum = _enum_of(attribute)
        if enum:
            return {"enum": enum}
        if attribute.name == "period":
            return _PERIOD
        pattern = _OWN_PATTERNS.get((cls, attribute.name)) or _pattern_of(attribute) or _PATTERNS.get(attribute.name)
        return _string(pattern) if pattern else _TEXT
    if hint is int:
        return {"type": "integer", "minimum": 0}
    if hint is bool:
        return {"type": "boolean"}
    if hint is Decimal:
        if attribute.name == "tolerance":
            return {**_DECIMAL, "pattern": f"^{DECIMAL_PATTERN.removeprefix('-?')}$", "description": "not negative"}
        return _DECIMAL
    if hint is dt.date:
        return _DATE
    if hint is Figure:
        return _figure(_units_of(attribute))
    raise TypeError(f"no schema for {hint!r}")  # pragma: no cover - a new field type needs a rule here


def _span(fields: tuple[str, ...]) -> dict[str, Any]:
    """A span whose ``field`` is one of ``fields`` (or null); with none, a span that names a record."""
    schema = _object(Span)
    figure_field = {"anyOf": [{"enum": list(fields)}, {"type": "null"}]} if fields else {"type": "null"}
    schema["properties"]["field"] = figure_field
    if not fields:  # a programme's or an erratum's span says nothing of how a figure reads
        schema["properties"]["added"] = {"type": "array", "maxItems": 0}
        schema["properties"]["override"] = {"type": "null"}
    return schema


def _object(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required = []
    for attribute in attrs.fields(cls):
        if attribute.name in _IMPLIED.get(cls, {"report"}):
            continue
        if attribute.name == "spans":  # every record cites the text: a figure, or where it names the record
            properties["spans"] = {"type": "array", "items": _span(FIGURE_FIELDS.get(cls, ())), "minItems": 1}
        else:
            properties[attribute.name] = _type(hints[attribute.name], attribute, cls)
        if attribute.default is attrs.NOTHING:
            required.append(attribute.name)
    doc = (cls.__doc__ or "").strip().splitlines()[0]
    out = {"type": "object", "description": doc, "additionalProperties": False, "properties": properties,
           "required": required}  # fmt: skip
    out.update(_RULES.get(cls, {}))
    return out


# What a record of a kind must hold beyond its fields' types.
_RULES: dict[type, dict[str, Any]] = {
    HouseholdCohort: {
        "anyOf": [{"required": [f], "properties": {f: {"type": "object"}}} for f in ("households", "persons")],
    },
    Check: {
        "allOf": [
            {"if": {"properties": {"kind": {"enum": ["share", "ratio"]}}},
             "then": {"properties": {"operands": {"minItems": 2, "maxItems": 2}}}},
            {"if": {"properties": {"kind": {"const": "difference"}}},
             "then": {"properties": {"operands": {"minItems": 2}}}},
            {"properties": {"operands": {"minItems": 1}}},
        ],
    },
}  # fmt: skip


def _file(kind: str, title: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    own = {"$schema": {"const": SCHEMA_REFS[kind], "description": "this file's JSON Schema, as a relative path"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "additionalProperties": False,
        "required": ["$schema", *required],
        "properties": {**own, **properties},
    }


def schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each kind of data file, by file name."""
    sections = {"programs": Program, "funds": Fund, "cohorts": HouseholdCohort, "indicators": Indicator,
                "errata": Erratum, "checks": Check, "exclusions": Exclusion}  # fmt: skip
    report = {"report": _object(Report), **{key: _array(cls) for key, cls in sections.items()}}
    # Drafts to complete: a file that still has one does not load.
    report["provisional"] = {"type": "array", "maxItems": 0,
                             "description": "provisional records left by 'povertydata draft': none may be left"}  # fmt: skip
    return {
        "report.schema.json": _file("report", "povertydata report file", report, ["report"]),
        "regions.schema.json": _file("regions", "povertydata regions file", {"regions": _array(Region)}, ["regions"]),
        "categories.schema.json": _file(
            "categories", "povertydata programme categories file", {"categories": _array(Category)}, ["categories"]
        ),
    }


def _array(cls: type) -> dict[str, Any]:
    return {"type": "array", "items": _object(cls)}


def text(schema: dict[str, Any]) -> str:
    """A schema as its file holds it."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
