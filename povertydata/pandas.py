"""``import povertydata.pandas`` adds the ``.pv`` accessor to pandas Series.

    >>> import pandas as pd
    >>> import povertydata.pandas
    >>> amounts = pd.Series(["1800万元", "每户8万元", "两成"], index=["a", "b", "c"])
    >>> parsed = amounts.pv.parse()
    >>> parsed["value_exact"].to_dict()
    {'a': '18000000', 'b': '80000', 'c': '20'}
    >>> parsed.loc["b", "per"], parsed.loc["c", "unit"]
    ('household', 'percent')

``Series.pv.parse(errors=…)`` reads each string as one figure (:func:`povertydata.parse_many`)
and keeps the Series' index; ``Series.pv.extract()`` finds every mention of each text
(:func:`povertydata.extract_table`), with the index as the ``id``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from povertydata.corpus import extract_table
from povertydata.frames import parse_many

__all__ = ["FiguresAccessor"]


@pd.api.extensions.register_series_accessor("pv")
class FiguresAccessor:
    """``series.pv``: figures of a Series of strings, exact."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def _values(self) -> list[Any]:
        # A missing value is None, NaN or NA, as the Series' dtype has it: each is no text.
        return [None if pd.isna(v) else v for v in self._series.tolist()]

    def parse(self, errors: str = "raise") -> pd.DataFrame:
        """One row of figure columns per value, on the Series' index (``errors="coerce"``: null rows)."""
        frame: Any = parse_many(self._values(), errors=errors).to_pandas()
        frame.index = self._series.index
        return frame

    def extract(self) -> pd.DataFrame:
        """Every mention of every text, one row each; ``id`` is the text's index label."""
        frame: Any = extract_table(self._values(), ids=[str(i) for i in self._series.index]).to_pandas()
        return frame
