"""Forms dumped one cell per line: rebuild their grid so the form parser reads them like a table.

A 自评表 copied out of a web page often arrives with every table cell on a line of its own, in
reading order, the row structure lost. Two dumps are common:

    项目名称 |              项目名称
    工资性支出 |                             (a blank line between cells; an empty cell is a
    主管部门 |              工资性支出         line holding only a space, so it reads as one
    |      (empty cell)                       more blank line)

The grid comes back from what the cells are, never from their positions: header labels (项目名称,
主管部门 …) take the next cell as their value; the 项目资金 and indicator blocks start at a run of
column labels (their roles from `lexicon/form_labels.json`), which gives the block's width; a fund
row starts at its label (年度资金总额, 其中：…) and takes the amounts after it; an indicator row
starts at its 一级/二级 labels or its name and takes as many cells as the header has columns
after the name. Column labels and level labels that the dump broke over two cells ('年初' +
'预算数', '经济效益' + '指标') are joined first. The tables carry each cell's page and line; their
index is -1 because they are not tables of the Document.
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.levelcells import spread_level_row
from reportparse.model import Cell, Document, Table
from reportparse.parse.form.blocks import is_header_label
from reportparse.parse.form.celldump import COLUMN_ROLES as _COLUMN_ROLES
from reportparse.parse.form.celldump import GOAL_ROLES as _GOAL_ROLES
from reportparse.parse.form.celldump import MIN_CELLS, dump_cells
from reportparse.parse.form.celldump import DumpCell as _Cell
from reportparse.parse.form.celldump import is_column_word as _is_column_word
from reportparse.parse.form.celljoins import is_label, is_other_column, join_broken_labels
from reportparse.parse.form.celltexts import (
    LABEL_MAX,
    PLACEHOLDER,
    is_number,
    is_part_heading,
    level_row,
    points_put_back,
    starts_row,
    target_group_order,
    weighted_level_columns,
)
from reportparse.parse.form.cellwraps import name_pieces, opens_wrapped_row, reason_pieces
from reportparse.parse.form.grid import squash
from reportparse.parse.form.labels import matches
from reportparse.parse.form.levellabels import is_total_label, label_kind, printed_weight
from reportparse.parse.form.values import plain_decimal
from reportparse.summarycolumns import GRADE

#: Longer than an indicator's name: a cell this long after a row's figures is a reason, never the next name.
_INDICATOR_NAME_MAX = 60
#: A row's number under a 序号 column ('1', '12').
_SERIAL_NUMBER = lazy_compile(r"^\d{1,3}[.、]?$")
#: An indicator's name opened by the template's row number ('指标5:药品不良反应报告数', '指标2.检查企业数'): never
#: a target or a result, always the name of a row of its own.
#: An indicator's name that ends in its measure in brackets ('改造摊位数量(个)', '合格率（%）', '投入资金(≥万元)'), the
#: way some templates write every name: never a result, which prints its measure after its figure.
_NAME_WITH_MEASURE = lazy_compile(r"^[\u4e00-\u9fff][^()（）]{1,40}[(（][≥≤><=]?[^()（）\d]{1,6}[)）]$")
#: An indicator named for a rate: two Han characters or more before 执行率, nothing after ('政府采购执行率').
_RATE_NAME = lazy_compile(r"^[\u4e00-\u9fff]{2,}执行率$")
_NUMBERED_NAME = lazy_compile(r"^指标\d{1,3}[:：.．、]\D\S*$")


def cell_form_tables(document: Document) -> list[Table]:
    """The grid of a form dumped one cell per line (empty when the document is not such a dump)."""
    cells = dump_cells(document)
    if len(cells) < MIN_CELLS:
        return []
    cells = join_broken_labels(cells)
    rows = _Rebuilder(cells).rows()
    if not rows:
        return []
    width = max(len(row) for row in rows)
    grid = [[Cell(text=c.text, row=r, col=col, page=c.line.page, line=c.line.line,
                  confidence=c.line.confidence if c.text else None)
             for col, c in enumerate(row + [_Cell("", row[-1].line)] * (width - len(row)))]
            for r, row in enumerate(rows)]
    pages = sorted({c.line.page for row in rows for c in row})
    return [Table(index=-1, rows=grid, page=pages[0], pages=pages)]


def _reason_before_score(keys: list[str]) -> int | None:
    """The 偏差原因 column of a header that prints it before the 得分 ('分值 | 偏差原因 | 得分'), else None."""
    reason = next((i for i, k in enumerate(keys) if matches("indicator.reason", k)), None)
    score = next((i for i, k in enumerate(keys) if matches("indicator.score", k)), None)
    return reason if reason is not None and score is not None and reason < score else None


def _column_of(text: str) -> str | None:
    return next((role for role in _COLUMN_ROLES if matches(role, squash(text))), None)


def _one_cell_a_column(header: list[_Cell]) -> list[_Cell]:
    """A header cell the dump broke over two lines that both read as the same column ('偏差原因' |
    '分析及改进措施') is one column: joined, so the rows under it keep their width."""
    out: list[_Cell] = []
    for cell in header:
        role = _column_of(cell.text)
        if out and role is not None and role == _column_of(out[-1].text) and not _two_of_a_kind(out[-1], cell):
            out[-1] = _Cell(out[-1].text + cell.text, out[-1].line)
        else:
            out.append(cell)
    return out


def _name_bounded_column(header: list[_Cell], rows: list[list[_Cell]]) -> None:
    """A header with no target column whose one unlabelled column holds bounds on most rows ('≥3.2万吨', '≥98%'):
    that column is the targets' (the 指标值 the template prints there), and its header cell is named so."""
    keys = [squash(c.text) for c in header]
    if any(matches("indicator.target", k) for k in keys):
        return
    blank = [i for i, k in enumerate(keys) if not k]
    if len(blank) != 1:
        return
    column = blank[0]
    filled = [squash(row[column].text) for row in rows if column < len(row) and squash(row[column].text)]
    bounded = [text for text in filled if _BOUND.match(text)]
    if filled and len(bounded) * 2 > len(filled):
        header[column] = _Cell("指标值", header[column].line)  # (named by what it holds: no text of the page's)


#: A target's bound at the start of a cell ('≥98%', '不低于90%', '<5天').
_BOUND = lazy_compile(r"^(?:[≥≤><＞＜≧≦]|不低于|不少于|不高于|不超过|不大于|不小于|大于|小于|高于|低于)")


def _rate_name(key: str) -> bool:
    """A rate's name in an indicator block ('政府采购执行率', '预算执行率' of a 部门整体 form): the 执行率 column's
    label alone ends the block; a longer name that ends in it is an indicator's."""
    return matches("budget.rate", key) and _RATE_NAME.match(key) is not None


def _two_of_a_kind(left: _Cell, right: _Cell) -> bool:
    """Two whole labels of one kind side by side, each ending in the same word ('年初指标值' | '调整指标值',
    '年初预算数' | '调整预算数'): two columns, not one label the dump broke."""
    a, b = squash(left.text), squash(right.text)
    return len(a) > 3 and len(b) > 3 and a[-3:] == b[-3:]


class _Rebuilder:
    """Walks the cells once and lays them out as rows."""

    def __init__(self, cells: list[_Cell]) -> None:
        self.cells = cells
        self.pos = 0
        self.out: list[list[_Cell]] = []
        self.prose = False  # a part heading of the report came after a form: its prose follows
        self.serial = False  # the indicator header was opened by a 序号 label: each row opens with its number

    def rows(self) -> list[list[_Cell]]:
        while self.pos < len(self.cells):
            cell = self.cells[self.pos]
            key = squash(cell.text)
            if not key:
                self.pos += 1
            elif is_header_label(key):
                self.prose = False
                self._header()
            elif _is_column_word(cell.text) and self._label_run() >= 3:
                self.prose = False
                self._block()
            elif any(matches(role, key) for role in _GOAL_ROLES):
                self._goal()
            elif self._amount_pair():
                self.out.append(self.cells[self.pos:self.pos + 2])
                self.pos += 2
            elif self.prose or is_part_heading(key):
                self.prose = True  # the report's prose after the form ('三、自评结论' / its sentences): no row
                self.pos += 1
            else:
                self.out.append([cell])
                self.pos += 1
        return self.out

    def _amount_pair(self) -> bool:
        """A fund label with its one amount outside a 项目资金 block ('年度资金总额' | '2279.048 万元'
        of a 绩效目标申报表), or a budget field and its amount ('预算数' | '6.84', '执行数' | '6.84' of a
        form that prints its budget as label | value pairs): one row of a label and its value."""
        pair = self.cells[self.pos:self.pos + 3]
        label = squash(pair[0].text) if pair else ""
        if len(pair) >= 2 and is_number(pair[1].text) and any(
                matches(f"budget.field_{name}", label) for name in ("planned", "executed")):
            return True  # (a figure after it is the next column's: the 执行率 after 执行数)
        return (len(pair) >= 2 and "资金" in label and matches("budget.total_row", label) and is_number(pair[1].text)
                and (len(pair) == 2 or not is_number(pair[2].text)))

    def _label_run(self) -> int:
        """How many column labels follow from here (the width of a block header)."""
        end = self.pos
        while end < len(self.cells) and (_is_column_word(self.cells[end].text) or self._blank_header_cell(end)):
            end += 1
        # (a column no role reads, '具体指标 | 评价标准' between 自评分 and 得分, is a header cell when a column
        # label follows it: the header stops at the first row's cells, never at a column it cannot name)
        while end > self.pos and end < len(self.cells) and is_other_column(self.cells[end].text):
            after = end
            while after < len(self.cells) and is_other_column(self.cells[after].text) \
                    and not _is_column_word(self.cells[after].text):
                after += 1
            if after >= len(self.cells) or not _is_column_word(self.cells[after].text):
                end = after  # (the header's last columns: '是否核心指标' after 指标得分, the first row's cells follow)
                break
            end = after
            while end < len(self.cells) and _is_column_word(self.cells[end].text):
                end += 1
        return end - self.pos

    def _blank_header_cell(self, at: int) -> bool:
        """An empty cell between two column labels of a header ('三级指标 | | 分值', a column the template printed no
        label over): a column of the header all the same."""
        return (at > self.pos and not squash(self.cells[at].text) and at + 1 < len(self.cells)
                and _is_column_word(self.cells[at + 1].text))

    def _header(self) -> None:
        label = self.cells[self.pos]
        nxt = self.cells[self.pos + 1] if self.pos + 1 < len(self.cells) else None
        if nxt is not None and not is_header_label(squash(nxt.text)):
            self.out.append([label, nxt])
            self.pos += 2
        else:
            self.out.append([label])
            self.pos += 1

    def _goal(self) -> None:
        """预期目标 | 实际完成情况, then their two texts under them."""
        header = [self.cells[self.pos]]
        self.pos += 1
        while self.pos < len(self.cells) and any(matches(r, squash(self.cells[self.pos].text)) for r in _GOAL_ROLES):
            header.append(self.cells[self.pos])
            self.pos += 1
        self.out.append([_Cell("", header[0].line), *header] if len(header) == 2 else header)
        texts = [c for c in self.cells[self.pos:self.pos + 2]
                 if squash(c.text) and (len(squash(c.text)) > LABEL_MAX or not is_label(c.text))]
        if len(header) == 2 and len(texts) == 2:
            self.out.append([_Cell("", texts[0].line), *texts])
            self.pos += 2

    def _block(self) -> None:
        start = self.pos
        self.pos += self._label_run()
        self.serial = bool(self.out) and len(self.out[-1]) == 1 and bool(
            matches("indicator.serial", squash(self.out[-1][0].text)))
        if self.serial:
            self.out.pop()  # the 序号 label before the header: a column of row numbers, none of the indicator's
        indicators = any(matches("indicator.name", squash(c.text)) or matches("indicator.level1", squash(c.text))
                         for c in self.cells[start:self.pos])
        while not indicators and self._is_header_cell():
            self.pos += 1  # a column the table has no role for (原因, 备注) still widens the header
        header = _one_cell_a_column(self.cells[start:self.pos])
        if indicators and len(header) > 2 and matches("indicator.goal_name", squash(header[0].text)) and any(
                matches("indicator.level1", squash(c.text)) for c in header[1:]):
            header = header[1:]  # the block label (绩效指标) merged down the left of the rows: no column of theirs
        if indicators and self._points_cell(header):
            header = [*header, self.cells[self.pos]]  # the block's points where the 得分 label would be
            self.pos += 1
        order = target_group_order([squash(c.text) for c in header]) if indicators else None
        if order is not None:
            header = [header[i] for i in order]
        if not indicators and _is_column_word(header[0].text):
            header = [_Cell("", header[0].line), *header]  # the fund rows' labels sit left of the amounts
        self.out.append(header)
        if indicators:
            first_row = len(self.out)
            self._indicator_rows([squash(c.text) for c in header])
            _name_bounded_column(header, self.out[first_row:])
        else:
            self._fund_rows()

    def _points_cell(self, header: list[_Cell]) -> bool:
        """A bare figure right after an indicator header that has an actual column and no 分值/得分 one: the
        header prints the block's points in the score column's place ('实际完成指标值 | 50'), and every row
        then ends in its score (`columns.with_filled_score` tells that column by its figures)."""
        keys = [squash(c.text) for c in header]
        if self.pos >= len(self.cells) or not is_number(self.cells[self.pos].text):
            return False
        scored = any(matches("indicator.weight", k) or matches("indicator.score", k) for k in keys)
        return not scored and any(matches("indicator.actual", k) for k in keys)

    def _is_header_cell(self) -> bool:
        """A label followed by another label sits in the header row; a fund row's label is
        followed by its amounts."""
        here = self.cells[self.pos:self.pos + 2]
        return len(here) == 2 and all(starts_row(c.text) for c in here) and not is_header_label(squash(here[0].text))

    def _fund_rows(self) -> None:
        """年度资金总额 43.2 43.2 37.24 10 86% 9 / 其中：当年财政拨款 …, until the next block."""
        while self.pos < len(self.cells):
            cell = self.cells[self.pos]
            key = squash(cell.text)
            if not key:
                self.pos += 1
                continue
            if not starts_row(key) or is_label(key) or is_header_label(key) or label_kind(key):
                return
            if not self._looks_like_fund_row():
                return
            row = [cell]
            self.pos += 1
            while self.pos < len(self.cells) and not starts_row(self.cells[self.pos].text):
                row.append(self.cells[self.pos])
                self.pos += 1
            self.out.append(row)

    def _looks_like_fund_row(self) -> bool:
        """A fund row label is followed by an amount (or by empty cells: a fund nobody filled)."""
        nxt = self.cells[self.pos + 1:self.pos + 2]
        return not nxt or not starts_row(nxt[0].text)

    def _indicator_rows(self, keys: list[str]) -> None:
        """Rows of the indicator table: level labels, the name, then the header's remaining columns."""
        level1 = next((i for i, k in enumerate(keys) if matches("indicator.level1", k)), None)
        level2 = next((i for i, k in enumerate(keys) if matches("indicator.level2", k)), None)
        name = next((i for i, k in enumerate(keys) if matches("indicator.name", k)), None)
        if name is None:
            return
        width = len(keys)
        texts = [c.text for c in self.cells]
        # (a 绩效目标表 prints its 中期 and 年度 indicators side by side: 二级 | 三级 | 指标值 twice; the second
        # set's 二级 label is a cell of the row, not the next row's level)
        paired = next((i - 1 for i, k in enumerate(keys) if i > name + 1 and matches("indicator.name", k)
                       and matches("indicator.level2", keys[i - 1])), None)
        serial = self.serial
        weighted_levels = weighted_level_columns(keys, level1, level2, name)
        if weighted_levels is not None:
            self._weighted_level_rows(keys, weighted_levels)
            return
        while self.pos < len(self.cells):
            cell = self.cells[self.pos]
            key = squash(cell.text)
            if not key:
                self.pos += 1
                continue
            if is_part_heading(key):
                return  # the report's prose goes on after the form ('三、自评结论')
            if serial and _SERIAL_NUMBER.match(key) and self.pos + 1 < len(self.cells) \
                    and starts_row(self.cells[self.pos + 1].text):
                self.pos += 1  # the row's number under the 序号 column the header dropped
                continue
            if is_total_label(key):
                weight = next((i for i, k in enumerate(keys) if matches("indicator.weight", k)), None)
                score = next((i for i, k in enumerate(keys) if matches("indicator.score", k)), None)
                self._total_row(width, weight if weight is not None else score)
                return
            # (a name longer than a label opens a row when the figures under 分值 and 得分 follow it)
            opens = starts_row(key) or self._opens_indicator_row(keys, name)
            if not opens or is_header_label(key) or (_is_column_word(key) and not _rate_name(key)):
                return
            row = [_Cell("", cell.line) for _ in range(width)]
            start = self.pos
            levels_of_rows = [c for c in (level1, level2, name) if c is not None]
            weighted = self._weighted_labels(levels_of_rows)
            if weighted:
                # a scoring sheet's labels each print their weight ('项目决策(15分)' | '决策过程(8分)' | '决策依据
                # (4分)'), a merged level printed once on its first row: k such labels fill the last k level columns
                levels = [c for c in (level1, level2, name) if c is not None][-len(weighted):]
                for col, label in zip(levels, weighted, strict=True):
                    row[col] = label
                self.pos += len(weighted)
            elif label_kind(key) == 1 and level1 is not None:
                row[level1] = cell
                self.pos += 1
                if self.pos < len(self.cells) and label_kind(self.cells[self.pos].text) == 2 and level2 is not None:
                    row[level2] = self.cells[self.pos]
                    self.pos += 1
            elif label_kind(key) == 2 and level2 is not None:
                row[level2] = cell
                self.pos += 1
            if self.pos >= len(self.cells):
                return
            if weighted:
                pass
            elif label_kind(self.cells[self.pos].text):
                if self.pos == start:  # a level label the header has no column for: no row of its own
                    self.pos += 1
                    continue
                self.out.append(row)  # a level with no indicator under it: the next level's label follows
                continue
            if not weighted:
                row[name] = self.cells[self.pos]
                self.pos += 1
                for _ in range(name_pieces(texts, self.pos, keys, name)):  # the name wrapped onto a cell
                    row[name] = _Cell(row[name].text + self.cells[self.pos].text, row[name].line)
                    self.pos += 1
            last_figure = max((i for i, k in enumerate(keys) if matches("indicator.weight", k)
                               or matches("indicator.score", k)), default=width - 1)
            reason_before_score = _reason_before_score(keys)
            for col in range(name + 1, width):
                while self._restates_name(row[name], col, paired):
                    self.pos += 1  # the name printed again in a value cell ('X子站' then '0'): no value of its own
                if self.pos >= len(self.cells):
                    break
                following = self.cells[self.pos]
                if (label_kind(following.text) and col != paired) or is_total_label(squash(following.text)):
                    break
                if weighted and self._weighted_labels(levels_of_rows):
                    break  # a dump that left the empty 得分 out: the next row's weighted labels follow
                if col > last_figure and self._opens_indicator_row(keys, name):
                    break  # an empty 偏差原因 cell the dump left out: the next row's name follows
                if _NUMBERED_NAME.match(squash(following.text)):
                    break  # the template's next numbered row ('指标5:…'): this row's empty cells were left out
                if all(_NAME_WITH_MEASURE.match(squash(c.text)) for c in (row[name], following)):
                    break  # a name shaped as this row's ('新建公厕(座)' after '改造摊位数量(个) | 120'): the next row's
                if col == reason_before_score and plain_decimal(squash(following.text)) is not None:
                    continue  # the empty 偏差原因 before the 得分 the dump left out: the figure is the 得分
                row[col] = following
                self.pos += 1
            if squash(row[-1].text) and matches("indicator.reason", keys[-1]):
                for _ in range(reason_pieces(texts, self.pos, keys, name)):  # the reason wrapped onto cells
                    row[-1] = _Cell(row[-1].text + self.cells[self.pos].text, row[-1].line)
                    self.pos += 1
            self.out.append(points_put_back(row, keys, name))

    def _restates_name(self, name: _Cell, col: int, paired: int | None) -> bool:
        """The cell at the reading position repeats the row's name in a value column (the 中期/年度 pair's second
        name column excepted, where the name is printed again by design)."""
        if self.pos >= len(self.cells) or (paired is not None and col == paired + 1):
            return False
        key = squash(name.text)
        return len(key) > 1 and squash(self.cells[self.pos].text) == key

    def _weighted_labels(self, levels: list[int]) -> list[_Cell]:
        """The labels from here that each print a weight and are no 产出/效益 level word ('项目决策(15分)',
        '决策过程(8分)', '决策依据(4分)'), at most one per level column; none unless a figure follows them."""
        labels: list[_Cell] = []
        at = self.pos
        while at < len(self.cells) and len(labels) < len(levels):
            text = self.cells[at].text
            key = squash(text)
            if not key or len(key) > LABEL_MAX or label_kind(text) or printed_weight(key) is None:
                break
            labels.append(self.cells[at])
            at += 1
        figure = at < len(self.cells) and is_number(self.cells[at].text)
        return labels if labels and figure else []

    def _weighted_level_rows(self, keys: list[str], labels: list[int]) -> None:
        """Rows of a table whose every level column has a 分值 column of its own (`celltexts.level_row`):
        a row of k labels fills the last k level columns, each label's 分值 beside it, the 得分 last."""
        width = len(keys)
        texts = [c.text for c in self.cells]
        while self.pos < len(self.cells):
            if is_total_label(squash(texts[self.pos])):
                score_col = next((i for i, k in enumerate(keys) if matches("indicator.score", k)), None)
                self._total_row(width, score_col)
                return
            shape = level_row(texts, self.pos, len(labels))
            if shape is None:
                return  # not such a row (a heading, a note): the table ends
            count, end, scored = shape
            cells = self.cells[self.pos:end]
            blank = [_Cell("", cells[0].line) for _ in range(width)]
            self.out.append(spread_level_row(cells, labels, count, bool(scored), blank))
            self.pos = end

    def _opens_indicator_row(self, keys: list[str], name: int) -> bool:
        """The cell here is the name of a next indicator row: a short label whose cells under 分值
        and 得分 (counted from it as from the name column) are figures."""
        # (an indicator's name may run longer than a label, '★★★其中:农村低保对象中建档立卡贫困人口数量(按月
        # 平均)(≥**人)': the figures under 分值 and 得分 are what tell a next row's name from a reason)
        key = squash(self.cells[self.pos].text)
        if len(key) < 2 or len(key) > _INDICATOR_NAME_MAX or is_number(key) or PLACEHOLDER.match(key):
            return False  # (one character, '是' / '否' under 是否核心指标, is no indicator's name)
        if self.pos + 1 < len(self.cells) and label_kind(self.cells[self.pos + 1].text):
            return False  # a level label follows: the text ends a row (its reason), no name opens one
        figures = [i for i, k in enumerate(keys) if matches("indicator.weight", k) or matches("indicator.score", k)]
        ahead = [self.pos + i - name for i in figures]
        return ((bool(figures) and all(at < len(self.cells) and is_number(self.cells[at].text) for at in ahead))
                or opens_wrapped_row([c.text for c in self.cells], self.pos, keys, name))

    def _total_row(self, width: int, first: int | None) -> None:
        """合计 100 96: its figures go under 分值, 得分 (and what follows them)."""
        label = self.cells[self.pos]
        self.pos += 1
        tail: list[_Cell] = []
        while self.pos < len(self.cells) and len(tail) < width - 1:
            text = self.cells[self.pos].text
            if squash(text) and not is_number(text):
                break
            tail.append(self.cells[self.pos])
            self.pos += 1
        while tail and not squash(tail[0].text) and first is not None:
            tail = tail[1:]  # (a blank the merged label left before the figures: they still begin under 分值)
        start = first if first is not None and first + len(tail) <= width else width - len(tail)
        row = [label, *[_Cell("", label.line) for _ in range(max(0, start - 1))], *tail]
        self.out.append(row + self._grade_after_total())

    def _grade_after_total(self) -> list[_Cell]:
        """The stated grade the template prints after the total's figures, with its label or without
        ('总分 | 100 | 自评等级 | 优', '总分 | 100 | 96 | 优'): it stays on the 总分 row."""
        texts = [squash(c.text) for c in self.cells[self.pos:self.pos + 2]]
        if texts and GRADE.match(texts[0]):
            self.pos += 1
            return [self.cells[self.pos - 1]]
        if len(texts) == 2 and matches("form.grade_label", texts[0]) and GRADE.match(texts[1]):
            self.pos += 2
            return self.cells[self.pos - 2:self.pos]
        return []
