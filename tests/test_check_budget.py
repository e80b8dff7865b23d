"""Budget checks: execution rate and score, over-execution, balances, fund sums, missing evaluations."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.checks import REGISTRY, _load_check_modules
from reportparse.checks.catalogue import DOCUMENT_CODES
from reportparse.model import Document, FundRow, Project, Quantity

from ._builders import ev, fund_total, indicator, line, project, qty, report, run, target


def test_every_catalogue_code_has_a_registered_check() -> None:
    _load_check_modules()
    assert set(DOCUMENT_CODES) <= set(REGISTRY)


@pytest.mark.parametrize(
    ("planned", "executed", "printed", "fires"),
    [
        (54500, 52900, 100, True),  # printed 100% but 97.06%
        (54500, 52900, 97.06, False),
        (54500, 52900, 97.4, False),  # within 0.5 pp
        (100000, 100000, 1, False),  # "1" is 100% written as a fraction
        (0, 0, 0, False),  # no budget: no rate to compare
        (100000, 100000, None, False),  # blank 执行率 cell is not a wrong rate
    ],
)
def test_budget_rate_mismatch(planned: int, executed: int, printed: float | None, fires: bool) -> None:
    rep = report(project(planned=planned, executed=executed, printed_rate=printed))
    found = run(rep, "budget-rate-mismatch")
    assert bool(found) == fires
    if fires:
        assert found[0].expected == Decimal("97.06") and found[0].actual == Decimal("100")
        assert len(found[0].evidence) == 3


def test_the_rate_is_the_one_normalise_stores() -> None:
    """The check works on a hand-built report (no Budget.rate) and says what the normaliser stores."""
    from reportparse.normalise import normalise_report

    rep = report(project(planned=54500, executed=52900, printed_rate=100))
    assert rep.projects[0].budget.rate is None
    (raw,) = run(rep, "budget-rate-mismatch")
    normalised = normalise_report(rep)
    (again,) = run(normalised, "budget-rate-mismatch")
    stored = normalised.projects[0].budget.rate
    assert stored is not None and raw.expected == again.expected == stored.quantize(Decimal("0.01"))
    assert raw.message == again.message


@pytest.mark.parametrize(
    ("planned", "executed", "weight", "score", "fires"),
    [
        (54500, 52900, 10, 10, True),  # 9.71 claimed 10
        (54500, 52900, 10, 9.71, False),
        (54500, 52900, 10, 9.7, False),  # within 0.05
        (100000, 100000, 10, 10, False),
        (100000, 120000, 10, 10, False),  # over-executed: capped at the weight
        (899740, 899740, 10, 0, True),  # a 100% rate scored 0
        (0, 0, 10, 0, False),  # no budget: nothing to recompute
        (54500, 52900, None, None, False),
    ],
)
def test_budget_score_mismatch(planned: int, executed: int, weight: int | None, score: float | None,
                               fires: bool) -> None:
    scores = [line("预算执行", weight, score, f"预算执行情况分值 {weight} 分，得分 {score} 分")] if weight else []
    rep = report(project(planned=planned, executed=executed, scores=scores))
    found = run(rep, "budget-score-mismatch")
    assert bool(found) == fires
    if fires:
        finding = found[0]
        assert finding.project == "测试项目" and finding.profile == "national-2020"
        assert len(finding.evidence) == 3  # the score sentence, the budget and the executed amount


def test_budget_score_from_the_budget_block_of_a_form() -> None:
    rep = report(project(planned=880, executed=440, budget_weight=20, budget_score=20))
    (finding,) = run(rep, "budget-score-mismatch")
    assert finding.expected == Decimal("10.00") and finding.actual == 20


@pytest.mark.parametrize(("planned", "executed", "fires"), [(100, 120, True), (100, 100, False), (100, 0, False)])
def test_over_executed(planned: int, executed: int, fires: bool) -> None:
    found = run(report(project(planned=planned, executed=executed)), "over-executed")
    assert bool(found) == fires
    if fires:
        assert found[0].expected == 100 and found[0].actual == 120 and len(found[0].evidence) == 2


@pytest.mark.parametrize(
    ("planned", "executed", "returned", "explained", "fires"),
    [
        (54500, 52900, None, False, True),
        (54500, 52900, None, True, False),  # 结余 / 结转 explained
        (199600, 0, 199600, False, False),  # everything returned
        (199600, 0, 100000, False, True),
        (100000, 100000, None, False, False),
        (100000, None, None, False, False),  # executed unknown: cannot say
    ],
)
def test_unexplained_balance(planned: int, executed: int | None, returned: int | None, explained: bool,
                             fires: bool) -> None:
    rep = report(project(planned=planned, executed=executed, returned=returned, balance_explained=explained))
    found = run(rep, "unexplained-balance")
    assert bool(found) == fires
    if found:
        assert found[0].actual == planned - (executed or 0) - (returned or 0)


@pytest.mark.parametrize(
    ("total", "parts", "fires"),
    [
        (410300, [199600, 210700], False),
        (410300, [199600, 210750], False),  # 50 元 is within 0.01 万元
        (420300, [199600, 210700], True),
        (410300, [199600, None], False),  # a part unknown
    ],
)
def test_fund_sum_mismatch_on_stated_totals(total: int, parts: list[int | None], fires: bool) -> None:
    rep = report(project("甲", planned=199600), project("乙", planned=210700),
                 fund_totals=[fund_total(total, parts, projects=["甲", "乙"])])
    found = run(rep, "fund-sum-mismatch")
    assert bool(found) == fires
    if fires:
        assert found[0].expected == 410300 and found[0].actual == 420300 and len(found[0].evidence) == 4


def _row(label: str, initial: int | None, planned: int | None, executed: int | None) -> FundRow:
    def q(value: int | None) -> object:
        return qty(value, raw=f"{label} {value}") if value is not None else None

    return FundRow(label=label, initial=q(initial), planned=q(planned), executed=q(executed))  # type: ignore[arg-type]


def test_fund_sum_mismatch_on_a_form_fund_block() -> None:
    # 年度资金总额 printed 0/0/0 while 其中：本年财政拨款 is 90/89.974/89.974 万元
    proj = project("委托业务项目", planned=0, executed=0, sub_rows=[
        _row("本年财政拨款", 900000, 899740, 899740), _row("上年结转资金", None, None, None)])
    proj.budget.initial = qty(0)
    found = run(report(proj), "fund-sum-mismatch")
    assert {f.indicator for f in found} == {"年初预算数", "全年预算数", "全年执行数"}
    assert all(f.actual == 0 for f in found)


def test_fund_block_that_adds_up_is_not_flagged() -> None:
    proj = project("水旱灾害防御经费", planned=8800000, executed=8800000,
                   sub_rows=[_row("本年财政拨款", 8800000, 8800000, 8800000), _row("其他资金", None, None, None)])
    assert run(report(proj), "fund-sum-mismatch") == []


def test_a_report_that_scores_no_project_leaves_none_out() -> None:
    """An excerpt that stops before the evaluation, or a goal table published alone: no per-project finding."""
    rep = report(project("甲项目", planned=100000), project("乙项目", planned=200000))
    assert run(rep, "missing-evaluation") == []


@pytest.mark.parametrize(
    ("kwargs", "fires"),
    [
        ({"planned": 199600, "executed": 0, "returned": 199600}, True),
        ({"indicators": [indicator("维护完成率", tgt=target("100%", ">=", 100, "%"))]}, True),
        ({"planned": 199600, "scores": [line("预算执行", 10, 10)]}, False),
        ({"planned": 199600, "evaluated": True}, True),  # a sentence about the project is no score
        ({"planned": 199600, "grade": "优"}, False),  # a stated grade is an evaluation
        ({}, False),  # nothing to evaluate
    ],
)
def test_missing_evaluation(kwargs: dict[str, object], fires: bool) -> None:
    scored = project("大组工网络维护费", planned=500000, scores=[line("预算执行", 10, 10)])
    found = run(report(scored, project("市远程办平台维护费", **kwargs)), "missing-evaluation")  # type: ignore[arg-type]
    assert bool(found) == fires
    if fires:
        assert found[0].project == "市远程办平台维护费" and found[0].evidence


def test_merged_budget_line_quoting_other_numbers_is_not_judged() -> None:
    """A score line whose quotes state several different scores (merged from several places) is unsure."""
    merged = line("预算执行", 10, 10, "预算执行情况分值 10 分，得分 10 分")
    other = merged.evidence[0].model_copy(update={"text": "预算执行情况分值 10 分，得分 8 分", "page": 3})
    merged.evidence.append(other)
    rep = report(project(planned=54500, executed=52900, scores=[merged]))
    assert run(rep, "budget-score-mismatch") == []


@pytest.mark.parametrize(
    ("sentence", "other_project", "explained"),
    [
        ("结余资金 0.16 万元已按规定上缴财政。", True, True),  # names this balance
        ("另两个项目共计 41.03 万元全部交回市财政。", True, False),  # another project's money
        ("结余资金已按规定上缴财政。", False, True),  # the report's only budget
        ("结余资金 0.16 万元结转下年使用。", True, True),
        ("项目按计划实施。", False, False),
        ("上年结转资金", False, False),  # a fund block's row label is no disposal
    ],
)
def test_balance_explained_somewhere_in_the_document(sentence: str, other_project: bool, explained: bool) -> None:
    from reportparse.model import Document, Paragraph, Source

    projects = [project("大组工网络维护费", planned=54500, executed=52900)]
    if other_project:
        projects.append(project("市远程办平台维护费", planned=199600, executed=0, returned=199600))
    source = Source(path="r.txt", format="text", sha256="0" * 64, pages=1)  # type: ignore[arg-type]
    doc = Document(source=source, elements=[Paragraph(text=sentence, page=1)])
    found = run(report(*projects), "unexplained-balance", document=doc)
    assert bool(found) != explained


@pytest.mark.parametrize(
    ("stray", "fires"),
    [
        (project("数字资源购置费", planned=322900), False),  # a shorter spelling of the evaluated project
        (project("档案数字化经费", planned=333900), False),  # another spelling, same budget, no goals
        (project("城区河道保洁经费", planned=333900,
                 indicators=[indicator("保洁河道长度", tgt=target("≥20公里", ">=", 20, "km"))]), True),
        (project("城区河道保洁经费", planned=500000), True),
    ],
)
def test_missing_evaluation_ignores_a_name_variant_split_off(stray, fires: bool) -> None:  # type: ignore[no-untyped-def]
    evaluated = project("公共图书馆数字资源购置费", planned=322900, executed=333900, scores=[line("预算执行", 10, 10)])
    found = run(report(evaluated, stray), "missing-evaluation")
    assert bool(found) == fires


def _prose(*sentences: str):  # type: ignore[no-untyped-def]
    from reportparse.model import Document, Line, Paragraph, Source

    source = Source(path="r.txt", format="text", sha256="0" * 64, pages=1)  # type: ignore[arg-type]
    paragraphs = [Paragraph(text=t, page=2, lines=[Line(text=t, page=2, line=40 + i)], spans=[(0, len(t))])
                  for i, t in enumerate(sentences)]
    return Document(source=source, elements=paragraphs)


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("以上两个项目共计安排预算 146.14 万元。", True),
        ("以上两个项目共计安排预算 144.94 万元。", False),
        ("以上三个项目共计安排预算 146.14 万元。", False),  # counts other projects than these
        ("两个项目共计列支 146.14 万元。", True),  # executed amounts
        ("全年维护设备台数共计44台。", False),  # not money, not all projects
    ],
)
def test_fund_sum_mismatch_on_a_sentence_totalling_every_project(sentence: str, fires: bool) -> None:
    rep = report(project("公共图书馆数字资源购置费", planned=339400, executed=339400),
                 project("城区河道保洁经费", planned=1110000, executed=1110000))
    found = run(rep, "fund-sum-mismatch", document=_prose("项目按计划实施。", sentence))
    assert bool(found) == fires
    if fires:
        finding = found[0]
        assert finding.expected == 1449400 and finding.actual == 1461400
        assert finding.evidence[0].text == sentence.rstrip("。") and finding.evidence[0].line == 41
        assert len(finding.evidence) == 3


def test_fund_block_rows_must_name_a_source_of_money() -> None:
    proj = project("体检补助", planned=561500, executed=561500, sub_rows=[_row("预算执行情况分值", None, 10, 10)])
    assert run(report(proj), "fund-sum-mismatch") == []


# ------------------------------------------------------------------------------------------
# a budget row whose cells cannot be what their columns say (a dump that dropped an empty cell)
# ------------------------------------------------------------------------------------------


def _shifted(planned: int, executed: int, rate_raw: str, rate: int, weight: int | None, score: int | None,
             executed_cell: str | None = None) -> Project:
    """A project whose budget row reads as a dump shifted it: cells quoted as they stand."""
    built = project(planned=planned, executed=executed, budget_weight=weight, budget_score=score)
    built.budget.printed_rate = Quantity(raw=rate_raw, value=Decimal(rate), unit="%", evidence=[ev(rate_raw)])
    if executed_cell is not None and built.budget.executed is not None:
        built.budget.executed.evidence = [ev(executed_cell)]
    return built


@pytest.mark.parametrize(
    ("built", "code"),
    [
        # '880 880 880 10 10' under 年初/全年/执行/分值/执行率/得分 with the 执行率 cell left blank:
        # 880 read as the 分值, the score 10 as the 执行率
        (_shifted(8800000, 8800000, "10", 10, 880, 10), "budget-score-mismatch"),
        (_shifted(8800000, 8800000, "10", 10, 880, 10), "budget-rate-mismatch"),
        # '387664.62 | 387664.62 | 10 | 100% | 10' with the 年初 cell dropped: the 分值 10 read as 执行数
        (_shifted(387664, 10, "10", 10, None, None, executed_cell="10"), "budget-rate-mismatch"),
        (_shifted(387664, 10, "10", 10, None, None, executed_cell="10"), "unexplained-balance"),
    ],
)
def test_a_shifted_budget_row_gives_no_budget_finding(built: Project, code: str) -> None:
    assert run(report(built), code) == []


def test_a_percentage_read_as_the_budget_is_no_overspend() -> None:
    built = project(planned=100, executed=100000)
    assert built.budget.planned is not None
    built.budget.planned = Quantity(raw="100%", value=Decimal(100), unit="元", evidence=[ev("100%")])
    assert run(report(built), "over-executed") == []


def test_a_bare_printed_rate_that_repeats_no_other_cell_is_still_judged() -> None:
    built = _shifted(100000, 80000, "95", 95, 10, 8)
    (finding,) = run(report(built), "budget-rate-mismatch")
    assert finding.expected == Decimal("80.00") and finding.actual == 95


@pytest.mark.parametrize(("executed", "fires"), [(105, True), (200, True), (250, False), (1600, False)])
def test_over_executed_needs_a_plausible_gap(executed: int, fires: bool) -> None:
    """Spending more than twice the budget is an amount read into the wrong place (a 其中 part taken
    for the budget), not an overspend a reviewer would trust."""
    assert bool(run(report(project(planned=100, executed=executed)), "over-executed")) == fires


# ------------------------------------------------------------------------------------------
# a total and its 其中 parts written in prose
# ------------------------------------------------------------------------------------------


def _paragraphs(*paragraphs: str) -> Document:
    from reportparse.model import Line, Paragraph, Source, SourceFormat

    elements = [Paragraph(text=t, page=1, lines=[Line(text=t, page=1, line=n + 1)], spans=[(0, len(t))])
                for n, t in enumerate(paragraphs)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1),
                    elements=elements)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # parts of a spending total that add up to more than it: never right
        ("本项目共完成预算资金89.97万元。其中:30万元用于预算编制;30万元用于审计;29.99万元用于测绘。", True),
        ("本项目共完成预算资金89.99万元。其中:30万元用于预算编制;30万元用于审计;29.99万元用于测绘。", False),
        # sources of money that add up to less than the total: a source is missing or a figure is wrong
        ("下达资金共计61.8万元，其中中央财政资金30.9万元，县财政资金20.9万元。", True),
        ("下达资金共计61.8万元，其中中央财政资金30.9万元，县财政资金30.9万元。", False),
        # components that are not sources may list only some of the total
        ("项目总投资500万元，其中建安工程费400万元、设备购置费50万元。", False),
        # a list the page cut off, and a list of spending under a budget, are not breakdowns to add up
        ("收到补助资金合计7505万元，其中：普通国省道建设2666万元，已支出39万元，省交通事业520万元", False),
        ("安排资金100万元，其中：甲项目安排60万元已支出55万元、乙项目安排40万元。", False),
        # a single part is a share, not a breakdown
        ("下达资金61.8万元，其中中央财政资金30.9万元。", False),
        # a bracket after a part breaks that part down: its amounts are no further parts of the total
        ("下达资金合计100万元。其中,中央资金70万元(一般公共预算30万元;彩票公益金40万元);省级资金30万(一般公共预算"
         "25万元;彩票公益金5万元)。", False),
        ("已使用资金300万元,其中:中央补助资金100万元(含待支付进度款20万元),地方配套资金150万元,"
         "其他资金50万元。", False),
        ("下达资金合计100万元。其中,中央资金70万元(一般公共预算30万元;彩票公益金40万元);省级资金20万元。", True),
        # a paragraph ending on a colon hands its last part a list below: finished, not cut; parts that add up
        # to more than the total are wrong whatever the list holds, parts that add up to less may be completed there
        ("全年安排项目资金共计500万元。其中评价为优的项目12个，资金380万元；评价为良的项目5个，资金90万元；"
         "评价为差的项目3个，资金45万元，具体如下：", True),
        ("全年安排项目资金共计515万元。其中评价为优的项目12个，资金380万元；评价为良的项目5个，资金90万元；"
         "评价为差的项目3个，资金45万元，具体如下：", False),
        ("共下达补助资金80万元，其中：中央资金50万元，省级资金40万元，分配到以下乡镇:", True),
        ("共下达补助资金95万元，其中：中央资金50万元，省级资金40万元，分配到以下乡镇:", False),
    ],
)
def test_a_prose_breakdown_that_does_not_add_up(text: str, fires: bool) -> None:
    found = run(report(project("补助项目")), "fund-sum-mismatch", document=_paragraphs(text))
    assert bool(found) == fires
    if fires:
        assert found[0].project == "补助项目" and found[0].evidence[0].line == 1


def test_a_zero_rate_beside_a_zero_score_is_judged_not_taken_for_a_shift() -> None:
    """'年度资金总额 0 0 0 10 0 0' with 89.974 万 in its 其中 row: the printed 0 is the form's own claim."""
    built = _shifted(899740, 899740, "0", 0, 10, 0)
    (finding,) = run(report(built), "budget-rate-mismatch")
    assert finding.actual == 0 and finding.expected == 100


def test_an_approximate_total_leaves_no_balance_to_explain() -> None:
    """'项目总投资约22.66亿元…2022年已拨付6亿元': an estimate over several years, not this year's budget."""
    built = project(planned=2266000000, executed=600000000)
    assert built.budget.planned is not None
    built.budget.planned = built.budget.planned.model_copy(update={"approx": True, "raw": "约22.66亿元"})
    assert run(report(built), "unexplained-balance") == []
    assert run(report(project(planned=2266000000, executed=600000000)), "unexplained-balance")


@pytest.mark.parametrize(
    ("sentence", "explained"),
    [
        ("共计11.5万元未支出，已上缴县财政。", True),  # 4 + 7.5: the balances of both projects at once
        ("11.5万元结转下年使用。", True),
        ("4万元已上缴县财政。", False),  # one project's balance says nothing of the other's 7.5万
        ("12万元已上缴县财政。", False),  # neither balance nor their sum
    ],
)
def test_one_sentence_may_dispose_of_the_balances_of_all_listed_projects(sentence: str, explained: bool) -> None:
    from reportparse.model import Document, Paragraph, Source

    projects = [project("文物保护项目", planned=500000, executed=460000),
                project("公共文化服务项目", planned=800000, executed=725000)]
    source = Source(path="r.txt", format="text", sha256="0" * 64, pages=1)  # type: ignore[arg-type]
    doc = Document(source=source, elements=[Paragraph(text=sentence, page=1)])
    found = run(report(*projects), "unexplained-balance", document=doc)
    if explained:
        assert found == []
    else:
        assert found, sentence


@pytest.mark.parametrize(
    ("raw", "value", "fires"),
    [
        # a fraction printed to one decimal stands for ±0.05 of it: 0.1 for 94/650 = 0.1446 is rounding
        ("0.1", 10, False),
        ("0.10", 10, True),  # two decimals claim 0.095–0.105: 14.46% is outside
        ("0.2", 20, True),  # 0.15–0.25 does not hold 14.46%
        ("10%", 10, True),  # a percentage printed whole: ±0.5 points only
        ("14%", 14, False),
    ],
)
def test_a_printed_rate_is_judged_to_its_own_precision(raw: str, value: int, fires: bool) -> None:
    built = project(planned=6500000, executed=940000)
    built.budget.printed_rate = qty(value, "%", raw=raw)
    assert bool(run(report(built), "budget-rate-mismatch")) == fires, raw


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # by source, then by use, after a clause break: each adds up to the total on its own
        ("共下达移民后扶资金2272万元,其中:中央资金1753万元,省级资金519万元;用于直发直补资金609.22万元、"
         "项目扶持资金138.78万元、切块项目资金1524万元。", False),
        ("安排资金100万元，其中中央资金60万元、县级资金40万元，按用途分：设备购置70万元、培训20万元。", False),
        # the second list exceeds the total: still wrong
        ("安排资金100万元，其中中央资金60万元、县级资金40万元；用于设备购置90万元、培训20万元。", True),
        # no break: a third part after parts that already make the total is an excess
        ("安排资金100万元，其中中央资金60万元、县级资金40万元、市级资金10万元。", True),
    ],
)
def test_a_second_breakdown_of_the_same_total(text: str, fires: bool) -> None:
    found = run(report(project("补助项目")), "fund-sum-mismatch", document=_paragraphs(text))
    assert bool(found) == fires, text


def _spent(planned: int, executed: int, executed_text: str) -> Project:
    built = project(planned=planned, executed=executed)
    built.budget.executed = qty(executed, raw=executed_text)
    return built


@pytest.mark.parametrize(
    ("executed_text", "year", "fires"),
    [
        ("项目资金共2179万元,截止2022年12月8日,已完成拨付2113.63万元", 2022, False),  # the year still running
        ("截至目前已支付2113.63万元", 2022, False),
        ("截至6月底已拨付2113.63万元", 2022, False),
        ("截至2022年12月31日已拨付2113.63万元", 2022, True),  # the closing figure
        ("截至12月底已拨付2113.63万元", 2022, True),
        ("截至2023年3月已拨付2113.63万元", 2022, True),  # after the year closed: a real leftover
        ("已完成拨付2113.63万元", 2022, True),
    ],
)
def test_a_balance_dated_before_the_year_closed_is_no_leftover(executed_text: str, year: int, fires: bool) -> None:
    rep = report(_spent(21790000, 21136300, executed_text))
    rep.year = year
    assert bool(run(rep, "unexplained-balance")) == fires, executed_text


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("保山市应承担增加投资共9925万元,还需拨付325万元,市级预算安排260万元。", False),
        ("剩余325万元尚需支付,待工程结算后拨付。", False),
        ("剩余325万元。", True),
    ],
)
def test_a_balance_said_to_be_still_payable_is_explained(text: str, fires: bool) -> None:
    found = run(report(project(planned=99250000, executed=96000000)), "unexplained-balance",
                document=_paragraphs(text))
    assert bool(found) == fires, text


def _form(*rows: list[str]) -> Document:
    from reportparse.model import Cell, Source, SourceFormat, Table

    cells = [[Cell(text=t, row=r, col=c, page=1) for c, t in enumerate(row)] for r, row in enumerate(rows)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1),
                    elements=[Table(rows=cells, page=1, index=0)])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("document", "fires"),
    [
        # 1088 planned, 1020.02 arrived and 1020.02 spent: the gap never arrived
        (_form(["计划安排资金(万元)", "1088.00", "实际到位资金(万元)", "1020.02"],
               ["实际支出(万元)", "1020.02"]), False),
        (_paragraphs("计划安排资金1088万元,实际到位资金1020.02万元,已全部支出。"), False),
        # arrived in full, part unspent: a balance that needs a word
        (_form(["计划安排资金(万元)", "1088.00", "实际到位资金(万元)", "1088.00"],
               ["实际支出(万元)", "1020.02"]), True),
        (_paragraphs("计划安排资金1088万元,资金已全部到位,实际支出1020.02万元。"), True),
    ],
)
def test_money_that_never_arrived_is_no_balance(document: Document, fires: bool) -> None:
    found = run(report(project(planned=10880000, executed=10200200)), "unexplained-balance", document=document)
    assert bool(found) == fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # 转移支付 names the grant: its sources still add up to more than the total
        ("下达上级资金转移支付755.19万元。其中:中央级资金转移支付124.23万元,省级资金转移支付370.83万元,"
         "市级资金260.3万元,资金共分为10个项目。", True),
        ("下达转移支付资金100万元，其中中央转移支付60万元、省级转移支付50万元。", True),
        ("下达转移支付资金110万元，其中中央转移支付60万元、省级转移支付50万元。", False),
        # a real payment after a budget is still another kind of money
        ("下达资金100万元，其中中央资金60万元已支付65万元。", False),
    ],
)
def test_a_transfer_payment_is_a_grant_not_spending(text: str, fires: bool) -> None:
    found = run(report(project("补助项目")), "fund-sum-mismatch", document=_paragraphs(text))
    assert bool(found) == fires, text


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # an investment's sources, then what was done with it: spending is no part of the total
        ("项目总投资120万元，其中财政资金100万元，群众自筹20万元，已完成投资115万元。", False),
        ("下达资金200万元，其中中央资金120万元、省级资金80万元，实际完成150万元。", False),
        # the same sources adding up to more than the total, with no spending among them: still wrong
        ("项目总投资120万元，其中财政资金100万元，群众自筹30万元。", True),
    ],
)
def test_spending_after_an_investment_breakdown_is_no_part(text: str, fires: bool) -> None:
    found = run(report(project("补助项目")), "fund-sum-mismatch", document=_paragraphs(text))
    assert bool(found) == fires, text


def test_an_arrival_rate_is_no_arrived_amount() -> None:
    """'资金到位率 | 100%' beside a 100万元 spending: a share, not 100 万元 that arrived."""
    doc = _form(["资金到位率", "100%"], ["实际支出(万元)", "100"])
    assert run(report(project(planned=1200000, executed=1000000)), "unexplained-balance", document=doc)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # sources listed after a total without 其中, in the clauses of its sentence
        ("项目资金共计500万元，比上年增加12%；中央资金支出320万元，占64%；县级配套资金支出210万元，占42%。", True),
        ("项目资金共计530万元，比上年增加12%；中央资金支出320万元，占64%；县级配套资金支出210万元，占42%。", False),
        ("全年合计投入资金86.5万元，财政资金60万元，自筹资金30万元，详见附表：", True),
        ("全年合计投入资金86.5万元，财政资金60万元，自筹资金20万元，详见附表：", False),  # less: may be the main ones
        # an amount that is no source of the total, or one of another span of time
        ("全年合计投入资金86.5万元，财政资金60万元，修缮道路30万元。", False),
        ("全年合计投入资金86.5万元，财政资金60万元，财政资金累计投入300万元。", False),
        # budgets listed after a spending total answer another question
        ("全年共计支出资金86.5万元，中央资金安排60万元，县级资金安排30万元。", False),
        # the page cut the sentence
        ("全年合计投入资金86.5万元，财政资金60万元，自筹资金30万元", False),
        # the sources make the total, then a clause break opens the same money again
        ("项目资金共计100万元，中央资金60万元，县级资金40万元；财政资金支出90万元。", False),
    ],
)
def test_sources_listed_after_a_total_without_qizhong(text: str, fires: bool) -> None:
    found = run(report(project("补助项目")), "fund-sum-mismatch", document=_paragraphs(text))
    assert bool(found) == fires, text
