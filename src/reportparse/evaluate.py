"""`reportparse eval`: score the pipeline against hand-made or generated ground truth.

A ground-truth file `X.gold.json` sits beside the documents it describes. It names them in a
`documents` list, or in a `document` string such as "a.pdf (same content: a.docx, a.xlsx)"
(paths relative to the gold file or to one of its parent folders), or implicitly: every
`X.<ext>` beside `X.gold.json`. Each document is run through `pipeline.check`; findings are
matched to the gold's required / acceptable / forbidden findings, and the extracted projects,
indicators and claimed scores are compared with the gold's. The matching is deliberately
tolerant of naming (punctuation, 项目, aliases) and strict on codes.

Counting, per code: a required finding that some finding matches is a TP, one that none matches
an FN; a finding that matches no required or acceptable entry is an FP, whatever its severity (an
info finding the gold does not list is noise a reviewer has to read). A document passes when it was
read completely (status `ok`: a `partial` result — a page left out, a check that raised — fails),
no required finding is missed, no forbidden one appears, at most one other error/warning appears,
≥90% of its gold indicators and all its projects are extracted right, and every project it reports
matches a gold project (a made-up project such as `一级指标` fails the document) — the bar of
shared/tools/score_gold.py, made stricter on partial results, noise and phantom projects.

Documents that are format copies of one content (a gold naming `a.txt (same content: a.docx, a.pdf)`)
are reported per copy and per content: a content passes when every copy of it passes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportparse.evaluate_match import (
    find_project,
    finding_matches,
    indicator_found,
    indicator_miss_kind,
    project_miss_kind,
    project_right,
    scores_right,
)
from reportparse.lazypattern import lazy_compile
from reportparse.scoring import DEFAULT_PROFILE

DOC_SUFFIXES = (".pdf", ".docx", ".xlsx", ".xlsm", ".txt")
SERIOUS = ("error", "warning")
INDICATOR_FLOOR = 0.9  # share of gold indicators that must be extracted right for a document to pass

Json = dict[str, Any]


# ------------------------------------------------------------------------------------------
# finding the gold files and their documents
# ------------------------------------------------------------------------------------------


@dataclass
class GoldCase:
    """One gold file and the documents (same content) it describes."""

    gold_path: Path
    gold: Json
    documents: list[Path]
    missing: list[str] = field(default_factory=list)


def discover(paths: Iterable[Path]) -> list[GoldCase]:
    """Find every gold file under `paths` (folders, gold files, or documents with a gold beside them).
    A document given by itself is evaluated alone, not with the other files its gold names."""
    cases: dict[Path, GoldCase] = {}
    only: dict[Path, set[Path]] = {}  # gold → the documents asked for one by one
    whole: set[Path] = set()  # golds asked for as a whole (folder or gold file)
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob("*.gold.json"))
        elif path.name.endswith(".gold.json"):
            found = [path]
        else:
            sibling = path.with_name(path.name[: -len(path.suffix)] + ".gold.json")
            found = [sibling] if sibling.exists() else []
            for gold_path in found:
                only.setdefault(gold_path.resolve(), set()).add(path.resolve())
        for gold_path in found:
            key = gold_path.resolve()
            if key not in cases:
                cases[key] = load_case(gold_path)
            if path.is_dir() or path.name.endswith(".gold.json"):
                whole.add(key)
    for key, wanted in only.items():
        if key not in whole:
            case = cases[key]
            case.documents = [d for d in case.documents if d.resolve() in wanted] or [Path(p) for p in wanted]
            case.missing = []
    return list(cases.values())


def load_case(gold_path: Path) -> GoldCase:
    """Read one gold file and resolve the documents it names."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    names = document_names(gold)
    stem = gold_path.name[: -len(".gold.json")]
    if not names:
        names = [p.name for p in sorted(gold_path.parent.glob(stem + ".*")) if p.suffix.lower() in DOC_SUFFIXES]
    found: list[Path] = []
    missing: list[str] = []
    for name in names:
        resolved = resolve_document(gold_path.parent, name)
        if resolved is None:
            missing.append(name)
        else:
            found.append(resolved)
    return GoldCase(gold_path=gold_path, gold=gold, documents=found, missing=missing)


_SAME_CONTENT = lazy_compile(r"^\s*(?P<main>[^()（）]+?)\s*(?:[(（]\s*same content:\s*(?P<rest>[^)）]*)[)）])?\s*$")


def document_names(gold: Json) -> list[str]:
    """The document names a gold file lists, in order, without duplicates."""
    names: list[str] = [str(n) for n in gold.get("documents") or []]
    text = gold.get("document")
    if isinstance(text, str) and text.strip():
        match = _SAME_CONTENT.match(text)
        if match:
            names.append(match.group("main").strip())
            names.extend(part.strip() for part in (match.group("rest") or "").split(",") if part.strip())
        else:
            names.append(text.strip())
    return list(dict.fromkeys(names))


def resolve_document(folder: Path, name: str) -> Path | None:
    """A document path relative to the gold's folder or to one of its parents (the shared seed gold
    names `seeds/...` relative to the shared root, two levels up)."""
    for base in [folder, *folder.resolve().parents[:3]]:
        candidate = base / name
        if candidate.is_file():
            return candidate
    return None


# ------------------------------------------------------------------------------------------
# scoring one document
# ------------------------------------------------------------------------------------------


@dataclass
class DocScore:
    """How the pipeline did on one document."""

    path: str
    gold: str
    status: str = "ok"
    reason: str = ""
    layout: str = ""
    tp: dict[str, int] = field(default_factory=dict)
    fp: dict[str, int] = field(default_factory=dict)
    fn: dict[str, int] = field(default_factory=dict)
    #: required findings missed while the output raised its code (or an alternative code the gold allows) on
    #: something the gold does not list: the inconsistency was seen, but tied to another project, indicator or
    #: figure than the gold's. A count that says which kind of miss dominates without opening a document.
    elsewhere: dict[str, int] = field(default_factory=dict)
    #: why the gold's projects and indicators that were not read right failed, by kind (see
    #: `project_miss_kind` and `indicator_miss_kind`): naming, or the figures under a right name
    project_misses: dict[str, int] = field(default_factory=dict)
    indicator_misses: dict[str, int] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    phantom_projects: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    serious_right: int = 0  # errors/warnings that match a required or acceptable finding
    serious_wrong: int = 0  # errors/warnings that match nothing the gold lists (or a forbidden one)
    projects: tuple[int, int] = (0, 0)
    indicators: tuple[int, int] = (0, 0)
    scores: tuple[int, int] = (0, 0)

    def shortfalls(self) -> list[str]:
        """Why this document does not pass (empty when it passes)."""
        reasons: list[str] = []
        if self.status == "failed":
            reasons.append("pipeline failed" + (f" ({self.reason})" if self.reason else ""))
        elif self.status == "partial":
            reasons.append("pipeline partial" + (f" ({'; '.join(self.problems)[:160]})" if self.problems else ""))
        if self.missed:
            reasons.append("missed " + ", ".join(self.missed))
        if self.forbidden:
            reasons.append("forbidden " + ", ".join(self.forbidden))
        if len(self.extra) > 1:
            reasons.append(f"{len(self.extra)} extra error/warning: " + ", ".join(self.extra))
        found, total = self.indicators
        if total and found < INDICATOR_FLOOR * total:
            reasons.append(f"indicators {found}/{total}")
        if self.projects[0] < self.projects[1]:
            reasons.append(f"projects {self.projects[0]}/{self.projects[1]}")
        if self.phantom_projects:
            reasons.append("projects not in the gold: " + ", ".join(self.phantom_projects))
        return reasons


def _bump(counter: dict[str, int], code: str) -> None:
    counter[code] = counter.get(code, 0) + 1


def describe(finding: Json) -> str:
    who = "/".join(str(x) for x in (finding.get("project"), finding.get("indicator")) if x)
    return f"{finding.get('code')}({who})" if who else str(finding.get("code"))


def gold_layout(gold: Json) -> str:
    """The gold's layout; older gold files without one are forms when their indicators carry weights."""
    if gold.get("layout"):
        return str(gold["layout"])
    weighted = any(g.get("weight") is not None for g in gold.get("goal_indicators") or [])
    return "form" if weighted else "narrative"


def score_document(gold: Json, output: Json, path: str, gold_path: str) -> DocScore:
    """Compare one pipeline output (check --format json) with its gold."""
    doc = DocScore(path=path, gold=gold_path, status=str(output.get("status") or "ok"),
                   reason=str(output.get("message") or output.get("reason") or "")[:120],
                   layout=gold_layout(gold),
                   problems=[str(p) for p in output.get("problems") or []])
    findings: list[Json] = list(output.get("findings") or [])
    required: list[Json] = list(gold.get("required_findings") or [])
    acceptable: list[Json] = list(gold.get("acceptable_findings") or [])
    forbidden: list[Json] = list(gold.get("forbidden_findings") or [])
    listed = [any(finding_matches(entry, f, gold) for entry in (*required, *acceptable)) for f in findings]
    unlisted_codes = {str(f.get("code")) for f, known in zip(findings, listed, strict=True) if not known}
    for entry in required:
        if any(finding_matches(entry, f, gold) for f in findings):
            _bump(doc.tp, entry["code"])
        else:
            _bump(doc.fn, entry["code"])
            doc.missed.append(str(entry.get("id") or entry["code"]) + ":" + entry["code"])
            if unlisted_codes & {entry["code"], *(entry.get("code_alt") or [])}:
                _bump(doc.elsewhere, entry["code"])
    for finding, known in zip(findings, listed, strict=True):
        hits_forbidden = any(finding_matches(entry, finding, gold) for entry in forbidden)
        if hits_forbidden:
            doc.forbidden.append(describe(finding))
        serious = finding.get("severity") in SERIOUS
        if known:
            doc.serious_right += serious
            continue
        doc.serious_wrong += serious
        if serious:
            doc.extra.append(describe(finding))
        _bump(doc.fp, str(finding.get("code")))
    report: Json = output.get("report") or {}
    gold_projects: list[Json] = list(gold.get("projects") or [])
    doc.projects = (sum(project_right(p, report) for p in gold_projects), len(gold_projects))
    for project in gold_projects:
        if not project_right(project, report):
            _bump(doc.project_misses, project_miss_kind(project, report))
    doc.phantom_projects = [str(p.get("name")) for p in report.get("projects") or []
                            if not any(find_project(g, {"projects": [p]}) for g in gold_projects)]
    goal = list(gold.get("goal_indicators") or [])
    found = [indicator_found(g, report, gold) for g in goal]
    doc.indicators = (sum(found), len(goal))
    for entry, right in zip(goal, found, strict=True):
        if not right:
            _bump(doc.indicator_misses, indicator_miss_kind(entry, report, gold))
    pairs = [scores_right(p, report) for p in gold_projects]
    doc.scores = (sum(a for a, _ in pairs), sum(b for _, b in pairs))
    return doc


def run_pipeline(path: Path, profile: str) -> Json:
    """The pipeline's JSON output for one file; a crash becomes a failed output, never an exception."""
    import warnings

    from reportparse.pipeline import check

    try:
        with warnings.catch_warnings():
            # serializer warnings from other stages would drown the evaluation's own output
            warnings.simplefilter("ignore")
            return check(path, profile).model_dump(mode="json")
    except Exception as exc:  # one broken document must not stop the evaluation
        return {"status": "failed", "reason": "crash", "message": f"{type(exc).__name__}: {exc}"}


def evaluate_cases(cases: list[GoldCase], profile: str = DEFAULT_PROFILE) -> list[DocScore]:
    scores: list[DocScore] = []
    for case in cases:
        for missing in case.missing:
            doc = DocScore(path=missing, gold=str(case.gold_path), status="failed")
            doc.missed.append("document not found")
            scores.append(doc)
        for path in case.documents:
            output = run_pipeline(path, profile)
            scores.append(score_document(case.gold, output, str(path), str(case.gold_path)))
    return scores


# ------------------------------------------------------------------------------------------
# summary and rendering
# ------------------------------------------------------------------------------------------


def ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _extraction(docs: list[DocScore], kind: str) -> Json:
    """How many of the gold's projects (indicators, claimed scores) were extracted right over all documents, and
    beside that sum the documents that got all of theirs right, of those whose gold has any: the sum alone lets
    one document with many projects hide the others."""
    pairs: list[tuple[int, int]] = [getattr(d, kind) for d in docs]
    right, total = sum(r for r, _ in pairs), sum(t for _, t in pairs)
    having = [(r, t) for r, t in pairs if t]
    return {"right": right, "total": total, "accuracy": ratio(right, total),
            "documents": {"all_right": sum(r == t for r, t in having), "total": len(having)}}


def summarise(docs: list[DocScore]) -> Json:
    """Per-code TP/FP/FN with precision and recall, extraction accuracy, and the failing documents."""
    codes = sorted({c for d in docs for c in (*d.tp, *d.fp, *d.fn)})
    per_code: dict[str, Json] = {}
    for code in codes:
        tp = sum(d.tp.get(code, 0) for d in docs)
        fp = sum(d.fp.get(code, 0) for d in docs)
        fn = sum(d.fn.get(code, 0) for d in docs)
        per_code[code] = {"tp": tp, "fp": fp, "fn": fn, "precision": ratio(tp, tp + fp),
                          "recall": ratio(tp, tp + fn), "fn_raised_elsewhere": sum(d.elsewhere.get(code, 0)
                                                                                   for d in docs)}
    extraction = {kind: _extraction(docs, kind) for kind in ("projects", "indicators", "scores")}
    for kind in ("projects", "indicators"):
        misses: dict[str, int] = {}
        for d in docs:
            for why, count in getattr(d, kind[:-1] + "_misses").items():
                misses[why] = misses.get(why, 0) + count
        extraction[kind]["misses"] = dict(sorted(misses.items()))
    failing = [{"path": d.path, "gold": d.gold, "why": d.shortfalls()} for d in docs if d.shortfalls()]
    by_format: dict[str, dict[str, int]] = {}
    by_layout: dict[str, dict[str, int]] = {}
    for d in docs:
        keys = ((by_format, Path(d.path).suffix.lstrip(".").lower() or "?"), (by_layout, d.layout or "?"))
        for table, key in keys:
            row = table.setdefault(key, {"documents": 0, "passed": 0})
            row["documents"] += 1
            row["passed"] += not d.shortfalls()
    contents: dict[str, bool] = {}
    for d in docs:
        contents[d.gold] = contents.get(d.gold, True) and not d.shortfalls()
    required_found = sum(sum(d.tp.values()) for d in docs)
    required_total = required_found + sum(sum(d.fn.values()) for d in docs)
    serious_right = sum(d.serious_right for d in docs)
    serious_all = serious_right + sum(d.serious_wrong for d in docs)
    overall = {
        "required_recall": {"found": required_found, "total": required_total,
                            "recall": ratio(required_found, required_total)},
        "serious_precision": {"right": serious_right, "total": serious_all,
                              "precision": ratio(serious_right, serious_all)},
        "failed": sum(d.status == "failed" for d in docs),
        "partial": sum(d.status == "partial" for d in docs),
        "phantom_projects": sum(len(d.phantom_projects) for d in docs),
    }
    return {"documents": len(docs), "passed": len(docs) - len(failing),
            "contents": len(contents), "contents_passed": sum(contents.values()),
            "by_format": by_format, "by_layout": by_layout, "overall": overall,
            "codes": per_code, "extraction": extraction, "failing": failing,
            "per_document": [{"path": d.path, "status": d.status, "tp": d.tp, "fp": d.fp, "fn": d.fn,
                              "projects": list(d.projects), "indicators": list(d.indicators),
                              "scores": list(d.scores)} for d in docs]}


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{value * 100:5.1f}%"


def render_text(summary: Json) -> str:
    formats = "  ".join(f"{key} {row['passed']}/{row['documents']}"
                        for part in ("by_layout", "by_format") for key, row in sorted(summary[part].items()))
    overall = summary["overall"]
    recall, precision = overall["required_recall"], overall["serious_precision"]
    lines = [f"contents: {summary['contents']}  passed: {summary['contents_passed']}   "
             f"documents (format copies): {summary['documents']}  passed: {summary['passed']}  ({formats})",
             f"required findings found {recall['found']}/{recall['total']} {_pct(recall['recall'])}   "
             f"error/warning precision {precision['right']}/{precision['total']} {_pct(precision['precision'])}   "
             f"failed {overall['failed']}  partial {overall['partial']}  "
             f"projects not in the gold {overall['phantom_projects']}", "",
             f"{'code':28} {'TP':>4} {'FP':>4} {'FN':>4}  precision  recall  FN raised elsewhere"]
    for code, row in summary["codes"].items():
        lines.append(f"{code:28} {row['tp']:4} {row['fp']:4} {row['fn']:4}  {_pct(row['precision'])}   "
                     f"{_pct(row['recall'])}  {row['fn_raised_elsewhere']:4}")
    lines.append("")
    for key, row in summary["extraction"].items():
        whole, summed = row["documents"], f"{row['right']}/{row['total']}"
        misses = "  ".join(f"{why} {count}" for why, count in (row.get("misses") or {}).items())
        lines.append(f"{key:11} {summed:<10} {_pct(row['accuracy'])}   "
                     f"documents with all their {key} right {whole['all_right']}/{whole['total']}"
                     + (f"   missed as: {misses}" if misses else ""))
    if summary["failing"]:
        lines += ["", "documents that fall short:"]
        for item in summary["failing"]:
            lines.append(f"  {item['path']}: " + "; ".join(item["why"]))
    return "\n".join(lines) + "\n"


def run_eval(paths: list[Path], fmt: str = "text", profile: str = DEFAULT_PROFILE) -> tuple[str, bool]:
    """Evaluate every document with a gold file under `paths`; return (rendered output, all passed)."""
    docs = evaluate_cases(discover(paths), profile)
    summary = summarise(docs)
    ok = bool(docs) and summary["passed"] == summary["documents"]
    if fmt == "json":
        return json.dumps(summary, ensure_ascii=False, indent=1) + "\n", ok
    if not docs:
        return "no documents with a gold file (*.gold.json) found\n", False
    return render_text(summary), ok
