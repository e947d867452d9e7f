"""Years and dates: the patterns that find them and the readers that give their ISO forms.

A year is 1900 to 2100 written with 年 (2017年, 2017年度, 二〇一九年); a span of years is two
of them with a range word (2016—2018年). A date is a month, a day or a part of a month
(2017年1月17日, 1月17日, 11月底, 10月份), a run of months or days (1-9月, 2018年3月至6月,
12月25日至27日), a stamp (2015-12-22, 22.12.2015) or a time of day (18:31).
"""

from __future__ import annotations

import re
from decimal import Decimal

from povertydata._figure import Figure
from povertydata.errors import ParseError
from povertydata.figures._reading import Reading
from povertydata.figures._tables import RANGE_SEPARATORS, alternation
from povertydata.numerals import DIGITS, _scan

__all__ = [
    "DATES",
    "DATES_FROM",
    "DATES_NEXT",
    "DATE_PATTERN",
    "YEAR_NUM",
    "YEAR_SEP",
    "date",
    "dates",
    "day",
    "is_time",
    "stamp",
    "year",
    "year_figure",
]

_CN_DIGITS_ONLY = "〇○零一二三四五六七八九"
YEAR_NUM = rf"(?:[12][0-9]{{3}}|[{_CN_DIGITS_ONLY}]{{4}})"
# A month or a day: Chinese numerals as a month or a day is spelt (十二, 二十五), not any
# run of digits: 一二月 is January and February, not December.
_MD_NUM = r"(?:[0-9]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
#: A range word between two years, months or days (the range separators, no spaces).
YEAR_SEP = f"(?:{alternation(RANGE_SEPARATORS)})"
#: A month, a day or a part of a month (2017年1月17日, 11月底, 10月份); 月龄 is an age.
DATE_PATTERN = rf"""
    (?P<date>
        (?:(?P<dy>{YEAR_NUM})年)?(?P<dm>{_MD_NUM})月(?!龄)
        (?:(?P<dd>{_MD_NUM})[日号]|(?P<dpart>底|初|末|上旬|中旬|下旬|中|份))?
    )
"""
#: A run of months or days: 1-9月, 2018年3月至6月, 2019年1至10月份, 12月25日至27日. Tried only
#: where a date, a year or a number is followed by what such a run goes on with
#: (:data:`DATES_NEXT`), not at every candidate.
DATES = re.compile(
    rf"""
    (?:(?P<ry>{YEAR_NUM})年)?
    (?:
        (?P<rm>{_MD_NUM})月(?P<rd>{_MD_NUM})[日号]{YEAR_SEP}
        (?:(?:(?P<rdy>{YEAR_NUM})年)?(?P<rdm>{_MD_NUM})月)?(?P<rdd>{_MD_NUM})[日号]
      | (?P<rmm>{_MD_NUM})(?P<rmark>月)?{YEAR_SEP}
        (?:(?P<rmy>{YEAR_NUM})年)?(?P<rme>{_MD_NUM})月(?!龄)份?
      | (?P<rpa>[一二三四五六七八九])(?P<rpb>[二三四五六七八九])月(?!龄)份?  # 三四月份
    )
    """,
    re.VERBOSE,
)
#: What a run of dates goes on with after its first year, month or number.
DATES_NEXT = frozenset("".join(w[0] for w in RANGE_SEPARATORS) + "0123456789一二三四五六七八九十月")
#: The candidates a run of dates may begin with.
DATES_FROM = frozenset({"date", "year", "run", "pair"})
_DMY = re.compile(r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}")
_STAMP_SEP = re.compile(r"[-/.]")


def _number(raw: str) -> int:
    return int(_scan(raw, 0, len(raw), True).value)


def iso(text: str, at: int, y: int | None, mo: int, d: int | None) -> str:
    """The ISO 8601 form of a year (or none), a month and a day (or none)."""
    if not 1 <= mo <= 12 or (d is not None and not 1 <= d <= 31):
        raise ParseError(text, at, "a month or a day out of range")
    head = f"{y:04d}-{mo:02d}" if y is not None else f"--{mo:02d}"
    return head + (f"-{d:02d}" if d is not None else "")


def year_value(text: str, at: int, raw: str) -> int:
    """The year ``raw`` writes (2017, 二〇一七): 1900 to 2100, else no year."""
    value = int(raw) if raw.isdigit() and raw.isascii() else int("".join(str(DIGITS[c]) for c in raw))
    if not 1900 <= value <= 2100:
        raise ParseError(text, at, "a year before 1900 or after 2100")
    return value


def year_figure(y: int) -> Figure:
    """The figure of the year ``y``."""
    return Figure._trusted(Decimal(y), "year", when=str(y))


def is_time(s: str) -> bool:
    """Whether ``s``, two digits, a colon and two (hh:mm, hh:mm:ss), is a time of day.

    00:00 to 24:00 is one (24:00 is the end of the day); anything else (50:50) is a ratio.
    """
    hour = int(s[:2])
    return hour < 24 or (hour == 24 and set(s[3:]) <= {"0", ":"})


def stamp(text: str, m: re.Match[str]) -> Reading:
    """A date or time written in digits: 2015-12-22, 22.12.2015, 18:31."""
    s = m.group()
    at = m.start()
    if ":" in s and "T" not in s:
        when = "T" + s
    elif _DMY.fullmatch(s):
        d, mo, y = (int(x) for x in s.split("."))
        when = iso(text, at, y, mo, d)
    else:
        y, mo, d = (int(x) for x in _STAMP_SEP.split(s[:10].split("T")[0]))
        when = iso(text, at, y, mo, d) + (s[10:] if "T" in s else "")
    return Reading(at, m.end(), "date", Figure._trusted(None, "date", when=when))


def day(text: str, m: re.Match[str]) -> Reading:
    """A day of the month alone (12日)."""
    when = "---" + iso(text, m.start(), None, 1, int(m.group("dday")))[-2:]
    return Reading(m.start(), m.end(), "date", Figure._trusted(None, "date", when=when))


def date(text: str, m: re.Match[str]) -> Reading:
    """A month, a day or a part of a month, with its year if written."""
    y = year_value(text, m.start(), m.group("dy")) if m.group("dy") else None
    mo = _number(m.group("dm"))
    d = _number(m.group("dd")) if m.group("dd") else None
    return Reading(m.start(), m.end(), "date", Figure._trusted(None, "date", when=iso(text, m.start(), y, mo, d)))


def dates(text: str, m: re.Match[str]) -> Reading | None:
    """A run of months or of days: 1-9月, 2018年3月至6月, 12月25日至27日.

    The end takes the year (and month) of the start when it does not write its own. A
    run that is not in order, or whose end names a year its start does not
    (3-2019年6月, 12月至2019年3月), is no run: ``None``, and the start is read alone.
    """

    def number(group: str) -> int:
        return _number(m.group(group))

    at = m.start()
    y1 = year_value(text, at, m.group("ry")) if m.group("ry") else None
    if m.group("rd") is not None:
        m1, d1 = number("rm"), number("rd")
        y2 = year_value(text, at, m.group("rdy")) if m.group("rdy") else None
        m2 = number("rdm") if m.group("rdm") else m1
        d2: int | None = number("rdd")
        sound = True
    elif m.group("rpa") is not None:
        m1, d1, m2, d2, y2 = number("rpa"), None, number("rpb"), None, None
        sound = m2 == m1 + 1  # 三四月份; 三五月 is no month anybody writes
    else:
        m1, d1 = number("rmm"), None
        y2 = year_value(text, at, m.group("rmy")) if m.group("rmy") else None
        m2, d2 = number("rme"), None
        sound = y2 is None or m.group("rmark") is not None
    if y2 is None:
        y2 = y1
    elif y1 is None:
        sound = False
    if not sound or (y1 or 0, m1, d1 or 0) >= (y2 or 0, m2, d2 or 0):
        return None
    when = f"{iso(text, at, y1, m1, d1)}/{iso(text, at, y2, m2, d2)}"
    return Reading(at, m.end(), "date", Figure._trusted(None, "date", when=when))


def year(text: str, m: re.Match[str]) -> Reading:
    """A year (2017年, 2017年度) or a span of years (2016—2018年)."""
    at = m.start()
    if m.group("years"):
        low, high = year_value(text, at, m.group("y1")), year_value(text, at, m.group("y2"))
        if low >= high:
            raise ParseError(text, at, "a span of years whose first is not before its last")
        fig = Figure._trusted(None, "year", low=Decimal(low), high=Decimal(high), when=f"{low}/{high}")
    else:
        fig = year_figure(year_value(text, at, m.group("y")))
    return Reading(at, m.end(), "year", fig)
