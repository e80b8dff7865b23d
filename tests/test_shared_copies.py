"""The repository's copies of the shared material (acceptance documents and golds, scoring rules,
the gold scorer) are what every test reads. They are pinned by `tests/data/shared-copies.sha256`
(sha256sum format, paths from the repository root): the copies must match it everywhere, and where
`../shared` sits beside the clone its files must match it too, so a change on either side fails
here instead of leaving the two to drift.

To take a new version of shared/: copy the files over, then
`sha256sum $(cut -c67- tests/data/shared-copies.sha256) > tests/data/shared-copies.sha256`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.conftest import ACCEPTANCE, REPO, SHARED

MANIFEST = REPO / "tests" / "data" / "shared-copies.sha256"


def shared_original(copy: str) -> Path:
    """Where a repository copy comes from in shared/."""
    path = REPO / copy
    if path.is_relative_to(ACCEPTANCE / "seeds"):
        return SHARED / "seeds" / path.relative_to(ACCEPTANCE / "seeds")
    if path.is_relative_to(ACCEPTANCE):
        return SHARED / "acceptance" / path.relative_to(ACCEPTANCE)
    return SHARED / copy  # docs/scoring-rules.md, tools/score_gold.py keep their shared path


def pinned() -> dict[str, str]:
    entries = {}
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        entries[name.lstrip("*")] = digest
    return entries


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_copies_match_their_pinned_digests() -> None:
    entries = pinned()
    assert {"docs/scoring-rules.md", "tools/score_gold.py", "corpora/acceptance/seed.gold.json"} <= set(entries)
    for name, expected in entries.items():
        assert (REPO / name).is_file(), f"{name} is pinned but missing"
        assert digest(REPO / name) == expected, f"{name} differs from its pinned digest"
    unpinned = {str(p.relative_to(REPO)) for p in ACCEPTANCE.rglob("*") if p.is_file()} - set(entries)
    assert not unpinned, f"files in corpora/acceptance/ without a pinned digest: {sorted(unpinned)}"


def test_copies_equal_shared_where_present() -> None:
    """Beside ../shared: every copy is byte-identical to its original, and shared/ holds no
    acceptance document, seed or gold that the repository lacks."""
    if not (SHARED / "acceptance").is_dir():
        return  # a clone on its own: the pinned digests above are the check
    entries = pinned()
    for name in entries:
        original = shared_original(name)
        assert original.is_file(), f"{name}: {original} is gone from shared/"
        assert digest(original) == digest(REPO / name), f"{name} differs from {original}"
    originals = {shared_original(name) for name in entries}
    for folder in (SHARED / "acceptance", SHARED / "seeds"):
        missing = {p for p in folder.rglob("*") if p.is_file()} - originals
        assert not missing, f"shared/ has files the repository does not copy: {sorted(map(str, missing))}"
