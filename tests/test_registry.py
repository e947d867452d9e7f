from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import povertydata as pv
from povertydata import units
from povertydata._registry import FILE, docs_tables, literals_module, load, parse_registry, write_docs_tables

ROOT = Path(__file__).parent.parent


def _raw() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(resources.files("povertydata").joinpath("data/registry.json").read_text("utf-8"))
    return raw


def test_the_typed_vocabulary_is_generated_from_the_registry() -> None:
    module = resources.files("povertydata").joinpath("_literals.py").read_text("utf-8")
    assert module == literals_module(load()), "run: python -m povertydata._registry"


def test_the_unit_guide_tables_are_generated_from_the_registry() -> None:
    path = ROOT / "docs" / "units.md"
    if path.is_file():  # in a source checkout: the guide's tables are the registry's
        guide = path.read_text("utf-8")
        assert guide == write_docs_tables(guide, load()), "run: python -m povertydata._registry"
    tables = docs_tables(load())
    # Every unit key, currency, qualifier and rate key is in a table row of its own.
    for name, keys in (("units", load().units), ("currencies", load().currencies), ("per", load().per)):
        rows = [row.split("|")[1].strip() for row in tables[name].splitlines()[2:]]
        assert rows == [f"`{key}`" for key in keys]


def _damaged(change: Any) -> pv.DataError:
    raw = _raw()
    change(raw)
    with pytest.raises(pv.DataError) as caught:
        parse_registry(raw)
    assert caught.value.file == FILE
    return caught.value


@pytest.mark.parametrize(
    ("change", "entry", "reason"),
    [
        (lambda r: r["units"]["km"].update(pint=5), "units.km", "pint must be a unit definition"),
        (lambda r: r["units"]["km"].pop("zh"), "units.km", "no 'zh'"),
        (lambda r: r["units"]["km"].update(colour="red"), "units.km", "unknown fields ['colour']"),
        (lambda r: r["units"]["km"].update(words=["公里", "公里"]), "units.km", "lists a word twice"),
        (lambda r: r["units"]["km"].update(words=["米"]), "units.m", "also a word of units.km"),
        (lambda r: r["units"]["percent"].update(scaled={"成": "ten"}), "units.percent.scaled.成", "not a decimal"),
        (lambda r: r["units"]["kWh"].update(conditional={"度": []}), "units.kWh.conditional.度", "names no word"),
        (lambda r: r["units"].update({"9lives": r["units"]["km"]}), "units.9lives", "a unit key is a letter"),
        (lambda r: r["units"].pop("ratio"), "units.ratio", "the reader needs this unit"),
        (lambda r: r["currencies"].update(usd={"words": ["美刀"]}), "currencies.usd", "ISO 4217"),
        (lambda r: r["currencies"]["EUR"].update(words=[]), "currencies.EUR", "names no word"),
        (lambda r: r["qualifiers"]["approx"].pop("en"), "qualifiers.approx", "no 'en'"),
        (lambda r: r["qualifiers"]["nearly"].update(before=["约"]), "qualifiers.nearly", "also a qualifier approx"),
        (lambda r: r["per"]["week"].update(words=["月"]), "per.week", "also a word of per.month"),
        (lambda r: r["rate_words"].update(周均=["fortnight"]), "rate_words.周均", "unknown one"),
        (lambda r: r.update(kinds=["quantity"]), "kinds", "the mention kinds"),
        (lambda r: r["idioms"].append("珠江三角"), "idioms", "no numeral in its first two letters"),
        (
            lambda r: r["context"].update(frequency_classifiers=["下"]),
            "context.frequency_classifiers",
            "no measure word",
        ),
        (lambda r: r.pop("per"), "(the file)", "no 'per' section"),
    ],
)
def test_a_damaged_registry_names_the_file_and_the_entry(change: Any, entry: str, reason: str) -> None:
    error = _damaged(change)
    assert error.record == entry, error
    assert reason in error.reason, error
    assert FILE in str(error)


def test_a_pint_definition_pint_cannot_read_names_its_entry() -> None:
    with pytest.raises(pv.DataError) as caught:
        units._build([("km = 1000 * m", "units.km"), ("m = [length]", "units.m"), ("t = 1000 * ** kg", "units.t")])
    assert (caught.value.file, caught.value.record) == (FILE, "units.t")
    with pytest.raises(pv.DataError, match="never defined") as caught:
        units._build([("km = 1000 * furlong", "units.km")])
    assert caught.value.record == "units.km"


def test_the_registry_has_what_the_annotation_contract_names() -> None:
    reg = load()
    assert {"mm", "cm", "g", "kWh", "km", "m", "km2", "m2", "mu", "ha", "m3", "t", "kg", "jin", "kW", "MW"} <= set(
        reg.units
    )
    assert list(reg.per) == ["person", "household", "village", "mu", "item", "year", "quarter", "month", "week", "day"]
    assert {w.word: w.scale for w in reg.units["percent"].words} == {"%": 1, "成": 10, "‰": Decimal("0.1")}
    cases = {
        "每生1000元": ("person",),
        "每个5万元": ("item",),
        "每座2万元": ("item",),
        "每周3次": ("week",),
        "每户每季度300元": ("household", "quarter"),
        "每个村50万元": ("village",),
    }
    for text, per in cases.items():
        assert pv.parse(text).per == per, text
    assert pv.parse("1800毫米") == pv.Figure(Decimal(1800), unit="mm")
    assert pv.parse("15厘米") == pv.Figure(Decimal(15), unit="cm")
    assert pv.parse("500克") == pv.Figure(Decimal(500), unit="g")
    assert pv.parse("120万千瓦时") == pv.Figure(Decimal(1200000), unit="kWh")


_MILLILITRE = {
    "group": "volume",
    "pint": "0.000001 * m3",
    "whole": False,
    "words": ["毫升", "mL"],
    "zh": "毫升",
    "zh_hant": "毫升",
    "en": ["milliliter", "milliliters"],
    "babel": "volume-milliliter",
}

_PROBE = """
import json
from decimal import Decimal
import povertydata as pv
from povertydata._schema import schemas

figure = pv.parse("500毫升")
unit_enum = schemas()["report.schema.json"]["properties"]["indicators"]["items"]["properties"]["value"]["properties"]["unit"]
print(json.dumps({
    "file": pv.__file__,
    "parse": [str(figure.value), figure.unit],
    "extract": [(m.text, m.figure.unit) for m in pv.extract("每户发放食用油1.5万毫升。")],
    "zh": pv.format(figure),
    "en": pv.format(figure, locale="en"),
    "back": pv.parse(pv.format(figure, locale="en")) == figure,
    "m3": str(figure.quantity().to("m3").magnitude.normalize()),
    "schema": "mL" in unit_enum["enum"],
}, ensure_ascii=False))
"""


def test_adding_a_unit_is_an_edit_of_the_registry_alone(tmp_path: Path) -> None:
    # A copy of the package with one unit added to data/registry.json and nothing else
    # changed: the reader, the formatter, the pint registry and the schema all know it.
    package = Path(pv.__file__).parent
    shutil.copytree(package, tmp_path / "povertydata", ignore=shutil.ignore_patterns("__pycache__"))
    raw = _raw()
    raw["units"]["mL"] = copy.deepcopy(_MILLILITRE)
    (tmp_path / "povertydata" / "data" / "registry.json").write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=tmp_path, check=True, capture_output=True, text=True, encoding="utf-8"
    )
    out = json.loads(result.stdout)
    assert out["file"].startswith(str(tmp_path))
    assert out["parse"] == ["500", "mL"]
    assert out["extract"] == [["1.5万毫升", "mL"]]
    assert (out["zh"], out["en"], out["back"]) == ("500毫升", "500 milliliters", True)
    assert out["m3"] == "0.0005"
    assert out["schema"] is True
    # The shipped registry does not know it: the vocabulary is the file's.
    with pytest.raises(pv.ParseError):
        pv.parse("500毫升")
    with pytest.raises(ValueError, match="unknown unit 'mL'"):
        pv.Figure(Decimal(500), unit="mL")
