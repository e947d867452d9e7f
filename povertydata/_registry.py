"""The registry of figure vocabulary: one data file, ``data/registry.json``, read once.

Every unit key (its pint definition, its Chinese words, the forms the formatter writes,
whether it counts whole things), every currency, qualifier, rate (per) key and mention
kind is in that file; the reader's tables, the :class:`~povertydata.Figure` vocabulary,
the formatter, the pint registry, the JSON Schema enums, the ``Literal`` types of
``_literals.py`` and the tables of the unit guide are derived from it. Adding a unit is
an edit of that one file (and ``python -m povertydata._registry`` to regenerate the typed
module and the docs tables, which tests hold to the file).

A damaged file raises :class:`~povertydata.DataError` naming the file and the entry.

    python -m povertydata._registry     # rewrite _literals.py and the tables of docs/units.md
"""

from __future__ import annotations

import functools
import json
import re
import sys
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from povertydata.errors import DataError
from povertydata.numerals import NUMERAL_LETTERS

__all__ = [
    "FILE",
    "Context",
    "CurrencySpec",
    "MeasureWords",
    "PerSpec",
    "QualifierSpec",
    "Registry",
    "UnitSpec",
    "Word",
    "load",
    "parse_registry",
]

#: The registry's name inside the package, as errors name it.
FILE = "povertydata/data/registry.json"


class Word(NamedTuple):
    """A Chinese word written after a number, and what it makes of the figure."""

    word: str
    unit: str
    #: The measure word is kept on the figure as written (户, 个, 成).
    classifier: bool
    #: The word names the counted thing itself (贫困人口): no measure word.
    noun: bool
    #: How many of the unit one of the word is: 成 is 10 percent, ‰ is 0.1.
    scale: Decimal
    #: The word is the unit only where the figure follows one of these (度 after 电).
    after: tuple[str, ...] = ()


class UnitSpec(NamedTuple):
    """One unit key."""

    key: str
    #: What the unit measures, for the docs: money, people, count, share, length …
    group: str
    #: The pint definition (right of the ``=``), or ``None`` for what is no quantity.
    pint: str | None
    #: Counts whole things (households, persons, measure words).
    whole: bool
    words: tuple[Word, ...]
    #: The form the formatter writes in simplified and traditional Chinese.
    zh: str
    zh_hant: str
    #: English singular and plural.
    en: tuple[str, str]
    #: The English form is written against the number (13.2%, 6-fold).
    attached: bool
    #: The CLDR unit the formatter takes names from, where a locale has one.
    babel: str | None
    #: The noun the formatter writes (simplified, traditional) for a figure counted by a
    #: noun, with no measure word: 11.6万人口.
    noun: tuple[str, str] | None


class CurrencySpec(NamedTuple):
    """A currency, by ISO 4217 code (never converted)."""

    code: str
    #: Written before or after the number (美元, 人民币).
    words: tuple[str, ...]
    #: Written only after it (元, 块).
    after: tuple[str, ...]
    #: Words for a tenth and a hundredth of the currency written after it (元1角1分).
    tenths: tuple[str, ...]
    hundredths: tuple[str, ...]
    #: A form the formatter writes instead of the CLDR name (元 for the yuan), if any.
    zh: str | None
    zh_hant: str | None


class QualifierSpec(NamedTuple):
    """How a text hedges an amount, and where it writes the hedge."""

    key: str
    before: tuple[str, ...]
    #: Between the number and its unit (20余次); after a duration or 成 too (3年多).
    between: tuple[str, ...]
    after: tuple[str, ...]
    #: After a duration only (3年内).
    after_duration: tuple[str, ...]
    #: Before a magnitude written without a digit (上百个).
    before_magnitude: tuple[str, ...]
    #: What the formatter writes: before the number, or after the figure.
    zh: str
    zh_hant: str
    zh_after: str
    zh_hant_after: str
    en: str
    #: A hedge that a more precise qualifier on the same number overrides (约20余次).
    weakest: bool
    #: Words of ``before`` that hedge the amount they govern across words in its clause
    #: (每户最高补助5万元: the 5万元 is at most).
    across: tuple[str, ...] = ()


class PerSpec(NamedTuple):
    """A rate key: what an amount is per."""

    key: str
    #: Written after 每 (每户) or a slash (/户).
    words: tuple[str, ...]
    zh: str
    zh_hant: str
    en: str
    #: The pint unit it divides by, and that unit's definition where no unit key has it.
    pint: str
    define: str | None
    #: A span of time (year, month …) rather than a counted entity.
    time: bool
    #: Also every measure word of the ``count`` unit that no other rate key has, but these
    #: (每头 and 每套 are per item, 每次 is not); None where the rate key takes no measure word.
    measure_words_but: tuple[str, ...] | None = None


class MeasureWords(NamedTuple):
    """Where the measure words of the ``count`` unit come from, and what the reader leaves out."""

    #: The sources of the list, with their licences.
    sources: tuple[str, ...]
    #: Measure words the reports use that no source names.
    added: tuple[str, ...]
    #: Words of the sources not read after a number, each with the reason: a number before
    #: one is a bare number whose mention says so. A unit that names one of these words
    #: (a unit key added for 毫升) reads it as that unit.
    unread: dict[str, str]
    #: Words of the sources that are no measure word of a count, in groups with a reason.
    left_out: tuple[tuple[tuple[str, ...], str], ...]


class Context(NamedTuple):
    """The words outside a figure's text the reader takes into it (see the registry's ``about``)."""

    #: Rate words before a noun or verb of flow (年收入): the word and its rate key.
    time_rates: dict[str, str]
    flows: tuple[str, ...]
    #: Letters before a time rate word that make it no rate (全年, 今年, 6月).
    not_time_rate_after: frozenset[str]
    #: 各村, 各户 … that open their clause as its subject: each village, each household.
    subject_rates: dict[str, str]
    #: 一户, 一亩 … before one of ``one_rate_then``: each household, each mu.
    one_rates: dict[str, str]
    one_rate_then: tuple[str, ...]
    #: What a noun after 每个 ends in when it names a person (每个管护员).
    each_person: tuple[str, ...]
    #: Nouns that begin with a hedge word (最低生活保障).
    not_hedges: tuple[str, ...]
    #: Nouns of people or households, by unit, that say what a bare number apart from them
    #: counts (besides the units' own nouns).
    count_nouns: dict[str, tuple[str, ...]]
    #: Verbs between a noun of people or households and its bare number.
    count_verbs: tuple[str, ...]
    #: Words between a bare number and such a noun (1200万农村群众).
    noun_modifiers: tuple[str, ...]
    #: What makes a bare number yuan.
    money_nouns: tuple[str, ...]
    money_verbs: tuple[str, ...]
    #: Measure words of a count of acts (次, 趟): with a duration, what a class of persons
    #: does so often (队员每个月至少住15天) is per person.
    frequency_classifiers: tuple[str, ...]


class Registry(NamedTuple):
    """The whole registry, in the file's order."""

    units: dict[str, UnitSpec]
    currencies: dict[str, CurrencySpec]
    qualifiers: dict[str, QualifierSpec]
    per: dict[str, PerSpec]
    #: Compound rate words written before a number (年人均 -> person, year).
    rate_words: dict[str, tuple[str, ...]]
    #: Words that begin with a unit word but make the numeral before them part of a word.
    not_units: tuple[str, ...]
    kinds: tuple[str, ...]
    #: Simplified characters of the measure words and their traditional forms.
    traditional: dict[str, str]
    measure_words: MeasureWords
    context: Context
    #: Set phrases whose numerals state no amount (千家万户, 三番五次).
    idioms: tuple[str, ...]

    @property
    def unit_keys(self) -> tuple[str, ...]:
        """Every unit key a figure may carry: the units, then the currencies."""
        return (*self.units, *self.currencies)


_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_CURRENCY = re.compile(r"[A-Z]{3}")
_PINT_EXPR = re.compile(r"\[[a-z_A-Z]+\]|[0-9A-Za-z_ .*/()]+")


class _Reader:
    """Checks one JSON document entry by entry, naming the entry at fault."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, entry: str, reason: str) -> DataError:
        return DataError(self.file, entry, reason)

    def obj(self, entry: str, value: Any, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(entry, f"must be an object, not {type(value).__name__}")
        extra = set(value) - allowed
        if extra:
            raise self.fail(entry, f"unknown fields {sorted(extra)}")
        return value

    def text(self, entry: str, value: Any, *, empty: bool = True) -> str:
        if not isinstance(value, str) or (not empty and not value) or value != value.strip():
            raise self.fail(
                entry, f"must be a{' non-empty' if not empty else ''} string without outer spaces, not {value!r}"
            )
        return value

    def words(self, entry: str, value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(entry, f"must be a list of words, not {value!r}")
        out = tuple(self.text(entry, w, empty=False) for w in value)
        if len(set(out)) != len(out):
            raise self.fail(entry, "lists a word twice")
        return out

    def flag(self, entry: str, value: Any) -> bool:
        if not isinstance(value, bool):
            raise self.fail(entry, f"must be true or false, not {value!r}")
        return value

    def decimal(self, entry: str, value: Any) -> Decimal:
        try:
            result = Decimal(self.text(entry, value, empty=False))
        except InvalidOperation:
            raise self.fail(entry, f"{value!r} is not a decimal number") from None
        if not result.is_finite() or result <= 0:
            raise self.fail(entry, f"{value!r} is not a positive number")
        return result


def parse_registry(raw: Any, file: str = FILE) -> Registry:
    """Check the decoded JSON ``raw`` and build the :class:`Registry` (``file`` names it in errors)."""
    r = _Reader(file)
    top = r.obj(
        "(the file)",
        raw,
        {"about", "units", "currencies", "qualifiers", "per", "rate_words", "not_units", "idioms", "measure_words",
         "context", "kinds", "traditional"},
    )  # fmt: skip
    for section in ("units", "currencies", "qualifiers", "per", "rate_words", "not_units", "idioms", "measure_words",
                    "context", "kinds"):  # fmt: skip
        if section not in top:
            raise r.fail("(the file)", f"no {section!r} section")
    units = {key: _unit(r, key, value) for key, value in r.obj("units", top["units"], set(top["units"])).items()}
    for required in ("number", "count", "percent", "ratio", "year", "date"):
        if required not in units:
            raise r.fail(f"units.{required}", "the reader needs this unit")
    currencies = {
        code: _currency(r, code, value)
        for code, value in r.obj("currencies", top["currencies"], set(top["currencies"])).items()
    }
    if "CNY" not in currencies:
        raise r.fail("currencies.CNY", "the reader needs the yuan")
    for code in currencies:
        if code in units:
            raise r.fail(f"currencies.{code}", "is also a unit key")
    qualifiers = {
        key: _qualifier(r, key, value)
        for key, value in r.obj("qualifiers", top["qualifiers"], set(top["qualifiers"])).items()
    }
    if "exact" not in qualifiers:
        raise r.fail("qualifiers.exact", "the default qualifier is missing")
    per = {key: _per(r, key, value) for key, value in r.obj("per", top["per"], set(top["per"])).items()}
    rate_words: dict[str, tuple[str, ...]] = {}
    for word, keys in r.obj("rate_words", top["rate_words"], set(top["rate_words"])).items():
        entry = f"rate_words.{word}"
        found = r.words(entry, keys)
        if not found or any(k not in per for k in found):
            raise r.fail(entry, f"names no rate key or an unknown one: {keys!r}")
        rate_words[r.text(entry, word, empty=False)] = found
    kinds = r.words("kinds", top["kinds"])
    if set(kinds) != {"quantity", "year", "date", "name"}:
        raise r.fail("kinds", "the mention kinds are quantity, year, date and name")
    traditional = r.obj("traditional", top.get("traditional", {}), set(top.get("traditional", {})))
    for simplified, form in traditional.items():
        if len(simplified) != 1 or not isinstance(form, str) or len(form) != 1:
            raise r.fail(f"traditional.{simplified}", "maps one character to one character")
    for key, spec in per.items():
        for word in spec.measure_words_but or ():
            if not any(w.word == word and w.classifier for w in units["count"].words):
                raise r.fail(f"per.{key}.measure_words_but", f"{word!r} is no measure word of units.count")
    registry = Registry(
        units,
        currencies,
        qualifiers,
        per,
        rate_words,
        r.words("not_units", top["not_units"]),
        kinds,
        dict(traditional),
        _measure_words(r, top["measure_words"], units),
        _context(r, top["context"], per, units),
        _idioms(r, top["idioms"]),
    )
    _check_words(r, registry)
    return registry


def _idioms(r: _Reader, value: Any) -> tuple[str, ...]:
    # The reader finds an idiom from its numeral: the first letter, or the second where a
    # name has a letter before it (珠三角).
    words = r.words("idioms", value)
    for word in words:
        if not (set(word[:2]) & NUMERAL_LETTERS):
            raise r.fail("idioms", f"{word!r} has no numeral in its first two letters, where the reader looks for one")
    return words


def _measure_words(r: _Reader, value: Any, units: dict[str, UnitSpec]) -> MeasureWords:
    entry = "measure_words"
    v = r.obj(entry, value, {"about", "sources", "added", "unread", "left_out"})
    for required in ("sources", "added", "unread", "left_out"):
        if required not in v:
            raise r.fail(entry, f"no {required!r}")
    sources = r.words(f"{entry}.sources", v["sources"])
    if not sources:
        raise r.fail(f"{entry}.sources", "names no source")
    counted = {w.word for w in units["count"].words if w.classifier}
    added = r.words(f"{entry}.added", v["added"])
    for word in added:
        if word not in counted:
            raise r.fail(f"{entry}.added", f"{word!r} is no measure word of units.count")
    unread: dict[str, str] = {}
    for words, why in _groups(r, f"{entry}.unread", v["unread"]):
        for word in words:
            if word in unread:
                raise r.fail(f"{entry}.unread", f"lists the word {word!r} twice")
            unread[word] = why
    return MeasureWords(sources, added, unread, _groups(r, f"{entry}.left_out", v["left_out"]))


def _groups(r: _Reader, entry: str, value: Any) -> tuple[tuple[tuple[str, ...], str], ...]:
    """A list of ``{"words": [...], "why": "..."}`` groups."""
    if not isinstance(value, list):
        raise r.fail(entry, "must be a list of groups")
    found: list[tuple[tuple[str, ...], str]] = []
    for n, group in enumerate(value):
        where = f"{entry}[{n}]"
        g = r.obj(where, group, {"words", "why"})
        words = r.words(where, g.get("words"))
        if not words or "why" not in g:
            raise r.fail(where, "needs words and why")
        found.append((words, r.text(f"{where}.why", g["why"], empty=False)))
    return tuple(found)


def _context(r: _Reader, value: Any, per: dict[str, PerSpec], units: dict[str, UnitSpec]) -> Context:
    entry = "context"
    fields = ("time_rates", "flows", "not_time_rate_after", "subject_rates", "one_rates", "one_rate_then", "each_person",
              "not_hedges", "count_nouns", "count_verbs", "noun_modifiers", "money_nouns", "money_verbs",
              "frequency_classifiers")  # fmt: skip
    v = r.obj(entry, value, {"about", *fields})
    for required in fields:
        if required not in v:
            raise r.fail(entry, f"no {required!r}")
    rates: dict[str, dict[str, str]] = {}
    for name in ("time_rates", "subject_rates", "one_rates"):
        rates[name] = {}
        for word, key in r.obj(f"{entry}.{name}", v[name], set(v[name])).items():
            if key not in per:
                raise r.fail(f"{entry}.{name}.{word}", f"{key!r} is no rate key")
            rates[name][r.text(f"{entry}.{name}", word, empty=False)] = key
    nouns: dict[str, tuple[str, ...]] = {}
    for unit, words in r.obj(f"{entry}.count_nouns", v["count_nouns"], set(v["count_nouns"])).items():
        if unit not in ("person", "household"):
            raise r.fail(f"{entry}.count_nouns.{unit}", "names people or households only")
        nouns[unit] = r.words(f"{entry}.count_nouns.{unit}", words)
    letters = r.words(f"{entry}.not_time_rate_after", v["not_time_rate_after"])
    if any(len(letter) != 1 for letter in letters):
        raise r.fail(f"{entry}.not_time_rate_after", "lists letters, one character each")
    return Context(
        rates["time_rates"],
        r.words(f"{entry}.flows", v["flows"]),
        frozenset(letters),
        rates["subject_rates"],
        rates["one_rates"],
        r.words(f"{entry}.one_rate_then", v["one_rate_then"]),
        r.words(f"{entry}.each_person", v["each_person"]),
        r.words(f"{entry}.not_hedges", v["not_hedges"]),
        nouns,
        r.words(f"{entry}.count_verbs", v["count_verbs"]),
        r.words(f"{entry}.noun_modifiers", v["noun_modifiers"]),
        r.words(f"{entry}.money_nouns", v["money_nouns"]),
        r.words(f"{entry}.money_verbs", v["money_verbs"]),
        _frequency_classifiers(r, v["frequency_classifiers"], units),
    )


def _frequency_classifiers(r: _Reader, value: Any, units: dict[str, UnitSpec]) -> tuple[str, ...]:
    entry = "context.frequency_classifiers"
    words = r.words(entry, value)
    counted = {w.word for w in units["count"].words if w.classifier} if "count" in units else set()
    for word in words:
        if word not in counted:
            raise r.fail(entry, f"{word!r} is no measure word of units.count")
    return words


def _unit(r: _Reader, key: str, value: Any) -> UnitSpec:
    entry = f"units.{key}"
    if not _KEY.fullmatch(key):
        raise r.fail(entry, "a unit key is a letter followed by letters, digits or _")
    fields = {"group", "pint", "whole", "words", "classifiers", "nouns", "scaled", "conditional", "zh", "zh_hant", "en",
              "attached", "babel", "noun"}  # fmt: skip
    v = r.obj(entry, value, fields)
    for required in ("group", "pint", "whole", "zh", "zh_hant", "en"):
        if required not in v:
            raise r.fail(entry, f"no {required!r}")
    pint = v["pint"]
    if pint is not None and not (isinstance(pint, str) and pint.strip() and _PINT_EXPR.fullmatch(pint)):
        raise r.fail(entry, f"pint must be a unit definition or null, not {pint!r}")
    en = v["en"]
    if not (isinstance(en, list) and len(en) == 2):
        raise r.fail(entry, "en must be [singular, plural]")
    one, other = (r.text(entry, form) for form in en)
    words: list[Word] = []
    for w in r.words(entry, v.get("words")):
        words.append(Word(w, key, False, False, Decimal(1)))
    for w in r.words(entry, v.get("classifiers")):
        words.append(Word(w, key, True, False, Decimal(1)))
    for w in r.words(entry, v.get("nouns")):
        words.append(Word(w, key, False, True, Decimal(1)))
    for w, scale in r.obj(entry, v.get("scaled", {}), set(v.get("scaled", {}))).items():
        words.append(Word(r.text(entry, w, empty=False), key, True, False, r.decimal(f"{entry}.scaled.{w}", scale)))
    for w, before in r.obj(entry, v.get("conditional", {}), set(v.get("conditional", {}))).items():
        after = r.words(f"{entry}.conditional.{w}", before)
        if not after:
            raise r.fail(f"{entry}.conditional.{w}", "names no word the figure must follow")
        words.append(Word(r.text(entry, w, empty=False), key, False, False, Decimal(1), after))
    babel = v.get("babel")
    if babel is not None:
        r.text(f"{entry}.babel", babel, empty=False)
    noun = v.get("noun")
    if noun is not None:
        if not (isinstance(noun, list) and len(noun) == 2):
            raise r.fail(f"{entry}.noun", "must be [simplified, traditional]")
        noun = (r.text(f"{entry}.noun", noun[0], empty=False), r.text(f"{entry}.noun", noun[1], empty=False))
        if not any(w.noun and w.word == noun[0] for w in words):
            raise r.fail(f"{entry}.noun", f"{noun[0]!r} is not one of the unit's nouns")
    return UnitSpec(
        key,
        r.text(f"{entry}.group", v["group"], empty=False),
        pint,
        r.flag(f"{entry}.whole", v["whole"]),
        tuple(words),
        r.text(f"{entry}.zh", v["zh"]),
        r.text(f"{entry}.zh_hant", v["zh_hant"]),
        (one, other),
        r.flag(f"{entry}.attached", v.get("attached", False)),
        babel,
        noun,
    )


def _currency(r: _Reader, code: str, value: Any) -> CurrencySpec:
    entry = f"currencies.{code}"
    if not _CURRENCY.fullmatch(code):
        raise r.fail(entry, "a currency is its ISO 4217 code, three capital letters")
    v = r.obj(entry, value, {"words", "after", "tenths", "hundredths", "zh", "zh_hant"})
    words = r.words(entry, v.get("words"))
    if not words:
        raise r.fail(entry, "names no word for the currency")
    zh, zh_hant = v.get("zh"), v.get("zh_hant")
    return CurrencySpec(
        code,
        words,
        r.words(entry, v.get("after")),
        r.words(entry, v.get("tenths")),
        r.words(entry, v.get("hundredths")),
        None if zh is None else r.text(f"{entry}.zh", zh, empty=False),
        None if zh_hant is None else r.text(f"{entry}.zh_hant", zh_hant, empty=False),
    )


def _qualifier(r: _Reader, key: str, value: Any) -> QualifierSpec:
    entry = f"qualifiers.{key}"
    if not _KEY.fullmatch(key):
        raise r.fail(entry, "a qualifier key is a letter followed by letters, digits or _")
    fields = {"before", "between", "after", "after_duration", "before_magnitude", "across", "zh", "zh_hant", "zh_after",
              "zh_hant_after", "en", "weakest"}  # fmt: skip
    v = r.obj(entry, value, fields)
    if "en" not in v:
        raise r.fail(entry, "no 'en'")
    spec = QualifierSpec(
        key,
        r.words(entry, v.get("before")),
        r.words(entry, v.get("between")),
        r.words(entry, v.get("after")),
        r.words(entry, v.get("after_duration")),
        r.words(entry, v.get("before_magnitude")),
        r.text(f"{entry}.zh", v.get("zh", "")),
        r.text(f"{entry}.zh_hant", v.get("zh_hant", "")),
        r.text(f"{entry}.zh_after", v.get("zh_after", "")),
        r.text(f"{entry}.zh_hant_after", v.get("zh_hant_after", "")),
        r.text(f"{entry}.en", v["en"]),
        r.flag(f"{entry}.weakest", v.get("weakest", False)),
        r.words(f"{entry}.across", v.get("across")),
    )
    for word in spec.across:
        if word not in spec.before:
            raise r.fail(f"{entry}.across", f"{word!r} is not one of the words written before the number")
    if key != "exact" and not ((spec.zh or spec.zh_after) and (spec.zh_hant or spec.zh_hant_after) and spec.en):
        raise r.fail(entry, "needs a Chinese form (zh or zh_after), a traditional one and an English one")
    return spec


def _per(r: _Reader, key: str, value: Any) -> PerSpec:
    entry = f"per.{key}"
    if not _KEY.fullmatch(key):
        raise r.fail(entry, "a rate key is a letter followed by letters, digits or _")
    v = r.obj(entry, value, {"words", "measure_words_but", "zh", "zh_hant", "en", "pint", "define", "time", "note"})
    for required in ("words", "zh", "zh_hant", "en", "pint"):
        if required not in v:
            raise r.fail(entry, f"no {required!r}")
    words = r.words(entry, v["words"])
    if not words:
        raise r.fail(entry, "names no word")
    define = v.get("define")
    if define is not None and not (isinstance(define, str) and _PINT_EXPR.fullmatch(define)):
        raise r.fail(f"{entry}.define", f"must be a pint definition, not {define!r}")
    return PerSpec(
        key,
        words,
        r.text(f"{entry}.zh", v["zh"], empty=False),
        r.text(f"{entry}.zh_hant", v["zh_hant"], empty=False),
        r.text(f"{entry}.en", v["en"], empty=False),
        r.text(f"{entry}.pint", v["pint"], empty=False),
        define,
        r.flag(f"{entry}.time", v.get("time", False)),
        None if "measure_words_but" not in v else r.words(f"{entry}.measure_words_but", v["measure_words_but"]),
    )


def _check_words(r: _Reader, registry: Registry) -> None:
    """A word belongs to one unit or currency: the reader must know what it means."""
    owner: dict[str, str] = {}
    for key, spec in registry.units.items():
        for w in spec.words:
            if w.word in owner:
                raise r.fail(f"units.{key}", f"the word {w.word!r} is also a word of {owner[w.word]}")
            owner[w.word] = f"units.{key}"
    for code, currency in registry.currencies.items():
        for word in (*currency.words, *currency.after, *currency.tenths, *currency.hundredths):
            if word in owner:
                raise r.fail(f"currencies.{code}", f"the word {word!r} is also a word of {owner[word]}")
            owner[word] = f"currencies.{code}"
    where: dict[str, str] = {}
    for key, qualifier in registry.qualifiers.items():
        for position in ("before", "after", "after_duration", "before_magnitude"):
            for word in getattr(qualifier, position):
                place = f"{position}:{word}"
                if place in where:
                    raise r.fail(f"qualifiers.{key}", f"the word {word!r} is also a qualifier {where[place]}")
                where[place] = key
    for key, per in registry.per.items():
        for word in per.words:
            if f"per:{word}" in where:
                raise r.fail(f"per.{key}", f"the word {word!r} is also a word of per.{where[f'per:{word}']}")
            where[f"per:{word}"] = key


@functools.cache
def load() -> Registry:
    """The package's registry, read and checked on the first call."""
    text = resources.files("povertydata").joinpath("data/registry.json").read_text(encoding="utf-8")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(FILE, None, f"not valid JSON: {error}") from None
    return parse_registry(raw)


# ---------------------------------------------------------------------------- generated files


def literals_module(registry: Registry) -> str:
    """The source of ``_literals.py``: the registry's keys as ``Literal`` types for mypy."""

    def literal(name: str, doc: str, keys: tuple[str, ...]) -> str:
        body = "".join(f'    "{k}",\n' for k in keys)
        return f"#: {doc}\n{name} = Literal[\n{body}]\n"

    parts = [
        '"""The vocabularies of figures as ``Literal`` types, generated from ``data/registry.json``: do not edit.\n\n'
        "Regenerate with ``python -m povertydata._registry``; a test fails when this module and the\n"
        'registry disagree. At run time the registry itself is the vocabulary.\n"""\n\n'
        "from __future__ import annotations\n\nfrom typing import Literal\n\n"
        '__all__ = ["Kind", "Per", "Qualifier", "Unit"]\n',
        literal("Unit", "A unit key: the units, then the currencies by ISO 4217 code.", registry.unit_keys),
        literal("Qualifier", "A qualifier key.", tuple(registry.qualifiers)),
        literal("Per", "A rate key, in the order a figure lists them (entity first, then time).", tuple(registry.per)),
        literal("Kind", "A mention kind.", registry.kinds),
    ]
    return "\n".join(parts)


def _cell(words: tuple[str, ...] | list[str]) -> str:
    return ", ".join(w.replace("|", "\\|") for w in words) or "—"


def docs_tables(registry: Registry) -> dict[str, str]:
    """The tables of the unit guide (``docs/units.md``), by the name of their marker."""
    rows = [
        "| unit | what | words | measure words (kept as the classifier) | nouns | `zh` | `en` | whole things |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for key, spec in registry.units.items():
        words = [w.word + (f" (after {' or '.join(w.after)})" if w.after else "") for w in spec.words
                 if not w.classifier and not w.noun]  # fmt: skip
        measures = [w.word + (f" (× {w.scale})" if w.scale != 1 else "") for w in spec.words if w.classifier]
        nouns = [w.word for w in spec.words if w.noun]
        en = spec.en[1] if spec.en[0] == spec.en[1] else f"{spec.en[0]} / {spec.en[1]}"
        rows.append(
            f"| `{key}` | {spec.group} | {_cell(words)} | {_cell(measures)} | {_cell(nouns)} | {spec.zh or '—'} "
            f"| {en or '—'} | {'yes' if spec.whole else 'no'} |"
        )
    money = ["| code | written | `zh` |", "| --- | --- | --- |"]
    for code, c in registry.currencies.items():
        written = list(c.words) + [f"{w} (after the number)" for w in c.after]
        written += [f"{w} (a tenth)" for w in c.tenths] + [f"{w} (a hundredth)" for w in c.hundredths]
        money.append(f"| `{code}` | {_cell(written)} | {c.zh or 'the CLDR name'} |")
    quals = ["| key | before | between | after | `zh` | `en` |", "| --- | --- | --- | --- | --- | --- |"]
    for key, q in registry.qualifiers.items():
        if key == "exact":
            continue
        after = list(q.after) + [f"{w} (after a duration)" for w in q.after_duration]
        before = list(q.before) + [f"{w} (before a bare magnitude)" for w in q.before_magnitude]
        zh = q.zh or f"… {q.zh_after}"
        quals.append(f"| `{key}` | {_cell(before)} | {_cell(q.between)} | {_cell(after)} | {zh} | {q.en} |")
    per = ["| key | after 每 or / | compound words | `zh` | `en` |", "| --- | --- | --- | --- | --- |"]
    for key, p in registry.per.items():
        compounds = [w for w, keys in registry.rate_words.items() if key in keys]
        compounds += [f"{w} (opening its clause)" for w, k in registry.context.subject_rates.items() if k == key]
        each = _cell(p.words)
        if p.measure_words_but is not None:
            each += f" and every other measure word of `count` but {_cell(p.measure_words_but)}"
        per.append(f"| `{key}` | {each} | {_cell(compounds)} | 每{p.zh} | per {p.en} |")
    sources = registry.measure_words
    unread = ["| words | why the reader does not read them after a number |", "| --- | --- |"]
    groups: dict[str, list[str]] = {}
    for word, why in sources.unread.items():
        groups.setdefault(why, []).append(word)
    unread += [f"| {_cell(words)} | {why} |" for why, words in groups.items()]
    left_out = ["| words | why they are no measure word of a count |", "| --- | --- |"]
    left_out += [f"| {_cell(words)} | {why} |" for words, why in sources.left_out]
    return {
        "units": "\n".join(rows),
        "currencies": "\n".join(money),
        "qualifiers": "\n".join(quals),
        "per": "\n".join(per),
        "sources": "\n".join(f"- {source}" for source in sources.sources)
        + f"\n- Measure words the reports use that neither names: {_cell(sources.added)}.",
        "unread": "\n".join(unread),
        "left_out": "\n".join(left_out),
    }


def _marked(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- registry:{name} -->\n)(.*?)(<!-- /registry:{name} -->)", re.DOTALL)


def write_docs_tables(text: str, registry: Registry) -> str:
    """``text`` (the unit guide) with every marked table replaced by the registry's."""
    for name, table in docs_tables(registry).items():
        found = _marked(name).search(text)
        if found is None:
            raise ValueError(f"no <!-- registry:{name} --> marker in the unit guide")
        text = text[: found.start(2)] + table + "\n" + text[found.end(2) :]
    return text


def _write(root: Path) -> None:
    registry = load()
    (root / "povertydata" / "_literals.py").write_text(literals_module(registry), encoding="utf-8")
    guide = root / "docs" / "units.md"
    guide.write_text(write_docs_tables(guide.read_text(encoding="utf-8"), registry), encoding="utf-8")


if __name__ == "__main__":
    _write(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
