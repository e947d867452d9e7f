from __future__ import annotations

import builtins
import csv
import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import povertydata as pv
from povertydata.exports import TABLES, columns

DS = pv.load()


@pytest.mark.parametrize("kind", TABLES[:9])
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


# -- provenance: keys, vocabularies, licences, the source texts, metadata ---------------------


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("package")
    DS.export(folder, "datapackage")
    return folder


def _descriptor(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return data


def _resource(folder: Path, name: str) -> dict[str, Any]:
    return next(r for r in _descriptor(folder)["resources"] if r["name"] == name)


# Every reference the loader enforces, as (table, columns, referenced table, columns).
REFERENCES = [
    ("reports", ["region"], "regions", ["id"]),
    ("reports", ["seed"], "sources", ["seed"]),
    ("regions", ["parent"], "", ["id"]),
    ("programs", ["report"], "reports", ["id"]),
    ("programs", ["region"], "regions", ["id"]),
    ("programs", ["category"], "categories", ["key"]),
    *[(t, [c], r, ["id"]) for t in ("funds", "cohorts", "indicators")
      for c, r in (("report", "reports"), ("region", "regions"), ("program", "programs"))],
    ("errata", ["report"], "reports", ["id"]),
    ("checks", ["report"], "reports", ["id"]),
    ("checks", ["erratum"], "errata", ["id"]),
    ("sources", ["report"], "reports", ["id"]),
    ("figure_records", ["report"], "reports", ["id"]),
    ("parts", ["part", "report"], "figure_records", ["id", "report"]),
    ("parts", ["whole", "report"], "figure_records", ["id", "report"]),
    ("check_operands", ["check"], "checks", ["id"]),
    ("check_operands", ["record"], "figure_records", ["id"]),
]  # fmt: skip


def test_the_package_declares_every_reference_as_a_foreign_key(package: Path) -> None:
    declared = {
        (r["name"], tuple(fk["fields"]), fk["reference"]["resource"], tuple(fk["reference"]["fields"]))
        for r in _descriptor(package)["resources"]
        for fk in r.get("schema", {}).get("foreignKeys", [])
    }
    assert {(t, tuple(c), r, tuple(f)) for t, c, r, f in REFERENCES} == declared


def test_link_tables_hold_every_part_and_every_check_reference() -> None:
    import attrs

    whole, part = DS.funds.where(report="golmud-2017")[:2]
    funds = [attrs.evolve(f, part_of=(whole.id,)) if f is part else f for f in DS.funds]
    linked = attrs.evolve(DS, funds=pv.Records(funds, DS.funds._index))
    assert (part.id, whole.id, part.report) in {(r["part"], r["whole"], r["report"]) for r in linked.table("parts")}
    parts = {(r["part"], r["whole"]) for r in linked.table("parts")}
    assert parts == {(r.id, w) for r in linked.records() for w in r.part_of}
    assert DS.funds._dataset is DS  # the dataset it was made from keeps its tables
    operands = DS.table("check_operands")
    assert {(r["check"], r["ref"]) for r in operands} == {
        (c.id, ref) for c in DS.checks for ref in (*c.operands, c.result)
    }
    assert all(r["record"] == r["ref"].partition("#")[0] and r["field"] for r in operands)
    assert [r["id"] for r in DS.table("figure_records")] == [r.id for r in DS.records()]


def _rewrite(folder: Path, name: str, change: Any) -> None:
    path = folder / f"{name}.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        names = list(reader.fieldnames or ())
    change(rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("table", "column", "value", "error"),
    [
        ("funds", "report", "atlantis-2016", "foreign-key"),
        ("funds", "region", "999999", "foreign-key"),
        ("cohorts", "program", "no-such-programme", "foreign-key"),
        ("programs", "category", "magic", "foreign-key"),
        ("checks", "erratum", "no-such-erratum", "foreign-key"),
        ("parts", "whole", "golmud-2017/nothing", "foreign-key"),
        ("check_operands", "record", "golmud-2017/nothing", "foreign-key"),
        ("regions", "parent", "XX", "foreign-key"),
        ("funds", "unit", "dollars", "constraint-error"),
        ("funds", "qualifier", "roughly", "constraint-error"),
        ("funds", "kind", "gift", "constraint-error"),
        ("cohorts", "status", "happy", "constraint-error"),
        ("indicators", "stage", "finished", "constraint-error"),
        ("regions", "level", "galaxy", "constraint-error"),
        ("funds", "per", "person/fortnight", "constraint-error"),
    ],
)
def test_frictionless_refuses_a_broken_reference_or_an_unknown_word(
    tmp_path: Path, table: str, column: str, value: str, error: str
) -> None:
    frictionless = pytest.importorskip("frictionless")
    DS.export(tmp_path, "datapackage")

    def change(rows: list[dict[str, str]]) -> None:
        if table == "parts":  # a part naming a whole that is not there
            rows.append({"part": DS.funds[0].id, "whole": value, "report": DS.funds[0].report})
            return
        row = next(r for r in rows if r[column]) if column in ("parent", "record", "erratum") else rows[0]
        row[column] = value

    _rewrite(tmp_path, table, change)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert {e[0] for e in report.flatten(["type"])} == {error}


def test_the_source_texts_are_written_and_checked(package: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    from povertydata.sources import seed_text

    descriptor = _descriptor(package)
    for report in DS.reports:
        path = package / "seeds" / report.seed
        assert path.read_bytes() == seed_text(report.seed).encode("utf-8")
        resource = _resource(package, f"source-text-{report.id}")
        assert resource["path"] == f"seeds/{report.seed}"
        assert resource["hash"] == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    assert all((package / s["path"]).is_file() for s in descriptor["sources"])
    sources = {r["seed"]: r for r in DS.table("sources")}
    assert sources[DS.reports[0].seed]["text"] == seed_text(DS.reports[0].seed)
    # A changed text no longer matches its hash.
    copy = package.parent / "changed"
    DS.export(copy, "datapackage")
    (copy / "seeds" / DS.reports[0].seed).write_text("改了", encoding="utf-8")
    assert not frictionless.validate(str(copy / "datapackage.json")).valid


def test_each_resource_carries_its_licence(package: Path) -> None:
    for resource in _descriptor(package)["resources"]:
        (licence,) = resource["licenses"]
        if resource["name"].startswith("source-text-") or resource["name"] == "sources":
            assert licence["name"] != "MIT" and "publishers" in licence["title"]
        else:
            assert licence["name"] == "MIT"


def test_the_package_names_its_versions_and_citation(package: Path) -> None:
    from povertydata.exports import data_version

    descriptor = _descriptor(package)
    assert descriptor["version"] == pv.__version__
    assert descriptor["data_version"] == data_version(DS)
    assert descriptor["citation"].startswith("The povertydata developers")


def test_the_data_version_follows_the_data(tmp_path: Path) -> None:
    from povertydata.exports import data_version

    first = data_version(DS)
    assert first == data_version(pv.load()) and first.startswith("sha256:")
    # The same records but one figure: another version.
    import attrs

    funds = list(DS.funds)
    funds[0] = attrs.evolve(funds[0], note="changed")
    changed = attrs.evolve(DS, funds=pv.Records(funds, DS.funds._index))
    assert data_version(changed) != first


def test_parquet_files_carry_keys_vocabularies_licence_and_versions(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from povertydata.exports import data_version

    DS.export(tmp_path, "parquet")
    funds = pq.read_schema(tmp_path / "funds.parquet")
    meta = {k.decode(): v.decode() for k, v in funds.metadata.items()}
    assert meta["povertydata.version"] == pv.__version__
    assert meta["povertydata.data_version"] == data_version(DS)
    assert meta["povertydata.license"].startswith("MIT")
    assert meta["povertydata.citation"].startswith("The povertydata developers")
    assert json.loads(meta["povertydata.primary_key"]) == ["id"]
    keys = json.loads(meta["povertydata.foreign_keys"])
    assert {"fields": ["report"], "reference": {"resource": "reports", "fields": ["id"]}} in keys
    assert "CNY" in json.loads(funds.field("unit").metadata[b"enum"])
    sources = pq.read_schema(tmp_path / "sources.parquet")
    assert "publishers" in sources.metadata[b"povertydata.license"].decode()
    assert pq.read_table(tmp_path / "sources.parquet").num_rows == len(DS.reports)
