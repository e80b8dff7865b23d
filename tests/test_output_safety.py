"""`-o` never loses output: written whole through a temporary file and a rename, a write error is
one line and exit 2 with the previous file intact, an input is never overwritten, Ctrl-C exits 130
and leaves no partial file."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reportparse import atomicwrite
from reportparse.cli import cli
from tests.conftest import CORPORA, REPO

GOOD = CORPORA / "narrative" / "n14_conflicting.txt"
OLD = b"the previous review, which must survive a failed write\n"


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", str(GOOD), "--format", "json", *args])


def _one_line_naming(result: Result, target: Path) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert str(target) in lines[0] and "Traceback" not in result.output
    return lines[0]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_output_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "review.json"
    out.write_bytes(OLD)
    result = _run("-o", str(out))
    assert result.exit_code == 1  # n14 has an error finding
    assert out.read_bytes() == _run().stdout_bytes
    assert _leftovers(tmp_path) == []
    umask = os.umask(0)
    os.umask(umask)
    out.unlink()
    _run("-o", str(out))
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # as a plain write would make it


def test_missing_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "review.json"
    result = _run("-o", str(target))
    assert result.exit_code == 2
    assert "does not exist" in _one_line_naming(result, target)


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS])
def test_read_only_folder_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0 or code == errno.EROFS:  # root writes into a 0555 folder; a read-only mount is simulated

        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(atomicwrite.tempfile, "mkstemp", refuse)
    target = folder / "review.json"
    result = _run("-o", str(target))
    assert result.exit_code == 2
    assert os.strerror(code) in _one_line_naming(result, target)
    assert not target.exists()
    folder.chmod(0o755)


def test_full_disk_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "review.json"
    out.write_bytes(OLD)

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomicwrite.os, "fsync", disk_full)
    result = _run("-o", str(out))
    assert result.exit_code == 2
    assert "No space left" in _one_line_naming(result, out)
    assert out.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("spelling", ["same", "dot", "symlink", "hardlink"])
def test_output_over_an_input_is_refused(tmp_path: Path, spelling: str) -> None:
    source = tmp_path / "report.txt"
    source.write_bytes(GOOD.read_bytes())
    target = {"same": source, "dot": tmp_path / "." / "report.txt", "symlink": tmp_path / "link.txt",
              "hardlink": tmp_path / "twin.txt"}[spelling]
    if spelling == "symlink":
        target.symlink_to(source)
    elif spelling == "hardlink":
        os.link(source, target)
    result = CliRunner().invoke(cli, ["check", str(source), "-o", str(target)])
    assert result.exit_code == 2
    assert "input" in _one_line_naming(result, target)
    assert source.read_bytes() == GOOD.read_bytes()


def test_ctrl_c_while_checking_exits_130_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reportparse.pipeline

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(reportparse.pipeline, "check", interrupted)
    out = tmp_path / "review.json"
    result = _run("-o", str(out))
    assert result.exit_code == 130
    assert result.stderr.strip() == "reportparse: interrupted"
    assert not out.exists() and _leftovers(tmp_path) == []


def test_ctrl_c_while_writing_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "review.json"
    out.write_bytes(OLD)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomicwrite.os, "fsync", interrupted)
    result = _run("-o", str(out))
    assert result.exit_code == 130
    assert out.read_bytes() == OLD and _leftovers(tmp_path) == []


def test_a_real_sigint_exits_130(tmp_path: Path) -> None:
    """The signal itself, delivered to the CLI process while it checks a file."""
    script = (
        "import os, signal, time, reportparse.pipeline as p\n"
        "def slow(*args):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    time.sleep(30)\n"
        "p.check = slow\n"
        "from reportparse.cli import main\n"
        "main()\n"
    )
    out = tmp_path / "review.txt"
    done = subprocess.run([sys.executable, "-c", script, "check", str(GOOD), "-o", str(out)], capture_output=True,
                          text=True, timeout=60, check=False, env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert done.returncode == 128 + signal.SIGINT, done.stderr
    assert done.stderr.strip() == "reportparse: interrupted"
    assert not out.exists() and _leftovers(tmp_path) == []
