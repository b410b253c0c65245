"""Every parser survives arbitrary, truncated, mis-encoded and unbalanced input.

"Survives" means: returns a well-formed Article (odd content recorded in
``problems``) or raises a documented :class:`SpectorError`, never anything
else, and within a time limit. Each parser is driven directly (``format=``)
and through format detection, with text built from its own format's pieces
so hypothesis exercises the real branches.
"""

from __future__ import annotations

import importlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spector_refs.errors import InputError, SpectorError
from spector_refs.inputs import decode_document

from .checks import assert_well_formed, fuzz_examples, parse_or_refuse, time_limit
from .documents import (
    ENCODINGS,
    HTML_PIECES,
    TEXT_PIECES,
    WIKI_PIECES,
    html_article,
    pieces_text,
    text_article,
    truncations,
    wikitext_article,
)

FUZZ = settings(
    max_examples=fuzz_examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
PARSER_MODULES = {
    "text": "spector_refs.parse.text",
    "html": "spector_refs.parse.html",
    "wikitext": "spector_refs.parse.wikitext",
}
PIECES = {"text": TEXT_PIECES, "html": HTML_PIECES, "wikitext": WIKI_PIECES}
SAMPLES = {"text": text_article(6), "html": html_article(6), "wikitext": wikitext_article(6)}


def require_parser(fmt: str) -> None:
    """Skip visibly while a parser module has not landed yet."""
    pytest.importorskip(PARSER_MODULES[fmt], reason=f"{PARSER_MODULES[fmt]} is not written yet")


def require_detection() -> None:
    for fmt in PARSER_MODULES:
        require_parser(fmt)


@pytest.mark.parametrize("fmt", PARSER_MODULES)
def test_sample_documents_parse(fmt: str) -> None:
    """The generated samples are real articles for their parser (or the fuzzing below means little)."""
    require_parser(fmt)
    article = parse_or_refuse(SAMPLES[fmt], format=fmt)
    assert article is not None
    assert len(article.references) == 6, article.problems
    assert any(claim.refs for claim in article.claims)


@pytest.mark.parametrize("fmt", PARSER_MODULES)
@FUZZ
@given(text=st.text())
def test_arbitrary_text(fmt: str, text: str) -> None:
    require_parser(fmt)
    parse_or_refuse(text, format=fmt)


@pytest.mark.parametrize("fmt", PARSER_MODULES)
@FUZZ
@given(data=st.data())
def test_format_pieces(fmt: str, data: st.DataObject) -> None:
    """Markup pieces in any order: unbalanced brackets, quotes, tags, templates and headings."""
    require_parser(fmt)
    text = data.draw(pieces_text(PIECES[fmt]))
    parse_or_refuse(text, format=fmt)


@pytest.mark.parametrize("fmt", PARSER_MODULES)
@FUZZ
@given(data=st.data())
def test_truncated_documents(fmt: str, data: st.DataObject) -> None:
    """A document cut anywhere parses, and never yields more references than the whole one."""
    require_parser(fmt)
    text = data.draw(truncations(SAMPLES[fmt]))
    article = parse_or_refuse(text, format=fmt)
    if article is not None:
        assert len(article.references) <= 6


@FUZZ
@given(text=st.one_of(pieces_text(TEXT_PIECES), pieces_text(HTML_PIECES), pieces_text(WIKI_PIECES)))
def test_detected_format(text: str) -> None:
    """Without ``format=`` the detector picks a parser, and that parser survives the input."""
    require_detection()
    parse_or_refuse(text)


@FUZZ
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    require_detection()
    parse_or_refuse(data)


@FUZZ
@given(data=st.binary(max_size=400))
def test_decode_document_refuses_or_decodes(data: bytes) -> None:
    """Bytes become text or an InputError that names the input; never UnicodeDecodeError."""
    try:
        text = decode_document(data, name="doc.txt")
    except InputError as exc:
        assert str(exc).startswith("doc.txt: ")
        return
    assert isinstance(text, str) and text.strip()


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("fmt", PARSER_MODULES)
def test_wrong_encodings(fmt: str, encoding: str) -> None:
    """A document saved in another encoding reads the same text, or is refused as binary; never a crash.

    The decoded words are compared, not only counted: a Windows-1252 page
    must keep its en dash and euro sign (Latin-1 would make them invisible
    C1 controls), and a Latin-1 page its umlauts.
    """
    require_detection()
    text = SAMPLES[fmt].replace("Claim 1", "Claim Grüße – €5", 1)
    data = ENCODINGS[encoding](text)
    article = parse_or_refuse(data, format=fmt)
    decoded = {
        "latin-1": "Grüße ? ?5",  # Latin-1 has no dash or euro: the encoder wrote "?"
        "nul-every-100": None,
        "utf-32": None,
        "double-bom": None,
    }.get(encoding, "Grüße – €5")
    if decoded is None and encoding != "double-bom":
        assert article is None, "NUL bytes mean binary data and must be refused"
    elif decoded is not None:
        assert article is not None, f"{encoding} must be decoded"
        assert len(article.references) == 6
        (claim,) = [claim.text for claim in article.claims if "Claim Gr" in claim.text]
        assert decoded in claim, (encoding, claim)
        assert not any("\x80" <= ch <= "\x9f" for c in article.claims for ch in c.text), "C1 controls"


def _nested(fmt: str, depth: int) -> str:
    if fmt == "html":
        return "<div>" * depth + "Deep claim.[1]" + "</div>" * depth
    if fmt == "wikitext":
        return "{{a|" * depth + "x" + "}}" * depth + "\nDeep claim.<ref>{{cite web|title=T}}</ref>"
    return "(" * depth + "Deep claim.[1]" + ")" * depth


def _unbalanced(fmt: str, count: int) -> str:
    if fmt == "html":
        return '<p>Claim.<sup class="reference">[1]' + "<b><i><span>" * count + '<ol class="references"><li>'
    if fmt == "wikitext":
        return "Claim.<ref>{{cite web|title=" + "{{" * count + "[[" * count + "<ref>" * count
    return "Claim.[1" + "[" * count + '"' * count + "\nReferences edit\n1. ^ " + "(" * count


@pytest.mark.parametrize("fmt", PARSER_MODULES)
@pytest.mark.parametrize("depth", [100, 1000, 3000])
def test_deep_nesting(fmt: str, depth: int) -> None:
    """Deeply nested elements or templates: no RecursionError, no hang."""
    require_parser(fmt)
    parse_or_refuse(_nested(fmt, depth), format=fmt, limit=30)


@pytest.mark.parametrize("fmt", PARSER_MODULES)
@pytest.mark.parametrize("count", [1, 1000, 3000])
def test_unbalanced_markup(fmt: str, count: int) -> None:
    require_parser(fmt)
    parse_or_refuse(_unbalanced(fmt, count), format=fmt, limit=30)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("", id="empty"),
        pytest.param(" \n\t ", id="blank"),
        pytest.param("\ufeff", id="bom-only"),
        pytest.param("a" * 300 + ".txt", id="overlong-file-name"),
        pytest.param("x" * 300, id="overlong-word"),
        pytest.param("dir/" * 200 + "a.html", id="deep-missing-path"),
        pytest.param("a\x00b.txt", id="nul-in-name"),
        pytest.param("\udcff lone surrogate.[1]", id="lone-surrogate"),
    ],
)
def test_one_line_sources(source: str) -> None:
    """Short strings are tried as paths first: odd ones must not escape as OSError/ValueError."""
    require_detection()
    parse_or_refuse(source)


def test_refusals_are_spector_errors() -> None:
    """The refusals the library documents really are its own types."""
    for bad in (b"", b"\x00\x01\x02\x03" * 50, "   "):
        with pytest.raises(SpectorError), time_limit(10):
            importlib.import_module("spector_refs.parse").parse(bad)


def test_unknown_format_name_is_input_error() -> None:
    from spector_refs.parse import parse

    with pytest.raises(InputError, match="unknown input format"):
        parse("Claim.[1]", format="pdf")


def test_parsed_sample_shapes() -> None:
    """The invariant checker itself rejects a malformed article (it is not vacuous)."""
    from spector_refs.model import Article, Reference

    with pytest.raises(AssertionError):
        assert_well_formed(Article(title=None, source_format="text", references=(Reference(number=-1),)))
