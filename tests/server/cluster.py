"""A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl on a free loopback port, password logins.

Used by ``tests/server/conftest.py`` when ``CURATOR_TEST_POSTGRES_URL`` is not set, and by ``.ci/run``
(``python tests/server/cluster.py start`` prints the folder and the superuser's URL; ``... stop FOLDER``).
Run as root, initdb and the server run as the ``postgres`` system user (initdb refuses root).
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ADMIN = "curator_admin"


def pg_bin() -> Path | None:
    """The folder of Debian's PostgreSQL programs (the newest installed), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def start(folder: Path | None = None) -> tuple[Path, str]:
    """Start a cluster in a new folder; (the folder, the superuser's URL with its password)."""
    programs = pg_bin()
    if programs is None:
        raise RuntimeError("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)")
    folder = Path(folder or tempfile.mkdtemp(prefix="curator-pg-"))
    password = secrets.token_urlsafe(16)
    (folder / "password").write_text(password)
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        for path in (folder, folder / "password"):
            os.chown(path, user.pw_uid, user.pw_gid)
    data, port = folder / "data", _free_port()
    quiet = {"check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE}
    subprocess.run(_as_server_user([str(programs / "initdb"), "-D", str(data), "-U", ADMIN, "-E", "UTF8",
                                    "--no-locale", "--auth=scram-sha-256", f"--pwfile={folder / 'password'}"]),
                   **quiet)  # type: ignore[call-overload]
    options = (f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder}"
               " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
    subprocess.run(_as_server_user([str(programs / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"),
                                    "-o", options, "-w", "start"]), **quiet)  # type: ignore[call-overload]
    return folder, f"postgresql://{ADMIN}:{password}@127.0.0.1:{port}/postgres"


def stop(folder: Path) -> None:
    """Stop the cluster in ``folder`` (if it runs) and delete the folder."""
    programs = pg_bin()
    if programs is not None and (folder / "data" / "postmaster.pid").exists():
        subprocess.run(_as_server_user([str(programs / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate",
                                        "-w", "stop"]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["start"]:
        where, url = start()
        print(where)
        print(url)
    elif sys.argv[1:2] == ["stop"] and len(sys.argv) == 3:
        stop(Path(sys.argv[2]))
    else:
        sys.exit("usage: cluster.py start | cluster.py stop FOLDER")
