"""The only place the stages are chained: extract → parse → normalise → score → check.

`check(path)` never raises for a bad input: it returns a Result with status `failed` and the
reason. Only programming errors escape, and even those are turned into a failed Result at the
CLI edge so that a batch never loses a file.
"""

from __future__ import annotations

from pathlib import Path

from reportparse.errors import InputError
from reportparse.libnotes import library_notes
from reportparse.model import Document, Report, Result, Source, SourceFormat, Status, Summary
from reportparse.readers import file_sha256
from reportparse.scoring import DEFAULT_PROFILE, get_profile


def extract(path: str | Path) -> Document:
    """Read a file into a Document. Raises an InputError subclass for bad input."""
    from reportparse.readers import extract_document

    return extract_document(Path(path))


def parse(document: Document, profile_name: str = DEFAULT_PROFILE) -> Report:
    """parse → normalise → score: the structured data of a document, without findings."""
    return _parsed(document, profile_name)[0]


def _parsed(document: Document, profile_name: str) -> tuple[Report, Document]:
    """`parse`, with the document as the parser read it (folded: see `parse_folded`)."""
    from reportparse.normalise import normalise_report
    from reportparse.parse import parse_folded
    from reportparse.score import score_report

    report, folded = parse_folded(document)
    report = normalise_report(report)
    return score_report(report, get_profile(profile_name)), folded


def analyse(document: Document, profile_name: str = DEFAULT_PROFILE) -> Result:
    """Run parse → normalise → score → check on an extracted document."""
    from reportparse.checks import CheckContext, run_checks
    from reportparse.locations import drop_unknown_pages

    profile = get_profile(profile_name)
    problems: list[str] = []
    # (the checks read the prose as the parser did: a traditional reposting's 與預算相比 is 与预算相比 to them)
    report, folded = _parsed(document, profile_name)
    ctx = CheckContext(report=report, profile=profile, document=folded, problems=problems)
    findings = run_checks(ctx)
    summary = Summary(
        error=sum(f.severity == "error" for f in findings),
        warning=sum(f.severity == "warning" for f in findings),
        info=sum(f.severity == "info" for f in findings),
    )
    problems = document.problems + problems
    status = Status.PARTIAL if problems else Status.OK
    result = Result(source=document.source, status=status, profile=profile.name, report=report,
                    findings=findings, summary=summary, problems=problems, notes=document.notes)
    return drop_unknown_pages(result)


def check(path: str | Path, profile: str = DEFAULT_PROFILE) -> Result:
    """Check one file end to end. Bad input gives a `failed` Result, never an exception; warnings
    that libraries raise on the way become the result's notes (never stderr)."""
    return check_document(path, profile)[0]


def check_document(path: str | Path, profile: str = DEFAULT_PROFILE) -> tuple[Result, Document | None]:
    """`check`, and the Document it read (None when the file could not be read): for a caller that renders
    the review page, whose passages then come from that Document instead of a second reading of the file."""
    path = Path(path)
    get_profile(profile)  # an unknown profile is a usage error, raised before any work
    document = None
    with library_notes() as notes:
        try:
            document = extract(path)
            result = analyse(document, profile)
        except InputError as exc:
            result = failed_result(path, exc.reason, exc.message, profile)
    return (result.model_copy(update={"notes": [*result.notes, *notes]}) if notes else result), document


def failed_result(path: Path, reason: str, message: str, profile: str = DEFAULT_PROFILE) -> Result:
    """A Result for a file that could not be processed (its digest only when it is a readable
    regular file within the size limit, streamed: never a device or a huge file read whole)."""
    return Result(source=Source(path=str(path), format=guess_format(path), sha256=file_sha256(path),
                                pages=0),
                  status=Status.FAILED, reason=reason, message=message, profile=profile)


def guess_format(path: Path) -> SourceFormat:
    from reportparse.readers import SUFFIXES

    return SUFFIXES.get(path.suffix.lower(), SourceFormat.TEXT)
