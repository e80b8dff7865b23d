"""The box font: one glyph for every character, the face pdfium reads unembedded CJK fonts with.

A PDF may name its CJK font without embedding it (reportlab's STSong-Light, SimSun, 仿宋_GB2312).
pdfium then substitutes a font from the machine, and the characters it finds depend on what that
machine has: without a CJK font every glyph of such text has an empty outline, a text object of
one such character gets a zero-width box, and pdfium's text page drops it (年度资金总额 → 年度资金总,
≥ and 页 vanish); the others get empty boxes. The character codes and advances come from the PDF
(its CMap, W array and font descriptor), so a face with *a* glyph for every code point is all
pdfium needs to keep each character, and it must not add anything to the PDF's own metrics:
pdfium's character box is the PDF's metric box (advance × ascent..descent) united with the
glyph's box, so the glyph is a bar one tenth of an em wide standing on the origin, the height
of the ideographic em box (which is also what pdfium falls back on for a font whose descriptor
gives no ascent). The boxes are then the PDF's, the same on every machine.

This module builds that face with fontTools (a development dependency); the built file ships
as `box.ttf` beside it and a test checks the two agree.

Run `python3 -m reportparse.readers.pdf.boxfont` to rebuild `box.ttf`.
"""

from __future__ import annotations

import io
from pathlib import Path

FAMILY = "reportparse-box"
FONT_FILE = Path(__file__).with_name("box.ttf")
#: The ideographic em box (units per em 1000): advance 1000, 880 above the baseline, 120 below.
ADVANCE, ASCENT, DESCENT = 1000, 880, -120
#: The glyph's width: narrower than any character's advance, wide enough for pdfium to keep a
#: one-character text object (it drops objects narrower than 0.01 pt).
BAR = 100
BUILD_DATE = "Thu Jan  1 00:00:00 2026"
#: Every code point from the space up (surrogates aside) maps to the box: a format 13 many-to-one
#: cmap stores that as two groups.
FIRST_CODE, LAST_CODE = 0x20, 0x10FFFF


def build_box_font() -> bytes:
    """The TrueType file of the box font (deterministic: the same bytes on every run)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.misc.timeTools import timestampFromString
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    builder = FontBuilder(unitsPerEm=1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "box"])
    builder.setupCharacterMap({})
    pen = TTGlyphPen(None)
    # one clockwise rectangle (TrueType fills clockwise contours)
    pen.moveTo((0, DESCENT))
    pen.lineTo((0, ASCENT))
    pen.lineTo((BAR, ASCENT))
    pen.lineTo((BAR, DESCENT))
    pen.closePath()
    bar = pen.glyph()
    # .notdef gets the bar too: a lookup that fails (a code no cmap serves) still finds a glyph
    builder.setupGlyf({".notdef": bar, "box": bar})
    builder.setupHorizontalMetrics({".notdef": (ADVANCE, 0), "box": (ADVANCE, 0)})
    builder.setupHorizontalHeader(ascent=ASCENT, descent=DESCENT)
    builder.setupNameTable({"familyName": FAMILY, "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=ASCENT, sTypoDescender=DESCENT, usWinAscent=ASCENT, usWinDescent=-DESCENT)
    builder.setupPost()
    # one group maps the whole range to one glyph: a few bytes instead of a table per character
    many_to_one = CmapSubtable.newSubtable(13)
    many_to_one.platformID, many_to_one.platEncID, many_to_one.language = 3, 10, 0
    many_to_one.cmap = {code: "box" for code in range(FIRST_CODE, LAST_CODE + 1) if not 0xD800 <= code <= 0xDFFF}
    builder.font["cmap"].tables = [many_to_one]
    # a fixed date: the same bytes on every build
    builder.font["head"].created = builder.font["head"].modified = timestampFromString(BUILD_DATE)
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


if __name__ == "__main__":
    FONT_FILE.write_bytes(build_box_font())
    print(f"wrote {FONT_FILE} ({FONT_FILE.stat().st_size} bytes)")
