"""English: the figures :func:`povertydata.format` writes in English, read back.

``CNY 2.615 billion``, ``about 5,122 households``, ``16 items (个)``, ``CNY 150 per person
per day``, ``15 to 30 kilometers``, ``about an unstated amount of CNY``, ``year 2017``,
``years 2016 to 2018``, ``January 17, 2017``, ``March 2018 to June 2018``, ``day 17``. The
words are the registry's English forms and CLDR's month names; the checks are the
Figure's and the grammar's: a range or a run of dates in order, digit groups of three,
each rate once in its order, no number past the exact arithmetic.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import cast

from povertydata._figure import Figure, share_value
from povertydata._literals import Per, Qualifier, Unit
from povertydata._registry import load
from povertydata.errors import ParseError
from povertydata.numerals import EXACT, TOO_LONG, tidy

__all__ = ["english"]

_REGISTRY = load()
# English unit words, singular and plural, by unit (the calendar's are not units).
_WORDS: dict[str, Unit] = {}
for _key, _spec in _REGISTRY.units.items():
    if _spec.group != "calendar":
        for _form in _spec.en:
            if _form:
                _WORDS[_form] = cast(Unit, _key)
_ATTACHED = {form for key, spec in _REGISTRY.units.items() if spec.attached for form in spec.en}
_SPACED = sorted((w for w in _WORDS if w not in _ATTACHED), key=len, reverse=True)
# The measure word English leaves unwritten: the unit's own (5,122 households is 户).
_DEFAULT_CLASSIFIER = {
    key: spec.zh for key, spec in _REGISTRY.units.items() if any(w.classifier and w.word == spec.zh for w in spec.words)
}
# The nouns that name a unit's things (人口, 住户): written in parentheses, no measure word.
_NOUNS = {key: {w.word for w in spec.words if w.noun} for key, spec in _REGISTRY.units.items()}
_QUALIFIERS: dict[str, Qualifier] = {q.en: cast(Qualifier, key) for key, q in _REGISTRY.qualifiers.items() if q.en}
_PER: dict[str, Per] = {p.en: cast(Per, key) for key, p in _REGISTRY.per.items()}
_PER_ORDER = list(_REGISTRY.per)
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

_NUMBER = r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_AMOUNT = rf"{_NUMBER}(?:\s(?:{'|'.join(_SCALES)}))?"


def _words(words: object) -> str:
    """An alternation of English words, the longest first, any one space between words."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_ENGLISH = re.compile(
    rf"""
    (?:(?P<q>{_words(_QUALIFIERS)})\s)?
    (?:(?P<cur>[A-Z]{{3}})\s)?
    (?P<a>{_AMOUNT})
    (?:/(?P<den>[0-9]+(?:\.[0-9]+)?)|\sto\s(?P<b>{_AMOUNT}))?
    (?P<unit>{_words(_ATTACHED)}|\s(?:{_words(_SPACED)}))?
    (?:\s\((?P<cls>[^()\s]+)\))?
    (?P<per>(?:\sper\s(?:{_words(_PER)}))*)
    """,
    re.VERBOSE,
)
_VAGUE = re.compile(
    rf"""
    (?:(?P<q>{_words(_QUALIFIERS)})\s)?
    an\sunstated\s(?:amount|number)(?:\sof\s(?:(?P<cur>[A-Z]{{3}})|(?P<unit>{_words(_WORDS)})))?
    (?:\s\((?P<cls>[^()\s]+)\))?
    (?P<per>(?:\sper\s(?:{_words(_PER)}))*)
    """,
    re.VERBOSE,
)
#: CLDR's English month names (a test holds them to babel's).
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH = "|".join(MONTHS)
_ONE_DATE = rf"(?:day\s[0-9]{{1,2}}|(?:{_MONTH})(?:\s[0-9]{{1,2}}(?:,\s[0-9]{{4}})?|\s[0-9]{{4}})?)"
_DATES = re.compile(rf"(?P<a>{_ONE_DATE})(?:\sto\s(?P<b>{_ONE_DATE}))?")
_DATE_PARTS = re.compile(
    rf"day\s(?P<d0>[0-9]{{1,2}})|(?P<m>{_MONTH})(?:\s(?P<d>[0-9]{{1,2}})(?:,\s(?P<y>[0-9]{{4}}))?|\s(?P<ym>[0-9]{{4}}))?"
)
_YEARS = re.compile(r"year\s(?P<y>[0-9]{4})|years\s(?P<y1>[0-9]{4})\sto\s(?P<y2>[0-9]{4})")
_SPACE = re.compile(r"\s")
# Latin unit words the Chinese reader reads after a number (15kWh, 0.4MW).
_LATIN_UNITS = frozenset(w.word for spec in _REGISTRY.units.values() for w in spec.words if w.word.isascii())
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
_MEASURE_WORD_NOTE = re.compile(r"\([^()]*\)")
_NOT_ENGLISH = re.compile("[^\x00-\x7f²³]")  # km², m³


def _amount(expr: str, at: int, text: str) -> Decimal:
    number, _, scale = _SPACE.sub(" ", text).partition(" ")
    try:
        value = Decimal(number.replace(",", ""))
        if scale:
            value = EXACT.multiply(value, Decimal(_SCALES[scale]))
        return tidy(value)
    except ArithmeticError:
        raise ParseError(expr, at, TOO_LONG) from None


def english(expr: str, t: str, lead: int, stop: int) -> Figure | None:
    """The figure ``t[lead:stop]`` states in the English form, if it is one.

    ASCII but for the measure word in parentheses and the ² of km². Short Latin units
    (``0.4MW``) that are not the English form go to the Chinese reader (``None``); text
    with an English word in it that is not the form is an error.
    """
    body = t[lead:stop]
    bare = _MEASURE_WORD_NOTE.sub("", body)
    if (bare == body and _LATIN_LETTER.search(body) is None) or _NOT_ENGLISH.search(bare):
        return None
    m = _ENGLISH.fullmatch(t, lead, stop)
    if m is not None:
        return _figure(expr, m)
    for pattern, read in ((_VAGUE, _vague), (_YEARS, _years), (_DATES, _dates)):
        found = pattern.fullmatch(t, lead, stop)
        if found is not None:
            return read(expr, found)
    if all(w in _LATIN_UNITS for w in _ENGLISH_WORD.findall(body)) or not any(c.isdigit() for c in bare):
        return None  # no English word but a unit the Chinese reader knows (15kWh): its business
    raise ParseError(expr, lead, "English text that is not a figure as povertydata writes it")


def _checked(expr: str, at: int, **fields: object) -> Figure:
    try:
        return Figure(**fields)  # type: ignore[arg-type]
    except (TypeError, ValueError) as error:
        raise ParseError(expr, at, str(error)) from None


def _vague(expr: str, m: re.Match[str]) -> Figure:
    unit: Unit = "number"
    if m.group("cur"):
        unit = cast(Unit, m.group("cur"))
    elif m.group("unit"):
        unit = _WORDS[_SPACE.sub(" ", m.group("unit"))]
    if unit not in _REGISTRY.currencies and m.group("cur"):
        raise ParseError(expr, m.start("cur"), f"unknown currency code {m.group('cur')!r}")
    qualifier: Qualifier = _QUALIFIERS[_SPACE.sub(" ", m.group("q"))] if m.group("q") else "approx"
    classifier = _classifier(unit, m.group("cls"))
    per = _rates(expr, m)
    return _checked(expr, m.start(), unit=unit, qualifier=qualifier, classifier=classifier, per=per)


def _years(expr: str, m: re.Match[str]) -> Figure:
    if m.group("y"):
        return _checked(expr, m.start(), value=Decimal(m.group("y")), unit="year", when=m.group("y"))
    low, high = m.group("y1", "y2")
    if not low < high:
        raise ParseError(expr, m.start("y2"), "a span of years whose first is not before its last")
    return _checked(expr, m.start(), unit="year", low=Decimal(low), high=Decimal(high), when=f"{low}/{high}")


def _iso(expr: str, at: int, text: str) -> tuple[str, tuple[int, int, int]]:
    m = _DATE_PARTS.fullmatch(_SPACE.sub(" ", text))
    assert m is not None
    if m.group("d0"):
        day = int(m.group("d0"))
        return f"---{day:02d}", (0, 0, day)
    month = MONTHS.index(m.group("m")) + 1
    day = int(m.group("d")) if m.group("d") else 0
    year = int(m.group("y") or m.group("ym") or 0)
    head = f"{year:04d}-{month:02d}" if year else f"--{month:02d}"
    return head + (f"-{day:02d}" if day else ""), (year, month, day)


def _dates(expr: str, m: re.Match[str]) -> Figure:
    when, first = _iso(expr, m.start("a"), m.group("a"))
    if m.group("b"):
        end, last = _iso(expr, m.start("b"), m.group("b"))
        if not first < last or (first[0] == 0) != (last[0] == 0):
            raise ParseError(expr, m.start("b"), "a run of dates that is not in order")
        when += "/" + end
    return _checked(expr, m.start(), unit="date", when=when)


def _classifier(unit: Unit, written: str | None) -> str | None:
    """The measure word: as written in parentheses, none for a noun (人口), else the unit's own."""
    if written is None:
        return _DEFAULT_CLASSIFIER.get(unit)
    return None if written in _NOUNS.get(unit, ()) else written


def _rates(expr: str, m: re.Match[str]) -> tuple[Per, ...]:
    per = tuple(_PER[p] for p in re.findall(r"per\s(\w+)", m.group("per")))
    if [_PER_ORDER.index(p) for p in per] != sorted({_PER_ORDER.index(p) for p in per}):
        raise ParseError(expr, m.start("per"), "rates that repeat or are out of order (entity first, then time)")
    return per


def _figure(expr: str, m: re.Match[str]) -> Figure:
    currency = m.group("cur")
    unit: Unit = cast(Unit, currency) if currency else "number"
    if currency and currency not in _REGISTRY.currencies:
        raise ParseError(expr, m.start("cur"), f"unknown currency code {currency!r}")
    word = (m.group("unit") or "").strip()
    if word:
        if currency:
            raise ParseError(expr, m.start("unit"), "a currency and a unit in one figure")
        unit = _WORDS[_SPACE.sub(" ", word)]
    classifier = _classifier(unit, m.group("cls"))
    qualifier: Qualifier = _QUALIFIERS[_SPACE.sub(" ", m.group("q"))] if m.group("q") else "exact"
    per = _rates(expr, m)
    low = _amount(expr, m.start("a"), m.group("a"))
    try:
        if m.group("den"):
            if word or currency:
                raise ParseError(expr, m.start("den"), "a fraction with a unit")
            terms = (low, Decimal(m.group("den")))
            value = share_value(*terms)
            return Figure(
                None if value is None else tidy(value), unit="percent", terms=terms, qualifier=qualifier, per=per
            )
        if m.group("b"):
            high = _amount(expr, m.start("b"), m.group("b"))
            if not low < high:
                raise ParseError(expr, m.start("b"), "a range whose low end is not below its high end")
            return Figure(unit=unit, low=low, high=high, qualifier=qualifier, per=per, classifier=classifier)
        return Figure(low, unit=unit, qualifier=qualifier, per=per, classifier=classifier)
    except (TypeError, ValueError) as error:
        if isinstance(error, ParseError):
            raise
        raise ParseError(expr, m.start(), str(error)) from None
