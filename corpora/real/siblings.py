"""How the scripts of corpora/real load one another: corpora/ is no package, so each sibling script is loaded
by path, once, as the module `real_<name>` (the name tests/_harnesses.py gives shapes.py and fileshapes.py, so
that a test and a script share one module and its classes)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def sibling(name: str) -> ModuleType:
    """corpora/real/<name>.py, loaded once as the module real_<name>."""
    key = f"real_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, HERE / f"{name}.py")
        assert spec is not None and spec.loader is not None
        sys.modules[key] = importlib.util.module_from_spec(spec)  # dataclasses look their module up by name
        spec.loader.exec_module(sys.modules[key])
    return sys.modules[key]
