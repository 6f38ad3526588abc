"""Optional neural error tagger for word-choice/real-word (``pip install newslint[tagger]``).

The model is the PyPI wheel ``quire-grammar-model`` (Apache-2.0, data only): a GECToR-style
token tagger (DistilBERT, int8, ONNX) that gives every sub-word a probability over edit tags
(``$KEEP``, ``$DELETE``, ``$REPLACE_x``, ``$APPEND_x``, ...). It is run with ``onnxruntime``
and the Hugging Face ``tokenizers``. Nothing is ever downloaded: the files are the installed
package's. It is on when the three packages are installed (``available``), off otherwise, and
a rule can turn it off (``tagger = false``).

A sentence is scored once (one forward pass; the last sentences scored are kept), and a word
of it gives three numbers (``word_tags``): the probability that the tagger would not keep the
word (1 - P($KEEP), the most of its sub-words), the same for the sub-words either side of it
(a tagger of this kind often marks a neighbour of the slip instead), and the probability of
``$REPLACE_<alt>`` at its first sub-word for a suggested word, when the tag vocabulary has
it. Probabilities not to keep are summed over the other tags, not read as 1 - P($KEEP), so a
small one keeps its precision. The model is int8: its scores differ a little between
processor types, so they are features of a fitted score (logarithms floored at ``FLOOR``),
never exact bars.
"""
from __future__ import annotations

import importlib.util
import json
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

from newslint.api import Resource

PACKAGES = ("quire-grammar-model", "onnxruntime", "tokenizers")  # distribution names (provenance)
INSTALL = 'pip install "newslint[tagger]"'
# the sentences kept scored: a document's candidates come sentence by sentence
CACHE_SENTENCES = 256
# the tokenizer's own limit (tokenizer.json truncates at 128 sub-words): words past it have no score
MAX_TOKENS = 128
# probabilities are floored here before their logarithm: finer differences are int8 noise
FLOOR = 1e-5

_LOCK = threading.Lock()  # one forward pass at a time


class TaggerUnavailable(RuntimeError):
    pass


def available() -> bool:
    """Whether the model and the packages that run it are installed (without importing
    onnxruntime: a cheap check)."""
    if any(importlib.util.find_spec(m) is None for m in ("quire_grammar_model", "onnxruntime", "tokenizers")):
        return False
    try:
        import quire_grammar_model
    except Exception:  # noqa: BLE001 - a broken install is a missing one
        return False
    return bool(quire_grammar_model.available())


@dataclass(frozen=True)
class WordTags:
    change: float  # 1 - P($KEEP): the most of the word's sub-words
    context: float  # 1 - P($KEEP): the most of the sub-words just before and after it (0: none)
    replace: float  # P($REPLACE_<alt>) at its first sub-word; 0 when the tag vocabulary has no such tag


class Tagger:
    def __init__(self) -> None:
        try:
            import numpy as np
            import onnxruntime as ort
            import quire_grammar_model
            from tokenizers import Tokenizer
        except ImportError as e:
            raise TaggerUnavailable(f"the tagger's packages are not installed ({INSTALL})") from e
        if not quire_grammar_model.available():
            raise TaggerUnavailable("quire-grammar-model is installed without its model files")
        root = quire_grammar_model.path()
        self._np = np
        self.tokenizer = Tokenizer.from_str((root / "tokenizer.json").read_text(encoding="utf-8"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        tags = json.loads((root / "tag_vocab.json").read_text(encoding="utf-8"))
        self.tags: list[str] = list(tags["tags"] if isinstance(tags, dict) else tags)
        self.tag_index = {t: i for i, t in enumerate(self.tags)}
        self.keep = self.tag_index["$KEEP"]
        opts = ort.SessionOptions()
        # one thread: newslint's own workers are the parallelism, and the machine is shared
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession((root / "tagger.onnx").read_bytes(), opts,
                                            providers=["CPUExecutionProvider"])
        self._cache: OrderedDict[str, tuple] = OrderedDict()

    def score(self, sentence: str):
        """(sub-word character offsets, log-probabilities over the tags per sub-word, the
        log-probability of not keeping each sub-word) of a sentence; special tokens have
        offsets (0, 0)."""
        with _LOCK:
            hit = self._cache.get(sentence)
            if hit is not None:
                self._cache.move_to_end(sentence)
                return hit
            np = self._np
            enc = self.tokenizer.encode(sentence)
            ids = np.array([enc.ids], dtype=np.int64)
            logits = self.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
            logp = logits.astype(np.float64)
            logp -= _logsumexp(np, logp)[:, None]
            not_kept = _logsumexp(np, np.delete(logp, self.keep, axis=1))
            out = (tuple(enc.offsets), logp.astype(np.float32), not_kept)
            self._cache[sentence] = out
            if len(self._cache) > CACHE_SENTENCES:
                self._cache.popitem(last=False)
            return out

    def word_tags(self, sentence: str, start: int, end: int, alt: str = "") -> WordTags | None:
        """The tags of sentence[start:end] (its first sub-word), with the probability of
        replacing it by `alt` (as cased); None when the word is past the tokenizer's limit."""
        offsets, logp, not_kept = self.score(sentence)
        real = [e > s for s, e in offsets]
        mine = [i for i, (s, e) in enumerate(offsets) if e > s and s < end and e > start]
        if not mine:
            return None
        around = [i for i in (mine[0] - 1, mine[-1] + 1) if 0 <= i < len(offsets) and real[i]]
        k = self.tag_index.get(f"$REPLACE_{alt}") if alt else None
        return WordTags(math.exp(max(not_kept[i] for i in mine)),
                        math.exp(max(not_kept[i] for i in around)) if around else 0.0,
                        math.exp(logp[mine[0], k]) if k is not None else 0.0)


def _logsumexp(np, a):
    m = a.max(-1)
    return m + np.log(np.exp(a - m[:, None]).sum(-1))


def log_features(tags: WordTags | None) -> dict[str, float]:
    """The tagger's features of a word for a fitted score: natural logs of its three
    probabilities, floored at FLOOR (a word past the tokenizer's limit: all at the floor)."""
    tags = tags or WordTags(0.0, 0.0, 0.0)
    return {"tagger_change": math.log(max(tags.change, FLOOR)), "tagger_context": math.log(max(tags.context, FLOOR)),
            "tagger_replace": math.log(max(tags.replace, FLOOR))}


# one session per process; onnxruntime's threads do not survive a fork
load = Resource("error tagger", Tagger, fork_safe=False, example=None)


def load_for(rule) -> Tagger | None:
    """The tagger for a rule with a ``tagger`` option: None when the option is off or the
    packages are not installed (then the rule runs as without them); when installed but it
    fails to load, one notice says so."""
    if not rule.options.tagger or not available():
        return None
    try:
        return load()
    except Exception as e:  # noqa: BLE001 - the rule runs without it
        rule.notice(f"{rule.id}: the error tagger is not used ({e}); the rule runs without it")
        return None
