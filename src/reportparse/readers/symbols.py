"""Characters of the Symbol font, which Word and PDFs often carry as private-use codes.

Word's Insert Symbol stores ≥ as `<w:sym w:font="Symbol" w:char="F0B3"/>`, and a PDF made from such
a document may map the glyph to U+F0B3 instead of U+2265. Comparators decide how a target is read,
so the Symbol codes that matter in reports are mapped back to their Unicode characters.
"""

from __future__ import annotations

#: Adobe Symbol encoding (code in the font) → Unicode, for the characters reports use.
SYMBOL_FONT: dict[int, str] = {
    0xA3: "≤", 0xB3: "≥", 0xB9: "≠", 0xBB: "≈", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xB0: "°", 0xA5: "∞",
    0xD6: "√", 0xAC: "←", 0xAE: "→", 0xAD: "↑", 0xAF: "↓", 0x3C: "<", 0x3E: ">", 0x3D: "=", 0x25: "%",
    0xB7: "•", 0xBC: "…", 0x2D: "−", 0x2B: "+",
}


def symbol_char(code: int) -> str | None:
    """The Unicode character for a Symbol-font code given as 0x00XX or as private-use 0xF0XX."""
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    return SYMBOL_FONT.get(code)
