"""check(): the report's shape, score, spans, limits and channels."""

from __future__ import annotations

import json
import threading

import pytest

from askwell.core.coach import MAX_CHARS, TextTooLong, check
from askwell.core.model import DomainError

GOOD = (
    "Hi Sam, I'm preparing my first conference talk and I'm unsure about the opening. "
    "Since you've given talks at PyCon, could you take a quick look at two slides by Thursday? "
    "It should take about 10 minutes. No worries if you can't this week. Thank you!"
)
BAD = "URGENT!!! You never reply. I'm begging you, help me ASAP."


def rules_of(text: str, kind: str | None = None) -> set[str]:
    return {f.rule for f in check(text).findings if kind is None or f.kind == kind}


def test_check_good_request_has_no_problems_and_high_score() -> None:
    report = check(GOOD)
    assert report.problems == []
    assert report.score is not None and report.score >= 80
    assert {"specific-ask", "time-boxed", "reason-for-them", "easy-out", "gratitude"} <= rules_of(
        GOOD, "strength"
    )


def test_check_bad_request_scores_low_with_problems() -> None:
    report = check(BAD)
    assert {"blaming-you", "pressure"} <= rules_of(BAD, "problem")
    assert report.score is not None and report.score < 30


def test_check_spans_point_into_text() -> None:
    report = check(BAD)
    for finding in report.findings:
        for start, end in finding.spans:
            assert 0 <= start < end <= len(BAD)
    urgent = next(f for f in report.findings if f.rule == "blaming-you")
    assert "never" in BAD[urgent.spans[0][0] : urgent.spans[0][1]].lower()


def test_check_to_dict_is_json_ready_with_all_keys() -> None:
    data = check(GOOD).to_dict()
    json.dumps(data)
    assert set(data) == {
        "score",
        "findings",
        "parts",
        "politeness",
        "strategies",
        "strength",
        "strength_cues",
        "crisis",
        "crisis_message",
    }
    finding = data["findings"][0]
    assert set(finding) == {
        "rule",
        "kind",
        "severity",
        "spans",
        "message",
        "suggestion",
        "replacement",
        "confidence",
    }
    assert 0.0 <= data["politeness"] <= 1.0 and 0.0 <= data["strength"] <= 1.0
    assert {"ask", "thanks", "easy_out", "time_box", "reason"} <= set(data["parts"])


def test_check_suggests_missing_strengths() -> None:
    report = check("I'm moving flats on Saturday. Could you help carry boxes?")
    suggested = {f.rule for f in report.findings if f.kind == "suggestion"}
    assert {"gratitude", "easy-out", "time-boxed", "reason-for-them"} <= suggested
    assert all(f.spans == () for f in report.findings if f.kind == "suggestion")


def test_check_replacement_offered_for_asap() -> None:
    text = "I need the report ASAP."
    report = check(text)
    finding = next(f for f in report.findings if f.rule == "demands-immediacy")
    start, end = finding.spans[0]
    assert text[start:end] == "ASAP"
    assert finding.replacement == "when you have a moment"


def test_check_politeness_orders_polite_above_rude() -> None:
    polite = check(
        "Hi, thanks for the edits! Could you please add a source when you have a moment?"
    )
    rude = check("Why did you delete my stuff? Stop doing that.")
    assert polite.politeness is not None and rude.politeness is not None
    assert polite.politeness > 0.5 > rude.politeness


def test_check_strategies_found_with_spans() -> None:
    text = "Hello! Sorry to bother you, but could you please look at this? Thanks."
    names = {s.name for s in check(text).strategies}
    assert {"greeting", "apologizing", "counterfactual", "please", "gratitude"} <= names


def test_check_text_too_long_raises() -> None:
    with pytest.raises(TextTooLong):
        check("a" * (MAX_CHARS + 1))
    assert issubclass(TextTooLong, DomainError)


def test_check_handles_100k_chars() -> None:
    assert MAX_CHARS >= 100_000
    report = check(("Could you review two slides for me? " * 3000)[:100_000])
    assert report.score is not None


def test_check_unknown_channel_is_domain_error() -> None:
    with pytest.raises(DomainError, match="channel"):
        check("Could you help?", channel="pigeon")


def test_check_empty_text_is_vague() -> None:
    report = check("")
    assert [f.rule for f in report.problems] == ["vague-ask"]


def test_check_is_thread_safe() -> None:
    expected = check(GOOD).to_dict()
    results: list[dict[str, object]] = []

    def run() -> None:
        results.extend(check(GOOD).to_dict() for _ in range(20))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("You should try it; it may be quite possible.", {"hedges"}, set()),
        ("What kind of tool is it?", set(), {"hedges", "positive"}),
        ("I am not sure.", set(), {"positive"}),
        ("Good question! Could you add a source?", set(), {"greeting"}),
        ("Good morning, could you help?", {"greeting"}, set()),
        ("Use the flag, i.e. the second one.", set(), {"first_person"}),
    ],
)
def test_check_politeness_strategies_follow_convokit(
    text: str, present: set[str], absent: set[str]
) -> None:
    names = {s.name for s in check(text).strategies}
    assert present <= names
    assert not absent & names


AGREE_TEXTS = (
    GOOD,
    BAD,
    "Hi Maya, I need feedback on my slides ASAP. Sorry to bother you!",
    "Can you help?",
    "Thanks so much for yesterday!",
    "I'm stuck on the deploy step. Could you pair with me for 20 minutes? No worries if not.",
    "Since you ran the last migration, could you look at mine? It's two files. Thanks!",
    "Hi team, the release is blocked. Could someone look at the flaky test today?",
)


@pytest.mark.parametrize("text", AGREE_TEXTS)
def test_check_parts_agree_with_the_findings(text: str) -> None:
    """The "parts of a good request" badges never contradict the findings shown beside them."""
    from askwell.core.coach.parts import DECIDED_BY

    report = check(text)
    strengths = {f.rule for f in report.findings if f.kind == "strength"}
    problems = {f.rule for f in report.findings if f.kind == "problem"}
    if "no-context" in problems:
        assert "context" not in report.parts
    for part, rule in DECIDED_BY.items():
        assert (part in report.parts) == (rule in strengths), (part, rule)


def test_check_does_not_tick_context_next_to_a_no_context_finding() -> None:
    report = check("Hi Maya, I need feedback on my slides ASAP. Sorry to bother you!")
    assert "no-context" in {f.rule for f in report.findings}
    assert "context" not in report.parts and "ask" in report.parts
