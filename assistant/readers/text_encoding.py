"""Decode a text file the way French fiches and CVs are actually saved: UTF-8 first, else Windows-1252 (what
Word and Notepad write on a French Windows), else latin-1.

Windows-1252 comes before latin-1 because it is latin-1 with printable characters French needs (œ, ’, …)
where latin-1 has control codes nobody types: a plain latin-1 file decodes identically, a Windows one gets
its œ instead of a control code. Latin-1 decodes any bytes, so it is the last resort for the five bytes
Windows-1252 leaves undefined. A NUL byte means a binary file (or UTF-16 without its mark): not text.
"""

from __future__ import annotations

import codecs

FALLBACKS = ("cp1252", "latin-1")


def decode_text(raw: bytes) -> str | None:
    """The text of these bytes, or None when they are not text (binary content)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in raw:
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACKS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None  # not reached: latin-1 decodes every byte
