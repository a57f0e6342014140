"""The test suite's own switches: labelled data required in CI, a registered hypothesis profile."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from support import need_shared_data


def test_honest_missing_data_skips_on_a_developer_machine(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("ASKWELL_REQUIRE_DATA", raising=False)
    monkeypatch.delenv("ASKWELL_REQUIRE_SHARED_DATA", raising=False)
    with pytest.raises(pytest.skip.Exception, match="the scenarios is missing"):
        need_shared_data(tmp_path / "nope.jsonl", "the scenarios")


def test_honest_missing_data_fails_when_required(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ASKWELL_REQUIRE_DATA", "1")
    with pytest.raises(pytest.fail.Exception, match="ASKWELL_REQUIRE_DATA=1 says this run"):
        need_shared_data(tmp_path / "nope.jsonl", "the scenarios")
    need_shared_data(tmp_path, "a folder that is there")  # present: no skip, no failure


def test_honest_ci_sets_both_switches_and_the_profile_exists() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "export ASKWELL_REQUIRE_DATA=1" in ci and "export HYPOTHESIS_PROFILE=ci" in ci
    profile = settings.get_profile("ci")
    assert profile.max_examples > settings.get_profile("default").max_examples
    assert profile.deadline is None and profile.derandomize
