"""The two exceptions the library raises for bad input.

``ParseError`` is raised by :func:`povertydata.parse` (and the numeral reader under it) for
text that is not one well-formed quantity expression. ``DataError`` is raised when the package
data (or a data file a user loads) is damaged.
"""

from __future__ import annotations

__all__ = ["DataError", "ParseError"]


class ParseError(ValueError):
    """Text that is not one well-formed quantity expression.

    Attributes:
        text: The whole expression that was being read.
        position: Code-point offset into ``text`` where reading failed.
        reason: What was wrong, in plain words.

    """

    def __init__(self, text: str, position: int, reason: str) -> None:
        # The message is made on demand: extraction raises and drops many of these over
        # long texts, and formatting each would cost more than the reading.
        super().__init__(text, position, reason)
        self.text = text
        self.position = position
        self.reason = reason

    def __str__(self) -> str:
        shown = self.text if len(self.text) <= 80 else self.text[max(0, self.position - 30) : self.position + 30] + "…"
        return f"{self.reason} at position {self.position} in {shown!r}"


class DataError(ValueError):
    """Package or user data that does not load: names the file and the record.

    Attributes:
        file: The data file (a package-relative name or a path).
        record: The id of the record at fault, or ``None`` for the file as a whole.
        reason: What was wrong.

    """

    def __init__(self, file: str, record: str | None, reason: str) -> None:
        super().__init__(file, record, reason)
        self.file = file
        self.record = record
        self.reason = reason

    def __str__(self) -> str:
        where = f"{self.file}: record {self.record!r}" if self.record is not None else self.file
        return f"{where}: {self.reason}"
