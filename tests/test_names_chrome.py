"""What a page prints around a report is no project's name: a document's number, a reference back to the
subject ('本项资金'), a question a template site puts to its reader, a line of keywords; and a body that speaks
of itself ('我局') names no body: the sentence that presents it does."""

from __future__ import annotations

import pytest

from reportparse.parse.names import valid_candidate
from reportparse.parse.subject import department_subject


@pytest.mark.parametrize("text", [
    "某某会计师事务所〔2022〕绩评第12号",
    "某咨询公司[2023]评字第5号",
    "本项资金",
    "该笔经费",
    "想知道报告怎么写吗?以下是为大家整理的乡村道路维修",
    "免费下载,范文大全,工作总结,报告模板",
    # (a score stated before the name, an OCR having read the full stop between them as '·')
    "得分10分·项目",
    "自评分值9.5分•农村供水工程",
])
def test_page_chrome_and_references_are_no_names(text: str) -> None:
    assert not valid_candidate(text)


@pytest.mark.parametrize("text", [
    "某区委宣传部【2021】15号文明城区创建项目经费",  # (a document's number inside the name of what it funds)
    "村内干道,巷道路面硬化建设项目",  # (one comma may part a name's pieces)
    "城区供水管网维护项目",
])
def test_names_that_hold_such_marks_stay_names(text: str) -> None:
    assert valid_candidate(text)


@pytest.mark.parametrize(("head", "expected"), [
    (["根据有关通知要求，对我局2022年度部门整体支出进行了绩效评价，现将自评情况报告如下：",
      "某市水务局是全市主管水行政工作的政府组成部门。"], "某市水务局部门整体支出"),
    (["本中心对2023年度部门整体支出开展了绩效自评。", "某县融媒体中心系县委直属公益一类事业单位。"],
     "某县融媒体中心部门整体支出"),
])
def test_a_body_speaking_of_itself_is_named_by_the_sentence_that_presents_it(head: list[str], expected: str) -> None:
    assert department_subject(head, [], None) == expected
