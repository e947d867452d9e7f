"""Exports: the records as flat tables, and the files a user expects.

    >>> import povertydata as pv
    >>> rows = pv.load().table("funds")
    >>> rows[0]["unit"], type(rows[0]["value"]).__name__
    ('CNY', 'str')

Every table keeps values exact (decimal strings in CSV and JSON, decimal columns in Arrow
and Parquet, ``decimal128(38, 10)`` for every figure whatever the data, ``(38, 12)`` for a
check's computed value) and carries its provenance (report, seed file, offsets, quote).
Records carry their region's names beside its code.

Beside the records' tables, an export holds ``sources`` (each source text, its SHA-256 and
its licence), ``figure_records`` (every record with figures: id, table, report), ``parts``
(each ``part_of`` link) and ``check_operands`` (every record a check names), so that every
reference the loader checks is a key: the data package declares them as foreign keys
(with enum constraints for every coded column, and each table's licence: MIT for the code
and the transcription, the publishers' terms for the source texts), and writes the
source texts themselves (``seeds/``); Parquet files carry the keys, the vocabularies,
their licence, the package and data versions (:func:`data_version`) and the citation in
their metadata.

CSV and JSON need nothing beyond the package; Arrow, Parquet and DataFrames need the
optional extras (``pip install 'povertydata[arrow]'``, ``[pandas]``, ``[polars]``,
``[pint]``), and say so when missing.
"""

from __future__ import annotations

import csv
import decimal
import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from povertydata._arrow import DECIMAL_SCALE, decimal_type, fit, need
from povertydata._figure import Figure
from povertydata.model import Category, Check, Erratum, Fund, HouseholdCohort, Indicator, Program, Region, Report

if TYPE_CHECKING:
    import pyarrow

    from povertydata.catalog import Dataset

__all__ = ["TABLES", "columns", "data_version", "scale", "table", "to_arrow", "to_frame", "write"]

Row = dict[str, Any]

#: The tables an export holds, in order: the records' tables, then the source texts and the
#: links that make every reference a key (the records with figures, their parts and
#: wholes, the records each check names).
TABLES = (
    "reports", "regions", "categories", "programs", "funds", "cohorts", "indicators", "errata", "checks",
    "sources", "figure_records", "parts", "check_operands",
)  # fmt: skip
# The tables of records held by a Dataset; the others are made from them.
_RECORD_TABLES = TABLES[:9]

_DESCRIPTIONS = {
    "id": "Record id: <report>/<slug>, or a region code",
    "report": "Id of the report the record comes from",
    "region": "Region id (GB/T 2260 code where one exists)",
    "region_zh": "The region's Chinese name",
    "region_en": "The region's official English name",
    "period": "Period the figure applies to (ISO 8601 year or interval)",
    "program": "Programme id",
    "part_of": "Ids of the records this figure is a part of, separated by spaces",
    "stage": "Where the figure stands: planned, underway or done (empty: not stated or mixed)",
    "value": "The figure, exact, in base units",
    "low": "Low end of a range, exact, in base units",
    "high": "High end of a range, exact, in base units",
    "unit": "Unit key (CNY, household, person, percent …)",
    "qualifier": "How the text hedges the figure (exact, approx, more_than …)",
    "per": "Rate denominators, joined with '/' (person/year)",
    "classifier": "Measure word as written (户, 人, 个 …)",
    "seed": "File name of the source text",
    "sha256": "SHA-256 of the source text's UTF-8 bytes, as shipped",
    "characters": "Length of the source text in code points (offsets count these)",
    "license": "The terms the text is under",
    "text": "The source text, exactly as shipped (offsets are code points of it)",
    "table": "The table that holds the record",
    "part": "Id of a record that is a part",
    "whole": "Id of the record it is a part of",
    "check": "Id of the check",
    "role": "operand or result",
    "position": "Position of the operand (0 first; 0 for the result)",
    "ref": "The reference as the check writes it: id or id#field",
    "record": "Id of the record the reference names",
    "field": "The figure field of the record it names",
    "start": "Offset (code points) of the quote in the source text",
    "end": "Offset one past the quote",
    "quote": "The figure as the source text writes it",
}


def _figure_columns(prefix: str) -> list[tuple[str, str]]:
    name = (lambda c: f"{prefix}_{c}") if prefix else (lambda c: c)
    return [(name("value"), "decimal"), (name("low"), "decimal"), (name("high"), "decimal"), (name("unit"), "string"),
            (name("qualifier"), "string"), (name("per"), "string"), (name("classifier"), "string"),
            (name("quote"), "string"), (name("start"), "integer"), (name("end"), "integer")]  # fmt: skip


_REGION = [("region", "string"), ("region_zh", "string"), ("region_en", "string")]
_COMMON = [
    ("id", "string"),
    ("report", "string"),
    *_REGION,
    ("period", "string"),
    ("program", "string"),
    ("part_of", "string"),
    ("stage", "string"),
]
_SCHEMAS: dict[str, list[tuple[str, str]]] = {
    "reports": [
        ("id", "string"),
        ("seed", "string"),
        ("title", "string"),
        ("title_en", "string"),
        ("published", "date"),
        ("publisher", "string"),
        *_REGION,
        ("period", "string"),
        ("language", "string"),
    ],
    "regions": [
        ("id", "string"),
        ("code", "string"),
        ("name_zh", "string"),
        ("name_en", "string"),
        ("level", "string"),
        ("parent", "string"),
    ],
    "categories": [
        ("key", "string"),
        ("name_zh", "string"),
        ("name_en", "string"),
        ("five_batches", "boolean"),
        ("description", "string"),
    ],
    "programs": [
        ("id", "string"),
        ("report", "string"),
        *_REGION,
        ("period", "string"),
        ("name_zh", "string"),
        ("name_en", "string"),
        ("category", "string"),
        ("note", "string"),
    ],
    "funds": [
        *_COMMON,
        ("kind", "string"),
        ("source", "string"),
        ("purpose", "string"),
        *_figure_columns(""),
        ("seed", "string"),
        ("note", "string"),
    ],
    "cohorts": [
        *_COMMON,
        ("status", "string"),
        *_figure_columns("households"),
        *_figure_columns("persons"),
        ("seed", "string"),
        ("note", "string"),
    ],
    "indicators": [
        *_COMMON,
        ("name_zh", "string"),
        ("name_en", "string"),
        *_figure_columns(""),
        ("seed", "string"),
        ("note", "string"),
    ],
    "errata": [("id", "string"), ("report", "string"), ("kind", "string"), ("note", "string"), ("quotes", "string")],
    "checks": [
        ("id", "string"),
        ("report", "string"),
        ("kind", "string"),
        ("operands", "string"),
        ("result", "string"),
        ("tolerance", "decimal"),
        ("holds", "boolean"),
        ("computed", "decimal"),
        ("stated", "decimal"),
        ("explanation", "string"),
        ("erratum", "string"),
    ],
    "sources": [
        ("seed", "string"),
        ("report", "string"),
        ("sha256", "string"),
        ("characters", "integer"),
        ("license", "string"),
        ("text", "string"),
    ],
    "figure_records": [("id", "string"), ("table", "string"), ("report", "string")],
    "parts": [("part", "string"), ("whole", "string"), ("report", "string")],
    "check_operands": [
        ("check", "string"),
        ("role", "string"),
        ("position", "integer"),
        ("ref", "string"),
        ("record", "string"),
        ("field", "string"),
    ],
}


def columns(kind: str) -> list[tuple[str, str]]:
    """The columns of a table and their types (``string``, ``decimal``, ``integer``, ``date``, ``boolean``)."""
    try:
        return list(_SCHEMAS[kind])
    except KeyError:
        raise ValueError(f"no table {kind!r}: choose one of {', '.join(TABLES)}") from None


# Digits after the point of each decimal column: fixed, so that a schema does not change
# with the data. A check's computed share or ratio may run to 50 digits: it is given to
# twelve places, rounded (the only rounded number in the tables, and documented so).
_SCALES = {"computed": 12}


def scale(name: str) -> int:
    """Digits after the point of a decimal column (``computed``: 12; every other: 10)."""
    return _SCALES.get(name, DECIMAL_SCALE)


def _places(value: Decimal) -> Decimal:
    context = decimal.Context(prec=400)  # the library's own, whatever the caller's
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -scale("computed"):
        return value
    return value.quantize(Decimal(f"1e-{scale('computed')}"), context=context).normalize(context)


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _figure(prefix: str, figure: Figure | None, record: Any, field: str) -> Row:
    name = (lambda c: f"{prefix}_{c}") if prefix else (lambda c: c)
    span = next((s for s in record.spans if s.field == field), None)
    if figure is None:
        return {name(c): None for c, _ in _figure_columns("")}
    return {
        name("value"): _decimal(figure.value),
        name("low"): _decimal(figure.low),
        name("high"): _decimal(figure.high),
        name("unit"): figure.unit,
        name("qualifier"): figure.qualifier,
        name("per"): "/".join(figure.per) or None,
        name("classifier"): figure.classifier,
        name("quote"): span.quote if span else None,
        name("start"): span.start if span else None,
        name("end"): span.end if span else None,
    }


def _region_names(ds: Dataset) -> dict[str, Row]:
    return {r.id: {"region_zh": r.name_zh, "region_en": r.name_en} for r in ds.regions}


def _row(record: Any, ds: Dataset, names: dict[str, Row]) -> Row:
    row = _fields(record, ds)
    if "region" in row:
        row.update(names.get(row["region"], {}))
    return row


def _fields(record: Any, ds: Dataset) -> Row:
    if isinstance(record, Fund):
        return {**_common(record), "kind": record.kind, "source": record.source, "purpose": record.purpose,
                **_figure("", record.amount, record, "amount"), "seed": _seed(record), "note": record.note}  # fmt: skip
    if isinstance(record, HouseholdCohort):
        return {**_common(record), "status": record.status,
                **_figure("households", record.households, record, "households"),
                **_figure("persons", record.persons, record, "persons"), "seed": _seed(record), "note": record.note}  # fmt: skip
    if isinstance(record, Indicator):
        return {**_common(record), "name_zh": record.name_zh, "name_en": record.name_en,
                **_figure("", record.value, record, "value"), "seed": _seed(record), "note": record.note}  # fmt: skip
    if isinstance(record, Program):
        return {"id": record.id, "report": record.report, "region": record.region, "period": record.period,
                "name_zh": record.name_zh, "name_en": record.name_en, "category": record.category, "note": record.note}  # fmt: skip
    if isinstance(record, Erratum):
        return {"id": record.id, "report": record.report, "kind": record.kind, "note": record.note,
                "quotes": " | ".join(s.quote for s in record.spans) or None}  # fmt: skip
    if isinstance(record, Check):
        from povertydata.checks import evaluate

        result = evaluate(record, ds.resolve)
        return {"id": record.id, "report": record.report, "kind": record.kind, "operands": " ".join(record.operands),
                "result": record.result, "tolerance": _decimal(record.tolerance), "holds": result.holds,
                "computed": _decimal(_places(result.computed)), "stated": _decimal(result.stated),
                "explanation": result.explanation, "erratum": record.erratum}  # fmt: skip
    if isinstance(record, (Report, Region, Category)):
        row = attrs.asdict(record)
        if isinstance(record, Report):
            row["published"] = record.published.isoformat() if record.published else None
        return row
    raise TypeError(f"no table for {type(record).__name__}")  # pragma: no cover


def _common(record: Fund | HouseholdCohort | Indicator) -> Row:
    return {"id": record.id, "report": record.report, "region": record.region, "period": record.period,
            "program": record.program, "part_of": " ".join(record.part_of) or None, "stage": record.stage}  # fmt: skip


def _seed(record: Fund | HouseholdCohort | Indicator) -> str | None:
    return record.spans[0].seed if record.spans else None


def table(ds: Dataset, kind: str, records: Iterable[Any] | None = None) -> list[Row]:
    """One flat row per record of ``kind`` (all of them, or the ``records`` given).

    Decimals are exact strings; columns follow :func:`columns`. The tables made from the
    records (``sources``, ``figure_records``, ``parts``, ``check_operands``) take no
    ``records``.
    """
    names = [c for c, _ in columns(kind)]
    if kind not in _RECORD_TABLES:
        if records is not None:
            raise ValueError(f"the {kind} table is made from the whole dataset: it takes no records")
        return [{c: row.get(c) for c in names} for row in _LINKS[kind](ds)]
    chosen = getattr(ds, kind) if records is None else records
    regions = _region_names(ds)
    return [{c: row.get(c) for c in names} for row in (_row(r, ds, regions) for r in chosen)]


def _sources(ds: Dataset) -> list[Row]:
    import hashlib

    from povertydata._provenance import license_of
    from povertydata.sources import seed_text

    rows = []
    for report in ds.reports:
        text = seed_text(report.seed)
        rows.append({"seed": report.seed, "report": report.id, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                     "characters": len(text), "license": license_of("sources")["title"], "text": text})  # fmt: skip
    return rows


def _figure_records(ds: Dataset) -> list[Row]:
    return [{"id": r.id, "table": kind, "report": r.report} for kind in _FIGURES_OF for r in getattr(ds, kind)]


def _parts(ds: Dataset) -> list[Row]:
    return [{"part": r.id, "whole": whole, "report": r.report} for r in ds.records() for whole in r.part_of]


def _check_operands(ds: Dataset) -> list[Row]:
    from povertydata.model import FIGURE_FIELDS

    rows = []
    for check in ds.checks:
        refs = [("operand", i, ref) for i, ref in enumerate(check.operands)] + [("result", 0, check.result)]
        for role, position, ref in refs:
            rid, _, field = ref.partition("#")
            if not field:  # the record's one figure, as the loader resolves it
                record = ds[rid]
                field = next(f for f in FIGURE_FIELDS[type(record)] if getattr(record, f) is not None)
            rows.append({"check": check.id, "role": role, "position": position, "ref": ref, "record": rid,
                         "field": field})  # fmt: skip
    return rows


_LINKS = {"sources": _sources, "figure_records": _figure_records, "parts": _parts, "check_operands": _check_operands}


def to_arrow(ds: Dataset, kind: str, records: Iterable[Any] | None = None, *, exact: bool = True) -> pyarrow.Table:
    """One Arrow table of ``kind`` (all of it, or the ``records`` given).

    Decimal columns are ``decimal128(38, 10)`` (``computed``: ``(38, 12)``) whatever the
    data, ``float64`` with ``exact=False``; every field carries its description.

    Raises:
        ImportError: naming the extra to install when pyarrow is missing.
        ValueError: for a value a decimal column cannot hold exactly, naming the record
            (never for the package's data; a test holds this).

    """
    from povertydata._provenance import enums, patterns

    pa = need("pyarrow", "arrow")
    rows = table(ds, kind, records)
    names = [c for c, _ in columns(kind)]
    vocabulary, shapes = enums(kind, names), patterns(kind, names)
    fields = []
    arrays = []
    for name, kind_ in columns(kind):
        values = [r[name] for r in rows]
        if kind_ == "decimal":
            decimals = [None if v is None else Decimal(v) for v in values]
            if exact:
                typ = decimal_type(scale(name))
                held = [fit(d, scale(name)) for d in decimals]
                for row, d, h in zip(rows, decimals, held, strict=True):
                    if d is not None and h is None:
                        raise ValueError(f"{kind} {row.get('id')!r}: {name} {d} does not fit {typ} exactly")
                arrays.append(pa.array(held, type=typ))
            else:
                typ = pa.float64()
                arrays.append(pa.array([None if d is None else float(d) for d in decimals], type=typ))
        elif kind_ == "integer":
            typ = pa.int64()
            arrays.append(pa.array(values, type=typ))
        elif kind_ == "boolean":
            typ = pa.bool_()
            arrays.append(pa.array(values, type=typ))
        elif kind_ == "date":
            import datetime as dt

            typ = pa.date32()
            arrays.append(pa.array([None if v is None else dt.date.fromisoformat(v) for v in values], type=typ))
        else:
            typ = pa.string()
            arrays.append(pa.array(values, type=typ))
        meta = {"description": _DESCRIPTIONS.get(name, name)}
        if name in vocabulary:
            meta["enum"] = json.dumps(vocabulary[name], ensure_ascii=False)
        if name in shapes:
            meta["pattern"] = shapes[name]
        fields.append(pa.field(name, typ, metadata=meta))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=_table_metadata(kind)))


def _table_metadata(kind: str) -> dict[str, str]:
    from povertydata._provenance import foreign_keys, primary_key

    return {
        "povertydata.table": kind,
        "povertydata.primary_key": json.dumps(primary_key(kind)),
        "povertydata.foreign_keys": json.dumps(foreign_keys(kind), ensure_ascii=False),
    }


_ENGINES = ("pandas", "polars")
_UNITS = (None, "pint")


def to_frame(
    ds: Dataset,
    kind: str,
    engine: str = "pandas",
    records: Iterable[Any] | None = None,
    *,
    exact: bool = True,
    units: str | None = None,
) -> Any:
    """A DataFrame of one table (all of it, or the ``records`` given), through Arrow.

    ``engine="pandas"`` or ``"polars"``. Exact by default (pandas gets ``decimal.Decimal``
    objects, polars ``Decimal`` columns); ``exact=False`` gives floats, for plotting.
    ``units="pint"`` (pandas only) turns each figure's value column into a pint-pandas
    column in its unit, with exact magnitudes, and sets pint-pandas to the package's unit
    registry (``pint_pandas.PintType.ureg``), so that the units convert and add.

    Raises:
        ImportError: naming the extra to install when a library is missing.
        ValueError: for an unknown engine or units, and, with ``units="pint"``, for a
            column whose records are in more than one unit (select one with ``where``).

    """
    if engine not in _ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose 'pandas' or 'polars'")
    if units not in _UNITS:
        raise ValueError(f"unknown units {units!r}: choose None or 'pint'")
    if units is not None and engine != "pandas":
        raise ValueError("units='pint' makes pint-pandas columns: it needs engine='pandas'")
    chosen = list(getattr(ds, kind) if records is None else records)
    if engine == "polars":
        pl = need("polars", "polars")
        return pl.from_arrow(to_arrow(ds, kind, chosen, exact=exact))
    need("pandas", "pandas")
    frame = to_arrow(ds, kind, chosen, exact=exact).to_pandas()
    if units == "pint":
        from povertydata.frames import pint_columns

        pint_columns(frame, kind, chosen, _FIGURES_OF, _VALUE_COLUMN)
    return frame


# The figure fields of each table (for an empty selection) and the column of each field's value.
_FIGURES_OF = {"funds": ("amount",), "cohorts": ("households", "persons"), "indicators": ("value",)}
_VALUE_COLUMN = {"amount": "value", "households": "households_value", "persons": "persons_value"}


# --------------------------------------------------------------------------- files


def write(ds: Dataset, folder: str | Path, fmt: str) -> list[Path]:
    """Write every table to ``folder`` as ``csv``, ``json``, ``datapackage`` or ``parquet``.

    Returns the files written. A ``datapackage`` is the CSV files, the source texts
    (``seeds/``) and a Frictionless ``datapackage.json``: table schemas with primary and
    foreign keys for every reference the loader checks, enum constraints for every coded
    column, each resource's licence, the package and data versions, and the citation.
    Parquet files carry the same in their key/value metadata (``povertydata.*``) and in
    their fields' (``description``, ``enum``, ``pattern``).
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if fmt in ("csv", "datapackage"):
        for kind in TABLES:
            path = target / f"{kind}.csv"
            with open(path, "w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=[c for c, _ in columns(kind)], lineterminator="\n")
                writer.writeheader()
                for row in table(ds, kind):
                    writer.writerow({k: ("" if v is None else _csv_value(v)) for k, v in row.items()})
            written.append(path)
        if fmt == "datapackage":
            written.extend(_write_seeds(ds, target))
            path = target / "datapackage.json"
            from povertydata._provenance import datapackage

            descriptor = datapackage(ds, {kind: (columns(kind), _DESCRIPTIONS) for kind in TABLES})
            path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            written.append(path)
    elif fmt == "json":
        for kind in TABLES:
            path = target / f"{kind}.json"
            path.write_text(json.dumps(table(ds, kind), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            written.append(path)
    elif fmt == "parquet":
        from povertydata._provenance import file_metadata

        pq = need("pyarrow.parquet", "arrow")
        version = data_version(ds)
        for kind in TABLES:
            path = target / f"{kind}.parquet"
            arrow = to_arrow(ds, kind)
            metadata = {**arrow.schema.metadata, **file_metadata(kind, version)}
            pq.write_table(arrow.replace_schema_metadata(metadata), path)
            written.append(path)
    else:
        raise ValueError(f"unknown format {fmt!r}: choose csv, json, datapackage or parquet")
    return written


def data_version(ds: Dataset) -> str:
    """The version of the data (``sha256:…`` of every table): equal data, equal version."""
    from povertydata._provenance import data_version as digest

    return digest(ds)


def _write_seeds(ds: Dataset, target: Path) -> list[Path]:
    from povertydata.sources import seed_text

    folder = target / "seeds"
    folder.mkdir(exist_ok=True)
    written = []
    for report in ds.reports:
        path = folder / report.seed
        path.write_bytes(seed_text(report.seed).encode("utf-8"))  # bytes: offsets stay code points of the file
        written.append(path)
    return written


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
