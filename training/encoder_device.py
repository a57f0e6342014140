"""Pack the encoder's training run for the GPU machine (64 MiB carry limit) and unpack it there.

    pack DIR      scripts, data, prepared politeness/RAOP texts, and the base MiniLM in fp16
                  with only the word-piece rows that the data uses (the table is frozen in
                  training, so rows no text reaches never matter there)
    unpack DIR B  rebuild a loadable fp32 base model folder B from DIR/base (on the GPU machine)

The exported artifact is always built on the CPU machine from the full fp32 base model plus
the fine-tuned weights (training/encoder.py --from-weights), so the shipped table is complete.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np

REPO = Path(__file__).resolve().parents[1]
WORD = "embeddings.word_embeddings.weight"
SCRIPTS = (
    "encoder.py",
    "encoder_model.py",
    "encoder_metrics.py",
    "encoder_export.py",
    "encoder_transfer.py",
    "encoder_device.py",
    "common.py",
)


def pack(folder: Path, data: Path) -> None:
    """Write everything the GPU run needs under `folder`."""
    import gzip

    from encoder_model import base_model_dir, load_requests, tokenizer
    from encoder_transfer import prepare
    from safetensors.numpy import load_file, save_file

    (folder / "training" / "data").mkdir(parents=True, exist_ok=True)
    for name in SCRIPTS:
        shutil.copyfile(REPO / "training" / name, folder / "training" / name)
    runtime = Path("src/askwell/core/coach/encoder.py")
    (folder / runtime).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / runtime, folder / runtime)
    extra = REPO / "training" / "data" / "requests_extra.jsonl"
    if extra.is_file():
        shutil.copyfile(extra, folder / "training" / "data" / extra.name)
    (folder / "data" / "requests").mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        shutil.copyfile(
            data / "requests" / f"{split}.jsonl", folder / "data/requests" / f"{split}.jsonl"
        )
    prepare(folder / "prepared", data)
    texts = [
        r["text"] for p in (folder / "data" / "requests").glob("*.jsonl") for r in load_requests(p)
    ]
    if extra.is_file():
        texts += [r["text"] for r in load_requests(extra)]
    for p in (folder / "prepared").glob("*.jsonl.gz"):
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh]
    tok = tokenizer(100_000)
    used = sorted({i for e in tok.encode_batch(texts) for i in e.ids})
    base = base_model_dir()
    tensors = load_file(str(base / "model.safetensors"))
    packed = {k: v.astype(np.float16) for k, v in tensors.items() if v.dtype == np.float32}
    packed[WORD] = tensors[WORD][used].astype(np.float16)
    packed["word_ids"] = np.array(used, dtype=np.int64)
    packed["word_rows_total"] = np.array([tensors[WORD].shape[0]], dtype=np.int64)
    others = {k: v for k, v in tensors.items() if v.dtype != np.float32}
    (folder / "base").mkdir(parents=True, exist_ok=True)
    save_file({**packed, **others}, str(folder / "base" / "weights.safetensors"))
    for name in ("config.json", "tokenizer.json"):
        shutil.copyfile(base / name, folder / "base" / name)
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    print(f"packed {len(texts)} texts, {len(used)} word pieces used; {size / 2**20:.1f} MiB")


def unpack(folder: Path, target: Path) -> None:
    """Rebuild an fp32 model.safetensors (unused word-piece rows zero) for from_pretrained."""
    from safetensors.numpy import load_file, save_file

    packed = load_file(str(folder / "base" / "weights.safetensors"))
    ids, total = packed.pop("word_ids"), int(packed.pop("word_rows_total")[0])
    rows = packed.pop(WORD)
    table = np.zeros((total, rows.shape[1]), dtype=np.float32)
    table[ids] = rows.astype(np.float32)
    out = {k: v.astype(np.float32) if v.dtype == np.float16 else v for k, v in packed.items()}
    out[WORD] = table
    target.mkdir(parents=True, exist_ok=True)
    save_file(out, str(target / "model.safetensors"), metadata={"format": "pt"})
    for name in ("config.json", "tokenizer.json"):
        shutil.copyfile(folder / "base" / name, target / name)
    print(f"unpacked base model into {target}")


def main() -> None:
    """Dispatch pack / unpack."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("step", choices=("pack", "unpack"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("target", type=Path, nargs="?")
    parser.add_argument("--data", type=Path, default=REPO / ".." / "shared" / "data")
    args = parser.parse_args()
    if args.step == "pack":
        pack(args.folder, args.data)
    else:
        assert args.target is not None
        unpack(args.folder, args.target)


if __name__ == "__main__":
    main()
