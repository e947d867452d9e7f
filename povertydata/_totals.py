"""Totals: the sum of a selection's figures, each amount counted once.

A selection of records may hold a whole and its parts (73.4亿元 and 其中 8.44亿元), a plan
and a result, rates and totals, figures of several units, and records of reports that
cover the same place. :func:`total` adds what can be added and refuses the rest with an
error that names the records: it skips every record whose whole (through any number of
``part_of`` links) is in the selection, and reads qualifiers as bounds
(:mod:`povertydata._bounds`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence

from povertydata._bounds import Bounds, as_figure, bounds, sum_bounds
from povertydata._figure import Figure, Unit
from povertydata.model import FIGURE_FIELDS, Fund, HouseholdCohort, Indicator, Record, Stage

__all__ = ["NOT_AMOUNTS", "total"]

#: Units whose figures are shares, ratios or points in time: adding two of them says nothing.
NOT_AMOUNTS = frozenset({"percent", "percentage_point", "fold", "ratio", "fraction", "year", "date"})

#: The unit of an empty total, by field.
_EMPTY_UNIT: dict[str, Unit] = {"amount": "CNY", "households": "household", "persons": "person"}
_SHOWN = 5


def _names(records: Sequence[Record]) -> str:
    ids = [r.id for r in records[:_SHOWN]]
    more = f" and {len(records) - _SHOWN} more" if len(records) > _SHOWN else ""
    return ", ".join(ids) + more


def _stage_name(stage: str | None) -> str:
    return "not stated" if stage is None else stage


def field_of(cls: type | None, field: str | None) -> str:
    """The figure field a total of records of ``cls`` adds: ``amount``, ``value``, or the one named."""
    if cls not in FIGURE_FIELDS:
        name = cls.__name__ if cls is not None else "an empty selection of unknown records"
        raise TypeError(f"total(): {name} has no figures to total; funds, cohorts and indicators have")
    fields = FIGURE_FIELDS[cls]
    if field is None:
        if len(fields) > 1:
            raise TypeError(f"total(): name the figure to total: {' or '.join(map(repr, fields))}")
        return fields[0]
    if field not in fields:
        raise ValueError(f"total(): {cls.__name__} has no figure {field!r}; its figures: {', '.join(fields)}")
    return field


def total(
    records: Sequence[Record],
    field: str,
    stages: Collection[Stage | None] | None,
    wholes: Callable[[str], frozenset[str]],
    within: Callable[[str], frozenset[str]],
) -> Figure:
    """The total of ``field`` over ``records``; see :meth:`povertydata.Records.total` for the rules.

    ``stages`` are the stages to include (``None``: the records must share one);
    ``wholes(id)`` gives a record's wholes through any number of links; ``within(region)``
    a region and every region below it.
    """
    for r in records:
        if not isinstance(r, (Fund, HouseholdCohort, Indicator)) or field not in FIGURE_FIELDS[type(r)]:
            raise TypeError(f"total(): {r.id!r} is a {type(r).__name__}, which has no figure {field!r}")
    chosen = _at_stages(records, stages)
    _one_report_per_place(chosen, within)
    stated = [(r, f) for r in chosen if (f := getattr(r, field)) is not None]
    _refuse_what_does_not_add(stated, field)
    # A record whose whole is in the selection, with a figure to count it by, is in that figure.
    counting = {r.id for r, _ in stated}
    parts: list[Bounds] = []
    for r in chosen:
        if wholes(r.id) & counting:
            continue
        parts.append(bounds(getattr(r, field)))  # no figure: some amount, not known
    units = {f.unit for _, f in stated}
    if not units:  # nothing at the stages chosen: the unit the whole selection is in, if one
        units = {f.unit for r in records if (f := getattr(r, field)) is not None}
    unit: Unit | None = units.pop() if len(units) == 1 else _EMPTY_UNIT.get(field)
    if unit is None:
        raise ValueError("total(): no figure to total, and no one unit to give a total of nothing in")
    # Counts keep their measure word where every figure has the same one (项, 个 …).
    classifiers = {f.classifier for _, f in stated}
    return as_figure(sum_bounds(parts), unit, classifiers.pop() if len(classifiers) == 1 else None)


def _at_stages(records: Sequence[Record], stages: Collection[Stage | None] | None) -> list[Record]:
    if stages is not None:
        return [r for r in records if r.stage in stages]
    by_stage: dict[str | None, list[Record]] = {}
    for r in records:
        by_stage.setdefault(r.stage, []).append(r)
    if len(by_stage) > 1:
        shown = "; ".join(f"{_stage_name(s)}: {_names(rs)}" for s, rs in by_stage.items())
        raise ValueError(
            f"total(): the records stand at different stages ({shown}); a plan and a result do not add up: "
            f"name the stage(s) to include, e.g. total(stage='done') or total(stage=('done', None))"
        )
    return list(records)


def _one_report_per_place(records: Sequence[Record], within: Callable[[str], frozenset[str]]) -> None:
    """Refuse records of two reports about one place (or a place and a place inside it).

    ``part_of`` never links across reports, so such reports may state the same money twice.
    """
    regions: dict[str, set[str]] = {}
    for r in records:
        regions.setdefault(r.report, set()).add(r.region)
    reports = sorted(regions)
    for i, a in enumerate(reports):
        for b in reports[i + 1 :]:
            for ra in regions[a]:
                for rb in regions[b]:
                    if rb in within(ra) or ra in within(rb):
                        raise ValueError(
                            f"total(): {a} and {b} both report on {ra if rb in within(ra) else rb} (regions {ra} "
                            f"and {rb}), and part_of does not link across reports: they may state the same amounts "
                            f"twice; total each report apart (where(report=...))"
                        )


def _without_rates(field: str) -> str:
    if field in ("amount", "value"):
        return f".filter(lambda r: not r.{field}.per)"
    return f".filter(lambda r: r.{field} is None or not r.{field}.per)"


def _refuse_what_does_not_add(stated: Sequence[tuple[Record, Figure]], field: str) -> None:
    rates = [r for r, f in stated if f.per]
    if rates:
        raise ValueError(
            f"total(): rates do not add up to a total ({_names(rates)} {'is a rate' if len(rates) == 1 else 'are rates'}, "
            f"per {' per '.join(next(f.per for r, f in stated if f.per))}); leave them out, for instance with "
            f"{_without_rates(field)}"
        )
    units = Counter(f.unit for _, f in stated)
    if len(units) > 1:
        shown = "; ".join(f"{u}: {_names([r for r, f in stated if f.unit == u])}" for u in units)
        raise ValueError(f"total(): the {field} figures are in different units ({shown}); total one unit at a time")
    shares = [r for r, f in stated if f.unit in NOT_AMOUNTS]
    if shares:
        raise ValueError(f"total(): figures in {stated[0][1].unit} are no amounts and do not add up ({_names(shares)})")
    negative = [r for r, f in stated if any(x is not None and x < 0 for x in (f.value, f.low, f.high))]
    if negative:
        raise ValueError(f"total(): a negative figure is a change, not an amount ({_names(negative)})")
