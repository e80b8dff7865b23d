"""What an amount of a money sentence is to the project it is said of, beyond its kind: the project's own
share of a larger whole ('总投资1807万元，其中中央财政X专项资金850万元' in a report on that fund, '其中250万元用于
X项目'), a use the amount before it is put to ('200万元的具体用途:①A 43.96万元'), or money a goal sentence aims at
('绩效目标:X资金完成173万元'). `parse/funds` asks these as it goes through a sentence's amounts.
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.model import Project
from reportparse.parse.fundwords import project_money
from reportparse.parse.names import strip_name

#: a sentence that states a goal: '绩效目标:…', '年度总体目标：…', '项目年度绩效目标为：…', '2022年度绩效目标：…'
GOAL_LED = lazy_compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?(?:(?:19|20)\d{2}\s*年度?)?"
                        r"(?:本|该)?(?:项目)?(?:年度|全年)?(?:总体|整体|预期)?(?:绩效)?目标\s*(?:为|是)?\s*[:：]")
#: the uses an amount is put to, listed right after it: '200万元的具体用途:①…', '，主要用于：1.…', '，用途如下：'
USES_OPEN = lazy_compile(r"^\s*[，,]?\s*(?:的)?(?:具体|主要)?(?:用途|用于|使用方向|支出方向|使用情况)"
                         r"(?:为|是|如下|包括)?\s*[:：]")
#: what an amount is said to be for, right after it: '用于', '全部用于实施', '专项用于', '拨付用于', '安排给'
_USED_FOR = lazy_compile(r"\s*(?:全部|均|专项|专门|专款|统一|主要)?(?:安排|拨付|下达)?(?:用于|用在|给)"
                         r"(?:实施|建设|开展)?")
#: the words that open a part's clause, before the part's name
_PART_OPEN_WORDS = lazy_compile(r"^\s*(?:其中|包含|包括)\s*[:：]?\s*(?:的)?")


def names_own_fund(clause: str, after: str, project: Project) -> bool:
    """Does a part's clause name the project's own fund ('其中中央财政X专项资金' in a report on 'X专项资金转移支付'),
    or the words after the part say it is for the project ('其中250万元用于X项目'), so that the part is the
    project's money rather than a share beside it?"""
    spellings = [strip_name(spelling) for spelling in (project.name, *project.aliases)]
    used_for = _USED_FOR.match(after)
    if used_for and any(len(s) >= 4 and after.startswith(s, used_for.end()) for s in spellings):
        return True
    named = _PART_OPEN_WORDS.sub("", clause).strip()
    if project_money()[1].match(named):
        return True  # ('共安排X领域资金5000万元，其中本项目资金300万元', '其中用于该项目…': the report's own project)
    if len(named) < 6:
        return False  # ('其中中央资金': a source's words, which any fund's name may hold)
    return any(named in spelling for spelling in spellings)
