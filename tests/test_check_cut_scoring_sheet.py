"""A scoring sheet (决策/管理/绩效) whose excerpt stops inside a level's last row, after that row's
text criteria: the level's missing points are past the cut, so its weights are not judged short.
Made-up sheets, dumped one cell per line and read as a table."""

from __future__ import annotations

import pytest

from reportparse.model import Cell, Document, Evidence, Line, Paragraph, Source, Table

from ._builders import indicator, line, project, report, run

#: (level, name, weight, criterion text after the row's score)
ROWS = [
    ("过程管理/资金管理", "资金拨付", 6, "按规定程序拨付资金，无滞留"),
    ("过程管理/资金管理", "会计核算", 4, "账务处理及时，凭证附件齐全"),
    ("过程管理/组织实施", "制度执行", 5, "采购、验收、档案管理按制度执行"),
]


def _report(rows: list[tuple[str, str, int, str]], evidence: list[Evidence]):  # type: ignore[no-untyped-def]
    inds = [indicator(name, level, weight=w, score=w).model_copy(update={"evidence": [e]})
            for (level, name, w, _), e in zip(rows, evidence, strict=True)]
    lines = [line("过程管理", 30, 15), line("过程管理/资金管理", 10, 10), line("过程管理/组织实施", 5, 5)]
    return report(project("农村公路养护补助", indicators=inds, scores=lines), layout="form")


def _dump(tail: str) -> tuple[Document, list[Evidence]]:
    """One cell per line, each ending in '|', the last row cut after its criterion."""
    texts: list[str] = []
    evidence: list[Evidence] = []
    for _, name, weight, criterion in ROWS:
        texts.append(f"{name} ({weight}分) |")
        texts.append(f"{weight} |")
        evidence.append(Evidence(page=1, text=str(weight), line=len(texts)))
        texts.append(f"{criterion} |")
    texts.append(tail)
    lines = [Line(text=t, page=1, line=n + 1) for n, t in enumerate(texts)]
    source = Source(path="sheet.txt", format="text", sha256="0" * 64, pages=1)  # type: ignore[arg-type]
    paragraph = Paragraph(text="\n".join(texts), page=1, lines=lines, spans=[(0, len(texts[0]))])
    return Document(source=source, elements=[paragraph]), evidence  # type: ignore[list-item]


def _table(tail: str) -> tuple[Document, list[Evidence]]:
    """The same sheet as a table; the last row holds what the page kept of one more row."""
    rows = [[Cell(text=t, row=r, col=c, page=1) for c, t in enumerate([name, str(w), crit])]
            for r, (_, name, w, crit) in enumerate(ROWS)]
    rows.append([Cell(text=t.strip(), row=len(ROWS), col=c, page=1) for c, t in enumerate(tail.split("|"))])
    evidence = [Evidence(page=1, text=str(w), table=0, row=r) for r, (_, _, w, _) in enumerate(ROWS)]
    source = Source(path="sheet.docx", format="docx", sha256="0" * 64, pages=1)  # type: ignore[arg-type]
    return Document(source=source, elements=[Table(index=0, rows=rows, page=1)]), evidence


@pytest.mark.parametrize("layout", [_dump, _table])
def test_a_level_cut_after_its_last_rows_criteria_is_not_short(layout) -> None:  # type: ignore[no-untyped-def]
    # one more row's label and criteria, its weight and score cells cut away
    document, evidence = layout("档案管理 | 档案资料齐全，归档及时，查阅方便")
    assert run(_report(ROWS, evidence), "weight-sum-mismatch", document=document) == []


@pytest.mark.parametrize("layout", [_dump, _table])
def test_a_figure_after_the_last_row_means_the_sheet_goes_on(layout) -> None:  # type: ignore[no-untyped-def]
    """A tail that prints a weight ('档案管理(5分)') is more of the sheet: the level is judged short."""
    document, evidence = layout("档案管理(5分) | 5 | 档案齐全，归档及时")
    (finding,) = run(_report(ROWS, evidence), "weight-sum-mismatch", document=document)
    assert finding.actual == 30
