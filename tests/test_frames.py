"""Frames in one call: any selection of records, a column of strings parsed, pandas and polars."""

from __future__ import annotations

from decimal import Decimal

import pytest

import povertydata as pv

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

DS = pv.load()


# -- a selection of records as a frame --------------------------------------------


def test_a_selection_to_a_frame() -> None:
    chosen = DS.funds.where(report="golmud-2017")
    frame = chosen.to_frame()
    assert list(frame["id"]) == list(chosen.ids)
    assert list(frame["value"]) == [f.amount.value for f in chosen]
    assert list(frame["unit"]) == [f.amount.unit for f in chosen]
    assert all(v is None or isinstance(v, Decimal) for v in frame["value"])


def test_region_names_stand_beside_the_codes() -> None:
    frame = DS.cohorts.where(region="632800").to_frame()
    assert set(frame["region"]) == {"632801", "632802"}
    for code, zh, en in zip(frame["region"], frame["region_zh"], frame["region_en"], strict=True):
        region = DS.regions.get(code)
        assert (zh, en) == (region.name_zh, region.name_en)
    assert {"格尔木市", "德令哈市"} == set(frame["region_zh"])


def test_an_empty_selection_keeps_its_columns() -> None:
    from povertydata.exports import columns

    empty = DS.indicators.where(report="golmud-2017", region="150300")
    assert len(empty) == 0
    frame = empty.to_frame()
    assert list(frame.columns) == [c for c, _ in columns("indicators")] and len(frame) == 0
    assert empty.to_arrow().schema == DS.indicators.to_arrow().schema


def test_decimal_scales_are_fixed_not_read_from_the_data() -> None:
    # Golmud's households are whole numbers, Qinghai's indicators have decimals: one type.
    whole = DS.cohorts.where(report="golmud-2017").to_arrow()
    assert whole.schema.field("households_value").type == pa.decimal128(38, 10)
    for kind in ("funds", "indicators"):
        for selection in (getattr(DS, kind), getattr(DS, kind).where(report="wuhai-2017")):
            table = selection.to_arrow()
            assert table.schema.field("value").type == pa.decimal128(38, 10)
            assert table.schema.field("low").type == pa.decimal128(38, 10)
    assert DS.checks.to_arrow().schema.field("computed").type == pa.decimal128(38, 12)


def test_a_selection_with_polars() -> None:
    pl = pytest.importorskip("polars")
    chosen = DS.cohorts.where(report="qianjiang-2015")
    frame = chosen.to_frame(engine="polars")
    assert isinstance(frame, pl.DataFrame)
    assert frame["id"].to_list() == list(chosen.ids)
    assert frame["persons_value"].to_list() == [None if c.persons is None else c.persons.value for c in chosen]


def test_inexact_frames_are_floats_for_plotting() -> None:
    frame = DS.funds.where(report="golmud-2017").to_frame(exact=False)
    assert frame["value"].dtype == "float64"


def test_unknown_engine_and_units() -> None:
    with pytest.raises(ValueError, match="unknown engine 'excel'"):
        DS.funds.to_frame(engine="excel")
    with pytest.raises(ValueError, match="unknown units 'si'"):
        DS.funds.to_frame(units="si")


def test_the_dataset_frames_are_the_records_frames() -> None:
    assert DS.to_arrow("funds").equals(DS.funds.to_arrow())
    assert DS.table("cohorts") == DS.cohorts.table()


# -- pint-pandas columns ----------------------------------------------------------


def test_pint_columns_carry_the_unit_and_exact_magnitudes() -> None:
    pint_pandas = pytest.importorskip("pint_pandas")
    from povertydata.units import registry

    totals = DS.funds.where(report="delingha-2017")
    frame = totals.to_frame(units="pint")
    assert pint_pandas.PintType.ureg is registry()
    assert str(frame["value"].pint.units) == "CNY"
    assert list(frame["value"].values.quantity.magnitude) == [f.amount.value for f in totals]
    wan = frame["value"].pint.to("CNY").values.quantity.magnitude
    assert all(isinstance(m, Decimal) for m in wan if m is not None)


def test_pint_columns_need_one_unit_per_column() -> None:
    pytest.importorskip("pint_pandas")
    # Qinghai's funds hold totals in CNY and rates in CNY per household.
    with pytest.raises(ValueError, match=r"one unit.*CNY.*CNY / household"):
        DS.funds.where(report="qinghai-2017").to_frame(units="pint")
    cohorts = DS.cohorts.where(report="qianjiang-2015").to_frame(units="pint")
    assert str(cohorts["households_value"].pint.units) == "household"
    assert str(cohorts["persons_value"].pint.units) == "person"


# -- a column of strings parsed -----------------------------------------------------


def test_parse_many_reads_each_value() -> None:
    table = pv.parse_many(["1800万元", "每户8万元", "15—30万元", None, "约5000人"])
    assert isinstance(table, pa.Table)
    rows = table.to_pylist()
    assert [r["value"] for r in rows] == [Decimal("18000000"), Decimal("80000"), None, None, Decimal("5000")]
    assert [r["unit"] for r in rows] == ["CNY", "CNY", "CNY", None, "person"]
    assert rows[1]["per"] == "household"
    assert (rows[2]["low"], rows[2]["high"]) == (Decimal("150000"), Decimal("300000"))
    assert rows[4]["qualifier"] == "approx"
    assert [r["error"] for r in rows] == [None] * 5


def test_parse_many_raises_naming_the_item() -> None:
    with pytest.raises(pv.ParseError, match=r"item 1: .*more than one decimal point"):
        pv.parse_many(["1800万元", "1.2.3万元"])


def test_parse_many_coerces_to_a_null_row_and_the_reason() -> None:
    rows = pv.parse_many(["1800万元", "1.2.3万元", "十三五"], errors="coerce").to_pylist()
    assert rows[0]["value"] == Decimal("18000000") and rows[0]["error"] is None
    assert rows[1]["value"] is None and rows[1]["unit"] is None
    assert rows[1]["error"] == "a number with more than one decimal point at position 3"
    assert rows[2]["error"] is not None and "name or slogan" in rows[2]["error"]
    with pytest.raises(ValueError, match="errors must be 'raise' or 'coerce'"):
        pv.parse_many(["1"], errors="ignore")


def test_values_no_decimal_column_holds_stay_exact_beside_it() -> None:
    forty = "1234567890" * 4
    rows = pv.parse_many([f"{forty}元", "0.00000000001%", "0.0000000001%"]).to_pylist()
    assert rows[0]["value"] is None and rows[0]["value_exact"] == forty
    assert rows[1]["value"] is None and rows[1]["value_exact"] == "0.00000000001"
    assert rows[2]["value"] == Decimal("1E-10") and rows[2]["value_exact"] == "0.0000000001"


def test_parse_many_as_frames() -> None:
    frame = pv.parse_many(["1800万元", "3.7倍"], engine="pandas")
    assert list(frame["value"]) == [Decimal("18000000"), Decimal("3.7")]
    pl = pytest.importorskip("polars")
    polars_frame = pv.parse_many(["1800万元", "3.7倍"], engine="polars")
    assert isinstance(polars_frame, pl.DataFrame)
    assert polars_frame["unit"].to_list() == ["CNY", "fold"]


def test_the_pandas_accessor_keeps_the_index() -> None:
    import povertydata.pandas  # noqa: F401  (registers the .pv accessor)

    series = pd.Series(["1800万元", "1.2.3万元", None], index=[10, 20, 30], name="amount")
    frame = series.pv.parse(errors="coerce")
    assert list(frame.index) == [10, 20, 30]
    assert frame.loc[10, "value"] == Decimal("18000000")
    assert frame.loc[20, "error"] is not None
    with pytest.raises(pv.ParseError, match="item 1"):
        series.pv.parse()
    mentions = pd.Series(["投入1800万元", "惠及5122户"], index=["a", "b"]).pv.extract()
    assert list(mentions["id"]) == ["a", "b"] and list(mentions["text"]) == ["1800万元", "5122户"]


def test_the_polars_expression() -> None:
    pl = pytest.importorskip("polars")
    import povertydata.polars as pvl

    frame = pl.DataFrame({"amount": ["1800万元", "每户8万元", None]})
    parsed = frame.select(pvl.parse("amount")).unnest("amount")
    assert parsed["value"].to_list() == [Decimal("18000000"), Decimal("80000"), None]
    assert parsed["per"].to_list() == [None, "household", None]
    same = frame.select(pl.col("amount").pv.parse()).unnest("amount")
    assert same.equals(parsed)
    coerced = pl.DataFrame({"a": ["1.2.3万元"]}).select(pvl.parse("a", errors="coerce")).unnest("a")
    assert coerced["value"].to_list() == [None] and coerced["error"].to_list()[0] is not None


def test_a_decimal_column_holds_a_value_exactly_or_not_at_all() -> None:
    import decimal

    from povertydata._arrow import fit

    assert fit(Decimal("18000000")) == Decimal("18000000")
    assert fit(Decimal("1E+7")) == Decimal("10000000")
    assert fit(Decimal("1E-10")) == Decimal("1E-10")
    assert fit(Decimal("1.50000000000000")) == Decimal("1.5")  # trailing zeros are no digits
    largest = Decimal("9" * 28 + "." + "9" * 10)
    assert fit(largest) == largest
    assert fit(Decimal("1E-11")) is None
    assert fit(Decimal("1" + "0" * 28)) is None
    assert fit(largest.copy_negate()) == largest.copy_negate()
    with decimal.localcontext() as context:  # the caller's context changes nothing
        context.prec = 3
        assert fit(Decimal("123456.789")) == Decimal("123456.789")
