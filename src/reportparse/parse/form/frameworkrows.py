"""A scoring table of the common evaluation framework dumped one cell a line, a row's end marked (read by `cells`).

The 项目支出绩效自评表 of the common framework scores fixed 三级指标 (立项依据充分性, 预算执行率, 管理制度健全性 …)
under 一级 (决策/过程/产出/效益, its points in the cell: '决策（20分）') and 二级 (项目立项, 资金管理 …) levels:

    序号 | 一级指标 | 二级指标 | 三级指标 | 指标说明 | 评价标准 | 分值 | 评分

A text dump of it writes every cell as its line(s) and a line holding only '|' after it, an empty cell as a lone
'|' line, and one more lone '|' where a row ends; the 一级 and 二级 cells are merged down their groups, so they
are written once, on the group's first row, and rows hold fewer cells below it. The lone '|' of a row's end reads
as one more empty cell: every row, the header's too, ends in an empty cell. The header gives the column count
(its cells up to that first empty one); a row is its 序号 figure (where the header has 序号), the level cells it
prints, then exactly as many cells as the header has from 三级指标 on, then the empty end. How many level cells a
row prints is the one count that puts a figure under 分值, a score (or nothing) under 评分 no higher than it, and
the empty end where the next row begins: the others put a text under 分值 or the next row's first cell where
the end should be. A row that no count fits ends the table: what follows is not rebuilt (read nothing rather
than misplaced cells), and where a row could have begun there (the table damaged, not ended) only the whole 一级
groups before it are kept. A header word broken over two cells, a long text broken over two, the header printed
again after a page are read through.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.blocks import is_header_label
from reportparse.parse.form.celldump import DumpCell
from reportparse.parse.form.celljoins import is_label
from reportparse.parse.form.grid import squash
from reportparse.parse.form.labels import matches
from reportparse.parse.form.levellabels import is_total_label, printed_weight
from reportparse.parse.form.values import plain_decimal

#: A row's number under 序号 ('1', '12', '3.', '4、').
_SERIAL = lazy_compile(r"^\d{1,3}[.、．]?$")
#: Most cells a header row holds (more is no header of this table).
_MAX_COLUMNS = 14
#: Longest column word of the header ('未完成原因及拟采取的改进措施').
_COLUMN_WORD_MAX = 16
#: Longest piece of a column word the dump broke over two cells ('评价' | '标准').
_WORD_PIECE = 2
#: Longest 一级/二级 label ('产出质量（10分）').
_LEVEL_MAX = 20
#: Longest 三级指标 name.
_NAME_MAX = 40
#: The most points one row's 分值 holds.
_MAX_POINTS = 100
#: Fewest rows for the table to be read (one row alone could be any two figures).
_MIN_ROWS = 2
#: The columns whose roles say the table measures values against targets: another reader's table.
_VALUE_ROLES = ("indicator.target", "indicator.actual", "indicator.nature", "indicator.unit")
#: The words a header opens with.
_HEADER_OPENS = ("indicator.serial", "indicator.level1")
#: Most cells more than the header's that a row's texts may take (a long 指标说明 broken over cells).
_MAX_OVERFLOW = 2
#: The end of a sentence: a text cell that ends so is whole.
_SENTENCE_END = lazy_compile(r"[。；;！？!?]\s*$")
#: A sentence mark: a level label or a name holds none.
_SENTENCE = lazy_compile(r"[。；;，,：:]")


@dataclass(frozen=True)
class _Layout:
    """Where a row's cells go: the header's columns (the 序号 one left out) and how many cells its rows hold."""

    header: list[DumpCell]  # as printed, a column word the dump broke over two cells joined to fit the rows
    serial: bool  # the header opens with 序号: every row opens with its number
    levels: int  # level columns before 三级指标 (一级, 二级)
    texts: int  # cells between 三级指标 and 分值 (指标说明, 评价标准 …)
    scored: int  # cells from 分值 to 评分 (2 when they stand side by side)
    after: int  # cells after 评分 (扣分原因, 备注 …)

    @property
    def tail(self) -> int:
        """The cells of a row from 三级指标 on."""
        return 1 + self.texts + self.scored + self.after


def framework_spans(cells: list[DumpCell]) -> list[tuple[int, int]]:
    """Where such tables are among the cells (start and end of each read with rows)."""
    spans: list[tuple[int, int]] = []
    at, last = 0, None
    while at < len(cells):
        if is_header_label(squash(cells[at].text)):
            last = None  # a next form's header block: its table starts anew
        table = framework_table(cells, at, last)
        if table is None or len(table[0]) < 2:
            at += 1
            continue
        spans.append((at, table[1]))
        last, at = table[0][-1], table[1]
    return spans


def framework_table(cells: list[DumpCell], at: int,
                    above: list[DumpCell] | None = None) -> tuple[list[list[DumpCell]], int] | None:
    """The header and rows of such a table whose header starts at `at`, and where reading stopped; None when no
    such header starts there. Rows are [levels…, name, texts…, 分值, 评分, …], the 序号 column left out. A header
    whose rows cannot be rebuilt gives no rows at all (the header alone), never a misplaced cell. `above` is the
    last row of the table this header goes on from (printed again at a page's top): its levels carry on."""
    found = _header(cells, at)
    if found is None:
        return None
    printed, serial, pos = found
    if above is not None and len(above) != len(printed):
        above = None
    layout = _layout(cells, pos, printed, serial, above)
    if layout is None:
        return [printed], pos
    rows: list[list[DumpCell]] = []
    while pos < len(cells):
        if is_total_label(squash(cells[pos].text)):
            total, pos = _total_row(cells, pos, layout)
            rows.extend(total)
            break
        read = _row(cells, pos, layout, rows[-1] if rows else above)
        if read is None:
            rows = _complete_groups(rows, layout) if _opens_row(cells[pos], layout) else rows
            break
        row, pos = read
        rows.append(row)
    if sum(1 for row in rows if not is_total_label(squash(row[0].text))) < (1 if above else _MIN_ROWS):
        rows = []
    return [layout.header, *rows], pos


def _opens_row(cell: DumpCell, layout: _Layout) -> bool:
    """Could a row of the table begin at this cell (its number, or a label)? Where one could and none fits, the
    table is damaged there, not ended (its notes or the report's prose after it are no label)."""
    key = squash(cell.text)
    return bool(_SERIAL.match(key)) if layout.serial else _is_label(key, _NAME_MAX)


def _complete_groups(rows: list[list[DumpCell]], layout: _Layout) -> list[list[DumpCell]]:
    """The rows of a damaged table up to its last whole 一级 group: one whose rows' 分值 add up to the points its
    label prints ('决策（20分）'). A group cut short would give its level a false sum; labels that print no points
    cannot say which group is whole, and nothing is kept."""
    weight = layout.levels + 1 + layout.texts
    kept, group, total, points = 0, 0, Decimal(0), None
    for index, row in enumerate(rows):
        if not row[0].merged:
            group, total, points = index, Decimal(0), printed_weight(squash(row[0].text))
        total += plain_decimal(squash(row[weight].text)) or 0
        if points is not None and total == points and group >= kept:
            kept = index + 1
    return rows[:kept]


def _header(cells: list[DumpCell], at: int) -> tuple[list[DumpCell], bool, int] | None:
    """The header row from `at` to its empty end cell (its 序号 cell left out), whether it opens with 序号, and
    where its first row begins."""
    if not any(matches(role, squash(cells[at].text)) for role in _HEADER_OPENS):
        return None  # (the header opens with 序号 or 一级指标)
    end = at
    while end < len(cells) and squash(cells[end].text) and end - at <= _MAX_COLUMNS:
        end += 1
    if end >= len(cells) or end - at > _MAX_COLUMNS:
        return None
    keys = [squash(c.text) for c in cells[at:end]]
    if any(len(k) > _COLUMN_WORD_MAX or plain_decimal(k) is not None for k in keys):
        return None
    serial = matches("indicator.serial", keys[0])
    columns = _whole_words(cells[at + 1:end] if serial else cells[at:end])
    return (columns, serial, end + 1) if _roles(columns) is not None else None


def _whole_words(columns: list[DumpCell]) -> list[DumpCell]:
    """The header's column words with a word the dump broke over two cells joined ('一级' | '指标', '评价' | '标准'):
    two pieces of two characters that are no column words by themselves (or a lone 指标 after a level) and make
    one. ('评分' | '要点' is left to the rows to count: a piece that is a word by itself.)"""
    out: list[DumpCell] = []
    for cell in columns:
        last = squash(out[-1].text) if out else ""
        key = squash(cell.text)
        pieces = (len(last) <= _WORD_PIECE and not is_label(last) and not is_label(key)) or key == "指标"
        if last and pieces and len(key) <= _WORD_PIECE and is_label(last + key):
            out[-1] = DumpCell(last + key, out[-1].line)
        else:
            out.append(cell)
    return out


def _roles(columns: list[DumpCell]) -> tuple[int, int, int] | None:
    """The 三级指标, 分值 and 评分 columns of a header whose level columns (and nothing else) stand left of 三级指标,
    whose 分值 and 评分 follow it, and that measures no value against a target (that is another reader's table)."""
    words = [squash(c.text) for c in columns]
    if any(matches(role, k) for role in _VALUE_ROLES for k in words):
        return None
    name = next((i for i, k in enumerate(words) if matches("indicator.name", k)), None)
    if name is None:
        return None
    weight = next((i for i in range(name + 1, len(words)) if matches("indicator.weight", words[i])), None)
    if weight is None:
        return None
    score = next((i for i in range(weight + 1, len(words)) if matches("indicator.score", words[i])), None)
    levels = [i for i, k in enumerate(words[:name]) if matches("indicator.level1", k) or matches("indicator.level2", k)]
    if score is None or not levels or levels != list(range(name)):
        return None
    return name, weight, score


def _layout(cells: list[DumpCell], pos: int, header: list[DumpCell], serial: bool,
            above: list[DumpCell] | None) -> _Layout | None:
    """How many cells the rows hold between 三级指标 and 分值 and after 评分: the header's count, or fewer where the
    dump broke a column word over two cells ('评分' | '要点'); the largest count under which the first two rows
    fit."""
    roles = _roles(header)
    assert roles is not None
    name, weight, score = roles
    texts, after = weight - name - 1, len(header) - score - 1
    for t in range(texts, 0, -1) if texts else [0]:
        for a in range(after, 0, -1) if after else [0]:
            layout = _Layout(_fitted(header, name, weight, score, t, a), serial, name, t, score - weight + 1, a)
            first = _row(cells, pos, layout, above)
            if first is None:
                continue
            following = first[1]
            if (following >= len(cells) or is_total_label(squash(cells[following].text))
                    or _row(cells, following, layout, first[0]) is not None):
                return layout  # (more cells than the rows hold never fit: the first count that fits is theirs)
    return None


def _fitted(header: list[DumpCell], name: int, weight: int, score: int, texts: int, after: int) -> list[DumpCell]:
    """The header with its text columns and the columns after 评分 joined down to the rows' counts."""
    return [*header[:name + 1], *_joined(header[name + 1:weight], texts), *header[weight:score + 1],
            *_joined(header[score + 1:], after)]


def _joined(words: list[DumpCell], count: int) -> list[DumpCell]:
    """`words` joined down to `count` cells, the shortest neighbours first (a word broken in two: '评分' | '要点')."""
    out = list(words)
    while len(out) > count:
        at = min(range(len(out) - 1), key=lambda i: len(out[i].text) + len(out[i + 1].text))
        out[at:at + 2] = [DumpCell(out[at].text + out[at + 1].text, out[at].line)]
    return out


def _row(cells: list[DumpCell], at: int, layout: _Layout,
         above: list[DumpCell] | None) -> tuple[list[DumpCell], int] | None:
    """The row from `at` (its cells under the header's columns) and where the next begins; None where no row of
    the table begins (the one count of level cells that fits, see the module docstring). A level cell the row
    does not print is the one above merged down: its text repeated, as a grid repeats a merged cell's. A row
    that fits only with a text cell more (a long 指标说明 the dump broke over two cells) has its texts joined."""
    pos = at
    if pos >= len(cells) or (above is not None and is_total_label(squash(above[0].text))):
        return None
    if layout.serial:
        if not _SERIAL.match(squash(cells[pos].text)):
            return None
        pos += 1
    for extra in range(_MAX_OVERFLOW + 1 if layout.texts else 1):
        fits = [k for k in range(layout.levels, -1, -1) if _fits(cells, pos, k, layout, extra)]
        if above is None:
            fits = [k for k in fits if k == layout.levels]  # the table's first row prints all its levels
        if len(fits) > 1:
            return None
        if fits:
            printed = fits[0]
            merged = [DumpCell(c.text, c.line, merged=True) for c in (above or [])[:layout.levels - printed]]
            own = cells[pos:pos + printed + layout.tail + extra]
            texts = own[printed + 1:printed + 1 + layout.texts + extra]
            row = [*merged, *own[:printed + 1], *_sentences(texts, layout.texts), *own[printed + 1 + len(texts):]]
            return row, pos + printed + layout.tail + extra + 1
    return None


def _sentences(pieces: list[DumpCell], count: int) -> list[DumpCell]:
    """Text cells joined down to `count`: a piece that ends no sentence goes on in the piece after it."""
    out = list(pieces)
    while len(out) > count:
        at = next((i for i in range(len(out) - 1) if not _SENTENCE_END.search(out[i].text)), len(out) - 2)
        out[at:at + 2] = [DumpCell(out[at].text + out[at + 1].text, out[at].line)]
    return out


def _fits(cells: list[DumpCell], pos: int, printed: int, layout: _Layout, extra: int = 0) -> bool:
    """Do `printed` level cells from `pos`, then the row's tail (with `extra` text cells), put a label under
    三级指标, a figure under 分值, a score no higher (or none) under 评分 and an empty cell where the row ends, the
    next row's first after it?"""
    end = pos + printed + layout.tail + extra  # the row's empty end cell
    if end > len(cells):
        return False
    texts = [squash(c.text) for c in cells[pos:end]]
    levels, name = texts[:printed], texts[printed]
    if any(not _is_label(k, _LEVEL_MAX) for k in levels) or not _is_label(name, _NAME_MAX):
        return False
    if printed_weight(name) is not None:
        return False  # a label with its points ('过程（20分）') is a level's, never an indicator's
    pieces = texts[printed + 1:printed + 1 + layout.texts + extra]
    if extra and any(not k or plain_decimal(k) is not None for k in pieces):
        return False  # (a text broken over cells: each piece holds words)
    weight = plain_decimal(texts[printed + 1 + layout.texts + extra])
    score_text = texts[printed + layout.texts + extra + layout.scored]
    score = plain_decimal(score_text)
    if weight is None or not 0 < weight <= _MAX_POINTS or (score_text and (score is None or score > weight)):
        return False
    if end == len(cells):
        return True  # the dump's last row, its end cell not written
    return not squash(cells[end].text)


def _is_label(key: str, longest: int) -> bool:
    return bool(key) and len(key) <= longest and plain_decimal(key) is None and not _SENTENCE.search(key)


def _total_row(cells: list[DumpCell], at: int, layout: _Layout) -> tuple[list[list[DumpCell]], int]:
    """合计 | (empty cells it spans) | 100 | 96: its two figures under 分值 and 评分 (nothing unless both are
    printed: one figure alone could be either)."""
    label = cells[at]
    pos = at + 1
    while pos < len(cells) and not squash(cells[pos].text):
        pos += 1
    figures = cells[pos:pos + 2]
    if len(figures) < 2 or any(plain_decimal(squash(c.text)) is None for c in figures):
        return [], pos
    row = [DumpCell("", label.line) for _ in range(len(layout.header))]
    weight = layout.levels + 1 + layout.texts
    row[0], row[weight], row[weight + layout.scored - 1] = label, figures[0], figures[1]
    return [row], pos + 2
