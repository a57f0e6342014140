"""Rules about context: no-context, assumes-knowledge, over-justified, hedge-pile-up."""

from __future__ import annotations

import re

from askwell.core.coach.cues import find as find_cue
from askwell.core.coach.registry import Hit, Rule, learned, register
from askwell.core.coach.rules.ask import has_ask
from askwell.core.coach.text import Doc

# One hedge reads as polite (the politeness research agrees); a pile-up reads as doubt in
# yourself. Self-deprecation weighs double: "I'm no expert" says more than "maybe".
PILE_UP = 4


# Over-justifying is a pile (LABELS.md: two or more apologies, an excuse chain, or a long
# preamble); one polite "sorry to bother you" is not. In a short text the model's verdict needs
# the pile to be there: two apologies or excuses. Long texts are left to the model.
_EXCUSE = re.compile(
    r"(?<![\w'])(?:i know (?:this is a lot|i keep|i asked|it's late|you(?:'re| are) busy)|"
    r"i wouldn't ask|hate (?:doing|to)|i feel (?:bad|awful|terrible)|burden|i promise)",
    re.IGNORECASE,
)
SHORT = 40  # words


def _over_justified(doc: Doc) -> list[Hit]:
    found = _learned_over_justified(doc)
    if not found or len(doc.text.split()) >= SHORT:
        return found
    pile = len(find_cue("apology", doc.text)) + len(_EXCUSE.findall(doc.text))
    return found if pile >= 2 else []


_learned_over_justified = learned("over_justified", "apology")


def _no_context(doc: Doc) -> list[Hit]:
    result = doc.learned["has_context"]
    if result.found or not has_ask(doc):
        return []
    ask = doc.learned["specific_ask"]
    span = ask.span if ask.found else doc.learned["vague_ask"].span
    return [Hit((span,) if span else (), confidence=result.confidence)]


def _hedge_pile_up(doc: Doc) -> list[Hit]:
    hedges = find_cue("hedge", doc.text)
    selfdep = find_cue("self_deprecation", doc.text)
    if len(hedges) + 2 * len(selfdep) < PILE_UP:
        return []
    return [Hit(tuple(sorted(hedges + selfdep)), confidence=1.0)]


register(
    Rule(
        id="no-context",
        kind="problem",
        severity="low",
        doc="The request says nothing of the situation: why the need exists, what was tried.",
        message="They may not know what you're going through, so the ask lands without context.",
        suggestion="Add one or two sentences on the situation before the ask.",
        detect=_no_context,
        must_flag=(
            "Can you help me?",
            "Could you take a look at it?",
            "Would you do it by Friday?",
            "Any chance you could jump in?",
            "Please send it over.",
            "Can you cover my shift?",
            "Could you call me?",
            "Can I borrow your car?",
        ),
        must_pass=(
            "I'm preparing my first conference talk. Could you look at two slides?",
            "Our release is blocked by a flaky test. Could you pair with me for 20 minutes?",
            "I've been offered a team lead role and I'm unsure. Could we talk it through?",
            "Thank you so much for covering the meeting yesterday!",
            "My landlord raised the rent by 30%. Do you know a tenants' advice service?",
            "I'm moving flats on Saturday. Would you help carry boxes for an hour?",
            "My car broke down this morning and the garage is 5 miles away. Could you give "
            "me a lift there after work?",
            "",
        ),
    )
)

register(
    Rule(
        id="assumes-knowledge",
        kind="problem",
        severity="medium",
        doc='Expects them to already know what "it" is or what is going on.',
        message="They may not know what you mean yet, so the ask is hard to act on.",
        suggestion='Say in one sentence what happened or what "it" is.',
        detect=learned("assumes_knowledge", "assumes"),
        must_flag=(
            "You know what's been going on. Can you cover for me?",
            "The thing from last week happened again, can you sort it?",
            "As you know, things are bad at home. Could you talk to him?",
            "Can you do that thing again? Same as before.",
            "You know the situation. Could you talk to him?",
            "It's happening again. Can you come over?",
            "Can you deal with it before Friday? You know what I mean.",
            "Ugh, the usual problem. Could you fix it like last time?",
        ),
        must_pass=(
            "My laptop won't start after the update. Could you look at it tonight?",
            "Could you send me the slides from Tuesday's planning meeting?",
            "I'm moving on Saturday. Could you help carry boxes for an hour?",
            "Thanks for your help with the budget!",
            "Could you review the pricing section of my proposal before Thursday?",
            "My sister is in hospital and I need someone to feed the cat for two days.",
            "Could you proofread the cover letter for the museum job?",
            "",
        ),
    )
)

register(
    Rule(
        id="over-justified",
        kind="problem",
        severity="medium",
        doc="A long preamble, a pile of reasons or excuses, or many apologies bury the ask.",
        message="A pile of apologies or a long lead-in buries the ask and makes it feel heavier.",
        suggestion="Keep one short apology at most and put the ask near the top.",
        detect=_over_justified,
        must_flag=(
            "Sorry, sorry, I'm so sorry to ask. Could you review my draft?",
            "I hate to bother you and I know you're busy, sorry. Could you look at my CV?",
            "Sorry for bothering you. I feel bad asking. I promise it's quick. Can you help?",
            "I'm sorry, I know this is a lot, I wouldn't ask if I had a choice. Can you lend me "
            "your car?",
            "Forgive me for troubling you. I apologise in advance. Sorry! Could you call me?",
            "I really don't want to be a burden, sorry, I know I keep asking. Could you help "
            "me move?",
            "Sorry again, I know I asked last week too and I hate doing this and I feel awful, "
            "but could you lend me $20?",
            "So sorry!! I know it's late and I'm so sorry, apologies again, could you check "
            "the file?",
        ),
        must_pass=(
            "Sorry to bother you! Could you review my draft by Friday?",
            "I'm sorry this is late notice. Could you cover my shift on Tuesday?",
            "Could you review my draft? Thanks!",
            "Apologies for the delay. Could you resend the invoice?",
            "Our release is blocked by a flaky test. Could you pair with me for 20 minutes?",
            "Could you lend me your ladder on Saturday?",
            "Thanks so much for the lift yesterday!",
            "",
        ),
    )
)

register(
    Rule(
        id="hedge-pile-up",
        kind="problem",
        severity="low",
        doc='Hedges and self-deprecation stack up ("just", "maybe", "I\'m no expert").',
        message="All the hedging makes the ask sound smaller than it is, and you too.",
        suggestion="Keep one softener at most, and trust that your question is worth asking.",
        detect=_hedge_pile_up,
        must_flag=(
            "This might be a stupid question, and I'm no expert, and I may be wrong, but "
            "could you check my formula?",
            "Sorry if this is a dumb question, I'm probably missing something, but how do I "
            "run the tests?",
            "I just maybe possibly wondered if you might perhaps have a minute?",
            "I'm no expert, I may be wrong, but could you look at the budget?",
            "It's probably nothing and I might be wrong, but maybe you could just glance at it?",
            "Silly question, I'm probably missing something obvious: where are the keys?",
            "I guess maybe I kind of need a bit of help with the report, if possible?",
            "I'm clueless here, stupid question probably, but what's a PR?",
        ),
        must_pass=(
            "Could you maybe look at my draft by Friday?",
            "I think the budget is off. Could you check line 12?",
            "Could you review my draft? Thanks!",
            "Just checking: are we still on for Tuesday?",
            "Would you have 15 minutes tomorrow for a quick call?",
            "I'm stuck on the deploy step. Could you pair with me?",
            "Thanks for your help!",
            "",
        ),
    )
)
