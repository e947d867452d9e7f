"""Helpers for transcribing records by hand, on top of `povertydata data`.

python tools/spans.py find SEED QUOTE      every occurrence of QUOTE in a seed, with context
python tools/spans.py check [DIR]          every problem of a data folder (default: the package's)

A quote written with no offsets ({"quote": "...", "occurrence": 2}) is anchored by
`povertydata data anchor DIR`; `povertydata data validate DIR` is what `check` runs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from povertydata.authoring import occurrences, validate

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def find(seed: str, quote: str) -> int:
    text = (SEEDS / Path(seed).name).read_bytes().decode("utf-8")
    found = occurrences(text, quote)
    if not found:
        print(f"not found: {quote!r}")
    for n, start in enumerate(found, 1):
        end = start + len(quote)
        around = text[max(0, start - 15) : end + 15].replace("\n", "⏎")
        span = json.dumps({"start": start, "end": end, "quote": quote}, ensure_ascii=False)
        print(f"{span}  occurrence {n}: … {around} …")
    return 0 if found else 1


def check(folder: str) -> int:
    problems = validate(folder)
    for problem in problems:
        print(problem)
    print(f"{folder}: {'ok' if not problems else f'{len(problems)} problems'}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "find":
        sys.exit(find(sys.argv[2], sys.argv[3]))
    elif len(sys.argv) in (2, 3) and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2] if len(sys.argv) == 3 else str(ROOT / "povertydata" / "data")))
    else:
        print(__doc__)
        sys.exit(2)
