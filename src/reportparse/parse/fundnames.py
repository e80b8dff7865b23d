"""Project names that money sentences introduce: 'A项目10万元、B项目9.8万元', announced lists
('项目73个，主要有：…'), numbered items under '具体如下：', and the parts a sentence names of an amount it
stated just before ('其中中央资金500万元'), which are no projects of their own.

The money reader (parse/funds.py) gives each amount to the project named before it; this module only
says which names those are.
"""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.parse.amounts import money_kind
from reportparse.parse.evidence import Sentence
from reportparse.parse.names import TOTAL_WORD_EXCEPTIONS, is_fund_source, valid_candidate
from reportparse.parse.quantities import Mention, money
from reportparse.parse.sections import LIST_MARK

#: what comes before a name in the words before its amount (a year, a payer, a verb, a list's lead word)
#: (a 共 that opens a name's own word, 共青团, 共产党, 共同缔造, is no '共60万元' total)
_TOTAL_EXCEPTIONS = "|".join(word[1:] for word in TOTAL_WORD_EXCEPTIONS)
_LEAD = lazy_compile(
    # (the writer's own body the money was given to: '县财政安排我院X项目资金')
    # (a level's treasury, '县级财政年初安排X资金')
    r"^(?:\d{4}\s*年度?|[，,、；;:：\s]|(?:市|县|区|省|州)级?财政|财政|我部|我单位|本单位|全年|年初|"
    r"(?<=安排|下达|拨付|下拨)(?:我|本)(?:院|局|校|中心|站|所|馆|镇|乡|街道)(?=[^，,。；;]{4})|"
    rf"共(?!{_TOTAL_EXCEPTIONS})|对|为|向|给予|给|"
    r"分别(?:是|为)|包括|包含|即|"
    r"安排|下达|拨付|列支|支出|执行|预算(?!外)|(?:分别)?用于|其中|合计|共计|累计|实际|严格按照[^，]*|根据[^，]*)+"
)
#: what is left of a money label once its verb is cut ('预算资金' → '资金'): no name
_MONEY_LABEL = lazy_compile(r"(?:资金|经费|金额|总额|资金总额|数)?")
#: a list item's number before its name: '1.', '2、', '(三)', '③'
_LIST_MARK = lazy_compile(
    r"^(?:\d{1,2}\s*[.、．)）]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|"
    + LIST_MARK + r")\s*")
#: what comes after a name and before its amount (the money verb and its noun: '安排资金', '立项批复')
_TRAIL = lazy_compile(
    # (the year's or its start's, 'X项目年初预算48万元', 'X工程全年实际支出…')
    r"(?:(?:年初|全年|本年度?|当年)?(?:实际)?(?:安排|下达|拨付|预算|列支|支出|执行|使用)(?:资金|经费)?(?:数|金额)?"
    # ('X项目计划总投资300万元', 'Y工程到位资金100万元': a works' planned investment, the money it received)
    r"|(?:(?<=项目|工程)计划)?(?:总)?投资|(?<=项目|工程)到位(?:资金|经费)?|共计|合计|总计|累计|为|是|达|共|分别"
    r"|(?:立项)?(?:批复|核定)(?:资金|金额)?)+$"  # ('X项目立项批复525.39万元')
)
#: a sentence announcing a list of projects with their amounts: '项目73个，…，主要有：' / '项目包括：'
_PROJECT_LIST = lazy_compile(r"项目[^。；;]{0,40}?(?:主要有|主要包括|包括|分别为|分别是|具体为)\s*[:：]")
#: a sentence ending in the announcement of a list ('具体如下：', '分别为：') …
_LIST_ANNOUNCED = lazy_compile(r"(?:具体如下|如下|分别(?:为|是)|包括)\s*[:：]\s*$")
#: … in a paragraph that counts the projects ('参与绩效评价的项目共4个', '3个项目')
_COUNTED_PROJECTS = lazy_compile(
    r"项目\s*(?:共|合计)?\s*[\d两二三四五六七八九十]+\s*个|[\d两二三四五六七八九十]+\s*个项目")
#: a count of projects, the count before its noun or after it: '2个项目', '两个子项目', '3个重点项目', '项目共2个'
_PROJECTS_COUNTED = (r"(?:\d{1,2}|[一二两三四五六七八九十])\s*个[^，,。；;:：\d]{0,8}?项目"
                     r"|项目\s*(?:共|合计)?\s*(?:\d{1,2}|[一二两三四五六七八九十])\s*个")
#: a sentence that announces a list inside it and ends in '；' ('9378万元，具体为：A 3005万元；'): the list goes on
#: in the sentences after it, one item each ('B 1235万元；C 255万元。'); a bare '如下：' announces one too
#: ('下达的转移支付资金如下：A项目40万元；B项目2.75万元；…')
LIST_GOES_ON = lazy_compile(r"(?:(?:具体|分别)(?:为|是|如下|包括)|如下"
                            # (or the projects it counts: '下达资金共60万元，共2个项目：A 30万元；B 30万元')
                            rf"|{_PROJECTS_COUNTED})\s*[:：][^。]*[；;]\s*$")
#: a paragraph opened by an item's number: '1、', '(2)', '3.'
NUMBERED_ITEM = lazy_compile(r"^\s*(?:[（(]?\d{1,2}[)）、.．]|[（(][一二三四五六七八九十]{1,3}[)）])")
#: (a fund word may be followed by the item it pays, after a dash: '国家级非遗代表性传承人补助-竹编(渠县刘氏竹编)')
_NAME_SUFFIX = lazy_compile(r"(?:费|费用|项目|经费|资金|工程|专项|补助|补贴)(?:[-－—][\u4e00-\u9fff]{1,8})?"
                            r"(?:[(（][^()（）]{1,8}[)）])?$")
#: a payment and what it paid for, before its amount: '向第三方咨询公司支付审核服务费', '拨付施工单位工程款'
PAYMENT = lazy_compile(r"(?:支付|拨付|付给)[^，,。；;：:]{1,14}(?:费|费用|款|工资|报酬|补贴|酬金)\s*$")
#: a name that calls itself a project or a works ('X项目', 'X工程', 'X项目(一期工程)'), or names a project's
#: money ('X工程项目资金140万元', 'Y项目经费')
_PROJECT_SUFFIX = lazy_compile(r"(?:项目|工程)(?:资金|经费|款)?(?:[(（][^()（）]{1,8}[)）])?$")


def names_a_project(name: str) -> bool:
    """Does the name call itself a project or a works, as a fund's own spending lines do not?"""
    return _PROJECT_SUFFIX.search(name.strip()) is not None


#: the indicators' analysis or its 成本 label: the amounts after it are costs the project reports
_COST_ANALYSIS = lazy_compile(r"成本指标|绩效指标完成情况")
_PIECE_BREAK = lazy_compile(r"([，,；;：:、。\n])")
_QUOTED_NAME = lazy_compile(r"[)）\s]*(?:和|及|与|以及)?[^“”]*“(?P<name>[^“”]{2,60})”\s*[(（]?\s*")
_PARTS_DETAILED = lazy_compile(r"^[\s，,；;（(]*[^。；;]{0,20}?[，,]\s*具体(?:为|是|包括)")
#: how many of its kind an item counts before its money's label: '残疾人福利项目1个，金额10万元' (the name, then
#: its count, then the label), '新建项目两个,资金…'
_ITEM_COUNT = lazy_compile(r"\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:个|项)$")
#: … unless what it counts is projects as such, after the verb that sets them up ('本级安排项目2个') or a
#: class of them ('自评“优”的项目79个')
_COUNTED_KIND = lazy_compile(r"(?:安排|实施|涉及|共有|共|有|下达|申报|批复|立项|的|”)(?:预算|专项)?项目$")
#: the count and money label that close such an item, right before its amount
_COUNTED_ITEM = lazy_compile(r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:个|项)\s*[，,]\s*[^，,。；;]{0,4}$")


_JOINED = lazy_compile(r"和|及|与|以及")
_JOINED_LEAD = lazy_compile(r"^\s*(?:以及|和|及|与)")


def name_fragments(gap: str, after_amount: bool = False) -> list[str]:
    """Project-name-looking fragments in the text before an amount (several when joined by 和/及/与). `after_amount`:
    the text follows the amount of the name before it, so a joining word that opens it joins the two items ('A资金
    150万元和B资金80万元'), no part of the name."""
    # a cited document's title (《关于拨付X经费的通知》) names no project: read after it
    pieces = _PIECE_BREAK.split(gap.split("》")[-1])
    if after_amount and len(pieces) == 1:
        pieces = [_JOINED_LEAD.sub("", pieces[0])]
    # a quoted name with its amount in brackets after it: '用于“A项目”(723万元)和“B项目”(577万元)'
    quoted = _QUOTED_NAME.fullmatch(pieces[-1])
    if quoted:
        return [quoted.group("name").strip()]
    # (an item's bracketed number is no part of its name: '(1)优抚对象慰问金8.6万元')
    piece = _LEAD.sub("", _LIST_MARK.sub("", _joined_by_commas(pieces).strip()))
    piece = _TRAIL.sub("", piece.strip())
    if not piece and len(pieces) >= 3 and pieces[-2] in (":", "："):
        # 'X项目：预算20万元' / 'X项目:全年预算数…': the name is the label before the colon, the words
        # after it only say which money the amount is
        piece = _TRAIL.sub("", _LEAD.sub("", pieces[-3].strip()).strip())
    elif _MONEY_LABEL.fullmatch(piece) and len(pieces) >= 3 and pieces[-2] in (",", "，") and _item_name(pieces):
        # '1.高标准农田建设项目，预算资金400万元': the item's name, then a comma and the money's label
        # ('残疾人福利项目1个，金额10万元': a count after the name)
        item = _ITEM_COUNT.sub("", pieces[-3].strip())
        item = "" if _COUNTED_KIND.search(item) else item  # ('安排项目2个，资金10.7万元': how many, no name)
        piece = _TRAIL.sub("", _LEAD.sub("", _LIST_MARK.sub("", item)).strip())
    # '财政厅向我县下达X资金', '争取到市级X资金': the name starts after the allocating (or obtaining) verb
    # ('州财政局拨入州司法局X经费': transferred into the body's account, the same allotting verb)
    # ('白沙镇共争取X资金', '全年收到X经费': the body and its receiving verb, then the name)
    piece = re.sub(r"^.*(?:下达|下拨|拨付|拨入|获得|争取到?|获批|收到)(?=.{4,}$)", "", piece)
    piece = re.sub(r"(?<=经费)资金$", "", piece)  # ('收到X经费资金16.2万元': the money word written twice)
    # 'X项目的立项批复金额为': the name ends at the 项目/资金/经费/工程 its 的 follows
    piece = re.sub(r"(?<=项目|资金|经费|工程)的.*$", "", piece)
    parts = _JOINED.split(piece) if _JOINED.search(piece) else [piece]
    if len(parts) > 1 and not all(_NAME_SUFFIX.search(p) for p in parts):
        parts = [piece]
    return [p.strip() for p in parts if p.strip()]


#: a short run of Han characters that names no project or fund of its own ('城乡低保', '特困供养')
_NAME_WORDS = lazy_compile(r"[\u4e00-\u9fff]{2,8}")


def _joined_by_commas(pieces: list[str]) -> str:
    """The last piece, or the name that a list's item writes with 、 inside it: '城乡低保、特困供养、临时救助项目
    2.75万元' is one project's money (one amount after the whole run), its first words no names of their own (they
    end in no project or fund word) and no verb; the run stands alone in its clause."""
    last = pieces[-1].strip()
    if len(pieces) < 3 or pieces[-2] != "、" or not _NAME_SUFFIX.search(last):
        return pieces[-1]
    words: list[str] = []
    k = len(pieces) - 3
    while k >= 0 and pieces[k + 1] == "、":
        word = _LEAD.sub("", pieces[k].strip()) if k == 0 or pieces[k - 1] != "、" else pieces[k].strip()
        if not _NAME_WORDS.fullmatch(word) or _NAME_SUFFIX.search(word) or money_kind(word) is not None:
            return pieces[-1]
        words.insert(0, word)
        if k == 0 or pieces[k - 1] != "、":
            break
        k -= 2
    opened = k <= 0 or pieces[k - 1] in ("，", ",", "；", ";", "：", ":", "。", "\n")
    return "、".join([*words, last]) if words and opened else pieces[-1]


_CLAUSE_VERB = lazy_compile(r"[在向于对将把]|申报|用于")


def _item_name(pieces: list[str]) -> bool:
    """Is the piece before the comma a list item's name ('1.X项目', or a name alone opening the text,
    'X项目'), not a clause ('X项目在2020年初向财政局申报资金')?"""
    item = pieces[-3].strip()
    if _LIST_MARK.match(item) or (_ITEM_COUNT.search(item) and _NAME_SUFFIX.search(_ITEM_COUNT.sub("", item))):
        return True  # (a numbered item, or one that counts itself: 'X项目1个，金额10万元')
    clause = _CLAUSE_VERB.search(item)
    return len(pieces) == 3 and _NAME_SUFFIX.search(item) is not None and clause is None


def name_candidates(sentences: list[Sentence]) -> list[list[str]]:
    """Project names introduced by money sentences, one list per sentence (an enumeration)."""
    out: list[list[str]] = []
    announced: object | None = None  # the paragraph that announced a list of counted projects ('具体如下：')
    continues: object | None = None  # the paragraph whose last sentence named items and ended in '；'
    for s in sentences:
        text = s.text
        found: list[str] = []
        pos = 0
        listed = _PROJECT_LIST.search(text)
        # its items may be paragraphs of their own, each opened by its number ('1、档案整理费5万元，主要用于…')
        item = announced is not None and s.start == 0 and NUMBERED_ITEM.match(text) is not None
        if s.start == 0 and not item:
            announced = None
        if _LIST_ANNOUNCED.search(text) and _COUNTED_PROJECTS.search(s.para.text):
            announced = s.para
        # (does the sentence list what the money paid for: '支付X服务费86万元，支付Y劳务费12万元，Z费用3万元')
        paid = False
        for n, m in enumerate(money(text)):
            # after '安排预算项目73个…主要有：' every 'name amount' item is a project, whatever its name ends in
            in_list = (listed is not None and m.start >= listed.end()) or (item and n == 0)
            if _COST_ANALYSIS.search(text[:m.start]) and not in_list:
                pos = m.end
                continue  # '绩效指标完成情况分析，剧本创作费5万元': a cost line of the project, no project
            gap = text[pos:m.start]
            paid = paid or PAYMENT.search(gap) is not None
            # an item that counts itself ('X项目1个，金额10万元') names a project only inside an announced list;
            # elsewhere (after 其中) its money is read as a part of the amount before it
            counted_item = _COUNTED_ITEM.search(gap) is not None and not in_list
            for frag in ([] if counted_item else name_fragments(gap, after_amount=pos > 0)):
                quoted = f"“{frag}”" in text[pos:m.start]  # (quotation marks make a name whatever it ends in)
                if valid_candidate(frag) and (in_list or quoted or _NAME_SUFFIX.search(frag)):
                    found.append(frag)
            pos = m.end
        if paid and listed is None:
            # the items of a list of payments are the costs of the one project paid for, whatever their name ends
            # in ('档案整理及印刷费用'), unless an item calls itself a project or a works
            found = [f for f in found if names_a_project(f) or f"“{f}”" in text]
        if listed is not None and pos >= listed.end():
            found.extend(_items_after_last_amount(text[pos:]))
        if found and continues is s.para and out:
            out[-1].extend(found)  # (one list's items cut into sentences at '；': 'A 3005万元；B 1235万元；…')
        elif found:
            out.append(found)
        # (so does a 其中 list cut the same way: '其中：A工程60万元；B工程35万元。')
        continues = s.para if found and (continues is s.para or LIST_GOES_ON.search(text) or PARTS_OPEN.match(text)) \
            and re.search(r"[；;]\s*$", text) else None
    return out


#: a sentence that counts the projects it is about: '我单位共有1个项目批复了绩效目标', '安排项目2个'
PROJECT_COUNT = lazy_compile(
    r"(?:共有|共|有|安排|实施|涉及|以下)\s*(?P<n>\d{1,2}|[一二两三四五六七八九十])\s*个[^，,。；;\d]{0,8}?项目"
    r"|项目\s*(?:共)?\s*(?P<m>\d{1,2}|[一二两三四五六七八九十])\s*个")
#: the sentence after it, naming its parts: '其中：X经费46万元'
PARTS_OPEN = lazy_compile(r"^\s*其中\s*[:：]?")
#: … or the same sentence going on with them after a comma: '…资金9万元，其中A项目…'
_PARTS_INSIDE = lazy_compile(r"[，,]\s*其中\s*[:：]?")
#: … or by a colon right after the count: '共2个项目：A经费30万元；B费用30万元', '项目3个:分别为…'
_LIST_AFTER_COUNT = lazy_compile(r"\s*[:：]\s*(?:分别(?:为|是)|包括|即)?\s*[:：]?")
_SMALL_COUNTS = {c: n for n, c in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}


def _counted_names(gap: str) -> list[str]:
    """The item names before an amount of a counted list: short, named as a project or its money (not a source of
    money, '上级资金', nor a run of text a dump left without full stops)."""
    if len(gap) > 40:
        return []
    return [f for f in name_fragments(gap) if valid_candidate(f) and _NAME_SUFFIX.search(f) and not is_fund_source(f)]


def counted_items(sentences: list[Sentence]) -> list[list[str]]:
    """The projects a paragraph counts and then names one by one after 其中, as many names as the count: '我单位
    共有1个项目批复了绩效目标，项目金额46万元。其中：X经费46万元。', '安排项目2个，资金10.7万元。其中：A项目1个，
    金额10万元；B项目1个，金额0.7万元。' (each its own money; the parts of an amount are no projects otherwise)."""
    out: list[list[str]] = []
    count, para, listing = 0, None, False
    items: list[str] = []

    def flush() -> None:
        if listing and items and len(items) == count:
            out.append(list(items))

    for s in sentences:
        goes_on = listing and s.para is para and re.search(r"[；;]\s*$", s.para.text[:s.start]) is not None
        if listing and not goes_on:
            flush()
            count, para, items, listing = 0, None, [], False  # (a new list: nothing counted yet)
        if goes_on or (count and s.para is para and PARTS_OPEN.match(s.text)):
            listing = True
            pos = 0
            for m in money(s.text):
                items.extend(_counted_names(s.text[pos:m.start]))
                pos = m.end
            continue
        counted = PROJECT_COUNT.search(s.text)
        digits = (counted.group("n") or counted.group("m")) if counted else ""
        count = int(digits) if digits.isdigit() else _SMALL_COUNTS.get(digits, 0)
        para = s.para if counted else None
        # (or a colon right after the count: '共2个项目:A经费30万元;B费用30万元')
        inside = (_LIST_AFTER_COUNT.match(s.text, counted.end()) or _PARTS_INSIDE.search(s.text, counted.end())
                  if counted else None)
        if inside:  # ('安排项目2个，资金9万元，其中A项目1个，资金6万元，B项目1个，资金3万元。': in the same sentence)
            listing, pos = True, inside.end()
            for m in (m for m in money(s.text) if m.start >= inside.end()):
                items.extend(_counted_names(s.text[pos:m.start]))
                pos = m.end
    flush()
    return out


def announced_items(sentences: list[Sentence]) -> list[list[str]]:
    """The projects a paragraph counts and announces at its end ('用于以下3个项目：', '共实施项目3个：'), named by the
    numbered paragraphs after it, each opened by its name and stating its money ('1.A项目，下达资金100万元…' …
    '3.C补助，下达资金30万元…'): as many names as the count, whatever they end in."""
    out: list[list[str]] = []
    for s in sentences:
        counted = PROJECT_COUNT.search(s.text)
        inside = _LIST_AFTER_COUNT.match(s.text, counted.end()) if counted else None
        if counted is None or inside is None or s.text[inside.end():].strip() \
                or s.para.text[s.start + len(s.text):].strip():
            continue
        digits = counted.group("n") or counted.group("m")
        count = int(digits) if digits.isdigit() else _SMALL_COUNTS.get(digits, 0)
        numbered = _numbered_items(sentences, s)
        if len(numbered) == count >= 2:
            out.append(numbered)
    return out


def _numbered_items(sentences: list[Sentence], announcing: Sentence) -> list[str]:
    """The names that open the numbered paragraphs right after the announcing sentence's, each stating an amount: the
    name before the item's first comma or colon."""
    names: list[str] = []
    paragraphs = list(dict.fromkeys(id(s.para) for s in sentences))
    texts = {id(s.para): s.para.text for s in sentences}
    at = paragraphs.index(id(announcing.para))
    for key in paragraphs[at + 1:]:
        text = texts[key]
        if not NUMBERED_ITEM.match(text):
            break
        item = _LIST_MARK.sub("", text.strip())
        amounts = money(item)
        # (the name ends at its first comma or colon, or at its amount: '(1)A慰问金8.6万元，用于…')
        name = re.split(r"[，,:：。；;]", item[:amounts[0].start] if amounts else item, maxsplit=1)[0].strip()
        if not amounts or not valid_candidate(name) or is_fund_source(name):
            return []
        names.append(name)
    return names


def _items_after_last_amount(tail: str) -> list[str]:
    """Items a list still names after its last amount ('…、鲜花港屋面瓦维修170.01万元、Z工程2.' where an
    excerpt cut Z's amount, or '、Z等'): the list goes on when 、 follows the amount."""
    if not re.match(r"\s*、", tail):
        return []
    tail = re.split(r"[。；;，,]", tail)[0] if re.search(r"[。；;]", tail) else tail
    tail = re.sub(r"\d[\d.]*\s*$", "", tail.strip())  # the cut amount
    tail = re.sub(r"等(?:项目)?$", "", tail.strip())
    return [item.strip() for item in tail.split("、") if item.strip() and valid_candidate(item.strip())]


_PARTS_FOLLOW = lazy_compile(r"^[\s，,；;（(]*其中")
#: … unless it says the parts are the projects' own money ('部门预算100万元，其中项目资金两项：A经费34.5万元；B经费
#: 5.8万元', '其中：项目支出3项，A费…'): each named part is a project then, whatever fund word it ends in
_PARTS_ARE_PROJECTS = lazy_compile(
    r"^[\s，,；;（(]*其中\s*[:：]?\s*(?:项目(?:资金|经费|支出)|专项(?:资金|经费))\s*"
    r"(?:共|合计)?\s*(?:\d{1,2}|[一二两三四五六七八九十])\s*(?:项|个)\s*[:：]")
#: … or lists the uses of the money it stated just before: '（一）X项目。该项目年初预算100万元…。主要用于：
#: 检测设备购置费60万元，人员培训费20万元' (the project's costs, no projects of their own, as a 其中 list's parts are)
_USES_OPEN = lazy_compile(r"^[\s，,；;]*(?:主要|资金|经费|具体|分别)?用于\s*[:：]")
#: … or a sentence on the money of the projects already named, wherever it stands: '各项目资金主要用于：
#: 设备购置费520万元，工程建设费480万元' (the projects' costs)
_PROJECTS_USES = lazy_compile(
    r"^[\s，,；;]*(?:各|上述|以上)(?:个)?项目(?:的)?(?:资金|经费)(?:主要|具体|分别)?用于\s*[:：]")


#: words that end a 其中 list of parts: the clause spends, totals or hands down money again
_LIST_ENDS = lazy_compile(r"支出|共|累计|合计|总计|执行|使用|拨付|下达|安排|到位|结余|结转")


def part_names(sentences: list[Sentence]) -> set[str]:
    """Names a sentence gives as parts of an amount it stated just before ('立项批复金额为525.39万元，
    其中中央水利发展资金500万元'): a source or component of that money, not a project of its own."""
    out: set[str] = set()
    stated_before = False  # (the sentence before stated an amount)
    list_going_on: object = None  # (the paragraph whose 其中 list the sentence before went on with)
    for s in sentences:
        pos = None
        parts_listed = False  # a '具体为 A x万元、B y万元' list goes on item by item after its first part
        by_detail = False  # (a 具体为 list, which nothing but its sentence's end closes)
        of_projects = False  # (a 其中 list the sentence says is of the projects' money)
        amounts = money(s.text)
        # ('X专项经费200万元，来源均为财政拨款。其中，A工作支出33万；B经费支出13万元；…': a sentence that opens
        # with 其中 right after an amount lists that amount's parts, each what it was spent on; the list goes on
        # in the paragraph's next sentences while each ends in a semicolon)
        listing = amounts and ((stated_before and (PARTS_OPEN.match(s.text) or _USES_OPEN.match(s.text)))
                               or _PROJECTS_USES.match(s.text) or (
            list_going_on is s.para and len(amounts) == 1))
        if listing:
            out.update(_listed_parts(s.text, amounts))
        list_going_on = s.para if listing and s.text.rstrip()[-1:] in ("；", ";") else None
        stated_before = bool(amounts)
        for m in amounts:
            gap = s.text[pos:m.start] if pos is not None else ""
            # inside a bracket opened right after an amount: '854万(A400万元,B295万元,C159万元)' lists its parts
            head = s.text[:m.start]
            opened = max(head.rfind("("), head.rfind("（"))
            if opened > max(head.rfind(")"), head.rfind("）")) and re.search(r"[\d万元]\s*$", head[:opened]):
                inner = s.text[max(opened + 1, pos or 0):m.start]
                out.update(f for f in name_fragments(inner) if valid_candidate(f))
                pos = m.end
                continue
            # (a document number in brackets may follow the amount: '下达111万元(福财直〔2020〕67号),其中…')
            gap = re.sub(r"^\s*[（(][^()（）]{0,30}[)）]", "", gap)
            # ('…346.87万元，统一计入…收入，具体为A收入11.60万元、B 335.27万元': the parts listed after it)
            detailed = pos is not None and _PARTS_DETAILED.match(gap)
            follows = pos is not None and (_PARTS_FOLLOW.match(gap) or _USES_OPEN.match(gap)) is not None
            # ('其中：A 7.36万元，B 2.35万元，C 9.03万元': the 其中 list goes on item by item, as 具体为's does,
            # up to a clause that spends or totals again: '…、省级资金222800万元，共支出X资金817312.77万元')
            going_on = parts_listed and re.match(r"^\s*[、，,]", gap) is not None and (
                by_detail or not _LIST_ENDS.search(gap))
            by_detail = bool(detailed) or (by_detail and going_on)
            parts_listed = bool(detailed) or follows or going_on
            of_projects = bool(pos is not None and _PARTS_ARE_PROJECTS.match(gap)) or (of_projects and going_on)
            if pos is not None and (follows or parts_listed) and not of_projects:
                # (a part that calls itself a project is one the amount before holds: '批复我局项目支出160万元，
                # 其中包含X项目经费10万元')
                out.update(f for f in name_fragments(gap) if valid_candidate(f) and not re.search(
                    r"项目(?:经费|资金)?$|工程$", f))
            pos = m.end
    return out


#: a spending or allotting verb at a listed part's end ('A工作支出33万'): the part's money, no part of its name
_PART_VERB = lazy_compile(r"(?:支出|列支|使用|拨付|安排|开支|花费)(?:资金|经费)?\s*$")


def _listed_parts(text: str, amounts: list[Mention]) -> list[str]:
    """The names a 其中 sentence lists as parts, one before each of its amounts, a part that calls itself a
    project left out (it is one the amount before holds)."""
    out: list[str] = []
    opened = PARTS_OPEN.match(text)
    pos = opened.end() if opened else 0
    for m in amounts:
        gap = _PART_VERB.sub("", re.split(r"[，,；;：:、]", text[pos:m.start])[-1].strip())
        out.extend(f for f in name_fragments(gap) if valid_candidate(f) and not re.search(
            r"项目(?:经费|资金)?$|工程$", f))
        pos = m.end
    return out
