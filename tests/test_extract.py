from __future__ import annotations

import pickle
from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povertydata import Figure, Mention, ParseError, extract, parse

from scoring import as_written
from strategies import any_text, report_text

D = Decimal


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in extract(text)]


def test_reads_a_report_sentence() -> None:
    text = "2017年市级安排1800万元扶贫资金,16个贫困村每村有50万元的互助资金"
    mentions = extract(text)
    assert [(m.text, m.kind) for m in mentions] == [
        ("2017年", "year"),
        ("1800万元", "quantity"),
        ("16个", "quantity"),
        ("50万元", "quantity"),
    ]
    money = mentions[1]
    assert (money.start, money.end) == (9, 15)
    assert text[money.start : money.end] == money.text
    assert money.figure == Figure(D(18000000), unit="CNY")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“2015年25个贫困村销号、5122户18442人越线”",
            [("2015年", "year"), ("25个", "quantity"), ("5122户", "quantity"), ("18442人", "quantity")],
        ),
        ("贫困发生率由2015年底的13.2%下降至10.3%", [("2015年", "year"), ("13.2%", "quantity"), ("10.3%", "quantity")]),
        ("低于全国平均水平1.54个百分点", [("1.54个百分点", "quantity")]),
        ("较上年增长近6倍", [("近6倍", "quantity")]),
        ("按照1:10的比例放大", [("1:10", "quantity")]),
        ("每户可申请15—30万元互助资金", [("15—30万元", "quantity")]),
        ("单笔不超过2万元,还款期限最长不超过12个月", [("不超过2万元", "quantity"), ("不超过12个月", "quantity")]),
        ("每人每天150元住院津贴", [("每人每天150元", "quantity")]),
        ("按照年人均2500元标准", [("年人均2500元", "quantity")]),
        ("个人缴费50元/年", [("50元/年", "quantity")]),
        ("先后两次对全市建档立卡", [("两次", "quantity")]),
        ("研究部署20余次", [("20余次", "quantity")]),
        ("投入各类帮扶资金超过10亿元", [("超过10亿元", "quantity")]),
        ("11.6万贫困人口退出", [("11.6万贫困人口", "quantity")]),
        ("发展草食牲畜3万头、土蛋鸡24.9万羽", [("3万头", "quantity"), ("24.9万羽", "quantity")]),
        ("已解决5.9万贫困人口饮水安全问题", [("5.9万贫困人口", "quantity")]),
        ("22.12.2015  18:31", [("22.12.2015", "date"), ("18:31", "date")]),
        ("1月17日,省十二届人大六次会议召开", [("1月17日", "date")]),
        ("截至11月底,累计解决", [("11月底", "date")]),
        ("2014—2015年脱贫户", [("2014—2015年", "year")]),
        # names, not quantities
        # a name in quotes keeps them, as every quoted slogan does (“六个精准”)
        ("“十三五”脱贫攻坚规划", [("“十三五”", "name")]),
        ("“五个一批”政策举措", [("“五个一批”", "name")]),
        ('推行"530"小额贷款', [('"530"', "name")]),
        ("建立“24121”帮扶制度", [("“24121”", "name")]),
        ("“1+8+10”脱贫攻坚政策体系", [("“1+8+10”", "name")]),
        ("“5+2”医疗救助政策", [("“5+2”", "name")]),
        ("开展了“453”挂图作战", [("“453”", "name")]),
        ("以“五个精准”为着力点", [("“五个精准”", "name")]),
        # not mentions at all
        ("第一书记和扶贫干部", []),
        ("一是对贫困人口进行再审查,二是完善档案", []),
        ("进一步巩固脱贫攻坚成果", []),
        ("贫困户住房焕然一新", []),
        ("强力推进脱贫清零巩固提升工作", []),
        ("做到了一户一本台账、一户一个脱贫计划", []),
        ("(一)密集式调研。", []),
        ("1、组织重视。\n2. 加大投入。", []),
        ("位居全国前5位", []),
        ("Normal.dotm2111799MicrosoftOfficeWord", []),
    ],
)
def test_extract(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # policy bundles with letters are names, like 1+8+10
        ("“3+X”产业模式和“1+N”帮扶机制", [("“3+X”", "name"), ("“1+N”", "name")]),
        ("实行“1+1+N”结对帮扶", [("“1+1+N”", "name")]),
        # numbers inside Latin names are no figures
        ("新建4A级景区、5G基站和10kV线路", []),
        ("受COVID-19和2019-nCoV影响", []),
        # a numeral followed by a word that starts with a unit word, or naming a period
        ("合作社成员中贫困户占三成左右，带动3户成为示范户", [("三成左右", "quantity"), ("3户", "quantity")]),
        ("配发电动三轮车300辆", [("300辆", "quantity")]),
        ("20世纪80年代修建的水渠，三年级和3-5年级学生", []),
        # bare magnitudes need a hedge
        (
            "千余名党员，万余名群众，近千户贫困户，上百个村",
            [("千余名", "quantity"), ("万余名", "quantity"), ("近千户", "quantity"), ("上百个", "quantity")],
        ),
        ("千村万户、千万不能、线上千人培训、千家万户、三番五次、四面八方", []),
        # 成千上万 says "at least thousands": a figure (the least it names)
        ("成千上万", [("成千上万", "quantity")]),
        # a grade (二级危房, 1级残疾) is no count; 2,556级 steps are
        ("二级危房、1-2级残疾人、台阶2,556级", [("2,556级", "quantity")]),
        # numerals in place names are no figure
        ("六盘水市、七台河市、三门峡市、五家渠市", []),
        # nor in a name with a letter before its numeral: 三角 is no 0.3 yuan here
        ("走进珠三角、长三角和黄河三角洲的家庭", []),
        ("每斤三角", [("三角", "quantity")]),
        # full-width letters are letters: ４Ｇ is 4G, no figure
        ("自然村通４Ｇ网络、5G基站", []),
        # 10千伏 names a class of power line, as 10kV does
        ("新建10千伏线路35公里", [("35公里", "quantity")]),
        # runs of months and days are dates; 12月至2019年3月 names a year only at its end
        ("今年1-9月，全县", [("1-9月", "date")]),
        ("12月至2019年3月", [("12月", "date"), ("2019年3月", "date")]),
        ("仔猪按3-6月龄标准采购", [("3-6月龄", "quantity")]),
        # 1 200万元 is 1200万元 or 1 and 200万元: neither is read
        ("总投资1 200万元，其中财政资金 800 万元", [("800 万元", "quantity")]),
        # 约为 hedges; 内 qualifies a duration only
        (
            "约为45%，在12个乡镇内，3个月内完成",
            [("约为45%", "quantity"), ("12个", "quantity"), ("3个月内", "quantity")],
        ),
        # 一 before 倍 and 个百分点 is one; before a measure word it is the article
        ("提高了近一倍，下降一个百分点，一个村", [("近一倍", "quantity"), ("一个百分点", "quantity")]),
    ],
)
def test_extract_report_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("全市七成以上的贫困人口", Figure(D(70), unit="percent", qualifier="at_least", classifier="成")),
        (
            "每个村配备三四个网格员",
            Figure(unit="count", qualifier="approx", low=D(3), high=D(4), per=("village",), classifier="个"),
        ),
        ("近1/3的贫困人口", Figure(unit="percent", qualifier="nearly", terms=(D(1), D(3)))),
        ("千分之三的农户", Figure(D("0.3"), unit="percent", terms=(D(3), D(1000)))),
        ("实现百分之百全覆盖", Figure(D(100), unit="percent")),
        ("累计争取各类资金亿余元", Figure(D(100000000), unit="CNY", qualifier="more_than")),
        ("吸引游客上万人次", Figure(D(10000), unit="person_time", qualifier="at_least", classifier="人次")),
        ("装机规模3.6万千瓦", Figure(D(36000), unit="kW")),
        ("2019年1至10月份，共接待", Figure(unit="date", when="2019-01/2019-10")),
        ("一二月份为农闲时节", Figure(unit="date", when="--01/--02")),
        ("返贫率控制在3‰以内", Figure(D("0.3"), unit="percent", qualifier="at_most", classifier="‰")),
    ],
)
def test_extract_reads_the_figure(text: str, figure: Figure) -> None:
    (mention,) = extract(text)
    assert mention.figure == figure
    assert parse(mention.text) == as_written(mention)


def test_a_section_number_keeps_no_qualifier() -> None:
    # 0.5个以上: no count of half a thing, so the measure word and what follows it are left out.
    (mention,) = extract("0.5个以上")
    assert (mention.text, mention.figure) == ("0.5", Figure(D("0.5")))


@pytest.mark.parametrize(
    "text",
    [
        "3美元5角", "12日元", "300千瓦", "5千米长", "80年代", "8成以上", "1.5‰", "30天内",
        # years the scan reads, and those it leaves to the full reader
        "2017年", "2017年度", "2017年底", "2017年至今", "2017年1月", "2017年度3月", "2017年—2018年",
        "1980年代", "2500年", "2017万年", "12017年", "“2017年”", "约2017年",
        # words around a number and its unit
        "约2亿元", "超过10亿元", "不超过2万元", "每户8万元", "每户最高5万元", "年人均2500元", "资金约2亿元",
        "人民币5个", "前约5名", "近3年来", "近3年", "20%以上", "5万元(含)以上", "5000人左右", "12个月以内",
        "50元/年", "50元以上/年", "7.8万人(其中", "3个多", "20余次", "9000多户", "2万多人", "5余千米",
        "20余万元", "约5个 -6个", "高于55日币", "资金1800万元", "1,800万元", "建设,2个", "1 200万元",
        # a Chinese digit and a measure word
        "两项政策", "先后三次", "五个一批", "“五个精准”", "十二届人大六次会议", "三保障", "三千米", "五月龄",
        "两个亿", "第三批", "二期工程",
        # 一 as the article, and where it is not
        "一个贫困户", "一年来", "一个月", "一个百分点", "一个亿", "一个一批", "近一倍", "“一户一策”", "一户一策",
        # a number and 万 or 亿 with no unit
        "29万新增低保对象", "2.05万贫困残疾人", "11万原低保对象", "29万以上", "29万成员", "29万5G", "29万 200",
        # quoted slogans, ordinals and names
        "“四个扎扎实实”", "“三免一补”政策", "“十三五”期间", "“530”小额贷款", "第四十八期", "第3至5月",
    ],
)  # fmt: skip
def test_fast_path_agrees_on_report_forms(text: str) -> None:
    full, fast = _both_paths(text)
    assert fast == full


def test_year_and_date_figures() -> None:
    year, date = extract("2017年1月17日和2016年")[::-1][::-1][1], extract("2017年1月17日")[0]
    assert date.figure == Figure(unit="date", when="2017-01-17")
    assert year.figure == Figure(D(2016), unit="year", when="2016")


def test_names_have_no_figure() -> None:
    (mention,) = extract("“十三五”期间")
    assert mention.kind == "name" and mention.figure is None


def test_full_width_text_keeps_offsets() -> None:
    text = "共投入１８００万元，占比７５％"
    mentions = extract(text)
    assert [m.text for m in mentions] == ["１８００万元", "７５％"]
    assert mentions[0].figure == Figure(D(18000000), unit="CNY")
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_extract_refuses_non_text() -> None:
    with pytest.raises(TypeError):
        extract(b"100\xe5\x85\x83")  # type: ignore[arg-type]


def test_mentions_pickle() -> None:
    mentions = extract("投入1800万元,惠及5122户18442人")
    assert pickle.loads(pickle.dumps(mentions)) == mentions


def test_every_seed_extracts_cleanly(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        mentions = extract(text)
        assert mentions
        _check_mentions(text, mentions)


def _check_mentions(text: str, mentions: list[Mention]) -> None:
    last = 0
    for m in mentions:
        assert 0 <= last <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        last = m.end
        if m.kind == "name":
            assert m.figure is None
            with pytest.raises(ParseError):
                parse(m.text)
        else:
            assert m.figure is not None
            assert m.figure._problems() is None, m
            assert as_written(m) == parse(m.text), m
            for name in ("value", "low", "high"):
                value = getattr(m.figure, name)
                assert value is None or type(value) is Decimal


@settings(max_examples=300)
@given(any_text)
def test_extract_on_any_text_gives_sound_mentions(text: str) -> None:
    _check_mentions(text, extract(text))


@settings(max_examples=300)
@given(report_text)
def test_extract_on_report_like_text_gives_sound_mentions(text: str) -> None:
    _check_mentions(text, extract(text))


def _both_paths(text: str) -> tuple[list[Mention], list[Mention]]:
    # The grammar alone (every candidate read in full) and the fast path, as extract runs it.
    from povertydata.figures._scan import mentions
    from povertydata.numerals import EXACT

    with localcontext(EXACT):
        full = mentions(text, fast_path=False)
    return full, extract(text)


def test_fast_path_reads_the_seeds_as_the_full_reader_does(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        full, fast = _both_paths(text)
        assert fast == full


@settings(max_examples=500)
@given(report_text)
def test_fast_path_reads_any_text_as_the_full_reader_does(text: str) -> None:
    full, fast = _both_paths(text)
    assert fast == full


_PIECES = [
    *["约", "近", "超过", "不超过", "不足", "每户", "每人每年", "年人均", "人民币", "资金", "美金", "第", "前", "“", "”"],
    *["，", ",", "、", "。", "(含)", "点", "来", "以上", "以下", "左右", "多", "余", "内", "/年", "/人", "至", "—", "-"],
    *["户", "人", "名", "位", "个", "个月", "个百分点", "次", "项", "届", "年", "年度", "年代", "月", "日", "成", "成员"],
    *["元", "万元", "亿元", "块", "角", "美元", "%", "‰", "倍", "亩", "公里", "千米", "千瓦", "MW", "kW", "贫困人口"],
    *["万", "亿", "一", "两", "三", "十", "二〇一七", "一批", "会议", "5", "20", "2017", "1.5", "0.42", "1,800"],
    *[" ", "日币", "日元", "号"],
]  # fmt: skip
# Text built of the words around figures, stray spaces and 日币 (yen, not a day) among them.
piece_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.integers(0, 3000).map(str)), max_size=8).map("".join)


@settings(max_examples=500)
@given(piece_text)
def test_fast_path_reads_figures_with_words_around_them_as_the_full_reader_does(text: str) -> None:
    full, fast = _both_paths(text)
    assert fast == full


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 余 and 多 after a number hedge it with or without a unit after them (the noun
        # before it says what it counts)
        ("共有贫困户1000多，其中", [("1000多", Figure(D(1000), unit="household", qualifier="more_than"))]),
        ("共有1000多，其中", [("1000多", Figure(D(1000), qualifier="more_than"))]),
        # 度 is a kilowatt-hour only after 电 (or 电量); elsewhere running text means something
        # else by it (degrees), and the figure is passed over
        ("年发电120万度，", [("120万度", Figure(D(1200000), unit="kWh", per=("year",)))]),
        ("发电量约3度", [("约3度", Figure(D(3), unit="kWh", qualifier="approx"))]),
        ("120万度电", [("120万度电", Figure(D(1200000), unit="kWh"))]),
        ("气温25度", []),
        # a range whose ends are out of order is no figure, nor is either end alone
        ("30—15万元，另2万元", [("2万元", Figure(D(20000), unit="CNY"))]),
    ],
)
def test_extract_reads(text: str, expected: list[tuple[str, Figure]]) -> None:
    assert [(m.text, m.figure) for m in extract(text)] == expected


def test_a_long_run_of_dashes_after_a_number_is_passed_over() -> None:
    # A recursive look for a letter after the dashes overflowed the stack.
    assert [m.text for m in extract("5" + "-" * 3000)] == ["5"]


@pytest.mark.parametrize(
    ("text", "span", "figure"),
    [
        # a range with spaces around its word is one range, as parse reads it
        ("补助15万元 -30万元", "15万元 -30万元", Figure(unit="CNY", low=D(150000), high=D(300000))),
        ("补助15万元 - 30万元。", "15万元 - 30万元", Figure(unit="CNY", low=D(150000), high=D(300000))),
        ("共3户 ~5户", "3户 ~5户", Figure(unit="household", low=D(3), high=D(5), classifier="户")),
        ("发放4份 至5份", "4份 至5份", Figure(unit="count", low=D(4), high=D(5), classifier="份")),
        # a lone 一 or a digit equal to the high end's opens a range
        ("补助一到三万元", "一到三万元", Figure(unit="CNY", low=D(10000), high=D(30000))),
        ("一至两万元", "一至两万元", Figure(unit="CNY", low=D(10000), high=D(20000))),
        ("二至二十亿元", "二至二十亿元", Figure(unit="CNY", low=D(200000000), high=D(2000000000))),
        ("四到四十万元", "四到四十万元", Figure(unit="CNY", low=D(40000), high=D(400000))),
        ("三到九十亿元", "三到九十亿元", Figure(unit="CNY", low=D(300000000), high=D(9000000000))),
        # a colon between numbers that are no time of day is a ratio
        ("比例为50:50。", "50:50", Figure(unit="ratio", terms=(D(50), D(50)))),
        ("按1:2:3配套", "1:2:3", Figure(unit="ratio", terms=(D(1), D(2), D(3)))),
        ("24:00前完成", "24:00", Figure(unit="date", when="T24:00")),
    ],
)
def test_extract_reads_the_whole_figure(text: str, span: str, figure: Figure) -> None:
    mentions = extract(text)
    assert [(m.text, m.figure) for m in mentions] == [(span, figure)]
    assert parse(span) == figure


@pytest.mark.parametrize("text", ["七到八十万元", "7到80万元", "7到80人", "30—15万元", "七到八十"])
def test_a_range_in_doubt_is_passed_over_whole(text: str) -> None:
    # Neither end alone is the figure: 80万元 would be a wrong number.
    assert extract(f"每户补助{text}，") == []


def test_the_callers_decimal_context_changes_no_mention() -> None:
    text = "补助12345元1角，共12345.67万元，3至5万元"
    expected = extract(text)
    with localcontext() as ctx:
        ctx.prec = 4
        assert extract(text) == expected
    assert expected[0].figure == Figure(D("12345.1"), unit="CNY")


def test_a_long_run_of_magnitudes_is_passed_over() -> None:
    assert extract("共" + "1万" * 986 + "元") == []
    assert extract("一万" * 50000) == []


# -- reading across words: what words outside a mention's text give its figure ---------------


@pytest.mark.parametrize(
    ("text", "span", "figure", "cues"),
    [
        # a rate word governs the amount after it in its clause, across verbs and nouns
        ("每户补助3至5万元", "3至5万元", Figure(unit="CNY", low=D(30000), high=D(50000), per=("household",)),
         [("per", "每户")]),
        ("每村每年可增收20万元", "20万元", Figure(D(200000), unit="CNY", per=("village", "year")),
         [("per", "每村"), ("per", "每年")]),
        ("户均年增收1500元", "1500元", Figure(D(1500), unit="CNY", per=("household", "year")),
         [("per", "户均"), ("per", "年")]),
        ("月工资不低于800元", "不低于800元", Figure(D(800), unit="CNY", qualifier="at_least", per=("month",)),
         [("per", "月")]),
        ("每个深度贫困村安排资金50万元", "50万元", Figure(D(500000), unit="CNY", per=("village",)),
         [("per", "每个深度贫困村")]),
        ("每名辅导员发放报酬3000元", "3000元", Figure(D(3000), unit="CNY", per=("person",)), [("per", "每名")]),
        ("每头母牛补助2000元", "2000元", Figure(D(2000), unit="CNY", per=("item",)), [("per", "每头")]),
        ("亩产干椒七八十斤", "七八十斤", Figure(unit="jin", qualifier="approx", low=D(70), high=D(80), per=("mu",)),
         [("per", "亩产")]),
        ("一户能收入三四万元", "三四万元", Figure(unit="CNY", qualifier="approx", low=D(30000), high=D(40000),
                                                   per=("household",)), [("per", "一户")]),
        # a share takes only a time: a growth of a per-head income is no per-head amount
        ("人均收入年均增长11.2%", "11.2%", Figure(D("11.2"), unit="percent", per=("year",)), [("per", "年均")]),
        ("人均可支配收入翻了一番", "翻了一番", Figure(D(2), unit="fold"), []),
        # a hedge before the verb governs the amount after it
        ("每户最高补助5万元", "5万元", Figure(D(50000), unit="CNY", qualifier="at_most", per=("household",)),
         [("per", "每户"), ("qualifier", "最高")]),
        ("不低于当地低保标准的1.3倍", "1.3倍", Figure(D("1.3"), unit="fold", qualifier="at_least"),
         [("qualifier", "不低于")]),
        # but not one that stands in a phrase of its own, nor a noun that begins with one
        ("最高的村达到86万元", "86万元", Figure(D(860000), unit="CNY"), []),
        ("不超过标准的家庭补助2000元", "2000元", Figure(D(2000), unit="CNY"), []),
        ("最低生活保障标准为450元", "450元", Figure(D(450), unit="CNY"), []),
        # a line break's space inside a rate word (每人每 天)
        ("每人每 天住院津贴150元", "150元", Figure(D(150), unit="CNY", per=("person", "day")),
         [("per", "每人"), ("per", "每 天")]),
        # units from the noun: before, after, 的 between, verbs between
        ("贫困人口减少91.8万", "91.8万", Figure(D(918000), unit="person"), [("unit", "贫困人口")]),
        ("减少贫困户2.1万", "2.1万", Figure(D(21000), unit="household"), [("unit", "贫困户")]),
        ("12万无劳动能力的贫困人口", "12万", Figure(D(120000), unit="person"), [("unit", "贫困人口")]),
        ("数以万计的彝族群众", "数以万计", Figure(D(10000), unit="person", qualifier="at_least"), [("unit", "群众")]),
        ("投入资金2000万", "2000万", Figure(D(20000000), unit="CNY"), [("unit", "资金")]),
        ("凑了三万五的启动资金", "三万五", Figure(D(35000), unit="CNY"), [("unit", "资金")]),
        # 各村, 各户 opening a clause: each village, each household
        ("项目建成后，各村享有0.4MW光伏项目的收益", "0.4MW", Figure(D("0.4"), unit="MW", per=("village",)),
         [("per", "各村")]),
        ("各贫困户补助2万元", "2万元", Figure(D(20000), unit="CNY", per=("household",)), [("per", "各贫困户")]),
    ],
)  # fmt: skip
def test_extract_reads_across_words(text: str, span: str, figure: Figure, cues: list[tuple[str, str]]) -> None:
    (mention,) = [m for m in extract(text) if m.kind == "quantity"]
    assert (mention.text, mention.figure) == (span, figure)
    assert [(c.field, c.text) for c in mention.cues] == cues
    assert all(text[c.start : c.end] == c.text for c in mention.cues)
    assert mention.inferred == tuple(f for f in ("per", "unit", "qualifier") if f in {c[0] for c in cues})
    assert parse(span) == as_written(mention)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause boundary, a list mark and a second amount end the binding
        ("每户补助2万元，另补助0.5万元", [("per", ("household",)), ("per", ())]),
        ("每户发放仔猪2头，饲料200公斤", [("per", ("household",)), ("per", ())]),
        # 各村 and 各户 are rate words only where they open their clause
        ("深入各村开展巡回演出25场", [("per", ())]),
        ("对贫困户、各村安排5万元", [("per", ())]),
        ("各村增长12%", [("per", ())]),
        ("人均纯收入由2650元增加到11200元", [("per", ("person",)), ("per", ())]),
        ("每村安排50万元，其中30万元用于产业", [("per", ("village",)), ("per", ())]),
        # a sibling in 元 makes a bare number yuan, in the same sentence only
        ("每户再补助2万，每人再补助3000元", [("unit", "CNY"), ("unit", "CNY")]),
        ("每户再补助2万。每人再补助3000元", [("unit", "number"), ("unit", "CNY")]),
        # after 其中 and a list mark, the unit of the noun-counted amount before
        ("现有贫困人口21.6万，其中因病致贫的4.3万、因残致贫的1.8万", [("unit", "person")] * 3),
        # a written unit is never overridden
        ("贫困人口3000户", [("unit", "household")]),
        # 全年, 今年, a year before 收入 make no rate
        ("全年收入3000元，今年收入2000元，2019年收入1000元", [("per", ())] * 3),
        # what a class of persons does so often (a count of acts, a span of days) is per person
        ("帮扶领导每个月至少到贫困村2次", [("per", ("person", "month"))]),
        ("驻村工作队员每个月至少在贫困村住15天", [("per", ("person", "month"))]),
        ("帮扶干部每月2次", [("per", ("person", "month"))]),
        # but not an amount of money or of people, nor with no person before the time word
        ("全县干部每年培训3000人次", [("per", ("year",))]),
        ("老人每月领取100元", [("per", ("month",))]),
        ("贫困户每年入户走访2次", [("per", ("year",))]),
        # a ratio has no rate, whatever rate word stands before it
        ("每年按8:45的比例分配", [("per", ())]),
        # the 年 of a year is no rate word: 2017年人均 is per person, 全县年人均 per person-year
        ("2017年人均可支配收入达到5000元", [("per", ("person",))]),
        ("全县年人均可支配收入达到5000元", [("per", ("person", "year"))]),
        ("2019年户均增收3000元", [("per", ("household",))]),
    ],
)
def test_the_binding_ends_where_the_contract_says(text: str, expected: list[tuple[str, object]]) -> None:
    figures = [m.figure for m in extract(text) if m.kind == "quantity"]
    assert [(name, getattr(f, name)) for (name, _), f in zip(expected, figures, strict=True)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every later item of a 、-list with no rate word of its own takes the rate before it
        ("每户发放仔猪2头、饲料200公斤", [("2头", ("household",), "每户"), ("200公斤", ("household",), "每户")]),
        ("每亩补助现金1,200元、种苗造林费300元", [("1,200元", ("mu",), "每亩"), ("300元", ("mu",), "每亩")]),
        ("每位区领导联系2个贫困村、结对帮扶4户贫困户", [("2个", ("person",), "每位"), ("4户", ("person",), "每位")]),
        # but an item that names its own subject, a person, is a clause of its own
        ("每个区级部门帮扶1个贫困村、部门处级领导结对帮扶2户贫困户", [("1个", ("item",), "每个"), ("2户", (), None)]),
        # the rate written against the first item (年人均2016元, 3000元/户) is the cue
        ("年人均2016元、400元标准", [("年人均2016元", ("person", "year"), None), ("400元", ("person", "year"), "年人均")]),
        ("3000元/户、2000元", [("3000元/户", ("household",), None), ("2000元", ("household",), "/户")]),
        # an item with its own rate word keeps it, and the items after take the nearest
        ("人均2万元、户均不超过8万元", [("人均2万元", ("person",), None), ("户均不超过8万元", ("household",), None)]),
        ("每人每天津贴150元、每人医疗2万元、伤残30万元",
         [("150元", ("person", "day"), "每人每天"), ("2万元", ("person",), "每人"), ("30万元", ("person",), "每人")]),
        # a share takes only a time
        ("人均收入5000元、增长12%", [("5000元", ("person",), "人均"), ("12%", (), None)]),
        ("年均增长5%、8%", [("5%", ("year",), "年均"), ("8%", ("year",), "年均")]),
        # the list ends at a clause boundary
        ("每户补助2万元、3万元；4万元", [("2万元", ("household",), "每户"), ("3万元", ("household",), "每户"),
                                          ("4万元", (), None)]),
    ],
)  # fmt: skip
def test_a_list_shares_the_rate_of_the_item_before(
    text: str, expected: list[tuple[str, tuple[str, ...], str | None]]
) -> None:
    found = [m for m in extract(text) if m.kind == "quantity"]
    assert [(m.text, m.figure.per if m.figure else None) for m in found] == [(span, per) for span, per, _ in expected]
    for m, (_, _, word) in zip(found, expected, strict=True):
        cues = [c for c in m.cues if c.field == "per"]
        # the cue is the rate word of the nearest item before that has one (None: written)
        assert "".join(c.text for c in cues) == (word or "")
        assert all(text[c.start : c.end] == c.text for c in cues)
        if word:
            assert all(text.rfind(word, 0, m.start) <= c.start < m.start for c in cues)


@pytest.mark.parametrize(
    ("text", "span", "word"),
    [
        ("到12点", "12", "点"),
        ("清淤5000方", "5000", "方"),
        ("步行30分钟", "30", "分钟"),
        ("投入500万发展产业", "500万", "发"),
    ],
)
def test_a_number_before_a_measure_word_the_reader_does_not_read_says_so(text: str, span: str, word: str) -> None:
    (mention,) = extract(text)
    assert mention.text == span and mention.figure is not None and mention.figure.classifier is None
    assert mention.note is not None and mention.note.startswith(f"followed by {word},")


def test_a_number_before_a_word_it_reads_has_no_note() -> None:
    assert [(m.text, m.note) for m in extract("新建温室120棚，硬化道路28段")] == [("120棚", None), ("28段", None)]
