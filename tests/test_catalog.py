from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import povertydata as pv
from povertydata.catalog import load_dir
from povertydata.model import period_years

from conftest import copy_data


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
    declared = [r for r in results if not r.derived]
    assert [r.check for r in declared] == list(pv.load().checks)
    assert [r.check for r in results if r.derived] == pv.load().derived_checks()
    for r in results:
        assert r.spans
        assert ("holds" in r.explanation) or ("does not hold" in r.explanation)
        assert str(r.stated.normalize())[:1] in "-0123456789"


# -- damaged data -----------------------------------------------------------------


def _edit(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_copy_of_the_data_loads_the_same(tmp_path: Path) -> None:
    ds = load_dir(copy_data(tmp_path))
    assert ds.funds == pv.load().funds
    assert ds.regions == pv.load().regions


def test_seeds_ship_with_the_package() -> None:
    from povertydata.sources import seed_names, seed_text

    assert len(seed_names()) == 5
    # From a wheel they come from the package itself (.ci/run runs this file there too).
    assert all(len(seed_text(name)) > 1000 for name in seed_names())


# -- the bundled reports and a folder of one's own ---------------------------------------


def test_a_folder_loads_beside_the_bundled_reports(sixth_folder: Path) -> None:
    ds = pv.load(sixth_folder)
    assert [r.id for r in ds.reports] == [*(r.id for r in pv.load().reports), "duyun-2018"]
    assert len(ds.funds) == len(pv.load().funds) + 1
    fund = ds.funds.get("duyun-2018/special-fund-2018")
    assert fund.amount == pv.parse("1200万元")
    # Regions outside the bundled tree come with the folder, and filters see them.
    assert ds.regions.get("522701").name_en == "Duyun"
    assert ds.funds.where(region="520000").ids == ("duyun-2018/special-fund-2018",)
    assert ds.cohorts.where(region="632800").ids == pv.load().cohorts.where(region="632800").ids
    # The folder's text is found by name, for the quotes' context.
    assert fund.spans[0].context() == "2018年，都匀市投入财政专项扶贫资金1200万元，帮助356户1024人脱贫。"
    assert pv.load() is pv.load()


def test_a_folder_is_read_afresh_each_time(sixth_folder: Path) -> None:
    path = sixth_folder / "reports" / "duyun-2018.json"
    assert pv.load(sixth_folder).funds.get("duyun-2018/special-fund-2018").kind == "invested"
    path.write_text(path.read_text(encoding="utf-8").replace('"invested"', '"allocated"'), encoding="utf-8")
    assert pv.load(sixth_folder).funds.get("duyun-2018/special-fund-2018").kind == "allocated"


def test_a_folder_may_use_bundled_regions_and_bring_a_copy_of_one(sixth_folder: Path) -> None:
    regions = sixth_folder / "regions.json"
    data = json.loads(regions.read_text(encoding="utf-8"))
    data["regions"].append(next(r for r in _bundled_regions() if r["id"] == "632801"))  # the same Golmud
    regions.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert len(pv.load(sixth_folder).regions) == len(pv.load().regions) + 3


def _bundled_regions() -> list[dict[str, Any]]:
    text = resources.files("povertydata").joinpath("data", "regions.json").read_text(encoding="utf-8")
    regions: list[dict[str, Any]] = json.loads(text)["regions"]
    return regions


@pytest.mark.parametrize(
    ("change", "file", "record", "field"),
    [
        (lambda root: _edit(root / "regions.json", lambda d: d["regions"].append(
            {**next(r for r in _bundled_regions() if r["id"] == "632801"), "name_en": "Ge'ermu"})),
         "regions.json", "632801", "id"),
        (lambda root: (root / "reports" / "duyun-2018.json").rename(root / "reports" / "golmud-2017.json"),
         "reports/golmud-2017.json", "duyun-2018", "id"),
        (lambda root: _edit(root / "reports" / "duyun-2018.json", lambda d: d["report"].update(id="golmud-2017")),
         "reports/duyun-2018.json", "golmud-2017", "id"),
        (lambda root: (root / "regions.json").unlink(), "reports/duyun-2018.json", "duyun-2018", "region"),
        (lambda root: (root / "seeds" / "duyun-2018.txt").unlink(), "reports/duyun-2018.json", "duyun-2018", "seed"),
        (lambda root: (root / "reports" / "duyun-2018.json").unlink(), "reports", None, None),
    ],
    ids=["region clashes with a bundled one", "file named as a bundled report", "id of a bundled report",
         "region only in a missing regions.json", "seed missing", "no report"],
)  # fmt: skip
def test_a_folder_that_clashes_with_the_bundled_data_is_refused(
    sixth_folder: Path, change: Any, file: str, record: str | None, field: str | None
) -> None:
    change(sixth_folder)
    with pytest.raises(pv.DataError) as caught:
        pv.load(sixth_folder)
    assert (caught.value.file, caught.value.record, caught.value.field) == (
        str(sixth_folder / file), record, field), caught.value  # fmt: skip


def test_a_text_under_a_bundled_name_must_be_the_bundled_text(sixth_folder: Path) -> None:
    from povertydata.sources import seed_names

    name = seed_names()[0]
    (sixth_folder / "seeds" / "duyun-2018.txt").rename(sixth_folder / "seeds" / name)
    _edit(sixth_folder / "reports" / "duyun-2018.json", lambda d: d["report"].update(seed=name))
    with pytest.raises(pv.DataError, match="another text named") as caught:
        pv.load(sixth_folder)
    assert caught.value.file == str(sixth_folder / "reports" / "duyun-2018.json")


def test_two_folders_load_together(sixth_folder: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(sixth_folder, other)
    (other / "regions.json").unlink()  # the first folder brings Duyun
    path = other / "reports" / "duyun-2018.json"
    text = path.read_text(encoding="utf-8").replace("duyun-2018", "duyun-2019").replace('"2018"', '"2019"')
    path.rename(other / "reports" / "duyun-2019.json")
    (other / "reports" / "duyun-2019.json").write_text(text.replace('"seed": "duyun-2019.txt"', '"seed": "duyun-2018.txt"'),
                                                        encoding="utf-8")  # fmt: skip
    ds = pv.load(sixth_folder, other)
    assert ds.funds.where(region="522701").ids == ("duyun-2018/special-fund-2018", "duyun-2019/special-fund-2018")


@pytest.mark.parametrize("missing", ["regions.json", "categories.json", "reports"])
def test_a_file_missing_from_the_installation_is_a_data_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    from povertydata import _loader

    installed = tmp_path / "povertydata"
    shutil.copytree(copy_data(tmp_path), installed / "data")
    shutil.rmtree(installed / "data" / missing) if missing == "reports" else (installed / "data" / missing).unlink()
    monkeypatch.setattr(_loader.resources, "files", lambda _package: installed)
    with pytest.raises(pv.DataError, match="cannot be read") as caught:
        _loader.package_files()
    assert caught.value.file == f"data/{missing}"


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
