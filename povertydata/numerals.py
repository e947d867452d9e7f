"""Numerals: Arabic, Chinese and mixed, read into exact ``Decimal`` values.

The lowest layer: no units, no qualifiers, just numbers as Chinese text writes them::

    >>> from povertydata.numerals import read_numeral
    >>> read_numeral("一万二千三百")
    Decimal('12300')
    >>> read_numeral("1.2万")
    Decimal('12000')
    >>> read_numeral("１，８００")
    Decimal('1800')
    >>> read_numeral("三万五")
    Decimal('35000')

Everything is exact: values never pass through a binary float, and arithmetic runs in a
context that raises instead of rounding.
"""

from __future__ import annotations

import re
from decimal import (
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)
from typing import NamedTuple

from povertydata.errors import ParseError

__all__ = [
    "EXACT",
    "TOO_LONG",
    "Numeral",
    "normalize",
    "read_numeral",
    "scan_numeral",
    "tidy",
]

#: Arithmetic context for every figure: wide enough for any number a report writes, and
#: trapping ``Inexact`` so that a result which cannot be exact raises instead of rounding.
EXACT = Context(prec=120, Emax=999, Emin=-999, traps=[Inexact, InvalidOperation, Overflow, DivisionByZero])

# Full-width forms, ideographic and no-break spaces and the full-width punctuation that
# matters inside figures, mapped one code point to one code point: offsets into the
# normalized text are offsets into the original.
_FULL_WIDTH: dict[str, str] = {chr(0xFF10 + i): str(i) for i in range(10)}
# The Latin letters too: ４Ｇ is 4G (no figure) and ０.４ＭＷ is 0.4MW.
_FULL_WIDTH.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FULL_WIDTH.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_FULL_WIDTH.update(
    {
        "．": ".", "％": "%", "－": "-", "＋": "+", "：": ":", "～": "~", "／": "/", "（": "(", "）": ")",
        "\u3000": " ", "\xa0": " ",
    }
)  # fmt: skip
_NEEDS_NORMALIZING = re.compile("[" + re.escape("".join(_FULL_WIDTH)) + "]")


def normalize(text: str) -> str:
    """Map full-width digits, letters, signs and spaces to ASCII, keeping every offset.

    The result has exactly as many code points as ``text``, so a span found in the
    normalized text is the same span in the original.

    >>> normalize("１２．５％")
    '12.5%'
    """
    # Replacing only what matched is quicker than translate() over a long text, and where
    # nothing matches sub() costs a search and gives the text back.
    return _NEEDS_NORMALIZING.sub(_replace, text)


def _replace(m: re.Match[str]) -> str:
    return _FULL_WIDTH[m.group()]


DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "幺": 1, "弌": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "弍": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3, "弎": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
ZEROS = frozenset("零〇○")
SMALL: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
# Latin shorthands written after Arabic digits: 15k, 30w (w for 万).
LATIN: dict[str, int] = {"k": 1000, "K": 1000, "w": 10**4, "W": 10**4}
POINTS = frozenset("点點")

CHINESE_CHARS = "".join(DIGITS) + "".join(SMALL) + "".join(BIG) + "廿"
#: Every letter a number is written with, Chinese or Arabic.
NUMERAL_LETTERS = frozenset(CHINESE_CHARS + "0123456789")
_CN = re.escape(CHINESE_CHARS)
_CN_OR_DIGIT = _CN + "0-9"

#: One Arabic number: grouped with commas (ASCII or full-width) or plain, with decimals.
ARABIC = r"(?:[0-9]{1,3}(?:[,，][0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"

#: A run of text that may be one numeral. The reader decides whether it is.
NUMERAL_RUN = re.compile(
    rf"""
    (?:(?<![0-9A-Za-z.])-|负)?             # a sign; '-' after a digit is a dash, not a sign
    (?:
        {ARABIC}(?:\.[0-9]+)*(?:[kKwW](?![A-Za-z]))?
      | \.[0-9]+
      | [{_CN}]
      | [点點](?=[{_CN_OR_DIGIT}])
      | (?<=[{_CN_OR_DIGIT}])个(?=[万亿萬億])   # 两个亿: after a digit
      | \x20(?=[万亿萬億])                 # 1 万, 177.1 亿
    )+
    """,
    re.VERBOSE,
)


_ARABIC = re.compile(ARABIC)
_POINT_DIGITS = re.compile(r"\.[0-9]+")


class Numeral(NamedTuple):
    """A numeral read from text, with what the figure reader needs to know about its form."""

    value: Decimal
    #: Written only with Chinese characters (一万二千, 两); such numerals standing alone are
    #: usually words (一是, 进一步), so extraction treats them with more care.
    chinese: bool
    #: Carries a 万/亿 or k/w magnitude (1800万, 3千万, 15k).
    big: bool
    #: The trailing magnitude characters, outermost last: ``"百亿"`` for 九百亿. A bare
    #: numeral at the low end of a range borrows these (八到九百亿).
    suffix: str
    #: A single Chinese digit: 两, 三, 一.
    single: bool


_ONE = Decimal(1)
_ZERO = Decimal(0)
_TEN = Decimal(10)
_HUNDRED = Decimal(100)


def tidy(value: Decimal) -> Decimal:
    """Return ``value`` in its plainest exact form: ``Decimal('12000.0')`` -> ``Decimal('12000')``.

    >>> tidy(Decimal("1.2") * 10000)
    Decimal('12000')
    >>> tidy(Decimal("0.50"))
    Decimal('0.5')
    """
    if value == value.to_integral_value():
        return value.quantize(_ONE, context=EXACT) if value else _ZERO
    normal = value.normalize(EXACT)
    # normalize() may leave a positive exponent only for integers, handled above.
    return normal


class _Tok(NamedTuple):
    kind: str  # "A" arabic, "D" digit, "Z" zero, "S" small unit, "B" big unit, "L" latin, "P" point
    value: Decimal
    pos: int
    text: str


def _tokens(text: str, start: int, end: int, offset: int = 0) -> tuple[bool, list[_Tok]]:
    """Split ``text[start:end]`` into tokens; positions are offsets into ``text`` plus ``offset``."""
    negative = False
    toks: list[_Tok] = []
    i = start
    if i < end and text[i] in "-负":
        negative = True
        i += 1
    while i < end:
        ch = text[i]
        if (ch.isascii() and ch.isdigit()) or (
            ch == "." and i + 1 < end and text[i + 1].isdigit() and (not toks or toks[-1].kind != "A")
        ):
            m = (_POINT_DIGITS if ch == "." else _ARABIC).match(text, i, end)
            assert m is not None
            raw = m.group().replace(",", "").replace("，", "")
            j = m.end()
            if j < end and text[j] == "." and j + 1 < end and text[j + 1].isdigit():
                raise ParseError(text, j + offset, "a number with more than one decimal point")
            if j < end and text[j] in ",，" and j + 1 < end and text[j + 1].isdigit():
                raise ParseError(text, j + offset, "a digit-group separator that is not followed by three digits")
            toks.append(_Tok("A", Decimal(raw), i + offset, m.group()))
            i = j
            continue
        if ch in ZEROS:
            toks.append(_Tok("Z", Decimal(0), i + offset, ch))
        elif ch in DIGITS:
            toks.append(_Tok("D", Decimal(DIGITS[ch]), i + offset, ch))
        elif ch == "廿":
            toks.append(_Tok("D", Decimal(2), i + offset, ch))
            toks.append(_Tok("S", Decimal(10), i + offset, ch))
        elif ch in SMALL:
            toks.append(_Tok("S", Decimal(SMALL[ch]), i + offset, ch))
        elif ch in BIG:
            toks.append(_Tok("B", Decimal(BIG[ch]), i + offset, ch))
        elif ch in LATIN and toks and toks[-1].kind == "A":
            toks.append(_Tok("L", Decimal(LATIN[ch]), i + offset, ch))
        elif ch in POINTS or (ch == "." and toks and toks[-1].kind in "DZ"):
            toks.append(_Tok("P", Decimal(0), i + offset, ch))
        elif ch == "个" and toks and toks[-1].kind in "ADS" and i + 1 < end and text[i + 1] in BIG:
            pass  # 两个亿: the measure word between a digit and its magnitude
        elif ch == " " and toks and i + 1 < end and text[i + 1] in BIG:
            pass  # 1 万
        elif ch in "-负":
            raise ParseError(text, i + offset, "a sign in the middle of a number")
        else:
            raise ParseError(text, i + offset, f"{ch!r} is not part of a number")
        i += 1
    return negative, toks


def _section(text: str, toks: list[_Tok], skipped: Decimal | None = None) -> Decimal:
    """A group below 万: digits with 十, 百, 千.

    ``skipped`` is the magnitude the group follows (万, 亿) where the group began with 零:
    then a 百 or 千 written without its digit stands for one of it, if a place between the
    magnitude and it is skipped (一万零百一十一 is 10111: the 千 place is empty). Anywhere
    else a 百 or 千 needs its digit (零百 and 一千零百 are refused).
    """
    total = _ZERO
    cur: _Tok | None = None
    last_unit: Decimal | None = None
    zero = False
    for k, tok in enumerate(toks):
        kind = tok.kind
        if kind in "AD":
            if cur is not None:
                raise ParseError(text, tok.pos, "two numbers in a row")
            cur = tok
        elif kind == "Z":
            if cur is not None:
                raise ParseError(text, tok.pos, f"{tok.text!r} after a digit")
            zero = True
        elif kind == "S":
            if last_unit is not None and tok.value >= last_unit:
                raise ParseError(text, tok.pos, f"{tok.text!r} out of order")
            if cur is None:
                if tok.value != 10 and not (
                    zero and k == 1 and skipped is not None and EXACT.multiply(tok.value, _HUNDRED) <= skipped
                ):
                    raise ParseError(text, tok.pos, f"{tok.text!r} without a digit before it")
                n = _ONE
            else:
                n = cur.value
            total = EXACT.add(total, EXACT.multiply(n, tok.value))
            cur, last_unit, zero = None, tok.value, False
        else:  # pragma: no cover - split off by the callers
            raise ParseError(text, tok.pos, f"{tok.text!r} is misplaced")
    if cur is not None:
        if last_unit is not None and last_unit > 10 and not zero and _lone_digit(cur):
            # 一百二 is 120 and 两千六 is 2600: a last lone digit counts in the next lower place.
            total = EXACT.add(total, EXACT.multiply(cur.value, EXACT.divide(last_unit, _TEN)))
        else:
            total = EXACT.add(total, cur.value)
    return total


def _lone_digit(tok: _Tok) -> bool:
    """A single digit, Chinese or Arabic: 二 and 2 read alike after a magnitude (一万二, 1万2)."""
    return tok.kind == "D" or (tok.kind == "A" and len(tok.text) == 1)


def _group(text: str, toks: list[_Tok], skipped: Decimal | None) -> Decimal:
    """The value of the digits between two magnitudes (or before the first one)."""
    if len(toks) > 1 and all(t.kind in "DZ" for t in toks):
        # 一二三, 二〇〇二: digits read one by one.
        return Decimal("".join(str(int(t.value)) for t in toks))
    return _section(text, toks, skipped)


def _integer(text: str, toks: list[_Tok]) -> Decimal:
    """A whole number: groups below 万 joined by 万 and 亿, read left to right in one pass.

    A magnitude multiplies everything since the last larger one: 三万五千亿 is (35000)亿 and
    十万亿 is 10**13, while 一亿二千万 is 1亿 + 2千万. The parts closed by a magnitude wait on a
    stack whose magnitudes fall from bottom to top, so each token is looked at a bounded
    number of times however long the numeral is, and a part as large as the magnitude
    before it (一万两万) is refused where it is found.
    """
    if not toks:
        raise ParseError(text, 0, "no digits")
    stack: list[tuple[Decimal, Decimal, _Tok]] = []  # (magnitude, value, its token)
    fractional = False
    begin = 0
    for k, tok in enumerate(toks):
        if tok.kind != "B":
            continue
        group = toks[begin:k]
        scale = tok.value
        if stack and group:
            # 零 marks a skipped place (一亿零五万): nothing to add.
            group = _strip_zeros(group)
        if group and group[-1].kind == "Z":
            raise ParseError(text, tok.pos, f"{tok.text!r} without a number before it")
        acc = _group(text, group, None) if group else None
        popped = False
        while stack and stack[-1][0] < scale:
            # 三万五千亿, 1万亿: the parts below this magnitude are multiplied by it.
            acc = EXACT.add(acc if acc is not None else _ZERO, stack.pop()[1])
            popped = True
        if acc is None:
            prev = toks[k - 1] if k else None
            if prev is not None and prev.kind == "B" and not popped:
                raise ParseError(text, tok.pos, f"{tok.text!r} after {prev.text!r}")
            raise ParseError(text, tok.pos, f"{tok.text!r} without a number before it")
        if stack and stack[-1][0] <= scale:
            mark = stack[-1][2]
            where = group[0].pos if group else tok.pos
            raise ParseError(text, where, f"a part after {mark.text!r} as large as {mark.text!r} itself")
        if stack and fractional and group:
            raise ParseError(text, group[0].pos, "digits after a decimal number with a magnitude")
        fractional = fractional or any(t.kind == "A" and "." in t.text for t in group)
        stack.append((scale, EXACT.multiply(acc, scale), tok))
        begin = k + 1
    rest = toks[begin:]
    if not stack:
        return _group(text, rest, None)
    last_scale, _, mark = stack[-1]
    zero = bool(rest) and rest[0].kind == "Z"
    rest = _strip_zeros(rest)
    total = _ZERO
    for _scale, value, _tok in stack:
        total = EXACT.add(total, value)
    if not rest:
        return total
    if fractional:
        raise ParseError(text, rest[0].pos, "digits after a decimal number with a magnitude")
    if len(rest) == 1 and _lone_digit(rest[0]) and not zero:
        # 三万五 is 35000 and 1万2 is 12000: the lone digit counts in the next lower place.
        low = EXACT.multiply(rest[0].value, EXACT.divide(last_scale, _TEN))
    else:
        low = _group(text, rest, last_scale if zero else None)
    if low >= last_scale:
        raise ParseError(text, rest[0].pos, f"a part after {mark.text!r} as large as {mark.text!r} itself")
    return EXACT.add(total, low)


def _strip_zeros(toks: list[_Tok]) -> list[_Tok]:
    """``toks`` without the 零 that lead it, but one kept before 百 or 千 (一万零百一十一)."""
    k = 0
    while k < len(toks) and toks[k].kind == "Z" and not (k + 1 < len(toks) and toks[k + 1].kind == "S"):
        k += 1
    return toks[k:] if k else toks


def read_numeral(text: str, start: int = 0, end: int | None = None) -> Decimal:
    """Read ``text[start:end]`` as one numeral and return its exact value.

    Accepts Arabic numbers (with ``,``/``，`` digit groups, decimals, full-width digits),
    Chinese numerals (ordinary and financial forms, 两, 〇, 廿), mixed forms (1.2万, 3千万,
    100万三千), the 万/亿 magnitudes, k/w shorthands and a leading sign (``-`` or 负).

    Raises:
        ParseError: if the text is not exactly one numeral; the error names the position
            (an offset into ``text``) and the reason.

    >>> read_numeral("负十一")
    Decimal('-11')
    >>> read_numeral("一千零一十")
    Decimal('1010')

    """
    return scan_numeral(text, start, end).value


def scan_numeral(text: str, start: int = 0, end: int | None = None, *, normalized: bool = False) -> Numeral:
    """Like :func:`read_numeral`, but return the :class:`Numeral` with its form.

    ``normalized=True`` says ``text`` has already been through :func:`normalize`, which
    saves doing it again when scanning many numerals of one long text.
    """
    end = len(text) if end is None else end
    with localcontext(EXACT):
        try:
            return _scan(text, start, end, normalized)
        except ArithmeticError:
            raise ParseError(text, start, TOO_LONG) from None


#: The reason given for a number that the exact arithmetic cannot hold.
TOO_LONG = f"a number too long to hold exactly (more than {EXACT.prec} digits)"


def _scan(text: str, start: int, end: int, normalized: bool) -> Numeral:
    """:func:`scan_numeral` in the exact context, which the caller has set.

    Raises ArithmeticError (not ParseError) for a number past the precision.
    """
    if start >= end:
        raise ParseError(text, start, "no number")
    plain = _PLAIN.fullmatch(text, start, end)
    if plain is not None:
        return _plain(plain)
    return _scan_tokens(text, start, end, normalized)


def _scan_tokens(text: str, start: int, end: int, normalized: bool) -> Numeral:
    """:func:`scan_numeral` for any numeral, token by token."""
    if normalized:
        negative, toks = _tokens(text, start, end)
    else:
        # Normalize only the numeral, keeping offsets: the rest of a long text is not read.
        try:
            negative, toks = _tokens(normalize(text[start:end]), 0, end - start, offset=start)
        except ParseError as error:
            raise ParseError(text, error.position, error.reason) from None
    if not toks:
        raise ParseError(text, start, "a sign without a number")
    value = _value(text, toks)
    if negative:
        value = value.copy_negate()  # no rounding, unlike unary minus in the current context
    chinese = all(t.kind != "A" for t in toks)
    big = any(t.kind in "BL" for t in toks)
    suffix = ""
    for t in reversed(toks):
        if t.kind not in "BSL":
            break
        suffix = t.text + suffix
    single = len(toks) == 1 and toks[0].kind in "DZ"
    return Numeral(tidy(value), chinese, big, suffix, single)


# The commonest numerals of a report, read without tokens: a plain Arabic number, with or
# without one 万 or 亿 (16, 2.05万), and a lone Chinese digit (两, 三). They give exactly what
# the tokens give (a test holds them to that). Short, so that no arithmetic can be inexact.
_PLAIN = re.compile(
    rf"(?P<number>[0-9]{{1,30}}(?:\.[0-9]{{1,30}})?)(?P<big>[万亿])?|(?P<digit>[{re.escape(''.join(DIGITS))}])"
)


_BIG_DECIMALS = {ch: Decimal(v) for ch, v in BIG.items()}


def _plain(m: re.Match[str]) -> Numeral:
    digit = m.group("digit")
    if digit is not None:
        return Numeral(Decimal(DIGITS[digit]), True, False, "", True)
    number = m.group("number")
    value = Decimal(number)
    big = m.group("big")
    if big is not None:
        value = EXACT.multiply(value, _BIG_DECIMALS[big])
    # Digits alone, and times 万 or 亿, are tidy already.
    return Numeral(tidy(value) if "." in number else value, False, big is not None, big or "", False)


def _value(text: str, toks: list[_Tok]) -> Decimal:
    latin = [k for k, t in enumerate(toks) if t.kind == "L"]
    if latin:
        k = latin[0]
        if k != len(toks) - 1:
            raise ParseError(text, toks[k + 1].pos, f"text after {toks[k].text!r}")
        return EXACT.multiply(_value(text, toks[:k]), toks[k].value)
    points = [k for k, t in enumerate(toks) if t.kind == "P"]
    if not points:
        return _integer(text, toks)
    if len(points) > 1:
        raise ParseError(text, toks[points[1]].pos, "a number with more than one decimal point")
    k = points[0]
    whole, rest = toks[:k], toks[k + 1 :]
    if not whole:
        raise ParseError(text, toks[k].pos, f"{toks[k].text!r} without a whole part before it")
    digits: list[str] = []
    j = 0
    while j < len(rest) and rest[j].kind in "ADZ":
        if rest[j].kind == "A":
            if "." in rest[j].text or "," in rest[j].text or "，" in rest[j].text:
                raise ParseError(text, rest[j].pos, "a malformed decimal part")
            digits.append(rest[j].text)
        else:
            digits.append(str(int(rest[j].value)))
        j += 1
    if not digits:
        raise ParseError(text, toks[k].pos, f"{toks[k].text!r} without digits after it")
    scale = Decimal(1)
    for t in rest[j:]:
        if t.kind not in "BS":
            raise ParseError(text, t.pos, f"{t.text!r} after the decimal part")
        scale = EXACT.multiply(scale, t.value)
    if scale != 1 and any(t.kind == "B" for t in whole):
        raise ParseError(text, rest[j].pos, f"{rest[j].text!r} after a number that already has a magnitude")
    value = EXACT.add(_integer(text, whole), Decimal("0." + "".join(digits)))
    return EXACT.multiply(value, scale)
