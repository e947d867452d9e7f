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
    from povertydata.errors import DataError, ParseError
    from povertydata.figures import Figure, Mention, extract, parse
    from povertydata.formatting import format

__all__ = [
    "DataError",
    "Figure",
    "Mention",
    "ParseError",
    "extract",
    "format",
    "parse",
]

# Where each public name lives; imported on first access.
_HOMES: dict[str, str] = {
    "DataError": "povertydata.errors",
    "ParseError": "povertydata.errors",
    "Figure": "povertydata.figures",
    "Mention": "povertydata.figures",
    "extract": "povertydata.figures",
    "parse": "povertydata.figures",
    "format": "povertydata.formatting",
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
