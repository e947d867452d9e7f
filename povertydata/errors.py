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
    """Package or user data that does not load: names the file, the record and the field.

    Attributes:
        file: The data file (a package-relative name or a path).
        record: The id of the record at fault (or its place, ``funds[3]``, where it has no
            readable id), or ``None`` for the file as a whole.
        reason: What was wrong.
        field: The field at fault, as a path inside the record (``amount.value``,
            ``spans[0].start``), or ``None`` for the record or the file as a whole.

    """

    def __init__(self, file: str, record: str | None, reason: str, field: str | None = None) -> None:
        super().__init__(file, record, reason, field)
        self.file = file
        self.record = record
        self.reason = reason
        self.field = field

    def __str__(self) -> str:
        where = self.file
        if self.record is not None:
            where += f": record {self.record!r}"
        if self.field is not None:
            where += f", field {self.field!r}" if self.record is not None else f": field {self.field!r}"
        return f"{where}: {self.reason}"
