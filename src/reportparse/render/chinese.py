"""The words the human-facing renderers say in Chinese: reader notes, problems and failure reasons.

Notes, problems and messages stay as the stages wrote them in the JSON (tools match on them);
a person reading the terminal report or the review page gets one language. Each pattern here
mirrors a note a reader writes; one without a pattern is shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from reportparse.lazypattern import LazyPattern, lazy_compile
from reportparse.model import Result, Status

_SHEET = r"sheet (['\"])(?P<sheet>.*?)\1"
_KIND = {"a binary Office file": "旧版二进制 Office 文件", "an RTF file": "RTF 文件",
         "an HTML/XML file": "HTML/XML 文件"}

Rule = tuple[LazyPattern, Callable[[re.Match[str]], str]]
_RULES: list[Rule] = [
    (lazy_compile(r"^text: encoding (?P<enc>\S+)$"), lambda m: f"文本编码 {m['enc']}"),
    (lazy_compile(r"^text: blank-line doubling detected"), lambda m: "空行成对出现：单个空行不视为分段"),
    (lazy_compile(r"^text: (?P<n>\d+) table\(s\) rebuilt from the text layout$"),
     lambda m: f"按文字排版还原了 {m['n']} 个表格"),
    (lazy_compile(r"^text: (?P<n>\d+) page-number line\(s\) left out$"), lambda m: f"略去 {m['n']} 行页码"),
    (lazy_compile(rf"^{_SHEET} is (?:hidden|veryHidden)$"), lambda m: f"工作表「{m['sheet']}」是隐藏的"),
    (lazy_compile(rf"^{_SHEET}: hidden rows (?P<rows>.+)$"), lambda m: f"工作表「{m['sheet']}」有隐藏行：{m['rows']}"),
    (lazy_compile(rf"^{_SHEET}: hidden columns (?P<cols>.+)$"),
     lambda m: f"工作表「{m['sheet']}」有隐藏列：{m['cols']}"),
    (lazy_compile(rf"^{_SHEET}: (?P<cell>\S+) is a formula without a cached value: (?P<f>.*)$"),
     lambda m: f"工作表「{m['sheet']}」的 {m['cell']} 是没有计算结果的公式：{m['f']}"),
    (lazy_compile(r"^page (?P<n>\d+): (?P<borderless>borderless )?table detection failed \((?P<e>[^)]*)\); "
                r"read as prose$"),
     lambda m: f"第 {m['n']} 页{'无框线' if m['borderless'] else ''}表格识别失败（{m['e']}），按正文读取"),
    (lazy_compile(r"^page (?P<n>\d+) could not be read \((?P<e>.*)\); it is left out$"),
     lambda m: f"第 {m['n']} 页无法读取（{m['e']}），已略过"),
    (lazy_compile(r"^check (?P<code>\S+) failed: (?P<e>.*)$"),
     lambda m: f"检查 {m['code']} 出错（{m['e']}），其余检查照常"),
    (lazy_compile(r"^(?P<ext>\.\w+) file \((?P<kind>[^)]*)\) converted to (?P<to>\w+) by LibreOffice to be read$"),
     lambda m: f"{m['ext']} 文件（{_KIND.get(m['kind'], m['kind'])}）已由 LibreOffice 转换为 {m['to']} 后读取"),
    (lazy_compile(r"^(?P<ext>\.\w+) file holds (?P<as>\w+) content: read as \w+$"),
     lambda m: f"{m['ext']} 文件的内容实为 {m['as']}，按 {m['as']} 读取"),
]

#: why a file could not be processed, by its stable reason code
_REASONS: dict[str, str] = {
    "missing-file": "找不到文件",
    "is-a-directory": "这是文件夹，不是文件",
    "unknown-format": "不支持的文件类型（可读 .pdf .docx .doc .wps .xlsx .xls .et .txt 及扫描图片 .png .jpg .tif）",
    "empty-file": "文件没有内容",
    "corrupt-file": "文件已损坏，或内容与扩展名不符",
    "encrypted": "文件有密码保护",
    "no-text-layer": "PDF 没有文字层（可能是扫描件），无法读取",
    "zip-bomb": "文件解压后异常巨大，按压缩炸弹拒绝",
    "bad-encoding": "无法识别文字编码（可能不是文本文件）",
    "not-a-report": "没有找到项目、预算或绩效指标，不像绩效自评报告",
    "too-large": "文件超过大小上限",
    "needs-libreoffice": "需要用 LibreOffice 转换后读取，但本机没有安装 LibreOffice",
    "conversion-failed": "LibreOffice 未能转换该文件",
    "internal-error": "读取时程序出错（内部错误），请报告此文件",
}


def note_zh(text: str) -> str:
    """A reader note or problem in Chinese; one we have no words for is kept as written."""
    for pattern, say in _RULES:
        match = pattern.search(text)
        if match:
            return say(match)
    return text


def failure_zh(result: Result, with_name: bool = True) -> str:
    """`nonexist.pdf：找不到文件` — why a failed result failed, in Chinese (naming the file unless told not to)."""
    name = Path(result.source.path).name
    reason = result.reason or ""
    said = _REASONS.get(reason)
    message = result.message or ""
    if said is None:
        return message or reason
    if reason == "needs-libreoffice":
        install = re.search(r"apt-get install[^)]*", message)
        said += f"（Debian/Ubuntu：{install.group().strip()}）" if install else ""
    elif reason == "conversion-failed" and "longer than" in message:
        said += "（转换超时）"
    return f"{name}：{said}" if with_name else said


STATUS_ZH = {Status.OK: "完成", Status.PARTIAL: "部分完成", Status.FAILED: "无法处理"}
