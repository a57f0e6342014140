"""Rules about warmth: reason-for-them, easy-out, gratitude and i-statement (strengths)."""

from __future__ import annotations

from askwell.core.coach.registry import Rule, learned, register
from askwell.core.coach.rules.ask import has_ask

register(
    Rule(
        id="reason-for-them",
        kind="strength",
        severity="info",
        doc="Says why you are asking this person in particular: their skill, role or situation.",
        message="You said why you're asking them, which shows you value what they bring.",
        suggestion="Keep the reason short and genuine.",
        detect=learned("reason_for_them", "reason"),
        missing='Add why you thought of them ("since you ran the last migration...").',
        suggest_when=has_ask,
        must_flag=(
            "Since you ran the migration last year, could you share your checklist?",
            "I thought of you because you've been through a job change.",
            "Given your experience with grant writing, could you read my summary?",
            "Because you know the billing code well, could you review this?",
            "You've done this before, so I'd value your view.",
            "You pass right by the pharmacy, could you grab my prescription?",
            "You're the only one I know with a truck. Could you help me move the sofa?",
            "You've worked at both companies, so which would you pick?",
        ),
        must_pass=(
            "Could you review my draft?",
            "Can you help me?",
            "Could you cover my shift on Tuesday?",
            "I know you're super busy, but could you look at my CV?",
            "Any advice on negotiating salary?",
            "I need someone to water my plants.",
            "Thanks for the help!",
            "",
        ),
    )
)

register(
    Rule(
        id="easy-out",
        kind="strength",
        severity="info",
        doc='Makes it easy to say no or later ("no worries if not", "I can ask Sam instead").',
        message="You made it easy to say no, so a yes will be a real yes.",
        suggestion="Keep the door open for a no or another time.",
        detect=learned("easy_out", "easy_out"),
        missing='Add an easy out, e.g. "no worries if now isn\'t a good time".',
        suggest_when=has_ask,
        must_flag=(
            "Could you help me move on Saturday? No worries if you can't.",
            "Totally fine if this week is too packed.",
            "Feel free to say no if you're swamped.",
            "I'd completely understand if you don't have the bandwidth.",
            "Could you look at my draft, if that's okay?",
            "If now isn't a good time, I can ask in #infra instead.",
            "It's okay to say no, honestly.",
            "Would you read my draft? Absolutely fine if you can't this week.",
        ),
        must_pass=(
            "Could you help me move on Saturday?",
            "I need this done ASAP.",
            "Please reply today.",
            "Can you look at my draft?",
            "No worries if you're too busy AGAIN.",
            "Thanks so much!",
            "No rush, could you send it by Friday?",
            "",
        ),
    )
)

register(
    Rule(
        id="gratitude",
        kind="strength",
        severity="info",
        doc="Thanks them, in advance or for past help.",
        message="You thanked them, which people remember and return.",
        suggestion="A short, specific thank-you is plenty.",
        detect=learned("gratitude", "thanks"),
        missing="End with a short thank-you for their time.",
        suggest_when=has_ask,
        must_flag=(
            "Thanks so much!",
            "Thank you for considering it.",
            "I'd really appreciate it.",
            "I'm grateful for any time you can spare.",
            "Could you review my draft? Thanks!",
            "Many thanks in advance.",
            "Could you send the file? Thank you either way.",
            "I appreciate your help with the launch.",
        ),
        must_pass=(
            "Could you review my draft?",
            "Can you help me?",
            "I need this done ASAP.",
            "Do you have 10 minutes tomorrow?",
            "Please send the file.",
            "What do you think of the plan?",
            "You never reply to my messages.",
            "",
        ),
    )
)

register(
    Rule(
        id="i-statement",
        kind="strength",
        severity="info",
        doc='Speaks from your own side about your situation or need ("I\'m stuck on...").',
        message="Speaking from your own side keeps the tone open and non-blaming.",
        suggestion="Keep describing what you need and how it affects you.",
        detect=learned("i_statement"),
        missing='Try an "I" statement ("I\'m stuck on...") to say where you are.',
        suggest_when=has_ask,
        must_flag=(
            "I'm stuck on the deploy step. Could you pair with me?",
            "I feel overwhelmed with the launch. Could we talk?",
            "I'd love your advice on my CV.",
            "I'm weighing two offers and would value your view.",
            "I've been feeling low lately. Could we get coffee this week?",
            "I'm not sure how to start the report. Could you share an old one?",
            "I'm preparing my first conference talk. Could you look at two slides?",
            "I'm moving on Saturday and I'm short of hands. Could you help for an hour?",
        ),
        must_pass=(
            "Can you help?",
            "You never reply to my messages.",
            "Could you review the draft?",
            "I need you to take over the reporting starting Monday.",
            "You always flake when I need you.",
            "Thanks!",
            "Is the server down?",
            "",
        ),
    )
)
