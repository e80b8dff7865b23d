"""The one project or fund an excerpt's opening sentences introduce, when no title or statement names it.

A page cut before its title, or a copy that begins in the middle of a report, still opens with the sentence that
introduces what it accounts for:

- the body telling what it carried out: '我局2023年实施的X项目，共铺设…', '2021年，我县实施了X工程，…',
  '本单位组织实施X项目，…';
- the money of a fund, allotted: '2022年X资金共下达我县3500万元，…', 'X资金共计下达186万元'.

`narrative` asks for it only when nothing else names the report's one subject (the title, an opening statement),
after the allotment heading of the transfer-payment template (`allotted_subject`) and before the names the opening
repeats (`repeated_fund`, `repeated_source_fund`), which it guesses from last. The rules read the parser's reading
copy (simplified characters, no pinyin glosses).
"""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.parse.names import evaluated_fund_name, is_fund_source, valid_candidate
from reportparse.parse.reading import reading_copy
from reportparse.parse.subject import BODY, TRANSFER_FUND

#: the body speaking of itself, or the place it answers for: 我局, 本单位, 我县, 我镇
_SELF = r"(?:我|本)(?:局|委|办|厅|中心|单位|部门|县|市|区|州|旗|镇|乡|街道|校|院|站|所|馆|村)"
#: a year, and the month it may give: '2023年', '2021年度', '2022年3月'
_WHEN = r"(?:于)?\s*20\d{2}\s*年度?(?:\s*\d{1,2}\s*月(?:份)?)?"
#: what a project's or works' name ends in
_WORKS_END = r"(?:项目|工程)"
#: the words of a name: no punctuation, figures, quotation or book marks
_NAME_CHARS = r"[^，,。；;：:、“”《》()（）\s\d]"
#: the purpose or the basis a sentence may state before its body and verb: '为加快推进农业现代化，夯实粮食安全基础，',
#: '根据县委县政府工作部署，' (clauses up to the one that opens with a year or the body)
_LEAD = r"(?:(?:为了?|根据|按照|依据|围绕)[^。；;！？]{2,80}?[，,]\s*)?"
#: '我局2023年实施的X项目，…' / '2021年，我县实施了X工程' / '本单位组织实施X项目': the body's own project
_CARRIED_OUT = lazy_compile(
    # (or a body named: '2022年，县人社局组织实施了X项目')
    # (after the purpose or the basis it states first: '为夯实粮食安全基础，2023年我局实施了X项目')
    rf"^{_LEAD}(?:{_WHEN}\s*[，,]?\s*)?(?:{_SELF}|[^，,。；;：:\s\d]{{2,20}}?{BODY})\s*(?:{_WHEN})?\s*"
    # (the money it put in first: '我镇于2023年投资150万元实施了X项目')
    r"(?:(?:投资|投入)\s*[\d.]+\s*万?元\s*)?"
    r"(?:共|新|继续|组织|负责|牵头)?\s*(?:实施|建设|开展|承建|承担)(?:了|的)?"
    rf"(?P<name>{_NAME_CHARS}{{4,40}}?{_WORKS_END})"
    # (the name ends where its sentence goes on: a comma, what it did, when it began, how much it cost)
    r"(?=[，,。；;]|共|总投资|计划投资|于|位于|主要|是|系|由|$)"
)
#: '我局承担的X专项资金，2024年预算安排95万元' / '我局2023年度共安排X经费80万元': a body's own fund, the one it says
#: it carries or manages, or the money it set aside (its amount right after the name)
_BODYS_FUND = lazy_compile(
    rf"^{_LEAD}(?:{_WHEN}\s*[，,]?\s*)?{_SELF}\s*(?:{_WHEN})?\s*"
    r"(?:(?P<carries>(?:承担|负责|管理|主管|使用)(?:实施)?的)"
    r"|(?:共|累计)?(?:安排|投入|争取|筹集|获得|收到)(?:了|到)?(?:上级|中央|省级?|市级?|县级?)?(?:财政)?)"
    rf"(?P<name>{_NAME_CHARS}{{4,40}}?(?:资金|经费|补助|补贴|转移支付))"
    r"(?(carries)(?=[，,。；;]|\s*20\d{2}\s*年|共|预算|全年|$)|(?:共|合计|共计)?\s*(?=\d))"
)
#: '2023年我局承担的主要项目为X项目，…' / '本单位实施的项目是X工程': the body's project named after 为/是
_PROJECT_IS = lazy_compile(
    rf"^{_LEAD}(?:{_WHEN}\s*[，,]?\s*)?(?:{_SELF}|[^，,。；;：:\s\d]{{2,20}}?{BODY})\s*(?:{_WHEN})?\s*"
    r"(?:组织|负责)?(?:实施|承担|负责|建设)(?:实施)?的(?:主要|重点|唯一)?(?:项目|工程)(?:为|是)(?!指)\s*"
    rf"(?P<name>{_NAME_CHARS}{{4,40}}?{_WORKS_END})(?=[，,。；;]|$)"
)
#: '2022年X资金共下达我县3500万元' / 'X资金共计下达186万元': a fund opening its sentence with its allotment
_ALLOTTED = lazy_compile(
    # (the giver and its verb may come first, '中央财政下达我县X资金…': the name is what was handed down)
    # (the giver a body: '县财政局下达我镇X专项资金150万元')
    # (or the verb alone after the notice it cites: '根据《…的通知》，下达我县X资金420万元'; '县财政安排我局X经费')
    rf"^{_LEAD}(?:{_WHEN}\s*[，,]?\s*)?(?P<given>(?:(?:上级|中央|省级?|市级?|县级?)(?:财政)?(?:局|厅)?)?(?:共|累计)?"
    r"(?:下达|拨付|安排)(?:给)?"
    r"(?:我(?:县|市|区|镇|乡|局|单位))?)?"
    rf"(?P<name>{_NAME_CHARS}{{4,40}}?(?:资金|经费|补助|补贴|转移支付))"
    # (then its verb, or, after the giver's verb, its amount: '…下达我县X资金共计300万元')
    r"(?:共计|合计|总计|共|累计)?\s*(?(given)(?:下达|拨付|到位|安排|\d)|(?:下达|拨付|到位|安排))"
)
#: a fund allotted anywhere in a clause, with its amount: '县级财政年初安排X资金40万元'
_ALLOTS = lazy_compile(rf"(?:下达|拨付|安排)(?:我(?:县|市|区|镇|乡|局|单位))?"
                       rf"(?P<name>{_NAME_CHARS}{{4,40}}?(?:资金|经费|补助|补贴))\s*\d")
#: '本次评价对象为X项目' / '评价对象：X资金': what the evaluation names as its object
_OBJECT = lazy_compile(
    r"^(?:本次)?(?:绩效)?(?:自评|评价)(?:的)?对象(?:为|是|[:：])\s*(?:20\d{2}\s*年度?)?"
    rf"(?P<name>{_NAME_CHARS}{{4,40}}?(?:项目|工程|资金|经费|补助|补贴|专项|转移支付))(?=[，,。；;]|$)")
#: 'X项目是我县2022年重点民生实事' / 'X工程系…': a paragraph opened by what its project is
#: (not a term defined, '政府投资项目是指…'), or by who pays for it or where it lies: 'X项目，由县级财政全额安排，…',
#: 'X工程，总投资500万元，…', 'X项目，位于…'
_DEFINED = lazy_compile(rf"^(?P<name>{_NAME_CHARS}{{4,40}}?{_WORKS_END})(?:[(（]以下简称[^()（）]{{1,12}}[)）])?"
                        r"(?:(?:是|系)(?!指)|于\s*20\d{2}\s*年|[，,]\s*"
                        r"(?:由[^，,。]{0,12}(?:财政|资金|安排|拨款|实施|承担|负责|建设)|总投资|计划投资|位于|地处"
                        r"|于\s*20\d{2}\s*年))")
#: the words of a project's money after its name: 'X项目预算资金', 'X工程资金'
_PROJECTS_MONEY = lazy_compile(r"(?<=项目|工程)(?:预算|补助|专项)?(?:资金|经费)$")
#: a name that gathers or counts several: '各类项目', '其他工程', '上述项目', '三个村道路项目'
_SEVERAL = lazy_compile(r"各类|各项|若干|其他|其它|上述|以上|一批|[一二三四五六七八九十两]个")
#: two names joined into one phrase: 'X项目和Y工程', 'X资金及Y经费'
_TWO_JOINED = lazy_compile(r"(?:项目|工程|资金|经费|专项|补助|补贴)(?:和|及|与|以及|、)")


def introduced_subject(opening: list[str]) -> str | None:
    """The project or fund the first sentence of the opening paragraphs introduces, if one does."""
    for text in opening:
        folded = reading_copy(text).strip()
        sentences = [part.strip() for part in re.split(r"(?<=[。；;！？])", folded)]
        for at, sentence in enumerate(sentences[:2]):  # (the paragraph's opening sentences only)
            # (the project named after 为 first: '我局承担的主要项目为X项目' carries out X, not '主要项目为X')
            for named in (_PROJECT_IS.match(sentence), _CARRIED_OUT.match(sentence), _OBJECT.match(sentence),
                          _DEFINED.match(sentence), _BODYS_FUND.match(sentence)):
                if named and _one_name(named.group("name")) and valid_candidate(named.group("name")):
                    return named.group("name")
            allotted = _ALLOTTED.match(sentence)
            # (a project's money named with it, 'X项目预算资金': the project is X项目, the rest the money's kind)
            name = _PROJECTS_MONEY.sub("", allotted.group("name")) if allotted else ""
            # (a transfer payment's fund, whose 支付资金 the name tests read as a payment: a fund by its words)
            if allotted and _one_name(name) and (valid_candidate(name) or evaluated_fund_name(name)
                                                 or TRANSFER_FUND.match(name)):
                # (a clause next to it allotting another fund, '…安排X资金40万元；安排Y经费12万元': the opening
                # introduces several, none of them the report's one subject)
                near = (_ALLOTS.search(other) for other in sentences[max(0, at - 1):at + 2])
                if any(other and other.group("name") != allotted.group("name") for other in near):
                    return None
                return name
    return None


def _one_name(name: str) -> bool:
    """Does the phrase name one project or fund, not a class or a count of several, nor two joined ('X项目和Y工程')?"""
    return _SEVERAL.search(name) is None and _TWO_JOINED.search(name) is None


#: the runs of words a text holds between its punctuation, figures and years ('下达了20xx年X资金,我乡…获得')
_RUN_BREAK = lazy_compile(r"(?:20[\dxX×]{2}|[xX×]{2})\s*年度?|[^\u4e00-\u9fff]+")
#: a run that opens a clause about money, not a name: a comparison or a preposition ('比计划安排资金超出9%',
#: '按计划拨付资金'), or the money's status ('实际到位资金', '年初预算安排资金')
_CLAUSE_LEAD = lazy_compile(r"^(?:比|较|与|同|按|按照|根据|依据|经|由|从|在|为|对|将|把|被|给|向|以|其中|共|合计|实际|"
                            r"计划|预算|年初|全年|本年|当年|上年|申请|申报|下达|下拨|拨付|安排|投入|享受)")
#: a word a name found in a run never starts inside: a money verb ('下达中央补助资金' gives no '达中央补助资金') or
#: a clause's two-character lead ('实际享受市级缴费补贴' gives no '际享受市级缴费补贴')
_WORD_NOT_CUT = lazy_compile(
    r"下达|下拨|拨付|安排|投入|申请|申报|筹集|享受|按照|根据|依据|实际|计划|预算|年初|全年|本年|当年|上年|合计")
#: where a fund or project name may end within a run
_NAME_END = lazy_compile(r"(?:资金|经费|补助|补贴|项目|工程)")


def repeated_fund(opening: list[str], text: list[str] | None = None) -> str | None:
    """The fund or project a report that never states its subject keeps naming in its opening.

    A page may lose its title, or a template's title names nothing ('项目的绩效自评报告篇一'); its first
    paragraphs still name what they account for, the same words each time ('下达了20xx年X资金…获得20xx年
    X资金50万元…拨付X资金'). The longest name-like run that ends in a fund's or project's word and
    occurs in at least two places is that subject."""
    # (a verb before the name, '获得X资金', makes a longer run only where it recurs; the clause tests of
    # valid_candidate turn such a run down, and the bare name, seen as often, follows it)
    # (a cited notice's title, 《关于下达…X专项资金预算的通知》, names what the notice is about, not the report)
    names = repeated_names([_CITED.sub("。", t) for t in opening])
    if text is None or not names:
        return next(iter(names), None)
    # of the names the opening repeats, the one the whole text names most often ('我县学前教育项目…' four times
    # against a fund two of its items name twice); of names as frequent, the longest (the first of the list)
    body = [_CITED.sub("。", reading_copy(t)) for t in text]

    def own_mentions(name: str) -> int:
        # (a name's tail is named wherever the name is: '集体经济资金' counts only where it stands without
        # '中央专项扶持壮大村', else the tail of every fuller name would outnumber it)
        fuller = [other for other in names if other != name and name in other]
        count = 0
        for t in body:
            covered = {start + other.index(name) for other in fuller for start in _starts(t, other)}
            count += sum(1 for start in _starts(t, name) if start not in covered)
        return count

    return max(names, key=own_mentions)


def _starts(text: str, word: str) -> list[int]:
    """Where `word` starts in `text`."""
    return [m.start() for m in re.finditer(re.escape(word), text)]


#: a cited document's title
_CITED = lazy_compile(r"《[^》]*》")


def repeated_source_fund(opening: list[str]) -> str | None:
    """The fund a report that never states its subject keeps naming in its opening, when that fund's words are
    all a source's ('获得财政衔接资金…', '(一)财政专项衔接资金下达预算…', '规范财政专项衔接资金管理'): with no
    project named anywhere, the fund is what the report accounts for. The longest such run named at least
    twice, not a tail of a longer one named as often."""
    seen = _runs_seen([_CITED.sub("。", t) for t in opening])
    funds = [name for name, count in seen.items() if count >= 2 and 5 <= len(name) <= 40
             and not _CLAUSE_LEAD.match(name) and evaluated_fund_name(name) and not _counted_kind(name, opening)]
    funds = [name for name in funds if not any(len(o) > len(name) and o.endswith(name) and seen[o] == seen[name]
                                               for o in funds)]
    return max(funds, key=lambda n: (len(n), n), default=None)


def repeated_names(opening: list[str]) -> list[str]:
    """Every name-like run `repeated_fund` may choose from, longest first."""
    seen = _runs_seen(opening)
    repeated = sorted((n for n, count in seen.items() if count >= 2 and len(n) <= 40),
                      key=lambda n: (-len(n), n))
    # a run a source of money's words hold wherever it occurs is a cut of those words, no name: '财政专项衔接
    # 资金' is a source, and '政专项衔接资金', seen exactly as often, only its tail
    sources = [n for n in repeated if is_fund_source(n)]
    # (a kind of project the text counts, '敏感涉密项目0个', '新建项目3个': a class, no name, however often named)
    folded = [reading_copy(text) for text in opening]
    return [name for name in repeated if len(name) >= 6 and not _CLAUSE_LEAD.match(name) and valid_candidate(name)
            and not any(len(s) > len(name) and s.endswith(name) and seen[s] == seen[name] for s in sources)
            and not _counted_kind(name, folded)]


def _runs_seen(opening: list[str]) -> dict[str, int]:
    """Each name-like run of the texts (ending in a fund's or project's word), with the number of runs it ends."""
    seen: dict[str, int] = {}
    for text in opening:
        for run in _RUN_BREAK.split(reading_copy(text)):
            run = re.sub(r"^年度?", "", run)
            found = set()
            for end in _NAME_END.finditer(run):
                # (a name is at most 40 characters: a long run without punctuation, '项目资金执行情况' pasted over
                # and over, gives each name end 40 starts, not one per character before it)
                for start in range(max(end.end() - 40, 0), max(end.end() - 4, 0) + 1):
                    if start == 0 or not _WORD_NOT_CUT.fullmatch(run[start - 1:start + 1]):
                        found.add(run[start:end.end()])
            for name in found:
                seen[name] = seen.get(name, 0) + 1
    return seen


def _counted_kind(name: str, texts: list[str]) -> bool:
    """Does the text count the name's items ('X项目0个', 'X项目共3个'): a kind of project, not one?"""
    counted = re.compile(re.escape(name) + r"\s*(?:共|合计)?\s*\d+\s*个")
    return any(counted.search(t) for t in texts)


#: the transfer-payment self-evaluation template's first section heading, which names the fund handed down:
#: '(一)中央下达X转移支付预算和绩效目标情况', '(一)下达X项目预算和绩效目标情况'
_ALLOTTED_HEADING = lazy_compile(
    r"^\s*(?:[(（][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、．])?\s*"
    r"(?:中央|省级?|市级?|州级?|县级?|自治区)?(?:财政)?下达(?:的)?"
    r"(?P<name>[^，,。；;:：()（）\s]{3,40}?)(?:预算|资金)?和(?:区域)?绩效目标(?:分解)?(?:情况|执行情况)?[。.]?$")


def allotted_subject(texts: list[str]) -> str | None:
    """The fund a report that states no subject names in the transfer-payment template's heading
    '(一)中央下达X转移支付预算和绩效目标情况' (its title lost, or a template's that names nothing)."""

    for text in texts:
        heading = _ALLOTTED_HEADING.match(reading_copy(text))
        if heading and (valid_candidate(heading.group("name")) or evaluated_fund_name(heading.group("name"))):
            return heading.group("name")
    return None
