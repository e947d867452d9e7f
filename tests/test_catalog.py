from __future__ import annotations

import json
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


def test_seeds_ship_with_the_package() -> None:
    from povertydata.sources import seed_names, seed_text

    assert len(seed_names()) == 5
    # From a wheel they come from the package itself (.ci/run runs this file there too).
    assert all(len(seed_text(name)) > 1000 for name in seed_names())
