"""Word segmentation (parse/tokens.py): the domain dictionary, content words, and the ties jieba breaks."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from reportparse.model import Cell, Document, Line, Paragraph, Source, SourceFormat, Table
from reportparse.parse import actuals, projectmentions
from reportparse.parse.narrative import parse_narrative
from reportparse.parse.tokens import USER_DICT, content_words, pick_by_words, tokenizer, user_terms, word_overlap


def _doc(*items: str | list[list[str]]) -> Document:
    """Paragraphs (str) and tables (lists of rows) in order, one line each."""
    elements: list[Paragraph | Table] = []
    for n, item in enumerate(items, start=1):
        if isinstance(item, str):
            elements.append(Paragraph(text=item, page=1, lines=[Line(text=item, page=1, line=n)],
                                      spans=[(0, len(item))]))
        else:
            rows = [[Cell(text=t, row=r, col=c, page=1, line=n) for c, t in enumerate(row)]
                    for r, row in enumerate(item)]
            elements.append(Table(index=0, rows=rows, page=1, pages=[1]))
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=elements)


# --- the domain dictionary --------------------------------------------------------------------------

def test_user_dictionary_is_well_formed_and_has_no_duplicates() -> None:
    terms = user_terms()
    assert len(terms) >= 80
    words = [w for w, _, _ in terms]
    assert [w for w, n in Counter(words).items() if n > 1] == []
    assert all(freq > 0 and tag.isalpha() for _, freq, tag in terms)


@pytest.mark.parametrize("line", ["满意度", "满意度 abc n", "满意度  300 n", "300 300 n", "满意度 0 n"])
def test_malformed_dictionary_lines_are_rejected(tmp_path: Path, line: str) -> None:
    path = tmp_path / "user.txt"
    path.write_text(f"完成率 3000 n\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"user\.txt:2"):
        user_terms(path)


def test_every_domain_word_segments_as_one_word() -> None:
    split = [w for w, _, _ in user_terms() if tokenizer().lcut(w, HMM=False) != [w]]
    assert split == []


def test_tokenizer_is_built_once_and_not_on_the_default_dictionary() -> None:
    import jieba

    assert tokenizer() is tokenizer()
    assert Path(tokenizer().dictionary).name != jieba.DEFAULT_DICT_NAME
    assert not jieba.dt.initialized  # the global ~1 s default dictionary was never loaded
    assert USER_DICT.is_file()


# --- content words ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("全年维护设备 12 台次", ["维护", "设备"]),
    ("群众满意度达到95%以上", ["群众", "满意度"]),
    ("单集片长不少于 30 分钟", ["单集", "片长"]),
    ("全年执行数为 41.03 万元，结余资金全部交回财政", ["全年执行数", "结余资金", "交回", "财政"]),
    ("2023年度", []),
])
def test_content_words_drop_numbers_units_and_stop_words(text: str, words: list[str]) -> None:
    assert content_words(text) == words


@pytest.mark.parametrize(("a", "b", "share"), [
    ("维护设备 12 台", "设备维护次数", 1.0),
    ("维护设备 12 台", "设备采购数量", 0.5),
    ("维护设备", "服务对象满意度", 0.0),
    ("设备维护费", "维护设备", 1.0),  # 维护 is part of 维护费
    ("", "设备维护次数", 0.0),
])
def test_word_overlap(a: str, b: str, share: float) -> None:
    assert word_overlap(a, b) == pytest.approx(share)


@pytest.mark.parametrize(("text", "options", "chosen"), [
    ("维护设备 12 台", ["设备采购数量", "设备维护次数"], 1),
    ("采购设备 3 台", ["设备采购数量", "设备维护次数"], 0),
    ("完成设备工作", ["设备采购数量", "设备维护次数"], None),  # equally good: still undecided
    ("开展宣传活动", ["设备采购数量", "设备维护次数"], None),  # nothing shared
])
def test_pick_by_words(text: str, options: list[str], chosen: int | None) -> None:
    assert pick_by_words(text, options) == chosen


# --- the decisions jieba now makes --------------------------------------------------------------------

_HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "备注"]
_DEVICES = _doc(
    "2023年度医院设备运维项目绩效自评报告",
    "一、项目基本情况",
    "项目名称：医院设备运维项目",
    "二、绩效目标",
    [_HEADER,
     ["产出指标", "数量指标", "设备采购数量", "≥3台", ""],
     ["产出指标", "数量指标", "设备维护次数", "≥10台", ""]],
    "三、绩效分析",
    "数量指标：全年维护设备 12 台，新采购设备 3 台。",
)


def _actuals_by_indicator() -> dict[str, list[str]]:
    (project,) = parse_narrative(_DEVICES).projects
    return {ind.name: [a.raw for a in ind.actuals] for ind in project.indicators}


def test_a_character_tie_is_broken_by_words() -> None:
    # '维护设备 12 台' shares only 设备 with both indicators' character pairs; the words 维护 decide
    assert _actuals_by_indicator() == {"设备采购数量": ["3 台"], "设备维护次数": ["12 台"]}


def test_without_words_the_same_clause_stays_unlinked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actuals, "tie_break", lambda clause, tied: None)
    assert _actuals_by_indicator()["设备维护次数"] == []


@pytest.mark.parametrize(("label", "owner"), [
    ("校园安全培训人次", "校园安全教育培训费"),  # 校园安全 ties; 培训 decides
    ("校园安全监控维护次数", "校园安全监控维护费"),  # unambiguous by characters already
    ("校园安全知晓率", None),  # 校园安全 only: still nobody's
])
def test_a_row_name_shared_by_two_projects_goes_to_the_one_sharing_its_words(label: str, owner: str | None) -> None:
    projects = [("校园安全监控维护费", ["校园安全监控维护"]), ("校园安全教育培训费", [])]
    assert projectmentions.best_project_for(label, projects) == owner


def test_narrative_parsing_without_ties_does_not_import_jieba() -> None:
    code = (
        "import sys\n"
        "from tests.test_parse_narrative import LIBRARY\n"
        "from reportparse.parse.narrative import parse_narrative\n"
        "report = parse_narrative(LIBRARY)\n"
        "assert report.projects and any(i.actuals for p in report.projects for i in p.indicators)\n"
        "print('jieba' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
