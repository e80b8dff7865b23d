"""Labels a one-cell-a-line dump cut over two cells, joined before the grid is rebuilt (`cells`): a column
label ('年初' | '预算数'), a level label ('经济效益' | '指标', '经济效' | '益指标', '服务对象' | '满意度指标'), a
label's unit or printed weight wrapped into a cell of its own ('计划投资额' | '(万元)', '产出指标' | '(50分)').
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.blocks import is_header_label
from reportparse.parse.form.celldump import COLUMN_ROLES, GOAL_ROLES, DumpCell
from reportparse.parse.form.celltexts import is_number
from reportparse.parse.form.grid import squash
from reportparse.parse.form.labels import column_words, matches
from reportparse.parse.form.levellabels import PRINTED_WEIGHT_CELL, label_kind
from reportparse.summarycolumns import GRADE

#: Longest piece of a column label that a dump cut off ('年初' | '预算数', '实际' | '完成值').
_FRAGMENT_MAX = 4
#: Longest piece of a 二级 label cut mid-word ('服务对象满' | '意度指标'): the whole is a level label.
_LEVEL_FRAGMENT_MAX = 6

#: A level's printed weight in a cell of its own, a bracket or 分 lost where the dump broke the
#: cell ('30分)' after '效益指标(', '(50)'); joined only onto a level label before it.
_CUT_WEIGHT_CELL = lazy_compile(r"^(?:[（(]\s*\d+(?:\.\d+)?\s*分?\s*[)）]|[（(]?\s*\d+(?:\.\d+)?\s*分\s*[)）]?)$")


#: A label's unit in brackets that the cell wrapped onto a line of its own ('计划投资额' | '(万元)').
_BRACKETED_UNIT = lazy_compile(r"^[(（](?:万元|元|千元|亿元)[)）]$")



def is_label(text: str) -> bool:
    return any(matches(role, squash(text)) for role in COLUMN_ROLES + GOAL_ROLES) or is_other_column(text)


def is_other_column(text: str) -> bool:
    """A column title of an indicator table that no role reads ('评价标准', '具体指标' of a scoring sheet): a
    cell of the header all the same, which widens it (and no fragment of the label after it)."""
    return squash(text) in column_words()


def join_broken_labels(cells: list[DumpCell]) -> list[DumpCell]:
    """'年初' + '预算数' → '年初预算数'; '经济效益' + '指标' → '经济效益指标': a label cut in two by
    the dump, joined when the first part is no label and the two together are one."""
    out: list[DumpCell] = []
    for cell in cells:
        if out and out[-1].text and cell.text and _joins(out[-1].text, cell.text):
            out[-1] = DumpCell(out[-1].text + cell.text, out[-1].line)
        else:
            out.append(cell)
    return out


#: A yes/no cell ('否' under 是否核心指标): a cell of its own, never the start of the label after it.
_ANSWERS = frozenset({"是", "否", "有", "无"})


def _joins(first: str, second: str) -> bool:
    joined = first + second
    if is_header_label(squash(first)) and is_header_label(squash(joined)):
        return True  # '项目名称' + '（资金名称）': the label's bracketed alternate wrapped in its cell, no value
    if _BRACKETED_UNIT.match(squash(second)):  # '计划投资额' + '(万元)': a label's unit wrapped in its cell
        return not is_number(first) and not _BRACKETED_UNIT.match(squash(first))
    if PRINTED_WEIGHT_CELL.match(squash(second)) or _CUT_WEIGHT_CELL.match(squash(second)):
        return label_kind(first) > 0  # '产出指标' + '(50分)': a weight never stands alone
    if squash(second) == "指标":  # a level or column label never ends a cell with a lone 指标 after it
        return not squash(first).endswith("指标") and (label_kind(joined) > 0 or is_label(joined))
    if not label_kind(first) and not label_kind(second) and label_kind(joined) == 2 and squash(joined).endswith("指标"):
        return len(squash(first)) <= _LEVEL_FRAGMENT_MAX  # '经济效' + '益指标': a 二级 label cut mid-word
    if label_kind(second) == 1 and label_kind(joined) == 2 and not label_kind(first) and not is_number(first):
        return len(squash(first)) <= _FRAGMENT_MAX  # '服务对象' + '满意度指标': a 二级 label cut before its 一级 word
    # a short fragment that is no label and no figure ('年初', '全年', '实际') begins the label after it;
    # a grade word ('优' after 自评等级) is a cell of its own
    if (len(squash(first)) > _FRAGMENT_MAX or is_number(first) or is_label(first) or label_kind(first)
            or GRADE.match(squash(first)) or squash(first) in _ANSWERS or matches("form.task_block", squash(first))
            or matches("indicator.serial", squash(first))):
        return False
    return is_label(joined)
