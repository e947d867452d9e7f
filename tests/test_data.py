"""The canonical records against their sources: every quote, every figure, every figure of
every report either cited or excluded with a reason."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

import povertydata as pv
from povertydata.catalog import FIGURE_FIELDS
from povertydata.model import Span
from povertydata.sources import seed_text

DS = pv.load()


def test_there_are_five_reports_with_records() -> None:
    assert len(DS.reports) == 5
    for report in DS.reports:
        records = [*DS.funds.where(report=report.id), *DS.cohorts.where(report=report.id),
                   *DS.indicators.where(report=report.id)]  # fmt: skip
        assert records, report.id


def _all_spans() -> list[Span]:
    spans = [s for r in [*DS.records(), *DS.programs, *DS.errata] for s in r.spans]
    return spans


@pytest.mark.parametrize("span", _all_spans(), ids=lambda s: f"{s.report}:{s.start}")
def test_every_quote_stands_at_its_offsets(span: Span) -> None:
    assert seed_text(span.seed)[span.start : span.end] == span.quote


def test_every_exclusion_quote_stands_at_its_offsets() -> None:
    for ex in DS.exclusions:
        report = DS.reports.get(ex.report)
        assert seed_text(report.seed)[ex.start : ex.end] == ex.quote, ex
        assert ex.reason.strip()


# What each addition a span declares looks like in the text around the quote: written by
# hand, apart from the reader's own word lists, so that the two check each other.
_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "per": {"person": ("人", "名", "位"), "household": ("户", "家"), "village": ("村",), "mu": ("亩",),
            "year": ("年",), "month": ("月",), "day": ("天", "日")},
    "qualifier": {"at_least": ("至少", "不低于", "不少于", "以上"), "at_most": ("没超", "不超过", "最多", "前", "以内"),
                  "more_than": ("超过", "余", "多"), "approx": ("约", "左右"), "nearly": ("近",),
                  "less_than": ("不足", "不到", "以下")},
    "unit": {"person": ("人", "群众", "名"), "household": ("户",), "CNY": ("元",)},
}  # fmt: skip


def _declared() -> list[pv.CitedFigure]:
    return [c for c in DS.figures() if c.span.added]


@pytest.mark.parametrize("cited", _declared(), ids=lambda c: f"{c.record.id}#{c.field}")
def test_what_a_span_adds_to_its_quote_is_written_around_it(cited: pv.CitedFigure) -> None:
    """A declared addition stands in the sentence, outside the quote: 每村有【50万元】 has 村."""
    sentence = cited.span.context().replace(cited.span.quote, "【】", 1)
    parsed = pv.parse(cited.span.quote)
    for name in cited.span.added:
        if name == "per":
            wanted = {k: _WORDS["per"][k] for k in cited.figure.per if k not in parsed.per}
        elif name == "classifier":
            wanted = {"classifier": (str(cited.figure.classifier),)}
        else:
            key = getattr(cited.figure, name)
            wanted = {key: _WORDS[name][key]}
        for key, words in wanted.items():
            assert any(w in sentence for w in words), (name, key, sentence)


def test_no_figure_of_the_package_data_overrides_its_quote() -> None:
    # The five reports are read as written: their numbers never differ from their quotes.
    assert not [c.record.id for c in DS.figures() if c.span.override is not None]


def test_no_float_anywhere_in_the_data() -> None:
    for cited in DS.figures():
        for name in ("value", "low", "high"):
            value = getattr(cited.figure, name)
            assert value is None or type(value) is Decimal
    for check in DS.checks:
        assert type(check.tolerance) is Decimal


def test_every_record_has_a_span_per_figure() -> None:
    for record in DS.records():
        for field in FIGURE_FIELDS[type(record)]:
            if getattr(record, field) is not None:
                assert any(s.field == field for s in record.spans), (record.id, field)


def test_every_figure_of_every_report_is_cited_or_excluded() -> None:
    """extract() over each seed: every quantity mention overlaps a cited span or an exclusion."""
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for r in [*DS.records(), *DS.programs]:
        for s in r.spans:
            if s.field is not None or isinstance(r, pv.Program):
                covered[s.seed].append((s.start, s.end))
    for ex in DS.exclusions:
        covered[DS.reports.get(ex.report).seed].append((ex.start, ex.end))
    missing = []
    for report in DS.reports:
        for m in pv.extract(seed_text(report.seed)):
            if m.kind != "quantity":
                continue  # years, dates and names are not figures of the report
            if not any(start < m.end and m.start < end for start, end in covered[report.seed]):
                missing.append(f"{report.id} [{m.start}, {m.end}) {m.text!r}")
    assert not missing, "\n".join(missing)


def test_every_region_referenced_exists_and_codes_are_right() -> None:
    codes = {r.name_en: r.code for r in DS.regions}
    assert codes["Golmud"] == "632801"
    assert codes["Delingha"] == "632802"
    assert codes["Qianjiang District"] == "500114"
    assert codes["Wuhai"] == "150300"
    assert codes["Haixi Mongol and Tibetan Autonomous Prefecture"] == "632800"
    for region in DS.regions:
        if region.code and region.parent and DS.regions.get(region.parent).code:
            parent = DS.regions.get(region.parent).code
            assert parent is not None
            # A child code shares its parent's province digits (and prefecture, below it).
            assert region.code[:2] == parent[:2], region


def test_every_failing_check_names_an_erratum() -> None:
    for result in DS.check():
        if not result.holds:
            assert result.erratum is not None, result.explanation
            assert DS.errata.get(result.erratum)


def test_checks_cover_every_report() -> None:
    reports = {c.report for c in DS.checks}
    assert reports == {r.id for r in DS.reports}


def test_the_package_data_is_canonical_and_its_schemas_current() -> None:
    """What `povertydata data fmt --check` checks: fmt would change no data file, and the
    JSON Schemas shipped beside them are what the model makes today."""
    from importlib import resources
    from pathlib import Path

    from povertydata.authoring import fmt

    data = Path(str(resources.files("povertydata").joinpath("data")))
    assert fmt(data, check=True) == []


def test_the_package_data_follows_its_json_schemas() -> None:
    import json
    from importlib import resources
    from pathlib import Path

    import jsonschema

    data = Path(str(resources.files("povertydata").joinpath("data")))
    files = [data / "regions.json", data / "categories.json", *sorted((data / "reports").glob("*.json"))]
    assert len(files) == 7
    for path in files:
        instance = json.loads(path.read_text(encoding="utf-8"))
        # The schema each file names, resolved from where the file is, as an editor does.
        schema = json.loads((path.parent / instance["$schema"]).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(instance)
