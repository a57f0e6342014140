"""Score the coach against hand-labelled requests (LABELS.md): the figures a user would see.

Pure: it takes records (dicts as in the shared data) and runs `check()` on each text.
Used by bench/coach_quality.py and by the test that keeps every label above its floor.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from askwell.core.coach.engine import Report, check
from askwell.core.coach.findings_labels import LABELS

# label -> the rule that reports it ("no-context" reports has_context when absent)
LABEL_RULES = {
    "specific_ask": "specific-ask",
    "vague_ask": "vague-ask",
    "has_context": "no-context",
    "assumes_knowledge": "assumes-knowledge",
    "over_justified": "over-justified",
    "demands_immediacy": "demands-immediacy",
    "time_boxed": "time-boxed",
    "reason_for_them": "reason-for-them",
    "comparison": "comparison",
    "pressure_guilt": "pressure",
    "blaming_you": "blaming-you",
    "i_statement": "i-statement",
    "easy_out": "easy-out",
    "gratitude": "gratitude",
    "crisis": "(crisis pointer)",
}


@lru_cache(maxsize=4096)
def _report(text: str) -> Report:
    return check(text)


def label_decisions(text: str) -> dict[str, tuple[bool, float]]:
    """Return, per label, what check() said (True/False) and how confident it was."""
    report = _report(text)
    out: dict[str, tuple[bool, float]] = {}
    for label, rule in LABEL_RULES.items():
        if label == "crisis":
            out[label] = (report.crisis, 1.0)
            continue
        hits = [f for f in report.findings if f.rule == rule and f.kind != "suggestion"]
        said = bool(hits)
        if label == "has_context":
            said = not said and not report.crisis
        conf = max((f.confidence or 0.5 for f in hits), default=0.5)
        out[label] = (said, conf)
    return out


# has_context is reported by its absence (no span) and the crisis pointer has none
UNPLACED = frozenset({"has_context", "crisis"})


def span_agrees(text: str, evidence: str, spans: list[tuple[int, int]]) -> bool | None:
    """Return whether any span overlaps the evidence phrase (None: no evidence to judge by)."""
    at = text.find(evidence) if evidence else -1
    if at < 0:
        return None
    end = at + len(evidence)
    return any(start < end and at < stop for start, stop in spans)


def finding_spans(text: str, label: str) -> list[tuple[int, int]]:
    """Return the spans of what check() reported for `label` (none for has_context, crisis)."""
    rule = LABEL_RULES[label]
    return [
        span
        for f in _report(text).findings
        if f.rule == rule and f.kind != "suggestion" and label not in UNPLACED
        for span in f.spans
    ]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def spearman(xs: list[float], ys: list[float]) -> float:
    """Return Spearman's rank correlation (average ranks for ties)."""

    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        out = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                out[order[k]] = (i + j) / 2
            i = j + 1
        return out

    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def evaluate(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Return per-label precision/recall/F1, macro F1, crisis confusion and score Spearman.

    Each label also says how often, of the messages where it was rightly found and the
    record names its `evidence`, the finding's span overlaps that evidence
    (`span_agreement`, over `span_judged` messages; None where nothing could be judged).
    """
    counts = {n: [0, 0, 0] for n in LABELS}
    placed = {n: [0, 0] for n in LABELS}  # found with evidence: [span on it, all]
    scores, quality = [], []
    for rec in records:
        said = label_decisions(rec["text"])
        for name in LABELS:
            want, got = bool(rec["labels"][name]), said[name][0]
            counts[name][0] += want and got
            counts[name][1] += got and not want
            counts[name][2] += want and not got
            if want and got and name not in UNPLACED:
                evidence = rec.get("evidence", {}).get(name) or ""
                agrees = span_agrees(rec["text"], evidence, finding_spans(rec["text"], name))
                if agrees is not None:
                    placed[name][0] += agrees
                    placed[name][1] += 1
        report = _report(rec["text"])
        if report.score is not None and "overall_quality" in rec:
            scores.append(float(report.score))
            quality.append(float(rec["overall_quality"]))
    labels: dict[str, dict[str, Any]] = {}
    for name in LABELS:
        tp, fp, fn = counts[name]
        labels[name] = {**_prf(tp, fp, fn), "support": tp + fn}
        on, judged = placed[name]
        labels[name]["span_judged"] = judged
        labels[name]["span_agreement"] = on / judged if judged else None
    negatives = sum(1 for r in records if not r["labels"]["crisis"])
    tp, fp, fn = counts["crisis"]
    return {
        "labels": labels,
        "macro_f1": sum(v["f1"] for v in labels.values()) / len(labels),
        "spearman": spearman(scores, quality) if len(scores) > 2 else 0.0,
        "crisis": {"tp": tp, "fp": fp, "fn": fn, "negatives": negatives},
    }
