"""A form may leave a count target's unit to its result cell ('接受培训人数 | 200 | 200余人'): the bare target takes
the count's unit of its row's result. A percent, an amount of money or a duration stays as it was (they may be
written at another scale). Built inputs in two layouts and the normaliser directly."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.model import Actual, Indicator, Target
from reportparse.normalise.report import _indicator
from tests._textforms import only_project, run

TABS = (
    "项目支出绩效自评表\n"
    "项目名称\t社区科普宣传补助\n"
    "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "年度资金总额\t20\t20\t20\t10\t100%\t10\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "产出指标\t数量指标\t科普讲座听众人数\t300\t320余人\t20\t20\n"
    "产出指标\t数量指标\t发放宣传册数量\t1000\t1200册\t20\t20\n"
    "产出指标\t质量指标\t讲座满意率\t95\t96%\t20\t20\n"
)

PIPES = (
    "项目名称 | 农机手培训补助 |\n"
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
    "产出指标 | 数量指标 | 培训场次 | 30 | 32次 | 30 | 30 |\n"
    "产出指标 | 时效指标 | 培训完成时间 | 5 | 5天 | 30 | 30 |\n"
)


def _targets(tmp_path: Path, text: str) -> dict[str, tuple[Decimal | None, str | None]]:
    project = only_project(run(tmp_path, text))
    return {i.name: (i.target.value, i.target.unit) for i in project.indicators if i.target is not None}


def test_a_bare_count_target_takes_the_unit_of_its_rows_result(tmp_path: Path) -> None:
    targets = _targets(tmp_path, TABS)
    assert targets["科普讲座听众人数"] == (Decimal("300"), "人")
    assert targets["发放宣传册数量"] == (Decimal("1000"), "册")
    assert targets["讲座满意率"][1] is None  # (a percent may be written as a share elsewhere: left as it is)
    pipes = _targets(tmp_path, PIPES)
    assert pipes["培训场次"] == (Decimal("30"), "次")
    assert pipes["培训完成时间"][1] is None  # (a duration is read in hours: 5 is not 5 hours)


def test_a_target_with_its_own_unit_or_results_in_two_units_keeps_its_own() -> None:
    def indicator(raw: str, unit: str | None, *results: tuple[str, str]) -> Indicator:
        return Indicator(level="产出/数量", name="参训人数",
                         target=Target(raw=raw, comparator="=", value=Decimal("50"), unit=unit),
                         actuals=[Actual(raw=r, value=Decimal("52"), unit=u, kind="measured", origin="table")
                                  for r, u in results])

    assert _indicator(indicator("50人次", "人次", ("52人", "人"))).target.unit == "人次"  # type: ignore[union-attr]
    assert _indicator(indicator("50", None, ("52人", "人"), ("52户", "户"))).target.unit is None  # type: ignore[union-attr]
    assert _indicator(indicator("50", None, ("52人", "人"))).target.unit == "人"  # type: ignore[union-attr]
