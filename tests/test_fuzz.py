"""Fuzzing the text reader, the normaliser and the parsers: any text gives a Document, a Report or a
clear InputError — never another exception — and output no larger than a fixed multiple of the input.

The alphabet mixes the words, digits, units, comparators, table rulers and separators the readers
key on with arbitrary characters, so hypothesis reaches the headings, goal tables, fund blocks and
quantity patterns rather than only noise. Examples are few and unhurried (deadline=None): CI time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportparse.errors import InputError
from reportparse.model import Cell, Document, Source, SourceFormat, Table
from reportparse.normalise import find_quantities, normalise_report, parse_number, parse_quantity
from reportparse.parse import parse_report
from reportparse.readers.text import read_text

#: fragments a report is made of: headings, labels, numbers, units, comparators, table rulers
WORDS = [
    "一、", "二、", "（一）", "1.", "1.1", "项目名称：", "项目资金", "年度资金总额", "年初预算数", "全年执行数",
    "执行率", "万元", "元", "%", "％", "分", "得分", "权重", "指标", "数量指标：", "质量指标", "时效指标",
    "满意度", "产出指标", "效益指标", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "不低于",
    "不少于", "≥", "≤", "以上", "约", "共计", "合计", "以上项目", "3个项目", "拍摄", "部", "次", "人次",
    "优", "良", "自评得分", "综合得分", "年度目标", "绩效目标", "完成", "达到", "。", "，", "；", "：",
    "|", "\t", "  ", "---", "┃", "━", "\n", "\n\n", "\f", "（", "）", "第1页", "2021年",
    "0", "1", "9", "12", "100", "0.93", "1,000", "3.5", "十", "二十", "百分之",
]
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=120).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: output items per input character beyond which something is multiplying, not reading
GROWTH = 4


def _read(text: str) -> Document:
    data = text.encode("utf-8")
    source = Source(path="fuzz.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return read_text(Path("fuzz.txt"), data, source)


def _size(document: Document) -> int:
    return sum(len(e.text) if e.kind == "paragraph" else sum(len(c.text) for row in e.rows for c in row)
               for e in document.elements)


@SETTINGS
@given(TEXT)
def test_text_reader_reads_or_refuses(text: str) -> None:
    try:
        document = _read(text)
    except InputError as exc:
        assert exc.reason and exc.message
        return
    assert _size(document) <= GROWTH * len(text) + 16


@SETTINGS
@given(TEXT)
def test_parse_and_normalise_never_raise_unexpectedly(text: str) -> None:
    try:
        document = _read(text)
        report = normalise_report(parse_report(document))
    except InputError as exc:
        assert exc.reason and exc.message
        return
    indicators = sum(len(p.indicators) for p in report.projects)
    actuals = sum(len(i.actuals) for p in report.projects for i in p.indicators)
    assert len(report.projects) + indicators + actuals <= GROWTH * len(text) + 16


@SETTINGS
@given(TEXT)
def test_normaliser_functions_never_raise(text: str) -> None:
    found = find_quantities(text)
    assert len(found) <= len(text)
    parse_number(text)
    parse_quantity(text)


@SETTINGS
@given(st.text(alphabet="0123456789.,万亿元%", min_size=1, max_size=80))
def test_long_numbers_are_read_or_left_alone(text: str) -> None:
    parse_number(text)
    parse_quantity(text)
    assert len(find_quantities(text)) <= len(text)


#: what the cells of a 自评表 hold: its labels, levels, figures and grades
CELL_WORDS = [
    "项目名称", "主管部门", "实施单位", "年度资金总额", "其中：财政拨款", "其他资金", "年初预算数", "全年预算数",
    "全年执行数", "分值", "执行率", "得分", "年度总体目标", "绩效指标", "一级指标", "二级指标", "三级指标",
    "年度指标值", "实际完成值", "偏差原因分析及改进措施", "产出指标", "数量指标", "质量指标", "时效指标",
    "成本指标", "效益指标", "社会效益指标", "满意度指标", "服务对象满意度", "总分", "100", "10", "20", "9.5",
    "≥95%", "≤30天", "=100%", "优", "良", "", "", "部", "个", "%", "万元", "合格", "按时完成",
]
GRID = st.integers(min_value=1, max_value=9).flatmap(
    lambda width: st.lists(st.lists(st.sampled_from(CELL_WORDS) | st.text(max_size=4), min_size=width,
                                    max_size=width), min_size=1, max_size=25)
)


@SETTINGS
@given(st.lists(GRID, min_size=1, max_size=3))
def test_form_parsers_take_any_grid(grids: list[list[list[str]]]) -> None:
    tables = [
        Table(index=i, page=1, pages=[1], sheet="Sheet1",
              rows=[[Cell(text=text, row=r, col=c, page=1) for c, text in enumerate(row)]
                    for r, row in enumerate(grid)])
        for i, grid in enumerate(grids)
    ]
    source = Source(path="fuzz.xlsx", format=SourceFormat.XLSX, sha256="0" * 64, pages=1)
    try:
        report = normalise_report(parse_report(Document(source=source, elements=list(tables))))
    except InputError as exc:
        assert exc.reason and exc.message
        return
    cells = sum(len(row) for grid in grids for row in grid)
    assert sum(len(p.indicators) for p in report.projects) <= cells
