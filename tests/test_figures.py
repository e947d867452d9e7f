from __future__ import annotations

import pickle
from decimal import Decimal, localcontext
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povertydata import Figure, ParseError, extract, parse
from povertydata.figures import UNITS as figure_units
from povertydata.numerals import DIGITS, scan_numeral

from strategies import any_text

D = Decimal


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # money
        ("1800万元", Figure(D(18000000), unit="CNY")),
        ("26.15亿元", Figure(D(2615000000), unit="CNY")),
        ("21.75万元", Figure(D(217500), unit="CNY")),
        ("136.02万元", Figure(D(1360200), unit="CNY")),
        ("壹佰贰拾叁元整", Figure(D(123), unit="CNY")),
        ("123元1角1分", Figure(D("123.11"), unit="CNY")),
        ("十块钱", Figure(D(10), unit="CNY")),
        ("45564.44美元", Figure(D("45564.44"), unit="USD")),
        ("港币两千九百六十元", Figure(D(2960), unit="HKD")),
        ("三万元欧元", Figure(D(30000), unit="EUR")),
        # households, persons, person-times
        ("5122户", Figure(D(5122), unit="household", classifier="户")),
        ("18442人", Figure(D(18442), unit="person", classifier="人")),
        ("17名", Figure(D(17), unit="person", classifier="名")),
        ("11.6万贫困人口", Figure(D(116000), unit="person")),
        ("5.9万贫困人口", Figure(D(59000), unit="person")),
        ("1.38万人次", Figure(D(13800), unit="person_time", classifier="人次")),
        # shares
        ("13.2%", Figure(D("13.2"), unit="percent")),
        ("13.2％", Figure(D("13.2"), unit="percent")),
        ("百分之十三点二", Figure(D("13.2"), unit="percent")),
        ("1.54个百分点", Figure(D("1.54"), unit="percentage_point")),
        ("3.7倍", Figure(D("3.7"), unit="fold")),
        ("近6倍", Figure(D(6), unit="fold", qualifier="nearly")),
        ("1:10", Figure(unit="ratio", terms=(D(1), D(10)))),
        # every share is a percent: a fraction keeps its terms, and its value where exact
        ("四分之三", Figure(D(75), unit="percent", terms=(D(3), D(4)))),
        ("三分之一", Figure(unit="percent", terms=(D(1), D(3)))),
        ("千分之三", Figure(D("0.3"), unit="percent", terms=(D(3), D(1000)))),
        ("负三分之一", Figure(unit="percent", terms=(D(-1), D(3)))),
        # a fraction written with digits is the same figure
        ("3/4", Figure(D(75), unit="percent", terms=(D(3), D(4)))),
        ("1/3", Figure(unit="percent", terms=(D(1), D(3)))),
        ("2/3以上", Figure(unit="percent", qualifier="at_least", terms=(D(2), D(3)))),
        ("近1/3", Figure(unit="percent", qualifier="nearly", terms=(D(1), D(3)))),
        # the whole: 百分之百
        ("百分之百", Figure(D(100), unit="percent")),
        # 成 is a tenth, ‰ a thousandth; the word is kept as the classifier
        ("七成", Figure(D(70), unit="percent", classifier="成")),
        ("8成以上", Figure(D(80), unit="percent", qualifier="at_least", classifier="成")),
        ("九成多", Figure(D(90), unit="percent", qualifier="more_than", classifier="成")),
        ("六至七成", Figure(unit="percent", low=D(60), high=D(70), classifier="成")),
        ("1.5‰", Figure(D("0.15"), unit="percent", classifier="‰")),
        # 一倍 and 一个百分点: a lone 一 before a unit that is no measure word
        ("近一倍", Figure(D(1), unit="fold", qualifier="nearly")),
        ("一个百分点", Figure(D(1), unit="percentage_point")),
        # ranges
        ("15—30万元", Figure(unit="CNY", low=D(150000), high=D(300000))),
        ("15-30万元", Figure(unit="CNY", low=D(150000), high=D(300000))),
        ("15到30万元", Figure(unit="CNY", low=D(150000), high=D(300000))),
        ("2至3次", Figure(unit="count", low=D(2), high=D(3), classifier="次")),
        ("1万元--5万元", Figure(unit="CNY", low=D(10000), high=D(50000))),
        ("从8500到3万港元", Figure(unit="HKD", low=D(8500), high=D(30000))),
        ("八百到九百亿泰铢", Figure(unit="THB", low=D(80000000000), high=D(90000000000))),
        ("三五百块", Figure(unit="CNY", qualifier="approx", low=D(300), high=D(500))),
        # neighbouring digits before a measure word: "three or four", not 34
        ("三四个", Figure(unit="count", qualifier="approx", low=D(3), high=D(4), classifier="个")),
        ("两三年", Figure(unit="year_duration", qualifier="approx", low=D(2), high=D(3), classifier="年")),
        ("十二三岁", Figure(unit="year_duration", qualifier="approx", low=D(12), high=D(13), classifier="岁")),
        ("二十七八万元", Figure(unit="CNY", qualifier="approx", low=D(270000), high=D(280000))),
        ("3-6月龄", Figure(unit="month_duration", low=D(3), high=D(6), classifier="月龄")),
        # qualifiers before and after
        ("20余次", Figure(D(20), unit="count", qualifier="more_than", classifier="次")),
        ("80余次", Figure(D(80), unit="count", qualifier="more_than", classifier="次")),
        ("超过10亿元", Figure(D(1000000000), unit="CNY", qualifier="more_than")),
        ("10亿元以上", Figure(D(1000000000), unit="CNY", qualifier="at_least")),
        ("20%以上", Figure(D(20), unit="percent", qualifier="at_least")),
        ("不超过2万元", Figure(D(20000), unit="CNY", qualifier="at_most")),
        ("约5000人", Figure(D(5000), unit="person", qualifier="approx", classifier="人")),
        ("5000人左右", Figure(D(5000), unit="person", qualifier="approx", classifier="人")),
        ("不足1万人", Figure(D(10000), unit="person", qualifier="less_than", classifier="人")),
        ("1%以下", Figure(D(1), unit="percent", qualifier="less_than")),
        ("12个月以内", Figure(D(12), unit="month_duration", qualifier="at_most", classifier="个月")),
        ("3000多欧元", Figure(D(3000), unit="EUR", qualifier="more_than")),
        ("20余万元", Figure(D(200000), unit="CNY", qualifier="more_than")),
        # 几 or 数 before a magnitude is 2 to 9 of it; 十几 is 11 to 19 (the contract's reading).
        ("几十万元", Figure(unit="CNY", qualifier="approx", low=D(200000), high=D(900000))),
        ("十几个", Figure(unit="count", qualifier="approx", low=D(11), high=D(19), classifier="个")),
        ("二十几万人", Figure(unit="person", qualifier="approx", low=D(210000), high=D(290000), classifier="人")),
        ("数百万元", Figure(unit="CNY", qualifier="approx", low=D(2000000), high=D(9000000))),
        ("几户", Figure(unit="household", qualifier="approx", low=D(2), high=D(9), classifier="户")),
        ("若干元", Figure(unit="CNY", qualifier="approx")),
        # Idioms that name the least amount they mean, and doubling.
        ("成千上万", Figure(D(1000), qualifier="at_least")),
        ("成百上千", Figure(D(100), qualifier="at_least")),
        ("数以万计", Figure(D(10000), qualifier="at_least")),
        ("数以千计", Figure(D(1000), qualifier="at_least")),
        ("翻一番", Figure(D(2), unit="fold")),
        ("翻了一番", Figure(D(2), unit="fold")),
        ("翻番", Figure(D(2), unit="fold")),
        ("翻两番", Figure(D(4), unit="fold")),
        ("翻三番", Figure(D(8), unit="fold")),
        ("三倍多", Figure(D(3), unit="fold", qualifier="more_than")),
        # 一半 is one half: 二分之一, with its terms.
        ("一半以上", Figure(D(50), unit="percent", qualifier="at_least", terms=(D(1), D(2)))),
        ("近一半", Figure(D(50), unit="percent", qualifier="nearly", terms=(D(1), D(2)))),
        ("突破50亿元", Figure(D(5000000000), unit="CNY", qualifier="more_than")),
        # Measure words of the complete lists, and units the reports write.
        ("17段", Figure(D(17), unit="count", classifier="段")),
        ("1500根", Figure(D(1500), unit="count", classifier="根")),
        ("260盏", Figure(D(260), unit="count", classifier="盏")),
        ("4000余群", Figure(D(4000), unit="count", qualifier="more_than", classifier="群")),
        ("120棚", Figure(D(120), unit="count", classifier="棚")),
        ("5000立方", Figure(D(5000), unit="m3")),
        ("120平方", Figure(D(120), unit="m2")),
        ("5kw", Figure(D(5), unit="kW")),
        ("每头800元", Figure(D(800), unit="CNY", per=("item",))),
        ("每套3万元", Figure(D(30000), unit="CNY", per=("item",))),
        ("亩产420公斤", Figure(D(420), unit="kg", per=("mu",))),
        ("约为45%", Figure(D(45), unit="percent", qualifier="approx")),
        ("约有3000人", Figure(D(3000), unit="person", qualifier="approx", classifier="人")),
        ("5万元(含)以下", Figure(D(50000), unit="CNY", qualifier="at_most")),
        ("60岁及以下", Figure(D(60), unit="year_duration", qualifier="at_most", classifier="岁")),
        # 内 after a duration: within it
        ("3年内", Figure(D(3), unit="year_duration", qualifier="at_most", classifier="年")),
        ("10个工作日内", Figure(D(10), unit="day_duration", qualifier="at_most", classifier="个工作日")),
        # a magnitude with no digit, hedged, counts one of it
        ("千余名", Figure(D(1000), unit="person", qualifier="more_than", classifier="名")),
        ("亿余元", Figure(D(100000000), unit="CNY", qualifier="more_than")),
        ("百余万元", Figure(D(1000000), unit="CNY", qualifier="more_than")),
        ("近千户", Figure(D(1000), unit="household", qualifier="nearly", classifier="户")),
        ("上百个", Figure(D(100), unit="count", qualifier="at_least", classifier="个")),
        ("上亿元", Figure(D(100000000), unit="CNY", qualifier="at_least")),
        # rates
        ("每户8万元", Figure(D(80000), unit="CNY", per=("household",))),
        ("每人每天150元", Figure(D(150), unit="CNY", per=("person", "day"))),
        ("每村每年4.7万元", Figure(D(47000), unit="CNY", per=("village", "year"))),
        ("年人均2500元", Figure(D(2500), unit="CNY", per=("person", "year"))),
        ("50元/年", Figure(D(50), unit="CNY", per=("year",))),
        ("每户最高5万元", Figure(D(50000), unit="CNY", qualifier="at_most", per=("household",))),
        # measures and counts
        ("32公里", Figure(D(32), unit="km")),
        ("2.6万亩", Figure(D(26000), unit="mu")),
        ("0.4MW", Figure(D("0.4"), unit="MW")),
        # 千 and 百 that begin a unit word are no magnitudes
        ("300千瓦", Figure(D(300), unit="kW")),
        ("3.6万千瓦", Figure(D(36000), unit="kW")),
        ("两千千瓦", Figure(D(2000), unit="kW")),
        ("300千克", Figure(D(300), unit="kg")),
        ("5千米", Figure(D(5), unit="km")),
        # a lone digit keeps its magnitude before a unit word (一千米 is 1000 m): 5000 g
        ("五千克", Figure(D(5000), unit="g")),
        ("一千米", Figure(D(1000), unit="m")),
        ("3百分点", Figure(D(3), unit="percentage_point")),
        ("150台套", Figure(D(150), unit="count", classifier="台套")),
        ("12日元", Figure(D(12), unit="JPY")),
        ("16个", Figure(D(16), unit="count", classifier="个")),
        ("198批次", Figure(D(198), unit="count", classifier="批次")),
        ("663幅", Figure(D(663), unit="count", classifier="幅")),
        ("3万头", Figure(D(30000), unit="count", classifier="头")),
        ("24.9万羽", Figure(D(249000), unit="count", classifier="羽")),
        ("1.45万个", Figure(D(14500), unit="count", classifier="个")),
        ("两次", Figure(D(2), unit="count", classifier="次")),
        ("25年", Figure(D(25), unit="year_duration", classifier="年")),
        ("5个工作日", Figure(D(5), unit="day_duration", classifier="个工作日")),
        # numbers
        ("一万二千", Figure(D(12000))),
        ("负5", Figure(D(-5))),
        ("１，８００", Figure(D(1800))),
        # years and dates
        ("2017年", Figure(D(2017), unit="year", when="2017")),
        ("2014—2015年", Figure(unit="year", low=D(2014), high=D(2015), when="2014/2015")),
        ("1月17日", Figure(unit="date", when="--01-17")),
        ("2017年1月17日", Figure(unit="date", when="2017-01-17")),
        ("22.12.2015", Figure(unit="date", when="2015-12-22")),
        ("11月底", Figure(unit="date", when="--11")),
        # runs of months and days
        ("1-9月", Figure(unit="date", when="--01/--09")),
        ("2019年1至10月份", Figure(unit="date", when="2019-01/2019-10")),
        ("2018年3月至6月", Figure(unit="date", when="2018-03/2018-06")),
        ("2018年10月至2019年3月", Figure(unit="date", when="2018-10/2019-03")),
        ("12月25日至27日", Figure(unit="date", when="--12-25/--12-27")),
        ("一至三月", Figure(unit="date", when="--01/--03")),
        ("三四月份", Figure(unit="date", when="--03/--04")),
        ("一二月", Figure(unit="date", when="--01/--02")),
        ("十二月", Figure(unit="date", when="--12")),
        ("18:31", Figure(unit="date", when="T18:31")),
        # the English form the formatter writes
        ("CNY 2.615 billion", Figure(D(2615000000), unit="CNY")),
        ("about 5,122 households", Figure(D(5122), unit="household", qualifier="approx", classifier="户")),
    ],
)
def test_parse(text: str, figure: Figure) -> None:
    assert parse(text) == figure


@pytest.mark.parametrize(
    ("text", "position", "reason"),
    [
        ("", 0, "empty expression"),
        ("   ", 0, "empty expression"),
        ("abc", 0, "no number"),
        ("NaN", 0, "no number"),
        ("万元", 0, "without a number before it"),
        ("亿万元", 0, "without a number before it"),
        ("12万亿亿", 4, "'亿' after '亿'"),
        ("1.2.3万元", 3, "more than one decimal point"),
        ("1,80万元", 1, "misplaced digit-group separator"),
        ("100元abc", 4, "unexpected text 'abc' after the figure"),
        ("共100元", 0, "unexpected text '共' before the figure"),
        ("30—15万元", 2, "low end is not below its high end"),
        ("十三五", 0, "name"),
        ("五个一批", 0, "name"),
        ("1+8+10", 0, "name"),
        ("“530”", 0, "name"),
        ("第一", 1, "ordinal"),
        ("3+X", 0, "name"),
        ("80年代", 2, "inside a word or a name"),
        ("三轮车", 1, "inside a word or a name"),
        ("千人", 0, "without a digit before it"),
        ("上百", 1, "no number and no unit"),
        ("近百年来", 1, "no number"),
        ("1/0", 2, "denominator zero"),
        ("CNY 5 dollars", 0, "English text"),
    ],
)
def test_parse_rejects_with_position_and_reason(text: str, position: int, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse(text)
    assert caught.value.position == position, caught.value
    assert reason in caught.value.reason, caught.value
    assert isinstance(caught.value, ValueError)


def test_parse_error_pickles_and_says_where() -> None:
    with pytest.raises(ParseError) as caught:
        parse("1.2.3万元")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (copy.text, copy.position, copy.reason) == (caught.value.text, 3, caught.value.reason)
    assert str(caught.value) == "a number with more than one decimal point at position 3 in '1.2.3万元'"


def test_parse_takes_only_strings() -> None:
    with pytest.raises(TypeError):
        parse(1800)  # type: ignore[arg-type]


def test_figures_are_frozen_and_hashable() -> None:
    figure = parse("1800万元")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        figure.value = D(1)  # type: ignore[misc]
    assert len({figure, parse("1,800万元"), parse("一千八百万元")}) == 1


def test_quantity_is_exact_pint() -> None:
    q = parse("每人每天150元").quantity()
    assert q.magnitude == D(150)
    assert isinstance(q.magnitude, Decimal)
    from povertydata.units import registry

    assert q.units == registry().Unit("CNY / person / day_duration")
    assert parse("3.7倍").quantity().to("dimensionless").magnitude == D("3.7")
    assert (parse("13.2%").quantity() - parse("1.54个百分点").quantity()).magnitude == D("11.66")


@pytest.mark.parametrize("text", ["15—30万元", "几十万元", "2017年", "1月17日", "1:10"])
def test_quantity_refuses_what_is_not_one_quantity(text: str) -> None:
    with pytest.raises(ValueError, match="quantity"):
        parse(text).quantity()


def _decimals_only(figure: Figure) -> None:
    for name in ("value", "low", "high"):
        value = getattr(figure, name)
        assert value is None or type(value) is Decimal
    assert all(type(t) is Decimal for t in figure.terms)


@given(any_text)
def test_parse_returns_a_figure_or_raises_parse_error(text: str) -> None:
    try:
        figure = parse(text)
    except ParseError as error:
        assert 0 <= error.position <= len(text)
    else:
        assert figure._problems() is None, figure
        _decimals_only(figure)


_plain_numerals = st.one_of(
    st.from_regex(r"[0-9]{1,30}(\.[0-9]{1,30})?[万亿]?", fullmatch=True),
    st.sampled_from(sorted(DIGITS)),
)


@given(_plain_numerals)
def test_plain_numerals_read_as_the_tokens_read_them(text: str) -> None:
    # scan_numeral reads the commonest numerals without tokens: the same Numeral, exactly.
    from povertydata.numerals import _scan_tokens

    plain = scan_numeral(text, normalized=True)
    tokens = _scan_tokens(text, 0, len(text), True)
    assert plain == tokens
    assert [repr(v) for v in plain] == [repr(v) for v in tokens]


@pytest.mark.parametrize(
    "text", ["1" * 130 + "万元", "1" * 200 + "户", "1." + "5" * 200 + "万元", "约" + "9" * 125 + "亿元"]
)
def test_a_number_past_the_exact_precision_is_refused_not_rounded(text: str) -> None:
    with pytest.raises(ParseError, match="too long to hold exactly"):
        parse(text)
    assert extract(text) == []


@pytest.mark.parametrize(
    ("fields", "error", "reason"),
    [
        ({"value": D(5), "unit": "bananas"}, ValueError, "unknown unit 'bananas'"),
        ({"value": D(5), "qualifier": "maybe"}, ValueError, "unknown qualifier 'maybe'"),
        ({"low": D(5), "high": D(1)}, ValueError, "range low 5 is not below high 1"),
        ({"low": D(5), "high": D(5)}, ValueError, "not below"),
        ({"low": D(5)}, ValueError, "needs both low and high"),
        ({"value": D(3), "low": D(1), "high": D(5)}, ValueError, "a value or a range, not both"),
        ({"value": 1.5}, TypeError, "must be a Decimal, not float"),
        ({"value": D("NaN")}, ValueError, "finite"),
        ({"value": D(5), "per": ("day", "person")}, ValueError, "in the order"),
        ({"value": D(5), "per": ("person", "person")}, ValueError, "each rate key once"),
        ({"value": D(5), "per": ("fortnight",)}, ValueError, "unknown per 'fortnight'"),
        ({"value": D(5), "per": ["person"]}, TypeError, "tuple"),
        ({"value": D(5), "unit": "km", "terms": (D(1), D(2))}, ValueError, "has no terms"),
        ({"value": D(5), "unit": "CNY", "when": "2017"}, ValueError, "only years and dates have when"),
        ({"value": D(2017), "unit": "year"}, ValueError, "a year needs when"),
        ({"value": D(2017), "unit": "year", "when": "2018"}, ValueError, "the years of when"),
        ({"unit": "date", "when": "2017-13"}, ValueError, None),
        ({"unit": "date", "when": "next week"}, ValueError, "ISO 8601"),
        ({"unit": "ratio", "terms": (D(1),)}, ValueError, "two or more terms"),
        ({"value": D(1), "unit": "ratio", "terms": (D(1), D(10))}, ValueError, "no amount"),
        ({"unit": "percent", "terms": (D(1), D(0))}, ValueError, "denominator zero"),
        ({"value": D("0.75"), "unit": "percent", "terms": (D(3), D(4))}, ValueError, "the percent its terms make"),
        ({"value": D(1), "unit": "percent", "terms": (D(1), D(3))}, ValueError, "the percent its terms make"),
        ({"unit": "fraction", "terms": (D(1), D(3))}, ValueError, "unknown unit 'fraction'"),
        ({"unit": "CNY"}, ValueError, "hedged"),
        ({"unit": "CNY", "classifier": ""}, ValueError, "measure word"),
    ],
)
def test_a_figure_that_breaks_its_rules_is_refused(fields: dict[str, object], error: type, reason: str | None) -> None:
    with pytest.raises(error) as caught:
        Figure(**fields)  # type: ignore[arg-type]
    if reason:
        assert reason in str(caught.value)


def test_every_unit_of_the_registry_makes_a_figure() -> None:
    from povertydata._registry import load

    made = set()
    for key, spec in load().units.items():
        if spec.pint is not None:
            made.add(Figure(D(5), unit=key).unit)
    for code in load().currencies:
        made.add(Figure(D(5), unit=code).unit)
    assert made == set(figure_units) - {"year", "date", "ratio"}


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # a bare low end reads in its own place, the high end's magnitude applied
        ("三到九十亿元", 300000000, 9000000000),
        ("三至七十万元", 30000, 700000),
        ("3至70万元", 30000, 700000),
        ("一到三万元", 10000, 30000),
        ("一至两万元", 10000, 20000),
        ("二至二十亿元", 200000000, 2000000000),
        ("四到四十万元", 40000, 400000),
        # one digit and 百 or 千 lend the place too: 3000 to 5000, 800亿 to 900亿
        ("3到5千元", 3000, 5000),
        ("三到五千元", 3000, 5000),
        ("八到九百亿泰铢", 80000000000, 90000000000),
        ("七到八百元", 700, 800),
        # a low end the magnitude would put above the high end stays as written
        ("500到3万元", 500, 30000),
    ],
)
def test_the_low_end_of_a_range(text: str, low: int, high: int) -> None:
    figure = parse(text)
    assert (figure.low, figure.high) == (low, high)


def test_a_chinese_low_end_reads_as_an_arabic_one() -> None:
    for chinese, arabic in [("三至七十万元", "3至70万元"), ("三到九十亿元", "3到90亿元"), ("一到三万元", "1到3万元")]:
        assert parse(chinese) == parse(arabic)


@pytest.mark.parametrize("text", ["七到八十", "7到80", "七到八十万元", "7到80万元", "7至800人", "1-20万元"])
def test_a_digit_one_below_the_high_ends_leading_digit_is_refused(text: str) -> None:
    # 7 to 80, or 70 to 80 as 七八十 is spoken? Either reading could be wrong.
    with pytest.raises(ParseError, match="7 to 80, or 70 to 80"):
        parse(text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("50:50", Figure(unit="ratio", terms=(D(50), D(50)))),
        ("1:2:3", Figure(unit="ratio", terms=(D(1), D(2), D(3)))),
        ("24:30", Figure(unit="ratio", terms=(D(24), D(30)))),
        # two digits, a colon and minutes are a time of day, 24:00 the end of the day
        ("24:00", Figure(unit="date", when="T24:00")),
        ("23:59", Figure(unit="date", when="T23:59")),
    ],
)
def test_ratios_and_times(text: str, figure: Figure) -> None:
    assert parse(text) == figure


def test_the_callers_decimal_context_changes_no_figure() -> None:
    with localcontext() as ctx:
        ctx.prec = 4
        assert parse("12345元1角").value == D("12345.1")
        assert parse("每户12345.67万元").value == D("123456700")
        assert parse("负12345.6万元").value == D("-123456000")


def test_more_digits_than_the_default_context_holds_stay_exact() -> None:
    assert parse("99999999999999999999999999999元9角9分").value == D("99999999999999999999999999999.99")


@pytest.mark.parametrize("text", ["1万" * 986, "一万" * 50000, "1万" * 986 + "元"])
def test_a_long_run_of_magnitudes_is_refused(text: str) -> None:
    with pytest.raises(ParseError, match="as large as"):
        parse(text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("CNY 18\tmillion", Figure(D(18000000), unit="CNY")),
        ("50 per person\tper day", Figure(D(50), per=("person", "day"))),
    ],
)
def test_english_with_any_space_between_its_words(text: str, figure: Figure) -> None:
    assert parse(text) == figure


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("CNY " + "1" * 130, "too long to hold exactly"),
        ("5 to 3 households", "low end is not below its high end"),
        ("CNY 1,80", "not a figure as povertydata writes it"),
        ("50 per day per person", "out of order"),
        ("50 per person per person", "repeat"),
    ],
)
def test_english_is_checked_as_chinese_is(text: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        parse(text)


def test_quantity_is_made_in_the_exact_context() -> None:
    figure = parse("每人12345.6789元")
    with localcontext() as ctx:
        ctx.prec = 4
        q = figure.quantity()
    assert q.magnitude == D("12345.6789")
    assert str(q.units) == "CNY / person"


def test_a_mention_says_which_fields_words_outside_it_gave() -> None:
    from povertydata import Cue, Mention

    figure = Figure(D(50000), unit="CNY", qualifier="at_most", per=("household",))
    cues = (Cue("per", 0, 2, "每户"), Cue("qualifier", 2, 4, "最高"))
    m = Mention(6, 9, "5万元", "quantity", figure, cues)
    assert m.inferred == ("per", "qualifier")
    assert Mention(6, 9, "5万元", "quantity", figure).inferred == ()
    assert pickle.loads(pickle.dumps(m)) == m


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: __import__("povertydata").Cue("value", 0, 2, "每户"), "a cue gives one of the fields"),
        (lambda: __import__("povertydata").Cue("per", 0, 3, "每户"), "does not fit the text"),
        (
            lambda: __import__("povertydata").Mention(
                0, 4, "每户5万", "quantity", Figure(D(50000), per=("household",)),
                (__import__("povertydata").Cue("per", 0, 2, "每户"),),
            ),
            "stands inside the mention",
        ),
        (
            lambda: __import__("povertydata").Mention(
                2, 7, "2017年", "year", Figure(D(2017), unit="year", when="2017"),
                (__import__("povertydata").Cue("per", 0, 2, "每户"),),
            ),
            "takes nothing from the words around it",
        ),
    ],
)  # fmt: skip
def test_a_cue_that_cannot_be_is_refused(make: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()
