"""What a report evaluates when it lists no projects: the department's 整体支出, or the one fund it names.

Two kinds of self-evaluation name no project the way the project rules expect:

- a 部门整体支出 (department-wide) evaluation evaluates the body's whole spending; its one subject is
  named as the genre names it, "<body>部门整体支出" (or 机关整体支出 where the report says so). Its
  spending lines (人员经费, 公用经费, the listed project expenses) are parts of that spending, not
  projects of their own.
- a transfer-payment or fund evaluation opens with a sentence stating what it evaluates:
  "现将我市2022年度X项目的自评情况报告如下", "现就2022年度X资金的绩效目标开展自评",
  "为做好2023年X资金发放工作，我局对这笔资金做了绩效自评", or a title "X 2020年度绩效自评报告".

The rules read the parser's reading copy (`reading`): simplified characters, no pinyin glosses.
"""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.parse import UNNAMED_PROJECT
from reportparse.parse.genre import names_the_genre
from reportparse.parse.names import core, evaluated_fund_name, is_fund_source, valid_candidate
from reportparse.parse.reading import reading_copy

#: names of reporting bodies end in one of these (the people's organisations too: 妇女联合会, 残联, 科协, 总工会)
#: (the longer word first where one begins another, 委员会 before 委, 办公室 before 办: a lazy name ends at the
#: first body word that fits, and '共青团X区委员会' is not '共青团X区委')
#: (schools, charities and field offices too: 第一中学, 实验小学, 幼儿园, 慈善总会, 基金会, 河道管理处, 街道办事处,
#: 综合执法队)
BODY = (r"(?:委员会|办公室|局|委|办|厅|部|院|馆|中心|站|所|政府|公司|学校|医院|协会|大队|支队|政协|人大"
        r"|联合会|红十字会|[妇残侨文社]联|工商联|科协|工会"
        r"|中学|小学|幼儿园|大学|总会|基金会|管理处|办事处|执法队)")
#: the title of a body's final accounts, which are no report but carry its department-wide evaluation:
#: 'X局2023年度部门决算', 'X分局2019年决算公开报告'
ACCOUNTS_TITLE = lazy_compile(rf"^\s*(?P<unit>[^\d\s，。；;:：（()）]{{2,30}}?{BODY})\s*20\d{{2}}\s*年度?\s*"
                            r"(?:部门|单位)?决算")
#: '…部门整体支出' / '2020年度 机关整体支出': the department-wide subject written out
_WHOLE = lazy_compile(
    rf"(?P<who>[^\s，。；;:：、,.（()）“”《》|<>]{{2,30}}?(?:{BODY}|市|县|区|州|省))?\s*(?:20\d{{2}}\s*年度?)?\s*"
    r"(?P<kind>部门|机关|单位)?(?:[(（](?:单位|部门)[)）])?(?P<whole>整体)(?:支出|绩效(?=自评|评价))"
    r"(?!\s*(?:和|及|与|、|或)\s*项目支出)"
    r"(?![^，,。；;]{0,12}指标体系)"
)  # ('部门整体支出和项目支出绩效自评工作是…': both kinds of evaluation in general, no subject;
#    '部门整体绩效自评表' of some provinces says 整体绩效 for 整体支出绩效; '根据2020年部门整体支出项目绩效
#    评价指标体系' cites the framework the scores follow, no subject)
#: a year, or an anonymised template's (XX年度: a published sample with its year and place blanked out)
#: (the blanked year as two or four marks, Latin or not: 'XX年度', 'xxxx年度', '××××年度', '**年度')
_YEAR = lazy_compile(r"(?:20[\dxX×*＊]{2}|(?<![A-Za-z×*＊])(?:[xX×*＊]{4}|[xX×*＊]{2}))\s*年度?")
#: a fund's or project's name just before '整体': the whole of that fund, not of a department
_FUND_BEFORE = lazy_compile(r"(?:资金|经费|项目|补助|补贴|转移支付|专项)\s*(?:20\d{2}\s*年度?)?\s*$")
#: a count just before the words: '1个', '2个单位开展'
_COUNTED = lazy_compile(r"[\d一二两三四五六七八九十]+\s*个[^，,。；;\d]{0,6}$")
#: a year, or the years a fund or works run ('2020-2022年度高标准农田建设专项资金'), or a template's 20xx年
_ANY_YEAR = r"(?:20\d{2}\s*[-—–－~至]\s*)?(?:20[\dxX×]{2}|[xX×]{2})\s*年度?"
#: the opening section of a department report (基本概况 of the body, not of a project)
_BODY_SECTION = lazy_compile(r"^(?:部门|单位|机关)(?:[(（]单位[)）])?(?:基本)?(?:概况|情况|简介)")
#: what an evaluated fund or project is called at the end of its name
_FUND_END = r"(?:项目|资金|工程|经费|转移支付|补助|补贴|专项)"  # ('对2017年度区域协作经费专项做了绩效评价')
#: what a title calls the evaluation's account after its words 自评/评价: 报告, a form, or 情况, 情况说明, 总结
#: ('X工程绩效自评情况', 'X经费绩效自评情况说明', 'X资金绩效自评总结')
_AFTER_EVALUATION = r"(?:报告|表|情况(?:的)?(?:说明|报告)?|总结(?:报告)?|说明)"
#: the opening statement: a year, then the name, then what is done with it (的绩效/自评/发放工作 …)
_STATED = lazy_compile(
    rf"(?P<name>{_ANY_YEAR}[^，,。；;:：、“”《》\s]{{2,60}}?{_FUND_END})"  # (a half-width comma ends a clause too)
    r"(?=的|(?:发放|使用|分配|实施|管理)工作|绩效(?!管理)|自评|进行|开展)"  # (…项目绩效管理工作: a purpose)
)
#: an opening that names its fund in its purpose: '为加强2023年度X资金管理，…', '为进一步规范X项目资金的使用，…'
_STATED_PURPOSE = lazy_compile(
    r"^为了?(?:进一步)?(?:加强|规范|做好|强化|提高|推进)(?:对)?"
    rf"(?P<name>[^，,。；;:：、“”《》\s]{{2,60}}?{_FUND_END})(?:的)?(?:使用)?(?:绩效)?(?:管理|使用|发放|分配|监管)")
#: a time clause run on after the name, up to the words the statement ends in: '中央下达我区2021年X专项资金时同步
#: 下达专项资金绩效目标' (when the fund was handed down, its goals were too): the name ends before 时
_TIME_CLAUSE = lazy_compile(
    r"(?<=项目|资金|工程|经费|补助|补贴|专项|支付)(?:时|后|之后|以后)(?:同步|一并|同时|及时|再|又|也).*$")
#: what follows a name that is a cited framework's or rule's topic, not what the report evaluates
_CITED_FRAMEWORK = lazy_compile(r"[^，,。；;]{0,10}(?:指标体系|管理办法|实施办法|实施细则|评价办法)")
#: an aspect of a project an evaluation covers: '使用情况', '资金投入和绩效目标完成情况'
#: (the longer word first: 管理使用 before 管理; 分配, 拨付, 管理 alone are aspects too: '资金的分配、使用和管理情况')
_ASPECT = (r"(?:管理使用|使用|执行|实施|管理|分配|拨付|监管|资金投入|资金使用|资金管理|资金分配|资金拨付|资金到位"
           r"|预算执行|项目实施|项目管理"
           r"|(?:绩效)?目标(?:完成|实现)|产出|效益|成效)")
#: the opening statement without a year: '现将X项目绩效自评情况报告如下', '我局对X资金开展了绩效自评'
_STATED_BY_VERB = lazy_compile(
    # (对/就 as the verb, not the first character of a word: 对口支援资金, 就业补助资金)
    r"(?:现将|现就|对(?!口|象|外|接|应|照|比|标)|就(?!业|医|学|诊|读|餐|近|地))"
    r"(?:我(?:省|市|州|县|区|镇|乡|街道|局|厅|委|办|院|中心|单位))?"
    # (a fund word the name ends in, not one its money's is cut from: 'X补助资金使用…' is X补助资金, not X补助)
    rf"(?P<name>[^，,。；;:：、“”《》\s]{{2,60}}?{_FUND_END}(?!资金))"
    # ('对2022年度X补贴使用情况开展了财政绩效评价': how the money was used, then the evaluation)
    # ('就X项目的资金投入和绩效目标完成情况开展自评': the aspects the evaluation covers, listed before 情况)
    # ('现将X补助资金使用和管理自评报告公示如下': the aspects alone, with no 情况, before the report words)
    rf"(?:的)?(?:{_ASPECT}(?:(?:和|及|与|、|以及){_ASPECT})*(?:情况)?|情况)?(?:的)?(?:绩效目标)?(?:的)?(?:绩效)?"
    r"(?:开展了?|进行了?|做了)?"
    r"(?:财政)?(?:绩效)?(?:自评|评价)"
)
#: blanks between two Han characters
_WRAPPED = lazy_compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
#: a title naming the fund before the year: '盘山县大气转移支付2020年度绩效自评报告'
_TITLE_BEFORE_YEAR = lazy_compile(
    rf"^(?P<name>[^，。；;:：\s]{{3,40}}?{_FUND_END}(?:[(（][^()（）]{{1,8}}[)）])?)\s*20\d{{2}}\s*年度?(?:项目)?(?:支出)?"
    r"(?:绩效)?(?:自评|评价)"  # ('X资金(第一批)2024年度绩效自评报告': a tranche's qualifier after the fund)
)

#: a title naming the project after the year: '2023年西平县X建设项目绩效自评报告',
#: 'X县2023年度Y服务项目绩效评价自评报告' (what stands before the year is the body or the place)
_TITLE_AFTER_YEAR = lazy_compile(
    # (a qualifier in brackets inside the name, 'X事业发展(中央专项彩票公益金)补助资金': the money's source)
    rf"^[^，。；;:：\s\d]{{0,30}}?(?:关于)?20\d{{2}}\s*年度?\s*(?!度)"
    rf"(?P<name>(?:[^，。；;:：\s()（）]|[(（][^()（）]{{2,20}}[)）](?=[^，。；;:：\s()（）]{{0,8}}{_FUND_END})){{3,50}}?{_FUND_END}"
    # (a qualifier in brackets after the fund, '水利发展资金（农村饮水安全巩固提升）', '…补助资金(第一批)项目')
    r"(?:[(（][^()（）]{1,20}[)）](?:项目)?)?)"
    # (an evaluation of a kind, '…项目重点绩效评价报告摘要': a key project's evaluation, published in summary)
    # (a space may part the name from the kind of evaluation, 'X改造项目 重点绩效评价报告', and a 的 may follow
    # 绩效, 'X资金绩效的自评报告')
    r"\s*(?:支出)?(?:的)?(?:(?:(?:重点|专项|综合|财政)?(?:绩效)?(?:的)?(?:评价)?(?:自评|评价)|(?:全周期)?跟踪问效)"
    rf"(?:工作)?(?:(?:总结)?(?:情况)?(?:的)?报告(?:摘要|概要|简本)?|{_AFTER_EVALUATION}$)"
    # (a transfer payment's account of its year: '…专项转移支付2023年度农机购置补贴实施情况')
    r"|(?:资金)?(?:实施|使用|执行|管理使用)情况$)"
)


def reads_as_self_evaluation(texts: list[str]) -> bool:
    """Does the text use the genre's words at all (绩效自评, 绩效评价, 自评报告, 整体支出 …; `parse/genre`)?"""
    return names_the_genre(texts)


#: the sentence that presents the reporting body: 'X局是全市主管交通运输工作的行政机关', 'X中心系…事业单位'
_PRESENTED_BODY = lazy_compile(rf"^\s*(?P<body>[^\d\s，。；;:：、,（()）“”]{{2,30}}?{BODY})(?:是|系)")
#: a body speaking of itself: 我局, 本单位, 我中心
_SELF_REFERENCE = lazy_compile(rf"(?:我|本){BODY}?|(?:我|本)(?:单位|部门|机关|镇|乡|街道|校)")


def department_subject(head: list[str], headings: list[str], unit: str | None) -> str | None:
    """'<body>部门整体支出' when the report evaluates a department's whole spending, else None.

    It does when its opening lines (`head`: title and cover) write 部门/机关整体支出, or when a body's
    report names no project and opens with the body's own 基本概况 (部门概况, 单位基本情况).
    """
    found: list[str] = []
    for text in head:
        # (a cited notice, 《关于开展部门整体支出绩效自评的通知》, says nothing of this report)
        folded = re.sub(r"《[^》]*》", "。", reading_copy(text))
        # (a counted one, '包括175个项目支出，1个部门整体支出', '选取1个单位开展整体支出绩效评价', is what a
        # finance bureau evaluated, not the report's own subject)
        # (a fund's own 整体绩效, 'X补助地方资金整体绩效自评分数为89分', is the whole of that fund's performance, not
        # a department's spending)
        whole = next((m for m in _WHOLE.finditer(folded) if not _COUNTED.search(folded[:m.start()])
                      and not (m.group("kind") is None and _FUND_BEFORE.search(folded[:m.start("whole")]))), None)
        if whole:
            who = _YEAR.sub("", whole.group("who") or "").strip()
            # (the opening's verb before the body: '现将2024年度X镇人民政府整体支出绩效自评情况报告如下')
            who = re.sub(r"^(?:关于|现将|现就|现对|对|将)", "", who)
            # ('对我局2020年度部门整体支出进行绩效评价': the body speaking of itself names no body)
            who = "" if _SELF_REFERENCE.fullmatch(who) else who
            kind = whole.group("kind") or "部门"
            # (a place alone, '雨花区2022年度部门(单位)整体支出…', is where the body is: its name is the unit's)
            if unit and (not who or unit.startswith(who) or (re.search(r"[市县区州省]$", who) and who in unit)):
                who = unit
            found.append(f"{who}{kind}整体支出")
            if who:
                break
    if found:
        # '我厅开展了部门整体支出绩效自评' names no body; a later line ('附件：X厅2020年度部门整体支出
        # 绩效自评报告') may, or the sentence that presents the body ('X局是全市主管…的行政机关')
        named = next((f for f in found if not f.startswith(("部门", "机关", "单位"))), None)
        presented = next((m.group("body") for text in head if (m := _PRESENTED_BODY.match(reading_copy(text)))), None)
        return named or (f"{presented}{found[0]}" if presented else found[0])
    # (a report on the body's project spending, 'X团委2020年度项目支出绩效评价自评报告', presents the body before
    # its projects: its 单位基本情况 is no sign of a department-wide evaluation)
    if unit and any(_BODY_SECTION.match(reading_copy(h)) for h in headings) and not any(
            _PROJECT_SPENDING_TITLE.search(reading_copy(text)) for text in head):
        return f"{unit}部门整体支出"
    return None


#: a title that evaluates a body's project spending: '2020年度项目支出绩效评价自评报告', '项目支出绩效自评表', with a
#: remark in brackets after it, '…自评报告（共3个项目）'
_PROJECT_SPENDING_TITLE = lazy_compile(r"项目支出(?:绩效)?(?:评价)?(?:自评|评价)(?:自评)?(?:总结)?(?:报告|表)"
                                       r"\s*(?:[(（][^()（）]{1,20}[)）])?\s*$")


#: a numbered section title that reports the department-wide evaluation, wherever a dump put it:
#: '3.部门整体支出绩效自评开展情况', '四、单位整体支出绩效自评情况'
#: (a 部门决算's contents list it with the year and often without the kind: '十三、2023年度部门整体支出绩效自评
#: 情况', '九、整体支出绩效自评报告' — the body's final accounts carry its department-wide evaluation)
_WHOLE_SECTION = lazy_compile(r"(?:^|[。.．;；\s])(?:[一二三四五六七八九十]+、|\d{1,2}[.．、])\s*"
                            r"(?:20\d{2}\s*年度?\s*)?"
                            r"(?P<kind>部门|机关|单位)?\s*整\s*体\s*支\s*出\s*绩\s*效\s*(?:自\s*评|评\s*价)")

#: the part of a body's final accounts that reports its performance: '第四部分 2021年度部门绩效评价情况',
#: '十三、关于2023年度预算绩效情况的说明' is not it (it reports how the body manages its projects' goals)
_ACCOUNTS_SECTION = lazy_compile(r"(?:部分|[一二三四五六七八九十]+、)\s*(?:20\d{2}\s*年度?\s*)?"
                               r"(?:部门|单位)(?:整体)?绩效(?:评价|自评)")


def heading_subject(texts: list[str], unit: str | None) -> str | None:
    """'<unit>部门整体支出' when a numbered section title says the text reports the department-wide
    evaluation: the subject of a report that names nothing else; in a body's final accounts, also the
    part that reports the body's performance."""
    for text in texts:
        section = _WHOLE_SECTION.search(reading_copy(text))
        if section:
            return f"{unit or ''}{section.group('kind') or '部门'}整体支出"
    accounts = any(ACCOUNTS_TITLE.match(t) for t in texts[:6])
    if unit and accounts and any(_ACCOUNTS_SECTION.search(reading_copy(t)) for t in texts):
        return f"{unit}部门整体支出"  # the final accounts' own part on the body's performance
    return None


#: a place a published copy masks ('XX区', '××县', '**市'): where the body spends the fund, no word of the fund's name
_MASKED_PLACE = lazy_compile(r"^[Xx×＊*]{2,}(?:省|市|县|区|州|盟|旗|镇|乡|街道)")


def stated_subject(opening: list[str], title: str | None) -> str | None:
    """The fund or project the opening sentences (or the title) say the report evaluates."""
    name = _stated_subject(opening, title)
    # (a title 'about' a quoted name, '关于“X”项目绩效自评报告', names X项目: 关于 and the marks are no part of it)
    # ('对2024年实施的X项目开展了绩效自评': the year's clause, 实施的, is no part of the name)
    name = _CARRIED_OUT_IN.sub("", name) if name else name
    return _QUOTE_MARKS.sub("", _ABOUT.sub("", _MASKED_PLACE.sub("", name))) if name else name


#: a year's clause before a name: '2024年实施的', '2023年度开展的'
_CARRIED_OUT_IN = lazy_compile(r"^20\d{2}\s*年度?\s*(?:组织)?(?:实施|开展|建设|承担|安排)的(?=.{4})")


#: the word a title opens with when it is 'about' its subject
_ABOUT = lazy_compile(r"^关于")
#: quotation marks around a name or a part of it
_QUOTE_MARKS = lazy_compile(r"[“”\"「」]")


def _stated_subject(opening: list[str], title: str | None) -> str | None:
    purposed: str | None = None
    for text in opening:
        folded = reading_copy(text)
        if not names_the_genre([folded]) or re.search(r"报告\s*$", folded):
            continue  # (a title line is read by the title rules, which leave its year out)
        # a cited document's title (《关于开展2022年度…自评工作的通知》) names no subject
        blanked = re.sub(r"《[^》]*》", lambda m: "。" * len(m.group(0)), folded)
        purpose = _STATED_PURPOSE.match(blanked)
        if purpose and purposed is None and valid_candidate(purpose.group("name")):
            purposed = purpose.group("name")
        # the first statement that names a project ('为做好2022年财政衔接资金项目绩效管理工作，现将2022年
        # X局Y资金项目绩效自评报告如下': the year's fund in general is no subject, the bureau's project is)
        for stated in sorted((*_STATED.finditer(blanked), *_STATED_BY_VERB.finditer(blanked)), key=lambda m: m.start()):
            name = re.sub(r"^(?:20)?[xX×]{2}\s*年度?", "", stated.group("name"))  # a template's '20xx年度' is no year
            name = _TIME_CLAUSE.sub("", name)
            if _CITED_FRAMEWORK.match(blanked, stated.end()):
                continue  # ('根据2020年部门整体支出项目绩效评价指标体系': the framework's topic, no subject)
            if valid_candidate(name):
                # ('对隆回县七江镇人民政府2021年乡村振兴专项资金项目进行绩效评价': the body that spends the
                # fund and the year, run into the name; the title names the same fund as the fund is called)
                return (_OWNED_DATED.match(name) and _titled_same_fund(name, title)) or name
    if purposed and _title_fund(title) is None:
        # ('为加强X资金管理，…我局对该资金开展了绩效自评': the purpose names what the pointer points back to)
        return purposed
    # (a template site counts its samples after the title: 'X补贴支出绩效自评报告(通用5篇)', '…报告 篇1')
    # (a space between two characters of a title is where the page wrapped its heading: '…水污染防治 专项资金…')
    folded_title = _WRAPPED.sub("", _SAMPLE_COUNT.sub("", reading_copy(title or "")))
    # (a bracketed subject after the report words is the narrowest: '…部门预算项目支出绩效自评报告 (X备用金)')
    # (or in brackets after the class of spending it belongs to: 'X站2020年预算项目支出(租赁补贴)绩效评价自评报告')
    titled = (_TITLE_BRACKETED.search(folded_title) or _TITLE_CLASS_BRACKETED.search(folded_title)
              or _TITLE_BEFORE_YEAR.search(folded_title)
              or _TITLE_AFTER_YEAR.search(folded_title) or _TITLE_QUOTED.search(folded_title))
    # (a dated title's class of spending, 'X局2023年度一般公共预算项目绩效自评报告', names no project either)
    if titled and not names_a_body(titled.group("name")) and not _TITLE_CLASS.search(titled.group("name")):
        return titled.group("name")
    undated_title = _TITLE_UNDATED.search(folded_title)
    if undated_title and _BODYS_FUND.search(core(undated_title.group("name"))):
        undated_title = None  # ('X中学专项资金绩效自评报告': a body's money in general, no one fund)
    for undated in (_TITLE_ABOUT.search(folded_title), undated_title):
        if undated and not _TITLE_CLASS.search(undated.group("name")) and (
                valid_candidate(undated.group("name")) or evaluated_fund_name(undated.group("name"))):
            return undated.group("name")
    return None


#: the end of a title's name that is a class of spending: '一般公共预算(项目)', '民生实事(项目)', '重点项目'
_CLASS_END = lazy_compile(r"(?:支出|预算|重点|债券|民生实事)(?:项目)?$")


def names_a_class(name: str) -> bool:
    """Is a title's name (with or without its 项目) a class of spending ('一般公共预算项目', '民生实事'), no project?"""
    return _TITLE_CLASS.search(name if name.endswith("项目") else f"{name}项目") is not None


def names_a_body(name: str) -> bool:
    """Is the name a reporting body's with a fund word only ('东坪镇人民政府项目', 'X局专项资金'): the body's
    spending in general, no project or fund of its own?"""
    return re.fullmatch(rf"[^\d\s，。；;:：、()（）“”]{{2,30}}?{_OFFICE}(?:项目|专项|专项资金|资金|经费)?(?:支出)?",
                        name.strip()) is not None


#: the words a body's name ends in that never end a facility's: an office, not a 中心, 站, 馆 or 学校 a project
#: may build ('全民健身中心项目' is a works)
_OFFICE = (r"(?:委员会|办公室|人民政府|政府|局|委|办|厅|人大|政协|联合会|协会|红十字会|工会|科协|工商联|[妇残侨文社]联"
           r"|大队|支队|办事处|管理处|执法队)")


#: a transfer payment's fund named whole: '中央政法转移支付资金', '一般性转移支付'
TRANSFER_FUND = lazy_compile(r"^[^\d，。；;:：]{2,30}转移支付(?:资金)?$")
#: what is left of a fund's name when its fund words go, if it names only the body or place that spends it
_BODYS_FUND = lazy_compile(r"(?:局|委|办|院|校|学|所|站|中心|政府|省|市|县|区|州|旗|镇|乡|街道|村)$")
#: a template site's count of its samples after a title: '(通用5篇)', '范文(精选12篇)', ' 篇1'
_SAMPLE_COUNT = lazy_compile(
    r"(?:范文)?\s*[(（](?:通用|精选|优选|热门|推荐|汇总)?\s*\d{1,2}\s*篇[)）]$|\s+篇\s*\d{1,2}$")


#: a title that names its one project or works with no year: 'X市Y乡Z垃圾转运站提升改造项目绩效自评报告'
#: or its one fund: 'X农机购置补贴支出绩效自评报告'
_TITLE_UNDATED = lazy_compile(
    r"^(?P<name>[^，。；;:：\s\d()（）]{4,50}?(?:项目|工程|资金|经费|补贴|补助))(?:支出)?(?:绩效)?(?:自评|评价)(?:自评)?"
    rf"(?:工作)?{_AFTER_EVALUATION}$")
#: a body's title 'about' its fund, with no year: 'X局关于Y补助资金支出绩效的自评报告', 'X中心关于Z项目绩效自评的报告'
#: (or its self-inspection: 'X关于Y专项资金到位使用情况的自查报告')
_TITLE_ABOUT = lazy_compile(
    rf"关于(?P<name>[^，。；;:：\s\d“”《》]{{4,50}}?{_FUND_END})(?:到位)?(?:支出|使用|管理使用)?(?:情况)?(?:的)?(?:绩效)?"
    r"(?:的)?(?:自评|评价|自查)(?:自评)?(?:情况)?(?:的)?报告$")
#: words of a title that names a kind of spending or a body's projects as a class, not one project
#: ('X市财政支出项目', 'X局部门预算项目', '重点项目', '专项债券项目')
_TITLE_CLASS = lazy_compile(r"支出项目$|预算项目$|部门|单位|整体|重点项目|债券项目|民生实事项目$|各类|若干"
                            r"|^(?:本|该|全|各)")


#: a title that quotes its fund ('X局关于“2021年中央财政困难群众救助补助资金”管理使用情况') or names it in brackets
#: after the report words ('X镇2021年度部门预算项目支出绩效自评报告 (2021年城乡临时救助备用金)')
_TITLE_QUOTED = lazy_compile(rf"“(?P<name>[^“”]{{4,40}}?{_FUND_END})”")
#: (the name may hold a short bracket of its own, '公共图书馆文化馆(站)免费开放补助经费', and a page that cuts
#: the title may lose the closing bracket: '…自评报告(2022年中央支持地方公共文化服务体系建设补助资金')
_TITLE_BRACKETED = lazy_compile(
    r"(?:报告|自评表|评价表)\s*[(（](?P<name>(?:[^()（）]|[(（][^()（）]{1,6}[)）]){3,60}?"
    r"(?:金|费|项目|工程|补助|补贴))(?:[)）]\s*)?$")

#: a title that writes the class of spending, then its one subject in brackets, then the report words:
#: '2020年预算项目支出(租赁补贴)绩效评价自评报告', '2022年度项目支出（农村公路养护）绩效自评报告'
#: (in square brackets too: '2022年度项目支出【农村公路养护】绩效自评报告'; the fund's use named after it:
#: '专项资金(X)使用绩效自评报告')
_TITLE_CLASS_BRACKETED = lazy_compile(
    r"(?:项目支出|预算项目|支出项目|专项资金|专项支出)\s*[(（【〔［](?P<name>[^()（）【】〔〕［］\d]{2,40})[)）】〕］]\s*"
    r"(?:的)?(?:使用|执行)?(?:绩效)?(?:评价)?(?:自评|评价)(?:自评)?(?:报告|表)$")


#: an opening that evaluates the department's whole spending and, besides it, named funds or projects
_ALSO_EVALUATED = lazy_compile(r"(?:此外|另外|同时|并)[^。]{0,12}?(?:还|也)?[^。]{0,8}?对[^。]{2,200}?"
                             r"(?:专项资金|资金|项目)[^。]{0,10}?(?:开展|进行)了?[^。]{0,4}?(?:绩效)?(?:自评|评价)")


#: a title or opening that evaluates both: '2022年整体和项目支出绩效自评总结报告', '部门整体支出及项目支出绩效评价'
_BOTH_EVALUATED = lazy_compile(r"整体(?:支出)?(?:和|及|与|、)(?:其)?项目支出(?:的)?(?:绩效)?(?:自评|评价)")


def department_also_funds(opening: list[str]) -> bool:
    """Does the opening say that, beside its 部门整体支出, the report evaluated named funds (or its projects) too?"""
    text = "".join(reading_copy(t) for t in opening)
    return ("整体支出" in text and bool(_ALSO_EVALUATED.search(text))) or bool(_BOTH_EVALUATED.search(text))


def counted_class(name: str, opening: list[str]) -> bool:
    """Does the opening count several of what the title names ('我单位2023年新增地方政府专项债券项目3个')?"""
    bare = re.sub(r"^.*?20\d{2}\s*年度?", "", name)
    if len(bare) < 4:
        return False
    counted = re.compile(re.escape(bare) + r"\s*(?:共|合计)?\s*(?:[2-9]|[1-9]\d+|[两二三四五六七八九十]+)\s*个")
    return any(counted.search(text) for text in opening)


#: a name opened by the body that spends it and the year: 'X镇人民政府2021年Y专项资金项目'
_OWNED_DATED = lazy_compile(rf"^[^\d，。；;:：]{{2,30}}?{BODY}\s*20\d{{2}}\s*年度?(?P<fund>.{{3,}})$")


def _title_fund(title: str | None) -> re.Match[str] | None:
    """The fund a title names before or after its year ('X县2022年度Y资金绩效自评报告'), if it names one."""
    folded = reading_copy(title or "")
    return _TITLE_BEFORE_YEAR.search(folded) or _TITLE_AFTER_YEAR.search(folded)


def _titled_same_fund(name: str, title: str | None) -> str | None:
    """The title's name of the fund an opening names with its body and year, when the title names it."""
    titled = _title_fund(title)
    owned = _OWNED_DATED.match(name)
    if titled is None or owned is None:
        return None
    fund = re.sub(r"项目$", "", owned.group("fund"))
    return titled.group("name") if len(fund) >= 4 and titled.group("name").endswith(fund) else None


#: '<单位>2024年度项目支出绩效单位自评报告': a report on all of a unit's project spending
WHOLE_SPENDING_TITLE = lazy_compile(r"^(?P<name>.*?20\d{2}\s*年度?(?:项目|专项)支出)(?:绩效)?(?:单位)?(?:自评|评价)")


#: a body's name before the words of a title: 'X县财政局', 'X镇人民政府', 'X街道'
_BODY = lazy_compile(r"^(?:[^\d，。；;:：、]{1,24}?(?:局|委员会|办公室|中心|政府|委|办|院|所|站|镇|乡|街道))+")


def untitled_name(title: str) -> str:
    """A name for the one project of a report that never names it: its title without the report words."""
    whole = WHOLE_SPENDING_TITLE.match(title)
    if whole:
        return whole.group("name")  # the unit's project spending as one
    # (a title may set the name in book-title marks, '《2023年度X项目》绩效自评报告': the marks are no part of it)
    name = re.sub(r"^.*?(20\d{2})\s*年度?", "", re.sub(r"[《》]", "", title))
    # (the report words may repeat: 'X资金绩效评价工作自评报告')
    # (and a 的 may join them: 'X资金绩效的自评报告')
    # (or call the account 情况, 情况说明 or 总结 after them: 'X工程绩效自评情况', 'X资金绩效自评总结')
    # (or say the body carried the evaluation out: '关于对X项目开展绩效自评的报告')
    name = re.sub(r"(项目)?(支出)?(?:的)?(?:(?:开展|进行)了?)?"
                  r"(?:(?:绩效)?(?:的)?(?:自评|评价|(?:全周期)?跟踪问效)(?:工作)?)*(?:的)?"
                  rf"(?:报告|表|(?<=自评|评价|工作){_AFTER_EVALUATION})?\s*\d*$", "", name).strip()
    # (a form's title run into its first cells, '(2023年度) |项目名称 |', names nothing; nor do the
    # report words alone, '2020年度绩效评价', nor a collection's '建设项目绩效自评报告1')
    # (a transfer payment the title names, 'X转移支付资金', is a fund whatever its words: the name tests read its
    # 支付资金 as a payment's money, which the prose may well mean)
    from reportparse.parse.fundwords import bare_fund_kinds

    if name in bare_fund_kinds() or _BODY.sub("", name) in bare_fund_kinds():
        # (the template's title, '专项资金绩效自评表': a kind of money, no fund named; or a body's money of that kind,
        # 'X镇人民政府专项资金')
        return UNNAMED_PROJECT
    if names_a_body(name) or _CLASS_END.search(name):
        return UNNAMED_PROJECT  # ('2023年度X镇人民政府项目支出绩效自评报告': the body's spending, no project named)
    if len(name) >= 2 and not re.search(r"[|()（）]", name) and (valid_candidate(name) or valid_candidate(f"{name}项目")
                                                             or is_fund_source(name) or TRANSFER_FUND.search(name)):
        return name  # (the fund a title names, '2022年衔接资金项目', is what the report evaluates)
    return UNNAMED_PROJECT
