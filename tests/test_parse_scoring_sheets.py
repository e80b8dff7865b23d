"""The 决策/管理/绩效 scoring sheet (项目支出绩效自评指标计分表, 项目支出绩效评分表) as provinces print it under
a page's own title: built inputs in two wordings and layouts each, checked end to end through `pipeline.check`.

- The sheet's template title names no project ('2020年项目支出绩效自评指标计分表', '2021年四川省项目支出绩效评分
  表'); the page's title above it does, its year after the name ('X2021年预算绩效自评', 'X2022年度绩效自评报告').
- Two score columns, the self-evaluation's filled and the reviewer's empty (自评分 | … | 得分 with 得分 empty;
  评价得分 empty before 自评得分): the claimed scores are in the filled one, whichever the label table ranks first.
- Every level label prints its weight, a merged level only on its first row ('项目决策(15分)' | '决策过程(8分)' |
  '决策依据(4分)' | 4 …, then '决策程序(4分)' | 4 …), in a page dump one cell a line ending in '|', long cells
  of a row sharing a line ('文字 |文字 ||').
- A level label's weight in brackets without 分 ('绩效目标(10)') is a weight, no part of the level's path.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import only_project, run
from tests._workbooks import checked, sheet

#: (level 1, level 2, level 3, weight, self-score) of two sheets' rows: (label, weight) pairs
SHEETS = {
    "hunan": [
        (("项目决策", 15), ("决策过程", 8), ("决策依据", 4), 4),
        (("项目决策", 15), ("决策过程", 8), ("决策程序", 4), 3),
        (("项目决策", 15), ("资金分配", 7), ("分配办法", 3), 3),
        (("项目决策", 15), ("资金分配", 7), ("分配结果", 4), 4),
        (("项目管理", 20), ("资金到位", 5), ("到位率", 3), 3),
        (("项目管理", 20), ("资金到位", 5), ("到位时效", 2), 1.5),
        (("项目管理", 20), ("资金管理", 15), ("资金使用", 10), 9),
        (("项目管理", 20), ("资金管理", 15), ("财务管理", 5), 5),
    ],
    "sichuan": [
        (("项目立项", 12), ("立项依据", 6), ("依据充分性", 6), 6),
        (("项目立项", 12), ("目标设置", 6), ("目标明确性", 3), 2),
        (("项目立项", 12), ("目标设置", 6), ("目标合理性", 3), 3),
        (("项目实施", 18), ("资金落实", 8), ("资金到位率", 4), 4),
        (("项目实施", 18), ("资金落实", 8), ("资金使用合规性", 4), 3),
        (("项目实施", 18), ("组织实施", 10), ("管理制度健全性", 10), 8),
    ],
}


def _expected(rows: list[tuple[tuple[str, int], tuple[str, int], tuple[str, int], float]]) -> dict[str, tuple[
        Decimal, Decimal]]:
    """Each level's (weight, sum of self-scores), by its path."""
    out: dict[str, tuple[Decimal, Decimal]] = {}
    for (l1, w1), (l2, w2), _, score in rows:
        for path, weight in ((l1, w1), (f"{l1}/{l2}", w2)):
            old = out.get(path, (Decimal(weight), Decimal(0)))
            out[path] = (Decimal(weight), old[1] + Decimal(str(score)))
    return out


def _claimed(result: object) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    project = only_project(result)  # type: ignore[arg-type]
    return {line.level: (line.weight, line.score) for line in project.scores}


@pytest.mark.parametrize(("which", "page_title", "template", "header", "name"), [
    ("hunan", "持证残疾人基本状况调查2021年预算绩效自评", "2020年项目支出绩效自评指标计分表",
     ["一级 指标", "二级 指标", "三级 指标", "自评分", "具体指标", "评价标准", "得分"], "持证残疾人基本状况调查"),
    ("sichuan", "某县农村公路养护工程2022年度绩效自评报告", "2021年四川省项目支出绩效评分表",
     ["一级指标", "二级指标", "三级指标", "评价要点", "评分标准", "评价得分", "自评得分"], "某县农村公路养护工程"),
])
def test_a_scoring_sheet_in_a_workbook_is_named_by_the_page_title_and_scored_by_its_filled_column(
        tmp_path: Path, which: str, page_title: str, template: str, header: list[str], name: str) -> None:
    rows = SHEETS[which]
    filled = header.index("自评分") if "自评分" in header else header.index("自评得分")
    table: list[list[object]] = [[template], [page_title], ["附件7"], header]
    for (l1, w1), (l2, w2), (l3, w3), score in rows:
        cells: list[object] = [f"{l1}({w1}分)", f"{l2}({w2}分)", f"{l3}({w3}分)", None, "评价要点文字", "评分标准文字",
                               None]
        cells[filled] = score
        table.append(cells)
    result = checked(tmp_path, sheet(table))
    project = only_project(result)
    assert project.name == name
    claimed = _claimed(result)
    for path, (weight, score) in _expected(rows).items():
        assert claimed[path] == (weight, score), path


def _pipe_dump(title: str, template: str, header: list[str], rows: list[tuple[tuple[str, int], tuple[str, int],
               tuple[str, int], float]], shared_line: bool) -> str:
    """The sheet as a page's text gives it: one cell a line ending in ' |', a merged level printed once, the
    empty 得分 as '|'; with `shared_line` a row's two long cells share one line ('要点 |标准 ||')."""
    lines = [title, "附件", template, *(f"{h} |" for h in header)]
    seen: set[str] = set()
    for (l1, w1), (l2, w2), (l3, w3), score in rows:
        for label, weight in ((l1, w1), (l2, w2)):
            if label not in seen:
                seen.add(label)
                lines.append(f"{' '.join(label[:2])} {label[2:]} ({weight}分) |")
        lines += [f"{l3} ({w3}分) |", f"{score:g} |"]
        if shared_line:
            lines += [f"{l3}的评价要点;依据充分 |{l3}符合要求得满分(2分) ||"]
        else:
            lines += [f"{l3}的评价要点;依据充分 |", f"{l3}符合要求得满分(2分) |", "|"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("which", "title", "template", "shared_line"), [
    ("hunan", "持证残疾人基本状况调查2021年预算绩效自评", "2020年项目支出绩效自评指标计分表", True),
    ("sichuan", "某县农村公路养护工程2022年度绩效自评报告", "2021年四川省项目支出绩效评分表", False),
])
def test_a_scoring_sheet_dumped_one_cell_a_line_keeps_its_levels(
        tmp_path: Path, which: str, title: str, template: str, shared_line: bool) -> None:
    rows = SHEETS[which]
    header = ["一级 指标", "二级 指标", "三级 指标", "自评分", "具体指标", "评价标准", "得分"]
    result = run(tmp_path, _pipe_dump(title, template, header, rows, shared_line))
    claimed = _claimed(result)
    for path, (weight, score) in _expected(rows).items():
        assert claimed[path] == (weight, score), path
    names = {i.name: (i.weight, i.score) for i in only_project(result).indicators}
    assert names == {l3: (Decimal(w3), Decimal(str(s))) for _, _, (l3, w3), s in rows}


@pytest.mark.parametrize(("label", "bracket"), [("绩效目标", "({})"), ("目标设定", "（{}）")])
def test_a_level_weight_in_brackets_without_fen_is_its_weight_not_its_name(
        tmp_path: Path, label: str, bracket: str) -> None:
    table: list[list[object]] = [
        ["2019年四川省项目支出绩效评分表"],
        ["项目名称", "农村道路养护项目"],
        ["一级指标", "二级指标", "三级指标", "分值", "指标评价内容", "得分"],
        ["项目决策(20分)", "科学决策(10分)", "必要性", 5, "符合决策部署", 5],
        ["项目决策(20分)", "科学决策(10分)", "可行性", 5, "论证充分", 4],
        ["项目决策(20分)", label + bracket.format(10), "明确性", 5, "目标明确", 5],
        ["项目决策(20分)", label + bracket.format(10), "合理性", 5, "目标合理", 5],
    ]
    claimed = _claimed(checked(tmp_path, sheet(table)))
    assert claimed[f"项目决策/{label}"] == (Decimal(10), Decimal(10))
    assert claimed["项目决策/科学决策"] == (Decimal(10), Decimal(9))
    assert not any("(" in level or "（" in level for level in claimed)


def _row_lines(rows: list[tuple[tuple[str, int], tuple[str, int], tuple[str, int], float]], sep: str,
               bare_level2: bool) -> list[str]:
    """The sheet a row a line, cells apart by `sep`, a merged level printed on its first row only; with
    `bare_level2` the 二级 label prints its weight without 分 and the 三级 name none ('绩效目标(10) | 明确性 | 5')."""
    lines: list[str] = []
    seen: set[str] = set()
    for (l1, w1), (l2, w2), (l3, w3), score in rows:
        cells = []
        for label, weight, level2 in ((l1, w1, False), (l2, w2, True)):
            if label not in seen:
                seen.add(label)
                cells.append(f"{label}({weight})" if level2 and bare_level2 else f"{label}({weight}分)")
        cells += [l3 if bare_level2 else f"{l3}({w3}分)", f"{score:g}" if not bare_level2 else f"{w3}",
                  f"{l3}的评价要点", *([f"{score:g}"] if bare_level2 else ["评分标准文字"])]
        lines.append(sep.join(cells))
    return lines


@pytest.mark.parametrize(("which", "sep", "bare_level2"), [("hunan", "\t", False), ("sichuan", " | ", True)])
def test_a_scoring_sheet_a_row_a_line_places_rows_under_their_last_levels(
        tmp_path: Path, which: str, sep: str, bare_level2: bool) -> None:
    rows = SHEETS[which]
    header = (["一级指标", "二级指标", "三级指标", "分值", "指标评价内容", "得分"] if bare_level2
              else ["一级指标", "二级指标", "三级指标", "自评分", "具体指标", "评价标准"])
    text = "\n".join(["某县农村公路养护工程2022年度绩效自评报告", "2021年四川省项目支出绩效评分表", sep.join(header),
                      *_row_lines(rows, sep, bare_level2)]) + "\n"
    result = run(tmp_path, text)
    claimed = _claimed(result)
    for path, (weight, score) in _expected(rows).items():
        assert claimed[path] == (weight, score), path
    assert not {f.code for f in result.findings} & {"weight-sum-mismatch", "score-sum-mismatch"}
