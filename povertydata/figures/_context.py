"""Reading across words: what the words around a figure in its clause give it.

The grammar reads a figure from the words that stand against its number. A report also
states a figure's rate, unit or hedge in words apart from it, with a verb or a noun
between; a reader takes them in (the unit guide, "Reading across words", lists each
rule and its limits):

* **Rates.** A rate word governs the amount it stands before in its clause, across verbs,
  adverbs and the noun of what is paid: 每户补助【3万元】, 每村每年可增收【20万元】,
  户均年增收【1500元】, 人均可支配收入达到【12836元】. Rate words are 每 and a rate
  word (每户, 每人每年, 每个村, 每头, 每个管护员), the compounds (人均, 户均, 年均, 亩产),
  年 and 月 before a noun or verb of flow (年收入, 年产, 月工资), 一户, 一亩 … before
  能 or 可 (一户能收入), and 各村, 各户 … where they open their clause as its subject
  (项目建成后，各村享有【0.4MW】; not 深入各村开展演出25场). Shares, multiples and points take only a time from them (年均增长
  【11.2%】): a growth of a per-head income is no per-head amount. A class of persons
  just before a time rate word makes a count of acts or a span of time per person too
  (帮扶领导每个月至少到贫困村【2次】).
* **Hedges.** A hedge of the registry's ``across`` words governs the amount after it in
  its clause: 每户最高补助【5万元】 is at most, 不低于当地低保标准的【1.3倍】 at least.
  Not where 的 and a noun follow it (最高的村达到86万元: the village is the highest),
  nor in the nouns that begin with one (最低生活保障); a hedge written against the number
  wins.
* **Units from the noun.** A bare number whose head noun names what it counts takes that
  unit: 贫困人口【745万】, 贫困人口减少【91.8万】, 【12万】无劳动能力的贫困人口 are persons;
  it is yuan where a money noun is its head (投入资金【2000万】, 【三万五】的启动资金), or where
  its clause pays or spends and an amount of the same sentence is written in 元
  (每户再补助【2万】，每人再补助3000元). After 其中 or a list mark it takes the unit of the
  noun-counted amount before it (贫困人口21.6万，其中因病致贫的【4.3万】).

The binding ends at a clause boundary (，；。： and the list mark 、) and at another
amount: each amount of 每户补助2万元，每人另补助0.5万元 has its own rate word, and in
每村安排50万元，其中30万元用于… the 30万元 has none. But a list joined by 、 shares a
rate: an item with no rate word of its own takes the rate of the item before it
(每户发放仔猪2头、饲料【200公斤】, 年人均2016元、【400元】), up to the clause's end, unless
the item names its own subject, a person (、部门处级领导结对帮扶2户). Nothing is ever taken across a
sentence end, and nothing written against the number is overridden. What was taken in is
on the mention: :attr:`~povertydata.Mention.cues` give each word and the field it gave.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import cast

from povertydata import _lexicon as lex
from povertydata._figure import Cue, Figure, Mention
from povertydata._literals import Per, Qualifier, Unit
from povertydata.figures._tables import (
    EACH_WORDS,
    RATE_WORDS,
    UNIT_WORDS,
    alternation,
    char_class,
    per_order,
)
from povertydata.numerals import NUMERAL_LETTERS

__all__ = ["read_around"]

_CONTEXT = lex.CONTEXT
# What ends a clause: a figure's rate word, hedge or noun never reaches across one.
_CLAUSE_ENDS = "，,；;。：:、！!？?\n"
# What ends a sentence: no sibling amount is looked for across one.
_SENTENCE_ENDS = "。；;！!？?\n"
# How far back a clause is looked at, at most: a rate word further off governs no amount.
_REACH = 80
# How far before the letter a rate word is found by it begins at most (一户人家能: 5 letters).
_LOOK_BACK = 6
_SPACES = " \u3000\xa0\t"
_SHARES = frozenset({"percent", "percentage_point", "fold", "ratio"})
# A ratio (8:45) has no rate: a Figure's rule. A rate word before one gives it none.
_NO_RATE = frozenset({"ratio"})
_CJK = "\u4e00-\u9fff"

# -- rate words and hedges in a clause ------------------------------------------------------


def _any(words: Iterable[str]) -> str:
    """One of ``words`` (the longest where several match), as a group of its own."""
    return f"(?:{alternation(words)})"


_COMPOUNDS: dict[str, tuple[Per, ...]] = {w: keys for w, keys in RATE_WORDS.items() if not w.startswith("每")}
_HEDGES = lex.ACROSS_QUALIFIERS


def _gapped(letters: str) -> str:
    """``letters`` as a pattern, each after a space or none."""
    return "".join(f"{char_class(_SPACES)}?{re.escape(c)}" for c in letters)


def _tokens() -> re.Pattern[str]:
    """Every rate word and hedge a clause may hold, each alternative led by a letter.

    Led by letters, the alternation lets the regex engine skip along the text to the next
    letter that may begin one (as it does for a leading class), so that the many clauses
    that hold none cost one quick look; the compounds are led by their rarer 均 and a
    rate of 一户 by the 能 or 可 after it (:func:`_token_start` finds where each begins).
    What no letter can say (the letter before 年, a noun that begins with a hedge) the
    reader checks on the match.
    """
    flows = _any(_CONTEXT.flows)
    alternatives: dict[str, list[tuple[int, str]]] = {"每": [(0, "")]}
    # A line break may leave a space inside a word (没超 过): the text is looked at with it.
    words = [(w, _gapped(w[1:])) for w in _COMPOUNDS if "均" not in w]
    words += [("均", "")]
    words += [(w, f"{re.escape(w[1:])}(?={flows})") for w in _CONTEXT.time_rates]
    words += [(modal, "") for modal in _MODALS]
    words += [(w, _gapped(w[1:])) for w in _SUBJECTS]
    words += [(w, f"{_gapped(w[1:])}(?!的)") for w in _HEDGES]
    for word, rest in words:
        alternatives.setdefault(word[0], []).append((len(word), rest))
    branches = []
    for first, rests in alternatives.items():
        ordered = list(dict.fromkeys(rest for _, rest in sorted(rests, key=lambda r: -r[0])))
        branches.append(re.escape(first) + (f"(?:{'|'.join(ordered)})" if ordered != [""] else ""))
    return re.compile("|".join(branches))


# Where each compound begins, by the letters matched: the 均 of 人均 is one letter in.
_BACK = {w: w.index("均") for w in (w for w in RATE_WORDS if not w.startswith("每")) if "均" in w}


# By how many letters before the 均 a compound begins: the compounds so written.
_BACKS = sorted(set(_BACK.values()), reverse=True)
_RANK = {w: (-len(w), place) for place, w in enumerate(_BACK)}
_COMPOUND_AT = {back: re.compile(alternation(w for w, b in _BACK.items() if b == back)) for back in _BACKS}


def _token_start(t: str, i: int, word: str) -> tuple[str, int] | None:
    """The rate word or hedge the match ``word`` at ``i`` of ``t`` belongs to, and its start."""
    if word == "均":
        best = None
        for back in _BACKS:  # the longest compound whose 均 is this one, the registry's first
            # The 年 of 2017年人均 is the year's: a compound never begins inside a number.
            if back <= i and not (i - back > 0 and t[i - back - 1] in NUMERAL_LETTERS):
                found = _COMPOUND_AT[back].match(t, i - back)
                if found is not None and (best is None or _RANK[found.group()] < _RANK[best]):
                    best = found.group()
        return None if best is None else (best, i - _BACK[best])
    if word in _MODALS:
        one = _ONE_BEFORE.search(t, max(0, i - 6), i)
        return None if one is None else (one.group("one"), one.start())
    return word, i


# 一户能, 一亩地可: the modal that ends what may follow a rate of one, and what may stand
# between (地, 人家, 就).
_MODALS = frozenset(w[-1] for w in _CONTEXT.one_rate_then)
_ONE_BEFORE = re.compile(
    rf"(?P<one>{alternation(_CONTEXT.one_rates)})(?:{alternation({w[:-1] for w in _CONTEXT.one_rate_then if len(w) > 1})})?\Z"
)
# 各村, 各户: a rate where they open their clause (its subject), after one of these or at
# the start of the text; not after the list mark (对贫困户、各村…: an object).
_SUBJECTS = cast("dict[str, Per]", _CONTEXT.subject_rates)
_OPENS_AFTER = frozenset(_CLAUSE_ENDS) - {"、"}
_TOKENS = _tokens()
_EACH = re.compile(alternation(EACH_WORDS))
_NOT_TIME_AFTER = _CONTEXT.not_time_rate_after
_TIME_RATES = cast("dict[str, Per]", _CONTEXT.time_rates)
_ONE_RATES = cast("dict[str, Per]", _CONTEXT.one_rates)
_TIME_PER = lex.TIME_PER
_CLAUSE_END = re.compile(char_class(_CLAUSE_ENDS))
_NOT_HEDGE = re.compile(alternation(_CONTEXT.not_hedges))
# A list of amounts joined by the list mark ends where a clause does.
_LIST_MARK = "、"
_LIST_END = re.compile(char_class(_CLAUSE_ENDS.replace(_LIST_MARK, "")))
# Nouns of a class of persons (领导, 干部, 队员): 人 alone is too common a letter to say so.
_CLASS_OF_PERSONS = alternation(w for w in _CONTEXT.each_person if w != "人")
# An item that names its own subject, a person (部门处级领导结对帮扶2户), is a clause of its
# own: it takes no rate from the item before.
_OWN_SUBJECT = re.compile(_CLASS_OF_PERSONS)
# A class of persons just before a time rate word (联系村领导每个月, 工作队员每月): what they
# do so often, a count of acts or a span of days, is per person too.
_PERSON_BEFORE = re.compile(rf"(?:{_CLASS_OF_PERSONS})\Z")
_FREQUENCY_CLASSIFIERS = frozenset(_CONTEXT.frequency_classifiers)
_DURATIONS = lex.DURATIONS
# Everything up to the last clause end (greedy): where the clause before a figure begins.
_LAST_CLAUSE_END = re.compile(rf"[\s\S]*{char_class(_CLAUSE_ENDS)}")
_SPACE = re.compile(char_class(_SPACES))
# After 每个: the noun of what each is, its last word saying whether a village (每个深度贫困
# 村), a household or a person (每个管护员); anything else is an item (每个车间).
_EACH_NOUN = re.compile(
    rf"[{_CJK}]{{0,4}}(?:(?P<village>村)|(?P<household>户)|(?P<person>{alternation(_CONTEXT.each_person)}))"
)
_EACH_OPEN = frozenset({"每个"})
_WORD_OF: dict[str, Per] = {"village": "village", "household": "household", "person": "person"}
# 的 and a noun between a hedge and the amount: the hedge is in a phrase of its own.
_OF_A_NOUN = re.compile(rf"的[{_CJK}]")


def _squeezed(clause: str, at: int) -> tuple[str, list[int]]:
    """``clause`` without the spaces line breaks leave in words (每人每 天).

    Also where each letter of the result stands in the text.
    """
    kept = [(k, ch) for k, ch in enumerate(clause) if ch not in _SPACES]
    return "".join(ch for _, ch in kept), [at + k for k, _ in kept]


def _rates_and_hedge(
    t: str, clause: str, at: int, places: list[int] | None, share: bool
) -> tuple[list[tuple[Per, int, int]], tuple[Qualifier, int, int] | None]:
    """The rate keys and the last hedge of a clause of ``t``, each with its span in ``t``.

    The clause begins at ``at``; ``places`` say where each of its letters stands in ``t``
    where spaces were taken out of it. For a ``share`` (a percent, points, a multiple) only
    the words that are a time alone (每年, 年均): the growth of a per-head or an annual
    income is no rate of its own.
    """
    rates: list[tuple[Per, int, int]] = []
    hedge: tuple[Qualifier, int, int] | None = None
    read_to = 0
    for m in _TOKENS.finditer(clause):
        i, j = m.span()
        word = m.group()
        if word == "均" or word in _MODALS:
            found = _token_start(clause, i, word)
            if found is None:
                continue
            word, i = found
            j = i + len(word)
        if i < read_to:
            continue  # the 年 of 人均年: read with the compound
        read_to = j
        here = at + i if places is None else places[i]
        time_only = False
        keys: tuple[Per, ...]
        if word == "每":
            each = _EACH.match(clause, i)
            if each is None:
                continue  # 每当, 每逢
            written = each.group()
            key: Per = EACH_WORDS[written]
            j = each.end()
            if written in _EACH_OPEN:
                noun = _EACH_NOUN.match(clause, j)
                if noun is not None and noun.lastgroup is not None:
                    key = _WORD_OF[noun.lastgroup]
                    j = noun.end()
            keys = (key,)
        elif word in _COMPOUNDS:
            keys = _COMPOUNDS[word]
        elif word in _TIME_RATES:
            if t[here - 1 : here] in _NOT_TIME_AFTER:
                continue  # 全年, 今年, 2019年, 6月: no rate
            keys, time_only = (_TIME_RATES[word],), True
        elif word in _ONE_RATES:
            keys, time_only = (_ONE_RATES[word],), True
        elif word in _SUBJECTS:
            if not _opens_clause(t, here):
                continue  # 深入各村开展巡回演出: no rate
            keys = (_SUBJECTS[word],)
        else:
            if _NOT_HEDGE.match(t, here) is not None:
                continue  # 最低生活保障: a noun
            hedge = (_HEDGES[word], here, (at + j if places is None else places[j - 1] + 1))
            if _OF_A_NOUN.search(clause, j):
                hedge = None  # 不超过当地标准的家庭: the hedge is the family's, not the amount's
            continue
        if share and (time_only or not _TIME_PER.issuperset(keys)):
            continue
        end = at + j if places is None else places[j - 1] + 1
        for k in keys:
            rates.append((k, here, end))
    return rates, hedge


def _opens_clause(t: str, i: int) -> bool:
    """Whether the word at ``i`` of ``t`` opens its clause: nothing but spaces before it."""
    i -= 1
    while i >= 0 and t[i] in _SPACES:
        i -= 1
    return i < 0 or t[i] in _OPENS_AFTER


# -- units from the noun ----------------------------------------------------------------------

_NOUNS: dict[str, Unit] = {w: u.unit for w, u in UNIT_WORDS.items() if u.noun}
_NOUNS.update({w: cast(Unit, unit) for unit, words in _CONTEXT.count_nouns.items() for w in words})
_NOUN_UNITS = frozenset(_NOUNS.values())


def _reversed(words: Iterable[str]) -> str:
    """The alternation of ``words`` written backwards (the longest first)."""
    return alternation(w[::-1] for w in words)


# Read backwards from the number: at most two verbs, then a noun of people or households
# (贫困人口减少【91.8万】), or of money (投入资金【2000万】). Backwards, each is one anchored match.
_NOUN_BEFORE = re.compile(rf"(?:{_reversed(_CONTEXT.count_verbs)}){{0,2}}(?P<noun>{_reversed(_NOUNS)})")
_MONEY_NOUN_BEFORE = re.compile(
    rf"(?:{_reversed(_CONTEXT.count_verbs)}){{0,2}}(?P<noun>{_reversed(_CONTEXT.money_nouns)})"
)
# After the number: a phrase ending in 的 or up to three modifiers (农村, 彝族, 无劳动能力),
# and such a noun.
_NOUN_AFTER = re.compile(
    rf"(?:[^{re.escape(_CLAUSE_ENDS)}0-9]{{0,8}}?的)?(?:(?:{alternation(_CONTEXT.noun_modifiers)}|[{_CJK}]{{1,2}}族)[或和及]?){{0,3}}?"
    rf"(?P<noun>{alternation(_NOUNS)})"
)
_MONEY_NOUN_AFTER = re.compile(rf"的[{_CJK}]{{0,4}}?(?P<noun>{alternation(_CONTEXT.money_nouns)})")
_MONEY_WORD = re.compile(alternation((*_CONTEXT.money_nouns, *_CONTEXT.money_verbs)))
_SENTENCE_END = re.compile(char_class(_SENTENCE_ENDS))
_LAST_SENTENCE_END = re.compile(rf"[\s\S]*{char_class(_SENTENCE_ENDS)}")
_OF_WHICH = "其中"


def _noun_before(pattern: re.Pattern[str], clause: str, at: int) -> tuple[str, int, int] | None:
    """The noun ``pattern`` finds read backwards from the end of ``clause`` (at ``at``)."""
    found = pattern.match(clause[::-1])
    if found is None:
        return None
    end = len(clause) - found.start("noun")
    return found.group("noun")[::-1], at + end - len(found.group("noun")), at + end


def _unit_from_words(t: str, text: str, k: int, out: list[Mention], clause_at: int) -> tuple[Unit, Cue] | None:
    """The unit a bare number's words give it, and the words that give it."""
    m = out[k]
    clause = t[clause_at : m.start]
    found = _noun_before(_NOUN_BEFORE, clause, clause_at)
    if found is not None:
        return _NOUNS[found[0]], _cue("unit", text, found[1], found[2])
    found = _noun_before(_MONEY_NOUN_BEFORE, clause, clause_at)
    if found is not None:
        return "CNY", _cue("unit", text, found[1], found[2])
    reach = min(len(t), m.end + _REACH)
    stop = _SENTENCE_END.search(t, m.end, reach)
    sentence_end = reach if stop is None else stop.start()
    after = _NOUN_AFTER.match(t, m.end, sentence_end)
    if after is not None:
        return _NOUNS[after.group("noun")], _cue("unit", text, after.start("noun"), after.end("noun"))
    after = _MONEY_NOUN_AFTER.match(t, m.end, sentence_end)
    if after is not None:
        return "CNY", _cue("unit", text, after.start("noun"), after.end("noun"))
    # The amounts of the same sentence: one the list or 其中 continues, one in 元.
    last_end = _LAST_SENTENCE_END.match(t, max(0, m.start - 4 * _REACH), m.start)
    sentence_at = 0 if last_end is None else last_end.end()
    back = k - 1
    while back >= 0 and out[back].kind != "quantity":
        back -= 1
    before = out[back] if back >= 0 and out[back].end > sentence_at else None
    if (
        before is not None
        and before.figure is not None
        and (before.figure.unit == "CNY" or (before.figure.unit in _NOUN_UNITS and before.figure.classifier is None))
        and (_OF_WHICH in t[before.end : m.start] or t[clause_at - 1 : clause_at] == "、")
    ):
        return before.figure.unit, _cue("unit", text, before.start, before.end)
    if _MONEY_WORD.search(clause):
        siblings = [b for b in out[max(0, k - 3) : k + 4] if b is not m and b.kind == "quantity"]
        for b in sorted(siblings, key=lambda b: abs(b.start - m.start)):
            if sentence_at <= b.start and b.end <= sentence_end and _written_yuan(b):
                return "CNY", _cue("unit", text, b.start, b.end)
    return None


def _written_yuan(m: Mention) -> bool:
    return m.figure is not None and m.figure.unit == "CNY" and "unit" not in m.inferred


def _per_person_of_a_class(t: str, rates: list[tuple[Per, int, int]]) -> list[tuple[Per, int, int]]:
    """The ``rates`` of a count of acts or a span of time, with per person added.

    Per person where a class of persons stands just before a time rate word of them
    (帮扶领导每个月至少到贫困村【2次】).
    """
    if any(key == "person" for key, _, _ in rates):
        return rates
    for key, start, _ in rates:
        if key in _TIME_PER:
            who = _PERSON_BEFORE.search(t, max(0, start - 4), start)
            if who is not None:
                return [("person", who.start(), who.end()), *rates]
    return rates


def _item_rates(
    t: str, m: Mention, given: list[tuple[Per, int, int]] | None, share: bool
) -> list[tuple[Per, int, int]]:
    """The rate keys of the list item ``m``, each with the span of the word that gives it.

    ``given`` are those words gave it across words; else its rate is written against its
    number (年人均2016元, 3000元/户), and the word is found in its text. For a ``share``
    only the time keys.
    """
    figure = m.figure
    if given is None:
        if figure is None or not figure.per:
            return []
        written, _ = _rates_and_hedge(t, t[m.start : m.end], m.start, None, False)
        given = [r for r in written if r[0] in figure.per]
        found = {r[0] for r in given}
        if any(key not in found for key in figure.per):
            slash = t.rfind("/", m.start, m.end)
            at = m.start if slash < 0 else slash
            given += [(key, at, m.end) for key in figure.per if key not in found]
    if share:
        return [r for r in given if r[0] in _TIME_PER]
    return given


def _place(cue: Cue) -> tuple[int, int]:
    return cue.start, cue.end


def _cue(field: str, text: str, start: int, end: int) -> Cue:
    return Cue._trusted(field, start, end, text[start:end])


# -- the pass ------------------------------------------------------------------------------


def read_around(t: str, text: str, out: list[Mention], bare: list[int]) -> list[Mention]:
    """The mentions ``out`` of ``text`` (``t`` normalized), with what words give their figures.

    Each quantity takes what the words around it in its clause give its figure (see the
    module); ``bare`` are the places in ``out`` of the bare numbers. The list is changed in
    place and returned.
    """
    # Most figures have no word before them that gives them anything: one pass over the text
    # finds the words that may, and only the figure after each (from the first such word of
    # its clause), the bare numbers (whose noun may say what they count) and the items of a
    # list after one with a rate are looked at.
    firsts: dict[int, int] = {}
    written: list[int] = []  # figures with a rate word written against the number
    n = len(out)
    starts: list[int] | None = None
    # The words after the first of a clause, up to its figure, change nothing: passed over.
    passed = k = 0
    for mark in _TOKENS.finditer(t):
        p = mark.start()
        if p < passed:
            continue
        if starts is None:
            starts = [m.start for m in out]
        k = bisect_right(starts, p, k)
        if k and out[k - 1].end > p:
            figure = out[k - 1].figure
            if figure is not None and figure.per:
                written.append(k - 1)  # 每户8万元: read already, but a list after it may share it
            continue
        q = k
        while q < n and out[q].kind != "quantity":
            q += 1
        if q < n and out[q].start - p <= _REACH and _CLAUSE_END.search(t, p, out[q].start) is None:
            firsts[q] = p
            passed = out[q].start
    slash = t.find("/")
    while slash >= 0:  # 3000元/户: a rate written after the number
        if starts is None:
            starts = [m.start for m in out]
        k = bisect_right(starts, slash) - 1
        if k >= 0 and out[k].end > slash and (figure := out[k].figure) is not None and figure.per:
            written.append(k)
        slash = t.find("/", slash + 1)
    if not firsts and not bare and not written:
        return out
    look = {*bare, *firsts, *written} if bare or written else firsts
    given: dict[int, list[tuple[Per, int, int]]] = {}
    follows: dict[int, int] = {}
    queue = sorted(look)
    q = 0
    while q < len(queue):
        k = queue[q]
        q += 1
        m = out[k]
        figure = m.figure
        if m.kind != "quantity" or figure is None:
            continue
        start = m.start
        unit: Unit = figure.unit
        per: tuple[Per, ...] = figure.per
        qualifier: Qualifier = figure.qualifier
        cues: list[Cue] = []
        rates: list[tuple[Per, int, int]] = []
        first = firsts.get(k)
        if unit == "number" or first is not None:
            before = k - 1
            while before >= 0 and out[before].kind != "quantity":
                before -= 1
            previous_end = out[before].end if before >= 0 else 0
            if unit == "number":
                lo = max(previous_end, start - _REACH)
                last_end = _LAST_CLAUSE_END.match(t, lo, start)
                found = _unit_from_words(t, text, k, out, lo if last_end is None else last_end.end())
                if found is not None:
                    unit = found[0]
                    cues.append(found[1])
            if first is not None:
                # From the first rate word or hedge of the clause, and the few letters before it
                # that a compound (人均 is found by its 均) or 一户能 begins with.
                lo = max(previous_end, first - _LOOK_BACK)
                last_end = _LAST_CLAUSE_END.match(t, lo, first)
                at = lo if last_end is None else last_end.end()
                clause = t[at:start]
                places = None
                if _SPACE.search(clause):
                    clause, places = _squeezed(clause, at)
                rates, hedge = _rates_and_hedge(t, clause, at, places, unit in _SHARES)
                if hedge is not None and qualifier == "exact":
                    qualifier = hedge[0]
                    cues.append(_cue("qualifier", text, hedge[1], hedge[2]))
        if not rates and not per and k in follows:
            # An item of a list with no rate word of its own: the rate of the item before.
            rates = _item_rates(t, out[follows[k]], given.get(follows[k]), unit in _SHARES)
        if rates and unit in _NO_RATE:
            rates = []
        elif "person" not in per and (unit in _DURATIONS or figure.classifier in _FREQUENCY_CLASSIFIERS):
            if rates:
                rates = _per_person_of_a_class(t, rates)
            elif per and _TIME_PER.issuperset(per):
                # The time rate word written against the number (帮扶干部【每月2次】).
                rates = _per_person_of_a_class(t, _item_rates(t, m, None, False))
                if len(rates) == len(per):
                    rates = []  # no class of persons before it: nothing to add
        if rates:
            given[k] = rates
            if per:
                added = [r for r in rates if r[0] not in per]
                if added:
                    per = per_order([*per, *(r[0] for r in added)])
            else:
                added = rates
                per = (rates[0][0],) if len(rates) == 1 else per_order([r[0] for r in rates])
            if added:
                cues.append(_cue("per", text, added[0][1], added[0][2]))
                for r in added[1:]:
                    if cues[-1].start != r[1] or cues[-1].end != r[2]:
                        cues.append(_cue("per", text, r[1], r[2]))
        if rates or per:
            # The next item of a list (after 、, before a clause ends) may share this rate.
            after = k + 1
            while after < n and out[after].kind != "quantity":
                after += 1
            if (
                after < n
                and after not in follows
                and out[after].start - m.end <= _REACH
                and _LIST_MARK in t[m.end : out[after].start]
                and _LIST_END.search(t, m.end, out[after].start) is None
                and _OWN_SUBJECT.search(t, t.rindex(_LIST_MARK, m.end, out[after].start), out[after].start) is None
            ):
                follows[after] = k
                if after not in look:
                    queue.insert(q, after)
        if cues:
            if len(cues) > 1:
                cues.sort(key=_place)
            made = Figure._trusted(
                figure.value,
                unit,
                qualifier,
                figure.low,
                figure.high,
                per,
                figure.classifier,
                figure.terms,
                figure.when,
            )
            out[k] = Mention._trusted(start, m.end, m.text, m.kind, made, tuple(cues), m.note)
    return out
