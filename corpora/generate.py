"""Generate the evaluation corpus: documents with known ground truth, in both layouts and four formats.

Run `python3 corpora/generate.py` from the repository root. Deterministic (fixed seeds per case).
Needs reportlab, python-docx and openpyxl; the generated files are committed so CI needs none
of them. The gold file beside each document set is written from the facts the generator put in,
never from reportparse's output.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from genlib import form_inject as FI  # noqa: E402
from genlib import inject as NI  # noqa: E402
from genlib.common import Heading, PageBreak, gold_indicator, jnum  # noqa: E402
from genlib.forms import FormSpec, build_form, form_weights  # noqa: E402
from genlib.narrative import NarrativeSpec, build_narrative  # noqa: E402
from genlib.project import Proj, assign_narrative_weights, build_project, compute_scores, set_spending  # noqa: E402
from genlib.shared import gold_owner, share_goals  # noqa: E402
from genlib.themes import DEPARTMENTS, THEMES, UNITS  # noqa: E402
from genlib.writers import libreoffice_pdf, to_docx, to_pdf, to_txt, to_xlsx  # noqa: E402

# cases whose DOCX is also exported to PDF by LibreOffice (NAME.lo.pdf): a second PDF producer
LIBREOFFICE_CASES = {"n01_clean", "n13_missed_full", "n22_combo_seedlike", "n38_target_changed_b",
                     "f02_clean_split", "f05_band", "f17_missed_full", "f24_over_executed"}
USE_LIBREOFFICE = True
SEED: str | None = None  # None: the committed corpus; any other value: a fresh variant of every case


def case_rng(name: str) -> random.Random:
    """The random source of one case: fixed by its name (and the variant seed, if any)."""
    return random.Random(name if SEED is None else f"{SEED}:{name}")

CODES = ["score-sum-mismatch", "weight-sum-mismatch", "score-exceeds-weight", "budget-rate-mismatch",
         "budget-score-mismatch", "fund-sum-mismatch", "over-executed", "unexplained-balance", "score-mismatch",
         "grade-mismatch", "target-missed", "target-missed-full-score", "met-but-deducted",
         "deviation-reason-missing", "conflicting-actuals", "target-changed", "indicator-not-in-goals",
         "goal-not-reported", "missing-evaluation", "unsupported-score", "actual-restates-target",
         "qualitative-band-mismatch", "unit-mismatch", "unit-cost-over-target", "overachieved-full-score",
         "weight-structure", "cost-indicator-direction", "vague-target", "missing-values", "template-text-left"]

Entry = dict[str, object]

# narrative cases: (name, themes, injections [(injection, project index)], formats)
N_CASES: list[tuple[str, list[int], list[tuple[str, int]], list[str]]] = [
    ("n01_clean", [3], [], ["txt", "docx"]),
    ("n02_clean_two", [2, 6], [("fund_ok", 0)], ["txt", "pdf"]),
    ("n03_clean_three", [10, 4, 11], [], ["docx", "pdf"]),
    ("n04_score_sum", [4], [("score_sum", 0)], ["txt", "docx"]),
    ("n05_weight_sum", [6], [("weight_sum", 0)], ["txt", "pdf"]),
    ("n06_score_exceeds", [8, 2], [("score_exceeds", 0)], ["docx", "pdf"]),
    ("n07_budget_rate", [11], [("budget_rate", 0)], ["txt", "docx"]),
    ("n08_budget_score", [3, 10], [("budget_score", 1)], ["txt", "pdf"]),
    ("n09_fund_sum", [2, 4], [("fund_sum", 0)], ["docx", "pdf"]),
    ("n10_over_executed", [5], [("over_executed", 0)], ["txt", "docx"]),
    ("n11_unexplained", [6], [("unexplained", 0)], ["txt", "pdf"]),
    ("n12_target_missed", [11], [("target_missed", 0)], ["docx", "pdf"]),
    ("n13_missed_full", [1], [("target_missed_full", 0)], ["txt", "docx"]),
    ("n14_conflicting", [0, 3], [("conflicting", 0)], ["txt", "pdf"]),
    ("n15_target_changed", [8], [("target_changed", 0)], ["docx", "pdf"]),
    ("n16_not_in_goals", [2], [("not_in_goals", 0)], ["txt", "docx"]),
    ("n17_goal_not_reported", [9], [("goal_not_reported", 0)], ["txt", "pdf"]),
    ("n18_missing_eval", [4, 7], [("missing_evaluation", 1)], ["docx", "pdf"]),
    ("n19_unsupported", [10], [("unsupported", 0)], ["txt", "docx"]),
    ("n20_restates", [6, 1], [("restates", 0)], ["txt", "pdf"]),
    ("n21_unit_cost", [5], [("unit_cost", 0)], ["docx", "pdf"]),
    ("n22_combo_seedlike", [1, 11, 6, 3], [("unsupported", 0), ("budget_score_unexplained", 1),
                                           ("missing_evaluation", 2), ("missing_evaluation", 3)],
     ["txt", "docx", "pdf"]),
    ("n23_combo", [3, 2], [("target_missed", 0), ("conflicting", 1), ("fund_sum", 0)], ["txt", "docx"]),
    ("n24_vague_over", [4], [("vague", 0), ("overachieved", 0)], ["txt", "pdf"]),
    ("n25_clean_big", [11, 8], [("big", 0)], ["docx", "txt"]),
    ("n26_missed_full_nested", [3], [("nest", 0), ("target_missed_full", 0)], ["pdf", "txt"]),
    ("n27_restates_unit_cost", [9], [("restates", 0), ("budget_rate", 0)], ["txt", "docx"]),
    ("n28_over_and_unexplained", [7, 6], [("over_executed", 0), ("unexplained", 1)], ["txt", "docx", "pdf"]),
    ("n29_missed_full_nested", [10], [("nest", 0), ("target_missed_full", 0)], ["docx", "pdf"]),
    ("n30_clean_annex_split", [5, 9], [("annex", 0), ("split", 0)], ["txt", "docx", "pdf"]),
    ("n31_budget_score_return", [2], [("budget_score", 0)], ["docx", "pdf"]),
    ("n32_conflicting_split", [11], [("split", 0), ("conflicting", 0)], ["docx", "pdf"]),
    ("n33_unsupported_annex", [8, 0], [("annex", 0), ("unsupported", 1)], ["txt", "pdf"]),
    ("n34_gb18030_unexplained", [3], [("gb18030", 0), ("unexplained", 0)], ["txt"]),
    ("n35_gb18030_clean", [7, 2], [("gb18030", 0), ("fund_ok", 0)], ["txt", "docx"]),
    ("n36_goal_not_reported_b", [0], [("goal_not_reported", 0)], ["docx", "pdf"]),
    ("n37_not_in_goals_b", [10], [("not_in_goals", 0)], ["pdf", "txt"]),
    ("n38_target_changed_b", [3], [("target_changed", 0)], ["txt", "docx"]),
    ("n39_unit_cost_b", [1], [("unit_cost", 0)], ["txt", "pdf"]),
    ("n40_grade", [4, 10], [("grade", 0)], ["txt", "docx", "pdf"]),
    ("n41_grade_b", [6], [("grade", 0)], ["docx", "txt"]),
    ("n42_shared_clean", [4, 0], [("shared", 0), ("fund_ok", 0)], ["txt", "docx", "pdf"]),
    ("n44_with_form", [8], [("with_form", 0)], ["docx", "pdf"]),
    ("n45_with_form_missed", [11], [("with_form", 0), ("target_missed", 0)], ["docx", "pdf"]),
    ("n46_combo_many", [2], [("budget_rate", 0), ("conflicting", 0), ("unsupported", 0),
                              ("goal_not_reported", 0)], ["txt", "pdf"]),
    ("n43_shared_missed_full", [6, 3, 2], [("shared", 0), ("target_missed_full", 1), ("unexplained", 2)],
     ["txt", "docx", "pdf"]),
]

# form cases: (name, themes, injections, formats, layout options)
F_CASES: list[tuple[str, list[int], list[tuple[str, int]], list[str], dict[str, object]]] = [
    ("f01_clean", [3], [], ["xlsx", "pdf"], {}),
    ("f02_clean_split", [8], [], ["xlsx", "docx"], {"split_columns": True}),
    ("f03_clean_tier_grade", [5], [], ["pdf", "docx"], {"qual_actual_style": "tier", "grade": "优"}),
    ("f04_score_mismatch", [4], [("score_mismatch", 0)], ["xlsx", "pdf"], {}),
    ("f05_band", [0], [("band", 0)], ["xlsx", "docx"], {"split_columns": True}),
    ("f06_grade", [6], [("grade", 0)], ["pdf", "docx"], {}),
    ("f07_met_deducted", [9], [("met_deducted", 0)], ["xlsx", "pdf"], {"split_columns": True}),
    ("f08_reason_missing", [11], [("reason_missing", 0)], ["xlsx", "docx"], {}),
    ("f09_overachieved", [2], [("overachieved", 0)], ["pdf", "docx"], {}),
    ("f10_overachieved_noreason", [3], [("overachieved_noreason", 0)], ["xlsx", "pdf"], {"split_columns": True}),
    ("f11_weight_structure", [7], [("weight_structure", 0)], ["xlsx", "docx"], {}),
    ("f12_cost_direction", [10], [("cost_direction", 0)], ["pdf", "docx"], {}),
    ("f13_missing_values", [1], [("missing_values", 0)], ["xlsx", "pdf"], {}),
    ("f14_template_text", [6], [("template_text", 0)], ["xlsx", "docx"], {"split_columns": True}),
    ("f15_unit_mismatch", [8], [("unit_mismatch", 0)], ["pdf", "docx"], {}),
    ("f16_vague", [9], [("vague", 0)], ["xlsx", "pdf"], {}),
    ("f17_missed_full", [0], [("target_missed_full", 0)], ["xlsx", "docx"], {}),
    ("f18_score_exceeds", [2], [("score_exceeds", 0)], ["pdf", "docx"], {"grade": "优"}),
    ("f19_score_sum", [5], [("score_sum", 0)], ["xlsx", "pdf"], {}),
    ("f20_weight_sum", [11], [("weight_sum", 0)], ["xlsx", "docx"], {}),
    ("f21_budget_rate", [4], [("budget_rate", 0)], ["pdf", "docx"], {"split_columns": True}),
    ("f22_budget_score", [7], [("budget_score", 0)], ["xlsx", "pdf"], {}),
    ("f23_fund_sum", [3], [("fund_sum", 0)], ["xlsx", "docx"], {}),
    ("f24_over_executed", [1], [("over_executed", 0)], ["pdf", "docx"], {}),
    ("f25_unexplained", [10], [("unexplained", 0)], ["xlsx", "pdf"], {}),
    ("f26_target_missed", [2], [("target_missed", 0)], ["xlsx", "txt"], {}),
    ("f27_two_forms", [6, 11], [("met_deducted", 1)], ["xlsx", "pdf"], {}),
    ("f28_clean_txt", [9], [], ["txt", "xlsx"], {"split_columns": True}),
    ("f29_score_mismatch_split", [11], [("score_mismatch", 0), ("template_text", 0)], ["pdf", "docx"],
     {"split_columns": True}),
    ("f30_two_forms_clean", [4, 5], [], ["xlsx", "docx"], {"grade": "优"}),
    ("f31_grade_low", [0], [("grade_low", 0)], ["xlsx", "pdf"], {}),
    ("f32_band_unmet", [10], [("band_unmet", 0)], ["pdf", "docx"], {"qual_actual_style": "tier"}),
    ("f33_missed_full_split", [3], [("target_missed_full", 0)], ["pdf", "xlsx"], {"split_columns": True}),
    ("f34_clean_adjusted", [7], [("adjusted", 0)], ["xlsx", "pdf", "docx"], {"rate_decimals": True}),
    ("f35_cost_direction_b", [3], [("cost_direction", 0)], ["xlsx", "docx"], {"split_columns": True}),
    ("f36_missing_values_b", [5], [("missing_values", 0)], ["pdf", "docx"], {}),
    ("f37_unit_mismatch_b", [11], [("unit_mismatch", 0)], ["xlsx", "pdf"], {"split_columns": True}),
    ("f38_weight_structure_b", [2], [("weight_structure", 0)], ["pdf", "docx"], {"grade": "优"}),
    ("f39_clean_tab", [6], [], ["txt", "xlsx"], {}),
    ("f41_combo_form", [4], [("unexplained", 0), ("score_mismatch", 0), ("met_deducted", 0), ("template_text", 0)],
     ["xlsx", "pdf"], {}),
    ("f40_budget_score_tab", [9], [("budget_score", 0)], ["txt", "pdf"], {"split_columns": True}),
]

NARRATIVE_INJECTIONS: dict[str, Callable[[Proj, random.Random], NI.Entries]] = {
    "score_sum": NI.score_sum, "weight_sum": NI.weight_sum, "score_exceeds": NI.score_exceeds,
    "budget_rate": NI.budget_rate, "budget_score": NI.budget_score, "over_executed": NI.over_executed,
    "unexplained": NI.unexplained, "target_missed": NI.target_missed, "target_missed_full": NI.target_missed_full,
    "conflicting": NI.conflicting, "target_changed": NI.target_changed, "not_in_goals": NI.not_in_goals,
    "goal_not_reported": NI.goal_not_reported, "missing_evaluation": NI.missing_evaluation,
    "unsupported": NI.unsupported, "restates": NI.restates, "unit_cost": NI.unit_cost, "vague": NI.vague,
    "overachieved": NI.overachieved, "budget_score_unexplained": NI.budget_score_unexplained,
}

FORM_INJECTIONS: dict[str, Callable[[Proj, FormSpec, random.Random], NI.Entries]] = {
    "score_mismatch": FI.score_mismatch, "band": FI.band, "grade": FI.grade, "met_deducted": FI.met_deducted,
    "reason_missing": FI.reason_missing, "weight_structure": FI.weight_structure,
    "cost_direction": FI.cost_direction, "missing_values": FI.missing_values, "template_text": FI.template_text,
    "unit_mismatch": FI.unit_mismatch, "score_sum": FI.score_sum, "weight_sum": FI.weight_sum,
    "fund_sum": FI.fund_sum, "over_executed": FI.over_executed, "target_missed_full": FI.target_missed_full,
    "score_exceeds": FI.score_exceeds, "grade_low": FI.grade_low, "band_unmet": FI.band_unmet,
    "vague": lambda p, s, r: NI.vague(p, r), "overachieved": lambda p, s, r: NI.overachieved(p, r),
    "overachieved_noreason": lambda p, s, r: NI.overachieved(p, r, reason=""),
    "budget_rate": lambda p, s, r: NI.budget_rate(p, r), "budget_score": lambda p, s, r: NI.budget_score(p, r),
    "unexplained": lambda p, s, r: NI.unexplained(p, r),
    "target_missed": lambda p, s, r: NI.target_missed(p, r),
}


def forbidden_for(projects: list[Proj], required: list[Entry], acceptable: list[Entry]) -> list[Entry]:
    """Every code that cannot be true here: codes never injected nor allowed, per project where only
    some projects carry them."""
    listed = required + acceptable
    forbidden: list[Entry] = []
    for code in CODES:
        entries = [e for e in listed if e["code"] == code]
        if any(not e.get("project") for e in entries):
            continue
        owners = {e["project"] for e in entries}
        if not owners:
            forbidden.append({"code": code})
        else:
            forbidden += [{"code": code, "project": p.name} for p in projects if p.name not in owners]
    return forbidden


def project_gold(p: Proj, layout: str, initial: Decimal | None = None) -> dict[str, object]:
    claimed = p.claimed_scores()
    if layout == "narrative" and "总分" in claimed:
        claimed["总分"][0] = None  # a narrative report prints the total score, not its weight
    gold: dict[str, object] = {"name": p.name, "aliases": p.aliases, "budget": jnum(p.planned),
                               "executed": jnum(p.executed), "returned": jnum(p.returned), "claimed_scores": claimed}
    if initial is not None:
        gold["budget_initial"] = jnum(initial)
    return gold


def write_outputs(folder: Path, name: str, blocks: list, formats: list[str], rng: random.Random,
                  form: bool, encoding: str = "utf-8") -> list[str]:
    names: list[str] = []
    for fmt in formats:
        path = folder / f"{name}.{fmt}"
        if fmt == "txt":
            sep = "\t" if form and name.endswith("_tab") else " "
            path.write_text(to_txt(blocks, case_rng(name), form=form, sep=sep), encoding=encoding)
        elif fmt == "docx":
            to_docx(blocks, path, case_rng(name))
        elif fmt == "xlsx":
            choice = case_rng(name + ":xlsx")
            to_xlsx(blocks, path, typed_percent=choice.random() < 0.5, text_numbers=choice.random() < 0.3)
        else:
            to_pdf(blocks, path, landscape_pages=form)
        names.append(path.name)
    if name in LIBREOFFICE_CASES and "docx" in formats:
        lo_path = folder / f"{name}.lo.pdf"
        if USE_LIBREOFFICE:
            libreoffice_pdf(folder / f"{name}.docx", lo_path)
        if SEED is None or lo_path.exists():  # the committed corpus lists its committed export
            names.append(lo_path.name)
    return names


def goal_entries(projects: list[Proj], form: bool) -> list[dict[str, object]]:
    """Every goal-table row once: a row shared by all projects is listed once with project '*shared'."""
    entries: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    for p in projects:
        for ind in p.inds:
            owner = gold_owner(ind, p)
            if (owner, ind.name) not in seen:
                seen.add((owner, ind.name))
                entries.append(gold_indicator(ind, owner, form))
    return entries


def write_gold(folder: Path, name: str, documents: list[str], layout: str, year: int, projects: list[Proj],
               required: list[Entry], acceptable: list[Entry], injected: list[str], form: bool,
               extra_forbidden: list[Entry] | None = None, initials: dict[str, Decimal] | None = None) -> None:
    for n, entry in enumerate(required, start=1):
        entry.setdefault("id", f"G{n}")
    gold = {
        "document": documents[0] + (f" (same content: {', '.join(documents[1:])})" if documents[1:] else ""),
        "documents": documents, "layout": layout, "year": year, "generated": True, "injected": injected,
        "notes": "Written by corpora/generate.py from the facts it put in. Money in yuan, durations in hours, "
                 "percent as numbers. forbidden_findings lists every code that cannot be true here.",
        "projects": [project_gold(p, layout, (initials or {}).get(p.name)) for p in projects],
        "goal_indicators": goal_entries(projects, form),
        "required_findings": required, "acceptable_findings": acceptable,
        "forbidden_findings": forbidden_for(projects, required, acceptable) + (extra_forbidden or []),
    }
    (folder / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                              encoding="utf-8")


def narrative_case(folder: Path, name: str, themes: list[int], injections: list[tuple[str, int]],
                   formats: list[str]) -> None:
    rng = case_rng(name)
    nest = any(i == "nest" for i, _ in injections) or rng.random() < 0.3
    shared = any(i == "shared" for i, _ in injections)
    nest = nest and not shared
    projects = [build_project(THEMES[t], rng, nest_sat=nest) for t in themes]
    if shared:
        share_goals(projects, rng)
    for p in projects:
        assign_narrative_weights(p, rng)
    numbering = rng.choice(["cn", "cn", "arabic", "part"])
    spec = NarrativeSpec(unit=rng.choice(UNITS), year=rng.choice([2021, 2022, 2023]), numbering=numbering,
                         funds_first=numbering != "arabic" and rng.random() < 0.3,
                         tables_in_annex=rng.random() < 0.25, split_columns=rng.random() < 0.3,
                         print_total=rng.random() < 0.5, sub_numbering=rng.choice(["1、", "（1）"]),
                         score_style=rng.choice([0, 0, 1, 2]), shared_table=shared)
    spec.print_grade = spec.print_total and rng.random() < 0.5
    required: list[Entry] = []
    acceptable: list[Entry] = []
    for injection, index in injections:
        p = projects[index]
        if injection == "big":  # a budget in the 亿元 range
            p.planned = Decimal(rng.randint(12000, 16000)) * 10000
            set_spending(p, p.planned, returned=False)
            compute_scores(p)
            continue
        if injection in ("nest", "gb18030", "shared", "with_form"):
            continue
        if injection in ("annex", "split"):  # force a layout choice
            spec.tables_in_annex = spec.tables_in_annex or injection == "annex"
            spec.split_columns = spec.split_columns or injection == "split"
            continue
        if injection == "fund_ok":
            spec.fund_total = ("planned", sum((q.planned for q in projects), Decimal(0)))
            continue
        if injection == "fund_sum":
            req, acc = NI.fund_sum(projects, spec)
        elif injection == "grade":
            req, acc = NI.grade_narrative(p, spec, rng)
        else:
            req, acc = NARRATIVE_INJECTIONS[injection](p, rng)
        required += req
        acceptable += acc
    if any(i == "big" for i, _ in injections):
        spec.fund_total = ("planned", sum((q.planned for q in projects), Decimal(0)))
    for p in projects:
        if p.printed_rate is None and rng.random() < 0.3 and p.evaluated:
            p.printed_rate = p.rate
        if nest:
            acceptable.append({"code": "weight-structure", "project": p.name, "why": "满意度 nested in 效益 (40)"})
        if "score-sum-mismatch" not in [e["code"] for e in required] and p.evaluated:
            p.level_scores["总分"] = sum((s for k, s in p.level_scores.items() if "/" not in k and k != "总分"),
                                       Decimal(0))
    acceptable += [e for e in NI.side_effects(projects, form=False) if e not in required]
    for p in projects:
        if p.evaluated and p.planned >= 100000 and rng.random() < 0.2:  # 年初预算 + 年中追加 = 全年预算
            p.initial = p.planned - Decimal(rng.choice([10000, 20000, 50000]))
    blocks = build_narrative(projects, spec, rng)
    with_form = [projects[i] for inj, i in injections if inj == "with_form"]
    for p in with_form:  # the report's annex: the same project's 自评表, from the same facts
        form_spec = FormSpec(year=spec.year, unit=spec.unit, department=rng.choice(DEPARTMENTS), initial=p.initial)
        blocks += [PageBreak(), Heading("附件：项目支出绩效自评表", 1), *build_form(p, form_spec, rng)]
    for p in projects:
        if not spec.print_total and p not in with_form:  # no 总分 printed anywhere for it
            p.level_scores.pop("总分", None)
    encoding = "gb18030" if any(i == "gb18030" for i, _ in injections) else "utf-8"
    documents = write_outputs(folder, name, blocks, formats, rng, form=False, encoding=encoding)
    initials = {p.name: p.initial for p in projects if p.initial is not None}
    write_gold(folder, name, documents, "mixed" if with_form else "narrative", spec.year, projects, required,
               acceptable, [i for i, _ in injections], form=bool(with_form), initials=initials)


def form_case(folder: Path, name: str, themes: list[int], injections: list[tuple[str, int]], formats: list[str],
              options: dict[str, object]) -> None:
    rng = case_rng(name)
    projects = [build_project(THEMES[t], rng) for t in themes]
    specs = []
    for p in projects:
        form_weights(p, rng)
        spec = FormSpec(year=rng.choice([2021, 2022, 2023]), unit=rng.choice(UNITS),
                        department=rng.choice(DEPARTMENTS), **options)  # type: ignore[arg-type]
        if rng.random() < 0.3:
            spec.split_rows_from = 5
        if rng.random() < 0.25:  # adjusted during the year: the rate's denominator is 全年预算数
            spec.initial = p.planned - Decimal(rng.choice([20000, 50000, 100000]))
        spec.rate_decimals = spec.rate_decimals or rng.random() < 0.3
        spec.name_prefix = rng.random() < 0.3
        spec.percent_word = rng.random() < 0.2
        spec.money_actual_yuan = rng.random() < 0.3
        spec.split_tables = "xlsx" not in formats and rng.random() < 0.4
        if "subtotal_labels" not in options:
            spec.subtotal_labels = rng.random() < 0.75
        specs.append(spec)
    required: list[Entry] = []
    acceptable: list[Entry] = []
    for injection, index in injections:
        if injection == "adjusted":
            specs[index].initial = projects[index].planned - 80000
            continue
        req, acc = FORM_INJECTIONS[injection](projects[index], specs[index], rng)
        required += req
        acceptable += acc
    acceptable += [e for e in NI.side_effects(projects, form=True) if e not in required]
    blocks: list = []
    for p, spec in zip(projects, specs, strict=True):
        if blocks:
            blocks.append(PageBreak())
        blocks += build_form(p, spec, rng)
    documents = write_outputs(folder, name, blocks, formats, rng, form=True)
    for p, spec in zip(projects, specs, strict=True):
        if spec.label_weights and "总分" in spec.label_weights:
            p.level_weights["总分"] = spec.label_weights["总分"]  # the gold quotes the printed 总分 分值
    initials = {p.name: spec.initial for p, spec in zip(projects, specs, strict=True) if spec.initial is not None}
    write_gold(folder, name, documents, "form", specs[0].year, projects, required, acceptable,
               [i for i, _ in injections], form=True, initials=initials)


def main(root: Path = HERE, libreoffice: bool = True, seed: str | None = None) -> None:
    """Write every case under `root`/narrative and `root`/forms (replacing what is there; LibreOffice
    exports are kept when LibreOffice is not used or not installed). With `seed`, every case is
    drawn afresh (other themes' numbers, wording, layout choices): a held-out variant of the corpus."""
    global USE_LIBREOFFICE, SEED
    USE_LIBREOFFICE, SEED = libreoffice, seed
    narrative_dir, form_dir = root / "narrative", root / "forms"
    for folder in (narrative_dir, form_dir):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if not old.name.endswith(".lo.pdf"):
                old.unlink()
    for name, themes, injections, formats in N_CASES:
        narrative_case(narrative_dir, name, themes, injections, formats)
    for name, themes, injections, formats, options in F_CASES:
        form_case(form_dir, name, themes, injections, formats, options)
    count = sum(1 for p in (*narrative_dir.iterdir(), *form_dir.iterdir()) if not p.name.endswith(".json"))
    print(f"wrote {count} documents in {narrative_dir} and {form_dir}")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=HERE, help="write here instead of corpora/")
    parser.add_argument("--seed", help="draw a fresh variant of every case (held-out evaluation)")
    parser.add_argument("--no-libreoffice", action="store_true", help="skip the LibreOffice PDF exports")
    args = parser.parse_args()
    main(args.out, libreoffice=not args.no_libreoffice, seed=args.seed)
