"""Project names: collecting the spellings a report uses and resolving them to projects.

One project is often written several ways (with or without 项目, quotes, a 全市/市 prefix, an
abbreviated middle part). Spellings are compared on their *core* (quotes, prefixes and generic
suffixes removed) by character subsequence plus a long common substring, which handles
abbreviations without a word segmenter. Two spellings listed side by side as separate items of
one enumeration are never merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from reportparse.lazypattern import lazy_compile
from reportparse.parse.costlines import SPENDING_CATEGORY, names_spending_line
from reportparse.parse.fundwords import bare_fund_kinds, names_opening_with_gong

QUOTES = lazy_compile(r"[“”\"'‘’「」『』《》〈〉\s]")
PREFIX = lazy_compile(r"^(?:全省|全市|全县|全区|全州|省级|市级|县级|区级|本级|省|市|县|区)")
_SUFFIX = lazy_compile(r"(?:项目|专项资金|专项经费|专项|资金|经费|费用|费|转移支付)+$")
#: words too general to tie a text to one project (they occur in most project names)
GENERIC = ("项目", "维护", "服务", "平台", "建设", "管理", "系统", "网络", "工作", "经费", "资金", "专项",
           # (the budget's categories, '部门预算项目支出87.5万元，专项预算支出2350万元', hold projects)
           "部门预算项目", "部门预算项目支出", "部门预算", "专项预算", "专项预算支出", "项目预算",
           "费用", "运行", "完成", "情况", "指标", "数量", "质量", "时效", "成本", "效益", "满意度", "预算",
           "预算项目", "项目支出", "绩效评价", "绩效自评", "自评", "部门", "单位", "机关",
           "部门项目支出", "单位项目支出", "部门项目", "单位项目",
           # (a genre's words, '财政支出项目绩效评价报告': spending in general, no project)
           "财政支出", "财政项目", "财政", "支出")
#: a body's spending of a kind, which a title names as its topic ('X局2023年度项目支出')
_SPENDING_KINDS = ("项目支出", "部门项目支出", "单位项目支出", "部门项目", "单位项目", "部门预算项目支出",
                   "部门预算项目", "专项预算支出", "财政支出", "部门整体项目支出")
_BAD_START = ("本项目", "项目", "该项目", "年初", "年中", "全年", "其中", "我部", "我单位", "本单位", "根据", "按照",
              "今年", "当年", "上述", "以上", "各", "共", "合计", "共计", "总计",
              # ('现将产业建设资金下达你们': a notice's verb; '附件2': an attachment; '情况20xx年度…': a heading's
              # last word run into the text)
              "现将", "现就", "附件", "附表", "情况")
#: names whose first word opens with 共 (the League, the Party, a joint undertaking): no '共60万元' total
#: (lexicon/fund_words.json)
TOTAL_WORD_EXCEPTIONS = names_opening_with_gong()


def _bad_start(text: str) -> bool:
    """Does the text open as a clause does (本项目…, 合计…, 共…), not as a name?"""
    return text.startswith(_BAD_START) and not text.startswith(TOTAL_WORD_EXCEPTIONS)


def strip_name(name: str) -> str:
    """A spelling without quotes/blanks and without a trailing 项目: what a name is 'as written'."""
    s = QUOTES.sub("", name)
    return re.sub(r"项目$", "", s) or s


@lru_cache(maxsize=4096)
def core(name: str) -> str:
    """The comparable core of a name: no quotes, no 全市/市 prefix, no 项目/费/经费 suffix."""
    s = QUOTES.sub("", name)
    # ('2021年专项工作经费' is 专项工作经费, and so is '2020-2022年度专项工作经费')
    s = PREFIX.sub("", re.sub(r"^(?:20\d{2}\s*[-—–－~至]\s*)?20\d{2}\s*年度?", "", s))
    stripped = _SUFFIX.sub("", s)
    return stripped if len(stripped) >= 2 else s


def is_subsequence(short: str, long: str) -> bool:
    """Are the characters of `short` found in `long` in order?"""
    it = iter(long)
    return all(ch in it for ch in short)


@lru_cache(maxsize=8192)
def common_substring(a: str, b: str) -> int:
    """Length of the longest common substring of a and b (names are short: try lengths downwards)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    for size in range(len(short), 0, -1):
        for i in range(len(short) - size + 1):
            if short[i:i + size] in long:
                return size
    return 0


_PART_NUMBER = lazy_compile(r"\d+|[一二三四五六七八九十]+期")


def same_project(a: str, b: str) -> bool:
    """Do two spellings name the same project? (equal cores, or one an abbreviation of the other)"""
    ca, cb = core(a), core(b)
    if ca == cb:
        return True
    da, db = _PART_NUMBER.findall(ca), _PART_NUMBER.findall(cb)
    if da and db and da != db:
        return False  # 第1号 vs 第10号, 一期 vs 二期: numbered siblings, not spellings of one name
    short, long = sorted((ca, cb), key=len)
    if (len(short) >= 4 and long.startswith(short)) or (len(short) >= 5 and long.endswith(short)):
        return True  # 档案数字化经费 for 档案数字化加工服务费, 数字资源购置费 for 公共图书馆数字资源购置费
    if len(short) < 3 or len(short) < 0.6 * len(long):
        return False
    return is_subsequence(short, long) and common_substring(short, long) >= max(3, len(short) // 2)


#: fragments that look like names but are not: 该项目…, 两个项目, 内含1个…项目 (a count), 结余资金,
#: 上年结转资金, 为确保X项目… (a purpose clause)
_NOT_A_NAME = lazy_compile(
    # (a reference back, '本项资金', '该笔资金', '此项经费': the report's subject under another word, no name)
    r"^(?:本|该|此)(?:项|笔|批)(?:资金|经费|补助|项目)"
    # (a document's number alone, 'X〔2023〕绩评第38号': who issued it, no project ('X【2020】83号文创建…项目经费'
    # names the project the document funds); a page's chrome: a question put to
    # the reader, '…是什么样的呢?下面是小编…', or a line of keywords set apart by commas)
    r"|[〔\[【]\s*20\d{2}\s*[〕\]】][^，,。]{0,8}?第?\d+\s*号$|[?？]|小编|(?:,[^,]*){2,}"
    r"|该项目|本项目|本年度|上年度|^[一二两三四五六七八九十几多]+个|\d+\s*个|[一二两三四五六七八九十几多]+个(?:项目|专项)?$|^(?:结余|结转|剩余|节余|盈余|上年|本年|当年)"
    r"|^为(?:确保|了|做好|加强|保障|进一步|推进)"
    # (the year's money with no name: '本年度资金40.83万元', '全年资金')
    r"|^(?:本|全|当)?年度?(?:财政)?(?:资金|经费|拨款)(?:总额)?$"
    # (a level's share of the money, '省内安排农机购置与应用补贴资金', '县级配套资金', or a change to it,
    # '年中调减中央财政资金': where the money came from, not what it paid for)
    r"|^(?:省内|省级|市级|县级|州级|区级|本级|中央|上级)(?:财政)?(?:安排|配套|下达|追加|调减|调增)"
    # (a tranche: '9月下达第二批专项经费295万元')
    r"|^第[一二三四五六七八九十\d]+(?:笔|批|次|期)(?:专项)?(?:资金|经费|款)"
    # (a rate per unit: '亩均投入财政资金1500元', '每村每年补助4400元')
    r"|^(?:亩均|人均|户均|生均|村均)(?:投入|补助|补贴|标准|财政|资金)"
    r"|^每(?:人|户|村|亩|生|年|月|个|家|辆|座|所|名)(?:每(?:人|户|村|亩|生|年|月))?(?:补助|补贴|投入|标准|发放)"
    # (a clause whose verb comes last: 'X资金的年度绩效目标是', '…项目资金为')
    r"|的[^的]{0,12}(?:是|为)$"
    # (an article of a regulation: '第二条 本办法适用于…')
    r"|^第[一二三四五六七八九十百\d]+条|本办法"
    # (a chapter's or part's mark alone, '第三章 项目绩效自评' read as '第三章'+项目+评价 words)
    r"|^第[一二三四五六七八九十\d]{1,3}(?:章|节|部分|篇|编)\s*$"
    # (a template's stand-in: '2021年XX单位XX项目', '××单位')
    r"|[Xx×＊*]{2}"
    # (a plan of the work or of the money, '下一步工作计划', '资金使用计划': how the body goes on, no thing the
    # money was for, as '学生营养改善计划' is)
    r"|(?:工作|改进|整改|使用|实施|推进|安排|分配|支出|用款|采购|下一步)计划$"
    # (a document-sharing page's file name as its title: '财政支出项目绩效评价报告文档格式.docx')
    r"|\.(?:docx?|pdf|xlsx?|wps|txt)$|文档格式"
    # (the finance bureau's class of the evaluation, '2020年预算绩效管理重点项目', '绩效评价重点项目': which
    # projects were picked for evaluation, no project's name)
    # (whoever picked them: '2021年度财政重点评价项目', '部门重点支出项目')
    r"|^(?:财政|部门|单位|本级)?(?:预算)?(?:绩效)?(?:管理|评价|自评|监控|跟踪)?重点(?:绩效)?(?:评价|监控|跟踪)?(?:支出)?"
    r"(?:项目)?$"
)
#: where money comes from (中央/省级/自筹/衔接/专项扶贫…): '其中中央财政衔接资金39万元，自筹资金2696元'
#: breaks a project's money down by source; a name made of these words alone is a source, not a project
_SOURCE_WORDS = (r"(?:中央|自治区|兵团|省级|省|市级|市|州级|州|县级|县|区级|区|本级|上级|地方|财政|自筹|配套|衔接|"
                 r"推进乡村振兴|"
                 r"乡村振兴|专项|扶贫|整合|统筹|涉农|一般|公共预算|政府性基金|债券|以工代赈|转移支付|涉及|其他|社会|"
                 r"银行|贷款|群众|人员|公用|日常|基本|上年|结转|结余|到位|实际|下达|拨付|预拨|补助)")
#: (地方转移支付; '省级配套1165.84万元': a level's share, 配套 standing for 配套资金)
#: (two levels joined are sources too: '中央和省级补助', '省及市级配套资金')
_FUND_SOURCE = lazy_compile(
    rf"(?:{_SOURCE_WORDS}+(?:(?:和|及|与){_SOURCE_WORDS}+)*(?:资金|经费|拨款|投入|补助|转移支付|配套))+")
#: a year in a name ('2022年西平县…建设项目', '临城县2021年度…道路建设项目') is part of it; other
#: figures before 年/万/元 are amounts or durations, not names
NAME_YEAR = lazy_compile(r"(?:20\d{2}\s*[-—–－~至]\s*)?20\d{2}\s*年度?")  # (or the years it runs: 2020-2022年度)
#: a date written in Chinese numerals, as a cover closes with it ('二〇一九年六月', '二○二三年三月十日'; a page may
#: lose the 〇: '二一九年六月'): when the report was written, no name
_WRITTEN_DATE = lazy_compile(r"[〇○零OＯ一二三四五六七八九]{2,4}\s*年(?:\s*[一二三四五六七八九十]{1,3}\s*月)?"
                             r"(?:\s*[一二三四五六七八九十]{1,3}\s*[日号])?(?:份)?")
#: what a name does not hold: a sentence's punctuation, a percentage, a bracket, a bar, a year or an amount
_PAGE_BULLETS = "•●·■□◆◇★☆※▶►>»"
#: (a question or exclamation mark ends a sentence as a full stop does: '…复发?下面是整理的X项目' is prose; a score
#: stated, '得分10分', is a sentence's too: an OCR that read its full stop as '·' ran it into '得分10分·项目全年预算…')
_NOT_IN_A_NAME = lazy_compile(r"[，。；;：:、%（）()|?？!！]|\d\s*(?:年|万|元)|(?:得分|分值|评分)\s*\d")


#: a short bracketed qualifier inside a name: 水土保持工程(芦山县)…项目, 绿化工程(续建)
#: (also one character naming a kind of body: 文化馆(站), 卫生院(所); not '(制)', who drew a form up)
_QUALIFIER = lazy_compile(r"(?<=.)[(（](?:(?![^)）]*(?:[元%]|简称|以下))"  # (not '(以下简称X)': an abbreviation)
                        r"[^()（），。；;:：、,|\d一二三四五六七八九十]{2,12}"
                        r"|[站所室队点场院馆处科厂校园]"
                        # (…工程(二期), …项目(一期工程), …资金(第一批))
                        r"|第?[一二三四五六七八九十\d]{1,2}(?:期|标段|批)(?:工程|项目)?"
                        # (…建设工程(2021-2025): the years the works run; …养护项目(2021年度): the year it ran)
                        r"|20\d{2}\s*年?\s*[-—–－~至]\s*20\d{2}\s*年?|20\d{2}\s*年度?)[)）]")


def is_fund_source(name: str) -> bool:
    """Is the name a source of money (中央财政衔接资金, 自筹资金, 专项扶贫资金) rather than a project?"""
    return _FUND_SOURCE.fullmatch(QUOTES.sub("", name)) is not None


#: the words a clause opens with when it is a sentence, not a name: a verb, a preposition or a pointer
_VERB_LEAD = (r"(?:已经?|均已|正在|已于|对(?!口|外)|将(?!乐|军)|用于|通过|涉及|经过|由于|因为|此|该|这些|这笔|这项|本次"
              r"|本文|本报告"
              r"|截至|截止"
              r"|了(?!望))")  # ('…工作,本文提供一份“样例”': the writer pointing at the text itself)
#   ('截至年底资金支出600万元': a time clause's date, then the money)
#   ('(实施)了X项目': a verb's particle, the clause cut after its verb; 了望塔 (瞭望) is a word of its own)
#: a fragment that is a clause about money, not a name: the writer's own body as subject ('我局财政衔接资金',
#: '我县中央水利发展资金'), a time clause ('调整预算后项目', '年终考核后及时将剩余的清算资金') or a verb and
#: its money ('收到资金', '全年发放资金')
_CLAUSE = lazy_compile(
    r"^我(?:们|局|县|市|区|州|省|校|院|所|中心|单位|部|委|办|厅|镇|乡|站|馆|队|司|公司|社|会)"
    r"|(?:及时|全部|已经?|均|再|又|并)将|(?:调整|批复|下达|考核|验收|审计)(?:预算)?后"
    # (not a pair of nouns the fund is for: '耕地建设与利用资金', '资源保护和利用经费')
    r"|(?<![与和及])(?:收到|下拨|到位|发放|使用|利用|支付|拨付|争取到|争取|获得|获批)(?:的)?(?:补助|补贴|专项|债券)?"
    r"(?:资金|经费)$"
    # (a payment and what it paid for: '向第三方咨询公司支付审核服务费', '拨付施工单位工程款')
    r"|(?:支付|拨付)[^，,。]{1,10}(?:费|款|工资)$"
    # (a report's or form's own title or part of it: '绩效评价报告摘要', '…项目绩效目标(自评表)')
    r"|(?:报告|自评表|评价表|目标表|申报表)(?:摘要|概要|综述)?\d*$|绩效目标$|(?:局|委|办公室|中心|政府|委员会)(?:编制|制)$"
    # (a clause cut after its adverb: '资金主要(用于…)', '经费全部(拨付…)')
    r"|(?:主要|全部|分别|均已|已经)$"
    # (a measure of the money, '补贴资金数量由省农机局…确定', '资金规模': how much, not what it pays for)
    r"|(?:资金|经费|补贴|补助)(?:数量|规模|额度|比例)$"
    # (what is left of earlier years' money, '2018年度农机购置补贴结余资金', '上年结转资金': a source of the
    # year's money, not a project)
    r"|(?:结余|结转|结存)(?:资金|经费)?$"
    # ('部门整体支出及项目支出…' cut before 项目: half of a pair; not the word 普及, '全民艺术普及')
    r"|(?:(?<!普)及|和|与|或)$"
    # (a clause opened by a modal verb, '需要市级缴费补贴', or by the second verb of a pair, '(规范)和加强衔接推进
    # 乡村振兴补助资金(管理)': words of a sentence about money, no name)
    r"|^(?:需要|应当|必须|(?:和|与|及|并)(?:加强|规范|提高|完善|推进|促进|做好|落实|强化|保障))"
    # (money described by its verb: '县本级预算安排的衔接资金', '下达我县的…资金')
    r"|(?:安排|下达|下拨|拨付|分配)[^，,。的]{0,4}的"
    r"|(?:安排|下达|下拨|拨付|分配|批复)(?:给)?(?:我|本|你|贵)"  # ('2020年中央下达我市': who gave the money to whom)
    # (a section heading, '(一)县级履行支出责任情况', '(一)收入支出预决算对比', names a topic, not a project;
    # so do an evaluation's own headings, '(一)评价目的', '(二)评价过程', '评价的范围和目的', '存在的问题')
    # (but '非工程措施' and '工程措施' are works' kinds of a flood or soil project: 'X非工程措施项目')
    r"|(?:情况|分析|对比|说明|概况|目录|目的|过程|方法|范围|原则|依据|步骤|结论|建议|(?<!工程)措施|问题|成效|做法|经验|背景)$"
    # (a clause that opens with its verb or preposition: '已兑现…救助资金', '对个人和单位的补贴资金',
    # '用于…的资金', '涉及我局…项目'; and one that points back, '此款资金', '该笔经费', '这些资金')
    rf"|^{_VERB_LEAD}"
    # (a category a report groups its money under, '1.儿童福利类', '老年人福利类': a kind, not a project)
    r"|类$"
    # (a title's words before its genre: '2023年福彩中心绩效项目支出自评表' gives '福彩中心绩效项目')
    r"|绩效(?:项目)?$"
)
#: a clause opened by its verb, preposition or pointer (also after a half-width comma: '…通知要求,涉及我局…项目')
_VERB_LED = lazy_compile(_VERB_LEAD)
#: who gives, puts in or asks for the money, then the money: '全区各级财政积极安排配套资金', '住建厅下达补助资金',
#: '…补助共投入资金', '贵池区申请基础养老金补贴' (a clause about money, its subject before the verb; a name holds
#: none of these verbs before its last words: '中央预算内投资资金', '农业投入品监管经费', '专利申请资助资金' stay);
#: and what a payer puts in of its own, '申报单位自筹资金', 'X燃气集团有限公司配套资金' (a source, not a project).
#: A name that calls itself a project keeps its verb: 'X局2023年预算安排专项资金项目'.
_MONEY_CLAUSE = lazy_compile(
    r"^.+?(?:安排|下达|下拨|拨付|投入(?!品)|筹集)[^，,。的]{0,8}(?:资金|经费|补贴|补助|津贴|奖补)$"
    r"|^[^，,。]{0,10}?(?:省|市|县|区|州|旗|盟|镇|乡|街道)(?:申请|申报)(?!书)"
    # (a body, maybe the year, then its asking for or receiving the money: '区农业农村局2024年累计申请中央及省级
    # 项目(预算资金495万元)', 'X局共争取上级资金': the clause's subject and verb, not a project)
    r"|^[^，,。\d]{2,24}?(?:局|委|办|厅|中心|政府|委员会|办公室|站|所|院|馆)\s*(?:20\d{2}\s*年度?)?\s*"
    r"(?:累计|共计?|先后|已经?|全年|年内)?(?:申请|申报|争取|收到|获得|获批)(?!书|表|条件|指南)"
    r"|(?:单位|公司|企业|集团|农户|群众|个人|业主)(?:[(（][^()（）]{1,20}[)）])?(?:自筹|配套|出资|自有)(?:资金|经费)?$"
)


#: the labels of a form's cells, read as a value when a dump runs the cells together
_FORM_LABEL = lazy_compile(
    r"(?:[省市县区州]级|中央|地方|上级)?(?:项目名称|专项名称|单位名称|主管部门|主管单位|财政部门|实施单位|项目单位|承担单位|资金使用单位|预算单位|填报单位|填报类型|项目负责人|负责人|联系人|联系电话|项目属性|项目类型|"
    r"项目期|项目资金|资金情况|年初预算数|全年预算数|全年执行数|执行率|绩效指标|[一二三]级指标|年度总体目标)"
)


#: a form's label for a person or contact, which a dump glues to the name before it ('…建设项目项目负责人及电话'):
#: no project name holds one
_CONTACT_LABEL = lazy_compile(r"(?:项目)?负责人|联系人|联系电话|主管部门|实施单位|填报单位|填报人")
#: a short line naming an office or firm ('河南分所', '××会计师事务所'): who wrote or signed, not a project
_OFFICE = lazy_compile(r"^[^\d，。]{0,8}(?:分所|事务所|分公司|有限公司|分局|支队|大队)$")


#: the body a fund belongs to, written before it: 'X市X区水务局' (衔接资金)
_OWNER = lazy_compile(r"^[^\d，。；;:：、]{2,24}?(?:局|委员会|办公室|中心|政府|委|办|院|所|站)")


#: A name opening with how many people or things it pays for: '19名百岁老人高龄津贴', '13宗水库除险加固工程'.
_COUNTED_NAME = lazy_compile(
    r"^\d+(?:名|个|所|户|座|宗|处|条|家|项)[\u4e00-\u9fff].*(?:项目|工程|经费|资金|津贴|补贴|补助|费)$")


def _goal_label(text: str) -> bool:
    from reportparse.parse.form.labels import matches

    return matches("goal.expected", text) or matches("goal.achieved", text)


def valid_candidate(name: str) -> bool:
    """Is a text fragment plausibly a project name (not a clause, number or generic phrase)?"""
    return _reads_as_name(name, sources=False)


def evaluated_fund_name(name: str) -> bool:
    """Is the fragment a fund's name, words of a source of money but no clause ('财政专项扶贫资金')? Such a
    fund is a report's subject when the report says it evaluates that fund and names no project."""
    bare = _QUALIFIER.sub("", strip_name(name))  # ('…补助资金(第一批)': a tranche of the fund)
    if _OWNER.sub("", NAME_YEAR.sub("", bare)) in bare_fund_kinds():
        return False  # ('X镇人民政府专项资金': a body's money of a kind, no fund named)
    return len(bare) >= 5 and is_fund_source(bare) and _reads_as_name(name, sources=True) and core(bare) not in GENERIC


#: a figure standing between words, as a form's cells run together put a value between two labels
#: ('中央补助安排0省级财政安排0其他资金')
_VALUE_BETWEEN_WORDS = lazy_compile(r"[\u4e00-\u9fff]\d+(?:\.\d+)?(?=[\u4e00-\u9fff])")


def _run_of_fund_cells(rest: str) -> bool:
    """Is the fragment a form's fund rows run together, label value label value … ending in a fund row's
    label of the label table (其他资金, 上年结转, 财政资金 …), not a name ('60岁老兵补助', '二期' stay)?"""
    from reportparse.parse.form.labels import matches

    values = list(_VALUE_BETWEEN_WORDS.finditer(rest))
    return bool(values) and matches("form.fund_row_open", rest[values[-1].end():])


#: a part that names a project or a fund of its own ('人员经费', 'A项目', '二期工程')
_WHOLE_NAME_END = lazy_compile(r"(?:项目|资金|经费|费|工程|补助|补贴|专项)$")


def names_spending_category(text: str) -> bool:
    """Does `text` name one of a body's running-cost categories (“三公”经费, 会议费 …)?"""
    return SPENDING_CATEGORY.search(QUOTES.sub("", text)) is not None


def _joined_parts(rest: str, name: str) -> str:
    """One name whose parts a 、 joins ('安置房三期、四期项目', '芦冲村、升平村耕地提质改造项目', '办公宿舍楼、
    食堂及餐厅暖通改造经费'), read without the 、: the name ends as a project or fund does, and no part before the last
    names a project or fund of its own, as the items of a list do ('人员经费、公用经费', 'A项目、B项目')."""
    parts = rest.split("、")
    # (the name's end before a bracketed qualifier: '…养护项目(2021年度)' ends as a project does)
    if len(parts) < 2 or not _WHOLE_NAME_END.search(_QUALIFIER.sub("", name).strip()) or any(
            len(p) < 2 or _WHOLE_NAME_END.search(p) for p in parts[:-1]):
        return rest  # (and the whole ends as a name does: '半年报告、全年报' wrapped out of a note is none)
    return "".join(parts)


#: the longest a name runs (its year and qualifiers cut), and a project's or works' name
_LONGEST_NAME, _LONGEST_WORKS_NAME = 40, 50


def _reads_as_name(name: str, sources: bool) -> bool:
    """valid_candidate's tests; `sources`: a source of money's words (中央专项资金) may make the name."""
    s = strip_name(name)
    if names_spending_line(s) or _WRITTEN_DATE.fullmatch(s):
        return False
    rest = _joined_parts(_QUALIFIER.sub("", NAME_YEAR.sub("", _QUALIFIER.sub("", s))), name)  # (a bracketed year first)
    # (a works may carry its builder's whole name, 'X市Y机械租赁有限责任公司沥青混凝土材料储存…封闭库升级改造项目': a
    # name that calls itself a project or works may run longer than others)
    # (one phrase: a run of a header's column labels set apart by spaces is no name, however it ends)
    longest = _LONGEST_WORKS_NAME if re.search(r"(?:项目|工程)$", QUOTES.sub("", name)) and not re.search(
        r"\s", name.strip()) else _LONGEST_NAME
    if not 3 <= len(rest) <= longest or _NOT_IN_A_NAME.search(rest) or rest[0] in _PAGE_BULLETS:
        return False  # (a mirror page's link list, '•相关推荐', is the page's furniture, no name)
    if _run_of_fund_cells(rest):
        return False
    if rest[0].isdigit() and not _COUNTED_NAME.match(rest):
        return False  # a figure, not a name ('19名百岁老人高龄津贴' counts what the project pays for)
    # a half-width comma may list a name's parts ('村内干道,巷道路面硬化建设项目'), but a part opening
    # like a new clause ('…监督检查,现将我办…经费', '…建设项目,项目') shows a sentence read as a name
    if any(len(part) < 3 or _bad_start(part) or _VERB_LED.match(part) for part in rest.split(",")[1:]):
        return False
    if _bad_start(rest) or _NOT_A_NAME.search(rest) or _CLAUSE.search(rest) or _FORM_LABEL.fullmatch(rest):
        return False
    if _MONEY_CLAUSE.search(rest) and not re.search(r"(?:项目|工程)$", name.strip()):
        return False
    if _CONTACT_LABEL.search(rest) or _OFFICE.match(rest):
        return False
    if _goal_label(rest):
        return False  # a form's 年度预期目标 / 具体完成情况 column label, printed alone on its line
    # '2022年衔接资金', 'X区水务局2022年衔接资金': a year's or a body's fund, no project (but 'X局…资金项目'
    # names the project the fund pays for)
    owned = not name.strip().endswith("项目") and is_fund_source(_OWNER.sub("", rest))
    if not sources and (is_fund_source(s) or is_fund_source(rest) or owned):
        return False
    # ('某县农业农村局2023年度项目支出': a body's spending of a kind, the report's topic, no project; but
    # '某嘎查牧业服务站建设项目' is a project whatever its owner-like start)
    # ('温岭市财政支出项目', '某县项目支出': a place's spending of a kind, a template's or genre's title, no project)
    return (core(rest) not in GENERIC and core(_OWNER.sub("", rest)) not in _SPENDING_KINDS
            and core(_PLACE.sub("", rest)) not in _SPENDING_KINDS)


#: a place (and its level) before a kind of spending: '温岭市', '某县', '省级', or a level cut from its place, '级'
_PLACE = lazy_compile(r"^(?:[^\d，。；;:：、]{0,12}?(?:省|市|县|区|州|旗|盟))?级?")


#: '公共就业服务能力提升示范项目(以下简称“示范项目”)': the short form a report gives a name, in brackets after it
ABBREVIATION = lazy_compile(
    r"(?P<before>[^，,。；;：:、（）()“”《》\s]{4,80})[(（](?:以下|下文|下同)?[，,]?(?:简称|称)(?:为)?[:：]?"
    r"[“\"‘']?(?P<short>[^”\"’'()（），,。]{2,20}?)[”\"’']?[)）]")


#: an enumerating word at a list item's start: '一是', '二是', '其一', '其三'; or a subtitle's dash, '——X项目'
_ENUMERATOR = lazy_compile(
    r"^(?:[一二三四五六七八九十]是|其[一二三四五六七八九十](?=[^一二三四五六七八九十])|[—－―]+)\s*[，,:：]?\s*")


@dataclass
class ProjectName:
    """One project's spellings as written, with how often each was seen."""

    spellings: dict[str, int] = field(default_factory=dict)
    order: int = 0

    def add(self, spelling: str, weight: int = 1) -> None:
        self.spellings[spelling] = self.spellings.get(spelling, 0) + weight

    def canonical(self) -> str:
        """The most complete of the spellings the report uses more than once (else the most used)."""
        counts: dict[str, int] = {}
        for s, n in self.spellings.items():
            key = strip_name(s)
            counts[key] = counts.get(key, 0) + n
        repeated = [s for s, n in counts.items() if n >= 2]
        if repeated:
            return max(repeated, key=lambda s: (len(s), counts[s]))
        return max(counts, key=lambda s: (counts[s], len(s)))

    def aliases(self) -> list[str]:
        name = self.canonical()
        out: list[str] = []
        for s in self.spellings:
            for form in (s.strip(), strip_name(s)):
                if form != name and form not in out:
                    out.append(form)
        return out


#: a name field's label in front of the name it holds: '项目名称', '资金名称：'
_LABEL_IN_FRONT = lazy_compile(r"^(?:项目|专项资金|资金|专项)名称\s*[:：]?\s*")


@dataclass
class Registry:
    """All projects of a report, built from candidate spellings."""

    projects: list[ProjectName] = field(default_factory=list)
    distinct: set[frozenset[str]] = field(default_factory=set)

    def add(self, spelling: str, weight: int = 1) -> ProjectName | None:
        """Add a spelling: join the project it names, or start a new project."""
        # (an enumerating word read with the name it opens, '一是X项目', '其二Y工程': the item's mark, no part of it)
        spelling = _ENUMERATOR.sub("", spelling.strip())
        # (a name run onto its field's label, '项目名称X工程', a dump having dropped the cell's rule: no part of it)
        spelling = _LABEL_IN_FRONT.sub("", spelling) if len(_LABEL_IN_FRONT.sub("", spelling)) >= 3 else spelling
        if not valid_candidate(spelling):
            return None
        match = self.find(spelling)
        if match is None:
            match = ProjectName(order=len(self.projects))
            self.projects.append(match)
        match.add(spelling, weight)
        return match

    def find(self, spelling: str) -> ProjectName | None:
        """The project a spelling names, if any (and not kept apart by an enumeration)."""
        best: ProjectName | None = None
        for project in self.projects:
            for s in project.spellings:
                if core(s) == core(spelling):
                    return project
        for project in self.projects:
            if any(frozenset((core(s), core(spelling))) in self.distinct for s in project.spellings):
                continue
            if any(same_project(s, spelling) for s in project.spellings):
                best = project
                break
        return best

    def holding(self, spelling: str) -> ProjectName | None:
        """The one project whose name the spelling contains with words around it ('天津市雪亮工程转移支付'
        holds '雪亮工程'): a title naming the project with its place and fund words."""
        whole = core(spelling)
        held = [p for p in self.projects if any(len(core(s)) >= 4 and core(s) in whole for s in p.spellings)]
        return held[0] if len(held) == 1 else None

    def merge_abbreviations(self, texts: list[str], keep: ProjectName | None = None) -> None:
        """A name the report shortens ('X示范项目(以下简称“示范项目”)') and its short form are one project: the
        spellings of the short form ('示范项目资金') join the project of the full name, which names it."""
        for text in texts:
            for found in ABBREVIATION.finditer(text):
                short = core(found.group("short"))
                before = strip_name(NAME_YEAR.sub("", found.group("before")))
                fulls = [p for p in self.projects
                         if any(len(core(s)) > len(short) and before.endswith(strip_name(NAME_YEAR.sub("", s)))
                                for s in p.spellings)]
                shorts = [p for p in self.projects if p not in fulls and any(core(s) == short for s in p.spellings)]
                if len(fulls) != 1 or not shorts:
                    continue
                full = fulls[0]
                into = keep if keep in shorts else full
                for other in (full, *shorts):
                    if other is not into:
                        for spelling, count in other.spellings.items():
                            into.add(spelling, count)
                        self.projects.remove(other)
                if valid_candidate(found.group("short")):
                    into.add(found.group("short"))  # (what the report calls the project from here on)
                name = max(full.spellings, key=len)
                into.add(name, max(into.spellings.values()))  # (the full name is the project's name)

    def keep_apart(self, names: list[str]) -> None:
        """Names listed as separate items of one enumeration are different projects."""
        cores = [core(n) for n in names]
        for i, a in enumerate(cores):
            for b in cores[i + 1:]:
                if a != b:
                    self.distinct.add(frozenset((a, b)))
