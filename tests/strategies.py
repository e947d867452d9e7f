"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import strategies as st

from povertydata import Figure
from povertydata import _lexicon as lex
from povertydata._figure import share_value
from povertydata._registry import load
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
_WHOLE_UNITS = frozenset(key for key, spec in load().units.items() if spec.whole)


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
notes = st.one_of(st.none(), st.text(min_size=1, max_size=30))
regions = st.sampled_from(["630000", "632800", "632801", "632802", "500114", "150300"])


def figures_in(unit: str, classifier: str | None = None) -> st.SearchStrategy[Figure]:
    values = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
    return st.builds(lambda v, q: Figure(v, unit=unit, qualifier=q, classifier=classifier), values, qualifiers)


def spans_for(field: str | None) -> st.SearchStrategy[Span]:
    return st.builds(
        lambda start, size, quote: Span("golmud-2017", "000_300dd6caabd35270.txt", start, start + size, quote, field),
        st.integers(0, 5000),
        st.integers(1, 20),
        st.text(min_size=1, max_size=20),
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
        name_zh=draw(st.text(min_size=1, max_size=10)),
        name_en=draw(st.text(min_size=1, max_size=20)),
        value=draw(figures_in(unit, "个" if unit == "count" else None)),
        region=draw(regions),
        period=draw(periods),
        spans=tuple(draw(st.lists(spans_for("value"), max_size=2))),
        note=draw(notes),
    )


# -- every figure the reader makes -----------------------------------------------------

_REGISTRY = load()
_QUALIFIER_KEYS = sorted(_REGISTRY.qualifiers)
_PER_KEYS = list(_REGISTRY.per)
_ENTITIES = [k for k, p in _REGISTRY.per.items() if not p.time]
_TIMES = [k for k, p in _REGISTRY.per.items() if p.time]


def _tidy(d: Decimal) -> Decimal:
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


#: Rate keys as the reader lists them: at most one entity and one time, in that order.
rates = st.tuples(st.one_of(st.none(), st.sampled_from(_ENTITIES)), st.one_of(st.none(), st.sampled_from(_TIMES))).map(
    lambda pair: tuple(k for k in pair if k)
)


def _amounts(whole: bool, scale: Decimal = Decimal(1)) -> st.SearchStrategy[Decimal]:
    """Amounts as reports write them: whole things whole, others with up to four decimals,
    up to 10**20; negative now and then (负5户)."""
    if whole:
        return st.one_of(st.integers(0, 10**6), st.integers(0, 10**20), st.integers(-(10**4), -1)).map(Decimal)
    return st.one_of(
        st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
        st.decimals(min_value=0, max_value=10**12, places=4, allow_nan=False, allow_infinity=False),
        st.integers(0, 10**20).map(Decimal),
        st.decimals(min_value=-(10**4), max_value=0, places=2, allow_nan=False, allow_infinity=False),
    ).map(lambda d: _tidy(d * scale))


@st.composite
def _unit_and_words(draw: st.DrawFn) -> tuple[str, str | None, Decimal]:
    """A unit key, the classifier a figure of it carries as the reader makes one, its scale."""
    key = draw(
        st.sampled_from(
            [k for k, spec in _REGISTRY.units.items() if spec.pint is not None] + list(_REGISTRY.currencies)
        )
    )
    if key in _REGISTRY.currencies:
        return key, None, Decimal(1)
    words = [w for w in _REGISTRY.units[key].words if w.classifier]
    plain = any(not w.classifier for w in _REGISTRY.units[key].words) or not words
    choices: list[tuple[str | None, Decimal]] = [(w.word, w.scale) for w in words] + (
        [(None, Decimal(1))] if plain else []
    )
    classifier, scale = draw(st.sampled_from(choices))
    return key, classifier, scale


@st.composite
def figures(draw: st.DrawFn) -> Figure:
    """Every shape of figure the reader makes: any unit with the measure words the reader
    keeps, values, ranges and amounts no digit states, qualifiers and rates; fractions,
    ratios, years and dates. Each one is a figure ``parse`` returns for some text."""
    kind = draw(st.sampled_from(["value", "value", "range", "vague", "fraction", "ratio", "year", "years", "date"]))
    qualifier = draw(st.sampled_from(_QUALIFIER_KEYS))
    if kind in ("value", "range", "vague"):
        unit, classifier, scale = draw(_unit_and_words())
        whole = _REGISTRY.units[unit].whole if unit in _REGISTRY.units else False
        per = draw(rates)
        if kind == "vague":
            return Figure(unit=unit, qualifier=draw(st.sampled_from([q for q in _QUALIFIER_KEYS if q != "exact"])),
                          per=per, classifier=classifier)  # fmt: skip
        amounts = _amounts(whole, scale)
        if kind == "value":
            return Figure(draw(amounts), unit=unit, qualifier=qualifier, per=per, classifier=classifier)
        # The reader takes no range to a negative end (负5到负3 is no range it reads).
        high = draw(amounts.filter(lambda h: h > 0))
        low = draw(amounts.filter(lambda lo: lo < high))
        return Figure(unit=unit, low=low, high=high, qualifier=qualifier, per=per, classifier=classifier)
    if kind == "fraction":
        num = draw(st.integers(-999, 999).map(Decimal))
        den = draw(st.one_of(st.integers(1, 10**4).map(Decimal), st.sampled_from([Decimal("0.5"), Decimal("2.5")])))
        value = share_value(num, den)
        return Figure(None if value is None else _tidy(value), unit="percent", qualifier=qualifier, per=draw(rates),
                      terms=(num, den))  # fmt: skip
    if kind == "ratio":
        terms = draw(st.lists(st.integers(0, 10**6).map(Decimal), min_size=2, max_size=3).filter(any))
        if re.fullmatch(r"[0-9]{2}:[0-5][0-9](:[0-5][0-9])?", ":".join(map(str, terms))) and terms[0] <= 24:
            terms[0] += 100  # 14:14 is a time of day, not the ratio 14 to 14
        return Figure(unit="ratio", terms=tuple(terms))
    if kind == "year":
        y = draw(st.integers(1900, 2100))
        return Figure(Decimal(y), unit="year", when=str(y))
    if kind == "years":
        a = draw(st.integers(1900, 2099))
        b = draw(st.integers(a + 1, 2100))
        return Figure(unit="year", low=Decimal(a), high=Decimal(b), when=f"{a}/{b}")
    return Figure(unit="date", when=draw(whens))


@st.composite
def _when(draw: st.DrawFn) -> str:
    shape = draw(st.sampled_from(["ymd", "ym", "md", "m", "d", "time", "moment", "months", "days"]))
    y = draw(st.integers(1900, 2100))
    m1 = draw(st.integers(1, 11))
    d1 = draw(st.integers(1, 27))
    if shape == "ymd":
        return f"{y:04d}-{m1:02d}-{d1:02d}"
    if shape == "ym":
        return f"{y:04d}-{m1:02d}"
    if shape == "md":
        return f"--{m1:02d}-{d1:02d}"
    if shape == "m":
        return f"--{m1:02d}"
    if shape == "d":
        return f"---{d1:02d}"
    if shape == "time":
        return draw(st.sampled_from(["T18:31", "T00:00", "T24:00", "T09:05:30"]))
    if shape == "moment":
        return f"{y:04d}-{m1:02d}-{d1:02d}T10:30" + draw(st.sampled_from(["", ":00", ":00Z"]))
    m2 = draw(st.integers(m1 + 1, 12))
    with_year = draw(st.booleans())
    if shape == "months":
        if with_year:
            y2 = draw(st.integers(y, min(y + 1, 2100)))
            return f"{y:04d}-{m1:02d}/{y2:04d}-{m2 if y2 == y else draw(st.integers(1, 12)):02d}"
        return f"--{m1:02d}/--{m2:02d}"
    d2 = draw(st.integers(1, 28))
    if with_year:
        return f"{y:04d}-{m1:02d}-{d1:02d}/{y:04d}-{m2:02d}-{d2:02d}"
    return f"--{m1:02d}-{d1:02d}/--{m2:02d}-{d2:02d}"


#: The ISO 8601 forms the reader gives years and dates.
whens = _when()
