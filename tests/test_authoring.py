"""The tools for a data folder of one's own: fmt, and the commands behind them."""

from __future__ import annotations

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
