"""``extract``: every figure, year, date and name of a running text, in order.

The scan finds where the next candidate starts; the fast path reads the commonest
figures there (:mod:`povertydata.figures._fast`, with its contract), the grammar reads the
rest (:mod:`povertydata.figures._grammar`), and the running-text policy drops what the
text does not mean as a figure (:mod:`povertydata.figures._policy`).
"""

from __future__ import annotations

from decimal import localcontext

from povertydata._figure import Mention
from povertydata.errors import ParseError
from povertydata.figures._context import read_around
from povertydata.figures._dates import DATES_NEXT
from povertydata.figures._fast import SCAN, fast, fast_figure, scan_every, year_mention
from povertydata.figures._grammar import CANDIDATE, Reader
from povertydata.figures._policy import admit, list_marker, quoted_slogan
from povertydata.figures._reading import Reading
from povertydata.figures._tables import IDIOM, IDIOM_AFTER_A_LETTER, IDIOM_FIRST, IDIOM_STARTS, OPEN_QUOTES
from povertydata.numerals import EXACT, normalize

__all__ = ["extract", "mentions"]

_ARABIC = frozenset("0123456789")
# Candidates passed over whole when they are no figure: the tail of a run of numerals, or
# of a time or ratio (50:50:50), is no figure either.
_WHOLE = frozenset({"run", "stamp", "ratio", "fraction", "slash"})


def extract(text: str) -> list[Mention]:
    """Find every figure, year, date and name in ``text``, in order.

    Quantities come with their figure; years and dates with a figure of unit ``year`` or
    ``date``; names (十三五, 五个一批, "530", 1+8+10) with ``figure=None``. Ordinals (第一),
    list markers (一是, (一), 1、) and numerals used as words (进一步, 一户一策) are not
    mentions. Never raises: text that cannot be read as a figure is passed over. The
    arithmetic runs in the library's exact context, whatever ``decimal.getcontext()`` says.

    >>> [(m.text, m.kind) for m in extract("2017年市级安排1800万元扶贫资金,覆盖16个贫困村")]
    [('2017年', 'year'), ('1800万元', 'quantity'), ('16个', 'quantity')]
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, not {type(text).__name__}")
    with localcontext(EXACT):
        return mentions(text)


def mentions(text: str, *, fast_path: bool = True) -> list[Mention]:
    """:func:`extract` in the exact context the caller has set.

    ``fast_path=False`` reads every candidate with the grammar: the fast path's contract
    is to change nothing, and a test compares the two.
    """
    t = normalize(text)
    out: list[Mention] = []
    bare: list[int] = []  # where the bare numbers are, whose noun may say what they count
    floor = pos = 0
    n = len(t)
    scan = (SCAN if fast_path else scan_every()).search
    made = Mention._trusted
    while pos < n:
        first = scan(t, pos)
        if first is None:
            break
        p = first.start()
        if t[p] in IDIOM_FIRST and t[p : p + 2] in IDIOM_STARTS:
            idiom = IDIOM.match(t, p) or (IDIOM_AFTER_A_LETTER.match(t, p - 1) if p else None)
            if idiom is not None:
                pos = idiom.end()  # 三番五次, 千家万户, 珠三角: no amount in them
                continue
        # What the scan read (see _fast), if anything. A number and a unit word is no list
        # marker (1、 2. 3)): the fast path goes first.
        group = first.lastgroup
        if group is not None and fast_path:
            if group == "clean":
                word, magnitude = first.group("clean", "plain_magnitude")
                try:
                    figure = fast_figure(t[p : first.end("plain")], magnitude, word)
                except ArithmeticError:
                    figure = None  # past the precision: the grammar refuses it
                if figure is not None:
                    end = first.end()
                    out.append(made(p, end, text[p:end], "quantity", figure))
                    floor = pos = end
                    continue
            elif group == "year":
                end = first.end()
                out.append(made(p, end, text[p:end], "year", year_mention(t, p)))
                floor = pos = end
                continue
            elif group == "bare":  # 29万 and no unit: a number
                end = first.end()
                try:
                    figure = fast_figure(t[p : first.end("bare_number")], first.group("bare"), None)
                except ArithmeticError:
                    figure = None
                if figure is not None:
                    bare.append(len(out))
                    out.append(made(p, end, text[p:end], "quantity", figure))
                    floor = pos = end
                    continue
            else:
                found = fast(t, p, first, floor)
                if found is not None:
                    start, end, kind, figure = found
                    out.append(made(start, end, text[start:end], kind, figure))
                    floor = pos = end
                    continue
        if t[p] in _ARABIC:
            marker = list_marker(t, p)
            if marker:
                pos = marker
                continue
        m = CANDIDATE.match(t, p)
        if m is None:
            pos = p + 1
            continue
        r: Reading | None
        quoted = t[p - 1 : p] in OPEN_QUOTES
        if (
            quoted
            and fast_path
            and m.lastgroup == "run"
            and t[m.end() : m.end() + 1] not in DATES_NEXT
            and not any(c in _ARABIC for c in m.group())
        ):
            # “五个精准”: a Chinese numeral after an opening quote, and no run of dates: the
            # policy would drop it for the quoted phrase as a name.
            r = quoted_slogan(t, m)
        else:
            reader = Reader(text, t, floor)
            passed = 0
            try:
                r = reader.read(m)
                if not admit(t, r):
                    # What the text does not mean as a figure is passed over whole: the
                    # high end of 十二届-十五届 is no figure alone, nor its dash a sign.
                    passed = r.end
                    r = quoted_slogan(t, m) if quoted else None
            except ParseError:
                passed = reader.passed  # 七到八十万元: no figure, and no 80万 either
                r = quoted_slogan(t, m) if quoted else None
            except (ArithmeticError, LookupError, ValueError):
                r = None
            if r is None and passed > p:
                pos = passed
                continue
        if r is None or r.start < floor:
            pos = m.end() if m.lastgroup in _WHOLE else m.start() + 1
            continue
        if r.figure is not None and r.figure.unit == "number":
            bare.append(len(out))
        out.append(made(r.start, r.end, text[r.start : r.end], r.kind, r.figure, (), r.note))
        floor = pos = max(r.end, m.start() + 1)
    return read_around(t, text, out, bare)
