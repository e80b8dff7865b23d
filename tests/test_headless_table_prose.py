"""A cut form's rows printed as a table with no header, then paragraphs of the page's prose: the form ends with its
table, and a paragraph after it (a note, a glossary, the list of attachments) is no indicator row left blank
(parse/form/headless.py `_element_lines`; `missing-values`). A paragraph above the table may be the form's own
title or name line, and stays read."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from reportparse.pipeline import check

_ROWS = [
    ["产出指标", "数量指标", "完成村道硬化里程12公里。", "完成村道硬化里程12公里。", "完成村道硬化里程12.5公里。"],
    ["产出指标", "时效指标", "2022年11月底前完工。", "2022年11月底前完工。", "2022年11月完工。"],
    ["效益指标", "社会效益指标", "方便群众出行。", "方便群众出行。", "方便群众出行。"],
    ["满意度指标", "满意度指标", "沿线群众满意度90%以上。", "沿线群众满意度90%以上。", "沿线群众满意度93%。"],
]


@pytest.mark.parametrize(("before", "after"), [
    (["某镇2022年度部门决算（项目支出绩效自评结果，摘录）"],
     ["三、其他需要说明的事项", "本单位已按要求开展部门整体支出绩效自评，评价报告作为附件附后。", "名词解释",
      "1.基本支出：指为保障机构正常运转所发生的支出。"]),
    ([], ["备注：以上数据来源于项目实施单位报送材料。", "附件", "附件1：项目验收报告", "附件2：资金拨付凭证"]),
])
def test_prose_around_a_headless_table_is_no_blank_row(tmp_path: Path, before: list[str], after: list[str]) -> None:
    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    table = document.add_table(rows=len(_ROWS), cols=len(_ROWS[0]))
    for r, row in enumerate(_ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for text in after:
        document.add_paragraph(text)
    path = tmp_path / "excerpt.docx"
    document.save(path)
    result = check(path)
    assert result.report is not None
    names = [i.name for p in result.report.projects for i in p.indicators]
    assert not any(text in names for text in after), names
    assert not any(f.code == "missing-values" for f in result.findings)
