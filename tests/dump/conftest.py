"""Fixtures for the dump tests: test dumps in every form, and a throwaway PostgreSQL server.

The PostgreSQL server is real: ``initdb`` and ``pg_ctl`` from Debian's
``postgresql`` package start a cluster in a temporary directory that listens
only on a Unix socket there. As root the server runs as the ``postgres``
user (PostgreSQL refuses to run as root). Without the binaries the tests
skip visibly; under ``CI=true`` they fail, as ``.ci/run`` installs them.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import dumpgen
import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "check"))

SMALL = 160  # main-namespace pages in the small dumps: two samples' worth of partitions
# Pages in the large dumps: enough partitions (30 of 40, 20 of 60) that a kill lands mid-run; these
# tests were the suite's longest at 3 000 pages, and the property does not depend on the count.
LARGE = 1200


@pytest.fixture(scope="session")
def small_dumps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same pages as plain XML, gzip, bzip2 and multistream (blocks of 40 pages)."""
    root = tmp_path_factory.mktemp("dumps")
    out = {
        suffix: dumpgen.write_dump(root / f"enwiki-pages-articles.xml{suffix}", dumpgen.pages(SMALL))
        for suffix in ("", ".gz", ".bz2")
    }
    out["multistream"], _ = dumpgen.write_multistream(
        root / "enwiki-pages-articles-multistream.xml.bz2", dumpgen.pages(SMALL), per_block=40
    )
    return out


@pytest.fixture(scope="session")
def large_dumps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``LARGE`` pages, as bzip2 and as multistream with its index."""
    root = tmp_path_factory.mktemp("large")
    bz = dumpgen.write_dump(root / "large-pages-articles.xml.bz2", dumpgen.pages(LARGE))
    multi, _ = dumpgen.write_multistream(
        root / "large-pages-articles-multistream.xml.bz2", dumpgen.pages(LARGE)
    )
    return {"bz2": bz, "multistream": multi}


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _missing(message: str) -> NoReturn:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL server on a Unix socket in a temporary directory; its URL."""
    bindir = _postgres_bin()
    if bindir is None:
        _missing("PostgreSQL is not installed (apt-get install postgresql)")
    as_user: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="spector-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            _missing("running as root and there is no postgres user to run the server as")
        os.chown(root, owner.pw_uid, owner.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    root.chmod(0o755)
    data = root / "data"
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True, timeout=120)  # noqa: E731
    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
    run(
        str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log"),
        "-o", f"-k {root} -c listen_addresses='' -c fsync=off", "start",
    )  # fmt: skip
    try:
        yield f"postgresql://postgres@/postgres?host={root}"
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def fresh_postgres(postgres_url: str) -> str:
    """The server's link-history tables emptied, so each test starts from no history."""
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute("DROP TABLE IF EXISTS checks, results, cache_meta")
    return postgres_url
