"""Turn what a person typed (a need's summary, an offer) into phrases that fit a sentence frame."""

from __future__ import annotations

import re
from typing import Final, NamedTuple

# Verbs a summary often starts with when it already says what the other person would do.
VERBS: Final = frozenset(
    [
        "accompany",
        "act",
        "advise",
        "approve",
        "arrange",
        "assemble",
        "attend",
        "audit",
        "babysit",
        "be",
        "book",
        "borrow",
        "brainstorm",
        "bring",
        "build",
        "buy",
        "call",
        "carry",
        "chair",
        "check",
        "choose",
        "clean",
        "coach",
        "collect",
        "come",
        "comment",
        "compare",
        "cook",
        "coordinate",
        "cover",
        "debug",
        "decide",
        "deliver",
        "deploy",
        "design",
        "do",
        "draft",
        "drive",
        "drop",
        "edit",
        "email",
        "endorse",
        "evaluate",
        "explain",
        "feed",
        "figure",
        "fill",
        "find",
        "fix",
        "format",
        "get",
        "give",
        "go",
        "handle",
        "have",
        "help",
        "hold",
        "host",
        "install",
        "interview",
        "introduce",
        "join",
        "keep",
        "lead",
        "lend",
        "let",
        "listen",
        "look",
        "make",
        "manage",
        "meet",
        "mentor",
        "mind",
        "move",
        "organise",
        "organize",
        "pack",
        "paint",
        "pair",
        "pick",
        "plan",
        "polish",
        "post",
        "practise",
        "practice",
        "prepare",
        "present",
        "print",
        "prioritise",
        "prioritize",
        "proofread",
        "put",
        "read",
        "recommend",
        "refer",
        "rehearse",
        "remind",
        "reschedule",
        "review",
        "rewrite",
        "run",
        "schedule",
        "send",
        "set",
        "shadow",
        "share",
        "show",
        "sign",
        "sit",
        "sort",
        "spot",
        "stay",
        "summarise",
        "summarize",
        "support",
        "swap",
        "take",
        "talk",
        "teach",
        "tell",
        "test",
        "text",
        "think",
        "tidy",
        "translate",
        "update",
        "vouch",
        "walk",
        "watch",
        "water",
        "write",
    ]
)
_LEAD_NEED = re.compile(
    r"^(?:i\s+)?(?:really\s+|just\s+)?(?:need|needs|want|would like|'d like|am looking for|"
    r"'m looking for|looking for|seeking|hoping for|hope to find|after)\s+",
    re.I,
)
_REQUEST = re.compile(
    r"^(?:could|would|can|will)\s+(?:you|someone|somebody|anyone|anybody)\s+(?:please\s+)?"
    r"(?:be able to\s+)?",
    re.I,
)
_HELPER = re.compile(
    r"^(?:(?:a|an|one|some|the)\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?:someone|somebody|anyone|person|colleague|friend|volunteer|hand|helper|expert|mentor|"
    r"reviewer|manager|teammate|neighbour|neighbor|partner|designer|developer|engineer|writer|"
    r"lawyer|accountant|coach|tutor|sitter|babysitter|driver)\s+"
    r"(?:to|who\s+can|who\s+could|who\s+will|who'?d|that\s+can)\s+",
    re.I,
)
_HELP = re.compile(r"^(?:some\s+|a\s+little\s+|a\s+bit\s+of\s+)?help(?:\s+|$)(?P<me>me\s+)?", re.I)
_BORROW = re.compile(r"^(?:can|could|may)\s+i\s+(?:please\s+)?borrow\s+", re.I)
_NOUN_HEADS: Final = (
    (
        r"(?:some\s+|any\s+|a\s+bit\s+of\s+)?(?:advice|guidance|pointers|tips|ideas|thoughts|"
        r"suggestions|input|perspective|a\s+view)\s+(?:on|about|for|with|regarding)\s+",
        "share your thoughts on {}",
    ),
    (
        r"(?:some\s+|any\s+)?(?:feedback|comments|notes)\s+(?:on|about|for)\s+",
        "give me feedback on {}",
    ),
    (
        r"(?:a\s+)?(?:review|proofread|read-through|second\s+pair\s+of\s+eyes)\s+(?:of|on|for)\s+",
        "review {}",
    ),
    (r"(?:an?\s+)?(?:introduction|intro)\s+to\s+", "introduce me to {}"),
    (
        r"(?:an?\s+)?(?:quick\s+|short\s+)?(?:call|chat|coffee|meeting)\s+(?:about|on|re)\s+",
        "have a short call with me about {}",
    ),
    (r"(?:a\s+)?(?:hand|support)\s+(?:with|on)\s+", "lend me a hand with {}"),
    (
        r"(?:some\s+|any\s+)?(?:information|info|details|know-how)\s+(?:on|about)\s+",
        "fill me in on {}",
    ),
)
_QUESTION_HEADS: Final = (
    (r"how\s+(?:do|can|should|would)\s+i\s+", "how to "),
    (r"what\s+should\s+i\s+", "what to "),
    (r"where\s+(?:do|can|should)\s+i\s+", "where to "),
    (r"when\s+should\s+i\s+", "when to "),
    (r"who\s+should\s+i\s+", "who to "),
    (r"should\s+i\s+", "whether to "),
    (r"what(?:'s|\s+is)\s+the\s+best\s+way\s+to\s+", "the best way to "),
)
_DETERMINER = re.compile(
    r"^(?:a|an|the|my|our|his|her|their|its|this|that|these|those|some|any|one|two|three|"
    r"half|each|every|another|all|both|no|\d+)\b",
    re.I,
)
FRAMES: Final = {
    "advice": "share your thoughts on {}",
    "emotional": "talk with me about {}",
    "task": "lend me a hand with {}",
    "feedback": "give me feedback on {}",
    "information": "fill me in on {}",
    "introduction": "introduce me to {}",
    "resources": "help me find {}",
}
_QUESTION_FRAMES: Final = {
    "advice": "share your thoughts on {}",
    "emotional": "talk with me about {}",
    "feedback": "give me feedback on {}",
    "information": "walk me through {}",
}


class Phrase(NamedTuple):
    """What the person would do (a verb phrase), and the thing it is about when one is named."""

    verb: str
    thing: str


# Words English always writes with a capital, whoever typed them in lower case ("may",
# "march" and "august" are left alone: they are everyday words too).
_PROPER = re.compile(
    r"\b(?:(?P<i>i)(?=['’](?:m|ve|d|ll)\b|\b)|(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"january|february|april|june|july|september|october|november|december)s?)\b"
)


def clean(value: str | None) -> str:
    """Return the text on one line with single spaces, "i" and day names in capitals."""
    text = " ".join((value or "").split())
    return _PROPER.sub(lambda m: m.group(0)[:1].upper() + m.group(0)[1:], text) if text else text


def lower_first(text: str) -> str:
    """Lower-case the first word unless it looks like a name or an acronym ("Q3", "GDPR", "I")."""
    head = text.split(" ", 1)[0]
    word = head.split("'", 1)[0]
    keep = (
        not word[:1].isupper()
        or word == "I"
        or any(c.isdigit() for c in word)
        or any(c.isupper() for c in word[1:])
        or head.endswith(("'s", "\u2019s"))
    )
    return text if keep else text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """Return the text with its first letter in capitals."""
    return text[:1].upper() + text[1:]


def sentence(value: str | None) -> str:
    """Return the text as one sentence: a capital first, a full stop last (unless it has one)."""
    text = clean(value)
    if text and text[-1] not in ".!?":
        text += "."
    return upper_first(text)


def _strip_end(text: str) -> str:
    return clean(text).rstrip(" .!?;,:")


def _question(text: str) -> str:
    low = text.lower()
    for pattern, start in _QUESTION_HEADS:
        m = re.match(pattern, low)
        if m:
            return start + text[m.end() :]
    return ""


_QUESTION_START = re.compile(
    r"^(?:is|are|am|do|does|did|should|would|could|can|will|what|which|who|where|when|why|how)\b",
    re.I,
)
THINK_IT_THROUGH: Final = "give me your take on it"


def open_question(text: str | None) -> str:
    """Return the summary as a question sentence when no ask can be made of it, else ""."""
    raw = clean(text)
    if not raw or raw.lower() == THINK_IT_THROUGH or verb_phrase(raw) != THINK_IT_THROUGH:
        return ""
    return upper_first(raw.rstrip(" .!?")) + "?"


def phrase(text: str | None, support: str = "advice", frame: str | None = None) -> Phrase:
    """Return what the person would do, as a verb phrase ("take over the weekly reporting").

    Reads a need's summary as a request ("Can someone review my CV?"), a need ("A colleague
    to take over the reporting", "Need help moving house"), a verb phrase ("Review my CV"),
    a how-question ("How do I price a proposal?") or a noun phrase ("Pricing for Q3"), which
    goes into the frame for its kind of support ("help me with pricing for Q3").
    A question it cannot turn round asks them to help think it through (see open_question).
    The phrase's `thing` is the noun phrase the ask is about when the summary named a thing
    ("pricing for Q3"), else "". Returns an empty phrase when there is nothing to say.
    """
    asking = clean(text).endswith("?")
    text = _strip_end(text or "")
    noun_frame = frame or FRAMES.get(support, FRAMES["advice"])
    if not text:
        return Phrase("", "")
    text = re.sub(r"^(?:please|pls|hey|hi)[,!]?\s+", "", text, flags=re.I)
    borrow = _BORROW.match(text)
    if borrow:
        return Phrase("lend me " + text[borrow.end() :], "")
    stripped = _REQUEST.sub("", text, count=1)
    asking = asking and stripped == text
    text = _HELPER.sub("", _LEAD_NEED.sub("", stripped, count=1), count=1)
    if text.lower().startswith("to ") and len(text) > 3:
        return Phrase("help me " + lower_first(text[3:]), "")
    asked = _question(text)
    if asked:
        return Phrase(_QUESTION_FRAMES.get(support, FRAMES["advice"]).format(asked), asked)
    helped = _help(text)
    if helped:
        return helped
    for pattern, head_frame in _NOUN_HEADS:
        m = re.match(pattern, text, re.I)
        if m:
            thing = lower_first(text[m.end() :])
            return Phrase(head_frame.format(thing), thing)
    first = _first_word(text)
    rest = text.split(" ", 1)[1] if " " in text else ""
    if first in VERBS and not re.match(r"(?:of|you|I|we|they|it)\b", rest, re.I):
        return Phrase(first + (" " + rest if rest else ""), "")
    if _QUESTION_START.match(text) or asking:
        return Phrase(THINK_IT_THROUGH, "")
    return Phrase(noun_frame.format(lower_first(text)), lower_first(text))


def _help(text: str) -> Phrase | None:
    """Read "help with X", "help moving", "help me X", "help Zoë move" (None if not help)."""
    m = _HELP.match(text)
    if m is None:
        return None
    rest = text[m.end() :]
    with_match = re.match(r"(?:with|on)\s+", rest, re.I)
    if with_match:
        thing = lower_first(rest[with_match.end() :])
        return Phrase("lend me a hand with " + thing, thing)
    first = _first_word(rest)
    if not rest:
        return Phrase("help me", "")
    if first.endswith("ing") and first not in VERBS:
        return Phrase("lend me a hand with " + lower_first(rest), lower_first(rest))
    if m.group("me") or first in VERBS:
        return Phrase("help me " + lower_first(rest), "")
    return Phrase("help " + rest, "")


def verb_phrase(text: str | None, support: str = "advice", frame: str | None = None) -> str:
    """Return what the person would do, as a verb phrase (see `phrase`)."""
    return phrase(text, support, frame).verb


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0].lower().strip(",.;:")


def offered_phrase(offered: str | None) -> str:
    """Return what they offered as the end of "Thank you for offering ..."."""
    text = _strip_end(offered or "")
    text = re.sub(r"^(?:they\s+)?(?:offered|could|can|will)\s+(?:to\s+)?", "", text, flags=re.I)
    text = re.sub(r"^(?:just|only)\s+|\s+(?:only|instead)$", "", text, flags=re.I)
    text = re.sub(r"^to\s+", "", text, flags=re.I)
    if not text:
        return ""
    first = _first_word(text)
    if first in VERBS and first not in ("help",):
        return "to " + lower_first(text)
    if first == "help":
        return "to " + verb_phrase(text, "task")
    if _DETERMINER.match(text) or re.match(r"(?:a|an)\b", text, re.I):
        return lower_first(text)
    return "to help with the " + lower_first(text)
