"""Run the desk: a temporary folder, the checking engine, the app, uvicorn on 127.0.0.1.

The socket is bound here (not by uvicorn) so `--port 0` can report the port the system chose,
and so the desk never listens anywhere but the loopback address. Whatever way the server stops
(Ctrl-C, SIGTERM, an error), the workers are stopped and the folder of uploads is removed.
"""

from __future__ import annotations

import signal
import socket
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

HOST = "127.0.0.1"


class PortUnavailable(OSError):
    """The port is taken or may not be bound."""


def bind(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError as exc:
        sock.close()
        raise PortUnavailable(f"cannot listen on {HOST}:{port} ({exc.strerror or exc}); "
                              "choose another with --port, or --port 0 for any free one") from exc
    sock.listen(128)
    return sock


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """SIGTERM ends the server like Ctrl-C does, through `finally` blocks. (uvicorn shuts down
    gracefully on it, then raises the signal again under the previous handler: the default one
    would end the process at once and leave the uploads behind.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def serve(port: int, jobs: int, max_upload_mb: int, profile: str, announce: Callable[[str, Path], None]) -> None:
    """Serve the desk until stopped; `announce(url, folder)` is called once it listens."""
    import uvicorn

    from reportparse.serve.app import create_app
    from reportparse.serve.desk import Desk
    from reportparse.serve.engine import CheckEngine

    sock = bind(port)
    with tempfile.TemporaryDirectory(prefix="reportparse-serve-") as folder:
        engine = CheckEngine(jobs, profile)
        try:
            desk = Desk(Path(folder), engine)
            app = create_app(desk, max_upload_mb * 1024 * 1024, profile)
            config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
            announce(f"http://{HOST}:{sock.getsockname()[1]}/", Path(folder))
            with _terminate_as_exit():
                uvicorn.Server(config).run(sockets=[sock])
        finally:
            engine.close()
            sock.close()
