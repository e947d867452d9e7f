"""The figure and mention value types, apart from the reader that makes them.

The records of the dataset hold figures; loading them needs these classes and not the
patterns of :mod:`povertydata.figures`, which take a while to compile. Import them from
:mod:`povertydata.figures` (or :mod:`povertydata`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from povertydata import _lexicon as lex

if TYPE_CHECKING:
    import pint

__all__ = ["KINDS", "QUALIFIERS", "UNITS", "Figure", "Kind", "Mention"]

#: Every unit key a figure may carry (plus ISO 4217 codes for currencies other than CNY).
UNITS = frozenset(
    {
        "number", "CNY", "household", "person", "person_time", "percent",
        "percentage_point", "fold", "ratio", "fraction", "km", "km2", "m", "m2", "m3", "mu", "ha",
        "t", "kg", "jin", "MW", "kW", "year_duration", "month_duration", "day_duration",
        "hour_duration", "count", "year", "date",
    }
    | set(lex.CURRENCIES.values())
)  # fmt: skip
#: Every qualifier key.
QUALIFIERS = frozenset({"exact", "approx", "more_than", "at_least", "at_most", "nearly", "less_than"})
#: Every mention kind.
KINDS = frozenset({"quantity", "year", "date", "name"})

Kind = Literal["quantity", "year", "date", "name"]


@attrs.frozen(repr=False)
class Figure:
    """One quantity as a report states it, exact and in base units.

    Attributes:
        value: The amount, or ``None`` for a range, a vague amount (几十万) or a date.
        unit: A unit key from :data:`UNITS` (``"CNY"``, ``"household"``, ``"percent"`` …).
        qualifier: A key from :data:`QUALIFIERS`: how the text hedges the amount.
        low: The low end of a range (15—30万元), else ``None``.
        high: The high end of a range, else ``None``.
        per: The rate's denominators, entity first then time: ``("person", "day")``.
        classifier: The measure word as written (户, 人, 名, 个, 次 …), if any.
        terms: The terms of a ratio (1:10 -> ``(1, 10)``, unit ``"ratio"``) or the
            numerator and denominator of a fraction with no exact decimal value (三分之一 ->
            ``(1, 3)``, unit ``"fraction"``; 四分之三 is the number 0.75); empty otherwise.
            One third is not the ratio 1:3 (one part to three), so the two units differ.
        when: For years and dates, the ISO 8601 form (``"2017"``, ``"2015-12-22"``,
            ``"--01-17"`` when the year is not written).

    """

    value: Decimal | None = None
    unit: str = attrs.field(default="number", kw_only=True)
    qualifier: str = attrs.field(default="exact", kw_only=True)
    low: Decimal | None = attrs.field(default=None, kw_only=True)
    high: Decimal | None = attrs.field(default=None, kw_only=True)
    per: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    classifier: str | None = attrs.field(default=None, kw_only=True)
    terms: tuple[Decimal, ...] = attrs.field(default=(), kw_only=True)
    when: str | None = attrs.field(default=None, kw_only=True)

    @property
    def is_range(self) -> bool:
        """Whether the figure is a range (has ``low`` and ``high``)."""
        return self.low is not None

    def quantity(self) -> pint.Quantity[Decimal]:
        """The figure as a pint Quantity with a ``Decimal`` magnitude.

        Raises:
            ValueError: for a range, a vague amount, a ratio, a year or a date, none of
                which is one quantity.

        >>> from povertydata import parse
        >>> parse("1800万元").quantity()
        <Quantity(18000000, 'CNY')>

        """
        from povertydata.units import quantity

        if self.value is None:
            raise ValueError(f"{self!r} has no single value to make a quantity of")
        return quantity(self.value, self.unit, self.per)

    def __repr__(self) -> str:
        # Only the fields that differ from the defaults: figures are read in the REPL a lot.
        parts = [repr(self.value)] if self.value is not None else []
        for a in attrs.fields(Figure)[1:]:
            got = getattr(self, a.name)
            if got != a.default:
                parts.append(f"{a.name}={got!r}")
        return f"Figure({', '.join(parts)})"


@attrs.frozen
class Mention:
    """A figure, year, date or name found in running text by :func:`extract`.

    Attributes:
        start: Code-point offset of the first character in the text.
        end: Offset one past the last character (``text[start:end]``).
        text: The mention as written: ``source[start:end]``.
        kind: ``"quantity"``, ``"year"``, ``"date"`` or ``"name"``.
        figure: The figure read from ``text``; ``None`` for a name.

    """

    start: int
    end: int
    text: str
    kind: Kind
    figure: Figure | None
