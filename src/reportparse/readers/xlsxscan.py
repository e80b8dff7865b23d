"""A streaming look at an XLSX's worksheet parts before openpyxl loads them: size budget and formulas.

openpyxl's normal mode (the one that resolves merged cells and hidden rows) builds an object per
stored cell, row and merged-area edge: a sheet of a million rows costs minutes and gigabytes. This
pass reads each worksheet part in bounded chunks, counts what openpyxl would build and refuses the
workbook as `too-large` as soon as the count passes the budget — in seconds, whatever the sheet's
size. It also notes whether any formula lacks a cached value, so the reader knows to load the
formulas too.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from reportparse.errors import TooLarge
from reportparse.readers.ziputil import ZIP_READ_ERRORS

#: stored cells (with or without a value), rows and merged-area edge cells over all sheets; a real
#: self-evaluation form holds a few thousand, a workbook with appendix sheets some tens of thousands
MAX_CELLS = 60_000
#: bytes decompressed per read: memory stays bounded whatever the part's size
CHUNK = 1 << 20
#: a row longer than this (no row end in sight) is scanned as it stands
MAX_CARRY = 8 << 20

#: a cell / row element start, with any namespace prefix (<c …>, <x:c …>, <row …>)
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_ROW_END = re.compile(rb"row>|<(?:[A-Za-z_][\w.-]*:)?row[^>]*/>")
_MERGE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')
#: a formula element followed by an empty or missing cached value
_UNCACHED = re.compile(
    rb"<(?:\w+:)?f(?:\s[^>]*)?>[^<]*</(?:\w+:)?f>\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>|</(?:\w+:)?c>)"
)


@dataclass
class SheetScan:
    """What the worksheet parts hold, counted without building them."""

    cells: int = 0
    uncached: bool = False


def scan_worksheets(archive: zipfile.ZipFile, path: str) -> SheetScan:
    """Count the workbook's cells part by part; raise TooLarge once they pass MAX_CELLS."""
    scan = SheetScan()
    for name in archive.namelist():
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        try:
            _scan_part(archive, name, path, scan)
        except ZIP_READ_ERRORS:
            continue  # a damaged part: openpyxl's load reports it as a corrupt file
    return scan


def _scan_part(archive: zipfile.ZipFile, name: str, path: str, scan: SheetScan) -> None:
    sheet = name.rsplit("/", 1)[-1]
    carry = b""
    with archive.open(name) as part:
        while True:
            chunk = part.read(CHUNK)
            buffer = carry + chunk
            if chunk:
                # whole rows only, so that no element (or cell with its formula) is cut in two
                cut = _last_row_end(buffer)
                if cut is None and len(buffer) < MAX_CARRY:
                    carry = buffer
                    continue
                cut = len(buffer) if cut is None else cut
                buffer, carry = buffer[:cut], buffer[cut:]
            _count(buffer, scan)
            if scan.cells > MAX_CELLS:
                raise TooLarge(
                    f"{path}: the workbook holds more than {MAX_CELLS} cells (sheet part {sheet}): "
                    "refused as too large for one report",
                    path,
                )
            if not chunk:
                return


def _last_row_end(buffer: bytes) -> int | None:
    end = None
    for end_match in _ROW_END.finditer(buffer, max(0, len(buffer) - CHUNK)):
        end = end_match.end()
    return end


def _count(buffer: bytes, scan: SheetScan) -> None:
    scan.cells += sum(1 for _ in _CELL.finditer(buffer)) + sum(1 for _ in _ROW.finditer(buffer))
    for merge in _MERGE.finditer(buffer):
        rows = abs(int(merge.group(4)) - int(merge.group(2))) + 1
        cols = abs(_column(merge.group(3)) - _column(merge.group(1))) + 1
        scan.cells += 2 * (rows + cols)  # openpyxl builds a cell for each edge of a merged area
    if not scan.uncached and _UNCACHED.search(buffer):
        scan.uncached = True


def _column(letters: bytes) -> int:
    index = 0
    for byte in letters:
        index = index * 26 + byte - 64
    return index
