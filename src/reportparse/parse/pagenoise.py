"""A republished page's chrome left out: what a mirror or document-sharing site prints around the report.

Sites that copy self-evaluations print their own lines around the text (a keyword line of porn or gambling
words, a 范文 site's '时间:… 报告 我要投稿' and '以下是小编整理的…', a document site's page list
'X_第1页', '已阅读5页…', '下载本文档', '版权说明:…', a heading block closed by '合集下载'), print a
gambling site's name where the unit's name stood ('…林业局澳门X_欧洲杯足球网-【投注官网平台】'), or put
pinyin between characters ('项目xiàngmù资金'). Read as the report's own text, such a line becomes the
title or a project's name. This stage leaves it out before anything reads the document: a line that is the
site's is dropped, a gambling name or an inserted reading is cut from its line. Every kept character keeps
its printed page and line (spans are recomputed round a cut), so evidence still quotes the document's text.
The words and patterns are data (`lexicon/page_noise.json`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from reportparse.han import is_han
from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Cell, Document, Line, Paragraph, Table
from reportparse.parse.reading import offsets_after_cut

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
#: a run of Latin letters with a tone mark in it (one syllable or several, spaced or not): a reading
_TONED_RUN = lazy_compile(rf"[a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*(?:\s[a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*)*")
#: a run of lower-case letters printed between two characters ('项目xiangmu资金'), a reading if it is pinyin
_BARE_RUN = lazy_compile(r"(?<![A-Za-z])[a-z]{2,16}(?![A-Za-z])")
#: fewest letters of a reading printed after a word rather than between two characters (a report's own
#: short Latin after a word, 'm', 'kg', is a unit)
_MIN_TRAILING = 4
#: fewest bare runs that are pinyin for a document to be taken for a copy that inserts readings: a report's
#: own Latin between characters is rare, and one such word is left alone
_MIN_BARE = 3
#: separators a gambling name is joined by, '澳门X_欧洲杯足球网-【投注官网平台】'
_JOINED_NAME = lazy_compile(r"(?:[\u4e00-\u9fff]{2,10}(?:[_\-—|]|(?=【)))+(?:【[^】\s]{2,16}】|[\u4e00-\u9fff]{2,10})")


class Lexicon(NamedTuple):
    lines: list[re.Pattern[str]]
    inline: list[re.Pattern[str]]
    title_tags: list[re.Pattern[str]]
    spam_terms: list[str]
    spam_min: int
    report_words: list[str]
    intro_markers: list[str]
    intro_verbs: list[str]
    credit_markers: list[str]
    intro_wishes: list[str]
    head_marker: str
    gambling: re.Pattern[str]
    gambling_min: int
    syllables: frozenset[str]
    latin_keep: frozenset[str]


@cache
def _lexicon() -> Lexicon:
    data = lexicon("page_noise.json")
    return Lexicon(
        lines=[re.compile(p) for p in data["lines"]], inline=[re.compile(p) for p in data["inline"]],
        title_tags=[re.compile(p) for p in data["title_tags"]],
        spam_terms=data["spam_terms"], spam_min=data["spam_min"],
        report_words=data["report_words"], intro_markers=data["intro_markers"], intro_verbs=data["intro_verbs"],
        credit_markers=data["credit_markers"], intro_wishes=data["intro_wishes"],
        head_marker=data["head_marker"], gambling=re.compile(alternation(data["gambling_terms"])),
        gambling_min=data["gambling_min"], syllables=frozenset(data["pinyin_syllables"]),
        latin_keep=frozenset(data["latin_keep"]))


def is_site_line(text: str) -> bool:
    """Whether a printed line is the site's own: a keyword line, a 范文 site's date or introduction line, a
    document site's page, download or copyright line, a line of bare markup."""
    line = text.strip()
    if not line:
        return False
    lex = _lexicon()
    if any(pattern.search(line) for pattern in lex.lines):
        return True
    if any(marker in line for marker in lex.intro_markers) and any(verb in line for verb in lex.intro_verbs):
        return True  # ('以下是小编整理的X,希望能够帮助到大家': the site introducing its collection)
    if any(credit in line for credit in lex.credit_markers) and any(wish in line for wish in lex.intro_wishes):
        return True  # ('欢迎阅读X(精选4篇),内容由Y网整理,希望对大家有所帮助')
    if sum(term in line for term in lex.spam_terms) >= lex.spam_min:
        return not any(word in line for word in lex.report_words)
    return False


def _gambling_names(text: str) -> list[tuple[int, int]]:
    """Spans of a gambling site's name printed in the text: a joined run ('X_Y-【Z】') from its first gambling
    word on, holding at least `gambling_min` of them."""
    lex = _lexicon()
    spans: list[tuple[int, int]] = []
    for run in _JOINED_NAME.finditer(text):
        first = lex.gambling.search(text, run.start(), run.end())
        if first is None:
            continue
        if len(lex.gambling.findall(text, first.start(), run.end())) >= lex.gambling_min:
            spans.append((first.start(), run.end()))
    return spans


def _is_pinyin(word: str, syllables: frozenset[str]) -> bool:
    """Whether `word` is a run of pinyin syllables (toneless)."""
    reach = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reach[end] = any(reach[start] and word[start:end] in syllables for start in range(max(0, end - 6), end))
    return reach[-1]


def _toned_readings(text: str) -> list[tuple[int, int]]:
    """Spans of tone-marked pinyin printed after a character ('绩效jìxiào自评', '资金 zījīn'), with the space
    before it."""
    spans = []
    for run in _TONED_RUN.finditer(text):
        start = run.start()
        if start and text[start - 1] == " ":
            start -= 1
        if start and is_han(text[start - 1]):
            spans.append((start, run.end()))
    return spans


def _bare_readings(text: str) -> list[tuple[int, int]]:
    """Spans of toneless pinyin printed between two characters ('项目xiangmu资金'), or after a word and before
    a space, a mark or a figure ('绩效自评jixiaoziping 2022年', four letters at least); Latin a report prints
    on purpose (units, terms in `latin_keep`, anything that is no run of syllables) is kept."""
    lex = _lexicon()
    spans = []
    for run in _BARE_RUN.finditer(text):
        start, end = run.span()
        if not (start and is_han(text[start - 1])):
            continue
        between = end < len(text) and is_han(text[end])
        if not (between or end - start >= _MIN_TRAILING):  # (the run ends where letters end: a mark follows)
            continue
        word = run.group()
        if word not in lex.latin_keep and _is_pinyin(word, lex.syllables):
            spans.append((start, end))
    return spans


def _collection_marks(text: str) -> list[tuple[int, int]]:
    """Spans of what a 范文 site adds to a title it collects ('(精选7篇)', 'X报告 篇1'), line by line."""
    return _line_spans(text, _lexicon().inline)


def _title_tags(text: str) -> list[tuple[int, int]]:
    """Spans of what a document site adds to a title it sells ('【精品】X报告', 'X报告(可编辑)'), line by line."""
    return _line_spans(text, _lexicon().title_tags)


def _line_spans(text: str, patterns: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for line in text.split("\n"):
        spans += [(start + m.start(), start + m.end()) for p in patterns for m in p.finditer(line)]
        start += len(line) + 1
    return spans


#: a run of text between blanks (a word of a line a dump printed with spaces between its runs)
_RUN = re.compile(r"\S+")
#: how many doubled runs of at least `_DOUBLED_HALF` characters a line must hold before its doubled runs are
#: read once: a PDF that fakes bold by printing each run twice doubles every run of its title lines
#: ('20152015 年度省级资金绩效评价报告年度省级资金绩效评价报告 某省某厅某省某厅'); prose doubles no run by chance
_DOUBLED_MIN = 3
_DOUBLED_HALF = 3


def _doubled_runs(text: str) -> list[tuple[int, int]]:
    """Spans of the second copy of each run a dump printed twice ('湖南省某厅湖南省某厅' is 湖南省某厅), line by
    line, where a line holds `_DOUBLED_MIN` such runs of `_DOUBLED_HALF` characters or more (its short doubled
    runs, '年年', then too)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        doubled = [m for m in _RUN.finditer(line) if len(m.group()) % 2 == 0
                   and m.group()[:len(m.group()) // 2] == m.group()[len(m.group()) // 2:]]
        if sum(len(m.group()) // 2 >= _DOUBLED_HALF for m in doubled) >= _DOUBLED_MIN:
            spans += [(start + m.start() + len(m.group()) // 2, start + m.end()) for m in doubled]
        start += len(line) + 1
    return spans


def _inline(text: str, bare: bool) -> list[tuple[int, int]]:
    return sorted(_gambling_names(text) + _toned_readings(text) + _collection_marks(text) + _title_tags(text)
                  + _doubled_runs(text) + (_bare_readings(text) if bare else []))


def _cut_text(text: str, cuts: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """`text` without the spans in `cuts`, and for each kept character its offset in `text`."""
    kept: list[int] = []
    pos = 0
    for start, end in sorted(cuts):
        kept.extend(range(pos, max(pos, start)))
        pos = max(pos, end)
    kept.extend(range(pos, len(text)))
    return "".join(text[i] for i in kept), kept


def _cut_paragraph(para: Paragraph, cuts: list[tuple[int, int]], bare: bool) -> Paragraph | None:
    """The paragraph without the spans in `cuts` (its lines that lose all their text dropped, the others'
    spans moved), or None when nothing of it is left."""
    text, kept = _cut_text(para.text, cuts)
    if not text.strip():
        return None
    new_at = offsets_after_cut(len(para.text), kept)
    lines: list[Line] = []
    spans: list[tuple[int, int]] = []
    for line, (start, end) in zip(para.lines, para.spans, strict=False):
        moved = (new_at[min(start, len(para.text))], new_at[min(end, len(para.text))])
        if moved[0] == moved[1] and end > start:
            continue  # (the whole line was the site's)
        line_text = _cut_text(line.text, _inline(line.text, bare))[0]
        lines.append(line.model_copy(update={"text": line_text}))
        spans.append(moved)
    return para.model_copy(update={"text": text, "lines": lines, "spans": spans})


def _paragraph_cuts(para: Paragraph, bare: bool, sites: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Spans of the paragraph that are the site's: its site lines whole (and a line that is only the name of
    a site the page credits), and names and readings inline."""
    cuts = list(_inline(para.text, bare))
    if para.lines and len(para.spans) == len(para.lines):
        bounds = [start for start, _ in para.spans[1:]] + [len(para.text)]
        for (start, _end), line, stop in zip(para.spans, para.lines, bounds, strict=True):
            if is_site_line(line.text) or line.text.strip() in sites:
                cuts.append((start, stop))
    elif is_site_line(para.text) or para.text.strip() in sites:
        cuts.append((0, len(para.text)))
    return cuts


#: a site named before the words that credit it with the collection: '知远网整理的…', '由X文库收集', 'X网小编整理',
#: 'X网为您收集'
_CREDITED_SITE = lazy_compile(r"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,10}?(?:网|站|文库))"
                              r"(?=(?:小编|编辑|网友)?(?:为您|为大家)?(?:整理|收集|搜集|编辑))")
#: how far down a page its head (site name, date, introduction) runs
_HEAD_LINES = 12


def _credited_sites(elements: list[Paragraph | Table]) -> frozenset[str]:
    """The names of the sites a page's own introduction credits ('知远网整理的X报告(精选10篇),希望…'): the
    same name alone on a line of the page's head is the site's byline, never a title or a project."""
    names: set[str] = set()
    for element in elements[:_HEAD_LINES]:
        if not isinstance(element, Paragraph):
            continue
        for text in ([line.text for line in element.lines] or [element.text]):
            if is_site_line(text):
                # (the credit's own words before the name: '内容由X网整理', '本文是X网小编…' credit X网)
                names.update(re.split(r"由|是", m.group("name"))[-1] for m in _CREDITED_SITE.finditer(text))
    return frozenset(names)


def _head_end(elements: list[Paragraph | Table]) -> int:
    """How many elements open the document as a document site's heading block: those up to and including its
    closing line ('合集下载'), when that line is among the first few; else 0."""
    marker = _lexicon().head_marker
    for i, element in enumerate(elements[:8]):
        if isinstance(element, Paragraph) and element.text.strip() == marker:
            return i + 1
    return 0


def _counts_bare(document: Document) -> bool:
    """Whether the document prints enough toneless pinyin between characters to be a copy that inserts it."""
    found = 0
    for element in document.elements:
        texts = [element.text] if isinstance(element, Paragraph) else [c.text for row in element.rows for c in row]
        for text in texts:
            found += len(_bare_readings(text))
            if found >= _MIN_BARE:
                return True
    return False


def without_page_noise(document: Document) -> Document:
    """The document without what a copying site printed around and into it (unchanged when there is none)."""
    bare = _counts_bare(document)
    head = _head_end(document.elements)
    sites = _credited_sites(document.elements)
    elements: list[Paragraph | Table] = []
    changed = head > 0
    for element in document.elements[head:]:
        if isinstance(element, Table):
            table = _cut_table(element, bare)
            changed = changed or table is not element
            elements.append(table)
            continue
        cuts = _paragraph_cuts(element, bare, sites)
        if not cuts:
            elements.append(element)
            continue
        changed = True
        kept = _cut_paragraph(element, cuts, bare)
        if kept is not None:
            elements.append(kept)
    if not changed:
        return document
    notes = document.notes
    if any(_collection_marks(e.text) for e in document.elements[:_HEAD_LINES] if isinstance(e, Paragraph)):
        notes = [*notes, COLLECTION_NOTE]
    return document.model_copy(update={"elements": elements, "notes": notes})


#: the note on a page that a 范文 site copied into a numbered collection ('X报告(精选10篇)', 'X报告 篇1'): the
#: title it printed is the collection's topic, the genre it gathers examples of; the example's own opening
#: names its project ('农村厕所改造项目绩效评价报告 篇1' / '20xx年围场县农村公共厕所建设项目总投资850万元')
COLLECTION_NOTE = "page: an example a collection site numbered; its title is the collection's topic"


def is_collection_copy(document: Document) -> bool:
    """Was the document copied out of a 范文 site's numbered collection (see `COLLECTION_NOTE`)?"""
    return COLLECTION_NOTE in document.notes


def _cut_table(table: Table, bare: bool) -> Table:
    rows: list[list[Cell]] = []
    changed = False
    for row in table.rows:
        cells = []
        for cell in row:
            cuts = _inline(cell.text, bare)
            if cuts:
                changed = True
                cell = cell.model_copy(update={"text": _cut_text(cell.text, cuts)[0]})
            cells.append(cell)
        rows.append(cells)
    return table.model_copy(update={"rows": rows}) if changed else table
