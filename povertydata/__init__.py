"""povertydata: China's 2015–2020 targeted poverty-alleviation reports as exact, cited data.

    >>> import povertydata as pv
    >>> pv.parse("1800万元")
    Figure(Decimal('18000000'), unit='CNY')

Every public name is importable from here. Names load on first use, so ``import
povertydata`` stays cheap and pulls in none of pint, babel or cattrs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from povertydata.catalog import CitedFigure, Dataset, Records, check, load, load_dir
    from povertydata.checks import CheckResult
    from povertydata.corpus import extract_table
    from povertydata.errors import DataError, ParseError
    from povertydata.figures import Cue, Figure, Mention, extract, parse
    from povertydata.formatting import format
    from povertydata.frames import parse_many
    from povertydata.model import (
        Category,
        Check,
        Erratum,
        Exclusion,
        Fund,
        HouseholdCohort,
        Indicator,
        Program,
        Region,
        Report,
        Span,
    )

__all__ = [
    "Category",
    "Check",
    "CheckResult",
    "CitedFigure",
    "Cue",
    "DataError",
    "Dataset",
    "Erratum",
    "Exclusion",
    "Figure",
    "Fund",
    "HouseholdCohort",
    "Indicator",
    "Mention",
    "ParseError",
    "Program",
    "Records",
    "Region",
    "Report",
    "Span",
    "check",
    "extract",
    "extract_table",
    "format",
    "load",
    "load_dir",
    "parse",
    "parse_many",
]

_MODEL_NAMES = (
    "Category", "Check", "Erratum", "Exclusion", "Fund", "HouseholdCohort", "Indicator", "Program", "Region", "Report",
    "Span",
)  # fmt: skip

# Where each public name lives; imported on first access.
_HOMES: dict[str, str] = {
    "DataError": "povertydata.errors",
    "ParseError": "povertydata.errors",
    "Cue": "povertydata.figures",
    "Figure": "povertydata.figures",
    "Mention": "povertydata.figures",
    "extract": "povertydata.figures",
    "parse": "povertydata.figures",
    "format": "povertydata.formatting",
    "parse_many": "povertydata.frames",
    "extract_table": "povertydata.corpus",
    "CheckResult": "povertydata.checks",
    "CitedFigure": "povertydata.catalog",
    "Dataset": "povertydata.catalog",
    "Records": "povertydata.catalog",
    "check": "povertydata.catalog",
    "load": "povertydata.catalog",
    "load_dir": "povertydata.catalog",
    **dict.fromkeys(_MODEL_NAMES, "povertydata.model"),
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("povertydata")
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'povertydata' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])
