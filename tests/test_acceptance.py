"""Acceptance as judged: the gold files of corpora/acceptance/ scored with tools/score_gold.py
(both copied from shared/, see test_shared_copies.py). One case per gold document and format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportparse.cli import cli
from tests.conftest import ACCEPTANCE, SCORE_GOLD

SEED_FILES = ["seeds/000_cdb31e0220679900.txt", "seeds/seed.docx", "seeds/seed.pdf"]
FORM_GOLDS = ["anhui_tianchang_2022", "anhui_guichi_tangxi_weituo_2022"]
CASES = [("seed.gold.json", f) for f in SEED_FILES] + [
    (f"forms/{name}.gold.json", f"forms/{name}.{ext}")
    for name in FORM_GOLDS
    for ext in ("xlsx", "docx", "pdf")
]


@pytest.mark.parametrize(("gold", "document"), CASES, ids=[Path(d).name for _, d in CASES])
def test_acceptance_gold(gold: str, document: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(ACCEPTANCE / document), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    out = tmp_path / "out.json"
    out.write_text(result.stdout, encoding="utf-8")
    judged = subprocess.run(
        [sys.executable, str(SCORE_GOLD), str(ACCEPTANCE / gold), str(out), "--verbose"],
        capture_output=True, text=True, check=False,
    )
    assert judged.returncode == 0, judged.stdout + judged.stderr


def test_every_acceptance_gold_is_judged() -> None:
    """A gold file added to corpora/acceptance/ without a case here would go unjudged."""
    golds = {str(p.relative_to(ACCEPTANCE)) for p in ACCEPTANCE.rglob("*.gold.json")}
    assert golds == {gold for gold, _ in CASES}
