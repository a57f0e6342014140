"""Crisis first: signs of suicide, self-harm or danger are never scored, only answered.

Recall before everything. A message is a crisis when EITHER of two detectors says so:

- the learned detector (crisis_model.py, trained by training/crisis.py on hand-labelled
  requests and crisis sets, including indirect signals such as giving things away or saying
  goodbye), read with a recall-first threshold chosen in training;
- a curated list of plain phrases that must never be missed, direct and indirect, and of
  danger from another person; a few phrases that are just as often hyperbole (SOFT) count
  when the learned detector leans the same way.

The answer is a short, calm pointer (crisis_lines.crisis_pointer) naming the emergency number
and a crisis line for the user's country, the same in the CLI, the web and the API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from askwell.core.coach.crisis_lines import crisis_pointer

Span = tuple[int, int]

_SELF = r"(?:myself|my ?self)"
_PILLS = (
    r"(?:pills|tablets|meds|medication|paracetamol|painkillers|sleeping pills|insulin|"
    r"antidepressants|oxy\w*)"
)
_CLOSE = (
    r"(?:my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|dad|father|stepdad|"
    r"mum's boyfriend|mom's boyfriend|brother|son|son-in-law|uncle|carer|flatmate))"
)

# Families of warning signs, each a few plain patterns, written from what crisis services list
# as warning signs (wanting to die, feeling a burden, saying goodbye, putting affairs in order,
# having the means, self-harm, not feeling safe) and danger from another person. Hyperbole
# ("my mum will kill me", "this deadline is killing me") is left to the learned detector.
FAMILIES: dict[str, tuple[str, ...]] = {
    "wanting to die": (
        rf"(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|burn|burning|poison|top|"
        rf"topping|finish|finishing|end|ending|unalive|unaliving) {_SELF}",
        r"my suicid\w* (?:thoughts|plans?|notes?|feelings)",
        r"(?:I|i'm|I'm|I am|I've|I have)\b[^.!?]{0,30}suicid\w*\b"
        r"(?! (?:squad|prevention|walk|awareness|training|rates?))",
        r"suicidal",
        r"suicide (?:note|plan|attempt)",
        r"(?:think|thinking|thinkin|thought|thoughts) (?:about|abot|abt|of) (?:suicide|suicde|"
        r"dying|death|ending it|killing)",
        r"(?:kill|hurt|harm) (?:herself|himself|themselves)",
        r"(?:end|ending|take|taking) (?:my (?:own )?life|it all|things)",
        r"(?:want|wanted|wanting|wanna|plan|planning|ready|decided) to (?:die|go now|be dead)",
        r"(?:die|died|dying) in my sleep",
        r"if (?:I|i) (?:was|were) dead",
        r"wish (?:I|i) (?:was|were|could be) dead",
        r"(?:want|wanting) (?:it|this) to be over",
        r"(?:don'?t|do not|no longer|never) (?:want|wanna|wnat) to (?:live|be alive|exist|"
        r"wake up|be here)",
        r"(?:want|wanna|wnat) (?:to )?be (?:here|alive|around) any ?mor",
        r"(?:no|not any|not a|don't see the|what's the|whats the) (?:reason|point|use) "
        r"(?:to|in|of) "
        r"(?:live|living|going on|carrying on|being alive|being here|keep going|anything)",
        r"nothing (?:left )?to live for",
        r"done (?:with|w|w/) (?:life|living|it all)",
        r"had enough of (?:life|living)",
        r"(?:have|got) a plan\b",
        r"better off dead",
        r"unalive",
        r"sewer slide",
        r"kms\b(?![^.!?\n]*\b(?:lol|lmao|haha)\b)",
        r"(?:sleep|asleep)[^.!?]{0,25}(?:didn'?t|not|never|won'?t) wake up",
        r"stay asleep forever",
        r"(?:tired|sick) of (?:being alive|living|fighting to stay alive)",
        r"(?:only|one) way out",
        r"checking out for good",
        r"(?:wasn't|was never|never been) born",
        r"(?:future|world) where (?:I|i)'?m (?:still )?(?:here|alive|around)",
        r"(?:can'?t|cannot) go on(?: living| like this| any ?more)?[.!]?$",
        r"(?:disappear|be gone|go to sleep|sleep) (?:for good|forever)",
        r"(?:a|the) relief to die",
        r"takes? me in my sleep",
        r"(?:do|doing) something (?:stupid|bad) to myself",
        r"finish the job",
        r"only still here",
        r"(?:tries|try) to stop me",
        r"tonight it (?:stops|ends)",
        r"(?:worked|working) out how",
        r"(?:reading|read) about how",
        r"(?:started|been) thinking about how(?: I'?d| to)? (?:do it|end it|die)",
        r"(?:I|i)(?: just)? (?:won'?t|wouldn'?t|didn'?t) wake up",
        r"just not wake up",
        r"picked a (?:day|date)",
        r"(?:logging|signing|checking) off for good",
        r"won'?t be needing (?:them|it|any)",
        r"(?:I'?m|i am) ready to go(?: now)?[.!]?$",
        r"stocked up on",
    ),
    "being a burden": (
        r"(?:everyone|they|everybody|you|the world|my (?:family|kids|children|daughter|son|wife|"
        r"husband))(?:'d| would|'ll| will)? (?:all )?be (?:better|lighter|happier|easier)"
        r"(?: off)?(?: provided for)? (?:without me|if (?:I|i) (?:was|were|wasn'?t|weren'?t)"
        r" (?:gone|here|around|dead|in it))",
        r"(?:world|everyone|everybody)(?:'d| would) (?:\w+ )?be (?:better|lighter)",
        r"(?:better|happier|easier|lighter|smoother) (?:off )?without me",
        r"better off if (?:I|i) (?:wasn'?t|weren'?t|was not) (?:here|around)",
        r"(?:no one|nobody) (?:has|have) to deal with",
        r"(?:a |become a )?(?:burden|weight) (?:to|on|around) (?:everyone|everybody|you|them|my)",
        r"before I become a burden",
        r"(?:nobody|no one|no-one) would (?:even )?(?:notice|care|miss me)",
        r"(?:won'?t|will not|wont) (?:be a problem|be a burden|have to (?:deal|worry|put up)"
        r" with me)",
        r"(?:put up with|deal with) me for (?:much|any) longer",
        r"(?:doing|do) everyone a favou?r",
    ),
    "not being around": (
        r"(?:won'?t|will not|wont|not going to|not gonna) (?:be (?:around|here|there)|"
        r"(?:be )?com(?:e|ing) (?:back|home)|make it to|need (?:it|them|anywhere|my))",
        r"(?:not (?:planning on|sure I'?ll be|going to be)|don'?t think I'?ll be) (?:being )?"
        r"(?:around|here|coming (?:back|home))",
        r"(?:after|when|once|before) (?:I'?m|i am|i'm) gone",
        r"before I go\b",
        r"by the time you read this",
        r"still be here (?:on|by|next)",
        r"(?:won'?t be|not be) (?:messaging|texting|writing|talking to you) again",
        r"(?:won'?t|will not) get another chance",
        r"if you don'?t hear from me",
        r"if something (?:happened|happens|were to happen) to me",
        r"sorry it came to this",
        r"(?:tonight|today)(?:'s| is) the night",
        r"it(?:'ll| will) (?:all )?be over soon",
        r"my (?:own )?funeral",
        r"might find out soon",
        r"(?:last|final) (?:message|text) you'?ll (?:ever )?get from me(?![^.!?]*(?:number|"
        r"phone|account|address))",
    ),
    "saying goodbye": (
        r"goodbye (?:everyone|forever|for good|properly|to (?:everyone|you all))(?! on)",
        r"(?:said|saying) my goodbyes",
        r"this is goodbye",
        r"texted me goodbye",
        r"tell (?:everyone|them|the team|mum|mom|dad) I said (?:bye|goodbye)",
        r"(?:last|final) (?:post|message|text)[.!]? (?:take care|goodbye|for good|ever)",
        r"switching (?:my phone|it) off (?:now, )?for good",
        r"(?:don't|do not) (?:try to )?(?:find|look for|save) me",
        r"please forgive me for what",
        r"(?:thank you|thanks) for everything,? before",
    ),
    "putting affairs in order": (
        r"(?:wrote|written|writing) (?:a |the |my )?(?:suicide |goodbye |farewell )?note",
        r"goodbye letters?",
        r"letters to everyone",
        r"(?:my own|wrote my) eulogy",
        r"farewell letter",
        r"passwords are in",
        r"sorted everything",
        r"nothing left to do",
        r"(?:affairs|everything) (?:in order|sorted)",
        r"sorted (?:it|everything) so",
        r"(?:life )?insurance (?:money|pays|would)",
        r"instructions for the funeral",
        r"giv(?:e|ing|en) (?:away )?(?:all )?my (?:stuff|things|belongings|books|clothes)"
        r"(?: away)?",
        r"(?:look after|take care of|keep|take) (?:my )?\w+ (?:after|when) I'?m gone",
        r"made (?:my )?peace with it",
    ),
    "the means at hand": (
        rf"{_PILLS}[^.!?]{{0,40}}(?:saving|saved|hoard|stockpil|sorted|out on|lined up|ready|"
        r"in my bag|full bottle)",
        rf"(?:saving|saved up|hoarding|stockpiling|took all|swallowed|took a load of|"
        rf"took (?:a few )?extra)[^.!?]{{0,30}}{_PILLS}",
        r"(?:how many|how much)[^.!?]{0,40}(?:it would take|to be fatal|would kill)",
        r"(?:I|i)(?:'ve| have)? (?:overdosed|took an overdose|taken an overdose)",
        r"(?:an|the) overdose (?:of my|tonight|on purpose)",
        r"overdosed on purpose",
        r"noose",
        r"hang myself",
        r"urge to (?:cut|hurt|harm)",
        r"razor",
        r"cut deeper",
        r"(?:using|use) (?:it|them) on myself",
        r"shotgun",
        r"(?:bought|got|have) (?:a |the )?(?:rope|blade)",
        r"(?:gun|knives)[^.!?]{0,40}(?:myself|on me|using (?:it|them))",
        r"(?:bridge|roof|balcony|cliff|platform|top level|multi-storey)[^.!?]{0,60}"
        r"(?:jump|step|do it|working up|rail|just need)",
        r"(?:on|at) the (?:bridge|roof|top of the cliff)",
        r"engine running",
        r"length of hose",
        r"(?:looking up|looked up|researching|reading about) (?:methods|how)",
        r"(?:how I'?d do it|picked the date|how high the)",
        r"step(?:ped|ping|s)? (?:in front of|into) (?:the |a )?(?:bus|train|traffic)",
        r"(?:jump|step off)[^.!?]{0,40}(?:balcony|bridge|roof|ledge)",
        r"drive into a (?:tree|wall)",
        r"edge of the (?:platform|roof|bridge|cliff)",
        r"took (?:way |far |a lot |loads )?more (?:of )?(?:my )?(?:meds|pills|tablets)",
        r"(?:stopped|skipping) (?:eating|taking|chemo)[^.!?]{0,40}"
        r"(?:on purpose|because I want|ready to go|so it)",
    ),
    "self-harm": (
        r"self[- ]?harm\w*",
        r"\bsh(?:-ing| again| after)\b",
        r"(?:cut|cutting|burn|burning|burned|burnt|scratch|scratching|scratched|hit|hitting|"
        r"punch|punched|carved|starv\w+|reopen\w*)[^.!?]{0,40}(?:myself|my (?:arms?|legs?|"
        r"wrists?|thighs|hands?)|on purpose|the cuts|till they bled)",
        r"(?:relapsed|cutting again|cut again|started (?:cutting|scratching|burning|hitting))",
        r"(?:scratching|cutting|burning|hurting myself) again",
        r"used to (?:cut|self-harm|hurt myself)",
        r"the blade",
        r"my arms are a mess",
        r"hitting my head",
        r"punched the wall",
    ),
    "not safe": (
        r"not safe (?:right now|at home|tonight|on my own|to be (?:alone|on my own)|here|with)",
        r"(?:don'?t|do not|can'?t) trust myself",
        r"scared (?:of )?what I might do",
        r"(?:standing|sitting) on the (?:balcony|ledge|rail)",
    ),
    "danger from another person": (
        r"(?:choked|chokes|strangled|pushed|threw|hit|hits|beat|beats|punched|grabbed|attacked|"
        r"pinches|knocked)(?: \w+){0,2} me\b(?! (?:up|back|a |an |the |to ))",
        r"(?:chokes|hits|beats|hit) my (?:mum|mom)",
        rf"{_CLOSE}[^.!?]{{0,30}}(?:kill|hurt|stab|burn|shoot)(?:s)? (?:me|the dog|my)",
        r"(?:said|says|saying|texting|told me)[^.!?]{0,40}(?:kill|hurt|stab|burn|shoot|regret)"
        r"(?:s)? (?:me|the dog|my|leaving)",
        r"(?:he|she|they)(?:'ll| will)[^.!?]{0,20}(?:kill|hurt|stab) (?:me|the dog)"
        r"(?![^.!?]*\bif (?:I'?m|I am) late)",
        r"with me (?:inside|in it)",
        r"banging on the door",
        r"smashed my",
        r"said if (?:I|i)[^.!?]{0,60}(?:hurt|kill|worse|pay)",
        r"broke my (?:wrist|arm|nose|ribs|jaw)",
        r"(?:ex|husband|partner|boyfriend|girlfriend|wife) has a (?:gun|knife)",
        r"(?:threatened|threatening|threatens) (?:to )?(?:me|kill|hurt)",
        r"next time (?:he|she|they) won'?t stop",
        r"locks? me in",
        r"locked me in",
        r"won'?t let me leave",
        r"(?:following|follows|followed) me",
        r"(?:outside|trying to get into) my (?:house|flat|door|home)",
        r"pulled a knife",
        r"(?:not|never) leaving this house alive",
        r"scared to (?:go home|sleep)",
        r"frightened of (?:him|her|them)",
        r"hiding in the",
        r"(?:teach me a lesson|make me pay)",
        r"(?:I'?m|i am) next\b",
        r"pillow over my face",
        r"call the police",
    ),
}

# Phrases that are warning signs in one message and everyday hyperbole in the next ("I can't
# do this anymore — the billing exports broke again"). They count when the learned detector
# also leans that way (SOFT_THRESHOLD), never on their own.
SOFT: tuple[str, ...] = (
    r"(?:can'?t|cannot) (?:do this|take (?:it|this)|keep going|do it) any ?more"
    r"(?! (?:with|at|in|on)\b)",
    r"want (?:it|everything|this) (?:all )?to (?:stop|end)(?!:)",
    r"where (?:I'?m|i'm|im) going(?! (?:wrong|with|next|for|on|to (?:be|start|work|put)))",
    r"so tired of (?:everything|all of it|it all)",
)
SOFT_THRESHOLD = 0.5


def _compile(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    # One pattern each rather than one big alternation: each small pattern keeps re's fast
    # literal scan, and the list runs about 3x faster (measured on dev, bench/coach.py).
    return tuple(re.compile(rf"(?<![\w'])(?:{p})", re.IGNORECASE | re.MULTILINE) for p in patterns)


CURATED = _compile(tuple(p for family in FAMILIES.values() for p in family))
SOFT_CURATED = _compile(SOFT)


def listed(text: str) -> tuple[Span, ...]:
    """Return the spans of the curated warning signs in `text` (the hard list only)."""
    return tuple(m.span() for pattern in CURATED for m in pattern.finditer(text))


def soft_listed(text: str) -> tuple[Span, ...]:
    """Return the spans of the phrases that count only with the learned detector's support."""
    return tuple(m.span() for pattern in SOFT_CURATED for m in pattern.finditer(text))


@dataclass(frozen=True)
class CrisisCheck:
    """Whether a text signals a crisis, and where."""

    found: bool
    spans: tuple[Span, ...] = ()
    by: str | None = None  # "list", "list+model" or "model"


def assess(
    text: str, model_probability: float | None = None, threshold: float = 0.5
) -> CrisisCheck:
    """Return whether `text` signals a crisis (curated list or the learned probability)."""
    hits = listed(text)
    if hits:
        return CrisisCheck(True, tuple(sorted(hits)), "list")
    if model_probability is not None and model_probability >= SOFT_THRESHOLD:
        soft = soft_listed(text)
        if soft:
            return CrisisCheck(True, soft, "list+model")
    if model_probability is not None and model_probability >= threshold:
        return CrisisCheck(True, (), "model")
    return CrisisCheck(False)


def message(country: str | None = None) -> str:
    """Return the calm pointer to help shown instead of a score."""
    return crisis_pointer(country)
