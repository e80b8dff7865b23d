"""A score summary table that a text dump printed as text, in the prose of a narrative report.

A report's summary of the claimed scores (指标项目 | 权重 | 得分率 | 得分 over 项目决策 / 项目管理 / 项目绩效 and a 总计
row) reaches the parser as a table only where the reader rebuilt one. Otherwise it is text, in the shapes dumps
give: one row a line with its cells set off by spaces, one cell a line, every row on one line, or — a
document-sharing site's preview, a PDF copied as text — the cells run together with no separator at all:
'指标项目权重得分率得分项目决策指标1090%9项目管理指标2495.83%23…总计10091.80'.

The header names the columns (权重/分值 and 得分, maybe 得分率 between them); each row is a level's label and its
figures. Figures set off by spaces are the row's cells; figures glued into one run are taken apart only as the
table itself says: every part a number without a leading zero, the 得分 no more than its 权重 (at most 100), a
printed 得分率 equal to 得分 ÷ 权重, and where the table closes with its 合计/总计 row, the rows' 权重 and 得分
adding up to that row's. A table that still allows more than one reading is left unread: a guess would make up a
score.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, Project, ScoreLine
from reportparse.parse.evidence import span_evidence
from reportparse.parse.form.gluedcuts import cuts
from reportparse.parse.layout import Layout, ParaInfo
from reportparse.parse.scores import merge_score
from reportparse.parse.scoretables import row_level

_COLUMN_WORDS = r"权重|分值|满分|标准分|得分率|(?:自评|评价|实际)?得分"
#: where a header may begin: its first column's title, then a column word or the paragraph's end (one cell a line)
_HEADER_START = lazy_compile(rf"(?:一级指标|评价指标|指标(?:项目|名称|类别)?)\s*(?:(?:{_COLUMN_WORDS})|$)")
#: the header, its cells run together or set off by spaces: '指标项目权重得分率得分', '一级指标 分值 得分'
_HEADER = lazy_compile(rf"(?:一级指标|评价指标|指标(?:项目|名称|类别)?)\s*"
                       rf"(?P<columns>(?:(?:{_COLUMN_WORDS})\s*){{2,3}})(?=[\u4e00-\u9fff])")
_COLUMN = lazy_compile(_COLUMN_WORDS)
_ROLE = {"权重": "weight", "分值": "weight", "满分": "weight", "标准分": "weight", "得分率": "rate"}
#: one row: a level's label (a dump may have wrapped it: '项目决策 指标'), then its figures, glued or spaced
#: (a cell may print its unit: '10分 90% 9分')
_ROW = lazy_compile(r"\s*(?P<label>[\u4e00-\u9fff](?:[\u4e00-\u9fff]|\s(?=[\u4e00-\u9fff])){1,14}?)\s*"
                    r"(?P<run>\d[\d.]*[%％分]?(?:[ \t\u3000]*\d[\d.]*[%％分]?)*)")
_TOTAL_LEVEL = "总分"
#: how many paragraphs after the header's a table printed one cell a line may take
_MAX_PARAGRAPHS = 40
#: how much text after the header a table may take
_MAX_CHARS = 600
#: the most readings of a table's rows tried together against its total row
_MAX_COMBINATIONS = 512
_CENT = Decimal("0.01")


@dataclass
class _Row:
    level: str
    start: int  # (offsets in the joined text of the paragraphs)
    end: int
    readings: list[tuple[Decimal, Decimal]]  # (权重, 得分) each reading the row allows


def apply_score_runs(layout: Layout, projects: dict[str, Project]) -> None:
    """Add the lines of every score summary printed as text to the paragraph's project (or the only project)."""
    only = next(iter(projects)) if len(projects) == 1 else None
    skip_to = 0
    for at, info in enumerate(layout.paras):
        owner = info.project or only
        if at < skip_to or owner is None or owner not in projects or not _HEADER_START.search(info.para.text):
            continue
        stream = _Stream(layout.paras[at:at + _MAX_PARAGRAPHS])
        for header in _HEADER.finditer(stream.text, 0, len(info.para.text) + _MAX_CHARS):
            if header.start() >= len(info.para.text):
                break  # (a header in a later paragraph is read from there)
            roles = [_ROLE.get(word, "score") for word in _COLUMN.findall(header.group("columns"))]
            if roles.count("weight") != 1 or roles.count("score") != 1 or roles.index("weight") > roles.index("score"):
                continue
            read = _read_rows(stream.text, header.end(), roles)
            if read:
                # (the prose reader may have read the table's own text as sentences, '…合计 100分 92分' a total of
                # 100: the table, read as one, says what its rows are)
                table_text = stream.text[header.start():read[-1][0].end]
                project = projects[owner]
                project.scores = [line for line in project.scores
                                  if not any(e.text and len(e.text.strip()) >= 4 and e.text.strip() in table_text
                                             for e in line.evidence)]
            for row, (weight, score) in read:
                merge_score(projects[owner], ScoreLine(level=row.level, weight=weight, score=score,
                                                       evidence=[stream.evidence(row.start, row.end)]))
            if read:
                skip_to = at + stream.paragraph_at(read[-1][0].end) + 1  # (its rows are read: no header there)


class _Stream:
    """Paragraphs joined by a space (a table printed one cell or one row a line reads as one run of text), and the
    way back from an offset to the paragraph and place it came from."""

    def __init__(self, paras: list[ParaInfo]) -> None:
        self.paras = paras
        self.starts: list[int] = []
        texts: list[str] = []
        at = 0
        for info in paras:
            self.starts.append(at)
            texts.append(info.para.text)
            at += len(info.para.text) + 1
        self.text = " ".join(texts)

    def paragraph_at(self, offset: int) -> int:
        return max(i for i, start in enumerate(self.starts) if start <= offset)

    def evidence(self, start: int, end: int) -> Evidence:
        """The row's quote in the paragraph its label opens (up to that paragraph's end)."""
        at = self.paragraph_at(start)
        para = self.paras[at].para
        begin = start - self.starts[at]
        while begin < len(para.text) and para.text[begin].isspace():
            begin += 1
        return span_evidence(para, begin, min(end - self.starts[at], len(para.text)))


def _read_rows(text: str, start: int, roles: list[str]) -> list[tuple[_Row, tuple[Decimal, Decimal]]]:
    """The rows after the header, each with the one reading the table allows; none when any row is unsure."""
    rows: list[_Row] = []
    total: _Row | None = None
    pos = start
    while (m := _ROW.match(text, pos)) is not None:
        level = row_level(["".join(m.group("label").split())])
        if level is None:
            break
        is_total = level == _TOTAL_LEVEL
        row = _Row(level, m.start("label"), m.end(), _readings(m.group("run"), roles, is_total))
        if not row.readings:
            return []
        pos = m.end()
        if is_total:
            total = row
            break
        rows.append(row)
    if len(rows) < 2:
        return []
    combinations = list(itertools.islice(itertools.product(*(row.readings for row in rows)), _MAX_COMBINATIONS + 1))
    if len(combinations) > _MAX_COMBINATIONS:
        return []
    if total is not None:
        fitting = [(chosen, whole) for chosen in combinations for whole in total.readings
                   if abs(sum(w for w, _ in chosen) - whole[0]) <= _CENT
                   and abs(sum(s for _, s in chosen) - whole[1]) <= _CENT]
        if len(fitting) != 1:
            return []
        chosen, whole = fitting[0]
        return [*zip(rows, chosen, strict=True), (total, whole)]
    if len(combinations) != 1:
        return []
    return list(zip(rows, combinations[0], strict=True))


def _readings(run: str, roles: list[str], is_total: bool) -> list[tuple[Decimal, Decimal]]:
    """Every (权重, 得分) the row's figures allow under the header's columns (a total row may leave its 得分率
    empty)."""
    run = run.replace("％", "%").replace("分", " ").strip()  # (a figure's 分 ends its cell as a space does)
    without_rate = [r for r in roles if r != "rate"]
    cells = run.split()
    if len(cells) > 1:  # figures set off by spaces: each is a cell
        columns = roles if len(cells) == len(roles) else without_rate if len(cells) == len(without_rate) else []
        pieces = [dict(zip(columns, cells, strict=True))] if columns else []
    elif "%" not in run:
        pieces = [dict(zip(without_rate, parts, strict=True)) for parts in cuts(run, len(without_rate))]
    elif "rate" in roles:
        rate_at = roles.index("rate")
        before, after = run.split("%", 1)
        tails = cuts(after, len(roles) - rate_at - 1) if after else [[]]
        pieces = [dict(zip(roles, [*head, *tail], strict=True)) for head in cuts(before, rate_at + 1) for tail in tails]
    else:
        return []
    out = []
    for piece in pieces:
        try:
            weight, score = Decimal(piece["weight"]), Decimal(piece["score"].rstrip("%"))
            rate = Decimal(piece["rate"].rstrip("%")) if "rate" in piece else None
        except (ArithmeticError, ValueError, KeyError):
            continue
        if not 0 < weight <= (1000 if is_total else 100) or score > weight:
            continue
        if rate is not None and (rate > 100 or abs(weight * rate / 100 - score) > weight / 200 + _CENT):
            continue  # (a printed 得分率 is 得分 ÷ 权重, to its printed precision)
        out.append((weight, score))
    return out
