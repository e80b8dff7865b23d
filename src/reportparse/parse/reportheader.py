"""A narrative report's header: its title, year and reporting unit, as the report states them.

The title is read from the first lines (a portal may print an index block or record fields around it), the year
from the title or else the year most named, the unit from a 填报单位-style field, the title, or the signature
line above the closing date.
"""

from __future__ import annotations

import re
from collections import Counter

from reportparse.lazypattern import lazy_compile
from reportparse.model import Report, Table
from reportparse.parse.layout import Layout, ParaInfo
from reportparse.parse.reading import reading_copy
from reportparse.parse.sections import numbering
from reportparse.parse.subject import ACCOUNTS_TITLE, BODY

_YEAR = lazy_compile(r"(20\d{2})\s*年")
_TITLE_WORD = lazy_compile(r"报告|自评|评价")
_SENTENCE_MARK = lazy_compile(r"[，。；：:|]")
#: (the value stops at a colon: a cover's next field run into it, '…局委托单位:…')
_UNIT = lazy_compile(
    r"(?:(?:填报|报送|评价|实施|主管|预算|项目)?(?:部门[(（])?单位[)）]?(?:名称)?|(?<!主管)部门名称)\s*[:：]\s*"
    r"(?P<unit>[^\s，。；;,:：]{2,40})"
)


def _first_line(info: ParaInfo) -> str:
    """A paragraph's text, or its first line when a reader joined a short title to a page line below it."""
    text = info.para.text.strip()
    # (the lines as printed: a mirror's traditional characters and pinyin glosses read as the paragraph's text is)
    lines = [reading_copy(line.text).strip() for line in info.para.lines]
    while len(lines) > 1 and (_NAVIGATION.search(lines[0]) or _PAGE_RECORD.match(lines[0])):
        # (a web page's navigation line run into the title's paragraph, '您现在位置: 首页 > 专题专栏 > 民生工程' /
        # 'X绩效自评报告': the page's place on its site, not part of the title; so is the page's record line above
        # the title, '日期:2024-06-06 来源:X局' / 'X绩效自评报告')
        text = text[len(lines[0]):].strip() if text.startswith(lines[0]) else text
        lines = lines[1:]
    first = lines[0] if lines else text
    # (or a sharing site's record of who uploaded it: '认证主体:X公司', 'IP属地:X')
    dated = re.match(r"\s*[•·●]?\s*(?:(?:发布)?(?:日期|时间|来源)|认证主体|IP属地|上传(?:人|者|时间))",
                     text[len(first):]) is not None
    if first != text and len(first) <= 60 and re.search(r"报告(?:\s*[(（][^()（）]{2,40}[)）])?$", first) and (
            len(text) > 60 or dated):
        return first  # (also a short page line run in: 'X自评报告' / '日期:2025-03-03 来源:X局')
    if first != text and len(first) <= 60 and dated and _TITLE_WORD.search(first):
        return first  # (a page's title of its appended forms, 'X2022年绩效自评附表:附件1—附件2' / '发布时间:…')
    return text


def read_header(report: Report, layout: Layout) -> None:
    """Title, year and reporting unit, when the report states them."""
    head = [info for info in layout.paras[:15]]
    # the title: a short unnumbered line naming a 报告 (a web page may put an index block above it),
    # else a short line with 自评/评价 near the top; a page's date line run into the title's paragraph
    # ('X绩效自评报告' / '发布时间:…') leaves the title its own first line
    lines = [_BULLET.sub("", _first_line(info)) for info in head]
    body_above: re.Match[str] | None = None
    # (a portal's record fields listed a line each, '• 公开目录' / '• 自评报告', give the report words alone
    # with no name above them: the catalogue the record is filed under, not the title)
    titled = [i for i, text in enumerate(lines) if len(text) <= 60 and not numbering(text)[0] and re.search(
        r"报告", text) and not _announces(text) and not _CATALOGUE_FIELD.match(text)
        and not (_BARE_TITLE.match(text) and not (i and _NAMES_SUBJECT.search(lines[i - 1])))]
    for i in range(len(head)):
        text = lines[i]
        if titled and i != titled[0]:
            continue
        # (a numbered part, '二、绩效自评工作开展情况', or a sentence, '(7)绩效目标：…使用效益。', is no title)
        orphan = _announces(text) or _CATALOGUE_FIELD.match(text) or (_BARE_TITLE.match(text) and not (
            i and _NAMES_SUBJECT.search(lines[i - 1])))
        if len(text) <= 60 and _TITLE_WORD.search(text) and not orphan and (titled or not (
                numbering(text)[0] or text.endswith("。"))):
            above = head[i - 1].para.text.strip() if i else ""
            # (a site that prints the title twice, above and below its own date line, does not make it two)
            # (a title a converter broke mid-word, 'X项目绩效自' / '评报告', is whole where the page prints it again)
            if above and above != text and len(above) <= 40 and not _SENTENCE_MARK.search(above) and (
                    _BARE_TITLE.match(text) or above + text in lines or (
                    _YEAR.search(above) and not _YEAR.search(text) and not _TITLE_WORD.search(above))):
                # 'X县水利局2022年Y项目' / '绩效自评报告', 'X县2023年度Y公共卫生' / '服务项目绩效评价自评报告':
                # a title set on two lines, its year on the first
                text = above + text
                first = head[i - 2].para.text.strip() if i >= 2 else ""
                if _BARE_TITLE.match(lines[i]) and _opens_title(first) and not _YEAR.search(text) and (
                        not _TITLE_WORD.search(above)):
                    # ('2022年度X区老旧小区' / '配套基础设施改造工程' / '绩效自评报告': a title set on three lines, its
                    # name broken over the two above the report words)
                    text = first + text
            # (a portal's record fields around the title: '名称: X绩效自评报告 文号:' titles X…报告)
            report.title = _RECORD_FIELD.sub("", text).strip() or text
            if _FILE_NAME.search(report.title):
                # a document-sharing page heads the text with the uploaded file's name ('X报告.docx'); the
                # document's own title may open the text below, run into its first part ('许昌市X中心 2022 年…
                # 总结报告 一 绩效管理工作开展情况。…'): that names the report as its writer did
                report.title = _FILE_NAME.sub("", report.title).strip()
                own = _RUN_IN_TITLE.match(lines[i + 1]) if i + 1 < len(lines) else None
                report.title = own.group("title").strip() if own else report.title
            # (a body's name set alone on the line above a title that does not name it: 'X市农业农村局' /
            # '2019年度部门整体支出绩效自评报告')
            body_above = _BODY_LINE.match(above) if above and not _UNIT_BEFORE_YEAR.match(report.title) else None
            break
        if i >= 7:
            break
    texts = [info.para.text for info in layout.paras]
    if report.title is None and not layout.paras:
        # a spreadsheet holds no paragraphs: its title is the sheet's first merged row that names a report or a form
        report.title = next((t for t in sheet_title_rows(layout) if _SHEET_TITLE.search(t)), None)
    title_year = _YEAR.search(report.title or "")
    if title_year:
        report.year = int(title_year.group(1))
    else:
        years = Counter(int(y) for t in texts for y in _YEAR.findall(t))
        if years:
            report.year = years.most_common(1)[0][0]
    for t in texts:
        m = _UNIT.search(t)
        if m and re.match(r"(?:金额)?单位(?:\s*[:：]|$)|万?元$|(?:人民币)?[万千亿]?元[)）]", m.group("unit")):
            continue  # '填报单位: 单位:万元': the field is empty, what follows is the table's unit of money
        if m:
            # a dump may join the next cover line to the name ('…指挥中心预 算 编 码'): end at the body word
            # (or the cover's date: '单位名称:X中心2022年3月1日…')
            # (split on the line from the name on, not on the name alone: the name's run stops at a space, and a
            # label spaced out, '预 算 编 码', would leave its first character on the name, '…委员会预')
            unit = re.split(r"主管部门|主管单位|实施单位|评价类型|评价方式|预\s*算\s*编\s*码"
                            r"|(?<=.{2})(?:19|20)\d\d\s*年", t[m.start("unit"):])[0]
            unit = re.split(r"[\s，。；;,:：]", unit)[0][:40] or m.group("unit")
            # (the next field's label before its colon: '…宗教事务局委托单位:…', '…局评价机构:…')
            unit = _NEXT_FIELD_LABEL.sub("", unit) or unit
            body = None if re.search(rf"{_BODY}$", unit) else re.match(rf"^.*{_BODY}", unit)
            report.unit = body.group(0) if body else unit
            return
    report.unit = (_unit_from_title(report.title) or (body_above.group(0) if body_above else None)
                   or _unit_from_signature(texts)
                   or next((m.group("unit") for line in lines if (m := ACCOUNTS_TITLE.match(line))), None))


#: the extension of an uploaded file's name printed as a page's heading ('X自评报告.docx')
_FILE_NAME = lazy_compile(r"\.(?:docx?|pdf|wps|xlsx?|txt)\s*$", re.IGNORECASE)
#: a document's own title opening the text it is run into: up to its report word, then the first part's number or
#: a cover field ('X 2022 年整体…总结报告 一 绩效管理…', 'X绩效自评报告单位名称:…')
_RUN_IN_TITLE = lazy_compile(
    r"^\s*(?:\d{1,2}[、.．]\s*)?(?P<title>[^，。；;:：\s《》][^，。；;:：《》]{3,58}?(?:报告|自评表|评价表))"
    r"(?=\s*(?:[一1](?:\s|[、.．])|单位名称|$))")
#: the field labels a government portal prints around a record's title ('名称: …报告 文号:')
#: (the label may be spaced out to its cell's width and stand without a colon: '标      题 X绩效自评报告'; a
#: reader may join the next field's line to the title: '…自评报告索引号 000014349/2021-00002')
_RECORD_FIELD = lazy_compile(r"^\s*(?:信息)?(?:名\s*称|标\s*题)\s*(?:[:：]|\s)\s*"
                             r"|(?:\s+文\s*号|\s*(?:索\s*引\s*号|发布日期|发文日期|发布机构))(?:\s*[:：]|\s).*$")
#: a portal's record field naming the catalogue the record is filed under ('公开目录 自评报告', '主题分类: 绩效评价'),
#: not the title
_CATALOGUE_FIELD = lazy_compile(r"^\s*(?:公开目录|信息类别|信息分类|主题分类|体裁分类|所属栏目|栏目名称)\s*[:：]?\s"
                                # (a page's dateline and its catalogue, '时间:2022-12-19 11:37 报告 我要投稿')
                                r"|^\s*(?:发布|更新)?(?:时间|日期)\s*[:：]\s*\d")
#: a title line that names nothing: the report words alone (the name sits on the line above)
_BARE_TITLE = lazy_compile(r"^(?:项目)?(?:支出)?(?:绩效)?(?:自评|评价)(?:工作)?(?:情况)?(?:的)?报告$")
_BODY = BODY
#: a cover field's label run into the value before it, its colon cut off by the value's pattern
_NEXT_FIELD_LABEL = lazy_compile(r"(?<=.{2})(?:委托|评价|填报|报送|实施|主管|项目|预算|承担|建设)(?:单位|机构|部门)$")
_DATE = lazy_compile(r"^\s*20\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*$")


#: a web page's navigation line: '您现在位置: 首页 > 专题专栏', '当前页面:首页 >>信息公开>>财政资金'
_NAVIGATION = lazy_compile(
    r"^(?:您?(?:现在|当前)的?(?:所在)?位置|当前页面|当前栏目)\s*[:：]|^首页\s*[>＞»]|[>＞»]\s*\S{2,8}\s*[>＞»]"
    # (a portal's bar of site controls, 'X专区 无障碍浏览 注册 登录 更换背景': the site's, not the title's words)
    r"|^(?:(?:适老化|关怀版|长辈版|无障碍|简体|繁体|注册|登录|退出|更换背景|切换|English|网站支持IPv6)\S{0,4}\s*){3,}")
#: a web page's record line: when and by whom the page was posted ('日期:2024-06-06 10:51 来源:X局 录入:web',
#: '发布时间：2023-05-12 浏览次数：31'), how often it was read ('浏览次数:125'), or its furniture ('分享到:',
#: '【字体:大 中 小】【打印】')
_PAGE_RECORD = lazy_compile(r"^\s*(?:(?:发布|更新)?(?:日期|时间|来源|作者|录入|编辑)\s*[:：].{0,80}"
                            r"|(?:浏览|点击|阅读|访问)(?:次数|数|量)\s*[:：]?\s*\d*.{0,40}|分享到\s*[:：]?.{0,40}"
                            r"|(?:【[^】]{1,20}】\s*)+)$")
#: a sentence that announces the report, not its title: '…，现将自评情况报告如下：'
_STATEMENT = lazy_compile(r"(?:如下|[：:。；;，,])\s*$")
#: a list item's bullet before a line ('• 自评报告')
_BULLET = lazy_compile(r"^[•·●▪◆■□]\s*")  # (not '*': a masked name, '**河县…')
#: a line that could open a two-line title: it names a year or a fund or project ('X县水利局2022年Y项目')
_NAMES_SUBJECT = lazy_compile(r"20\d{2}\s*年|项目|资金|经费|费用|专项|支出|工程|补助|补贴")


def _opens_title(line: str) -> bool:
    """Could the line open a title set on several lines: short, dated, no sentence and no report words?"""
    return (bool(line) and len(line) <= 40 and _YEAR.search(line) is not None and not _SENTENCE_MARK.search(line)
            and not _TITLE_WORD.search(line) and not numbering(line)[0] and not _DATE.match(line))


def _announces(text: str) -> bool:
    """Is the line a sentence announcing the report ('…，现将自评情况报告如下：'), not a title? (a portal's
    record fields around a title, '名称: X报告 文号:', are no sentence)"""
    return _STATEMENT.search(_RECORD_FIELD.sub("", text).strip()) is not None


#: a line that is a body's name and nothing else
_BODY_LINE = lazy_compile(rf"^[^\d\s，。；;:：、,.（()）|｜]{{2,30}}{_BODY}$")
_UNIT_BEFORE_YEAR = lazy_compile(rf"^(?P<unit>[^\d，。；（(]{{2,30}}?{_BODY})\s*(?:关于)?\s*20\d{{2}}")


#: a sheet's title row names a report or a form ('X2022年绩效自评附表', 'X绩效评价基础数据表')
_SHEET_TITLE = lazy_compile(r"报告|自评|评价|[表单]$")
#: how far down the first table its title rows may stand
_SHEET_TITLE_ROWS = 4


#: the heading of a workbook's sheet of notes on how to fill the form in
_NOTES_TITLE = lazy_compile(r"^\s*(?:填表|填报|编制)?(?:说明|须知|注意事项)\s*[:：]?\s*$")


def _notes_sheet(table: Table) -> bool:
    """A sheet of one column whose first cell heads notes ('填表说明') above numbered rules."""
    first = next((cell.text.strip() for row in table.rows[:1] for cell in row if cell.text.strip()), "")
    return bool(_NOTES_TITLE.match(first))


def sheet_title_rows(layout: Layout) -> list[str]:
    """The rows at the top of the first table that are one cell merged across the sheet (every filled cell the same
    text): the sheet's title lines, as a spreadsheet holds them."""
    for _, table in layout.tables:
        out = []
        for row in table.rows[:_SHEET_TITLE_ROWS]:
            filled = {cell.text.strip() for cell in row if cell.text.strip()}
            if len(filled) == 1 and len(row) > 1 and len(text := filled.pop()) <= 60:
                out.append(text)
        # (a workbook may open with a sheet of notes, '填表说明' and its numbered rules: the form's sheet after it
        # holds the title)
        if not (out and _NOTES_TITLE.match(out[0])) and not _notes_sheet(table):
            return out
    return []


def _unit_from_title(title: str | None) -> str | None:
    """'县教育局2022年度项目支出绩效自评报告' → 县教育局."""
    m = _UNIT_BEFORE_YEAR.match(title or "")
    return m.group("unit") if m else None


def _unit_from_signature(texts: list[str]) -> str | None:
    """The short line naming a body just before the closing date of the report."""
    for i in range(len(texts) - 1, max(len(texts) - 6, 0), -1):
        if _DATE.match(texts[i]):
            before = texts[i - 1].strip()
            if len(before) <= 30 and re.search(rf"{_BODY}$", before):
                return before
    return None
