from __future__ import annotations

import decimal
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import povertydata as pv

from strategies import cohort, delingha_money, fund, indicator, part_forests, summable_money

D = decimal.Decimal
F = pv.Figure


def _delingha() -> pv.Records[pv.Fund]:
    return pv.Records(delingha_money())


def test_the_naive_sum_counts_parts_twice_and_total_does_not() -> None:
    money = _delingha()
    naive = sum((f.amount.value for f in money if f.amount.value is not None), D(0))
    assert naive == D("5741000000")  # 57.41亿: loan, paid, plan, invested, batch 3, park
    # done: the loan (its 4.5亿 paid inside it), the 6.94亿 invested (its whole is a plan), the park
    assert money.total(stage="done") == F(D("3029000000"), unit="CNY")
    assert money.total(stage="planned") == F(D("2262000000"), unit="CNY")  # 20.52亿 + 2.1亿
    # a plan with the part of it done: the part is inside the plan
    assert money.total(stage=("planned", "done")) == F(D("4597000000"), unit="CNY")
    assert money.total(stage="underway") == F(D(0), unit="CNY")


def test_mixed_stages_are_refused_until_named() -> None:
    with pytest.raises(ValueError, match=re.escape("the records stand at different stages (done: t-2017/loan, t-2017/loan-paid, t-2017/invested, t-2017/park; planned: t-2017/investment, t-2017/batch-3)")) as caught:  # fmt: skip
        _delingha().total()
    assert "total(stage='done')" in str(caught.value)
    one_stage = _delingha().where(stage="planned")
    assert one_stage.total() == one_stage.total(stage="planned")


def test_a_whole_that_mixes_stages_gives_way_to_its_parts_at_each_stage() -> None:
    # 324 trained, of whom 94 are still in training: the whole's stage is not stated.
    trained = pv.Records(
        [
            cohort("trained", persons="324人"),
            cohort("rangers", persons="179人", part_of=("trained",), stage="done"),
            cohort("drivers", persons="51人", part_of=("trained",), stage="done"),
            cohort("gardening", persons="61人", part_of=("trained",), stage="underway"),
            cohort("car-repair", persons="33人", part_of=("trained",), stage="underway"),
        ]
    )
    assert trained.total("persons", stage="done") == F(D(230), unit="person", classifier="人")
    assert trained.total("persons", stage="underway") == F(D(94), unit="person", classifier="人")
    assert trained.total("persons", stage=(None,)) == F(D(324), unit="person", classifier="人")
    assert trained.total("persons", stage=("done", "underway", None)) == F(D(324), unit="person", classifier="人")


def test_wholes_are_followed_through_records_outside_the_selection() -> None:
    ds_like = pv.Records(
        [fund("city", "100"), fund("district", "40", part_of=("city",)), fund("town", "10", part_of=("district",))]
    )
    city_and_town = ds_like.filter(lambda f: f.id != "t-2017/district")
    assert city_and_town.total() == F(D(100), unit="CNY")  # the town is in the city, through the district
    assert ds_like[1:].total() == F(D(40), unit="CNY")
    # A list of records knows only the relations among its own records.
    assert pv.Records(list(city_and_town)).total() == F(D(110), unit="CNY")


def test_a_record_with_two_wholes_is_skipped_when_either_is_selected() -> None:
    records = pv.Records(
        [cohort("poor", persons="500人"), cohort("moved-two-years", persons="300人"),
         cohort("moved-2016", persons="120人", part_of=("poor", "moved-two-years"))]
    )  # fmt: skip
    assert records.total("persons") == F(D(800), unit="person", classifier="人")
    assert records.filter(lambda c: c.id != "t-2017/poor").total("persons").value == D(300)
    assert records.filter(lambda c: c.id != "t-2017/moved-two-years").total("persons").value == D(500)


@pytest.mark.parametrize(
    ("amounts", "expected"),
    [
        (["100", "20"], F(D(120), unit="CNY")),
        (["超过10亿元", "1亿元"], F(D("1100000000"), unit="CNY", qualifier="at_least")),
        (["10亿元以上", "超过1亿元"], F(D("1100000000"), unit="CNY", qualifier="at_least")),
        (["不超过100元", "20元"], F(D(120), unit="CNY", qualifier="at_most")),
        (["不足100元", "不超过20元"], F(D(120), unit="CNY", qualifier="at_most")),
        (["约2亿元", "1亿元"], F(D("300000000"), unit="CNY", qualifier="approx")),
        (["近2亿元", "约1亿元"], F(D("300000000"), unit="CNY", qualifier="approx")),
        (["15—30万元", "10万元"], F(unit="CNY", low=D(250000), high=D(400000))),
        (["15—30万元", "1—2万元"], F(unit="CNY", low=D(160000), high=D(320000))),
        (["15—30万元", "约10万元"], F(unit="CNY", qualifier="approx", low=D(250000), high=D(400000))),
        # a lower bound decides over everything else: the least amounts add up
        (["超过10亿元", "约2亿元"], F(D("1200000000"), unit="CNY", qualifier="at_least")),
        (["超过10亿元", "不超过2亿元"], F(D("1000000000"), unit="CNY", qualifier="at_least")),
        (["超过10亿元", "15—30万元"], F(D("1000150000"), unit="CNY", qualifier="at_least")),
        # an upper bound over ranges and hedges: the greatest amounts add up
        (["不超过100元", "15—30元"], F(D(130), unit="CNY", qualifier="at_most")),
        (["不超过100元", "约20元"], F(D(120), unit="CNY", qualifier="at_most")),
        # a vague amount is the range it names (几十万 is 20万 to 90万); 若干 names none
        (["几十万元", "20元"], F(unit="CNY", qualifier="approx", low=D(200020), high=D(900020))),
        (["若干元", "20元"], F(D(20), unit="CNY", qualifier="at_least")),
    ],
)
def test_qualifiers_sum_as_bounds(amounts: list[str], expected: pv.Figure) -> None:
    records = pv.Records([fund(f"f{i}", a) for i, a in enumerate(amounts)])
    assert records.total() == expected


def test_households_and_persons_are_separate_totals() -> None:
    cohorts = pv.Records(
        [cohort("register", "5122户", "17000人"), cohort("relocated", "758户", "2500人", part_of=("register",)),
         cohort("moved-elsewhere", "40户", "120人")]
    )  # fmt: skip
    assert cohorts.total("households") == F(D(5162), unit="household", classifier="户")
    assert cohorts.total("persons") == F(D(17120), unit="person", classifier="人")
    with pytest.raises(TypeError, match="name the figure to total: 'households' or 'persons'"):
        cohorts.total()


def test_a_record_with_no_figure_to_count_makes_the_total_a_lower_bound() -> None:
    cohorts = pv.Records([cohort("a", "10户", "30人"), cohort("b", "5户")])
    assert cohorts.total("persons") == F(D(30), unit="person", qualifier="at_least", classifier="人")
    assert cohorts.total("households") == F(D(15), unit="household", classifier="户")
    # A whole that does not state persons cannot stand for its parts' persons.
    nested = pv.Records([cohort("whole", "100户"), cohort("part", "10户", "30人", part_of=("whole",))])
    assert nested.total("households") == F(D(100), unit="household", classifier="户")
    assert nested.total("persons") == F(D(30), unit="person", qualifier="at_least", classifier="人")


def test_indicators_total_within_one_unit() -> None:
    villages = pv.Records(
        [indicator("poor", "16个"), indicator("other", "8个"), indicator("some", "3个", part_of=("poor",))]
    )
    assert villages.total() == F(D(24), unit="count", classifier="个")
    mixed = pv.Records([indicator("villages", "16个"), indicator("people", "30人"), indicator("more", "2个")])
    with pytest.raises(ValueError, match=re.escape("the value figures are in different units (count: t-2017/villages, t-2017/more; person: t-2017/people)")):  # fmt: skip
        mixed.total()
    assert mixed.where(name_en="people").total() == F(D(30), unit="person", classifier="人")


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ([fund("total", "100"), fund("per-household", "每户3万元")],
         "rates do not add up to a total (t-2017/per-household is a rate, per household); leave them out, for instance "
         "with .filter(lambda r: not r.amount.per)"),
        ([fund("a", "每户3万元"), fund("b", "每户1万元", part_of=("a",))], "t-2017/a, t-2017/b are rates"),
        ([fund("yuan", "100元"), fund("dollars", "5美元")], "the amount figures are in different units (CNY: t-2017/yuan; USD: t-2017/dollars)"),
        ([indicator("rate", "2.3%"), indicator("other", "1.1%")], "figures in percent are no amounts"),
        ([indicator("change", "-5个")], "a negative figure is a change, not an amount (t-2017/change)"),
    ],
)  # fmt: skip
def test_what_does_not_add_up_is_refused_naming_the_records(records: list[pv.Fund], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        pv.Records(records).total()


def test_reports_on_one_place_are_not_added() -> None:
    ds = pv.load()
    with pytest.raises(ValueError, match=r"delingha-2017 and qinghai-2017 both report on 630000"):
        ds.funds.filter(lambda f: not f.amount.per).total(stage="done")
    # Golmud and Delingha are neighbours, not one inside the other.
    haixi = ds.funds.where(region="632800").filter(lambda f: not f.amount.per)
    assert {f.report for f in haixi} == {"golmud-2017", "delingha-2017"}
    apart = [haixi.where(report=r).total(stage="done").value for r in ("golmud-2017", "delingha-2017")]
    assert haixi.total(stage="done") == F(sum(apart, D(0)), unit="CNY")  # type: ignore[arg-type]


def test_what_has_no_figures_or_a_wrong_field_is_a_type_error() -> None:
    ds = pv.load()
    with pytest.raises(TypeError, match="Program has no figures to total"):
        ds.programs.total()
    with pytest.raises(ValueError, match="HouseholdCohort has no figure 'amount'; its figures: households, persons"):
        ds.cohorts.total("amount")
    with pytest.raises(ValueError, match="stage 'finished' is not a stage"):
        ds.funds.total(stage="finished")  # type: ignore[arg-type]


def test_an_empty_selection_totals_zero() -> None:
    ds = pv.load()
    assert ds.funds.where(report="golmud-2017", period="2020").total() == F(D(0), unit="CNY")
    assert ds.cohorts.where(report="wuhai-2017", status="dibao").total("households") == F(D(0), unit="household")
    villages = pv.Records([indicator("villages", "16个"), indicator("more", "8个", stage="done")])
    assert villages.total(stage="underway") == F(D(0), unit="count")
    with pytest.raises(ValueError, match="no figure to total, and no one unit"):
        villages[:0].total()


def test_totals_do_not_follow_the_callers_decimal_context() -> None:
    money = pv.Records([fund("a", "123456789.12"), fund("b", "0.01"), fund("c", "超过1亿元")])
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.traps[decimal.Inexact] = True
        got = money.total()
    assert got == F(D("223456789.13"), unit="CNY", qualifier="at_least")


# -- properties ----------------------------------------------------------------------


def _inside(records: list[pv.Fund], chosen: set[int]) -> pv.Records[pv.Fund]:
    everything = pv.Records(records)
    return everything.filter(lambda f: int(f.id.rsplit("f", 1)[1]) in chosen)


@given(part_forests(summable_money), st.data())
def test_a_part_of_a_selected_record_adds_nothing(records: list[pv.Fund], data: st.DataObject) -> None:
    assume(any(f.part_of for f in records))
    part = data.draw(st.sampled_from([i for i, f in enumerate(records) if f.part_of]))
    chosen = set(data.draw(st.sets(st.integers(0, len(records) - 1)))) - {part}
    # a whole of the part, or a whole of that whole
    whole = records[int(data.draw(st.sampled_from(records[part].part_of)).rsplit("f", 1)[1])]
    if whole.part_of and data.draw(st.booleans()):
        whole = records[int(data.draw(st.sampled_from(whole.part_of)).rsplit("f", 1)[1])]
    chosen.add(int(whole.id.rsplit("f", 1)[1]))
    assert _inside(records, chosen | {part}).total() == _inside(records, chosen).total()


@given(part_forests(summable_money), st.data())
def test_totals_of_two_halves_add_up_to_the_total_when_no_whole_crosses_the_split(
    records: list[pv.Fund], data: st.DataObject
) -> None:
    # Split into groups closed under part_of (a record goes with its wholes), then any union of them.
    group = list(range(len(records)))

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i, f in enumerate(records):
        for whole in f.part_of:
            group[root(i)] = root(int(whole.rsplit("f", 1)[1]))
    roots = sorted({root(i) for i in range(len(records))})
    left_roots = set(data.draw(st.lists(st.sampled_from(roots), unique=True)))
    left = {i for i in range(len(records)) if root(i) in left_roots}
    right = set(range(len(records))) - left
    one, two = _inside(records, left).total(), _inside(records, right).total()
    both = pv.Records([fund("one", one), fund("two", two)]).total()
    assert both == _inside(records, left | right).total()


@given(part_forests(), st.data())
def test_an_exact_total_is_the_sum_of_the_records_no_selected_record_contains(
    records: list[pv.Fund], data: st.DataObject
) -> None:
    chosen = data.draw(st.sets(st.integers(0, len(records) - 1)))
    ids = {f"t-2017/f{i}" for i in chosen}

    def wholes(f: pv.Fund) -> set[str]:  # an oracle apart from the library's closure
        found, todo = set(), list(f.part_of)
        while todo:
            w = todo.pop()
            if w not in found:
                found.add(w)
                todo.extend(records[int(w.rsplit("f", 1)[1])].part_of)
        return found

    expected = sum((records[i].amount.value for i in chosen if not wholes(records[i]) & ids), D(0))  # type: ignore[misc]
    assert _inside(records, chosen).total() == F(expected, unit="CNY")
