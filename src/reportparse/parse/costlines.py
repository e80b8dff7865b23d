"""The lines of how money is spent, which name no project: a body's running-cost categories (三公经费, 会议费), the
account heads of a 决算 statement (事业收入, 上缴上级支出) and cost items (劳务费, 材料费)."""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile

#: a category of a body's running costs (经济分类, the 三公 items), which department reports account for:
#: '“三公”经费：预算数10万元，决算数8万元' speaks of a kind of spending, not a project
SPENDING_CATEGORY = lazy_compile(
    r"(?:三公经费|公务接待费|公务用车(?:购置)?(?:及|和)?(?:运行)?(?:维护)?费|因公出国[（(]?境[)）]?费|机关运行经费"
    r"|会议费|培训费|办公费|差旅费|水电费|邮电费|印刷费)"
)


#: the income and spending lines of a 决算 statement ('对附属单位补助支出0万元', '附属单位上缴收入', '上缴上级支出',
#: '经营支出', '事业收入'): a body's account heads, never a project
_ACCOUNT_HEAD = lazy_compile(
    r"(?:对)?附属单位(?:补助|上缴)(?:支出|收入)?|上缴上级(?:支出)?|经营(?:支出|收入)|事业收入|上级补助(?:收入)?"
    r"|其他收入|(?:一般公共预算|政府性基金预算|国有资本经营预算)?财政拨款(?:收入|支出)|本年(?:收入|支出)(?:合计)?"
)


#: a cost item of two characters and 费 ('劳务费', '宣传费', '材料费'): a line of how money was spent, never a project
_COST_ITEM = lazy_compile(r"[\u4e00-\u9fff][\u4e00-\u9fff](?<!经)费")


def names_spending_line(name: str) -> bool:
    """Is the whole name a line of spending, not a project: a running-cost category, an account head of a 决算
    statement, or a cost item ('劳务费')?"""
    return any(p.fullmatch(name) for p in (SPENDING_CATEGORY, _ACCOUNT_HEAD, _COST_ITEM))
