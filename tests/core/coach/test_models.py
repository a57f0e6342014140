"""The shipped models: the fast scorer equals the training features, and the files are small."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest

from askwell.core.coach import politeness, strength
from askwell.core.coach.politeness import linear_score, sigmoid
from askwell.core.coach.weights import load_model

TEXTS = (
    "Hi! Could you please take a look at my draft? Thanks so much.",
    "Why did you revert my edit? It was obviously correct.",
    "[Request] Broke until Friday, will pay it forward. Here's a photo: http://imgur.com/x",
    "",
    "?!",
)
MODELS = Path(__file__).resolve().parents[3] / "src" / "askwell" / "models" / "coach"


@pytest.mark.parametrize("text", TEXTS)
def test_models_politeness_fast_path_matches_features(text: str) -> None:
    found = politeness.find_strategies(text)
    feats = politeness.features(text, found)
    slow = sigmoid(linear_score(feats, load_model("politeness"), politeness.tokens(text)[1:]))
    assert politeness.estimate(text, found) == pytest.approx(slow, abs=1e-9)


@pytest.mark.parametrize("text", TEXTS)
def test_models_strength_fast_path_matches_features(text: str) -> None:
    slow = sigmoid(
        linear_score(strength.features(text, strength.cues_found(text)), load_model("strength"))
    )
    assert strength.estimate(text)[0] == pytest.approx(slow, abs=1e-9)


def test_models_are_small_json_and_arrays_without_pickles() -> None:
    files = sorted(MODELS.iterdir())
    assert {f.name for f in files} >= {
        "politeness.json",
        "strength.json",
        "findings.json",
        "findings.npz",
        "crisis.json",
        "crisis.npz",
    }
    for f in files:
        assert f.suffix in (".json", ".npz") and f.stat().st_size < 5_000_000
    for f in MODELS.glob("*.npz"):
        import numpy as np

        with np.load(f, allow_pickle=False) as data:  # raises on any pickled object
            assert all(data[k].dtype.kind == "f" for k in data.files)


def test_models_record_their_dev_figures() -> None:
    assert load_model("politeness")["meta"]["dev_accuracy"]["wikipedia"] > 0.8
    assert load_model("politeness")["meta"]["dev_accuracy"]["stackexchange"] > 0.67
    assert load_model("strength")["meta"]["dev_roc_auc"] > 0.6


def test_models_refuse_another_feature_width_with_the_way_out(tmp_path: Path) -> None:
    """A model trained before a cue family changed says so, instead of failing mid-check."""
    import shutil

    from askwell.core.coach import crisis_model
    from askwell.core.coach import findings as findings_model

    shipped = Path(str(files("askwell") / "models" / "coach"))
    for name in ("crisis.json", "crisis.npz", "findings.json", "findings.npz"):
        shutil.copy(shipped / name, tmp_path / name)
    crisis_meta = json.loads((tmp_path / "crisis.json").read_text(encoding="utf-8"))
    crisis_meta["vocab"] = crisis_meta["vocab"][1:]  # one more column reads as dense
    (tmp_path / "crisis.json").write_text(json.dumps(crisis_meta), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain it"):
        crisis_model.load(tmp_path)
    meta = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    meta["sentence_vocab"] = meta["sentence_vocab"][1:]
    (tmp_path / "findings.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ValueError, match=r"trained on \d+ dense features but featurize.py now"):
        findings_model.load(tmp_path)
    assert crisis_model.default_model().probability("Could you look at my slides?") < 0.5
