"""``fix --wiki en TITLE``: wikitext from the MediaWiki API (``responses``), the fix written to a file."""

from __future__ import annotations

import re

import pytest
import responses
from loopback import LoopbackServer, status_route

from spector_refs.cli import main
from spector_refs.collect.wiki import api_url


@pytest.fixture
def world():
    with LoopbackServer("127.0.0.1", routes={"/gone": status_route(404)}) as server:
        yield server


def _page(wikitext: str) -> dict:
    return {
        "parse": {
            "title": "Operation SpecTor",
            "pageid": 1,
            "displaytitle": "Operation SpecTor",
            "wikitext": wikitext,
        }
    }


@responses.activate
def test_a_live_page_is_read_and_the_fix_written_to_a_file(world, tmp_path, capsys):
    responses.add_passthru(re.compile(r"http://127\.0\.0\.1:\d+/"))
    wikitext = f"Arrests.<ref>{{{{cite web |url={world.url('/gone')} |title=Gone}}}}</ref>"
    responses.get(api_url("en"), json=_page(wikitext))
    out = tmp_path / "Operation_SpecTor.wiki"
    args = ["fix", "--wiki", "en", "Operation SpecTor", "-o", str(out), "--assume-dead-now", "--no-cache"]
    assert main([*args, "--allow-private"]) == 0
    assert out.read_text(encoding="utf-8").startswith(wikitext.removesuffix("</ref>") + "{{dead link|date=")
    request = responses.calls[0].request
    assert request.params["page"] == "Operation SpecTor" and request.params["prop"] == "wikitext|displaytitle"
    assert request.method == "GET" and len([c for c in responses.calls if "api.php" in c.request.url]) == 1
    assert "Tagging 1 as dead" in capsys.readouterr().err


@responses.activate
def test_a_page_url_names_its_own_wiki_and_dry_run_labels_the_diff_with_its_title(world, capsys):
    responses.add_passthru(re.compile(r"http://127\.0\.0\.1:\d+/"))
    responses.get(
        api_url("de"), json=_page(f"X.<ref>{{{{cite web|url={world.url('/gone')}|title=G}}}}</ref>")
    )
    url = "https://de.wikipedia.org/wiki/Operation_SpecTor"
    assert main(["fix", url, "--dry-run", "--assume-dead-now", "--no-cache", "--allow-private"]) == 0
    assert capsys.readouterr().out.startswith("--- a/Operation_SpecTor.wiki\n+++ b/Operation_SpecTor.wiki\n")


@responses.activate
def test_a_missing_page_is_one_line_and_exit_2(tmp_path, capsys):
    responses.get(api_url("en"), json={"error": {"code": "missingtitle", "info": "The page doesn't exist."}})
    out = tmp_path / "out.wiki"
    assert main(["fix", "--wiki", "en", "No such page xyz", "-o", str(out), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "does not exist" in err
    assert not out.exists()


@responses.activate
def test_an_answer_without_wikitext_is_a_fetch_error(capsys):
    responses.get(api_url("en"), json={"parse": {"title": "X", "text": "<p>html only</p>"}})
    assert main(["fix", "--wiki", "en", "X", "--no-cache"]) == 2
    assert "returned no page content" in capsys.readouterr().err
