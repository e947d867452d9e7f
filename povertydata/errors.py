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
        self.text = text
        self.position = position
        self.reason = reason
        super().__init__(f"{reason} at position {position} in {text!r}")

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, int, str]]:
        # Exceptions pickle through their args; ours take three, so say so.
        return (type(self), (self.text, self.position, self.reason))


class DataError(ValueError):
    """Package or user data that does not load: names the file and the record.

    Attributes:
        file: The data file (a package-relative name or a path).
        record: The id of the record at fault, or ``None`` for the file as a whole.
        reason: What was wrong.
    """

    def __init__(self, file: str, record: str | None, reason: str) -> None:
        self.file = file
        self.record = record
        self.reason = reason
        where = f"{file}: record {record!r}" if record is not None else file
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[type[DataError], tuple[str, str | None, str]]:
        return (type(self), (self.file, self.record, self.reason))
