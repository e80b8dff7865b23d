"""A target whose bound sign OCR read as its first figure (≥ as 2, ≤ as 5), put back only when the row was
OCR'd and its measured actual settles which reading the form holds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Evidence, Indicator, Project, Report
from reportparse.normalise import normalise_report
from reportparse.normalise.targets import parse_actual, parse_target


def _normalised(target: str, actual: str, confidence: float | None, name: str = "受检老人满意度") -> Indicator:
    indicator = Indicator(level="满意度", name=name, target=parse_target(target, "满意度", name),
                          actuals=[parse_actual(actual)],
                          evidence=[Evidence(page=1, text=target, confidence=confidence)])
    report = Report(projects=[Project(name="某项目", indicators=[indicator])])
    return normalise_report(report).projects[0].indicators[0]


@pytest.mark.parametrize(("target", "actual", "comparator", "value"), [
    ("290%", "95%", ">=", "90"),  # ≥90% read as 290%
    ("515天", "12.5天", "<=", "360"),  # ≤15天 read as 515天 (days in hours)
    ("2120公里", "126公里", ">=", "120"),
    ("26000人", "6120人", ">=", "6000"),
])
def test_a_bound_sign_read_as_a_figure_is_put_back(target: str, actual: str, comparator: str, value: str) -> None:
    found = _normalised(target, actual, 0.98).target
    assert found is not None and (found.comparator, found.value) == (comparator, Decimal(value))
    assert found.raw == target  # the quote stays as read


@pytest.mark.parametrize(("target", "actual", "confidence", "name"), [
    ("290%", "95%", None, "受检老人满意度"),  # no OCR, and the share is capped at 100%: only ≥90% makes sense
    ("290%", "95%", None, "高血压患者规范管理合格率"),
])
def test_a_capped_share_over_100_on_a_text_layer_is_put_back(target: str, actual: str, confidence: float | None,
                                                            name: str) -> None:
    found = _normalised(target, actual, confidence, name).target
    assert found is not None and (found.comparator, found.value) == (">=", Decimal(90))


@pytest.mark.parametrize(("target", "actual", "confidence"), [
    ("290%", "95%", None),  # a text layer's 290 is what the form says (a 完成率 may pass 100%)
    ("250人", "180人", 0.98),  # near neither reading's threshold: the figure as read (a missed target)
    ("2000人", "2150人", 0.98),  # the actual is near the number as read
    ("205人", "5人", 0.98),  # no number after a leading zero
    ("≥290%", "95%", 0.98),  # a sign is written: nothing to put back
    ("390%", "95%", 0.98),  # 3 is no sign's look-alike
])
def test_other_targets_stay_as_read(target: str, actual: str, confidence: float | None) -> None:
    before = parse_target(target, "满意度", "工程任务完成率")
    found = _normalised(target, actual, confidence, "工程任务完成率").target
    assert found is not None and (found.comparator, found.value) == (before.comparator, before.value)
