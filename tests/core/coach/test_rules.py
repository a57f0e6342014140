"""Every rule flags its must-flag texts and passes its must-pass texts (ours and real ones)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from real_examples import REAL_EXAMPLES

from askwell.core.coach import RULES

OWN = [(r.id, t, True) for r in RULES.values() for t in r.must_flag] + [
    (r.id, t, False) for r in RULES.values() for t in r.must_pass
]
REAL = [(rid, i, True) for rid, (f, _) in REAL_EXAMPLES.items() for i in f] + [
    (rid, i, False) for rid, (_, p) in REAL_EXAMPLES.items() for i in p
]
DOCS = Path(__file__).resolve().parents[3] / "docs" / "coach.md"
EXPECTED = {
    "vague-ask",
    "no-context",
    "over-justified",
    "demands-immediacy",
    "comparison",
    "pressure",
    "blaming-you",
    "specific-ask",
    "time-boxed",
    "reason-for-them",
    "easy-out",
    "gratitude",
    "i-statement",
}


@pytest.mark.parametrize(("rule", "text", "flag"), OWN)
def test_rule_own_examples(rule: str, text: str, flag: bool) -> None:
    assert RULES[rule].flags(text) is flag


@pytest.mark.parametrize(("rule", "key", "flag"), REAL)
def test_rule_real_examples(rule: str, key: str, flag: bool, real: dict[str, str]) -> None:
    assert RULES[rule].flags(real[key]) is flag


def test_rules_registry_has_issue_ids() -> None:
    assert set(RULES) == EXPECTED


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_rule_has_enough_examples(rule: str) -> None:
    r = RULES[rule]
    real_flag, real_pass = REAL_EXAMPLES.get(rule, ((), ()))
    assert len(r.must_flag) + len(real_flag) >= 8
    assert len(r.must_pass) + len(real_pass) >= 8
    assert r.doc and r.message and r.suggestion


def test_rules_all_documented() -> None:
    documented = set(re.findall(r"^### `([a-z-]+)`", DOCS.read_text(encoding="utf-8"), re.M))
    assert set(RULES) <= documented


def test_rule_one_sorry_is_not_over_justified() -> None:
    assert not RULES["over-justified"].flags("Sorry to ask! Could you review two slides?")
