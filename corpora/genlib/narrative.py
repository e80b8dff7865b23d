"""Narrative 绩效自评报告 documents: prose sections, goal tables and per-project analysis."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from genlib.common import Block, Heading, Ind, Para, Table, actual_phrase, chinese_int, money, num_text, percent
from genlib.project import Proj

SUB_LABEL = {"数量": "数量指标", "质量": "质量指标", "时效": "时效指标", "成本": "成本指标",
             "社会效益": "社会效益指标", "经济效益": "经济效益指标", "生态效益": "生态效益指标",
             "可持续影响": "可持续影响指标", "满意度": "满意度指标"}


@dataclass
class NarrativeSpec:
    """How one narrative document is laid out and worded."""

    unit: str
    year: int
    numbering: str = "cn"  # cn: 一、/（一）; arabic: 1./1.1; part: 第一部分/一、
    funds_first: bool = False  # 资金 section before 概况/目标
    tables_in_annex: bool = False  # goal tables at the end as 附表
    split_columns: bool = False  # goal table with 指标性质/指标值/度量单位
    print_rate: bool = False
    print_total: bool = False
    print_grade: bool = False  # the total comes with 评价等级为“优”
    grade_override: dict[str, str] = field(default_factory=dict)  # project → a printed grade that is wrong
    fund_total: tuple[str, Decimal] | None = None  # ("planned"/"executed", printed total)
    sub_numbering: str = "1、"
    shared_table: bool = False  # one goal table for all projects (genlib/shared.py)
    score_style: int = 0  # 0: 分值 W 分，得分 S 分; 1: 满分 W 分，自评得分 S 分; 2: 权重 W 分，实际得分 S 分
    extra_conclusion: list[str] = field(default_factory=list)


def heading_label(style: str, level: int, n: int) -> str:
    if style == "arabic":
        return f"{n}." if level == 1 else f"{{p}}.{n}"
    if style == "part" and level == 1:
        return f"第{chinese_int(n)}部分 "
    if level == 1 or style == "part":
        return f"{chinese_int(n)}、" if level == 1 else f"（{chinese_int(n)}）"
    return f"（{chinese_int(n)}）"


class Numberer:
    """Section numbers in the document's style (一、 / （一） / 1. / 1.1 / 第一部分)."""

    def __init__(self, style: str) -> None:
        self.style, self.top, self.sub = style, 0, 0

    def h1(self, text: str) -> Heading:
        self.top, self.sub = self.top + 1, 0
        return Heading(heading_label(self.style, 1, self.top) + text, 1)

    def h2(self, text: str) -> Heading:
        self.sub += 1
        if self.style == "arabic":
            return Heading(f"{self.top}.{self.sub} {text}", 2)
        if self.style == "part":
            return Heading(f"{chinese_int(self.sub)}、{text}", 2)
        return Heading(f"（{chinese_int(self.sub)}）{text}", 2)


def sub_label(level: str) -> str:
    return SUB_LABEL[level.split("/")[-1]]


def goal_table(proj: Proj, spec: NarrativeSpec, rng: random.Random) -> Table:
    """The project's goal table (一级/二级/三级目标, 目标值 or 指标性质/指标值/度量单位)."""
    words = rng.choice([("目标", "目标"), ("指标", "指标")])
    head = [f"一级{words[0]}", f"二级{words[0]}", f"三级{words[0]}"]
    head += ["指标性质", "指标值", "度量单位"] if spec.split_columns else ["目标值", "备注"]
    rows = [head]
    first_names = {"产出": "产出" + words[1], "效益": ("效果" if words[1] == "目标" else "效益") + words[1],
                   "满意度": "满意度" + words[1]}
    last_first = ""
    for ind in proj.inds:
        first = first_names[ind.level.split("/")[0]]
        second = sub_label(ind.level).replace("指标", words[1]) if "/" in ind.level else "服务对象满意度"
        shown_first = first if first != last_first else ""
        last_first = first
        if spec.split_columns:
            if ind.cmp == "qualitative":
                cells = ["定性", ind.target_text, ""]
            else:
                cells = [ind.nature or "=", ind.value_text, ind.unit_text]
        else:
            cells = [ind.target_text, ""]
        rows.append([shown_first, second, ind.name, *cells])
    split = len(rows) - 2 if rng.random() < 0.4 else None
    return Table(rows=rows, split_at=split, vertical_label="绩效目标" if rng.random() < 0.5 else None,
                 merges=first_level_spans(rows))


def first_level_spans(rows: list[list[str]]) -> list[tuple[int, int, int, int]]:
    """Merged 一级 cells: each label spans the rows below it that leave the column empty."""
    spans: list[tuple[int, int, int, int]] = []
    start = None
    for r in range(1, len(rows) + 1):
        if r == len(rows) or rows[r][0]:
            if start is not None and r - 1 > start:
                spans.append((start, 0, r - 1, 0))
            start = r
    return spans


def actual_sentence(ind: Ind, rng: random.Random) -> str:
    """The analysis sentence for an indicator (default: a measured, met result)."""
    if ind.analysis is not None:
        return ind.analysis
    if ind.cmp == "qualitative":
        return f"{ind.name}方面，{ind.actual_text}"
    assert ind.actual is not None
    phrase = actual_phrase(ind, ind.actual, rng)
    if ind.kind == "pct":
        if ind.level.endswith("满意度"):
            return f"经问卷调查，{ind.name}{rng.choice(['达', '达到', '为'])}{phrase}"
        return f"{ind.name}{rng.choice(['达到', '为'])}{phrase}"
    if ind.kind == "count":
        return f"全年{ind.name}{rng.choice(['达到', '为', '共计'])}{phrase}"
    if ind.kind == "dur":
        return f"{ind.name}{rng.choice(['实际为', '累计'])}{phrase}"
    if ind.kind == "money":
        return f"{ind.name}实际支出{phrase}"
    return f"{ind.name}实际为{phrase}"


SCORE_WORDS = (("分值", "得分"), ("满分", "自评得分"), ("权重", "实际得分"))


def weight_score(spec: NarrativeSpec, weight: Decimal, score: Decimal) -> str:
    """'分值 10 分，得分 9.5 分' in the document's wording."""
    w_word, s_word = SCORE_WORDS[spec.score_style]
    return f"{w_word} {num_text(weight)} 分，{s_word} {num_text(score)} 分"


def budget_sentences(proj: Proj, spec: NarrativeSpec, rng: random.Random) -> str:
    """The budget sentence of a project's analysis."""
    text = f"预算执行情况{weight_score(spec, proj.budget_weight, proj.level_scores['预算执行'])}。"
    if proj.initial is not None:  # adjusted during the year: the rate uses the adjusted budget
        added = proj.planned - proj.initial
        text += (f"项目年初预算为{money(proj.initial, rng, True)}，年中追加{money(added, rng, True)}，"
                 f"调整后全年预算为{money(proj.planned, rng, True)}，")
    else:
        text += f"项目{rng.choice(['年初总预算资金', '全年预算', '全年预算数'])}为{money(proj.planned, rng, True)}，"
    text += f"全年执行数为{money(proj.executed, rng, True)}"
    if proj.printed_rate is not None:
        text += f"，预算执行率为{num_text(proj.printed_rate)}%"
    return text + "。" + (proj.balance_note or "")


def level_sentence(proj: Proj, top: str, spec: NarrativeSpec) -> str:
    w, s = proj.level_weights, proj.level_scores
    label = {"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标"}[top]
    text = f"{label}{weight_score(spec, w[top], s[top])}。"
    subs = [k for k in w if k.startswith(top + "/")]
    if subs:
        text += "其中，" + "；".join(f"{sub_label(k)}{weight_score(spec, w[k], s[k])}" for k in subs) + "。"
    return text


def analysis_blocks(proj: Proj, spec: NarrativeSpec, rng: random.Random) -> list[Block]:
    """The 绩效分析 part of one project."""
    heading = rng.choice([proj.name, proj.name, f"{proj.name}项目", f"项目名称：{proj.name}", proj.aliases[-1]])
    blocks: list[Block] = [Para(heading)]
    marks = ["1、", "2、", "3、", "4、"] if spec.sub_numbering == "1、" else ["（1）", "（2）", "（3）", "（4）"]
    blocks.append(Para(f"{marks[0]}预算执行情况（{num_text(proj.budget_weight)} 分）"))
    blocks.append(Para(budget_sentences(proj, spec, rng)))
    tops = ["产出", "效益"] + ([] if proj.nest_sat else ["满意度"])
    for n, top in enumerate(tops, start=1):
        blocks.append(Para(f"{marks[n]}{top}（{num_text(proj.level_weights[top])} 分）"))
        blocks.append(Para(level_sentence(proj, top, spec)))
        for ind in proj.inds:
            if ind.level.split("/")[0] != top:
                continue
            sentence = actual_sentence(ind, rng)
            if sentence:
                blocks.append(Para(f"{sub_label(ind.level)}：{sentence}。"))
    return blocks


def build_narrative(projects: list[Proj], spec: NarrativeSpec, rng: random.Random) -> list[Block]:
    """The whole report as blocks."""
    num = Numberer(spec.numbering)
    title = Heading(f"{spec.unit}{spec.year}年度项目支出绩效自评{rng.choice(['报告', '工作报告'])}", 0)
    overview: list[Block] = [num.h1("项目概况"), num.h2("项目基本性质、用途和主要内容")]
    for proj in projects:
        spelling = proj.aliases[0] if rng.random() < 0.6 else proj.name
        overview.append(Para(f"{spelling}由{rng.choice(['县级', '市级', '区级'])}财政全额拨款，主要用于"
                             f"{proj.theme.purpose}。"))
    overview.append(num.h2("项目绩效目标"))
    overview.append(Para(f"按照{spec.year}年初制定的工作计划，{'、'.join(p.name for p in projects)}"
                         "的年度绩效目标如下表所示。"))
    if spec.shared_table:
        from genlib.shared import shared_goal_table

        tables, captions = [shared_goal_table(projects, rng)], ["绩效目标表"]
    else:
        tables, captions = [goal_table(p, spec, rng) for p in projects], [f"{p.name}绩效目标表" for p in projects]
    if not spec.tables_in_annex:
        for caption, table in zip(captions, tables, strict=True):
            overview += [Para(caption), table]
    funds: list[Block] = [num.h1("项目资金使用及管理情况")]
    planned = "、".join(f"{p.name if rng.random() < 0.7 else p.aliases[-1]}{money(p.planned, rng, True)}"
                       for p in projects)
    funds.append(Para(f"{spec.year}年，财政安排{planned}。"))
    spent = []
    for proj in projects:
        if proj.executed == 0 and proj.returned:
            spent.append(f"{proj.name}因项目暂停实施未列支，{money(proj.planned, rng)}全部交回财政")
        else:
            spent.append(f"列支{proj.name}{money(proj.executed, rng, True)}")
    funds.append(Para("全年" + "，".join(spent) + "。"))
    if spec.fund_total is not None:
        kind, total = spec.fund_total
        verb = "共计安排预算" if kind == "planned" else "共计执行"
        how_many = "两" if len(projects) == 2 else chinese_int(len(projects))
        funds.append(Para(f"以上{how_many}个项目{verb}{money(total, rng, spaced=True)}。"))
    if spec.funds_first:
        body = funds + overview
        num_fix(body)
    else:
        body = overview + funds
    perf: list[Block] = [num.h1("项目绩效情况"), num.h2("项目绩效自评结论")]
    conclusion = [i.conclusion for p in projects for i in p.inds if i.conclusion] + spec.extra_conclusion
    perf.append(Para(f"{spec.year}年，各项目按计划组织实施，" + "；".join(conclusion or ["完成了年度绩效目标"]) + "。"))
    if spec.print_total:
        for proj in projects:
            if proj.evaluated:
                total = proj.level_scores["总分"]
                grade = ""
                if spec.print_grade:
                    grade = f"，评价等级为“{spec.grade_override.get(proj.name, grade_for(total))}”"
                perf.append(Para(f"经自评，{proj.name}综合得分 {num_text(total)} 分{grade}。"))
    perf.append(num.h2("绩效分析"))
    order = list(projects)
    if len(order) > 1 and rng.random() < 0.3:  # the analysis need not follow the goal tables' order
        order.reverse()
    for proj in order:
        if proj.evaluated:
            perf += analysis_blocks(proj, spec, rng)
    tail: list[Block] = [num.h1("存在的问题、原因分析和改进意见"),
                         Para("部分项目前期调研不够充分，资金支付进度不够均衡。下一步将加强项目全过程绩效管理，"
                              "细化绩效目标，提高资金使用效益。")]
    annex: list[Block] = []
    if spec.tables_in_annex:
        annex.append(Heading("附表：项目绩效目标表", 1))
        for caption, table in zip(captions, tables, strict=True):
            annex += [Para(caption), table]
    return [title, *body, *perf, *tail, *annex]


def grade_for(total: Decimal) -> str:
    """优 ≥90, 良 80–90, 中 60–80, 差 <60 (scoring-rules R7)."""
    return "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"


def num_fix(blocks: list[Block]) -> None:
    """After moving the funds section first, renumber the top-level headings in order."""
    tops = [b for b in blocks if isinstance(b, Heading) and b.level == 1]
    if len(tops) == 2:
        a, b = tops
        a_label, b_label = _split_label(a.text), _split_label(b.text)
        a.text, b.text = b_label[0] + a_label[1], a_label[0] + b_label[1]


def _split_label(text: str) -> tuple[str, str]:
    for end in ("部分 ", "、", ". ", "."):
        if end in text[:8]:
            i = text.index(end) + len(end)
            return text[:i], text[i:]
    return "", text


def satisfaction_words(ind: Ind, rng: random.Random) -> str:
    return f"{ind.name}普遍较高，{rng.choice(['群众认可度较高', '服务对象反映良好'])}"


COMPARATOR_MARKS = ("≥", "≤", "＞", "＜", ">", "<", "=", "＝", "不少于", "不低于", "不超过", "不高于", "大于", "高于",
                    "小于", "低于", "控制在", "以上", "以内", "以下")


def has_comparator(text: str) -> bool:
    """Whether a written target carries a comparator (symbol or word), i.e. reads as a target."""
    return any(mark in text for mark in COMPARATOR_MARKS)


def _restate_word(ind: Ind) -> str:
    # Bare pct/count targets were drawn from ">=" and bare money from "<=" (see build_project).
    return "不超过" if ind.cmp in ("<=", "<") or ind.kind in ("money", "unit_cost") else "不低于"


def restated(ind: Ind, rng: random.Random, value: Decimal | None = None) -> str:
    """The target restated as if it were a result (with another value when `value` is given)."""
    if value is None:
        # A target with no comparator ("99%") restated as-is reads like a measured 99%, so the
        # restatement would not be recognisable; write the comparator word out instead.
        shown = ind.target_text if has_comparator(ind.target_text) else f"{_restate_word(ind)}{ind.target_text}"
        return f"{ind.name}{shown}，全部按指标完成任务"
    word = {"<=": "不超过", ">=": "不低于"}.get(ind.cmp, "不低于")
    shown = percent(value, rng, words=False) if ind.kind == "pct" else actual_phrase(ind, value, rng)
    return f"{ind.name}{word}{shown}，全部按指标完成任务"
