"""Score ``povertydata.extract`` against an annotated corpus (JSON Lines, the annotation contract).

    python tests/scoring.py CORPUS.jsonl [--show N]

Each line is a sentence with the mentions a careful reader finds in it (``id``, ``text``,
``mentions``: ``text``, ``kind``, ``value`` or ``low`` and ``high``, ``unit``,
``qualifier``, ``per``, ``classifier``, ``terms``, ``when``, ``inferred``). Quantities make
the headline figures: an annotated quantity is found when a quantity mention of
``extract`` overlaps its place in the sentence and states the same amount (value, or low
and high; a fraction with no value by its terms; a ratio by its terms) in the same unit.
Recall is over annotated quantities, precision over the quantity mentions found; per and
qualifier agreement are over the pairs found. Years, dates and names are scored apart
(the same text and kind).

The same measure as the project's first scorer, but that an annotated mention is looked
for after the end of the one before it (not one letter after its start, which found the
4个 of 14个 for the 4个 that follows).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import attrs

import povertydata as pv

#: What every corpus is held to: value and unit found and not made up, per and qualifier read.
THRESHOLDS = {"recall": 0.97, "precision": 0.97, "per_agreement": 0.97, "qualifier_agreement": 0.97}


class Pair(NamedTuple):
    """An annotated quantity and the mention that states it (``None`` where none does)."""

    case: str
    expected: dict[str, Any]
    found: pv.Mention | None


class Score(NamedTuple):
    """What a corpus scored, and every difference, one line each."""

    expected: int
    predicted: int
    recall: float
    precision: float
    per_agreement: float
    qualifier_agreement: float
    other_recall: float
    differences: list[str]

    def figures(self) -> dict[str, float]:
        """The scores alone, by name."""
        return {k: v for k, v in self._asdict().items() if k != "differences"}

    def below(self) -> dict[str, float]:
        """The scores under their threshold."""
        return {k: v for k, v in self.figures().items() if k in THRESHOLDS and v < THRESHOLDS[k]}


def as_written(m: pv.Mention) -> pv.Figure:
    """The figure of a mention without what the words outside its text gave it: what
    ``parse`` reads from its text alone."""
    assert m.figure is not None
    blank = pv.Figure(Decimal(0))
    return attrs.evolve(m.figure, **{name: getattr(blank, name) for name in m.inferred})


def cases(path: str | Path) -> Iterator[dict[str, Any]]:
    """The annotated sentences of a JSON Lines file."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _dec(x: object) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def locate(text: str, mentions: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Where each annotated mention stands: the first place after the one before it."""
    spans = []
    pos = 0
    for m in mentions:
        i = text.find(m["text"], pos)
        if i < 0:
            i = text.find(m["text"])
        spans.append((i, i + len(m["text"])))
        if i >= 0:
            pos = max(pos, i + len(m["text"]))
    return spans


def same_amount(exp: dict[str, Any], fig: pv.Figure) -> bool:
    """Whether ``fig`` states the annotated amount in the annotated unit."""
    unit = exp.get("unit", "number")
    if fig.unit != unit:
        return False
    if unit == "percent" and exp.get("terms") and exp.get("value") is None:
        return tuple(fig.terms) == tuple(Decimal(t) for t in exp["terms"])
    if unit == "ratio":
        return tuple(fig.terms) == tuple(Decimal(t) for t in exp.get("terms", []))
    return (fig.value, fig.low, fig.high) == (_dec(exp.get("value")), _dec(exp.get("low")), _dec(exp.get("high")))


def pairs(case: dict[str, Any], predicted: list[pv.Mention]) -> tuple[list[Pair], list[pv.Mention]]:
    """Each annotated quantity of a sentence with the mention that states it, and the
    quantity mentions no annotation claims."""
    text = case["text"]
    quantities = [m for m in predicted if m.kind == "quantity"]
    used: set[int] = set()
    out = []
    for e, (s, t) in zip(case["mentions"], locate(text, case["mentions"]), strict=True):
        if e["kind"] != "quantity":
            continue
        hit = None
        for k, m in enumerate(quantities):
            if k in used or m.end <= s or m.start >= t or m.figure is None:
                continue
            if same_amount(e, m.figure):
                hit = k
                break
        if hit is not None:
            used.add(hit)
        out.append(Pair(case["id"], e, None if hit is None else quantities[hit]))
    return out, [m for k, m in enumerate(quantities) if k not in used]


def score(annotated: Iterable[dict[str, Any]]) -> Score:
    """Score ``extract`` on annotated sentences."""
    n_exp = n_pred = found = per_ok = q_ok = 0
    other_exp = other_ok = 0
    differences: list[str] = []
    for case in annotated:
        predicted = pv.extract(case["text"])
        n_pred += sum(1 for m in predicted if m.kind == "quantity")
        for e in case["mentions"]:
            if e["kind"] != "quantity":
                other_exp += 1
                other_ok += any(m.kind == e["kind"] and m.text == e["text"] for m in predicted)
        matched, extra = pairs(case, predicted)
        for pair in matched:
            n_exp += 1
            e, m = pair.expected, pair.found
            if m is None or m.figure is None:
                amount = e.get("value") or (e.get("low"), e.get("high"))
                got = [(p.text, p.figure) for p in predicted if p.kind == "quantity"]
                differences.append(f"MISS {pair.case}: {e['text']} {amount} {e.get('unit')} | got {got}")
                continue
            found += 1
            if tuple(m.figure.per) == tuple(e.get("per", ())):
                per_ok += 1
            else:
                differences.append(f"PER  {pair.case}: {e['text']} want {e.get('per', [])} got {list(m.figure.per)}")
            if m.figure.qualifier == e.get("qualifier", "exact"):
                q_ok += 1
            else:
                differences.append(
                    f"QUAL {pair.case}: {e['text']} want {e.get('qualifier', 'exact')} got {m.figure.qualifier}"
                )
        differences += [f"XTRA {case['id']}: {m.text} {m.figure}" for m in extra]
    return Score(
        n_exp,
        n_pred,
        found / n_exp if n_exp else 1.0,
        found / n_pred if n_pred else 1.0,
        per_ok / found if found else 1.0,
        q_ok / found if found else 1.0,
        other_ok / other_exp if other_exp else 1.0,
        differences,
    )


def main(argv: list[str]) -> int:
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    failed = 0
    for path in (a for a in argv if a.endswith(".jsonl")):
        result = score(cases(path))
        for line in result.differences[:show]:
            print(line)
        print(path, json.dumps(result.figures(), indent=1))
        failed += bool(result.below())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
