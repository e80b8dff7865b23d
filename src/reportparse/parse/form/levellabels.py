"""What the level labels of a 自评表's indicator table say: the 一级/二级 words of the 财政部 template and its
variants (产出指标（50分）, 数量指标, 社会效益指标 …), the weight a label prints, and the level path
(产出/数量) the rows under it are filed by. The indicator table and every form reader that must tell a
level label from an indicator's name read labels through this module.
"""

from __future__ import annotations

from decimal import Decimal

from reportparse.han import is_han_word
from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.grid import squash
from reportparse.parse.form.labels import matches

#: '产出指标（50分）', without brackets right after 指标: '数量指标15分', or, right after 指标, one
#: bracket lost or 分 left out by a dump that cut the cell: '效益指标30分)', '产出指标(50)'
PRINTED_WEIGHT = lazy_compile(
    r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]|(?<=指标)(\d+(?:\.\d+)?)分[)）]?$|(?<=指标)[（(](\d+(?:\.\d+)?)[)）]$"
)
#: A level label's weight in brackets without 分, after any label word ('绩效目标(10)' beside '科学决策(10分)' in the
#: 决策/管理/绩效 scoring sheet): on a level label only, where a bare number in brackets is nothing else
LEVEL_WEIGHT = lazy_compile(rf"{PRINTED_WEIGHT.pattern}|(?<=[\u4e00-\u9fff])[（(](\d+(?:\.\d+)?)[)）]$")
#: A level label's allowed weight range, no weight itself: '成本指标(0-20)分', '产出指标（40-50分）'.
WEIGHT_RANGE = lazy_compile(r"[（(]\s*\d+\s*[-－—~～至]\s*\d+\s*分?\s*[)）]\s*分?$")
#: (成效指标 is the 效益 level of the older 绩效目标表 template: 产出指标 | 成效指标)
_LEVEL1 = (("产出", "产出"), ("效益", "效益"), ("成效", "效益"), ("满意", "满意度"))
#: The older 中央部门 goal table names its 产出 level 项目完成指标 (数量/质量/时效/成本 under it, 项目效益指标
#: beside it): the whole label only, as '项目完成' begins many an indicator's name ('项目完成及时率').
_COMPLETION_LEVEL = lazy_compile(r"^项目完成指标$")
_LEVEL2 = (
    ("数量", "数量"), ("质量", "质量"), ("时效", "时效"), ("成本", "成本"),
    ("经济效益", "经济效益"), ("社会效益", "社会效益"), ("生态效益", "生态效益"),
    ("可持续", "可持续影响"), ("满意", "满意度"),
)
#: The 一级 level each 二级 word belongs to.
PARENT_OF = {"数量": "产出", "质量": "产出", "时效": "产出", "成本": "产出", "经济效益": "效益",
              "社会效益": "效益", "生态效益": "效益", "环境效益": "效益", "可持续影响": "效益", "满意度": "满意度"}
#: A cell that holds only a level's printed weight, which a dump cut from its label: '(50分)'.
PRINTED_WEIGHT_CELL = lazy_compile(r"^[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")
_LEVEL1_WORDS = ("产出", "效益", "成效", "满意度")
#: (the 财政部 template prints its 二级 label as 服务对象满意度指标等; its 2021 成本 block has
#: 经济/社会/生态环境成本指标; older city templates name 生态效益 环境效益)
_LEVEL2_WORDS = ("数量", "质量", "时效", "进度", "成本", "经济成本", "社会成本", "生态环境成本", "经济效益", "社会效益",
                 "生态效益", "环境效益", "可持续影响", "服务对象满意度", "满意度")
#: The words a 一级 or 二级 label is made of (a label is one of them + 指标).
LEVEL_WORDS = (*_LEVEL1_WORDS, *_LEVEL2_WORDS)
#: (some provinces' forms say 目标 for 指标 in their level labels: '产出目标 | 数量目标' of a Fujian form)
_LEVEL1_LABEL = lazy_compile(rf"^({'|'.join(_LEVEL1_WORDS)})(指标|目标)?$|^项目(完成|产出|效益)指标$")
_LEVEL2_LABEL = lazy_compile(rf"^(?:产出|效益)?({'|'.join(_LEVEL2_WORDS)})(?:指标|目标)等?$")
#: 二级 words that name their level even without 指标 ('社会效益' in the 二级 column): none is an indicator
BARE_LEVEL2_LABELS = ("经济效益", "社会效益", "生态效益", "环境效益", "可持续影响", "服务对象满意度")
_LEVEL2_BARE = lazy_compile(rf"^({'|'.join(BARE_LEVEL2_LABELS)})$")
#: 二级 labels a template prints with their 一级 word before them and no 指标 ('产出数量 | 灭火设备配备率 | 100%'):
#: labels among a run-together form's rows only, since an older scoring table names its 三级 items so
#: ('项目产出 | 产出数量 | 5 | 5')
RUN_ONLY_LEVEL2_LABELS = ("产出数量", "产出质量", "产出时效", "产出成本")
#: Every level label a form whose dump ran its cells together prints as a cell of its own
RUN_LEVEL_LABELS = (*(f"{word}指标" for word in LEVEL_WORDS), "服务对象满意度指标等", "服务对象满意度指标",
                    *BARE_LEVEL2_LABELS, *RUN_ONLY_LEVEL2_LABELS)


def label_kind(text: str) -> int:
    """1 for a 一级 label ('产出指标（50分）'), 2 for a 二级 label ('数量指标'), 0 otherwise."""
    key = WEIGHT_RANGE.sub("", PRINTED_WEIGHT.sub("", squash(text)))
    if _LEVEL1_LABEL.match(key) or matches("indicator.department_level1", key):
        return 1
    if _LEVEL2_LABEL.match(key) or _LEVEL2_BARE.match(key):
        return 2
    return 0


def row_label_kind(text: str, following: str) -> int:
    """`label_kind` of a flattened form's row cell, where a 二级 label may also be printed with its 一级 word before
    it and no 指标 ('产出数量'): 2 for those too when a name follows them, not a figure (a scoring table's
    '产出数量 | 5 | 5' is a scored item)."""
    kind = label_kind(text)
    named = bool(following.strip()) and not _FIGURE_OPENING.match(following.strip())
    return kind or (2 if named and squash(text) in RUN_ONLY_LEVEL2_LABELS else 0)


_FIGURE_OPENING = lazy_compile(r"^[≥≤<>=＝≧≦]?\s*[\d.]")


def is_total_label(key: str) -> bool:
    """A 总分 / 合计 row label."""
    return matches("indicator.total", key)


def level1_of(text: str) -> str | None:
    """产出/效益/满意度 for a project form's 一级 label; a department form's own 一级 label (投入, 过程,
    部门决策, 规划 …) is kept as printed, without its weight."""
    key = squash(text)
    if _COMPLETION_LEVEL.match(WEIGHT_RANGE.sub("", LEVEL_WEIGHT.sub("", key))):
        return "产出"
    for word, level in _LEVEL1:
        if word in key:
            return level
    if label_kind(text):
        return None  # a project form's 二级 label in the 一级 column ('成本指标(0-20)分'): its parent is inferred
    key = WEIGHT_RANGE.sub("", LEVEL_WEIGHT.sub("", key)).removesuffix("指标")
    # a 一级 label of the 部门整体支出 indicator system (and of the older 项目 scoring tables): a few Han
    # characters, no figure, no sentence
    return key if is_han_word(key, 2, 6) else None


def level2_of(text: str) -> str | None:
    key = squash(text)
    for word, level in _LEVEL2:
        if word in key:
            return level
    key = WEIGHT_RANGE.sub("", LEVEL_WEIGHT.sub("", key)).removesuffix("指标")
    return key or None


def level_path(level1: str | None, level2: str | None) -> str:
    """CONVENTIONS level path: 产出/数量, 效益/社会效益, 满意度 (or 效益/满意度 when nested)."""
    top = level1 or (PARENT_OF.get(level2 or "") if level2 else None)
    if top == "满意度" and level2 in (None, "满意度"):
        return "满意度"
    if top is None:
        return level2 or ""
    return f"{top}/{level2}" if level2 else top


def level_weight(text: str) -> Decimal | None:
    """A level label's printed weight: '产出指标（50分）' → 50, '绩效目标(10)' → 10."""
    match = LEVEL_WEIGHT.search(squash(text))
    return Decimal(next(g for g in match.groups() if g is not None)) if match else None


def printed_weight(text: str) -> Decimal | None:
    """'产出指标（50分）' → 50."""
    match = PRINTED_WEIGHT.search(squash(text))
    return Decimal(match.group(1) or match.group(2) or match.group(3)) if match else None
