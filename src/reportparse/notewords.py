"""A template's notes under its table, from the words of `form.note_words` in `lexicon/form_labels.json`.

A 自评表 template prints notes below its indicators ('注：以预算批复的绩效目标为准填列。', '填表说明：1.…',
'注1：…'). In a grid the note spans the table; a text dump loses that span, and the note then looks like one
more row or line. Three readers set it apart: the form reader drops a row that holds only a note
(parse/form/forms), the text reader ends a goal table at one (readers/text/blocks), and the one-line form reader
opens its footer at one (parse/form/oneline). They share the words and one shape, so that a note one of them
knows is a note to all: a note word, maybe the note's number, then a colon, with any spaces a dump left between
them ('注 1 ：'). The colon is what makes it a note: the bare word is a column title (备注, 说明), and a longer
word that starts with one (说明书, 注册) is data.
"""

from __future__ import annotations

import re
from functools import cache

from reportparse import patterncache
from reportparse.lexicondata import lexicon


@cache
def note_words() -> tuple[str, ...]:
    """The words a note opens with, longest first (填表说明 before 说明, 备注 before 注)."""
    table = lexicon("form_labels.json")
    return tuple(sorted(table["form.note_words"]["words"], key=len, reverse=True))


@cache
def note_opening() -> str:
    """The regex of a note's opening: a note word, maybe its number, a colon ('注：', '注1：', '备注 ：')."""
    words = "|".join(re.escape(word) for word in note_words())
    return rf"(?:{words})\s*\d?\s*[:：]"


@cache
def note_start() -> re.Pattern[str]:
    """A text that opens with a note ('填表说明：1.绩效指标…', '注 1 ：…')."""
    return patterncache.compile(rf"^{note_opening()}")


def labelled_note(label: str, text: str) -> bool:
    """A note row whose label is a cell of its own before the note ('说明 | 注:1.资金使用单位按项目填报。'): the
    bare word (a column title elsewhere) is the note's label where a note follows it."""
    return label in note_words() and bool(note_start().match(text))
