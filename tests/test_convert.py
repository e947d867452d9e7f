from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import povertydata as pv
from povertydata._convert import converter

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
    with pytest.raises(TypeError, match="must be written as a string"):
        converter.structure({"value": 1.5, "unit": "CNY"}, pv.Figure)
    with pytest.raises(ValueError, match="not a finite number"):
        converter.structure({"value": "NaN", "unit": "CNY"}, pv.Figure)
    assert converter.structure("0.1", Decimal) == Decimal("0.1")
