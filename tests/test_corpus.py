"""The generated corpus: every gold file is well-formed, names existing documents, and the corpus
covers both layouts, all four formats and every catalogue code (fires somewhere, forbidden somewhere)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from reportparse.checks.catalogue import CATALOGUE, DOCUMENT_CODES
from reportparse.evaluate import discover, document_names, gold_layout

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
GOLDS = sorted(CORPORA.rglob("*.gold.json"))
CMPS = {">=", ">", "<=", "<", "=", "qualitative"}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_corpus_is_there() -> None:
    assert len(GOLDS) >= 30


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_gold_is_well_formed(gold_path: Path) -> None:
    gold = load(gold_path)
    names = document_names(gold)
    assert names, "a gold file must name its documents"
    for name in names:
        assert (gold_path.parent / name).is_file(), f"{name} named by {gold_path.name} does not exist"
    assert gold_layout(gold) in ("narrative", "form", "mixed")
    project_names = {p["name"] for p in gold["projects"]}
    for project in gold["projects"]:
        assert project["name"] and isinstance(project["aliases"], list)
        assert project["budget"] is None or project["budget"] >= 0
        for level, pair in project["claimed_scores"].items():
            assert len(pair) == 2 and level
    for entry in gold["goal_indicators"]:
        assert entry["project"] in project_names or entry["project"].startswith("*")  # *: shared row
        assert entry["cmp"] in CMPS
        if entry["cmp"] != "qualitative":
            assert isinstance(entry["value"], int | float)
        for alt in entry.get("cmp_alt", []):
            assert alt in CMPS
    for key in ("required_findings", "acceptable_findings", "forbidden_findings"):
        for finding in gold[key]:
            assert finding["code"] in CATALOGUE, finding
            assert finding.get("project") in (None, *project_names), finding
    required = {(f["code"], f.get("project")) for f in gold["required_findings"]}
    for forbidden in gold["forbidden_findings"]:
        clash = [r for r in required if r[0] == forbidden["code"]
                 and (forbidden.get("project") in (None, r[1]))]
        assert not clash, f"{forbidden} forbids a required finding"


def test_discover_finds_every_document_once() -> None:
    cases = discover([CORPORA])
    assert len(cases) == len(GOLDS)
    assert all(not case.missing for case in cases)
    documents = [d for case in cases for d in case.documents]
    assert len(documents) == len(set(documents)) >= 60


def test_layouts_formats_and_codes_are_covered() -> None:
    by_layout_format: Counter[tuple[str, str]] = Counter()
    fires: Counter[str] = Counter()
    forbidden: Counter[str] = Counter()
    for gold_path in GOLDS:
        gold = load(gold_path)
        names = document_names(gold)
        for name in names:
            by_layout_format[(gold_layout(gold), Path(name).suffix)] += 1
        for code in {f["code"] for f in gold["required_findings"]}:
            fires[code] += len(names)
        for code in {f["code"] for f in gold["forbidden_findings"]}:
            forbidden[code] += len(names)
    for layout in ("narrative", "form"):
        for suffix in (".txt", ".docx", ".pdf"):
            assert by_layout_format[(layout, suffix)] >= 1, (layout, suffix)
    assert by_layout_format[("form", ".xlsx")] >= 10
    for code in DOCUMENT_CODES:  # batch-scope codes are tested by tests/test_batch*.py
        assert fires[code] >= 2, f"{code} must fire in at least two documents"
        assert forbidden[code] >= 1, f"{code} must be forbidden in at least one document"


def _generator_available() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("reportlab", "docx", "openpyxl"))


@pytest.mark.skipif(not _generator_available(), reason="the generator's dependencies are not installed")
def test_generator_is_deterministic_and_corpus_up_to_date(tmp_path: Path) -> None:
    sys.path.insert(0, str(CORPORA))
    try:
        spec = importlib.util.spec_from_file_location("corpus_generate", CORPORA / "generate.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.main(tmp_path, libreoffice=False)  # LibreOffice exports (*.lo.pdf) are checked by existence
    finally:
        sys.path.remove(str(CORPORA))

    def digests(root: Path) -> dict[str, str]:
        return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
                for folder in ("narrative", "forms") for p in sorted((root / folder).iterdir())
                if not p.name.endswith(".lo.pdf")}

    assert digests(tmp_path) == digests(CORPORA), "run `python3 corpora/generate.py` and commit the result"


def _required(gold: dict, code: str, project: str) -> bool:
    return any(f["code"] == code and f.get("project") in (None, project) for f in gold["required_findings"])


# written by corpora/generate.py (hand-made golds need not list every level of their claimed scores)
GENERATED = [p for p in GOLDS if load(p).get("generated")]


@pytest.mark.parametrize("gold_path", GENERATED, ids=lambda p: p.name)
def test_gold_facts_are_consistent(gold_path: Path) -> None:
    """The gold's own numbers obey the rules wherever no inconsistency was injected: sums of scores
    and weights, the budget score, over-execution, scores within weights."""
    gold = load(gold_path)
    for project in gold["projects"]:
        name, claimed = project["name"], project["claimed_scores"]
        for kind, column in (("score-sum-mismatch", 1), ("weight-sum-mismatch", 0)):
            if _required(gold, kind, name):
                continue
            for parent in ("产出", "效益"):
                children = [v[column] for k, v in claimed.items() if k.startswith(parent + "/")]
                if children and parent in claimed:
                    assert sum(children) == pytest.approx(claimed[parent][column], abs=0.011), (kind, parent)
            tops = [v[column] for k, v in claimed.items() if "/" not in k and k != "总分"]
            total = claimed.get("总分", [None, None])[column]
            if total is not None:
                assert sum(tops) == pytest.approx(total, abs=0.011), (kind, "总分")
        budget, executed = project["budget"], project["executed"]
        if "预算执行" in claimed and budget and not _required(gold, "budget-score-mismatch", name):
            weight, score = claimed["预算执行"]
            assert score == pytest.approx(round(weight * min(executed / budget, 1), 2), abs=0.011)
        assert (executed > budget) == _required(gold, "over-executed", name)
    for entry in gold["goal_indicators"]:
        if entry.get("score") is not None and not _required(gold, "score-exceeds-weight", entry["project"]):
            assert entry["score"] <= entry["weight"]
