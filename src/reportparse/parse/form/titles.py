"""A form's title and year (…项目绩效自评表（2022年度）), and the name a title gives when the form prints none."""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.grid import GridRow

#: An annex label in front of a form's title: '附表：', '附件2：', '附表1.'
_ANNEX = lazy_compile(r"^\s*附(?:表|件)\s*[0-9０-９一二三四五六七八九十]*\s*[:：.、．]?\s*")
#: The end of a form's title: 项目支出绩效自评表, 绩效评价指标表, 绩效目标表 (the name comes before it).
#: A report's title above a form it carries ends the same way in 报告: '…资金项目绩效自评报告'.
_FORM_TITLE = lazy_compile(r"(?:项目)?(?:支出)?(?:绩效)?(?:(?:自评(?:价)?|评价指标|评价)表|(?:自评|评价)报告)$")
#: The stand-in a template prints where a name goes.
_PLACEHOLDER = lazy_compile(r"[Xx×＊*]{2}|[□○]{2}|…|^[-—/\\]+$")
_TITLE_WORD = lazy_compile(r"自评表|评价指标表|绩效评价表|绩效自评报告|绩效评价报告")
_YEAR = lazy_compile(r"((?:19|20)\d{2})\s*年度?")


def name_from_title(title: str) -> str:
    """'城乡环境整治项目绩效自评表（2022年度）' → '城乡环境整治', '…助学金项目绩效评价指标表' → '…助学金';
    '' for a generic title."""
    name = re.sub(r"[（(][^）)]*[）)]", "", title)
    name = _ANNEX.sub("", name)  # ('附表：部门整体支出绩效自评表': the annex label is no part of a name)
    name = re.sub(r"(?:(?:19|20)\d{2}\s*年度?)", "", name)
    name = re.sub(r"\s*[()（）]\s*", "", name)  # a bracket left without its pair ('…自评表 2021年度)')
    name = _FORM_TITLE.sub("", name.strip())
    name = name.strip(" ：:　")
    if name.endswith("整体"):
        name += "支出"  # ('X局部门整体支出绩效自评表', 'X卫生院整体支出…': the title's ending took 支出 with it)
    generic = name in {"", "项目", "部门整体", "部门整体支出"} or name.endswith("预算")  # '…局2020年度预算项目…表'
    return "" if generic or is_placeholder(name) else name


def is_placeholder(name: str) -> bool:
    """A template's stand-in for a name ('XX基础设施建设项目', '××单位××项目', '***'): no project's name."""
    return bool(_PLACEHOLDER.search(name))


def read_title(row: GridRow, meta: dict[str, str]) -> None:
    for _, cell in row.distinct():
        read_title_text(cell.text, meta)


def read_title_text(text: str, meta: dict[str, str]) -> None:
    """A form title (…自评表) and its year (（2022年度）) from a short text (a dump's cell separators
    around it dropped: '部门整体绩效自评表|')."""
    text = text.strip(" \t|｜")
    if len(text) <= 40:
        if "title" not in meta and _TITLE_WORD.search(text):
            meta["title"] = text
        year = _YEAR.search(text)
        if "year" not in meta and year and ("年度" in text or _TITLE_WORD.search(text)):
            meta["year"] = year.group(1)
