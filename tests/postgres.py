"""A real PostgreSQL server for the tests, started from Debian's packages in a private folder.

One server serves the whole run: with pytest-xdist the first worker that needs it starts it under a file lock and
writes where it listens into the run's shared folder; the other workers read that. Each worker has a database of
its own on it, so tests in different workers never see each other's rows. The process that made the run's folder
(the xdist controller, or pytest itself in a serial run) stops the server at the end.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

PASSWORD = "nlv-test-secret"
STATE_FILE = "postgres.json"


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _url(port: int, database: str) -> str:
    return f"postgresql://postgres:{PASSWORD}@127.0.0.1:{port}/{database}"


@dataclass(frozen=True)
class PostgresServer:
    """A cluster in its own folder under /tmp, listening on a free loopback port."""

    bindir: Path
    root: Path
    port: int

    @classmethod
    def start(cls) -> PostgresServer:
        """initdb, then start on a free loopback port."""
        bindir = _bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL is not installed (scripts/ensure-system-packages.sh installs it)")
        root = Path(tempfile.mkdtemp(prefix="nlv-events-pg-", dir="/tmp"))
        root.chmod(0o755)
        server = cls(bindir, root, _free_port())
        password_file = root / "password"
        password_file.write_text(PASSWORD + "\n")
        if server._as_postgres:
            shutil.chown(root, "postgres")
            shutil.chown(password_file, "postgres")
        server._run(
            "initdb",
            "-D",
            str(server.data),
            "-U",
            "postgres",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            f"--pwfile={password_file}",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        options = f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        server._run("pg_ctl", "-D", str(server.data), "-o", options, "-l", str(root / "server.log"), "-w", "start")
        return server

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def _as_postgres(self) -> bool:
        return os.geteuid() == 0  # the server refuses to run as root

    def _run(self, program: str, *arguments: str) -> None:
        command = [str(self.bindir / program), *arguments]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def create_database(self, name: str) -> None:
        """A fresh, empty database `name` (one left by an earlier test session is dropped first)."""
        import psycopg2

        connection = psycopg2.connect(_url(self.port, "postgres"))
        connection.autocommit = True  # CREATE DATABASE cannot run in a transaction
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
        connection.close()

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@dataclass(frozen=True)
class WorkerDatabase:
    """What a test gets: this worker's own database on the run's server, and a scratch folder of its own."""

    server: PostgresServer
    database: str
    root: Path

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def url(self) -> str:
        return _url(self.server.port, self.database)

    def reset(self) -> None:
        """An empty database for the next test."""
        import psycopg2

        connection = psycopg2.connect(self.url)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        connection.close()


def worker_database(run_folder: Path, worker: str) -> WorkerDatabase:
    """This worker's database on the run's one server, which the first worker to ask starts.

    A server that could not start is remembered, so that the other workers fail (or skip) at once with the same
    reason instead of each trying initdb again."""
    state = run_folder / STATE_FILE
    with FileLock(run_folder / "postgres.lock"):
        if state.exists():
            described = json.loads(state.read_text())
            if "error" in described:
                raise RuntimeError(described["error"])
            server = PostgresServer(Path(described["bindir"]), Path(described["root"]), described["port"])
        else:
            try:
                server = PostgresServer.start()
            except (RuntimeError, OSError, subprocess.SubprocessError) as error:
                state.write_text(json.dumps({"error": str(error)}))
                raise
            state.write_text(json.dumps({"bindir": str(server.bindir), "root": str(server.root), "port": server.port}))
        database = f"nlv_tests_{worker}"
        server.create_database(database)
    scratch = run_folder / database
    scratch.mkdir(exist_ok=True)
    return WorkerDatabase(server, database, scratch)


def stop_shared_server(run_folder: Path) -> None:
    """At the end of the run: stop the server if a worker started one."""
    state = run_folder / STATE_FILE
    if not state.exists():
        return
    described = json.loads(state.read_text())
    if "error" not in described:
        PostgresServer(Path(described["bindir"]), Path(described["root"]), described["port"]).stop()
