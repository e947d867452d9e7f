"""The one cattrs converter for data in and out, with every hook registered here.

Structuring is strict: a string is not a sequence, a number is not a string, a boolean is a
JSON boolean, an integer is not a float or a numeric string, and no string is blank.
Decimals travel as strings both ways (cattrs has no Decimal hook of its own, and a JSON
number would pass through a binary float), in one plain positional form (``"18000000"``,
``"13.2"``, ``"-5"``), never ``"1.8e7"`` or ``" 18000000 "``. Anything else raises
:class:`StructureError` with every problem found and the path of the field it is in.

Figures unstructure to the compact form of the data files: fields at their defaults left out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import cattrs

from povertydata._figure import PER_KEYS, QUALIFIERS, UNITS, Figure

__all__ = ["DECIMAL_PATTERN", "StructureError", "converter", "describe", "field_path"]

converter = cattrs.Converter(forbid_extra_keys=True)

#: How an exact decimal is written in the data files: plain, positional, no leading zeros.
DECIMAL_PATTERN = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?"
_DECIMAL = re.compile(DECIMAL_PATTERN)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

Segment = str | int


class StructureError(ValueError):
    """Data that does not fit the model: every problem found, each with its field path.

    Attributes:
        problems: ``(path, reason)`` pairs; a path is a tuple of field names and list
            indices from the value structured (``("spans", 0, "start")``).

    """

    def __init__(self, problems: list[tuple[tuple[Segment, ...], str]]) -> None:
        super().__init__(problems)
        self.problems = tuple(problems)

    def under(self, *segments: Segment) -> StructureError:
        """The same problems, with their paths inside ``segments``."""
        return StructureError([((*segments, *path), reason) for path, reason in self.problems])

    def __str__(self) -> str:
        return "; ".join(f"{field_path(path) or 'the value'}: {reason}" for path, reason in self.problems)


def field_path(path: tuple[Segment, ...]) -> str | None:
    """A path as the errors write it: ``("spans", 0, "start")`` -> ``"spans[0].start"``."""
    out = ""
    for segment in path:
        out += f"[{segment}]" if isinstance(segment, int) else (f".{segment}" if out else segment)
    return out or None


def _fail(reason: str) -> StructureError:
    return StructureError([((), reason)])


def describe(value: Any) -> str:
    """A value as an error names it: ``a string "377"``, ``a number 377.9``, ``null``."""
    names = ((bool, "a boolean"), (str, "a string"), (int, "an integer"), (float, "a number"), (list, "a list"),
             (dict, "an object"))  # fmt: skip
    kind = next((name for cls, name in names if isinstance(value, cls)), type(value).__name__)
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    if len(text) > 40:
        text = text[:39] + "…"
    return "null" if value is None else f"{kind} {text}"


def _structure_str(value: Any, _type: type) -> str:
    if not isinstance(value, str):
        raise _fail(f"must be a string, not {describe(value)}")
    if not value.strip():
        raise _fail("must not be blank")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:  # "\ud800" in JSON: a lone surrogate, no character
        raise _fail(f"is not Unicode text: {error.reason} at position {error.start}") from None
    return value


def _structure_int(value: Any, _type: type) -> int:
    # bool is an int to Python, and 377.0 or "377" would be read as 377: none is an integer here.
    if type(value) is not int:
        raise _fail(f"must be an integer, not {describe(value)}")
    if value < 0:
        raise _fail(f"must not be negative, not {value}")
    return value


def _structure_bool(value: Any, _type: type) -> bool:
    if type(value) is not bool:
        raise _fail(f"must be true or false, not {describe(value)}")
    return value


def _structure_decimal(value: Any, _type: type) -> Decimal:
    if not isinstance(value, str):
        raise _fail(f"a decimal must be written as a string, not {describe(value)}")
    if not _DECIMAL.fullmatch(value):
        raise _fail(f'{value!r} is not a decimal number written plainly (like "18000000" or "13.2")')
    return Decimal(value)


def _structure_date(value: Any, _type: type) -> dt.date:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise _fail(f"must be an ISO 8601 date (YYYY-MM-DD), not {describe(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{value!r} is not a date of the calendar") from None


def _tuple_hook(hint: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    (item, *_rest) = typing.get_args(hint)

    def structure(value: Any, _type: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _fail(f"must be a list, not {describe(value)}")
        out: list[Any] = []
        problems: list[tuple[tuple[Segment, ...], str]] = []
        for i, raw in enumerate(value):
            try:
                out.append(converter.structure(raw, item))
            except StructureError as error:
                problems.extend(error.under(i).problems)
        if problems:
            raise StructureError(problems)
        return tuple(out)

    return structure


def _is_tuple(hint: Any) -> bool:
    return typing.get_origin(hint) is tuple


def _is_literal(hint: Any) -> bool:
    return typing.get_origin(hint) is typing.Literal


def _is_optional(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in typing.get_args(hint)


def _optional_hook(hint: Any) -> Callable[[Any, Any], Any]:
    inner = [a for a in typing.get_args(hint) if a is not type(None)]
    target: Any = inner[0] if len(inner) == 1 else typing.Union[tuple(inner)]  # noqa: UP007 - built from parts

    def structure(value: Any, _type: Any) -> Any:
        return None if value is None else converter.structure(value, target)

    return structure


def _literal_hook(hint: Any) -> Callable[[Any, Any], Any]:
    options = typing.get_args(hint)

    def structure(value: Any, _type: Any) -> Any:
        if value not in options or type(value) is not str:
            raise _fail(f"must be one of {', '.join(map(repr, options))}, not {describe(value)}")
        return value

    return structure


_FIGURE_FIELDS = {a.name: a for a in attrs.fields(Figure)}


def _structure_figure(value: Any, _type: type) -> Figure:
    # Field by field from the class: decimals from strings, lists to tuples; the class
    # itself checks the vocabulary and the invariants (ValueError, TypeError).
    if not isinstance(value, dict):
        raise _fail(f"a figure must be an object, not {describe(value)}")
    problems: list[tuple[tuple[Segment, ...], str]] = []

    def take(name: str, read: Callable[[Any], Any]) -> Any:
        if name not in value:
            return _FIGURE_FIELDS[name].default
        try:
            return read(value[name])
        except StructureError as error:
            problems.extend(error.under(name).problems)
            return _FIGURE_FIELDS[name].default

    def one_of(options: frozenset[str] | dict[str, str], what: str) -> Callable[[Any], str]:
        def read(raw: Any) -> str:
            text = _structure_str(raw, str)
            if text not in options:
                raise _fail(f"unknown {what} {text!r}")
            return text

        return read

    def per(raw: Any) -> tuple[str, ...]:
        keys = _tuple_hook(tuple[str, ...])(raw, None)
        bad: list[tuple[tuple[Segment, ...], str]] = [
            ((i,), f"unknown denominator {k!r}") for i, k in enumerate(keys) if k not in PER_KEYS
        ]
        if bad:
            raise StructureError(bad)
        if len(set(keys)) != len(keys):
            raise _fail(f"a denominator given twice in {list(keys)}")
        return keys

    for extra in sorted(set(value) - set(_FIGURE_FIELDS)):
        problems.append(((extra,), "unknown figure field"))
    decimal = lambda raw: _structure_decimal(raw, Decimal)  # noqa: E731
    optional_str = lambda raw: None if raw is None else _structure_str(raw, str)  # noqa: E731
    figure_value = take("value", decimal)
    low = take("low", decimal)
    high = take("high", decimal)
    unit = take("unit", one_of(UNITS, "unit"))
    qualifier = take("qualifier", one_of(QUALIFIERS, "qualifier"))
    denominators = take("per", per)
    classifier = take("classifier", optional_str)
    terms = take("terms", lambda raw: _tuple_hook(tuple[Decimal, ...])(raw, None))
    when = take("when", optional_str)
    if problems:
        raise StructureError(problems)
    if (low is None) != (high is None):
        raise StructureError([(("high" if high is None else "low",), "a range needs both low and high")])
    if figure_value is not None and low is not None:
        raise StructureError([(("value",), "a figure is a value or a range, not both")])
    if low is not None and high is not None and low >= high:
        raise StructureError([(("low",), f"range low {low} is not below high {high}")])
    try:
        return Figure(figure_value, unit=unit, qualifier=qualifier, low=low, high=high, per=denominators,
                      classifier=classifier, terms=terms, when=when)  # fmt: skip
    except (ValueError, TypeError) as error:
        raise _fail(_message(error)) from None


def _message(error: BaseException) -> str:
    args = error.args
    if len(args) == 4 and isinstance(args[1], attrs.Attribute) and isinstance(args[2], (set, frozenset, tuple, list)):
        # attrs' in_ validator: its message shows a set in no stable order.
        return f"must be one of {', '.join(sorted(map(str, args[2])))}, not {describe(args[3])}"
    return str(args[0]) if args else type(error).__name__


def _attrs_hook(cls: type) -> Callable[[Any, Any], Any]:
    fields = attrs.fields(cls)
    hints = typing.get_type_hints(cls)
    names = {a.name for a in fields}

    def field_of(error: BaseException) -> tuple[Segment, ...]:
        # attrs' own validators pass the attribute; ours name it in their message.
        if len(error.args) > 1 and isinstance(error.args[1], attrs.Attribute):
            return (error.args[1].name,)
        words = re.findall(r"\w+", re.sub(r"'[^']*'", "", _message(error)))  # not in the quoted values
        return next(((w,) for w in words if w in names), ())

    def structure(value: Any, _type: Any) -> Any:
        if not isinstance(value, dict):
            raise _fail(f"must be an object, not {describe(value)}")
        problems: list[tuple[tuple[Segment, ...], str]] = [
            ((key,), "unknown field") for key in value if key not in names
        ]
        kwargs: dict[str, Any] = {}
        for a in fields:
            if a.name not in value:
                if a.default is attrs.NOTHING:
                    problems.append(((a.name,), "missing"))
                continue
            try:
                got = converter.structure(value[a.name], hints[a.name])
            except StructureError as error:
                problems.extend(error.under(a.name).problems)
                continue
            if a.validator is not None:
                try:
                    a.validator(None, a, got)
                except (ValueError, TypeError) as error:
                    problems.append(((a.name,), _message(error)))
                    continue
                except Exception:  # a validator that needs the instance runs in the constructor below
                    pass
            kwargs[a.alias or a.name] = got
        if problems:
            raise StructureError(problems)
        try:
            return cls(**kwargs)
        except (ValueError, TypeError) as error:
            raise StructureError([(field_of(error), _message(error))]) from None

    return structure


def _plain(value: Decimal) -> str:
    """A decimal as the data files write it: positional, never ``1.8E+7``."""
    return format(value, "f")


def _unstructure_figure(figure: Figure) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, attribute in _FIGURE_FIELDS.items():
        got = getattr(figure, name)
        if got == attribute.default:
            continue
        if isinstance(got, Decimal):
            got = _plain(got)
        elif isinstance(got, tuple):
            got = [_plain(x) if isinstance(x, Decimal) else x for x in got]
        out[name] = got
    return out


converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook(bool, _structure_bool)
converter.register_structure_hook(Decimal, _structure_decimal)
converter.register_unstructure_hook(Decimal, _plain)
converter.register_structure_hook(dt.date, _structure_date)
converter.register_unstructure_hook(dt.date, dt.date.isoformat)
converter.register_structure_hook(Figure, _structure_figure)
converter.register_unstructure_hook(Figure, _unstructure_figure)
converter.register_structure_hook_factory(_is_tuple, _tuple_hook)
converter.register_structure_hook_factory(_is_optional, _optional_hook)
converter.register_structure_hook_factory(_is_literal, _literal_hook)
converter.register_structure_hook_factory(lambda t: attrs.has(t) and t is not Figure, _attrs_hook)
