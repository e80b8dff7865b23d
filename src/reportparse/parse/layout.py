"""Walking a narrative Document: sections, project subsections, level headings, sentences.

`walk` gives every paragraph its heading information and the section it belongs to; once the
projects are known, `assign_context` tells each sentence which project's subsection and which
level heading it sits under, and `sentences` yields them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportparse.model import Document, Paragraph, Table
from reportparse.parse.evidence import Sentence, split_sentences
from reportparse.parse.names import best_project_for, find_mentions, same_project, strip_name
from reportparse.parse.sections import heading_level, heading_level_path, numbering, section_kind


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


_ENDS_SENTENCE = re.compile(r"[。；;！？!?：:）)」”]\s*$")


def _continues(previous: ParaInfo | None, para: Paragraph, level: int) -> bool:
    """Is `para` the rest of a sentence a layout break cut off (a text/PDF dump's hard line break)?"""
    if previous is None or previous.heading or level or para.style == "heading":
        return False
    text = previous.para.text.rstrip()
    return len(text) >= 15 and not _ENDS_SENTENCE.search(text)


def _joined(first: Paragraph, rest: Paragraph) -> Paragraph:
    """One paragraph from two, keeping every physical line and its span."""
    offset = len(first.text)
    return Paragraph(text=first.text + rest.text, lines=[*first.lines, *rest.lines],
                     spans=[*first.spans, *((a + offset, b + offset) for a, b in rest.spans)],
                     page=first.page, style=first.style)


def walk(document: Document, exclude_tables: set[int]) -> Layout:
    """Classify paragraphs into sections by the headings that precede them."""
    layout = Layout()
    section = "other"
    previous: ParaInfo | None = None
    for index, element in enumerate(document.elements):
        if isinstance(element, Table):
            if element.index not in exclude_tables:
                layout.tables.append((index, element))
            previous = None
            continue
        text = element.text.strip()
        if not text:
            continue
        level = heading_level(element)
        if previous is not None and _continues(previous, element, level):
            previous.para = _joined(previous.para, element)
            continue
        _, title = numbering(text)
        if level and (level <= 3 or element.style == "heading"):
            kind = section_kind(title)
            if heading_level_path(title) is not None:
                pass  # 一、预算执行情况 / 二、产出指标 inside the analysis: a level, not a new part
            elif kind is not None:
                section = kind
            elif level == 1:
                section = "other"
        previous = ParaInfo(index=index, para=element, heading=level, title=title, section=section)
        layout.paras.append(previous)
    return layout


def analysis_heading_names(layout: Layout) -> list[str]:
    """Short headings inside analysis/conclusion sections that are neither level nor section headings.

    In a narrative report these are the per-project subsection titles (党员…费, 项目名称：X).
    """
    out: list[str] = []
    for info in layout.paras:
        if not info.heading or info.section not in ("analysis", "conclusion"):
            continue
        title = info.title.rstrip("：:")
        if "项目名称" in title:
            title = title.split("：")[-1].split(":")[-1]
        if heading_level_path(title) is not None or section_kind(title) is not None:
            continue
        if re.search(r"(?:局|委|厅|政府|委员会|办公室)$|^20\d{2}\s*年", title):
            continue  # the signature (reporting body, date) closing the report
        out.append(title)
    return out


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
        info.project = current
        info.level = level
        if current is not None and info.section == "other":
            info.section = "analysis"  # a report organised by project: its parts are the analysis
        tail = _trailing_heading(info, projects)
        if tail is not None and info.section in ("analysis", "conclusion"):
            # '…满意度达 92%。X项目': a text dump glued the next project's heading to this paragraph
            current, current_depth, level = tail, 5, None
            info.project_heading = tail


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
