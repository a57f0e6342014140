"""Text helpers for the coach: sentence spans, pattern search, the analysed document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from askwell.core.coach.lexicon import Lexicon

Span = tuple[int, int]

_SENTENCE = re.compile(r"[^\s.!?][^.!?\n]*[.!?]*[\"')\]]*|[.!?]+")
_WORD = re.compile(r"\w+(?:'\w+)?")


def compile_words(*phrases: str) -> Lexicon:
    """Compile phrases (regex fragments) into one case-insensitive whole-word pattern."""
    return Lexicon(re.compile(r"(?<![\w'])(?:" + "|".join(phrases) + r")(?![\w'])", re.IGNORECASE))


def spans(pattern: Lexicon, text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Return the [start, end) spans of every match of `pattern` in text[start:end]."""
    return pattern.spans(text, start, end)


def sentence_spans(text: str) -> list[Span]:
    """Split text into sentence spans with surrounding whitespace trimmed."""
    out: list[Span] = []
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        if text[end - 1].isspace():
            end = start + len(text[start:end].rstrip())
        out.append((start, end))
    return out


@dataclass
class Doc:
    """A text analysed once and shared by every rule."""

    text: str
    channel: str | None = None
    sentences: list[Span] = field(init=False)

    def __post_init__(self) -> None:
        self.sentences = sentence_spans(self.text)

    @cached_property
    def words(self) -> list[Span]:
        """Spans of the words in the text."""
        return [m.span() for m in _WORD.finditer(self.text)]

    @property
    def n_words(self) -> int:
        """Number of words."""
        return len(self.words)

    def sentence(self, span: Span) -> str:
        """Return the text of one span."""
        return self.text[span[0] : span[1]]

    def sentence_of(self, pos: int) -> Span | None:
        """Return the sentence span containing character `pos`."""
        for s in self.sentences:
            if s[0] <= pos < s[1]:
                return s
        return None

    def words_between(self, start: int, end: int) -> int:
        """Count words whose start lies in [start, end)."""
        return sum(1 for w in self.words if start <= w[0] < end)

    @cached_property
    def parts(self) -> dict[str, list[Span]]:
        """Spans of the parts of a request (see `parts.find_parts`)."""
        from askwell.core.coach.parts import find_parts

        return find_parts(self)
