"""A form's project name that wrapped in its cell while its label stayed on one line, read back whole.

In a form printed without rules, a long name wraps inside its cell and the label beside it is centred on
the cell's height. Read line by line (an OCR of the scan groups what it sees by the line it sits on), the
label then lands between the name's lines, or on one of them:

    商贸流通企业培训补                      (the name's first line, above its label)
    项目名称 项目单位 某区商务局            (the label with nothing after it: its cell's lines are above and below)
    助                                      (the name's last line)

    中小学校舍维修改造                      (or: the label with the name's last line beside it)
    项目名称 资金 实施单位 某市教育局

A careful reader takes the cell whole: the name is the line above (its first line), then what stands after the
label, then a short line right below when the label line left its cell empty or shorter than the line above.
Only where the page gives each line its box (a scan, a PDF) and the lines around the label start in its value's
column, right of the label: a line above a name field at the page's margin is a line of its own. The lines are
joined back onto the label's line before the form's rows are rebuilt; the label may also stand on the name's
first line with other fields after it, its end alone on the line below (`forms._wrapped_name_tail` reads the
end of a name that closes its line).
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.model import Line
from reportparse.parse.form.blocks import is_header_label
from reportparse.parse.form.hanzi import to_simplified
from reportparse.parse.form.labels import matches, name_field, other_header_words

_TOKEN = lazy_compile(r"[^\s\u3000]+")
#: A name's first line: a full line of its cell (Han characters and figures, a year among them), not a title
#: ('…自评表', '（2023年度）') or a line of a title's words.
_FIRST_LINE = lazy_compile(r"[\u4e00-\u9fff\d]{4,24}")
#: A name's last line, or its part beside the label: a few Han characters, maybe a closing bracket ('（续建）').
_LAST_LINE = lazy_compile(r"[\u4e00-\u9fff]{1,10}(?:[(（][\u4e00-\u9fff]{1,6}[)）])?")
#: Words of a form's title, never of the line above its name field alone.
_TITLE_WORDS = ("自评", "绩效评价", "报告", "年度")
#: A name label's width in characters (项目名称): its value's column starts past it.
_LABEL_CHARACTERS = 3


def mend_centred_names(lines: list[Line]) -> list[Line]:
    """The lines with each wrapped name put back whole on its label's line (the other lines as they were)."""
    out = list(lines)
    at = 1
    while at < len(out):
        mended = _mended(out, at)
        if mended is None:
            at += 1
            continue
        first, last, line = mended
        out[first:last + 1] = [line]
        at = first + 1
    return out


def _mended(lines: list[Line], at: int) -> tuple[int, int, Line] | None:
    """(first, last, joined line) when the line at `at` is a name label whose cell wrapped around it."""
    tokens = _TOKEN.findall(lines[at].text)
    if not tokens or not name_field().fullmatch(to_simplified(tokens[0])):
        return None
    end = next((i for i in range(1, len(tokens)) if _is_label(tokens[i])), len(tokens))
    beside = "".join(tokens[1:end])
    above = lines[at - 1].text.strip()
    if not (_in_value_column(lines[at - 1], lines[at]) and _first_line(above)):
        above = ""  # the name's first line is the label's own
    if not above and not _FIRST_LINE.fullmatch(beside):
        return None  # no line above: only a first line beside the label may have its end below
    if above and beside and (not _LAST_LINE.fullmatch(beside) or len(beside) > len(above)):
        return None
    first = at - 1 if above else at
    name, last = above + beside, at
    below = lines[at + 1].text.strip() if at + 1 < len(lines) else ""
    after = _TOKEN.findall(lines[at + 2].text) if at + 2 < len(lines) else []
    under = (_LAST_LINE.fullmatch(below) and _in_value_column(lines[at + 1], lines[at])
             and len(below) <= max(len(above), len(beside)) and not _is_label(below) and not below.endswith("表"))
    if under and after and (_is_label(after[0]) or _opens_block(after[0])):
        name, last = name + below, at + 1  # the name's last line under the label, the next field's line after it
    elif not (above and beside):
        return None  # nothing joined: the label's line holds the whole name, or nothing is the name's
    rest = " ".join(tokens[end:])
    line = lines[at].model_copy(update={"text": f"{tokens[0]} {name}" + (f" {rest}" if rest else "")})
    return first, last, line


def _in_value_column(piece: Line, label: Line) -> bool:
    """The piece starts right of the label, in the column of its value, and ends within the label's line: where
    the page's boxes say so (a text dump, which has none, keeps its lines as they are)."""
    if piece.bbox is None or label.bbox is None:
        return False
    height = label.bbox.bottom - label.bbox.top
    return piece.bbox.x0 >= label.bbox.x0 + _LABEL_CHARACTERS * height and piece.bbox.x1 <= label.bbox.x1 + height


def _first_line(text: str) -> bool:
    return bool(_FIRST_LINE.fullmatch(text)) and not text.endswith("表") and not _is_label(text) and not any(
        word in text for word in _TITLE_WORDS)


def _is_label(token: str) -> bool:
    key = to_simplified(token).rstrip(":：")
    return is_header_label(key) or key in other_header_words() or bool(name_field().fullmatch(key))


def _opens_block(token: str) -> bool:
    return matches("form.budget_block", to_simplified(token))
