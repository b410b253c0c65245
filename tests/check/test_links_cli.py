"""``spector-refs links``: inputs of every kind, JSON schema, text, exit codes."""

from __future__ import annotations

import json
import socket

import pytest

from spector_refs.cli import main
from spector_refs.cli.options import parse_duration
from spector_refs.collect import read_targets, targets_from_bib, targets_from_list

WIKI = """'''Operation SpecTor''' was a police operation.<ref>{{{{cite web |url={article} |title=Arrests
|access-date=2 May 2023 |archive-url={archive} |archive-date=3 May 2023}}}}</ref>
It ended in 2023.<ref>{{{{cite news |url={gone} |title=Gone |access-date=2023-05-04}}}}</ref>

== References ==
{{{{reflist}}}}
"""
BIB = r"""@online{europol2023,
  title = {288 dark web vendors arrested},
  url = {https://www.europol.europa.eu/media-press/newsroom/news/288-dark-web-vendors-arrested},
  urldate = {2023-05-02},
}
@article{doj, title = {SpecTor}, note = {Press release, \url{https://www.justice.gov/opa/pr/spector}}}
@misc{nourl, title = {No link}}
@broken{
"""


def links(*args: str) -> int:
    return main(["links", *args])


@pytest.fixture
def url_list(server, tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text(f"# sources\n{server.url('/article')}\n{server.url('/moved')}\n\n{server.url('/gone')}\n")
    return path


def test_json_output_follows_the_schema(server, url_list, capsys):
    code = links(str(url_list), "--format", "json", "--allow-private", "--no-cache")
    document = json.loads(capsys.readouterr().out)
    assert code == 1  # /gone is broken
    assert document["schema"] == "spector-refs/links/1"
    assert document["summary"] == {"broken": 1, "ok": 1, "redirected": 1, "total": 3}
    moved = document["results"][1]
    assert moved["url"] == server.url("/moved")
    assert moved["verdict"] == "redirected"
    assert moved["redirects"] == [{"url": server.url("/moved"), "status_code": 301}]
    assert moved["final_url"] == moved["suggested_url"] == server.url("/article")
    expected = {"url", "verdict", "status_code", "final_url", "redirects", "reason", "checked_at", "history",
                "dead", "archive_url", "archive_date", "suggested_url"}  # fmt: skip
    assert expected <= set(moved)


def test_exit_0_when_nothing_is_dead_and_text_output_to_a_file(server, tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server.url('/article')}\n{server.url('/forbidden')}\n")
    out = tmp_path / "report.txt"
    assert links(str(urls), "--allow-private", "--no-cache", "-o", str(out)) == 0
    text = out.read_text()
    assert f"ok                  {server.url('/article')}" in text
    assert "blocked" in text and "2 links: 1 blocked, 1 ok" in text
    assert capsys.readouterr().out == ""


def test_exit_3_when_the_network_is_unavailable(url_list, monkeypatch, capsys, tmp_path):
    def offline(host, *args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", offline)
    urls = tmp_path / "remote.txt"
    urls.write_text("https://www.europol.europa.eu/\nhttps://www.justice.gov/\n")
    assert links(str(urls), "--no-cache") == 3
    assert "network-unavailable" in capsys.readouterr().out


def test_private_addresses_are_refused_without_the_flag(url_list, capsys):
    assert links(str(url_list), "--no-cache", "--format", "json") == 0
    verdicts = {r["verdict"] for r in json.loads(capsys.readouterr().out)["results"]}
    assert verdicts == {"refused"}


def test_an_article_input_checks_url_and_archive_url(server, tmp_path, capsys, fake_dns, monkeypatch):
    article = tmp_path / "spector.wiki"
    archive = f"http://archive.test:{server.port}/page/copy"
    article.write_text(WIKI.format(article=server.url("/article"), archive=archive, gone=server.url("/gone")))
    monkeypatch.setattr(socket, "getaddrinfo", fake_dns({"archive.test": "127.0.0.1"}))
    code = links(str(article), "--allow-private", "--no-cache", "--format", "json")
    results = json.loads(capsys.readouterr().out)["results"]
    assert code == 1
    assert [(r["url"], r["verdict"]) for r in results] == [
        (server.url("/article"), "ok"), (archive, "ok"), (server.url("/gone"), "broken"),
    ]  # fmt: skip


def test_the_cache_flag_and_max_age(server, url_list, tmp_path, capsys):
    cache = tmp_path / "cache.sqlite3"
    flags = (str(url_list), "--allow-private", "--cache", str(cache), "--max-age", "1h", "--format", "json")
    links(*flags)
    first = json.loads(capsys.readouterr().out)["results"]
    requests_made = len(server.requests)
    links(*flags)
    again = json.loads(capsys.readouterr().out)["results"]
    assert not any(r["from_cache"] for r in first)
    assert all(r["from_cache"] for r in again)
    assert len(server.requests) == requests_made


def test_bad_flags_exit_2(url_list, capsys):
    with pytest.raises(SystemExit) as exit_info:
        links(str(url_list), "--max-age", "soon")
    assert exit_info.value.code == 2
    assert links(str(url_list.parent / "missing.txt"), "--no-cache") == 2


@pytest.mark.parametrize(("text", "seconds"), [("3600", 3600), ("90s", 90), ("15m", 900), ("1h", 3600),
                                                ("3d", 259200), ("1w", 604800), ("1.5h", 5400)])  # fmt: skip
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


def test_bib_urls_with_access_dates_and_failed_blocks():
    read = targets_from_bib(BIB, "refs.bib")
    assert [(t.url, t.access_date) for t in read.targets] == [
        (
            "https://www.europol.europa.eu/media-press/newsroom/news/288-dark-web-vendors-arrested",
            "2023-05-02",
        ),
        ("https://www.justice.gov/opa/pr/spector", None),
    ]
    assert len(read.problems) == 1 and read.problems[0].startswith("refs.bib:")


def test_url_lists_refuse_control_characters():
    read = targets_from_list("https://a.test/\x00x\nhttps://b.test/\x7f\n", "urls.txt")
    assert read.targets == () and len(read.problems) == 2


def test_url_lists_skip_comments_and_report_stray_lines():
    read = targets_from_list(
        "# x\nhttps://a.test/1\n\nnot a url\nhttps://a.test/1\nhttp://b.test/\n", "urls.txt"
    )
    assert [t.url for t in read.targets] == ["https://a.test/1", "http://b.test/"]
    assert read.problems == ("urls.txt:4: not a URL: 'not a url'",)


def test_inputs_are_told_apart(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB)
    listing = tmp_path / "urls.txt"
    listing.write_text("https://a.test/\n")
    assert len(read_targets(bib).targets) == 2
    assert [t.url for t in read_targets(listing).targets] == ["https://a.test/"]


def test_link_results_round_trip_through_their_json_form(server, loopback_config):
    from spector_refs.check import check_links
    from spector_refs.serialize import link_result_from_dict, link_result_to_dict

    [result] = check_links(server.url("/chain/1"), loopback_config)  # a single URL string is accepted
    again = link_result_from_dict(json.loads(json.dumps(link_result_to_dict(result))), text=result.text)
    assert again == result


def test_a_progress_bar_only_on_a_terminal(server, loopback_config, capsys, monkeypatch):
    from spector_refs.check import check_links

    check_links([server.url("/article")], loopback_config, progress=True)
    assert capsys.readouterr().err == ""  # pytest's stderr is no terminal
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    results = check_links([server.url("/page/1"), server.url("/page/2")], loopback_config, progress=True)
    assert [r.verdict for r in results] == ["ok", "ok"]
    assert "checking links" in capsys.readouterr().err


def test_bib_with_checked_links_carries_the_archive_copy_of_a_dead_link(
    server, tmp_path, capsys, fake_dns, monkeypatch
):
    """``bib`` exports the citation's archive copy whatever its url-status; ``--check-links`` reports."""
    archive = f"http://archive.test:{server.port}/page/copy"
    article = tmp_path / "spector.wiki"
    article.write_text(
        "A claim.<ref>{{cite web |url=" + server.url("/gone") + " |title=Gone |url-status=live"
        " |archive-url=" + archive + " |archive-date=3 May 2023 |access-date=2023-05-04}}</ref>\n"
        "Another.<ref>{{cite web |url=" + server.url("/article") + " |title=Here}}</ref>\n"
        "== References ==\n{{reflist}}\n"
    )
    monkeypatch.setattr(socket, "getaddrinfo", fake_dns({"archive.test": "127.0.0.1"}))
    assert main(["bib", str(article)]) == 0
    assert archive in capsys.readouterr().out
    assert main(["bib", str(article), "--check-links", "--allow-private", "--no-cache"]) == 1
    captured = capsys.readouterr()
    dead_entry, live_entry = captured.out.split("\n@")
    assert archive in dead_entry and "2023-05-03" in dead_entry
    assert server.url("/article") in live_entry and "archive" not in live_entry.lower()
    assert captured.err.splitlines() == [
        f"spector-refs: ref 1: broken {server.url('/gone')} (HTTP 410 Gone)",
        "spector-refs: 1 of 3 links dead (broken, soft-404, usurped or looping)",
    ]


def test_bib_with_checked_links_cites_where_a_permanent_redirect_leads(server, tmp_path, capsys):
    article = tmp_path / "moved.wiki"
    article.write_text(
        "A claim.<ref>{{cite web |url=" + server.url("/moved") + " |title=Moved}}</ref>\n"
        "== References ==\n{{reflist}}\n"
    )
    assert main(["bib", str(article), "--check-links", "--allow-private", "--no-cache"]) == 0
    captured = capsys.readouterr()
    assert f"url          = {{{server.url('/article')}}}" in captured.out
    assert server.url("/moved") not in captured.out
    assert captured.err.splitlines() == [
        f"spector-refs: ref 1: moved permanently to {server.url('/article')}; the entry cites the new URL",
        "spector-refs: 0 of 1 links dead (broken, soft-404, usurped or looping)",
    ]
