"""The tools for a data folder of one's own: fmt, and the commands behind them."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import povertydata as pv
from povertydata import authoring
from povertydata.cli import main

PACKAGE = Path(str(resources.files("povertydata").joinpath("data")))


def _copy(tmp_path: Path) -> Path:
    """A copy of the package data folder (data files and schemas)."""
    root = tmp_path / "data"
    shutil.copytree(PACKAGE, root, ignore=shutil.ignore_patterns("seeds", "*.py", "__pycache__"))
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.json"))}


def _scramble(value: Any) -> Any:
    """The same JSON with every object's keys in reverse order."""
    if isinstance(value, dict):
        return {k: _scramble(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_scramble(v) for v in value]
    return value


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


# -- fmt ------------------------------------------------------------------------------------


def test_fmt_gives_one_layout_whatever_the_layout_it_is_given(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    canonical = _files(root)
    for path in authoring.data_files(root):
        data = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(_scramble(data), ensure_ascii=False, indent=4), encoding="utf-8")
    assert len(authoring.fmt(root, check=True)) == 7
    assert sorted(authoring.fmt(root)) == sorted(authoring.data_files(root))
    assert _files(root) == canonical
    assert authoring.fmt(root) == []


def test_fmt_check_changes_nothing(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    regions = root / "regions.json"
    regions.write_text(json.dumps(json.loads(regions.read_text(encoding="utf-8"))), encoding="utf-8")
    before = _files(root)
    assert authoring.fmt(root, check=True) == [regions]
    assert _files(root) == before


def test_fmt_writes_every_field_of_a_record_and_figures_compact(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "reports" / "golmud-2017.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    fund = data["funds"][0]
    del fund["part_of"], fund["stage"], data["$schema"]
    fund["amount"]["qualifier"] = "exact"
    fund["spans"][0]["added"] = []
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    authoring.fmt(root)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[1] == '  "$schema": "../schema/report.schema.json",'
    assert '      "amount": {"value": "18000000", "unit": "CNY"},' in lines
    assert '        {"field": "amount", "start": 377, "end": 383, "quote": "1800万元"}' in lines
    assert '      "part_of": [],' in lines
    assert '      "stage": null,' in lines


def test_fmt_keeps_what_the_model_does_not_know_for_the_loader_to_refuse(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "reports" / "golmud-2017.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["funds"][0]["colour"] = "red"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    authoring.fmt(root)
    assert json.loads(path.read_text(encoding="utf-8"))["funds"][0]["colour"] == "red"
    with pytest.raises(pv.DataError, match="unknown field"):
        pv.load_dir(root)


def test_fmt_refuses_a_key_given_twice_and_writes_nothing(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "reports" / "golmud-2017.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"kind": "allocated"', '"kind": "loan", "kind": "gift"', 1),
                    encoding="utf-8")  # fmt: skip
    (root / "regions.json").write_text("{}", encoding="utf-8")
    with pytest.raises(pv.DataError, match="'kind' is given twice") as caught:
        authoring.fmt(root)
    assert caught.value.file == str(path)
    assert (root / "regions.json").read_text(encoding="utf-8") == "{}"


def test_fmt_writes_the_schemas_the_files_name(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    shutil.rmtree(root / "schema")
    assert sorted(p.name for p in authoring.fmt(root)) == [
        "categories.schema.json", "regions.schema.json", "report.schema.json"]  # fmt: skip
    for path in authoring.data_files(root):
        ref = json.loads(path.read_text(encoding="utf-8"))["$schema"]
        assert (path.parent / ref).is_file()


def test_data_fmt_command(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    assert _cli("data", "fmt", "--check", str(root)) == (0, "")
    regions = root / "regions.json"
    regions.write_text(json.dumps(json.loads(regions.read_text(encoding="utf-8"))), encoding="utf-8")
    assert _cli("data", "fmt", "--check", str(root)) == (1, f"would reformat {regions}\n")
    assert _cli("data", "fmt", str(root)) == (0, f"reformatted {regions}\n")
    assert _cli("data", "fmt", "--check", str(root)) == (0, "")


# -- draft, settle, anchor, validate -----------------------------------------------------

TEXT = (
    "示范县2020年脱贫攻坚工作情况\n"
    "2020年，示范县投入扶贫资金3000万元，其中中央资金1800万元、县级资金1200万元。"
    "全县156户512人脱贫，贫困发生率降至0.5%。一是抓产业，进一步完善利益联结，第一书记全覆盖。\n"
    "扶贫资金全部到位。\n"
)
# The figures of TEXT, by hand: (quote, section, value, unit).
FIGURES = [("3000万元", "funds", "30000000", "CNY"), ("1800万元", "funds", "18000000", "CNY"),
           ("1200万元", "funds", "12000000", "CNY"), ("156户", "cohorts", "156", "household"),
           ("512人", "cohorts", "512", "person"), ("0.5%", "indicators", "0.5", "percent")]  # fmt: skip


@pytest.fixture
def drafted(tmp_path: Path) -> Path:
    text = tmp_path / "report.txt"
    text.write_text(TEXT, encoding="utf-8")
    root = tmp_path / "mine"
    authoring.draft(text, id="shifan-2020", region="522701", period="2020", out=root)
    return root


def _report(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((root / "reports" / "shifan-2020.json").read_text(encoding="utf-8"))
    return data


def _write(root: Path, data: dict[str, Any]) -> None:
    (root / "reports" / "shifan-2020.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_draft_makes_a_provisional_record_of_every_figure(drafted: Path) -> None:
    data = _report(drafted)
    got = []
    for item in data["provisional"]:
        (span,) = item["spans"]
        figure = item[span["field"]]
        assert TEXT[span["start"] : span["end"]] == span["quote"]
        assert item["id"] == f"shifan-2020/at-{span['start']}"
        assert span["quote"] in item["context"]
        got.append((span["quote"], item["section"], figure["value"], figure["unit"]))
    assert got == FIGURES
    header = data["report"]
    assert (header["seed"], header["title"], header["region"], header["period"]) == (
        "shifan-2020.txt", "示范县2020年脱贫攻坚工作情况", "522701", "2020")  # fmt: skip
    seed = (drafted / "seeds" / "shifan-2020.txt").read_bytes()
    assert seed == TEXT.encode("utf-8")
    assert header["seed_sha256"] == hashlib.sha256(seed).hexdigest()
    assert authoring.fmt(drafted, check=True) == []


def test_draft_excludes_the_numerals_the_reader_passes_over(drafted: Path) -> None:
    exclusions = {(e["quote"], e["reason"].split(":")[1].split(",")[0].strip()) for e in _report(drafted)["exclusions"]}
    # 一是 is a list marker: the text's layout, no exclusion.
    assert exclusions == {("一步", "a numeral in a word"), ("第一", "an ordinal (第…)")}
    for e in _report(drafted)["exclusions"]:
        assert TEXT[e["start"] : e["end"]] == e["quote"]


def test_draft_adds_a_region_the_data_lacks_for_a_person_to_name(drafted: Path, tmp_path: Path) -> None:
    regions = json.loads((drafted / "regions.json").read_text(encoding="utf-8"))["regions"]
    assert regions == [{"id": "522701", "code": "522701", "name_zh": "", "name_en": "", "level": "county",
                        "parent": "CN"}]  # fmt: skip
    text = tmp_path / "golmud.txt"
    text.write_text(TEXT, encoding="utf-8")
    authoring.draft(text, id="golmud-2020", region="632801", period="2020", out=tmp_path / "golmud")
    assert not (tmp_path / "golmud" / "regions.json").exists()  # Golmud is in the bundled data


def test_a_fresh_draft_validates_to_what_a_person_must_do(drafted: Path) -> None:
    found = [(Path(p.file).name, p.record, p.field) for p in authoring.validate(drafted)]
    assert found == [
        ("regions.json", "522701", "name_zh"),
        ("regions.json", "522701", "name_en"),
        ("shifan-2020.json", "shifan-2020", "title_en"),
        *(("shifan-2020.json", f"shifan-2020/at-{TEXT.index(q)}", "section") for q, *_ in FIGURES),
    ]


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"id": "Shifan 2020"}, "a report id is"),
        ({"period": "2020/2019"}, "ends before it begins"),
        ({"region": "52 27 01"}, "a region is"),
    ],
)
def test_draft_refuses_what_is_not_well_formed(tmp_path: Path, kwargs: dict[str, str], reason: str) -> None:
    text = tmp_path / "report.txt"
    text.write_text(TEXT, encoding="utf-8")
    args = {"id": "shifan-2020", "region": "522701", "period": "2020", **kwargs}
    with pytest.raises(ValueError, match=reason):
        authoring.draft(text, id=args["id"], region=args["region"], period=args["period"], out=tmp_path / "o")
    assert not (tmp_path / "o").exists()


def test_draft_writes_no_report_over_another(drafted: Path, tmp_path: Path) -> None:
    before = _report(drafted)
    with pytest.raises(pv.DataError, match="there already"):
        authoring.draft(tmp_path / "report.txt", id="shifan-2020", region="522701", period="2020", out=drafted)
    assert _report(drafted) == before
    (tmp_path / "gbk.txt").write_bytes(TEXT.encode("gb18030"))
    with pytest.raises(pv.DataError, match="not UTF-8"):
        authoring.draft(tmp_path / "gbk.txt", id="other-2020", region="522701", period="2020", out=drafted)


def _complete(root: Path, *, name_region: bool = True) -> None:
    """What a person does with the draft: name the region, complete the records."""
    data = _report(root)
    data["report"]["title_en"] = "Shifan County's fight against poverty in 2020"
    fill: dict[str, dict[str, Any]] = {
        "3000万元": {"kind": "invested", "stage": "done"},
        "1800万元": {"kind": "allocated", "source": "central"},
        "1200万元": {"kind": "allocated", "source": "county"},
        "156户": {"status": "lifted_out"},
        "512人": {"status": "lifted_out"},
        "0.5%": {"name_zh": "贫困发生率", "name_en": "Poverty incidence"},
    }
    for item in data["provisional"]:
        item.update(fill[item["spans"][0]["quote"]])
    _write(root, data)
    if not name_region:
        return
    regions = root / "regions.json"
    names = {"name_zh": "都匀市", "name_en": "Duyun"}
    regions.write_text(regions.read_text(encoding="utf-8").replace('"name_zh": "", "name_en": ""',
                                                                   json.dumps(names, ensure_ascii=False)[1:-1]),
                       encoding="utf-8")  # fmt: skip


def test_settle_moves_completed_records_into_their_sections(drafted: Path) -> None:
    data = _report(drafted)
    pct = next(i for i in data["provisional"] if i["section"] == "indicators")
    pct.update(section="funds", kind="other")  # a wrong section: a fund in percent
    persons = next(i for i in data["provisional"] if "persons" in i)
    persons.update(section="indicators", name_zh="脱贫人口", name_en="People lifted out")
    households = next(i for i in data["provisional"] if "households" in i)
    households.update(section="exclusions", reason="Counted in the persons.")
    _write(drafted, data)
    moved = authoring.settle(drafted)
    assert moved == [(households["id"], "exclusions"), (persons["id"], "indicators"), (pct["id"], "funds")]
    data = _report(drafted)
    indicator = data["indicators"][0]
    assert indicator["value"] == {"value": "512", "unit": "person", "classifier": "人"}
    assert indicator["spans"][0]["field"] == "value"
    assert indicator["part_of"] == [] and indicator["note"] is None
    assert {"start": 65, "end": 69, "quote": "156户", "reason": "Counted in the persons."} in data["exclusions"]
    assert len(data["provisional"]) == 3  # the funds without a kind
    found = {(p.record, p.field) for p in authoring.validate(drafted)}
    assert (pct["id"], "amount") in found  # settled where it was told, refused there: money in percent


def test_a_completed_draft_validates_and_loads_with_the_five(drafted: Path) -> None:
    _complete(drafted)
    assert len(authoring.settle(drafted)) == 6
    assert authoring.validate(drafted) == []
    ds = pv.load(drafted)
    assert len(ds.reports) == 6
    funds = ds.funds.where(report="shifan-2020")
    assert [f.amount.value for f in funds] == [30_000_000, 18_000_000, 12_000_000]
    assert ds.regions.get("522701").name_en == "Duyun"


def test_a_region_still_to_name_is_two_problems_not_one_per_record(drafted: Path) -> None:
    _complete(drafted, name_region=False)
    authoring.settle(drafted)
    found = [(Path(p.file).name, p.record, p.field) for p in authoring.validate(drafted)]
    assert found == [("regions.json", "522701", "name_zh"), ("regions.json", "522701", "name_en")]


def test_validate_reports_every_problem_at_once_with_file_record_and_field(drafted: Path) -> None:
    _complete(drafted)
    authoring.settle(drafted)
    data = _report(drafted)
    data["funds"][0]["amount"]["value"] = "30000001"  # not what 3000万元 reads
    data["funds"][1]["spans"][0]["start"] = 46  # off by one
    data["cohorts"][0]["status"] = "happy"
    del data["exclusions"][0]  # 一步 may go: the reader passes it over
    del data["indicators"][0]  # 0.5% must not: a figure neither cited nor excluded
    _write(drafted, data)
    path = str(drafted / "reports" / "shifan-2020.json")
    found = [(p.file, p.record, p.field) for p in authoring.validate(drafted)]
    assert found == [
        (path, "shifan-2020/at-32", "amount.value"),
        (path, "shifan-2020/at-45", "spans[0].quote"),
        (path, "shifan-2020/at-65", "status"),
        (path, None, "exclusions"),
    ]


def test_anchor_writes_the_offsets_of_a_quote(drafted: Path) -> None:
    _complete(drafted)
    authoring.settle(drafted)
    data = _report(drafted)
    data["programs"].append({"id": "shifan-2020/poverty-fund", "name_zh": "扶贫资金", "name_en": "Poverty fund",
                             "category": "finance", "region": "522701", "spans": [{"quote": "扶贫资金"}]})  # fmt: skip
    data["funds"][0]["spans"].append({"field": "amount", "quote": "2020年", "occurrence": 2})
    _write(drafted, data)
    path = drafted / "reports" / "shifan-2020.json"
    with pytest.raises(pv.DataError, match="'扶贫资金' stands 2 times in the text") as caught:
        authoring.anchor(drafted)
    assert (caught.value.record, caught.value.field) == ("shifan-2020/poverty-fund", "spans[0].quote")
    data["programs"][0]["spans"][0]["occurrence"] = 2
    _write(drafted, data)
    second = TEXT.index("扶贫资金", TEXT.index("扶贫资金") + 1)
    assert authoring.anchor(drafted) == [
        (path, "shifan-2020/poverty-fund", second, second + 4),
        (path, "shifan-2020/at-32", 17, 22),
    ]
    data = _report(drafted)
    assert data["programs"][0]["spans"] == [{"start": second, "end": second + 4, "quote": "扶贫资金"}]
    assert TEXT[17:22] == "2020年"


@pytest.mark.parametrize(
    ("span", "reason", "field"),
    [
        ({"quote": "扶贫基金"}, "the text has no '扶贫基金'", "spans[0].quote"),
        ({"quote": "扶贫资金", "occurrence": 3}, "occurrence must be 1 to 2", "spans[0].occurrence"),
        ({"quote": "扶贫资金", "occurrence": "2"}, "occurrence must be 1 to 2", "spans[0].occurrence"),
    ],
)
def test_anchor_refuses_a_quote_it_cannot_place(drafted: Path, span: dict[str, Any], reason: str, field: str) -> None:
    data = _report(drafted)
    data["programs"].append({"id": "shifan-2020/fund", "name_zh": "扶贫资金", "name_en": "Fund", "category": "finance",
                             "region": "522701", "spans": [span]})  # fmt: skip
    _write(drafted, data)
    before = _report(drafted)
    with pytest.raises(pv.DataError, match=reason) as caught:
        authoring.anchor(drafted)
    assert caught.value.field == field
    assert _report(drafted) == before


def test_occurrences_finds_overlapping_quotes() -> None:
    assert authoring.occurrences("一一一", "一一") == [0, 1]
    assert authoring.occurrences("abc", "") == []


def test_the_commands_from_a_text_to_a_loadable_folder(tmp_path: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_text(TEXT, encoding="utf-8")
    root = tmp_path / "mine"
    status, out = _cli("draft", str(text), "--id", "shifan-2020", "--region", "522701", "--period", "2020",
                       "-o", str(root))  # fmt: skip
    assert status == 0
    assert out.startswith(f"{root / 'reports' / 'shifan-2020.json'}: 6 provisional records, 2 exclusions\n")
    status, out = _cli("data", "validate", str(root))
    assert (status, out.splitlines()[-1]) == (1, f"{root}: 9 problems")
    _complete(root)
    status, out = _cli("data", "settle", str(root))
    assert (status, len(out.splitlines())) == (0, 6)
    assert _cli("data", "validate", str(root)) == (0, f"{root}: ready to load\n")
    assert _cli("data", "anchor", str(root)) == (0, "")


def test_draft_command_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "report.txt"
    text.write_text(TEXT, encoding="utf-8")
    status, _ = _cli("draft", str(text), "--id", "Bad Id", "--region", "522701", "-o", str(tmp_path / "o"))
    assert status == 2
    assert "a report id is lowercase" in capsys.readouterr().err
