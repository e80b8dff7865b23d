"""Row labels a narrow label column of a borderless table wraps onto two lines.

A spreadsheet centres a merged label (一级指标 产出指标 over its three rows) in the rows it covers; in
a narrow column it wraps (产出指 / 标), and with no borders the two lines, one above and one below
the middle of the span, fall into different rows of the rebuilt grid. A careful reader joins them
back: the lower line sits right under the upper one in the same column, at the spacing of lines
inside one cell, and only together do they end as a label ends (lexicon `form.label_endings`).
"""

from __future__ import annotations

from functools import cache

from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import lexicon
from reportparse.model import BBox, Cell
from reportparse.readers.pdf.borderless_titles import WRAP_GAP
from reportparse.readers.pdf.lines import join_pieces
from reportparse.t2s import simplified

#: Lines closer than this share of a line's height overlap: the two pieces are not one above the other.
_OVERLAP = 0.3


@cache
def _endings() -> tuple[str, ...]:
    words = lexicon("form_labels.json")["form.label_endings"]["words"]
    return tuple(sorted(words, key=len, reverse=True))


#: A reading printed after a character in brackets ('標(biāo)'): no part of the label's wording.
_READING = lazy_compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")


def _ends_as_label(text: str) -> bool:
    return simplified(_READING.sub("", text)).endswith(_endings())


def join_wrapped_labels(grid: list[list[Cell]], label_cols: list[int]) -> None:
    """Join each label the grid's rows took apart into its upper row's cell, the lower cell emptied
    (the merged-label filling then spreads the whole label over the rows its span covers)."""
    for c in label_cols:
        for r in range(len(grid) - 1):
            upper, lower = grid[r][c], grid[r + 1][c]
            if not _wrapped(upper, lower):
                continue
            assert upper.bbox is not None and lower.bbox is not None
            box = BBox(x0=min(upper.bbox.x0, lower.bbox.x0), top=upper.bbox.top,
                       x1=max(upper.bbox.x1, lower.bbox.x1), bottom=lower.bbox.bottom)
            grid[r][c] = upper.model_copy(update={"text": join_pieces(upper.text, lower.text), "bbox": box})
            grid[r + 1][c] = lower.model_copy(update={"text": ""})


def _wrapped(upper: Cell, lower: Cell) -> bool:
    """Whether `lower` is the second line of the label `upper` begins."""
    if not upper.text or not lower.text or upper.merged or lower.merged or upper.bbox is None or lower.bbox is None:
        return False
    if _ends_as_label(upper.text) or _ends_as_label(lower.text) or len(lower.text) > len(upper.text):
        return False
    if not _ends_as_label(join_pieces(upper.text, lower.text)):
        return False
    a, b = upper.bbox, lower.bbox
    height = b.bottom - b.top
    across = min(a.x1, b.x1) - max(a.x0, b.x0)
    gap = b.top - a.bottom
    return across > 0 and -_OVERLAP * height < gap < WRAP_GAP * height
