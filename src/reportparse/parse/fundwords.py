"""The words of a fund and of its money's sources, from `lexicon/fund_words.json`."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reportparse.lexicondata import alternation, lexicon


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    data: dict[str, Any] = lexicon("fund_words.json")
    return data


@lru_cache(maxsize=1)
def further_source() -> re.Pattern[str]:
    """What a further source of the year's money is called with no verb ('；上级补助48.41万元', '省级追加资金10万元',
    '县级配套资金10万元'), closing the clause before its amount."""
    words = _lexicon()["further_sources"]
    return re.compile(rf"(?:{alternation(words['levels'])})?(?:财政)?(?:{alternation(words['words'])})"
                      rf"(?:{alternation(words['nouns'])})?\s*(?:为|是|[:：])?\s*$")


@lru_cache(maxsize=1)
def fund_endings() -> tuple[str, ...]:
    """What the name of a fund ends in: '资金', '经费', '专项', '转移支付' …"""
    return tuple(_lexicon()["fund_endings"])


@lru_cache(maxsize=1)
def names_opening_with_gong() -> tuple[str, ...]:
    """Words that open a name with 共 ('共青团', '共产党', '共同'): no '共60万元' total before the name."""
    return tuple(_lexicon()["names_opening_with_gong"])


@lru_cache(maxsize=1)
def bare_fund_kinds() -> frozenset[str]:
    """Kinds of money that name no fund ('专项资金', '转移支付资金'): a title's words, no project's name."""
    return frozenset(_lexicon()["bare_fund_kinds"])


@lru_cache(maxsize=1)
def paid_out() -> str:
    """The words of money paid out to its recipients, the verb right before the amount ('全年发放356.4万元', '共使用
    补助资金231.4万元', '兑现奖补资金'), as a pattern to end a text with; a plan or a duty said right before the verb
    ('计划发放', '用于发放', '待兑现') is none. A verb with nothing after it pays out only after a word that makes it
    one ('全年发放', '已兑现', or a clause's start): '低保金发放80万元' names a use of the money, an item."""
    words = _lexicon()["paid_out"]
    not_yet = "".join(f"(?<!{re.escape(w)})" for w in words["not_yet"])
    verb = rf"(?:{alternation(words['verbs'])})(?:了)?(?:{alternation(words['recipients'])})?"
    money = alternation(words["money"])
    with_object = (rf"(?:{alternation(words['objects'])})?(?:(?:{alternation(words['nouns'])})(?:{money})?"
                   rf"|[\u4e00-\u9fff]{{0,6}}?(?:{money}))")
    lead = "|".join([r"(?<=^)", r"(?<=[，,；;。:：\s])", *(f"(?<={re.escape(w)})" for w in words["leads"])])
    ending = r"\s*(?:为|共|共计|合计|总计|达)?\s*$"
    return rf"{not_yet}{verb}{with_object}{ending}|(?:{lead}){verb}{ending}"


@lru_cache(maxsize=1)
def project_money() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The money a single project is carried out with, said with no verb of budget or spending: the label of its
    source closing the clause before the amount ('项目资金来源为X资金120万元', '资金来源：X资金60万元'), and the words
    right after the amount that name the report's own project ('…95万元实施该项目', '…85万元用于实施本项目')."""
    words = _lexicon()["project_money"]
    source = re.compile(rf"(?:{alternation(words['source_labels'])})\s*(?:为|是|[:：])[^，,。；;\d]{{0,30}}$")
    this = re.compile(rf"^\s*(?:{alternation(words['carried_out'])})?\s*(?:{alternation(words['this_project'])})")
    return source, this
