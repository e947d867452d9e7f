"""The words around numbers, as the reader looks them up: derived from the registry.

Every table here is computed from ``data/registry.json`` (see :mod:`povertydata._registry`)
when this module is imported; nothing is listed twice. The figure reader compiles them
into patterns.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple, cast

from povertydata._literals import Per, Qualifier, Unit
from povertydata._registry import load

__all__ = [
    "ACROSS_QUALIFIERS",
    "AFTER_DURATION",
    "BARE_MAGNITUDE_PREFIXES",
    "CLASSIFIERS",
    "CONDITIONAL_UNITS",
    "CONTEXT",
    "CURRENCIES",
    "DURATIONS",
    "HUNDREDTHS",
    "IDIOMS",
    "INFIX_QUALIFIERS",
    "MONEY_UNITS",
    "NOT_A_UNIT_AFTER",
    "PER_ORDER",
    "PER_WORDS",
    "PREFIX_QUALIFIERS",
    "RANGE_SEPARATORS",
    "RATE_PREFIXES",
    "SUFFIX_QUALIFIERS",
    "TENTHS",
    "TIME_PER",
    "UNITS",
    "UNREAD",
    "WEAKEST_QUALIFIERS",
    "YUAN",
    "UnitWord",
]


class UnitWord(NamedTuple):
    """What a word written after a number makes of the figure."""

    unit: Unit
    #: The measure word as the text writes it (户, 人, 个, 次 …); None for units such as
    #: money or percent whose word is not a classifier.
    classifier: str | None
    #: The word names the counted thing itself (贫困人口, 贫困户), not a measure word.
    noun: bool = False
    #: How many of ``unit`` one of the word is: 成 is a tenth, so 七成 is 70 percent.
    scale: Decimal = Decimal(1)


_REGISTRY = load()

#: Words after a number, but the measure words that count things (:data:`CLASSIFIERS`)
#: and money: the unit, the classifier kept, whether the word is a noun, the scale.
UNITS: dict[str, UnitWord] = {
    w.word: UnitWord(cast(Unit, w.unit), w.word if w.classifier else None, w.noun, w.scale)
    for spec in _REGISTRY.units.values()
    if spec.key != "count"
    for w in spec.words
    if not w.after
}
#: Words that are a unit only after one of the given words (度 is a kilowatt-hour after 电).
CONDITIONAL_UNITS: dict[str, tuple[Unit, tuple[str, ...]]] = {
    w.word: (cast(Unit, w.unit), w.after) for spec in _REGISTRY.units.values() for w in spec.words if w.after
}
#: The units of a span of time (3年, 15天).
DURATIONS: frozenset[Unit] = frozenset(cast(Unit, k) for k, spec in _REGISTRY.units.items() if spec.group == "time")
#: Measure words that count things: the figure's unit is ``count`` and its classifier
#: says what was counted.
CLASSIFIERS: tuple[str, ...] = tuple(w.word for w in _REGISTRY.units["count"].words)
#: Currency words written before or after a number, by ISO 4217 code.
CURRENCIES: dict[str, Unit] = {w: cast(Unit, c.code) for c in _REGISTRY.currencies.values() for w in c.words}
#: The unit keys of money: the yuan (CNY) and the other currencies, by ISO 4217 code.
MONEY_UNITS = frozenset(_REGISTRY.currencies)
#: Words for the yuan written after a number (元, 块).
YUAN: tuple[str, ...] = _REGISTRY.currencies["CNY"].after
#: Words for a tenth and a hundredth of the yuan (1角1分).
TENTHS: tuple[str, ...] = _REGISTRY.currencies["CNY"].tenths
HUNDREDTHS: tuple[str, ...] = _REGISTRY.currencies["CNY"].hundredths
#: Words the reader does not take as a unit (三成员, 80年代): see the registry.
NOT_A_UNIT_AFTER: tuple[str, ...] = _REGISTRY.not_units
#: Set phrases whose numerals state no amount (千家万户, 三番五次).
IDIOMS: tuple[str, ...] = _REGISTRY.idioms
#: Measure words and units of the sources the reader does not read after a number, with
#: the reason: a number before one is a bare number whose mention says so.
UNREAD: dict[str, str] = _REGISTRY.measure_words.unread
#: The words outside a figure's text the reader takes into it.
CONTEXT = _REGISTRY.context

#: Qualifier words written before the number, by key.
PREFIX_QUALIFIERS: dict[str, Qualifier] = {
    w: cast(Qualifier, q.key) for q in _REGISTRY.qualifiers.values() for w in q.before
}
#: Qualifier words written after the number (before the unit): 20余次, 3000多欧元.
INFIX_QUALIFIERS: dict[str, Qualifier] = {
    w: cast(Qualifier, q.key) for q in _REGISTRY.qualifiers.values() for w in q.between
}
#: Qualifier words written after the unit; those between the number and the unit are read
#: there after a duration (3年多), and those after a duration only there (3年内).
SUFFIX_QUALIFIERS: dict[str, Qualifier] = {
    w: cast(Qualifier, q.key) for q in _REGISTRY.qualifiers.values() for w in (*q.after, *q.after_duration, *q.between)
}
#: Words read after the unit only where it is a duration (3年多, 3年内) or scales (九成多).
AFTER_DURATION = frozenset(w for q in _REGISTRY.qualifiers.values() for w in (*q.after_duration, *q.between))
#: Words written before a bare magnitude (上百个, 上万人次): 上 is "reaching", at least that
#: many. Read only there: before a number 上 is a word of its own (上年, 线上).
BARE_MAGNITUDE_PREFIXES: dict[str, Qualifier] = {
    w: cast(Qualifier, q.key) for q in _REGISTRY.qualifiers.values() for w in q.before_magnitude
}
#: Qualifier words that hedge the amount they govern across words in its clause (每户最高
#: 补助5万元), by key.
ACROSS_QUALIFIERS: dict[str, Qualifier] = {
    w: cast(Qualifier, q.key) for q in _REGISTRY.qualifiers.values() for w in q.across
}
#: Hedges that a more precise qualifier on the same number overrides.
WEAKEST_QUALIFIERS = frozenset(q.key for q in _REGISTRY.qualifiers.values() if q.weakest)

#: Rate words after 每 (每户, 每个村) and after a slash (/户), by rate key: a rate key's own
#: words, and for the one that takes measure words (每头, 每套: item) every measure word no
#: other rate key has, but those it names.
PER_WORDS: dict[str, Per] = {w: cast(Per, p.key) for p in _REGISTRY.per.values() for w in p.words}
for _p in _REGISTRY.per.values():
    if _p.measure_words_but is not None:
        for _w in CLASSIFIERS:
            if _w not in PER_WORDS and _w not in _p.measure_words_but:
                PER_WORDS[_w] = cast(Per, _p.key)
#: Rate keys that are spans of time (written second in /人·年).
TIME_PER = frozenset(p.key for p in _REGISTRY.per.values() if p.time)
#: Compound rate words written before a number: 年人均2500元.
RATE_PREFIXES: dict[str, tuple[Per, ...]] = {
    w: cast("tuple[Per, ...]", keys) for w, keys in _REGISTRY.rate_words.items()
}
#: The order denominators are kept in: the counted entity before the time.
PER_ORDER: tuple[Per, ...] = cast("tuple[Per, ...]", tuple(_REGISTRY.per))

#: Words between the two ends of a range (15—30万元, 2至3次).
RANGE_SEPARATORS = ("——", "—", "–", "--", "-", "~", "〜", "至", "到")
