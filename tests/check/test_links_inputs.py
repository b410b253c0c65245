"""``links`` takes what ``audit`` takes: stdin, directories, @lists, page URLs, and any URL itself.

Issue 10: ``links -`` failed with ``-: no such file`` and ``links URL`` read
the URL as a path. The checks go to a loopback server; the one live page
is answered by ``responses`` (which lets the loopback requests through).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import responses

from spector_refs.cli import main
from spector_refs.collect.wiki import api_url

WIKI = """'''Operation SpecTor''' was a police operation.<ref>{{{{cite web |url={article} |title=Arrests
|access-date=2 May 2023}}}}</ref> It ended in 2023.<ref>{{{{cite news |url={gone} |title=Gone}}}}</ref>

== References ==
{{{{reflist}}}}
"""


def _article(server, folder: Path) -> Path:
    path = folder / "spector.wiki"
    path.write_text(WIKI.format(article=server.url("/article"), gone=server.url("/gone")), encoding="utf-8")
    return path


def _links(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "spector_refs", "links", "--allow-private", "--no-cache", *args]
    return subprocess.run(command, input=stdin, capture_output=True, timeout=120)


def _verdicts(proc: subprocess.CompletedProcess[bytes]) -> dict[str, str]:
    return {r["url"]: r["verdict"] for r in json.loads(proc.stdout)["results"]}


def test_stdin_is_checked_like_the_file(server, tmp_path):
    article = _article(server, tmp_path)
    from_file = _links("--format", "json", str(article))
    from_stdin = _links("--format", "json", "-", stdin=article.read_bytes())
    assert from_stdin.returncode == from_file.returncode == 1, from_stdin.stderr.decode()
    expected = {server.url("/article"): "ok", server.url("/gone"): "broken"}
    assert _verdicts(from_stdin) == _verdicts(from_file) == expected


def test_a_url_list_and_a_bibliography_on_stdin(server):
    listing = f"# to check\n{server.url('/article')}\n".encode()
    assert _verdicts(_links("--format", "json", "-", stdin=listing)) == {server.url("/article"): "ok"}
    bib = f"@online{{k, title={{Gone}}, url={{{server.url('/gone')}}}}}\n".encode()
    assert _verdicts(_links("--format", "json", "-", stdin=bib)) == {server.url("/gone"): "broken"}


def test_a_url_argument_is_checked_itself(server, capsys):
    """Any URL that is not a Wikipedia page is a link to check, never a path (``http:/127.0.0.1…``)."""
    assert main(["links", "--allow-private", "--no-cache", server.url("/gone"), server.url("/article")]) == 1
    out = capsys.readouterr().out
    assert f"broken              {server.url('/gone')}" in out
    assert f"ok                  {server.url('/article')}" in out


def test_a_directory_and_an_at_list(server, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    _article(server, folder)
    (folder / "refs.bib").write_text(f"@online{{k, url={{{server.url('/moved')}}}}}\n", encoding="utf-8")
    (folder / "notes.md").write_text(server.url("/never-read"), encoding="utf-8")
    listing = tmp_path / "inputs.lst"
    listing.write_text(f"{folder}\n{server.url('/forbidden')}\n", encoding="utf-8")
    proc = _links("--format", "json", f"@{listing}")
    assert _verdicts(proc) == {
        server.url("/moved"): "redirected",
        server.url("/article"): "ok",
        server.url("/gone"): "broken",
        server.url("/forbidden"): "blocked",
    }
    assert server.count("/never-read") == 0


@responses.activate
def test_a_page_url_checks_the_links_the_page_cites(server, capsys):
    responses.add_passthru(server.url("/"))
    html = (
        '<div class="mw-parser-output"><p>Text.<sup class="reference">'
        '<a href="#cite_note-1">[1]</a></sup></p>'
        '<ol class="references"><li id="cite_note-1"><span class="reference-text"><a rel="nofollow" '
        f'class="external text" href="{server.url("/gone")}">"Gone"</a>.</span></li></ol></div>'
    )
    responses.get(api_url("en"), json={"parse": {"title": "T", "pageid": 1, "revid": 3, "text": html}})
    assert main(["links", "--allow-private", "--no-cache", "https://en.wikipedia.org/wiki/T"]) == 1
    assert f"broken              {server.url('/gone')}" in capsys.readouterr().out


def test_an_article_found_in_a_directory_is_never_overwritten(server, tmp_path):
    article = _article(server, tmp_path)
    before = article.read_bytes()
    proc = _links(str(tmp_path), "-o", str(article))
    assert proc.returncode == 2 and b"is an input of this run" in proc.stderr
    assert article.read_bytes() == before
