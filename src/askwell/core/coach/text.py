"""Text helpers for the coach: sentence spans, pattern search, the analysed document."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar, cast

from askwell.core.coach.lexicon import Lexicon

Span = tuple[int, int]
T = TypeVar("T")

_SENTENCE = re.compile(r"[^\s.!?][^.!?\n]*[.!?]*[\"')\]]*|[.!?]+")
_WORD = re.compile(r"\w+(?:'\w+)?")


def compile_words(*phrases: str) -> Lexicon:
    """Compile phrases (regex fragments) into one case-insensitive whole-word pattern."""
    pattern = re.compile(r"(?<![\w'])(?:" + "|".join(phrases) + r")(?![\w'])", re.IGNORECASE)
    return Lexicon(pattern, phrases)


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

    memo: dict[str, Any] = field(init=False, default_factory=dict)

    @cached_property
    def n_words(self) -> int:
        """Number of words."""
        return len(_WORD.findall(self.text))

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
        """Count the words in text[start:end]."""
        return len(_WORD.findall(self.text, start, end))

    def once(self, key: str, compute: Callable[[Doc], T]) -> T:
        """Compute a per-text value once and share it between rules."""
        if key not in self.memo:
            self.memo[key] = compute(self)
        return cast(T, self.memo[key])

    @cached_property
    def learned(self) -> dict[str, Any]:
        """Every learned label's result for this text (findings.py), computed once."""
        from askwell.core.coach.findings import LabelResult, predict
        from askwell.core.coach.findings_labels import LABELS

        if not self.text.strip():
            return {n: LabelResult(n, 0.0, 1.0, None) for n in LABELS}
        return dict(predict(self.text))

    @cached_property
    def parts(self) -> dict[str, list[Span]]:
        """Spans of the parts of a request (see `parts.find_parts`)."""
        from askwell.core.coach.parts import find_parts

        return find_parts(self)
