"""What every export says about itself: keys, vocabularies, licences, versions, citation.

One place for the references the loader enforces (as primary and foreign keys), the
words each coded column may hold (as enum constraints, from the model's and the figures'
vocabularies), the licence of each table, the data's version and the citation. The
Frictionless data package and the Parquet files' metadata are both written from it.
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib.metadata import version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from povertydata.catalog import Dataset

__all__ = [
    "CODE_LICENSE",
    "SOURCE_LICENSE",
    "citation",
    "data_version",
    "datapackage",
    "enums",
    "file_metadata",
    "foreign_keys",
    "license_of",
    "patterns",
    "primary_key",
]

#: The code and the transcription (the records, the tables).
CODE_LICENSE = {
    "name": "MIT",
    "path": "https://opensource.org/licenses/MIT",
    "title": "MIT License: the code and the transcription (the records and every table)",
}
#: The source texts, included unchanged so that every record can cite them.
SOURCE_LICENSE = {
    "name": "LicenseRef-publishers-terms",
    "title": "The publishers' terms: the source texts are reports published by Chinese local governments "
    "and news outlets, included unchanged so that every record can cite them; they are not under the MIT License",
}

_TITLE = "povertydata: China's 2015–2020 targeted poverty-alleviation reports as exact, cited data"

# Each table's key, and the references the loader checks, as (columns, table, columns); a
# composite key also holds "in the same report" where the loader requires it.
_PRIMARY = {
    "categories": ["key"],
    "sources": ["seed"],
    "parts": ["part", "whole"],
    "check_operands": ["check", "role", "position"],
}
_FIGURED = [(["report"], "reports", ["id"]), (["region"], "regions", ["id"]), (["program"], "programs", ["id"])]
_FOREIGN: dict[str, list[tuple[list[str], str, list[str]]]] = {
    "reports": [(["region"], "regions", ["id"]), (["seed"], "sources", ["seed"])],
    "regions": [(["parent"], "", ["id"])],  # "" is the table itself
    "programs": [(["report"], "reports", ["id"]), (["region"], "regions", ["id"]), (["category"], "categories", ["key"])],
    "funds": _FIGURED,
    "cohorts": _FIGURED,
    "indicators": _FIGURED,
    "errata": [(["report"], "reports", ["id"])],
    "checks": [(["report"], "reports", ["id"]), (["erratum"], "errata", ["id"])],
    "sources": [(["report"], "reports", ["id"])],
    "figure_records": [(["report"], "reports", ["id"])],
    "parts": [(["part", "report"], "figure_records", ["id", "report"]),
              (["whole", "report"], "figure_records", ["id", "report"])],
    "check_operands": [(["check"], "checks", ["id"]), (["record"], "figure_records", ["id"])],
}  # fmt: skip


def primary_key(kind: str) -> list[str]:
    """The columns that identify a row of the table."""
    return list(_PRIMARY.get(kind, ["id"]))


def foreign_keys(kind: str) -> list[dict[str, Any]]:
    """The table's references, in the Frictionless form (``{"fields", "reference"}``)."""
    return [{"fields": list(columns), "reference": {"resource": table, "fields": list(target)}}
            for columns, table, target in _FOREIGN.get(kind, [])]  # fmt: skip


def enums(kind: str, names: list[str]) -> dict[str, list[str]]:
    """The words each coded column of the table may hold, from the one vocabulary of each."""
    from povertydata import model
    from povertydata.figures import QUALIFIERS, UNITS

    fixed = {
        ("funds", "kind"): model.FUND_KINDS,
        ("funds", "source"): model.FUND_SOURCES,
        ("cohorts", "status"): model.COHORT_STATUSES,
        ("regions", "level"): model.REGION_LEVELS,
        ("errata", "kind"): model.ERRATUM_KINDS,
        ("checks", "kind"): model.CHECK_KINDS,
        ("figure_records", "table"): model.FIGURE_SECTIONS,
        ("check_operands", "role"): ("operand", "result"),
        ("check_operands", "field"): sorted({f for fields in model.FIGURE_FIELDS.values() for f in fields}),
    }
    out: dict[str, list[str]] = {}
    for name in names:
        words: Any = fixed.get((kind, name))
        if words is None and (name == "unit" or name.endswith("_unit")):
            words = UNITS
        elif words is None and (name == "qualifier" or name.endswith("_qualifier")):
            words = QUALIFIERS
        elif words is None and name == "stage":
            words = model.STAGES
        if words is not None:
            out[name] = list(words) if isinstance(words, (tuple, list)) else sorted(words)
    return out


def patterns(kind: str, names: list[str]) -> dict[str, str]:
    """Regular expressions for coded columns with no fixed list: a rate's denominators."""
    from povertydata.units import PER_UNITS

    key = "|".join(re.escape(k) for k in sorted(PER_UNITS))
    return {name: f"^(?:{key})(?:/(?:{key}))*$" for name in names if name == "per" or name.endswith("_per")}


def license_of(kind: str) -> dict[str, str]:
    """The licence of a table: the source texts' publishers' terms, or MIT."""
    return SOURCE_LICENSE if kind == "sources" else CODE_LICENSE


def citation() -> str:
    """How to cite the data, with the package version; cite the source reports too."""
    return (
        f"The povertydata developers. {_TITLE}. Version {version('povertydata')}. "
        "Please cite the source reports the records quote as well (CITATION.cff lists them)."
    )


def data_version(ds: Dataset) -> str:
    """A digest of every table's content (``sha256:…``): equal data, equal version.

    The package version names the code; this names the data, so that two exports, or an
    export and a re-run, can be told apart or matched.
    """
    from povertydata.exports import TABLES, table

    digest = hashlib.sha256()
    for kind in TABLES:
        digest.update(json.dumps([kind, table(ds, kind)], ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return "sha256:" + digest.hexdigest()


def file_metadata(kind: str, data: str) -> dict[bytes, bytes]:
    """The key/value metadata of one exported file: versions, its licence, the citation."""
    licence = license_of(kind)
    return {
        b"povertydata.version": version("povertydata").encode(),
        b"povertydata.data_version": data.encode(),
        b"povertydata.license": f"{licence['name']}: {licence['title']}".encode(),
        b"povertydata.citation": citation().encode(),
    }


_FRICTIONLESS_TYPES = {
    "string": "string",
    "decimal": "number",
    "integer": "integer",
    "date": "date",
    "boolean": "boolean",
}


def datapackage(ds: Dataset, tables: dict[str, tuple[list[tuple[str, str]], dict[str, str]]]) -> dict[str, Any]:
    """The Frictionless descriptor of an export: ``tables`` maps each table to its columns and descriptions."""
    from importlib.metadata import version

    from povertydata.sources import seed_text

    resources: list[dict[str, Any]] = []
    for kind, (columns, descriptions) in tables.items():
        names = [c for c, _ in columns]
        vocabulary, shapes = enums(kind, names), patterns(kind, names)
        fields = []
        for c, t in columns:
            field: dict[str, Any] = {"name": c, "type": _FRICTIONLESS_TYPES[t], "description": descriptions.get(c, c)}
            constraints: dict[str, Any] = {}
            if c in vocabulary:
                constraints["enum"] = vocabulary[c]
            if c in shapes:
                constraints["pattern"] = shapes[c]
            if c in primary_key(kind):
                constraints["required"] = True
            if constraints:
                field["constraints"] = constraints
            fields.append(field)
        schema: dict[str, Any] = {"fields": fields, "primaryKey": primary_key(kind)}
        if foreign_keys(kind):
            schema["foreignKeys"] = foreign_keys(kind)
        resources.append({
            "name": kind, "path": f"{kind}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "licenses": [license_of(kind)], "schema": schema,
        })  # fmt: skip
    for report in ds.reports:
        data = seed_text(report.seed).encode("utf-8")
        resources.append({
            "name": f"source-text-{report.id}", "path": f"seeds/{report.seed}", "format": "txt",
            "mediatype": "text/plain", "encoding": "utf-8", "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "title": f"{report.title} ({report.title_en})",
            "description": "The source text of the report, exactly as shipped: every span's offsets are code points of it",
            "licenses": [SOURCE_LICENSE],
        })  # fmt: skip
    return {
        "name": "povertydata",
        "title": "China's 2015–2020 targeted poverty-alleviation reports as exact, cited data",
        "version": version("povertydata"),
        "data_version": data_version(ds),
        "citation": citation(),
        "licenses": [CODE_LICENSE, SOURCE_LICENSE],
        "sources": [{"title": f"{r.title} ({r.title_en})", "path": f"seeds/{r.seed}"} for r in ds.reports],
        "resources": resources,
    }
