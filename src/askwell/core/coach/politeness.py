"""Politeness strategies (after Danescu-Niculescu-Mizil et al. 2013) and the politeness estimate."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import pairwise, repeat
from typing import Any

from askwell.core.coach.lexicon import Lexicon
from askwell.core.coach.pieces import wordpieces
from askwell.core.coach.text import Span, compile_words

_SENT_START = re.compile(r"(?:^|[.!?\n]\s*)([\"'(]*)(\w+(?:'\w+)?)", re.MULTILINE)
# The same matches after position 0: a line start is always just after a "\n" that can start
# the match one character earlier, so the leading character class alone (fast to scan) will do.
_AFTER_START = re.compile(r"[.!?\n]\s*([\"'(]*)(\w+(?:'\w+)?)")

STRATEGY_PATTERNS: dict[str, Lexicon] = {
    "gratitude": compile_words(r"thanks?", r"thank-you", r"grateful", r"apprecia\w+", r"cheers"),
    "deference": compile_words(
        r"(?:great|good|nice|interesting|cool|excellent|awesome|fantastic|brilliant|wonderful)"
        r" (?:work|job|point|question|idea|answer|catch|article|edit|edits|post|suggestion)",
        r"you(?:'re| are) right",
        r"(?:well|nicely) (?:done|put|said|written)",
        r"with (?:all due )?respect",
    ),
    "please": compile_words(r"please", r"pls", r"plz"),
    "apologizing": compile_words(
        r"sorry",
        r"apologi[sz]e\w*",
        r"apologies",
        r"excuse me",
        r"forgive me",
        r"pardon",
        r"oops",
        r"woops",
        r"my (?:bad|mistake)",
    ),
    "hedges": compile_words(
        r"think",
        r"thought",
        r"believe",
        r"suppose",
        r"perhaps",
        r"maybe",
        r"might",
        r"possibly",
        r"probably",
        r"seems?",
        r"apparently",
        r"somewhat",
        r"I guess",
        r"(?<!what )kind of",
        r"sort of",
        r"should",
        r"possible",
        r"rather",
        r"quite",
        r"may",
        r"wonder(?:ing|ed)?",
        r"assume",
        r"suggest",
        r"presumably",
        r"a bit",
        r"a little",
        r"if possible",
        r"I'm not sure",
        r"unless I'm",
    ),
    "indirect_btw": compile_words(r"by the way", r"btw", r"incidentally"),
    "counterfactual": compile_words(r"(?:could|would) you", r"would it be", r"could (?:we|I)"),
    "indicative": compile_words(r"(?:can|will) you", r"can (?:we|I)"),
    "factuality": compile_words(
        r"in fact",
        r"actually",
        r"the (?:point|reality|truth|fact) is",
        r"really",
        r"obviously",
        r"clearly",
        r"of course",
        r"surely",
    ),
    "first_person": compile_words(
        r"I(?!\.\w\.)", r"me", r"my", r"mine", r"myself", r"I'm", r"I've", r"I'd", r"I'll"
    ),
    "first_person_plural": compile_words(r"we", r"us", r"our", r"ours", r"we're", r"let's"),
    "second_person": compile_words(
        r"you", r"your", r"yours", r"yourself", r"you're", r"you've", r"you'd", r"you'll", r"u"
    ),
    "positive": compile_words(
        r"good",
        r"great",
        r"nice",
        r"helpful",
        r"useful",
        r"interesting",
        r"excellent",
        r"awesome",
        r"glad",
        r"happy",
        r"love",
        r"like",
        r"best",
        r"better",
        r"well",
        r"welcome",
        r"(?<!what )kind(?! of)",
        r"kindly",
        r"clear",
        r"correct",
        r"right",
        r"fine",
        r"fair",
        r"hope",
        r"enjoy",
        r"fantastic",
        r"wonderful",
        r"brilliant",
        r"perfect",
        r"pleased",
        r"impressive",
        r"agree",
        r"valuable",
        r"elegant",
        r"neat",
        r"cool",
        r"(?<!not )(?<!n't )sure",
        r"support",
        r"improve",
    ),
    "negative": compile_words(
        r"wrong",
        r"bad",
        r"worse",
        r"worst",
        r"stupid",
        r"dumb",
        r"silly",
        r"ridiculous",
        r"nonsense",
        r"useless",
        r"pointless",
        r"terrible",
        r"awful",
        r"horrible",
        r"hate",
        r"annoying",
        r"rude",
        r"lazy",
        r"fail\w*",
        r"broken",
        r"mess",
        r"garbage",
        r"crap",
        r"idiot\w*",
        r"incorrect",
        r"vandal\w*",
        r"spam",
        r"problem",
        r"issue",
        r"error",
        r"confus\w*",
        r"unclear",
        r"disagree",
        r"complain\w*",
        r"blame",
        r"never",
        r"nobody",
        r"delete\w*",
        r"remove\w*",
        r"revert\w*",
        r"waste",
        r"ignore\w*",
        r"bias\w*",
    ),
}
_START_WORDS: dict[str, frozenset[str]] = {
    "greeting": frozenset({"hi", "hello", "hey", "hiya", "dear", "greetings", "howdy"}),
    "please_start": frozenset({"please", "pls", "plz"}),
    "direct_question": frozenset({"what", "why", "who", "how", "where", "when", "which"}),
    "direct_start": frozenset({"so", "then", "and", "but", "or", "well", "also"}),
    "first_person_start": frozenset({"i", "my", "me", "i'm", "i've", "i'd", "i'll", "mine"}),
    "second_person_start": frozenset({"you", "your", "you're", "you've", "you'd", "you'll"}),
}
_START_INDEX: dict[str, tuple[str, ...]] = {
    word: tuple(name for name, words in _START_WORDS.items() if word in words)
    for word in set().union(*_START_WORDS.values())
}
STRATEGY_NAMES: tuple[str, ...] = tuple(STRATEGY_PATTERNS) + tuple(_START_WORDS)
_TOKEN = re.compile(r"\w+(?:'\w+)?|[?!]")
_GOOD_TIME = re.compile(r"\s+(?:morning|afternoon|evening|day)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Strategy:
    """One politeness strategy found in a text, with where it occurs."""

    name: str
    spans: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        return {"name": self.name, "spans": [list(s) for s in self.spans]}


def _sentence_starts(text: str) -> list[re.Match[str]]:
    """Return the matches of `_SENT_START` in text (a faster scan, the same matches)."""
    first = _SENT_START.match(text)
    rest = _AFTER_START.finditer(text, first.end() if first else 0)
    return [first, *rest] if first else list(rest)


def find_strategies(text: str) -> list[Strategy]:
    """Return the politeness strategies used in `text`, in a fixed order."""
    found: dict[str, list[Span]] = {}
    for name, pattern in STRATEGY_PATTERNS.items():
        hits = pattern.spans(text)
        if hits:
            found[name] = hits
    for m in _sentence_starts(text):
        for name in _START_INDEX.get(m[2].lower(), ()):
            found.setdefault(name, []).append(m.span(2))
        if m[2].lower() == "good" and _GOOD_TIME.match(text, m.end(2)):  # not "Good question"
            found.setdefault("greeting", []).append(m.span(2))
    return [Strategy(name, tuple(found[name])) for name in STRATEGY_NAMES if name in found]


def tokens(text: str) -> list[str]:
    """Return the model's tokens: a start marker, then lower-cased words, "?" and "!"."""
    return ["<s>", *_TOKEN.findall(text.lower())]


def features(text: str, strategies: list[Strategy]) -> set[str]:
    """Return the binary features of the politeness model (strategies + word uni/bigrams)."""
    tokens = ["<s>", *_TOKEN.findall(text.lower())]
    feats = {"s:" + s.name for s in strategies}
    feats.update("w:" + t for t in tokens)
    feats.update("b:" + a + " " + b for a, b in pairwise(tokens))
    return feats


def sigmoid(z: float) -> float:
    """Return the logistic function of z, safe for large |z|."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def linear_score(
    feats: set[str], model: dict[str, Any], piece_tokens: list[str] | None = None
) -> float:
    """Return bias + the sum of weights of the features present (+ the mean piece score)."""
    weights: dict[str, float] = model["weights"]
    z = float(model["bias"]) + sum(map(weights.get, feats, repeat(0.0, len(feats))))
    table: dict[str, float] | None = model.get("pieces")
    if table and piece_tokens is not None:
        found = [p for t in piece_tokens for p in wordpieces(t, table)]
        z += sum(table[p] for p in found) / len(found) if found else 0.0
    return z


def estimate(
    text: str,
    strategies: list[Strategy],
    *,
    words: list[str] | None = None,
    word_total: float | None = None,
) -> float:
    """Return the probability that `text` would be rated polite rather than impolite.

    `words`, when given, are `strength.tokens(text)` (the same tokens plus "$"), shared, and
    `word_total` the sum of this model's weights of the distinct `words` (`weights.word_totals`).
    """
    from askwell.core.coach.weights import load_linear

    model = load_linear("politeness")
    if words is None:
        words = _TOKEN.findall(text.lower())
    elif "$" in text:
        words = [w for w in words if w != "$"]
        if word_total is not None:
            word_total -= model.words.get("$", 0.0)
    if word_total is not None:
        word_total += model.words.get("<s>", 0.0)
    names = ["s:" + s.name for s in strategies]
    return sigmoid(model.score(["<s>", *words], names, words, word_total=word_total))
