"""The 部门整体支出绩效评价指标表 (a department-wide indicator system with its scores) flattened into text.

Department-wide evaluations score the department on a shared indicator system laid out as one table:

    一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 评价标准 | 指标说明 | 得分
    投入     | 13   | 预算配置 | 13   | 在职人员控制率 | 5 | 以100%为标准…扣完为止。 | 在职人员控制率=… | 5

(some provinces head the weight columns 得分 too, or write the weight into the label: 相关性(5分)).
A web page or a PDF's text gives the table back with every cell run into the next and the merged
level cells printed once, where their rows begin:

    投入13预算配置13在职人员控制率5以100%为标准。…扣完为止。在职人员控制率=…口径为准。
     5
    “三公经费”变动率8“三公经费”变动率≦0,计8分;…×100% 8

The figures that stand alone (not a percentage, an amount, a count, a deduction rule '扣0.5分' or a
step of a formula) cut the run: a row is a chain of labels, each followed by its weight — one label
(the indicator; the levels above carry on), two (a new 二级 and the indicator) or three (a new 一级
too) — then the text of its rule and explanation, then the score. The table is rebuilt under the
header the page prints, so the form reader reads it as it reads the same table in a DOCX.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Document, Paragraph, Table

#: the column words of the header, as printed (spaces removed; a dump may lose the 一 of 一级指标)
_WEIGHT_WORD = r"(?:分值|权重|指标分值|标准分|得分)"
_TEXT_WORD = r"(?:评价标准|评分标准|指标说明及评分标准|指标说明|指标解释|评价要点|考核要点|评分细则|计分方法|评分办法)"
_HEADER = lazy_compile(
    rf"一?级指标(?P<w1>{_WEIGHT_WORD})?二级指标(?P<w2>{_WEIGHT_WORD})?三级指标(?P<w3>{_WEIGHT_WORD})?"
    rf"(?P<texts>(?:{_TEXT_WORD})*)(?P<score>自评得分|评价得分|得分|评分)")
_TEXT_WORDS = lazy_compile(_TEXT_WORD)

#: a figure standing alone: not part of a number, a formula, a comparison or a list mark, and not
#: followed by a unit ('95.10%', '63.46万元', '136人', '2018年'), a deduction ('扣0.5分') or an operator
_ALONE = lazy_compile(
    r"(?<![\d０-９A-Za-zＱ≤≥≦≧<>＜＞=＝÷×*/+\-—~～（(])"
    r"(?<!\d[.．])"
    r"(?P<n>\d{1,3}(?:\.\d{1,2})?)"
    r"(?![\d.．]|\s*[%％‰分个万元人年月日次户项家所名辆台套件吨亩米天倍期批场、,，;；:：=＝÷×*/+\-—~～）)])"
    # a label's weight run into the 100% its rule opens with ('预算完成率5100%计满分': 5, then 100%计满分), right
    # after the label's last character: read whole, a percentage of a thousand and more
    r"|(?<=[\u4e00-\u9fff”\"])(?P<glued>\d{1,2})(?=100(?:\.0+)?\s*[%％])")
#: a label of the chain: words only (quotes and brackets allowed), no sentence mark, no figure
_LABEL = lazy_compile(r"^[\u4e00-\u9fff“”\"‘’'（）()、A-Za-z\s]{2,30}$")
#: a label carrying its weight: '相关性(5分)', '部门决策(25 分)'
_WEIGHTED_LABEL = lazy_compile(r"(?P<name>[^\d()（）]+?)\s*[（(]\s*(?P<w>\d+(?:\.\d+)?)\s*分\s*[)）]")
#: where a scoring rule ends and the explanation of the department's figures begins
_RULE_END = lazy_compile(r"(?:扣完为止|不得分|得满分|计满分|计\s*\d+(?:\.\d+)?\s*分)[。.；;，,]?")
#: the 合计/总分 row ends the table
_TOTAL = lazy_compile(r"^(?:合计|总分|总计|综合得分)")
#: a row whose weight is above this is no row of an indicator system (a year, a count)
_MAX_WEIGHT = Decimal(100)


@dataclass(frozen=True)
class _Stream:
    """The paragraphs after the header as one text, with where each character came from."""

    text: str
    starts: list[int]  # offset of each paragraph in `text`
    paragraphs: list[Paragraph]

    def place(self, offset: int) -> tuple[int, int | None]:
        """(page, line) of the character at `offset`."""
        at = max(0, bisect_right(self.starts, offset) - 1)
        para = self.paragraphs[at]
        local = offset - self.starts[at]
        for line, (start, end) in zip(para.lines, para.spans, strict=False):
            if start <= local <= end:
                return line.page, line.line
        return para.page, para.lines[0].line if para.lines else None


@dataclass
class _Row:
    chain: list[tuple[str, Decimal | None, int]]  # (label, weight, offset)
    text: str
    score: Decimal | None
    end: int  # where the score is printed (where the text stops, for a row the excerpt cuts)


def score_grid_tables(document: Document) -> list[Table]:
    """The department indicator-system tables the document's text flattens, rebuilt (empty when none)."""
    paragraphs = document.paragraphs
    if not paragraphs:
        return []
    stream = _stream(paragraphs)
    compact, where = _compact(stream.text)
    header = _HEADER.search(compact)
    if header is None:
        return []
    rows = _rows(stream.text, where[header.end() - 1] + 1)
    if len(rows) < 2 and not (rows and len(rows[0].chain) >= 2):
        return []  # one stray label and figure is no table
    return [_table(header, rows, stream, where[header.start()])]


def _stream(paragraphs: list[Paragraph]) -> _Stream:
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for para in paragraphs:
        starts.append(offset)
        parts.append(para.text)
        offset += len(para.text) + 1
    return _Stream("\n".join(parts), starts, paragraphs)


def _compact(text: str) -> tuple[str, list[int]]:
    """The text with every space removed, and the offset in `text` of each character kept."""
    kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def _rows(text: str, start: int) -> list[_Row]:
    """The rows of the flattened table from `start`, up to its 合计 row or the first that does not fit."""
    rows: list[_Row] = []
    chain: list[tuple[str, Decimal | None, int]] = []
    last = start
    for figure in _ALONE.finditer(text, start):
        between, value = text[last:figure.start()], Decimal(figure.group("n") or figure.group("glued"))
        last = figure.end()
        label = re.sub(r"\s+", "", between)
        if _TOTAL.match(label):
            break
        weighted = _weighted_chain(between, last)
        if weighted and not chain:
            rows.append(_Row(weighted, "", value, figure.start()))  # '相关性(5分) 5': the weight in the label
            continue
        if _LABEL.match(between.strip()) and not re.search(r"[。；;，,：:]", between):
            chain.append((label, value, figure.start() - len(between.lstrip())))
            if len(chain) > 3:
                break  # more labels in a row than an indicator system has levels: not this table
            continue
        if chain:
            rows.append(_Row(chain, between.strip(), value, figure.start()))
            chain = []
        elif rows:
            # a figure inside the rule's text ('…不少于3 次…'), not the score: the row goes on
            rows[-1].text = f"{rows[-1].text} {rows[-1].score} {between.strip()}".strip()
            rows[-1].score = value
            rows[-1].end = figure.start()
        else:
            break  # text before any row: the header was no table's
        if not _fits(rows[-1]):
            # a figure above the indicator's weight is the explanation's (an amount the excerpt cuts
            # before its unit), not the score: the table ends inside this row
            rows[-1].score, rows[-1].text = None, ""  # (read as far as its weight, as a cut row)
            if not _fits(rows[-1]):
                rows.pop()
            break
    else:
        rows.extend(_cut_row(chain, text[last:], last))
    return rows


def _cut_row(chain: list[tuple[str, Decimal | None, int]], rest: str, at: int) -> list[_Row]:
    """The row an excerpt cuts before its score ('…预算控制率 8 预算控制率=0,计8分;…' to the end, or a last
    label alone: '中央专款分配合规……'): its labels and weights are read, the rest is not — the text after
    them may stop anywhere, so it sets no goal the checks could hold the row to."""
    at += len(rest) - len(rest.lstrip())
    rest = rest.strip()
    if chain:
        return [_Row(chain, "", None, at + len(rest))]
    label = re.match(r"^[\u4e00-\u9fff“”\"（）()]{2,30}", rest)
    if label is None or len(rest) > len(label.group()) + 12:
        return []  # prose after the table, not a row of it
    return [_Row([(label.group(), None, at)], "", None, at)]


def _weighted_chain(between: str, end: int) -> list[tuple[str, Decimal | None, int]]:
    """'部门决策(25 分) 目标任务(15 分) 相关性(5 分)': labels each carrying its weight, nothing else."""
    found = list(_WEIGHTED_LABEL.finditer(between))
    if not found or len(found) > 3 or re.sub(r"\s+", "", _WEIGHTED_LABEL.sub("", between)):
        return []
    return [(re.sub(r"\s+", "", m.group("name")), Decimal(m.group("w")), end) for m in found]


def _fits(row: _Row) -> bool:
    """A row of an indicator system: weights within 100, the score no more than the indicator's weight."""
    weights = [w for _, w, _ in row.chain if w is not None]
    if any(w > _MAX_WEIGHT for w in weights):
        return False
    own = row.chain[-1][1]
    return row.score is None or own is None or row.score <= own


def _table(header: re.Match[str], rows: list[_Row], stream: _Stream, header_at: int) -> Table:
    """The rows under the header's columns (levels carried down as a DOCX grid repeats merged cells)."""
    texts = _TEXT_WORDS.findall(header.group("texts")) or ["评价标准"]
    columns: list[str] = []
    for level, group in (("一级指标", "w1"), ("二级指标", "w2"), ("三级指标", "w3")):
        columns.append(level)
        if header.group(group):
            columns.append(header.group(group))
    columns += [*texts, header.group("score")]
    page, line = stream.place(header_at)
    grid = [[Cell(text=word, row=0, col=c, page=page, line=line) for c, word in enumerate(columns)]]
    levels: list[tuple[str, Decimal | None]] = [("", None), ("", None), ("", None)]
    for row in rows:
        depth = len(row.chain)
        levels = [*levels[:3 - depth], *((name, weight) for name, weight, _ in row.chain)]
        rule, explanation = _split_text(row.text) if len(texts) > 1 else (row.text, "")
        opens, own = row.chain[0][2], row.chain[-1][2]
        values: list[tuple[str, int]] = []  # (cell text, where it is printed)
        for (name, weight), key in zip(levels, ("w1", "w2", "w3"), strict=True):
            values.append((name, opens))
            if header.group(key):
                values.append((_number(weight), opens))
            elif weight is not None:
                values[-1] = (f"{name}({_number(weight)}分)", opens)
        values += [(text, own) for text in [rule, explanation, *[""] * (len(texts) - 2)][:len(texts)]]
        values.append((_number(row.score), row.end))
        r = len(grid)
        grid.append([Cell(text=value, row=r, col=c, page=stream.place(at)[0], line=stream.place(at)[1])
                     for c, (value, at) in enumerate(values)])
    return Table(index=-1, rows=grid, page=grid[0][0].page, pages=sorted({c.page for row in grid for c in row}))


def _split_text(text: str) -> tuple[str, str]:
    """The scoring rule and the explanation after it (the department's figures), cut where the rule ends."""
    ends = list(_RULE_END.finditer(text))
    if not ends or ends[-1].end() >= len(text.rstrip()):
        return text, ""
    cut = ends[-1].end()
    return text[:cut].strip(), text[cut:].strip()


def _number(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f")
