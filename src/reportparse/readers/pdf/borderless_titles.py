"""The words of a borderless table and its column titles: glyphs cut into words, rows of words,
and the header rows whose titles name the columns (wrapped titles joined back together)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from reportparse.han import is_han
from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import lexicon
from reportparse.readers.pdf.lines import Glyph, TextLine
from reportparse.t2s import simplified

#: Column-header words of 自评表 forms and goal tables (simplified; traditional is folded first).
HEADER_WORDS = frozenset({
    "一级指标", "二级指标", "三级指标", "指标值", "年度指标值", "实际完成值", "完成值", "分值", "权重", "得分",
    "年初预算数", "全年预算数", "全年执行数", "执行率", "目标值", "备注", "指标性质", "度量单位", "指标内容",
    "实际完成情况", "预期目标", "评分标准", "满分",
})
FOLD = str.maketrans("級標際權預數執備註實項績評滿", "级标际权预数执备注实项绩评满")
NUMERIC = lazy_compile(r"^[-+]?[\d,.]+%?$")
#: Below this gap (in line heights) a wrapped line continues the cell next to it.
WRAP_GAP = 0.8


@dataclass
class Word:
    """A run of glyphs on one line with no wide gap inside."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    glyphs: list[Glyph] = field(default_factory=list, repr=False)

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Row:
    words: list[Word] = field(default_factory=list)
    #: the row lies between two horizontal rules: its extent is the rules', no wrap joins it to another
    ruled: bool = False

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)


def line_words(line: TextLine) -> list[Word]:
    """Split a line at spaces and at gaps wider than a character."""
    words: list[Word] = []
    run: list[Glyph] = []
    gap = max(line.char_width, 1.0)
    glyphs = line.glyphs
    for k, glyph in enumerate(glyphs):
        if glyph.char == " " and run and _inner_space(run[-1], glyph, glyphs[k + 1:]):
            run.append(glyph)  # one space inside a cell's text ('主管部门 (业主单位)'), not a gap between cells
            continue
        if glyph.char == " " or (run and glyph.x0 - run[-1].x1 > gap):
            if run:
                words.append(glyph_word(run))
                run = []
            if glyph.char == " ":
                continue
        run.append(glyph)
    if run:
        words.append(glyph_word(run))
    # a title typed with a space inside reads as the title ('一级 指标' → 一级指标), as a letter-spaced one does
    words = [glyph_word([g for g in w.glyphs if g.char != " "]) if " " in w.text and is_whole_title(w.text) else w
             for w in words]
    return _joined_spaced_titles(words, gap * SPACED_TITLE_GAP)


#: Widest gap (in text heights) a single space inside a cell's text leaves between its neighbours: cells are
#: set apart by their paddings at least, wider than one space of the cell's own type.
INNER_SPACE = 0.35
#: A typed space's box fills at least this share of the gap between its neighbours.
TYPED_SPACE_FILL = 0.8


def _inner_space(before: Glyph, space: Glyph, rest: list[Glyph]) -> bool:
    """Whether a space is one typed inside a cell's text: a single space that the file itself holds (its
    box fills the gap; a space the text layer makes up between two cells' texts has no width), its
    neighbours as close as a space of the type leaves them."""
    after = rest[0] if rest else None
    if after is None or after.char == " ":
        return False
    height = max(before.bottom - before.top, after.bottom - after.top, 1.0)
    gap = after.x0 - before.x1
    return gap <= INNER_SPACE * height and space.x1 - space.x0 >= TYPED_SPACE_FILL * gap > 0


#: Widest gap (in character widths) inside a column title printed letter-spaced ('一级  指标', '得   分').
SPACED_TITLE_GAP = 4.0
#: Longest piece (characters) of a letter-spaced title: a whole title beside a cell's first characters
#: ('实际完成值' | '分 值') is two columns.
SPACED_PIECE = 3


def _joined_spaced_titles(words: list[Word], widest: float) -> list[Word]:
    """Words that are one column title printed with a gap inside ('一级 指标', '实际 完成值'): joined when
    the whole is a title word by itself and one of its pieces alone is not (two titles side by side stay
    two columns, and a wrapped title's last piece beside the next title, '际值' | '得分', stays apart)."""
    out: list[Word] = []
    for word in words:
        last = out[-1] if out else None
        if (last is not None and word.x0 - last.x1 <= widest and len(last.glyphs) <= SPACED_PIECE
                and len(word.glyphs) <= SPACED_PIECE and is_han(last.text[-1:]) and is_han(word.text[:1])
                and not (is_column_title(last.text) and is_column_title(word.text))
                and is_whole_title(last.text + word.text)):
            out[-1] = glyph_word(last.glyphs + word.glyphs)
        else:
            out.append(word)
    return out


def glyph_word(run: list[Glyph]) -> Word:
    return Word("".join(g.char for g in run), min(g.x0 for g in run), min(g.top for g in run),
                 max(g.x1 for g in run), max(g.bottom for g in run), run)


def header_count(words: list[Word]) -> int:
    return sum(1 for w in words if is_column_title(w.text))


#: Longest text (characters) read as a column title: a longer one is a sentence or a cell's value.
LONGEST_TITLE = 16
#: A bracketed unit or weight a column title carries ('发行金额(亿元)', '分值(10分)') and pinyin
#: readings printed after characters ('指標(biāo)').
_TITLE_NOTE = lazy_compile(r"[(（][^()（）]{0,6}[)）]")
_TITLE_KEY = lazy_compile(r"^[\u4e00-\u9fff、/]{2,}$")
#: The label table's roles whose patterns name columns and header fields of forms and summary tables.
_TITLE_ROLES = frozenset({
    "header.name", "header.department", "header.unit", "budget.header_budget", "budget.header_executed",
    "budget.initial", "budget.planned", "budget.executed", "budget.weight", "budget.rate", "budget.score",
    "indicator.level1", "indicator.level2", "indicator.name", "indicator.nature", "indicator.unit",
    "indicator.target", "indicator.actual", "indicator.rate", "indicator.weight", "indicator.score",
    "indicator.standard", "indicator.reason", "goal.expected", "goal.achieved"})


#: A space typed between a title's characters or before its bracketed note ('项 目 名 称', '分值 (10分)').
_SPACE_IN_TITLE = lazy_compile(r"(?<=[\u4e00-\u9fff)）]) +(?=[\u4e00-\u9fff(（])")


def is_column_title(text: str) -> bool:
    """Whether a word is a column title of a form or a summary table: one of HEADER_WORDS, or a title
    that the label table (`lexicon/form_labels.json`) gives a role, brackets and traditional
    characters aside. A province's new column title is a line in that table, not here."""
    text = _SPACE_IN_TITLE.sub("", text)
    key = text.translate(FOLD)
    if key in HEADER_WORDS:
        return True
    if len(text) > LONGEST_TITLE or not is_han(text[:1]):
        return False
    key = _TITLE_NOTE.sub("", simplified(text)).rstrip("：:")
    # a title is a label of Han characters alone: a piece of a sentence that numbers cut up
    # ('分，得分', '万元，全年执行数为') carries its punctuation
    return bool(_TITLE_KEY.match(key)) and any(p.fullmatch(key) for p in _title_patterns())


def is_whole_title(text: str) -> bool:
    """Whether a text is a column title as it stands: one of the header words, or a text a role pattern
    of the label table matches from end to end (not a title with more run into it)."""
    key = _SPACE_IN_TITLE.sub("", text).translate(FOLD)
    return key in HEADER_WORDS or any(p.fullmatch(key) for p in _whole_title_patterns())


@cache
def _whole_title_patterns() -> tuple[re.Pattern[str], ...]:
    table = lexicon("form_labels.json")
    patterns = [p for name, spec in table.items() if name in _TITLE_ROLES for p in spec.get("patterns", ())]
    patterns += [p for ps in table["summary.columns"]["roles"].values() for p in ps]
    words = "|".join(re.escape(w) for w in table["form.header_words"]["words"])
    return (re.compile(words), *(re.compile(p) for p in patterns))


@cache
def _title_patterns() -> tuple[re.Pattern[str], ...]:
    table = lexicon("form_labels.json")
    patterns = [f"(?:{p})" for name, spec in table.items() if name in _TITLE_ROLES
                for p in spec.get("patterns", ())]
    patterns += [f"(?:{p})" for ps in table["summary.columns"]["roles"].values() for p in ps]
    words = "|".join(re.escape(w) for w in table["form.header_words"]["words"])
    # a role pattern matches inside a key ('预算数' in '全年预算数'); a title is a key it covers whole
    return (re.compile(words), *(re.compile(f".*{p}.*" if not p.startswith("(?:^") else p) for p in patterns))


def header_bands(rows: list[Row]) -> list[Row]:
    """Header rows whose titles wrap: a narrow column prints 年初预 / 算数 on two lines, one under the
    other. Within a row (a spreadsheet centres one-line titles beside wrapped ones, so the lines
    overlap into one row) the pieces stacked in a column are joined where together they name a
    column title; across two rows (titles printed at the top of their cells, or a header cell
    merged over two ruled rows) a piece that completes the title above it joins that title."""
    rows = [Row(_stacked(row.words), row.ruled)
            if header_count(_stacked(row.words)) > header_count(row.words) else row for row in rows]
    index = 0
    while index + 1 < len(rows):
        upper, lower = rows[index], rows[index + 1]
        if any(NUMERIC.match(w.text) for w in [*upper.words, *lower.words]):
            index += 1
            continue
        joined, left = _join_titles(upper.words, lower.words)
        if len(left) == len(lower.words):
            index += 1
            continue
        rows[index] = Row(joined, upper.ruled)
        if left:
            rows[index + 1] = Row(left, lower.ruled)
        else:
            del rows[index + 1]
    return rows


def _join_titles(upper: list[Word], lower: list[Word]) -> tuple[list[Word], list[Word]]:
    """The upper row's words with each piece of the lower row that completes a title right above
    it joined on, and the lower row's words left over."""
    joined: list[Word] = []
    left = list(lower)
    for word in upper:
        below = next((w for w in left if _under(word, w)), None)
        if below is not None and not is_column_title(word.text) and not is_column_title(below.text):
            title = glyph_word([*word.glyphs, *below.glyphs])
            if is_column_title(title.text):
                joined.append(title)
                left.remove(below)
                continue
        joined.append(word)
    return joined, left


def _under(upper: Word, lower: Word) -> bool:
    """Whether `lower` is the next line of text in `upper`'s column, right under it."""
    across = min(upper.x1, lower.x1) - max(upper.x0, lower.x0)
    gap = lower.top - upper.bottom
    return (across > 0.5 * min(upper.x1 - upper.x0, lower.x1 - lower.x0)
            and -0.3 * lower.height < gap < WRAP_GAP * lower.height)


def _stacked(words: list[Word]) -> list[Word]:
    """Words that sit one under the other in a column joined into one, where together (and not
    apart) they read as a column title; the rest as they were. A wrapped title's line may itself be
    cut at a narrow gap (年度 指标 / 值), so the word above may take its close neighbour along."""
    out = sorted(words, key=lambda w: (w.top, w.x0))
    joined = True
    while joined:
        joined = False
        for lower in out:
            for upper in _upper_pieces(out, lower):
                title = glyph_word([g for w in [*upper, lower] for g in w.glyphs])
                if is_column_title(title.text) and not any(is_column_title(w.text) for w in [*upper, lower]):
                    out = sorted([w for w in out if w is not lower and not any(w is u for u in upper)] + [title],
                                 key=lambda w: (w.top, w.x0))
                    joined = True
                    break
            if joined:
                break
    return out


def _upper_pieces(words: list[Word], lower: Word) -> list[list[Word]]:
    """What may stand right above `lower` in its title: the word over it, alone or with its close
    neighbour on the left or the right."""
    pieces: list[list[Word]] = []
    for upper in words:
        if upper is lower or not _under(upper, lower):
            continue
        pieces.append([upper])
        for other in words:
            if other is upper or abs(other.top - upper.top) >= 0.3 * upper.height:
                continue
            if 0 <= upper.x0 - other.x1 <= upper.height:
                pieces.append([other, upper])
            elif 0 <= other.x0 - upper.x1 <= upper.height:
                pieces.append([upper, other])
    return pieces
