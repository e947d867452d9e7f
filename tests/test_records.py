from __future__ import annotations

import re

import pytest

import povertydata as pv

from strategies import cohort, fund


def test_where_refuses_a_field_the_records_do_not_have() -> None:
    ds = pv.load()
    with pytest.raises(TypeError, match="HouseholdCohort has no field 'statuss'; did you mean 'status'"):
        ds.cohorts.where(statuss="relocated")
    with pytest.raises(TypeError, match="Program has no field 'stage'"):
        ds.programs.where(stage="done")
    # An empty selection knows its fields too: a typo is not an empty result.
    nothing = ds.cohorts.where(report="golmud-2017", status="dibao", period="2020")
    assert len(nothing) == 0
    with pytest.raises(TypeError, match="no field 'statuss'"):
        nothing.where(statuss="relocated")


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"period": 2016}, "period must be a str ('2016' or '2015/2017'), not int 2016"),
        ({"report": 2017}, "report must be a str"),
        ({"kind": 3}, "kind of Fund is str, not int 3"),
        ({"part_of": "t-2017/x"}, "part_of of Fund is a tuple of str, not str"),
        ({"stage": []}, "stage must be one of 'planned', 'underway', 'done'"),
        ({"stage": 1}, "stage must be one of"),
    ],
)
def test_where_refuses_a_value_of_the_wrong_type(filters: dict[str, object], message: str) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):
        pv.load().funds.where(**filters)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"stage": "finished"}, "stage 'finished' is not a stage; one of: planned, underway, done"),
        ({"stage": ("done", "finished")}, "stage 'finished' is not a stage"),
        ({"kind": "gift"}, "kind 'gift' is not a fund kind"),
        ({"period": "2016年"}, "period '2016年' is not an ISO 8601"),
    ],
)
def test_where_refuses_a_value_outside_its_vocabulary(filters: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        pv.load().funds.where(**filters)  # type: ignore[arg-type]


def _staged() -> pv.Records[pv.Fund]:
    return pv.Records(
        [fund("plan", "100", stage="planned"), fund("work", "20", stage="underway"), fund("paid", "30", stage="done"),
         fund("said", "4"), fund("paid-too", "5", stage="done")]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("stage", "slugs"),
    [
        ("done", ["paid", "paid-too"]),
        (("done",), ["paid", "paid-too"]),
        (("done", None), ["paid", "said", "paid-too"]),
        ((None,), ["said"]),
        (["planned", "underway"], ["plan", "work"]),
        (None, ["plan", "work", "paid", "said", "paid-too"]),
    ],
)
def test_where_selects_by_stage(stage: object, slugs: list[str]) -> None:
    assert _staged().where(stage=stage).ids == tuple(f"t-2017/{s}" for s in slugs)  # type: ignore[arg-type]


def test_where_compares_other_fields_with_none_as_a_value() -> None:
    records = pv.Records([fund("a", "1", source="central"), fund("b", "2")])
    assert records.where(source=None).ids == ("t-2017/b",)
    assert records.where(source="central", kind="allocated").ids == ("t-2017/a",)


def test_records_built_from_model_objects_filter_and_look_up() -> None:
    records = pv.Records([cohort("a", "10户", stage="done"), cohort("b", persons="5人")])
    assert records.get("t-2017/b").persons == pv.parse("5人")
    assert records.where(region="632801").ids == ("t-2017/a", "t-2017/b")
    assert records.where(stage="done")[:1].ids == ("t-2017/a",)
    with pytest.raises(TypeError, match="did you mean 'status'"):
        records[:0].where(statsu="x")
