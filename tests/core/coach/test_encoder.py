"""The request encoder's runtime, against the artifact that training/encoder.py builds.

The artifact (training/out/encoder/) is not in git; the tests that run it skip when it is absent
(or when onnxruntime is not installed, since it is not yet a runtime dependency).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from askwell.core.coach.encoder import ARTIFACT_FILES, EncoderUnavailable, RequestEncoder
from support import need_shared_data

REPO = Path(__file__).resolve().parents[3]
ARTIFACT = REPO / "training" / "out" / "encoder"
DEV = REPO / ".." / "shared" / "data" / "requests" / "dev.jsonl"

needs_artifact = pytest.mark.skipif(
    not all((ARTIFACT / name).is_file() for name in ARTIFACT_FILES),
    reason="no encoder artifact: run training/encoder.py (see docs/encoder_results.md)",
)


@pytest.fixture(scope="module")
def encoder() -> RequestEncoder:
    pytest.importorskip("onnxruntime", reason="onnxruntime is not installed")
    return RequestEncoder(ARTIFACT)


def test_encoder_reads_nothing_until_first_use(tmp_path: Path) -> None:
    enc = RequestEncoder(tmp_path / "nowhere")
    assert enc.loaded is False


def test_encoder_missing_files_are_named_in_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "tokenizer.json").write_text("{}", encoding="utf-8")
    with pytest.raises(EncoderUnavailable, match=r"model\.onnx, encoder\.json"):
        RequestEncoder(tmp_path).encode("Could you look at slide 4?")


@needs_artifact
def test_encoder_gives_every_label_a_probability_and_a_unit_embedding(
    encoder: RequestEncoder,
) -> None:
    out = encoder.encode("Could you look at slides 4 and 5 before Friday? Thanks!")
    assert set(out.probabilities) == set(encoder.labels)
    assert len(encoder.labels) == 15
    assert all(0.0 <= p <= 1.0 for p in out.probabilities.values())
    assert out.embedding.shape == (384,)
    assert abs(float(np.linalg.norm(out.embedding)) - 1.0) < 1e-4
    assert 0.0 < out.quality < 6.0
    assert out.found == {k for k, p in out.probabilities.items() if p >= encoder.thresholds[k]}


@needs_artifact
def test_encoder_batches_stay_close_to_single_texts(encoder: RequestEncoder) -> None:
    # int8 activations share one scale per batch, so padding next to a long text moves a short
    # text's numbers a little; `encode` (batch of one) is what the thresholds were chosen on.
    texts = [
        "hey",
        "I'm stuck on the migration and have tried rolling back twice. Could you pair with me "
        "for 20 minutes tomorrow? You set up the schema, so you'd spot it fast. No worries if not.",
        "you never help with anything, do the dishes NOW",
    ]
    single = [encoder.encode(t) for t in texts]
    batched = encoder.encode_many(texts, batch=3)
    for a, b in zip(single, batched, strict=True):
        for label in encoder.labels:
            assert abs(a.probabilities[label] - b.probabilities[label]) < 0.1
        assert float(a.embedding @ b.embedding) > 0.97


@needs_artifact
def test_encoder_reproduces_its_recorded_dev_figures(encoder: RequestEncoder) -> None:
    need_shared_data(DEV, "the labelled dev requests")
    meta = json.loads((ARTIFACT / "encoder.json").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in DEV.open(encoding="utf-8")]
    outs = [encoder.encode(r["text"]) for r in rows]
    scores = []
    for label in encoder.labels:
        truth = [bool(r["labels"][label]) for r in rows]
        pred = [o.probabilities[label] >= meta["thresholds"][label] for o in outs]
        tp = sum(t and p for t, p in zip(truth, pred, strict=True))
        wrong = sum(t != p for t, p in zip(truth, pred, strict=True))
        scores.append(2 * tp / (2 * tp + wrong))
    assert abs(float(np.mean(scores)) - meta["dev_macro_f1"]["onnx_int8"]) < 1e-3
    crisis = [bool(r["labels"]["crisis"]) for r in rows]
    missed = sum(t and "crisis" not in o.found for t, o in zip(crisis, outs, strict=True))
    alarms = sum("crisis" in o.found and not t for t, o in zip(crisis, outs, strict=True))
    assert (missed, alarms) == (meta["dev_crisis"]["missed"], meta["dev_crisis"]["false_alarms"])
