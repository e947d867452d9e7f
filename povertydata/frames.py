"""A column of strings read as figures, into Arrow, pandas or polars.

    >>> import povertydata as pv
    >>> table = pv.parse_many(["1800万元", "每户8万元", "约5000人"])
    >>> table.column("value_exact").to_pylist()
    ['18000000', '80000', '5000']
    >>> table.column("per").to_pylist(), table.column("qualifier").to_pylist()
    ([None, 'household', None], ['exact', 'exact', 'approx'])
    >>> table.column("value").type
    Decimal128Type(decimal128(38, 10))

The columns are :data:`FIGURE_SCHEMA`'s, fixed: the figure's fields, each value both as
``decimal128(38, 10)`` and as an exact string (``value_exact``) for values no decimal128
holds, and ``error`` (why a value could not be read, with ``errors="coerce"``).

For frames, ``import povertydata.pandas`` adds ``Series.pv.parse()`` and
``Series.pv.extract()``; ``import povertydata.polars`` adds ``pl.col(…).pv.parse()`` (and
:func:`povertydata.polars.parse`). pyarrow, pandas and polars load on first use.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from povertydata._arrow import figure_arrays, figure_fields, need
from povertydata._figure import Figure
from povertydata.errors import ParseError

if TYPE_CHECKING:
    import pyarrow

    #: The schema of :func:`parse_many`: the figure's columns, then ``error``.
    FIGURE_SCHEMA: pyarrow.Schema

__all__ = ["FIGURE_SCHEMA", "parse_many", "pint_columns"]

_ENGINES = ("arrow", "pandas", "polars")


@functools.cache
def _schema() -> pyarrow.Schema:
    pa = need("pyarrow", "arrow")
    error = pa.field("error", pa.string(), metadata={"description": "Why the value could not be read (coerce)"})
    return pa.schema([*figure_fields(), error], metadata={"povertydata.schema": "figures/1"})


def __getattr__(name: str) -> Any:
    # The schema needs pyarrow: it is built when first asked for, not at import.
    if name == "FIGURE_SCHEMA":
        return _schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def parse_many(values: Iterable[str | None], *, errors: str = "raise", engine: str = "arrow") -> Any:
    """Read each string as one figure (as :func:`povertydata.parse` does) into a table.

    Args:
        values: Strings such as ``"1800万元"``; ``None`` gives a null row.
        errors: ``"raise"``: a string that is not one figure raises; ``"coerce"``: its row
            is null and ``error`` says why.
        engine: ``"arrow"`` (a ``pyarrow.Table``), ``"pandas"`` or ``"polars"`` (a DataFrame).

    Returns:
        One row per value, in order, with the columns of :data:`FIGURE_SCHEMA`.

    Raises:
        ParseError: with ``errors="raise"``, for the first string that is not one figure;
            the reason names its position in ``values`` (``item 3: …``).
        ValueError: for an unknown ``errors`` or ``engine``.
        ImportError: naming the extra to install when a library is missing.

    """
    if errors not in ("raise", "coerce"):
        raise ValueError(f"errors must be 'raise' or 'coerce', not {errors!r}")
    if engine not in _ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose 'arrow', 'pandas' or 'polars'")
    pa = need("pyarrow", "arrow")
    from povertydata.figures import parse

    figures: list[Figure | None] = []
    problems: list[str | None] = []
    for i, value in enumerate(values):
        if value is None:
            figures.append(None)
            problems.append(None)
            continue
        try:
            figures.append(parse(value))
            problems.append(None)
        except ParseError as error:
            if errors == "raise":
                raise ParseError(error.text, error.position, f"item {i}: {error.reason}") from None
            figures.append(None)
            problems.append(f"{error.reason} at position {error.position}")
    table = pa.Table.from_arrays([*figure_arrays(figures), pa.array(problems, type=pa.string())], schema=_schema())
    if engine == "pandas":
        need("pandas", "pandas")
        return table.to_pandas()
    if engine == "polars":
        return need("polars", "polars").from_arrow(table)
    return table


def pint_columns(
    frame: Any, kind: str, records: list[Any], figures_of: dict[str, tuple[str, ...]], value_column: dict[str, str]
) -> None:
    """Each figure's value column of a pandas frame as a pint-pandas column, in place.

    pint-pandas is set to the package's unit registry. One unit per column: a column whose
    records are in several units (totals and rates) raises ``ValueError``.
    """
    pint_pandas = need("pint_pandas", "pint")
    from povertydata.model import FIGURE_FIELDS
    from povertydata.units import quantity, registry

    pint_pandas.PintType.ureg = registry()
    fields = FIGURE_FIELDS.get(type(records[0]), ()) if records else figures_of.get(kind, ())
    for field in fields:
        column = value_column.get(field, field)
        units = set()
        for r in records:
            figure = getattr(r, field)
            if figure is not None and figure.value is not None:
                try:
                    units.add(str(quantity(figure.value, figure.unit, figure.per).units))
                except ValueError as error:
                    raise ValueError(f"units='pint': {kind} {r.id!r}: {error}") from None
        if len(units) > 1:
            raise ValueError(
                f"units='pint' needs one unit per column: {kind} {column} has {', '.join(sorted(units))}; "
                "select records of one unit with where() first"
            )
        unit = units.pop() if units else "dimensionless"
        frame[column] = pint_pandas.PintArray(list(frame[column]), dtype=f"pint[{unit}][object]")
