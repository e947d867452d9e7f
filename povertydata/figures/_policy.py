"""The running-text policy: which readings of the grammar a text means as figures.

The grammar reads what a number and the words around it state; running text also writes
numerals that are no figure at all. :func:`admit` passes over those readings:

* a rank (位居全国前5位), a grade (二级危房, 1级残疾: 级 after a number below ten) and a
  congress with its session (十二届人大六次会议);
* a Chinese numeral inside a word (一是, 进一步, 三保障), the article 一 before a measure
  word (一个, 一户一策), and a numeral that begins a quoted slogan (“五个精准”, read as a
  name instead, see :func:`quoted_slogan`);
* a number inside a Latin name (5G, 4A级, 10kV, COVID-19) or an identifier;
* a number the digit groups of which are in doubt (1 200万元: 1200万, or 1 and 200万?);
* a currency word before a bare number (人民币120: no unit to cite);
* a unit word the registry reads as that unit only after certain words, where they are
  not there: 度 is a kilowatt-hour after 电 or 电量 (发电120万度), and in 气温25度 no unit the
  reader knows.

List markers at the start of a line or sentence (1、 2. 3)) are no figures either
(:func:`list_marker`). :func:`povertydata.parse` applies none of this: an expression given
on its own is read as what it states.
"""

from __future__ import annotations

import re

from povertydata.figures._reading import Reading
from povertydata.figures._tables import ASCII_DIGITS, CLOSE_QUOTES, CONDITIONAL_UNITS, OPEN_QUOTES, is_letter

__all__ = ["admit", "list_marker", "quoted_slogan"]

_SESSION = re.compile(r"(?:会议|全会|全体会议|代表大会)")
_SLOGAN_REST = re.compile(
    f"[^{re.escape(''.join(CLOSE_QUOTES))}。，,；;\n]{{0,12}}[{re.escape(''.join(CLOSE_QUOTES))}]"
)
_LIST_MARKER = re.compile(r"[0-9]{1,2}[、.)](?![0-9])")
_LIST_MARKER_BEFORE = frozenset("\n。；;")
# A space and three digits: what a digit group looks like when spaces separate the groups.
_DIGIT_GROUP = re.compile(r" [0-9]{3}(?![0-9.])")
# Before these units a lone 一 is one, not the article: 一倍 and 一个百分点 are amounts.
_ONE_IS_A_NUMBER = frozenset({"fold", "percentage_point"})
_RANKS = frozenset({"位", "名"})
_GRADE = "级"
_TEN = 10


def admit(t: str, r: Reading) -> bool:
    """Whether running text means the reading ``r`` of the normalized text ``t`` as a figure."""
    if r.bare_currency:
        return False  # 人民币 and a number with no unit: not a money figure one can cite
    if r.word in CONDITIONAL_UNITS and not any(t.endswith(w, 0, r.start) for w in CONDITIONAL_UNITS[r.word][1]):
        return False  # 气温25度
    first = r.numeral
    if first is None or r.figure is None:
        return True
    i, j = r.at, r.upto
    unit, classifier = r.figure.unit, r.figure.classifier
    before = t[i - 1 : i]
    if first.chinese and before in OPEN_QUOTES:
        return False  # “五个精准”: a slogan, a name (see quoted_slogan)
    if (
        (unit == "number" or before == " ")
        and not first.chinese
        and (
            (i > 1 and t[i - 2] in ASCII_DIGITS and _DIGIT_GROUP.match(t, i - 1))
            or (unit == "number" and _DIGIT_GROUP.match(t, j))
        )
    ):
        # 1 200万元: 1200万 in digit groups, or a number and then 200万元? Neither is read:
        # one of them would be a wrong amount.
        return False
    if classifier in _RANKS and t[r.start - 1 : r.start] == "前":
        return False  # 位居全国前5位: a rank
    top = r.figure.value if r.figure.value is not None else r.figure.high
    if classifier == _GRADE and top is not None and top < _TEN:
        return False  # 二级危房, 1级残疾: a grade, not a count of steps (2556级)
    if first.chinese:
        if classifier == "届" or (classifier == "次" and _SESSION.match(t, r.end) and "届" in t[max(0, i - 8) : i]):
            return False  # 十二届人大六次会议: a congress and its session, named by number
        if unit == "number" and not first.big:
            return False  # 一是, 进一步, 三保障: numerals in words
        # 一个, 一户一策: the article (but 一到三万元 is a range from one)
        return not (first.single and first.value == 1 and unit not in _ONE_IS_A_NUMBER and r.figure.low is None)
    if before.isascii() and before.isalpha():
        return False  # part of an identifier: dotm2111799
    return not (unit == "number" and (is_letter(t, r.end) or (before == "-" and is_letter(t, i - 2))))  # 5G, 10kV


def list_marker(t: str, p: int) -> int:
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


def quoted_slogan(t: str, m: re.Match[str]) -> Reading | None:
    """A short quoted phrase that starts with a numeral (“五个精准”) is a name."""
    i = m.start()
    if m.lastgroup not in ("run", "pair") or t[i - 1 : i] not in OPEN_QUOTES:
        return None
    # The closing quote within 13 letters, and no end of a clause before it.
    end = _SLOGAN_REST.match(t, i + 1)
    return None if end is None else Reading(i - 1, end.end(), "name", None)
