"""Narrative self-evaluation reports (绩效自评报告): prose sections + goal tables → Report.

The steps, each in its own module: walk the document into sections (`layout`), collect the
project names and merge their spellings (`names`), read the money sentences (`funds`), the goal
tables (`goals`), the claimed scores (`scores`) and the reported actuals (`actuals`). Every value
carries Evidence quoting the sentence or cell it came from.
"""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.model import Document, Project, Report
from reportparse.normalise.numbers import chinese_to_decimal
from reportparse.parse import (
    UNNAMED_PROJECT,
    fundnames,
    funds,
    fundtables,
    goallines,
    goalprose,
    goals,
    scores,
    scoretables,
)
from reportparse.parse import department as department_measures
from reportparse.parse.actuals import link_actuals
from reportparse.parse.evidence import Sentence, sentence_evidence, span_evidence
from reportparse.parse.headingscores import apply_heading_scores
from reportparse.parse.layout import Layout, analysis_heading_names, assign_context, sentences, walk
from reportparse.parse.listing import (
    attached_reports,
    counted_fund,
    fund_of_allotments,
    holds_nothing,
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
    find_mentions,
    strip_name,
    valid_candidate,
)
from reportparse.parse.reading import reading_document
from reportparse.parse.reportheader import read_header
from reportparse.parse.samenames import restated_under_heading, same_fund
from reportparse.parse.sections import ITEM_NUMBER, section_kind
from reportparse.parse.subject import (
    BODY,
    WHOLE_SPENDING_TITLE,
    allotted_subject,
    counted_class,
    department_also_funds,
    department_subject,
    heading_subject,
    reads_as_self_evaluation,
    repeated_fund,
    stated_subject,
    untitled_name,
)
from reportparse.parse.tablenames import COLUMN_TITLE, table_names

#: "X项目由市级财政全额拨款" / "X主要用于…" / "项目名称：X": sentences that introduce a project
_INTRO = lazy_compile(
    r"^(?:[一二三四五六七八九十\d]+[、.．]\s*)?(?P<full>(?P<name>[^，。；：:,、（）()]{3,40}?)(?:项目)?)"
    r"(?:由[^，。]{0,12}(?:财政|拨款|资金|安排|承担|负责|实施)|(?:主要)?用于|资金来源|的主要内容)"
)
#: '我局承担X项目实施任务' / '承担了X工程的建设任务': the body names the project it carries out
_UNDERTAKES = lazy_compile(
    r"承担(?:了)?(?P<name>[^，。；;：:、（）()“”]{4,50}?(?:项目|工程))(?:的)?(?:实施|建设)(?:任务|工作)"
)
#: '该X专项资金项目在2020年初向财政局申报资金': the report names its project as 该 + the full name
_THIS_NAMED = lazy_compile(
    r"^(?:该(?P<name>[^，。；;：:、（）()“”\d]{4,40}?项目)(?=于|在|由|已|共|自|经)"
    r"|(?P<dated>[^，。；;：:、（）()“”\d]{4,40}?项目)(?=(?:于|在)\s*20\d{2}\s*年))"  # ('X项目在2020年初申报资金')
)
#: 'X排水管网工程(二期)的目的是…' / 'X项目旨在…': an overview paragraph opened by what the project is for
_PURPOSE = lazy_compile(
    r"^(?P<name>[^，。；;：:,、（）()“”]{3,40}?(?:项目|工程)(?:[(（][^()（）]{1,6}[)）])?)"
    r"(?:的)?(?:目的|旨在|建设目标|主要内容|建设内容)"
)
#: '下达资金105万元，用于西秀镇X产业项目的实施' / '用于实施X项目': the money's project named after 用于 (or after
#: '项目为': '二是Y馆，下达预算资金5009万元，项目为X项目')
_USED_FOR = lazy_compile(
    r"(?:用于(?:实施|建设|开展)?|[，,]\s*项目(?:为|是))(?P<name>[^，。；;：:、（）()“”\d]{4,40}?项目)(?=的(?:实施|建设)|建设|支出|[，。；;]|$)"
)
#: "1.X项目：该项目…" / "(1)X经费。X设在…" / "(二)X营养改善计划：为改善…" / "(三)X生活补助：按照…" — an
#: overview paragraph opened by the project's name
_NAME_COLON = lazy_compile(
    rf"^{ITEM_NUMBER}(?P<full>[^，。；：:、（）()]{{3,40}}?(?:项目|经费|专项资金|补助|补贴|计划|工程))\s*[,，]?\s*[:：。]"
)
#: “A”和“B”两个项目 / “A”、“B”等项目: quoted names enumerated before 项目
_QUOTED_LIST = lazy_compile(
    r"(?:“[^”]{2,40}”(?:项目)?\s*(?:、|和|及|与|以及)?\s*)+“[^”]{2,40}”(?:项目)?\s*"
    r"(?:等|[两二三四五六七八九十\d]+个)?(?:专项|项目)"
)
#: a heading that is only a project's name: '二、非物质文化遗产保护项目'
_PROJECT_HEADING = lazy_compile(r"^[^，。；：:,、（）()\s]{4,40}项目$")
#: '一、中央自然灾害救灾资金(森林草原航空消防租机补助经费)': a part of a report on a family of funds that
#: names the fund it pays out of and, in brackets, the line it pays for (the part's subject)
_FUND_HEADING = lazy_compile(
    r"^[^，。；：:,、（）()\s]{2,30}(?:资金|经费|补助|补贴|转移支付)"
    r"[（(](?P<line>[^，。；：:,、（）()\s]{4,30}(?:资金|经费|补助|补贴|项目))[)）]$"
)
_GENERIC_HEAD = lazy_compile(r"^(?:各|本|该|其他|其它|重点|主要|所有|全部|上述|以上|有关|相关|部门|单位|年度|\d{4}年)")
#: '纳入自评的重点项目2个：A、B。' / '共实施项目3个，分别为：A、B、C。': a counted list of the projects
_COUNTED_LIST = lazy_compile(
    r"项目\s*(?:共)?\s*(?P<count>[两二三四五六七八九十\d]+)\s*个\s*[:：，,]\s*(?:分别(?:为|是)|包括|即)?\s*[:：]?\s*"
    r"(?P<items>[^。：:（()）]{4,200}?)\s*(?:等)?[。；;]?$"
)
#: '专债项目共两项，即A和B，…' / '项目2个：A、B，现将…': a counted list ended by a comma
_COUNTED_CLAUSE = lazy_compile(
    r"项目\s*(?:共)?\s*(?P<count>[两二三四五六七八九十\d]+)\s*(?:个|项)\s*[:：，,]\s*(?:分别(?:为|是)|包括|即)\s*[:：]?\s*"
    r"(?P<items>[^。：:（()），,；;]{8,200}?)\s*(?:等)?(?=[，,。；;]|$)"
)
#: '我单位有4个市直发展项目,分别是A、B、C和D。': the count before a qualified 项目, the names after (read
#: from the first figure of a run: tried at every digit of a long run, the count would reread the rest each time)
_COUNT_FIRST = lazy_compile(
    r"(?<![两二三四五六七八九十\d])(?P<count>[两二三四五六七八九十\d]+)\s*个[^，。；;、\d]{0,10}?项目\s*[,，:：]?\s*(?:分别(?:为|是)|包括|即)\s*[:：]?\s*"
    r"(?P<items>[^。：:（()）]{8,200}?)\s*(?:等)?(?=[。；;]|$)"
)
#: the labels of the cells that follow a form's 项目名称 ('…主管部门Y局'): where its value ends
_NEXT_FIELD = ("主管部门|主管单位|实施单位|项目单位|预算单位|项目负责人|项目类别|项目类型|项目属性|项目分类|资金用途"
               # (a department-wide report's cover: '项目名称: X整体支出部门名称:X评价机构:X绩效评价小组')
               r"|(?:部门|单位)(?:[(（]单位[)）])?名称\s*[:：]|评价(?:机构|单位)\s*[:：]")
_NAMED = lazy_compile(
    # (a transfer payment's cover names its fund the same way: '专项名称：2022年中央财政林业改革发展资金')
    rf"(?:项\s?目|专\s?项(?:资金)?)\s?名\s?称\s*(?:[:：|]|为|是|\s)\s*\|?\s*"
    rf"(?P<name>(?:(?!{_NEXT_FIELD})[^，。；;,\s（(|]){{2,40}})")
#: a cover's next label run into the name before it ('…专项资金项目单位', '…工程主管部门')
_NEXT_LABEL = lazy_compile(
    r"(?<=.{2})(?:项目单位|主管部门|主管单位|实施单位|预算单位|填报单位|项目负责人|联系人|联系电话)")
#: '项目一：X项目，项目全年预算数…' / '项目二:X项目支出绩效自评报告': the report's numbered parts, one a project
_ORDINAL_PROJECT = lazy_compile(
    r"(?:^|[。；;\s])项目[一二三四五六七八九十\d]{1,3}\s*[:：]\s*(?P<name>[^，,。；;:：\s]{4,80}?)"
    r"(?:(?:支出)?(?:绩效)?(?:自评|评价)(?:报告)?)?(?=[，,。；;\s]|$)"
)
#: '我校2022年只有一个项目：X项目' / '项目为一个：X': a report on its one project, named after the count
_ONLY_PROJECT = lazy_compile(
    r"(?:只有|仅有|共有|项目为|项目有|共)\s*(?:一|1)\s*个(?:项目)?\s*[:：]\s*(?P<name>[^，,。；;:：\s]{3,40}?(?:项目|经费|资金))(?!项目)"
)
#: a form's name label alone on its line, its value on the next: 项目名称, 专项名称, 专项资金名称, 转移支付(项目)名称
_NAME_LABEL_END = lazy_compile(r"(?:项目|项目支出|专项|专项资金|转移支付(?:[(（]项目[)）])?)名称$")
#: a budget document's number before the name it funds: '阿财农〔2023〕387号X项目'
_DOC_NUMBER = lazy_compile(r"^[^\d，。；;:：]{1,8}[〔\[【(（]\s*20\d{2}\s*[〕\]】)）]\s*\d+\s*号")
#: a form's cells run together by a dump or OCR, '项目名称X项目主管部门Y局': the name is what stands
#: between the label and the next cell's label (a label spaced out to the cell's width, '项 目 名 称', too)
_NAMED_RUN = lazy_compile(
    r"项\s?目\s?名\s?称\s?(?P<name>(?:(?!名称)[^，,。；;:：\s|（(]){3,40}?)"
    rf"(?={_NEXT_FIELD})"
)
#: a title's second line naming its subject in brackets: '2020年度项目绩效自评报告' / '(X会议经费项目)'
_BRACKETED = lazy_compile(r"^[(（](?P<name>[^()（）]{3,40})[)）]$")
#: a budget system's project code printed before the name: '51000021R000000019951-工资性支出'
_PROJECT_CODE = lazy_compile(r"^[0-9A-Za-z]{8,}\s*[-－—_]\s*")
_TITLE_NAME = lazy_compile(
    # (a body's report on a project, 'X财政局关于Y项目绩效评价报告': the name is what follows 关于)
    r"(?:[^，。；:：关]{0,30}关于)?(?P<name>[^，。；:：]{3,40}?)项目(?:支出)?(?:部门|单位)?(?:绩效)?(?:目标)?(?:自评|评价)"
    r"(?!指标|办法|细则|通知)"  # ('根据2020年部门整体支出项目绩效评价指标体系': a cited framework, no title)
    # (not a sample collection's title, '学校工程项目绩效自评报告(精选6篇)1', '…自评报告 篇1': the genre it
    # gathers examples of, which the example's own opening names)
    r"(?![^。]*?(?:[(（](?:精选|通用|优选|热门|推荐|汇总)?\s*\d+\s*篇[)）]|篇\s*[一二三四五六七八九十\d]+\s*$))"
)


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
    department = department_subject(head, [info.title for info in layout.paras if info.heading], report.unit)
    # (a title the header reader did not take for one, '…专项转移支付2023年度农机购置补贴实施情况', still
    # opens the text: the title rules, which want a year and a fund's name, read the first line)
    stated = stated_subject(texts[:6], report.title or (texts[0] if texts else None))
    # a fund the title or opening says the report evaluates ('财政专项扶贫资金绩效自评报告'): its words are
    # those of a source of money, but with no project named anywhere it is the report's subject
    evaluated_fund = stated if stated and evaluated_fund_name(stated) else None
    stated = stated if stated and valid_candidate(stated) else None  # '对2022年度三个项目开展了自评' is no name
    if stated and counted_class(stated, texts[:6]):
        stated = None  # the title's '新增地方政府专项债券项目' of which the opening counts 3: a class, no project
    # the parts an amount is said to hold (其中…): read once, from the sentences' text, which context never changes
    parts = fundnames.part_names(all_sentences)
    # (a subject the title states, '海口市财政支出项目绩效自评报告(X项目)': the title's other words are the kind of
    # report, not a name for the fallback to read)
    titled = stated is not None and stated == stated_subject([], report.title or (texts[0] if texts else None))
    counted = fundnames.counted_items(all_sentences)
    if counted and stated is None and not department:  # (the fund whose projects it counts is a subject too)
        stated = counted_fund(evaluated_fund, report.title or (texts[0] if texts else ""))
    registry = _collect_names(layout, all_sentences, listed, parts, counted,
                              one_subject=department is not None or stated is not None, subject_titled=titled)
    stated_entry = None
    if stated and not department:
        holder = (registry.holding(stated) or _funded_project(registry, stated, texts[:10])
                  or same_fund(registry, stated))
        if holder is not None:
            holder.add(stated, 3)  # (the title's fuller name of a project the prose names shorter)
        else:
            stated_entry = registry.add(stated, 3)
    subject: ProjectName | None = None
    if department and registry.projects and (department_also_funds(texts[:6]) or scored_items(layout, registry)
                                             or states_department_measures(layout)):
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
    stated_name = next((name for p, (name, _) in zip(registry.projects, names, strict=True) if p is stated_entry), None)
    projects = {name: Project(name=name, aliases=aliases) for name, aliases in names}
    assign_context(layout, names)
    subject_name = next((name for p, (name, _) in zip(registry.projects, names, strict=True) if p is subject), None)
    if subject_name is not None:
        opening_is_about(layout, subject_name, names)
    elif stated_name is not None and counted:
        unnamed_paragraphs_are_about(layout, stated_name, names)
    whole = _whole_spending(report, layout, names) if len(names) >= 2 and not department else None
    if whole is not None:
        names.insert(0, (whole, []))
        projects = {whole: Project(name=whole), **projects}
    cells = [c.text for _, t in layout.tables for row in t.rows[:6] for c in row[:2]]
    if not projects and (goal_tables or _has_scores(layout) or reads_as_self_evaluation(texts + cells)):
        # a report that names no project evaluates one thing: the department's whole spending, the
        # fund its opening sentence names, or what its title names
        name = (department or stated or evaluated_fund or heading_subject(texts, report.unit)
                or untitled_name(report.title or ""))
        if name == UNNAMED_PROJECT:
            # (a page cut before its title, or a template's title that names nothing: the fund its
            # opening keeps naming)
            name = allotted_subject(texts[:12]) or repeated_fund(texts[:12], texts) or name
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
    report.fund_totals = funds.extract_funds(all_sentences, names, projects, parts)
    report.fund_totals += fundtables.apply_fund_tables(fund_tables, names, projects)
    if len(projects) == 1:
        fundtables.apply_label_pairs(layout, next(iter(projects.values())))
        fundtables.apply_label_lines(layout, next(iter(projects.values())))
        fundtables.apply_detail_total(layout, next(iter(projects.values())))
        report.fund_totals += fundtables.apply_source_use_block(layout, next(iter(projects.values())))
    shared = fund_of_allotments(layout, all_sentences, projects, names) if not department and stated is None else None
    if shared is not None:  # (the fund the allotments share, with its whole amount: a subject beside them)
        projects = {shared.name: shared, **projects}
        names.insert(0, (shared.name, []))
    goals.attribute_rows(goal_tables, layout, names, projects)
    goallines.apply_goal_lines(layout, projects)
    goalprose.apply_goal_prose(layout, projects)
    scores.extract_scores(layout, projects)
    scoretables.apply_score_tables(layout, projects)
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
    for second, fund in restated_funds(all_sentences, projects, report).items():
        projects[fund].aliases.append(projects.pop(second).name)  # (one fund under two names)
    report.projects = list(projects.values())
    return report


_LABEL_SEPARATORS = lazy_compile(r"[\s:：|]")


def _collect_names(layout: Layout, all_sentences: list[Sentence], listed: list[str], parts: set[str],
                   counted_lists: list[list[str]], one_subject: bool = False,
                   subject_titled: bool = False) -> Registry:
    """Build the project registry from introductions, 项目名称 fields, money lists and tables, headings.

    In a report on one subject (a department's whole spending, or the one fund its opening sentence
    names) the names before amounts are that subject's spending lines or its fund under another name
    (人员经费 434.89万元; 获下达全民健身场地器材补短工程资金160万元), not projects of their own.
    """
    registry = Registry()
    candidates = [[n for n in names if n not in parts] for names in fundnames.name_candidates(all_sentences)]
    if one_subject:
        # the subject's own spending lines are no projects, but the projects it pays for are: a list whose
        # every item calls itself a project ('分别用于A项目3000万元、B项目3357.17万元')
        in_quotes = {q for s in all_sentences for q in re.findall(r"“([^”]{2,60})”", s.text)}
        candidates = [names for names in candidates if len(names) >= 2 and all(
            fundnames.names_a_project(n) or n in in_quotes for n in names)]  # (or is set in quotation marks)
    enumerations = candidates
    if listed:
        enumerations.append(listed)
    # the projects a paragraph counts and names after 其中 are projects, whatever the subject and the names end in
    enumerations += counted_lists
    for names in enumerations:
        registry.keep_apart(names)
    for s in all_sentences:
        for named in (*_NAMED.finditer(s.text), *_NAMED_RUN.finditer(s.text)):
            # (a reader may join the next cover line to the name: 'X专项资金项目单位 Y局' is X专项资金)
            name = _NEXT_LABEL.split(named.group("name"))[0]
            registry.add(_PROJECT_CODE.sub("", name), 3)
        for numbered in (*_ORDINAL_PROJECT.finditer(s.text), *_ONLY_PROJECT.finditer(s.text)):
            registry.add(_DOC_NUMBER.sub("", numbered.group("name")).strip(), 3)
        intro_section = s.section in ("overview", "other", "goals", "funds")
        intro = _INTRO.match(s.text) if intro_section and _after_full_stop(s) else None
        if intro:
            registry.add(intro.group("full"), 2)
        purpose = _PURPOSE.match(s.text) if intro_section and s.start == 0 else None
        if purpose:
            registry.add(purpose.group("name"), 2)
        this = _THIS_NAMED.match(s.text) if _after_full_stop(s) else None
        for undertaken in (*_UNDERTAKES.finditer(s.text), *_USED_FOR.finditer(s.text), *([this] if this else [])):
            registry.add(undertaken.group("name") or undertaken.group("dated"), 2)
        colon = _NAME_COLON.match(s.text) if s.section in ("overview", "analysis", "other") and s.start == 0 else None
        if colon:
            registry.add(colon.group("full"), 2)
        counted = _COUNTED_LIST.search(s.text) or _COUNTED_CLAUSE.search(s.text) or _COUNT_FIRST.search(s.text)
        if counted:
            items = [n.strip() for n in re.split(r"[、，,；;]|以及|和|及", counted.group("items")) if n.strip()]
            digits = counted.group("count").replace("两", "二")
            count = int(digits) if digits.isdigit() else chinese_to_decimal(digits)
            # as many names as the count says, none of them a figure: '项目十二个，合格率98%…' is no list
            if len(items) >= 2 and count == len(items) and all(
                    4 <= len(n) <= 40 and not re.search(r"\d|%|百分之", n) for n in items):
                registry.keep_apart(items)
                for name in items:
                    registry.add(name, 2)
        for listed_names in _QUOTED_LIST.finditer(s.text):
            quoted = re.findall(r"“([^”]{2,40})”", listed_names.group(0))
            registry.keep_apart(quoted)
            for name in quoted:
                registry.add(name, 2)
    for names in enumerations:
        for name in names:
            registry.add(name, 1)
    attached = attached_reports(layout)
    if len(attached) >= 2:  # (a list of the reports a notice publishes: each names what it evaluates)
        registry.keep_apart(attached)
        for name in attached:
            registry.add(name, 2)
    for title in analysis_heading_names(layout):
        registry.add(title, 2)
    for info in layout.paras:
        if info.heading and info.heading <= 2 and _PROJECT_HEADING.match(info.title) and not _GENERIC_HEAD.match(
                info.title) and section_kind(info.title) is None:
            registry.add(info.title, 2)  # '一、X项目' opening the report's part about one project
        fund_part = _FUND_HEADING.match(info.title) if info.heading == 1 else None
        if fund_part and section_kind(info.title) is None:
            registry.add(fund_part.group("line"), 2)
    for name in table_names(layout):
        registry.add(name, 3)
    for i, info in enumerate(layout.paras[:-1]):
        # a form dumped one cell a line: '项目名称' alone, its value on the next line (past the lines that
        # hold only a cell border, '|')
        # (a reader may have joined the label to the short cover lines above it: '…填报日期:2023年4月6日项目名称')
        if _NAME_LABEL_END.search(_LABEL_SEPARATORS.sub("", info.para.text)):
            following = [t for t in (p.para.text.strip().strip("|").strip() for p in layout.paras[i + 1:i + 5]) if t]
            # (a reader may have joined the next label's line to the value: 'X项目项目负责人及电话')
            value = _NEXT_LABEL.split(_PROJECT_CODE.sub("", following[0] if following else ""))[0]
            if len(following) >= 2 and all(COLUMN_TITLE.search(t) for t in following[:2]):
                # a table's header row dumped a cell a line ('项目名称' / '债券性质' / '自评分数'): its rows
                # follow a cell a line, each opened by a name that calls itself a project or a works
                for row_cell in (p.para.text.strip().strip("|").strip() for p in layout.paras[i + 1:]):
                    if len(row_cell) > 60 or re.match(r"^(?:合计|总计|小计|共计)", row_cell):
                        break
                    if fundnames.names_a_project(row_cell) and not COLUMN_TITLE.search(row_cell):
                        registry.add(row_cell, 3)
                continue
            if value and len(value) <= 40:
                registry.add(value, 3)
    for above, info in zip(layout.paras[:5], layout.paras[1:6], strict=False):
        bracketed = _BRACKETED.match(info.para.text.strip())
        if bracketed and re.search(r"报告|自评表|评价表", above.para.text):
            registry.add(bracketed.group("name"), 3)
    if not registry.projects and layout.paras and not subject_titled:
        # (a subject the title states, '海口市财政支出项目绩效自评报告(X项目)', is read by the subject rules:
        # the words before its report words are then the kind of report, not a name)
        # the title may sit below the reporting body's name ('××县交通局' / '2023年度X项目绩效自评报告'),
        # or below a file name that names the whole bundle ('X局2022年度项目支出部门评价报告(共15个).pdf')
        titles = (m for info in layout.paras[:3]  # (not a cited notice's title)
                  for m in _TITLE_NAME.finditer(re.sub(r"《[^》]*》", "。", info.para.text)))
        for titled in titles:
            if registry.add(re.sub(r"^.*?20\d{2}\s*年度?", "", titled.group("name")), 1):
                break
    restated_under_heading(layout, registry, _PROJECT_HEADING.match)
    _count_uses(layout, registry)
    return registry


def _funded_project(registry: Registry, fund: str, opening: list[str]) -> ProjectName | None:
    """The one project the fund a title names pays for ('彩票公益金…资金200万元，用于X建设项目'): the fund
    is that project's money, not a second project."""
    if len(registry.projects) != 1 or not re.search(r"(?:资金|补助|经费|转移支付)$", fund):
        return None
    project = registry.projects[0]
    spellings = [strip_name(s) for s in project.spellings if len(strip_name(s)) >= 4]
    used_for = any(re.search(r"用于(?:实施|建设|开展)?" + re.escape(s), t) for s in spellings for t in opening)
    return project if used_for else None


def _after_full_stop(s: Sentence) -> bool:
    """Does the sentence open its paragraph or follow a full stop?

    A reader may join two short introduction paragraphs into one when the first fills its line, so
    'X由财政拨款…' right after '。' still introduces a project; after '，' or '；' it is a clause.
    """
    return s.start == 0 or s.para.text[:s.start].rstrip()[-1:] in ("。", "！", "？")


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
        if info.project is not None or find_mentions(info.para.text, names):
            break
        opening.append(info)
    if not any(_ALL_PROJECTS.search(info.para.text) and funds.money_in(info.para.text) for info in opening):
        return None
    name = titled.group("name")
    for info in opening:
        info.project = name
    return name


def _count_uses(layout: Layout, registry: Registry) -> None:
    """Count how often each known spelling occurs in the prose (to choose the canonical name)."""
    text = "\n".join(info.para.text for info in layout.paras)
    for project in registry.projects:
        for spelling in list(project.spellings):
            bare = strip_name(spelling)
            uses = text.count(bare) if len(bare) >= 3 else 0
            if uses:
                project.spellings[spelling] = uses
            # (in cells run together, 'X资金项目类型新增项目', the 项目 after the name opens the next label)
            with_suffix = re.search(re.escape(bare) + r"项目(?!类型|分类|类别|名称|属性|负责人|实施单位)", text)
            if with_suffix and bare + "项目" not in project.spellings:
                project.spellings[bare + "项目"] = 0


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
