from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from povertydata.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_summary_is_the_default() -> None:
    code, out = run()
    assert code == 0
    assert "5 reports" in out
    assert "golmud-2017" in out and "CNY" in out
    assert "checks:" in out


def test_reports_and_show() -> None:
    code, out = run("reports")
    assert code == 0 and len(out.strip().splitlines()) == 5
    code, out = run("show", "golmud-2017")
    assert code == 0 and "1800万元" in out


def test_show_unknown_report_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("show", "atlantis-2016")
    assert code == 2
    assert "povertydata reports" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl"])
def test_records_formats(fmt: str) -> None:
    code, out = run("records", "--kind", "funds", "--region", "632800", "--format", fmt)
    assert code == 0
    assert "golmud-2017" in out
    assert "qianjiang-2015" not in out
    if fmt == "json":
        assert all(item["table"] == "funds" for item in json.loads(out))
    if fmt == "jsonl":
        assert all(json.loads(line)["amount"]["unit"] == "CNY" for line in out.splitlines())


def test_parse_prints_both_locales() -> None:
    code, out = run("parse", "26.15亿元")
    assert code == 0
    assert json.loads(out.splitlines()[0]) == {"value": "2615000000", "unit": "CNY"}
    assert "26.15亿元" in out and "CNY 2.615 billion" in out


def test_parse_error_goes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run("parse", "1.2.3万元")
    assert code == 1 and out == ""
    err = capsys.readouterr().err
    assert "position 3" in err and err.count("\n") == 1


def test_extract_writes_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("2017年投入1800万元,惠及5122户18442人。", encoding="utf-8")
    code, out = run("extract", str(path))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in rows] == ["2017年", "1800万元", "5122户", "18442人"]
    assert rows[1]["figure"] == {"value": "18000000", "unit": "CNY"}


def test_extract_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("extract", "/no/such/file.txt")
    assert code == 1
    assert "no such file" in capsys.readouterr().err


def test_check_lists_every_check() -> None:
    code, out = run("check")
    assert code == 0
    assert out.strip().splitlines()[-1].endswith("do not")


def test_module_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "povertydata", "parse", "近6倍"], capture_output=True, text=True)
    assert done.returncode == 0
    assert "nearly 6-fold" in done.stdout
    done = subprocess.run([sys.executable, "-m", "povertydata", "frobnicate"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "invalid choice" in done.stderr


def test_extract_many_files_in_parallel_streams_the_same_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from povertydata.sources import seed_names, seed_text

    for name in seed_names():
        (tmp_path / name).write_text(seed_text(name), encoding="utf-8")
    code, one = run("extract", str(tmp_path))
    assert code == 0
    code, two = run("extract", str(tmp_path), "--jobs", "2", "--progress")
    assert code == 0 and two == one
    rows = [json.loads(line) for line in one.splitlines()]
    assert {Path(r["file"]).name for r in rows} == set(seed_names())
    assert "5/5 files" in capsys.readouterr().err


def test_export_writes_every_table(tmp_path: Path) -> None:
    code, out = run("export", "--format", "csv", "--to", str(tmp_path))
    assert code == 0
    assert {Path(p).name for p in out.split()} >= {"funds.csv", "cohorts.csv", "indicators.csv"}


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"povertydata {version('povertydata')}\n"
