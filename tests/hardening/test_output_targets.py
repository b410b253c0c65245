"""``-o`` never destroys what it writes to: symlinks, FIFOs, devices, permissions, inputs.

Each case runs the real command line in a fresh interpreter against a real
file-system object. The atomic rename must happen beside the symlink's
*target* (the link stays a link), special files are written in place (a
rename would replace the FIFO or device node), a replaced file keeps its
mode, a new one gets the umask's, and an input file is never overwritten.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from spector_refs.output import STALE_AFTER_SECONDS, write_output

from .checks import assert_one_line_error, cli_environment, run_cli
from .documents import text_article

COMMANDS = {
    "bib": ["bib", "ARTICLE", "-o", "OUTPUT"],
    "parse": ["parse", "ARTICLE", "-o", "OUTPUT"],
    "audit": ["audit", "--no-links", "ARTICLE", "--format", "json", "-o", "OUTPUT"],
    "links": ["links", "ARTICLE", "--no-cache", "-o", "OUTPUT"],
    "fix": ["fix", "ARTICLE", "--no-cache", "-o", "OUTPUT"],
}


def _article(tmp_path: Path, command: str = "bib") -> Path:
    """An article without URLs, so ``links`` needs no network; wikitext for ``fix``, which edits it."""
    if command == "fix":
        path = tmp_path / "article.wiki"
        path.write_text("A claim.<ref>{{cite book |title=A Book |year=2001}}</ref>\n", encoding="utf-8")
        return path
    path = tmp_path / "article.txt"
    path.write_text(text_article(3), encoding="utf-8")
    return path


def _args(command: str, article: Path | str, output: Path | str) -> list[str]:
    names = {"ARTICLE": str(article), "OUTPUT": str(output)}
    return [names.get(arg, arg) for arg in COMMANDS[command]]


def _ok(proc: subprocess.CompletedProcess[bytes]) -> None:
    assert proc.returncode in (0, 1), proc.stderr.decode()[-2000:]


@pytest.mark.parametrize("command", COMMANDS)
def test_symlink_is_written_through(tmp_path: Path, command: str) -> None:
    """The link survives and its target gets the output; the temporary file was the target's sibling."""
    target_dir = tmp_path / "real"
    target_dir.mkdir()
    target = target_dir / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    article = _article(tmp_path, command)
    _ok(run_cli(_args(command, article, link)))
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text(encoding="utf-8") not in ("", "old\n")
    assert sorted(p.name for p in target_dir.iterdir()) == ["out.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([article.name, "link.txt", "real"])


def test_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.bib"
    link.symlink_to(tmp_path / "made.bib")
    _ok(run_cli(_args("bib", _article(tmp_path), link)))
    assert link.is_symlink() and (tmp_path / "made.bib").read_text(encoding="utf-8").startswith("@")


@pytest.mark.parametrize("command", COMMANDS)
def test_fifo_is_written_not_replaced(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    _ok(run_cli(_args(command, _article(tmp_path, command), fifo), timeout=60))
    reader.join(30)
    assert stat.S_ISFIFO(fifo.lstat().st_mode), "the FIFO was replaced"
    assert received and received[0].strip()


@pytest.mark.parametrize("command", COMMANDS)
def test_device_is_written_not_replaced(tmp_path: Path, command: str) -> None:
    """``-o /dev/null`` must leave the device node alone (root could replace it)."""
    before = os.stat("/dev/null")
    _ok(run_cli(_args(command, _article(tmp_path, command), "/dev/null")))
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_dev_stdout_reaches_standard_output(tmp_path: Path) -> None:
    """``-o /dev/stdout`` writes to the pipe the caller reads, and replaces nothing."""
    proc = run_cli(_args("bib", _article(tmp_path), "/dev/stdout"))
    _ok(proc)
    assert proc.stdout.decode().startswith("@")
    assert Path("/dev/stdout").is_symlink()


def test_dev_stdout_appends_to_a_redirected_file(tmp_path: Path) -> None:
    """With ``>> log`` the shell's file keeps its earlier lines."""
    log = tmp_path / "log.txt"
    log.write_text("earlier\n", encoding="utf-8")
    command = [sys.executable, "-m", "spector_refs", *_args("bib", _article(tmp_path), "/dev/stdout")]
    with log.open("ab") as handle:
        proc = subprocess.run(
            command, stdout=handle, stderr=subprocess.PIPE, env=cli_environment(), check=False
        )
    _ok(proc)
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier\n@")


@pytest.mark.parametrize("command", COMMANDS)
def test_existing_mode_is_kept(tmp_path: Path, command: str) -> None:
    output = tmp_path / "out.txt"
    output.write_text("old\n", encoding="utf-8")
    output.chmod(0o644)
    _ok(run_cli(_args(command, _article(tmp_path, command), output)))
    assert stat.S_IMODE(output.stat().st_mode) == 0o644
    output.chmod(0o640)
    _ok(run_cli(_args(command, _article(tmp_path, command), output)))
    assert stat.S_IMODE(output.stat().st_mode) == 0o640


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_new_file_honours_the_umask(tmp_path: Path, umask: int) -> None:
    output = tmp_path / "new.bib"
    proc = subprocess.run(
        [sys.executable, "-m", "spector_refs", *_args("bib", _article(tmp_path), output)],
        capture_output=True,
        env=cli_environment(),
        preexec_fn=lambda: os.umask(umask),
        check=False,
    )
    _ok(proc)
    assert stat.S_IMODE(output.stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize("command", COMMANDS)
def test_input_is_never_overwritten(tmp_path: Path, command: str) -> None:
    article = _article(tmp_path, command)
    before = article.read_bytes()
    line = assert_one_line_error(run_cli(_args(command, article, article)))
    assert "input" in line
    assert article.read_bytes() == before


def test_input_reached_through_a_symlink_or_a_list_is_not_overwritten(tmp_path: Path) -> None:
    article = _article(tmp_path)
    before = article.read_bytes()
    link = tmp_path / "alias.txt"
    link.symlink_to(article)
    assert_one_line_error(run_cli(_args("bib", article, link)))
    listing = tmp_path / "articles.lst"
    listing.write_text(f"{article}\n", encoding="utf-8")
    assert_one_line_error(run_cli(["audit", "--no-links", f"@{listing}", "-o", str(link)]))
    assert_one_line_error(run_cli(["audit", "--no-links", str(tmp_path), "-o", str(article)]))
    assert article.read_bytes() == before


def test_stale_temporary_files_are_cleaned(tmp_path: Path) -> None:
    """A killed run's hour-old temporary file goes; a fresh one (a run in progress) and others' files stay."""
    output = tmp_path / "report.json"
    stale = tmp_path / ".report.json.0123456789abcdef.tmp"
    fresh = tmp_path / ".report.json.fedcba9876543210.tmp"
    foreign = tmp_path / ".report.json.backup.tmp"
    for path in (stale, fresh, foreign):
        path.write_text("partial", encoding="utf-8")
    old = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(foreign, (old, old))
    write_output(output, "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([output.name, fresh.name, foreign.name])
