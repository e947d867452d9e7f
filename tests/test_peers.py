"""Conformance with other parsers' test suites (tests/data/peer-suites).

``parse`` must agree with at least 95% of the cases. The cases it reads differently on
purpose are listed in DIFFERENCES with the reason; every other case must pass, so a
regression fails here rather than hiding inside the percentage.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from povertydata import Figure, ParseError, parse

from conftest import peer_cases

SUITES = ["jionlp_money_parser.json", "cn2an_numerals.json", "chinese2digits_numerals.json"]

#: Cases read differently on purpose, with the reason.
DIFFERENCES: dict[str, str] = {
    "壹分": "分 alone is not read as money: '98分' in a report is a score, and a wrong number is worse than an error",
    "壹角": "角 is money, so the unit is CNY where the suite has no unit",
    "负壹角": "角 is money, so the unit is CNY where the suite has no unit",
    "三零万二零千": "digit-by-digit numbers before a magnitude are not a form reports use; refused rather than guessed",
    "百四": "an idiom for 4%, not a figure a report writes",
    ".3%万": "a percent followed by a magnitude is malformed; refused",
    "百分之三亿二百万五": "read as the number it spells (302,005,000%) where the suite expects a refusal",
    "负百分之点二八": "a decimal point with no whole part before it (点二八) is refused, as cn2an refuses 点零",
    "万三": "an idiom for 万分之三, not a figure a report writes",
    "千四五": "an idiom for 千分之四十五, not a figure a report writes",
    "伍亿柒仟万拾柒百": "百 after 拾 is out of order; refused rather than guessed",
    "点五零": "a decimal point with no whole part before it is refused, as cn2an refuses 点零",
}


def _cases() -> list[tuple[str, dict[str, object]]]:
    return [(suite, case) for suite in SUITES for case in peer_cases(suite)]


def _agrees(case: dict[str, object]) -> bool:
    text = str(case["input"])
    unit = case.get("currency") or case.get("unit") or "number"
    try:
        figure: Figure | None = parse(text)
    except ParseError:
        figure = None
    if case.get("low") is not None:
        return (
            figure is not None
            and figure.low == Decimal(str(case["low"]))
            and figure.high == Decimal(str(case["high"]))
            and figure.unit == unit
            and figure.qualifier == case.get("qualifier", figure.qualifier)
        )
    if case["expected"] is None:
        if "vague" in case.get("tags", []):  # type: ignore[operator]
            return figure is not None and figure.value is None and figure.unit == unit
        return figure is None
    return (
        figure is not None
        and figure.value == Decimal(str(case["expected"]))
        and figure.unit == unit
        and figure.qualifier == case.get("qualifier", figure.qualifier)
    )


@pytest.mark.parametrize(("suite", "case"), _cases(), ids=lambda x: str(x["input"]) if isinstance(x, dict) else x)
def test_peer_case(suite: str, case: dict[str, object]) -> None:
    text = str(case["input"])
    if text in DIFFERENCES:
        assert not _agrees(case), f"{text!r} now agrees with {suite}: drop it from DIFFERENCES"
    else:
        assert _agrees(case), f"{text!r} from {case['source']}: expected {case.get('expected')}"


def test_agreement_is_at_least_95_percent() -> None:
    cases = _cases()
    agreed = sum(_agrees(case) for _, case in cases)
    assert agreed / len(cases) >= 0.95, f"{agreed}/{len(cases)}"


@pytest.mark.parametrize("case", peer_cases("jionlp_money_extractor.json"), ids=lambda c: str(c["input"])[:20])
def test_extractor_finds_every_money_mention(case: dict[str, object]) -> None:
    from povertydata import extract

    mentions = extract(str(case["input"]))
    for expected in case["mentions"]:  # type: ignore[attr-defined]
        (hit,) = [m for m in mentions if (m.start, m.end) == (expected["start"], expected["end"])]
        assert hit.figure is not None
        assert hit.figure.unit == (expected.get("currency") or expected.get("unit") or "number")
        if expected["expected"] is not None:
            assert hit.figure.value == Decimal(expected["expected"])
        else:
            assert (hit.figure.low, hit.figure.high) == (Decimal(expected["low"]), Decimal(expected["high"]))
        assert hit.figure.qualifier == expected["qualifier"]
