"""Figures as Arrow columns: one fixed decimal type, an exact string beside it, and the rest.

Every table the library writes with Arrow (the dataset's tables, the mentions of a corpus,
a column of parsed figures) holds figure values in :data:`DECIMAL_PRECISION` and
:data:`DECIMAL_SCALE`: ``decimal128(38, 10)``, up to 28 digits before the point and 10
after. The scale is fixed, not inferred from the data, so a schema is the same in every
release and every partition.

The reader can produce values that no decimal128 holds (up to 120 digits, or more than ten
decimal places: ``0.00000000001%``). Where a table carries arbitrary text's figures, a
string column beside each decimal one (``value_exact``) holds every value exactly, as a
positional decimal; the decimal column is null where the value does not fit. No value is
ever rounded to fit.

pyarrow is imported on first use.
"""

from __future__ import annotations

import decimal
import importlib
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from povertydata._figure import Figure

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "decimal_type",
    "figure_arrays",
    "figure_fields",
    "fit",
    "need",
    "plain",
]

#: Digits a decimal column holds in all.
DECIMAL_PRECISION = 38
#: Digits after the point a decimal column holds.
DECIMAL_SCALE = 10

# The library's own context, whatever the caller's: enough digits for any value the reader
# makes, and an exception rather than a rounded result.
_CONTEXT = decimal.Context(prec=400, traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow])


def need(module: str, extra: str) -> Any:
    """Import an optional library, or say which extra installs it.

    Raises:
        ImportError: naming ``pip install 'povertydata[extra]'``.

    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(f"{module} is needed for this: pip install 'povertydata[{extra}]'") from None


def decimal_type(scale: int = DECIMAL_SCALE) -> pyarrow.DataType:
    """The decimal type of figure columns (``decimal128(38, 10)``), or another scale."""
    pa = need("pyarrow", "arrow")
    return pa.decimal128(DECIMAL_PRECISION, scale)


def fit(value: Decimal | None, scale: int = DECIMAL_SCALE) -> Decimal | None:
    """The value at the column's scale if a decimal column holds it exactly, else ``None``."""
    # Decimals made from strings, and copy_abs and comparisons, use no context.
    if value is None or not value.is_finite() or value.copy_abs() >= Decimal(f"1e{DECIMAL_PRECISION - scale}"):
        return None
    try:
        return value.quantize(Decimal(f"1e-{scale}"), context=_CONTEXT)
    except decimal.Inexact:
        return None


def plain(value: Decimal | None) -> str | None:
    """A decimal as an exact positional string (``1E-7`` is ``0.0000001``)."""
    return None if value is None else format(value, "f")


_DESCRIPTIONS = {
    "value": "The figure, in base units, as decimal128(38, 10); null for a range or a date, or where "
    "the value does not fit (see value_exact)",
    "value_exact": "The value, exact, as a positional decimal string: set whenever the figure has one",
    "low": "Low end of a range, as decimal128(38, 10) (null where it does not fit: see low_exact)",
    "low_exact": "Low end of a range, exact, as a positional decimal string",
    "high": "High end of a range, as decimal128(38, 10) (null where it does not fit: see high_exact)",
    "high_exact": "High end of a range, exact, as a positional decimal string",
    "unit": "Unit key (CNY, household, person, percent …)",
    "qualifier": "How the text hedges the figure (exact, approx, more_than …)",
    "per": "Rate denominators, joined with '/' (person/year)",
    "classifier": "Measure word as written (户, 人, 个 …)",
    "terms": "The terms of a ratio or fraction, exact decimal strings (1:10 -> ['1', '10'])",
    "when": "For years and dates, the ISO 8601 form",
}


def figure_fields() -> list[pyarrow.Field]:
    """The Arrow fields of a figure, each with its description in the field's metadata."""
    pa = need("pyarrow", "arrow")
    types = {
        "value": decimal_type(),
        "low": decimal_type(),
        "high": decimal_type(),
        "terms": pa.list_(pa.string()),
    }
    return [pa.field(name, types.get(name, pa.string()), metadata={"description": text})
            for name, text in _DESCRIPTIONS.items()]  # fmt: skip


def figure_arrays(figures: Sequence[Figure | None]) -> list[pyarrow.Array]:
    """The columns of :func:`figure_fields` for these figures (a ``None`` is a null row)."""
    pa = need("pyarrow", "arrow")
    columns: dict[str, list[Any]] = {name: [] for name in _DESCRIPTIONS}
    for f in figures:
        if f is None:
            for values in columns.values():
                values.append(None)
            continue
        for name in ("value", "low", "high"):
            got = getattr(f, name)
            columns[name].append(fit(got))
            columns[f"{name}_exact"].append(plain(got))
        columns["unit"].append(f.unit)
        columns["qualifier"].append(f.qualifier)
        columns["per"].append("/".join(f.per) or None)
        columns["classifier"].append(f.classifier)
        columns["terms"].append([plain(t) for t in f.terms] if f.terms else None)
        columns["when"].append(f.when)
    return [pa.array(columns[field.name], type=field.type) for field in figure_fields()]
