"""Collecting a narrative report's project names: the spellings its prose, covers, headings and tables use.

Introductions ('X项目由市级财政全额拨款'), 项目名称 fields, counted and quoted lists, money lists, headings and
table columns each offer spellings with a weight; `Registry` (parse/names) merges the spellings of one project
and keeps apart the items of one enumeration. `parse/narrative` builds the registry here, then resolves the
report's subject.
"""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.normalise.numbers import chinese_to_decimal
from reportparse.parse import fundnames
from reportparse.parse.evidence import Sentence
from reportparse.parse.fundwords import fund_endings
from reportparse.parse.itemnames import (
    bracketed_accounts,
    funded_project_items,
    item_clause,
    numbered_accounts,
    own_money_items,
    states_budget_and_spending,
)
from reportparse.parse.layout import Layout, ParaInfo, analysis_heading_names
from reportparse.parse.listing import attached_reports
from reportparse.parse.names import Registry, strip_name, valid_candidate
from reportparse.parse.quantities import money
from reportparse.parse.samenames import restated_under_heading
from reportparse.parse.sections import ITEM_NUMBER, section_kind
from reportparse.parse.subject import names_a_body, names_a_class
from reportparse.parse.tablenames import COLUMN_TITLE, table_names

#: "X项目由市级财政全额拨款" / "X主要用于…" / "项目名称：X": sentences that introduce a project
_INTRO = lazy_compile(
    r"^(?:[一二三四五六七八九十\d]+[、.．]\s*)?(?P<full>(?P<name>[^，。；：:,、（）()]{3,40}?)(?:项目)?)"
    r"(?:由[^，。]{0,12}(?:财政|拨款|资金|安排|承担|负责|实施)|(?:主要)?用于|资金来源|的主要内容)"
)
#: '本项目为2022年度X项目。' / '该工程即X工程，…': the report saying what its project is
_THIS_IS = lazy_compile(
    r"^(?:本|该|此)(?:项目|工程)(?:全称|名称)?(?:为|是|即)\s*(?:20\d{2}\s*年度?)?\s*"
    r"(?P<name>[^，。；;：:、（）()“”\d]{4,40}?(?:项目|工程|资金|经费))(?=[，,。；;]|$)"
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
#: 'X排水管网工程(二期)的目的是…' / 'X项目旨在…' / 'X工程位于…': an overview paragraph opened by what the project is
#: for or where it lies
_PURPOSE = lazy_compile(
    r"^(?P<name>[^，。；;：:,、（）()“”]{3,40}?(?:项目|工程)(?:[(（][^()（）]{1,6}[)）])?)"
    r"(?:的)?(?:目的|旨在|建设目标|主要内容|建设内容"
    # (or by where the works lie: 'X改线工程的起点位于…', 'X项目位于…镇', 'X工程地处…')
    r"|起点|起于|位于|地处|坐落|选址|建设地点)"
)
#: '下达资金105万元，用于西秀镇X产业项目的实施' / '用于实施X项目': the money's project named after 用于 (or after
#: '项目为': '二是Y馆，下达预算资金5009万元，项目为X项目')
_USED_FOR = lazy_compile(
    # (not '资金均用于X项目支出': the spending of the money's own purpose, a kind of outlay, names no project)
    r"(?:用于(?:实施|建设|开展)?|[，,]\s*项目(?:为|是))(?P<name>[^，。；;：:、（）()“”\d]{4,40}?项目)(?=的(?:实施|建设)|建设|[，。；;]|$)"
    # ('下达我司中央预算内投资资金10856万元实施X改造及配套工程，…': the amount, then the works it carries out)
    # (its verb may carry 了, '以42万元实施了X项目': the particle is no part of the name)
    # ('通过X项目的实施，新建…': what was done through the project)
    r"|通过(?P<through>[^，。；;：:、（）()“”\d]{4,40}?(?:项目|工程))的?(?:实施|建设)"
    # (or handed down first: '47万元下拨用于实施X项目')
    r"|(?<=万元|亿元)(?:下拨|拨付|下达|安排)?(?:用于)?实施了?(?P<works>[^，,。；;：:、（）()“”\d]{4,50}?(?:项目|工程))"
    r"(?=[，,。；;]|$)"
)
#: "1.X项目：该项目…" / "(1)X经费。X设在…" / "(二)X营养改善计划：为改善…" / "(三)X生活补助：按照…" — an
#: overview paragraph opened by the project's name (or by its evaluation's: "(2)X经费绩效自评综述：…")
_NAME_COLON = lazy_compile(
    rf"^{ITEM_NUMBER}(?P<full>[^，。；：:、（）()]{{3,40}}?(?:项目|经费|专项资金|补助|补贴|计划|工程))"
    # (the name, then the genre of the part it opens: '(二)X经费绩效自评综述：项目年预算批复金额900万元…')
    r"(?P<genre>(?:绩效)?(?:自评|评价)(?:综述|概述|概况|情况|结果)?)?\s*[,，]?\s*[:：。]"
)
#: “A”和“B”两个项目 / “A”、“B”等项目: quoted names enumerated before 项目
_QUOTED_LIST = lazy_compile(
    r"(?:“[^”]{2,40}”(?:项目)?\s*(?:、|和|及|与|以及)?\s*)+“[^”]{2,40}”(?:项目)?\s*"
    r"(?:等|[两二三四五六七八九十\d]+个)?(?:专项|项目)"
    # (or quoted names that each call themselves a project: '承担“A项目”、“B项目”（…）')
    r"|(?:“[^”]{2,40}(?:项目|工程)”\s*(?:、|和|及|与|以及)\s*)+“[^”]{2,40}(?:项目|工程)”"
)
#: an item number in brackets: '(二)', '（3）'
_BRACKETED_ITEM = lazy_compile(r"[（(][一二三四五六七八九十\d]{1,3}[)）]")
#: a footnote's mark after a name ('X示范项目【注 】', 'X工程[注1]'): the table's note, no part of the name
_NOTE_MARK = lazy_compile(r"\s*[【\[〔]\s*注\s*\d*\s*(?:[】\]〕]\s*)?$")
#: a heading that is only a project's name: '二、非物质文化遗产保护项目'
_PROJECT_HEADING = lazy_compile(r"^[^，。；：:,、（）()\s]{4,40}项目$")
#: the words after a project's name in the heading of the part on its evaluation or its money: '…项目绩效自评情况',
#: '…项目的评价结果', '…项目资金使用情况', '…经费执行情况' (not a report's title, '…项目绩效评价报告', which a
#: collection prints over each of its examples)
_EVALUATION_OF = lazy_compile(
    r"(?<=项目|工程|经费|资金|补助|补贴)(?:的)?(?:资金|经费)?(?:绩效)?(?:自评|评价|使用|执行|实施)(?:情况|结果)$")
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
#: '评价包括A、B、C和D4个林业项目，涉及资金…': the names first, then their count before a (qualified) 项目
_ITEMS_THEN_COUNT = lazy_compile(
    r"(?:包括|包含|涉及|对)\s*(?P<items>[^。：:（()），,；;\d]{8,200}?)\s*(?:等|共)?\s*"
    r"(?P<count>[两二三四五六七八九十\d]+)\s*(?:个|项)[^，。；;、\d]{0,6}?项目"
)
#: the labels of the cells that follow a form's 项目名称 ('…主管部门Y局'): where its value ends
_NEXT_FIELD = ("项目(?:主管|实施)(?:部门|单位)|"  # ('…维护项目项目主管单位Y': the label's 项目 is no part of the name)
               "主管部门|主管单位|实施单位|项目单位|预算单位|项目负责人|项目类别|项目类型|项目属性|项目分类|资金用途"
               # (湖南's 项目绩效自评报告表 puts the project's content next: '项目名称X项目主要内容Y')
               "|(?<=项目)主要内容"
               # (a department-wide report's cover: '项目名称: X整体支出部门名称:X评价机构:X绩效评价小组')
               r"|(?:部门|单位)(?:[(（]单位[)）])?名称\s*[:：]|评价(?:机构|单位)\s*[:：]")
_NAMED = lazy_compile(
    # (a transfer payment's cover names its fund the same way: '专项名称：2022年中央财政林业改革发展资金')
    # (a cover may print the name on a fill-in blank's underline: '项目名称 _X_项目单位 _Y_')
    rf"(?:项\s?目|专\s?项(?:资金)?)\s?名\s?称\s*(?:[:：|]|为|是|\s)\s*\|?\s*[_＿]*"
    rf"(?P<name>(?:(?!{_NEXT_FIELD})[^，。；;,\s（(|_＿]){{2,40}})")
#: a cover's next label run into the name before it ('…专项资金项目单位', '…工程主管部门')
_NEXT_LABEL = lazy_compile(
    r"(?<=.{2})(?:项目(?:主管|实施)(?:部门|单位)|项目单位|主管部门|主管单位|实施单位|预算单位|填报单位|项目负责人|联系人|联系电话)")
#: '项目一：X项目，项目全年预算数…' / '项目二:X项目支出绩效自评报告': the report's numbered parts, one a project
_ORDINAL_PROJECT = lazy_compile(
    r"(?:^|[。；;\s])项目[一二三四五六七八九十\d]{1,3}\s*[:：]\s*(?P<name>[^，,。；;:：\s]{4,80}?)"
    r"(?:(?:支出)?(?:绩效)?(?:自评|评价)(?:报告)?)?(?=[，,。；;\s]|$)"
)
#: '我校2022年只有一个项目：X项目' / '项目为一个：X': a report on its one project, named after the count
_ONLY_PROJECT = lazy_compile(
    # (or the count, then 即 or 为: '本单位2023年预算项目1个，即X项目')
    r"(?:(?:只有|仅有|共有|项目为|项目有|共)\s*(?:一|1)\s*个(?:项目)?\s*[:：]"
    r"|项目\s*(?:共|只有|仅有)?\s*(?:一|1)\s*(?:个|项)\s*[，,:：]\s*(?:即|为|是|系)\s*[:：]?)"
    r"\s*(?P<name>[^，,。；;:：\s]{3,40}?(?:项目|经费|资金))(?!项目)"
)
#: a form's name label alone on its line, its value on the next: 项目名称, 专项名称, 专项资金名称, 转移支付(项目)名称
_NAME_LABEL_END = lazy_compile(r"(?:项目|项目支出|专项|专项资金|转移支付(?:[(（]项目[)）])?)名称$")
#: a budget document's number before the name it funds: '阿财农〔2023〕387号X项目'
_DOC_NUMBER = lazy_compile(r"^[^\d，。；;:：]{1,8}[〔\[【(（]\s*20\d{2}\s*[〕\]】)）]\s*\d+\s*号")
#: a form's cells run together by a dump or OCR, '项目名称X项目主管部门Y局': the name is what stands
#: between the label and the next cell's label (a label spaced out to the cell's width, '项 目 名 称', too)
_NAMED_RUN = lazy_compile(
    r"项\s?目\s?名\s?称\s?[_＿]*(?P<name>(?:(?!名称)[^，,。；;:：\s|（(_＿]){3,40}?)[_＿]*"
    rf"(?={_NEXT_FIELD})"
)
#: a form dumped from a PDF in its cells' column order, the name's cell before its label's: '…自评表 (2022年度) X费用
#: 项目名称 主管部门 Y局' (the label runs straight into the next label, its value stands between the title and it)
_NAME_BEFORE_LABEL = lazy_compile(
    r"(?:自评表|评价表)\s*[(（]\s*20\d{2}\s*年度?\s*[)）]\s*(?P<name>[^，。；;:：|()（）\d]{4,60}?)\s*"
    r"项\s?目\s?名\s?称\s*(?=主管部门|主管单位|实施单位|预算单位)")
#: a title's second line naming its subject in brackets: '2020年度项目绩效自评报告' / '(X会议经费项目)'
_BRACKETED = lazy_compile(r"^[(（](?P<name>[^()（）]{3,40})[)）]$")
#: a subtitle taking up one case: '——以城关镇集镇污水管网建设为例', '—以X项目为例'
#: (a reader may join it to the title line above)
_EXAMPLE_SUBTITLE = lazy_compile(r"[—－]{1,2}\s*以(?P<name>[^，。；;：:、（）()“”\d—－]{4,40})为例$")
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


_LABEL_SEPARATORS = lazy_compile(r"[\s:：|]")


def _item_starts(text: str) -> set[int]:
    """Where a bracketed item number opens an item (inside a text run together too)."""
    return {m.start() for m in _BRACKETED_ITEM.finditer(text)}


def _without_the_whole(names: list[str]) -> list[str]:
    """A money list opened by the fund whose parts it goes on to name ('下达以奖代补资金350万元，包括：A工程210万元、
    B工程140万元'): the projects are the parts, two or more each calling itself a project or works; the fund is
    the whole they share, no item beside them."""
    if len(names) >= 3 and names[0].endswith(fund_endings()) and not fundnames.names_a_project(names[0]) \
            and all(fundnames.names_a_project(n) for n in names[1:]):
        return names[1:]
    return names


def collect_names(layout: Layout, all_sentences: list[Sentence], listed: list[str], parts: set[str],
                  counted_lists: list[list[str]], one_subject: bool = False,
                  subject_titled: bool = False, title_names: bool = True, unit_report: bool = False) -> Registry:
    """Build the project registry from introductions, 项目名称 fields, money lists and tables, headings.

    In a report on one subject (a department's whole spending, or the one fund its opening sentence
    names) the names before amounts are that subject's spending lines or its fund under another name
    (人员经费 434.89万元; 获下达全民健身场地器材补短工程资金160万元), not projects of their own.
    Without `title_names` (a collection site's title, naming the genre of its examples) no name is read from
    the title lines. A `unit_report` (a department's, or a unit's on its project spending) accounts for its budget
    lines as projects: an item '1.X经费，全年预算90万元，实际支出88万元' names one.
    """
    registry = Registry()
    candidates = [[n for n in names if n not in parts] for names in fundnames.name_candidates(all_sentences)]
    if one_subject:
        # the subject's own spending lines are no projects, but the projects it pays for are: a list whose
        # every item calls itself a project ('分别用于A项目3000万元、B项目3357.17万元')
        in_quotes = {q for s in all_sentences for q in re.findall(r"“([^”]{2,60})”", s.text)}
        candidates = [names for names in map(_without_the_whole, candidates) if len(names) >= 2 and all(
            fundnames.names_a_project(n) or n in in_quotes for n in names)]  # (or is set in quotation marks)
    enumerations = candidates
    if listed:
        enumerations.append(listed)
    # the projects a paragraph counts and names after 其中 are projects, whatever the subject and the names end in
    enumerations += counted_lists
    for names in enumerations:
        registry.keep_apart(names)
    for s in all_sentences:
        for before in _NAME_BEFORE_LABEL.finditer(s.text):
            registry.add(re.sub(r"\s+", "", before.group("name")), 3)  # (a blank where the cell wrapped the name)
        for named in (*_NAMED.finditer(s.text), *_NAMED_RUN.finditer(s.text)):
            # (a reader may join the next cover line to the name: 'X专项资金项目单位 Y局' is X专项资金)
            name = _NOTE_MARK.sub("", _NEXT_LABEL.split(named.group("name"))[0])
            registry.add(_PROJECT_CODE.sub("", name), 3)
        for numbered in (*_ORDINAL_PROJECT.finditer(s.text), *_ONLY_PROJECT.finditer(s.text)):
            registry.add(_DOC_NUMBER.sub("", numbered.group("name")).strip(), 3)
        intro_section = s.section in ("overview", "other", "goals", "funds")
        intro = _INTRO.match(s.text) if intro_section and _after_full_stop(s) else None
        if intro:
            registry.add(intro.group("full"), 2)
        purpose = _PURPOSE.match(s.text) if intro_section and s.start == 0 else None
        # (a run-together cover, '项目名称X项目主要内容Y', is read by its 项目名称 above: a name holds no label)
        if purpose and "名称" not in purpose.group("name"):
            registry.add(purpose.group("name"), 2)
        this_is = _THIS_IS.match(s.text) if _after_full_stop(s) else None
        if this_is:
            registry.add(this_is.group("name"), 2)
        this = _THIS_NAMED.match(s.text) if _after_full_stop(s) else None
        for undertaken in (*_UNDERTAKES.finditer(s.text), *_USED_FOR.finditer(s.text), *([this] if this else [])):
            registry.add(next(named for named in undertaken.groupdict().values() if named), 2)
        # (an item numbered in brackets opens a part of its own wherever a dump ran the lines together:
        # '…的支出。(二)X营养改善计划:为了…', '二、项目概况(一)X公用经费:为落实…'; in any section when the item
        # says it is the project's own evaluation, '(二)X经费绩效自评综述:项目年预算…' under 自评结果)
        starts = {0} if s.start == 0 else set()
        for pos in sorted(starts | _item_starts(s.text)):
            colon = _NAME_COLON.match(s.text[pos:])
            # (under the report's money part, '(1)X项目：预算120万元，支出118.6万元': an item that states its own
            # budget and spending is a project's account; '(1)培训费：5万元', a use of one project's money, is not)
            # (in a report on one subject only an item that calls itself a project or works: its other items are
            # the uses of its money)
            if colon and (colon.group("genre") or s.section in ("overview", "analysis", "other") or (
                    (unit_report or fundnames.names_a_project(colon.group("full")))
                    and states_budget_and_spending(item_clause(s.text, pos + colon.end())))):
                registry.add(colon.group("full"), 2)
        for item_name in own_money_items(s.text, unit_lines=unit_report):
            registry.add(item_name, 2)
        accounted = bracketed_accounts(s.para.text) if s.start == 0 else []  # (a list may go on past a '；')
        for item_name in accounted:
            registry.add(item_name, 2)
        if accounted:
            registry.keep_apart(accounted)
        counted = (_COUNTED_LIST.search(s.text) or _COUNTED_CLAUSE.search(s.text) or _COUNT_FIRST.search(s.text)
                   or _ITEMS_THEN_COUNT.search(s.text))
        if counted:
            items = [n.strip() for n in re.split(r"[、，,；;]|以及|和|及", counted.group("items")) if n.strip()]
            digits = counted.group("count").replace("两", "二")
            count = int(digits) if digits.isdigit() else chinese_to_decimal(digits)
            # (the list may go on past the sentence's '；', one item a clause: read it to the paragraph's full stop)
            run_on = s.para.text[s.start + counted.start("items"):].split("。")[0]
            items = _items_with_money(run_on, int(count or 0)) or items
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
    # (a report on several projects and funds, one numbered item each, its name running into its own money:
    # '（三）X资金。上级下达资金260万元，已支出231.4万元'; in a report on one subject they are its parts, but for the
    # items that call themselves projects or works and state their money: the fund pays for them, '㈠X改造项目。安排
    # 资金60万元')
    texts = [info.para.text for info in layout.paras]
    accounts = numbered_accounts(texts) if not one_subject or unit_report else []
    accounts = accounts or funded_project_items(texts)
    if accounts:
        registry.keep_apart(accounts)
        for name in accounts:
            registry.add(name, 2)
    attached = attached_reports(layout)
    if len(attached) >= 2:  # (a list of the reports a notice publishes: each names what it evaluates)
        registry.keep_apart(attached)
        for name in attached:
            registry.add(name, 2)
    for title in analysis_heading_names(layout):
        registry.add(title, 2)
    for info in layout.paras:
        # ('一、X项目绩效自评情况': the part on one project's evaluation, named by the project it evaluates)
        title = _EVALUATION_OF.sub("", info.title)
        if info.heading and info.heading <= 2 and _PROJECT_HEADING.match(title) and not _GENERIC_HEAD.match(
                title) and section_kind(title) is None:
            registry.add(title, 2)  # '一、X项目' opening the report's part about one project
        fund_part = _FUND_HEADING.match(info.title) if info.heading == 1 else None
        if fund_part and section_kind(info.title) is None:
            registry.add(fund_part.group("line"), 2)
    for names in _sibling_fund_headings(layout):
        registry.keep_apart(names)
        for name in names:
            registry.add(name, 2)
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
    for info in layout.paras[:4]:
        # (a subtitle naming the case a body's report takes up: '——以X镇集镇污水管网建设为例')
        example = _EXAMPLE_SUBTITLE.search(info.para.text.strip())
        if example:
            registry.add(example.group("name"), 2)
    for above, info in zip(layout.paras[:5], layout.paras[1:6], strict=False):
        bracketed = _BRACKETED.match(info.para.text.strip())
        if bracketed and re.search(r"报告|自评表|评价表", above.para.text):
            registry.add(bracketed.group("name"), 3)
    if not registry.projects and layout.paras and not subject_titled and title_names:
        # (a subject the title states, '海口市财政支出项目绩效自评报告(X项目)', is read by the subject rules:
        # the words before its report words are then the kind of report, not a name)
        # the title may sit below the reporting body's name ('××县交通局' / '2023年度X项目绩效自评报告'),
        # or below a file name that names the whole bundle ('X局2022年度项目支出部门评价报告(共15个).pdf')
        titles = (m for info in layout.paras[:3]  # (not a cited notice's title)
                  for m in _TITLE_NAME.finditer(re.sub(r"《[^》]*》", "。", info.para.text)))
        for titled in titles:
            name = re.sub(r"^.*?20\d{2}\s*年度?", "", titled.group("name"))
            # ('2023年度X镇人民政府项目支出绩效自评报告': the body's project spending, no project's name)
            if not names_a_body(name) and not names_a_class(name) and registry.add(name, 1):
                break
    restated_under_heading(layout, registry, _PROJECT_HEADING.match)
    _count_uses(layout, registry)
    return registry


#: a numbered subheading that is a fund's or project's name alone: '(1)档案管护工作经费', '2.X平台运维项目'
_FUND_OR_PROJECT_TITLE = lazy_compile(r"^[^，。；：:,、（）()\s]{4,30}(?:经费|资金|项目|工程|补助|补贴)$")


def form_label_names(texts: list[str]) -> list[str]:
    """The names the texts give in a form's 项目名称 cell, after its label or, in a PDF dump in column order, before
    it ('…自评表 (2023年度) X经费 项目名称 主管部门 Y'): what a form cut from its rows names its project."""
    names: list[str] = []
    for text in texts:
        for before in _NAME_BEFORE_LABEL.finditer(text):
            names.append(re.sub(r"\s+", "", before.group("name")))
        for named in _NAMED.finditer(text):
            names.append(_NOTE_MARK.sub("", _NEXT_LABEL.split(named.group("name"))[0]))
    return [name for name in names if valid_candidate(name)]


def _sibling_fund_headings(layout: Layout) -> list[list[str]]:
    """Two or more sibling subheadings of one part, each a fund's or project's name alone ('1.项目立项背景' /
    '(1)X工作经费' … '(2)Y工作经费'): a report on several projects giving each a paragraph of its own. Runs
    of headings at one depth, broken by a shallower heading."""
    runs: list[list[str]] = []
    current: dict[int, list[str]] = {}
    for info, following in zip(layout.paras, [*layout.paras[1:], None], strict=False):
        if not info.heading:
            continue
        if following is None or (following.heading and (
                following.heading <= info.heading or not _numbered(following))):
            # (a list of items a line each, '5、X设备设施经费' / '6、Y保险经费', is the uses of one fund, no
            # part of the report each: a project's subheading heads a paragraph of its own, or subheadings of
            # its own, '(一)X经费' / '1.资金到位情况')
            for depth in [d for d in current if d >= info.heading]:
                runs.append(current.pop(depth))
            continue
        for depth in [d for d in current if d > info.heading]:
            runs.append(current.pop(depth))
        # (at any depth below the report's parts: '(一)X经费' / '(二)Y经费' under '二、项目实施情况' as well as
        # '(1)X经费' under '1.项目立项背景'; a part's own heading, '一、X经费', is read as a project heading above)
        title = _EVALUATION_OF.sub("", info.title)  # ('(一)X项目资金使用情况': the part on X's money)
        if info.heading >= 2 and _FUND_OR_PROJECT_TITLE.match(title) and section_kind(title) is None:
            current.setdefault(info.heading, []).append(title)
        elif info.heading in current:
            runs.append(current.pop(info.heading))  # (a sibling of another kind ends the run)
    runs.extend(current.values())
    return [run for run in runs if len(run) >= 2]


def _numbered(info: ParaInfo) -> bool:
    """Does the heading open with a number of its own ('1.资金到位情况'), not a short line taken for a heading?"""
    return info.title != info.para.text.strip()


def _items_with_money(items: str, count: int) -> list[str]:
    """The names of a counted list whose items each go on with their own money after a comma ('分别为：A项目，
    总投资120万元，已支付115万元；B项目，总投资80万元，已支付80万元'): as many items as the count, split at the
    semicolons, each opened by its name and stating an amount; else none."""
    pieces = [p.strip() for p in re.split(r"[；;]", items) if p.strip()]
    if len(pieces) != count or count < 2:
        return []
    names = [re.split(r"[，,]", piece)[0].strip() for piece in pieces]
    if all(money(piece[len(name):]) for name, piece in zip(names, pieces, strict=True)):
        return names
    return []


def _after_full_stop(s: Sentence) -> bool:
    """Does the sentence open its paragraph or follow a full stop?

    A reader may join two short introduction paragraphs into one when the first fills its line, so
    'X由财政拨款…' right after '。' still introduces a project; after '，' or '；' it is a clause.
    """
    return s.start == 0 or s.para.text[:s.start].rstrip()[-1:] in ("。", "！", "？")


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
