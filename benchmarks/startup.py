"""Start-up time: ``import spector_refs``, ``spector-refs --help`` and a warm-cache ``links`` re-run.

Every command pays its imports before it does anything, so start-up is the
whole cost of ``--help`` and most of a re-run whose links are all fresh in
the cache. Each measurement runs in a fresh subprocess, several times, and
reports the median wall time and the median CPU time (user + system, from
``wait4``: on a busy machine CPU is the steadier figure). The warm re-run
checks 800 URLs (20 loopback hosts 127.0.0.2…21 × 40, article pages of
about 30 KB of text, as the cache stores real ones) once to fill a link
cache, then re-runs ``spector-refs links`` over the same list. Last, the
slowest imports of ``import spector_refs`` by ``python -X importtime``.

The package's bytecode is compiled first and the subprocesses may write it
(``PYTHONDONTWRITEBYTECODE`` is dropped), as in an installed copy: without
that every run recompiles every module it imports, which is not start-up.

``--against DIR`` runs the same measurements on another checkout (e.g. a
``git worktree`` of an older commit) interleaved with this one, and prints
the ratios. Nothing here talks to anything but 127.0.0.x.

    /work/venv/bin/python benchmarks/startup.py [--runs 7] [--against /tmp/main]

Targets (issue 13): import ≤ 0.1 s, ``--help`` ≤ 0.2 s, warm re-run of 800 URLs ≤ 0.3 s.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "check"))

from loopback import LoopbackServer  # noqa: E402

HOSTS, PER_HOST = 20, 40
PARAGRAPHS = 60
"""Paragraphs per page: about 30 KB of text, a news article's size, which the cache stores compressed."""
TARGETS = {"import": 0.1, "--help": 0.2, "warm links (800 URLs)": 0.3}


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


def child_env(tree: Path) -> dict[str, str]:
    """The environment of a measured run: ``tree`` first on the path, bytecode cached."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tree)
    return env


def run_once(command: list[str], tree: Path, cwd: Path) -> Timing:
    """One run of ``command``; wall and CPU time of the child (its output is discarded)."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, env=child_env(tree), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        stderr = child.stderr.read().decode() if child.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed with exit {code}: {stderr[-800:]}")
    if child.stderr:
        child.stderr.close()
    return Timing(wall, usage.ru_utime + usage.ru_stime)


def median(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings))


VOCABULARY = (
    "police arrested people in nine countries during a crackdown on dark web drug markets the operation "
    "seized cash and drugs investigators said vendors buyers servers were traced after the takedown of "
    "a marketplace officials from Europol and the Justice Department announced results on Tuesday"
).split()


def article_page(path: str) -> bytes:
    """A news article of :data:`PARAGRAPHS` paragraphs: different on every path, the same on every run."""
    rng = random.Random(path)
    words = [rng.choice(VOCABULARY) for _ in range(PARAGRAPHS * 80)]
    paragraphs = "".join(f"<p>{' '.join(words[i : i + 80])}.</p>\n" for i in range(0, len(words), 80))
    title = f"Operation SpecTor, part {path.rsplit('/', 1)[-1]}"
    head = f"<!doctype html><html><head><title>{title}</title></head>"
    return f"{head}<body><h1>{title}</h1>\n{paragraphs}</body></html>".encode()


@contextlib.contextmanager
def link_world() -> Iterator[list[str]]:
    """800 URLs on 20 loopback hosts, every one an article page of about 30 KB of text."""
    servers = []
    for number in range(2, 2 + HOSTS):
        server = LoopbackServer(f"127.0.0.{number}")
        server.routes["/page/"] = lambda handler: handler.send(200, article_page(handler.route_path))
        servers.append(server.start())
    try:
        yield [server.url(f"/page/{n}") for server in servers for n in range(PER_HOST)]
    finally:
        for server in servers:
            server.stop()


def links_command(work: Path, tree_name: str) -> list[str]:
    """``spector-refs links`` over the 800 URLs with the tree's own cache, writing JSON to stdout."""
    command = [sys.executable, "-m", "spector_refs", "links", str(work / "urls.txt"), "--allow-private"]
    command += ["--concurrency", "64", "--per-host", "2", "--max-age", "1h", "--format", "json"]
    return [*command, "--cache", str(work / f"{tree_name}.sqlite3")]


def commands(work: Path, tree_name: str) -> dict[str, list[str]]:
    python = sys.executable
    return {
        "python (no import)": [python, "-c", "pass"],
        "import": [python, "-c", "import spector_refs"],
        "--help": [python, "-m", "spector_refs", "--help"],
        "warm links (800 URLs)": links_command(work, tree_name),
    }


def measure(trees: dict[str, Path], runs: int, work: Path) -> dict[str, dict[str, Timing]]:
    """Median timings per command and tree, the trees' runs interleaved so both see the same load."""
    results: dict[str, dict[str, Timing]] = {}
    for label in commands(work, "this"):
        samples: dict[str, list[Timing]] = {name: [] for name in trees}
        for _ in range(runs):
            for name, tree in trees.items():
                samples[name].append(run_once(commands(work, name)[label], tree, work))
        results[label] = {name: median(timings) for name, timings in samples.items()}
    return results


def fill_caches(trees: dict[str, Path], work: Path) -> None:
    """Check every URL once per tree, so each tree's re-runs find them all fresh in its cache."""
    for name, tree in trees.items():
        command = links_command(work, name)
        cold = run_once(command, tree, work)
        print(f"cold links run ({name}): {cold.wall:.2f} s wall, {cold.cpu:.2f} s CPU")
        check = subprocess.run(command, env=child_env(tree), cwd=work, capture_output=True, text=True)
        if check.returncode not in (0, 1):
            raise SystemExit(f"{name}: the re-run failed with exit {check.returncode}: {check.stderr[-800:]}")
        results = json.loads(check.stdout)["results"]
        cached = sum(bool(result["from_cache"]) for result in results)
        if cached != len(results) or len(results) != HOSTS * PER_HOST:
            raise SystemExit(f"{name}: only {cached} of {len(results)} results came from the cache")


def importtime(tree: Path, work: Path, top: int) -> list[str]:
    """The slowest imports of ``import spector_refs`` (cumulative microseconds), slowest last."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import spector_refs"],
        env=child_env(tree),
        cwd=work,
        capture_output=True,
        text=True,
    )
    lines = [line for line in result.stderr.splitlines() if line.startswith("import time:") and "|" in line]
    rows = [line for line in lines if line.split("|")[1].strip().isdigit()]
    return sorted(rows, key=lambda line: int(line.split("|")[1]))[-top:]


def report(results: dict[str, dict[str, Timing]], names: list[str]) -> None:
    header = f"{'':<24}" + "".join(f"{name + ' wall':>14}{name + ' CPU':>13}" for name in names)
    if len(names) == 2:
        header += f"{'wall ratio':>12}{'CPU ratio':>11}"
    print(header + f"{'target':>9}")
    for label, per_tree in results.items():
        line = f"{label:<24}" + "".join(f"{per_tree[n].wall:>13.3f}s{per_tree[n].cpu:>12.3f}s" for n in names)
        if len(names) == 2:
            ours, theirs = per_tree[names[0]], per_tree[names[1]]
            line += f"{ours.wall / theirs.wall:>12.2f}{ours.cpu / max(theirs.cpu, 1e-9):>11.2f}"
        target = TARGETS.get(label)
        print(line + (f"{target:>8.1f}s" if target else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (median reported)")
    parser.add_argument("--against", type=Path, help="another checkout to measure side by side")
    parser.add_argument("--top", type=int, default=12, help="slowest imports to list")
    args = parser.parse_args()
    trees = {"this": ROOT}
    if args.against:
        trees["other"] = args.against.resolve()
    for tree in trees.values():
        compileall.compile_dir(tree / "spector_refs", quiet=1)
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; median of {args.runs} runs")
    with tempfile.TemporaryDirectory() as tmp, link_world() as urls:
        work = Path(tmp)
        (work / "urls.txt").write_text("\n".join(urls) + "\n", encoding="utf-8")
        fill_caches(trees, work)
        results = measure(trees, args.runs, work)
        report(results, list(trees))
        for name, tree in trees.items():
            print(f"\npython -X importtime -c 'import spector_refs' ({name}), slowest {args.top}:")
            print("\n".join(importtime(tree, work, args.top)))


if __name__ == "__main__":
    main()
