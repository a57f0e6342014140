"""The first-word index finds exactly what a plain regex scan finds."""

from __future__ import annotations

import re

import pytest

from askwell.core.coach.lexicon import Lexicon, first_words
from askwell.core.coach.text import compile_words

TEXTS = (
    "Thanks so much! Could you help? I'm sorry, apologise again. self-harm, 15 minutes",
    "İstanbul THANK YOU, could You? plz pleeease 42 mins",
    "don't you're you've I'm I'd  \n\n could\tyou",
    "",
)


def test_first_words_expands_branches_and_options() -> None:
    pattern = re.compile(r"(?<![\w'])(?:(?:could|can) you|thanks?|apologi[sz]e\w*)", re.I)
    heads = first_words(pattern)
    assert heads is not None
    words, prefixes = heads
    assert {"could", "can", "thank", "thanks"} <= words
    assert {"apologise", "apologize"} <= prefixes


def test_first_words_gives_up_on_unknown_starts() -> None:
    assert first_words(re.compile(r"\$\d+")) is None


@pytest.mark.parametrize("text", TEXTS)
def test_lexicon_matches_plain_scan(text: str) -> None:
    lexicon = compile_words(
        r"thanks?(?: you)?",
        r"(?:could|can) you",
        r"I(?:'m| am)",
        r"apologi[sz]e\w*",
        r"self[- ]harm",
        r"\d+ min(?:ute)?s?",
        r"ple+a+s+e+",
        r"plz",
    )
    assert isinstance(lexicon, Lexicon)
    expected = [m.span() for m in lexicon.pattern.finditer(text)]
    assert lexicon.spans(text) == expected
    assert [m.span() for m in lexicon.finditer(text)] == expected
