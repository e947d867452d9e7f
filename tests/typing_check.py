"""The public API as a user writes it; checked by mypy --strict, never run.

CI checks it twice: against the source tree, and as a user's file against the installed
wheel (where a missing ``py.typed`` makes every name ``Any``, and ``assert_type`` fails).
"""

from __future__ import annotations

import sys
from decimal import Decimal

import povertydata as pv

if sys.version_info >= (3, 11):
    from typing import assert_type
else:
    from typing_extensions import assert_type

assert_type(pv.load().funds[0].amount, pv.Figure)
assert_type(pv.parse("1800万元").value, Decimal | None)
assert_type(pv.extract("1800万元"), list[pv.Mention])

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
    # what the words around a figure gave it, and where they stand
    cues: tuple[pv.Cue, ...] = m.cues
    given: tuple[str, ...] = m.inferred
    word_starts: list[int] = [c.start for c in m.cues if c.field == "per"]
    note: str | None = m.note

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

# Frames and tables (pyarrow, pandas and polars types where their stubs are installed).
selection_rows: list[dict[str, object]] = ds.funds.where(report="golmud-2017").table()
frame = ds.funds.where(report="golmud-2017").to_frame(engine="pandas", exact=True, units=None)
arrow_table = ds.cohorts.where(region="632800").to_arrow(exact=False)
figures_table = pv.parse_many(["1800万元", None], errors="coerce", engine="arrow")
mention_table = pv.extract_table(["投入1800万元"], ids=["a"])
