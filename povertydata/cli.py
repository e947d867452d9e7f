"""The command line: ``python -m povertydata`` or ``povertydata``.

    povertydata                      summary of the bundled dataset
    povertydata reports              the reports, one a line
    povertydata show REPORT          a report's records, each with its quote
    povertydata records [filters]    records as a table, CSV, JSON or JSON lines
    povertydata parse EXPR           one figure, in both locales
    povertydata extract FILE|DIR|-   every figure of any text, as JSON lines (--jobs N)
    povertydata check                every declared check with its numbers
    povertydata export --to DIR      every table as CSV, JSON, a data package or Parquet

Errors go to standard error as one line that says what to do, with exit status 2 for a
wrong command line and 1 for bad input or data.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from povertydata.errors import DataError, ParseError
from povertydata.figures import Figure, Mention, extract, parse

__all__ = ["main"]

KINDS = ("funds", "cohorts", "indicators")


def _figure_json(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    from povertydata._convert import converter

    out: dict[str, Any] = converter.unstructure(figure)
    return out


def _mention_json(m: Mention, file: str | None = None) -> str:
    """One mention as a JSON line; with ``file`` first when reading several files."""
    row: dict[str, Any] = {}
    if file is not None:
        row["file"] = file
    row.update(start=m.start, end=m.end, text=m.text, kind=m.kind, figure=_figure_json(m.figure))
    return json.dumps(row, ensure_ascii=False)


def _figure_text(figure: Figure | None) -> str:
    from povertydata.formatting import format

    return "" if figure is None else format(figure)


def _rows(kind: str, records: Iterable[Any]) -> list[dict[str, str]]:
    from povertydata.catalog import FIGURE_FIELDS

    rows = []
    for r in records:
        fields = FIGURE_FIELDS[type(r)]
        figures = {f: getattr(r, f) for f in fields}
        row = {
            "id": r.id,
            "kind": kind,
            "what": getattr(r, "name_en", None) or getattr(r, "purpose", None) or getattr(r, "status", "") or "",
            "figure": "; ".join(_figure_text(f) for f in figures.values() if f is not None),
            "period": r.period or "",
            "region": r.region,
            "quote": " | ".join(s.quote for s in r.spans if s.field is not None),
        }
        rows.append(row)
    return rows


def _table(rows: Sequence[dict[str, str]], out: TextIO) -> None:
    if not rows:
        print("(no records)", file=out)
        return
    columns = list(rows[0])
    widths = {c: min(48, max(len(c), *(_width(r[c]) for r in rows))) for c in columns}
    print("  ".join(_pad(c, widths[c]) for c in columns).rstrip(), file=out)
    for row in rows:
        print("  ".join(_pad(_clip(row[c], widths[c]), widths[c]) for c in columns).rstrip(), file=out)


def _width(text: str) -> int:
    # Chinese characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _clip(text: str, width: int) -> str:
    while _width(text) > width:
        text = text[:-2] + "…"
    return text


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _selected(args: argparse.Namespace) -> list[tuple[str, Any]]:
    from povertydata.catalog import load

    ds = load()
    chosen: list[tuple[str, Any]] = []
    for kind in args.kind or KINDS:
        records = getattr(ds, kind).where(
            report=args.report, region=args.region, program=args.program, category=args.category, period=args.period
        )
        chosen.extend((kind, r) for r in records)
    return chosen


def _cmd_summary(_args: argparse.Namespace, out: TextIO) -> int:
    from povertydata.catalog import load
    from povertydata.formatting import format

    ds = load()
    results = ds.check()
    print("povertydata: China's 2015–2020 targeted poverty-alleviation reports as exact, cited data", file=out)
    print(file=out)
    print(f"{len(ds.reports)} reports, {len(ds.regions)} regions, {len(ds.programs)} programmes", file=out)
    print(
        f"{len(ds.funds)} funds, {len(ds.cohorts)} household cohorts, {len(ds.indicators)} indicators, "
        f"{len(ds.errata)} errata, {sum(1 for _ in ds.figures())} cited figures",
        file=out,
    )
    print(f"checks: {sum(r.holds for r in results)} hold, {sum(not r.holds for r in results)} do not", file=out)
    print(file=out)
    # Reports state totals and their parts side by side, so adding every fund would count
    # money twice: the summary gives the count and the largest single amount instead.
    print("money per report (funds; the largest single amount, rates left out):", file=out)
    for report in ds.reports:
        funds = [f for f in ds.funds.where(report=report.id) if f.amount.value is not None and not f.amount.per]
        region = ds.regions.get(report.region)
        largest = max((f.amount.value for f in funds if f.amount.value is not None), default=None)
        amount = "-" if largest is None else format(Figure(largest, unit="CNY"), locale="en", digits=4)
        print(f"  {report.id:16} {region.name_en:20} {len(funds):3} amounts, largest {amount}", file=out)
    return 0


def _cmd_reports(_args: argparse.Namespace, out: TextIO) -> int:
    from povertydata.catalog import load

    ds = load()
    for r in ds.reports:
        published = r.published.isoformat() if r.published else "-"
        print(f"{r.id}\t{published}\t{r.region}\t{r.title_en}", file=out)
    return 0


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from povertydata.catalog import load

    ds = load()
    try:
        report = ds.reports.get(args.report)
    except KeyError:
        raise _UsageError(f"no report {args.report!r}: run 'povertydata reports' to list them") from None
    print(f"{report.id}: {report.title} ({report.title_en})", file=out)
    print(file=out)
    rows = []
    for kind in KINDS:
        rows.extend(_rows(kind, getattr(ds, kind).where(report=report.id)))
    _table(rows, out)
    return 0


def _cmd_records(args: argparse.Namespace, out: TextIO) -> int:
    chosen = _selected(args)
    rows = [row for kind, r in chosen for row in _rows(kind, [r])]
    if args.format == "table":
        _table(rows, out)
    elif args.format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        out.write(buffer.getvalue())
    else:
        from povertydata._convert import converter

        items = [{"table": kind, **converter.unstructure(r)} for kind, r in chosen]
        if args.format == "json":
            print(json.dumps(items, ensure_ascii=False, indent=2), file=out)
        else:
            for item in items:
                print(json.dumps(item, ensure_ascii=False), file=out)
    return 0


def _cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    from povertydata.formatting import format

    figure = parse(args.expr)
    print(json.dumps(_figure_json(figure), ensure_ascii=False), file=out)
    print(f"zh_CN: {format(figure, locale='zh_CN')}", file=out)
    print(f"en:    {format(figure, locale='en')}", file=out)
    return 0


def _text_files(names: Sequence[str]) -> list[str]:
    """Expand folders into their ``*.txt`` files, sorted; keep files and ``-`` as given."""
    files: list[str] = []
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            files.extend(str(p) for p in sorted(path.rglob("*.txt")))
        else:
            files.append(name)
    return files


def _read_mentions(name: str) -> tuple[str, list[str]]:
    """Read one file and return its mentions as JSON lines (runs in worker processes too)."""
    path = Path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise _InputError(f"{name}: is a folder with no .txt files") from None
    except UnicodeDecodeError as error:
        raise _InputError(f"{name}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    return name, [_mention_json(m, name) for m in extract(text)]


def _cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    files = _text_files(args.files)
    if files == ["-"]:
        for m in extract(sys.stdin.read()):
            print(_mention_json(m), file=out)
        return 0
    if "-" in files:
        raise _UsageError("'-' (standard input) cannot be mixed with files")
    shown = args.progress or (len(files) > 1 and sys.stderr.isatty() and not args.quiet)
    progress = _Progress(len(files), enabled=shown)
    if args.jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            # map keeps the files' order, so the output is the same with any number of jobs.
            for _name, lines in pool.map(_read_mentions, files, chunksize=max(1, len(files) // (args.jobs * 8))):
                out.writelines(line + "\n" for line in lines)
                progress.step()
    else:
        for name in files:
            _name, lines = _read_mentions(name)
            out.writelines(line + "\n" for line in lines)
            progress.step()
    progress.done()
    return 0


class _Progress:
    """A one-line progress count on standard error, for long runs over many files."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total = total
        self.count = 0
        self.enabled = enabled

    def step(self) -> None:
        self.count += 1
        if self.enabled and (self.count == self.total or self.count % max(1, self.total // 100) == 0):
            print(f"\rpovertydata extract: {self.count}/{self.total} files", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.enabled:
            print(file=sys.stderr)


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from povertydata.catalog import load

    try:
        written = load().export(args.to, args.format)
    except ImportError as error:
        raise _InputError(str(error)) from None
    for path in written:
        print(path, file=out)
    return 0


def _cmd_check(_args: argparse.Namespace, out: TextIO) -> int:
    from povertydata.catalog import load

    results = load().check()
    for r in results:
        mark = "ok  " if r.holds else "FAIL"
        erratum = f"  [erratum {r.erratum}]" if r.erratum else ""
        print(f"{mark} {r.check.id}: {r.explanation}{erratum}", file=out)
    print(f"{sum(r.holds for r in results)} hold, {sum(not r.holds for r in results)} do not", file=out)
    return 0


class _UsageError(Exception):
    pass


class _InputError(Exception):
    pass


def _version() -> str:
    from importlib.metadata import version

    return version("povertydata")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="povertydata", description="China's 2015–2020 poverty-alleviation reports as exact, cited data."
    )
    parser.add_argument("--version", action="version", version=f"povertydata {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("summary", help="summary of the bundled dataset (the default)")
    sub.add_parser("reports", help="list the reports")
    show = sub.add_parser("show", help="a report's records, each with its quote")
    show.add_argument("report", help="a report id, from 'povertydata reports'")
    records = sub.add_parser("records", help="records, filtered, as a table, CSV, JSON or JSON lines")
    records.add_argument("--kind", action="append", choices=KINDS, help="record kind (repeatable; default all)")
    records.add_argument("--report", help="a report id")
    records.add_argument("--region", help="a region id (includes its children)")
    records.add_argument("--program", help="a programme id")
    records.add_argument("--category", help="a programme category key")
    records.add_argument("--period", help="an ISO 8601 year or interval")
    records.add_argument("--format", choices=("table", "csv", "json", "jsonl"), default="table")
    p = sub.add_parser("parse", help="read one figure and write it in both locales")
    p.add_argument("expr", help="a quantity expression, e.g. 26.15亿元")
    x = sub.add_parser("extract", help="every figure of texts, as JSON lines (with the file name for several)")
    x.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, folders of .txt files, or - for stdin")
    x.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1)")
    x.add_argument("--quiet", "-q", action="store_true", help="no progress count on standard error")
    x.add_argument("--progress", action="store_true", help="a progress count even when standard error is no terminal")
    e = sub.add_parser("export", help="write every table as CSV, JSON, a Frictionless data package or Parquet")
    e.add_argument("--format", choices=("csv", "json", "datapackage", "parquet"), default="csv")
    e.add_argument("--to", required=True, metavar="DIR", help="the folder to write into")
    sub.add_parser("check", help="evaluate every declared check")
    return parser


_COMMANDS = {
    None: _cmd_summary,
    "summary": _cmd_summary,
    "reports": _cmd_reports,
    "show": _cmd_show,
    "records": _cmd_records,
    "parse": _cmd_parse,
    "extract": _cmd_extract,
    "export": _cmd_export,
    "check": _cmd_check,
}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    args = _parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    try:
        return _COMMANDS[args.command](args, stream)
    except _UsageError as error:
        print(f"povertydata: {error}", file=sys.stderr)
        return 2
    except ParseError as error:
        print(f"povertydata: cannot read {error.text!r}: {error.reason} at position {error.position}", file=sys.stderr)
        return 1
    except (_InputError, DataError) as error:
        print(f"povertydata: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into head and closed
        return 0
