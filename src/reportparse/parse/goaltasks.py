"""Goals named as tasks: a result measured against the task it completes a share of ('培训2399人，完成市目标任务数
2000人的120%'), and a task stated with its result ('我市2022年农村危房改造任务数为115户，实际完成农村危房改造264户').
Read for parse/goalprose.py (moved from parse/goallists.py)."""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.model import Indicator, Paragraph
from reportparse.parse.evidence import span_evidence
from reportparse.parse.goallists import NOT_LISTED
from reportparse.parse.goalwords import (
    YEAR_HEAD,
    clean_name,
    end_of_clause,
    figures,
    fuller_name,
    level_for,
    measured_actual,
    start_of_clause,
    target_from,
    written,
)

#: '…培训2399人，完成市目标任务数2000人的120%': the task the clause before was measured against
_TASK_SHARE = lazy_compile(r"(?:^|(?<=[，,；;]))\s*完成[^，,；;。\d]{0,8}?任务(?:数|人数|量)?\s*")
#: '农村危房改造任务数为115户，实际完成农村危房改造264户' / '…项目绩效目标14户，实际完成14户':
#: what is named before the 目标/任务 word, its target, and the result clause after it
_OWN_TARGET = lazy_compile(r"(?P<name>[^，,；;。：:]{2,40}?)(?:绩效)?(?:目标(?:任务)?|任务)(?:数|量)?\s*(?:为|是)?\s*"
                           r"(?P<target>[\d.]+\s*[^\d\s，,；;。]{1,3})\s*[，,]\s*"
                           r"(?P<result>实际完成[^，,；;。]*)")


def task_shares(para: Paragraph) -> list[Indicator]:
    """'培训2399人，完成市目标任务数2000人的120%': the clause before is the result of the task the
    完成…任务 clause names; its figure in the same unit is the target."""
    text = para.text
    out: list[Indicator] = []
    for lead in _TASK_SHARE.finditer(text):
        body_end = end_of_clause(text, lead.end())
        targets = figures(text[lead.end():body_end])
        if not targets or targets[0].unit in (None, "%"):
            continue
        target = targets[0]
        before_end = lead.start()
        while before_end > 0 and text[before_end - 1] in "，,；; ":
            before_end -= 1
        before_start = start_of_clause(text, before_end)
        # ('一是宣传工作:全年发放资料5200份，完成…任务': the label before the colon is no part of the name)
        before_start = max(before_start, *(text.rfind(colon, before_start, before_end) + 1 for colon in "：:"))
        before = text[before_start:before_end]
        results = [m for m in figures(before) if m.unit == target.unit]
        if len(results) != 1 or NOT_LISTED.search(before):
            continue
        # (the year opening the clause dates the result; a bare verb names the work the clause before counts)
        name = clean_name(YEAR_HEAD.sub("", before[:results[0].cmp_start]))
        if name is None:
            continue
        name = fuller_name(text, before_start, name)
        raw = written(text, target, lead.end())
        aim = target_from(raw, name)
        if aim.comparator == "=":  # (a task handed down is a floor: '完成任务数2000人的120%' met it)
            aim = aim.model_copy(update={"comparator": ">=", "bare_number": False})
        indicator = Indicator(level=level_for(name, target), name=name, target=aim,
                              in_goal_table=True, evidence=[span_evidence(para, before_start, body_end)])
        indicator.actuals.append(measured_actual(para, results[0], before_start, before_end, before))
        out.append(indicator)
    return out


def own_targets(para: Paragraph) -> list[Indicator]:
    """'我市2022年农村危房改造任务数为115户，实际完成农村危房改造264户': the words before the
    目标/任务 word name the indicator (after the year that dates it), the figure is its target and
    the 实际完成 clause in the same unit its result."""
    text = para.text
    out: list[Indicator] = []
    for m in _OWN_TARGET.finditer(text):
        targets = figures(m.group("target"))
        results = [r for r in figures(m.group("result")) if targets and r.unit == targets[0].unit]
        if len(targets) != 1 or len(results) != 1 or targets[0].unit in (None, "%", "元"):
            continue
        head = YEAR_HEAD.sub("", m.group("name"))
        name = clean_name(head)
        if name is None or NOT_LISTED.search(head):
            continue
        indicator = Indicator(level=level_for(name, targets[0]), name=name,
                              target=target_from(m.group("target"), name), in_goal_table=True,
                              evidence=[span_evidence(para, m.start("name"), m.end())])
        indicator.actuals.append(measured_actual(para, results[0], m.start("result"), m.end("result"),
                                                 m.group("result")))
        out.append(indicator)
    return out


#: a task handed down, stated alone: '省住建厅给我县下达的农村危房改造任务为603户，…' (the giver's 下达/分配/安排 before
#: the name says the figure is the task set, not a count done)
_HANDED_TASK = lazy_compile(r"(?:下达|分配|安排|确定|核定)(?:给[\u4e00-\u9fff]{1,6})?的"
                            r"(?P<name>[^，,；;。：:的\d]{2,20}?)(?:目标)?任务(?:数|量)?\s*(?:为|是)\s*(?P<target>[\d.]+\s*[^\d\s，,；;。]{1,3})\s*"
                            r"(?=[，,；;。]|$)")
#: a clause that names an aim, not a result: no result of the task
_AIMED = lazy_compile(r"任务|目标|计划|拟|预计")
#: the shortest tail of the task's name a result clause must close its words with ('实施危房改造897户' for 农村危房改造)
_SHARED_TAIL = 4


def handed_tasks(para: Paragraph) -> list[Indicator]:
    """A task handed down and stated alone ('下达的农村危房改造任务为603户'), its result a later clause of the paragraph
    that counts the same work in the same unit, its words closing with the task name's last four characters or more
    ('…实施危房改造897户'); the first such clause is the result."""
    text = para.text
    out: list[Indicator] = []
    for m in _HANDED_TASK.finditer(text):
        targets = figures(m.group("target"))
        name = clean_name(m.group("name"))
        if len(targets) != 1 or targets[0].unit in (None, "%", "元") or name is None or NOT_LISTED.search(name):
            continue
        indicator = Indicator(level=level_for(name, targets[0]), name=name,
                              target=target_from(m.group("target"), name), in_goal_table=True,
                              evidence=[span_evidence(para, m.start("name"), m.end())])
        for start, end in _clauses_after(text, m.end()):
            clause = text[start:end]
            found = figures(clause)
            if len(found) != 1 or found[0].unit != targets[0].unit or _AIMED.search(clause):
                continue
            head = clause[:found[0].cmp_start].strip()
            if len(name) >= _SHARED_TAIL and head.endswith(name[-_SHARED_TAIL:]):
                indicator.actuals.append(measured_actual(para, found[0], start, end, clause))
                break
        out.append(indicator)
    return out


def _clauses_after(text: str, start: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start + 1
    while pos < len(text):
        stop = end_of_clause(text, pos)
        spans.append((pos, stop))
        pos = stop + 1
    return spans
