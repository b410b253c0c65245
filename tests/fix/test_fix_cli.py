"""``spector-refs fix`` end to end against a loopback world.

Five citations, one per case of the issue: a live URL, a dead URL whose
citation has an archive-url, a dead URL without a copy, a dead URL already
tagged, and a working URL whose citation says ``url-status=dead``. Each gets
exactly its edit, the rest of the file is byte-identical, and fixing the
output again changes nothing.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from loopback import ARTICLE, LoopbackServer, status_route

from spector_refs.check.cache import LinkCache
from spector_refs.cli import main
from spector_refs.fix.style import month_year
from spector_refs.model import LinkResult, Verdict

TITLE = "Operation SpecTor nets 288 arrests"
SNAPSHOT = "https://web.archive.org/web/20240131000000/"
PAGE = """{{{{Use mdy dates|date=January 2024}}}}
'''Operation SpecTor''' was a police operation.<ref>{{{{cite web |url={u}/live |title={t}{a}}}}}</ref>
Arrests.<ref name="a">{{{{cite web |url={u}/archived |title={t}{a} |archive-url={s}{u}/archived{d}}}}}</ref>
Drugs were seized.<ref>{{{{cite news
 | url = {u}/gone
 | title = {t}
 | access-date = 2024-01-31
}}}}</ref> Again.<ref name="a" />
Guns too.<ref>{{{{cite web |url={u}/tagged |title={t}{a}}}}} {{{{dead link|date=May 2024}}}}</ref>
It ended.<ref>{{{{cite web |url={u}/back |title={t}{a} |archive-url={s}{u}/back{d} |url-status=dead}}}}</ref>

== References ==
{{{{reflist}}}}
"""


@pytest.fixture
def world():
    routes = {
        "/live": status_route(200, ARTICLE),
        "/back": status_route(200, ARTICLE),
        "/archived": status_route(404),
        "/gone": status_route(404),
        "/tagged": status_route(410),
        "/wayback/available": _wayback,
    }
    with LoopbackServer("127.0.0.1", routes=routes) as server:
        yield server


def _wayback(h) -> None:
    from urllib.parse import parse_qs, urlsplit

    url = parse_qs(urlsplit(h.path).query)["url"][0]
    body = (
        '{"archived_snapshots": {"closest": {"available": true, "status": "200", '
        f'"timestamp": "20240201120000", "url": "http://web.archive.org/web/20240201120000/{url}"}}}}}}'
    )
    h.send(200, body.encode(), content_type="application/json")


@pytest.fixture
def article(world, tmp_path) -> Path:
    path = tmp_path / "spector.wiki"
    path.write_text(
        PAGE.format(
            u=world.url("").rstrip("/"),
            t=TITLE,
            s=SNAPSHOT,
            a=" |access-date=2024-01-31",
            d=" |archive-date=2024-01-31",
        ),
        encoding="utf-8",
    )
    return path


def expected(original: str, base: str) -> str:
    """The five edits the issue asks for, and nothing else."""
    tag = f"{{{{dead link|date={month_year(datetime.now(UTC).date())}|fix-attempted=yes}}}}"
    return (
        original.replace(
            "|archive-date=2024-01-31 |url-status=dead}}", "|archive-date=2024-01-31 |url-status=live}}"
        )
        .replace(
            "/archived |archive-date=2024-01-31}}", "/archived |archive-date=2024-01-31 |url-status=dead}}"
        )
        .replace(" | access-date = 2024-01-31\n}}</ref>", " | access-date = 2024-01-31\n}}" + tag + "</ref>")
    )


def fix(*args: object) -> int:
    return main(["fix", *map(str, args), "--allow-private", "--timeout", "2"])


def test_each_citation_gets_exactly_its_edit_and_a_second_run_is_a_no_op(article, world, tmp_path, capsys):
    out, again = tmp_path / "out.wiki", tmp_path / "again.wiki"
    assert fix(article, "--assume-dead-now", "--no-cache", "-o", out) == 0
    original = article.read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == expected(original, world.url("").rstrip("/"))
    assert "Rescuing 1 source, tagging 1 as dead and marking 1 as live" in capsys.readouterr().err
    assert fix(out, "--assume-dead-now", "--no-cache", "-o", again) == 0
    assert again.read_bytes() == out.read_bytes()
    assert "No changes" in capsys.readouterr().err


def test_dry_run_prints_the_diff_and_the_summary_and_writes_nothing(article, tmp_path, capsys):
    out = tmp_path / "out.wiki"
    assert fix(article, "--assume-dead-now", "--no-cache", "--dry-run", "-o", out) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("--- a/spector.wiki\n+++ b/spector.wiki\n@@")
    assert "+}}{{dead link|date=" in printed and "|url-status=live}}" in printed
    assert printed.rstrip().endswith(
        "Edit summary: Rescuing 1 source, tagging 1 as dead and marking 1 as live"
    )
    assert not out.exists()


def test_without_history_nothing_is_dead_yet(article, capsys):
    assert fix(article, "--no-cache", "--dry-run") == 0
    captured = capsys.readouterr()
    assert "Edit summary: Marking 1 as live" in captured.out
    assert "3 link(s) failed this check but are not dead yet" in captured.err


def test_the_link_history_decides_what_is_dead(article, world, tmp_path, capsys):
    cache = LinkCache(tmp_path / "links.sqlite3")
    now = datetime.now(UTC)
    for days in (6, 4):
        stamp = (now - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")
        cache.record(
            LinkResult(world.url("/gone"), Verdict.BROKEN, "HTTP 404", status_code=404, checked_at=stamp)
        )
    cache.close()
    assert fix(article, "--cache", tmp_path / "links.sqlite3", "--max-age", "0", "--dry-run") == 0
    printed = capsys.readouterr().out
    assert "Edit summary: Tagging 1 as dead and marking 1 as live" in printed


def test_archive_finds_the_snapshot_closest_to_the_access_date(article, world, tmp_path, capsys):
    config = tmp_path / "spector-refs.toml"
    config.write_text(f'[links]\narchive-api = "{world.url("/wayback/available")}"\n', encoding="utf-8")
    assert fix(article, "--assume-dead-now", "--no-cache", "--archive", "--config", config, "--dry-run") == 0
    printed = capsys.readouterr().out
    snapshot = f"https://web.archive.org/web/20240201120000/{world.url('/gone')}"
    assert f"+ | archive-url = {snapshot}\n+ | archive-date = 2024-02-01\n+ | url-status = dead\n" in printed
    tagged = f"|url={world.url('/tagged')} |title={TITLE} |access-date=2024-01-31 |archive-url="
    assert f"+Guns too.<ref>{{{{cite web {tagged}" in printed
    assert not [line for line in printed.splitlines() if line.startswith("+") and "dead link" in line]
    assert "Rescuing 3 sources and marking 1 as live" in printed
    assert "timestamp=20240131" in " ".join(path for _, path, _ in world.requests)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["missing.wiki"], "no such file", id="missing-file"),
        pytest.param(["page.html"], "not wikitext", id="html-is-not-wikitext"),
        pytest.param(["page.wiki", "--wiki", "e n"], "not a Wikipedia language code", id="bad-wiki"),
        pytest.param(["page.wiki", "-o", "."], "is a directory", id="output-is-a-directory"),
        pytest.param(["page.wiki", "-o", "page.wiki"], "is an input", id="output-is-the-input"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, message, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(
        "<!doctype html><html><body><p>Hi</p></body></html>", encoding="utf-8"
    )
    (tmp_path / "page.wiki").write_text("'''Hi'''.<ref>{{cite web|url=x|title=T}}</ref>\n", encoding="utf-8")
    assert main(["fix", *args, "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and message in err


def test_standard_input_without_citations_is_no_change(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"'''Hi''' there.\n")))
    assert main(["fix", "-", "--dry-run", "--no-cache"]) == 0
    assert capsys.readouterr().out == "Edit summary: No changes\n"


def test_binary_input_is_one_line_and_exit_2(tmp_path, capsys):
    (tmp_path / "page.wiki").write_bytes(b"\x00\x01\x02PNG" * 100)
    assert main(["fix", str(tmp_path / "page.wiki"), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "binary" in err


def test_stdin_is_fixed_like_the_file(article, world, tmp_path, monkeypatch, capsys):
    """``-`` is documented for every command that takes input: fix reads the wikitext from stdin."""
    from_file = tmp_path / "from-file.wiki"
    assert fix(article, "--assume-dead-now", "--no-cache", "-o", from_file) == 0
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article.read_bytes())))
    assert fix("-", "--assume-dead-now", "--no-cache") == 0
    assert capsys.readouterr().out == from_file.read_text(encoding="utf-8")
