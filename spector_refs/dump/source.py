"""Reading a MediaWiki XML dump as a stream of pages, and cutting it into partitions.

A dump is never held in memory: pages come one at a time out of ``mwxml``
(the Wikimedia dump library) reading a plain, gzip or bzip2 stream. A
*multistream* dump (bzip2 blocks of 100 pages with an index of their byte
offsets) is cut along its blocks, so a worker can decompress its own share;
any other dump is cut into runs of pages as the driver streams it. Either
way a partition is a small, picklable task with a stable number, which is
what makes a run resumable and the engines interchangeable.
"""

from __future__ import annotations

import bz2
import gzip
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, BinaryIO, cast

from spector_refs.errors import InputError

_FOOTER = b"</mediawiki>"
_HEADER_END = re.compile(rb"</siteinfo>\s*")


@dataclass(frozen=True)
class DumpPage:
    """The latest revision of one page, as the audit needs it."""

    title: str
    namespace: int
    page_id: int
    revision_id: int | None
    text: str


@dataclass(frozen=True)
class PageFilter:
    """Which pages a run audits: namespaces, redirects, and optionally a title list."""

    namespaces: frozenset[int] = frozenset({0})
    redirects: bool = False
    titles: frozenset[str] | None = None

    def wants(self, title: str, namespace: int, redirect: bool) -> bool:
        if namespace not in self.namespaces or (redirect and not self.redirects):
            return False
        return self.titles is None or title in self.titles


@dataclass(frozen=True)
class Partition:
    """One task: either pages the driver read, or compressed multistream blocks to read.

    ``size`` is the number of input bytes the partition covers, for the
    progress bar's estimate of the time left.
    """

    number: int
    size: int
    pages: tuple[DumpPage, ...] = ()
    header: bytes = b""
    blocks: bytes = b""

    def read(self, wanted: PageFilter) -> Iterator[DumpPage]:
        """The partition's wanted pages, decompressing its blocks if it has any."""
        if not self.blocks:
            yield from self.pages
            return
        body = bz2.decompress(self.blocks)
        end = body.rfind(_FOOTER)
        xml = self.header + (body[:end] if end >= 0 else body) + _FOOTER
        yield from iter_pages(io.BytesIO(xml), wanted)


@dataclass(frozen=True)
class Block:
    """A multistream block: its byte range and the titles of its pages."""

    offset: int
    length: int
    pages: int
    titles: tuple[str, ...] = field(default=())


def is_dump(path: str) -> bool:
    """Whether ``path`` is a MediaWiki XML dump or ``Special:Export`` file (by its first bytes)."""
    p = Path(path)
    if not p.is_file():
        return False
    try:
        with open_stream(p) as handle:
            head = handle.read(4096)
    except (OSError, EOFError):
        return False
    return b"<mediawiki" in head


def open_stream(path: Path) -> BinaryIO:
    """The decompressed bytes of a plain, gzip or bzip2 file (detected by magic number)."""
    with path.open("rb") as raw:
        magic = raw.read(3)
    if magic == b"BZh":
        return cast(BinaryIO, bz2.open(path, "rb"))
    if magic[:2] == b"\x1f\x8b":
        return cast(BinaryIO, gzip.open(path, "rb"))
    return path.open("rb")


def iter_pages(stream: IO[bytes], wanted: PageFilter) -> Iterator[DumpPage]:
    """Each wanted page with the text of its last revision, streamed by ``mwxml``."""
    # Here, not above: every ``audit`` asks is_dump, few read a dump. mwxml ships
    # no type information and no stubs package exists.
    import mwxml  # type: ignore[import-untyped]

    try:
        dump = mwxml.Dump.from_file(stream)
        for page in dump.pages:
            title = page.title.replace("_", " ")
            if not wanted.wants(title, page.namespace, page.redirect is not None):
                for _ in page:  # consume the revisions so the stream moves on
                    pass
                continue
            last = None
            for revision in page:
                last = revision
            if last is not None and last.text:
                yield DumpPage(title, page.namespace, page.id, last.id, last.text)
    except (mwxml.errors.MalformedXML, SyntaxError, EOFError, OSError, ValueError) as exc:
        raise InputError(f"dump: not a readable MediaWiki XML dump ({exc})") from None


def stream_partitions(path: Path, wanted: PageFilter, size: int, skip: set[int]) -> Iterator[Partition]:
    """Runs of ``size`` wanted pages, numbered from 0, read by the driver in one pass.

    Partitions in ``skip`` (finished by an earlier run) come out empty, so
    their pages are never held or sent anywhere but the progress still counts them.
    """
    with path.open("rb") as raw:
        stream = _decompressed(raw)
        batch: list[DumpPage] = []
        count, number, start = 0, 0, 0
        for page in iter_pages(stream, wanted):
            count += 1
            if number not in skip:
                batch.append(page)
            if count == size:
                yield Partition(number, raw.tell() - start, tuple(batch))
                count, number, start, batch = 0, number + 1, raw.tell(), []
        if count:
            yield Partition(number, raw.tell() - start, tuple(batch))


def _decompressed(raw: BinaryIO) -> BinaryIO:
    magic = raw.read(3)
    raw.seek(0)
    if magic == b"BZh":
        return cast(BinaryIO, bz2.BZ2File(raw))
    if magic[:2] == b"\x1f\x8b":
        return cast(BinaryIO, gzip.GzipFile(fileobj=raw))
    return raw


def find_index(path: Path) -> Path | None:
    """The index beside a multistream dump (``…-multistream-index.txt[.bz2]``), if there is one."""
    name = path.name
    for suffix in (".xml.bz2", ".bz2"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            for candidate in (f"{stem}-index.txt.bz2", f"{stem}-index.txt"):
                if (path.parent / candidate).is_file():
                    return path.parent / candidate
    return None


def read_index(index: Path, dump_size: int, *, keep_titles: bool) -> list[Block]:
    """The dump's blocks from its index (``offset:page_id:title`` per line), in file order."""
    offsets: list[int] = []
    counts: list[int] = []
    titles: list[list[str]] = []
    try:
        with open_stream(index) as handle:
            for line in io.TextIOWrapper(handle, encoding="utf-8"):
                offset_text, _, rest = line.partition(":")
                offset = int(offset_text)
                if not offsets or offsets[-1] != offset:
                    offsets.append(offset)
                    counts.append(0)
                    titles.append([])
                counts[-1] += 1
                if keep_titles:
                    titles[-1].append(rest.partition(":")[2].rstrip("\n"))
    except (OSError, EOFError, ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{index}: not a multistream index ({exc})") from None
    if not offsets or offsets != sorted(offsets) or offsets[-1] >= dump_size:
        raise InputError(f"{index}: does not describe this dump (offsets out of order or past its end)")
    ends = [*offsets[1:], dump_size]
    return [
        Block(start, end - start, count, tuple(names))
        for start, end, count, names in zip(offsets, ends, counts, titles, strict=True)
    ]


def multistream_partitions(
    path: Path, blocks: list[Block], wanted: PageFilter, size: int, skip: set[int]
) -> Iterator[Partition]:
    """Runs of whole blocks holding about ``size`` pages; workers decompress them.

    With a title list only the blocks holding one of the titles are read at all.
    """
    if wanted.titles is not None:
        blocks = [b for b in blocks if any(t in wanted.titles for t in b.titles)]
    with path.open("rb") as raw:
        header = _header(raw, blocks[0].offset if blocks else 0)
        group: list[Block] = []
        number = 0
        for block in blocks:
            group.append(block)
            if sum(b.pages for b in group) >= size:
                yield _block_partition(raw, number, group, header, load=number not in skip)
                number, group = number + 1, []
        if group:
            yield _block_partition(raw, number, group, header, load=number not in skip)


def _header(raw: IO[bytes], first_block: int) -> bytes:
    """The ``<mediawiki>`` opening and ``<siteinfo>`` of the dump: its first bzip2 stream."""
    raw.seek(0)
    try:
        text = bz2.decompress(raw.read(first_block))
    except (OSError, ValueError) as exc:
        raise InputError(f"dump: its first bzip2 stream is unreadable ({exc})") from None
    end = _HEADER_END.search(text)
    if end is None or b"<mediawiki" not in text:
        raise InputError("dump: the first bzip2 stream holds no <mediawiki> header; is the index its own?")
    return text[: end.end()]


def _block_partition(
    raw: IO[bytes], number: int, group: list[Block], header: bytes, *, load: bool
) -> Partition:
    size = sum(b.length for b in group)
    if not load:
        return Partition(number, size)
    chunks = []
    for block in group:
        raw.seek(block.offset)
        chunks.append(raw.read(block.length))
    return Partition(number, size, header=header, blocks=b"".join(chunks))
