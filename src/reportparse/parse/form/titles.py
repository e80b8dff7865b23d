"""A form's title and year (…项目绩效自评表（2022年度）), and the name a title gives when the form prints none."""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.grid import GridRow

#: An annex label in front of a form's title: '附表：', '附件2：', '附表1.'; or the table's number, '表2 ', '表3-1'
_ANNEX = lazy_compile(r"^\s*(?:附(?:表|件)\s*[0-9０-９一二三四五六七八九十]*"
                      r"|表\s*[0-9０-９]+(?:\s*[-－]\s*[0-9０-９]+)?)\s*[:：.、．]?\s*")
#: The end of a form's title: 项目支出绩效自评表, 绩效评价指标表, 绩效目标表 (the name comes before it).
#: A report's title above a form it carries ends the same way in 报告: '…资金项目绩效自评报告'; a scoring
#: sheet's in 计分表/评分表 ('…项目支出绩效自评指标计分表'); a page's title may stop at the genre's words
#: ('X2021年预算绩效自评': the budget's performance self-evaluation of X). A transfer's 绩效目标自评表 (of a
#: region, 区域绩效目标自评表) judges the money against its 绩效目标: '就业补助资金绩效目标自评表' is 就业补助资金's.
#: (the form may call itself by what it records: '…绩效自评结果表', '…绩效评价得分表', '…绩效目标完成情况(自评)表';
#: or by that record without the word 表: '…绩效目标完成情况', '…项目绩效自评情况')
_FORM_TITLE = lazy_compile(r"(?:项目)?(?:支出)?(?:预算)?(?:区域)?(?:绩效(?:目标)?)?(?:(?<=绩效目标)(?:完成|实现)情况)?"
                           r"(?:(?:自评(?:价)?|评价指标|评价)(?:结果|得分|情况)?表|(?<=情况)表|(?<=绩效目标完成情况|绩效目标实现情况)"
                           r"|(?:自评|评价)报告|(?:自评|评价)?(?:指标)?(?:计分|评分)表|(?:(?<=绩效)|(?<=绩效目标))(?:自评|评价)(?:情况)?)$")
#: a title that names its form by the record alone, '…绩效目标完成情况', '…绩效自评情况', maybe its year or kind of
#: project in brackets after it ('…绩效目标完成情况（续建项目）')
_RECORD_TITLE = r"绩效(?:目标(?:完成|实现)|(?:目标)?(?:自评|评价))情况\s*(?:[（(][^()（）]{0,12}[)）])?$"
#: The stand-in a template prints where a name goes.
_PLACEHOLDER = lazy_compile(r"[Xx×＊*]{2}|[□○]{2}|…|^[-—/\\]+$")
#: a heading's number in front of a title ('二、绩效目标完成情况': a report's section, naming nothing)
_HEADING_NUMBER = lazy_compile(r"^\s*(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})\s*[、.．](?![0-9０-９])\s*")
#: a reposting site's mask over the words it hides from non-members, in front of a title
_MASK = lazy_compile(r"^\s*[*＊]{2,}\s*")
_TITLE_WORD = lazy_compile(r"自评表|评价指标表|绩效评价表|绩效自评报告|绩效评价报告|(?:计分|评分)表$"
                           r"|绩效(?:目标(?:完成|实现)情况|(?:自评|评价)(?:结果|得分|情况))表$|" + _RECORD_TITLE)
#: a short line that is a title by its genre's words alone ('X2021年预算绩效自评'), though no form's
_GENRE_TITLE = lazy_compile(r"绩效(?:自评|评价)(?:报告|表)?$")
#: a title that ends in its title words (its name before them), maybe with its year in brackets after
_TITLE_END = lazy_compile(r"(?:表|报告|绩效(?:自评|评价))\s*(?:[（(][^()（）]{0,12}[)）])?$|" + _RECORD_TITLE)
#: what is left of a title that names spending in general
_GENERIC_NAMES = frozenset({"", "项目", "部门整体", "部门整体支出", "项目支出", "财政支出", "财政支出项目"})
#: a place alone, what is left of a province's template title ('四川省项目支出绩效评分表')
_PLACE_ONLY = lazy_compile(r"^[\u4e00-\u9fff]{1,10}(?:省|市|县|区|州|自治区|自治州|自治县|旗|盟)$")
_YEAR = lazy_compile(r"((?:19|20)\d{2})\s*年度?")


def name_from_title(title: str) -> str:
    """'城乡环境整治项目绩效自评表（2022年度）' → '城乡环境整治', '…助学金项目绩效评价指标表' → '…助学金';
    '' for a generic title. The body that prints the form before the year ('X局2023年度Y项目绩效自评表') is no part
    of Y's name; a department-wide form's body is its subject's ('X局2023年度部门整体支出绩效自评表')."""
    from reportparse.parse.subject import BODY  # (subject reads forms' titles too: imported when called)

    named = _titled_name(title)
    if not named or _CLASS_OF_TRANSFERS.match(named):
        # ('2023年度项目支出绩效自评表（X）', '中央对地方转移支付区域绩效目标自评表（X资金）': a generic title, its one
        # subject in the brackets after it)
        return _bracketed_name(title) or named
    owner = re.match(rf"^\s*[^\d\s，。；;:：、()（）]{{2,30}}?{BODY}\s*(?=(?:19|20)\d{{2}}\s*年)", title)
    if owner is None or not named:
        return named
    bare = _titled_name(title[owner.end():])
    # (only the body dropped: the rest of the name as the whole title gives it; not from a department-wide title, nor
    # from one run into the fields after it, '…部门整体绩效自评表主管部门X局')
    return bare if len(bare) >= 4 and named.endswith(bare) and not re.search(r"整体|表", bare) else named


#: a title's name that is the class of all transfers, no fund: '中央对地方转移支付'
_CLASS_OF_TRANSFERS = lazy_compile(r"^(?:中央对地方|中央|省对市县|省级?|市级?)转移支付$")
#: a name in brackets after a form title's words: '…自评表（乡镇垃圾转运站运营）' (not a year, a unit or a tranche)
_BRACKETED_AFTER = lazy_compile(r"(?:表|报告)\s*[（(](?P<name>[^()（）\d:：]{4,30})[)）]\s*$")


def _bracketed_name(title: str) -> str:
    from reportparse.parse.names import evaluated_fund_name, valid_candidate

    bracketed = _BRACKETED_AFTER.search(title)
    name = bracketed.group("name").strip() if bracketed else ""
    return name if name and (valid_candidate(name) or evaluated_fund_name(name)) and not is_placeholder(name) else ""


def _titled_name(title: str) -> str:
    name = re.sub(r"[（(][^）)]*[）)]", "", title)
    name = _ANNEX.sub("", name)  # ('附表：部门整体支出绩效自评表': the annex label is no part of a name)
    # (a reposting site that hides the body's name behind a mask, '****2024年度X绩效评价表', leaves the name after it)
    name = _MASK.sub("", name)
    name = _HEADING_NUMBER.sub("", name)
    name = re.sub(r"(?:(?:19|20)\d{2}\s*年度?)", "", name)
    name = re.sub(r"\s*[()（）]\s*", "", name)  # a bracket left without its pair ('…自评表 2021年度)')
    name = _FORM_TITLE.sub("", name.strip())
    name = name.strip(" ：:　")
    if name.endswith("整体"):
        name += "支出"  # ('X局部门整体支出绩效自评表', 'X卫生院整体支出…': the title's ending took 支出 with it)
    # ('…局2020年度预算项目…表'; '2020年项目支出绩效自评指标计分表', a province's template title: spending in
    # general, no project)
    generic = name in _GENERIC_NAMES or name.endswith("预算")
    # ('2019年四川省项目支出绩效评分表': the province whose template it is, no project)
    generic = generic or bool(_PLACE_ONLY.match(name))
    # ('南县民政局2022年项目支出绩效自评指标计分表': the body whose project sheet it is, no thing the money was
    # for; a department-wide form's body is its subject's, 'X局2023年度部门整体绩效自评表')
    generic = generic or ("项目" in title and _body_only(name))
    return "" if generic or is_placeholder(name) else name


def _body_only(name: str) -> bool:
    """Is the name a reporting body's and nothing else ('X县民政局', 'X市残疾人联合会')?"""
    from reportparse.parse.subject import BODY  # (subject reads forms' titles too: imported when called)

    return re.fullmatch(rf"[^\d\s，。；;:：、()（）]{{2,30}}?{BODY}", name) is not None


def record_title_name(text: str) -> str:
    """The name a short line titles by its record alone ('2023年X绩效目标完成情况（续建项目）', 'X项目绩效自评情况'):
    a sheet or page that carries no 自评表 title and no name field names its project so; '' for any other line."""
    text = text.strip(" \t|｜")
    if len(text) > _LONG_TITLE or re.search(r"[，,。；;]", text) or not re.search(_RECORD_TITLE, text):
        return ""
    return name_from_title(text)


def without_form_title(name: str) -> str:
    """A name field that holds the form's title ('2020年X补助经费支出绩效自评表'): the name before the title's words.
    (The form's own words name no thing the money was for.)"""
    if not _TITLE_WORD.search(name):
        return name
    bare = _FORM_TITLE.sub("", name).strip(" ：:　")
    return bare if len(bare) >= 4 else name


def is_placeholder(name: str) -> bool:
    """A template's stand-in for a name ('XX基础设施建设项目', '××单位××项目', '***'): no project's name."""
    return bool(_PLACEHOLDER.search(name))


def is_title_row(row: GridRow) -> bool:
    """Is the row a form's title alone ('2022年度X项目绩效自评表', a sheet's row over the form below it)?"""
    texts = {cell.text.strip(" \t|｜") for _, cell in row.distinct()}
    return len(texts) == 1 and all(_TITLE_WORD.search(t) and _TITLE_END.search(t) and len(t) <= 60 for t in texts)


def read_title(row: GridRow, meta: dict[str, str]) -> None:
    for _, cell in row.distinct():
        read_title_text(cell.text, meta)


#: Longest text read as a form's title whatever its end; and longest that ends as a title (…表（2021年度）).
_SHORT_TITLE = 40
_LONG_TITLE = 60


def read_title_text(text: str, meta: dict[str, str]) -> None:
    """A form title (…自评表) and its year (（2022年度）) from a short text (a dump's cell separators
    around it dropped: '部门整体绩效自评表|')."""
    text = text.strip(" \t|｜")
    # (a long fund's title with its year runs past 40 characters: '…补助资金转移支付区域(项目)绩效目标自评表(2021年度)';
    # up to 60 it is a title still where it ends as one and holds no sentence mark)
    if len(text) <= _SHORT_TITLE or (len(text) <= _LONG_TITLE and _TITLE_END.search(text)
                                     and not re.search(r"[，,。；;]", text)):
        if "title" not in meta and _TITLE_WORD.search(text):
            meta["title"] = text
        # the first title above the form that names something: a province's template title names no project
        # ('2020年项目支出绩效自评指标计分表') where the page's own title above it does ('X2021年预算绩效自评')
        titled = (_TITLE_WORD.search(text) or _GENRE_TITLE.search(text)) and _TITLE_END.search(text)
        if "title_name" not in meta and titled:
            named = name_from_title(text)
            if named and not re.search(r"[\s:：|]", named):  # (fields run into the title: '…表 部门:X 公开14表')
                meta["title_name"] = named
        year = _YEAR.search(text)
        if "year" not in meta and year and ("年度" in text or _TITLE_WORD.search(text)):
            meta["year"] = year.group(1)
