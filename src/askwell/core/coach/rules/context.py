"""Rules about context: no-context and over-justified (problems)."""

from __future__ import annotations

from askwell.core.coach.parts import ask_has_context
from askwell.core.coach.registry import Hit, Rule, register
from askwell.core.coach.text import Doc, compile_words

ASSUMED = compile_words(
    r"as you know",
    r"you know (?:what|how) (?:it's|it is|I'm|I am|things are|I feel|this is)",
    r"you know (?:the situation|why|what I mean|what's going on|what I'm going through)",
    r"like I said",
    r"(?:the|that) thing (?:we|I) (?:talked|spoke) about",
    r"you know the drill",
)
APOLOGY = compile_words(
    r"sorry",
    r"apologi[sz]e\w*",
    r"apologies",
    r"forgive me",
    r"pardon me",
)
JUSTIFY = compile_words(
    r"I hate to (?:ask|bother|do this|impose)",
    r"I (?:really )?(?:don't|do not) want to (?:bother|impose|be a burden|trouble)",
    r"I know (?:you're|you are) (?:so |really |very )?(?:busy|swamped)",
    r"I feel (?:so |really )?(?:bad|terrible|awful|guilty) (?:asking|about asking|for asking)",
    r"I wouldn't ask (?:if|unless)",
    r"I promise",
    r"I know this is (?:a lot|stupid|dumb|silly|a big ask)",
    r"(?:stupid|dumb|silly) question",
    r"I've tried everything",
    r"I (?:really )?(?:hate|dislike) asking",
    r"I'm (?:so |such )?(?:useless|hopeless|an idiot)",
    r"(?:bother|bothering|burden|burdening|trouble|troubling) you",
    r"I know I (?:always|keep) asking",
)
MANY = 3
PREAMBLE_WORDS = {"chat": 60, None: 120}


def _no_context(doc: Doc) -> list[Hit]:
    assumed = ASSUMED.spans(doc.text)
    if assumed:
        return [Hit(tuple(assumed))]
    asks = doc.parts["ask"]
    if not asks or doc.parts["context"] or doc.parts["challenge"] or doc.parts["reason"]:
        return []
    if any(ask_has_context(doc.text, a) for a in asks):
        return []
    return [Hit(tuple(asks))]


def _over_justified(doc: Doc) -> list[Hit]:
    found = sorted(APOLOGY.spans(doc.text) + JUSTIFY.spans(doc.text))
    out: list[Hit] = []
    if len(found) >= MANY:
        out.append(Hit(tuple(found)))
    asks = doc.parts["ask"]
    limit = PREAMBLE_WORDS.get(doc.channel, PREAMBLE_WORDS[None])
    # n words need at least 2n - 1 characters, so a short lead-in needs no counting
    if asks and doc.sentences and asks[0][0] >= 2 * limit - 1:
        first = asks[0][0]
        before = doc.words_between(0, first)
        if before >= limit and before >= 0.75 * doc.n_words:
            out.append(Hit(((doc.sentences[0][0], first),)))
    return out


register(
    Rule(
        id="no-context",
        kind="problem",
        severity="low",
        doc="The request gives no situation at all, or assumes they already know it.",
        message="They may not know what you're going through, so the ask lands without context.",
        suggestion="Add one or two sentences on the situation before the ask.",
        detect=_no_context,
        must_flag=(
            "Can you help me?",
            "Could you take a look at it?",
            "Would you do it by Friday?",
            "As you know, things are bad. Can you cover for me?",
            "You know the situation. Could you talk to him?",
            "Any chance you could jump in?",
            "Like I said, it's happening again. Can you come over?",
            "Please send it over.",
        ),
        must_pass=(
            "I'm preparing my first conference talk. Could you look at two slides?",
            "Our release is blocked by a flaky test. Could you pair with me for 20 minutes?",
            "Could you review the pricing section of my proposal before Thursday?",
            "I've been offered a team lead role and I'm unsure. Could we talk it through?",
            "Since you ran the migration last year, could you share your checklist?",
            "Thank you so much for covering the meeting yesterday!",
            "My landlord raised the rent by 30%. Do you know a tenants' advice service?",
            "I'm moving flats on Saturday. Would you help carry boxes for an hour?",
        ),
    )
)

register(
    Rule(
        id="over-justified",
        kind="problem",
        severity="medium",
        doc="Many apologies or justifications, or a long preamble before the ask.",
        message="A pile of apologies or a long lead-in buries the ask and makes it feel heavier.",
        suggestion="Keep one short apology at most and put the ask near the top.",
        detect=_over_justified,
        must_flag=(
            "Sorry, sorry, I'm so sorry to ask. Could you review my draft?",
            "I hate to bother you and I know you're busy, sorry. Could you look at my CV?",
            "Sorry for bothering you. I feel bad asking. I promise it's quick. Can you help?",
            "Apologies for the stupid question, and sorry again, but how do I run the tests?",
            "I'm sorry, I know this is a lot, I wouldn't ask if I had a choice. Can you lend me "
            "your car?",
            "Forgive me for troubling you. I apologise in advance. Sorry! Could you call me?",
            "This is probably a stupid question, sorry, I'm useless at this. What's a PR?",
            "I really don't want to be a burden, sorry, I know I keep asking. Could you help "
            "me move?",
        ),
        must_pass=(
            "Sorry to bother you! Could you review my draft by Friday?",
            "I'm sorry this is late notice. Could you cover my shift on Tuesday?",
            "Could you review my draft? Thanks!",
            "Sorry, what do you mean by 'burn in'?",
            "Apologies for the delay. Could you resend the invoice?",
            "I know you're busy, so no pressure: could you glance at one paragraph?",
            "Our release is blocked by a flaky test. Could you pair with me for 20 minutes?",
            "",
        ),
    )
)
