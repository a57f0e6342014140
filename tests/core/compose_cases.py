"""The needs, people and answers the composer's matrix test renders (and the golden file)."""

from __future__ import annotations

import re
from datetime import date

from askwell.core.coach import check
from askwell.core.model import Answer, Need, Person

LONG = (
    "A colleague to take over the weekly reporting for the regional sales team, including the "
    "Monday pipeline summary, the Wednesday forecast check-in with finance and the Friday "
    "dashboard refresh, for the six weeks while I lead the Q1 launch"
)

# (summary, details, support type, deadline): noun phrases, verb phrases, questions, lowercase,
# very long, non-ASCII, and needs with parts missing (no details, no deadline).
NEEDS: list[tuple[str, str, str, date | None]] = [
    ("A colleague to take over the weekly reporting for 6 weeks", "", "task", date(2026, 12, 10)),
    ("Pricing for the Q3 proposal", "", "advice", date(2026, 5, 7)),
    ("Pricing for the Q3 proposal", "The client wants numbers by Friday.", "task", None),
    ("Review my conference slides", "I'm giving my first talk at PyCon.", "feedback", None),
    ("review my CV before I apply", "", "feedback", date(2026, 3, 2)),
    ("Can someone review my cover letter?", "", "feedback", None),
    ("Could you proofread my thesis introduction?", "It's due next week.", "feedback", None),
    ("How do I negotiate a raise?", "", "advice", None),
    ("how should I prepare for a promotion panel?", "", "advice", date(2026, 2, 14)),
    ("Is it worth moving to Berlin for the new job?", "", "advice", None),
    ("What's the best way to learn SQL quickly?", "", "information", None),
    ("Any tips for running my first marathon?", "", "advice", None),
    ("Need help moving house", "We move on Saturday morning.", "task", date(2026, 4, 18)),
    ("help with my tax return", "", "task", None),
    ("Help Zoë move into her new flat in Malmö", "", "task", None),
    ("Feedback on my grant application", "", "feedback", None),
    ("feedback on the onboarding guide", "I rewrote it for new starters.", "feedback", None),
    ("An introduction to the hiring manager at Acme", "", "introduction", None),
    ("intro to someone in the data team", "", "introduction", None),
    ("Someone to water my plants while I'm away", "I'm away for two weeks.", "task", None),
    ("I need to finish the budget spreadsheet", "", "task", date(2026, 6, 1)),
    ("Advice on asking my manager for flexible hours", "", "advice", None),
    ("Python packaging for our internal tools", "", "information", None),
    ("python packaging", "", "advice", None),
    ("feeling low after the breakup", "", "emotional", None),
    ("Someone to listen while I work through a hard week", "", "emotional", None),
    ("Review of the grant proposal", "", "feedback", None),
    ("Looking for someone who can proofread my thesis", "", "feedback", None),
    ("Zoë's leaving card", "", "task", date(2026, 1, 9)),
    ("Résumé tips for a career change into nursing", "", "advice", None),
    ("Care for my cat Mío while I'm in Kraków", "", "task", None),
    ("Can I borrow your ladder on Saturday?", "", "resources", None),
    ("A lift to the airport on Sunday", "", "task", None),
    ("Information about visa requirements for Japan", "", "information", None),
    ("Set up the staging database for the billing service", "", "task", None),
    ("cover my on-call shift next Tuesday", "", "task", None),
    ("The Q1 budget", "", "advice", None),
    ("GDPR questions for the new signup form", "", "information", None),
    (LONG, "", "task", date(2026, 12, 10)),
    (LONG.lower(), "I'm leading the Q1 launch and can't do both.", "task", None),
    ("A second pair of eyes on the migration plan", "", "feedback", None),
    ("Talk through my options after the redundancy", "", "emotional", None),
    ("Somebody to show me how the deploy script works", "", "information", None),
    ("A quick call about the Łódź office move", "", "advice", None),
]

# Needs with the structured ask (what they would do, its size, the situation), some parts left out.
STRUCTURED = [
    Need(
        summary="Weekly reporting cover",
        support_type="task",
        ask="take over the weekly reporting for six weeks",
        size="about an hour a week",
        situation="I'm leading the Q1 launch until February.",
        deadline=date(2026, 12, 10),
    ),
    Need(summary="Budget", support_type="task", ask="sign off the budget line", size="a quick yes"),
    Need(summary="Slides", support_type="feedback", ask="look at my slides", size="two slides"),
    Need(summary="How do I price this?", support_type="advice", size="30 minutes"),
    Need(
        summary="The team lead offer",
        support_type="advice",
        situation="I've been offered a team lead role.",
    ),
]

PEOPLE = [
    Person(name="Ana Silva", relationship="colleague", topics=("weekly reporting", "python")),
    Person(name="Zoë Ångström", relationship="friend", topics=("moving", "cats")),
    Person(name="Dr. Ngozi Okafor", relationship="mentor", topics=("grant writing", "careers")),
    Person(name="José", relationship="manager", topics=()),
    Person(name="Siobhán Ní Bhriain", relationship="colleague", topics=("pricing", "SQL")),
]

ANSWERS = [
    ("yes", Answer("yes", note="Happy to, send me the files")),
    ("yes", Answer("yes")),
    ("no", Answer("no", note="I'm swamped until January")),
    ("no", Answer("no")),
    ("alternative", Answer("alternative", offered="dashboard refresh only")),
    ("alternative", Answer("alternative", offered="20 minutes on Friday")),
    ("alternative", Answer("alternative", offered="review the first section")),
    ("no-reply", None),
]

_DOUBLED_WORD = re.compile(r"\b(\w+)\s+\1\b", re.I)
_DOUBLED_PUNCT = re.compile(r"[.?!,;:]\s*[.?!,;:]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_POINT = re.compile(r"^- [A-Z][\w ]+: ")


def needs() -> list[Need]:
    """Return the needs of the matrix as Need records."""
    plain = [Need(summary=s, details=d, support_type=t, deadline=when) for s, d, t, when in NEEDS]
    return plain + STRUCTURED


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for number, line in enumerate(text.strip().splitlines()):
        line = line.strip()
        if not line or (number == 0 and line.endswith((":", ","))):
            continue
        line = _POINT.sub("", line)
        out.extend(s for s in _SENTENCE_END.split(line) if s)
    return out


def faults(text: str, name: str) -> list[str]:
    """Return what keeps a draft from being sent as it is ([] when it could be sent)."""
    found = []
    report = check(text)
    if any(f.rule == "placeholder" for f in report.findings) or re.search(r"[\[\]{}<>]", text):
        found.append("placeholder")
    if report.crisis:
        found.append("crisis alarm")
    found += [f"coach: {f.rule}" for f in report.problems]
    doubled = _DOUBLED_WORD.search(text)
    if doubled:
        found.append(f"doubled word {doubled.group(0)!r}")
    punct = _DOUBLED_PUNCT.search(text.replace("Dr.", "Dr"))
    if punct:
        found.append(f"doubled punctuation {punct.group(0)!r}")
    for s in _sentences(text):
        if not s[:1].isupper():
            found.append(f"sentence starts in lower case: {s[:40]!r}")
        if s[-1] not in ".!?":
            found.append(f"sentence without an end: {s[-40:]!r}")
    if not re.match(rf"(?:Hi|Talking points for) {re.escape(name)}[!,:]", text):
        found.append(f"greets someone other than {name!r}")
    return found


# (need index in NEEDS, person index, channel, frame) for the golden drafts under review.
GOLDEN_DRAFTS: list[tuple[int, int, str, str | None]] = [
    (0, 0, "chat", None),
    (0, 0, "email", None),
    (0, 0, "in-person", None),
    (0, 0, "chat", "handover"),
    (1, 4, "email", None),
    (3, 2, "chat", "feedback"),
    (4, 2, "text", None),
    (5, 0, "chat", None),
    (7, 2, "email", "mentor-advice"),
    (9, 3, "chat", None),
    (11, 1, "text", None),
    (12, 1, "chat", None),
    (14, 0, "in-person", None),
    (17, 2, "email", None),
    (19, 1, "text", None),
    (24, 1, "chat", "emotional-support"),
    (31, 1, "text", None),
    (34, 0, "chat", "short-call"),
    (38, 0, "email", "workload"),
    (43, 4, "chat", "short-call"),
]
# (need index, person index, channel, answer index in ANSWERS) for the golden replies.
GOLDEN_REPLIES: list[tuple[int, int, str, int]] = [
    (0, 0, "chat", 0),
    (0, 0, "chat", 2),
    (0, 0, "chat", 4),
    (0, 0, "email", 7),
    (3, 2, "email", 1),
    (12, 1, "chat", 3),
    (17, 2, "chat", 6),
    (1, 4, "text", 5),
    (24, 1, "chat", 2),
    (9, 3, "chat", 7),
]


def golden_items() -> list[tuple[str, str, str, str]]:
    """Return (title, need summary, text, name greeted) for each of the 30 golden drafts."""
    from askwell.core import compose
    from askwell.core.moment import first_name

    all_needs = needs()
    items = []
    for n, p, channel, frame in GOLDEN_DRAFTS:
        need, person = all_needs[n], PEOPLE[p]
        text = compose.draft_for(person, need, channel=channel, template=frame)
        title = f"Draft to {person.name} ({channel}{', ' + frame if frame else ''})"
        items.append((title, need.summary, text, first_name(person)))
    for n, p, channel, a in GOLDEN_REPLIES:
        need, person = all_needs[n], PEOPLE[p]
        kind, answer = ANSWERS[a]
        text = compose.reply_for(kind, person, need, channel=channel, answer=answer)
        said = ""
        if answer is not None and (answer.note or answer.offered):
            said = f" (they said: {answer.note or answer.offered})"
        title = f"Reply to {person.name} after {kind}{said} ({channel})"
        items.append((title, need.summary, text, first_name(person)))
    return items


def golden() -> str:
    """Return the golden file's text: 30 drafts and replies as a person would read them."""
    blocks = ["# Drafts and replies the composer writes (tests/core/test_compose_golden.py)\n"]
    for title, summary, text, _ in golden_items():
        blocks.append(f"## {title}\n\nNeed: {summary}\n\n```text\n{text.strip()}\n```\n")
    return "\n".join(blocks)
