"""Narrative parser on the seed (corpora/acceptance/seeds) in all three formats, judged against its gold file."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from reportparse.model import Project, Report
from reportparse.parse.narrative import parse_narrative
from reportparse.pipeline import extract
from tests.conftest import ACCEPTANCE, SEEDS

SEED_FILES = ["000_cdb31e0220679900.txt", "seed.docx", "seed.pdf"]
_CACHE: dict[str, Report] = {}


def _norm(text: str | None) -> str:
    return "".join(ch for ch in str(text or "") if ch not in " “”\"《》（）()").replace("项目", "")


def _same(a: str | None, b: str | None) -> bool:
    x, y = _norm(a), _norm(b)
    return bool(x and y) and (x in y or y in x)


def _report(name: str) -> Report:
    if name not in _CACHE:
        _CACHE[name] = parse_narrative(extract(SEEDS / name))
    return _CACHE[name]


def _gold() -> dict:  # type: ignore[type-arg]
    return json.loads((ACCEPTANCE / "seed.gold.json").read_text(encoding="utf-8"))


def _project(report: Report, gold_name: str, gold_aliases: list[str]) -> Project:
    names = [gold_name, *gold_aliases]
    found = [p for p in report.projects if any(_same(n, m) for n in names for m in [p.name, *p.aliases])]
    assert len(found) == 1, (gold_name, [p.name for p in report.projects])
    return found[0]


@pytest.mark.parametrize("seed", SEED_FILES)
def test_projects_budgets_and_aliases(seed: str) -> None:
    report = _report(seed)
    gold = _gold()
    assert report.year == gold["year"]
    assert len(report.projects) == len(gold["projects"])
    for gp in gold["projects"]:
        project = _project(report, gp["name"], gp["aliases"])
        assert project.name == gp["name"]
        spellings = {_norm(s) for s in [project.name, *project.aliases]}
        assert {_norm(a) for a in gp["aliases"]} <= spellings
        budget = project.budget
        assert budget.planned is not None and budget.planned.value == gp["budget"]
        executed = budget.executed.value if budget.executed is not None else Decimal(0)
        assert executed == gp["executed"]
        if gp["returned"] is not None:
            assert budget.returned is not None and budget.returned.value == gp["returned"]
        assert project.evaluated == bool(gp["claimed_scores"])
        assert budget.planned.evidence and budget.planned.evidence[0].text


@pytest.mark.parametrize("seed", SEED_FILES)
def test_goal_indicators(seed: str) -> None:
    report = _report(seed)
    ok = 0
    gold = _gold()
    for gi in gold["goal_indicators"]:
        for project in report.projects:
            if not gi["project"].startswith("*") and not _same(gi["project"], project.name):
                continue
            hits = [i for i in project.indicators if _same(gi["name"], i.name) and i.target is not None]
            if any(_target_ok(gi, i.target) for i in hits):  # type: ignore[arg-type]
                ok += 1
                break
    assert ok >= 24, ok


def _target_ok(gi: dict, target) -> bool:  # type: ignore[no-untyped-def, type-arg]
    if gi["cmp"] == "qualitative":
        return target.comparator == "qualitative" or target.value is None
    if target.comparator not in [gi["cmp"], *gi.get("cmp_alt", [])]:
        return False
    return target.value is not None and abs(float(target.value) - gi["value"]) < 0.01 and target.unit == gi["unit"]


@pytest.mark.parametrize("seed", SEED_FILES)
def test_claimed_scores(seed: str) -> None:
    report = _report(seed)
    for gp in _gold()["projects"]:
        project = _project(report, gp["name"], gp["aliases"])
        claimed = {s.level: (s.weight, s.score) for s in project.scores}
        for level, (weight, score) in gp["claimed_scores"].items():
            assert claimed.get(level) == (weight, score), (gp["name"], level, claimed)
        for line in project.scores:
            assert line.evidence and line.evidence[0].text


def _indicator(report: Report, project_name: str, indicator: str):  # type: ignore[no-untyped-def]
    project = next(p for p in report.projects if p.name == project_name)
    return next(i for i in project.indicators if i.name == indicator)


@pytest.mark.parametrize("seed", SEED_FILES)
def test_actuals_behind_the_required_findings(seed: str) -> None:
    report = _report(seed)
    gold = {f["id"]: f for f in _gold()["required_findings"]}
    films = _indicator(report, gold["F1"]["project"], gold["F1"]["indicator"])
    measured = sorted((a.value, a.origin) for a in films.actuals if a.kind == "measured")
    assert measured == [(4, "conclusion"), (7, "analysis")]
    assert all(a.evidence and a.evidence[0].text for a in films.actuals)
    length = _indicator(report, gold["F2"]["project"], gold["F2"]["indicator"])
    restated = [a for a in length.actuals if a.kind == "restated"]
    assert [(a.comparator, a.value, a.unit) for a in restated] == [(">=", Decimal("0.5"), "h")]
    people = _indicator(report, gold["F3"]["project"], gold["F3"]["indicator"])
    assert [a.kind for a in people.actuals] == ["qualitative"]
    network = next(p for p in report.projects if p.name == gold["F5"]["project"])
    satisfaction = [a for i in network.indicators if i.level.endswith("满意度") for a in i.actuals]
    assert [(a.value, a.comparator, a.approx) for a in satisfaction] == [(90, ">=", True)]
    others = [p for p in report.projects if p.scores and p.name not in (gold["F1"]["project"], network.name)]
    assert len(others) == 1
    cloud = [a.value for i in others[0].indicators if i.level.endswith("满意度") for a in i.actuals]
    assert cloud == [98]


@pytest.mark.parametrize("seed", SEED_FILES)
def test_returned_total_and_balances(seed: str) -> None:
    report = _report(seed)
    assert len(report.fund_totals) == 1
    total = report.fund_totals[0]
    assert total.kind == "returned" and total.total.value == sum(q.value or 0 for q in total.parts)
    assert len(total.projects) == 2
    explained = {p.name for p in report.projects if p.budget.balance_explained}
    assert explained == set(total.projects)
