"""Plain-text input: recognising what a fragment of a flattened goal table is.

A PDF dump of a goal table (一级/二级/三级指标, 目标值, 备注 ...) loses the grid: each row is
flattened onto one or more lines and long cells are cut into fixed-width fragments. These
predicates give the generic signals used to put the fragments back: column words of a table
header, level labels (产出指标, 数量指标 ...), headings, what reads like a target value (a number
with unit or comparator, a short evaluative phrase), and what reads like a complete indicator
name. They know the vocabulary of the report genre, never the wording of any one report.
Working on the fragments themselves (re-joining cut labels, re-gluing tokens) is `fragments`' job.
"""

from __future__ import annotations

import re

from reportparse.han import is_han
from reportparse.lazypattern import lazy_compile
from reportparse.normalise.units import RATE_JOINERS
from reportparse.t2s import simplified

# --------------------------------------------------------------------------------------------
# headings
# --------------------------------------------------------------------------------------------

_CN_NUM = "一二三四五六七八九十百零〇"

#: Section markers: 一、 （一） 1、 1. (1) 第一部分 ①.
HEADING_RE = lazy_compile(
    rf"^(?:[{_CN_NUM}]+[、.．]"
    rf"|[（(][{_CN_NUM}]+[）)]"
    r"|\d{1,2}[、．](?!\d)"
    r"|\d{1,2}\.(?![\d])"
    r"|[（(]\d{1,2}[）)]"
    rf"|第[{_CN_NUM}\d]+(?:部分|章|节|篇|条)"
    r"|[①-⑳])"
)


#: A 总分/合计 row: the last row of an indicator table.
TOTAL_RE = lazy_compile(r"^(?:总分|合计|总计)(?:\s|$)")
#: A template's indicator row left empty, alone on its line: '指标2:', '……'.
TEMPLATE_PLACEHOLDER_RE = lazy_compile(r"^(?:[…．.。·]{2,}|指标\d+[:：]?)$")


def is_heading_start(text: str) -> bool:
    """True when `text` starts with a section marker (一、 （一） 1、 1. (1) 第一部分 ①)."""
    return HEADING_RE.match(text) is not None


# --------------------------------------------------------------------------------------------
# table headers
# --------------------------------------------------------------------------------------------

#: Column words of goal/indicator tables, longest first so alternatives match greedily.
_COLUMN_WORDS = (
    "偏差原因分析及改进措施",
    "一级目标",
    "二级目标",
    "三级目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "年度标值",  # (a template that cut 指 from its label)
    "年度目标值",
    "全年指标值",
    "实际完成值",
    "全年实际值",
    "实际完成",
    "预期目标值",
    "指标名称",
    "指标内容",
    "绩效指标",
    "指标性质",
    "度量单位",
    "计量单位",
    "评分标准",
    "未完成原因分析",
    "原因分析",
    "目标值",
    "指标值",
    "完成值",
    "实际值",
    "偏差原因",
    "改进措施",
    "分值",
    "权重",
    "得分",
    "备注",
)
COLUMN_WORD_RE = lazy_compile("|".join(_COLUMN_WORDS))

#: A header of a goal table holds at least this many distinct column words (一级指标 三级指标
#: 指标值 ...): a goal table names at least its indicator, its target and one more column. Two
#: are too few: prose names two columns in one sentence (指标值与实际完成值), and a form's
#: key-value line has 分值 and 得分.
MIN_COLUMN_WORDS = 3

#: Roles a header column can play in a goal table.
NATURE, UNIT = "nature", "unit"
L1, L2, NAME, TARGET, ACTUAL, WEIGHT, SCORE, REASON, REMARK, OTHER = (
    "l1",
    "l2",
    "name",
    "target",
    "actual",
    "weight",
    "score",
    "reason",
    "remark",
    "other",
)


def column_words(text: str) -> list[str]:
    """The known column words found in `text`, in order (traditional characters folded: '三級指標')."""
    return COLUMN_WORD_RE.findall(simplified(text))


def column_role(word: str) -> str:
    """The role of a header cell: level 1/2, indicator name, target, actual, weight, score ..."""
    word = simplified(word)
    checks = (
        ("一级", L1),
        ("二级", L2),
        ("三级", NAME),
        ("指标名称", NAME),
        ("指标内容", NAME),
        ("绩效指标", NAME),
        ("性质", NATURE),
        ("单位", UNIT),
        ("偏差", REASON),
        ("原因", REASON),
        ("措施", REASON),
        ("实际", ACTUAL),
        ("完成值", ACTUAL),
        ("目标值", TARGET),
        ("指标值", TARGET),
        ("标值", TARGET),  # (年度标值: a template that cut 指 from its label)
        ("分值", WEIGHT),
        ("权重", WEIGHT),
        ("得分", SCORE),
        ("备注", REMARK),
    )
    for key, role in checks:
        if key in word:
            return role
    return OTHER


# --------------------------------------------------------------------------------------------
# level labels
# --------------------------------------------------------------------------------------------

# Bare 数量/质量/产出/成本 ... are too common inside names to be labels without 目标/指标; the
# 效益 family and 满意度 are written bare as labels in real tables.
#: (项目完成指标 | 项目效益指标: the older 中央部门 goal table's 一级 labels)
LEVEL1_RE = lazy_compile(r"^(?:(?:产出|效益|效果)(?:目标|指标)|满意度(?:目标|指标)?|项目(?:完成|产出|效益)指标)$")
LEVEL2_RE = lazy_compile(
    r"^(?:(?:数量|质量|时效|成本|经济成本|社会成本|生态环境成本|生态成本|服务对象满意度|社会公众满意度)(?:目标|指标)"
    r"|(?:社会效益|经济效益|生态效益|可持续效益|可持续影响力?)(?:目标|指标)?)$"
)


#: A level label may carry its weight: 产出指标（50分）.
_LEVEL_WEIGHT_RE = lazy_compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]$")

#: Bare 二级 labels that are also plausible indicator names; labels only before a whole row.
WEAK_LEVEL2_RE = lazy_compile(r"^(?:数量|质量|时效|成本|服务对象满意度|社会公众满意度)$")


def level_of(token: str) -> int:
    """1 or 2 when `token` is a level label of a goal table (产出指标, 数量目标 ..., 產出指標), else 0."""
    token = _LEVEL_WEIGHT_RE.sub("", simplified(token))
    if LEVEL1_RE.match(token):
        return 1
    if LEVEL2_RE.match(token):
        return 2
    return 0


def name_role_fix(roles: list[str], cells: list[str]) -> list[str]:
    """Keep one name column: 三级指标 when present (a leading 绩效指标 cell is then only a caption)."""
    names = [k for k, role in enumerate(roles) if role == NAME]
    if len(names) <= 1:
        return roles
    keep = next((k for k in names if "三级" in cells[k]), names[-1])
    return [OTHER if role == NAME and k != keep else role for k, role in enumerate(roles)]


# --------------------------------------------------------------------------------------------
# values
# --------------------------------------------------------------------------------------------

_CMP_SYMBOLS = "≥≧>＞≤≦<＜=＝"
_CMP_WORDS = (
    "不少于",
    "不低于",
    "不小于",
    "不大于",
    "不多于",
    "不超过",
    "不高于",
    "至少",
    "达到",
    "大于",
    "高于",
    "超过",
    "小于",
    "低于",
    "少于",
    "多于",
    "等于",
    "控制在",
)
_CMP = "(?:" + "|".join(_CMP_WORDS) + rf"|[{_CMP_SYMBOLS}]=?)"
_ARABIC = r"\d+(?:[.,，]\d+)*"
_MEASURES = "个部台条项人次天日周月年小时分钟秒家所场期批篇套座户件份万亿千元"
_CN_QTY = rf"[{_CN_NUM}两千万]+(?:个)?(?:小时|分钟|[{_MEASURES}])"
_TAIL = r"(?<![和及与的或等并且为在])(?:以上|以下|以内|左右|及以上|及以下)?"


_RATE_JOINERS = re.escape(RATE_JOINERS)


def _unit(han: str, han_or_latin: str) -> str:
    """A unit after a figure: a sign, Latin letters or Han characters, maybe per others however joined
    (元/人·次, 元/人*月, 元/(人·月), 元每人每月: the joiners of `normalise.units.RATE_JOINERS`)."""
    per = rf"\s*[{_RATE_JOINERS}]\s*[(（]?\s*{han_or_latin}{{1,3}}\s*[)）]?"
    return rf"(?:(?:%|％|‰|[A-Za-z]{{1,6}}|{han}{{1,3}})(?:{per}){{0,2}})"


def _quantity(unit: str) -> str:
    return rf"^{_CMP}?\s*约?\s*{_ARABIC}\s*{unit}?\s*{_TAIL}$|^{_CMP}?\s*{_CN_QTY}{_TAIL}$"


def _ends_with_quantity(unit: str) -> str:
    return rf"(?:{_ARABIC}\s*{unit}?|{_CN_QTY})\s*{_TAIL}[。；]?$"


_HAN_UNIT = _unit(r"[\u4e00-\u9fff]", r"[\u4e00-\u9fffA-Za-z]")
QUANTITY_RE = lazy_compile(_quantity(_HAN_UNIT))
ENDS_WITH_QUANTITY_RE = lazy_compile(_ends_with_quantity(_HAN_UNIT))
#: The same two with a letter outside ASCII (`[^\W\d_a-zA-Z]`, every character of the Han block among them) where
#: a unit has a Han character: `re` compiles them in a fraction of a millisecond, where it spends 1 ms on each
#: `[\u4e00-\u9fff]` (expanded code point by code point). They match all the others do, and the same texts
#: wherever the letters outside ASCII are Han characters (see `is_quantity`, `ends_with_quantity`).
_QUANTITY_LETTERS = lazy_compile(_quantity(_unit(r"[^\W\d_a-zA-Z]", r"[^\W\d_]")))
_ENDS_WITH_QUANTITY_LETTERS = lazy_compile(_ends_with_quantity(_unit(r"[^\W\d_a-zA-Z]", r"[^\W\d_]")))
CMP_RE = lazy_compile(_CMP)
DIGIT_RE = lazy_compile(r"\d")
NUMBER_RE = lazy_compile(rf"^{_ARABIC}$")

#: Words a qualitative target ends with (效果显著, 及时, 长期, 符合…要求 ...).
_EVALUATIVE_END = (
    "显著",
    "明显",
    "提升",
    "提高",
    "改善",
    "增强",
    "及时",
    "长期",
    "持续",
    "稳定",
    "良好",
    "较好",
    "合格",
    "达标",
    "完成",
    "到位",
    "实现",
    "规范",
    "要求",
    "标准",
    "规定",
    "有效",
    "满意",
    "影响",
    "保障",
    "正常",
    "降低",
    "减少",
    "优",
    "良",
    "是",
    "否",
    "无",
    "好",
    "高",
)
#: Words a qualitative target starts with (符合相关规定, 按时完成 ...).
_EVALUATIVE_START = ("符合", "达到", "按时", "按期", "确保", "全部", "有效", "明显", "持续", "长期", "及时", "逐步")

#: Endings of an indicator name (…完成率, …数量, …成本, …满意度, …正常运行 ...).
_NAME_END = (
    "率",
    "数",
    "量",
    "度",
    "性",
    "费",
    "成本",
    "标准",
    "运行",
    "时间",
    "时长",
    "长",
    "内容",
    "面积",
    "规模",
    "人次",
    "金额",
    "资金",
    "情况",
    "效果",
    "效益",
    "水平",
    "指数",
    "次数",
)

#: Character limits of a target read on its own (`is_target`). An evaluative word ends a target
#: only in a compact cell (效果显著, 按时完成): in a longer text it ends a sentence of a remark.
_MAX_EVALUATIVE_TARGET_CHARS = 8
#: A comparator phrase without a number (不低于上年水平, 高于全省平均水平) is a target up to this
#: length; longer, it is a sentence that happens to start with 达到 or 超过.
_MAX_COMPARATOR_TARGET_CHARS = 14
#: A phrase opening with an evaluative word (符合国家相关标准要求) is a target up to this length
#: when it does not end open: the longest such targets fill one cell of a narrow target column.
_MAX_OPENING_TARGET_CHARS = 16

#: A fragment ending with one of these was cut in the middle of a cell.
_OPEN_END = "，,、（(“‘《：:；;—-/·"


def has_digit(text: str) -> bool:
    """True when `text` holds an Arabic digit."""
    return DIGIT_RE.search(text) is not None


def _han_letters_only(text: str) -> bool:
    """Whether every letter of `text` outside ASCII is a Han character (what `re` takes for `[^\\W\\d_a-zA-Z]`:
    alphanumeric, not a decimal digit)."""
    return text.isascii() or all(c.isascii() or is_han(c) or not c.isalnum() or c.isdecimal() for c in text)


def is_quantity(text: str) -> bool:
    """A bare quantity, maybe with comparator and unit: 100%, ≥5部, 19.96 万元, 2万元/部, 一周.

    `QUANTITY_RE.match(text.strip())`: its quick twin answers when it finds no match, or when the text has no
    letter outside ASCII but Han characters (its match is then one of QUANTITY_RE's); only a text with other
    letters (ｋｍ, μg) is left to QUANTITY_RE itself."""
    text = text.strip()
    if _QUANTITY_LETTERS.match(text) is None:
        return False
    return _han_letters_only(text) or QUANTITY_RE.match(text) is not None


def ends_with_quantity(text: str) -> bool:
    """`ENDS_WITH_QUANTITY_RE.search(text)`, decided as `is_quantity` decides: by the quick twin, and by
    ENDS_WITH_QUANTITY_RE only when the text from the quick match on has letters outside ASCII and Han."""
    found = _ENDS_WITH_QUANTITY_LETTERS.search(text)
    if found is None:
        return False
    return _han_letters_only(text[found.start():]) or ENDS_WITH_QUANTITY_RE.search(text) is not None


def is_target(text: str) -> bool:
    """True when `text` on its own reads like a target value (quantity, comparator sentence, evaluative phrase)."""
    text = text.strip()
    if not text:
        return False
    if is_quantity(text):
        return True
    if CMP_RE.search(text) and ends_with_quantity(text):
        return True
    compact = len(text) <= _MAX_EVALUATIVE_TARGET_CHARS and not any(ch in text for ch in "，,、。；")
    if re.match(_CMP, text) and len(text) <= _MAX_COMPARATOR_TARGET_CHARS and not any(ch in text for ch in "，,；"):
        return True  # 不低于上年水平, 高于全省平均水平
    if compact and (text.endswith(_EVALUATIVE_END) or text.startswith(_EVALUATIVE_START)):
        return True
    opening = text.startswith(_EVALUATIVE_START) and not text.endswith(tuple(_OPEN_END))
    return len(text) <= _MAX_OPENING_TARGET_CHARS and opening


def target_complete(text: str) -> bool:
    """True when a target cell's text so far looks finished (its next fragment is not a continuation)."""
    text = text.strip()
    if not text or text.endswith(tuple(_OPEN_END)) or text.endswith(_CMP_WORDS):
        return False
    if is_quantity(text) or ends_with_quantity(text):
        return True
    return text.endswith(_EVALUATIVE_END) or is_target(text)


def name_ends_like_name(text: str) -> bool:
    """True when `text` ends the way indicator names do (…率, …数量, …成本, …满意度, …运行 ...)."""
    return text.endswith(_NAME_END) and not has_digit(text)


#: Function words a phrase cannot end with (…公里和 / 支流…).
_DANGLING_END = "和及与或并且的之"


def is_open_end(text: str) -> bool:
    """True when `text` ends with punctuation or a function word that cannot end a cell (，、（ 和 ...)."""
    return text.endswith(tuple(_OPEN_END)) or text.endswith(tuple(_DANGLING_END))


def is_plain_number(text: str) -> bool:
    """A number alone, without comparator or unit (分值/得分 cells)."""
    return NUMBER_RE.match(text.strip()) is not None


_UNIT_START = lazy_compile(rf"^(?:%|％|‰|[A-Za-z]|[{_MEASURES}]|以上|以下|以内|左右)")
_COMPARATOR = lazy_compile(_CMP)
_ENDS_WITH_COMPARATOR = lazy_compile(rf"{_CMP}$")


def starts_with_unit(text: str) -> bool:
    """True when `text` starts with a unit or measure word that belongs to a number before it."""
    return _UNIT_START.match(text) is not None


def is_comparator_only(text: str) -> bool:
    """`≥`, `不少于` ...: a comparator written as a token of its own."""
    return _COMPARATOR.fullmatch(text.strip()) is not None


def ends_with_comparator(text: str) -> bool:
    """True when `text` ends with a comparator (`…不超过`), so its number follows."""
    return _ENDS_WITH_COMPARATOR.search(text.strip()) is not None
