"""Rules about time: demands-immediacy (problem) and time-boxed (strength)."""

from __future__ import annotations

from askwell.core.coach.registry import Rule, learned, register
from askwell.core.coach.rules.ask import has_ask

# Drop-in replacements for the phrases that press hardest (the rest of the sentence stays).
CALMER = {
    "asap": "when you have a moment",
    "a.s.a.p": "when you have a moment",
    "as soon as possible": "when you have a moment",
    "right now": "when you have a moment",
    "right away": "when you have a moment",
    "immediately": "when you have a moment",
    "urgent": "time-sensitive",
    "urgently": "soon",
}

register(
    Rule(
        id="demands-immediacy",
        kind="problem",
        severity="medium",
        doc='Demands attention now or in an unreasonable window ("ASAP", "reply in 15 min").',
        message="Pressing for an instant answer leaves no room for their own time and limits.",
        suggestion="Give a concrete deadline and the reason for it, and leave room to say no.",
        detect=learned("demands_immediacy", "immediacy", CALMER),
        must_flag=(
            "I need this done ASAP.",
            "Call me back right now.",
            "URGENT!!! Can you fix the server?",
            "Please reply immediately, I need an answer today.",
            "Drop everything and look at my PR.",
            "Reply within 15 minutes please.",
            "I need you to take over the reporting starting Monday. Reply ASAP.",
            "I need this tonight, not tomorrow.",
        ),
        must_pass=(
            "It's not urgent: could you look at my PR sometime this week?",
            "Could you review my draft by Thursday noon? The client call is Friday.",
            "No rush at all, whenever you have a moment.",
            "Do you have 10 minutes tomorrow to talk about the roadmap?",
            "Thanks for getting back to me so quickly yesterday!",
            "Could you cover my shift on Tuesday afternoon?",
            "My phone is on 3% and the last bus left. Could you pick me up?",
            "",
        ),
    )
)

register(
    Rule(
        id="time-boxed",
        kind="strength",
        severity="info",
        doc='Says how much time or effort the ask takes ("15 minutes", "two slides").',
        message="You bounded the effort, which makes it easy to fit in.",
        suggestion="Say how much time or effort you're asking for.",
        detect=learned("time_boxed", "time_box"),
        missing='Say how much time it would take ("about 15 minutes"), so they can plan.',
        suggest_when=has_ask,
        must_flag=(
            "Do you have 10 minutes tomorrow to talk about the roadmap?",
            "Could you take a quick look at two slides?",
            "Would you have half an hour this week for a call?",
            "Could you read three pages of my thesis intro?",
            "It would take about 20 minutes of your time.",
            "Can you answer a couple of questions about the API?",
            "Would you spare 15 min to pair on the bug?",
            "Could you give me a one-line sign-off on the budget?",
        ),
        must_pass=(
            "Can you help me with my thesis?",
            "Could you review my whole codebase?",
            "I need this done ASAP.",
            "Would you be my mentor?",
            "Can you look at my draft?",
            "Could you send me the report by Friday?",
            "What do you think of the plan?",
            "",
        ),
    )
)
