"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from povertydata import Figure
from povertydata import _lexicon as lex
from povertydata.model import COHORT_STATUSES, FUND_KINDS, FUND_SOURCES, Fund, HouseholdCohort, Indicator, Span

_DIGITS = "零一二三四五六七八九"
_UNITS = ["", "十", "百", "千"]


def chinese_numeral(n: int) -> str:
    """Write a non-negative integer below 10**16 in standard Chinese numerals.

    Written independently of the library's reader so the two can check each other.
    """
    if n == 0:
        return "零"

    def below_10k(k: int, lead: bool) -> str:
        out = []
        zero = False
        for place in (3, 2, 1, 0):
            d = (k // 10**place) % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero or (not out and not lead and k < 1000):
                out.append("零")
            zero = False
            if not (d == 1 and place == 1 and not out and lead):
                out.append(_DIGITS[d])
            out.append(_UNITS[place])
        return "".join(out)

    out = ""
    yi, wan, one = n // 10**8, n // 10**4 % 10**4, n % 10**4
    if yi:
        out += chinese_numeral(yi) + "亿"
    if wan:
        out += below_10k(wan, lead=not out) + "万"
    if one:
        piece = below_10k(one, lead=not out)
        if out and not piece.startswith("零") and (one < 1000 or not wan):
            piece = "零" + piece  # a skipped place is read as 零, once
        out += piece
    return out


#: Exact money amounts as reports write them: yuan, 万元 and 亿元 with up to four decimals.
money_values = st.one_of(
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    st.builds(
        lambda d: d * 10**4, st.decimals(min_value=0, max_value=10**5, places=4, allow_nan=False, allow_infinity=False)
    ),
    st.builds(
        lambda d: d * 10**8, st.decimals(min_value=0, max_value=10**4, places=4, allow_nan=False, allow_infinity=False)
    ),
).map(lambda d: Decimal(d).normalize() if d != d.to_integral_value() else d.quantize(Decimal(1)))

qualifiers = st.sampled_from(["exact", "approx", "more_than", "at_least", "at_most", "nearly", "less_than"])
pers = st.sampled_from(
    [(), ("person",), ("household",), ("village",), ("person", "year"), ("person", "day"), ("year",)]
)


@st.composite
def money_figures(draw: st.DrawFn) -> Figure:
    value = draw(money_values)
    return Figure(value, unit="CNY", qualifier=draw(qualifiers), per=draw(pers))


@st.composite
def money_ranges(draw: st.DrawFn) -> Figure:
    low = draw(money_values)
    high = draw(money_values.filter(lambda h: h > low))
    return Figure(unit="CNY", low=low, high=high, per=draw(pers))


#: Every measure word the reader knows, by the unit and classifier a figure gets from it
#: (nouns such as 贫困人口 are left out: they give no classifier, and are written 人).
_MEASURE_WORDS = sorted(
    {(w.unit, w.classifier, w.scale) for w in lex.UNITS.values() if not w.noun and w.unit not in ("CNY", "number")}
    | {("count", c, Decimal(1)) for c in lex.CLASSIFIERS},
    key=str,
)
_WHOLE_UNITS = frozenset({"household", "person", "person_time", "count"})


@st.composite
def measured_figures(draw: st.DrawFn) -> Figure:
    """Figures of every non-money unit, with the classifier a report writes, as values or ranges."""
    unit, classifier, scale = draw(st.sampled_from(_MEASURE_WORDS))
    if unit in _WHOLE_UNITS:  # households, persons and things come whole: 2.6万户, not 2.6户
        amounts = st.integers(0, 10**9).map(Decimal)
    else:
        amounts = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False).map(
            lambda d: (d * scale).normalize() if d != d.to_integral_value() else (d * scale).quantize(Decimal(1))
        )
    if draw(st.booleans()):
        return Figure(draw(amounts), unit=unit, qualifier=draw(qualifiers), classifier=classifier)
    low = draw(amounts)
    high = draw(amounts.filter(lambda h: h > low))
    return Figure(unit=unit, low=low, high=high, classifier=classifier)


#: Text that looks like a report: numerals, units, qualifiers and punctuation in any order.
report_alphabet = (
    "0123456789０１２３.,，%％:：-—~至到 "
    "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点负几数"
    "元块角分户人名次个项余多约近超过不足以上下左右每年月日天村亩公里倍百分之第"
    '是的和贫困资金“”"()（）《》\n'
)
report_text = st.text(alphabet=report_alphabet, max_size=60)
#: Numbers longer than the exact arithmetic holds (120 digits), among report words.
long_numbers = st.builds(
    lambda before, digits, decimals, after: before + digits + decimals + after,
    st.sampled_from(["", "约", "每户", "共"]),
    st.from_regex(r"[1-9][0-9]{100,300}", fullmatch=True),
    st.sampled_from(["", ".5", "." + "5" * 130]),
    st.sampled_from(["", "万元", "亿元以上", "户", "人", "%", "万", "—2万元", "年"]),
)
any_text = st.one_of(st.text(max_size=60), report_text, long_numbers)


# -- records ------------------------------------------------------------------------


ids = st.from_regex(r"[a-z]{3,8}-20(1[5-9]|20)/[a-z]{2,10}(-[a-z]{2,8}){0,3}", fullmatch=True)
periods = st.one_of(st.none(), st.sampled_from(["2015", "2016", "2017", "2015/2020", "2016-12", "2017-01/2017-09"]))
# Data files hold no blank strings: a name or a note says something or is null.
words = st.text(min_size=1, max_size=30).filter(str.strip)
notes = st.one_of(st.none(), words)
regions = st.sampled_from(["630000", "632800", "632801", "632802", "500114", "150300"])


def figures_in(unit: str, classifier: str | None = None) -> st.SearchStrategy[Figure]:
    values = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
    return st.builds(lambda v, q: Figure(v, unit=unit, qualifier=q, classifier=classifier), values, qualifiers)


def spans_for(field: str | None) -> st.SearchStrategy[Span]:
    return st.builds(
        lambda start, size, quote: Span("golmud-2017", "000_300dd6caabd35270.txt", start, start + size, quote, field),
        st.integers(0, 5000),
        st.integers(1, 20),
        words,
    )


@st.composite
def funds(draw: st.DrawFn) -> Fund:
    return Fund(
        id=draw(ids),
        report="golmud-2017",
        amount=draw(st.one_of(money_figures(), money_ranges())),
        kind=draw(st.sampled_from(sorted(FUND_KINDS))),
        source=draw(st.one_of(st.none(), st.sampled_from(sorted(FUND_SOURCES)))),
        purpose=draw(notes),
        program=draw(st.one_of(st.none(), ids)),
        region=draw(regions),
        period=draw(periods),
        spans=tuple(draw(st.lists(spans_for("amount"), min_size=1, max_size=2))),
        note=draw(notes),
    )


@st.composite
def cohorts(draw: st.DrawFn) -> HouseholdCohort:
    households = draw(st.one_of(st.none(), figures_in("household", "户")))
    persons = (
        draw(figures_in("person", "人"))
        if households is None
        else draw(st.one_of(st.none(), figures_in("person", "名")))
    )
    return HouseholdCohort(
        id=draw(ids),
        report="golmud-2017",
        households=households,
        persons=persons,
        status=draw(st.sampled_from(sorted(COHORT_STATUSES))),
        region=draw(regions),
        period=draw(periods),
        spans=tuple(draw(st.lists(spans_for("persons"), max_size=2))),
        note=draw(notes),
    )


@st.composite
def indicators(draw: st.DrawFn) -> Indicator:
    unit = draw(st.sampled_from(["percent", "count", "km", "mu", "percentage_point", "fold", "CNY"]))
    return Indicator(
        id=draw(ids),
        report="golmud-2017",
        name_zh=draw(words),
        name_en=draw(words),
        value=draw(figures_in(unit, "个" if unit == "count" else None)),
        region=draw(regions),
        period=draw(periods),
        spans=tuple(draw(st.lists(spans_for("value"), max_size=2))),
        note=draw(notes),
    )


# -- parts, wholes and stages: small synthetic selections -------------------------------


def fund(
    slug: str, amount: str | Figure, *, part_of: tuple[str, ...] = (), stage: str | None = None, **more: object
) -> Fund:
    """A fund of report ``t-2017`` with the given amount (``"100"``, ``"5万元"`` or a Figure)."""
    figure = amount if isinstance(amount, Figure) else (
        Figure(Decimal(amount), unit="CNY") if amount.replace(".", "").isdigit() else _parse(amount)
    )  # fmt: skip
    fields: dict[str, object] = {"kind": "allocated", "region": "632801", **more}
    return Fund(id=f"t-2017/{slug}", report="t-2017", amount=figure, part_of=tuple(f"t-2017/{p}" for p in part_of),
                stage=stage, **fields)  # type: ignore[arg-type]  # fmt: skip


def cohort(
    slug: str,
    households: str | None = None,
    persons: str | None = None,
    *,
    part_of: tuple[str, ...] = (),
    stage: str | None = None,
    status: str = "assisted",
) -> HouseholdCohort:
    """A cohort of report ``t-2017``: ``cohort("a", "10户", "30人")``."""
    return HouseholdCohort(
        id=f"t-2017/{slug}",
        report="t-2017",
        region="632801",
        households=None if households is None else _parse(households),
        persons=None if persons is None else _parse(persons),
        status=status,
        part_of=tuple(f"t-2017/{p}" for p in part_of),
        stage=stage,  # type: ignore[arg-type]
    )


def indicator(slug: str, value: str, *, part_of: tuple[str, ...] = (), stage: str | None = None) -> Indicator:
    """An indicator of report ``t-2017``: ``indicator("villages", "16个")``."""
    return Indicator(
        id=f"t-2017/{slug}",
        report="t-2017",
        region="632801",
        name_zh=slug,
        name_en=slug,
        value=_parse(value),
        part_of=tuple(f"t-2017/{p}" for p in part_of),
        stage=stage,  # type: ignore[arg-type]
    )


def _parse(text: str) -> Figure:
    from povertydata import parse

    return parse(text)


#: Money figures a total reads as bounds: exact values, ranges, lower bounds and hedges.
#: Upper bounds are left out: a total that is ``at_most`` keeps no least amount, so totals
#: of totals that include one are looser than the total of the whole (see test_totals).
summable_money = st.one_of(
    money_values.map(lambda v: Figure(v, unit="CNY")),
    st.builds(lambda v, q: Figure(v, unit="CNY", qualifier=q), money_values, st.sampled_from(["more_than", "at_least", "approx", "nearly"])),
    money_ranges().map(lambda f: Figure(unit="CNY", low=f.low, high=f.high)),
)  # fmt: skip


@st.composite
def part_forests(draw: st.DrawFn, figures: st.SearchStrategy[Figure] | None = None) -> list[Fund]:
    """2 to 9 funds of one report, each a part of none, one or two earlier ones (wholes come first)."""
    n = draw(st.integers(2, 9))
    made: list[Fund] = []
    for i in range(n):
        wholes = draw(st.lists(st.integers(0, i - 1), max_size=2, unique=True)) if i else []
        amount = draw(figures if figures is not None else money_values.map(lambda v: Figure(v, unit="CNY")))
        made.append(fund(f"f{i}", amount, part_of=tuple(f"f{w}" for w in sorted(wholes))))
    return made
