"""The coach's rewrites: each is a span and the words to put there, and none brings a problem."""

from __future__ import annotations

from collections import Counter

import pytest
from coach_data import DATA, jsonl

from askwell.core.coach import RULES, check
from askwell.core.coach.fix import apply_one, fix, fixable
from askwell.core.coach.rules import rewrites
from askwell.core.model import DomainError


def _problems(text: str) -> Counter[str]:
    return Counter(f.rule for f in check(text).problems)


def _corpus() -> list[str]:
    texts = [
        r["text"] for split in ("dev", "train") for r in jsonl(DATA / "requests" / f"{split}.jsonl")
    ]
    return texts + [t for rule in RULES.values() for t in (*rule.must_flag, *rule.must_pass)]


def test_no_fix_brings_a_problem_the_text_did_not_have() -> None:
    offered, texts_fixed, worse = Counter[str](), 0, []
    for text in _corpus():
        report = check(text)
        if report.crisis:
            continue
        before = _problems(text)
        for i, finding in enumerate(fixable(report)):
            offered[finding.rule] += 1
            after = _problems(apply_one(text, i))
            if any(n > before[r] for r, n in after.items()):
                worse.append((finding.rule, text, dict(after)))
        fixed = fix(text)
        if fixed.applied:
            texts_fixed += 1
            after = _problems(fixed.text)
            if any(n > before[r] for r, n in after.items()):
                worse.append(("all", text, fixed.text))
    assert worse == []
    # the test means something only if the rewrites are offered often, for several rules
    assert texts_fixed >= 80 and sum(offered.values()) >= 100, (texts_fixed, offered)
    assert {"demands-immediacy", "pressure", "comparison", "blaming-you"} <= set(offered)
    assert {"over-justified", "hedge-pile-up"} <= set(offered)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("I need this done ASAP.", "I need this done when you have a moment."),
        (
            "I need you to take over the reporting starting Monday. This is not optional. "
            "Reply ASAP.",
            "I need you to take over the reporting starting Monday. Reply when you have a moment.",
        ),
        (
            "I'm no expert, I may be wrong, but could you look at the budget?",
            "Could you look at the budget?",
        ),
    ],
)
def test_fix_applies_the_rewrites(text: str, fixed: str) -> None:
    result = fix(text)
    assert result.text == fixed
    assert result.after.score is not None and result.before.score is not None
    # the score is a regression over every label's probability: taking words out can move it
    # by a point either way (cutting "I'm so sorry to ask" also drops an I-statement)
    assert result.after.score >= result.before.score - 2


# What each rule's rewrite makes of the words a finding points at (the learned coach decides
# whether a finding is there and whether the rewrite is offered; this is the rewrite itself).
@pytest.mark.parametrize(
    ("rule", "text", "flagged", "fixed"),
    [
        (
            "demands-immediacy",
            "Drop everything and look at my PR.",
            "Drop everything",
            "Look at my PR.",
        ),
        (
            "demands-immediacy",
            "Could you send it? I need it tonight.",
            "tonight",
            "Could you send it? I need it tonight if that works for you.",
        ),
        ("pressure", "Please please read my essay.", "Please please", "Please read my essay."),
        ("pressure", "You must send me the file!", "You must", "Could you send me the file?"),
        (
            "pressure",
            "You're my only hope, could you help me move?",
            "only hope",
            "Could you help me move?",
        ),
        (
            "comparison",
            "You're so much better at this than the career centre people, can you read my CV?",
            "better at this than",
            "Can you read my CV?",
        ),
        (
            "comparison",
            "Everyone else already helped. Could you carry two boxes on Saturday?",
            "Everyone else",
            "Could you carry two boxes on Saturday?",
        ),
        (
            "blaming-you",
            "Circling back for the 4th time. Could you answer?",
            "Circling back",
            "Following up. Could you answer?",
        ),
        (
            "hedge-pile-up",
            "I guess maybe I kind of need a bit of help with the report, if possible?",
            "maybe",
            "I need help with the report?",
        ),
        (
            "over-justified",
            "Sorry, sorry, I'm so sorry to ask. Could you review my draft?",
            "sorry",
            "Sorry to bother you. Could you review my draft?",
        ),
        (
            "over-justified",
            "Hi Fran, so sorry for the late reply. Apologies again. Could you share the template?",
            "sorry",
            "Hi Fran, sorry to bother you. Could you share the template?",
        ),
    ],
)
def test_each_rule_rewrites_the_words_it_is_about(
    rule: str, text: str, flagged: str, fixed: str
) -> None:
    start = text.index(flagged)
    proposed = rewrites.REWRITES[rule](text, ((start, start + len(flagged)),))
    assert proposed is not None and rewrites.apply(text, proposed) == fixed


@pytest.mark.parametrize(
    ("rule", "text", "flagged"),
    [
        ("comparison", "Frank always helps his team, why can't you?", "Frank always"),
        ("blaming-you", "You never reply to my messages.", "You never"),
        ("pressure", "Could you help? No worries if you can't, it's my only hope.", "only hope"),
        ("over-justified", "Sorry to ask, I know you're busy.", "Sorry"),
    ],
)
def test_a_rewrite_never_takes_the_ask_or_leaves_nothing_to_ask(
    rule: str, text: str, flagged: str
) -> None:
    start = text.index(flagged)
    proposed = rewrites.REWRITES[rule](text, ((start, start + len(flagged)),))
    if proposed is not None:
        fixed = rewrites.apply(text, proposed)
        assert "?" in fixed or "could" in fixed.lower(), fixed


def test_a_finding_with_a_rewrite_has_one_span_and_the_words_for_it() -> None:
    text = "I need the figures right away. Could you send them?"
    (finding,) = fixable(check(text))
    assert finding.rule == "demands-immediacy" and len(finding.spans) == 1
    start, end = finding.spans[0]
    assert (text[start:end], finding.replacement) == ("right away", "when you have a moment")
    data = fix(text).to_dict(text)
    assert data["replacements"] == [
        {
            "rule": "demands-immediacy",
            "span": [start, end],
            "before": "right away",
            "after": "when you have a moment",
        }
    ]


def test_blanks_and_missing_context_need_the_writer() -> None:
    report = check("Could you review it? It should take about [15 minutes].")
    assert {f.rule for f in report.problems} >= {"placeholder"}
    assert all(f.replacement is None for f in report.problems)
    assert fix("Can you help me?").applied == ()


def test_a_crisis_is_never_rewritten() -> None:
    text = "I want to kill myself, please call me right now."
    result = fix(text)
    assert result.before.crisis and result.text == text and result.applied == ()


def test_apply_one_refuses_a_fix_the_text_no_longer_has() -> None:
    with pytest.raises(DomainError):
        apply_one("Could you review my draft by Friday? Thanks!", 0)


def test_every_rewrite_is_for_a_problem_rule() -> None:
    assert set(rewrites.REWRITES) <= {r.id for r in RULES.values() if r.kind == "problem"}
    assert "placeholder" not in rewrites.REWRITES and "vague-ask" not in rewrites.REWRITES
