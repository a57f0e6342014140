"""The crisis list's prefilter never drops a match, and cue families match the same folded.

prefilter.py runs a pattern only when the text holds one of its anchors (literal strings read
off the pattern, one of which is in every match). Two kinds of proof here: on every text we
have (the crisis sets, the training crisis sets, the labelled requests, and every string in
the test suite, each also with the letters re.IGNORECASE folds oddly), each
skipped pattern finds nothing and the filtered scan returns exactly the full scan's spans;
and one unit test per case of reading anchors off a pattern. The cue families, run without
IGNORECASE on the folded text (prefilter.caseless), count and place every match the same.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

import pytest
from coach_data import DATA, need_shared

from askwell.core.coach import crisis, cues
from askwell.core.coach.prefilter import Scan, anchors, caseless, fold

REPO = Path(__file__).resolve().parents[3]
TEXT_SETS = (
    *sorted((REPO / "training" / "data").glob("crisis_extra*.jsonl")),
    *sorted((REPO / "tests" / "data").glob("crisis*/*.jsonl")),
)


def _texts() -> list[str]:
    texts: list[str] = []
    for path in (*TEXT_SETS, DATA / "requests" / "train.jsonl", DATA / "requests" / "dev.jsonl"):
        need_shared(path)
        lines = path.read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines if line]
    for path in sorted((REPO / "tests").rglob("*.py")):  # every example list in the tests
        tree = ast.parse(path.read_text(encoding="utf-8"))
        texts += [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and len(node.value) > 3
        ]
    return sorted(set(texts))


def _variants(text: str) -> tuple[str, ...]:
    # and with the four characters IGNORECASE reads as ASCII letters (see fold())
    odd = text.replace("k", "\u212a").replace("s", "\u017f").replace("I", "\u0130")
    return text, odd.replace("i", "\u0131")


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [v for t in _texts() for v in _variants(t)]


@pytest.mark.parametrize("name", ["CURATED", "SOFT_CURATED"])
def test_prefilter_finds_every_match_the_full_scan_finds(name: str, texts: list[str]) -> None:
    scan: Scan = getattr(crisis, name)
    assert scan.always == ()  # every pattern has anchors (else it would just always run)
    dropped, differ, matched = [], [], set()
    for k, text in enumerate(texts):
        chosen = set(scan.candidates(text))
        full = []
        for j, pattern in enumerate(scan.patterns):
            spans = [m.span() for m in pattern.finditer(text)]
            if spans:
                matched.add(j)
                if j not in chosen:
                    dropped.append((k, j))  # indices only: the holdout texts are never shown
            full += spans
        if list(scan.spans(text)) != full:
            differ.append(k)
    assert dropped == [] and differ == []
    assert len(matched) > len(scan.patterns) // 2  # the texts exercise most of the list


def test_prefilter_skips_most_patterns_on_an_ordinary_request() -> None:
    text = "Could you look over my two slides before Friday's review? Thanks so much!"
    assert len(crisis.CURATED.candidates(text)) < len(crisis.CURATED.patterns) // 10
    assert crisis.listed(text) == () and crisis.soft_listed(text) == ()


def test_fold_matches_ignorecase_on_every_code_point() -> None:
    # fold(c) is one character, a word character, a space or a digit exactly when c is ...
    word, space, digit = (re.compile(c).fullmatch for c in (r"\w", r"\s", r"\d"))
    to_ascii = re.compile(r"[\x00-\x7f]", re.IGNORECASE).fullmatch
    near_ascii = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = fold(char)
        assert len(folded) == 1, hex(code)
        if folded != char:
            for matches in (word, space, digit):
                assert bool(matches(char)) == bool(matches(folded)), hex(code)
        if folded.isascii() or to_ascii(char):
            near_ascii.append(char)
    # ... and IGNORECASE matches c to an ASCII character (written in lower case) exactly when
    # fold(c) is that character: what anchors (in) and caseless patterns (no IGNORECASE) need
    plain = [a for a in map(chr, range(128)) if a == a.lower()]
    for char in near_ascii:
        for a in plain:
            assert bool(re.fullmatch(re.escape(a), char, re.I)) == (fold(char) == a), hex(ord(char))


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        ("thanks", 0),  # not IGNORECASE: capitals would wrongly match once folded
        ("thanks", re.I | re.X),
        ("I am", re.I),  # upper case
        ("[A-Z]ed", re.I),
        ("caf\u00e9", re.I),  # non-ASCII
        ("\\x41", re.I),  # an escape that names a letter
        ("(?-i:NOW)|now", re.I),  # inline flags
        ("(?-i:now)", re.I),
    ],
)
def test_caseless_refuses_what_it_cannot_keep_exact(pattern: str, flags: int) -> None:
    assert caseless(re.compile(pattern, flags)) is None


def test_caseless_drops_only_ignorecase() -> None:
    pattern = re.compile(r"(?<![\w'])(?:thanks?|i'm \w+)\b\.?$", re.I | re.M)
    fast = caseless(pattern)
    assert fast is not None and fast.pattern == pattern.pattern
    assert fast.flags & re.I == 0 and fast.flags & re.M
    text = "Thanks.\nI'M GLAD\nthank"
    assert [m.span() for m in fast.finditer(fold(text))] == [
        m.span() for m in pattern.finditer(text)
    ]


def test_cue_counts_and_spans_match_the_families_as_written(texts: list[str]) -> None:
    assert [name for name, (fast, _) in cues._FAST.items() if fast is None] == [
        "immediacy",  # these match some words only in capitals ("NOW", names)
        "comparison",
        "third_party_habit",
    ]
    wrong = []
    for k, text in enumerate(texts):
        want = [len(p.findall(text)) for p in cues.FAMILIES.values()]
        if cues.counts(text) != want:
            wrong.append(k)
        for name, pattern in cues.FAMILIES.items():
            if cues.find(name, text) != [m.span() for m in pattern.finditer(text)]:
                wrong.append(k)
    assert wrong == []


@pytest.mark.parametrize(
    ("pattern", "want"),
    [
        ("hang myself", {"hang myself"}),  # a plain run
        ("Hang Myself", {"hang myself"}),  # lower-cased
        ("(?:kill|hurt|harm) (?:herself|himself)", {"herself", "himself"}),  # most selective
        ("(?:I|i)(?: \\w+){0,3} suicidal", {" suicidal"}),  # optional groups need nothing
        ("self[- ]?harm\\w*", {"self"}),  # a class ends a run; a tie keeps the first
        ("want(?:s)? to die", {" to die"}),  # an optional group ends a run
        ("wants? to die", {" to die"}),  # so does an optional character
        ("dies?", {"die"}),
        ("x+yz", {"yz"}),  # x is needed but "yz" is more selective
        ("a{2}bc", {"bc"}),  # a counted item is not a plain run
        ("(?<![\\w'])(?:wanna die)(?! lol)", {"wanna die"}),  # lookarounds need nothing
        ("kill(?! time)(?<!skill) me", {"kill me"}),  # and a run goes on across them
        ("(?:a|b) note|goodbye", {" note", "goodbye"}),  # top-level alternatives: the union
        ("(?:sure|(?:ok)?) thing", {" thing"}),  # an alternative needing nothing
        ("end\\.", {"end."}),  # an escaped punctuation mark is plain
        ("end\\b now", {" now"}),  # \b is not text
        ("a{,3}b{1,}cd", {"cd"}),  # {,n} optional, {n,} not plain
        ("^done$", {"done"}),
        ("[]a]bc", {"bc"}),  # a class opening with ]
        ("caf\u00e9 time", {" time"}),  # non-ASCII letters are not anchored
        ("(xy)z", {"xy"}),  # a capturing group
        ("a{x}", {"a{x}"}),  # a brace that is not a count is plain
        ("(?:never|not) wakes?? up", {" wake"}),  # a lazy quantifier
    ],
)
def test_anchors_read_off_a_pattern(pattern: str, want: set[str]) -> None:
    assert anchors(pattern) == frozenset(want)


@pytest.mark.parametrize(
    "pattern",
    [
        "(?:maybe)?",  # nothing is needed
        "(?i)die",  # inline flags: not read
        "(?P<x>die)",  # named groups: not read
        "\\w+",
        "(?:|die)",  # an empty alternative
        "die)",  # unbalanced
    ],
)
def test_anchors_unreadable_or_empty_patterns_always_run(pattern: str) -> None:
    assert anchors(pattern) is None


def test_scan_keeps_list_order_and_runs_unanchored_patterns() -> None:
    scan = Scan(["[ab]", "a b", "(?i)zz"])
    assert scan.always == (0, 2)
    assert scan.spans("A B b") == scan.full_spans("A B b") == ((0, 1), (2, 3), (4, 5), (0, 3))
    assert scan.candidates("no letters here") == [0, 2]
    with pytest.raises(ValueError, match="IGNORECASE"):
        Scan(["a"], re.IGNORECASE | re.VERBOSE)
