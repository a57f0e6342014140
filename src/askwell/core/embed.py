"""Sentence embeddings from the shipped static model, with a lexical fallback that says so.

The model (distilled from all-MiniLM-L6-v2 by training/distil_embeddings.py) is a table of
one vector per WordPiece token: a text's vector is the mean of its token vectors, L2-normalised.
Reading the package data happens once, lazily, in `load_embedder`; everything else is pure.
When the files (or the `tokenizers` library) are missing, a hashed bag-of-words embedder takes
over, so callers keep working and `available()` / `Embedder.semantic` tell them it is lexical.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_FILES = ("embeddings.safetensors", "tokenizer.json", "config.json")
LEXICAL_DIMS = 1024
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_STOPWORDS = frozenset(
    re.split(
        r"\s+",
        "a an and are as at be but by for from how i in is it me my of on or our so that the "
        "this to was we what when with you your",
    )
)


@dataclass(frozen=True)
class Embedder:
    """Turns texts into L2-normalised row vectors; `semantic` is False for the lexical fallback."""

    name: str
    dims: int
    semantic: bool
    _encode: Callable[[Sequence[str]], np.ndarray]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return a float32 matrix with one unit-length row per text (zero rows for empty text)."""
        if not texts:
            return np.zeros((0, self.dims), dtype=np.float32)
        return normalise_rows(self._encode(texts))


def normalise_rows(matrix: np.ndarray) -> np.ndarray:
    """Scale every non-zero row to unit length (float32)."""
    out = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)


def _stem(word: str) -> str:
    if len(word) > 6:
        return word[:6]
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def lexical_terms(text: str) -> list[str]:
    """Return the lower-cased, crudely stemmed content words of a text."""
    return [_stem(w) for w in _WORD_RE.findall(text.lower()) if w not in _STOPWORDS]


def _lexical_encode(texts: Sequence[str]) -> np.ndarray:
    out = np.zeros((len(texts), LEXICAL_DIMS), dtype=np.float32)
    for row, text in enumerate(texts):
        for term in lexical_terms(text):
            out[row, zlib.crc32(term.encode("utf-8")) % LEXICAL_DIMS] += 1.0
    return out


LEXICAL = Embedder("lexical (word overlap)", LEXICAL_DIMS, False, _lexical_encode)


def _read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Read a safetensors file with numpy alone (header length, JSON header, raw arrays)."""
    dtypes = {"F16": np.float16, "F32": np.float32, "F64": np.float64}
    raw = path.read_bytes()
    size = int.from_bytes(raw[:8], "little")
    header: dict[str, Any] = json.loads(raw[8 : 8 + size])
    body = memoryview(raw)[8 + size :]
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        array = np.frombuffer(body[start:end], dtype=dtypes[meta["dtype"]])
        tensors[name] = array.reshape(meta["shape"])
    return tensors


def _static_embedder(model_dir: Path) -> Embedder:
    from tokenizers import Tokenizer

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    table = _read_safetensors(model_dir / "embeddings.safetensors")["embeddings"]
    vectors = np.ascontiguousarray(table, dtype=np.float32)
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(int(config.get("max_tokens", 512)))
    unk = tokenizer.token_to_id("[UNK]")

    def encode(texts: Sequence[str]) -> np.ndarray:
        # One text at a time: encode_batch hands small batches to a thread pool, which costs
        # more than it saves for the few sentences of one check, and far more on a busy machine.
        encodings = [tokenizer.encode(t, add_special_tokens=False) for t in texts]
        ids = [[i for i in e.ids if i != unk] for e in encodings]
        lengths = np.fromiter((len(i) for i in ids), dtype=np.int64, count=len(ids))
        out = np.zeros((len(ids), vectors.shape[1]), dtype=np.float32)
        filled = lengths > 0
        if filled.any():
            flat = np.fromiter((t for row in ids for t in row), dtype=np.int64)
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[filled]
            sums = np.add.reduceat(vectors[flat], starts, axis=0)
            out[filled] = sums / lengths[filled, None]
        return out

    return Embedder(
        f"static model ({config.get('teacher', 'distilled')})", vectors.shape[1], True, encode
    )


def load_embedder(model_dir: Path | None = None) -> Embedder:
    """Load the static model from `model_dir` (default: shipped), or fall back to lexical."""
    if model_dir is None:
        from importlib.resources import files

        model_dir = Path(str(files("askwell") / "models" / "embed"))
    if not all((model_dir / name).is_file() for name in MODEL_FILES):
        return LEXICAL
    try:
        return _static_embedder(model_dir)
    except (ImportError, OSError, ValueError, KeyError):
        return LEXICAL


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """Return the shipped embedder, loaded once per process."""
    return load_embedder()


def available() -> bool:
    """Return True when the shipped semantic model loaded (False: lexical fallback in use)."""
    return default_embedder().semantic


def encode(texts: Sequence[str]) -> np.ndarray:
    """Embed texts with the default embedder: one L2-normalised float32 row per text."""
    return default_embedder().encode(texts)


def similarity(a: str | np.ndarray, b: str | np.ndarray) -> float:
    """Return the cosine similarity of two texts (or two vectors), between -1 and 1."""
    vec_a = encode([a])[0] if isinstance(a, str) else normalise_rows(np.atleast_2d(a))[0]
    vec_b = encode([b])[0] if isinstance(b, str) else normalise_rows(np.atleast_2d(b))[0]
    return float(np.dot(vec_a, vec_b))
