"""A web page's '|' dump of a table whose rows open with a cell and end in '|' may print a row's empty cells
on lines of their own and break a row after one of its cells:

    清理垃圾成本预算 | = | 4 | 万元 | 4 | 5 |
    |
    | |||
    可持续影响指标 | 机制健全性 | 定性 | 优良中低差 |
    | 优 | 10 |

The lines of pipes alone close the row above (the table goes on under them); a line opening with '|' right
after a row short of the table's widest goes on that row. `padded_rows` puts such a table's rows back before
`delimited.delimited_table` cuts them into cells.
"""

from __future__ import annotations

from dataclasses import replace

from reportparse.lazypattern import lazy_compile
from reportparse.readers.text.delimited import split_delimited
from reportparse.readers.text.lines import PhysLine
from reportparse.readers.text.signals import MIN_COLUMN_WORDS, column_words

#: a line holding only '|' ('|', '| |', '| |||')
_PIPES_ONLY = lazy_compile(r"^[|｜](?:\s*[|｜])*\s*$")
_BARS = ("|", "｜")


def is_padding_line(lines: list[PhysLine], start: int, i: int) -> bool:
    """A line of pipes alone between two rows of the table that opens at `start`, whose rows open with a cell
    and end in '|' (in a bordered table such a line parts two tables: a header from the rows under it)."""
    if i <= start or lines[start].text.lstrip().startswith(_BARS):
        return False
    if not _PIPES_ONLY.match(lines[i].text) or not lines[i - 1].text.rstrip().endswith(_BARS):
        return False
    j = i
    while j < len(lines) and _PIPES_ONLY.match(lines[j].text):
        j += 1
    if j >= len(lines):
        return False
    after = lines[j].text.strip()
    return not after.startswith(_BARS) and after.endswith(_BARS) and split_delimited(after) is not None


def padded_rows(lines: list[PhysLine]) -> list[PhysLine]:
    """The rows of a table whose first row opens with a cell: without its lines of pipes alone, and a row the
    dump broke after a cell joined back (the opening '|' of its second line closing the empty cell between the
    two). A line that would make its row wider than the widest row is a row of its own whose first cell is
    empty ('| | 指标名称 | 12500名 |' under the row that printed its levels). A bordered table is left as it is."""
    if not lines or lines[0].text.lstrip().startswith(_BARS):
        return lines
    rows = [line for line in lines if not _PIPES_ONLY.match(line.text)]
    widest = max((len(split_delimited(line.text) or []) for line in rows if not line.text.lstrip().startswith(_BARS)),
                 default=0)
    # (a header's width: a line that fills it with its opening '|' closing an empty first cell is a row of its own,
    # whatever wider table runs on under this one, '序号 | 学校 | … | 备注 |' nine cells under a goal table's five)
    head = split_delimited(rows[0].text) if rows else None
    header_width = len(head) if head and len(column_words(" ".join(head))) >= MIN_COLUMN_WORDS else 0
    out: list[PhysLine] = []
    for line in rows:
        own = split_delimited(line.text, bordered=False)
        if own is not None and len(own) == header_width:
            out.append(line)
            continue
        if out and line.text.lstrip().startswith(_BARS) and out[-1].text.rstrip().endswith(_BARS):
            joined = out[-1].text.rstrip() + line.text.strip()
            if len(split_delimited(joined) or []) <= widest:
                out[-1] = replace(out[-1], text=joined)
                continue
        out.append(line)
    return out
