"""Tools for adding a report of one's own: draft it, anchor quotes, validate, format.

A data folder is laid out like the package data::

    reports/<report-id>.json     one file per report
    seeds/<name>.txt             the texts the reports cite (unless they cite bundled ones)
    regions.json                 regions of its own, where it needs them
    categories.json              programme categories of its own, where it needs them
    schema/*.schema.json         the JSON Schemas its files name in "$schema"

The way from a text to records, each step a function here and a command::

    povertydata draft TEXT --id ID --region CODE --period P -o DIR    draft()
    povertydata data settle DIR      completed provisional records into place   settle()
    povertydata data anchor DIR      offsets for quotes written without them    anchor()
    povertydata data validate DIR    every problem at once                      validate()
    povertydata data fmt DIR         the canonical layout (--check)             fmt()

and ``pv.load(DIR)`` loads the folder beside the five reports. :func:`draft` writes a
report file whose every figure :func:`~povertydata.extract` finds is a *provisional*
record (quote, span, value, unit, qualifier, per, and the sentence it stands in), plus an
exclusion for each numeral the reader passes over. A person completes each provisional
record (its ``section``, and the fields that section requires) and :func:`settle` moves it
into ``funds``, ``cohorts``, ``indicators`` or ``exclusions``; a file with a provisional
record left does not load. See the tutorial "Add a report of your own".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from povertydata._convert import converter
from povertydata._figure import Figure, Mention
from povertydata._loader import PROVISIONAL, _period_problem, folder_files, package_files, problems
from povertydata._schema import REGION_ID, REPORT_ID, SCHEMA_REFS, schemas, text
from povertydata.errors import DataError
from povertydata.model import FIGURE_SECTIONS, SECTIONS, Category, Region, Report
from povertydata.sources import seed_bytes, seed_names, seed_sha256

__all__ = ["anchor", "canonical", "data_files", "draft", "fmt", "occurrences", "settle", "validate"]

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
            default = a.default
            out[a.name] = list(default) if isinstance(default, tuple) else converter.unstructure(default)
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


def fmt(folder: str | Path, *, check: bool = False, only: list[Path] | None = None) -> list[Path]:
    """Write every data file of ``folder`` in the canonical layout, and its ``schema/`` folder.

    With ``check``, write nothing; with ``only``, format those data files (and the schemas)
    alone. Returns the files that were (or would be) changed.

    Raises:
        DataError: for a file that is not UTF-8 JSON or gives a key twice in one object
            (formatting would lose what it says); nothing is written then.

    """
    root = Path(folder)
    wanted = {p: canonical(_kind_of(p), _read(p)) for p in (only if only is not None else data_files(root))}
    wanted.update({root / "schema" / name: text(schema) for name, schema in schemas().items()})
    changed = [p for p, content in wanted.items() if not p.is_file() or p.read_bytes() != content.encode("utf-8")]
    if not check:
        for path in changed:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(wanted[path].encode("utf-8"))
    return changed


# -- draft -----------------------------------------------------------------------------------

_SENTENCE_END = "。！？!?；;\n"
#: A run of numerals, Arabic or Chinese: what the sieve of :func:`extract` may pass over.
_NUMERALS = re.compile(r"[0-9０-９〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟]+")
_LIST_MARKER_AFTER = frozenset("是、.．)）")
_OPEN = frozenset('“"「『‘(（')


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, whitespace collapsed."""
    first = max((text.rfind(ch, 0, start) for ch in _SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(ch, end) for ch in _SENTENCE_END) if i >= 0]
    last = min(ends) + 1 if ends else len(text)
    return re.sub(r"\s+", " ", text[first:last].strip())


def _section_of(figure: Figure) -> tuple[str, str]:
    """The record kind a figure most likely belongs to, and its figure field: a guess to check."""
    from povertydata._lexicon import MONEY_UNITS

    if figure.unit in MONEY_UNITS:
        return "funds", "amount"  # or an indicator, if the money measures (an income, a price)
    if figure.unit == "household":
        return "cohorts", "households"
    if figure.unit == "person":
        return "cohorts", "persons"
    return "indicators", "value"


def _provisional(report: str, region: str, period: str | None, text: str, m: Mention) -> dict[str, Any]:
    assert m.figure is not None
    section, field = _section_of(m.figure)
    return {
        "id": f"{report}/at-{m.start}",
        "section": section,
        field: converter.unstructure(m.figure),
        "region": region,
        "period": period,
        "spans": [
            {
                "field": field,
                "start": m.start,
                "end": m.end,
                "quote": m.text,
                **({"added": list(m.inferred)} if m.inferred else {}),
            }
        ],
        "context": _sentence(text, m.start, m.end),
    }


def _passed_over(text: str, mentions: list[Mention]) -> list[dict[str, Any]]:
    """An exclusion for each run of numerals the reader's sieve passed over, with its reason.

    List markers (一是, (一), 1、) are left out: they are the text's layout. The rest is
    text a reader may take for a figure: an ordinal, a name or slogan in quotes, a numeral
    in a word or set phrase, or one the reader does not take for a figure in its place.
    """
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for run in _NUMERALS.finditer(text):
        start, end = run.span()
        if any(a < end and start < b for a, b in taken):
            continue
        before, after = text[start - 1 : start], text[end : end + 1]
        if after in _LIST_MARKER_AFTER and (before in _OPEN or not before or before in _SENTENCE_END + " 　、，,"):
            continue
        if before == "第":
            start, reason = start - 1, "an ordinal (第…), not a count"
        elif before in _OPEN:
            reason = "inside quotation marks: a name or slogan, not a count"
        elif len(run.group()) == 1 and "\u4e00" <= after <= "\u9fff":
            reason = "a numeral in a word, a set phrase or the article (一个, 两级, 进一步), not a count"
        else:
            reason = "numerals the reader does not take for a figure here: check, then keep or make a record"
        if before != "第" and "\u4e00" <= after <= "\u9fff" and not any(a <= end < b for a, b in taken):
            end += 1  # the measure word or the rest of the word: 一项, 两级
        out.append({"start": start, "end": end, "quote": text[start:end], "reason": f"Draft: {reason}."})
    return out


def _stub_region(code: str, known: dict[str, Any]) -> dict[str, Any]:
    """A region entry for a code the data does not have yet, its names left for a person to write."""
    level = "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"
    above = [code[:4] + "00", code[:2] + "0000"] if level == "county" else [code[:2] + "0000"]
    parent = next((c for c in above if c in known and c != code), "CN")
    return {"id": code, "code": code if re.fullmatch(r"[1-9][0-9]{5}", code) else None, "name_zh": "",
            "name_en": "", "level": level if re.fullmatch(r"[0-9]{6}", code) else "county", "parent": parent}  # fmt: skip


def draft(text_file: str | Path, *, id: str, region: str, period: str | None, out: str | Path) -> Path:
    """Draft a report file for a text, in the data folder ``out``; return its path.

    Writes ``out/reports/<id>.json`` with the report's header (the text pinned by its
    SHA-256, the first line as the title), a provisional record for every figure
    :func:`~povertydata.extract` finds and an exclusion for every numeral it passes over;
    copies the text to ``out/seeds/<id>.txt``; writes ``out/schema/``; and, for a region
    the bundled data and ``out/regions.json`` do not have, adds an entry to
    ``out/regions.json`` whose names a person writes.

    Raises:
        ValueError: for an id, region or period that is not well formed.
        DataError: for a text that is not UTF-8, or a report or text already in ``out``.

    """
    if not re.fullmatch(REPORT_ID, id):
        raise ValueError(f"a report id is lowercase letters and digits joined by hyphens, not {id!r}")
    if not re.fullmatch(REGION_ID, region):
        raise ValueError(f"a region is its six-digit code or a slug of letters, digits and hyphens, not {region!r}")
    if _period_problem(period) is not None:
        raise ValueError(str(_period_problem(period)))
    source = Path(text_file)
    try:
        data = source.read_bytes()
        body = data.decode("utf-8")
    except OSError as error:
        raise DataError(str(source), None, f"cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise DataError(str(source), None, f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    root = Path(out)
    target, seed = root / "reports" / f"{id}.json", root / "seeds" / f"{id}.txt"
    if target.exists():
        raise DataError(str(target), id, "a report file of that id is there already: draft writes a new one only")
    if seed.exists() and seed.read_bytes() != data:
        raise DataError(str(seed), None, "another text of that name is there already")
    from povertydata.figures import extract

    mentions = extract(body)
    quantities = [m for m in mentions if m.kind == "quantity" and m.figure is not None]
    title = next((line.strip() for line in body.splitlines() if line.strip()), id)
    report = {
        "report": {"id": id, "seed": seed.name, "seed_sha256": seed_sha256(data), "title": title, "title_en": "",
                   "published": None, "publisher": None, "region": region, "period": period, "language": "zh"},
        "exclusions": _passed_over(body, mentions),
        PROVISIONAL: [_provisional(id, region, period, body, m) for m in quantities],
    }  # fmt: skip
    for folder in ("reports", "seeds"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    _add_region(root, region)
    seed.write_bytes(data)
    target.write_text(canonical("report", report), encoding="utf-8")
    fmt(root, only=[target])
    return target


def _add_region(root: Path, region: str) -> None:
    bundled = {r["id"]: r for r in json.loads(_package_file("regions.json"))["regions"]}
    path = root / "regions.json"
    own = _read(path) if path.is_file() else {"regions": []}
    regions = own.get("regions")
    if not isinstance(regions, list):
        raise DataError(str(path), None, "must be a list", "regions")
    known = {**bundled, **{r.get("id"): r for r in regions if isinstance(r, dict)}}
    if region in known:
        return
    regions.append(_stub_region(region, known))
    path.write_text(canonical("regions", own), encoding="utf-8")


def _package_file(name: str) -> str:
    from importlib import resources

    return resources.files("povertydata").joinpath("data", name).read_text(encoding="utf-8")


# -- settle ----------------------------------------------------------------------------------

_FIGURE_FIELD = {"funds": "amount", "indicators": "value"}


def _settled(item: dict[str, Any]) -> tuple[str, dict[str, Any]] | str:
    """The section and record a completed provisional record becomes, or what it still lacks."""
    section = item.get("section")
    spans = item.get("spans")
    if section == "exclusions":
        if not isinstance(item.get("reason"), str) or not item["reason"].strip():
            return "a reason"
        if not isinstance(spans, list) or len(spans) != 1 or not isinstance(spans[0], dict):
            return "one span"
        return "exclusions", {k: spans[0].get(k) for k in ("start", "end", "quote")} | {"reason": item["reason"]}
    if section not in FIGURE_SECTIONS:
        return f"a section: {', '.join(FIGURE_SECTIONS)} or exclusions"
    old = next((k for k in ("amount", "households", "persons", "value") if k in item), None)
    if old is None:
        return "its figure"
    figure = item[old]
    unit = figure.get("unit") if isinstance(figure, dict) else None
    new = _FIGURE_FIELD.get(section) or {"household": "households", "person": "persons"}.get(str(unit))
    if new is None:
        return f"a figure in households or persons for {section}"
    cls = SECTIONS[section]
    record = {k: v for k, v in item.items() if k not in ("section", "context", old)} | {new: figure}
    lacking = [a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING and a.name not in (*record, "report")]
    if lacking:
        return ", ".join(lacking)
    for span in spans if isinstance(spans, list) else []:
        if isinstance(span, dict) and span.get("field") == old:
            span["field"] = new
    return section, record


def settle(folder: str | Path) -> list[tuple[str, str]]:
    """Move every completed provisional record of ``folder``'s reports into its section.

    A provisional record is completed by setting its ``section`` (``funds``, ``cohorts``,
    ``indicators`` or ``exclusions``; :func:`draft` suggests one) and adding the fields that
    section requires (a fund's ``kind``, a cohort's ``status``, an indicator's ``name_zh``
    and ``name_en``, an exclusion's ``reason``). It then becomes a record of that section:
    ``section`` and ``context`` dropped, the figure and its span's field renamed for the
    section, every other field at its default until a person sets it. Records still
    lacking something stay provisional. Returns ``(record id, section)`` for each record
    moved.

    Raises:
        DataError: for a report file that is not UTF-8 JSON or gives a key twice.

    """
    moved = []
    for path in data_files(folder):
        if path.parent.name != "reports":
            continue
        data = _read(path)
        items = data.get(PROVISIONAL)
        if not isinstance(items, list) or not items:
            continue
        left = []
        for item in items:
            outcome = _settled(item) if isinstance(item, dict) else "to be an object"
            if isinstance(outcome, str):
                left.append(item)
                continue
            section, record = outcome
            data.setdefault(section, []).append(record)
            moved.append((str(item.get("id")), section))
        data[PROVISIONAL] = left
        path.write_text(canonical("report", data), encoding="utf-8")
    return moved


# -- anchor ----------------------------------------------------------------------------------


def occurrences(text: str, quote: str) -> list[int]:
    """Every offset (code points) where ``quote`` starts in ``text``, overlapping ones too.

    >>> occurrences("每村50万元,每户50万元", "50万元")
    [2, 9]
    """
    found, at = [], text.find(quote)
    while quote and at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _seed_of(root: Path, data: dict[str, Any]) -> str | None:
    header = data.get("report")
    name = header.get("seed") if isinstance(header, dict) else None
    if not isinstance(name, str):
        return None
    own = root / "seeds" / name
    if (root / "seeds").is_dir():  # a folder with texts of its own cites those alone, as the loader reads it
        return own.read_bytes().decode("utf-8", errors="replace") if own.is_file() else None
    return seed_bytes(name).decode("utf-8") if name in seed_names() else None


def _spans_to_anchor(data: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(record, field path, span) of every span or exclusion written without its offsets."""
    found = []
    for key in (*SECTIONS, PROVISIONAL):
        items = data.get(key)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            name = str(item["id"]) if isinstance(item.get("id"), str) else f"{key}[{i}]"
            spans = [("", item)] if key == "exclusions" else [
                (f"spans[{j}].", s) for j, s in enumerate(item.get("spans") or []) if isinstance(s, dict)]  # fmt: skip
            for at, span in spans:
                if "quote" in span and ("occurrence" in span or "start" not in span or "end" not in span):
                    found.append((name, at, span))
    return found


def anchor(folder: str | Path) -> list[tuple[Path, str, int, int]]:
    """Write the offsets of every quote of ``folder``'s reports written without them.

    A span (or an exclusion) that gives its ``quote`` and no ``start`` and ``end`` gets them
    from where the quote stands in the report's text; ``"occurrence": n`` picks the n-th
    place (from 1) where the quote is found more than once, and is then dropped. Spans
    that have their offsets are left as they are. Returns ``(file, record, start, end)``
    for each span anchored.

    Raises:
        DataError: for a quote the text does not have, one it has several times with no
            occurrence, or an occurrence out of range; nothing is written then.

    """
    root = Path(folder)
    writes, done = {}, []
    for path in data_files(root):
        if path.parent.name != "reports":
            continue
        data = _read(path)
        todo = _spans_to_anchor(data)
        if not todo:
            continue
        body = _seed_of(root, data)
        if body is None:
            raise DataError(str(path), None, "no source text to anchor the quotes in", "report.seed")
        for record, at, span in todo:
            quote, wanted = span["quote"], span.get("occurrence")
            places = occurrences(body, quote) if isinstance(quote, str) else []
            where = ", ".join(f"{i + 1}: …{body[max(0, p - 8) : p + len(quote) + 8]}…" for i, p in enumerate(places))
            if not places:
                raise DataError(str(path), record, f"the text has no {quote!r}", f"{at}quote")
            if wanted is None and len(places) > 1:
                raise DataError(str(path), record, f"{quote!r} stands {len(places)} times in the text ({where}): "
                                "say which with \"occurrence\"", f"{at}quote")  # fmt: skip
            if wanted is not None and (type(wanted) is not int or not 1 <= wanted <= len(places)):
                raise DataError(str(path), record, f"occurrence must be 1 to {len(places)} ({where})",
                                f"{at}occurrence")  # fmt: skip
            start = places[(wanted or 1) - 1]
            span.pop("occurrence", None)
            span["start"], span["end"] = start, start + len(quote)
            done.append((path, record, start, start + len(quote)))
        writes[path] = canonical("report", data)
    for path, content in writes.items():
        path.write_text(content, encoding="utf-8")
    return done


# -- validate --------------------------------------------------------------------------------


def validate(folder: str | Path, *, alone: bool = False) -> list[DataError]:
    """Every problem of the data folder ``folder``, at once; empty if it is ready to load.

    The folder is read as ``pv.load(folder)`` reads it, beside the bundled reports (or, with
    ``alone``, as ``load_dir`` reads a complete data folder on its own): what the JSON
    Schema says, the spans against the texts, the figures against their quotes, the
    references, the checks (one that does not hold names an erratum), and no provisional
    record left. Beyond what loading checks, every figure :func:`~povertydata.extract`
    finds in a report's text must be cited by a record or excluded.
    """
    from importlib import resources

    # The package's own data folder is all the data: read beside itself, every id would clash.
    alone = alone or Path(folder).resolve() == Path(str(resources.files("povertydata").joinpath("data"))).resolve()
    try:
        files = folder_files(folder, alone=alone)
    except DataError as error:
        return [error]
    found = problems(files) if alone else problems(package_files(), files)
    return found + _uncovered(Path(folder))


def _uncovered(root: Path) -> list[DataError]:
    from povertydata.figures import extract

    out = []
    for path in data_files(root):
        if path.parent.name != "reports":
            continue
        try:
            data = _read(path)
            body = _seed_of(root, data)
        except (DataError, OSError, UnicodeDecodeError):
            continue  # reported by the loader
        if body is None:
            continue
        covered = []
        for key in (*SECTIONS, PROVISIONAL):
            items = data.get(key)
            for item in items if isinstance(items, list) else []:
                spans = [item] if key == "exclusions" else (item.get("spans") if isinstance(item, dict) else None)
                for s in spans if isinstance(spans, list) else []:
                    if isinstance(s, dict) and type(s.get("start")) is int and type(s.get("end")) is int:
                        covered.append((s["start"], s["end"]))
        for m in extract(body):
            if m.kind == "quantity" and not any(a < m.end and m.start < b for a, b in covered):
                out.append(DataError(str(path), None, f"the figure {m.text!r} at [{m.start}, {m.end}) of the text "
                                     "is neither cited by a record nor excluded with a reason", "exclusions"))  # fmt: skip
    return out
