"""The reading copy: pinyin glosses cut, traditional characters simplified, spans still on the printed lines."""

from __future__ import annotations

import importlib.util
import json
from decimal import Decimal
from types import ModuleType

import opencc

from reportparse.model import Document, Line, Paragraph, Source, SourceFormat
from reportparse.parse.evidence import span_evidence
from reportparse.parse.narrative import parse_narrative
from reportparse.parse.reading import reading_copy, reading_document, simplified, without_glosses
from tests.conftest import REPO


def test_glosses_are_cut_and_offsets_kept() -> None:
    text, kept = without_glosses("轉(zhuǎn)移支付")
    assert text == "轉移支付"
    assert kept == [0, 8, 9, 10]


def test_ascii_words_in_brackets_are_no_gloss() -> None:
    assert reading_copy("采用(PPP)模式") == "采用(PPP)模式"
    assert reading_copy("附件(a)") == "附件(a)"  # no tone mark: a list letter, not a reading


def test_simplified_keeps_the_length() -> None:
    for text in ("盤山縣大氣轉移支付", "臨河區中央農業防災減災資金", "下達預算118萬元"):
        assert len(simplified(text)) == len(text)
    assert simplified("下達預算118萬元") == "下达预算118万元"


def test_a_simplified_document_is_returned_unchanged() -> None:
    para = Paragraph(text="项目预算10万元。", page=1, lines=[Line(text="项目预算10万元。", page=1, line=1)],
                     spans=[(0, 9)])
    doc = Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=[para])
    assert reading_document(doc) is doc


def test_spans_follow_the_cut_glosses() -> None:
    first, second = "項(xiàng)目預(yù)算", "10萬元。"
    para = Paragraph(text=first + second, page=1,
                     lines=[Line(text=first, page=1, line=3), Line(text=second, page=1, line=4)],
                     spans=[(0, len(first)), (len(first), len(first) + len(second))])
    doc = Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=[para])
    read = reading_document(doc).elements[0]
    assert isinstance(read, Paragraph)
    assert read.text == "项目预算10万元。"
    assert read.spans == [(0, 4), (4, 9)]
    assert span_evidence(read, 4, 9).line == 4  # the amount is on the second printed line


def test_a_traditional_report_is_parsed_like_a_simplified_one() -> None:
    texts = ["某縣大氣轉(zhuǎn)移支付2020年度績效自評報(bào)告", "一、績效目標(biāo)分解下達(dá)情況",
             "上級下達(dá)專(zhuān)項資金154萬元。"]
    elements = [Paragraph(text=t, page=1, lines=[Line(text=t, page=1, line=i + 1)], spans=[(0, len(t))])
                for i, t in enumerate(texts)]
    doc = Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1),
                   elements=list(elements))
    report = parse_narrative(doc)
    assert [p.name for p in report.projects] == ["某县大气转移支付"]
    planned = report.projects[0].budget.planned
    assert planned is not None and planned.value == Decimal(1540000)


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_t2s_table_is_the_installed_openccs() -> None:
    """lexicon/t2s_changes.json, by which a simplified text is read without loading OpenCC, says what the
    installed OpenCC's own tables say (else run tools/t2s_changes.py again)."""
    written = json.loads((REPO / "src" / "reportparse" / "lexicon" / "t2s_changes.json").read_text("utf-8"))
    assert written == json.loads(json.dumps(_tool("t2s_changes").t2s_changes()))


def test_what_the_t2s_table_leaves_out_opencc_keeps() -> None:
    """Every character of the main CJK blocks that the table does not list OpenCC keeps as it is, alone and in
    a simplified sentence; a character that only a phrase changes is changed there and not alone."""
    converter = opencc.OpenCC("t2s")
    characters = json.loads((REPO / "src" / "reportparse" / "lexicon" / "t2s_changes.json").read_text("utf-8"))[
        "characters"]
    kept = "".join(chr(c) for c in [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00)]
                   if chr(c) not in characters)
    assert converter.convert(kept) == kept
    assert simplified(kept) == kept
    assert simplified("反覆核查，按批覆执行") == converter.convert("反覆核查，按批覆执行") == "反复核查，按批复执行"
    assert simplified("全覆盖") == "全覆盖"
