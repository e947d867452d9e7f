"""JSON Schemas of the data files, generated from the model (``docs/schema/``).

    python -m povertydata._schema docs/schema     # write them

Tests compare the files in ``docs/schema/`` with what this module generates, so the
published schema cannot drift from the classes that read the data.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from povertydata._figure import Figure
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

__all__ = ["schemas"]

_DECIMAL = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$", "description": "an exact decimal, as a string"}


def _figure_schema() -> dict[str, Any]:
    """The schema of a figure, from :class:`Figure`.

    Its fields, and the vocabularies its validators check (the registry's units,
    qualifiers and rate keys).
    """
    hints = typing.get_type_hints(Figure)
    properties: dict[str, Any] = {}
    for attribute in attrs.fields(Figure):
        hint = hints[attribute.name]
        enum = _enum_of(attribute)
        args = [a for a in typing.get_args(hint) if a is not type(None) and a is not Ellipsis]
        if typing.get_origin(hint) is tuple:
            items = {"enum": enum} if enum else _DECIMAL if args == [Decimal] else {"type": "string"}
            properties[attribute.name] = {"type": "array", "items": items}
        elif enum:
            properties[attribute.name] = {"enum": enum}
        elif Decimal in args:
            properties[attribute.name] = _DECIMAL
        else:
            properties[attribute.name] = {"type": ["string", "null"]}
    return {
        "type": "object",
        "description": "a figure in base units: a value, or low and high for a range",
        "additionalProperties": False,
        "properties": properties,
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
    if hint is Figure:
        return _figure_schema()
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


def _file(title: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": properties,
    }


def schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each kind of data file, by file name."""
    sections = {"programs": Program, "funds": Fund, "cohorts": HouseholdCohort, "indicators": Indicator,
                "errata": Erratum, "checks": Check, "exclusions": Exclusion}  # fmt: skip
    report = {"report": _object(Report), **{key: _array(cls) for key, cls in sections.items()}}
    return {
        "report.schema.json": _file("povertydata report file", report, ["report"]),
        "regions.schema.json": _file("povertydata regions file", {"regions": _array(Region)}, ["regions"]),
        "categories.schema.json": _file(
            "povertydata programme categories file", {"categories": _array(Category)}, ["categories"]
        ),
    }


def _array(cls: type) -> dict[str, Any]:
    return {"type": "array", "items": _object(cls)}


def _write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas().items():
        (folder / name).write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    _write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schema"))
