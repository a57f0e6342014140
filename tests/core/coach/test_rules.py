"""Every rule has its table of must-flag and must-pass texts, and the coach agrees with it.

The findings are learned (core/coach/findings.py), so a table is a check on the model, not a
list it was built from: each rule must get at least AGREE of its own examples right in each
direction (today every table is right in full or misses one), and the quality floors on real
wording live in test_quality.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from askwell.core.coach import RULES

DOCS = Path(__file__).resolve().parents[3] / "docs" / "coach.md"
AGREE = 0.85
# A known weak spot of the learned model on one-line examples (docs/benchmarks.md): reasons
# stated as a clause before the ask ("Given your experience with grant writing, could you...")
# fall under reason-for-them's threshold, which cross-validation set high for precision (0.70).
AGREE_FOR = {
    "reason-for-them": 0.5,
}
EXPECTED = {
    "vague-ask",
    "specific-ask",
    "placeholder",
    "no-context",
    "assumes-knowledge",
    "over-justified",
    "hedge-pile-up",
    "demands-immediacy",
    "time-boxed",
    "comparison",
    "pressure",
    "blaming-you",
    "reason-for-them",
    "easy-out",
    "gratitude",
    "i-statement",
}


def test_rules_registry_has_issue_ids() -> None:
    assert set(RULES) == EXPECTED


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_rule_flags_its_must_flag_texts(rule: str) -> None:
    r = RULES[rule]
    missed = [t for t in r.must_flag if not r.flags(t)]
    assert len(missed) <= (1 - AGREE_FOR.get(rule, AGREE)) * len(r.must_flag), missed


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_rule_passes_its_must_pass_texts(rule: str) -> None:
    r = RULES[rule]
    wrong = [t for t in r.must_pass if r.flags(t)]
    assert len(wrong) <= (1 - AGREE_FOR.get(rule, AGREE)) * len(r.must_pass), wrong


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_rule_has_enough_examples(rule: str) -> None:
    r = RULES[rule]
    assert len(r.must_flag) >= 8
    assert len(r.must_pass) >= 8
    assert r.doc and r.message and r.suggestion


@pytest.mark.parametrize("rule", ["placeholder", "hedge-pile-up"])
def test_rule_counted_rules_get_every_example_right(rule: str) -> None:
    r = RULES[rule]
    assert all(r.flags(t) for t in r.must_flag)
    assert not any(r.flags(t) for t in r.must_pass)


def test_rules_all_documented() -> None:
    documented = set(re.findall(r"^### `([a-z-]+)`", DOCS.read_text(encoding="utf-8"), re.M))
    assert set(RULES) <= documented


def test_rule_one_sorry_is_not_over_justified() -> None:
    assert not RULES["over-justified"].flags("Sorry to ask! Could you review two slides?")


def test_rule_one_hedge_is_not_a_pile_up() -> None:
    assert not RULES["hedge-pile-up"].flags("Could you maybe look at my intro this week?")


def test_one_polite_apology_is_not_over_justifying_but_asap_is_flagged() -> None:
    from askwell.core.coach import check

    report = check("Hi Maya, I need feedback on my slides ASAP. Sorry to bother you!")
    rules = {f.rule for f in report.problems}
    assert "demands-immediacy" in rules
    assert "over-justified" not in rules
    assert report.score is not None and report.score <= 60
    polite = check("Sorry to bother you! Could you look at my slides by Friday?")
    assert "over-justified" not in {f.rule for f in polite.problems}
