"""Language resources shared by the rule families, one module each:

- ``lexicon``: the English lexicon (wordfreq's frequencies, pyspellchecker's word list);
- ``names``: census first names and surnames; ``dialects``: British and American spellings;
- ``word_classes``: articles, determiners, pronouns, prepositions, honorifics... each defined once;
- ``confusables``: commonly confused words and homophones;
- ``ngram``: the trigram model; ``vectors``: word vectors; ``masked_lm``: the optional masked model;
- ``tokens``: token streams per sentence; ``syllables``; ``passive``: passive constructions;
- ``scorer``: the fitted logistic score, and ``provenance``: what its data was made from;
- ``house_style``: the ``[style]`` preset (AP or British).

Each loaded resource is held by a ``newslint.api.Resource``: loaded on first use, once per
process. A rule family imports ``newslint.api`` and this package, and nothing of another family.
"""
