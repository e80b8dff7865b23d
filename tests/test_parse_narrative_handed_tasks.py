"""A task handed down and stated alone ('下达的农村危房改造任务为603户'), its result a later clause that counts the same
work ('…实施危房改造897户') (parse/goaltasks.py handed_tasks)."""

from __future__ import annotations

from decimal import Decimal

from reportparse.parse.goaltasks import handed_tasks
from tests.test_parse_narrative import _doc


def _read(text: str) -> list[tuple[str, Decimal | None, list[Decimal | None]]]:
    return [(i.name, i.target.value if i.target else None, [a.value for a in i.actuals])
            for i in handed_tasks(_doc(text).elements[0])]  # type: ignore[arg-type]


def test_a_handed_task_and_the_work_counted_later() -> None:
    assert _read("2021年市农业农村局给我县下达的农村户厕改造任务为1200户，省级补助资金360万元已全部到位。"
                 "全年共完成户厕改造1265户，验收合格率98%。") == [("农村户厕改造", Decimal("1200"), [Decimal("1265")])]
    assert _read("根据省里分配的高标准农田建设目标任务是2.5万亩，县财政配套资金800万元；截至年底，"
                 "全县新建高标准农田建设2.62万亩。") == [("高标准农田建设", Decimal("25000"), [Decimal("26200")])]


def test_no_result_where_no_later_clause_counts_the_same_work() -> None:
    # (the count after it is of another work, or another aim)
    assert _read("县里下达的农村危房改造任务为300户，计划改造危房320户，当年拆除旧房40户。") == \
        [("农村危房改造", Decimal("300"), [])]


def test_a_task_not_handed_down_or_done_is_none_of_these() -> None:
    for text in ("全年完成农村危房改造任务为300户。", "农村危房改造任务为300户，实际完成农村危房改造312户。",
                 "下达的资金任务为50%。"):
        assert _read(text) == [], text
