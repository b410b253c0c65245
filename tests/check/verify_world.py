"""Pages for issue 15's loopback world: the cited page as it was, drifted, parked, usurped, quoted.

Each page is a complete small HTML document the way such sites really look:
a news article with its metadata (``og:title``, ``article:published_time``,
JSON-LD), the same URL after the site moved the article elsewhere, a Sedo
parking page (the script, the wording), a GoDaddy ``/lander`` redirect and an
Indonesian slot-casino takeover, an old URL that now redirects to another
outlet's story on the same raids, and the article retitled at its own
address; for the page-kind evidence, a book's address that now lands on
another site's review of it (JSON-LD ``Review``) or news story about it
(``NewsArticle``), the publisher's own book page (``Book``), and a retired
article sent to the tag page named like it (``CollectionPage``). Served by
:class:`loopback.LoopbackServer`.
"""

from __future__ import annotations

from loopback import Route

ARTICLE = b"""<!doctype html><html><head>
<title>Dark web drug market takedown nets 288 arrests | Example News</title>
<meta property="og:title" content="Dark web drug market takedown nets 288 arrests">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-05-02T14:05:00Z">
<meta name="author" content="Jane Smith">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Dark web drug market takedown nets 288 arrests", "datePublished": "2023-05-02",
 "author": [{"@type": "Person", "name": "Jane Smith"}]}</script>
</head><body><h1>Dark web drug market takedown nets 288 arrests</h1>
<p>Police in nine countries arrested 288 people in a crackdown on dark web drug markets, officials
said on Tuesday.</p>
<p>\xe2\x80\x9cThis operation shows that the dark web is not a safe haven,\xe2\x80\x9d the
attorney general said \xe2\x80\x94 adding that more arrests would follow.</p></body></html>"""
DRIFTED = b"""<!doctype html><html><head>
<title>Ten summer recipes for the grill | Example News</title>
<meta property="og:title" content="Ten summer recipes for the grill">
<meta property="article:published_time" content="2024-07-19T08:00:00Z">
</head><body><h1>Ten summer recipes for the grill</h1>
<p>Fire up the barbecue: these ten recipes are easy.</p></body></html>"""
PARKED = b"""<!doctype html><html><head><title>example-news.com</title>
<script type="text/javascript" src="https://img.sedoparking.com/templates/js/park.js"></script>
</head><body><div id="container"><h1>example-news.com</h1><p>Related searches: news, drugs, police</p>
</div></body></html>"""
FOR_SALE = b"""<!doctype html><html><head><title>example-news.com</title></head>
<body><h1>This domain is for sale!</h1><p>Make an offer on example-news.com today.</p></body></html>"""
LANDER = b"""<!doctype html><html><head><title></title></head><body><p>Related links</p></body></html>"""
CASINO = b"""<!doctype html><html><head>
<title>SLOT GACOR: Situs Judi Slot Online Gacor Maxwin Terpercaya</title>
</head><body><h1>Slot Gacor Hari Ini</h1>
<p>Daftar situs judi slot online gacor maxwin. Bonus new member 100%, deposit pulsa tanpa potongan.</p>
<p>Main slot online di situs slot gacor terpercaya: Pragmatic Play, PG Soft, Mahjong Ways, RTP live.</p>
<p>Togel, casino online, sbobet, poker dan judi bola. Jackpot maxwin setiap hari.</p></body></html>"""
CASINO_NEWS = b"""<!doctype html><html><head><title>Casino tycoon arrested in Macau | Example News</title>
</head><body><h1>Casino tycoon arrested in Macau</h1>
<p>The casino operator, whose casinos in Macau drew millions, was arrested. The casino group said
its casinos stay open; analysts said casino shares fell and that the casino licence is safe.</p>
</body></html>"""
TITLE = b"Dark web drug market takedown nets 288 arrests"
QUOTE_CHANGED = ARTICLE.replace(b"is not a safe haven", b"is no longer a safe place")
OTHER_OUTLET = b"""<!doctype html><html><head>
<title>Police arrest 288 in dark web drug market takedown, seize millions | Daily Other</title>
<meta property="og:title" content="Police arrest 288 in dark web drug market takedown, seize millions">
<meta property="og:site_name" content="Daily Other">
<meta property="article:published_time" content="2023-05-02T18:30:00Z">
</head><body><h1>Police arrest 288 in dark web drug market takedown, seize millions</h1>
<p>Police in nine countries arrested 288 people, the agency said.</p></body></html>"""
RETITLED = ARTICLE.replace(TITLE, b"Police close a dark web bazaar in a nine-country sweep")
BOOK = b"Animal Passions and Beastly Virtues"


def book_page(site: bytes, kind: bytes, title: bytes = BOOK) -> bytes:
    """A page headed with the book's title on ``site``, declaring itself a ``kind`` the way such sites do."""
    return b"""<!doctype html><html><head><title>%s | %s</title>
<meta property="og:site_name" content="%s"><meta property="og:type" content="article">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebPage", "name": "%s"}, {"@type": "%s", "name": "%s",
  "itemReviewed": {"@type": "Book", "name": "%s"}}, {"@type": "Organization", "name": "%s"}]}</script>
</head><body><h1>%s</h1><p>Marc Bekoff's essays on animal minds.</p></body></html>""" % (
        title,
        site,
        site,
        title,
        kind,
        title,
        BOOK,
        site,
        title,
    )


REVIEW = book_page(b"The Bark", b"Review")
NEWS_ABOUT_BOOK = book_page(b"Daily Other", b"NewsArticle")
PUBLISHER_BOOK = book_page(b"Temple University Press", b"Book", BOOK + b": Reflections on Nature")
TAG_PAGE = b"""<!doctype html><html><head><title>Plants Poisonous to Dogs | Example News</title>
<meta property="og:type" content="website">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "CollectionPage",
 "name": "Plants Poisonous to Dogs"}</script>
</head><body><h1>Plants Poisonous to Dogs</h1><ul><li><a href="/2023/04/01/lilies">Lilies and cats</a></li>
<li><a href="/2023/03/11/sago-palm">Sago palm</a></li></ul></body></html>"""


def routes() -> dict[str, Route]:
    """The world by path; ``/moved-away`` is an article URL that now lands on a parking lander."""
    return {
        "/": lambda h: h.send(200, b"<html><head><title>Example News</title></head></html>"),
        "/2023/05/02/darknet-arrests": lambda h: h.send(200, ARTICLE),
        "/2023/05/02/drifted": lambda h: h.send(200, DRIFTED),
        "/2023/05/02/parked": lambda h: h.send(200, PARKED),
        "/2023/05/02/for-sale": lambda h: h.send(200, FOR_SALE),
        "/2023/05/02/moved-away": lambda h: h.redirect(302, "/lander"),
        "/lander": lambda h: h.send(200, LANDER),
        "/2023/05/02/takeover": lambda h: h.send(200, CASINO),
        "/2023/05/02/tycoon": lambda h: h.send(200, CASINO_NEWS),
        "/2023/05/02/quote-changed": lambda h: h.send(200, QUOTE_CHANGED),
        "/2023/05/03/follow-up": lambda h: h.send(
            200, ARTICLE.replace(b"takedown nets", b"takedown: follow-up on")
        ),
        "/2023/05/02/sent-elsewhere": lambda h: h.redirect(301, "/daily-other/police-arrest-288"),
        "/daily-other/police-arrest-288": lambda h: h.send(200, OTHER_OUTLET),
        "/2023/05/02/dark-web-drug-market-takedown-nets-288-arrests": lambda h: h.send(200, RETITLED),
        "/books/animal-passions": lambda h: h.redirect(301, "/bark/animal-passions-and-beastly-virtues"),
        "/bark/animal-passions-and-beastly-virtues": lambda h: h.send(200, REVIEW),
        "/books/animal-passions-news": lambda h: h.redirect(301, "/daily-other/animal-passions"),
        "/daily-other/animal-passions": lambda h: h.send(200, NEWS_ABOUT_BOOK),
        "/books/animal-passions-press": lambda h: h.send(200, PUBLISHER_BOOK),
        "/2019/06/01/plants-poisonous-to-dogs": lambda h: h.redirect(301, "/tag/plants-poisonous-to-dogs/"),
        "/tag/plants-poisonous-to-dogs/": lambda h: h.send(200, TAG_PAGE),
    }
