"""A real PostgreSQL server for a test, in a temporary folder: initdb, pg_ctl start on a free port, stop at the end.

    with postgres_server() as server:
        psycopg2.connect(**server.connection())

The binaries are Debian's (`make postgres` installs the `postgresql` package when it is missing); they are looked
for on PATH, then in /usr/lib/postgresql/<version>/bin (newest first), then in CLA_PG_BIN. PostgreSQL refuses to
run as root, so as root the server runs as the `postgres` user (which the Debian package creates) and its folder
is given to that user. Nothing is left behind: the server is stopped and its folder removed on exit.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

USER = "cla"
DATABASE = "cla"


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL binaries on this machine."""


def find_binaries() -> Path:
    """The folder holding initdb and pg_ctl."""
    candidates = [os.environ.get("CLA_PG_BIN", "")]
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(str(Path(on_path).resolve().parent))
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    candidates += versions
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    raise PostgresUnavailable(
        "PostgreSQL is not installed: the PostgreSQL tests need initdb and pg_ctl "
        "(run `make postgres` as root, or apt-get install postgresql)"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str
    database: str
    folder: Path

    def connection(self) -> dict:
        """Keyword arguments for psycopg2.connect."""
        return {"host": self.host, "port": self.port, "user": self.user, "dbname": self.database}

    def sqlalchemy_url(self) -> str:
        """The URL SQLAlchemy takes (psycopg 3), as an authority gives CLA_SSD_URL."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{self.database}"

    def environment(self) -> dict[str, str]:
        """The CLA_PG_* variables dbt's `postgres` target and the hub read (dbt_project/profiles.yml)."""
        return {
            "CLA_PG_HOST": self.host,
            "CLA_PG_PORT": str(self.port),
            "CLA_PG_USER": self.user,
            "CLA_PG_PASSWORD": "",
            "CLA_PG_DATABASE": self.database,
        }


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    binaries = find_binaries()
    # A folder of its own under the system's temporary directory (pytest's tmp_path is private to root).
    folder = Path(tempfile.mkdtemp(prefix="cla-postgres-"))
    data, sockets, log = folder / "data", folder / "sockets", folder / "server.log"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
    port = free_port()

    def run(*command: str) -> None:
        subprocess.run(_as_server_user(list(command)), check=True, capture_output=True, text=True, timeout=120)

    try:
        run(str(binaries / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync")
        options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start")
        run(str(binaries / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", USER, DATABASE)
        yield PostgresServer("127.0.0.1", port, USER, DATABASE, folder)
    except subprocess.CalledProcessError as failed:
        server_log = log.read_text() if log.exists() else ""
        raise RuntimeError(f"PostgreSQL did not start: {failed.stderr or failed.stdout}\n{server_log}") from failed
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                _as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                capture_output=True,
                timeout=120,
            )
        # Give the server's processes a moment to let go of the folder before it is removed.
        time.sleep(0.1)
        shutil.rmtree(folder, ignore_errors=True)
