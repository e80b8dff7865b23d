"""Ruling lines of a scanned table, found in the page bitmap: long thin runs of ink.

A text PDF hands its table rules over as path objects; a scan has only pixels. A rule is a run of
ink far longer than any character stroke and only a few pixels thick. Runs are found row by row
(and column by column for vertical rules) after closing the small gaps that JPEG noise and a
faint printer leave, and runs on neighbouring rows with the same ends are merged into one
segment. The segments go to the same edge-to-cell code as a text PDF's rules (`pdfedges`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: A rule is at least this long, as a share of the page's side, and at least `MIN_RUN` pixels.
MIN_SHARE = 0.05
MIN_RUN = 60
#: Gaps up to this many pixels inside a rule are closed (noise, a faint print).
GAP = 1
#: Runs thicker than this (pixels) are a filled area (a photo, a smudge), not a rule.
MAX_THICKNESS = 14
#: Rows (columns) are smeared over this many pixels either way first, so a rule left slightly
#: slanted by the deskew (a pixel of drift over a few hundred) stays one run.
SMEAR = 1
#: A rule may be fainter than print (thin lines go grey in a JPEG, and lighter still under a seal):
#: darker than this share of the paper's brightness around it counts. The paper is measured
#: around each place (its brightest in a `PAPER_CELL`-pixel neighbourhood): a photo's paper is grey
#: and lit unevenly.
RULE_SHARE = 0.87
PAPER_CELL = 48
#: Runs on neighbouring rows whose ends differ by at most this many pixels are one rule.
END_SLACK = 6
#: A rule's end within this many pixels of a crossing rule meets it; pieces of one rule lie this close.
ALIGN = 4
#: A rule that stops short of a crossing rule by at most this share of the page's side is carried on to it.
REACH = 0.015
#: Pieces of one rule this many pixels apart or closer are one rule.
JOIN_GAP = 3
#: Two pieces on one line where a facing end stops in the open (at no crossing rule: a printed
#: rule never does) are one rule broken by what lies over it, a seal or a stain, when the gap is at
#: most this share of the page's side (a seal is about a fifth of a page across).
BRIDGE = 0.3

Segment = tuple[float, float, float, float]


def _runs(mask: np.ndarray[Any, Any], min_run: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every horizontal run of True at least `min_run` long."""
    mask = mask.copy()
    source = mask.copy()
    for shift in range(1, SMEAR + 1):
        mask[shift:] |= source[:-shift]
        mask[:-shift] |= source[shift:]
    closed = mask.copy()
    for shift in range(1, GAP + 1):
        closed[:, shift:-shift] |= mask[:, : -2 * shift] & mask[:, 2 * shift:]
    padded = np.zeros((closed.shape[0], closed.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = closed
    steps = np.diff(padded, axis=1)
    starts = np.argwhere(steps == 1)
    ends = np.argwhere(steps == -1)
    lengths = ends[:, 1] - starts[:, 1]
    keep = lengths >= min_run
    return [(int(r), int(s), int(e)) for (r, s), (_, e) in zip(starts[keep], ends[keep], strict=True)]


def _merge(runs: list[tuple[int, int, int]]) -> list[tuple[float, float, float]]:
    """Runs on consecutive rows with matching ends → (position, start, end) of one rule each."""
    open_groups: list[list[tuple[int, int, int]]] = []
    done: list[list[tuple[int, int, int]]] = []
    for run in sorted(runs):
        row, start, end = run
        for group in open_groups:
            last = group[-1]
            if last[0] in (row - 1, row - 2) and abs(last[1] - start) <= END_SLACK \
                    and abs(last[2] - end) <= END_SLACK:
                group.append(run)
                break
        else:
            open_groups.append([run])
        still: list[list[tuple[int, int, int]]] = []
        for group in open_groups:
            (done if group[-1][0] < row - 2 else still).append(group)
        open_groups = still
    done.extend(open_groups)
    out: list[tuple[float, float, float]] = []
    for group in done:
        thickness = group[-1][0] - group[0][0] + 1
        if thickness > MAX_THICKNESS:
            continue
        position = (group[0][0] + group[-1][0]) / 2
        out.append((position, min(r[1] for r in group), max(r[2] for r in group)))
    return out


def _paper(gray: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The paper's brightness around each pixel: the brightest of a coarse grid's neighbourhood."""
    from PIL import Image, ImageFilter

    height, width = gray.shape
    cell = PAPER_CELL // 3
    small = Image.fromarray(np.ascontiguousarray(gray, dtype=np.uint8), mode="L").resize(
        (max(1, width // cell), max(1, height // cell)), Image.Resampling.BOX)
    paper = small.filter(ImageFilter.MaxFilter(3)).resize((width, height), Image.Resampling.BILINEAR)
    return np.asarray(paper, dtype=np.float32)


def ruling_segments(gray: np.ndarray[Any, Any], points_per_pixel: float) -> list[Segment]:
    """Horizontal and vertical rules of a grayscale page as (x0, top, x1, bottom) segments in points."""
    mask = gray < RULE_SHARE * _paper(gray)
    height, width = mask.shape
    across = _merge(_runs(mask, max(MIN_RUN, round(MIN_SHARE * width))))
    down = _merge(_runs(np.ascontiguousarray(mask.T), max(MIN_RUN, round(MIN_SHARE * height))))
    reach = REACH * max(width, height)
    across, down = _bridged(across, down, BRIDGE * width), _bridged(down, across, BRIDGE * height)
    # only vertical rules are carried on: a short horizontal run (a row of dots, an underline) carried
    # on to the table's sides would make a row of its own
    down = _closed(down, across, reach)
    segments: list[Segment] = []
    for y, x0, x1 in across:
        segments.append((x0 * points_per_pixel, y * points_per_pixel, x1 * points_per_pixel, y * points_per_pixel))
    for x, y0, y1 in down:
        segments.append((x * points_per_pixel, y0 * points_per_pixel, x * points_per_pixel, y1 * points_per_pixel))
    return segments


def _bridged(rules: list[tuple[float, float, float]], crossing: list[tuple[float, float, float]],
             longest: float) -> list[tuple[float, float, float]]:
    """Rules (position, start, end) with the pieces of one broken rule joined across the gap.

    A seal stamped over a table lightens the rules under it (its ink is read away with them), so a
    rule comes out in two pieces; without the part under the seal the cells above and below it
    merge. A piece of a printed rule ends where it meets a crossing rule; pieces on one line at most
    `longest` apart, one of whose facing ends meets none, are one rule when the whole runs from a
    crossing rule to a crossing rule. (Where a merged cell interrupts a rule, both pieces end on
    the merged cell's sides.)"""

    def free(position: float, at: float) -> bool:
        return not any(abs(x - at) <= ALIGN and start - ALIGN <= position <= end + ALIGN
                       for x, start, end in crossing)

    lines: list[list[tuple[float, float, float]]] = []
    for rule in sorted(rules):
        if lines and rule[0] - lines[-1][-1][0] <= ALIGN:
            lines[-1].append(rule)
        else:
            lines.append([rule])
    out: list[tuple[float, float, float]] = []
    for line in lines:
        # the runs of one line as disjoint pieces (a thick rule left slanted is found as overlapping runs)
        union: list[tuple[float, float, float]] = []
        for position, start, end in sorted(line, key=lambda r: r[1]):
            if union and start <= union[-1][2] + JOIN_GAP:
                before = union[-1]
                union[-1] = ((before[0] + position) / 2, before[1], max(before[2], end))
            else:
                union.append((position, start, end))
        groups: list[list[tuple[float, float, float]]] = []
        for position, start, end in union:
            last = groups[-1][-1] if groups else None
            if last is not None and 0 < start - last[2] <= longest \
                    and (free(last[0], last[2]) or free(position, start)):
                groups[-1].append((position, start, end))
            else:
                groups.append([(position, start, end)])
        for group in groups:
            position = sum(rule[0] for rule in group) / len(group)
            start, end = group[0][1], max(rule[2] for rule in group)
            # a rule made whole runs from a crossing rule to a crossing rule (a table's sides);
            # bits of a seal's ring or of a scribble lined up by chance do not
            if len(group) > 1 and not free(position, start) and not free(position, end):
                out.append((position, start, end))
            else:
                out.extend(group)
    return out


def _closed(rules: list[tuple[float, float, float]], crossing: list[tuple[float, float, float]],
            reach: float) -> list[tuple[float, float, float]]:
    """Rules (position, start, end) joined and extended to where a table's rules meet.

    A printed rule ends on another rule; one found in a scan may stop short of it (a faint stretch,
    a seal over it, a slant the deskew left) or fall into pieces. Pieces on one line with a gap of
    at most `reach` are joined, and an end that meets no crossing rule is carried on to the nearest
    crossing rule within `reach`; without that, the cell finder merges the cells on either side."""
    lines: list[list[tuple[float, float, float]]] = []  # rules on one line, by position
    for rule in sorted(rules):
        if lines and rule[0] - lines[-1][-1][0] <= ALIGN:
            lines[-1].append(rule)
        else:
            lines.append([rule])
    joined: list[tuple[float, float, float]] = []
    for line in lines:
        pieces: list[tuple[float, float, float]] = []
        for position, start, end in sorted(line, key=lambda r: r[1]):
            if pieces and start - pieces[-1][2] <= JOIN_GAP:
                last = pieces[-1]
                pieces[-1] = ((last[0] + position) / 2, last[1], max(last[2], end))
            else:
                pieces.append((position, start, end))
        joined.extend(pieces)

    def crossings(position: float) -> list[float]:
        return [at for at, start, end in crossing if start - ALIGN <= position <= end + ALIGN]

    out = []
    for position, start, end in joined:
        across = crossings(position)
        if across and not any(abs(at - start) <= ALIGN for at in across):
            before = [at for at in across if start - reach <= at < start]
            start = max(before) if before else start
        if across and not any(abs(at - end) <= ALIGN for at in across):
            after = [at for at in across if end < at <= end + reach]
            end = min(after) if after else end
        out.append((position, start, end))
    return out
