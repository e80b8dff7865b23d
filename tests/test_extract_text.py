"""The plain-text reader: decoding, layout repair (doubling, pages, joins), goal and delimited tables."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from reportparse.errors import BadEncoding, EmptyFile
from reportparse.extract import extract_document
from reportparse.extract.text import read_text
from reportparse.model import Document, Paragraph, Source, SourceFormat, Table

DATA = Path(__file__).parent / "data" / "text"
SEED = "seeds/000_cdb31e0220679900.txt"


def _read_bytes(data: bytes, name: str = "report.txt") -> Document:
    source = Source(path=name, format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return read_text(Path(name), data, source)


def _paragraphs(doc: Document) -> list[Paragraph]:
    return [e for e in doc.elements if isinstance(e, Paragraph)]


def _tables(doc: Document) -> list[Table]:
    return [e for e in doc.elements if isinstance(e, Table)]


def _body(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows[1:]]


# --------------------------------------------------------------------------------------------
# the seed (a PDF-to-text dump with every kind of layout damage)
# --------------------------------------------------------------------------------------------


@pytest.fixture
def seed(shared_dir: Path) -> Document:
    return extract_document(shared_dir / SEED)


@pytest.fixture
def gold(shared_dir: Path) -> dict:
    return json.loads((shared_dir / "acceptance" / "seed.gold.json").read_text(encoding="utf-8"))


def test_seed_source_and_pages(seed: Document) -> None:
    assert seed.source.encoding == "utf-8"
    assert seed.source.pages == 7
    # page 2 starts after the first run of three blank lines (lines 40-42 of the file)
    lines = [ln for p in _paragraphs(seed) for ln in p.lines]
    assert {ln.line: ln.page for ln in lines}[43] == 2
    assert all(ln.page == 1 for ln in lines if ln.line is not None and ln.line <= 40)


def test_seed_goal_tables_have_one_row_per_indicator(seed: Document) -> None:
    tables = _tables(seed)
    assert len(tables) == 2
    assert [len(t.rows) for t in tables] == [19, 9]  # header + 18 and header + 8 indicators
    assert [c.text for c in tables[0].rows[0]] == ["一级目标", "二级目标", "三级目标", "目标值", "备注"]
    assert all(len(row) == 5 for t in tables for row in t.rows)


def test_seed_goal_rows_match_gold(seed: Document, gold: dict) -> None:
    rows = [row for t in _tables(seed) for row in _body(t)]
    names = [row[2] for row in rows]
    assert names == [g["name"] for g in gold["goal_indicators"]]
    by_name = {row[2]: row for row in rows}
    for g in gold["goal_indicators"]:
        if "text" in g:
            assert by_name[g["name"]][3].replace(" ", "") == g["text"].replace(" ", "")


@pytest.mark.parametrize(
    ("name", "target", "remark"),
    [
        ("市远程办平台维护完成率", "100%", ""),
        ("市远程办平台正常运行", "每年无故障运行时间大于 340 天", ""),
        (
            "农村党员干部现代远程教育平台维护完成率",
            "100%",
            "终端覆盖全市 139 个村（含红光新村）、12 个乡镇和部分其他站点",
        ),
        ("党员干部满意度", "≥95%", ""),
        ("电教片成本", "2万元/部", ""),
        ("片长", "单集片长不少于15分钟", ""),
        ("按时完成拍摄", "在合同或其他规定时间内完成拍摄", ""),
        ("运维及时性", "及时", ""),
        ("市远程办平台维护费", "19.96 万元", ""),
        ("网络使用持续性", "长期", ""),
    ],
)
def test_seed_goal_row_cells(seed: Document, name: str, target: str, remark: str) -> None:
    rows = {row[2]: row for t in _tables(seed) for row in _body(t)}
    assert rows[name][3] == target
    assert rows[name][4] == remark


def test_seed_remark_of_cloud_service_row(seed: Document) -> None:
    rows = {row[2]: row for t in _tables(seed) for row in _body(t)}
    remark = rows["金昌市干部教育培训网云服务完成率"][4]
    assert remark.startswith("服务器带宽 不小于 150M")
    assert remark.endswith("16G 内存")


def test_seed_levels_are_carried_down(seed: Document) -> None:
    first = _tables(seed)[0]
    levels = [(row[0].text, row[1].text) for row in first.rows[1:]]
    assert levels[0] == ("产出目标", "数量目标")
    assert levels[4] == ("产出目标", "质量目标")
    assert levels[-1] == ("满意度", "")
    assert first.rows[2][0].merged and first.rows[2][1].merged
    name_cell = first.rows[2][2]
    assert (name_cell.page, name_cell.line) == (2, 67)


def test_seed_paragraphs_repaired(seed: Document) -> None:
    texts = [p.text for p in _paragraphs(seed)]
    first = next(t for t in texts if t.startswith("党员电教片拍摄费项目由市级财政全额拨款"))
    assert first.endswith("电教片。")
    assert "预算执行情况分值 10 分，得分 10 分。项目年初总预算资金为 10 万元，全年执行数为 10 万元。" in texts
    # a sentence cut by a page break is one paragraph
    assert any("农村党员干部现代远程教育平台、大组工网网络的升级改造" in t for t in texts)


def test_seed_headings(seed: Document) -> None:
    headings = [p.text for p in _paragraphs(seed) if p.style == "heading"]
    assert "一、项目概况" in headings
    assert "1、预算执行情况（10 分）" in headings
    assert headings.count("绩效目标") == 2  # the vertical one-character headers


def test_seed_spans_trace_back_to_lines(seed: Document) -> None:
    for para in _paragraphs(seed):
        assert len(para.spans) == len(para.lines)
        for (start, end), line in zip(para.spans, para.lines, strict=True):
            assert para.text[start:end] == line.text


# --------------------------------------------------------------------------------------------
# bad input
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        bytes(range(1, 32)) * 20,
        b"\x80\x81\xff" * 50,
    ],
)
def test_binary_junk_is_bad_encoding(data: bytes) -> None:
    with pytest.raises(BadEncoding) as err:
        _read_bytes(data, "junk.txt")
    assert "junk.txt" in err.value.message and "\n" not in err.value.message


@pytest.mark.parametrize("data", [b"   \n\n\t \r\n", "\u3000\u3000\n\n".encode(), b"\f\n\f"])
def test_whitespace_only_is_empty(data: bytes) -> None:
    with pytest.raises(EmptyFile, match="no text"):
        _read_bytes(data)
