"""Fast whole-word pattern search: try a pattern only where one of its first words starts.

Each `Lexicon` works out, from its compiled regex, the words (or word prefixes) a match can
start with. A text is tokenised once (cached), and every lexicon then runs `match` only at
the positions of those words instead of scanning every character. Patterns whose first word
cannot be worked out (a leading digit class, say) fall back to a normal scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from re import _constants as sc  # type: ignore[attr-defined]
from re import _parser as sp  # type: ignore[attr-defined]
from typing import Any

_TOKEN = re.compile(r"(?<![\w'])\w[\w']*")
_MAX_STATES = 4096


class _Unknown(Exception):
    pass


def _is_wordish(ch: str) -> bool:
    return ch.isalnum() or ch in "_'"


def _anchor(states: set[str], chars: set[str], done: set[str], anchors: set[str]) -> None:
    """Close the open word states at a non-word character; an empty state anchors on it."""
    if "" in states:
        if any(not ch.isascii() or ch.lower() != ch.upper() for ch in chars):
            raise _Unknown
        anchors.update(chars)
    done.update(s for s in states if s)


def _walk(
    items: list[Any], states: set[str], done: set[str], prefixes: set[str], anchors: set[str]
) -> set[str]:
    """Advance open word states through parsed regex items; return the states still open."""
    for op, av in items:
        if not states:
            return states
        if op is sc.LITERAL:
            ch = chr(av).lower()
            if _is_wordish(ch):
                states = {s + ch for s in states}
            else:
                _anchor(states, {ch}, done, anchors)
                return set()
        elif op is sc.BRANCH:
            nxt: set[str] = set()
            for alt in av[1]:
                nxt |= _walk(list(alt), set(states), done, prefixes, anchors)
            states = nxt
        elif op is sc.SUBPATTERN:
            states = _walk(list(av[-1]), states, done, prefixes, anchors)
        elif op in (sc.MAX_REPEAT, sc.MIN_REPEAT) and av[1] == 1:
            once = _walk(list(av[2]), set(states), done, prefixes, anchors)
            states = states | once if av[0] == 0 else once
        elif op in (sc.ASSERT, sc.ASSERT_NOT, sc.AT):
            continue
        elif op is sc.IN and all(o is sc.LITERAL for o, _ in av):
            chars = {chr(c).lower() for _, c in av}
            others = {ch for ch in chars if not _is_wordish(ch)}
            if others:
                _anchor(states, others, done, anchors)
            states = {s + ch for s in states for ch in chars if _is_wordish(ch)}
        elif op is sc.IN and av == [(sc.CATEGORY, sc.CATEGORY_DIGIT)]:
            prefixes.update(s + d for s in states for d in "0123456789")
            return set()
        elif op in (sc.MAX_REPEAT, sc.MIN_REPEAT) and av[0] >= 1:
            states = _walk(list(av[2]), states, done, prefixes, anchors)
            if "" in states:
                raise _Unknown
            prefixes.update(states)
            return set()
        else:
            if "" in states:
                raise _Unknown
            prefixes.update(states)
            return set()
        if len(states) > _MAX_STATES:
            raise _Unknown
    return states


def heads(
    pattern: re.Pattern[str],
) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    """Return (whole first words, first-word prefixes, first non-word characters) or None."""
    done: set[str] = set()
    prefixes: set[str] = set()
    anchors: set[str] = set()
    try:
        left = _walk(list(sp.parse(pattern.pattern, pattern.flags)), {""}, done, prefixes, anchors)
    except _Unknown:
        return None
    done |= left
    if "" in done or "" in prefixes:
        return None
    return frozenset(done), frozenset(prefixes), frozenset(anchors)


def first_words(pattern: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """Return (whole first words, first-word prefixes) of a pattern, or None if unknown."""
    found = heads(pattern)
    if found is None or found[2]:
        return None
    return found[0], found[1]


_LEXICONS: list[Lexicon] = []
_WORDS: dict[str, list[int]] = {}
_PREFIXES: dict[str, list[int]] = {}
_PREFIX_LENGTHS: list[int] = []
_ANCHORS: dict[str, list[int]] = {}


_WORD_CACHE: dict[str, tuple[int, ...]] = {}
_WORD_CACHE_MAX = 100_000


def _ids_for(word: str) -> tuple[int, ...]:
    """Return the ids of the lexicons that may match at a word (memoised per word)."""
    ids = _WORD_CACHE.get(word)
    if ids is None:
        found = list(_WORDS.get(word, ()))
        for k in _PREFIX_LENGTHS:
            if k > len(word):
                break
            found.extend(i for i in _PREFIXES.get(word[:k], ()) if i not in found)
        ids = tuple(found)
        if len(_WORD_CACHE) >= _WORD_CACHE_MAX:
            _WORD_CACHE.clear()
        _WORD_CACHE[word] = ids
    return ids


def _char_positions(text: str, ch: str) -> list[int]:
    """Return every index of `ch` in text."""
    out: list[int] = []
    at = text.find(ch)
    while at >= 0:
        out.append(at)
        at = text.find(ch, at + 1)
    return out


@lru_cache(maxsize=256)
def _candidates(text: str, registered: int) -> dict[int, list[int]]:
    """Map lexicon id -> sorted start positions of its first words in `text`."""
    out: dict[int, list[int]] = {}
    if len(_WORD_CACHE) and registered != _WORD_CACHE.get("\0registered", (registered,))[0]:
        _WORD_CACHE.clear()
    _WORD_CACHE["\0registered"] = (registered,)
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character that changes length when lower-cased
        lowered = text
    get = _WORD_CACHE.get
    add = out.setdefault
    for m in _TOKEN.finditer(lowered):
        ids = get(m[0])
        if ids is None:
            word = m[0]
            ids = _WORD_CACHE[word] = _ids_for(word.lower())
        if ids:
            pos = m.start()
            if len(ids) == 1:
                add(ids[0], []).append(pos)
            else:
                for i in ids:
                    add(i, []).append(pos)
    for ch, owners in _ANCHORS.items():
        if ch in text:
            at = _char_positions(text, ch)
            for i in owners:
                out[i] = sorted(out.get(i, []) + at)
    return out


class Lexicon:
    """A compiled whole-word pattern with a fast `finditer`/`search` over first-word positions."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.id = len(_LEXICONS)
        found = heads(pattern)
        self.indexed = found is not None
        if found is not None:
            whole, prefixes, anchors = found
            for w in whole:
                _WORDS.setdefault(w, []).append(self.id)
            for p in prefixes:
                _PREFIXES.setdefault(p, []).append(self.id)
                if len(p) not in _PREFIX_LENGTHS:
                    _PREFIX_LENGTHS.append(len(p))
                    _PREFIX_LENGTHS.sort()
            for ch in anchors:
                _ANCHORS.setdefault(ch, []).append(self.id)
        _LEXICONS.append(self)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Yield non-overlapping matches in text[pos:endpos], like re.Pattern.finditer."""
        end = len(text) if endpos is None else endpos
        if not self.indexed:
            yield from self.pattern.finditer(text, pos, end)
            return
        starts = _candidates(text, len(_LEXICONS)).get(self.id)
        if not starts:
            return
        last = pos
        match = self.pattern.match
        for start in starts[bisect_left(starts, pos) :] if pos else starts:
            if start < last:
                continue
            if start >= end:
                break
            m = match(text, start, end)
            if m is not None:
                yield m
                last = max(m.end(), start + 1)

    def spans(self, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
        """Return the spans of the non-empty matches in text[pos:endpos]."""
        if not self.indexed:
            return [
                m.span()
                for m in self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)
                if m.end() > m.start()
            ]
        starts = _candidates(text, len(_LEXICONS)).get(self.id)
        if not starts:
            return []
        end = len(text) if endpos is None else endpos
        out: list[tuple[int, int]] = []
        last = pos
        match = self.pattern.match
        for start in starts[bisect_left(starts, pos) :] if pos else starts:
            if start < last:
                continue
            if start >= end:
                break
            m = match(text, start, end)
            if m is not None and m.end() > start:
                out.append((start, m.end()))
                last = m.end()
        return out

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """Return the first match in text[pos:endpos], or None."""
        end = len(text) if endpos is None else endpos
        if not self.indexed:
            return self.pattern.search(text, pos, end)
        starts = _candidates(text, len(_LEXICONS)).get(self.id)
        if not starts:
            return None
        match = self.pattern.match
        for start in starts[bisect_left(starts, pos) :] if pos else starts:
            if start >= end:
                return None
            m = match(text, start, end)
            if m is not None:
                return m
        return None
