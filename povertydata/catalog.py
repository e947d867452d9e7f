"""The catalog: the canonical records shipped with the package, loaded, checked and queried.

    >>> import povertydata as pv
    >>> ds = pv.load()
    >>> golmud = ds.funds.where(region="632801")
    >>> golmud.get("golmud-2017/city-poverty-fund-2017").amount
    Figure(Decimal('18000000'), unit='CNY')

The data files (one per report, plus regions and programme categories) are read with
``importlib.resources``, so they load from a wheel or a zip as well as from a checkout, and
structured by the one cattrs converter. Damaged data raises :class:`~povertydata.DataError`
naming the file and the record.
"""

from __future__ import annotations

import functools
from pathlib import Path

from povertydata._dataset import Dataset
from povertydata._loader import build, folder_files, package_files
from povertydata._records import CitedFigure, Records
from povertydata.checks import CheckResult
from povertydata.model import FIGURE_FIELDS, SECTIONS

__all__ = ["FIGURE_FIELDS", "SECTIONS", "CitedFigure", "Dataset", "Records", "check", "load", "load_dir"]


def check() -> list[CheckResult]:
    """Evaluate every check declared in the bundled data (``load().check()``).

    >>> results = check()
    >>> all(r.holds or r.erratum for r in results)
    True
    """
    return load().check()


@functools.cache
def load() -> Dataset:
    """Load every canonical record shipped with the package (cached after the first call).

    Raises:
        DataError: if the package data is damaged, naming the file, the record and the field.

    """
    return build(package_files())


def load_dir(path: str | Path) -> Dataset:
    """Load records from a folder laid out like the package data, on its own.

    Unlike :func:`load`, the folder is all the data: it holds ``regions.json``,
    ``categories.json`` and ``reports/*.json``, and the bundled reports are not loaded
    beside it; its reports cite its own ``seeds/*.txt`` or the source texts shipped with the
    package. Useful for correcting a copy of the package data before proposing a change.

    Raises:
        DataError: for damaged data, naming the file, the record and the field.

    """
    return build(folder_files(path, alone=True))
