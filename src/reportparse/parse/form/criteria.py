"""Target and result of a scoring-table row that has no 指标值 / 实际完成值 column.

The 部门整体支出绩效评价指标表 of many provinces prints, per row, a 分值, a 评价标准 (the scoring
rule) and a 指标说明 (what the unit computed), then the 得分:

    在职人员控制率 | 8 | 以100%为标准。在职人员控制率≤100%，计8分；每超过一个百分点扣0.5分
                 | 本单位年末实际在职人员为136人，占编制数143人的比率为95.10%。 | 8

The rule states the target ('≤100%', '“三公经费”变动率≦0', '100%计满分'); the explanation states the
result ('比率为95.10%', '=(63.46-32)÷32=98.31%', '预算完成率99.27%'). A rule with no figure to meet
('基础数据信息是否真实(1分)') gives no target, an explanation that only gives the formula
('=(在职人员数/编制数)×100%') no result.
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell
from reportparse.parse.form.grid import squash

#: a comparator and its figure: '≤100%', '≦0', '>=95%', '不低于90%'
_RULE = lazy_compile(r"(?P<cmp>>=|<=|[≤≦≥≧<>＜＞=＝]|不低于|不少于|不高于|不超过)(?P<n>-?\d+(?:\.\d+)?[%％]?)")
#: a figure the rule calls the standard or full marks: '以100%为标准', '100%计满分', '达到95%得满分'
_STANDARD = lazy_compile(r"以(?P<a>\d+(?:\.\d+)?[%％])为(?:标准|目标)"
                       r"|(?:达到)?(?P<b>\d+(?:\.\d+)?[%％])(?:及以上)?[计得]满分")
#: a clause that takes points off ('“三公经费”>0，每超过一个百分点扣0.8分'): its comparator states when points
#: are lost, not the target
_DEDUCTION = lazy_compile(r"扣|不得分|减\d")
#: where a clause of the rule ends
_CLAUSE_END = lazy_compile(r"[；;。]")
#: a stated result: '比率为95.10%', '=98.31%', '预算完成率99.27%', '达到96%'
_RESULT = lazy_compile(r"(?:为|=|＝|达到|达|率)(?P<n>\d+(?:\.\d+)?[%％])(?!为(?:标准|目标))")


def rule_target(standard: str, name: str) -> str:
    """The target text a scoring rule sets for the row named `name` ('≤100%', '100%'), or ''."""
    text = squash(standard)
    found = next((m for m in _RULE.finditer(text) if not _DEDUCTION.search(_clause(text, m.end()))), None)
    if found is not None:
        figure = found.group("n")
        if not figure.endswith(("%", "％")) and name.endswith("率"):
            figure += "%"  # '“三公经费”变动率≦0': a rate's bare 0 is 0%
        return found.group("cmp") + figure
    standard_figure = _STANDARD.search(text)
    if standard_figure is not None:
        return standard_figure.group("a") or standard_figure.group("b")
    return _garbled_rule(text, name)


#: the rule's full-marks clause with its comparator garbled by a dump or OCR into a letter or a stray character
#: ('三公经费变动率Q0,计8分', '在职人员控制率W100%,计5分'): the measure's name, one character, the figure, the points
_GARBLED_RULE = lazy_compile(r"率[A-Za-z至](?P<n>-?\d+(?:\.\d+)?[%％]?)[,，]?(?:计|得)(?:满分|\d+(?:\.\d+)?分)")


def _garbled_rule(text: str, name: str) -> str:
    """The target of a rule whose comparator the dump garbled, for a shared department measure: the measure's
    direction (a 控制率 or 变动率 is a ceiling, an 执行率 a floor) stands for the lost sign."""
    from reportparse.parse.department import measures  # (the shared measures' table, read once)

    found = _GARBLED_RULE.search(text)
    plain = name.replace("“", "").replace("”", "").replace('"', "")
    measure = next((m for m in measures() if m.pattern.fullmatch(plain)), None)
    if found is None or measure is None or measure.direction not in ("<=", ">="):
        return ""
    figure = found.group("n") if found.group("n").endswith(("%", "％")) else found.group("n") + "%"
    return ("≤" if measure.direction == "<=" else "≥") + figure


def _clause(text: str, start: int) -> str:
    """The rest of the rule's clause from `start` (to its ；/。)."""
    end = _CLAUSE_END.search(text, start)
    return text[start:end.start() if end else len(text)]


def stated_result(explanation: str) -> str:
    """The last result the explanation states ('95.10%'), or ''."""
    found = list(_RESULT.finditer(squash(explanation)))
    return found[-1].group("n") if found else ""


def row_values(standard: str, explanation: Cell | None, name: str) -> tuple[str, str | None, Cell | None]:
    """(target text, the rule the row is scored by, a cell holding the stated result) of one row; the
    rule only where it sets a target (a rule with no figure scores nothing the formulas could redo)."""
    target_text = rule_target(standard, name)
    rule = standard.strip() if target_text else None
    result = stated_result(explanation.text) if explanation is not None else ""
    if explanation is None or not result:
        return target_text, rule or None, None
    return target_text, rule or None, explanation.model_copy(update={"text": result, "number": None})
