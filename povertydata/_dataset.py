"""The dataset: every record of the loaded reports, with checks and exports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from povertydata._figure import Figure
from povertydata._records import CitedFigure, Records
from povertydata._relations import derived_checks
from povertydata.checks import CheckResult, Operand, evaluate
from povertydata.model import (
    FIGURE_FIELDS,
    Category,
    Check,
    Erratum,
    Exclusion,
    Fund,
    HouseholdCohort,
    Indicator,
    Program,
    Record,
    Region,
    Report,
)

__all__ = ["Dataset"]


@attrs.frozen(eq=False, repr=False)
class Dataset:
    """Every canonical record, typed. Get one with :func:`load`.

    >>> import povertydata as pv
    >>> pv.load()
    <Dataset: 5 reports, 68 funds, 70 cohorts, 177 indicators, 21 checks>
    """

    reports: Records[Report]
    regions: Records[Region]
    categories: Records[Category]
    programs: Records[Program]
    funds: Records[Fund]
    cohorts: Records[HouseholdCohort]
    indicators: Records[Indicator]
    errata: Records[Erratum]
    checks: Records[Check]
    exclusions: tuple[Exclusion, ...]

    def __attrs_post_init__(self) -> None:
        # Each table knows its name and its dataset, so that any selection exports itself.
        # A table another dataset holds (attrs.evolve shares them) is copied, not taken.
        for a in attrs.fields(Dataset):
            records = getattr(self, a.name)
            if isinstance(records, Records):
                object.__setattr__(self, a.name, records._bound_to(a.name, self))
        # Totals skip a record whose whole is in the selection, through any number of
        # links: every selection of this dataset must know the parts and wholes of all of it.
        related = list(self.records())
        for records in (self.funds, self.cohorts, self.indicators):
            records._index.relate(related)

    def __repr__(self) -> str:
        # The counts a reader checks first; every record is one attribute away.
        return (
            f"<Dataset: {len(self.reports)} reports, {len(self.funds)} funds, {len(self.cohorts)} cohorts, "
            f"{len(self.indicators)} indicators, {len(self.checks)} checks>"
        )

    def __getitem__(self, id: str) -> Any:
        """Any record by its id (reports, regions, programmes, funds, cohorts …)."""
        for records in (self.funds, self.cohorts, self.indicators, self.programs, self.errata, self.checks,
                        self.reports, self.regions):  # fmt: skip
            try:
                return records.get(id)
            except KeyError:
                continue
        raise KeyError(f"no record with id {id!r}")

    def records(self) -> Iterator[Record]:
        """Every record that carries figures: funds, then cohorts, then indicators."""
        yield from self.funds
        yield from self.cohorts
        yield from self.indicators

    def figures(self) -> Iterator[CitedFigure]:
        """Every cited figure: one item per figure field and span that cites it."""
        for record in self.records():
            for field in FIGURE_FIELDS[type(record)]:
                figure = getattr(record, field)
                if figure is None:
                    continue
                for span in record.spans:
                    if span.field == field:
                        yield CitedFigure(record, field, figure, span)

    def resolve(self, ref: str) -> Operand:
        """Turn a check reference (``id`` or ``id#field``) into its value and spans.

        Raises:
            KeyError: for an unknown record or field, or a figure with no single value.

        """
        rid, _, field = ref.partition("#")
        record = self[rid]
        fields = FIGURE_FIELDS.get(type(record))
        if fields is None:
            raise KeyError(f"{ref!r} is not a record with figures")
        if not field:
            present = [f for f in fields if getattr(record, f) is not None]
            if len(present) != 1:
                raise KeyError(f"{ref!r} has several figures: name one as {rid}#field")
            field = present[0]
        if field not in fields:
            raise KeyError(f"{ref!r}: no figure field {field!r}")
        figure: Figure | None = getattr(record, field)
        if figure is None or figure.value is None:
            raise KeyError(f"{ref!r} has no single value")
        return Operand(ref, figure.value, figure, tuple(s for s in record.spans if s.field == field))

    def check(self, *, derived: bool = True) -> list[CheckResult]:
        """Evaluate every declared check, in order, then the checks derived from ``part_of``.

        A derived check says a part is at most its whole (qualifiers read as bounds: a whole
        stated as a lower bound cannot be exceeded); its result has ``derived=True``.
        ``derived=False`` leaves them out.
        """
        results = [evaluate(c, self.resolve) for c in self.checks]
        if derived:
            results += [evaluate(c, self.resolve, derived=True) for c in self.derived_checks()]
        return results

    def derived_checks(self) -> list[Check]:
        """The ``at_most`` checks ``part_of`` implies: each part is at most its whole, on every figure they share."""
        return derived_checks(self.records(), self.checks)

    # The exports are a layer above; they are imported when asked for.

    def _table(self, kind: str) -> Records[Any] | None:
        """The records of a table of records; ``None`` for a table made from them all."""
        from povertydata.exports import columns

        columns(kind)  # a clear error for an unknown table
        records = getattr(self, kind, None)
        return records if isinstance(records, Records) else None

    def table(self, kind: str) -> list[dict[str, Any]]:
        """One flat row per record of ``kind`` (``"funds"``, ``"cohorts"`` …), decimals as exact strings."""
        from povertydata.exports import table

        records = self._table(kind)
        return records.table() if records is not None else table(self, kind)

    def to_arrow(self, kind: str, *, exact: bool = True) -> Any:
        """One Arrow table of ``kind``: decimal columns, units and provenance as columns.

        Needs ``pip install 'povertydata[arrow]'``; ``exact=False`` gives float columns.
        Any selection has the same method: ``ds.funds.where(report=…).to_arrow()``.
        """
        from povertydata.exports import to_arrow

        records = self._table(kind)
        return records.to_arrow(exact=exact) if records is not None else to_arrow(self, kind, exact=exact)

    def to_frame(self, kind: str, engine: str = "pandas", *, exact: bool = True, units: str | None = None) -> Any:
        """A pandas or polars DataFrame of ``kind``, exact by default (through :meth:`to_arrow`).

        Any selection has the same method: ``ds.funds.where(report=…).to_frame()``.
        """
        from povertydata.exports import to_frame

        records = self._table(kind)
        if records is not None:
            return records.to_frame(engine, exact=exact, units=units)
        return to_frame(self, kind, engine, exact=exact, units=units)

    def export(self, folder: str | Path, fmt: str = "csv") -> list[Path]:
        """Write every table to ``folder`` as ``csv``, ``json``, ``datapackage`` or ``parquet``."""
        from povertydata.exports import write

        return write(self, folder, fmt)
