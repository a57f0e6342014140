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
from askwell.core.coach.prefilter import Scan

Span = tuple[int, int]

_SELF = r"(?:myself|my ?self|meself|mysef)"
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
        rf"topping|finish|finishing|end|ending|unalive|unaliving|off|offing) {_SELF}",
        r"my suicid\w* (?:thoughts|plans?|notes?|feelings)",
        r"(?:I|i'm|I'm|I am|I've|I have)\b[^.!?]{0,30}suicid\w*\b"
        r"(?! (?:squad|prevention|walk|awareness|training|rates?|intervention|course|charity|"
        r"helpline|line|bereavement|survivors?))",
        r"(?:I|i)(?:'?ve|'?m| am| have)?(?: \w+){0,3} suicidal",
        r"my suicide (?:note|plan|attempt)",
        r"(?:think|thinking|thinkin|thought|thoughts) (?:about|abot|abt|of) (?:suicide|suicde|"
        r"dying|ending it|killing)",
        r"(?:kill|hurt|harm) (?:herself|himself|themselves)",
        r"(?:end|ending|take|taking) my (?:own )?life",
        r"end(?:ing)? it all\b(?! (?:with|at|on))",
        r"(?:want|wanted|wanting|wanna|plan|planning|ready|decided) to (?:die|go now|be dead)",
        r"(?:wants|wnat|wnt|wan) (?:to )?die\b",
        r"(?:die|died|dying) in my sleep",
        r"if (?:I|i) (?:was|were) dead",
        r"wish (?:I|i) (?:was|were|could be) dead",
        r"(?:don'?t|do not|no longer|never) (?:want|wanna|wnat) to (?:be alive|exist|"
        r"live(?! (?:in|with|near|at|there|here|like|on|so|that|through|abroad)))",
        r"(?:want|wanna|wnat) (?:to )?be alive (?:any ?mor|no ?more)",
        r"(?:stopped|stop|given up) wanting to (?:be here|live|be alive|exist|wake up)",
        r"(?:easier|better|kinder) (?:to|if I|if i)(?: just)? (?:not be|wasn'?t|weren'?t) "
        r"(?:alive|here|around)",
        r"(?:hope|hoping|wish|pray\w*|let me)[^.!?]{0,25}(?:never|not|don'?t) wake up",
        r"(?:disappointed|gutted|sad|angry) (?:that )?(?:I|i) (?:woke|wake) up",
        r"(?:hope|hoping|wish|pray\w*)[^.!?]{0,15}(?:I|i) (?:get|got|was|were) (?:hit|run over|"
        r"killed)",
        r"sleep and never (?:come back|wake)",
        r"(?:run|ran) out of reasons",
        r"(?:what'?s|whats) (?:even )?the point (?:of|in) me\b",
        r"(?:last|final) (?:winter|summer|spring|christmas|birthday) (?:I'?ll|i'll|I will) "
        r"(?:see|have|spend)",
        r"(?:don'?t|can'?t|cannot) see (?:myself|me) (?:getting to|making it|being "
        r"(?:here|around|alive)|living)",
        r"(?:no|not any|not a|don't see the|what's the|whats the) (?:reason|point|use) "
        r"(?:to|in|of) "
        r"(?:live|living|going on|carrying on|being alive|being here|keep going|anything)",
        r"nothing (?:left )?to live for",
        r"done (?:with|w|w/) (?:life|living)",
        r"had enough of (?:life|living)",
        r"better off dead",
        r"unaliv\w*",
        r"sewer slide",
        r"kms\b(?![^.!?\n]*\b(?:lol|lmao|haha)\b)",
        r"(?:sleep|asleep)[^.!?]{0,25}(?:didn'?t|not|never|won'?t) wake up",
        r"stay asleep forever",
        r"(?:tired|sick) of (?:being alive|living|fighting to stay alive)",
        r"checking out for good",
        r"(?:wish|wished)[^.!?]{0,15}(?:wasn'?t|was never|never been|had never been|'d never been) "
        r"born",
        r"(?:future|world) where (?:I|i)'?m (?:still )?(?:here|alive|around)",
        r"(?:can'?t|cannot) go on(?: living| like this| any ?more)?[.!]?$",
        r"(?:disappear(?:ed)?|be gone) (?:for good|forever)",
        r"(?:a|the) relief to die",
        r"takes? me in my sleep",
        r"(?:do|doing) something (?:stupid|bad) to myself",
        r"tonight it (?:stops|ends)",
        r"(?:started|been) thinking about how(?: I'?d| to)? (?:do it|end it|die)",
        r"(?:I|i)(?: just)? (?:won'?t|wouldn'?t|didn'?t) wake up",
        r"just not wake up",
        rf"stocked up on {_PILLS}",
    ),
    "being a burden": (
        r"(?:everyone|they|everybody|you|the world|my (?:family|kids|children|daughter|son|wife|"
        r"husband))(?:'d| would|'ll| will)? (?:all )?be (?:better|lighter|happier|easier)"
        r"(?: off)?(?: provided for)? (?:without me|if (?:I|i) (?:was|were|wasn'?t|weren'?t)"
        r" (?:gone|here|around|dead|in it))",
        r"(?:better|happier|easier|lighter|smoother) (?:off )?without me",
        r"better off if (?:I|i)(?: just)? (?:wasn'?t|weren'?t|was not|didn'?t exist)"
        r"(?: (?:here|around|in the picture))?",
        r"(?:a |become a )?(?:burden|weight) (?:to|on|around) (?:everyone|everybody|you|them|my|"
        r"the people I love)",
        r"before I become a burden",
        r"(?:nobody|no one|no-one)(?:'s| is)? (?:would|will|going to|gonna) (?:even )?miss me",
        r"(?:won'?t|will not|wont) (?:be a (?:problem|burden) (?:for|to) (?:you|anyone|anybody|"
        r"everyone|any of you|much|any)|be a (?:problem|burden) (?:much|any) longer|have to "
        r"(?:deal|worry|put up) with me)",
        r"(?:put up with|deal with) me for (?:much|any) longer",
    ),
    "not being around": (
        r"(?:won'?t|will not|wont|not going to|not gonna) be (?:around|here)"
        r"(?! (?:forever|for (?:a|the|two|three|\d)|next|this|that|after the \d|from the|on|at|in|"
        r"till|until|before|during|over|when|tomorrow|today|\w+day))",
        r"(?:after|when|once|before) (?:I'?m|i am|i'm) gone(?! (?:on|for|to|away|abroad))",
        r"(?:can'?t promise|not sure|don'?t know if|doubt) (?:I'?ll|i'll|I will|i will) (?:still )?"
        r"be (?:here|around|alive)(?! when (?:you|u) get back)",
        r"(?:won'?t|wont) need (?:it|them|my \w+) (?:after|again|any ?more|where)",
        r"(?:I'?ll|i'll|I will|i will) (?:finally )?be at peace",
        r"(?:won'?t be|not be) (?:messaging|texting|writing|talking to you) again",
        r"sorry it came to this",
        r"(?:last|final) (?:message|text) you'?ll (?:ever )?get from me(?![^.!?]*(?:number|"
        r"phone|account|address))",
    ),
    "saying goodbye": (
        r"goodbye (?:forever|for good)",
        r"while (?:I|i) still can\b",
        r"the (?:note|letter) (?:explains|will explain)",
        r"texted me goodbye",
        r"(?:last|final) (?:post|message|text)[.!]? (?:take care|goodbye|for good|ever)",
        r"switching (?:my phone|it) off (?:now, )?for good",
        r"please forgive me for what",
        r"(?:thank you|thanks) for everything,? before",
    ),
    "putting affairs in order": (
        r"goodbye letters?",
        r"(?:suicide|goodbye) note",
        r"(?:my own|wrote my) eulogy",
        r"(?:look after|take care of|keep|take) (?:my )?\w+ (?:after|when) I'?m gone",
    ),
    "the means at hand": (
        rf"{_PILLS}[^.!?]{{0,40}}(?:saving|saved|hoard|stockpil|sorted|out on|lined up|"
        r"in my bag|full bottle|in my hand|in front of me)",
        rf"(?:saving|saved up|hoarding|stockpiling|took all|took a load of|"
        rf"took (?:a few )?extra)[^.!?]{{0,30}}{_PILLS}",
        r"(?:how many|how much)[^.!?]{0,40}(?:to be fatal|would kill)",
        r"(?:I|i)(?:'ve| have)? (?:overdosed|took an overdose|taken an overdose)",
        r"(?:an|the) overdose (?:of my|tonight|on purpose)",
        r"overdosed on purpose",
        r"(?:tie|tying|tied|made|making|practis\w+|bought|got) (?:a )?noose",
        r"took (?:everything|all of (?:it|them)|the lot) in the (?:cabinet|drawer|box|cupboard)",
        r"swallowed (?:a whole|the whole|all (?:the|my|of))",
        r"bleed(?:ing)? out",
        r"(?:garage|car)[^.!?]{0,30}engine (?:on|running)",
        r"(?:standing|sitting|lying|lie|lay) on the (?:train |railway )?tracks",
        r"hang myself",
        r"urge to (?:cut|hurt|harm)",
        r"cut deeper",
        r"(?:using|use) (?:it|them) on myself",
        r"(?:bridge|roof|balcony|cliff|platform|top level|multi-storey)[^.!?]{0,60}"
        r"(?:working up|end it|not coming back)",
        r"step(?:ped|ping|s)? (?:in front of (?:the |a )?(?:bus|train|traffic)|into traffic)",
        r"drive into a (?:tree|wall)",
        r"edge of the (?:platform|roof|bridge|cliff)",
        r"(?:at|on|to) the (?:cliffs?|bridge|roof)[^.!?]{0,30}(?:end it|do it|jump)",
        r"(?:stopped|skipping) (?:eating|taking|chemo)[^.!?]{0,40}"
        r"(?:on purpose|because I want|ready to go|so it)",
    ),
    "self-harm": (
        r"(?:I|i)(?:'?ve|'?m| am| have)?(?: been| started| keep| still)* self[- ]?harm(?:ing|ed)?"
        r"\b(?! (?:support|group|awareness|training|charity|course|research|policy|service))",
        r"self[- ]?harm\w* again",
        r"\bsh(?:-ing| again| after)\b",
        r"(?:cut|cutting|burn|burning|burned|burnt|scratch|scratching|scratched|hit|hitting|"
        r"punch|punched|carved|starv\w+|reopen\w*)[^.!?]{0,40}(?:(?<!hair )(?<!fringe )myself|"
        r"on purpose|the cuts|till they bled)",
        r"(?:till|until) (?:it|they|I|i) (?:bleed|bled|bleeds)",
        r"(?:further|deeper) than (?:I|i) meant",
        r"(?:took|taking|take) (?:the |a |my )?(?:pencil )?sharpener apart",
        r"relapsed (?:on|into|with) (?:self[- ]?harm|sh|cutting)",
        r"relapsed[^\n]{0,60}(?:razor|blade|cuts?\b)",
        r"(?:hide|hiding) (?:the |my |these )?cuts",
        r"(?:I'?ve|i'?ve|I|i|I'?m|i'?m) (?:been )?(?:cutting|burning myself|scratching myself) "
        r"again",
        r"hurting myself again",
        r"started (?:cutting|scratching|burning) again",
        r"used to (?:self-harm|hurt myself)",
    ),
    "not safe": (
        r"(?:I'?m|i'?m|im|I am|i am|I feel|i feel|feel|feeling)(?: \w+)? not safe",
        r"(?:don'?t|do not) feel safe",
        r"(?:don'?t|do not|can'?t) trust myself (?:alone|tonight|right now|rn|around (?:the )?"
        r"(?:pills|knives|razors?|blades|tablets))",
        r"scared (?:of )?what I might do",
        r"(?:standing|sitting) on the (?:ledge|rail|railing|edge)",
    ),
    "danger from another person": (
        r"(?:choked|chokes|strangled|strangles|punched|punches|attacked)(?: \w+){0,2} me\b"
        r"(?! (?:up|back|a |an |the |to ))",
        r"(?:chokes|hits|beats|hit|slaps|kicks) my (?:mum|mom)",
        r"(?:squeezed|grabbed|held|gripped) (?:my (?:throat|neck)|me by the (?:throat|neck))",
        r"hands? (?:round|around) my (?:neck|throat)",
        r"(?:keeps|kept|been|started) touching me",
        rf"{_CLOSE}[^.!?]{{0,30}}(?:hurt|stab|burn|shoot)(?:s)? (?:me|the dog|my)",
        r"(?:said|says|saying|texting|told me)[^.!?]{0,40}(?:hurt|stab|burn|shoot)"
        r"(?:s)? (?:me|the dog|my)",
        r"(?:he|she|they)(?:'ll| will)[^.!?]{0,20}(?:hurt|stab) (?:me|the dog)",
        r"said if (?:I|i)[^.!?]{0,60}hurt",
        r"broke my (?:wrist|arm|nose|ribs|jaw)",
        r"(?:ex|husband|partner|boyfriend|girlfriend|wife) has a (?:gun|knife)",
        r"(?:threatened|threatening|threatens) (?:to )?(?:me|kill me|hurt me)",
        r"next time (?:he|she|they) won'?t (?:stop|miss|hold back)",
        r"pulled a knife",
        r"(?:burn|fire|lock)[^.!?]{0,40}with me (?:inside|in it)",
        r"(?:following|followed|follows) me (?:home|around|everywhere|from)",
        r"(?:someone|somebody|a man|a guy|he|she)(?: \w+)? (?:has been|keeps|is|kept) following me",
        r"(?:not|never) leaving this house alive",
        r"pillow over my face",
    ),
}

# Phrases that are warning signs in one message and everyday words in the next ("I can't do
# this anymore: the billing exports broke again", "I worked out how to fix the sink", "we've
# picked a date for the wedding", "goodbye everyone, it's my last day", "the fake noose for
# the western", "my wife will kill me when she sees the bill", "he beat me at chess"). They
# count when the learned detector also leans that way (SOFT_THRESHOLD), never on their own.
SOFT_FAMILIES: dict[str, tuple[str, ...]] = {
    "wanting to die": (
        r"(?:can'?t|cannot) (?:do this|take (?:it|this)|keep going|do it) any ?more"
        r"(?! (?:with|at|in|on)\b)",
        r"want (?:it|everything|this) (?:all )?to (?:stop|end)(?!:)",
        r"(?:want|wanting) (?:it|this) to be over",
        r"so tired of (?:everything|all of it|it all)",
        r"suicidal",
        # laughing hyperbole ("lmao i wanna die", "i wanna die lol") is left out, as for kms
        r"(?<!lmao i )(?<!lol i )(?<!haha i )wanna die\b(?![^.!?\n]*\b(?:lol|lmao|haha)\b)",
        r"(?:think|thinking|thought|thoughts) (?:about|of) death",
        r"(?:end|ending|take|taking) (?:it all|things)",
        r"(?:don'?t|do not|no longer|never) (?:want|wanna|wnat) to (?:live|wake up|be here)",
        r"(?:want|wanna|wnat) (?:to )?be (?:here|around) (?:any ?mor|no ?more)",
        r"done (?:with|w|w/) it all",
        r"(?:have|got) a plan\b(?! (?:that|which|for (?:the|our|next|a|this)))",
        r"(?:only|one) way out",
        r"(?:wasn't|was never|never been) born",
        r"(?:go to sleep|sleep) (?:for good|forever)",
        r"finish the job",
        r"only still here",
        r"(?:tries|try) to stop me",
        r"(?:worked|working) out how",
        r"(?:reading|read) about how",
        r"(?:one|a|any|the) reasons? to (?:stay|keep going|live)",
        r"(?:stop|stopped|not) existing",
        r"(?:since|after) my attempt|(?:I|i) attempted\b(?! to)",
        r"(?:I'?ve|i'?ve|since I|since i|I|i) (?:decided|made (?:my|the) decision)\b",
        r"(?:made|make) (?:my )?peace with",
        r"(?:I'?m|i'?m|im) (?:just )?ready(?: now)?[.!]",
        r"(?:I'?m|i am) ready to go(?: now)?[.!]?$",
        r"(?:ready|going|want) to join (?:her|him|them)\b",
        r"(?:the )?right night",
        r"(?:tonight|today)(?:'s| is) the night",
        r"it(?:'ll| will) (?:all )?be over soon",
        r"my (?:own )?funeral",
    ),
    "being a burden": (
        r"(?:world|everyone|everybody)(?:'d| would) (?:\w+ )?be (?:better|lighter)",
        r"(?:easier|better) (?:life|lives|off|for everyone)",
        r"(?:no one|nobody) (?:has|have) to deal with",
        r"(?:nobody|no one|no-one) would (?:even )?(?:notice|care)",
        r"(?:doing|do) everyone a favou?r",
        r"(?:won'?t|will not|wont) be a (?:problem|burden)",
        r"(?:dead weight|waste of space|drain on)",
    ),
    "not being around": (
        r"where (?:I'?m|i'm|im) going(?! (?:wrong|with|next|for|on|to (?:be|start|work|put)))",
        r"(?:won'?t|will not|wont|not going to|not gonna) (?:be there|(?:be )?com(?:e|ing) "
        r"(?:back|home)|make it to|need (?:it|them|anywhere|my))",
        r"(?:not (?:planning on|sure I'?ll be|going to be)|don'?t think I'?ll be) (?:being )?"
        r"(?:around|here|coming (?:back|home))",
        r"(?:I'?m|i'm|im) not coming back",
        r"before I go\b(?! (?:on|to|travelling|away|abroad|back|home|for|into|out))",
        r"still be here (?:on|by|next)",
        r"\bor ever\b",
        r"(?:won'?t|will not) get another chance",
        r"(?:won'?t|not gonna|never|not going to) (?:get|have) the chance",
        r"if you don'?t hear from me",
        r"if (?:something|anything) (?:happened|happens|were to happen)(?: to me)?",
        r"might find out soon",
        r"(?:after|past) (?:tonight|this week|christmas|the weekend)\b",
        r"before (?:the month'?s out|I can'?t|i can'?t)",
        r"(?:going|gonna|go) quiet for good",
    ),
    "saying goodbye": (
        r"goodbye (?:everyone|everybody|properly|to (?:everyone|you all))(?! on)",
        r"(?:this is|just me saying|me saying) (?:my )?(?:goodbye|bye)",
        r"say (?:goodbye|bye) properly",
        r"(?:bye|goodbye) for good",
        r"(?:said|saying) my goodbyes",
        r"tell (?:everyone|them|the team|mum|mom|dad) I said (?:bye|goodbye)",
        r"nice knowing (?:you|some of you|everyone)",
        r"(?:the )?last time (?:I'?ll|i'll|I will) (?:call|text|message|write)",
        r"(?:final|last) post (?:from|on) (?:this|my) account",
        r"(?:thank you|thanks) for everything(?: and|,)? (?:sorry|i'?m sorry|goodbye|bye)",
        r"(?:logging|signing|checking) off for good",
        r"(?:delet|clos)\w* (?:all )?my (?:accounts|socials|profiles)",
        r"(?:don't|do not) (?:try to )?(?:find|look for|save) me",
        r"(?:don'?t|do not) blame yourself",
        r"(?:not|isn'?t|none of this is) (?:ur|your) fault",
        r"by the time you read this",
        r"letters to everyone",
        r"farewell letter",
        r"(?:wrote|written|writing) (?:a |the |my )?note(?! for)",
        r"suicide (?:note|plan|attempt)",
    ),
    "putting affairs in order": (
        r"giv(?:e|ing|en) (?:away )?(?:all )?my (?:stuff|things|belongings|books|clothes)"
        r"(?: away)?",
        r"(?:affairs|everything) (?:in order|sorted)",
        r"sorted (?:everything|it all)|sorted (?:it|everything) so",
        r"nothing left to do",
        r"loose ends",
        r"(?:a good|a new) home for",
        r"(?:my )?(?:passwords|logins?)\b",
        r"(?:life )?insurance (?:money|pays|would)",
        r"instructions for the funeral",
        r"(?:won'?t|will not|wont) be (?:needing|using) (?:it|them|the|my)",
        r"won'?t be needing (?:them|it|any)",
        r"(?:set|chose|chosen|picked|written down|wrote down) (?:the|a) (?:date|day)",
        r"picked a (?:day|date)",
        r"(?:planned|chosen|picked) it for (?:tonight|tomorrow|friday|saturday|sunday|monday|"
        r"the weekend|this weekend)",
    ),
    "the means at hand": (
        r"noose",
        r"razor",
        r"shotgun",
        r"(?:a|the|my) blade\b",
        r"(?:bought|got|have) (?:a |the )?(?:rope|blade)",
        r"(?:gun|knives)[^.!?]{0,40}(?:myself|on me|using (?:it|them))",
        rf"{_PILLS}[^.!?]{{0,40}}ready",
        r"swallowed[^.!?]{0,30}" + _PILLS,
        r"took (?:way |far |a lot |loads )?more (?:of )?(?:my )?(?:meds|pills|tablets)",
        r"stocked up on",
        r"(?:whole|entire) prescription",
        r"(?:lethal|fatal|dangerous) (?:together|for a person|dose)",
        r"(?:how many|how much)[^.!?]{0,40}it would take",
        r"(?:looking up|looked up|researching|reading about) (?:methods|how)",
        r"(?:how I'?d do it|picked the date|how high the)",
        r"so (?:they|nobody|no one) (?:don'?t|doesn'?t|won'?t) notice",
        r"engine running",
        r"length of hose",
        r"(?:on|near) the (?:train |railway )?tracks",
        r"(?:on|at) the (?:bridge|roof|top of the cliff)",
        r"(?:jump|step off)[^.!?]{0,40}(?:balcony|bridge|roof|ledge)",
        r"(?:bridge|roof|balcony|cliff|platform|top level|multi-storey)[^.!?]{0,60}"
        r"(?:jump|step|over the rail|climb|do it|just need)",
        r"(?:quarry|cliff|bridge|roof|car park)[^.!?]{0,30}(?:edge|drop|tallest|fences?)",
        r"(?:tallest|highest) (?:car park|bridge|building)",
        r"one-way ticket",
    ),
    "self-harm": (
        r"self[- ]?harm\w*",
        r"(?:cut|cutting|burn|burning|burned|burnt|scratch\w*)[^.!?]{0,40}"
        r"(?:(?<!hair )(?<!fringe )myself|my hands?)",
        r"(?:cut|cutting|burn|burning|burned|burnt|scratch\w*|hit|hitting|punch\w*)[^.!?]{0,40}"
        r"my (?:arms?|legs?|wrists?|thighs)",
        r"(?:relapsed|cutting again|cut again|started (?:cutting|scratching|burning|hitting))",
        r"(?:scratching|cutting|burning) again",
        r"used to cut\b",
        r"my arms are a mess",
        r"(?:bang|banging|hit|hitting) my head",
        r"punched the wall",
        r"cuts on (?:her|his|my|their) (?:arms|legs|wrists|thighs|stomach)",
        r"(?:hide|cover|hiding|covering) (?:the |my )?(?:cuts|scars|marks|burns)",
        r"(?:won'?t|doesn'?t) stop bleeding",
    ),
    "not safe": (
        r"not safe (?:right now|at home|tonight|on my own|to be (?:alone|on my own)|here|with)",
        r"(?:don'?t|do not|can'?t) trust myself",
        r"(?:standing|sitting) on the balcony",
    ),
    "danger from another person": (
        r"(?:pushed|threw|hit|hits|beat|beats|grabbed|pinches|knocked)(?: \w+){0,2} me\b"
        r"(?! (?:up|back|a |an |the |to ))",
        rf"{_CLOSE}[^.!?]{{0,30}}kills? (?:me|the dog|my)",
        r"(?:said|says|saying|texting|told me|he|she|they)[^.!?]{0,40}kill(?:s)? "
        r"(?:me|the dog|my)",
        r"said if (?:I|i)[^.!?]{0,60}(?:worse|pay|kill)",
        r"(?:said|says|saying|texting|told me)[^.!?]{0,40}regret(?:s)? (?:me|my|leaving)",
        r"(?:threatened|threatening|threatens) (?:to )?(?:kill|hurt)",
        r"(?:said|says|saying|told)[^.!?]{0,40}(?:kill|hurt|stab|shoot) (?:her|him|them)\b",
        r"(?:chokes|hits|beats|hit|slaps|kicks) my (?:little \w+|brother|sister|son|daughter|kids|"
        r"children|baby)",
        r"(?:slaps|slapped|hits|hitting|beats|beating|kicks|kicked|punches|burns|burning|touches|"
        r"touching) (?:her|him|them)\b",
        r"(?:bruises|black eye)",
        r"(?:photo|picture)s? of my (?:house|door|front door|kids|car|bedroom)",
        r"knows? (?:my routine|where (?:I|i) live|where the kids)",
        r"(?:following|follows|followed) me",
        r"(?:they|he|she)(?:'re| are|'s| is) watching me",
        r"(?:outside|trying to get into) my (?:house|flat|door|home)",
        r"with me (?:inside|in it)",
        r"banging on the door",
        r"smashed my",
        r"locks? me in|locked me in",
        r"won'?t let me leave",
        r"scared to (?:go home|sleep)",
        r"frightened of (?:him|her|them)",
        r"hiding in the",
        r"(?:teach me a lesson|make me pay)",
        r"(?:I'?m|i am) next\b",
        r"call the police",
    ),
}
SOFT = tuple(p for family in SOFT_FAMILIES.values() for p in family)
SOFT_THRESHOLD = 0.5


def _scan(patterns: tuple[str, ...]) -> Scan:
    # One pattern each rather than one big alternation: each small pattern keeps re's fast
    # literal scan, and the list runs about 3x faster (measured on dev, bench/coach.py). Each
    # runs only when a text has one of the literal words it needs (prefilter.py): the same
    # spans as running them all, at a fraction of the cost.
    return Scan([rf"(?<![\w'])(?:{p})" for p in patterns], re.IGNORECASE | re.MULTILINE)


CURATED = _scan(tuple(p for family in FAMILIES.values() for p in family))
SOFT_CURATED = _scan(SOFT)


def listed(text: str) -> tuple[Span, ...]:
    """Return the spans of the curated warning signs in `text` (the hard list only)."""
    return CURATED.spans(text)


def soft_listed(text: str) -> tuple[Span, ...]:
    """Return the spans of the phrases that count only with the learned detector's support."""
    return SOFT_CURATED.spans(text)


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
