"""What every input format shares: the vocabulary of a Wikipedia article's citations.

The text, HTML and wikitext readers all cut prose into claims with the same
token stream and sentence splitter (:mod:`.tokens`), read CS1 citations with
the same grammar and template fields (:mod:`.cs1`, :mod:`.cs1_book`,
:mod:`.cs1_template`), reduce wiki markup to reader text the same way
(:mod:`.markup`, since Parsoid HTML carries the editor's wikitext too), and
share names, cleanup tags, list labels and section headings. Nothing here
imports a format package, so the formats can only agree.
"""
