from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import attrs
import pytest

import povertydata as pv
from povertydata.model import period_years

D = Decimal


def _span(quote: str = "1800万元", field: str | None = "amount") -> pv.Span:
    text = pv.load().reports.get("golmud-2017")
    from povertydata.sources import seed_text

    start = seed_text(text.seed).index(quote)
    return pv.Span("golmud-2017", text.seed, start, start + len(quote), quote, field)


def test_span_context_is_the_sentence_around_the_quote() -> None:
    span = _span()
    assert span.verify()
    context = span.context()
    assert "1800万元" in context
    assert context.endswith(("。", ",", ";")) or len(context) < 200
    assert "\n" not in context


def test_a_span_that_does_not_match_does_not_verify() -> None:
    span = _span()
    assert not attrs.evolve(span, start=span.start + 1).verify()


def test_records_are_frozen_and_check_their_vocabularies() -> None:
    fund = pv.Fund(id="x/y", report="x", amount=pv.parse("1800万元"), kind="allocated", region="632801")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fund.kind = "loan"  # type: ignore[misc]
    with pytest.raises(ValueError, match="kind"):
        pv.Fund(id="x/y", report="x", amount=pv.parse("1元"), kind="gift", region="632801")
    with pytest.raises(ValueError, match="source"):
        pv.Fund(id="x/y", report="x", amount=pv.parse("1元"), kind="loan", source="aliens", region="632801")
    with pytest.raises(ValueError, match="neither households nor persons"):
        pv.HouseholdCohort(id="x/c", report="x", status="lifted_out", region="632801")
    with pytest.raises(ValueError, match="status"):
        pv.HouseholdCohort(id="x/c", report="x", persons=pv.parse("5人"), status="happy", region="632801")
    with pytest.raises(ValueError, match="amount must be in"):
        pv.Fund(id="x/y", report="x", amount=pv.parse("13.2%"), kind="subsidy", region="632801")
    with pytest.raises(ValueError, match="households must be in household, not 'person'"):
        pv.HouseholdCohort(id="x/c", report="x", households=pv.parse("5人"), status="lifted_out", region="632801")
    with pytest.raises(ValueError, match="persons must be in person, not 'number'"):
        pv.HouseholdCohort(id="x/c", report="x", persons=pv.parse("1424"), status="lifted_out", region="632801")
    assert pv.Fund(id="x/y", report="x", amount=pv.parse("45564.44美元"), kind="loan", region="632801")
    with pytest.raises(ValueError, match="ISO 8601"):
        pv.Indicator(id="x/i", report="x", name_zh="村", name_en="villages", value=pv.parse("16个"),
                     region="632801", period="2016年")  # fmt: skip
    with pytest.raises(ValueError, match="code"):
        pv.Region("x", "12345", "某地", "Somewhere", "county")
    with pytest.raises(ValueError, match="level"):
        pv.Region("x", None, "某地", "Somewhere", "galaxy")


@pytest.mark.parametrize(
    ("period", "years"),
    [(None, None), ("2016", (2016, 2016)), ("2015/2020", (2015, 2020)), ("2017-01/2017-09", (2017, 2017))],
)
def test_period_years(period: str | None, years: tuple[int, int] | None) -> None:
    assert period_years(period) == years


def test_reports_carry_their_metadata() -> None:
    ds = pv.load()
    for report in ds.reports:
        assert report.seed.endswith(".txt")
        assert report.language == "zh"
        assert report.title and report.title_en
        assert report.published is None or isinstance(report.published, dt.date)
        assert ds.regions.get(report.region)


# -- vocabularies ---------------------------------------------------------------------


def test_every_vocabulary_key_has_a_one_line_meaning() -> None:
    from povertydata.model import VOCABULARIES

    assert set(VOCABULARIES) == {
        "REGION_LEVELS", "FUND_SOURCES", "FUND_KINDS", "COHORT_STATUSES", "STAGES", "ERRATUM_KINDS", "CHECK_KINDS"
    }  # fmt: skip
    for name, vocabulary in VOCABULARIES.items():
        assert len(vocabulary) >= 3, name
        for key, meaning in vocabulary.items():
            assert key.isidentifier() and key == key.lower(), key
            assert meaning.strip() and "\n" not in meaning, (name, key)


def test_region_levels_run_top_down() -> None:
    from povertydata.model import REGION_LEVELS

    assert list(REGION_LEVELS) == ["country", "province", "prefecture", "county", "township", "village"]


def test_the_stage_type_and_the_stage_vocabulary_agree() -> None:
    import typing

    from povertydata.model import STAGES, Stage

    assert typing.get_args(Stage) == tuple(STAGES) == ("planned", "underway", "done")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: pv.Fund(id="x/y", report="x", amount=pv.parse("1元"), kind="gift", region="1"),
         "kind 'gift' is not a fund kind; one of: allocated, invested"),
        (lambda: pv.Fund(id="x/y", report="x", amount=pv.parse("1元"), kind="loan", source="aliens", region="1"),
         "source 'aliens' is not a fund source"),
        (lambda: pv.HouseholdCohort(id="x/c", report="x", persons=pv.parse("5人"), status="happy", region="1"),
         "status 'happy' is not a cohort status"),
        # a plan is a stage, not a status: 3000 persons to lift out are lifted_out at stage planned
        (lambda: pv.HouseholdCohort(id="x/c", report="x", persons=pv.parse("5人"), status="target", region="1"),
         "status 'target' is not a cohort status"),
        (lambda: pv.Fund(id="x/y", report="x", amount=pv.parse("1元"), kind="loan", region="1", stage="finished"),
         "stage 'finished' is not a stage; one of: planned, underway, done"),
        (lambda: pv.Erratum(id="x/e", report="x", kind="oops", note="n"), "kind 'oops' is not an erratum kind"),
        (lambda: pv.Check(id="x/c", report="x", kind="mean", operands=("a",), result="b"),
         "kind 'mean' is not a check kind"),
        (lambda: pv.Region("x", None, "某地", "Somewhere", "galaxy"), "level 'galaxy' is not a region level"),
    ],
)  # fmt: skip
def test_a_key_outside_its_vocabulary_is_refused_naming_the_vocabulary(make: Any, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        make()


def test_the_schema_enums_are_the_vocabularies() -> None:
    from povertydata._schema import schemas
    from povertydata.model import CHECK_KINDS, COHORT_STATUSES, FUND_KINDS, FUND_SOURCES, REGION_LEVELS, STAGES

    report = schemas()["report.schema.json"]["properties"]
    fund = report["funds"]["items"]["properties"]
    assert fund["kind"] == {"enum": sorted(FUND_KINDS)}
    assert fund["source"]["anyOf"][0] == {"enum": sorted(FUND_SOURCES)}
    assert fund["stage"]["anyOf"][0] == {"enum": sorted(STAGES)}
    assert report["cohorts"]["items"]["properties"]["status"] == {"enum": sorted(COHORT_STATUSES)}
    assert report["checks"]["items"]["properties"]["kind"] == {"enum": sorted(CHECK_KINDS)}
    regions = schemas()["regions.schema.json"]["properties"]["regions"]["items"]["properties"]
    assert regions["level"] == {"enum": sorted(REGION_LEVELS)}
