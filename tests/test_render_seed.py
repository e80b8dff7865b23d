"""The review page of the seed PDF, from the real pipeline: every finding with its page and evidence box.

Reads the repository's copy of the seed (corpora/acceptance/seeds). The checks' own acceptance (which findings must be
found) is tests/test_acceptance.py; this file tests that whatever is found is shown properly.
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pytest

from reportparse.model import Result, Status
from reportparse.render.html import render_html_file
from reportparse.render.pages import gather_page_images
from tests.conftest import SEEDS


@cache
def _check(path: Path) -> Result:
    from reportparse.pipeline import check

    return check(path)


@pytest.fixture
def seed_result() -> Result:
    """The seed PDF checked once per session (the pipeline is pure, so the cache is safe)."""
    return _check(SEEDS / "seed.pdf")


def test_seed_review_page_is_small_offline_and_shows_every_finding(seed_result: Result) -> None:
    assert seed_result.status is not Status.FAILED, seed_result.message
    page = render_html_file([seed_result])
    assert len(page.encode()) < 5_000_000
    assert re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""", page) is None
    assert len(re.findall(r'<tr class="finding"', page)) == len(seed_result.findings)
    for finding in seed_result.findings:
        assert f'data-code="{finding.code}"' in page
        for ev in finding.evidence:
            if ev.bbox is not None:
                assert f".pg-0-{ev.page}{{background-image:url(data:image/jpeg;base64," in page


def test_seed_evidence_boxes_lie_on_ink(seed_result: Result) -> None:
    """Each evidence box of the seed, cut out of its rendered page, contains dark (text) pixels."""
    from PIL import Image

    images = gather_page_images(seed_result)
    boxes = [(ev.page, ev.bbox) for f in seed_result.findings for ev in f.evidence if ev.bbox is not None]
    assert boxes, "a PDF's findings must carry evidence boxes"
    for page, box in boxes:
        image = images[page]
        picture = Image.open(io.BytesIO(image.data)).convert("L")
        scale = picture.width / image.width_pt
        crop = picture.crop((int(box.x0 * scale), int(box.top * scale), int(box.x1 * scale) + 1,
                             int(box.bottom * scale) + 1))
        assert crop.getextrema()[0] < 100, (page, box)


def test_seed_terminal_output_fits_one_screen_per_project(seed_result: Result) -> None:
    from reportparse.render.common import cell_width
    from reportparse.render.text import WIDTH, render_text

    text = render_text([seed_result], color=False)
    assert all(cell_width(line) <= WIDTH for line in text.splitlines())
    blocks = text.split(" ───")
    assert len(blocks) - 1 == len(seed_result.report.projects if seed_result.report else [])
    assert all(len(block.splitlines()) <= 50 for block in blocks)
    for finding in seed_result.findings:
        assert finding.code in text
