"""HTML review page: one self-contained, offline file that shows every finding on the page it came from.

`render_html` / `render_html_document` are pure (Results and page images in, a string out);
`render_html_file` gathers what they need from disk — PDF page images (render/pages.py) and, for
other formats, the passage or table row around each quote (render/context.py). Everything is
inlined: CSS, JS and images as data: URIs, under a Content-Security-Policy that forbids any
network access. All report text is escaped.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from html import escape
from importlib.resources import files

from reportparse.checks.catalogue import CATALOGUE
from reportparse.model import BBox, Document, Evidence, Finding, Result, Status
from reportparse.render.chinese import STATUS_ZH, failure_zh, note_zh
from reportparse.render.common import (
    SEVERITY_LABEL,
    SEVERITY_ORDER,
    distinctive_numbers,
    evidence_location,
    group_findings,
    number_key,
    one_line,
    places,
    split_numbers,
    summary_counts,
)
from reportparse.render.context import Context, EvidenceKey, evidence_key
from reportparse.render.html_projects import render_projects
from reportparse.render.pages import DEFAULT_BUDGET, PageImage
from reportparse.render.quoteboxes import QuoteBox

#: points of page shown above and below an evidence box in the close-up band
BAND_MARGIN = 70.0
_CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "base-uri 'none'; form-action 'none'")

PageImages = Mapping[int, PageImage]
Contexts = Mapping[EvidenceKey, Context]
QuoteBoxes = Mapping[EvidenceKey, QuoteBox]


def render_html_file(results: Sequence[Result], documents: Sequence[Document | None] = ()) -> str:
    """The review page for the CLI: gathers what the pure renderer needs from the source files.

    For PDFs: page images of the evidence pages and the exact per-line boxes of each quote; for
    the other formats: the passage or table row around each quote, from the result's Document in
    `documents` when the caller kept it (`pipeline.check_document`), else read again.
    """
    from reportparse.render.context import gather_contexts
    from reportparse.render.pages import gather_page_images
    from reportparse.render.quoteboxes import gather_quote_boxes

    budget = DEFAULT_BUDGET // max(1, len(results))
    images = [gather_page_images(r, budget) for r in results]
    kept = list(documents) + [None] * (len(results) - len(documents))
    contexts = [gather_contexts(r, document) for r, document in zip(results, kept, strict=True)]
    boxes = [gather_quote_boxes(r) for r in results]
    return render_html_document(results, images, contexts, boxes)


def render_html(result: Result, page_images: PageImages | None = None, contexts: Contexts | None = None,
                quote_boxes: QuoteBoxes | None = None) -> str:
    """The review page of one result (pure)."""
    return render_html_document([result], [page_images or {}], [contexts or {}], [quote_boxes or {}])


def render_html_document(results: Sequence[Result], page_images: Sequence[PageImages] = (),
                         contexts: Sequence[Contexts] = (), quote_boxes: Sequence[QuoteBoxes] = ()) -> str:
    """One page for several results: an index, a filter bar, then a section per document (pure).

    The i-th entry of `page_images`, `contexts` and `quote_boxes` belongs to the i-th result;
    missing entries mean none (quotes are then shown on their own).
    """
    images = [page_images[i] if i < len(page_images) else {} for i in range(len(results))]
    ctxs = [contexts[i] if i < len(contexts) else {} for i in range(len(results))]
    boxes = [quote_boxes[i] if i < len(quote_boxes) else {} for i in range(len(results))]
    title = results[0].source.path if len(results) == 1 else f"{len(results)} 个文件"
    body = [f"<h1>reportparse 审查报告 · {escape(title)}</h1>"]
    if len(results) > 1:
        body.append(_index(results))
    body.append(_filters(results))
    for number, result in enumerate(results):
        if len(results) > 1:
            body.append(f"<h2 class=\"doc-title\" id=\"doc-{number}-title\">{number + 1}. "
                        f"{escape(result.source.path)}</h2>")
        body.append(_document(number, result, _Sources(images[number], ctxs[number], boxes[number])))
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_CSP}\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{escape(title)} · reportparse</title>"
            f"<style>{_asset('review.css')}\n{_page_css(images)}</style></head>\n"
            f"<body><main>\n{chr(10).join(body)}\n</main><script>{_asset('review.js')}</script></body></html>\n")


@cache
def _asset(name: str) -> str:
    """A CSS/JS file shipped next to this module (package data)."""
    return files("reportparse.render").joinpath(name).read_text(encoding="utf-8")


def _page_css(images: Sequence[PageImages]) -> str:
    """One CSS class per page image, so each image is embedded once however often it is shown."""
    rules = []
    for doc, pages in enumerate(images):
        for number, image in sorted(pages.items()):
            data = base64.b64encode(image.data).decode("ascii")
            rules.append(f".pg-{doc}-{number}{{background-image:url(data:{image.mime};base64,{data})}}")
    return "\n".join(rules)


def _index(results: Sequence[Result]) -> str:
    items = []
    for number, result in enumerate(results):
        counts = _counts([result])
        items.append(f"<li><a href=\"#doc-{number}\">{escape(result.source.path)}</a> "
                     f"<span class=\"status-{result.status.value}\">{result.status.value}</span> {counts}</li>")
    return f"<ul class=\"index\">{''.join(items)}</ul>"


def _counts(results: Sequence[Result]) -> str:
    counts = summary_counts(results)
    return "<span class=\"counts\">" + " ".join(
        f"<span class=\"sev-{s.value}\">{counts[s]} {SEVERITY_LABEL[s]}</span>" for s in SEVERITY_ORDER) + "</span>"


def _filters(results: Sequence[Result]) -> str:
    """The filter bar: severity, code and project selects driven by (and driving) the URL hash."""
    findings = [f for r in results for f in r.findings]
    codes = sorted({f.code for f in findings})
    projects: list[str] = []
    for result in results:
        for group in group_findings(result):
            if group.findings and group.name and group.name not in projects:
                projects.append(group.name)

    def select(key: str, label: str, options: list[tuple[str, str]]) -> str:
        opts = "".join(f"<option value=\"{escape(v)}\">{escape(t)}</option>" for v, t in options)
        return (f"<label>{label} <select id=\"f-{key}\"><option value=\"\">全部</option>{opts}</select></label>")

    return ("<div class=\"filters\">"
            + select("severity", "严重度", [(s.value, f"{SEVERITY_LABEL[s]} {s.value}") for s in SEVERITY_ORDER])
            + select("code", "代码", [(c, c) for c in codes])
            + select("project", "项目", [(p, p) for p in projects])
            + "<button type=\"button\" id=\"f-reset\">清除筛选</button>"
            + f"<span id=\"f-count\" class=\"muted\">共 {len(findings)} 条</span></div>")


@dataclass(frozen=True)
class _Sources:
    """What one document's evidence views may draw on."""

    images: PageImages
    contexts: Contexts
    boxes: QuoteBoxes


def _document(number: int, result: Result, sources: _Sources) -> str:
    """A document's section: summary header, findings table, projects."""
    parts = [f"<section class=\"doc\" id=\"doc-{number}\">", _doc_header(result)]
    if result.status is Status.FAILED:
        parts.append(f"<p class=\"failed\">无法处理（{escape(result.reason or 'failed')}）："
                     f"{escape(failure_zh(result))}</p></section>")
        return "".join(parts)
    parts.append("<h2>问题清单</h2>")
    parts.append(_findings_table(number, result, sources))
    if result.report is not None and result.report.projects:
        parts.append("<h2>项目与指标</h2>")
        parts.append(render_projects(result))
    parts.append("</section>")
    return "\n".join(parts)


def _doc_header(result: Result) -> str:
    source = result.source
    report = result.report
    rows = [("文件", escape(source.path)),
            ("格式", f"{escape(source.format.value.upper())}"
                     + (f"，{source.pages} 页" if source.pages and source.pages_known else "")),
            ("状态", f"<span class=\"status-{result.status.value}\">{STATUS_ZH[result.status]}</span>"
                     + (f"（{escape(result.reason)}）" if result.reason else "")),
            ("评分规则", escape(result.profile)),
            ("问题", _counts([result]))]
    if report is not None:
        described = " · ".join(escape(str(v)) for v in (report.title, report.unit, report.year) if v)
        if described:
            rows.insert(1, ("报告", described))
        rows.append(("项目数", str(len(report.projects))))
    if source.sha256:
        rows.append(("SHA-256", f"<span class=\"muted\">{escape(source.sha256)}</span>"))
    if result.problems:
        rows.append(("未能读取", "<br>".join(escape(one_line(note_zh(p))) for p in result.problems)))
    if result.notes:
        rows.append(("注意", "<br>".join(escape(one_line(note_zh(n))) for n in result.notes)))
    items = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f"<div class=\"doc-head\"><dl>{items}</dl></div>"


def _findings_table(doc: int, result: Result, sources: _Sources) -> str:
    """Findings grouped by project, most severe first; each row expands to its evidence."""
    rows = []
    counter = 0
    for group in group_findings(result):
        for finding in group.findings:
            counter += 1
            rows.append(_finding_row(doc, counter, group.name or "", finding, sources))
    if not rows:
        return "<p>没有发现问题。</p>"
    head = ("<tr><th>#</th><th>严重度</th><th>代码</th><th>项目</th><th>指标</th><th>说明与证据</th>"
            "<th>页/位置</th></tr>")
    return f"<table class=\"findings\"><thead>{head}</thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>"


def _finding_row(doc: int, number: int, project: str, finding: Finding, sources: _Sources) -> str:
    info = CATALOGUE.get(finding.code)
    rule = (f"<p class=\"rule\">规则：{escape(info.title)} — {escape(info.formula)}（{escape(info.source)}）</p>"
            if info else "")
    values = []
    if finding.expected is not None:
        values.append(f"应为 <b>{escape(_value(finding.expected))}</b>")
    if finding.actual is not None:
        values.append(f"实为 <b>{escape(_value(finding.actual))}</b>")
    if finding.profile:
        values.append(f"规则集 {escape(finding.profile)}")
    focus = distinctive_numbers(finding.message, finding.expected, finding.actual)
    evidence = _evidence_blocks(doc, finding.evidence, sources, focus) or (
        "<p class=\"muted\">（无引文）</p>")
    body = (f"<details class=\"evidence\"><summary>{escape(one_line(finding.message))}</summary>{rule}"
            + (f"<p class=\"values\">{'，'.join(values)}</p>" if values else "") + evidence + "</details>")
    return (f"<tr class=\"finding\" id=\"f-{doc}-{number}\" data-severity=\"{finding.severity.value}\" "
            f"data-code=\"{escape(finding.code)}\" data-project=\"{escape(project)}\">"
            f"<td>{number}</td><td><span class=\"sev sev-{finding.severity.value}\">"
            f"{SEVERITY_LABEL[finding.severity]}</span></td><td><code>{escape(finding.code)}</code></td>"
            f"<td>{escape(project)}</td><td>{escape(finding.indicator or '')}</td><td>{body}</td>"
            f"<td class=\"num\">{escape(places(finding.evidence))}</td></tr>")


def _value(value: str | Decimal) -> str:
    return str(value) if isinstance(value, str) else format(value.normalize(), "f")


def highlight(text: str, focus: Collection[str] = ()) -> str:
    """Escaped text with every number wrapped in <mark class="num">; the finding's own figures
    (`focus`, as number keys) get <mark class="num focus">."""
    def mark(piece: str) -> str:
        css = "num focus" if number_key(piece) in focus else "num"
        return f"<mark class=\"{css}\">{escape(piece)}</mark>"

    return "".join(mark(piece) if is_number else escape(piece) for piece, is_number in split_numbers(text))


def _evidence_blocks(doc: int, evidence: list[Evidence], sources: _Sources, focus: set[str]) -> str:
    """The quotes of a finding; neighbouring quotes on one page image share one close-up.

    A goal-table finding quotes the row's name and target cells: one picture with both boxes
    shows the relation better than two nearly identical pictures.
    """
    blocks: list[list[Evidence]] = []
    for ev in evidence:
        last = blocks[-1][-1] if blocks else None
        same_row = last is not None and ev.table is not None and (ev.table, ev.row) == (last.table, last.row)
        if last is not None and ((_near(last, ev) and ev.page in sources.images) or same_row):
            blocks[-1].append(ev)
        else:
            blocks.append([ev])
    return "".join(_evidence(doc, block, sources, focus) for block in blocks)


def _near(a: Evidence, b: Evidence) -> bool:
    """Two boxed quotes on the same page whose boxes are at most a band margin apart vertically."""
    if a.page != b.page or a.bbox is None or b.bbox is None:
        return False
    return b.bbox.top - a.bbox.bottom < BAND_MARGIN and a.bbox.top - b.bbox.bottom < BAND_MARGIN


def _evidence(doc: int, block: list[Evidence], sources: _Sources, focus: set[str]) -> str:
    """Quotes with their page close-up (PDF), or each quote marked in its passage or table row.

    A quote shown in its context is not repeated on its own: the context marks it.
    """
    parts = ["<div class=\"ev\">"]
    first = block[0]
    image = sources.images.get(first.page) if first.page is not None else None
    contexts = [sources.contexts.get(evidence_key(ev)) for ev in block]
    pictured = image is not None and first.bbox is not None
    for ev, context in zip(block, contexts, strict=True):
        if not pictured and context is not None and context.cells and ev is not first:
            continue  # a further cell of the same row: marked in the first cell's row below
        where = evidence_location(ev, with_col=not (context and context.cells))
        parts.append(f"<div class=\"ev-where\">{escape(where)}</div>")
        if pictured or context is None:
            parts.append(f"<blockquote class=\"quote\">{highlight(one_line(ev.text), focus)}</blockquote>")
        else:
            parts.append(_context(context, ev, {e.col for e in block if e.col is not None}))
    if pictured and image is not None:
        boxes: list[BBox] = []
        figures: list[BBox] = []
        for ev in block:
            found = sources.boxes.get(evidence_key(ev))
            if found is not None:
                boxes.extend(found.lines)
                if len(found.lines) > 1:  # in a long quote, also point at the figures the finding is about
                    figures.extend(b for key, number_boxes in found.numbers if key in focus for b in number_boxes)
            elif ev.bbox is not None:
                boxes.append(ev.bbox)
        parts.append(_page_views(doc, first.page or 1, boxes, image, figures))
    parts.append("</div>")
    return "".join(parts)


def _page_views(doc: int, page: int, boxes: list[BBox], image: PageImage,
                figures: Sequence[BBox] = ()) -> str:
    """A close-up band of the page around the boxes, and the whole page on demand, both with the boxes drawn."""
    width, height = image.width_pt, image.height_pt
    top = max(0.0, min(b.top for b in boxes) - BAND_MARGIN)
    bottom = min(height, max(b.bottom for b in boxes) + BAND_MARGIN)
    band = max(bottom - top, 1.0)
    box_div = "".join(_box(box, width, height) for box in boxes) + "".join(
        _box(box, width, height, css="box figure") for box in figures)
    close_up = (f"<div class=\"band\" style=\"aspect-ratio:{width:.1f}/{band:.1f}\">"
                f"<div class=\"page pg-{doc}-{page}\" style=\"top:{-top / band * 100:.3f}%;"
                f"height:{height / band * 100:.3f}%\">{box_div}</div></div>")
    whole = (f"<details class=\"whole\"><summary>整页 p.{page}</summary>"
             f"<div class=\"page-full pg-{doc}-{page}\" style=\"aspect-ratio:{width:.1f}/{height:.1f}\">"
             f"{box_div}</div></details>")
    return close_up + whole


def _locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` is in `text`, ignoring differences in whitespace (line breaks repaired or not)."""
    chars = [re.escape(c) for c in quote if not c.isspace()]
    if not chars:
        return None
    match = re.search(r"\s*".join(chars), text)
    return match.span() if match else None


def _box(box: BBox, width: float, height: float, pad: float = 2.0, css: str = "box") -> str:
    """An evidence box as an absolutely positioned div, in percent of the page (so any scale works)."""
    x0, x1 = max(0.0, box.x0 - pad), min(width, box.x1 + pad)
    y0, y1 = max(0.0, box.top - pad), min(height, box.bottom + pad)
    return (f"<div class=\"{css}\" style=\"left:{x0 / width * 100:.3f}%;top:{y0 / height * 100:.3f}%;"
            f"width:{(x1 - x0) / width * 100:.3f}%;height:{(y1 - y0) / height * 100:.3f}%\"></div>")


def _context(context: Context, ev: Evidence, hit_cols: set[int]) -> str:
    """The passage with the quote marked, or the table row with the quoted cell marked."""
    if context.text is not None:
        text = context.text
        span = _locate(text, ev.text)
        if span is None:
            return f"<div class=\"context\">{highlight(text)}</div>"
        start, end = span
        return (f"<div class=\"context\">{highlight(text[:start])}<span class=\"hit\">"
                f"{highlight(text[start:end])}</span>{highlight(text[end:])}</div>")
    header = "".join(f"<th{_span(len(cols))}>{escape(text)}</th>"
                     for text, cols in _runs(context.header, context.header_merged))
    hit = " class=\"hit\""
    cells = "".join(f"<td{_span(len(cols))}{hit if hit_cols & set(cols) else ''}>{highlight(text)}</td>"
                    for text, cols in _runs(context.cells, context.merged))
    header_row = f"<tr>{header}</tr>" if header else ""
    return f"<table class=\"ctx-row\">{header_row}<tr>{cells}</tr></table>"


def _runs(texts: list[str], merged: list[bool]) -> list[tuple[str, list[int]]]:
    """Cells as runs: a merged cell repeated by the grid (flagged `merged`, same text) is one run."""
    runs: list[tuple[str, list[int]]] = []
    for col, text in enumerate(texts):
        repeated = col < len(merged) and merged[col]
        if runs and repeated and runs[-1][0] == text:
            runs[-1][1].append(col)
        else:
            runs.append((text, [col]))
    return runs


def _span(width: int) -> str:
    return f" colspan=\"{width}\"" if width > 1 else ""
