"""Rules about the ask itself: vague-ask and placeholder (problems), specific-ask (strength)."""

from __future__ import annotations

import re

from askwell.core.coach.registry import Hit, Rule, learned, register
from askwell.core.coach.text import Doc

# An unfilled slot in a draft: [..], {..}, <..>, TODO, TBD, XX/XXX. Dollar amounts in braces,
# emoticons like <3 and a lone "[sic]" are not slots.
PLACEHOLDER = re.compile(
    r"\[(?!sic\])[^\[\]\n]{1,60}\]|\{[^{}\n]{1,60}\}|<(?!3)[^<>\n]{1,60}>|"
    r"(?<![\w'])(?:TODO|TBD|FIXME|XXX?|xx)(?![\w'])"
)


def _placeholders(doc: Doc) -> list[Hit]:
    return [Hit((m.span(),), confidence=1.0) for m in PLACEHOLDER.finditer(doc.text)]


def has_ask(doc: Doc) -> bool:
    """Return True when the text asks for something (specific or vague)."""
    return doc.learned["specific_ask"].found or doc.learned["vague_ask"].found


register(
    Rule(
        id="vague-ask",
        kind="problem",
        severity="high",
        doc='The reader cannot tell what exactly is wanted ("can you help?", "any thoughts?").',
        message="It is hard to say yes to an ask that doesn't say what you need.",
        suggestion="Name one concrete thing: what you need, how much of it, and by when.",
        detect=learned("vague_ask", "vague"),
        must_flag=(
            "Can you help me?",
            "Hey, any thoughts?",
            "I need help with work.",
            "Could you help me out with something?",
            "Hi! I need some advice. Can you help?",
            "help!!",
            "I'm stuck with stuff. Can you help?",
            "Any ideas?",
        ),
        must_pass=(
            "Could you review the pricing section of my proposal before Thursday?",
            "Would you look over two slides of my conference talk?",
            "Can you help me set up the staging database for the billing service?",
            "Could we swap Tuesday's on-call shift for my Friday one?",
            "Do you have 15 minutes to walk me through the deploy script?",
            "Thank you so much for covering the meeting yesterday!",
            "Can you send me the notes from today's meeting?",
            "Could I borrow your ladder on Saturday morning?",
        ),
    )
)

register(
    Rule(
        id="specific-ask",
        kind="strength",
        severity="info",
        doc="The ask names one concrete thing the reader can picture doing.",
        message="Your ask is specific: the other person knows exactly what you need.",
        suggestion="Keep the ask to one concrete thing with its size and timing.",
        detect=learned("specific_ask"),
        missing="Say exactly what you'd like them to do, so a yes is easy.",
        suggest_when=lambda doc: doc.learned["vague_ask"].found,
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

register(
    Rule(
        id="placeholder",
        kind="problem",
        severity="high",
        doc='A slot left unfilled in a draft: "[15 minutes]", "{name}", "<date>", TODO, XX.',
        message="There's a blank left to fill in, so this isn't ready to send yet.",
        suggestion="Replace the bracketed part with the real detail, or take it out.",
        detect=_placeholders,
        must_flag=(
            "Could you review it? It should take about [15 minutes].",
            "Hi {name}, could you look at my slides?",
            "Could we meet on <date> for half an hour?",
            "TODO: say why them. Could you read my intro?",
            "Could you cover my shift on XX March?",
            "I'm stuck on [the problem]. Any chance you could help?",
            "Dear [Name], would you write me a reference?",
            "Could you send the figures by TBD?",
        ),
        must_pass=(
            "Could you review my draft by Friday? It should take about 15 minutes.",
            "Hi Ana, could you look at my slides?",
            "I <3 your designs. Could you look at my logo?",
            "Could we meet on 3 March for half an hour?",
            "Thanks for the help with the move!",
            "The todo list is long, so could you take the dishes tonight?",
            "Could you lend me $300 until payday?",
            "",
        ),
    )
)
