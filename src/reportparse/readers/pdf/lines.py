"""Text lines with boxes from one PDF page, via pdfium (pypdfium2's raw bindings).

pdfium gives every character its unicode value and a "loose" box (font ascent to descent, so a
flat glyph like 一 still gets a full-height box), and marks where its own text analysis put line
breaks with generated CR/LF characters. We group characters into lines on those marks and on the
geometry, drop fake-bold doubles (the same glyph painted twice at a small offset), and convert
boxes to top-left-origin points, the convention of `model.BBox` and of pdfplumber.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from reportparse.readers.symbols import symbol_char

#: How many characters of a page are looked at to tell which way its text runs.
ROTATION_SAMPLE = 64
#: Fraction of the smaller box two identical glyphs must share to count as one fake-bold glyph.
FAKE_BOLD_OVERLAP = 0.6
#: What a glyph without a Unicode value reads as: the replacement character, so the text shows
#: that something is there and cannot be read.
UNREADABLE = "\ufffd"


@dataclass(frozen=True)
class PageFrame:
    """How PDF user space maps to the page as displayed: media box and /Rotate (0, 90, 180, 270).

    Boxes in the model are top-left-origin points of the page as a reader sees it, so a page
    with /Rotate 90 (landscape forms are often stored that way) reads left to right like any
    other, and boxes line up with the rendered image.
    """

    left: float
    bottom: float
    right: float
    top: float
    rotation: int = 0

    @property
    def width(self) -> float:
        return self.top - self.bottom if self.rotation in (90, 270) else self.right - self.left

    @property
    def height(self) -> float:
        return self.right - self.left if self.rotation in (90, 270) else self.top - self.bottom

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A user-space point as (x, y) from the displayed page's top-left corner."""
        u, v = x - self.left, y - self.bottom  # from the media box's bottom-left corner
        w, h = self.right - self.left, self.top - self.bottom
        if self.rotation == 90:
            return v, u
        if self.rotation == 180:
            return w - u, v
        if self.rotation == 270:
            return h - v, w - u
        return u, h - v

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """A user-space rectangle as (x0, top, x1, bottom) on the displayed page."""
        ax, ay = self.point(x0, y0)
        bx, by = self.point(x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


@dataclass
class Glyph:
    """One character with its box in top-left-origin page points."""

    char: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class TextLine:
    """One physical line: its text, page, box and the glyphs it was made from.

    The box, median glyph height and median character width are computed once, by `measure`,
    when the line is complete (layout analysis reads them many times).
    """

    page: int
    glyphs: list[Glyph] = field(default_factory=list)
    text: str = ""
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    height: float = 0.0
    #: median advance of the line's non-space glyphs: the unit for indents and margins
    char_width: float = 0.0

    def measure(self) -> None:
        """Set text, box, height and character width from the glyphs."""
        glyphs = self.glyphs
        self.text = "".join(g.char for g in glyphs)
        self.x0 = min(g.x0 for g in glyphs)
        self.x1 = max(g.x1 for g in glyphs)
        self.top = min(g.top for g in glyphs)
        self.bottom = max(g.bottom for g in glyphs)
        self.height = statistics.median([g.bottom - g.top for g in glyphs])
        widths = [g.x1 - g.x0 for g in glyphs if g.char != " " and g.x1 > g.x0]
        self.char_width = statistics.median(widths) if widths else max(self.height, 1.0)


def page_glyphs(textpage: Any, frame: PageFrame) -> list[Glyph | None]:
    """All characters of a pdfium text page in content order; None marks a generated line break."""
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    char_angle = pdfium_c.FPDFText_GetCharAngle
    map_error = pdfium_c.FPDFText_HasUnicodeMapError
    out: list[Glyph | None] = []
    upright = frame.rotation == 0
    left, top_edge = frame.left, frame.top
    codes = _page_text(raw, count)
    for index in range(count):
        code = codes[index] if codes is not None else pdfium_c.FPDFText_GetUnicode(raw, index)
        char = chr(code) if 0 < code < 0x110000 else ""
        if 0xF020 <= code <= 0xF0FF:
            char = symbol_char(code) or UNREADABLE  # a Symbol-font glyph left at its private-use code
        elif 0xE000 <= code <= 0xF8FF or (code != 0x20 and map_error(raw, index) == 1):
            # a private-use code, or a glyph whose font maps it to no Unicode text (pdfium then
            # passes the raw character code on as if it were one): whatever it looks like, it is
            # not the text
            char = UNREADABLE
        elif 0x2E80 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF:
            # Kangxi radicals and compatibility ideographs that some fonts map to: they look like
            # 一 目 金 but do not match them; their NFKC form is the ordinary character
            char = unicodedata.normalize("NFKC", char)[:1]
        if char in ("\r", "\n", "\x02", "\x03", ""):
            # CR/LF are pdfium's line marks; 0x02 (soft hyphen at a line end) ends a line too
            if char in ("\r", "\n", "\x02") and (not out or out[-1] is not None):
                out.append(None)
            continue
        if char in ("\ufffe", "\uffff", "\x00"):
            continue
        if _slanted(char_angle(raw, index), frame.rotation):
            continue  # a watermark or stamp set at an angle, not a line of the report
        loose_box(raw, index, rect_ref)
        if rect.top - rect.bottom < 0.1:
            _tight_box(raw, index, rect)  # a font without ascent/descent metrics
        if upright:  # the common case, without the general mapping's cost
            x0, top, x1, bottom = rect.left - left, top_edge - rect.top, rect.right - left, top_edge - rect.bottom
        else:
            x0, top, x1, bottom = frame.box(rect.left, rect.bottom, rect.right, rect.top)
        glyph = Glyph(char=" " if char.isspace() else char, x0=x0, top=top, x1=x1, bottom=bottom)
        if out and out[-1] is not None and _fake_bold_double(out[-1], glyph):
            continue
        out.append(glyph)
    return out


def upright_textpage(page: Any) -> tuple[Any, PageFrame]:
    """The pdfium text page of `page` and its frame, turned so that its text stands upright.

    pdfium orders a page's characters as the page is displayed; a page whose text runs down the
    display (see `reading_rotation`) is turned first — in memory, the file is never written —
    so its lines run left to right, and the frame maps boxes onto the turned page. The caller
    closes the text page.
    """
    left, bottom, right, top = page.get_cropbox()
    textpage = page.get_textpage()
    displayed = page.get_rotation() % 360
    turn = reading_rotation(textpage, displayed)
    if turn != displayed:
        textpage.close()
        page.set_rotation(turn)
        textpage = page.get_textpage()
    return textpage, PageFrame(left, bottom, right, top, turn)


def reading_rotation(textpage: Any, rotation: int) -> int:
    """The turn (0, 90, 180 or 270) of the page under which most of its text stands upright.

    A landscape form is often stored as a portrait page with /Rotate 90 and its text drawn
    turned, so that it reads upright as displayed: the turn is the page's /Rotate. A page turned
    in a viewer and saved has /Rotate 90 over upright text: displayed, its lines run down the
    screen, and a reader turns the page back to read it; so do we. The angles of a sample of the
    page's characters decide; without a clear majority the page's /Rotate stands.
    """
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    votes: Counter[int] = Counter()
    for index in range(0, count, max(1, count // ROTATION_SAMPLE)):
        angle = pdfium_c.FPDFText_GetCharAngle(raw, index)
        if angle < 0:
            continue  # a generated character or one pdfium could not tell
        degrees = math.degrees(angle) % 360
        right = round(degrees / 90) % 4 * 90
        if abs((degrees - right + 180) % 360 - 180) <= 8:
            votes[(360 - right) % 360] += 1  # pdfium's angle runs clockwise: turning back undoes it
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] * 2 > ranked[0][1]):
        return rotation
    return ranked[0][0]


def dropped_characters(page: Any, family: bytes) -> int:
    """How many text objects pdfium left out of the page's text for want of a glyph.

    pdfium drops a text object of zero width. With the box font standing in for an unembedded
    font (`family`, see `pdffonts`) that happens only to a character whose code no CMap or
    ToUnicode map explains (pdfium then takes the code for a glyph number the box font does not
    have): a character that cannot be read. Zero-width objects in other fonts are blanks
    (a lone space has no outline) and objects at size 0 are invisible: neither counts.
    """
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    edges = [ctypes.byref(v) for v in (left, bottom, right, top)]
    name = ctypes.create_string_buffer(len(family) + 2)
    size = ctypes.c_float()
    dropped = 0
    objects = [pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(page.raw))]
    while objects:
        obj = objects.pop()
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inside = range(pdfium_c.FPDFFormObj_CountObjects(obj))
            objects.extend(pdfium_c.FPDFFormObj_GetObject(obj, i) for i in inside)
            continue
        if kind != pdfium_c.FPDF_PAGEOBJ_TEXT or not pdfium_c.FPDFPageObj_GetBounds(obj, *edges):
            continue
        if abs(right.value - left.value) >= 0.01:
            continue
        if not pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(size)) or size.value <= 0:
            continue
        font = pdfium_c.FPDFTextObj_GetFont(obj)
        if font and pdfium_c.FPDFFont_GetFamilyName(font, name, len(name)) and name.value == family:
            dropped += 1
    return dropped


def _slanted(angle: float, rotation: int) -> bool:
    """Whether a glyph's angle (radians, pdfium's) is off every right angle of the displayed page.

    Upright text has the angle that undoes the page's /Rotate; text turned by a right angle
    (vertical cell headings) is kept; anything else (a 45° 草稿 watermark) is not report text.
    """
    if angle < 0:
        return False  # pdfium could not tell
    degrees = (math.degrees(angle) + rotation) % 90
    return 8 < degrees < 82


def _tight_box(raw: Any, index: int, rect: Any) -> None:
    """Fill `rect` with the glyph's tight box (used when the loose box is degenerate)."""
    import pypdfium2.raw as pdfium_c

    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    if pdfium_c.FPDFText_GetCharBox(raw, index, ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom),
                                    ctypes.byref(top)):
        rect.left, rect.right, rect.bottom, rect.top = left.value, right.value, bottom.value, top.value


def _page_text(raw: Any, count: int) -> list[int] | None:
    """The code of every character of the page in one call, or None when the text does not map
    one unit per character (characters beyond the BMP): then they are read one by one."""
    import pypdfium2.raw as pdfium_c

    if count <= 0:
        return []
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    codes = list(buffer[: max(written - 1, 0)])
    if len(codes) != count or any(0xD800 <= code <= 0xDFFF for code in codes):
        return None
    return codes


def _fake_bold_double(prev: Glyph, glyph: Glyph) -> bool:
    """True when `glyph` repeats `prev` almost on top of it (fake bold), not the next letter."""
    if glyph.char != prev.char or glyph.char == " ":
        return False
    width = min(prev.x1 - prev.x0, glyph.x1 - glyph.x0)
    height = min(prev.bottom - prev.top, glyph.bottom - glyph.top)
    if width <= 0 or height <= 0:
        return False
    overlap_x = min(prev.x1, glyph.x1) - max(prev.x0, glyph.x0)
    overlap_y = min(prev.bottom, glyph.bottom) - max(prev.top, glyph.top)
    return overlap_x > FAKE_BOLD_OVERLAP * width and overlap_y > FAKE_BOLD_OVERLAP * height


def group_lines(glyphs: list[Glyph | None], page: int) -> list[TextLine]:
    """Group glyphs into lines: break at a jump back to the left, off the band, or at pdfium's
    line marks — unless the text after a mark carries on along the same band (pdfium also marks
    a change of font or baseline inside a line: 为 65岁 drawn as 为 | 65 | 岁)."""
    lines: list[TextLine] = []
    current = TextLine(page=page)
    last_solid: Glyph | None = None
    marked = False
    held: list[Glyph] = []  # spaces after a line mark, kept only if the line carries on
    for glyph in glyphs:
        if glyph is None:
            marked = True
            continue
        if glyph.char == " ":
            (held if marked else current.glyphs).append(glyph)
            continue
        if last_solid is not None and (
            _starts_new_line(last_solid, glyph) or (marked and not _carries_on(last_solid, glyph))
        ):
            _close(current, lines)
            current = TextLine(page=page)
        else:
            current.glyphs.extend(held)
        held = []
        marked = False
        last_solid = glyph
        current.glyphs.append(glyph)
    _close(current, lines)
    return lines


def _carries_on(last: Glyph, glyph: Glyph) -> bool:
    """After a line mark: the next glyph sits on the same band just right of the last one."""
    width = max(last.x1 - last.x0, glyph.x1 - glyph.x0, 1.0)
    middle = (glyph.top + glyph.bottom) / 2
    same_band = last.top <= middle <= last.bottom
    return same_band and last.x1 - 0.5 * width <= glyph.x0 <= last.x1 + 1.5 * width


def _starts_new_line(last: Glyph, glyph: Glyph) -> bool:
    """Whether `glyph` cannot follow `last` on one line: off its vertical band or far back left."""
    middle = (glyph.top + glyph.bottom) / 2
    if not (last.top - 1 <= middle <= last.bottom + 1):
        return True
    return glyph.x1 < last.x0 - 2 * max(last.x1 - last.x0, 1.0)


def _close(line: TextLine, lines: list[TextLine]) -> None:
    """Order and trim the line's glyphs, set its text, and keep it if anything visible remains."""
    glyphs = line.glyphs
    if any(b.x0 < a.x0 - 0.5 * max(a.x1 - a.x0, 1.0) for a, b in itertools.pairwise(glyphs)):
        # drawn out of order (a run added after its neighbours): the page shows left to right
        glyphs.sort(key=lambda g: (g.x0 + g.x1) / 2)
    # spaces keep their place in the text but generated ones may carry boxes far away: clamp
    # their boxes to the glyph before them so they never stretch the line's extent (a space the
    # file holds, its box inside the gap it fills, keeps its width: a typed space within a cell)
    kept: list[Glyph] = []
    for k, glyph in enumerate(glyphs):
        if glyph.char == " ":
            if not kept or kept[-1].char == " ":
                continue  # leading spaces go, runs of spaces collapse to one
            prev = kept[-1]
            after = next((g for g in glyphs[k + 1:] if g.char != " "), None)
            inside = after is not None and prev.x1 - 0.5 <= glyph.x0 < glyph.x1 <= after.x0 + 0.5
            glyph = Glyph(" ", glyph.x0 if inside else prev.x1, prev.top, glyph.x1 if inside else prev.x1, prev.bottom)
        kept.append(glyph)
    while kept and kept[-1].char == " ":
        kept.pop()
    if not kept:
        return
    line.glyphs = kept
    line.measure()
    lines.append(line)


def _is_wide(char: str) -> bool:
    """CJK ideographs, kana, hangul and full-width punctuation: text written without spaces."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x3000 <= code <= 0x303F
        or 0x2010 <= code <= 0x2027  # dashes, quotes, ellipsis as used in Chinese text
    )


def line_separator(before: str, after: str) -> str:
    """What goes between two wrapped pieces of one sentence.

    Nothing next to CJK text or between digits (narrow cells break numbers: 19.9|6); a space
    between Latin words, which wrap only where a space was.
    """
    if not before or not after:
        return ""
    last, first = before[-1], after[0]
    if last.isspace() or first.isspace() or _is_wide(last) or _is_wide(first):
        return ""
    if first.isascii() and first.isalpha():
        return " " if (last.isascii() and last.isalnum()) or last in ",.;:!?)" else ""
    if first.isdigit() and last.isascii() and last.isalpha():
        return " "
    return ""


def join_pieces(before: str, after: str) -> str:
    """`before` and `after` joined as wrapped text."""
    return before + line_separator(before, after) + after
