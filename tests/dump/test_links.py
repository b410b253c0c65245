"""Links over a dump: each distinct URL checked once, each host on one task, history shared.

The servers are real HTTP servers on 127.0.0.1 and 127.0.0.2 (``tests/check/loopback.py``);
the generated articles cite a handful of their URLs many times over.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import dumpgen
import psycopg
import pytest
from loopback import ARTICLE, LoopbackServer, status_route

from spector_refs.check.chain import host_key
from spector_refs.check.config import LinkCheckConfig
from spector_refs.config import Config
from spector_refs.dump import DumpRun, audit_dump
from spector_refs.dump.links import host_groups
from spector_refs.model import LinkTarget

ROUTES = {"/ok/": lambda h: h.send(200, ARTICLE), "/gone/": status_route(410)}


@pytest.fixture
def servers() -> Iterator[tuple[LoopbackServer, LoopbackServer]]:
    with LoopbackServer("127.0.0.1", routes=ROUTES) as one, LoopbackServer("127.0.0.2", routes=ROUTES) as two:
        yield one, two


def _dump(tmp_path: Path, one: LoopbackServer, two: LoopbackServer) -> Path:
    def url(n: int, page: int) -> str:
        return one.url(f"/ok/{n % 6}") if n % 2 else two.url(f"/gone/{n % 4}")

    return dumpgen.write_dump(tmp_path / "links.xml.bz2", dumpgen.pages(90, url=url, samples=False))


def _config(cache: str) -> Config:
    links = LinkCheckConfig(
        allow_private=True,
        per_host=1,
        per_host_interval=0.0,
        timeout=2.0,
        connect_timeout=2.0,
        cache_path=cache,
    )
    return Config(links=links)


def _verdicts(output: Path) -> Counter[tuple[str, str | None]]:
    """(URL path, verdict) of every reference with a URL on the loopback servers."""
    found: Counter[tuple[str, str | None]] = Counter()
    for line in output.read_text(encoding="utf-8").splitlines():
        for ref in json.loads(line)["references"]:
            if ref["url"] and "127.0.0." in ref["url"]:
                found[(ref["url"].split("/", 3)[3], (ref["link"] or {}).get("verdict"))] += 1
    return found


def test_each_distinct_url_is_checked_once_politely(
    servers: tuple[LoopbackServer, LoopbackServer], tmp_path: Path
) -> None:
    one, two = servers
    dump = _dump(tmp_path, one, two)
    run = DumpRun(str(dump), str(tmp_path / "out.jsonl"), workers=2, partition_size=30, check_links=True)
    summary = audit_dump(run, _config(str(tmp_path / "links.sqlite3")))
    assert summary["urls_checked"] == 5  # ok/1, ok/3, ok/5, gone/0, gone/2
    for server in (one, two):
        paths = Counter(path for (_, path) in server.hits.elements())
        assert paths and set(paths.values()) == {1}, paths  # cited hundreds of times, fetched once
        assert server.max_in_flight == 1  # --per-host 1 held across every task
    verdicts = _verdicts(tmp_path / "out.jsonl")
    assert {verdict for (path, verdict) in verdicts if path.startswith("ok/")} == {"ok"}
    assert {verdict for (path, verdict) in verdicts if path.startswith("gone/")} == {"broken"}
    assert sum(verdicts.values()) > 500


def test_hosts_are_dealt_out_whole_and_balanced() -> None:
    targets = [LinkTarget(f"https://site{h}.example/{i}") for h in range(9) for i in range(10 + 10 * h)]
    groups = host_groups(targets, 4)
    owners = Counter(host for group in groups for host in {host_key(t.url) for t in group})
    assert set(owners.values()) == {1} and len(owners) == 9
    assert sorted(t.url for group in groups for t in group) == sorted(t.url for t in targets)
    sizes = sorted(len(group) for group in groups)
    assert sizes[-1] - sizes[0] <= 90  # the biggest host (90 URLs) bounds the imbalance


@pytest.mark.slow
def test_a_dask_cluster_shares_one_postgresql_history(
    servers: tuple[LoopbackServer, LoopbackServer], tmp_path: Path, fresh_postgres: str
) -> None:
    one, two = servers
    dump = _dump(tmp_path, one, two)
    local = DumpRun(str(dump), str(tmp_path / "local.jsonl"), workers=2, partition_size=30, check_links=True)
    audit_dump(local, _config(str(tmp_path / "links.sqlite3")))
    hits = sum(one.hits.values()) + sum(two.hits.values())
    cluster = DumpRun(
        str(dump), str(tmp_path / "dask.jsonl"), engine="dask", workers=2, partition_size=30, check_links=True
    )
    summary = audit_dump(cluster, _config(fresh_postgres))
    assert sum(one.hits.values()) + sum(two.hits.values()) == 2 * hits  # a fresh history: all again, once
    assert _verdicts(tmp_path / "dask.jsonl") == _verdicts(tmp_path / "local.jsonl")
    with psycopg.connect(fresh_postgres) as db:
        urls, checks = db.execute("SELECT count(DISTINCT url), count(*) FROM checks").fetchone()  # type: ignore[misc]
    assert urls == checks == summary["urls_checked"]
