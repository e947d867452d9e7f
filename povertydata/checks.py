"""Checks: evaluating the arithmetic a report lets one verify.

A :class:`~povertydata.model.Check` names its operands and result by reference; this module
computes the relation and says, with the numbers, whether it holds. Sums, differences and
products are exact; shares and ratios are computed to 50 significant digits and compared
with the check's declared tolerance (a report rounds its percentages).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Context, Decimal

import attrs

from povertydata._figure import Figure
from povertydata.model import Check, Span

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

    """

    check: Check
    holds: bool
    computed: Decimal
    stated: Decimal
    spans: tuple[Span, ...]
    explanation: str

    @property
    def erratum(self) -> str | None:
        """The id of the erratum that explains the check, if it names one."""
        return self.check.erratum


def _show(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{value.quantize(Decimal(1)):,}" if abs(value) >= 10**4 else str(value.quantize(Decimal(1)))
    rounded = value.quantize(Decimal("0.0001"), context=_WIDE).normalize()
    shown = format(rounded, "f")
    return shown if rounded == value else f"{shown}…"


def evaluate(check: Check, resolve: Callable[[str], Operand]) -> CheckResult:
    """Evaluate ``check``, with ``resolve`` turning each reference into an :class:`Operand`.

    Raises:
        LookupError: if a reference does not resolve (from ``resolve``).
        ZeroDivisionError: for a share or ratio over zero.

    """
    ops = [resolve(ref) for ref in check.operands]
    result = resolve(check.result)
    values = [op.value for op in ops]
    kind = check.kind
    if kind == "sum":
        computed = sum(values, Decimal(0))
        formula = " + ".join(_show(x) for x in values)
    elif kind == "difference":
        computed = values[0] - sum(values[1:], Decimal(0))
        formula = " − ".join(_show(x) for x in values)
    elif kind == "product":
        computed = Decimal(1)
        for x in values:
            computed *= x
        formula = " × ".join(_show(x) for x in values)
    elif kind in ("share", "ratio"):
        if values[1] == 0:
            raise ZeroDivisionError(f"check {check.id!r} divides by a zero figure ({check.operands[1]})")
        computed = _WIDE.divide(values[0], values[1])
        formula = f"{_show(values[0])} / {_show(values[1])}"
        if kind == "share":
            computed *= 100
            formula += " × 100"
    else:  # equal: the operand furthest from the result decides
        computed = max(values, key=lambda x: abs(x - result.value))
        formula = ", ".join(_show(x) for x in values)
    gap = abs(computed - result.value)
    holds = gap <= check.tolerance
    tolerance = f" (tolerance {_show(check.tolerance)})" if check.tolerance else ""
    verdict = "holds" if holds else f"does not hold: off by {_show(gap)}"
    shown = formula if kind == "equal" else f"{formula} = {_show(computed)}"
    explanation = f"{kind}: {shown}; stated {_show(result.value)}{tolerance}: {verdict}"
    spans = tuple(s for op in [*ops, result] for s in op.spans)
    return CheckResult(check, holds, computed, result.value, spans, explanation)
