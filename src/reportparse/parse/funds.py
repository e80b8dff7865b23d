"""Money sentences: budgets (预算), spending (列支/执行数), returns (交回) and totals (共计).

`amounts` reads what kind of money each amount of a sentence is and which projects it is said of;
this module fills each project's budget from them. An amount with no project named goes to the
project of the analysis subsection (or the report's only project). An amount after two or more
names with 共计/合计/总计 is a FundTotal over those projects.
The printed rate, nothing spent and where a balance went are read in `ratesandbalances`; which budget field an
amount fills, and which of two statements stands, is `budgetfields`' to say; a sentence that lists its spending
item by item or day by day is summed in `spendinglists`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import FundTotal, Project, Quantity
from reportparse.parse.amounts import (
    ALL_USED_FOR,
    CATEGORY_SPENDING,
    CLAUSE_END,
    NOT_SPENT,
    STATED_THEN_ARRIVED,
    STATED_THEN_SPENT,
    Amount,
    money_kind,
    sentence_amounts,
    work_named_after,
)
from reportparse.parse.budgetchoice import BudgetRank, Stated, note_wholes, settle
from reportparse.parse.budgetfields import INVESTMENT, Kept, set_budget
from reportparse.parse.department import is_department
from reportparse.parse.evidence import Sentence, sentence_evidence
from reportparse.parse.fundnames import (
    LIST_GOES_ON,
    NUMBERED_ITEM,
    PARTS_OPEN,
    PAYMENT,
    PROJECT_COUNT,
)
from reportparse.parse.fundrestated import (
    PAID_MANNER,
    left_by_change_restated,
    note_change,
    said_spent_in_full,
    sources_summed,
    spent_at_full_rate,
)
from reportparse.parse.fundsplit import set_split_budget, split_into_uses
from reportparse.parse.itemmoney import (
    component_item,
    listed_item_paragraphs,
    names_only_the_item,
    names_only_the_project,
    other_item,
)
from reportparse.parse.moneyyear import YearsSaid, money_year
from reportparse.parse.names import names_spending_category, same_project
from reportparse.parse.ownshare import GOAL_LED, USES_OPEN, names_own_fund
from reportparse.parse.projectmentions import find_mentions
from reportparse.parse.quantities import money
from reportparse.parse.ratesandbalances import balance_words, not_spent, printed_rate
from reportparse.parse.spendinglists import (
    PART_CLAUSE,
    DatedRun,
    dated_payments,
    dated_run,
    itemised_spending,
    set_itemised,
)

#: a level's share named right before its amount ('省级补助30万元', '县级配套资金28万元'): a part of the project's
#: money by where it came from
_LEVEL_SHARE = lazy_compile(r"(?:中央|省级?|市级?|州级?|县级?|区级?|上级|本级)(?:财政)?(?:补助|配套|奖补)"
                            r"(?:资金|经费)?\s*$")
#: a name that is a fund's, not a works' ('直达资金', 'X补助经费')
_FUND_NAME_END = lazy_compile(r"(?:资金|经费|补助|补贴)$")
#: a total that points back at what the text listed before it ('以上…合计', '上述项目共计')
_LOOKS_BACK = lazy_compile(r"^\s*(?:以上|上述|前述)")
#: a clause listing what the amount before it holds ('预算数：2021年，包含补助A资金774万元、B 240万元'): its
#: amounts are parts, even the first, never the budget
_HOLDS_CLAUSE = lazy_compile(r"^\s*(?:包含|包括)")
#: the whole money said spent ('已全部支付到位', '足额及时兑付'), how it was paid said between
_ALL_SPENT = lazy_compile(rf"(?:全部|全额|足额)\s*{PAID_MANNER}(?:支付|拨付|使用|发放|支出|兑付|执行)"
                          r"(?:到位|完毕|完成)?")
#: a sentence that says the project's money all went to its work, no amount ('资金全部用于减免学生学费', '项目经费已全部
#: 用于…')
_ALL_USED = lazy_compile(r"^\s*(?:本?项目)?(?:资金|经费)\s*(?:已经?|均已)?\s*(?:全部|全额|足额)用于")
#: the words after a budget's last listed part that say every part was paid ('，两项均已在2020年支付到位',
#: '，均已拨付完毕')
_PARTS_ALL_PAID = lazy_compile(r"^\s*[,，]\s*(?:[两二三四五六七八九十]项|各项)?\s*(?:均已|均|全部)[^，,。；;]{0,12}?"
                               r"(?:支付|拨付|使用|支出)(?:到位|完毕|完成)")
_ALL_RETURNED = lazy_compile(r"(全部|全额|均已|均)(交回|退回|收回|上缴|缴回|退还)")
#: a sentence that only goes on with the list the one before announced ('分别为：', '具体如下：')
_LIST_OPENING = lazy_compile(r"^\s*(?:分别(?:为|是)|具体(?:为|是|如下)|包括)\s*[:：]")
#: a bracket that lists the parts of the figure before it ('(含中央资金…', '（其中：省级…')
_PARTS_BRACKET = lazy_compile(r"[(（]\s*(?:其中|含|包含|包括)")


#: a part named by its year ('其中2023年投入750万元' after money over several years)
_YEAR_PART = lazy_compile(r"^\s*其中\s*[:：]?\s*((?:19|20)\d\d)\s*年度?")


def _own_year_part(clause: str, year: int | None) -> bool:
    """Is the 其中 clause the report's own year's share of money over several years ('2021-2023年累计投入资金2100
    万元，其中2023年投入750万元')? That share is the year's money, not a component of it."""
    part = _YEAR_PART.match(clause)
    return part is not None and year is not None and int(part.group(1)) == year


def in_parts_bracket(text: str, at: int) -> bool:
    """Is position `at` inside a bracket, still open there, that lists the parts of the figure before it?"""
    opened = max(text.rfind("(", 0, at), text.rfind("（", 0, at))
    if opened < 0 or re.search(r"[)）]", text[opened:at]):
        return False
    return bool(_PARTS_BRACKET.match(text, opened))


def _list_kind(amounts: list[Amount], opened_at: int, last_kind: str | None) -> str | None:
    """The kind of money a list opened at `opened_at` carries to its items: its first item's ('预算合计95万元，分别是：
    A项目50万元（实际支出48.6万元）；B项目30万元（…）' lists budgets, whatever the bracket after the first item
    says it spent), else the sentence's last."""
    return next((a.kind for a in amounts if a.mention.start > opened_at and a.kind in ("planned", "executed")),
                last_kind)


def _named_parts(amounts: list[Amount], whole_kind: str | None) -> list[Amount]:
    """'下达X资金800万元。其中A项目600万元、B项目200万元': the projects a sentence opened by 其中 names, each before
    its own amount with no verb, share the money the sentence before stated, of its kind (an amount naming no
    project, '其中中央资金500万元', stays a part of that money)."""
    if whole_kind not in ("planned", "executed"):
        return amounts
    return [replace(a, kind=whole_kind) if a.kind is None and len(a.projects) == 1 and not a.total_label else a
            for a in amounts]


def _below_the_budget(project: Project, amount: Amount) -> bool:
    """Is the amount less than the budget already read for the project (so that a 其中 before it makes it a part)?"""
    planned = project.budget.planned
    value = amount.mention.value
    return planned is not None and planned.value is not None and value is not None and value < planned.value


def money_in(text: str) -> bool:
    """Does the text state any amount of money?"""
    return bool(money(text))


def extract_funds(sentences: list[Sentence], names: list[tuple[str, list[str]]],
                  projects: dict[str, Project], parts: set[str] | None = None,
                  received: Received | None = None, year: int | None = None,
                  text_year: int | None = None) -> list[FundTotal]:
    """Fill each project's budget from the money sentences; return the stated totals.

    An amount given for one of `parts` (a source or component, see `part_names`) is not the budget of
    the project the sentence is about, wherever the report names that part. The money each project is said
    to have received goes to `received`, for `received_as_budget` once every other reader has had its say.
    Money said of another year than the report's `year` ('2022年下达…' in a report on 2023, '自2018年以来累计
    发放…') is no project's where the report states that kind of money by its own year's name. A works' whole
    investment said of a year before the report's (`year`, else the year its text names most, `text_year`) is
    never its budget.
    """
    only = next(iter(projects)) if len(projects) == 1 else None
    spellings = {name: [name, *aliases] for name, aliases in names}
    totals: list[FundTotal] = []
    kept = Kept()
    recent: dict[int, str] = {}  # paragraph → the one project its previous sentence named ('该项目…')
    spent_in_full: dict[str, Sentence] = {}  # project → '已全部支付到位' said without an amount
    said_in_full: list[tuple[str, Sentence]] = []  # (project, sentence) of every such saying
    rate_named: dict[str, bool] = {}  # project → its printed rate came from a sentence naming it
    stated: dict[str, Stated] = {}  # project → every budget its prose states, and the wholes it breaks down
    previous_kind: str | None = None
    listing: tuple[object, str | None] | None = None  # (paragraph, kind) of a list being gone through
    parts_kind: tuple[object, str | None] | None = None  # (paragraph, kind) of a 其中 sentence's named parts
    listed: dict[int, list[tuple[str, str]]] = {}  # paragraph → (project, kind) of each item's own amount
    last_items: list[tuple[str, str]] = []  # the items of the last paragraph that listed any
    left_by_change: dict[str, Decimal] = {}  # project → the budget a cut or an addition to it leaves
    further: dict[str, list[tuple[Amount, Sentence]]] = {}  # project → amounts said with no verb ('上级补助…')
    arrived: Received = received if received is not None else {}  # project → the money it says it received
    years = YearsSaid(year)  # the figures said of another year than the report's, and of its own
    previous: Sentence | None = None
    run: DatedRun | None = None  # the payments on days of their own said so far, one a sentence
    item_paragraphs = listed_item_paragraphs(sentences)  # the paragraphs that are one listed item each
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
        if listing is None and previous is not None and previous.para is s.para and PARTS_OPEN.match(s.text):
            parts_kind = (s.para, previous_kind)
        elif parts_kind is not None and (parts_kind[0] is not s.para
                                         or s.para.text[:s.start].rstrip()[-1:] not in "；;"):
            parts_kind = None  # (the 其中 list goes on only in its paragraph's sentences after a '；')
        if parts_kind is not None:
            amounts = _named_parts(amounts, parts_kind[1])
        previous = s
        previous_kind = next((a.kind for a in reversed(amounts) if a.kind), None)
        goes_on = LIST_GOES_ON.search(s.text) if listing is None else None
        if goes_on is not None:
            # '下达预算资金9378万元，具体为：A 3005万元；B 1235万元；…': the list the sentence opened goes on in
            # the sentences after its '；', on the verb it was announced with
            listing = (s.para, _list_kind(amounts, goes_on.start(), previous_kind))
        first = money(s.text)
        if first and not named_here and names_spending_category(s.text[:first[0].start]):
            continue  # '“三公”经费：预算数10万元，决算数8万元': the money of a kind of spending, not of the project
        if context and not named_here and first and is_department(projects[context]) \
                and other_item(s.text, first[0].start, context):
            continue  # '1.办公楼维修项目，预算80万元，支出80万元；': a listed project's money, not the department's
        if context and not named_here and first and component_item(s, context, item_paragraphs):
            continue  # '1.A实训楼工程…计划总投资2772.2万元；2.B宿舍工程…': a listed works' money, not the project's
        # (a sentence listing two or more payments, '支付X服务费105万元，支付Y补贴9万元，Z费用4.5万元，合计118.5万元':
        # each is a part of the spending, which only its 合计 states)
        paid_parts = sum(1 for a in amounts if a.kind == "executed"
                         and PAYMENT.search(CLAUSE_END.split(a.gap)[-1])) >= 2
        holding = False  # going through the parts a 包含/包括 clause lists
        in_parts = False  # going through the parts a 其中 clause lists
        note_wholes(amounts, sentence_evidence(s), context, stated)
        paragraph_items = listed.setdefault(id(s.para), [])
        if not paragraph_items and s.start == 0 and _LOOKS_BACK.match(s.text):
            paragraph_items = last_items  # ('以上…合计' opening the paragraph after the list)
        for n, amount in enumerate(amounts):
            if amount.kind is None and n == 0 and (
                    (only is not None and names_only_the_project(amount.gap, only))
                    or (len(amount.projects) == 1 and names_only_the_item(amount.gap, spellings[amount.projects[0]]))):
                # ('2022年X专项经费7177.5万元，全面保障了…': its money; so is a listed project's, '1、A费5万元，
                # 主要用于…')
                amount = replace(amount, kind="planned")
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
            clause = CLAUSE_END.split(amount.gap)[-1]
            # ('该项目总投资额为3.8亿元' in a report on the fund a works drew, '直达资金2300万元…': the works' whole
            # cost, of which the fund is a part, never the fund's own share)
            own_share = len(targets) == 1 and names_own_fund(clause, amount.after, projects[targets[0]]) and not (
                INVESTMENT.search(clause) and _FUND_NAME_END.search(targets[0]))
            if own_share and amount.kind is None and n and amounts[n - 1].kind == "planned":
                amount = replace(amount, kind="planned")  # ('资金800万元，其中180万元用于X项目': the project's part)
            if len(targets) == 1 and not amount.projects and (amount.kind is None or (
                    n and amount.kind == "planned" and money_kind(clause) is None)):
                # (a source said with no verb, or with the verb of the source before it: '省级下达36万元，县级配套
                # 资金12万元'; `sources_summed` adds them where the printed rate says so)
                further.setdefault(targets[0], []).append((amount, s))
            if len(targets) != 1 or amount.kind in (None, "adjusted"):
                continue
            if not amount.projects and work_named_after(amount.after) and (
                    is_department(projects[targets[0]]) or sum(bool(work_named_after(a.after)) for a in amounts) >= 2):
                # ('下达860万元专项实施东干渠除险加固工程': a project's money, not the department's; '投入42万元建设
                # A项目，投入18万元建设B项目': the items' money, not the fund's)
                continue
            if paid_parts and amount.kind == "executed" and not amount.total_label and not amount.projects:
                continue
            part_of_budget = amount.kind == "planned" and _below_the_budget(projects[targets[0]], amount)
            if not amount.projects and (n or part_of_budget) \
                    and PART_CLAUSE.match(clause) and not own_share and not _own_year_part(clause, year):
                # (or of the budget a sentence before stated: '批复资金350万元。…资金统筹安排使用，其中人员费用
                # 207.33万元，公用支出142.67万元'; money that reached its recipients, '其中18家企业共152万元已全部到位',
                # is spending, no part of the budget)
                in_parts = True
                continue  # a component of the amount stated before it, not the project's own budget or spending
            if not amount.projects and n and USES_OPEN.match(amount.gap):
                continue  # ('专项资金200万元的具体用途:①A尾款43.96万元': a use of the amount before it, no budget)
            if in_parts and not amount.projects and "。" not in amount.gap and (
                    money_kind(amount.gap) is None or CATEGORY_SPENDING.fullmatch(clause.strip())):
                # ('其中东村30万元，西村50万元': the parts go on, each with no verb of its own; '…，公用支出142.67万元':
                # or a budget category's name, no spending verb)
                continue
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
            budget = projects[targets[0]].budget
            if amount.kind == "planned" and not amount.projects and _LEVEL_SHARE.search(clause) \
                    and STATED_THEN_ARRIVED.match(amount.after) and (budget.initial or budget.planned):
                continue  # ('年初预算58万元…省级补助30万元已全部到位': a level's share of the budget stated before)
            if amount.kind == "arrived":
                arrived.setdefault(targets[0], []).append((amount, s))
                continue  # (money received: the budget only where the report states none, `_arrived_as_budget`)
            paired = any(other.kind == "planned" for other in amounts)
            said_year = money_year(s.text, amount.mention.start, names, year) if year is not None else None
            project = projects[targets[0]]
            report_year = year or text_year
            history_year = money_year(s.text, amount.mention.start, names, report_year) if report_year else None
            if amount.kind == "planned" and history_year is not None and report_year is not None \
                    and history_year < report_year and INVESTMENT.search(clause):
                continue  # ('体育场于2013年建成，投资总额1631万元': a works' history, what an earlier year built)
            other_works = work_named_after(amount.after.lstrip(" ,，")) if amount.kind == "planned" else None
            invested = bool(INVESTMENT.search(clause)) or clause.rstrip().endswith("投资")
            if other_works and invested and not amount.projects \
                    and not any(same_project(other_works, n) for n in (project.name, *project.aliases)):
                continue  # ('投资130万元，实施了看台升级改造项目' in a report on a fund: another works' investment)
            if amount.kind in ("planned", "executed") and not years.admits(project, amount.kind, said_year, kept):
                continue  # ('2022年下达…210万元' where the report names its own year's allotment)
            before = getattr(project.budget, amount.kind, None)
            set_budget(project, amount, s, kept, paired, stated.setdefault(targets[0], Stated()),
                       own_share, of_the_year=said_year is not None and said_year == year)
            if amount.kind in ("planned", "executed"):
                years.kept(project, amount.kind, said_year, before)
            if amount.kind == "planned" and (STATED_THEN_SPENT.match(amount.after) or ALL_USED_FOR.match(amount.after)):
                spent_in_full.setdefault(targets[0], s)
        if context and len(amounts) >= 3 and amounts[0].kind == "planned" and "其中" in amounts[1].gap \
                and _PARTS_ALL_PAID.match(amounts[-1].after):
            # ('下达资金2300万元，…其中一类费2156.79万元，二类费143.21万元，两项均已在2020年支付到位': the parts of
            # the budget all paid, the whole spent)
            spent_in_full.setdefault(context, s)
        items = itemised_spending(amounts) or dated_payments(amounts)
        target = context if len(named_here) <= 1 and not any(a.projects for a in items) else None
        # (payments on days of their own, one a sentence after '；': their sum, as in one sentence)
        run = dated_run(run, s, amounts, context if len(named_here) <= 1 else None, projects)
        if items and target and all(a.mention.value is not None for a in items):
            set_itemised(projects[target], items, s)
        uses = split_into_uses(amounts)
        if uses and context and not named_here and all(a.mention.value is not None for a in uses):
            set_split_budget(projects[context], uses, s)
        printed_rate(s, names, projects, context, rate_named)
        not_spent(s, names, projects)
        balance_words(s, names, projects, context)
        # (the projects every paragraph before gave money of their own, which '上述资金' outside any one project's
        # part points back at)
        looked_back = list(dict.fromkeys(name for items in listed.values() for name, _ in items))
        if not amounts and s.project is None and len(looked_back) >= 2 and _LOOKS_BACK.match(s.text) \
                and _ALL_SPENT.search(s.text) and not NOT_SPENT.search(s.text):
            # ('上述资金已全部拨付到位，并已全部投入项目' after a list of the projects' money: each spent in full)
            for name in looked_back:
                spent_in_full.setdefault(name, s)
        elif context and not amounts and _ALL_USED.match(s.text) and not NOT_SPENT.search(s.text):
            spent_in_full.setdefault(context, s)  # ('资金全部用于减免学生学费': the project's money, all of it used)
        elif context and not amounts and _ALL_SPENT.search(s.text) and not NOT_SPENT.search(s.text):
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


#: a rate of arrival below the whole ('到位率66.7%', '资金到位率为80%')
_PART_ARRIVED = lazy_compile(r"到位率\s*(?:为|达|是)?\s*(?:[1-9]\d?(?:\.\d+)?|0(?:\.\d+)?)\s*[%％]")


#: project → the amounts of money it is said to have received ('实际到位资金613万元'), with their sentences
Received = dict[str, list[tuple[Amount, Sentence]]]


def received_as_budget(projects: dict[str, Project], received: Received) -> None:
    """'2017年区域协作经费市级财政实际到位资金613万元' in a report that states no budget, in prose or table: the
    money the project received in the year is the money it had to spend, its budget. Only one figure received
    (said once or restated) stands so: receipts of several figures are instalments or levels, none the whole."""
    for name, amounts in received.items():
        project = projects.get(name)
        if project is None or project.budget.planned is not None or len({a.mention.value for a, _ in amounts}) != 1:
            continue
        if any(_PART_ARRIVED.search(s.text) for _, s in amounts):
            continue  # ('到位资金20万元，资金到位率66.7%': a part of the budget arrived, not the whole)
        if any("收入" in CLAUSE_END.split(a.gap)[-1] for a, _ in amounts):
            continue  # ('收入合计1856.23万元': a body's income in its accounts, not the money it was given to spend)
        amount, s = amounts[0]
        if amount.mention.value is not None and not amount.mention.approx:
            set_budget(project, replace(amount, kind="planned"), s, Kept())


def _spent_in_full(project: Project, s: Sentence) -> None:
    """'资金…已全部支付到位' with no amount: the whole budget was spent (executed = planned)."""
    budget = project.budget
    if budget.executed is None and budget.planned is not None:
        budget.executed = budget.planned.model_copy(update={"evidence": [sentence_evidence(s)]})


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
