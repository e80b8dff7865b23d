"""The column labels of an indicator header line that a scan's reading damaged, put right from the label table.

An OCR of a form printed without rules reads its header row as one line of labels, and the labels come out
damaged the ways a recogniser damages short print:

- two labels run together where the gap between their cells was narrow ('实际完成（B）分值');
- one character misread ('变量单位' for 度量单位, '实际究成（B）' for 实际完成（B）, '手度指标值' for 年度指标值);
- a label's first characters lost under a seal or in the paper's grain ('重' for 权重).

A label the reader cannot place loses its column, and every row's figures then shift into the columns beside it
(the actual with the 分值 after it, '92% 10'). On a line that already is an indicator header (its 三级指标 and
得分 read), each token that takes no column role is mended when the label table (`form.header_words`) allows one
reading only: cut where a whole column word ends it after a bracketed note; spelt as the one column word one
character away; or, a piece of one or two characters, taken for the column words it ends when those all hold
one role the line lacks. A token with a role, or with more than one reading, stays as printed.
"""

from __future__ import annotations

from functools import cache

from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.hanzi import to_simplified
from reportparse.parse.form.labels import column_words, matches, stem_words

#: A label's bracketed note ('(A)', '（B）', '(万元)'), kept as printed on a mended label.
_NOTE = lazy_compile(r"[(（][^()（）]{1,4}[)）]$")
#: The roles a header's column labels take (the order of `text._COLUMN_ORDER`).
_ROLES = ("level1", "level2", "name", "nature", "target", "unit", "actual", "rate", "weight", "score", "reason")
#: Longest piece of a label that still names its column.
_MAX_PIECE = 2


def mend_header_tokens(tokens: list[str]) -> list[str]:
    """The header line's tokens with damaged column labels mended (see the module's note)."""
    cut = [(piece, len(pieces) > 1) for token in tokens for pieces in [_cut_glued(token)] for piece in pieces]
    present = {_role(token) for token, _ in cut} - {""}
    out = []
    for token, glued in cut:
        shortest = 2 if glued else 3  # (a label cut off another is known to be one: two characters do)
        mended = token if _role(token) else _respelt(token, present, shortest) or _from_piece(token, present)
        if mended is not None and mended != token:
            present.add(_role(mended))
        out.append(mended or token)
    return out


def _role(token: str) -> str:
    key = to_simplified(token)
    return next((role for role in _ROLES if matches(f"indicator.{role}", key)), "")


def _cut_glued(token: str) -> list[str]:
    """'实际完成（B）分值' → ['实际完成（B）', '分值']: a label with its bracketed note, then a column word (or one
    a character away from exactly one: '分膏') run onto it."""
    close = max(token.rfind(")"), token.rfind("）"))
    head, tail = token[:close + 1], token[close + 1:]
    if close < 2 or len(tail) < 2 or not (_role(head) or _respelt(head, set())):
        return [token]
    return [head, tail] if _role(tail) or _respelt(tail, set(), shortest=2) else [token]


@cache
def _words_by_length() -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for word in (*column_words(), *stem_words()):
        out.setdefault(len(word), []).append(word)
    return {length: tuple(words) for length, words in out.items()}


def _respelt(token: str, present: set[str], shortest: int = 3) -> str | None:
    """A column word one character from the token (its bracketed note kept), when all such words name one role
    and the header lacks it (a label of two characters only where it ran onto another: one character of two is
    too little to go on alone)."""
    note = _NOTE.search(token)
    key = to_simplified(token[:note.start()] if note else token)
    if len(key) < shortest:
        return None
    near = {word for word in _words_by_length().get(len(key), ())
            if sum(a != b for a, b in zip(word, key, strict=True)) == 1}
    roles = {_role(word) for word in near}
    if len(roles) != 1 or roles & present or "" in roles:
        return None  # (度量单位 and 计量单位 are one column: '变量单位' is either)
    return sorted(near)[0] + (note.group(0) if note else "")


def _from_piece(token: str, present: set[str]) -> str | None:
    """A label's last one or two characters ('重'): the shortest column word it ends, when every such word
    names one role and the header lacks it."""
    key = to_simplified(token)
    if not 1 <= len(key) <= _MAX_PIECE:
        return None
    ending = [word for word in column_words() if word.endswith(key) and len(word) > len(key)]
    roles = {_role(word) for word in ending}
    if not ending or len(roles) != 1 or roles & present or "" in roles:
        return None
    return min(ending, key=len)


def labels_from_below(header: list[str], below: list[str]) -> list[str] | None:
    """A header whose one-line labels the reading put with the next line ('… 实际完成值 偏差原因分析' over '分值 得分
    及改进措施'): in a header row whose long label wraps onto two lines, the short labels sit halfway down, and a
    scan's reading groups them with either line. The labels below of columns the header lacks go in at their
    place in the column order; any other word below must finish a label of the header ('及改进措施' after
    '偏差原因分析'). None when a word below does neither, or no label came from below."""
    out = list(header)
    added = False
    for word in below:
        role = _role(word)
        roles = [_role(token) for token in out]
        if role and role not in roles:
            later = next((k for k, r in enumerate(roles) if r and _ROLES.index(r) > _ROLES.index(role)), len(out))
            out.insert(later, word)
            added = True
            continue
        ends = [k for k, token in enumerate(out) if roles[k] and _role(token + word) == roles[k]
                and _role(word) in ("", roles[k])]
        if len(ends) != 1:
            return None
        out[ends[0]] += word
    return out if added else None
