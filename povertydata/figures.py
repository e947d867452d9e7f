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
import string
from collections.abc import Mapping
from decimal import Decimal, Inexact, InvalidOperation
from typing import Any, NamedTuple

import attrs

from povertydata import _lexicon as lex
from povertydata._figure import KINDS, QUALIFIERS, UNITS, Figure, Kind, Mention
from povertydata.errors import ParseError
from povertydata.numerals import (
    _BIG_DECIMALS,
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

__all__ = [
    "KINDS",
    "QUALIFIERS",
    "UNITS",
    "Figure",
    "Mention",
    "extract",
    "parse",
]

# --------------------------------------------------------------------------- patterns


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _char_class(chars: Any) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


def _by_first_letter(words: Any) -> str:
    """The alternation of :func:`_alternation` (the longest word wins), grouped by first letter.

    Behind a class of the first letters: the regex engine tries the words of an
    alternation one after another, and so tries only those that can match.
    """
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    alternatives = (
        re.escape(first) + (f"(?:{'|'.join(rests)})" if rests != [""] else "") for first, rests in groups.items()
    )
    return f"(?={_char_class(groups)})(?:{'|'.join(alternatives)})"


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
_DATES_NEXT_CHARS = re.escape("".join(sorted(_DATES_NEXT)))
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

# What follows 日 in a currency word (日元, 日币): after a number, no day of the month.
_YEN_TAILS = "|".join(re.escape(w[1:]) for w in lex.CURRENCIES if w[0] == "日") or "(?!)"

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
  | (?P<day>(?<![0-9.])(?P<dday>[0-9]{{1,2}})[日号](?![0-9]|{_YEN_TAILS}))  # 12日元, 5日币 are yen
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
_UNIT_WORD = re.compile(_by_first_letter(_UNIT_WORDS))  # the longest unit word at a place
_LONGEST = max(
    len(w) for table in (_UNIT_WORDS, lex.PREFIX_QUALIFIERS, lex.CURRENCIES, lex.RATE_PREFIXES) for w in table
)

_CURRENCY_AFTER_YUAN = re.compile(rf"(?:{_alternation(lex.CURRENCIES)})")
_SUBUNITS = re.compile(
    rf"(?:零?(?P<jiao>[0-9]|[{re.escape(''.join(DIGITS))}])[角毛])?(?:零?(?P<fen>[0-9]|[{re.escape(''.join(DIGITS))}])分)?(?P<tail>钱|整|正)?"
)
_INFIX_MAGNITUDES = "十百千万亿萬億"
_INFIX = re.compile(rf"(?P<q>{_alternation(lex.INFIX_QUALIFIERS)})(?P<mag>[{_INFIX_MAGNITUDES}]*)")
_SUFFIX_Q = re.compile(rf"(?:{_alternation(lex.SUFFIX_QUALIFIERS)})")
_PER_SUFFIX = re.compile(r"/(?P<a>人|户|村|亩|年|月|天|日)(?:[·/](?P<b>年|月|天|日))?")
_RANGE_SEP = re.compile(rf"(?:\(含\))?\x20?(?:{_alternation(lex.RANGE_SEPARATORS)})\x20?")
# The letters these patterns may start with.
_INFIX_FIRST = frozenset(w[0] for w in lex.INFIX_QUALIFIERS)
_SUFFIX_FIRST = frozenset(w[0] for w in lex.SUFFIX_QUALIFIERS)
_RANGE_FIRST = frozenset(w[0] for w in lex.RANGE_SEPARATORS) | {"(", " "}
_MONEY_UNITS = lex.MONEY_UNITS

# Words that may stand before a number, looked up backwards from the number.
_EACH_WORDS = {"每" + w: k for w, k in lex.PER_WORDS.items()}
_RATE_WORDS: dict[str, object] = {**lex.RATE_PREFIXES, **_EACH_WORDS}


# The last letters of the words left() looks for, and the space it may step over.
_RATE_LAST = frozenset(w[-1] for w in _RATE_WORDS)
_QUALIFIER_LAST = frozenset(w[-1] for w in lex.PREFIX_QUALIFIERS)
_CURRENCY_LAST = frozenset(w[-1] for w in lex.CURRENCIES)
_LEFT_LAST = _RATE_LAST | _QUALIFIER_LAST | _CURRENCY_LAST | {" "}


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
_SLOGAN_REST = re.compile(
    f"[^{re.escape(''.join(_CLOSE_QUOTES))}。，,；;\n]{{0,12}}[{re.escape(''.join(_CLOSE_QUOTES))}]"
)
_LIST_MARKER = re.compile(r"[0-9]{1,2}[、.)](?![0-9])")
_LIST_MARKER_BEFORE = frozenset("\n。；;")


# A magnitude written with no digit before it: the 千 of 千余人, the 百万 of 近百万元.
_BARE_MAGNITUDE = re.compile(r"[百佰千仟]?[万萬亿億]?")
_BARE_FIRST = frozenset("百佰千仟万萬亿億")
_ARABIC_DIGIT = re.compile("[0-9]")
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


def _year_figure(y: int) -> Figure:
    return Figure(Decimal(y), unit="year", when=str(y))


class _Reading(NamedTuple):
    start: int
    end: int
    kind: Kind
    figure: Figure | None


class _Skip(Exception):
    """Raised inside the reader for text that is not a mention at all."""


def _choose_qualifier(*found: str | None) -> str:
    # A precise qualifier (余, 以上) says more than a hedge (约); otherwise the first wins.
    hedge: str | None = None
    for q in found:
        if q:
            if q not in lex.WEAKEST_QUALIFIERS:
                return q
            hedge = q
    return hedge or "exact"


def _magnitude(chars: str) -> Decimal:
    scale = Decimal(1)
    for ch in chars:
        scale *= BIG.get(ch) or SMALL.get(ch) or LATIN.get(ch) or 1
    return scale


def _per_order(keys: list[str]) -> tuple[str, ...]:
    if len(keys) < 2:
        return tuple(keys)
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
        t, floor = self.t, self.floor
        if i <= floor or t[i - 1] not in _LEFT_LAST:
            return i, None, [], None  # most figures: no word of the three tables ends here
        qualifier: str | None = None
        per: list[str] = []
        currency: str | None = None
        while True:
            # Each table is looked up only where a word of it may end (most words are none).
            last = t[i - 1 : i]
            word = None if per or last not in _RATE_LAST else _word_before(t, i, floor, _RATE_WORDS)
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
            word = (
                None if qualifier or last not in _QUALIFIER_LAST else _word_before(t, i, floor, lex.PREFIX_QUALIFIERS)
            )
            if word is not None:
                qualifier = lex.PREFIX_QUALIFIERS[word]
                i -= len(word)
                continue
            j = i - 1 if i - 1 >= floor and last == " " else i
            word = None if currency or t[j - 1 : j] not in _CURRENCY_LAST else _word_before(t, j, floor, lex.CURRENCIES)
            if word is not None:
                currency = lex.CURRENCIES[word]
                i = j - len(word)
                continue
            return i, qualifier, per, currency

    # -- right context --------------------------------------------------------------

    def unit_at(self, pos: int) -> tuple[int, str, str | None, bool] | None:
        t = self.t
        start = pos + 1 if t[pos : pos + 1] == " " else pos
        found = _UNIT_WORD.match(t, start)
        if found is None:
            return None
        word = found.group()
        end = found.end()
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
            fig = _year_figure(self.year_value(m.group("y")))
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
                fig = Figure(unit="fraction", terms=(num, den))  # 1/3 of a whole, not 1:3
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
        if first is not None and first.chinese and t[i - 1 : i] in _OPEN_QUOTES and not self.strict:
            # “五个精准”: a slogan, which the sieve would drop after reading all that follows
            # (nothing read after the numeral fails other than by _Skip, short of a numeral
            # or a magnitude too long to be quoted).
            raise _Skip
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
        if unit in _MONEY_UNITS:
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
    fast_path = _FAST_PATH  # off, everything is read by the full reader (the tests compare)
    scan = (_SCAN if fast_path else _scan_every()).search
    fast_figure = _fast_figure
    while pos < n:
        first = scan(t, pos)
        if first is None:
            break
        p = first.start()
        # What the scan read (see _scan_pattern), if anything. A number and a unit word is
        # no list marker (1、 2. 3)): the fast path goes first.
        group = first.lastgroup
        if group is not None and fast_path:
            if group == "clean":
                word, magnitude = first.group("clean", "plain_magnitude")
                try:
                    figure = fast_figure(t[p : first.end("plain")], magnitude, word)
                except ArithmeticError:
                    figure = None  # past the precision: the full reader fails, quietly
                if figure is not None:
                    end = first.end()
                    out.append(Mention(p, end, text[p:end], "quantity", figure))
                    floor = pos = end
                    continue
            elif group == "year":  # as _Reader.year reads it
                end = first.end()
                out.append(Mention(p, end, text[p:end], "year", _year_figure(int(t[p : p + 4]))))
                floor = pos = end
                continue
            elif group == "bare":  # 29万 and no unit: a number
                end = first.end()
                try:
                    figure = fast_figure(t[p : first.end("bare_number")], first.group("bare"), None)
                except ArithmeticError:
                    figure = None  # past the precision: the full reader fails, quietly
                if figure is not None:
                    out.append(Mention(p, end, text[p:end], "quantity", figure))
                    floor = pos = end
                    continue
            else:
                fast = _fast(t, p, first, floor)
                if fast is not None:
                    start, end, kind, figure = fast
                    out.append(Mention(start, end, text[start:end], kind, figure))
                    floor = pos = end
                    continue
        if "0" <= t[p] <= "9":
            marker = _list_marker(t, p)
            if marker:
                pos = marker
                continue
        m = _CANDIDATE.match(t, p)
        if m is None:
            pos = p + 1
            continue
        r: _Reading | None
        if (
            t[p - 1 : p] in _OPEN_QUOTES
            and fast_path
            and m.lastgroup == "run"
            and t[m.end() : m.end() + 1] not in _DATES_NEXT
            and _ARABIC_DIGIT.search(t, p, m.end()) is None
        ):
            # “五个精准”: a Chinese numeral after an opening quote, and no run of dates: the full
            # reader would drop it (see _Reader.amount) for the quoted phrase as a name.
            r = _quoted_slogan(t, m)
        else:
            try:
                r = _Reader(text, t, floor, strict=False).read(m)
            except _Skip:
                r = _quoted_slogan(t, m) if t[p - 1 : p] in _OPEN_QUOTES else None
            except (ParseError, ArithmeticError, LookupError, ValueError):
                r = None
        if r is None or r.start < floor:
            # A run that is no figure is passed over whole: its tail is no figure either.
            pos = m.end() if m.lastgroup == "run" else m.start() + 1
            continue
        out.append(Mention(r.start, r.end, text[r.start : r.end], r.kind, r.figure))
        floor = pos = max(r.end, m.start() + 1)
    return out


# The fast path: the figures of a report that the scan finds whole (a number, 万 or 亿 and
# a unit word with nothing around them, a year), or with words around them that are read
# as the full reader reads them (_fast); a 一 that is the article and a quoted slogan
# passed over as the full reader would pass them. It gives exactly what the full reader
# gives (tests hold it to that) and reads most figures of a report.
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
# The full reader reads a money tail (角, 分, a currency word) after any currency
# (_MONEY_UNITS).
_SLOW_UNITS = frozenset({"块", "块钱", "角", "毛", *_SCALED})
# Unit words the fast path looks at twice: the slow ones, and those that may begin a word of
# NOT_A_UNIT_AFTER (80年代).
_CAREFUL_UNITS = _SLOW_UNITS | {w for w in _UNIT_WORDS if w[0] in _NOT_A_UNIT_FIRST}
# Every letter before the number that needs a closer look (most need none): one lookup.
_LEFT_LOOK = _LEFT_STOP | _LEFT_AFTER_NUMBER | set(_PREFIX_LONGEST) | set(string.ascii_letters)
_YEARLIKE = re.compile(r"[12][0-9]{3}")
_DIGITS_2_TO_9 = frozenset(ch for ch, v in DIGITS.items() if v >= 2)
# The letters a unit word after a Chinese digit must not begin with: more numeral (三千米 is
# 3000 m), or what a run of dates goes on with (五月龄).
_DIGIT_RUNS_ON = frozenset(CHINESE_CHARS) | _DATES_NEXT
_UNIT_FIRST = frozenset(w[0] for w in _UNIT_WORDS)
# What may follow a Chinese numeral inside a figure or name: more numeral, magnitudes,
# qualifiers, range words, fractions, dates (月, 年), the 个 of 五个一批, quotes.
_CN_CONTINUES = frozenset(CHINESE_CHARS + "分之余多几到至—–-~〜月年日号点個个" + "".join(_CLOSE_QUOTES))


# The unit words a figure with nothing around it may end in: not the careful ones, not the
# Latin ones (15kWh). None of them begins another unit word that is not one of them, so a
# longest clean word is the longest word; and no word but a currency begins with a currency
# (人民币 begins with 人, not the other way round), so the currencies may be tried first.
# After a currency nothing of a money tail may follow.
_CLEAN_UNITS = frozenset(_UNIT_WORDS) - _CAREFUL_UNITS - _LATIN_UNITS
_MONEY_WORDS = frozenset(w for w, (unit, _c, _n) in _UNIT_WORDS.items() if unit in _MONEY_UNITS)
# Nor does such a figure come after a letter that stops the fast path, or a word before
# the number: a word of one letter, or the last two letters of a longer one (资金 is no
# 美金); nor after a comma, a space or 点 after a number or a currency word (the last two
# letters of one).
_CLEAN_NOT_AFTER = _LEFT_STOP | set(string.ascii_letters) | {w for w in _PREFIX_WORDS if len(w) == 1}
_CLEAN_NOT_AFTER_TWO = frozenset(w[-2:] for w in _PREFIX_WORDS if len(w) > 1)
_CLEAN_NOT_AFTER_CURRENCY = frozenset(w[-2:] for w in lex.CURRENCIES)
# Lookbehinds from just after the first letter of the number: not after a letter that
# stops the fast path; not after what _CLEAN_NOT_AFTER* say.
_NOT_AFTER_STOP = rf"(?<!{_char_class(_LEFT_STOP | set(string.ascii_letters))}.)"
_CLEAN_BEFORE = rf"""
    (?<!{_char_class(_CLEAN_NOT_AFTER)}[0-9])(?<!(?:{_by_first_letter(_CLEAN_NOT_AFTER_TWO)})[0-9])
    (?<![0-9{_CN}]{_char_class(_LEFT_AFTER_NUMBER)}[0-9])
    (?<!(?:{_by_first_letter(_CLEAN_NOT_AFTER_CURRENCY)}){_char_class(_LEFT_AFTER_NUMBER)}[0-9])"""
# What may follow a number and its 万 or 亿 for it to be a figure with nothing more to read
# (29万新增低保对象): not more numeral, a qualifier, a range, a run of dates, a letter (a
# name: 5G) or a space (1 200万: digit groups, or a Latin unit: 1万 kW), nor a word that
# makes the numeral part of a word (三成员). (A unit word would have made it a figure of
# the branch before.)
_NOT_AFTER_BARE = (
    frozenset("0123456789.点點 /:+" + CHINESE_CHARS + string.ascii_letters)
    | _DATES_NEXT
    | _INFIX_FIRST
    | _RANGE_FIRST
    | _SUFFIX_FIRST
)

# Every letter a candidate may start with.
_STARTERS = frozenset("0123456789-.负数几" + CHINESE_CHARS) | _OPEN_QUOTES


def _scan_pattern(articles: bool) -> str:
    """The scan: the place where the next candidate starts, and the figures the fast path reads.

    It begins with one character class, every letter a candidate starts with, so that the
    regex engine skips along the text to the next of them without trying the pattern (it
    does that for a leading class, not for a leading alternation); the branches then look
    back at that letter. After a digit, in this order:

    * ``year``: a year the full reader reads as a year (2017年, 2017年度: 1900 to 2100, and
      no month, day or second year after it, nor what a run of dates goes on with);
    * ``clean``: a number, 万 or 亿 and a unit word with nothing around them to read (see
      _CLEAN_UNITS); the lookahead takes the longest unit word once and for all, so that no
      shorter one is tried where what follows does not fit;
    * ``unit``: any number and unit word not after a stopping letter, for :func:`_fast`;
    * ``bare``: a number, 万 or 亿 and nothing more to read (29万新增低保对象);
    * else the digit alone, where a candidate starts.

    After a Chinese numeral: ``word``, a digit other than 一 and a unit word, for
    :func:`_fast`; else the numeral, where something that makes a figure or name can
    follow it, or just after an opening quote. Then a sign or a point before a digit, 数
    or 几 before a magnitude, a quote before a digit (a name).

    With ``articles`` false a 一 that is the article is no place to start (一户一策, 一门技术,
    一个, 一年: the commonest candidate in running text): what may follow 一 in a figure or
    name (_CN_CONTINUES) makes it a candidate, except 个 and 年 as measure words, where the
    full reader takes a lone 一 for the article whatever comes after (一个月, 一年多) and only
    一个亿, 一个一批 and 一个百分点 are something else; after an opening quote it may begin a
    slogan (“一户一策”), before 倍 it is a number.
    """
    not_article = (
        ""
        if articles
        else rf"""(?!(?<=一)(?<!{_char_class(_OPEN_QUOTES)}一)
            (?:年|个(?![万亿萬億]|一批|百分点)|(?!{_char_class(_CN_CONTINUES | _ONE_IS_A_NUMBER_WORDS)})))"""
    )
    return rf"""{_char_class(_STARTERS)}
    (?:
        (?<=[0-9])
        (?:
            (?:(?<=1)9[0-9]{{2}}|(?<=2)(?:0[0-9]{{2}}|100))(?P<year>年)(?:度(?![{_DATES_NEXT_CHARS}])|(?![度{_DATES_NEXT_CHARS}]))
          | {_CLEAN_BEFORE}
            (?P<plain>[0-9]*(?:\.[0-9]+)?)(?P<plain_magnitude>[万亿])?
            (?=(?P<clean>(?P<money>{_by_first_letter(_CLEAN_UNITS & _MONEY_WORDS)})|{_by_first_letter(_CLEAN_UNITS - _MONEY_WORDS)}))
            (?P=clean)(?!{_char_class(_RIGHT_STOP)})(?(money)(?!{_char_class(_MONEY_TAIL)}))
          | {_NOT_AFTER_STOP}
            (?P<digits>[0-9]*(?:\.[0-9]+)?)(?P<magnitude>[万亿])?(?P<infix>[余多])?(?P<unit>{_by_first_letter(_UNIT_WORDS)})
          | {_CLEAN_BEFORE}(?P<bare_number>[0-9]*(?:\.[0-9]+)?)(?P<bare>[万亿])(?!{_char_class(_NOT_AFTER_BARE)}|{_NOT_A_UNIT.pattern})
          |
        )
      | (?<=[{_CN}])
        (?:
            (?<={_char_class(_DIGITS_2_TO_9)}){_NOT_AFTER_STOP}(?P<word>{_by_first_letter(_UNIT_WORDS)})
          | {not_article}(?={_char_class(_CN_CONTINUES | _UNIT_FIRST)})
          | (?<={_char_class(_OPEN_QUOTES)}[{_CN}])
        )
      | (?<=[-.])(?=[0-9])
      | (?<=负)(?=[0-9{_CN}])
      | (?<=[数几])(?=[十百千万亿萬億])
      | (?<={_char_class(_OPEN_QUOTES)})(?=[0-9])
    )"""


_SCAN = re.compile(_scan_pattern(articles=False), re.VERBOSE)


@functools.cache
def _scan_every() -> re.Pattern[str]:
    """The scan for the full reader alone (``_FAST_PATH`` off), articles and all."""
    return re.compile(_scan_pattern(articles=True), re.VERBOSE)


# Up to this many digits alone are a tidy value already: no need to tidy() them.
_TIDY_DIGITS = 100


@functools.lru_cache(maxsize=4096)
def _fast_figure(number: str, magnitude: str | None, word: str | None) -> Figure | None:
    """The figure of a number, its 万 or 亿 and a unit word with nothing around them.

    ``number`` is digits or one Chinese digit; ``word`` None is no unit (29万). None where
    the full reader decides.
    """
    value = _fast_value(number, magnitude, word)
    if value is None:
        return None
    unit, classifier, _noun = _UNIT_WORDS[word] if word is not None else ("number", None, False)
    return Figure(value, unit=unit, classifier=classifier)


def _fast_value(number: str, magnitude: str | None, word: str | None) -> Decimal | None:
    if number in DIGITS:
        return Decimal(DIGITS[number])  # 两项
    point = "." in number
    if point and not magnitude and word is not None:
        unit, _classifier, noun = _UNIT_WORDS[word]
        if noun or unit == "count":
            return None  # 2.2本, 0.5贫困人口: the full reader decides
    value = Decimal(number)
    if magnitude:
        value = EXACT.multiply(value, _BIG_DECIMALS[magnitude])
    # Digits alone, and times 万 or 亿, are tidy already; past the precision tidy() fails,
    # as the full reader does.
    return tidy(value) if point or len(number) > _TIDY_DIGITS else value


def _fast(t: str, p: int, m: re.Match[str], floor: int) -> tuple[int, int, Kind, Figure] | None:
    """The figure the scan matched at ``p`` with the words around it, as the full reader reads it.

    An Arabic number and a unit word (``unit`` matched), or a Chinese digit other than 一
    and a measure word (``word`` matched: 两项, 三次), with the qualifier and rate words
    before (约, 每户), 余 or 多 between (20余次) and the qualifier and per-unit suffix after
    (以上, /年). Returns the start, the end, the kind and the figure, or None to ask the full
    reader. Where a number is too long for the precision the full reader fails quietly; so
    does this where it reads more than the scan's figure, else it fails as the fast path
    always has.
    """
    q_infix = None
    if m.lastgroup == "unit":
        word = m.group("unit")
        at = m.start("unit")
        digits = m.end("digits")
        infix = m.group("infix")
        if word == "年" and _YEARLIKE.fullmatch(t, p, digits):
            return None  # 2017年 that the scan took for no year, 2017万年: the full reader decides
        if infix is not None:
            if t[at] in _INFIX_MAGNITUDES:
                return None  # 5余千米: the full reader takes the 千 with 余, as in 20余万元
            q_infix = lex.INFIX_QUALIFIERS[infix]  # 20余次, 9000多户
        number = t[p:digits]
        magnitude = m.group("magnitude")
    else:
        word = m.group("word")
        at = p + 1
        number = t[p]
        magnitude = None
        # No noun (三保障), no congress (十二届), no slogan (五个一批), and no unit word
        # that a numeral or a date could run on into (三千米, 五月龄).
        if (
            _UNIT_WORDS[word][2]
            or word[0] in _DIGIT_RUNS_ON
            or word == "届"
            or (word == "次" and "届" in t[max(0, p - 8) : p])
            or (word == "个" and t.startswith("一批", at + 1))
        ):
            return None
    # Before the number.
    start, q_prefix = p, None
    per: list[str] = []
    prev = t[p - 1 : p]
    if prev in _LEFT_LOOK:
        if prev in _LEFT_STOP or (prev.isascii() and prev.isalpha()):
            return None
        for size in range(_PREFIX_LONGEST.get(prev, 0), 0, -1):
            if t[p - size : p] in _PREFIX_WORDS:
                # 约, 不超过, 每户, 人均: a currency word (人民币) is left to the full reader.
                start, q_prefix, per, currency = _Reader(t, t, floor, strict=False).left(p)
                if currency is not None or start == p:
                    return None
                break
        if prev in _LEFT_AFTER_NUMBER and p > 1:
            before = t[p - 2]
            if (
                before in _ASCII_DIGITS
                or before in CHINESE_CHARS
                or (before in _CURRENCY_LAST and _word_before(t, p - 1, 0, lex.CURRENCIES))
            ):
                return None
    # The unit word and after it.
    if word in _CAREFUL_UNITS and (word in _SLOW_UNITS or _NOT_A_UNIT.match(t, at)):
        return None
    end = m.end()
    after = t[end : end + 1]
    if word in _LATIN_UNITS and after.isascii() and after.isalnum():
        return None
    unit, classifier, _noun = _UNIT_WORDS[word]
    if unit in _MONEY_UNITS and after in _MONEY_TAIL:
        return None
    q_suffix = None
    if after in _RIGHT_STOP:
        if (after in _RANGE_FIRST and _RANGE_SEP.match(t, end)) or not (after in _SUFFIX_FIRST or after == "/"):
            return None  # a range, 来, 个亿: the full reader
        # 以上, 左右, /年: what the full reader reads after the unit, as it reads it.
        end, q_suffix = _Reader(t, t, floor, strict=False).suffix_qualifier(end, unit, classifier)
        mp = _PER_SUFFIX.match(t, end) if t[end : end + 1] == "/" else None
        if mp:
            per = per + [lex.PER_WORDS[mp.group("a")]] + ([lex.PER_WORDS[mp.group("b")]] if mp.group("b") else [])
            end = mp.end()
        if t[end : end + 1] == "来":
            return None  # 近3年来
    elif start < p and after == " ":
        return None  # 约5个 -6个: a range, perhaps
    if start < p and classifier in ("位", "名") and t[start - 1 : start] == "前":
        return None  # 前约5名: a rank
    try:
        if not (q_prefix or q_infix or q_suffix or per):
            figure = _fast_figure(number, magnitude, word)
            return None if figure is None else (start, end, "quantity", figure)
        value = _fast_value(number, magnitude, word)
    except ArithmeticError:
        return None  # past the precision: the full reader fails, quietly
    if value is None:
        return None
    qualifier = _choose_qualifier(q_prefix, q_infix, q_suffix)
    return (
        start,
        end,
        "quantity",
        Figure(value, unit=unit, qualifier=qualifier, per=_per_order(per), classifier=classifier),
    )


def _quoted_slogan(t: str, m: re.Match[str]) -> _Reading | None:
    """A short quoted phrase that starts with a numeral (“五个精准”) is a name."""
    i = m.start()
    if m.lastgroup not in ("run", "pair") or t[i - 1 : i] not in _OPEN_QUOTES:
        return None
    # The closing quote within 13 letters, and no end of a clause before it.
    end = _SLOGAN_REST.match(t, i + 1)
    return None if end is None else _Reading(i - 1, end.end(), "name", None)


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
    except ArithmeticError:
        # Decimal arithmetic traps rather than rounds: a number past its 120 digits is refused.
        raise ParseError(
            expr, m.start(), f"a number too long to hold exactly (more than {EXACT.prec} digits)"
        ) from None
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


_LATIN_LETTER = re.compile(r"[A-Za-z]")
_ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
_MEASURE_WORD_NOTE = re.compile(r"\([^()]*\)")
_NOT_ENGLISH = re.compile("[^\x00-\x7f²³]")  # km², m³


def _english(expr: str, t: str, lead: int, stop: int) -> Figure | None:
    """The English form format writes (``5,122 households``, ``16 units (个)``), if it is one.

    ASCII but for the measure word in parentheses and the ² of km². Short Latin units (``26,000 mu``,
    ``0.4MW``) that are not the English form go to the Chinese reader; text with an English
    word in it that is not the form is an error.
    """
    body = t[lead:stop]
    bare = _MEASURE_WORD_NOTE.sub("", body)
    if (
        (bare == body and _LATIN_LETTER.search(body) is None)
        or _NOT_ENGLISH.search(bare)
        or not _ARABIC_DIGIT.search(bare)
    ):
        return None
    from povertydata.formatting import english_figure

    return english_figure(expr, t, lead, stop, strict=_ENGLISH_WORD.search(body) is not None)
