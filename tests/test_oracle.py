"""Never a wrong number: figures written out with values computed apart from the reader.

The strategies (``tests/strategies.py``) write quantities as reports do (Arabic and
Chinese numerals, 万 and 亿, ranges with every separator and spacing, qualifiers, rates,
shares, ratios, years, dates) and compute the figure each states from the parts they
drew. ``parse`` must read exactly that figure, and ``extract`` must find it, and only it,
in text around it. Metamorphic properties follow: full-width text reads as half-width,
and a neutral sentence put between others changes no figure.
"""

from __future__ import annotations

import os

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from povertydata import Figure, Mention, extract, parse
from povertydata.numerals import _FULL_WIDTH

from strategies import Written, any_text, figures, fillers_after, fillers_before, report_text, written

#: Examples per property: a short budget with the tests, a long one on demand
#: (POVERTYDATA_ORACLE_EXAMPLES=50000 python -m pytest tests/test_oracle.py).
EXAMPLES = int(os.environ.get("POVERTYDATA_ORACLE_EXAMPLES", "600"))


@settings(max_examples=EXAMPLES)
@given(written)
def test_parse_reads_the_figure_written(w: Written) -> None:
    assert parse(w.text) == w.figure


@settings(max_examples=EXAMPLES)
@given(written.filter(lambda w: w.extractable), fillers_before, fillers_after)
def test_extract_finds_the_figure_written_and_nothing_else(w: Written, before: str, after: str) -> None:
    text = before + w.text + after
    assert [(m.start, m.end, m.figure) for m in extract(text)] == [(len(before), len(before) + len(w.text), w.figure)]


_TO_FULL_WIDTH = str.maketrans({half: full for full, half in _FULL_WIDTH.items() if half not in " \xa0"})


@settings(max_examples=max(1, EXAMPLES // 2))
@given(st.lists(st.one_of(written.map(lambda w: w.text), report_text, fillers_after), max_size=5).map("".join))
def test_full_width_text_reads_as_half_width(text: str) -> None:
    full = text.translate(_TO_FULL_WIDTH)
    half_mentions = extract(text)
    full_mentions = extract(full)
    assert [(m.start, m.end, m.kind, m.figure) for m in full_mentions] == [
        (m.start, m.end, m.kind, m.figure) for m in half_mentions
    ]
    assert all(full[m.start : m.end] == m.text for m in full_mentions)


_NEUTRAL = st.sampled_from(["会议强调，要抓好落实。", "各地高度重视。", "工作取得明显成效。\n", "。"])


@settings(max_examples=max(1, EXAMPLES // 2))
@given(
    st.lists(st.tuples(fillers_before, written.filter(lambda w: w.extractable), fillers_after), min_size=1, max_size=4),
    st.data(),
)
def test_a_neutral_sentence_between_others_changes_no_figure(
    sentences: list[tuple[str, Written, str]], data: st.DataObject
) -> None:
    parts = [before + w.text + after + "。" for before, w, after in sentences]
    at = data.draw(st.integers(0, len(parts)))
    neutral = data.draw(_NEUTRAL)
    plain = extract("".join(parts))
    padded = extract("".join([*parts[:at], neutral, *parts[at:]]))
    shift = len("".join(parts[:at]))

    def moved(m: Mention) -> tuple[int, str, Figure | None]:
        return (m.start + (len(neutral) if m.start >= shift else 0), m.text, m.figure)

    assert [(m.start, m.text, m.figure) for m in padded] == [moved(m) for m in plain]
    assert [m.figure for m in plain] == [w.figure for _, w, _ in sentences]


@settings(max_examples=max(1, EXAMPLES // 2))
@given(st.one_of(any_text, report_text, written.map(lambda w: w.text)))
def test_every_figure_extract_makes_holds_the_figure_rules(text: str) -> None:
    # The reader builds its figures without the checks (the trusted constructor, for
    # speed); each one must pass them.
    for m in extract(text):
        if m.figure is not None:
            assert m.figure._problems() is None, m
        attrs.validate(m)


@given(figures())
def test_the_trusted_constructor_makes_the_figure_the_checked_one_makes(figure: Figure) -> None:
    fields = attrs.asdict(figure, recurse=False)
    trusted = Figure._trusted(**fields)
    assert trusted == figure
    assert hash(trusted) == hash(figure)
    assert repr(trusted) == repr(figure)
    assert trusted._problems() is None
