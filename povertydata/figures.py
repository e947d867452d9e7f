"""Figures: quantities as Chinese reports write them, read exactly.

A :class:`Figure` is more than a number with a unit: it may be a range (15—30万元), carry a
qualifier (20余次, 10亿元以上, 近6倍), a rate's denominators (每人每天150元) and the measure word
as written (16个). :func:`parse` reads one expression; :func:`extract` finds every figure in
running text, with its span, and tells years, dates and names apart from quantities::

    >>> from povertydata import parse
    >>> parse("26.15亿元")
    Figure(Decimal('2615000000'), unit='CNY')
    >>> parse("每人每天150元").per
    ('person', 'day')
    >>> parse("15—30万元").low
    Decimal('150000')

Values are in base units (yuan, persons, percent points of 100) and exact.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from decimal import Decimal, Inexact, InvalidOperation
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import attrs

from povertydata import _lexicon as lex
from povertydata.errors import ParseError
from povertydata.numerals import (
    BIG,
    CHINESE_CHARS,
    DIGITS,
    EXACT,
    LATIN,
    NUMERAL_RUN,
    SMALL,
    Numeral,
    normalize,
    scan_numeral,
    tidy,
)

if TYPE_CHECKING:
    import pint

__all__ = [
    "KINDS",
    "QUALIFIERS",
    "UNITS",
    "Figure",
    "Mention",
    "extract",
    "parse",
]

#: Every unit key a figure may carry (plus ISO 4217 codes for currencies other than CNY).
UNITS = frozenset(
    {
        "number", "CNY", "household", "person", "person_time", "percent",
        "percentage_point", "fold", "ratio", "km", "km2", "m", "m2", "m3", "mu", "ha",
        "t", "kg", "jin", "MW", "kW", "year_duration", "month_duration", "day_duration",
        "hour_duration", "count", "year", "date",
    }
    | set(lex.CURRENCIES.values())
)  # fmt: skip
#: Every qualifier key.
QUALIFIERS = frozenset({"exact", "approx", "more_than", "at_least", "at_most", "nearly", "less_than"})
#: Every mention kind.
KINDS = frozenset({"quantity", "year", "date", "name"})

Kind = Literal["quantity", "year", "date", "name"]


@attrs.frozen(repr=False)
class Figure:
    """One quantity as a report states it, exact and in base units.

    Attributes:
        value: The amount, or ``None`` for a range, a vague amount (几十万) or a date.
        unit: A unit key from :data:`UNITS` (``"CNY"``, ``"household"``, ``"percent"`` …).
        qualifier: A key from :data:`QUALIFIERS`: how the text hedges the amount.
        low: The low end of a range (15—30万元), else ``None``.
        high: The high end of a range, else ``None``.
        per: The rate's denominators, entity first then time: ``("person", "day")``.
        classifier: The measure word as written (户, 人, 名, 个, 次 …), if any.
        terms: The terms of a ratio (1:10 -> ``(1, 10)``) or of a fraction with no exact
            decimal value (三分之一 -> ``(1, 3)``); empty otherwise.
        when: For years and dates, the ISO 8601 form (``"2017"``, ``"2015-12-22"``,
            ``"--01-17"`` when the year is not written).

    """

    value: Decimal | None = None
    unit: str = attrs.field(default="number", kw_only=True)
    qualifier: str = attrs.field(default="exact", kw_only=True)
    low: Decimal | None = attrs.field(default=None, kw_only=True)
    high: Decimal | None = attrs.field(default=None, kw_only=True)
    per: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    classifier: str | None = attrs.field(default=None, kw_only=True)
    terms: tuple[Decimal, ...] = attrs.field(default=(), kw_only=True)
    when: str | None = attrs.field(default=None, kw_only=True)

    @property
    def is_range(self) -> bool:
        """Whether the figure is a range (has ``low`` and ``high``)."""
        return self.low is not None

    def quantity(self) -> pint.Quantity[Decimal]:
        """The figure as a pint Quantity with a ``Decimal`` magnitude.

        Raises:
            ValueError: for a range, a vague amount, a ratio, a year or a date, none of
                which is one quantity.

        >>> parse("1800万元").quantity()
        <Quantity(18000000, 'CNY')>

        """
        from povertydata.units import quantity

        if self.value is None:
            raise ValueError(f"{self!r} has no single value to make a quantity of")
        return quantity(self.value, self.unit, self.per)

    def __repr__(self) -> str:
        # Only the fields that differ from the defaults: figures are read in the REPL a lot.
        parts = [repr(self.value)] if self.value is not None else []
        for a in attrs.fields(Figure)[1:]:
            got = getattr(self, a.name)
            if got != a.default:
                parts.append(f"{a.name}={got!r}")
        return f"Figure({', '.join(parts)})"


@attrs.frozen
class Mention:
    """A figure, year, date or name found in running text by :func:`extract`.

    Attributes:
        start: Code-point offset of the first character in the text.
        end: Offset one past the last character (``text[start:end]``).
        text: The mention as written: ``source[start:end]``.
        kind: ``"quantity"``, ``"year"``, ``"date"`` or ``"name"``.
        figure: The figure read from ``text``; ``None`` for a name.

    """

    start: int
    end: int
    text: str
    kind: Kind
    figure: Figure | None


# --------------------------------------------------------------------------- patterns


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_CN = re.escape(CHINESE_CHARS)
_CN_DIGITS_ONLY = "〇○零一二三四五六七八九"
_YEAR_NUM = rf"(?:[12][0-9]{{3}}|[{_CN_DIGITS_ONLY}]{{4}})"
# A month or a day: Chinese numerals as a month or a day is spelt (十二, 二十五), not any
# run of digits: 一二月 is January and February, not December.
_MD_NUM = r"(?:[0-9]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_YEAR_RANGE_SEP = r"(?:——|—|–|--|-|~|〜|至|到)"
# A month, a day or a part of a month (2017年1月17日, 11月底, 10月份); 月龄 is an age.
_DATE_PATTERN = rf"""
    (?P<date>
        (?:(?P<dy>{_YEAR_NUM})年)?(?P<dm>{_MD_NUM})月(?!龄)
        (?:(?P<dd>{_MD_NUM})[日号]|(?P<dpart>底|初|末|上旬|中旬|下旬|中|份))?
    )
"""
# A run of months or days: 1-9月, 2018年3月至6月, 2019年1至10月份, 12月25日至27日. Tried only
# where a date, a year or a number is followed by what such a run goes on with
# (_DATES_NEXT), not at every candidate.
_DATES = re.compile(
    rf"""
    (?:(?P<ry>{_YEAR_NUM})年)?
    (?:
        (?P<rm>{_MD_NUM})月(?P<rd>{_MD_NUM})[日号]{_YEAR_RANGE_SEP}
        (?:(?:(?P<rdy>{_YEAR_NUM})年)?(?P<rdm>{_MD_NUM})月)?(?P<rdd>{_MD_NUM})[日号]
      | (?P<rmm>{_MD_NUM})(?P<rmark>月)?{_YEAR_RANGE_SEP}
        (?:(?P<rmy>{_YEAR_NUM})年)?(?P<rme>{_MD_NUM})月(?!龄)份?
      | (?P<rpa>[一二三四五六七八九])(?P<rpb>[二三四五六七八九])月(?!龄)份?  # 三四月份
    )
    """,
    re.VERBOSE,
)
_DATES_NEXT = frozenset("—–-~〜至到0123456789一二三四五六七八九十月")
_DATES_FROM = frozenset({"date", "year", "run", "pair"})

# Planning periods, slogans of the 五个一批 kind, policy bundles (1+8+10, and 3+X or 1+N
# where a letter stands for "any number of" further parts) and quoted numbers ("530"
# 小额贷款): numbers that name something.
_NAME_PATTERN = r"""
    十[一二三四五]五
  | [一二三四五六七八九十两]+个一批
  | (?<![0-9.])[0-9]+(?:\+(?:[0-9]+|[A-Za-z](?![A-Za-z])))+(?![0-9])
  | [“"「『‘'][0-9]+[”"」』’']
"""
_NAME = re.compile(_NAME_PATTERN, re.VERBOSE)

# Two neighbouring digits (三四个, 两三年, 十二三岁) are "three or four": a pair, not the
# digits of 34. Without a magnitude only before a unit or measure word: 一二三 alone is 123.
_WORD_AFTER_PAIR = "[" + re.escape("".join({w[0] for w in (*lex.UNITS, *lex.CLASSIFIERS, *lex.YUAN)})) + "]"

# Tried in this order at every place a figure might start.
_CANDIDATE = re.compile(
    rf"""
    (?P<name>{_NAME_PATTERN})
  | (?P<stamp>
        (?<![0-9.])[0-9]{{1,2}}\.[0-9]{{1,2}}\.[12][0-9]{{3}}(?![0-9])
      | (?<![0-9.])[12][0-9]{{3}}[-/.][0-9]{{1,2}}[-/.][0-9]{{1,2}}(?:T[0-9]{{2}}:[0-9]{{2}}(?::[0-9]{{2}})?Z?)?(?![0-9])
      | (?<![0-9:])[0-9]{{2}}:[0-5][0-9](?::[0-5][0-9])?(?![0-9:])
    )
  | {_DATE_PATTERN}
  | (?P<years>(?P<y1>{_YEAR_NUM})年?{_YEAR_RANGE_SEP}(?P<y2>{_YEAR_NUM})年(?:度)?)
  | (?P<year>(?P<y>{_YEAR_NUM})年(?:度)?)
  | (?P<day>(?<![0-9.])(?P<dday>[0-9]{{1,2}})[日号](?![0-9]|元))  # 12日元 is yen
  | (?P<ratio>(?<![0-9.:])[0-9]+(?:\.[0-9]+)?:[0-9]+(?:\.[0-9]+)?(?![0-9:]))
  | (?P<fraction>
        (?P<fden>[-负]?(?:[0-9]+(?:\.[0-9]+)?|[{_CN}]+))分之
        (?P<fnum>[-负]?(?:[0-9]*\.?[0-9]+|[{_CN}点]+|点[{_CN}]+))
    )
  | (?P<slash>(?<![0-9./A-Za-z])(?P<snum>[0-9]+)/(?P<sden>[0-9]+)(?![0-9./]))  # 1/3, 2/3以上
  | (?P<vague>
        [数几][十百千万亿萬億]+
      | (?:[一二两三四五六七八九]?十)几[百千万亿萬億]*
    )
  | (?P<pair>
        (?P<ptens>[一二两三四五六七八九]?十)?(?P<p1>[一二两三四五六七八九])(?P<p2>[二两三四五六七八九])
        (?:(?P<pmag>[十百千万亿萬億]+)|(?={_WORD_AFTER_PAIR}))
    )
  | (?P<run>{NUMERAL_RUN.pattern})
    """,
    re.VERBOSE,
)

# Words that may follow a number, longest first.
_UNIT_WORDS: dict[str, tuple[str, str | None, bool]] = {}
for _w in lex.CLASSIFIERS:
    _UNIT_WORDS[_w] = ("count", _w, False)
for _w, _u in lex.UNITS.items():
    _UNIT_WORDS[_w] = (_u.unit, _u.classifier, _u.noun)
for _w in lex.YUAN:
    _UNIT_WORDS[_w] = ("CNY", None, False)
for _w, _code in lex.CURRENCIES.items():
    _UNIT_WORDS[_w] = (_code, None, False)
_TENTHS = ("角", "毛")
for _w in _TENTHS:
    _UNIT_WORDS[_w] = ("CNY", None, False)
_LATIN_UNITS = frozenset(w for w in _UNIT_WORDS if w.isascii() and w.isalpha())
_LONGEST = max(
    len(w) for table in (_UNIT_WORDS, lex.PREFIX_QUALIFIERS, lex.CURRENCIES, lex.RATE_PREFIXES) for w in table
)

_CURRENCY_AFTER_YUAN = re.compile(rf"(?:{_alternation(lex.CURRENCIES)})")
_SUBUNITS = re.compile(
    rf"(?:零?(?P<jiao>[0-9]|[{re.escape(''.join(DIGITS))}])[角毛])?(?:零?(?P<fen>[0-9]|[{re.escape(''.join(DIGITS))}])分)?(?P<tail>钱|整|正)?"
)
_INFIX = re.compile(rf"(?P<q>{_alternation(lex.INFIX_QUALIFIERS)})(?P<mag>[十百千万亿萬億]*)")
_SUFFIX_Q = re.compile(rf"(?:{_alternation(lex.SUFFIX_QUALIFIERS)})")
_PER_SUFFIX = re.compile(r"/(?P<a>人|户|村|亩|年|月|天|日)(?:[·/](?P<b>年|月|天|日))?")
_RANGE_SEP = re.compile(rf"(?:\(含\))?\x20?(?:{_alternation(lex.RANGE_SEPARATORS)})\x20?")

# Words that may stand before a number, looked up backwards from the number.
_EACH_WORDS = {"每" + w: k for w, k in lex.PER_WORDS.items()}
_RATE_WORDS: dict[str, object] = {**lex.RATE_PREFIXES, **_EACH_WORDS}


# For each table, the longest word by its last (or first) letter: a letter that ends no
# word of the table answers at once, and the others try only the lengths that exist.
_BY_LAST: dict[int, dict[str, int]] = {}
_BY_FIRST: dict[int, dict[str, int]] = {}


def _longest_by(table: Mapping[str, object], index: dict[int, dict[str, int]], pick: int) -> dict[str, int]:
    found = index.get(id(table))
    if found is None:
        found = {}
        for word in table:
            found[word[pick]] = max(found.get(word[pick], 0), len(word))
        index[id(table)] = found
    return found


def _word_before(t: str, i: int, floor: int, table: Mapping[str, object]) -> str | None:
    """The longest word of ``table`` that ends at ``i`` and starts at or after ``floor``."""
    if i <= floor:
        return None
    longest = _longest_by(table, _BY_LAST, -1).get(t[i - 1], 0)
    for size in range(min(longest, i - floor), 0, -1):
        word = t[i - size : i]
        if word in table:
            return word
    return None


def _word_after(t: str, i: int, table: Mapping[str, object]) -> str | None:
    """The longest word of ``table`` that starts at ``i``."""
    longest = _longest_by(table, _BY_FIRST, 0).get(t[i : i + 1], 0)
    for size in range(longest, 0, -1):
        word = t[i : i + size]
        if len(word) == size and word in table:
            return word
    return None


#: Where a figure may start: every candidate's first character (a cheap scan before the
#: full pattern is tried there).
_ORDINAL = frozenset("第")
_OPEN_QUOTES = frozenset("“\"「『‘'")
_CLOSE_QUOTES = frozenset("”\"」』’'")
_SESSION = re.compile(r"(?:会议|全会|全体会议|代表大会)")
_LIST_MARKER = re.compile(r"[0-9]{1,2}[、.)](?![0-9])")
_LIST_MARKER_BEFORE = frozenset("\n。；;")


# A magnitude written with no digit before it: the 千 of 千余人, the 百万 of 近百万元.
_BARE_MAGNITUDE = re.compile(r"[百佰千仟]?[万萬亿億]?")
_BARE_FIRST = frozenset("百佰千仟万萬亿億")
# A space and three digits: what a digit group looks like when spaces separate the groups.
_DIGIT_GROUP = re.compile(r" [0-9]{3}(?![0-9.])")
# Words that end in 上 (以上, 之上, 线上, 网上, 会上, 加上 …) and so are no "reaching" before a
# magnitude: 线上千人培训 is online training of a thousand.
_SHANG_WORDS = frozenset("以之线网会面路身地加向往马早晚")
# Units after which 多, 余 and 内 qualify the figure: 3年多, 5年内 (after other units 多 and 余
# are read before the unit, and 12个乡镇内 is a place).
_DURATION_SUFFIXES = frozenset({"多", "余", "内"})
_MORE_WORDS = frozenset({"多", "余"})
# Magnitudes that begin a unit word (千瓦, 千克, 千米, 百分点).
_UNIT_MAGNITUDES = frozenset(w[0] for w in _UNIT_WORDS if len(w) > 1 and w[0] in CHINESE_CHARS)
_NOT_A_UNIT = re.compile(_alternation(lex.NOT_A_UNIT_AFTER))
_NOT_A_UNIT_FIRST = frozenset(w[0] for w in lex.NOT_A_UNIT_AFTER)
#: Measure words that scale the number: the classifier and how many of the unit one is.
_SCALED = {u.classifier: u.scale for u in lex.UNITS.values() if u.scale != 1 and u.classifier}
# A lone 一 is the article (一个, 一户一策) except before units that are no measure words:
# 一倍 and 一个百分点 are amounts.
_ONE_IS_A_NUMBER = frozenset({"fold", "percentage_point"})
_ONE_IS_A_NUMBER_WORDS = frozenset("倍")


def _run_end(t: str, i: int, j: int) -> int:
    """The end of the numeral in the run ``t[i:j]``.

    That is ``j``, or one short of it where a last 千 or 百 begins a unit word: 300千瓦 is
    300 kW, 5千米 5 km, 3百分点 three points. After a lone Chinese digit the magnitude stays
    with the number where what follows is a unit too: 一千米 is 1000 m (the same length),
    and 一 alone would be the article.
    """
    if (
        j - i > 1
        and t[j - 1] in _UNIT_MAGNITUDES
        and _word_after(t, j - 1, _UNIT_WORDS) is not None
        and not (j - i == 2 and t[i] in DIGITS and _word_after(t, j, _UNIT_WORDS) is not None)
    ):
        return j - 1
    return j


def _is_letter(t: str, i: int) -> bool:
    """Whether ``t[i]`` is a Latin letter (or ``-`` and a letter: 2019-nCoV)."""
    if not 0 <= i < len(t):
        return False
    ch = t[i]
    if ch == "-":
        return _is_letter(t, i + 1) and t[i + 1] != "-"
    return ch.isascii() and ch.isalpha()


def _list_marker(t: str, p: int) -> int:
    """The end of a list marker (1、 2. 3)) at the start of a line or sentence at ``p``, else 0."""
    if not ("0" <= t[p] <= "9"):
        return 0
    m = _LIST_MARKER.match(t, p)
    if m is None:
        return 0
    i = p - 1
    while i >= 0 and t[i] in " \t":
        i -= 1
    return m.end() if i < 0 or t[i] in _LIST_MARKER_BEFORE else 0


@functools.lru_cache(maxsize=4096)
def _numeral(segment: str) -> Numeral:
    # Reports repeat their numerals (16个, 50万元 …): read each spelling once.
    return scan_numeral(segment, normalized=True)


class _Reading(NamedTuple):
    start: int
    end: int
    kind: Kind
    figure: Figure | None


class _Skip(Exception):
    """Raised inside the reader for text that is not a mention at all."""


def _choose_qualifier(*found: str | None) -> str:
    # A precise qualifier (余, 以上) says more than a hedge (约); otherwise the first wins.
    given = [q for q in found if q]
    for q in given:
        if q != "approx":
            return q
    return given[0] if given else "exact"


def _magnitude(chars: str) -> Decimal:
    scale = Decimal(1)
    for ch in chars:
        scale *= BIG.get(ch) or SMALL.get(ch) or LATIN.get(ch) or 1
    return scale


def _per_order(keys: list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(keys), key=lex.PER_ORDER.index))


class _Reader:
    """Reads the figure whose numeral starts a candidate match. One per call."""

    def __init__(self, text: str, norm: str, floor: int, strict: bool) -> None:
        self.text = text  # as given, for error messages
        self.t = norm  # normalized: same offsets
        self.floor = floor  # a mention may not reach left of this
        self.strict = strict
        self.end = 0  # end of the figure being read, for the sieve

    def fail(self, pos: int, reason: str) -> ParseError:
        return ParseError(self.text, pos, reason)

    def numeral(self, start: int, end: int) -> Numeral:
        try:
            return _numeral(self.t[start:end])
        except ParseError as error:
            if not self.strict:
                raise _Skip from None
            raise ParseError(self.text, start + error.position, error.reason) from None

    # -- left context ---------------------------------------------------------------

    def left(self, i: int) -> tuple[int, str | None, list[str], str | None]:
        """Extend leftwards over qualifier, rate and currency words."""
        qualifier: str | None = None
        per: list[str] = []
        currency: str | None = None
        t, floor = self.t, self.floor
        while True:
            word = None if per else _word_before(t, i, floor, _RATE_WORDS)
            if word is not None:
                if word in lex.RATE_PREFIXES:
                    per = list(lex.RATE_PREFIXES[word])
                    i -= len(word)
                else:  # a chain of 每X: 每人每天
                    while word is not None and word.startswith("每"):
                        per.insert(0, lex.PER_WORDS[word[1:]])
                        i -= len(word)
                        word = _word_before(t, i, floor, _EACH_WORDS)
                continue
            word = None if qualifier else _word_before(t, i, floor, lex.PREFIX_QUALIFIERS)
            if word is not None:
                qualifier = lex.PREFIX_QUALIFIERS[word]
                i -= len(word)
                continue
            j = i - 1 if i - 1 >= floor and t[i - 1] == " " else i
            word = None if currency else _word_before(t, j, floor, lex.CURRENCIES)
            if word is not None:
                currency = lex.CURRENCIES[word]
                i = j - len(word)
                continue
            return i, qualifier, per, currency

    # -- right context --------------------------------------------------------------

    def unit_at(self, pos: int) -> tuple[int, str, str | None, bool] | None:
        t = self.t
        start = pos + 1 if t[pos : pos + 1] == " " else pos
        word = _word_after(t, start, _UNIT_WORDS)
        if word is None:
            return None
        end = start + len(word)
        latin = word in _LATIN_UNITS
        if start != pos and not latin:
            return None
        if latin and end < len(t) and t[end].isascii() and t[end].isalnum():
            return None
        unit, classifier, noun = _UNIT_WORDS[word]
        return end, unit, classifier, noun

    def money_tail(self, pos: int, value: Decimal, unit: str) -> tuple[int, Decimal, str]:
        """After 元: a currency word (三万元欧元), 角 and 分 (123元1角1分), 钱, 整."""
        t = self.t
        m = _CURRENCY_AFTER_YUAN.match(t, pos)
        if m:
            return m.end(), value, lex.CURRENCIES[m.group()]
        m = _SUBUNITS.match(t, pos)
        if m and m.end() > pos:
            if m.group("jiao"):
                value = value + self.digit(m.group("jiao")) / 10
            if m.group("fen"):
                value = value + self.digit(m.group("fen")) / 100
            pos = m.end()
        m = _CURRENCY_AFTER_YUAN.match(t, pos)  # 数十亿元人民币
        if m:
            return m.end(), value, lex.CURRENCIES[m.group()]
        return pos, value, unit

    @staticmethod
    def digit(ch: str) -> Decimal:
        return Decimal(ch) if ch.isdigit() and ch.isascii() else Decimal(DIGITS[ch])

    # -- the figure -----------------------------------------------------------------

    def read(self, m: re.Match[str]) -> _Reading:
        group = m.lastgroup
        i, j = m.span()
        if group == "name":
            return _Reading(i, j, "name", None)
        if group == "stamp":
            return self.stamp(m)
        if (
            self.t[j : j + 1] in _DATES_NEXT
            and group in _DATES_FROM
            and (group == "date" or self.t.find("月", j, j + 10) >= 0)  # 1-9月: a month ahead
        ):
            run = _DATES.match(self.t, i)
            reading = None if run is None else self.dates(run)
            if reading is not None:
                return reading
        if group == "date":
            return self.date(m)
        if group == "day":
            return _Reading(
                i, j, "date", Figure(unit="date", when="---" + self.iso(None, 1, int(m.group("dday")))[-2:])
            )
        if group in ("year", "years"):
            return self.year(m)
        if group == "ratio":
            a, b = m.group().split(":")
            return _Reading(i, j, "quantity", Figure(unit="ratio", terms=(tidy(Decimal(a)), tidy(Decimal(b)))))
        if self.t[i - 1 : i] in _ORDINAL and i > 0:
            raise self.fail(i, "an ordinal (第…), not a quantity") if self.strict else _Skip
        if group in ("fraction", "slash"):
            return self.fraction(m)
        return self.amount(m)

    def stamp(self, m: re.Match[str]) -> _Reading:
        s = m.group()
        if ":" in s and "T" not in s:
            if int(s[:2]) > 23:
                raise _Skip
            when = "T" + s
        elif re.fullmatch(r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}", s):
            d, mo, y = (int(x) for x in s.split("."))
            when = self.iso(y, mo, d)
        else:
            y, mo, d = (int(x) for x in re.split(r"[-/.]", s[:10].split("T")[0]))
            when = self.iso(y, mo, d) + (s[10:] if "T" in s else "")
        return _Reading(m.start(), m.end(), "date", Figure(unit="date", when=when))

    def iso(self, y: int | None, mo: int, d: int | None) -> str:
        if not 1 <= mo <= 12 or (d is not None and not 1 <= d <= 31):
            raise _Skip
        head = f"{y:04d}-{mo:02d}" if y is not None else f"--{mo:02d}"
        return head + (f"-{d:02d}" if d is not None else "")

    def year_value(self, raw: str) -> int:
        value = int(raw) if raw.isdigit() and raw.isascii() else int("".join(str(DIGITS[c]) for c in raw))
        if not 1900 <= value <= 2100:
            raise _Skip
        return value

    def date(self, m: re.Match[str]) -> _Reading:
        y = self.year_value(m.group("dy")) if m.group("dy") else None
        mo = int(scan_numeral(m.group("dm")).value)
        d = int(scan_numeral(m.group("dd")).value) if m.group("dd") else None
        return _Reading(m.start(), m.end(), "date", Figure(unit="date", when=self.iso(y, mo, d)))

    def dates(self, m: re.Match[str]) -> _Reading | None:
        """A run of months or of days: 1-9月, 2018年3月至6月, 12月25日至27日.

        The end takes the year (and month) of the start when it does not write its own. A
        run that is not in order, or whose end names a year its start does not
        (3-2019年6月, 12月至2019年3月), is no run: ``None``, and the start is read alone.
        """

        def number(group: str) -> int:
            return int(scan_numeral(m.group(group)).value)

        y1 = self.year_value(m.group("ry")) if m.group("ry") else None
        if m.group("rd") is not None:
            m1, d1 = number("rm"), number("rd")
            y2 = self.year_value(m.group("rdy")) if m.group("rdy") else None
            m2 = number("rdm") if m.group("rdm") else m1
            d2: int | None = number("rdd")
            sound = True
        elif m.group("rpa") is not None:
            m1, d1, m2, d2, y2 = number("rpa"), None, number("rpb"), None, None
            sound = m2 == m1 + 1  # 三四月份; 三五月 is no month anybody writes
        else:
            m1, d1 = number("rmm"), None
            y2 = self.year_value(m.group("rmy")) if m.group("rmy") else None
            m2, d2 = number("rme"), None
            sound = y2 is None or m.group("rmark") is not None
        if y2 is None:
            y2 = y1
        elif y1 is None:
            sound = False
        if not sound or (y1 or 0, m1, d1 or 0) >= (y2 or 0, m2, d2 or 0):
            return None
        when = f"{self.iso(y1, m1, d1)}/{self.iso(y2, m2, d2)}"
        return _Reading(m.start(), m.end(), "date", Figure(unit="date", when=when))

    def year(self, m: re.Match[str]) -> _Reading:
        if m.group("years"):
            low, high = self.year_value(m.group("y1")), self.year_value(m.group("y2"))
            if low >= high:
                raise _Skip
            fig = Figure(unit="year", low=Decimal(low), high=Decimal(high), when=f"{low}/{high}")
        else:
            y = self.year_value(m.group("y"))
            fig = Figure(Decimal(y), unit="year", when=str(y))
        return _Reading(m.start(), m.end(), "year", fig)

    def fraction(self, m: re.Match[str]) -> _Reading:
        if m.lastgroup == "slash":
            # 1/3 is 三分之一 written with digits: the same figure.
            num, den = Decimal(m.group("snum")), Decimal(m.group("sden"))
            if den == 0:
                raise self.fail(m.start("sden"), "a fraction with denominator zero")
            return self.share(m, num, den, m.end())
        den_s = m.group("fden")
        negative = den_s[0] in "-负"
        den_raw = den_s.lstrip("-负")
        raw_num = m.group("fnum")
        # 百分之百: a magnitude alone as the numerator is that many (the whole).
        num = Decimal(SMALL[raw_num]) if raw_num in SMALL else self.numeral(m.start("fnum"), m.end("fnum")).value
        if negative:
            num = -num
        if den_raw == "百":
            return self.share(m, num, None, m.end())
        den = (
            Decimal(SMALL[den_raw] if den_raw in SMALL else BIG[den_raw])
            if len(den_raw) == 1 and (den_raw in SMALL or den_raw in BIG)
            else self.numeral(m.start("fden") + (1 if negative else 0), m.end("fden")).value
        )
        if den == 0:
            raise self.fail(m.start("fden"), "a fraction with denominator zero")
        return self.share(m, num, den, m.end())

    def share(self, m: re.Match[str], num: Decimal, den: Decimal | None, end: int) -> _Reading:
        """A fraction's figure (a percent when ``den`` is None) with the words around it."""
        if den is None:
            fig = Figure(num, unit="percent")
        else:
            try:
                fig = Figure(tidy(EXACT.divide(num, den)))
            except (Inexact, InvalidOperation):
                fig = Figure(unit="ratio", terms=(num, den))
        start, qualifier, per, _currency = self.left(m.start())
        end, q_after = self.suffix_qualifier(end, fig.unit)
        fig = attrs.evolve(fig, qualifier=_choose_qualifier(qualifier, q_after))
        if per:
            fig = attrs.evolve(fig, per=_per_order(per))
        return _Reading(start, end, "quantity", fig)

    def suffix_qualifier(self, pos: int, unit: str, classifier: str | None = None) -> tuple[int, str | None]:
        m = _SUFFIX_Q.match(self.t, pos)
        if not m:
            return pos, None
        word = m.group()
        if (
            word in _DURATION_SUFFIXES
            and not unit.endswith("_duration")
            and not (classifier in _SCALED and word in _MORE_WORDS)  # 九成多: more than 90%
        ):
            return pos, None
        return m.end(), lex.SUFFIX_QUALIFIERS[word]

    def first(
        self, m: re.Match[str], end: int, bare: bool
    ) -> tuple[Numeral | None, str | None, tuple[Decimal, Decimal] | None]:
        """The first number, ending at ``end``.

        A numeral, a vague amount (几十万), a digit pair (三五百, 三四个) or a bare magnitude
        (the 千 of 千余人, whose hedge the caller requires).
        """
        group = m.lastgroup
        if bare:
            run = self.t[m.start() : end]
            return Numeral(_magnitude(run), True, any(c in BIG for c in run), run, False), None, None
        if group == "vague":
            return None, "approx", None
        if group == "pair":
            a, b = DIGITS[m.group("p1")], DIGITS[m.group("p2")]
            if not 0 < b - a <= 2:
                raise _Skip
            tens = m.group("ptens") or ""
            base = (DIGITS[tens[0]] if len(tens) > 1 else 1) * 10 if tens else 0  # 十二三, 二十七八
            scale = _magnitude(m.group("pmag") or "")
            return None, "approx", (EXACT.multiply(Decimal(base + a), scale), EXACT.multiply(Decimal(base + b), scale))
        return self.numeral(m.start(), end), None, None

    def amount(self, m: re.Match[str]) -> _Reading:
        t = self.t
        i, pos = m.span()
        if t[pos - 1] in _UNIT_MAGNITUDES and m.lastgroup == "run":
            pos = _run_end(t, i, pos)
        j = pos  # the end of the numeral
        bare = t[i] in _BARE_FIRST and m.lastgroup == "run" and _BARE_MAGNITUDE.fullmatch(t, i, j) is not None
        first, q_first, pair = self.first(m, j, bare)
        start, q_prefix, per, currency = self.left(i)
        left_per = len(per)
        q_infix: str | None = None
        value = first.value if first is not None else None
        low = high = None
        if pair is not None:
            low, high = pair
        mi = _INFIX.match(t, pos)
        if mi and value is not None and (mi.group("mag") or self.unit_at(mi.end()) or self.strict):
            q_infix = lex.INFIX_QUALIFIERS[mi.group("q")]
            if mi.group("mag"):
                if first is not None and first.big and BIG.get(mi.group("mag")[0]):
                    raise _Skip
                value = EXACT.multiply(value, _magnitude(mi.group("mag")))
            pos = mi.end()
        if bare and q_prefix is None and q_infix is None:
            # 千余人 and 近千户 say "one thousand"; 上百个 says "reaching a hundred". Without such
            # a hedge a bare magnitude is a word (千村万户, 百企帮百村): the numeral reader
            # refuses it.
            shang = _word_before(t, start, self.floor, lex.BARE_MAGNITUDE_PREFIXES)
            if shang is None or t[start - len(shang) - 1 : start - len(shang)] in _SHANG_WORDS:
                self.numeral(i, j)
                raise _Skip  # pragma: no cover - the numeral reader refuses a bare magnitude
            start -= len(shang)
            q_prefix = lex.BARE_MAGNITUDE_PREFIXES[shang]
        if pos < len(t) and t[pos] in _NOT_A_UNIT_FIRST and _NOT_A_UNIT.match(t, pos):
            # 三轮车, 80年代, 20世纪: the numeral is part of a word or names a period.
            raise self.fail(pos, "a numeral inside a word or a name, not a figure") if self.strict else _Skip
        classifier: str | None = None
        unit = "number"
        noun = False
        u = self.unit_at(pos)
        if u:
            word = t[pos : u[0]].strip()
            pos, unit, classifier, noun = u
            if word in _TENTHS and value is not None:
                value = EXACT.multiply(value, Decimal("0.1"))  # 壹角: a tenth of a yuan
        if bare and unit == "number":
            raise self.fail(i, "a magnitude with no number and no unit") if self.strict else _Skip
        if pair is not None and unit == "number" and not m.group("pmag"):
            raise self.fail(i, "two digits with no unit") if self.strict else _Skip  # 三四月份
        # A range: 15—30万元, 2至3次, 1万元--5万元.
        if value is not None and q_infix is None:
            rng = self.range(pos, value, first, unit, classifier)
            if rng is not None:
                pos, low, high, unit, classifier, noun = rng
                value = None
        if classifier in _SCALED:
            # 七成 is 70 percent; 三到五成 is 30 to 50.
            scale = _SCALED[classifier]
            value, low, high = (None if v is None else EXACT.multiply(v, scale) for v in (value, low, high))
        if unit == "CNY" or unit in lex.CURRENCIES.values():
            if value is not None:
                pos, value, unit = self.money_tail(pos, value, unit)
            else:
                pos, _, unit = self.money_tail(pos, Decimal(0), unit)
        if currency is not None:
            if unit not in ("CNY", "number") and unit != currency:
                raise self.fail(i, f"currency {currency} before a figure in {unit}")
            if unit == "number" and self.strict is False:
                raise _Skip  # 人民币 followed by a bare number is not a money figure we can cite
            unit = currency
        pos, q_suffix = self.suffix_qualifier(pos, unit, classifier)
        mp = _PER_SUFFIX.match(t, pos)
        if mp and unit != "number":
            per = per + [lex.PER_WORDS[mp.group("a")]] + ([lex.PER_WORDS[mp.group("b")]] if mp.group("b") else [])
            pos = mp.end()
        if q_prefix == "nearly" and unit.endswith("_duration") and t[pos : pos + 1] == "来":
            # 近3年来 is "in the last three years", not "nearly three years".
            if bare:
                raise self.fail(i, "a magnitude with no number") if self.strict else _Skip  # 近百年来
            start, q_prefix = i, None
        if not self.strict:
            if (
                (unit == "number" or (i > 1 and t[i - 1] == " "))
                and first is not None
                and not first.chinese
                and (
                    (i > 1 and t[i - 2] in _ASCII_DIGITS and _DIGIT_GROUP.match(t, i - 1))
                    or (unit == "number" and _DIGIT_GROUP.match(t, j))
                )
            ):
                # 1 200万元: 1200万 in digit groups, or a number and then 200万元? Neither is
                # read: one of them would be a wrong amount.
                raise _Skip
            self.end = pos
            self.sieve(first, unit, classifier, value, start, i)
        if noun and first is not None and first.chinese and not first.big:
            raise _Skip
        if (
            unit == "count"
            and value is not None
            and value != value.to_integral_value()
            and first is not None
            and not first.big
        ):
            # 2.2本: a section number before a word, not 2.2 books. What was read after the
            # numeral (余, 以上, /年) is left out with the measure word.
            unit, classifier, pos = "number", None, j
            q_infix = q_suffix = None
            per = per[:left_per]
        fig = Figure(
            tidy(value) if value is not None else None,
            unit=unit,
            qualifier=_choose_qualifier(q_prefix, q_first, q_infix, q_suffix),
            low=tidy(low) if low is not None else None,
            high=tidy(high) if high is not None else None,
            per=_per_order(per),
            classifier=classifier,
        )
        return _Reading(start, pos, "quantity", fig)

    def range(
        self, pos: int, value: Decimal, first: Numeral | None, unit: str, classifier: str | None
    ) -> tuple[int, Decimal, Decimal, str, str | None, bool] | None:
        t = self.t
        sep = _RANGE_SEP.match(t, pos)
        if not sep:
            return None
        m2 = NUMERAL_RUN.match(t, sep.end())
        if not m2 or m2.group().startswith(("-", "负")):
            return None
        end = m2.end()
        if t[end - 1] in _UNIT_MAGNITUDES:
            end = _run_end(t, m2.start(), end)
        try:
            second = self.numeral(m2.start(), end)
        except ParseError:
            return None
        if t[end : end + 1] in _NOT_A_UNIT_FIRST and _NOT_A_UNIT.match(t, end):
            if self.strict:
                return None
            raise _Skip  # 3-5年级: grades, not a range of durations
        u2 = self.unit_at(end)
        unit2, classifier2, noun2 = unit, classifier, False
        if u2:
            end, unit2, classifier2, noun2 = u2
            if unit != "number" and (unit2, classifier2) != (unit, classifier):
                return None
        elif unit != "number":
            return None
        low, high = value, second.value
        if first is not None and not first.big and unit == "number" and second.suffix:
            # 15—30万元: the low end borrows the magnitude the high end ends with.
            scale = Decimal(1)
            for k in range(1, len(second.suffix) + 1):
                candidate = _magnitude(second.suffix[-k:])
                if low * candidate <= high:
                    scale = candidate
            if scale == 1 and low * 100 < high:
                # 30—15万: neither 30 nor 30万 makes a sensible low end; do not guess.
                if self.strict:
                    raise self.fail(sep.start(), "a range whose low end is not below its high end")
                return None
            low = EXACT.multiply(low, scale)
        if low >= high:
            if self.strict:
                raise self.fail(sep.start(), "a range whose low end is not below its high end")
            return None
        return end, low, high, unit2, classifier2, noun2

    def sieve(
        self, first: Numeral | None, unit: str, classifier: str | None, value: Decimal | None, start: int, i: int
    ) -> None:
        """Drop what running text writes with numerals but does not mean as a figure."""
        t = self.t
        if first is None:
            return
        if classifier in ("位", "名") and t[start - 1 : start] == "前":
            raise _Skip  # 位居全国前5位: a rank
        if first.chinese:
            if classifier == "届" or (
                classifier == "次" and _SESSION.match(t, self.end) and "届" in t[max(0, i - 8) : i]
            ):
                raise _Skip  # 十二届人大六次会议: a congress and its session, named by number
            if t[i - 1 : i] in _OPEN_QUOTES:
                raise _Skip  # “五个精准”: a slogan (reported as a name by the caller)
            if unit == "number" and not first.big:
                raise _Skip  # 一是, 进一步, 三保障: numerals in words
            if first.single and first.value == 1 and unit not in _ONE_IS_A_NUMBER:
                raise _Skip  # 一个, 一户一策: the article, not a count
        elif i > 0 and t[i - 1].isascii() and t[i - 1].isalpha():
            raise _Skip  # part of an identifier: dotm2111799
        elif unit == "number" and (_is_letter(t, self.end) or (t[i - 1 : i] == "-" and _is_letter(t, i - 2))):
            raise _Skip  # part of a name: 5G, 4A级, 10kV, COVID-19


def extract(text: str) -> list[Mention]:
    """Find every figure, year, date and name in ``text``, in order.

    Quantities come with their figure; years and dates with a figure of unit ``year`` or
    ``date``; names (十三五, 五个一批, "530", 1+8+10) with ``figure=None``. Ordinals (第一),
    list markers (一是, (一), 1、) and numerals used as words (进一步, 一户一策) are not
    mentions. Never raises: text that cannot be read as a figure is passed over.

    >>> [(m.text, m.kind) for m in extract("2017年市级安排1800万元扶贫资金,覆盖16个贫困村")]
    [('2017年', 'year'), ('1800万元', 'quantity'), ('16个', 'quantity')]
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, not {type(text).__name__}")
    t = normalize(text)
    out: list[Mention] = []
    floor = pos = 0
    n = len(t)
    scan = _SCAN.search
    while pos < n:
        first = scan(t, pos)
        if first is None:
            break
        p = first.start()
        marker = _list_marker(t, p)
        if marker:
            pos = marker
            continue
        if first.group("unit") is not None and _FAST_PATH:
            fast = _fast(t, p, first)
            if fast is not None:
                end, figure = fast
                out.append(Mention(p, end, text[p:end], "quantity", figure))
                floor = pos = end
                continue
        if (
            t[p] == "一"
            and _FAST_PATH
            and t[p + 1 : p + 2] not in _CN_CONTINUES
            and t[p - 1 : p] not in _OPEN_QUOTES
            and t[p + 1 : p + 2] not in _ONE_IS_A_NUMBER_WORDS
        ):
            # 一个, 一户一策, 一门技术: the article, the commonest candidate in running text.
            pos = p + 1
            continue
        m = _CANDIDATE.match(t, p)
        if m is None:
            pos = p + 1
            continue
        try:
            r: _Reading | None = _Reader(text, t, floor, strict=False).read(m)
        except _Skip:
            r = _quoted_slogan(t, m)
        except (ParseError, ArithmeticError, LookupError, ValueError):
            r = None
        if r is None or r.start < floor:
            # A run that is no figure is passed over whole: its tail is no figure either.
            pos = m.end() if m.lastgroup == "run" else m.start() + 1
            continue
        out.append(Mention(r.start, r.end, text[r.start : r.end], r.kind, r.figure))
        floor = pos = max(r.end, m.start() + 1)
    return out


# The fast path: an Arabic number, an optional 万/亿 and a unit word, with nothing around
# it that the full reader would take into the figure (a qualifier, a rate word, a range,
# a money tail). It gives exactly what the full reader gives (a test holds it to that) and
# reads most figures of a report.
_FAST_PATH = True
_ASCII_DIGITS = frozenset("0123456789")
_PREFIX_WORDS = dict.fromkeys((*lex.PREFIX_QUALIFIERS, *_RATE_WORDS, *lex.CURRENCIES))
# Before the number: these always send it to the full reader; the last letters of prefix
# words do so only when the whole word is there (资金 ends in 金 like 美金, but is no currency).
_LEFT_STOP = frozenset("0123456789.-+:/几数第前从" + CHINESE_CHARS) | _OPEN_QUOTES
_LEFT_AFTER_NUMBER = frozenset(",，点 ")  # a stop only where a number or a currency stands before it
_PREFIX_LONGEST = _longest_by(_PREFIX_WORDS, _BY_LAST, -1)
_RIGHT_STOP = frozenset("".join(w[0] for w in (*lex.RANGE_SEPARATORS, *lex.SUFFIX_QUALIFIERS)) + "/(来万亿萬億")
_MONEY_TAIL = frozenset("".join(w[0] for w in lex.CURRENCIES) + "角毛分钱整正零0123456789" + CHINESE_CHARS)
# The full reader reads a money tail (角, 分, a currency word) after any currency.
_MONEY_UNITS = frozenset({"CNY", *lex.CURRENCIES.values()})
_SLOW_UNITS = frozenset({"块", "块钱", "角", "毛", *_SCALED})
# Unit words the fast path looks at twice: the slow ones, and those that may begin a word of
# NOT_A_UNIT_AFTER (80年代).
_CAREFUL_UNITS = _SLOW_UNITS | {w for w in _UNIT_WORDS if w[0] in _NOT_A_UNIT_FIRST}
_YEARLIKE = re.compile(r"[12][0-9]{3}")
_UNIT_FIRST = frozenset(w[0] for w in _UNIT_WORDS)
# What may follow a Chinese numeral inside a figure or name: more numeral, magnitudes,
# qualifiers, range words, fractions, dates (月, 年), the 个 of 五个一批, quotes.
_CN_CONTINUES = frozenset(CHINESE_CHARS + "分之余多几到至—–-~〜月年日号点個个" + "".join(_CLOSE_QUOTES))


def _char_class(chars: Any) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


#: Where a figure may start, so the full pattern is tried only there: a digit; a sign or
#: point before a digit; 数/几 before a magnitude; a quote before a digit (a name); and a
#: Chinese numeral only where something that makes a figure or name can follow it, or
#: just after an opening quote.
_START = re.compile(
    rf"""[0-9]|[-.](?=[0-9])|负(?=[0-9{_CN}])|[数几](?=[十百千万亿萬億])
    |{_char_class(_OPEN_QUOTES)}(?=[0-9])
    |[{_CN}](?={_char_class(_CN_CONTINUES | _UNIT_FIRST)})
    |(?<={_char_class(_OPEN_QUOTES)})[{_CN}]""",
    re.VERBOSE,
)


#: The scan: a whole fast-path figure (number, magnitude, unit word, the longest word
#: first), else the place where any other candidate starts.
_SCAN = re.compile(
    rf"(?P<number>[0-9]+(?:\.[0-9]+)?)(?P<magnitude>[万亿])?(?P<unit>{_alternation(_UNIT_WORDS)})|{_START.pattern}",
    re.VERBOSE,
)


@functools.lru_cache(maxsize=4096)
def _fast_figure(number: str, magnitude: str | None, word: str) -> Figure | None:
    unit, classifier, noun = _UNIT_WORDS[word]
    if noun and not magnitude and "." in number:
        return None
    value = Decimal(number)
    if magnitude:
        value = EXACT.multiply(value, Decimal(BIG[magnitude]))
    elif unit == "count" and "." in number:
        return None  # 2.2本: the full reader decides
    return Figure(tidy(value), unit=unit, classifier=classifier)


def _fast(t: str, p: int, m: re.Match[str]) -> tuple[int, Figure] | None:
    if p > 0:
        prev = t[p - 1]
        if prev in _LEFT_STOP or (prev < "\x80" and prev.isalpha()):
            return None
        longest = _PREFIX_LONGEST.get(prev)
        if longest is not None:
            for size in range(longest, 0, -1):
                if t[p - size : p] in _PREFIX_WORDS:
                    return None
        if prev in _LEFT_AFTER_NUMBER and p > 1:
            before = t[p - 2]
            if before in _ASCII_DIGITS or before in CHINESE_CHARS or _word_before(t, p - 1, 0, lex.CURRENCIES):
                return None
    word = m.group("unit")
    if word in _CAREFUL_UNITS and (word in _SLOW_UNITS or _NOT_A_UNIT.match(t, m.start("unit"))):
        return None
    if word == "年" and _YEARLIKE.fullmatch(m.group("number")):
        return None  # 2017年 is a year: the full reader says so
    end = m.end()
    after = t[end : end + 1]
    if word in _LATIN_UNITS and after.isascii() and after.isalnum():
        return None
    if after and (after in _RIGHT_STOP or (_UNIT_WORDS[word][0] in _MONEY_UNITS and after in _MONEY_TAIL)):
        return None
    figure = _fast_figure(m.group("number"), m.group("magnitude"), word)
    return None if figure is None else (end, figure)


def _quoted_slogan(t: str, m: re.Match[str]) -> _Reading | None:
    """A short quoted phrase that starts with a numeral (“五个精准”) is a name."""
    i = m.start()
    if m.lastgroup not in ("run", "pair") or t[i - 1 : i] not in _OPEN_QUOTES:
        return None
    for k in range(i + 1, min(len(t), i + 14)):
        if t[k] in _CLOSE_QUOTES:
            return _Reading(i - 1, k + 1, "name", None)
        if t[k] in "。，,；;\n":
            return None
    return None


def parse(expr: str) -> Figure:
    """Read one quantity expression exactly.

    Accepts everything :func:`extract` finds (money, households, persons, person-times,
    percentages and percentage points, multiples, ratios, ranges, qualifiers before and
    after, rates, counts with their measure word, areas, lengths, power, durations, years
    and dates) and the English form :func:`povertydata.format` writes.

    Raises:
        ParseError: for anything that is not exactly one figure: malformed numbers
            (``1.2.3万元``), a magnitude without a number (``万元``), trailing text, an
            empty string, a name (``十三五``) or an ordinal (``第一``). The error carries the
            position and the reason.

    >>> parse("20余次")
    Figure(Decimal('20'), unit='count', qualifier='more_than', classifier='次')
    >>> parse("不超过2万元")
    Figure(Decimal('20000'), unit='CNY', qualifier='at_most')

    """
    if not isinstance(expr, str):
        raise TypeError(f"parse() takes a str, not {type(expr).__name__}")
    t = normalize(expr)
    lead = len(t) - len(t.lstrip())
    stop = len(t.rstrip())
    if lead >= stop:
        raise ParseError(expr, 0, "an empty expression")
    if _NAME.fullmatch(t, lead, stop) or (t[lead] in _OPEN_QUOTES and t[stop - 1] in _CLOSE_QUOTES):
        raise ParseError(expr, lead, "a name or slogan, not a quantity")
    if t.startswith("从", lead):
        lead += 1
    english = _english(expr, t, lead, stop)
    if english is not None:
        return english
    m = _CANDIDATE.search(t, lead, stop)
    if m is None:
        raise ParseError(expr, lead, "no number")
    reader = _Reader(expr, t[:stop], lead, strict=True)
    try:
        r = reader.read(m)
    except _Skip:
        raise ParseError(expr, m.start(), "not a figure") from None
    if r.kind == "name":
        raise ParseError(expr, r.start, "a name or slogan, not a quantity")
    if r.start > lead:
        raise ParseError(expr, lead, f"unexpected text {expr[lead : r.start]!r} before the figure")
    if r.end < stop:
        reason = (
            "a misplaced digit-group separator"
            if t[r.end] in ",，" and r.end + 1 < stop and t[r.end + 1].isdigit()
            else f"unexpected text {expr[r.end : stop]!r} after the figure"
        )
        raise ParseError(expr, r.end, reason)
    assert r.figure is not None
    return r.figure


def _english(expr: str, t: str, lead: int, stop: int) -> Figure | None:
    body = t[lead:stop]
    if not body.isascii() or not re.search(r"[A-Za-z]{3,}", body) or not re.search(r"[0-9]", body):
        return None
    from povertydata.formatting import read_english

    return read_english(expr, lead, stop)
