"""One goal table shared by several projects (the seed report's pattern, with other projects).

Rows that belong to one project carry its name in the indicator (乡村公路日常养护完成率,
城区河道保洁经费); rows that name no project (运维及时性, 服务对象满意度) apply to all of them and
are written once. Each project still reports and scores its own copy in the analysis.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

from genlib.common import Ind, Table, make_target
from genlib.project import Proj

SHARED_PREFIX = "*shared"
SHARED_ROWS = (("产出/时效", "运维及时性", "及时", "及时响应并完成"),
               ("效益/社会效益", "为群众生产生活提供保障", "效果显著", "保障作用明显"))


def key_of(name: str) -> str:
    """The project's name without its money word: 城区河道保洁经费 → 城区河道保洁."""
    return re.sub(r"(服务费|经费|补助|费)$", "", name)


def share_goals(projects: list[Proj], rng: random.Random) -> None:
    """Rewrite the projects' indicators to the shared-table pattern (before weights are assigned)."""
    for proj in projects:
        key = key_of(proj.name)
        own: list[Ind] = []
        done = make_target("产出/数量", f"{key}完成率", "pct", ">=", 100, rng, bare=rng.random() < 0.5)
        if done.bare:
            done.cmp = "="
        done.actual = Decimal(100)
        own.append(done)
        quality = proj.ind("质量")
        quality.name = f"{key}{quality.name}"
        own.append(quality)
        for level, name, target, actual in SHARED_ROWS[:1]:
            ind = make_target(level, name, "qual", "", target, random.Random(name))
            ind.actual_text = actual
            own.append(ind)
        cost = make_target("产出/成本", proj.name, "money", "<=", proj.planned, rng, bare=True)
        cost.cmp, cost.actual = "<=", proj.executed
        own.append(cost)
        for level, name, target, actual in SHARED_ROWS[1:]:
            ind = make_target(level, name, "qual", "", target, random.Random(name))
            ind.actual_text = actual
            own.append(ind)
        sat = make_target("满意度", "服务对象满意度", "pct", ">=", 90, random.Random("满意度"))
        sat.actual = Decimal(rng.choice([92, 95, 96, 98]))
        own.append(sat)
        proj.inds = own


def is_shared(ind: Ind) -> bool:
    return ind.name in {row[1] for row in SHARED_ROWS} or ind.name == "服务对象满意度"


def shared_goal_table(projects: list[Proj], rng: random.Random) -> Table:
    """All projects' goals in one table: project rows per level, shared rows once."""
    rows = [["一级目标", "二级目标", "三级目标", "目标值", "备注"]]
    first_names = {"产出": "产出目标", "效益": "效果目标", "满意度": "满意度目标"}
    second_names = {"数量": "数量目标", "质量": "质量目标", "时效": "时效目标", "成本": "成本目标",
                    "社会效益": "社会效益", "满意度": "满意度"}
    last_first = ""
    for position in range(len(projects[0].inds)):
        level = projects[0].inds[position].level
        owners = projects[:1] if is_shared(projects[0].inds[position]) else projects
        for n, proj in enumerate(owners):
            ind = proj.inds[position]
            first = first_names[level.split("/")[0]]
            second = second_names[level.split("/")[-1]] if n == 0 else ""
            rows.append([first if first != last_first else "", second, ind.name, ind.target_text, ""])
            last_first = first
    return Table(rows=rows, vertical_label="绩效目标", split_at=len(rows) - 3 if rng.random() < 0.5 else None)


def gold_owner(ind: Ind, proj: Proj) -> str:
    """The gold's project of a goal row: the project, or '*shared' for a row every project shares."""
    return SHARED_PREFIX if is_shared(ind) else proj.name
