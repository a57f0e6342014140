"""The composer: drafts for every template and channel pass the coach with no problems."""

from __future__ import annotations

from datetime import date

import pytest

from askwell.core import compose, compose_parts
from askwell.core.coach import check
from askwell.core.model import Answer, DomainError, Need, Person

PAIRS = [(t, c) for t in compose.TEMPLATES for c in compose.COMPOSE_CHANNELS]
PARTS = {
    "name": "Priya",
    "situation": "I'm preparing my first conference talk",
    "challenge": "I'm unsure the opening lands",
    "ask": "look at my first two slides",
    "time": "10 minutes",
    "deadline": "by Thursday",
    "why": "you've given talks at PyCon",
}


@pytest.mark.parametrize(("template", "channel"), PAIRS)
def test_compose_every_template_passes_its_checker(template: str, channel: str) -> None:
    text = compose.draft({}, channel, template)
    report = check(text, channel=None if channel == "text" else channel)
    assert report.crisis is False
    assert report.problems == [], [(f.rule, f.spans) for f in report.problems]
    assert "[" not in text and "]" not in text


def test_compose_templates_cover_spec_situations() -> None:
    assert set(compose.TEMPLATES) == {
        "workload",
        "feedback",
        "mentor-advice",
        "emotional-support",
        "short-call",
        "handover",
        "reply-to-no",
        "thank-you",
        "follow-up",
    }
    for tpl in compose.TEMPLATES.values():
        assert tpl.title and tpl.description and tpl.fields


def test_compose_draft_from_parts_has_every_part() -> None:
    text = compose.draft(PARTS, "chat")
    assert text.startswith("Hi Priya! I'm preparing my first conference talk.")
    assert "Could you look at my first two slides by Thursday?" in text
    assert "I thought of you because you've given talks at PyCon." in text
    assert "It should take about 10 minutes." in text
    assert compose.DEFAULT_EASY_OUT in text and compose.DEFAULT_THANKS in text
    strengths = {f.rule for f in check(text).findings if f.kind == "strength"}
    assert {"specific-ask", "time-boxed", "reason-for-them", "easy-out", "gratitude"} <= strengths


def test_compose_keeps_an_ask_already_phrased_as_a_request() -> None:
    text = compose.draft({"ask": "Would you read my cover letter?", "situation": "I'm applying"})
    assert "Would you read my cover letter?" in text
    assert "Could you would" not in text


def test_compose_channels_change_the_shape() -> None:
    email = compose.draft(PARTS, "email")
    points = compose.draft(PARTS, "in-person")
    assert email.startswith("Hi Priya,\n\n") and "\n\n" in email.strip()
    assert points.startswith("Talking points for Priya:")
    assert "\n- The ask: Could you look at my first two slides by Thursday?" in points


def test_compose_template_parts_override_defaults() -> None:
    text = compose.draft({"name": "Sam", "ask": "review the budget table"}, "chat", "feedback")
    assert text.startswith("Hi Sam!") and "review the budget table" in text
    assert "[the first two pages]" not in text


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: compose.draft(PARTS, "chat", "nope"), "unknown template"),
        (lambda: compose.draft(PARTS, "pigeon"), "unknown channel"),
        (lambda: compose.draft({"colour": "red", "ask": "x"}), "unknown part"),
        (lambda: compose.draft({"situation": "I'm stuck"}), "needs an ask"),
    ],
)
def test_compose_bad_input_is_a_domain_error(call: object, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        call()  # type: ignore[operator]


@pytest.mark.parametrize("reply", [compose.reply_to_no, compose.thank_you, compose.follow_up])
@pytest.mark.parametrize("channel", ["chat", "email"])
def test_compose_replies_are_gracious_and_pass(reply: object, channel: str) -> None:
    text = reply(name="Sam", need="the slide review", note="", channel=channel)  # type: ignore[operator]
    assert "Sam" in text
    report = check(text)
    assert report.problems == []
    assert any(f.rule == "gratitude" and f.kind == "strength" for f in report.findings)


def test_compose_follow_up_is_one_gentle_ask() -> None:
    text = compose.follow_up(name="Sam", need="the slide review")
    assert text.count("?") == 1 and "No worries" in text


def test_compose_draft_for_and_reply_for_use_person_and_need() -> None:
    person = Person(name="Ana", topics=("pricing",), channel="email")
    need = Need(summary="Pricing for the Q3 proposal", deadline=date(2026, 5, 7))
    text = compose.draft_for(person, need)
    assert text.startswith("Hi Ana,") and "into pricing for the Q3 proposal" in text
    assert "Could you share your thoughts on pricing for the Q3 proposal by Thursday 7 May?" in text
    assert check(text).problems == []
    assert "no problem at all" in compose.reply_for("no", person, need)
    assert "check in once" in compose.reply_for("no-reply", person, need)
    assert "Thank you so much" in compose.reply_for("yes", person, need)


SARAH_NEED = Need(
    summary="A colleague to take over the weekly reporting for 6 weeks",
    support_type="task",
    deadline=date(2026, 12, 10),
)


def test_compose_draft_for_turns_a_need_into_the_ask_it_means() -> None:
    person = Person(name="Ana Silva", relationship="colleague", channel="chat")
    text = compose.draft_for(person, SARAH_NEED)
    assert "Could you take over the weekly reporting for 6 weeks by Thursday 10 December?" in text
    assert "help me with a colleague" not in text and "[" not in text
    assert "It should take" not in text  # no size known: the clause is left out
    assert check(text).problems == []


def test_compose_reason_is_the_topic_that_matches_the_need() -> None:
    both = Person(name="Ana", topics=("python", "weekly reporting"))
    text = compose.draft_for(both, SARAH_NEED)
    assert "I thought of you because you know a lot about weekly reporting." in text
    assert "python" not in text
    unrelated = Person(name="Ana", topics=("python",))
    assert "I thought of you" not in compose.draft_for(unrelated, SARAH_NEED)


def test_compose_replies_name_what_was_agreed_or_offered() -> None:
    person = Person(name="Ana Silva")
    offered = Answer("alternative", offered="dashboard refresh only")
    text = compose.reply_for("alternative", person, SARAH_NEED, answer=offered)
    assert "thank you so much for offering to help with the dashboard refresh." in text
    assert "take you up on it" in text and "colleague" not in text
    yes = compose.reply_for("yes", person, SARAH_NEED, answer=Answer("yes"))
    assert "agreeing to take over the weekly reporting for 6 weeks." in yes
    no = compose.reply_for("no", person, SARAH_NEED, answer=Answer("no", note="swamped"))
    assert "I'll ask someone else to take over the weekly reporting for 6 weeks." in no
    assert "I hope things ease up for you soon." in no
    later = compose.reply_for("no-reply", person, SARAH_NEED)
    assert "asking whether you could take over the weekly reporting for 6 weeks." in later


@pytest.mark.parametrize(
    ("summary", "support", "ask"),
    [
        ("Review my conference slides", "feedback", "review my conference slides"),
        ("Can someone review my cover letter?", "feedback", "review my cover letter"),
        ("How do I ask for a raise?", "advice", "share your thoughts on how to ask for a raise"),
        ("Need help moving house", "task", "lend me a hand with moving house"),
        ("Help Zoë move into her flat", "task", "help Zoë move into her flat"),
        ("Feedback on my grant bid", "feedback", "give me feedback on my grant bid"),
        ("An intro to the hiring manager", "introduction", "introduce me to the hiring manager"),
        ("Can I borrow your ladder?", "resources", "lend me your ladder"),
        ("I need to finish the budget", "task", "help me finish the budget"),
        ("Q3 pricing", "advice", "share your thoughts on Q3 pricing"),
    ],
)
def test_compose_phrase_reads_each_kind_of_summary(summary: str, support: str, ask: str) -> None:
    assert compose_parts.verb_phrase(summary, support) == ask


def test_compose_open_question_goes_before_the_ask() -> None:
    need = Need(summary="Is it worth moving to Berlin for the job?", support_type="advice")
    text = compose.draft_for(Person(name="Ana"), need)
    assert "Is it worth moving to Berlin for the job? Could you give me your take on it?" in text


def test_compose_past_reason_comes_from_a_close_earlier_yes() -> None:
    before = [
        Need(summary="A lift to the airport", support_type="task", id=1),
        Need(summary="Pricing for the Q3 proposal", support_type="advice", id=2),
    ]
    now = Need(summary="Pricing for the Q4 proposal", support_type="advice", id=3)
    reason = compose.past_reason(now, before)
    assert reason == "you were such a help with pricing for the Q3 proposal before"
    text = compose.draft_for(Person(name="Ana"), now, reason=reason)
    assert "Could you share your thoughts on pricing for the Q4 proposal?" in text
    assert check(text).problems == []
    assert compose.past_reason(Need(summary="Feedback on my CV", id=4), before) == ""
