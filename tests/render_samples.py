"""Hand-built Results for the renderer tests: realistic Chinese findings with evidence.

`make_pdf` writes a small two-page report with reportlab (STSong-Light CID font) and returns the
box of every quote, measured with the font's metrics, so HTML tests can draw evidence boxes over
real text without depending on the extract/parse stages.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.model import (
    Actual,
    BBox,
    Budget,
    Evidence,
    Finding,
    Indicator,
    Project,
    Quantity,
    Report,
    Result,
    ScoreLine,
    Severity,
    Source,
    SourceFormat,
    Status,
    Summary,
    Target,
)

FONT = "STSong-Light"
SIZE = 12.0
PAGE_W, PAGE_H = 595.28, 841.89
LEFT = 72.0

#: page → lines of the sample report, top to bottom.
PAGES: dict[int, list[str]] = {
    1: [
        "自评工作报告",
        "一、项目概况",
        "党员电教片拍摄费项目年初预算 10 万元，全年执行数 10 万元。",
        "大组工网络维护费预算 5.45 万元，全年执行数为 5.29 万元。",
        "市远程办平台维护费 19.96 万元，因平台停用，经费全部交回。",
        "二、绩效自评结论",
        "完成《寻找“第一书记”》专题片 4 部，录制网络课程 4 部。",
    ],
    2: [
        "三、绩效分析",
        "数量指标：全年各类电教片拍摄 7 部。",
        "质量指标：单集片长不少于 30 分钟。",
        "满意度指标：电教片观看满意度普遍较高。",
        "预算执行情况分值 10 分，得分 10 分。",
        "服务对象满意度达 90%以上，满意度指标分值 15 分，得分 15 分。",
    ],
}

LINE_GAP = 28.0
TOP0 = 90.0


def _baseline(index: int) -> float:
    """Distance of line `index`'s baseline from the top of the page."""
    return TOP0 + index * LINE_GAP


def quote_box(page: int, quote: str) -> BBox:
    """The box of `quote` on `page`, from the font metrics (origin top-left, PDF points)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    for index, line in enumerate(PAGES[page]):
        at = line.find(quote)
        if at >= 0:
            x0 = LEFT + pdfmetrics.stringWidth(line[:at], FONT, SIZE)
            x1 = x0 + pdfmetrics.stringWidth(quote, FONT, SIZE)
            base = _baseline(index)
            return BBox(x0=x0, top=base - SIZE * 0.88, x1=x1, bottom=base + SIZE * 0.12)
    raise KeyError(quote)


def make_pdf(path: Path) -> Path:
    """Write the sample report as a PDF with a real text layer."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    pdf = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    for page in sorted(PAGES):
        pdf.setFont(FONT, SIZE)
        for index, line in enumerate(PAGES[page]):
            pdf.drawString(LEFT, PAGE_H - _baseline(index), line)
        pdf.showPage()
    pdf.save()
    return path


def ev(page: int, quote: str, *, line: int | None = None, pdf: bool = True, **where: object) -> Evidence:
    """Evidence for a quote of the sample report, with its box when the source is the PDF."""
    return Evidence(page=page, text=quote, line=line, bbox=quote_box(page, quote) if pdf else None,
                    **where)  # type: ignore[arg-type]


def money(raw: str, yuan: int) -> Quantity:
    return Quantity(raw=raw, value=Decimal(yuan), unit="元")


def sample_result(path: str = "report.pdf", fmt: SourceFormat = SourceFormat.PDF) -> Result:
    """A Result with three projects and findings of every severity, like a real narrative report."""
    pdf = fmt is SourceFormat.PDF
    films = Indicator(
        level="产出/数量", name="拍摄数量",
        target=Target(raw="≥5部", comparator=">=", value=Decimal(5), unit="部"),
        actuals=[
            Actual(raw="4 部", value=Decimal(4), unit="部", origin="conclusion",
                   evidence=[ev(1, "专题片 4 部", line=7, pdf=pdf)]),
            Actual(raw="7 部", value=Decimal(7), unit="部", origin="analysis",
                   evidence=[ev(2, "全年各类电教片拍摄 7 部", line=9, pdf=pdf)]),
        ],
        weight=Decimal(15), score=Decimal(15), recomputed_score=Decimal(12),
    )
    satisfaction = Indicator(
        level="效益/满意度", name="人民群众满意度",
        target=Target(raw="≥90%", comparator=">=", value=Decimal(90), unit="%"),
        actuals=[Actual(raw="满意度普遍较高", kind="qualitative", comparator="qualitative", origin="analysis",
                        evidence=[ev(2, "电教片观看满意度普遍较高", line=11, pdf=pdf)])],
        weight=Decimal(20), score=Decimal(20),
    )
    films_project = Project(
        name="党员电教片拍摄费", aliases=["党员电教片拍摄费项目"],
        budget=Budget(planned=money("10 万元", 100000), executed=money("10 万元", 100000), rate=Decimal(100),
                      weight=Decimal(10), score=Decimal(10)),
        indicators=[films, satisfaction],
        scores=[ScoreLine(level="产出", weight=Decimal(50), score=Decimal(50)),
                ScoreLine(level="产出/数量", weight=Decimal(15), score=Decimal(15)),
                ScoreLine(level="效益", weight=Decimal(40), score=Decimal(40))],
        evaluated=True,
    )
    network = Project(
        name="大组工网络维护费", aliases=["“大组工网络”维护费"],
        budget=Budget(planned=money("5.45 万元", 54500), executed=money("5.29 万元", 52900),
                      rate=Decimal("97.0642"), weight=Decimal(10), score=Decimal(10)),
        indicators=[Indicator(level="效益/满意度", name="满意度",
                              target=Target(raw="≥95%", comparator=">=", value=Decimal(95), unit="%"),
                              actuals=[Actual(raw="90%以上", value=Decimal(90), unit="%", comparator=">=",
                                              approx=True, origin="analysis",
                                              evidence=[ev(2, "服务对象满意度达 90%以上", line=13, pdf=pdf)])],
                              weight=Decimal(15), score=Decimal(15), recomputed_score=Decimal("14.21"))],
        evaluated=True,
    )
    stopped = Project(name="市远程办平台维护费",
                      budget=Budget(planned=money("19.96 万元", 199600), executed=money("0", 0),
                                    returned=money("19.96 万元", 199600), rate=Decimal(0)))
    findings = [
        Finding(code="conflicting-actuals", severity=Severity.ERROR, project="党员电教片拍摄费", indicator="拍摄数量",
                message="同一指标在不同位置报告的实际值不一致：自评结论 4 部，绩效分析 7 部", expected="4 部",
                actual="7 部", evidence=[*films.actuals[0].evidence, *films.actuals[1].evidence]),
        Finding(code="target-changed", severity=Severity.WARNING, project="党员电教片拍摄费项目", indicator="片长",
                message="分析部分重述的目标（不少于 30 分钟）与目标表（不少于 15 分钟）不一致",
                evidence=[ev(2, "单集片长不少于 30 分钟", line=10, pdf=pdf)]),
        Finding(code="unsupported-score", severity=Severity.WARNING, project="党员电教片拍摄费",
                indicator="人民群众满意度", message="目标 ≥90%，实际只有文字描述（满意度普遍较高），却得满分 20 分",
                evidence=satisfaction.actuals[0].evidence),
        Finding(code="budget-score-mismatch", severity=Severity.ERROR, project="大组工网络维护费",
                message="预算执行得分 10 与 分值×执行率 = 10×97.06% = 9.71 不符", expected=Decimal("9.71"),
                actual=Decimal(10), profile="national-2020",
                evidence=[ev(1, "预算 5.45 万元，全年执行数为 5.29 万元", line=4, pdf=pdf),
                          ev(2, "预算执行情况分值 10 分，得分 10 分", line=12, pdf=pdf)]),
        Finding(code="unexplained-balance", severity=Severity.WARNING, project="大组工网络维护费",
                message="预算 5.45 万元，执行 5.29 万元，0.16 万元未说明去向", expected=Decimal(0),
                actual=Decimal(1600), evidence=[ev(1, "预算 5.45 万元，全年执行数为 5.29 万元", line=4, pdf=pdf)]),
        Finding(code="missing-evaluation", severity=Severity.WARNING, project="市远程办平台维护费",
                message="项目有预算 19.96 万元和绩效目标，但没有自评或得分",
                evidence=[ev(1, "市远程办平台维护费 19.96 万元", line=5, pdf=pdf)]),
        Finding(code="target-missed", severity=Severity.INFO, project="党员电教片拍摄费", indicator="拍摄数量",
                message="实际值 4 部 未达到目标 ≥5 部", evidence=films.actuals[0].evidence),
        Finding(code="weight-structure", severity=Severity.INFO,
                message="一级指标权重 10/50/40 偏离默认结构 10/50/30/10", evidence=[]),
    ]
    summary = Summary(error=sum(f.severity == "error" for f in findings),
                      warning=sum(f.severity == "warning" for f in findings),
                      info=sum(f.severity == "info" for f in findings))
    return Result(source=Source(path=path, format=fmt, sha256="ab" * 32, pages=2), status=Status.OK,
                  profile="national-2020", report=Report(title="自评工作报告", year=2021,
                                                         projects=[films_project, network, stopped]),
                  findings=findings, summary=summary)


def failed_result(path: str = "scan.pdf") -> Result:
    """A Result for a scanned PDF that could not be read."""
    return Result(source=Source(path=path, format=SourceFormat.PDF, sha256="", pages=0), status=Status.FAILED,
                  reason="no-text-layer", message=f"{path}: 没有文字层（可能是扫描件），无法读取",
                  profile="national-2020")
