"""Which lines of a document hold a 自评表 whose dump ran its cells together, and how they join.

A document-sharing site's text preview prints a form in a few long lines with (almost) no space
(`is_dense`), its indicator header's column words run together (`is_run_together`); an OCR reading
of a ruled table prints each row on a line of its own, short rows too ('上年结转资金'), from the
form's opening row (its title, 项目名称 or unit field) on (`row_lines`): there a line's end is a
row's end, marked `ROW_BREAK` where the lines are joined. A space between two Han characters is a
label spaced out to its cell's width ('绩 效 指 标'), never a cell separator. A text dump may print the
form's header and 项目资金 rows with their cells parted by spaces ('项目名称 X', '年度资金总额 60 60 58.5 10
97.5% 9.75') and only its indicator rows run together: those rows are rows of the run too, their spaces
cell breaks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from reportparse import patterncache
from reportparse.lazypattern import lazy_compile
from reportparse.model import Line, Paragraph
from reportparse.parse.form.grid import squash
from reportparse.parse.form.hanzi import to_simplified
from reportparse.parse.form.labels import column_words, matches, row_verdicts, run_words

#: A preview page's number at the start of a text line ('2、灯光、道具…').
PAGE_MARK = lazy_compile(r"^\s*\d{1,3}、")
#: Most characters of a line for each space in it: a run-together dump has almost none.
_CHARS_PER_SPACE = 15
#: ...and in a long line (an OCR'd page run together, where a cell the scan wrapped keeps a space at
#: each wrap: '成 品粮', '年度指标 值'), fewer: a form flattened onto one line with a space between
#: its cells has one every five or six characters, an OCR'd page one every ten or more.
_LONG_LINE = 200
_LONG_CHARS_PER_SPACE = 10
#: Fewest indicator column words run together for a line to be such a dump.
MIN_HEADER_WORDS = 3
#: A space between two Han characters: a label spaced out to its cell's width ('绩 效 指 标').
_SPACE_BETWEEN_HAN = lazy_compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")
#: A space inside a row of check-box options ('项目类别1、部门预算项目 ☑ 2、市直专项 □'): before an
#: option's number, or beside a box (a Wingdings box copied as text is '£' empty, 'R' ticked).
_SPACE_IN_OPTIONS = lazy_compile(r" +(?=\d{1,2}、)|(?<=[☑☐□■√✓✔]) +| +(?=[☑☐□■√✓✔])|(?<= [R£]) +| +(?=[R£](?: |$))")
#: Where a row ends in a form run together row by row (a character no dump prints).
ROW_BREAK = "\x1e"
#: Most rows of a form above its indicator header (title, name, units, 项目资金 block, goals; a transfer
#: template's 资金管理情况 block of seven or eight rows between the money and the goals).
_MAX_ROWS_ABOVE_HEADER = 25
#: The header fields that open a form: its project's name, or a 部门整体 form's unit.
_OPENING_ROLES = ("header.name", "header.unit")
_LONGEST_FIELD_LABEL = 12


def row_lines(paragraphs: list[Paragraph], start: int) -> list[tuple[str, Line]]:
    """A form run together row by row (an OCR reading of a ruled table: each row a line of its own,
    its cells without a separator): every line from the form's opening row (a 项目名称 or unit label,
    or a title naming a 自评表) to the last line without a gap, short rows ('上年结转资金') included.
    [] when the lines around the header are not such rows (a preview's few long lines)."""
    owned = [(i, line) for i, paragraph in enumerate(paragraphs)
             for line in paragraph.lines or [Line(text=paragraph.text, page=paragraph.page)]]
    owner = [i for i, _ in owned]
    lines = [line for _, line in owned]
    at = next((i for i, line in enumerate(lines) if owner[i] == start and _is_header_row(line.text)), None)
    if at is None or not all(_is_compact(line.text) for line in lines[at:at + 2]) \
            or (at > 0 and not _is_row(lines[at - 1].text)):
        return []
    first = at
    for i in range(at, max(at - _MAX_ROWS_ABOVE_HEADER, -1), -1):
        if not _is_row(lines[i].text) or (i < at and _ends_form(lines[i].text)):
            break  # (a form above ends at its total or its indicator header: its rows are no rows of this one)
        if _opens_form(lines[i].text):
            first = i
    if first == at:
        return []  # no opening row above the header: the run is not laid out a row a line
    last = at
    while last + 1 < len(lines) and _is_row(lines[last + 1].text):
        last += 1
    while not _is_compact(lines[last].text):
        last -= 1  # (spaced rows after the last run row are no rows of the run: a table of their own)
    short = [line for line in lines[first:last + 1] if not is_dense(line.text)]
    if len(short) * 2 < last + 1 - first:
        return []  # mostly long lines: a preview's pages, which the paragraph reading joins
    return [(_row_key(line.text), line) for line in lines[first:last + 1]]


def _ends_form(text: str) -> bool:
    """A form's total row ('总分 100 98', '合计10098') or an indicator header: above a form's opening row, the end
    of a form before it."""
    return bool(_TOTAL_ROW.match(squashed(text))) or _is_header_row(text)


#: A form's total row: its label, then its figures.
_TOTAL_ROW = lazy_compile(r"(?:总分|合计|总计)[(（]?\d")


def _row_key(text: str) -> str:
    """A row's squashed text; a row printed with its cells parted by spaces ('年度资金总额 60 60 58.5 10 97.5%
    9.75') keeps them parted, by `ROW_BREAK`s: no cell runs over one (a space between two Han characters stays
    a label spaced out, '主管部门 县水利局' is cut by its label)."""
    text = PAGE_MARK.sub("", text)
    if _is_compact(text):
        return squashed(text)
    return ROW_BREAK.join(squashed(part) for part in _SEPARATOR_SPACE.split(_SPACE_BETWEEN_HAN.sub("", text.strip())))


#: A space that parts two cells of a row (one between two Han characters is taken out first).
_SEPARATOR_SPACE = lazy_compile(r"\s+")
#: Longest row of a form printed with its cells parted by spaces among rows run together.
_MAX_SPACED_ROW = 80
#: A figure of a spaced row ('60', '97.5%', '9.75').
_FIGURE_TOKEN = lazy_compile(r"^[-+]?\d+(?:\.\d+)?[%％]?$")


def _is_row(text: str) -> bool:
    """A row of a form laid out a row a line: run together (`_is_compact`), or a short row of the form's
    header or 项目资金 block printed with its cells parted by spaces ('项目资金（万元） 年初预算数 全年预算数 …',
    '年度资金总额 60 60 58.5 10 97.5% 9.75') above or between the rows run together."""
    if _is_compact(text):
        return True
    stripped = text.strip()
    if not stripped or len(stripped) > _MAX_SPACED_ROW or "|" in stripped or "。" in stripped:
        return False
    key = squashed(stripped)
    return any(word in key for word in run_words()) or sum(
        bool(_FIGURE_TOKEN.match(token)) for token in stripped.split()) >= _MIN_SPACED_FIGURES


#: Fewest figures of a spaced row that holds no label of the form (a fund row under its own label).
_MIN_SPACED_FIGURES = 3


def rejoin_wrapped_labels(key: str, labels: Sequence[str]) -> str:
    """The rows' text without the `ROW_BREAK`s that fall inside one of the form's `labels`: a narrow cell
    wraps its label over two lines ('绩效指标一级' / '指标', '经济效益' / '指标'), and a line's end there is no
    row's end. Both halves are two characters or more, so a row's last word is not taken for a label's first
    character."""
    pieces = key.split(ROW_BREAK)
    out = pieces[0]
    for piece in pieces[1:]:
        wrapped = any(out.endswith(label[:cut]) and piece.startswith(label[cut:])
                      for label in labels for cut in range(_MIN_HALF, len(label) - _MIN_HALF + 1))
        out += ("" if wrapped else ROW_BREAK) + piece
    return out


#: The shortest half of a label wrapped over two lines that is joined back.
_MIN_HALF = 2


def _is_compact(text: str) -> bool:
    """A line with no cell separator (no '|', tab, or more spaces than a label's own; a space between
    two Han characters is a label spaced out to its cell's width, '绩 效 指 标', no separator)."""
    stripped = text.strip()
    return bool(stripped) and "|" not in stripped and "\t" not in stripped \
        and _separator_spaces(stripped) * _CHARS_PER_SPACE <= max(len(stripped), _CHARS_PER_SPACE)


def _separator_spaces(text: str) -> int:
    """The spaces of a line that may part two cells: not those inside a spaced-out label ('绩 效 指 标')
    or a row of check-box options ('1、部门预算项目 ☑ 2、市直专项 □')."""
    if " " not in text:
        return 0
    return len(_SPACE_IN_OPTIONS.sub("", _SPACE_BETWEEN_HAN.sub("", text))) - len(text.replace(" ", ""))


def _opens_form(text: str) -> bool:
    """A form's first row: its title ('…绩效自评表') or a 项目名称 / unit field run into its value."""
    key = squashed(text)
    return "自评表" in key or any(matches(role, key[:n]) for role in _OPENING_ROLES
                                   for n in range(min(len(key), _LONGEST_FIELD_LABEL), 3, -1))


def squashed(text: str) -> str:
    return squash(to_simplified(text))


def is_dense(text: str) -> bool:
    """A long line with (almost) no spaces and no '|' separators."""
    stripped = text.strip()
    if len(stripped) < 40 or "|" in stripped:
        return False
    per_space = _LONG_CHARS_PER_SPACE if len(stripped) >= _LONG_LINE else _CHARS_PER_SPACE
    return stripped.count(" ") * per_space <= len(stripped)


@cache
def _column_word() -> re.Pattern[str]:
    return patterncache.compile("|".join(map(re.escape, column_words())))


def _holds_column_words(text: str) -> bool:
    """Does `text` hold the indicator table's column words of MIN_HEADER_WORDS columns or more?"""
    return len(set(_column_word().findall(squashed(text)))) >= MIN_HEADER_WORDS


def _is_header_row(text: str) -> bool:
    """A row of a form run together row by row that is its indicator header: no separator, the
    column words of three columns or more."""
    return _is_compact(text) and _holds_column_words(text)


def holds_header_row(paragraph: Paragraph) -> bool:
    """Does a line of the paragraph hold an indicator header with no separator between its cells?"""
    return any(_is_header_row(line.text) for line in paragraph.lines or [Line(text=paragraph.text, page=0)])


def is_run_together(text: str) -> bool:
    """A dense line holding the indicator table's column words run together."""
    return is_dense(text) and _holds_column_words(text)


def opens_run_together(text: str) -> bool:
    """A dense line that opens a form (its title or name field) and holds the labels of its other blocks run
    together: where no line holds the indicator table's column words, a preview that stops before that
    table ('…绩效自评表(2021年度)区级预算单位名称X年度预算申请(万元)年初预算数全年预算数…')."""
    return is_dense(text) and _opens_form(text) and _holds_run_words(text)


#: Fewest distinct labels of a form's header and 项目资金 blocks in a dense line that opens a form
_MIN_RUN_WORDS = 5


def _holds_run_words(text: str) -> bool:
    key = squashed(text)
    return len({word for word in run_words() if word in key}) >= _MIN_RUN_WORDS


def label_at(key: str, at: int, labels: tuple[str, ...], body: bool) -> str | None:
    """The label of `labels` (longest first) that opens at `at`, if any. Among the rows (`body`) a verdict
    ('达成预期指标') is a cell of its own only where no figure follows it: the row's 分值 and 得分 glued after it
    ('全部达标达成预期指标2020') make it the row's result, read with them."""
    label = next((word for word in labels if key.startswith(word, at)), None)
    if label is not None and body and label in row_verdicts() and key[at + len(label):at + len(label) + 1].isdigit():
        return None
    return label
