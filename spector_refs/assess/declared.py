"""What a checked page says about its own site: the software it runs on, the type it declares.

No list names every Misskey server, company blog or club wiki, and many sites' addresses say
nothing of what they are. The pages do: MediaWiki and DokuWiki write their name in
``<meta name="generator">``, so do several fediverse servers and forum engines, and Misskey
writes its own in ``<meta name="application-name">`` (only a bare engine name counts there:
elsewhere that tag carries a site's own name);
a blog post declares itself a JSON-LD ``BlogPosting``; a press release may call itself one
in ``og:type``; a forum thread or a social-media post declares a JSON-LD ``DiscussionForumPosting`` or
``SocialMediaPosting``; a custom-domain Medium blog still gives ``og:site_name`` "Medium", a
custom-domain Tumblr blog the ``og:type`` ``tumblr-feed:entry``, a custom-domain Blogger blog the
generator ``blogger`` (a platform that hosts nothing but blogs, unlike WordPress). When
``audit`` has checked a link, :func:`page_declares` reads those declarations from the
result's metadata (:class:`~spector_refs.model.PageMeta`). The assessment uses them only for a
site no list and no configuration names, and below every rule (docs/assessment.md "How a
source is looked up"): a declaration fills a kind nothing else gives, it never overrules.

A general engine (WordPress, Ghost, Hugo, Blogger…) says nothing by itself: newspapers and
ministries run on it too. Only a blog-ish declared type makes such a page a blog, and the
engine is named in the reason.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spector_refs.domains import registrable_domain, split_url
from spector_refs.model import LinkResult, PageMeta, Verdict

GENERATOR_ORIGIN = "the page's generator meta"
APPLICATION_ORIGIN = "the page's application-name meta"
TYPE_ORIGIN = "the page's declared type (og:type, JSON-LD @type)"
SITE_NAME_ORIGIN = "the page's og:site_name"

_ENGINES = {
    "wiki": (
        "mediawiki", "dokuwiki", "pmwiki", "moinmoin", "xwiki", "wiki.js", "foswiki", "twiki",
        "tiki", "wikidot", "bookstack",
    ),
    "social-media": (
        "mastodon", "misskey", "pleroma", "akkoma", "calckey", "firefish", "sharkey", "iceshrimp",
        "catodon", "gotosocial", "friendica", "hubzilla", "pixelfed", "diaspora", "elgg",
    ),
    "blog": ("blogger", "tumblr"),
    "forum": (
        "discourse", "phpbb", "vbulletin", "xenforo", "mybb", "smf", "nodebb", "flarum", "vanilla",
        "punbb", "fluxbb", "invision", "ipb", "lemmy", "kbin", "mbin", "yabb", "phorum",
    ),
}  # fmt: skip
"""Engines that make whatever runs on them that kind of site, by the generator's first word."""
_BLOG_ENGINES = frozenset(
    {"wordpress", "ghost", "hugo", "jekyll", "hexo", "typepad", "movable", "writefreely",
     "gatsby", "eleventy", "pelican", "octopress", "hatena", "serendipity", "dotclear"}
)  # fmt: skip
"""General publishing engines: a blog only when the page also declares a blog-ish type."""
_BLOG_TYPES = frozenset({"blog", "blogposting", "blogpost", "blogs"})
_PRESS_TYPE = re.compile(r"press[\s_.:-]*release|pressemitteilung|communiqu[ée] de presse", re.I)
_PLATFORM_NAMES = {
    "medium": "blog", "substack": "blog", "blogger": "blog", "tumblr": "blog", "typepad": "blog",
    "livejournal": "blog", "tistory": "blog", "hatena blog": "blog", "はてなブログ": "blog",
    "fandom": "wiki", "miraheze": "wiki", "wikidot": "wiki", "misskey": "social-media",
    "mastodon": "social-media",
}  # fmt: skip
"""``og:site_name`` values of hosting platforms, as custom-domain pages on them still give it."""
_PLATFORM_TYPES = {"tumblr-feed": "blog"}
"""``og:type`` namespaces of hosting platforms (``tumblr-feed:entry``), kept on custom domains too."""
_POSTING_TYPES = {"discussionforumposting": "forum", "socialmediaposting": "social-media"}
"""schema.org postings that make the page a forum thread or a social-media post. Their subtype
``BlogPosting`` (and its ``LiveBlogPosting``, a newsroom's live coverage) is not one of them."""
_FIRST_WORD = re.compile(r"[^\W\d_][\w.]*", re.U)
_ENGINE_KINDS = {engine: kind for kind, engines in _ENGINES.items() for engine in engines}
_DECLARING_VERDICTS = frozenset({Verdict.OK, Verdict.REDIRECTED})


class Declaration(NamedTuple):
    """A kind a page declares, the declaration that says so, and which part of the page it is."""

    kind: str
    signal: str
    origin: str


def page_declares(meta: PageMeta) -> Declaration | None:
    """The kind the page's own declarations give its site, or None when they say nothing telling.

    The generator comes first (it names the software, a fact), then an application-name that is
    an engine's bare name, then a blog-ish or press-release type, then a platform's site name or
    post type, then a forum or social-media posting type.
    """
    generator = (meta.generator or "").strip()
    engine = _engine(generator)
    if engine in _ENGINE_KINDS:
        return Declaration(_ENGINE_KINDS[engine], f'generator "{generator}"', GENERATOR_ORIGIN)
    application = (meta.application_name or "").strip()
    if _engine(application) in _ENGINE_KINDS and len(application.split()) == 1:
        kind = _ENGINE_KINDS[_engine(application)]
        return Declaration(kind, f'application-name "{application}"', APPLICATION_ORIGIN)
    blog_engine = generator if engine in _BLOG_ENGINES else ""
    return _declared_type(meta, blog_engine) or _platform(meta) or _posting(meta)


def _declared_type(meta: PageMeta, blog_engine: str) -> Declaration | None:
    """A blog-ish or a press-release type, naming the general engine a blog runs on."""
    types = [kind for kind in meta.kinds if kind.lower().replace(" ", "") in _BLOG_TYPES]
    if types:
        runs = f' on generator "{blog_engine}"' if blog_engine else ""
        return Declaration("blog", f'type "{types[0]}"{runs}', TYPE_ORIGIN)
    press = next((kind for kind in meta.kinds if _PRESS_TYPE.search(kind)), None)
    if press:
        return Declaration("press-release", f'type "{press}"', TYPE_ORIGIN)
    return None


def _platform(meta: PageMeta) -> Declaration | None:
    """A hosting platform's site name or ``og:type`` namespace, which custom-domain pages keep."""
    platform = _PLATFORM_NAMES.get((meta.site_name or "").strip().lower())
    if platform:
        return Declaration(platform, f'site name "{meta.site_name}"', SITE_NAME_ORIGIN)
    typed = next((kind for kind in meta.kinds if kind.partition(":")[0].lower() in _PLATFORM_TYPES), None)
    if typed:
        return Declaration(_PLATFORM_TYPES[typed.partition(":")[0].lower()], f'type "{typed}"', TYPE_ORIGIN)
    return None


def _posting(meta: PageMeta) -> Declaration | None:
    """A forum thread's or a social-media post's schema.org type, after any platform's own word."""
    posting = next((kind for kind in meta.kinds if kind.lower() in _POSTING_TYPES), None)
    return Declaration(_POSTING_TYPES[posting.lower()], f'type "{posting}"', TYPE_ORIGIN) if posting else None


def declared_meta(url: str, result: LinkResult | None) -> PageMeta | None:
    """The checked page's metadata, if it speaks for the cited URL's site.

    Only a page that was fetched and answered (ok, or redirected within the same site)
    counts: a redirect to another site, a usurped domain or a soft 404 declares
    something else's software.
    """
    if result is None or result.meta is None or result.verdict not in _DECLARING_VERDICTS:
        return None
    cited, landed = split_url(url)[0], split_url(result.final_url or result.url)[0]
    if not cited or not landed:
        return None
    if cited != landed and registrable_domain(cited) != registrable_domain(landed):
        return None
    return result.meta


def _engine(generator: str) -> str:
    """The generator's first word, lower-cased: "MediaWiki 1.41.0" → "mediawiki"."""
    match = _FIRST_WORD.search(generator.lower())
    return match.group(0).rstrip(".") if match else ""
