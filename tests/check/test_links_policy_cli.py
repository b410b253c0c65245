"""The policy count and the exit code agree end to end: three dead links on a loopback server.

Issue 10 bug 4: three broken links were marked "✗ fails" and the run exited
1, yet the terminal and HTML said "0 fail the policy" and JSON
``summary.failing`` was 0. Unit tests pin the policy on hand-made results
(tests/test_policy.py); here the real command checks real links, and every
report of the run must state the count the exit code was decided on. A dead
link whose citation already has an archive copy is reported, and fails only
when ``archived-links`` is asked for.
"""

from __future__ import annotations

import json
import re

import pytest

from spector_refs.cli import main

CITE = "{{{{cite web |url={url} |title={title}{archive}}}}}"


def _article(server, tmp_path, *, archived: bool):
    archive = " |archive-url={copy} |archive-date=3 May 2023"  # a live copy on the same loopback server
    refs = [
        CITE.format(
            url=url,
            title=f"Gone {n}",
            archive=archive.format(copy=server.url(f"/page/copy/{n}")) if archived else "",
        )
        for n, url in enumerate((server.url("/gone"), server.url("/page/missing/1"), server.url("/gone?x=2")))
    ]
    refs.append(CITE.format(url=server.url("/article"), title="Here", archive=""))
    text = " ".join(f"Claim {n}.<ref>{ref}</ref>" for n, ref in enumerate(refs))
    path = tmp_path / "dead.wiki"
    path.write_text(text + "\n\n== References ==\n{{reflist}}\n", encoding="utf-8")
    return path


def _failing(fmt: str, text: str) -> int:
    """The "fails the policy" count as each report states it."""
    if fmt == "json":
        return json.loads(text)["summary"]["failing"]
    if fmt == "html":
        return int(re.search(r"<b>(\d+)</b><span>fail the policy", text).group(1))
    if fmt == "markdown":
        return int(text.split("\n| ")[2].split(" | ")[4])
    if fmt == "junit":
        return int(re.search(r'<testsuites [^>]*failures="(\d+)"', text).group(1))
    return int(re.search(r"(\d+) fail the policy", text).group(1))


@pytest.fixture
def routes(server):
    server.routes["/page/missing/1"] = server.routes["/gone"]
    return server


@pytest.mark.parametrize("fmt", ["terminal", "json", "html", "markdown", "junit"])
def test_three_dead_links_fail_in_the_report_as_in_the_exit_code(routes, tmp_path, capsys, fmt):
    article = _article(routes, tmp_path, archived=False)
    code = main(["audit", str(article), "--allow-private", "--no-cache", "--format", fmt])
    out = capsys.readouterr().out
    assert code == 1
    assert _failing(fmt, out) == 3


def test_archived_dead_links_are_reported_but_pass_by_default(routes, tmp_path, capsys):
    article = _article(routes, tmp_path, archived=True)
    assert main(["audit", str(article), "--allow-private", "--no-cache", "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert (summary["broken_links"], summary["failing"]) == (3, 0)
    flags = ["--allow-private", "--no-cache", "--fail-on", "broken-links,archived-links"]
    assert main(["audit", str(article), *flags, "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["summary"]["failing"] == 3
    assert main(["audit", str(article), *flags]) == 1
    assert "3 fail the policy" in capsys.readouterr().out
