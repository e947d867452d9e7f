from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from povertydata import Figure, ParseError, format, parse

from strategies import measured_figures, money_figures, money_ranges

D = Decimal


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        ("26.15亿元", "26.15亿元", "CNY 2.615 billion"),
        ("1800万元", "1800万元", "CNY 18 million"),
        ("21.75万元", "21.75万元", "CNY 217,500"),
        ("150元", "150元", "CNY 150"),
        ("每人每天150元", "每人每天150元", "CNY 150 per person per day"),
        ("年人均2500元", "每人每年2500元", "CNY 2,500 per person per year"),
        ("15—30万元", "15万元—30万元", "CNY 150,000 to 300,000"),
        ("约2亿元", "约2亿元", "about CNY 200 million"),
        ("超过10亿元", "超过10亿元", "more than CNY 1 billion"),
        ("10亿元以上", "10亿元以上", "at least CNY 1 billion"),
        ("不超过2万元", "不超过2万元", "at most CNY 20,000"),
        ("5122户", "5122户", "5,122 households"),
        ("18442人", "18442人", "18,442 persons"),
        ("744名", "744名", "744 persons (名)"),
        ("11.6万贫困人口", "11.6万人", "116,000 persons"),
        ("1.38万人次", "1.38万人次", "13,800 person-times"),
        ("13.2%", "13.2%", "13.2%"),
        ("1.54个百分点", "1.54个百分点", "1.54 percentage points"),
        ("近6倍", "近6倍", "nearly 6-fold"),
        ("20余次", "超过20次", "more than 20 items (次)"),
        ("5900公里", "5900公里", "5,900 kilometers"),
        ("45564.44美元", "45564.44美元", "USD 45,564.44"),
        ("1:10", "1:10", "1:10"),
        ("2017年", "2017年", "2017"),
        ("2017年1月17日", "2017年1月17日", "2017-01-17"),
    ],
)
def test_format_both_locales(text: str, zh: str, en: str) -> None:
    figure = parse(text)
    assert format(figure) == zh
    assert format(figure, locale="zh_CN") == zh
    assert format(figure, locale="en") == en
    assert format(figure, locale="en_US") == en


def test_digits_rounds_for_display() -> None:
    assert format(parse("26.15亿元"), locale="en", digits=3) == "CNY 2.62 billion"
    assert format(parse("21.75万元"), digits=2) == "22万元"


def test_unknown_locale_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown locale 'xx_YY_ZZ'"):
        format(parse("1元"), locale="xx_YY_ZZ")


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@given(figure=money_figures())
def test_money_round_trips_exactly(locale: str, figure: Figure) -> None:
    assert parse(format(figure, locale=locale)) == figure


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@given(figure=money_ranges())
def test_money_ranges_round_trip_exactly(locale: str, figure: Figure) -> None:
    assert parse(format(figure, locale=locale)) == figure


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@given(figure=measured_figures())
def test_every_unit_round_trips(locale: str, figure: Figure) -> None:
    """Households, persons, counts with their measure word, durations, areas, shares."""
    assert parse(format(figure, locale=locale)) == figure


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        ("64岁", "64岁", "64 years (岁)"),
        ("12个月", "12个月", "12 months"),
        ("七成", "7成", "70% (成)"),
        ("1.5‰", "1.5‰", "0.15% (‰)"),
        ("3万头", "3万头", "30,000 items (头)"),
        ("2.6万亩", "2.6万亩", "26,000 mu"),
    ],
)
def test_measure_words_are_kept(text: str, zh: str, en: str) -> None:
    figure = parse(text)
    assert format(figure) == zh
    assert format(figure, locale="en") == en
    assert parse(zh) == parse(en) == figure


def test_english_with_an_unknown_word_is_refused() -> None:
    with pytest.raises(ParseError, match="English text that is not a figure"):
        parse("5 apples")


def _inexact(num: int, den: int) -> bool:
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    return num % den != 0


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@given(
    terms=st.tuples(st.integers(1, 999), st.integers(2, 999)).filter(lambda t: _inexact(*t)),
    qualifier=st.sampled_from(["exact", "nearly", "at_least", "approx"]),
)
def test_fractions_round_trip_and_are_no_ratios(locale: str, terms: tuple[int, int], qualifier: str) -> None:
    figure = Figure(unit="percent", qualifier=qualifier, terms=(D(terms[0]), D(terms[1])))
    written = format(figure, locale=locale)
    assert ":" not in written
    assert parse(written) == figure
