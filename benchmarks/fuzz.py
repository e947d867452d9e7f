"""Coverage-guided fuzzing of ``parse`` and ``extract`` (atheris), with the reader's invariants.

    python benchmarks/fuzz.py --seconds 60            # the short budget CI runs
    python benchmarks/fuzz.py --runs 1000000 corpus/  # the long budget (keeps a corpus)
    python benchmarks/fuzz.py --plain --runs 100000   # without atheris: random inputs
    POVERTYDATA_ORACLE_EXAMPLES=50000 python -m pytest -q tests/test_oracle.py  # the oracle, long

Needs ``pip install '.[fuzz]'`` (atheris; ``--plain`` needs nothing). Each input is
decoded into text, mostly as a sequence of report words (numerals, 万 and 亿, units,
qualifiers, rate words, range words, dates, punctuation, Latin letters, full-width forms)
so that the fuzzer's mutations explore figures, and sometimes as raw Unicode. The
invariants checked on every input:

* ``parse`` returns a sound figure (one that passes the Figure's checks) or raises
  ``ParseError``, nothing else;
* ``extract`` raises nothing; its mentions are in order, do not overlap, and each one's
  span is exactly its text; each figure is sound, and ``parse(m.text)`` is the same
  figure but for what the words outside the text gave it (``m.inferred``, each with its
  cue outside the text): a rate key added, a unit given to a bare number, a hedge given
  to an exact amount (a name's text is refused by ``parse``);
* both take time linear in the input: ``extract`` of the input repeated eight times takes
  at most sixteen times as long as the input once (plus a little), and no input takes
  longer than a generous bound per character.

A failing input raises, which stops the fuzzer with the input saved (atheris) or printed.
At the end the number of inputs run is printed (libFuzzer's ``Done N runs``).
"""

from __future__ import annotations

import argparse
import random
import sys
import time

import povertydata
from povertydata import ParseError

# The words inputs are made of: one byte picks one (a coverage-guided fuzzer mutates the
# bytes, and so the sequence of words).
WORDS = (
    list("0123456789０１２３４５６７８９")
    + list("零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億廿点負负")
    + list(".,，%％‰:：/／-—–~〜() （）·\n\t。；、")
    + ["元", "万元", "亿元", "美元", "人民币", "角", "分", "块", "户", "人", "名", "人次", "个", "次", "项", "年", "月",
       "日", "号", "天", "岁", "个月", "倍", "成", "个百分点", "公里", "亩", "吨", "千瓦", "兆瓦", "千瓦时", "度", "电",
       "平方米", "毫米", "克", "贫困人口", "贫困户", "约", "近", "超过", "不足", "以上", "以下", "左右", "余", "多", "内",
       "来", "上", "每", "每户", "每人", "每年", "人均", "年人均", "/户", "/年", "至", "到", "分之", "百分之", "第", "前",
       "届", "会议", "“", "”", "\"", "十三五", "个一批", "年度", "底", "份", "几", "数", "若干", "k", "w", "K", "W", "kW",
       "MW", "km", "kg", "CNY", "USD", " about ", " per ", " to ", " million", " billion", "households", "year",
       "January", "(含)", "及", "不超过", "最高", "每村", "每个", "每周", "每季度", "/人·年", "G", "A", "x", "e"]
)  # fmt: skip


def decode(data: bytes) -> str:
    """The text an input stands for: report words picked by its bytes, or raw Unicode."""
    if data[:1] == b"\xff":
        return data[1:].decode("utf-8", errors="replace")
    return "".join(WORDS[b % len(WORDS)] for b in data)


def _sound(figure: povertydata.Figure) -> None:
    problem = figure._problems()
    if problem:
        raise AssertionError(f"unsound figure {figure!r}: {problem}")


def _as_written(m: povertydata.Mention, again: povertydata.Figure) -> None:
    # What the words outside the text gave the figure (m.inferred) may differ from the
    # text's own reading only as reading across words may change it: a rate key added, a
    # bare number given a unit, an exact amount given a hedge. Everything else is equal.
    figure = m.figure
    assert figure is not None
    inferred = set(m.inferred)
    if inferred != {c.field for c in m.cues} or any(m.start < c.end and c.start < m.end for c in m.cues):
        raise AssertionError(f"cues that disagree with what is inferred, or inside the text: {m!r}")
    fields = ("value", "low", "high", "unit", "qualifier", "classifier", "per", "terms", "when")
    differ = {name for name in fields if getattr(again, name) != getattr(figure, name)}
    allowed = {
        "per": set(again.per) < set(figure.per),
        "unit": again.unit == "number",
        "qualifier": again.qualifier == "exact",
    }
    if not differ <= inferred or not all(allowed[name] for name in differ):
        raise AssertionError(f"parse reads {m.text!r} as {again!r}, extract as {figure!r} ({m.cues!r})")


def check(text: str) -> None:
    """Every invariant of ``parse`` and ``extract`` on ``text``; raises AssertionError."""
    try:
        figure = povertydata.parse(text)
    except ParseError:
        pass
    else:
        _sound(figure)
    started = time.perf_counter()
    mentions = povertydata.extract(text)
    once = time.perf_counter() - started
    if once > 0.05 + 20e-6 * len(text):
        once = _quickest(text)  # a shared machine stalls now and then: measure again
        if once > 0.05 + 20e-6 * len(text):
            raise AssertionError(f"extract took {once:.3f} s on {len(text)} characters")
    last = 0
    for m in mentions:
        if not (last <= m.start < m.end <= len(text)) or text[m.start : m.end] != m.text:
            raise AssertionError(f"a span that is not its text, or out of order: {m!r}")
        last = m.end
        if m.figure is None:
            try:
                povertydata.parse(m.text)
            except ParseError:
                continue
            raise AssertionError(f"a name that parses: {m!r}")
        _sound(m.figure)
        try:
            again = povertydata.parse(m.text)
        except ParseError as error:
            raise AssertionError(f"parse refuses the text of {m!r}: {error}") from None
        _as_written(m, again)
    if len(text) >= 64:
        started = time.perf_counter()
        povertydata.extract(text * 8)
        eight = time.perf_counter() - started
        if eight > 16 * once + 0.05:
            once, eight = _quickest(text), _quickest(text * 8)  # again, before calling it quadratic
            if eight > 16 * once + 0.05:
                raise AssertionError(f"extract of 8 copies took {eight:.4f} s, of one {once:.4f} s: not linear")


def _quickest(text: str, times: int = 5) -> float:
    """The quickest of a few runs of ``extract`` on ``text``: the time it takes, not the stalls."""
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        povertydata.extract(text)
        best = min(best, time.perf_counter() - started)
    return best


def one_input(data: bytes) -> None:
    """The fuzz target: one input, decoded and checked."""
    check(decode(data))


def _plain(runs: int, seconds: float, seed: int) -> int:
    """Random inputs without coverage guidance (no atheris needed)."""
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds if seconds else float("inf")
    done = 0
    while done < runs and time.monotonic() < deadline:
        size = rng.choice((4, 8, 16, 32, 64, 200))
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, size + 1)))
        one_input(data)
        done += 1
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=0, help="inputs to run (0: no limit)")
    parser.add_argument("--seconds", type=float, default=0, help="time to run for (0: no limit)")
    parser.add_argument("--plain", action="store_true", help="random inputs, without atheris")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("corpus", nargs="*", help="atheris corpus directories")
    args = parser.parse_args()
    if args.plain:
        started = time.perf_counter()
        done = _plain(args.runs or sys.maxsize, args.seconds, args.seed)
        print(f"fuzz (plain): {done} inputs in {time.perf_counter() - started:.0f} s, every invariant held")
        return
    import atheris

    # The reader's modules, instrumented for coverage as they load (the package's own
    # __init__ loads nothing of them).
    with atheris.instrument_imports(include=["povertydata"]):
        import povertydata.figures  # noqa: F401

    flags = [sys.argv[0], f"-seed={args.seed}", "-max_len=400", "-timeout=10", "-rss_limit_mb=4096"]
    if args.runs:
        flags.append(f"-runs={args.runs}")
    if args.seconds:
        flags.append(f"-max_total_time={int(args.seconds)}")
    # libFuzzer prints the number of inputs run ("Done N runs") when it stops.
    atheris.Setup(flags + args.corpus, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
