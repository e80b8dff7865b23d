"""The amounts of a money sentence: what kind of money each is and which projects it is said of.

A verb often governs a list: "对A预算 10 万元、B 9.8 万元" — the verb before the first amount
carries over to the following amounts of the sentence until another verb appears. The project
of an amount is the one named between the previous amount and this one; a 共计/合计/总计 before an
amount makes it a total over the projects named. Filling budgets from the amounts is `funds`' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reportparse.lazypattern import lazy_compile
from reportparse.parse.evidence import Sentence
from reportparse.parse.fundwords import paid_out, project_money
from reportparse.parse.projectmentions import find_mentions
from reportparse.parse.quantities import Mention, money

_KIND_WORDS: list[tuple[str, str]] = [
    # 资金到位 / 实际到位 / 收到 / 3月到账: money received, neither budget nor spending (and money the body received
    # that another level paid over, '收到拨付的省级资金96万元', '收到县财政拨付的经费': the longer word, tried first,
    # outranks the 拨付 inside it)
    ("arrived", r"收到[^，,。；;\d]{0,8}?拨付(?:的)?|到位|收到|到账"
     # (a body's income in its final accounts, '决算收入总额1036.13万元', '本年收入合计…': what came in, not spent)
     r"|决算收入|收入(?:总额|总计|合计)"),
    ("returned", r"交回|退回|收回|上缴|缴回|退还"),
    # (the total of what was spent, '实际执行资金总额977万元', tried before 执行: not the 资金总额 of a budget)
    ("executed", r"执行(?:资金)?(?:总额|总数)|支出资金(?:总额|总数)"
                 r"|决算数|决算|执行数|执行金额|列支|支出|(?<!转移)支付|付款|使用资金|实际使用|已使用|完成投资|拨付"
                 r"|资金完成"  # ('X资金完成61.99万元': the money of the project carried out, spent)
                 r"|执行|花费|实际发放|已发放|实际利用"
                 # (a subsidy paid out to its recipients: '共发放资金9765万元', '累计发放补贴…', '共完成发放补助资金
                 # 141.8万元', '发放补助资金为278.8万元'; not what is to be paid: '计划发放', '预计发放', '用于发放')
                 r"|(?<!计划)(?<!预计)(?<!拟)(?<!将)(?:(?:共|累计|全部|全数|足额|完成)发放"
                 r"|(?<!用于)(?<![待应])发放(?:了)?(?:各类|各项)?"
                 r"(?:资金|金额|(?:补助|补贴|奖补|奖励|救助|慰问|资助)(?:资金|金|经费|款)?))"
                 # (paid out, '已兑付142.5万元'; used, '预算150万元，使用142.5万元' with the verb right before
                 # its amount: not '计划使用', '使用方向')
                 r"|(?<!计划)(?<!拟)(?<![待应])兑付|(?<!计划)(?<!安排)(?<!拟)使用(?:了)?\s*$"
                 # (paid out, the verb right before its amount with what it pays between: '全年发放356.4万元',
                 # '共使用补助资金231.4万元', '兑现奖补资金95万元'; words in `lexicon/fund_words.json`)
                 rf"|{paid_out()}"),
    # (a subsidy's money is spent when it is paid out to its recipients; a 转移支付 is a kind of fund,
    # not a payment; '实际利用的资金共计…' is what was used, not planned)
    # a change to the budget ('年中追加30万元', '调增30万元后为150万元'): neither the budget nor spending
    ("adjusted", r"(?:追加|调增|调减|核减|追减)(?:预算|资金|经费)?"),
    # (the budget accounts money comes from, '一般公共预算拨款收入', '政府性基金预算', name a source, not a budget;
    # '部门预算收入1580.6万元' is the income the body expected, not the spending it was allowed)
    # (budgeted spending as one noun, '年度预算支出910.47万元', '年初下达预算支出': the budget; not the spending of a
    # budget account, '一般公共预算支出', nor spending done, '完成预算支出')
    # (the budget a change left, '年中调减至150万元', '追加资金到180万元': the year's budget, not the change)
    ("planned", r"(?:调增|调减|核减|追减|追加|调整)(?:预算|资金|经费)?(?:至|到)|全年预算|调整后预算|预算数"
                r"|(?<!公共)(?<!基金)(?<!经营)(?<!完成)(?<!实际)(?<!执行)预算支出(?!执行|完成|决算|进度|率)"
                r"|(?<!公共)(?<!基金)(?<!经营)预算(?!收入)"
                r"|安排|下达|下拨|预拨|批复|核定|资金总额|资金指标|总投资"
                r"|(?<!完成)投资|投入"
                r"|获得|获批|争取到|争取|(?<!主要)用于"  # ('获得资金17347万元，分别用于A项目3000万元': allotted to A)
                r"|应执行数|应执行"  # ('全年应执行数为7.79万元': what was to be spent, the budget)
                # (money a higher level passes down, '省级拨付我区…资金62万元': the year's allotment, not spending)
                r"|(?:中央|省级?|上级)(?:财政)?拨付|拨付(?:给)?(?:我|本)(?:省|市|州|县|区|局|单位|镇|乡|校|院|所|中心)?"
                # (money a finance bureau transfers into the body's account, '州财政局拨入X经费20万元': its allotment;
                # so is money paid over by a document, '县财政局以（X财〔2021〕19号）文件拨付资金200万元')
                r"|拨入|文件(?:形式)?(?:拨付|下拨)"),
]
#: a spending word used as a noun ('资金执行进度', '使用方向', '支出情况'), or what should be spent
#: ('应执行数'): it says nothing of the amount that follows
NOT_SPENDING = lazy_compile(r"(?:进度|情况|方向|效果|范围|标准|管理|率)")  # (执行率, 支出率: a rate)
_KIND_PATTERNS = [(kind, lazy_compile(words)) for kind, words in _KIND_WORDS]
#: what ends a clause: a comma, a semicolon or a full stop
CLAUSE_END = lazy_compile(r"[，,；;。]")
_CLAUSE_OR_COLON = lazy_compile(r"[，,；;。:：]")
_RETURNED = lazy_compile(dict(_KIND_WORDS)["returned"])
NOT_SPENT = lazy_compile(r"未(?:列支|支出|使用|执行|拨付|支付|实施)|尚未(?:列支|支出|使用|执行|拨付|支付)")
#: money still to be paid ('尚需拨付325万元', '仍需支付', '待拨付'): an obligation the amount names, neither spending
#: nor the budget, whatever verb the clause before had
STILL_DUE = lazy_compile(r"(?:尚需|仍需|还需|尚待|有待|(?<![期等])待)(?:拨付|支付|支出|列支|使用|执行|兑付|拨款)")
#: a budget category written as a noun ('批复我局项目支出160万元'): with a budget verb before it, the
#: amount is what was approved for that category, not money spent
CATEGORY_SPENDING = lazy_compile(r"(?:项目|基本|人员|公用)支出")
_PLANNED_VERB = lazy_compile(r"批复|安排|下达|预算")
#: the text right after an amount that goes on with its parts: the amount is the whole
WHOLE_THEN_PARTS = lazy_compile(r"^\s*[，,；;]?\s*其中")
#: money left over, named in the amount's own clause
_LEFT_OVER = lazy_compile(r"结余|结转|剩余|节余|余额|余款")
#: the amount is a difference from the budget or a plan ('超出预算金额99.56万元', '超支12万元', '节约资金3万元')
_BEYOND = lazy_compile(r"(?:超出|超过|超支|高于|低于|节约|节省)(?:了)?(?:预算|计划|年初)?(?:金额|资金|数|部分)?"
                       r"\s*(?:为|达)?\s*$")
#: the clause right before an amount names the amount with a noun of its own, the value of works audited or
#: contracted ('，送审金额23.79亿元', '；审定金额为…', '合同金额'): the amount is that, whatever verb an earlier
#: clause had (a bare '，金额985万元' goes on with the verb before it)
_OWN_AMOUNT_NOUN = lazy_compile(r"(?:^|[，,；;])\s*[^，,；;。\d]{0,4}"
                                r"(?:送审|审定|审减|核减|合同|中标|成交|招标|报价|造价|申报|申请)"
                                r"(?:总)?金额\s*(?:为|是|达|共|:|：)?\s*$")
_TOTAL = lazy_compile(r"(共计|合计|总计|累计|总额为|总共)\s*$")
#: counted final recipients of a subsidy (18家企业, 120户, 35名学生) and money that reached them
_RECIPIENTS = lazy_compile(r"\d+\s*(?:家|户|名|人|所)")
_REACHED = lazy_compile(r"^\s*(?:已经?|均已|均)?\s*(?:全部|全额|足额)?\s*(?:发放|拨付|支付|兑付)?到位")
#: an amount stated with no verb and followed by '全部执行到位': the fund's whole amount, all of it spent (the
#: clause may stand after a comma: '…资金3728万元，已全部支付完毕'); '全额拨付到位' says the money reached the
#: unit (到位), not that the unit spent it: that is STATED_THEN_ARRIVED
STATED_THEN_SPENT = lazy_compile(
    r"^\s*[)）]?\s*[,，]?\s*(?:已经?|均已|均)?\s*(?:全部|全额|足额)"
    r"(?:(?:执行|支付|使用|支出)(?:到位|完毕|完成)?|拨付(?:完毕|完成))"
)
#: an amount followed by what all of it went to ('上级补助经费80万元，全部用于宣传工作', '下达的56万元建设资金全部用于
#: X建设'): the fund's whole amount (where no verb said which money it is), all of it used
ALL_USED_FOR = lazy_compile(r"^\s*(?:[,，]\s*)?(?:[\u4e00-\u9fff]{0,4}?(?:资金|经费))?\s*(?:已经?|均已|均)?\s*"
                            r"(?:全部|全额|足额)用于")
#: an amount stated with no verb and followed by '已全额拨付到位' / '全部到位': the fund's whole amount, received in
#: full
STATED_THEN_ARRIVED = lazy_compile(r"^\s*[,，]?\s*(?:已经?|均已|均)?\s*(?:全部|全额|足额)(?:拨付)?到位")
#: a payment said right after its amount, of that amount ('工程款700万元已经拨付', '补助资金52万元已支付完毕')
SPENT_AFTER = lazy_compile(
    r"^\s*(?:已经?|均已)\s*(?:全部|全额|足额)?\s*(?:拨付|支付|付清|支出|列支|使用|发放|兑付)(?:完毕|完成)?"
    # (to whom, '已全部拨付至村集体', '已发放给农户')
    r"(?:(?:至|到|给)(?!位)[^，,；;。\d]{1,12}?)?\s*(?:[，,；;。]|$)")
#: a budget's approval said right after its amount ('170万元经年初预算审核通过', '50万元已经县政府批复')
_APPROVED_AFTER = lazy_compile(r"\s*(?:已)?经(?:过)?[^，,。；;\d]{0,10}?(?:预算|批复|审核|审定|核定|批准)")
def work_named_after(after: str) -> str | None:
    """The project or works the words right after an amount say it carries out ('实施东干渠除险加固工程；…'), if
    they name one."""
    named = _NAMED_AFTER.match(after)
    work = _WORK_NAME.match(after, named.end()) if named else None
    return work.group(1) if work else None


#: a project's or works' name, up to the end of its clause
_WORK_NAME = lazy_compile(r"\s*([^，,。；;\d]{2,30}?(?:项目|工程))(?=$|[，,。；;])")
#: an allotment said right after its amount, maybe with its date ('68万元于2023年5月下达到位', '50万元已下达')
_ALLOTTED_AFTER = lazy_compile(r"^\s*(?:已经?|均已)?\s*(?:于[^，,。；;\d]{0,4}[\d年月日底初中旬]{2,12})?\s*"
                               r"(?:全部|全额|足额)?(?:下达|下拨|批复|拨付到位)")
#: the words that give the budget a change led to, right after the change's amount ('调增30万元后为')
AFTER_CHANGE = lazy_compile(r"\s*后(?:为|是|的|达到?)")
#: money named by its noun alone right before its amount ('项目涉及资金', '总投资', '专项经费总额为')
_FUNDS_NAMED = lazy_compile(r"(?:资金|经费|投资)(?:总额|总计|合计|规模)?\s*(?:为|是|达|共|:|：)?\s*$")
#: the year's money named with no verb before its amount ('1、年度资金40.83万元', '本年度项目资金为', '2022年X项目经费')
_YEAR_FUNDS = lazy_compile(
    r"^\s*(?:[一二三四五六七八九十\d]+[、.．]\s*)?(?:(?:本|全|当)?年度?)?(?:项目)?(?:财政)?(?:资金|经费)(?:总额|总计|合计)?"
    r"\s*(?:为|共|是|[:：])?\s*$"
    # (the year's money of the project it names, '2022年城区公共绿地养护项目经费324.11万元')
    r"|^\s*(?:19|20)\d\d\s*年度?[^，,。；;：:\d]{2,30}?项目(?:财政)?(?:资金|经费)(?:总额|总计|合计)?"
    r"\s*(?:为|共|是|[:：])?\s*$")
#: the words right after an amount that go on to name the project it pays for ('，项目为X项目', '，用于实施X项目');
#: ('安排资金860万元实施X工程': the verb that carries the project out, right after the amount)
#: (the amount's allotting verb may stand before 用于: '47万元下拨用于实施X项目')
_NAMED_AFTER = lazy_compile(r"^\s*(?:[，,]\s*项目(?:为|是)"
                            r"|[，,]?\s*(?:下拨|拨付|下达|安排)?(?:主要)?用于(?:实施|建设|开展)?"
                            r"|(?:专项)?(?:实施|建设|开展)(?:了)?)")
#: a spending verb and the object it has before its amount ('支出防火物资采购9.50万元'): an item's spending
SPENT_ON = lazy_compile(dict(_KIND_WORDS)["executed"])
#: a rate per head, household or acre said right before its amount ('每亩102.3元', '补助标准为', '按每人每月') or
#: right after it ('100元/人', '2.4万元/户'); money a year ('每年安排30万元', '30万元/年') is a budget's
_UNIT_PRICE_BEFORE = lazy_compile(r"每(?!年)[^\d，,；;。]{0,6}$|标准\s*(?:为|是|按)?\s*(?:每[^\d，,；;。]{0,6})?$")
_UNIT_PRICE_AFTER = lazy_compile(r"^\s*(?:/|／|每)\s*(?!年)[\u4e00-\u9fff]")
#: a clause that shares money out and announces the shares after a colon ('已全部分配到各项目建设单位：')
_ALLOCATED_LIST = lazy_compile(r"(?:分配|下达|安排|分解)[^，。；;:：]{0,20}[:：]")


def _section_start(text: str, at: int) -> int:
    """Where the part of the text before `at` that the last heading run into it opened begins (0 if none): a
    list a section announced ends at the next heading's numbered item."""
    return max((item.end() for item in _RUN_IN_ITEM.finditer(text, 0, at)), default=0)


@dataclass
class Amount:
    """An amount the prose states: its kind of money, the projects and the total it is said of, and the text
    before it (since the amount before) and after it."""

    mention: Mention
    kind: str | None
    projects: list[str]
    total_label: str | None
    gap: str
    after: str


def _without_names(text: str, names: list[tuple[str, list[str]]]) -> str:
    """The text with each project name it mentions blanked out, character for character (offsets keep); a money
    verb a name was read with at its start stays, and the 项目 it ends with ('批复X经费项目支出10万元': 批复 is the
    sentence's verb, 项目支出 the category it approves)."""
    chars = list(text)
    for start, end, _ in find_mentions(text, names):
        lead = _NAME_VERB_LEAD.match(text, start, end)
        start = lead.end() if lead else start
        end -= 2 if text.endswith(("项目", "工程"), start, end) else 0
        chars[start:end] = "□" * max(end - start, 0)
    return "".join(chars)


#: money verbs a name may have been read with at its start
_NAME_VERB_LEAD = lazy_compile(r"(?:批复|下达|下拨|安排|拨付|预算|核定|获得|争取到|申请|使用|支出|列支|执行)+")


def money_kind(text: str) -> str | None:
    """The money kind named last in `text` (the verb nearest the amount); a word inside a longer one
    of another kind is that word's ('完成投资' spends, '追加预算' changes the budget)."""
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _KIND_PATTERNS:
        for m in pattern.finditer(text):
            noun_or_due = NOT_SPENDING.match(text, m.end()) or text[max(m.start() - 1, 0):m.start()] == "应"
            if kind == "executed" and noun_or_due:
                continue
            found.append((m.start(), m.end(), kind))
    words = [w for w in found if not any(o[0] <= w[0] and w[1] <= o[1] and o[1] - o[0] > w[1] - w[0] for o in found)]
    return max(words)[2] if words else None


#: a heading's last words run straight into a numbered item ('…绩效目标情况1.', '…资金执行情况分析(1)')
_RUN_IN_ITEM = lazy_compile(r"(?:情况|分析|概况|说明)\s*(?:[（(][一二三四五六七八九十\d]{1,2}[)）]"
                            r"|(?<![\d.])\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]{1,3}、)")
_TOPIC = lazy_compile(r"(?:执行|使用|支出|到位|拨付|管理|投入)情况(?:分析)?")
#: a form's column title marked with its letter ('全年预算数(A)', '全年执行数（B）', '执行率(B/A)')
_COLUMN_TITLE = lazy_compile(r"[\u4e00-\u9fff]{0,6}(?:预算数|执行数|执行率|决算数)"
                             r"\s*[(（]\s*[A-FＡ-Ｆ](?:\s*/\s*[A-FＡ-Ｆ])?\s*[)）]")
#: a label of an indicator table's levels ('成本指标', '三级指标'): money after it is an indicator's value
_INDICATOR_LABEL = lazy_compile(r"[一二三]级指标|(?:数量|质量|时效|成本|产出|效益)指标")


def _carries_out_project(gap: str, after: str, last: bool) -> bool:
    """Is the amount the money the report's one project is carried out with, said with no verb of budget or
    spending: after the label of its source ('项目资金来源为区级财政专项资金120万元'), or right before the words naming
    the project ('使用X资金95万元实施该项目')? A source label before a list of sources ('资金来源为中央资金60万元、
    省级资金40万元') names no whole: only an amount the sentence goes on from with a verb of its own, its parts or its
    end."""
    source, this_project = project_money()
    if this_project.match(after):
        return True
    if not source.search(CLAUSE_END.split(gap)[-1]):
        return False
    return last or WHOLE_THEN_PARTS.match(after) is not None or money_kind(CLAUSE_END.split(after)[-1]) is not None


#: the gap after an amount opened by the close of its bracket: 'A项目（预算50万元）…'
_BRACKET_CLOSED = lazy_compile(r"\s*[)）]")


def sentence_amounts(s: Sentence, names: list[tuple[str, list[str]]], listed_kind: str | None = None) -> list[Amount]:
    """The money amounts of a sentence with the kind, projects and total word that govern each
    (`listed_kind`: the kind a list sentence carries over from the sentence announcing it)."""
    text = s.text
    mentions = money(text)
    out: list[Amount] = []
    pos = 0
    carried: str | None = listed_kind if listed_kind in ("planned", "executed") else None
    respectively: list[str] = []  # "A、B 分别安排 10 万元、8 万元": names waiting for their amounts
    group: list[str] = []  # the names the last 分别 went through
    for i, m in enumerate(mentions):
        gap = text[pos:m.cmp_start]
        nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        after = text[m.end:nxt]
        # 结余 … 上缴: a balance is no spending; what happened to it is said after the amount.
        # 未列支 names no spending either: the amount that follows is what was done instead.
        # (a cited title's verbs, 《关于拨付X经费的通知》, are not this amount's)
        # (a topic, '资金执行情况分析', names no money kind: a heading run into the text is no verb)
        # (past an indicator table's label, '全年执行数(B)…成本指标 办公所需成本415万元', the amount is an
        # indicator's value: the money words before the label are column headers, not its verb)
        table_labels = [label.end() for label in _INDICATOR_LABEL.finditer(gap)] or [0]
        carried = carried if table_labels == [0] else None
        # (a heading run into the text by a dump that lost its line breaks, '(二)区内分解下达预算和绩效目标情况1.年度
        # 重点项目补助资金874万元': the heading's verbs are its topic's words, and the numbered item after it starts
        # afresh: neither they nor a verb carried from before are the item's)
        run_in = [item.end() for item in _RUN_IN_ITEM.finditer(gap)]
        if run_in:
            table_labels, carried = [max(table_labels[-1], run_in[-1])], None
        # (a project's own name is no verb: '福利彩票公益金支出项目276.42万元' names the money of a project whose
        # name holds 支出, and spends nothing)
        unnamed = _without_names(gap, names)[table_labels[-1]:]
        # (a form's column title with its letter, '全年执行数(B)', '执行率(B/A)', dumped into the text: a header, no
        # verb of the amount after it)
        cleaned = _TOPIC.sub("", NOT_SPENT.sub("", _COLUMN_TITLE.sub("", re.sub(r"《[^》]*》", "", unnamed))))
        if _PLANNED_VERB.search(cleaned):
            cleaned = CATEGORY_SPENDING.sub("", cleaned)
        explicit = money_kind(cleaned)
        own_clause = CLAUSE_END.split(cleaned)[-1]
        if _LEFT_OVER.search(own_clause) and money_kind(own_clause) is None:
            explicit, carried = None, None  # ('执行率为96.9%，结余资金59.5万元…': the balance, no spending)
        if STILL_DUE.search(CLAUSE_END.split(unnamed)[-1]):
            explicit, carried = None, None  # ('投资共计9925万元，尚需拨付325万元': still owed, no money of either kind)
        own_noun = _OWN_AMOUNT_NOUN.search(cleaned)
        if own_noun and money_kind(own_noun.group(0)) is None:
            # ('其中预算173宗，送审金额23.79亿元': the amount names what it is, 送审金额; the 预算 of the
            # clause before was a category of audited works, not this amount's verb)
            explicit, carried = None, None
        if _BEYOND.search(own_clause):
            explicit, carried = None, None  # ('超出预算金额99.56万元': by how much, neither budget nor spending)
        if explicit == "arrived" and money_kind(CLAUSE_END.split(cleaned)[-1]) is None:
            explicit = None  # ('…分配到位，2023年度X资金3728万元': 到位 closed the clause before this amount)
        returned_after = _RETURNED.search(after.split("。")[0]) is not None
        if explicit is None and returned_after:
            kind: str | None = "returned"
        else:
            kind = explicit or (None if re.search(r"结余|结转|剩余", gap) else carried)
        if kind == "adjusted" and explicit is None and AFTER_CHANGE.match(gap):
            kind = "planned"  # ('调增30万元后为150万元': the budget the change gave)
        if kind in (None, "arrived") and _RECIPIENTS.search(gap) and _REACHED.match(after):
            kind = "executed"  # '其中18家企业共152万元已全部到位': money that reached its recipients is spent
        elif kind is None and (STATED_THEN_SPENT.match(after) or STATED_THEN_ARRIVED.match(after)
                               or ALL_USED_FOR.match(after)):
            # '2023年度X资金3728万元全部执行到位': the amount is the budget, spent in full; 'X专项资金92.4万元，已全额
            # 拨付到位': the budget, received in full
            kind = "planned"
        elif kind is None and SPENT_AFTER.match(after):
            kind = "executed"  # '项目工程款700万元已经拨付': the payment is said after the amount
        elif kind is None and _ALLOTTED_AFTER.match(after):
            kind = "planned"  # 'X补助资金68万元于2023年5月下达到位': the allotment is said after the amount
        elif kind is None and _APPROVED_AFTER.match(after):
            kind = "planned"  # 'X经费170万元经年初预算审核通过后…': the approval is said after the amount
        elif kind is None and WHOLE_THEN_PARTS.match(after) and _FUNDS_NAMED.search(CLAUSE_END.split(gap)[-1]):
            kind = "planned"  # '涉及资金500万元，其中中央资金300万元…': the fund's whole, then where it came from
        elif kind is None and _YEAR_FUNDS.search(CLAUSE_END.split(gap)[-1]):
            kind = "planned"  # '本年度资金40.83万元': the year's money named with no verb, the budget
        elif kind is None and _carries_out_project(gap, after, i + 1 == len(mentions)):
            kind = "planned"  # ('资金来源为X资金120万元', '…95万元实施该项目': the money the project is done with)
        elif kind is None and _ALLOCATED_LIST.search(text[:m.start], _section_start(text, m.start)) and "。" not in gap:
            kind = "planned"  # '…440万元已全部分配到各项目单位：A项目资金140万元、B…': each item's allocation
        if kind is None and _TOTAL.search(gap.rstrip()):
            # ('省级拨付50万元，中央拨付20万元，加上上年度结余资金5万元，合计75万元': a balance between them
            # cut the verb's carry, but the 合计 is the whole of the parts before it, of their kind)
            kind = next((a.kind for a in out if a.kind in ("planned", "executed")), None)
            if kind is None and WHOLE_THEN_PARTS.match(after):
                kind = "planned"  # ('2023年度共计36万元，其中中央补助24万元…': the fund's whole, then its sources)
        # (a whole, then its parts: '下达资金5404万元用于X项目建设，其中A区900万元、B县900万元' — the project
        # named before 其中 is the whole's, and the amounts after it are shares of that whole, not X's budget)
        gap_clause = max((m.end() for m in _CLAUSE_OR_COLON.finditer(gap)), default=0)
        parts_from = gap.rfind("其中") if out else -1
        mentioned = find_mentions(gap, names)
        named = list(dict.fromkeys(name for start, _, name in mentioned if start >= parts_from))
        whole_named = any(start < parts_from for start, _, _ in mentioned)
        total = _TOTAL.search(gap.rstrip())
        if "分别" in gap and len(named) >= 2:
            respectively, group = named[1:], list(named)
            named = named[:1]
        elif "分别" in CLAUSE_END.split(gap)[-1] and not named and len(group) >= 2 and not total:
            # ('A项目和B项目分别安排资金30万元、20万元，实际分别支出28万元、20万元': the same names again, in order)
            respectively, named = group[1:], group[:1]
        elif respectively and not named and not total:
            named = [respectively.pop(0)]
        # ('A项目（预算50万元）、B工程（预算20万元），全年实际支出96.3万元': the last item's bracket closed a list of
        # two or more, each with its money in brackets: the amount after it is the list's whole, no item's)
        bracketed_list = _BRACKET_CLOSED.match(gap) is not None and len({p for a in out for p in a.projects}) >= 2
        if not named and not total and out and len(out[-1].projects) == 1 and not re.search(r"[、；;]", gap) \
                and not whole_named and not bracketed_list:
            named = list(out[-1].projects)  # "A预算 30 万元，实际支出 28 万元": still A
        # ('以42万元实施了A项目，以18万元实施了B项目': A, named in the clause before, is not the second amount's)
        named_before_clause = bool(named) and not any(start >= gap_clause for start, _, _ in mentioned)
        if (not named or named_before_clause) and not total and kind == "planned" and _NAMED_AFTER.match(after):
            # '二是Y馆，下达预算资金5009万元，项目为X项目。' / '下达资金105万元，用于X项目的实施': the project the
            # money pays for is named right after the amount
            following = list(dict.fromkeys(name for _, _, name in find_mentions(re.split(r"[，,。；;]", after)[0]
                                                                                 if named else
                                                                                 re.split(r"[。；;]", after)[0],
                                                                                 names)))
            named = following if len(following) == 1 else named
        if total and len(named) < 2:
            # "…, 两个项目合计 42 万元": the total is over the amounts listed before it
            named = list(dict.fromkeys(p for a in out for p in a.projects))
        if total and returned_after:
            kind = "returned"
        elif kind is None and len(named) < 2 and re.search(r"(?:资金|经费)\s*(?:总计|合计|共计|共)\s*$", gap):
            kind = "planned"  # '专项资金总计85.98万元，其中A 22万元…': the fund's whole amount
        if _UNIT_PRICE_BEFORE.search(CLAUSE_END.split(gap)[-1]) or _UNIT_PRICE_AFTER.match(after):
            # ('拨付到户补贴资金12286.5万元，补贴标准为每亩102.3元': a rate per head or acre, no money of the
            # project's; the verb before goes on to the amounts after it)
            out.append(Amount(mention=m, kind=None, projects=[], total_label=None, gap=gap, after=after))
            pos = m.end
            continue
        out.append(Amount(mention=m, kind=kind, projects=named, total_label=total.group(1) if total else None,
                           gap=gap, after=after))
        # (a verb inside a bracket is said of its amount alone: '分别为：A项目35万元（支出33万元），B项目20万元' lists
        # budgets after the bracket as before it)
        carried = kind if explicit and not _verb_in_bracket(text, m.start) else carried
        pos = m.end
    return _allotted_then_spent(_done_with_then_spent(out))


def _verb_in_bracket(text: str, at: int) -> bool:
    """Is position `at` inside a bracket still open there, with a money verb of its own ('（支出33万元'; not
    '用于“X项目”(723万元)', whose verb is outside)?"""
    opened = max(text.rfind("(", 0, at), text.rfind("（", 0, at))
    return opened >= 0 and not re.search(r"[)）]", text[opened:at]) and money_kind(text[opened:at]) is not None


def _done_with_then_spent(out: list[Amount]) -> list[Amount]:
    """'使用X补助资金150万元实施该项目，截至12月底已支付141万元': the money the project is carried out with, spent
    as the sentence then says, is its budget: a spending verb before it, when a spending follows, is no spending."""
    this_project = project_money()[1]
    return [replace(a, kind="planned") if a.kind == "executed" and this_project.match(a.after)
            and any(b.kind == "executed" for b in out[n + 1:]) else a for n, a in enumerate(out)]


#: a finance body paying money over right before the amount ('县财政局拨付项目经费', '区财政拨付资金'): to the body that
#: reports, an allotment
_FINANCE_PAYS = lazy_compile(r"财政(?:局|部门)?[^，,；;。\d]{0,4}拨付[^，,；;。\d]{0,8}$")


def _allotted_then_spent(out: list[Amount]) -> list[Amount]:
    """'县财政局拨付项目经费68万元，项目单位实际支出66万元': the money a finance body paid over, with the spending of it
    stated after it in the sentence, is the budget the unit spent from, not spending."""
    return [replace(a, kind="planned") if a.kind == "executed" and _FINANCE_PAYS.search(CLAUSE_END.split(a.gap)[-1])
            and any(b.kind == "executed" and not _FINANCE_PAYS.search(CLAUSE_END.split(b.gap)[-1])
                    for b in out[n + 1:]) else a for n, a in enumerate(out)]

