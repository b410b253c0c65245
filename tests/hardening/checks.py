"""Assertions the hardening tests share: what "handled" means for a parser and for the CLI.

A parser has handled its input when it returns a well-formed Article or
raises one of the library's documented errors, within a time limit; the
CLI has handled it when it exits 2 with exactly one line on stderr and no
traceback. Anything else (a stray exception, a hang) fails the test.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from spector_refs.errors import SpectorError
from spector_refs.model import Article, Claim, Reference

REPO = Path(__file__).resolve().parents[2]


class Hang(Exception):
    """Raised by :func:`time_limit` when the code under test overruns."""


@contextmanager
def time_limit(seconds: float, *, cpu: bool = False) -> Iterator[None]:
    """Fail with :class:`Hang` if the block runs longer than ``seconds`` (main thread only).

    With ``cpu`` the seconds are the process's CPU time (a profiling timer),
    for blocks that only compute: a machine busy with other work then
    stretches neither the budget nor the measurement it guards.

    A hang in a parser would otherwise stall the whole suite instead of
    failing one test with the input that caused it. The alarm repeats every
    half second, because an exception raised inside a garbage-collector
    callback is swallowed; and if every one was swallowed, the overrun is
    still reported when the block ends.
    """
    fired: list[float] = []

    def on_alarm(signum: int, frame: object) -> None:
        fired.append(time.monotonic())
        raise Hang(f"still running after {seconds:.1f} s")

    signum, timer = (signal.SIGPROF, signal.ITIMER_PROF) if cpu else (signal.SIGALRM, signal.ITIMER_REAL)
    previous = signal.signal(signum, on_alarm)
    signal.setitimer(timer, seconds, 0.5)
    try:
        yield
    finally:
        signal.setitimer(timer, 0)
        signal.signal(signum, previous)
    if fired:
        raise Hang(f"ran longer than {seconds:.1f} s")


def parse_or_refuse(source: str | bytes, *, format: str | None = None, limit: float = 20.0) -> Article | None:
    """Parse hostile input: a well-formed Article, or None if refused with a SpectorError."""
    from spector_refs.parse import parse

    try:
        with time_limit(limit):
            article = parse(source, format=format)
    except SpectorError as exc:
        assert str(exc).strip(), "a refusal must say what was wrong"
        assert "\n" not in str(exc).strip(), f"a refusal is one line: {exc!r}"
        return None
    assert_well_formed(article)
    return article


def assert_well_formed(article: Article) -> None:
    """The shape every stage after parsing relies on, whatever the input was."""
    assert isinstance(article, Article)
    assert isinstance(article.references, tuple) and isinstance(article.claims, tuple)
    for ref in article.references:
        assert isinstance(ref, Reference)
        assert isinstance(ref.number, int) and ref.number >= 0, ref
        assert ref.cite_count >= 1, ref
        assert all(isinstance(p, str) and p for p in ref.problems), ref.problems
    for claim in article.claims:
        assert isinstance(claim, Claim)
        assert isinstance(claim.text, str)
        assert all(isinstance(n, int) for n in claim.refs), claim
    assert all(isinstance(p, str) and p for p in article.problems), article.problems


def cli_environment() -> dict[str, str]:
    """The environment a CLI subprocess runs in: this checkout importable, no CI switches."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    env.pop("CI", None)
    return env


def start_cli(args: Sequence[str], *, cwd: Path, prelude: str = "") -> subprocess.Popen[bytes]:
    """``python -m spector_refs ARGS`` started in the background (to be killed mid-run).

    ``prelude`` is Python run first in the child, to slow down or watch a
    step the test wants to interrupt.
    """
    code = f"{prelude}\nimport runpy, sys\nsys.argv = ['spector_refs', *{list(args)!r}]\n"
    code += "runpy.run_module('spector_refs', run_name='__main__', alter_sys=True)\n"
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=cwd,
        env=cli_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def run_cli(
    args: Sequence[str],
    *,
    stdin: bytes | None = None,
    timeout: float = 120.0,
    cwd: Path | None = None,
    unprivileged: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m spector_refs ARGS`` in a fresh interpreter, as a user runs it.

    ``unprivileged`` (from :func:`drop_privileges`) runs it without the power
    to ignore file permissions, which root has and CI runs as root.
    """
    env = cli_environment()
    return subprocess.run(
        [sys.executable, "-m", "spector_refs", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=timeout,
        cwd=cwd or REPO,
        env=env,
        check=False,
        preexec_fn=unprivileged,
    )


def drop_privileges() -> Callable[[], None] | str:
    """What a child runs before exec to lose root's way around file permissions, or why it cannot.

    Not root: nothing to drop. Root: become ``nobody`` when that account can
    run this interpreter; else (an interpreter under root's private home)
    stay uid 0 but drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the
    capability bounding set, so the kernel checks permissions as for any
    file owner. Each way is tried on a real child first.
    """
    if os.geteuid() != 0:
        return _nothing
    ways: list[Callable[[], None]] = [_drop_dac_capabilities]
    try:
        import pwd

        nobody = pwd.getpwnam("nobody")
        ways.insert(0, lambda: _become(nobody.pw_uid, nobody.pw_gid))
    except (ImportError, KeyError):
        pass
    reasons = []
    for way in ways:
        reason = _probe(way)
        if reason is None:
            return way
        reasons.append(reason)
    return "cannot drop root's privileges here: " + "; ".join(reasons)


def _nothing() -> None:
    """Already unprivileged."""


def _probe(way: Callable[[], None]) -> str | None:
    """None if a child started ``way`` imports the package and cannot read a mode-000 file."""
    code = (
        "import spector_refs.cli, sys\n"
        "try:\n    open(sys.argv[1]).close()\nexcept PermissionError:\n    sys.exit(0)\nsys.exit(1)"
    )
    with tempfile.TemporaryDirectory() as folder:
        secret = Path(folder) / "secret"
        secret.write_text("x")
        secret.chmod(0)
        Path(folder).chmod(0o755)
        try:
            probe = subprocess.run(
                [sys.executable, "-c", code, str(secret)],
                capture_output=True, cwd="/", env=cli_environment(), preexec_fn=way, check=False,
            )  # fmt: skip
        except OSError as exc:
            return f"{exc.strerror or exc}"
    return None if probe.returncode == 0 else probe.stderr.decode()[-200:].strip() or "still privileged"


def _become(uid: int, gid: int) -> None:
    """Drop every supplementary group, then the group, then the user (in that order)."""
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)


def _drop_dac_capabilities() -> None:
    """prctl(PR_CAPBSET_DROP) for CAP_DAC_OVERRIDE (1) and CAP_DAC_READ_SEARCH (2): gone after exec."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) refused")


def assert_one_line_error(proc: subprocess.CompletedProcess[bytes]) -> str:
    """Exit 2, exactly one line on stderr, no traceback; returns that line."""
    err = proc.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in err, err[-3000:]
    assert proc.returncode == 2, (proc.returncode, err[-2000:])
    lines = err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("spector-refs: error: "), lines[0]
    return lines[0]


def fuzz_examples(default: int) -> int:
    """How many examples a property test tries; ``SPECTOR_FUZZ_EXAMPLES`` raises it for a long run."""
    return int(os.environ.get("SPECTOR_FUZZ_EXAMPLES", default))
