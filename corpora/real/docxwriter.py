"""The DOCX writer of the format harness (fileshapes.py): a form's tables in the body, each nested in a one-cell
outer table, or all in a text box as Word writes one (a DrawingML shape with a VML fallback copy).
"""

from __future__ import annotations

import copy
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from siblings import sibling  # (corpora/ is no package: siblings.py loads the scripts by path)

layout = sibling("layout")
Table = layout.Table
Document = layout.Document


def docx_table(container: object, block: Table) -> object:
    """`block` as a Word table added to `container` (a document or a cell), merges included."""
    table = container.add_table(rows=len(block.rows), cols=block.ncols)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    hidden = block.covered()
    grid = table._cells  # type: ignore[attr-defined]  # one pass over the grid; cell(r, c) recounts it
    for r, row in enumerate(block.rows):
        for c, text in enumerate(row):
            if text and (r, c) not in hidden:
                grid[r * block.ncols + c].text = text
    for r0, c0, rs, cs in block.merges:
        if rs > 1 or cs > 1:
            text = block.rows[r0][c0]
            # merges never overlap, so the corner cells of the next one are still the grid's own
            grid[r0 * block.ncols + c0].merge(grid[(r0 + rs - 1) * block.ncols + c0 + cs - 1]).text = text
    return table


def textbox_paragraph(tables: list[object]) -> object:
    """A paragraph anchoring a text box that holds `tables`, as Word writes it: a DrawingML shape in
    mc:Choice and the same content again in a VML mc:Fallback."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    extra = {"wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
             "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
             "v": "urn:schemas-microsoft-com:vml"}
    declared = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in extra.items())

    def content() -> str:
        from lxml import etree

        parts = "".join(etree.tostring(copy.deepcopy(t._tbl), encoding="unicode")  # type: ignore[attr-defined]
                        for t in tables)
        return f"<w:txbxContent>{parts}<w:p/></w:txbxContent>"

    xml = (f"<w:p {nsdecls('w', 'wp', 'a')} {declared}><w:r><mc:AlternateContent>"
           "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" "
           "simplePos=\"0\" relativeHeight=\"1\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">"
           "<wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset>"
           "</wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV>"
           "<wp:extent cx=\"5760000\" cy=\"8000000\"/><wp:wrapTopAndBottom/><wp:docPr id=\"1\" name=\"文本框 1\"/>"
           "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
           f"<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr/><wps:txbx>{content()}</wps:txbx><wps:bodyPr/></wps:wsp>"
           "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
           "<mc:Fallback><w:pict><v:shape style=\"width:453pt;height:630pt\">"
           f"<v:textbox>{content()}</v:textbox></v:shape></w:pict></mc:Fallback>"
           "</mc:AlternateContent></w:r></w:p>")
    return parse_xml(xml)


def write_docx(doc: Document, path: Path, wrap: str = "") -> None:
    """`wrap`: "" (tables in the body), "nested" (each table inside a one-cell outer table),
    "textbox" (the tables in a text box anchored where the first one stood)."""

    document = layout.titled_docx(doc)
    boxed: list[object] = []
    anchor = None
    for block in doc.blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        if wrap == "nested":
            outer = document.add_table(rows=1, cols=1)
            docx_table(outer.cell(0, 0), block)
        elif wrap == "textbox":
            boxed.append(docx_table(document, block))
            if anchor is None:
                anchor = document.add_paragraph()
        else:
            docx_table(document, block)
        document.add_paragraph("")
    if boxed and anchor is not None:
        anchor._p.addnext(textbox_paragraph(boxed))  # type: ignore[attr-defined]
        anchor._p.getparent().remove(anchor._p)  # type: ignore[attr-defined]
        for table in boxed:
            table._tbl.getparent().remove(table._tbl)  # type: ignore[attr-defined]
    props = document.core_properties
    props.created = props.modified = props.last_printed = layout.FIXED_DATE
    props.author = props.last_modified_by = ""
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(layout.normalise_zip(buffer.getvalue()))

