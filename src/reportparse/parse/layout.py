"""Walking a narrative Document: sections, project subsections, level headings, sentences.

`walk` gives every paragraph its heading information and the section it belongs to; once the
projects are known, `assign_context` tells each sentence which project's subsection and which
level heading it sits under, and `sentences` yields them.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from reportparse.lazypattern import lazy_compile
from reportparse.model import Document, Paragraph, Table
from reportparse.parse.evidence import Sentence, split_sentences
from reportparse.parse.goalareas import is_area_title
from reportparse.parse.names import same_project, strip_name
from reportparse.parse.projectmentions import best_project_for, find_mentions
from reportparse.parse.sections import (
    LIST_MARK,
    PART_TOPIC,
    heading_level,
    heading_level_path,
    numbering,
    section_kind,
)
from reportparse.summarycolumns import column_role


@dataclass
class ParaInfo:
    """One paragraph with what the walk learnt about it."""

    index: int
    para: Paragraph
    heading: int  # 0 = body text
    title: str  # heading text without its numbering
    section: str = "other"
    project: str | None = None
    level: str | None = None
    project_heading: str | None = None  # the project this heading itself names


@dataclass
class Layout:
    """The document as paragraphs with context, and its tables with their positions."""

    paras: list[ParaInfo] = field(default_factory=list)
    tables: list[tuple[int, Table]] = field(default_factory=list)

    def paras_between(self, after: int, before: int) -> list[ParaInfo]:
        """The paragraphs whose element index lies strictly between `after` and `before`.

        A binary search over the paragraphs (they are in document order), so asking once per table
        stays linear in the document rather than quadratic.
        """
        indexes = self._para_indexes()
        return self.paras[bisect_right(indexes, after):bisect_left(indexes, before)]

    def paras_before(self, position: int) -> Iterator[ParaInfo]:
        """The paragraphs before element `position`, nearest first (lazily: callers stop early)."""
        for at in range(bisect_left(self._para_indexes(), position) - 1, -1, -1):
            yield self.paras[at]

    def ends_with(self, table: Table) -> bool:
        """Is the table the document's last element (an excerpt may cut the text off inside it)?"""
        position = next((pos for pos, t in self.tables if t is table), None)
        return position is not None and not self.paras_between(position, sys.maxsize) and all(
            pos <= position for pos, _ in self.tables)

    def previous_table(self, position: int) -> int:
        """The element index of the last table before `position` (-1 when none)."""
        if len(self._table_positions) != len(self.tables):
            self._table_positions = sorted(pos for pos, _ in self.tables)
        at = bisect_left(self._table_positions, position)
        return self._table_positions[at - 1] if at else -1

    def _para_indexes(self) -> list[int]:
        if len(self._indexes) != len(self.paras):  # the walk appends paragraphs as it goes
            self._indexes = [info.index for info in self.paras]
        return self._indexes

    _table_positions: list[int] = field(default_factory=list, repr=False)
    _indexes: list[int] = field(default_factory=list, repr=False)


#: (a line naming an attached file, '附件2:《X项目绩效自评表》.docx', is whole: the next line is not its rest)
_ENDS_SENTENCE = lazy_compile(r"(?:[。；;！？!?：:）)」”]|\.(?i:docx?|pdf|xlsx?|wps|et|ofd|zip|rar))\s*$")


def _continues(previous: ParaInfo | None, pieces: list[Paragraph], para: Paragraph, level: int) -> bool:
    """Is `para` the rest of a sentence a layout break cut off (a text/PDF dump's hard line break)?

    `pieces` are the paragraphs `previous` is being joined from: only the last one's end and their
    total length matter, so a paragraph of many lines costs one look per line.
    """
    if previous is None or previous.heading or level or para.style == "heading":
        return False
    text = pieces[-1].text.rstrip()
    length = len(text) + sum(len(piece.text) for piece in pieces[-15:-1])
    return length >= 15 and not _ENDS_SENTENCE.search(text[-64:])


def _joined(pieces: list[Paragraph]) -> Paragraph:
    """One paragraph from several, keeping every physical line and its span."""
    if len(pieces) == 1:
        return pieces[0]
    spans: list[tuple[int, int]] = []
    offset = 0
    for piece in pieces:
        spans.extend((a + offset, b + offset) for a, b in piece.spans)
        offset += len(piece.text)
    return Paragraph(text="".join(piece.text for piece in pieces),
                     lines=[line for piece in pieces for line in piece.lines],
                     spans=spans, page=pieces[0].page, style=pieces[0].style, index=pieces[0].index)


#: the end of a report's or form's own title: the genre's words
_DOCUMENT_TITLE = lazy_compile(r"(?:报告|自评表|评价表)$")


def walk(document: Document, exclude_tables: set[int]) -> Layout:
    """Classify paragraphs into sections by the headings that precede them."""
    layout = Layout()
    section = "other"
    previous: ParaInfo | None = None
    pieces: list[Paragraph] = []  # what `previous` is made of (joined once it is complete)

    def close() -> None:
        if previous is not None and len(pieces) > 1:
            previous.para = _joined(pieces)

    contents = contents_lines(document)
    for index, element in enumerate(document.elements):
        if index in contents:
            continue  # a table of contents lists the report's headings; its lines are no part of the report's text
        if isinstance(element, Table):
            if element.index not in exclude_tables:
                layout.tables.append((index, element))
            close()
            previous, pieces = None, []
            continue
        text = element.text.strip()
        if not text:
            continue
        level = heading_level(element)
        if previous is not None and _continues(previous, pieces, element, level):
            pieces.append(element)
            section = (_run_in_section(text) if not level else None) or section
            continue
        close()
        _, title = numbering(text)
        if level and (level <= 3 or element.style == "heading"):
            kind = section_kind(title)
            if heading_level_path(title) is not None:
                # 一、预算执行情况 / 二、产出指标 inside the analysis: a level, not a new part; but a level's
                # own analysis ('1.产出指标完成情况分析') under '四、资金绩效评价结果' opens the analysis there
                if kind == "analysis" and section in ("conclusion", "other"):
                    section = kind
            elif kind is not None and not (_DOCUMENT_TITLE.search(title) and not any(p.heading for p in layout.paras)):
                # (the report's own title, its first heading, '…项目绩效评价报告', heads the whole text: no part of it)
                section = kind
            elif level == 1:
                section = "other"
        previous = ParaInfo(index=index, para=element, heading=level, title=title, section=section)
        pieces = [element]
        layout.paras.append(previous)
        if not level:
            section = _run_in_section(text) or section
    close()
    return layout


#: a part's numbered title a dump ran into the paragraph before it, after a space: '…完成率100%。 三、项目绩效情况
#: (一)项目完成情况。' (a title of the first level; a list's '一、' inside a sentence follows no space)
_RUN_IN_TITLE = lazy_compile(r"(?<=[。；;])\s+[一二三四五六七八九十]{1,3}、\s*(?P<title>[^\s，,。；;：:]{2,16})")


def _run_in_section(text: str) -> str | None:
    """The section the last part title run into a paragraph opens (it holds for the paragraphs after it)."""
    # (a title ends in what the part is about, '项目绩效情况'; a list's item in a sentence, '二、加强资金管理', ends
    # in a verb's object)
    kinds = [kind for m in _RUN_IN_TITLE.finditer(text)
             if PART_TOPIC.search(m.group("title")) and (kind := section_kind(m.group("title"))) is not None]
    return kinds[-1] if kinds else None


#: a table of contents' own title: '目录', '目 录'
_CONTENTS_TITLE = lazy_compile(r"^\s*目\s*录\s*$")
#: an entry of a table of contents: a numbered heading and, after spaces or dot leaders, its page number
#: ('(一)绩效管理 9', '一、部门(单位)概况 1', '2.1 项目概况……3')
_CONTENTS_ENTRY = lazy_compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}(?:\.\d{1,2})*\s*[.、．]?)"
    r"\s*[^\d\s].{0,40}?(?:\s+|[.…·．]{2,}\s*)\d{1,3}\s*$")
#: the fewest entries in a row that make a table of contents without its title
_MIN_CONTENTS_RUN = 3


def contents_lines(document: Document) -> set[int]:
    """The element indexes of a printed table of contents: its title (目录) and the entries after it, or a
    run of entries without a title; each entry is a numbered heading followed by its page number. Its
    headings are those of the report's parts ('(一)绩效管理 9'), no part of its text and no project's name."""
    out: set[int] = set()
    run: list[int] = []
    titled = False

    def close() -> None:
        if titled or len(run) >= _MIN_CONTENTS_RUN:
            out.update(run)

    for index, element in enumerate(document.elements):
        text = element.text if isinstance(element, Paragraph) else None
        if text is not None and not text.strip():
            continue
        if text is not None and _CONTENTS_TITLE.match(text):
            close()
            out.add(index)
            run, titled = [], True
        elif text is not None and _CONTENTS_ENTRY.match(text):
            run.append(index)
        else:
            close()
            run, titled = [], False
    close()
    return out


#: the gap a dump leaves between two cells of a row: two spaces or more, a tab, an ideographic space
_GAP = re.compile(r"\s{2,}|\t|\u3000+")
#: a column title: a few Han characters
_SHORT_TITLE_CELL = re.compile(r"[\u4e00-\u9fff]{2,6}")


def _form_cell(title: str) -> bool:
    """A short line that is a goal form's column label (一级指标, 指标值, 完成值 — the form label table),
    a template row ('指标1工程完工率', '指标2': the 财政部 template numbers its indicator rows), or a
    cell of a project list dumped one cell a line (a column title, a result such as 验收合格)."""
    from reportparse.parse.form.labels import roles

    key = re.sub(r"\s+", "", title)
    if re.search(r"指标\s*\d", key) or _RESULT_CELL.match(key) or _FIGURES_ROW.match(title.strip()):
        return True
    cells = _GAP.split(title.strip())
    if len(cells) >= 2 and all(_SHORT_TITLE_CELL.fullmatch(re.sub(r"\s+", "", cell)) for cell in cells):
        return True  # column titles parted by a gap, each maybe spaced letter by letter ('预 期    实 际')
    if column_role(key) is not None:
        return True  # a summary table's column title dumped a cell a line (承担单位, 起止时间, 自评得分)
    return any(role.matches(key) for name, role in roles().items() if name.startswith("indicator."))


#: a table's row printed as a line, its label then two or more figures set off by spaces ('投入  15  14',
#: '项目决策指标 10 90% 9'): a score summary's or a list's row, no title
_FIGURES_ROW = lazy_compile(r"^[\u4e00-\u9fff]{2,16}(?:\s+\d+(?:\.\d+)?[%％]?){2,}$")
#: a result cell of a project list, on its own line: '验收合格', '基本合格', '优秀', '已完工'
_RESULT_CELL = lazy_compile(r"^(?:验收)?(?:基本)?(?:不)?合格$|^(?:优秀|良好|较差|一般)$|^(?:已|未)(?:完成|完工|验收)$")


#: The rank of the report's top-level headings ('一、', '二、').
_TOP_RANK = 1


#: a heading on the reporting body itself (部门管理制度, 单位职能, 机关运行经费), not on a project it runs
_BODY_MATTER = lazy_compile(r"^(?:部门|单位|机关)(?![^，。；]*(?:项目|工程)$)")


def analysis_heading_names(layout: Layout) -> list[str]:
    """Short headings inside analysis/conclusion sections that are neither level nor section headings.

    In a narrative report these are the per-project subsection titles (党员…费, 项目名称：X).
    """
    out: list[str] = []
    # (the last line titles nothing: an excerpt cut after a word, '农村危房改造补')
    for info, following in pairwise(layout.paras):
        if not info.heading or info.section not in ("analysis", "conclusion"):
            continue
        if following.heading == _TOP_RANK and info.heading > _TOP_RANK:
            # a short line right before the report's next part ('五、其他需要说明的问题') heads nothing: it is
            # its own part's one-line answer ('四、…公开情况' / '按规定申请公开'). (An unnumbered line's rank
            # says nothing of its depth: a project's title is followed by its '（1）预算执行情况'.)
            continue
        title = info.title.rstrip("：:")
        if "项目名称" in title:
            title = title.split("：")[-1].split(":")[-1]
        if heading_level_path(title) is not None or section_kind(title) is not None:
            continue
        if re.search(r"(?:局|委|厅|政府|委员会|办公室)$|^20\d{2}\s*年", title):
            continue  # the signature (reporting body, date) closing the report
        if _BODY_MATTER.match(title):
            continue  # the reporting body's own matters ('部门管理制度', '单位资金来源及使用情况'): no project
        if is_area_title(title):
            continue  # an area of work a report on several projects tells its results by ('培训服务方面')
        if _form_cell(title):
            continue  # a form flattened one cell per line: its labels and indicator rows are no titles
        if _contents_entry(title, following.para.text):
            continue  # a table of contents: its entries are the report's parts, not projects
        out.append(title)
    return out


#: a page number alone on a line, or a line's leader dots and page number ('……12', '....  7')
_PAGE_NUMBER_LINE = lazy_compile(r"\s*\d{1,3}\s*")
_LEADER_AND_PAGE = lazy_compile(r"(?:[.．…·]{2,}|\s{2,})\s*\d{1,3}\s*$")


def _contents_entry(title: str, following: str) -> bool:
    """Is the heading an entry of a table of contents: its page number on the next line
    ('（一）评价目的' / '23'), or after leader dots on its own?"""
    return _PAGE_NUMBER_LINE.fullmatch(following) is not None or _LEADER_AND_PAGE.search(title) is not None


def assign_context(layout: Layout, projects: list[tuple[str, list[str]]]) -> None:
    """Tell every paragraph which project subsection and level heading it belongs to."""
    current: str | None = None
    current_depth = 0
    level: str | None = None
    for info in layout.paras:
        if info.heading:
            named = _heading_project(info.title, projects)
            path = heading_level_path(info.title)
            # a section heading under the project's own heading ('一、X项目' → '（一）资金情况') is a part
            # of that project, not a new section of the report
            nested = current is not None and info.heading > current_depth
            if named is not None and path is None:
                current, current_depth, level = named, info.heading, None
                info.project_heading = named
            elif path is not None:
                level = path
            elif (info.heading <= 2 and section_kind(info.title) is not None and not nested) or (
                current is not None and info.heading <= current_depth
            ):
                current, level = None, None  # a new section, or a sibling heading of the project's
        info.project = current or (None if info.heading else _opening_project(info.para.text, projects))
        info.level = level
        if current is not None and info.section == "other":
            info.section = "analysis"  # a report organised by project: its parts are the analysis
        tail = _trailing_heading(info, projects)
        if tail is not None and info.section in ("analysis", "conclusion"):
            # '…满意度达 92%。X项目': a text dump glued the next project's heading to this paragraph
            current, current_depth, level = tail, 5, None
            info.project_heading = tail


#: an item's number or enumerating word before the name a body paragraph opens with: '（一）', '2.', '三、', '一是'
_ITEM_LEAD = lazy_compile(
    rf"\s*(?:[（(]?[一二三四五六七八九十\d]{{1,2}}[)）、.．]|{LIST_MARK}|[一二三四五六七八九十]是)?\s*")
#: what closes the name that opens a paragraph about it: a stop, a colon or a comma
_NAME_CLOSE = lazy_compile(r"\s*[。：:，,]")


def _opening_project(text: str, projects: list[tuple[str, list[str]]]) -> str | None:
    """The project a body paragraph outside any project's part opens with and is all about, its heading run into
    its text ('（一）X项目。该项目年初预算…，…结余资金已交回', '2.X专项：年初预算…'): the paragraph names no
    other project, so what it says of money, balances and results is that project's."""
    found = find_mentions(text, projects)
    if not found or len({name for _, _, name in found}) > 1:
        return None
    start, end, name = found[0]
    lead = _ITEM_LEAD.match(text)
    return name if lead is not None and lead.end() == start and _NAME_CLOSE.match(text, end) else None


def _trailing_heading(info: ParaInfo, projects: list[tuple[str, list[str]]]) -> str | None:
    """A project name left after the last full stop of a body paragraph, if that is all there is."""
    if info.heading:
        return None
    text = info.para.text.rstrip()
    cut = max(text.rfind("。"), text.rfind("；"))
    if cut < 0 or cut == len(text) - 1:
        return None
    tail = text[cut + 1:].strip()
    if not tail or len(tail) > 40:
        return None
    found = find_mentions(tail, projects)
    if len(found) == 1 and len(strip_name(tail[:found[0][0]] + tail[found[0][1]:])) <= 2:
        return found[0][2]
    # a shortened spelling the report uses only here ('数字资源购置费' for '公共图书馆数字资源购置费')
    similar = {name for name, aliases in projects for s in (name, *aliases) if same_project(s, tail)}
    return similar.pop() if len(similar) == 1 else None


def _heading_project(title: str, projects: list[tuple[str, list[str]]]) -> str | None:
    """The project a heading names (alone, or with a few extra words such as 绩效分析)."""
    title = title.rstrip("：:")
    if "项目名称" in title:
        title = title.split("：")[-1].split(":")[-1]
    found = find_mentions(title, projects)
    if len({name for _, _, name in found}) == 1:
        start, end, name = found[0]
        rest = strip_name(title[:start] + title[end:])
        if len(rest) <= 8:
            return name
    if len(title) <= 40:
        return best_project_for(title, projects) if _looks_like_name(title) else None
    return None


def _looks_like_name(title: str) -> bool:
    return heading_level_path(title) is None and section_kind(title) is None


def sentences(layout: Layout) -> list[Sentence]:
    """Every sentence of the body text with its section, project and level context."""
    out: list[Sentence] = []
    for info in layout.paras:
        for start, end in split_sentences(info.para):
            out.append(Sentence(para=info.para, start=start, end=end, index=info.index, section=info.section,
                                project=info.project, level=info.level,
                                tags={"heading": str(info.heading)}))
    return out
