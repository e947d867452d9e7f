"""Figures read as bounds: the amounts a qualified figure allows, and the sum of several.

A report hedges its figures (超过10亿元, 约2亿元, 15—30万元, 不足100户); adding them, or
asking whether a part can exceed its whole, needs each read as the least and the greatest
amount it allows. Amounts are taken as non-negative (money, households, persons, things):
a figure that is only an upper bound allows anything from zero up to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from povertydata._figure import Figure, Qualifier, Unit
from povertydata.numerals import EXACT

__all__ = ["LOWER", "NEAR", "UPPER", "Bounds", "as_figure", "bounds", "sum_bounds"]

#: Qualifiers that make a figure a lower bound: the amount is the value or more.
LOWER = frozenset({"at_least", "more_than"})
#: Qualifiers that make a figure an upper bound: the amount is the value or less.
UPPER = frozenset({"at_most", "less_than"})
#: Qualifiers that make a figure approximate: the amount is near the value, either side.
NEAR = frozenset({"approx", "nearly"})

_ZERO = Decimal(0)


@attrs.frozen
class Bounds:
    """The amounts a figure allows.

    Attributes:
        low: The least amount.
        high: The greatest amount, or ``None`` where there is none (超过, 以上, a vague amount).
        low_open: The amount is above ``low``, not equal to it (超过, 余, 多).
        high_open: The amount is below ``high``, not equal to it (不足, 以下).
        near: The ends are approximate (约, 近): the value as stated, either side.
        upper: The figure is an upper bound only (不超过, 不足): ``low`` is zero.

    """

    low: Decimal
    high: Decimal | None
    low_open: bool = False
    high_open: bool = False
    near: bool = False
    upper: bool = False


def bounds(figure: Figure | None) -> Bounds:
    """The least and greatest amount ``figure`` allows; ``None`` (an unstated figure) allows any.

    >>> from povertydata import parse
    >>> bounds(parse("超过10亿元")).low, bounds(parse("超过10亿元")).high
    (Decimal('1000000000'), None)
    >>> bounds(parse("不足100户"))
    Bounds(low=Decimal('0'), high=Decimal('100'), low_open=False, high_open=True, near=False, upper=True)
    """
    if figure is None:
        return Bounds(_ZERO, None)
    if figure.low is not None and figure.high is not None:
        low, high = figure.low, figure.high
    elif figure.value is not None:
        low = high = figure.value
    else:  # 若干: an amount, but none the text pins down
        return Bounds(_ZERO, None)
    q = figure.qualifier
    if q in LOWER:
        return Bounds(low, None, low_open=q == "more_than")
    if q in UPPER:
        return Bounds(_ZERO, high, high_open=q == "less_than", upper=True)
    return Bounds(low, high, near=q in NEAR)


def sum_bounds(parts: Iterable[Bounds]) -> Bounds:
    """The bounds of a sum: the least amounts added, and the greatest (none if any has none)."""
    low, high = _ZERO, _ZERO
    unbounded = near = upper = low_open = high_open = False
    for b in parts:
        low = EXACT.add(low, b.low)
        if b.high is None:
            unbounded = True
        else:
            high = EXACT.add(high, b.high)
        near |= b.near
        upper |= b.upper
        low_open |= b.low_open
        high_open |= b.high_open
    return Bounds(low, None if unbounded else high, low_open, high_open and not unbounded, near, upper)


def as_figure(total: Bounds, unit: Unit, classifier: str | None = None) -> Figure:
    """The figure that states ``total`` most simply and stays true of it.

    A sum with no greatest amount is ``at_least`` its least; else a sum with an upper bound
    among its parts is ``at_most`` its greatest; else a sum with an approximate part is
    ``approx``; ends that differ make a range.
    """
    if total.high is None:
        return Figure(total.low, unit=unit, qualifier="at_least", classifier=classifier)
    if total.upper:
        return Figure(total.high, unit=unit, qualifier="at_most", classifier=classifier)
    qualifier: Qualifier = "approx" if total.near else "exact"
    if total.low != total.high:
        return Figure(unit=unit, qualifier=qualifier, low=total.low, high=total.high, classifier=classifier)
    return Figure(total.low, unit=unit, qualifier=qualifier, classifier=classifier)
