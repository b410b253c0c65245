"""Soft 404s by their words, in the languages and CMSs of the corpus, and the pages that only mention them."""

from __future__ import annotations

import pytest

from spector_refs.check.missing import body_missing_phrase, reads_as_article, title_says_missing
from spector_refs.check.page import Page
from spector_refs.check.soft404 import soft_404_reason

PROSE = " ".join(
    f"Sentence {n} of a long article explains at length what the server did, why the page was missing, "
    "and what a reader can do about it today."
    for n in range(6)
)


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("Page not found – Riverside Allotments", id="wordpress-title"),
        pytest.param("Oops! That page can’t be found.", id="wordpress-curly-apostrophe"),
        pytest.param("Nothing here", id="twentytwentyone"),
        pytest.param("There's nothing here!", id="blogger"),
        pytest.param("404 Not Found – North Shore Candles", id="shopify"),
        pytest.param("Page not found · GitHub Pages", id="github-pages"),
        pytest.param("Hoppla! Diese Seite kann nicht gefunden werden.", id="de"),
        pytest.param("Oups ! Cette page est introuvable.", id="fr"),
        pytest.param("¡Vaya! No se puede encontrar esa página.", id="es"),
        pytest.param("Pagina non trovata | Circolo", id="it"),
        pytest.param("Ops! Essa página não pode ser encontrada.", id="pt"),
        pytest.param("Страница не найдена – Библиотека", id="ru"),
        pytest.param("ページが見つかりませんでした – ひだまり珈琲", id="ja"),
        pytest.param("404 Not Found：该页无法显示", id="zh"),
    ],
)
def test_not_found_titles(title):
    assert title_says_missing(title)


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("How to Fix the 404 Page Not Found Error in WordPress", id="headline-around-phrase"),
        pytest.param(
            "404 Not Found: what the error means and how you can fix it today", id="headline-after-colon"
        ),
        pytest.param("When is Resource Not Found (404) appropriate? – Errorhandle", id="question"),
        pytest.param("Missing hiker found safe after two nights on the ridge", id="news"),
        pytest.param("HTTP 404 - Wikipedia", id="encyclopedia"),
        pytest.param("Ошибка 404 — что означает, как создать и настроить – ylianova.ru", id="ru-how-to"),
        pytest.param("The lost ring was found under the floorboards", id="was-found"),
    ],
)
def test_titles_that_only_mention_not_found(title):
    assert not title_says_missing(title)


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, the page you were looking for in this blog does not exist.",
        "It looks like nothing was found at this location. Maybe try a search?",
        'The requested page "/meetings/minutes-2016-11" could not be found.',
        "The site configured at this address does not contain the requested file.",
        "We couldn't find the page you were looking for. This is either because:",
        "Looks like the page you’re trying to visit doesn’t exist. Please check the URL.",
        "Die angeforderte Seite „/aktuelles“ konnte nicht gefunden werden.",
        "Apparemment, rien n’a été trouvé à cette adresse.",
        "Parece que nada foi encontrado neste local.",
        "Запрашиваемая страница не найдена.",
        "お探しのページが見つかりませんでした。",
        "抱歉，您访问的页面不存在或已被删除。",
    ],
)
def test_not_found_sentences(text):
    assert body_missing_phrase(text)


def test_an_article_about_404_pages_is_not_one():
    page = Page(title="Error 404 – Page not found", text="Error 404 – Page not found. " + PROSE)
    assert title_says_missing(page.title) and reads_as_article(page.text)
    assert soft_404_reason(page) is None


def test_a_short_error_page_is_one():
    page = Page(
        title="Page not found – Example",
        text="Nothing here. It looks like nothing was found at this location.",
    )
    assert not reads_as_article(page.text)
    assert "title" in soft_404_reason(page)


def test_a_menu_run_together_is_not_prose():
    menu = " ".join(f"Section{n}" for n in range(300))
    assert not reads_as_article(menu)
