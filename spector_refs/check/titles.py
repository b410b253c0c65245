"""Is the page still the one cited? The cited title and work against what a page says it is.

Editors copy a page's title into ``title=`` and then trim it: the site's
name goes (``… | Example News``), case and punctuation change, a long title
is cut or a translation added in brackets; sites do the same to their own
``<title>``. So titles are compared as sets of normalised words: accents,
case, quotes, dashes and punctuation removed, bracketed translations and
ellipses dropped, and each side's separators (``|``, `` - ``, ``:``) split
into parts so that a site name on either side does not count against it.
Two words match when equal or when one is a short inflection of the other
("dogs"/"dog", "recognised"/"recognized"). The score is the share of the
shorter title's words found in the longer one, so a truncated title still
matches.

Words alone cannot tell the cited article retitled from another outlet's
headline about the same story, which shares most of its words ("300 arrested
in crackdown on dark web 'Monopoly Market' drug trafficking" against "300
arrested in global crackdown on dark web drug market"). So :func:`judge`
weighs who published the page and where it sits as well:

* the site: the page's registrable domain against the cited URL's, its
  ``og:site_name`` and host against the cited work or publisher. On another
  site only the cited headline itself (a syndicated copy) is the cited work;
* the address: a URL slug made of the cited title's words ("…/300-arrested-
  crackdown-dark-web-monopoly-market/") shows the page is the cited article
  even when the site rewrote its headline;
* the date: the page's publication date (or the one in its URL) within a
  few days of the cited date, or far from it;
* what a headline cannot lose: its figures ("288" is not "300") and the
  names it quotes ("'Monopoly Market'");
* the kind of page (:func:`page_kind`): a review of the cited book on another
  site is headed with the book's title, and a tag page with the topic the
  cited article is named after, but neither is the cited work.

The cut-offs are calibrated in ``benchmarks/title_match.py``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from urllib.parse import unquote, urlsplit

from spector_refs.domains import host_of, original_url, registrable_domain
from spector_refs.model import LinkResult, LinkTarget, PageMeta

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
"""Kana, CJK ideographs and Hangul: scripts written without spaces, so each character counts as a word."""
MATCH_THRESHOLD = 0.65
"""A cited title whose best score against every page title is below this is a mismatch."""
NEAR_SAME = 0.85
"""On another site's page, a headline must agree this well both ways to be the cited one (a copy)."""
DATE_TOLERANCE_DAYS = 3
"""Publication dates this close agree: time zones and overnight editions move a date by a day or two."""
_SEPARATORS = re.compile(r"\s+[|·•»«–—:-]\s+|\s*[|·•»«]\s*|:\s+|\s+::\s+")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_ELLIPSIS = re.compile(r"\.\.\.|…")
_WAYBACK = re.compile(r"\s*Archived \d{1,2} \w+ \d{4} at the Wayback Machine\s*$", re.I)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STOP = frozenset(
    "a an the of and or in on at to for by with from as is are was were be it its this that de la le les "
    "el los las der die das und del di du des".split()
)
_MIN_WORDS = 2
_NO_TITLE = frozenset("untitled document index default null undefined none".split())
"""What a page template leaves in ``<title>`` when nobody set one: it names no work."""
_MIN_SHARE = 0.6
"""A part of the cited title shorter than this share of the whole counts for proportionally less."""
_MIN_TRUNCATED_WORDS = 4
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")
_FIGURE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_NUMBER_WORDS = {
    word: str(number)
    for number, word in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)
}
_QUOTED = re.compile(r"(?:^|(?<=[\s(]))[\"“‘'](?P<name>[^\"“”‘’']{2,80})[\"”’'](?=$|[\s,.:;!?)])")
_SLUG_SPLIT = re.compile(r"[-_+.,]+|%20")
_ID_LIKE = re.compile(r"^(?=.*\d)[0-9a-f]{5,}$|^\d{5,}$|^(?=.*\d)(?=.*[a-z])\w{8,}$")
_PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp|stm|cms)$", re.I)
_MIN_SLUG_WORDS = 3
_YEAR_MONTHS = 12
_SLUG_SHARE = 0.75
"""A slug whose words are at least this share of the cited title's own was written for the cited work."""
_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[/-]?)(?P<m>0[1-9]|1[0-2])(?:(?P=sep)(?P<d>0[1-9]|[12]\d|3[01]))?(?!\d)"
)
_FORWARDERS = frozenset(
    "doi.org handle.net bit.ly tinyurl.com t.co goo.gl ow.ly dx.doi.org archive.org".split()
)
"""Domains that only forward to the work's real site: arriving elsewhere is no change of publisher."""
REVIEW, COLLECTION, BOOK, POSTING = "review", "collection", "book", "posting"
"""Kinds of page that tell a work from writing about it (see :func:`page_kind`)."""
_DECLARED_KINDS = {
    **dict.fromkeys(("review", "criticreview", "userreview", "reviewnewsarticle"), REVIEW),
    **dict.fromkeys(("collectionpage", "searchresultspage", "profilepage", "profile"), COLLECTION),
    **dict.fromkeys(("book", "books.book", "product", "product.item"), BOOK),
    **dict.fromkeys(
        ("newsarticle", "blogposting", "liveblogposting", "reportagenews", "analysisnewsarticle",
         "opinionnewsarticle", "backgroundnewsarticle", "socialmediaposting", "discussionforumposting"),
        POSTING,
    ),
}  # fmt: skip
"""``og:type`` and JSON-LD ``@type`` values (lower-cased) by kind. A plain "article",
"ScholarlyArticle" or "WebPage" says nothing here: publishers declare their own book pages so."""
_LISTING_SEGMENTS = frozenset("tag tags category categories topics label author authors search".split())
"""Path segments under which sites file pages that list other pages (WordPress, Blogger, news topics)."""
_REVIEW_SEGMENTS = frozenset("review reviews book-review book-reviews bookreviews".split())
"""Sections under which sites file their reviews ("/books/review/…", "/reviews/all/…")."""
_REVIEW_WORDS = frozenset("review reviews reviewed book film album".split())
_DATE_ARCHIVE = re.compile(r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])(?:/(?:0?[1-9]|[12]\d|3[01]))?/?$")
"""A path that ends in a year and month (and day), with no slug after them: a blog's archive of those days."""


@dataclass(frozen=True)
class TitleMatch:
    """The best agreement found: its score (0–1), the page title it was found with, and the verdict.

    ``both_ways`` is the same agreement counted over the page title's words too
    (a longer page headline scores lower); ``same`` is the judgement of
    :func:`judge` when the page's site, address and date were weighed (None:
    the title alone decides), and ``why`` its reasons in an editor's words.
    """

    score: float
    page_title: str
    both_ways: float = 0.0
    same: bool | None = None
    why: tuple[str, ...] = ()

    @property
    def matches(self) -> bool:
        return self.same if self.same is not None else self.score >= MATCH_THRESHOLD


@dataclass(frozen=True)
class CitedWork:
    """What a citation says its source is: its titles (title, translated title), URL, work and date.

    ``domain`` is the registrable domain of the cited URL (of the page an
    archive URL preserves); ``sites`` the cited work and publisher; ``date``
    an ISO date, full or partial; ``kind`` the CS1 kind ("book" for a
    citation with an ISBN, see :func:`~spector_refs.model.cited_kind`).
    """

    titles: tuple[str, ...]
    url: str | None = None
    domain: str | None = None
    sites: tuple[str, ...] = ()
    date: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class PageIdentity:
    """What a fetched page says it is: its titles, where it ended up, its site name and date.

    ``urls`` are the final URL and the page's canonical URL, ``domains``
    their registrable domains, ``kinds`` the types it declares itself.
    """

    titles: tuple[str, ...]
    urls: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    site_name: str | None = None
    published: str | None = None
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Identity:
    """The evidence beside the title: does the page's site, address and date agree with the citation?

    ``site`` and ``date`` are True (agree), False (disagree) or None (unknown);
    ``slug`` says whose words the page's URL slug is (see :func:`slug_agreement`);
    ``years_apart`` that the page's date is more than a year from the cited
    one, so it is not the work as it came out; ``conflicts`` the figures and
    quoted names one title gives and the other lacks; ``page_kind`` and
    ``cited_kind`` what each is (see :func:`page_kind`), None when unknown.
    """

    site: bool | None
    slug: str | None
    date: bool | None
    years_apart: bool
    conflicts: tuple[str, ...]
    page_kind: str | None = None
    cited_kind: str | None = None


def judge_page(target: LinkTarget, result: LinkResult) -> TitleMatch | None:
    """Whether the fetched page is the work its citation describes; None when there is nothing to compare.

    The one judgement of drift: the link checker asks it to decide whether to
    look for an archive copy, the audit to raise ``title-mismatch``.
    """
    meta = result.meta
    if meta is None or not target.title or not meta.titles():
        return None
    return judge(cited_work(target), page_identity(result, meta))


def cited_work(target: LinkTarget) -> CitedWork:
    """What the citation says its source is, for :func:`judge` (an empty URL: the citation gives none)."""
    return CitedWork(
        titles=tuple(title for title in (target.title, target.trans_title) if title),
        url=target.url or None,
        domain=url_domain(target.url),
        sites=target.sites,
        date=target.date,
        kind=target.kind,
    )


def page_identity(result: LinkResult, meta: PageMeta) -> PageIdentity:
    """What the fetched page says it is and where it ended up (final URL, canonical URL)."""
    urls = tuple(dict.fromkeys(url for url in (result.final_url or result.url, meta.canonical_url) if url))
    domains = tuple(dict.fromkeys(domain for domain in map(url_domain, urls) if domain))
    return PageIdentity(meta.titles(), urls, domains, meta.site_name, meta.published, meta.kinds)


def url_domain(url: str | None) -> str | None:
    """The registrable domain of a URL, of the page it preserves for an archive URL."""
    if not url:
        return None
    host = host_of(original_url(url) or url)
    return registrable_domain(host) if host else None


def judge(cited: CitedWork, page: PageIdentity) -> TitleMatch | None:
    """Whether the page is the cited work, by titles, site, address and date; None if nothing compares."""
    sites = [*cited.sites, *([page.site_name] if page.site_name else []), *map(_domain_label, page.domains)]
    found = [match for match in (best_match(title, page.titles, sites) for title in cited.titles) if match]
    if not found:
        return None
    match = max(found, key=lambda m: (m.score, m.both_ways))
    evidence = identity(cited, page, match.page_title)
    same, why = decide(match, evidence, page)
    return replace(match, same=same, why=why)


def decide(match: TitleMatch, evidence: Identity, page: PageIdentity) -> tuple[bool, tuple[str, ...]]:
    """The verdict and its reasons, from the title's agreement and the page's identity.

    Another site's page is the cited work only as a copy with the cited
    headline made when the work came out, or at the cited URL's own slug
    (the article moved there). On the cited site the title decides (on an
    unknown one too, unless the page is dated years away): a figure or
    quoted name the page lacks counts against it unless the slug vouches for
    the page, and a slug of the cited title's words keeps a rewritten
    headline from being flagged. A date far from the cited one withdraws the
    slug's word: the address was reused.
    """
    conflicts = evidence.conflicts
    reused = evidence.date is False or evidence.years_apart
    moved = evidence.slug == "address" and not reused
    site = page.site_name or next(iter(page.domains), "another site")
    other_kind = kind_conflict(evidence, site)
    if other_kind:
        return False, (other_kind,)
    if evidence.site is False:
        if moved:
            return True, (f"the cited article's address moved to {site}",)
        if match.both_ways >= NEAR_SAME and not conflicts and not evidence.years_apart:
            return True, (f"a copy with the cited headline on {site}",)
        return False, (f"the page is on another site ({site}) than the cited work", *_lacks(conflicts))
    vouched = moved or (evidence.slug == "title" and not reused)
    if match.score >= MATCH_THRESHOLD and conflicts and not vouched:
        return False, _lacks(conflicts)
    if match.score >= MATCH_THRESHOLD and evidence.site is None and evidence.years_apart and not vouched:
        return False, ("the page, on a site the citation does not name, is dated years from the cited work",)
    if match.score >= MATCH_THRESHOLD:
        return True, ()
    if vouched:
        return True, ("the page's URL slug is the cited article's: the site retitled it",)
    return False, ()


def kind_conflict(evidence: Identity, site: str) -> str | None:
    """Why the page's kind says it is not the cited work, or None.

    A page that lists other pages (tag, topic, author, archive or search
    page) is not an article or book, wherever it is: a site that retires an
    article often sends its address to the topic page named like it. On
    another site a review is about the cited work unless the citation is
    itself a review, and a news article or blog post headed with a cited
    book's title is about the book. A site's own pages are left to the
    title: a publisher declares its book pages as it likes.
    """
    page, cited = evidence.page_kind, evidence.cited_kind
    if page == COLLECTION and cited != COLLECTION:
        return "the page lists other pages (a tag, topic, author or archive page), it is not the cited work"
    if evidence.site is True:
        return None
    if page == REVIEW and cited != REVIEW:
        return f"the page is a review on {site}, not the cited work"
    if page == POSTING and cited == BOOK:
        return f"the page is an article or post about the cited book on {site}, not the book"
    return None


def page_kind(declared: Iterable[str], urls: Iterable[str], titles: Iterable[str]) -> str | None:
    """What kind of page this is, when it says: a review, a listing of pages, a book, a news or blog post.

    The types the page declares (``og:type``, JSON-LD ``@type``) decide; a
    page that declares both a book and a review is not known. Without a
    declaration the address tells a listing ("/tag/…", "/category/…",
    a blog's "/2015/11/" month) or a review section ("/books/review/…"), and
    the title a review ("…: A Review").
    """
    kinds = {_DECLARED_KINDS.get(kind.casefold()) for kind in declared} - {None}
    if {BOOK, REVIEW} <= kinds:
        return None
    for kind in (REVIEW, COLLECTION, BOOK, POSTING):
        if kind in kinds:
            return kind
    if any(is_listing(url) for url in urls):
        return COLLECTION
    reviews = any(_REVIEW_SEGMENTS & set(_sections(url)) for url in urls)
    return REVIEW if reviews or any(says_review(title) for title in titles) else None


def _sections(url: str) -> list[str]:
    """The path segments of a URL before its last (the page's own name), lower-cased."""
    try:
        return [segment for segment in urlsplit(url).path.casefold().split("/") if segment][:-1]
    except ValueError:
        return []


def is_listing(url: str) -> bool:
    """Whether an address is where sites file lists of pages: a tag, category, author or date archive."""
    try:
        path = urlsplit(url).path.casefold()
    except ValueError:
        return False
    if _DATE_ARCHIVE.search(path):
        return True
    segments = [segment for segment in path.split("/") if segment]
    for at, segment in enumerate(segments):
        rest = segments[at + 1 :]
        if segment in _LISTING_SEGMENTS and (len(rest) <= 1 or rest[1:2] == ["page"]):
            return True
    return False


def says_review(title: str) -> bool:
    """Whether a title calls its page a review in a part of its own ("Big Magic: A Review")."""
    for part in parts(title)[1:]:
        found = set(words(part))
        if found & {"review", "reviewed"} and found <= _REVIEW_WORDS:
            return True
    return False


def _lacks(conflicts: tuple[str, ...]) -> tuple[str, ...]:
    return (f"the page title lacks the cited {', '.join(conflicts)}",) if conflicts else ()


def identity(cited: CitedWork, page: PageIdentity, page_title: str) -> Identity:
    """The page's site, slug and date set against the citation's, and what its headline lost."""
    published = page.published or next(filter(None, map(url_date, page.urls)), None)
    return Identity(
        site=same_site(cited, page),
        slug=slug_agreement(cited, page.urls),
        date=dates_agree(cited.date, published),
        years_apart=far_apart(cited.date, published),
        conflicts=tuple(lost_marks(cited.titles, page_title)),
        page_kind=page_kind(page.kinds, page.urls, page.titles),
        cited_kind=page_kind((), [cited.url] if cited.url else [], cited.titles) or cited.kind,
    )


def same_site(cited: CitedWork, page: PageIdentity) -> bool | None:
    """Whether the page is published where the citation says (domain, site name or host); None if unknown."""
    if cited.domain and cited.domain in page.domains:
        return True
    cited_names = [*cited.sites, *([_domain_label(cited.domain)] if cited.domain else [])]
    page_names = [*([page.site_name] if page.site_name else []), *map(_domain_label, page.domains)]
    if any(_same_name(a, b) for a in cited_names for b in page_names):
        return True
    if cited.domain in _FORWARDERS or not cited_names or not page_names:
        return None
    return False if (cited.domain and page.domains) or (cited.sites and page.site_name) else None


def _domain_label(domain: str) -> str:
    """The name part of a registrable domain: "bbc.co.uk" → "bbc"."""
    return domain.split(".")[0]


def _same_name(a: str, b: str) -> bool:
    """Whether two names are one site's: "BBC News" and bbc.co.uk, "The Guardian" and "theguardian"."""
    x, y = "".join(words(a)), "".join(words(b))
    shorter, longer = sorted((x, y), key=len)
    return len(shorter) >= 3 and longer.startswith(shorter)


def slug_agreement(cited: CitedWork, urls: Iterable[str]) -> str | None:
    """Whose words a page URL's slug is: "address", "title", "other", or None for no wordy slug.

    "address" is the cited URL's own slug at another address (the site moved
    the article: a print view, a new URL scheme, a new domain); "title" a
    slug made of the cited title's words, which other outlets' slugs about
    the same story can also be.
    """
    titles = [words(title) for title in cited.titles]
    cited_slug = slug_words(cited.url) if cited.url else []
    verdict = None
    for url in urls:
        slug = slug_words(url)
        if len(slug) < _MIN_SLUG_WORDS:
            continue
        if url != cited.url and slug == cited_slug:
            return "address"
        for title in titles:
            if title and agreement(slug, title) >= _SLUG_SHARE and agreement(title, slug) >= _SLUG_SHARE / 2:
                verdict = "title"
        verdict = verdict or "other"
    return verdict


def slug_words(url: str) -> list[str]:
    """The words of a URL's most wordy path segment, ids and file extensions dropped."""
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return []
    best: list[str] = []
    for segment in path.split("/"):
        pieces = _SLUG_SPLIT.split(_PAGE_EXTENSION.sub("", segment).casefold())
        kept = [word for piece in pieces if not _ID_LIKE.match(piece) for word in words(piece)]
        kept = [word for word in kept if len(word) > 1]
        if len(kept) > len(best):
            best = kept
    return best


def url_date(url: str) -> str | None:
    """The date a URL's path carries ("/2023/05/02/", "-20230502"): ISO, full or year-month."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    match = _URL_DATE.search(path)
    if not match or (not match.group("sep") and not match.group("d")):
        return None
    day = f"-{match.group('d')}" if match.group("d") else ""
    return f"{match.group('y')}-{match.group('m')}{day}"


def date_gap(cited: str | None, published: str | None) -> int | None:
    """Days between two full ISO dates, or None when either is not a full date."""
    if not cited or not published or len(cited) != 10 or len(published) != 10:
        return None
    try:
        return abs((date.fromisoformat(cited) - date.fromisoformat(published)).days)
    except ValueError:
        return None


def dates_agree(cited: str | None, published: str | None) -> bool | None:
    """Within a few days (full dates) or the same month; False when clearly apart, None when unknown."""
    if not cited or not published or len(cited) < 7 or len(published) < 7:
        return None
    if len(cited) >= 10 and len(published) >= 10:
        gap = date_gap(cited[:10], published[:10])
        return None if gap is None else gap <= DATE_TOLERANCE_DAYS
    try:
        months = abs(_month(cited) - _month(published))
    except ValueError:
        return None
    return True if months == 0 else False if months > 1 else None


def far_apart(cited: str | None, published: str | None) -> bool:
    """More than a year apart: not the work as it came out, whatever the precision of either date."""
    if not cited or not published or len(cited) < 4 or len(published) < 4:
        return False
    try:
        if len(cited) < 7 or len(published) < 7:
            return abs(int(cited[:4]) - int(published[:4])) > 1
        return abs(_month(cited) - _month(published)) > _YEAR_MONTHS
    except ValueError:
        return False


def _month(iso: str) -> int:
    return int(iso[:4]) * 12 + int(iso[5:7])


def lost_marks(cited_titles: Iterable[str], page_title: str) -> list[str]:
    """The figures and quoted names one title gives and the other lacks.

    A headline can be reworded but not renumbered: when both titles give
    figures and none is shared, or a name one of them quotes is missing from
    the other ("'Monopoly Market'", "'ceremony of love'"), the page tells
    another story, or another outlet told it.
    """
    page_figures = figures(page_title)
    lost: list[str] = []
    for title in cited_titles:
        cited_figures = figures(title)
        if cited_figures and page_figures and not cited_figures & page_figures:
            lost.append("figure " + ", ".join(sorted(cited_figures)))
        lost += [f"name {name!r}" for name in _quoted_missing(title, page_title)]
        lost += [f"page's name {name!r}" for name in _quoted_missing(page_title, title)]
    return list(dict.fromkeys(lost))


def _quoted_missing(title: str, other: str) -> list[str]:
    """The names ``title`` quotes that ``other`` does not give in full."""
    other_words = words(other)
    quoted = (match.group("name") for match in _QUOTED.finditer(title))
    return [name for name in quoted if words(name) and agreement(words(name), other_words) < 1]


def figures(text: str) -> set[str]:
    """The numbers a title gives, digits or words up to twelve ("two" is "2", "1,000" is "1000")."""
    found = {figure.replace(",", "") for figure in _FIGURE.findall(text)}
    return found | {_NUMBER_WORDS[word] for word in words(text) if word in _NUMBER_WORDS}


@cache
def _cjk() -> re.Pattern[str]:
    """A Chinese, Japanese or Korean character; compiled on first use, as the class costs ~5 ms to compile."""
    return re.compile(f"[{CJK}]")


def words(text: str) -> list[str]:
    """The title's content words: folded, unaccented, without stop words and bracketed translations."""
    text = _ELLIPSIS.sub(" ", _BRACKETS.sub(" ", _WAYBACK.sub("", text)))
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    plain = plain.replace("'", "").replace("’", "")
    out: list[str] = []
    for word in _WORD.findall(plain):
        if _cjk().search(word):
            out.extend(char for char in word if not char.isspace())
        elif word not in _STOP:
            out.append(word)
    return out


def parts(title: str) -> list[str]:
    """The title and its parts between separators ("Headline | Site" → the headline and the site)."""
    pieces = [piece.strip() for piece in _SEPARATORS.split(title) if piece.strip()]
    return list(dict.fromkeys([title, *pieces]))


def best_match(cited: str, page_titles: Iterable[str], site_names: Iterable[str] = ()) -> TitleMatch | None:
    """How well the cited title agrees with the best of the page's titles; None when nothing compares.

    Every part of the cited title is compared with every part of each page
    title (``"Headline | Site"`` has the parts "Headline" and "Site"); a part
    that says nothing about which work the page is (see :func:`_says_nothing`)
    is no title to agree or disagree with. A cited title needs two words to be
    judged at all: "Toxocariasis" or "Dog" names a topic, not a work.
    """
    cited_parts = [w for w in (words(part) for part in parts(cited)) if len(w) >= _MIN_WORDS]
    if not cited_parts:
        return None
    full = len(cited_parts[0])
    all_cited = words(cited)
    sites = {frozenset(words(name)) for name in site_names if name}
    best: TitleMatch | None = None
    for page_title in page_titles:
        truncated = bool(_TRUNCATED.search(page_title))
        for candidate in parts(page_title):
            page_words = words(candidate)
            if _says_nothing(page_words, all_cited, sites):
                continue
            for cited_words in cited_parts:
                score = agreement(cited_words, page_words, truncated=truncated)
                score *= min(1.0, len(cited_words) / (_MIN_SHARE * full))
                both_ways = min(score, agreement(page_words, cited_words, truncated=truncated))
                if best is None or (score, both_ways) > (best.score, best.both_ways):
                    best = TitleMatch(score, page_title, both_ways)
    return best


def _says_nothing(page_words: list[str], cited_words: list[str], sites: set[frozenset[str]]) -> bool:
    """Whether a page title (or part) cannot tell the cited work from another.

    Only a site's name (``og:site_name``, the cited work, the page's domain:
    "YouTube", "Forbes") or a template's placeholder ("Untitled") names no
    work. A one-word title the cited title also has ("Bodmin" for "Bodmin -
    Domesday Book") may be the cited page titled by its subject alone, so it
    is not judged; a one-word title the cited title lacks ("Casino" or "Login"
    for a news article) is another page, and is.
    """
    if not page_words or frozenset(page_words) in sites:
        return True
    if len(page_words) >= _MIN_WORDS:
        return False
    word = page_words[0]
    return word in _NO_TITLE or any(same_word(word, other) for other in cited_words)


def agreement(cited: list[str], page: list[str], *, truncated: bool = False) -> float:
    """The share of the cited words the page title has (of the page's words, when the page cut its title)."""
    found = sum(1 for word in cited if any(same_word(word, other) for other in page))
    if truncated and len(page) >= _MIN_TRUNCATED_WORDS:
        kept = sum(1 for word in page if any(same_word(word, other) for other in cited))
        return max(found / len(cited), kept / len(page))
    return found / len(cited)


def same_word(a: str, b: str) -> bool:
    """Equal, or one a short inflection of the other ("dogs"/"dog", "recognised"/"recognized")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    stem = min(len(a), len(b)) - 1
    if a[:stem] == b[:stem] and abs(len(a) - len(b)) <= 3:
        return True
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1 and len(a) >= 6
