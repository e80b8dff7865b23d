"""Level labels a dump printed mid-group (a PDF's text layer puts a vertically centred merged cell on
its middle row): the rows above a label belong to it, cut from the group above by the 二级 labels'
words, the printed 一级 weights and the label's central place; a row the form does not settle keeps
its level uncertain and its levels' sums unknown."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from reportparse.model import Project, Report, Source, SourceFormat
from reportparse.parse.form import find_forms, parse_forms
from reportparse.parse.form.levelgroups import UNSURE, LevelRow, printed_mid_group, settle
from reportparse.readers.text import read_text


def read(text: str) -> Project:
    data = text.encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    project, = parse_forms(find_forms(read_text(Path("f.txt"), data, source)), Report()).projects
    return project


HEAD = """项目支出绩效自评表
项目名称 乡村公路养护项目
主管部门 某县交通运输局 实施单位 某县公路事务中心
年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 100 100 100 10 100% 10
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
"""

#: 产出 over four rows, its label on the second; 效益 over two rows, its label on the second; each 二级
#: label on its own row. Read top-down, the first row would have no 一级 and 社会效益 would sit under 产出.
MIDDLE = HEAD + """数量指标 养护里程 ≥300公里 300公里 10 10
产出指标(40分) 质量指标 养护验收合格率 ≥95% 96% 10 10
时效指标 按时完成率 100% 100% 10 10
成本指标 单公里养护成本 ≤0.3万元 0.3万元 10 8
社会效益指标 群众出行时间缩短 ≥10% 12% 15 15
效益指标(30分) 可持续影响指标 路网服务年限 ≥5年 5年 15 14
总分 80 77
"""


def levels(project: Project) -> dict[str, str]:
    return {i.name: i.level for i in project.indicators}


def sums(project: Project) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    out: dict[str, tuple[Decimal | None, Decimal | None]] = {}
    for line in project.scores:
        out.setdefault(line.level, (line.weight, line.score))
        if line.score is not None:
            out[line.level] = (line.weight, line.score)
    return out


def test_labels_printed_on_the_middle_row_own_the_rows_around_them() -> None:
    project = read(MIDDLE)
    assert levels(project) == {
        "养护里程": "产出/数量", "养护验收合格率": "产出/质量", "按时完成率": "产出/时效",
        "单公里养护成本": "产出/成本",
        "群众出行时间缩短": "效益/社会效益", "路网服务年限": "效益/可持续影响",
    }
    lines = sums(project)
    assert lines["产出"] == (Decimal(40), Decimal(38))
    assert lines["效益"] == (Decimal(30), Decimal(29))


def test_the_same_form_printed_top_down_reads_the_same() -> None:
    top = HEAD + """产出指标(40分) 数量指标 养护里程 ≥300公里 300公里 10 10
质量指标 养护验收合格率 ≥95% 96% 10 10
时效指标 按时完成率 100% 100% 10 10
成本指标 单公里养护成本 ≤0.3万元 0.3万元 10 8
效益指标(30分) 社会效益指标 群众出行时间缩短 ≥10% 12% 15 15
可持续影响指标 路网服务年限 ≥5年 5年 15 14
总分 80 77
"""
    assert levels(read(top)) == levels(read(MIDDLE))


def test_a_row_the_form_does_not_settle_keeps_its_level_uncertain() -> None:
    # 数量 on the first of four rows, 质量 on the third: the second row is 数量's (a run of two, label on
    # its first row) or 质量's (a run of three, label in the middle); no weight says which
    text = HEAD + """数量指标 养护里程 ≥300公里 300公里 10 10
产出指标(40分) 桥梁检查座数 ≥12座 12座 10 10
质量指标 养护验收合格率 ≥95% 96% 10 10
路况优良率 ≥80% 85% 10 9
总分 40 39
"""
    project = read(text)
    found = levels(project)
    assert found["养护里程"] == "产出/数量" and found["桥梁检查座数"] == "产出"  # 一级 settled, 二级 not
    lines = sums(project)
    assert lines["产出"] == (Decimal(40), Decimal(39))  # every row is 产出's: its sum is known
    assert lines["产出/数量"][1] is None and lines["产出/质量"][1] is None  # the 二级 sums are not


def row(level1: str | None = None, level2: str | None = None, parent: str | None = None,
        weight: int | None = None) -> LevelRow:
    return LevelRow(level1=level1, level2=level2, parent=parent,
                    weight=Decimal(weight) if weight is not None else None, indicator=True, scored=True)


def test_a_form_printed_top_down_is_not_regrouped() -> None:
    rows = [row("产出", "数量指标", "产出", 10), row(weight=10), row("效益", "社会效益指标", "效益", 10)]
    assert not printed_mid_group(rows)
    assert printed_mid_group([row(weight=10), *rows[:1], *rows[2:]])


def test_the_printed_weight_settles_where_the_centre_does_not() -> None:
    # 产出(20分) on row 1, 效益(10分) on row 3: row 2 is 产出's (run 0-2) or 效益's (run 2-3); the centre
    # allows both, the weights only the first
    rows = [row(weight=10), row("产出", weight=5), row(weight=5), row("效益", weight=10)]
    settled = settle(rows, {"产出": Decimal(20), "效益": Decimal(10)})
    assert [s.level1 for s in settled] == ["产出", "产出", "产出", "效益"]
    unweighted = settle(rows, {})
    assert unweighted[2].level1 == UNSURE and unweighted[2].maybe1 == frozenset({"产出", "效益"})


def test_a_level2_label_sits_under_the_level1_its_words_name() -> None:
    # row 2 holds 社会效益: it cannot be in 产出's run, whatever the centre says
    rows = [row(weight=5), row("产出", "数量指标", "产出", 5), row(level2="社会效益指标", parent="效益", weight=5),
            row("效益", weight=5), row(weight=5)]
    assert [s.level1 for s in settle(rows, {})] == ["产出", "产出", "效益", "效益", "效益"]


def test_a_lost_level1_label_settles_nothing() -> None:
    # 数量 and 质量 rows and only a 效益 label: the 产出 label was lost, so no row's 一级 is known
    rows = [row(level2="数量指标", parent="产出", weight=10), row(level2="质量指标", parent="产出", weight=10),
            row("效益", "社会效益指标", "效益", 10)]
    assert all(s.level1 == UNSURE for s in settle(rows, {}))


def test_a_run_the_form_settles_tells_which_middle_row_the_dump_uses() -> None:
    # 产出 (40分) over rows 0-3 (its weights and words settle that), its label on row 1: the upper of
    # the two middle rows. So 数量 (row 1) and 质量 (row 3) cut after row 2: 数量 over 0-2, 质量 on 3,
    # not 数量 over 0-1 and 质量 over 2-3 (both labels on the lower middle row)
    rows = [row(weight=10), row("产出", "数量指标", "产出", 10), row(weight=10),
            row(level2="质量指标", parent="产出", weight=10), row("效益", "社会效益指标", "效益", 10), row(weight=10)]
    settled = settle(rows, {"产出": Decimal(40), "效益": Decimal(20)})
    assert [s.level2 for s in settled[:4]] == ["数量指标", "数量指标", "数量指标", "质量指标"]
    # the same 二级 labels under a 产出 label on the exact middle of five rows: nothing says which way
    # the dump leans, and row 2 may be either group's
    rows = [row(weight=10), row(level2="数量指标", parent="产出", weight=10), row("产出", weight=10),
            row(level2="质量指标", parent="产出", weight=10), row(weight=10), row("效益", "社会效益指标", "效益", 10)]
    settled = settle(rows, {"产出": Decimal(50), "效益": Decimal(10)})
    assert settled[2].level2 == UNSURE and settled[2].maybe2 == frozenset({"数量指标", "质量指标"})
    assert [s.level1 for s in settled] == ["产出"] * 5 + ["效益"]
