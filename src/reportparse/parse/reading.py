"""The reading copy of a republished text: pinyin glosses removed, traditional characters simplified.

Self-evaluations are often reposted by sites that print them in traditional characters and put a
pinyin reading after some characters (項(xiàng)目, 轉(zhuǎn)移支付, 下達(dá)). Every rule of the narrative parser —
section words, money verbs, 万元, name endings — is written for simplified text, so the parser reads a
copy with the glosses cut out and the characters converted by OpenCC's traditional→simplified table.
Paragraph spans are recomputed, so evidence still points at the printed page and line; its quote is
the reading copy (盘山县大气转移支付 for 盤山縣大氣轉(zhuǎn)移支付). A document without glosses or
traditional characters is returned unchanged.

The same copy closes a decimal number that a text dump broke after its point ('预算35. 3万元', the
page's 35.3万元): the space between the point and the digits of an amount or a rate is cut.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from reportparse.han import is_han
from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import lexicon
from reportparse.model import Cell, Document, Paragraph, Table
from reportparse.t2s import simplified

#: a pinyin reading put after a character: (zhuǎn), (xiàng), (bǔ); plain ASCII words like (PPP) are kept
_GLOSS = lazy_compile(r"[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）]")


#: the space a dump put after a decimal point inside a number written after a word ('预算35. 3万元',
#: '执行率99. 5%'); a list number at a line's start ('1. 3万元用于…') has no word before it. (It starts at a run of
#: digits' first one: tried at every digit of a long run, `\d+` would read the rest of the run each time.)
_BROKEN_DECIMAL = lazy_compile(r"(?<!\d)\d+\.(?P<gap>[ \t\u3000]+)(?=\d+\s*(?:万元|亿元|千元|元|[%％]))")


#: an amount whose decimal point a copy printed as an enumeration comma ('补助经费167、00万元', the page's
#: 167.00万元): a list item cannot start with a nought, so 'N、0d' before a money unit is one amount
_COMMA_POINT = lazy_compile(r"(?<![\d、.])\d{1,9}(?P<mark>、)(?=0\d\s*(?:万元|亿元|千元|元))")


def decimal_marks(text: str) -> str:
    """`text` with an enumeration comma printed for an amount's decimal point read as the point (one
    character for one, so offsets stay valid)."""
    if "、" not in text:
        return text
    chars = list(text)
    for match in _COMMA_POINT.finditer(text):
        chars[match.start("mark")] = "."
    return "".join(chars)


def _broken_decimals(text: str) -> list[re.Match[str]]:
    """`_BROKEN_DECIMAL`'s matches that a Han character comes before: the lookbehind `(?<=[\\u4e00-\\u9fff])`
    the pattern had, tested on each match (inside a match every character follows a digit, a point or a
    space, so no match the lookbehind allows can start there: the matches are the same)."""
    return [m for m in _BROKEN_DECIMAL.finditer(text) if m.start() > 0 and is_han(text[m.start() - 1])]


def without_glosses(text: str) -> tuple[str, list[int]]:
    """The text without pinyin glosses and broken-decimal spaces, and for each kept character its offset
    in `text`."""
    cuts = [(m.start(), m.end()) for m in _GLOSS.finditer(text)]
    cuts += [(m.start("gap"), m.end("gap")) for m in _broken_decimals(text)]
    kept: list[int] = []
    pos = 0
    for start, end in sorted(cuts):
        kept.extend(range(pos, start))
        pos = max(pos, end)
    kept.extend(range(pos, len(text)))
    return "".join(text[i] for i in kept), kept


def reading_copy(text: str) -> str:
    """The text as the parser reads it: no glosses, simplified characters."""
    return decimal_marks(simplified(without_glosses(text)[0]))


def offsets_after_cut(length: int, kept: list[int]) -> list[int]:
    """For a text of `length` characters of which those at the sorted offsets `kept` stay, the new offset of
    every old offset 0..length: the number of kept characters before it."""
    new_at = [0] * (length + 1)
    j = 0
    for i in range(length + 1):
        while j < len(kept) and kept[j] < i:
            j += 1
        new_at[i] = j
    return new_at


def _reading_paragraph(para: Paragraph) -> Paragraph:
    text, kept = without_glosses(para.text)
    new_at = offsets_after_cut(len(para.text), kept)
    spans = [(new_at[min(a, len(para.text))], new_at[min(b, len(para.text))]) for a, b in para.spans]
    return para.model_copy(update={"text": decimal_marks(simplified(text)), "spans": spans})


def _reading_table(table: Table) -> Table:
    rows = [[cell.model_copy(update={"text": reading_copy(cell.text)}) if cell.text else cell for cell in row]
            for row in table.rows]
    return table.model_copy(update={"rows": rows})


def reading_document(document: Document) -> Document:
    """The document with every paragraph and cell in its reading copy (unchanged when nothing differs)."""
    elements: list[Paragraph | Table] = []
    changed = False
    for element in document.elements:
        if isinstance(element, Table):
            cells: list[Cell] = [c for row in element.rows for c in row]
            if any(reading_copy(c.text) != c.text for c in cells):
                element = _reading_table(element)
                changed = True
        elif reading_copy(element.text) != element.text:
            element = _reading_paragraph(element)
            changed = True
        elements.append(element)
    return document.model_copy(update={"elements": elements}) if changed else document



#: share of a document's Han characters that must change under t2s before the whole document is
#: read simplified (a traditional reposting changes a third of them; a simplified text none or one)
_TRADITIONAL_SHARE = 0.05
#: full-width digits, point and percent sign (a page set in a CJK font): figures in ASCII, one for one
_FULL_WIDTH_FIGURES = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def _han_count(text: str) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def is_traditional(texts: list[str]) -> bool:
    """True when the texts are printed in traditional characters (not a stray 於 in simplified prose)."""
    han = changed = 0
    for text in texts:
        han += _han_count(text)
        changed += sum(a != b for a, b in zip(text, simplified(text), strict=True))
    return changed >= 3 and changed >= _TRADITIONAL_SHARE * han


def ascii_figures(text: str) -> str:
    """`text` with full-width digits, '．' and '％' in ASCII (one character for one)."""
    return text.translate(_FULL_WIDTH_FIGURES)


@cache
def _label_misreads() -> dict[str, str]:
    """The form labels as OCR text misspells them, each with its right spelling of the same length
    (`label_misreads` of lexicon/ocr_confusions.json), and as a preview reads a label stacked two characters
    a line by columns, the right one first (`stacked_labels`: 产出 over 指标 read 出标产指)."""
    table = lexicon("ocr_confusions.json")
    words = {wrong: right for wrong, right in table["label_misreads"].items() if len(wrong) == len(right)}
    words |= {label[1] + label[3] + label[0] + label[2]: label for label in table["stacked_labels"] if len(label) == 4}
    return dict(sorted(words.items(), key=lambda item: -len(item[0])))


@cache
def _label_misread() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _label_misreads())))


def label_words(text: str) -> str:
    """`text` with the form's labels OCR misspelt ('项目名祢', '一级指林') spelt right, one character for one."""
    return _label_misread().sub(lambda match: _label_misreads()[match.group(0)], text)


def _fold_all(document: Document, fold: Callable[[str], str]) -> Document:
    elements: list[Paragraph | Table] = []
    for element in document.elements:
        if isinstance(element, Table):
            rows = [[cell.model_copy(update={"text": fold(cell.text)}) for cell in row] for row in element.rows]
            elements.append(element.model_copy(update={"rows": rows}))
        else:
            lines = [line.model_copy(update={"text": fold(line.text)}) for line in element.lines]
            elements.append(element.model_copy(update={"text": fold(element.text), "lines": lines}))
    return document.model_copy(update={"elements": elements})


def folded_document(document: Document) -> Document:
    """The document as every reader of forms and structure expects it: figures in ASCII digits, and
    simplified characters without pinyin glosses when it is printed in traditional ones (labels such
    as 項目名稱, 績效指標, 實際完成值). Both folds are one character for one, and spans are recomputed
    round a cut gloss, so lines and boxes stay valid; evidence quotes the reading copy."""
    texts = [element.text for element in document.paragraphs]
    texts += [cell.text for element in document.tables
              for row in element.rows for cell in row]
    if any(ascii_figures(text) != text for text in texts):
        document = _fold_all(document, ascii_figures)
    if any(_label_misread().search(text) for text in texts):
        document = _fold_all(document, label_words)
    if not is_traditional(texts):
        return document
    elements: list[Paragraph | Table] = []
    for element in document.elements:
        if isinstance(element, Table):
            elements.append(_reading_table(element))
        else:
            lines = [line.model_copy(update={"text": reading_copy(line.text)}) for line in element.lines]
            elements.append(_reading_paragraph(element).model_copy(update={"lines": lines}))
    return document.model_copy(update={"elements": elements})
