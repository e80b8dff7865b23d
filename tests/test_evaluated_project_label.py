"""A scoring sheet or a form may name its project as the 评价项目 ('评价单位:X镇 | 评价项目:Y补贴 | 评价人员:'), the
label and the name in one cell or in two, under a title that names only the body ('X街道绩效自评评分表'). The
project is the 评价项目, not the title's body. Built inputs in three layouts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests._textforms import amount, only_project, run

SHEET_TWO_CELLS = (
    "某镇2021年绩效自评评分表\n"
    "某镇2021年农村公厕管护项目专项支出绩效评分细则\n"
    "评价单位\t某镇人民政府\t评价项目\t2021年农村公厕管护补助\t评价人员\t\n"
    "目标名称\t评分细则\t分值\t得分\n"
    "充分性\t制定有管护方案的得3分,否则不得分。\t3\t3\n"
    "合理性\t经费按程序报批的得3分。\t3\t2\n"
)

SHEET_ONE_CELL = (
    "2019年度某县某乡绩效自评评分表\n"
    "评价单位:某乡人民政府 | 评价项目:2019年山塘清淤整治 | 评价人员: |\n"
    "目标名称 | 评分细则 | 分值 | 得分 |\n"
    "资金到位 | 资金按时足额到位的得4分。 | 4 | 4 |\n"
    "资金使用 | 专款专用的得4分,发现挪用的不得分。 | 4 | 4 |\n"
)

FORM_INLINE = (
    "项目支出绩效自评表\n"
    "评价项目：村级河道保洁经费\t主管部门：某县水利局\n"
    "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "年度资金总额\t36\t36\t35\t10\t97.2%\t9.7\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "产出指标\t数量指标\t保洁河道长度\t≥120公里\t125公里\t30\t30\n"
    "效益指标\t社会效益指标\t河道水质达标率\t≥90%\t92%\t30\t30\n"
    "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t93%\t30\t30\n"
)


def test_a_scoring_sheet_names_its_project_in_the_cell_after_the_label(tmp_path: Path) -> None:
    assert only_project(run(tmp_path, SHEET_TWO_CELLS)).name == "2021年农村公厕管护补助"


def test_a_scoring_sheet_names_its_project_in_the_labels_own_cell(tmp_path: Path) -> None:
    assert only_project(run(tmp_path, SHEET_ONE_CELL)).name == "2019年山塘清淤整治"


def test_a_form_names_its_project_as_its_evaluated_project(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, FORM_INLINE))
    assert project.name == "村级河道保洁经费"
    assert amount(project.budget.planned) == Decimal("360000")
