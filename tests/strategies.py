"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

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


def delingha_money() -> list[Fund]:
    """Delingha's money as its report tells it: a loan and the part paid out, a planned
    investment and the part invested so far, a third batch planned, a park fund given."""
    return [
        fund("loan", "23.2亿元", stage="done", kind="loan"),
        fund("loan-paid", "4.5亿元", stage="done", part_of=("loan",)),
        fund("investment", "20.52亿元", stage="planned", kind="invested"),
        fund("invested", "6.94亿元", stage="done", part_of=("investment",)),
        fund("batch-3", "2.1亿元", stage="planned", kind="invested"),
        fund("park", "1500万元", stage="done"),
    ]


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


# -- quantities written out, with values computed apart from the reader ----------------
#
# Each strategy gives the text of one figure and the figure a careful reader takes it to
# state, computed here from the parts drawn (never by the library), and whether running
# text means it as a figure (a Chinese numeral with no unit, or 一 before a measure word,
# is a word or the article there: ``extract`` passes over those, ``parse`` reads them).


class Written(NamedTuple):
    text: str
    figure: Figure
    #: ``extract`` finds it in running text as it stands.
    extractable: bool = True


_FINANCIAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_FULL_WIDTH = str.maketrans("0123456789.%,", "０１２３４５６７８９．％，")
_CN_DIGIT_CHARS = "〇一二三四五六七八九"


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


class _Number(NamedTuple):
    text: str
    value: Decimal
    chinese: bool
    #: Written with 万 or 亿.
    big: bool
    #: One letter (7, 七): the article 一, or a low end in doubt (七到八十).
    one_letter: bool
    #: The magnitude characters it ends with (百万 for 五百万), as a high end lends them.
    suffix: str


def _arabic(value: Decimal, grouped: bool) -> str:
    text = format(value, ",f" if grouped else "f")
    return text


@st.composite
def numbers(draw: st.DrawFn, whole: bool = False, positive: bool = False) -> _Number:
    """A number as reports write it, and its value: Arabic (plain, grouped, full-width,
    with decimals), Chinese (ordinary, with 两, financial), and either with 万 or 亿."""
    form = draw(st.sampled_from(["arabic", "arabic", "grouped", "chinese", "financial", "big", "big_chinese"]))
    low = 1 if positive else 0
    if form in ("arabic", "grouped"):
        if whole:
            value = Decimal(draw(st.integers(low, 10**9)))
        else:
            value = _tidy(
                draw(st.decimals(min_value=low, max_value=10**7, places=3, allow_nan=False, allow_infinity=False))
            )
        text = _arabic(value, grouped=form == "grouped")
        if draw(st.booleans()):
            text = text.translate(_FULL_WIDTH)
        return _Number(text, value, False, False, len(text) == 1, "")
    if form in ("chinese", "financial"):
        n = draw(st.integers(max(low, 1), 10**8))
        text = chinese_numeral(n)
        if text.startswith("二") and len(text) > 1 and text[1] in "千百万亿" and draw(st.booleans()):
            text = "两" + text[1:]  # 两千, 两万
        if form == "financial":
            text = text.translate(_FINANCIAL)
        suffix = ""
        for ch in reversed(text):
            if ch not in "十百千拾佰仟万亿":
                break
            suffix = ch + suffix
        return _Number(text, Decimal(n), True, "万" in text or "亿" in text, len(text) == 1, suffix)
    mark, scale = draw(st.sampled_from([("万", 10**4), ("亿", 10**8)]))
    if form == "big":
        m = _tidy(
            draw(st.decimals(min_value=max(low, 0), max_value=10**4, places=4, allow_nan=False, allow_infinity=False))
        )
        if m == 0:
            m = Decimal(1)
        return _Number(format(m, "f") + mark, _tidy(m * scale), False, True, False, mark)
    n = draw(st.integers(1, 9999))
    text = chinese_numeral(n)
    suffix = ""
    for ch in reversed(text):
        if ch not in "十百千":
            break
        suffix = ch + suffix
    return _Number(text + mark, Decimal(n * scale), True, True, False, suffix + mark)


class _Word(NamedTuple):
    word: str
    unit: str
    classifier: str | None
    scale: Decimal
    whole: bool
    noun: bool
    latin: bool


_WORDS: list[_Word] = sorted(
    [
        _Word(
            w.word,
            w.unit,
            w.word if w.classifier else None,
            w.scale,
            _REGISTRY.units[w.unit].whole,
            w.noun,
            w.word.isascii(),
        )
        for spec in _REGISTRY.units.values()
        for w in spec.words
        if not w.after
    ]
    + [
        _Word(w, code, None, Decimal(1), False, False, False)
        for code, c in _REGISTRY.currencies.items()
        for w in (*c.words, *c.after)
    ]
    + [_Word(w, "CNY", None, Decimal("0.1"), False, False, False) for w in _REGISTRY.currencies["CNY"].tenths],
    key=lambda w: w.word,
)
_DURATION_ONLY = [w for q in _REGISTRY.qualifiers.values() for w in q.after_duration]
_BETWEEN = [(w, q.key) for q in _REGISTRY.qualifiers.values() for w in q.between]
_BEFORE = [(w, q.key) for q in _REGISTRY.qualifiers.values() for w in q.before]
_AFTER = [(w, q.key) for q in _REGISTRY.qualifiers.values() for w in q.after]
_EACH = [(w, p.key) for p in _REGISTRY.per.values() for w in p.words]
_SLASH = [(w, p.key) for p in _REGISTRY.per.values() for w in p.words if len(w) == 1]
_SEPARATORS = ["——", "—", "–", "--", "-", "~", "〜", "至", "到"]


def _qualifier(*found: str | None) -> str:
    """The registry's rule for a figure hedged twice: a precise hedge over 约, else the first."""
    weak = [q for q in found if q and _REGISTRY.qualifiers[q].weakest]
    strong = [q for q in found if q and not _REGISTRY.qualifiers[q].weakest]
    return strong[0] if strong else weak[0] if weak else "exact"


def _rate_order(keys: list[str]) -> tuple[str, ...]:
    return tuple(k for k in _PER_KEYS if k in keys)


def _fits(word: _Word, n: _Number) -> bool:
    """The number and the unit word read as the number and the unit, no other way."""
    if word.latin and n.chinese:
        return False
    if word.whole and (n.value != n.value.to_integral_value()):
        return False  # 2.5个 is a section number
    if word.noun and (n.chinese and not n.big):
        return False  # 三贫困人口 is no figure
    if word.word[0] in "千百" and n.chinese and n.one_letter:
        return False  # 一千米 is 1000 m, the magnitude kept with the digit
    if word.word.startswith("年") and not n.chinese and re.fullmatch(r"[0-9]{4}", n.text.translate(_HALF_WIDTH)):
        return False  # 2017年 is a year
    return not (word.unit in ("CNY",) and word.scale != 1 and n.big)  # 5万角


_HALF_WIDTH = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")


@st.composite
def amounts(draw: st.DrawFn) -> Written:
    """A number and its unit or measure word, with the qualifier and rate words around it."""
    word = draw(st.sampled_from(_WORDS))
    n = draw(numbers(whole=word.whole).filter(lambda n: _fits(word, n)))
    value = _tidy(n.value * word.scale)
    before_q = draw(st.one_of(st.none(), st.sampled_from(_BEFORE)))
    between = (
        draw(st.one_of(st.none(), st.sampled_from(_BETWEEN)))
        if (not n.chinese or n.text[-1] in "十百千万亿")
        and n.value == n.value.to_integral_value()
        and not n.big
        and word.scale == 1
        and not word.noun
        else None
    )
    duration = word.unit.endswith("_duration")
    after_choices = _AFTER + ([(w, "at_most") for w in _DURATION_ONLY] if duration else [])
    after_q = draw(st.one_of(st.none(), st.sampled_from(after_choices)))
    rate: list[str] = []
    rate_text = ""
    if draw(st.booleans()):
        entity = draw(st.one_of(st.none(), st.sampled_from([(w, k) for w, k in _EACH if k in _ENTITIES])))
        time = draw(st.one_of(st.none(), st.sampled_from([(w, k) for w, k in _EACH if k in _TIMES])))
        for picked in (entity, time):
            if picked:
                rate_text += "每" + picked[0]
                rate.append(picked[1])
    slash = draw(st.one_of(st.none(), st.sampled_from(_SLASH))) if word.unit != "number" else None
    text = before_q[0] if before_q else ""
    text = rate_text + text if draw(st.booleans()) else text + rate_text
    text += n.text + (between[0] if between else "") + word.word + (after_q[0] if after_q else "")
    if slash:
        text += "/" + slash[0]
        rate.append(slash[1])
    figure = Figure(
        value,
        unit=word.unit,  # type: ignore[arg-type]
        qualifier=_qualifier(before_q and before_q[1], between and between[1], after_q and after_q[1]),  # type: ignore[arg-type]
        per=_rate_order(rate),  # type: ignore[arg-type]
        classifier=word.classifier,
    )
    article = n.chinese and n.one_letter and n.value == 1 and word.unit not in ("fold", "percentage_point")
    congress = n.chinese and word.word in ("届", "次")  # 十二届人大六次会议
    grade = word.word == "级" and value < 10  # 二级危房: a grade, no count
    return Written(text, figure, extractable=not (article or congress or grade))


def _spaced(draw: st.DrawFn, separator: str) -> str:
    return draw(st.sampled_from(["", " "])) + separator + draw(st.sampled_from(["", " "]))


@st.composite
def ranges(draw: st.DrawFn) -> Written:
    """A range with its unit on both ends (1万元--5万元, 3户 ~5户) or after the high end
    only (15—30万元, 三到九十亿元), with every separator and spacing."""
    word = draw(st.sampled_from([w for w in _WORDS if not w.noun]))
    separator = _spaced(draw, draw(st.sampled_from(_SEPARATORS)))
    if draw(st.booleans()):
        a = draw(numbers(whole=word.whole, positive=True).filter(lambda n: _fits(word, n)))
        b = draw(numbers(whole=word.whole, positive=True).filter(lambda n: _fits(word, n) and n.value > a.value))
        text = f"{a.text}{word.word}{separator}{b.text}{word.word}"
        low, high = a.value, b.value
        extractable = not (
            a.chinese and a.one_letter and a.value == 1 and word.unit not in ("fold", "percentage_point")
        )
        extractable = extractable and not (a.chinese and word.word in ("届", "次"))
        if word.word.startswith("年"):
            assume_ok = not re.fullmatch(r"[0-9]{4}", a.text)
            extractable = extractable and assume_ok
    else:
        # A bare low end: an Arabic whole number or one Chinese digit, before a high end
        # whose magnitude it borrows as the unit guide says.
        a_value = draw(st.integers(1, 999))
        chinese = draw(st.booleans()) and a_value <= 9
        a_text = chinese_numeral(a_value) if chinese else str(a_value)
        b = draw(
            numbers(whole=word.whole, positive=True).filter(
                lambda n: (_fits(word, n) and not n.chinese) or n.suffix != ""
            )
        )
        text = f"{a_text}{separator}{b.text}{word.word}"
        expected = _borrowed_low(Decimal(a_value), len(a_text) == 1, b)
        if expected is None or (word.latin and b.chinese):
            return draw(ranges())
        low, high = expected, b.value
        extractable = not (chinese and word.word in ("届", "次"))
    low, high = _tidy(low * word.scale), _tidy(high * word.scale)
    figure = Figure(unit=word.unit, low=low, high=high, classifier=word.classifier)  # type: ignore[arg-type]
    return Written(text, figure, extractable and not (word.word == "级" and high < 10))


def _borrowed_low(low: Decimal, one_letter: bool, high: _Number) -> Decimal | None:
    """The low end of ``low``—``high``, as the unit guide reads a bare low end; None where it
    refuses the range (out of order, or 七到八十: in doubt)."""
    suffix = high.suffix
    big = suffix.lstrip("十百千拾佰仟")
    place = suffix[: len(suffix) - len(big)]
    big_scale = Decimal(1)
    for ch in big:
        big_scale *= {"万": 10**4, "亿": 10**8}[ch]
    section = high.value / big_scale
    places = {"": 1, "十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
    place_scale = Decimal(places[place]) if len(place) <= 1 else Decimal(0)
    one_place = bool(place) and len(place) == 1 and place_scale and section / place_scale in range(1, 10)
    borrow_place = one_place and place in ("百", "千", "佰", "仟")
    scale = big_scale * (place_scale if borrow_place else 1)
    leading = int(str(int(section))[0])
    if not borrow_place and one_letter and low <= 9 and section >= 10 and leading == low + 1:
        return None
    if low * scale < high.value:
        return low * scale
    if low < high.value and low * 100 >= high.value:
        return low
    return None


@st.composite
def pairs(draw: st.DrawFn) -> Written:
    """Two neighbouring digits: 三四个, 两三年, 二十七八万元 (approximately, the two ends)."""
    a = draw(st.integers(1, 8))
    b = draw(st.integers(a + 1, min(9, a + 2)))
    tens = draw(st.integers(0, 9).filter(lambda t: not (t == 1 and b == 5)))  # 十四五 is a planning period
    head = "" if tens == 0 else ("十" if tens == 1 else chinese_numeral(tens) + "十")
    magnitude, scale = draw(st.sampled_from([("", 1), ("万", 10**4), ("百", 100), ("千万", 10**7), ("亿", 10**8)]))
    words = [
        w for w in _WORDS if not w.noun and not w.latin and w.word[0] not in "月年日" and w.word[0] not in "十百千万亿"
    ]
    word = draw(st.sampled_from(words))
    text = f"{head}{_CN_DIGIT_CHARS[a]}{_CN_DIGIT_CHARS[b]}{magnitude}{word.word}"
    low, high = (Decimal((tens * 10 + d) * scale) * word.scale for d in (a, b))
    return Written(text, Figure(unit=word.unit, qualifier="approx", low=_tidy(low), high=_tidy(high),  # type: ignore[arg-type]
                                classifier=word.classifier))  # fmt: skip


@st.composite
def shares(draw: st.DrawFn) -> Written:
    """Percent, 百分之, 成, ‰, fractions 分之 and a/b, ratios a:b."""
    kind = draw(st.sampled_from(["percent", "baifenzhi", "fraction", "slash", "ratio"]))
    if kind == "percent":
        n = draw(numbers())
        return Written(n.text + "%", Figure(n.value, unit="percent"), not n.chinese or n.big)
    if kind == "baifenzhi":
        n = draw(st.integers(1, 100))
        return Written("百分之" + chinese_numeral(n), Figure(Decimal(n), unit="percent"))
    num = draw(st.integers(1, 999))
    den = draw(st.integers(2, 9999))
    value = share_value(Decimal(num), Decimal(den))
    figure = Figure(None if value is None else _tidy(value), unit="percent", terms=(Decimal(num), Decimal(den)))
    if kind == "fraction":
        den_text = chinese_numeral(den) if draw(st.booleans()) else str(den)
        num_text = chinese_numeral(num) if draw(st.booleans()) else str(num)
        return Written(f"{den_text}分之{num_text}", figure)
    if kind == "slash":
        return Written(f"{num}/{den}", figure)
    terms = draw(st.lists(st.integers(0, 10**5), min_size=2, max_size=3).filter(any))
    text = ":".join(map(str, terms))
    if re.fullmatch(r"[0-9]{2}:[0-5][0-9](:[0-5][0-9])?", text) and terms[0] <= 24:
        return Written(text, Figure(unit="date", when="T" + text))
    return Written(text, Figure(unit="ratio", terms=tuple(Decimal(t) for t in terms)))


@st.composite
def calendar(draw: st.DrawFn) -> Written:
    """Years, spans of years, dates and runs of months and days."""
    kind = draw(st.sampled_from(["year", "chinese_year", "years", "date", "month", "months", "days"]))
    y = draw(st.integers(1900, 2100))
    if kind == "year":
        return Written(f"{y}年" + draw(st.sampled_from(["", "度"])), Figure(Decimal(y), unit="year", when=str(y)))
    if kind == "chinese_year":
        return Written(
            "".join(_CN_DIGIT_CHARS[int(c)] for c in str(y)) + "年", Figure(Decimal(y), unit="year", when=str(y))
        )
    if kind == "years":
        y2 = draw(st.integers(y + 1, 2101).filter(lambda v: v <= 2100)) if y < 2100 else 2100
        if y2 <= y:
            return draw(calendar())
        sep = draw(st.sampled_from(_SEPARATORS))
        text = f"{y}{draw(st.sampled_from(['', '年']))}{sep}{y2}年"
        return Written(text, Figure(unit="year", low=Decimal(y), high=Decimal(y2), when=f"{y}/{y2}"))
    m = draw(st.integers(1, 11))
    d = draw(st.integers(1, 28))
    month_text = chinese_numeral(m) if draw(st.booleans()) and m > 1 else str(m)
    if kind == "date":
        with_year = draw(st.booleans())
        text = (f"{y}年" if with_year else "") + f"{month_text}月{d}日"
        when = (f"{y:04d}" if with_year else "-") + f"-{m:02d}-{d:02d}"
        return Written(text, Figure(unit="date", when=when))
    if kind == "month":
        part = draw(st.sampled_from(["", "底", "初", "份", "中旬"]))
        return Written(f"{y}年{m}月{part}", Figure(unit="date", when=f"{y:04d}-{m:02d}"))
    m2 = draw(st.integers(m + 1, 12))
    if kind == "months":
        sep = draw(st.sampled_from(["-", "至", "到", "—"]))
        return Written(f"{y}年{m}{sep}{m2}月", Figure(unit="date", when=f"{y:04d}-{m:02d}/{y:04d}-{m2:02d}"))
    d2 = draw(st.integers(d + 1, 29))
    return Written(f"{m}月{d}日至{d2}日", Figure(unit="date", when=f"--{m:02d}-{d:02d}/--{m:02d}-{d2:02d}"))


# What each vague head says, by the contract's table: 几 or 数 before a magnitude is 2 to 9
# of it, 十几 11 to 19, 二十几 21 to 29 (written out here, apart from the reader).
_VAGUE = {
    "几十": (20, 90), "数十": (20, 90), "几百": (200, 900), "数百": (200, 900), "几千": (2000, 9000),
    "数千": (2000, 9000), "几万": (20000, 90000), "数万": (20000, 90000), "几十万": (200000, 900000),
    "数百万": (2000000, 9000000), "十几": (11, 19), "二十几": (21, 29),
}  # fmt: skip


@st.composite
def vague(draw: st.DrawFn) -> Written:
    """An amount no digit states: 几十万元, 数百家, 十几个 (hedged, with the bounds it names)."""
    head = draw(st.sampled_from(sorted(_VAGUE)))
    word = draw(st.sampled_from([w for w in _WORDS if not w.noun and not w.latin and w.word[0] not in "十百千万亿"]))
    low, high = (_tidy(Decimal(n) * word.scale) for n in _VAGUE[head])
    figure = Figure(unit=word.unit, qualifier="approx", low=low, high=high, classifier=word.classifier)  # type: ignore[arg-type]
    return Written(head + word.word, figure)


#: Every kind of written figure, with its independently computed figure.
written = st.one_of(amounts(), amounts(), ranges(), pairs(), shares(), calendar(), vague())

#: Text around a figure that neither joins it nor reads as one (a clause mark ends it).
fillers_before = st.sampled_from(["", "，", "。", "据统计，", "全县合计：", "\n", "其中，"])
fillers_after = st.sampled_from(["", "。", "，全部到位", "；", "\n", "，较上年有所增加"])
