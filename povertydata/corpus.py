r"""The corpus path: every mention of many texts as one Arrow table with a fixed schema.

    >>> import povertydata as pv
    >>> table = pv.extract_table(["投入1800万元", "惠及5122户,2016年"], ids=["a", "b"])
    >>> table.select(["id", "start", "end", "text", "kind", "value_exact", "unit"]).to_pylist()[1]
    {'id': 'b', 'start': 2, 'end': 7, 'text': '5122户', 'kind': 'quantity', 'value_exact': '5122', 'unit': 'household'}
    >>> from povertydata.corpus import MENTION_SCHEMA
    >>> table.schema == MENTION_SCHEMA
    True

:data:`MENTION_SCHEMA` is published and fixed (its metadata names its version,
``mentions/2``): the same in every batch, partition and release, whatever the texts hold.

==============  ============================  =============================================
column          type                          holds
==============  ============================  =============================================
id              string                        the document's id (its position, by default)
start, end      int64                         code-point offsets: ``text[start:end]``
text            string                        the mention as written
kind            string                        ``quantity``, ``year``, ``date`` or ``name``
value           decimal128(38, 10)            the value in base units; null for a range, a
                                              date, a name, or a value it cannot hold
value_exact     string                        the value, exact, positional (``0.0000001``)
low, high       decimal128(38, 10)            a range's ends (null where they do not fit)
low_exact,      string                        a range's ends, exact
high_exact
unit            string                        unit key (``CNY``, ``household`` …)
qualifier       string                        ``exact``, ``approx``, ``more_than`` …
per             string                        rate denominators, ``person/year``
classifier      string                        the measure word as written
terms           list<string>                  a ratio's or fraction's terms, exact
when            string                        a year's or date's ISO 8601 form
inferred        list<string>                  the fields words outside the text gave the
                                              figure (``per``, ``unit``, ``qualifier``)
cues            list<struct<field, start,     each such word: the field it gave, where it
                end, text>>                   stands, its text
note            string                        why a number before a word is a bare number
==============  ============================  =============================================

Why a string beside each decimal: the reader holds numbers of up to 120 digits and any
number of decimal places (``0.00000000001%``), and no decimal128 does. ``decimal128(38,
10)`` holds every value below 10\ :sup:`28` with at most ten decimals exactly (every
value of the five reports, and of nearly any report); a value beyond is null there and
exact in ``value_exact``, never rounded.

:func:`extract_lines` reads JSON lines (one document an object) for Dask, Spark or Ray
partitions; the command line streams the same table to Parquet
(``povertydata extract --input jsonl --format parquet -o DIR``). pyarrow loads on first use.
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from povertydata._arrow import figure_arrays, figure_fields, need
from povertydata._jsonl import record

if TYPE_CHECKING:
    import pyarrow

    #: The schema of :func:`extract_table`: one row per mention (see the module's table).
    MENTION_SCHEMA: pyarrow.Schema

__all__ = ["MENTION_SCHEMA", "extract_lines", "extract_table"]

_log = logging.getLogger(__name__)


@functools.cache
def _schema() -> pyarrow.Schema:
    pa = need("pyarrow", "arrow")
    head = [
        pa.field("id", pa.string(), metadata={"description": "The document's id"}),
        pa.field("start", pa.int64(), metadata={"description": "Offset (code points) of the mention in the text"}),
        pa.field("end", pa.int64(), metadata={"description": "Offset one past the mention"}),
        pa.field("text", pa.string(), metadata={"description": "The mention as written: text[start:end]"}),
        pa.field("kind", pa.string(), metadata={"description": "quantity, year, date or name"}),
    ]
    cue = pa.struct([("field", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    tail = [
        pa.field("inferred", pa.list_(pa.string()), metadata={"description": "Fields the words outside the text gave"}),
        pa.field("cues", pa.list_(cue), metadata={"description": "Each word outside the text that gave a field"}),
        pa.field("note", pa.string(), metadata={"description": "Why a number before a word is a bare number"}),
    ]
    return pa.schema([*head, *figure_fields(), *tail], metadata={"povertydata.schema": "mentions/2"})


def __getattr__(name: str) -> Any:
    # The schema needs pyarrow: it is built when first asked for, not at import.
    if name == "MENTION_SCHEMA":
        return _schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract_table(texts: Iterable[str | None], ids: Iterable[str | int] | None = None) -> pyarrow.Table:
    """Every mention of every text, as one Arrow table with :data:`MENTION_SCHEMA`.

    Args:
        texts: The documents; a ``None`` has no mentions.
        ids: One id per text (strings or integers, written as strings); by default each
            text's position, ``"0"``, ``"1"`` …

    Raises:
        ValueError: when ``ids`` and ``texts`` differ in length.
        TypeError: for a text that is not a string.
        ImportError: naming the extra to install when pyarrow is missing.

    """
    pa = need("pyarrow", "arrow")
    from povertydata.figures import extract

    columns: dict[str, list[Any]] = {"id": [], "start": [], "end": [], "text": [], "kind": []}
    words: dict[str, list[Any]] = {"inferred": [], "cues": [], "note": []}
    figures = []
    missing = object()
    pairs: Iterable[tuple[Any, Any]] = (
        ((text, n) for n, text in enumerate(texts))
        if ids is None
        else itertools.zip_longest(texts, ids, fillvalue=missing)
    )
    for n, (text, ident) in enumerate(pairs):
        if text is missing or ident is missing:
            raise ValueError(f"ids and texts differ in length (at item {n})")
        if text is None:
            continue
        if not isinstance(text, str):
            raise TypeError(f"text {n} is a {type(text).__name__}, not a string")
        key = str(ident)
        for m in extract(text):
            columns["id"].append(key)
            columns["start"].append(m.start)
            columns["end"].append(m.end)
            columns["text"].append(m.text)
            columns["kind"].append(m.kind)
            figures.append(m.figure)
            words["inferred"].append(list(m.inferred))
            words["cues"].append([{"field": c.field, "start": c.start, "end": c.end, "text": c.text} for c in m.cues])
            words["note"].append(m.note)
    schema = _schema()
    head = [pa.array(values, type=schema.field(name).type) for name, values in columns.items()]
    tail = [pa.array(values, type=schema.field(name).type) for name, values in words.items()]
    return pa.Table.from_arrays([*head, *figure_arrays(figures), *tail], schema=schema)


def extract_lines(
    lines: Iterable[str | bytes],
    *,
    text_field: str = "text",
    id_field: str | None = None,
    on_error: str = "skip",
    source: str = "",
    first: int = 1,
) -> pyarrow.Table:
    """Every mention of a run of JSON lines (one document an object), as :func:`extract_table`.

    The shape of a Dask bag's partition (``db.read_text(...)``), a Spark or a Ray batch.

    Args:
        lines: JSON objects, one a line; blank lines are passed over.
        text_field: The field holding the text.
        id_field: The field holding the id; by default ``source:line``.
        on_error: ``"skip"``: a bad line (not JSON, not an object, no text) is logged as a
            warning on the ``povertydata.corpus`` logger and left out; ``"fail"``: it
            raises ``ValueError``.
        source: A name for the lines in ids and messages (a file name).
        first: The line number of the first line.

    """
    if on_error not in ("skip", "fail"):
        raise ValueError(f"on_error must be 'skip' or 'fail', not {on_error!r}")
    texts, ids = [], []
    for number, line in enumerate(lines, start=first):
        if not line.strip():
            continue
        got = record(line, f"{source}:{number}", text_field, id_field)
        if isinstance(got, str):
            if on_error == "fail":
                raise ValueError(got)
            _log.warning("%s; skipped", got)
            continue
        ids.append(got[0])
        texts.append(got[1])
    return extract_table(texts, ids)
