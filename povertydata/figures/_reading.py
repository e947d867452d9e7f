"""What reading one figure gives: its span, kind and figure, and how it was written."""

from __future__ import annotations

from typing import NamedTuple

from povertydata._figure import Figure, Kind
from povertydata.numerals import Numeral


class Reading(NamedTuple):
    """One figure, year, date or name read at a place of a text.

    ``numeral``, ``at`` and ``upto`` say how a quantity's number was written (the running
    text policy looks at them): the first numeral read and where it stands. They are
    ``None`` and 0 for anything else.
    """

    start: int
    end: int
    kind: Kind
    figure: Figure | None
    numeral: Numeral | None = None
    at: int = 0
    upto: int = 0
    #: A currency word before a number with no unit word after it (人民币120).
    bare_currency: bool = False
    #: The unit or measure word the figure ends with, as written.
    word: str | None = None
    #: A remark for the mention: the word after a bare number that may be a measure word
    #: the reader does not read (12点, 5000方).
    note: str | None = None
