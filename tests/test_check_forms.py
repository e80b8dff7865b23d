"""Form-row checks: formula scores, qualitative bands, deviation reasons, target wording, empty cells
and template text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Actual, Cell, Document, Evidence, Source, Table, Target

from ._builders import actual, indicator, line, project, report, run, target


def _row(tgt: Target | None, actuals: list[Actual], weight: int | None, score: float | None,
         reason: str | None = "", level: str = "产出/数量", name: str = "完成数量"):  # type: ignore[no-untyped-def]
    ind = indicator(name, level, tgt, actuals, weight=weight, score=score, deviation_reason=reason)
    return report(project("委托业务项目", indicators=[ind]), layout="form")


def _table(value: str, unit: str | None) -> Actual:
    return actual(value, value, unit, origin="table")


@pytest.mark.parametrize(
    ("tgt", "act", "score", "expected"),
    [
        (target("≥50个", ">=", 50, "个"), _table("40", "个"), 7.5, Decimal("6.40")),  # 40/50 × 8
        (target("≤90万元", "<=", 900000, "元"), _table("1080000", "元"), 7.5, Decimal("6.67")),  # nearer of 6.4, 6.67
    ],
)
def test_score_mismatch_fires(tgt: Target, act: Actual, score: float, expected: Decimal) -> None:
    (finding,) = run(_row(tgt, [act], 8, score), "score-mismatch")
    assert finding.expected == expected and finding.actual == score and finding.profile == "national-2020"
    assert len(finding.evidence) == 2


@pytest.mark.parametrize(
    ("tgt", "act"),
    [
        (target("≥50个", ">=", 50, "个"), _table("40", "个")),
        (target("≤90万元", "<=", 900000, "元"), _table("1080000", "元")),
    ],
)
def test_full_marks_on_a_missed_target_is_one_finding(tgt: Target, act: Actual) -> None:
    # full marks though the target was missed: target-missed-full-score states it; the formula's
    # score-mismatch on the same row would only restate it in points
    codes = [f.code for f in run(_row(tgt, [act], 8, 8))]
    assert "target-missed-full-score" in codes and "score-mismatch" not in codes


@pytest.mark.parametrize(
    ("tgt", "act"),
    [
        (target("≥50个", ">=", 50, "个"), _table("50", "个")),
        (target("≤90万元", "<=", 900000, "元"), _table("900000", "元")),
    ],
)
def test_points_lost_on_a_met_target_is_one_finding(tgt: Target, act: Actual) -> None:
    # the target met but 2 of 8 points deducted: met-but-deducted states it; the formula's score-mismatch
    # (8 recomputed, 6 claimed) on the same row would only restate it in points
    codes = [f.code for f in run(_row(tgt, [act], 8, 6))]
    assert "met-but-deducted" in codes and "score-mismatch" not in codes


@pytest.mark.parametrize(
    ("tgt", "act", "score"),
    [
        (target("≥50个", ">=", 50, "个"), _table("50", "个"), 8),
        (target("≥50个", ">=", 50, "个"), _table("40", "个"), 6.4),
        (target("≤90万元", "<=", 900000, "元"), _table("900000", "元"), 8),
        (target("≤90万元", "<=", 900000, "元"), _table("1080000", "元"), 6.67),  # the ratio formula 8 × 90/108
        (target("效果明显", "qualitative"), actual("达成预期指标", kind="qualitative"), 8),
        (target("≥95%", ">=", 95, "%"), actual("", kind="empty"), 8),  # nothing to recompute from
    ],
)
def test_score_matching_a_formula_is_silent(tgt: Target, act: Actual, score: float) -> None:
    assert run(_row(tgt, [act], 8, score), "score-mismatch") == []


QUAL = target("效果明显", "qualitative")


@pytest.mark.parametrize(
    ("text", "score", "profile", "fires"),
    [
        ("达成预期指标", 10, None, False),
        ("达成预期指标", 8, None, False),
        ("达成预期指标", 7, None, True),
        ("部分达成", 8, None, True),  # [6, 8)
        ("部分达成", 6, None, False),
        ("部分达成", 5, None, True),
        ("部分达成", 5, "bands-80-50", False),  # [5, 8) under the 80/50 profile
        ("未达成", 7, None, True),
        ("基本达成", 7, None, False),  # ambiguous wording: stay silent
        ("另行说明", 3, None, False),  # no tier
    ],
)
def test_qualitative_band_mismatch(text: str, score: int, profile: str | None, fires: bool) -> None:
    rep = _row(QUAL, [actual(text, kind="qualitative", origin="table")], 10, score)
    found = run(rep, "qualitative-band-mismatch", profile=profile)
    assert bool(found) == fires
    if fires:
        assert found[0].actual == score and found[0].expected.startswith("[")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("score", "value", "reason", "fires"),
    [
        (6, "40", "", True),  # deducted, reason cell empty
        (6, "40", "因疫情影响", False),
        (6, "40", None, False),  # the form has no 偏差原因 column
        (6, "40", "无", True),  # "无" gives no reason
        (8, "70", "", True),  # 140% of the target
        (8, "60", "", False),
    ],
)
def test_deviation_reason_missing(score: int, value: str, reason: str | None, fires: bool) -> None:
    rep = _row(target("≥50个", ">=", 50, "个"), [_table(value, "个")], 8, score, reason)
    found = run(rep, "deviation-reason-missing")
    assert bool(found) == fires
    if fires:
        assert found[0].indicator == "完成数量" and found[0].evidence


@pytest.mark.parametrize(
    ("level", "tgt", "fires"),
    [
        ("产出/成本", target("≥90万元", ">=", 900000, "元"), True),
        ("产出/成本", target("≤90万元", "<=", 900000, "元"), False),
        ("产出/成本", target("90万元", "<=", 900000, "元", bare_number=True), False),
        ("产出/数量", target("≥50个", ">=", 50, "个"), False),
        ("产出/成本", target("≥95%", ">=", 95, "%"), False),  # 成本控制率: a rate, more is better
    ],
)
def test_cost_indicator_direction(level: str, tgt: Target, fires: bool) -> None:
    found = run(_row(tgt, [], None, None, level=level), "cost-indicator-direction")
    assert bool(found) == fires
    if fires:
        assert found[0].expected == "<=" and found[0].actual == ">="


@pytest.mark.parametrize(("vague", "fires"), [(True, True), (False, False)])
def test_vague_target(vague: bool, fires: bool) -> None:
    tgt = target("有所提升", "qualitative", vague=vague)
    found = run(_row(tgt, [], None, None), "vague-target")
    assert bool(found) == fires
    if fires:
        assert found[0].actual == "有所提升" and found[0].severity == "info"


def test_missing_values_one_finding_listing_the_rows() -> None:
    rows = [indicator(name, "产出/质量", target("", "qualitative"), [actual("", kind="empty")], weight=10, score=10)
            for name in ("工程质量合格", "年度资金支付完成率100%", "资金执行在预算范围内")]
    rows.append(indicator("完成改造项目数量", "产出/数量", target("1", "=", 1), [_table("1", None)], weight=10,
                          score=10))
    rows.append(indicator("指标1：/", "效益/生态效益", target("/", "qualitative"), [actual("/", kind="qualitative")]))
    (finding,) = run(report(project("水旱灾害防御经费", indicators=rows)), "missing-values")
    assert finding.actual == 3 and len(finding.evidence) == 3
    assert "工程质量合格" in finding.message and "完成改造项目数量" not in finding.message


def test_missing_score_is_missing_values() -> None:
    found = run(_row(target("≥50个", ">=", 50, "个"), [_table("50", "个")], 8, None), "missing-values")
    assert len(found) == 1 and "得分" in found[0].message


def test_narrative_indicators_without_weights_are_not_missing_values() -> None:
    assert run(_row(target("≥50个", ">=", 50, "个"), [], None, None), "missing-values") == []


def test_a_form_without_result_columns_leaves_nothing_empty() -> None:
    """A target-and-weight table (no 实际完成值, no 得分 column): its rows carry no actual at all."""
    assert run(_row(target("≥50个", ">=", 50, "个"), [], 10, None), "missing-values") == []


def _document(cells: list[list[str]]) -> Document:
    source = Source(path="form.xlsx", format="xlsx", sha256="0" * 64, pages=1)  # type: ignore[arg-type]
    rows = [[Cell(text=text, row=r, col=c, page=1, ref=f"{chr(65 + c)}{r + 1}") for c, text in enumerate(row)]
            for r, row in enumerate(cells)]
    return Document(source=source, elements=[Table(index=0, rows=rows, page=1, sheet="Sheet1")])


@pytest.mark.parametrize(
    ("cells", "fires"),
    [
        # the template's spare rows left unused (指标2：, ……, beside a level label) hold no answer
        ([["三级指标", "年度指标值"], ["指标1：工程质量合格", ""], ["指标2：", ""], ["……", ""]], False),
        ([["二级指标", "三级指标", "分值"], ["质量指标", "指标2：", ""], ["", "……", "/"]], False),
        # a placeholder that was scored or answered is template text among the answers
        ([["三级指标", "年度指标值", "分值", "得分"], ["指标2：", "100%", "10", "10"]], True),
        ([["二级指标", "三级指标", "分值"], ["质量指标", "……", "10"]], True),
        ([["三级指标", "年度指标值"], ["请填写指标名称", ""]], True),
        ([["三级指标", "年度指标值"], ["指标1：工程质量合格", "合格"]], False),
        ([["项目名称", "……"]], False),  # not an indicator table
        ([["三级指标", "原因分析"], ["填表说明", ""]], True),
        ([["三级指标", "原因分析"], ["填表说明：1.绩效指标由单位根据批复的绩效目标填写。", ""]], False),  # a footnote
        ([["三级指标", "原因分析"], ["安全事件处置时限", "填写说明：未完成的须说明原因"]], True),  # an answer cell
        ([["三级指标", "评价"], ["存在问题", "结合自评情况，分析存在的问题及原因。（200字以内）"]], True),
        ([["三级指标", "评价"], ["存在问题", "部分资金支付进度偏慢，200字以内的说明已附后"]], False),  # an answer
    ],
)
def test_template_text_left(cells: list[list[str]], fires: bool) -> None:
    rep = report(project("水旱灾害防御经费"), layout="form")
    found = run(rep, "template-text-left", document=_document(cells))
    assert bool(found) == fires
    if fires:
        finding = found[0]
        assert finding.project == "水旱灾害防御经费"
        assert all(e.sheet == "Sheet1" and e.cell for e in finding.evidence)
        assert "指标1：工程质量合格" not in {e.text for e in finding.evidence}


def test_template_text_in_parsed_rows() -> None:
    """A placeholder row that was scored is template text left; an unused spare row is not."""
    rep = report(project("甲", indicators=[indicator("指标2：", "产出/质量", weight=10, score=10)]))
    (finding,) = run(rep, "template-text-left")
    assert finding.project == "甲" and "指标2：" in finding.message
    assert run(report(project("甲", indicators=[indicator("指标2：", "产出/质量")])), "template-text-left") == []


@pytest.mark.parametrize(
    ("lines", "fires"),
    [
        # a form dumped one cell per line: the answer cells still hold the template's prompts
        (["年度目标完成情况 |", "对照年度目标,说明相关任务目标的完成情况(100字以内) |", "评价结论 |"], True),
        (["存在问题 |", "结合自评情况,分析存在的问题及原因。(200字以内) |"], True),
        # the form's own footnote and an answer that happens to mention a length are no prompts
        (["1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的 |"],
         False),
        (["存在问题 |", "部分资金支付进度偏慢(已整改) |"], False),
        (["根据自评情况，项目完成了全部目标，总分98分。"], False),
    ],
)
def test_template_prompts_in_a_text_dump(lines: list[str], fires: bool) -> None:
    from reportparse.model import Line, Paragraph

    source = Source(path="form.txt", format="text", sha256="0" * 64, pages=1)  # type: ignore[arg-type]
    paragraphs = [Paragraph(text=t, page=1, lines=[Line(text=t, page=1, line=n + 1)], spans=[(0, len(t))])
                  for n, t in enumerate(lines)]
    found = run(report(project("工资性支出"), layout="form"), "template-text-left",
                document=Document(source=source, elements=paragraphs))  # type: ignore[arg-type]
    assert bool(found) == fires
    if fires:
        assert found[0].project == "工资性支出" and found[0].evidence[0].line


@pytest.mark.parametrize(("total_row", "fires"), [(False, False), (True, True)])
def test_the_last_row_of_a_form_the_page_cut_off_is_not_missing_values(total_row: bool, fires: bool) -> None:
    """An excerpt that stops inside the form's last row (its 得分 cut, no 总分 anywhere) shows the cut,
    not a row the unit left empty; a form that goes on to its 总分 row left the cell empty itself."""
    cells = [["三级指标", "年度指标值", "实际完成值", "分值", "得分"],
             ["项目验收合格率", "=100%", "100", "20", "19"],
             ["满意度", "≥95%", "95", "10", ""]]
    if total_row:
        cells.append(["总分", "", "", "100", "90"])
    document = _document(cells)
    rows = [indicator("项目验收合格率", "产出/质量", target("=100%", "=", 100, "%"), [_table("100", "%")], 20, 19),
            indicator("满意度", "满意度", target("≥95%", ">=", 95, "%"), [_table("95", "%")], 10, None)]
    rows = [ind.model_copy(update={"evidence": [Evidence(page=1, text=ind.name, table=0, row=n + 1)]})
            for n, ind in enumerate(rows)]
    scores = [line("总分", 100, 90)] if total_row else []
    found = run(report(project("卫片执法补助经费", indicators=rows, scores=scores), layout="form"), "missing-values",
                document=document)
    assert bool(found) == fires


def test_a_spare_row_beside_a_level_label_a_dump_broke_is_still_unused() -> None:
    """'效益指标\\n30分)' (the bracket lost in the dump) is a level label, not an answer beside the ……."""
    cells = [["一级指标", "二级指标", "三级指标", "分值"], ["效益指标\n30分)", "社会效益指标", "……", ""]]
    rep = report(project("林业局部门整体支出"), layout="form")
    assert run(rep, "template-text-left", document=_document(cells)) == []


@pytest.mark.parametrize(("tgt", "actual_row", "fires"), [
    # 132.9 万 spent under a ≤202.6 万 cost ceiling: a saving, no 大幅超额 owed a reason
    (target("≤202.6万元", "<=", 2026000, "元"), actual("132.9万元", 1329000, "元", origin="table"), False),
    # a response time far under its ceiling is an overshoot the 偏差原因 cell should explain
    (target("≤24小时", "<=", 24, "h"), actual("4小时", 4, "h", origin="table"), True),
])
def test_a_saving_under_a_money_ceiling_owes_no_deviation_reason(tgt: Target, actual_row: Actual, fires: bool) -> None:
    row = indicator("项目总成本" if tgt.unit == "元" else "故障响应时间", "产出/成本", tgt, [actual_row],
                    weight=10, score=10, deviation_reason="")
    assert bool(run(report(project(indicators=[row]), layout="form"), "deviation-reason-missing")) == fires


@pytest.mark.parametrize(("heading", "level"), [
    ("年度绩效指标完成情况", "质量指标"),
    ("绩效指标执行情况", "（40分）"),
])
def test_a_spare_row_under_a_merged_heading_is_still_unused(heading: str, level: str) -> None:
    """A block heading merged down the rows repeats its text in the spare row's cells: a span carried
    from the row it opens in, not an answer written beside the placeholder."""
    cells = [["绩效指标", "二级指标", "三级指标", "分值", "得分"],
             [heading, level, "指标1：设备完好率", "10", "10"],
             [heading, level, "指标2：", "", ""],
             [heading, level, "……", "", ""]]
    document = _document(cells)
    for row in document.elements[0].rows[2:]:  # type: ignore[union-attr]
        for cell in row[:2]:
            cell.merged = True
    rep = report(project("设备维护经费"), layout="form")
    assert run(rep, "template-text-left", document=document) == []
    # the same heading written afresh in the row (not a span) beside a scored placeholder still fires
    cells[3] = [heading, level, "……", "10", "10"]
    assert run(rep, "template-text-left", document=_document(cells))
