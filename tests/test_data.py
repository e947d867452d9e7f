"""The canonical records against their sources and the reader: every figure of every report
cited or excluded, each quote a whole figure of the reader, each addition to a quote
written around it, the files canonical and following their schemas. What load() itself
refuses is tested on damaged copies (test_damage.py), not re-checked here."""

from __future__ import annotations

from collections import defaultdict

import pytest

import povertydata as pv
from povertydata.sources import seed_text

DS = pv.load()


def test_there_are_five_reports_with_records() -> None:
    assert len(DS.reports) == 5
    for report in DS.reports:
        records = [*DS.funds.where(report=report.id), *DS.cohorts.where(report=report.id),
                   *DS.indicators.where(report=report.id)]  # fmt: skip
        assert records, report.id


# What each addition a span declares looks like in the text around the quote: written by
# hand, apart from the reader's own word lists, so that the two check each other.
_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    # A rate per person may name the person by what they are: each leader (领导), team member (队员).
    "per": {"person": ("人", "名", "位", "领导", "队员", "干部"), "household": ("户", "家"), "village": ("村",), "mu": ("亩",), "item": ("每个", "每座", "每处", "每项"),
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


def test_the_regions_carry_their_official_codes() -> None:
    codes = {r.name_en: r.code for r in DS.regions}
    assert codes["Golmud"] == "632801"
    assert codes["Delingha"] == "632802"
    assert codes["Qianjiang District"] == "500114"
    assert codes["Wuhai"] == "150300"
    assert codes["Haixi Mongol and Tibetan Autonomous Prefecture"] == "632800"


# The reader passes over a rank (位居全国前【5】位) by design; every other figure of the data
# is a whole mention of the reader, at exactly its offsets.
_NOT_A_MENTION = {"qinghai-2017/relocation-national-rank"}


def test_every_figure_quote_is_a_whole_mention_of_the_reader() -> None:
    """A quote neither cuts a figure (800万元 of 1800万元) nor runs past one: where the data
    and extract() disagree on the extent of a figure, one of them is wrong."""
    mentions = {r.seed: {(m.start, m.end) for m in pv.extract(seed_text(r.seed)) if m.kind == "quantity"}
                for r in DS.reports}  # fmt: skip
    apart = {c.record.id for c in DS.figures() if (c.span.start, c.span.end) not in mentions[c.span.seed]}
    assert apart == _NOT_A_MENTION


def test_every_source_text_is_cited_by_one_report() -> None:
    from povertydata.sources import seed_names

    assert sorted(r.seed for r in DS.reports) == list(seed_names())


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
