"""Cross-report checks: findings no single-file check can make, run over the store after the batch.

- `duplicate-report`: two inputs with the same content hash under different paths (the same file
  submitted twice). Every copy gets the finding, naming the others.
- `copied-evaluation`: two *different* projects (no name or alias in common) whose evaluation text
  (defined in `records.py`: the prose statements of their results, names blanked, at least 3
  statements and 60 characters) is word for word the same.
- `cross-report-mismatch`: the same project (same canonical name) of the same year has a different
  全年预算数 in two reports of the batch.

Each finding is stored on every document involved (scope `batch`), with the other document in
`related_document_id`. Then the severity counts, risk scores and ranks of the batch are updated.

Risk score (documented in the README): 10 × errors + 3 × warnings + 1 × infos over the file's own
and its cross-report findings; rank 1 is the highest score, ties in path order; failed and skipped
files have neither (they are listed with their reason instead).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reportparse.batch.store import Store

RISK_WEIGHTS = {"error": 10, "warning": 3, "info": 1}
_SHOWN = 3  # other files named in one message


@dataclass(frozen=True)
class _Member:
    doc_id: int
    path: str
    project: str | None = None
    names: frozenset[str] = frozenset()
    value: object = None
    page: int | None = None
    quote: str | None = None


class _Writer:
    """Appends batch-scope findings with per-document ordinals."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.next: dict[int, int] = defaultdict(int)

    def add(self, member: _Member, code: str, severity: str, message: str, related: int | None,
            expected: object = None, actual: object = None) -> None:
        ordinal = self.next[member.doc_id]
        self.next[member.doc_id] += 1
        self.store.connection.execute(
            "INSERT INTO findings (document_id, ordinal, scope, code, severity, project, indicator, message, "
            "expected, actual, page, quote, related_document_id) "
            "VALUES (?, ?, 'batch', ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)",
            (member.doc_id, ordinal, code, severity, member.project, message, expected, actual, member.page,
             member.quote, related))


def run_cross_checks(store: Store) -> None:
    """Replace the batch's cross-report findings, then update counts, risk scores and ranks."""
    from reportparse.checks.catalogue import CATALOGUE

    connection = store.connection
    with connection:
        connection.execute("BEGIN")
        connection.execute("DELETE FROM findings WHERE scope = 'batch' AND document_id IN "
                           "(SELECT id FROM documents WHERE batch_id = ?)", (store.batch_id,))
        writer = _Writer(store)
        severity = {code: CATALOGUE[code].severity.value
                    for code in ("duplicate-report", "copied-evaluation", "cross-report-mismatch")}
        _duplicates(store, writer, severity["duplicate-report"])
        _copied_evaluations(store, writer, severity["copied-evaluation"])
        _budget_mismatches(store, writer, severity["cross-report-mismatch"])
        _update_counts(store)


def _others(members: list[_Member], me: _Member) -> tuple[list[_Member], str]:
    others = [m for m in members if m.doc_id != me.doc_id]
    names = "、".join(m.path for m in others[:_SHOWN])
    more = f" 等 {len(others)} 个文件" if len(others) > _SHOWN else ""
    return others, names + more


def _duplicates(store: Store, writer: _Writer, severity: str) -> None:
    rows = store.query(
        "SELECT id, path, sha256 FROM documents WHERE batch_id = ? AND sha256 != '' AND status != 'skipped' "
        "AND sha256 IN (SELECT sha256 FROM documents WHERE batch_id = ? AND sha256 != '' AND status != 'skipped' "
        "GROUP BY sha256 HAVING COUNT(*) > 1) ORDER BY sha256, path", store.batch_id, store.batch_id)
    for group in _groups(rows, "sha256"):
        members = [_Member(r["id"], r["path"]) for r in group]
        for me in members:
            others, names = _others(members, me)
            writer.add(me, "duplicate-report", severity,
                       f"与 {names} 内容完全相同（SHA-256 {group[0]['sha256'][:12]}…），同一文件以不同名称重复提交",
                       others[0].doc_id)


def _copied_evaluations(store: Store, writer: _Writer, severity: str) -> None:
    rows = store.query(
        "SELECT d.id, d.path, d.sha256, p.name, p.aliases, p.evaluation_text, p.evaluation_sha256 AS key "
        "FROM projects p JOIN documents d ON d.id = p.document_id "
        "WHERE d.batch_id = ? AND p.evaluation_sha256 IN (SELECT p2.evaluation_sha256 FROM projects p2 "
        "JOIN documents d2 ON d2.id = p2.document_id WHERE d2.batch_id = ? AND p2.evaluation_sha256 IS NOT NULL "
        "GROUP BY p2.evaluation_sha256 HAVING COUNT(DISTINCT p2.name) > 1) "
        "ORDER BY p.evaluation_sha256, d.path, p.ordinal", store.batch_id, store.batch_id)
    for group in _groups(rows, "key"):
        members = [_Member(r["id"], r["path"], r["name"], frozenset({r["name"], *(r["aliases"] or "").split("；")})
                           - {""}, quote=_excerpt(r["evaluation_text"])) for r in group]
        for me in members:
            different = [m for m in members if not (m.names & me.names)]
            if not different:
                continue
            _, names = _others(different, me)
            projects = "、".join(sorted({m.project or "" for m in different}))
            writer.add(me, "copied-evaluation", severity,
                       f"项目“{me.project}”的自评文字与另一项目“{projects}”（{names}）逐字相同（去掉项目名称后）",
                       different[0].doc_id)


def _budget_mismatches(store: Store, writer: _Writer, severity: str) -> None:
    rows = store.query(
        "SELECT d.id, d.path, p.name, COALESCE(p.year, -1) AS year, p.planned, p.planned_raw, p.planned_page, "
        "p.planned_quote, p.name || '|' || COALESCE(p.year, -1) AS key "
        "FROM projects p JOIN documents d ON d.id = p.document_id WHERE d.batch_id = ? AND p.planned IS NOT NULL "
        "AND (p.name, COALESCE(p.year, -1)) IN (SELECT p2.name, COALESCE(p2.year, -1) FROM projects p2 "
        "JOIN documents d2 ON d2.id = p2.document_id WHERE d2.batch_id = ? AND p2.planned IS NOT NULL "
        "GROUP BY p2.name, COALESCE(p2.year, -1) HAVING COUNT(DISTINCT p2.planned) > 1) "
        "ORDER BY key, d.path, p.ordinal", store.batch_id, store.batch_id)
    for group in _groups(rows, "key"):
        members = [_Member(r["id"], r["path"], r["name"], value=r["planned"], page=r["planned_page"],
                           quote=r["planned_quote"] or r["planned_raw"]) for r in group]
        for me in members:
            different = [m for m in members if m.value != me.value]
            if not different:
                continue
            other = different[0]
            _, names = _others(different, me)
            writer.add(me, "cross-report-mismatch", severity,
                       f"项目“{me.project}”的全年预算数在本报告为 {_yuan(me.value)} 元，在 {names} 中为 "
                       f"{_yuan(other.value)} 元", other.doc_id, expected=_plain(other.value), actual=_plain(me.value))


def _update_counts(store: Store) -> None:
    connection = store.connection
    connection.execute(
        "UPDATE documents SET "
        "errors = (SELECT COUNT(*) FROM findings f WHERE f.document_id = documents.id AND f.severity = 'error'), "
        "warnings = (SELECT COUNT(*) FROM findings f WHERE f.document_id = documents.id AND f.severity = 'warning'), "
        "infos = (SELECT COUNT(*) FROM findings f WHERE f.document_id = documents.id AND f.severity = 'info') "
        "WHERE batch_id = ?", (store.batch_id,))
    score = " + ".join(f"{weight} * {column}" for column, weight in
                       (("errors", RISK_WEIGHTS["error"]), ("warnings", RISK_WEIGHTS["warning"]),
                        ("infos", RISK_WEIGHTS["info"])))
    connection.execute(
        f"UPDATE documents SET risk_score = CASE WHEN status IN ('ok', 'partial') THEN {score} ELSE NULL END, "
        "risk_rank = NULL WHERE batch_id = ?", (store.batch_id,))
    connection.execute(
        "UPDATE documents SET risk_rank = ranked.rank FROM (SELECT id, ROW_NUMBER() OVER "
        "(ORDER BY risk_score DESC, path) AS rank FROM documents WHERE batch_id = ? AND risk_score IS NOT NULL) "
        "AS ranked WHERE documents.id = ranked.id", (store.batch_id,))


def _groups(rows: Iterable[sqlite3.Row], key: str) -> Iterator[list[sqlite3.Row]]:
    """Runs of rows with the same `key` (the queries sort by it): one group in memory at a time."""
    group: list[sqlite3.Row] = []
    for row in rows:
        if group and group[0][key] != row[key]:
            yield group
            group = []
        group.append(row)
    if group:
        yield group


def _excerpt(text: str | None, limit: int = 80) -> str | None:
    if not text:
        return None
    return text if len(text) <= limit else text[:limit] + "…"


def _yuan(value: object) -> str:
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def _plain(value: object) -> str | None:
    return None if value is None else str(value)
