"""Find the parts of a request: context, challenge, the ask, reason, time box, easy out, thanks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from askwell.core.coach.text import Span, compile_words

if TYPE_CHECKING:
    from askwell.core.coach.registry import Finding
    from askwell.core.coach.text import Doc

PART_NAMES = (
    "greeting",
    "context",
    "challenge",
    "ask",
    "reason",
    "time_box",
    "deadline",
    "easy_out",
    "thanks",
)

GREETING = re.compile(
    r"^(?:hi|hello|hey|hiya|dear|greetings|good (?:morning|afternoon|evening))\b", re.IGNORECASE
)
ASK = compile_words(
    r"(?:could|can|would|will|might) you",
    r"(?:could|can|may|might) (?:I|we)",
    r"would it be (?:possible|ok|okay|alright)",
    r"(?:is|would) there (?:any )?(?:chance|way)",
    r"(?:do|would) you (?:have|mind|know|be)",
    r"(?:are|were) you (?:free|available|around|able|up for|willing|open)",
    r"I(?:'d| would) (?:really |so )?(?:love|like|appreciate|be (?:so |very |really )?grateful)",
    r"I(?:'m| am) (?:looking for|hoping|wondering|asking)",
    r"I was (?:hoping|wondering)",
    r"please",
    r"help me",
    r"I need (?:you|someone|help|a|an|some|advice|feedback|your)",
    r"(?:any|some) (?:advice|thoughts|ideas|help|suggestions|tips|pointers|feedback)",
    r"let me know",
    r"how (?:do|can|should|would) (?:I|we)",
    r"what (?:do|would|should) (?:you|I|we)",
)
CHALLENGE = compile_words(
    r"stuck",
    r"struggl\w*",
    r"can(?:'t|not) (?:figure|get|seem|make|find|work out|keep up)",
    r"(?:not sure|unsure|don't know|do not know) (?:how|what|whether|if|where|which)",
    r"having (?:a hard time|trouble|issues|problems|difficulty)",
    r"trouble",
    r"problems?",
    r"issues?",
    r"overwhelm\w*",
    r"at (?:full )?capacity",
    r"too much",
    r"behind (?:on|with|schedule)",
    r"falling behind",
    r"swamped",
    r"stretched (?:thin|too)",
    r"confus\w*",
    r"difficult",
    r"hard time",
    r"errors?",
    r"fail(?:s|ed|ing)?",
    r"broken",
    r"worried",
    r"anxious",
)
REASON = compile_words(
    r"(?:because|since|as|given that|I know) you(?:'ve| have|'re| are| know| did| were| once"
    r"| led| ran| built| wrote| handled| managed)",
    r"as (?:someone|a person) who",
    r"given (?:your (?:experience|expertise|background|knowledge|role|work)|how much you)",
    r"(?:with )?your (?:experience|expertise|background|perspective|eye|knowledge|judg(?:e)?ment"
    r"|insight|track record)s? (?:with|in|on|as|of|would|is)",
    r"you know (?:a lot|more|so much) about",
    r"you(?:'ve| have) (?:done|been through|handled|solved) (?:this|that|it) before",
    r"I thought of you",
    r"you(?:'re| are) (?:the (?:best|right) (?:person|one)|really good|so good|great|good"
    r"|brilliant|skilled|experienced) (?:at|with|person|for|in)",
    r"you(?:'re| are) the (?:one|person) who",
)
_AMOUNT = (
    r"(?:about |around |maybe |just |only |roughly )?(?:\d+|one|two|three|five|ten|fifteen|twenty"
    r"|thirty|forty-five|a few|a couple of|an|a|half an?)[ -]?"
)
TIME_BOX = compile_words(
    r"(?:for|spare|take|takes|need|needs|have|has|got|give me|under|within|max|maximum)"
    r" " + _AMOUNT + r"(?:min(?:ute)?s?)",
    r"(?:spare|take|takes|have|got|give me|under|within|max|maximum)"
    r" " + _AMOUNT + r"(?:hours?|hrs?)",
    _AMOUNT + r"(?:min(?:ute)?s?|hours?|hrs?)(?: of your time| call| chat| meeting| max| tops"
    r"| at most| or so| or less)",
    r"(?:a )?(?:quick|brief|short) (?:look|call|chat|read|glance|question|review|skim|pass|sanity"
    r" check|once-over|meeting|coffee)",
    r"(?:look at|read|review|check|glance at|skim|over|answer|just|only|proofread)"
    r" (?:my |the |these |those )?(?:one|two|three|four|five|\d+|a few|a couple of) (?:slides"
    r"|pages|paragraphs|questions|lines|emails|sections|bullet points|comments|functions|files"
    r"|tests)",
    r"no more than",
)
DEADLINE = compile_words(
    r"(?:before|by|until|ahead of) (?:(?:this|next) )?(?:monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|tomorrow|tonight|noon|midday|end of (?:the )?(?:day|week|month)|next week"
    r"|the end of (?:the )?(?:day|week|month)|\d{1,2}(?::\d\d)?\s?(?:am|pm))",
    r"(?:this|next) (?:week|month)",
    r"(?:some ?time|sometime) (?:this|next) week",
)
EASY_OUT = compile_words(
    r"no (?:worries|pressure|problem|stress|offen[cs]e)(?: at all)?(?: if| either way)",
    r"no pressure",
    r"(?:(?:totally|completely|perfectly|absolutely|entirely|also|really) )?(?:fine|ok|okay"
    r"|understandable|alright) if (?:not|you (?:can't|cannot|don't|are|aren't|'re|have|need)"
    r"|it's not|now|the answer|that's)",
    r"feel free to (?:say no|decline|pass|ignore|turn)",
    r"(?:I|I'll|I will|I'd|I would) (?:completely |totally |fully |really )?understand if",
    r"if (?:you(?:'re| are) (?:too busy|swamped|stretched)|now isn't|now is not"
    r"|(?:it's|this is|now is) not a good time|this isn't a good time)",
    r"(?:ok|okay|fine|alright) to say no",
    r"(?:a )?no is (?:fine|ok|okay|totally fine|a fine answer|completely fine)",
    r"either way is fine",
)
THANKS = compile_words(
    r"thanks?(?: you)?",
    r"thank-you",
    r"thx",
    r"ty",
    r"grateful",
    r"gratitude",
    r"apprecia\w+",
    r"cheers",
)
_CONTEXT_IN_ASK = compile_words(
    r"I(?:'m| am| have|'ve| was| had) \w+",
    r"because",
    r"since",
    r"so that",
    r"for (?:the|my|our|a|an) \w+",
    r"(?:on|about|with|of) (?:the|my|our|this) \w+",
)


def is_ask(text: str, start: int = 0, end: int | None = None) -> bool:
    """Return True when text[start:end] asks something (a question or a request form)."""
    stop = len(text) if end is None else end
    if text[start:stop].rstrip("\"')]").endswith("?"):
        return True
    return ASK.search(text, start, stop) is not None


def ask_has_context(text: str, span: Span) -> bool:
    """Return True when an ask sentence carries its own bit of context."""
    return _CONTEXT_IN_ASK.search(text, *span) is not None


def find_parts(doc: Doc) -> dict[str, list[Span]]:
    """Return the parts found in `doc`, each as a list of [start, end) spans."""
    text = doc.text
    found: dict[str, list[Span]] = {name: [] for name in PART_NAMES}
    for name, pattern in (
        ("reason", REASON),
        ("time_box", TIME_BOX),
        ("deadline", DEADLINE),
        ("easy_out", EASY_OUT),
        ("thanks", THANKS),
    ):
        found[name] = pattern.spans(text)
    marked = found["easy_out"] + found["thanks"]
    for i, (start, end) in enumerate(doc.sentences):
        asks = is_ask(text, start, end)
        if i == 0 and not asks and end - start < 40 and GREETING.match(text, start, end):
            found["greeting"].append((start, end))
        elif asks:
            found["ask"].append((start, end))
        elif marked and any(start <= m[0] < end for m in marked):
            continue
        elif CHALLENGE.search(text, start, end):
            found["challenge"].append((start, end))
        else:
            found["context"].append((start, end))
    return found


# The parts a finding also decides. The parts above are a quick shape of the text (which
# sentence asks, which one tells the situation); the findings are the learned verdicts. Shown
# side by side (the web page's "Parts of a good request" badges beside the findings), they
# must not disagree: "Context" ticked next to "the ask lands without context" reads as a bug.
# So the finding wins: a part is kept only when its finding agrees, and a strength the model
# found gives its part even where the quick shape missed it.
DECIDED_BY = {
    "ask": "specific-ask",
    "time_box": "time-boxed",
    "reason": "reason-for-them",
    "easy_out": "easy-out",
    "thanks": "gratitude",
}


def agree_with_findings(
    parts: dict[str, list[Span]], findings: Sequence[Finding]
) -> dict[str, list[Span]]:
    """Return `parts` made to agree with the findings (see DECIDED_BY); the input is unchanged."""
    out = {name: list(spans) for name, spans in parts.items()}
    strengths = {f.rule: f for f in findings if f.kind == "strength"}
    problems = {f.rule for f in findings if f.kind == "problem"}
    if "no-context" in problems:
        out["context"] = []
    for part, rule in DECIDED_BY.items():
        if rule not in strengths:
            out[part] = []
        elif not out.get(part):
            out[part] = list(strengths[rule].spans)
    return out
