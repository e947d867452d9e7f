"""The typed domain model: reports, regions, programmes and the records of their figures.

Every class is a frozen, slotted attrs class. Records cite their source: each carries
:class:`Span` objects whose ``quote`` is exactly ``seed_text[start:end]`` of the report it
comes from. Vocabularies (fund sources, cohort statuses …) are checked when a record is
made, which is where data enters: loading the package data, or a user building records.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal

import attrs
from attrs import validators as v

from povertydata import _lexicon as lex
from povertydata._figure import Figure
from povertydata._vocabularies import (
    CHECK_KINDS,
    COHORT_STATUSES,
    ERRATUM_KINDS,
    FUND_KINDS,
    FUND_SOURCES,
    REGION_LEVELS,
    STAGES,
    VOCABULARIES,
    Vocabulary,
    one_of,
)
from povertydata.sources import seed_text

__all__ = [
    "CHECK_KINDS",
    "COHORT_STATUSES",
    "ERRATUM_KINDS",
    "FIGURE_FIELDS",
    "FIGURE_SECTIONS",
    "FUND_KINDS",
    "FUND_SOURCES",
    "REGION_LEVELS",
    "SECTIONS",
    "SPAN_ADDITIONS",
    "STAGES",
    "VOCABULARIES",
    "Category",
    "Check",
    "Erratum",
    "Exclusion",
    "Fund",
    "HouseholdCohort",
    "Indicator",
    "Program",
    "Record",
    "Region",
    "Report",
    "Span",
    "Stage",
    "Vocabulary",
]

Stage = Literal["planned", "underway", "done"]
"""The type of a record's stage: a key of :data:`STAGES`."""
#: What a record's figure may add to ``parse(span.quote)`` when the text states it outside
#: the quote (:attr:`Span.added`): a unit for a bare number, a qualifier, rate denominators,
#: a measure word.
SPAN_ADDITIONS = ("unit", "qualifier", "per", "classifier")

_PERIOD = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?")
_SENTENCE_END = "。！？!?；;\n"


def _unit_is(*units: str) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    """A validator: the figure (or ``None``) has one of these units.

    A cohort's households read as persons, or a fund in percent, is a wrong record, not a
    figure to carry: the unit says what was counted.
    """
    allowed = frozenset(units)

    def check(_instance: object, attribute: attrs.Attribute[Any], value: Figure | None) -> None:
        if value is not None and value.unit not in allowed:
            raise ValueError(f"{attribute.name} must be in {' or '.join(sorted(allowed))}, not {value.unit!r}")

    return check


def _period(_instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and not _PERIOD.fullmatch(value):
        raise ValueError(f"{attribute.name} {value!r} is not an ISO 8601 year, month, day or interval of them")


def _additions(_instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
    unknown = [name for name in value if name not in SPAN_ADDITIONS]
    if unknown:
        raise ValueError(f"{attribute.name} names {unknown[0]!r}, not one of {', '.join(SPAN_ADDITIONS)}")
    if len(set(value)) != len(value):
        raise ValueError(f"{attribute.name} names an attribute twice: {list(value)}")


def period_years(period: str | None) -> tuple[int, int] | None:
    """The first and last calendar year a period string covers (``"2015/2020"`` -> (2015, 2020)).

    >>> period_years("2016")
    (2016, 2016)
    >>> period_years("2017-01/2017-09")
    (2017, 2017)
    """
    if period is None:
        return None
    first, _, last = period.partition("/")
    return int(first[:4]), int((last or first)[:4])


@attrs.frozen
class Span:
    """Where a record's figure or name stands in its source text.

    Attributes:
        report: The id of the report.
        seed: The file name of the report's source text.
        start: Offset (code points) of the first character of the quote.
        end: Offset one past the last character.
        quote: The text at ``[start, end)``, exactly.
        field: The record field the span supports (``"amount"``, ``"households"`` …), or
            ``None`` for a span that names or locates the record as a whole.
        added: The attributes of the figure the text states outside the quote, which the
            record adds to ``parse(quote)`` (keys of :data:`SPAN_ADDITIONS`): 每村有
            **50万元** gives ``per`` ``("village",)`` from outside the quote. Every other
            attribute equals what ``parse(quote)`` gives.
        override: Why the figure differs from ``parse(quote)`` in more than ``added``
            (another value, a quote that does not parse), or ``None``: the figure is then
            ``parse(quote)`` with the additions, exactly.

    """

    report: str
    seed: str
    start: int
    end: int
    quote: str
    field: str | None = None
    added: tuple[str, ...] = attrs.field(default=(), validator=_additions)
    override: str | None = None

    def context(self) -> str:
        """The sentence of the source text around the quote, whitespace collapsed.

        >>> import povertydata as pv
        >>> span = pv.load().funds.get("golmud-2017/city-poverty-fund-2017").spans[0]
        >>> "2017年市级安排1800万元扶贫资金" in span.context()
        True
        """
        text = seed_text(self.seed)
        start = max((text.rfind(ch, 0, self.start) for ch in _SENTENCE_END), default=-1) + 1
        ends = [i for i in (text.find(ch, self.end) for ch in _SENTENCE_END) if i >= 0]
        end = min(ends) + 1 if ends else len(text)
        return re.sub(r"\s+", " ", text[start:end].strip())

    def verify(self) -> bool:
        """Whether the quote stands at ``[start, end)`` of the source text."""
        return seed_text(self.seed)[self.start : self.end] == self.quote


@attrs.frozen
class Region:
    """An administrative region.

    Attributes:
        id: The GB/T 2260 code where known, else a readable slug (towns and villages).
        code: The official six-digit administrative division code, or ``None``.
        name_zh: The Chinese name (格尔木市).
        name_en: The official English name (Golmud).
        level: One of :data:`REGION_LEVELS`.
        parent: The id of the region above, or ``None`` for the top.

    """

    id: str
    code: str | None = attrs.field(validator=v.optional(v.matches_re(r"[1-9]\d{5}")))
    name_zh: str
    name_en: str
    level: str = attrs.field(validator=one_of(REGION_LEVELS))
    parent: str | None = None


@attrs.frozen
class Category:
    """A programme category: the national 五个一批 plus the other recurring kinds.

    Attributes:
        key: The category key (``"finance"``, ``"relocation"`` …).
        name_zh: The Chinese name.
        name_en: The English name.
        five_batches: Whether it is one of the national 五个一批 ("five batches").
        description: What belongs in it.

    """

    key: str
    name_zh: str
    name_en: str
    five_batches: bool
    description: str


@attrs.frozen
class Report:
    """One source report.

    Attributes:
        id: A readable slug (``"golmud-2017"``).
        seed: The file name of its text under ``seeds/``.
        seed_sha256: The SHA-256 of that text's bytes (64 lowercase hex digits): the text
            the offsets count in, pinned, so that a changed text is refused at load.
        title: The title as the text gives it (a descriptive one in [brackets] if none).
        title_en: The title in English.
        published: The publication date, where the text states it.
        publisher: The issuer or outlet, where the text says.
        region: The id of the region it reports on.
        period: The period it covers (ISO 8601 year or interval), or ``None``.
        language: The language of the text (``"zh"``).

    """

    id: str
    seed: str
    seed_sha256: str = attrs.field(kw_only=True, validator=v.matches_re(r"[0-9a-f]{64}"))
    title: str
    title_en: str
    published: dt.date | None
    publisher: str | None
    region: str
    period: str | None = attrs.field(validator=_period)
    language: str = "zh"


@attrs.frozen(kw_only=True)
class _Located:
    """What every record of a report carries: its id, report, region, period, spans, note.

    Attributes:
        id: ``<report-id>/<slug>``, unique in the dataset.
        report: The id of the report it comes from.
        region: The id of the region the figure is about.
        period: The period it covers (ISO 8601 year, month, day or interval), or ``None``.
        spans: Where the text states it.
        note: What a reader should know that the fields do not say, or ``None``.

    """

    id: str
    report: str
    region: str
    period: str | None = attrs.field(default=None, validator=_period)
    spans: tuple[Span, ...] = ()
    note: str | None = None


@attrs.frozen(kw_only=True)
class _Figured(_Located):
    """What every record of figures carries besides: its wholes and its stage.

    Attributes:
        part_of: The ids of the nearest records this figure is a part of (其中, a listed
            component, a disbursed part of a loan, a district's share, a subset of a
            population), in the same report.
        stage: Where the figure stands between plan and result: ``"planned"``,
            ``"underway"`` or ``"done"`` (a key of :data:`STAGES`); ``None`` where the text
            says neither, or where the figure mixes stages.

    """

    part_of: tuple[str, ...] = ()
    stage: Stage | None = attrs.field(default=None, validator=v.optional(one_of(STAGES)))


@attrs.frozen(kw_only=True)
class Program(_Located):
    """An intervention a report describes (金融扶贫, 危房改造, 易地扶贫搬迁 …).

    Attributes:
        name_zh: The name as the text gives it.
        name_en: The name in English.
        category: The key of its programme category (``categories.json``).

    """

    name_zh: str
    name_en: str
    category: str


@attrs.frozen(kw_only=True)
class Fund(_Figured):
    """An amount of money: allocated, invested, lent, donated, paid out.

    Attributes:
        amount: The figure, in CNY (a rate where the text gives one: 每户8万元).
        source: Who the money comes from (a key of :data:`FUND_SOURCES`), where stated.
        kind: What the money is (a key of :data:`FUND_KINDS`).
        purpose: What it is for, in plain English, where stated.
        program: The id of the programme it belongs to, if any.

    """

    amount: Figure = attrs.field(validator=_unit_is(*lex.MONEY_UNITS))
    kind: str = attrs.field(validator=one_of(FUND_KINDS))
    source: str | None = attrs.field(default=None, validator=v.optional(one_of(FUND_SOURCES)))
    purpose: str | None = None
    program: str | None = None


@attrs.frozen(kw_only=True)
class HouseholdCohort(_Figured):
    """A group of households and/or persons, with what happened to them.

    Attributes:
        households: How many households, if the text says.
        persons: How many persons, if the text says.
        status: What the group is, or what happened or is to happen to it (a key of
            :data:`COHORT_STATUSES`: ``"lifted_out"``, ``"relocated"`` …).
        program: The id of the programme it belongs to, if any.

    """

    households: Figure | None = attrs.field(default=None, validator=_unit_is("household"))
    persons: Figure | None = attrs.field(default=None, validator=_unit_is("person"))
    status: str = attrs.field(validator=one_of(COHORT_STATUSES))
    program: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.households is None and self.persons is None:
            raise ValueError(f"cohort {self.id!r} has neither households nor persons")


@attrs.frozen(kw_only=True)
class Indicator(_Figured):
    """Any other figure: poverty incidence, villages, km of road, posts, meetings, incomes.

    Attributes:
        name_zh: What is counted or measured, as the text says it.
        name_en: The same in English.
        value: The figure.
        program: The id of the programme it belongs to, if any.

    """

    name_zh: str
    name_en: str
    value: Figure
    program: str | None = None


@attrs.frozen(kw_only=True)
class Erratum:
    """Where a report contradicts itself or is damaged. Figures are never corrected.

    Attributes:
        id: ``<report-id>/<slug>``.
        report: The id of the report.
        kind: How the text is wrong (a key of :data:`ERRATUM_KINDS`).
        note: What is wrong, with the numbers.
        spans: Where the text shows it.

    """

    id: str
    report: str
    kind: str = attrs.field(validator=one_of(ERRATUM_KINDS))
    note: str
    spans: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class Check:
    """An arithmetic relation a report lets one verify, over record references.

    A reference is a record id, or ``record-id#field`` for a cohort's ``households`` or
    ``persons``. The kinds and what each says are :data:`CHECK_KINDS`. The operands and
    the result of a ``sum``, ``difference``, ``equal`` or ``at_most`` check share one unit
    and one ``per``, and a ``sum``'s operands are parts (``part_of``) of its result: the
    loader refuses a check that breaks either rule.

    Attributes:
        id: ``<report-id>/<slug>``.
        report: The id of the report.
        kind: The arithmetic (a key of :data:`CHECK_KINDS`).
        operands: The references the arithmetic runs over.
        result: The reference of the figure the text states as the result.
        tolerance: The largest difference, in the result's unit, still counted as
            holding: for totals the report rounds (11.6万 against exact parts).
        note: What the check says, in words.
        erratum: The id of the erratum that explains a check that does not hold.

    """

    id: str
    report: str
    kind: str = attrs.field(validator=one_of(CHECK_KINDS))
    operands: tuple[str, ...]
    result: str
    tolerance: Decimal = Decimal(0)
    note: str | None = None
    erratum: str | None = None


@attrs.frozen(kw_only=True)
class Exclusion:
    """Quantity-like text in a report that is deliberately not a record, and why.

    Attributes:
        report: The id of the report.
        start: Offset (code points) of the first character of the quote.
        end: Offset one past the last character.
        quote: The text at ``[start, end)``, exactly.
        reason: Why it is no figure of the report (an idiom, a list marker, a name …).

    """

    report: str
    start: int
    end: int
    quote: str
    reason: str


#: Any record that carries figures.
Record = Fund | HouseholdCohort | Indicator

#: Section of a report file -> record class.
SECTIONS: dict[str, type] = {
    "programs": Program,
    "funds": Fund,
    "cohorts": HouseholdCohort,
    "indicators": Indicator,
    "errata": Erratum,
    "checks": Check,
    "exclusions": Exclusion,
}
#: Record class -> the fields that hold figures.
FIGURE_FIELDS: dict[type, tuple[str, ...]] = {
    Fund: ("amount",),
    HouseholdCohort: ("households", "persons"),
    Indicator: ("value",),
}
#: The sections whose records hold figures, in file order (funds, cohorts, indicators).
FIGURE_SECTIONS: tuple[str, ...] = tuple(key for key, cls in SECTIONS.items() if cls in FIGURE_FIELDS)
