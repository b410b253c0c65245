"""The three readers share one vocabulary of appendix sections (parse.core.sections).

The same page in wikitext, rendered HTML and copied text must skip the same
sections for claims and read the same "General references" as sources;
before the vocabulary was shared, wikitext read a Discography as prose and
the HTML and text readers read General references as prose.
"""

from __future__ import annotations

import pytest

from spector_refs.model import Article
from spector_refs.parse.html import parse_html
from spector_refs.parse.text import parse_text
from spector_refs.parse.wikitext import parse_wikitext

WIKITEXT = """'''Acme''' makes anvils.<ref>{{cite web|title=Anvil prices|url=https://a.example/p}}</ref>

== Discography ==
* ''Anvil Songs'' (1999) was a hit record.

== References ==
{{reflist}}

== General references ==
* {{cite book|last=Smith|first=Jane|title=Anvils of the World|year=2001}}
"""
HTML = """<html><body>
<p><b>Acme</b> makes anvils.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<h2>Discography</h2><ul><li><i>Anvil Songs</i> (1999) was a hit record.</li></ul>
<h2>References</h2><div class="reflist"><ol class="references"><li id="cite_note-1">
<span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span>
<span class="reference-text"><cite class="citation web cs1"><a class="external text"
href="https://a.example/p">"Anvil prices"</a>.</cite></span></li></ol></div>
<h2>General references</h2><ul><li><cite class="citation book cs1">Smith, Jane (2001).
<i>Anvils of the World</i>.</cite></li></ul>
</body></html>"""
TEXT = """Acme
Acme makes anvils.[1]
Discography edit
• Anvil Songs (1999) was a hit record.
References edit
1. ^ "Anvil prices".
General references edit
• Smith, Jane (2001). Anvils of the World.
"""
ARTICLES = {
    "wikitext": lambda: parse_wikitext(WIKITEXT),
    "html": lambda: parse_html(HTML),
    "text": lambda: parse_text(TEXT),
}


@pytest.mark.parametrize("fmt", ARTICLES)
def test_non_prose_sections_make_no_claims(fmt: str) -> None:
    article: Article = ARTICLES[fmt]()
    assert not [claim.text for claim in article.claims if "hit record" in claim.text]
    assert any(claim.text.endswith("makes anvils.") and claim.refs == (1,) for claim in article.claims)


@pytest.mark.parametrize("fmt", ARTICLES)
def test_general_references_are_sources(fmt: str) -> None:
    article: Article = ARTICLES[fmt]()
    sources = [ref for ref in article.references if ref.group == "sources"]
    assert [(ref.title, ref.date) for ref in sources] == [("Anvils of the World", "2001")]
    assert not [claim.text for claim in article.claims if "Anvils of the World" in claim.text]
