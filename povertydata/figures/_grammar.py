"""The grammar of one figure: what a number and the words around it state, exactly.

:class:`Reader` reads the figure whose first candidate (:data:`CANDIDATE`) a match found:
the qualifier, rate and currency words before the number, 余 or 多 between, the unit or
measure word, a range's second end, 角 and 分 after 元, the qualifier and rate suffix
after. It refuses what is no figure, or no figure it can read without guessing, with a
:class:`~povertydata.ParseError` that says where and why. It knows nothing of running
text: which of its readings a text means as a figure is the policy's business
(:mod:`povertydata.figures._policy`), and :func:`povertydata.parse` takes every reading
that covers the whole expression.

Arithmetic runs in the exact context, which the caller (``parse``, ``extract``) sets.
"""

from __future__ import annotations

import re
from decimal import Decimal

from povertydata._figure import Figure, share_value
from povertydata._literals import Per, Qualifier, Unit
from povertydata.errors import ParseError
from povertydata.figures import _dates
from povertydata.figures._reading import Reading
from povertydata.figures._tables import (
    BARE_MAGNITUDE_PREFIXES,
    CLOSE_QUOTES,
    CN,
    CURRENCIES,
    CURRENCY_AFTER_YUAN,
    CURRENCY_LAST,
    DURATION_SUFFIXES,
    EACH_WORDS,
    INFIX,
    INFIX_QUALIFIERS,
    LATIN_UNITS,
    LEFT_LAST,
    MONEY_UNITS,
    MORE_WORDS,
    NOT_A_UNIT,
    NOT_A_UNIT_FIRST,
    OPEN_QUOTES,
    PER_SUFFIX,
    PER_WORDS,
    PREFIX_QUALIFIERS,
    QUALIFIER_LAST,
    RANGE_SEP,
    RATE_LAST,
    RATE_WORDS,
    SCALED,
    SUBUNITS,
    SUFFIX_QUALIFIER,
    SUFFIX_QUALIFIERS,
    TENTHS,
    UNIT_MAGNITUDES,
    UNIT_WORD,
    UNIT_WORDS,
    UNREAD,
    UNREAD_FIRST,
    UNREAD_WORD,
    by_first_letter,
    choose_qualifier,
    magnitude,
    numeral,
    per_order,
    run_end,
    word_after,
    word_before,
)
from povertydata.numerals import BIG, DIGITS, EXACT, NUMERAL_RUN, SMALL, Numeral, tidy

__all__ = ["CANDIDATE", "FEW_WORDS", "NAME", "Reader"]

#: Planning periods, slogans of the 五个一批 kind, policy bundles (1+8+10, and 3+X or 1+N
#: where a letter stands for "any number of" further parts) and quoted numbers ("530"
#: 小额贷款): numbers that name something.
NAME_PATTERN = r"""
    十[一二三四五]五
  | [一二三四五六七八九十两]+个一批
  | (?<![0-9.])[0-9]+(?:\+(?:[0-9]+|[A-Za-z](?![A-Za-z])))+(?![0-9])
  | [“"「『‘'][0-9]+[”"」』’']
"""
NAME = re.compile(NAME_PATTERN, re.VERBOSE)

# Two neighbouring digits (三四个, 两三年, 十二三岁) are "three or four": a pair, not the
# digits of 34. Without a magnitude only before a unit or measure word: 一二三 alone is 123.
_WORD_AFTER_PAIR = "[" + re.escape("".join({w[0] for w in UNIT_WORDS})) + "]"
# The measure words 几 alone stands before as "a few" (几个, 几户, 几天): counts, people,
# months, days and hours; not 几年 (这几年, 几年来: a time, not an amount) nor money.
FEW_WORDS = by_first_letter(
    w
    for w, u in UNIT_WORDS.items()
    if u.classifier and u.unit in ("count", "person", "household", "person_time", "month_duration", "day_duration",
                                   "hour_duration")
)  # fmt: skip
# What follows 日 in a currency word (日元, 日币): after a number, no day of the month.
_YEN_TAILS = "|".join(re.escape(w[1:]) for w in CURRENCIES if w[0] == "日") or "(?!)"

#: Every place a figure, year, date or name may start, tried in this order.
CANDIDATE = re.compile(
    rf"""
    (?P<name>{NAME_PATTERN})
  | (?P<stamp>
        (?<![0-9.])[0-9]{{1,2}}\.[0-9]{{1,2}}\.[12][0-9]{{3}}(?![0-9])
      | (?<![0-9.])[12][0-9]{{3}}[-/.][0-9]{{1,2}}[-/.][0-9]{{1,2}}(?:T[0-9]{{2}}:[0-9]{{2}}(?::[0-9]{{2}})?Z?)?(?![0-9])
      | (?<![0-9])(?<![0-9]:)[0-9]{{2}}:[0-5][0-9](?::[0-5][0-9])?(?![0-9:])
    )
  | {_dates.DATE_PATTERN}
  | (?P<years>(?P<y1>{_dates.YEAR_NUM})年?{_dates.YEAR_SEP}(?P<y2>{_dates.YEAR_NUM})年(?:度)?)
  | (?P<year>(?P<y>{_dates.YEAR_NUM})年(?:度)?)
  | (?P<day>(?<![0-9.])(?P<dday>[0-9]{{1,2}})[日号](?![0-9]|{_YEN_TAILS}))  # 12日元, 5日币 are yen
  | (?P<ratio>(?<![0-9.])(?<![0-9]:)[0-9]+(?:\.[0-9]+)?(?::[0-9]+(?:\.[0-9]+)?)+(?![0-9:]))  # 合计：1:10
  | (?P<fraction>
        (?P<fden>[-负]?(?:[0-9]+(?:\.[0-9]+)?|[{CN}]+))分之
        (?P<fnum>[-负]?(?:[0-9]*\.?[0-9]+|[{CN}点]+|点[{CN}]+))
    )
  | (?P<slash>(?<![0-9./A-Za-z])(?P<snum>-?[0-9]+(?:\.[0-9]+)?)/(?P<sden>[0-9]+(?:\.[0-9]+)?)(?![0-9./]))  # 1/3, 2/3以上
  | (?P<idiom>成千上万|成百上千|数以(?P<imag>[十百千万亿萬億]+)计)
  | (?P<doubled>翻了?(?:(?P<times>[一两二三四五])番|番))
  | (?P<half>一半)
  | (?P<vague>
        若干  # what format writes for an amount no digit states (extract never starts here)
      | [数几][十百千万亿萬億]+
      | (?:[一二两三四五六七八九]?十)几[百千万亿萬億]*
      | (?<![这那哪第好前后头末近十])几(?={FEW_WORDS})  # 几个, 几户: a few
    )
  | (?P<pair>
        (?P<ptens>[一二两三四五六七八九]?十)?(?P<p1>[一二两三四五六七八九])(?P<p2>[二两三四五六七八九])
        (?:(?P<pmag>[十百千万亿萬億]+)|(?={_WORD_AFTER_PAIR}))
    )
  | (?P<run>{NUMERAL_RUN.pattern})
    """,
    re.VERBOSE,
)

_ORDINAL = "第"
# A magnitude written with no digit before it: the 千 of 千余人, the 百万 of 近百万元.
_BARE_MAGNITUDE = re.compile(r"[百佰千仟]?[万萬亿億]?")
_BARE_FIRST = frozenset("百佰千仟万萬亿億")
# Words that end in 上 (以上, 之上, 线上, 网上, 会上, 加上 …) and so are no "reaching" before a
# magnitude: 线上千人培训 is online training of a thousand.
_SHANG_WORDS = frozenset("以之线网会面路身地加向往马早晚")
_TENTH = Decimal("0.1")
_TWO = Decimal(2)
_NINE = Decimal(9)
_IDIOMS = {"成千上万": Decimal(1000), "成百上千": Decimal(100)}
_HUNDREDTH = Decimal("0.01")


# How many of the unit one of a word is, where not one: 成 and ‰ (percent), 角 and 毛 (yuan).
_ONE = Decimal(1)
_WORD_SCALES = {**SCALED, **dict.fromkeys(TENTHS, _TENTH)}


def _is_duration(unit: str) -> bool:
    return unit.endswith("_duration")


class Reader:
    """Reads figures in one text: ``t`` normalized, ``text`` as given (for errors).

    ``floor`` is where a figure may begin at the earliest (the end of the one before it),
    ``t`` ends where the figure must end at the latest.
    """

    def __init__(self, text: str, t: str, floor: int) -> None:
        self.text = text
        self.t = t
        self.floor = floor
        #: Where a refused reading ends, when it is to be passed over whole: a range whose
        #: high end alone would be a wrong figure (七到八十万元 is not 80万).
        self.passed = 0

    def fail(self, pos: int, reason: str) -> ParseError:
        return ParseError(self.text, pos, reason)

    def numeral(self, start: int, end: int) -> Numeral:
        try:
            return numeral(self.t[start:end])
        except ParseError as error:
            raise self.fail(start + error.position, error.reason) from None

    # -- the candidate -----------------------------------------------------------------

    def read(self, m: re.Match[str]) -> Reading:
        """The figure, year, date or name the candidate ``m`` begins."""
        t, text = self.t, self.text
        group = m.lastgroup
        i, j = m.span()
        if group == "name":
            if i > self.floor and t[i - 1] in OPEN_QUOTES and t[j : j + 1] in CLOSE_QUOTES:
                return Reading(i - 1, j + 1, "name", None)  # “十三五”: a quoted name keeps its quotes
            return Reading(i, j, "name", None)
        if group == "stamp":
            if ":" not in m.group() or "T" in m.group() or _dates.is_time(m.group()):
                return _dates.stamp(text, m)
            group = "ratio"  # 50:50 is no time of day
        if (
            t[j : j + 1] in _dates.DATES_NEXT
            and group in _dates.DATES_FROM
            and (group == "date" or t.find("月", j, j + 10) >= 0)  # 1-9月: a month ahead
        ):
            run = _dates.DATES.match(t, i)
            reading = None if run is None else _dates.dates(text, run)
            if reading is not None:
                return reading
        if group == "date":
            return _dates.date(text, m)
        if group == "day":
            return _dates.day(text, m)
        if group in ("year", "years"):
            return _dates.year(text, m)
        if group == "ratio":
            terms = tuple(tidy(Decimal(term)) for term in m.group().split(":"))
            if not any(terms):
                raise self.fail(i, "a ratio of nothing to nothing")
            return Reading(i, j, "quantity", Figure._trusted(None, "ratio", terms=terms))
        if i > 0 and t[i - 1] == _ORDINAL:
            raise self.fail(i, "an ordinal (第…), not a quantity")
        if group in ("fraction", "slash"):
            return self.fraction(m)
        if group == "half":
            return self.share(m, _ONE, _TWO, j)  # 一半 is 二分之一
        if group == "idiom":
            # 成千上万 and 数以万计 say "at least thousands", "tens of thousands": the least
            # amount they name, and no unit of their own.
            value = magnitude(m.group("imag")) if m.group("imag") else _IDIOMS[m.group()]
            return Reading(i, j, "quantity", Figure._trusted(value, "number", "at_least"))
        if group == "doubled":
            # 翻一番 is "doubled", 翻两番 "doubled twice": 2, 4, 8 … times.
            times = DIGITS[m.group("times")] if m.group("times") else 1
            return Reading(i, j, "quantity", Figure._trusted(Decimal(2**times), "fold"))
        return self.amount(m)

    # -- left context ------------------------------------------------------------------

    def left(self, i: int) -> tuple[int, Qualifier | None, list[Per], Unit | None]:
        """Extend leftwards over qualifier, rate and currency words."""
        t, floor = self.t, self.floor
        if i <= floor or t[i - 1] not in LEFT_LAST:
            return i, None, [], None  # most figures: no word of the three tables ends here
        qualifier: Qualifier | None = None
        per: list[Per] = []
        currency: Unit | None = None
        while True:
            # Each table is looked up only where a word of it may end (most words are none).
            last = t[i - 1 : i]
            word = None if per or last not in RATE_LAST else word_before(t, i, floor, RATE_WORDS)
            if word is not None:
                if not word.startswith("每"):
                    per = list(RATE_WORDS[word])
                    i -= len(word)
                else:  # a chain of 每X: 每人每天
                    while word is not None:
                        per.insert(0, EACH_WORDS[word])
                        i -= len(word)
                        word = word_before(t, i, floor, EACH_WORDS)
                continue
            word = None if qualifier or last not in QUALIFIER_LAST else word_before(t, i, floor, PREFIX_QUALIFIERS)
            if word is not None:
                qualifier = PREFIX_QUALIFIERS[word]
                i -= len(word)
                continue
            k = i - 1 if i - 1 >= floor and last == " " else i
            word = None if currency or t[k - 1 : k] not in CURRENCY_LAST else word_before(t, k, floor, CURRENCIES)
            if word is not None:
                currency = CURRENCIES[word]
                i = k - len(word)
                continue
            return i, qualifier, per, currency

    # -- right context -----------------------------------------------------------------

    def unit_at(self, pos: int) -> tuple[int, Unit, str | None, bool, Decimal] | None:
        """The unit word at ``pos`` (after one space for a Latin one).

        Its end, unit, classifier, whether it is a noun, and how many of the unit one of it
        is (成 is 10 percent, 角 a tenth of a yuan).
        """
        t = self.t
        at = pos + 1 if t[pos : pos + 1] == " " else pos
        found = UNIT_WORD.match(t, at)
        if found is None:
            return None
        word = found.group()
        end = found.end()
        latin = word in LATIN_UNITS
        if at != pos and not latin:
            return None
        if latin and end < len(t) and t[end].isascii() and t[end].isalnum():
            return None
        unit, classifier, noun = UNIT_WORDS[word]
        return end, unit, classifier, noun, _WORD_SCALES.get(word, _ONE)

    def money_tail(self, pos: int, value: Decimal, unit: Unit) -> tuple[int, Decimal, Unit]:
        """After 元: a currency word (三万元欧元), 角 and 分 (123元1角1分), 钱, 整."""
        t = self.t
        m = CURRENCY_AFTER_YUAN.match(t, pos)
        if m:
            return m.end(), value, CURRENCIES[m.group()]
        m = SUBUNITS.match(t, pos)
        if m and m.end() > pos:
            if m.group("jiao"):
                value = EXACT.add(value, EXACT.multiply(_digit(m.group("jiao")), _TENTH))
            if m.group("fen"):
                value = EXACT.add(value, EXACT.multiply(_digit(m.group("fen")), _HUNDREDTH))
            pos = m.end()
        m = CURRENCY_AFTER_YUAN.match(t, pos)  # 数十亿元人民币
        if m:
            return m.end(), value, CURRENCIES[m.group()]
        return pos, value, unit

    def suffix_qualifier(self, pos: int, unit: str, classifier: str | None = None) -> tuple[int, Qualifier | None]:
        """The qualifier written after the unit (以上, 左右; 多 and 内 after a duration)."""
        m = SUFFIX_QUALIFIER.match(self.t, pos)
        if not m:
            return pos, None
        word = m.group()
        if (
            word in DURATION_SUFFIXES
            and not _is_duration(unit)
            and not ((classifier in SCALED or unit == "fold") and word in MORE_WORDS)  # 九成多, 三倍多: more than
        ):
            return pos, None
        return m.end(), SUFFIX_QUALIFIERS[word]

    # -- shares --------------------------------------------------------------------------

    def fraction(self, m: re.Match[str]) -> Reading:
        """A fraction: 三分之一, 1/3, 百分之二十."""
        if m.lastgroup == "slash":
            # 1/3 is 三分之一 written with digits: the same figure.
            num, den = tidy(Decimal(m.group("snum"))), tidy(Decimal(m.group("sden")))
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
            num = num.copy_negate()
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

    def share(self, m: re.Match[str], num: Decimal, den: Decimal | None, end: int) -> Reading:
        """A fraction's figure with the words around it: a percent, with its terms.

        百分之二十 (``den`` None) is 20 percent; 四分之三 is 75 percent with the terms 3 and 4,
        千分之三 0.3 percent with 3 and 1000; 三分之一 has the terms 1 and 3 and no value (one
        third has no exact decimal).
        """
        value: Decimal | None
        terms: tuple[Decimal, ...]
        if den is None:
            value, terms = num, ()
        else:
            value, terms = share_value(num, den), (num, den)
            if value is not None:
                value = tidy(value)
        start, q_before, per, _currency = self.left(m.start())
        end, q_after = self.suffix_qualifier(end, "percent")
        figure = Figure._trusted(value, "percent", choose_qualifier(q_before, q_after), per=per_order(per), terms=terms)
        return Reading(start, end, "quantity", figure)

    # -- amounts -------------------------------------------------------------------------

    def first(
        self, m: re.Match[str], end: int, bare: bool
    ) -> tuple[Numeral | None, Qualifier | None, tuple[Decimal, Decimal] | None]:
        """The first number, ending at ``end``.

        A numeral, a vague amount (几十万), a digit pair (三五百, 三四个) or a bare magnitude
        (the 千 of 千余人, whose hedge the caller requires).
        """
        group = m.lastgroup
        if bare:
            run = self.t[m.start() : end]
            return Numeral(magnitude(run), True, any(c in BIG for c in run), run, False), None, None
        if group == "vague":
            return None, "approx", self.vague(m.group())
        if group == "pair":
            a, b = DIGITS[m.group("p1")], DIGITS[m.group("p2")]
            if not 0 < b - a <= 2:
                raise self.fail(m.start(), "two digits that are no pair")
            tens = m.group("ptens") or ""
            base = (DIGITS[tens[0]] if len(tens) > 1 else 1) * 10 if tens else 0  # 十二三, 二十七八
            scale = magnitude(m.group("pmag") or "")
            return None, "approx", (EXACT.multiply(Decimal(base + a), scale), EXACT.multiply(Decimal(base + b), scale))
        return self.numeral(m.start(), end), None, None

    @staticmethod
    def vague(written: str) -> tuple[Decimal, Decimal] | None:
        """The bounds of a vague amount; 若干 has none.

        几十 and 数十 are 20 to 90, 几百万 2 to 9 million, 十几 11 to 19, 二十几万 21万 to
        29万, 几 alone (几个) 2 to 9.
        """
        if written == "若干":
            return None
        if written[0] in "数几":  # 2 to 9 of the magnitude after it
            scale = magnitude(written[1:])
            return EXACT.multiply(_TWO, scale), EXACT.multiply(_NINE, scale)
        tens, _, scale_chars = written.partition("几")
        base = 10 * (DIGITS[tens[0]] if len(tens) > 1 else 1)  # 十几, 二十几
        scale = magnitude(scale_chars)
        return EXACT.multiply(Decimal(base + 1), scale), EXACT.multiply(Decimal(base + 9), scale)

    def amount(self, m: re.Match[str]) -> Reading:
        """A number with its magnitude, unit and the words around it."""
        t = self.t
        i, pos = m.span()
        if t[pos - 1] in UNIT_MAGNITUDES and m.lastgroup == "run":
            pos = run_end(t, i, pos)
        j = pos  # the end of the numeral
        bare = t[i] in _BARE_FIRST and m.lastgroup == "run" and _BARE_MAGNITUDE.fullmatch(t, i, j) is not None
        first, q_first, pair = self.first(m, j, bare)
        start, q_prefix, per, currency = self.left(i)
        left_per = len(per)
        q_infix: Qualifier | None = None
        value = first.value if first is not None else None
        low = high = None
        if pair is not None:
            low, high = pair
        mi = INFIX.match(t, pos)
        if mi and value is not None:
            q_infix = INFIX_QUALIFIERS[mi.group("q")]
            mag, pos = mi.group("mag"), mi.end()
            if mag and mag[-1] in UNIT_MAGNITUDES and word_after(t, pos - 1, UNIT_WORDS) is not None:
                mag, pos = mag[:-1], pos - 1  # 20余千米 is more than 20 km, as 300千米 is 300 km
            if mag:
                if first is not None and first.big and BIG.get(mag[0]):
                    raise self.fail(mi.start("mag"), "a magnitude after a number that already has one")
                value = EXACT.multiply(value, magnitude(mag))
        if bare and q_prefix is None and q_infix is None:
            # 千余人 and 近千户 say "one thousand"; 上百个 says "reaching a hundred". Without such
            # a hedge a bare magnitude is a word (千村万户, 百企帮百村): the numeral reader
            # refuses it.
            shang = word_before(t, start, self.floor, BARE_MAGNITUDE_PREFIXES)
            if shang is None or t[start - len(shang) - 1 : start - len(shang)] in _SHANG_WORDS:
                self.numeral(i, j)
                raise self.fail(i, "a magnitude with no number")  # pragma: no cover - refused just above
            start -= len(shang)
            q_prefix = BARE_MAGNITUDE_PREFIXES[shang]
        if pos < len(t) and t[pos] in NOT_A_UNIT_FIRST and NOT_A_UNIT.match(t, pos):
            # 三轮车, 80年代, 20世纪: the numeral is part of a word or names a period.
            raise self.fail(pos, "a numeral inside a word or a name, not a figure")
        classifier: str | None = None
        unit: Unit = "number"
        noun = False
        scale = _ONE
        word: str | None = None
        u = self.unit_at(pos)
        if u:
            word = t[pos : u[0]].strip()
            pos, unit, classifier, noun, scale = u
        note = None
        if unit == "number" and pos < len(t) and t[pos] in UNREAD_FIRST:
            unread = UNREAD_WORD.match(t, pos)
            if unread is not None:
                note = f"followed by {unread.group()}, which is not read as a unit or measure word: {UNREAD[unread.group()]}"
        if bare and unit == "number":
            raise self.fail(i, "a magnitude with no number and no unit")
        if pair is not None and unit == "number" and not m.group("pmag"):
            raise self.fail(i, "two digits with no unit")  # 三四月份
        # A range: 15—30万元, 2至3次, 1万元--5万元.
        if value is not None and q_infix is None:
            rng = self.range(pos, value, first, unit, classifier, scale, j - i)
            if rng is not None:
                pos, low, high, unit, classifier, noun, scale, word = rng
                value = None
        if scale != _ONE:
            # 七成 is 70 percent, 三到五成 30 to 50; 壹角 is a tenth of a yuan, 三四毛 0.3 to 0.4.
            value, low, high = (None if v is None else EXACT.multiply(v, scale) for v in (value, low, high))
        if unit in MONEY_UNITS:
            if value is not None:
                pos, value, unit = self.money_tail(pos, value, unit)
            else:
                pos, _, unit = self.money_tail(pos, Decimal(0), unit)
        bare_currency = False
        if currency is not None:
            if unit not in ("CNY", "number") and unit != currency:
                raise self.fail(i, f"currency {currency} before a figure in {unit}")
            bare_currency = unit == "number"
            unit = currency
        pos, q_suffix = self.suffix_qualifier(pos, unit, classifier)
        mp = PER_SUFFIX.match(t, pos)
        if mp and unit != "number":
            per = per + [PER_WORDS[mp.group("a")]] + ([PER_WORDS[mp.group("b")]] if mp.group("b") else [])
            pos = mp.end()
        if q_prefix == "nearly" and _is_duration(unit) and t[pos : pos + 1] == "来":
            # 近3年来 is "in the last three years", not "nearly three years".
            if bare:
                raise self.fail(i, "a magnitude with no number")  # 近百年来
            start, q_prefix = i, None
        if noun and first is not None and first.chinese and not first.big:
            raise self.fail(i, "a Chinese numeral before a noun")  # 三贫困人口: a name or a word
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
        figure = Figure._trusted(
            tidy(value) if value is not None else None,
            unit,
            choose_qualifier(q_prefix, q_first, q_infix, q_suffix),
            tidy(low) if low is not None else None,
            tidy(high) if high is not None else None,
            per_order(per),
            classifier,
        )
        return Reading(start, pos, "quantity", figure, first, i, j, bare_currency, word, note)

    def range(
        self,
        pos: int,
        value: Decimal,
        first: Numeral | None,
        unit: Unit,
        classifier: str | None,
        scale: Decimal,
        written: int,
    ) -> tuple[int, Decimal, Decimal, Unit, str | None, bool, Decimal, str | None] | None:
        """The second end of a range after ``pos``, if one is written there.

        ``first`` is the low end, written in ``written`` letters.
        """
        t = self.t
        sep = RANGE_SEP.match(t, pos)
        if not sep:
            return None
        m2 = NUMERAL_RUN.match(t, sep.end())
        if not m2 or m2.group().startswith(("-", "负")):
            return None
        end = m2.end()
        if t[end - 1] in UNIT_MAGNITUDES:
            end = run_end(t, m2.start(), end)
        try:
            second = self.numeral(m2.start(), end)
        except ParseError:
            return None
        if t[end : end + 1] in NOT_A_UNIT_FIRST and NOT_A_UNIT.match(t, end):
            raise self.fail(end, "a numeral inside a word or a name, not a figure")  # 3-5年级: grades
        u2 = self.unit_at(end)
        unit2, classifier2, noun2, scale2, word2 = unit, classifier, False, scale, None
        if u2:
            word2 = t[end : u2[0]].strip()
            end, unit2, classifier2, noun2, scale2 = u2
            if unit != "number" and (unit2, classifier2, scale2) != (unit, classifier, scale):
                return None
        elif unit != "number":
            return None
        low, high = value, second.value
        self.passed = end
        if first is not None and not first.big and unit == "number":
            low = self.low_end(sep.start(), first, second, written == 1)
        if low >= high:
            raise self.fail(sep.start(), "a range whose low end is not below its high end")
        self.passed = 0
        return end, low, high, unit2, classifier2, noun2, scale2, word2

    def low_end(self, at: int, first: Numeral, second: Numeral, one_letter: bool) -> Decimal:
        """The low end of a range written bare before a high end with a magnitude.

        The low end reads in its own place value with the high end's magnitude applied
        (15—30万 is 15万 to 30万; 三到九十亿 is 3亿 to 90亿, 一到三万 is 1万 to 3万), and
        where the high end is one digit and 百 or 千 (3到5千, 八到九百亿) and the low end a
        digit with no place of its own, with that place too (3000 to 5000, 800亿 to 900亿).
        A low end the magnitude would put above the high end stays as written where it
        is no more than a hundredfold below it (500到3万 is 500 to 30000); else the range
        is refused, as is a digit written alone one below the high end's leading digit where
        that digit has a place of its own (七到八十, 7到80: 7 to 80, or 70 to 80?; 7.0到80 is 7
        to 80).
        """
        low, high = first.value, second.value
        suffix = second.suffix
        big = suffix.lstrip(_PLACES)
        place = suffix[: len(suffix) - len(big)]
        section = EXACT.divide(high, magnitude(big)) if big else high
        one_place = bool(place) and EXACT.divide(high, magnitude(suffix)) in _ONE_DIGIT
        borrow = suffix if one_place and place[0] in _HUNDREDS and not _has_place(first) else big
        if (
            (borrow != suffix or not place)
            and one_letter
            and low in _ONE_DIGIT
            and section >= 10
            and _leading_digit(section) == low + 1
        ):
            raise self.fail(at, "a digit one below the high end's leading digit: 7 to 80, or 70 to 80?")
        scaled = EXACT.multiply(low, magnitude(borrow)) if borrow else low
        if scaled < high:
            return scaled
        if low < high and EXACT.multiply(low, Decimal(100)) >= high:
            return low  # 500到3万: 500万 is above 3万, and 500 is the low end as written
        raise self.fail(at, "a range whose low end is not below its high end")


_PLACES = "十百千拾佰仟"
_HUNDREDS = frozenset("百千佰仟")
_ONE_DIGIT = frozenset(Decimal(d) for d in range(1, 10))


def _has_place(n: Numeral) -> bool:
    """A numeral that writes a place of its own: 八百, 二十 (not 8, 八, 15)."""
    return any(c in _PLACES for c in n.suffix) or (n.chinese and not n.single)


def _leading_digit(value: Decimal) -> Decimal:
    return Decimal(str(int(value))[0])


def _digit(ch: str) -> Decimal:
    return Decimal(ch) if ch.isdigit() and ch.isascii() else Decimal(DIGITS[ch])
