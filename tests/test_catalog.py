from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import povertydata as pv
from povertydata.catalog import load_dir
from povertydata.model import period_years


def test_load_is_cached_and_typed() -> None:
    ds = pv.load()
    assert pv.load() is ds
    assert all(isinstance(f, pv.Fund) for f in ds.funds)
    assert all(isinstance(c, pv.HouseholdCohort) for c in ds.cohorts)
    assert all(isinstance(i, pv.Indicator) for i in ds.indicators)
    assert all(isinstance(r, pv.Report) for r in ds.reports)


def test_lookup_by_id() -> None:
    ds = pv.load()
    fund = ds.funds[0]
    assert ds.funds.get(fund.id) is fund
    assert ds[fund.id] is fund
    assert ds["632801"].name_en == "Golmud"
    with pytest.raises(KeyError, match="no record with id 'nope'"):
        ds.funds.get("nope")
    with pytest.raises(KeyError, match="nope"):
        ds["nope"]


def test_a_region_includes_its_children() -> None:
    ds = pv.load()
    golmud = ds.funds.where(region="632801")
    delingha = ds.funds.where(region="632802")
    haixi = ds.funds.where(region="632800")
    assert len(golmud) and len(delingha)
    assert set(golmud.ids) | set(delingha.ids) <= set(haixi.ids)
    qinghai = ds.funds.where(region="630000")
    assert set(haixi.ids) <= set(qinghai.ids)
    assert not set(qinghai.ids) & set(ds.funds.where(region="500000").ids)


def test_filters() -> None:
    ds = pv.load()
    report = ds.reports[0]
    assert all(f.report == report.id for f in ds.funds.where(report=report.id))
    for fund in ds.funds.where(category="finance"):
        assert fund.program is not None and ds.programs.get(fund.program).category == "finance"
    for cohort in ds.cohorts.where(status="relocated"):
        assert cohort.status == "relocated"
    in_2016 = ds.indicators.where(period="2016")
    assert len(in_2016)
    for record in in_2016:
        years = period_years(record.period)
        assert years is not None and years[0] <= 2016 <= years[1]
    program = ds.programs[0]
    assert all(r.program == program.id for r in ds.funds.where(program=program.id))
    assert ds.programs.where(program=program.id).ids == (program.id,)


def test_figures_cite_their_spans() -> None:
    cited = list(pv.load().figures())
    assert len(cited) > 200
    for c in cited[:50]:
        assert c.span.field == c.field
        assert getattr(c.record, c.field) == c.figure


def test_check_returns_one_result_per_check_with_numbers() -> None:
    results = pv.check()
    assert len(results) == len(pv.load().checks)
    for r in results:
        assert r.spans
        assert ("holds" in r.explanation) or ("does not hold" in r.explanation)
        assert str(r.stated.normalize())[:1] in "-0123456789"


# -- damaged data -----------------------------------------------------------------


def _copy_data(tmp_path: Path) -> Path:
    source = resources.files("povertydata").joinpath("data")
    target = tmp_path / "data"
    (target / "reports").mkdir(parents=True)
    for name in ("regions.json", "categories.json"):
        (target / name).write_text(source.joinpath(name).read_text(encoding="utf-8"), encoding="utf-8")
    for entry in source.joinpath("reports").iterdir():
        if entry.name.endswith(".json"):
            (target / "reports" / entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def _edit(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_copy_of_the_data_loads_the_same(tmp_path: Path) -> None:
    ds = load_dir(_copy_data(tmp_path))
    assert ds.funds == pv.load().funds
    assert ds.regions == pv.load().regions


def _first_report(folder: Path) -> tuple[Path, str]:
    path = sorted((folder / "reports").glob("*.json"))[0]
    first_fund = json.loads(path.read_text(encoding="utf-8"))["funds"][0]["id"]
    return path, first_fund


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["funds"][0]["amount"].update(value=18000000.0), "a decimal must be written as a string"),
        (lambda d: d["funds"][0]["amount"].update(value="1.2.3"), "is not a decimal number"),
        (lambda d: d["funds"][0]["amount"].update(unit="dollars"), "unknown unit 'dollars'"),
        (lambda d: d["funds"][0].update(kind="gift"), "kind"),
        (lambda d: d["funds"][0].update(colour="red"), "colour"),
        (lambda d: d["funds"][0]["spans"][0].update(start=d["funds"][0]["spans"][0]["start"] + 1), "is not at"),
        (lambda d: d["funds"][0].update(region="999999"), "region '999999' is not a region"),
        (lambda d: d["funds"][0].update(program="no-such-programme"), "is not a programme"),
        (lambda d: d["funds"][0].update(spans=[]), "has no span"),
        (lambda d: d["funds"][0].update(period="last year"), "ISO 8601"),
        (lambda d: d["funds"][0].update(part_of=["no-such-record"]), "part_of 'no-such-record' is not a record"),
        (lambda d: d["funds"][0].update(stage="finished"), "stage"),
    ],
)
def test_damaged_records_name_file_and_record(tmp_path: Path, change: Any, reason: str) -> None:
    folder = _copy_data(tmp_path)
    path, fund_id = _first_report(folder)
    _edit(path, change)
    with pytest.raises(pv.DataError) as caught:
        load_dir(folder)
    assert caught.value.file == str(path)
    assert caught.value.record == fund_id
    assert reason in caught.value.reason
    assert str(path) in str(caught.value)


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    path, _ = _first_report(folder)
    _edit(path, lambda d: d["funds"].append(d["funds"][0]))
    with pytest.raises(pv.DataError, match="duplicate id"):
        load_dir(folder)


def test_broken_json_names_the_file(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    path, _ = _first_report(folder)
    path.write_text(path.read_text(encoding="utf-8")[:-20], encoding="utf-8")
    with pytest.raises(pv.DataError, match="not valid JSON") as caught:
        load_dir(folder)
    assert caught.value.file == str(path)
    assert caught.value.record is None


def test_a_missing_file_is_a_data_error(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    (folder / "regions.json").unlink()
    with pytest.raises(pv.DataError, match="cannot be read"):
        load_dir(folder)


def test_a_check_with_a_bad_reference_is_refused(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    path = next(
        p for p in sorted((folder / "reports").glob("*.json")) if json.loads(p.read_text(encoding="utf-8"))["checks"]
    )

    def change(d: dict[str, Any]) -> None:
        d["checks"][0]["result"] = "nowhere/nothing"

    _edit(path, change)
    with pytest.raises(pv.DataError, match="reference 'nowhere/nothing'"):
        load_dir(folder)


def test_seeds_ship_with_the_package() -> None:
    from povertydata.sources import seed_names, seed_text

    assert len(seed_names()) == 5
    # From a wheel they come from the package itself (.ci/run runs this file there too).
    assert all(len(seed_text(name)) > 1000 for name in seed_names())


def test_a_first_load_from_many_threads_builds_once() -> None:
    # In a fresh interpreter, where nothing is loaded yet: eight threads released at once.
    code = """
import threading, time
from povertydata import catalog
built = []
real = catalog.build
def slow_build(*args):
    built.append(threading.get_ident())
    time.sleep(0.2)  # wide enough for every thread to arrive while the first builds
    return real(*args)
catalog.build = slow_build
barrier = threading.Barrier(8)
got = []
def first_load():
    barrier.wait()
    got.append(catalog.load())
threads = [threading.Thread(target=first_load) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(len(built), len(got), len({id(ds) for ds in got}))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1", "8", "1"]
