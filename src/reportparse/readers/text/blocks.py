"""The plain-text reader: a .txt file → Document (paragraphs and tables in reading order).

Text reports are often dumps of a PDF and carry its layout damage: a blank line after every
line, page breaks as runs of blank lines, hard line breaks inside sentences, headers written
one character per line, and goal tables flattened into fragments. The reader decodes the file
(`lines`), cuts it into blocks and turns each into paragraphs or a table, keeping for every
paragraph and cell the physical lines (page, 1-based line number) it came from:

- `|`/tab-delimited rows → a Table as written (`delimited`);
- a column-aligned goal table (`pdftotext -layout`) → cells placed by column (`aligned`);
- a flattened goal table under a header of column words (`headers`) → rows rebuilt from
  fragments (`flattened`, reading lines under the columns with `columns` and the fragment
  signals of `signals`);
- one-character lines (绩/效/目/标) → one heading paragraph;
- everything else → paragraphs, hard line breaks joined by line width and punctuation (`prose`).

A 自评表 form flattened into text (after its 项目资金 block) is left as lines: the form parser
rebuilds it (parse/form/text).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from reportparse import limits
from reportparse.han import is_han_line
from reportparse.lazypattern import lazy_compile
from reportparse.model import Document, Element, Paragraph, Source, Table
from reportparse.notewords import note_start
from reportparse.readers.text.aligned import aligned_header_at, aligned_table_end, has_wrapped_names, read_aligned_table
from reportparse.readers.text.barlines import bar_line_rows
from reportparse.readers.text.captions import parted
from reportparse.readers.text.cellbreaks import join_quoted_cells, open_ended_rows
from reportparse.readers.text.celllines import cell_lines_table
from reportparse.readers.text.cellruns import bare_cell_rows, trailing_pipe_rows
from reportparse.readers.text.delimited import (
    broken_header,
    broken_pipe_rows,
    broken_tab_header,
    cells_table,
    delimited_table,
    glued_caption,
    is_rule_line,
    leading_pipe_rows,
    numbered_pipe_rows,
    split_delimited,
)
from reportparse.readers.text.flattened import GoalTableReader
from reportparse.readers.text.fundlines import opens_fund_block
from reportparse.readers.text.gapped import gapped_rows
from reportparse.readers.text.headers import header_across, header_at, rows_run_together
from reportparse.readers.text.labelrows import label_rows
from reportparse.readers.text.lines import (
    REPLACEMENT,
    LineLayout,
    PhysLine,
    decode,
    join_fragments,
    split_lines,
)
from reportparse.readers.text.padding import is_padding_line, padded_rows
from reportparse.readers.text.prose import (
    MIN_LINES_FOR_WIDTH,
    MIN_TEXT_LINE_WIDTH,
    ProseLayout,
    is_hard_wrapped,
    model_line,
    typical_width,
)
from reportparse.readers.text.ruby import drop_readings
from reportparse.readers.text.serialcells import serial_sheet_rows
from reportparse.readers.text.signals import (
    TEMPLATE_PLACEHOLDER_RE,
    TOTAL_RE,
    column_words,
    ends_with_quantity,
    has_digit,
    is_heading_start,
    is_target,
    level_of,
)
from reportparse.readers.text.wrapped import unwrap_cells

#: A delimited row with this many cells starts a table on its own; a row of two cells
#: (`名称|说明`) needs a second delimited row after it, as a sentence with one `|` is not a table.
_MIN_CELLS_ALONE = 3
#: Lines under a goal-table header looked at to tell a cell dump (one cell a line) from flattened rows.
_CELL_DUMP_SAMPLE = 20
_MIN_CELL_DUMP_LINES = 8
_CELL_DUMP_SHARE = 0.9
_MAX_CELL_CHARS = 24
#: Longest row of one cell inside a delimited table (a level label, 其他资金).
_MAX_LONE_CELL_CHARS = 20

#: At most this many caption lines (a project name, a …绩效目标表 title) are taken off the end of
#: one table as belonging to the next.
_MAX_CAPTION_LINES = 2
#: A caption is at least this many characters: a shorter digit-free token is a cell of the row
#: above (是, 良好, 及时).
_MIN_CAPTION_CHARS = 4

#: A line at least this share of the text width holding a full stop is running text, not a cell:
#: a table cell is narrower than the page, while prose fills it bar the last line of a paragraph.
_PROSE_LINE_SHARE = 0.9


#: A page number is at most this many digits: a longer bare number on a page's edge is a figure.
_MAX_PAGE_NUMBER_DIGITS = 3


def read_text(path: Path, data: bytes, source: Source) -> Document:
    """Read a plain-text report. Raises BadEncoding for undecodable/binary data, EmptyFile for blank text."""
    if len(data) > limits.MAX_TEXT_BYTES:
        limits.refuse_long_text(len(data), str(path))  # more characters than any encoding makes fewer
    text, encoding = decode(data, path)
    limits.refuse_long_text(len(text), str(path))
    text, readings = drop_readings(text)
    layout = split_lines(text, path)
    reader = _BlockReader(layout)
    elements = reader.read()
    notes = [f"text: encoding {encoding}"]
    if REPLACEMENT in text:
        notes.append(f"text: {text.count(REPLACEMENT)} byte(s) no encoding reads, shown as {REPLACEMENT}")
    if layout.doubled:
        notes.append("text: blank-line doubling detected (a single blank line is not a paragraph break)")
    if reader.tables:
        notes.append(f"text: {reader.tables} table(s) rebuilt from the text layout")
    if readings:
        notes.append(f"text: {readings} pinyin reading(s) printed after characters left out (a mirror's ruby)")
    if reader.page_numbers:
        notes.append(f"text: {reader.page_numbers} page-number line(s) left out")
    return Document(
        source=source.model_copy(update={"encoding": encoding, "pages": layout.pages}),
        elements=elements,
        notes=notes,
    )


def _one_cell_a_line(lines: list[PhysLine]) -> bool:
    """Lines under a header that are nearly all one short cell each: a form's cells dumped one a
    line, not the rows of a flattened table ('name value value')."""
    sample = lines[:_CELL_DUMP_SAMPLE]
    single = sum(len(line.text.strip()) <= _MAX_CELL_CHARS and not re.search(r"\S\s+\S", line.text.strip())
                 for line in sample)
    return len(sample) >= _MIN_CELL_DUMP_LINES and single >= _CELL_DUMP_SHARE * len(sample)


def _has_body(table: Table) -> bool:
    """Some row under the header holds two cells that are not column labels."""
    return any(sum(bool(cell.text.strip()) and not column_words(cell.text) for cell in row) >= 2
               for row in table.rows[1:])


class _BlockReader:
    """Cut the physical lines into blocks and turn each block into paragraphs or a table."""

    def __init__(self, layout: LineLayout) -> None:
        """Take the lines (page numbers left out) and a first estimate of the text width."""
        # a layout dump's cells wrapped in their narrow columns go back on their rows first
        self.lines = unwrap_cells(join_quoted_cells(_drop_page_numbers(_drop_preview_page_marks(layout.lines))))
        self.page_numbers = len(layout.lines) - len(self.lines)
        self.doubled = layout.doubled
        # a first estimate from every line, refined from the prose alone once tables are cut out
        self.width = typical_width(self.lines)
        self.wrapped = is_hard_wrapped(self.lines)
        self.blocks: list[Element | list[PhysLine]] = []
        self.prose: list[PhysLine] = []
        self.tables = 0
        self.in_form = False

    def read(self) -> list[Element]:
        """Cut all lines into blocks, then build the elements in reading order."""
        i = 0
        while i < len(self.lines):
            i = self._block_at(i)
        self._flush_prose()
        prose = [line for block in self.blocks if isinstance(block, list) for line in block]
        if sum(1 for line in prose if line.width >= MIN_TEXT_LINE_WIDTH) >= MIN_LINES_FOR_WIDTH:
            self.width = typical_width(prose)
            self.wrapped = is_hard_wrapped(prose)
        elements: list[Element] = []
        for block in self.blocks:
            if isinstance(block, list):
                elements.extend(ProseLayout(self.width, self.wrapped, self.doubled).paragraphs(block))
            else:
                elements.append(block)
        return elements

    def _block_at(self, i: int) -> int:
        """Consume the block starting at line `i`; return the index after it."""
        line = self.lines[i]
        below = self.lines[i + 1].text if i + 1 < len(self.lines) else ""
        if not self.in_form and opens_fund_block(line.text, below) and split_delimited(line.text) is None:
            self.in_form = True
        ruled = bar_line_rows(self.lines, i) or serial_sheet_rows(self.lines, i) or label_rows(self.lines, i)
        if ruled is not None:
            self.prose.extend(ruled.prose)
            self._add_table(ruled.table(self.tables))
            return ruled.end
        numbered = numbered_pipe_rows(self.lines, i)
        if numbered is not None:
            self._add_table(cells_table(numbered[0], self.tables))
            return numbered[1]
        joined = broken_header(self.lines, i) or broken_tab_header(self.lines, i)
        if joined is not None:
            self.lines[i : joined[1]] = [joined[0]]  # one header line, read with the rows under it
        leading = leading_pipe_rows(self.lines, i) or trailing_pipe_rows(self.lines, i)
        if leading is not None:
            self._add_table(cells_table(leading[0], self.tables))
            return leading[1]
        broken = broken_pipe_rows(self.lines, i) or open_ended_rows(self.lines, i)
        if broken is not None:
            self._add_table(delimited_table(broken[0], self.tables))
            return broken[1]
        gapped = gapped_rows(self.lines, i)
        if gapped is not None:
            self._add_table(cells_table(gapped[0], self.tables))
            return gapped[1]
        if self._delimited_at(i):
            if (glued := glued_caption(line.text)) is not None:
                self.prose.append(replace(line, text=glued[0]))
                self.lines[i] = replace(line, text=glued[1])
            end = i
            while end < len(self.lines) and (
                split_delimited(self.lines[end].text) is not None or is_rule_line(self.lines[end].text)
                or (end > i and is_padding_line(self.lines, i, end))
                or (end > i and "\t" in self.lines[i].text and self._lone_cell_row(end))
                or (end > i and self._lone_pipe_row(end))
            ) and (end == i or (numbered_pipe_rows(self.lines, end) is None
                                and broken_tab_header(self.lines, end) is None)):
                end += 1
            run = self.lines[i:end]
            for part in parted(run, [split_delimited(ln.text) for ln in run]):
                if isinstance(part, list):
                    self._add_table(delimited_table(padded_rows(part), self.tables))
                else:  # (a caption is a paragraph of its own, as the Word copy prints it)
                    self._flush_prose()
                    self.prose.append(part)
                    self._flush_prose()
            return end
        if self.in_form:
            aligned = aligned_header_at(self.lines, i)
            if aligned is not None and has_wrapped_names(self.lines, aligned):
                end = aligned_table_end(self.lines, aligned.end, aligned)
                self._add_table(read_aligned_table(aligned, self.lines[aligned.end : end], self.tables))
                return end
            self.prose.append(line)
            return i + 1
        bare = bare_cell_rows(self.lines, i)
        if bare is not None:
            self._add_table(cells_table(bare[0], self.tables))
            return bare[1]
        listed = cell_lines_table(self.lines, i)
        if listed is not None:
            self._add_table(cells_table(listed[0], self.tables))
            return listed[1]
        aligned = aligned_header_at(self.lines, i)
        if aligned is not None:
            end = aligned_table_end(self.lines, aligned.end, aligned)
            self._add_table(read_aligned_table(aligned, self.lines[aligned.end : end], self.tables))
            return end
        header = header_at(line)
        if header is not None:
            end = self._goal_table_end(i + 1, line.text)
            table = GoalTableReader(header, self.lines[i + 1 : end]).table(self.tables)
            if (_has_body(table) or len(table.rows) == 1) and not rows_run_together(line, self.lines[i + 1 : end]):
                self._add_table(table)
                return end
            # rows under it but none cut into cells: a form whose cells ran together, left as lines
        end = self._vertical_run_end(i)
        if end == i + 1 and (across := header_across(self.lines, i)) is not None:
            header, start = across
            table_end = self._goal_table_end(start, None)
            table = GoalTableReader(header, self.lines[start:table_end]).table(self.tables)
            if _has_body(table) and not _one_cell_a_line(self.lines[start:table_end]):
                self._add_table(table)
                return table_end
            # a header with no row read under it: the lines are one cell each (a form's cell dump),
            # left as lines for the form reader to rebuild with the rest of the form
        if end > i + 1:
            self._flush_prose()
            run = self.lines[i:end]
            text, spans = join_fragments([ln.text for ln in run])
            self.blocks.append(
                Paragraph(text=text, lines=[model_line(ln) for ln in run], spans=spans, page=run[0].page,
                          style="heading")
            )
            return end
        self.prose.append(line)
        return i + 1

    def _lone_cell_row(self, i: int) -> bool:
        """A row of one cell inside a tab-separated table: a level label over empty cells ('生态效益 指标',
        its other cells dropped with the row's trailing tabs), a delimited row after it. (A '|' dump ends
        such a row in its '|': its broken rows have readers of their own.)"""
        text = self.lines[i].text.strip()
        if TEMPLATE_PLACEHOLDER_RE.match(text):
            # the template's indicator rows left empty ('指标2:', '……'), the table going on under them
            after = i + 1
            while after < len(self.lines) and TEMPLATE_PLACEHOLDER_RE.match(self.lines[after].text.strip()):
                after += 1
            return after < len(self.lines) and (split_delimited(self.lines[after].text) is not None
                                                or self._lone_cell_row(after))
        return (len(text) <= _MAX_LONE_CELL_CHARS and level_of(re.sub(r"\s+", "", text)) > 0
                and i + 1 < len(self.lines) and split_delimited(self.lines[i + 1].text) is not None
                and broken_header(self.lines, i + 1) is None)

    def _lone_pipe_row(self, i: int) -> bool:
        """A row of one cell inside a '|' table whose rows end in '|': a label whose row's other cells the dump
        left out ('资金情况(万元) |' over its 年度金额 rows), a delimited row after it."""
        text = self.lines[i].text.strip()
        return (text.endswith(("|", "｜")) and len(text) <= _MAX_LONE_CELL_CHARS + 1
                and split_delimited(text) is None and re.sub(r"[|｜\s]", "", text) != ""
                and self.lines[i - 1].text.rstrip().endswith(("|", "｜"))
                and i + 1 < len(self.lines) and split_delimited(self.lines[i + 1].text) is not None
                and broken_header(self.lines, i + 1) is None)

    def _delimited_at(self, i: int) -> bool:
        """A delimited table starts here: two delimited rows in a row, or one with three or more cells."""
        cells = split_delimited(self.lines[i].text)
        if cells is None:
            return False
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        return len(cells) >= _MIN_CELLS_ALONE or (nxt is not None and split_delimited(nxt.text) is not None)

    def _vertical_run_end(self, i: int) -> int:
        """End of a run of one-character lines starting at `i` (i + 1 when there is no run).

        The run may go on over a page break: a vertical header cut by the page is still one word.
        """
        end = i
        # a line of exactly one Han character: a piece of a header written vertically (绩/效/目/标)
        while end < len(self.lines) and is_han_line(self.lines[end].text, 1, 1):
            end += 1
        return max(end, i + 1)

    def _goal_table_end(self, start: int, header_text: str | None) -> int:
        """Index of the first line after the goal-table body that starts at `start`.

        The body ends at a heading, another table, a vertical header, a note (注：…) or a line
        of running text; it takes in a 总分/合计 line as its last row, and a copy of its own
        header repeated at the top of the next page. A caption just before the next table
        (a project name, …绩效目标表) is left out of this one.
        """
        end = start
        while end < len(self.lines):
            line = self.lines[end]
            if line.text == header_text and end > start and line.page != self.lines[end - 1].page:
                end += 1
                continue
            if TOTAL_RE.match(line.text):
                return end + 1
            if self._is_table_start(end):
                return self._drop_caption(start, end)
            if is_heading_start(line.text) or note_start().match(line.text) or self._is_prose_line(line):
                break
            end += 1
        return end

    def _is_table_start(self, i: int) -> bool:
        """Another table or a vertical header begins at line `i`."""
        line = self.lines[i]
        return (
            header_at(line) is not None
            or header_across(self.lines, i) is not None
            or split_delimited(line.text) is not None
            or self._vertical_run_end(i) > i + 1
        )

    def _drop_caption(self, start: int, end: int) -> int:
        """Leave out of the table the caption lines right before the next one (at most two).

        A caption is one digit-free token of four or more characters, after a line that ends
        like a finished row (a target) and before the next table's start.
        """
        cut = end
        while cut - 1 > start and end - cut < _MAX_CAPTION_LINES:
            line, before = self.lines[cut - 1], self.lines[cut - 2]
            caption = " " not in line.text and len(line.text) >= _MIN_CAPTION_CHARS and not has_digit(line.text)
            if not caption or not (is_target(before.text.split()[-1]) or ends_with_quantity(before.text)):
                break
            cut -= 1
        return cut

    def _is_prose_line(self, line: PhysLine) -> bool:
        """A line as wide as running text holding a full stop: the table is over.

        Commas alone are not enough: a remark cell cut at its column edge has them too.
        """
        first = line.text.split()[0]
        wide = line.width >= _PROSE_LINE_SHARE * self.width
        return self.width > 0 and wide and "。" in line.text and not level_of(first)

    def _add_table(self, table: Table) -> None:
        """Close the prose run before `table` and add the table."""
        self._flush_prose()
        self.blocks.append(table)
        self.tables += 1

    # ---- prose ------------------------------------------------------------------------------

    def _flush_prose(self) -> None:
        """Close the current run of prose lines (paragraphs are built once the text width is known)."""
        if self.prose:
            self.blocks.append(self.prose)
            self.prose = []


#: Page furniture: `- 3 -`, `第 3 页`, `第3页 共9页`, `3/9`.
_PAGE_NUMBER_RE = lazy_compile(
    r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$"
)


#: A line that is one figure (a table cell of its own): 10, 86%, 37.24.
_FIGURE_RE = lazy_compile(r"^\d+(?:\.\d+)?\s*[%％]?$")


def _drop_page_numbers(lines: list[PhysLine]) -> list[PhysLine]:
    """Remove page numbers: furniture of the printed page, not text of the report.

    A bare number counts only on the last or first line of a page (next to a page break), where
    it cannot be a table value cut from its row, and not right after another figure: a form dumped
    one cell per line prints 分值 and 得分 on lines of their own, and its empty cells after them
    read as a page break.
    """
    kept: list[PhysLine] = []
    for k, line in enumerate(lines):
        if _PAGE_NUMBER_RE.match(line.text):
            continue
        if line.text.isdigit() and len(line.text) <= _MAX_PAGE_NUMBER_DIGITS and len(lines) > 1:
            before = lines[k - 1].page if k > 0 else 0
            after = lines[k + 1].page if k + 1 < len(lines) else line.page + 1
            after_figure = k > 0 and _FIGURE_RE.match(lines[k - 1].text) is not None
            if after != line.page and before == line.page and not after_figure:
                continue
        kept.append(line)
    return kept or lines


#: a document-sharing site's preview numbers the pages it prints: '1、' opens each page's text, run into it
_PREVIEW_PAGE_MARK = lazy_compile(r"^(\d{1,3})、(?=\S)")
#: what ends a sentence: a page that ends in one was not cut inside it
_SENTENCE_CLOSE = ("。", "！", "？", "；", ";", "!", "?")
#: a preview page holds at least this many characters (all but the last page, which the preview may cut short)
_MIN_PREVIEW_PAGE = 200


def _drop_preview_page_marks(lines: list[PhysLine]) -> list[PhysLine]:
    """Remove a preview's page numbers ('1、…', '2、…', '3、…' opening pages of several hundred characters each):
    furniture, run into the text, which may break a figure over the page ('本年支出123' / '3、2.23万元').

    Only where the lines so opened are numbered 1, 2, 3 … in order and each but the last is a page long: a
    list's items ('1、加强…') are short, or numbered on among other lines."""
    marked = [(k, int(m.group(1)), m.end()) for k, line in enumerate(lines)
              if (m := _PREVIEW_PAGE_MARK.match(line.text))]
    if len(marked) < 2 or [number for _, number, _ in marked] != list(range(1, len(marked) + 1)):
        return lines
    if any(len(lines[k].text) < _MIN_PREVIEW_PAGE for k, _, _ in marked[:-1]):
        return lines
    kept = list(lines)
    for k, number, end in marked:
        line = lines[k]
        raw_at = line.raw.find(line.text[:end])
        raw = line.raw[:raw_at] + line.raw[raw_at + end:] if raw_at >= 0 else line.raw
        # (a page after the first goes on with the one before, blank lines between or not: the preview cut the
        # text at a fixed length, mid-sentence or mid-figure, '…预算支出910.4' / '2、7万元'; a page before that
        # ends its sentence may end a paragraph too)
        cut = number > 1 and k > 0 and not lines[k - 1].text.rstrip().endswith(_SENTENCE_CLOSE)
        kept[k] = replace(line, text=line.text[end:], raw=raw, continues=cut)
    return kept
