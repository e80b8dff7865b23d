"""The layout-invariance harness (corpora/real/shapes.py) over the dev forms and dump shapes: the
same hand-transcribed table, printed as tab rows, '|' cells, one cell a line (with and without blank
lines), wrapped labels, spaced-out labels, traditional characters and full-width figures, cells
separated by runs of spaces (collapsed or padded to the columns, long cells wrapped), a header broken
at its labels' line breaks, a page break with the header repeated, a PDF's middle-row merges and
cells run together, must read as its own gold says. Floors are what the readers reach now (4 forms:
projects 4/4, indicators 32/34 from every row and cell dump, scores 23/25; with a 部门整体 form, the
one-line dump and 元 amounts; and every shape over all 26 dev forms, FLOORS); a reader change that
loses a shape shows here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests._harnesses import REAL, assert_at_floors, dev_forms, load_harness

DOCUMENTS = ["rj02_hubei_huangshi_gongxiang", "rd01_anhui_chizhou_weituo", "rh01_hubei_ezhou_shiminzhongxin",
             "rd02_anhui_chizhou_cunji"]
ROW_SHAPES = ["tab", "pipe", "spaced_labels", "traditional", "fullwidth"]
CELL_SHAPES = ["cells", "cells_blank", "broken_labels"]


def test_every_shape_reads_the_forms_as_their_golds_say(tmp_path: Path) -> None:
    shapes = load_harness("shapes")
    paths = [REAL / "dev" / f"{stem}.blocks.json" for stem in DOCUMENTS]
    assert all(p.exists() for p in paths)
    results = shapes.run(paths, ROW_SHAPES + CELL_SHAPES, tmp_path)
    assert set(results) == {"original", *ROW_SHAPES, *CELL_SHAPES}
    for shape, row in results.items():
        assert len(row["documents"]) == len(DOCUMENTS), shape  # every variant was written and scored
        assert row["projects"] == [4, 4], (shape, row["documents"])
        assert row["indicators"][0] >= 32 and row["indicators"][1] == 34, (shape, row["indicators"])
        assert row["scores"][0] >= 23, (shape, row["scores"])
        assert row["false_serious"] == 0 and row["phantoms"] == 0 and row["failed"] == 0, (shape, row)


def test_a_form_flattened_onto_one_line_and_amounts_in_yuan(tmp_path: Path) -> None:
    """The one-line dump and the 元 amounts, with a 部门整体 form (no 项目名称: its unit label opens it)
    among the documents: projects 5/5, indicators at least 36/40 (the original text reads 38)."""
    shapes = load_harness("shapes")
    stems = [*DOCUMENTS, "rj05_anhui_jinzhai_meilixiangcun"]
    results = shapes.run([REAL / "dev" / f"{stem}.blocks.json" for stem in stems], ["oneline", "yuan"], tmp_path)
    for shape in ("oneline", "yuan"):
        row = results[shape]
        assert len(row["documents"]) == len(stems), shape
        assert row["projects"] == [5, 5], (shape, row["documents"])
        assert row["indicators"][0] >= 36 and row["scores"][0] >= 23, (shape, row["indicators"], row["scores"])
        assert row["false_serious"] == 0 and row["phantoms"] == 0 and row["failed"] == 0, (shape, row)


#: Every shape over the dev forms with a transcribed table (33 forms since rs04: 149 indicators, 109
#: claimed scores, 46 projects): the fewest projects, indicators and scores read right, the most error/warning findings
#: and projects the gold does not hold. (main's readers before this branch, indicators: tab 113,
#: spaces 79, aligned 81, header_wrapped 14, aligned_wrapped 77, runtogether 10, cells 79; runtogether
#: before its glued figures were cut by the form's evidence and kept uncertain where that did not
#: settle them: 12 / 45 / 38 with 22 false errors/warnings; the one left is a 部门整体 fund block
#: printed in two columns, by income and by spending, no glued figure. Before the shapes3 branch,
#: projects runtogether 14, aligned_wrapped 31, yuan 34, pdf_middle 40, cells 41; false errors/warnings
#: oneline 13, pdf_middle 8, spaced_labels and traditional 7; made-up runtogether 7, aligned_wrapped 4.
#: The yuan shape then relabelled '4753.66万元' as '4753.66元' — another sum of money; it now multiplies
#: every amount out. Before the levels branch, pdf_middle scores 59 and 6 false errors/warnings: its labels
#: printed mid-group left the rows above them under the group before.)
#: Reset in the seventh session, when the spent test half's forms joined dev: over all dev forms with a
#: transcribed table (62 projects, 205 indicators, 145 claimed scores; the XLSX shapes 31, 197, 135), what the
#: readers of that day read; raised at that session's end to what its merged branches read.
#: Raised by the spent-c branch (ra16's results table with wordier column titles read, its wrapped names kept in
#: their rows, no title or table of contents read as a project): projects 46→54 original, 53→61 in most shapes.
#: Reset in the ninth session, when the spent half rt/ru/rv's forms and rx04 joined dev (80 projects, 235 indicators,
#: 170 claimed scores; the XLSX shapes 39, 218, 157), at what that session's merged branches read.
#: Reset in the tenth session when the spent forms rx joined dev (86 projects, 295 indicators, 174 claimed scores;
#: the XLSX shapes 50, 278, 161), at what main read then (after the merge of twin); raised at the session's end to
#: what its merged branches read (e.g. original 73 → 78 projects, 197 → 228 indicators, made-up 2 → 0).
#: Reset in the eleventh session when the spent rw/rz forms joined dev (93 projects, 313 indicators, 198
#: claimed scores; the XLSX shapes 55, 296, 181), at what main read then (0125405).
#: Raised at that session's end to what its merged branches read (e.g. original 83 → 84 projects, 231 → 246
#: indicators, 144 → 167 scores, made-up 6 → 1; pdf_borderless made-up 26 → 4); a few shapes gave one back
#: (pdf_middle 77 → 76 projects, cells and broken_labels one more made-up project).
#: Reset in the twelfth session when the spent rl/rm/rr forms joined dev (103 projects, 332 indicators, 204
#: claimed scores; the XLSX shapes 60, 315, 187): on that session's start code (aa9a435) original 90/255/172 with
#: 4 made-up, tab 95/290/188, cut_top refusing 20 and cells_cut_top 18 of their excerpts (the refusal ceilings
#: below); set at what its merged branches read (original 96/274/175, 1 made-up, no false error or warning; tab
#: 100/292/192; oneline 76 → 85 projects; runtogether 38 → 46; pdf_borderless made-up 8 → 2; two gold keys of
#: rj01/rj02/rj06 renamed to 产出/效益 took 2 claimed scores out of the total).
#: Sixteenth session's end (the one-cell-a-line, aligned and wrapped readers, and the merged branches): every text
#: shape at what it read then; cells 87/250/161 → 95/269/170, aligned 97/275 → 97/297, aligned_wrapped 235 → 258
#: indicators with 13 → 11 false findings, cells_pipe_empty (new) 97/304/182.
FLOORS: dict[str, tuple[int, int, int, int, int]] = {
    "original": (108, 315, 179, 0, 1),
    "tab": (112, 324, 200, 7, 0),
    "spaces": (107, 319, 195, 7, 4),
    "aligned": (104, 320, 187, 10, 6),
    "pipe": (112, 335, 199, 7, 0),
    "oneline": (92, 235, 175, 5, 5),  # (rs04, a flattened cut row: a 产出 weight sum and a target misread)
    "cells": (102, 289, 174, 4, 1),
    "cells_blank": (103, 293, 174, 4, 1),
    # (one cell a line, each closed by '|'; the second keeps an empty cell as a lone '|': before the one-cell-a-line
    # readers (readers/text/cellruns.py) stopped cutting short rows at the header's width and read a header with no
    # closing line over full rows, 97/255/158 and 96/246/171 with 13 false findings)
    "cells_pipe": (104, 299, 171, 5, 2),
    "cells_pipe_empty": (104, 329, 190, 8, 2),
    "broken_labels": (101, 262, 166, 4, 10),
    "runtogether": (56, 186, 127, 6, 14),  # (rs04 run together: the same misreads of its cut row)
    # (fifteenth session: the OCR header-label repairs read rd05's middle-row copy, 0 → 7 of 9 indicators, but lose 4
    # of its scores to a weight-sum-mismatch over a half-read 总分, and rc01's copy keeps an unnamed project:
    # indicators 238 → 245, scores 130 → 126, made-up 4 → 5)
    "pdf_middle": (97, 251, 127, 6, 7),  # (rs04)
    "spaced_labels": (112, 324, 200, 7, 0),
    "traditional": (112, 323, 197, 9, 0),
    "fullwidth": (112, 324, 200, 7, 0),
    "yuan": (102, 323, 200, 7, 0),
    "header_wrapped": (112, 304, 183, 2, 0),
    "two_pages": (112, 311, 195, 7, 1),
    "aligned_wrapped": (99, 270, 158, 12, 14),
    # Added by the shapes-cut branch, at what it reads: a traditional mirror flattened onto one line, and the
    # excerpts (cuts.py), each over the documents its cut keeps something of, against the gold of what it keeps
    # (on main's readers before that branch: cut_top 9/70 projects, 9/232 indicators, 2/88 scores, 47 of 61
    # refused; cells_cut_top 10, 4, 2, 46 refused; traditional_oneline 70, 167, 139).
    "traditional_oneline": (92, 235, 175, 5, 5),
    "cut_top": (46, 214, 71, 1, 6),
    "cut_bottom": (84, 166, 85, 6, 0),
    "cut_header": (53, 3, 23, 0, 2),
    "cells_cut_top": (46, 171, 67, 1, 7),
    "runtogether_cut_bottom": (50, 98, 54, 6, 10),
}


#: The excerpts whose few kept rows the readers refuse to read as a report, at most (not-a-report): a cut into
#: a table that is no standard indicator table (a spending list, a 部门整体 scoring sheet, a list of projects),
#: or one that keeps a row or two.
#: Since the seventeenth session also one whole form in the shapes that lose its rows' order: sa01 (a Shanxi
#: 项目支出绩效自评表 spent from the held-out half at that session's start) is refused as not a report when flattened
#: onto one line, run together or printed with its labels broken (its own '|' dump and the cell shapes are read).
REFUSED: dict[str, int] = {"cut_top": 23, "cells_cut_top": 20, "cut_bottom": 1, "runtogether_cut_bottom": 3,
                           "cut_header": 1, "oneline": 1, "traditional_oneline": 1, "runtogether": 1,
                           "broken_labels": 1}


def test_every_shape_of_every_dev_form_reads_at_least_as_well_as_now(tmp_path: Path) -> None:
    shapes = load_harness("shapes")
    assert set(FLOORS) == {"original", *shapes.SHAPES}  # a new shape comes with its floor
    paths = dev_forms()
    assert_at_floors(shapes.run(paths, list(shapes.SHAPES), tmp_path), FLOORS,
                     lambda shape: shapes.documents_of(paths, shape), REFUSED)


def test_a_cut_is_scored_against_what_it_keeps() -> None:
    """An excerpt keeps part of the form; its gold keeps the indicators whose rows are wholly kept, the project
    under its name only when the name is kept (else the unnamed project), no amount or level score cut off."""
    shapes = load_harness("shapes")
    stem = DOCUMENTS[0]  # rj02: 共享工程, 5 万元, 产出指标(40分) and 效益指标(30分) merged over their rows
    blocks = shapes.load_blocks(REAL / "dev" / f"{stem}.blocks.json")
    gold = json.loads((REAL / "dev" / f"{stem}.gold.json").read_text(encoding="utf-8"))

    def cut(shape: str) -> tuple[list[str], dict[str, Any]]:
        return shapes.SHAPES[shape](blocks, {"names": set()}).splitlines(), shapes.cut_gold(shape, blocks, gold)

    lines, top = cut("cut_top")
    assert not any("共享工程" in line or "项目名称" in line or "一级指标" in line for line in lines)
    assert [(p["name"], p["budget"], sorted(p["claimed_scores"])) for p in top["projects"]] == [
        ("未命名项目", None, ["效益"])]  # (产出指标's rows begin above the cut: its score is cut off)
    names = [g["name"] for g in top["goal_indicators"]]
    assert "可保证读者使用时长" in names and "一个存储备份器" not in names and not top["required_findings"]
    assert {g["project"] for g in top["goal_indicators"]} == {"未命名项目"}

    lines, bottom = cut("cut_bottom")
    assert lines[-1].startswith("效益指标(30分)") and "社会公益服务无经济效益" not in lines[-1]  # cut mid-row
    assert [(p["name"], p["budget"], sorted(p["claimed_scores"])) for p in bottom["projects"]] == [
        ("共享工程", 50000, ["产出", "预算执行"])]
    names = [g["name"] for g in bottom["goal_indicators"]]
    assert "以低价位高质量为采购原则" in names
    assert "社会公益服务无经济效益" not in names and "≥360天服务读者" not in names  # the cut row, the rows below

    lines, header = cut("cut_header")
    assert "三级指标" in lines[-1] and not header["goal_indicators"]
    assert sorted(header["projects"][0]["claimed_scores"]) == ["预算执行"]
    flat = shapes.SHAPES["traditional_oneline"](blocks, {"names": set()})
    assert "項目名稱" in flat and len(flat.splitlines()) == len(blocks)  # each table on one line, traditional


def test_the_shapes_hold_the_same_cells() -> None:
    """A shape changes how the cells are printed, never which: the one-cell-a-line dump holds every
    printed cell of the table, and the traditional shape really is traditional."""
    shapes = load_harness("shapes")
    blocks = shapes.load_blocks(REAL / "dev" / f"{DOCUMENTS[0]}.blocks.json")
    printed = [c for b in blocks if not isinstance(b, str) for row in b.printed() for c in row if c]
    lines = shapes.shape_cells(blocks, {"names": set()}).splitlines()
    assert all(cell in lines for cell in printed)
    assert "項目名稱" in shapes.shape_traditional(blocks, {"names": set()})
    assert "一级\n指标" in shapes.shape_broken_labels(blocks, {"names": set()})
    assert "项 目 名 称" in shapes.shape_spaced_labels(blocks, {"names": set()})
    assert "实际完成\n值(B)" in shapes.shape_header_wrapped(blocks, {"names": set()})
    paged = shapes.shape_two_pages(blocks, {"names": set()})
    assert "\f" in paged and paged.count("三级指标") == 2  # the header again on the next page
    money = [shapes.Grid([["项目资金(万元)", "全年预算数", "实际支出(万元)"],
                          ["年度资金总额", "4753.66万元", "3824.26"]], []), "年度预算安排:2279.048 万元。"]
    in_yuan = shapes.shape_yuan(money, {"names": set()})  # the same money in 元, never a new figure
    assert "47536600元" in in_yuan and "38242600" in in_yuan and "22790480元" in in_yuan and "万元" not in in_yuan
    wrapped = shapes.shape_aligned_wrapped(blocks, {"names": set()}).splitlines()
    assert max(map(shapes.display_width, wrapped)) < max(map(shapes.display_width, shapes.shape_aligned(
        blocks, {"names": set()}).splitlines()))  # long cells wrapped in their columns
