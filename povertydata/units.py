"""Units: one small pint registry for the figures of the reports, built on first use.

The pint registry is built from the package's own registry of units
(``data/registry.json``, see :mod:`povertydata._registry`), not pint's default
thousand-unit one, with ``Decimal`` magnitudes so quantities stay exact::

    >>> from decimal import Decimal
    >>> from povertydata.units import quantity
    >>> quantity(Decimal("150"), "CNY", ("person", "day"))
    <Quantity(150, 'CNY / person / day_duration')>

Every currency is a dimension of its own (values are never converted between them), and
so are households, persons, person-times and counted things: they never add up to one
another. Importing this module does not import pint; :func:`registry` does, once.
"""

from __future__ import annotations

import functools
from decimal import Context, Decimal, localcontext
from typing import TYPE_CHECKING

from povertydata._registry import FILE, load
from povertydata.errors import DataError
from povertydata.numerals import EXACT

if TYPE_CHECKING:
    import pint

__all__ = ["PER_UNITS", "definitions", "quantity", "registry"]

#: The pint unit for each rate key of :attr:`Figure.per`.
PER_UNITS: dict[str, str] = {key: spec.pint for key, spec in load().per.items()}

# pint computes conversion factors such as 10000/15 for the mu once, when the registry is
# built: in a wide context that rounds (a factor is no figure), not the exact one.
_FACTORS = Context(prec=50)


def definitions() -> list[tuple[str, str]]:
    """The pint definitions of the registry, each with the registry entry it comes from."""
    reg = load()
    out = [(f"{code} = [currency_{code}]", f"currencies.{code}") for code in reg.currencies]
    for key, spec in reg.units.items():
        if spec.pint is not None and spec.pint != "dimensionless":
            out.append((f"{key} = {spec.pint}", f"units.{key}"))
    for key, per in reg.per.items():
        if per.define is not None:
            out.append((f"{per.pint} = {per.define}", f"per.{key}"))
    return out


@functools.cache
def registry() -> pint.UnitRegistry[Decimal]:
    """The shared unit registry (built on the first call, then cached).

    Raises:
        DataError: naming the registry entry whose pint definition pint cannot read.

    """
    return _build(definitions())


def _build(pending: list[tuple[str, str]]) -> pint.UnitRegistry[Decimal]:
    """A pint registry of ``pending`` definitions, each with the registry entry it comes from."""
    import pint

    ureg: pint.UnitRegistry[Decimal] = pint.UnitRegistry(None, non_int_type=Decimal)
    with localcontext(_FACTORS):
        for line, entry in pending:
            try:
                ureg.define(line)
            except Exception as error:  # pint raises several types for a bad definition
                raise DataError(FILE, entry, f"pint cannot read {line!r}: {error}") from None
        # pint resolves the names a definition uses when the unit is first used: resolve
        # them all now, so that a damaged entry is named here and not at a user's quantity.
        for line, entry in pending:
            name = line.split("=", 1)[0].strip()
            try:
                ureg.get_root_units(name)
            except Exception as error:  # UndefinedUnitError, or a definition pint cannot evaluate
                raise DataError(
                    FILE, entry, f"pint definition {line!r} names a unit that is never defined: {error}"
                ) from None
    return ureg


def quantity(value: Decimal, unit: str, per: tuple[str, ...] = ()) -> pint.Quantity[Decimal]:
    """Make a pint Quantity of ``value`` in ``unit`` (a figure unit key), divided by ``per``.

    Raises:
        ValueError: for a unit that is no quantity (``year``, ``date``, ``ratio``), and for
            an unknown unit or rate key.

    """
    reg = load()
    spec = reg.units.get(unit)
    if spec is not None and spec.pint is None:
        raise ValueError(f"a figure in {unit!r} is not a quantity")
    if spec is None and unit not in reg.currencies:
        raise ValueError(f"unknown unit {unit!r}")
    unknown = [key for key in per if key not in PER_UNITS]
    if unknown:
        raise ValueError(f"unknown rate key {unknown[0]!r} in {per!r}")
    ureg = registry()
    with localcontext(EXACT):
        units = ureg.dimensionless if unit == "number" else ureg.Unit(unit)
        for key in per:
            units = units / ureg.Unit(PER_UNITS[key])
        return ureg.Quantity(value, units)
