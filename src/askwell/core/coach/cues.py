"""Cue families: short, readable word lists that the learned findings use as features.

A cue is evidence, not a verdict: every finding is decided by a trained model (findings.py)
that also reads the words and the meaning of each sentence, so a wording no list contains
can still be found. The lists help the model with rare labels and place spans on the exact
phrase when one matches. Keep each family small and obvious; add wording to the training
data, not here, when the model misses something.

Where the wording comes from: LABELS.md's definitions and the `evidence` strings of the
training requests (train.jsonl and training/data/requests_extra.jsonl), never the dev split
or a held-out set. A phrase that matches no training text teaches the model nothing and only
moves the figures of the set it was copied from (docs/benchmarks.md, stop 20, removed 19).
"""

from __future__ import annotations

import re

from askwell.core.coach.prefilter import caseless, fold

Span = tuple[int, int]


def _family(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])(?:" + "|".join(phrases) + r")(?![\w'])", re.IGNORECASE)


_DAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|a few|a couple of)"
_UNIT = (
    r"(?:min(?:ute)?s?|hours?|hrs?|h|days?|nights?|weeks?|pages?|slides?|lines?|paragraphs?|"
    r"questions?|emails?|calls?|boxes|shifts?|sessions?|items?|bags?|words?|steps?|chapters?)"
)

# A capitalised word that is not a pronoun, a greeting or a sentence opener: most often a name.
# Matched case-sensitively inside the case-insensitive families ((?-i:...)).
_NOT_NAME = (
    r"I|It|It's|This|That|These|Those|We|You|Your|They|There|Thanks|Thank|Please|Hi|Hey|Hello|"
    r"Dear|Sorry|So|And|But|Also|Just|Can|Could|Would|Will|Do|Does|Did|Is|Are|Was|What|Why|"
    r"How|When|Where|Who|If|My|Our|The|A|An|No|Yes|Ok|Okay|Not|All|Some|Any|Every|One|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Let|Maybe|Now|Then|Still"
)
_NAME = r"(?-i:(?!(?:" + _NOT_NAME + r")(?![\w']))[A-Z][a-z]+)"

FAMILIES: dict[str, re.Pattern[str]] = {
    "thanks": _family(
        r"thanks?(?: you)?",
        r"thx",
        r"ty",
        r"(?:i|we)(?: really| truly)? appreciate",
        r"grateful",
        r"cheers",
    ),
    "easy_out": _family(
        r"no worries",
        r"no pressure",
        r"(?:totally|completely|perfectly|"
        r"absolutely)? ?(?:fine|ok|okay|alright|cool|understandable)(?: if| to say no)",
        r"if not",
        r"if (?:that's|that is|it's|it is) (?:ok|okay|alright|fine|too much)",
        r"feel free to (?:say no|pass|decline)",
        r"(?:i|i'll|i will|i'd|i can|i could) "
        r"(?:understand|ask (?:someone|somebody|elsewhere|in)|find (?:someone|another))",
        r"(?:happy|glad) to ask (?:someone|somebody)",
        r"don't worry if",
        r"say no",
        r"(?:if|when) you (?:can't|cannot|don't have|have no|are too|'re too)",
        r"(?:if|when) you(?:'re| are)? (?:up for|able|around|free|willing|have (?:time|room|"
        r"space|capacity))",
        r"(?:no|zero) (?:hard )?feelings",
        # shapes from the training requests' evidence: "If <you're busy / the day is bad>,
        # <that's fine / I'll manage>", leaving the timing to them, either answer is fine
        r"if (?:you're|you are|you'd rather|you don't|it's|this|that's|today's|tomorrow's|"
        r"next week's|your|the|neither|thursday's|things are)[^.!?\n]{0,60}(?:no problem|"
        r"no stress|no drama|fine|understand|get it|okay|ok|ignore|say so|just say|tell me|"
        r"i'll|we'll|works|would do|would help)",
        r"(?:whenever|when) you (?:get|have|can|'re back|are back)",
        r"whenever you're",
        r"(?:either|any) (?:answer|day|way|one) (?:is|works)",
        r"either is fine",
        r"totally (?:optional|understand|understood|fine)",
        r"only if",
        r"ignore (?:this|me|it)",
        r"(?:no|zero) (?:stress|hurry|obligation|drama)",
        r"you don't have to",
        r"happy to (?:find|chat|move|wait|reschedule)",
    ),
    "time_box": re.compile(
        r"(?<![\w'])(?:" + _NUM + r"[- ]?" + _UNIT + r"|half an hour|a quarter of an hour|"
        r"(?:quick|short|brief) (?:call|chat|look|glance|read|question)|tops|max(?:imum)?|"
        r"at most|no more than|only takes|(?:a|one|single)[- ](?:line|page|slide|sentence)|"
        # from the training evidence: a yes/no, a ballpark, a range of hours or pages, "just X"
        r"yes/no|yes or no|thumbs-up|ballpark|is plenty|is enough|would do|"
        r"\d{1,2}(?::\d\d)? ?(?:-|to) ?\d{1,2}(?::\d\d)?(?: ?(?:am|pm))?|"
        r"(?:just|only|even just) (?:the|a|one|two|pages?|slides?)|"
        r"for (?:the|a) (?:weekend|month|week)|"
        r"(?:two|three|four|five|six) (?:quick |short |small |bullet )?(?:questions|points|things|"
        r"photos|tickets|bullets)|one (?:evening|afternoon|morning|tray|glance))"
        r"(?![\w'])",
        re.IGNORECASE,
    ),
    "deadline": _family(
        r"by " + _DAYS,
        r"by (?:tomorrow|tonight|the end of|end of|eod|eow|noon|monday)",
        r"before " + _DAYS,
        r"until " + _DAYS,
        r"by \d",
        r"due",
        r"deadline",
    ),
    "immediacy": _family(
        r"asap",
        r"a\.s\.a\.p",
        r"right now",
        r"right away",
        r"immediately",
        r"urgent(?:ly)?",
        r"now",
        r"today",
        r"tonight",
        r"this (?:minute|second|instant)",
        r"within (?:the )?"
        r"(?:\d+|an?|the next) ?(?:min(?:ute)?s?|hours?|hrs?)",
        r"not tomorrow",
        r"drop everything",
        r"rn",
        r"fast(?: pls| please)?",
        r"hurry",
        r"(?-i:NOW|TODAY|TONIGHT|ASAP|URGENT)",
        r"as soon as (?:possible|you can)",
        r"(?:reply|respond|"
        r"answer|call) (?:back )?(?:now|asap|immediately)",
        # from the training evidence: short windows, dropping everything, "the second you..."
        r"in the next (?:\d+|half|few|hour|\w+)(?: ?(?:min|mins|minutes|hours?|hrs?))?",
        r"within the hour",
        r"by (?:tomorrow|end of (?:the )?day|eod|midnight|lunch)",
        r"before (?:lunch|midnight|the \d)",
        r"drop (?:whatever|what|everything)",
        r"the (?:second|minute) you",
        r"not negotiable",
        r"no (?:excuses|extensions)",
        r"lmk in \d+",
        r"day and night",
        r"all (?:weekend|night)",
    ),
    "comparison": _family(
        # names are matched case-sensitively: "like Dana" is a person, "like this" is not
        r"(?:like|unlike|than|even|never|and not) " + _NAME,
        r"everyone else",
        r"everybody else",
        r"all (?:my|the other|of my) \w+",
        r"other (?:people|parents|managers|teams?|friends|kids|students|colleagues|sections|"
        r"classes|groups|departments|companies)",
        r"some (?:companies|people|teams|friends|parents)",
        r"would have (?:already|offered|done)",
        r"(?:better|worse|faster|nicer|quicker) than",
        r"than (?:the |my |your |all )?(?:\w+ ){0,2}(?:people|folks|guys|lot|rest|others|ones)",
        r"just as (?:\w+)",
        r"as (?:good|fast|nice|helpful) as",
        r"why can't you",
        r"the only (?:\w+ )?(?:one|sibling|friend|person) (?:who|that)",
        # wordings seen in the training requests' evidence: whole groups, others' partners
        # and kin, "than anyone", an old boss or a rival held up as the standard
        r"every other",
        r"than any(?:one|body| other| \w+ i(?:'ve)?)",
        r"than (?:my|our|your|the) (?:\w+ )?(?:family|sister|brother|mum|mom|dad|parents|"
        r"manager|boss|therapist|team|department|company|friends?|colleagues)",
        r"compared (?:to|with)",
        r"by far the",
        r"(?:way|much|so much|far|miles) (?:better|more \w+|calmer|friendlier|kinder|nicer)",
        r"(?:my|your|our) (?:old|last|previous|former) (?:mentor|manager|boss|company|job|team|"
        r"landlord|school|tutor)",
        r"your (?:predecessor|competitor)",
        r"\w+'s (?:husband|wife|boyfriend|girlfriend|fianc[eé]e?|partner|son|daughter|kids|"
        r"parents|friends|flatmate|roommate|mentor)",
        r"except you",
    ),
    # another person's habit or deed held up beside the reader's: "Ravi always sends his...",
    # "my brother would never", "Priya has already"
    "third_party_habit": re.compile(
        r"(?<![\w'])(?:" + _NAME + r"|(?:my|your|his|her|our) (?:brother|sister|mum|mom|dad|"
        r"father|mother|cousin|friend|friends|colleague|colleagues|boss|manager|ex|roommate|"
        r"flatmate|neighbour|neighbor|classmates?|teammates?|kids|son|daughter))"
        r"(?:'s)? (?:always|never|already|would (?:just|have|never)|even|still|"
        r"(?:has|had|have) (?:been|always|never|already))(?![\w'])",
        re.IGNORECASE,
    ),
    "blame": _family(
        r"you (?:always|never|still|didn't|did not|don't|forgot|ignored|keep|kept|won't|"
        r"haven't|have not|failed|promised|said you would|left|dropped|flake)",
        r"(?:it's|it is|it'll be|that's) on you",
        r"your fault",
        r"because of you",
        r"thanks to you",
        r"for the \w+ time",
        r"(?:again|once again)[?!]*",
        r"as usual",
        r"typical",
        r"circling back",
        r"(?:you|u) (?:skipped|missed|ruined|broke|lost|messed|entered|gave me|sent me|"
        r"told me|got it wrong|were supposed|are supposed|said)",
        r"(?:still|yet) (?:haven't|hasn't|not|no)",
        r"(?:wrong|late|again|twice)[.!?]",
        r"you(?:'ve| have) (?:been )?(?:ignored|ignoring|dodging|sitting on|had (?:it|my|the))",
        r"(?:you )?can't even",
        r"(?:really |so |too )busy (?:to|for)",
        r"must be nice",
        r"(?:thanks|thank you|thank u) for nothing",
        r"for once",
        r"(?:nobody|no one|someone)(?: \w+){0,3} (?:bothered|can be bothered|cares|helps)",
        r"i(?:'ve| have) (?:emailed|asked|messaged|texted|called|told) you",
        r"i told you",
        r"this is how you",
        r"(?:finally|suddenly) (?:remembered|texted|replied|you're)",
        r"(?:i'm|i am) (?:always|sick of always) the one",
        r"it's always me",
        r"(?:clearly|apparently) (?:not|nobody|you)",
    ),
    "pressure": _family(
        r"beg(?:ging)?",
        r"(?:my|the) only hope",
        r"after (?:everything|all) i(?:'ve)?",
        r"(?:the )?least you (?:can|could)",
        r"you have to",
        r"you must",
        r"you owe",
        r"if you (?:really )?(?:cared|loved|were a real)",
        r"nobody cares",
        r"no one cares",
        r"i'd do (?:it|the same) for you",
        r"please please",
        r"not optional",
        r"or else",
        r"i'm counting on you",
        r"don't let me down",
        r"you(?:'re| are) the only one",
        r"i guess i'll just",
        r"screwed",
        r"desperate(?:ly)?",
        # stakes or consequences held over the reader
        r"if (?:this|it|you|that)(?:'s| is| isn't| is not| doesn't| does not| don't| can't)?"
        r"[^.!?\n]{0,40}(?:i(?:'ll)? lose|i'm (?:done|screwed|finished)|i'll (?:have to|tell|"
        r"make sure|report|go to))",
        r"i(?:'ll| will)(?: honestly)? lose my",
        r"i shouldn't have to",
        r"my whole \w+ depends",
        r"don't worry about me",
        r"i'll just (?:be|sit|stay|go|do it)",
        r"or (?:i'm|i am|i'll|i will|we're|we'll|we will) \w+",
        r"or don't bother",
        r"after all the times",
        r"i (?:covered|did|helped|drove|stayed up|gave up|carried)[^.!?\n]{0,30}(?:you|your|u|ur)"
        r"(?![\w'])",
        r"remember\?",
        r"(?:last|only) hope",
        r"(?:have|got) no one else",
        r"i(?:'m| am) (?:not asking|only asking|just asking)",
        r"never forgive",
        r"(?:i'm|i'll be) (?:escalating|telling|mentioning)",
        r"(?:seems )?only fair",
        r"just saying",
        r"(?:so )?i'll just \w+",
        r"(?:would|will) be (?:so )?(?:disappointed|heartbroken|a shame)",
        r"(?:my|our) whole (?:future|life|career)",
        r"in your hands",
    ),
    "i_statement": re.compile(
        r"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n]))\s*(?:honestly,? |so |and |but |hi,? |hey,? )?"
        r"(?:i(?:'m| am| was| have|'ve| had|'d| feel| felt| find| keep| really| just| still|"
        r" think| want| would| hope| struggle| can't| don't| haven't| got| get)|my )",
        re.IGNORECASE | re.MULTILINE,
    ),
    "i_need_you": _family(r"i need you to", r"i want you to", r"i expect you to"),
    "reason": _family(
        r"since you(?:'ve|'re| are| have| know| did| set| worked| ran| led| built)?",
        r"because you(?:'ve|'re| are| have| know| did| worked)",
        r"as (?:you're|you are|you've)",
        r"you(?:'re| are) (?:the|so) (?:only|best|one)",
        r"you(?:'ve| have) (?:done|been|worked|"
        r"written|built|run|used|got|taught|led|set up)",
        r"your (?:experience|background|"
        r"expertise|eye for|knowledge)",
        r"you know (?:a lot|so much|more) about",
        r"thought of you",
        r"you (?:pass|live|drive|work) (?:right )?(?:by|near|next)",
        r"you'd know",
        r"you(?:'ve| have) always (?:had|been|known)",
        r"you(?:'ve| have) been (?:a|an|the) \w+",
        r"you covered",
        r"(?:anyone|someone|somebody|people|those of you) (?:with|who (?:has|have|know))",
        r"recommended you",
        r"you(?:'ve| have)? (?:already |also |just |originally |recently )?(?:wrote|written|ran|"
        r"built|designed|set up|negotiated|handled|fixed|reviewed|hired|presented|spoken|"
        r"organi[sz]ed|edited|triaged|managed|demoed|fitted out|went through|made the same|"
        r"did the one|used to work)",
        r"you (?:manage|supervise|approve|handle|run|own|lead|sit on|coordinate|maintain|"
        r"look after)",
        r"your (?:area|paper|report|blog|website|post|analysis|book|talk|thesis|lab's)",
        r"(?:since|as) it's your",
        r"on your way",
        r"you(?:'re| are) (?:\w+ )?(?:minutes|min) away",
        r"you live (?:in|near|by|close)",
        r"(?:anyone|someone|people|parents) (?:here )?(?:with|who(?:'ve| have)?)",
    ),
    "busy_flattery": _family(r"i know you(?:'re| are) (?:super |so |very |really )?busy"),
    # one more clause tacked on to a run of reasons ("the designer is off sick, our PM resigned,
    # then the printer changed hands, and our studio flooded"): an excuse chain counts several
    "chain": re.compile(
        r"(?:,|;) (?:and |but |plus )?(?:then |and then )?"
        r"(?:then|i|i've|i'm|we|we've|we're|my|our|he|she|they|his|her|their|half)(?![\w'])",
        re.IGNORECASE,
    ),
    "apology": _family(
        r"sorry",
        r"apologi[sz]e",
        r"apologies",
        r"forgive me",
        r"my bad",
        r"i hate to ask",
        r"i feel (?:bad|terrible|awful) (?:asking|about)",
    ),
    "hedge": _family(
        r"just",
        r"maybe",
        r"possibly",
        r"perhaps",
        r"might",
        r"kind of",
        r"sort of",
        r"kinda",
        r"i think",
        r"probably",
        r"a bit",
        r"a little",
        r"i guess",
        r"i suppose",
        r"if possible",
        r"should",
        r"quite",
        r"rather",
        r"may",
    ),
    "self_deprecation": _family(
        r"(?:this|it) (?:might|may|could) be (?:a )?(?:stupid|dumb|silly|obvious)",
        r"(?:stupid|dumb|silly|obvious|basic|noob) question",
        r"i(?:'m| am) (?:no|not an?) "
        r"(?:expert|pro)",
        r"i (?:may|might|could) be wrong",
        r"i(?:'m| am) (?:probably )?"
        r"(?:missing something|an idiot|hopeless|useless|clueless)",
        r"sorry if this is",
        r"forgive my ignorance",
        r"i don't really know what i'm doing",
    ),
    "assumes": _family(
        r"you know (?:what|the|about|how|who|why)",
        r"the thing",
        r"that thing",
        r"the stuff",
        r"as you know",
        r"what happened",
        r"the situation",
        r"you-know-what",
        r"it again",
        r"the usual",
        r"like last time",
        r"same as before",
        r"you know",
        r"(?:sort|fix|handle|deal with) it",
        r"the \w+ thing",
        # from the training evidence: what "we discussed", "the incident", "it's happening again"
        r"(?:what|the one|the stuff|the adjustments) we (?:discussed|talked about)",
        r"(?:per|further to|about|regarding) (?:our|my|what we|the) (?:chat|conversation|"
        r"discussion|previous|last|incident|issue|matter)",
        r"same (?:issue|problem|thing) as (?:before|last)",
        r"(?:happening|doing it) again",
        r"you(?:'ll|'d| will| would) (?:have (?:seen|heard|gathered|the)|know what|remember)",
        r"(?:did|have) (?:u|you) (?:hear|heard|see|seen|do it|tell|talk)",
        r"(?:the|that) (?:issue|incident|matter|drama|whole situation)",
        r"as (?:you all|we both) know",
        r"remember what i",
        r"is it (?:still|true)",
    ),
    "vague": _family(
        r"any (?:thoughts|ideas|tips|advice|pointers|wisdom|suggestions)",
        r"thoughts\?",
        r"can you help(?: me)?(?: out)?\??",
        r"help(?: me)?!+",
        r"help me out",
        r"some help",
        r"a hand",
        r"with (?:stuff|things|everything)",
    ),
    "request": _family(
        r"(?:can|could|would|will) you",
        r"would you (?:be )?(?:able|willing|mind)",
        r"(?:can|could|may) i (?:ask|borrow|get|have)",
        r"please",
        r"i'd love (?:it )?if",
        r"do you (?:have|mind|think)",
        r"are you (?:free|around|able|up for)",
        r"is there any (?:way|chance)",
    ),
    "crisis": _family(
        r"kill(?:ing)? myself",
        r"suicid\w*",
        r"self[- ]?harm\w*",
        r"end(?:ing)? (?:my life|it"
        r" all)",
        r"(?:want|wanted|going|plan(?:ning)?) to die",
        r"better off without me",
        r"better off dead",
        r"overdose",
        r"can't go on",
        r"cutting again",
        r"hurt(?:ing)? myself",
        r"not (?:be )?(?:around|here) (?:much )?(?:longer|anymore|any more)",
        r"no (?:reason|point) (?:to|in) (?:live|living|going on)",
        r"the pills",
        r"disappear for good",
        r"goodbye",
        r"not safe",
    ),
}

FAMILY_NAMES = tuple(FAMILIES)

# Each family as written, and the same pattern without IGNORECASE run on the text folded to
# lower case once (prefilter.caseless): the same matches at the same places for about half
# the CPU, which matters because every check counts every family in the text and in each of
# its sentences (featurize.py). A family that cannot be read that way (third_party_habit
# matches capitals) runs as written.
_FAST = {name: (caseless(p), p) for name, p in FAMILIES.items()}


def find(family: str, text: str) -> list[Span]:
    """Return the spans where one cue family matches in `text`."""
    fast, pattern = _FAST[family]
    if fast is not None:
        return [m.span() for m in fast.finditer(fold(text))]
    return [m.span() for m in pattern.finditer(text)]


def counts(text: str) -> list[int]:
    """Return how often each cue family matches in `text`, in FAMILY_NAMES order."""
    folded = fold(text)
    return [
        len(fast.findall(folded)) if fast is not None else len(pattern.findall(text))
        for fast, pattern in _FAST.values()
    ]
