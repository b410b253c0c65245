"""Reading input documents: bytes from a file or stdin, decoded to text.

Input may arrive as a path or as text, in any of the encodings a saved page
comes in (UTF-8 with or without BOM, UTF-16, Windows-1252/Latin-1). Binary data and empty
documents are refused with an :class:`InputError` naming the file. Writing
outputs is :mod:`spector_refs.output`'s job.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from spector_refs.errors import InputError

MAX_INPUT_BYTES = 64 * 1024 * 1024
# Latin-1 text → Windows-1252 text: bytes 0x80-0x9F are printable there, except five left undefined.
_CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
_WINDOWS_1252 = {
    byte: bytes([byte]).decode("cp1252") for byte in range(0x80, 0xA0) if byte not in _CP1252_UNDEFINED
}

_CONTROLS = dict.fromkeys(code for code in range(32) if chr(code) not in "\t\n\r\f\v")
"""The control characters that mark binary data (all but tab, line breaks and form feed), as a
``str.translate`` table that deletes them: counting what it removes is ~80× faster than a loop."""


def read_document(path: str | os.PathLike[str]) -> str:
    """The text of the file at ``path``, decoded; InputError if unusable."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{p}: is a directory, not an article")
        with p.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    except ValueError:
        raise InputError(f"{str(p)!r}: not a valid file name") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{p}: larger than {MAX_INPUT_BYTES // 2**20} MiB")
    return decode_document(data, name=str(p))


def decode_document(data: bytes, name: str = "input") -> str:
    """Decode bytes as a text document, refusing binary and empty data."""
    text = _decode(data)
    if text is None:
        raise InputError(f"{name}: binary data, not a text document")
    if not text.strip():
        raise InputError(f"{name}: empty document")
    return text


def _decode(data: bytes) -> str | None:
    """Honour a BOM, then try UTF-8, then Windows-1252; None for binary data.

    A page saved as "Latin-1" on Windows is Windows-1252: its dashes, quotes
    and euro sign sit where Latin-1 has invisible C1 controls, so browsers
    (WHATWG Encoding) read the label as Windows-1252; so do we. The five bytes
    it leaves undefined fall back to Latin-1, as in the WHATWG table.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _text_or_none(data.decode(encoding))
            except UnicodeDecodeError:
                return None
    if _looks_like_utf16(data):
        try:
            return _text_or_none(data.decode("utf-16-le" if data[1] == 0 else "utf-16-be"))
        except UnicodeDecodeError:
            return None
    try:
        return _text_or_none(data.decode("utf-8"))
    except UnicodeDecodeError:
        return _text_or_none(_windows_1252(data))


def _windows_1252(data: bytes) -> str:
    return data.decode("latin-1").translate(_WINDOWS_1252)


def _looks_like_utf16(data: bytes) -> bool:
    """BOM-less UTF-16 of Latin text has a NUL in every other byte."""
    sample = data[:200]
    if len(sample) < 4:
        return False
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    half = len(sample) // 2
    return max(odd, even) > 0.8 * half and min(odd, even) < 0.1 * half


def _text_or_none(text: str) -> str | None:
    """Binary data shows itself by NULs and control characters."""
    sample = text[:8192]
    if not sample:
        return text
    controls = len(sample) - len(sample.translate(_CONTROLS))
    if "\x00" in sample or controls > len(sample) * 0.05:
        return None
    return text
