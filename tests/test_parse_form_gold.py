"""The acceptance 自评表 gold documents (corpora/acceptance/forms), in every format: project, budget,
claimed scores, indicators.

Extraction is judged with the shared scorer's own indicator matcher (tools/score_gold.py), on the
Report that extract → parse → normalise gives; findings are judged elsewhere (test_acceptance).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from reportparse.model import Report
from reportparse.parse.form import find_forms, parse_forms
from reportparse.readers import extract_document
from tests.conftest import ACCEPTANCE, SCORE_GOLD

DOCUMENTS = ["anhui_tianchang_2022", "anhui_guichi_tangxi_weituo_2022"]
FORMATS = ["xlsx", "docx", "pdf"]


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_gold", SCORE_GOLD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _report(path: Path) -> dict:
    from reportparse.normalise import normalise_report

    document = extract_document(path)
    report = normalise_report(parse_forms(find_forms(document), Report()))
    return json.loads(report.model_dump_json())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_gold_form(name: str, fmt: str) -> None:
    folder = ACCEPTANCE / "forms"
    gold = json.loads((folder / f"{name}.gold.json").read_text(encoding="utf-8"))
    scorer = _scorer()
    report = _report(folder / f"{name}.{fmt}")
    assert report["layout"] == "form"
    for gold_project in gold["projects"]:
        project = next(p for p in report["projects"] if scorer.name_match(p["name"], gold_project["name"]))
        budget = project["budget"]
        assert scorer.close(scorer.num(budget["planned"]), gold_project["budget"])
        assert scorer.close(scorer.num(budget["executed"]), gold_project["executed"])
        assert scorer.close(scorer.num(budget["initial"]), gold_project["budget_initial"])
        claimed = {(s["level"], s["weight"], s["score"]) for s in project["scores"]}
        for level, (weight, score) in gold_project["claimed_scores"].items():
            assert (level, weight, score) in claimed, level
    indicators = gold["goal_indicators"]
    ok = [gi["name"] for gi in indicators if scorer.indicator_ok(gi, report, gold["projects"])]
    assert len(ok) >= 0.95 * len(indicators), sorted({gi["name"] for gi in indicators} - set(ok))
