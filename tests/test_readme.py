"""The README's first example is real output: it must match what the CLI prints today."""

from __future__ import annotations

import re

from click.testing import CliRunner

from reportparse.cli import cli
from tests.conftest import REPO


def test_readme_example_output_is_current() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```console\n\$ pip install -e '\.\[dev,ocr\]' && reportparse check (\S+)\n(.*?)```",
                      readme, re.S)
    assert block, "README lost its first example"
    path, shown = block.group(1), block.group(2)
    result = CliRunner().invoke(cli, ["check", str(REPO / path)], env={"NO_COLOR": "1"})
    printed = result.stdout.replace(str(REPO / path), path)
    assert printed.strip() == shown.strip()


def test_readme_mentions_every_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:  # type: ignore[attr-defined]
        assert f"reportparse {name}" in readme


def test_readme_lists_every_bad_input_reason() -> None:
    from reportparse import errors

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    reasons = {cls.reason for cls in vars(errors).values()
               if isinstance(cls, type) and issubclass(cls, errors.InputError) and cls is not errors.InputError}
    assert len(reasons) >= 14
    for reason in reasons:
        assert f"| `{reason}` |" in readme, reason
