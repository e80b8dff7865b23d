"""parse_report: name-only projects beside real ones are dropped."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Budget, Project, Quantity, Report, ScoreLine
from reportparse.parse import drop_empty_projects


def _money(value: int) -> Quantity:
    return Quantity(raw=f"{value}元", value=Decimal(value), unit="元")


def test_name_only_project_is_dropped_beside_a_real_one() -> None:
    real = Project(name="城乡供水管网维护经费", budget=Budget(planned=_money(100000)))
    phantom = Project(name="部门预算项目")
    report = drop_empty_projects(Report(projects=[phantom, real]))
    assert [p.name for p in report.projects] == ["城乡供水管网维护经费"]


def test_scores_alone_are_content() -> None:
    scored = Project(name="甲项目", scores=[ScoreLine(level="产出", weight=Decimal(50), score=Decimal(45))])
    other = Project(name="乙项目", budget=Budget(planned=_money(5)))
    assert len(drop_empty_projects(Report(projects=[scored, other])).projects) == 2


def test_names_to_keep_stay_without_content() -> None:
    listed = Project(name="某村大棚建设项目")
    other = Project(name="某村道路建设项目", budget=Budget(planned=_money(5)))
    kept = drop_empty_projects(Report(projects=[other, listed]), keep={"某村大棚建设项目"})
    assert [p.name for p in kept.projects] == ["某村道路建设项目", "某村大棚建设项目"]


def test_a_narrative_keeps_a_listed_project_an_excerpt_gives_no_money() -> None:
    from reportparse.model import Document, Line, Paragraph, Source, SourceFormat
    from reportparse.parse import parse_report

    texts = ["某县2021年重点项目绩效评价报告", "现依规公开如下：",
             "1、某乡南村农田道路建设项目：铺砂石路11公里。下达资金197万元，实际支付186.98万元。",
             "2、某乡南村大棚建设项目：建设4座标准化大棚。"]
    doc = Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1),
                   elements=[Paragraph(text=t, page=1, lines=[Line(text=t, page=1, line=i + 1)],
                                       spans=[(0, len(t))]) for i, t in enumerate(texts)])
    assert [p.name for p in parse_report(doc).projects] == ["某乡南村农田道路建设项目", "某乡南村大棚建设项目"]


def test_all_empty_report_is_left_alone() -> None:
    report = Report(projects=[Project(name="甲项目"), Project(name="乙项目")])
    assert drop_empty_projects(report) is report


def test_unreadable_page_makes_the_result_partial() -> None:
    from reportparse.model import Document, Paragraph, Source, SourceFormat, Status
    from reportparse.pipeline import analyse

    text = "一、项目概况\n甲项目年初预算 10 万元，全年执行数为 10 万元。预算执行情况分值 10 分，得分 10 分。"
    document = Document(
        source=Source(path="x.pdf", format=SourceFormat.PDF, sha256="", pages=2),
        elements=[Paragraph(text=line, page=1) for line in text.splitlines()],
        problems=["page 2 could not be read (broken); it is left out"],
    )
    result = analyse(document)
    assert result.status is Status.PARTIAL
    assert result.problems == document.problems


def test_a_one_subject_narrative_and_its_form_are_one_project() -> None:
    from reportparse.model import Cell, Document, Line, Paragraph, Source, SourceFormat, Table
    from reportparse.parse import parse_report

    texts = ["为做好2023年某区农业防灾减灾资金发放工作，我局对这笔资金做了绩效自评，评价情况报告如下：",
             "上级下达的农业防灾减灾资金共118万元。"]
    rows = [["项目名称", "某区設施農業災後恢復補助", "", "", "", "", ""],
            ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", "118", "118", "118", "10", "100%", "10"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "补助大棚数", "≥100个", "120个", "50", "50"]]
    elements: list[Paragraph | Table] = [
        Paragraph(text=t, page=1, lines=[Line(text=t, page=1, line=i + 1)], spans=[(0, len(t))])
        for i, t in enumerate(texts)]
    elements.append(Table(index=0, rows=[[Cell(text=t, row=r, col=c, page=1) for c, t in enumerate(row)]
                                         for r, row in enumerate(rows)], page=1, pages=[1]))
    doc = Document(source=Source(path="t.docx", format=SourceFormat.DOCX, sha256="0", pages=1), elements=elements)
    report = parse_report(doc)
    assert [p.name for p in report.projects] == ["某区設施農業災後恢復補助"]
    assert "2023年某区农业防灾减灾资金" in report.projects[0].aliases
    assert report.projects[0].budget.planned is not None and report.projects[0].budget.planned.value == 1180000
