"""PDF text does not depend on the fonts installed on the machine.

The corpus PDFs name STSong-Light without embedding it. Read by a pdfium that may use no font of
the machine at all (started again with one empty directory as its only font path), they must give
the same Documents as in this process (whatever fonts this machine has), and every character
pdfminer reads (it ships Adobe's CMaps and needs no font) — while pdfium left to itself, on that
fontless setup, loses characters: the test can tell.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from reportparse.model import Paragraph, Source, SourceFormat
from reportparse.readers import extract_document
from reportparse.readers.pdf import read_pdf

REPO = Path(__file__).resolve().parents[1]
# the scans (corpora/scans) have no text layer: no font to depend on, and OCR is slow
CORPUS_PDFS = sorted(p for p in (REPO / "corpora").rglob("*.pdf") if "scans" not in p.relative_to(REPO).parts)

#: Runs in a child process: pdfium restarted with an empty font directory as its only font path
#: (so it finds no font on the machine), then every PDF named read three ways.
DENIED_FONTS = r"""
import ctypes, json, sys
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

pdfium_c.FPDF_DestroyLibrary()  # pypdfium2 started pdfium on import, with the machine's font directories
folder = ctypes.create_string_buffer(sys.argv[1].encode())
paths = (ctypes.POINTER(ctypes.c_char) * 2)(ctypes.cast(folder, ctypes.POINTER(ctypes.c_char)), None)
pdfium_c.FPDF_InitLibraryWithConfig(pdfium_c.FPDF_LIBRARY_CONFIG(
    version=2, m_pUserFontPaths=ctypes.cast(paths, ctypes.POINTER(ctypes.POINTER(ctypes.c_char))),
    m_pIsolate=None, m_v8EmbedderSlot=0))

from reportparse.readers import extract_document
from reportparse.readers.pdf.fonts import machine_independent_fonts
from reportparse.readers.pdf.lines import page_glyphs, upright_textpage


def glyphs(path):
    pdf = pdfium.PdfDocument(path)
    chars = Counter()
    for index in range(len(pdf)):
        textpage, frame = upright_textpage(pdf[index])
        chars.update(g.char for g in page_glyphs(textpage, frame) if g is not None and g.char != " ")
        textpage.close()
    pdf.close()
    return chars


for name in sys.argv[2:]:
    document = extract_document(Path(name)).model_dump(mode="json")
    with machine_independent_fonts():
        ours = glyphs(name)
    print(json.dumps({"file": name, "document": document, "glyphs": ours, "bare": glyphs(name)}))
"""


def _pdfminer_chars(path: Path) -> Counter[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return Counter(c["text"] for page in pdf.pages for c in page.chars if not c["text"].isspace())


@pytest.fixture(scope="module")
def denied(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    assert len(CORPUS_PDFS) > 50, "the corpus PDFs are part of the repository"
    empty = tmp_path_factory.mktemp("no-fonts")
    run = subprocess.run(
        [sys.executable, "-c", DENIED_FONTS, str(empty), *map(str, CORPUS_PDFS)],
        capture_output=True, text=True, check=True, timeout=600,
    )
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    return {row["file"]: row for row in rows}


def test_documents_equal_with_and_without_any_system_font(denied: dict[str, dict]) -> None:
    assert set(denied) == {str(p) for p in CORPUS_PDFS}
    different = [name for name, row in denied.items()
                 if extract_document(Path(name)).model_dump(mode="json") != row["document"]]
    assert different == []


def test_every_character_pdfminer_reads_is_read_without_fonts(denied: dict[str, dict]) -> None:
    """Not one character pdfminer reads is missing. (pdfminer reads no more than pdfium: a code its
    CMap has no CID for, like ☑ written into UniGB-UCS2-H text, it drops; pdfium keeps it.)"""
    expected = {name: _pdfminer_chars(Path(name)) for name in denied}
    lost = {name: expected[name] - Counter(row["glyphs"]) for name, row in denied.items()}
    assert {name: missing for name, missing in lost.items() if missing} == {}
    # pdfium without our font source, on the same fontless setup, does lose characters: the
    # setup really denies the fonts, and the comparison above can fail
    bare_lost = [name for name, row in denied.items() if expected[name] - Counter(row["bare"])]
    assert len(bare_lost) >= 10


# --- hand-made PDFs: a CJK font named but not embedded, with and without a Unicode map ---

def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file of the given objects (numbered from 1; object 1 is the catalog), with its xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def _identity_font(name: bytes, descendant: int, to_unicode: int | None) -> bytes:
    """A Type0 font with Identity-H codes, named but not embedded (as Word leaves 仿宋_GB2312)."""
    unicode_map = b" /ToUnicode %d 0 R" % to_unicode if to_unicode else b""
    return (b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R]%s >>"
            % (name, descendant, unicode_map))


def _cid_font(name: bytes, descriptor: int) -> bytes:
    return (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) "
            b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>"
            % (name, descriptor))


def _descriptor(name: bytes) -> bytes:
    return (b"<< /Type /FontDescriptor /FontName /%s /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 "
            b"/Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>" % name)


def _to_unicode(text: str) -> bytes:
    """A ToUnicode CMap giving code k (from 1) the k-th character of `text`."""
    pairs = b" ".join(b"<%04X> <%04X>" % (code, ord(char)) for code, char in enumerate(text, start=1))
    return _stream(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
                   b"1 begincodespacerange <0000> <FFFF> endcodespacerange %d beginbfchar %s endbfchar "
                   b"endcmap CMapName currentdict /CMap defineresource pop end end" % (len(text), pairs))


def _unembedded_pdf(text: str, unreadable: int = 0, apart: bool = True) -> bytes:
    """One page: `text` in SimSun (not embedded, Identity-H with a ToUnicode map), one character per
    text object as many generators write cell text; then `unreadable` characters in a second
    unembedded font that has no ToUnicode map, so nothing says what they are (`apart`: one text
    object each, else one object for all)."""
    content = b"".join(b"BT /F1 12 Tf %d 700 Td <%04X> Tj ET\n" % (60 + 12 * k, k + 1) for k in range(len(text)))
    codes = [b"%04X" % (0x4E00 + k) for k in range(unreadable)]
    if apart:
        content += b"".join(b"BT /F2 12 Tf %d 680 Td <%s> Tj ET\n" % (60 + 12 * k, code)
                            for k, code in enumerate(codes))
    elif codes:
        content += b"BT /F2 12 Tf 60 680 Td <%s> Tj ET\n" % b"".join(codes)
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 8 0 R >> >> "
        b"/Contents 11 0 R >>",
        _identity_font(b"SimSun", 5, 7),
        _cid_font(b"SimSun", 6),
        _descriptor(b"SimSun"),
        _to_unicode(text),
        _identity_font(b"FangSong_GB2312", 9, None),
        _cid_font(b"FangSong_GB2312", 10),
        _descriptor(b"FangSong_GB2312"),
        _stream(content),
    ])


def _read(data: bytes):  # type: ignore[no-untyped-def]
    source = Source(path="x.pdf", format=SourceFormat.PDF, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return read_pdf(Path("x.pdf"), data, source)


def test_unembedded_font_one_character_per_object_keeps_every_character() -> None:
    document = _read(_unembedded_pdf("年度资金总额≥页"))
    paragraphs = [e for e in document.elements if isinstance(e, Paragraph)]
    assert [p.text for p in paragraphs] == ["年度资金总额≥页"]
    assert document.problems == []
    # the box is the PDF's own: from the first origin to the last one plus its advance (DW 1000 at 12 pt)
    box = paragraphs[0].lines[0].bbox
    assert box is not None and box.x0 == pytest.approx(60) and box.x1 == pytest.approx(60 + 12 * 8)


@pytest.mark.parametrize(("apart", "shown"), [(True, ""), (False, "\ufffd" * 3)])
def test_characters_without_unicode_make_the_result_partial_with_a_note(apart: bool, shown: str) -> None:
    """A code no map explains is never read as the character it happens to equal (0x4E00 is 一):
    alone in its text object pdfium drops it, among others it shows as U+FFFD; either way the
    document says so, and a problem makes the result partial (see `pipeline`)."""
    document = _read(_unembedded_pdf("年度资金总额为三十四万元整", unreadable=3, apart=apart))
    texts = [e.text for e in document.elements if isinstance(e, Paragraph)]
    assert "".join(texts) == "年度资金总额为三十四万元整" + shown
    assert len(document.problems) == 1
    assert "3 characters could not be read" in document.problems[0] and "page 1: 3" in document.problems[0]


def test_box_font_file_is_the_one_the_builder_makes() -> None:
    from reportparse.readers.pdf.boxfont import FONT_FILE, build_box_font

    assert FONT_FILE.read_bytes() == build_box_font()
