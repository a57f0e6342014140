"""Rules about pressure: pressure, comparison and blaming-you (problems)."""

from __future__ import annotations

from askwell.core.coach.registry import Rule, learned, register

register(
    Rule(
        id="pressure",
        kind="problem",
        severity="high",
        doc='Guilt trips, begging, threats or dramatic stakes aimed at them ("my only hope").',
        message="Pressure makes a no feel costly, and that strains the relationship.",
        suggestion="State what you need plainly and make it clearly OK to say no.",
        detect=learned("pressure_guilt", "pressure"),
        must_flag=(
            "You're my only hope, please help me move.",
            "After all I've done for you, you can't lend me $50?",
            "I'm begging you, read my essay.",
            "If you don't help me, I'll lose my job and it's on you.",
            "Don't let me down on this one.",
            "If you were a real friend you'd drive me to the airport.",
            "I need you to take over the reporting starting Monday. This is not optional.",
            "I guess I'll just sit here alone since nobody cares.",
        ),
        must_pass=(
            "Could you help me move on Saturday? No worries if you can't.",
            "Please could you cover my shift on Tuesday?",
            "I'm stuck on my essay intro. Could you read one paragraph?",
            "I'd really appreciate your help with the move.",
            "Would you be up for driving me to the airport? Totally fine if not.",
            "Could you lend me $50 until Friday? I'll pay it back on payday.",
            "I'm stuck at work till 7. Could you pick up the kids today?",
            "",
        ),
    )
)

register(
    Rule(
        id="comparison",
        kind="problem",
        severity="medium",
        doc='Compares them with other people to push them ("Frank always helps his team").',
        message="Comparisons with others feel like pressure, even when meant as praise.",
        suggestion="Say why you thought of them, without measuring them against anyone.",
        detect=learned("comparison", "comparison"),
        must_flag=(
            "Frank always helps his team, why can't you?",
            "Everyone else already helped with the move.",
            "Why can't you be more like your sister?",
            "Most managers would have said yes already.",
            "Dan turns everyone's reviews around in an hour. Could you look at mine?",
            "Rachel would have offered already.",
            "All my friends' parents help with the deposit.",
            "You're so much better at this than the career centre people, can you read my CV?",
        ),
        must_pass=(
            "You know the billing code well, so could you review my change?",
            "Could you help with the move on Saturday?",
            "I thought of you because you ran the last offsite.",
            "Would you be willing to mentor me for a few months?",
            "Should I take the fintech offer or the bank one? Could we talk Friday?",
            "Could you read my CV this week? Thanks!",
            "I'm stuck on the deploy step. Could you pair with me for 20 minutes?",
            "",
        ),
    )
)

register(
    Rule(
        id="blaming-you",
        kind="problem",
        severity="high",
        doc='Blames or accuses them ("you never reply", "you always flake", "it\'s on you").',
        message="Blame puts them on the defensive before they've even read the ask.",
        suggestion='Describe the impact with an "I" statement: "I\'m stuck until...".',
        detect=learned("blaming_you", "blame"),
        must_flag=(
            "You never reply to my messages.",
            "You always flake when I need you.",
            "It's your fault the release slipped, so fix it.",
            "You should have told me about the deadline.",
            "You always ignore my questions in standup.",
            "Because of you I'm behind, so help me catch up.",
            "Circling back for the 4th time. Are you going to answer?",
            "You gave me the wrong file, so this mess is on you.",
        ),
        must_pass=(
            "I'm stuck until the API spec is final. Could you share a draft?",
            "You always give such clear feedback, so could you read my intro?",
            "I missed the deadline news. Could you update me on the timeline?",
            "Could you reply when you have a moment?",
            "Did you get a chance to look at my email?",
            "Thanks for your reply yesterday!",
            "Could you look at my slides before Thursday?",
            "",
        ),
    )
)
