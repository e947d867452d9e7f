"""The figure and mention value types, apart from the reader that makes them.

The records of the dataset hold figures; loading them needs these classes and not the
patterns of :mod:`povertydata.figures`, which take a while to compile. Import them from
:mod:`povertydata.figures` (or :mod:`povertydata`).

A :class:`Figure` checks itself when made: its unit, qualifier and rate keys come from the
registry (``data/registry.json``), and the invariants below hold for every figure, read
or built by hand. The reader builds its figures with a trusted constructor that skips the
checks; tests hold it to figures the checks accept.
"""

from __future__ import annotations

import re
from decimal import Decimal, Inexact, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs

from povertydata._literals import Kind, Per, Qualifier, Unit
from povertydata._registry import load
from povertydata.numerals import EXACT, tidy

if TYPE_CHECKING:
    import pint

__all__ = [
    "INFERABLE",
    "KINDS",
    "PER_KEYS",
    "QUALIFIERS",
    "UNITS",
    "Cue",
    "Figure",
    "Kind",
    "Mention",
    "Per",
    "Qualifier",
    "Unit",
]

_REGISTRY = load()
#: Every unit key a figure may carry: the registry's units, then its currencies (ISO 4217).
UNITS: frozenset[str] = frozenset(_REGISTRY.unit_keys)
#: Every qualifier key.
QUALIFIERS: frozenset[str] = frozenset(_REGISTRY.qualifiers)
#: Every mention kind.
KINDS: frozenset[str] = frozenset(_REGISTRY.kinds)
#: Every rate key, in the order a figure lists them: the counted entity, then the time.
PER_KEYS: tuple[str, ...] = tuple(_REGISTRY.per)

_PER_RANK = {key: rank for rank, key in enumerate(PER_KEYS)}
_CALENDAR = frozenset({"year", "date"})
# Units whose figure is no amount of anything: calendar figures and the terms of a ratio.
_NO_AMOUNT = frozenset(key for key, spec in _REGISTRY.units.items() if spec.pint is None)
_HUNDRED = Decimal(100)
# The ISO 8601 forms of ``when``: a year, a span of years, a month or a day with or without
# its year, an interval of those, a day of the month, a time of day or a moment.
_MONTH = "(?:0[1-9]|1[0-2])"
_DAY = "(?:0[1-9]|[12][0-9]|3[01])"
_DATE = rf"(?:[0-9]{{4}}(?:-{_MONTH}(?:-{_DAY})?)?|--{_MONTH}(?:-{_DAY})?|---{_DAY})"
_TIME = r"T(?:[01][0-9]|2[0-4]):[0-5][0-9](?::[0-5][0-9])?"
_WHEN = re.compile(rf"{_DATE}(?:/{_DATE})?|{_TIME}|[0-9]{{4}}-{_MONTH}-{_DAY}{_TIME}Z?")
_YEAR_WHEN = re.compile(r"[0-9]{4}(?:/[0-9]{4})?")


def _decimal(name: str, value: object) -> None:
    if type(value) is not Decimal:
        raise TypeError(f"{name} must be a Decimal, not {type(value).__name__} {value!r}")
    if not value.is_finite():
        raise ValueError(f"{name} must be a finite number, not {value}")


def _optional_decimal(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _decimal(attribute.name, value)


def _in(vocabulary: frozenset[str], what: str) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in vocabulary:
            raise ValueError(f"unknown {attribute.name} {value!r} (not a {what} key of the registry)")

    check.options = vocabulary  # type: ignore[attr-defined]  # read by the schema
    return check


def _per(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple:
        raise TypeError(f"per must be a tuple of rate keys, not {value!r}")
    for key in value:
        if key not in _PER_RANK:
            raise ValueError(f"unknown per {key!r} (not a rate key of the registry)")
    ranks = [_PER_RANK[key] for key in value]
    if ranks != sorted(set(ranks)):
        raise ValueError(f"per {value!r} must list each rate key once, in the order {PER_KEYS}")


_per.options = frozenset(PER_KEYS)  # type: ignore[attr-defined]  # read by the schema


def _terms(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple:
        raise TypeError(f"terms must be a tuple of Decimals, not {value!r}")
    for term in value:
        _decimal("a term", term)


def _classifier(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value or value != value.strip()):
        raise ValueError(f"classifier must be a measure word or None, not {value!r}")


def _when(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not _WHEN.fullmatch(value)):
        raise ValueError(f"when must be an ISO 8601 date, time or interval, not {value!r}")


def share_value(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """The percent a fraction is, where it has an exact decimal value (3/4 -> 75; 1/3 -> None)."""
    try:
        return EXACT.divide(EXACT.multiply(numerator, _HUNDRED), denominator)
    except (Inexact, InvalidOperation):
        return None


@attrs.frozen(repr=False)
class Figure:
    """One quantity as a report states it, exact and in base units.

    Attributes:
        value: The amount, or ``None`` for a range, a vague amount (几十万), a fraction with
            no exact decimal value (三分之一), a ratio or a date.
        unit: A unit key from :data:`UNITS` (``"CNY"``, ``"household"``, ``"percent"`` …).
        qualifier: A key from :data:`QUALIFIERS`: how the text hedges the amount.
        low: The low end of a range (15—30万元), else ``None``.
        high: The high end of a range, else ``None``.
        per: The rate's denominators, entity first then time: ``("person", "day")``.
        classifier: The measure word as written (户, 人, 名, 个, 次, 成 …), if any.
        terms: The terms of a ratio (1:10 -> ``(1, 10)``, unit ``"ratio"``) or the numerator
            and denominator of a fraction, which is a share in ``"percent"`` like every other
            (四分之三 -> 75 with ``(3, 4)``; 三分之一 -> ``(1, 3)`` and no value); empty otherwise.
        when: For years and dates, the ISO 8601 form (``"2017"``, ``"2015-12-22"``,
            ``"--01-17"`` when the year is not written).

    Every figure, whoever makes it, holds these: the unit, qualifier and rate keys are the
    registry's; a figure has a value or a range (``low`` below ``high``) but not both; the
    rate keys come once each, in the registry's order; a ratio has two or more terms and
    no amount; a fraction is a percent with its numerator and denominator, and the value
    they make where that is exact; ``when`` is there for years and dates and nowhere
    else; an amount stated by no number (几十万) is hedged.

    Raises:
        TypeError: for a value that is not a ``Decimal`` (a float is never a figure).
        ValueError: for a figure that breaks one of the rules above.

    """

    value: Decimal | None = attrs.field(default=None, validator=_optional_decimal)
    unit: Unit = attrs.field(default="number", kw_only=True, validator=_in(UNITS, "unit"))
    qualifier: Qualifier = attrs.field(default="exact", kw_only=True, validator=_in(QUALIFIERS, "qualifier"))
    low: Decimal | None = attrs.field(default=None, kw_only=True, validator=_optional_decimal)
    high: Decimal | None = attrs.field(default=None, kw_only=True, validator=_optional_decimal)
    per: tuple[Per, ...] = attrs.field(default=(), kw_only=True, validator=_per)
    classifier: str | None = attrs.field(default=None, kw_only=True, validator=_classifier)
    terms: tuple[Decimal, ...] = attrs.field(default=(), kw_only=True, validator=_terms)
    when: str | None = attrs.field(default=None, kw_only=True, validator=_when)

    def __attrs_post_init__(self) -> None:
        problem = _problem(self)
        if problem:
            raise ValueError(f"{problem}: {self!r}")

    @classmethod
    def _trusted(
        cls,
        value: Decimal | None,
        unit: Unit,
        qualifier: Qualifier = "exact",
        low: Decimal | None = None,
        high: Decimal | None = None,
        per: tuple[Per, ...] = (),
        classifier: str | None = None,
        terms: tuple[Decimal, ...] = (),
        when: str | None = None,
    ) -> Figure:
        """A figure made without the checks, for the reader's hot loop (tests hold it to them)."""
        self = _new(cls)
        _figure_value(self, value)
        _figure_unit(self, unit)
        _figure_qualifier(self, qualifier)
        _figure_low(self, low)
        _figure_high(self, high)
        _figure_per(self, per)
        _figure_classifier(self, classifier)
        _figure_terms(self, terms)
        _figure_when(self, when)
        return self

    def _problems(self) -> str | None:
        """What breaks the rules above, for a figure the trusted constructor made; else None."""
        try:
            attrs.validate(self)
        except (TypeError, ValueError) as error:
            return str(error)
        return _problem(self)

    @property
    def is_range(self) -> bool:
        """Whether the figure is a range (has ``low`` and ``high``)."""
        return self.low is not None

    def quantity(self) -> pint.Quantity[Decimal]:
        """The figure as a pint Quantity with a ``Decimal`` magnitude.

        Raises:
            ValueError: for a range, a vague amount, a ratio, a share with no exact
                value, a year or a date, none of which is one quantity.

        >>> from povertydata import parse
        >>> parse("1800万元").quantity()
        <Quantity(18000000, 'CNY')>

        """
        from povertydata.units import quantity

        if self.value is None:
            raise ValueError(f"{self!r} has no single value to make a quantity of")
        return quantity(self.value, self.unit, self.per)

    def __repr__(self) -> str:
        # Only the fields that differ from the defaults: figures are read in the REPL a lot.
        parts = [repr(self.value)] if self.value is not None else []
        for a in attrs.fields(Figure)[1:]:
            got = getattr(self, a.name)
            if got != a.default:
                parts.append(f"{a.name}={got!r}")
        return f"Figure({', '.join(parts)})"


def _problem(f: Figure) -> str | None:
    """What is wrong with ``f`` as a whole, or ``None``: the rules of :class:`Figure`."""
    value, low, high, unit = f.value, f.low, f.high, f.unit
    if (low is None) != (high is None):
        return "a range needs both low and high"
    if low is not None and high is not None:
        if value is not None:
            return "a figure is a value or a range, not both"
        if not low < high:
            return f"range low {low} is not below high {high}"
    if unit in _CALENDAR:
        if f.when is None:
            return f"a {unit} needs when"
        if f.per or f.terms:
            return f"a {unit} has no rate and no terms"
        if unit == "date" and (value is not None or low is not None):
            return "a date has when and no amount"
        if unit == "year":
            if not _YEAR_WHEN.fullmatch(f.when):
                return f"a year's when is a year or a span of years, not {f.when!r}"
            stated = f.when.split("/")
            amounts = [value] if value is not None else [low, high]
            if [str(a) for a in amounts] != stated:
                return f"a year's amounts must be the years of when {f.when!r}"
        return None
    if f.when is not None:
        return "only years and dates have when"
    if unit == "ratio":
        if len(f.terms) < 2 or value is not None or low is not None:
            return "a ratio has two or more terms and no amount"
        if f.per:
            return "a ratio has no rate"
        if any(t < 0 for t in f.terms) or not any(f.terms):
            return "a ratio's terms are not negative and not both zero"
        return None
    if f.terms:
        if len(f.terms) != 2 or low is not None:
            return "a fraction has a numerator and a denominator, and no range"
        if not f.terms[1]:
            return "a fraction with denominator zero"
        if unit != "percent":
            return f"a figure in {unit} has no terms: a fraction is a percent"
        expected = share_value(*f.terms)
        if value != expected or (value is not None and value.as_tuple() != tidy(value).as_tuple()):
            return f"a fraction's value is the percent its terms make ({expected}), not {value}"
        return None
    if unit in _NO_AMOUNT:
        return f"a figure in {unit} needs its terms"
    if value is None and low is None and f.qualifier == "exact":
        return "an amount stated by no number is hedged"
    return None


def _kind(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in KINDS:
        raise ValueError(f"kind {value!r} is not a mention kind of the registry")


_kind.options = KINDS  # type: ignore[attr-defined]  # read by the schema


#: The fields of a figure that words outside a mention's text may give it, in the order
#: :attr:`Mention.inferred` lists them.
INFERABLE: tuple[str, ...] = ("per", "unit", "qualifier")


def _field(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in INFERABLE:
        raise ValueError(f"a cue gives one of the fields {INFERABLE}, not {value!r}")


@attrs.frozen
class Cue:
    """A word outside a mention's text that gives its figure a field.

    In 每户补助3至5万元 the mention is 3至5万元 and its rate comes from 每户: a cue with
    ``field="per"``, the span of 每户 and its text. Offsets are code points of the same
    text as the mention's.

    Attributes:
        field: The figure's field the word gives: ``"per"``, ``"unit"`` or ``"qualifier"``.
        start: Code-point offset of the word in the text.
        end: Offset one past it.
        text: The word as written.

    Raises:
        ValueError: for a field no word gives, or a span that does not fit its text.

    """

    field: str = attrs.field(validator=_field)
    start: int
    end: int
    text: str

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start < self.end or len(self.text) != self.end - self.start:
            raise ValueError(f"the span [{self.start}, {self.end}) does not fit the text {self.text!r}")

    @classmethod
    def _trusted(cls, field: str, start: int, end: int, text: str) -> Cue:
        """A cue made without the checks, for the reader."""
        self = _new(cls)
        _cue_field(self, field)
        _cue_start(self, start)
        _cue_end(self, end)
        _cue_text(self, text)
        return self


def _cues(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple or not all(isinstance(c, Cue) for c in value):
        raise TypeError(f"cues must be a tuple of Cue, not {value!r}")


@attrs.frozen
class Mention:
    """A figure, year, date or name found in running text by :func:`extract`.

    Attributes:
        start: Code-point offset of the first character in the text.
        end: Offset one past the last character (``text[start:end]``).
        text: The mention as written: ``source[start:end]``.
        kind: ``"quantity"``, ``"year"``, ``"date"`` or ``"name"``.
        figure: The figure read from ``text`` and the words around it; ``None`` for a name.
            ``parse(text)`` gives the same figure but for the fields in :attr:`inferred`.
        cues: The words outside ``text`` that gave the figure a field, in the order they
            stand: a rate word across a verb (每户补助3万元), a noun naming what a bare
            number counts (贫困人口745万), a hedge before a verb (每户最高补助5万元).
        note: A remark on the reading, where the text leaves it open: a number followed by
            a word that may be a measure word the reader does not read (12点, 5000方).

    Raises:
        ValueError: for a span that does not fit its text, a figure that does not fit
            the kind (a name has none; a year's unit is ``year``, a date's ``date``), or
            cues on what is no quantity.

    """

    start: int
    end: int
    text: str
    kind: Kind = attrs.field(validator=_kind)
    figure: Figure | None
    cues: tuple[Cue, ...] = attrs.field(default=(), validator=_cues)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start < self.end or len(self.text) != self.end - self.start:
            raise ValueError(f"the span [{self.start}, {self.end}) does not fit the text {self.text!r}")
        expected = {"name": None, "year": "year", "date": "date"}.get(self.kind, "quantity")
        unit = None if self.figure is None else self.figure.unit
        got = unit if unit in _CALENDAR or unit is None else "quantity"
        if got != expected:
            raise ValueError(f"a {self.kind} mention cannot carry the figure {self.figure!r}")
        if self.cues and self.kind != "quantity":
            raise ValueError(f"a {self.kind} mention takes nothing from the words around it")
        for cue in self.cues:
            if cue.start < self.end and self.start < cue.end:
                raise ValueError(f"the cue {cue.text!r} stands inside the mention {self.text!r}")

    @property
    def inferred(self) -> tuple[str, ...]:
        """The fields of the figure that words outside ``text`` gave it.

        ``("per",)`` for 每户补助【3万元】; in the order ``per``, ``unit``, ``qualifier``.
        """
        if not self.cues:
            return ()
        fields = {cue.field for cue in self.cues}
        return tuple(f for f in INFERABLE if f in fields)

    @classmethod
    def _trusted(
        cls,
        start: int,
        end: int,
        text: str,
        kind: Kind,
        figure: Figure | None,
        cues: tuple[Cue, ...] = (),
        note: str | None = None,
    ) -> Mention:
        """A mention made without the checks, for the reader's hot loop."""
        self = _new(cls)
        _mention_start(self, start)
        _mention_end(self, end)
        _mention_text(self, text)
        _mention_kind(self, kind)
        _mention_figure(self, figure)
        _mention_cues(self, cues)
        _mention_note(self, note)
        return self


# The trusted constructors set the slots through their descriptors: the quickest way to
# fill a frozen slotted class, three times quicker than object.__setattr__.
_new = object.__new__
(
    _figure_value,
    _figure_unit,
    _figure_qualifier,
    _figure_low,
    _figure_high,
    _figure_per,
    _figure_classifier,
    _figure_terms,
    _figure_when,
) = (Figure.__dict__[a.name].__set__ for a in attrs.fields(Figure))
_cue_field, _cue_start, _cue_end, _cue_text = (Cue.__dict__[a.name].__set__ for a in attrs.fields(Cue))
_mention_start, _mention_end, _mention_text, _mention_kind, _mention_figure, _mention_cues, _mention_note = (
    Mention.__dict__[a.name].__set__ for a in attrs.fields(Mention)
)
