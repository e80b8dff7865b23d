"""One scanned page → recognised lines with character boxes and confidences, and its ruling lines.

`ocr_page` is a pure function of one page bitmap (no files, no global state but the model, loaded
once per process), so pages can be recognised in any order and in any worker of a pool.

The recogniser is RapidOCR (PP-OCR detection and recognition models run by onnxruntime, shipped
inside the `rapidocr-onnxruntime` wheel: nothing is downloaded at run time). It reads each text
line it detects and, asked for word boxes, gives every Chinese character (and every Latin word)
its own box and confidence. Boxes are returned in points of the upright page, the units and
orientation of a text PDF's glyph boxes, so the same line and table readers work on them.
"""

from __future__ import annotations

import functools
import statistics
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PIL import Image

from reportparse.ocr import prepare, ruling

#: Below this mean line confidence the page may be upside down: the opposite turn is tried too.
UPSIDE_DOWN_SUSPECT = 0.85
#: The recogniser reads text best when the page is rendered at about this many pixels per inch.
RECOGNITION_DPI = 150
#: ... and never larger than this on its long side (the detector's own limit is 2000).
MAX_SIDE = 2000
#: The long side of the small copy on which the detector tells upright from sideways text.
ORIENTATION_SIDE = 800


@dataclass(frozen=True)
class OcrChar:
    """One recognised character: its box in points of the upright page and its confidence (0-1)."""

    char: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float


@dataclass
class OcrPage:
    """What the recogniser made of one page."""

    width: float  # points, of the upright page
    height: float
    lines: list[list[OcrChar]] = field(default_factory=list)
    segments: list[ruling.Segment] = field(default_factory=list)
    upright: prepare.Upright = field(default_factory=prepare.Upright)

    @property
    def confidence(self) -> float:
        """The mean confidence of the page's characters (1.0 for a page without text)."""
        scores = [c.confidence for line in self.lines for c in line]
        return statistics.fmean(scores) if scores else 1.0


@functools.lru_cache(maxsize=1)
def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR(print_verbose=False)


def recognition_scale(width_pt: float, height_pt: float) -> float:
    """Pixels per point to render a page of this size at for the recogniser."""
    scale = RECOGNITION_DPI / 72
    return min(scale, MAX_SIDE / max(width_pt, height_pt, 1.0))


def ocr_page(picture: Image.Image, points_per_pixel: float) -> OcrPage:
    """Recognise one page bitmap (any mode); `points_per_pixel` maps its pixels to page points."""
    gray = prepare.remove_colour(picture)
    first = 90 if _sideways(gray) else 0
    best: OcrPage | None = None
    for turn in (first, first + 180):
        page = _read_turned(gray, turn, points_per_pixel)
        if best is None or page.confidence > best.confidence:
            best = page
        if best.confidence >= UPSIDE_DOWN_SUSPECT or not best.lines:
            break
    assert best is not None
    return best


def _sideways(gray: Image.Image) -> bool:
    """Whether the page's text lines run up and down: the detector, run on a small copy, finds
    more tall line boxes than wide ones (a grid of Chinese characters looks alike both ways to a
    projection profile; to the detector a line is a line)."""
    scale = ORIENTATION_SIDE / max(gray.width, gray.height)
    small = gray.resize((max(1, round(gray.width * scale)), max(1, round(gray.height * scale))),
                        Image.Resampling.BOX) if scale < 1 else gray
    boxes, _ = _engine().text_det(np.stack([np.asarray(small)] * 3, axis=-1))
    wide = tall = 0.0
    for quad in boxes if boxes is not None else []:
        width = float(np.hypot(*(quad[1] - quad[0])))
        height = float(np.hypot(*(quad[3] - quad[0])))
        if width > 1.5 * height:
            wide += width * height
        elif height > 1.5 * width:
            tall += width * height
    return tall > wide


def _read_turned(gray: Image.Image, turn: int, points_per_pixel: float) -> OcrPage:
    turned = prepare.apply(gray, prepare.Upright(rotation=turn % 360))
    skew = prepare.find_skew(turned)
    upright = prepare.Upright(rotation=turn % 360, skew=skew)
    level = prepare.apply(turned, prepare.Upright(skew=skew))
    lines = _recognise(level, points_per_pixel)
    segments = ruling.ruling_segments(np.asarray(level), points_per_pixel)
    return OcrPage(width=level.width * points_per_pixel, height=level.height * points_per_pixel,
                   lines=lines, segments=segments, upright=upright)


def _recognise(gray: Image.Image, points_per_pixel: float) -> list[list[OcrChar]]:
    """The recognised lines of an upright grayscale page, top to bottom, each left to right."""
    bitmap = np.stack([np.asarray(gray)] * 3, axis=-1)
    found, _ = _engine()(bitmap, use_cls=False, return_word_box=True)
    lines = [_line(item, points_per_pixel) for item in found or []]
    lines = [line for line in lines if line]
    lines.sort(key=lambda line: ((line[0].top + line[0].bottom) / 2, line[0].x0))
    return lines


def _line(item: list[Any], k: float) -> list[OcrChar]:
    """One recogniser result (box, text, score, word boxes, words, word scores) → characters."""
    box, text, score = item[0], str(item[1]), float(item[2])
    xs = [p[0] for p in box]
    ys = [p[1] for p in box]
    top, bottom = min(ys) * k, max(ys) * k
    words: list[str] = list(item[4]) if len(item) > 5 else []
    if words and "".join(words) == "".join(text.split()):
        out: list[OcrChar] = []
        for word, quad, conf in zip(words, item[3], item[5], strict=False):
            x0 = min(p[0] for p in quad) * k
            x1 = max(p[0] for p in quad) * k
            if out and word.isascii() and out[-1].char.isascii() and _spaced(text, out, word):
                out.append(OcrChar(" ", out[-1].x1, top, out[-1].x1, bottom, float(conf)))
            out.extend(_spread(word, x0, x1, top, bottom, float(conf)))
        return out
    # no usable word boxes: the characters share the line's width
    return _spread(text, min(xs) * k, max(xs) * k, top, bottom, score)


def _spaced(text: str, before: list[OcrChar], word: str) -> bool:
    """Whether the recognised text has a space between what came before and `word`."""
    done = "".join(c.char for c in before).replace(" ", "")
    position, seen = 0, 0
    for position, char in enumerate(text):  # noqa: B007 - position is read after the loop
        if not char.isspace():
            seen += 1
        if seen == len(done):
            break
    rest = text[position + 1:]
    return rest.startswith(" ") and rest.strip().startswith(word)


def _spread(text: str, x0: float, x1: float, top: float, bottom: float, conf: float) -> list[OcrChar]:
    """Characters of `text` laid evenly over [x0, x1]."""
    if not text:
        return []
    step = (x1 - x0) / len(text)
    return [OcrChar(char, x0 + i * step, top, x0 + (i + 1) * step, bottom, conf) for i, char in enumerate(text)]
