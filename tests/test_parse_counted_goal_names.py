"""What a target's count counts, when the count stands before its noun: a bound after the figure is the target's
('8个以上建制村' is ≥ 8 villages), and the work done to what is counted is named before it ('完成8个建制村的农村环境
综合整治' counts villages: 完成农村环境综合整治的建制村). The target statement may open with a colon after 为."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Document, Line, Paragraph, Source, SourceFormat
from reportparse.parse.goalwords import figures, named
from reportparse.parse.narrative import parse_narrative


@pytest.mark.parametrize(("clause", "name"), [
    ("完成12个以上行政村的人居环境整治", "完成人居环境整治的行政村"),
    ("实现5个乡镇的污水管网全覆盖", "实现污水管网全覆盖的乡镇"),
    ("实施8个村的人居环境整治", "实施人居环境整治的村"),
    ("开展15个社区的垃圾分类试点", "开展垃圾分类试点的社区"),
    ("完成12所学校的校舍改造", "完成校舍改造的学校"),
    ("完成30户左右农户改厕", "农户改厕"),
    ("对169处农村饮水工程进行维修养护", "农村饮水工程维修养护"),  # (a verb before the count, its noun after)
])
def test_the_name_of_a_count_before_its_noun(clause: str, name: str) -> None:
    (mention,) = figures(clause)
    assert named(clause, mention) == name


@pytest.mark.parametrize("opening", ["年度总体目标为:", "项目绩效目标为："])
def test_a_target_statement_after_a_colon(opening: str) -> None:
    text = f"{opening}完成6个以上行政村的人居环境整治，建设垃圾收集点≥40个。"
    elements = [Paragraph(text=t, page=1, lines=[Line(text=t, page=1, line=n + 1)], spans=[(0, len(t))])
                for n, t in enumerate(["某县2022年度农村人居环境整治资金绩效自评报告", "一、绩效目标", text])]
    report = parse_narrative(Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1),
                                      elements=elements))
    indicators = {i.name: i for p in report.projects for i in p.indicators}
    village = indicators["完成人居环境整治的行政村"]
    assert village.target is not None and village.target.value == Decimal(6)
    assert village.target.comparator == ">="
