"""Which figure of a project's budget an amount of a money sentence fills, and which of two statements stands.

`funds.extract_funds` goes through a sentence's amounts and hands each one said of one project to `set_budget`:
the first amount of a kind wins, except that a budget of higher rank (全年预算, 调整后, a stated total) replaces a
plain or 年初 one, allotments of separate batches (第一批, 第二批) add up, the project's own allotment replaces a
works' whole investment, and spending stated beside its budget, or in the funds section after the overview,
replaces spending stated alone. `Kept` remembers, per project, what the kept figures came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportparse.lazypattern import lazy_compile
from reportparse.model import Project, Quantity
from reportparse.parse.amounts import (
    AFTER_CHANGE,
    CATEGORY_SPENDING,
    CLAUSE_END,
    STATED_THEN_SPENT,
    WHOLE_THEN_PARTS,
    Amount,
)
from reportparse.parse.budgetchoice import BudgetRank, Stated
from reportparse.parse.evidence import Sentence, said_before, sentence_evidence
from reportparse.parse.names import strip_name

#: an estimate of a works' whole cost ('估算投资', '投资估算为', '概算总投资')
_ESTIMATE = lazy_compile(r"(?:(?:估算|概算|匡算)(?:总)?投资(?:额)?|投资(?:估算|概算))\s*(?:为|约|达|是)?\s*$")
_TOTAL_WORD = lazy_compile(r"合计|共计|总计")
#: the words of a budget as it stood after changes, or of the whole year's
_WHOLE_YEAR_BUDGET = lazy_compile(r"调整后|调整为|全年预算|全年资金|预算调整|全年应执行"
                                  r"|(?:调增|调减|核减|追减|追加|调整)(?:预算|资金|经费)?(?:至|到)")
#: a change to the budget stated with its amount ('调减40万元', '追加预算30万元')
_CHANGED_BEFORE = lazy_compile(r"(?:追加|调增|调减|核减|追减)(?:预算|资金|经费)?\s*\d+(?:\.\d+)?\s*万?元")
#: the words of the amount that stands once the changes are made ('全年实际下达', '最终安排')
_AFTER_ALL = lazy_compile(r"实际|全年|最终|调整后|合计|共计|总计")


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
    if _PASSED_ON.search(clause):
        # ('中央和省级合计分配下达资金78178万元': what the body passed on to the levels below it, the levels' shares
        # added, not the allotment it was given: no total that outranks the stated budget)
        return BudgetRank.PLAIN
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


#: money distributed on to lower levels ('分配下达', '分配到各市县')
_PASSED_ON = lazy_compile(r"分配(?:下达|下拨|到|至|给)")
#: the words right after an amount that leave the money carried over from years before out of it
_WITHOUT_CARRY_OVER = lazy_compile(r"^\s*[(（,，]?\s*(?:不含|不包括|不包含|未含|未包括|未包含)"
                                   r"\s*(?:上年度?|以前年度|往年|历年)?\s*(?:结转|结余)")


def _unit_slip(q: Quantity, stated: Quantity) -> bool:
    """Is `q` the budget already stated with its 万 left out (2089元 for 2089万元)?"""
    return q.value is not None and stated.value is not None and q.value > 0 and q.value * 10000 == stated.value


@dataclass
class Kept:
    """What `set_budget` remembers of the money it kept for each project (by the project's name)."""

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


def set_budget(project: Project, amount: Amount, s: Sentence, kept: Kept, paired: bool = False,
                stated: Stated | None = None, own_share: bool = False, of_the_year: bool = False) -> None:
    """Fill the budget field the amount's kind names; the first amount of a kind wins, except that
    a 全年/调整后 budget replaces a plain or 年初 one (`kept.ranks` remembers what planned came from),
    amounts from different batches (第一批, 第二批; `kept.batches` remembers them) add up, and spending
    stated beside its budget ('调整后预算1200万元，全年执行1180万元', `paired`) replaces spending stated
    alone (a 决算's '支出合计1523.26万元', which counts money from outside the budget). `of_the_year`: the
    sentence names the report's own year as the amount's ('2023年度安排资金400万元')."""
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
        # (and so is the year's allotment named by the report's year: '总投资1200万元，分三年实施。2023年度安排资金
        # 400万元')
        # (and so is the investment planned for the report's year: '项目总投资1200万元，本年度计划投资400万元')
        allotted = bool(_ALLOTTED.search(clause))
        budgeted = ((project.name in kept.investment and (
            bool(_NAMED_BUDGET.search(clause)) or ((bool(amount.projects) or of_the_year) and allotted)
            or (of_the_year and bool(INVESTMENT.search(clause)) and not _WHOLE_INVESTMENT.search(clause))))
            or own_share) and rank >= BudgetRank.PLAIN
        if stated is not None:
            stated.budgets.append((rank, q))
        if budget.planned is None or rank > kept.ranks.get(project.name, BudgetRank.STAND_IN) or budgeted:
            budget.planned = q
            kept.ranks[project.name] = rank
            if INVESTMENT.search(clause) or _WHOLE_BUDGET.search(clause):
                kept.investment.add(project.name)
            else:
                kept.investment.discard(project.name)
    elif amount.kind == "executed" and _territory_spending(amount, budget.planned):
        pass  # ('省级统筹安排…资金756544万元，…全省…共支出1217312.77万元': all the territory spent, its lower
        # levels' own money too, not this allotment's spending)
    elif amount.kind == "executed" and (
            budget.executed is None
            or (_spends_the_year(amount) and project.name not in kept.year_spending)
            or _sums_the_items_before(amount, budget.executed, s)
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


def _sums_the_items_before(amount: Amount, spent: Quantity, s: Sentence) -> bool:
    """Is the amount the total of the spending items the sentence listed before it, the one kept among them
    ('疫苗采购支出150.2万元，劳务补助支出32万元，合计支出182.2万元')?"""
    return bool(_TOTAL_WORD.search(CLAUSE_END.split(amount.gap)[-1])) and any(
        ev.text == s.text for ev in spent.evidence)


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
#: (or over a span of years, or since a year or the project's start: '2021-2023年累计投入资金', '自2019年实施以来累计
#:安排', '项目实施以来累计投入')
_RUNNING_TOTAL = lazy_compile(r"(?:(?:到|至|截至|截止)\s*20\d{2}\s*年|20\d{2}\s*年?\s*[-—–~～至到]\s*20\d{2}\s*年"
                              r"|(?:自|从)\s*20\d{2}\s*年[^。；;，,]{0,12}(?:以来|起)|实施以来|建设以来|历年)"
                              r"[^。；;]{0,20}累计[^，,；;。]*$")
#: a works' investment named as such (总投资, 计划投资, 共投资, 投资额): all its sources and levels, not the budget it
#: was given
INVESTMENT = lazy_compile(r"总投资|计划投资|投资总额|投资额|(?:共计?|合计|总计)投资|投资(?:共计|合计|总计)")
#: a works' whole budget over all its years ('总预算1000万元，分两年实施'): the year's budget, named so, replaces it
#: ('预算总额', '年度总预算' are the year's own)
_WHOLE_BUDGET = lazy_compile(r"(?<!年度)(?<!全年)总预算|总概算")
#: a works' whole investment, over all its years: never the investment planned for one year
_WHOLE_INVESTMENT = lazy_compile(r"总投资|投资总额")
#: an allotting verb: the money a body gave the project ('下达', '批复', '安排', '拨入' its account)
_ALLOTTED = lazy_compile(r"下达|下拨|下发|批复|安排|核定|拨入")
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
