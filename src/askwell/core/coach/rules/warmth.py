"""Strengths that make a yes easy: reason-for-them, easy-out, gratitude and i-statement."""

from __future__ import annotations

from collections.abc import Callable

from askwell.core.coach.registry import Hit, Rule, one_hit, register
from askwell.core.coach.rules.pressure import blame
from askwell.core.coach.text import Doc, compile_words

I_STATEMENT = compile_words(
    r"I(?:'m| am) (?:feeling|finding|struggling|worried|stuck|hoping|trying|unsure|not sure"
    r"|overwhelmed|at capacity|behind)",
    r"I (?:feel|need|think|hope|want|noticed|realised|realized|find|would like|would love"
    r"|would appreciate|would value)",
    r"I(?:'d| would) (?:like|love|appreciate|value|be grateful)",
    r"(?:it|this) would (?:help|mean a lot to) me",
)
_I = compile_words(r"I", r"I'm", r"I've", r"I'd", r"I'll", r"me", r"my")


def _part(name: str) -> Callable[[Doc], list[Hit]]:
    def detect(doc: Doc) -> list[Hit]:
        return one_hit(doc.parts[name])

    return detect


def _has_ask(doc: Doc) -> bool:
    return bool(doc.parts["ask"])


def _i_statement(doc: Doc) -> list[Hit]:
    return one_hit(I_STATEMENT.spans(doc.text))


def _needs_i(doc: Doc) -> bool:
    return bool(blame(doc)) or (not _I.search(doc.text) and doc.n_words >= 8)


register(
    Rule(
        id="reason-for-them",
        kind="strength",
        severity="info",
        doc="Says why you are asking this person in particular.",
        message="You said why you're asking them, which shows you value what they bring.",
        suggestion="Keep the reason short and genuine.",
        detect=_part("reason"),
        missing='Add why you thought of them ("since you ran the last migration...").',
        suggest_when=_has_ask,
        must_flag=(
            "Since you ran the migration last year, could you share your checklist?",
            "I thought of you because you've been through a job change.",
            "Given your experience with grant writing, could you read my summary?",
            "You're really good at naming things. Could you suggest a title?",
            "Because you know the billing code well, could you review this?",
            "Your perspective as a new parent would help me a lot.",
            "You've done this before, so I'd value your view.",
            "As someone who has moved abroad, what would you pack?",
        ),
        must_pass=(
            "Could you review my draft?",
            "Can you help me?",
            "Could you cover my shift on Tuesday?",
            "Do you have 10 minutes tomorrow?",
            "Any advice on negotiating salary?",
            "I need someone to water my plants.",
            "Thanks for the help!",
            "",
        ),
    )
)

register(
    Rule(
        id="easy-out",
        kind="strength",
        severity="info",
        doc='Offers a clear, easy way to say no ("no worries if you can\'t").',
        message="You made it easy to say no, so a yes will be a real yes.",
        suggestion="Keep the door open for a no or another time.",
        detect=_part("easy_out"),
        missing='Add an easy out, e.g. "no worries if now isn\'t a good time".',
        suggest_when=_has_ask,
        must_flag=(
            "Could you help me move on Saturday? No worries if you can't.",
            "Totally fine if not!",
            "Feel free to say no if you're swamped.",
            "I'd completely understand if you don't have the bandwidth.",
            "No pressure at all.",
            "If now isn't a good time, we can find another.",
            "It's okay to say no, honestly.",
            "Would you read my draft? Absolutely fine if you can't this week.",
        ),
        must_pass=(
            "Could you help me move on Saturday?",
            "I need this done ASAP.",
            "Please reply today.",
            "Can you look at my draft?",
            "Don't say no, please.",
            "Thanks so much!",
            "You're my only hope.",
            "",
        ),
    )
)

register(
    Rule(
        id="gratitude",
        kind="strength",
        severity="info",
        doc="Thanks them or says you appreciate their time.",
        message="You thanked them, which people remember and return.",
        suggestion="A short, specific thank-you is plenty.",
        detect=_part("thanks"),
        missing="End with a short thank-you for their time.",
        suggest_when=_has_ask,
        must_flag=(
            "Thanks so much!",
            "Thank you for considering it.",
            "I'd really appreciate it.",
            "I'm grateful for any time you can spare.",
            "Could you review my draft? Thanks!",
            "Many thanks in advance.",
            "Cheers, Sam",
            "I appreciate your help with the launch.",
        ),
        must_pass=(
            "Could you review my draft?",
            "Can you help me?",
            "I need this done ASAP.",
            "Do you have 10 minutes tomorrow?",
            "Please send the file.",
            "What do you think of the plan?",
            "You never reply to my messages.",
            "",
        ),
    )
)

register(
    Rule(
        id="i-statement",
        kind="strength",
        severity="info",
        doc='Speaks from your own side ("I\'m stuck on...", "I\'d like...").',
        message="Speaking from your own side keeps the tone open and non-blaming.",
        suggestion="Keep describing what you need and how it affects you.",
        detect=_i_statement,
        missing='Try an "I" statement ("I\'m stuck on...") instead of a "you" statement.',
        suggest_when=_needs_i,
        must_flag=(
            "I'm stuck on the deploy step.",
            "I feel overwhelmed with the launch.",
            "I'd love your advice on my CV.",
            "I need a second pair of eyes on this.",
            "I would appreciate a quick look.",
            "I'm not sure how to start the report.",
            "It would help me a lot to talk it through.",
            "I hope you can join the review.",
        ),
        must_pass=(
            "Can you help?",
            "You never reply to my messages.",
            "Could you review the draft?",
            "Please send the file.",
            "Any thoughts?",
            "Thanks!",
            "Is the server down?",
            "",
        ),
    )
)
