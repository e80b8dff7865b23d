"""Result → Result: evidence pages dropped where the source does not record its pages.

Word stores no page numbers: a DOCX knows where its pages break only from the markers Word left
when it last laid the document out (`Source.pages_known`). Without them every page number the
readers counted would be a guess (a quote on page 4 of the printed document would read p.1), so
the finished result says no page at all, and the paragraph, table, row and column locate the quote.
The stages before run on the counted pages, which only order the document; nothing they say to a
person is a page of such a file.
"""

from __future__ import annotations

from pydantic import BaseModel

from reportparse.model import Evidence, Result


def drop_unknown_pages(result: Result) -> Result:
    """The result with `page` set to None in every Evidence when the source's pages are unknown."""
    if result.source.pages_known:
        return result
    copy = result.model_copy(deep=True)
    _clear_pages(copy)
    return copy


def _clear_pages(value: object) -> None:
    if isinstance(value, Evidence):
        value.page = None
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _clear_pages(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            _clear_pages(item)
