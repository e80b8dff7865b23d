"""Goal rows cut off below their header whose target is printed over the 指标性质, 指标值 and 度量单位 cells
('≥ | 90 | % | 93 | 10'): the three cells are one target; a figure after it that stands near the target is the
row's result, not its 分值; and a lone points figure after a target and a result is the 分值 where the rows'
total prints the framework's 100 alone ('合计 | 100'), the 得分 column left empty. Built inputs in two layouts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.model import Line
from reportparse.parse.form.headless import implied_header
from tests._textforms import only_project, run

PIPES = (
    "培训覆盖率 | ≥ | 90 | % | 94 | 10 |\n"
    "|\n"
    "| ||\n"
    "质量指标 | 课程合格率 | = | 100 | % | 100 | 10 |\n"
    "| |||\n"
    "效益指标 | 社会效益指标 | 学员就业率 | ≥ | 60 | % | 66 | 20 |\n"
    "|\n"
    "满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥ | 90 | % | 95 | 10 |\n"
    "|\n"
    "合计 | 100 |\n"
)

TABS = (
    "产出指标\t数量指标\t维修水井数量\t≥\t40\t口\t42\t15\n"
    "\t\t维修水泵数量\t=\t12\t台\t12\t15\n"
    "\t时效指标\t完工及时率\t=\t100\t%\t100\t10\n"
    "效益指标\t社会效益指标\t受益人口\t≥\t3000\t人\t3100\t20\n"
    "合计\t100\n"
)


def _rows(tmp_path: Path, text: str) -> dict[str, tuple[Decimal | None, Decimal | None, Decimal | None]]:
    project = only_project(run(tmp_path, text))
    return {i.name: (i.actuals[0].value if i.actuals else None, i.weight, i.score) for i in project.indicators}


def test_split_target_cells_a_result_near_the_target_and_a_weight(tmp_path: Path) -> None:
    rows = _rows(tmp_path, PIPES)
    assert rows["培训覆盖率"] == (Decimal(94), Decimal(10), None)
    assert rows["学员就业率"] == (Decimal(66), Decimal(20), None)
    tabs = _rows(tmp_path, TABS)
    assert tabs["维修水井数量"] == (Decimal(42), Decimal(15), None)
    assert tabs["受益人口"] == (Decimal(3100), Decimal(20), None)


def test_a_lone_figure_after_target_and_result_is_the_score_without_a_total_of_100() -> None:
    rows = [Line(text="培训覆盖率 ≥ 90 % 94 9", page=1), Line(text="课程合格率 = 100 % 100 10", page=1),
            Line(text="学员就业率 ≥ 60 % 58 15", page=1)]
    assert implied_header(rows)[-3:] == ("年度指标值", "实际完成值", "得分")
    assert implied_header([*rows, Line(text="合计 100", page=1)])[-3:] == ("年度指标值", "实际完成值", "分值")
    # (a 分值 and a 得分 far from the target stay the two points: '≥90% 10 9')
    assert implied_header([Line(text="培训覆盖率 ≥ 90 % 10 9", page=1),
                           Line(text="课程合格率 = 100 % 10 10", page=1)])[-2:] == ("分值", "得分")
