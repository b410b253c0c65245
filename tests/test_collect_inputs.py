"""What an argument names and what a file is: stdin, @lists, directories, URLs, pages, revisions.

Issue 10's new user found ``audit -`` failing, URLs turned into paths
(``https:/example.org/foo: no such file``), a bibliography and a URL list
audited as articles (21 bogus "uncited" findings, exit 0), ``LICENSE.txt``
audited in a directory scan, and a failed live fetch exiting 2. Every
command goes through :mod:`spector_refs.collect`, so each case is run on
every command that takes it (tests/test_collect.py covers the expansion of
lists and directories). Live pages are answered by ``responses``.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import requests
import responses
from responses import matchers

from spector_refs.cli import main
from spector_refs.collect import collect_articles
from spector_refs.collect.documents import ARTICLE, BIBLIOGRAPHY, URL_LIST, document_kind
from spector_refs.collect.wiki import api_url
from spector_refs.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).parent.parent / "spector_refs" / "data" / "operation_spector.txt"
BODMIN = FIXTURES / "wikitext" / "wikitext_en_Bodmin_wtf_wikipedia.txt"
TRIO_HTML = (FIXTURES / "trio" / "operation_spector.html").read_text("utf-8")
BIB = "@online{key,\n  title = {Gone},\n  url = {https://example.org/gone},\n}\n"
URLS = "# sources\nhttps://example.org/a\nhttps://example.org/b\n"


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """The command in a fresh process, as a shell pipeline runs it."""
    return subprocess.run(
        [sys.executable, "-m", "spector_refs", *args], input=stdin, capture_output=True, timeout=120
    )


def _without_paths(value: object) -> object:
    """A JSON document with every ``path`` (a file's, or None for stdin) taken out."""
    if isinstance(value, dict):
        return {k: _without_paths(v) for k, v in value.items() if k != "path"}
    if isinstance(value, list):
        return [_without_paths(v) for v in value]
    return value


@pytest.mark.parametrize(
    "command",
    [
        ["parse"],
        ["bib"],
        ["bib", "--format", "csl-json"],
        ["audit", "--no-links", "--format", "json"],
    ],
    ids=lambda c: " ".join(c),
)
def test_stdin_reads_the_same_article_as_the_file(command: list[str]) -> None:
    """``-`` reads the article from stdin (``links -`` is in tests/check/test_links_inputs.py)."""
    from_file = _cli(*command, str(BODMIN))
    from_stdin = _cli(*command, "-", stdin=BODMIN.read_bytes())
    assert from_stdin.returncode == from_file.returncode, from_stdin.stderr.decode()
    assert from_stdin.returncode in (0, 1), from_stdin.stderr.decode()
    if command[0] == "bib":
        assert from_stdin.stdout == from_file.stdout and len(from_stdin.stdout) > 1000
    else:
        assert _without_paths(json.loads(from_stdin.stdout)) == _without_paths(json.loads(from_file.stdout))


def test_parse_text_from_stdin() -> None:
    proc = _cli("parse", "--format", "text", "-", stdin=SEED.read_bytes())
    assert proc.returncode == 0 and proc.stdout.decode().startswith("Operation SpecTor — 13 references")


@pytest.mark.parametrize("command", [["audit", "--no-links"], ["parse"], ["bib"]], ids=lambda c: c[0])
def test_a_url_is_never_read_as_a_path(command: list[str]) -> None:
    """A URL that names no Wikipedia page is refused in its own words, not as ``https:/…: no such file``."""
    proc = _cli(*command, "https://example.org/foo")
    (line,) = proc.stderr.decode().splitlines()
    assert proc.returncode == 2 and proc.stdout == b""
    assert "https://example.org/foo: not a Wikipedia article URL" in line and "links" in line


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        pytest.param("refs.bib", BIB, BIBLIOGRAPHY, id="bib-by-suffix"),
        pytest.param("refs.txt", "% exported\n" + BIB, BIBLIOGRAPHY, id="bib-after-a-comment"),
        pytest.param("refs.txt", "\n  " + BIB, BIBLIOGRAPHY, id="bib-by-content"),
        pytest.param("urls.txt", URLS, URL_LIST, id="url-list"),
        pytest.param("seed.txt", SEED.read_text("utf-8"), ARTICLE, id="seed"),
        pytest.param("bodmin.wiki", BODMIN.read_text("utf-8"), ARTICLE, id="wikitext"),
        pytest.param("page.html", TRIO_HTML, ARTICLE, id="html"),
        pytest.param(
            "mail.txt", "@Anna: see https://example.org/a for the sources.\n", ARTICLE, id="at-a-name"
        ),
    ],
)
def test_what_a_file_is(name: str, text: str, kind: str) -> None:
    assert document_kind(text, name) == kind


def test_a_directory_scan_audits_articles_only_and_says_what_it_skipped(tmp_path: Path) -> None:
    (tmp_path / "bodmin.wiki").write_text(BODMIN.read_text("utf-8"), "utf-8")
    (tmp_path / "LICENSE.txt").write_text("MIT License\n\nPermission is hereby granted, free of charge.\n")
    (tmp_path / "requirements.txt").write_text("requests>=2.31\nmwparserfromhell\n")
    (tmp_path / "refs.bib").write_text(BIB)  # not an article's suffix: not even read
    (tmp_path / "exported.txt").write_text(BIB)
    (tmp_path / "urls.txt").write_text(URLS)
    collection = collect_articles([str(tmp_path)])
    assert [a.title for a in collection.articles] == ["Bodmin"]
    assert {Path(s.name).name: s.reason.split(",")[0] for s in collection.skipped} == {
        "LICENSE.txt": "neither references nor citation markers",
        "exported.txt": "a bibliography",
        "requirements.txt": "neither references nor citation markers",
        "urls.txt": "a list of URLs",
    }
    assert sorted(Path(f).name for f in collection.files) == [
        "LICENSE.txt", "bodmin.wiki", "exported.txt", "requirements.txt", "urls.txt"
    ]  # fmt: skip
    proc = _cli("audit", "--no-links", "--quiet", str(tmp_path))
    assert proc.returncode == 0
    skipped = proc.stderr.decode().splitlines()
    assert len(skipped) == 4 and all(line.startswith("spector-refs: skipped ") for line in skipped)
    assert proc.stdout.decode().startswith("1 article(s): 47 references")


def test_a_named_article_without_references_is_still_audited(tmp_path: Path) -> None:
    """Only a directory scan guesses; a file the user names is audited (and told it has no references)."""
    path = tmp_path / "draft.txt"
    path.write_text("Dogs were domesticated. Nobody knows when.\n")
    (article,) = collect_articles([str(path)]).articles
    assert article.references == () and len(article.claims) == 2


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("refs.bib", BIB, "a bibliography, not an article (spector-refs links checks its URLs)"),
        ("urls.txt", URLS, "a list of URLs, not an article (spector-refs links checks them)"),
    ],
)
def test_a_bibliography_or_url_list_is_not_audited(tmp_path: Path, name: str, text: str, said: str) -> None:
    """Alone it is a usage error (the new user got 21 bogus findings, exit 0); beside an article, skipped."""
    path = tmp_path / name
    path.write_text(text)
    alone = _cli("audit", "--no-links", str(path))
    (line,) = alone.stderr.decode().splitlines()
    assert alone.returncode == 2 and alone.stdout == b"" and said in line and "spector-refs links" in line
    beside = _cli("audit", "--no-links", "--format", "json", str(path), str(SEED))
    assert beside.returncode == 0
    assert beside.stderr.decode() == f"spector-refs: skipped {path}: {said}\n"
    assert [a["title"] for a in json.loads(beside.stdout)["articles"]] == ["Operation SpecTor"]
    with pytest.raises(InputError, match=re.escape(said)):
        collect_articles([str(path)])


def test_an_empty_list_file_is_nothing_to_audit(tmp_path: Path) -> None:
    listing = tmp_path / "none.txt"
    listing.write_text("# nothing yet\n")
    with pytest.raises(InputError, match="nothing to audit"):
        collect_articles([f"@{listing}"])


def _page(title: str = "Operation SpecTor", revid: int | None = 1152003321) -> dict:
    page = {"title": title, "pageid": 1, "displaytitle": title, "text": TRIO_HTML, "wikitext": ""}
    return {"parse": {**page, **({"revid": revid} if revid else {})}}


def _answer(params: dict[str, str], body: dict) -> None:
    responses.get(api_url("en"), json=body, match=[matchers.query_param_matcher(params, strict_match=False)])


@pytest.mark.parametrize(
    "command",
    [["audit", "--no-links"], ["parse"], ["bib"], ["links", "--no-cache"]],
    ids=lambda c: c[0],
)
@pytest.mark.parametrize(
    "failure",
    [requests.ConnectionError("no route"), requests.ConnectTimeout("slow"), 503],
    ids=["no-connection", "timeout", "http-503"],
)
@responses.activate
def test_a_page_that_cannot_be_reached_exits_3(
    command: list[str], failure: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """The network being unavailable is exit 3 wherever a page is fetched, never 2 (bad usage)."""
    if isinstance(failure, int):
        responses.get(api_url("en"), status=failure)
    else:
        responses.get(api_url("en"), body=failure)
    assert main([*command, "https://en.wikipedia.org/wiki/Operation_SpecTor"]) == 3
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and "en.wikipedia.org" in err


@responses.activate
def test_a_missing_page_is_still_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    responses.get(api_url("en"), json={"error": {"code": "missingtitle", "info": "The page doesn't exist."}})
    assert main(["parse", "https://en.wikipedia.org/wiki/No_such_page"]) == 2
    assert "does not exist" in capsys.readouterr().err


@responses.activate
def test_revision_pins_the_page_and_every_report_names_it(capsys: pytest.CaptureFixture[str]) -> None:
    _answer({"oldid": "1152003321"}, _page())
    permalink = "https://en.wikipedia.org/w/index.php?title=Operation_SpecTor&oldid=1152003321"
    for fmt in ("json", "terminal", "markdown", "html", "sarif", "junit", "github"):
        code = main(["audit", "--no-links", "--wiki", "en", "Operation SpecTor", "--revision", "1152003321",
                     "--format", fmt])  # fmt: skip
        out = capsys.readouterr().out
        escaped = {
            "html": ("&", "&amp;"),
            "junit": ("&", "&amp;"),
            "github": (":", "%3A"),
        }  # each format's own
        shown = permalink.replace(*escaped.get(fmt, ("", "")))
        assert code == 0 and shown in out, fmt
    assert all("page" not in call.request.params for call in responses.calls)


@responses.activate
def test_a_permanent_link_url_names_its_revision(capsys: pytest.CaptureFixture[str]) -> None:
    _answer({"oldid": "42"}, _page(revid=42))
    assert main(["parse", "https://en.wikipedia.org/w/index.php?title=Operation_SpecTor&oldid=42"]) == 0
    assert json.loads(capsys.readouterr().out)["path"].endswith("title=Operation_SpecTor&oldid=42")


@responses.activate
def test_the_current_revision_is_named_too(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --revision the report still names the revision read, so a rerun can reproduce it."""
    _answer({"page": "Operation SpecTor"}, _page(revid=7))
    assert (
        main(["audit", "--no-links", "https://en.wikipedia.org/wiki/Operation_SpecTor", "--format", "json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["articles"][0]["path"].endswith("&oldid=7")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([str(SEED), "--revision", "5"], "--revision 5 pins a live page"),
        (["--wiki", "en", "Cat", "Dog", "--revision", "5"], "pins one page"),
        (["--wiki", "en", "Cat", "--revision", "0"], "not a revision number"),
        (["--wiki", "en", "Cat", "--revision", "abc"], "not a revision number"),
    ],
)
@responses.activate
def test_revision_misuse_is_a_usage_error(
    args: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _answer({}, _page())
    with pytest.raises(SystemExit, match="2") if "not a revision" in said else contextlib.nullcontext():
        assert main(["audit", "--no-links", *args]) == 2
    assert said in capsys.readouterr().err


@responses.activate
def test_a_missing_revision_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    _answer({"oldid": "9"}, {"error": {"code": "nosuchrevid", "info": "There is no revision with ID 9."}})
    assert main(["audit", "--no-links", "--wiki", "en", "Cat", "--revision", "9"]) == 2
    assert "revision 9 does not exist on en.wikipedia.org" in capsys.readouterr().err
