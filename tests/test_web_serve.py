"""`claimdesk serve` as a user starts it: a real process on loopback; writes need a user's token
(`claimdesk users add`), and with no user the UI is read-only."""

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


def _users_add(url: str, name: str) -> str:
    done = subprocess.run([sys.executable, "-m", "claimdesk", "users", "add", name, "--db", url],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


def _serve(url: str):  # noqa: ANN202
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
    return proc, base, token_line


@pytest.fixture
def served(tmp_path, samples_dir, corpus_dir):
    url = f"sqlite:///{tmp_path / 'serve.sqlite'}"
    build_store(url, samples_dir, corpus_dir)
    token = _users_add(url, "ana")
    proc, base, first_line = _serve(url)
    yield base, first_line, proc.pid, token
    proc.terminate()
    proc.wait(timeout=10)


def test_serve_binds_loopback_and_writes_need_a_users_token(served):
    base, first_line, pid, token = served
    listening = [c.laddr for c in psutil.Process(pid).net_connections(kind="tcp") if c.status == psutil.CONN_LISTEN]
    assert listening and all(addr.ip == "127.0.0.1" for addr in listening)
    assert first_line.startswith("writes: 1 user(s)") and token not in first_line
    assert len(token) >= 40
    assert httpx.get(base + "/stories").status_code == 200
    url = base + "/api/stories/story-contested/review"
    assert httpx.post(url, json={}).status_code == 401
    assert httpx.post(url, json={}, headers={"Authorization": "Bearer not-a-token"}).status_code == 401
    ok = httpx.post(url, json={"note": "seen"}, headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200 and ok.json()["story_id"] == "story-contested" and ok.json()["by"] == "ana"
    rebound = httpx.get(base + "/api/stories", headers={"Host": "attacker.example"})
    assert rebound.status_code == 400
    too_big = httpx.post(url, content=b"x" * 100_000, headers={"Authorization": f"Bearer {token}"})
    assert too_big.status_code == 413


def test_serve_rejects_a_short_token(tmp_path):
    result = subprocess.run([sys.executable, "-c", "from claimdesk.cli import main; main()", "serve", "--db",
                             f"sqlite:///{tmp_path / 'x.sqlite'}", "--token", "abc"], capture_output=True, text=True)
    assert result.returncode == 2 and "at least 8 characters" in result.stderr


def test_serve_without_users_is_read_only(tmp_path, samples_dir, corpus_dir):
    url = f"sqlite:///{tmp_path / 'ro.sqlite'}"
    build_store(url, samples_dir, corpus_dir)
    proc, base, first_line = _serve(url)
    try:
        assert first_line.startswith("read-only: no user exists yet")
        page = httpx.get(base + "/stories/story-contested").text
        assert 'id="review-form"' not in page and "read-only" in page
        refused = httpx.post(base + "/api/stories/story-contested/note", json={"note": "x"},
                             headers={"Authorization": "Bearer anything-at-all"})
        assert refused.status_code == 403 and "read-only" in refused.json()["detail"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
