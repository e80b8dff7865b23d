"""Forms flattened into text lines: rebuild their tables so the form parser can read them.

A 自评表 copied out of a web page or a PDF often arrives as one line per table row with the cells
separated by spaces, merged cells written once and empty cells dropped:

    产出指标（50分） 数量指标 购置数据库数量 六个 5 个 20 16.67 受天气影响…
    质量指标 平台故障中断时间 不高于2天 40小时 10 10

The header lines (项目资金 …, 绩效指标 一级指标 …) name the columns; each data line is put back
under them by what its tokens are: a 一级/二级 label at the front, the 分值/得分 pair as the last
two numbers (a 偏差原因 text may follow), a unit token glued to the number before it ('5 个'),
and target / actual in between. The rebuilt tables carry each cell's page and line; their index
is -1 because they are not tables of the Document.
"""

from __future__ import annotations

import re
from itertools import pairwise

from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Document, Line, Paragraph, Table
from reportparse.parse.form import values
from reportparse.parse.form.blocks import is_budget_header, is_header_label
from reportparse.parse.form.brokenlines import mend_broken_rows
from reportparse.parse.form.centredname import mend_centred_names
from reportparse.parse.form.columns import (
    IndicatorColumns,
    indicator_columns,
    is_indicator_header,
    is_unscored_indicator_header,
    split_group_header,
)
from reportparse.parse.form.fieldpairs import budget_fields
from reportparse.parse.form.fundrun import cut_block_label, cut_weight_rate
from reportparse.parse.form.grid import GridRow
from reportparse.parse.form.hanzi import to_simplified
from reportparse.parse.form.headerorder import column_role, header_in_order
from reportparse.parse.form.headerwords import labels_from_below, mend_header_tokens
from reportparse.parse.form.labels import is_column_label, matches, name_field, name_label_pattern, other_header_words
from reportparse.parse.form.levellabels import PRINTED_WEIGHT_CELL, is_total_label, label_kind, row_label_kind
from reportparse.parse.form.oneline import opens_footer, unflatten
from reportparse.parse.form.rowtail import (
    glue_units,
    sign_token,
    split_glued_values,
    split_name_target,
    split_tail,
    split_weight_first,
)
from reportparse.parse.form.splitlabels import fund_header_rest, join_split_labels, rows_open_with_levels
from reportparse.parse.form.wordspaced import rejoin_word_spaced
from reportparse.summarycolumns import GRADE

_TOKEN = lazy_compile(r"[^\s\u3000]+")
_SENTENCE_MARK = lazy_compile(r"[，。；]")
#: a scoring rule's sentence marks, a dump's half-width comma among them (not a figure's thousands comma)
_RULE_MARK = lazy_compile(r"[，。；;]|,(?!\d)")
#: A short bracketed note without a figure ('(万元)', '（%）', '(户)'): the unit of the name before it.
_BRACKETED_WORDS = lazy_compile(r"^[(（][^()（）\d]{1,6}[)）]$")
#: A token that begins with a figure or a comparator: a value, not a name.
_FIGURE_START = lazy_compile(r"^[≥≤≧≦<>=＝]?\d")


def _starts_with_header_label(token: str) -> bool:
    """'项目名称', '项目名称：乡村道路养护' or '主管部门XX局': a header block label opens the token."""
    key = token.replace(":", "").replace("：", "")
    # a two-character label ('部门') opens a token only as the whole token: as a prefix it would
    # take '部门整体支出绩效自评表' or '部门(单位)总体资金' for the header field
    return is_header_label(key) or any(is_header_label(key[:n]) for n in range(min(len(key), 12), 2, -1))


def text_form_tables(document: Document) -> list[Table]:
    """Tables rebuilt from flattened form lines, one per form (empty when there is none)."""
    lines = [
        row
        for element in document.paragraphs
        for line in _lines(element)
        for row in unflatten(line)
    ]
    return line_form_tables(lines)


def line_form_tables(lines: list[Line], whole: bool = False) -> list[Table]:
    """Tables rebuilt from form rows printed one a line (cells split by spaces). `whole`: the lines
    are all rows of forms (a reader cut them out of a dump), so the first opens a form even without
    a 项目名称 row — a 部门整体 form names its department in other fields, or in a title the dump garbled."""
    lines = mend_broken_rows(join_split_labels(mend_centred_names(lines)))
    starts = [i for i, line in enumerate(lines) if _tokens(line.text)[:1] and _starts_form(_tokens(line.text))]
    if whole and lines and (not starts or starts[0] > 0):
        starts.insert(0, 0)
    if not starts:  # a 部门整体 form names no project: its unit's label line opens it
        starts = _unit_starts(lines)
    if not starts or not any(_is_header(_tokens(line.text)) for line in lines):
        return []
    tables: list[Table] = []
    for number, start in enumerate(starts):
        begin = _title_above(lines, start)
        following = starts[number + 1] if number + 1 < len(starts) else len(lines)
        # (the line before the next form is its title when it names a 表, else this form's last row: 总分)
        end = following - 1 if following < len(lines) and "表" in lines[following - 1].text else following
        end = min(end, _title_above(lines, following)) if following < len(lines) else end
        table = _rebuild(_block_label_home(lines[begin:end]))
        if table is not None:
            tables.append(table)
    return tables


#: Longest line between a form's title and its first row: a template's tick line ('填报类型:整体□ 区域√ 项目□').
_MAX_TICK_LINE = 30


def _title_above(lines: list[Line], start: int) -> int:
    """The line of the form's title (…自评表) right above the form's first row, or one line higher over a
    short line of the template's between them ('填报类型:整体□ 区域√ 项目□'); `start` when there is none."""
    for above in (start - 1, start - 2):
        if above < 0 or "自评表" in lines[above].text:
            return max(above, 0) if above >= 0 else start
        if len(lines[above].text.strip()) > _MAX_TICK_LINE:
            break
    return start


#: A unit in brackets printed as a token of its own after a block label ('项目资金 (万元)').
_BRACKETED_UNIT_TOKEN = lazy_compile(r"^[(（][^()（）]{1,6}[)）]$")
#: Most lines between the 项目资金 block's header line and the fund row its label was printed on.
_MAX_BLOCK_ROWS = 5


def _block_label_home(lines: list[Line]) -> list[Line]:
    """The 项目资金 label of a block merged down its rows, printed by a PDF's text order on the block's
    middle row ('项目资金 (万元) 其中:当年财政拨款 150 150 …'), put back before the block's column labels
    ('年初预算数 全年预算数 …', a header line with no label of its own): on its fund row it would
    push the amounts out of their columns."""
    out = list(lines)
    for at, line in enumerate(out):
        tokens = _tokens(line.text)
        if not tokens or not is_budget_header(_row(tokens, line)) or _opens_block(tokens[0]):
            continue
        for below in range(at + 1, min(at + 1 + _MAX_BLOCK_ROWS, len(out))):
            moved = _tokens(out[below].text)
            size = 2 if len(moved) > 2 and _BRACKETED_UNIT_TOKEN.match(moved[1]) else 1
            if len(moved) > size and _opens_block(moved[0]) and matches("form.fund_row_open", to_simplified(
                    moved[size])):
                out[at] = line.model_copy(update={"text": " ".join(["".join(moved[:size]), *tokens])})
                out[below] = out[below].model_copy(update={"text": " ".join(moved[size:])})
                break
        break  # one block header a form
    return out


def _opens_block(token: str) -> bool:
    return matches("form.budget_block", to_simplified(token))


def _lines(paragraph: Paragraph) -> list[Line]:
    if paragraph.lines:
        return paragraph.lines
    return [Line(text=paragraph.text, page=paragraph.page)]


def _tokens(text: str) -> list[str]:
    """The space-separated cells of a line; a level's weight split from its label ('产出指标 (50分)')
    goes back onto it."""
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        if tokens and PRINTED_WEIGHT_CELL.match(token):
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


def _starts_form(tokens: list[str]) -> bool:
    """The line opens with a name label, in any province's wording (项目名称, 专项资金名称 …), or with another
    header field that the name's follows ('单位名称：X 项目名称：Y')."""
    if name_field().match(to_simplified(tokens[0])):
        return True
    return _starts_with_header_label(tokens[0]) and any(
        name_field().match(to_simplified(token)) for token in tokens[1:_NAME_AMONG_FIELDS])


#: How many cells into a header line the name's label may come after other fields' labels and values.
_NAME_AMONG_FIELDS = 5


def _unit_starts(lines: list[Line]) -> list[int]:
    """The lines that open forms without a 项目名称: the first of each run of header lines labelled
    with the unit or department (单位名称, 预算部门, 一级预算单位名称; the label table's header roles)."""
    labelled = [bool(tokens := _tokens(line.text)) and any(
        matches(role, to_simplified(tokens[0])) for role in ("header.department", "header.unit"))
        for line in lines]
    return [i for i, flag in enumerate(labelled) if flag and not (i and labelled[i - 1])]


def _is_header(tokens: list[str]) -> bool:
    """A column-header line of a flattened form; a sentence that names 预算 and 执行数 is not one."""
    if _is_prose(tokens):
        return False
    row = _row(tokens, Line(text="", page=1))
    return is_budget_header(row) or is_indicator_header(row) or bool(budget_fields(row))


#: Longest piece of a column label that a header line left for the line under it ('年度' / '指标值').
_HEADER_PIECE = 4


def _finish_header(header: list[str], below: list[str]) -> list[str] | None:
    """A header line whose labels the layout wrapped, their ends on the next line
    ('… 三级指标 年度 实际 分值 得分 …' over '指标值 完成值'): the pieces joined in order, each short
    piece of the header with the next word below, when every join makes a column label and every
    word below is used; else the header with the scoring group the line splits (`split_group_header`), or None."""
    # (绩效指标: the block label; 评分标准, 指标说明: whole labels of columns the reader does not use)
    pieces = [i for i, t in enumerate(header) if len(t) <= _HEADER_PIECE and not column_role(t)
              and not matches("indicator.goal_name", to_simplified(t)) and not is_column_label(to_simplified(t))]
    roles = {column_role(t) for t in header}
    if not below or len(pieces) > len(below) or any(
            column_role(t) not in roles for t in below if len(t) > _HEADER_PIECE):
        return split_group_header(header, below)
    out = list(header)
    at = 0
    for word in below:
        # each word below finishes the next piece, or (a whole label wrapped: '偏差原因' over '分析及改进措施')
        # goes on a label it leaves in its role
        slot = next((i for i in range(at, len(header)) if (i in pieces and column_role(header[i] + word)) or (
            i not in pieces and column_role(header[i]) and column_role(header[i] + word) == column_role(header[i])
            and (column_role(word) == column_role(header[i]) or (word == "指标" and not header[i].endswith(word))))),
            None)
        if slot is None:
            return split_group_header(header, below)
        out[slot] = header[slot] + word
        at = slot + 1
    if any(out[i] == header[i] for i in pieces):
        return split_group_header(header, below)
    return out


def _wrapped_scores(tokens: list[str], above: list[str], cols: IndicatorColumns) -> bool:
    """A line of just the 分值 and 得分 ('7 7') under an indicator row that has a name and no 分值 or
    得分 yet: a long row the layout wrapped, its figures left for the line under it."""
    figures = (cols.weight, cols.score)
    if None in figures or cols.name is None or len(tokens) != 2:
        return False
    if not all(values.plain_decimal(t) is not None for t in tokens):
        return False
    filled = [col < len(above) and bool(above[col]) for col in figures if col is not None]
    return cols.name < len(above) and bool(above[cols.name]) and not any(filled)


def _is_note(text: str) -> bool:
    """A labelled sentence on a line of its own ('定量指标计算:…记满分。', '注:…。'): a note of the
    template, never an indicator row (a row has cells; a cut-off row's name does not end its sentence)."""
    return len(text) > 20 and text.endswith(("。", "；", ";")) and bool(re.match(r"^[^，。,]{1,10}[:：]", text))


def _is_prose(tokens: list[str]) -> bool:
    """Sentence punctuation (，。；) never sits in a header cell: such a line is report prose."""
    return any(_SENTENCE_MARK.search(token) for token in tokens)


def _row(texts: list[str], line: Line, row: int = 0) -> GridRow:
    """A one-row table of these texts, so the grid helpers can judge them."""
    cells = [Cell(text=t, row=row, col=c, page=line.page, line=line.line, confidence=line.confidence)
             for c, t in enumerate(texts)]
    return GridRow(Table(index=-1, rows=[cells], page=line.page, pages=[line.page]), 0)


def _rebuild(lines: list[Line]) -> Table | None:
    """Lay the lines of one form out as a grid under its header lines."""
    rows: list[tuple[list[str], Line]] = []
    indicator: IndicatorColumns | None = None
    goal_next = False
    joined: set[int] = set()  # lines whose words finished the header line above them
    fund_header: list[str] = []
    targets_only = False  # every indicator row prints one figure: the form was filled before it was scored
    block_label = ""  # the 项目资金 block's column labels, once its header line came
    opened = False  # a header field (项目名称, 主管部门 …) came
    for index, line in enumerate(lines):
        tokens = _tokens(line.text)
        if not tokens or index in joined:
            continue
        probe = _row(tokens, line)
        first = to_simplified(tokens[0])  # labels may be printed in traditional characters
        if _starts_with_header_label(first):
            rows.append((_header_cells(line.text), line))
            opened = True
        elif not _is_prose(tokens) and (is_indicator_header(probe) or (
                # an unscored table's header (三级指标 | 年度指标值 | 全年完成值 | 未完成原因, a transfer form's):
                # a form's only once the form has opened with its fields or its 项目资金 block
                indicator is None and (fund_header or opened) and is_unscored_indicator_header(probe))):
            tokens = mend_header_tokens(tokens)  # (labels a scan's reading ran together or misspelt)
            below = _tokens(lines[index + 1].text) if index + 1 < len(lines) else []
            finished = _finish_header(tokens, below) or labels_from_below(tokens, below)
            if finished is not None:
                tokens = finished
                joined.add(index + 1)
            tokens = header_in_order(tokens)
            indicator = indicator_columns(_row(tokens, line))
            targets_only = _one_figure_a_row(lines[index + 1:])
            if indicator.level1 is None and indicator.level2 is None and rows_open_with_levels(lines[index + 1:]):
                # the level columns' labels lost above the header (broken over lines, spaced out) while the
                # rows still open with their 一级/二级 labels: the columns are put back so the rows keep them
                tokens = ["一级指标", "二级指标", *tokens]
                indicator = indicator_columns(_row(tokens, line))
            # the block's own label heading a column before the 一级 column ('绩效指标 一级指标 …')
            block_label = tokens[0] if indicator.level1 else ""
            rows.append((tokens, line))
        elif indicator is not None and opens_footer(tokens):
            continue  # a note row above the 总分 row ('其他需要说明事项 无'): no indicator
        elif indicator is not None and len(tokens) == 1 and _is_note(first):
            continue  # the template's scoring note printed between the rows ('定量指标计算:…。')
        elif is_total_label(first) and indicator is not None:
            rows.append((_total_cells(tokens, indicator), line))
            break
        elif indicator is not None and rows and _wrapped_scores(tokens, rows[-1][0], indicator):
            cells = rows[-1][0]  # the row above's 分值 and 得分, wrapped onto a line of their own
            for col, text in zip((indicator.weight, indicator.score), tokens, strict=False):
                if col is not None:
                    _put(cells, col, text)
        elif indicator is not None:
            if block_label and len(tokens) > 2 and tokens[0] == block_label:
                tokens = tokens[1:]  # the block label merged down its rows, printed on a middle one
            rows.append((_indicator_cells(tokens, indicator, targets_only), line))
        elif goal_next:
            rows.append((["", *tokens], line))
            goal_next = False
        else:
            goal_next = "预期目标" in [to_simplified(t) for t in tokens]
            if is_budget_header(probe):
                tokens = cut_block_label(tokens)
                rest = fund_header_rest(_tokens(lines[index + 1].text)) if index + 1 < len(lines) else []
                if rest:
                    tokens = [*tokens, *rest]  # the header's last labels wrapped onto the line under it
                    joined.add(index + 1)
                fund_header = tokens
            elif fund_header:
                tokens = cut_weight_rate(tokens, fund_header)
            rows.append((tokens, line))
    if not rows:
        return None
    width = max(len(texts) for texts, _ in rows)
    grid = [
        [Cell(text=t, row=r, col=c, page=line.page, line=line.line, confidence=line.confidence)
         for c, t in enumerate(texts + [""] * (width - len(texts)))]
        for r, (texts, line) in enumerate(rows)
    ]
    pages = sorted({line.page for _, line in rows})
    return Table(index=-1, rows=grid, page=pages[0], pages=pages)


def _one_figure_a_row(lines: list[Line]) -> bool:
    """Does no row below an indicator header print more than one figure (its target)?"""
    counts = [sum(bool(_FIGURE_START.match(token)) for token in _tokens(line.text)) for line in lines]
    return bool(counts) and max(counts) <= 1


#: a field's label printed as a token closed by its colon ('是否为专项资金:', '金额单位：')
_COLON_LABEL = lazy_compile(r"(?:^|\s)([\u4e00-\u9fff()（）]{2,12}[:：])(?=\s|$)")


def _header_cells(text: str) -> list[str]:
    """'主管部门 市人民政府 实施单位 县林业和草原局' → label, value, label, value (values may hold spaces)."""
    # to_simplified keeps every offset, so labels found in the folded text cut the printed one
    folded = to_simplified(text)
    words = "|".join((name_label_pattern(), "(?:中央|地方|省级|市级|县级|区级)?主管部门", "主管单位", "项目实施单位",
                      "项目单位", "资金使用单位", "实施单位", "预算部门", "预算单位",
                      *map(re.escape, other_header_words())))
    labels = re.finditer(rf"({words})[:：]?", folded)
    cuts = [0]
    for match in labels:
        cuts.extend((match.start(), match.start() + len(match.group(1)), match.end()))
    # (a field the label table does not know still ends the value before it where it is printed as a label, a
    # token of its own closed by a colon: '项目名称: X 是否为专项资金: 金额单位: 万元')
    cuts.extend(end for match in _COLON_LABEL.finditer(folded) for end in (match.start(1), match.end()))
    cuts.sort()
    cuts.append(len(text))
    pieces = [text[a:b] for a, b in pairwise(cuts)]
    return [part.strip() for part in pieces if part.strip() and part.strip() not in {":", "："}]


def _total_cells(tokens: list[str], cols: IndicatorColumns) -> list[str]:
    """'总分 100 96.67' → the numbers under 分值 and 得分; a grade printed after them ('总分 100 96 优',
    '总分 100 96 自评等级 优') is kept in the cells after the 得分, where the total row's reader looks
    for it."""
    numbers = [t for t in tokens[1:] if values.plain_decimal(t) is not None]
    cells = [tokens[0]]
    if cols.weight is not None and cols.score is not None and len(numbers) >= 2:
        _put(cells, cols.weight, numbers[-2])
        _put(cells, cols.score, numbers[-1])
    elif cols.score is not None and numbers:
        _put(cells, cols.score, numbers[-1])
    last = max((i for i, t in enumerate(tokens) if values.plain_decimal(t) is not None), default=None)
    if last is not None and cols.score is not None and len(cells) > cols.score:
        cells.extend(t for t in tokens[last + 1:] if GRADE.match(t) or matches("form.grade_label", to_simplified(t)))
    return cells


def _indicator_cells(tokens: list[str], cols: IndicatorColumns, targets_only: bool = False) -> list[str]:
    """One flattened indicator line put back under the header's columns."""
    cells: list[str] = []
    i = 0
    # a level label whose column the header lost (its words broken over the lines above it, or
    # garbled): not the indicator's name — the name follows it
    if cols.level1 is None and len(tokens) > 2 and label_kind(tokens[0]) == 1:
        if cols.level2 is not None and label_kind(tokens[1]) != 2 and not _FIGURE_START.match(tokens[1]):
            # no 二级 label after it ('效益指标 年新增畜牧产值 500'): the row's only level label, kept in the
            # level column there is, or its row would stay under the level above it
            _put(cells, cols.level2, tokens[0])
        i += 1
    if cols.level2 is None and len(tokens) > i + 2 and label_kind(tokens[i]) == 2 and not _FIGURE_START.match(
            tokens[i + 1]):
        i += 1
    tokens, i = tokens[i:], 0
    two_level2 = len(tokens) > 1 and label_kind(tokens[0]) == 2 and label_kind(tokens[1]) == 2
    if i < len(tokens) and (label_kind(tokens[i]) == 1 or two_level2) and cols.level1 is not None:
        # two 二级-looking labels in a row: the first is the 一级 ('成本指标 经济成本指标' of the 2021 template)
        _put(cells, cols.level1, tokens[i])
        i += 1
    level2 = (1, 2) if i else (2,)  # after a 一级 label, '满意度指标' (a 一级 word too) is its 二级
    following = tokens[i + 1] if len(tokens) > i + 1 else ""
    if i < len(tokens) and (label_kind(tokens[i]) in level2 or row_label_kind(tokens[i], following) == 2) \
            and cols.level2 is not None:
        _put(cells, cols.level2, tokens[i])
        i += 1
        if len(tokens) > i + 1 and label_kind(tokens[i]) == 2 and not _FIGURE_START.match(tokens[i + 1]):
            # a deeper level the form prints before the name ('效益指标 满意度指标 服务对象满意度指标 X 98%'):
            # the name follows it
            _put(cells, cols.level2, tokens[i])
            i += 1
    if i >= len(tokens) or cols.name is None:
        return cells
    tokens = [*tokens[:i], *rejoin_word_spaced(tokens[i:], sum(c is not None for c in (cols.target, cols.actual)))]
    name, rest = tokens[i], tokens[i + 1:]
    while rest and _BRACKETED_WORDS.match(rest[0]):
        name, rest = name + rest[0], rest[1:]  # the name's unit a dump set apart ('年新增畜牧产值 (万元)')
    rest = split_glued_values(rest)  # (two values an OCR ran together)
    middle, weight, score, reason = split_weight_first(rest, cols) or split_tail(rest, cols, targets_only)
    name, middle = split_name_target(name, middle, cols)
    _put(cells, cols.name, name)
    for col, text in ((cols.weight, weight), (cols.score, score), (cols.reason, reason)):
        if col is not None and text:
            _put(cells, col, text)
    split = cols.nature is not None or cols.unit is not None
    middle = glue_units(middle, glue_comparators=not split)
    if split and middle and cols.nature is not None and sign_token(middle[0], middle[1:]):
        _put(cells, cols.nature, middle.pop(0))
    if middle and cols.target is not None:
        _put(cells, cols.target, middle.pop(0))
    if middle and cols.standard is not None and cols.actual is not None and cols.standard > cols.actual:
        # a 评分标准 column after the result ('9个 本指标满分6分,…扣完为止。'): its sentence is no part of the result
        rule = next((at for at, token in enumerate(middle) if at and _RULE_MARK.search(token)), None)
        if rule is not None:
            _put(cells, cols.standard, " ".join(middle[rule:]))
            middle = middle[:rule]
    if middle and cols.actual is not None:
        _put(cells, cols.actual, " ".join(middle))
    return cells


def _put(cells: list[str], col: int, text: str) -> None:
    while len(cells) <= col:
        cells.append("")
    cells[col] = text
