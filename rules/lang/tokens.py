"""Lower-cased token streams per sentence for the language-model rules."""
from __future__ import annotations

from dataclasses import dataclass

from newslint.api import Document, Word


@dataclass
class SentenceTokens:
    tokens: list[str]  # "<s>", words..., "</s>"
    words: list[Word | None]  # the Word at each token position (None for <s>/</s>)


def sentence_tokens(doc: Document, skip_scopes: frozenset[str] = frozenset()) -> list[SentenceTokens]:
    out = []
    words = doc.words
    wi = 0
    for sent in doc.sentences:
        if sent.block.scope in skip_scopes:
            continue
        while wi < len(words) and words[wi].start < sent.start:
            wi += 1
        toks = ["<s>"]
        ws: list[Word | None] = [None]
        j = wi
        while j < len(words) and words[j].start < sent.end:
            w = words[j]
            # punctuation between words breaks the n-gram chain less than it helps, except
            # strong breaks (: ; ( ) and dashes), which end the context like a sentence
            gap = doc.prose[words[j - 1].end:w.start] if j > wi else ""
            if any(c in gap for c in ";:()\u2013\u2014[]\ufffc"):
                toks.append("</s>")
                ws.append(None)
                toks.append("<s>")
                ws.append(None)
            t = w.norm
            toks.append("<unk>" if t[0].isdigit() else t)
            ws.append(w)
            j += 1
        toks.append("</s>")
        ws.append(None)
        out.append(SentenceTokens(toks, ws))
    return out
