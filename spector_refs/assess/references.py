"""Reference findings: the citation itself is incomplete, repeated, unused or missing.

These are the checks an editor runs by eye on a reference list — duplicate
references, references nothing cites, markers pointing at nothing, missing
URL/date/author, titles that only repeat the site's name (ref 13 of the seed,
"FBI Multimedia"), bare URLs, old access dates, CS1's own maintenance
messages and editors' cleanup tags inside a reference ([dead link]) — done
for every reference at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date

from spector_refs.assess.config import AssessConfig
from spector_refs.assess.names import normalise_name
from spector_refs.domains import host_of
from spector_refs.findings import default_severity
from spector_refs.model import Article, Finding, Reference, Severity, SourceProfile, claim_label
from spector_refs.parse.core.tags import tag_slug

GENERIC_TITLES = frozenset(
    {
        "home", "home page", "homepage", "index", "untitled", "main page", "welcome", "login", "log in",
        "sign in", "page not found", "404", "not found", "error", "access denied", "just a moment",
        "attention required", "news", "press release", "press releases", "multimedia", "search", "archive",
    }
)  # fmt: skip
_AUTHORED_KINDS = frozenset({"news", "magazine", "academic", "book", "blog", "preprint", "tabloid"})
_REFERENCE_TAG_REASONS = {"dead link": "an editor marked this reference's link as dead"}
_LOCATABLE = ("doi", "isbn", "oclc", "pmid", "pmc", "arxiv", "jstor", "bibcode", "hdl", "s2cid")


def reference_findings(
    article: Article, profiles: Mapping[int, SourceProfile], config: AssessConfig
) -> list[Finding]:
    """Every reference finding of the article, reference by reference."""
    findings = list(_missing_references(article))
    findings += _duplicates(article)
    cited = {number for claim in article.claims for number in claim.refs}
    for ref in article.references:
        profile = profiles.get(ref.number, SourceProfile()) if ref.group is None else SourceProfile()
        if ref.group is None and ref.number not in cited:
            reason = "no claim in the article cites it"
            findings.append(_finding(ref, "unused-reference", reason))
        findings += completeness_findings(ref, profile, article.source_format)
        findings += _stale_access(ref, config)
        findings += tag_findings(ref)
        for message in ref.maintenance:
            reason = f"CS1 reports: {message}"
            findings.append(_finding(ref, "cs1-maint", reason, message, severity=_cs1_severity(message)))
    return findings


def tag_findings(ref: Reference) -> Iterator[Finding]:
    """One finding per cleanup tag inside the reference, of the tag's own kind (``dead-link``, …)."""
    for tag in ref.tags:
        reason = _REFERENCE_TAG_REASONS.get(tag, f"an editor tagged this reference [{tag}]")
        yield _finding(ref, tag_slug(tag), reason, f"[{tag}]")


def completeness_findings(ref: Reference, profile: SourceProfile, source_format: str) -> Iterator[Finding]:
    """missing-url, missing-date, missing-author, generic-title and bare-url for one reference."""
    if ref.kind == "footnote":
        return
    if not (ref.url or ref.archive_url) and not any(ref.identifiers.get(key) for key in _LOCATABLE):
        text_copy = source_format == "text"
        reason = "no URL or identifier to find the source by" + (
            " (a plain-text copy drops links: check the article itself)" if text_copy else ""
        )
        yield _finding(ref, "missing-url", reason, severity=Severity.INFO if text_copy else None)
    if not ref.date:
        yield _finding(ref, "missing-date", "no publication date")
    if not ref.authors and profile.kind in _AUTHORED_KINDS:
        reason = f"no author, though the source is {profile.kind}"
        yield _finding(ref, "missing-author", reason)
    generic = generic_title(ref)
    if generic:
        yield _finding(ref, "generic-title", generic, ref.title or "")
    if ref.url and (not ref.title or _looks_like_url(ref.title)):
        reason = "the citation is a bare URL: give title, work and date"
        yield _finding(ref, "bare-url", reason, ref.url)


def generic_title(ref: Reference) -> str | None:
    """Why the title says nothing about the page, or None when it is a real title."""
    if not ref.title:
        return None
    title = normalise_name(ref.title)
    for label, name in (("work", ref.work), ("publisher", ref.publisher)):
        if name and title == normalise_name(name):
            return f"the title only repeats the {label}'s name ({name!r}): give the page's own title"
    host = host_of(ref.url) if ref.url else None
    if host and title in (normalise_name(host), normalise_name(host.removeprefix("www."))):
        return "the title only repeats the website's address: give the page's own title"
    if title in GENERIC_TITLES:
        return f"{ref.title!r} is a generic page title, not the title of the cited page"
    return None


def _missing_references(article: Article) -> Iterator[Finding]:
    known = {ref.number for ref in article.references if ref.group is None}
    seen: dict[int, list[int]] = {}
    for index, claim in enumerate(article.claims):
        for number in claim.refs:
            if number not in known:
                seen.setdefault(number, []).append(index)
    for number, claims in seen.items():
        reason = f"a citation marker [{number}] points at no reference in the list"
        evidence = tuple(f"{claim_label(index)}: {article.claims[index].text}" for index in claims)
        text = article.claims[claims[0]].text
        severity = default_severity("missing-reference")
        yield Finding("missing-reference", severity, reason, text, claims[0], number, evidence=evidence)


def _duplicates(article: Article) -> Iterator[Finding]:
    first: dict[tuple[str, ...], Reference] = {}
    for ref in article.references:
        for key in _identity(ref):
            earlier = first.setdefault(key, ref)
            if earlier is not ref:
                what = "URL" if key[0] == "url" else "title and work"
                reason = f"same {what} as {earlier.label}: reuse that reference (a named ref) instead"
                evidence = f"{earlier.label}: {earlier.raw}"
                yield _finding(ref, "duplicate-reference", reason, evidence)
                break


def _identity(ref: Reference) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = []
    if ref.url:
        keys.append(("url", canonical_url(ref.url)))
    if ref.title and (ref.work or ref.publisher):
        keys.append(("title", normalise_name(ref.title), normalise_name(ref.work or ref.publisher or "")))
    return keys


def canonical_url(url: str) -> str:
    """A URL with scheme, "www.", fragment and trailing slash removed, for duplicate detection."""
    text = re.sub(r"^[a-z]+://", "", url.strip(), flags=re.I).split("#")[0].rstrip("/")
    host, _, rest = text.partition("/")
    return host.lower().removeprefix("www.") + ("/" + rest if rest else "")


def _stale_access(ref: Reference, config: AssessConfig) -> Iterator[Finding]:
    if config.stale_access_days is None or not ref.access_date or len(ref.access_date) != 10:
        return
    age = (config.reference_date() - date.fromisoformat(ref.access_date)).days
    if age > config.stale_access_days:
        reason = f"accessed {age} days ago ({ref.access_date}): check the page still says this"
        limit = f"limit: {config.stale_access_days} days"
        yield _finding(ref, "stale-access-date", reason, limit)


def _cs1_severity(message: str) -> Severity | None:
    """CS1's error messages are warnings; its maintenance notes keep the kind's default."""
    return Severity.WARNING if "error" in message.lower() else None


def _looks_like_url(text: str) -> bool:
    return bool(re.match(r"^(?:https?://|www\.)\S+$", text.strip(), re.I))


def _finding(
    ref: Reference, kind: str, reason: str, *evidence: str, severity: Severity | None = None
) -> Finding:
    """A finding about a reference, at its kind's default severity unless the caller knows better."""
    return Finding(kind, severity or default_severity(kind), reason, ref.title or ref.raw,
                   reference=ref.number, group=ref.group, evidence=tuple(evidence))  # fmt: skip
