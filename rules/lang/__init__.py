"""Language resources shared by the rule families: the lexicon (``lexicon``), census names
(``names``), British and American spellings (``dialects``), the trigram model (``ngram``),
word vectors (``vectors``), the optional masked model (``masked_lm``), token streams
(``tokens``), the fitted logistic score (``scorer``), syllables (``syllables``), passive
constructions (``passive``) and the house style presets (``house_style``).

A rule family imports ``newslint.api`` and this package, and nothing of another family.
"""
