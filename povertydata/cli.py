r"""The command line: ``python -m povertydata`` or ``povertydata``.

::

    povertydata                      summary of the bundled dataset
    povertydata reports              the reports, one a line
    povertydata show REPORT          a report's records, each with its quote
    povertydata records [filters]    records as a table, CSV, JSON or JSON lines
    povertydata parse EXPR           one figure, in both locales
    povertydata extract FILE|DIR|-   every figure of any text, as JSON lines (--jobs N)
    povertydata check                every declared check with its numbers
    povertydata export -o DIR        every table as CSV, JSON, a data package or Parquet
    povertydata draft TEXT -o DIR    a report of one's own drafted (--id, --region, --period)
    povertydata data validate DIR    every problem of a data folder at once
    povertydata data settle DIR      completed provisional records into their sections
    povertydata data anchor DIR      the offsets of quotes written without them
    povertydata data fmt [DIR]       the data files of a folder in canonical layout (--check)
    povertydata --version

Every command that writes takes ``-o FILE`` (a folder for ``export``); the file is written
whole or not at all. A mistake in the command line or the input, or a fault in writing the
output, is one line on standard error that says what and where, and the exit status says
which:

======  =====================================================================================
status  meaning
======  =====================================================================================
0       done
1       bad input or data: an expression that does not parse, a file that cannot be read or
        is not UTF-8, a bad record with ``--on-error fail``, damaged package data
2       usage: a wrong command line, or a report, region, programme, category, period or
        field that names nothing in the data (a filter that names something but matches
        nothing is no error: it prints ``(no records)``)
3       done, but some inputs were skipped (``extract --on-error skip``, the default), each
        reported on standard error; when nothing could be read at all, the status is 1
4       the output cannot be written: a folder that does not exist or is a file, no
        permission, a full disk
130     interrupted (Ctrl-C); worker processes are ended too
======  =====================================================================================

Output closed early by its reader (``| head``) ends quietly with status 0. Where standard
output cannot encode Chinese (``PYTHONIOENCODING=ascii``), JSON is written with ``\u``
escapes and other text with backslash escapes, and a notice goes to standard error.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import difflib
import json
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from povertydata._cli_errors import EXIT, CommandError, InputError, OutputError, UsageError
from povertydata._cli_output import Output, dumps, figure_json, record_json, table
from povertydata.errors import DataError, ParseError
from povertydata.model import FIGURE_SECTIONS

__all__ = ["main"]

KINDS = FIGURE_SECTIONS

# The error classes commands raise (kept under these names for the commands' modules).
_UsageError = UsageError
_InputError = InputError
_OutputError = OutputError


def _figure_text(figure: Any) -> str:
    from povertydata.formatting import format

    return "" if figure is None else format(figure)


def _rows(kind: str, records: Sequence[Any]) -> list[dict[str, str]]:
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


# --------------------------------------------------------------------------- selection

_PERIOD = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?")
_NOT_FILTERS = frozenset({"spans", "part_of"})


def _unknown(what: str, name: str, known: Sequence[str], hint: str = "") -> NoReturn:
    close = difflib.get_close_matches(name, known, n=3)
    if close:
        hint = f"did you mean {' or '.join(repr(c) for c in close)}?"
    elif not hint and len(known) <= 12:
        hint = f"choose one of {', '.join(known)}"
    raise UsageError(f"no {what} {name!r}" + (f": {hint}" if hint else ""))


def _region_id(ds: Any, name: str) -> str:
    """A region by its id or code, or by its English (any case) or Chinese name.

    A name may be the start of the full one, as people say it: Haixi, 海西, Qinghai.
    """
    if name in ds.regions.ids:
        return name
    folded = name.casefold()
    found = [r for r in ds.regions if name in (r.code, r.name_zh) or folded == r.name_en.casefold()]
    if not found:
        found = [r for r in ds.regions if r.name_zh.startswith(name) or r.name_en.casefold().startswith(folded + " ")]
    if len(found) > 1:
        raise UsageError(
            f"region {name!r} names several regions: {', '.join(f'{r.id} ({r.name_en})' for r in found)}; give an id"
        )
    if found:
        return str(found[0].id)
    names = [*ds.regions.ids, *(r.name_en for r in ds.regions), *(r.name_zh for r in ds.regions)]
    _unknown("region", name, names, "give a GB/T 2260 code, or a region's English or Chinese name")


def _filters(ds: Any, args: argparse.Namespace, kinds: Sequence[str]) -> dict[str, str | None]:
    """The filters of the command line, each checked to name something in the data."""
    chosen: dict[str, str | None] = {}
    if args.report is not None:
        if args.report not in ds.reports.ids:
            _unknown("report", args.report, ds.reports.ids, "run 'povertydata reports' to list them")
        chosen["report"] = args.report
    if args.region is not None:
        chosen["region"] = _region_id(ds, args.region)
    if args.program is not None:
        if args.program not in ds.programs.ids:
            _unknown("programme", args.program, ds.programs.ids, "the programmes are in 'povertydata export'")
        chosen["program"] = args.program
    if args.category is not None:
        keys = [c.key for c in ds.categories]
        if args.category not in keys:
            _unknown("category", args.category, keys)
        chosen["category"] = args.category
    if args.period is not None:
        chosen["period"] = _period(ds, args.period)
    return chosen


def _period(ds: Any, period: str) -> str:
    from povertydata.model import period_years

    if not _PERIOD.fullmatch(period):
        raise UsageError(f"--period {period!r} is not an ISO 8601 year or interval (2016, 2015/2017, 2017-01/2017-09)")
    years = [y for r in ds.records() if (y := period_years(r.period)) is not None]
    first, last = min(y[0] for y in years), max(y[1] for y in years)
    wanted = period_years(period)
    assert wanted is not None
    if wanted[0] > wanted[1]:
        raise UsageError(f"--period {period!r} ends before it starts")
    if wanted[1] < first or wanted[0] > last:
        raise UsageError(f"no record's period overlaps {period}: the records cover {first}–{last}")
    return period


def _wheres(ds: Any, args: argparse.Namespace, kinds: Sequence[str]) -> list[tuple[str, str]]:
    """``--where FIELD=VALUE`` pairs, each field one that every chosen kind has."""
    import attrs

    from povertydata.catalog import FIGURE_FIELDS

    pairs = []
    for spec in args.where or ():
        field, sep, value = spec.partition("=")
        if not sep or not field:
            raise UsageError(f"--where {spec!r}: write it as FIELD=VALUE (status=relocated)")
        have = {}
        for kind in kinds:
            cls = type(getattr(ds, kind)[0])
            have[kind] = [a.name for a in attrs.fields(cls) if a.name not in (*FIGURE_FIELDS[cls], *_NOT_FILTERS)]
        if not any(field in names for names in have.values()):
            every = sorted({n for names in have.values() for n in names})
            _unknown("field", field, every, f"the fields are {', '.join(every)}")
        lacking = [kind for kind in kinds if field not in have[kind]]
        if lacking:
            owners = [kind for kind in kinds if field in have[kind]]
            raise UsageError(f"{lacking[0]} have no field {field!r}: choose --kind {owners[0]}")
        for kind in kinds:
            values = sorted({_text(getattr(r, field)) for r in getattr(ds, kind)})
            if value not in values:
                listed = f": the values are {', '.join(v or '(none)' for v in values)}" if len(values) <= 30 else ""
                raise UsageError(f"no {kind} with {field} {value!r}{listed}")
        pairs.append((field, value))
    return pairs


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _selected(args: argparse.Namespace) -> list[tuple[str, Any]]:
    from povertydata.catalog import load

    ds = load()
    kinds = args.kind or KINDS
    filters = _filters(ds, args, kinds)
    wheres = _wheres(ds, args, kinds)
    chosen: list[tuple[str, Any]] = []
    for kind in kinds:
        records = getattr(ds, kind).where(**filters)
        chosen.extend((kind, r) for r in records if all(_text(getattr(r, f)) == v for f, v in wheres))
    return chosen


# --------------------------------------------------------------------------- commands


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
    derived = sum(r.derived for r in results)
    print(
        f"checks: {len(results) - derived} declared, {derived} derived from part_of; "
        f"{sum(r.holds for r in results)} hold, {sum(not r.holds for r in results)} do not",
        file=out,
    )
    print(file=out)
    # Every report's money through total(): a part counted once, inside its whole, and a
    # plan never added to a result. Rates are left out: they are no amounts.
    print("money per report and stage (funds, rates left out, each part counted once within its whole):", file=out)
    stages: list[tuple[str, Any]] = [("planned", "planned"), ("underway", "underway"), ("done", "done"),
                                     ("not stated", (None,))]  # fmt: skip
    rows: list[dict[str, str]] = []
    refused: list[str] = []
    for report in ds.reports:
        funds = ds.funds.where(report=report.id).filter(lambda f: not f.amount.per)
        row = {"report": report.id, "region": ds.regions.get(report.region).name_en}
        for name, stage in stages:
            chosen = funds.where(stage=stage)
            if not chosen:
                row[name] = "-"
                continue
            try:
                row[name] = format(chosen.total(), locale="en", digits=4)
            except ValueError as error:
                row[name] = "?"
                refused.append(f"  {report.id}, {name}: {error}")
        rows.append(row)
    table(rows, out)
    for line in refused:
        print(line, file=out)
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
    if args.report not in ds.reports.ids:
        _unknown("report", args.report, ds.reports.ids, "run 'povertydata reports' to list them")
    report = ds.reports.get(args.report)
    print(f"{report.id}: {report.title} ({report.title_en})", file=out)
    print(file=out)
    rows = []
    for kind in KINDS:
        rows.extend(_rows(kind, getattr(ds, kind).where(report=report.id)))
    table(rows, out)
    return 0


def _cmd_records(args: argparse.Namespace, out: TextIO) -> int:
    chosen = _selected(args)
    if args.format == "table":
        table([row for kind, r in chosen for row in _rows(kind, [r])], out)
    elif args.format == "csv":
        _records_csv(args.kind or KINDS, chosen, out)
    else:
        items = [{"table": kind, **record_json(r)} for kind, r in chosen]
        if args.format == "json":
            print(dumps(items, ascii=args.ascii, indent=2), file=out)
        else:
            for item in items:
                print(dumps(item, ascii=args.ascii), file=out)
    return 0


def _records_csv(kinds: Sequence[str], chosen: list[tuple[str, Any]], out: TextIO) -> None:
    """The export's columns (exact values, units, provenance), after a ``table`` column.

    For several kinds, every kind's columns in turn, empty where a kind has none.
    """
    from povertydata.catalog import load
    from povertydata.exports import columns
    from povertydata.exports import table as export_rows

    names = ["table"]
    for kind in kinds:
        names.extend(c for c, _ in columns(kind) if c not in names)
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n", restval="")
    writer.writeheader()
    ds = load()
    for kind in kinds:
        records = [r for k, r in chosen if k == kind]
        for row in export_rows(ds, kind, records):
            writer.writerow({"table": kind, **{k: _csv_cell(v) for k, v in row.items()}})


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    import decimal

    from povertydata.figures import parse
    from povertydata.formatting import format

    figure = parse(args.expr)
    print(dumps(figure_json(figure), ascii=args.ascii), file=out)
    # A figure may run to 120 digits: write it in a context that holds them all.
    with decimal.localcontext() as context:
        context.prec = 1000
        print(f"zh_CN: {format(figure, locale='zh_CN')}", file=out)
        print(f"en:    {format(figure, locale='en')}", file=out)
    return 0


def _cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    from povertydata import _cli_extract as ex

    if args.format == "parquet" and args.output in (None, "-"):
        raise UsageError("--format parquet writes a folder of Parquet files: give it with -o DIR")
    if args.input == "text" and (args.text_field != "text" or args.id_field is not None):
        raise UsageError("--text-field and --id-field are for --input jsonl")
    names = ex.text_files(args.files) if args.input == "text" else list(args.files)
    if args.input == "jsonl" and names.count("-") and len(names) > 1:
        raise UsageError("'-' (standard input) cannot be mixed with files")
    settings = ex.Settings(
        input=args.input,
        text_field=args.text_field,
        id_field=args.id_field,
        format=args.format,
        ascii=args.ascii,
        label=names != ["-"] or args.input == "jsonl",
    )
    # One file alone is read or not: skipping it would leave nothing.
    on_error = "fail" if args.input == "text" and len(names) == 1 else args.on_error
    unit = "files" if args.input == "text" else "records"
    total = len(names) if args.input == "text" else None
    shown = args.progress or (len(names) > 1 and sys.stderr.isatty() and not args.quiet)
    progress = _Progress(total, unit, enabled=shown)
    jobs = args.jobs if args.input == "jsonl" or len(names) > 1 else 1
    parts = ex.ParquetParts(args.output) if args.format == "parquet" else None
    read = skipped = 0
    try:
        with contextlib.closing(ex.run(ex.batches(names, settings, args.batch_size), settings, jobs)) as results:
            for result in results:
                for problem in result.problems:
                    if on_error == "fail":
                        raise InputError(problem)
                    progress.clear()
                    print(f"povertydata: {problem}; skipped", file=sys.stderr)
                if parts is not None:
                    parts.write(result.output)
                else:
                    out.writelines(result.output)
                    out.flush()  # a stream: each batch reaches the reader as soon as it is done
                read += result.documents
                skipped += len(result.problems)
                progress.step(result.documents + len(result.problems))
        if parts is not None:
            parts.close()
    except BaseException:
        if parts is not None:
            parts.abort()
        raise
    progress.done()
    if skipped:
        if not read:
            raise InputError(f"none of {skipped} {unit} could be read")
        print(f"povertydata: {skipped} of {read + skipped} {unit} skipped", file=sys.stderr)
        return 3
    return 0


class _Progress:
    """A one-line progress count on standard error, for long runs over many inputs."""

    def __init__(self, total: int | None, unit: str, *, enabled: bool) -> None:
        self.total = total
        self.unit = unit
        self.count = 0
        self.enabled = enabled
        self._shown = False

    def step(self, n: int = 1) -> None:
        before, self.count = self.count, self.count + n
        if not self.enabled:
            return
        every = max(1, (self.total or 100_000) // 100)
        if self.count == self.total or before // every != self.count // every:
            of = f"/{self.total}" if self.total is not None else ""
            print(f"\rpovertydata extract: {self.count}{of} {self.unit}", end="", file=sys.stderr, flush=True)
            self._shown = True

    def clear(self) -> None:
        if self._shown:
            print(file=sys.stderr)
            self._shown = False

    def done(self) -> None:
        self.clear()


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from povertydata.catalog import load

    folder = args.output if args.output not in (None, "-") else args.to
    if folder is None:
        raise UsageError("export needs a folder to write into: -o DIR")
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: cannot write: it is a file, not a folder")
    try:
        written = load().export(target, args.format)
    except ImportError as error:
        raise InputError(str(error)) from None
    except OSError as error:
        where = error.filename or target
        raise OutputError(f"{where}: cannot write: {error.strerror or error}") from None
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


def _cmd_draft(args: argparse.Namespace, out: TextIO) -> int:
    from povertydata import authoring

    try:
        path = authoring.draft(args.text, id=args.id, region=args.region, period=args.period, out=args.output)
    except DataError:
        raise
    except ValueError as error:
        raise UsageError(str(error)) from None
    data = json.loads(path.read_text(encoding="utf-8"))
    print(f"{path}: {len(data.get('provisional', []))} provisional records, {len(data['exclusions'])} exclusions",
          file=out)  # fmt: skip
    print(f"next: complete them, then 'povertydata data validate {args.output}'", file=out)
    return 0


def _cmd_data(args: argparse.Namespace, out: TextIO) -> int:
    from povertydata import authoring

    if args.action == "validate":
        found = authoring.validate(args.folder, alone=args.alone)
        for problem in found:
            print(problem, file=out)
        print(f"{args.folder}: {len(found)} problem{'s' if len(found) != 1 else ''}" if found else
              f"{args.folder}: ready to load", file=out)  # fmt: skip
        return 1 if found else 0
    if args.action == "settle":
        for record, section in authoring.settle(args.folder):
            print(f"{record} -> {section}", file=out)
        return 0
    if args.action == "anchor":
        for path, record, start, end in authoring.anchor(args.folder):
            print(f"{path}: {record}: [{start}, {end})", file=out)
        return 0
    changed = authoring.fmt(args.folder, check=args.check)
    for path in changed:
        print(f"{'would reformat' if args.check else 'reformatted'} {path}", file=out)
    return 1 if args.check and changed else 0


# --------------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors as one line that points at ``--help``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _version() -> str:
    from importlib.metadata import version

    return version("povertydata")


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    # -o on every command that writes; SUPPRESS keeps a subcommand's default from hiding
    # the value given before the command name.
    output = _Parser(add_help=False)
    output.add_argument(
        "-o", "--output", metavar="FILE", default=argparse.SUPPRESS, help="write to FILE instead of standard output"
    )
    parser = _Parser(
        prog="povertydata",
        description="China's 2015–2020 poverty-alleviation reports as exact, cited data.",
        epilog="Exit status: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT.items()) + ".",
    )
    parser.add_argument("--version", action="version", version=f"povertydata {_version()}")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.add_parser("summary", parents=[output], help="summary of the bundled dataset (the default)")
    sub.add_parser("reports", parents=[output], help="list the reports")
    show = sub.add_parser("show", parents=[output], help="a report's records, each with its quote")
    show.add_argument("report", help="a report id, from 'povertydata reports'")
    records = sub.add_parser("records", parents=[output], help="records, filtered, as a table, CSV, JSON or JSON lines")
    records.add_argument("--kind", action="append", choices=KINDS, help="record kind (repeatable; default all)")
    records.add_argument("--report", help="a report id")
    records.add_argument("--region", help="a region id or code, or its English or Chinese name (includes children)")
    records.add_argument("--program", help="a programme id")
    records.add_argument("--category", help="a programme category key")
    records.add_argument("--period", help="an ISO 8601 year or interval: records whose period overlaps it")
    records.add_argument(
        "--where", action="append", metavar="FIELD=VALUE", help="a field's value (status=relocated; repeatable)"
    )
    records.add_argument(
        "--format",
        choices=("table", "csv", "json", "jsonl"),
        default="table",
        help="csv has the export's exact value, unit and provenance columns",
    )
    p = sub.add_parser("parse", parents=[output], help="read one figure and write it in both locales")
    p.add_argument("expr", help="a quantity expression, e.g. 26.15亿元")
    x = sub.add_parser(
        "extract", parents=[output], help="every figure of texts, as JSON lines (with the file name or record id)"
    )
    x.add_argument(
        "files", nargs="+", metavar="FILE", help="UTF-8 text files, folders of .txt files, or - for standard input"
    )
    x.add_argument(
        "--input",
        choices=("text", "jsonl"),
        default="text",
        help="text: each file is one document; jsonl: each line is a JSON object holding one",
    )
    x.add_argument("--text-field", default="text", metavar="F", help="jsonl: the field holding the text")
    x.add_argument("--id-field", metavar="F", help="jsonl: the field holding an id (default: FILE:LINE)")
    x.add_argument("--jobs", "-j", type=_jobs, default=1, help="worker processes, 1 or more (default 1)")
    x.add_argument(
        "--on-error",
        choices=("skip", "fail"),
        default="skip",
        help="a file or record that cannot be read: report it and go on (exit status 3), or stop (status 1)",
    )
    x.add_argument(
        "--format",
        choices=("jsonl", "parquet"),
        default="jsonl",
        help="jsonl: one mention a line, nested figure; parquet: the flat, exact mention table, "
        "written in row groups to the folder of -o",
    )
    x.add_argument(
        "--batch-size",
        type=_jobs,
        default=500,
        metavar="N",
        help="jsonl: records per batch (and per Parquet row group); memory holds a few batches per job",
    )
    x.add_argument("--quiet", "-q", action="store_true", help="no progress count on standard error")
    x.add_argument("--progress", action="store_true", help="a progress count even when standard error is no terminal")
    e = sub.add_parser(
        "export", parents=[output], help="write every table as CSV, JSON, a Frictionless data package or Parquet"
    )
    e.add_argument("--format", choices=("csv", "json", "datapackage", "parquet"), default="csv")
    e.add_argument("--to", metavar="DIR", help="the folder to write into (the same as -o DIR)")
    sub.add_parser("check", parents=[output], help="evaluate every declared check")
    d = sub.add_parser("draft", help="draft a report file of one's own from a text, for a person to complete")
    d.add_argument("text", metavar="TEXT", help="the report's text, a UTF-8 file")
    d.add_argument("--id", required=True, help="the report id, e.g. duyun-2018")
    d.add_argument("--region", required=True, metavar="CODE", help="the region it reports on, e.g. 522701")
    d.add_argument("--period", metavar="P", help="the period it covers, an ISO 8601 year or interval (2018, 2016/2018)")
    d.add_argument("-o", "--output", required=True, metavar="DIR", help="the data folder to write into")
    data = sub.add_parser("data", help="tools for a folder of data files (reports/, seeds/, regions.json)")
    actions = data.add_subparsers(dest="action", metavar="ACTION", required=True)
    v = actions.add_parser("validate", help="every problem of a data folder at once (exit 1 if any)")
    v.add_argument("folder", metavar="DIR", help="the data folder")
    v.add_argument("--alone", action="store_true", help="a complete data folder, read without the bundled data")
    st = actions.add_parser("settle", help="move completed provisional records into their sections")
    st.add_argument("folder", metavar="DIR", help="the data folder")
    a = actions.add_parser("anchor", help="write the offsets of quotes written without them")
    a.add_argument("folder", metavar="DIR", help="the data folder")
    f = actions.add_parser("fmt", help="write every data file in the canonical order and layout")
    f.add_argument("folder", nargs="?", default=".", metavar="DIR", help="the data folder (default: here)")
    f.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is not canonical")
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
    "draft": _cmd_draft,
    "data": _cmd_data,
}


def _writes_a_folder(args: argparse.Namespace) -> bool:
    """Whether -o names a folder the command writes files into, not a file for what it prints."""
    return bool(args.command in ("export", "draft") or (args.command == "extract" and args.format == "parquet"))


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status.

    Output goes to ``out`` (default standard output) or to the file of ``-o``.
    """
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return stop.code if isinstance(stop.code, int) else 2
    path = None if _writes_a_folder(args) else args.output
    output = Output(path, out)
    try:
        with output.open() as stream:
            args.ascii = output.ascii
            return _COMMANDS[args.command](args, stream)
    except CommandError as error:
        print(f"povertydata: {error}", file=sys.stderr)
        return error.status
    except ParseError as error:
        print(f"povertydata: cannot read {error.text!r}: {error.reason} at position {error.position}", file=sys.stderr)
        return 1
    except DataError as error:
        print(f"povertydata: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("povertydata: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (head, less) stopped reading: not an error. Point standard output at
        # nothing so that the interpreter's last flush does not complain.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
