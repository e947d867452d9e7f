"""The fast path: the commonest figures of a report, read where the scan finds them.

Most figures of a report are a number, 万 or 亿 and a unit word with nothing around them
(1800万元, 16个), a year (2017年), or a number and a unit with a qualifier or rate word
next to it (约2亿元, 每户8万元, 50元/年). The scan (:data:`SCAN`) finds the place where the
next candidate starts and, in the same match, such a figure; :func:`fast` reads it.

The contract, which a differential property test holds it to (``extract`` with the fast
path against ``extract`` without it, on report-like text): the fast path gives exactly
the mention the grammar and the policy give, and **defers to the grammar whenever**

* anything stands before the number that the grammar might read or refuse: a digit, a
  point, a sign, a Chinese numeral, a letter, 第, 前, 几, 数, a quote, a comma, a space or
  点 after a number or a currency word, or a currency word (人民币);
* the unit word may be something else: 块, 角, 毛, 成, ‰ and the words of the registry's
  ``not_units`` (成员, 年代) and conditional units (度);
* what follows could continue the figure: a range word (after a space too: 15万元 -30万元),
  a qualifier, a slash, 来, 万 or 亿, more digits, a money tail (角, 分, a currency) after
  money, a space after a hedged figure, a letter or a digit after a Latin unit;
* the number has a point before a measure word or a noun (2.2本), or a Chinese digit is
  一 (the article), or a year-like number stands before 年;
* the number is too long for the exact arithmetic.

Where it defers it returns ``None`` and the grammar reads the candidate as it would have
without the fast path.
"""

from __future__ import annotations

import functools
import re
import string
from decimal import Decimal

from povertydata._figure import Figure, Kind
from povertydata._literals import Per
from povertydata.figures._dates import DATES_NEXT, year_figure
from povertydata.figures._grammar import FEW_WORDS, Reader
from povertydata.figures._tables import (
    ASCII_DIGITS,
    CLOSE_QUOTES,
    CN,
    CONDITIONAL_UNITS,
    CURRENCIES,
    CURRENCY_LAST,
    INFIX_FIRST,
    INFIX_MAGNITUDES,
    INFIX_QUALIFIERS,
    LATIN_UNITS,
    MONEY_UNITS,
    NOT_A_UNIT,
    NOT_A_UNIT_WORDS,
    OPEN_QUOTES,
    PER_SUFFIX,
    PER_WORDS,
    PREFIX_QUALIFIERS,
    RANGE_FIRST,
    RANGE_SEP,
    RANGE_SEPARATORS,
    RATE_WORDS,
    SCALED,
    SUFFIX_FIRST,
    SUFFIX_QUALIFIERS,
    TENTHS,
    UNIT_FIRST,
    UNIT_WORDS,
    UNREAD_FIRST,
    by_first_letter,
    char_class,
    choose_qualifier,
    longest_by,
    per_order,
    word_before,
)
from povertydata.numerals import BIG, CHINESE_CHARS, DIGITS, EXACT, tidy

__all__ = ["SCAN", "fast", "fast_figure", "scan_every", "year_mention"]

_BIG_DECIMALS = {ch: Decimal(v) for ch, v in BIG.items()}
_trusted = Figure._trusted
_PREFIX_WORDS = dict.fromkeys((*PREFIX_QUALIFIERS, *RATE_WORDS, *CURRENCIES))
# Before the number: these always send it to the grammar; the last letters of prefix words
# do so only when the whole word is there (资金 ends in 金 like 美金, but is no currency).
_LEFT_STOP = frozenset("0123456789.-+:/几数第前从" + CHINESE_CHARS) | OPEN_QUOTES
_LEFT_AFTER_NUMBER = frozenset(",，点 ")  # a stop only where a number or a currency stands before it
_PREFIX_LONGEST = longest_by(_PREFIX_WORDS, {}, -1)
_RIGHT_STOP = frozenset(
    "".join(w[0] for w in (*RANGE_SEPARATORS, *SUFFIX_QUALIFIERS, *CONDITIONAL_UNITS)) + "/(来万亿萬億"
)
_MONEY_TAIL = frozenset("".join(w[0] for w in CURRENCIES) + "角毛分钱整正零0123456789" + CHINESE_CHARS)
# The grammar reads a money tail (角, 分, a currency word) after any currency.
_SLOW_UNITS = frozenset({"块", "块钱", "级", *TENTHS, *SCALED, *CONDITIONAL_UNITS})
# Unit words the fast path looks at twice: the slow ones, and those that may begin a word of
# the registry's not_units (80年代).
_CAREFUL_UNITS = _SLOW_UNITS | {w for w in UNIT_WORDS if any(n.startswith(w) for n in NOT_A_UNIT_WORDS)}
# Every letter before the number that needs a closer look (most need none): one lookup.
_LEFT_LOOK = _LEFT_STOP | _LEFT_AFTER_NUMBER | set(_PREFIX_LONGEST) | set(string.ascii_letters)
_YEARLIKE = re.compile(r"[12][0-9]{3}")
_DIGITS_2_TO_9 = frozenset(ch for ch, v in DIGITS.items() if v >= 2)
# The letters a unit word after a Chinese digit must not begin with: more numeral (三千米 is
# 3000 m), or what a run of dates goes on with (五月龄).
_DIGIT_RUNS_ON = frozenset(CHINESE_CHARS) | DATES_NEXT
# What may follow a Chinese numeral inside a figure or name: more numeral, magnitudes,
# qualifiers, range words, fractions, dates (月, 年), the 个 of 五个一批, quotes.
_CN_CONTINUES = frozenset(CHINESE_CHARS + "分之余多几到至—–-~〜月年日号点個个半" + "".join(CLOSE_QUOTES))
# Before these units a lone 一 is one, not the article (see the policy).
_ONE_IS_A_NUMBER_WORDS = frozenset("倍")

# The unit words a figure with nothing around it may end in: not the careful ones, not the
# Latin ones (15kWh). None of them begins another unit word that is not one of them, so a
# longest clean word is the longest word; and no word but a currency begins with a currency
# (人民币 begins with 人, not the other way round), so the currencies may be tried first.
# After a currency nothing of a money tail may follow.
_CLEAN_UNITS = frozenset(UNIT_WORDS) - _CAREFUL_UNITS - LATIN_UNITS
_MONEY_WORDS = frozenset(w for w, u in UNIT_WORDS.items() if u.unit in MONEY_UNITS)
# Nor does such a figure come after a letter that stops the fast path, or a word before
# the number: a word of one letter, or the last two letters of a longer one (资金 is no
# 美金); nor after a comma, a space or 点 after a number or a currency word (the last two
# letters of one).
_CLEAN_NOT_AFTER = _LEFT_STOP | set(string.ascii_letters) | {w for w in _PREFIX_WORDS if len(w) == 1}
_CLEAN_NOT_AFTER_TWO = frozenset(w[-2:] for w in _PREFIX_WORDS if len(w) > 1)
_CLEAN_NOT_AFTER_CURRENCY = frozenset(w[-2:] for w in CURRENCIES)
# Lookbehinds from just after the first letter of the number: not after a letter that
# stops the fast path; not after what _CLEAN_NOT_AFTER* say.
_NOT_AFTER_STOP = rf"(?<!{char_class(_LEFT_STOP | set(string.ascii_letters))}.)"
_CLEAN_BEFORE = rf"""
    (?<!{char_class(_CLEAN_NOT_AFTER)}[0-9])(?<!(?:{by_first_letter(_CLEAN_NOT_AFTER_TWO)})[0-9])
    (?<![0-9{CN}]{char_class(_LEFT_AFTER_NUMBER)}[0-9])
    (?<!(?:{by_first_letter(_CLEAN_NOT_AFTER_CURRENCY)}){char_class(_LEFT_AFTER_NUMBER)}[0-9])"""
# What may follow a number and its 万 or 亿 for it to be a figure with nothing more to read
# (29万新增低保对象): not more numeral, a qualifier, a range, a run of dates, a letter (a
# name: 5G) or a space (1 200万: digit groups, or a Latin unit: 1万 kW), a conditional unit
# (度), nor a word that makes the numeral part of a word (三成员). (A unit word would have
# made it a figure of the branch before.)
_NOT_AFTER_BARE = (
    frozenset("0123456789.点點 /:+" + CHINESE_CHARS + string.ascii_letters)
    | DATES_NEXT
    | INFIX_FIRST
    | RANGE_FIRST
    | SUFFIX_FIRST
    | UNREAD_FIRST
    | frozenset(w[0] for w in CONDITIONAL_UNITS)
)

# After a space, what makes the space part of a range (15万元 -30万元).
_RANGE_AFTER_SPACE = frozenset(w[0] for w in RANGE_SEPARATORS) | {"("}

# A space and a range word after a Chinese numeral: the numeral may begin a range (一 —— 5万元).
_SPACED_RANGE = rf"\x20{char_class(_RANGE_AFTER_SPACE)}"

# Every letter a candidate may start with.
_STARTERS = frozenset("0123456789-.负数几成翻" + CHINESE_CHARS) | OPEN_QUOTES


def _scan_pattern(articles: bool) -> str:
    """The scan: the place where the next candidate starts, and the figures the fast path reads.

    It begins with one character class, every letter a candidate starts with, so that the
    regex engine skips along the text to the next of them without trying the pattern (it
    does that for a leading class, not for a leading alternation); the branches then look
    back at that letter. After a digit, in this order:

    * ``year``: a year the grammar reads as a year (2017年, 2017年度: 1900 to 2100, and no
      month, day or second year after it, nor what a run of dates goes on with);
    * ``clean``: a number, 万 or 亿 and a unit word with nothing around them to read (see
      _CLEAN_UNITS); the lookahead takes the longest unit word once and for all, so that no
      shorter one is tried where what follows does not fit;
    * ``unit``: any number and unit word not after a stopping letter, for :func:`fast`;
    * ``bare``: a number, 万 or 亿 and nothing more to read (29万新增低保对象);
    * else the digit alone, where a candidate starts.

    After a Chinese numeral: ``word``, a digit other than 一 and a unit word, for
    :func:`fast`; else the numeral, where something that makes a figure or name can
    follow it, or just after an opening quote. Then a sign or a point before a digit, 数
    or 几 before a magnitude, 几 before a measure word (几个), the idioms 数以万计, 成千上万
    and 成百上千, 翻一番, a quote before a digit (a name).

    With ``articles`` false a 一 that is the article is no place to start (一户一策, 一门技术,
    一个, 一年: the commonest candidate in running text): what may follow 一 in a figure or
    name (_CN_CONTINUES) makes it a candidate, except 个 and 年 as measure words, where the
    policy takes a lone 一 for the article whatever comes after (一个月, 一年多) and only
    一个亿, 一个一批 and 一个百分点 are something else; after an opening quote it may begin a
    slogan (“一户一策”), before 倍 it is a number.
    """
    not_article = (
        ""
        if articles
        else rf"""(?!(?<=一)(?<!{char_class(OPEN_QUOTES)}一)
            (?:年|个(?![万亿萬億]|一批|百分点)|(?!{char_class(_CN_CONTINUES | _ONE_IS_A_NUMBER_WORDS)}|{_SPACED_RANGE})))"""
    )
    return rf"""{char_class(_STARTERS)}
    (?:
        (?<=[0-9])
        (?:
            (?:(?<=1)9[0-9]{{2}}|(?<=2)(?:0[0-9]{{2}}|100))(?P<year>年)(?:度(?![{re.escape("".join(sorted(DATES_NEXT)))}])|(?![度{re.escape("".join(sorted(DATES_NEXT)))}]))
          | {_CLEAN_BEFORE}
            (?P<plain>[0-9]*(?:\.[0-9]+)?)(?P<plain_magnitude>[万亿])?
            (?=(?P<clean>(?P<money>{by_first_letter(_CLEAN_UNITS & _MONEY_WORDS)})|{by_first_letter(_CLEAN_UNITS - _MONEY_WORDS)}))
            (?P=clean)(?!{char_class(_RIGHT_STOP)}|\x20{char_class(_RANGE_AFTER_SPACE)})(?(money)(?!{char_class(_MONEY_TAIL)}))
          | {_NOT_AFTER_STOP}
            (?P<digits>[0-9]*(?:\.[0-9]+)?)(?P<magnitude>[万亿])?(?P<infix>[余多])?(?P<unit>{by_first_letter(UNIT_WORDS)})
          | {_CLEAN_BEFORE}(?P<bare_number>[0-9]*(?:\.[0-9]+)?)(?P<bare>[万亿])(?!{char_class(_NOT_AFTER_BARE)}|{NOT_A_UNIT.pattern})
          |
        )
      | (?<=[{CN}])(?!级)  # 二级, 两级: a grade, no figure (see the policy)
        (?:
            (?<={char_class(_DIGITS_2_TO_9)}){_NOT_AFTER_STOP}(?P<word>{by_first_letter(UNIT_WORDS)})
          | {not_article}(?={char_class(_CN_CONTINUES | UNIT_FIRST)}|{_SPACED_RANGE})
          | (?<={char_class(OPEN_QUOTES)}[{CN}])
        )
      | (?<=[-.])(?=[0-9])
      | (?<=负)(?=[0-9{CN}])
      | (?<=[数几])(?=[十百千万亿萬億])
      | (?<=几)(?<![这那哪第好前后头末近十]几)(?={FEW_WORDS})
      | (?<=数)(?=以[十百千万亿萬億]+计)
      | (?<=成)(?=千上万|百上千)
      | (?<=翻)(?=了?[一两二三四五]?番)
      | (?<={char_class(OPEN_QUOTES)})(?=[0-9])
    )"""


#: The scan of the fast path: articles are no candidates.
SCAN = re.compile(_scan_pattern(articles=False), re.VERBOSE)


@functools.cache
def scan_every() -> re.Pattern[str]:
    """The scan for the grammar alone (no fast path), articles and all."""
    return re.compile(_scan_pattern(articles=True), re.VERBOSE)


# Up to this many digits alone are a tidy value already: no need to tidy() them.
_TIDY_DIGITS = 100


@functools.lru_cache(maxsize=4096)
def fast_figure(number: str, magnitude: str | None, word: str | None) -> Figure | None:
    """The figure of a number, its 万 or 亿 and a unit word with nothing around them.

    ``number`` is digits or one Chinese digit; ``word`` None is no unit (29万). None where
    the grammar decides.
    """
    if word is None:
        value = _fast_value(number, magnitude, word)
        return None if value is None else _trusted(value, "number")
    unit, classifier, _noun = UNIT_WORDS[word]
    if number.isascii() and number.isdigit() and len(number) <= _TIDY_DIGITS:
        # The commonest figure of all (1800万元, 16个): whole digits, tidy as they are.
        value = Decimal(number) if not magnitude else EXACT.multiply(Decimal(number), _BIG_DECIMALS[magnitude])
    else:
        found = _fast_value(number, magnitude, word)
        if found is None:
            return None
        value = found
    return _trusted(value, unit, "exact", None, None, (), classifier)


def _fast_value(number: str, magnitude: str | None, word: str | None) -> Decimal | None:
    if number in DIGITS:
        return Decimal(DIGITS[number])  # 两项
    point = "." in number
    if point and not magnitude and word is not None:
        unit = UNIT_WORDS[word]
        if unit.noun or unit.unit == "count":
            return None  # 2.2本, 0.5贫困人口: the grammar decides
    value = Decimal(number)
    if magnitude:
        value = EXACT.multiply(value, _BIG_DECIMALS[magnitude])
    # Digits alone, and times 万 or 亿, are tidy already; past the precision tidy() fails,
    # as the grammar does.
    return tidy(value) if point or len(number) > _TIDY_DIGITS else value


def year_mention(t: str, p: int) -> Figure:
    """The figure of the year the scan found at ``p``, as the grammar reads it."""
    return year_figure(int(t[p : p + 4]))


def fast(t: str, p: int, m: re.Match[str], floor: int) -> tuple[int, int, Kind, Figure] | None:
    """The figure the scan matched at ``p`` with the words around it, as the grammar reads it.

    An Arabic number and a unit word (``unit`` matched), or a Chinese digit other than 一
    and a measure word (``word`` matched: 两项, 三次), with the qualifier and rate words
    before (约, 每户), 余 or 多 between (20余次) and the qualifier and per-unit suffix after
    (以上, /年). Returns the start, the end, the kind and the figure, or None to ask the
    grammar (see the module's contract).
    """
    q_infix = None
    if m.lastgroup == "unit":
        word = m.group("unit")
        at = m.start("unit")
        digits = m.end("digits")
        infix = m.group("infix")
        if word == "年" and _YEARLIKE.fullmatch(t, p, digits):
            return None  # 2017年 that the scan took for no year, 2017万年: the grammar decides
        if infix is not None:
            if t[at] in INFIX_MAGNITUDES:
                return None  # 5余千米: the grammar takes the 千 with 余, as in 20余万元
            q_infix = INFIX_QUALIFIERS[infix]  # 20余次, 9000多户
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
            UNIT_WORDS[word].noun
            or word[0] in _DIGIT_RUNS_ON
            or word == "届"
            or (word == "次" and "届" in t[max(0, p - 8) : p])
            or (word == "个" and t.startswith("一批", at + 1))
        ):
            return None
    # Before the number.
    start, q_prefix = p, None
    per: list[Per] = []
    prev = t[p - 1 : p]
    if prev in _LEFT_LOOK:
        if prev in _LEFT_STOP or (prev.isascii() and prev.isalpha()):
            return None
        for size in range(_PREFIX_LONGEST.get(prev, 0), 0, -1):
            if t[p - size : p] in _PREFIX_WORDS:
                # 约, 不超过, 每户, 人均: a currency word (人民币) is left to the grammar.
                start, q_prefix, left_per, currency = Reader(t, t, floor).left(p)
                per = list(left_per)
                if currency is not None or start == p:
                    return None
                break
        if prev in _LEFT_AFTER_NUMBER and p > 1:
            before = t[p - 2]
            if (
                before in ASCII_DIGITS
                or before in CHINESE_CHARS
                or (before in CURRENCY_LAST and word_before(t, p - 1, 0, CURRENCIES))
            ):
                return None
    # The unit word and after it.
    if word in _CAREFUL_UNITS and (word in _SLOW_UNITS or NOT_A_UNIT.match(t, at)):
        return None
    end = m.end()
    after = t[end : end + 1]
    if word in LATIN_UNITS and after.isascii() and after.isalnum():
        return None
    unit = UNIT_WORDS[word]
    if unit.unit in MONEY_UNITS and after in _MONEY_TAIL:
        return None
    q_suffix = None
    if after in _RIGHT_STOP:
        if (after in RANGE_FIRST and RANGE_SEP.match(t, end)) or not (after in SUFFIX_FIRST or after == "/"):
            return None  # a range, 来, 个亿: the grammar
        # 以上, 左右, /年: what the grammar reads after the unit, as it reads it.
        end, q_suffix = Reader(t, t, floor).suffix_qualifier(end, unit.unit, unit.classifier)
        mp = PER_SUFFIX.match(t, end) if t[end : end + 1] == "/" else None
        if mp:
            per = per + [PER_WORDS[mp.group("a")]] + ([PER_WORDS[mp.group("b")]] if mp.group("b") else [])
            end = mp.end()
        if t[end : end + 1] == "来":
            return None  # 近3年来
    elif after == " " and (start < p or RANGE_SEP.match(t, end)):
        return None  # 15万元 -30万元, 约5个 -6个: a range, perhaps
    if start < p and unit.classifier in ("位", "名") and t[start - 1 : start] == "前":
        return None  # 前约5名: a rank
    try:
        if not (q_prefix or q_infix or q_suffix or per):
            figure = fast_figure(number, magnitude, word)
            return None if figure is None else (start, end, "quantity", figure)
        value = _fast_value(number, magnitude, word)
    except ArithmeticError:
        return None  # past the precision: the grammar refuses it
    if value is None:
        return None
    qualifier = choose_qualifier(q_prefix, q_infix, q_suffix)
    return (
        start,
        end,
        "quantity",
        Figure._trusted(value, unit.unit, qualifier, per=per_order(per), classifier=unit.classifier),
    )
