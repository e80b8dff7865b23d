"""docs/api.md is run as a doctest: its examples are what the API does today."""

from __future__ import annotations

import doctest
import os

from tests.conftest import REPO


def test_api_doc_examples_run() -> None:
    cwd = os.getcwd()
    os.chdir(REPO)  # the examples use paths from the repository root
    try:
        outcome = doctest.testfile(str(REPO / "docs" / "api.md"), module_relative=False,
                                   optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    finally:
        os.chdir(cwd)
    assert outcome.attempted >= 20
    assert outcome.failed == 0
