"""Goal tables (一级/二级/三级目标 or 指标, 目标值/指标值, 备注) → Indicators of projects.

Columns are found by their header words. A row's level path comes from its 二级 cell (数量 →
产出/数量, 社会效益 → 效益/社会效益, 满意度 → 满意度) or else its 一级 cell. A row is attributed
to the project its name names; rows naming no project are shared by every project the table
serves. A table serves the projects its rows name, else the one project named by the nearest
heading or paragraph before it, else the one project whose words its rows use most, else the
only project that has no goal table yet.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from reportparse.han import has_han
from reportparse.lazypattern import lazy_compile
from reportparse.model import Actual, Cell, Evidence, Indicator, NamedQuantity, Project, Table
from reportparse.normalise import find_quantities, parse_actual, parse_target
from reportparse.parse.evidence import cell_evidence
from reportparse.parse.form.values import name_unit
from reportparse.parse.layout import Layout
from reportparse.parse.names import GENERIC, Registry, common_substring, core, same_project
from reportparse.parse.projectmentions import best_project_for, find_mentions
from reportparse.parse.scoretables import is_score_table
from reportparse.parse.sections import level_of

_ROLE_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("project", ("项目名称",)),
    ("l1", ("一级",)),
    ("l2", ("二级",)),
    ("name", ("三级", "指标名称", "具体指标", "指标内容", "绩效指标")),
    ("actual", ("实际完成", "完成值", "实际值", "实际完成值", "完成情况", "实施进度", "完成进度")),
    ("weight", ("分值", "权重")),
    ("score", ("得分",)),
    ("target", ("年度指标值", "目标值", "指标值", "年度标值", "预期目标", "期望值", "标准", "目标")),
    ("remark", ("备注", "说明")),
    ("nature", ("指标性质", "性质", "指标方向", "指标值类型")),
    ("unit", ("度量单位", "计量单位", "单位")),
]
#: what ends the clause before a remark's quantity, and the verb that may end its name ('带宽为')
_CLAUSE_BREAK = lazy_compile(r"[，,；;。、]")
_VERB_END = lazy_compile(r"(为|是|达到|达|约|共|均)$")


@dataclass
class GoalRow:
    """One indicator row of a goal table."""

    row: int
    level: str
    name: str
    cells: dict[str, Cell]
    target_text: str | None = None  # the target, when a dump left it inside the name cell
    project_text: str = ""  # the row's 项目名称 cell (carried down over blank/merged cells)
    remark_text: str | None = None  # the remark, when a dump's wrapped name spilled into it


@dataclass
class GoalTable:
    """A goal table, where it sits, its rows and the projects it serves."""

    position: int
    table: Table
    rows: list[GoalRow] = field(default_factory=list)
    served: list[str] = field(default_factory=list)
    caption: str = ""  # the text of the rows above the header (e.g. 'X项目绩效目标表')


#: The number a template prints before each row's name ('指标2:违法案件查办率'): no part of the name.
_TEMPLATE_NUMBER = lazy_compile(r"^指标[0-9０-９]{1,2}[:：.．、](?=\S)")


#: A header cell that is a bare figure: the points of the block, over its rows' scores.
_BLOCK_POINTS = lazy_compile(r"\d{1,3}(?:\.\d)?")


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def _columns(row: list[Cell]) -> dict[str, int]:
    """Column roles from a header row: each role takes the first cell naming it, preferred words first."""
    texts = [(cell.col, _clean(cell.text)) for cell in row]
    texts = [(col, t) for col, t in texts if t and len(t) <= 12]
    roles: dict[str, int] = {}
    for role, words in _ROLE_WORDS:
        for word in words:
            # (a 指标值类型 column, 定量/定性, names the target's kind, not the target: '指标值类型 | *指标值')
            hit = next((col for col, t in texts if word in t and col not in roles.values()
                        and not (role == "target" and _not_the_target(t, word))), None)
            if hit is not None:
                roles[role] = hit
                break
    last = texts[-1] if texts else None
    if last is not None and "score" not in roles and "actual" in roles and last[0] > roles["actual"] \
            and _BLOCK_POINTS.fullmatch(last[1]):
        roles["score"] = last[0]  # (the block's points printed where 得分 would stand, '实际完成值 | 50': its rows'
        # figures there are their scores)
    return roles


def _not_the_target(label: str, word: str) -> bool:
    """A label that names a target word yet is no target column: a goal's name ('…目标'), or the kind of the
    target (指标值类型: 定量/定性)."""
    return (label.endswith("目标") and label != word) or label.endswith("类型")


def _is_header(roles: dict[str, int]) -> bool:
    """Is a row with these column roles a goal-table header?"""
    return ("name" in roles and ("target" in roles or "l2" in roles)) or {"l1", "l2"} <= roles.keys()


def find_goal_tables(layout: Layout) -> list[GoalTable]:
    """The goal tables of the document, with their rows read into level/name/cells."""
    out: list[GoalTable] = []
    previous: dict[str, int] | None = None
    for position, table in layout.tables:
        if is_score_table(table):
            continue  # 一级指标 | 二级指标 | 分值 | 得分: claimed scores, no goals (parse/scoretables)
        roles: dict[str, int] | None = None
        start = 0
        # (a 目标申报表 puts its header below the project's rows: 项目名称, 金额, 总体目标 …)
        for r, row in enumerate(table.rows[:12]):
            found = _columns(row)
            if _is_header(found):
                roles, start = found, r + 1
                break
        if roles is None and previous is not None and out and _continues(out[-1], table, position, layout):
            roles = previous  # a continuation without its header row (next page)
        if roles is None:
            continue
        if "name" not in roles and "l2" in roles:
            roles["name"] = roles["l2"] + 1
        if "l1" not in roles and "l2" not in roles and roles.get("name", 0) > 0:
            left = roles["name"] - 1
            if left not in roles.values():
                roles["l2"] = left  # 绩效指标 | 指标内容 | 目标值: the column before the name holds the level
        caption = " ".join(dict.fromkeys(c.text for row in table.rows[:max(start - 1, 0)] for c in row))
        goal = GoalTable(position=position, table=table, caption=caption)
        _read_rows(goal, table, roles, start)
        if goal.rows:
            out.append(goal)
            previous = roles
    return out


def _continues(last: GoalTable, table: Table, position: int, layout: Layout) -> bool:
    """Does a header-less table carry on the goal table before it (same width, no prose between)?"""
    if not table.rows or not last.table.rows or len(table.rows[0]) != len(last.table.rows[0]):
        return False
    between = layout.paras_between(last.position, position)
    return all(len(info.para.text.strip()) <= 10 for info in between)


def _read_rows(goal: GoalTable, table: Table, roles: dict[str, int], start: int) -> None:
    """Read the indicator rows below the header, carrying merged level cells down."""
    l1 = l2 = project = ""
    template_texts = _repeated_off_name(table, roles, start)
    for r in range(start, len(table.rows)):
        row = table.rows[r]
        cells = {role: row[col] for role, col in roles.items() if col < len(row)}
        name = _TEMPLATE_NUMBER.sub("", _clean(cells["name"].text)) if "name" in cells else ""
        if name in template_texts:
            continue  # the template's rule printed on every row, slid into the name cell of a row that lost its
            # empty cells ('经济效益指标 | 未达指标值酌情扣分'): no indicator
        project = _clean(cells["project"].text) if "project" in cells and cells["project"].text.strip() else project
        new_l1 = _clean(cells["l1"].text) if "l1" in cells else ""
        if new_l1 and new_l1 != l1:
            l1, l2 = new_l1, ""  # a new first level: the second level does not carry over
        l2 = _clean(cells["l2"].text) if "l2" in cells and _clean(cells["l2"].text) else l2
        if not name or name in (l1, l2, *_TOTAL_ROWS) or _is_repeated_header(name, row):
            continue
        if _is_sublevel_label(table, roles, r, name):
            l2 = name  # '服务对象满意度' on a line of its own: the second level of the rows below
            continue
        split = _split_name_cell(cells)
        target_text = None
        if split is not None:
            sub_level, name, target_text = split
            l2 = sub_level or l2
        level = _level(l1, l2) or level_of(name)
        if level is None and not ({"l1", "l2"} & roles.keys()) and {"target", "actual"} <= cells.keys():
            level = ""  # (a table that prints no level at all, 指标名称 | 目标值 | 完成值: its rows are goals still)
        if level is None:
            continue
        goal.rows.append(GoalRow(row=r, level=level, name=name, cells=cells, target_text=target_text,
                                 project_text=project))


def _repeated_off_name(table: Table, roles: dict[str, int], start: int) -> set[str]:
    """Texts printed in a column other than the name's on two rows or more of the table (a 评分标准 the template
    writes on every row): no indicator's name."""
    name_col = roles.get("name")
    seen: dict[str, int] = {}
    for row in table.rows[start:]:
        for cell in row:
            text = _clean(cell.text)
            if cell.col != name_col and len(text) >= 4 and has_han(text):
                seen[text] = seen.get(text, 0) + 1
    return {text for text, count in seen.items() if count >= 2}


def _split_name_cell(cells: dict[str, Cell]) -> tuple[str | None, str, str] | None:
    """'服务对象满意度 读者满意度 ≥85%' in the name cell with an empty target cell (a text dump that
    lost the column breaks): (second level or None, name, target)."""
    if "target" not in cells or cells["target"].text.strip() or "name" not in cells:
        return None
    parts = cells["name"].text.split()
    if len(parts) < 2 or not re.search(r"\d|[≥≤<>＜＞]|不低于|不少于|不高于|不超过", parts[-1]):
        return None
    target = parts[-1]
    name = parts[-2]
    if not has_han(name) or re.search(r"\d", name):
        return None
    sub_level = parts[-3] if len(parts) >= 3 and level_of(parts[-3]) else None
    return sub_level, name, target


_TOTAL_ROWS = ("总分", "合计", "总计", "小计")


def _is_repeated_header(name: str, row: list[Cell]) -> bool:
    """A header row repeated on a following page."""
    return any(w in name for w in dict(_ROLE_WORDS)["name"]) and _is_header(_columns(row))


def _is_sublevel_label(table: Table, roles: dict[str, int], r: int, name: str) -> bool:
    """A row with a level word for a name, no value at all, followed by a row with no 二级 cell."""
    row = table.rows[r]
    values = [row[col].text.strip() for role, col in roles.items()
              if role not in ("l1", "l2", "name") and col < len(row)]
    if any(values) or level_of(name) is None or r + 1 >= len(table.rows):
        return False
    below = table.rows[r + 1]
    col = roles.get("l2")
    return col is None or col >= len(below) or not below[col].text.strip()


def _level(l1: str, l2: str) -> str | None:
    """The level path of a row: 二级 decides (数量 → 产出/数量); 一级 alone gives 产出/效益/满意度."""
    path2 = level_of(l2) if l2 else None
    if path2 is not None and ("/" in path2 or path2 == "满意度"):
        return path2
    path1 = level_of(l1) if l1 else None
    if path1 == "满意度" or (path1 is not None and path2 is None):
        return path1
    return path2 or path1


def project_column_names(tables: list[GoalTable]) -> list[str]:
    """The distinct names in goal tables' own 项目名称 columns."""
    return list(dict.fromkeys(row.project_text for goal in tables for row in goal.rows if row.project_text))


_FUND_NAME_END = lazy_compile(r"(费|经费|项目|资金)$")


def add_row_names(tables: list[GoalTable], registry: Registry) -> None:
    """Rows named like a project (成本 rows: 'X维护费') add that spelling to the project."""
    for goal in tables:
        for row in goal.rows:
            if not _FUND_NAME_END.search(row.name):
                continue
            project = registry.find(row.name)
            if project is not None and any(same_project(s, row.name) for s in project.spellings):
                project.add(row.name, 0)


def attribute_rows(tables: list[GoalTable], layout: Layout, names: list[tuple[str, list[str]]],
                   projects: dict[str, Project]) -> None:
    """Turn every goal row into Indicators of the projects it belongs to."""
    row_owner: dict[tuple[int, int], str | None] = {}
    for i, goal in enumerate(tables):
        _drop_caption_rows(goal, tables[i + 1] if i + 1 < len(tables) else None, names)
        _rejoin_wrapped_names(goal, names)
    for goal in tables:
        owners = []
        for row in goal.rows:
            owner = _column_owner(row.project_text, names) or _row_owner(row.name, names)
            row_owner[(goal.position, row.row)] = owner
            owners.append(owner)
        goal.served = list(dict.fromkeys(o for o in owners if o))
    for goal in tables:
        if not goal.served:
            goal.served = _served_by_context(goal, layout, names, projects, tables)
    for goal in tables:
        for row in goal.rows:
            owner = row_owner[(goal.position, row.row)]
            targets = [owner] if owner else goal.served
            for name in targets:
                others = [] if owner else [n for n in goal.served if n != name]
                projects[name].indicators.append(_indicator(goal.table, row, others))


def _drop_caption_rows(goal: GoalTable, following: GoalTable | None, names: list[tuple[str, list[str]]]) -> None:
    """A row that is only a project's name, with no target (a dump pulled the next table's caption
    into this table): not an indicator, but the caption of the table that follows."""
    kept: list[GoalRow] = []
    for row in goal.rows:
        target = row.target_text or (row.cells["target"].text.strip() if "target" in row.cells else "")
        found = find_mentions(re.sub(r"(绩效)?目标表?$", "", row.name), names)
        if not target and len(found) == 1 and found[0][0] == 0 and found[0][1] >= len(row.name) - 5:
            if following is not None and not following.caption:
                following.caption = row.name
            continue
        kept.append(row)
    goal.rows = kept


def _column_owner(text: str, names: list[tuple[str, list[str]]]) -> str | None:
    """The project a goal table's own 项目名称 column names."""
    if not text:
        return None
    found = {n for _, _, n in find_mentions(text, names)}
    return found.pop() if len(found) == 1 else best_project_for(text, names)


_DIGIT_OR_CLAUSE_MARK = lazy_compile(r"[\d，。；;,、]")


def _rejoin_wrapped_names(goal: GoalTable, names: list[tuple[str, list[str]]]) -> None:
    """A name wrapped by a text dump: its head in the row above's 备注 cell, its tail as this row's name
    ('社区卫生服务中心设备维' | '护完成率'). Rejoined when the two halves together name a project."""
    for above, row in itertools.pairwise(goal.rows):
        head = _clean(above.cells["remark"].text) if "remark" in above.cells and above.remark_text is None else ""
        if not head or _DIGIT_OR_CLAUSE_MARK.search(head) or find_mentions(head, names):
            continue
        joined = head + row.name
        cores = {core(s) for name, aliases in names for s in (name, *aliases)}
        if any(len(c) >= 4 and (at := joined.find(c)) >= 0 and at < len(head) <= at + len(c) for c in cores):
            row.name = joined
            above.remark_text = ""


def _row_owner(name: str, names: list[tuple[str, list[str]]]) -> str | None:
    """The project a row names, when the row is that name plus a short measure (…维护完成率)."""
    owner = best_project_for(name, names)
    if owner is None:
        return None
    spellings = [core(s) for n, aliases in names if n == owner for s in (n, *aliases)]
    shared = max(common_substring(c, name) for c in spellings)
    return owner if len(name) - shared <= 10 else None


_SENTENCE_END = lazy_compile(r"[。；;]")


def _served_by_context(goal: GoalTable, layout: Layout, names: list[tuple[str, list[str]]],
                       projects: dict[str, Project], tables: list[GoalTable]) -> list[str]:
    """The one project a table whose rows name none serves, from what surrounds it (see module doc)."""
    if len(projects) == 1:
        return list(projects)

    def single(text: str) -> str | None:
        found = {n for _, _, n in find_mentions(text, names)}
        return found.pop() if len(found) == 1 else None

    # only the text between the previous table and this one can caption it
    before = layout.paras_between(layout.previous_table(goal.position), goal.position)[-3:]
    nearest = before[-1].para.text if before else ""
    tail = _SENTENCE_END.split(nearest.rstrip("。；; "))[-1]
    for text in (goal.caption, tail):
        named = single(text)
        if named:
            return [named]
    if before and before[-1].project_heading:
        return [before[-1].project_heading]
    words = _overlap_scores(goal, names)
    if words:
        return [words]
    served = {n for g in tables for n in g.served}
    unserved = [n for n in projects if n not in served]
    for info in reversed(before):
        named = info.project_heading or single(info.para.text)
        if named and (named not in served or not unserved):
            return [named]
        if info.heading and info.heading <= 2:
            break
    return unserved[:1] if len(unserved) == 1 else []


def _overlap_scores(goal: GoalTable, names: list[tuple[str, list[str]]]) -> str | None:
    """The project whose name's specific 2-character words the table's rows use most (clearly)."""
    text = "".join(row.name for row in goal.rows)
    scores: list[tuple[int, str]] = []
    for name, aliases in names:
        grams = {c[i:i + 2] for s in (name, *aliases) for c in [core(s)] for i in range(len(c) - 1)}
        grams = {g for g in grams if not any(g in w for w in GENERIC)}
        scores.append((sum(text.count(g) for g in grams), name))
    scores.sort(reverse=True)
    if scores and scores[0][0] >= 2 and (len(scores) == 1 or scores[0][0] >= 2 * scores[1][0]):
        return scores[0][1]
    return None


def _indicator(table: Table, row: GoalRow, shared_with: list[str]) -> Indicator:
    """An Indicator from a goal row: target via the normaliser, 备注 quantities, table actual/weight/score."""
    cells = row.cells
    target_text = _clean_keep_spaces(cells["target"].text) if "target" in cells else ""
    if row.target_text is not None:
        target_text = row.target_text
    nature = _clean(cells["nature"].text) if "nature" in cells else ""
    # (a 度量单位 cell, else the unit the name prints in brackets: '项目总成本（万元）' over a bare 23.45)
    unit_hint = (_clean(cells["unit"].text) if "unit" in cells else "") or name_unit(row.name) or ""
    # (a comparator: 指标性质 ≥ | 指标值 98 | 度量单位 %; the kind of value, 定量/定性, is no part of the target)
    if nature and not re.search("定性|定量", nature) and target_text:
        target_text = f"{nature}{target_text}"
    evidence = [cell_evidence(table, cells["name"])]
    if "target" in cells and cells["target"].text.strip():
        evidence.append(cell_evidence(table, cells["target"]))
    indicator = Indicator(level=row.level, name=row.name,
                          target=parse_target(target_text, level=row.level, name=row.name,
                                              unit_hint=unit_hint or None),
                          shared_with=shared_with, evidence=evidence)
    remark = _clean_keep_spaces(cells["remark"].text) if "remark" in cells else ""
    if row.remark_text is not None:
        remark = row.remark_text
    if remark:
        indicator.remark = remark
        indicator.remark_quantities = remark_quantities(remark, cell_evidence(table, cells["remark"]))
    if "actual" in cells:
        text = _clean_keep_spaces(cells["actual"].text)
        indicator.actuals.append(_table_actual(text, cell_evidence(table, cells["actual"]), unit_hint or None))
    for role in ("weight", "score"):
        if role in cells:
            q = find_quantities(cells[role].text)
            if q and q[0].quantity.value is not None:
                setattr(indicator, role, q[0].quantity.value)
    return indicator


def _table_actual(text: str, ev: Evidence, unit_hint: str | None = None) -> Actual:
    """An 实际完成值 cell as an Actual (empty, qualitative or measured); a bare number takes `unit_hint`."""
    if not text:
        return Actual(raw="", kind="empty", origin="table", evidence=[ev])
    found = find_quantities(text)
    if not found:
        return Actual(raw=text, comparator="qualitative", kind="qualitative", origin="table", evidence=[ev])
    q = found[0].quantity
    if q.unit is None and unit_hint:
        return parse_actual(text, unit_hint=unit_hint, origin="table").model_copy(update={"evidence": [ev]})
    return Actual(raw=text, value=q.value, unit=q.unit, approx=q.approx, upper=q.upper,
                  comparator=found[0].comparator, kind="measured", origin="table", evidence=[ev])


def _clean_keep_spaces(text: str) -> str:
    """Cell text with line breaks joined (a wrapped cell is one phrase) and blanks collapsed."""
    return re.sub(r"[ \t]+", " ", re.sub(r"\s*\n\s*", "", text or "")).strip()


def remark_quantities(text: str, ev: Evidence) -> list[NamedQuantity]:
    """备注 quantities: '服务器带宽 不小于 150M，云主机数量 3 台' → named, compared quantities."""
    out: list[NamedQuantity] = []
    pos = 0
    for match in find_quantities(text):
        head = text[pos:match.start]
        name = _CLAUSE_BREAK.split(head)[-1]
        name = _VERB_END.sub("", name.strip()).strip()
        pos = match.end
        if not name or re.fullmatch(r"[\W\d]*", name):
            continue
        q = match.quantity.model_copy(update={"evidence": [ev]})
        out.append(NamedQuantity(name=name, comparator=match.comparator or "=", quantity=q))
    return out
