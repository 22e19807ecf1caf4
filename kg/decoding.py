"""A file's bytes as text, or :class:`Refused` with the reason.

What a document's text is: the file decoded (UTF-8, a UTF-8/16/32 byte order mark
honoured, else cp1252, which covers latin-1 text), the byte order mark dropped,
every line break (CRLF, lone CR, NEL, U+2028/2029, VT, FF) made ``\\n``, and each
other control character (NUL...) or unpaired surrogate replaced by U+FFFD, one
character for one. Binary files (a PDF or image renamed ``.txt``: magic bytes, or
more than 5% control characters) and text in no known encoding are refused.
"""
from __future__ import annotations

import codecs
import re

__all__ = ["Refused", "decode", "clean_text", "declared_charset", "BINARY_SHARE"]

#: More control characters than this share of the text: binary data, not text.
BINARY_SHARE = 0.05

_MAGIC = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"PK\x03\x04", "a ZIP archive, DOCX or EPUB"),
    (b"\x1f\x8b", "gzip-compressed data"), (b"\x7fELF", "an executable"), (b"BZh9", "bzip2-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"), (b"SQLite format 3\x00", "an SQLite database"), (b"OggS", "an Ogg file"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"wOFF", "a web font"), (b"wOF2", "a web font"),
    (b"fLaC", "a FLAC file"), (b"\xfd7zXZ\x00", "xz-compressed data"), (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_BREAKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class Refused(Exception):
    """Why a document is not read (the message is the reason, without the file name)."""


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[4:8] == b"ftyp":
        return "an MP4/MOV/HEIC file"
    if data[:3] == b"ID3" and data[3:4] in (b"\x02", b"\x03", b"\x04"):
        return "an MP3 file"
    if data[:4] == b"RIFF" and data[8:12] in (b"WAVE", b"WEBP", b"AVI "):
        return "a RIFF file (WAV, WebP or AVI)"
    return None


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    r"""Line breaks of every kind as ``\n``; other control characters as U+FFFD.

    Raises :class:`Refused` when control characters are more than
    :data:`BINARY_SHARE` of the text (binary data).

    >>> clean_text("Satu\r\ndua\rtiga\x00 empat lima enam tujuh")
    ('Satu\ndua\ntiga\ufffd empat lima enam tujuh', ('1 control character (U+0000) replaced by U+FFFD',))
    """
    text = text.replace("\r\n", "\n").translate(_BREAKS)
    bad = _CONTROL.findall(text)
    if not bad:
        return text, ()
    if len(bad) > BINARY_SHARE * len(text):
        kinds = ", ".join(sorted({f"U+{ord(c):04X}" for c in bad})[:3])
        raise Refused(f"binary data ({len(bad):,} control character{'s' if len(bad) > 1 else ''} such as {kinds} "
                      f"in {len(text):,}), not text")
    kinds = ", ".join(sorted({f"U+{ord(c):04X}" for c in bad})[:3])
    note = f"{len(bad)} control character{'s' if len(bad) > 1 else ''} ({kinds}) replaced by U+FFFD"
    return _CONTROL.sub("\ufffd", text), (note,)


def decode(data: bytes, declared: str | None = None) -> tuple[str, tuple[str, ...]]:
    """``(text, notes)`` of a file's bytes, cleaned by :func:`clean_text`; :class:`Refused` says why not.

    UTF-8 first (a byte order mark, UTF-8/16/32, decides instead when there is
    one; ``declared``, an HTML page's charset, before UTF-8), then cp1252, which
    also covers latin-1 text. cp1252 is only accepted when the result looks like
    Latin-script text (at most 30% non-ASCII characters); otherwise the file is
    refused as being in an unknown encoding.

    >>> decode("Kata “kutip” café".encode("cp1252"))
    ('Kata “kutip” café', ('decoded as cp1252: not UTF-8 (byte 0x93 at offset 5)',))
    """
    kind = _binary_kind(data)
    if kind:
        raise Refused(f"binary file ({kind}), not text")
    notes: tuple[str, ...] = ()
    text = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise Refused(f"not valid {codec.replace('-sig', '')} despite its byte order mark "
                              f"(offset {e.start})") from None
            text = text.lstrip("\ufeff")
            break
    if text is None and declared:
        codec = _codec(declared)
        if codec and codec not in ("utf-8", "cp1252"):
            try:
                text = data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                notes += (f"the page says charset={declared} but is not; decoded by content",)
    if text is None:
        controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
        if controls > BINARY_SHARE * len(data):
            odd, even = data[1::2].count(0), data[0::2].count(0)
            if max(odd, even) > 0.4 * len(data) / 2 and min(odd, even) < 0.05 * len(data) / 2:
                raise Refused(f"binary data or UTF-16 without a byte order mark ({odd + even:,} NUL bytes "
                              f"in {len(data):,}), not text")
            raise Refused(f"binary data ({controls:,} control bytes in {len(data):,}), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            why = f"not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})"
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as e2:
                raise Refused(f"not text in a known encoding: {why}, nor cp1252 "
                              f"(byte 0x{data[e2.start]:02x} at offset {e2.start})") from None
            letters = [c for c in text if not c.isspace()]
            share = sum(ord(c) > 127 for c in letters) / max(1, len(letters))
            if share > 0.3:
                raise Refused(f"not text in a known encoding: {why}; as cp1252 {share:.0%} of it "
                              "would be non-ASCII") from None
            notes += (f"decoded as cp1252: {why}",)
    text, more = clean_text(text)
    return text, notes + more


def _codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # browsers read latin-1 and ASCII labels as windows-1252 (WHATWG Encoding)
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii", "cp1252") else codec


def declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None
