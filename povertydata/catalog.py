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

import threading
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


_loaded: Dataset | None = None
_loading = threading.Lock()


def load(*folders: str | Path) -> Dataset:
    """Load every canonical record shipped with the package, and the reports of ``folders``.

    With no folder, the bundled data alone, loaded once and cached. Each folder is laid out
    like the package data: ``reports/*.json`` (at least one report), and where it needs
    them ``regions.json`` (regions of its own, outside the bundled tree or not; a region
    with the id of a bundled one must be the same region), ``categories.json`` and
    ``seeds/*.txt`` (the source texts its reports cite; a folder without ``seeds/`` cites
    the texts shipped with the package).
    A downstream package can ship such a folder and load it with the five reports.

    Safe from many threads at once: the first call builds the dataset, and every call,
    whichever thread makes it, returns that one object.

    Raises:
        DataError: if any file is damaged, naming the file, the record and the field.

    """
    if not folders:
        return _bundled()
    return build(package_files(), *(folder_files(f, alone=False) for f in folders))


def _bundled() -> Dataset:
    global _loaded
    loaded = _loaded
    if loaded is None:
        with _loading:  # one builder; the others wait, then take what it built
            if _loaded is None:
                _loaded = build(package_files())
            loaded = _loaded
    return loaded


def load_dir(path: str | Path) -> Dataset:
    """Load records from a folder laid out like the package data, on its own.

    Unlike :func:`load`, the folder is all the data: it holds ``regions.json``,
    ``categories.json`` and ``reports/*.json``, and the bundled reports are not loaded
    beside it; its reports cite the texts of its ``seeds/`` folder, or, without one, the
    source texts shipped with the package. Useful for correcting a copy of the package data
    before proposing a change.

    Raises:
        DataError: for damaged data, naming the file, the record and the field.

    """
    return build(folder_files(path, alone=True))
