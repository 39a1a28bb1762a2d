"""`claimdesk serve` as a user starts it: a real process on loopback, printing its write token."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import psutil
import pytest

from test_report_store import build_store


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path, samples_dir, corpus_dir):
    url = f"sqlite:///{tmp_path / 'serve.sqlite'}"
    build_store(url, samples_dir, corpus_dir)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from claimdesk.cli import main; main()", "serve", "--db", url,
                             "--port", str(port)], stderr=subprocess.PIPE, text=True)
    token_line = proc.stderr.readline()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(base + "/healthz", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    yield base, token_line, proc.pid
    proc.terminate()
    proc.wait(timeout=10)


def test_serve_binds_loopback_and_prints_a_generated_token(served):
    base, token_line, pid = served
    listening = [c.laddr for c in psutil.Process(pid).net_connections(kind="tcp") if c.status == psutil.CONN_LISTEN]
    assert listening and all(addr.ip == "127.0.0.1" for addr in listening)
    assert token_line.startswith("write token: ")
    token = token_line.split(": ", 1)[1].strip()
    assert len(token) >= 24
    assert httpx.get(base + "/stories").status_code == 200
    url = base + "/api/stories/story-contested/review"
    assert httpx.post(url, json={}).status_code == 401
    ok = httpx.post(url, json={"note": "seen"}, headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200 and ok.json()["story_id"] == "story-contested"
    rebound = httpx.get(base + "/api/stories", headers={"Host": "attacker.example"})
    assert rebound.status_code == 400
    too_big = httpx.post(url, content=b"x" * 100_000, headers={"Authorization": f"Bearer {token}"})
    assert too_big.status_code == 413


def test_serve_rejects_a_short_token(tmp_path):
    result = subprocess.run([sys.executable, "-c", "from claimdesk.cli import main; main()", "serve", "--db",
                             f"sqlite:///{tmp_path / 'x.sqlite'}", "--token", "abc"], capture_output=True, text=True)
    assert result.returncode == 2 and "at least 8 characters" in result.stderr
