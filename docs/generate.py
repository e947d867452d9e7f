"""Pages the docs build writes from the data and the model: one per report, and the data dictionary."""

from __future__ import annotations

import inspect
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
            lines += ["| id | status | stage | households | persons | part of | quotes |",
                      "| --- | --- | --- | --- | --- | --- | --- |"]  # fmt: skip
            for r in rows:
                lines.append(f"| {_cell(r['id'].split('/')[1])} | {r['status']} | {_stage(ds, r['id'])} | "
                             f"{_cell(r['households_value'])} | {_cell(r['persons_value'])} | {_wholes(ds, r['id'])} | "
                             f"{_cell(' '.join(q for q in (r['households_quote'], r['persons_quote']) if q))} |")  # fmt: skip
        else:
            what = "purpose" if kind == "funds" else "name_en"
            lines += [
                "| id | what | stage | value | unit | part of | quote |",
                "| --- | --- | --- | --- | --- | --- | --- |",
            ]
            for r in rows:
                value = r["value"] if r["value"] is not None else f"{r['low']}–{r['high']}"
                unit = r["unit"] + (f" per {r['per']}" if r["per"] else "")
                lines.append(
                    f"| {_cell(r['id'].split('/')[1])} | {_cell(r[what])} | {_stage(ds, r['id'])} | {_cell(value)} | "
                    f"{unit} | {_wholes(ds, r['id'])} | {_cell(r['quote'])} |"
                )
        lines.append("")
    lines += ["## Money by stage", "", "The report's funds added up with `total()` (rates left out, each part counted "
              "once, within its whole):", "", "| stage | total |", "| --- | --- |"]  # fmt: skip
    money = ds.funds.where(report=report.id).filter(lambda f: not f.amount.per)
    for name, stage in (("planned", "planned"), ("underway", "underway"), ("done", "done"), ("not stated", (None,))):
        chosen = money.where(stage=stage)
        try:
            shown = pv.format(chosen.total(), locale="en") if chosen else "none stated"
        except ValueError as error:
            shown = f"not added up: {error}"
        lines.append(f"| {name} | {_cell(shown)} |")
    lines.append("")
    results = [c for c in ds.check() if c.check.report == report.id]
    lines += [f"## Checks ({len(results)})", ""]
    lines += [
        f"- {'holds' if c.holds else '**does not hold**'}: `{c.check.id.split('/')[1]}`"
        f"{' (derived from `part_of`)' if c.derived else ''}: {c.explanation}"
        for c in results
    ]
    errata = ds.errata.where(report=report.id)
    lines += ["", f"## Errata ({len(errata)})", ""]
    lines += [f"- `{e.id.split('/')[1]}` ({e.kind}): {e.note}" for e in errata]
    return "\n".join(lines) + "\n"


def _stage(ds: pv.Dataset, id: str) -> str:
    return _cell(ds[id].stage or "")


def _wholes(ds: pv.Dataset, id: str) -> str:
    return _cell(", ".join(f"`{w.split('/')[1]}`" for w in ds[id].part_of))


def _type_name(hint: object) -> str:
    """A field's type as a reader writes it: ``Figure | None``, ``tuple[Span, ...]``, ``'done' | None``."""
    origin = typing.get_origin(hint)
    if origin is typing.Union:
        return " | ".join(_type_name(arg) for arg in typing.get_args(hint))
    if origin is typing.Literal:
        return " | ".join(repr(arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return "None"
    text = hint.__name__ if isinstance(hint, type) else str(hint)
    return re.sub(r"\b(?:povertydata\.[\w.]+|decimal|datetime)\.", "", text)


def _markdown(text: str) -> str:
    """Docstring markup as Markdown: ``code`` and :role:`name` become `code`."""
    return re.sub(r":\w+:`~?([^`]+)`", r"`\1`", text.replace("``", "`"))


def _attribute_docs(cls: type) -> dict[str, str]:
    """The ``Attributes:`` entries of a class's docstring and its bases', by field name."""
    found: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        doc = inspect.cleandoc(klass.__doc__ or "")
        section = re.search(r"^Attributes:\n((?:[ \t]+.*\n?|\n)*)", doc, re.MULTILINE)
        if section is None:
            continue
        name = None
        for line in section.group(1).splitlines():
            entry = re.match(r"^\s{4}(\w+): (.*)", line)
            if entry:
                name, text = entry.groups()
                found[name] = text
            elif name is not None and line.strip():
                found[name] += " " + line.strip()
    return found


def data_dictionary() -> str:
    """Every record type and field, and every vocabulary with the meaning of each key, from the model."""
    lines = ["# Data dictionary", "", "Every record type and its fields, as the model defines them, and the "
             "vocabularies their fields take. See [the data format](../data-format.md) for the files and for "
             "how `part_of` and `stage` are read.", ""]  # fmt: skip
    where: dict[str, list[str]] = {}
    for cls in (pv.Report, pv.Region, pv.Category, pv.Program, pv.Fund, pv.HouseholdCohort, pv.Indicator, pv.Erratum,
                pv.Check, pv.Exclusion, pv.Span, pv.Figure):  # fmt: skip
        doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        hints = typing.get_type_hints(cls)
        meanings = _attribute_docs(cls)
        lines += [
            f"## {cls.__name__}",
            "",
            doc,
            "",
            "| field | type | default | meaning |",
            "| --- | --- | --- | --- |",
        ]
        for a in attrs.fields(cls):
            default = "required" if a.default is attrs.NOTHING else repr(a.default)
            vocabulary = _vocabulary_of(a)
            meaning = _markdown(meanings.get(a.name, ""))
            if vocabulary is not None:
                name = next(k for k, v in model.VOCABULARIES.items() if v is vocabulary)
                where.setdefault(name, []).append(f"`{cls.__name__}.{a.name}`")
                link = f"[`{name}`](#{name.lower()})"
                meaning = (
                    meaning.replace(f"`{name}`", link) if f"`{name}`" in meaning else f"{meaning} ({link})".strip()
                )
            lines.append(
                f"| `{a.name}` | `{_cell(_type_name(hints.get(a.name, a.type)))}` | {_cell(default)} | {_cell(meaning)} |"
            )
        lines.append("")
    lines += ["## Vocabularies", "", "Every key a field may take, with its meaning (`povertydata.model`).", ""]
    for name, vocabulary in model.VOCABULARIES.items():
        used = ", ".join(where.get(name, [])) or "no field"
        lines += [f"### {name}", "", f"The {vocabulary.name}s, for {used}.", "", "| key | meaning |", "| --- | --- |"]
        lines += [f"| `{key}` | {_cell(meaning)} |" for key, meaning in vocabulary.items()]
        lines.append("")
    return "\n".join(lines) + "\n"


def _vocabulary_of(attribute: attrs.Attribute[object]) -> model.Vocabulary | None:
    validator = attribute.validator
    for candidate in (validator, getattr(validator, "validator", None)):
        options = getattr(candidate, "options", None)
        if isinstance(options, model.Vocabulary):
            return options
    return None


def write(folder: Path) -> None:
    """Write the generated pages into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    ds = pv.load()
    for report in ds.reports:
        (folder / f"report-{report.id}.md").write_text(report_page(ds, report), encoding="utf-8")
    (folder / "data-dictionary.md").write_text(data_dictionary(), encoding="utf-8")
