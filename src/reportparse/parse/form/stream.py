"""A `|` form whose line breaks are not its row breaks: read its cells as one stream.

A web page's text of a form with merged cells can keep every cell in reading order, each ended by
`|`, but break the lines wherever the page's layout did, so one line holds the end of one row and
the start of the next:

    | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |
    | 387664.62 | 387664.62 | 10 | 100% | 10 | 其中:当年财政 拨款 |
    | — | 年度 总体 目标 | 预期目标 | 实际完成情况 | … | 绩效指标 | 年度指标值 | … | 产出指标 | 数量指标 | …

Read as lines, such a dump gives tables whose rows mix blocks. Such a form is recognised by rows
that hold a block's opening label after cells of another block (a fund-row label after figures, the
年度总体目标 label in one row with the indicator header), and then its cells are taken in order as
one stream and cut into rows by the form's structure (`oneline`), like a form flattened onto one line.
"""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Document, Line, Paragraph, Table
from reportparse.parse.form import oneline, values
from reportparse.parse.form.grid import squash
from reportparse.parse.form.hanzi import to_simplified

#: Fewest rows mixing two blocks for the whole `|` dump to be read as a stream.
_MIN_MIXED_ROWS = 2
_SPACE = lazy_compile(r"[\s\u3000\u00a0]+")


def stream_lines(document: Document) -> list[Line]:
    """The rows of a `|` form whose lines break its rows at random, cut from its cell stream; []
    when the document's tables keep their rows (or it has none from `|` text)."""
    tables = [e for e in document.tables if _from_pipes(e)]
    mixed = sum(_mixes_blocks([squash(c.text) for c in _own_cells(row)]) for table in tables for row in table.rows)
    # (or the whole form on one '|' line: one row of the table holds every block, '项目名称|X|主管部门|…|总分|100|98|')
    whole = any(oneline.is_whole_form([c.text for c in row if c.text.strip()])
                for table in tables for row in table.rows)
    if mixed < _MIN_MIXED_ROWS and not whole:
        return []
    cells: list[tuple[str, int, int | None]] = []  # text, page, line
    for element in document.elements:
        if isinstance(element, Table):
            cells.extend((_clean(c.text), c.page, c.line) for row in element.rows for c in row if c.text.strip()
                         and not c.merged)
        elif isinstance(element, Paragraph):
            parts = re.split(r"[|｜]", element.text)
            cells.extend((_clean(part), element.page, None) for part in parts if part.strip())
    if not cells:
        return []
    tokens = [text for text, _, _ in cells]
    first_page, first_line = cells[0][1], next((line for _, _, line in cells if line is not None), None)
    return oneline.cut_lines(tokens, first_page, first_line)


def _own_cells(row: list[Cell]) -> list[Cell]:
    """The cells a row printed: not the level labels the text reader filled down into it from a row
    above (they keep that row's line)."""
    line = next((cell.line for cell in row if not cell.merged and cell.text.strip()), None)
    return [cell for cell in row if not cell.merged or cell.line == line]


def _from_pipes(table: Table) -> bool:
    """A table the text reader made of `|` rows (its cells know their line)."""
    return any(cell.line is not None for row in table.rows[:3] for cell in row)


def _clean(text: str) -> str:
    """A cell's text with its layout spaces removed ('其中:当年财政 拨款' → '其中:当年财政拨款')."""
    return _SPACE.sub("", text.strip())


def _mixes_blocks(keys: list[str]) -> bool:
    """A row holding a block's opening label after cells that belong elsewhere: after a figure, or
    after a label of another block."""
    seen_figure = False
    seen_kind = ""
    for key in (to_simplified(k) for k in keys if k):
        kind = oneline.block_of(key)
        if kind and (seen_figure or (seen_kind and kind != seen_kind)):
            return True
        if values.plain_decimal(key.rstrip("%％")) is not None:
            seen_figure = True
        seen_kind = kind or seen_kind
    return False
