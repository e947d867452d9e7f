"""What a filter on records accepts: the fields of a record class, their types and vocabularies.

:meth:`~povertydata.Records.where` and :meth:`~povertydata.Records.total` read their
arguments through these, so that a misspelt field or a value of the wrong type is an error
that says what was expected, not an empty selection.
"""

from __future__ import annotations

import difflib
import functools
import types
import typing
from collections.abc import Collection
from typing import Any

import attrs

from povertydata import model
from povertydata.model import STAGES, Stage

__all__ = ["check_field", "check_filters", "read_stages"]


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The resolved type of every attrs field of a record class, in field order."""
    found = typing.get_type_hints(cls, vars(model))
    return {a.name: found[a.name] for a in attrs.fields(cls)}


def _fits(value: object, hint: Any) -> bool:
    """Whether ``value`` is of the type ``hint`` (unions, literals, ``tuple[X, ...]``, classes)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, arg) for arg in typing.get_args(hint))
    if origin is typing.Literal:
        return value in typing.get_args(hint)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return isinstance(value, tuple) and all(_fits(x, item) for x in value)
    if hint is type(None):
        return value is None
    if hint is Any:
        return True
    if isinstance(hint, type):
        return isinstance(value, hint) and not (isinstance(value, bool) and hint is not bool)
    return True  # pragma: no cover - a field type this reader does not know constrains nothing


def _describe(hint: Any) -> str:
    """A type as a message says it: ``str or None``, ``a tuple of str``."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(arg) for arg in typing.get_args(hint))
    if origin is typing.Literal:
        return " or ".join(repr(arg) for arg in typing.get_args(hint))
    if origin is tuple:
        return f"a tuple of {_describe(typing.get_args(hint)[0])}"
    if hint is type(None):
        return "None"
    return getattr(hint, "__name__", str(hint))


def check_field(cls: type | None, name: str, *value: object) -> None:
    """Refuse a field ``cls`` does not have, or a ``value`` not of the field's type or vocabulary.

    Raises:
        TypeError: for an unknown field (with the nearest field name) or a value of the wrong type.
        ValueError: for a value the field's validator refuses (a key outside its vocabulary).

    """
    if cls is None or not attrs.has(cls):
        return
    hints = _hints(cls)
    if name not in hints:
        close = difflib.get_close_matches(name, hints, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; its fields: {', '.join(hints)}"
        raise TypeError(f"where(): {cls.__name__} has no field {name!r}{hint}")
    if not value:
        return
    wanted = value[0]
    if not _fits(wanted, hints[name]):
        raise TypeError(
            f"where(): {name} of {cls.__name__} is {_describe(hints[name])}, not {type(wanted).__name__} {wanted!r}"
        )
    attribute = attrs.fields_dict(cls)[name]
    if wanted is not None and attribute.validator is not None:
        try:
            attribute.validator(None, attribute, wanted)
        except ValueError as error:
            raise ValueError(f"where(): {error}") from None


def check_filters(**given: object) -> None:
    """Refuse a report, region, programme, category or period filter that is not a string, or a period not in ISO 8601.

    Raises:
        TypeError: for a value that is not a string.
        ValueError: for a period that is not an ISO 8601 year, month, day or interval.

    """
    for name, value in given.items():
        if value is not None and not isinstance(value, str):
            example = "'2016' or '2015/2017'" if name == "period" else "an id such as 'golmud-2017'"
            raise TypeError(f"where(): {name} must be a str ({example}), not {type(value).__name__} {value!r}")
    period = given.get("period")
    if isinstance(period, str) and not model._PERIOD.fullmatch(period):
        raise ValueError(f"where(): period {period!r} is not an ISO 8601 year, month, day or interval of them")


def read_stages(stage: object, what: str) -> frozenset[Stage | None]:
    """The stages a ``stage=`` argument names: one stage, or a collection of stages and ``None``.

    Raises:
        TypeError: for anything but a stage or a non-empty collection of stages and ``None``.
        ValueError: for a string that is not a stage.

    """
    chosen = (stage,) if isinstance(stage, str) else stage
    if not isinstance(chosen, Collection) or isinstance(chosen, (str, bytes, dict)) or not chosen:
        raise TypeError(
            f"{what}: stage must be one of {', '.join(map(repr, STAGES))}, or a tuple of them and None "
            f"(None for records whose stage is not stated), not {stage!r}"
        )
    for one in chosen:
        if one is not None and one not in STAGES:
            raise ValueError(
                f"{what}: stage {one!r} is not a stage; one of: {', '.join(STAGES)} (or None where it is not stated)"
            )
    return frozenset(typing.cast("Collection[Stage | None]", chosen))
