"""A form's four-character labels that a document-sharing preview read from a narrow cell by columns (产出 over
指标 read 出标产指): spelt right before any reader looks for labels (parse/reading.py, `stacked_labels` of
lexicon/ocr_confusions.json), so they are levels, not indicators; and a 一级 label left in a row's name column with
no figure beside it is a group's label, no indicator (parse/form/indicatorrows.py). Built inputs, names and
figures invented, read end to end through `pipeline.check`."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.parse.reading import label_words
from tests._textforms import only_project, run


def test_a_stacked_label_is_spelt_right_one_character_for_one() -> None:
    assert label_words("自评权重理标管指20预算编审") == "自评权重管理指标20预算编审"
    assert label_words("得分出标产指数量指标") == "得分产出指标数量指标"
    assert label_words("指标性质性标定指高高") == "指标性质定性指标高高"
    # (a label spelt right, and prose, stay as they are)
    assert label_words("产出指标数量指标标出") == "产出指标数量指标标出"


# a department-wide form run together: 分解目标 | 自评权重 | 二级指标 | 三级指标 | 年度指标值 | 全年完成值 | 分值 | 得分
DEPARTMENT = (
    "1、河西镇综合文化站整体支出绩效自评表(2022年度)评价部门名称某县河西镇综合文化站下属单位个数0整体支出规模"
    "全年预算数全年执行数执行率资金来源:(1)财政拨款97.20%年度总体目标年初设定目标全年完成情况保障文化站正常运转"
    "分解目标自评权重二级指标三级指标年度指标值全年完成值分值得分偏差及原因分析"
    "理标管指20预算编审管理编制准确率100%100%1010资产管理资产完好率95%以上97%1010\n"
    "2、出标产指30数量指标任务1:送戏下乡场次12场14场1515质量指标任务1:活动参与率80%以上86%1515"
    "果标效指10社会效益指标群众文化生活丰富度显著提升显著提升1010\n"
)

# a project form run together, its 一级 column lost (二级指标 | 三级指标 | 年初目标值 | 实际完成值 | 得分)
PROJECT = (
    "2021年度农机购置补贴项目自评表单位名称:农业机械化服务中心填报日期:项目名称农机购置补贴主管部门县农业农村局"
    "项目实施单位农机服务中心预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)"
    "年度财政资金总额85.0085.00100%20二级指标三级指标年初目标值(A)实际完成值(B)得分"
    "出标产指数量指标补贴机具台数≥300台326台20质量指标机具合格率100%100%20益标效指乱码文字"
    "服务对象满意度购机户满意度≥90%96%40总分100\n"
)


def test_stacked_level_labels_of_a_department_form_are_its_levels(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, DEPARTMENT))
    levels = {s.level: (s.weight, s.score) for s in project.scores}
    assert levels["管理"] == (Decimal(20), Decimal(20))
    assert levels["产出"] == (Decimal(30), Decimal(30))
    names = [i.name for i in project.indicators]
    assert not any(word in name for name in names for word in ("理标管指", "出标产指", "果标效指", "指标"))
    art = next(i for i in project.indicators if "群众文化生活丰富度" in i.name)
    assert art.level == "效益/社会效益"


def test_a_group_label_in_the_name_column_is_no_indicator(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, PROJECT))
    names = [i.name for i in project.indicators]
    assert names == ["补贴机具台数", "机具合格率", "购机户满意度"]
    machines = project.indicators[0]
    assert machines.level == "产出/数量" and machines.score == Decimal(20)
