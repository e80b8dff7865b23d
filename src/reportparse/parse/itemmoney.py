"""Whose money an item of the prose states: a numbered item's own line, a listed part of the works, the one project
named alone before its amount.

Helpers of `funds.extract_funds`, which reads each money sentence: a department report's numbered item may name a
project or a line of spending of its own ('1.办公楼维修项目，预算80万元', '(3)其他就业补助支出10140元'), a project's
numbered list may give each part of the works its own investment, and a sentence may open with the project's name
alone before its amount ('2022年X专项经费7177.5万元，…').
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.parse.evidence import Sentence
from reportparse.parse.fundnames import NUMBERED_ITEM, name_fragments, names_a_project
from reportparse.parse.itemnames import states_budget_and_spending
from reportparse.parse.names import core, strip_name


def other_item(text: str, first_amount: int, context: str) -> bool:
    """Is the sentence a numbered list item naming a project of its own before its first amount (a
    department report's list of the projects it ran), or a sentence opened by such a project's name
    ('食品安全抽检项目年初预算68万元，全年支出66.5万元'), not the department's own spending?"""
    if not NUMBERED_ITEM.match(text):
        opening = _OPENING_PROJECT.match(text[:first_amount])
        return opening is not None and strip_name(opening.group("name")) not in context
    own = [f for f in name_fragments(text[:first_amount]) if names_a_project(f)]
    if own:
        return all(f not in context for f in own)
    # ('(3)其他就业补助支出10140元': a line of spending the item names, not the department's whole)
    line = _NAMED_SPENDING_LINE.search(text[:first_amount])
    if line is not None and not _WHOLE_SPENDING_WORD.fullmatch(line.group("line")) \
            and line.group("line") not in context:
        return True
    # ('1.人员经费，年初预算210万元，实际支出208万元': a line the item names with its own budget and spending)
    opened = _ITEM_OPENING.match(text)
    return opened is not None and not _WHOLE_LINE.search(opened.group("name")) and opened.group("name") not in context \
        and states_budget_and_spending(text[opened.end():])


#: a sentence opened by a project's or works' name, only the money's words between it and the first amount
#: ('食品安全抽检项目年初预算68万元', 'X工程预算资金')
_OPENING_PROJECT = lazy_compile(r"^\s*(?P<name>[\u4e00-\u9fff“”]{2,40}?(?:项目|工程))"
                                r"(?:年初|全年|调整后)?(?:预算|下达|安排|批复)?(?:资金|经费|数|金额)?\s*(?:为|[:：])?\s*$")


def names_only_the_project(gap: str, project: str) -> bool:
    """Is the text before a sentence's first amount the one project's name alone (maybe after its year, written
    with another fund word: '2022年教育专项经费' for 教育专项资金), no verb and no other words?"""
    bare = _YEAR_OPENING.sub("", gap.strip())
    return len(bare) >= 4 and core(bare) == core(project) and len(core(bare)) >= 2 and bare != core(bare)


def names_only_the_item(gap: str, spellings: list[str]) -> bool:
    """Is the text before a sentence's first amount one listed project's name alone, after its item number and
    maybe its year ('1、档案整理费5万元，主要用于…', '(2)慰问金8.6万元；'), no verb and no other words? The amount
    is that project's money as the list states it: its budget, as a one-project report's '2022年X经费N万元' is."""
    bare = _YEAR_OPENING.sub("", _ITEM_NUMBER.sub("", gap.strip()).strip()).strip(" ：:")
    return len(bare) >= 3 and any(bare == strip_name(s) or bare == s for s in spellings)


#: an item's number at the start of its line: '1、', '(2)', '（三）', '3.'
_ITEM_NUMBER = lazy_compile(r"^\s*(?:[（(]?\d{1,2}[)）、.．]|[（(]?[一二三四五六七八九十]{1,3}[)）、])")
#: a sentence's opening year, a template's too ('2022年', '20xx年度')
_YEAR_OPENING = lazy_compile(r"^(?:20\d{2}|20[xX×]{2})\s*年度?")


def component_item(s: Sentence, context: str, item_paragraphs: set[int] | None = None) -> bool:
    """Is the sentence one item of a numbered list, in its paragraph or one item a paragraph (`item_paragraphs`,
    see `listed_item_paragraphs`), opened by the name of a works or project other than the one the report is
    about (the project's parts, each with its own investment; the fund's projects, each with its money)?"""
    opened = _opening_name(s)
    run_in = _RUN_IN_ITEM.match(s.para.text[:s.start]) if opened is None and s.start > 0 else None
    if run_in is not None and _RUN_IN_TOPIC.search(run_in.group("name")) is None:
        # ('（一）土建工程。预算资金110万元，实际支出106万元': the item's heading ran into its paragraph, the money
        # sentence after it is the item's)
        opened = run_in.group("name")
        if strip_name(opened) not in context and strip_name(context) not in opened and (
                id(s.para) in (item_paragraphs or ()) or states_budget_and_spending(s.text)):
            return True
    if opened is None:
        return False
    name = strip_name(opened)
    if name in context or strip_name(context) in name:
        return False
    # (or an item on a line of its own that calls itself a works or project and gives it a budget and a spending
    # of its own: '1.一期工程，预算资金500万元，实际支出500万元；' / '2.二期工程…' under the one project; or one item a
    # paragraph of a list, `item_paragraphs`)
    return len(_ITEM_MARKS.findall(s.para.text)) >= 2 or (s.start == 0 and id(s.para) in (item_paragraphs or ())) or (
        names_a_project(opened) and states_budget_and_spending(s.text[s.text.index(opened) + len(opened):]))


def _opening_name(s: Sentence) -> str | None:
    """What a numbered item sentence opens with, when it names a works or a project, not a topic."""
    opened = _ITEM_OPENING.match(s.text)
    if opened is None or _TOPIC_END.search(opened.group("name")):
        return None  # ('1.项目资金到位情况，下达资金50万元': a topic of the project's own, not a part)
    return opened.group("name")


def listed_item_paragraphs(sentences: list[Sentence]) -> set[int]:
    """The paragraphs (by id) that are one numbered item each of a list of two or more, one after another, each
    opened by what it names ('1、东坪村垃圾收集点建设项目，下达资金30万元…' / '2、西坪村…项目，下达资金12万元…')."""
    runs: list[list[int]] = []
    last_index: int | None = None
    for s in sentences:
        if s.start != 0:
            continue
        if _opening_name(s) is None or not NUMBERED_ITEM.match(s.text):
            last_index = None
            continue
        if last_index is not None and s.index == last_index + 1 and runs:
            runs[-1].append(id(s.para))
        else:
            runs.append([id(s.para)])
        last_index = s.index
    return {para for run in runs if len(run) >= 2 for para in run}


#: a numbered item opened by what it describes, then its size or cost: '1.学生公寓楼工程共6层…',
#: '2.3#教职工宿舍,建筑面积…', '(2)污水管网项目总投资…'
_ITEM_OPENING = lazy_compile(
    r"^\s*(?:[（(]?\d{1,2}[)）、.．])\s*(?P<name>[^，,。；;:：]{2,30}?)(?=[，,:：]|共|为|总投资|计划)")
#: a numbered item's heading run into its paragraph, closed by a full stop: '（一）土建工程。', '2.设备购置。'
_RUN_IN_ITEM = lazy_compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．])\s*(?P<name>[^，,。；;:：\d]{2,16})。\s*$")
#: words of a run-in heading that name a topic of the project's own account, not a part of its works
#: ('（三）预算执行率。', '（一）资金投入。', '（二）项目实施情况。')
_RUN_IN_TOPIC = lazy_compile(
    r"预算|资金|经费|执行|支出|到位|绩效|指标|目标|情况|概况|评价|分析|管理|效益|产出|成本|项目")
#: the end of an item's opening that names a topic or the money itself, not a part of the works
_TOPIC_END = lazy_compile(
    r"(?:情况|分析|说明|概况|执行|管理|使用|到位|安排|下达|拨付|支出|预算|资金|经费|补助|补贴|目标|指标)$")
#: the item numbers of a list run in one paragraph ('1.…；2.…')
_ITEM_MARKS = lazy_compile(r"(?:^|[；;。|])\s*[（(]?\d{1,2}[)）、.．]")


#: words of an item's name that name the department's whole or its sum, not one line of it
_WHOLE_LINE = lazy_compile(r"部门|整体|全年|年度|合计|总计|总额|收入|支出$")
#: a numbered item's own line of spending before its amount: '(3)其他就业补助支出', '2.专用设备购置支出为'
_NAMED_SPENDING_LINE = lazy_compile(r"(?P<line>[\u4e00-\u9fff]{2,20}?)支出\s*(?:为|共计|合计|共|计)?\s*[:：]?\s*$")
#: words before 支出 that name the whole or one of its two halves, the department's own figures
_WHOLE_SPENDING_WORD = lazy_compile(
    r"(?:本年|全年|年度|当年|实际|累计|部门)?(?:项目|基本|部门|整体|部门整体|总|财政拨款)?")
