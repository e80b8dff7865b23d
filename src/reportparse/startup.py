"""The start-up of a command-line process, without the cyclic garbage collector walking it.

What a cold `reportparse check` makes first (modules, pydantic's models and their schemas, the compiled
patterns, the tables the parsers load) lives until the process ends, and the collector would walk all of
it again and again for nothing: about a tenth of a cold check, and the interpreter's last collection at exit
walks it once more. Checking one file makes little cyclic garbage (a 1.4 MB text report peaks at the same
memory with the collector off), but many files in one run do, so the collector is paused for the start-up
only and is back on after it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def frozen_start_up() -> Iterator[None]:
    """Run the block with the collector paused, then freeze what exists out of its sight (`gc.freeze`) and
    turn it back on if it was. The caller unfreezes (`gc.unfreeze`) when it is not about to exit."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
