"""Forms whose OCR ran every row's cells together: cut each line back into cells.

A scanned 自评表 read by OCR often loses the spaces between cells, one line per row:

    评价指标评价内容指标名称指标说明目标值分值备注
    产出数量指标享受资助人数达到预计值210010
    资金支出率达到目标值95%10

The header line is cut into the column words (`form.header_words`) of
`lexicon/form_labels.json` (longest word first; a new variant is one more word there). A row is
cut where text meets figures: its leading 一级/二级 labels are peeled off, a comparator phrase at
the end of the name ('达到目标值', '不低于') is the 指标说明, and the figures at the end are the
target and the 分值 — two figures run together ('210010') split where the 分值 is the shortest
plausible weight ('10'). The rebuilt table goes to the form parser like any other grid; its
index is -1 because it is not a table of the Document.
"""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Document, Line, Table
from reportparse.parse.form.grid import squash
from reportparse.parse.form.labels import column_words, matches
from reportparse.parse.form.levellabels import is_total_label, label_kind

#: A figure with its percent sign and a trailing 以上/以下 ('95%以上').
_FIGURE = lazy_compile(r"\d+(?:\.\d+)?\s*[%％]?(?:以上|以下|以内)?")
#: How a 指标说明 cell begins: the comparator phrase a name cannot end with.
_EXPLANATION = lazy_compile(
    r"(达到|不低于|不少于|不高于|不超过|不大于|不小于|高于|低于|大于|小于|控制在)[\u4e00-\u9fff]{0,4}$")
#: Roles of the columns that hold figures.
_FIGURE_ROLES = ("indicator.target", "indicator.actual", "indicator.rate", "indicator.weight", "indicator.score")
#: A short answer cell after the figures (是否达成: 是 / 否).
_ANSWER = lazy_compile(r"(?<=[\d%％])(是|否|达成|未达成)$")
#: A unit printed between the name and its figures ('政府采购执行率%100%…').
_UNIT_AFTER_NAME = lazy_compile(r"([%％]|万元|元|个|人|次|天|户|项)$")
#: Fewest column words for a line to be an OCR'd header.
_MIN_COLUMNS = 4
#: A 分值 is never above this.
_MAX_WEIGHT = 100


def split_header(text: str) -> list[str] | None:
    """'评价指标评价内容指标名称…' → its column words, or None when the line is not made of them
    (or keeps spaces between its cells: a header that the text readers rebuild)."""
    if re.search(r"\s", text.strip()):
        return None
    key = squash(text)
    words: list[str] = []
    at = 0
    while at < len(key):
        word = next((w for w in column_words() if key.startswith(w, at)), None)
        if word is None:
            return None
        words.append(word)
        at += len(word)
    return words if len(words) >= _MIN_COLUMNS else None


def ocr_form_tables(document: Document) -> list[Table]:
    """The grid of a form whose OCR ran cells together (empty when there is no such header line)."""
    lines = [line for element in document.paragraphs
             for line in (element.lines or [Line(text=element.text, page=element.page)]) if line.text.strip()]
    start = next((i for i, line in enumerate(lines) if split_header(line.text)), None)
    if start is None:
        return []
    header = split_header(lines[start].text) or []
    titles = [[line.text.strip()] for line in lines[max(0, start - 3):start] if "表" in line.text]
    rows: list[tuple[list[str], Line]] = [(t, lines[start]) for t in titles] + [(header, lines[start])]
    rebuilt = _RowCutter(header)
    position = start + 1
    while position < len(lines):
        text = squash(lines[position].text)
        if is_total_label(text):
            after = [squash(line.text) for line in lines[position + 1:position + 3]]
            figures = [text for text in after if _FIGURE.fullmatch(text)]
            rows.append((rebuilt.total(text, figures[:1]), lines[position]))
            break
        cells = rebuilt.cut(text)
        if cells is None:
            break
        rows.append((cells, lines[position]))
        position += 1
    if len(rows) < len(titles) + 2:
        return []
    width = max(len(cells) for cells, _ in rows)
    grid = [[Cell(text=t, row=r, col=c, page=line.page, line=line.line, confidence=line.confidence)
             for c, t in enumerate(cells + [""] * (width - len(cells)))]
            for r, (cells, line) in enumerate(rows)]
    pages = sorted({line.page for _, line in rows})
    return [Table(index=-1, rows=grid, page=pages[0], pages=pages)]


class _RowCutter:
    """Cuts run-together rows under one header."""

    def __init__(self, header: list[str]) -> None:
        self.header = header
        self.level1 = self._column("indicator.level1")
        self.level2 = self._column("indicator.level2")
        self.name = self._column("indicator.name")
        self.target = self._column("indicator.target")
        self.weight = self._column("indicator.weight")
        self.unit = self._column("indicator.unit")
        after_name = [i for i in range(len(header)) if self.name is not None and self.name < i < (self.target or 0)
                      and i != self.unit]
        self.explanation = after_name[0] if len(after_name) == 1 else None
        # the columns that hold figures, in printed order (指标值, 实际完成值, 完成率, 分值, 得分)
        self.figure_columns = [i for i, word in enumerate(header) if self.name is not None and i > self.name and any(
            matches(role, word) for role in _FIGURE_ROLES)]

    def _column(self, role: str) -> int | None:
        return next((i for i, word in enumerate(self.header) if matches(role, word)), None)

    def cut(self, text: str) -> list[str] | None:
        """One row's cells, or None when the line is no row of the table (prose, a new part)."""
        if self.name is None or not text or re.search(r"[，。；:：]", text):
            return None  # prose, or a 'label: value' line under the table
        answer = _ANSWER.search(text)  # a last text cell after the figures: 是 / 否
        end = answer.start() if answer else len(text)
        figures_at = next((m.start() for m in _FIGURE.finditer(text[:end]) if _trailing(text[:end], m.start())), end)
        words, tail = text[:figures_at], text[figures_at:end]
        cells = [""] * len(self.header)
        unit = _UNIT_AFTER_NAME.search(words)
        if unit and self.unit is not None and tail:
            cells[self.unit], words = unit.group(1), words[:unit.start()]
        for column, kind in ((self.level1, 1), (self.level2, 2)):
            prefix = _level_prefix(words, kind)
            if prefix and column is not None:
                cells[column], words = prefix, words[len(prefix):]
        if not words or not (tail or any(cells)):
            return None  # neither a figure nor a level label: the table has ended
        explanation = _EXPLANATION.search(words)
        if explanation and self.explanation is not None and explanation.start() > 0:
            cells[self.explanation], words = explanation.group(0), words[:explanation.start()]
        cells[self.name] = words
        figures = _FIGURE.findall(tail)
        if len(figures) == len(self.figure_columns) - 1 and figures and self._ends_weight_score():
            figures[-1:] = _split_pair(figures[-1])  # 分值 and 得分 run together: '109' → 10, 9
        if len(figures) == len(self.figure_columns):
            for column, figure in zip(self.figure_columns, figures, strict=True):
                cells[column] = figure
            return cells
        if len(figures) == 1 and self.target is not None and self.weight is not None:
            figures = _split_run(figures[0])
        if figures and self.weight is not None:
            cells[self.weight] = figures.pop()
        if figures and self.target is not None:
            cells[self.target] = figures.pop()
        return cells

    def _ends_weight_score(self) -> bool:
        """The last two figure columns are 分值 and 得分."""
        last = [self.header[i] for i in self.figure_columns[-2:]]
        return len(last) == 2 and matches("indicator.weight", last[0]) and matches("indicator.score", last[1])

    def total(self, label: str, figures: list[str]) -> list[str]:
        cells = [""] * len(self.header)
        cells[0] = label
        if figures and self.weight is not None:
            cells[self.weight] = figures[0]
        return cells


def _trailing(text: str, start: int) -> bool:
    """Only figures (and their 以上/以下) follow `start`: the row's figure columns begin here."""
    return _FIGURE.sub("", text[start:]) == ""


def _level_prefix(words: str, kind: int) -> str:
    """The longest start of `words` that is a 一级 (kind 1) or 二级 (kind 2) label."""
    for end in range(min(len(words) - 1, 12), 1, -1):
        if label_kind(words[:end]) == kind:
            return words[:end]
    return ""


def _split_pair(run: str) -> list[str]:
    """'109' → ['10', '9']: a 分值 and its 得分 run together; the first split where neither part has a
    leading zero, the 分值 is at most 100 and the 得分 no more than the 分值."""
    if not run.isdigit():
        return [run]
    for cut in range(1, len(run)):
        weight, score = run[:cut], run[cut:]
        if (weight[0] != "0" and (score == "0" or score[0] != "0")
                and 0 < int(weight) <= _MAX_WEIGHT and int(score) <= int(weight)):
            return [weight, score]
    return [run]


def _split_run(run: str) -> list[str]:
    """'210010' → ['2100', '10']: a target and a 分值 run together; the 分值 is the shortest ending
    without a leading zero above 0 and at most 100. A figure with a % or a decimal point is one."""
    if not run.isdigit():
        return [run]
    for size in range(1, min(3, len(run) - 1) + 1):
        weight = run[-size:]
        if not weight.startswith("0") and 0 < int(weight) <= _MAX_WEIGHT:
            return [run[:-size], weight]
    return [run]
