"""Sources: the five report texts the dataset cites, shipped with the package.

Offsets in every span are code points of these texts as shipped: UTF-8, no newline
translation::

    >>> from povertydata.sources import seed_names, seed_text
    >>> seed_names()[0]
    '000_300dd6caabd35270.txt'
    >>> seed_text("003_c75bae856ee8c1c0.txt")[:11]
    '青海脱贫攻坚战捷报再传'
"""

from __future__ import annotations

import functools
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from povertydata.errors import DataError

__all__ = ["seed_names", "seed_text"]


@functools.cache
def _folder() -> Traversable:
    # In a wheel the texts live in the package (data/seeds); in a source checkout they are
    # the project's seeds/ folder, which the wheel build copies in.
    packaged = resources.files("povertydata").joinpath("data", "seeds")
    if packaged.is_dir():
        return packaged
    checkout = Path(str(resources.files("povertydata"))).parent / "seeds"
    if checkout.is_dir():
        return checkout
    raise DataError("data/seeds", None, "the source texts are missing from the installation")


@functools.cache
def seed_names() -> tuple[str, ...]:
    """The file names of the source texts, sorted."""
    return tuple(sorted(p.name for p in _folder().iterdir() if p.name.endswith(".txt")))


@functools.cache
def seed_text(name: str) -> str:
    """The text of one source report, exactly as shipped.

    Raises:
        DataError: if there is no source text of that name.

    """
    if name not in seed_names():
        raise DataError(f"data/seeds/{name}", None, "no such source text")
    # Bytes, then decode: newline translation would move every offset after a \r\n.
    return _folder().joinpath(name).read_bytes().decode("utf-8")
