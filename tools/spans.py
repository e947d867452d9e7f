"""Helpers for transcribing records: find quotes in a seed and verify a data file's spans.

python tools/spans.py find SEED QUOTE      every occurrence of QUOTE, with context
python tools/spans.py check FILE...        every span of a report file against its seed
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_text(name: str) -> str:
    with open(SEEDS / Path(name).name, encoding="utf-8", newline="") as handle:
        return handle.read()


def find(seed: str, quote: str) -> None:
    text = seed_text(seed)
    start = text.find(quote)
    if start < 0:
        print(f"not found: {quote!r}")
    while start >= 0:
        end = start + len(quote)
        around = text[max(0, start - 15) : end + 15].replace("\n", "⏎")
        print(f'{{"start": {start}, "end": {end}, "quote": {json.dumps(quote, ensure_ascii=False)}}}  … {around} …')
        start = text.find(quote, start + 1)


def _spans(node: object, where: str):  # type: ignore[no-untyped-def]
    if isinstance(node, dict):
        if {"start", "end", "quote"} <= node.keys():
            yield where, node
        for key, value in node.items():
            yield from _spans(value, f"{where}.{key}" if key != "spans" else where)
    elif isinstance(node, list):
        for item in node:
            label = item.get("id", where) if isinstance(item, dict) else where
            yield from _spans(item, label)


def check(path: str) -> int:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    text = seed_text(data["report"]["seed"])
    bad = 0
    for where, span in _spans(data, "file"):
        got = text[span["start"] : span["end"]]
        if got != span["quote"]:
            bad += 1
            print(f"{path}: {where}: quote {span['quote']!r} but seed has {got!r} at [{span['start']}, {span['end']})")
    print(f"{path}: {'ok' if not bad else f'{bad} bad spans'}")
    return bad


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "find":
        find(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "check":
        sys.exit(1 if sum(check(p) for p in sys.argv[2:]) else 0)
    else:
        print(__doc__)
        sys.exit(2)
