from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povertydata import Figure, ParseError, format, parse
from povertydata._registry import load

from strategies import figures, measured_figures, money_figures, money_ranges

D = Decimal


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        ("26.15亿元", "26.15亿元", "CNY 2.615 billion"),
        ("1800万元", "1800万元", "CNY 18 million"),
        ("21.75万元", "21.75万元", "CNY 217,500"),
        ("150元", "150元", "CNY 150"),
        ("12000亿元", "1.2万亿元", "CNY 1.2 trillion"),
        ("每人每天150元", "每人每天150元", "CNY 150 per person per day"),
        ("年人均2500元", "每人每年2500元", "CNY 2,500 per person per year"),
        ("每户每季度300元", "每户每季度300元", "CNY 300 per household per quarter"),
        ("15—30万元", "15万元—30万元", "CNY 150,000 to 300,000"),
        ("约2亿元", "约2亿元", "about CNY 200 million"),
        ("超过10亿元", "超过10亿元", "more than CNY 1 billion"),
        ("10亿元以上", "10亿元以上", "at least CNY 1 billion"),
        ("不超过2万元", "不超过2万元", "at most CNY 20,000"),
        ("5122户", "5122户", "5,122 households"),
        ("18442人", "18442人", "18,442 persons"),
        ("744名", "744名", "744 persons (名)"),
        # counted by a noun: no measure word, and the noun written says so
        ("11.6万贫困人口", "11.6万人口", "116,000 persons (人口)"),
        ("1.38万人次", "1.38万人次", "13,800 person-times"),
        ("13.2%", "13.2%", "13.2%"),
        ("1.54个百分点", "1.54个百分点", "1.54 percentage points"),
        ("近6倍", "近6倍", "nearly 6-fold"),
        ("20余次", "超过20次", "more than 20 items (次)"),
        ("16个", "16个", "16 items"),
        ("1个", "1个", "1 item"),
        ("5900公里", "5900公里", "5,900 kilometers"),
        ("2.6万亩", "2.6万亩", "26,000 mu"),
        ("1800毫米", "1800毫米", "1,800 millimeters"),
        ("45564.44美元", "45564.44美元", "USD 45,564.44"),
        ("1:10", "1:10", "1:10"),
        ("1:1000", "1:1000", "1:1000"),
        ("三分之一", "1/3", "1/3"),
        ("负三分之一", "-1/3", "-1/3"),
        ("千分之三", "3/1000", "3/1000"),
        ("几十万元", "约20万元—90万元", "about CNY 200,000 to 900,000"),
        ("若干元", "约若干元", "about an unstated amount of CNY"),
        ("3至30800", "3—30800", "3 to 30,800"),
        ("2017年", "2017年", "year 2017"),
        ("2016—2018年", "2016—2018年", "years 2016 to 2018"),
        ("2017年1月17日", "2017年1月17日", "January 17, 2017"),
        ("1月17日", "1月17日", "January 17"),
        ("2020年10月", "2020年10月", "October 2020"),
        ("11月底", "11月", "November"),
        ("1-9月", "1月至9月", "January to September"),
        ("12月25日至27日", "12月25日至12月27日", "December 25 to December 27"),
        ("18:31", "18:31", "18:31"),
    ],
)
def test_format_in_chinese_and_english(text: str, zh: str, en: str) -> None:
    figure = parse(text)
    assert format(figure) == zh
    assert format(figure, locale="zh_CN") == zh
    assert format(figure, locale="en") == en
    assert format(figure, locale="en_US") == en
    assert parse(zh) == parse(en) == figure


@pytest.mark.parametrize(
    ("text", "zh_tw"),
    [
        ("2.6万户", "2.6萬戶"),
        ("26.15亿元", "26.15億元"),
        ("每户8万元", "每戶8萬元"),
        ("约2亿元", "約2億元"),
        ("超过10亿元", "超過10億元"),
        ("1.54个百分点", "1.54個百分點"),
        ("64岁", "64歲"),
        ("三四个", "約3個—4個"),
        ("12万亿元", "12兆元"),  # CLDR's Taiwanese 兆 is 10**12
        ("45564.44港元", "45564.44港幣"),  # CLDR's name in Taiwan
    ],
)
def test_traditional_chinese_is_written_in_traditional_characters(text: str, zh_tw: str) -> None:
    assert format(parse(text), locale="zh_TW") == zh_tw


def test_hong_kong_writes_traditional_characters_too() -> None:
    assert format(parse("每户2.6万户"), locale="zh_HK") == "每戶2.6萬戶"


def test_other_locales_write_their_digits_and_cldr_words() -> None:
    assert format(parse("5900公里"), locale="fr") == "5\u202f900\xa0kilomètres"
    assert format(parse("1.5公顷"), locale="de") == "1,5 Hektar"
    assert format(parse("2017年1月17日"), locale="fr") == "17 janvier 2017"
    assert format(parse("1-9月"), locale="fr") == "janv.–sept."
    assert format(parse("26.15亿元"), locale="fr") == "CNY 2,615 milliards"
    # the locale's own digits, where CLDR gives it other digits than 0 to 9
    assert format(parse("5900公里"), locale="ar_EG") == "٥٬٩٠٠ كيلومتر"
    assert format(parse("每户12345.6元"), locale="fa") == "CNY ۱۲٬۳۴۵٫۶ per household"
    assert format(parse("2017年1月17日"), locale="bn") == "১৭ জানুয়ারি, ২০১৭"


def test_digits_rounds_for_display() -> None:
    assert format(parse("26.15亿元"), locale="en", digits=3) == "CNY 2.62 billion"
    assert format(parse("21.75万元"), digits=2) == "22万元"
    assert format(parse("15—30.6万元"), digits=2) == "15万元—31万元"


def test_unknown_locale_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown locale 'xx_YY_ZZ'"):
        format(parse("1元"), locale="xx_YY_ZZ")


def test_the_callers_decimal_context_changes_nothing() -> None:
    figure = parse("99999999999999999999999999999元9角9分")
    expected = format(figure), format(figure, locale="en")
    with localcontext() as ctx:
        ctx.prec = 4
        assert (format(figure), format(figure, locale="en")) == expected
    assert expected == ("99999999999999999999999999999.99元", "CNY 99,999,999,999,999,999,999,999,999,999.99")
    assert parse(expected[0]) == parse(expected[1]) == figure


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@settings(max_examples=400)
@given(figure=figures())
def test_every_figure_the_reader_makes_reads_back(locale: str, figure: Figure) -> None:
    """Every unit, range, rate, share, ratio, year and date, in Chinese and in English."""
    assert parse(format(figure, locale=locale)) == figure


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@given(figure=st.one_of(money_figures(), money_ranges(), measured_figures()))
def test_money_and_measures_read_back(locale: str, figure: Figure) -> None:
    assert parse(format(figure, locale=locale)) == figure


@pytest.mark.parametrize("locale", ["zh_TW", "fr", "ar_EG", "ja", "ru"])
@settings(max_examples=100)
@given(figure=figures())
def test_any_locale_writes_every_figure(locale: str, figure: Figure) -> None:
    written = format(figure, locale=locale)
    assert written and written == written.strip()


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        ("64岁", "64岁", "64 years (岁)"),
        ("12个月", "12个月", "12 months"),
        ("七成", "7成", "70% (成)"),
        ("1.5‰", "1.5‰", "0.15% (‰)"),
        ("3万头", "3万头", "30,000 items (头)"),
    ],
)
def test_measure_words_are_kept(text: str, zh: str, en: str) -> None:
    figure = parse(text)
    assert format(figure) == zh
    assert format(figure, locale="en") == en
    assert parse(zh) == parse(en) == figure


def test_a_duration_in_years_that_looks_like_a_year_is_written_in_chinese_numerals() -> None:
    figure = Figure(D(2543), unit="year_duration", classifier="年")
    assert format(figure) == "二千五百四十三年"
    assert parse(format(figure)) == figure


def test_a_number_range_is_written_so_that_its_low_end_borrows_nothing() -> None:
    # 3—3.08万 would read back as 30000 to 30800; 7—80 is in doubt (70 to 80?).
    for low, high, zh in [(3, 30800, "3—30800"), (7, 80, "7.0—80"), (150000, 300000, "15万—30万")]:
        figure = Figure(unit="number", low=D(low), high=D(high))
        assert format(figure) == zh
        assert parse(zh) == figure


def test_english_with_an_unknown_word_is_refused() -> None:
    with pytest.raises(ParseError, match="English text that is not a figure"):
        parse("5 apples")


def test_the_registrys_english_names_are_cldrs() -> None:
    from babel.units import format_unit

    for key, spec in load().units.items():
        if spec.babel is not None:
            assert format_unit(1, spec.babel, length="long", locale="en") == f"1 {spec.en[0]}", key
            assert format_unit(2, spec.babel, length="long", locale="en") == f"2 {spec.en[1]}", key


def test_cldrs_chinese_currency_names_are_words_the_reader_knows() -> None:
    from babel.numbers import get_currency_name

    for code, currency in load().currencies.items():
        assert currency.zh or get_currency_name(code, locale="zh_CN") in currency.words, code
        assert parse("5" + get_currency_name(code, locale="zh_CN") if not currency.zh else "5元").unit == code


def test_cldrs_english_months_are_the_readers() -> None:
    from babel import Locale

    from povertydata.figures._english import MONTHS

    assert tuple(Locale.parse("en").months["format"]["wide"][m] for m in range(1, 13)) == MONTHS
