"""A pattern compiled from a kept program is the pattern `re.compile` makes; a kept file that is not this
interpreter's, or is broken, costs only the gain."""

from __future__ import annotations

import gc
import marshal
import os
import re
import subprocess
import sys
import types
from array import array
from pathlib import Path

import pytest

from reportparse import patterncache
from reportparse.lazypattern import LazyPattern
from reportparse.patterncache import KeptPrograms
from tests.conftest import REPO, SEEDS

_PATTERNS = [
    (r"(?P<n>\d+(?:\.\d+)?)\s*(万元|元)", 0),
    (r"^[一二三四五六七八九十]+[、.．]\s*(?P<title>[^，。]{2,30})$", re.MULTILINE),
    (r"[\u4e00-\u9fff]{2,}(?=项目)", 0),
    (r"(?i)km|ＫＭ|公里", 0),
    (r"\bfoo\b", re.ASCII | re.IGNORECASE),
    (r"(a)(?:b)(?P<c>c)?", 0),
]


def _same(kept: re.Pattern[str], plain: re.Pattern[str]) -> None:
    # Pattern equality compares the pattern, the flags and the engine's program itself
    assert kept == plain
    assert (kept.flags, kept.groups, dict(kept.groupindex)) == (plain.flags, plain.groups, dict(plain.groupindex))


@pytest.fixture
def writable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.dont_write_bytecode", False)


def test_a_kept_program_compiles_to_the_pattern_re_compiles(tmp_path: Path, writable: None) -> None:
    path = str(tmp_path / "sub" / "patterns.marshal")
    first = KeptPrograms(path)
    for source, flags in _PATTERNS:
        _same(first.compile(source, flags), re.compile(source, flags))
    first.save()
    later = KeptPrograms(path)
    for source, flags in _PATTERNS:
        _same(later.compile(source, flags), re.compile(source, flags))
    assert not later.new and len(later.used) == len(_PATTERNS)  # every one from the file, none compiled anew
    m = later.compile(*_PATTERNS[0]).search("预算 19.96 万元")
    assert m is not None and (m["n"], m.group(2)) == ("19.96", "万元")


def test_every_pattern_of_the_package_survives_the_round_trip(tmp_path: Path, writable: None) -> None:
    from reportparse.pipeline import check

    check(SEEDS / "000_cdb31e0220679900.txt")  # imports the stages of a text report, which declare their patterns
    lazy = [(p.pattern, p._flags) for p in gc.get_objects() if isinstance(p, LazyPattern)]
    assert len(lazy) > 300
    path = str(tmp_path / "patterns.marshal")
    first = KeptPrograms(path)
    for source, flags in lazy:
        first.compile(source, flags)
    first.save()
    later = KeptPrograms(path)
    for source, flags in lazy:
        _same(later.compile(source, flags), re.compile(source, flags))
    assert not later.new


def test_a_file_not_of_this_interpreter_or_broken_is_ignored(tmp_path: Path, writable: None) -> None:
    path = tmp_path / "patterns.marshal"
    source, flags = _PATTERNS[0]
    made = KeptPrograms(str(path))
    made.compile(source, flags)
    program = made.new
    for content in (b"", b"not marshal", marshal.dumps((("another interpreter",), program)),
                    marshal.dumps(patterncache._VERSION)):
        path.write_bytes(content)
        kept = KeptPrograms(str(path))
        _same(kept.compile(source, flags), re.compile(source, flags))
        assert list(kept.new) == [(source, flags)]  # compiled anew
    # a program the engine refuses (a malformed one) is compiled anew too
    flags_out, _, groups, index, names = program[(source, flags)]
    malformed = array("I", [1, 2, 3]).tobytes()
    path.write_bytes(marshal.dumps((patterncache._VERSION, {(source, flags): (flags_out, malformed, groups, index,
                                                                              names)})))
    kept = KeptPrograms(str(path))
    _same(kept.compile(source, flags), re.compile(source, flags))
    assert list(kept.new) == [(source, flags)]


def test_nothing_is_written_where_no_bytecode_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    path = tmp_path / "patterns.marshal"
    kept = KeptPrograms(str(path))
    kept.compile(*_PATTERNS[0])
    kept.save()
    assert not path.exists()


def test_an_unwritable_place_is_no_error(tmp_path: Path, writable: None) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    kept = KeptPrograms(str(blocker / "patterns.marshal"))  # a folder that cannot be made
    kept.compile(*_PATTERNS[0])
    kept.save()
    assert list(tmp_path.iterdir()) == [blocker]


def test_the_file_starts_over_when_it_has_gathered_too_many(tmp_path: Path, writable: None,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterncache, "_MAX_ENTRIES", 3)
    path = str(tmp_path / "patterns.marshal")
    first = KeptPrograms(path)
    for source, flags in _PATTERNS[:3]:
        first.compile(source, flags)
    first.save()
    later = KeptPrograms(path)
    later.compile(*_PATTERNS[0])  # used from the file: kept
    later.compile(*_PATTERNS[3])  # new: kept
    later.save()
    assert set(KeptPrograms(path).load()) == {_PATTERNS[0], _PATTERNS[3]}


def test_a_check_process_keeps_the_programs_and_the_next_one_reads_the_same(tmp_path: Path) -> None:
    """End to end, as a user runs it: the first `check` process writes the kept programs at its (fast) exit,
    where the bytecode goes (here under PYTHONPYCACHEPREFIX); a second one reads them and prints the same."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "reportparse", "check", str(SEEDS / "000_cdb31e0220679900.txt"),
               "--format", "json"]
    first = subprocess.run(command, env=env, capture_output=True, check=False)
    kept = list((tmp_path / "pycache").rglob("patterns.*.marshal"))
    assert len(kept) == 1 and kept[0].parent.name == "reportparse"
    programs = KeptPrograms(str(kept[0])).load()
    assert len(programs) > 300
    written = kept[0].stat().st_mtime_ns
    second = subprocess.run(command, env=env, capture_output=True, check=False)
    assert kept[0].stat().st_mtime_ns == written  # every program read from the file: nothing new to write
    plain = subprocess.run([sys.executable, "-B", *command[1:]], env=env, capture_output=True, check=False)
    assert first.stdout == second.stdout == plain.stdout and first.stdout.startswith(b"{")
    assert first.returncode == second.returncode == plain.returncode


def test_an_interpreter_whose_re_internals_differ_compiles_the_public_way(
        tmp_path: Path, writable: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def changed(*args: object) -> None:
        raise TypeError("_code() takes 3 positional arguments")

    # (a stand-in for the module as patterncache sees it: `re.compile` itself keeps the real one)
    monkeypatch.setattr(patterncache, "_compiler", types.SimpleNamespace(_code=changed))
    kept = KeptPrograms(str(tmp_path / "patterns.marshal"))
    for source, flags in _PATTERNS:
        _same(kept.compile(source, flags), re.compile(source, flags))
    assert not kept.new  # nothing kept from a way that failed
    with pytest.raises(re.error):
        kept.compile(r"(unclosed", 0)  # a wrong pattern is still an error, not a fallback
