"""What the installed package carries for its users' tools: the typing marker, the version, the citation."""

from __future__ import annotations

from importlib import resources
from importlib.metadata import version
from pathlib import Path

import pytest

import povertydata


def test_the_typing_marker_ships_with_the_package() -> None:
    # Without it every user's mypy and IDE sees the typed records as Any.
    assert resources.files("povertydata").joinpath("py.typed").is_file()


def test_version_is_the_one_in_the_package_metadata() -> None:
    assert povertydata.__version__ == version("povertydata")


_CITATION = Path(__file__).parent.parent / "CITATION.cff"


def _citation() -> dict[str, object]:
    if not _CITATION.is_file():
        pytest.skip("CITATION.cff is a file of the repository, not of the installed package")
    yaml = pytest.importorskip("yaml")
    data: dict[str, object] = yaml.safe_load(_CITATION.read_text(encoding="utf-8"))
    return data


def test_citation_keeps_no_second_version() -> None:
    # The version lives in pyproject.toml alone; a copy here would drift at the next release.
    data = _citation()
    assert data.get("version", version("povertydata")) == version("povertydata")


def test_citation_lists_every_source_report() -> None:
    references = _citation()["references"]
    assert isinstance(references, list)
    reports = povertydata.load().reports
    assert len(references) == len(reports)
    by_title = {ref["title"]: ref for ref in references}
    for report in reports:
        ref = by_title[report.title]
        assert ref["authors"] == [{"name": report.publisher or "anonymous"}]
        assert ref.get("date-published") == report.published
        assert f"seeds/{report.seed}" in ref["notes"] and f"records: {report.id}." in ref["notes"]
