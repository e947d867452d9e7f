"""Pages the docs build writes from the data and the model: one per report, and the data dictionary."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import attrs

import povertydata as pv
from povertydata import model


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def report_page(ds: pv.Dataset, report: pv.Report) -> str:
    """A Markdown page of one report: its records with quotes, its checks and its errata."""
    region = ds.regions.get(report.region)
    lines = [f"# {report.title_en}", "", f"{report.title}", "",
             f"Report `{report.id}`, {region.name_en} ({region.name_zh}), period {report.period or 'not stated'}, "
             f"published {report.published or 'not stated'}{', by ' + report.publisher if report.publisher else ''}; "
             f"source text `seeds/{report.seed}`.", ""]  # fmt: skip
    for title, kind in (("Funds", "funds"), ("Household cohorts", "cohorts"), ("Indicators", "indicators")):
        rows = [r for r in ds.table(kind) if r["report"] == report.id]
        lines += [f"## {title} ({len(rows)})", ""]
        if not rows:
            lines += ["None stated.", ""]
            continue
        if kind == "cohorts":
            lines += ["| id | status | households | persons | quotes |", "| --- | --- | --- | --- | --- |"]
            for r in rows:
                lines.append(f"| {_cell(r['id'].split('/')[1])} | {r['status']} | {_cell(r['households_value'])} | "
                             f"{_cell(r['persons_value'])} | {_cell(' '.join(q for q in (r['households_quote'], r['persons_quote']) if q))} |")  # fmt: skip
        else:
            what = "purpose" if kind == "funds" else "name_en"
            lines += ["| id | what | value | unit | quote |", "| --- | --- | --- | --- | --- |"]
            for r in rows:
                value = r["value"] if r["value"] is not None else f"{r['low']}–{r['high']}"
                unit = r["unit"] + (f" per {r['per']}" if r["per"] else "")
                lines.append(f"| {_cell(r['id'].split('/')[1])} | {_cell(r[what])} | {_cell(value)} | {unit} | {_cell(r['quote'])} |")
        lines.append("")
    results = [c for c in ds.check() if c.check.report == report.id]
    lines += [f"## Checks ({len(results)})", ""]
    lines += [f"- {'holds' if c.holds else '**does not hold**'}: `{c.check.id.split('/')[1]}`: {c.explanation}" for c in results]
    errata = ds.errata.where(report=report.id)
    lines += ["", f"## Errata ({len(errata)})", ""]
    lines += [f"- `{e.id.split('/')[1]}` ({e.kind}): {e.note}" for e in errata]
    return "\n".join(lines) + "\n"


def _type_name(hint: object) -> str:
    """A field's type as a reader writes it: ``Figure | None``, ``tuple[Span, ...]``."""
    text = hint.__name__ if isinstance(hint, type) else str(hint)
    return re.sub(r"\b(?:povertydata\.[\w.]+|decimal|datetime)\.", "", text)


def data_dictionary() -> str:
    """Every record type and field, from the model's classes."""
    lines = ["# Data dictionary", "", "Every record type and its fields, as the model defines them. "
             "See [the data format](../data-format.md) for the files.", ""]  # fmt: skip
    for cls in (pv.Report, pv.Region, pv.Category, pv.Program, pv.Fund, pv.HouseholdCohort, pv.Indicator, pv.Erratum,
                pv.Check, pv.Exclusion, pv.Span, pv.Figure):  # fmt: skip
        doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        hints = typing.get_type_hints(cls)
        lines += [f"## {cls.__name__}", "", doc, "", "| field | type | default |", "| --- | --- | --- |"]
        for a in attrs.fields(cls):
            default = "required" if a.default is attrs.NOTHING else repr(a.default)
            lines.append(f"| `{a.name}` | `{_cell(_type_name(hints.get(a.name, a.type)))}` | {_cell(default)} |")
        lines.append("")
    lines += ["## Vocabularies", ""]
    for name in ("REGION_LEVELS", "FUND_SOURCES", "FUND_KINDS", "COHORT_STATUSES", "ERRATUM_KINDS", "CHECK_KINDS"):
        lines.append(f"- `{name}`: {', '.join(f'`{v}`' for v in sorted(getattr(model, name)))}")
    return "\n".join(lines) + "\n"


def write(folder: Path) -> None:
    """Write the generated pages into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    ds = pv.load()
    for report in ds.reports:
        (folder / f"report-{report.id}.md").write_text(report_page(ds, report), encoding="utf-8")
    (folder / "data-dictionary.md").write_text(data_dictionary(), encoding="utf-8")
