"""Regular expressions compiled on their first use, not when their module is imported.

Python compiles a pattern in Python code: a tenth of a millisecond for a short one, a millisecond or
more for a long alternation or a character class with a wide CJK range (`[\\u4e00-\\u9fff]` is
expanded one code point at a time). A `reportparse check` of a text report imports some 420 of our
patterns and uses about 280 (the seed: 57 ms of compiling for all, 43 ms for those used): the rest
serve other layouts and formats (a form's cells, a PDF's or an XLSX's notes). So every module-level
pattern (and the pattern tables built at import) is declared with `lazy_compile`, and a process
compiles only what its documents use. After the first call a lazy pattern calls the compiled
pattern's own methods (see LazyPattern). The patterns of the form-label table (parse/form/labels.py)
are lazy too; the one pattern of the `regex` package (checks/counts.py) is compiled, and the package
imported, by a `functools.cache` function when a paragraph first can match it; bytes patterns are compiled as
they are. A first use compiles through reportparse.patterncache, which hands the engine the program an
earlier process kept for the pattern (beside the bytecode) instead of compiling it again: what is left
here matters to a first run. A test for a Han character (`[\\u4e00-\\u9fff]`, the costliest class to
compile) that stands alone is written with reportparse.han instead; the quantity patterns of
readers/text/signals.py, where the class stands inside a unit, are tried first as quick twins that take
any letter outside ASCII for it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from reportparse import patterncache

#: the methods of `re.Pattern` a lazy pattern answers; once compiled, the pattern's own bound methods
_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "split")


class LazyPattern:
    """A `re.Pattern[str]` compiled the first time one of its methods is called.

    The first call compiles the pattern and stores the compiled pattern's bound methods on the instance,
    where they shadow the methods below: every later call goes straight to `re`, as fast as a pattern
    compiled at import (the hot patterns of the narrative parser are called thousands of times a report).
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            compiled = patterncache.compile(self.pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        return self.compiled.split(string, maxsplit)


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """`re.compile`, deferred to the pattern's first use."""
    return LazyPattern(pattern, flags)
