"""Records: a sequence of records of one kind, looked up by id and filtered."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any, Generic, TypeVar, overload

import attrs

from povertydata._fields import check_field, check_filters, read_stages
from povertydata._figure import Figure
from povertydata._relations import closure
from povertydata._totals import field_of, total
from povertydata.model import Fund, HouseholdCohort, Indicator, Program, Record, Span, Stage, period_years

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

    __slots__ = ("_related", "_wholes", "_within", "categories", "children")

    def __init__(
        self,
        children: dict[str, tuple[str, ...]] | None = None,
        categories: dict[str, str] | None = None,
        related: Iterable[Any] = (),
    ) -> None:
        self.children = children or {}
        self.categories = categories or {}  # programme id -> category key
        self._within: dict[str, frozenset[str]] = {}
        self._related: tuple[Record, ...] = ()
        self._wholes: dict[str, frozenset[str]] | None = None
        self.relate(related)

    def relate(self, records: Iterable[Any]) -> None:
        """Know the parts and wholes among ``records`` (every figure record of a dataset)."""
        self._related = tuple(r for r in records if isinstance(r, (Fund, HouseholdCohort, Indicator)))
        self._wholes = None

    def wholes(self, id: str) -> frozenset[str]:
        """The ids of every record ``id`` is a part of, through any number of links.

        Raises:
            CycleError: if the records related are parts of themselves.

        """
        if self._wholes is None:
            self._wholes = closure(self._related)
        return self._wholes.get(id, frozenset())

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

    __slots__ = ("_by_id", "_dataset", "_index", "_items", "_of", "_table")

    def __init__(self, items: Iterable[T], index: _Index | None = None, *, of: type | None = None) -> None:
        self._items = tuple(items)
        self._index = index if index is not None else _Index(related=self._items)
        self._by_id = {getattr(r, "id", None): r for r in self._items}
        # The record class, so that an empty selection still knows its fields.
        self._of = of if of is not None else (type(self._items[0]) if self._items else None)
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
            copy = Records(self._items, self._index, of=self._of)
            copy._bind(table, dataset)
            return copy
        self._bind(table, dataset)
        return self

    def _select(self, items: Iterable[T]) -> Records[T]:
        chosen = Records(items, self._index, of=self._of)
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
        kind = self._of.__name__ if self._of is not None else "record"
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

    def filter(self, keep: Callable[[T], bool]) -> Records[T]:
        """The records for which ``keep(record)`` is true, as a selection of the same dataset.

        Like :meth:`where` and slicing, the selection keeps the parts and wholes of the
        whole dataset, which :meth:`total` needs (a ``Records`` built from a list knows only
        the relations among its own records).

        >>> import povertydata as pv
        >>> rates = pv.load().funds.filter(lambda f: bool(f.amount.per))
        >>> all(f.amount.per for f in rates) and len(rates) > 0
        True
        """
        return self._select(r for r in self._items if keep(r))

    def total(self, field: str | None = None, *, stage: Stage | Collection[Stage | None] | None = None) -> Figure:
        """The sum of the selection's figures, each amount counted once.

        Args:
            field: The figure to add: ``"households"`` or ``"persons"`` for cohorts (they
                are separate totals); funds add their ``amount`` and indicators their
                ``value`` without it being named.
            stage: The stage(s) to include: ``"done"``, or a tuple in which ``None``
                stands for records whose stage is not stated (``stage=("done", None)``).
                Left out, every record of the selection must stand at one stage.

        The rules:

        - **Parts once.** A record whose whole is in the selection (through any number
          of ``part_of`` links) and states the same figure is skipped: it is inside the
          whole. Stages select first: a whole of another stage, or one whose stage is not
          stated because it mixes stages, does not hide its parts.
        - **Plans apart from results.** Records at different stages do not add up until
          the caller names the stage(s) to include.
        - **Only amounts.** Rates (a figure with ``per``: 每户3万元), figures of different
          units, shares and points in time (percent, percentage points, multiples, ratios,
          fractions, years, dates), negative figures and records of two reports on one
          place (a region and a region within it: ``part_of`` does not link across
          reports) are refused.
        - **Qualifiers as bounds**, amounts being non-negative: exact figures give an
          exact total; a lower bound among them (超过, 余, 以上) makes the total
          ``at_least`` the sum of the least amounts; otherwise an upper bound (不超过,
          不足) makes it ``at_most`` the sum of the greatest; otherwise an approximate
          figure (约, 近) makes it ``approx``; ranges add end to end (15—30万 and 10万 make
          25—40万). A record with no figure in ``field`` (a cohort of households only, in
          a total of persons) or a vague one (几十万) adds an amount not known: the total
          is ``at_least`` the rest.
        - A selection with nothing to add totals zero, in the unit of the selection's
          figures (CNY for funds and households or persons for cohorts when there are
          none; indicators with none, or of several units, have no unit to give zero in).
          The arithmetic is exact and runs in the library's own decimal context.

        Raises:
            ValueError: for mixed stages with none named, rates, mixed units, shares,
                negative figures or overlapping reports, naming the records.
            TypeError: for records with no figures (programmes, errata …), a cohort
                total with no field named, or a ``stage`` of the wrong type.

        >>> import povertydata as pv
        >>> def fund(id, text, **more):
        ...     return pv.Fund(id=id, report="d-2017", region="632802", amount=pv.parse(text), kind="loan", **more)
        >>> money = pv.Records([
        ...     fund("d-2017/loan", "23.2亿元", stage="done"),
        ...     fund("d-2017/paid", "4.5亿元", stage="done", part_of=("d-2017/loan",)),
        ...     fund("d-2017/plan", "20.52亿元", stage="planned"),
        ...     fund("d-2017/spent", "6.94亿元", stage="done", part_of=("d-2017/plan",)),
        ... ])
        >>> money.total(stage="done")  # the 4.5亿 paid out is in the 23.2亿 loan
        Figure(Decimal('3014000000'), unit='CNY')
        >>> money.total(stage="planned")
        Figure(Decimal('2052000000'), unit='CNY')
        >>> money.total()  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: total(): the records stand at different stages (done: d-2017/loan, ...; planned: d-2017/plan); ...

        """
        cls = self._of if self._of is not None else None
        name = field_of(cls, field)
        stages = None if stage is None else read_stages(stage, "total()")
        return total(list(self._items), name, stages, self._index.wholes, self._index.within)  # type: ignore[arg-type]

    def where(
        self,
        *,
        report: str | None = None,
        region: str | None = None,
        program: str | None = None,
        category: str | None = None,
        period: str | None = None,
        stage: Stage | Collection[Stage | None] | None = None,
        **fields: object,
    ) -> Records[T]:
        """The records that match every filter given.

        Args:
            report: A report id.
            region: A region id; a region includes its children (Haixi includes Golmud).
            program: A programme id.
            category: A programme category key; a record matches through its programme.
            period: An ISO 8601 year or interval; records whose period overlaps it.
            stage: ``"planned"``, ``"underway"`` or ``"done"``, or a tuple of stages in
                which ``None`` stands for records whose stage is not stated
                (``stage=("done", None)``). Left out, any stage.
            **fields: Any other field of the records and the value it must equal
                (``status="relocated"``, ``kind="loan"``, ``source=None``).

        Raises:
            TypeError: for a field the records do not have (``statuss=``), or a value of
                the wrong type (``period=2016``).
            ValueError: for a key outside its vocabulary (``status="happy"``,
                ``stage="finished"``) or a period that is not ISO 8601.

        >>> import povertydata as pv
        >>> pv.load().cohorts.where(statuss="relocated")
        Traceback (most recent call last):
        ...
        TypeError: where(): HouseholdCohort has no field 'statuss'; did you mean 'status'?

        """
        check_filters(report=report, region=region, program=program, category=category, period=period)
        tests: list[Callable[[Any], bool]] = []
        if stage is not None:
            check_field(self._of, "stage")
            stages = read_stages(stage, "where()")
            tests.append(lambda r: getattr(r, "stage", None) in stages)
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
            check_field(self._of, name, wanted)
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
