"""Checks: evaluating the arithmetic a report lets one verify.

A :class:`~povertydata.model.Check` names its operands and result by reference; this module
computes the relation and says, with the numbers, whether it holds. Sums, differences and
products are exact; shares and ratios are computed to 50 significant digits and compared
with the check's declared tolerance (a report rounds its percentages). An ``at_most`` check
reads each figure's qualifier as a bound (see :mod:`povertydata._bounds`): it fails only
where a part certainly exceeds its whole. Arithmetic runs in the library's own decimal
contexts, never the caller's.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Context, Decimal

import attrs

from povertydata._bounds import bounds
from povertydata._figure import Figure
from povertydata.model import Check, Span
from povertydata.numerals import EXACT

__all__ = ["CheckResult", "Operand", "evaluate"]

_WIDE = Context(prec=50)


@attrs.frozen
class Operand:
    """One figure a check uses: the reference, its value and where it is cited."""

    ref: str
    value: Decimal
    figure: Figure
    spans: tuple[Span, ...]


@attrs.frozen
class CheckResult:
    """The outcome of one check.

    Attributes:
        check: The check evaluated.
        holds: Whether the stated result agrees with the computed one, within tolerance.
        computed: What the operands give.
        stated: What the report states as the result.
        spans: The spans of every figure used, operands first, then the result.
        explanation: The computation in words and numbers.
        derived: Whether the library derived the check from ``part_of`` (a part is at most
            its whole) rather than reading it from the data.

    """

    check: Check
    holds: bool
    computed: Decimal
    stated: Decimal
    spans: tuple[Span, ...]
    explanation: str
    derived: bool = False

    @property
    def erratum(self) -> str | None:
        """The id of the erratum that explains the check, if it names one."""
        return self.check.erratum


def _show(value: Decimal) -> str:
    if value == value.to_integral_value():
        whole = value.quantize(Decimal(1), context=EXACT)
        return f"{whole:,}" if value.copy_abs() >= 10**4 else str(whole)
    rounded = value.quantize(Decimal("0.0001"), context=_WIDE).normalize(_WIDE)
    shown = format(rounded, "f")
    return shown if rounded == value else f"{shown}…"


def evaluate(check: Check, resolve: Callable[[str], Operand], *, derived: bool = False) -> CheckResult:
    """Evaluate ``check``, with ``resolve`` turning each reference into an :class:`Operand`.

    ``derived`` marks a check the library made from ``part_of`` rather than read from the data.

    Raises:
        LookupError: if a reference does not resolve (from ``resolve``).
        ZeroDivisionError: for a share or ratio over zero.

    """
    ops = [resolve(ref) for ref in check.operands]
    result = resolve(check.result)
    spans = tuple(s for op in [*ops, result] for s in op.spans)
    if check.kind == "at_most":
        holds, computed, explanation = _at_most(check, ops, result)
        return CheckResult(check, holds, computed, result.value, spans, explanation, derived)
    values = [op.value for op in ops]
    kind = check.kind
    if kind == "sum":
        computed = _sum(values)
        formula = " + ".join(_show(x) for x in values)
    elif kind == "difference":
        computed = EXACT.subtract(values[0], _sum(values[1:]))
        formula = " − ".join(_show(x) for x in values)
    elif kind == "product":
        computed = Decimal(1)
        for x in values:
            computed = EXACT.multiply(computed, x)
        formula = " × ".join(_show(x) for x in values)
    elif kind in ("share", "ratio"):
        if values[1] == 0:
            raise ZeroDivisionError(f"check {check.id!r} divides by a zero figure ({check.operands[1]})")
        computed = _WIDE.divide(values[0], values[1])
        formula = f"{_show(values[0])} / {_show(values[1])}"
        if kind == "share":
            computed = _WIDE.multiply(computed, 100)
            formula += " × 100"
    else:  # equal: the operand furthest from the result decides
        computed = max(values, key=lambda x: EXACT.abs(EXACT.subtract(x, result.value)))
        formula = ", ".join(_show(x) for x in values)
    gap = EXACT.abs(EXACT.subtract(computed, result.value))
    holds = gap <= check.tolerance
    tolerance = f" (tolerance {_show(check.tolerance)})" if check.tolerance else ""
    verdict = "holds" if holds else f"does not hold: off by {_show(gap)}"
    shown = formula if kind == "equal" else f"{formula} = {_show(computed)}"
    explanation = f"{kind}: {shown}; stated {_show(result.value)}{tolerance}: {verdict}"
    return CheckResult(check, holds, computed, result.value, spans, explanation, derived)


def _sum(values: list[Decimal]) -> Decimal:
    total = Decimal(0)
    for x in values:
        total = EXACT.add(total, x)
    return total


_WORDS = {"more_than": "more than ", "at_least": "at least ", "at_most": "at most ", "less_than": "less than ",
          "approx": "about ", "nearly": "nearly "}  # fmt: skip


def _said(figure: Figure, value: Decimal) -> str:
    return _WORDS.get(figure.qualifier, "") + _show(value)


def _at_most(check: Check, ops: list[Operand], result: Operand) -> tuple[bool, Decimal, str]:
    """Whether every operand can be at most the result, qualifiers read as bounds.

    It fails only where it cannot hold: an operand's least amount above the result's
    greatest (or equal to it where either bound is open: 超过 against 不足).
    """
    whole = bounds(result.figure)
    parts = [bounds(op.figure) for op in ops]
    least = max(parts, key=lambda b: b.low)
    shown = f"{', '.join(_said(op.figure, op.value) for op in ops)} ≤ {_said(result.figure, result.value)}"
    if whole.high is None:
        return True, least.low, f"at_most: {shown}: holds (a whole stated as a lower bound cannot be exceeded)"
    limit = EXACT.add(whole.high, check.tolerance)
    over = [p for p in parts if p.low > limit or (p.low == limit and (p.low_open or whole.high_open))]
    tolerance = f" (tolerance {_show(check.tolerance)})" if check.tolerance else ""
    if not over:
        return True, least.low, f"at_most: {shown}{tolerance}: holds"
    gap = EXACT.subtract(least.low, whole.high)
    return False, least.low, f"at_most: {shown}{tolerance}: does not hold: over by {_show(gap)}"
