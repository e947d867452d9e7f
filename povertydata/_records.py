"""Records: a sequence of records of one kind, looked up by id and filtered."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar, overload

import attrs

from povertydata._figure import Figure
from povertydata.model import Program, Record, Span, period_years

__all__ = ["CitedFigure", "Records"]

T = TypeVar("T")


@attrs.frozen
class CitedFigure:
    """One cited figure of the dataset: the record, the field, the figure and its span."""

    record: Record
    field: str
    figure: Figure
    span: Span


class _Index:
    """What filters need to know beyond a record: the region tree and programme categories."""

    __slots__ = ("_within", "categories", "children")

    def __init__(self, children: dict[str, tuple[str, ...]], categories: dict[str, str]) -> None:
        self.children = children
        self.categories = categories  # programme id -> category key
        self._within: dict[str, frozenset[str]] = {}

    def within(self, region: str) -> frozenset[str]:
        """The region and every region below it."""
        found = self._within.get(region)
        if found is None:
            below = {region}
            for child in self.children.get(region, ()):
                below |= self.within(child)
            found = self._within[region] = frozenset(below)
        return found


def _field_equals(name: str, wanted: object) -> Callable[[Any], bool]:
    return lambda r: bool(getattr(r, name, None) == wanted)


class Records(Sequence[T], Generic[T]):
    """A sequence of records of one kind, with look-up by id and filtering.

    >>> import povertydata as pv
    >>> len(pv.load().cohorts.where(report="qianjiang-2015")) > 0
    True
    """

    __slots__ = ("_by_id", "_dataset", "_index", "_items", "_table")

    def __init__(self, items: Iterable[T], index: _Index) -> None:
        self._items = tuple(items)
        self._index = index
        self._by_id = {getattr(r, "id", None): r for r in self._items}
        # The table these records are a selection of, and the dataset it belongs to: set
        # by the Dataset, passed on to every selection, for exports of any selection.
        self._table: str | None = None
        self._dataset: Any = None

    def _bind(self, table: str, dataset: Any) -> None:
        self._table = table
        self._dataset = dataset

    def _bound_to(self, table: str, dataset: Any) -> Records[T]:
        """These records as the table of ``dataset``: themselves if free, else a copy."""
        if self._dataset is not None and self._dataset is not dataset:
            copy = Records(self._items, self._index)
            copy._bind(table, dataset)
            return copy
        self._bind(table, dataset)
        return self

    def _select(self, items: Iterable[T]) -> Records[T]:
        chosen = Records(items, self._index)
        chosen._bind(self._table or "", self._dataset)
        return chosen

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> Records[T]: ...
    def __getitem__(self, i: int | slice) -> T | Records[T]:
        if isinstance(i, slice):
            return self._select(self._items[i])
        return self._items[i]

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        kind = type(self._items[0]).__name__ if self._items else "record"
        return f"<Records: {len(self._items)} {kind}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Records) and self._items == other._items

    def __hash__(self) -> int:
        return hash(self._items)

    def get(self, id: str) -> T:
        """The record with this id.

        Raises:
            KeyError: if there is none, naming the id.

        """
        try:
            return self._by_id[id]
        except KeyError:
            raise KeyError(f"no record with id {id!r}") from None

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the records, in order."""
        return tuple(str(getattr(r, "id", "")) for r in self._items)

    def where(
        self,
        *,
        report: str | None = None,
        region: str | None = None,
        program: str | None = None,
        category: str | None = None,
        period: str | None = None,
        **fields: object,
    ) -> Records[T]:
        """The records that match every filter given.

        Args:
            report: A report id.
            region: A region id; a region includes its children (Haixi includes Golmud).
            program: A programme id.
            category: A programme category key; a record matches through its programme.
            period: An ISO 8601 year or interval; records whose period overlaps it.
            **fields: Any other field and the value it must equal (``status="relocated"``).

        """
        tests: list[Callable[[Any], bool]] = []
        if report is not None:
            tests.append(lambda r: getattr(r, "report", getattr(r, "id", None)) == report)
        if region is not None:
            inside = self._index.within(region)
            tests.append(lambda r: getattr(r, "region", getattr(r, "id", None)) in inside)
        if program is not None:
            tests.append(lambda r: (r.id if isinstance(r, Program) else getattr(r, "program", None)) == program)
        if category is not None:
            cats = self._index.categories
            tests.append(
                lambda r: (
                    (r.category if isinstance(r, Program) else cats.get(getattr(r, "program", None) or "")) == category
                )
            )
        if period is not None:
            years = period_years(period)
            assert years is not None
            lo, hi = years

            def overlaps(r: Any) -> bool:
                got = period_years(getattr(r, "period", None))
                return got is not None and got[0] <= hi and got[1] >= lo

            tests.append(overlaps)
        for name, wanted in fields.items():
            tests.append(_field_equals(name, wanted))
        return self._select(r for r in self._items if all(t(r) for t in tests))

    # Exports of any selection: the layer above, imported when asked for.

    def _bound(self) -> tuple[str, Any]:
        if self._dataset is None or not self._table:
            raise ValueError("these records are not a selection of a Dataset: get them from pv.load()")
        return self._table, self._dataset

    def table(self) -> list[dict[str, Any]]:
        """One flat row per record, decimals as exact strings (the export's columns).

        >>> import povertydata as pv
        >>> rows = pv.load().funds.where(report="golmud-2017").table()
        >>> rows[0]["region_en"], rows[0]["unit"]
        ('Golmud', 'CNY')
        """
        from povertydata.exports import table

        kind, ds = self._bound()
        return table(ds, kind, self._items)

    def to_arrow(self, *, exact: bool = True) -> Any:
        """The records as an Arrow table: exact decimal columns, units, region names, provenance.

        Decimal columns are ``decimal128(38, 10)`` whatever the data; ``exact=False`` gives
        floats. Needs ``pip install 'povertydata[arrow]'``.
        """
        from povertydata.exports import to_arrow

        kind, ds = self._bound()
        return to_arrow(ds, kind, self._items, exact=exact)

    def to_frame(self, engine: str = "pandas", *, exact: bool = True, units: str | None = None) -> Any:
        """The records as a pandas (or ``engine="polars"``) DataFrame, through :meth:`to_arrow`.

        Exact by default (``Decimal`` values); ``exact=False`` gives floats, for plotting;
        ``units="pint"`` gives pint-pandas value columns in the package's unit registry.
        Needs ``pip install 'povertydata[pandas]'`` (``[polars]``, ``[pint]``).
        """
        from povertydata.exports import to_frame

        kind, ds = self._bound()
        return to_frame(ds, kind, engine, self._items, exact=exact, units=units)
