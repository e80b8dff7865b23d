"""Standard 自评表 forms (项目支出绩效自评表): finding them and parsing them. (stub, see issue 4)"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportparse.model import Document, Report, Table


@dataclass
class FormLocation:
    """The tables of one 自评表 in a document (one form may span several tables/pages)."""

    tables: list[Table] = field(default_factory=list)


def find_forms(document: Document) -> list[FormLocation]:
    """Return the 自评表 forms found in the document's tables."""
    return []


def parse_forms(forms: list[FormLocation], base: Report) -> Report:
    """Parse the forms and merge them into `base` (the narrative part, possibly empty)."""
    return base
