"""A real ``streamlit run`` server and headless Debian Chromium, external requests blocked.

Used by the e2e tests and by the benchmark. Every request to anything other than
the loopback server is aborted and recorded, so a test can assert there were none.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
CHROMIUM_CANDIDATES = [os.environ.get("CHROMIUM_PATH", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
# What the README's start command runs: app.py served with its early shell (dashboard.ui.shell).
APP = REPO / "serve.py"


def chromium_path() -> str | None:
    for c in CHROMIUM_CANDIDATES:
        if c and Path(c).exists():
            return c
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    port: int
    proc: subprocess.Popen
    log: Path
    netlog: Path

    def external_connections(self) -> list[str]:
        """Connections the server process tried to open outside this machine (refused)."""
        return self.netlog.read_text(encoding="utf-8").splitlines() if self.netlog.exists() else []

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"


@contextlib.contextmanager
def streamlit_server(
    env_extra: dict[str, str] | None = None, timeout: float = 60, script: Path | None = None
) -> Server:
    port = free_port()
    log = Path(tempfile.mkstemp(prefix="streamlit-", suffix=".log")[1])
    netlog = Path(tempfile.mkstemp(prefix="netguard-", suffix=".log")[1])
    guard = str(Path(__file__).parent / "netguard")
    env = {
        **os.environ,
        **(env_extra or {}),
        "NETGUARD_LOG": str(netlog),
        "PYTHONPATH": os.pathsep.join(p for p in (guard, os.environ.get("PYTHONPATH", "")) if p),
    }
    # The project's .streamlit/config.toml applies (cwd = repository): address, usage statistics…
    # Only the port and headless mode are set here.
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script or APP),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
    ]
    with log.open("wb") as fh:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=fh, stderr=subprocess.STDOUT)
    server = Server(port, proc, log, netlog)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"streamlit did not become healthy:\n{log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclass
class Watch:
    """What a page did: requests blocked, page errors, console errors."""

    external: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


def attach_guards(page, watch: Watch) -> None:
    def route(r):
        host = urlparse(r.request.url).hostname or ""
        if r.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            r.continue_()
        else:
            watch.external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    page.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)


def guarded_page(browser, **kwargs):
    """A new page with external requests blocked and errors recorded: (page, watch)."""
    page = browser.new_page(**kwargs)
    watch = Watch()
    attach_guards(page, watch)
    return page, watch


def wait_for_app(page, timeout_ms: int = 30000) -> None:
    """Wait until Streamlit has finished running the script (no 'running' status widget) and the page is
    drawn for the width the browser reported (dashboard.ui.viewport: the probe sets
    ``body[data-width-settled]`` to 1 once the charts were drawn for the content column's width)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.wait_for_function(
        """() => { const s = document.querySelector('[data-testid="stStatusWidget"]');
                   const app = document.querySelector('[data-testid="stApp"]');
                   const probe = document.querySelector('.st-key-viewport-box iframe');
                   const settled = !probe || document.body.dataset.widthSettled === '1';
                   return app && app.getAttribute('data-test-script-state') !== 'running' && !s && settled; }""",
        timeout=timeout_ms,
    )
