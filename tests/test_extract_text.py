"""The plain-text reader: decoding, layout repair (doubling, pages, joins), goal and delimited tables."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest

from reportparse.errors import BadEncoding, EmptyFile
from reportparse.model import Document, Paragraph, Source, SourceFormat, Table
from reportparse.readers import extract_document
from reportparse.readers.text import read_text
from tests.conftest import ACCEPTANCE, SEEDS

DATA = Path(__file__).parent / "data" / "text"
SEED = SEEDS / "000_cdb31e0220679900.txt"


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
def seed() -> Document:
    return extract_document(SEED)


@pytest.fixture
def gold() -> dict:
    return json.loads((ACCEPTANCE / "seed.gold.json").read_text(encoding="utf-8"))


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


# --------------------------------------------------------------------------------------------
# the project's own fixtures (tests/data/text)
# --------------------------------------------------------------------------------------------


def _fixture(name: str) -> Document:
    return extract_document(DATA / name)


def _texts(doc: Document) -> list[str]:
    return [p.text for p in _paragraphs(doc)]


@pytest.mark.parametrize(
    ("name", "encoding", "pages"),
    [
        ("plain_utf8.txt", "utf-8", 1),
        ("gb18030.txt", "gb18030", 2),
        ("bom_crlf.txt", "utf-8-sig", 1),
        ("formfeed.txt", "utf-8", 3),
        ("goal_table.txt", "utf-8", 1),
        ("goal_table_scored.txt", "utf-8", 1),
        ("pipe_form.txt", "utf-8", 1),
    ],
)
def test_fixture_encoding_and_pages(name: str, encoding: str, pages: int) -> None:
    doc = _fixture(name)
    assert doc.source.encoding == encoding
    assert doc.source.pages == pages
    assert doc.source.format is SourceFormat.TEXT


def test_plain_utf8_joins_wrapped_lines_without_doubling() -> None:
    doc = _fixture("plain_utf8.txt")
    texts = _texts(doc)
    assert "text: blank-line doubling detected" not in " ".join(doc.notes)
    assert texts[0] == "某县2022年度农村饮水安全工程维护项目绩效自评报告"
    assert (
        "农村饮水安全工程维护项目由县级财政安排，主要用于全县 46 处集中供水站的管网检修、"
        "水质检测和设备更换，保障 3.2 万农村人口饮水安全。"
    ) in texts
    assert "数量指标：全年检修管网 132 公里，完成水质检测460 批次。" in texts
    assert "预算执行情况分值 10 分，得分 9.5 分。" in texts
    headings = [p.text for p in _paragraphs(doc) if p.style == "heading"]
    assert headings[:3] == ["一、项目概况", "（一）项目基本情况", "（二）项目资金情况"]


def test_gb18030_doubled_paragraph_crosses_page_break() -> None:
    doc = _fixture("gb18030.txt")
    para = next(p for p in _paragraphs(doc) if p.text.startswith("生活垃圾分类处理补助项目"))
    assert para.text.endswith("全年预算 42.6万元。")
    assert {ln.page for ln in para.lines} == {1, 2}
    assert next(p for p in _paragraphs(doc) if p.text == "二、项目绩效情况").page == 2


def test_bom_crlf_keeps_one_paragraph_per_line() -> None:
    doc = _fixture("bom_crlf.txt")
    texts = _texts(doc)
    assert texts[0] == "某市2021年度城市公园绿地养护项目绩效自评报告"  # no BOM, no CR
    assert len(texts) == 6
    assert [ln.line for p in _paragraphs(doc) for ln in p.lines] == [1, 2, 3, 4, 5, 6]


def test_formfeed_pages() -> None:
    doc = _fixture("formfeed.txt")
    para = next(p for p in _paragraphs(doc) if p.text.startswith("校园安保服务购买项目"))
    assert para.text.endswith("全年执行 150.4 万元。")
    assert [ln.page for ln in para.lines] == [1, 1, 2]
    pages = {p.text: p.page for p in _paragraphs(doc)}
    assert pages["二、绩效目标完成情况"] == 2
    assert pages["三、存在的问题"] == 3


GOAL_ROWS = [
    ["产出指标", "数量指标", "运营补助覆盖中心数", "12 个", ""],
    ["产出指标", "数量指标", "助餐服务累计人次", "≥15000 人次", "含上门送餐、集中就餐及老年食堂临时就餐"],
    ["产出指标", "质量指标", "养老服务设施安全检查合格率", "100%", ""],
    ["产出指标", "质量指标", "助餐食品抽检合格率", "≥98%", "按季度委托第三方检测机构抽检，每次不少于 20 份样品"],
    ["产出指标", "时效指标", "补助资金拨付及时率", "100%", ""],
    ["产出指标", "成本指标", "单个中心年均补助", "≤3.1 万元", ""],
    ["效益指标", "社会效益指标", "老年人就餐便利程度", "明显提升", ""],
    ["效益指标", "经济效益指标", "带动社区就业岗位", "≥30 个", ""],
    ["效益指标", "生态效益指标", "餐厨垃圾分类处置率", "≥95%", ""],
    ["效益指标", "可持续影响指标", "养老服务网络可持续运营", "长期", ""],
    ["满意度指标", "服务对象满意度指标", "就餐老人满意度", "≥92%", ""],
]


def test_goal_table_with_indicator_headers() -> None:
    doc = _fixture("goal_table.txt")
    (table,) = _tables(doc)
    assert [c.text for c in table.rows[0]] == ["一级指标", "二级指标", "三级指标", "指标值", "备注"]
    assert _body(table) == GOAL_ROWS
    # prose around the table is untouched and in reading order
    kinds = [e.kind for e in doc.elements]
    assert kinds.index("table") == 4 and kinds.count("table") == 1
    assert _texts(doc)[-1] == "全年执行 35.8 万元，执行率 98.08%，结余 0.7 万元已交回区财政。"


def test_goal_table_cells_carry_lines() -> None:
    (table,) = _tables(_fixture("goal_table.txt"))
    name = table.rows[3][2]
    assert (name.text, name.line, name.page) == ("养老服务设施安全检查合格率", 14, 1)
    assert table.rows[3][3].line == 16


def test_goal_table_with_score_columns() -> None:
    doc = _fixture("goal_table_scored.txt")
    (table,) = _tables(doc)
    assert len(table.rows[0]) == 8
    body = _body(table)
    assert body[0] == ["产出指标", "数量指标", "培训农民人次", "≥2000人次", "2350人次", "10", "10", ""]
    assert body[1][2:] == ["示范基地建设数量", "6个", "5个", "10", "8", "一处基地因用地手续延迟，已列入下年计划"]
    assert body[1][:2] == ["产出指标", "数量指标"]
    assert body[-2] == ["满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "95%", "10", "10", ""]
    assert body[-1] == ["", "", "总分", "", "", "100", "98", ""]
    assert len(body) == 7
    assert _texts(doc)[-3] == "注：实际完成值来自县农业农村局年度统计。"


def test_pipe_form_becomes_one_table() -> None:
    doc = _fixture("pipe_form.txt")
    (table,) = _tables(doc)
    grid = [[c.text for c in row] for row in table.rows]
    assert grid[0][:2] == ["项目名称", "城区道路照明设施维护"]
    assert all(len(row) == 7 for row in grid)
    assert grid[3] == ["年度资金总额", "120", "118.5", "110.2", "10", "93%", "9.3"]
    # the empty 一级/二级 cells under a merged label are filled down
    assert grid[6][:3] == ["产出指标", "数量指标", "更换灯具数量"]
    assert table.rows[6][0].merged and table.rows[6][1].merged
    assert grid[9][:3] == ["满意度指标", "", "市民满意度"]
    assert _texts(doc)[-1] == "说明：实际完成值以年度统计报表为准。"


def test_utf16_with_bom() -> None:
    doc = _read_bytes("一、项目概况\n项目预算 12 万元。\n".encode("utf-16"))
    assert doc.source.encoding == "utf-16"
    assert _texts(doc) == ["一、项目概况", "项目预算 12 万元。"]


def test_tab_delimited_rows() -> None:
    doc = _read_bytes("指标\t目标值\t实际值\n满意度\t≥90%\t93%\n".encode())
    (table,) = _tables(doc)
    assert [[c.text for c in row] for row in table.rows] == [["指标", "目标值", "实际值"], ["满意度", "≥90%", "93%"]]
    assert table.rows[1][2].line == 2


def test_goal_table_cut_into_narrow_columns() -> None:
    """Header words, level labels, names and numbers cut at narrow column edges are put back."""
    (table,) = _tables(_fixture("goal_table_narrow.txt"))
    assert [c.text for c in table.rows[0]] == ["一级指标", "二级指标", "三级指标", "指标值", "备注"]
    assert [c.line for c in table.rows[0]] == [3, 5, 7, 7, 7]
    body = _body(table)
    assert [row[2] for row in body] == [
        "整治完成小区数量",
        "雨污管网改造长度",
        "工程竣工验收合格率",
        "施工安全事故发生次数",
        "整治工程按期完工率",
        "单个小区整治平均成本",
        "小区居住环境改善程度",
        "居民满意度",
    ]
    assert [row[3] for row in body] == ["8 个", "≥3.5 公里", "100%", "0 次", "≥95%", "≤65 万元", "明显改善", "≥90%"]
    assert body[0][4].startswith("涉及楼栋 46") and body[0][4].endswith("余户")
    assert [row[:2] for row in body][5:] == [["产出指标", "成本指标"], ["效益指标", "社会效益指标"], ["满意度指标", ""]]


def test_goal_table_continues_over_a_page_with_its_header_repeated() -> None:
    text = (
        "一级指标 二级指标 三级指标 指标值\n"
        "产出指标 数量指标 新建公厕数量 ≥12 座\n"
        "改造公厕数量 ≥30 座\n"
        "\f一级指标 二级指标 三级指标 指标值\n"
        "公厕保洁覆盖率 100%\n"
        "满意度指标 游客满意度 ≥85%\n"
    )
    doc = _read_bytes(text.encode())
    (table,) = _tables(doc)
    assert table.pages == [1, 2]
    assert _body(table) == [
        ["产出指标", "数量指标", "新建公厕数量", "≥12 座"],
        ["产出指标", "数量指标", "改造公厕数量", "≥30 座"],
        ["产出指标", "数量指标", "公厕保洁覆盖率", "100%"],
        ["满意度指标", "", "游客满意度", "≥85%"],
    ]
    assert table.rows[3][2].page == 2


def test_page_numbers_are_left_out() -> None:
    text = (
        "一、项目概况\n"
        "本项目全年预算 30 万元，用于全县 18 个村级文化广场的照明和音响设备维修，\n"
        "- 1 -\n"
        "\f全年执行 29.4 万元。\n"
        "第 2 页 共 3 页\n"
        "\f二、绩效情况\n"
        "设备完好率 98%。\n"
        "3\n"
    )
    doc = _read_bytes(text.encode())
    assert _texts(doc) == [
        "一、项目概况",
        "本项目全年预算 30 万元，用于全县 18 个村级文化广场的照明和音响设备维修，全年执行 29.4 万元。",
        "二、绩效情况",
        "设备完好率 98%。",
    ]
    assert "page-number" in " ".join(doc.notes)


# --------------------------------------------------------------------------------------------
# synthetic flattened goal tables: random column widths, two dump styles
# --------------------------------------------------------------------------------------------

SYNTHETIC_ROWS = [
    ("产出指标", "数量指标", "新建村级便民服务站数量", "≥8 个", ""),
    ("产出指标", "数量指标", "培训基层网格员人次", "≥1200 人次", "含线上培训和集中轮训，线上培训不少于 4 期"),
    ("产出指标", "质量指标", "服务站建设验收合格率", "100%", ""),
    ("产出指标", "质量指标", "网格事件按时办结率", "≥95%", "以区级平台统计数据为准"),
    ("产出指标", "时效指标", "项目完成时间", "2023 年 11 月底前", ""),
    ("产出指标", "成本指标", "单个服务站建设成本", "≤12.5 万元", "含装修、办公设备及标识标牌"),
    ("效益指标", "社会效益指标", "基层矛盾纠纷就地化解率", "≥85%", ""),
    ("效益指标", "社会效益指标", "群众办事便利程度", "明显提升", ""),
    ("效益指标", "可持续影响指标", "便民服务站长效运行机制", "长期", ""),
    ("满意度指标", "服务对象满意度指标", "辖区群众满意度", "≥90%", ""),
    ("满意度指标", "服务对象满意度指标", "网格员培训满意度", "≥92%", ""),
]


def _cut(text: str, width: float) -> list[str]:
    """Cut `text` at `width` em, as a PDF table cell wraps."""
    out, cur, used = [], "", 0.0
    for ch in text:
        w = 1.0 if not ch.isascii() else (0.25 if ch == " " else 0.5)
        if cur and used + w > width:
            out.append(cur.strip())
            cur, used = "", 0.0
        cur, used = cur + ch, used + w
    return [*out, cur.strip()] if cur.strip() else out


def _dump(seed: int, style: str) -> str:
    """A flattened goal table as a PDF-to-text dump would give it."""
    rnd = random.Random(seed)
    wn, wt, wr, wl = rnd.randint(9, 14), rnd.randint(6, 10), rnd.randint(10, 18), rnd.randint(3, 5)
    lines = ["一、绩效目标", "一级指标 二级指标 三级指标 指标值 备注"]
    l1 = l2 = ""
    for a, b, name, target, remark in SYNTHETIC_ROWS:
        labels = [x for x, old in ((a, l1), (b, l2 if a == l1 else "")) if x != old]
        l1, l2 = a, b
        names, targets, remarks = _cut(name, wn), _cut(target, wt), _cut(remark, wr) if remark else []
        if style == "labels-cut":
            lines.extend(piece for label in labels for piece in _cut(label, wl))
            labels = []
        head = " ".join([*labels, names[0]])
        if len(names) == 1 and len(targets) == 1:
            lines.append(f"{head} {targets[0]}")
        else:
            lines.extend([head, *names[1:], *targets])
        lines.extend(remarks)
    lines += ["二、项目资金使用情况", "全年执行 80 万元。"]
    return ("\n\n" if seed % 2 else "\n").join(lines) + "\n"


@pytest.mark.parametrize("style", ["labels-inline", "labels-cut"])
def test_synthetic_goal_tables_come_back_row_by_row(style: str) -> None:
    want = [[cell.replace(" ", "") for cell in row] for row in SYNTHETIC_ROWS]
    exact = total = 0
    for seed in range(40):
        tables = _tables(_read_bytes(_dump(seed, style).encode()))
        assert len(tables) == 1
        got = [[cell.replace(" ", "") for cell in row] for row in _body(tables[0])]
        exact += sum(1 for row in want if row in got)
        total += len(want)
    assert exact / total >= 0.97, f"{exact}/{total} rows rebuilt exactly"


def test_column_aligned_dump() -> None:
    """A `pdftotext -layout` style dump: cells placed by column, header words cut over two lines."""
    doc = _fixture("aligned_layout.txt")
    assert doc.source.pages == 2
    (table,) = _tables(doc)
    assert [c.text for c in table.rows[0]] == ["一级指标", "二级指标", "三级指标", "指标值", "备注"]
    assert table.pages == [1, 2]
    assert _body(table) == [
        ["产出指标", "数量指标", "受益学生人数", "≥6800 人", "覆盖全县农村义务教育阶段在校学生"],
        ["产出指标", "数量指标", "食堂设备更新学校数量", "9 所", ""],
        ["产出指标", "质量指标", "营养餐食品安全事故发生次数", "0 起", ""],
        ["产出指标", "质量指标", "学生营养餐供餐天数", "≥200 天", "按校历计算"],
        ["产出指标", "时效指标", "补助资金拨付及时率", "100%", ""],
        ["产出指标", "成本指标", "生均每天营养膳食补助标准", "≤5 元/人·天", ""],
        ["效益指标", "社会效益指标", "学生营养健康状况", "明显改善", ""],
        ["效益指标", "可持续影响指标", "营养改善长效机制", "长期", ""],
        ["满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%", ""],
    ]
    assert table.rows[5][2].page == 2 and table.rows[5][2].line == 18
    texts = _texts(doc)
    assert texts[2].startswith("营养改善计划项目由县级财政安排资金 412 万元") and texts[2].endswith("设备进行更新。")
    assert texts[-1] == "项目全年执行 398.6 万元，执行率 96.75%，结余 13.4 万元已按规定交回县财政。"


def test_goal_tables_with_nature_and_unit_columns() -> None:
    """指标性质/指标值/度量单位 columns, labels with their weight, a bare 二级 label, captions."""
    doc = _fixture("goal_table_natured.txt")
    first, second = _tables(doc)
    assert _body(first) == [
        ["产出指标（50分）", "数量指标", "组织社区文艺演出场次", "≥", "24", "场"],
        ["产出指标（50分）", "质量指标", "演出节目审核通过率", "=", "100", "%"],
        ["产出指标（50分）", "时效指标", "补助资金拨付时限", "≤", "30", "日"],
        ["效益指标（30分）", "社会效益指标", "群众文化生活丰富程度", "定性", "明显提升", ""],
        ["满意度指标（20分）", "服务对象满意度", "观演群众满意度", "≥", "90", "%"],
    ]
    assert _body(second)[-1] == ["满意度指标", "服务对象满意度", "借阅村民满意度", "≥", "85", "%"]
    # the project captions stay paragraphs, outside the tables
    captions = [p.text for p in _paragraphs(doc) if p.style == "heading"]
    assert "社区文化活动补助" in captions and "农家书屋图书更新" in captions


def test_form_flattened_into_text_is_left_to_the_form_parser() -> None:
    """After a 项目资金 block the indicator lines of a 自评表 stay lines (parse/form_text reads them)."""
    text = (
        "项目支出绩效自评表\n"
        "项目名称 乡镇污水处理站运维\n"
        "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
        "年度资金总额 60 60 57 10 95% 9.5\n"
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
        "产出指标 数量指标 运维站点数量 ≥8个 8个 20 20\n"
        "总分 100 97.5\n"
    )
    doc = _read_bytes(text.encode())
    assert _tables(doc) == []
    lines = [ln.text for p in _paragraphs(doc) for ln in p.lines]
    assert "产出指标 数量指标 运维站点数量 ≥8个 8个 20 20" in lines
    assert len(lines) == 7


def test_wrapped_text_with_many_short_lines_and_dotted_headings() -> None:
    """Few full lines among many short ones, widths uneven from digits: still hard-wrapped."""
    text = (
        "2.1 项目概况\n"
        "防汛物资储备项目由县级财政安排，主要用于购置冲锋舟2艘、救生衣\n"
        "500件和应急照明设备，全年预算18.6万元。\n"
        "2.2 绩效目标\n"
        "数量指标：储备物资品种不少于12类。\n"
        "质量指标：物资验收合格率100%。\n"
        "2.3 资金使用\n"
        "全年执行17.9万元，执行率96.24%，结余0.7万元已按规定交回县财\n"
        "政。\n"
    )
    doc = _read_bytes(text.encode())
    paragraphs = _paragraphs(doc)
    assert [p.text for p in paragraphs if p.style == "heading"] == ["2.1 项目概况", "2.2 绩效目标", "2.3 资金使用"]
    texts = _texts(doc)
    assert "防汛物资储备项目由县级财政安排，主要用于购置冲锋舟2艘、救生衣500件和应急照明设备，全年预算18.6万元。" in (
        texts
    )
    assert "全年执行17.9万元，执行率96.24%，结余0.7万元已按规定交回县财政。" in texts
    assert "数量指标：储备物资品种不少于12类。" in texts


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec: str) -> None:
    doc = _read_bytes("一、项目概况\n项目预算 12 万元，执行 11.5 万元。\n".encode(codec))
    assert doc.source.encoding == codec
    assert _texts(doc) == ["一、项目概况", "项目预算 12 万元，执行 11.5 万元。"]


@pytest.mark.parametrize(("encoding", "damage"), [("utf-8", b"\xff\xfe"), ("gb18030", b"\x80\xff")])
def test_a_text_with_a_few_damaged_bytes_is_read_with_a_note(encoding: str, damage: bytes) -> None:
    text = "某乡2023年度河道保洁经费绩效自评报告\n该项目预算12万元，实际支出11.6万元，执行率96.7%。\n" * 3
    data = text.encode(encoding)
    cut = len(data) // 2 - len(data) // 2 % 2
    doc = _read_bytes(data[:cut] + damage + data[cut:])
    assert doc.source.encoding == encoding
    assert any("no encoding reads" in note for note in doc.notes)
    assert "河道保洁经费" in "".join(e.text for e in doc.elements if isinstance(e, Paragraph))


def test_a_text_mostly_of_bytes_no_encoding_reads_is_still_bad_encoding() -> None:
    data = "某乡河道保洁经费".encode() + b"\xff\xfe\x80" * 40
    with pytest.raises(BadEncoding):
        _read_bytes(data, "junk.txt")
