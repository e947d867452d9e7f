from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


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
