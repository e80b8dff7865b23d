"""Money sentences: budgets (预算), spending (列支/执行数), returns (交回) and totals (共计).

A verb often governs a list: "对A预算 10 万元、B 9.8 万元" — the verb before the first amount
carries over to the following amounts of the sentence until another verb appears. The project
of an amount is the one named between the previous amount and this one; without a name, the
project of the analysis subsection (or the report's only project). An amount after two or more
names with 共计/合计/总计 is a FundTotal over those projects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, FundTotal, Project, Quantity
from reportparse.parse.department import is_department
from reportparse.parse.evidence import Sentence, sentence_evidence
from reportparse.parse.fundnames import NUMBERED_ITEM, name_fragments, names_a_project
from reportparse.parse.names import find_mentions, names_spending_category, strip_name
from reportparse.parse.quantities import Mention, money

_KIND_WORDS: list[tuple[str, str]] = [
    ("arrived", r"到位|收到|到账"),  # 资金到位 / 实际到位 / 收到 / 3月到账: money received, neither budget nor spending
    ("returned", r"交回|退回|收回|上缴|缴回|退还"),
    ("executed", r"决算数|决算|执行数|执行金额|列支|支出|(?<!转移)支付|付款|使用资金|实际使用|已使用|完成投资|拨付"
                 r"|执行|花费|实际发放|已发放|实际利用"),
    # (a subsidy's money is spent when it is paid out to its recipients; a 转移支付 is a kind of fund,
    # not a payment; '实际利用的资金共计…' is what was used, not planned)
    # a change to the budget ('年中追加30万元', '调增30万元后为150万元'): neither the budget nor spending
    ("adjusted", r"(?:追加|调增|调减|核减|追减)(?:预算|资金|经费)?"),
    ("planned", r"全年预算|调整后预算|预算数|预算|安排|下达|下拨|预拨|批复|核定|资金总额|资金指标|总投资"
                r"|(?<!完成)投资|投入"
                r"|获得|获批|争取到|(?<!主要)用于"  # ('获得资金17347万元，分别用于A项目3000万元': allotted to A)
                r"|应执行数|应执行"  # ('全年应执行数为7.79万元': what was to be spent, the budget)
                # (money a higher level passes down, '省级拨付我区…资金62万元': the year's allotment, not spending)
                r"|(?:中央|省级?|上级)(?:财政)?拨付|拨付(?:给)?(?:我|本)(?:省|市|州|县|区|局|单位|镇|乡|校|院|所|中心)?"),
]
#: a spending word used as a noun ('资金执行进度', '使用方向', '支出情况'), or what should be spent
#: ('应执行数'): it says nothing of the amount that follows
_NOT_SPENDING = lazy_compile(r"(?:进度|情况|方向|效果|范围|标准|管理|率)")  # (执行率, 支出率: a rate)
_KIND_PATTERNS = [(kind, lazy_compile(words)) for kind, words in _KIND_WORDS]
#: what ends a clause: a comma, a semicolon or a full stop
_CLAUSE_END = lazy_compile(r"[，,；;。]")
_RETURNED = lazy_compile(dict(_KIND_WORDS)["returned"])
_NOT_SPENT = lazy_compile(r"未(?:列支|支出|使用|执行|拨付|支付|实施)|尚未(?:列支|支出|使用|执行|拨付|支付)")
#: the printed execution rate; 衔接资金 reports call it 支付率 or 支出率 ('未支付703万元，支付率95%'), others 支出进度
#: (not 拨付率: '资金拨付率100%' is money passed on to the builder, not spent)
_RATE = lazy_compile(r"(?:(?:执行|支付|支出)率|(?:支出|执行)进度)\s*(?:为|达到|达|是|:|：)?\s*(\d+(?:\.\d+)?)\s*[%％]")
#: a budget category written as a noun ('批复我局项目支出160万元'): with a budget verb before it, the
#: amount is what was approved for that category, not money spent
_CATEGORY_SPENDING = lazy_compile(r"(?:项目|基本|人员|公用)支出")
_PLANNED_VERB = lazy_compile(r"批复|安排|下达|预算")
#: the text right after an amount that goes on with its parts: the amount is the whole
_WHOLE_THEN_PARTS = lazy_compile(r"^\s*[，,；;]?\s*其中")
#: money left over, named in the amount's own clause
_LEFT_OVER = lazy_compile(r"结余|结转|剩余|节余|余额|余款")
#: the clause right before an amount names the amount with a noun of its own, the value of works audited or
#: contracted ('，送审金额23.79亿元', '；审定金额为…', '合同金额'): the amount is that, whatever verb an earlier
#: clause had (a bare '，金额985万元' goes on with the verb before it)
_OWN_AMOUNT_NOUN = lazy_compile(r"(?:^|[，,；;])\s*[^，,；;。\d]{0,4}"
                                r"(?:送审|审定|审减|核减|合同|中标|成交|招标|报价|造价|申报|申请)"
                                r"(?:总)?金额\s*(?:为|是|达|共|:|：)?\s*$")
#: a clause that gives a component of the amount before it ('共安排19204.096万，其中央省14059.11万元')
_PART_CLAUSE = lazy_compile(r"^\s*(?:其中|包含|包括)")
#: a clause listing what the amount before it holds ('预算数：2021年，包含补助A资金774万元、B 240万元'): its
#: amounts are parts, even the first, never the budget
_HOLDS_CLAUSE = lazy_compile(r"^\s*(?:包含|包括)")
_TOTAL = lazy_compile(r"(共计|合计|总计|累计|总额为|总共)\s*$")
_BALANCE = lazy_compile(r"结余|结转|交回|退回|收回|上缴|缴回|退还|盈余"
                      r"|余款|(?:安排|留|留作|用于)(?:到)?下(?:一)?年(?:度)?"  # ('余款安排下年支出')
                      # ('未执行完的主要原因是…，将作为我校2022年…经费使用': the report says why and where to)
                      r"|未(?:执行|支出|使用|支付)完?的(?:主要)?原因")
#: a sentence about the balances of all the projects a report listed, naming none of them ('以上项目结余资金…',
#: '各项目未支出资金…', '未使用的资金结转下年')
_COLLECTIVE = lazy_compile(r"以上|上述|各(?:个)?项目|所有项目|全部项目|未(?:支出|使用|执行)(?:完)?的?(?:资金|经费)"
                           r"|(?:结余|剩余|节余)(?:的)?(?:资金|经费)")
#: unspent money waiting for unfinished work, an audit or the end of a warranty (质保金): the report
#: says why it is not paid yet
_IN_PROGRESS = lazy_compile(
    r"(?:尚未|还未|暂未|未)(?:完工|竣工|完成建设|开工|验收|审计|结算|决算)|[按依](?:照)?(?:合同|工程)进度(?:已)?(?:付款|支付|拨付)"
    r"|(?:尚未|还未|暂未|未)(?:及时|按时)?(?:发放|兑付)"  # (a subsidy not yet paid out: why money is left)
    r"|质保金|质量保证金|待(?:审计|结算|决算)"  # (held until the audit, or as a warranty retention)
)
#: counted final recipients of a subsidy (18家企业, 120户, 35名学生) and money that reached them
_RECIPIENTS = lazy_compile(r"\d+\s*(?:家|户|名|人|所)")
_REACHED = lazy_compile(r"^\s*(?:已经?|均已|均)?\s*(?:全部|全额|足额)?\s*(?:发放|拨付|支付|兑付)?到位")
_ALL_SPENT = lazy_compile(r"(?:全部|全额|足额)(?:支付|拨付|使用|发放|支出|兑付|执行)(?:到位|完毕|完成)?")
#: an amount stated with no verb and followed by '全部执行到位': the fund's whole amount, all of it spent
_STATED_THEN_SPENT = lazy_compile(
    r"^\s*(?:已经?|均已|均)?\s*(?:全部|全额|足额)(?:执行|支付|使用|拨付|支出)(?:到位|完毕|完成)?"
)
_ALL_RETURNED = lazy_compile(r"(全部|全额|均已|均)(交回|退回|收回|上缴|缴回|退还)")
#: an estimate of a works' whole cost ('估算投资', '投资估算为', '概算总投资')
_ESTIMATE = lazy_compile(r"(?:(?:估算|概算|匡算)(?:总)?投资(?:额)?|投资(?:估算|概算))\s*(?:为|约|达|是)?\s*$")
#: a sentence that only goes on with the list the one before announced ('分别为：', '具体如下：')
_LIST_OPENING = lazy_compile(r"^\s*(?:分别(?:为|是)|具体(?:为|是|如下)|包括)\s*[:：]")
#: a budget's approval said right after its amount ('170万元经年初预算审核通过', '50万元已经县政府批复')
_APPROVED_AFTER = lazy_compile(r"\s*(?:已)?经(?:过)?[^，,。；;\d]{0,10}?(?:预算|批复|审核|审定|核定|批准)")
#: the words that give the budget a change led to, right after the change's amount ('调增30万元后为')
_AFTER_CHANGE = lazy_compile(r"\s*后(?:为|是|的|达到?)")
#: money named by its noun alone right before its amount ('项目涉及资金', '总投资', '专项经费总额为')
_FUNDS_NAMED = lazy_compile(r"(?:资金|经费|投资)(?:总额|总计|合计|规模)?\s*(?:为|是|达|共|:|：)?\s*$")
_TOTAL_WORD = lazy_compile(r"合计|共计|总计")
#: the words of a budget as it stood after changes, or of the whole year's
_WHOLE_YEAR_BUDGET = lazy_compile(r"调整后|调整为|全年预算|全年资金|预算调整|全年应执行")
#: the year's money named with no verb before its amount ('1、年度资金40.83万元', '本年度项目资金为')
_YEAR_FUNDS = lazy_compile(
    r"^\s*(?:[一二三四五六七八九十\d]+[、.．]\s*)?(?:(?:本|全|当)?年度?)?(?:项目)?(?:财政)?(?:资金|经费)(?:总额|总计|合计)?"
    r"\s*(?:为|共|是|[:：])?\s*$")
#: a spending verb and the object it has before its amount ('支出防火物资采购9.50万元'): an item's spending
_SPENT_ON = lazy_compile(dict(_KIND_WORDS)["executed"])
_HAN2 = lazy_compile(r"[\u4e00-\u9fff]{2}")
#: a clause that shares money out and announces the shares after a colon ('已全部分配到各项目建设单位：')
_ALLOCATED_LIST = lazy_compile(r"(?:分配|下达|安排|分解)[^，。；;:：]{0,20}[:：]")


@dataclass
class _Amount:
    """An amount the prose states: its kind of money, the projects and the total it is said of, and the text
    before it (since the amount before) and after it."""

    mention: Mention
    kind: str | None
    projects: list[str]
    total_label: str | None
    gap: str
    after: str


def _kind(text: str) -> str | None:
    """The money kind named last in `text` (the verb nearest the amount); a word inside a longer one
    of another kind is that word's ('完成投资' spends, '追加预算' changes the budget)."""
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _KIND_PATTERNS:
        for m in pattern.finditer(text):
            noun_or_due = _NOT_SPENDING.match(text, m.end()) or text[max(m.start() - 1, 0):m.start()] == "应"
            if kind == "executed" and noun_or_due:
                continue
            found.append((m.start(), m.end(), kind))
    words = [w for w in found if not any(o[0] <= w[0] and w[1] <= o[1] and o[1] - o[0] > w[1] - w[0] for o in found)]
    return max(words)[2] if words else None


_TOPIC = lazy_compile(r"(?:执行|使用|支出|到位|拨付|管理|投入)情况(?:分析)?")


#: a label of an indicator table's levels ('成本指标', '三级指标'): money after it is an indicator's value
_INDICATOR_LABEL = lazy_compile(r"[一二三]级指标|(?:数量|质量|时效|成本|产出|效益)指标")


def money_in(text: str) -> bool:
    """Does the text state any amount of money?"""
    return bool(money(text))


def extract_funds(sentences: list[Sentence], names: list[tuple[str, list[str]]],
                  projects: dict[str, Project], parts: set[str] | None = None) -> list[FundTotal]:
    """Fill each project's budget from the money sentences; return the stated totals.

    An amount given for one of `parts` (a source or component, see `part_names`) is not the budget of
    the project the sentence is about, wherever the report names that part.
    """
    only = next(iter(projects)) if len(projects) == 1 else None
    totals: list[FundTotal] = []
    ranks: dict[str, int] = {}
    batches: dict[str, set[str]] = {}
    executed_ranked: dict[str, bool] = {}  # project → its spending came from a 全年执行数
    recent: dict[int, str] = {}  # paragraph → the one project its previous sentence named ('该项目…')
    spent_in_full: dict[str, Sentence] = {}  # project → '已全部支付到位' said without an amount
    previous_kind: str | None = None
    listing: tuple[object, str | None] | None = None  # (paragraph, kind) of a list being gone through
    for s in sentences:
        named_here = {n for _, _, n in find_mentions(s.text, names)}
        context = s.project or only or (recent.get(id(s.para)) if not named_here else None)
        if len(named_here) == 1:
            recent[id(s.para)] = next(iter(named_here))
        if s.section == "goals" and not money(s.text):
            continue
        # '批复项目9个，项目资金1950万元。分别为：A 1000万元；B 40万元…': the list goes on the verb of the
        # sentence that announced it
        # (its items may be sentences of their own, cut at '；')
        if _LIST_OPENING.match(s.text):
            listing = (s.para, previous_kind)
        elif listing is not None and s.start == 0 and NUMBERED_ITEM.match(s.text):
            listing = (s.para, listing[1])  # (an item of the list in a paragraph of its own: '1、A 5万元')
        elif listing is not None and (listing[0] is not s.para or s.para.text[:s.start].rstrip()[-1:] not in "；;"):
            listing = None
        amounts = _amounts(s, names, listing[1] if listing else None)
        previous_kind = next((a.kind for a in reversed(amounts) if a.kind), None)
        first = money(s.text)
        if first and not named_here and names_spending_category(s.text[:first[0].start]):
            continue  # '“三公”经费：预算数10万元，决算数8万元': the money of a kind of spending, not of the project
        if context and not named_here and first and is_department(projects[context]) \
                and _other_item(s.text, first[0].start, context):
            continue  # '1.办公楼维修项目，预算80万元，支出80万元；': a listed project's money, not the department's
        holding = False  # going through the parts a 包含/包括 clause lists
        for n, amount in enumerate(amounts):
            if amount.total_label and len(amount.projects) >= 2:
                totals.append(_total(amount, s, projects))
                continue
            targets = amount.projects or ([context] if context else [])
            if len(targets) != 1 or amount.kind in (None, "arrived", "adjusted"):
                continue
            clause = _CLAUSE_END.split(amount.gap)[-1]
            if not amount.projects and n and _PART_CLAUSE.match(clause):
                continue  # a component of the amount stated before it, not the project's own budget or spending
            if _HOLDS_CLAUSE.match(clause) and not find_mentions(clause, names):
                holding = True  # (a part the clause lists, whatever the sentence named before it)
                continue
            if holding and not re.search(r"[，,；;。]", amount.gap):
                continue  # the list of parts goes on ('包含A 774万元、B 240万元、…')
            holding = False
            if not amount.projects and parts and any(p in amount.gap[-len(p) - 6:] for p in parts):
                continue  # (the part named right before the amount, give or take a verb: 'X资金为')
            paired = any(other.kind == "planned" for other in amounts)
            _set_budget(projects[targets[0]], amount, s, ranks, batches, executed_ranked, paired)
            if amount.kind == "planned" and _STATED_THEN_SPENT.match(amount.after):
                spent_in_full.setdefault(targets[0], s)
        items = _itemised_spending(amounts)
        target = context if len(named_here) <= 1 and not any(a.projects for a in items) else None
        if items and target and all(a.mention.value is not None for a in items):
            _set_itemised(projects[target], items, s)
        _printed_rate(s, names, projects, context)
        _not_spent(s, names, projects)
        _balance_words(s, names, projects, context)
        if context and not amounts and _ALL_SPENT.search(s.text) and not _NOT_SPENT.search(s.text):
            spent_in_full.setdefault(context, s)
    for name, s in spent_in_full.items():
        _spent_in_full(projects[name], s)
    return totals


def _other_item(text: str, first_amount: int, context: str) -> bool:
    """Is the sentence a numbered list item naming a project of its own before its first amount (a
    department report's list of the projects it ran), not the department's own spending?"""
    if not NUMBERED_ITEM.match(text):
        return False
    own = [f for f in name_fragments(text[:first_amount]) if names_a_project(f)]
    return bool(own) and all(f not in context for f in own)


def _itemised_spending(amounts: list[_Amount]) -> list[_Amount]:
    """'累计支出防火物资采购9.50万元，宣传资料印刷7.75万元，扑火队员开支30.75万元': one spending verb
    over a list of items, each with its own object and amount and no verb of its own: the spending is
    their sum, not the first item's. [] when the sentence is not such a list."""
    spent = [a for a in amounts if a.kind == "executed"]
    if len(spent) < 2 or len(spent) != sum(1 for a in amounts if a.kind is not None):
        return []
    if any(a.total_label or a.mention.approx or a.mention.unit != spent[0].mention.unit for a in spent):
        return []
    verbs = [m for m in _SPENT_ON.finditer(spent[0].gap) if not _NOT_SPENDING.match(spent[0].gap, m.end())]
    if not verbs or not _HAN2.search(spent[0].gap[verbs[-1].end():]):
        return []  # ('支出28万元，…'): the verb's own amount, no item named
    for later in spent[1:]:
        clause = _CLAUSE_END.split(later.gap)[-1]
        if _kind(clause) is not None or _PART_CLAUSE.match(clause) or not _HAN2.search(clause):
            return []  # a verb of its own, a part (其中…) or no item's name: not one list
    return spent


def _set_itemised(project: Project, items: list[_Amount], s: Sentence) -> None:
    """The project's spending as the sum of the items one verb listed (quoting the sentence)."""
    first = items[0].mention
    total = sum((a.mention.value for a in items if a.mention.value is not None), Decimal(0))
    budget = project.budget
    stated_first = budget.executed is not None and budget.executed.value == first.value
    if budget.executed is None or stated_first:
        budget.executed = Quantity(raw="+".join(a.mention.raw for a in items), value=total, unit=first.unit,
                                   evidence=[sentence_evidence(s)])


def _spent_in_full(project: Project, s: Sentence) -> None:
    """'资金…已全部支付到位' with no amount: the whole budget was spent (executed = planned)."""
    budget = project.budget
    if budget.executed is None and budget.planned is not None:
        budget.executed = budget.planned.model_copy(update={"evidence": [sentence_evidence(s)]})


def _amounts(s: Sentence, names: list[tuple[str, list[str]]], listed_kind: str | None = None) -> list[_Amount]:
    """The money amounts of a sentence with the kind, projects and total word that govern each
    (`listed_kind`: the kind a list sentence carries over from the sentence announcing it)."""
    text = s.text
    mentions = money(text)
    out: list[_Amount] = []
    pos = 0
    carried: str | None = listed_kind if listed_kind in ("planned", "executed") else None
    respectively: list[str] = []  # "A、B 分别安排 10 万元、8 万元": names waiting for their amounts
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
        cleaned = _TOPIC.sub("", _NOT_SPENT.sub("", re.sub(r"《[^》]*》", "", gap[table_labels[-1]:])))
        if _PLANNED_VERB.search(cleaned):
            cleaned = _CATEGORY_SPENDING.sub("", cleaned)
        explicit = _kind(cleaned)
        own_clause = _CLAUSE_END.split(cleaned)[-1]
        if _LEFT_OVER.search(own_clause) and _kind(own_clause) is None:
            explicit, carried = None, None  # ('执行率为96.9%，结余资金59.5万元…': the balance, no spending)
        own_noun = _OWN_AMOUNT_NOUN.search(cleaned)
        if own_noun and _kind(own_noun.group(0)) is None:
            # ('其中预算173宗，送审金额23.79亿元': the amount names what it is, 送审金额; the 预算 of the
            # clause before was a category of audited works, not this amount's verb)
            explicit, carried = None, None
        if explicit == "arrived" and _kind(_CLAUSE_END.split(cleaned)[-1]) is None:
            explicit = None  # ('…分配到位，2023年度X资金3728万元': 到位 closed the clause before this amount)
        returned_after = _RETURNED.search(after.split("。")[0]) is not None
        if explicit is None and returned_after:
            kind: str | None = "returned"
        else:
            kind = explicit or (None if re.search(r"结余|结转|剩余", gap) else carried)
        if kind == "adjusted" and explicit is None and _AFTER_CHANGE.match(gap):
            kind = "planned"  # ('调增30万元后为150万元': the budget the change gave)
        if kind in (None, "arrived") and _RECIPIENTS.search(gap) and _REACHED.match(after):
            kind = "executed"  # '其中18家企业共152万元已全部到位': money that reached its recipients is spent
        elif kind is None and _STATED_THEN_SPENT.match(after):
            kind = "planned"  # '2023年度X资金3728万元全部执行到位': the amount is the budget, spent in full
        elif kind is None and _APPROVED_AFTER.match(after):
            kind = "planned"  # 'X经费170万元经年初预算审核通过后…': the approval is said after the amount
        elif kind is None and _WHOLE_THEN_PARTS.match(after) and _FUNDS_NAMED.search(_CLAUSE_END.split(gap)[-1]):
            kind = "planned"  # '涉及资金500万元，其中中央资金300万元…': the fund's whole, then where it came from
        elif kind is None and _YEAR_FUNDS.search(_CLAUSE_END.split(gap)[-1]):
            kind = "planned"  # '本年度资金40.83万元': the year's money named with no verb, the budget
        elif kind is None and _ALLOCATED_LIST.search(text[:m.start]) and "。" not in gap:
            kind = "planned"  # '…440万元已全部分配到各项目单位：A项目资金140万元、B…': each item's allocation
        if kind is None and _TOTAL.search(gap.rstrip()):
            # ('省级拨付50万元，中央拨付20万元，加上上年度结余资金5万元，合计75万元': a balance between them
            # cut the verb's carry, but the 合计 is the whole of the parts before it, of their kind)
            kind = next((a.kind for a in out if a.kind in ("planned", "executed")), None)
        named = [name for _, _, name in find_mentions(gap, names)]
        named = list(dict.fromkeys(named))
        total = _TOTAL.search(gap.rstrip())
        if "分别" in gap and len(named) >= 2:
            respectively = named[1:]
            named = named[:1]
        elif respectively and not named and not total:
            named = [respectively.pop(0)]
        if not named and not total and out and len(out[-1].projects) == 1 and not re.search(r"[、；;]", gap):
            named = list(out[-1].projects)  # "A预算 30 万元，实际支出 28 万元": still A
        if total and len(named) < 2:
            # "…, 两个项目合计 42 万元": the total is over the amounts listed before it
            named = list(dict.fromkeys(p for a in out for p in a.projects))
        if total and returned_after:
            kind = "returned"
        elif kind is None and len(named) < 2 and re.search(r"(?:资金|经费)\s*(?:总计|合计|共计|共)\s*$", gap):
            kind = "planned"  # '专项资金总计85.98万元，其中A 22万元…': the fund's whole amount
        out.append(_Amount(mention=m, kind=kind, projects=named, total_label=total.group(1) if total else None,
                           gap=gap, after=after))
        carried = kind if explicit else carried
        pos = m.end
    return out


def _spends_the_year(amount: _Amount) -> bool:
    """The amount is the year's own spending (全年执行数, 全年预算执行数)."""
    return bool(_YEAR_EXECUTED.search(_CLAUSE_END.split(amount.gap)[-1]))


def _quantity(m: Mention, ev: Evidence) -> Quantity:
    """A mention as a Quantity quoting the sentence."""
    q = m.quantity()
    q.evidence = [ev]
    return q


def _planned_rank(gap: str, after: str = "") -> int:
    """How authoritative a planned amount is: 调整后/全年预算 or a stated total > 预算 > 年初预算.

    '第一批批复总投资3374.3万元，…，三批合计批复总投资6222.4万元': the total of the parts is the budget.
    """
    clause = _CLAUSE_END.split(gap)[-1]
    if _STATED_THEN_SPENT.match(after):
        return 2  # ('预拨3608万元…清算120万元…全年资金3728万元全部执行到位': the whole, spent)
    if _TOTAL_WORD.search(clause) or _WHOLE_YEAR_BUDGET.search(gap) \
            or _AFTER_CHANGE.match(clause):  # ('调增30万元后为150万元': the budget after the change)
        return 2  # ('；预算调整后，项目预算为861.46万元': the adjustment may sit in an earlier clause)
    if _WHOLE_THEN_PARTS.match(after):
        return 2  # ('安排财政衔接资金2110万元，其中中央资金1413万元、省级资金621万元…': the whole, then its parts)
    return 0 if "年初" in gap else 1


def _set_budget(project: Project, amount: _Amount, s: Sentence, ranks: dict[str, int],
                batches: dict[str, set[str]], executed_ranked: dict[str, bool], paired: bool = False) -> None:
    """Fill the budget field the amount's kind names; the first amount of a kind wins, except that
    a 全年/调整后 budget replaces a plain or 年初 one (`ranks` remembers what planned came from),
    amounts from different batches (第一批, 第二批; `batches` remembers them) add up, and spending
    stated beside its budget ('调整后预算1200万元，全年执行1180万元', `paired`) replaces spending stated
    alone (a 决算's '支出合计1523.26万元', which counts money from outside the budget)."""
    budget = project.budget
    q = _quantity(amount.mention, sentence_evidence(s))
    spent_key = f"{project.name}/executed"  # (ranks: 1 once spending stated beside its budget was read)
    if amount.kind == "planned" and amount.mention.approx:
        return  # '项目总投资约22.66亿元': the scale of a (multi-year) project, not the year's budget
    if amount.kind == "planned" and _ESTIMATE.search(amount.gap):
        return  # '估算投资400,600.00万元': the estimate of the whole works, not the money of the year
    if amount.kind == "planned" and _CARRIED_OVER.search(_CLAUSE_END.split(amount.gap)[-1]):
        return  # '上年结转结余资金2万元': last year's money carried over, not this year's budget
    if amount.kind == "planned":
        rank = _planned_rank(amount.gap, amount.after)
        if rank == 0 and budget.initial is None:
            budget.initial = q
        # (the batch is the one the sentence allots from, not a cited notice's: '《…(第二批)的通知》')
        batch = _BATCH.findall(re.sub(r"《[^》]*》|[(（][^()（）]*[)）]", "", s.text[:amount.mention.start]))
        # (an allotment names the project it goes to right before its amount; '其中第一批资金31374万元'
        # is a part of the fund's total, no allotment)
        named = any(spelling and strip_name(spelling) in amount.gap for spelling in (project.name, *project.aliases))
        batch = batch if named else []
        earlier = batches.setdefault(project.name, set())
        if batch and budget.planned is not None and earlier and batch[-1] not in earlier:
            # one project funded from two batches of a fund ('第一批…A项目3000万元；第二批…A项目3000万元'):
            # its budget is what all the batches give it
            earlier.add(batch[-1])
            budget.planned = _added(budget.planned, q)
            return
        if batch:
            earlier.add(batch[-1])
        category = ranks.get(project.name) == _CATEGORY_RANK
        if category and amount.projects:
            rank = max(rank, 1)  # (the project's own money replaces its unit's category total)
        elif not amount.projects and _CATEGORY_SPENDING.search(_CLAUSE_END.split(amount.gap)[-1]):
            rank = _CATEGORY_RANK  # '批复我局项目支出160万元': the unit's category, the project's only until named
        if budget.planned is None or rank > ranks.get(project.name, -1):
            budget.planned = q
            ranks[project.name] = rank
    elif amount.kind == "executed" and (
            budget.executed is None
            or (_spends_the_year(amount) and not executed_ranked.get(project.name))
            or (paired and not ranks.get(spent_key))):
        # the first spending stated wins, except that the year's own (全年执行数, 全年预算执行数) replaces an
        # earlier figure ('2023年完成支付784.685万元…2024年…全年预算执行数合计233.64万元'), and so does
        # spending stated beside its budget
        ranks[spent_key] = max(ranks.get(spent_key, 0), int(paired))
        budget.executed = q
        executed_ranked[project.name] = _spends_the_year(amount)
    elif amount.kind == "returned" and budget.returned is None:
        budget.returned = q
        budget.balance_explained = True
    if not project.evidence:
        project.evidence.append(sentence_evidence(s))


#: money carried over from the year before, named right before its amount
_CARRIED_OVER = lazy_compile(r"(?:上年|上年度|以前年度|往年)(?:度)?(?:结转|结余)|结转结余(?:资金)?$|年初结转")
#: the rank of a planned amount given for the unit's budget category, not the project by name
_CATEGORY_RANK = -1
#: the year's own spending, which a figure of another period does not replace
_YEAR_EXECUTED = lazy_compile(r"全年(?:预算)?执行(?:数|金额)|全年(?:实际)?(?:支出|执行)")
#: the batch of a fund an allotment belongs to: '第二批资金7437万元，分别用于…'
_BATCH = lazy_compile(r"第([一二三四五六七八九十\d]{1,2})批")


def _added(first: Quantity, second: Quantity) -> Quantity:
    """Two allotments to one project as one budget, quoting both."""
    if first.value is None or second.value is None or first.unit != second.unit:
        return first
    return first.model_copy(update={"raw": f"{first.raw}+{second.raw}", "value": first.value + second.value,
                                    "evidence": [*first.evidence, *second.evidence]})


def _total(amount: _Amount, s: Sentence, projects: dict[str, Project]) -> FundTotal:
    """A FundTotal for '…A和B共计 N 万元'; '全部交回' also sets each project's returned amount."""
    ev = sentence_evidence(s)
    kind = amount.kind if amount.kind in ("planned", "executed", "returned") else "other"
    all_returned = kind == "returned" and _ALL_RETURNED.search(amount.after) is not None
    parts: list[Quantity] = []
    for name in amount.projects:
        budget = projects[name].budget
        if all_returned and budget.planned is not None:
            budget.returned = budget.returned or Quantity(raw=budget.planned.raw, value=budget.planned.value,
                                                          unit=budget.planned.unit, evidence=[ev])
            projects[name].status_note = projects[name].status_note or amount.after.strip("，,。 ")
        if kind == "returned":
            budget.balance_explained = True
        part = getattr(budget, kind) if kind != "other" else None
        if part is not None:
            parts.append(part)
    return FundTotal(label=amount.total_label or "共计", kind=kind, total=_quantity(amount.mention, ev),
                     parts=parts, projects=list(amount.projects), evidence=[ev])


def _not_spent(s: Sentence, names: list[tuple[str, list[str]]], projects: dict[str, Project]) -> None:
    """'X因项目暂停实施未列支': X executed nothing (0, quoted), unless an amount says otherwise."""
    for clause in _CLAUSE_END.split(s.text):
        m = _NOT_SPENT.search(clause)
        if not m or money(clause):
            continue
        for _, _, name in find_mentions(clause[:m.start()], names):
            budget = projects[name].budget
            if budget.executed is None:
                budget.executed = Quantity(raw=m.group(0), value=Decimal(0), unit="元",
                                           evidence=[sentence_evidence(s)])


def _printed_rate(s: Sentence, names: list[tuple[str, list[str]]], projects: dict[str, Project],
                  context: str | None) -> None:
    """执行率 as printed: '预算执行率为 97.06%' → Budget.printed_rate of the sentence's project."""
    # '中央资金完成636.75万元,预算执行率81.97%,省级资金完成288.26万元,预算执行率99.28%': several rates in
    # one sentence are the rates of its parts; one belongs to a project only where its own clause names it
    several = len({m.group(1) for m in _RATE.finditer(s.text)}) >= 2
    for m in _RATE.finditer(s.text):
        clause = _CLAUSE_END.split(s.text[:m.start()])[-1]
        own = {n for _, _, n in find_mentions(clause, names)}
        if several and not own:
            continue
        named = own or {n for _, _, n in find_mentions(s.text, names)}
        target = named.pop() if len(named) == 1 else context
        if target is None or projects[target].budget.printed_rate is not None:
            continue
        value = Decimal(m.group(1))
        projects[target].budget.printed_rate = Quantity(raw=m.group(0), value=value, unit="%",
                                                        evidence=[sentence_evidence(s)])


def _balance_words(s: Sentence, names: list[tuple[str, list[str]]], projects: dict[str, Project],
                   context: str | None) -> None:
    """A clause naming a project together with 结余/结转/交回 … explains where its balance went;
    so does such a sentence inside a project's own part (or about the project just named). Work not
    finished ('项目尚未完工', '依合同进度已付款') explains why the rest is not paid yet."""
    if not (_BALANCE.search(s.text) or _IN_PROGRESS.search(s.text)):
        return
    mentioned = {n for _, _, n in find_mentions(s.text, names)}
    # (a sentence about that project alone that says where its money went: '…支出80万元，余款安排下年支出')
    if context and (not mentioned or (mentioned == {context} and _BALANCE.search(s.text))):
        projects[context].budget.balance_explained = True
        return
    if not context and not mentioned and _BALANCE.search(s.text) and _COLLECTIVE.search(s.text):
        # '以上项目结余资金11.5万元已全部交回县财政' after a list of projects: said of every one of them
        for project in projects.values():
            project.budget.balance_explained = True
        return
    for clause in _CLAUSE_END.split(s.text):
        if _BALANCE.search(clause) or _IN_PROGRESS.search(clause):
            for _, _, name in find_mentions(clause, names):
                projects[name].budget.balance_explained = True
