"""Ruling lines of a PDF page read from pdfium's path objects, turned into table cells.

pdfplumber finds tables from the page's straight edges (lines and rectangle sides): it snaps and
joins them, intersects them and builds cells. Getting those edges through pdfplumber means a full
pdfminer parse of the page, by far the slowest step of reading a PDF. pdfium already has the page
parsed, so we take the straight, axis-aligned segments of its visible path objects (with the
transformation matrices of nested form XObjects applied) and hand them to pdfplumber's own
edge-to-cell functions. The result is the cell boxes pdfplumber's "lines" strategy would find.
"""

from __future__ import annotations

import ctypes
from typing import Any

from reportparse.readers.pdf.lines import PageFrame

#: pdfplumber's TableSettings defaults.
SNAP_TOLERANCE = 3.0
JOIN_TOLERANCE = 3.0
EDGE_MIN_LENGTH = 3.0
INTERSECTION_TOLERANCE = 3.0
#: Segments tilted more than this (points over their length) are not ruling lines.
AXIS_SLACK = 0.5
#: Stop collecting on pathological pages (vector drawings with hundreds of thousands of segments).
MAX_SEGMENTS = 50_000

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying `inner` first, then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _matrix(obj: Any) -> Matrix:
    import pypdfium2.raw as pdfium_c

    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def page_segments(raw_page: Any, frame: PageFrame) -> list[tuple[float, float, float, float]]:
    """Axis-aligned segments (x0, top, x1, bottom) of the page's visible paths, top-left origin."""
    import pypdfium2.raw as pdfium_c

    out: list[tuple[float, float, float, float]] = []

    def visit(obj: Any, outer: Matrix) -> None:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = _compose(_matrix(obj), outer)
            for k in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                visit(pdfium_c.FPDFFormObj_GetObject(obj, k), inner)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and len(out) < MAX_SEGMENTS:
            _path_segments(obj, _compose(_matrix(obj), outer), frame, out)

    for index in range(pdfium_c.FPDFPage_CountObjects(raw_page)):
        visit(pdfium_c.FPDFPage_GetObject(raw_page, index), IDENTITY)
    return out


def _path_segments(
    obj: Any, matrix: Matrix, frame: PageFrame, out: list[tuple[float, float, float, float]]
) -> None:
    """Append the straight axis-aligned segments of one visible path object."""
    import pypdfium2.raw as pdfium_c

    fill = ctypes.c_int(0)
    stroke = ctypes.c_int(0)
    if pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)) and not (
        fill.value or stroke.value
    ):
        return  # a clipping or invisible path draws no line
    a, b, c, d, e, f = matrix
    x = ctypes.c_float()
    y = ctypes.c_float()
    start: tuple[float, float] | None = None
    current: tuple[float, float] | None = None
    for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        px, py = x.value * a + y.value * c + e, x.value * b + y.value * d + f
        point = frame.point(px, py)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = current = point
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
            _add_segment(current, point, out)
        current = point
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            _add_segment(current, start, out)
            current = start


def _add_segment(p: tuple[float, float], q: tuple[float, float], out: list[tuple[float, float, float, float]]) -> None:
    if abs(p[0] - q[0]) <= AXIS_SLACK or abs(p[1] - q[1]) <= AXIS_SLACK:
        out.append((min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1])))


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    """A pdfplumber edge object for one segment."""
    horizontal = (x1 - x0) >= (bottom - top)
    if horizontal:
        mid = (top + bottom) / 2
        top = bottom = mid
    else:
        mid = (x0 + x1) / 2
        x0 = x1 = mid
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "orientation": "h" if horizontal else "v", "object_type": "line"}


def table_cell_groups(segments: list[tuple[float, float, float, float]]) -> list[Any]:
    """pdfplumber Table objects (cell boxes only, no page) built from the ruling segments."""
    from pdfplumber import table as plumber_table
    from pdfplumber import utils as plumber_utils

    edges = [_edge(*segment) for segment in segments]
    edges = plumber_utils.filter_edges(edges, min_length=1)
    edges = plumber_table.merge_edges(edges, snap_x_tolerance=SNAP_TOLERANCE, snap_y_tolerance=SNAP_TOLERANCE,
                                      join_x_tolerance=JOIN_TOLERANCE, join_y_tolerance=JOIN_TOLERANCE)
    edges = plumber_utils.filter_edges(edges, min_length=EDGE_MIN_LENGTH)
    intersections = plumber_table.edges_to_intersections(edges, INTERSECTION_TOLERANCE, INTERSECTION_TOLERANCE)
    cells = plumber_table.intersections_to_cells(intersections)
    return [plumber_table.Table(None, group) for group in plumber_table.cells_to_tables(cells)]  # type: ignore[arg-type]
