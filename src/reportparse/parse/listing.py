"""What a report that lists several projects says of the list as a whole.

A finance bureau's notice publishes the evaluation reports of several projects as attachments, each
named after what it evaluates; a department's report lists its key projects, each with its own score,
beside its whole spending; a bond list's opening names its topic ('现将X局2024年度专项债券项目资金的绩效
评价情况公示如下') before the rows that are the projects. These rules tell the parser which names are
evaluated objects and which one is only the list's topic.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Project, Report
from reportparse.parse.evidence import Sentence, sentence_evidence
from reportparse.parse.fundwords import fund_endings
from reportparse.parse.layout import Layout
from reportparse.parse.names import Registry
from reportparse.parse.projectmentions import find_mentions

#: an attached evaluation report named after what it evaluates: '附件3：X项目绩效评价报告.pdf',
#: '附件：2021年度Y部门整体支出绩效自评报告'
_ATTACHED_REPORT = lazy_compile(
    r"附件\s*\d{0,2}\s*[:：]\s*(?:20\d{2}\s*年度?)?(?P<name>(?:(?!附件)[^:：，。；;]){4,60}?)(?:的)?(?:绩效)?(?:自评|评价)+"
    r"(?:报告|表)(?:\.(?:pdf|docx?|xlsx?|wps))?"
)


def attached_reports(layout: Layout) -> list[str]:
    """What each attached evaluation report of a notice evaluates ('附件3：X项目绩效评价报告.pdf' → X项目);
    a reader may have joined the list's lines, so one paragraph can hold several."""
    return [m.group("name") for info in layout.paras for m in _ATTACHED_REPORT.finditer(info.para.text)]


#: what an attached form of the department's whole spending evaluates ('附件1：《2019年度X会部门整体绩效自评表》')
_WHOLE_SPENDING = lazy_compile(r"部门整体|整体支出")


def attached_whole_spending(layout: Layout, project: Project) -> bool:
    """Is the project only the department's whole spending named by an attached form's title? A report on its
    projects often attaches the department's form beside theirs ('附件1：《…部门整体绩效自评表》', '附件2：《…X项目
    绩效自评表》'): the report itself says nothing of that form's money."""
    attached = [re.sub(r"[《》“”\s]", "", name) for name in attached_reports(layout)]
    spellings = [re.sub(r"[《》“”\s]", "", s) for s in (project.name, *project.aliases)]
    return any(_WHOLE_SPENDING.search(s) and any(s and s in name for name in attached) for s in spellings)


#: a self-evaluation score stated in a paragraph: '自评得分96分', '得分92分'
_ITEM_SCORE = lazy_compile(r"(?:自评|评价)?得分\s*(?:为|是|:|：)?\s*\d{1,3}(?:\.\d+)?\s*分")


def scored_items(layout: Layout, registry: Registry) -> bool:
    """Do two or more of the projects a department's report lists carry a self-evaluation score of their
    own ('(一)法律援助经费：全年预算数120万元…自评得分96分')? They are then evaluated projects beside the
    department's whole spending, not lines of it."""
    scored: set[str] = set()
    for info in layout.paras:
        if _ITEM_SCORE.search(info.para.text):
            scored.update(name for _, _, name in find_mentions(info.para.text, [
                (p.canonical(), p.aliases()) for p in registry.projects]))
    return len(scored) >= 2


def accounted_items(layout: Layout, registry: Registry) -> bool:
    """Do two or more of the projects a department's report lists each get a budget and a spending of their own
    ('1.X经费。年初预算150万元，全年支出146万元', '(二)Y项目' over '本项目安排资金30万元，实际使用27万元')? They
    are then projects accounted for one by one beside the department's whole spending, not lines of it."""
    from reportparse.parse.itemnames import states_budget_and_spending

    names = [(p.canonical(), p.aliases()) for p in registry.projects]
    accounted: set[str] = set()
    for info, following in zip(layout.paras, [*layout.paras[1:], None], strict=False):
        text = info.para.text
        mentions = find_mentions(text, names)
        for (_, end, name), after in zip(mentions, [*mentions[1:], None], strict=False):
            if states_budget_and_spending(text[end:after[0] if after else len(text)]):
                accounted.add(name)
        heading_only = info.heading and len(mentions) == 1 and following is not None and not following.heading
        if heading_only and following is not None and not find_mentions(following.para.text, names) and (
                states_budget_and_spending(following.para.text)):
            accounted.add(mentions[0][2])  # (a subheading naming the project over the paragraph of its money)
    return len(accounted) >= 2 and _opening_states_money(layout, names)


def _opening_states_money(layout: Layout, names: list[tuple[str, list[str]]]) -> bool:
    """Does the text before the first paragraph that names a listed project state an amount of money (the
    department's own: '2022年部门支出合计1238.2万元')? A report that only lists its projects' money says nothing of
    the department's whole, which is then no subject of its own."""
    from reportparse.parse.quantities import money

    for info in layout.paras:
        if find_mentions(info.para.text, names):
            return False
        if not info.heading and money(info.para.text):
            return True
    return False


#: measures a project's own report states too (its 预算执行率, 支付进度): they say nothing of the department
_PROJECT_MEASURES = frozenset({"预算执行率", "支付进度率"})


def states_department_measures(layout: Layout) -> bool:
    """Does the prose give figures for two or more of the department-wide measures that only a 部门整体支出
    evaluation reports (政府采购执行率, 结转结余率, 三公经费控制率 …)? The report then evaluates the
    department as a whole, beside the projects it lists."""
    from reportparse.parse.department import paragraph_measures

    stated = {indicator.name for info in layout.paras if not info.heading
              for indicator in paragraph_measures(info.para)}
    return len(stated - _PROJECT_MEASURES) >= 2


def holds_nothing(project: Project, report: Report) -> bool:
    """Does the report give the project no money, score, grade or indicator of its own?"""
    budget = project.budget
    money = (budget.initial, budget.planned, budget.executed, budget.returned)
    return (all(q is None for q in money) and not project.scores and not project.indicators
            and project.total_score is None and project.grade is None
            and not any(project.name in total.projects for total in report.fund_totals))


def only_totals_its_projects(whole: Project, projects: list[Project]) -> bool:
    """Is the unit's whole project spending nothing but the sum of the projects the report lists, each with its
    own money ('纳入评价的项目共4个，项目支出609.74万元，分项如下：1、A费5万元；…4、D资金594.74万元')? Then it is
    their total, no subject of its own; a whole beyond them (15 projects counted, two described) stays one. The
    whole holds no score or indicator of its own either."""
    budget = whole.budget
    if whole.scores or whole.indicators or whole.total_score is not None or len(projects) < 2:
        return False
    stated = {q.value for q in (budget.initial, budget.planned, budget.executed) if q is not None and q.value}
    parts = [p.budget.planned for p in projects]
    if not stated or any(q is None or q.value is None for q in parts):
        return False
    total = sum((q.value for q in parts if q is not None and q.value is not None), Decimal(0))
    return all(abs(value - total) < _CENT for value in stated)


#: the rounding a stated total may carry (one 分 in 元)
_CENT = Decimal("0.01")


def opening_is_about(layout: Layout, subject: str, names: list[tuple[str, list[str]]]) -> None:
    """The opening of a department's report, before the first paragraph about a listed project, is about
    the department's whole spending ('2023年本部门全年预算数1580.2万元…'), not the first project listed."""
    others = [(name, aliases) for name, aliases in names if name != subject]
    for info in layout.paras:
        if info.project not in (None, subject) or find_mentions(info.para.text, others):
            break
        info.project = subject


#: a sentence naming the parts of the amount before it, to its full stop: '其中：A项目1个，金额10万元；B项目…。'
_PARTS_SENTENCE = lazy_compile(r"(?:^|(?<=[。；;]))\s*其中[^。]*。")


def unnamed_paragraphs_are_about(layout: Layout, subject: str, names: list[tuple[str, list[str]]]) -> None:
    """A fund's report that counts its projects and names them after 其中 ('安排项目2个，资金10.7万元。其中：A项目…；
    B项目…') is about the fund wherever it names none of them but in that list: '全年预算数为13.064万元' is the
    fund's money, and so are the indicators the paragraph of the list goes on to give ('共设六个三级指标…')."""
    others = [(name, aliases) for name, aliases in names if name != subject]
    for info in layout.paras:
        if info.project is None and not find_mentions(_PARTS_SENTENCE.sub("", info.para.text), others):
            info.project = subject


def opening_sentences_are_about(sentences: list[Sentence], subject: str, names: list[tuple[str, list[str]]]) -> None:
    """The department's opening read sentence by sentence, for a dump that ran the whole report into one
    paragraph: every sentence before the first that names a listed project is about the department's whole
    spending ('部门预算总金额803.74万元…'), as opening_is_about says of whole paragraphs."""
    others = [(name, aliases) for name, aliases in names if name != subject]
    for s in sentences:
        if s.project not in (None, subject) or find_mentions(s.text, others):
            return
        s.project = subject


#: what may stand between a name and the amount it is stated with: '…项目资金440万元', 'X资金共计440万元'
_STATED_AS = lazy_compile(r"^\s*(?:为|是|共|共计|合计|总计)?\s*$")


def restated_funds(sentences: list[Sentence], projects: dict[str, Project], report: Report) -> dict[str, str]:
    """Name-only projects that are another project's fund named again: stated right before the very amount that
    project's budget is ('下达X资金440万元' … '长泰区2024年Y资金440万元已经全部分配到各项目'). The report has one
    fund under two names, not two funds; the mapping is from the second name to the project it restates."""
    from reportparse.parse.quantities import money

    budgets: dict[object, list[str]] = {}
    for name, project in projects.items():
        planned = project.budget.planned
        if planned is not None and planned.value is not None:
            budgets.setdefault(planned.value, []).append(name)
    out: dict[str, str] = {}
    for name, project in projects.items():
        restating = not holds_nothing(project, report)  # (named again with the amount: its budget is that amount)
        if (restating and not _holds_only_its_budget(project)) or not name.endswith(("资金", "经费")):
            continue
        for s in sentences:
            at = s.text.find(name)
            if at < 0:
                continue
            after = at + len(name)
            stated = next((m for m in money(s.text) if m.start >= after), None)
            holders = [h for h in budgets.get(stated.value, []) if h != name and h not in out and (
                not restating or _stated_before(projects[h], project))] if stated is not None and _STATED_AS.match(
                s.text[after:stated.cmp_start]) else []
            if len(holders) == 1 and holders[0].endswith(("资金", "经费")):
                out[name] = holders[0]
                break
    return out


def _holds_only_its_budget(project: Project) -> bool:
    """Does the project hold a budget and nothing else (the amount its name was stated with, which
    `restated_funds` then finds to be another project's)?"""
    budget = project.budget
    return (budget.planned is not None and budget.initial is None and budget.executed is None
            and budget.returned is None and not project.scores and not project.indicators
            and project.total_score is None and project.grade is None)


def _stated_before(holder: Project, project: Project) -> bool:
    """Was the holder's budget stated before the project's (the first statement holds, the later restates)?"""
    def line(p: Project) -> tuple[int, int] | None:
        evidence = p.budget.planned.evidence if p.budget.planned is not None else []
        at = (evidence[0].line if evidence[0].line is not None else evidence[0].paragraph) if evidence else None
        return (evidence[0].page or 0, at) if at is not None else None

    first, second = line(holder), line(project)
    return first is not None and second is not None and first < second


#: the words that say what an amount pays for, right before the name they give: '…5404万元用于X项目建设'
_USED_FOR = lazy_compile(r"用于(?:实施|建设|开展)?$")


def funds_purposes(sentences: list[Sentence], projects: dict[str, Project], report: Report) -> dict[str, str]:
    """Projects that are only what a fund's money is for: named nowhere but after 用于 ('下达中央资金5404万元用于X项目
    建设') and holding nothing but that money, which is exactly another project's, a fund's, budget. The report has
    one fund and says what it pays for, not two projects; the mapping is from the purpose to the fund (a title
    that names the purpose keeps it a project of its own)."""
    from reportparse.parse.quantities import money

    out: dict[str, str] = {}
    for name, project in projects.items():
        budget = project.budget
        if (budget.planned is None or budget.executed is not None or project.indicators or project.scores
                or name.endswith(fund_endings()) or name in (report.title or "")):
            continue
        # (a goal may name the work again, '完成8个建制村的农村环境综合整治': only where money is said does it matter)
        at = [(s, m.start()) for s in sentences if money(s.text) for m in re.finditer(re.escape(name), s.text)]
        if not at or not all(_USED_FOR.search(s.text[:start]) for s, start in at):
            continue
        funds = [other for other, fund in projects.items() if other != name and other.endswith(fund_endings())
                 and fund.budget.planned is not None and fund.budget.planned.value == budget.planned.value]
        if len(funds) == 1:
            out[name] = funds[0]
    return out


def counted_fund(evaluated_fund: str | None, title: str) -> str | None:
    """The fund whose projects a report counts and names after 其中, a subject beside them: named as a report
    naming nothing else would name it ('某县2023年度彩票公益金绩效自评报告' → 彩票公益金)."""
    from reportparse.parse import UNNAMED_PROJECT
    from reportparse.parse.subject import untitled_name

    fund = evaluated_fund or untitled_name(title)
    return fund if fund and fund != UNNAMED_PROJECT else None


#: a fund's name ends in its money word (a 补助 or 补贴 is what an allotment pays, not the fund it comes from)
_FUND_WORD = lazy_compile(r"(?:资金|转移支付)$")


def fund_of_allotments(layout: Layout, sentences: list[Sentence], projects: dict[str, Project],
                       names: list[tuple[str, list[str]]]) -> Project | None:
    """The fund a transfer-payment report shares out among the projects it names, as a subject of its own.

    '下达宣汉县X保护补助40万元，下达渠县Y补助-竹编2万元' … '2021年我市国家非物质文化遗产保护资金下达42万元' …
    '下达达州市的…资金用于…。自评得分92.45': the report evaluates the fund (its whole amount, its score) beside
    each allotment. The fund is the name the report keeps repeating that is none of the projects', stated with an
    amount that is exactly the sum of the projects' budgets.
    """
    from reportparse.parse.openingsubject import repeated_names
    from reportparse.parse.quantities import money

    planned = [p.budget.planned.value for p in projects.values() if p.budget.planned is not None]
    if len(projects) < 2 or len(planned) != len(projects) or any(v is None for v in planned):
        return None
    whole = sum(v for v in planned if v is not None)
    # (a cited notice's title names the fund as well: not the report's own naming of it)
    spellings = [spelling for name, aliases in names for spelling in (name, *aliases)]
    fund = next((name for name in repeated_names([re.sub(r"《[^》]*》", "。", info.para.text) for info in layout.paras])
                 if _FUND_WORD.search(name) and not find_mentions(name, names)
                 and not any(name in spelling for spelling in spellings)), None)
    # (and the report's conclusion speaks of it: '二、综合评价结论 下达我市的…资金用于…。自评得分92.45')
    if fund is None or not any(info.section == "conclusion" and fund in info.para.text for info in layout.paras):
        return None
    for s in sentences:
        if fund in s.text and any(m.value == whole and m.unit == "元" for m in money(s.text)):
            stated = next(m for m in money(s.text) if m.value == whole)
            project = Project(name=fund, evidence=[sentence_evidence(s)])
            project.budget.planned = stated.quantity(sentence_evidence(s))
            return project
    return None
