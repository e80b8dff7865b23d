"""Reader notes, problems and failure reasons are said to people in Chinese."""

from __future__ import annotations

import re

import pytest

from reportparse.model import Result, Source, SourceFormat, Status
from reportparse.render.chinese import failure_zh, note_zh


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("text: encoding gb18030", "文本编码 gb18030"),
        ("text: 2 table(s) rebuilt from the text layout", "按文字排版还原了 2 个表格"),
        ("text: 3 page-number line(s) left out", "略去 3 行页码"),
        ("sheet 'Sheet2' is veryHidden", "工作表「Sheet2」是隐藏的"),
        ("sheet \"王's\": hidden columns C, D", "工作表「王's」有隐藏列：C, D"),
        ("sheet '自评表': A2 is a formula without a cached value: =SUM(B1:B3)",
         "工作表「自评表」的 A2 是没有计算结果的公式：=SUM(B1:B3)"),
        ("page 4: borderless table detection failed (ValueError); read as prose",
         "第 4 页无框线表格识别失败（ValueError），按正文读取"),
        ("page 2 could not be read (broken); it is left out", "第 2 页无法读取（broken），已略过"),
        (".doc file (a binary Office file) converted to DOCX by LibreOffice to be read",
         ".doc 文件（旧版二进制 Office 文件）已由 LibreOffice 转换为 DOCX 后读取"),
        (".xlsx file holds XLS content: read as XLS", ".xlsx 文件的内容实为 XLS，按 XLS 读取"),
        ("something new", "something new"),
    ],
)
def test_notes_in_chinese(note: str, said: str) -> None:
    assert note_zh(note) == said


def _failed(reason: str, message: str) -> Result:
    return Result(source=Source(path="in/a.doc", format=SourceFormat.DOC, sha256="", pages=0),
                  status=Status.FAILED, reason=reason, message=message, profile="national-2020")


def test_failure_reasons_in_chinese_keep_the_install_command() -> None:
    said = failure_zh(_failed("needs-libreoffice", "in/a.doc: ... not installed (Debian/Ubuntu: apt-get install "
                                                   "--no-install-recommends libreoffice-writer-nogui)"))
    assert said.startswith("a.doc：需要用 LibreOffice")
    assert "apt-get install --no-install-recommends libreoffice-writer-nogui" in said
    assert failure_zh(_failed("missing-file", "in/a.doc: no such file"), with_name=False) == "找不到文件"
    assert not re.search(r"[a-z]{4,}", failure_zh(_failed("corrupt-file", "x"), with_name=False))
    assert failure_zh(_failed("some-new-reason", "in/a.doc: odd")) == "in/a.doc: odd"  # unknown: as written
