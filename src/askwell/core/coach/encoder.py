"""The fine-tuned request encoder: per-label probabilities, a quality estimate and an embedding.

The model is all-MiniLM-L6-v2 fine-tuned on the labelled help requests by
training/encoder.py, exported to ONNX and int8-quantised. Its folder holds `model.onnx`,
`tokenizer.json` and `encoder.json` (labels, thresholds, max_length). Nothing is read and
onnxruntime is not imported until the first text is encoded, so importing this module is free
and the rest of the coach works where onnxruntime is not installed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ARTIFACT_FILES = ("model.onnx", "tokenizer.json", "encoder.json")


class EncoderUnavailable(RuntimeError):
    """The encoder's files or onnxruntime are missing; the message says which."""


@dataclass(frozen=True)
class Encoded:
    """What the encoder read in one text."""

    probabilities: dict[str, float]
    found: frozenset[str]
    quality: float
    embedding: np.ndarray


@dataclass
class _Loaded:
    session: Any
    tokenizer: Any
    labels: tuple[str, ...]
    cuts: np.ndarray


class RequestEncoder:
    """Runs the exported encoder with onnxruntime; loads its folder on first use."""

    def __init__(self, folder: Path, *, model_file: str = "model.onnx", threads: int = 1) -> None:
        """Remember where the artifact lives; `threads` is onnxruntime's intra-op thread count."""
        self.folder = Path(folder)
        self.model_file = model_file
        self.threads = threads
        self._loaded: _Loaded | None = None

    @property
    def loaded(self) -> bool:
        """Return True once the model has been read."""
        return self._loaded is not None

    def _load(self) -> _Loaded:
        if self._loaded is not None:
            return self._loaded
        names = (self.model_file, "tokenizer.json", "encoder.json")
        missing = [n for n in names if not (self.folder / n).is_file()]
        if missing:
            raise EncoderUnavailable(
                f"encoder files missing in {self.folder}: {', '.join(missing)}"
            )
        try:
            import onnxruntime as ort
        except ImportError as exc:
            raise EncoderUnavailable("the request encoder needs onnxruntime installed") from exc
        from tokenizers import Tokenizer

        meta = json.loads((self.folder / "encoder.json").read_text(encoding="utf-8"))
        labels = tuple(meta["labels"])
        cuts = np.array([float(meta["thresholds"][k]) for k in labels], dtype=np.float32)
        tokenizer = Tokenizer.from_file(str(self.folder / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(int(meta["max_length"]))
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        session = ort.InferenceSession(
            str(self.folder / self.model_file), options, providers=["CPUExecutionProvider"]
        )
        self._loaded = _Loaded(session, tokenizer, labels, cuts)
        return self._loaded

    @property
    def labels(self) -> tuple[str, ...]:
        """Return the label names, in the model's output order."""
        return self._load().labels

    @property
    def thresholds(self) -> dict[str, float]:
        """Return the probability at or above which each label counts as found."""
        loaded = self._load()
        return {k: round(float(c), 6) for k, c in zip(loaded.labels, loaded.cuts, strict=True)}

    def encode(self, text: str) -> Encoded:
        """Return the label probabilities, quality (1-5) and unit embedding of one text."""
        return self.encode_many([text], batch=1)[0]

    def encode_many(self, texts: Sequence[str], batch: int = 1) -> list[Encoded]:
        """Encode texts, `batch` at a time (similar lengths padded together).

        The int8 model scales activations per batch, so batch > 1 is faster but moves each
        text's numbers slightly (probabilities by a few hundredths); thresholds were set at batch 1.
        """
        loaded = self._load()
        ids = [e.ids for e in loaded.tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        results: list[Encoded | None] = [None] * len(ids)
        for start in range(0, len(order), max(1, batch)):
            part = order[start : start + max(1, batch)]
            width = max(len(ids[i]) for i in part)
            input_ids = np.zeros((len(part), width), dtype=np.int64)
            mask = np.zeros((len(part), width), dtype=np.int64)
            for row, i in enumerate(part):
                input_ids[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1
            probs, quality, embedding = loaded.session.run(
                None, {"input_ids": input_ids, "attention_mask": mask}
            )
            for row, i in enumerate(part):
                results[i] = _result(loaded, probs[row], float(quality[row]), embedding[row])
        return [r for r in results if r is not None]


def _result(loaded: _Loaded, probs: np.ndarray, quality: float, embedding: np.ndarray) -> Encoded:
    values = {k: float(p) for k, p in zip(loaded.labels, probs, strict=True)}
    found = frozenset(
        k for k, p, c in zip(loaded.labels, probs, loaded.cuts, strict=True) if p >= c
    )
    return Encoded(values, found, quality, np.asarray(embedding, dtype=np.float32))
