"""The fuzzy title match: what editors and sites do to a title is no mismatch, another page is."""

from __future__ import annotations

from dataclasses import replace

import pytest

from spector_refs.check.titles import (
    MATCH_THRESHOLD,
    CitedWork,
    PageIdentity,
    best_match,
    dates_agree,
    judge,
    lost_marks,
    page_kind,
    same_site,
    slug_words,
    url_date,
)

CITED = "Dark web drug market takedown nets 288 arrests"
X = "https://x.example/"


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("Dark web drug market takedown nets 288 arrests | Example News", id="site-suffix"),
        pytest.param("Example News: Dark web drug market takedown nets 288 arrests", id="site-prefix"),
        pytest.param(
            "Example News » World » Dark web drug market takedown nets 288 arrests", id="breadcrumbs"
        ),
        pytest.param("DARK WEB DRUG-MARKET TAKEDOWN NETS 288 ARRESTS!", id="case-and-punctuation"),
        pytest.param("Dark web drug market takedown nets 288 arrests…", id="trailing-ellipsis"),
        pytest.param("Dark web drug market takedown nets 288 arrests, police say", id="longer-page-title"),
        pytest.param("Dark web drug market takedown nets 288…", id="page-title-cut-short"),
    ],
)
def test_the_same_title_agrees(page):
    match = best_match(CITED, [page], ["Example News"])
    assert match is not None and match.matches, match


@pytest.mark.parametrize(
    ("cited", "page"),
    [
        pytest.param("Opération SpecTor [Operation SpecTor]", "Operation SpecTor", id="translation-bracket"),
        pytest.param(
            "Bodmin wheelchair racer breaks European record | Cornish Guardian",
            "Bodmin wheelchair racer breaks European record",
            id="site-name-in-the-citation",
        ),
        pytest.param(
            "Big Magic: Creative Living Beyond Fear by Elizabeth Gilbert review",
            "Big Magic: Creative Living Beyond Fear",
            id="subtitle",
        ),
        pytest.param("東京で大規模な摘発", "東京で大規模な摘発 - 日本経済新聞", id="cjk"),
        pytest.param(
            "Magnetoreception molecule found in dogs Archived 23 December 2016 at the Wayback Machine",
            "Magnetoreception molecule found in dogs",
            id="rendered-archive-note",
        ),
    ],
)
def test_editing_habits_agree(cited, page):
    match = best_match(cited, [page])
    assert match is not None and match.matches, match


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("Ten summer recipes for the grill | Example News", id="another-article"),
        pytest.param("Example News", id="only-the-site-name"),
        pytest.param("Example News - Top stories", id="home-page"),
        pytest.param("Police arrest man over stolen bicycles", id="shares-one-word"),
    ],
)
def test_another_page_does_not_agree(page):
    match = best_match(CITED, [page], ["Example News"])
    assert match is None or not match.matches, match


def test_the_best_of_the_page_titles_counts():
    """A generic <title> does not hide an og:title that agrees."""
    match = best_match(CITED, ["Example News", "Dark web drug market takedown nets 288 arrests"])
    assert match is not None and match.matches
    assert match.page_title == "Dark web drug market takedown nets 288 arrests"


@pytest.mark.parametrize("cited", ["Home", "", "[Translated]"])
def test_too_short_to_judge(cited):
    assert best_match(cited, ["Anything at all here"]) is None


@pytest.mark.parametrize("page", ["Casino", "Login", "Welcome!"])
def test_a_one_word_page_title_the_cited_title_lacks_is_another_page(page):
    match = best_match(CITED, [page], ["Example News"])
    assert match is not None and match.score == 0 and not match.matches


@pytest.mark.parametrize(
    ("page", "sites"),
    [
        pytest.param("Takedown", [], id="a-word-of-the-cited-title"),
        pytest.param("Untitled", [], id="a-template-placeholder"),
        pytest.param("Example", ["Example"], id="the-site-name"),
    ],
)
def test_a_one_word_page_title_that_names_no_other_work_is_not_judged(page, sites):
    assert best_match(CITED, [page], sites) is None


def test_a_one_word_title_that_is_the_pages_own_domain_name_is_not_judged():
    """A login wall titled "Instagram" on instagram.com says nothing about which post it is."""
    page = PageIdentity(("Instagram",), ("https://www.instagram.com/p/abc/",), ("instagram.com",))
    assert judge(CitedWork(("Dark web market closed, police say",)), page) is None
    elsewhere = PageIdentity(("Instagram",), ("https://casino.example/",), ("casino.example",))
    match = judge(CitedWork(("Dark web market closed, police say",)), elsewhere)
    assert match is not None and not match.matches


# The identity beside the title: site, address, date, figures and quoted names (issue 15).

STORY = "300 arrested in crackdown on dark web 'Monopoly Market' drug trafficking"
STORY_URL = "https://fortune.example/europe/2023/05/03/300-arrested-crackdown-dark-web-monopoly-market/"


def cited_story(**fields) -> CitedWork:
    values = {"titles": (STORY,), "url": STORY_URL, "domain": "fortune.example", "sites": ("Fortune Europe",),
              "date": "2023-05-03"} | fields  # fmt: skip
    return CitedWork(**values)


def page_of(title: str, url: str, domain: str, **fields) -> PageIdentity:
    return PageIdentity((title,), (url,), (domain,), **fields)


def test_another_outlets_headline_about_the_same_story_is_not_the_cited_work():
    page = page_of(
        "300 arrested in global crackdown on dark web drug market",
        "https://www.westhawaiitoday.com/2023/05/03/nation-world-news/300-arrested-in-global-crackdown/",
        "westhawaiitoday.com",
    )
    match = judge(cited_story(), page)
    assert match is not None and match.score >= MATCH_THRESHOLD and not match.matches
    assert any("another site" in why for why in match.why)
    assert any("'Monopoly Market'" in why for why in match.why)


def test_a_copy_with_the_cited_headline_on_another_site_is_the_cited_work():
    url = "https://www.hit967.ae/news/300-arrested/"
    page = page_of(f"{STORY} | Hit 96.7", url, "hit967.ae", site_name="Hit 96.7")
    match = judge(cited_story(), page)
    assert match is not None and match.matches


def test_a_retitled_article_at_its_own_address_is_not_flagged():
    """Sites rewrite headlines; the slug written for the cited article still says which it is."""
    page = page_of("Police take down drug bazaar in nine-country sweep", STORY_URL, "fortune.example",
                   published="2023-05-03")  # fmt: skip
    match = judge(cited_story(), page)
    assert match is not None and match.score < MATCH_THRESHOLD and match.matches
    assert "retitled" in match.why[0]


def test_a_drifted_page_at_the_cited_address_is_flagged_when_its_slug_says_nothing():
    url = "https://fortune.example/2023/05/03/p=4711"
    page = page_of("Ten summer recipes for the grill", url, "fortune.example", published="2024-07-19")
    match = judge(cited_story(url=url), page)
    assert match is not None and not match.matches


def test_the_slug_does_not_vouch_for_a_page_dated_far_from_the_citation():
    page = page_of("Ten summer recipes for the grill", STORY_URL, "fortune.example", published="2024-07-19")
    match = judge(cited_story(), page)
    assert match is not None and not match.matches


@pytest.mark.parametrize(
    ("page", "lost"),
    [
        pytest.param("288 arrested in crackdown on dark web Monopoly Market drug trafficking", "figure 300",
                     id="another-figure"),
        pytest.param("300 arrested in crackdown on dark web drug trafficking", "name 'Monopoly Market'",
                     id="quoted-name-missing"),
    ],
)  # fmt: skip
def test_a_headline_cannot_lose_its_figures_or_quoted_names(page, lost):
    assert lost_marks([STORY], page) == [lost]
    match = judge(cited_story(url=None, domain=None, date=None), PageIdentity((page,)))
    assert match is not None and not match.matches


def test_figures_written_as_words_agree():
    assert lost_marks(["Founder to open 2 free schools"], "Founder to open two free schools") == []


@pytest.mark.parametrize(
    ("url", "words"),
    [
        pytest.param(STORY_URL, "300 arrested crackdown dark web monopoly market".split(), id="slug"),
        pytest.param(X + "news/14258716.Truro_and_Penwith_College_to_open/",
                     ["truro", "penwith", "college", "open"], id="id-and-underscores"),
        pytest.param(X + "2/hi/asia-pacific/1735647.stm", ["asia", "pacific"], id="section"),
        pytest.param("https://www.huffpost.com/entry/worlds-oldest-dog-dies_n_1132675",
                     ["worlds", "oldest", "dog", "dies"], id="trailing-id"),
    ],
)  # fmt: skip
def test_slug_words(url, words):
    assert slug_words(url) == words


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        (X + "2023/05/03/story/", "2023-05-03"),
        (X + "news/2017/07/story", "2017-07"),
        (X + "story-20230502", "2023-05-02"),
        (X + "articles/248226/story.htm", None),
        (X + "p/201912", None),
    ],
)
def test_url_date(url, iso):
    assert url_date(url) == iso


@pytest.mark.parametrize(
    ("cited", "published", "agree"),
    [
        ("2023-05-02", "2023-05-03", True),
        ("2023-05-02", "2023-06-20", False),
        ("2023-05", "2023-05-30", True),
        ("2023-05-31", "2023-06", None),
        ("2023", "2023-05-02", None),
        (None, "2023-05-02", None),
    ],
)
def test_dates_agree(cited, published, agree):
    assert dates_agree(cited, published) is agree


BBC, GUARDIAN = CitedWork(("t",), domain="bbc.co.uk"), CitedWork(("t",), sites=("The Guardian",))
REUTERS = CitedWork(("t",), domain="reuters.com", sites=("Reuters",))
BBC_PAGE = PageIdentity(("t",), domains=("bbc.co.uk",))
CELL_PAGE = PageIdentity(("t",), domains=("cell.com",))


@pytest.mark.parametrize(
    ("cited", "page", "same"),
    [
        pytest.param(BBC, BBC_PAGE, True, id="same-domain"),
        pytest.param(CitedWork(("t",), sites=("BBC News",)), BBC_PAGE, True, id="work-names-the-host"),
        pytest.param(GUARDIAN, PageIdentity(("t",), site_name="the Guardian"), True, id="site-name"),
        pytest.param(REUTERS, PageIdentity(("t",), domains=("hit967.ae",), site_name="Hit 96.7"), False,
                     id="another-site"),
        pytest.param(CitedWork(("t",), domain="doi.org"), CELL_PAGE, None, id="resolver"),
        pytest.param(CitedWork(("t",)), CELL_PAGE, None, id="nothing-cited"),
    ],
)  # fmt: skip
def test_same_site(cited, page, same):
    assert same_site(cited, page) is same


@pytest.mark.parametrize(
    ("declared", "url", "title", "kind"),
    [
        pytest.param(("article", "WebPage", "Review"), X + "a", "X", "review", id="json-ld-review"),
        pytest.param(("CollectionPage",), X + "a", "X", "collection", id="json-ld-collection"),
        pytest.param(("profile",), X + "jane", "Jane", "collection", id="og-profile"),
        pytest.param(("books.book",), X + "b", "X", "book", id="og-book"),
        pytest.param(("NewsArticle", "Organization"), X + "n", "X", "posting", id="news"),
        pytest.param(("Book", "Review"), X + "b", "X", None, id="book-and-review-unknown"),
        pytest.param(("article", "ScholarlyArticle", "WebPage"), X + "a", "X", None, id="generic"),
        pytest.param((), X + "tag/dogs/", "Dogs", "collection", id="tag-address"),
        pytest.param((), X + "blog/category/news/page/2/", "X", "collection", id="category-page"),
        pytest.param((), "https://b.blogspot.example/2015/11/", "X", "collection", id="month-archive"),
        pytest.param((), X + "2015/11/big-magic", "X", None, id="dated-post"),
        pytest.param((), X + "topics/dogs/123-a-story", "X", None, id="story-under-a-topic"),
        pytest.param((), X + "books/review/big-magic.html", "X", "review", id="review-section"),
        pytest.param((), X + "p", "Big Magic by Elizabeth Gilbert: A Review", "review",
                     id="title-says-review"),
        pytest.param((), X + "p", "A Review of Canid Classification", None, id="review-article"),
        pytest.param((), X + "p", "X | Review of Economic Studies", None, id="journal-name"),
    ],
)  # fmt: skip
def test_page_kind(declared, url, title, kind):
    assert page_kind(declared, [url], [title]) == kind


BOOK_TITLE = "Animal Passions and Beastly Virtues"
BOOK = CitedWork((BOOK_TITLE,), "https://books.google.com/?id=5qQNetdJKnwC", "google.com", kind="book")


@pytest.mark.parametrize(
    ("kinds", "same"),
    [
        pytest.param(("Review",), False, id="a-review-is-about-the-book"),
        pytest.param(("BlogPosting",), False, id="a-blog-post-is-about-the-book"),
        pytest.param(("Book",), True, id="a-book-record-is-the-book"),
        pytest.param((), True, id="unknown-kind-keeps-the-copy-rule"),
    ],
)
def test_a_cited_books_title_on_another_site_is_judged_by_the_pages_kind(kinds, same):
    url = "https://thebark.example/content/animal-passions"
    page = page_of(BOOK_TITLE, url, "thebark.example", kinds=kinds)
    match = judge(BOOK, page)
    assert match is not None and match.matches is same


def test_a_review_cited_as_a_review_may_be_copied():
    cited = CitedWork(("Big Magic review: a gentle push",), "https://a.example/books/review/big-magic",
                      "a.example")  # fmt: skip
    page = page_of("Big Magic review: a gentle push", "https://b.example/p/1", "b.example", kinds=("Review",))
    assert judge(cited, page).matches


def test_a_tag_page_is_not_the_cited_article_even_on_its_own_site():
    cited = CitedWork(("Plants poisonous to dogs",), "https://sunset.example/garden/plants-poisonous-to-dogs",
                      "sunset.example", ("Sunset",))  # fmt: skip
    page = page_of("Plants Poisonous to Dogs | Sunset", "https://sunset.example/tag/plants-poisonous-to-dogs/",
                   "sunset.example")  # fmt: skip
    match = judge(cited, page)
    assert match is not None and not match.matches and "lists other pages" in match.why[0]
    publisher = page_of(f"{BOOK_TITLE} | Temple University Press", "https://tupress.example/books/animal-passions",
                        "tupress.example", kinds=("article",))  # fmt: skip
    assert judge(replace(BOOK, sites=("Temple University Press",)), publisher).matches
