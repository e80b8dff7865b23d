"""Numbered headings of Chinese reports (一、 （一） 1、 1.1 第一章 ...), shared by the PDF and DOCX readers.

Reports mark their structure with numbering far more often than with heading styles, so a short
numbered line without closing punctuation is treated as a heading whatever the format.
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile

HEADING = lazy_compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[章节部分篇条]|[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十百]+[)）]|\d{1,2}[、．]|\d{1,2}\.(?!\d)|[（(]\d{1,2}[)）])"
)
#: 1.1 / 2.3.1 section numbers: a heading style for a short line, but no forced paragraph start
#: (a wrapped line may begin with an amount like 19.96 万元)
SECTION_NUMBER = lazy_compile(r"^\s*\d{1,2}(?:\.\d{1,2}){1,3}\s*[^\d\s.%．万千百亿元]")
SENTENCE_END = "。！？!?；;…"


def is_numbered_heading(text: str) -> bool:
    """A short line that starts with heading numbering and does not end like a sentence."""
    text = text.strip()
    numbered = HEADING.match(text) or SECTION_NUMBER.match(text)
    return bool(numbered) and len(text) <= 40 and text[-1:] not in SENTENCE_END + "，,"
