"""Fast whole-word pattern search: try a pattern only where one of its first words starts.

Each `Lexicon` works out, from its compiled regex, the words (or word prefixes) a match can
start with. A text is tokenised once (cached), and every lexicon then runs `match` only at
the positions of those words instead of scanning every character. Patterns whose first word
cannot be worked out (a leading digit class, say) fall back to a normal scan.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from operator import itemgetter
from re import _constants as sc  # type: ignore[attr-defined]
from re import _parser as sp  # type: ignore[attr-defined]
from typing import Any

# Runs of word characters and apostrophes: a run that starts with a word character is a place
# where a whole-word pattern can start (one that starts with "'" indexes nothing, see
# _entries_for). The same pass collects the marks "?", "!" and "$" for `words`.
_TOKEN = re.compile(r"[\w']+|[?!$]")
_WORD_PARTS = re.compile(r"\w+(?:'\w+)?")
_WORDS_AND_MARKS = re.compile(r"\w+(?:'\w+)?|[?!$]")
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


Heads = tuple[frozenset[str], frozenset[str], frozenset[str]]


def heads(pattern: re.Pattern[str]) -> Heads | None:
    """Return (whole first words, first-word prefixes, first non-word characters) or None."""
    return _heads(pattern.pattern, pattern.flags)


def _heads(source: str, flags: int) -> Heads | None:
    """`heads` of a pattern's source (parsed only, not compiled)."""
    done: set[str] = set()
    prefixes: set[str] = set()
    anchors: set[str] = set()
    try:
        left = _walk(list(sp.parse(source, flags)), {""}, done, prefixes, anchors)
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

Matcher = Callable[[str, int, int], "re.Match[str] | None"]
# Matchers are referred to by their index here, so that the cached tuples below hold only ints
# (the garbage collector stops tracking those, which keeps collections cheap).
_MATCHERS: list[Matcher] = []
_LOCK = threading.Lock()
# One candidate place of a lexicon: (start, end of the word there, index of the matcher to try).
Candidate = tuple[int, int, int]
_START = itemgetter(0)

_WORD_CACHE: dict[str, tuple[tuple[int, int], ...]] = {}
_WORD_CACHE_MAX = 100_000
_CACHED_FOR = [0]  # how many lexicons were registered when _WORD_CACHE was filled


def _entries_for(word: str) -> tuple[tuple[int, int], ...]:
    """Return (lexicon id, matcher index) of each lexicon that may match where `word` starts."""
    if word.startswith("'"):  # no pattern (they start with (?<![\w'])) starts inside this run
        return ()
    found = list(_WORDS.get(word, ()))
    for k in _PREFIX_LENGTHS:
        if k > len(word):
            break
        found.extend(i for i in _PREFIXES.get(word[:k], ()) if i not in found)
    return tuple((i, _LEXICONS[i].matcher_for(word)) for i in found)


def _char_positions(text: str, ch: str) -> list[int]:
    """Return every index of `ch` in text."""
    out: list[int] = []
    at = text.find(ch)
    while at >= 0:
        out.append(at)
        at = text.find(ch, at + 1)
    return out


@lru_cache(maxsize=32)
def _scan(text: str, registered: int) -> tuple[dict[int, list[Candidate]], list[str]]:
    """Return {lexicon id: its candidate places in `text`, in order} and `words(text)`."""
    out: defaultdict[int, list[Candidate]] = defaultdict(list)  # read with .get only
    found: list[str] = []
    keep = found.append
    cache = _WORD_CACHE
    if registered != _CACHED_FOR[0] or len(cache) >= _WORD_CACHE_MAX:
        cache.clear()
        _CACHED_FOR[0] = registered
    lowered = text.lower()
    exact = len(lowered) == len(text)
    if not exact:  # a rare character that changes length when lower-cased: index the text as is
        lowered = text
    get = cache.get
    for m in _TOKEN.finditer(lowered):
        word = m[0]
        entries = get(word)
        if entries is None:
            entries = cache[word] = _entries_for(word.lower())
        if entries:
            start, stop = m.span()
            for i, matcher in entries:
                out[i].append((start, stop, matcher))
        if "'" in word:  # a run like "don't" or "'tis" holds words with one inner apostrophe
            found.extend(_WORD_PARTS.findall(word))
        else:
            keep(word)
    if not exact:  # the words above are not lower-cased
        found = _WORDS_AND_MARKS.findall(text.lower())
    for ch, owners in _ANCHORS.items():
        if ch in text:
            at = _char_positions(text, ch)
            for i in owners:
                full = _LEXICONS[i]._match_index
                extra = [(a, a + 1, full) for a in at]
                out[i] = sorted(out.get(i, []) + extra, key=_START)
    return out, found


# The last text scanned, for the lexicons' queries on one text (one check) in a row: cheaper
# than the lru_cache call. Replaced as a whole, so threads see a consistent triple.
_last: tuple[str | None, int, dict[int, list[Candidate]]] = (None, 0, {})


def _index(text: str) -> dict[int, list[Candidate]]:
    """Return the candidate places of every lexicon in `text` (and remember them)."""
    global _last
    registered = len(_LEXICONS)
    memo = _last
    if memo[0] is text and memo[1] == registered:
        return memo[2]
    found = _scan(text, registered)[0]
    _last = (text, registered, found)
    return found


def words(text: str) -> list[str]:
    """Return the lower-cased words (at most one inner apostrophe) and "?", "!", "$" of `text`.

    The same as `re.findall(r"\\w+(?:'\\w+)?|[?!$]", text.lower())`, from the pass that indexes
    the text (shared, so do not modify the list).
    """
    return _scan(text, len(_LEXICONS))[1]


def _phrase_heads(
    pattern: re.Pattern[str],
    phrases: Sequence[str],
    whole: frozenset[str],
    prefixes: frozenset[str],
) -> list[tuple[frozenset[str], frozenset[str]]] | None:
    """Return the first words and prefixes of each phrase, or None if they don't add up."""
    out: list[tuple[frozenset[str], frozenset[str]]] = []
    for phrase in phrases:
        found = _heads(_WHOLE.format(phrase), pattern.flags)
        if found is None:
            return None
        out.append((found[0], found[1]))
    if frozenset().union(*(w for w, _ in out)) != whole:
        return None
    if frozenset().union(*(p for _, p in out)) != prefixes:
        return None
    return out


_WHOLE = r"(?<![\w'])(?:{})(?![\w'])"


class Lexicon:
    """A compiled whole-word pattern with a fast `finditer`/`search` over first-word positions.

    Given the phrases the pattern was joined from (`compile_words`), a place where a word
    starts is tried only with the phrases that can start with that word (same matches, fewer
    alternatives to fail on).
    """

    def __init__(self, pattern: re.Pattern[str], phrases: Sequence[str] = ()) -> None:
        self.pattern = pattern
        self.id = len(_LEXICONS)
        found = heads(pattern)
        self.indexed = found is not None
        self._phrases = tuple(phrases)
        # per phrase (whole first words, prefixes), worked out on first use (import stays quick)
        self._heads: list[tuple[frozenset[str], frozenset[str]]] | None = None
        self._split = found is not None and len(self._phrases) > 1
        self._matchers: dict[tuple[int, ...], int] = {}
        self._match = pattern.match
        with _LOCK:
            _MATCHERS.append(self._match)
            self._match_index = len(_MATCHERS) - 1  # pattern.match, by index
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

    def matcher_for(self, word: str) -> int:
        """Return the index of the `match` to try where `word` (lower-cased) starts a word."""
        if self._split and self._heads is None:
            found = heads(self.pattern)
            if found is not None:
                self._heads = _phrase_heads(self.pattern, self._phrases, found[0], found[1])
            self._split = self._heads is not None
        if self._heads is None:
            return self._match_index
        picked = tuple(
            i
            for i, (whole, prefixes) in enumerate(self._heads)
            if word in whole or any(word.startswith(p) for p in prefixes)
        )
        if not picked or len(picked) == len(self._phrases):
            return self._match_index
        index = self._matchers.get(picked)
        if index is None:
            joined = "|".join(self._phrases[i] for i in picked)
            matcher = re.compile(_WHOLE.format(joined), self.pattern.flags).match
            with _LOCK:  # another thread may be appending too
                _MATCHERS.append(matcher)
                index = self._matchers[picked] = len(_MATCHERS) - 1
        return index

    def _places(self, text: str, pos: int) -> list[Candidate]:
        """Return the candidate places at or after `pos`."""
        found = _index(text).get(self.id)
        if not found:
            return []
        return found[bisect_left(found, pos, key=_START) :] if pos else found

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Yield non-overlapping matches in text[pos:endpos], like re.Pattern.finditer."""
        end = len(text) if endpos is None else endpos
        if not self.indexed:
            yield from self.pattern.finditer(text, pos, end)
            return
        last = pos
        full = self.pattern.match
        matchers = _MATCHERS
        for start, stop, k in self._places(text, pos):
            if start < last:
                continue
            if start >= end:
                break
            m = (matchers[k] if stop <= end else full)(text, start, end)
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
        memo = _last  # inlined _index: this is the hot path
        index = memo[2] if memo[0] is text and memo[1] == len(_LEXICONS) else _index(text)
        places = index.get(self.id)
        if not places:
            return []
        out: list[tuple[int, int]] = []
        matchers = _MATCHERS
        if not pos and endpos is None:  # the whole text: the common case, kept lean
            last, end = 0, len(text)
            for start, _, k in places:
                if start >= last:
                    m = matchers[k](text, start, end)
                    if m is not None and m.end() > start:
                        last = m.end()
                        out.append((start, last))
            return out
        if pos:
            places = places[bisect_left(places, pos, key=_START) :]
        end = len(text) if endpos is None else endpos
        last = pos
        full = self._match
        for start, stop, k in places:
            if start < last:
                continue
            if start >= end:
                break
            m = (matchers[k] if stop <= end else full)(text, start, end)
            if m is not None and m.end() > start:
                out.append((start, m.end()))
                last = m.end()
        return out

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """Return the first match in text[pos:endpos], or None."""
        end = len(text) if endpos is None else endpos
        if not self.indexed:
            return self.pattern.search(text, pos, end)
        memo = _last  # inlined _index: this is the hot path
        index = memo[2] if memo[0] is text and memo[1] == len(_LEXICONS) else _index(text)
        places = index.get(self.id)
        if not places:
            return None
        matchers = _MATCHERS
        if not pos and endpos is None:  # the whole text: the common case, kept lean
            for start, _, k in places:
                m = matchers[k](text, start, end)
                if m is not None:
                    return m
            return None
        if pos:
            places = places[bisect_left(places, pos, key=_START) :]
        full = self._match
        for start, stop, k in places:
            if start >= end:
                return None
            m = (matchers[k] if stop <= end else full)(text, start, end)
            if m is not None:
                return m
        return None
