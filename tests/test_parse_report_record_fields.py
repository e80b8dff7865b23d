"""A portal prints its record fields above the report ('索引号 …', '发布机构 …', '公开目录 自评报告', '发布日期 …'):
the catalogue field names no title, and the fund the title names in brackets is the fund the prose names in other
words of its source ('中央支持地方…补助资金' / '中央补助地方…专项资金'), one project holding the report's score."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import only_project, run

_PAGE = """索引号 79518791-2-/2023-0427027
发布机构 某市文化和旅游局
{catalogue}
发布日期 2023-04-27
某市图书馆2022年度项目支出绩效自评报告({title_fund})
一、自评结论
(一)自评得分
96分。
(二)项目基本情况
{prose_fund}用于图书盘点、顺架和剔旧,购置图书装具。
"""


@pytest.mark.parametrize(
    ("catalogue", "title_fund", "prose_fund"),
    [
        ("公开目录 自评报告", "2022年中央支持地方公共文化服务体系建设补助资金",
         "2022年中央补助地方公共文化服务体系建设专项资金"),
        ("主题分类: 绩效评价报告", "2023年省级支持地方公共文化服务体系建设专项资金",
         "2023年省级补助地方公共文化服务体系建设经费"),
    ],
)
def test_the_catalogue_is_no_title_and_one_fund_holds_the_score(tmp_path: Path, catalogue: str, title_fund: str,
                                                                prose_fund: str) -> None:
    result = run(tmp_path, _PAGE.format(catalogue=catalogue, title_fund=title_fund, prose_fund=prose_fund))
    assert result.report is not None and result.report.title is not None
    assert result.report.title.startswith("某市图书馆2022年度项目支出绩效自评报告")
    project = only_project(result)
    assert project.total_score == 96
    assert {project.name, *project.aliases} >= {title_fund, prose_fund}
