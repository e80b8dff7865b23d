"""Goal lines whose level label stands alone on its line, or runs its group's label into it (parse/goallines.py)."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Document, Line, Paragraph, Project, Source, SourceFormat
from reportparse.parse.narrative import parse_narrative


def _doc(*texts: str) -> Document:
    """One paragraph per text, one physical line each."""
    elements = [Paragraph(text=text, page=1, lines=[Line(text=text, page=1, line=n)], spans=[(0, len(text))])
                for n, text in enumerate(texts, start=1)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=elements)


def _targets(project: Project) -> dict[str, tuple[str | None, str | None, Decimal | None, str | None]]:
    return {i.name: (i.level, i.target.comparator, i.target.value, i.target.unit) if i.target else
            (i.level, None, None, None) for i in project.indicators}


def test_label_alone_then_its_items_on_the_next_line() -> None:
    report = parse_narrative(_doc(
        "某镇2023年度污水管网延伸工程绩效自评报告",
        "一、项目概况",
        "本项目年度预算资金80万元，全年执行78万元。",
        "二、项目绩效目标",
        "数量指标：",
        "南街新铺污水管网1.2公里；北街新建检查井16座。",
        "质量指标：工程验收合格率100%",
    ))
    targets = _targets(report.projects[0])
    assert targets["南街新铺污水管网"] == ("产出/数量", "=", Decimal("1.2"), "公里")
    assert targets["北街新建检查井"] == ("产出/数量", "=", Decimal(16), "座")
    assert targets["工程验收合格率"] == ("产出/质量", "=", Decimal(100), "%")
    pipe = next(i for i in report.projects[0].indicators if i.name == "南街新铺污水管网")
    assert pipe.evidence[0].text == "南街新铺污水管网1.2公里"


def test_numbered_label_alone_and_a_group_label_run_into_the_level() -> None:
    report = parse_narrative(_doc(
        "2022年度乡村学校营养餐补助项目支出绩效自评报告",
        "（一）项目基本情况",
        "项目预算资金46万元，已全部执行。",
        "（二）项目绩效目标",
        "（1）时效指标:",
        "补助资金拨付及时率≥95%",
        "2.效益指标社会效益指标:受惠学生≥1500人;学生营养不良率下降2个百分点。",
    ))
    targets = _targets(report.projects[0])
    assert targets["补助资金拨付及时率"] == ("产出/时效", ">=", Decimal(95), "%")
    assert targets["受惠学生"] == ("效益/社会效益", ">=", Decimal(1500), "人")


def test_a_label_alone_lends_itself_to_the_next_line_only() -> None:
    report = parse_narrative(_doc(
        "2022年度社区养老服务站运营补助项目绩效自评报告",
        "一、绩效目标",
        "数量指标：",
        "质量指标：服务投诉办结率100%",
        "全年新增床位40张，较上年增加一倍。",
        "二、绩效目标完成情况",
        "数量指标：",
        "服务老人3200人次，超出年初计划。",
    ))
    names = set(_targets(report.projects[0]))
    # (the label after a label alone has items of its own; the label of the analysis part sets no goal here)
    assert "服务投诉办结率" in names
    assert "全年新增床位" not in names and "新增床位" not in names
    assert not any(value == 3200 for _, _, value, _ in _targets(report.projects[0]).values())


def test_a_column_word_is_no_name_under_a_label_alone() -> None:
    report = parse_narrative(_doc(
        "2023年度乡镇卫生院设备购置项目绩效自评报告",
        "一、项目绩效目标",
        "（1）数量指标：",
        "2023年购置医疗设备12台，年初目标值12台，实际完成值12台。",
        "（2）质量指标：",
        "设备验收合格率，目标值100%，实际完成值100%。",
    ))
    names = set(_targets(report.projects[0]))
    assert not {"年初目标值", "目标值", "实际完成值"} & names
