"""A report written down a spreadsheet's first column, one paragraph a row, is prose, not a table.

A narrative self-evaluation saved as a workbook (or a document whose body sits in a one-column table) comes
out of the reader as a table whose every row holds one text: the title, '一、项目基本情况', then whole sentences
('下达资金29.6万元，执行数29.6万元，执行率100%。'). The narrative reader reads paragraphs; read as a table, such
a sheet gives nothing. A table whose rows each hold at most one text, sentences among them, is turned into those
paragraphs, each quoting its cell's page and row. A table of two or more columns (a form, a list) is left alone.
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.model import Document, Line, Paragraph, Table

#: a row's text that is a sentence, or clauses of one: prose, not a label
_SENTENCE = lazy_compile(r"[^，。；;,]{4,}[，。；;,][^，。；;,]*\S")
#: fewest rows, and fewest sentences among them, for a one-column table to be prose
_MIN_ROWS = 3
_MIN_SENTENCES = 2


def prose_sheets(document: Document) -> Document:
    """The document with every one-column table of prose turned into its paragraphs."""
    if not any(isinstance(element, Table) and _is_prose(element) for element in document.elements):
        return document
    elements: list[Paragraph | Table] = []
    for element in document.elements:
        if isinstance(element, Table) and _is_prose(element):
            elements.extend(_paragraphs(element))
        else:
            elements.append(element)
    return document.model_copy(update={"elements": elements})


def _texts(table: Table) -> list[tuple[int, str]] | None:
    """(row, text) for each row holding a text, or None when a row holds two different texts (a column more)."""
    out = []
    for r, row in enumerate(table.rows):
        filled = {cell.text.strip() for cell in row if cell.text.strip()}
        if len(filled) > 1:
            return None
        if filled:
            out.append((r, filled.pop()))
    return out


def _is_prose(table: Table) -> bool:
    texts = _texts(table)
    return (texts is not None and len(texts) >= _MIN_ROWS
            and sum(1 for _, text in texts if _SENTENCE.search(text)) >= _MIN_SENTENCES)


def _paragraphs(table: Table) -> list[Paragraph]:
    paragraphs = []
    for r, text in _texts(table) or []:
        cell = next(cell for cell in table.rows[r] if cell.text.strip())
        line = Line(text=text, page=cell.page, line=cell.line if cell.line is not None else r + 1)
        paragraphs.append(Paragraph(text=text, lines=[line], spans=[(0, len(text))], page=cell.page))
    return paragraphs
