"""A thin click CLI over the library. Exit codes: 0 clean, 1 findings at/above --fail-on, 2 bad input or
an output that could not be written, 130 interrupted (Ctrl-C)."""

from __future__ import annotations

import gc
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from reportparse.errors import OutputError, ReportParseError
from reportparse.scoring import DEFAULT_PROFILE, PROFILES
from reportparse.startup import frozen_start_up

if TYPE_CHECKING:  # the models are imported by the commands that use them: --help stays fast
    from reportparse.model import Result

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for Ctrl-C

# severities as their string values (Severity is a StrEnum), so the CLI need not import the models
_FAIL_LEVELS = {"error": ["error"], "warning": ["error", "warning"], "info": ["error", "warning", "info"],
                "never": []}


class _Cli(click.Group):
    """The command group; Ctrl-C ends any command with the shell's code for SIGINT, 130 (click's own
    handling would print "Aborted!" and exit 1, the code that means findings)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("reportparse: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)


@click.group(cls=_Cli)
@click.version_option(package_name="reportparse")
def cli() -> None:
    """Cross-check Chinese budget-performance self-evaluation reports (绩效自评报告 / 自评表)."""


def _write(text: str | bytes, out: Path | None, inputs: tuple[Path, ...]) -> None:
    """Print, or write `out` whole through a temporary file (a write error: one line, exit 2)."""
    if out is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            click.echo(text, nl=False)
        return
    from reportparse.atomicwrite import write_atomic

    try:
        write_atomic(out, text if isinstance(text, bytes) else text.encode("utf-8"), inputs)
    except OutputError as exc:
        _fail(exc)


def _fail(exc: ReportParseError) -> NoReturn:
    from reportparse.render.common import terminal_safe

    click.echo(f"reportparse: {terminal_safe(exc.message)}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def _use_color(out: Path | None) -> bool:
    return out is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _text_width(out: Path | None) -> int:
    """The terminal's width (COLUMNS when set); 100 columns for a pipe or a file."""
    from reportparse.render.text import WIDTH

    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    if out is None and sys.stdout.isatty():
        return shutil.get_terminal_size((WIDTH, 24)).columns
    return WIDTH


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "html", "csv"]), default="text",
              show_default=True)
@click.option("--profile", type=click.Choice(sorted(PROFILES)), default=DEFAULT_PROFILE, show_default=True,
              help="scoring rules to recompute with")
@click.option("--fail-on", type=click.Choice(list(_FAIL_LEVELS)), default="error", show_default=True,
              help="exit 1 when a finding at or above this severity is found (among all findings, shown or not)")
@click.option("--min-severity", type=click.Choice(["info", "warning", "error"]), default="info", show_default=True,
              help="show and count only findings at or above this severity, in every format")
@click.option("-o", "--out", type=click.Path(path_type=Path), help="write here instead of stdout")
def check(files: tuple[Path, ...], fmt: str, profile: str, fail_on: str, min_severity: str,
          out: Path | None) -> None:
    """Check FILES and report every inconsistency with its evidence."""
    if out is not None:
        from reportparse.atomicwrite import refuse_inputs

        try:
            refuse_inputs(out, files)  # before any work: the output would destroy an input
        except OutputError as exc:
            _fail(exc)
    with frozen_start_up():  # the models, and the stages the first file's format needs, are imported here
        from reportparse.filters import at_least
        from reportparse.model import Severity, Status
        from reportparse.render.common import terminal_safe

        results = [_safe_check(files[0], profile)]
    try:
        results += [_safe_check(path, profile) for path in files[1:]]
        shown = [at_least(r, Severity(min_severity)) for r in results]
        _write(_render(shown, fmt, out), out, files)
        for r in results:
            if r.status is Status.FAILED:
                click.echo(f"reportparse: {terminal_safe(r.message or f'{r.source.path}: {r.reason}')}", err=True)
        levels = _FAIL_LEVELS[fail_on]
        if any(r.status is Status.FAILED for r in results):
            code = EXIT_BAD_INPUT
        elif any(f.severity in levels for r in results for f in r.findings):
            code = EXIT_FINDINGS
        else:
            code = EXIT_CLEAN
    finally:
        if not _ends_the_process():
            gc.unfreeze()  # a caller in the same process (a test, a script) gets its collector as it was
    _exit(code)


def _safe_check(path: Path, profile: str) -> Result:
    """Run the pipeline; a defect of ours on one file becomes a failed result, not a traceback."""
    from reportparse.pipeline import check as check_file
    from reportparse.pipeline import failed_result

    try:
        return check_file(path, profile)
    except Exception as exc:  # the last line of defence: report, never crash
        return failed_result(path, "internal-error",
                             f"{path}: internal error while reading ({exc.__class__.__name__}: {exc})", profile)


def _render(results: list[Result], fmt: str, out: Path | None) -> str | bytes:
    if fmt == "json":
        from reportparse.render.json import render_json

        return render_json(results)
    if fmt == "jsonl":
        from reportparse.render.json import render_jsonl

        return render_jsonl(results)
    if fmt == "html":
        from reportparse.render.html import render_html_file

        return render_html_file(results)
    if fmt == "csv":
        from reportparse.render.csv import render_csv

        return render_csv(results).encode("utf-8")
    from reportparse.render.text import render_text

    return render_text(results, color=_use_color(out), width=_text_width(out))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one FILE gives its data itself, several a list of records; jsonl: one record a line")
@click.option("--document", is_flag=True, help="print the extracted Document instead of the parsed Report")
@click.option("--profile", type=click.Choice(sorted(PROFILES)), default=DEFAULT_PROFILE, show_default=True,
              help="scoring rules the recomputed scores use")
def extract(files: tuple[Path, ...], fmt: str, document: bool, profile: str) -> None:
    """Print the structured data of FILES (no findings).

    A record is {"path", "status": "ok"|"failed", "reason", "message", "report" or "document"}; a file
    that cannot be read gets a failed record (and exit code 2) without stopping the others.
    """
    import json

    from reportparse.render.common import terminal_safe

    records = [_extract_record(path, document, profile) for path in files]
    failed = [r for r in records if r["status"] == "failed"]
    for record in failed:
        click.echo(f"reportparse: {terminal_safe(str(record['message']))}", err=True)
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    elif len(records) == 1:
        if not failed:  # one file: its data itself, as before several files were accepted
            click.echo(json.dumps(records[0]["document" if document else "report"], ensure_ascii=False, indent=2))
    else:
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    sys.exit(EXIT_BAD_INPUT if failed else EXIT_CLEAN)


def _extract_record(path: Path, document: bool, profile: str) -> dict[str, object]:
    """The extraction record of one file; bad input (or a defect of ours) becomes a failed record."""
    from reportparse.errors import InputError
    from reportparse.pipeline import extract as extract_file
    from reportparse.pipeline import parse

    key = "document" if document else "report"
    try:
        doc = extract_file(path)
        data = doc.model_dump(mode="json") if document else parse(doc, profile).model_dump(mode="json")
    except InputError as exc:
        return {"path": str(path), "status": "failed", "reason": exc.reason, "message": exc.message, key: None}
    except Exception as exc:  # the last line of defence: report, never crash
        return {"path": str(path), "status": "failed", "reason": "internal-error",
                "message": f"{path}: internal error while reading ({exc.__class__.__name__}: {exc})", key: None}
    return {"path": str(path), "status": "ok", "reason": None, "message": None, key: data}


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="folder for the outputs")
@click.option("--jobs", type=click.IntRange(min=1),
              help="worker processes, one core each  [default: the number of cores]")
@click.option("--resume", is_flag=True, help="skip files already done in this --out (same content hash)")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=120.0, show_default=True,
              help="seconds one file may take before its worker is stopped (status failed, reason timeout)")
@click.option("--memory", "memory_mb", type=click.IntRange(min=0), default=2048, show_default=True,
              help="MiB of address space a worker may add while reading one file (reason memory); 0 = no cap")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite database to append to  [default: OUT/results.sqlite]")
@click.option("--scheduler", metavar="ADDRESS", help="run on a Dask cluster (tcp://host:8786); needs reportparse[dask]")
@click.option("--profile", type=click.Choice(sorted(PROFILES)), default=DEFAULT_PROFILE, show_default=True)
def batch(paths: tuple[Path, ...], out: Path, jobs: int | None, resume: bool, timeout: float, memory_mb: int,
          db: Path | None, scheduler: str | None, profile: str) -> None:
    """Check every report under PATHS (folders are walked) into OUT: JSON, CSV, XLSX, SQLite, HTML."""
    from reportparse.batch.run import BatchOptions, run_batch

    options = BatchOptions(paths=list(paths), out=out, resume=resume, timeout=timeout, memory_mb=memory_mb, db=db,
                           scheduler=scheduler, profile=profile, progress=sys.stderr.isatty())
    if jobs is not None:
        options.jobs = jobs
    try:
        summary = run_batch(options)
    except Exception as exc:  # the batch as a whole cannot run (no input, out not writable, no scheduler)
        click.echo(f"reportparse: batch: {exc}", err=True)
        sys.exit(2)
    counts = summary.counts
    click.echo(f"{summary.inputs} 个文件（另跳过 {summary.skipped} 个），本次检查 {summary.checked}，此前已完成 "
               f"{summary.already_done}：ok {counts.get('ok', 0)}，partial {counts.get('partial', 0)}，"
               f"failed {counts.get('failed', 0)}；{summary.findings['error']} 错误，{summary.findings['warning']} "
               f"警告，{summary.findings['info']} 提示；{summary.seconds:.1f} 秒 → {out}")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(fmt: str) -> None:
    """List the check catalogue: code, severity, meaning, formula and source."""
    import json

    from reportparse.checks.catalogue import CATALOGUE, RULES_DOCUMENT

    if fmt == "json":
        data = [{"code": c.code, "severity": c.severity.value, "title": c.title, "formula": c.formula,
                 "source": c.source, "scope": c.scope} for c in CATALOGUE.values()]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"依据 (sources): sections of {RULES_DOCUMENT} in the reportparse repository\n")
    for c in CATALOGUE.values():
        click.echo(f"{c.code:28} {c.severity.value:8} {c.title}")
        click.echo(f"{'':28} 公式: {c.formula}")
        click.echo(f"{'':28} 依据: {c.source}")


@cli.command()
@click.option("--out", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True)
def schema(out: Path) -> None:
    """Write the JSON Schemas of the output into OUT."""
    from reportparse.schema import write_schemas

    for path in write_schemas(out):
        click.echo(str(path))


@cli.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="port on 127.0.0.1 (0: any free port)")
@click.option("--jobs", type=click.IntRange(1, 64), default=max(1, min(4, os.cpu_count() or 1)), show_default=True,
              help="files checked at once")
@click.option("--max-upload-mb", type=click.IntRange(1, 2048), default=200, show_default=True,
              help="largest upload (all files of one drop together)")
@click.option("--profile", type=click.Choice(sorted(PROFILES)), default=DEFAULT_PROFILE, show_default=True,
              help="scoring rules to recompute with")
def serve(port: int, jobs: int, max_upload_mb: int, profile: str) -> None:
    """Open a local review desk in the browser: drop files, watch them checked, download the tables.

    Listens on 127.0.0.1 only; needs the serve extra (pip install 'reportparse[serve]')."""
    try:
        import python_multipart  # noqa: F401  (the extra's packages, checked before any work)
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401

        from reportparse.serve.server import PortUnavailable
        from reportparse.serve.server import serve as run_desk
    except ImportError as exc:
        click.echo(f"reportparse: serve needs the serve extra ({exc.name} is missing): "
                   "pip install 'reportparse[serve]'", err=True)
        sys.exit(EXIT_BAD_INPUT)

    def announce(url: str, folder: Path) -> None:
        click.echo(f"reportparse 审查台：{url}  （仅本机；Ctrl-C 停止，停止时删除上传的文件：{folder}）", err=True)
        click.echo(url)  # alone on stdout, for a script or a test to read

    try:
        run_desk(port, jobs, max_upload_mb, profile, announce)
    except PortUnavailable as exc:
        click.echo(f"reportparse: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)


@cli.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--profile", type=click.Choice(sorted(PROFILES)), default=DEFAULT_PROFILE, show_default=True)
def evaluate(paths: tuple[Path, ...], fmt: str, profile: str) -> None:
    """Score the pipeline against ground truth (*.gold.json next to each document)."""
    from reportparse.evaluate import run_eval

    text, ok = run_eval(list(paths), fmt=fmt, profile=profile)
    click.echo(text, nl=False)
    sys.exit(0 if ok else 1)


#: set by `main`, the console command's entry point: the process ends with the command
_PROCESS = "process"


def _ends_the_process() -> bool:
    """Whether this command is the whole process (`reportparse ...`, `python -m reportparse ...`), not a call
    from Python (a test's CliRunner, a script): then what start-up froze stays frozen to the end, and the
    interpreter's last collection at exit does not walk it either (~40 ms of a cold check)."""
    context = click.get_current_context(silent=True)
    return context is not None and context.find_root().obj == _PROCESS


def _exit(code: int) -> NoReturn:
    """Exit with `code`; when the command is the whole process, without the interpreter's teardown.

    At exit the interpreter frees, one object at a time, every module, pydantic schema and compiled pattern
    a cold check made (10–15 ms of a 0.3 s check, all of it for nothing: the process is ending). So the
    process ends here as the interpreter would end it — other threads done, the `atexit` functions run, the
    standard streams flushed — and then leaves with `os._exit`. Not when a tracer or a profiler watches
    (coverage, `python -m cProfile`: they write their data after the command returns), nor when another
    thread still runs, nor when a stream cannot be flushed (a closed pipe: the interpreter reports it)."""
    import threading

    if (_ends_the_process() and sys.gettrace() is None and sys.getprofile() is None
            and threading.active_count() == 1):
        import atexit

        atexit._run_exitfuncs()
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


def main() -> None:
    # The first model pydantic builds makes it look for plugins in the entry points of every installed
    # distribution (5–8 ms of a cold check among 150 packages); reportparse uses none. Whoever wants
    # theirs in a reportparse process sets PYDANTIC_DISABLE_PLUGINS to '' (or to the names to leave out).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    cli(obj=_PROCESS)
