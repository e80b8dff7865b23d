"""The input gate (readers.read_input / gate / file_sha256): refusals decided from `stat` before a
file is opened, permission, symlinks, and memory that stays flat whatever the file's size.

Bad-input kinds with their reasons and one-line messages are in test_cli_bad_input.py; here the
cases that need more than a file on disk: permission as root, a batch with one unreadable file,
and peak memory measured in a child process.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportparse import readers
from reportparse.cli import cli
from reportparse.errors import NotARegularFile, PermissionDenied
from reportparse.pipeline import check
from reportparse.readers import file_sha256, gate, read_input
from tests.conftest import CORPORA, REPO

GOOD = CORPORA / "narrative" / "n14_conflicting.txt"


def _deny_reading(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """As root the kernel lets every file be read; answer an open of `denied` as it answers any
    other user (EACCES), so the gate's handling of the refusal is what is tested."""
    real_open = os.open

    def fake_open(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
        if Path(path) == denied:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(readers.os, "open", fake_open)


def _unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "locked.txt"
    path.write_bytes(GOOD.read_bytes())
    path.chmod(0)
    if os.geteuid() == 0:
        assert os.access(path, os.R_OK)  # root: mode 000 does not stop it, so the refusal is simulated
        _deny_reading(monkeypatch, path)
    return path


def test_unreadable_file_is_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _unreadable(tmp_path, monkeypatch)
    result = check(path)
    assert result.status == "failed" and result.reason == "permission-denied"
    assert str(path) in (result.message or "")
    assert result.source.sha256 == ""  # nothing of it was read


def test_gate_asks_os_access_before_opening(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(GOOD.read_bytes())
    monkeypatch.setattr(readers.os, "access", lambda p, mode: False)
    with pytest.raises(PermissionDenied, match=r"report\.txt"):
        gate(path)


def test_one_unreadable_file_fails_alone_and_the_others_are_printed(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    locked = _unreadable(tmp_path, monkeypatch)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    files = [str(GOOD), str(locked), str(fifo), str(tmp_path / "missing.pdf"), str(GOOD)]
    result = CliRunner().invoke(cli, ["check", *files, "--format", "json"])
    assert result.exit_code == 2
    statuses = [(Path(r["source"]["path"]).name, r["status"], r["reason"]) for r in json.loads(result.stdout)]
    assert statuses == [("n14_conflicting.txt", "ok", None), ("locked.txt", "failed", "permission-denied"),
                        ("pipe.txt", "failed", "not-a-regular-file"), ("missing.pdf", "failed", "missing-file"),
                        ("n14_conflicting.txt", "ok", None)]
    messages = result.stderr.splitlines()
    assert [m.split(":")[1].strip().rsplit("/", 1)[-1] for m in messages] == ["locked.txt", "pipe.txt", "missing.pdf"]
    text = CliRunner().invoke(cli, ["check", *files])
    assert text.stdout.count("conflicting-actuals") == 2  # both good files printed in full


def test_the_gate_refuses_a_fifo_swapped_in_after_the_stat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The descriptor is checked again after opening (non-blocking), so a path that became a FIFO
    between the stat and the open neither hangs nor is read."""
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    monkeypatch.setattr(readers, "gate", lambda path: None)  # as if the stat had seen a regular file
    with pytest.raises(NotARegularFile, match="FIFO"):
        read_input(fifo)


def test_file_sha256_is_the_digest_of_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    data = os.urandom(3 * 1024 * 1024 + 17)  # more than one chunk
    path.write_bytes(data)
    assert file_sha256(path) == hashlib.sha256(data).hexdigest()
    assert file_sha256(tmp_path / "missing.txt") == ""


def _peak_rss_mb(code: str, tmp_path: Path) -> float:
    """Peak resident memory of a child Python running `code` (after importing reportparse)."""
    script = f"import resource, reportparse\n{code}\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True,
                          env={**os.environ, "PYTHONPATH": str(REPO / "src")}, cwd=tmp_path)
    return int(done.stdout.split()[-1]) / 1024


def test_memory_stays_flat_for_a_huge_sparse_file(tmp_path: Path) -> None:
    """A 4 GB sparse file is refused from its size; a 150 MB one (within the limit) is hashed in
    chunks for a failed result: neither is held in memory whole."""
    huge, big = tmp_path / "huge.txt", tmp_path / "big.rtf"
    for path, size in ((huge, 4 << 30), (big, 150 << 20)):
        with path.open("wb") as handle:
            handle.truncate(size)
    baseline = _peak_rss_mb("", tmp_path)
    refused = _peak_rss_mb(f"r = reportparse.check({str(huge)!r}); assert r.reason == 'too-large', r", tmp_path)
    hashed = _peak_rss_mb("from reportparse.pipeline import failed_result\n"
                          f"r = failed_result(__import__('pathlib').Path({str(big)!r}), 'x', 'x')\n"
                          "assert len(r.source.sha256) == 64", tmp_path)
    assert refused < baseline + 100, (baseline, refused)
    assert hashed < baseline + 100, (baseline, hashed)
