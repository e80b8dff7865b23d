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
import itertools
import math
import statistics
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PIL import Image

from reportparse.ocr import prepare, repair, ruling

#: Below this mean line confidence the page may be upside down: the opposite turn is tried too.
UPSIDE_DOWN_SUSPECT = 0.85
#: A character read at least this surely counts towards a turn's claim to be the page's way up.
SURE_CHARACTER = 0.9
#: The recogniser reads text best when the page is rendered at about this many pixels per inch.
RECOGNITION_DPI = 150
#: ... and never larger than this on its long side (the detector's own limit is 2000).
MAX_SIDE = 2000
#: The detector finds text lines on a copy of the page at most this long (pixels): a line of body
#: text is still ~10 px high there, and the detector's cost falls with the square of the side. The
#: recogniser then reads each line from the full-resolution page.
DETECTION_SIDE = 1024
#: A line with a character the recogniser is less sure of than this is read a second time, from
#: differently prepared copies of its crop (see `_reread`).
REREAD_BELOW = 0.8
#: When line boxes standing on end cover more than this share of the lying ones' area, the page
#: is also looked at turned a quarter (an upright page's is ~0; a page on its side has lying boxes
#: too, from stacks of short lines in narrow cells, so the share alone cannot tell).
SIDEWAYS_SUSPECT = 0.05
#: A vertical rule cuts a line box when it runs through more than this share of the box's height,
#: at least `CUT_MARGIN` box heights in from either end; pieces narrower than `MIN_PIECE` heights are
#: only the rule's own ink.
RULE_THROUGH = 0.6
CUT_MARGIN = 0.3
MIN_PIECE = 0.4
RULE_INSET = 0.12
#: A horizontal run inside the middle of a text line box (leaving out this share of its height at
#: the top and bottom) along more than `TEXT_COVER` of its length is print, not a rule.
TEXT_CORE = 0.2
TEXT_COVER = 0.5
#: The recogniser's input width (pixels at its 48-pixel line height) that a line is padded to (its
#: default): the width it reads best at. Padding every line to a narrower floor (192) read the corpus
#: scans' characters as well on the whole, but lost the whole indicator table of the Tangxi acceptance
#: form's 长图 (9/9 → 0/9): a line padded to little more than its own text loses its last or first
#: character now and then, with full confidence ('一级指标' → '级指标', '带宽不：' → '带宽不').
REC_INPUT_WIDTH = 320
#: A line box with less ink left than this share of the pen stroke taken out of it is the stroke's trace
#: (measured: 0.03-0.06 for such traces, 0.5 and more for rows of print a signature crosses).
SCRIBBLE_INK = 0.2
#: Most lines of a form are short cells (half are under 112 px at 48 high), and the recogniser's cost
#: grows with the padded width. So a line narrower than REC_INPUT_WIDTH is first read padded to its
#: own width plus `NARROW_MARGIN` px (at least `NARROW_FLOOR`): without that margin past its last
#: character the last one was lost now and then. A narrow reading is kept when the recogniser is sure
#: of every character in it (`SURE_NARROW`) and of every character it left out: a narrow reading
#: can drop a faint first character with full confidence in the rest ('0次' → '次', '一级指标' →
#: '级指标'), and the column where it was then still gives a character more than `SKIPPED_UNSURE`
#: of its probability (0.47-0.75 where one was dropped; under 0.05 in 95% of the kept readings).
#: Otherwise the line is read again at REC_INPUT_WIDTH, as if never read narrow. Measured on 1,515
#: narrow lines of eleven scans and photos (among them the Tangxi and Tianchang forms' 长图 and photos,
#: the seed's scan, hf04's photo): every kept narrow reading says what the full-width reading says.
NARROW_MARGIN = 16
NARROW_FLOOR = 96
SURE_NARROW = 0.95
SKIPPED_UNSURE = 0.1
#: A line read with less confidence than this is dropped (noise, a seal's ring, a rule's edge).
MIN_LINE_SCORE = 0.5
#: A figure read through a seal (its ink divided out, see `_recognise`) is taken only this surely.
SURE_THROUGH_SEAL = 0.8
#: The recogniser's line height (pixels): every crop is scaled to it.
MODEL_HEIGHT = 48


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

    # One onnxruntime thread per call: pages are recognised in parallel instead (`ocr.pool`), and
    # onnxruntime's own worker threads spin while they wait, which burns a shared machine's cores.
    # One line per recogniser call (`rec_batch_num`): a batch is padded to its widest line, and the
    # lines of a page differ in width by tens of times (measured: batches of 6 cost ~15% more CPU).
    # Each line is padded to at least the recogniser's input width (`rec_img_shape`) when it is read
    # through `text_rec`; a short line is first read narrower (`_read_line`, see NARROW_MARGIN).
    engine = RapidOCR(print_verbose=False, intra_op_num_threads=1, inter_op_num_threads=1,
                      rec_batch_num=1, rec_img_shape=[3, MODEL_HEIGHT, REC_INPUT_WIDTH])
    return engine


def recognition_scale(width_pt: float, height_pt: float) -> float:
    """Pixels per point to render a page of this size at for the recogniser."""
    scale = RECOGNITION_DPI / 72
    return min(scale, MAX_SIDE / max(width_pt, height_pt, 1.0))


def ocr_page(picture: Image.Image, points_per_pixel: float) -> OcrPage:
    """Recognise one page bitmap (any mode); `points_per_pixel` maps its pixels to page points.

    The page is read as it comes, or turned a quarter when the detector finds its text lines
    standing on end more often that way; when the recogniser is unsure of it, it is read turned a
    half, then a quarter either way, until a reading is sure, and the surest reading kept."""
    page = prepare.without_colour(picture)
    view = _View.of(page, 0)
    if view.standing() > SIDEWAYS_SUSPECT:  # some lines stand on end: is the page lying on its side?
        turned = _View.of(page, 90)
        if turned.standing() < view.standing():
            view = turned
    best = view.read(points_per_pixel)
    # unsure of the page: the other turns, half first (a short page's few lines can hide which
    # way it lies from the detector), until one reads surely; the surest reading is kept
    for turn in (180, 90, 270):
        if not view.boxes or _sureness(best) >= UPSIDE_DOWN_SUSPECT:
            break
        other = _View.of(page, view.turn + turn).read(points_per_pixel)
        if _sureness(other) > _sureness(best) and _sure_characters(other) > _sure_characters(best):
            best = other
    return best


def _sure_characters(page: OcrPage) -> int:
    """How many characters a reading is sure of. A turn must read more of them to be taken: a strip
    with a word or two reads it as surely on its side, and an unsure scrap beside the word (a
    signature's trace) lowers the upright reading's mean without making the side any truer."""
    return sum(c.confidence >= SURE_CHARACTER for line in page.lines for c in line)


def _sureness(page: OcrPage) -> float:
    """How sure a reading is of the page's way up: its mean confidence, and none at all when no line
    read well enough to keep (a short page lying on its side, each of its few lines dropped)."""
    return page.confidence if page.lines else 0.0


#: Where ink was taken out of a page (True), the page it was taken out of otherwise, and whether
#: only figures are read from that page.
_Other = tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], bool]


@dataclass
class _View:
    """The page turned by `turn` degrees and deskewed, with the text line boxes the detector found;
    where pen strokes were taken out, `strokes` (True on them); and the `others`: for the pen strokes
    and for a seal, the mask of where the ink was (True) with the page that ink was taken out of
    otherwise (`prepare.Cleaned`'s `through_pen` and `through_seal`), turned and deskewed alike, and
    whether only figures are read from that page (the seal's: see `_recognise`)."""

    turn: int
    skew: float
    level: Image.Image
    bitmap: np.ndarray[Any, Any]
    boxes: list[Any]
    strokes: np.ndarray[Any, Any] | None = None
    others: list[_Other] = field(default_factory=list)

    @classmethod
    def of(cls, page: prepare.Cleaned | Image.Image, turn: int) -> _View:
        page = page if isinstance(page, prepare.Cleaned) else prepare.Cleaned(page)
        turned = prepare.apply(page.gray, prepare.Upright(rotation=turn % 360))
        skew = prepare.find_skew(turned)
        upright = prepare.Upright(rotation=turn % 360, skew=skew)
        level = prepare.apply(turned, prepare.Upright(skew=skew))
        bitmap = np.stack([np.asarray(level)] * 3, axis=-1)
        boxes = _detect(bitmap)
        others = [(np.asarray(prepare.apply(mask, upright)) < 128,
                   np.stack([np.asarray(prepare.apply(other, upright))] * 3, axis=-1), figures)
                  for mask, other, figures in ((page.pen, page.through_pen, False),
                                               (page.seal, page.through_seal, True))
                  if mask is not None and other is not None]
        if page.pen is None:
            return cls(turn % 360, skew, level, bitmap, boxes, None, others)
        strokes = np.asarray(prepare.apply(page.pen, upright)) < 128
        boxes = [box for box in boxes if not _scribble(box, strokes, bitmap[..., 0])]
        return cls(turn % 360, skew, level, bitmap, boxes, strokes, others)

    def standing(self) -> float:
        """The area of line boxes standing on end over that of lying ones: near 0 on an upright
        page (a vertical header is the exception), large on a page lying on its side. A grid of
        narrow cells, each a stack of two-character lines, can look lying either way, so only
        the comparison of the two turns decides."""
        lying = standing = 0.0
        for quad in self.boxes:
            width = float(np.hypot(*(quad[1] - quad[0])))
            height = float(np.hypot(*(quad[3] - quad[0])))
            if width > 1.5 * height:
                lying += width * height
            elif height > 1.5 * width:
                standing += width * height
        return standing / max(lying, 1.0)

    def read(self, points_per_pixel: float) -> OcrPage:
        rules = _not_text(ruling.ruling_segments(np.asarray(self.level), 1.0), self.boxes)  # in pixels
        lines = _recognise(self.bitmap, _cut_at_rules(self.boxes, rules), points_per_pixel, self.others)
        segments = [(x0 * points_per_pixel, top * points_per_pixel, x1 * points_per_pixel, bottom * points_per_pixel)
                    for x0, top, x1, bottom in rules]
        return OcrPage(width=self.level.width * points_per_pixel, height=self.level.height * points_per_pixel,
                       lines=lines, segments=segments, upright=prepare.Upright(rotation=self.turn, skew=self.skew))


def _detect(bitmap: np.ndarray[Any, Any]) -> list[Any]:
    """The text line boxes (4 corner points each, in pixels of `bitmap`), found on a smaller copy."""
    import cv2

    height, width = bitmap.shape[:2]
    scale = min(1.0, DETECTION_SIDE / max(height, width))
    small = bitmap if scale >= 1 else cv2.resize(bitmap, (max(1, round(width * scale)), max(1, round(height * scale))),
                                                 interpolation=cv2.INTER_AREA)
    boxes, _ = _engine().text_det(small)
    if boxes is None or not len(boxes):
        return []
    factor = np.array([width / small.shape[1], height / small.shape[0]], dtype=np.float32)
    return [np.asarray(box, dtype=np.float32) * factor for box in boxes]


def _scribble(box: Any, strokes: np.ndarray[Any, Any], level: np.ndarray[Any, Any]) -> bool:
    """Whether a line box holds a pen stroke and little print: the grey trace a signature on blank
    paper leaves once taken out, which the detector still finds and the recogniser reads as letters
    (MMn). A row of print a stroke crosses keeps far more ink than the stroke had."""
    x0, x1 = max(0, int(box[:, 0].min())), int(box[:, 0].max()) + 1
    y0, y1 = max(0, int(box[:, 1].min())), int(box[:, 1].max()) + 1
    stroke = int(strokes[y0:y1, x0:x1].sum())
    if not stroke:
        return False
    return int((level[y0:y1, x0:x1] < prepare.INK_LEVEL).sum()) < SCRIBBLE_INK * stroke


def _surer(other: Any, first: Any) -> bool:
    """Whether a second reading of a line is to be taken over the first: surer on the whole, and
    without fewer characters. Under a stroke the recogniser drops a spoiled character as readily
    as it misreads one, and a reading that left one out is no less sure for it ('以上' → '以',
    0.87 → 0.92; '培训企业人员人次' → '培企业人员人次', 0.85 → 0.87)."""
    return bool(other[0]) and float(other[1]) > float(first[1]) and len(other[0].replace(" ", "")) >= len(
        first[0].replace(" ", ""))


def _crossed(box: Any, strokes: np.ndarray[Any, Any]) -> bool:
    """Whether ink (a pen stroke, a seal) was taken out of a line box."""
    x0, x1 = max(0, int(box[:, 0].min())), int(box[:, 0].max()) + 1
    y0, y1 = max(0, int(box[:, 1].min())), int(box[:, 1].max()) + 1
    return bool(strokes[y0:y1, x0:x1].any())


def _not_text(rules: list[ruling.Segment], boxes: list[Any]) -> list[ruling.Segment]:
    """The rules without the horizontal runs that are a line of text: a row of bold characters is a
    long run of ink too, and taken for a rule it splits a table row in two. Such a run lies in the
    middle of a text line box, along most of its own length; a ruled line runs between text lines."""
    bands = [(float(b[:, 0].min()), float(b[:, 0].max()), float(b[:, 1].min()), float(b[:, 1].max())) for b in boxes]
    out = []
    for rule in rules:
        x0, y, x1, y1 = rule
        if y == y1 and any(top + TEXT_CORE * (bottom - top) < y < bottom - TEXT_CORE * (bottom - top)
                           and min(x1, right) - max(x0, left) > TEXT_COVER * (x1 - x0)
                           for left, right, top, bottom in bands):
            continue
        out.append(rule)
    return out


def _cut_at_rules(boxes: list[Any], rules: list[ruling.Segment]) -> list[Any]:
    """Line boxes cut where a table's vertical rule crosses them. The detector, working on a small
    copy, joins the texts of neighbouring cells into one line when the gap between them is narrow
    (`8` and `8` in the 分值 and 得分 columns read as `88`); the rule between the cells says where
    one ends. A rule crosses a box when it runs through most of the box's height."""
    verticals = [(x0, top, bottom) for x0, top, x1, bottom in rules if x0 == x1]
    out: list[Any] = []
    for box in boxes:
        left, right = float(box[:, 0].min()), float(box[:, 0].max())
        top, bottom = float(box[:, 1].min()), float(box[:, 1].max())
        height = bottom - top
        cuts = sorted(x for x, y0, y1 in verticals
                      if left + CUT_MARGIN * height < x < right - CUT_MARGIN * height
                      and min(y1, bottom) - max(y0, top) > RULE_THROUGH * height)
        if not cuts or _slanted(box):
            out.append(box)
            continue
        inset = RULE_INSET * height  # the rule's own ink stays out of the pieces (it reads as 1 or |)
        edges = [left, *cuts, right]
        for k, (x0, x1) in enumerate(itertools.pairwise(edges)):
            x0, x1 = x0 + (inset if k else 0.0), x1 - (inset if k < len(cuts) else 0.0)
            if x1 - x0 >= MIN_PIECE * height:
                out.append(np.array([[x0, top], [x1, top], [x1, bottom], [x0, bottom]], dtype=np.float32))
    return out


def _slanted(box: Any) -> bool:
    """Whether a box is not level (a rotated line, which a vertical cut would spoil)."""
    return abs(float(box[1][1] - box[0][1])) > 0.25 * abs(float(box[3][1] - box[0][1]))


def _recognise(bitmap: np.ndarray[Any, Any], boxes: list[Any], points_per_pixel: float,
               others: list[_Other] | None = None) -> list[list[OcrChar]]:
    """The recognised lines in `boxes` of an upright page, top to bottom, each left to right. A line
    a pen stroke or a seal crosses (`others`: where that ink was, and the page it was taken out of
    otherwise) is read from `bitmap` and from that page too, and the surer reading kept: a pen
    stroke filled in and lifted through the blue channel, a seal lifted and divided out. With the
    seal divided out, the traces of its ring, star and lettering read as characters too, and print
    under the ring comes back no more than about as dark as it: measured on the scans, a figure
    under a ring (10 read as B) came back, and words there were read anew no better ('完发' →
    '宠城'), nor a figure the ring's edge had spoiled (10 as 40, its 4 at 0.56). So a reading
    through a seal is taken only where it reads figures, each at least `SURE_THROUGH_SEAL` (with
    the unsure look-alikes `repair` reads as figures), each from whichever reading is surer of it."""
    if not boxes:
        return []
    engine = _engine()
    crops = engine.get_crop_img_list(bitmap, boxes)
    read = [_reread(crop, _read_line(crop)) for crop in crops]
    for where, page, figures in others or []:  # (a sure reading is not read through a seal again)
        crossed = [k for k, box in enumerate(boxes)
                   if _crossed(box, where) and not (figures and _least_sure(read[k]) >= SURE_THROUGH_SEAL)]
        for k, crop in zip(crossed, engine.get_crop_img_list(page, [boxes[k] for k in crossed]) if crossed else [],
                           strict=True):
            other = _reread(crop, _read_line(crop))
            if figures and not repair.reads_as_figures(other[0], _scores(other), SURE_THROUGH_SEAL):
                continue
            if figures:
                other = _merged(other, [read[k]])
            if _surer(other, read[k]):
                crops[k], read[k] = crop, other
    found = engine.cal_rec_boxes(crops, boxes, read)
    lines = []
    for box, (text, score, word_boxes, words, scores) in zip(boxes, found, strict=True):
        if score >= MIN_LINE_SCORE:
            line = _line([box, text, score, word_boxes, words, scores], points_per_pixel)
            if line:
                lines.append(repair.repair_line(line))
    lines.sort(key=lambda line: ((line[0].top + line[0].bottom) / 2, line[0].x0))
    return lines


def _read_line(crop: np.ndarray[Any, Any]) -> Any:
    """The recogniser's reading of one line crop (text, score, character info), read narrow first
    when the line is short (see `NARROW_MARGIN`)."""
    engine = _engine()
    height, width = crop.shape[:2]
    own = math.ceil(MODEL_HEIGHT * width / max(height, 1))
    if own + NARROW_MARGIN < REC_INPUT_WIDTH:
        narrow, skipped = _read_padded(crop, max(NARROW_FLOOR, own + NARROW_MARGIN))
        if narrow[0] and _least_sure(narrow) >= SURE_NARROW and skipped <= SKIPPED_UNSURE:
            return narrow
    read, _ = engine.text_rec([crop], True)
    return read[0]


def _read_padded(crop: np.ndarray[Any, Any], padded_width: int) -> tuple[Any, float]:
    """One line crop read padded to `padded_width` pixels (at the model's height) rather than to the
    engine's configured input width: the recogniser's own resize, model run and decoding (those of
    `text_rec`, which pads every line of a call to one width). With the reading, how unsure it is
    of what it left out: the most probability a column read as a gap gave to some character."""
    recogniser = _engine().text_rec
    height, width = crop.shape[:2]
    ratio = padded_width / MODEL_HEIGHT
    batch = recogniser.resize_norm_img(crop, ratio)[np.newaxis].astype(np.float32)
    scores = recogniser.session(batch)[0]
    read = recogniser.postprocess_op(scores, True, wh_ratio_list=[width / max(height, 1)], max_wh_ratio=ratio)[0]
    columns = scores[0]
    gaps = columns.argmax(axis=1) == 0  # the CTC blank, between and around characters
    skipped = float((1.0 - columns[gaps, 0]).max()) if gaps.any() else 0.0
    return read, skipped


def _scores(read: Any) -> list[float]:
    """A reading's character confidences."""
    info = read[2]
    return [float(v) for v in info[4]] if len(info) > 4 else []


def _least_sure(read: Any) -> float:
    """The lowest character confidence of a reading (0 when it gives none)."""
    info = read[2]
    scores = list(info[4]) if len(info) > 4 else []
    return float(min(scores)) if scores else 0.0


def _reread(crop: np.ndarray[Any, Any], first: Any) -> Any:
    """A line the recogniser was unsure of, read again from a copy of its crop with ink and paper
    pushed apart: where that reading has as many characters as the first, each character is taken
    from whichever reading is surest of it. A reading that gains or loses characters is not used
    (the character boxes come from the first reading). A copy twice the size was read too until
    the recogniser was seen to scale every crop to its 48-px line height first: it cost 0.45 CPU s
    a page of the 40 corpus scan pages and, left out, their character accuracy rose (0.97309 →
    0.97315)."""
    text, _, info = first
    scores = list(info[4]) if len(info) > 4 else []
    if not text or not scores or min(scores) >= REREAD_BELOW:
        return first
    gray = crop[..., 0]
    contrast = np.stack([np.where(gray < np.percentile(gray, 35) + 25, 0, 255).astype(np.uint8)] * 3, axis=-1)
    others, _ = _engine().text_rec([contrast], True)
    return _merged(first, others)


def _merged(first: Any, others: list[Any]) -> Any:
    """`first` with each character taken from whichever reading of the same line is surest of it,
    among the `others` that read as many characters (the character boxes come from `first`)."""
    text, _, info = first
    scores = list(info[4]) if len(info) > 4 else []
    chars, best = list(text), list(scores)
    if len(scores) != len(chars):
        return first
    for other_text, _, other_info in others:
        other_scores = list(other_info[4]) if len(other_info) > 4 else []
        if len(other_text) != len(text) or len(other_scores) != len(other_text):
            continue
        for i, (char, score) in enumerate(zip(other_text, other_scores, strict=True)):
            if score > best[i] and char != " " and chars[i] != " ":
                chars[i], best[i] = char, score
    if chars == list(text):
        return first
    # the word grouping (for the character boxes) holds the same characters, spaces left out
    replaced = iter(c for c in chars if c != " ")
    info = list(info)
    info[1] = [[next(replaced) for _ in word] for word in info[1]]
    info[4] = best
    return ("".join(chars), float(np.mean(best)), info)


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
