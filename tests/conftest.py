from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def copy_data(tmp_path: Path) -> Path:
    """A copy of the package's data folder (regions, categories, reports) under ``tmp_path``."""
    from importlib import resources

    source = resources.files("povertydata").joinpath("data")
    target = tmp_path / "data"
    (target / "reports").mkdir(parents=True)
    for name in ("regions.json", "categories.json"):
        (target / name).write_text(source.joinpath(name).read_text(encoding="utf-8"), encoding="utf-8")
    for entry in source.joinpath("reports").iterdir():
        if entry.name.endswith(".json"):
            (target / "reports" / entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def peer_cases(name: str) -> list[dict[str, object]]:
    with open(DATA / "peer-suites" / name, encoding="utf-8") as handle:
        cases: list[dict[str, object]] = json.load(handle)
    return cases


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    from povertydata.sources import seed_names, seed_text

    return {name: seed_text(name) for name in seed_names()}


# Type-checked by mypy, not run: it spells out the public API as a user writes it.
collect_ignore = ["typing_check.py"]


# A sixth report written for the tests (not one of the five), with a region outside the
# bundled tree: the folder a downstream package would ship.
SIXTH_TEXT = "都匀市2018年脱贫攻坚工作\n2018年，都匀市投入财政专项扶贫资金1200万元，帮助356户1024人脱贫。\n"


@pytest.fixture
def sixth_folder(tmp_path: Path) -> Path:
    import hashlib

    from povertydata.authoring import canonical

    root = tmp_path / "sixth"
    (root / "reports").mkdir(parents=True)
    (root / "seeds").mkdir()
    data = SIXTH_TEXT.encode("utf-8")
    (root / "seeds" / "duyun-2018.txt").write_bytes(data)

    def span(field: str | None, quote: str) -> dict[str, object]:
        start = SIXTH_TEXT.index(quote)
        return {"field": field, "start": start, "end": start + len(quote), "quote": quote}

    report = {
        "report": {"id": "duyun-2018", "seed": "duyun-2018.txt", "seed_sha256": hashlib.sha256(data).hexdigest(),
                   "title": "都匀市2018年脱贫攻坚工作", "title_en": "Duyun's fight against poverty in 2018",
                   "published": None, "publisher": None, "region": "522701", "period": "2018", "language": "zh"},
        "programs": [{"id": "duyun-2018/special-fund", "name_zh": "财政专项扶贫资金", "name_en": "Special fund",
                      "category": "finance", "region": "522701", "spans": [span(None, "财政专项扶贫资金")]}],
        "funds": [{"id": "duyun-2018/special-fund-2018", "amount": {"value": "12000000", "unit": "CNY"},
                   "kind": "invested", "source": None, "purpose": None, "program": "duyun-2018/special-fund",
                   "region": "522701", "period": "2018", "spans": [span("amount", "1200万元")]}],
        "cohorts": [{"id": "duyun-2018/lifted-out-2018", "status": "lifted_out", "region": "522701",
                     "households": {"value": "356", "unit": "household", "classifier": "户"},
                     "persons": {"value": "1024", "unit": "person", "classifier": "人"},
                     "period": "2018", "spans": [span("households", "356户"), span("persons", "1024人")]}],
    }  # fmt: skip
    (root / "reports" / "duyun-2018.json").write_text(canonical("report", report), encoding="utf-8")
    regions = {"regions": [
        {"id": "520000", "code": "520000", "name_zh": "贵州省", "name_en": "Guizhou Province", "level": "province",
         "parent": "CN"},
        {"id": "522700", "code": "522700", "name_zh": "黔南布依族苗族自治州",
         "name_en": "Qiannan Buyei and Miao Autonomous Prefecture", "level": "prefecture", "parent": "520000"},
        {"id": "522701", "code": "522701", "name_zh": "都匀市", "name_en": "Duyun", "level": "county",
         "parent": "522700"},
    ]}  # fmt: skip
    (root / "regions.json").write_text(canonical("regions", regions), encoding="utf-8")
    return root
