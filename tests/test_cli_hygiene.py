"""What reaches the terminal: library warnings go into the result's notes (never stderr), and escape
sequences carried by a document or a file name are stripped before they reach the screen."""

from __future__ import annotations

import json
import logging
import re
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

import reportparse.readers.text
from reportparse.cli import cli
from reportparse.model import Document, Result, Source
from reportparse.render.common import terminal_safe
from reportparse.render.text import render_text
from tests.conftest import CORPORA
from tests.render_samples import sample_result

GOOD = CORPORA / "narrative" / "n14_conflicting.txt"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_library_warnings_become_notes_not_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    real_read = reportparse.readers.text.read_text

    def noisy_read(path: Path, data: bytes, source: Source) -> Document:
        for _ in range(3):  # repeated per page in real libraries: kept once with a count
            warnings.warn("Data Validation extension is not supported", UserWarning, stacklevel=1)
        logging.getLogger("pdfminer.pdfpage").warning("CropBox missing from /Page, defaulting to MediaBox")
        logging.getLogger("pdfminer.pdfpage").info("an info record is not a warning")
        return real_read(path, data, source)

    monkeypatch.setattr(reportparse.readers.text, "read_text", noisy_read)
    handlers = list(logging.getLogger().handlers)
    result = CliRunner().invoke(cli, ["check", str(GOOD), "--format", "json"])
    assert result.exit_code == 1
    assert result.stderr == ""
    notes = json.loads(result.stdout)["notes"]
    assert "warning: UserWarning: Data Validation extension is not supported (×3)" in notes
    assert "warning: pdfminer.pdfpage: CropBox missing from /Page, defaulting to MediaBox" in notes
    assert not any("info record" in note for note in notes)
    assert logging.getLogger().handlers == handlers  # the collecting handler is removed again


def test_terminal_safe_strips_sequences_and_keeps_text() -> None:
    assert terminal_safe("a\x1b[31mred\x1b[0m b") == "ared b"
    assert terminal_safe("x\x1b]0;title\x07y\x1b]8;;http://e\x1b\\link\x1b]8;;\x1b\\") == "xylink"
    assert terminal_safe("p\x9b2J\x08\rq\u202eR") == "p2JqR"
    assert terminal_safe("中文\t1\n2") == "中文\t1\n2"


def _poisoned_result() -> Result:
    raw = sample_result("report.pdf").model_dump_json()
    raw = raw.replace("专题片 4 部", "专题片\\u001b[2J 4 部\\u001b]0;owned\\u0007")
    raw = raw.replace("党员电教片拍摄费", "党员\\u001b[31m电教片拍摄费")
    result = Result.model_validate_json(raw)
    assert any("\x1b[2J" in ev.text for f in result.findings for ev in f.evidence), "the sample lost the quote"
    return result


@pytest.mark.parametrize("color", [False, True])
def test_text_renderer_strips_escape_sequences(color: bool) -> None:
    text = render_text([_poisoned_result()], color=color)
    own_colours = re.compile(r"\x1b\[[0-9;]*m")
    assert bool(own_colours.search(text)) is color
    assert "\x1b[31m电" not in text
    plain = own_colours.sub("", text)  # only the renderer's own colours may remain
    assert "专题片 4 部" in plain and "党员电教片拍摄费" in plain
    assert not _CONTROL.search(plain.replace("\n", ""))


def test_cli_strips_escapes_from_a_document_and_its_file_name(tmp_path: Path) -> None:
    text = GOOD.read_text(encoding="utf-8").replace("社区卫生服务中心", "社区\x1b]0;owned\x07卫生服务中心", 1)
    path = tmp_path / "evil\x1b[2J.txt"
    path.write_text(text, encoding="utf-8")
    shown = CliRunner().invoke(cli, ["check", str(path)], env={"NO_COLOR": "1"})
    assert shown.exit_code in (0, 1)
    assert "evil.txt" in shown.stdout and not _CONTROL.search(shown.stdout.replace("\n", ""))
    missing = CliRunner().invoke(cli, ["check", str(tmp_path / "gone\x1b[2J.txt")])
    assert missing.exit_code == 2
    assert "gone.txt" in missing.stderr and not _CONTROL.search(missing.stderr.replace("\n", ""))
