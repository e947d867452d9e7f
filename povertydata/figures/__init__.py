"""Figures: quantities as Chinese reports write them, read exactly.

A :class:`Figure` is more than a number with a unit: it may be a range (15—30万元), carry a
qualifier (20余次, 10亿元以上, 近6倍), a rate's denominators (每人每天150元) and the measure word
as written (16个). :func:`parse` reads one expression; :func:`extract` finds every figure in
running text, with its span, and tells years, dates and names apart from quantities::

    >>> from povertydata import parse
    >>> parse("26.15亿元")
    Figure(Decimal('2615000000'), unit='CNY')
    >>> parse("每人每天150元").per
    ('person', 'day')
    >>> parse("15—30万元").low
    Decimal('150000')

Values are in base units (yuan, persons, percent points of 100) and exact.

The reader is in parts, one job each: the tables compiled from the registry
(``_tables``), years and dates (``_dates``), the grammar of one figure (``_grammar``),
the running-text policy of what is no figure (``_policy``), the fast path for the
commonest figures (``_fast``), the scanner behind :func:`extract` (``_scan``), and the
English form (``_english``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from povertydata._figure import KINDS, QUALIFIERS, UNITS, Cue, Figure, Mention
from povertydata.figures._parse import parse

if TYPE_CHECKING:
    from povertydata.figures._scan import extract

__all__ = [
    "KINDS",
    "QUALIFIERS",
    "UNITS",
    "Cue",
    "Figure",
    "Mention",
    "extract",
    "parse",
]


def __getattr__(name: str) -> Any:
    # The scanner compiles the patterns of running text (reading across words, the fast
    # path): parse() and load() need none of them, so they load on the first extract.
    if name == "extract":
        from povertydata.figures._scan import extract

        globals()["extract"] = extract
        return extract
    raise AttributeError(f"module 'povertydata.figures' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), "extract"])
