"""The public API as a user writes it; checked by mypy --strict, never run."""

from __future__ import annotations

from decimal import Decimal

import povertydata as pv

figure: pv.Figure = pv.parse("26.15亿元")
value: Decimal | None = figure.value
unit: str = figure.unit
per: tuple[str, ...] = figure.per
zh: str = pv.format(figure)
en: str = pv.format(figure, locale="en", digits=3)
magnitude: Decimal = figure.quantity().magnitude

mentions: list[pv.Mention] = pv.extract("投入1800万元")
for m in mentions:
    start: int = m.start
    kind: str = m.kind
    maybe: pv.Figure | None = m.figure

try:
    pv.parse("1.2.3万元")
except pv.ParseError as error:
    position: int = error.position
    reason: str = error.reason

ds: pv.Dataset = pv.load()
funds: pv.Records[pv.Fund] = ds.funds.where(region="632801")
fund: pv.Fund = funds.get("golmud-2017/city-poverty-fund-2017")
amount: pv.Figure = fund.amount
span: pv.Span = fund.spans[0]
sentence: str = span.context()
cohorts: pv.Records[pv.HouseholdCohort] = ds.cohorts.where(
    report="qianjiang-2015", status="lifted_out", stage="planned"
)
for cited in ds.figures():
    record: pv.Fund | pv.HouseholdCohort | pv.Indicator = cited.record
results: list[pv.CheckResult] = pv.check()
holds: bool = results[0].holds
version: str = pv.__version__
