"""The projects a unit's whole project money is split into: '项目支出预算合计230万元，其中：A项目120万元，B项目80万元，
C补助30万元', '共实施项目3个，总投资980万元，具体为：A工程620万元、B项目260万元、C补助100万元'.

A 其中 list is read elsewhere as the parts of the amount before it: the sources of a project's money (中央资金,
省级资金) or its cost items (设备购置费), none a project of its own unless it calls itself one. Here the whole is
no one project's: its label is the unit's project money as such (项目支出, 项目预算), or an amount right after a
count of projects. Its parts are then the projects, whatever their names end in, when every amount of the list has a
name, none of them a source of money, and the parts add up to the whole (so a list of some of the projects, or of a
project's costs, is never read as one).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from reportparse.lexicondata import alternation, lexicon
from reportparse.parse.evidence import Sentence
from reportparse.parse.fundnames import PROJECT_COUNT, name_fragments, names_a_project
from reportparse.parse.names import is_fund_source, valid_candidate
from reportparse.parse.quantities import Mention, money


@lru_cache(maxsize=1)
def _words() -> dict[str, list[str]]:
    data: dict[str, list[str]] = lexicon("fund_words.json")["project_totals"]
    return data


@lru_cache(maxsize=1)
def _collective_whole() -> re.Pattern[str]:
    """The label of the unit's money for all its projects ('2023年我局项目支出预算合计', '本单位项目资金共计'):
    the unit and year may lead it, no name does."""
    words = _words()
    return re.compile(
        rf"^(?:\d{{4}}\s*年度?|{alternation([*words['units'], *words['leads']])}|\s)*(?:{alternation(words['wholes'])})"
        rf"(?:{alternation(words['totals'])})?\s*(?:为|是|达)?\s*$")


@lru_cache(maxsize=1)
def _counted_whole() -> re.Pattern[str]:
    """The label of an amount said right after a count of projects ('共实施项目3个，总投资980万元')."""
    words = _words()
    return re.compile(rf"^\s*(?:{alternation(words['counted_wholes'])})(?:{alternation(words['totals'])})?"
                      r"\s*(?:为|是|达)?\s*$")


@lru_cache(maxsize=1)
def _list_opens() -> re.Pattern[str]:
    """What opens the list of parts right after the whole's amount: '，其中：', '，具体为：', '。分别是'."""
    return re.compile(rf"[\s，,；;。]*(?:{alternation(_words()['openers'])})\s*[:：]?\s*")


def totalled_projects(sentences: list[Sentence]) -> list[list[str]]:
    """The names of the lists of projects that split the unit's whole project money, one list each."""
    out: list[list[str]] = []
    for k, s in enumerate(sentences):
        amounts = money(s.text)
        for n, whole in enumerate(amounts):
            plural = _collective(s.text, whole)
            if plural is None:
                continue
            tail = s.text[whole.end:]
            following = sentences[k + 1] if k + 1 < len(sentences) else None
            if n == len(amounts) - 1 and not tail.strip(" ，,。；;") and following is not None \
                    and following.para is s.para:
                names = _split_names(following.text, money(following.text), whole)  # ('…230万元。其中：A…')
            else:
                names = _split_names(s.text, amounts[n + 1:], whole, start=whole.end)
            # (a bare '项目预算100万元' may be a one-project report's own: its parts are then its costs or works; only
            # the unit's project spending split among two parts or more that call themselves projects is the unit's,
            # '项目支出预算合计100万元，其中：A项目60万元，B项目30万元，C补助10万元')
            if names and (plural or ("项目支出" in s.text[:whole.start] and sum(map(names_a_project, names)) >= 2)):
                out.append(names)
            break
    return out


def _collective(text: str, whole: Mention) -> bool | None:
    """Is the amount the unit's money for all its projects: True where the unit's own word leads its label
    ('我局项目支出预算合计') or it follows a count of projects ('共实施项目3个，总投资合计980万元'); False where the
    label is the bare '项目预算' (a one-project report's word too); None where it is neither."""
    head = text[:whole.start]
    clause = re.split(r"[，,。；;：:]", head)[-1]
    if _collective_whole().match(clause):
        return re.search(alternation(_words()["units"]), clause) is not None
    before = head[:len(head) - len(clause)]
    if PROJECT_COUNT.search(before) is not None and _counted_whole().match(clause) is not None:
        return True
    return None


def _split_names(text: str, amounts: list[Mention], whole: Mention, start: int = 0) -> list[str]:
    """The names of the list of parts that opens at `start` with 其中/具体为 and adds up to the whole, else none."""
    opened = _list_opens().match(text, start)
    if opened is None:
        return []
    pos = opened.end()
    names: list[str] = []
    total = Decimal(0)
    for mention in amounts:
        if whole.value is None or mention.value is None or total >= whole.value:
            break
        gap = text[pos:mention.start]
        if re.search(r"[。]", gap):
            break
        fragments = name_fragments(gap, after_amount=bool(names))
        if len(fragments) != 1 or not valid_candidate(fragments[0]) or is_fund_source(fragments[0]):
            return []  # (an amount with no name of its own, or a source of money: no list of projects)
        names.append(fragments[0])
        total += mention.value
        pos = mention.end
    if whole.value is None or len(names) < 2 or len(set(names)) < len(names):
        return []
    return names if abs(total - whole.value) <= whole.value * Decimal("0.001") else []
