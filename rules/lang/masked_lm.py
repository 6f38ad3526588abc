"""Optional masked-language-model judge for word-choice/unusual-word and real-word.

Install with ``pip install newslint[transformers]`` and point the rule at a model directory
you have downloaded yourself (any BERT- or RoBERTa-style masked LM, for example
distilroberta-base)::

    [rules."word-choice/unusual-word"]
    masked-model = "/models/distilroberta-base"

The model is read with ``local_files_only=True``: newslint never downloads it. The word is
masked in its sentence and the model's log-probability for it (its first sub-word) is
compared with the model's best prediction.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from newslint.api import Resource

_LOCK = threading.Lock()  # one forward pass at a time


class MaskedLMUnavailable(RuntimeError):
    pass


@dataclass(frozen=True)
class Judgement:
    own: float  # natural-log probability of the written word (first sub-word) in the slot
    best: float  # the best prediction's log-probability
    predictions: tuple[str, ...]  # whole-word predictions, most probable first


class MaskedLM:
    def __init__(self, path: str) -> None:
        try:
            import torch
            from transformers import AutoModelForMaskedLM, AutoTokenizer
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise MaskedLMUnavailable(
                "transformers and torch are not installed (pip install newslint[transformers])") from e
        if not os.path.isdir(path):
            raise MaskedLMUnavailable(f"no model directory at {path}")
        self._torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        if not self.tokenizer.is_fast or self.tokenizer.mask_token_id is None:
            raise MaskedLMUnavailable(f"{path}: a fast tokenizer with a mask token is needed")
        self.model = AutoModelForMaskedLM.from_pretrained(path, local_files_only=True)
        self.model.eval()

    def _slot(self, sentence: str, start: int, end: int):
        """(log-probabilities over the vocabulary at the masked slot, the written word's first
        sub-word id), or None when the word is not among the tokens (a truncated sentence)."""
        torch = self._torch
        enc = self.tokenizer(sentence, return_offsets_mapping=True, truncation=True, max_length=256)
        pieces = [i for i, (s, e) in enumerate(enc["offset_mapping"]) if e > s and s < end and e > start]
        if not pieces:
            return None
        ids = list(enc["input_ids"])
        own_id = ids[pieces[0]]
        ids[pieces[0]] = self.tokenizer.mask_token_id
        for i in reversed(pieces[1:]):
            del ids[i]
        with _LOCK, torch.no_grad():
            logits = self.model(input_ids=torch.tensor([ids])).logits[0, pieces[0]]
        return torch.log_softmax(logits.float(), dim=-1), own_id

    def word_scores(self, sentence: str, start: int, end: int, words: list[str]) -> dict[str, float] | None:
        """The log-probability of each of `words` (its first sub-word) in the slot of
        sentence[start:end]."""
        slot = self._slot(sentence, start, end)
        if slot is None:
            return None
        logp, _ = slot
        out = {}
        for w in words:
            ids = self.tokenizer(w, add_special_tokens=False)["input_ids"]
            if ids:
                out[w] = float(logp[ids[0]])
        return out

    def judge(self, sentence: str, start: int, end: int, top_k: int = 20) -> Judgement | None:
        """Mask sentence[start:end] and score the slot; None when the word cannot be found
        among the tokens (truncated sentence)."""
        torch = self._torch
        slot = self._slot(sentence, start, end)
        if slot is None:
            return None
        logp, own_id = slot
        top = torch.topk(logp, min(top_k, logp.shape[0]))
        words = []
        for tid in top.indices.tolist():
            w = self.tokenizer.decode([tid]).strip()
            if w.isalpha() and w not in words:
                words.append(w)
        return Judgement(float(logp[own_id]), float(top.values[0]), tuple(words))


# a model per directory; torch's threads do not survive a fork
load = Resource("masked-model", MaskedLM, fork_safe=False, example=None)


def load_for(rule) -> MaskedLM | None:
    """The model a rule's ``masked-model`` option names, or None: not set, or it cannot be
    used (a missing package, directory or a broken model), which one notice says."""
    path = rule.options.masked_model
    if not path:
        return None
    try:
        return load(os.path.expanduser(path))
    except Exception as e:  # noqa: BLE001 - the built-in detector runs instead
        rule.notice(f"{rule.id}: masked-model not used ({e}); the built-in detector runs instead")
        return None
