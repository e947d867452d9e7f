"""JSON Schemas of the data files, generated from the model.

They ship in the package (``povertydata/data/schema/``), and every data folder keeps a
copy in its ``schema/`` folder, so that the ``$schema`` each data file names resolves in
the repository, in an installed wheel and in a folder of one's own, and an editor checks
the file while a person types. ``povertydata data fmt`` writes them with the data files:

    python -m povertydata data fmt povertydata/data     # data files and schemas, canonical

Tests compare the package's copies with what this module generates, so the published
schema cannot drift from the classes that read the data.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from povertydata._figure import QUALIFIERS, UNITS
from povertydata.model import (
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

__all__ = ["SCHEMA_REFS", "schemas", "text"]

#: What each kind of data file names as its ``$schema``: a path relative to the file, into
#: the ``schema/`` folder of the data folder it is in.
SCHEMA_REFS = {
    "report": "../schema/report.schema.json",
    "regions": "schema/regions.schema.json",
    "categories": "schema/categories.schema.json",
}

_DECIMAL = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$", "description": "an exact decimal, as a string"}
_FIGURE = {
    "type": "object",
    "description": "a figure in base units: a value, or low and high for a range",
    "additionalProperties": False,
    "properties": {
        "value": _DECIMAL,
        "low": _DECIMAL,
        "high": _DECIMAL,
        "unit": {"enum": sorted(UNITS)},
        "qualifier": {"enum": sorted(QUALIFIERS)},
        "per": {"type": "array", "items": {"enum": ["person", "household", "village", "mu", "year", "month", "day"]}},
        "classifier": {"type": ["string", "null"]},
        "terms": {"type": "array", "items": _DECIMAL},
        "when": {"type": ["string", "null"]},
    },
}
# Filled in by the loader from the report the file is about, so the files leave them out.
_IMPLIED = {Span: {"report", "seed"}, Report: set(), Region: set(), Category: set()}


def _enum_of(attribute: attrs.Attribute[Any]) -> list[str] | None:
    validator = attribute.validator
    for candidate in (validator, getattr(validator, "validator", None)):
        options = getattr(candidate, "options", None)
        if options is not None:
            return sorted(options)
    return None


def _type(hint: Any, attribute: attrs.Attribute[Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _type(args[0], attribute)
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is typing.Literal:
        return {"enum": sorted(typing.get_args(hint))}
    if origin is tuple:
        return {"type": "array", "items": _type(typing.get_args(hint)[0], attribute)}
    if hint is str:
        enum = _enum_of(attribute)
        return {"enum": enum} if enum else {"type": "string"}
    if hint is int:
        return {"type": "integer", "minimum": 0}
    if hint is bool:
        return {"type": "boolean"}
    if hint is Decimal:
        return _DECIMAL
    if hint is dt.date:
        return {"type": "string", "format": "date"}
    if hint is Span:
        return _object(Span)
    if getattr(hint, "__name__", "") == "Figure":
        return _FIGURE
    raise TypeError(f"no schema for {hint!r}")  # pragma: no cover - a new field type needs a rule here


def _object(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required = []
    for attribute in attrs.fields(cls):
        if attribute.name in _IMPLIED.get(cls, {"report"}):
            continue
        properties[attribute.name] = _type(hints[attribute.name], attribute)
        if attribute.default is attrs.NOTHING:
            required.append(attribute.name)
    doc = (cls.__doc__ or "").strip().splitlines()[0]
    return {"type": "object", "description": doc, "additionalProperties": False, "properties": properties,
            "required": required}  # fmt: skip


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
