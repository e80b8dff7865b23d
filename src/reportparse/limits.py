"""Work budgets: how much text one report may hold before it is refused as `too-large`.

Every stage is linear in the document's size, but a linear cost on fifty megabytes of text is
still minutes; no self-evaluation report comes near these sizes (the seed report is ~4,300
characters, a long one some tens of thousands), so past them the input is refused at once with
a reason rather than worked on.
"""

from __future__ import annotations

from reportparse.errors import TooLarge

#: characters of text in one document (paragraphs and table cells)
MAX_DOCUMENT_CHARS = 1_000_000
#: bytes of a text file: no encoding we read takes more than 4 bytes a character
MAX_TEXT_BYTES = 4 * MAX_DOCUMENT_CHARS


def refuse_long_text(chars: int, path: str) -> None:
    """Raise TooLarge when a document holds more than MAX_DOCUMENT_CHARS characters."""
    if chars > MAX_DOCUMENT_CHARS:
        raise TooLarge(
            f"{path}: {chars} characters of text is beyond the {MAX_DOCUMENT_CHARS} character limit "
            "for one report",
            path,
        )
