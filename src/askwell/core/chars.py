"""Characters that must not be stored (NUL, lone surrogates, controls) or reach a terminal raw."""

from __future__ import annotations

import re

# C0 controls except tab, newline and carriage return; DEL and the C1 controls; lone surrogates
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# what a terminal must not receive raw: the above plus carriage return and explicit bidi
# overrides and isolates (they can reorder what a line appears to say)
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")

NAMES = {"\x00": "a NUL character", "\x1b": "an escape character"}


def bad_character(text: str) -> str | None:
    """Return a description of the first character that cannot be stored, or None."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        return f"a lone surrogate (U+{ord(char):04X})"
    return NAMES.get(char, f"a control character (U+{ord(char):04X})")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable(text: str, *, json: bool = False) -> str:
    """Return `text` with control characters, lone surrogates and bidi overrides made visible.

    With `json=True` the text is a JSON document (whose encoder already escaped C0 controls):
    the rest become \\uXXXX escapes, so the document stays valid and decodes to the same data.
    """
    if json:
        return _JSON_UNSAFE.sub(_json_escape, text)
    return _UNPRINTABLE.sub(_escape, text)
