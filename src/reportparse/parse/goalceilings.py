"""A result stated first, then the ceiling it is held under, in words only a target takes after a result:
'城镇登记失业率2.42%，控制在4.5%以内', '平均住院日8.6天，严格控制在9天以内'. Read for parse/goalstated.py, which names
the result clause and builds the goal (a task the result completes a share of, '培训2399人，完成市目标任务数2000人的
120%', is parse/goaltasks.py's task_shares). The words are in `lexicon/stated_goals.json` (ceiling_leads).
"""

from __future__ import annotations

import re
from functools import cache

from reportparse.lexicondata import alternation, lexicon
from reportparse.parse.goalwords import figures
from reportparse.parse.quantities import Mention

#: an aside in brackets after a result's figure ('8.6天（含转诊病人）'): no figure of the result's own
_ASIDE = re.compile(r"[（(][^（）()]{1,16}[)）]")


@cache
def _ceiling() -> re.Pattern[str]:
    leads = alternation(lexicon("stated_goals.json")["ceiling_leads"])
    return re.compile(rf"^\s*(?:{leads})\s*(?P<figure>\d[^，,；;。]*?)\s*(?:以内|以下|之内)\s*$")


def without_aside(clause: str) -> str:
    """The clause with a bracketed aside blanked out, its length kept ('774人(共24期)' → '774人       ')."""
    return _ASIDE.sub(lambda m: " " * len(m.group()), clause)


def ceiling_target(compared: str, result: Mention) -> tuple[Mention, str] | None:
    """The ceiling a clause after a result states in the result's unit, as (figure, its words as printed)."""
    if _ceiling().match(compared) is None:
        return None
    aims = figures(compared)
    if len(aims) != 1 or aims[0].unit != result.unit:
        return None
    return aims[0], compared.strip()
