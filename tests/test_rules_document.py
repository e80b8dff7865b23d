"""`reportparse rules` cites the repository's own scoring-rules document, and every rule it cites is there."""

from __future__ import annotations

import re

from click.testing import CliRunner

from reportparse.checks.catalogue import CATALOGUE, RULES_DOCUMENT
from reportparse.cli import cli
from tests.conftest import REPO


def test_rules_cite_the_repository_document() -> None:
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0
    assert RULES_DOCUMENT in result.stdout.splitlines()[0]
    assert "shared" not in result.stdout
    assert (REPO / RULES_DOCUMENT).is_file()


def test_every_cited_rule_is_a_section_of_the_document() -> None:
    text = (REPO / RULES_DOCUMENT).read_text(encoding="utf-8")
    headings = set(re.findall(r"^#+ (R\d[a-d]?)\.", text, re.M))
    checks = set(re.findall(r"^\s*- (C\d\.\d)\b", text, re.M))
    problems = set(re.findall(r"^\| (P\d+) \|", text, re.M))
    cited = [token for info in CATALOGUE.values() if "scoring-rules" in info.source
             for token in re.findall(r"\b([RCP]\d+(?:\.\d)?[a-d]?)\b", info.source.split("scoring-rules", 1)[1])]
    assert cited
    for token in cited:
        assert token in headings | checks | problems, f"{token} is cited but {RULES_DOCUMENT} has no such section"
