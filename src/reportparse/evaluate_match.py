"""Matching for `reportparse eval`: names, findings against gold entries, extraction accuracy.

Tolerant of naming (NFKC, traditional characters and pinyin glosses, punctuation, 项目, aliases by
containment), strict on codes; numbers agree within 1.1 % (as shared/tools/score_gold.py),
comparators and units through small synonym tables. Works on the JSON form of a Result (`check --format json`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from reportparse.lazypattern import lazy_compile
from reportparse.normalise.units import canonical_unit, rate_parts

Json = dict[str, Any]


# ------------------------------------------------------------------------------------------
# matching
# ------------------------------------------------------------------------------------------

_PUNCT = lazy_compile(r"[\s\"'“”‘’「」『』《》〈〉()（）\[\]【】<>,，、.。:：;；·]")


def norm_name(text: object, lists: bool = False) -> str:
    """A name reduced for comparison: NFKC, simplified characters without pinyin glosses (a gold copies
    a traditional-character page's names as printed; the tool reads its reading copy), no punctuation or
    spaces, no 项目; with `lists`, a list's 和/及/与 also written 、 (and so dropped) as the reader names a goal
    ('农家书屋和社区书屋更新图书' is its '农家书屋、社区书屋更新图书')."""
    from reportparse.parse.goalwords import list_commas
    from reportparse.parse.reading import reading_copy  # (OpenCC is loaded only when eval compares names)

    folded = reading_copy(unicodedata.normalize("NFKC", str(text or "")))
    return _PUNCT.sub("", list_commas(folded) if lists else folded).replace("项目", "")


def level_key(level: object) -> str:
    """A score level's path for comparison: simplified characters without glosses, no spaces."""
    from reportparse.parse.reading import reading_copy

    return "".join(reading_copy(unicodedata.normalize("NFKC", str(level or ""))).split())


def names_match(a: object, b: object) -> bool:
    """Two names refer to the same thing when one contains the other after normalising (with a list's 和 kept,
    or written 、 on both sides: a name cut short keeps its 和, '生态文明理念和意')."""
    for lists in (False, True):
        left, right = norm_name(a, lists), norm_name(b, lists)
        if left and right and (left in right or right in left):
            return True
    return False


def project_spellings(project: Json) -> list[str]:
    return [str(project.get("name") or "")] + [str(a) for a in project.get("aliases") or []]


def gold_project(gold: Json, name: str) -> Json | None:
    for project in gold.get("projects") or []:
        if project.get("name") == name:
            return dict(project)
    return None


def finding_text(finding: Json) -> str:
    """Everything a finding says, to find an indicator or project it names only in passing."""
    parts = [finding.get("indicator"), finding.get("message")]
    parts.extend(e.get("text") for e in finding.get("evidence") or [] if isinstance(e, dict))
    return " ".join(str(p) for p in parts if p)


def refers_to_project(gold: Json, gold_name: str, finding: Json) -> bool:
    """Does the finding concern the gold project `gold_name` (by name, alias, or quote)?"""
    project = gold_project(gold, gold_name) or {"name": gold_name}
    spellings = project_spellings(project)
    named = finding.get("project")
    if named:
        return any(names_match(s, named) for s in spellings)
    text = norm_name(finding_text(finding))
    return any(norm_name(s) and norm_name(s) in text for s in spellings)


def finding_matches(entry: Json, finding: Json, gold: Json) -> bool:
    """Does a pipeline finding match a gold finding entry (code, project, indicator)?"""
    codes = [entry.get("code"), *(entry.get("code_alt") or [])]
    if finding.get("code") not in codes:
        return False
    project = entry.get("project")
    if project and not project.startswith("*") and not refers_to_project(gold, project, finding):
        return False
    indicator = entry.get("indicator")
    if indicator:
        named = finding.get("indicator")
        if not (named and names_match(indicator, named)) and norm_name(indicator) not in norm_name(
            finding_text(finding)
        ):
            return False
    return True


# ------------------------------------------------------------------------------------------
# extraction accuracy
# ------------------------------------------------------------------------------------------


def number(value: object) -> float | None:
    if isinstance(value, dict):
        value = value.get("value")
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(str(value))
    except ValueError:
        return None


def close(found: float | None, expected: float, tolerance: float = 0.011) -> bool:
    return found is not None and abs(found - expected) <= tolerance * max(1.0, abs(expected))


_CMP = {"≥": ">=", "≧": ">=", ">=": ">=", ">": ">", "≤": "<=", "≦": "<=", "<=": "<=", "<": "<",
        "=": "=", "==": "=", "＝": "=", "﹦": "="}
_UNIT_SYNONYMS = [{"h", "小时", "hour"}, {"%", "％", "百分比", "percent"}, {"元", "yuan"},
                  {"月", "个月", "month"}, {"mbps", "m", "兆"}, {"gb", "g"}, {"平方米", "㎡", "m2", "m²"},
                  {"km", "公里", "千米"}, {"天", "日"}]


def comparator_class(raw: object) -> str | None:
    if raw is None:
        return None
    text = str(raw).strip()
    if text in _CMP:
        return _CMP[text]
    lowered = text.lower()
    if lowered in ("qualitative", "定性", "none", "text", ""):
        return "qualitative"
    return lowered


def units_match(expected: object, found: object) -> bool:
    """The same unit, however a rate is joined: 元/人*月 is 元/人·月 and 元/(人·月), never 元/人; in simplified
    characters (a gold copies a traditional-character page's units as printed, '個', '萬元'; the tool reads its
    reading copy, as it does names)."""
    if expected is None:
        return True
    left, right = _unit_text(expected), _unit_text(found)
    if left == right:
        return True
    left_rate, right_rate = _rate(left), _rate(right)
    if left_rate is not None or right_rate is not None:
        return (left_rate is not None and right_rate is not None and len(left_rate) == len(right_rate)
                and all(_unit_words_match(a, b) for a, b in zip(left_rate, right_rate, strict=True)))
    return _unit_words_match(left, right)


def _unit_text(unit: object, lower: bool = True) -> str:
    from reportparse.parse.reading import reading_copy

    text = reading_copy(str(unit or "").strip())
    return text.lower() if lower else text


def _rate(unit: str) -> tuple[str, ...] | None:
    """A rate unit as its numerator followed by its denominator's parts, as written (None for no rate)."""
    split = rate_parts(unicodedata.normalize("NFKC", unit))
    return None if split is None else (split[0], *split[1])


def _unit_words_match(left: str, right: str) -> bool:
    return left == right or any(left in group and right in group for group in _UNIT_SYNONYMS)


def extracted_indicators(report: Json) -> Iterator[tuple[Json | None, Json]]:
    for project in report.get("projects") or []:
        for indicator in project.get("indicators") or []:
            yield project, indicator


def indicator_found(entry: Json, report: Json, gold: Json | None = None) -> bool:
    """Is the gold indicator extracted with the right comparator, value, unit (and actual/weight/score)?
    Its project may be found under any spelling the gold gives that project (name or alias)."""
    owner = str(entry.get("project") or "")
    owner_entry = gold_project(gold, owner) if gold is not None and owner else None
    owners = project_spellings(owner_entry) if owner_entry is not None else [owner]
    for project, indicator in extracted_indicators(report):
        if not names_match(entry.get("name"), indicator.get("name")):
            continue
        foreign = owner and not owner.startswith("*") and project is not None
        if foreign and not any(names_match(o, s) for o in owners for s in project_spellings(project or {})):
            continue
        if target_right(entry, indicator.get("target") or {}) and extras_right(entry, indicator):
            return True
    return False


def indicator_miss_kind(entry: Json, report: Json, gold: Json | None = None) -> str:
    """Why a gold indicator was not found, the first stage that fails it: `unnamed` (no extracted indicator
    bears its name), `other-project` (only under a project that is not the gold's owner), `target` (its
    comparator, value or unit differ), `extras` (its weight, score or actual differ)."""
    owner = str(entry.get("project") or "")
    owner_entry = gold_project(gold, owner) if gold is not None and owner else None
    owners = project_spellings(owner_entry) if owner_entry is not None else [owner]
    kind = "unnamed"
    for project, indicator in extracted_indicators(report):
        if not names_match(entry.get("name"), indicator.get("name")):
            continue
        foreign = owner and not owner.startswith("*") and project is not None
        if foreign and not any(names_match(o, s) for o in owners for s in project_spellings(project or {})):
            kind = "other-project" if kind == "unnamed" else kind
            continue
        if not target_right(entry, indicator.get("target") or {}):
            kind = "target" if kind in ("unnamed", "other-project") else kind
            continue
        kind = "extras"
    return kind


def project_miss_kind(gold_entry: Json, report: Json) -> str:
    """Why a gold project was not read right: `unnamed` (no extracted project bears its name or an alias),
    `no-budget` (found, but without a figure the gold gives), `budget` (a figure differs)."""
    project = find_project(gold_entry, report)
    if project is None:
        return "unnamed"
    budget = project.get("budget") or {}
    for gold_key, key in (("budget", "planned"), ("executed", "executed")):
        if gold_entry.get(gold_key) is not None and number(budget.get(key)) is None:
            return "no-budget"
    return "budget"


def target_right(entry: Json, target: Json) -> bool:
    found = comparator_class(target.get("comparator"))
    if entry.get("cmp") == "qualitative":
        return target.get("value") is None or found == "qualitative"
    allowed = [entry.get("cmp"), *(entry.get("cmp_alt") or [])]
    if found not in allowed:
        return False
    scale = unit_scale(entry.get("unit"), target.get("unit"))
    if scale is None:
        return False
    return close(number(target.get("value")), float(entry["value"]) * scale)


#: Multiplier prefixes of a printed unit: a gold copies '1.2万亩' as 1.2 万亩, the tool may give the
#: same quantity as 12000 亩 (and money in 元).
_PREFIXES = (("亿", 100_000_000.0), ("万", 10_000.0), ("千", 1_000.0))


def unit_scale(expected: object, found: object) -> float | None:
    """The factor that turns a value in the gold's unit into the extracted unit: 1 when the units
    match, 10000 for 万亩 → 亩 or 万元 → 元; None when they name different quantities."""
    if units_match(expected, found):
        return 1.0
    left, right = _unit_text(expected, lower=False), _unit_text(found, lower=False)
    for prefix, factor in _PREFIXES:
        if left.startswith(prefix) and len(left) > len(prefix) and units_match(left[len(prefix):], right):
            return factor
    # a unit the tool writes in its canonical one: the gold copies '1300m', the tool gives 1.3 公里
    written, canonical = canonical_unit(left), canonical_unit(right)
    if written is not None and canonical is not None and written[0] == canonical[0] == right:
        return float(written[1] / canonical[1])
    return None


def extras_right(entry: Json, indicator: Json) -> bool:
    """Forms: weight, score and actual must match too where the gold gives them."""
    for key in ("weight", "score"):
        if entry.get(key) is not None and not close(number(indicator.get(key)), float(entry[key])):
            return False
    if entry.get("actual") is not None:
        values = [number(a) for a in indicator.get("actuals") or []] + [number(indicator.get("actual"))]
        scale = unit_scale(entry.get("unit"), (indicator.get("target") or {}).get("unit")) or 1.0
        expected = float(entry["actual"])
        if not any(close(v, expected) or close(v, expected * scale) for v in values if v is not None):
            return False
    return True


def find_project(gold_entry: Json, report: Json) -> Json | None:
    for project in report.get("projects") or []:
        if any(names_match(a, b) for a in project_spellings(gold_entry) for b in project_spellings(project)):
            return dict(project)
    return None


def project_right(gold_entry: Json, report: Json) -> bool:
    project = find_project(gold_entry, report)
    if project is None:
        return False
    budget = project.get("budget") or {}
    for gold_key, key in (("budget", "planned"), ("executed", "executed")):
        expected = gold_entry.get(gold_key)
        if expected is not None and not close(number(budget.get(key)) or 0.0, float(expected)):
            return False
    return True


def scores_right(gold_entry: Json, report: Json) -> tuple[int, int]:
    """(claimed scores extracted right, claimed scores in the gold) for one project."""
    claimed = {lv: ws for lv, ws in (gold_entry.get("claimed_scores") or {}).items()
               if ws and ws[0] is not None and ws[1] is not None}
    project = find_project(gold_entry, report)
    if project is None:
        return 0, len(claimed)
    right = 0
    for level, (weight, score) in claimed.items():
        # (a gold copies a traditional-character page's level names as printed, '預算執行'; the tool reads its
        # reading copy, '预算执行')
        level = level_key(level)
        for line in project.get("scores") or []:
            found = level_key(line.get("level"))
            same_level = found == level or found.split("/")[-1] == level.split("/")[-1]
            if same_level and close(number(line.get("weight")), float(weight)) and close(
                number(line.get("score")), float(score)
            ):
                right += 1
                break
    return right, len(claimed)
