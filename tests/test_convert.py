from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertydata as pv
from povertydata._convert import StructureError, converter, field_path

from strategies import cohorts, funds, indicators

KINDS = {"funds": pv.Fund, "cohorts": pv.HouseholdCohort, "indicators": pv.Indicator, "programs": pv.Program,
         "errata": pv.Erratum, "checks": pv.Check, "reports": pv.Report, "regions": pv.Region}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_shipped_records_round_trip(kind: str) -> None:
    for record in getattr(pv.load(), kind):
        raw = converter.unstructure(record)
        # Through JSON text too: what is written is what is read.
        assert converter.structure(json.loads(json.dumps(raw, ensure_ascii=False)), KINDS[kind]) == record


@given(st.one_of(funds(), cohorts(), indicators()))
def test_generated_records_round_trip(record: pv.Fund | pv.HouseholdCohort | pv.Indicator) -> None:
    raw = converter.unstructure(record)
    text = json.dumps(raw, ensure_ascii=False)
    back = converter.structure(json.loads(text), type(record))
    assert back == record


def test_decimals_travel_as_strings() -> None:
    raw = converter.unstructure(pv.parse("26.15亿元"))
    assert raw == {"value": "2615000000", "unit": "CNY"}
    with pytest.raises(StructureError, match="value: a decimal must be written as a string"):
        converter.structure({"value": 1.5, "unit": "CNY"}, pv.Figure)
    with pytest.raises(StructureError, match="value: 'NaN' is not a decimal number"):
        converter.structure({"value": "NaN", "unit": "CNY"}, pv.Figure)
    assert converter.structure("0.1", Decimal) == Decimal("0.1")
    assert converter.structure("-5", Decimal) == Decimal(-5)


@pytest.mark.parametrize(
    ("raw", "hint", "reason"),
    [
        ("person", tuple[str, ...], "must be a list, not a string"),
        ("377", int, "must be an integer"),
        (377.0, int, "must be an integer"),
        (True, int, "must be an integer"),
        ("false", bool, "must be true or false"),
        (0, bool, "must be true or false"),
        (5, str, "must be a string"),
        ("  ", str, "must not be blank"),
        ("2017-1-1", dt.date, "must be an ISO 8601 date"),
        ("1e3", Decimal, "not a decimal number written plainly"),
    ],
)
def test_nothing_is_coerced(raw: object, hint: type, reason: str) -> None:
    with pytest.raises(StructureError, match=reason):
        converter.structure(raw, hint)


def test_every_problem_of_a_record_is_reported_with_its_path() -> None:
    raw = {"id": "golmud-2017/x", "report": "golmud-2017", "region": 632801, "kind": "gift",
           "amount": {"value": "1", "unit": "CNY", "per": ["bogus"]}, "colour": "red"}  # fmt: skip
    with pytest.raises(StructureError) as caught:
        converter.structure(raw, pv.Fund)
    paths = {field_path(path) for path, _reason in caught.value.problems}
    assert paths == {"colour", "region", "amount.per[0]", "kind"}
