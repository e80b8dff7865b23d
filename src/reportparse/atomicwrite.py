"""Write an output file so that it is never lost: whole or not at all.

The data goes to a temporary file in the target's own folder (same file system, so the rename is
atomic), is flushed to disk, and only then renamed over the target. A failure at any point — a
missing or read-only folder, a full disk, Ctrl-C — removes the temporary file and leaves the previous
target, if any, as it was. A target that is one of the inputs is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from reportparse.errors import OutputError, OutputIsInput


def write_atomic(target: Path, data: bytes, inputs: Iterable[Path] = ()) -> None:
    """Write `data` to `target` atomically. Raises OutputError (one-line message naming the target)."""
    refuse_inputs(target, inputs)
    folder = target.parent
    if target.is_dir():
        raise OutputError(f"{target}: cannot write: is a directory", str(target))
    mode = _mode_for(target)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _output_error(target, exc) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException as exc:  # Ctrl-C included: never leave a partial file behind
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise _output_error(target, exc) from exc
        raise


def refuse_inputs(target: Path, inputs: Iterable[Path]) -> None:
    """Raise OutputIsInput when `target` is (a link to, or another name of) one of `inputs`."""
    for source in inputs:
        same = False
        with contextlib.suppress(OSError):
            same = target.exists() and source.exists() and os.path.samefile(target, source)
        if same or target.resolve() == source.resolve():
            raise OutputIsInput(f"{target}: refusing to write the output over an input file", str(target))


def _mode_for(target: Path) -> int:
    """The permissions the file would get from a plain write: the old target's, else 0666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _output_error(target: Path, exc: OSError) -> OutputError:
    missing = not target.parent.exists()
    why = f"the folder {target.parent} does not exist" if missing else exc.strerror or exc.__class__.__name__
    return OutputError(f"{target}: cannot write the output: {why}", str(target))
