"""One line of a JSON lines corpus: its id and its text, or what is wrong with it."""

from __future__ import annotations

import json

__all__ = ["record"]


def record(line: str | bytes, where: str, text_field: str, id_field: str | None) -> tuple[str, str] | str:
    """The id and text of one JSON line, or a message saying what is wrong, after ``where``.

    The id is the ``id_field`` (a string, or an integer written as a string) or, with no
    ``id_field``, ``where`` itself (``corpus.jsonl:17``). A blank line is no record: the
    caller passes it over.
    """
    try:
        text = line.decode("utf-8") if isinstance(line, bytes) else line
        data = json.loads(text.rstrip("\r\n"))  # columns in messages count on the line itself
    except UnicodeDecodeError as error:
        return f"{where}: not UTF-8 text ({error.reason} at byte {error.start})"
    except json.JSONDecodeError as error:
        return f"{where}: not JSON ({error.msg} at column {error.colno})"
    if not isinstance(data, dict):
        return f"{where}: not a JSON object"
    if text_field not in data:
        return f"{where}: no field {text_field!r}"
    body = data[text_field]
    if not isinstance(body, str):
        return f"{where}: field {text_field!r} is not a string"
    if id_field is None:
        return where, body
    if id_field not in data:
        return f"{where}: no field {id_field!r}"
    ident = data[id_field]
    if isinstance(ident, bool) or not isinstance(ident, (str, int)):
        return f"{where}: field {id_field!r} is not a string or an integer"
    return str(ident), body
