"""A scanned page made ready for the recogniser: seals and signatures taken out, turned upright, deskewed.

Everything here is numpy and Pillow on one page bitmap; nothing reads or writes files.

- Colour: official seals are red and signatures usually blue; printed text is black. Where a page
  is red (a seal, found by its red over a small neighbourhood, since a JPEG keeps colour only at
  half resolution and smears it), red ink is made as light as paper and print under it kept dark.
  Elsewhere pixels whose colour is clearly saturated are faded towards white. So a seal stamped
  over an amount does not turn 12.5 into a ring of noise. (Blue is only faded pixel by pixel:
  headings are often printed in blue.)
- A pen stroke (a signature scribbled across a table row) is dark blue ink, too dark to fade, and
  a dark line through a row of characters makes the recogniser lose them. Its pixels, the clearly
  blue ones among those darker than paper, are filled in from around them (inpainting): print the
  stroke crosses is carried on through the gap rather than whitened with it, as whitening does
  where the JPEG gives print beside a stroke the stroke's colour. Print under the stroke is darker
  than the ink alone (inks multiply) and is kept. A page with more blue ink than a few signatures
  (a form printed in blue, a blue-tinted photo) is left as it is.
- Where the page's colour is intact (no coarse JPEG colour), the blue channel parts pen from print
  outright, as the red channel does a seal: pen ink is light in it (its blue is ~160 of 255) and
  print under the ink stays as dark as the print, at every degree of cover, where inpainting cuts
  a gap along each edge of the stroke. Where a JPEG kept colour at half resolution, the blue
  channel misplaces the stroke's edges by a pixel and more, and the inpainted page reads better.
  Neither can be told from the page beforehand, so `without_colour` also gives the page with its
  strokes lifted through the blue channel (`through_pen`), and the recogniser reads a line a
  stroke crosses from both, keeping the surer reading (`recognise`).
- Under a seal, the colour of a JPEG is not the print's: the JPEG keeps brightness at full
  resolution but colour at half, so the black print under a seal's ring takes the ring's colour
  and comes out bright in the red channel. Its brightness still tells it apart: print under the
  seal is far darker than the seal's ink alone. So under a seal a pixel is kept as dark as the
  darker of its red channel and its brightness measured against the seal ink's brightness.
- Where a seal's ring lies over print on a photo (grey paper, grey print), the print under the
  ring is not much darker than the ring's own darker pixels, and lifting the ring takes the print
  with it (a 10 under the ring reads as 1B). Inks multiply: a pixel under seal ink is the print's
  brightness times the ink's transmittance (its brightness over the paper's), by as much as the
  pixel is covered (its red excess over the ink's). So `without_colour` also gives the page with the
  seal's ink divided out of the brightness (`through_seal`): print under the ring comes back at about
  its own darkness, the ring's thin, faint edges (part-covered by the JPEG's coarse colour) stay as
  grey traces. The recogniser reads a line a seal covers from both pages and keeps the surer reading.
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
#: Red over the larger of green and blue of a pixel that is surely seal ink: the ink's own
#: brightness is measured on these.
SURE_INK = 80
#: Fewer sure seal pixels than this do not tell the ink's brightness.
SURE_PIXELS = 50
#: Measured against the seal ink's brightness, a pixel this much as bright or brighter is the ink alone
#: (made paper-white), and one this much as bright or darker is print under it (made black); between,
#: grey. Measured on the scans: seal ink is ~80 bright (55-105), print under it 20-40.
INK_ALONE = 0.6
PRINT_UNDER = 0.2
#: Blue over the larger of red and green above which a pixel darker than paper is pen ink ...
PEN_EXCESS = 20
#: ... unless it is darker than this (print under the stroke: inks multiply, so it stays darker than the ink) ...
PEN_UNDER = 30
#: ... and the pen's pixels are filled in from this many pixels around them.
PEN_FILL_RADIUS = 5
#: More pen ink than this share of the page is no signature (blue print, a blue-tinted photo): left as it is.
PEN_MAX_SHARE = 0.03
#: Blue over the larger of red and green of a pixel that is surely pen ink: the ink's blue level is
#: measured on these (fewer than `SURE_PIXELS` of them: on all the pen's pixels).
SURE_PEN = 60
#: A photo's sheet of paper is looked for on a copy this many pixels long ...
SHEET_SIDE = 800
#: ... as a bright region covering this share of the picture (less: a scrap of paper; more: the
#: picture is all page) ...
SHEET_AREA = (0.3, 0.92)
#: ... whose outline, straightened to within this share of its length, has four corners.
SHEET_SNAP = 0.02
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


@dataclass(frozen=True)
class Cleaned:
    """A page without its colour ink: `gray` (as `remove_colour` makes it); where pen strokes were
    taken out of it, `pen` (a mask: 0 where a stroke was, 255 elsewhere); and `through_pen`, the
    same page with the strokes lifted through the blue channel instead of filled in. Both None
    when the page has no pen stroke. Likewise `seal` (0 under red seal ink) and `through_seal`, the
    page with the seal's ink divided out of the brightness (see the module's notes), None when the
    page has too little seal ink to measure."""

    gray: Image.Image
    pen: Image.Image | None = None
    through_pen: Image.Image | None = None
    seal: Image.Image | None = None
    through_seal: Image.Image | None = None


def remove_colour(picture: Image.Image) -> Image.Image:
    """The page in grayscale with red seals and saturated (blue) ink faded to near white, and pen
    strokes filled in from the print around them."""
    return without_colour(picture).gray


def without_colour(picture: Image.Image) -> Cleaned:
    """The page as `remove_colour` makes it, where pen strokes were taken out of it, and the page
    with the strokes lifted through the blue channel instead (see `Cleaned`).

    Under red ink the page is taken from its red channel, in which seal ink is light while black
    print under a seal (ink multiplies) keeps its darkness, or from its brightness measured against
    the seal ink's, whichever is darker (`_lift_ink`). Elsewhere a clearly
    coloured pixel is replaced by its brightest channel, lifted further towards white when that
    is light (ink on paper) and kept when it is dark (print under the ink, or a black rule into
    which the JPEG's coarse colour bleeds).
    """
    from PIL import ImageFilter

    if picture.mode in ("L", "1"):
        return Cleaned(picture.convert("L"))
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
    pen = (blue_excess > PEN_EXCESS) & (gray >= PEN_UNDER) & (gray < INK_LEVEL) & ~red
    cleaned = out.clip(0, 255).astype(np.uint8)
    seal = _through_seal(gray, excess.astype(np.int32), red)
    if not pen.any() or pen.mean() > PEN_MAX_SHARE:
        return Cleaned(Image.fromarray(cleaned, mode="L"), None, None, *_seal_pages(cleaned, red, seal))
    import cv2

    filled = cv2.inpaint(cleaned, pen.astype(np.uint8), PEN_FILL_RADIUS, cv2.INPAINT_TELEA)
    lifted = cleaned.copy()
    lifted[pen] = _lift_pen(rgb[..., 2], pen, blue_excess > SURE_PEN)
    return Cleaned(Image.fromarray(filled, mode="L"), Image.fromarray(np.where(pen, 0, 255).astype(np.uint8), mode="L"),
                   Image.fromarray(lifted, mode="L"), *_seal_pages(filled, red, seal))


def _through_seal(gray: np.ndarray[Any, Any], excess: np.ndarray[Any, Any],
                  red: np.ndarray[Any, Any]) -> np.ndarray[Any, Any] | None:
    """The brightness of the pixels under seal ink (`red`) with the ink divided out, or None when
    the page has too little sure seal ink to measure it. The ink's transmittance is its brightness
    (the median over the sure ink pixels) over the paper's (the page's median: a page is mostly
    paper); a pixel is covered by as much ink as its red excess is of the sure ink's."""
    sure = red & (excess > SURE_INK)
    if int(sure.sum()) < SURE_PIXELS:
        return None
    level = float(np.median(gray[sure]))
    full = float(np.median(excess[sure]))
    paper = float(np.median(gray))
    if paper <= level:
        return None
    cover = (excess[red] / max(full, 1.0)).clip(0.0, 1.0)
    passed = 1.0 - cover * (1.0 - level / paper)
    return np.minimum(paper, gray[red] / passed).clip(0, 255).astype(np.uint8)


def _seal_pages(page: np.ndarray[Any, Any], red: np.ndarray[Any, Any],
                seal: np.ndarray[Any, Any] | None) -> tuple[Image.Image | None, Image.Image | None]:
    """The seal mask and `page` with the seal's ink divided out instead of lifted (`Cleaned`)."""
    if seal is None:
        return None, None
    through = page.copy()
    through[red] = seal
    return Image.fromarray(np.where(red, 0, 255).astype(np.uint8), mode="L"), Image.fromarray(through, mode="L")


def _lift_pen(blue: np.ndarray[Any, Any], pen: np.ndarray[Any, Any],
              sure: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The `pen` pixels read in the blue channel, stretched so that the pen ink's own blue level
    (the median over the `sure` ink pixels) becomes paper: the ink is gone and print under it keeps
    its darkness, the way `_lift_ink` reads a seal in the red channel."""
    inked = blue[sure & pen]
    level = float(np.median(inked if inked.size >= SURE_PIXELS else blue[pen]))
    return (blue[pen] * 255 / max(level, 1.0)).clip(0, 255).astype(np.uint8)


def _lift_ink(gray: np.ndarray[Any, Any], channel: np.ndarray[Any, Any], where: np.ndarray[Any, Any],
              sure: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The pixels `where` seal ink lies, lifted to paper unless print lies under the ink: the
    darker of their reading in the ink's channel (`channel`, already stretched) and their brightness
    measured against the ink's (the brightness of the `sure` ink pixels)."""
    sure_gray = gray[sure & where]
    if sure_gray.size < SURE_PIXELS:  # too little ink to measure: the channel alone, never darker than the pixel
        return np.maximum(gray[where], np.minimum(255, channel[where])).astype(np.int32)
    level = float(np.median(sure_gray))
    dark, light = PRINT_UNDER * level, INK_ALONE * level
    measured = (gray[where] - dark) * 255 / max(light - dark, 1.0)
    return np.minimum(channel[where], measured).clip(0, 255).astype(np.int32)


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
    mask = ink(small)
    if mask.sum() < 200:
        return 0.0
    scores: dict[float, float] = {}

    def score(angle: float) -> float:  # the fine search revisits three of the coarse angles
        key = round(angle, 2)
        if key not in scores:
            scores[key] = _spikiness(ink(_rotated(small, angle)), 1)
        return scores[key]

    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5)
    best = max(coarse, key=lambda a: score(float(a)))
    if best == 0:
        # Turning the grey copy blurs it at every angle but 0. Where the small copy's strokes are
        # already grey (a fine scan shrunk to it, thin print) the blur takes enough of them above
        # INK_LEVEL that the unturned copy wins for its sharpness alone: 200- and 300-dpi scans'
        # pages skewed 3-5° were left crooked, and their table rules were lost. So a level verdict
        # is checked on the ink found once and its mask turned pixel for pixel (nearest neighbour),
        # which counts the same ink at every angle. (Only then: a page's tenths of a degree decide
        # some readings, and the grey search is kept wherever it leans.)
        marks = Image.fromarray(mask.astype(np.uint8) * 255, mode="L")

        def lean(angle: float) -> float:
            turned = marks.rotate(angle, resample=Image.Resampling.NEAREST, expand=False, fillcolor=0)
            return _spikiness(np.asarray(turned) > 127, 1)

        best = max(coarse, key=lambda a: lean(float(a)))
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


def flatten_photo(picture: Image.Image) -> Image.Image:
    """A photographed page cut out of its surroundings and seen square on: a phone held over a
    desk sees the sheet as a four-sided shape (its far edge shorter) on a darker ground, and a
    table's rules then converge, which no deskew undoes. The sheet is the largest bright
    four-cornered region; it is warped to a rectangle of its longest sides. A picture that is
    all page (a scan, a photo cropped to the sheet) is returned as it is."""
    quad = _sheet(picture)
    if quad is None:
        return picture
    import cv2

    top = float(max(np.hypot(*(quad[1] - quad[0])), np.hypot(*(quad[2] - quad[3]))))
    side = float(max(np.hypot(*(quad[3] - quad[0])), np.hypot(*(quad[2] - quad[1]))))
    size = (max(1, round(top)), max(1, round(side)))
    target = np.array([[0, 0], [size[0] - 1, 0], [size[0] - 1, size[1] - 1], [0, size[1] - 1]], dtype=np.float32)
    warp = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    pixels = np.asarray(picture)
    flat = cv2.warpPerspective(pixels, warp, size, flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)
    return Image.fromarray(flat, mode=picture.mode)


def _sheet(picture: Image.Image) -> np.ndarray[Any, Any] | None:
    """The corners (top-left, top-right, bottom-right, bottom-left; pixels) of the sheet of paper in
    a photo, or None when the picture shows no sheet on a darker ground."""
    import cv2

    gray = np.asarray(picture.convert("L"))
    scale = min(1.0, SHEET_SIDE / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    small = cv2.GaussianBlur(small, (5, 5), 0)
    _, bright = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    largest = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(largest) / (small.shape[0] * small.shape[1])
    if not SHEET_AREA[0] <= area <= SHEET_AREA[1]:
        return None
    corners = cv2.approxPolyDP(largest, SHEET_SNAP * cv2.arcLength(largest, True), True)
    if len(corners) != 4 or not cv2.isContourConvex(corners):
        return None
    points = corners.reshape(4, 2).astype(np.float64) / scale
    total, diff = points.sum(axis=1), np.diff(points, axis=1).ravel()
    ordered = np.array([points[np.argmin(total)], points[np.argmin(diff)], points[np.argmax(total)],
                        points[np.argmax(diff)]])
    return ordered
