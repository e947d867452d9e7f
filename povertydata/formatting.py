"""Formatting figures for people, in Chinese and English and any babel locale.

Exact by default, so :func:`povertydata.parse` reads the Chinese (``zh_CN``) and English
(``en``) forms back to the same figure::

    >>> from povertydata import format, parse
    >>> format(parse("26.15亿元"))
    '26.15亿元'
    >>> format(parse("26.15亿元"), locale="en")
    'CNY 2.615 billion'
    >>> format(parse("26.15亿元"), locale="en", digits=3)
    'CNY 2.62 billion'
    >>> format(parse("2.6万户"), locale="zh_TW")
    '2.6萬戶'

What comes from CLDR, through babel: the compact forms of large numbers (万, 亿, 万亿 in
Chinese; million, billion in English), digits and separators, unit names and their
plurals, currency names, and dates. What comes from the registry of units
(``data/registry.json``): the words CLDR has no entry for (households, persons, 亩, 个百分点)
and the forms reports write (元 rather than 人民币, 公斤, 吨), in simplified and traditional
Chinese and in English.

Chinese locales (``zh_CN``, ``zh``; ``zh_TW``, ``zh_HK`` in traditional characters) get the
Chinese forms; every other locale gets the English forms, with that locale's digits
(٥٬٩٠٠ in Egyptian Arabic), separators, CLDR unit names and dates where CLDR has them (the
words CLDR lacks, such as "households", stay English). babel is imported on the first
call, not with the package.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from typing import TYPE_CHECKING, NamedTuple

from povertydata._registry import load
from povertydata.numerals import EXACT, tidy

if TYPE_CHECKING:
    from babel import Locale

    from povertydata._figure import Figure

__all__ = ["format"]

_REGISTRY = load()
_ONE = Decimal(1)
_MONEY = frozenset(_REGISTRY.currencies)
# Rounding for display (``digits``): the one place a figure is made inexact, on purpose.
_ROUNDING = Context(prec=EXACT.prec, rounding=ROUND_HALF_EVEN)
# Compact Chinese forms are kept where they stay short: 26.15亿元 and 1800万元, but 45564.44元
# rather than 4.556444万元 (money may have fen below 万: up to four decimals).
_ZH_COMPACT_DECIMALS = {True: 4, False: 2}
# The English compact forms written for money: million and more (CNY 217,500, not 217.5
# thousand), where they stay short (CNY 2.615 billion, but CNY 1,234,567,891).
_EN_COMPACT_FROM = Decimal(10**6)
_EN_COMPACT_DECIMALS = 4
# The measure word a figure leaves unwritten in English: the unit's own (5,122 households is 户).
_OWN_CLASSIFIER = {
    key: spec.zh for key, spec in _REGISTRY.units.items() if any(w.classifier and w.word == spec.zh for w in spec.words)
}
# The words of each unit that are its measure words, with their scale (成 is 10 percent).
_MEASURE_WORDS = {(w.unit, w.word): w.scale for spec in _REGISTRY.units.values() for w in spec.words if w.classifier}
_TRADITIONAL = str.maketrans(_REGISTRY.traditional)
# The zero of each numbering system CLDR makes a locale's default (its ten digits follow
# it in Unicode): babel writes the locale's separators but ASCII digits.
_DIGIT_ZERO = {
    "arab": 0x0660, "arabext": 0x06F0, "deva": 0x0966, "adlm": 0x1E950, "beng": 0x09E6, "hmnp": 0x1E140,
    "olck": 0x1C50, "cakm": 0x11136, "tibt": 0x0F20, "nkoo": 0x07C0, "mymr": 0x1040, "mtei": 0xABF0,
}  # fmt: skip
_DATE = re.compile(r"(?:(\d{4})|-)-(\d{2})(?:-(\d{2}))?")
_DAY = re.compile(r"---(\d{2})")


class _Style(NamedTuple):
    """What a locale writes: its babel Locale, and which of the registry's forms."""

    locale: Locale
    chinese: bool
    traditional: bool
    #: Where the compact forms of large numbers come from: the locale, or for Chinese the
    #: script's own (万, 萬: CLDR gives Hong Kong the K of English).
    compact: Locale


def format(figure: Figure, locale: str = "zh_CN", *, digits: int | None = None) -> str:
    """Write ``figure`` as a person reads it, in ``locale``.

    ``locale`` is ``"zh_CN"`` (the default), ``"zh_TW"``, ``"en"`` or any babel locale
    name. The arithmetic runs in the library's exact context whatever
    ``decimal.getcontext()`` says, and every digit is written unless ``digits`` asks for
    fewer.

    Args:
        figure: The figure to write.
        locale: A babel locale name.
        digits: Round amounts to this many significant digits. The result is then no
            longer exact, and parsing it back gives a rounded figure. ``None`` (the
            default) writes every digit.

    Raises:
        ValueError: for an unknown locale.

    """
    style = _style(locale)
    with localcontext(EXACT):
        if style.chinese:
            return _chinese(figure, style, digits)
        written = _english(figure, style, digits)
    zero = _DIGIT_ZERO.get(style.locale.default_numbering_system or "latn")
    if zero is None:
        return written
    return written.translate({ord("0") + d: zero + d for d in range(10)})  # the locale's own digits


def _style(locale: str) -> _Style:
    from babel import Locale, UnknownLocaleError

    try:
        loc = Locale.parse(locale.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError) as error:
        raise ValueError(f"unknown locale {locale!r}") from error
    traditional = loc.script == "Hant" or (loc.script is None and loc.territory in ("TW", "HK", "MO"))
    chinese = loc.language == "zh"
    compact = Locale.parse("zh_Hant" if traditional else "zh_Hans") if chinese else loc
    return _Style(loc, chinese, traditional, compact)


# ----------------------------------------------------------------------------- numbers


def _rounded(value: Decimal, digits: int | None) -> Decimal:
    if digits is None or not value:
        return value
    shift = digits - value.adjusted() - 1
    return tidy(value.quantize(Decimal(1).scaleb(-shift), context=_ROUNDING))


def _decimals(value: Decimal) -> int:
    exponent = tidy(value).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _plain(value: Decimal, style: _Style, *, grouped: bool = True) -> str:
    """Every digit of ``value``, in the locale's digits and separators."""
    from babel.numbers import format_decimal

    return format_decimal(
        value,
        locale=style.locale,
        decimal_quantization=False,
        group_separator=grouped and not style.chinese,
        numbering_system="default",
    )


def _compact_divisor(value: Decimal, style: _Style, length: str) -> Decimal:
    """The power of ten babel's compact form of ``value`` divides by (1 where it has none).

    CLDR's compact patterns, as babel reads them: the largest magnitude not above the
    value, and its pattern's zeros (0万, 00万 …) say the divisor.
    """
    patterns = style.compact.compact_decimal_formats[length]["other"]
    for magnitude in sorted((int(m) for m in patterns), reverse=True):
        if abs(value) >= magnitude:
            zeros = patterns[str(magnitude)].pattern.count("0")
            return Decimal(magnitude // 10 ** (zeros - 1)) if patterns[str(magnitude)].pattern != "0" else _ONE
    return _ONE


def _compact(value: Decimal, style: _Style, length: str, divisor: Decimal) -> str:
    """Babel's compact form of ``value``, with every digit the division leaves."""
    from babel.numbers import format_compact_decimal

    scaled = EXACT.divide(value, divisor)
    return format_compact_decimal(
        value,
        format_type=length,  # type: ignore[arg-type]
        locale=style.compact,
        fraction_digits=_decimals(scaled),
        numbering_system="default",
    )


def _zh_number(value: Decimal, style: _Style, money: bool) -> str:
    """A Chinese number: 万 and 亿 (万亿) where CLDR writes them and the result stays short."""
    divisor = _compact_divisor(value, style, "long")
    if divisor != _ONE and _decimals(EXACT.divide(value, divisor)) <= _ZH_COMPACT_DECIMALS[money]:
        return _compact(value, style, "long", divisor)
    return _plain(value, style)


def _en_number(value: Decimal, style: _Style, money: bool) -> str:
    """An English number: grouped, and money from a million on in CLDR's long compact form."""
    if money and abs(value) >= _EN_COMPACT_FROM:
        divisor = _compact_divisor(value, style, "long")
        if divisor != _ONE and _decimals(EXACT.divide(value, divisor)) <= _EN_COMPACT_DECIMALS:
            return _compact(value, style, "long", divisor)
    return _plain(value, style)


def _terms(figure: Figure, separator: str, style: _Style) -> str:
    """A ratio's terms (1:10) or a fraction's numerator and denominator (1/3), every digit."""
    return separator.join(_plain(t, style, grouped=False) for t in figure.terms)


# ----------------------------------------------------------------------------- dates


def _date_parts(when: str) -> tuple[int | None, int, int | None] | None:
    m = _DATE.fullmatch(when)
    if m is None:
        return None
    return (int(m.group(1)) if m.group(1) else None), int(m.group(2)), (int(m.group(3)) if m.group(3) else None)


def _date(when: str, style: _Style, wide: bool) -> str:
    """One date in the locale's words (babel): 2017年1月17日, January 17, 2017."""
    from babel.dates import format_skeleton

    day = _DAY.fullmatch(when)
    if day is not None:
        of_month = int(day.group(1))
        return (
            format_skeleton("d", dt.date(2000, 1, of_month), locale=style.locale)
            if style.chinese
            else f"day {of_month}"
        )
    parts = _date_parts(when)
    if parts is None:
        return when.removeprefix("T")  # a time of day (18:31) or a moment: as parse reads it
    year, month, d = parts
    date = dt.date(year or 2000, month, d or 1)
    if wide and not year and not d:
        from babel.dates import format_date

        return format_date(date, "LLLL", locale=style.locale)  # CLDR has no wide skeleton for a month alone
    skeleton = ("y" if year else "") + ("MMMM" if wide else "MMM") + ("d" if d else "")
    return format_skeleton(skeleton, date, locale=style.locale)


def _dates(when: str, style: _Style) -> str:
    parts = when.split("/")
    if len(parts) == 2 and not _ours(style):
        spans = [_date_parts(p) for p in parts]
        if spans[0] is not None and spans[1] is not None:
            return _interval(spans[0], spans[1], style)
    joiner = "至" if style.chinese else " to "
    return joiner.join(_date(part, style, not style.chinese) for part in parts)


def _ours(style: _Style) -> bool:
    """Chinese and English: the forms the reader reads back, composed here."""
    return style.chinese or style.locale.language == "en"


def _interval(
    first: tuple[int | None, int, int | None], last: tuple[int | None, int, int | None], style: _Style
) -> str:
    """A run of months or days in CLDR's interval form of the locale (janvier – septembre)."""
    from babel.dates import format_interval

    skeleton = ("y" if first[0] else "") + "MMMM" + ("d" if first[2] else "")
    start = dt.date(first[0] or 2000, first[1], first[2] or 1)
    end = dt.date(last[0] or 2000, last[1], last[2] or 1)
    return format_interval(start, end, skeleton, locale=style.locale)


def _year(figure: Figure, style: _Style) -> str:
    from babel.dates import format_skeleton

    def year(value: Decimal) -> str:
        return format_skeleton("y", dt.date(int(value), 1, 1), locale=style.locale)

    if figure.low is not None and figure.high is not None:
        if style.chinese:
            return f"{_plain(figure.low, style)}—{year(figure.high)}"
        if not _ours(style):
            from babel.dates import format_interval

            low, high = (dt.date(int(v), 1, 1) for v in (figure.low, figure.high))
            return format_interval(low, high, "y", locale=style.locale)
        return f"years {year(figure.low)} to {year(figure.high)}"
    assert figure.value is not None
    return year(figure.value) if style.chinese or not _ours(style) else f"year {year(figure.value)}"


# ----------------------------------------------------------------------------- Chinese


def _zh_word(figure: Figure, style: _Style) -> tuple[str, Decimal]:
    """The word written after the number, and how many of the unit one of it is."""
    unit = figure.unit
    if unit in _MONEY:
        currency = _REGISTRY.currencies[unit]
        own = currency.zh_hant if style.traditional else currency.zh
        if own:
            return own, _ONE
        from babel.numbers import get_currency_name

        return get_currency_name(unit, locale=style.locale), _ONE
    spec = _REGISTRY.units[unit]
    # The measure word as written, where it is one of this unit: 64岁 stays 64岁 (not
    # 64年), and 七成 is written 7成 rather than 70%, so parse reads back the same figure.
    classifier = figure.classifier
    written = classifier.translate(_TRADITIONAL) if classifier and style.traditional else classifier
    if classifier is not None and (unit, classifier) in _MEASURE_WORDS:
        return written or classifier, _MEASURE_WORDS[unit, classifier]
    if unit == "count":
        return written or (spec.zh_hant if style.traditional else spec.zh), _ONE
    if classifier is None and spec.noun is not None:
        return spec.noun[1 if style.traditional else 0], _ONE  # counted by a noun: 11.6万人口
    return (spec.zh_hant if style.traditional else spec.zh), _ONE


def _unscale(value: Decimal, scale: Decimal) -> Decimal:
    return value if scale == _ONE else tidy(EXACT.divide(value, scale))


def _zh_range(low: Decimal, high: Decimal, word: str, style: _Style, money: bool) -> str:
    if word:  # the unit on both ends: in 1—5万元 the low end borrows 万, so 1元—5万元 says 元
        return f"{_zh_amount(low, word, style, money)}—{_zh_amount(high, word, style, money)}"
    # No word: a bare low end would borrow the high end's 万, and 7—80 is in doubt (70—80?).
    first, second = _zh_number(low, style, money), _zh_number(high, style, money)
    if first == _plain(low, style) and second != _plain(high, style):
        second = _plain(high, style)
    if low == low.to_integral_value() and 1 <= low <= 9 and str(int(high)).startswith(str(int(low) + 1)) and high >= 10:
        first += ".0"
    return f"{first}—{second}"


_CN_DIGITS = "零一二三四五六七八九"
_CN_PLACES = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
_YEARLIKE = re.compile(r"-?[12][0-9]{3}")


def _in_chinese_numerals(n: int) -> str:
    """A whole number below 10000 in Chinese numerals (2543 -> 二千五百四十三)."""
    out: list[str] = []
    gap = False
    for place, mark in _CN_PLACES:
        digit = n // place % 10
        if digit:
            out.append(("零" if gap and out else "") + _CN_DIGITS[digit] + mark)
            gap = False
        else:
            gap = True
    return "".join(out) or "零"


def _zh_amount(value: Decimal, word: str, style: _Style, money: bool) -> str:
    text = _zh_number(value, style, money)
    if word == "年" and _YEARLIKE.fullmatch(text):
        # 2543年 would be read as a calendar year: a duration that long is written in
        # Chinese numerals, which no year is read from (二千五百四十三年).
        text = ("负" if value < 0 else "") + _in_chinese_numerals(abs(int(value)))
    return text + word


def _chinese(figure: Figure, style: _Style, digits: int | None) -> str:
    unit = figure.unit
    if unit == "date":
        return _dates(figure.when or "", style)
    if unit == "year":
        return _year(figure, style)
    if unit == "ratio":
        return _terms(figure, ":", style)
    money = unit in _MONEY
    word, scale = _zh_word(figure, style)
    if figure.terms:
        body = _terms(figure, "/", style)  # a fraction: 1/3, as the text may write it
    elif figure.value is not None:
        body = _zh_amount(_rounded(_unscale(figure.value, scale), digits), word, style, money)
    elif figure.low is not None and figure.high is not None:
        low, high = (_rounded(_unscale(v, scale), digits) for v in (figure.low, figure.high))
        body = _zh_range(low, high, word, style, money)
    else:
        body = "若干" + word  # an amount stated by no digit (几十万元): some yuan
    qualifier = _REGISTRY.qualifiers[figure.qualifier]
    before = qualifier.zh_hant if style.traditional else qualifier.zh
    after = qualifier.zh_hant_after if style.traditional else qualifier.zh_after
    per = "".join("每" + (_REGISTRY.per[p].zh_hant if style.traditional else _REGISTRY.per[p].zh) for p in figure.per)
    return f"{per}{before}{body}{after}"


# ----------------------------------------------------------------------------- English and others


def _unit_words(figure: Figure, amount: str, value: Decimal | None, style: _Style) -> str:
    """``amount`` with the unit's name, singular or plural as CLDR's rules say.

    English takes the registry's names (CLDR's, where CLDR has the unit: a test holds them
    to it); another locale takes CLDR's own for a single value of such a unit.
    """
    spec = _REGISTRY.units[figure.unit]
    if spec.babel is not None and value is not None and figure.low is None and style.locale.language != "en":
        from babel.units import format_unit

        whole = style.locale.decimal_formats[None].pattern.split(";")[0].split(".")[0]
        places = _decimals(value)
        return format_unit(
            value,
            spec.babel,
            length="long",
            format=whole + ("." + "0" * places if places else ""),
            locale=style.locale,
            numbering_system="default",
        )
    plural = value is None or style.locale.plural_form(abs(value)) != "one"
    word = spec.en[1 if plural else 0]
    if not word:
        return amount
    return f"{amount}{word}" if spec.attached and value is not None else f"{amount} {word}"


def _english(figure: Figure, style: _Style, digits: int | None) -> str:
    unit = figure.unit
    if unit == "date":
        return _dates(figure.when or "", style)
    if unit == "year":
        return _year(figure, style)
    if unit == "ratio":
        return _terms(figure, ":", style)
    money = unit in _MONEY
    value: Decimal | None = None
    if figure.terms:
        text = _terms(figure, "/", style)
    else:
        if figure.value is not None:
            value = _rounded(figure.value, digits)
            amount = _en_number(value, style, money)
        elif figure.low is not None and figure.high is not None:
            value = _rounded(figure.high, digits)
            low = _en_number(_rounded(figure.low, digits), style, money)
            amount = f"{low}{' to ' if _ours(style) else '–'}{_en_number(value, style, money)}"
        else:
            amount = (
                "an unstated amount of"
                if money
                else "an unstated number of"
                if unit != "number"
                else "an unstated number"
            )
        if money:
            text = f"{unit} {amount}" if value is not None else f"{amount} {unit}"
        else:
            text = _unit_words(figure, amount, value, style)
            noun = _REGISTRY.units[unit].noun
            if figure.classifier and figure.classifier != _OWN_CLASSIFIER.get(unit):
                text += f" ({figure.classifier})"
            elif figure.classifier is None and noun is not None:
                text += f" ({noun[0]})"  # counted by a noun, with no measure word
    qualifier = _REGISTRY.qualifiers[figure.qualifier].en
    if qualifier:
        text = f"{qualifier} {text}"
    for p in figure.per:
        text += f" per {_REGISTRY.per[p].en}"
    return text
