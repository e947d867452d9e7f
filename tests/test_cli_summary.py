from __future__ import annotations

import io

import pytest

import povertydata as pv
import povertydata.catalog
from povertydata.cli import main

from strategies import delingha_money, fund


def _dataset() -> pv.Dataset:
    """Two reports' money: Delingha's as its report tells it, and a report with a rate and a hedge."""
    delingha = [*delingha_money(), fund("houses", "3000万元", stage="underway")]
    other = [
        pv.Fund(id="u-2016/special", report="u-2016", region="150300", amount=pv.parse("超过1亿元"), kind="allocated"),
        pv.Fund(id="u-2016/per-household", report="u-2016", region="150300", amount=pv.parse("每户3万元"),
                kind="subsidy"),
        pv.Fund(id="u-2016/donated", report="u-2016", region="150300", amount=pv.parse("约2000万元"), kind="donation"),
    ]  # fmt: skip
    reports = [
        pv.Report("t-2017", "x.txt", "德令哈", "Delingha", None, None, "632802", "2017", seed_sha256="0" * 64),
        pv.Report("u-2016", "y.txt", "乌海", "Wuhai", None, None, "150300", "2016", seed_sha256="0" * 64),
    ]
    regions = [pv.Region("632802", "632802", "德令哈市", "Delingha", "county"),
               pv.Region("150300", "150300", "乌海市", "Wuhai", "prefecture")]  # fmt: skip
    return pv.Dataset(
        reports=pv.Records(reports), regions=pv.Records(regions), categories=pv.Records([]),
        programs=pv.Records([]), funds=pv.Records([*delingha, *other]), cohorts=pv.Records([]),
        indicators=pv.Records([]), errata=pv.Records([]), checks=pv.Records([]), exclusions=(),
    )  # fmt: skip


def test_summary_gives_each_reports_money_by_stage_each_part_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(povertydata.catalog, "load", _dataset)
    out = io.StringIO()
    assert main([], out=out) == 0
    lines = out.getvalue().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("money per report and stage"))
    table = [line.split("  ") for line in lines[at + 1 : at + 4]]
    cells = [[c.strip() for c in row if c.strip()] for row in table]
    assert cells == [
        ["report", "region", "planned", "underway", "done", "not stated"],
        # planned: 20.52亿 + 2.1亿; done: the 23.2亿 loan (its 4.5亿 paid inside it), 6.94亿, 1500万
        ["t-2017", "Delingha", "CNY 2.262 billion", "CNY 30 million", "CNY 3.029 billion", "-"],
        # the rate is left out; 超过1亿 and 约2000万 make at least 1.2亿
        ["u-2016", "Wuhai", "-", "-", "-", "at least CNY 120 million"],
    ]
    assert "checks: 0 declared, 2 derived from part_of; 2 hold, 0 do not" in lines
