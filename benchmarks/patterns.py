"""Which of our regular expressions a `check` compiles, which it calls, and what compiling them costs.

    PYTHONPATH=src python3 benchmarks/patterns.py FILE...

Runs `check` (and both renderers) on each FILE in one process and prints, for the patterns compiled from
reportparse code: how many `re` compiled itself (at import, or a function's `re.sub` and the like on its
first call) and how many reportparse.lazypattern compiled on first use; how many were never called (a
candidate to compile on first use, or to import only on the paths that need it); and the time `re` takes
to compile them, measured again after the run (each compiled alone, so the figure does not depend on the
order they were first met in). Patterns of other libraries compiled while ours import them are listed
apart: they are theirs to defer. Every pattern is compiled by `re` here, none made from a program an
earlier process kept (reportparse.patterncache): the figures are what compiling costs a process that finds
no kept programs (the first run, or one without a bytecode cache), which the kept programs then spare.

A method call is seen by a profile hook (`sys.setprofile`, C calls on `re.Pattern` objects): the product
itself is not changed. Timings are for comparing, not asserting.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from re import _compiler  # type: ignore[attr-defined]
from types import FrameType
from typing import Any

from reportparse import patterncache

REPO = Path(__file__).resolve().parents[1]
PACKAGE = "/reportparse/"


@dataclass
class Compiled:
    pattern: str | bytes
    flags: int
    where: str  # the reportparse line that compiled it, or whose import did
    ours: bool  # written in reportparse (else another library's, compiled while ours imported it)
    lazy: bool  # compiled by reportparse.lazypattern on first use
    called: bool = False


def _origin(frame: FrameType | None) -> tuple[str, bool, bool]:
    """(where, ours, lazy) of a compile, from the first reportparse frame up the stack."""
    lazy, ours_first = False, None
    while frame is not None:
        name = frame.f_code.co_filename
        if name.endswith("lazypattern.py"):
            lazy = True
        elif PACKAGE in name:
            if ours_first is None:
                ours_first = True
            return f"{name.split(PACKAGE)[-1]}:{frame.f_lineno}", bool(ours_first), lazy
        elif "/re/" not in name and "functools" not in name and ours_first is None:
            ours_first = False
        frame = frame.f_back
    return "", False, lazy


def trace(files: list[str]) -> list[Compiled]:
    seen: dict[int, Compiled] = {}
    original = re._compile  # type: ignore[attr-defined]

    def compile_and_note(pattern: Any, flags: Any) -> Any:
        compiled = original(pattern, flags)
        if id(compiled) not in seen:
            where, ours, lazy = _origin(sys._getframe(1))
            if where:
                seen[id(compiled)] = Compiled(pattern, int(flags), where, ours, lazy)
        return compiled

    def note_call(frame: FrameType, event: str, arg: Any) -> None:
        if event == "c_call" and isinstance(getattr(arg, "__self__", None), re.Pattern):
            noted = seen.get(id(arg.__self__))
            if noted is not None:
                noted.called = True

    re._compile = compile_and_note  # type: ignore[attr-defined]
    # every pattern compiled by re here, none from the programs an earlier process kept (reportparse.patterncache)
    kept = patterncache.compile
    patterncache.compile = re.compile  # type: ignore[assignment]
    sys.setprofile(note_call)
    try:
        from reportparse.cli import _render
        from reportparse.pipeline import check

        for path in files:
            result = check(path)
            _render([result], "text", None)
            _render([result], "json", None)
    finally:
        sys.setprofile(None)
        re._compile = original  # type: ignore[attr-defined]
        patterncache.compile = kept  # type: ignore[assignment]
    return list(seen.values())


def compile_ms(items: list[Compiled]) -> float:
    start = time.perf_counter()
    for item in items:
        _compiler.compile(item.pattern, item.flags)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    items = trace(args.files)
    ours = [i for i in items if i.ours]
    groups = {
        "ours, compiled by re itself": [i for i in ours if not i.lazy],
        "ours, compiled on first use": [i for i in ours if i.lazy],
        "other libraries', while ours import": [i for i in items if not i.ours],
    }
    print(f"{len(args.files)} file(s)")
    for label, group in groups.items():
        uncalled = [i for i in group if not i.called]
        print(f"{label:38} {len(group):4} patterns {compile_ms(group):6.1f} ms; "
              f"never called {len(uncalled):3} ({compile_ms(uncalled):.1f} ms)")
    for item in sorted((i for i in ours if not i.called), key=lambda i: i.where):
        print(f"  never called: {item.where}  {str(item.pattern)[:70]!r}")


if __name__ == "__main__":
    main()
