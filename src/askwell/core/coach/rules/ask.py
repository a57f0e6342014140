"""Rules about the ask itself: vague-ask (problem) and specific-ask (strength)."""

from __future__ import annotations

import re
from itertools import filterfalse
from string import ascii_lowercase

from askwell.core.coach.registry import Hit, Rule, one_hit, register
from askwell.core.coach.text import Doc, Span

_WORD = re.compile(r"[a-z][a-z']*")
_FILLER_WORDS = """
a an the and or but so if then than to of in on at for with about from by as into up out i
i'm i'd i've i'll me my mine we we're our us you you're your yours it it's its this that
these those there here he she they them his her their is are was were be been being am do
does did doing have has had can could would will should may might must shall not no yes hi
hey hello dear please thanks thank cheers help helping helped out need needs want wants
something anything stuff thing things everything some any thoughts ideas idea advice
suggestions suggestion tips tip pointers input feedback question questions quick just really
very bit little lot kind sort maybe perhaps possibly think know get got give make look let
mind around free time today now again also well like love appreciate wondering hoping work
job issue issues problem problems matter favour favor sure ok okay what how why who when
where which anyone someone somebody anybody one guys folks all
"""
_FILLER = frozenset(_FILLER_WORDS.split())
_SKIP = _FILLER | frozenset(ascii_lowercase)  # filler and one-letter words (words are a-z led)


def content_words(text: str) -> int:
    """Count words that carry a concrete object (not filler or request words)."""
    return len(list(filterfalse(_SKIP.__contains__, _WORD.findall(text.lower()))))


def _no_counts(doc: Doc) -> dict[Span, int]:
    return {}


def _content_words(doc: Doc, span: Span) -> int:
    """`content_words` of one sentence, computed once per text."""
    counts: dict[Span, int] = doc.once("content-words", _no_counts)
    found = counts.get(span)
    if found is None:
        found = counts[span] = content_words(doc.sentence(span))
    return found


def _asks(doc: Doc) -> list[Span]:
    return doc.parts["ask"]


def is_specific(doc: Doc, ask: Span) -> bool:
    """Return True when an ask names a concrete object or a bound on the effort."""
    if _content_words(doc, ask) >= 3:
        return True
    bounds = doc.parts["time_box"] + doc.parts["deadline"]
    return any(ask[0] <= b[0] < ask[1] for b in bounds)


def _has_situation(doc: Doc, least: int) -> bool:
    """Return True when a context or challenge sentence names `least` content words."""
    sentences = doc.parts["context"] + doc.parts["challenge"]
    return any(_content_words(doc, s) >= least for s in sentences)


def _vague(doc: Doc) -> list[Hit]:
    return doc.once("vague-ask", _find_vague)


def _find_vague(doc: Doc) -> list[Hit]:
    if not doc.text or doc.text.isspace():
        return [Hit(())]
    asks = _asks(doc)
    if not asks:
        if doc.parts["thanks"]:
            return []  # a thank-you note, not a request
        return [Hit((doc.sentences[-1],))] if doc.sentences else []
    if any(is_specific(doc, a) for a in asks):
        return []
    named = max(_content_words(doc, a) for a in asks)
    if named >= 2 or _has_situation(doc, 4 if named == 0 else 2):
        return []
    return one_hit(asks)


def _specific(doc: Doc) -> list[Hit]:
    return one_hit([a for a in _asks(doc) if is_specific(doc, a)])


register(
    Rule(
        id="vague-ask",
        kind="problem",
        severity="high",
        doc='The ask names no concrete object, scope or request ("can you help me?").',
        message="It is hard to say yes to an ask that doesn't say what you need.",
        suggestion="Name one concrete thing: what you need, how much of it, and by when.",
        detect=_vague,
        must_flag=(
            "Can you help me?",
            "Hey, any thoughts?",
            "I need help with work.",
            "Could you help me out with something?",
            "Hi! I need some advice. Can you help?",
            "help!!",
            "I'm stuck with stuff. Can you help?",
            "Any ideas?",
            "I am a bit lost lately.",
        ),
        must_pass=(
            "Could you review the pricing section of my proposal before Thursday?",
            "Would you look over two slides of my conference talk?",
            "Can you help me set up the staging database for the billing service?",
            "My build fails on the linker step with an undefined symbol error. Any ideas?",
            "Could we swap Tuesday's on-call shift for my Friday one?",
            "Do you have 15 minutes to walk me through the deploy script?",
            "Thank you so much for covering the meeting yesterday!",
            "I'd love your advice on whether to accept the team lead role I was offered.",
        ),
    )
)

register(
    Rule(
        id="specific-ask",
        kind="strength",
        severity="info",
        doc="The ask names a concrete object, an amount or a deadline.",
        message="Your ask is specific: the other person knows exactly what you need.",
        suggestion="Keep the ask to one concrete thing with its size and timing.",
        detect=_specific,
        missing="Say exactly what you'd like them to do, so a yes is easy.",
        suggest_when=lambda doc: bool(doc.parts["ask"]) and not _vague(doc),
        must_flag=(
            "Could you review the pricing section of my proposal before Thursday?",
            "Would you look over two slides of my conference talk?",
            "Can you help me set up the staging database for the billing service?",
            "Could we swap Tuesday's on-call shift for my Friday one?",
            "Do you have 15 minutes to walk me through the deploy script?",
            "Would you be willing to introduce me to Priya from the data team?",
            "Could you proofread the cover letter for the museum job?",
            "Can I borrow your ladder on Saturday morning?",
        ),
        must_pass=(
            "Can you help me?",
            "Any thoughts?",
            "I need help with work.",
            "Could you help me out with something?",
            "help!!",
            "Thank you so much for covering the meeting yesterday!",
            "What do you think?",
            "",
        ),
    )
)
