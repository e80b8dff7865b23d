"""The results store: `results.sqlite`, written as each file finishes, the source of every other output.

Schema (also in the README, "Batch"): `batches` (one row per --out folder), `documents` (one row
per input or skipped file, created `pending` before any work so every input is there even if the
batch is killed), `projects`, `indicators`, `findings` (keyed by document and ordinal, so the
keys do not depend on which file finished first). Each result is one transaction: a `kill -9`
leaves every finished file complete and every other one `pending`. WAL mode lets other tools
read while a batch writes. `--db PATH` points several batches at one database; each batch is
the rows of its `batch_id`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from reportparse.batch.discover import Input, Skipped
from reportparse.batch.records import FileRecords, Row

SCHEMA = """
CREATE TABLE IF NOT EXISTS batches (
    id INTEGER PRIMARY KEY,
    out_dir TEXT NOT NULL UNIQUE,          -- the resolved --out folder: the batch's identity
    profile TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
    path TEXT NOT NULL,                    -- as discovered from the PATH arguments
    output TEXT NOT NULL,                  -- json/<output>.json and pages/<output>.html under --out
    sha256 TEXT NOT NULL,                  -- content hash ('' when the file cannot be read)
    size INTEGER,
    status TEXT NOT NULL,                  -- pending | ok | partial | failed | skipped
    reason TEXT,                           -- stable reason when failed/skipped (timeout, memory, zip-bomb ...)
    message TEXT,
    format TEXT, pages INTEGER, title TEXT, year INTEGER, unit TEXT, layout TEXT,
    projects INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,     -- findings by severity, the file's own and cross-report ones
    warnings INTEGER NOT NULL DEFAULT 0,
    infos INTEGER NOT NULL DEFAULT 0,
    risk_score INTEGER,                    -- 10·errors + 3·warnings + 1·infos (NULL unless ok/partial)
    risk_rank INTEGER,                     -- 1 = highest risk score in the batch
    UNIQUE (batch_id, path)
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents (sha256);
CREATE INDEX IF NOT EXISTS documents_status ON documents (batch_id, status);
CREATE TABLE IF NOT EXISTS projects (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,              -- 0-based, in report order
    name TEXT NOT NULL,
    aliases TEXT,                          -- '；'-joined
    year INTEGER,
    planned NUMERIC, executed NUMERIC, returned NUMERIC,   -- yuan
    rate NUMERIC,                          -- executed / planned × 100, recomputed
    planned_raw TEXT, planned_page INTEGER, planned_quote TEXT,
    total_score NUMERIC, grade TEXT,
    evaluation_text TEXT,                  -- see batch/records.py: what copied-evaluation compares
    evaluation_sha256 TEXT,
    PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX IF NOT EXISTS projects_name ON projects (name);
CREATE INDEX IF NOT EXISTS projects_evaluation ON projects (evaluation_sha256);
CREATE TABLE IF NOT EXISTS indicators (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    project_ordinal INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    project TEXT NOT NULL,
    level TEXT NOT NULL,                   -- 产出/数量, 效益/社会效益, 满意度 ...
    name TEXT NOT NULL,
    comparator TEXT,                       -- >=, >, <=, <, =, qualitative
    target_raw TEXT, target NUMERIC, unit TEXT,
    actual TEXT,                           -- the actual values as written, '；'-joined
    weight NUMERIC, claimed_score NUMERIC, recomputed_score NUMERIC,
    PRIMARY KEY (document_id, project_ordinal, ordinal),
    FOREIGN KEY (document_id, project_ordinal) REFERENCES projects(document_id, ordinal) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS findings (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    scope TEXT NOT NULL,                   -- document (from the file) | batch (cross-report)
    code TEXT NOT NULL, severity TEXT NOT NULL,
    project TEXT, indicator TEXT, message TEXT NOT NULL,
    expected TEXT, actual TEXT,
    page INTEGER, quote TEXT,              -- the first evidence (all of it is in the file's JSON)
    related_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,  -- cross-report: the other file
    PRIMARY KEY (document_id, scope, ordinal)
);
CREATE INDEX IF NOT EXISTS findings_code ON findings (code, severity);
"""

# sha256 is not among them: the row keeps the hash discovery took, the identity --resume compares
DOCUMENT_FIELDS = ("status", "reason", "message", "format", "pages", "title", "year", "unit", "layout",
                   "projects", "errors", "warnings", "infos")
_INDICATOR_COLUMNS = ("project_ordinal, ordinal, project, level, name, comparator, target_raw, target, unit, actual, "
                      "weight, claimed_score, recomputed_score")
_FINDING_COLUMNS = "ordinal, scope, code, severity, project, indicator, message, expected, actual, page, quote, " \
                   "related_document_id"
_PROJECT_COLUMNS = ("ordinal, name, aliases, year, planned, executed, returned, rate, planned_raw, planned_page, "
                    "planned_quote, total_score, grade, evaluation_text, evaluation_sha256")


class Store:
    """The batch's connection to the database."""

    def __init__(self, db_path: Path, out_dir: Path, profile: str, resume: bool) -> None:
        self.connection = sqlite3.connect(db_path, isolation_level=None, timeout=30)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self.connection.execute("PRAGMA foreign_keys=ON")
        self.connection.executescript(SCHEMA)
        key = str(out_dir.resolve())
        row = self.connection.execute("SELECT id FROM batches WHERE out_dir = ?", (key,)).fetchone()
        if row is not None and not resume:  # a new run into the same folder starts the batch over
            self.connection.execute("DELETE FROM batches WHERE id = ?", (row[0],))
            row = None
        if row is None:
            self.batch_id = int(self.connection.execute(
                "INSERT INTO batches (out_dir, profile) VALUES (?, ?)", (key, profile)).lastrowid or 0)
        else:
            self.batch_id = int(row[0])
            self.connection.execute("UPDATE batches SET profile = ? WHERE id = ?", (profile, self.batch_id))

    def close(self) -> None:
        self.connection.close()

    def register(self, inputs: list[Input], skipped: list[Skipped]) -> dict[str, int]:
        """Make a row for every input (pending) and skipped file; return the input rows' ids by path.

        A row from an interrupted run is kept when the file's content is unchanged (it is then done,
        or still pending); a changed file goes back to pending. Rows are made in path order, so the
        ids are the same whatever --jobs is.
        """
        ids: dict[str, int] = {}
        with self.connection:
            self.connection.execute("BEGIN")
            for item in inputs:
                row = self.connection.execute("SELECT id, sha256 FROM documents WHERE batch_id = ? AND path = ?",
                                              (self.batch_id, item.path)).fetchone()
                if row is not None and row[1] != item.sha256:
                    self._reset(int(row[0]), item)
                if row is None:
                    row = (self.connection.execute(
                        "INSERT INTO documents (batch_id, path, output, sha256, size, status) "
                        "VALUES (?, ?, ?, ?, ?, 'pending')",
                        (self.batch_id, item.path, item.output, item.sha256, item.size)).lastrowid,)
                ids[item.path] = int(row[0])
            known = {item.path for item in inputs} | {skip.path for skip in skipped}
            stale = [row[0] for row in self.connection.execute(
                "SELECT id, path FROM documents WHERE batch_id = ?", (self.batch_id,)) if row[1] not in known]
            self.connection.executemany("DELETE FROM documents WHERE id = ?", [(doc_id,) for doc_id in stale])
            for skip in skipped:
                self.connection.execute(
                    "INSERT INTO documents (batch_id, path, output, sha256, status, reason, message) "
                    "VALUES (?, ?, '', '', 'skipped', ?, ?) ON CONFLICT (batch_id, path) DO UPDATE SET "
                    "status = 'skipped', reason = excluded.reason, message = excluded.message",
                    (self.batch_id, skip.path, skip.reason, skip.message))
        return ids

    def _reset(self, doc_id: int, item: Input) -> None:
        for table in ("findings", "indicators", "projects"):
            self.connection.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
        self.connection.execute(
            "UPDATE documents SET sha256 = ?, size = ?, status = 'pending', reason = NULL, message = NULL "
            "WHERE id = ?", (item.sha256, item.size, doc_id))

    def done_ids(self) -> set[int]:
        """Documents of this batch already finished (anything but pending)."""
        rows = self.connection.execute("SELECT id FROM documents WHERE batch_id = ? AND status != 'pending'",
                                       (self.batch_id,))
        return {int(r[0]) for r in rows}

    def save(self, doc_id: int, records: FileRecords) -> None:
        """Store one finished file in one transaction."""
        doc = records.document
        with self.connection:
            self.connection.execute("BEGIN")
            for table in ("findings", "indicators", "projects"):
                self.connection.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
            assignments = ", ".join(f"{name} = ?" for name in DOCUMENT_FIELDS)
            self.connection.execute(f"UPDATE documents SET {assignments} WHERE id = ?",
                                    (*(doc[name] for name in DOCUMENT_FIELDS), doc_id))
            self._insert("projects", _PROJECT_COLUMNS, doc_id, records.projects)
            self._insert("indicators", _INDICATOR_COLUMNS, doc_id, records.indicators)
            self._insert("findings", _FINDING_COLUMNS, doc_id, records.findings)

    def _insert(self, table: str, columns: str, doc_id: int, rows: list[Row]) -> None:
        if rows:
            marks = ", ".join("?" * (columns.count(",") + 2))
            self.connection.executemany(f"INSERT INTO {table} (document_id, {columns}) VALUES ({marks})",
                                        [(doc_id, *row) for row in rows])

    def query(self, sql: str, *params: object) -> Iterator[sqlite3.Row]:
        """Rows of a query as sqlite3.Row, streamed (never all in memory)."""
        cursor = self.connection.cursor()
        cursor.row_factory = sqlite3.Row
        yield from cursor.execute(sql, params)
