"""A real, throwaway PostgreSQL server for the tests marked `postgres` (a pytest plugin).

`postgres_url` (session) runs `initdb` into a fresh temporary folder, starts `postgres` on a free
loopback port with its unix socket in that folder, creates one database and stops the server when
the session ends. `fresh_postgres_url` (per test) creates a new, empty database on that server.

PostgreSQL refuses to run as root, so under root the server runs as an unprivileged user (`nobody`,
or `claimdesk-pg`, created when `nobody` is missing) that owns the temporary folder; the folder is
made with `tempfile.mkdtemp` under the system temp dir rather than pytest's per-user tmp folder,
which is private to root. Set `CLAIMDESK_TEST_POSTGRES_URL` to use a server you run yourself.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from system_programs import require_system_program

SERVER_USER_FALLBACK = "claimdesk-pg"


def _bin_dir() -> Path | None:
    """The folder of initdb/pg_ctl/postgres: PATH first, then the newest Debian install."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    return Path(versions[-1]).parent if versions else None


def _server_user() -> str | None:
    """None when we may run the server ourselves; otherwise the unprivileged user to run it as."""
    if os.geteuid() != 0:
        return None
    for name in ("nobody", SERVER_USER_FALLBACK):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                    SERVER_USER_FALLBACK], check=True, capture_output=True)
    return SERVER_USER_FALLBACK


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PostgresServer:
    bin_dir: Path
    root: Path
    user: str | None
    port: int = 0

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        # cwd = our folder: the server user may not be allowed into the caller's working folder.
        result = subprocess.run(cmd, cwd=self.root, capture_output=True, text=True)
        if result.returncode != 0:
            log = self.log_file.read_text(errors="replace") if self.log_file.exists() else ""
            raise RuntimeError(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}\n{log}")
        return result

    def start(self) -> None:
        if self.user:
            info = pwd.getpwnam(self.user)
            os.chown(self.root, info.pw_uid, info.pw_gid)
        os.chmod(self.root, 0o700)
        self.run("initdb", "-D", str(self.data_dir), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                 "--locale=C", "--no-sync")
        # A free port can be taken between probing and binding: try a few.
        for _ in range(5):
            self.port = _free_port()
            options = (f"-h 127.0.0.1 -p {self.port} -k {self.root} -F "
                       "-c max_connections=60 -c shared_buffers=32MB -c dynamic_shared_memory_type=mmap")
            try:
                self.run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data_dir),
                         "-l", str(self.log_file), "-o", options)
                return
            except RuntimeError:
                if "could not bind" not in (self.log_file.read_text(errors="replace") if self.log_file.exists() else ""):
                    raise
        raise RuntimeError(f"PostgreSQL found no free port; see {self.log_file}")

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            self.run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data_dir))

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        import psycopg

        name = f"claimdesk_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer | str]:
    """The running test server, or the URL of a database given in $CLAIMDESK_TEST_POSTGRES_URL."""
    given = os.environ.get("CLAIMDESK_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    bin_dir = _bin_dir()
    if bin_dir is None:
        require_system_program("PostgreSQL server binaries (run `make system-deps`, or set CLAIMDESK_TEST_POSTGRES_URL)")
    server = PostgresServer(bin_dir=bin_dir, root=Path(tempfile.mkdtemp(prefix="claimdesk-pg-")), user=_server_user())
    try:
        server.start()
        yield server
    finally:
        try:
            server.stop()
        finally:
            shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer | str) -> str:
    """URL of one database on the test server, shared by the whole session."""
    if isinstance(postgres_server, str):
        return postgres_server
    return postgres_server.create_database()


@pytest.fixture
def fresh_postgres_url(postgres_server: PostgresServer | str) -> str:
    """URL of a new, empty database for one test (tables not yet created)."""
    if isinstance(postgres_server, str):
        pytest.skip("a fresh database per test needs the throwaway server, not CLAIMDESK_TEST_POSTGRES_URL")
    return postgres_server.create_database()
