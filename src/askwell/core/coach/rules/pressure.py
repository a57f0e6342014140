"""Rules about pressure: pressure, comparison and blaming-you (problems)."""

from __future__ import annotations

import re
from collections.abc import Callable

from askwell.core.coach.lexicon import Lexicon
from askwell.core.coach.registry import Hit, Rule, hits, register
from askwell.core.coach.text import Doc, compile_words

PRESSURE = compile_words(
    r"(?:you(?:'re| are) )?my (?:only|last) (?:hope|chance|option|resort)",
    r"you(?:'re| are) the only one who (?:can|will|cares)",
    r"after (?:all|everything) (?:I(?:'ve| have)|I) done for you",
    r"I(?:'m| am) begging(?: you)?",
    r"I beg(?: of)? you",
    r"please,? please",
    r"ple+a+s+e{2,}",
    r"if you (?:don't|do not|won't|will not) help(?: me)?,? (?:I(?:'ll| will)|I'm going to|then)",
    r"you owe (?:me|it to me)",
    r"(?:I(?:'m| am)|I feel) (?:so |really |completely )?desperate",
    r"desperately",
    r"don't let me down",
    r"I(?:'ll| will) never forgive",
    r"if you (?:really|truly) (?:cared|loved|were my friend)",
    r"if you were a (?:real|true|good) friend",
    r"(?:it's|it is) the least you (?:can|could) do",
    r"I(?:'ll| will) (?:lose|be ruined|have nothing)",
    r"my (?:whole )?life (?:is|will be) (?:over|ruined)",
    r"you(?:'re| are) going to regret",
    r"(?:everything|my whole life) depends on (?:you|this)",
    r"(?:I|we) have no one else",
    r"(?:or|otherwise|else) I(?:'m| am| will be|'ll be) (?:totally |so )?(?:screwed|doomed|done for"
    r"|finished|dead)",
    r"or else\b",
)
COMPARISON = compile_words(
    r"you(?:'re| are| do| did| always| usually)? (?:\w+ ){0,4}?(?:better|faster|nicer|kinder"
    r"|smarter|quicker|worse|slower|more helpful) than (?:him|her|them|the others|everyone"
    r"|(?-i:[A-Z][a-z]+))",
    r"unlike (?:him|her|the others|some people|your (?:brother|sister|colleague)"
    r"|(?-i:[A-Z][a-z]+))(?:,| you)",
    r"(?:everyone|everybody) else (?:has|have|did|would|already|helped|always)",
    r"why can't you be (?:more )?like",
    r"even (?-i:[A-Z][a-z]+) (?:helped|did|offered|managed|said yes|would)",
    r"(?:other|most) (?:people|friends|managers|colleagues|mentors|bosses|parents|sisters"
    r"|brothers) (?:would(?: have)?|already|always)"
    r" (?:help|helped|do|done|say|said|understand|get)",
    r"you're not as \w+ as",
    r"why not (?:me|for me)\b",
)
BLAME = compile_words(
    r"(?<!did )(?<!have )(?<!had )you never \w+",
    r"you always (?:ignore|forget|leave|blow|brush|dump|interrupt|complain|cancel|say no|make me)"
    r"\w*",
    r"you didn't (?:even )?(?:reply|answer|respond|bother|care|help|listen|read|tell|call)",
    r"you (?:should|could)(?: have|'ve) (?:told|helped|said|known|done|asked|checked|warned)",
    r"(?:it's|it is|this is|that's) (?:all )?your fault",
    r"because of you",
    r"you made me",
    r"you don't (?:even )?(?:care|listen|read|bother|respond|help)",
    r"you ignored",
    r"you keep (?:ignoring|forgetting|missing|dodging|putting (?:it|this|me) off|avoiding"
    r"|interrupting|cancelling|canceling)",
    r"why (?:didn't|haven't|won't|can't) you (?:just )?(?:help|answer|reply|respond|do|fix|read)",
    r"you left me",
)


NAME_WOULD = compile_words(
    r"would(?: have|'ve)? (?:helped|done|said yes) (?:already|by now|without)"
)
_NAME_BEFORE = re.compile(r"(?<![\w'])[A-Z][a-z]+ $")


def _comparison(doc: Doc) -> list[Hit]:
    found = COMPARISON.spans(doc.text)
    for start, end in NAME_WOULD.spans(doc.text):
        name = _NAME_BEFORE.search(doc.text, max(0, start - 30), start)
        if name and name.group() != "I ":
            found.append((name.start(), end))
    return hits(sorted(found))


def _finder(pattern: Lexicon) -> Callable[[Doc], list[Hit]]:
    def detect(doc: Doc) -> list[Hit]:
        return hits(pattern.spans(doc.text))

    return detect


_blame = _finder(BLAME)


def blame(doc: Doc) -> list[Hit]:
    """Return blaming "you" statements (computed once per text)."""
    return doc.once("blaming-you", _blame)


register(
    Rule(
        id="pressure",
        kind="problem",
        severity="high",
        doc='Guilt-tripping, begging, desperation or drama ("you\'re my only hope").',
        message="Pressure makes a no feel costly, and that strains the relationship.",
        suggestion="State what you need plainly and make it clearly OK to say no.",
        detect=_finder(PRESSURE),
        must_flag=(
            "You're my only hope, please help me move.",
            "After all I've done for you, you can't lend me $50?",
            "I'm begging you, read my essay.",
            "Please please please cover my shift!",
            "If you don't help me, I'll lose my job and it's on you.",
            "I'm desperate, can you look at my code?",
            "Don't let me down on this one.",
            "If you were a real friend you'd drive me to the airport.",
            "Send me the numbers today or I'm screwed.",
        ),
        must_pass=(
            "Could you help me move on Saturday? No worries if you can't.",
            "Please could you cover my shift on Tuesday?",
            "I'm stuck on my essay intro. Could you read one paragraph?",
            "I'd really appreciate your help with the move.",
            "Would you be up for driving me to the airport? Totally fine if not.",
            "This matters a lot to me, so thank you for considering it.",
            "Could you lend me $50 until Friday? I'll pay it back on payday.",
            "Please let me know if you have time this week.",
        ),
    )
)

register(
    Rule(
        id="comparison",
        kind="problem",
        severity="medium",
        doc='Compares them with other people ("everyone else already helped").',
        message="Comparisons with others feel like pressure, even when meant as praise.",
        suggestion="Say why you thought of them, without measuring them against anyone.",
        detect=_comparison,
        must_flag=(
            "You always handle this better than Sam.",
            "Everyone else already helped with the move.",
            "You always help Tom, why not me?",
            "Why can't you be more like your sister?",
            "Even Priya helped me last time.",
            "Unlike Tom, you actually know the codebase.",
            "Most managers would have said yes already.",
            "You're way nicer than the others, so could you cover for me?",
            "Other people would help without asking questions.",
            "Sam would have helped already.",
        ),
        must_pass=(
            "You know the billing code well, so could you review my change?",
            "Could you help with the move on Saturday?",
            "Python is faster than I expected for this job. Could you check my benchmark?",
            "I thought of you because you ran the last offsite.",
            "Sam suggested I ask you about the API. Do you have 10 minutes?",
            "Other people have reported this error too. Any idea why?",
            "This is better than the old layout. Could you sign it off?",
            "Would you be willing to mentor me for a few months?",
            "I would have done it already, but I'm stuck. Could you pair on the test?",
        ),
    )
)

register(
    Rule(
        id="blaming-you",
        kind="problem",
        severity="medium",
        doc='Blaming "you" statements ("you never reply", "it\'s your fault").',
        message="Blame puts them on the defensive before they've even read the ask.",
        suggestion='Describe the impact with an "I" statement: "I\'m stuck until...".',
        detect=blame,
        must_flag=(
            "You never reply to my messages.",
            "You didn't even read my email.",
            "It's your fault the release slipped, so fix it.",
            "You should have told me about the deadline.",
            "You always ignore my questions in standup.",
            "Because of you I'm behind, so help me catch up.",
            "You don't care about this project.",
            "Why didn't you just answer me yesterday?",
        ),
        must_pass=(
            "I'm stuck until the API spec is final. Could you share a draft?",
            "You always give such clear feedback, so could you read my intro?",
            "I missed the deadline news. Could you update me on the timeline?",
            "You've done this before, so I'd value your view.",
            "Could you reply when you have a moment?",
            "I feel behind on the project and would like to catch up with you.",
            "Did you get a chance to look at my email?",
            "Thanks for your reply yesterday!",
        ),
    )
)
