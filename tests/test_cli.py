"""The command line: subcommands, documented exit codes, one-line errors, atomic output."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from spector_refs.cli import _Formatter, main, terminal_columns

FIXTURES = Path(__file__).parent / "fixtures"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m spector_refs`` as a user would, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "spector_refs", *args],
        input=stdin.decode("latin-1") if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_parse_json_follows_the_documented_schema(seed_text: str, tmp_path: Path) -> None:
    path = tmp_path / "operation_spector.txt"
    path.write_text(seed_text, encoding="utf-8")
    result = run_cli("parse", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "spector-refs/article/1"
    assert len(data["references"]) == 13
    ref5 = data["references"][4]
    assert ref5["authors"] == [{"literal": "Local 3 News"}]
    assert {"number", "group", "cite_count", "title", "work", "publisher", "date", "access_date", "url",
            "archive_url", "issn", "isbn", "doi", "maintenance", "problems"} <= set(ref5)  # fmt: skip
    assert all({"text", "section", "refs", "tags"} <= set(claim) for claim in data["claims"])


def test_parse_text_format_lists_references(seed_text: str, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(seed_text, encoding="utf-8")
    result = run_cli("parse", str(path), "--format", "text")
    assert result.returncode == 0
    assert "13 references" in result.stdout and "Greenberg" in result.stdout


def test_parse_text_prints_what_is_known_of_each_claims_position() -> None:
    """HTML parsers know a claim's line, not its column: "11", never "11:None"."""
    trio = Path(__file__).parent / "fixtures" / "trio"
    html = run_cli("parse", str(trio / "operation_spector.html"), "--format", "text").stdout
    wiki = run_cli("parse", str(trio / "operation_spector.wiki"), "--format", "text").stdout
    html_claims = html.split("\nClaims:\n")[1].splitlines()
    assert not [line for line in html_claims if re.match(r"\s*\d+:None ", line)]
    assert html_claims[0].startswith("  11 Operation SpecTor was an operation")
    wiki_claims = wiki.split("\nClaims:\n")[1].splitlines()
    assert all(re.match(r"  \d+:\d+ ", line) for line in wiki_claims)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "no such file", id="missing"),
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"\x00\x01\x02\x03" * 100, "binary", id="binary"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    for command in ("parse", "bib", "audit"):
        result = run_cli(command, str(path))
        assert result.returncode == 2, (command, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
        assert message in result.stderr and "Traceback" not in result.stderr


def test_directory_is_not_an_article(tmp_path: Path) -> None:
    result = run_cli("parse", str(tmp_path))
    assert result.returncode == 2 and "directory" in result.stderr


def test_bib_writes_atomically_and_keeps_old_file_on_error(tmp_path: Path, seed_text: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(seed_text, encoding="utf-8")
    out = tmp_path / "out.bib"
    assert main(["bib", str(article), "-o", str(out)]) == 0
    first = out.read_bytes()
    assert first.count(b"\n@") + first.startswith(b"@") == 13
    assert main(["bib", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    assert out.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.bib")] == []


def test_audit_of_bundled_article_offline() -> None:
    result = run_cli("audit", "--no-links", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    article = data["articles"][0]
    assert article["title"] == "Operation SpecTor"
    kinds = {finding["kind"] for finding in article["findings"]}
    assert {"citation-needed", "missing-url", "cs1-maint"} <= kinds


def test_fail_on_policy_sets_exit_code_1() -> None:
    result = run_cli("audit", "--no-links", "--fail-on", "citation-needed", "--format", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["exit_code"] == 1


def test_unknown_fail_on_name_is_a_usage_error() -> None:
    result = run_cli("audit", "--no-links", "--fail-on", "citation-neded")
    assert result.returncode == 2 and "citation-neded" in result.stderr


def test_unknown_config_key_is_named(tmp_path: Path) -> None:
    config = tmp_path / "spector-refs.toml"
    config.write_text('fail-on = ["error"]\n[links]\nconcurency = 3\n', encoding="utf-8")
    result = run_cli("audit", "--no-links", "--config", str(config))
    assert result.returncode == 2 and "concurency" in result.stderr


def test_markers_without_reference_and_unused_references_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        'A claim.[1] Another claim.[3]\n\nReferences edit\n\n  1. ^ "A". Site. Retrieved 2024-01-31.\n'
        '  2. ^ "B". Site. Retrieved 2024-01-31.\n',
        encoding="utf-8",
    )
    result = run_cli("audit", str(path), "--no-links", "--format", "json")
    kinds = {f["kind"] for f in json.loads(result.stdout)["articles"][0]["findings"]}
    assert {"missing-reference", "unused-reference"} <= kinds


def test_article_without_references_is_a_finding_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Nothing here is cited at all.\n", encoding="utf-8")
    result = run_cli("audit", str(path), "--no-links", "--format", "json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)["articles"][0]
    assert any("no reference list" in p for p in article["problems"])


def test_version_and_module_entry_point() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("spector-refs ")


def test_no_command_prints_the_full_help_to_stderr_and_exits_2() -> None:
    result = run_cli()
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("usage: spector-refs")
    for command in ("parse", "bib", "links", "audit", "kinds"):
        assert f"    {command} " in result.stderr


def test_usage_errors_are_one_line_and_exit_2() -> None:
    for args in (("audit", "--bogus"), ("links", "x", "--max-age", "soon")):
        result = run_cli(*args)
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "--help" in result.stderr


def test_step_summary_is_appended_to_the_given_file(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    for _ in range(2):
        result = run_cli(
            "audit", "--no-links", "--fail-on", "citation-needed", "--step-summary", str(summary)
        )
        assert result.returncode == 1, result.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n# spector-refs audit")
    assert text.count("# spector-refs audit") == 2
    assert "Fails on: `citation-needed`" in text and "1 item(s) fail the policy" in text


def test_github_format_appends_to_github_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "step.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(
        [sys.executable, "-m", "spector_refs", "audit", "--no-links", "--format", "github"],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert all(line.startswith("::") for line in result.stdout.splitlines())
    assert summary.read_text(encoding="utf-8").startswith("# spector-refs audit")


def test_unwritable_step_summary_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_cli("audit", "--no-links", "--step-summary", str(tmp_path / "missing" / "s.md"))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize(
    "sample",
    [
        pytest.param(FIXTURES / "html" / "html_en_Dog_parsoid2018_mobileapps.html", id="parsoid-ref-66"),
        pytest.param(FIXTURES / "html" / "legacy_features.html", id="legacy-html"),
    ],
)
def test_fail_on_dead_link_catches_the_tag_inside_a_reference(sample: Path) -> None:
    result = run_cli("audit", str(sample), "--no-links", "--fail-on", "dead-link", "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = [f for a in json.loads(result.stdout)["articles"] for f in a["findings"]]
    assert any(f["kind"] == "dead-link" and f.get("reference") for f in findings)
    assert not any(f["kind"] == "cs1-maint" and "dead link" in f["reason"] for f in findings)


def test_the_program_keeps_mains_exit_code_and_output_and_skips_the_shutdown_collections(
    tmp_path: Path,
) -> None:
    """``python -m spector_refs`` (and the console script, ``entry_point``) exits with main's code
    once its output is complete; by then the collector is frozen, so the interpreter's shutdown
    does not walk every object the run left behind."""
    watch = "import atexit, gc, sys; atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))"
    run = "sys.argv[0] = 'spector-refs'; import runpy; runpy.run_module('spector_refs', run_name='__main__')"
    article = str(FIXTURES / "trio" / "operation_spector.wiki")
    written, expected = tmp_path / "article.json", tmp_path / "expected.json"
    assert main(["parse", article, "-o", str(expected)]) == 0
    for args, code, output in (
        (["parse", article, "-o", str(written)], 0, ""),
        (["parse", str(tmp_path / "missing.txt")], 2, ""),  # main's own usage error
        (["links", "--help"], 0, "usage: spector-refs links"),  # argparse ends the run itself
        (["links", "--max-age", "soon", "x"], 2, ""),
    ):
        result = subprocess.run(
            [sys.executable, "-c", f"{watch}\n{run}", *args], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == code, result.stderr
        assert result.stdout.startswith(output) and result.stdout.endswith("frozen True\n")
    assert written.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")


def test_the_program_still_waits_for_a_running_thread_and_flushes_what_it_printed() -> None:
    """The quick exit (``cli._leave``) skips the interpreter's teardown only when it has nothing to do:
    a thread that is not a daemon is waited for as at any exit, a profiler still gets to report, and
    buffered output still arrives."""
    script = (
        "import threading, time\nfrom spector_refs.cli import _leave\n"
        "threading.Thread(target=lambda: (time.sleep(0.2), print('thread done'))).start()\n"
        "print('main done', end=' '); _leave(3)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (3, "main done thread done\n", "")
    profiled = subprocess.run(
        [sys.executable, "-m", "cProfile", "-m", "spector_refs", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert profiled.returncode == 0 and "function calls" in profiled.stdout  # the profiler still reports
    script = "from spector_refs.cli import _leave\nprint('x' * 70000); _leave(4)"  # more than a pipe's buffer
    quick = subprocess.run([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, timeout=60)
    assert (quick.returncode, quick.stdout) == (4, "x" * 70000 + "\n")


@pytest.mark.parametrize("columns", [None, "57", "0", "wide"], ids=["unset", "57", "zero", "not-a-number"])
def test_help_is_as_wide_as_shutil_would_make_it(
    monkeypatch: pytest.MonkeyPatch, columns: str | None
) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns
    ours, argparses = (
        argparse.ArgumentParser(prog="p", formatter_class=formatter)
        for formatter in (_Formatter, argparse.HelpFormatter)
    )
    for parser in (ours, argparses):
        parser.add_argument("--option", help="a help text long enough to be wrapped " * 4)
    assert ours.format_help() == argparses.format_help()  # the same lines, wrapped at the same width
