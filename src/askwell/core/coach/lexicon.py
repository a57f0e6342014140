"""Whole-word phrase lists as plain compiled regular expressions, and the model tokens.

The coach's findings are learned (findings.py); the phrase lists that remain (politeness
strategies, strength cues, request parts) are small, and a plain `re` scan over a request is
fast enough for live coaching (bench/coach.py), so there is no index or cache here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_WORDS_AND_MARKS = re.compile(r"\w+(?:'\w+)?|[?!$]")


class Lexicon:
    """A compiled whole-word pattern and the phrases it was joined from."""

    def __init__(self, pattern: re.Pattern[str], phrases: Sequence[str] = ()) -> None:
        self.pattern = pattern
        self.phrases = tuple(phrases)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Yield non-overlapping matches in text[pos:endpos], like re.Pattern.finditer."""
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def spans(self, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
        """Return the spans of the non-empty matches in text[pos:endpos]."""
        return [m.span() for m in self.finditer(text, pos, endpos) if m.end() > m.start()]

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """Return the first match in text[pos:endpos], or None."""
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)


def words(text: str) -> list[str]:
    """Return the lower-cased words (at most one inner apostrophe) and "?", "!", "$" of `text`."""
    return _WORDS_AND_MARKS.findall(text.lower())
