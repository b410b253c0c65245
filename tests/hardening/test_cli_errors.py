"""The command line on unusable input: one line on stderr, exit 2, never a traceback.

Each case runs ``python -m spector_refs`` in a fresh interpreter with a
timeout, as a user or a CI job would. Hostile but readable documents must
succeed (exit 0 with well-formed output); unreadable ones must be refused
in one line that names the problem.
"""

from __future__ import annotations

import codecs
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .checks import assert_one_line_error, drop_privileges, fuzz_examples, run_cli
from .documents import (
    HTML_PIECES,
    TEXT_PIECES,
    WIKI_PIECES,
    html_article,
    pieces_text,
    text_article,
    wikitext_article,
)

MiB = 2**20


def _file(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


UNREADABLE = {
    "missing-file": lambda tmp: (["parse", str(tmp / "missing.txt")], "no such file"),
    "directory": lambda tmp: (["parse", str(tmp)], "directory"),
    "binary": lambda tmp: (["parse", _file(tmp, "a.txt", bytes(range(256)) * 40)], "binary"),
    "empty": lambda tmp: (["bib", _file(tmp, "a.txt", b"")], "empty"),
    "blank": lambda tmp: (["bib", _file(tmp, "a.wiki", b" \n\t\n")], "empty"),
    "nul-bytes": lambda tmp: (["parse", _file(tmp, "a.html", b"<html>" + b"\x00" * 100)], "binary"),
    "utf-32": lambda tmp: (["parse", _file(tmp, "a.txt", "Claim.[1]".encode("utf-32"))], "binary"),
    "overlong-name": lambda tmp: (["parse", str(tmp / ("x" * 300 + ".txt"))], ""),
    "too-big": lambda tmp: (["parse", _sparse(tmp / "huge.txt", 65 * MiB)], "larger than"),
    "links-missing-bib": lambda tmp: (["links", str(tmp / "missing.bib")], "no such file"),
    "links-binary": lambda tmp: (["links", _file(tmp, "u.txt", bytes(range(256)) * 4)], "binary"),
    "output-in-missing-directory": lambda tmp: (
        ["bib", _file(tmp, "a.txt", text_article(2).encode()), "-o", str(tmp / "no" / "such" / "dir.bib")],
        "cannot write",
    ),
    "output-is-directory": lambda tmp: (
        ["bib", _file(tmp, "a.txt", text_article(2).encode()), "-o", str(tmp)],
        "",
    ),
    "audit-missing-file": lambda tmp: (["audit", "--no-links", str(tmp / "missing.txt")], "no such file"),
    "audit-bad-config": lambda tmp: (
        ["audit", "--no-links", "--config", _file(tmp, "c.toml", b"[tool.spector-refs\nfail-on = ")],
        "",
    ),
}


def _sparse(path: Path, size: int) -> str:
    """A file of ``size`` bytes that costs no disk (all NULs, a hole)."""
    with path.open("wb") as handle:
        handle.truncate(size)
    return str(path)


@pytest.mark.parametrize("case", UNREADABLE)
def test_unreadable_input_is_one_line(tmp_path: Path, case: str) -> None:
    args, words = UNREADABLE[case](tmp_path)
    proc = run_cli(args, timeout=60)
    line = assert_one_line_error(proc)
    assert words.lower() in line.lower()
    assert proc.stdout == b""


@pytest.mark.parametrize(
    ("stdin", "words"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"\x00\x01\x02\x03" * 100, "binary", id="binary"),
    ],
)
def test_unreadable_stdin_is_one_line(stdin: bytes, words: str) -> None:
    line = assert_one_line_error(run_cli(["parse", "-"], stdin=stdin, timeout=60))
    assert words in line


HOSTILE_READABLE = {
    "text-latin-1": text_article(3).replace("Claim 1", "Claim Grüße").encode("latin-1"),
    "text-windows-1252": text_article(3).replace("Claim 1", "Claim “Grüße” – €5").encode("cp1252"),
    "text-utf-16-no-bom": text_article(3).encode("utf-16-le"),
    "text-utf-8-bom-crlf": codecs.BOM_UTF8 + text_article(3).replace("\n", "\r\n").encode(),
    "html-unclosed": html_article(3).encode()[:-400],
    "html-nested": ("<html><body>" + "<div>" * 1000 + "Claim.[1]").encode(),
    "wikitext-unbalanced": (wikitext_article(3) + "{{cite web|title=" + "{{" * 2000 + "<ref>" * 500).encode(),
    "wikitext-deep-templates": ("{{a|" * 500 + "\n== References ==\n<references/>").encode(),
    "text-one-long-line": ("Claim.[1] " * 20_000 + "[" * 50_000).encode(),
}


DECODED = {  # the text a reader must see, not only a count of references
    "text-latin-1": "Claim Grüße",
    "text-windows-1252": "Claim “Grüße” – €5",
    "text-utf-16-no-bom": "Claim 1",
    "text-utf-8-bom-crlf": "Claim 1",
}


@pytest.mark.parametrize("case", HOSTILE_READABLE)
def test_hostile_readable_input_succeeds(tmp_path: Path, case: str) -> None:
    suffix = {"text": ".txt", "html": ".html", "wikitext": ".wiki"}[case.split("-")[0]]
    path = _file(tmp_path, "article" + suffix, HOSTILE_READABLE[case])
    parsed = run_cli(["parse", path], timeout=120)
    assert parsed.returncode == 0, parsed.stderr.decode()[-2000:]
    assert isinstance(json.loads(parsed.stdout)["references"], list)
    if case in DECODED:
        claims = [claim["text"] for claim in json.loads(parsed.stdout)["claims"]]
        assert any(DECODED[case] in claim for claim in claims), claims[:3]
    bib = run_cli(["bib", path, "--format", "csl-json"], timeout=120)
    assert bib.returncode == 0, bib.stderr.decode()[-2000:]
    assert isinstance(json.loads(bib.stdout), list)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A directory every user can enter (pytest's tmp_path is private to root when CI runs as root)."""
    folder = Path(tempfile.mkdtemp(prefix="spector-refs-perm-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def unprivileged() -> Callable[[], None]:
    way = drop_privileges()
    if isinstance(way, str):
        pytest.skip(way)
    return way


def test_unreadable_permissions(shared_dir: Path, unprivileged: Callable[[], None]) -> None:
    """Without root's privileges (dropped in CI, which runs as root), the same file readable, then not."""
    path = shared_dir / "secret.txt"
    path.write_text(text_article(2), encoding="utf-8")
    path.chmod(0o644)
    readable = run_cli(["parse", str(path)], cwd=shared_dir, unprivileged=unprivileged)
    assert readable.returncode == 0, readable.stderr.decode()
    path.chmod(0)
    line = assert_one_line_error(run_cli(["parse", str(path)], cwd=shared_dir, unprivileged=unprivileged))
    assert line == f"spector-refs: error: {path}: permission denied"


@pytest.mark.parametrize("command", [["bib"], ["parse"], ["audit", "--no-links", "--format", "json"]])
def test_an_unwritable_output_is_one_line_and_nothing_is_left(
    shared_dir: Path, unprivileged: Callable[[], None], command: list[str]
) -> None:
    article = shared_dir / "article.txt"
    article.write_text(text_article(2), encoding="utf-8")
    article.chmod(0o644)
    locked = shared_dir / "locked"
    locked.mkdir()
    locked.chmod(0o555)  # nobody may create files in it, not even its owner without CAP_DAC_OVERRIDE
    output = str(locked / "out")
    proc = run_cli([*command, str(article), "-o", output], cwd=shared_dir, unprivileged=unprivileged)
    assert "cannot write (Permission denied)" in assert_one_line_error(proc)
    assert list(locked.iterdir()) == []


def test_malformed_bib_warnings_are_the_tools_own(tmp_path: Path) -> None:
    """A broken .bib file: the run goes on, and stderr holds only spector-refs' own warning lines.

    bibtexparser logs two lines per unreadable block; on a hostile file that
    is thousands of lines of another library's wording on stderr.
    """
    path = _file(tmp_path, "refs.bib", b"@misc{" * 200 + b"\n@online{ok, url = {not a url}}\n")
    proc = run_cli(["links", path, "--no-cache"], timeout=60)
    err = proc.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in err
    assert proc.returncode == 0, err[-2000:]
    foreign = [line for line in err.splitlines() if not line.startswith("spector-refs: ")]
    assert not foreign, foreign[:4]


@settings(max_examples=fuzz_examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        pieces_text(TEXT_PIECES + HTML_PIECES + WIKI_PIECES).map(
            lambda text: text.encode("utf-8", "replace")
        ),
    )
)
def test_any_stdin(data: bytes) -> None:
    """Whatever arrives on stdin: JSON and exit 0, or one error line and exit 2."""
    proc = run_cli(["parse", "-"], stdin=data, timeout=60)
    if proc.returncode == 0:
        assert isinstance(json.loads(proc.stdout)["claims"], list)
        assert b"Traceback" not in proc.stderr
    else:
        assert_one_line_error(proc)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["parse", "--no-such-flag", "a.txt"], id="unknown-flag"),
        pytest.param(["no-such-command"], id="unknown-command"),
        pytest.param(["bib", "a.txt", "--format", "docx"], id="bad-choice"),
    ],
)
def test_usage_errors_are_one_line(args: list[str]) -> None:
    proc = run_cli(args, timeout=60)
    err = proc.stderr.decode("utf-8", errors="replace")
    assert proc.returncode == 2 and "Traceback" not in err, err
    assert len(err.splitlines()) == 1, err
