"""A target whose bound sign a scan's reading turned into letters ('M90%', 'N2000人', 's5元', '三500个'), read
with the sign put back only on an OCR'd row whose measured actual lies near the figure; and a form printed
without rules whose 指标性质 column holds the letters (or the figure 2) alone ('IN' before '95%')."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import (
    BBox,
    Document,
    Evidence,
    Indicator,
    Line,
    Paragraph,
    Project,
    Report,
    Source,
    SourceFormat,
)
from reportparse.normalise import normalise_report
from reportparse.normalise.targets import parse_actual, parse_target
from reportparse.pipeline import analyse
from tests._textforms import only_project


def _normalised(target: str, actual: str, confidence: float | None, level: str, name: str) -> Indicator:
    indicator = Indicator(level=level, name=name, target=parse_target(target, level, name),
                          actuals=[parse_actual(actual)],
                          evidence=[Evidence(page=1, text=target, confidence=confidence)])
    report = Report(projects=[Project(name="某项目", indicators=[indicator])])
    return normalise_report(report).projects[0].indicators[0]


@pytest.mark.parametrize(("target", "actual", "level", "name", "comparator", "value"), [
    ("M90%", "95%", "满意度", "受检老人满意度", ">=", "90"),
    ("N2000人", "2150人", "产出/数量", "免费体检人数", ">=", "2000"),
    ("IN95%", "98%", "产出/质量", "设备维修合格率", ">=", "95"),
    ("s5元", "5元", "产出/成本", "每生每天补助标准", "<=", "5"),
    ("三500个", "450个", "产出/数量", "更换水表数量", "=", "500"),
])
def test_a_bound_sign_read_as_letters_is_put_back(target: str, actual: str, level: str, name: str,
                                                  comparator: str, value: str) -> None:
    found = _normalised(target, actual, 0.8, level, name).target
    assert found is not None and (found.comparator, found.value) == (comparator, Decimal(value))
    assert found.raw == target  # the quote stays as read


@pytest.mark.parametrize(("target", "actual", "confidence"), [
    ("M90%", "95%", None),  # a text layer's letters: what the text says, no scan's misreading
    ("M9%", "93%", 0.8),  # the actual far from the figure: a figure was lost with the sign
    ("K90%", "95%", 0.8),  # K is no sign's look-alike
    ("M90%", "", 0.8),  # no actual to settle it
])
def test_other_lettered_targets_stay_unread(target: str, actual: str, confidence: float | None) -> None:
    found = _normalised(target, actual, confidence, "满意度", "受检老人满意度").target
    assert found is not None and found.value is None


def _scan(lines: list[str]) -> Document:
    placed = [Line(text=text, page=1, bbox=BBox(x0=60.0, top=80.0 + 12 * k, x1=60.0 + 10 * len(text),
                                                 bottom=90.0 + 12 * k), confidence=0.8)
              for k, text in enumerate(lines)]
    paragraphs = [Paragraph(text=line.text, lines=[line], spans=[(0, len(line.text))], page=1) for line in placed]
    return Document(source=Source(path="scan.pdf", format=SourceFormat.PDF, sha256="0" * 64, pages=1),
                    elements=list(paragraphs))


@pytest.mark.parametrize(("row", "name"), [
    ("产出指标 质量指标 设备维修合格率 IN 95% 98 10 10", "设备维修合格率"),
    ("满意度指标 服务对象满意度指标 受益群众满意度 M 90% 94 10 10", "受益群众满意度"),
    ("产出指标 质量指标 设备维修合格率 2 95% 98 10 10", "设备维修合格率"),  # ≥ read as the figure 2
])
def test_a_sign_column_holding_letters_alone_keeps_the_row_in_its_columns(row: str, name: str) -> None:
    lines = ["项目支出绩效自评表", "项目名称 乡村供水设施维护 主管部门 某县水务局",
             "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "年度资金总额 50 50 48 10 96% 9.6",
             "一级指标 二级指标 三级指标 指标性质 指标值 度量单位 完成值 权重 得分 未完成原因分析",
             "产出指标 数量指标 维护管网长度 ≥ 120公里 126 20 20", row, "总分 40 39.6"]
    project = only_project(analyse(_scan(lines)))
    indicator = next(i for i in project.indicators if i.name == name)
    assert indicator.target is not None and indicator.target.comparator == ">="
    assert (indicator.weight, indicator.score) == (10, 10)
    assert [a.value for a in indicator.actuals][:1] in ([Decimal(98)], [Decimal(94)])


def test_a_lone_figure_before_a_single_value_is_the_target() -> None:
    """'2' with only the result after it: the row's target, not a sign (the sign's column holds nothing)."""
    from reportparse.parse.form.rowtail import sign_token

    assert not sign_token("2", ["1.5小时"]) and sign_token("2", ["120公里", "126"])
    assert not sign_token("K", ["90%"]) and sign_token("IN", ["95%"])
