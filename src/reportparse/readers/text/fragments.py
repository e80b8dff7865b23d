"""Plain-text input: putting the fragments of a flattened goal table back together.

A narrow column cuts a level label over lines (`产出目` / `标`), and a dump's spaces cut values
(`19.96 万元`, `不少于 150M`). These functions re-join labels cut over lines and re-glue the tokens of
a line where a space sits inside a value, using the signals of `signals` to tell what a piece is.
"""

from __future__ import annotations

from reportparse.han import is_han_word
from reportparse.lazypattern import lazy_compile
from reportparse.readers.text.lines import PhysLine, display_width
from reportparse.readers.text.signals import ends_with_comparator, is_comparator_only, level_of, starts_with_unit


def _unit_word(token: str) -> bool:
    """A short Han word after a number is its unit (`3.5 公里`, `120 平方米`, `2 万元/部`), perhaps with a
    punctuation mark: `re.fullmatch(r"[\\u4e00-\\u9fff]{1,3}(?:/[\\u4e00-\\u9fff]{1,2})?[，,、；;。]?", token)`."""
    if token and token[-1] in "，,、；;。":
        token = token[:-1]
    unit, slash, per = token.partition("/")
    return is_han_word(unit, 1, 3) and (not slash or is_han_word(per, 1, 2))


#: `2023 年` / `11 月`: a date whose next part follows after a space.
_DATE_PART_RE = lazy_compile(r"\d\s*[年月]$")
#: A fragment starting with one of these continues the cell before it.
CLOSE_PUNCT = "，,、。；;：:）)]】」』”·/"
_TOKEN_RE = lazy_compile(r"\S+")


#: A level label cut over lines is spread over at most this many lines (`服务对象满` / `意度指` /
#: `标`: a narrow level column of two or three characters cuts the longest label in four).
_MAX_LABEL_LINES = 4
#: ...and each of its pieces is at most this many characters: a level column is narrow (its
#: labels are cut after three to five characters: `产出目` / `标`, `服务对象满` / `意度指标`),
#: and a longer token there is a name or a cell of its own, not part of a cut label.
_MAX_LABEL_PIECE_CHARS = 6


def join_split_labels(body: list[PhysLine]) -> list[PhysLine]:
    """Re-join level labels cut over two to four lines (`产出目` / `标`, `服务对象满` / `意度指标 …`)."""
    out: list[PhysLine] = []
    i = 0
    while i < len(body):
        joined = _split_label_at(body, i)
        if joined is None:
            out.append(body[i])
            i += 1
            continue
        label, used, rest = joined
        first, last = body[i], body[i + used - 1]
        out.append(PhysLine(label, first.no, first.page, first.indent, first.gap, display_width(label)))
        if rest:
            out.append(PhysLine(rest, last.no, last.page, last.indent, last.gap, display_width(rest)))
        i += used
    return out


def _split_label_at(body: list[PhysLine], i: int) -> tuple[str, int, str] | None:
    """(label, lines used, rest of the last line) when a level label starts at line `i` cut over lines."""
    text = body[i].text
    if " " in text or len(text) > _MAX_LABEL_PIECE_CHARS:
        return None
    for k in range(i + 1, min(len(body), i + _MAX_LABEL_LINES)):
        tokens = body[k].text.split(maxsplit=1)
        head = tokens[0]
        if len(head) > _MAX_LABEL_PIECE_CHARS or level_of(head):
            return None
        if level_of(text + head):
            return text + head, k - i + 1, tokens[1] if len(tokens) > 1 else ""
        if len(tokens) > 1:
            return None
        text += head
    return None


def continues_cell(text: str) -> bool:
    """True when `text` can only continue a cell: it starts with closing punctuation or `X，`."""
    return text[0] in CLOSE_PUNCT or (len(text) > 1 and text[1] in "，,、。；;")


def glue_tokens(text: str) -> list[tuple[int, int]]:
    """Whitespace tokens of `text`, re-glued where the space is inside a value (`19.96 万元`, `不少于 150M`)."""
    spans: list[tuple[int, int]] = []
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        if spans:
            prev = text[spans[-1][0] : spans[-1][1]]
            glue = (
                is_comparator_only(prev)
                or ends_with_comparator(prev)
                or (prev[-1].isdigit() and (starts_with_unit(token) or _unit_word(token)))
                or (_DATE_PART_RE.search(prev) is not None and token[0].isdigit())
                or token[0] in CLOSE_PUNCT
                or prev[-1] in "，,、（(“"
            )
            if glue:
                spans[-1] = (spans[-1][0], match.end())
                continue
        spans.append((match.start(), match.end()))
    return spans
