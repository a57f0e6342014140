"""The coach's shortcuts give exactly what the plain computations give."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from askwell.core.coach import check, lexicon, politeness, strength
from askwell.core.coach.lexicon import first_words, heads
from askwell.core.coach.pieces import PieceScorer
from askwell.core.coach.rules.ask import _FILLER, content_words
from askwell.core.coach.text import compile_words, sentence_spans
from askwell.core.coach.weights import LinearModel, load_linear, word_totals

EDGES = (
    "",
    "?!",
    "I'm sorry, I don't know. Could you help me? Thanks!",
    "'tis rock'n'roll, the dogs' ball; it''s odd. don't-you-dare?",
    "Could you lend me $50 until Friday? $ 20$ and $$5. I'll pay it back, I promise.",
    "Hi Sam,\n\nI'm begging you!!! You never reply... Please please help ASAP.",
    "İstanbul THANK YOU, could You? plz pleeease 42 mins; ß ǅ Σ.",
    "You're my only hope. Everyone else already helped. Why not me?",
    "Would you have 15 minutes this week? No worries if not. I know you ran the migration.",
)


def texts(real: dict[str, str]) -> list[str]:
    return [*EDGES, *list(real.values())[::40]]


def test_fast_paths_every_lexicon_matches_a_plain_scan(real: dict[str, str]) -> None:
    for text in texts(real):
        for lex in list(lexicon._LEXICONS):
            plain = [m.span() for m in lex.pattern.finditer(text) if m.end() > m.start()]
            assert lex.spans(text) == plain, (lex.pattern.pattern[:60], text[:80])


def test_fast_paths_lexicon_search_within_sentences(real: dict[str, str]) -> None:
    for text in texts(real):
        for start, end in sentence_spans(text):
            for lex in list(lexicon._LEXICONS):
                found = lex.search(text, start, end)
                plain = lex.pattern.search(text, start, end)
                assert (found and found.span()) == (plain and plain.span())


def test_fast_paths_lexicon_anchors_on_a_leading_symbol() -> None:
    assert heads(re.compile(r"\$\d+")) == (frozenset(), frozenset(), frozenset("$"))
    assert first_words(re.compile(r"\$\d+")) is None
    money = compile_words(r"\$\d+", r"dollars?")
    assert money.indexed
    assert money.spans("lend me $50 or 20 dollars, $x") == [(8, 11), (18, 25)]


def test_fast_paths_lexicon_phrases_split_by_first_word() -> None:
    lex = compile_words(r"I beg(?: of)? you", r"(?:I|we) have no one else", r"please")
    text = "I have no one else. I beg of you, please. We beg you."
    assert lex.spans(text) == [(0, 18), (20, 32), (34, 40)]
    assert lex.search(text, 1) is not None and lex.search(text, 41) is None


def test_fast_paths_lexicon_words_equal_the_model_tokens(real: dict[str, str]) -> None:
    token = re.compile(r"\w+(?:'\w+)?|[?!$]")
    for text in texts(real):
        assert lexicon.words(text) == token.findall(text.lower())
        assert strength.tokens(text) == token.findall(text.lower())


def test_fast_paths_sentence_starts_equal_a_plain_scan(real: dict[str, str]) -> None:
    for text in [*texts(real), "\n\nhi.\n you", ". ?! 'well'", "a\nb\n\n.c"]:
        plain = [m.span(2) for m in politeness._SENT_START.finditer(text)]
        assert [m.span(2) for m in politeness._sentence_starts(text)] == plain


def test_fast_paths_check_equals_the_standalone_estimates(real: dict[str, str]) -> None:
    for text in texts(real):
        report = check(text)
        if report.crisis:
            continue
        polite = politeness.estimate(text, politeness.find_strategies(text))
        strong, cues = strength.estimate(text)
        assert report.politeness == pytest.approx(round(polite, 4), abs=1e-9)
        assert report.strength == pytest.approx(round(strong, 4), abs=1e-9)
        assert list(report.strength_cues) == cues


def test_fast_paths_bigrams_count_once_and_words_total_in_one_pass() -> None:
    model = LinearModel(0.5, {"a": 1.0, "b": 2.0}, {("a", "b"): 0.25, ("b", "a"): 4.0}, {})
    tokens = ["a", "b", "a", "b", "c", "a"]
    plain = 0.5 + 3.0 + sum(model.bigrams.get(p, 0.0) for p in set(pairwise(tokens)))
    assert model.score(tokens, []) == pytest.approx(plain, abs=1e-12)
    assert model.score(tokens, [], word_total=3.0) == pytest.approx(plain, abs=1e-12)
    words = ["thanks", "please", "$", "thanks", "zzz"]
    polite, strong = load_linear("politeness").words, load_linear("strength").words
    expected = (
        sum(polite.get(w, 0.0) for w in set(words)),
        sum(strong.get(w, 0.0) for w in set(words)),
    )
    assert word_totals("politeness", "strength", words) == pytest.approx(expected, abs=1e-12)


def test_fast_paths_piece_cache_sums_exactly() -> None:
    scores = {"un": 0.1, "##bel": 0.2, "i": 0.3, "'": 0.7, "m": 1e-3}
    scorer = PieceScorer(scores)
    tokens = ["i'm", "unbel", "zzz", "i'm"] * 3
    per_word = {"i'm": (0.3 + 0.7 + 1e-3, 3), "unbel": (0.1 + 0.2, 2), "zzz": (0, 0)}
    expected = sum(per_word[t][0] for t in tokens) / sum(per_word[t][1] for t in tokens)
    assert scorer.mean(tokens) == expected
    assert scorer.mean(tokens) == expected  # from the cache


def test_fast_paths_content_words_skip_filler_and_single_letters() -> None:
    text = "Could you review the x-ray of my cat's paw, a b c, by Friday?"
    plain = sum(
        1 for w in re.findall(r"[a-z][a-z']*", text.lower()) if w not in _FILLER and len(w) > 1
    )
    assert content_words(text) == plain == 5  # review, ray, cat's, paw, friday
