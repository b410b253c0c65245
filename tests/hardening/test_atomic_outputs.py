"""Interrupted writes never damage an existing output file.

``output.write_atomically`` writes a temporary file beside the target and renames
it. Failures are injected at each step (the write, the fsync, the rename,
an interrupt), in process, and a real ``bib -o`` / ``audit -o`` run is
killed with SIGKILL at the moment between its complete temporary file and
the rename, and at random moments of a long run. The previous file must be
byte-for-byte intact; an in-process failure must leave no temporary file.
"""

from __future__ import annotations

import errno
import os
import signal
import time
from pathlib import Path

import pytest

from spector_refs import output as output_module
from spector_refs.errors import InputError
from spector_refs.output import write_atomically

from .checks import start_cli
from .documents import text_article

OLD = "@online{old,\n  title = {The previous file},\n}\n"


def _fail_with(error: BaseException):  # type: ignore[no-untyped-def]
    def fail(*args: object, **kwargs: object) -> None:
        raise error

    return fail


@pytest.mark.parametrize(
    ("target", "error"),
    [
        pytest.param("replace", OSError(errno.EXDEV, "Invalid cross-device link"), id="rename-fails"),
        pytest.param("fsync", OSError(errno.ENOSPC, "No space left on device"), id="disk-full-at-fsync"),
        pytest.param("replace", KeyboardInterrupt(), id="interrupt-at-rename"),
        pytest.param("fsync", MemoryError(), id="memory-error"),
    ],
)
def test_failure_inside_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, error: BaseException
) -> None:
    output = tmp_path / "references.bib"
    output.write_text(OLD, encoding="utf-8")
    monkeypatch.setattr(output_module.os, target, _fail_with(error))
    expected = InputError if isinstance(error, OSError) else type(error)
    with pytest.raises(expected):
        write_atomically(output, "@online{new,\n}\n" * 1000)
    monkeypatch.undo()
    assert output.read_text(encoding="utf-8") == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["references.bib"], "a temporary file was left"


def test_failure_in_the_middle_of_the_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up after part of the text is written."""
    output = tmp_path / "report.html"
    output.write_text(OLD, encoding="utf-8")
    real_fdopen = os.fdopen

    class FillingUp:
        def __init__(self, handle):  # type: ignore[no-untyped-def]
            self._handle = handle

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()

        def write(self, text: str) -> int:
            self._handle.write(text[: len(text) // 2])
            self._handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output_module.os, "fdopen", lambda *a, **k: FillingUp(real_fdopen(*a, **k)))
    with pytest.raises(InputError, match="No space left"):
        write_atomically(output, "<html>" + "x" * 100_000)
    assert output.read_text(encoding="utf-8") == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_successful_write_replaces_whole(tmp_path: Path) -> None:
    output = tmp_path / "references.bib"
    output.write_text(OLD, encoding="utf-8")
    write_atomically(output, "new\n")
    assert output.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["references.bib"]


HOLD_BEFORE_RENAME = """
import os, pathlib, time
_replace = os.replace
def _hold(src, dst):
    pathlib.Path({flag!r}).write_text(str(src))
    time.sleep(60)
    _replace(src, dst)
os.replace = _hold
"""


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["bib", "ARTICLE", "-o", "OUTPUT"], id="bib"),
        pytest.param(["audit", "--no-links", "ARTICLE", "--format", "html", "-o", "OUTPUT"], id="audit-html"),
        pytest.param(["parse", "ARTICLE", "-o", "OUTPUT"], id="parse"),
    ],
)
def test_kill_nine_between_write_and_rename(tmp_path: Path, command: list[str]) -> None:
    """SIGKILL with the new file complete but not yet renamed: the old file is what remains."""
    article = tmp_path / "article.txt"
    article.write_text(text_article(50), encoding="utf-8")
    output = tmp_path / "out" / "result.txt"
    output.parent.mkdir()
    output.write_text(OLD, encoding="utf-8")
    flag = tmp_path / "about-to-rename"
    args = [str(article) if a == "ARTICLE" else str(output) if a == "OUTPUT" else a for a in command]
    child = start_cli(args, cwd=tmp_path, prelude=HOLD_BEFORE_RENAME.format(flag=str(flag)))
    deadline = time.monotonic() + 60
    while not (flag.exists() and flag.read_text()):  # written in two steps: wait for the name too
        assert child.poll() is None, child.communicate()[1].decode()[-2000:]
        assert time.monotonic() < deadline
        time.sleep(0.02)
    temporary = Path(flag.read_text())
    assert temporary.exists() and temporary.parent == output.parent
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    assert output.read_text(encoding="utf-8") == OLD
    leftovers = [p.name for p in output.parent.iterdir() if p != output]
    assert leftovers == [temporary.name], "only the killed run's hidden temporary file may remain"
    assert temporary.name.startswith(".result.txt.") and temporary.name.endswith(".tmp")


def test_kill_nine_at_random_moments_of_a_long_export(tmp_path: Path) -> None:
    """A long ``bib -o`` killed at several moments: the output is always the old file or a whole new one."""
    article = tmp_path / "article.txt"
    article.write_text(text_article(5_000), encoding="utf-8")
    output = tmp_path / "references.bib"
    outcomes = []
    for delay in (0.3, 0.8, 1.5, 2.5):
        output.write_text(OLD, encoding="utf-8")
        child = start_cli(["bib", str(article), "-o", str(output)], cwd=tmp_path)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        text = output.read_text(encoding="utf-8")
        finished = text != OLD
        if finished:
            assert text.count("@") == 5_000 and text.rstrip().endswith("}"), (
                "a partial file replaced the old one"
            )
        outcomes.append(finished)
    print(f"kill outcomes (new file complete?): {outcomes}")
