"""Projects named by the items of a list that gives each its own money: a unit's report on several projects.

A report on a unit's projects often accounts for them one by one, each item opened by the project's name and
followed by its own budget and spending: '(1)X项目：预算120万元，支出118.6万元', '1.X工程，安排奖补资金120万元，
实际支付115万元', '一是X项目，预算资金45万元，实际支出43.2万元；二是Y项目…'. An item that states both a budget
and a spending of its own is a project's account; a use of one project's money ('(1)培训费5万元', '其中纪委
巡视巡查工作支出33万') states one amount only and stays a part of that project.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation
from reportparse.parse.amounts import money_kind
from reportparse.parse.fundwords import fund_endings
from reportparse.parse.names import valid_candidate
from reportparse.parse.quantities import money
from reportparse.parse.sections import ITEM_NUMBER, LIST_MARK

#: where an item opens inside a paragraph: a numbered item ('1.', '(2)', '③') at the start or after a clause's
#: end, or an enumerating word ('一是', '其二')
_ITEM_OPEN = lazy_compile(
    r"(?:^|(?<=[。；;：:，,\s]))(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]|" + LIST_MARK +
    # (an enumerating word may take a comma of its own: '其一，X项目，…', '第二，Y补助，…')
    r"|(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|第[一二三四五六七八九十])\s*[，,]?)\s*"
)
#: the year a name may open with ('2023年X资金'), read as part of it
_YEAR = r"(?:20\d{2}\s*年度?)?"
#: the name that opens an item and calls itself a project or works, then a comma or colon before its money (no '^':
#: the patterns are matched where an item opens, inside a text too, and '^' would hold at the text's start only)
_ITEM_NAME = lazy_compile(
    rf"{ITEM_NUMBER}(?P<name>{_YEAR}[^，,。；;：:、（）()“”\d]{{3,40}}?(?:项目|工程))\s*[，,:：]"
)


#: … or any name before the comma or stop that ends it (read only beside items that call themselves projects or funds)
_ANY_ITEM_NAME = lazy_compile(rf"{ITEM_NUMBER}(?P<name>{_YEAR}[^，,。；;：:、（）()“”\d]{{4,40}}?)\s*[，,:：。]")


@lru_cache(maxsize=1)
def _item_line_name() -> re.Pattern[str]:
    """… or, in a report on a unit's projects or a department's, a fund's or a line's name ('1.法律援助经费，全年预算…',
    '（三）X专项。年初预算…'; the endings of a fund's name, lexicon/fund_words.json): there the items are the unit's
    budget lines; in a report on one project they would be the uses of its money."""
    endings = alternation({"项目", "工程", *fund_endings()})
    return re.compile(rf"{ITEM_NUMBER}(?P<name>{_YEAR}[^，,。；;：:、（）()“”\d]{{3,40}}?(?:{endings}))\s*[，,:：。]")


#: the end of an item's own clauses: the next item's number or the sentence's end
_ITEM_END = lazy_compile(
    r"[。；;]|(?<=[，,])\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、]|[一二三四五六七八九十]是|[其第][一二三四五六七八九十][，,])")


def item_clause(text: str, start: int) -> str:
    """The text of the item that goes on at `start`, up to the next item or the sentence's end."""
    end = _ITEM_END.search(text, start)
    return text[start:end.start() if end else len(text)]


def states_budget_and_spending(clause: str) -> bool:
    """Does the clause state a budget and a spending, each with its own amount ('预算120万元，支出118.6万元')?"""
    kinds = set()
    pos = 0
    for mention in money(clause):
        kinds.add(money_kind(clause[pos:mention.start]))
        pos = mention.end
    return {"planned", "executed"} <= kinds


def own_money_items(text: str, unit_lines: bool = False, any_ending: bool = False) -> list[str]:
    """The project names that open the items of a text each stating its own budget and spending (`unit_lines`:
    the text reports on a unit's or a department's projects, whose budget lines are its projects; `any_ending`: the
    siblings of such items, whatever their names end in)."""
    pattern = _ANY_ITEM_NAME if any_ending else _item_line_name() if unit_lines else _ITEM_NAME
    names = []
    for opened in _ITEM_OPEN.finditer(text):
        named = pattern.match(text, opened.end()) or (
            pattern.match(text, opened.start()) if opened.start() == 0 else None)
        if named and states_budget_and_spending(item_clause(text, named.end())):
            names.append(named.group("name"))
    return names


#: a project named right before a bracket of its own money, opening a list's item ('：A项目（预算40万元，执行38万元）、
#: B项目（…）'): the name starts after the list's colon, a separator or a joining word
_BRACKETED_ACCOUNT = lazy_compile(
    # (or after the verb that carries them out: '本年度我局实施了A工程（总投资180万元，已支付170万元）和B项目（…）')
    r"(?:(?<=[：:、，,；;和及与])|(?<=实施了|开展了)|(?<=实施|开展)(?!了))\s*(?P<name>[^，,。；;：:、（）()“”\d\s]{3,40}?(?:项目|工程))\s*"
    r"[（(](?P<inner>[^()（）]{4,80})[)）]")


def bracketed_accounts(text: str) -> list[str]:
    """The projects a list names each before a bracket stating its own budget and spending ('共实施两个项目：A项目
    （预算40万元，执行38万元）、B项目（预算25万元，执行25万元）'): two or more, else none (one bracket may be a
    project's own figures, said of the project the report is about)."""
    # (or one amount each in a list that counts its projects: '共实施项目3个，分别为A项目（预算50万元）、B工程
    # （预算30万元）…')
    stated = _stated_money if _COUNTS_PROJECTS.search(text) else states_budget_and_spending
    names = [_LIST_LEAD.sub("", m.group("name")) for m in _BRACKETED_ACCOUNT.finditer(text) if stated(m.group("inner"))]
    # (every such bracket of the sentence must have its name read: one left unnamed, '本年度实施A项目（…）和B项目（…）',
    # would leave its money to the names read)
    accounts = sum(1 for inner in _BRACKET.findall(text) if stated(inner))
    return names if len(set(names)) >= 2 and len(names) == accounts and all(map(valid_candidate, names)) else []


#: the words that open a list before its first name: '分别为', '包括', '即'
_LIST_LEAD = lazy_compile(r"^(?:分别(?:为|是)|包括|主要有|即)\s*[:：]?\s*")
#: a sentence counting the projects it lists: '共实施项目3个', '实施了2个项目'
_COUNTS_PROJECTS = lazy_compile(
    r"项目\s*(?:共|合计)?\s*[\d两二三四五六七八九十]+\s*个|[\d两二三四五六七八九十]+\s*个项目")


def _stated_money(clause: str) -> bool:
    """Does the clause state an amount of a budget or a spending ('预算50万元')?"""
    pos, kinds = 0, set()
    for mention in money(clause):
        kinds.add(money_kind(clause[pos:mention.start]))
        pos = mention.end
    return bool(kinds & {"planned", "executed"})


_BRACKET = lazy_compile(r"[（(]([^()（）]{4,80})[)）]")
#: an item opened by a name that calls itself a project or works, closed by a stop or a comma: '㈠X改造项目。'
_PROJECT_ITEM = lazy_compile(
    rf"{ITEM_NUMBER}(?P<name>{_YEAR}[^，,。；;：:、（）()“”\d]{{3,40}}?(?:项目|工程))\s*[，,:：。]")


def funded_project_items(paragraphs: list[str]) -> list[str]:
    """The projects a fund pays for, one numbered paragraph each that opens with the project's name and states its
    money: '㈠X改造项目。安排资金60万元，主要建设…' (in a report on the fund: two or more, else none)."""
    names = []
    for text in paragraphs:
        opened = _ITEM_OPEN.match(text)
        named = _PROJECT_ITEM.match(text, opened.end()) if opened else None
        if named and _stated_money(item_clause(text, named.end())) and valid_candidate(named.group("name")):
            names.append(named.group("name"))
    names = list(dict.fromkeys(names))
    return names if len(names) >= 2 else []


#: a sentence opened by a name that calls itself a project or works, running into its money's label or a comma:
#: 'X项目计划总投资300万元，已完成投资280万元。', 'Y工程，批复资金65万元，实际支出65万元'
_OPENING_ACCOUNT = lazy_compile(
    # (or the first item after the words that announce a list: '项目有：A工程，预算资金200万元，实际支出195万元；B…')
    rf"(?:^|(?<=[。；;])|(?<=[有为是括下][：:]))\s*(?P<name>{_YEAR}[^，,。；;：:、（）()“”\d\s]{{3,40}}?(?:项目|工程))\s*[，,:：]?\s*"
    r"(?=(?:计划)?总投资|年初预算|预算|批复|下达|安排|到位|立项|核定)")


def opening_accounts(text: str) -> list[str]:
    """The projects the sentences of a text open with, each stating its own budget (or the money it received) and its
    spending right after its name, no item number before it."""
    names = []
    for opened in _OPENING_ACCOUNT.finditer(text):
        kinds = set()
        clause = item_clause(text, opened.end())
        pos = 0
        for mention in money(clause):
            kinds.add(money_kind(clause[pos:mention.start]))
            pos = mention.end
        if "executed" in kinds and kinds & {"planned", "arrived"} and valid_candidate(opened.group("name")):
            names.append(opened.group("name"))
    return names


def numbered_accounts(paragraphs: list[str]) -> list[str]:
    """The projects and funds a report on several accounts for one numbered item (or sentence) each, the item's name
    (a project's, a works' or a fund's: '（三）X资金。', '2.X专项：', '一是X补贴资金，') running into its own budget and
    spending:
    '（一）X项目。该项目年初预算120万元，实际支出118.5万元' … '（三）X资金。上级下达资金260万元，已支出231.4万元'.
    Two or more such items, each a name (no source of money, '中央资金', nor a spending line, '人员经费'), else none:
    one item alone may be a part of the one project a report is about."""
    names = list(dict.fromkeys(name for text in paragraphs
                               for name in (*own_money_items(text, unit_lines=True), *opening_accounts(text))
                               if valid_candidate(name)))
    if names:
        # (a sibling item of the same accounts, its name ending in no project's or fund's word, '3.中小学教师继续教育
        # 培训，年初预算35万元，实际支出33万元', is one of the unit's projects as well: it states its own budget and
        # spending as they do; a cost line, '培训费', is no name)
        names += [name for text in paragraphs for name in own_money_items(text, unit_lines=True, any_ending=True)
                  if name not in names and valid_candidate(name)]
    return list(dict.fromkeys(names)) if len(names) >= 2 else []


#: a paragraph opened by an item's number and a fund's or project's name alone, the name its first sentence ('1.X租机
#: 补助经费。财政部下达…3431万元。', '（二）Y、Z资金。'): a heading run into the paragraph
_RUN_IN_FUND = lazy_compile(
    rf"^\s*(?:[（(]?[一二三四五六七八九十\d]{{1,2}}[)）、.．]|{LIST_MARK})\s*"
    r"(?P<name>[^，,。；;：:（）()“”\d\s]{4,30}?(?:经费|资金|项目|工程|补助|补贴|专项))\s*。(?P<rest>.*)$"
)
#: the words that set an item's own performance goals ('设定年度绩效目标为：', '目标1：')
_OWN_GOALS = lazy_compile(r"绩效目标|^\s*(?:年度)?目标\s*[1-9一二三四五六七八九]\s*[:：]")


def run_in_fund_items(paragraphs: list[str]) -> list[str]:
    """The funds or projects a report accounts for one numbered paragraph each, the name run in as the paragraph's
    first sentence, the rest stating the item's own money and the part up to the next item its own performance goals
    ('1.X经费。财政部下达…3431万元。设定年度绩效目标为：' / '目标1：…' / '2.Y资金。…17932万元。…'). Each has the
    allotment and the goals a project has: a project, even where the report's opening names the fund they all draw
    on. Two or more such items, else none (one item alone may be a part of the one project a report is about)."""
    items: list[tuple[int, str]] = []
    for at, text in enumerate(paragraphs):
        opened = _RUN_IN_FUND.match(text)
        if opened and money(opened.group("rest")) and valid_candidate(opened.group("name")):
            items.append((at, opened.group("name")))
    if len(items) < 2:
        return []
    ends = [at for at, _ in items[1:]] + [len(paragraphs)]
    names = [name for (at, name), end in zip(items, ends, strict=True)
             if any(_OWN_GOALS.search(text) for text in paragraphs[at:min(end, at + 6)])]
    return list(dict.fromkeys(names)) if len(names) >= 2 and len(names) == len(items) else []
