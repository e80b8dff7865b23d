"""The desk's HTTP routes (Starlette), kept thin: the desk holds the state, the renderers the HTML.

    GET  /                      the desk page            GET /api/state        status and fragments
    POST /api/files             upload (multipart)       GET /files/N/review   one document's review page
    GET  /download/NAME         summary.xlsx, findings.csv, indicators.csv of every checked file

Only requests addressed to 127.0.0.1/localhost are answered (a web page elsewhere cannot reach the
desk by rebinding its own host name to this machine), and an upload from another origin is refused.
An upload beyond the limit is refused with 413 and a sentence saying the limit, counted as the
body arrives (Content-Length is checked first, but a chunked body has none).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import Message

from reportparse.render.desk import DOWNLOADS, render_desk_page, render_file_list, render_findings
from reportparse.serve.desk import Desk, FileStatus

LOCAL_HOSTS = ("127.0.0.1", "localhost")
MAX_FILES_PER_UPLOAD = 500
#: the desk page may load only its own script and style and talk only to its own server
DESK_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
_ASSETS = {"desk.css": "text/css; charset=utf-8", "desk.js": "text/javascript; charset=utf-8"}


class UploadTooLarge(Exception):
    """The request body passed the upload limit."""


def create_app(desk: Desk, max_upload_bytes: int, profile: str) -> Starlette:
    """The ASGI app serving `desk`."""
    limit_mb = max(1, max_upload_bytes // (1024 * 1024))
    too_large = f"上传过大：每次上传合计不能超过 {limit_mb} MB。请分几次上传，或用命令行 reportparse check 检查大文件。"

    async def page(request: Request) -> Response:
        return HTMLResponse(render_desk_page(limit_mb, profile), headers=_page_headers())

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in _ASSETS:
            raise HTTPException(404)
        text = files("reportparse.render").joinpath(name).read_text(encoding="utf-8")
        return Response(text, media_type=_ASSETS[name], headers={"Cache-Control": "no-cache"})

    async def upload(request: Request) -> Response:
        if not _same_origin(request):
            return _error(403, "只接受本页面发起的上传。")
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_upload_bytes:
            return _error(413, too_large)
        limited = Request(request.scope, _counting(request.receive, max_upload_bytes))
        added = []
        try:
            async with limited.form(max_files=MAX_FILES_PER_UPLOAD, max_fields=10) as form:
                uploads = [item for item in form.getlist("files") if isinstance(item, UploadFile)]
                if not uploads:
                    return _error(400, "没有收到文件：请把文件拖到页面上，或点击选择文件。")
                for item in uploads:
                    added.append(await run_in_threadpool(desk.add, item.filename or "upload", item.file))
        except UploadTooLarge:
            return _error(413, too_large)
        except HTTPException as exc:  # a malformed multipart body (Starlette's parser says what)
            return _error(400, f"上传格式有误：{exc.detail}")
        return JSONResponse({"files": [{"id": f.id, "name": f.name, "size": f.size} for f in added]})

    async def state(request: Request) -> Response:
        version, entries = desk.files()
        busy = any(f.status in (FileStatus.QUEUED, FileStatus.CHECKING) for f in entries)
        payload: dict[str, Any] = {"version": version, "busy": busy,
                                   "files": [{"id": f.id, "name": f.name, "status": f.status.value,
                                              "reason": f.reason} for f in entries]}
        if request.query_params.get("since") != str(version):  # the page has this version already
            payload["files_html"] = render_file_list(entries)
            payload["findings_html"] = render_findings(entries)
        return JSONResponse(payload, headers={"Cache-Control": "no-store"})

    async def review(request: Request) -> Response:
        file_id = request.path_params["file_id"]
        entry = desk.get(file_id)
        if entry is None:
            raise HTTPException(404, f"没有编号为 {file_id} 的文件。")
        page_path = desk.page(file_id)
        if page_path is None:
            return HTMLResponse(f"<p>{entry.name} 还在检查中，请稍后刷新。</p>", status_code=404)
        return FileResponse(page_path, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-store"})

    async def download(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in {n for n, _ in DOWNLOADS}:
            raise HTTPException(404)
        path = await run_in_threadpool(desk.write_download, name)
        return FileResponse(path, filename=name, headers={"Cache-Control": "no-store"})

    routes = [Route("/", page), Route("/static/{name}", asset), Route("/api/files", upload, methods=["POST"]),
              Route("/api/state", state), Route("/files/{file_id:int}/review", review),
              Route("/download/{name}", download)]
    return Starlette(routes=routes, middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(LOCAL_HOSTS))])


def _page_headers() -> dict[str, str]:
    return {"Content-Security-Policy": DESK_CSP, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer"}


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _same_origin(request: Request) -> bool:
    """An upload made by the desk page itself (a browser names the page's origin on a cross-site POST)."""
    origin = request.headers.get("origin")
    if origin is None:  # not a browser form post from another page (curl, a script on this machine)
        return True
    return urlsplit(origin).hostname in LOCAL_HOSTS and urlsplit(origin).port == request.url.port


def _counting(receive: Callable[[], Awaitable[Message]], limit: int) -> Callable[[], Awaitable[Message]]:
    """`receive` that raises UploadTooLarge once more than `limit` bytes of body have arrived."""
    received = 0

    async def counted() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise UploadTooLarge
        return message

    return counted
