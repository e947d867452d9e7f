"""Parts and wholes: the rules ``part_of`` follows, the checks it implies, and its closure.

A figure record names the records it is a part of (``part_of``). The loader calls
:func:`validate` once every reference resolves: a part and its whole must share a figure of
one unit and one ``per`` (money with money, households with households, persons with
persons, a count with a count; never a rate with a total), no record is a part of itself,
directly or through others, and a declared check adds, subtracts or compares figures of one
unit only, a ``sum``'s operands being parts of its result. :func:`derived_checks` turns
every part and whole into an ``at_most`` check; :func:`closure` gives every record's wholes
through any number of links, which totals use to count each amount once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from povertydata._figure import Figure
from povertydata.errors import DataError
from povertydata.model import FIGURE_FIELDS, FIGURE_SECTIONS, Check, Record

__all__ = ["CycleError", "closure", "derived_checks", "figure_of", "pairs", "validate"]

#: Checks whose operands and result must share one unit and one per.
SAME_UNIT_KINDS = frozenset({"sum", "difference", "equal", "at_most"})


class CycleError(ValueError):
    """Records that are parts of themselves through ``part_of``.

    Attributes:
        path: The ids around the circle, the first repeated at the end.

    """

    def __init__(self, path: Sequence[str]) -> None:
        super().__init__(f"part_of runs in a circle: {' → '.join(path)}")
        self.path = tuple(path)


def _figures(record: Record) -> list[tuple[str, Figure]]:
    return [(f, fig) for f in FIGURE_FIELDS[type(record)] if (fig := getattr(record, f)) is not None]


def _reference(record: Record, field: str) -> str:
    # A cohort may state households and persons: name the field. Others have one figure.
    return f"{record.id}#{field}" if len(FIGURE_FIELDS[type(record)]) > 1 else record.id


def pairs(part: Record, whole: Record) -> list[tuple[str, str]]:
    """The references of the figures ``part`` and ``whole`` share: one unit and one ``per``.

    A cohort of households and persons that is part of another pairs households with
    households and persons with persons; an indicator in persons pairs with a cohort's
    persons; money pairs with money.
    """
    found = []
    for pf, pfig in _figures(part):
        for wf, wfig in _figures(whole):
            if (pfig.unit, pfig.per) == (wfig.unit, wfig.per):
                found.append((_reference(part, pf), _reference(whole, wf)))
    return found


def figure_of(records: Mapping[str, Record], ref: str) -> Figure | None:
    """The figure a check reference names (``id`` or ``id#field``), or ``None``."""
    rid, _, field = ref.partition("#")
    record = records.get(rid)
    if record is None:
        return None
    if field:
        figure: Figure | None = getattr(record, field, None) if field in FIGURE_FIELDS[type(record)] else None
        return figure
    present = _figures(record)
    return present[0][1] if len(present) == 1 else None


def closure(records: Iterable[Record]) -> dict[str, frozenset[str]]:
    """Every record's wholes, through any number of ``part_of`` links (ids not given are kept, not followed).

    Raises:
        CycleError: if a record is a part of itself, directly or through others.

    """
    links = {r.id: r.part_of for r in records}
    done: dict[str, frozenset[str]] = {}

    def visit(rid: str, path: list[str]) -> frozenset[str]:
        if rid in done:
            return done[rid]
        if rid in path:
            raise CycleError([*path[path.index(rid) :], rid])
        path.append(rid)
        found: set[str] = set()
        for whole in links.get(rid, ()):
            found.add(whole)
            found |= visit(whole, path)
        path.pop()
        done[rid] = frozenset(found)
        return done[rid]

    for rid in links:
        visit(rid, [])
    return done


def _describe(record: Record) -> str:
    shown = []
    for field, figure in _figures(record):
        per = f" per {' per '.join(figure.per)}" if figure.per else ""
        shown.append(f"{field} in {figure.unit}{per}")
    return ", ".join(shown)


def _no_pair(part: Record, whole: Record) -> str:
    """Why two records share no figure, in the words of the reading rules."""
    units = {(f.unit, f.per) for _, f in _figures(part)}
    other = {(f.unit, f.per) for _, f in _figures(whole)}
    if {u for u, _ in units} & {u for u, _ in other}:
        why = "a rate is a part only of a rate with the same per, never of a total, nor a total of a rate"
    else:
        why = (
            "a part and its whole are the same kind of quantity: money with money, households with "
            "households, persons with persons, a count with a count"
        )
    return f"part_of {whole.id!r}: no figure of one unit ({_describe(part)}; the whole: {_describe(whole)}): {why}"


def validate(sections: Mapping[str, Sequence[Any]], origin: Mapping[str, str]) -> None:
    """Refuse ``part_of`` links and checks that break the rules of parts and wholes.

    ``sections`` are the loaded records by section (``"funds"``, ``"checks"`` …), with every
    reference already known to resolve; ``origin`` maps a record id to its file.

    Raises:
        DataError: naming the file, the record and the field at fault.

    """
    records: dict[str, Record] = {r.id: r for key in FIGURE_SECTIONS for r in sections.get(key, ())}
    for record in records.values():
        label = origin.get(record.id, "?")
        seen: set[str] = set()
        for i, whole_id in enumerate(record.part_of):
            field = f"part_of[{i}]"
            if whole_id == record.id:
                raise DataError(label, record.id, "part_of names the record itself", field)
            if whole_id in seen:
                raise DataError(label, record.id, f"part_of names {whole_id!r} twice", field)
            seen.add(whole_id)
            whole = records.get(whole_id)
            if whole is None or whole.report != record.report:
                raise DataError(
                    label, record.id, f"part_of {whole_id!r} is not a record of figures of its report", field
                )
            if not pairs(record, whole):
                raise DataError(label, record.id, _no_pair(record, whole), field)
    try:
        wholes = closure(records.values())
    except CycleError as error:
        raise DataError(origin.get(error.path[0], "?"), error.path[0], str(error), "part_of") from None
    for check in sections.get("checks", ()):
        _validate_check(check, records, wholes, origin.get(check.id, "?"))


def _validate_check(
    check: Check, records: Mapping[str, Record], wholes: Mapping[str, frozenset[str]], label: str
) -> None:
    if check.kind not in SAME_UNIT_KINDS:
        return
    refs = [*check.operands, check.result]
    units: dict[tuple[str, tuple[str, ...]], str] = {}
    for ref in refs:
        figure = figure_of(records, ref)
        if figure is not None:
            units.setdefault((figure.unit, figure.per), ref)
    if len(units) > 1:
        shown = "; ".join(
            f"{ref} in {unit}{' per ' + ' per '.join(per) if per else ''}" for (unit, per), ref in units.items()
        )
        article = "an" if check.kind[:1] in "aeiou" else "a"
        raise DataError(
            label, check.id, f"{article} {check.kind} check takes figures of one unit and one per: {shown}", "operands"
        )
    if check.kind != "sum":
        return
    whole = check.result.partition("#")[0]
    for i, ref in enumerate(check.operands):
        part = ref.partition("#")[0]
        if whole not in wholes.get(part, frozenset()):
            raise DataError(
                label,
                check.id,
                f"operand {ref!r} is not a part of the result {check.result!r}: a sum's operands name its result "
                f"in their part_of (directly or through a record that does)",
                f"operands[{i}]",
            )


def derived_checks(records: Iterable[Record], declared: Iterable[Check]) -> list[Check]:
    """An ``at_most`` check for every part and its whole, on each figure they share.

    Only figures with a single value are compared (a range or a vague amount is left out).
    A declared ``at_most`` check over the same two figures takes the derived one's place:
    that is how data names the erratum of a part that exceeds its whole.
    """
    by_id = {r.id: r for r in records}
    stated = {(c.operands, c.result) for c in declared if c.kind == "at_most"}
    made = []
    for part in by_id.values():
        for whole_id in part.part_of:
            whole = by_id.get(whole_id)
            if whole is None:
                continue
            shared = pairs(part, whole)
            for part_ref, whole_ref in shared:
                p, w = figure_of(by_id, part_ref), figure_of(by_id, whole_ref)
                if p is None or w is None or p.value is None or w.value is None:
                    continue
                if ((part_ref,), whole_ref) in stated:
                    continue
                field = f"-{part_ref.partition('#')[2]}" if len(shared) > 1 else ""
                slug = f"{part.id.partition('/')[2]}-within-{whole.id.partition('/')[2]}{field}"
                made.append(
                    Check(
                        id=f"{part.report}/{slug}",
                        report=part.report,
                        kind="at_most",
                        operands=(part_ref,),
                        result=whole_ref,
                        note=f"Derived from part_of: {part.id} is a part of {whole.id}, so it is at most its whole.",
                    )
                )
    return made
