"""Per-field LaTeX escaping: specials, braces, title protection, organisations, URLs."""

from __future__ import annotations

import pytest

from spector_refs.export.latex import (
    braces_balance,
    clean,
    escape,
    escape_organisation,
    escape_title,
    verbatim,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("# $ % & _", r"\# \$ \% \& \_", id="backslashed"),
        pytest.param("~^\\", r"{\textasciitilde}{\textasciicircum}{\textbackslash}", id="text-commands"),
        pytest.param("a}b{c", r"a\vphantom{\{}\}b\{\vphantom{\}}c", id="lone-braces"),
        pytest.param("a--b", "a-{}-b", id="no-dash-ligature"),
        pytest.param(
            "\\end{document}",
            r"{\textbackslash}end\{\vphantom{\}}document\vphantom{\{}\}",
            id="no-injection",
        ),
        pytest.param("Café – €5", "Café – €5", id="unicode-stays-utf8"),
        pytest.param("two\nlines\t here", "two lines here", id="whitespace-collapsed"),
    ],
)
def test_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Café – €5 —-", r"Caf{\'e} {--} {\texteuro}5 {---}-", id="common-characters"),
        pytest.param("Jürgen Åse Šuster", r"J{\"u}rgen {\r A}se {\v S}uster", id="accents"),
        pytest.param("Straße Łódź", r"Stra{\ss}e {\L}{\'o}d{\'z}", id="letters"),
        pytest.param("中文", "中文", id="unmapped-kept"),
    ],
)
def test_escape_for_classic_bibtex_maps_unicode_to_commands(text: str, expected: str) -> None:
    assert escape(text, ascii_commands=True) == expected


def test_every_escaped_value_keeps_braces_balanced() -> None:
    assert braces_balance(escape("}}} {{ } { \\{ \\}"))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("FBI Multimedia", "{{FBI}} Multimedia", id="acronym"),
        pytest.param("The SpecTor sting", "The {{SpecTor}} sting", id="mixed-case"),
        pytest.param(
            "Drug site Monopoly Market extradited to US from Austria",
            "Drug site {{Monopoly}} {{Market}} extradited to {{US}} from {{Austria}}",
            id="sentence-case-proper-nouns",
        ),
        pytest.param(
            "Cops Just Revealed a Record-Breaking Dark Web Dragnet",
            "Cops Just Revealed a Record-Breaking Dark Web Dragnet",
            id="title-case-left-alone",
        ),
        pytest.param("100% of AT&T_x", r"100\% of {{AT}}\&{{T}}\_x", id="specials-inside"),
    ],
)
def test_escape_title_protects_acronyms_and_proper_nouns(title: str, expected: str) -> None:
    assert escape_title(title) == expected


def test_organisation_and_is_protected() -> None:
    assert escape_organisation("Bureau of Alcohol, Tobacco and Firearms") == (
        "Bureau of Alcohol, Tobacco {and} Firearms"
    )
    assert escape_organisation("Sandy Andrews") == "Sandy Andrews"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param("https://x.org/a%20b_c#f~g&h", "https://x.org/a%20b_c#f~g&h", id="verbatim"),
        pytest.param("https://x.org/{a}", "https://x.org/{a}", id="balanced-braces-kept"),
        pytest.param("https://x.org/}a{", "https://x.org/%7Da%7B", id="unbalanced-encoded"),
        pytest.param("https://x.org/a b\\c", "https://x.org/a%20b%5Cc", id="space-and-backslash"),
    ],
)
def test_verbatim_urls(url: str, expected: str) -> None:
    assert verbatim(url) == expected


def test_clean_drops_control_characters() -> None:
    assert clean("a\x00b\x1b c\r\nd") == "ab c d"
