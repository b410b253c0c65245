"""The bundled sources.json is exactly what the build makes of the in-repo upstream copies."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from spector_refs.assess import build
from spector_refs.assess.config import SOURCE_KINDS
from spector_refs.assess.sources import entry_origins, listed_reason, load_source_data
from spector_refs.model import Reliability

# the checkout's copy, also when the package under test is an installed one without upstream/
CHECKOUT = Path(__file__).resolve().parents[2]
DATA = CHECKOUT / "spector_refs" / "assess" / "data"


@pytest.fixture(scope="module")
def built() -> dict:
    return build.build_sources(DATA)


def _reason(entry: dict) -> str:
    """An entry's reason as the loader reads it: the build leaves out one the origins word exactly."""
    return entry.get("reason") or listed_reason(entry_origins(entry))


def test_sources_json_is_fresh(built: dict) -> None:
    committed = (DATA / "sources.json").read_text(encoding="utf-8")
    assert committed == build.render(built), "run: python -m spector_refs.assess.build"


def test_origins_are_one_string_a_line_each_and_a_list_is_read_too(built: dict) -> None:
    origins = entry_origins(built["sites"]["scirp.org"])
    assert len(origins) > 1 and built["sites"]["scirp.org"]["origin"] == "\n".join(origins)
    assert entry_origins({"origin": list(origins)}) == origins  # a file of format 1
    assert entry_origins({"origin": ""}) == entry_origins({}) == ()


def test_a_loaded_entry_without_rules_is_plain_strings_the_collector_does_not_walk() -> None:
    # a list in every entry made the entries two thirds of what each full collection walks
    plain = [entry for entry in load_source_data()["sites"].values() if "rules" not in entry]
    assert len(plain) > 20_000 and not any(gc.is_tracked(entry) for entry in plain)


def test_versioned_with_origin_date_and_licence(built: dict) -> None:
    assert built["version"] and built["date"] and "CC BY-SA" in built["licence"]
    files = [item["file"] for item in built["generated_from"]]
    upstream = sorted(path.name for path in (DATA / "upstream").iterdir())
    assert files == [*(f"upstream/{name}" for name in upstream), "curation.toml"]
    assert "upstream/state-media-matrix.csv" in files
    assert all(len(item["sha256"]) == 64 for item in built["generated_from"])


def test_every_entry_uses_the_documented_vocabularies(built: dict) -> None:
    reliabilities = {r.value for r in Reliability}
    for key, entry in built["sites"].items():
        assert entry["reliability"] in reliabilities, key
        assert entry["kind"] in SOURCE_KINDS, key
        assert entry.get("reason") or entry["origin"], key  # no reason: worded from the origins
        for rule in entry.get("rules", ()):
            assert rule.get("kind", "unknown") in SOURCE_KINDS and ("path" in rule or "title" in rule), key
    assert all(target in built["sites"] for target in built["names"].values())


def test_upstream_statuses_survive_the_merge(built: dict) -> None:
    sites = built["sites"]
    assert sites["reuters.com"]["reliability"] == "generally-reliable"
    assert sites["dailymail.co.uk"]["reliability"] == "deprecated"
    assert sites["breitbart.com"]["reliability"] == "blacklisted"
    # rows that disagree by topic (Bloomberg news / company profiles) mean no consensus
    assert sites["bloomberg.com"]["reliability"] == "no-consensus"
    # the newer RSP snapshot rates a domain by its most cautious row, and the strictest list wins
    assert sites["foxnews.com"]["reliability"] == "generally-unreliable"
    assert "WP:RSP (machine-readable snapshot" in _reason(sites["foxnews.com"])
    # the script's regex alternations are spelt out, paths kept as rules
    assert sites["amazon.co.uk"]["reliability"] == "generally-unreliable"
    assert {"path": "/realm/gotha*"}.items() <= sites["angelfire.com"]["rules"][0].items()
    assert built["doi_prefixes"]["10.1101/"]["kind"] == "preprint"


def test_curation_adds_kinds(built: dict) -> None:
    sites = built["sites"]
    assert sites["blogspot.com"]["kind"] == "blog"
    assert sites["prnewswire.com"]["kind"] == "press-release"
    assert sites["youtube.com"]["kind"] == "video"
    assert sites["rt.com"]["kind"] == "state-media"
    assert built["suffixes"]["gov"]["kind"] == "government"


def _command(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m spector_refs.assess.build``, run in the checkout so that its package is the one built."""
    command = [sys.executable, "-m", "spector_refs.assess.build", *args]
    return subprocess.run(command, cwd=CHECKOUT, capture_output=True, text=True, timeout=120)


def test_the_build_command_finds_the_committed_file_current() -> None:
    result = _command("--check")
    assert (result.returncode, result.stderr) == (0, ""), result.stdout + result.stderr
    assert result.stdout.strip().endswith("sources.json is up to date")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """The data directory's inputs copied, with a stale ``sources.json`` (one site short)."""
    (tmp_path / "upstream").mkdir()
    for name in ("curation.toml", *(f"upstream/{path.name}" for path in (DATA / "upstream").iterdir())):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    stale = json.loads((DATA / "sources.json").read_text(encoding="utf-8"))
    del stale["sites"]["reuters.com"]
    (tmp_path / "sources.json").write_text(build.render(stale), encoding="utf-8")
    return tmp_path


def test_the_build_command_fails_on_a_stale_file(data_copy: Path) -> None:
    result = _command(str(data_copy), "--check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"out of date: run python -m spector_refs.assess.build {data_copy}" in result.stdout


def test_the_build_command_writes_the_file(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build.main([str(data_copy)]) == 0
    assert capsys.readouterr().out == f"wrote {data_copy / 'sources.json'}\n"
    # the same inputs under another directory: the committed (fresh) file, byte for byte
    assert (data_copy / "sources.json").read_bytes() == (DATA / "sources.json").read_bytes()


def test_the_build_command_refuses_a_directory_without_curation(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        build.main([str(tmp_path), "--check"])
    assert exit_.value.code == 2


def test_plain_lists_give_their_category_ruling(built: dict) -> None:
    sites, names = built["sites"], built["names"]
    # stop-predatory-journals: a predatory publisher, unreliable
    assert (sites["omicsonline.org"]["kind"], sites["omicsonline.org"]["reliability"]) == (
        "predatory",
        "generally-unreliable",
    )
    # the State Media Matrix: state-controlled (SC) rows are state media, the others are not used
    assert sites["kenyanews.go.ke"]["kind"] == "state-media"
    assert "state-controlled media" in _reason(sites["kenyanews.go.ke"])
    assert sites["straitstimes.com"]["kind"] == "news"  # captured public media (CaPu): not used
    # WikiTeam: the entry point is cut, leaving the host or the wiki's section of a larger site
    assert sites["orthodoxwiki.org"]["kind"] == "wiki"
    assert {"path": "/wiki*", "kind": "wiki"}.items() <= sites["akvo.org"]["rules"][0].items()
    # engineering blogs: a company's blog section, not the company
    assert any(rule["path"] == "/blog*" and rule["kind"] == "blog" for rule in sites["stripe.com"]["rules"])
    # a list's site given too broadly is narrowed ("google.com" for Google Maps)
    assert sites["google.com"]["reliability"] != "no-consensus"
    assert any(rule["path"] == "/maps*" for rule in sites["google.com"]["rules"])
    # the snapshot's source names lead to their domain
    assert names["tasnim news agency"] == "tasnimnews.com"


def test_outside_lists_count_only_where_wikipedia_lists_are_silent(built: dict) -> None:
    sites = built["sites"]
    # OpenSources calls Consortium News reliable; WP:RSP and unreliable.js say generally unreliable
    assert sites["consortiumnews.com"]["reliability"] == "generally-unreliable"
    assert "listed as reliable by OpenSources" in _reason(sites["consortiumnews.com"])
    # no Wikipedia list rates Gaia: OpenSources' two types (conspiracy, junksci) both count
    assert sites["gaia.com"]["reliability"] == "generally-unreliable"
    reason = _reason(sites["gaia.com"])
    assert "conspiracy-theory" in reason and "junk-science" in reason
    # a fact-checker's parody site is satire; its imposter sites unreliable
    assert sites["the-postillon.com"]["kind"] == "satire"
    assert sites["nbc.com.co"]["reliability"] == "generally-unreliable"


def test_whatsmyname_profile_urls_rule_their_host_or_section(built: dict) -> None:
    sites = built["sites"]
    # the account at the host's root or in its subdomain: the whole site is a social network / blog host
    assert sites["about.me"]["kind"] == "social-media"
    assert sites["insanejournal.com"]["kind"] == "social-media"
    # the account under a section: only that section (Wikidot's wikis stay wikis)
    assert sites["wikidot.com"]["kind"] != "social-media"
    rules = sites["wikidot.com"]["rules"]
    assert any(rule["path"] == "/user:info*" and rule["kind"] == "social-media" for rule in rules)
    # predatory conference organisers and press-release distribution services
    waset = sites["waset.org"]
    assert (waset["kind"], waset["reliability"]) == ("predatory", "generally-unreliable")
    assert sites["przoom.com"]["kind"] == "press-release"
    assert sites["potomactechwire.com"]["kind"] == "press-release"  # named in an OnStartups answer


def test_government_and_blog_lists_rule_a_host_or_a_section(built: dict) -> None:
    sites = built["sites"]
    # a Crown corporation's site outside gc.ca is government; the agency's page path is cut
    assert sites["bankofcanada.ca"]["kind"] == "government"
    assert sites["ingeniumcanada.org"]["kind"] == "government"
    assert sites["cbc.ca"]["kind"] == "news"  # the curated group beats the corporation's list entry
    # a personal blog at a path rules only that section of the site
    assert sites["overreacted.io"]["kind"] == "blog"
    assert any(rule["path"] == "/blog*" and rule["kind"] == "blog" for rule in sites["itsze.ro"]["rules"])


def test_national_government_lists_rule_sites_outside_any_government_suffix(built: dict) -> None:
    sites = built["sites"]
    # Dutch ministries' agencies, provinces, water boards and municipalities on plain .nl names
    for host in ("rijkswaterstaat.nl", "zuid-holland.nl", "hhdelfland.nl", "amsterdam.nl", "fryslan.frl"):
        assert sites[host]["kind"] == "government", host
    assert "Open State Foundation" in _reason(sites["rijkswaterstaat.nl"])
    # a subdomain on a hosting platform is that host only, not the platform
    assert sites["psosamenwerken.wordpress.com"]["kind"] == "government"
    assert sites["wordpress.com"]["kind"] == "blog"
    # French regional and departmental councils outside gouv.fr
    for host in ("iledefrance.fr", "bretagne.bzh", "cg33.fr", "la.charente-maritime.fr"):
        assert sites[host]["kind"] == "government", host


def test_sanctions_list_marks_state_media_and_the_designations_do_not(built: dict) -> None:
    sites = built["sites"]
    # EU Annex XV: state media, marked sanctioned, whatever list gave the kind (rt.com: the curated group)
    for host in ("rt.com", "de.rt.com", "katehon.com", "smotrim.ru", "redstar.ru"):
        assert (sites[host]["kind"], sites[host].get("sanctioned")) == ("state-media", True), host
    assert "Annex XV" in _reason(sites["katehon.com"])
    # the US designations of PRC media: state media, not sanctioned
    assert sites["yicaiglobal.com"]["kind"] == "state-media"
    assert "sanctioned" not in sites["yicaiglobal.com"] and "sanctioned" not in sites["xinhuanet.com"]


def test_hijacked_journals_and_older_social_networks(built: dict) -> None:
    sites = built["sites"]
    clone = sites["solidstatetechnology.us"]
    assert (clone["kind"], clone["reliability"]) == ("predatory", "generally-unreliable")
    assert "Hijacked Journal Checker" in _reason(clone)
    for host in ("xing.com", "hyves.nl", "studivz.net", "uludagsozluk.com"):
        assert sites[host]["kind"] == "social-media", host
    # a curated group says more than the referer list: code hosting, a blog platform, video
    assert sites["github.com"]["kind"] == "user-generated"
    assert sites["xanga.com"]["kind"] == "blog"
    assert sites["youtube.com"]["kind"] == "video"
    assert "donanimhaber.com" not in sites  # a news site with a forum, left out of the copy
    # popular blogs on their own domains, and a blog that is one section of a company's site
    assert sites["daringfireball.net"]["kind"] == "blog"
    blog_section = sites["devblogs.microsoft.com"]["rules"]
    assert any(rule["path"] == "/oldnewthing*" and rule["kind"] == "blog" for rule in blog_section)


def test_tabloid_lists_say_more_than_news(built: dict) -> None:
    sites = built["sites"]
    for host in ("bz-berlin.de", "tz.de", "oe24.at", "heute.at", "expressen.se", "iltasanomat.fi"):
        assert sites[host]["kind"] == "tabloid", host
    # Cite Unseen's news pages list the Kronen Zeitung as news; the tabloid list says which kind
    assert sites["krone.at"]["kind"] == "tabloid"
    assert "Cite Unseen: news" in entry_origins(sites["krone.at"])
    # a paper's name is not taken as a source name ("Heute" is also ZDF's news programme)
    assert built["names"].get("heute") != "heute.at"


def test_mbfc_ratings_and_disagreeing_outside_lists(built: dict) -> None:
    sites = built["sites"]
    # MBFC's questionable and conspiracy sources are unreliable where Wikipedia's lists are silent
    assert sites["vaccinesrevealed.com"]["reliability"] == "generally-unreliable"
    assert "Media Bias/Fact Check" in _reason(sites["vaccinesrevealed.com"])
    assert sites["thebeaverton.com"]["kind"] == "satire"
    # OpenSources calls NutritionFacts.org reliable, MBFC pseudoscience: no consensus, not the harsher word
    assert sites["nutritionfacts.org"]["reliability"] == "no-consensus"
    # Wikipedia's own lists still overrule every outside list (WP:RSP: Consortium News unreliable)
    assert sites["consortiumnews.com"]["reliability"] == "generally-unreliable"


def test_norwegian_registers_and_influence_operation_lists(built: dict) -> None:
    sites, suffixes = built["sites"], built["suffixes"]
    # the National Library's newspaper register, the Brønnøysund public-sector list, kommune.no
    assert sites["adressa.no"]["kind"] == "news"
    assert "National Library of Norway" in _reason(sites["adressa.no"])
    assert sites["vegvesen.no"]["kind"] == "government" and sites["viken.no"]["kind"] == "government"
    assert "uio.no" not in sites or sites["uio.no"]["kind"] != "government"  # universities are left out
    assert suffixes["kommune.no"]["kind"] == "government"
    # VIGINUM's RRN typosquats and the Laundromat's state media, as an outside list
    assert sites["spiegel.ltd"]["reliability"] == "generally-unreliable"
    assert sites["saba.ye"]["kind"] == "state-media"
    # a Wikipedia list outranks Pennycook & Rand's "mainstream" (the New York Post is unreliable on WP:RSP)
    assert sites["nypost.com"]["reliability"] == "generally-unreliable"
    assert sites["yournewswire.com"]["reliability"] in ("generally-unreliable", "deprecated", "blacklisted")


def test_predatoryjournals_org_publishers(built: dict) -> None:
    sites = built["sites"]
    # a publisher only predatoryjournals.org names, and one it shares with stop-predatory-journals
    assert sites["cpernet.org"]["kind"] == "predatory"
    assert "predatoryjournals.org" in _reason(sites["cpernet.org"])
    assert any(origin.startswith("predatoryjournals.org") for origin in entry_origins(sites["scirp.org"]))
    # contested listings are left out: MDPI and Frontiers stay the curation's academic publishers
    for host in ("mdpi.com", "frontiersin.org"):
        assert not any(origin.startswith("predatoryjournals.org") for origin in entry_origins(sites[host])), (
            host
        )
    assert "worldscientific.com" not in sites or sites["worldscientific.com"]["kind"] != "predatory"


def test_korean_developer_blogs(built: dict) -> None:
    sites = built["sites"]
    # a blog on its own domain and one on GitHub Pages (self-published by the host rule alone)
    assert sites["koosaga.com"]["kind"] == "blog"
    assert sites["kdy1.github.io"]["kind"] == "blog"
    assert "awesome-devblog" in _reason(sites["koosaga.com"])
    # a blog at a path rules that section only
    section = sites["isku.github.io"]["rules"]
    assert any(rule["path"] == "/blog*" and rule["kind"] == "blog" for rule in section)


def test_predatoryjournals_org_journals(built: dict) -> None:
    sites = built["sites"]
    # a standalone journal only predatoryjournals.org names, and a hijacked journal's clone
    assert sites["ajast.net"]["kind"] == "predatory"
    assert sites["jusst.org"]["kind"] == "predatory"
    # a journal at a section of an institutional platform rules that section only
    section = sites["dergipark.gov.tr"]["rules"]
    assert any(rule["path"] == "/muglajsci*" and rule["kind"] == "predatory" for rule in section)
    assert sites["dergipark.gov.tr"].get("kind") != "predatory"


def test_typosquats_do_not_make_a_brand_family(built: dict) -> None:
    brands = built["rules"]["brands"]
    # RRN typosquats (delfi.life, nd-aktuell.pro) are listed; the outlets they imitate are not condemned
    assert built["sites"]["delfi.life"]["reliability"] == "generally-unreliable"
    # nor do names unrelated sites share (two people's blogs, a university and a news site, 112)
    for name in ("delfi", "nd-aktuell", "tonline", "rbk", "jaewook", "ajms", "liberty", "112"):
        assert name not in brands, name
