"""The crisis pointer names the user's own country's lines (ASKWELL_COUNTRY or the locale)."""

from __future__ import annotations

import json

import pytest

from askwell.services.locale import country


def test_locale_country_prefers_the_setting_then_the_locale() -> None:
    assert country({"ASKWELL_COUNTRY": "gb", "LANG": "en_US.UTF-8"}) == "GB"
    assert country({"LANG": "en_AU.UTF-8"}) == "AU"
    assert country({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}) == "FR"
    assert country({"LANG": "C.UTF-8"}) is None
    assert country({"ASKWELL_COUNTRY": "nowhere"}) is None


def test_locale_cli_check_names_the_country_lines(  # type: ignore[no-untyped-def]
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASKWELL_COUNTRY", "GB")
    report = json.loads(cli("check", "I can't go on anymore.", "--json").out)
    assert report["crisis"] is True and report["score"] is None
    assert "999" in report["crisis_message"] and "116 123" in report["crisis_message"]
