"""The words around numbers: units, classifiers, qualifiers, rate words, currencies.

Data only, no logic: the figure reader in :mod:`povertydata.figures` compiles these into
patterns once, at import.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple


class UnitWord(NamedTuple):
    unit: str
    #: The measure word as the text writes it (户, 人, 个, 次 …); None for units such as
    #: money or percent whose word is not a classifier.
    classifier: str | None
    #: The word names the counted thing itself (贫困人口, 贫困户), not a measure word.
    noun: bool = False
    #: How many of ``unit`` one of the word is: 成 is a tenth, so 七成 is 70 percent.
    scale: Decimal = Decimal(1)


# Longest words first is not needed here: the reader sorts by length.
CURRENCIES: dict[str, str] = {
    "人民币": "CNY",
    "美元": "USD", "美金": "USD",
    "港元": "HKD", "港币": "HKD",
    "澳门元": "MOP", "澳门币": "MOP",
    "新台币": "TWD", "台币": "TWD",
    "欧元": "EUR",
    "日元": "JPY", "日币": "JPY",
    "英镑": "GBP",
    "韩元": "KRW",
    "泰铢": "THB",
    "卢布": "RUB",
    "澳元": "AUD",
    "加元": "CAD",
    "新加坡元": "SGD",
    "瑞士法郎": "CHF",
}  # fmt: skip
#: The unit keys of money: the yuan (CNY) and the currencies above, by ISO 4217 code.
MONEY_UNITS = frozenset(CURRENCIES.values())

#: Words for the yuan itself (Chinese currency written after a number).
YUAN = ("元", "圆", "块钱", "块")

UNITS: dict[str, UnitWord] = {
    # people and households
    "户": UnitWord("household", "户"),
    "户次": UnitWord("count", "户次"),
    "人": UnitWord("person", "人"),
    "名": UnitWord("person", "名"),
    "位": UnitWord("person", "位"),
    "人次": UnitWord("person_time", "人次"),
    "贫困人口": UnitWord("person", None, True),
    "建档立卡贫困人口": UnitWord("person", None, True),
    "农村贫困人口": UnitWord("person", None, True),
    "人口": UnitWord("person", None, True),
    "贫困群众": UnitWord("person", None, True),
    "群众": UnitWord("person", None, True),
    "农牧民": UnitWord("person", None, True),
    "农民": UnitWord("person", None, True),
    "村民": UnitWord("person", None, True),
    "居民": UnitWord("person", None, True),
    "贫困劳动力": UnitWord("person", None, True),
    "劳动力": UnitWord("person", None, True),
    "贫困学生": UnitWord("person", None, True),
    "贫困户": UnitWord("household", None, True),
    "建档立卡贫困户": UnitWord("household", None, True),
    "农户": UnitWord("household", None, True),
    # shares
    "%": UnitWord("percent", None),
    "个百分点": UnitWord("percentage_point", None),
    "百分点": UnitWord("percentage_point", None),
    "倍": UnitWord("fold", None),
    # 成 is a tenth (七成 is 70%); the measure word is kept, as 名 is kept for persons.
    "成": UnitWord("percent", "成", scale=Decimal(10)),
    "‰": UnitWord("percent", "‰", scale=Decimal("0.1")),  # per mille: 3‰ is 0.3%
    # measures
    "公里": UnitWord("km", None),
    "千米": UnitWord("km", None),
    "km": UnitWord("km", None),
    "平方公里": UnitWord("km2", None),
    "米": UnitWord("m", None),
    "平方米": UnitWord("m2", None),
    "平米": UnitWord("m2", None),
    "㎡": UnitWord("m2", None),
    "立方米": UnitWord("m3", None),
    "亩": UnitWord("mu", None),
    "公顷": UnitWord("ha", None),
    "吨": UnitWord("t", None),
    "公斤": UnitWord("kg", None),
    "千克": UnitWord("kg", None),
    "kg": UnitWord("kg", None),
    "斤": UnitWord("jin", None),
    "兆瓦": UnitWord("MW", None),
    "MW": UnitWord("MW", None),
    "千瓦": UnitWord("kW", None),
    "kW": UnitWord("kW", None),
    "KW": UnitWord("kW", None),
    # durations (a year written as a year is read before these)
    "年": UnitWord("year_duration", "年"),
    "周岁": UnitWord("year_duration", "周岁"),
    "岁": UnitWord("year_duration", "岁"),
    "个月": UnitWord("month_duration", "个月"),
    "月龄": UnitWord("month_duration", "月龄"),  # an age in months, as 岁 is one in years
    "天": UnitWord("day_duration", "天"),
    "个工作日": UnitWord("day_duration", "个工作日"),
    "工作日": UnitWord("day_duration", "工作日"),
    "小时": UnitWord("hour_duration", "小时"),
    "个小时": UnitWord("hour_duration", "个小时"),
}

#: Measure words that count things: the figure's unit is ``count`` and its classifier
#: says what was counted.
CLASSIFIERS = (
    "个", "次", "项", "家", "头", "只", "羽", "份", "座", "所", "条", "处", "间", "套",
    "台", "辆", "批次", "批", "期", "场", "幅", "篇", "本", "册", "件", "张", "棵", "株",
    "匹", "口", "眼", "支", "队", "组", "种", "轮", "届", "门", "对", "宗", "笔", "栋",
    "幢", "村", "乡镇", "乡", "镇", "县", "课时", "学时", "节", "床", "架",
    "亩次", "趟", "封", "部", "首", "片", "例", "类", "省", "省市", "市", "市州", "区",
    "县区", "县市区", "届", "台次", "架次", "车次", "班", "起", "台套",
)  # fmt: skip

#: Words that start with a unit or measure word but make the numeral before them part of a
#: word or a name: 三成员 is no 30 percent, 三轮车 a tricycle, 80年代 a decade, 三年级 a
#: school grade, 20世纪 a century. A numeral followed by one of these is no figure.
NOT_A_UNIT_AFTER = (
    "成为", "成员", "成立", "成功", "成本", "成效", "成果", "成绩", "成熟", "成品", "成片",
    "成交", "成就", "成型", "成都", "成年",
    "轮车", "轮驱动",
    "年代", "年级",
    "世纪",
)  # fmt: skip

#: Qualifier words written before the number, by key.
PREFIX_QUALIFIERS: dict[str, str] = {
    "约": "approx", "大约": "approx", "大概": "approx", "约合": "approx", "大致": "approx",
    "约为": "approx", "约有": "approx", "约占": "approx",
    "近": "nearly", "将近": "nearly", "接近": "nearly", "逼近": "nearly",
    "超过": "more_than", "逾": "more_than", "超": "more_than", "多于": "more_than",
    "高于": "more_than", "大于": "more_than",
    "不少于": "at_least", "不低于": "at_least", "至少": "at_least", "最少": "at_least",
    "最低": "at_least",
    "不超过": "at_most", "不高于": "at_most", "不多于": "at_most", "最高": "at_most",
    "最多": "at_most", "至多": "at_most",
    "不足": "less_than", "不到": "less_than", "少于": "less_than", "低于": "less_than",
    "小于": "less_than", "未满": "less_than",
}  # fmt: skip

#: Qualifier words written after the number (before the unit): 20余次, 3000多欧元.
INFIX_QUALIFIERS: dict[str, str] = {"余": "more_than", "多": "more_than"}

#: Qualifier words written after the unit.
SUFFIX_QUALIFIERS: dict[str, str] = {
    "左右": "approx", "上下": "approx",
    "以上": "at_least", "及以上": "at_least", "(含)以上": "at_least",
    "以下": "less_than",
    # 含 ("included") and 及 ("and") put the figure itself inside: at most, not below.
    "及以下": "at_most", "(含)以下": "at_most",
    "以内": "at_most", "之内": "at_most", "(含)以内": "at_most",
    "多": "more_than", "余": "more_than",
    # 3年内, 30天内: within a duration (read only after a duration: 12个乡镇内 is a place).
    "内": "at_most",
}  # fmt: skip

#: Words written before a bare magnitude (上百个, 上万人次): 上 is "reaching", at least that
#: many. Read only there: before a number 上 is a word of its own (上年, 线上).
BARE_MAGNITUDE_PREFIXES: dict[str, str] = {"上": "at_least"}

#: Rate words and the denominators they name, entity first, then time.
PER_WORDS: dict[str, str] = {
    "人": "person", "户": "household", "村": "village", "亩": "mu", "家": "household",
    "年": "year", "月": "month", "天": "day", "日": "day",
}  # fmt: skip

#: Compound rate words written before a number: 年人均2500元.
RATE_PREFIXES: dict[str, tuple[str, ...]] = {
    "人均": ("person",),
    "户均": ("household",),
    "村均": ("village",),
    "亩均": ("mu",),
    "年均": ("year",),
    "月均": ("month",),
    "日均": ("day",),
    "年人均": ("person", "year"),
    "人均年": ("person", "year"),
    "月人均": ("person", "month"),
    "人均月": ("person", "month"),
    "户年均": ("household", "year"),
}

#: The order denominators are kept in: the counted entity before the time.
PER_ORDER = ("person", "household", "village", "mu", "year", "month", "day")

RANGE_SEPARATORS = ("——", "—", "–", "--", "-", "~", "〜", "至", "到")
