"""Units: one small pint registry for the figures of the reports, built on first use.

The registry is made from the package's own definitions file (``data/units.txt``), not
pint's default thousand-unit registry, with ``Decimal`` magnitudes so quantities stay exact::

    >>> from decimal import Decimal
    >>> from povertydata.units import quantity
    >>> quantity(Decimal("150"), "CNY", ("person", "day"))
    <Quantity(150, 'CNY / person / day_duration')>

Importing this module does not import pint; :func:`registry` does, once.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pint

__all__ = ["PER_UNITS", "quantity", "registry"]

#: The pint unit for each rate denominator key of :attr:`Figure.per`.
PER_UNITS: dict[str, str] = {
    "person": "person",
    "household": "household",
    "village": "village",
    "mu": "mu",
    "year": "year_duration",
    "month": "month_duration",
    "day": "day_duration",
}

_NOT_QUANTITIES = frozenset({"year", "date", "ratio", "fraction"})


@functools.cache
def registry() -> pint.UnitRegistry[Decimal]:
    """The shared unit registry (built on the first call, then cached)."""
    import pint

    ureg: pint.UnitRegistry[Decimal] = pint.UnitRegistry(None, non_int_type=Decimal)
    definitions = resources.files("povertydata").joinpath("data/units.txt").read_text(encoding="utf-8")
    for line in definitions.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            ureg.define(line)
    return ureg


def quantity(value: Decimal, unit: str, per: tuple[str, ...] = ()) -> pint.Quantity[Decimal]:
    """Make a pint Quantity of ``value`` in ``unit`` (a figure unit key), divided by ``per``.

    Raises:
        ValueError: for ``year``, ``date``, ``ratio`` and ``fraction``, which are not quantities, and
            for an unknown unit or denominator key.

    """
    if unit in _NOT_QUANTITIES:
        raise ValueError(f"a figure in {unit!r} is not a quantity")
    ureg = registry()
    try:
        units = ureg.dimensionless if unit == "number" else ureg.Unit(unit)
        for key in per:
            units = units / ureg.Unit(PER_UNITS[key])
    except (KeyError, AttributeError, LookupError) as error:  # pint raises UndefinedUnitError (an AttributeError)
        raise ValueError(f"unknown unit {unit!r} or denominator in {per!r}") from error
    return ureg.Quantity(value, units)
