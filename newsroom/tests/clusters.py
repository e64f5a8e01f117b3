"""A private PostgreSQL cluster a test may stop and start: never the one the suite runs on."""

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from newsroom.tests.serving import free_port, tool_missing


def postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    return Path(found[-1]) if found else None


class PrivateCluster:
    def __init__(self, folder: Path, bin_dir: Path, settings: dict[str, str] | None = None):
        self.folder = folder
        self.bin_dir = bin_dir
        self.settings = settings or {}  # postgresql.conf values, given at each start
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/newsroom"

    def run(self, program: str, *args: str) -> None:
        command = [str(self.bin_dir / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def create(self) -> None:
        self.run("initdb", "-D", str(self.folder / "data"), "-A", "trust", "-U", "postgres")
        self.start()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "newsroom")

    def create_standby_of(self, primary: "PrivateCluster") -> None:
        """A streaming replica of ``primary``, which initdb's trust rules let replicate."""
        source = ["-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"]
        self.run(
            "pg_basebackup",
            *source,
            "-D",
            str(self.folder / "data"),
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",
        )
        self.start()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/newsroom"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        options += "".join(f" -c {name}={value}" for name, value in self.settings.items())
        self.run(
            "pg_ctl",
            "-D",
            str(self.folder / "data"),
            "-l",
            str(self.folder / "log"),
            "-o",
            options,
            "-w",
            "start",
        )

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")


POSTGRES_MISSING = "PostgreSQL server binaries are missing: apt-get install postgresql"


def require_postgres() -> None:
    if postgres_bin() is None:
        tool_missing(POSTGRES_MISSING)


@contextlib.contextmanager
def private_cluster(
    standby_of: PrivateCluster | None = None, settings: dict[str, str] | None = None
):
    """A new cluster holding an empty database ``newsroom``, or a streaming replica."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise RuntimeError(POSTGRES_MISSING)
    folder = Path(tempfile.mkdtemp(prefix="newsroom-cluster-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    cluster = PrivateCluster(folder, bin_dir, settings)
    try:
        if standby_of is None:
            cluster.create()
        else:
            cluster.create_standby_of(standby_of)
        yield cluster
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
