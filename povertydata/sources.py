"""Sources: the report texts the dataset cites, shipped with the package or loaded beside it.

Offsets in every span are code points of these texts as shipped: UTF-8, no newline
translation::

    >>> from povertydata.sources import seed_names, seed_text
    >>> seed_names()[0]
    '000_300dd6caabd35270.txt'
    >>> seed_text("003_c75bae856ee8c1c0.txt")[:11]
    '青海脱贫攻坚战捷报再传'

A folder of reports loaded with :func:`povertydata.load` may bring texts of its own
(``seeds/``); once loaded, :func:`seed_text` finds them by name too, so that
:meth:`Span.context <povertydata.Span.context>` works for their records. A name stands for
one text in a process: a second, different text under a name already known is refused.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from povertydata.errors import DataError

__all__ = ["seed_bytes", "seed_names", "seed_sha256", "seed_text"]

_loaded: dict[str, str] = {}
_lock = threading.Lock()


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
    """The file names of the source texts shipped with the package, sorted."""
    return tuple(sorted(p.name for p in _folder().iterdir() if p.name.endswith(".txt")))


def seed_bytes(name: str) -> bytes:
    """The bytes of one source text shipped with the package, exactly as shipped.

    Raises:
        DataError: if the package has no source text of that name.

    """
    if name not in seed_names():
        raise DataError(f"data/seeds/{name}", None, "no such source text")
    return _folder().joinpath(name).read_bytes()


def seed_sha256(data: bytes) -> str:
    """The SHA-256 of a source text's bytes, as a report pins it (64 lowercase hex digits).

    >>> seed_sha256(b"")
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    """
    return hashlib.sha256(data).hexdigest()


@functools.cache
def _bundled_text(name: str) -> str:
    try:
        # Bytes, then decode: newline translation would move every offset after a \r\n.
        return seed_bytes(name).decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"data/seeds/{name}", None, f"not UTF-8 text ({error.reason} at byte {error.start})") from None


def seed_text(name: str) -> str:
    """The text of one source report, exactly as shipped (or as loaded from a folder).

    Raises:
        DataError: if there is no source text of that name.

    """
    loaded = _loaded.get(name)
    return loaded if loaded is not None else _bundled_text(name)


def _remember(name: str, text: str, label: str) -> None:
    """Make a text loaded from a folder findable by name; refuse a second text under one name."""
    with _lock:
        known = _loaded.get(name)
        if known is None and name in seed_names():
            known = _bundled_text(name)
        if known is not None and known != text:
            raise DataError(label, None, f"another text named {name!r} is already loaded; give this one its own name")
        _loaded[name] = text
