"""A static host for tests, on 127.0.0.1, that behaves like the real ones.

Like GitHub Pages or nginx: gzip when the browser accepts it, directory URLs
served from index.html, the site's 404.html (status 404) for unknown paths,
and optionally the whole site under a sub-path such as /planspor/.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def _handler(root: Path, base: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            return

        def do_HEAD(self) -> None:
            self.do_GET(head=True)

        def do_GET(self, head: bool = False) -> None:
            path = unquote(urlsplit(self.path).path)
            if not path.startswith(base):
                return self._send_404(head)
            relative = path[len(base) :]
            target = (root / relative).resolve()
            if root.resolve() not in [target, *target.parents]:
                return self._send_404(head)
            if target.is_dir():
                if not path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", path + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                target = target / "index.html"
            if not target.is_file():
                return self._send_404(head)
            return self._send_file(target, 200, head)

        def _send_404(self, head: bool) -> None:
            page = root / "404.html"
            if page.is_file():
                self._send_file(page, 404, head)
            else:
                self._send_bytes(b"Not found", "text/plain", 404, head)

        def _send_file(self, target: Path, status: int, head: bool) -> None:
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
                kind += "; charset=utf-8"
            self._send_bytes(target.read_bytes(), kind, status, head)

        def _send_bytes(self, body: bytes, kind: str, status: int, head: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            if "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(COMPRESSIBLE):
                body = gzip.compress(body, mtime=0)
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.wfile.write(body)

    return Handler


@contextmanager
def serve_site(root: Path, base: str = "/") -> Iterator[str]:
    """Serve root at http://127.0.0.1:<free port><base>; yields that URL."""
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(root, base))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base}"
    finally:
        server.shutdown()
        server.server_close()
