"""Project names that a narrative report's tables list: a 项目名称 | X information pair, or a header row
whose 项目名称 heads a column of names ('项目名称 | 债券性质 | 已发债券规模 | 自评分数')."""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.model import Table
from reportparse.parse.layout import Layout
from reportparse.parse.names import valid_candidate
from reportparse.summarycolumns import summary_header, whole_rows

#: a cell holding both the label and the name
#: '项目名称:X' in one cell, or '项目名称    X' (a cover's label and value set apart by spaces, not a colon); a
#: scoring sheet names the project it scores as its 评价项目 ('评价单位:X镇 | 评价项目:Y补贴 | 评价人员:')
_NAMED_CELL = lazy_compile(r"^(?:项目名称|评价项目(?:名称)?)(?:\s*[:：]\s*|[ \t\u3000]{2,})(?P<name>[^:：\s]{3,60})$")

#: the label alone in its cell, the name in the next one
_NAME_LABEL = lazy_compile(r"^(?:项目名称|评价项目(?:名称)?)[:：]?$")


#: the title of a table's column (what a header row holds beside 项目名称), not a project's name
COLUMN_TITLE = lazy_compile(
    r"^[^，。；;,]{0,16}(?:性质|规模|分数|等级|金额|得分|分值|类型|类别|备注|序号|预算数|执行数|执行率|状态|时间|日期|来源"
    r"|内容|结果|数量|单位)$"
)


def column_names(table: Table, r: int, i: int, figures: tuple[int, ...] = (), cut: bool = False) -> list[str]:
    """The names under a header row's 项目名称 (row r, column i), down to a total row; where the document ends
    in the table (`cut`), without a last row an excerpt cut off before the `figures` columns."""
    out: list[str] = []
    for row in whole_rows(table.rows[r + 1:], figures, i) if cut else table.rows[r + 1:]:
        text = row[i].text.strip() if i < len(row) else ""
        if re.match(r"^(?:合计|总计|小计|共计)", re.sub(r"\s+", "", text)):
            break
        if text and valid_candidate(text):
            out.append(text)
    return out


def table_names(layout: Layout) -> list[str]:
    """项目名称 cells of information tables: the name is the next non-empty cell to the right, or, when
    项目名称 heads a column ('项目名称 | 债券性质 | 规模 | 自评分数'), every cell under it."""
    out: list[str] = []
    for _, table in layout.tables:
        for r, row in enumerate(table.rows):
            listed = summary_header([c.text for c in row])
            if listed is not None:
                figures = tuple(col for role, col in listed.items() if role != "name")
                # (a summary table's name column)
                out.extend(column_names(table, r, listed["name"], figures, layout.ends_with(table)))
                break
            header = [c.text.strip() for c in row if c.text.strip()]
            if "项目名称" in [re.sub(r"\s+", "", t) for t in header] and len(header) >= 3 and all(
                    COLUMN_TITLE.search(t) for t in header if re.sub(r"\s+", "", t) != "项目名称"):
                i = next(k for k, c in enumerate(row) if re.sub(r"\s+", "", c.text) == "项目名称")
                titled = tuple(k for k, c in enumerate(row) if k != i and c.text.strip())
                out.extend(column_names(table, r, i, titled, layout.ends_with(table)))
                break
            for i, cell in enumerate(row):
                inline = _NAMED_CELL.match(cell.text.strip())
                if inline and valid_candidate(inline.group("name")):
                    out.append(inline.group("name"))  # '项目名称:X' written in one (merged) cell
                    break
                if not _NAME_LABEL.match(re.sub(r"\s+", "", cell.text)):
                    continue
                right = [c.text.strip() for c in row[i + 1:] if c.text.strip() and c.text.strip() != cell.text.strip()]
                if right and not re.search(r"指标|目标|预算|执行|金额|单位|部门|年度|名称", right[0]):
                    out.append(right[0])  # (not a header row whose next cell is another column title)
    return out
