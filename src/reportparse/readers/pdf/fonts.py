"""The fonts pdfium reads text with: the same on every machine.

pdfium asks a "system font info" for every font a PDF names but does not embed. Left to itself
it looks through the machine's font directories, so the text of such a PDF depends on what is
installed: without a CJK font, single CJK characters and symbols (额, 页, ≥) vanish from the text
page (see `boxfont`). While `machine_independent_fonts()` is active, that question is answered
without looking at the machine: CJK character sets get the box font shipped with reportparse,
every other request gets pdfium's built-in fonts (compiled into pdfium, the same everywhere).
Outside it — rendering page images for the review page — pdfium's own lookup is used unchanged,
so pictures still show the machine's real glyphs where it has them.

The switch is made once per process (`FPDF_SetSystemFontInfo`); a font is bound when a page
that uses it is loaded, so a document must be opened and read entirely inside the block.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportparse.readers.pdf.boxfont import FAMILY, FONT_FILE

#: The standard 14 fonts: pdfium has them built in (with their metrics, which a PDF may omit).
STANDARD_FAMILIES = (b"Courier", b"Helvetica", b"Times", b"Symbol", b"ZapfDingbats")
#: The table tag pdfium asks for to tell a font collection from a single font.
TTC_TAG = 0x74746366  # 'ttcf'


class _FontSource:
    """The FPDF_SYSFONTINFO handed to pdfium, with the Python callbacks it points to.

    Handles of the box font are addresses of small buffers we own (one per charset, so pdfium
    can ask which charset a handle was mapped for); any other handle is the default font info's.
    """

    def __init__(self) -> None:
        import pypdfium2.raw as pdfium_c

        self.reading = 0  # depth of active `machine_independent_fonts` blocks
        self.served = 0  # how many times the box font stood in for a font
        self.data = FONT_FILE.read_bytes()
        self.name = FAMILY.encode()
        self.handles: dict[int, int] = {}  # handle address -> charset
        self.buffers: list[Any] = []  # keeps the handle buffers alive
        self.default = pdfium_c.FPDF_GetDefaultSystemFontInfo()  # NULL where the platform has none
        fields = dict(pdfium_c.FPDF_SYSFONTINFO._fields_)
        # the CFUNCTYPE objects must live as long as pdfium may call them: held on self
        self.callbacks = {
            "Release": fields["Release"](self._release),
            "EnumFonts": fields["EnumFonts"](self._enum_fonts),
            "MapFont": fields["MapFont"](self._map_font),
            "GetFont": fields["GetFont"](self._get_font),
            "GetFontData": fields["GetFontData"](self._get_font_data),
            "GetFaceName": fields["GetFaceName"](self._get_face_name),
            "GetFontCharset": fields["GetFontCharset"](self._get_font_charset),
            "DeleteFont": fields["DeleteFont"](self._delete_font),
        }
        self.info = pdfium_c.FPDF_SYSFONTINFO(version=1, **self.callbacks)

    def _box_handle(self, charset: int) -> int:
        for handle, known in self.handles.items():
            if known == charset:
                return handle
        buffer = ctypes.create_string_buffer(1)
        self.buffers.append(buffer)
        handle = ctypes.addressof(buffer)
        self.handles[handle] = charset
        return handle

    def _delegate(self) -> Any:
        return self.default.contents if self.default else None

    def _release(self, _this: Any) -> None:
        default = self._delegate()
        if default is not None:
            if default.Release:
                default.Release(self.default)
            import pypdfium2.raw as pdfium_c

            pdfium_c.FPDF_FreeDefaultSystemFontInfo(self.default)
            self.default = None

    def _enum_fonts(self, _this: Any, mapper: Any) -> None:
        default = self._delegate()
        if default is not None and default.EnumFonts:
            default.EnumFonts(self.default, mapper)

    def _map_font(self, _this: Any, weight: int, italic: int, charset: int, pitch: int, face: Any,
                  exact: Any) -> int | None:
        if self.reading:
            name = ctypes.cast(face, ctypes.c_char_p).value or b""
            if name.startswith(STANDARD_FAMILIES):
                return None
            self.served += 1
            return self._box_handle(charset)
        default = self._delegate()
        if default is None or not default.MapFont:
            return None
        return _address(default.MapFont(self.default, weight, italic, charset, pitch, face, exact))

    def _get_font(self, _this: Any, face: Any) -> int | None:
        default = self._delegate()
        if self.reading or default is None or not default.GetFont:
            return None
        return _address(default.GetFont(self.default, face))

    def _get_font_data(self, _this: Any, handle: Any, table: int, buffer: Any, size: int) -> int:
        address = _address(handle)
        if address in self.handles:
            if table != 0:
                return 0  # a single TrueType font: no collection header, no table served alone
            if buffer and size >= len(self.data):
                ctypes.memmove(buffer, self.data, len(self.data))
            return len(self.data)
        default = self._delegate()
        return default.GetFontData(self.default, handle, table, buffer, size) if default is not None else 0

    def _get_face_name(self, _this: Any, handle: Any, buffer: Any, size: int) -> int:
        if _address(handle) in self.handles:
            name = self.name + b"\0"
            if buffer and size >= len(name):
                ctypes.memmove(buffer, name, len(name))
            return len(name)
        default = self._delegate()
        return default.GetFaceName(self.default, handle, buffer, size) if default is not None else 0

    def _get_font_charset(self, _this: Any, handle: Any) -> int:
        address = _address(handle)
        if address in self.handles:
            return self.handles[address]
        default = self._delegate()
        return default.GetFontCharset(self.default, handle) if default is not None else 0

    def _delete_font(self, _this: Any, handle: Any) -> None:
        if _address(handle) in self.handles:
            return  # ours live for the whole process
        default = self._delegate()
        if default is not None and default.DeleteFont:
            default.DeleteFont(self.default, handle)


def _address(pointer: Any) -> int | None:
    """A void* from ctypes (None, int or c_void_p) as a plain address."""
    if pointer is None or isinstance(pointer, int):
        return pointer or None
    return ctypes.cast(pointer, ctypes.c_void_p).value


_source: _FontSource | None = None


def _install() -> _FontSource:
    global _source
    if _source is None:
        import pypdfium2.raw as pdfium_c

        source = _FontSource()
        pdfium_c.FPDF_SetSystemFontInfo(ctypes.byref(source.info))
        _source = source
    return _source


class FontUse:
    """What the box font did inside one `machine_independent_fonts` block."""

    def __init__(self, source: _FontSource) -> None:
        self._source = source
        self._start = source.served

    @property
    def box_font_used(self) -> bool:
        """Whether some font loaded so far in the block is read with the box font (a page of a
        document that embeds all its fonts need not be searched for characters it lost)."""
        return self._source.served > self._start


@contextmanager
def machine_independent_fonts() -> Iterator[FontUse]:
    """Within the block, fonts a PDF does not embed come from reportparse and pdfium, never from
    the machine: open, read and close the document inside it."""
    source = _install()
    source.reading += 1
    try:
        yield FontUse(source)
    finally:
        source.reading -= 1
