"""Where the command line writes, and how.

A file written whole or not at all, JSON with positional decimals, and tables aligned by
display width.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import unicodedata
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from povertydata._cli_errors import OutputError
from povertydata._figure import Figure

__all__ = ["Output", "figure_json", "plain", "record_json", "table", "width"]


class Output:
    r"""Standard output, or the file of ``-o``, as one text stream.

    A file is written under a temporary name beside it and renamed when the command
    succeeds, so a failed or interrupted command leaves the file as it was. Where standard
    output cannot encode Chinese text (``PYTHONIOENCODING=ascii``, a legacy console), JSON
    escapes it (``\u4ebf``, still JSON) and other text is written with backslash escapes,
    with a notice on standard error, instead of failing half way.
    """

    def __init__(self, path: str | None, stream: TextIO | None = None) -> None:
        self.path = None if path is None or path == "-" else Path(path)
        self._given = stream
        self.ascii = False

    @contextlib.contextmanager
    def open(self) -> Iterator[TextIO]:
        """The stream to write to; for a file, kept only if the block ends without an error."""
        if self.path is None:
            stream = self._given if self._given is not None else sys.stdout
            self.ascii = not _holds_chinese(stream)
            if self.ascii and stream is sys.stdout and hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="backslashreplace")
                encoding = getattr(stream, "encoding", "?")
                print(
                    f"povertydata: standard output is {encoding}: Chinese text is written as \\u escapes "
                    "(set PYTHONIOENCODING=utf-8, or write to a file with -o FILE)",
                    file=sys.stderr,
                )
            yield stream
            return
        folder = self.path.parent
        try:
            handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=folder)
        except OSError as error:
            raise OutputError(f"{self.path}: cannot write: {_reason(error, folder)}") from None
        try:
            with open(handle, "w", encoding="utf-8", newline="") as stream:
                yield stream
            if self.path.is_dir():
                raise OutputError(f"{self.path}: cannot write: it is a folder, not a file")
            os.chmod(temporary, 0o666 & ~_umask())  # as open() would have made it, not mkstemp's 0600
            os.replace(temporary, self.path)
        except OSError as error:
            raise OutputError(f"{self.path}: cannot write: {_reason(error, self.path)}") from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _holds_chinese(stream: TextIO) -> bool:
    encoding = getattr(stream, "encoding", None)
    if not encoding:  # an in-memory stream
        return True
    try:
        "亿元".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _reason(error: OSError, where: Path) -> str:
    if not where.parent.exists() and not where.exists():
        return f"no folder {str(where.parent)!r}"
    return error.strerror or str(error)


# --------------------------------------------------------------------------- JSON


def plain(value: Decimal) -> str:
    """A decimal as a positional string: ``1E-7`` is ``0.0000001``, ``1.8E+7`` is ``18000000``."""
    return format(value, "f")


_DECIMAL_KEYS = ("value", "low", "high")


def _plain_figure(data: dict[str, Any]) -> dict[str, Any]:
    for key in _DECIMAL_KEYS:
        if key in data:
            data[key] = plain(Decimal(data[key]))
    if "terms" in data:
        data["terms"] = [plain(Decimal(t)) for t in data["terms"]]
    return data


def figure_json(figure: Figure | None) -> dict[str, Any] | None:
    """A figure as the data files write it (defaults left out), every number positional."""
    if figure is None:
        return None
    from povertydata._convert import converter

    return _plain_figure(converter.unstructure(figure))


def record_json(record: Any) -> dict[str, Any]:
    """A record as the data files write it, its figures' numbers positional."""
    from povertydata._convert import converter
    from povertydata.model import FIGURE_FIELDS

    data: dict[str, Any] = converter.unstructure(record)
    for field in FIGURE_FIELDS.get(type(record), ()):
        if data.get(field) is not None:
            data[field] = _plain_figure(data[field])
    return data


def dumps(data: Any, *, ascii: bool = False, indent: int | None = None) -> str:
    """JSON text; ``ascii`` escapes every character beyond ASCII (still the same JSON)."""
    return json.dumps(data, ensure_ascii=ascii, indent=indent)


# --------------------------------------------------------------------------- tables


def width(text: str) -> int:
    """Columns the text takes in a terminal.

    Two for wide and full-width characters (East Asian Width W and F: Chinese, full-width
    forms), none for combining marks and format characters, one for the rest.
    """
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def _clip(text: str, limit: int) -> str:
    if width(text) <= limit:
        return text
    kept, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:  # room for the ellipsis
            break
        kept.append(ch)
        used += w
    return "".join(kept) + "…"


def table(rows: Sequence[dict[str, str]], out: TextIO, *, widest: int = 48) -> None:
    """Rows as columns aligned by display width, each cell clipped to ``widest`` columns."""
    if not rows:
        print("(no records)", file=out)
        return
    names = list(rows[0])
    cells = [[_clip(row[c], widest) for c in names] for row in rows]
    widths = [max(width(name), *(width(line[i]) for line in cells)) for i, name in enumerate(names)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    print(line(names), file=out)
    for values in cells:
        print(line(values), file=out)
