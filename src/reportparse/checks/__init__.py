"""The check stage: Report → findings. Checks are small registered functions.

Each check is a generator `fn(ctx: CheckContext) -> Iterator[Finding]` registered under a stable
kebab-case code from `catalogue.CATALOGUE`. Codes are never renamed; new ones are added to the
catalogue first. `run_checks` runs every registered check and never lets one check's defect stop
the others: a crash becomes a problem note on the result, not a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from reportparse.checks.catalogue import CATALOGUE
from reportparse.model import AMBIGUOUS_CUT_CONFIDENCE, Document, Evidence, Finding, Report, Severity
from reportparse.scoring import Profile


@dataclass
class CheckContext:
    """What a check may look at."""

    report: Report
    profile: Profile
    document: Document | None = None
    problems: list[str] = field(default_factory=list)


CheckFn = Callable[[CheckContext], Iterator[Finding]]

#: The note on a finding that rests on a value OCR read with low confidence.
OCR_UNCERTAIN = "ocr-uncertain"
#: A quote whose lowest character confidence is below this is uncertain.
LOW_CONFIDENCE = 0.8
#: The note on a finding that rests on a figure cut from a glued run more than one reading fits.
AMBIGUOUS_CUT = "ambiguous-cut"
#: The note on a finding about a form whose columns were inferred: the excerpt does not print its header.
IMPLIED_COLUMNS = "implied-columns"


@dataclass(frozen=True)
class RegisteredCheck:
    """A check function, registered under the code of the findings it makes."""

    code: str
    severity: Severity
    fn: CheckFn


REGISTRY: dict[str, list[RegisteredCheck]] = {}


def register(code: str) -> Callable[[CheckFn], CheckFn]:
    """Register a check function under a catalogue code (several functions may share one code)."""
    if code not in CATALOGUE:
        raise KeyError(f"check code {code!r} is not in the catalogue")

    def decorate(fn: CheckFn) -> CheckFn:
        REGISTRY.setdefault(code, []).append(RegisteredCheck(code, CATALOGUE[code].severity, fn))
        return fn

    return decorate


def new_finding(
    code: str,
    message: str,
    *,
    project: str | None = None,
    indicator: str | None = None,
    expected: str | Decimal | None = None,
    actual: str | Decimal | None = None,
    evidence: Iterable[Evidence] = (),
    profile: str | None = None,
    severity: Severity | None = None,
) -> Finding:
    """Build a Finding for a catalogue code, with the catalogue's severity unless overridden."""
    return Finding(
        code=code,
        severity=severity or CATALOGUE[code].severity,
        project=project,
        indicator=indicator,
        message=message,
        expected=expected,
        actual=actual,
        evidence=_dedupe(evidence),
        profile=profile,
    )


def _dedupe(evidence: Iterable[Evidence]) -> list[Evidence]:
    seen: set[tuple[int | None, str, int | None, int | None]] = set()
    out: list[Evidence] = []
    for ev in evidence:
        key = (ev.page, ev.text, ev.line, ev.paragraph)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

#: code → the codes that already state its fact when raised on the same row: a row scored full though every
#: actual missed its target is `target-missed-full-score`, a row whose target was met but lost points is
#: `met-but-deducted`; the formula's `score-mismatch` on such a row only says it again in points (its
#: recomputed score stays on the indicator). One fact, one finding.
RESTATES = {"score-mismatch": ("target-missed-full-score", "met-but-deducted")}


def run_checks(ctx: CheckContext) -> list[Finding]:
    """Run every registered check; return findings sorted by severity, project and code."""
    _load_check_modules()
    findings: list[Finding] = []
    seen: set[tuple[str, str | None, str | None, str]] = set()
    for code in sorted(REGISTRY):
        for registered in REGISTRY[code]:
            try:
                for finding in registered.fn(ctx):
                    key = (finding.code, finding.project, finding.indicator, finding.message)
                    if key not in seen:
                        seen.add(key)
                        findings.append(finding)
            except Exception as exc:  # a defect in one check must not hide the others' findings
                ctx.problems.append(f"check {code} failed: {exc.__class__.__name__}: {exc}")
    findings = without_restatements(findings)
    findings = [mark_uncertain(f) for f in findings]
    if ctx.report.implied_columns:
        findings = [implied(f) for f in findings]
    findings.sort(key=lambda f: (_SEVERITY_ORDER[f.severity], f.project or "", f.code))
    return findings


def without_restatements(findings: list[Finding]) -> list[Finding]:
    """The findings less those that restate another finding on the same row (see RESTATES)."""
    raised = {(f.code, f.project, f.indicator) for f in findings if f.indicator}
    return [f for f in findings
            if not (f.indicator and any((code, f.project, f.indicator) in raised for code in RESTATES.get(f.code, ())))]


def mark_uncertain(finding: Finding) -> Finding:
    """The finding with an `ocr-uncertain` note when a quote it rests on was read by OCR with low
    confidence: the reviewer must look at the page before trusting it (never a silent guess). A
    figure read unsurely does not by itself make an error: an error quoting one is a warning (a
    misread digit, 10 read as 110, would otherwise stand as a confident conflict)."""
    shaky = [ev for ev in finding.evidence if ev.confidence is not None and ev.confidence < LOW_CONFIDENCE]
    if not shaky or OCR_UNCERTAIN in finding.notes:
        return finding
    if any(ev.confidence == AMBIGUOUS_CUT_CONFIDENCE for ev in shaky):
        return ambiguous(finding)
    update: dict[str, object] = {"notes": [*finding.notes, OCR_UNCERTAIN]}
    if finding.severity == Severity.ERROR and any(any(ch.isdigit() for ch in ev.text) for ev in shaky):
        update["severity"] = Severity.WARNING
    return finding.model_copy(update=update)


def implied(finding: Finding) -> Finding:
    """A finding on a form read under a header the text does not print (an excerpt cut below it): which cell
    is the target, the result, the 分值 or the 得分 is the reader's inference, so at most an info that says so."""
    if finding.severity == Severity.INFO or IMPLIED_COLUMNS in finding.notes:
        return finding
    message = f"{finding.message}（摘录不含表头，各列由行的格式推断，请核对原表）"
    return finding.model_copy(update={"severity": Severity.INFO, "message": message,
                                      "notes": [*finding.notes, IMPLIED_COLUMNS]})


def ambiguous(finding: Finding) -> Finding:
    """A finding that rests on a figure the reader cut from a glued run ('5088') one of several ways:
    at most an info that says so, never an error or warning on a guess."""
    message = f"{finding.message}（依据的数字粘连在一起，可有多种拆分，请核对原表）"
    return finding.model_copy(update={"severity": Severity.INFO, "message": message,
                                      "notes": [*finding.notes, AMBIGUOUS_CUT]})


def _load_check_modules() -> None:
    """Import the modules that register checks (deferred so importing the registry stays cheap)."""
    import importlib
    import pkgutil

    import reportparse.checks as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name not in ("catalogue",):
            importlib.import_module(f"reportparse.checks.{info.name}")


def where_said(evidence: Iterable[Evidence], pages_known: bool) -> str:
    """`，第3页` for a message — or, in a file without known pages (a DOCX Word never laid out), the
    paragraph or table row: `，第12段`, `，表2 第5行`; empty when the evidence says nothing of where."""
    evidence = list(evidence)
    if pages_known:
        pages = sorted({ev.page for ev in evidence if ev.page is not None})
        return f"，第{'、'.join(map(str, pages))}页" if pages else ""
    places: list[str] = []
    for ev in evidence:
        if ev.table is not None and ev.row is not None:
            place = f"表{ev.table + 1} 第{ev.row + 1}行"
        elif ev.paragraph is not None:
            place = f"第{ev.paragraph + 1}段"
        else:
            continue
        if place not in places:
            places.append(place)
    return f"，{'、'.join(places)}" if places else ""


def pages_known(ctx: CheckContext) -> bool:
    """Whether the checked file records its pages (see `Source.pages_known`)."""
    return ctx.document is None or ctx.document.source.pages_known

