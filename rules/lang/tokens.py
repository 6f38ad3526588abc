"""Lower-cased token streams per sentence for the language-model rules."""
from __future__ import annotations

from dataclasses import dataclass

from newslint.api import Document, Word

# punctuation between words breaks the n-gram chain less than it helps, except strong
# breaks (: ; ( ) and dashes), which end the context like a sentence
_BREAKS = frozenset(";:()\u2013\u2014[]\ufffc")


@dataclass
class SentenceTokens:
    tokens: list[str]  # "<s>", words..., "</s>"
    words: list[Word | None]  # the Word at each token position (None for <s>/</s>)


def sentence_tokens(doc: Document, skip_scopes: frozenset[str] = frozenset()) -> list[SentenceTokens]:
    """The token stream of each sentence outside `skip_scopes`. Computed once per story and
    shared by the rules that ask (``Document.memo``): treat the lists as read-only."""
    return [st for scope, st in doc.memo(_every_sentence) if scope not in skip_scopes]


def _every_sentence(doc: Document) -> list[tuple[str, SentenceTokens]]:
    out = []
    words = doc.words
    prose = doc.prose
    n = len(words)
    wi = 0
    for sent in doc.sentences:
        while wi < n and words[wi].start < sent.start:
            wi += 1
        toks = ["<s>"]
        ws: list[Word | None] = [None]
        j = wi
        end = sent.end
        while j < n and words[j].start < end:
            w = words[j]
            if j > wi:
                gap = prose[words[j - 1].end:w.start]
                if gap != " " and not _BREAKS.isdisjoint(gap):
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
        out.append((sent.block.scope, SentenceTokens(toks, ws)))
    return out
