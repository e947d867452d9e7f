"""``import povertydata.polars`` adds ``.pv.parse()`` to polars expressions.

    >>> import polars as pl
    >>> import povertydata.polars as pvl
    >>> frame = pl.DataFrame({"amount": ["1800万元", "每户8万元"]})
    >>> frame.select(pvl.parse("amount")).unnest("amount")["value_exact"].to_list()
    ['18000000', '80000']
    >>> frame.select(pl.col("amount").pv.parse()).unnest("amount")["per"].to_list()
    [None, 'household']

The expression gives a struct column with the fields of
:data:`povertydata.frames.FIGURE_SCHEMA` (``unnest`` it for columns), values exact as
``Decimal(38, 10)`` and as strings; it reads through :func:`povertydata.parse_many`.
"""

from __future__ import annotations

import functools
from typing import Any

import polars as pl

from povertydata.frames import _schema, parse_many

__all__ = ["FiguresExpr", "parse"]


def _frame(table: Any) -> pl.DataFrame:
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)  # a table gives a frame; only an array gives a Series
    return frame


@functools.cache
def _struct() -> pl.Struct:
    return pl.Struct(_frame(_schema().empty_table()).schema)


def parse(column: str | pl.Expr, errors: str = "raise") -> pl.Expr:
    """An expression reading each string of ``column`` as one figure, into a struct column.

    ``errors="coerce"`` gives a null figure and its reason in ``error`` for a string that
    is not one figure; ``"raise"`` (the default) raises :class:`povertydata.ParseError`.
    """
    expr = pl.col(column) if isinstance(column, str) else column

    def read(series: pl.Series) -> pl.Series:
        table = parse_many(series.to_list(), errors=errors)
        return _frame(table).to_struct(series.name)

    return expr.map_batches(read, return_dtype=_struct())


@pl.api.register_expr_namespace("pv")
class FiguresExpr:
    """``pl.col(…).pv``: figures of a column of strings, exact."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def parse(self, errors: str = "raise") -> pl.Expr:
        """The column's strings read as figures: a struct column (see :func:`parse`)."""
        return parse(self._expr, errors)
