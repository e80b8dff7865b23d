"""Acceptance as judged: the shared gold files scored with shared/tools/score_gold.py.

Skips cleanly when ../shared is absent. One case per gold document and format.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportparse.cli import cli
from tests.conftest import SHARED

SEED_FILES = ["seeds/000_cdb31e0220679900.txt", "seeds/seed.docx", "seeds/seed.pdf"]
FORM_GOLDS = ["anhui_tianchang_2022", "anhui_guichi_tangxi_weituo_2022"]
CASES = [("acceptance/seed.gold.json", f) for f in SEED_FILES] + [
    (f"acceptance/forms/{name}.gold.json", f"acceptance/forms/{name}.{ext}")
    for name in FORM_GOLDS
    for ext in ("xlsx", "docx", "pdf")
]


@pytest.mark.parametrize(("gold", "document"), CASES, ids=[Path(d).name for _, d in CASES])
def test_shared_gold(gold: str, document: str, shared_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(shared_dir / document), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    out = tmp_path / "out.json"
    out.write_text(result.stdout, encoding="utf-8")
    judged = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_gold.py"), str(shared_dir / gold), str(out), "--verbose"],
        capture_output=True, text=True, check=False,
    )
    assert judged.returncode == 0, judged.stdout + judged.stderr
