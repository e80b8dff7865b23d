"""The reviewer's desk page (`reportparse serve`): pure renderers, files and results in, HTML out.

`render_desk_page` is the shell (drop zone, empty lists, download buttons); the page's script
(`desk.js`) polls the server and swaps in `render_file_list` and `render_findings`, which the
server renders from the desk's files. Filtering happens in the browser on the rows' data-*
attributes, so a filter survives the next update. All report text and file names are escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape

from reportparse.model import Finding
from reportparse.readers import SUFFIXES  # what the readers take is what the file picker offers
from reportparse.render.common import SEVERITY_LABEL, SEVERITY_ORDER, group_findings, location, one_line, trim_quote
from reportparse.serve.desk import DeskFile, FileStatus

STATUS_LABEL = {FileStatus.QUEUED: "排队中", FileStatus.CHECKING: "检查中", FileStatus.DONE: "完成",
                FileStatus.FAILED: "失败"}
#: the tables a reviewer can download: (file name, button label)
DOWNLOADS = (("summary.xlsx", "汇总工作簿 summary.xlsx"), ("findings.csv", "问题清单 findings.csv"),
             ("indicators.csv", "指标表 indicators.csv"))


def render_desk_page(max_upload_mb: int, profile: str) -> str:
    """The page shell; its lists are filled in by the script from the fragments below."""
    accepted = ",".join(sorted(SUFFIXES))
    kinds = "、".join(sorted({suffix.lstrip(".").upper() for suffix in SUFFIXES}))
    downloads = "".join(f"<a class=\"button\" id=\"dl-{escape(name.replace('.', '-'))}\" "
                        f"href=\"/download/{escape(name)}\" download>{escape(label)}</a>" for name, label in DOWNLOADS)
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>reportparse 审查台</title><link rel=\"stylesheet\" href=\"/static/desk.css\"></head>\n<body><main>"
            "<h1>reportparse 审查台</h1>"
            f"<p class=\"muted\">文件只在本机检查，不会发送到任何地方；服务停止时上传的文件一并删除。评分规则 "
            f"{escape(profile)}。</p>"
            "<label id=\"drop\" class=\"drop\" for=\"file-input\"><strong>把报告拖到这里</strong>，或点击选择文件"
            f"<span class=\"muted\">{escape(kinds)}，可多选；每次上传合计不超过 {max_upload_mb} MB</span>"
            f"<input id=\"file-input\" type=\"file\" multiple accept=\"{escape(accepted)}\"></label>"
            "<p id=\"upload-message\" class=\"message\" role=\"status\"></p>"
            "<h2>文件</h2><div id=\"files\">" + render_file_list([]) + "</div>"
            "<h2>问题</h2><div id=\"findings\">" + render_findings([]) + "</div>"
            f"<h2>下载</h2><p class=\"downloads\">{downloads}</p>"
            "</main><script src=\"/static/desk.js\"></script></body></html>\n")


def render_file_list(files: Sequence[DeskFile]) -> str:
    """One row per uploaded file: status, counts, the reason when it failed, its review page."""
    if not files:
        return "<p class=\"muted\" id=\"no-files\">还没有文件。</p>"
    rows = []
    for file in files:
        result = file.result
        counts = (_counts(result.findings) if result is not None and file.status is FileStatus.DONE else "")
        if file.status is FileStatus.FAILED:
            counts = (f"<span class=\"reason\">{escape(file.reason or 'failed')}</span> "
                      f"<span class=\"muted\">{escape(one_line(file.message or ''))}</span>")
        elif result is not None and result.status.value == "partial":
            counts += " <span class=\"muted\">部分内容未能读取</span>"
        link = (f"<a href=\"/files/{file.id}/review\" target=\"_blank\" rel=\"noopener\">打开</a>"
                if result is not None else "")
        rows.append(f"<tr class=\"file\" id=\"file-{file.id}\" data-status=\"{file.status.value}\">"
                    f"<td class=\"num\">{file.id}</td><td>{escape(file.name)}</td>"
                    f"<td class=\"num\">{_size(file.size)}</td>"
                    f"<td><span class=\"state state-{file.status.value}\">{STATUS_LABEL[file.status]}</span></td>"
                    f"<td>{counts}</td><td>{link}</td></tr>")
    head = "<tr><th>#</th><th>文件</th><th>大小</th><th>状态</th><th>结果</th><th>审查页</th></tr>"
    return f"<table class=\"files\"><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def render_findings(files: Sequence[DeskFile]) -> str:
    """The filter bar and every finding of every checked file, each row expandable to its evidence."""
    checked = [f for f in files if f.result is not None and f.status is FileStatus.DONE]
    rows: list[str] = []
    codes: set[str] = set()
    projects: list[str] = []
    for file in checked:
        assert file.result is not None
        number = 0
        for group in group_findings(file.result):  # the review page's order, so its row anchors match
            for finding in group.findings:
                number += 1
                project = group.name or ""
                codes.add(finding.code)
                if project and project not in projects:
                    projects.append(project)
                rows.append(_finding_row(file, number, project, finding))
    bar = ("<div class=\"filters\">"
           + _select("severity", "严重度", [(s.value, SEVERITY_LABEL[s]) for s in SEVERITY_ORDER])
           + _select("code", "代码", [(c, c) for c in sorted(codes)])
           + _select("project", "项目", [(p, p) for p in projects])
           + _select("file", "文件", [(str(f.id), f"{f.id}. {f.name}") for f in checked])
           + "<button type=\"button\" id=\"f-reset\">清除筛选</button>"
           + f"<span id=\"f-count\" class=\"muted\">共 {len(rows)} 条</span></div>")
    if not rows:
        note = "已检查的文件没有发现问题。" if checked else "检查完成的文件的问题会列在这里。"
        return bar + f"<p class=\"muted\" id=\"no-findings\">{note}</p>"
    head = "<tr><th>严重度</th><th>代码</th><th>文件</th><th>项目</th><th>指标</th><th>说明与证据</th></tr>"
    return bar + f"<table class=\"findings\"><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def _finding_row(file: DeskFile, number: int, project: str, finding: Finding) -> str:
    values = []
    if finding.expected is not None:
        values.append(f"应为 <b>{escape(_value(finding.expected))}</b>")
    if finding.actual is not None:
        values.append(f"实为 <b>{escape(_value(finding.actual))}</b>")
    quotes = "".join(
        f"<li><span class=\"where\">{escape(location(ev.page, ev.line, ev.table, ev.row, ev.col, ev.sheet, ev.cell))}"
        f"</span> “{escape(trim_quote(one_line(ev.text), 80))}”</li>" for ev in finding.evidence)
    body = (f"<details class=\"evidence\"><summary>{escape(one_line(finding.message))}</summary>"
            + (f"<p class=\"values\">{'，'.join(values)}</p>" if values else "")
            + (f"<ul class=\"quotes\">{quotes}</ul>" if quotes else "<p class=\"muted\">（无引文）</p>")
            + f"<p><a href=\"/files/{file.id}/review#f-0-{number}\" target=\"_blank\" rel=\"noopener\">"
              "在审查页中查看</a></p></details>")
    severity = finding.severity
    return (f"<tr class=\"finding\" data-severity=\"{severity.value}\" data-code=\"{escape(finding.code)}\" "
            f"data-project=\"{escape(project)}\" data-file=\"{file.id}\">"
            f"<td><span class=\"sev sev-{severity.value}\">{SEVERITY_LABEL[severity]}</span></td>"
            f"<td><code>{escape(finding.code)}</code></td><td>{escape(file.name)}</td><td>{escape(project)}</td>"
            f"<td>{escape(finding.indicator or '')}</td><td>{body}</td></tr>")


def _select(key: str, label: str, options: list[tuple[str, str]]) -> str:
    opts = "".join(f"<option value=\"{escape(value)}\">{escape(text)}</option>" for value, text in options)
    return (f"<label>{label} <select id=\"f-{key}\" data-key=\"{key}\"><option value=\"\">全部</option>{opts}"
            "</select></label>")


def _counts(findings: Sequence[Finding]) -> str:
    if not findings:
        return "<span class=\"muted\">无问题</span>"
    by_severity = {s: sum(f.severity is s for f in findings) for s in SEVERITY_ORDER}
    return " ".join(f"<span class=\"sev sev-{s.value}\">{by_severity[s]} {SEVERITY_LABEL[s]}</span>"
                    for s in SEVERITY_ORDER if by_severity[s])


def _value(value: str | Decimal) -> str:
    return format(value, "f") if isinstance(value, Decimal) else value


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} kB" if size else "0"

