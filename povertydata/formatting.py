"""Formatting figures for people, in Chinese (zh_CN) and English, with babel.

Both forms are exact by default, so :func:`povertydata.parse` reads them back to the same
figure::

    >>> from povertydata import format, parse
    >>> format(parse("26.15亿元"))
    '26.15亿元'
    >>> format(parse("26.15亿元"), locale="en")
    'CNY 2.615 billion'
    >>> format(parse("26.15亿元"), locale="en", digits=3)
    'CNY 2.62 billion'

babel is imported on the first call, not with the package.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

from povertydata import _lexicon as lex
from povertydata._registry import load
from povertydata.numerals import EXACT, tidy

if TYPE_CHECKING:
    from povertydata._figure import Figure

__all__ = ["format"]

_REGISTRY = load()
_ZH_CURRENCY = {code: c.zh or c.words[0] for code, c in _REGISTRY.currencies.items()}
_ZH_UNITS = {key: spec.zh for key, spec in _REGISTRY.units.items()}
_ZH_QUALIFIER_BEFORE = {key: q.zh for key, q in _REGISTRY.qualifiers.items() if q.zh}
_ZH_QUALIFIER_AFTER = {key: q.zh_after for key, q in _REGISTRY.qualifiers.items() if q.zh_after}
_ZH_PER = {key: p.zh for key, p in _REGISTRY.per.items()}
_EN_UNITS: dict[str, tuple[str, str]] = {
    key: spec.en for key, spec in _REGISTRY.units.items() if spec.group != "calendar"
}
_EN_QUALIFIER = {key: q.en for key, q in _REGISTRY.qualifiers.items() if q.en}
# The measure word English leaves unwritten: the unit's own (5,122 households is 户).
_DEFAULT_CLASSIFIER = {
    key: spec.zh for key, spec in _REGISTRY.units.items() if any(w.classifier and w.word == spec.zh for w in spec.words)
}
_EN_SCALES = (("trillion", 10**12), ("billion", 10**9), ("million", 10**6))
_ONE = Decimal(1)


def _number(value: Decimal, locale: str, digits: int | None) -> str:
    from babel.numbers import format_decimal

    if digits is not None and value:
        shift = digits - value.adjusted() - 1
        value = tidy(value.quantize(Decimal(1).scaleb(-shift), rounding=ROUND_HALF_EVEN))
    return format_decimal(value, locale=locale, decimal_quantization=False, group_separator=not locale.startswith("zh"))


def _terms(figure: Figure, separator: str, locale: str) -> str:
    """A ratio's terms (1:10) or a fraction's numerator and denominator (1/3), every digit."""
    return separator.join(_number(t, locale, None) for t in figure.terms)


def _is_chinese(locale: str) -> bool:
    from babel import Locale

    return Locale.parse(locale.replace("-", "_")).language == "zh"


def format(figure: Figure, locale: str = "zh_CN", *, digits: int | None = None) -> str:
    """Write ``figure`` as a person reads it, in ``locale``.

    ``locale`` is ``"zh_CN"``, ``"en"`` or any babel locale: Chinese locales get the
    Chinese forms (26.15亿元), all others the English ones (CNY 2.615 billion).

    Args:
        figure: The figure to write.
        locale: A babel locale name.
        digits: Round amounts to this many significant digits. The result is then no
            longer exact, and parsing it back gives a rounded figure. ``None`` (the
            default) writes every digit.

    Raises:
        ValueError: for an unknown locale.

    """
    try:
        zh = _is_chinese(locale)
    except (ValueError, TypeError) as error:
        raise ValueError(f"unknown locale {locale!r}") from error
    return _zh(figure, locale, digits) if zh else _en(figure, locale, digits)


# ----------------------------------------------------------------------------- Chinese


def _zh_scaled(value: Decimal, unit: str, locale: str, digits: int | None) -> str:
    """A number with 万 or 亿 where Chinese writes one."""
    money = unit in lex.MONEY_UNITS
    for scale, word in ((10**8, "亿"), (10**4, "万")):
        scaled = EXACT.divide(value, Decimal(scale))
        # Chinese writes 26.15亿元 and 1800万元, but 45564.44元 rather than 4.556444万元.
        if abs(value) >= scale and -scaled.as_tuple().exponent <= (4 if money else 2):  # type: ignore[operator]
            return _number(scaled, locale, digits) + word
    return _number(value, locale, digits)


def _zh_unit(figure: Figure) -> tuple[str, Decimal]:
    """The word to write after the number, and how many of the unit one of it is."""
    unit = figure.unit
    if unit in _ZH_CURRENCY:
        return _ZH_CURRENCY[unit], _ONE
    if unit == "count":
        return figure.classifier or "个", _ONE
    # The measure word as written, where it is a word of this unit: 64岁 stays 64岁 (not
    # 64年), and 七成 is written 7成 rather than 70%, so parse reads back the same figure.
    classifier = figure.classifier
    word = lex.UNITS.get(classifier) if classifier else None
    if classifier and word is not None and word.unit == unit:
        return classifier, word.scale
    return _ZH_UNITS[unit], _ONE


def _zh(figure: Figure, locale: str, digits: int | None) -> str:
    unit = figure.unit
    if unit == "date":
        return _zh_date(figure.when or "")
    if unit == "year":
        if figure.low is not None and figure.high is not None:
            return f"{figure.low}—{figure.high}年"
        return f"{figure.value}年"
    if unit == "ratio":
        return _terms(figure, ":", locale)
    word, scale = _zh_unit(figure)
    if figure.terms:  # a fraction: its numerator and denominator, which read back
        body = _terms(figure, "/", locale)
    elif figure.value is not None:
        body = _zh_scaled(_unscale(figure.value, scale), unit, locale, digits) + word
    elif figure.low is not None and figure.high is not None:
        # The unit on both ends: in 1—5万元 the low end borrows 万, so 1元—5万元 must say 元.
        low = _zh_scaled(_unscale(figure.low, scale), unit, locale, digits)
        body = f"{low}{word}—{_zh_scaled(_unscale(figure.high, scale), unit, locale, digits)}{word}"
    else:
        body = "若干" + word  # a vague amount (几十万) has no digits to write
    per = "".join("每" + _ZH_PER[p] for p in figure.per)
    before = _ZH_QUALIFIER_BEFORE.get(figure.qualifier, "")
    after = _ZH_QUALIFIER_AFTER.get(figure.qualifier, "")
    return f"{per}{before}{body}{after}"


def _unscale(value: Decimal, scale: Decimal) -> Decimal:
    return value if scale == _ONE else tidy(EXACT.divide(value, scale))


def _zh_date(when: str) -> str:
    m = re.fullmatch(r"(?:(\d{4})|-)-(\d{2})(?:-(\d{2}))?(T.*)?", when)
    if not m:
        return when
    year, month, day, clock = m.groups()
    out = (f"{year}年" if year else "") + f"{int(month)}月" + (f"{int(day)}日" if day else "")
    return out + (" " + clock[1:] if clock else "")


# ----------------------------------------------------------------------------- English


def _en_scaled(value: Decimal, locale: str, digits: int | None, money: bool) -> str:
    if money:
        for word, scale in _EN_SCALES:
            if abs(value) >= scale:
                return f"{_number(EXACT.divide(value, Decimal(scale)), locale, digits)} {word}"
    return _number(value, locale, digits)


def _en(figure: Figure, locale: str, digits: int | None) -> str:
    unit = figure.unit
    if unit == "date":
        return figure.when or ""
    if unit == "year":
        return figure.when or ""
    if unit == "ratio":
        return _terms(figure, ":", locale)
    money = unit in lex.MONEY_UNITS
    if figure.terms:
        amount = _terms(figure, "/", locale)
        plural = False
    elif figure.value is not None:
        amount = _en_scaled(figure.value, locale, digits, money)
        plural = figure.value != 1
    elif figure.low is not None and figure.high is not None:
        amount = f"{_en_scaled(figure.low, locale, digits, money)} to {_en_scaled(figure.high, locale, digits, money)}"
        plural = True
    else:
        amount = "an unstated amount of"
        plural = True
    if money:
        text = f"{unit} {amount}"
    elif figure.terms:
        text = amount  # a fraction: its terms say it
    else:
        word = _EN_UNITS[unit][1 if plural else 0]
        if word in ("%", "-fold"):
            text = f"{amount}{word}"
        elif word:
            text = f"{amount} {word}"
        else:
            text = amount
        default = _DEFAULT_CLASSIFIER.get(unit, "")
        if figure.classifier and figure.classifier != default:
            text += f" ({figure.classifier})"
    qualifier = _EN_QUALIFIER.get(figure.qualifier)
    if qualifier:
        text = f"{qualifier} {text}"
    for p in figure.per:
        text += f" per {p}"
    return text
