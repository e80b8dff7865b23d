"""A 自评表 whose text dump lost every cell separator: cut the run back into cells.

Document-sharing sites serve a DOCX form as a text preview in which every cell runs into the next,
the whole form in a few long lines (broken only where the preview's pages break, each page opening
with its number '2、'):

    …项目资金 (万元)年初预算数全年预算数全年执行分值执行率得分年度资金总额40404010100%其中:当年财政拨款…
    …一级指标二级指标三级指标年度 指标值实际 完成值分 值得 分偏差原因分析 及改进措施产出指标数量指标
    更新剧团老化、损坏的音50件50件2020望新点胸艮必具100件100件2020质量指标…

No position survives, so the cells are found from what they are: a label of the form (`form.run_words`
and `form.header_words` of `lexicon/form_labels.json`, the 一级/二级 labels) is a cell of its own;
a figure (with its comparator and unit) is a cell where a run of figures begins — a figure followed by
another figure, a label or the end, and every figure after it; the text between is one cell. Two
figures the dump glued together are taken apart where the form says how: a 分值 and its 得分 ('2020',
at most 100 and the 得分 no more than the 分值), and a fund row's equal amounts before a 100% rate
('40404010100%' → 40 40 40 10 100%), a row's result, 分值 and 得分 after its target ('≥50个5088');
`gluedcuts` lists the readings and keeps the one the form's evidence picks. A row where more than one
reading still fits is kept, read with no confidence (`AMBIGUOUS_CUT_CONFIDENCE`): a finding resting on
it is an info noted `ambiguous-cut`, never an error on a guess. The cells then go to the one-line
reader (`oneline`), which cuts them into the form's rows like any form flattened onto one line.
Which text of a document is such a run, and the rows read from it, is `rundump`'s.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from reportparse.han import has_han, is_han
from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.fundrun import (
    GLUED_FUND,
    after_fund_label,
    after_sub_row_label,
    fund_figures,
    fund_row_amounts,
    fund_width,
    repeats,
    total_pair,
    weight_and_rate,
)
from reportparse.parse.form.gluedcuts import (
    amounts_apart,
    apart,
    glued_figures,
    level_room,
    level_weight,
    weight_and_score,
)
from reportparse.parse.form.labels import body_words, column_words, row_verdicts, run_words
from reportparse.parse.form.levellabels import RUN_LEVEL_LABELS, label_kind
from reportparse.parse.form.runcells import (
    FIGURE,
    NOTE,
    RunHeader,
    figure_at,
    figures_before,
    inside_name,
    texts_after_weight,
    weight_after_name,
    weight_then_target,
    worded_pair,
)
from reportparse.parse.form.runlines import (
    ROW_BREAK,
    label_at,
    rejoin_wrapped_labels,
    squashed,
)

#: A percent figure (with its comparator): among the indicator rows a cell of its own, a target,
#: where a text result and the row's bare 分值/得分 follow it ('100%按规定执行44'), not where the text
#: goes on to other figures ('提高1%X体检率提高2%…': one result written in words and figures).
_PERCENT = lazy_compile(r".*[%％‰](?:以上|以下|以内)?$")
_TEXT_THEN_PAIR = lazy_compile(r"[^\d%％‰.]+\d{2,4}(?![\d.%％‰])")
#: A bare number of two to four digits: where it ends a text among the indicator rows of a form
#: whose rows end in a 分值 and a 得分, it is that pair run together ('按规定公开已公开44部门…').
_BARE_PAIR = lazy_compile(r"\d{2,4}")
#: A 一级 label's printed weight right after it, before the next label or text ('管理指标30预算…').
_LEVEL_WEIGHT = lazy_compile(r"\d{1,3}(?:\.\d)?(?=[\u4e00-\u9fff])")
#: Figures with two decimal points or more run together: '1.561.56120'.
_DOTTED_RUN = lazy_compile(r"\d+\.\d+\.[\d.]*\d")
#: A nought, where two are glued: no number is written with a leading zero, so '00' is two figures.
_NOUGHT = lazy_compile(r"0")
#: A 分值 and its 得分 run together ('2020', '126'), or one number.
_PAIR = lazy_compile(r"\d{2,6}")
#: The numbered prefix that opens a row's name ('指标2:', '任务1:').
_ROW_PREFIX = lazy_compile(r"(?:指标|任务)\d+[:：]")
#: A next row's numbered name after a row's figures, its colon left out ('…1010指标2…').
_NEXT_ROW = lazy_compile(r"指标\d+(?![\d.%％])")
#: An indicator header whose rows end in a 分值 and a 得分 (as against a 得分 alone). Column words run
#: together hold no sentence mark: a footnote's '确定三级指标的分值,得分最高不能超过…' is no header.
_PAIRED_HEADER = lazy_compile(r"三级指标[^,，。;；、]{0,40}?(分值|权重)[^,，。;；、]{0,6}?得分")
#: A total row's label: its 分值 and 得分 follow it run together ('总分10098').
_TOTAL = lazy_compile(r"总分|合计|总计")


@cache
def _labels(body: bool = False) -> tuple[str, ...]:
    """Every label that is a cell of its own, longest first; among the indicator rows (`body`) only
    the level labels and the words that open a next table or form, the totals (form.body_words):
    there a column word is part of a name ('政府采购执行率', '达成目标值')."""
    words = (*body_words(), *row_verdicts()) if body else (*run_words(), *column_words(), *body_words())
    return tuple(sorted({*words, *RUN_LEVEL_LABELS}, key=len, reverse=True))


def split_cells(text: str, with_starts: bool = False) -> Any:
    """The cells of a run-together form, in reading order (and, `with_starts`, where each begins
    in the squashed text and the indexes of the cells cut from a glued run that more than one
    reading fits: the reader took the likeliest, and the figure stays uncertain)."""
    key = rejoin_wrapped_labels(ROW_BREAK.join(squashed(part) for part in text.split(ROW_BREAK)), _labels())
    paired = bool(_PAIRED_HEADER.search(key))  # rows end in a 分值 and its 得分, not a lone 得分
    cells: list[str] = []
    buffer = ""
    in_figures = False
    header = RunHeader()
    fund_amounts: list[str] = []  # the amounts of the last fund row read from a run glued to its rate
    uncertain: set[int] = set()  # cells cut from a run that more than one reading fits
    # a fund block whose row of amounts more than one reading fits: its other rows' runs, glued the same way,
    # are no surer ('264264203.4' under a total cut in doubt), and no sum over the block rests on them
    funds_unsure = False
    weight_at: set[int] = set()  # the cells that are an indicator row's 分值 cut from a glued run
    at = 0

    def flush(cells: list[str], buffer: str) -> list[str]:
        # a row's target and result in words, equal, run together after its name ('成本控制不超过预算
        # 不超过预算'): the figures' rule (a figure opens a cell) does not cut them, their repeat does
        return cells + _repeated_result(buffer) if header.body and header.results else _flush(cells, buffer)

    while at < len(key):
        if key[at] == ROW_BREAK:  # no cell runs over a row's end
            cells, buffer = flush(cells, buffer), ""
            at, in_figures = at + 1, False
            continue
        note = NOTE.match(key, at)
        if note:  # a bracketed note ('(A)', '(20分*执行率)') belongs to the label or text before it
            if buffer or not cells:
                buffer += note.group(0)
            else:
                cells[-1] += note.group(0)
            at = note.end()
            continue
        if header.body and _header_goes_on(key, at):
            header.body = False  # two column words in a row: the header was not done (a word it garbled)
        label = label_at(key, at, _labels(header.body), header.body)
        if label is not None:
            cells, buffer = flush(cells, buffer), ""
            cells.append(label)
            header.saw_label(label)
            at, in_figures = at + len(label), False
            continue
        weight = _LEVEL_WEIGHT.match(key, at)
        if weight and not buffer and cells and label_kind(cells[-1]) == 1:
            cells[-1] += f"({weight.group(0)}分)"  # a 一级 label's weight, printed after it ('管理指标30')
            at, in_figures = weight.end(), False
            continue
        weight_first = header.body and header.weight_first
        bare_weight = weight_after_name(key, at, cells, weight_at, _labels(True)) if buffer and weight_first else None
        if bare_weight is not None:  # a row's 分值 between its name and a target in words ('状况10显著提升')
            cells, buffer = flush(cells, buffer), ""
            weight_at.add(len(cells))
            cells.append(bare_weight)
            at, in_figures = at + len(bare_weight), False
            continue
        if buffer and header.body:
            pair = _text_pair(key, at, paired, buffer)
            if pair is not None:  # a text cell's row ends in its 分值 and 得分 run together
                cells, buffer = flush(cells, buffer), ""
                parts = weight_and_score(pair)
                room = level_room(cells, weight_at)
                if len(parts) == 2:
                    if room is not None and 0 < room < Decimal(parts[0]):
                        # a 分值 its level's printed weight has no room for: the number may as well
                        # be a figure of the text ('造林补助每亩300每亩…' is no 30 | 0). (A level its
                        # rows filled is done: the rows after it are a next level's, its label lost.)
                        uncertain.update(range(len(cells), len(cells) + 2))
                    weight_at.add(len(cells))
                cells.extend(parts)
                at, in_figures = at + len(pair), True
                continue
        glued = _GLUED_RUN.match(key, at) if header.body and header.figures and buffer else None
        unit = _UNIT_END.search(buffer)  # the unit column's cell ends the name ('…完成率%')
        percent = unit is not None and unit.group(0) in "%％"
        figures = glued_figures(glued.group(0), header.figures, percent, tuple(header.weights)) if glued else None
        if glued and not figures:  # figures the dump glued beyond one reading: the row stays text
            cells, buffer = flush(cells, buffer + glued.group(0)), ""
            at, in_figures = glued.end(), False
            continue
        if glued and figures:
            header.weights.append(figures[header.figures.index("weight")])
            unit_text = unit.group(0) if unit and unit.start() else ""
            cells = flush(cells, buffer[:len(buffer) - len(unit_text)])
            cells.extend(_in_template_order(dict(zip(header.figures, figures, strict=True)), unit_text))
            buffer = ""
            at, in_figures = glued.end(), True
            continue
        glued_fund = GLUED_FUND.match(key, at) if not header.body and after_fund_label(cells, buffer) else None
        width = fund_width(cells) if glued_fund else None
        fund = fund_figures(glued_fund.group(0), width, after_sub_row_label(cells, buffer),
                            tuple(fund_amounts)) if glued_fund and width else None
        if glued_fund and fund:  # a fund row's amounts glued to their rate ('1484631.00%' → 148 46 31.00%)
            cells, buffer = flush(cells, buffer), ""
            cells.extend(fund)
            fund_amounts = fund[:width]
            at, in_figures = glued_fund.end(), True
            continue
        rated = GLUED_FUND.match(key, at) if not header.body and not buffer else None
        split = weight_and_rate(rated.group(0), fund_row_amounts(cells)) if rated else None
        if rated and split:  # the 分值 glued to the rate after a fund row's amounts ('10083.5%')
            cells.extend(split)
            at, in_figures = rated.end(), True
            continue
        dotted = _DOTTED_RUN.match(key, at)
        if dotted and not buffer.endswith(tuple("0123456789")):
            # amounts run together ('1.561.56120'): each has two decimals, the rest is one figure
            fund_row = after_fund_label(cells, buffer)
            sub_row = fund_row and after_sub_row_label(cells, buffer) and not FIGURE.match(key, dotted.end())
            cells, buffer = flush(cells, buffer), ""
            repeated = repeats(dotted.group(0), fund_amounts) if fund_row else None
            amounts, unsure = (repeated, False) if repeated else amounts_apart(dotted.group(0), sub_row)
            end = dotted.end()
            rated_split = weight_and_rate(amounts[-1] + key[end], [a for a in amounts if "." in a]) \
                if fund_row and end < len(key) and key[end] in "%％" and "." not in amounts[-1] else None
            if rated_split:  # the amounts, then the 分值 glued to the rate ('…387664.6210100%': 10 | 100%)
                amounts[-1:] = rated_split
                end += 1
            elif paired and len(amounts) > 1 and _PAIR.fullmatch(amounts[-1]) and amounts[-1] != "100" \
                    and not FIGURE.match(key, dotted.end()):
                amounts[-1:] = weight_and_score(amounts[-1])  # the row's 分值 and 得分 after its amounts
            if fund_row and not unsure:
                fund_amounts = [a for a in amounts if "." in a]  # the total's amounts, for its 其中 rows
            funds_unsure = funds_unsure or (fund_row and unsure)
            if unsure:
                uncertain.update(range(len(cells), len(cells) + len(amounts)))
            cells.extend(amounts)
            at, in_figures = end, True
            continue
        figure = figure_at(key, at, cells, buffer, header.pair_after_result) if header.body else FIGURE.match(key, at)
        if figure and figure.group(0) == "00" and not buffer[-1:].isdigit():
            figure = _NOUGHT.match(key, at)  # a target and a result of nought run together ('…变质比例00'): 0 | 0
        opens = in_figures or _opens_figures(key, figure.end(), header.body) if figure else False
        if figure and header.body and _PERCENT.match(figure.group(0)) and _TEXT_THEN_PAIR.match(key, figure.end()):
            opens = True  # a rate among the indicator rows before a text result and the row's 分值/得分
        if figure and not buffer and cells and _TOTAL.fullmatch(cells[-1]):
            opens = True  # a total's figures, whatever follows them (a note: '总分100100注:…')
        if figure and opens and not inside_name(buffer):
            ends = not FIGURE.match(key, figure.end())
            closes = in_figures or bool(buffer) or (bool(cells) and bool(_TOTAL.fullmatch(cells[-1])))
            # (a fund row's 得分 after its rate is one figure: no 分值 glued to it)
            last = paired and ends and closes and not (
                cells and _PERCENT.match(cells[-1]) and fund_row_amounts(cells[:-1]))
            total = _TOTAL.fullmatch(cells[-1]) if cells and not buffer else None
            fund_figure = after_fund_label(cells, buffer)
            repeated = repeats(figure.group(0), fund_amounts) if fund_figure else None
            after_target = not buffer and figures_before(cells) == 1
            after_text = bool(buffer)
            after_weight = bool(weight_at) and max(weight_at) == len(cells) - 1
            if header.body and header.weight_first and after_weight:
                cells, buffer = texts_after_weight(cells, buffer, True), ""
            else:
                cells, buffer = flush(cells, buffer), ""  # (a name with its result twice: three cells)
            glued_weight = weight_then_target(figure.group(0), key, figure.end()) \
                if header.body and header.weight_first and after_text and not after_weight else None
            if glued_weight:  # the 分值 glued to the target it precedes ('1020万元20万元': 10 | 20万元)
                weight_at.add(len(cells))
                cells.extend(glued_weight)
            elif repeated or total:
                weights = sum((Decimal(cells[i]) for i in weight_at if _NUMBER_IN.fullmatch(cells[i])), Decimal(0))
                cells.extend(repeated or total_pair(figure.group(0), weights))
            else:
                target = _NUMBER_IN.search(cells[-1]) if after_target else None
                parts, unsure = apart(figure.group(0), last, after_target, header.weights,
                                       target.group(0) if target else "", after_text, level_weight(cells),
                                       whole_row=after_text and header.body and header.paired_result)
                if unsure or (fund_figure and funds_unsure):
                    uncertain.update(range(len(cells), len(cells) + len(parts)))
                elif len(parts) >= 2 and last and header.body:
                    header.weights.append(parts[-2])
                if len(parts) >= 2 and last and header.body:
                    weight_at.add(len(cells) + len(parts) - 2)
                cells.extend(parts)
            at, in_figures = figure.end(), True
            continue
        if header.body and buffer and _ROW_PREFIX.match(key, at) and cells and _NUMBER_IN.fullmatch(cells[-1]):
            # a row's reason run into the next row's numbered name ('…4 3个别人未及时完成任务2:…'): the name's
            # number opens the next row, the text before it is the reason after the row's 得分
            cells, buffer = flush(cells, buffer), ""
        if not buffer:
            header.saw_text()
        buffer += key[at]
        at, in_figures = at + 1, False
    cells = flush(cells, buffer)
    return (cells, _starts(key, cells), uncertain) if with_starts else cells


def _starts(key: str, cells: list[str]) -> list[int]:
    """Where each cell begins in `key` (the cells are `key` cut in order; a split figure's parts
    are found one after another)."""
    out: list[int] = []
    at = 0
    for cell in cells:
        found = key.find(cell, at)
        found = at if found < 0 else found
        out.append(found)
        at = found + len(cell)
    return out


#: A text cell ending in a result in words printed twice, as target and result ('…不超过预算不超过预算',
#: '…显著提高显著提高'): the shortest name before the longest such repeat. A repeat of one character
#: is a result only when it is one of the template's answers ('是是', '高高').
_REPEATED_RESULT = lazy_compile(r"(.{2,}?)([^\d\s%％]{2,12}|[是否高低好优良有无])\2")


def _repeated_result(text: str) -> list[str]:
    """`text` as the name, target and result it holds when it ends in a repeated result, else itself."""
    if not text:
        return []
    repeat = _REPEATED_RESULT.fullmatch(text)
    if repeat is None or label_kind(repeat.group(1)) or not has_han(repeat.group(2)):
        return worded_pair(text) or [text]  # (or a target and a result worded apart: '有所提升提升明显')
    return [repeat.group(1), repeat.group(2), repeat.group(2)]


def _flush(cells: list[str], buffer: str) -> list[str]:
    if buffer:
        cells.append(buffer)
    return cells


def _opens_figures(key: str, end: int, body: bool = False) -> bool:
    """A figure ending at `end` opens a run of figures: another figure, a label or the end follows."""
    if end >= len(key) or key[end] == ROW_BREAK:
        return True
    if FIGURE.match(key, end) or _ROW_PREFIX.match(key, end) or _NEXT_ROW.match(key, end):
        return True
    return any(key.startswith(w, end) for w in _labels(body))


def _in_template_order(figures: dict[str, str], unit: str) -> list[str]:
    """A glued row's figures, their roles known, as the one-line reader takes a row: target (with the
    unit cell's unit), result, 分值, 得分 — the template's order, whatever order this form prints."""
    out = [figures["target"] + unit] if "target" in figures else []
    return out + [figures[role] for role in ("actual", "weight", "score") if role in figures]


#: A run of digits and points glued between a row's unit and its next text ('%901010010国…').
_GLUED_RUN = lazy_compile(r"\d[\d.]{3,}(?=[\u4e00-\u9fff“\"\x1e]|$)")
#: A measure word that ends an indicator's name where the header has a 计量单位 column: the unit cell.
_UNIT_END = lazy_compile(
    r"(?:[%％‰]|万亩|亩|万元|元|人次|次|件|个|人|天|户|套|台|篇|份|项|家|辆|座|场|页|吨|公里|平方米|米|㎡)$")


def _header_goes_on(key: str, at: int) -> bool:
    """Two column words run together at `at` ('实际值得分'): the header goes on there, past a cell
    it did not know ('全年实际值' read as text), and the rows have not begun."""
    first = next((w for w in column_words() if key.startswith(w, at)), None)
    if first is None:
        return False
    end = at + len(first)
    note = NOTE.match(key, end)
    end = note.end() if note else end
    return any(key.startswith(w, end) for w in column_words())


def _text_pair(key: str, at: int, paired: bool, buffer: str) -> str | None:
    """A bare number at `at` between two texts ('已公开44部门'), or at a row's end (of a form run
    together row by row), that is a 分值 and its 得分 run together: the rows of the form end in such
    a pair, and the text before it holds a hanzi."""
    if not paired or not has_han(buffer[-1:]):
        return None
    number = _BARE_PAIR.match(key, at)
    if number is None:
        return None
    end = number.end()
    row_end = key[end] == ROW_BREAK if end < len(key) else ROW_BREAK in key
    if not row_end and (end >= len(key) or not is_han(key[end])):
        return None
    figure = FIGURE.match(key, at)
    if figure and figure.group(0) != number.group(0):
        return None  # a measure word follows: a count ('43个'), not a pair
    pair = number.group(0)
    return pair if len(weight_and_score(pair)) == 2 else None


#: The number in a figure cell ('≥735人次' → 735).
_NUMBER_IN = lazy_compile(r"\d+(?:\.\d+)?")
