"""Every kind of bad input gives exit 2 and a one-line message naming the file: never a traceback,
never an empty success (spec: Bad input)."""

from __future__ import annotations

import json
import os
import socket
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportparse.cli import cli

from ._bad_inputs import encrypted_pdf, image_only_pdf, zip_bomb


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))  # the socket file stays after the process's socket is closed
    server.close()


def _make(kind: str, tmp: Path) -> Path:
    if kind == "missing":
        return tmp / "nowhere.pdf"
    if kind == "char-device":
        return Path("/dev/zero")  # read from, it never ends
    special = {"fifo": "pipe.txt", "socket": "s.pdf", "symlink-loop": "loop.docx", "dangling-symlink": "gone.txt",
               "sparse-4gb": "huge.txt"}
    if kind in special:
        path = tmp / special[kind]
        if kind == "fifo":
            os.mkfifo(path)  # opened for reading, it blocks until a writer comes: forever
        elif kind == "socket":
            _socket(path)
        elif kind == "symlink-loop":
            (tmp / "other.docx").symlink_to(path)
            path.symlink_to(tmp / "other.docx")
        elif kind == "dangling-symlink":
            path.symlink_to(tmp / "moved-away.txt")
        else:
            with path.open("wb") as handle:  # 4 GB that take no disk: read whole, 4 GB of memory
                handle.truncate(4 << 30)
        return path
    if kind == "directory":
        (tmp / "folder.pdf").mkdir()
        return tmp / "folder.pdf"
    path = tmp / {"unknown-extension": "report.rtf", "empty-pdf": "empty.pdf", "empty-txt": "empty.txt",
                  "truncated-pdf": "cut.pdf", "docx-not-zip": "fake.docx", "xlsx-not-zip": "fake.xlsx",
                  "docx-zip-bomb": "bomb.docx", "scanned-pdf": "scan.pdf", "encrypted-pdf": "locked.pdf",
                  "not-a-report": "recipe.txt", "binary-txt": "junk.txt"}[kind]
    if kind == "unknown-extension":
        path.write_text("项目支出绩效自评报告", encoding="utf-8")
    elif kind in ("empty-pdf", "empty-txt"):
        path.write_bytes(b"")
    elif kind == "truncated-pdf":
        path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty")
    elif kind in ("docx-not-zip", "xlsx-not-zip"):
        path.write_text("this is not a zip archive", encoding="utf-8")
    elif kind == "docx-zip-bomb":
        zip_bomb(path)
    elif kind == "scanned-pdf":
        image_only_pdf(path)
    elif kind == "encrypted-pdf":
        encrypted_pdf(path)
    elif kind == "not-a-report":
        recipe = "红烧肉的做法：五花肉切块，冷水下锅焯水。\n加入冰糖炒糖色，再放入生抽老抽。\n"
        path.write_text(recipe, encoding="utf-8")
    elif kind == "binary-txt":
        path.write_bytes(bytes(range(256)) * 64)
    return path


KINDS = {
    "missing": "missing-file",
    "directory": "is-a-directory",
    "unknown-extension": "unknown-format",
    "empty-pdf": "empty-file",
    "empty-txt": "empty-file",
    "truncated-pdf": "corrupt-file",
    "docx-not-zip": "corrupt-file",
    "xlsx-not-zip": "corrupt-file",
    "docx-zip-bomb": "zip-bomb",
    "scanned-pdf": "no-text-layer",
    "encrypted-pdf": "encrypted",
    "not-a-report": "not-a-report",
    "binary-txt": "bad-encoding",
    "fifo": "not-a-regular-file",
    "socket": "not-a-regular-file",
    "char-device": "not-a-regular-file",
    "symlink-loop": "symlink-loop",
    "dangling-symlink": "missing-file",
    "sparse-4gb": "too-large",
}


@pytest.mark.parametrize(("kind", "reason"), sorted(KINDS.items()))
def test_bad_input_exits_2_with_reason(kind: str, reason: str, tmp_path: Path) -> None:
    path = _make(kind, tmp_path)
    result = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    data = json.loads(result.stdout)
    assert data["status"] == "failed"
    assert data["reason"] == reason
    assert data["findings"] == []
    message_lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(message_lines) == 1
    assert path.name in message_lines[0]


def test_bad_input_text_format_names_file(tmp_path: Path) -> None:
    path = _make("truncated-pdf", tmp_path)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2
    assert path.name in result.stderr


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    path = _make("not-a-report", tmp_path)
    before = path.read_bytes()
    CliRunner().invoke(cli, ["check", str(path)])
    assert path.read_bytes() == before


def test_extract_bad_input_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "missing.docx")])
    assert result.exit_code == 2
    assert "missing.docx" in result.stderr


def test_a_message_always_names_its_file(tmp_path: Path) -> None:
    """A reader whose message leaves out the path still gets it named (the error puts it first)."""
    from reportparse.errors import CorruptFile

    assert CorruptFile("not a valid XLSX", "/x/a.xlsx").message == "/x/a.xlsx: not a valid XLSX"
    assert CorruptFile("/x/a.xlsx: cut short", "/x/a.xlsx").message == "/x/a.xlsx: cut short"
    path = tmp_path / "sheet.xlsx"  # a zip with the parts of a workbook that openpyxl cannot read
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<not-a-workbook/>")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2
    assert str(path) in result.stderr and len(result.stderr.strip().splitlines()) == 1
