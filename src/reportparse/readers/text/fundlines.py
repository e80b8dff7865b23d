"""The line where a 自评表's 项目资金 block opens in a text dump: from there on the text reader leaves the lines as
lines (no goal table cut out of the form's indicator rows), for the form parser to rebuild the whole form
(parse/form/text). Split out of `blocks`."""

from __future__ import annotations

import re
from functools import cache

from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import lexicon

#: The 项目资金 block of a 自评表: once seen, the lines that follow are a form flattened into
#: text, which the form parser rebuilds itself (parse/form/text); they stay lines here.
_FUND_BLOCK_WORDS = ("年初预算数", "全年预算数", "全年执行数")


#: A line that opens with a fund block's total-row label in any province's wording (年度财政资金总额,
#: 项目资金总额, 年度预算资金总额): the row's label, a cell of its own in a dump one cell a line.
_FUND_TOTAL_LABEL = lazy_compile(r"^\s*(?:年度|项目)?(?:财政|预算)?资金总额")


#: A form that prints its money as label | amount pairs ('转移支付预算数(A) 5.8万 预算执行率(B/A) 100%',
#: '预算数 120 执行数 118'): a 预算数 cell, a gap, then its amount. (A sentence's '预算数120万元，' has no gap
#: and its commas; a line with sentence marks is prose.)
_FUND_FIELD = lazy_compile(r"(?:^|[ \t\u3000])[^\s，。；]{0,8}预算数(?:[(（][^()（）\s]{1,4}[)）])?[ \t\u3000]+\d")
_SENTENCE = lazy_compile(r"[，。；]")


#: Longest line that is a form's row of amount fields (a paragraph of prose runs longer).
_MAX_FIELD_LINE = 80


def opens_fund_block(text: str, below: str = "") -> bool:
    """年度资金总额 (or a line opening with another total-row label), 项目资金 followed later on
    the line by a budget column's name, or a 预算数 field with its amount beside an 执行 field (on the
    line or the next: '转移支付预算数(A) 5.8万 预算执行率(B/A) 100%' over '转移支付执行数(B) 5.8万').

    Plain `str.find`s: the pattern `项目资金.*(?:…)` retried `.*` from every 项目资金 of a long
    line, quadratic in the line's length.
    """
    if "年度资金总额" in text or _FUND_TOTAL_LABEL.match(text):
        return True
    first = text.find("项目资金")
    if first >= 0 and any(text.find(word, first + len("项目资金")) >= 0 for word in _FUND_BLOCK_WORDS):
        return True
    if _block_header(text):
        return True
    if "预算数" not in text or len(text) > _MAX_FIELD_LINE or _SENTENCE.search(text):
        return False
    return bool(_FUND_FIELD.search(text)) and ("执行" in text.split("预算数", 1)[1] or "执行" in below)


#: The label table's roles of a 项目资金 block's column words: the budget, the spending, the other columns.
_BUDGET_ROLE, _EXECUTED_ROLE = "budget.header_budget", "budget.header_executed"
_OTHER_ROLES = ("budget.initial", "budget.weight", "budget.rate", "budget.score")


@cache
def _roles() -> dict[str, tuple[re.Pattern[str], ...]]:
    """The patterns of the block's label and column roles (`form_labels.json`), compiled once."""
    table = lexicon("form_labels.json")
    names = ("form.budget_block", _BUDGET_ROLE, _EXECUTED_ROLE, *_OTHER_ROLES)
    return {name: tuple(re.compile(p) for p in table[name]["patterns"]) for name in names}


def _plays(role: str, token: str) -> bool:
    return any(p.search(token) for p in _roles()[role])


#: A token that is a figure: an amount, a rate or a score.
_FIGURE_TOKEN = lazy_compile(r"\d[\d.,]*[%％]?(?:万元|元)?")


def _block_header(text: str) -> bool:
    """A 项目资金 block's header line under any block label ('部门预算执行情况（万元） 年度预算数 全年执行数 执行率'),
    or with none ('年初预算数 全年预算数 全年执行数 分值 执行率 得分': every token a column word): a budget and a
    spending column among its words. (A summary table's header opens with its 序号 or 项目名称, no block label.)"""
    if _SENTENCE.search(text):
        return False
    tokens = text.split()
    if len(tokens) < 2 or any(_FIGURE_TOKEN.fullmatch(t) for t in tokens):
        return False  # (a row of label | amount pairs, '预算数: 2.38 执行数: 2.38', is no header: its fields are read
        # where the reader's tables keep them)
    labelled = any(p.match(tokens[0]) for p in _roles()["form.budget_block"])
    columns = tokens[1:] if labelled else tokens
    if not labelled and not all(any(_plays(r, t) for r in (_BUDGET_ROLE, _EXECUTED_ROLE, *_OTHER_ROLES))
                                for t in columns):
        return False
    return any(_plays(_BUDGET_ROLE, t) for t in columns) and any(_plays(_EXECUTED_ROLE, t) for t in columns)
