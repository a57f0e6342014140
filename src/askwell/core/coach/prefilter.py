"""Run a long list of regular expressions cheaply: only those whose literal words are present.

The curated crisis list (crisis.py) is a few hundred small patterns, and most texts match
none of them. Running every pattern on every text cost about 3 ms of CPU per check. Almost
every pattern needs some plain text to be there before it can match at all: `hang myself`
needs "hang myself", `(?:kill|hurt|harm) (?:herself|himself|themselves)` needs "herself",
"himself" or "themselves". So each pattern gets a small set of such literal strings, its
anchors, read off the pattern itself by `anchors()` below; a text is lower-cased once, each
distinct anchor is looked up once with `in`, and only the patterns with an anchor present run.

The rule that keeps this exact: a pattern's anchors are chosen so that EVERY match of the
pattern contains one of them (in lower case). A pattern that lacks one is skipped only when
it could not have matched, so the spans found are exactly those of the full scan
(tests/core/coach/test_prefilter.py checks this on every crisis and request text we have).
A pattern whose anchors cannot be read (a construct `anchors()` does not know) has none and
always runs: slower, never wrong.

How `anchors()` reads a pattern (the small subset of regex syntax the lists use):

- a run of plain characters that must all be there, one after another (`hang myself`), is
  one anchor; anything else (a class `[^.!?]`, `\\w`, `.`, an optional `?`, `*` or `{0,n}`
  item, a repeated `+` item, `\\b`, `^`, `$`, a non-ASCII character) ends the run;
- a group that must match (no `?`, `*`, `{0,n}` after it) gives the union of what each of its
  alternatives needs, and nothing when one alternative needs nothing (`(?:I|i)` needs "i");
- of everything a sequence needs, the most selective one is kept: the set whose shortest
  string is longest (`(?:I|i)(?: \\w+){0,3} suicidal` keeps " suicidal", not "i");
- lookarounds (`(?<![\\w'])`, `(?! (?:squad|walk))`) match no text, so they need nothing,
  and a run goes on across them (`kill(?! time) me` needs "kill me").

Matching is case-insensitive, so anchors are lower-case and the text is folded with `fold()`:
lower-cased, plus the four characters that `re.IGNORECASE` reads as an ASCII letter although
`str.lower()` does not give that letter (the Kelvin sign, the long s, the dotted capital I
and the dotless i; a test walks every code point to keep this list complete).

The same fold makes IGNORECASE itself unnecessary for a pattern written in lower-case ASCII:
`caseless(pattern)` on `fold(text)` finds exactly the matches, at the same places, of
`pattern` on `text` (fold keeps every character one character and keeps what `\\w`, `\\s`
and `\\d` match; a test walks every code point), at about half the CPU for a long
alternation (cues.py's families).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

Span = tuple[int, int]

# Characters re.IGNORECASE matches to an ASCII letter whose str.lower() is not that letter.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_COUNT = re.compile(r"\{(\d*)(?:,(\d*))?\}")
_GROUP_OPENERS = ("(?:", "(?=", "(?!", "(?<=", "(?<!")


def fold(text: str) -> str:
    """Return `text` lower-cased the way re.IGNORECASE compares letters (see the docstring)."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


_SAFE_ESCAPE = re.compile(r"\\(?:[wWsSdDbBAZntrfv]|[^0-9A-Za-z])")


def caseless(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """Return `pattern` without IGNORECASE, to run on fold(text) for the same matches.

    None when that is not sure: a pattern without IGNORECASE or with VERBOSE, an upper-case
    or non-ASCII character, an escape that could name a letter (`\\x41`), inline flags
    (`(?-i:...)`).
    """
    source = pattern.pattern
    bare = _SAFE_ESCAPE.sub("", source)
    if (
        not pattern.flags & re.IGNORECASE
        or pattern.flags & re.VERBOSE
        or not source.isascii()
        or "\\" in bare
        or re.search(r"[A-Z]|\(\?[^:=!<]", bare)
    ):
        return None
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


class Unreadable(ValueError):
    """The pattern uses syntax anchors() does not read (the pattern then always runs)."""


@dataclass(frozen=True)
class _Item:
    """One parsed atom with how often it must occur: a character, a group, or anything else."""

    char: str | None  # a plain ASCII character (lower-cased)
    alternatives: tuple[tuple[_Item, ...], ...] | None  # a group (not a lookaround)
    least: int  # the fewest times it must match (0 for ?, *, {0,n})
    exactly_once: bool


def anchors(pattern: str) -> frozenset[str] | None:
    """Return lower-case strings, one of which is in every match of `pattern`; None if unsure.

    `pattern` is read as compiled with re.IGNORECASE (and without re.VERBOSE).
    """
    try:
        alternatives, end = _alternation(pattern, 0)
    except Unreadable:
        return None
    if end != len(pattern):  # an unbalanced ")"
        return None
    return _union(alternatives)


Alternatives = tuple[tuple[_Item, ...], ...]
_LOOK = object()  # what _atom returns for a lookaround, which matches no text


def _alternation(p: str, i: int) -> tuple[Alternatives, int]:
    """Parse `a|b|c` from i up to an unmatched ")" or the end; return it and where it stopped."""
    sequences: list[list[_Item]] = [[]]
    while i < len(p) and p[i] != ")":
        if p[i] == "|":
            sequences.append([])
            i += 1
            continue
        atom, i = _atom(p, i)
        least, most, i = _quantifier(p, i)
        if atom is _LOOK:  # needs nothing, and a run of characters goes on across it
            continue
        char = atom if isinstance(atom, str) else None
        group = atom if isinstance(atom, tuple) else None
        sequences[-1].append(_Item(char, group, least, least == most == 1))
    return tuple(tuple(s) for s in sequences), i


def _atom(p: str, i: int) -> tuple[str | Alternatives | object | None, int]:
    """Parse one atom at i; return (a plain character, a group's alternatives, _LOOK, or None
    for anything else) and the index after it."""
    c = p[i]
    if c == "(":
        opener = next((o for o in _GROUP_OPENERS if p.startswith(o, i)), None)
        if opener is None and p.startswith("(?", i):  # named groups, inline flags, ...
            raise Unreadable(p[i : i + 4])
        alternatives, end = _alternation(p, i + len(opener or "("))
        if end >= len(p):
            raise Unreadable("unclosed group")
        return (alternatives if opener in (None, "(?:") else _LOOK), end + 1
    if c == "[":
        j = i + 1
        if j < len(p) and p[j] == "^":
            j += 1
        if j < len(p) and p[j] == "]":
            j += 1
        while j < len(p) and p[j] != "]":
            j += 2 if p[j] == "\\" else 1
        return None, j + 1
    if c == "\\":  # \. is a plain dot; \w, \b, \d, \n, \1 ... are not plain text
        escaped = p[i + 1 : i + 2]
        plain = escaped.isascii() and escaped != "" and not escaped.isalnum()
        return (escaped if plain else None), i + 2
    if c in "*+?" or (c == "{" and _COUNT.match(p, i)):
        raise Unreadable(f"nothing to repeat at {i}")
    if c in ".^$" or not c.isascii():
        return None, i + 1
    return c.lower(), i + 1


def _quantifier(p: str, i: int) -> tuple[int, int, int]:
    """Parse a quantifier at i (or none); return (fewest, most, next index); most -1: no limit."""
    if i >= len(p):
        return 1, 1, i
    if p[i] in "?*+":
        least, most = {"?": (0, 1), "*": (0, -1), "+": (1, -1)}[p[i]]
        i += 1
    elif (count := _COUNT.match(p, i)) is not None:
        low, high = count.group(1), count.group(2)
        least = int(low or 0)
        most = least if high is None and "," not in count.group() else int(high or -1)
        i = count.end()
    else:
        return 1, 1, i
    if i < len(p) and p[i] in "?+":  # lazy or possessive: the same text must be there
        i += 1
    return least, most, i


def _union(alternatives: Alternatives) -> frozenset[str] | None:
    """What a choice of alternatives needs: the union of each one's needs, or None."""
    found: set[str] = set()
    for sequence in alternatives:
        needed = _sequence(sequence)
        if needed is None:
            return None
        found |= needed
    return frozenset(found)


def _sequence(items: tuple[_Item, ...]) -> frozenset[str] | None:
    """What one sequence needs: its most selective required run of characters or group."""
    options: list[frozenset[str]] = []
    run = ""
    for item in items:
        if item.char is not None and item.exactly_once:
            run += item.char
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        if item.least == 0:
            continue
        if item.char is not None:
            options.append(frozenset({item.char}))
        elif item.alternatives is not None and (needed := _union(item.alternatives)):
            options.append(needed)
    if run:
        options.append(frozenset({run}))
    if not options:
        return None
    return max(options, key=lambda s: (min(len(a) for a in s), -len(s)))


class Scan:
    """A list of patterns run in order, each only when one of its anchors is in the text."""

    def __init__(self, patterns: Sequence[str], flags: int = re.IGNORECASE):
        if flags & re.VERBOSE or not flags & re.IGNORECASE:
            raise ValueError("anchors are read for IGNORECASE patterns without VERBOSE")
        self.patterns = tuple(re.compile(p, flags) for p in patterns)
        self.anchors = tuple(anchors(p) for p in patterns)
        self.always = tuple(k for k, a in enumerate(self.anchors) if a is None)
        index: dict[str, list[int]] = {}
        for k, found in enumerate(self.anchors):
            for anchor in sorted(found or ()):
                index.setdefault(anchor, []).append(k)
        self._index = tuple((anchor, tuple(ks)) for anchor, ks in index.items())

    def candidates(self, text: str) -> list[int]:
        """Return, in list order, the patterns that could match `text`."""
        folded = fold(text)
        chosen = set(self.always)
        for anchor, ks in self._index:
            if anchor in folded:
                chosen.update(ks)
        return sorted(chosen)

    def spans(self, text: str) -> tuple[Span, ...]:
        """Return the spans of every match, pattern by pattern (as full_spans, only faster)."""
        chosen = [self.patterns[k] for k in self.candidates(text)]
        return tuple(m.span() for pattern in chosen for m in pattern.finditer(text))

    def full_spans(self, text: str) -> tuple[Span, ...]:
        """Return the spans of every match, running every pattern (the reference)."""
        return tuple(m.span() for pattern in self.patterns for m in pattern.finditer(text))
