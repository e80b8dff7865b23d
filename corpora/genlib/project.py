"""Project facts shared by both layouts: names, budget, indicators, weights and true scores."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from genlib.common import Ind, jnum, make_target, meets, pro_rata
from genlib.themes import Theme

D = Decimal
CENT = D("0.01")


@dataclass
class Proj:
    """Everything the generator decided about one project."""

    theme: Theme
    name: str
    aliases: list[str]
    planned: Decimal
    executed: Decimal
    inds: list[Ind]
    returned: Decimal | None = None
    balance_note: str = ""
    nest_sat: bool = False
    budget_weight: Decimal = field(default_factory=lambda: D(10))
    budget_score: Decimal = field(default_factory=lambda: D(10))
    printed_rate: Decimal | None = None
    initial: Decimal | None = None  # 年初预算 when the budget was adjusted during the year (planned = adjusted)
    evaluated: bool = True
    level_weights: dict[str, Decimal] = field(default_factory=dict)  # printed 分值 per level path
    level_scores: dict[str, Decimal] = field(default_factory=dict)  # printed 得分 per level path

    def ind(self, level_suffix: str) -> Ind:
        """The first indicator whose level ends with `level_suffix` (数量, 满意度 ...)."""
        return next(i for i in self.inds if i.level.endswith(level_suffix))

    @property
    def rate(self) -> Decimal:
        return (self.executed / self.planned * 100).quantize(CENT, ROUND_HALF_UP)

    def claimed_scores(self) -> dict[str, list[int | float | None]]:
        out: dict[str, list[int | float | None]] = {}
        for level, weight in self.level_weights.items():
            if level in self.level_scores:
                out[level] = [jnum(weight), jnum(self.level_scores[level])]
        return out


def true_score(ind: Ind) -> Decimal:
    """The score the national-2020 rules give an indicator (positive pro rata, reverse 2−B/A)."""
    assert ind.weight is not None
    if ind.cmp == "qualitative" or ind.actual is None or ind.value is None:
        return ind.weight
    if meets(ind, ind.actual):
        return ind.weight
    if ind.cmp in (">=", ">", "="):
        return pro_rata(ind.weight, ind.actual, ind.value)
    ratio = 2 - ind.actual / ind.value
    return max(D(0), (ratio * ind.weight).quantize(CENT))


def build_project(theme: Theme, rng: random.Random, nest_sat: bool = False) -> Proj:
    """A project with met targets, a fully spent budget and consistent true scores."""
    inds: list[Ind] = []
    for level, name, kind, cmp, target, word, actual in theme.indicators:
        if level == "满意度" and nest_sat:
            level = "效益/满意度"
        bare = False
        if kind in ("pct", "count") and cmp == ">=" and rng.random() < 0.15:
            bare, cmp = True, "="
        if kind == "money" and rng.random() < 0.3:
            bare = True
        ind = make_target(level, name, kind, cmp, target, rng, word=word, bare=bare)
        if kind == "money":
            ind.cmp = "<="
        if kind in ("qual", "vague"):
            ind.actual_text = str(actual)
        else:
            ind.actual = D(str(actual))
        inds.append(ind)
    counts = {i.word: i for i in inds if i.kind == "count" and i.level.endswith("数量")}
    unit_cost = next((i for i in inds if i.kind == "unit_cost"), None)
    if unit_cost is not None and unit_cost.word in counts and unit_cost.value is not None:
        qty = counts[unit_cost.word].actual or D(1)
        planned = hundreds(unit_cost.value * qty * D(str(rng.uniform(0.8, 0.95))))
    else:
        low, high = theme.budget_wan
        planned = D(rng.randint(low * 100, high * 100)) * 100
    aliases = [theme.name + "项目"]
    if theme.short != theme.name:
        aliases.append(theme.short)
    proj = Proj(theme=theme, name=theme.name, aliases=aliases, planned=planned, executed=planned, inds=inds,
                nest_sat=nest_sat)
    refresh_costs(proj)
    return proj


def refresh_costs(proj: Proj) -> None:
    """Cost indicators follow the budget: a money target is the budget, its actual the spending;
    a unit cost's actual is spending ÷ the reported quantity."""
    for ind in proj.inds:
        if ind.kind == "money":
            from genlib.common import make_target as _mt

            rng = random.Random(f"{proj.name}:{proj.planned}")
            fresh = _mt(ind.level, ind.name, "money", "<=", proj.planned, rng, bare=ind.bare)
            ind.value, ind.target_text, ind.value_text, ind.unit_text = (fresh.value, fresh.target_text,
                                                                        fresh.value_text, fresh.unit_text)
            ind.nature = "≤"  # a split-column form writes the cost's comparator out
            ind.actual = proj.executed
        elif ind.kind == "unit_cost":
            qty = next((i.actual for i in proj.inds if i.kind == "count" and i.word == ind.word
                        and i.level.endswith("数量")), None)
            if qty:
                ind.actual = (proj.executed / qty).quantize(CENT if proj.executed / qty < 100 else D(1))


def assign_narrative_weights(proj: Proj, rng: random.Random) -> None:
    """One indicator per sub-level; weights 10/50/30/10 (or 10/50/40 with 满意度 inside 效益)."""
    output = [i for i in proj.inds if i.level.startswith("产出")]
    split = rng.choice([(15, 15, 10, 10), (20, 10, 10, 10), (20, 15, 5, 10), (15, 10, 15, 10)])
    for ind, weight in zip(output, split, strict=True):
        ind.weight = D(weight)
    benefit = [i for i in proj.inds if i.level.startswith("效益") and not i.level.endswith("满意度")]
    sat = proj.ind("满意度")
    if proj.nest_sat:
        sat.weight = D(rng.choice([10, 15, 20]))
        benefit[0].weight = D(40) - sat.weight
    else:
        benefit[0].weight, sat.weight = D(30), D(10)
    compute_scores(proj)


def compute_scores(proj: Proj) -> None:
    """True indicator scores, rolled up into level weights/scores (what an honest report prints)."""
    rate = min(proj.executed / proj.planned, D(1))
    proj.budget_score = (proj.budget_weight * rate).quantize(CENT, ROUND_HALF_UP)
    for ind in proj.inds:
        ind.score = true_score(ind)
    rollup(proj)


def rollup(proj: Proj) -> None:
    """Level weights and scores as the sums of the indicators' printed weights and scores."""
    weights: dict[str, Decimal] = {"预算执行": proj.budget_weight}
    scores: dict[str, Decimal] = {"预算执行": proj.budget_score}
    for ind in proj.inds:
        assert ind.weight is not None and ind.score is not None
        parts = ind.level.split("/")
        for depth in range(1, len(parts) + 1):
            key = "/".join(parts[:depth])
            weights[key] = weights.get(key, D(0)) + ind.weight
            scores[key] = scores.get(key, D(0)) + ind.score
    weights["总分"] = sum((w for k, w in weights.items() if "/" not in k), D(0))
    scores["总分"] = sum((s for k, s in scores.items() if "/" not in k), D(0))
    proj.level_weights, proj.level_scores = weights, scores


def hundreds(amount: Decimal) -> Decimal:
    """Round yuan to whole hundreds (0.01 万元), as budgets are printed."""
    return (amount / 100).quantize(D(1), ROUND_HALF_UP) * 100


def set_spending(proj: Proj, executed: Decimal, returned: bool, note: str = "") -> None:
    """Change what was spent; the unspent part is returned (and said so) or left unexplained."""
    proj.executed = hundreds(executed)
    balance = proj.planned - proj.executed
    if returned and balance > 0:
        proj.returned = balance
        proj.balance_note = note
    refresh_costs(proj)
