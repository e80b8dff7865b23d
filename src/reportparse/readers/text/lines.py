"""Plain-text input, first half: bytes → decoded physical lines with page numbers.

Decoding tries the encodings a Chinese report is written in (UTF-8 with or without BOM, UTF-16
with BOM, GB18030 which covers GBK and GB2312) and refuses binary data. The physical lines keep
their 1-based line number; pages are counted from form feeds or, when the file has none, from
runs of blank lines longer than the file's normal separator (a PDF-to-text dump marks page
breaks that way). Files that put a blank line after every text line ("blank-line doubling") are
detected so that a single blank line can be treated as nothing.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reportparse.errors import BadEncoding, EmptyFile
from reportparse.lazypattern import lazy_compile

#: Byte-order marks and the codec that reads past them.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

#: Control characters allowed in text; anything else below U+0020 counts towards "binary".
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")

#: A decoded file with more than this share of other control characters is binary data: a
#: report pasted from a web page or Word may carry a stray control character or two (hence also
#: `_CONTROLS_ALWAYS_ALLOWED`), while binary junk decoded by chance is full of them.
_MAX_CONTROL_SHARE = 0.01

#: A short text may hold this many stray control characters whatever its length.
_CONTROLS_ALWAYS_ALLOWED = 2

#: UTF-16 without a byte-order mark: at least one NUL byte in every this many bytes. In UTF-16
#: every ASCII character (digits, spaces, line breaks) has a NUL half; a Chinese report has far
#: more than one such character in ten, while a GB18030 or UTF-8 file has no NUL at all.
_UTF16_NUL_EVERY = 20

#: ...and the NULs sit on one side of the byte pairs: the other side holds at most this share of
#: them (only CJK characters such as 一 U+4E00 put a NUL there), unlike binary data's NULs.
_UTF16_OTHER_SIDE_NUL_SHARE = 0.5

#: ...and the decoded text is nearly all printable (a wrong guess at UTF-16 decodes into noise).
_UTF16_MIN_PRINTABLE_SHARE = 0.99

#: Tab stops of a dump written with tabs: the terminal and `pdftotext` default, so that columns
#: aligned with tabs line up with columns aligned with spaces.
_TAB_STOP = 8

#: Printed widths in em: CJK, full-width and other non-ASCII characters take a full em; ASCII
#: letters and digits about half (Latin glyphs of a CJK font are half-width); a space about a
#: quarter (a PDF's word space is narrower than a letter).
_ASCII_EM = 0.5
_SPACE_EM = 0.25

#: Blank-line doubling needs this many gaps to be judged: with fewer lines a single blank line
#: between paragraphs cannot be told from a blank line after every line.
_DOUBLING_MIN_GAPS = 4

#: Doubled: at least this share of the gaps between text lines is exactly one blank line. In a
#: doubled dump nearly every gap is one (paragraph and page breaks are longer); in a plain file
#: most lines follow each other with no blank line, and a one-line gap is a paragraph break.
_DOUBLING_MIN_SHARE = 0.5

#: In a doubled file a paragraph break is the single blank line doubled: two blank lines.
_DOUBLED_PARAGRAPH_GAP = 2


@dataclass(slots=True)
class PhysLine:
    """One non-blank physical line: stripped text, 1-based number, page and layout facts."""

    text: str
    no: int
    page: int
    indent: int
    gap: int
    """blank lines between this line and the previous non-blank line"""
    width: float
    """printed width in em (see `display_width`)"""
    raw: str = ""
    """the line as written (tabs expanded, right-stripped): column positions of an aligned dump"""
    continues: bool = False
    """the line goes on with the line before whatever the layout: a preview's next page, cut mid-word"""


def monospace_width(text: str) -> int:
    """Columns `text` takes in a monospaced dump: a Han character or a full-width form two, others one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def display_width(text: str) -> float:
    """Printed width of `text` in em, as a PDF lays it out.

    CJK, full-width and other non-ASCII characters take a full em; ASCII letters and digits about
    half an em; a space about a quarter. This is what makes a line "full" or "short".
    """
    ascii_chars = len(text.encode("ascii", "ignore"))
    spaces = text.count(" ")
    return (len(text) - ascii_chars) + _ASCII_EM * (ascii_chars - spaces) + _SPACE_EM * spaces


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode `data` and return (text, encoding name). Raises BadEncoding for undecodable or binary data."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise BadEncoding(
                    f"{path}: starts with a {codec} byte-order mark but is not valid {codec}", str(path)
                ) from exc
            _refuse_binary(text, path)
            return text, codec
    if b"\x00" in data:
        text16 = _utf16_without_bom(data)
        if text16 is not None:
            return text16
        raise BadEncoding(f"{path}: binary data (NUL bytes), not a text file", str(path))
    for codec in ("utf-8", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        _refuse_binary(text, path)
        return text, codec
    # a page saved with a few damaged bytes (a copy cut inside a character, a stray byte a site added) is still
    # its text: each bad byte becomes U+FFFD and the reader notes it; more than a few is another encoding
    damaged = [(data.decode(codec, errors="replace"), codec) for codec in ("utf-8", "gb18030")]
    text, codec = min(damaged, key=lambda pair: pair[0].count(REPLACEMENT))
    if text.count(REPLACEMENT) <= max(_MAX_DAMAGED_BYTES, _MAX_DAMAGED_SHARE * len(text)):
        _refuse_binary(text, path)
        return text, codec
    raise BadEncoding(f"{path}: not valid UTF-8, UTF-16 or GB18030 text", str(path))


#: what a byte no encoding can read becomes
REPLACEMENT = "\ufffd"
#: most damaged bytes a text may hold and still be read in its encoding (a few, or one in two hundred characters)
_MAX_DAMAGED_BYTES = 8
_MAX_DAMAGED_SHARE = 0.005


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, codec) when `data` is UTF-16 saved without a byte-order mark, else None.

    Its NUL bytes are mostly the high halves of ASCII characters, on one side of the byte pairs
    (a CJK character such as 一 U+4E00 adds a few on the other); the decoded text must then be
    nearly all printable.
    """
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for codec, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls < len(data) // _UTF16_NUL_EVERY or other > _UTF16_OTHER_SIDE_NUL_SHARE * nuls:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        plain = sum(1 for ch in text if ch.isprintable() or ch in _TEXT_CONTROLS)
        if plain >= _UTF16_MIN_PRINTABLE_SHARE * len(text):
            return text, codec
    return None


def _refuse_binary(text: str, path: Path) -> None:
    """Raise BadEncoding when the decoded text is mostly control characters (binary junk)."""
    if "\x00" in text:
        raise BadEncoding(f"{path}: binary data (NUL characters), not a text file", str(path))
    controls = sum(1 for ch in text if ch < " " and ch not in _TEXT_CONTROLS)
    if controls > max(_CONTROLS_ALWAYS_ALLOWED, _MAX_CONTROL_SHARE * len(text)):
        raise BadEncoding(f"{path}: binary data ({controls} control characters), not a text file", str(path))


@dataclass(slots=True)
class LineLayout:
    """The physical lines of a file and what its blank lines mean."""

    lines: list[PhysLine]
    doubled: bool
    """a blank line follows most text lines: one blank line means nothing"""
    pages: int


#: A Markdown heading's marks: one to six '#' and a space before the heading's words.
_MARKDOWN_HEADING = lazy_compile(r"^#{1,6}\s+(?=[^#\s])")


def split_lines(text: str, path: Path) -> LineLayout:
    """Split decoded text into non-blank physical lines with 1-based numbers and pages."""
    rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    has_formfeed = "\f" in text
    lines: list[PhysLine] = []
    page, gap = 1, 0
    for no, row in enumerate(rows, start=1):
        if "\f" in row:
            page += row.count("\f")
            row = row.replace("\f", "")
        # (a page saved as Markdown marks its headings '# …': the marks are no part of the heading's words)
        stripped = _MARKDOWN_HEADING.sub("", row.strip())
        if not stripped:
            gap += 1
            continue
        indent = len(row) - len(row.lstrip())
        as_written = row.expandtabs(_TAB_STOP).rstrip() if "\t" in row else row.rstrip()
        lines.append(PhysLine(stripped, no, page, indent, gap, display_width(stripped), as_written))
        gap = 0
    if not lines:
        raise EmptyFile(f"{path}: no text (the file holds only whitespace)", str(path))
    doubled = _is_doubled(lines)
    if not has_formfeed:
        _pages_from_blank_runs(lines)
    return LineLayout(lines, doubled, lines[-1].page)


def _is_doubled(lines: list[PhysLine]) -> bool:
    """True when most gaps between text lines are exactly one blank line."""
    gaps = Counter(line.gap for line in lines[1:])
    total = sum(gaps.values())
    return total >= _DOUBLING_MIN_GAPS and gaps[1] >= _DOUBLING_MIN_SHARE * total


#: The smallest run of blank lines that marks a page break in a file without form feeds.
#: Doubled files separate lines by one blank line and may use two between paragraphs; plain
#: files use one between paragraphs. Three is what PDF-to-text dumps leave at a page break.
PAGE_BREAK_GAP = 3


def _pages_from_blank_runs(lines: list[PhysLine]) -> None:
    """Number pages by long runs of blank lines (the file has no form feeds)."""
    page = 1
    for line in lines:
        if line.gap >= PAGE_BREAK_GAP and line is not lines[0]:
            page += 1
        line.page = page


def paragraph_gap(line: PhysLine, doubled: bool) -> bool:
    """True when the blank lines before `line` separate paragraphs (not just doubling or a page break)."""
    if doubled:
        return line.gap == _DOUBLED_PARAGRAPH_GAP
    return 1 <= line.gap < PAGE_BREAK_GAP


def _is_ascii_word_char(ch: str) -> bool:
    """Letters, digits, % and . : the characters an ASCII word or number is made of."""
    return ch.isascii() and (ch.isalnum() or ch in "%.")


def join_fragments(parts: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join line fragments into one text; return it with each fragment's (start, end) span.

    Chinese fragments join with no space (a PDF broke the line, not the text); a space is kept
    only where an ASCII word ends one fragment and another starts the next. Digits on both
    sides are one number cut at the line end (`5.2` / `9 万元`), so they join without a space.
    """
    text = ""
    spans: list[tuple[int, int]] = []
    for part in parts:
        if (
            text
            and part
            and _is_ascii_word_char(text[-1])
            and _is_ascii_word_char(part[0])
            and not ((text[-1].isdigit() or text[-1] == ".") and part[0].isdigit())
        ):
            text += " "
        start = len(text)
        text += part
        spans.append((start, len(text)))
    return text, spans
