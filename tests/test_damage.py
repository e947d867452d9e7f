"""Damaged copies of the package data: every one is refused with a DataError naming the
file, the record and the field, and the JSON Schema refuses the same copies wherever it can
express the rule.

Each case takes a fresh copy of the data folder (regions, categories, the report files),
damages it in one way and loads it with ``load_dir``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import povertydata as pv
from povertydata.catalog import load_dir

GOLMUD = "reports/golmud-2017.json"
QIANJIANG = "reports/qianjiang-2015.json"
FUND = "golmud-2017/city-poverty-fund-2017"  # 1800万元 at [377, 383) of the seed
COHORT = "golmud-2017/insured-2017"  # 238户 and 744名
INDICATOR = "golmud-2017/work-meetings-2017"  # 7次
PROGRAM = "golmud-2017/housing-renovation"
ERRATUM = "golmud-2017/missing-number-of-units"
CHECK = "golmud-2017/insured-households-are-the-paired-households"
SHARE = "qianjiang-2015/poor-share-of-loans"


class Copy:
    """A copy of the package data in a folder, with helpers to damage it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        source = resources.files("povertydata").joinpath("data")
        (root / "reports").mkdir(parents=True)
        for name in ("regions.json", "categories.json"):
            (root / name).write_bytes(source.joinpath(name).read_bytes())
        for entry in source.joinpath("reports").iterdir():
            if entry.name.endswith(".json"):
                (root / "reports" / entry.name).write_bytes(entry.read_bytes())

    def path(self, rel: str) -> Path:
        return self.root / rel

    def load(self, rel: str) -> Any:
        return json.loads(self.path(rel).read_text(encoding="utf-8"))

    def dump(self, rel: str, data: Any) -> None:
        self.path(rel).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    def edit(self, rel: str, change: Callable[[Any], object]) -> None:
        data = self.load(rel)
        change(data)
        self.dump(rel, data)

    def record(self, rel: str, rid: str, change: Callable[[dict[str, Any]], object]) -> None:
        """Change the record with id ``rid`` (of any section) in the file ``rel``."""

        def find(data: dict[str, Any]) -> None:
            for items in data.values():
                if isinstance(items, list):
                    for item in items:
                        if isinstance(item, dict) and item.get("id") == rid:
                            change(item)
                            return
            raise AssertionError(f"no record {rid} in {rel}")

        self.edit(rel, find)

    def text(self, rel: str, old: str, new: str) -> None:
        """Replace the first ``old`` in the file as written with one member per line."""
        self.dump(rel, self.load(rel))
        text = self.path(rel).read_text(encoding="utf-8")
        assert old in text, old
        self.path(rel).write_text(text.replace(old, new, 1), encoding="utf-8")


class Damage(NamedTuple):
    name: str
    change: Callable[[Copy], object]
    file: str  # relative to the copy
    record: str | None
    field: str | None
    schema: bool  # whether the JSON Schema refuses the damaged file too


def _in(rel: str, rid: str, change: Callable[[dict[str, Any]], object]) -> Callable[[Copy], object]:
    return lambda c: c.record(rel, rid, change)


def _fund(change: Callable[[dict[str, Any]], object]) -> Callable[[Copy], object]:
    return _in(GOLMUD, FUND, change)


def _set(**values: object) -> Callable[[Copy], object]:
    return _fund(lambda r: r.update(values))


def _drop(key: str, rel: str = GOLMUD, rid: str = FUND) -> Callable[[Copy], object]:
    return _in(rel, rid, lambda r: r.pop(key))


def _span0(**values: object) -> Callable[[Copy], object]:
    return _fund(lambda r: r["spans"][0].update(values))


def _amount(**values: object) -> Callable[[Copy], object]:
    return _fund(lambda r: r["amount"].update(values))


def _file(change: Callable[[Any], object], rel: str = GOLMUD) -> Callable[[Copy], object]:
    return lambda c: c.edit(rel, change)


def _header(**values: object) -> Callable[[Copy], object]:
    return _file(lambda d: d["report"].update(values))


def _region(rid: str, **values: object) -> Callable[[Copy], object]:
    return _file(lambda d: next(r for r in d["regions"] if r["id"] == rid).update(values), "regions.json")


def _category(index: int, **values: object) -> Callable[[Copy], object]:
    return _file(lambda d: d["categories"][index].update(values), "categories.json")


def _exclusion(**values: object) -> Callable[[Copy], object]:
    return _file(lambda d: d["exclusions"][0].update(values))


def _check(**values: object) -> Callable[[Copy], object]:
    return _in(GOLMUD, CHECK, lambda r: r.update(values))


def _check_ref(ref: str) -> Callable[[Copy], object]:
    return _in(GOLMUD, CHECK, lambda r: r["operands"].__setitem__(0, ref))


def _append(section: str, item: Callable[[Any], object], rel: str = GOLMUD) -> Callable[[Copy], object]:
    return _file(lambda d: d[section].append(item(d)), rel)


def _copy_of(rid: str, **values: object) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def make(data: dict[str, Any]) -> dict[str, Any]:
        found = next(r for items in data.values() if isinstance(items, list) for r in items if r.get("id") == rid)
        return {**json.loads(json.dumps(found)), **values}

    return make


def _bytes(change: Callable[[bytes], bytes], rel: str = GOLMUD) -> Callable[[Copy], object]:
    return lambda c: c.path(rel).write_bytes(change(c.path(rel).read_bytes()))


def _seed_length() -> int:
    from povertydata.sources import seed_text

    return len(seed_text(pv.load().reports.get("golmud-2017").seed))


def _negative_offsets(c: Copy) -> None:
    # The same quote, sliced from the end: text[-n:-m] reads 1800万元 too.
    length = _seed_length()
    c.record(GOLMUD, FUND, lambda r: r["spans"][0].update(start=377 - length, end=383 - length))


def _own_seeds(c: Copy) -> None:
    """Give the copy the texts of its reports, as an installed package's data folder has them."""
    from povertydata.sources import seed_bytes

    c.path("seeds").mkdir(exist_ok=True)
    for path in c.path("reports").glob("*.json"):
        name = json.loads(path.read_text(encoding="utf-8"))["report"]["seed"]
        c.path(f"seeds/{name}").write_bytes(seed_bytes(name))


def _seed_file(change: Callable[[bytes], bytes], *, pin: bool = False) -> Callable[[Copy], object]:
    """Give the copy its texts, golmud-2017's changed (``pin``: with the report pinning the change)."""

    def damage(c: Copy) -> None:
        from povertydata.sources import seed_sha256

        _own_seeds(c)
        path = c.path(f"seeds/{c.load(GOLMUD)['report']['seed']}")
        data = change(path.read_bytes())
        path.write_bytes(data)
        if pin:
            c.edit(GOLMUD, lambda d: d["report"].update(seed_sha256=seed_sha256(data)))

    return damage


def _seed_missing(c: Copy) -> None:
    # A copy with texts of its own takes them from there: one missing is not taken from the package.
    _own_seeds(c)
    c.path(f"seeds/{c.load(GOLMUD)['report']['seed']}").unlink()


def _nested(c: Copy) -> None:
    c.path(GOLMUD).write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")


def _not_utf8(c: Copy) -> None:
    data = c.path(GOLMUD).read_bytes()
    c.path(GOLMUD).write_bytes(data.replace("格尔木".encode(), "格尔木".encode("gb18030"), 1))


def _region_cycle(c: Copy) -> None:
    def change(data: dict[str, Any]) -> None:
        china = next(r for r in data["regions"] if r["id"] == "CN")
        china.update(parent="632801", level="village")

    c.edit("regions.json", change)


def _rename(rel: str, new: str) -> Callable[[Copy], object]:
    return lambda c: c.path(rel).rename(c.path(new))


def _empty_reports(c: Copy) -> None:
    for p in c.path("reports").iterdir():
        p.unlink()


def _no_reports(c: Copy) -> None:
    _empty_reports(c)
    c.path("reports").rmdir()


RANGE_FUND = "qianjiang-2015/mutual-aid-fund-per-village"  # 15—30万元 per village
Q_ERRATUM = "qianjiang-2015/six-batches-do-not-add-up"
Q_FAILING = "qianjiang-2015/six-batches-cover-the-register"  # does not hold; names Q_ERRATUM
PAIRED = "golmud-2017/households-paired"  # households only
REGIONS = "regions.json"
CATEGORIES = "categories.json"

QINGHAI = "reports/qinghai-2017.json"
PER_VILLAGE = "golmud-2017/mutual-aid-fund-per-village"  # 每村有【50万元】: per village from outside the quote
GROWTH = "qinghai-2017/provincial-fund-growth-target"  # 每年增长【20%以上】
LOANS = "qianjiang-2015/mutual-aid-loans-members"  # the divisor of SHARE


def _zero(record: dict[str, Any]) -> None:
    # A figure of zero whose span says why it is not what its quote reads, so that only
    # the check over it is wrong.
    record["amount"]["value"] = "0"
    record["spans"][0]["override"] = "read as zero for the test"


def _at_most(record: dict[str, Any]) -> None:
    # 20%以上 reads at_least: at_most is no addition to that, whatever the span declares.
    record["value"]["qualifier"] = "at_most"
    record["spans"][0]["added"] = ["qualifier", "per"]


D = Damage
# One line a kind of damage: the table reads better than the formatter's layout.
# fmt: off
CASES = [
    # the file as a whole
    D("report file truncated", _bytes(lambda b: b[: len(b) // 2]), GOLMUD, None, None, False),
    D("report file empty", _bytes(lambda b: b""), GOLMUD, None, None, False),
    D("report file not UTF-8", _not_utf8, GOLMUD, None, None, False),
    D("report file with a byte-order mark", _bytes(lambda b: b"\xef\xbb\xbf" + b), GOLMUD, None, None, False),
    D("deeply nested JSON", _nested, GOLMUD, None, None, False),
    D("top level a list", _bytes(lambda b: b"[" + b + b"]"), GOLMUD, None, None, True),
    D("integer too long to read", _bytes(lambda b: b.replace(b'"start": 377', b'"start": ' + b"7" * 5000, 1)),
      GOLMUD, None, None, False),
    D("NaN as a JSON number", _bytes(lambda b: b.replace(b'"start": 377', b'"start": NaN', 1)), GOLMUD, FUND,
      "spans[0].start", True),
    D("unknown section", _file(lambda d: d.update(colour=[])), GOLMUD, None, "colour", True),
    D("report header missing", _file(lambda d: d.pop("report")), GOLMUD, None, "report", True),
    D("a section an object", _file(lambda d: d.update(funds={})), GOLMUD, None, "funds", True),
    D("a record a string", _append("funds", lambda d: "1800万元"), GOLMUD, "funds[12]", None, True),
    D("duplicate JSON key", lambda c: c.text(GOLMUD, f'"id": "{FUND}",', f'"id": "{FUND}", "kind": "loan",'),
      GOLMUD, FUND, "kind", False),
    D("duplicate JSON key in a span", lambda c: c.text(GOLMUD, '"start": 377,', '"start": 377, "start": 378,'),
      GOLMUD, FUND, "spans[0].start", False),
    D("duplicate JSON section", lambda c: c.text(GOLMUD, '"funds": [', '"funds": [], "funds": ['), GOLMUD, None,
      "funds", False),
    D("regions.json missing", lambda c: c.path(REGIONS).unlink(), REGIONS, None, None, False),
    D("categories.json missing", lambda c: c.path(CATEGORIES).unlink(), CATEGORIES, None, None, False),
    D("reports/ missing", _no_reports, "reports", None, None, False),
    D("reports/ empty", _empty_reports, "reports", None, None, False),
    D("regions.json with an unknown section", _file(lambda d: d.update(colour=1), REGIONS), REGIONS, None, "colour",
      True),
    D("regions.json without regions", _file(lambda d: d.pop("regions"), REGIONS), REGIONS, None, "regions", True),
    D("categories an object", _file(lambda d: d.update(categories={}), CATEGORIES), CATEGORIES, None, "categories",
      True),
    # the report header
    D("report id not a slug", _header(id="Golmud 2017"), GOLMUD, "Golmud 2017", "id", True),
    D("report id not its file name", _rename(GOLMUD, "reports/golmud.json"), "reports/golmud.json", "golmud-2017",
      "id", False),
    D("report id a number", _header(id=2017), GOLMUD, "report", "id", True),
    D("seed names no text", _header(seed="no-such-text.txt"), GOLMUD, "golmud-2017", "seed", False),
    D("seed a list", _header(seed=["000_300dd6caabd35270.txt"]), GOLMUD, "golmud-2017", "seed", True),
    D("published not a calendar date", _header(published="2017-13-01"), GOLMUD, "golmud-2017", "published", True),
    D("published with slashes", _header(published="2017/12/01"), GOLMUD, "golmud-2017", "published", True),
    D("published without hyphens", _header(published="20171201"), GOLMUD, "golmud-2017", "published", True),
    D("published in the future", _header(published="2999-01-01"), GOLMUD, "golmud-2017", "published", False),
    D("report region unknown", _header(region="999999"), GOLMUD, "golmud-2017", "region", False),
    D("reversed period", _header(period="2020/2015"), GOLMUD, "golmud-2017", "period", False),
    D("period with month 13", _header(period="2017-13"), GOLMUD, "golmud-2017", "period", True),
    D("period of three parts", _header(period="2015/2016/2017"), GOLMUD, "golmud-2017", "period", True),
    D("period of no calendar day", _header(period="2017-02-30"), GOLMUD, "golmud-2017", "period", False),
    D("period a number", _header(period=2017), GOLMUD, "golmud-2017", "period", True),
    D("language not a language tag", _header(language="Chinese"), GOLMUD, "golmud-2017", "language", True),
    D("title blank", _header(title=" "), GOLMUD, "golmud-2017", "title", True),
    D("header with an unknown field", _header(colour="red"), GOLMUD, "golmud-2017", "colour", True),
    D("header without title_en", _file(lambda d: d["report"].pop("title_en")), GOLMUD, "golmud-2017", "title_en",
      True),
    D("header gives its id twice", lambda c: c.text(GOLMUD, '"id": "golmud-2017",',
                                                     '"id": "golmud-2017", "id": "golmud-2016",'),
      GOLMUD, "golmud-2016", "id", False),
    D("$schema missing", _file(lambda d: d.pop("$schema")), GOLMUD, None, "$schema", True),
    D("$schema names another kind of file", _file(lambda d: d.update({"$schema": "../schema/regions.schema.json"})),
      GOLMUD, None, "$schema", True),
    D("$schema a URL of its own", _file(lambda d: d.update({"$schema": "https://example.org/report.json"})), GOLMUD,
      None, "$schema", True),
    D("regions.json $schema missing", _file(lambda d: d.pop("$schema"), REGIONS), REGIONS, None, "$schema", True),
    # the source text, pinned
    D("seed changed", _seed_file(lambda b: b.replace("格尔木".encode(), "德令哈".encode(), 1)), GOLMUD, "golmud-2017",
      "seed_sha256", False),
    D("seed truncated", _seed_file(lambda b: b[:1000]), GOLMUD, "golmud-2017", "seed_sha256", False),
    D("seed with Windows line ends", _seed_file(lambda b: b.replace(b"\n", b"\r\n")), GOLMUD, "golmud-2017",
      "seed_sha256", False),
    D("seed not UTF-8, its hash pinned", _seed_file(lambda b: b.decode().encode("gb18030"), pin=True), GOLMUD,
      "golmud-2017", "seed", False),
    D("seed missing from the copy's seeds/", _seed_missing, GOLMUD, "golmud-2017", "seed", False),
    D("seed_sha256 missing", _file(lambda d: d["report"].pop("seed_sha256")), GOLMUD, "golmud-2017", "seed_sha256",
      True),
    D("seed_sha256 in capitals", _file(lambda d: d["report"].update(seed_sha256=d["report"]["seed_sha256"].upper())),
      GOLMUD, "golmud-2017", "seed_sha256", True),
    D("seed_sha256 of another text", _header(seed_sha256="0" * 64), GOLMUD, "golmud-2017", "seed_sha256", False),
    # records
    D("record with an unknown field", _set(colour="red"), GOLMUD, FUND, "colour", True),
    D("record without a required field", _drop("kind"), GOLMUD, FUND, "kind", True),
    D("fund kind out of vocabulary", _set(kind="gift"), GOLMUD, FUND, "kind", True),
    D("fund source out of vocabulary", _set(source="heaven"), GOLMUD, FUND, "source", True),
    D("cohort status out of vocabulary", _in(GOLMUD, COHORT, lambda r: r.update(status="happy")), GOLMUD, COHORT,
      "status", True),
    D("stage out of vocabulary", _set(stage="finished"), GOLMUD, FUND, "stage", True),
    D("stage a boolean", _set(stage=True), GOLMUD, FUND, "stage", True),
    D("record id without its report", _set(id="city-poverty-fund-2017"), GOLMUD, "city-poverty-fund-2017", "id",
      True),
    D("record id of another report", _set(id="wuhai-2017/city-poverty-fund-2017"), GOLMUD,
      "wuhai-2017/city-poverty-fund-2017", "id", False),
    D("record id with capitals", _set(id="golmud-2017/City-Fund"), GOLMUD, "golmud-2017/City-Fund", "id", True),
    D("record id a number", _set(id=7), GOLMUD, "funds[0]", "id", True),
    D("duplicate id in one section", _append("funds", _copy_of(FUND)), GOLMUD, FUND, "id", False),
    D("duplicate id across sections", _append("errata", _copy_of(ERRATUM, id=FUND)), GOLMUD, FUND, "id", False),
    D("record region unknown", _set(region="999999"), GOLMUD, FUND, "region", False),
    D("record region a number", _set(region=632801), GOLMUD, FUND, "region", True),
    D("programme unknown", _set(program="no-such-programme"), GOLMUD, FUND, "program", True),
    D("programme of the same name missing", _set(program="golmud-2017/no-such-programme"), GOLMUD, FUND, "program",
      False),
    D("programme of another report", _set(program="qianjiang-2015/mutual-aid-societies"), GOLMUD, FUND, "program",
      False),
    D("programme category unknown", _in(GOLMUD, PROGRAM, lambda r: r.update(category="magic")), GOLMUD, PROGRAM,
      "category", False),
    D("record period not ISO 8601", _set(period="last year"), GOLMUD, FUND, "period", True),
    D("note blank", _set(note=""), GOLMUD, FUND, "note", True),
    D("note with a lone surrogate", lambda c: c.text(GOLMUD, '"note": "市级:', '"note": "\\ud800市级:'), GOLMUD, FUND,
      "note", False),
    D("note a number", _set(note=5), GOLMUD, FUND, "note", True),
    D("purpose a list", _set(purpose=["roads"]), GOLMUD, FUND, "purpose", True),
    D("record names its report", _set(report="golmud-2017"), GOLMUD, FUND, "report", True),
    D("part_of names no record", _set(part_of=["no-such-record"]), GOLMUD, FUND, "part_of[0]", True),
    D("part_of names a missing record", _set(part_of=["golmud-2017/no-such-record"]), GOLMUD, FUND, "part_of[0]",
      False),
    D("part_of names a record twice", _set(part_of=[PER_VILLAGE, PER_VILLAGE]), GOLMUD, FUND, "part_of[1]", True),
    D("part_of a string", _set(part_of=FUND), GOLMUD, FUND, "part_of", True),
    D("part_of a record of another report", _set(part_of=[RANGE_FUND]), GOLMUD, FUND, "part_of[0]", False),
    D("cohort with neither households nor persons", _in(GOLMUD, PAIRED, lambda r: r.update(households=None)),
      GOLMUD, PAIRED, "households", True),
    D("cohort households in persons", _in(GOLMUD, PAIRED, lambda r: r["households"].update(unit="person")),
      GOLMUD, PAIRED, "households", True),
    D("fund amount in percent", _amount(unit="percent"), GOLMUD, FUND, "amount", True),
    D("indicator without its value", _drop("value", GOLMUD, INDICATOR), GOLMUD, INDICATOR, "value", True),
    D("indicator name blank", _in(GOLMUD, INDICATOR, lambda r: r.update(name_zh="")), GOLMUD, INDICATOR, "name_zh",
      True),
    D("provisional record left", _file(lambda d: d.update(provisional=[{"id": "golmud-2017/at-377"}])), GOLMUD,
      "golmud-2017/at-377", "section", True),
    D("a quote to anchor", _span0(occurrence=1), GOLMUD, FUND, "spans[0].occurrence", True),
    # figures
    D("per a string", _amount(per="person"), GOLMUD, FUND, "amount.per", True),
    D("per names no denominator", _amount(per=["bogus"]), GOLMUD, FUND, "amount.per[0]", True),
    D("per names a denominator twice", _amount(per=["village", "village"]), GOLMUD, FUND, "amount.per", True),
    D("terms a string", _amount(terms="12"), GOLMUD, FUND, "amount.terms", True),
    D("terms are numbers", _amount(terms=[1, 10]), GOLMUD, FUND, "amount.terms[0]", True),
    D("classifier a number", _amount(classifier=5), GOLMUD, FUND, "amount.classifier", True),
    D("classifier blank", _amount(classifier=""), GOLMUD, FUND, "amount.classifier", True),
    D("when a list", _amount(when=[1]), GOLMUD, FUND, "amount.when", True),
    D("value a JSON float", _amount(value=18000000.0), GOLMUD, FUND, "amount.value", True),
    D("value a JSON integer", _amount(value=18000000), GOLMUD, FUND, "amount.value", True),
    D("value with two points", _amount(value="1.2.3"), GOLMUD, FUND, "amount.value", True),
    D("value in exponent form", _amount(value="1.8e7"), GOLMUD, FUND, "amount.value", True),
    D("value with spaces", _amount(value=" 18000000 "), GOLMUD, FUND, "amount.value", True),
    D("value with underscores", _amount(value="18_000_000"), GOLMUD, FUND, "amount.value", True),
    D("value with a huge exponent", _amount(value="1E+999999999"), GOLMUD, FUND, "amount.value", True),
    D("value with leading zeros", _amount(value="018000000"), GOLMUD, FUND, "amount.value", True),
    D("value NaN", _amount(value="NaN"), GOLMUD, FUND, "amount.value", True),
    D("value Infinity", _amount(value="Infinity"), GOLMUD, FUND, "amount.value", True),
    D("value with a plus sign", _amount(value="+18000000"), GOLMUD, FUND, "amount.value", True),
    D("value with digit-group commas", _amount(value="18,000,000"), GOLMUD, FUND, "amount.value", True),
    D("value in full-width digits", _amount(value="１８００００００"), GOLMUD, FUND, "amount.value", True),
    D("value null", _amount(value=None), GOLMUD, FUND, "amount.value", True),
    D("unit unknown", _amount(unit="dollars"), GOLMUD, FUND, "amount.unit", True),
    D("unit a number", _amount(unit=1), GOLMUD, FUND, "amount.unit", True),
    D("qualifier unknown", _amount(qualifier="roughly"), GOLMUD, FUND, "amount.qualifier", True),
    D("range with low only", _in(QIANJIANG, RANGE_FUND, lambda r: r["amount"].pop("high")), QIANJIANG, RANGE_FUND,
      "amount.high", True),
    D("range low above high", _in(QIANJIANG, RANGE_FUND, lambda r: r["amount"].update(low="400000")), QIANJIANG,
      RANGE_FUND, "amount.low", False),
    D("value and range", _amount(low="1", high="2"), GOLMUD, FUND, "amount.value", True),
    D("unknown figure field", _amount(currency="CNY"), GOLMUD, FUND, "amount.currency", True),
    D("figure a string", _set(amount="1800万元"), GOLMUD, FUND, "amount", True),
    # spans
    D("start a string", _span0(start="377"), GOLMUD, FUND, "spans[0].start", True),
    D("start a float", _span0(start=377.9), GOLMUD, FUND, "spans[0].start", True),
    D("start a whole float", _span0(start=377.0), GOLMUD, FUND, "spans[0].start", False),
    D("start a boolean", _span0(start=True), GOLMUD, FUND, "spans[0].start", True),
    D("negative offsets slice the same quote", _negative_offsets, GOLMUD, FUND, "spans[0].start", True),
    D("start after end, empty quote", _span0(start=383, end=377, quote=""), GOLMUD, FUND, "spans[0].quote", True),
    D("start after end", _span0(start=383, end=377), GOLMUD, FUND, "spans[0].end", False),
    D("offsets shifted", _span0(start=378, end=384), GOLMUD, FUND, "spans[0].quote", False),
    D("end past the text", _span0(end=10**6), GOLMUD, FUND, "spans[0].end", False),
    D("quote changed", _span0(quote="1900万元"), GOLMUD, FUND, "spans[0].quote", False),
    D("span field not a figure field", _span0(field="kind"), GOLMUD, FUND, "spans[0].field", True),
    D("span cites a null figure", _in(GOLMUD, PAIRED, lambda r: r["spans"][0].update(field="persons")), GOLMUD,
      PAIRED, "spans[0].field", False),
    D("figure with no span", _set(spans=[]), GOLMUD, FUND, "amount", True),
    D("spans an object", _set(spans={}), GOLMUD, FUND, "spans", True),
    D("span a string", _set(spans=["1800万元"]), GOLMUD, FUND, "spans[0]", True),
    D("span names its seed", _span0(seed="000_300dd6caabd35270.txt"), GOLMUD, FUND, "spans[0].seed", True),
    D("span with an unknown field", _span0(page=1), GOLMUD, FUND, "spans[0].page", True),
    D("the same span twice", _fund(lambda r: r["spans"].append(r["spans"][0])), GOLMUD, FUND, "spans[1]", False),
    D("programme without a span", _in(GOLMUD, PROGRAM, lambda r: r.update(spans=[])), GOLMUD, PROGRAM, "spans",
      True),
    D("erratum without a span", _in(GOLMUD, ERRATUM, lambda r: r.update(spans=[])), GOLMUD, ERRATUM, "spans", True),
    D("programme span with a field", _in(GOLMUD, PROGRAM, lambda r: r["spans"][0].update(field="amount")), GOLMUD,
      PROGRAM, "spans[0].field", True),
    D("erratum span with a field", _in(GOLMUD, ERRATUM, lambda r: r["spans"][0].update(field="value")), GOLMUD,
      ERRATUM, "spans[0].field", True),
    # checks
    D("check reference to a dunder", _check_ref(f"{COHORT}#__class__"), GOLMUD, CHECK, "operands[0]", True),
    D("check reference to the id field", _check_ref(f"{COHORT}#id"), GOLMUD, CHECK, "operands[0]", True),
    D("check reference to nothing", _check(result="nowhere/nothing"), GOLMUD, CHECK, "result", False),
    D("check reference to another report", _check_ref(RANGE_FUND), GOLMUD, CHECK, "operands[0]", False),
    D("check reference to a programme", _check_ref(PROGRAM), GOLMUD, CHECK, "operands[0]", False),
    D("check reference to a record of two figures", _check_ref(COHORT), GOLMUD, CHECK, "operands[0]", False),
    D("check reference to a range", _in(QIANJIANG, SHARE, lambda r: r["operands"].__setitem__(0, RANGE_FUND)),
      QIANJIANG, SHARE, "operands[0]", False),
    D("check reference used twice", _check(operands=[f"{PAIRED}#households", f"{PAIRED}#households"]), GOLMUD,
      CHECK, "operands[1]", False),
    D("share of three operands", _in(QIANJIANG, SHARE, lambda r: r["operands"].append(RANGE_FUND)), QIANJIANG,
      SHARE, "operands", True),
    D("difference of one operand", _check(kind="difference"), GOLMUD, CHECK, "operands", True),
    D("check without operands", _check(operands=[]), GOLMUD, CHECK, "operands", True),
    D("operands a string", _check(operands=f"{PAIRED}#households"), GOLMUD, CHECK, "operands", True),
    D("share over a zero figure", _in(QIANJIANG, LOANS, _zero), QIANJIANG, SHARE, "operands[1]", False),
    D("check kind unknown", _check(kind="average"), GOLMUD, CHECK, "kind", True),
    D("tolerance negative", _check(tolerance="-1"), GOLMUD, CHECK, "tolerance", True),
    D("tolerance minus zero", _check(tolerance="-0"), GOLMUD, CHECK, "tolerance", True),
    D("tolerance a number", _check(tolerance=0), GOLMUD, CHECK, "tolerance", True),
    D("check erratum unknown", _check(erratum="golmud-2017/no-such-erratum"), GOLMUD, CHECK, "erratum", False),
    D("check erratum of another report", _check(erratum=Q_ERRATUM), GOLMUD, CHECK, "erratum", False),
    D("failing check without its erratum", _in(QIANJIANG, Q_FAILING, lambda r: r.update(erratum=None)), QIANJIANG,
      Q_FAILING, "erratum", False),
    # the figure against its quote
    D("value differs from its quote", _amount(value="18000001"), GOLMUD, FUND, "amount.value", False),
    D("qualifier differs from its quote", _amount(qualifier="approx"), GOLMUD, FUND, "amount.qualifier", False),
    D("unit differs from its quote", _amount(unit="USD"), GOLMUD, FUND, "amount.unit", False),
    D("classifier the quote does not give", _amount(classifier="元"), GOLMUD, FUND, "amount.classifier", False),
    D("per from outside the quote, undeclared", _in(GOLMUD, PER_VILLAGE, lambda r: r["spans"][0].pop("added")),
      GOLMUD, PER_VILLAGE, "amount.per", False),
    D("a declared addition the quote gives already", _span0(added=["per"]), GOLMUD, FUND, "spans[0].added", False),
    D("a declared addition that changes the quote's reading", _in(QINGHAI, GROWTH, _at_most), QINGHAI, GROWTH,
      "spans[0].added", False),
    D("a quote that does not parse", _span0(start=383, end=387, quote="扶贫资金"), GOLMUD, FUND, "spans[0].quote",
      False),
    D("an addition to a quote that does not parse",
      _span0(start=383, end=387, quote="扶贫资金", override="the amount is stated apart", added=["per"]), GOLMUD,
      FUND, "spans[0].added", False),
    D("a quote cut from a longer number", _fund(lambda r: (r["spans"][0].update(start=378, quote="800万元"),
                                                          r["amount"].update(value="8000000"))),
      GOLMUD, FUND, "spans[0].start", False),
    D("a stale override", _span0(override="the report rounds it"), GOLMUD, FUND, "spans[0].override", False),
    D("an override blank", _span0(override=" "), GOLMUD, FUND, "spans[0].override", True),
    D("an addition out of vocabulary", _span0(added=["value"]), GOLMUD, FUND, "spans[0].added", True),
    D("additions a string", _span0(added="per"), GOLMUD, FUND, "spans[0].added", True),
    D("an addition named twice", _in(GOLMUD, PER_VILLAGE, lambda r: r["spans"][0].update(added=["per", "per"])),
      GOLMUD, PER_VILLAGE, "spans[0].added", True),
    D("an addition on a programme span", _in(GOLMUD, PROGRAM, lambda r: r["spans"][0].update(added=["per"])),
      GOLMUD, PROGRAM, "spans[0].added", True),
    D("an override on an erratum span", _in(GOLMUD, ERRATUM, lambda r: r["spans"][0].update(override="why")),
      GOLMUD, ERRATUM, "spans[0].override", True),
    # exclusions
    D("exclusion quote not at its offsets", _exclusion(quote="第二线"), GOLMUD, "exclusions[0]", "quote", False),
    D("exclusion reason blank", _exclusion(reason=" "), GOLMUD, "exclusions[0]", "reason", True),
    D("exclusion over a cited figure", _exclusion(start=377, end=383, quote="1800万元"), GOLMUD, "exclusions[0]",
      "start", False),
    D("exclusion given twice", _file(lambda d: d["exclusions"].append(d["exclusions"][0])), GOLMUD, "exclusions[2]",
      "start", False),
    D("exclusions overlapping", _append("exclusions", lambda d: {"start": 250, "end": 252, "quote": "一线",
                                                                 "reason": "A set phrase."}),
      GOLMUD, "exclusions[2]", "start", False),
    D("exclusion with an id", _exclusion(id="golmud-2017/front-line"), GOLMUD, "exclusions[0]", "id", True),
    D("exclusion end before start", _exclusion(end=248), GOLMUD, "exclusions[0]", "end", False),
    # regions
    D("duplicate region id", _append("regions", lambda d: {**d["regions"][3], "name_en": "Golmud again"}, REGIONS),
      REGIONS, "632801", "id", False),
    D("region parent cycle", _region_cycle, REGIONS, "CN", "parent", False),
    D("region parent unknown", _region("632801", parent="999999"), REGIONS, "632801", "parent", False),
    D("region level unknown", _region("632801", level="city"), REGIONS, "632801", "level", True),
    D("region code not six digits", _region("632801", code="63280"), REGIONS, "632801", "code", True),
    D("region code outside its parent's", _region("632801", parent="500000"), REGIONS, "632801", "code", False),
    D("region id a code, its code null", _region("632801", code=None), REGIONS, "632801", "code", False),
    D("region code not its id", _region("632801", code="632802"), REGIONS, "632801", "code", False),
    D("region above its parent's level", _region("632801", level="province"), REGIONS, "632801", "level", False),
    D("region name blank", _region("632801", name_en=""), REGIONS, "632801", "name_en", True),
    D("region id with a space", _region("CN", id="C N"), REGIONS, "C N", "id", True),
    # categories
    D("duplicate category key", _append("categories", lambda d: {**d["categories"][0], "description": "again"},
                                        CATEGORIES), CATEGORIES, "industry", "key", False),
    D("five_batches a string", _category(0, five_batches="false"), CATEGORIES, "industry", "five_batches", True),
    D("five_batches a number", _category(0, five_batches=0), CATEGORIES, "industry", "five_batches", True),
    D("category key not snake case", _category(0, key="Industry"), CATEGORIES, "Industry", "key", True),
    D("category with an unknown field", _category(0, colour="red"), CATEGORIES, "industry", "colour", True),
    D("category without a description", _file(lambda d: d["categories"][0].pop("description"), CATEGORIES),
      CATEGORIES, "industry", "description", True),
]
# fmt: on


@pytest.mark.parametrize("damage", CASES, ids=lambda d: d.name)
def test_a_damaged_copy_is_refused_naming_file_record_and_field(tmp_path: Path, damage: Damage) -> None:
    copy = Copy(tmp_path / "data")
    damage.change(copy)
    with pytest.raises(pv.DataError) as caught:
        load_dir(copy.root)
    error = caught.value
    assert (error.file, error.record, error.field) == (str(copy.path(damage.file)), damage.record, damage.field), error
    assert str(copy.path(damage.file)) in str(error)


def _schema_for(path: Path) -> dict[str, Any]:
    from povertydata._schema import schemas

    name = {"regions.json": "regions", "categories.json": "categories"}.get(path.name, "report")
    return schemas()[f"{name}.schema.json"]


@pytest.mark.parametrize("damage", CASES, ids=lambda d: d.name)
def test_the_json_schema_refuses_what_it_can_express(tmp_path: Path, damage: Damage) -> None:
    """The same damaged copy, validated with jsonschema: refused wherever the schema can say
    what is wrong, accepted where only the loader can (an offset against the text, a
    reference, a period in order, a key given twice), so the two verdicts are known."""
    import jsonschema

    copy = Copy(tmp_path / "data")
    damage.change(copy)
    path = copy.path(damage.file)
    try:
        instance = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        assert not damage.schema  # no JSON to validate: a missing file, bytes that are not JSON
        return
    errors = list(jsonschema.Draft202012Validator(_schema_for(path)).iter_errors(instance))
    assert bool(errors) == damage.schema, [e.message for e in errors]


def test_an_override_lets_a_figure_differ_from_its_quote(tmp_path: Path) -> None:
    copy = Copy(tmp_path / "data")
    _span0(override="the text means 1.9 thousand thousand; a typing slip")(copy)
    _amount(value="19000000")(copy)
    fund = load_dir(copy.root).funds.get(FUND)
    assert fund.amount.value == 19_000_000
    assert fund.spans[0].quote == "1800万元"


def test_a_copy_with_its_own_texts_loads_the_same(tmp_path: Path) -> None:
    copy = Copy(tmp_path / "data")
    _own_seeds(copy)
    assert load_dir(copy.root).funds == pv.load().funds


def test_the_kinds_of_damage_have_names_of_their_own() -> None:
    names = [d.name for d in CASES]
    assert len(names) == len(set(names))
