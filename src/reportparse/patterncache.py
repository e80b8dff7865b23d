"""Compiled regular expressions kept from one process to the next, as Python keeps compiled modules.

`re` compiles a pattern in Python code: it parses the text, then writes the program its matching engine
(`_sre`) runs. A cold `reportparse check` of a text report compiles some 420 of our patterns, a quarter
of its instructions, to get the same programs as the run before. A program depends only on the pattern, its
flags and the interpreter, so once a process has compiled a pattern its program is kept in a file beside
the package's bytecode (`__pycache__/patterns.<tag>.marshal`, under the same switches: not written with
PYTHONDONTWRITEBYTECODE or `-B`, under PYTHONPYCACHEPREFIX when that is set), and a later process hands
the kept program to the engine (`_sre.compile`, the last step of `re.compile`) instead of compiling it
again. The compiled pattern is the same object `re.compile` returns: same program, flags and groups.

What makes this safe to rely on: the file names the interpreter's version and the engine's own magic
number, and a file made by another one is ignored; the engine checks a program it is given and refuses a
malformed one (the pattern is then compiled as usual); a file that cannot be read or written is no error,
only no gain. A pattern edited in the source is a new key: its old program is never looked up again, and
the file is started over when it has gathered more than `_MAX_ENTRIES` programs.

`re`'s internals used here (`_parser.parse`, `_compiler._code`, `_sre.compile`) are those `re.compile`
itself calls (Python 3.11 to 3.13); where they are missing or differ, `compile` is plain `re.compile`.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
from typing import Any, Final

#: the type code of the engine's code words: a program is kept as the bytes of its words, one string to
#: read, and made a list (what `_sre.compile` takes) only for the patterns a process uses
_WORD: Final = "I"

try:
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _VERSION: tuple[Any, ...] | None = ("reportparse-patterns-2", sys.version, _sre.MAGIC, _sre.CODESIZE)
    if memoryview(bytes(8)).cast(_WORD).itemsize != _sre.CODESIZE:
        _VERSION = None
except (ImportError, AttributeError):  # another implementation of `re`: nothing to keep
    _VERSION = None

#: a program: (flags, code words, groups - 1, group index, index group), the arguments of `_sre.compile`
_Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_Key = tuple[str, int]

_MAX_ENTRIES = 4000  # some ten times the patterns of every reader: reached only by many edits of the patterns


def _cache_path() -> str | None:
    """Where the programs are kept: beside this module's bytecode, named for the interpreter."""
    try:
        from importlib.util import cache_from_source

        return os.path.join(os.path.dirname(cache_from_source(__file__)),
                            f"patterns.{sys.implementation.cache_tag}.marshal")
    except (NotImplementedError, ValueError):  # no cache tag: the interpreter keeps no bytecode either
        return None


class KeptPrograms:
    """The programs of one file: read on the first compile, written at exit when this process added any."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.stored: dict[_Key, _Program] | None = None  # the file's programs, once read
        self.new: dict[_Key, _Program] = {}  # programs this process compiled
        self.used: set[_Key] = set()  # keys of the file's programs this process used

    def load(self) -> dict[_Key, _Program]:
        if self.path is None:
            return {}
        try:
            with open(self.path, "rb") as file:
                # (loads of the whole: `marshal.load` of a file reads it in small pieces, many times slower)
                version, programs = marshal.loads(file.read())
        except (OSError, EOFError, ValueError, TypeError):  # none yet, unreadable, or not ours
            return {}
        return programs if version == _VERSION and isinstance(programs, dict) else {}

    def save(self) -> None:
        """Write the file's programs with those this process compiled (when it compiled any)."""
        if not self.new or self.path is None or sys.dont_write_bytecode:
            return
        old = self.stored or {}
        if len(old) + len(self.new) > _MAX_ENTRIES:
            old = {key: program for key, program in old.items() if key in self.used}
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as file:
                marshal.dump((_VERSION, {**old, **self.new}), file)
            os.replace(temporary, self.path)  # whole or not at all: processes ending together each write a whole file
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(pattern, flags)`, from the kept program when there is one."""
        key = (pattern, int(flags))
        if self.stored is None:
            self.stored = self.load()
        program = self.stored.get(key)
        if program is not None:
            self.used.add(key)
            flags_out, words, groups, group_index, index_group = program
            try:
                code = memoryview(words).cast(_WORD).tolist()
                return _sre.compile(pattern, flags_out, code, groups, group_index, index_group)
            except (RuntimeError, TypeError, ValueError):  # refused by the engine: compiled anew below
                pass
        from array import array  # (only to keep a new program: the array module is a library of its own to load)

        try:
            parsed = _parser.parse(pattern, key[1])
            code = _compiler._code(parsed, key[1])
            state = parsed.state
            names: list[str | None] = [None] * state.groups
            for name, index in state.groupdict.items():
                names[index] = name
            flags_out, groups, group_index = key[1] | state.flags, state.groups - 1, dict(state.groupdict)
            compiled = _sre.compile(pattern, flags_out, code, groups, group_index, tuple(names))
        except (AttributeError, TypeError, ValueError, RuntimeError):
            # an interpreter whose `re` internals differ from those read above: nothing kept, the public way
            # (a pattern that is wrong raises `re.error` there as it would have here)
            return re.compile(pattern, flags)
        self.new[key] = (flags_out, array(_WORD, code).tobytes(), groups, group_index, tuple(names))
        return compiled


_KEPT: KeptPrograms | None = None  # this process's, made on its first compile


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, with the program kept from an earlier process when there is one."""
    global _KEPT
    if _VERSION is None:
        return re.compile(pattern, flags)
    if _KEPT is None:
        _KEPT = KeptPrograms(_cache_path())
        atexit.register(_KEPT.save)
    return _KEPT.compile(pattern, flags)
