from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import povertydata as pv
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
    assert not any("inferred" in r or "cues" in r or "note" in r for r in rows)


def test_extract_says_what_the_words_around_a_figure_gave_it(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("每户补助3至5万元，步行到12点", encoding="utf-8")
    code, out = run("extract", str(path))
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["figure"]["per"] == ["household"]
    assert (first["inferred"], first["cues"]) == (["per"], [{"field": "per", "start": 0, "end": 2, "text": "每户"}])
    assert "点" in second["note"] and "cues" not in second


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

    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"povertydata {version('povertydata')}\n"


# -- every user mistake and I/O fault: one line, a documented status, no traceback ------


def fails(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Run a command that must fail; return its status and its one line of error."""
    code, out = run(*argv)
    err = capsys.readouterr().err
    assert code != 0
    assert out == ""
    assert err.startswith("povertydata") and err.count("\n") == 1, err
    return code, err


@pytest.mark.parametrize(
    ("argv", "status", "words"),
    [
        (["records", "--period", "last year"], 2, "'last year' is not an ISO 8601"),
        (["records", "--period", "1990"], 2, "1990"),
        (["records", "--report", "nope"], 2, "no report 'nope'"),
        (["records", "--region", "Atlantis"], 2, "no region 'Atlantis'"),
        (["records", "--program", "no-such-programme"], 2, "no programme 'no-such-programme'"),
        (["records", "--category", "magic"], 2, "no category 'magic'"),
        (["records", "--kind", "cohorts", "--where", "statuss=relocated"], 2, "no field 'statuss'"),
        (["records", "--kind", "cohorts", "--where", "status=finished"], 2, "no cohorts with status 'finished'"),
        (["records", "--where", "status=relocated"], 2, "funds have no field 'status'"),
        (["records", "--where", "status"], 2, "FIELD=VALUE"),
        (["extract", "-j", "0", "x.txt"], 2, "1 or more"),
        (["extract", "-j", "-3", "x.txt"], 2, "1 or more"),
        (["parse", "1.2.3万元"], 1, "position 3"),
        (["parse", "1800\t万元"], 1, "position 4"),
        (["frobnicate"], 2, "invalid choice"),
    ],
)
def test_a_mistake_is_one_line_and_a_status(
    capsys: pytest.CaptureFixture[str], argv: list[str], status: int, words: str
) -> None:
    code, err = fails(capsys, *argv)
    assert code == status
    assert words in err


def test_a_region_by_its_name(capsys: pytest.CaptureFixture[str]) -> None:
    by_code = run("records", "--region", "632801", "--format", "csv")
    assert by_code[0] == 0 and "golmud-2017" in by_code[1]
    assert run("records", "--region", "Golmud", "--format", "csv") == by_code
    assert run("records", "--region", "格尔木市", "--format", "csv") == by_code
    assert run("records", "--region", "格尔木", "--format", "csv") == by_code
    haixi = run("records", "--region", "632800", "--format", "csv")
    assert run("records", "--region", "Haixi", "--format", "csv") == haixi != by_code
    _, err = fails(capsys, "records", "--region", "Golmund")
    assert "Golmud" in err  # the near miss is suggested


def test_a_filter_that_matches_nothing_is_no_error() -> None:
    # Each value names something; together they select nothing.
    code, out = run("records", "--report", "qinghai-2017", "--region", "632801")
    assert (code, out) == (0, "(no records)\n")


def test_where_filters_on_a_field() -> None:
    code, out = run("records", "--kind", "cohorts", "--where", "status=trained", "--format", "jsonl")
    assert code == 0
    got = [json.loads(line)["id"] for line in out.splitlines()]
    assert got == [c.id for c in pv.load().cohorts if c.status == "trained"] and got


def test_a_long_number_parses_and_is_written_in_both_locales() -> None:
    digits = "1234567890" * 4
    code, out = run("parse", f"{digits}元")
    assert code == 0
    lines = out.splitlines()
    assert json.loads(lines[0]) == {"value": digits, "unit": "CNY"}
    assert lines[1].startswith("zh_CN: ") and lines[2].startswith("en: ")


def test_json_numbers_are_plain_decimals(tmp_path: Path) -> None:
    code, out = run("parse", "0.0000001元")
    assert code == 0 and json.loads(out.splitlines()[0])["value"] == "0.0000001"
    path = tmp_path / "a.txt"
    path.write_text("投入0.0000001元和1800万元", encoding="utf-8")
    code, out = run("extract", str(path))
    assert [json.loads(line)["figure"]["value"] for line in out.splitlines()] == ["0.0000001", "18000000"]


def test_json_of_any_figure_is_positional() -> None:
    from decimal import Decimal

    from povertydata._cli_output import figure_json

    figure = pv.Figure(Decimal("1.8E+7"), unit="CNY")
    assert figure_json(figure) == {"value": "18000000", "unit": "CNY"}
    assert figure_json(pv.Figure(unit="CNY", low=Decimal("1E+5"), high=Decimal("2E+5"))) == {
        "unit": "CNY",
        "low": "100000",
        "high": "200000",
    }


def test_records_csv_has_the_exact_columns_of_the_export() -> None:
    from povertydata.exports import columns

    code, out = run("records", "--kind", "funds", "--report", "golmud-2017", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["table", *(c for c, _ in columns("funds"))]
    exported = {r["id"]: r for r in pv.load().table("funds")}
    assert [r["id"] for r in rows] == list(pv.load().funds.where(report="golmud-2017").ids)
    for row in rows:
        want = exported[row["id"]]
        assert (row["value"], row["unit"], row["per"]) == (want["value"] or "", want["unit"], want["per"] or "")


def test_records_csv_of_several_kinds_keeps_each_kinds_columns() -> None:
    _, out = run("records", "--report", "qianjiang-2015", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    cohort = next(r for r in rows if r["table"] == "cohorts")
    record = pv.load().cohorts.get(cohort["id"])
    assert record.households is not None and cohort["households_value"] == format(record.households.value, "f")
    assert cohort["value"] == ""
    assert {r["table"] for r in rows} == {"funds", "cohorts", "indicators"}


def test_tables_align_by_display_width() -> None:
    import unicodedata

    from povertydata._cli_output import table

    def columns_at(line: str) -> list[int]:
        # Display columns where a cell starts: after two spaces, by East Asian Width.
        starts, col = [], 0
        for i, ch in enumerate(line):
            if i > 1 and ch != " " and line[i - 2 : i] == "  ":
                starts.append(col)
            col += 0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return starts

    rows = [
        {"a": "格尔木市", "b": "x", "c": "1"},
        {"a": "ｶﾀｶﾅ and ﾊﾝｶｸ", "b": "ᄀᄁ", "c": "2"},
        {"a": "café", "b": "☃ 〇", "c": "3"},
        {"a": "Golmud", "b": "每户8万元", "c": "4"},
    ]
    out = io.StringIO()
    table(rows, out)
    lines = out.getvalue().splitlines()
    assert len({tuple(columns_at(line)) for line in lines}) == 1, lines


def test_output_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "funds.csv"
    code, out = run("records", "--kind", "funds", "--format", "csv", "-o", str(target))
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8") == run("records", "--kind", "funds", "--format", "csv")[1]


@pytest.mark.parametrize(
    "argv",
    [[], ["summary"], ["reports"], ["show", "golmud-2017"], ["records"], ["parse", "1800万元"], ["check"]],
)
def test_every_command_writes_to_a_file_with_o(tmp_path: Path, argv: list[str]) -> None:
    target = tmp_path / "out.txt"
    code, out = run(*argv, "-o", str(target))
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8") == run(*argv)[1] != ""


def test_o_into_a_missing_folder_is_an_output_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = fails(capsys, "reports", "-o", str(tmp_path / "no" / "such" / "folder" / "x.txt"))
    assert code == 4 and "cannot write" in err


def test_a_failed_command_leaves_no_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.txt"
    target.write_text("kept", encoding="utf-8")
    fails(capsys, "parse", "1.2.3万元", "-o", str(target))
    assert target.read_text(encoding="utf-8") == "kept"
    assert list(tmp_path.iterdir()) == [target]


def test_export_onto_a_file_is_an_output_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "taken"
    a_file.write_text("", encoding="utf-8")
    code, err = fails(capsys, "export", "--to", str(a_file))
    assert code == 4 and str(a_file) in err
    code, err = fails(capsys, "export", "--to", str(a_file / "below"))
    assert code == 4 and "cannot write" in err


def test_export_with_o(tmp_path: Path) -> None:
    code, _ = run("export", "-o", str(tmp_path / "csv"))
    assert code == 0 and (tmp_path / "csv" / "funds.csv").is_file()


def test_extract_an_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)  # unreadable even by root: too many levels of symbolic links
    code, err = fails(capsys, "extract", str(loop), "--on-error", "fail")
    assert code == 1 and str(loop) in err and "cannot be read" in err


def test_a_folder_with_no_text_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.md").write_text("1800万元", encoding="utf-8")
    code, err = fails(capsys, "extract", str(tmp_path))
    assert code == 1 and "no .txt files" in err


def _corpus_with_one_bad_file(folder: Path) -> None:
    for i in range(6):
        (folder / f"{i}.txt").write_text(f"第{i}份: 投入{i}万元,惠及{i * 3}户", encoding="utf-8")
    (folder / "3.txt").write_bytes(b"\xff" + "投入5万元".encode("gbk"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_bad_file_is_reported_and_the_rest_read(tmp_path: Path, jobs: str) -> None:
    _corpus_with_one_bad_file(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "povertydata", "extract", str(tmp_path), "-j", jobs],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 3, done.stderr
    assert done.stderr.splitlines() == [
        f"povertydata: {tmp_path / '3.txt'}: not UTF-8 text (invalid start byte at byte 0); skipped",
        "povertydata: 1 of 6 files skipped",
    ]
    files = {Path(json.loads(line)["file"]).name for line in done.stdout.splitlines()}
    assert files == {f"{i}.txt" for i in range(6) if i != 3}
    assert "Traceback" not in done.stderr


def test_on_error_fail_stops_at_the_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _corpus_with_one_bad_file(tmp_path)
    code, out = run("extract", str(tmp_path), "--on-error", "fail")
    assert code == 1
    assert (
        capsys.readouterr().err == f"povertydata: {tmp_path / '3.txt'}: not UTF-8 text (invalid start byte at byte 0)\n"
    )
    # What came before the bad file was streamed out; nothing after it was read.
    assert {Path(json.loads(line)["file"]).name for line in out.splitlines()} == {"0.txt", "1.txt", "2.txt"}


def test_an_ascii_terminal_gets_escapes_not_a_traceback() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "povertydata", "parse", "26.15亿元"], capture_output=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode("ascii").splitlines()
    assert json.loads(lines[0]) == {"value": "2615000000", "unit": "CNY"}
    assert lines[1].encode().decode("unicode_escape") == "zh_CN: 26.15亿元"
    assert b"PYTHONIOENCODING=utf-8" in done.stderr and b"Traceback" not in done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "povertydata", "show", "golmud-2017"], capture_output=True, env=env, check=False
    )
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert "1800万元".encode("unicode_escape") in done.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_ends_quietly_with_130(tmp_path: Path, jobs: str) -> None:
    # The last "file" is a named pipe nobody writes to: reading it waits for ever, so the
    # run is certain to be going on when Ctrl-C comes, in the main process or a worker.
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(f"投入{i}万元", encoding="utf-8")
    os.mkfifo(tmp_path / "9-waits.txt")
    process = subprocess.Popen(
        [sys.executable, "-m", "povertydata", "extract", str(tmp_path), "-j", jobs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
        start_new_session=True,  # a process group of its own, as a terminal's Ctrl-C reaches
    )
    assert process.stdout is not None
    first = process.stdout.readline()  # the run has started and written its first mention
    assert json.loads(first)["text"] == "0万元"
    time.sleep(0.5)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.decode().splitlines() == ["povertydata: interrupted"]


def test_every_exit_status_is_documented() -> None:
    import re

    import povertydata.cli
    from povertydata._cli_errors import EXIT

    doc = povertydata.cli.__doc__ or ""
    table = doc[doc.index("status  meaning") :]
    assert {int(n) for n in re.findall(r"^(\d+)\s", table, re.MULTILINE)} == set(EXIT)
    code, _ = run("--help")
    assert code == 0
