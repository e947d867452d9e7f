"""The record vocabularies: every key a record field may take, each once, with its meaning.

Data and a small read-only mapping, nothing else. The model's validators, the JSON Schema
enums (through the validators) and the data dictionary are all made from these, so adding
a key is one edit here. Import them from :mod:`povertydata.model`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

__all__ = [
    "CHECK_KINDS",
    "COHORT_STATUSES",
    "ERRATUM_KINDS",
    "FUND_KINDS",
    "FUND_SOURCES",
    "REGION_LEVELS",
    "STAGES",
    "VOCABULARIES",
    "Vocabulary",
    "one_of",
]


class Vocabulary(Mapping[str, str]):
    """An ordered, read-only set of keys, each with a one-line meaning.

    A vocabulary is a mapping from key to meaning: ``"loan" in FUND_KINDS`` tests a key,
    ``FUND_KINDS["loan"]`` gives its meaning, iteration gives the keys in the order they
    are defined (for region levels, top down).

    Attributes:
        name: What a key names, in the singular ("fund kind").

    """

    __slots__ = ("_terms", "name")

    def __init__(self, name: str, terms: Mapping[str, str]) -> None:
        self.name = name
        self._terms = dict(terms)

    def __getitem__(self, key: str) -> str:
        return self._terms[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def __hash__(self) -> int:
        return hash((self.name, tuple(self._terms.items())))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Vocabulary):
            return self.name == other.name and self._terms == other._terms
        return NotImplemented

    @property
    def article(self) -> str:
        """``"a"`` or ``"an"``, for messages about one key."""
        return "an" if self.name[:1] in "aeiou" else "a"

    def __repr__(self) -> str:
        return f"<Vocabulary of {len(self)} {self.name}s: {', '.join(self)}>"


@attrs.frozen(repr=False)
class _OneOf:
    """A validator: the value is a key of the vocabulary ``options``."""

    options: Vocabulary

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or value not in self.options:
            raise ValueError(
                f"{attribute.name} {value!r} is not {self.options.article} {self.options.name}; "
                f"one of: {', '.join(self.options)}"
            )

    def __repr__(self) -> str:
        return f"<one of the {self.options.name}s>"


def one_of(vocabulary: Vocabulary) -> _OneOf:
    """A field validator that accepts exactly the keys of ``vocabulary``.

    Its ``options`` attribute is the vocabulary, which the JSON Schema reads as an enum.
    """
    return _OneOf(vocabulary)


#: Levels of the administrative hierarchy, top down.
REGION_LEVELS = Vocabulary(
    "region level",
    {
        "country": "the whole country",
        "province": "a province, autonomous region or municipality (省, 自治区, 直辖市)",
        "prefecture": "a prefecture-level city or autonomous prefecture (市, 州, 盟)",
        "county": "a county, county-level city or district (县, 县级市, 区, 旗)",
        "township": "a township or town (乡, 镇, 街道)",
        "village": "a village (村)",
    },
)

#: Who a fund comes from, where the text says.
FUND_SOURCES = Vocabulary(
    "fund source",
    {
        "central": "the central government (中央)",
        "provincial": "a provincial government (省级)",
        "prefecture": "a prefecture or city government (州级, 市级)",
        "county": "a county or district government (县级, 区级)",
        "township": "a township government (乡镇)",
        "village": "a village collective (村集体)",
        "bank": "a bank, as credit or a loan",
        "enterprise": "companies, state-owned or private",
        "social": "society: donors, charities, paired units and individuals",
        "mixed": "several sources the text gives as one amount",
    },
)

#: What a fund is.
FUND_KINDS = Vocabulary(
    "fund kind",
    {
        "allocated": "money a government arranges, issues or puts in place for a purpose (安排, 下达, 拨付)",
        "invested": "money invested in projects, works or enterprises (投资, 投入)",
        "loan": "money lent (贷款, 信贷)",
        "interest_subsidy": "interest paid on a borrower's behalf (贴息)",
        "donation": "money given by enterprises, units or people (捐赠, 捐款)",
        "dividend": "income paid out to households or villages from assets (分红)",
        "subsidy": "money paid to households or persons, as a total or per unit (补助, 补贴)",
        "guarantee_fund": "a fund that guarantees loans (风险补偿金, 担保金)",
        "mutual_aid_fund": "a village's revolving mutual-aid fund (互助资金)",
        "premium": "an insurance premium paid (保费)",
        "other": "money of another kind; the note says which",
    },
)

#: What a group of households or persons is, or what happened or is to happen to it.
#: Whether it has happened is the record's stage, not its status.
COHORT_STATUSES = Vocabulary(
    "cohort status",
    {
        "registered_poor": "on the register of poor households and persons (建档立卡)",
        "lifted_out": "lifted out of poverty (脱贫, 退出)",
        "remaining": "still poor at a stated time (剩余, 尚未脱贫)",
        "relocated": "moved by poverty-alleviation relocation (易地搬迁)",
        "trained": "given vocational or skills training (培训)",
        "employed": "given work or a post (就业, 公益岗位)",
        "insured": "covered by an insurance (参保)",
        "paired": "paired with an official, unit or enterprise (结对帮扶)",
        "assisted": "given some other help (帮扶, 救助)",
        "housing_renovated": "with a dilapidated house rebuilt or repaired (危房改造)",
        "students_supported": "students given schooling aid (教育资助)",
        "dibao": "covered by the minimum living guarantee (低保)",
        "returned_to_poverty": "fallen back into poverty (返贫)",
        "other": "another group; the note says which",
    },
)

#: Where a figure stands between plan and result (see "Parts, wholes and stages" in the data format).
STAGES = Vocabulary(
    "stage",
    {
        "planned": "a plan, target, task, budget or intention (计划, 拟, 目标, 任务, 总投资 of unfinished projects)",
        "underway": "work started and not finished (正在, 在建, 已开工, in training)",
        "done": "a result: completed, paid, allocated, in place, achieved (完成, 已, 实现, 落实, 发放, 到位)",
    },
)

#: How a report contradicts itself or is damaged.
ERRATUM_KINDS = Vocabulary(
    "erratum kind",
    {
        "sum_mismatch": "parts that do not add up to the total the text states",
        "conflict": "two figures for one thing, or a figure that contradicts another",
        "missing_digit": "a number with a digit missing",
        "truncated": "text cut off",
        "typo": "a misprint in a number or a word",
        "ambiguous": "a figure with more than one reading",
    },
)

#: The arithmetic a check declares (operands and result are record references).
CHECK_KINDS = Vocabulary(
    "check kind",
    {
        "sum": "the operands add up to the result",
        "difference": "the first operand minus the others is the result",
        "product": "the operands multiplied give the result",
        "share": "operands[0] / operands[1] × 100 is the result, in percent",
        "ratio": "operands[0] / operands[1] is the result",
        "equal": "every operand equals the result",
        "at_most": (
            "every operand is at most the result, qualifiers read as bounds; the library derives one for "
            "every part and its whole, so declare one only to name the erratum of a part that exceeds its whole"
        ),
    },
)

#: Every vocabulary, by the name of the public constant that holds it.
VOCABULARIES: dict[str, Vocabulary] = {
    "REGION_LEVELS": REGION_LEVELS,
    "FUND_SOURCES": FUND_SOURCES,
    "FUND_KINDS": FUND_KINDS,
    "COHORT_STATUSES": COHORT_STATUSES,
    "STAGES": STAGES,
    "ERRATUM_KINDS": ERRATUM_KINDS,
    "CHECK_KINDS": CHECK_KINDS,
}
