"""An article as the parsers read it: its references, their names, its claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from spector_refs.model.links import LinkTarget, cited_target, distinct_targets

SOURCE_FORMATS = ("text", "html", "parsoid-html", "wikitext")
"""What ``Article.source_format`` can be: the parser that read the article."""
BLOCKS = ("paragraph", "list", "table", "infobox", "note")
"""What ``Claim.block`` can be: the kind of block of text a claim sits in."""


@dataclass(frozen=True)
class Name:
    """A person (``family``/``given``) or an organisation (``literal``)."""

    family: str | None = None
    given: str | None = None
    literal: str | None = None

    def display(self) -> str:
        """The name as a reader writes it: "Given Family" or the literal."""
        if self.literal:
            return self.literal
        return " ".join(part for part in (self.given, self.family) if part)

    def to_dict(self) -> dict[str, str]:
        """The CSL-style mapping: ``{"family", "given"}`` or ``{"literal"}``."""
        if self.literal is not None:
            return {"literal": self.literal}
        out = {"family": self.family or ""}
        if self.given:
            out["given"] = self.given
        return out


@dataclass(frozen=True)
class Reference:
    """One numbered reference as a CS1 citation renders or declares it.

    ``kind`` is the CS1 template family ("web", "news", "book", "journal",
    "magazine", "press release", "report", "footnote" for short footnotes
    such as "Smith 2009, p. 4.", "note" for an explanatory note, "text" for
    free text) when known.
    ``authors_truncated`` records that the list ends in "et al." (CS1's
    ``display-authors``): more authors exist than are named.
    ``original_date`` is the first publication of a reprint (CS1 ``orig-date``).
    ``conference`` is the event a paper was given at (CS1 ``conference``/``event``);
    ``revisers`` revised the cited entry ("rev. Name", as the Oxford DNB credits them).
    ``others`` is CS1's ``others``: contributors no name field holds, as the citation words
    them ("Illustrated by John Tenniel", "Introduction by Orlando Figes", or "In McMullin",
    the edited volume a contribution appeared in, named as the bibliography names it).
    ``problems`` records what could not be read, so one odd reference never
    aborts a parse. ``tags`` are the inline cleanup tags an editor put inside
    the reference ("dead link" for ``{{dead link}}``), as ``Claim.tags`` are
    for the article's text.
    """

    number: int
    raw: str = ""
    group: str | None = None
    cite_count: int = 1
    kind: str | None = None
    name: str | None = None
    authors: tuple[Name, ...] = ()
    authors_truncated: bool = False
    editors: tuple[Name, ...] = ()
    translators: tuple[Name, ...] = ()
    revisers: tuple[Name, ...] = ()
    title: str | None = None
    trans_title: str | None = None
    chapter: str | None = None
    work: str | None = None
    publisher: str | None = None
    place: str | None = None
    edition: str | None = None
    series: str | None = None
    conference: str | None = None
    others: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    date: str | None = None
    original_date: str | None = None
    access_date: str | None = None
    archive_date: str | None = None
    url: str | None = None
    archive_url: str | None = None
    url_status: str | None = None
    language: str | None = None
    quote: str | None = None
    identifiers: dict[str, str] = field(default_factory=dict)
    maintenance: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    line: int | None = None
    column: int | None = None

    @property
    def label(self) -> str:
        """How the reference is named in messages: "ref 5" or "note a"."""
        return f"{self.group or 'ref'} {self.number}"

    @property
    def cited_title(self) -> str | None:
        """The title of the piece cited: the part (chapter, entry, contribution) if any, else the title.

        CS1 renders ``|chapter=X |title=Y`` (chapter X of book Y) and ``|title=X
        |encyclopedia=Y`` (entry X of encyclopaedia Y) as the same text, ``"X". Y.``, so a
        plain-text reading cannot know which fields X and Y filled. It can know the piece
        cited and what it appeared in: this and :attr:`container` are X and Y under either
        reading, and under every reader's. Benchmarks score titles on this view and exports
        write it (docs/parsing.md, "Cited title and container").
        """
        return self.chapter or self.title

    @property
    def container(self) -> str | None:
        """What the cited piece appeared in: the title when there is a part, else the work
        (periodical, website, encyclopaedia); see :attr:`cited_title`."""
        return (self.title if self.chapter else None) or self.work

    @property
    def issn(self) -> str | None:
        return self.identifiers.get("issn")

    @property
    def isbn(self) -> str | None:
        return self.identifiers.get("isbn")

    @property
    def doi(self) -> str | None:
        return self.identifiers.get("doi")


@dataclass(frozen=True)
class Claim:
    """A span of article text and the citation markers that support it.

    By Wikipedia's convention a marker (or a run such as ``[1][2]``) supports
    the text back to the previous marker or the start of the sentence; text
    with no marker up to the end of its sentence is a claim with no refs.
    ``refs`` keeps marker order and repeats; ``notes`` holds markers of other
    groups ("a", "note 1"). ``section`` is None in the lead; ``block`` is
    "paragraph", "list", "table", "infobox" or "note"; ``paragraph`` numbers the
    block the claim sits in so the assessor can look at its neighbours.
    """

    text: str
    section: str | None = None
    refs: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    block: str = "paragraph"
    paragraph: int = 0
    line: int | None = None
    column: int | None = None


def claim_label(index: int) -> str:
    """How people number claims: from 1 ("claim 1" is ``Article.claims[0]``; JSON keeps the 0-based index)."""
    return f"claim {index + 1}"


@dataclass(frozen=True)
class Article:
    """A parsed article: its references, its claims, and what went wrong."""

    title: str | None
    source_format: str
    references: tuple[Reference, ...] = ()
    claims: tuple[Claim, ...] = ()
    problems: tuple[str, ...] = ()
    path: str | None = None

    def reference(self, number: int, group: str | None = None) -> Reference | None:
        """The reference with this number in this group, if the article has it."""
        for ref in self.references:
            if ref.number == number and ref.group == group:
                return ref
        return None

    def link_targets(self) -> list[LinkTarget]:
        """Every ``url`` and ``archive_url`` of the references, once each, with what the citation says."""
        found: list[LinkTarget] = []
        for ref in self.references:
            if ref.url:
                found.append(cited_target(ref, ref.url))
            if ref.archive_url:
                found.append(LinkTarget(ref.archive_url))
        return distinct_targets(found)
