from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from povertydata import ParseError
from povertydata.numerals import normalize, read_numeral, scan_numeral, tidy

from strategies import chinese_numeral


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1800", "1800"),
        ("1,800", "1800"),
        ("1，800", "1800"),
        ("１８００", "1800"),
        ("233,333,333,434.344", "233333333434.344"),
        ("26.15亿", "2615000000"),
        ("1.2万", "12000"),
        ("3千万", "30000000"),
        ("一万二千三百", "12300"),
        ("一万二", "12000"),
        ("三万五", "35000"),
        ("两千六", "2600"),
        ("一百二", "120"),
        ("十三", "13"),
        ("两", "2"),
        ("〇", "0"),
        ("二〇一七", "2017"),
        ("壹佰贰拾叁", "123"),
        ("肆佰叁拾萬", "4300000"),
        ("十万亿", "10000000000000"),
        ("一亿零一", "100000001"),
        ("一千零十", "1010"),
        ("100万三千", "1003000"),
        ("200亿零四千230", "20000004230"),
        ("零点零零三四二万", "34.2"),
        ("十三点二", "13.2"),
        ("负十一", "-11"),
        ("-10.1万", "-101000"),
        ("15k", "15000"),
        ("30w", "300000"),
        ("两个亿", "200000000"),
        ("廿二", "22"),
        ("10000000000000000000000000000000000000000000", "10000000000000000000000000000000000000000000"),
    ],
)
def test_reads_numerals(text: str, value: str) -> None:
    assert read_numeral(text) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "position", "reason"),
    [
        ("1.2.3万", 3, "more than one decimal point"),
        ("万", 0, "without a number before it"),
        ("亿万", 0, "without a number before it"),
        ("12万亿亿", 4, "'亿' after '亿'"),
        ("十百", 1, "out of order"),
        ("零点", 1, "without digits after it"),
        ("点零", 0, "without a whole part"),
        ("零点点", 2, "more than one decimal point"),
        ("10.1万零100", 6, "digits after a decimal number with a magnitude"),
        ("一万两万", 2, "after '万'"),
        ("12a", 2, "'a' is not part of a number"),
        ("", 0, "no number"),
        ("负", 0, "a sign without a number"),
    ],
)
def test_rejects_malformed_numerals_with_position_and_reason(text: str, position: int, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        read_numeral(text)
    assert caught.value.position == position
    assert reason in caught.value.reason
    assert caught.value.text == text


def test_normalize_keeps_every_offset() -> None:
    text = "贫困发生率由１３．２％下降至１０．３％　，共８，０００户"
    assert len(normalize(text)) == len(text)
    assert normalize(text) == "贫困发生率由13.2%下降至10.3% ，共8，000户"
    assert normalize("４Ｇ、０.４ＭＷ、ｋｍ") == "4G、0.4MW、km"


def test_tidy_removes_exponent_artifacts_but_keeps_value() -> None:
    assert str(tidy(Decimal("1.2") * 10000)) == "12000"
    assert str(tidy(Decimal("0.50"))) == "0.5"
    assert str(tidy(Decimal("-0"))) == "0"


def test_form_of_numerals() -> None:
    assert scan_numeral("九百亿").suffix == "百亿"
    assert scan_numeral("30万").big
    assert not scan_numeral("15").big
    assert scan_numeral("两").single and scan_numeral("两").chinese
    assert not scan_numeral("2万").chinese


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_chinese_numerals_read_back(n: int) -> None:
    assert read_numeral(chinese_numeral(n)) == n


@given(st.integers(min_value=0, max_value=10**30))
def test_grouped_arabic_numbers_read_back(n: int) -> None:
    assert read_numeral(f"{n:,}") == n
    assert read_numeral(f"{n:,}".replace(",", "，")) == n


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=6, allow_nan=False, allow_infinity=False))
def test_decimals_read_back_exactly(d: Decimal) -> None:
    text = format(d, "f")
    assert read_numeral(text) == d
    assert isinstance(read_numeral(text), Decimal)


@given(st.decimals(min_value=0, max_value=10**4, places=4, allow_nan=False, allow_infinity=False))
def test_magnitudes_multiply_exactly(d: Decimal) -> None:
    text = format(d, "f")
    assert read_numeral(text + "万") == d * 10**4
    assert read_numeral(text + "亿") == d * 10**8


def test_a_long_run_of_magnitudes_is_refused_where_it_goes_wrong() -> None:
    # Read in one pass: the second 万 is refused at once, however long the run after it
    # (a recursive reader overflowed the stack on 986 of them).
    for text in ("1万" * 986, "一万" * 50000):
        with pytest.raises(ParseError) as caught:
            read_numeral(text)
        assert (caught.value.position, caught.value.reason) == (2, "a part after '万' as large as '万' itself")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三万五千亿", "3500000000000"),
        ("一亿二千万", "120000000"),
        ("1万亿", "1000000000000"),
        ("一亿零五万", "100050000"),
    ],
)
def test_a_magnitude_multiplies_everything_since_the_last_larger_one(text: str, value: str) -> None:
    assert read_numeral(text) == Decimal(value)


def test_the_callers_decimal_context_changes_nothing() -> None:
    with localcontext() as ctx:
        ctx.prec = 4
        assert read_numeral("负12345.6") == Decimal("-12345.6")
        assert read_numeral("一万二千三百四十五点六七") == Decimal("12345.67")


def test_a_number_past_the_precision_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="too long to hold exactly"):
        read_numeral("1" * 130)


@pytest.mark.parametrize("text", ["零百", "一千零百", "一万零千", "零千"])
def test_a_hundred_or_thousand_after_zero_needs_its_digit(text: str) -> None:
    # 零百 alone is no number, and 一千零百 skips no place: refused, not guessed as 100.
    with pytest.raises(ParseError, match="without a digit before it"):
        read_numeral(text)


def test_a_hundred_after_a_skipped_place_counts_one() -> None:
    # 一万零百一十一 (cn2an's test suite): the 千 place is empty, 百 stands for 一百.
    assert read_numeral("一万零百一十一") == read_numeral("一万零一百一十一") == 10111


@given(st.integers(1, 9), st.integers(1, 9), st.sampled_from(["万", "千", "百", "亿"]))
def test_a_lone_last_digit_reads_alike_in_arabic_and_chinese(high: int, low: int, mark: str) -> None:
    # 一万二 and 1万2 are both 12000: the lone digit counts in the place below the magnitude.
    chinese = chinese_numeral(high)[-1] + mark + chinese_numeral(low)
    place = {"万": 10**3, "千": 10**2, "百": 10, "亿": 10**7}[mark]
    expected = high * place * 10 + low * place
    assert read_numeral(f"{high}{mark}{low}") == read_numeral(chinese) == expected


@given(st.integers(1, 9999), st.integers(10, 9999))
def test_several_digits_after_a_magnitude_are_read_as_written(high: int, low: int) -> None:
    assert read_numeral(f"{high}万{low}") == high * 10**4 + low
