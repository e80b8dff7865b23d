"""What money sentences say of a project's money besides its amounts: the execution rate they print (执行率),
nothing spent (未列支), and where a balance went or why money is not paid yet (结余/结转/交回, 尚未完工).

`parse/funds` calls these on every sentence after it has read the sentence's amounts.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import lexicon
from reportparse.model import BudgetFigure, Project, Quantity
from reportparse.parse.amounts import CLAUSE_END, NOT_SPENT
from reportparse.parse.evidence import Sentence, sentence_evidence
from reportparse.parse.projectmentions import find_mentions
from reportparse.parse.quantities import money

#: the printed execution rate; 衔接资金 reports call it 支付率 or 支出率 ('未支付703万元，支付率95%'), others 支出进度
#: (not 拨付率: '资金拨付率100%' is money passed on to the builder, not spent)
#: ('资金使用率95%': the money's own rate, not a facility's 使用率; not 兑付率 either, a subsidy paid on the
#: claims checked, '录入核查多少就结算多少…资金兑付率100%', whatever part of the budget that was)
_RATE = lazy_compile(r"(?:(?:执行|支付|支出)率|(?:资金|预算|经费)使用率|(?:支出|执行|支付)进度)"
                     r"\s*(?:为|达到|达|是|:|：)?\s*(\d+(?:\.\d+)?)\s*[%％]")
#: a rate named by the verb of passing money on (拨付率, 拨付进度, 拨付比例): the printed execution rate only
#: where the same sentence states the money passed on with that verb ('已拨付66.86万元，资金拨付进度100%'); alone,
#: a 拨付率 may be the builder's share passed on, not spending of the budget (兑付率 and 发放率 stay out: a
#: subsidy's rate of the claims or the recipients, whatever part of the budget that was)
_PAID_RATE = lazy_compile(r"拨付(?:率|进度|比例)\s*(?:为|达到|达|是|:|：)?\s*(\d+(?:\.\d+)?)\s*[%％]")
#: a rate's label that names the money received as its base ('到位资金支付率', '资金到位后执行率')
_OF_ARRIVED = lazy_compile(r"到位(?:资金|后)?(?:的)?\s*$")
_BALANCE = lazy_compile(r"结余|结转|交回|退回|收回|上缴|缴回|退还|盈余"
                      r"|余款|(?:安排|留|留作|用于)(?:到)?下(?:一)?年(?:度)?"  # ('余款安排下年支出')
                      # (money kept for a later year's use, '留作我校2022年…经费继续使用', '留待明年发放',
                      # '…资金下年度继续使用': where the rest goes, said without 结转)
                      r"|留作|留待|(?:资金|经费|余额|余款|结余)[^，,。；;]{0,24}?继续(?:使用|用于|发放|支付)"
                      # ('未执行完的主要原因是…，将作为我校2022年…经费使用': the report says why and where to)
                      r"|未(?:执行|支出|使用|支付)完?的(?:主要)?原因")
#: money carried IN from earlier years, a source of this year's money ('上年结转结余项目资金24.05万元',
#: '以前年度结余资金'): it says nothing of where this year's balance goes, so it is left out before `_BALANCE`
_CARRIED_IN = lazy_compile(r"(?:上年度?|上一年度?|以前年度|往年|历年|年初)(?:的)?(?:结转|结余|滚存)"
                           r"(?:和|及|与|、)?(?:结转|结余)?")
#: a heading that only names the topic ('（四）其他资金收支及结转结余使用情况', '3.结余资金说明'): the words of a
#: balance in it say nothing of where the money went; the text under it may
_TOPIC_HEADING = lazy_compile(r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?[^，,。；;:：\d]{0,40}?"
                              r"(?:情况|说明|分析)[:：。]?\s*")
#: a sentence about the balances of all the projects a report listed, naming none of them ('以上项目结余资金…',
#: '各项目未支出资金…', '未使用的资金结转下年')
_COLLECTIVE = lazy_compile(r"以上|上述|各(?:个)?项目|所有项目|全部项目|未(?:支出|使用|执行)(?:完)?的?(?:资金|经费)"
                           r"|(?:结余|剩余|节余)(?:的)?(?:资金|经费)")
#: unspent money waiting for unfinished work, an audit or the end of a warranty (质保金): the report
#: says why it is not paid yet
#: the money left, then when it will be paid ('剩余5万元将于2024年3月验收后支付', '未支付的5万元计划在一季度拨付')
DEFERRED_PAYMENT = (r"(?:剩余|余下|余款|尾款|未(?:支付|拨付|使用|支出|发放)(?:的|部分)?)[^。；;]{0,30}?"
                    r"(?:将|拟|计划|待)(?:于|在)?[^，,。；;]{0,14}?(?:支付|拨付|发放|兑付)")
_IN_PROGRESS = lazy_compile(
    r"(?:尚未|还未|暂未|未)(?:完工|竣工|完成建设|开工|验收|审计|结算|决算)|[按依](?:照)?(?:合同|工程)进度(?:已)?(?:付款|支付|拨付)"
    # (a subsidy not yet paid out, or the works' money not yet paid: why money is left, '剩余资金…暂未拨付')
    r"|(?:尚未|还未|暂未|未)(?:及时|按时)?(?:发放|兑付|拨付|支付)"
    r"|质保金|质量保证金|待(?:审计|结算|决算)"  # (held until the audit, or as a warranty retention)
    # (the rest paid later, with when: '剩余5万元将于2024年3月验收后支付', '尾款待竣工结算后支付')
    r"|" + DEFERRED_PAYMENT
)


def not_spent(s: Sentence, names: list[tuple[str, list[str]]], projects: dict[str, Project]) -> None:
    """'X因项目暂停实施未列支': X executed nothing (0, quoted), unless an amount says otherwise."""
    for clause in CLAUSE_END.split(s.text):
        m = NOT_SPENT.search(clause)
        if not m or money(clause):
            continue
        for _, _, name in find_mentions(clause[:m.start()], names):
            budget = projects[name].budget
            if budget.executed is None:
                budget.executed = Quantity(raw=m.group(0), value=Decimal(0), unit="元",
                                           evidence=[sentence_evidence(s)])


def named_here(text: str, names: list[tuple[str, list[str]]], project: str) -> bool:
    """Does the text name this project (by its name or an alias)?"""
    return any(name == project for _, _, name in find_mentions(text, names))


def _paid_rates(text: str) -> list[re.Match[str]]:
    """The 拨付 rates of a sentence that also states, with the same verb, the amount passed on."""
    return [m for m in _PAID_RATE.finditer(text)
            if re.search(r"拨付[^，,。；;%％]{0,8}?\d+(?:\.\d+)?\s*(?:万|亿)?元", text[:m.start()])]


def printed_rate(s: Sentence, names: list[tuple[str, list[str]]], projects: dict[str, Project],
                 context: str | None, rate_named: dict[str, bool]) -> None:
    """执行率 as printed: '预算执行率为 97.06%' → Budget.printed_rate of the sentence's project."""
    # '中央资金完成636.75万元,预算执行率81.97%,省级资金完成288.26万元,预算执行率99.28%': several rates in
    # one sentence are the rates of its parts; one belongs to a project only where its own clause names it
    rates = [*_RATE.finditer(s.text), *_paid_rates(s.text)]
    several = len({m.group(1) for m in rates}) >= 2
    for m in rates:
        clause = CLAUSE_END.split(s.text[:m.start()])[-1]
        if _OF_ARRIVED.search(clause):
            continue  # '到位资金支付率95%': spending over the money that arrived, not over the budget
        own = {n for _, _, n in find_mentions(clause, names)}
        if several and not own:
            # ('X已及时划拨给传承人，资金使用率100%；Y项目资金使用334896元，资金使用率83.72%': the rate of the
            # one project its part of the sentence, up to '；', names)
            part = {n for _, _, n in find_mentions(re.split(r"[；;]", s.text[:m.start()])[-1], names)}
            own = part if len(part) == 1 else own
        if several and not own:
            continue
        named = own or {n for _, _, n in find_mentions(s.text, names)}
        target = named.pop() if len(named) == 1 else context
        if target is None:
            continue
        # a rate whose sentence names its project replaces one the project got only as the sentence's
        # context: '…传承人补助-竹编已划拨给传承人，资金使用率100%；薅草锣鼓项目资金使用334896元，资金使用率
        # 83.72%' gives the first rate to a recipient the reader knows no project for
        by_name = bool(own or named_here(s.text, names, target))
        if projects[target].budget.printed_rate is not None and (not by_name or rate_named.get(target)):
            if not several:
                _restated_rate(projects[target], Decimal(m.group(1)), m.group(0), s.text[:m.start()], s)
            continue
        rate_named[target] = by_name
        value = Decimal(m.group(1))
        projects[target].budget.printed_rate = Quantity(raw=m.group(0), value=value, unit="%",
                                                        evidence=[sentence_evidence(s)])


#: an item of a list of parts ('①森林防火…，资金执行率30.88%', '④…没有支付，资金执行率为0%')
_LIST_ITEM = lazy_compile(r"\s*[①-⑳]")


@cache
def _part_or_interim() -> re.Pattern[str]:
    data = lexicon("rate_restated.json")
    return re.compile("|".join(re.escape(w) for w in data["part_or_interim"]))


def _restated_rate(project: Project, value: Decimal, raw: str, before: str, s: Sentence) -> None:
    """A second 执行率 of the project, with another value than the one it has: a restatement the checks judge
    (checks/figures.py), where its sentence does not make it a part's rate or another time's before it
    ('中央资金执行率100%', '截至9月底，执行率60%')."""
    budget = project.budget
    first = budget.printed_rate
    if first is None or first.value == value or _part_or_interim().search(before) or _LIST_ITEM.match(s.text):
        return
    # (a rate beside money is the rate of that money: '其他资金预算2.364万元，执行数2.364万元，执行率100%' is a
    # part's, unless the money is the project's own budget or spending)
    own = {q.value for q in (budget.planned, budget.executed) if q is not None and q.value is not None}
    amounts = [a.value for a in money(before) if a.value is not None]
    if amounts and not own & set(amounts):
        return
    if any(r.figure == "printed_rate" and r.quantity.value == value for r in budget.restatements):
        return
    budget.restatements.append(BudgetFigure(figure="printed_rate", quantity=Quantity(
        raw=raw, value=value, unit="%", evidence=[sentence_evidence(s)])))


def balance_words(s: Sentence, names: list[tuple[str, list[str]]], projects: dict[str, Project],
                  context: str | None) -> None:
    """A clause naming a project together with 结余/结转/交回 … explains where its balance went;
    so does such a sentence inside a project's own part (or about the project just named). Work not
    finished ('项目尚未完工', '依合同进度已付款') explains why the rest is not paid yet."""
    if _TOPIC_HEADING.fullmatch(s.text):
        return
    text = _CARRIED_IN.sub(lambda m: "　" * len(m.group()), s.text)  # (one blank a character: clauses align)
    if not (_BALANCE.search(text) or _IN_PROGRESS.search(text)):
        return
    mentioned = {n for _, _, n in find_mentions(s.text, names)}
    # (a sentence about that project alone that says where its money went: '…支出80万元，余款安排下年支出')
    if context and (not mentioned or (mentioned == {context} and _BALANCE.search(text))):
        projects[context].budget.balance_explained = True
        return
    if not context and not mentioned and _BALANCE.search(text) and _COLLECTIVE.search(s.text):
        # '以上项目结余资金11.5万元已全部交回县财政' after a list of projects: said of every one of them
        for project in projects.values():
            project.budget.balance_explained = True
        return
    for clause, printed in zip(CLAUSE_END.split(text), CLAUSE_END.split(s.text), strict=False):
        if _BALANCE.search(clause) or _IN_PROGRESS.search(clause):
            for _, _, name in find_mentions(printed, names):
                projects[name].budget.balance_explained = True
