"""A scanned page made ready for the recogniser: seals and signatures taken out, turned upright, deskewed.

Everything here is numpy and Pillow on one page bitmap; nothing reads or writes files.

- Colour: official seals are red and signatures usually blue; printed text is black. Where a page
  is red (a seal, found by its red over a small neighbourhood, since a JPEG keeps colour only at
  half resolution and smears it), red ink is made as light as paper and print under it kept dark.
  Elsewhere pixels whose colour is clearly saturated are faded towards white. So a seal stamped
  over an amount does not turn 12.5 into a ring of noise. Blue is faded pixel by pixel (headings
  are often printed in blue), except along a pen stroke: one run of blue ink far larger than a
  character (a signature across a row of a table), which is taken away as a seal is.
- Under ink, the colour of a JPEG is not the print's: the JPEG keeps brightness at full resolution
  but colour at half, so the black print under a seal's ring takes the ring's colour and comes out
  bright in the red channel. Its brightness still tells it apart: print under ink is far darker
  than the ink alone. So under a seal or a signature a pixel is kept as dark as the darker of its
  reading in the ink's own channel and its brightness measured against the ink's brightness.
- Orientation (a right-angle turn) is decided by the recogniser's detector (`recognise`); this
  module only applies it.
- Skew: the angle in ±`MAX_SKEW` degrees whose rotation makes the row profile spikiest
  (the projection-profile method), searched coarse to fine on a small copy of the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

#: A pixel whose strongest channel exceeds its weakest by this much is colour (seal, signature), not print.
COLOUR_MARGIN = 60
#: A coloured pixel whose brightest channel is at least this is ink on paper, faded away.
COLOUR_PAPER = 140
#: How much of a coloured pixel's darkness (in its brightest channel) is kept.
COLOUR_FADE = 0.3
#: Red over the larger of green and blue, averaged over `RED_REACH` pixels either way, above which a
#: place is under red ink ...
RED_EXCESS = 24
RED_REACH = 3
#: ... where the red channel is stretched so that seal ink (this red level on a scan, and lighter)
#: becomes white.
SEAL_RED = 175
#: Red over the larger of green and blue (blue over the larger of red and green) of a pixel that is
#: surely ink of that colour: the ink's own brightness is measured on these.
SURE_INK = 80
#: Measured against the ink's brightness, a pixel this much as bright or brighter is the ink alone (made
#: paper-white), and one this much as bright or darker is print under it (made black); between, grey.
#: Measured on the scans: seal ink is ~80 bright (55-105), print under it 20-40.
INK_ALONE = 0.75
PRINT_UNDER = 0.3
#: Blue over the larger of red and green above which a pixel is pen ink, and the size (share of the
#: page's width and height) above which a connected run of it is a pen stroke, not printed blue type.
PEN_EXCESS = 20
PEN_SPAN = 0.05
PEN_HEIGHT = 0.01
#: Breaks in a stroke up to this many pixels (less one) are closed before its size is judged.
PEN_BREAK = 5
#: A run of pen ink filling more than this share of its box is a blue area (a filled cell), not a stroke.
PEN_FILL = 0.25
#: Darker than this (0-255) counts as ink.
INK_LEVEL = 150
#: Skew is searched within ± this many degrees (a scan placed crookedly on the glass).
MAX_SKEW = 6.0
#: The skew search works on a copy of the page this many pixels wide.
PROFILE_WIDTH = 700


@dataclass(frozen=True)
class Upright:
    """How a page bitmap was corrected: first turned by `rotation` degrees (counter-clockwise, a
    right angle), then rotated by `skew` degrees (counter-clockwise) about its centre."""

    rotation: int = 0
    skew: float = 0.0


def remove_colour(picture: Image.Image) -> Image.Image:
    """The page in grayscale with red seals, saturated (blue) ink and pen strokes faded to near white."""
    return without_colour(picture)[0]


def without_colour(picture: Image.Image) -> tuple[Image.Image, Image.Image]:
    """The page in grayscale with red seals and saturated (blue) ink faded to near white: to read,
    with pen strokes taken away too; and to find rules in, with them kept (a signature scribbled
    along a table's rule takes the rule with it; as ink it only adds to the rule).

    Under red ink the page is taken from its red channel: seal ink is light in it, while black
    print under a seal (ink multiplies, so it stays dark) keeps its darkness. Elsewhere a clearly
    coloured pixel is replaced by its brightest channel, lifted further towards white when that
    is light (ink on paper) and kept when it is dark (print under the ink, or a black rule into
    which the JPEG's coarse colour bleeds).
    """
    from PIL import ImageFilter

    if picture.mode in ("L", "1"):
        return picture.convert("L"), picture.convert("L")
    rgb = np.asarray(picture.convert("RGB"), dtype=np.int32)
    gray = np.asarray(picture.convert("L")).astype(np.int32)
    brightest = rgb.max(axis=2)
    spread = brightest - rgb.min(axis=2)
    excess = (rgb[..., 0] - np.maximum(rgb[..., 1], rgb[..., 2])).clip(0, 255).astype(np.uint8)
    red = np.asarray(Image.fromarray(excess, mode="L").filter(ImageFilter.BoxBlur(RED_REACH))) > RED_EXCESS
    red &= rgb[..., 2] - rgb[..., 0] <= COLOUR_MARGIN  # blue ink beside a seal is not under it
    out = gray.copy()
    out[red] = _lift_ink(gray, rgb[..., 0] * 255 // SEAL_RED, red, excess.astype(np.int32) > SURE_INK)
    coloured = ~red & (spread > COLOUR_MARGIN)
    faded = coloured & (brightest >= COLOUR_PAPER)
    out[faded] = 255 - ((255 - brightest[faded]) * COLOUR_FADE).astype(np.int32)
    under = coloured & (brightest < COLOUR_PAPER)
    out[under] = brightest[under]
    blue_excess = rgb[..., 2] - np.maximum(rgb[..., 0], rgb[..., 1])
    ruled = Image.fromarray(out.clip(0, 255).astype(np.uint8), mode="L")
    pen = _pen_strokes(blue_excess > PEN_EXCESS) & ~red
    if not pen.any():
        return ruled, ruled
    sure_blue = pen & (blue_excess > SURE_INK)
    blue_level = float(np.median(rgb[..., 2][sure_blue])) if sure_blue.any() else 255.0
    out[pen] = _lift_ink(gray, rgb[..., 2] * 255 // max(1, round(blue_level)), pen, sure_blue)
    return Image.fromarray(out.clip(0, 255).astype(np.uint8), mode="L"), ruled


def _lift_ink(gray: np.ndarray[Any, Any], channel: np.ndarray[Any, Any], where: np.ndarray[Any, Any],
              sure: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The pixels `where` coloured ink lies, lifted to paper unless print lies under the ink: the
    darker of their reading in the ink's channel (`channel`, already stretched) and their brightness
    measured against the ink's (the brightness of the `sure` ink pixels)."""
    sure_gray = gray[sure & where]
    lifted = channel[where]
    if sure_gray.size >= 50:
        level = float(np.median(sure_gray))
        dark, light = PRINT_UNDER * level, INK_ALONE * level
        lifted = np.minimum(lifted, (gray[where] - dark) * 255 / max(light - dark, 1.0))
    return np.minimum(255, lifted).clip(0, None).astype(np.int32)


def _pen_strokes(blue: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The pixels of pen strokes: connected runs of blue far wider and taller than a character and
    thin for their box (a scribble), a few pixels widened for the JPEG's smear around them."""
    import cv2

    height, width = blue.shape
    # a stroke crossing print is broken where the print's black hides its colour: closed first
    joined = cv2.dilate(blue.astype(np.uint8), np.ones((PEN_BREAK, PEN_BREAK), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    inked = np.bincount(labels[blue], minlength=count)
    keep = np.zeros(count, dtype=bool)
    for label in range(1, count):
        x, y, w, h, _ = stats[label]
        keep[label] = w >= PEN_SPAN * width and h >= PEN_HEIGHT * height and inked[label] <= PEN_FILL * w * h
    if not keep.any():
        return np.zeros_like(blue)
    strokes = keep[labels].astype(np.uint8)
    return cv2.dilate(strokes, np.ones((3, 3), np.uint8)).astype(bool)


def ink(gray: Image.Image) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """The ink mask of a grayscale page."""
    return np.asarray(gray) < INK_LEVEL


def _spikiness(mask: np.ndarray[Any, Any], axis: int) -> float:
    """How strongly the ink concentrates in lines along `axis` (variance of the profile's steps)."""
    profile = mask.sum(axis=axis).astype(np.float64)
    return float(np.square(np.diff(profile)).sum())


def _small(gray: Image.Image) -> Image.Image:
    scale = PROFILE_WIDTH / max(gray.width, gray.height)
    if scale >= 1:
        return gray
    return gray.resize((max(1, round(gray.width * scale)), max(1, round(gray.height * scale))), Image.Resampling.BOX)


def _rotated(gray: Image.Image, degrees: float) -> Image.Image:
    if not degrees:
        return gray
    return gray.rotate(degrees, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255)


def find_skew(gray: Image.Image) -> float:
    """The rotation (degrees, counter-clockwise) that levels the page's text lines; 0 for a page
    with too little text to tell."""
    small = _small(gray)
    if ink(small).sum() < 200:
        return 0.0

    def score(angle: float) -> float:
        return _spikiness(ink(_rotated(small, angle)), 1)

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=lambda a: score(float(a)))
    fine = max(np.arange(best - 0.5, best + 0.51, 0.1), key=lambda a: score(float(a)))
    angle = round(float(fine), 1)
    return 0.0 if abs(angle) < 0.15 else angle


def apply(gray: Image.Image, upright: Upright) -> Image.Image:
    """The page turned and deskewed as `upright` says (white where the rotation uncovers the canvas)."""
    turned = gray
    if upright.rotation:
        turned = gray.transpose({90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
                                 270: Image.Transpose.ROTATE_270}[upright.rotation])
    return _rotated(turned, upright.skew)
