"""The batch's tables, written from the store in a fixed order: findings.csv, indicators.csv, report.html.

Every output is streamed from SQLite (one row in memory at a time) and written to a temporary
name, then renamed, so a crash never leaves half a file under the final name. Rows are ordered by
path (then by their ordinal in the file), so the outputs are the same whatever --jobs is.
CSV files are UTF-8 with a byte-order mark, which Excel and WPS need to read Chinese correctly.
"""

from __future__ import annotations

import csv
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from html import escape
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from reportparse.batch.store import Store

FINDING_COLUMNS = ("file", "status", "scope", "code", "severity", "project", "indicator", "message", "expected",
                   "actual", "page", "quote", "related_file")
INDICATOR_COLUMNS = ("file", "project", "level", "indicator", "comparator", "target", "unit", "actual", "weight",
                     "claimed_score", "recomputed_score")

FINDINGS_SQL = (
    "SELECT d.path AS file, d.status, f.scope, f.code, f.severity, f.project, f.indicator, f.message, f.expected, "
    "f.actual, f.page, f.quote, r.path AS related_file FROM findings f JOIN documents d ON d.id = f.document_id "
    "LEFT JOIN documents r ON r.id = f.related_document_id WHERE d.batch_id = ? "
    "ORDER BY d.path, f.scope DESC, f.ordinal")
INDICATORS_SQL = (
    "SELECT d.path AS file, i.project, i.level, i.name AS indicator, i.comparator, "
    "COALESCE(i.target, i.target_raw) AS target, i.unit, i.actual, i.weight, i.claimed_score, i.recomputed_score "
    "FROM indicators i JOIN documents d ON d.id = i.document_id WHERE d.batch_id = ? "
    "ORDER BY d.path, i.project_ordinal, i.ordinal")
DOCUMENTS_SQL = (
    "SELECT id, path, output, status, reason, message, format, pages, title, year, unit, projects, errors, "
    "warnings, infos, risk_score, risk_rank FROM documents WHERE batch_id = ? "
    "ORDER BY risk_rank IS NULL, risk_rank, path")


@contextmanager
def atomic_open(path: Path, mode: str = "w", **kwargs: object) -> Iterator[IO[Any]]:
    """Open a temporary file next to `path`; rename it over `path` only when writing succeeded."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with _open_in_folder(temporary, mode, **kwargs) as handle:
            yield handle
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            temporary.unlink()
        raise


def _open_in_folder(path: Path, mode: str, **kwargs: object) -> IO[Any]:
    # the folder is made when the first file written into it finds it missing, not looked for before every file
    try:
        return open(path, mode, **kwargs)  # type: ignore[call-overload]
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, mode, **kwargs)  # type: ignore[call-overload]


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_open(path, "wb") as handle:
        handle.write(data)


def write_csv(store: Store, path: Path, sql: str, columns: tuple[str, ...]) -> int:
    """One CSV from a query; returns the number of data rows."""
    count = 0
    with atomic_open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in store.query(sql, store.batch_id):
            writer.writerow(["" if row[c] is None else row[c] for c in columns])
            count += 1
    return count


def write_findings_csv(store: Store, path: Path) -> int:
    return write_csv(store, path, FINDINGS_SQL, FINDING_COLUMNS)


def write_indicators_csv(store: Store, path: Path) -> int:
    return write_csv(store, path, INDICATORS_SQL, INDICATOR_COLUMNS)


_STYLE = """body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left}
th{background:#f3f3f3;position:sticky;top:0}td.n{text-align:right}tr.failed td,tr.skipped td{color:#777}
.e{color:#b00020;font-weight:600}.w{color:#a15c00}.i{color:#2a5db0}.muted{color:#777}"""


def write_report_html(store: Store, path: Path, pages: bool) -> None:
    """One page listing every document (riskiest first) with its counts, linking to its review page."""
    totals = store.connection.execute(
        "SELECT COUNT(*), SUM(status = 'ok'), SUM(status = 'partial'), SUM(status = 'failed'), "
        "SUM(status = 'skipped'), SUM(errors), SUM(warnings), SUM(infos) FROM documents WHERE batch_id = ?",
        (store.batch_id,)).fetchone()
    total, ok, partial, failed, skipped, errors, warnings, infos = (int(v or 0) for v in totals)
    with atomic_open(path, "w", encoding="utf-8", newline="") as out:
        out.write("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'\"><title>reportparse 批量检查</title>"
                  f"<style>{_STYLE}</style></head><body>\n")
        out.write(f"<h1>reportparse 批量检查 · {total} 个文件</h1>\n"
                  f"<p>成功 {ok} · 部分读取 {partial} · 失败 {failed} · 跳过 {skipped} · "
                  f"问题：<span class=\"e\">{errors} 错误</span> · <span class=\"w\">{warnings} 警告</span> · "
                  f"<span class=\"i\">{infos} 提示</span></p>\n"
                  "<p class=\"muted\">风险分 = 10 × 错误 + 3 × 警告 + 1 × 提示（含跨报告检查）；按风险分排序，"
                  "失败与跳过的文件列在最后并注明原因。</p>\n<table><thead><tr><th>排名</th><th>文件</th><th>状态</th>"
                  "<th>错误</th><th>警告</th><th>提示</th><th>风险分</th><th>项目数</th><th>报告</th></tr></thead>"
                  "<tbody>\n")
        for row in store.query(DOCUMENTS_SQL, store.batch_id):
            out.write(_document_row(row, pages))
        out.write("</tbody></table>\n</body></html>\n")


def _document_row(doc: sqlite3.Row, pages: bool) -> str:
    status = doc["status"]
    name = escape(doc["path"])
    if pages and status not in ("skipped", "pending"):
        link = quote(f"pages/{doc['output']}.html")
        name = f"<a href=\"{link}\">{name}</a>"
    state = escape(status) + (f"（{escape(doc['reason'])}）" if doc["reason"] else "")
    described = " · ".join(escape(str(v)) for v in (doc["title"], doc["unit"], doc["year"]) if v)
    if status in ("failed", "skipped") and doc["message"]:
        described = f"<span class=\"muted\">{escape(doc['message'])}</span>"
    cells = [_n(doc["risk_rank"]), name, state, _n(doc["errors"], "e"), _n(doc["warnings"], "w"),
             _n(doc["infos"], "i"), _n(doc["risk_score"]), _n(doc["projects"]), described]
    return f"<tr class=\"{escape(status)}\">" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>\n"


def _n(value: object, css: str = "") -> str:
    if value is None:
        return ""
    if css and value:
        return f"<span class=\"{css}\">{value}</span>"
    return str(value)
