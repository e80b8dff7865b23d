"""A thin click CLI over the library. Exit codes: 0 clean, 1 findings at/above --fail-on, 2 bad input or
an output that could not be written, 130 interrupted (Ctrl-C)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from reportparse.errors import OutputError, ReportParseError
from reportparse.model import Result, Severity, Status
from reportparse.render.common import terminal_safe
from reportparse.scoring import DEFAULT_PROFILE, PROFILES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for Ctrl-C

_FAIL_LEVELS = {"error": [Severity.ERROR], "warning": [Severity.ERROR, Severity.WARNING],
                "info": [Severity.ERROR, Severity.WARNING, Severity.INFO], "never": []}


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
    click.echo(f"reportparse: {terminal_safe(exc.message)}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def _use_color(out: Path | None) -> bool:
    return out is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "html"]), default="text",
              show_default=True)
@click.option("--profile", type=click.Choice(sorted(PROFILES)), default=DEFAULT_PROFILE, show_default=True,
              help="scoring rules to recompute with")
@click.option("--fail-on", type=click.Choice(list(_FAIL_LEVELS)), default="error", show_default=True,
              help="exit 1 when a finding at or above this severity is found")
@click.option("-o", "--out", type=click.Path(path_type=Path), help="write here instead of stdout")
def check(files: tuple[Path, ...], fmt: str, profile: str, fail_on: str, out: Path | None) -> None:
    """Check FILES and report every inconsistency with its evidence."""
    if out is not None:
        from reportparse.atomicwrite import refuse_inputs

        try:
            refuse_inputs(out, files)  # before any work: the output would destroy an input
        except OutputError as exc:
            _fail(exc)
    results = [_safe_check(path, profile) for path in files]
    _write(_render(results, fmt, out), out, files)
    for r in results:
        if r.status is Status.FAILED:
            click.echo(f"reportparse: {terminal_safe(r.message or f'{r.source.path}: {r.reason}')}", err=True)
    if any(r.status is Status.FAILED for r in results):
        sys.exit(EXIT_BAD_INPUT)
    levels = _FAIL_LEVELS[fail_on]
    sys.exit(EXIT_FINDINGS if any(f.severity in levels for r in results for f in r.findings) else EXIT_CLEAN)


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
    from reportparse.render.text import render_text

    return render_text(results, color=_use_color(out))


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--document", is_flag=True, help="print the extracted Document instead of the parsed Report")
def extract(file: Path, fmt: str, document: bool) -> None:
    """Print the structured data of FILE (no findings)."""
    import json

    from reportparse.errors import InputError
    from reportparse.pipeline import extract as extract_file
    from reportparse.pipeline import parse

    try:
        doc = extract_file(file)
        data = doc.model_dump(mode="json") if document else parse(doc).model_dump(mode="json")
    except InputError as exc:
        _fail(exc)
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(fmt: str) -> None:
    """List the check catalogue: code, severity, meaning, formula and source."""
    import json

    from reportparse.checks.catalogue import CATALOGUE, RULES_DOCUMENT

    if fmt == "json":
        data = [{"code": c.code, "severity": c.severity.value, "title": c.title, "formula": c.formula,
                 "source": c.source} for c in CATALOGUE.values()]
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


def main() -> None:
    cli()
