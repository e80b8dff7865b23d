"""The header, 项目资金 and 年度总体目标 blocks of a 自评表.

The 项目资金 block is read by its column words (年初预算数, 全年预算数, 全年执行数, 分值, 执行率,
得分) and its row labels (年度资金总额, 其中：本年/当年财政拨款, 上年结转资金, 其他资金). The block's
unit comes from its label ("项目资金（万元）"); the standard template's 万元 is assumed when none
is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Budget, Evidence, FundRow, FundTotal, Quantity, ScoreLine
from reportparse.parse.form import fundrow, values
from reportparse.parse.form.barename import bare_name_field
from reportparse.parse.form.grid import GridRow, evidence, evidences, from_text, squash, value_after
from reportparse.parse.form.labels import find_role, matches, name_within, role
from reportparse.parse.form.wholeamount import column_whole_money, label_of_amount

HEADER_FIELDS = ("name", "department", "unit")  # roles header.name, header.department, header.unit
#: The unit a label states in brackets ('项目资金（万元）'), the bracket maybe left open at the label's end
#: (or its line's end) where the cell's text broke before it ('年度预算申请(元'), or after 单位：.
UNIT_IN_LABEL = lazy_compile(r"[（(]\s*(万元|元|千元|亿元)\s*(?:[)）]|(?=[ \t]*(?:\n|$)))"
                              r"|单位\s*[:：]\s*(?:人民币)?(万元|元|千元|亿元)")
_ORG_CODE = lazy_compile(r"^\d{3,}\s*[-－—_]\s*")
#: Longer than any column label of the 项目资金 block ('全年预算数（万元）（调整后）'); notes are longer.
_LABEL_MAX = 24
#: A cell that can hold an amount: figures, maybe a unit or a placeholder, no words.
AMOUNT_CELL = lazy_compile(r"^[-－—–/／]?[\d.,，%％]*(?:万元|元|千元|亿元|万)?$")
_NOTE_MARK = lazy_compile(r"[，,。；;=＝]")


#: A header field written in brackets, the way a title's second line names the project ('（项目名称：X）').
_ENCLOSED_FIELD = lazy_compile(r"[(（]([^()（）]+[:：][^()（）]+)[)）]")


def header_fields(row: GridRow) -> dict[str, tuple[str, Evidence | None]]:
    """项目名称 / 主管部门 / 实施单位 values in a row, each with the value cell's evidence."""
    found: dict[str, tuple[str, Evidence | None]] = {}
    for col, cell in row.distinct():
        key = squash(cell.text)
        enclosed = _ENCLOSED_FIELD.fullmatch(key)  # '（项目名称：X）' under a form's title
        inline = role("header.inline").matches(enclosed.group(1) if enclosed else key)
        if inline:
            label_field = next((f for f in HEADER_FIELDS if matches(f"header.{f}", inline.group(1))), None)
            if label_field is not None:
                found.setdefault(label_field, (inline.group(2), evidence(row, col)))
                continue
        within = name_within().search(cell.text)
        if within and not inline:
            # a basic-information cell that writes several fields in one ('一、基本情况 项目名称: X 是否为
            # 专项资金: 实施(主管)单位 …'): the name is the word after its label
            found.setdefault("name", (within.group(1), evidence(row, col)))
        for field_name in HEADER_FIELDS:
            if matches(f"header.{field_name}", key):
                hit = value_after(row, col)
                if hit is not None and not is_header_label(squash(hit[1])) and not _other_label(hit[1]):
                    found.setdefault(field_name, (hit[1].strip(), evidence(row, hit[0])))
    if "name" not in found and (bare := bare_name_field(row)) is not None:
        found["name"] = (bare[1].strip(), evidence(row, bare[0]))  # ('项目 | X经费': the field's kind as its label)
    return found



def header_fields_below(row: GridRow, below: GridRow) -> dict[str, tuple[str, Evidence | None]]:
    """项目名称 / 主管部门 / 实施单位 values of a header printed as a row of labels over a row of values
    ('项目名称 | 项目编码 | 主管部门 | 实施单位' over 'X | 1300… | Y | Z'): each value under its label. {} unless
    every cell of `row` is a header label (a used one or another, 项目编码) and two of them are used ones."""
    from reportparse.parse.form.labels import other_header_words

    cells = [(col, squash(cell.text)) for col, cell in row.distinct() if squash(cell.text)]
    used = [(col, key) for col, key in cells if is_header_label(key)]
    if len(used) < 2 or any(not is_header_label(key) and key.rstrip(":：") not in other_header_words()
                            for _, key in cells):
        return {}
    found: dict[str, tuple[str, Evidence | None]] = {}
    for col, key in used:
        value = below.text(col).strip() if col < len(below.cells) else ""
        field_name = next(f for f in HEADER_FIELDS if matches(f"header.{f}", key))
        if value and not is_header_label(squash(value)):
            found.setdefault(field_name, (value, evidence(below, col)))
    return found if "name" in found or len(found) >= 2 else {}


def _other_label(text: str) -> bool:
    """A header field's label the reader does not use ('项目编码'): never another field's value."""
    from reportparse.parse.form.labels import other_header_words

    return squash(text).rstrip(":：") in other_header_words()


def is_header_label(key: str) -> bool:
    """True for a header block label (项目名称, 主管部门, 实施单位 and their synonyms)."""
    return any(matches(f"header.{f}", key) for f in HEADER_FIELDS)


def unit_name(text: str) -> str:
    """实施单位 without the leading organisation code ('219001-池州市…' → '池州市…')."""
    return _ORG_CODE.sub("", text.strip())


def is_budget_header(row: GridRow) -> bool:
    """The column header of the 项目资金 block (预算数 and 执行数 columns at least).

    Only label cells count: a note merged down the block's right side ('预算执行率=预算执行数/调整后
    预算数，…未达到90%的需说明原因') names both words on every fund row, and a row that prints
    amounts is a fund row, not the header."""
    keys = [k for k in row.row_keys() if _is_label_key(k)]
    if sum(values.plain_decimal(k) is not None for k in row.row_keys()) >= 2:
        return False
    if any(matches("form.task_block", k) for k in keys):
        return False  # (a department's 年度主要任务 | 任务名称 | … | 预算数 | 执行数: its tasks' money, no fund block)
    # (two cells: one cell that names both, '项目资金(万元)全年预算数全年执行数执行率', is a header whose cells
    # a dump ran together, which a reader that parts them reads, not a row of columns)
    budget = {i for i, k in enumerate(keys) if matches("budget.header_budget", k)}
    executed = {i for i, k in enumerate(keys) if matches("budget.header_executed", k)}
    return bool(budget) and bool(executed) and len(budget | executed) >= 2


def _is_label_key(key: str) -> bool:
    """A column label, not a note: short, and without sentence punctuation or a formula."""
    return len(key) <= _LABEL_MAX and not _NOTE_MARK.search(key)


@dataclass
class BudgetColumns:
    """The columns of a form's 项目资金 block (None where it has none) and the unit of its amounts."""

    initial: int | None
    planned: int | None
    executed: int | None
    weight: int | None
    rate: int | None
    score: int | None
    unit: str
    printed_weight: Decimal | None = None  # '预算执行情况（20分）', '得分(20分*执行率)'
    last: int | None = None  # the header's last labelled column
    labelled: tuple[int, ...] = ()  # the header's labelled columns
    unit_printed: bool = True  # False where no label states the unit and the template's 万元 is assumed

    @property
    def first(self) -> int:
        cols = [c for c in (self.initial, self.planned, self.executed) if c is not None]
        return min(cols) if cols else 0


def budget_columns(row: GridRow, block_label: str) -> BudgetColumns:
    """Columns of the 项目资金 block; the unit from the header or block label, else 万元."""
    keys = row.row_keys()
    unit_match = next(filter(None, (UNIT_IN_LABEL.search(text) for text in (block_label, *keys))), None)
    return BudgetColumns(
        initial=find_role(keys, "budget.initial"),
        planned=find_role(keys, "budget.planned"),
        executed=find_role(keys, "budget.executed"),
        weight=find_role(keys, "budget.weight"),
        rate=find_role(keys, "budget.rate"),
        score=find_role(keys, "budget.score"),
        unit=(unit_match.group(1) or unit_match.group(2)) if unit_match else "万元",
        printed_weight=_printed_weight(block_label + "".join(keys)),
        last=max((col for col, key in enumerate(keys) if key), default=None),
        labelled=tuple(col for col, key in enumerate(keys) if key),
        unit_printed=unit_match is not None,
    )


def _printed_weight(text: str) -> Decimal | None:
    """The block's weight written in a label: '预算执行情况（20分）', '得分（20分*执行率）'."""
    match = re.search(r"[（(]\s*(\d+(?:\.\d+)?)\s*分", squash(text))
    return Decimal(match.group(1)) if match else None


#: A figure in 万元 this large (1000亿元) is no project's or department's budget: the block's figures are yuan.
_WAN_BEYOND_ANY_BUDGET = Decimal(10_000_000)
#: A figure of a million or more printed with its thousands separators ('8,800,000.00'): an accountant's yuan; a
#: block that states no unit and prints such figures counts in yuan (as 万元 they would be 100亿元 or more).
_GROUPED_YUAN = lazy_compile(r"^\d{1,3}(?:[,，]\d{3}){2,}(?:\.\d+)?$")


@dataclass
class BudgetBlock:
    """Rows of the 项目资金 block as they are read."""

    cols: BudgetColumns
    total: FundRow | None = None
    total_row: GridRow | None = None
    subs: list[FundRow] = field(default_factory=list)
    money_used: list[int] = field(default_factory=list)

    def align(self, row: GridRow) -> GridRow:
        """A text-table row lost its empty cells: put its figures back under their columns (`fundrow`)."""
        if not from_text(row.table):
            return row  # a DOCX/XLSX/PDF grid keeps every cell: nothing was dropped
        cols = self.cols
        money = [c for c in (cols.initial, cols.planned, cols.executed) if c is not None]
        placed, used = fundrow.place(
            row, fundrow.Columns(money, cols.weight, cols.rate, cols.score, cols.last, cols.initial,
                                 cols.labelled), self.money_used)
        if used and not self.money_used:
            self.money_used = used  # the first fund row (the total) shows which money columns are filled
        return placed

    def read_row(self, row: GridRow) -> bool:
        """Read a fund row; False when the row is not part of the block (the block has ended)."""
        if is_column_numbers(row):
            return True  # the template's column numbers under its header ('列次 | 1 | 2 | 3 …'): no amounts
        texts = [squash(cell.text) for _, cell in row.distinct() if cell.text.strip()]
        if len(texts) == 1 and matches("form.budget_block", texts[0]):
            return True  # the block's label merged down its rows, printed on a middle one (a borderless PDF)
        if opens_scored_table(texts):
            return False  # the header of the table after the block ('资金管理情况 | 情况说明 | 分值 | 得分'):
            # its rows score criteria, they are no sources of the fund
        row = self.align(row)
        label = self._label(row)
        self._yuan_under_wan(row)
        cols = self.cols
        if not label and self.total is None and not self.subs and (self._has_money(row) or self._has_points(row)):
            # a one-row block: the numbers sit right under the header (a form may leave its amounts empty
            # and fill only the rate's 权重 and 得分)
            label = "预算执行情况"
        if not label:
            return False
        fund = FundRow(
            label=label,
            initial=self._money(row, cols.initial),
            planned=self._money(row, cols.planned),
            executed=self._money(row, cols.executed),
        )
        no_amount = all(q is None for q in (fund.initial, fund.planned, fund.executed))
        if no_amount and not matches("budget.fund_row", label):
            return False  # no amount and no fund's name (项目年度目标, 项目权重 …): the block has ended
        is_total = matches("budget.total_row", label)
        if is_total and self.total is not None and not matches("budget.total_row", self.total.label) \
                and "其中" not in self.total.label:
            # the parts printed first and their 合计 last ('基本支出 | … / 项目支出 | … / 合计 | …'): the
            # first row was a part, not the block's total
            self.subs.insert(0, self.total)
            self.total, self.total_row = fund, row
        elif self.total is None and (is_total or (not self.subs and "其中" not in label)):
            self.total, self.total_row = fund, row
        else:
            self.subs.append(fund)
        return True

    def _yuan_under_wan(self, row: GridRow) -> None:
        """A block labelled 万元 whose first amounts are yuan ('项目资金（万元）' over 123456789.00): read as 万元 they
        would be more than any project's budget (`_WAN_BEYOND_ANY_BUDGET`), so the label is wrong, not the figures;
        a block that states no unit, over yuan written with their thousands separators (`_GROUPED_YUAN`)."""
        if self.cols.unit != "万元" or self.total is not None or self.subs:
            return
        cells = [row.cell(c) for c in (self.cols.initial, self.cols.planned, self.cols.executed) if c is not None]
        figures = [values.plain_decimal(cell.text) for cell in cells if cell is not None]
        grouped = not self.cols.unit_printed and any(
            cell is not None and _GROUPED_YUAN.match(squash(cell.text)) for cell in cells)
        if grouped or any(f is not None and f >= _WAN_BEYOND_ANY_BUDGET for f in figures):
            self.cols = replace(self.cols, unit="元")

    def _money(self, row: GridRow, col: int | None) -> Quantity | None:
        """The amount in a money column; a sentence merged across the block ('1.完成乡村道路建设养护
        里程300公里') holds no amount."""
        cell = row.cell(col)
        if cell is not None and not AMOUNT_CELL.match(squash(cell.text)):
            # ('总额38.75万元（其中…）', 'X项目38.75万元（…）': the whole amount in words, its unit its own)
            cols = self.cols
            return column_whole_money(row, col, (cols.initial, cols.planned, cols.executed), evidence(row, col))
        return values.money(cell, self.cols.unit, evidence(row, col))

    def _has_money(self, row: GridRow) -> bool:
        cells = (row.cell(c) for c in (self.cols.planned, self.cols.executed))
        return any(c is not None and values.score_value(c) is not None for c in cells)

    def _has_points(self, row: GridRow) -> bool:
        """Both the block's 分值/权重 and its 得分 hold a figure."""
        cells = [row.cell(c) for c in (self.cols.weight, self.cols.score) if c is not None]
        return len(cells) == 2 and all(c is not None and values.score_value(c) is not None for c in cells)

    def _label(self, row: GridRow) -> str:
        """The row's label: the distinct texts left of the money columns, minus the block label."""
        parts = [
            key for col, key in ((col, label_of_amount(squash(cell.text))) for col, cell in row.distinct())
            # (the block's label merged down its rows names its unit: '财政资金安排和使用情况(元)', '项目资金（万元）')
            # (a total named like the block, '项目资金总额', is a row's label where no unit marks it the block's)
            if col + row.shift < self.cols.first and (_unitless_total(key) or not re.search(
                r"项目资金|资金情况|^资金$|万元|[(（][千亿]?元[)）]", key))
            and values.plain_decimal(key) is None  # an amount of a source column (中央 | 本级) is no label
        ]
        label = "".join(parts)
        if not label or re.search(r"年度总体目标|绩效目标|预期目标|指标", label):
            return ""
        return label

    def budget(self) -> Budget:
        """The Budget: the total row's amounts, or the 其中 rows' when the total row is empty/zero.

        `sub_rows` holds the 其中 rows only; the printed total row goes to `fund_totals` so a total
        printed as 0 next to funded 其中 rows still shows up as fund-sum-mismatch.
        """
        cols = self.cols
        budget = Budget(sub_rows=list(self.subs))
        source = self.total
        if source is None or (_zero(source.planned) and _zero(source.executed)):
            funded = [s for s in self.subs if not _zero(s.planned) or not _zero(s.executed)]
            if funded:
                source = FundRow(
                    label="+".join(s.label for s in funded),
                    initial=_sum([s.initial for s in funded]),
                    planned=_sum([s.planned for s in funded]),
                    executed=_sum([s.executed for s in funded]),
                )
        if source is not None:
            budget.initial, budget.planned, budget.executed = source.initial, source.planned, source.executed
            if cols.planned is None and budget.planned is None:
                # a block with no 全年预算数 column ('年初预算数(A) | 全年执行数(B) | 执行率(B/A)'): its one
                # budget column is the budget the execution rate is taken against
                budget.planned = budget.initial
        row = self.total_row
        if row is not None:
            budget.weight = _either(values.score_value(row.cell(cols.weight)), cols.printed_weight)
            budget.score = values.score_value(row.cell(cols.score))
            budget.printed_rate = values.rate(row.cell(cols.rate), evidence(row, cols.rate))
        return budget

    def fund_totals(self, project: str) -> list[FundTotal]:
        """The 年度资金总额 row, column by column, as totals over the 其中 rows that carry money."""
        if self.total is None or self.total_row is None:
            return []
        out: list[FundTotal] = []
        columns = (("initial", "年初预算数", "other"), ("planned", "全年预算数", "planned"),
                   ("executed", "全年执行数", "executed"))
        label_ev = evidence(self.total_row, next((c for c, _ in self.total_row.distinct()), None))
        top, nested = _subtotal_parts(self.subs)
        sums = [(self.total, top, [label_ev] if label_ev else [])]
        sums += [(subtotal, parts, []) for subtotal, parts in nested]
        for whole, rows, ev in sums:
            for attribute, column, kind in columns:
                total: Quantity | None = getattr(whole, attribute)
                parts = [q for q in (getattr(sub, attribute) for sub in rows) if q is not None and q.value is not None]
                if total is None or total.value is None or not parts:
                    continue
                out.append(FundTotal(
                    label=f"{whole.label.rstrip('：:')}（{column}）", kind=kind,
                    total=total, parts=parts, projects=[project], evidence=ev,
                ))
        return out

    def score_line(self) -> ScoreLine | None:
        """The 预算执行 ScoreLine from the total row's 分值/得分."""
        row = self.total_row
        if row is None:
            return None
        weight = _either(values.score_value(row.cell(self.cols.weight)), self.cols.printed_weight)
        score = values.score_value(row.cell(self.cols.score))
        if weight is None and score is None:
            return None
        return ScoreLine(level="预算执行", weight=weight, score=score,
                         evidence=evidences(row, self.cols.weight, self.cols.score))


def opens_scored_table(texts: list[str]) -> bool:
    """A header row of a scored table, not a fund row: after its label, a 分值/权重 and a 得分 column label
    and no amount ('资金管理情况 | 情况说明 | 分值 | 得分 | 存在问题和改进措施'). A fund row prints amounts
    under those columns, never their labels."""
    rest = texts[1:]
    if any(values.plain_decimal(text) is not None for text in rest):
        return False
    return any(matches("budget.weight", t) for t in rest) and any(matches("budget.score", t) for t in rest)


#: the label of a row that numbers a template's columns (行次 numbers its rows, in a column of their own)
_NUMBERING = lazy_compile(r"^(列次|栏次|行次|序号|编号)[:：]?$")
_COLUMN_NUMBER = lazy_compile(r"[0-9]{1,2}")


def is_column_numbers(row: GridRow) -> bool:
    """A row that only numbers the columns above it ('列次 | | 1 | 2 | 3 | 4', '栏次 0 1 2 3 4'): three or more
    numbers counting up by one from 0 or 1, after a numbering label or alone (a note may close it, '所需材料')."""
    texts = [squash(cell.text) for _, cell in row.distinct() if squash(cell.text)]
    if not texts:
        return False
    labelled = bool(_NUMBERING.match(texts[0]))
    numbers = texts[1:] if labelled else texts
    run = 0
    while run < len(numbers) and _COLUMN_NUMBER.fullmatch(numbers[run]) \
            and int(numbers[run]) == int(numbers[0]) + run:
        run += 1
    return run >= 3 and int(numbers[0]) <= 1 and (labelled or run == len(numbers))


#: a row that adds up the rows printed under it ('财政资金小计' over '①项目支出' and '②基本支出')
_SUBTOTAL = lazy_compile(r"小计[:：]?$")


def _subtotal_parts(subs: list[FundRow]) -> tuple[list[FundRow], list[tuple[FundRow, list[FundRow]]]]:
    """The rows the block's total adds up, and each 小计 row with the rows under it that it adds up.

    A department form sums its sources in two steps ('财政资金小计' = ①项目支出 + ②基本支出, then '合计' =
    财政资金小计 + 单位其它收入): the rows right after a 小计 whose amounts reach it are its parts, counted in
    it and not a second time in the total."""
    top: list[FundRow] = []
    nested: list[tuple[FundRow, list[FundRow]]] = []
    at = 0
    while at < len(subs):
        row = subs[at]
        top.append(row)
        at += 1
        if not _SUBTOTAL.search(row.label) or _zero(row.planned):
            continue
        assert row.planned is not None and row.planned.value is not None
        running = Decimal(0)
        for end in range(at, len(subs)):
            part = subs[end].planned
            running += part.value if part is not None and part.value is not None else Decimal(0)
            if running == row.planned.value:
                nested.append((row, subs[at:end + 1]))
                at = end + 1
                break
            if running > row.planned.value:
                break
    return top, nested


def _either(first: Decimal | None, second: Decimal | None) -> Decimal | None:
    return first if first is not None else second


def _unitless_total(key: str) -> bool:
    return matches("budget.total_row", key) and "元" not in key


def _zero(quantity: Quantity | None) -> bool:
    return quantity is None or quantity.value is None or quantity.value == 0


def _sum(parts: list[Quantity | None]) -> Quantity | None:
    """Several Quantities of one unit added up (None when none has a value)."""
    present = [p for p in parts if p is not None and p.value is not None]
    if not present:
        return None
    if len(present) == 1:
        return present[0]
    total = sum((p.value for p in present if p.value is not None), start=Decimal(0))
    return Quantity(
        raw="+".join(p.raw for p in present), value=total, unit=present[0].unit,
        evidence=[ev for p in present for ev in p.evidence],
    )


def goal_columns(row: GridRow) -> tuple[int | None, int | None] | None:
    """Columns of 预期目标 / 实际完成情况 in the 年度总体目标 header row, if this is that row."""
    keys = row.row_keys()
    expected = find_role(keys, "goal.expected")
    achieved = find_role(keys, "goal.achieved")
    if expected is None or achieved is None:
        return None
    return expected, achieved
