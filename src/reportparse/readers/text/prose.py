"""Plain-text input: runs of prose lines joined into paragraphs.

A dump breaks lines inside sentences and marks paragraphs unevenly (an indent, a blank line, a
short last line, none at all). Whether a line starts a paragraph is judged on the layout of the
file's running text: the width of a full line and whether the file was hard-wrapped at it
(`typical_width`, `is_hard_wrapped`), headings (一、, 1.1 …) and label lines (数量指标：…).
Cutting the lines into prose and tables is `blocks`' job.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from reportparse.han import han_run, is_han
from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import lexicon
from reportparse.model import Line, Paragraph
from reportparse.readers.text.lines import PhysLine, join_fragments, paragraph_gap
from reportparse.readers.text.signals import is_heading_start

# ---- layout judgements: line widths are in em (see `lines.display_width`) ----------------------

#: A line ending with one of these is cut mid-sentence even when it is short. (Not dashes:
#: forms write — in empty cells.)
_CONTINUES = "，,、（(“‘《"

#: Sentence-final punctuation: a short line ending with it ends its paragraph.
_SENTENCE_END = "。！？；：!?;:"

#: Lines narrower than this (in em) say nothing about the width of running text: page numbers,
#: headings, table cells and the last line of a paragraph would drag a percentile down.
MIN_TEXT_LINE_WIDTH = 5

#: The width of a full line of running text is this percentile of line widths: the last lines of
#: paragraphs, headings and table scraps are shorter, and the top fifth leaves room for the odd
#: overlong line (a URL, a line the dump failed to break).
_TYPICAL_WIDTH_PERCENTILE = 0.8

#: Fewer text lines than this give no width estimate or wrap judgement worth having (a title
#: page, a file that is one table); the reader then keeps its first estimate.
MIN_LINES_FOR_WIDTH = 3

#: Hard wrapping is judged on the widest lines: those at least `_LONG_LINE_SHARE` as wide as this
#: percentile of widths. Wrapped lines are all about as wide as the widest, so a percentile near
#: the top (not the maximum, which one overlong line sets) finds them.
_WRAP_WIDTH_PERCENTILE = 0.9

#: A line within 15% of the widest is a full line: justified CJK lines vary by an em or two, and
#: ASCII words and numbers make a wrapped line end a few half-ems early.
_LONG_LINE_SHARE = 0.85

#: The file is hard-wrapped when at least this share of its long lines (and at least
#: `_MIN_CUT_LINES`) end mid-sentence: in a file with one paragraph per line a long line ends
#: with its full stop, and only a few (headings, list items) do not.
_MIN_CUT_SHARE = 0.3
_MIN_CUT_LINES = 2

#: A numbered line (1.1 …) shorter than this share of the text width is a heading; one as wide
#: as running text is the first line of a numbered paragraph.
_DOTTED_HEADING_SHARE = 0.8

#: In a hard-wrapped file a line shorter than this share of the text width ends its paragraph
#: even without a full stop (a list item, a label line): the wrap leaves every other line full,
#: bar an em or two of justification and ASCII half-ems.
_WRAPPED_SHORT_SHARE = 0.8

#: A finished sentence on a line shorter than this share of the text width ends its paragraph;
#: justified lines are within an em or two of the full width, so a full stop on a full line
#: is just where the wrap fell.
_SENTENCE_END_LINE_SHARE = 0.94

#: An indent of this many characters or more, deeper than the line before, opens a paragraph
#: (the two-character 首行缩进 of Chinese prose); one space is noise from the dump.
_PARAGRAPH_INDENT = 2

#: A numbered paragraph is a heading only up to this many characters (a section title, not a
#: numbered item of running text); an unnumbered one-line paragraph is a title up to
#: `_MAX_TITLE_CHARS` when it has no punctuation or digit.
_MAX_HEADING_CHARS = 40
_MAX_TITLE_CHARS = 20

#: Dotted section numbers (1.1 项目概况, 2.3.1 …); unlike `1.5 万元` they are followed by a word (a Han
#: character: see `_dotted_heading`), and a line holding one is a heading only when it is shorter than
#: running text.
_DOTTED_HEADING_RE = lazy_compile(
    r"^\d{1,2}(?:\.\d{1,2}){1,3}\s*"
    r"(?!万|亿|千|元|%|％|个|台|部|件|次|天|年|月|日|小时|分钟|米|公里|公顷|吨|亩|平方|立方)"
)


#: the runs of spaces between a laid-out row's cells
_CELL_GAP = lazy_compile(r"\S(?: {2,}|\u3000{2,}|\t)(?=\S)")
#: a row of at least this many cells set apart by runs of spaces is a form's row, not a line of prose
_MIN_ROW_GAPS = 3


@lru_cache(maxsize=1)
def _name_endings() -> tuple[str, ...]:
    """The words a project's or fund's name ends in: 项目, 工程 and lexicon/fund_words.json's fund endings."""
    return ("项目", "工程", *lexicon("fund_words.json")["fund_endings"])


#: the few characters a line opens with before the punctuation after a name
_TAIL = lazy_compile(r"([\u4e00-\u9fff]{1,4})[。，,：:；;]")


def _closes_cut_name(above: str, text: str) -> bool:
    """Does the line open with the last characters of a name the line above cut inside its last word ('…巩固提升工' /
    '程项目。', '…除险加固补' / '助。')? The few characters before its first punctuation end the name in a project's or
    fund's word, and are no label of their own ('项目资金：' under a heading opens a line of its own; only a bare
    '项目。' or '工程，' may close a name the line above cut before its word)."""
    tail = _TAIL.match(text)
    if tail is None:
        return False
    word = tail.group(1)
    endings = _name_endings()
    if word.startswith(endings):
        return word in ("项目", "工程") and tail.group(0)[-1] in "。，,"
    return (above.strip() + word).endswith(endings)


def _cell_row(line: PhysLine) -> bool:
    """Is the line a row of cells set apart by runs of spaces, with no sentence punctuation?"""
    text = line.text.strip()
    return len(_CELL_GAP.findall(text)) >= _MIN_ROW_GAPS and not any(mark in text for mark in "，。；,;")


def _dotted_heading(text: str) -> bool:
    """Whether `text` starts with a dotted section number and a word. The pattern once ended in
    `[\\u4e00-\\u9fff]`; the Han character is tested after the match instead, which decides alone: any
    shorter match of the number ends before a space, a digit or a dot, never before a Han character."""
    match = _DOTTED_HEADING_RE.match(text)
    return match is not None and match.end() < len(text) and is_han(text[match.end()])


#: A line "Label：…" after a finished sentence starts a paragraph (数量指标：…, 满意度指标：…): 2 to 14 Han
#: characters, brackets or quotes, then a colon.
_LABEL_MARKS = "（）()“”"


def _label_start(text: str) -> bool:
    """`re.match(r"^[\\u4e00-\\u9fff（）()“”]{2,14}[：:]", text)`, without compiling the Han block: the colon must
    come right after the whole run of label characters (it is not one of them)."""
    run = han_run(text, also=_LABEL_MARKS)
    return 2 <= run <= 14 and run < len(text) and text[run] in "：:"


def typical_width(lines: list[PhysLine]) -> float:
    """The width of a full line of running text (a high percentile of line widths, in em)."""
    widths = sorted(line.width for line in lines if line.width >= MIN_TEXT_LINE_WIDTH)
    if not widths:
        return 0.0
    return widths[int(_TYPICAL_WIDTH_PERCENTILE * (len(widths) - 1))]


def is_hard_wrapped(lines: list[PhysLine]) -> bool:
    """True when lines were broken at a fixed width rather than at paragraph ends.

    Lines as wide as the widest ones (the 90th percentile of widths) end in the middle of a
    sentence in a hard-wrapped file; in a file with one paragraph per line they end with its
    full stop.
    """
    widths = sorted(line.width for line in lines if line.width >= MIN_TEXT_LINE_WIDTH)
    if len(widths) < MIN_LINES_FOR_WIDTH:
        return False
    full = widths[int(_WRAP_WIDTH_PERCENTILE * (len(widths) - 1))]
    long_lines = [line for line in lines if line.width >= _LONG_LINE_SHARE * full]
    cut = sum(1 for line in long_lines if not line.text.endswith(tuple(_SENTENCE_END)))
    return cut >= max(_MIN_CUT_LINES, _MIN_CUT_SHARE * len(long_lines))


def model_line(line: PhysLine) -> Line:
    """The model Line of a physical line."""
    return Line(text=line.text, page=line.page, line=line.no)


_PUNCTUATION_OR_DIGIT = lazy_compile(r"[，。；：！？、,.;:!?\d]")


def paragraph_of(group: list[PhysLine], numbered: bool) -> Paragraph:
    """A paragraph from its physical lines; headings (一、… or a short unpunctuated line) are marked."""
    text, spans = join_fragments([ln.text for ln in group])
    heading = numbered and len(text) <= _MAX_HEADING_CHARS and not any(ch in text for ch in "。！？；")
    title = len(group) == 1 and len(text) <= _MAX_TITLE_CHARS and not _PUNCTUATION_OR_DIGIT.search(text)
    return Paragraph(
        text=text,
        lines=[model_line(ln) for ln in group],
        spans=spans,
        page=group[0].page,
        style="heading" if heading or title else None,
    )


@dataclass(frozen=True)
class ProseLayout:
    """What paragraph breaks are judged by: the width of a full line of running text (em), whether the
    file is hard-wrapped, and whether every line break is doubled by a blank line."""

    width: float
    wrapped: bool
    doubled: bool

    def paragraphs(self, prose: list[PhysLine]) -> list[Paragraph]:
        """Join a run of prose lines into paragraphs."""
        paragraphs: list[Paragraph] = []
        group: list[PhysLine] = [prose[0]]
        for prev, line in pairwise(prose):
            if self._breaks(prev, line):
                paragraphs.append(paragraph_of(group, self._heading_line(group[0])))
                group = []
            group.append(line)
        paragraphs.append(paragraph_of(group, self._heading_line(group[0])))
        return paragraphs

    def _heading_line(self, line: PhysLine) -> bool:
        """A line that starts a section: 一、 （一） 1、 …, or a short line numbered 1.1 / 2.3.1."""
        if is_heading_start(line.text):
            return True
        return _dotted_heading(line.text) and line.width < _DOTTED_HEADING_SHARE * self.width

    def _breaks(self, prev: PhysLine, line: PhysLine) -> bool:
        """True when a new paragraph starts at `line` (after `prev`)."""
        if line.continues:
            return False
        if is_han(prev.text[-1:]) and _closes_cut_name(prev.text, line.text.strip()):
            # a name cut inside its last word ('（一）2023年X县农村饮水安全巩固提升工' / '程项目。该项目年初预算…'): the
            # line that closes it with its project's or fund's word and a stop goes on the item above
            return False
        if self._heading_line(line) or paragraph_gap(line, self.doubled):
            return True
        if line.indent >= _PARAGRAPH_INDENT and line.indent > prev.indent:
            return True
        if prev.text.endswith(tuple(_CONTINUES)):
            return False  # a line ending in a comma was cut, whatever the layout
        if _cell_row(prev) or _cell_row(line):
            # a form's row whose cells a dump set apart by runs of spaces ('2021年   1    月起至     2021    年
            # 12   月止') is as wide as running text but no sentence: the label on the next line is a cell of its own
            return True
        if not self.wrapped:
            return True
        if prev.text.endswith(tuple(_SENTENCE_END)) or self._heading_line(prev):
            # justified lines vary by an em or two; a finished sentence on a line short of that ends it
            return prev.width < _SENTENCE_END_LINE_SHARE * self.width or _label_start(line.text)
        return prev.width < _WRAPPED_SHORT_SHARE * self.width
