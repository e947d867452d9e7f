"""Tools for adding a report of one's own: format, and (below) draft, anchor and validate.

A data folder is laid out like the package data::

    reports/<report-id>.json     one file per report
    seeds/<name>.txt             the texts the reports cite (unless they cite bundled ones)
    regions.json                 regions of its own, where it needs them
    categories.json              programme categories of its own, where it needs them
    schema/*.schema.json         the JSON Schemas its files name in "$schema"

:func:`fmt` writes every file of a folder in one canonical order and layout, so that a
diff shows only real edits. The command line runs it as ``povertydata data fmt DIR``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from povertydata._figure import Figure
from povertydata._loader import PROVISIONAL
from povertydata._schema import SCHEMA_REFS, schemas, text
from povertydata.errors import DataError
from povertydata.model import SECTIONS, Category, Region, Report

__all__ = ["canonical", "fmt"]

_SCALARS = (str, int, float, bool, type(None))


# -- the canonical layout ------------------------------------------------------------------


def _field_order(cls: type) -> list[str]:
    """A record's keys in the order a file lists them.

    Its id, the fields of its own kind, then those it shares with every record (``part_of``,
    ``stage``, ``region``, ``period``), and ``spans`` and ``note`` last. ``report`` is implied
    by the file.
    """
    levels = [c for c in cls.__mro__ if attrs.has(c)]
    own: list[str] = []
    for level, base in zip(levels, [*levels[1:], None], strict=True):
        inherited = {a.name for a in attrs.fields(base)} if base is not None else set()
        own += [a.name for a in attrs.fields(level) if a.name not in inherited]
    first = ["id"] if "id" in own else []
    last = [name for name in ("spans", "note") if name in own]
    return first + [n for n in own if n not in {"id", "report", *last}] + last


_ORDERS: dict[str, list[str]] = {key: _field_order(cls) for key, cls in SECTIONS.items()}
_REPORT = [a.name for a in attrs.fields(Report)]
_REGION = [a.name for a in attrs.fields(Region)]
_CATEGORY = [a.name for a in attrs.fields(Category)]
_SPAN = ["field", "start", "end", "quote", "added", "override"]
_FIGURE = {a.name: a.default for a in attrs.fields(Figure)}
_FIGURE_KEYS = {"amount", "households", "persons", "value"}
_PROVISIONAL = ["id", "section", "amount", "households", "persons", "value", "region", "period", "spans", "context"]


def _ordered(raw: Any, order: list[str], *, drop: Callable[[str, Any], bool] | None = None) -> Any:
    """``raw`` with the keys of ``order`` first, in that order, and any others after."""
    if not isinstance(raw, dict):
        return raw
    keys = [k for k in order if k in raw] + [k for k in raw if k not in order]
    return {k: raw[k] for k in keys if drop is None or not drop(k, raw[k])}


def _figure(raw: Any) -> Any:
    # The compact form: the unit always, every other attribute only where it is not the default.
    return _ordered(raw, list(_FIGURE), drop=lambda k, v: k != "unit" and k in _FIGURE and v == _FIGURE[k])


def _span(raw: Any) -> Any:
    def default(key: str, value: Any) -> bool:
        return (key, value) in (("field", None), ("added", []), ("override", None))

    return _ordered(raw, _SPAN, drop=default)


def _record(raw: Any, order: list[str]) -> Any:
    if not isinstance(raw, dict):
        return raw
    out = _ordered(raw, order)
    for key in _FIGURE_KEYS & set(out):
        out[key] = _figure(out[key])
    if isinstance(out.get("spans"), list):
        out["spans"] = [_span(s) for s in out["spans"]]
    return out


def _with_defaults(raw: Any, cls: type) -> Any:
    # Every field of a record is written, defaults too, so a person completing one sees them all.
    if not isinstance(raw, dict):
        return raw
    out = dict(raw)
    for a in attrs.fields(cls):
        if a.name not in out and a.name != "report" and a.default is not attrs.NOTHING:
            out[a.name] = list(a.default) if isinstance(a.default, tuple) else a.default
    return out


def _normal(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """The canonical content of a data file of ``kind``: keys ordered, defaults settled."""
    out: dict[str, Any] = {"$schema": SCHEMA_REFS[kind]}
    if kind == "regions":
        out["regions"] = [_ordered(r, _REGION) for r in data.get("regions", [])]
    elif kind == "categories":
        out["categories"] = [_ordered(c, _CATEGORY) for c in data.get("categories", [])]
    else:
        out["report"] = _ordered(data.get("report"), _REPORT)
        for key, cls in SECTIONS.items():
            items = data.get(key, [])
            if isinstance(items, list):
                items = [_record(_with_defaults(r, cls), _ORDERS[key]) for r in items]
            out[key] = items
        if data.get(PROVISIONAL):
            out[PROVISIONAL] = [_record(r, _PROVISIONAL) for r in data[PROVISIONAL]]
    out.update({k: v for k, v in data.items() if k not in out and k != PROVISIONAL})
    return out


def _scalars(value: Any) -> bool:
    return isinstance(value, _SCALARS) or (isinstance(value, list) and all(isinstance(x, _SCALARS) for x in value))


def _dump(value: Any, depth: int) -> str:
    """JSON text: a record per block, a figure, a span, a region or an exclusion per line."""
    if isinstance(value, list):
        if _scalars(value) or not value:
            return json.dumps(value, ensure_ascii=False)
        inner = "  " * (depth + 1)
        return "[\n" + ",\n".join(inner + _dump(v, depth + 1) for v in value) + "\n" + "  " * depth + "]"
    if isinstance(value, dict):
        inline = depth >= 3 or (depth == 2 and all(_scalars(v) for v in value.values()))
        if inline or not value:
            return json.dumps(value, ensure_ascii=False)
        inner = "  " * (depth + 1)
        members = (inner + json.dumps(k, ensure_ascii=False) + ": " + _dump(v, depth + 1) for k, v in value.items())
        return "{\n" + ",\n".join(members) + "\n" + "  " * depth + "}"
    return json.dumps(value, ensure_ascii=False)


def canonical(kind: str, data: dict[str, Any]) -> str:
    """The canonical text of a data file: ``kind`` is ``"report"``, ``"regions"`` or ``"categories"``.

    Keys in the model's order (``$schema`` first, then a report's header and sections, each
    record's id first and its spans and note last), every field of a record written, a
    figure or a span with only what differs from the defaults; two spaces of indent, a
    record per block and a figure, a span, an exclusion, a region or a category per line.
    Keys the model does not know are kept, after the known ones, for the loader to refuse.

    >>> print(canonical("regions", {"regions": [{"name_en": "China", "id": "CN", "code": None,
    ...     "name_zh": "中国", "level": "country", "parent": None}]}))
    {
      "$schema": "schema/regions.schema.json",
      "regions": [
        {"id": "CN", "code": null, "name_zh": "中国", "name_en": "China", "level": "country", "parent": null}
      ]
    }
    <BLANKLINE>
    """
    return _dump(_normal(kind, data), 0) + "\n"


# -- fmt -------------------------------------------------------------------------------------


def _kind_of(path: Path) -> str:
    if path.name == "regions.json":
        return "regions"
    if path.name == "categories.json":
        return "categories"
    return "report"


def _read(path: Path) -> dict[str, Any]:
    """A data file's JSON, refusing what formatting would lose (a key given twice)."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in items]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            raise DataError(
                str(path), None, f"the key {twice[0]!r} is given twice in one object: fix it by hand", twice[0]
            )
        return dict(items)

    try:
        data = json.loads(path.read_bytes().decode("utf-8"), object_pairs_hook=pairs)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        if isinstance(error, DataError):
            raise
        raise DataError(str(path), None, f"cannot be formatted: not UTF-8 JSON ({error})") from None
    if not isinstance(data, dict):
        raise DataError(str(path), None, "cannot be formatted: the top level is not an object")
    return data


def data_files(folder: str | Path) -> list[Path]:
    """The data files of a folder: ``regions.json``, ``categories.json``, ``reports/*.json``.

    Raises:
        DataError: if the folder has no ``reports/`` folder.

    """
    root = Path(folder)
    reports = root / "reports"
    if not reports.is_dir():
        raise DataError(str(reports), None, "a data folder needs a reports/ folder with the report files")
    found = [root / name for name in ("regions.json", "categories.json") if (root / name).is_file()]
    return found + sorted(p for p in reports.glob("*.json") if p.is_file())


def fmt(folder: str | Path, *, check: bool = False) -> list[Path]:
    """Write every data file of ``folder`` in the canonical layout, and its ``schema/`` folder.

    With ``check``, write nothing. Returns the files that were (or would be) changed.

    Raises:
        DataError: for a file that is not UTF-8 JSON or gives a key twice in one object
            (formatting would lose what it says); nothing is written then.

    """
    root = Path(folder)
    wanted = {p: canonical(_kind_of(p), _read(p)) for p in data_files(root)}
    wanted.update({root / "schema" / name: text(schema) for name, schema in schemas().items()})
    changed = [p for p, content in wanted.items() if not p.is_file() or p.read_bytes() != content.encode("utf-8")]
    if not check:
        for path in changed:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(wanted[path].encode("utf-8"))
    return changed
