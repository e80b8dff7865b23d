"""Narrative self-evaluation reports (绩效自评报告): prose sections + goal tables → Report.

The steps, each in its own module: walk the document into sections (`layout`), collect the
project names (`narrativenames`) and merge their spellings (`names`), read the money sentences (`funds`), the
goal tables (`goals`), the claimed scores (`scores`) and the reported actuals (`actuals`). Every value
carries Evidence quoting the sentence or cell it came from.
"""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.model import Document, Project, Report
from reportparse.parse import (
    UNNAMED_PROJECT,
    coverfields,
    fundnames,
    funds,
    fundtables,
    goallines,
    goalprose,
    goals,
    scoreruns,
    scores,
    scoretables,
    sourcesum,
)
from reportparse.parse import department as department_measures
from reportparse.parse.actuals import link_actuals
from reportparse.parse.evidence import Sentence, sentence_evidence, span_evidence
from reportparse.parse.form.titles import record_title_name
from reportparse.parse.fundgrid import pair_grid_totals, pair_line_totals
from reportparse.parse.fundstack import stacked_totals
from reportparse.parse.genre import reads_as_performance_text
from reportparse.parse.headingscores import apply_heading_scores
from reportparse.parse.itemnames import run_in_fund_items
from reportparse.parse.layout import Layout, assign_context, sentences, walk
from reportparse.parse.listing import (
    accounted_items,
    attached_whole_spending,
    counted_fund,
    fund_of_allotments,
    funds_purposes,
    holds_nothing,
    only_totals_its_projects,
    opening_is_about,
    opening_sentences_are_about,
    restated_funds,
    scored_items,
    states_department_measures,
    unnamed_paragraphs_are_about,
)
from reportparse.parse.names import (
    ProjectName,
    Registry,
    evaluated_fund_name,
    same_project,
    strip_name,
    valid_candidate,
)
from reportparse.parse.narrativenames import collect_names
from reportparse.parse.openingsubject import (
    allotted_subject,
    introduced_subject,
    repeated_fund,
    repeated_source_fund,
)
from reportparse.parse.pagenoise import is_collection_copy
from reportparse.parse.projectmentions import find_mentions
from reportparse.parse.ratedrow import apply_rated_total_row
from reportparse.parse.reading import reading_copy, reading_document
from reportparse.parse.reportheader import read_header, sheet_title_rows
from reportparse.parse.samenames import respective_abbreviations, same_fund
from reportparse.parse.shortnames import shortened_names
from reportparse.parse.subject import (
    BODY,
    WHOLE_SPENDING_TITLE,
    counted_class,
    department_also_funds,
    department_subject,
    heading_subject,
    names_a_body,
    names_a_class,
    stated_subject,
    untitled_name,
)
from reportparse.parse.totalledparts import totalled_projects


def parse_narrative(document: Document, exclude_tables: set[int] | None = None) -> Report:
    """Parse the narrative layout; tables in `exclude_tables` belong to forms and are skipped."""
    layout = walk(reading_document(document), exclude_tables or set())
    all_sentences = sentences(layout)
    fund_tables = fundtables.find_fund_tables(layout)
    goal_tables = goals.find_goal_tables(layout)
    listed = fundtables.table_names(fund_tables) + goals.project_column_names(goal_tables)
    report = Report(layout="narrative")
    read_header(report, layout)
    texts = [info.para.text for info in layout.paras]
    # (each line of a paragraph first: a reader may have joined a page's last header line to the title below it,
    # '…字体大小: 放大 缩小' / '2022年度X妇女联合会部门(单位)整体支出绩效自评报告')
    head = [text for info in layout.paras[:12]
            for text in (*(ln.text for ln in info.para.lines if len(info.para.lines) > 1), info.para.text)]
    head = head or sheet_title_rows(layout)  # (a spreadsheet's title rows)
    department = department_subject(head, [info.title for info in layout.paras if info.heading], report.unit)
    # (a title the header reader did not take for one, '…专项转移支付2023年度农机购置补贴实施情况', still
    # opens the text: the title rules, which want a year and a fund's name, read the first line)
    # (a 范文 site's collection titles its examples by their genre, '农村厕所改造项目绩效评价报告 篇1': no name)
    title = None if is_collection_copy(document) else report.title or (texts[0] if texts else None)
    stated = stated_subject(texts[:6], title)
    # a fund the title or opening says the report evaluates ('财政专项扶贫资金绩效自评报告'): its words are
    # those of a source of money, but with no project named anywhere it is the report's subject
    evaluated_fund = stated if stated and evaluated_fund_name(stated) else None
    stated = stated if stated and valid_candidate(stated) else None  # '对2022年度三个项目开展了自评' is no name
    if stated and counted_class(stated, texts[:6]):
        stated = None  # the title's '新增地方政府专项债券项目' of which the opening counts 3: a class, no project
    introduced = None
    if stated is None and report.title is None and not department:
        # (an excerpt cut before its title: the project its opening sentence introduces, '我局2022年实施的X项目，…',
        # is its subject, whose costs and parts the money sentences then list)
        introduced = introduced_subject(texts[:6])
        stated = introduced = introduced if introduced and valid_candidate(introduced) else None
    # the parts an amount is said to hold (其中…): read once, from the sentences' text, which context never changes
    parts = fundnames.part_names(all_sentences)
    # (a subject the title states, '海口市财政支出项目绩效自评报告(X项目)': the title's other words are the kind of
    # report, not a name for the fallback to read)
    titled = stated is not None and stated == stated_subject([], title)
    counted = fundnames.counted_items(all_sentences)
    if counted and stated is None and not department:  # (the fund whose projects it counts is a subject too)
        stated = counted_fund(evaluated_fund, report.title or (texts[0] if texts else ""))
    # (and the projects the unit's project money is split into: '项目支出预算230万元，其中：A项目120万元…C补助30万元')
    registry = collect_names(layout, all_sentences, listed, parts, counted + totalled_projects(all_sentences)
                             + fundnames.announced_items(all_sentences),
                             one_subject=department is not None or stated is not None, subject_titled=titled,
                             title_names=title is not None,
                             unit_report=department is not None or WHOLE_SPENDING_TITLE.match(title or "") is not None)
    if not registry.projects and not department and not is_collection_copy(document):
        # a sheet or page titled by the record it keeps ('2023年X绩效目标完成情况'), no report or form words
        for line in head[:3]:
            recorded = record_title_name(line)
            if recorded and not names_a_body(recorded) and not names_a_class(recorded) and registry.add(recorded, 1):
                break
    run_in = run_in_fund_items(texts)
    if run_in and not department:
        # ('1.X经费。财政部下达…3431万元。设定年度绩效目标为：' / '2.Y资金。…': the items, each with its own money and
        # goals, are the projects; the fund the opening names, when none of them, is only what they draw on)
        registry.keep_apart(run_in)
        for name in run_in:
            registry.add(name, 2)
        if stated and not any(same_project(stated, name) for name in run_in):
            stated = None
    stated_entry = None
    if stated and not department:
        # (a report on one subject whose prose names one project only names that subject another way: the title's
        # '2020年人口普查经费资金项目' is the overview's '统计调查工作经费用于保障…', not a second project)
        holder = (registry.holding(stated) or _funded_project(registry, stated, texts[:10])
                  or same_fund(registry, stated) or (registry.projects[0] if len(registry.projects) == 1 else None))
        if holder is not None:
            holder.add(stated, 3)  # (the title's fuller name of a project the prose names shorter)
        else:
            stated_entry = registry.add(stated, 3)
    registry.merge_abbreviations([reading_copy(t) for t in texts], stated_entry)
    respective_abbreviations([reading_copy(t) for t in texts], registry)
    subject: ProjectName | None = None
    if department and registry.projects and (department_also_funds(texts[:6]) or scored_items(layout, registry)
                                             or states_department_measures(layout)
                                             or accounted_items(layout, registry)):
        # '开展了部门整体支出绩效自评…此外，还对“X”“Y”专项资金开展了绩效自评': the department's
        # whole spending is evaluated beside the funds the report names, and is a subject of its own (as
        # where the prose reports the department-wide measures, 政府采购执行率 and 结转结余率, with figures)
        registry.keep_apart([department, *(p.canonical() for p in registry.projects)])
        subject = registry.add(department, 3)
        bare = re.sub(rf"^.*?{BODY}", "", department)  # the report's own '2020年度部门整体支出'
        if subject is not None and bare != department:
            subject.add(bare, 1)
    goals.add_row_names(goal_tables, registry)
    names = [_with_project_suffix(p.canonical(), p.aliases(), layout) for p in registry.projects]
    # (the shorter forms a report on several projects calls one by after naming it in full: '…饮水安全巩固提升工程项目'
    # later '饮水安全工程')
    shortened = shortened_names(texts, names)
    names = [(name, [*aliases, *shortened.get(name, [])]) for name, aliases in names]
    stated_name = next((name for p, (name, _) in zip(registry.projects, names, strict=True) if p is stated_entry), None)
    projects = {name: Project(name=name, aliases=aliases) for name, aliases in names}
    assign_context(layout, names)
    subject_name = next((name for p, (name, _) in zip(registry.projects, names, strict=True) if p is subject), None)
    if subject_name is not None:
        opening_is_about(layout, subject_name, names)
    elif stated_name is not None and (counted or introduced):
        unnamed_paragraphs_are_about(layout, stated_name, names)
    whole = _whole_spending(report, layout, names) if len(names) >= 2 and not department else None
    if whole is not None:
        names.insert(0, (whole, []))
        projects = {whole: Project(name=whole), **projects}
    measured = not projects and states_department_measures(layout)
    if not projects and (goal_tables or _has_scores(layout) or measured
                         or reads_as_performance_text(_text_lines(layout))):
        # a report that names no project evaluates one thing: the department's whole spending, the
        # fund its opening sentence names, or what its title names
        name = (department or stated or evaluated_fund or heading_subject(texts, report.unit)
                or untitled_name(title or ""))
        if name != UNNAMED_PROJECT and name == _whole_spending_name(title) and not any(
                _ALL_PROJECTS.search(t) for t in texts[:12]):
            # (a title on the unit's project spending, 'X局2023年度项目支出绩效自评报告', over a text on one project:
            # the project its opening introduces, '为…，我局实施了Y项目', is what the report evaluates)
            name = introduced_subject(texts[:6]) or name
        if name == UNNAMED_PROJECT:
            # (a page cut before its title, or a template's title that names nothing: the fund its
            # opening keeps naming; a page that gives the measures only a department-wide evaluation
            # reports, 结转结余率 and 政府采购执行率, is about the department's whole spending)
            # (or the one its opening sentence introduces: '我局2023年实施的X项目，…', 'X资金共下达我县…')
            name = (allotted_subject(texts[:12]) or introduced_subject(texts[:6]) or repeated_fund(texts[:12], texts)
                    or repeated_source_fund(texts[:12])
                    or (f"{report.unit or ''}部门整体支出" if measured else name))
        names = [(name, [])]
        projects = {name: Project(name=name)}
        assign_context(layout, names)
    if not projects:
        return report
    if len(names) == 1:
        for info in layout.paras:  # a one-project report: every sentence is about that project
            info.project = info.project or names[0][0]
    all_sentences = sentences(layout)
    if subject_name is not None:
        opening_sentences_are_about(all_sentences, subject_name, names)
    _first_mentions(all_sentences, names, projects)
    received: funds.Received = {}
    report.fund_totals = funds.extract_funds(all_sentences, names, projects, parts, received, _title_year(report),
                                             report.year)
    report.fund_totals += fundtables.apply_fund_tables(fund_tables, names, projects)
    if len(projects) == 1:
        fundtables.apply_label_pairs(layout, next(iter(projects.values())))
        fundtables.apply_label_lines(layout, next(iter(projects.values())))
        coverfields.apply_run_pairs(layout, next(iter(projects.values())))
        coverfields.apply_column_pair_run(layout, next(iter(projects.values())))
        report.fund_totals += coverfields.column_pair_sources(layout, next(iter(projects.values())))
        coverfields.apply_declared_unit_pairs(layout, next(iter(projects.values())))
        coverfields.apply_label_columns(layout, next(iter(projects.values())))
        coverfields.apply_glued_fund_row(layout, next(iter(projects.values())))
        apply_rated_total_row(layout, next(iter(projects.values())))
        fundtables.apply_detail_total(layout, next(iter(projects.values())))
        report.fund_totals += fundtables.apply_source_use_block(layout, next(iter(projects.values())))
        only = next(iter(projects))
        report.fund_totals += (pair_grid_totals(layout, only) or pair_line_totals(layout, only)
                               or stacked_totals(layout, projects[only]))
    funds.received_as_budget(projects, received)  # (the money received, where no reader found a budget)
    if len(projects) == 1:
        sourcesum.sources_as_budget(next(iter(projects.values())), all_sentences)  # (its sources, where none did)
    shared = fund_of_allotments(layout, all_sentences, projects, names) if not department and stated is None else None
    if shared is not None:  # (the fund the allotments share, with its whole amount: a subject beside them)
        projects = {shared.name: shared, **projects}
        names.insert(0, (shared.name, []))
    goals.attribute_rows(goal_tables, layout, names, projects)
    goallines.apply_goal_lines(layout, projects)
    goallines.apply_done_lines(layout, projects)  # ('质量指标：确保天桥质量，已完成')
    by_area = goalprose.apply_goal_prose(layout, projects)
    for sentence in all_sentences:  # (a paragraph on one project's area of work reports that project's results)
        if sentence.project is None and sentence.index in by_area:
            sentence.project = by_area[sentence.index]
    scores.extract_scores(layout, projects)
    scoretables.apply_score_tables(layout, projects)
    scoreruns.apply_score_runs(layout, projects)  # (the same summary, its cells run together by a dump)
    apply_heading_scores(layout, projects)
    link_actuals(all_sentences, names, projects)
    # after the prose links: a measure's own statement is its result, never another measure's
    department_measures.apply_department_measures(layout, projects)
    for info in layout.paras:
        if info.project_heading and info.section in ("analysis", "conclusion"):
            projects[info.project_heading].evaluated = True
        report.narrative_text.append(span_evidence(info.para, 0, len(info.para.text)))
    for project in projects.values():
        project.evaluated = project.evaluated or bool(project.scores)
        _sync_budget_score(project)
    if stated_name in projects and len(projects) > 1 and holds_nothing(projects[stated_name], report):
        # the opening's '现将X局2024年度专项债券项目资金的绩效评价情况公示如下' names the topic of a list
        # of projects, each with its own money and score: the topic holds nothing of its own, no project
        del projects[stated_name]
    if whole in projects and len(projects) > 1 and (holds_nothing(projects[whole], report) or only_totals_its_projects(
            projects[whole], [p for n, p in projects.items() if n != whole])):
        del projects[whole]  # (the opening counted the projects but gave their whole no money: no subject of its own)
    for name in [n for n, p in projects.items() if holds_nothing(p, report) and attached_whole_spending(layout, p)]:
        if any(not holds_nothing(p, report) for p in projects.values()):
            del projects[name]  # (the department's form attached beside its projects' forms: no project here)
    for second, fund in restated_funds(all_sentences, projects, report).items():
        projects[fund].aliases.append(projects.pop(second).name)  # (one fund under two names)
    for purpose, fund in funds_purposes(all_sentences, projects, report).items():
        projects[fund].aliases.append(projects.pop(purpose).name)  # (what the fund's money is for)
    report.projects = list(projects.values())
    return report


def _whole_spending_name(title: str | None) -> str | None:
    """The unit's project spending a title names as a whole ('X局2023年度项目支出'), if it does."""
    whole = WHOLE_SPENDING_TITLE.match(title or "")
    return whole.group("name") if whole else None


def _funded_project(registry: Registry, fund: str, opening: list[str]) -> ProjectName | None:
    """The one project the fund a title names pays for ('彩票公益金…资金200万元，用于X建设项目'): the fund
    is that project's money, not a second project."""
    if len(registry.projects) != 1 or not re.search(r"(?:资金|补助|经费|转移支付)$", fund):
        return None
    project = registry.projects[0]
    spellings = [strip_name(s) for s in project.spellings if len(strip_name(s)) >= 4]
    used_for = any(re.search(r"用于(?:实施|建设|开展)?" + re.escape(s), t) for s in spellings for t in opening)
    return project if used_for else None


def _with_project_suffix(name: str, aliases: list[str], layout: Layout) -> tuple[str, list[str]]:
    """Keep 项目 in the canonical name when the report never writes the bare name (CONVENTIONS)."""
    written = name + "项目"
    if written not in aliases:
        return name, aliases
    text = "\n".join(info.para.text for info in layout.paras)
    if text.count(name) > text.count(written):
        return name, aliases
    return written, [name, *(a for a in aliases if a != written)]


#: the opening counts and funds the unit's projects together: '实施项目共15个', '年初批复预算8个项目985万元'
_ALL_PROJECTS = lazy_compile(r"项目\s*(?:共|合计|总计)?\s*\d+\s*个|\d+\s*个项目")


def _whole_spending(report: Report, layout: Layout, names: list[tuple[str, list[str]]]) -> str | None:
    """The unit's whole project spending as a subject of its own, beside the projects the report then
    describes, when the title evaluates '<单位>2024年度项目支出' and the opening states money for all the
    projects at once ('实施项目共15个…调整预算后项目预算861.46万元'). The opening paragraphs, up to the
    first that belongs to or names a project, are about that whole."""
    titled = WHOLE_SPENDING_TITLE.match(report.title or "")
    if titled is None:
        return None
    opening = []
    for info in layout.paras:
        mentions = find_mentions(info.para.text, names)
        if info.project is not None or mentions:
            # ('批复项目9个，项目资金1950万元。分别为：A 1000万元；B 40万元…': the whole stated before the list of
            # its projects in one paragraph, the sentence before the first name is the opening's too)
            before = info.para.text[:mentions[0][0]] if mentions and info.project is None else ""
            whole = re.split(r"(?<=[。；;])", before)[0] if re.search(r"[。；;]", before) else ""
            if whole and _ALL_PROJECTS.search(whole) and funds.money_in(whole):
                opening.append(info)
            break
        opening.append(info)
    if not any(_ALL_PROJECTS.search(info.para.text) and funds.money_in(info.para.text) for info in opening):
        return None
    name = titled.group("name")
    for info in opening:
        info.project = name
    return name


def _first_mentions(all_sentences: list[Sentence], names: list[tuple[str, list[str]]],
                    projects: dict[str, Project]) -> None:
    """Each project's evidence: the first sentence that names it."""
    missing = set(projects)
    for s in all_sentences:
        if not missing:
            return
        for _, _, name in find_mentions(s.text, names):
            if name in missing:
                projects[name].evidence.append(sentence_evidence(s))
                missing.discard(name)


def _text_lines(layout: Layout) -> list[str]:
    """The text as lines, for `reads_as_performance_text`: each paragraph's printed lines (a reader may have
    joined a form's short lines into one paragraph) and each table row, its cells joined."""
    lines = [line.text for info in layout.paras for line in (info.para.lines or [])] or []
    lines += [info.para.text for info in layout.paras if not info.para.lines]
    lines += [" | ".join(cell.text for cell in row) for _, table in layout.tables for row in table.rows]
    return lines


def _title_year(report: Report) -> int | None:
    """The year the report's title names (the year its money is of), None where only the text's most named year
    stands for it (a text that recalls one year's money while reporting the next's)."""
    return report.year if report.year is not None and str(report.year) in (report.title or "") else None


def _has_scores(layout: Layout) -> bool:
    """Does any paragraph state a weight (分值/权重/满分 N) or a self-assessed score (自评得分 N), or a table
    summarise scores?"""
    return any(re.search(r"(分值|权重|满分)\s*\d+|自评(?:总)?得分\s*(?:为|:|：)?\s*\d", info.para.text)
               for info in layout.paras) or any(
        scoretables.is_score_table(table) for _, table in layout.tables)


def _sync_budget_score(project: Project) -> None:
    """The budget block's weight/score are the 预算执行 ScoreLine's."""
    for line in project.scores:
        if line.level == "预算执行":
            project.budget.weight = project.budget.weight if project.budget.weight is not None else line.weight
            project.budget.score = project.budget.score if project.budget.score is not None else line.score
        if line.level == "总分" and project.total_score is None:
            project.total_score = line.score
