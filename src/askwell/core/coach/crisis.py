"""Crisis language (self-harm, suicide): never scored, answered with a pointer to help."""

from __future__ import annotations

from askwell.core.coach.text import Span, compile_words

CRISIS = compile_words(
    r"(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|poison|poisoning) myself",
    r"suicid(?!e (?:squad|prevention|awareness|hotline|hot line|line))\w*",
    r"self[- ]harm\w*",
    r"(?:end|ending|take|taking) (?:my (?:own )?life|it all)",
    r"(?:want|wanted|wanting|going|plan|planning|ready) to die",
    r"wish I (?:was|were) dead",
    r"(?:don't|do not|no longer|never) want to (?:live|be alive|exist|wake up)",
    r"don't want to be (?:here|around|alive) any ?more",
    r"(?:no|not any|not a) (?:reason|point) (?:to|in) (?:live|living|going on|being alive)",
    r"(?:everyone|they|everybody|you)(?:'d| would) be better off (?:dead|without me)",
    r"better off dead",
    r"(?:take|taking|took) an overdose",
    r"overdose on",
    r"can't go on living",
)

CRISIS_MESSAGE = (
    "It sounds like you may be going through something very painful, and you deserve support "
    "right now. If you might act on thoughts of harming yourself, or you are in danger, please "
    "call your local emergency number (112 in Europe, 911 in the US, 999 in the UK) or a crisis "
    "line (988 in the US; Samaritans 116 123 in the UK and Ireland), or reach a doctor or "
    "someone you trust today. You don't have to get the wording right to ask for this help."
)


def crisis_spans(text: str) -> list[Span]:
    """Return spans of crisis language (empty when none)."""
    return CRISIS.spans(text)


def is_crisis(text: str) -> bool:
    """Return True when `text` contains crisis language about self-harm or suicide."""
    return CRISIS.search(text) is not None
