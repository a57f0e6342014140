"""Rewrites for the problems a rewrite can fix: a span of the text and the words to put there.

Each rule's rewrite is a small, readable function of the text and the finding's spans. It
calms a phrase that presses (ASAP -> when you have a moment), turns a demand into a request
(You have to... -> Could you...?), or takes out a clause or a sentence that pressures,
compares or blames when the ask stands without it. A rewrite is offered only when it is
checked (`offer`): the fixed text has no problem the text did not have, none more often, and
after a cut (a clause or sentence taken out) not the problem the cut was for. Problems that
need the writer (a blank to fill, a missing ask, missing context) get no rewrite.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from askwell.core.coach.cues import find as find_cue
from askwell.core.coach.registry import RULES, Finding
from askwell.core.coach.text import Doc, Span, sentence_spans

Fix = tuple[Span, str]

_CALM = (
    (r"asap|a\.s\.a\.p|as soon as possible", "when you have a moment"),
    (r"as soon as you can", "when you can"),
    (r"right (?:now|away)|this (?:minute|second|instant)", "when you have a moment"),
    (r"(?<!effective )immediately", "when you have a moment"),
    (r"urgently", "soon"),
    (r"within (?:the )?(?:\d+|an?|the next) ?(?:min(?:ute)?s?|hours?|hrs?)", "when you can"),
    (r"(?:today|tonight)(?=[.!]*$)", "{} if that works for you"),
)
_URGENT_ONLY = re.compile(r"^\W*urgent\W*$", re.I)
_DROP_EVERYTHING = re.compile(r"drop everything(?: and|,)?\s+", re.I)
_DEMAND = re.compile(
    r"^(?:you have to|you must|you need to|i need you to)\s+(?P<rest>[^?]+?)[.!]*$", re.I
)
_PLEASE_PLEASE = re.compile(r"\b(please)(?:[,!]?\s+please)+\b", re.I)
_REQUEST = re.compile(
    r"\?|\b(?:can|could|would|will) you\b|\bplease\b|\b(?:could|can|may) i\b|\bwould you mind\b|"
    r"\bi need you to\b",
    re.I,
)
_CLAUSE_START = r"(?:(?<=^)|(?<=[.!?,;:]\s)|(?<=[.!?,;:]))"
_HEDGES = re.compile(
    r"\b(?:just|maybe|possibly|perhaps|kind of|sort of|kinda|a bit of|a little bit of|"
    r"i guess|i suppose|probably)\b,?\s*|,?\s*if possible(?=[?.!,])|"
    + _CLAUSE_START
    + r"\s*(?:(?:sorry if this is|this (?:might|may|could) be|it (?:might|may|could) be) an? "
    r"(?:stupid|dumb|silly|obvious|basic) question|(?:an? )?(?:stupid|dumb|silly|obvious|basic|"
    r"noob) question|i(?:'m| am) (?:no|not an?) (?:expert|pro)|i (?:may|might|could) be wrong)"
    r"(?:[,;:]\s*(?:and |but )?|[.!]\s*|(?=[?]))",
    re.I,
)
_SORRY = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|forgive me|my bad|i hate|"
    r"i know (?:you(?:'re| are| must| have|'ve)|this is|it's|how busy|i keep|i asked|i've)|"
    r"i feel (?:bad|terrible|awful)|i promise|i wouldn't ask|a burden|i keep asking|"
    r"bother(?:ing)? you|troubling you)\b",
    re.I,
)
_BEFORE_ASK = re.compile(
    r"(?:,\s*(?:but\s+)?|\bbut\s+)"
    r"(?=(?:can|could|would|will) you\b|please\b|(?:could|can|may) i\b)",
    re.I,
)
_ASKING = re.compile(
    r"^\W*(?:(?:can|could|would|will) you|please|(?:could|can|may) i|would you mind|do you|"
    r"is there|are you|any chance)\b",
    re.I,
)
_KEEP = re.compile(
    r"^\W*(?:hi|hey|hello|dear|good (?:morning|afternoon|evening))\b|"
    r"no worries|(?:fine|ok|okay) if|say no|thank|appreciate|grateful|thought of you|"
    r"because you|since you",
    re.I,
)
_GREETING = re.compile(r"\s*(?:hi|hey|hello|dear)\b[^\n]{0,60}\n\s*", re.I)
_HELLO = re.compile(r"(?:hi|hey|hello|dear)\b(?: [A-Z][\w.'-]*){0,3}[,!]?[ \t]*", re.I)
_ABBREVIATION = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|vs|etc|e\.g|i\.e)\.\s*$")


def _sentence(text: str, span: Span) -> Span:
    """Return the sentence that holds `span` (the span itself when none does)."""
    for s in sentence_spans(text):
        if s[0] <= span[0] < s[1]:
            return s
    return span


def _is_ask(sentence: str) -> bool:
    return bool(_REQUEST.search(sentence))


def _drop_sentence(text: str, sent: Span) -> Fix | None:
    """Take a whole sentence out, when what is left still asks for something."""
    start, end = sent
    rest = text[:start] + text[end:]
    body = text[start:end]
    if _is_ask(body) or _KEEP.search(body) or not _is_ask(rest) or not rest.strip():
        return None
    if _ABBREVIATION.search(text[:start]) or _ABBREVIATION.search(body):
        return None
    while end < len(text) and text[end] in " \t":
        end += 1
    if end == len(text) or text[end] == "\n":
        while start > 0 and text[start - 1] in " \t":
            start -= 1
    return (start, end), ""


def _drop_clause(text: str, sent: Span, cue: Span) -> Fix | None:
    """Take out the clause before the sentence's first comma, or after its last, holding `cue`."""
    start, end = sent
    body = text[start:end]
    comma = body.find(", ")
    if comma > 0 and start + comma >= cue[1] and _ASKING.match(body[comma + 2 :]):
        after = start + comma + 2
        return (start, after + 1), text[after].upper()
    last = body.rfind(", ")
    tail = body[last + 2 :].rstrip(".!?")
    if last > 0 and start + last < cue[0] and _ASKING.match(body) and not _KEEP.search(tail):
        return (start + last, start + last + 2 + len(tail)), ""
    return None


def _remove_or_drop(text: str, span: Span, cues: str | None) -> Fix | None:
    """Drop the clause holding a cue when the sentence asks; else drop the whole sentence."""
    sent = _sentence(text, span)
    inside = [c for c in find_cue(cues, text) if sent[0] <= c[0] < sent[1]] if cues else []
    if not inside and sent[0] <= span[0] and span[1] <= sent[1] and span != sent:
        inside = [span]  # the finding's own words, narrower than their sentence
    if inside and _is_ask(text[sent[0] : sent[1]]):
        return _drop_clause(text, sent, inside[0])
    return _drop_sentence(text, sent)


def _immediacy(text: str, spans: tuple[Span, ...]) -> Fix | None:
    for span in spans:
        sent = _sentence(text, span)
        if _URGENT_ONLY.match(text[sent[0] : sent[1]]):
            return _drop_sentence(text, sent)
        for pattern, calm in _CALM:
            m = re.compile(rf"(?<![\w']){pattern}(?![\w'])", re.I).search(text, *sent)
            if m and not text.startswith(" or ", m.end()) and "?" not in text[m.end() : sent[1]]:
                said = calm.format(m.group(0).lower())
                start = m.start() == sent[0] and m.group(0)[0].isupper()
                return m.span(), said[:1].upper() + said[1:] if start else said
        m = _DROP_EVERYTHING.search(text, *sent)
        if m and m.end() < len(text):
            upper = m.start() == sent[0]
            nxt = text[m.end()]
            return (m.start(), m.end() + 1), nxt.upper() if upper else nxt
        m = re.compile(r"(?<![\w'])urgent(?![\w'])", re.I).search(text, *sent)
        if m:
            return m.span(), "time-sensitive"
    return None


def _pressure(text: str, spans: tuple[Span, ...]) -> Fix | None:
    for span in spans:
        sent = _sentence(text, span)
        m = _PLEASE_PLEASE.search(text, *sent)
        if m:
            return m.span(), m.group(1)
        demand = _DEMAND.match(text[sent[0] : sent[1]])
        if demand:
            return sent, f"Could you {demand['rest']}?"
        fix = _remove_or_drop(text, span, "pressure")
        if fix:
            return fix
    return None


def _comparison(text: str, spans: tuple[Span, ...]) -> Fix | None:
    return next((f for s in spans if (f := _remove_or_drop(text, s, "comparison"))), None)


def _blame(text: str, spans: tuple[Span, ...]) -> Fix | None:
    for span in spans:
        sent = _sentence(text, span)
        m = re.compile(r"circling back(?: for the \w+ time)?", re.I).search(text, *sent)
        if m:
            return m.span(), "following up" if text[m.start()].islower() else "Following up"
        m = re.compile(r",? (?:as usual|for the \w+ time)(?=[.!?,])", re.I).search(text, *sent)
        if m:
            return m.span(), ""
        fix = _remove_or_drop(text, span, "blame")
        if fix:
            return fix
    return None


def _region(text: str, spans: tuple[Span, ...]) -> Span:
    """Return the sentences from the first span's to the last span's."""
    return _sentence(text, min(spans))[0], _sentence(text, max(spans))[1]


def _tidy(region: str) -> str:
    """Mend what a removal left: doubled spaces, a space before a stop, a small first letter."""
    region = re.sub(r"[ \t]{2,}", " ", region)
    region = re.sub(r" +([,.!?])", r"\1", region)
    region = re.sub(r"([.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), region)
    region = re.sub(r"^(\W*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), region)
    region = re.sub(r",?\s+(?:and|but)([.!?])", r"\1", region)
    return re.sub(r",([?.!])", r"\1", region)


def _hedges(text: str, spans: tuple[Span, ...]) -> Fix | None:
    if not spans:
        return None
    start, end = _region(text, spans)
    new = _tidy(_HEDGES.sub("", text[start:end]))
    return ((start, end), new) if new.strip() and new != text[start:end] else None


def _apologies(text: str, spans: tuple[Span, ...]) -> Fix | None:
    """Keep one short apology: take out the sentences before the ask that apologise or put
    yourself down, and the apologetic lead-in of the ask itself; keep the context and the ask."""
    sents = sentence_spans(text)
    asking = next((s for s in sents if _is_ask(text[s[0] : s[1]])), None)
    if asking is None:
        return None
    greeting = _GREETING.match(text)
    start = greeting.end() if greeting and greeting.end() <= asking[0] else sents[0][0]
    cuts = [(a, b) for a, b in sents if start <= a and b <= asking[0] and _SORRY.search(text[a:b])]
    ask = text[asking[0] : asking[1]]
    lead_in = _BEFORE_ASK.search(ask)
    if (
        lead_in
        and _SORRY.search(ask[: lead_in.start()])
        and not _KEEP.search(ask[: lead_in.start()])
    ):
        cuts.append((asking[0], asking[0] + lead_in.end()))
    elif _SORRY.search(ask):
        return None
    if not any(find_cue("apology", text[a:b]) for a, b in cuts):
        return None
    hellos = [_HELLO.match(text, a) for a, _ in cuts]
    cuts = [
        (h.end(), b) if h and h.group(0).rstrip()[-1:] in (",", "!") else (a, b)
        for (a, b), h in zip(cuts, hellos, strict=True)
    ]
    kept, at = [], start
    for a, b in cuts:
        kept.append(text[at:a])
        at = b
        while at < asking[0] and text[at] in " \t":
            at += 1
    kept.append(text[at : asking[1]])
    said = "".join(kept)
    hello = _HELLO.match(said)
    head = hello.group(0) if hello else ""
    sorry = "sorry to bother you. " if head.rstrip().endswith(",") else "Sorry to bother you. "
    new = _tidy(head + sorry + said[len(head) :].lstrip())
    return ((start, asking[1]), new) if new != text[start : asking[1]] else None


REWRITES: dict[str, Callable[[str, tuple[Span, ...]], Fix | None]] = {
    "demands-immediacy": _immediacy,
    "pressure": _pressure,
    "comparison": _comparison,
    "blaming-you": _blame,
    "hedge-pile-up": _hedges,
    "over-justified": _apologies,
}


def problems(text: str, channel: str | None = None) -> Counter[str]:
    """Count the problems every rule finds in `text`, by rule id."""
    doc = Doc(text, channel)
    return Counter(f.rule for r in RULES.values() if r.kind == "problem" for f in r.run(doc))


def apply(text: str, fix: Fix) -> str:
    """Return `text` with one fix applied."""
    (start, end), new = fix
    return text[:start] + new + text[end:]


def _safe(text: str, rule: str, fix: Fix, before: Counter[str], channel: str | None) -> bool:
    """No problem the text did not have, none more often; a cut must also end its problem."""
    after = problems(apply(text, fix), channel)
    if any(n > before[r] for r, n in after.items()):
        return False
    cut = len(fix[1]) <= 1  # a clause or sentence taken out: only when the coach agrees
    return after[rule] < before[rule] if cut else True


def offer(doc: Doc, found: list[Finding]) -> list[Finding]:
    """Give each problem finding a checked rewrite (its one span and `replacement`), if any.

    A rule's own drop-in replacement is checked the same way. A rewrite that brings a
    problem the text did not have is taken back, and so is a cut (a clause or a sentence
    taken out) after which the coach still finds the problem it was meant to end.
    """
    before = Counter(f.rule for f in found if f.kind == "problem")
    out = []
    for f in found:
        fix: Fix | None = None
        if f.kind == "problem" and f.replacement is not None and len(f.spans) == 1:
            fix = f.spans[0], f.replacement
        elif f.kind == "problem" and f.rule in REWRITES:
            fix = REWRITES[f.rule](doc.text, f.spans)
        if fix is not None and _safe(doc.text, f.rule, fix, before, doc.channel):
            out.append(replace(f, spans=(fix[0],), replacement=fix[1]))
        else:
            out.append(replace(f, replacement=None) if f.replacement is not None else f)
    return out


def apply_all(
    text: str, found: list[Finding], channel: str | None = None
) -> tuple[str, list[Finding]]:
    """Apply every finding's replacement that keeps the text free of new problems.

    Replacements go in from the end of the text backwards, so the spans still ahead point at
    the words they were found on; overlapping ones after the first are left out. Each step is
    checked against the problems of the original text.
    """
    before = problems(text, channel)
    current, used, taken_from = text, [], len(text) + 1
    fixable = [f for f in found if f.replacement is not None and len(f.spans) == 1]
    for f in sorted(fixable, key=lambda f: f.spans[0], reverse=True):
        (start, end), new = f.spans[0], f.replacement or ""
        if end > taken_from:
            continue
        candidate = apply(current, ((start, end), new))
        after = problems(candidate, channel)
        if all(n <= before[r] for r, n in after.items()):
            current, taken_from = candidate, start
            used.append(f)
    return current, used[::-1]
