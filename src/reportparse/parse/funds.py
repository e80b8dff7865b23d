"""Money sentences: budgets (预算), spending (列支/执行数), returns (交回) and totals (共计).

`amounts` reads what kind of money each amount of a sentence is and which projects it is said of;
this module fills each project's budget from them. An amount with no project named goes to the
project of the analysis subsection (or the report's only project). An amount after two or more
names with 共计/合计/总计 is a FundTotal over those projects.
The printed rate, nothing spent and where a balance went are read in `ratesandbalances`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import FundTotal, Project, Quantity
from reportparse.parse.amounts import (
    AFTER_CHANGE,
    CATEGORY_SPENDING,
    CLAUSE_END,
    NOT_SPENDING,
    NOT_SPENT,
    SPENT_ON,
    STATED_THEN_SPENT,
    WHOLE_THEN_PARTS,
    Amount,
    money_kind,
    sentence_amounts,
)
from reportparse.parse.budgetchoice import BudgetRank, Stated, note_wholes, settle
from reportparse.parse.department import is_department
from reportparse.parse.evidence import Sentence, said_before, sentence_evidence
from reportparse.parse.fundnames import (
    LIST_GOES_ON,
    NUMBERED_ITEM,
    PARTS_OPEN,
    PROJECT_COUNT,
)
from reportparse.parse.fundrestated import (
    left_by_change_restated,
    note_change,
    said_spent_in_full,
    sources_summed,
    spent_at_full_rate,
)
from reportparse.parse.fundsplit import set_split_budget, split_into_uses
from reportparse.parse.itemmoney import component_item, names_only_the_project, other_item
from reportparse.parse.names import names_spending_category, strip_name
from reportparse.parse.ownshare import GOAL_LED, USES_OPEN, names_own_fund
from reportparse.parse.projectmentions import find_mentions
from reportparse.parse.quantities import money
from reportparse.parse.ratesandbalances import balance_words, not_spent, printed_rate

#: a total that points back at what the text listed before it ('以上…合计', '上述项目共计')
_LOOKS_BACK = lazy_compile(r"^\s*(?:以上|上述|前述)")
#: a clause that gives a component of the amount before it ('共安排19204.096万，其中央省14059.11万元')
_PART_CLAUSE = lazy_compile(r"^\s*(?:其中|包含|包括)")
#: a clause listing what the amount before it holds ('预算数：2021年，包含补助A资金774万元、B 240万元'): its
#: amounts are parts, even the first, never the budget
_HOLDS_CLAUSE = lazy_compile(r"^\s*(?:包含|包括)")
_ALL_SPENT = lazy_compile(r"(?:全部|全额|足额)(?:支付|拨付|使用|发放|支出|兑付|执行)(?:到位|完毕|完成)?")
_ALL_RETURNED = lazy_compile(r"(全部|全额|均已|均)(交回|退回|收回|上缴|缴回|退还)")
#: an estimate of a works' whole cost ('估算投资', '投资估算为', '概算总投资')
_ESTIMATE = lazy_compile(r"(?:(?:估算|概算|匡算)(?:总)?投资(?:额)?|投资(?:估算|概算))\s*(?:为|约|达|是)?\s*$")
#: a sentence that only goes on with the list the one before announced ('分别为：', '具体如下：')
_LIST_OPENING = lazy_compile(r"^\s*(?:分别(?:为|是)|具体(?:为|是|如下)|包括)\s*[:：]")
_TOTAL_WORD = lazy_compile(r"合计|共计|总计")
#: the words of a budget as it stood after changes, or of the whole year's
_WHOLE_YEAR_BUDGET = lazy_compile(r"调整后|调整为|全年预算|全年资金|预算调整|全年应执行")
_HAN2 = lazy_compile(r"[\u4e00-\u9fff]{2}")


#: a change to the budget stated with its amount ('调减40万元', '追加预算30万元')
_CHANGED_BEFORE = lazy_compile(r"(?:追加|调增|调减|核减|追减)(?:预算|资金|经费)?\s*\d+(?:\.\d+)?\s*万?元")
#: the words of the amount that stands once the changes are made ('全年实际下达', '最终安排')
_AFTER_ALL = lazy_compile(r"实际|全年|最终|调整后|合计|共计|总计")
#: a bracket that lists the parts of the figure before it ('(含中央资金…', '（其中：省级…')
_PARTS_BRACKET = lazy_compile(r"[(（]\s*(?:其中|含|包含|包括)")


def in_parts_bracket(text: str, at: int) -> bool:
    """Is position `at` inside a bracket, still open there, that lists the parts of the figure before it?"""
    opened = max(text.rfind("(", 0, at), text.rfind("（", 0, at))
    if opened < 0 or re.search(r"[)）]", text[opened:at]):
        return False
    return bool(_PARTS_BRACKET.match(text, opened))


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
    kept = _Kept()
    recent: dict[int, str] = {}  # paragraph → the one project its previous sentence named ('该项目…')
    spent_in_full: dict[str, Sentence] = {}  # project → '已全部支付到位' said without an amount
    said_in_full: list[tuple[str, Sentence]] = []  # (project, sentence) of every such saying
    rate_named: dict[str, bool] = {}  # project → its printed rate came from a sentence naming it
    stated: dict[str, Stated] = {}  # project → every budget its prose states, and the wholes it breaks down
    previous_kind: str | None = None
    listing: tuple[object, str | None] | None = None  # (paragraph, kind) of a list being gone through
    listed: dict[int, list[tuple[str, str]]] = {}  # paragraph → (project, kind) of each item's own amount
    last_items: list[tuple[str, str]] = []  # the items of the last paragraph that listed any
    left_by_change: dict[str, Decimal] = {}  # project → the budget a cut or an addition to it leaves
    further: dict[str, list[tuple[Amount, Sentence]]] = {}  # project → amounts said with no verb ('上级补助…')
    previous: Sentence | None = None
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
        if _LIST_OPENING.match(s.text) or (PARTS_OPEN.match(s.text) and previous is not None
                                            and previous.para is s.para and PROJECT_COUNT.search(previous.text)):
            # ('安排项目2个，资金10.7万元。其中：A项目1个，金额10万元；…': the counted projects' money, on that verb)
            listing = (s.para, previous_kind)
        elif listing is not None and s.start == 0 and NUMBERED_ITEM.match(s.text):
            listing = (s.para, listing[1])  # (an item of the list in a paragraph of its own: '1、A 5万元')
        elif listing is not None and (listing[0] is not s.para or s.para.text[:s.start].rstrip()[-1:] not in "；;"):
            listing = None
        amounts = sentence_amounts(s, names, listing[1] if listing else None)
        previous = s
        previous_kind = next((a.kind for a in reversed(amounts) if a.kind), None)
        if listing is None and LIST_GOES_ON.search(s.text):
            # '下达预算资金9378万元，具体为：A 3005万元；B 1235万元；…': the list the sentence opened goes on in
            # the sentences after its '；', on the verb it was announced with
            listing = (s.para, previous_kind)
        first = money(s.text)
        if first and not named_here and names_spending_category(s.text[:first[0].start]):
            continue  # '“三公”经费：预算数10万元，决算数8万元': the money of a kind of spending, not of the project
        if context and not named_here and first and is_department(projects[context]) \
                and other_item(s.text, first[0].start, context):
            continue  # '1.办公楼维修项目，预算80万元，支出80万元；': a listed project's money, not the department's
        if context and not named_here and first and component_item(s, context):
            continue  # '1.A实训楼工程…计划总投资2772.2万元；2.B宿舍工程…': a listed works' money, not the project's
        holding = False  # going through the parts a 包含/包括 clause lists
        in_parts = False  # going through the parts a 其中 clause lists
        note_wholes(amounts, sentence_evidence(s), context, stated)
        paragraph_items = listed.setdefault(id(s.para), [])
        if not paragraph_items and s.start == 0 and _LOOKS_BACK.match(s.text):
            paragraph_items = last_items  # ('以上…合计' opening the paragraph after the list)
        for n, amount in enumerate(amounts):
            if amount.total_label and not amount.projects and _LOOKS_BACK.match(CLAUSE_END.split(amount.gap)[-1]):
                # '以上中央、市级转移支付资金合计3580.69万元' after a list 'A 40万元；B 2.75万元；…': the whole of
                # the items the paragraph listed, of their kind, never the last item's own money
                summed = [name for name, kind in paragraph_items if kind == amount.kind]
                if len(summed) >= 2:
                    totals.append(_total(replace(amount, projects=list(dict.fromkeys(summed))), s, projects))
                continue
            if amount.total_label and len(amount.projects) >= 2:
                totals.append(_total(amount, s, projects))
                continue
            if len(amount.projects) == 1 and amount.kind in ("planned", "executed"):
                paragraph_items.append((amount.projects[0], amount.kind))
                last_items = paragraph_items
            targets = amount.projects or ([context] if context else [])
            if len(targets) == 1 and amount.kind == "adjusted":
                note_change(projects[targets[0]], amount, left_by_change)
            if len(targets) == 1 and amount.kind == "planned" and left_by_change_restated(
                    projects[targets[0]], amount, s, left_by_change, kept.ranks):
                continue
            if amount.kind is None and n == 0 and only is not None and names_only_the_project(amount.gap, only):
                amount = replace(amount, kind="planned")  # ('2022年X专项经费7177.5万元，全面保障了…': its money)
            clause = CLAUSE_END.split(amount.gap)[-1]
            own_share = len(targets) == 1 and names_own_fund(clause, amount.after, projects[targets[0]])
            if own_share and amount.kind is None and n and amounts[n - 1].kind == "planned":
                amount = replace(amount, kind="planned")  # ('资金800万元，其中180万元用于X项目': the project's part)
            if len(targets) == 1 and amount.kind is None and not amount.projects:
                further.setdefault(targets[0], []).append((amount, s))  # (a source said with no verb)
            if len(targets) != 1 or amount.kind in (None, "arrived", "adjusted"):
                continue
            if not amount.projects and n and _PART_CLAUSE.match(clause) and not own_share:
                in_parts = True
                continue  # a component of the amount stated before it, not the project's own budget or spending
            if not amount.projects and n and USES_OPEN.match(amount.gap):
                continue  # ('专项资金200万元的具体用途:①A尾款43.96万元': a use of the amount before it, no budget)
            if in_parts and not amount.projects and "。" not in amount.gap and money_kind(amount.gap) is None:
                continue  # ('其中东村30万元，西村50万元': the parts go on, each with no verb of its own)
            in_parts = False
            if _HOLDS_CLAUSE.match(clause) and not find_mentions(clause, names):
                holding = True  # (a part the clause lists, whatever the sentence named before it)
                continue
            if holding and not re.search(r"[，,；;。]", amount.gap):
                continue  # the list of parts goes on ('包含A 774万元、B 240万元、…')
            if not amount.projects and in_parts_bracket(s.text, amount.mention.start):
                continue  # ('执行数1032849.44(含中央资金689139.31万元,地方资金…)': a part of the figure before it)
            holding = False
            if not amount.projects and parts and not own_share and any(p in amount.gap[-len(p) - 6:] for p in parts):
                continue  # (the part named right before the amount, give or take a verb: 'X资金为')
            if amount.kind == "executed" and GOAL_LED.match(s.text):
                continue  # ('绩效目标:X资金完成173万元': the spending aimed at, no spending done)
            paired = any(other.kind == "planned" for other in amounts)
            _set_budget(projects[targets[0]], amount, s, kept, paired, stated.setdefault(targets[0], Stated()),
                        own_share)
            if amount.kind == "planned" and STATED_THEN_SPENT.match(amount.after):
                spent_in_full.setdefault(targets[0], s)
        items = _itemised_spending(amounts) or _dated_payments(amounts)
        target = context if len(named_here) <= 1 and not any(a.projects for a in items) else None
        if items and target and all(a.mention.value is not None for a in items):
            _set_itemised(projects[target], items, s)
        uses = split_into_uses(amounts)
        if uses and context and not named_here and all(a.mention.value is not None for a in uses):
            set_split_budget(projects[context], uses, s)
        printed_rate(s, names, projects, context, rate_named)
        not_spent(s, names, projects)
        balance_words(s, names, projects, context)
        if context and not amounts and _ALL_SPENT.search(s.text) and not NOT_SPENT.search(s.text):
            spent_in_full.setdefault(context, s)
            said_in_full.append((context, s))
    for name, s in spent_in_full.items():
        _spent_in_full(projects[name], s)
    for name, s in said_in_full:
        said_spent_in_full(projects[name], s)
    for name, found in stated.items():
        if len(kept.batches.get(name) or ()) < 2:  # (a budget summed over batches is no one statement to weigh)
            settle(projects[name], found, kept.ranks.get(name, BudgetRank.PLAIN))
    for name, sources in further.items():
        sources_summed(projects[name], sources)
    for project in projects.values():
        spent_at_full_rate(project)
    return totals


def _itemised_spending(amounts: list[Amount]) -> list[Amount]:
    """'累计支出防火物资采购9.50万元，宣传资料印刷7.75万元，扑火队员开支30.75万元': one spending verb
    over a list of items, each with its own object and amount and no verb of its own: the spending is
    their sum, not the first item's. [] when the sentence is not such a list."""
    spent = [a for a in amounts if a.kind == "executed"]
    if len(spent) < 2 or len(spent) != sum(1 for a in amounts if a.kind is not None):
        return []
    if any(a.total_label or a.mention.approx or a.mention.unit != spent[0].mention.unit for a in spent):
        return []
    verbs = [m for m in SPENT_ON.finditer(spent[0].gap) if not NOT_SPENDING.match(spent[0].gap, m.end())]
    if not verbs or not _HAN2.search(spent[0].gap[verbs[-1].end():]):
        return []  # ('支出28万元，…'): the verb's own amount, no item named
    for later in spent[1:]:
        clause = CLAUSE_END.split(later.gap)[-1]
        if money_kind(clause) is not None or _PART_CLAUSE.match(clause) or not _HAN2.search(clause):
            return []  # a verb of its own, a part (其中…) or no item's name: not one list
    return spent


#: a payment's own day at the head of its clause ('于2021年9月1日向X公司拨付', '9月7日拨付'); money counted up to a
#: day ('截至12月31日已支出') is a running total, no payment of its own
_PAYMENT_DAY = lazy_compile(r"(?<![至止到])(?:20\d{2}\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?!前|止|以前|为止)")
_UP_TO = lazy_compile(r"截至|截止|累计|[至到]\s*(?:20\d{2}\s*年)?\s*\d{1,2}\s*月")


def _dated_payments(amounts: list[Amount]) -> list[Amount]:
    """'于9月1日向X公司拨付160万元，9月7日拨付100万元': payments of one project each on its own day, each clause
    with its day and its spending verb: the spending is their sum. [] when the sentence is not such a list."""
    spent = [a for a in amounts if a.kind == "executed"]
    if len(spent) < 2 or len(spent) != sum(1 for a in amounts if a.kind is not None):
        return []
    if any(a.total_label or a.mention.approx or a.mention.unit != spent[0].mention.unit for a in spent):
        return []
    for a in spent:
        clause = CLAUSE_END.split(a.gap)[-1]
        if not _PAYMENT_DAY.search(clause) or _UP_TO.search(clause) or _PART_CLAUSE.match(clause):
            return []
    return spent


def _set_itemised(project: Project, items: list[Amount], s: Sentence) -> None:
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


def _spends_the_year(amount: Amount) -> bool:
    """The amount is the year's own spending (全年执行数, 全年预算执行数)."""
    return bool(_YEAR_EXECUTED.search(CLAUSE_END.split(amount.gap)[-1]))


def _planned_rank(gap: str, after: str = "") -> BudgetRank:
    """How authoritative a planned amount is: 调整后/全年预算 named in its own clause > 调整后/全年预算 said
    earlier in the sentence, or a stated total > 预算 > 年初预算.

    '第一批批复总投资3374.3万元，…，三批合计批复总投资6222.4万元': the total of the parts is the budget.
    """
    clause = CLAUSE_END.split(gap)[-1]
    if _RUNNING_TOTAL.search(gap):
        # ('到2013年累计安排经费380万元': money of the years so far, not the year's own budget)
        return BudgetRank.STAND_IN
    if _WITHOUT_CARRY_OVER.match(after):
        # ('下达专项资金264万元(不含上年结转148.44万元)', '共安排80万元，不包括以前年度结余12万元': the year's own
        # money, the carry-over left out: the 年初 figure, not the year's whole budget, however it is named)
        return BudgetRank.YEAR_START
    if _WHOLE_YEAR_BUDGET.search(clause):
        # ('全年预算数1080245.79万元': the year's budget by its own name, above a source's total)
        return BudgetRank.NAMED_YEAR
    if STATED_THEN_SPENT.match(after):
        # ('预拨3608万元…清算120万元…全年资金3728万元全部执行到位': the whole, spent)
        return BudgetRank.WHOLE_OR_ADJUSTED
    if _TOTAL_WORD.search(clause) or _WHOLE_YEAR_BUDGET.search(gap) or AFTER_CHANGE.match(clause):
        # ('调增30万元后为150万元': the budget after the change; '；预算调整后，项目预算为861.46万元': the
        # adjustment may sit in an earlier clause)
        return BudgetRank.WHOLE_OR_ADJUSTED
    if WHOLE_THEN_PARTS.match(after):
        # ('安排财政衔接资金2110万元，其中中央资金1413万元、省级资金621万元…': the whole, then its parts)
        return BudgetRank.WHOLE_OR_ADJUSTED
    return BudgetRank.YEAR_START if "年初" in gap else BudgetRank.PLAIN


#: the words right after an amount that leave the money carried over from years before out of it
_WITHOUT_CARRY_OVER = lazy_compile(r"^\s*[(（,，]?\s*(?:不含|不包括|不包含|未含|未包括|未包含)"
                                   r"\s*(?:上年度?|以前年度|往年|历年)?\s*(?:结转|结余)")


def _unit_slip(q: Quantity, stated: Quantity) -> bool:
    """Is `q` the budget already stated with its 万 left out (2089元 for 2089万元)?"""
    return q.value is not None and stated.value is not None and q.value > 0 and q.value * 10000 == stated.value


@dataclass
class _Kept:
    """What `_set_budget` remembers of the money it kept for each project (by the project's name)."""

    #: the rank of the planned amount kept
    ranks: dict[str, BudgetRank] = field(default_factory=dict)
    #: the batches (第一批, 第二批) whose allotments the planned amount adds up
    batches: dict[str, set[str]] = field(default_factory=dict)
    #: the planned amount kept is a works' whole investment (总投资)
    investment: set[str] = field(default_factory=set)
    #: the spending kept is the year's own (全年执行数)
    year_spending: set[str] = field(default_factory=set)
    #: spending stated beside its budget was read
    spent_beside_budget: set[str] = field(default_factory=set)
    #: the spending kept was stated in the report's overview (the project's history, '其中已申请专项债券资金支付
    #: 9600万元'), which the spending its funds section reports replaces
    spent_in_overview: set[str] = field(default_factory=set)


def _set_budget(project: Project, amount: Amount, s: Sentence, kept: _Kept, paired: bool = False,
                stated: Stated | None = None, own_share: bool = False) -> None:
    """Fill the budget field the amount's kind names; the first amount of a kind wins, except that
    a 全年/调整后 budget replaces a plain or 年初 one (`kept.ranks` remembers what planned came from),
    amounts from different batches (第一批, 第二批; `kept.batches` remembers them) add up, and spending
    stated beside its budget ('调整后预算1200万元，全年执行1180万元', `paired`) replaces spending stated
    alone (a 决算's '支出合计1523.26万元', which counts money from outside the budget)."""
    budget = project.budget
    q = amount.mention.quantity(sentence_evidence(s))
    if amount.kind == "planned" and amount.mention.approx:
        return  # '项目总投资约22.66亿元': the scale of a (multi-year) project, not the year's budget
    if _WHOLE_SPENDING.search(project.name) and _SPENDING_PART.search(CLAUSE_END.split(amount.gap)[-1]):
        return  # a department's '基本支出512.3万元', '人员经费…', '项目支出…': a part of its spending, no total
    if amount.kind == "planned" and _ESTIMATE.search(amount.gap):
        return  # '估算投资400,600.00万元': the estimate of the whole works, not the money of the year
    if amount.kind == "planned" and _CARRIED_OVER.search(CLAUSE_END.split(amount.gap)[-1]):
        return  # '上年结转结余资金2万元': last year's money carried over, not this year's budget
    if amount.kind == "planned":
        rank = _planned_rank(amount.gap, amount.after)
        if _CHANGED_BEFORE.search(s.text[:amount.mention.start]) \
                and _AFTER_ALL.search(CLAUSE_END.split(amount.gap)[-1]):
            # ('下达111万元，其中…，调减40万元，全年实际下达71万元': the budget the change left)
            rank = BudgetRank.NAMED_YEAR
        if rank == BudgetRank.YEAR_START and budget.initial is None:
            budget.initial = q
        # (the batch is the one the sentence allots from, not a cited notice's: '《…(第二批)的通知》')
        batch = _BATCH.findall(re.sub(r"《[^》]*》|[(（][^()（）]*[)）]", "", s.text[:amount.mention.start]))
        # (an allotment names the project it goes to right before its amount; '其中第一批资金31374万元'
        # is a part of the fund's total, no allotment)
        named = any(spelling and strip_name(spelling) in amount.gap for spelling in (project.name, *project.aliases))
        batch = batch if named else []
        earlier = kept.batches.setdefault(project.name, set())
        if batch and budget.planned is not None and earlier and batch[-1] not in earlier:
            # one project funded from two batches of a fund ('第一批…A项目3000万元；第二批…A项目3000万元'):
            # its budget is what all the batches give it
            earlier.add(batch[-1])
            budget.planned = _added(budget.planned, q)
            return
        if batch:
            earlier.add(batch[-1])
        category = kept.ranks.get(project.name) == BudgetRank.STAND_IN
        if category and amount.projects:
            rank = max(rank, BudgetRank.PLAIN)  # (the project's own money replaces its unit's category total)
        elif not amount.projects and CATEGORY_SPENDING.search(CLAUSE_END.split(amount.gap)[-1]):
            rank = BudgetRank.STAND_IN  # '批复我局项目支出160万元': the unit's category, the project's only until named
        if budget.planned is not None and _unit_slip(q, budget.planned):
            return  # ('全年预算数2089元' after '预算资金合计2089万元': the same budget with 万 left out)
        clause = CLAUSE_END.split(amount.gap)[-1]
        # a works' whole investment ('项目总投资660万元，其中中央、省495万元，市级99万元…') counts every level's
        # share; the budget the project was given is named so ('申请中央及省级项目预算资金495万元') and replaces it
        # (or given by name: '市财政向市交通运输局下达X工程建设经费260万元', the project's own allotment)
        # (so is the share of it the report's own fund is: '项目总投资1807万元，其中中央财政X专项资金850万元' in a
        # report on that fund)
        # (and a part said to be the project's own replaces any whole it is part of: '800万元，其中180万元用于X项目')
        budgeted = ((project.name in kept.investment and (
            bool(_NAMED_BUDGET.search(clause)) or (bool(amount.projects) and bool(_ALLOTTED.search(clause)))))
            or own_share) and rank >= BudgetRank.PLAIN
        if stated is not None:
            stated.budgets.append((rank, q))
        if budget.planned is None or rank > kept.ranks.get(project.name, BudgetRank.STAND_IN) or budgeted:
            budget.planned = q
            kept.ranks[project.name] = rank
            if _INVESTMENT.search(clause):
                kept.investment.add(project.name)
            else:
                kept.investment.discard(project.name)
    elif amount.kind == "executed" and _territory_spending(amount, budget.planned):
        pass  # ('省级统筹安排…资金756544万元，…全省…共支出1217312.77万元': all the territory spent, its lower
        # levels' own money too, not this allotment's spending)
    elif amount.kind == "executed" and (
            budget.executed is None
            or (_spends_the_year(amount) and project.name not in kept.year_spending)
            or (paired and project.name not in kept.spent_beside_budget)
            or (s.section == "funds" and project.name in kept.spent_in_overview)):
        # the first spending stated wins, except that the year's own (全年执行数, 全年预算执行数) replaces an
        # earlier figure ('2023年完成支付784.685万元…2024年…全年预算执行数合计233.64万元'), and so does
        # spending stated beside its budget
        if paired:
            kept.spent_beside_budget.add(project.name)
        budget.executed = q
        if s.section == "overview":
            kept.spent_in_overview.add(project.name)
        else:
            kept.spent_in_overview.discard(project.name)
        if _spends_the_year(amount):
            kept.year_spending.add(project.name)
        else:
            kept.year_spending.discard(project.name)
    elif amount.kind == "returned" and budget.returned is None:
        budget.returned = q
        budget.balance_explained = True
    if not project.evidence:
        project.evidence.append(sentence_evidence(s))


#: spending said of a whole territory ('全省困难群众救助资金共支出', '各地累计支出'): it counts what every
#: level of it spent
_TERRITORY = lazy_compile(r"^\s*(?:\d{4}年(?:度)?)?\s*"
                          r"(?:全国|全(?:省|市|州|县|区|盟|旗)|各(?:地|级财政|市县|县区|旗县))")
#: a budget that is one level's allotment ('省级统筹安排', '中央下达', '市级财政补助')
_ONE_LEVEL = lazy_compile(r"中央|(?:省|市|州|县|区)级")


def _territory_spending(amount: Amount, planned: Quantity | None) -> bool:
    """Is the amount the spending of a whole territory (全省/全市…) set against a budget that is one
    level's allotment (省级/中央…)? Such spending counts the money the lower levels added."""
    if planned is None or not _TERRITORY.search(CLAUSE_END.split(amount.gap)[-1]):
        return False
    before = said_before(planned)  # ('省级统筹安排': the words of the budget's own clause)
    return bool(before and _ONE_LEVEL.search(CLAUSE_END.split(before)[-1]))


#: the department-wide subject (‹单位›部门整体支出)
_WHOLE_SPENDING = lazy_compile(r"整体支出$")
#: a part of a department's spending by its kind or economic class, named right before its amount
_SPENDING_PART = lazy_compile(r"(?:基本|项目|人员|公用|日常公用|工资福利|商品和服务|资本性|专项)(?:支出|经费)"
                              r"|对个人和家庭(?:的)?补助(?:支出)?")


#: money carried over from the year before, named right before its amount
_CARRIED_OVER = lazy_compile(r"(?:上年|上年度|以前年度|往年)(?:度)?(?:结转|结余)|结转结余(?:资金)?$|年初结转")
#: an amount summed over the years up to a date: '到2013年累计安排经费', '截至2020年底，累计下达资金'
_RUNNING_TOTAL = lazy_compile(r"(?:到|至|截至|截止)\s*20\d{2}\s*年[^。；;]{0,20}累计[^，,；;。]*$")
#: a works' investment named as such (总投资, 计划投资): all its sources and levels, not the budget it was given
_INVESTMENT = lazy_compile(r"总投资|计划投资|投资总额|投资(?:共计|合计|总计)")
#: an allotting verb: the money a body gave the project ('下达', '批复', '安排')
_ALLOTTED = lazy_compile(r"下达|下拨|批复|安排|核定")
#: the budget named by its noun ('预算资金', '项目预算', '预算数'): what the project was given to spend
_NAMED_BUDGET = lazy_compile(r"预算(?:资金|金额|数|额)?\s*(?:为|是|共|:|：)?\s*$")
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


def _total(amount: Amount, s: Sentence, projects: dict[str, Project]) -> FundTotal:
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
    return FundTotal(label=amount.total_label or "共计", kind=kind, total=amount.mention.quantity(ev),
                     parts=parts, projects=list(amount.projects), evidence=[ev])
