"""The self-hosting recipe, deploy/nginx/planspor.conf, run for real on 127.0.0.1.

The tests (tests/test_publishing.py) check what the recipe serves; the Lighthouse benchmark
(bench/lighthouse.py) measures the site as the recipe serves it, compressed and cached as in
production. Both start it here: exactly the recipe's server block, its placeholders filled in, in
an nginx of its own (no system configuration touched, no root needed but to read the files).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from devtools.processes import stop

REPO = Path(__file__).resolve().parent.parent
NGINX_CONF = REPO / "deploy" / "nginx" / "planspor.conf"
MIME_TYPES = ("/etc/nginx/mime.types", "/usr/local/etc/nginx/mime.types")


class NginxError(RuntimeError):
    """nginx is missing, or did not start; the message says why."""


def nginx_binary() -> str:
    """The nginx that `python3 dev.py test` found or installed (PLANSPOR_NGINX), else one on the PATH."""
    named = os.environ.get("PLANSPOR_NGINX")
    binary = named or shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None)
    if binary is None:
        raise NginxError("nginx mangler til deploy/nginx/planspor.conf: kør python3 dev.py test, som installerer den.")
    return binary


EXAMPLE_REDIRECTS = REPO / "deploy" / "nginx" / "redirects.conf"  # none: a site's own come from `planspor omdirigeringer`


def server_block(root: Path, port: int, redirects: Path = EXAMPLE_REDIRECTS) -> str:
    """The recipe with its placeholders filled in for root on 127.0.0.1:port; NginxError if one is missing."""
    block = NGINX_CONF.read_text(encoding="utf-8")
    for placeholder, value in {
        "@@SERVER_NAME@@": "localhost",
        "@@LISTEN@@": f"127.0.0.1:{port}",
        "@@ROOT@@": str(root),
        "@@REDIRECTS@@": str(redirects),
    }.items():
        if placeholder not in block:
            raise NginxError(f"{placeholder} is documented but missing")
        block = block.replace(placeholder, value)
    if "@@" in block:
        raise NginxError("a placeholder is left in the recipe")
    return block


@contextmanager
def running_nginx(root: Path, port: int, work: Path, redirects: Path = EXAMPLE_REDIRECTS) -> Iterator[str]:
    """An nginx on 127.0.0.1:port serving root with exactly deploy/nginx/planspor.conf; its address."""
    work.mkdir(parents=True)
    (work / "planspor.conf").write_text(server_block(root, port, redirects), encoding="utf-8")
    temp_paths = "\n".join(f"  {kind}_temp_path {work / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    mime_types = next((p for p in MIME_TYPES if Path(p).exists()), None)
    if mime_types is None:
        raise NginxError("nginx's mime.types is missing")
    # As root, nginx's workers would run as nobody, who cannot read private temp folders.
    user = "user root;\n" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"{user}worker_processes 1;\nevents {{ worker_connections 64; }}\n"
        f"http {{\n  include {mime_types};\n  default_type application/octet-stream;\n  access_log off;\n{temp_paths}\n"
        f"  include {work / 'planspor.conf'};\n}}\n",
        encoding="utf-8",
    )
    settings = f"daemon off; pid {work / 'nginx.pid'}; error_log stderr;"
    command = [nginx_binary(), "-p", str(work), "-e", "stderr", "-c", str(work / "nginx.conf"), "-g", settings]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for(process, port)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop(process)


def _wait_for(process: subprocess.Popen[str], port: int) -> None:
    deadline = time.monotonic() + 15
    while True:
        if process.poll() is not None:
            raise NginxError(f"nginx stoppede: {process.communicate()[0]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise NginxError("nginx svarede ikke inden for 15 sekunder") from None
            time.sleep(0.05)
