"""Benchmarks, side by side in one run, printed as ratios against named peers.

    python benchmarks/bench.py            # everything (peers need: pip install '.[bench]')
    python benchmarks/bench.py --quick    # fewer repeats

1. Throughput of ``povertydata.extract`` over the concatenated seed texts against JioNLP's
   money extraction with parsing (``jionlp.ner.extract_money(text, with_parsing=True)``)
   and cn2an's text transform (``cn2an.transform(text, "cn2an")``), on the same text, in
   this process. Goal: extract at least 5x the throughput of JioNLP's money extraction
   while finding every kind of figure, not only money.
2. ``import povertydata`` in a fresh interpreter as a ratio to ``import attrs``. Goal <= 1.0.
3. ``povertydata.load()`` in a fresh interpreter as a ratio to ``import pint``. Goal <= 1.0.
4. ``extract`` over a corpus (the seeds, many times over) on one and on two worker
   processes, as the command line's ``--jobs`` runs it.

Timings are medians of repeated runs: the machines are shared and noisy, so read the
ratios, not the absolute numbers.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import povertydata
from povertydata.sources import seed_names, seed_text


def _throughput(fn: Callable[[str], object], text: str, repeats: int, cold: Callable[[], None] = lambda: None) -> float:
    fn(text)  # lazy imports and compiled patterns outside the timing
    times = []
    for _ in range(repeats):
        cold()  # each run starts with empty caches: a corpus is read once, not twenty times
        start = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - start)
    return len(text) / statistics.median(times)


def _fresh(code: str, repeats: int) -> float:
    """Median seconds the statement takes in a fresh interpreter (start-up excluded)."""
    probe = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout)
            for _ in range(repeats)]  # fmt: skip
    return statistics.median(runs)


def _corpus_rate(texts: list[str], jobs: int) -> float:
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        found = sum(pool.map(_count, texts, chunksize=max(1, len(texts) // (jobs * 8))))
    elapsed = time.perf_counter() - start
    assert found
    return sum(map(len, texts)) / elapsed


def _count(text: str) -> int:
    return len(povertydata.extract(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    repeats = 5 if args.quick else 20
    fresh_repeats = 5 if args.quick else 15

    text = "\n".join(seed_text(name) for name in seed_names())
    print(f"text: the {len(seed_names())} seed reports, {len(text):,} characters")
    print()
    rows: list[tuple[str, float, str]] = []
    from povertydata.figures import _fast, _tables

    def cold() -> None:
        _tables.numeral.cache_clear()
        _fast.fast_figure.cache_clear()

    ours = _throughput(povertydata.extract, text, repeats, cold)
    found = povertydata.extract(text)
    kinds = {k: sum(m.kind == k for m in found) for k in ("quantity", "year", "date", "name")}
    money = sum(1 for m in found if m.figure is not None and m.figure.unit == "CNY")
    rows.append(("povertydata.extract", ours, f"{len(found)} mentions ({money} money; {kinds})"))
    try:
        import jionlp

        jionlp.ner.extract_money(text[:50], with_parsing=True)
        jio_found = jionlp.ner.extract_money(text, with_parsing=True)
        rows.append(
            (
                "jionlp.ner.extract_money",
                _throughput(lambda s: jionlp.ner.extract_money(s, with_parsing=True), text, repeats),
                f"{len(jio_found)} mentions (money only)",
            )
        )
    except ImportError:
        print("jionlp not installed: pip install '.[bench]'")
    try:
        import cn2an

        rows.append(
            (
                "cn2an.transform",
                _throughput(lambda s: cn2an.transform(s, "cn2an"), text, repeats),
                "rewrites numerals, no spans",
            )
        )
    except ImportError:
        print("cn2an not installed: pip install '.[bench]'")
    print(f"{'extraction':28} {'chars/s':>12} {'ours / peer':>12}  found")
    for name, speed, note in rows:
        ratio = ours / speed
        print(f"{name:28} {speed:12,.0f} {ratio:12.2f}  {note}")
    print()

    ours_import = _fresh("import povertydata", fresh_repeats)
    attrs_import = _fresh("import attrs", fresh_repeats)
    print(f"{'start-up (fresh process)':28} {'seconds':>12} {'ratio':>12}  goal")
    print(
        f"{'import povertydata':28} {ours_import:12.4f} {ours_import / attrs_import:12.2f}  <= 1.0 against import attrs"
    )
    print(f"{'import attrs':28} {attrs_import:12.4f}")
    ours_load = _fresh("import povertydata; povertydata.load()", fresh_repeats)
    pint_import = _fresh("import pint", fresh_repeats)
    print(f"{'povertydata.load()':28} {ours_load:12.4f} {ours_load / pint_import:12.2f}  <= 1.0 against import pint")
    print(f"{'import pint':28} {pint_import:12.4f}")
    print()

    texts = [seed_text(name) for name in seed_names()] * (40 if args.quick else 200)
    one = _corpus_rate(texts, 1)
    two = _corpus_rate(texts, 2)
    print(f"corpus of {len(texts)} texts, {sum(map(len, texts)):,} characters (process start-up included)")
    print(f"{'extract, 1 process':28} {one:12,.0f} chars/s")
    print(f"{'extract, 2 processes':28} {two:12,.0f} chars/s {two / one:12.2f}  (x one process)")


if __name__ == "__main__":
    main()
