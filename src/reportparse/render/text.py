"""Terminal renderer (placeholder until issue 5): plain text grouped by project."""

from __future__ import annotations

from collections.abc import Sequence

from reportparse.model import Result


def render_text(results: Sequence[Result], color: bool = False) -> str:
    """Findings for people: grouped by project, with page and quote."""
    out: list[str] = []
    for result in results:
        out.append(f"{result.source.path}  [{result.status.value}]")
        if result.message:
            out.append(f"  {result.message}")
        for f in result.findings:
            out.append(f"  {f.severity.value:7} {f.code:28} {f.project or '-'} / {f.indicator or '-'}")
            out.append(f"          {f.message}")
            for ev in f.evidence:
                out.append(f"          p.{ev.page}: {ev.text}")
        s = result.summary
        out.append(f"  {s.error} error, {s.warning} warning, {s.info} info")
    return "\n".join(out) + "\n"
