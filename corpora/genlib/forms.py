"""Standard 项目支出绩效自评表 forms (scoring-rules §1): header, 项目资金, 年度总体目标, indicators, 总分."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from genlib.common import Block, Ind, Para, Table, actual_phrase, make_target, num_text, wan
from genlib.project import Proj, compute_scores

D = Decimal
FIRST = {"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标"}
SECOND = {"数量": "数量指标", "质量": "质量指标", "时效": "时效指标", "成本": "成本指标", "社会效益": "社会效益指标",
          "经济效益": "经济效益指标", "生态效益": "生态效益指标", "可持续影响": "可持续影响指标",
          "满意度": "服务对象满意度指标"}


@dataclass
class FormSpec:
    """Layout choices of one form."""

    year: int
    unit: str
    department: str
    split_columns: bool = False  # 指标性质/指标值/度量单位 + 权重 + 未完成原因分析
    subtotal_labels: bool = True  # 产出指标（50分）
    grade: str | None = None  # printed 评价等级
    qual_actual_style: str = "words"  # words: the target's words; tier: 达成预期指标
    goal_text_done: str = ""
    carryover: Decimal | None = None  # 上年结转资金 printed in the parts but not in the total (fund-sum-mismatch)
    label_weights: dict[str, Decimal] | None = None  # printed 一级 subtotals / 总分 分值 that differ from Σ
    split_rows_from: int | None = None  # the table continues on the next page from this row
    initial: Decimal | None = None  # 年初预算数 when the budget was adjusted during the year
    rate_decimals: bool = False  # 执行率 printed as 95.00% rather than 95%
    name_prefix: bool = False  # 三级指标 printed as 指标1：名称
    percent_word: bool = False  # ≥95百分比 instead of ≥95%
    money_actual_yuan: bool = False  # a money actual in 元 while its target is in 万元
    split_tables: bool = False  # the indicator block is a table of its own (DOCX/PDF only)


def form_weights(proj: Proj, rng: random.Random) -> None:
    """Give a form two 效益 indicators and the central default weights 10/50/30/10."""
    benefit = [i for i in proj.inds if i.level.startswith("效益") and not i.level.endswith("满意度")]
    if len(benefit) == 1:
        extra_level = "效益/可持续影响" if not benefit[0].level.endswith("可持续影响") else "效益/社会效益"
        name, target, actual = rng.choice([("后续运维机制", "建立运维制度", "已建立运维制度"),
                                           ("项目持续发挥作用", "长期", "全年持续发挥作用")])
        extra = make_target(extra_level, name, "qual", "", target, rng)
        extra.actual_text = actual
        proj.inds.insert(proj.inds.index(benefit[0]) + 1, extra)
        benefit.append(extra)
    for ind in proj.inds:
        suffix = ind.level.split("/")[-1]
        ind.weight = {"数量": D(20), "质量": D(10), "时效": D(10), "成本": D(10), "满意度": D(10)}.get(suffix, D(15))
    compute_scores(proj)


def qualitative_actual(ind: Ind, spec: FormSpec) -> str:
    if ind.actual_text.startswith(("部分达成", "未达成")) or not ind.actual_text:
        return ind.actual_text
    return "达成预期指标" if spec.qual_actual_style == "tier" else ind.actual_text


def actual_cell(ind: Ind, spec: FormSpec, rng: random.Random) -> str:
    """What the 实际完成值 cell shows."""
    if ind.cell is not None:
        return ind.cell
    if ind.actual_text and (ind.actual is None or ind.cmp == "qualitative"):
        return qualitative_actual(ind, spec) if ind.cmp == "qualitative" else ind.actual_text
    if ind.actual is None:
        return ind.actual_text
    if ind.kind == "money" and spec.money_actual_yuan and not spec.split_columns:
        return f"{int(ind.actual)}元"
    if spec.split_columns:
        if ind.kind == "money":
            return wan(ind.actual)
        if ind.kind == "dur":
            factor = {"天": D(24), "周": D(168)}.get(ind.unit_text, D(1))
            return num_text(ind.actual / factor)
        if ind.kind == "unit_cost" and ind.unit_text.startswith("万元"):
            return num_text(ind.actual / 10000)
        return num_text(ind.actual)
    return actual_phrase(ind, ind.actual, rng)


def indicator_rows(proj: Proj, spec: FormSpec, rng: random.Random) -> list[list[str]]:
    rows: list[list[str]] = []
    last_first = last_second = ""
    number = 0
    for ind in proj.inds:
        top = ind.level.split("/")[0]
        first = FIRST[top]
        if spec.subtotal_labels:
            first += f"（{num_text((spec.label_weights or {}).get(top, proj.level_weights[top]))}分）"
        second = SECOND[ind.level.split("/")[-1]]
        shown_first = first if first != last_first else ""
        shown_second = second if (second, first) != (last_second, last_first) else ""
        last_first, last_second = first, second
        number = 1 if shown_second else number + 1
        name = f"指标{number}：{ind.name}" if spec.name_prefix else ind.name
        target_text = ind.target_text
        if spec.percent_word and ind.kind == "pct":
            target_text = target_text.replace("％", "%").replace("%", "百分比")
        actual = actual_cell(ind, spec, rng)
        if ind.actual is not None or ind.cell is not None:
            ind.actual_text = actual  # the gold quotes the cell as printed
        weight = num_text(ind.weight) if ind.weight is not None else ""
        score = num_text(ind.score) if ind.score is not None else ""
        if spec.split_columns:
            if ind.cmp == "qualitative":
                target = ["定性", ind.target_text, ""]
            else:
                target = [ind.nature or "=", ind.value_text, ind.unit_text]
            rows.append(["", shown_first, shown_second, name, *target, actual, weight, score, ind.reason])
        else:
            rows.append(["", shown_first, shown_second, name, target_text, actual, weight, score, ind.reason])
    return rows


def build_form(proj: Proj, spec: FormSpec, rng: random.Random) -> list[Block]:
    """One project's form as a title paragraph and one table."""
    width = 11 if spec.split_columns else 9
    pad = lambda cells: cells + [""] * (width - len(cells))  # noqa: E731
    rate = (proj.executed / proj.planned * 100).quantize(D("0.01"), ROUND_HALF_UP)
    shown_rate = proj.printed_rate if proj.printed_rate is not None else rate
    rate_text = f"{shown_rate:.2f}%" if spec.rate_decimals else f"{num_text(shown_rate)}%"
    initial = wan(spec.initial) if spec.initial is not None else wan(proj.planned)
    carry = wan(spec.carryover) if spec.carryover is not None else ""
    labels = spec.label_weights or {}
    rows: list[list[str]] = [
        pad(["项目名称", proj.name]),
        pad(["主管部门", spec.department, "", "", "实施单位", spec.unit]),
        pad(["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]),
        pad(["", "年度资金总额", initial, wan(proj.planned), wan(proj.executed),
             num_text(proj.budget_weight), rate_text, num_text(proj.level_scores["预算执行"])]),
        pad(["", "其中：本年财政拨款", initial, wan(proj.planned), wan(proj.executed), "—", "—", "—"]),
        pad(["", "上年结转资金", carry, carry, carry, "—", "—", "—"]),
        pad(["", "其他资金", "", "", "", "—", "—", "—"]),
        pad(["年度总体目标", "预期目标", "", "", "", "实际完成情况"]),
        pad(["", f"完成{proj.theme.purpose}等年度任务。", "", "", "",
             spec.goal_text_done or f"已完成{proj.theme.purpose}等年度任务。" + proj.balance_note]),
    ]
    if spec.split_columns:
        head = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "权重",
                "得分", "未完成原因分析"]
    else:
        head = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                "偏差原因分析及改进措施"]
    header_row = len(rows)
    rows.append(head)
    rows += indicator_rows(proj, spec, rng)
    total_w, total_s = labels.get("总分", proj.level_weights["总分"]), proj.level_scores["总分"]
    rows.append([*pad(["总分"])[: width - 3], num_text(total_w), num_text(total_s), ""])
    if spec.grade:
        rows.append(pad(["评价等级", spec.grade]))
    merges = [(0, 1, 0, width - 1), (2, 0, 6, 0), (7, 0, 8, 0), (header_row, 0, len(rows) - 2 - bool(spec.grade), 0)]
    split = spec.split_rows_from if spec.split_rows_from is None else header_row + spec.split_rows_from
    title = Para(f"项目支出绩效自评表（{spec.year}年度）")
    if spec.split_tables:  # 项目资金/总体目标 in one table, the indicators (with 总分) in a second one
        top = Table(rows=rows[:header_row], header_rows=header_row, merges=merges[:3])
        bottom_rows = rows[header_row:]
        bottom = Table(rows=bottom_rows, header_rows=1, merges=[(0, 0, len(bottom_rows) - 2 - bool(spec.grade), 0)])
        return [title, top, bottom]
    table = Table(rows=rows, header_rows=header_row + 1, merges=merges, split_at=split, sheet=proj.name[:28])
    return [title, table]


def gold_scores(proj: Proj) -> dict[str, list[int | float | None]]:
    return proj.claimed_scores()
