"""The project's Streamlit configuration: a first `streamlit run` serves at once (no e-mail prompt),
also outside headless mode and with no saved credentials."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
import urllib.request

from dashboard.paths import REPO_ROOT


def test_config_switches_the_email_prompt_off():
    cfg = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text())
    assert cfg["server"]["showEmailPrompt"] is False


def test_first_run_outside_headless_mode_serves_without_asking(tmp_path):
    from devtools.harness import free_port

    port = free_port()
    env = {**os.environ, "HOME": str(tmp_path), "BROWSER": "true", "DASHBOARD_DATA_DIR": str(REPO_ROOT / "data")}
    env.pop("DISPLAY", None)
    log = tmp_path / "log.txt"
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "serve.py",  # the README's start command
                "--server.headless",
                "false",
                "--server.port",
                str(port),
            ],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline, healthy = time.monotonic() + 60, False
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://localhost:{port}/_stcore/health", timeout=2) as r:
                    healthy = r.status == 200
                    break
            except OSError:
                time.sleep(0.3)
        text = log.read_text(errors="replace")
        assert healthy, text
        assert "Email" not in text and "email" not in text, text
        assert not (tmp_path / ".streamlit" / "credentials.toml").exists()
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
