"""Parsing time stays linear in the input, on the inputs regexes backtrack on.

Every parser, and the rendered-citation reader and tokenizer inside the
plain-text one, is timed on pathological shapes (long runs of one opening
delimiter with nothing to close it, repeated heading suffixes, unclosed
templates and ref tags) at n and 10 n; the time ratio must stay under
``MAX_RATIO`` (linear is about 10, quadratic about 100).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup

from spector_refs.parse.core.cs1 import parse_rendered_citation
from spector_refs.parse.core.tokens import tokenize_rendered
from spector_refs.parse.html import parse_html
from spector_refs.parse.text import parse_text
from spector_refs.parse.wikitext import parse_wikitext

from .scaling import MAX_RATIO, measure_scaling

MAX_TREE_BUILDS = 8
PARSERS: dict[str, Callable[[str], object]] = {
    "text": parse_text,
    "html": parse_html,
    "wikitext": parse_wikitext,
}
TEXT_SHAPES: dict[str, Callable[[int], str]] = {
    "open-brackets": lambda n: "Claim " + "[" * n + "\nReferences edit\n1. ^ x",
    "quotes": lambda n: 'Claim "' + '"a' * n,
    "parentheses": lambda n: "Claim " + "(" * n + ".",
    "edit-suffixes": lambda n: "Heading" + " edit" * n + "\n\nText.",
    "unclosed-marker-runs": lambda n: "Claim" + "[1" * n,
    "citation-needed-unclosed": lambda n: "Claim [citation needed" * n,
    "many-short-lines": lambda n: "x\n" * n,
    "sentence-runs": lambda n: "A. " * n,
    "reference-quotes": lambda n: 'References edit\n\n1. ^ "' + 'x "' * n,
    "reference-parens": lambda n: "References edit\n\n1. ^ Smith, J. (" + "(2023" * n,
    "see-lead-ins": lambda n: "References edit\n\n1. ^ " + "x. See " * n + '"T".',
    "backlink-letters": lambda n: "References edit\n\n1. ^ " + "a " * n + '"T".',
    "long-word-line": lambda n: "w" * (20 * n),
    "one-line-claims": lambda n: "Claim.[1] " * n,
    "unnumbered-entries": lambda n: "References\n" + "↑ Smith, J. (2000). T.\n" * n,
    "unnumbered-backlink-runs": lambda n: "References\n" + "1 " + " ".join(map(str, range(2, n))) + " x",
    "bare-appendix-headings": lambda n: "Notes\nReferences\n" * n,
    "bibliography-lines": lambda n: "References\n" + "Smith, J. (2000). T. London: P.\n" * n,
    "notes-footnotes": lambda n: "Notes\n" + "^ Smith (2000), p. 1.\n" * n,
    "lead-in-commas": lambda n: "References\n^ " + "D. x, " * n + "quoted in Smith, J. (2000). T.\n",
    "lead-in-sees": lambda n: "References\n^ " + "See also " * n + "Smith, J. (2000). T.\n",
}
HTML_SHAPES: dict[str, Callable[[int], str]] = {
    "open-angles": lambda n: "<html><body><p>" + "<" * n,
    "unclosed-sups": lambda n: "<html><body><p>Claim" + '<sup class="reference">[1' * n,
    "nested-divs": lambda n: "<html><body>" + "<div>" * n + "Claim.[1]" + "</div>" * n,
    "nested-spans": lambda n: "<html><body><p>" + "<span>" * n + "Claim.[1]" + "</span>" * n,
    "nested-tables": lambda n: "<html><body>" + "<table><tr><td>" * n + "Claim.[1]",
    "open-brackets-text": lambda n: "<html><body><p>Claim " + "[" * n + "</p>",
    "quotes-text": lambda n: '<html><body><p>Claim "' + '"a' * n + "</p>",
    "unclosed-attribute": lambda n: '<html><body><p class="' + "x" * n,
    "entities": lambda n: "<html><body><p>" + "&amp" * n,
    "reference-items": lambda n: '<html><body><ol class="references">' + '<li id="cite_note-' * n,
    "cite-quotes": lambda n: (
        '<html><body><ol class="references"><li><cite class="citation">"' + '"x' * n + "</cite></li></ol>"
    ),
    "bibliography-items": lambda n: "<html><body><h2>References</h2><ul>" + "<li>Roe, A. (2000). T. P." * n,
    "bibliography-nesting": lambda n: (
        "<html><body><h2>References</h2>" + '<div class="refbegin">' * n + "<ul><li>x"
    ),
}
WIKI_SHAPES: dict[str, Callable[[int], str]] = {
    "open-templates": lambda n: "Claim.<ref>" + "{{" * n,
    "open-templates-with-parameters": lambda n: "Claim.<ref>x</ref>" + "{{a|" * n,
    "open-refs": lambda n: "Claim." + "<ref" * n,
    "unclosed-refs": lambda n: "Claim." + "<ref>" * n,
    "unclosed-named-refs": lambda n: "Claim." + "<ref name=x>" * n,
    "templates-in-unclosed-refs": lambda n: "Claim." + "<ref>{{" * n,
    "open-links": lambda n: "Claim." + "[[" * n,
    "open-brackets": lambda n: "Claim." + "[" * n,
    "nested-templates": lambda n: "{{a|" * n + "x" + "}}" * n + "\nClaim.<ref>{{cite web|title=T}}</ref>",
    "heading-equals": lambda n: "=" * n + "\nClaim.<ref>x</ref>",
    "apostrophes": lambda n: "Claim " + "'" * n + "<ref>x</ref>",
    "pipes-in-cite": lambda n: "Claim.<ref>{{cite web|title=" + "|" * n + "}}</ref>",
    "ref-name-quote": lambda n: 'Claim.<ref name="' + "x" * n,
    "comments": lambda n: "Claim.<ref>x</ref>" + "<!--" * n,
}
CITATION_SHAPES: dict[str, Callable[[int], str]] = {
    "quotes": lambda n: '"' * n,
    "parentheses": lambda n: "Smith, J. " + "(" * n,
    "retrieved": lambda n: "Retrieved " * n,
    "maintenance-without-link": lambda n: '"T". W. {{cite web}}: ' + "CS1 maint " * n,
    "dots": lambda n: ". " * n,
    "dates": lambda n: "2 May 2023 " * n,
    "brackets": lambda n: "[" * n + "Title",
    "commas": lambda n: "Smith, " * n,
    "book-editor-marks": lambda n: "Smith, J., eds. " * n + "(2000). T.",
    "book-name-lists": lambda n: "Smith, J.; " * n + "(eds.). T. ISBN 0-500-27616-1",
    "book-title-parentheticals": lambda n: "Smith, J. (2000). T" + " (2nd ed.) (PDF)" * n + ". P.",
    "book-contributors": lambda n: "Smith, J. (2000). T. Translated by " + "Roe, R. " * n,
    "book-in-editors": lambda n: 'Smith, J. (2000). "C". In ' + "Roe, R.; " * n + "(eds.). T. P.",
    "book-place-colons": lambda n: "Smith, J. (2000). T. " + "A: " * n,
    "book-heads-without-stops": lambda n: "Smith, J. (2000) " * n,
    "book-parts": lambda n: "Smith, J. (2000). " + "Part. " * n + "ISBN 0-500-27616-1",
    "book-series-parts": lambda n: "Smith, J. (2000). T. " + "Studies. " * n + "London: P.",
    "cs2-parts": lambda n: "Smith, J. (2000), " + "Part, " * n + "2005",
    "cs2-continuations": lambda n: "Title, " + "and more, " * n + "2005",
    "cs2-editors": lambda n: 'Smith, J. (2000), "C", in Roe' + ", R; Poe" * n + ", T",
    "cs2-translators": lambda n: "Smith, J. (2000), T, translated by Roe" + ", R; Poe" * n + ", P",
    "cs2-quotes": lambda n: '"T", ' + '"x", ' * n,
    "amp-names": lambda n: "Smith, J. & " * n + "(2000). T.",
    "whole-name-title-date": lambda n: "John Smith, " + "Title, " * n + "(2000).",
    "single-quotes": lambda n: "Smith, J. (2000) ‘" + "x’ " * n,
    "typed-editions": lambda n: "Smith, J. (2000) T" + "; second ed. P" * n,
    "head-editors": lambda n: "Smith, J. (2000). " + "(x). Roe, R, ed. " * n + '"T". W.',
    "chapter-volumes": lambda n: '"C". T. ' + "1. " * n + "P.",
    "whole-name-title-at": lambda n: "John Smith, " + "Title, " * n + "at www",
    "comma-tail-revisers": lambda n: 'Smith, J. (2000) "T"' + ", rev. Roe" * n,
    "conference-parts": lambda n: "Smith, J. (2000). T. " + "Conference. " * n + "London: P.",
    "series-before-place": lambda n: "Smith, J. (2000). T. " + "Two words. " * n + "London: P.",
    "trailing-quotes": lambda n: "Smith, J. (2000). T. " + '. "x' * n + '"',
    "trans-title-brackets": lambda n: "Smith, J. (2000). T" + " [x" * n + "]. P.",
    "stops-in-parentheticals": lambda n: "Smith, J. (2000). T (" + "Dr. " * n + "thesis). P.",
    "volume-parts": lambda n: "Smith, J. (2000). T. " + "Vol. x, no. " * n + "P.",
    "by-parts": lambda n: "Smith, J. (2000). I. T. " + "By Roe, R. " * n,
    "lay-summaries": lambda n: "Smith, J. (2000). T. P. " + "Lay summary – x " * n,
    "undated-initials": lambda n: "Kirkland, Edward" + " C." * n + " T.",
    "cs2-serial-lists": lambda n: "Smith, J. (2000), " + "A, B, and C, " * n + "London: P",
    "cs2-undated-place-colons": lambda n: "Title, " * n + "London: P",
    "journal-issue-parts": lambda n: 'Smith, J. (2000). "T". ' + "J (" * n + "3): 45.",
    "place-semicolons": lambda n: "Smith, J. (2000). T. " + "New Haven; London " * n + ": P.",
    "original-date-heads": lambda n: "Smith, J. " + "(2000a) [1619] " * n + '"T". P.',
    "dated-publishers": lambda n: '"T". W. London: ' + "Co. " * n + "1903 [1889].",
    "named-pages": lambda n: '"T". ' + "P: 9" * n + ". ISBN 0-313-30574-9.",
    "cs1-heads-before-comma-books": lambda n: "Grassi H, " + "(" * n + "Galilei G, T, London: P",
    "described-names": lambda n: "Smith, J (" + "(x) " * n + "(2000). T. P.",
    "subtitle-parts": lambda n: "Smith, J. (2000). T. " + "A x. " * n + "London: P.",
    "article-stops": lambda n: "Smith, J. (2000). T" + ": a. x" * n + ". P.",
    "in-parts-after-books": lambda n: 'Smith, J. (2000). "C". ' + "B. In X. " * n + "pp. 1–2.",
    "name-prefixes": lambda n: "Smith, J. (2000). T of " + "H.M.S. Capt. " * n + "London: P.",
    "initials-ends": lambda n: "Smith, J. (2000). T. " + "x R.N. " * n + "London: P.",
    "sentence-subtitles": lambda n: "Smith, J. (2000). T. " + "With x. Edited y. " * n + "London: P.",
    "others-parts": lambda n: "Smith, J. (2000). T. " + "Foreword by x. " * n + "London: P.",
    "in-volume-names": lambda n: "Smith, J. (2000). T. " + "In A & B. " * n + "pp. 1–2.",
    "others-roles": lambda n: "Smith, J. (2000). T. " + "x (" * n + "illustrator). P.",
    "question-parts": lambda n: "Smith, J. (2000). " + "Why? " * n + "London: P.",
    "roman-volume-stops": lambda n: "Smith, J. (2000). T. " + "Vol. I. " * n + "P.",
    "initials-after-places": lambda n: "Smith, J. (2000). T. London: " + "M.E. " * n + "Sharpe.",
    "long-editions": lambda n: "Smith, J. (2000). T (" + "x " * n + "ed.). P.",
    "contribution-signs": lambda n: 'Smith, J. (2000). "C". T. ' + "By Roe, R. " * n + "Translated by X.",
    "roman-volumes": lambda n: "Smith, J. (2000). T. " + "III. " * n + "London: P.",
    "quotes-in-italic-titles": lambda n: "Smith, J. (2000). T: " + "Or, x: " * n + 'Or, "Q". P.',
    "editions-after-quotes": lambda n: 'Smith, J. (2000). "T"' + " (x ed.)" * n + ". Retrieved 1 May 2000.",
    "ellipses": lambda n: "Smith, J. (2000). T" + " ... x" * n + ". P. PMID 1.",
    "abbreviated-journals": lambda n: 'Smith, J. (2000). "T". ' + "Ab. " * n + "1 (2): 3.",
    "abbreviated-journal-parts": lambda n: 'Smith, J. (2000). "T". ' + "Ab. " * n + "X. 1 (2): 3.",
    "journal-article-numbers": lambda n: '"T". J. 1 (2) ' + "3 – " * n + "4.",
    "via-providers": lambda n: '"T". W. ' + "– via x.y " * n + "z",
    "via-long-names": lambda n: '"T". W. – via ' + "x." * n,
    "arxiv-classes": lambda n: '"T". arXiv:1' + " [x]" * n + ".",
    "event-times": lambda n: '"T". W. ' + "Event occurs at 1:2" * n + ".",
    "journal-subtitles": lambda n: 'Smith, J. (2000). "T". ' + "J: x " * n + ". 1 (2): 3.",
    "undated-initials-lists": lambda n: "Smith, J., " * n + "Title: Sub. P.",
    "undated-vancouver-lists": lambda n: "Smith J, " * n + "Title: Sub. P.",
    "dated-initials-lists": lambda n: "Smith, J. A., " * n + "(2000). T. P.",
    "numbered-roman-stops": lambda n: "Smith, J. (2000). T. " + "Volume I. " * n + "London: P.",
    "spaces-before-stops": lambda n: '"T"' + "\u00a0 x" * n + " " * n + ". W.",
    "space-runs": lambda n: 'Smith, J. (2000). "T"' + " " * n + "x. Retrieved 1 May 2000.",
    "abbreviated-journal-lead-words": lambda n: 'Smith, J. (2000). "T". W ' + "Ab. x " * n + "1 (2): 3.",
    "abbreviated-journal-words": lambda n: 'Smith, J. (2000). "T". ' + "Ab. & x " * n + "1 (2): 3.",
}
TOKEN_SHAPES: dict[str, Callable[[int], str]] = {
    "open-brackets": lambda n: "[" * n,
    "marker-runs": lambda n: "[1]" * n,
    "unclosed-markers": lambda n: "[12" * n,
    "tag-like": lambda n: "[citation needed" * n,
    "text-and-markers": lambda n: "a [1]" * n,
}

CASES = [
    *(pytest.param(PARSERS["text"], make, id=f"text-{name}") for name, make in TEXT_SHAPES.items()),
    *(pytest.param(PARSERS["html"], make, id=f"html-{name}") for name, make in HTML_SHAPES.items()),
    *(pytest.param(PARSERS["wikitext"], make, id=f"wikitext-{name}") for name, make in WIKI_SHAPES.items()),
    *(
        pytest.param(parse_rendered_citation, make, id=f"cs1-{name}")
        for name, make in CITATION_SHAPES.items()
    ),
    *(pytest.param(tokenize_rendered, make, id=f"tokens-{name}") for name, make in TOKEN_SHAPES.items()),
]


@pytest.mark.parametrize(("run", "make"), CASES)
def test_parse_time_is_linear(run: Callable[[str], object], make: Callable[[int], str]) -> None:
    scaling = measure_scaling(run, make)
    print(f"n={scaling.small_chars} small={scaling.small_seconds:.4f}s ratio={scaling.ratio:.1f}")
    assert scaling.ratio <= MAX_RATIO, (
        f"10x the input took {scaling.ratio:.0f}x the time ({scaling.small_seconds:.3f}s at "
        f"{scaling.small_chars} chars): superlinear, probably regex backtracking"
    )


@pytest.mark.slow  # the quadratic run takes its whole 5 s CPU budget, by design
def test_quadratic_code_is_caught() -> None:
    """The guard itself: a deliberately quadratic function must fail the bound."""

    def quadratic(text: str) -> int:
        return sum(text.count(text[i]) for i in range(len(text)))

    scaling = measure_scaling(quadratic, lambda n: "ab" * (n // 2 + 1), n=200)
    assert scaling.ratio > MAX_RATIO


@pytest.mark.parametrize("shape", ["nested-divs", "nested-spans", "nested-tables"])
def test_deep_nesting_costs_about_a_tree_build(shape: str) -> None:
    """Deep nesting is linear even unfixed (recursion stops the walk), so the ratio guard
    cannot see a per-level search; compare with the cost of building the tree instead.

    Before the fix 2 000 nested ``<div>`` took about 1.7 ms per level, a hundred times
    the tree build; reading the page must stay within a few tree builds.
    """
    document = HTML_SHAPES[shape](2000)
    build = _best_seconds(lambda: BeautifulSoup(document, "lxml"))
    parse = _best_seconds(lambda: parse_html(document))
    assert parse <= MAX_TREE_BUILDS * max(build, 0.001), f"{parse:.3f}s to parse, {build:.3f}s to build"


def _best_seconds(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best
