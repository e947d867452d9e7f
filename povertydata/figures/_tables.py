"""The reader's tables and patterns, compiled once from the registry's words.

Everything here is data the grammar, the running-text policy and the fast path look up:
the words that may follow a number (longest first), the qualifier, rate and currency
words, and the small helpers that find the longest word at a place.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import NamedTuple

from povertydata import _lexicon as lex
from povertydata._literals import Per, Qualifier, Unit
from povertydata.numerals import BIG, CHINESE_CHARS, DIGITS, LATIN, NUMERAL_LETTERS, SMALL, Numeral, _scan

# --------------------------------------------------------------------------- pattern helpers


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, the longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def char_class(chars: Iterable[str]) -> str:
    """A regex character class of ``chars``."""
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


# The letters unit words after a number begin with most often in reports, commonest first.
_COMMONEST_FIRST = "元个户人%名次项年万亿家条公平亩倍天岁期场批座所处套台"


def by_first_letter(words: Iterable[str]) -> str:
    """The alternation of :func:`alternation` (the longest word wins), grouped by first letter.

    Behind a class of the first letters: the regex engine tries the words of an
    alternation one after another, and so tries only those that can match. It tries the
    groups one after another too (a quick look at each first letter): the groups of the
    letters reports write most come first.
    """
    groups: dict[str, list[str]] = {}
    ordered = sorted(set(words), key=len, reverse=True)
    ordered.sort(key=lambda w: _COMMONEST_FIRST.find(w[0]) % (len(_COMMONEST_FIRST) + 1))
    for w in ordered:
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    alternatives = (
        re.escape(first) + (f"(?:{'|'.join(rests)})" if rests != [""] else "") for first, rests in groups.items()
    )
    return f"(?={char_class(groups)})(?:{'|'.join(alternatives)})"


#: The Chinese numeral characters, escaped for a character class.
CN = re.escape(CHINESE_CHARS)
ASCII_DIGITS = frozenset("0123456789")
OPEN_QUOTES = frozenset("“\"「『‘'")
CLOSE_QUOTES = frozenset("”\"」』’'")

# --------------------------------------------------------------------------- words after a number


class UnitWord(NamedTuple):
    """What a word after a number makes of the figure."""

    unit: Unit
    classifier: str | None
    noun: bool


#: Every word that may follow a number: measure words, unit words, currencies.
UNIT_WORDS: dict[str, UnitWord] = {}
for _w in lex.CLASSIFIERS:
    UNIT_WORDS[_w] = UnitWord("count", _w, False)
for _w, _u in lex.UNITS.items():
    UNIT_WORDS[_w] = UnitWord(_u.unit, _u.classifier, _u.noun)
for _w in (*lex.YUAN, *lex.TENTHS):
    UNIT_WORDS[_w] = UnitWord("CNY", None, False)
for _w, _code in lex.CURRENCIES.items():
    UNIT_WORDS[_w] = UnitWord(_code, None, False)
for _w, (_unit, _after) in lex.CONDITIONAL_UNITS.items():
    UNIT_WORDS[_w] = UnitWord(_unit, None, False)  # 度: the running-text policy asks for 电 before it
#: Latin unit words (km, MW): not a unit where a letter or digit follows (15kWh2).
LATIN_UNITS = frozenset(w for w in UNIT_WORDS if w.isascii() and w.isalpha())
#: The longest unit word at a place.
UNIT_WORD = re.compile(by_first_letter(UNIT_WORDS))
#: Words that running text means as a unit only after one of the given words (度 after 电).
CONDITIONAL_UNITS = lex.CONDITIONAL_UNITS
#: Measure words that scale the number: how many of the unit one is (成 is 10 percent).
SCALED = {u.classifier: u.scale for u in lex.UNITS.values() if u.scale != 1 and u.classifier}
#: Words for a tenth of the yuan: 壹角 is 0.1 yuan.
TENTHS = frozenset(lex.TENTHS)
MONEY_UNITS = lex.MONEY_UNITS
#: Magnitudes that begin a unit word (千瓦, 千克, 千米, 百分点) or a word that is none (千伏).
UNIT_MAGNITUDES = frozenset(w[0] for w in (*UNIT_WORDS, *lex.NOT_A_UNIT_AFTER) if len(w) > 1 and w[0] in CHINESE_CHARS)
UNIT_FIRST = frozenset(w[0] for w in UNIT_WORDS)

#: After 元: a currency word (三万元欧元, 数十亿元人民币).
CURRENCY_AFTER_YUAN = re.compile(alternation(lex.CURRENCIES))
_DIGIT = f"[0-9]|[{re.escape(''.join(DIGITS))}]"
#: 角 and 分 after 元 (123元1角1分), and the 钱 or 整 that ends a sum.
SUBUNITS = re.compile(
    rf"(?:零?(?P<jiao>{_DIGIT}){char_class(lex.TENTHS)})?(?:零?(?P<fen>{_DIGIT}){char_class(lex.HUNDREDTHS)})?(?P<tail>钱|整|正)?"
)
INFIX_MAGNITUDES = "十百千万亿萬億"
#: 余 or 多 after the number, and a magnitude after it (20余万元).
INFIX = re.compile(rf"(?P<q>{alternation(lex.INFIX_QUALIFIERS)})(?P<mag>[{INFIX_MAGNITUDES}]*)")
SUFFIX_QUALIFIER = re.compile(alternation(lex.SUFFIX_QUALIFIERS))
#: Rate words after a slash: /户, /人·年.
_ONE_LETTER_PER = {w: k for w, k in lex.PER_WORDS.items() if len(w) == 1}
_TIME_PER = {w: k for w, k in _ONE_LETTER_PER.items() if k in lex.TIME_PER}
PER_SUFFIX = re.compile(rf"/(?P<a>{char_class(_ONE_LETTER_PER)})(?:[·/](?P<b>{char_class(_TIME_PER)}))?")
RANGE_SEPARATORS = lex.RANGE_SEPARATORS
#: A range separator, with a space on either side or none (15万元 - 30万元).
RANGE_SEP = re.compile(rf"(?:\(含\))?\x20?(?:{alternation(RANGE_SEPARATORS)})\x20?")
NOT_A_UNIT = re.compile(alternation(lex.NOT_A_UNIT_AFTER))
NOT_A_UNIT_WORDS = lex.NOT_A_UNIT_AFTER
#: Set phrases and names whose numerals state no amount (千家万户, 三番五次): passed over
#: whole. A name may have one letter before its numeral (珠三角): the registry says so.
_IDIOMS_LED = [w for w in lex.IDIOMS if w[0] in NUMERAL_LETTERS]
_IDIOMS_AFTER_A_LETTER = [w for w in lex.IDIOMS if w[0] not in NUMERAL_LETTERS]
IDIOM = re.compile(by_first_letter(_IDIOMS_LED))
#: Those with a letter before the numeral, matched from that letter.
IDIOM_AFTER_A_LETTER = re.compile(alternation(_IDIOMS_AFTER_A_LETTER) or "(?!)")
#: The letters their numerals begin with and the first two letters from the numeral: a
#: quick look before the patterns'.
IDIOM_FIRST = frozenset(w[0] for w in _IDIOMS_LED) | frozenset(w[1] for w in _IDIOMS_AFTER_A_LETTER)
IDIOM_STARTS = frozenset(w[:2] for w in _IDIOMS_LED) | frozenset(w[1:3] for w in _IDIOMS_AFTER_A_LETTER)
#: Words the sources name as measure words or units that the reader does not read after a
#: number (点, 方, 分钟), with the reason: a number before one is a bare number with a note.
UNREAD = {w: why for w, why in lex.UNREAD.items() if w not in UNIT_WORDS}
UNREAD_WORD = re.compile(by_first_letter(UNREAD))
UNREAD_FIRST = frozenset(w[0] for w in UNREAD)

# The letters these patterns may start with.
INFIX_FIRST = frozenset(w[0] for w in lex.INFIX_QUALIFIERS)
SUFFIX_FIRST = frozenset(w[0] for w in lex.SUFFIX_QUALIFIERS)
RANGE_FIRST = frozenset(w[0] for w in RANGE_SEPARATORS) | {"(", " "}
NOT_A_UNIT_FIRST = frozenset(w[0] for w in lex.NOT_A_UNIT_AFTER)
#: Units after which 多, 余 and 内 qualify the figure: 3年多, 5年内 (after other units 多 and
#: 余 are read before the unit, and 12个乡镇内 is a place).
DURATION_SUFFIXES = lex.AFTER_DURATION
MORE_WORDS = frozenset(lex.INFIX_QUALIFIERS)

# --------------------------------------------------------------------------- words before a number

#: Rate words after 每 (每户, 每个村).
EACH_WORDS: dict[str, Per] = {"每" + w: k for w, k in lex.PER_WORDS.items()}
#: Every rate word before a number: compounds (年人均) and 每-words.
RATE_WORDS: dict[str, tuple[Per, ...]] = {**lex.RATE_PREFIXES, **{w: (k,) for w, k in EACH_WORDS.items()}}
PREFIX_QUALIFIERS = lex.PREFIX_QUALIFIERS
INFIX_QUALIFIERS = lex.INFIX_QUALIFIERS
SUFFIX_QUALIFIERS = lex.SUFFIX_QUALIFIERS
PER_WORDS = lex.PER_WORDS
CURRENCIES = lex.CURRENCIES
BARE_MAGNITUDE_PREFIXES = lex.BARE_MAGNITUDE_PREFIXES
# The last letters of the words looked for leftwards, and the space that may be stepped over.
RATE_LAST = frozenset(w[-1] for w in RATE_WORDS)
QUALIFIER_LAST = frozenset(w[-1] for w in PREFIX_QUALIFIERS)
CURRENCY_LAST = frozenset(w[-1] for w in CURRENCIES)
LEFT_LAST = RATE_LAST | QUALIFIER_LAST | CURRENCY_LAST | {" "}

# For each table, the longest word by its last (or first) letter: a letter that ends no
# word of the table answers at once, and the others try only the lengths that exist.
_BY_LAST: dict[int, dict[str, int]] = {}
_BY_FIRST: dict[int, dict[str, int]] = {}


def longest_by(table: Mapping[str, object], index: dict[int, dict[str, int]], pick: int) -> dict[str, int]:
    """The longest word of ``table`` by its letter at ``pick`` (0: first, -1: last)."""
    found = index.get(id(table))
    if found is None:
        found = {}
        for word in table:
            found[word[pick]] = max(found.get(word[pick], 0), len(word))
        index[id(table)] = found
    return found


def word_before(t: str, i: int, floor: int, table: Mapping[str, object]) -> str | None:
    """The longest word of ``table`` that ends at ``i`` and starts at or after ``floor``."""
    if i <= floor:
        return None
    longest = longest_by(table, _BY_LAST, -1).get(t[i - 1], 0)
    for size in range(min(longest, i - floor), 0, -1):
        word = t[i - size : i]
        if word in table:
            return word
    return None


def word_after(t: str, i: int, table: Mapping[str, object]) -> str | None:
    """The longest word of ``table`` that starts at ``i``."""
    longest = longest_by(table, _BY_FIRST, 0).get(t[i : i + 1], 0)
    for size in range(longest, 0, -1):
        word = t[i : i + size]
        if len(word) == size and word in table:
            return word
    return None


# --------------------------------------------------------------------------- small helpers


@functools.lru_cache(maxsize=4096)
def numeral(segment: str) -> Numeral:
    """The numeral ``segment`` (normalized), read in the exact context the caller has set.

    Reports repeat their numerals (16个, 50万元 …): each spelling is read once.
    """
    return _scan(segment, 0, len(segment), True)


def magnitude(chars: str) -> Decimal:
    """The value of a run of magnitude characters (百万 -> 10**6)."""
    scale = Decimal(1)
    for ch in chars:
        scale *= BIG.get(ch) or SMALL.get(ch) or LATIN.get(ch) or 1
    return scale


def per_order(keys: list[Per]) -> tuple[Per, ...]:
    """Rate keys once each, in the registry's order (entity first, then time)."""
    if len(keys) < 2:
        return tuple(keys)
    return tuple(sorted(dict.fromkeys(keys), key=lex.PER_ORDER.index))


def choose_qualifier(*found: Qualifier | None) -> Qualifier:
    """The qualifier of a figure hedged more than once.

    A precise one (余, 以上) says more than a weak hedge (约); otherwise the first wins.
    """
    hedge: Qualifier | None = None
    for q in found:
        if q:
            if q not in lex.WEAKEST_QUALIFIERS:
                return q
            hedge = q
    return hedge or "exact"


def run_end(t: str, i: int, j: int) -> int:
    """The end of the numeral in the run ``t[i:j]``.

    That is ``j``, or one short of it where a last 千 or 百 begins a unit word: 300千瓦 is
    300 kW, 5千米 5 km, 3百分点 three points. After a lone Chinese digit the magnitude stays
    with the number where what follows is a unit too: 一千米 is 1000 m (the same length),
    and 一 alone would be the article.
    """
    if (
        j - i > 1
        and t[j - 1] in UNIT_MAGNITUDES
        and (word_after(t, j - 1, UNIT_WORDS) is not None or NOT_A_UNIT.match(t, j - 1))
        and not (j - i == 2 and t[i] in DIGITS and word_after(t, j, UNIT_WORDS) is not None)
    ):
        return j - 1
    return j


def is_letter(t: str, i: int) -> bool:
    """Whether ``t[i]`` is a Latin letter, or ``-`` and a letter (2019-nCoV)."""
    if not 0 <= i < len(t):
        return False
    ch = t[i]
    if ch == "-":
        i += 1
        ch = t[i] if i < len(t) else ""
    return ch.isascii() and ch.isalpha()
