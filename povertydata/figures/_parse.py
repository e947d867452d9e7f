"""``parse``: one expression read whole, or refused with where and why."""

from __future__ import annotations

from decimal import localcontext

from povertydata._figure import Figure
from povertydata.errors import ParseError
from povertydata.figures._english import english
from povertydata.figures._grammar import CANDIDATE, NAME, Reader
from povertydata.figures._tables import CLOSE_QUOTES, OPEN_QUOTES
from povertydata.numerals import EXACT, TOO_LONG, normalize

__all__ = ["parse"]


def parse(expr: str) -> Figure:
    """Read one quantity expression exactly.

    Accepts everything :func:`extract` finds (money, households, persons, person-times,
    percentages and percentage points, multiples, ratios, ranges, qualifiers before and
    after, rates, counts with their measure word, areas, lengths, power, durations, years
    and dates) and the English form :func:`povertydata.format` writes. The arithmetic runs
    in the library's exact context, whatever ``decimal.getcontext()`` says.

    Raises:
        ParseError: for anything that is not exactly one figure: malformed numbers
            (``1.2.3万元``), a magnitude without a number (``万元``), trailing text, an
            empty string, a name (``十三五``), an ordinal (``第一``), or a number too long
            to hold exactly. The error carries the position and the reason.

    >>> parse("20余次")
    Figure(Decimal('20'), unit='count', qualifier='more_than', classifier='次')
    >>> parse("不超过2万元")
    Figure(Decimal('20000'), unit='CNY', qualifier='at_most')

    """
    if not isinstance(expr, str):
        raise TypeError(f"parse() takes a str, not {type(expr).__name__}")
    with localcontext(EXACT):
        figure = _parse(expr)
    problem = figure._problems()
    if problem:  # pragma: no cover - the grammar makes only sound figures (tests hold it to that)
        raise ParseError(expr, 0, f"the reader made an unsound figure: {problem}")
    return figure


def _parse(expr: str) -> Figure:
    t = normalize(expr)
    lead = len(t) - len(t.lstrip())
    stop = len(t.rstrip())
    if lead >= stop:
        raise ParseError(expr, 0, "an empty expression")
    if NAME.fullmatch(t, lead, stop) or (t[lead] in OPEN_QUOTES and t[stop - 1] in CLOSE_QUOTES):
        raise ParseError(expr, lead, "a name or slogan, not a quantity")
    if t.startswith("从", lead):
        lead += 1
    try:
        found = english(expr, t, lead, stop)
    except ArithmeticError:
        raise ParseError(expr, lead, TOO_LONG) from None
    if found is not None:
        return found
    m = CANDIDATE.search(t, lead, stop)
    if m is None:
        raise ParseError(expr, lead, "no number")
    try:
        r = Reader(expr, t[:stop], lead).read(m)
    except ArithmeticError:
        # Decimal arithmetic traps rather than rounds: a number past its digits is refused.
        raise ParseError(expr, m.start(), TOO_LONG) from None
    if r.kind == "name":
        raise ParseError(expr, r.start, "a name or slogan, not a quantity")
    if r.start > lead:
        raise ParseError(expr, lead, f"unexpected text {expr[lead : r.start]!r} before the figure")
    if r.end < stop:
        reason = (
            "a misplaced digit-group separator"
            if t[r.end] in ",，" and r.end + 1 < stop and t[r.end + 1].isdigit()
            else f"unexpected text {expr[r.end : stop]!r} after the figure"
        )
        raise ParseError(expr, r.end, reason)
    assert r.figure is not None
    return r.figure
