"""Rules about time and boundaries: demands-immediacy (problem), time-boxed (strength)."""

from __future__ import annotations

import re

from askwell.core.coach.registry import Hit, Rule, one_hit, register
from askwell.core.coach.text import Doc, compile_words

ALWAYS = compile_words(
    r"urgent(?:ly)?!+",
    r"drop (?:everything|whatever you(?:'re| are) doing)",
    r"24/7",
    r"around the clock",
    r"at all times",
    r"any time of (?:the )?(?:day|night)",
    r"(?:always|constantly) (?:be )?(?:available|on call|reachable|online)",
    r"no excuses",
)
IF_DEMANDED = compile_words(
    r"asap",
    r"a\.s\.a\.p\.?",
    r"(?:me|back|here|over|reply|respond|answer|help|call|come|send|fix|do|done"
    r"|look|get|act) (?:right (?:now|away|this (?:minute|second))|immediately|at once)",
    r"urgently",
    r"(?:this is|it's|it is|very|super|really) urgent",
    r"as soon as possible",
    r"(?:need|want) (?:this|it|you|an answer|a reply|a response|them|it done|this done)"
    r" (?:done )?(?:today|tonight|within the hour|in the next hour)",
    r"(?:reply|respond|answer|get back to me|call me back) (?:today|tonight|within the hour)",
)
_DEMAND = compile_words(r"you", r"your", r"please", r"need (?:this|it|an?|them)")
_IMPERATIVE = re.compile(
    r"^\W*(?:call|reply|send|answer|fix|come|get|do|tell|respond|ring|text)\b", re.I
)
_SELF = compile_words(
    r"I'll",
    r"I will",
    r"I'm going to",
    r"I am going to",
    r"I can",
    r"we'll",
    r"we will",
    r"I'd",
    r"I would",
)
_SOFT = frozenset({"asap", "a.s.a.p", "a.s.a.p.", "as soon as possible", "urgently", "urgent"})
_NEGATED = re.compile(r"(?:\bnot|\bno|n't|\bnon-?)\s*(?:too |very |super |that |at all )?$", re.I)


def _demanded(doc: Doc, start: int, end: int) -> bool:
    sentence = doc.sentence_of(start) or (start, end)
    before = doc.text[sentence[0] : start]
    if _NEGATED.search(before) or _SELF.search(doc.text, sentence[0], start):
        return False
    if _IMPERATIVE.match(doc.text, sentence[0]):
        return True
    return _DEMAND.search(doc.text, sentence[0], sentence[1]) is not None


def _immediacy(doc: Doc) -> list[Hit]:
    out: list[Hit] = []
    for pattern, conditional in ((ALWAYS, False), (IF_DEMANDED, True)):
        for m in pattern.finditer(doc.text):
            if conditional and not _demanded(doc, *m.span()):
                continue
            if not conditional and _NEGATED.search(doc.text, max(0, m.start() - 16), m.start()):
                continue
            soft = m.group().lower().rstrip("!") in _SOFT
            out.append(Hit((m.span(),), "by [day and time], if that works" if soft else None))
    return sorted(out, key=lambda h: h.spans)


def _time_boxed(doc: Doc) -> list[Hit]:
    return one_hit(doc.parts["time_box"])


register(
    Rule(
        id="demands-immediacy",
        kind="problem",
        severity="medium",
        doc='Demands immediate attention or constant availability ("ASAP", "right now").',
        message="Pressing for an instant answer leaves no room for their own time and limits.",
        suggestion="Give a concrete deadline and the reason for it, and leave room to say no.",
        detect=_immediacy,
        must_flag=(
            "I need this done ASAP.",
            "Call me back right now.",
            "URGENT!!! Can you fix the server?",
            "Please reply immediately, I need an answer today.",
            "Drop everything and look at my PR.",
            "I need you to be reachable 24/7 this week.",
            "Could you send the report as soon as possible?",
            "I need this today, no excuses.",
        ),
        must_pass=(
            "It's not urgent: could you look at my PR sometime this week?",
            "Could you review my draft by Thursday noon? The client call is Friday.",
            "No rush at all, whenever you have a moment.",
            "Do you have 10 minutes tomorrow to talk about the roadmap?",
            "I'd love your advice on my CV before the end of the month.",
            "Thanks for getting back to me so quickly yesterday!",
            "Could you cover my shift on Tuesday afternoon?",
            "Would a short call next week work for you?",
        ),
    )
)

register(
    Rule(
        id="time-boxed",
        kind="strength",
        severity="info",
        doc='The ask bounds the effort ("10 minutes", "a quick look at two slides").',
        message="You bounded the effort, which makes it easy to fit in.",
        suggestion="Say how much time or effort you're asking for.",
        detect=_time_boxed,
        missing='Say how much time it would take ("about 15 minutes"), so they can plan.',
        suggest_when=lambda doc: bool(doc.parts["ask"]),
        must_flag=(
            "Do you have 10 minutes tomorrow to talk about the roadmap?",
            "Could you take a quick look at two slides?",
            "Would you have half an hour this week for a call?",
            "Could you read three pages of my thesis intro?",
            "It would take about 20 minutes of your time.",
            "Could we have a short call on Friday?",
            "Can you answer a couple of questions about the API?",
            "Would you spare 15 min to pair on the bug?",
        ),
        must_pass=(
            "Can you help me with my thesis?",
            "Could you review my whole codebase?",
            "Could you send the report as soon as possible?",
            "I need this done ASAP.",
            "Would you be my mentor?",
            "Can you look at my draft?",
            "What do you think of the plan?",
            "",
        ),
    )
)
