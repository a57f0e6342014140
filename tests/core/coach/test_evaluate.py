"""evaluate.py: the span figure says whether a finding points at the labelled evidence."""

from __future__ import annotations

from askwell.core.coach.evaluate import LABEL_RULES, evaluate, span_agrees


def test_span_agrees_on_overlap_only() -> None:
    text = "I'm stuck on the export. Thanks so much!"
    assert span_agrees(text, "Thanks so much", [(25, 39)]) is True
    assert span_agrees(text, "Thanks so much", [(0, 24)]) is False
    assert span_agrees(text, "Thanks so much", [(0, 26)]) is True  # a sentence around it
    assert span_agrees(text, "", [(0, 5)]) is None  # no evidence: not judged
    assert span_agrees(text, "not in the text", [(0, 5)]) is None


def _record(text: str, evidence: dict[str, str], **labels: bool) -> dict:
    return {
        "text": text,
        "labels": {n: labels.get(n, False) for n in LABEL_RULES},
        "evidence": evidence,
    }


def test_evaluate_reports_span_agreement_for_found_labels() -> None:
    text = "I'm stuck on the quarterly export. Could you look at it for 15 minutes? Thanks so much!"
    rec = _record(
        text,
        {"gratitude": "Thanks so much!", "time_boxed": "15 minutes"},
        gratitude=True,
        time_boxed=True,
        specific_ask=True,
        has_context=True,
        i_statement=True,
    )
    labels = evaluate([rec])["labels"]
    assert labels["gratitude"]["span_judged"] == 1
    assert labels["gratitude"]["span_agreement"] == 1.0
    assert labels["time_boxed"]["span_agreement"] == 1.0
    # found, but the record names no evidence for it: not judged
    assert labels["specific_ask"]["span_judged"] == 0
    assert labels["specific_ask"]["span_agreement"] is None
    # reported by its absence: never judged
    assert labels["has_context"]["span_agreement"] is None


def test_evaluate_counts_a_span_elsewhere_as_a_miss() -> None:
    text = "I'm stuck on the quarterly export. Could you look at it for 15 minutes? Thanks so much!"
    # evidence deliberately put on the wrong sentence: the gratitude span cannot overlap it
    rec = _record(text, {"gratitude": "I'm stuck on the quarterly export."}, gratitude=True)
    labels = evaluate([rec])["labels"]
    assert labels["gratitude"]["span_judged"] == 1
    assert labels["gratitude"]["span_agreement"] == 0.0
