"""The one cattrs converter for data in and out, with every hook registered here.

Decimals travel as strings both ways (cattrs has no Decimal hook of its own, and a JSON
number would pass through a binary float); a float in the data is an error, not a value.
Figures unstructure to the compact form of the data files: fields at their defaults left out.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
import cattrs

from povertydata._figure import Figure

__all__ = ["converter"]

converter = cattrs.Converter(forbid_extra_keys=True)


def _structure_decimal(value: Any, _type: type) -> Decimal:
    if not isinstance(value, str):
        raise TypeError(f"a decimal must be written as a string, not {type(value).__name__} {value!r}")
    try:
        result = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a decimal number") from None
    if not result.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return result


def _structure_date(value: Any, _type: type) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"a date must be an ISO 8601 string, not {value!r}")
    return dt.date.fromisoformat(value)


_FIGURE_FIELDS = {a.name: a for a in attrs.fields(Figure)}


def _structure_figure(value: Any, _type: type) -> Figure:
    # Field by field from the class: decimals from strings, lists to tuples; the class
    # itself checks the vocabulary and the invariants (ValueError, TypeError).
    if not isinstance(value, dict):
        raise TypeError(f"a figure must be an object, not {value!r}")
    extra = set(value) - set(_FIGURE_FIELDS)
    if extra:
        raise ValueError(f"unknown figure fields {sorted(extra)}")
    fields: dict[str, Any] = {}
    for name, raw in value.items():
        default = _FIGURE_FIELDS[name].default
        if name in ("value", "low", "high"):
            fields[name] = None if raw is None else _structure_decimal(raw, Decimal)
        elif isinstance(default, tuple):
            if not isinstance(raw, list):
                raise TypeError(f"figure field {name} must be a list, not {raw!r}")
            fields[name] = tuple(_structure_decimal(t, Decimal) for t in raw) if name == "terms" else tuple(raw)
        else:
            fields[name] = raw
    return Figure(**fields)


def _unstructure_figure(figure: Figure) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, attribute in _FIGURE_FIELDS.items():
        got = getattr(figure, name)
        if got == attribute.default:
            continue
        if isinstance(got, Decimal):
            got = str(got)
        elif isinstance(got, tuple):
            got = [str(x) if isinstance(x, Decimal) else x for x in got]
        out[name] = got
    return out


converter.register_structure_hook(Decimal, _structure_decimal)
converter.register_unstructure_hook(Decimal, str)
converter.register_structure_hook(dt.date, _structure_date)
converter.register_unstructure_hook(dt.date, dt.date.isoformat)
converter.register_structure_hook(Figure, _structure_figure)
converter.register_unstructure_hook(Figure, _unstructure_figure)
