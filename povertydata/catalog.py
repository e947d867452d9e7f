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
from povertydata._loader import build, package_files
from povertydata._records import CitedFigure, Records
from povertydata.checks import CheckResult
from povertydata.errors import DataError
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


def load() -> Dataset:
    """Load every canonical record shipped with the package (cached after the first call).

    Safe from many threads at once: the first call builds the dataset, and every call,
    whichever thread makes it, returns that one object.

    Raises:
        DataError: if the package data is damaged, naming the file and the record.

    """
    global _loaded
    loaded = _loaded
    if loaded is None:
        with _loading:  # one builder; the others wait, then take what it built
            if _loaded is None:
                _loaded = build(*package_files())
            loaded = _loaded
    return loaded


def load_dir(path: str | Path) -> Dataset:
    """Load records from a folder laid out like the package data.

    The folder holds ``regions.json``, ``categories.json`` and ``reports/*.json``; the
    reports cite the source texts shipped with the package. Useful for extending or
    correcting the data locally before proposing a change.

    Raises:
        DataError: for damaged data, naming the file and the record.

    """
    folder = Path(path)

    def read(p: Path) -> tuple[str, str]:
        try:
            return str(p), p.read_text(encoding="utf-8")
        except OSError as error:
            raise DataError(str(p), None, f"cannot be read: {error.strerror}") from None

    return build(
        read(folder / "regions.json"),
        read(folder / "categories.json"),
        [read(p) for p in sorted((folder / "reports").glob("*.json"))],
    )
