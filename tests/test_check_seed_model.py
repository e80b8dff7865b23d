"""The seed report built by hand as the parser should fill it: the checks must give exactly the gold's
required findings, none of its forbidden ones, and no other error or warning."""

from __future__ import annotations

from reportparse.model import Report

from ._builders import actual, indicator, line, project, remark, report, run, target
from ._builders import fund_total as total

FILM = "党员电教片拍摄费"
CLOUD = "金昌市干部教育培训网云服务费"
OFFICE = "市远程办平台维护费"
RURAL = "农村党员干部现代远程教育维护费"
NETWORK = "大组工网络维护费"


def _satisfaction(*actuals):  # the goal-table row shared by the four platform projects
    return indicator("党员干部满意度", "满意度", target("≥95%", ">=", 95, "%"), actuals)


def seed_report() -> Report:
    film = project(
        FILM, planned=100000, executed=100000,
        scores=[line("预算执行", 10, 10), line("产出", 50, 50), line("产出/数量", 15, 15), line("产出/质量", 15, 15),
                line("产出/时效", 10, 10), line("产出/成本", 10, 10), line("效益", 40, 40),
                line("效益/社会效益", 20, 20), line("效益/满意度", 20, 20)],
        indicators=[
            indicator("拍摄数量", "产出/数量", target("≥5部", ">=", 5, "部"), [
                actual("共策划拍摄《寻找“第一书记”》专题片 4 部", 4, "部", origin="conclusion", page=3),
                actual("全年各类电教片拍摄 7 部", 7, "部", origin="analysis", page=4)]),
            indicator("片长", "产出/质量", target("单集片长不少于15分钟", ">=", 0.25, "h"), [
                actual("单集片长不少于 30 分钟", 0.5, "h", "restated", ">=", page=4),
                actual("微电影、微视频不少于15 分钟", 0.25, "h", "restated", ">=", page=4)]),
            indicator("电教片内容", "产出/质量", target("符合相关规定要求", "qualitative"),
                      [actual("全部按指标完成任务", kind="qualitative", page=4)]),
            indicator("按时完成拍摄", "产出/时效", target("在合同或其他规定时间内完成拍摄", "qualitative"),
                      [actual("在规定时间完成拍摄计划", kind="qualitative", page=4)]),
            indicator("电教片成本", "产出/成本", target("2万元/部", "<=", 20000, "元/部")),
            indicator("用身边人、身边事弘扬主旋律", "效益/社会效益", target("效果显著", "qualitative")),
            indicator("传递学习习近平新时代中国特色社会主义思想", "效益/可持续影响", target("长期影响", "qualitative")),
            indicator("人民群众满意度", "满意度", target("≥90%", ">=", 90, "%"),
                      [actual("电教片观看满意度普遍较高", kind="qualitative", page=5)]),
        ])
    cloud = project(
        CLOUD, planned=98000, executed=98000,
        scores=[line("预算执行", 10, 10), line("产出", 50, 50), line("产出/数量", 20, 20), line("产出/质量", 10, 10),
                line("产出/时效", 10, 10), line("产出/成本", 10, 10), line("效益", 40, 40),
                line("效益/满意度", 30, 30), line("效益/可持续影响", 10, 10)],
        indicators=[
            indicator("金昌市干部教育培训网云服务完成率", "产出/数量", target("100%", ">=", 100, "%"), [
                actual("服务器带宽不少于 150M", 150, "Mbps", "restated", ">="),
                actual("云主机数量为 3 台", 3, "台")],
                remark_quantities=[remark("服务器带宽", ">=", 150, "Mbps"), remark("云主机数量", "=", 3, "台")]),
            indicator("干部教育培训网云服务正常运行", "产出/质量",
                      target("云服务中断时间每年累计不超过12h", "<=", 12, "h"),
                      [actual("中断时间每年累计不超过 12 小时", 12, "h", "restated", "<=")]),
            indicator("金昌市干部教育培训网云服务费", "产出/成本", target("9.8 万元", "<=", 98000, "元"),
                      [actual("全年执行数为 9.8 万元", 98000, "元")]),
            indicator("系统运行维护响应时间", "产出/时效", target("≤10小时", "<=", 10, "h"),
                      [actual("系统运行维护响应时间≤10 小时", 10, "h", "restated", "<=")], in_goal_table=False),
            indicator("网络使用持续性", "效益/可持续影响", target("长期", "qualitative"),
                      [actual("为建设安全稳定的金昌市干部教育培训网提供有力支撑", kind="qualitative")]),
            _satisfaction(actual("服务对象满意度达 98%", 98, "%")),
        ])
    office = project(OFFICE, planned=199600, executed=0, returned=199600, status_note="平台停用", indicators=[
        indicator("市远程办平台维护完成率", "产出/数量", target("100%", ">=", 100, "%")),
        indicator("市远程办平台正常运行", "产出/质量", target("每年无故障运行时间大于 340 天", ">", 8160, "h")),
        _satisfaction()])
    rural = project(RURAL, planned=210700, executed=0, returned=210700, indicators=[
        indicator("农村党员干部现代远程教育平台维护完成率", "产出/数量", target("100%", ">=", 100, "%")),
        _satisfaction()])
    network = project(
        NETWORK, planned=54500, executed=52900,
        scores=[line("预算执行", 10, 10), line("产出", 50, 50), line("产出/数量", 20, 20), line("产出/质量", 20, 20),
                line("产出/成本", 10, 10), line("效益", 40, 40), line("效益/社会效益", 15, 15),
                line("效益/满意度", 15, 15), line("效益/可持续影响", 10, 10)],
        indicators=[
            indicator("大组工网网络维护完成率", "产出/数量", target("100%", ">=", 100, "%")),
            indicator("大组工网正常运行", "产出/质量", target("单方面线路中断时间每年累计不超过一周", "<=", 168, "h"),
                      [actual("单方面线路中断时间每年累计不超过 1 周", 168, "h", "restated", "<=")]),
            indicator("大组工网建设标准", "产出/质量",
                      target("线路及设备符合涉密信息系统分级保护建设标准", "qualitative"),
                      [actual("线路及设备符合涉密信息系统分级保护建设标准", kind="qualitative")]),
            indicator("专线", "产出/数量", None, [actual("建设大组工网络专线 1 条", 1, "条")], in_goal_table=False),
            indicator("大组工网网络维护费", "产出/成本", target("5.45 万元", "<=", 54500, "元"),
                      [actual("全年执行数为 5.29 万元", 52900, "元")]),
            _satisfaction(actual("服务对象满意度达 90%以上", 90, "%", comparator=">=", approx=True)),
        ])
    return report(film, cloud, office, rural, network,
                  fund_totals=[total(410300, [199600, 210700], projects=[OFFICE, RURAL])])


REQUIRED = {
    ("conflicting-actuals", FILM, "拍摄数量"),
    ("target-changed", FILM, "片长"),
    ("unsupported-score", FILM, "人民群众满意度"),
    ("budget-score-mismatch", NETWORK, "预算执行"),
    ("target-missed-full-score", NETWORK, "党员干部满意度"),
    ("missing-evaluation", OFFICE, None),
    ("missing-evaluation", RURAL, None),
    ("unexplained-balance", NETWORK, None),
}


def test_seed_model_gives_exactly_the_required_errors_and_warnings() -> None:
    serious = {(f.code, f.project, f.indicator) for f in run(seed_report()) if f.severity != "info"}
    assert serious == REQUIRED


def test_seed_model_findings_quote_every_place_involved() -> None:
    findings = {(f.code, f.project): f for f in run(seed_report())}
    conflict = findings[("conflicting-actuals", FILM)]
    assert {e.text for e in conflict.evidence} == {"共策划拍摄《寻找“第一书记”》专题片 4 部", "全年各类电教片拍摄 7 部"}
    budget = findings[("budget-score-mismatch", NETWORK)]
    assert str(budget.expected) == "9.71" and budget.actual == 10 and len(budget.evidence) == 3
    missed = findings[("target-missed-full-score", NETWORK)]
    assert len(missed.evidence) == 3  # target row, the 90%以上 sentence, the 满意度 score line


def test_seed_model_info_findings_are_the_acceptable_ones() -> None:
    info = {(f.code, f.project) for f in run(seed_report()) if f.severity == "info"}
    assert ("target-missed", FILM) in info  # 4 < 5 under the conclusion's figure
    assert ("actual-restates-target", CLOUD) in info
    assert ("actual-restates-target", NETWORK) in info
    assert ("indicator-not-in-goals", NETWORK) in info
    assert not any(code == "target-missed-full-score" and name == CLOUD for code, name in info)
