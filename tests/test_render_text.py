"""The terminal renderer: grouped by project, quotes with pages, a summary; plain without colour."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from reportparse.model import Quantity, Result
from reportparse.render import text as text_renderer
from reportparse.render.common import NUMBER_RE, cell_width, format_money, group_findings, trim_quote, wrap_cells
from reportparse.render.text import render_text
from tests.render_samples import failed_result, sample_result


def test_plain_output_has_no_escape_codes_and_colour_output_has() -> None:
    result = sample_result()
    assert "\x1b[" not in render_text([result], color=False)
    assert "\x1b[" in render_text([result], color=True)


def test_findings_are_grouped_under_their_project_with_page_and_quote() -> None:
    text = render_text([sample_result()], color=False)
    headings = ("党员电教片拍摄费 ─", "大组工网络维护费 ─", "市远程办平台维护费 ─")
    films, network, stopped = (text.index(name) for name in headings)
    assert films < text.index("conflicting-actuals") < network
    assert network < text.index("budget-score-mismatch") < stopped
    assert stopped < text.index("missing-evaluation")
    assert "p.1 第7行  “专题片 4 部”" in text
    assert "p.2 第9行  “全年各类电教片拍摄 7 部”" in text


def test_a_finding_naming_a_project_by_alias_is_grouped_under_the_canonical_name() -> None:
    groups = {g.name: [f.code for f in g.findings] for g in group_findings(sample_result())}
    assert "target-changed" in groups["党员电教片拍摄费"]
    assert "党员电教片拍摄费项目" not in groups


def test_severities_are_ordered_within_a_project() -> None:
    groups = group_findings(sample_result())
    order = {"error": 0, "warning": 1, "info": 2}
    for group in groups:
        ranks = [order[f.severity.value] for f in group.findings]
        assert ranks == sorted(ranks)


def test_budget_line_shows_wan_and_yuan_and_rate() -> None:
    text = render_text([sample_result()], color=False)
    assert "预算 5.45 万元（54,500 元）  执行 5.29 万元（52,900 元）  执行率 97.06%" in text


def test_summary_line_counts_by_severity_and_the_header_gives_the_status() -> None:
    text = render_text([sample_result()], color=False)
    assert text.rstrip().splitlines()[-1] == "合计：2 错误，4 警告，2 提示"
    assert text.splitlines()[0].endswith("规则 national-2020  完成")


def test_failed_result_shows_reason_in_chinese_and_a_table_of_files() -> None:
    text = render_text([failed_result("scan.pdf"), sample_result()], color=False)
    assert "无法处理（no-text-layer）：PDF 没有文字层" in text
    table = text[text.index("文件 "):]
    assert re.search(r"scan\.pdf +PDF +无法处理 +— +— +— +— *$", table, re.M)
    assert re.search(r"report\.pdf +PDF +完成 +3 +2 +4 +2", table)
    assert text.rstrip().splitlines()[-1] == "共 2 个文件：2 错误，4 警告，2 提示  状态 完成/无法处理"


def test_one_language_for_people() -> None:
    """Severity words, statuses, reasons and reader notes in Chinese; codes as they are."""
    result = sample_result()
    result.notes = ["text: encoding gb18030", "text: blank-line doubling detected (a single blank line is not ...)",
                    "sheet '附表' is hidden", "sheet '自评表': hidden rows 3, 7"]
    text = render_text([result, failed_result("nonexist.pdf")], color=False)
    for english in ("error", "warning", "info", " ok", "failed", "encoding", "blank-line", "hidden", "sheet"):
        assert english not in text.replace("conflicting-actuals", ""), english
    assert "注意：文本编码 gb18030" in text and "注意：工作表「自评表」有隐藏行：3, 7" in text
    assert "conflicting-actuals" in text


def test_printed_rate_is_said_only_when_it_differs() -> None:
    result = sample_result()
    assert result.report is not None
    budget = result.report.projects[0].budget
    budget.printed_rate = Quantity(raw="执行率 100%", value=budget.rate, unit="%")
    assert "报告写" not in render_text([result], color=False).split("大组工网络维护费")[0]
    budget.printed_rate = Quantity(raw="执行率 98%", value=Decimal(98), unit="%")
    assert "（报告写 98%）" in render_text([result], color=False)


@pytest.mark.parametrize("width", [60, 80, 160])
def test_lines_fit_the_width_given(width: int) -> None:
    text = render_text([sample_result(), failed_result("scan.pdf")], color=False, width=width)
    assert all(cell_width(line) <= width for line in text.splitlines())
    # a folded budget line keeps its indent and its pairs whole: no '得分' at the end, '10/10' at column 0
    assert not any(line.startswith(("10/10", "得分")) or line.rstrip().endswith("  得分") for line in text.splitlines())
    assert any(cell_width(line) > width - 10 for line in text.splitlines())  # the rules use the width


def test_quotes_are_trimmed_around_the_indicator_when_they_have_no_figure() -> None:
    quote = "根据年初制定的计划，本年度按照上级要求认真开展了各项工作，" * 3 + "群众对电教片内容普遍表示认可。"
    trimmed = trim_quote(quote, limit=40, anchor="电教片内容")
    assert "电教片内容" in trimmed and trimmed.startswith("…")


def test_each_project_fits_on_one_screen() -> None:
    text = render_text([sample_result()], color=False)
    blocks = text.split(" ───")
    assert all(len(block.splitlines()) <= 50 for block in blocks)
    assert all(cell_width(line) <= 100 for line in text.splitlines())


@pytest.mark.parametrize(
    ("quote", "must_keep"),
    [
        ("短句 4 部", ["4 部"]),
        ("共计拍摄 7 部，观看人数超过 6000 人次", ["7", "6000"]),
        ("根据年初制定的计划，本年度全市范围内完成了各类电教片的拍摄工作，" * 2
         + "共计拍摄 7 部，观看人数超过 6000 人次。", ["7", "6000"]),
        ("这是一个没有任何数字的很长的句子" * 6, []),
        ("执行率 97.06%，" + "说明文字" * 30, ["97.06%"]),
    ],
)
def test_trim_quote_keeps_numbers_and_marks_cuts(quote: str, must_keep: list[str]) -> None:
    trimmed = trim_quote(quote, limit=60)
    assert cell_width(trimmed) <= 60
    for piece in must_keep:
        assert piece in trimmed
    if cell_width(quote) > 60:
        assert "…" in trimmed
    else:
        assert trimmed == quote


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (Quantity(raw="19.96 万元", value=Decimal(199600), unit="元"), "19.96 万元（199,600 元）"),
        (Quantity(raw="10 万元", value=Decimal(100000), unit="元"), "10 万元（100,000 元）"),
        (Quantity(raw="1234.5 元", value=Decimal("1234.5"), unit="元"), "0.1235 万元（1,234.5 元）"),
        (Quantity(raw="约 5 万元", value=Decimal(50000), unit="元", approx=True), "约 5 万元（50,000 元）"),
        (Quantity(raw="若干"), "若干"),
        (None, "—"),
    ],
)
def test_format_money(quantity: Quantity | None, expected: str) -> None:
    assert format_money(quantity) == expected


@pytest.mark.parametrize(("text", "numbers"), [("满意度达 90%以上", ["90%"]), ("5.29 万元", ["5.29"]),
                                               ("１２ 小时", ["１２"]), ("1,234.5 元", ["1,234.5"]), ("无", [])])
def test_number_pattern(text: str, numbers: list[str]) -> None:
    assert [m.group() for m in NUMBER_RE.finditer(text)] == numbers


def test_trim_quote_prefers_the_numbers_the_finding_talks_about() -> None:
    quote = ("2021 年，市财政对党员电教片拍摄费预算 10 万元、干部教育培训网云服务费 9.8 万元、"
             "远程办平台维护费 19.96 万元、大组工网络维护费 5.45 万元，共计 45.21 万元。")
    trimmed = trim_quote(quote, limit=50, focus={"5.45"})
    assert "5.45" in trimmed and trimmed.startswith("…")
    assert cell_width(trimmed) <= 50


@pytest.mark.parametrize("width", [20, 41, 94])
def test_wrap_cells_folds_chinese_within_the_width_without_splitting_numbers(width: int) -> None:
    message = "项目有预算 19.96万元、8 个绩效目标指标，但报告没有对其进行自评或打分（因平台停用，经费全部交回市财政）"
    lines = wrap_cells(message, width)
    assert all(cell_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == message.replace(" ", "")
    assert any("19.96" in line for line in lines)


def test_cells_of_one_table_row_are_quoted_on_one_line() -> None:
    from reportparse.model import Evidence, Finding, Severity

    result = sample_result()
    result.findings = [Finding(code="goal-not-reported", severity=Severity.INFO, project="党员电教片拍摄费",
                               indicator="电教片成本", message="目标表中的指标没有任何完成情况",
                               evidence=[Evidence(page=3, text="电教片成本", table=1, row=5, col=3),
                                         Evidence(page=3, text="2 万元/部", table=1, row=5, col=4),
                                         Evidence(page=3, text="成本目标", table=1, row=6, col=2)])]
    text = render_text([result], color=False)
    assert "p.3 表2 第6行  “电教片成本 │ 2 万元/部”" in text
    assert "p.3 表2 第7行  “成本目标”" in text


@pytest.mark.parametrize(
    ("where", "expected"),
    [({"page": 3}, "p.3"), ({"page": 1, "line": 12}, "p.1 第12行"),
     ({"page": 2, "table": 0, "row": 4, "col": 1}, "p.2 表1 第5行 第2列"),
     ({"page": 1, "sheet": "Sheet1", "cell": "D16", "table": 0, "row": 15, "col": 3}, "Sheet1!D16"),
     ({"page": 1, "sheet": "自评表", "table": 0, "row": 2}, "自评表 表1 第3行")],
)
def test_location(where: dict[str, object], expected: str) -> None:
    from reportparse.render.common import location

    assert location(**where) == expected  # type: ignore[arg-type]


def test_findings_without_a_report_or_with_unknown_projects_are_still_shown() -> None:
    from reportparse.model import Status
    from reportparse.render.html import render_html

    result = sample_result()
    result.report = None
    result.status = Status.PARTIAL
    result.problems = ["表格第 3 页无法解析"]
    text = render_text([result], color=False)
    for finding in result.findings:
        assert finding.code in text
    assert "未能读取：表格第 3 页无法解析" in text
    assert "党员电教片拍摄费项目 ─" in text  # the alias is all we know: it heads its own group
    page = render_html(result)
    assert page.count('<tr class="finding"') == len(result.findings)


def test_wrap_keeps_a_score_pair_whole() -> None:
    message = "报告只以文字描述完成情况，没有实测值，“效益/满意度”却得分 20/20"
    for width in range(20, 60):
        assert any("20/20" in line for line in wrap_cells(message, width)), width


def test_the_table_of_files_shows_no_escape_sequence_of_a_file_name() -> None:
    text = render_text([failed_result("evil\x1b[2J.pdf"), sample_result("a\x1b]0;x\x07.pdf")], color=False)
    table = text[text.index("文件 "):]
    assert "\x1b" not in table and "\x07" not in table
    assert "evil.pdf" in table and "a.pdf" in table


def test_wrapped_lines_never_end_on_an_opening_bracket() -> None:
    message = "需要用 LibreOffice 转换后读取，但本机没有安装 LibreOffice（Debian/Ubuntu：apt-get install x）"
    for width in range(20, 70):
        lines = wrap_cells(message, width)
        assert not any(line.endswith(("（", "“")) for line in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == message.replace(" ", "")


def _through_rich(results: list[Result], width: int) -> str:
    """What the renderer gives when rich prints every line (the path for colour, tables, overlong lines)."""
    page = text_renderer._Page(width)
    for index, result in enumerate(results):
        if index:
            page.print()
        text_renderer._print_result(page, text_renderer._terminal_safe_result(result))
    exported = text_renderer._rich_export(page, color=False)
    return "\n".join(line.rstrip() for line in exported.splitlines()) + "\n"


@pytest.mark.parametrize("width", [50, 73, 100, 160])
def test_plain_lines_are_the_bytes_rich_prints(width: int) -> None:
    """Without colour the renderer joins its lines itself when they fit; rich would print the same bytes."""
    result = sample_result()
    result.notes = ["text: encoding gb18030", "sheet '自评表': hidden rows 3, 7"]
    results = [result, failed_result("nonexist.pdf")]
    page = text_renderer._Page(width)
    for index, one in enumerate(results):
        if index:
            page.print()
        text_renderer._print_result(page, one)
    assert text_renderer._plain_lines(page) is not None  # the path under test is taken
    assert render_text(results[:1], color=False, width=width) == _through_rich(results[:1], width)
    assert render_text(results[1:], color=False, width=width) == _through_rich(results[1:], width)


def test_a_line_rich_would_change_goes_through_rich() -> None:
    """A tab, or a line too wide for the width (an unbreakable file name, an OCR note), is left to rich."""
    tabbed = sample_result()
    assert tabbed.report is not None
    tabbed.report.projects[0].name = "党员电教片\t拍摄费"
    wide = sample_result("/" + "很长的文件夹" * 30 + ".pdf")
    wide.findings[0].notes = ["ocr-uncertain"] * 30
    for result in (tabbed, wide):
        page = text_renderer._Page(60)
        text_renderer._print_result(page, result)
        assert text_renderer._plain_lines(page) is None
        assert render_text([result], color=False, width=60) == _through_rich([result], 60)


def test_every_character_a_terminal_acts_on_is_dropped_from_a_quote() -> None:
    """Each C0 control but newline and tab, DEL, each C1 control and each bidirectional override is seen in
    the result (the quick look at its JSON, then the strings one by one) and kept off the screen."""
    result = sample_result()
    finding = result.findings[0]
    unsafe = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F),
                               *range(0x2066, 0x206A)]]
    for char in unsafe:
        quoted = finding.evidence[0].model_copy(update={"text": f"预算{char}执行"})
        changed = finding.model_copy(update={"evidence": [quoted, *finding.evidence[1:]]})
        shown = render_text([result.model_copy(update={"findings": [changed, *result.findings[1:]]})], color=False)
        assert char not in shown and "预算执行" in shown, hex(ord(char))
