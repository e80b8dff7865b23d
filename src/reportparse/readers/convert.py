"""Old and odd office files (.doc, .wps, an .xls that is HTML …) converted to DOCX/XLSX by LibreOffice.

LibreOffice runs headless in a profile of its own, created in a temporary folder and removed
afterwards, so that a user's running LibreOffice, a second conversion at the same time, or a
read-only home folder never get in the way; the converted file is written in that folder too.
A conversion that runs past `CONVERT_TIMEOUT` is killed (with everything it started).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Literal

from reportparse.errors import ConversionFailed, NeedsLibreOffice

#: seconds; the first run in a fresh profile takes a few seconds, a real report well under a minute
CONVERT_TIMEOUT = float(os.environ.get("REPORTPARSE_CONVERT_TIMEOUT", "120"))
#: the Debian/Ubuntu packages that give a headless `soffice` able to read each kind
_PACKAGE = {"docx": "libreoffice-writer-nogui", "xlsx": "libreoffice-calc-nogui"}
_EXECUTABLES = ("soffice", "libreoffice")


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH, if any."""
    for name in _EXECUTABLES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert(path: Path, data: bytes, target: Literal["docx", "xlsx"], what: str) -> bytes:
    """The bytes of `data` (read from `path`) converted to `target` by LibreOffice.

    `what` says what the file is, for messages ('a Word 97-2003 document'). Raises NeedsLibreOffice
    when LibreOffice is not installed, ConversionFailed when it gives no output or times out.
    """
    soffice = find_soffice()
    if soffice is None:
        raise NeedsLibreOffice(
            f"{path}: {what} is read by converting it with LibreOffice, which is not installed "
            f"(Debian/Ubuntu: apt-get install --no-install-recommends {_PACKAGE[target]})",
            str(path),
        )
    with tempfile.TemporaryDirectory(prefix="reportparse-convert-") as work:
        folder = Path(work)
        # a plain ASCII name: LibreOffice's command line and the output name stay predictable
        source = folder / f"input{path.suffix.lower()}"
        source.write_bytes(data)
        out_dir = folder / "out"
        command = [
            soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
            "--nolockcheck", "--convert-to", target, "--outdir", str(out_dir), str(source),
        ]
        _run(command, path, target)
        converted = out_dir / f"input.{target}"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise ConversionFailed(
                f"{path}: LibreOffice could not convert {what} to {target.upper()} "
                "(damaged, or not really that format?)",
                str(path),
            )
        return converted.read_bytes()


def _run(command: list[str], path: Path, target: str) -> None:
    """Run LibreOffice in a session of its own so that a timeout kills it and every helper it spawned."""
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          stdin=subprocess.DEVNULL, start_new_session=True) as process:
        try:
            process.wait(timeout=CONVERT_TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            with contextlib.suppress(ProcessLookupError):  # it ended between the timeout and the kill
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise ConversionFailed(
                f"{path}: LibreOffice took longer than {CONVERT_TIMEOUT:g} s to convert it to {target.upper()}",
                str(path),
            ) from exc
