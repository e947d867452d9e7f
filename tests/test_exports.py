from __future__ import annotations

import builtins
import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import povertydata as pv
from povertydata.exports import TABLES, columns

DS = pv.load()


@pytest.mark.parametrize("kind", TABLES)
def test_tables_have_their_columns_and_exact_values(kind: str) -> None:
    rows = DS.table(kind)
    assert len(rows) == len(getattr(DS, kind))
    names = [c for c, _ in columns(kind)]
    decimals = [c for c, t in columns(kind) if t == "decimal"]
    for row in rows:
        assert list(row) == names
        for c in decimals:
            assert row[c] is None or (isinstance(row[c], str) and Decimal(row[c]) == Decimal(row[c]))


def test_fund_rows_carry_provenance() -> None:
    for fund, row in zip(DS.funds, DS.table("funds"), strict=True):
        span = next(s for s in fund.spans if s.field == "amount")
        assert (row["quote"], row["start"], row["end"], row["seed"]) == (span.quote, span.start, span.end, span.seed)
        assert row["value"] == (None if fund.amount.value is None else format(fund.amount.value, "f"))


def test_unknown_table_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no table 'money'"):
        DS.table("money")


def test_csv_and_json_exports_read_back(tmp_path: Path) -> None:
    DS.export(tmp_path / "csv", "csv")
    with open(tmp_path / "csv" / "cohorts.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == list(DS.cohorts.ids)
    DS.export(tmp_path / "json", "json")
    data = json.loads((tmp_path / "json" / "indicators.json").read_text(encoding="utf-8"))
    assert data == DS.table("indicators")


def test_datapackage_validates_with_frictionless(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    DS.export(tmp_path, "datapackage")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] and len(package["sources"]) == len(DS.reports)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_arrow_tables_are_decimal_by_default() -> None:
    pa = pytest.importorskip("pyarrow")
    table = DS.to_arrow("funds")
    assert pa.types.is_decimal(table.schema.field("value").type)
    assert table.column("value").to_pylist() == [f.amount.value for f in DS.funds]
    assert table.schema.field("quote").metadata[b"description"]
    assert pa.types.is_floating(DS.to_arrow("funds", exact=False).schema.field("value").type)


def test_parquet_keeps_decimals(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    DS.export(tmp_path, "parquet")
    back = pq.read_table(tmp_path / "funds.parquet")
    assert back.column("value").to_pylist() == [f.amount.value for f in DS.funds]


def test_frames() -> None:
    pytest.importorskip("pandas")
    frame = DS.to_frame("cohorts")
    assert list(frame["id"]) == list(DS.cohorts.ids)
    assert all(v is None or isinstance(v, Decimal) for v in frame["persons_value"])
    pl = pytest.importorskip("polars")
    polars_frame = DS.to_frame("cohorts", engine="polars")
    assert isinstance(polars_frame, pl.DataFrame)
    assert polars_frame.height == len(DS.cohorts)
    with pytest.raises(ValueError, match="unknown engine"):
        DS.to_frame("cohorts", engine="excel")


def test_a_missing_extra_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real = builtins.__import__

    def no_pyarrow(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    import importlib

    monkeypatch.setattr(importlib, "import_module", lambda name: no_pyarrow(name))
    with pytest.raises(ImportError, match=r"pip install 'povertydata\[arrow\]'"):
        DS.to_arrow("funds")
