"""The corpus path: one table for many texts, streamed to Parquet, and the same on a Dask cluster."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import povertydata as pv

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from povertydata.corpus import MENTION_SCHEMA, extract_lines, extract_table  # noqa: E402

SCRIPT = Path(__file__).parent.parent / "benchmarks" / "dask_extract.py"


def _script() -> ModuleType:
    if not SCRIPT.is_file():
        pytest.skip("the Dask recipe is a script of the repository (benchmarks/), not of the package")
    spec = importlib.util.spec_from_file_location("dask_extract", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sorted_rows(table: Any) -> list[dict[str, Any]]:
    return sorted(table.to_pylist(), key=lambda r: (r["id"], r["start"]))


# -- extract_table ----------------------------------------------------------------


def test_extract_table_is_extract_for_each_text() -> None:
    texts = ["2016年投入1800万元,惠及5122户", "", "每户8万元和15—30万元"]
    table = extract_table(texts, ids=["a", "b", 7])
    assert table.schema == MENTION_SCHEMA
    rows = table.to_pylist()
    expected = [(ident, m) for ident, text in zip(["a", "b", "7"], texts, strict=True) for m in pv.extract(text)]
    assert [(r["id"], r["start"], r["end"], r["text"], r["kind"]) for r in rows] == [
        (ident, m.start, m.end, m.text, m.kind) for ident, m in expected
    ]
    assert rows[1]["value"] == Decimal("18000000") and rows[1]["unit"] == "CNY"
    assert rows[3]["per"] == "household" and rows[3]["value_exact"] == "80000"
    assert (rows[4]["low"], rows[4]["high"], rows[4]["value"]) == (Decimal("150000"), Decimal("300000"), None)
    assert rows[0]["kind"] == "year" and rows[0]["when"] == "2016"


def test_extract_table_carries_what_the_words_around_a_figure_gave_it() -> None:
    text = "每户补助3至5万元，贫困人口745万，步行到12点"
    rows = extract_table([text]).to_pylist()
    assert [(r["text"], r["per"], r["unit"], r["inferred"]) for r in rows] == [
        ("3至5万元", "household", "CNY", ["per"]),
        ("745万", None, "person", ["unit"]),
        ("12", None, "number", []),
    ]
    assert rows[1]["cues"] == [{"field": "unit", "start": 10, "end": 14, "text": "贫困人口"}]
    assert [r["cues"] for r in rows] == [
        [{"field": c.field, "start": c.start, "end": c.end, "text": c.text} for c in m.cues] for m in pv.extract(text)
    ]
    assert (rows[0]["note"], rows[2]["note"] is not None) == (None, True)


def test_extract_table_ids_default_to_positions_and_must_match() -> None:
    assert extract_table(["1万元", None, "2万元"]).column("id").to_pylist() == ["0", "2"]
    with pytest.raises(ValueError, match="differ in length"):
        extract_table(["1万元", "2万元"], ids=["a"])
    with pytest.raises(ValueError, match="differ in length"):
        extract_table(["1万元"], ids=["a", "b"])


def test_the_mention_schema_is_fixed() -> None:
    # Whatever the texts, the same types: a corpus of integers and one of decimals agree.
    assert extract_table(["5122户"]).schema == extract_table(["13.2%"]).schema == extract_table([]).schema
    assert MENTION_SCHEMA.field("value").type == pa.decimal128(38, 10)
    assert MENTION_SCHEMA.metadata[b"povertydata.schema"] == b"mentions/2"
    assert all(field.metadata[b"description"] for field in MENTION_SCHEMA)


def test_values_beyond_decimal128_stay_exact_in_the_string_column() -> None:
    forty = "1234567890" * 4
    rows = extract_table([f"投入{forty}元,占0.00000000001%"]).to_pylist()
    assert [(r["value"], r["value_exact"]) for r in rows] == [(None, forty), (None, "0.00000000001")]


def test_extract_lines_reads_json_lines_and_skips_bad_ones(caplog: pytest.LogCaptureFixture) -> None:
    lines = [
        '{"id": "a", "text": "投入1800万元"}\n',
        "not json\n",
        "\n",
        '{"id": "b"}\n',
        '{"id": 3, "text": "惠及5122户"}\n',
    ]
    table = extract_lines(lines, id_field="id", source="c.jsonl")
    assert table.column("id").to_pylist() == ["a", "3"]
    assert [r.getMessage() for r in caplog.records] == [
        "c.jsonl:2: not JSON (Expecting value at column 1); skipped",
        "c.jsonl:4: no field 'text'; skipped",
    ]
    with pytest.raises(ValueError, match=r"c\.jsonl:2: not JSON"):
        extract_lines(lines, id_field="id", source="c.jsonl", on_error="fail")
    assert extract_lines(lines[:1], source="c.jsonl").column("id").to_pylist() == ["c.jsonl:1"]


# -- the command line: JSON lines in, Parquet out, streamed -------------------------------


def _write_jsonl(path: Path, records: list[Any]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for r in records:
            handle.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n")


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "povertydata", *argv], capture_output=True, text=True, encoding="utf-8", check=False
    )


GOOD = [{"doc": f"d{i}", "body": f"第{i}项投入{i + 1}万元,惠及{i * 7 + 1}户,占{i}.5%。"} for i in range(40)]


def test_jsonl_to_parquet_streams_row_groups_and_skips_bad_records(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    bad = ['{"doc": "x", "body": ', '["a list"]', '{"doc": "y"}', '{"doc": "z", "body": 5}', '{"body": "1万元"}']
    _write_jsonl(corpus, [*GOOD[:10], bad[0], *GOOD[10:25], *bad[1:], *GOOD[25:]])
    out = tmp_path / "out"
    done = _cli(
        "extract", str(corpus), "--input", "jsonl", "--text-field", "body", "--id-field", "doc",
        "--format", "parquet", "-o", str(out), "--batch-size", "8",
    )  # fmt: skip
    assert done.returncode == 3, done.stderr
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"povertydata: {corpus}:11: not JSON (Expecting value at column 22); skipped",
        f"povertydata: {corpus}:27: not a JSON object; skipped",
        f"povertydata: {corpus}:28: no field 'body'; skipped",
        f"povertydata: {corpus}:29: field 'body' is not a string; skipped",
        f"povertydata: {corpus}:30: no field 'doc'; skipped",
        "povertydata: 5 of 45 records skipped",
    ]
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.parquet"]
    part = pq.ParquetFile(out / "part-00000.parquet")
    assert part.metadata.num_row_groups == 6  # 45 lines in batches of 8, one row group each
    assert part.schema_arrow.metadata[b"povertydata.version"] == pv.__version__.encode()
    got = part.read()
    assert got.schema.remove_metadata() == MENTION_SCHEMA.remove_metadata()
    want = extract_table([r["body"] for r in GOOD], ids=[r["doc"] for r in GOOD])
    assert got.to_pylist() == want.to_pylist()


def test_jsonl_in_parallel_gives_the_same_parquet(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _write_jsonl(corpus, GOOD)
    for jobs in ("1", "2"):
        done = _cli(
            "extract", str(corpus), "--input", "jsonl", "--text-field", "body", "--id-field", "doc",
            "--format", "parquet", "-o", str(tmp_path / jobs), "--batch-size", "5", "-j", jobs,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
    assert pq.read_table(tmp_path / "1").equals(pq.read_table(tmp_path / "2"))


def test_jsonl_to_json_lines_names_each_record(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _write_jsonl(corpus, [{"text": "投入1800万元"}, {"text": "惠及5122户"}])
    done = _cli("extract", str(corpus), "--input", "jsonl")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["id"], r["text"], r["figure"]["value"]) for r in rows] == [
        (f"{corpus}:1", "1800万元", "18000000"),
        (f"{corpus}:2", "5122户", "5122"),
    ]


def test_a_bad_record_with_on_error_fail_leaves_no_parquet(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _write_jsonl(corpus, [*GOOD[:20], "{", *GOOD[20:]])
    out = tmp_path / "out"
    done = _cli(
        "extract", str(corpus), "--input", "jsonl", "--text-field", "body", "--format", "parquet",
        "-o", str(out), "--batch-size", "4", "--on-error", "fail",
    )  # fmt: skip
    assert done.returncode == 1
    assert (
        done.stderr
        == f"povertydata: {corpus}:21: not JSON (Expecting property name enclosed in double quotes at column 2)\n"
    )
    assert list(out.iterdir()) == []


def test_parquet_needs_an_empty_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _write_jsonl(corpus, GOOD[:2])
    done = _cli("extract", str(corpus), "--input", "jsonl", "--text-field", "body", "--format", "parquet")
    assert (done.returncode, done.stderr.count("\n")) == (2, 1) and "-o DIR" in done.stderr
    done = _cli(
        "extract", str(corpus), "--input", "jsonl", "--text-field", "body", "--format", "parquet", "-o", str(tmp_path)
    )
    assert (done.returncode, done.stderr.count("\n")) == (4, 1) and "not empty" in done.stderr


def test_reading_runs_a_bounded_way_ahead_of_writing() -> None:
    # The reader pulls batches only as results are taken: memory does not grow with the corpus.
    from povertydata import _cli_extract as ex

    settings = ex.Settings("jsonl", "text", None, "jsonl", ascii=False, label=True)
    pulled = []

    def work() -> Any:
        for n in range(1000):
            pulled.append(n)
            yield ex.Batch("lines", "c.jsonl", n + 1, (b'{"text": "1\\u4e07\\u5143"}\n',))

    for jobs in (1, 2):
        pulled.clear()
        results = ex.run(work(), settings, jobs)
        first = next(results)
        assert first.documents == 1
        assert len(pulled) <= 2 * jobs + 1
        results.close()


# -- the Dask recipe, on a cluster of several workers -----------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, str]]]:
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    documents = _script().make_corpus(str(path), 2000)
    return path, documents


def test_the_dask_recipe_on_a_local_cluster_matches_one_process(
    corpus: tuple[Path, list[tuple[str, str]]], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    script = _script()
    path, documents = corpus
    assert len(documents) >= 2000
    with (
        distributed.LocalCluster(n_workers=3, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        numbers = script.run(str(path), str(tmp_path / "out"), id_field="id", workers=3)
    assert numbers["partitions"] >= 3  # sized from the input: work for every worker
    got = pq.read_table(tmp_path / "out")
    assert got.schema.field("value").type == pa.decimal128(38, 10)
    assert got.schema.remove_metadata() == MENTION_SCHEMA.remove_metadata()
    one_process = extract_table([text for _, text in documents], ids=[ident for ident, _ in documents])
    assert numbers["mentions"] == one_process.num_rows > 10_000
    assert _sorted_rows(got) == _sorted_rows(one_process)  # row for row, every column
    exact = [r for r in one_process.to_pylist() if r["value"] is None and r["value_exact"] is not None]
    assert exact  # the values no decimal128 holds came through, exact


def test_partitions_are_sized_from_the_input() -> None:
    script = _script()
    mib = 1024 * 1024
    assert script.blocksize_for(1 * mib, 2) == 256 * 1024  # small: no tiny tasks
    assert script.blocksize_for(800 * mib, 4) == 50 * mib  # four per worker
    assert script.blocksize_for(100_000 * mib, 4) == 64 * mib  # large: memory bounded per task
